"""Facet counts under the current filters, each value with the link that toggles it.

Each facet is counted with every filter *except its own* (so a selected type
still lists the other types, with the counts they would add), except `actor`:
several actors mean "all of them", so its counts are the actors that appear
together with the selected ones.

Every count and the time axis's histogram come from ONE statement: the events
under the filters that are not column facets (actor, dates, source, text,
round) are materialised once as a small table, then grouped by each facet
column (each under the other facets' filters), by (type, month) for the axis,
and joined to the actor links and the mentions' sources. The database does
the counting; only a few hundred grouped rows come back, whatever the number
of events. Lists are capped at `top` values (types: all of them) and the
shown counts are exact; a value the user selected is always listed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    CTE,
    BindParameter,
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import visitors

from app.models import Actor, Event, EventActor, EventSource, Place
from app.timeline.filters import EVENT_TYPES, Filters, is_selected, toggle_urls
from app.timeline.histogram import (
    DAY_RANGE_LIMIT,
    KEY_WIDTH,
    Bucket,
    Histogram,
    as_date,
    assemble,
    histogram,
    unit_for,
)
from app.timeline.queries import actor_links, bound, conditions, filter_params, filtered_ids
from app.timeline.series import series_names

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
FACETS = ("type", "status", "actor", "place", "series", "source")
# Facets read from the events table itself: the parameter and the Event column's name.
COLUMN_FACETS = {"type": "type", "status": "status", "place": "place_id", "series": "series"}
HIST, SPAN = "~hist", "~span"  # row kinds of the statement besides the facets' names
# One instance each: a type's cache key is worked out once per instance (a new String() in
# every literal cost SQLAlchemy a signature inspection each, milliseconds per request).
TEXT, INT = String(), Integer()
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
    more: bool = False  # values beyond the shown ones exist (the list is capped)


def facet_counts(
    session: Session, filters: Filters, *, path: str = "/", top: int = TOP_N
) -> dict[str, Facet]:
    """Every facet of FACETS, each value with its count and toggle link."""
    return facets_and_histogram(session, filters, path=path, top=top)[0]


def facets_and_histogram(
    session: Session, filters: Filters, *, path: str = "/", top: int = TOP_N
) -> tuple[dict[str, Facet], Histogram]:
    """The facets and the time axis's histogram (same as `histogram`), in one statement."""
    dialect = session.get_bind().dialect.name
    by_day = _short_range(filters)
    scan = _scan_dates(session, filters)
    counted = _rarest_first(session, filters)
    rows = session.execute(*_prepared(counted, top, dialect, by_day=by_day, scan_dates=scan)).all()
    counts: dict[str, Counts] = {param: [] for param in FACETS}
    tally: Counter[tuple[str, str]] = Counter()
    span: tuple[str, str] | None = None
    for kind, value, bucket, n in rows:
        if kind == HIST:
            tally[(bucket, value)] += int(n)
        elif kind == SPAN:
            span = (value, bucket) if value is not None else None
        elif value is not None:
            counts[kind].append((str(value), int(n)))
    hist = Histogram("month", [])
    if span is not None:
        low, high = as_date(span[0]), as_date(span[1])
        unit = unit_for(low, high)
        if unit == "day" and not by_day:  # the events turned out to span under three months
            hist = histogram(session, filters)
        else:
            width = KEY_WIDTH[unit]
            regrouped: Counter[tuple[str, str]] = Counter()
            for (key, etype), n in tally.items():
                regrouped[(key[:width], etype)] += n
            hist = assemble(low, high, unit, regrouped)
    return _facets(session, filters, counts, path, top), hist


def _short_range(filters: Filters) -> bool:
    """Whether the date filters alone keep the axis under three months (so it shows days)."""
    first, last = filters.since_date, filters.until_date
    return first is not None and last is not None and (last - first).days < DAY_RANGE_LIMIT


def _limit(param: str, top: int) -> int:
    return len(EVENT_TYPES) if param == "type" else top


Shape = tuple[Any, ...]
_SHAPES: dict[Shape, Any] = {}
MAX_SHAPES = 512


def _shape(filters: Filters, top: int, dialect: str, by_day: bool, scan_dates: bool) -> Shape:
    """What the statement's text depends on: which filters are set (and how many actors and
    types), never their values, which are parameters (queries.bound)."""
    names = ("status", "place", "series", "round", "source", "since", "until")
    present = tuple(getattr(filters, name) is not None for name in names)
    return (dialect, top, by_day, scan_dates, len(filters.actor), bool(filters.type), present)


def _prepared(
    filters: Filters, top: int, dialect: str, *, by_day: bool, scan_dates: bool
) -> tuple[Any, dict[str, Any]]:
    """The statement and its parameters. Statements are kept per shape: building one (some
    thirty SELECTs) cost more than running it for an actor with a few hundred events. A text
    search is built each time (its words shape the statement); so is any statement in which a
    filter's value was not left as a parameter (a guard: none is known)."""
    if filters.q:
        return _statement(filters, top, dialect, by_day=by_day, scan_dates=scan_dates), {}
    key = _shape(filters, top, dialect, by_day, scan_dates)
    stmt = _SHAPES.get(key)
    if stmt is None:
        stmt = _statement(filters, top, dialect, by_day=by_day, scan_dates=scan_dates)
        if _values_inlined(stmt, filters):
            return stmt, {}
        if len(_SHAPES) >= MAX_SHAPES:
            _SHAPES.clear()
        _SHAPES[key] = stmt
    return stmt, filter_params(filters)


def _values_inlined(stmt: Any, filters: Filters) -> bool:
    """Whether some filter value sits in the statement as an unnamed parameter (a later run
    with other values would silently use this one's)."""
    values = {str(v) for v in filter_params(filters).values() if not isinstance(v, list)}
    values |= set(filters.type)
    for element in visitors.iterate(stmt):
        if isinstance(element, BindParameter) and not element.key.startswith("f_"):
            inner = element.value if isinstance(element.value, list | tuple) else [element.value]
            if any(str(v) in values for v in inner if v is not None):
                return True
    return False


def _statement(filters: Filters, top: int, dialect: str, *, by_day: bool, scan_dates: bool = False) -> Any:
    """UNION ALL of every facet's grouped counts, the histogram's and the dated span."""
    return union_all(*_parts(filters, top, dialect, by_day=by_day, scan_dates=scan_dates))


def _parts(filters: Filters, top: int, dialect: str, *, by_day: bool, scan_dates: bool = False) -> list[Any]:
    """One SELECT per facet, the histogram and the span, all reading the same CTE."""
    base = _base(filters, dialect, scan_dates=scan_dates)
    own = _own_conditions(filters, base)
    everything = [c for c in own.values()]
    parts: list[Any] = []
    for param, column in COLUMN_FACETS.items():
        col = base.c[column]
        where = [c for name, c in own.items() if name != param]
        parts.append(_grouped(param, col, [*where, col.is_not(None)], _limit(param, top) + 1, dialect))
    dated = [*everything, base.c.sort_date.is_not(None)]
    parts.append(_histogram_part(base, dated, dialect, by_day=by_day))
    # The dated span: each end one index probe when the events table is read directly.
    low = select(func.min(base.c.sort_date)).where(*dated).scalar_subquery()
    high = select(func.max(base.c.sort_date)).where(*dated).scalar_subquery()
    parts.append(select(_text(SPAN), _day_text(low, dialect), _day_text(high, dialect), literal(0, INT)))
    matching = None if filters.is_empty else select(base.c.id).where(*everything)
    parts.append(_actor_part(filters, matching, top, dialect, scan_dates=scan_dates))
    parts.append(_source_part(filters, matching, top, dialect, scan_dates=scan_dates))
    return parts


def _histogram_part(base: CTE | Table, dated: list[Any], dialect: str, *, by_day: bool) -> Any:
    """(HIST, type, day or month, count): counted per (type, day) first, which reads
    ix_events_type_sort in order without sorting, then summed per month."""
    per_day = (
        select(base.c.type.label("type"), base.c.sort_date.label("day"), func.count().label("n"))
        .where(*dated)
        .group_by(base.c.type, base.c.sort_date)
        .subquery()
    )
    if by_day:
        return select(_text(HIST), _as_text(per_day.c.type), _day_text(per_day.c.day, dialect), per_day.c.n)
    month = _month_text(per_day.c.day, dialect)
    total = type_coerce(func.sum(per_day.c.n), INT)
    return select(_text(HIST), _as_text(per_day.c.type), month, total).group_by(per_day.c.type, month)


def _base(filters: Filters, dialect: str, *, scan_dates: bool = False) -> CTE | Table:
    """The events under every filter but the column facets' own, as a CTE materialised once;
    the events table itself when nothing narrows them (each part then reads its indexes).

    With `scan_dates` the actor's events are not looked up one by one: the date range is
    read from ix_events_sort_facets and each event kept if it is among the actor's (the id
    is wrapped so that SQLite cannot pick the id index instead). Otherwise, with actors,
    the actors' links alone bound the dates (their sort_date mirrors the events'), so that
    neither database reads a whole date range to keep a few of its events."""
    if scan_dates:
        where = conditions(filters, exclude=[*COLUMN_FACETS, "actor"], dialect=dialect)
        where.append(Event.id.concat("").in_(actor_links(filters.actor[0], filters)))
    elif filters.actor:
        where = conditions(filters, exclude=[*COLUMN_FACETS, "since", "until"], dialect=dialect)
    else:
        where = conditions(filters, exclude=COLUMN_FACETS, dialect=dialect)
    if not where:
        return Event.__table__  # type: ignore[return-value]
    columns = (Event.id, Event.type, Event.status, Event.place_id, Event.series, Event.sort_date)
    return select(*columns).where(*where).cte("matched").prefix_with("MATERIALIZED")


SCAN_SHARE = 4  # scan the date range when the actor is in at least 1 of this many of its events


def _scan_dates(session: Session, filters: Filters) -> bool:
    """Whether one actor is so frequent in the date range that reading the range beats looking
    up each of its events. Two capped index-only counts, a few thousand entries at most (the
    planners cannot tell: SQLite keeps no per-value statistics, and PostgreSQL's estimate of
    the materialised set is too rough to choose between the two)."""
    if len(filters.actor) != 1 or not (filters.since_date or filters.until_date):
        return False
    links = actor_links(filters.actor[0], filters).limit(MAX_PROBES).subquery()
    k = select(func.count()).select_from(links).scalar_subquery()
    window = [Event.sort_date >= filters.since_date] if filters.since_date else []
    window += [Event.sort_date <= filters.until_date] if filters.until_date else []
    # One round trip: the range is counted up to SCAN_SHARE times the actor's count.
    days = select(Event.id).where(*window).limit(SCAN_SHARE * k + 1).subquery()
    both = select(k, select(func.count()).select_from(days).scalar_subquery())
    n_links, n_days = session.execute(both, filter_params(filters)).one()
    return int(n_links) >= MIN_SCAN and int(n_days) <= SCAN_SHARE * int(n_links)


RAREST_CAP = 10_000


def _rarest_first(session: Session, filters: Filters) -> Filters:
    """Several actors in the order of their number of links in the date range (counted up to
    RAREST_CAP, one statement): the events are read from the rarest one's links and each is
    probed for the others, so the cost follows the rarest actor, not the order in the URL."""
    if len(filters.actor) < 2:
        return filters
    counts = [
        select(literal(i, INT), func.count()).select_from(
            actor_links(actor_id, filters).limit(RAREST_CAP).subquery()
        )
        for i, actor_id in enumerate(filters.actor)
    ]
    n = {int(i): int(k) for i, k in session.execute(union_all(*counts), filter_params(filters))}
    order = sorted(range(len(filters.actor)), key=lambda i: (n.get(i, 0), i))
    return replace(filters, actor=tuple(filters.actor[i] for i in order))


MIN_SCAN = 500  # below this many events, looking each up is cheap whatever the range
MAX_PROBES = 50_000


def _own_conditions(filters: Filters, base: CTE | Table) -> dict[str, ColumnElement[bool]]:
    """The column facets' own filters, as conditions on the CTE."""
    own: dict[str, ColumnElement[bool]] = {}
    if filters.type:
        own["type"] = base.c.type.in_(bound("type", list(filters.type)))
    for param in ("status", "place", "series"):
        value = getattr(filters, param)
        if value is not None:
            own[param] = base.c[COLUMN_FACETS[param]] == bound(param, value)
    return own


def _grouped(kind: str, col: Any, where: Sequence[Any], limit: int, dialect: str) -> Select[Any]:
    """(kind, value, '', count) for the `limit` most frequent values of `col`."""
    count = func.count()
    inner = (
        select(
            _text(kind).label("kind"),
            _as_text(col).label("value"),
            _text("").label("bucket"),
            count.label("n"),
        )
        .where(*where)
        .group_by(col)
        .order_by(count.desc(), _binary(col, dialect))
        .limit(limit)
        .subquery()
    )
    return select(*inner.c)


def _actor_part(
    filters: Filters, matching: Select[Any] | None, top: int, dialect: str, *, scan_dates: bool = False
) -> Select[Any]:
    """Actors linked to the matching events (None: all of them), by number of events."""
    where: list[ColumnElement[bool]] = [] if matching is None else [EventActor.event_id.in_(matching)]
    if dialect == "postgresql" and scan_dates:
        # The links mirror the events' sort_date: with the date range PostgreSQL can read the
        # links of those dates in index order and hash them, not probe once per event.
        if filters.since_date:
            where.append(EventActor.sort_date >= bound("since", filters.since_date))
        if filters.until_date:
            where.append(EventActor.sort_date <= bound("until", filters.until_date))
    # Compared byte by byte on PostgreSQL: sorting some 10,000 pairs under the database's
    # collation to drop an actor's second role took most of the busiest actor's facets. Every
    # link (no filter) is read in the order of ix_event_actors_actor_event instead, unsorted.
    value, event_id = EventActor.actor_id, EventActor.event_id
    if matching is not None:
        value, event_id = _binary(value, dialect), _binary(event_id, dialect)
    pairs = select(value.label("value"), event_id.label("event_id")).where(*where)
    return _ranked("actor", pairs, top, dialect)


def _source_part(
    filters: Filters, matching: Select[Any] | None, top: int, dialect: str, *, scan_dates: bool = False
) -> Select[Any]:
    """Document sources reporting the matching events (under every filter but `source`), read
    from event_sources: one short row per (event, source), not every mention and its document."""
    ids = matching
    if filters.source:
        others = replace(filters, source=None)
        ids = None if others.is_empty else filtered_ids(others, dialect=dialect)
    where: list[ColumnElement[bool]] = [] if ids is None else [EventSource.event_id.in_(ids)]
    if dialect == "postgresql" and scan_dates and ids is matching:
        # As for the actors: the sources of the date range, hashed, not one probe per event.
        if filters.since_date:
            where.append(EventSource.sort_date >= bound("since", filters.since_date))
        if filters.until_date:
            where.append(EventSource.sort_date <= bound("until", filters.until_date))
    count, source = func.count(), EventSource.source if ids is None else _binary(EventSource.source, dialect)
    inner = (
        select(_text("source"), _as_text(source), _text(""), count.label("n"))
        .where(*where)
        .group_by(source)
        .order_by(count.desc(), source)
        .limit(top + 1)
        .subquery()
    )
    return select(*inner.c)


def _ranked(kind: str, pairs: Any, top: int, dialect: str) -> Select[Any]:
    """(kind, value, '', events) for the values of (value, event_id) pairs with most events.

    An event counts once per value (an actor with two roles, two articles of one source):
    the distinct pairs are counted per value, which both databases hash or read in index
    order (count(DISTINCT) makes PostgreSQL sort, and SQLite build a tree per group).
    """
    distinct = pairs.distinct().subquery()
    count = func.count()
    inner = (
        select(_text(kind), _as_text(distinct.c.value), _text(""), count.label("n"))
        .group_by(distinct.c.value)
        .order_by(count.desc(), _binary(distinct.c.value, dialect))
        .limit(top + 1)
        .subquery()
    )
    return select(*inner.c)


def _text(value: str) -> ColumnElement[str]:
    return literal(value, TEXT)


def _as_text(col: Any) -> ColumnElement[str]:
    return type_coerce(col, TEXT)


def _day_text(col: Any, dialect: str) -> ColumnElement[str]:
    """A date as YYYY-MM-DD text (SQLite stores it so already)."""
    return func.to_char(col, "YYYY-MM-DD") if dialect == "postgresql" else type_coerce(col, TEXT)


def _month_text(col: Any, dialect: str) -> ColumnElement[str]:
    if dialect == "postgresql":
        return func.to_char(col, "YYYY-MM")
    return type_coerce(func.substr(col, 1, 7), TEXT)


def _binary(col: Any, dialect: str) -> Any:
    """Order by code point on every database (PostgreSQL's default collation may differ)."""
    return col.collate("C") if dialect == "postgresql" else col


def _facets(
    session: Session, filters: Filters, counts: dict[str, Counts], path: str, top: int
) -> dict[str, Facet]:
    """Each facet's `top` most frequent values (one more was fetched to tell whether more exist),
    ties by value in code-point order (the same on every database), then any selected value."""
    ranked = {param: sorted(counts[param], key=lambda kv: (-kv[1], kv[0])) for param in FACETS}
    more = {param: len(ranked[param]) > _limit(param, top) for param in FACETS}
    shown = {param: ranked[param][: _limit(param, top)] for param in FACETS}
    listed = {param: _with_selected(filters, param, shown[param]) for param in FACETS}
    labels = _labels(session, {"actor": listed["actor"], "place": listed["place"]})
    labels["series"] = series_names()
    facets: dict[str, Facet] = {}
    for param in FACETS:
        names = labels.get(param, {})
        urls = toggle_urls(filters, param, [value for value, _ in listed[param]], path)
        values = [
            FacetValue(
                value=value,
                count=count,
                selected=is_selected(filters, param, value),
                url=url,
                label_en=names.get(value, (value, value))[0],
                label_ar=names.get(value, (value, value))[1],
            )
            for (value, count), url in zip(listed[param], urls, strict=True)
        ]
        facets[param] = Facet(param, values, more[param])
    return facets


def _labels(session: Session, listed: dict[str, Counts]) -> dict[str, dict[str, tuple[str, str]]]:
    """The names of the listed actors and places, in one statement."""
    models: dict[str, type[Actor] | type[Place]] = {"actor": Actor, "place": Place}
    parts = [
        select(_text(param), model.id, model.name_en, model.name_ar).where(
            model.id.in_([v for v, _ in listed[param]])
        )
        for param, model in models.items()
        if listed[param]
    ]
    labels: dict[str, dict[str, tuple[str, str]]] = {param: {} for param in models}
    if parts:
        for param, ident, en, ar in session.execute(union_all(*parts)):
            labels[param][ident] = (en, ar)
    return labels


def _with_selected(filters: Filters, param: str, pairs: Counts) -> Counts:
    """Selected values always appear (so they can be unselected), even at zero."""
    chosen = getattr(filters, param)
    chosen = chosen if isinstance(chosen, tuple) else (() if chosen is None else (str(chosen),))
    present = {v for v, _ in pairs}
    return pairs + [(v, 0) for v in chosen if v not in present]
