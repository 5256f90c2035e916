"""Small builders for merge tests: accounts (ExtractedEvents) and articles stored through the real code."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db import session_scope
from app.ingest import merge, store
from app.ingest.knowledge import KbRound, KnowledgeBase
from app.ingest.records import ActorRef, DateValue, ExtractedEvent, MentionSpan, PlaceRef, RawArticle
from app.models import Event, Mention

KINDS = {"usa": "country", "russia": "country", "un": "organisation"}


def day(value: str) -> DateValue:
    d = date.fromisoformat(value)
    return DateValue(value, d, d, "day")


def month(value: str) -> DateValue:
    first = date.fromisoformat(value + "-01")
    nxt = (first + timedelta(days=32)).replace(day=1)
    return DateValue(value, first, nxt - timedelta(days=1), "month")


def week_of(value: str) -> DateValue:
    d = date.fromisoformat(value)
    start = d - timedelta(days=d.weekday())
    iso = d.isocalendar()
    return DateValue(f"{iso.year}-W{iso.week:02d}", start, start + timedelta(days=6), "week")


def actor(ident: str, role: str = "participant") -> ActorRef:
    kind = KINDS.get(ident, "person")
    return ActorRef(ident, ident.replace("-", " ").title(), ident, kind, role)


def place(ident: str) -> PlaceRef:
    return PlaceRef(ident, ident.title(), ident)


def account(
    kind: str,
    text: str,
    where: tuple[int, int] | Sequence[tuple[int, int]],
    *,
    status: str = "occurred",
    when: DateValue | None = None,
    actors: Sequence[str | tuple[str, str]] = (),
    at: str | None = None,
    series: str | None = None,
    rnd: int | None = None,
    rule: str = "test.rule",
) -> ExtractedEvent:
    spans = [where] if isinstance(where[0], int) else list(where)  # type: ignore[list-item]
    refs = tuple(actor(a) if isinstance(a, str) else actor(*a) for a in actors)
    return ExtractedEvent(
        type=kind,
        status=status,
        mentions=tuple(MentionSpan(s, e, text[s:e], rule) for s, e in spans),  # type: ignore[misc]
        date=when,
        actors=refs,
        place=place(at) if at else None,
        series=series,
        round=rnd,
        title_en=f"{kind} {' '.join(a.id for a in refs)}".strip(),
    )


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def store_article(
    factory: sessionmaker[Session],
    name: str,
    published: str | None,
    text: str,
    events: Sequence[ExtractedEvent],
    kb: Any = None,
) -> None:
    """One article in one transaction, as the pipeline stores it."""
    article = RawArticle(name, text, name, date.fromisoformat(published) if published else None)
    with session_scope(factory) as session:
        doc = store.upsert_document(article, session=session, version="test")
        merge.integrate(session, doc, events, kb or KnowledgeBase())


def geneva_kb() -> KnowledgeBase:
    return KnowledgeBase(
        rounds=(KbRound("geneva", 5, date(2017, 3, 23), date(2017, 3, 31)),),
    )


def events_by_doc(factory: sessionmaker[Session]) -> dict[str, set[str]]:
    """document name -> ids of the events its passages report."""
    from app.models import Document

    with factory() as s:
        rows = s.execute(
            select(Document.name, Mention.event_id).join(Mention, Mention.document_id == Document.id)
        )
        out: dict[str, set[str]] = {}
        for name, eid in rows:
            out.setdefault(name, set()).add(eid)
        return out


def all_events(factory: sessionmaker[Session]) -> dict[str, Event]:
    with factory() as s:
        return {e.id: e for e in s.scalars(select(Event))}
