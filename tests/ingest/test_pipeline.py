"""The whole ingestion on real files into real databases: idempotence, replacement, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.ingest.pipeline import ingest
from app.models import Document, Event, EventActor, Mention, TimexRow
from tests.conftest import SEEDS


def snapshot(factory: sessionmaker[Session]) -> dict[str, Any]:
    """Every row that ingestion writes, keyed so that two runs can be compared."""
    with factory() as s:
        docs = {d.id: d.name for d in s.scalars(select(Document))}
        return {
            "documents": sorted((d.name, d.content_hash) for d in s.scalars(select(Document))),
            "events": sorted(
                (e.id, e.type, e.status, e.date_value, e.title_en, e.n_sources)
                for e in s.scalars(select(Event))
            ),
            "mentions": sorted(
                (m.event_id, docs[m.document_id], m.start, m.end, m.rule) for m in s.scalars(select(Mention))
            ),
            "timexes": sorted(
                (docs[t.document_id], t.start, t.end, t.value) for t in s.scalars(select(TimexRow))
            ),
            "actors": sorted((a.event_id, a.actor_id, a.role) for a in s.scalars(select(EventActor))),
        }


def rows_of(snap: dict[str, Any], doc: str) -> tuple[list[Any], list[Any]]:
    return [m for m in snap["mentions"] if m[1] == doc], [t for t in snap["timexes"] if t[0] == doc]


def test_seeds_twice_changes_nothing(session_factory: sessionmaker[Session]) -> None:
    first = ingest([SEEDS], factory=session_factory)
    assert (first.new, first.unchanged, first.failures) == (5, 0, [])
    before = snapshot(session_factory)
    assert before["events"] and before["mentions"] and before["timexes"]
    second = ingest([SEEDS], factory=session_factory)
    assert (second.new, second.unchanged, second.failures) == (0, 5, [])
    assert snapshot(session_factory) == before
    assert (
        second.summary()
        == f"ingested 5 articles (0 new, 5 unchanged, 0 failed), {len(before['events'])} events"
    )


def test_editing_one_article_replaces_only_its_data(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    ingest([folder], factory=session_factory)
    before = snapshot(session_factory)
    edited = folder / "004_792cef1ee868a0bc.txt"
    extra = "\nوقال وزير الخارجية الروسي سيرغي لافروف الأحد إن موسكو ستستضيف اجتماعا جديدا الشهر المقبل."
    edited.write_text(edited.read_text(encoding="utf-8") + extra, encoding="utf-8")
    report = ingest([folder], factory=session_factory)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 4)
    assert report.summary().startswith("ingested 5 articles (1 new, 4 unchanged, 0 failed)")
    after = snapshot(session_factory)
    for doc in (p.name for p in folder.glob("*.txt") if p != edited):
        assert rows_of(after, doc) == rows_of(before, doc), doc
    assert rows_of(after, edited.name) != rows_of(before, edited.name)
    with session_factory() as s:
        text = s.scalars(select(Document.text).where(Document.name == edited.name)).one()
    assert text.endswith(extra)


def test_one_transaction_per_article_keeps_good_ones(tmp_path: Path, engine: Engine) -> None:
    from app.db import make_sessionmaker

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("قال المبعوث الأممي إن المحادثات ستستأنف.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    report = ingest([folder], factory=make_sessionmaker(engine))
    assert report.new == 1 and [Path(f.path).name for f in report.failures] == ["empty.txt"]
    with make_sessionmaker(engine)() as s:
        assert list(s.scalars(select(Document.name))) == ["good.txt"]
