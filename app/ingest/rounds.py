"""Talks rounds: which series, which round, and the span of days a round lasts.

Series names come from the knowledge base (`series` section: name and
aliases in both languages); ordinals and number words from
`resources/events/ordinals.yaml`. A round number is read from every form the
press uses: "الجولة السابعة", "سابع جولة", "جولة ثالثة", "جنيف 5",
"Astana-9", "Geneva V", "the ninth round".
"""

from __future__ import annotations

import re
import weakref
from datetime import date, timedelta

from app.ingest.event_rules import cue, expand, number_value
from app.ingest.knowledge import KnowledgeBase
from app.ingest.normalize import fold_text
from app.ingest.records import DateValue

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
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
        _SERIES[kb] = (re.compile(rf"(?<![^\W\d_])[وفبل]?(?P<n>{alts})(?![^\W\d_])"), names)
    return _SERIES[kb]


def series_in(kb: KnowledgeBase, text: str) -> str | None:
    """The id of the first talks series named in folded `text`."""
    regex, names = _series_matcher(kb)
    m = regex.search(text)
    return names[m.group("n")] if m else None


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
    return DateValue(day.isoformat(), day, day, "day")
