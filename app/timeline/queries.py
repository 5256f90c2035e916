"""The timeline's read queries: filtered events with keyset paging, one event, actors, documents.

Data functions take the session as a keyword argument and never commit.
Events are ordered newest first by (sort_date desc, id desc); events without a
sort_date come last. Pages continue from a cursor (the last row's key), never
from an OFFSET, so the 1,000th page costs what the first does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    func,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import Session, aliased, joinedload, selectinload

from app.ingest.normalize import fold_text
from app.models import Actor, ActorAlias, Document, Event, EventActor, EventSource, Mention, RetiredEvent
from app.timeline.filters import MAX_TEXT, PARAMS, Cursor, Filters, is_plain_id
from app.timeline.search import matching_event_ids, passage_condition
from app.timeline.views import (
    ActorChip,
    ActorHit,
    DocumentView,
    EventDetail,
    EventsPage,
    EventView,
    MentionView,
    PlaceView,
)

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
CONTEXT_CHARS = 240  # article text shown on each side of a passage on the event page


def bound(name: str, value: Any) -> BindParameter[Any]:
    """A filter's value as the parameter `f_<name>`: a statement built from one set of filters
    runs for any other set of the same shape given `filter_params` of it (facets keep such
    statements, since building them costs more than running them on small result sets)."""
    return bindparam(f"f_{name}", value, expanding=isinstance(value, list | tuple))


def filter_params(filters: Filters) -> dict[str, Any]:
    """The values `bound` names, for every filter that is set (text search excepted)."""
    params: dict[str, Any] = {f"f_actor{i}": a for i, a in enumerate(filters.actor)}
    if filters.type:
        params["f_type"] = list(filters.type)
    for name in ("status", "place", "series", "round", "source"):
        if getattr(filters, name) is not None:
            params[f"f_{name}"] = getattr(filters, name)
    if filters.since_date:
        params["f_since"] = filters.since_date
    if filters.until_date:
        params["f_until"] = filters.until_date
    return params


def conditions(
    filters: Filters, *, exclude: Iterable[str] = (), dialect: str = ""
) -> list[ColumnElement[bool]]:
    """SQL conditions on Event for every filter except those named in `exclude`.

    Facets exclude their own parameter so that they list the alternatives. Excluding
    since/until drops only the condition on events.sort_date: the actors' links keep
    their own date range (the same dates, mirrored), so with an actor nothing changes.
    """
    skip = set(exclude)
    found: list[ColumnElement[bool]] = []
    if "actor" not in skip and filters.actor:
        found.append(_actor_condition(filters, dialect))  # all of them
    if "type" not in skip and filters.type:
        found.append(Event.type.in_(bound("type", list(filters.type))))
    for name in ("status", "place", "series", "round"):
        value = getattr(filters, name)
        if name not in skip and value is not None:
            column = Event.place_id if name == "place" else getattr(Event, name)
            found.append(column == bound(name, value))
    if "source" not in skip and filters.source:
        by_source = select(EventSource.event_id).where(EventSource.source == bound("source", filters.source))
        found.append(Event.id.in_(by_source))
    if filters.since_date and "since" not in skip:
        found.append(Event.sort_date >= bound("since", filters.since_date))
    if filters.until_date and "until" not in skip:
        found.append(Event.sort_date <= bound("until", filters.until_date))
    if "q" not in skip and filters.q:
        found.extend(_text_condition(filters.q, narrowed=bool(found)))
    return found


def _text_condition(q: str, *, narrowed: bool) -> list[ColumnElement[bool]]:
    """Events with a passage holding every word of `q`.

    Alone, the matching passages drive the query (one scan of the folded
    column); after other filters, each remaining event's few passages are
    tested instead, so an actor and a year never wait for a scan of them all.
    """
    condition = passage_condition(q)
    if condition is None:
        return []
    if narrowed:
        return [exists().where(Mention.event_id == Event.id, condition)]
    matched = matching_event_ids(q)
    return [Event.id.in_(matched)] if matched is not None else []


def _actor_condition(filters: Filters, dialect: str = "") -> ColumnElement[bool]:
    """The events of every chosen actor, read from ix_event_actors_actor_sort within the date range.

    event_actors.sort_date mirrors events.sort_date (database triggers keep it),
    so a frequent actor over one year is one short index range, not a probe of
    every event of that year or a list of every event of that actor. Several
    actors are intersected among the links first, so only the events they
    share are looked up (not every event of the most frequent one).
    """
    first, *others = filters.actor
    links = actor_links(first, filters)
    return Event.id.in_(links.where(*also_linked(others, filters, dialect)))


def _actor_only(filters: Filters, exclude: Iterable[str] = ()) -> bool:
    """Whether actors (and dates) are the only filters left after `exclude`."""
    skip = set(exclude)
    rest = [n for n in PARAMS if n not in ("actor", "since", "until", "lang") and n not in skip]
    return bool(filters.actor) and "actor" not in skip and not any(getattr(filters, n) for n in rest)


def actor_links(actor_id: str, filters: Filters) -> Select[str]:
    """The links of one of the chosen actors within the date range."""
    ident: Any = (
        bound(f"actor{filters.actor.index(actor_id)}", actor_id) if actor_id in filters.actor else actor_id
    )
    links = select(EventActor.event_id).where(EventActor.actor_id == ident)
    if filters.since_date:
        links = links.where(EventActor.sort_date >= bound("since", filters.since_date))
    if filters.until_date:
        links = links.where(EventActor.sort_date <= bound("until", filters.until_date))
    return links


def also_linked(others: Sequence[str], filters: Filters, dialect: str = "") -> list[ColumnElement[bool]]:
    """Conditions on an EventActor row: its event is linked to each of `others` too.

    On SQLite, one probe of ix_event_actors_actor_event per link read, not a list of every
    link of the other actor in the range (building that list cost more than the probes: 16 ->
    7 ms for two frequent actors over four years); the links read carry the date range.
    PostgreSQL hashes the other actor's links of the range (given as a probe, it merged
    them over all dates).
    """
    if dialect != "sqlite":
        return [EventActor.event_id.in_(actor_links(a, filters)) for a in others]
    found: list[ColumnElement[bool]] = []
    for actor_id in others:
        other = aliased(EventActor)
        ident: Any = bound(f"actor{filters.actor.index(actor_id)}", actor_id)
        found.append(exists().where(other.actor_id == ident, other.event_id == EventActor.event_id))
    return found


def filtered_ids(filters: Filters, *, exclude: Iterable[str] = (), dialect: str = "") -> Select[str]:
    """The ids of the events the filters select (for facet subqueries).

    When actors and dates are the only filters, the ids come from the links'
    index alone, without touching the events table.
    """
    if _actor_only(filters, exclude):
        first, *others = filters.actor
        links = actor_links(first, filters)
        return links.where(*also_linked(others, filters, dialect))
    return select(Event.id).where(*conditions(filters, exclude=exclude, dialect=dialect))


@dataclass(frozen=True)
class _KeySource:
    """Where page keys (sort_date, event id) are read: events, or one actor's links."""

    day: Any
    ident: Any
    where: list[ColumnElement[bool]]


def _key_source(filters: Filters, dialect: str = "") -> _KeySource:
    """Actor-and-date views read keys from ix_event_actors_actor_sort in order and stop at
    the page's end; any other filter needs the events table."""
    if _actor_only(filters):
        first, *others = filters.actor
        where = [EventActor.actor_id == first]
        where += also_linked(others, filters, dialect)
        if filters.since_date:
            where.append(EventActor.sort_date >= filters.since_date)
        if filters.until_date:
            where.append(EventActor.sort_date <= filters.until_date)
        return _KeySource(EventActor.sort_date, EventActor.event_id, where)
    return _KeySource(Event.sort_date, Event.id, conditions(filters, dialect=dialect))


def _page_rows(
    session: Session, source: _KeySource, after: Cursor | None, limit: int
) -> list[tuple[object, str]]:
    """Keys of up to `limit` events after the cursor: dated ones first, then undated."""
    rows: list[tuple[object, str]] = []
    day, ident = source.day, source.ident
    keys = select(day, ident).distinct()  # an actor linked twice (two roles) is one event
    if after is None or after.sort_date is not None:
        dated = [*source.where, day.is_not(None)]
        if after is not None:
            dated.append(tuple_(day, ident) < tuple_(after.sort_date, after.event_id))
        rows.extend(session.execute(keys.where(*dated).order_by(day.desc(), ident.desc()).limit(limit)))
    if len(rows) < limit:
        undated = [*source.where, day.is_(None)]
        if after is not None and after.sort_date is None:
            undated.append(ident < after.event_id)
        stmt = keys.where(*undated).order_by(ident.desc()).limit(limit - len(rows))
        rows.extend(session.execute(stmt))
    return rows


def page_ids(
    session: Session, filters: Filters, *, limit: int = PAGE_SIZE
) -> tuple[list[str], Cursor | None]:
    """The ids of one page of the filtered timeline and the cursor of the next (None: last page)."""
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    keys = _page_rows(session, _key_source(filters, _dialect(session)), filters.next, limit + 1)
    if len(keys) <= limit:
        return [event_id for _, event_id in keys], None
    keys = keys[:limit]
    last_date, last_id = keys[-1]
    return [event_id for _, event_id in keys], Cursor(_as_date(last_date), last_id)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def events_page(session: Session, filters: Filters, *, limit: int = PAGE_SIZE) -> EventsPage:
    """One page of the filtered timeline (EventViews), continuing from `filters.next`."""
    ids, cursor = page_ids(session, filters, limit=limit)
    return EventsPage(items=load_event_views(session, ids), next_cursor=cursor)


def load_events(session: Session, ids: Sequence[str]) -> list[Event]:
    """Event rows for `ids`, in the order given (for contract.event_dicts)."""
    events = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(ids)))} if ids else {}
    return [events[i] for i in ids if i in events]


def iter_events(session: Session, filters: Filters, *, batch: int = 500) -> Iterator[Event]:
    """Every filtered event, newest first, loaded in keyset batches (for exports)."""
    source = _key_source(filters, _dialect(session))
    after = filters.next
    while True:
        keys = _page_rows(session, source, after, batch)
        if not keys:
            return
        ids = [event_id for _, event_id in keys]
        by_id = {e.id: e for e in session.scalars(_event_query().where(Event.id.in_(ids)))}
        yield from (by_id[i] for i in ids if i in by_id)
        if len(keys) < batch:
            return
        last_date, last_id = keys[-1]
        after = Cursor(_as_date(last_date), last_id)


def _event_query() -> Select[Event]:
    return select(Event).options(
        joinedload(Event.place),
        selectinload(Event.actor_links).joinedload(EventActor.actor),
    )


def load_event_views(session: Session, ids: Sequence[str]) -> list[EventView]:
    """EventViews for `ids`, in the order given."""
    if not ids:
        return []
    events = {e.id: e for e in session.scalars(_event_query().where(Event.id.in_(ids)))}
    return [event_view(events[i]) for i in ids if i in events]


_ROLE_ORDER = {"speaker": 0, "host": 1, "participant": 2}


def event_view(event: Event) -> EventView:
    links = sorted(event.actor_links, key=lambda a: (_ROLE_ORDER.get(a.role, 3), a.actor.name_en))
    place = event.place
    return EventView(
        id=event.id,
        type=event.type,
        status=event.status,
        title_en=event.title_en,
        title_ar=event.title_ar,
        date_value=event.date_value,
        date_start=event.date_start,
        date_end=event.date_end,
        date_precision=event.date_precision,
        date_approximate=bool(event.date_approximate),
        sort_date=event.sort_date,
        place=PlaceView(place.id, place.name_en, place.name_ar) if place else None,
        series=event.series,
        round=event.round,
        n_sources=event.n_sources,
        actors=tuple(ActorChip(a.actor.id, a.actor.name_en, a.actor.name_ar, a.role) for a in links),
    )


def get_event(session: Session, event_id: str) -> Event | None:
    """The event row with its place and actors loaded (for contract.event_dict).

    An id no event could have (too long, control characters: PostgreSQL refuses
    NUL outright) finds nothing rather than failing.
    """
    if not is_plain_id(event_id):
        return None
    return session.scalars(_event_query().where(Event.id == event_id)).first()


def retired_successor(session: Session, event_id: str) -> tuple[bool, str | None]:
    """(retired?, successor id) for an id that no longer names an event."""
    row = session.get(RetiredEvent, event_id) if is_plain_id(event_id) else None
    return (row is not None, row.successor_id if row else None)


def event_detail(session: Session, event_id: str) -> EventDetail | None:
    """One event and every passage reporting it, in order of publication."""
    event = get_event(session, event_id)
    if event is None:
        return None
    stmt = (
        select(Mention, Document)
        .join(Document, Mention.document_id == Document.id)
        .where(Mention.event_id == event_id)
        .order_by(Document.published.is_(None), Document.published, Document.name, Mention.start)
    )
    mentions = [mention_view(m, d) for m, d in session.execute(stmt)]
    return EventDetail(event=event_view(event), mentions=mentions)


def document_view(doc: Document) -> DocumentView:
    return DocumentView(doc.id, doc.name, doc.title, doc.source, doc.url, doc.language, doc.published)


def mention_view(mention: Mention, doc: Document) -> MentionView:
    text = doc.text
    return MentionView(
        id=mention.id,
        document=document_view(doc),
        start=mention.start,
        end=mention.end,
        passage=text[mention.start : mention.end] or mention.passage,
        rule=mention.rule,
        status=mention.status,
        date_value=mention.date_value,
        timex_text=mention.timex_text,
        before=text[max(0, mention.start - CONTEXT_CHARS) : mention.start],
        after=text[mention.end : mention.end + CONTEXT_CHARS],
    )


def search_actors(session: Session, q: str, *, limit: int = 10) -> list[ActorHit]:
    """Actors any of whose aliases (or names) start with, then contain, the folded `q`."""
    folded = "".join(ch for ch in fold_text(q[:MAX_TEXT]) if ch >= " ")
    if not folded:
        return []
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    hits: dict[str, ActorHit] = {}
    for pattern in (f"{escaped}%", f"% {escaped}%", f"%{escaped}%"):
        stmt = (
            select(Actor, ActorAlias.alias)
            .join(ActorAlias, ActorAlias.actor_id == Actor.id)
            .where(ActorAlias.alias_folded.like(pattern, escape="\\"))
            .order_by(func.length(ActorAlias.alias_folded), Actor.id)
            .limit(limit * 4)
        )
        for actor, alias in session.execute(stmt):
            if actor.id not in hits and len(hits) < limit:
                hits[actor.id] = ActorHit(actor.id, actor.name_en, actor.name_ar, actor.kind, alias)
        if len(hits) >= limit:
            break
    return _with_event_counts(session, list(hits.values()))


def _with_event_counts(session: Session, hits: list[ActorHit]) -> list[ActorHit]:
    if not hits:
        return hits
    stmt = (
        select(EventActor.actor_id, func.count(func.distinct(EventActor.event_id)))
        .where(EventActor.actor_id.in_([h.id for h in hits]))
        .group_by(EventActor.actor_id)
    )
    counts = dict(session.execute(stmt).all())
    return [replace(h, n_events=counts.get(h.id, 0)) for h in hits]


def get_actor(session: Session, actor_id: str) -> Actor | None:
    """The actor with its aliases and roles loaded (None for an impossible id)."""
    if not is_plain_id(actor_id):
        return None
    stmt = (
        select(Actor)
        .options(selectinload(Actor.aliases), selectinload(Actor.roles))
        .where(Actor.id == actor_id)
    )
    return session.scalars(stmt).first()


def list_documents(
    session: Session, *, source: str | None = None, limit: int = 100, after_id: int | None = None
) -> list[DocumentView]:
    """Documents in id order, paged by the last id seen, optionally one source's."""
    stmt = select(Document).where(
        Document.source == source if source else true(),
        Document.id > after_id if after_id is not None else true(),
    )
    stmt = stmt.order_by(Document.id).limit(max(1, min(limit, MAX_PAGE_SIZE)))
    return [document_view(d) for d in session.scalars(stmt)]


def count_events(session: Session, filters: Filters) -> int:
    where = conditions(filters)
    stmt = select(func.count()).select_from(Event).where(and_(true(), *where))
    return int(session.execute(stmt).scalar_one())
