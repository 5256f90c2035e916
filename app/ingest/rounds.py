"""Talks rounds: which series, which round, and the span of days a round lasts.

Series names come from the knowledge base (`series` section: name and
aliases in both languages); ordinals and number words from
`resources/events/ordinals.yaml`. A round number is read from every form the
press uses: "الجولة السابعة", "سابع جولة", "جولة ثالثة", "جنيف 5",
"Astana-9", "Geneva V", "the ninth round". The days a round lasted come from
its opening and closing days, a duration or an end day (`resources/events/spans.yaml`).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import pairwise

import yaml

from app.ingest.event_rules import EVENTS_DIR, RuleError, cue, expand, number_value
from app.ingest.knowledge import KnowledgeBase
from app.ingest.normalize import fold_text
from app.ingest.records import DateValue
from app.ingest.timex_anchor import day_value

_SERIES: weakref.WeakKeyDictionary[KnowledgeBase, tuple[re.Pattern[str], dict[str, str]]] = (
    weakref.WeakKeyDictionary()
)
_ROUND_ORDINAL = re.compile(
    expand(
        r"(?<![^\W\d_])(?:(?:ل|ب|لل)?(?:ال)?جولة\s+(?P<a>{ord})|(?P<b>{ord})\s+جولة|(?P<c>{ord_en})\s+round)"
    )
)


def _series_matcher(kb: KnowledgeBase) -> tuple[re.Pattern[str], dict[str, str]]:
    if kb not in _SERIES:
        names: dict[str, str] = {}
        for series in kb.series.values():
            for name in (series.name_ar, series.name_en, *series.aliases):
                key = fold_text(name)
                if key:
                    names[key] = series.id
                if key.startswith("ال") and len(key) > 4:
                    # after the preposition ل the article's alif drops: "للجنة الدستورية"
                    names.setdefault(key[1:], series.id)
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
        _SERIES[kb] = (re.compile(rf"(?<![^\W\d_])[وفبل]?(?P<n>{alts})(?![^\W\d_])"), names)
    return _SERIES[kb]


def series_in(kb: KnowledgeBase, text: str) -> str | None:
    """The id of the first talks series named in folded `text`.

    A series named only as the venue of another one named beside it is the venue: in "the fifth
    round of the constitutional committee, at the UN in Geneva" the series is the committee.
    """
    regex, names = _series_matcher(kb)
    found = list(dict.fromkeys(names[m.group("n")] for m in regex.finditer(text)))
    venues = {kb.series[s].place for s in found if s in kb.series and kb.series[s].place != s}
    return next((s for s in found if s not in venues), found[0] if found else None)


def round_from_match(groups: dict[str, str | None]) -> int | None:
    """The round number carried by a trigger's named groups (num, rom, ord1, ord2)."""
    for key in ("num", "rom", "ord1", "ord2"):
        value = groups.get(key)
        if value:
            return number_value(value)
    return None


def round_in(text: str) -> int | None:
    """A round ordinal written anywhere in folded `text` ("الجولة السابعة", "the ninth round")."""
    m = _ROUND_ORDINAL.search(text)
    if not m:
        return None
    return number_value(m.group("a") or m.group("b") or m.group("c") or "")


def span_for(start: DateValue, text: str, lang: str) -> DateValue | None:
    """A day date stretched over the duration the text gives ("وتستمر لمدة خمسة أيام")."""
    if start.precision != "day":
        return None
    m = cue("duration", lang).search(text)
    days = number_value(m.group("n")) if m else None
    if not days or days < 2:
        return None
    end = start.start + timedelta(days=days - 1)
    return DateValue(f"{start.start.isoformat()}/{end.isoformat()}", start.start, end, "day")


def day_of_round(text: str, lang: str) -> int | None:
    """N for "on the Nth day of the talks"."""
    m = cue("day_of_round", lang).search(text)
    return number_value(m.group("ord")) if m else None


def nth_day(span: DateValue, n: int) -> DateValue | None:
    day: date = span.start + timedelta(days=n - 1)
    if day > span.end:
        return None
    return day_value(day)


# ---- the span of days a round lasted (resources/events/spans.yaml)

_SPANS_FILE = EVENTS_DIR / "spans.yaml"
_NEAR = 40  # a time expression this close after an opening/closing verb is its day
_CLAUSE_REACH = 120  # … or further on in the verb's clause (no comma or full stop in between)
_CLAUSE_BREAK = re.compile(r"[،,.؛;:]")


@lru_cache(maxsize=1)
def _spans() -> dict[str, object]:
    data = yaml.safe_load(_SPANS_FILE.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


@cache  # every (name, lang) stays compiled: a bounded cache thrashed and re-read the file
def span_cue(name: str, lang: str) -> re.Pattern[str]:
    """A regex of spans.yaml (opens, closes, lasted, lasts, until), folded, for `lang`."""
    entry = _spans().get(name)
    if not isinstance(entry, dict):
        raise RuleError(f"{_SPANS_FILE}: no entry named {name!r}")
    return re.compile(expand(str(entry["en" if lang == "en" else "ar"])))


def _days(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("two"):
        return 2
    word = groups.get("n") or groups.get("n2")
    return number_value(word) if word else None


def _day_after(
    text: str, timexes: Sequence[tuple[int, DateValue]], regex: re.Pattern[str], lo: int, hi: int
) -> date | None:
    """The day of the first time expression within _NEAR characters after a match of `regex`, else
    the first one after it in the same clause ("اختتم المبعوث … مساء أمس الجمعة الجولة")."""
    for m in regex.finditer(text, lo, hi):
        after = [
            (start, value) for start, value in timexes if m.end() - 1 <= start and value.precision == "day"
        ]
        for start, value in after:
            if start <= m.end() + _NEAR:
                return value.start
        for start, value in after[:1]:
            if start <= m.end() + _CLAUSE_REACH and not _CLAUSE_BREAK.search(text, m.end(), start):
                return value.start
    return None


def round_span(
    text: str,
    bounds: tuple[int, int],
    timexes: Sequence[tuple[int, DateValue]],
    lang: str,
    known: DateValue | None,
) -> DateValue | None:
    """The span [first day, last day] of a round from its sentence: an opening and a closing day
    ("اختتمت اليوم الثلاثاء … التي بدأت أمس الاثنين"), or one of them and a duration ("التي
    استمرت يومين", "ومن المقرر أن تستمر يومين"). `known` is the round's date as read so far:
    the last day when the sentence closes the round, else the first. None when there is no span."""
    lo, hi = bounds
    days = [v for _, v in timexes if v.precision == "day"]
    first = _day_after(text, timexes, span_cue("opens", lang), lo, hi)
    last = _day_after(text, timexes, span_cue("closes", lang), lo, hi)
    closes = span_cue("closes", lang).search(text, lo, hi)
    if last is None and closes and len({d.start for d in days}) == 1:
        last = days[0].start  # "في ختام الجولة" in a sentence with one date: that day
    if first and last and first < last:
        return _span(first, last)
    if (
        first
        and known
        and known.precision == "day"
        and first < known.end <= first + timedelta(days=_MAX_ROUND_DAYS)
    ):
        return _span(first, known.end)  # "… on Friday, the round that began on Monday"
    lasted = span_cue("lasted", lang).search(text, lo, hi)
    n = _days(lasted) if lasted else None
    end = last or (known.end if known and known.precision == "day" and closes else None)
    if n and n >= 2 and end:
        return _span(end - timedelta(days=n - 1), end)
    if n and n >= 2 and first:  # "واستمرت الجولة يومين، إذ انطلقت أمس الاثنين"
        return _span(first, first + timedelta(days=n - 1))
    lasts = span_cue("lasts", lang).search(text, lo, hi)
    n = _days(lasts) if lasts else None
    start = first or (known.start if known and known.precision == "day" and not closes else None)
    if n and n >= 2 and start:
        return _span(start, start + timedelta(days=n - 1))
    until = _day_after(text, timexes, span_cue("until", lang), lo, hi)  # "وتستمر حتى الجمعة"
    if start and until and start < until <= start + timedelta(days=_MAX_ROUND_DAYS):
        return _span(start, until)
    return None


def _span(first: date, last: date) -> DateValue:
    return DateValue(f"{first.isoformat()}/{last.isoformat()}", first, last, "day")


def opening_day(
    text: str, bounds: tuple[int, int], timexes: Sequence[tuple[int, DateValue]], lang: str
) -> date | None:
    """The day a sentence says a round opened on ("The fourth round opened on February 23")."""
    return _day_after(text, timexes, span_cue("opens", lang), *bounds)


def closing_day(
    text: str,
    bounds: tuple[int, int],
    timexes: Sequence[tuple[int, DateValue]],
    lang: str,
    published: date | None = None,
) -> date | None:
    """The day a sentence says a round ended on ("talks ended in Geneva on Friday"); a sentence that
    closes a round and names one day only ("X said on Tuesday, as the round wrapped up"): that day."""
    day = _day_after(text, timexes, span_cue("closes", lang), *bounds)
    if day is None and span_cue("closes", lang).search(text, *bounds):
        days = {
            v.start for _, v in timexes if v.precision == "day" and (published is None or v.end <= published)
        }
        day = days.pop() if len(days) == 1 else None
    return day


def other_end(
    text: str,
    sentences: Sequence[tuple[tuple[int, int], Sequence[tuple[int, DateValue]]]],
    lang: str,
    first: date | None,
    last: date | None,
) -> DateValue | None:
    """A round known to open on `first` (or to end on `last`): its other end from another sentence
    about a round or talks ("وكانت الجولة قد انطلقت يوم الاثنين", "The round is scheduled to last
    until December 15"). `sentences` are the other sentences (bounds, days), nearest first."""
    for bounds, days in sentences:
        if not span_cue("round_noun", lang).search(text, *bounds):
            continue
        if last is not None:
            opened = _day_after(text, days, span_cue("opens", lang), *bounds)
            if opened is not None and opened < last <= opened + timedelta(days=_MAX_ROUND_DAYS):
                return _span(opened, last)
        if first is not None:
            end = _day_after(text, days, span_cue("until", lang), *bounds) or _day_after(
                text, days, span_cue("closes", lang), *bounds
            )
            if end is not None and first < end <= first + timedelta(days=_MAX_ROUND_DAYS):
                return _span(first, end)
    return None


def joined_span(first: date, last: date) -> DateValue | None:
    """An opening day and a closing day reported in two sentences: one round, when close enough."""
    if first < last <= first + timedelta(days=_MAX_ROUND_DAYS):
        return _span(first, last)
    return None


_MAX_ROUND_DAYS = 21


_RANGE_FROM = re.compile(r"(?:^|\s)(?:from|between|من|بين)\s*$")
_RANGE_TO = re.compile(r"^\s*(?:to|until|through|till|and|-|–|—|إلى|الى|حتى|و)\s*$")


def range_in(text: str, spans: Sequence[tuple[int, int, DateValue]]) -> DateValue | None:
    """ "from March 13 to March 17", "بين 13 و17 آذار": two days joined as one span."""
    days = [s for s in spans if s[2].precision == "day"]
    for (s1, e1, v1), (s2, _e2, v2) in pairwise(days):
        joined = _RANGE_FROM.search(text[max(0, s1 - 10) : s1]) and _RANGE_TO.match(text[e1:s2])
        if joined and v1.start < v2.start <= v1.start + timedelta(days=_MAX_ROUND_DAYS):
            return _span(v1.start, v2.start)
    return None
