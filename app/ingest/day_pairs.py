"""Two days of one month told together: "يومي 29 و30 كانون الثاني", "بين 10 و12 آذار", "من 10 إلى 13
آذار", "March 14 and 15", "January 23-24", "from 23 to 31 March".

The tagger reads one date there (the day that stands with the month); the other day is a bare number
joined to it by "و", "-", "إلى", "and", "to". Together they are the span of an act told on both days
(a round "held on the 29th and 30th"). The joining words are data (spans.yaml: pair_before,
pair_after).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from app.ingest.records import DateValue
from app.ingest.rounds import span_cue

_REACH = 30  # characters either side of the date in which the other day may stand
_MAX_DAYS = 21


def day_pair(text: str, lang: str, start: int, end: int, value: DateValue) -> DateValue | None:
    """The span of the two days of which the date at text[start:end] (a day) is one, else None."""
    if value.precision != "day":
        return None
    day = value.start
    before = span_cue("pair_before", lang).search(text[max(0, start - _REACH) : start])
    if before and text[start : start + 1].isdigit():
        return _span(_same_month(day, int(before.group("d"))), day)
    after = span_cue("pair_after", lang).match(text[end : end + _REACH])
    if after and text[end - 1 : end].isdigit():
        return _span(day, _same_month(day, int(after.group("d"))))
    return None


def pair_in(
    text: str, lang: str, located: Sequence[tuple[int, int, DateValue]], known: DateValue
) -> DateValue | None:
    """The two-day span around the sentence's date that is `known` (an act's own day)."""
    for start, end, value in located:
        if value == known:
            span = day_pair(text, lang, start, end, value)
            if span is not None:
                return span
    return None


def _same_month(day: date, other: int) -> date | None:
    try:
        return day.replace(day=other)
    except ValueError:
        return None


def _span(first: date | None, last: date | None) -> DateValue | None:
    if first is None or last is None or not first < last <= first + timedelta(days=_MAX_DAYS):
        return None
    return DateValue(f"{first.isoformat()}/{last.isoformat()}", first, last, "day")
