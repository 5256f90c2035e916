"""Time expressions in Arabic and English news, anchored on the publication date.

A rule-based tagger in the manner of HeidelTime: rules and word lists are data
(resources/timex/*.yaml), each rule a pattern over folded text plus a normalisation
kind (timex_normalize.py); relative expressions are resolved against the publication
date in the direction of the clause's tense (timex_anchor.py, timex_tense.py).

    tag(text, published, lang) -> list[Timex]   sorted by start, non-overlapping,
    spans and text in the ORIGINAL text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from app.ingest.normalize import Folded
from app.ingest.records import Timex
from app.ingest.timex_anchor import day_value
from app.ingest.timex_fold import fast_fold
from app.ingest.timex_lexicon import lexicon
from app.ingest.timex_normalize import READERS, Context, Reading, anaphoric_scope, anaphoric_shift, same_as
from app.ingest.timex_rules import Rule, plan

__all__ = ["tag"]

_PASSAGE_END = re.compile(r"[.!?؟\n]+")
MIN_REPEATED_PASSAGE = 40  # shorter sentences repeat innocently ("قال دي ميستورا.")


@dataclass(frozen=True)
class _Candidate:
    start: int  # folded offsets
    end: int
    order: int  # the rule's position in rules.yaml (earlier wins a tie)
    rule: Rule
    reading: Reading


def tag(text: str, published: date | None, lang: str = "ar") -> list[Timex]:
    """Every time expression in `text`, normalised against `published` (None: relative ones unresolved)."""
    if not isinstance(text, str):
        raise TypeError(f"tag() reads text (str), not {type(text).__name__}")
    if not text:
        return []
    published = _as_date(published)
    folded = fast_fold(text)
    lang = lang if lang in ("ar", "en") else "ar"
    ctx = Context(folded.text, text, folded.index, published, lexicon(lang))
    chosen = _resolve_anaphoric(_candidates(ctx, plan(folded.text, lang)), ctx)
    repeated = _repeated_passages(folded.text)
    return [_to_timex(c, folded, text) for c in chosen if not _inside(c.start, repeated)]


def _as_date(published: object) -> date | None:
    """The publication date as a date (an ISO string or a datetime is accepted; anything else is an error)."""
    if published is None:
        return None
    if isinstance(published, datetime):  # before date: a datetime is a date too
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        return date.fromisoformat(published.strip()[:10])
    raise TypeError(f"published must be a date, not {type(published).__name__}")


def _candidates(ctx: Context, places: list[tuple[int, tuple[tuple[int, Rule], ...]]]) -> list[_Candidate]:
    """Each rule tried where its match can start (timex_rules.plan); the longest readable ones win.

    Matches are ranked before they are read, so a match inside a longer one is only
    normalised when the longer one turns out not to be a date (a vetoed guard word).
    """
    matches: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for pos, rules in places:
        for order, rule in rules:
            m = rule.regex.match(ctx.text, pos)
            if m is not None:
                start, end = _expression_span(m)
                if end > start:
                    matches.append((start - end, order, start, rule, m))
    matches.sort(key=lambda x: x[:3])
    taken = _Taken()
    for _, order, start, rule, m in matches:
        end = _expression_span(m)[1]
        if taken.overlaps(start, end):
            continue
        reading = _read(rule, m, ctx)
        if reading is not None:
            taken.add(_Candidate(start, end, order, rule, reading))
    return taken.items


_SENTENCE_STOP = re.compile(r"[.!?؟]+")
SENTENCES_BACK = 1  # "الشهر نفسه" may take its month from the sentence before it, no further
# The antecedent each kind of anaphor accepts (None: one counting days, "two days later").
_ANTECEDENT_PRECISIONS = {None: ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _resolve_anaphoric(chosen: list[_Candidate], ctx: Context) -> list[_Candidate]:
    """ "في اليوم التالي", "two days later": counted from the nearest day told before them in their
    sentence; "في 27 من الشهر نفسه", "من العام ذاته", "later that month": the month or year of the
    nearest date told before them in their sentence or the one before it, in the same paragraph.
    With none, they are no time expression (better unresolved than dated wrongly)."""
    out: list[_Candidate] = []
    for c in chosen:
        if c.rule.kind == "anaphoric":
            resolved = _resolve_one(c, out, ctx)
            if resolved is None:
                continue  # "fighting resumed two days later" with no day before it: no calendar point
            c = resolved
        out.append(c)
    return out


def _resolve_one(c: _Candidate, before: list[_Candidate], ctx: Context) -> _Candidate | None:
    m = c.rule.regex.match(ctx.text, c.start)
    if m is None:
        return None
    scope = anaphoric_scope(m)
    antecedent = _antecedent(before, _ANTECEDENT_PRECISIONS[scope])
    if antecedent is None or antecedent.reading.date is None:
        return None
    if not _within_reach(ctx, antecedent.end, c.start, SENTENCES_BACK if scope else 0):
        return None
    told = antecedent.reading.date
    try:
        if scope:
            value = same_as(m, ctx, told)
        else:
            value = day_value(told.start + timedelta(days=anaphoric_shift(m, ctx.lex)))
    except (ValueError, KeyError):
        return None  # "في 31 من الشهر نفسه" after a date in June: no such day
    return replace(c, reading=Reading(value.precision, value))


def _antecedent(before: list[_Candidate], precisions: tuple[str, ...]) -> _Candidate | None:
    """The nearest resolved expression before an anaphor, of a precision it can take its date from."""
    return next((p for p in reversed(before) if p.reading.date and p.reading.precision in precisions), None)


def _within_reach(ctx: Context, start: int, end: int, sentences: int) -> bool:
    """Whether folded text[start:end] stays in one paragraph (no line break in the original, which
    folding turns into a space) and crosses at most `sentences` sentence ends."""
    between = ctx.text[start:end]
    if len(_SENTENCE_STOP.findall(between)) > sentences:
        return False
    return "\n" not in ctx.original[ctx.index[start] : ctx.index[end]]


class _Taken:
    """Chosen candidates, kept sorted by start: they never overlap, so a bisection finds the
    only two that could overlap a new one (a text of thousands of expressions stays linear-ish)."""

    def __init__(self) -> None:
        self.items: list[_Candidate] = []
        self._starts: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self.items[i - 1].end > start:
            return True
        return i < len(self.items) and self.items[i].start < end

    def add(self, c: _Candidate) -> None:
        i = bisect.bisect_right(self._starts, c.start)
        self._starts.insert(i, c.start)
        self.items.insert(i, c)


def _read(rule: Rule, m: re.Match[str], ctx: Context) -> Reading | None:
    try:
        return READERS[rule.kind](m, ctx)
    except (ValueError, KeyError, OverflowError):
        return None  # an impossible date (31 February, a Hijri year out of range): not a date


def _expression_span(m: re.Match[str]) -> tuple[int, int]:
    """The expression inside a match: its "span" group, else the match minus a leading clitic."""
    groups = m.re.groupindex
    if "span" in groups and m.group("span") is not None:
        return m.span("span")
    start = m.end("clitic") if "clitic" in groups else m.start()
    return start, m.end()


def _repeated_passages(text: str) -> list[tuple[int, int]]:
    """Spans of sentences that repeat an earlier one word for word (scraped bodies are often doubled).

    A repeated passage reports the same thing again, so its expressions are not new ones.
    """
    long = [p.strip() for p in _PASSAGE_END.split(text) if len(p) >= MIN_REPEATED_PASSAGE]
    if len(set(long)) == len(long):
        return []  # the usual case, decided in C: no offsets needed
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    start = 0
    for stop in [*_PASSAGE_END.finditer(text), None]:
        end = stop.start() if stop else len(text)
        key = text[start:end].strip()
        if len(key) >= MIN_REPEATED_PASSAGE:
            if key in seen:
                spans.append((start, end))
            seen.add(key)
        start = stop.end() if stop else len(text)
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos lies in one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
    return i >= 0 and pos < spans[i][1]


def _to_timex(c: _Candidate, folded: Folded, text: str) -> Timex:
    start, end = folded.to_original(c.start, c.end)
    # Marks that folding dropped after the last letter (a fatha, the tatweel of هـ) belong to it.
    while end < len(text) and (text[end] == "\u0640" or unicodedata.category(text[end]) == "Mn"):
        end += 1
    dv = c.reading.date
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        value=dv.value if dv else None,
        precision=c.reading.precision,  # type: ignore[arg-type]
        rule=c.rule.id,
        date=dv,
    )
