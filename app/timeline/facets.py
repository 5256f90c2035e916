"""Facet counts under the current filters, each value with the link that toggles it.

Each facet is counted with every filter *except its own* (so a selected type
still lists the other types, with the counts they would add), except `actor`:
several actors mean "all of them", so its counts are the actors that appear
together with the selected ones.

When the events under the non-facet filters are few (an actor and a date
range: the common case), they are fetched once as (id, type, status, place,
series) rows and counted here, and the actor and source facets look up just
those ids: four indexed queries instead of six scans. Larger sets are grouped
by the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import eq
from typing import Any

from sqlalchemy import ColumnElement, Select, String, any_, bindparam, func, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models import Actor, Document, Event, EventActor, Mention, Place
from app.timeline.filters import EVENT_TYPES, Filters, is_selected, toggle_url
from app.timeline.histogram import Bucket, Histogram, as_date, histogram, histogram_of
from app.timeline.queries import conditions, filtered_ids

__all__ = [
    "FACETS",
    "Bucket",
    "Facet",
    "FacetValue",
    "Histogram",
    "facet_counts",
    "facets_and_histogram",
    "histogram",
]

TOP_N = 10
SMALL_SET = 20_000
FACETS = ("type", "status", "actor", "place", "series", "source")
# Facets read from the events table itself, with the matching Event column.
COLUMN_FACETS: dict[str, InstrumentedAttribute[Any]] = {
    "type": Event.type,
    "status": Event.status,
    "place": Event.place_id,
    "series": Event.series,
}
Counts = list[tuple[str, int]]


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
    rows = _candidate_rows(session, filters)
    if rows is None:
        return _facets(session, filters, _counts_in_sql(session, filters, top), path)
    return _facets(session, filters, _counts_of_rows(session, filters, rows, top), path)


def facets_and_histogram(
    session: Session, filters: Filters, *, path: str = "/", top: int = TOP_N
) -> tuple[dict[str, Facet], Histogram]:
    """The facets and the time axis's histogram, from one fetch when the events are few.

    Same results as `facet_counts` and `histogram` called apart, one query fewer.
    """
    rows = _candidate_rows(session, filters)
    if rows is None:
        return facet_counts(session, filters, path=path, top=top), histogram(session, filters)
    misses = _misses(filters, rows)
    days = [
        (as_date(r[5]), r[1]) for r, miss in zip(rows, misses, strict=True) if r[5] is not None and not miss
    ]
    facets = _facets(session, filters, _counts_of_rows(session, filters, rows, top), path)
    return facets, histogram_of(days)


def _facets(session: Session, filters: Filters, counts: dict[str, Counts], path: str) -> dict[str, Facet]:
    listed = {param: _with_selected(filters, param, counts[param]) for param in FACETS}
    labels = {
        "actor": _labels(session, Actor, listed["actor"]),
        "place": _labels(session, Place, listed["place"]),
    }
    facets: dict[str, Facet] = {}
    for param in FACETS:
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
            for value, count in listed[param]
        ]
        facets[param] = Facet(param, values)
    return facets


def _candidate_rows(session: Session, filters: Filters) -> Sequence[Any] | None:
    """(id, type, status, place, series, sort_date) of the events under every filter but
    the column facets' own, or None when there are more than SMALL_SET."""
    if filters.is_empty:  # the whole store: certainly too many
        return None
    columns = (Event.id, *COLUMN_FACETS.values(), Event.sort_date)
    where = conditions(filters, exclude=COLUMN_FACETS)
    rows = session.execute(select(*columns).where(*where).limit(SMALL_SET + 1)).all()
    return None if len(rows) > SMALL_SET else rows


def _counts_of_rows(session: Session, filters: Filters, rows: Sequence[Any], top: int) -> dict[str, Counts]:
    """Column facets counted here; actor and source facets by the database, for the matching ids."""
    misses = _misses(filters, rows)
    counts: dict[str, Counts] = {}
    for i, param in enumerate(COLUMN_FACETS, start=1):
        # A row counts for facet i when no filter but facet i's own rejects it.
        tally = Counter(
            r[i] for r, miss in zip(rows, misses, strict=True) if r[i] is not None and miss <= {i}
        )
        limit = len(EVENT_TYPES) if param == "type" else top
        counts[param] = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    matching = [r[0] for r, miss in zip(rows, misses, strict=True) if not miss]
    ids = _id_set(session, filters, matching)
    counts["actor"] = _actor_counts(session, ids, top) if matching else []
    if filters.source:
        counts["source"] = _source_counts(session, filtered_ids(filters, exclude=["source"]), top)
    else:
        counts["source"] = _source_counts(session, ids, top) if matching else []
    return counts


def _id_set(session: Session, filters: Filters, matching: list[str]) -> Select[str] | IdArray:
    """The matching ids as the database best takes them.

    PostgreSQL gets the list as one array parameter, which it probes by index
    (its planner tends to scan whole tables for the equivalent subquery);
    SQLite gets the subquery, since binding thousands of parameters costs it
    more than re-running the query.
    """
    if session.get_bind().dialect.name == "postgresql":
        return IdArray(matching)
    return filtered_ids(filters)


def _misses(filters: Filters, rows: Sequence[Any]) -> list[frozenset[int]]:
    """For each row, the columns whose facet filter rejects it (empty: it matches all)."""
    tests = _own_tests(filters)
    if not tests:
        return [frozenset()] * len(rows)
    return [frozenset(j for j, test in tests if not test(r[j])) for r in rows]


def _own_tests(filters: Filters) -> list[tuple[int, Callable[[Any], bool]]]:
    """(row index, test) for each column facet's own filter that is set."""
    tests: list[tuple[int, Callable[[Any], bool]]] = []
    if filters.type:
        tests.append((1, lambda v: v in filters.type))
    for i, name in ((2, "status"), (3, "place"), (4, "series")):
        value = getattr(filters, name)
        if value is not None:
            tests.append((i, partial(eq, value)))
    return tests


def _counts_in_sql(session: Session, filters: Filters, top: int) -> dict[str, Counts]:
    counts: dict[str, Counts] = {}
    for param, col in COLUMN_FACETS.items():
        count = func.count()
        stmt = (
            select(col, count)
            .where(*conditions(filters, exclude=[param]), col.is_not(None))
            .group_by(col)
            .order_by(count.desc(), col)
            .limit(len(EVENT_TYPES) if param == "type" else top)
        )
        counts[param] = [(str(v), int(n)) for v, n in session.execute(stmt)]
    everything = filters.is_empty
    counts["actor"] = _actor_counts(session, None if everything else filtered_ids(filters), top)
    source_ids = filtered_ids(filters, exclude=["source"])
    has_others = bool(conditions(filters, exclude=["source"]))
    counts["source"] = _source_counts(session, source_ids if has_others else None, top)
    return counts


@dataclass(frozen=True)
class IdArray:
    """Event ids bound as one PostgreSQL array (`= ANY(:ids)`)."""

    ids: list[str]

    def matches(self, column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
        return column == any_(bindparam("ids", self.ids, type_=ARRAY(String)))


IdSet = Select[str] | IdArray | None


def _among(column: InstrumentedAttribute[str], ids: IdSet) -> ColumnElement[bool]:
    """`column` is one of `ids` (always true for None: the whole store)."""
    if ids is None:
        return true()
    if isinstance(ids, IdArray):
        return ids.matches(column)
    return column.in_(ids)


def _actor_counts(session: Session, ids: IdSet, top: int) -> Counts:
    count = func.count(func.distinct(EventActor.event_id))
    stmt = select(EventActor.actor_id, count).where(_among(EventActor.event_id, ids))
    stmt = stmt.group_by(EventActor.actor_id).order_by(count.desc(), EventActor.actor_id).limit(top)
    return [(v, int(n)) for v, n in session.execute(stmt)]


def _source_counts(session: Session, ids: IdSet, top: int) -> Counts:
    count = func.count(func.distinct(Mention.event_id))
    stmt = select(Document.source, count).join(Document, Mention.document_id == Document.id)
    stmt = stmt.where(Document.source.is_not(None), _among(Mention.event_id, ids))
    stmt = stmt.group_by(Document.source).order_by(count.desc(), Document.source).limit(top)
    return [(str(v), int(n)) for v, n in session.execute(stmt)]


def _labels(session: Session, model: type[Actor] | type[Place], pairs: Counts) -> dict[str, tuple[str, str]]:
    ids = [v for v, _ in pairs]
    if not ids:
        return {}
    rows = session.execute(select(model.id, model.name_en, model.name_ar).where(model.id.in_(ids)))
    return {i: (en, ar) for i, en, ar in rows}


def _with_selected(filters: Filters, param: str, pairs: Counts) -> Counts:
    """Selected values always appear (so they can be unselected), even at zero."""
    chosen = getattr(filters, param)
    chosen = chosen if isinstance(chosen, tuple) else (() if chosen is None else (str(chosen),))
    present = {v for v, _ in pairs}
    return pairs + [(v, 0) for v in chosen if v not in present]
