"""Finding merge candidates with indexed queries only, and reading their profiles.

Candidates come from the (type, sort_date) index narrowed by the account's own
date ranges, place and actor links (event_actors' (actor_id, event_id) index), or
from the series/round index for numbered talks rounds. The store's size does not
enter: only events near the account in time, of its kind, sharing an actor are read.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from app.ingest.merge_rules import Profile, family, sort_date_ranges, speakers_of
from app.ingest.records import DateValue
from app.models import Event, EventActor, Mention

FAMILY_TYPES = ("proposal", "report")


def candidate_ids(session: Session, new: Profile, published: date | None) -> set[str]:
    ids: set[str] = set()
    if new.type == "talks_round" and new.series and new.round is not None:
        # No type condition: it would lure SQLite onto the (type, sort_date) index; the rules check it.
        q = select(Event.id).where(Event.series == new.series, Event.round == new.round)
        ids |= set(session.scalars(q))
    ranges = sort_date_ranges(new, published)
    narrowing = _narrowing(new)
    if not ranges or not (new.actors or new.series) or any(c is None for c in narrowing):
        return ids
    for lo, hi in ranges:  # one query per range: an OR of ranges would defeat the indexes
        for query in _in_range(new, lo, hi, narrowing):
            ids |= set(session.scalars(query))
    return ids


def _in_range(new: Profile, lo: date, hi: date, narrowing: list[Any]) -> list[Select[Any]]:
    """Events of the account's kind in [lo, hi]: by actor links (actor, sort_date index) and,
    for a round of a named series, by series (sources list a round's parties differently)."""
    queries: list[Select[Any]] = []
    if new.series:
        queries.append(
            select(Event.id).where(
                _types(new), Event.sort_date.between(lo, hi), Event.series == new.series, *narrowing
            )
        )
    if new.actors:
        queries.append(
            select(EventActor.event_id)
            .join(Event, Event.id == EventActor.event_id)
            .where(
                EventActor.actor_id.in_(sorted(new.actors)),
                EventActor.sort_date.between(lo, hi),
                _types(new),
                *narrowing,
            )
            .distinct()
        )
    return queries


def _types(new: Profile) -> ColumnElement[bool]:
    kinds = {t for t in FAMILY_TYPES if family(t) == family(new.type)} | {new.type}
    return Event.type.in_(sorted(kinds))


def _narrowing(new: Profile) -> list[ColumnElement[bool] | None]:
    """Conditions the rules impose anyway, pushed into SQL; [None] when nothing can match."""
    conds: list[ColumnElement[bool] | None] = []
    if new.place:
        conds.append(or_(Event.place_id.is_(None), Event.place_id == new.place))
    if new.type == "statement":  # same day and place, or no merge at all
        if not (new.date and new.date.precision == "day" and new.place):
            return [None]
        conds.append(and_(Event.date_start == new.date.start, Event.date_precision == "day"))
    return conds


def stored_profiles(session: Session, ids: list[str]) -> dict[str, Profile]:
    """Profiles read from the events' rows, actor links and mentions (three queries)."""
    if not ids:
        return {}
    actors: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for eid, aid, role in session.execute(
        select(EventActor.event_id, EventActor.actor_id, EventActor.role).where(EventActor.event_id.in_(ids))
    ):
        actors[eid].add((aid, role))
    docs: dict[str, set[int]] = defaultdict(set)
    for eid, did in session.execute(
        select(Mention.event_id, Mention.document_id).where(Mention.event_id.in_(ids)).distinct()
    ):
        docs[eid].add(did)
    cols: tuple[Any, ...] = (Event.id, Event.type, Event.date_value, Event.date_start, Event.date_end)
    cols += (Event.date_precision, Event.place_id, Event.series, Event.round, Event.n_sources)
    out = {}
    for row in session.execute(select(*cols).where(Event.id.in_(ids))):
        when = None
        if row.date_value and row.date_start and row.date_end:
            when = DateValue(row.date_value, row.date_start, row.date_end, row.date_precision or "day")
        who = actors[row.id]
        out[row.id] = Profile(
            type=row.type,
            date=when,
            place=row.place_id,
            series=row.series,
            round=row.round,
            actors=frozenset(a for a, _ in who),
            speakers=speakers_of(who),
            documents=frozenset(docs[row.id]),
            n_sources=row.n_sources,
        )
    return out
