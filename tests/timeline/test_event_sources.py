"""event_sources (migration 0003) holds each event's distinct document sources and its sort_date,
kept by triggers through every write the store sees: mentions added, removed and moved,
documents renamed or deleted, events re-dated or deleted, and real ingests and re-ingests."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models import Document, Event, EventSource, Mention
from tests.conftest import SEEDS, ingest_into
from tests.timeline.sample_store import build_sample

Pairs = set[tuple[str, str, date | None]]


def derived(session: Session) -> Pairs:
    """What the table must hold, worked out from mentions, documents and events."""
    stmt = (
        select(Mention.event_id, Document.source, Event.sort_date)
        .join(Document, Mention.document_id == Document.id)
        .join(Event, Mention.event_id == Event.id)
        .where(Document.source.is_not(None))
    )
    return {(e, s, d) for e, s, d in session.execute(stmt)}


def stored(session: Session) -> Pairs:
    rows = session.execute(select(EventSource.event_id, EventSource.source, EventSource.sort_date))
    return {(e, s, d) for e, s, d in rows}


def mention(event_id: str, document_id: int) -> Mention:
    return Mention(
        event_id=event_id,
        document_id=document_id,
        start=0,
        end=5,
        passage="p",
        rule="t",
        type="meeting",
        status="occurred",
    )


def doc_id(session: Session, name: str) -> int:
    return session.scalars(select(Document.id).where(Document.name == name)).one()


def test_the_table_follows_every_write(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        build_sample(session)
        session.commit()
        assert stored(session) == derived(session)
        assert ("e01", "Wire A", date(2016, 7, 14)) in stored(session)

        # a second mention of e01, in a Wire B article: e01 gains that source
        a2 = doc_id(session, "a2.txt")
        session.add(mention("e01", a2))
        session.flush()
        assert {s for e, s, _ in stored(session) if e == "e01"} == {"Wire A", "Wire B"}

        # another Wire A article also reports e01, then the first one's mention goes: Wire A stays
        a3 = doc_id(session, "a3.txt")
        session.add(mention("e01", a3))
        session.flush()
        session.execute(
            delete(Mention).where(Mention.event_id == "e01", Mention.document_id == doc_id(session, "a1.txt"))
        )
        assert {s for e, s, _ in stored(session) if e == "e01"} == {"Wire A", "Wire B"}
        assert stored(session) == derived(session)

        # a mention moved to another event (as a merge does) takes its source along
        session.execute(
            update(Mention).where(Mention.event_id == "e01", Mention.document_id == a2).values(event_id="e10")
        )
        assert {s for e, s, _ in stored(session) if e == "e01"} == {"Wire A"}
        assert {s for e, s, _ in stored(session) if e == "e10"} == {"Wire A", "Wire B"}
        assert stored(session) == derived(session)

        # a document whose source is renamed, then cleared
        session.execute(update(Document).where(Document.id == a2).values(source="Wire C"))
        assert stored(session) == derived(session)
        assert any(s == "Wire C" for _, s, _ in stored(session))
        session.execute(update(Document).where(Document.id == a2).values(source=None))
        assert stored(session) == derived(session)
        assert not any(s in ("Wire B", "Wire C") for _, s, _ in stored(session))
        session.execute(update(Document).where(Document.id == a2).values(source="Wire B"))
        assert stored(session) == derived(session)

        # an event re-dated keeps the copy in step; an undated one gets a date
        session.execute(update(Event).where(Event.id == "e05").values(sort_date=date(2015, 1, 2)))
        session.execute(update(Event).where(Event.id == "e12").values(sort_date=date(2018, 3, 4)))
        assert stored(session) == derived(session)
        assert ("e05", "Wire A", date(2015, 1, 2)) in stored(session)

        # deleting a document (its mentions cascade) and an event
        session.execute(delete(Document).where(Document.id == a3))
        session.execute(delete(Event).where(Event.id == "e04"))
        assert stored(session) == derived(session)
        assert not any(e == "e04" for e, _, _ in stored(session))
        session.commit()


def test_real_ingests_and_a_changed_article_keep_it_exact(db_url: str, tmp_path: Path) -> None:
    from app.db import make_engine, make_sessionmaker

    articles = tmp_path / "seeds"
    shutil.copytree(SEEDS, articles)
    manifest = articles / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    rows = [
        {**json.loads(line), "source": f"Wire {'AB'[i % 2]}"} for i, line in enumerate(lines) if line.strip()
    ]
    manifest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    ingest_into(db_url, articles)
    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as session:
            first = stored(session)
            assert first and first == derived(session)
        # one article rewritten (its events are replaced and merged again), another dropped
        files = sorted(articles.glob("*.txt"))
        text = files[1].read_text(encoding="utf-8")
        files[1].write_text(text[: len(text) // 2], encoding="utf-8")
        ingest_into(db_url, articles)
        with make_sessionmaker(engine)() as session:
            assert stored(session) == derived(session)
            assert stored(session) != first
    finally:
        engine.dispose()
