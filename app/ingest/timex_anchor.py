"""Calendar arithmetic of the tagger: anchoring on the publication date, TIMEX3 values.

News mode (after HeidelTime): an expression without a year or a week is placed relative to
the publication date, in the direction the clause's tense implies, and never far from it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TypeVar

from hijridate import Gregorian, Hijri

from app.ingest.records import DateValue

# A year-less month or day goes in the tense's direction only while that stays within this
# distance of publication; beyond it the nearest reading wins (tense cues are noisy).
MAX_MONTHS_IN_DIRECTION = 9
MAX_DAYS_IN_DIRECTION = 300
T = TypeVar("T")
PARTS = {"start": (1, 10), "mid": (11, 20), "end": (21, 31)}


def day_value(d: date) -> DateValue:
    return DateValue(d.isoformat(), d, d, "day")


def month_value(year: int, month: int, part: str | None = None) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = PARTS.get(part or "", (1, last))
    start, end = date(year, month, first_day), date(year, month, min(last_day, last))
    return DateValue(f"{year:04d}-{month:02d}", start, end, "month", approximate=part is not None)


def year_value(year: int, part: str | None = None) -> DateValue:
    months = {"start": (1, 3), "mid": (5, 8), "end": (10, 12)}.get(part or "", (1, 12))
    start = date(year, months[0], 1)
    end = date(year, months[1], calendar.monthrange(year, months[1])[1])
    return DateValue(f"{year:04d}", start, end, "year", approximate=part is not None)


def week_value(d: date) -> DateValue:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return DateValue(f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week")


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _pick(candidates: list[tuple[int, T]], tense: int, limit: int) -> T:
    """Candidates are (signed distance from publication, value); choose by tense, then nearness."""
    if tense:
        directed = [c for c in candidates if c[0] * tense >= 0 and abs(c[0]) <= limit]
        if directed:
            return min(directed, key=lambda c: abs(c[0]))[1]
    # Nearest; on a tie the past reading (news reports more than it announces).
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1]


def year_for_month(month: int, pub: date, tense: int, strict: int = 0) -> int:
    """The year of a year-less month: strict -1/+1 for الماضي/المقبل, else tense then nearness."""
    here = pub.year * 12 + pub.month
    cands = [((y * 12 + month) - here, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if strict:
        cands = [c for c in cands if c[0] * strict > 0]
        return min(cands, key=lambda c: abs(c[0]))[1]
    return _pick(cands, tense, MAX_MONTHS_IN_DIRECTION)


def date_for_day(month: int, day: int, pub: date, tense: int, strict: int | None = None) -> date:
    """The date of a year-less day and month, near publication in the tense's direction.

    strict: 0 for الجاري (this year), -1/+1 for الماضي/المقبل (strictly before/after publication).
    """
    cands: list[tuple[int, date]] = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        cands.append(((d - pub).days, d))
    if strict == 0:
        cands = [c for c in cands if c[1].year == pub.year]
    elif strict:
        cands = [c for c in cands if c[0] * strict > 0]
    if not cands:
        raise ValueError(f"no such day: {month}-{day}")
    return _pick(cands, tense, MAX_DAYS_IN_DIRECTION)


def weekday_date(weekday: int, pub: date, tense: int, shift: int = 0) -> date:
    """A weekday within the week around publication (shift -1/+1: الماضي/المقبل, last/next)."""
    back = (pub.weekday() - weekday) % 7
    extra = timedelta(weeks=abs(shift) - 1) if shift else timedelta(0)  # قبل الماضي: one week more
    if shift < 0:
        return pub - timedelta(days=back or 7) - extra
    if shift > 0:
        return pub + timedelta(days=(7 - back) % 7 or 7) + extra
    if back == 0:
        return pub
    past, future = pub - timedelta(days=back), pub + timedelta(days=7 - back)
    # Without a future cue (سـ، سوف، المقرر، will…) a news weekday is one that has passed:
    # reports outnumber announcements, and announcements mark their future.
    return future if tense > 0 else past


def nearest_weekday(weekday: int, around: date) -> date:
    """The date with `weekday` nearest to `around` (a named weekday corrects an off-by-one anchor)."""
    back = (around.weekday() - weekday) % 7
    return around - timedelta(days=back) if back <= 3 else around + timedelta(days=7 - back)


def _gregorian(h: Hijri) -> date:
    g = h.to_gregorian()
    return date(g.year, g.month, g.day)


def hijri_day(year: int, month: int, day: int) -> date:
    return _gregorian(Hijri(year, month, day))


def hijri_month_value(year: int, month: int) -> DateValue:
    """A Hijri month as the Gregorian month holding its middle, with its true range."""
    first = Hijri(year, month, 1)
    start = _gregorian(first)
    end = start + timedelta(days=first.month_length() - 1)
    middle = start + (end - start) / 2
    return DateValue(f"{middle.year:04d}-{middle.month:02d}", start, end, "month", approximate=True)


def hijri_year_value(year: int) -> DateValue:
    """A Hijri year as the Gregorian year holding its middle, with its true range."""
    start = hijri_day(year, 1, 1)
    last = Hijri(year, 12, 1)
    end = _gregorian(last) + timedelta(days=last.month_length() - 1)
    middle = start + (end - start) / 2
    return DateValue(f"{middle.year:04d}", start, end, "year", approximate=True)


def hijri_year_of(d: date) -> int:
    return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
