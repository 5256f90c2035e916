"""Events per day, month or year, by type, across the filtered date range (the time axis's data).

The database groups by (type, day), a few thousand rows at most per year of
data, and they are bucketed here, so the same code serves every dialect.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Event
from app.timeline.filters import Filters
from app.timeline.queries import conditions

DAY_RANGE_LIMIT = 92  # under ~3 months the axis shows days
MONTH_RANGE_LIMIT = 240  # over 20 years it shows years, so bars stay wider than a pixel
KEY_WIDTH = {"day": 10, "month": 7, "year": 4}


@dataclass(frozen=True)
class Bucket:
    key: str  # "2016", "2016-07" or "2016-07-14"
    start: date
    end: date
    counts: dict[str, int]  # by event type

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Histogram:
    unit: str  # day | month | year
    buckets: list[Bucket]

    @property
    def max_total(self) -> int:
        return max((b.total for b in self.buckets), default=0)

    @property
    def total(self) -> int:
        return sum(b.total for b in self.buckets)


def histogram(session: Session, filters: Filters) -> Histogram:
    """Events per day, month or year (by type) across the filtered date range.

    The database counts per (type, day), which it reads in order from
    ix_events_type_sort without sorting; days become months or years here.
    """
    where = [*conditions(filters), Event.sort_date.is_not(None)]
    stmt = select(Event.type, Event.sort_date, func.count()).where(*where)
    stmt = stmt.group_by(Event.type, Event.sort_date)
    per_day = [(t, as_date(d), int(n)) for t, d, n in session.execute(stmt) if d is not None]
    if not per_day:
        return Histogram("month", [])
    low, high = min(d for _, d, _ in per_day), max(d for _, d, _ in per_day)
    unit = unit_for(low, high)
    width = KEY_WIDTH[unit]
    tally: Counter[tuple[str, str]] = Counter()
    for etype, day, n in per_day:
        tally[(day.isoformat()[:width], etype)] += n
    return assemble(low, high, unit, tally)


def histogram_of(days: Sequence[tuple[date, str]]) -> Histogram:
    """The histogram of (sort_date, type) pairs already fetched."""
    if not days:
        return Histogram("month", [])
    low, high = min(d for d, _ in days), max(d for d, _ in days)
    unit = unit_for(low, high)
    width = KEY_WIDTH[unit]
    return assemble(low, high, unit, Counter((d.isoformat()[:width], t) for d, t in days))


def assemble(low: date, high: date, unit: str, tally: Counter[tuple[str, str]]) -> Histogram:
    counts: dict[str, dict[str, int]] = {}
    for (bucket, etype), n in tally.items():
        counts.setdefault(bucket, {})[etype] = n
    return Histogram(unit, [Bucket(k, s, e, counts.get(k, {})) for k, s, e in _periods(low, high, unit)])


def as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def unit_for(low: date, high: date) -> str:
    if (high - low).days < DAY_RANGE_LIMIT:
        return "day"
    months = (high.year - low.year) * 12 + high.month - low.month
    return "month" if months <= MONTH_RANGE_LIMIT else "year"


def _periods(low: date, high: date, unit: str) -> list[tuple[str, date, date]]:
    """Every bucket from low to high inclusive, empty ones too (gaps are information)."""
    out: list[tuple[str, date, date]] = []
    if unit == "day":
        day = low
        while day <= high:
            out.append((day.isoformat(), day, day))
            day += timedelta(days=1)
        return out
    if unit == "year":
        return [(str(y), date(y, 1, 1), date(y, 12, 31)) for y in range(low.year, high.year + 1)]
    year, month = low.year, low.month
    while (year, month) <= (high.year, high.month):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        out.append((f"{year:04d}-{month:02d}", date(year, month, 1), nxt - timedelta(days=1)))
        year, month = nxt.year, nxt.month
    return out
