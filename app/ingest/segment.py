"""Sentences and clauses, with offsets into the original article text.

Crawled Arabic news glues sentences together in several ways: a dot directly
followed by the next word ("السورية.وفي"), the ".," artefact of scraped
paragraphs, hard-wrapped lines inside one sentence, and whole paragraphs
repeated word for word. `sentences` cuts on punctuation and paragraph breaks
but keeps a hard-wrapped sentence whole; `repeats` says which sentences are
copies (or truncated copies) of another so their events are read once.
Clauses (`clause_bounds`) are what decides which time expression governs
which event, so they cut on commas and on connectives like "على أن".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import yaml

from app.config import RESOURCES_DIR
from app.ingest.records import Sentence

RESOURCE = RESOURCES_DIR / "events" / "segment.yaml"

# A run of terminal punctuation, any closing quotes or brackets after it, and the "," artefact.
_BOUNDARY = re.compile(r"(?P<punct>[.!?؟]+[\"»”’)\]]*,?)|(?P<para>\n[ \t\u00a0]*\n\s*)|(?P<line>\n)")
_TERMINAL = '.!?؟:"»”)'
_STRIP = " \t\r\n\u00a0,،;؛-–—"
_ALNUM = re.compile(r"[^\W_]")
_MIN_PREFIX = 20  # a truncated copy must be this long (folded) to count as a repeat


@lru_cache(maxsize=1)
def _resources() -> dict[str, Any]:
    data = yaml.safe_load(RESOURCE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "abbreviations" not in data:
        raise ValueError(f"{RESOURCE}: expected a mapping with 'abbreviations' and 'clause_connectives'")
    return data


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(_resources()["abbreviations"])


def _is_boundary(text: str, m: re.Match[str], first_line_end: int) -> bool:
    """Whether a punctuation or line-break match really ends a sentence."""
    start, end = m.start(), m.end()
    if m.group("para"):
        return True
    if m.group("line"):
        # A single line break ends the title line and any line closed by punctuation;
        # elsewhere it is a hard wrap inside one sentence.
        k = start  # the last character before the break other than a space
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        return start == first_line_end or k == 0 or text[k - 1] in _TERMINAL
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < len(text) else ""
    if not prev or prev.isspace() or prev == "(":
        return False  # "?الأزمة", "(...)": stray marks, not the end of a sentence
    if m.group("punct").startswith(".") and prev.isdigit() and nxt.isdigit():
        return False  # 2.5
    if m.group("punct") == "." and _abbreviation_before(text, start):
        return False
    # "e.g": a dot followed by a lower-case Latin letter is inside a word
    return not (nxt and nxt.isascii() and nxt.isalpha() and nxt.islower())


def _abbreviation_before(text: str, dot: int) -> bool:
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    return bool(word) and word.isascii() and (word in _abbreviations() or len(word) == 1 or "." in word)


def sentences(text: str, lang: str = "ar") -> list[Sentence]:
    """The sentences of `text` in order; each Sentence.text == text[start:end]."""
    first_line_end = text.find("\n")
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        if not _is_boundary(text, m, first_line_end):
            continue
        cut = m.end() if m.group("punct") else m.start()
        _append(text, pos, cut, out)
        pos = m.end()
    _append(text, pos, len(text), out)
    return out


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    piece = text[start:end]
    if _ALNUM.search(piece):  # a letter or digit: str.isalnum, as the regex engine reads it
        out.append(Sentence(start, end, piece))


_NON_WORD = re.compile(r"[\W_]+")


def _key(sentence: Sentence) -> str:
    """Words only: copies differ in spacing and punctuation, not in their words."""
    return _NON_WORD.sub(" ", sentence.text).strip().lower()


def repeats(sents: Sequence[Sentence]) -> dict[int, int]:
    """Index of each repeated sentence -> index of the sentence it copies.

    A sentence repeated word for word maps to its first occurrence; a copy cut
    off mid-sentence (a prefix of a longer sentence, without final punctuation)
    maps to the complete one, wherever that stands.
    """
    keys = [_key(s) for s in sents]
    first: dict[str, int] = {}
    out: dict[int, int] = {}
    for i, key in enumerate(keys):
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    for i, key in enumerate(keys):
        if i in out or len(key) < _MIN_PREFIX or sents[i].text[-1] in _TERMINAL:
            continue
        for j, other in enumerate(keys):
            if j != i and j not in out and len(other) > len(key) and other.startswith(key):
                out[i] = j
                break
    return out


@lru_cache(maxsize=4)
def _clause_re(lang: str) -> re.Pattern[str]:
    words = _resources()["clause_connectives"].get("en" if lang == "en" else "ar", [])
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[،,;؛()]|\s[-–—]\s|(?<![^\W\d_])(?:و)?(?:{alts})(?![^\W\d_])")


def clause_bounds(folded: str, start: int, end: int, lang: str = "ar") -> list[tuple[int, int]]:
    """Clauses of folded[start:end] as (start, end) offsets into `folded`."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _clause_re(lang).finditer(folded, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end() if m.group(0)[0] in "،,;؛()" or m.group(0)[0].isspace() else m.start()
    if pos < end:
        out.append((pos, end))
    return [c for c in out if folded[c[0] : c[1]].strip()]
