"""Events, time expressions and actors as the export contract writes them (CONTRACT.md).

Loads what a batch of events needs in a few queries, not one per event, so exports
and JSON pages stay fast on large stores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Actor, ActorAlias, Document, Event, EventActor, Mention, Place, TimexRow

BATCH = 500


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def date_dict(event: Event) -> dict[str, Any] | None:
    if not event.date_value:
        return None
    return {
        "value": event.date_value,
        "start": _iso(event.date_start),
        "end": _iso(event.date_end),
        "precision": event.date_precision,
        "approximate": bool(event.date_approximate),
    }


def actor_dict(actor: Actor, aliases: Sequence[str], role: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": actor.id,
        "name": actor.name_en or actor.name_ar,
        "name_ar": actor.name_ar,
        "kind": actor.kind,
        "aliases": list(aliases),
    }
    if role is not None:
        out["role"] = role
    if actor.wikidata:
        out["wikidata"] = actor.wikidata
    return out


def aliases_by_actor(actor_ids: Sequence[str], *, session: Session) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if actor_ids:
        rows = session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias)
            .where(ActorAlias.actor_id.in_(actor_ids))
            .order_by(ActorAlias.actor_id, ActorAlias.id)
        )
        for actor_id, alias in rows:
            out[actor_id].append(alias)
    return out


def _actors_of(event_ids: Sequence[str], *, session: Session) -> dict[str, list[dict[str, Any]]]:
    rows = session.execute(
        select(EventActor.event_id, EventActor.role, Actor)
        .join(Actor, Actor.id == EventActor.actor_id)
        .where(EventActor.event_id.in_(event_ids))
        .order_by(EventActor.event_id, Actor.id, EventActor.role)
    ).all()
    aliases = aliases_by_actor(sorted({r.Actor.id for r in rows}), session=session)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event_id, role, actor in rows:
        out[event_id].append(actor_dict(actor, aliases.get(actor.id, []), role))
    return out


def _mentions_of(event_ids: Sequence[str], *, session: Session) -> dict[str, list[dict[str, Any]]]:
    rows = session.execute(
        select(Mention, Document.name, Document.published)
        .join(Document, Document.id == Mention.document_id)
        .where(Mention.event_id.in_(event_ids))
        .order_by(Mention.event_id, Document.published, Document.name, Mention.start)
    ).all()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention, name, published in rows:
        out[mention.event_id].append(
            {
                "document": name,
                "published": _iso(published),
                "start": mention.start,
                "end": mention.end,
                "text": mention.passage,
                "rule": mention.rule,
            }
        )
    return out


def event_dicts(events: Sequence[Event], *, session: Session) -> list[dict[str, Any]]:
    """Contract dicts for `events`, in the given order."""
    ids = [e.id for e in events]
    actors, mentions = _actors_of(ids, session=session), _mentions_of(ids, session=session)
    place_ids = {e.place_id for e in events if e.place_id}
    places = (
        {p.id: p for p in session.scalars(select(Place).where(Place.id.in_(place_ids)))} if place_ids else {}
    )
    out = []
    for e in events:
        place = places.get(e.place_id) if e.place_id else None
        out.append(
            {
                "id": e.id,
                "url": f"/events/{e.id}",
                "type": e.type,
                "status": e.status,
                "title": e.title_en,
                "title_ar": e.title_ar,
                "date": date_dict(e),
                "sort_date": _iso(e.sort_date),
                "actors": actors.get(e.id, []),
                "location": {"id": place.id, "name": place.name_en, "name_ar": place.name_ar}
                if place
                else None,
                "series": e.series,
                "round": e.round,
                "mentions": mentions.get(e.id, []),
            }
        )
    return out


def iter_event_dicts(
    events: Iterator[Event] | Sequence[Event], *, session: Session
) -> Iterator[dict[str, Any]]:
    """Stream contract dicts in batches (for large exports)."""
    batch: list[Event] = []
    for event in events:
        batch.append(event)
        if len(batch) >= BATCH:
            yield from event_dicts(batch, session=session)
            batch = []
    if batch:
        yield from event_dicts(batch, session=session)


def iter_timex_dicts(*, session: Session) -> Iterator[dict[str, Any]]:
    rows = session.execute(
        select(TimexRow, Document.name)
        .join(Document, Document.id == TimexRow.document_id)
        .order_by(Document.name, TimexRow.start)
        .execution_options(yield_per=BATCH)
    )
    for t, name in rows:
        yield {
            "document": name,
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "value": t.value,
            "precision": t.precision,
            "rule": t.rule,
        }


def iter_actor_dicts(*, session: Session) -> Iterator[dict[str, Any]]:
    actors = list(session.scalars(select(Actor).order_by(Actor.id)))
    aliases = aliases_by_actor([a.id for a in actors], session=session)
    for actor in actors:
        yield {**actor_dict(actor, aliases.get(actor.id, [])), "is_new": actor.is_new}
