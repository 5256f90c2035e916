"""Extraction rules of the time-expression tagger: resources/timex/rules.yaml, compiled.

A rule's pattern names word lists by placeholder ({month}, {wd}, {rel} …); each placeholder
becomes a named group built from the folded lexicon, so adding a spelling to a YAML list
extends every rule that uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.ingest.timex_lexicon import Lexicon, alternation, lexicon, load_resource
from app.ingest.timex_normalize import READERS

# Arabic words carry proclitics (و ف ب ل ك, or two of them: وب، فل): a match starts at a word
# start and may consume one into the group "clitic", which is not part of the expression.
# (Testing for a word start first is also what keeps the scan fast: most positions fail at once.)
_AR_BOUNDARY = r"(?<!\w)(?P<clitic>[وف]?[بلك]?)"
_EN_BOUNDARY = r"(?<!\w)"
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
KINDS = frozenset(READERS)  # a rule's kind names the normaliser that reads its matches


@dataclass(frozen=True)
class Rule:
    id: str
    lang: str
    kind: str
    regex: re.Pattern[str]
    examples: tuple[Any, ...]
    negatives: tuple[str, ...]


def _group(name: str, names: Any) -> str:
    return f"(?P<{name}>{alternation(names)})"


def fragments(lex: Lexicon) -> dict[str, str]:
    """What each placeholder stands for in `lex`'s language."""
    months = alternation(lex.months)
    return {
        "b": _AR_BOUNDARY if lex.lang == "ar" else _EN_BOUNDARY,
        "e": r"(?!\w)",
        "month": f"(?P<month>{months})",
        "pair": (
            rf"(?:\s*[/\\-]\s*(?P<month2>{months})|\s*\(\s*(?P<month3>{months})\s*\)"
            rf"|\s+(?P<month4>{months}))?"
        ),
        "hmonth": _group("hmonth", lex.hijri_months),
        "day": r"(?P<day>[0-3]?\d)",
        "dayord": _group("dayord", lex.ordinals),
        "year": r"(?P<year>\d{4})",
        "wd": _group("wd", lex.weekdays),
        "dir": _group("dir", lex.dir_words),
        "rel": _group("rel", lex.reldays),
        "pod": _group("pod", lex.parts_of_day),
        "unit": _group("unit", lex.units),
        "this": _group("this", lex.this_words),
        "mod": _group("mod", lex.mods),
        "yearcue": f"(?:{alternation(lex.year_cues)})",
        "yearword": f"(?:{alternation(lex.year_words)})",
    }


def expand(pattern: str, frags: dict[str, str]) -> str:
    """Fill a pattern's placeholders (unknown names are an error in the rule file)."""

    def fill(m: re.Match[str]) -> str:
        if m.group(1) not in frags:
            raise ValueError(f"unknown placeholder {{{m.group(1)}}} in {pattern!r}")
        return frags[m.group(1)]

    return _PLACEHOLDER.sub(fill, pattern)


def _compile(raw: dict[str, Any], lang: str) -> Rule:
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise ValueError(f"rule {raw.get('id')}: unknown kind {kind!r}")
    regex = re.compile(expand(str(raw["pattern"]), fragments(lexicon(lang))))
    return Rule(
        id=str(raw["id"]),
        lang=lang,
        kind=kind,
        regex=regex,
        examples=tuple(raw.get("examples") or ()),
        negatives=tuple(raw.get("negatives") or ()),
    )


# In a raw pattern, what is not a literal word: placeholders, escapes (\s, \w), group syntax.
_NOT_LITERAL = re.compile(r"\{[a-z]+\}|\\[a-zA-Z]|\?P<\w+>|\?[:=!<]")
_LITERAL_WORD = re.compile(r"[^\W\d_]+")


def _lexicon_words(lex: Lexicon) -> set[str]:
    lists = (lex.months, lex.hijri_months, lex.weekdays, lex.reldays, lex.parts_of_day, lex.units)
    lists += (lex.this_words, lex.dir_words, lex.mods, lex.ordinals, lex.year_cues, lex.year_words)
    return {name for names in lists for name in names}


@cache
def starters_for(lang: str) -> re.Pattern[str]:
    """Where a match can begin: a digit, or the first word of a listed name or a pattern's literal.

    Every rule's match starts at such a word (after a clitic), so the tagger tries the rules
    only there instead of scanning the whole text once per rule.
    """
    lang = lang if lang in ("ar", "en") else "ar"
    words = {w.split(" ")[0] for w in _lexicon_words(lexicon(lang))}
    for raw in load_resource("rules").get("rules", []):
        if raw.get("lang") in (lang, "any"):
            words |= set(_LITERAL_WORD.findall(_NOT_LITERAL.sub(" ", str(raw["pattern"]))))
    clitic = "[وف]?[بلك]?" if lang == "ar" else ""
    return re.compile(rf"(?<!\w){clitic}(?:\d|(?:{alternation(words)})(?!\w))")


@cache
def rules_for(lang: str) -> tuple[Rule, ...]:
    """The compiled rules that run on `lang` text (its own and the language-neutral ones)."""
    lang = lang if lang in ("ar", "en") else "ar"
    raw_rules = load_resource("rules").get("rules", [])
    return tuple(_compile(r, lang) for r in raw_rules if r.get("lang") in (lang, "any"))
