"""Facet counts and the time histogram under the current filters.

Each facet is counted with every filter *except its own* (so a selected type
still lists the other types, with the counts they would add), except `actor`:
several actors mean "all of them", so its counts are the actors that appear
together with the selected ones. Every value carries the link that toggles it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models import Actor, Document, Event, EventActor, Mention, Place
from app.timeline.filters import EVENT_TYPES, Filters, is_selected, toggle_url
from app.timeline.queries import conditions, filtered_ids

TOP_N = 10
DAY_RANGE_LIMIT = 92  # under ~3 months the axis shows days
MONTH_RANGE_LIMIT = 240  # over 20 years it shows years, so bars stay wider than a pixel
FACETS = ("type", "status", "actor", "place", "series", "source")


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool
    url: str  # the page with this value toggled
    label_en: str = ""
    label_ar: str = ""


@dataclass(frozen=True)
class Facet:
    param: str
    values: list[FacetValue] = field(default_factory=list)


def facet_counts(
    session: Session, filters: Filters, *, path: str = "/", top: int = TOP_N
) -> dict[str, Facet]:
    """Every facet of FACETS, each value with its count and toggle link."""
    counts = {
        "type": _column_counts(session, filters, Event.type, "type", len(EVENT_TYPES)),
        "status": _column_counts(session, filters, Event.status, "status", top),
        "place": _column_counts(session, filters, Event.place_id, "place", top),
        "series": _column_counts(session, filters, Event.series, "series", top),
        "actor": _actor_counts(session, filters, top),
        "source": _source_counts(session, filters, top),
    }
    labels = {
        "actor": _labels(session, Actor, counts["actor"]),
        "place": _labels(session, Place, counts["place"]),
    }
    facets: dict[str, Facet] = {}
    for param in FACETS:
        pairs = _with_selected(filters, param, counts[param])
        names = labels.get(param, {})
        values = [
            FacetValue(
                value=value,
                count=count,
                selected=is_selected(filters, param, value),
                url=toggle_url(filters, param, value, path),
                label_en=names.get(value, (value, value))[0],
                label_ar=names.get(value, (value, value))[1],
            )
            for value, count in pairs
        ]
        facets[param] = Facet(param, values)
    return facets


def _column_counts(
    session: Session, filters: Filters, col: InstrumentedAttribute[Any], param: str, top: int
) -> list[tuple[str, int]]:
    count = func.count()
    stmt = (
        select(col, count)
        .where(*conditions(filters, exclude=[param]), col.is_not(None))
        .group_by(col)
        .order_by(count.desc(), col)
        .limit(top)
    )
    return [(str(v), int(n)) for v, n in session.execute(stmt).tuples()]


def _actor_counts(session: Session, filters: Filters, top: int) -> list[tuple[str, int]]:
    count = func.count(func.distinct(EventActor.event_id))
    stmt = select(EventActor.actor_id, count)
    if not filters.is_empty:
        stmt = stmt.where(EventActor.event_id.in_(filtered_ids(filters)))
    stmt = stmt.group_by(EventActor.actor_id).order_by(count.desc(), EventActor.actor_id).limit(top)
    return [(v, int(n)) for v, n in session.execute(stmt).tuples()]


def _source_counts(session: Session, filters: Filters, top: int) -> list[tuple[str, int]]:
    count = func.count(func.distinct(Mention.event_id))
    stmt = select(Document.source, count).join(Document, Mention.document_id == Document.id)
    stmt = stmt.where(Document.source.is_not(None))
    if conditions(filters, exclude=["source"]):
        stmt = stmt.where(Mention.event_id.in_(filtered_ids(filters, exclude=["source"])))
    stmt = stmt.group_by(Document.source).order_by(count.desc(), Document.source).limit(top)
    return [(str(v), int(n)) for v, n in session.execute(stmt).tuples()]


def _labels(
    session: Session, model: type[Actor] | type[Place], pairs: list[tuple[str, int]]
) -> dict[str, tuple[str, str]]:
    ids = [v for v, _ in pairs]
    if not ids:
        return {}
    rows = session.execute(select(model.id, model.name_en, model.name_ar).where(model.id.in_(ids)))
    return {i: (en, ar) for i, en, ar in rows.tuples()}


def _with_selected(filters: Filters, param: str, pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Selected values always appear (so they can be unselected), even at zero."""
    chosen = getattr(filters, param)
    chosen = chosen if isinstance(chosen, tuple) else (() if chosen is None else (str(chosen),))
    present = {v for v, _ in pairs}
    return pairs + [(v, 0) for v in chosen if v not in present]


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
    """Events per day, month or year (by type) across the filtered date range."""
    where = conditions(filters)
    low, high = session.execute(
        select(func.min(Event.sort_date), func.max(Event.sort_date)).where(*where)
    ).one()
    if low is None or high is None:
        return Histogram("month", [])
    low, high = _as_date(low), _as_date(high)
    unit = _unit_for(low, high)
    key = _bucket_key(session, unit)
    stmt = select(key, Event.type, func.count()).where(*where, Event.sort_date.is_not(None))
    counts: dict[str, dict[str, int]] = {}
    for bucket, etype, n in session.execute(stmt.group_by(key, Event.type)).tuples():
        counts.setdefault(str(bucket), {})[etype] = int(n)
    return Histogram(unit, [Bucket(k, s, e, counts.get(k, {})) for k, s, e in _periods(low, high, unit)])


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _unit_for(low: date, high: date) -> str:
    if (high - low).days < DAY_RANGE_LIMIT:
        return "day"
    months = (high.year - low.year) * 12 + high.month - low.month
    return "month" if months <= MONTH_RANGE_LIMIT else "year"


def _bucket_key(session: Session, unit: str) -> ColumnElement[str]:
    """The bucket label of an event's sort_date, in each dialect's own way."""
    width = {"day": 10, "month": 7, "year": 4}[unit]
    if session.get_bind().dialect.name == "postgresql":
        pattern = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}[unit]
        return func.to_char(Event.sort_date, pattern)
    return func.substr(Event.sort_date, 1, width)  # SQLite stores dates as ISO text


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
