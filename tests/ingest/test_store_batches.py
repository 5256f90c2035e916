"""Ingest stores several articles per transaction, one savepoint each: a broken article is rolled
back alone, and the store ends exactly as one transaction per article leaves it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine, Table, delete, event, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db import begin_explicitly, fetch_dicts, in_list, make_engine, make_sessionmaker, session_scope
from app.ingest import pipeline, store
from app.ingest.event_rows import KEPT, keep_events
from app.ingest.knowledge import load_kb
from app.ingest.merge_candidates import READ_LINKS, READ_MENTIONS, READ_ROWS, read_events, read_mentions
from app.ingest.pipeline import ingest
from app.ingest.records import RawArticle
from app.ingest.sources import read_paths
from app.migrate import upgrade
from app.models import Document, Event, Mention, Place, TimexRow
from tests.conftest import SEEDS
from tests.ingest.test_pipeline import snapshot

# Three short articles of our own; the middle one is made to fail while its rows are written.
ARTICLES = {
    "a-first.txt": "أعلن وزير الخارجية الروسي سيرغي لافروف يوم الاثنين أن موسكو ستستضيف جولة محادثات جديدة.",
    "b-poisoned.txt": "قال المبعوث الأممي إن وفدي الحكومة والمعارضة سيلتقيان في جنيف الأسبوع المقبل.",
    "c-third.txt": "اجتمع وزير الخارجية الأمريكي مع نظيره التركي في أنقرة يوم الثلاثاء لبحث الهدنة.",
}
POISONED = "b-poisoned.txt"
PLACES = cast(Table, Place.__table__)


def write_articles(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in ARTICLES.items():
        if names is None or name in names:
            (folder / name).write_text(body, encoding="utf-8")
    return folder


def poison_mentions(engine: Engine) -> None:
    """A real trigger that refuses the poisoned article's mentions, after its document and time
    expressions were written in the same savepoint."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(
                text(
                    "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN"
                    " IF (SELECT name FROM documents WHERE id = NEW.document_id) = 'b-poisoned.txt'"
                    " THEN RAISE EXCEPTION 'poisoned article'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text("CREATE TRIGGER poison BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION poison()")
            )
        else:
            conn.execute(
                text(
                    "CREATE TRIGGER poison BEFORE INSERT ON mentions"
                    " WHEN (SELECT name FROM documents WHERE id = NEW.document_id) = 'b-poisoned.txt'"
                    " BEGIN SELECT RAISE(ABORT, 'poisoned article'); END"
                )
            )


def stored_names(factory: sessionmaker[Session]) -> list[str]:
    with factory() as s:
        return sorted(s.scalars(select(Document.name)))


def test_a_broken_article_is_rolled_back_alone(tmp_path: Path, engine: Engine) -> None:
    folder = write_articles(tmp_path / "articles")
    poison_mentions(engine)
    factory = make_sessionmaker(engine)
    seen: list[tuple[str, str | None]] = []
    report = ingest([folder], factory=factory, batch=10, on_item=lambda p, e: seen.append((Path(p).name, e)))
    assert (report.new, report.unchanged) == (2, 0)
    assert [Path(f.path).name for f in report.failures] == [POISONED]
    assert "poisoned article" in report.failures[0].reason
    assert [name for name, _ in seen] == sorted(ARTICLES)
    assert [name for name, error in seen if error] == [POISONED]
    assert stored_names(factory) == ["a-first.txt", "c-third.txt"]
    with factory() as s:  # nothing of the broken article survived: not its document, times or passages
        docs = set(s.scalars(select(Document.id)))
        assert set(s.scalars(select(TimexRow.document_id))) <= docs
        assert set(s.scalars(select(Mention.document_id))) <= docs
        assert s.scalars(select(Mention.id)).first() is not None

    # The two good articles leave the store as they leave it ingested without the broken one.
    clean = make_engine(f"sqlite:///{tmp_path / 'clean.db'}")
    upgrade(clean)
    alone = write_articles(tmp_path / "alone", ["a-first.txt", "c-third.txt"])
    ingest([alone], factory=make_sessionmaker(clean), batch=1)
    assert snapshot(factory) == snapshot(make_sessionmaker(clean))
    clean.dispose()


def test_a_failed_commit_stores_the_batch_one_article_at_a_time(tmp_path: Path, sqlite_url: str) -> None:
    """A deferred constraint fails only at COMMIT: the batch is rolled back whole, then stored again
    one transaction per article, so only the broken article is missing."""
    engine = make_engine(sqlite_url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE parent_rows (id INTEGER PRIMARY KEY)"))
        conn.execute(
            text(
                "CREATE TABLE child_rows (parent_id INTEGER"
                " REFERENCES parent_rows(id) DEFERRABLE INITIALLY DEFERRED)"
            )
        )
        conn.execute(
            text(
                "CREATE TRIGGER orphan_on_commit AFTER INSERT ON documents WHEN NEW.name = 'b-poisoned.txt'"
                " BEGIN INSERT INTO child_rows VALUES (42); END"
            )
        )
    folder = write_articles(tmp_path / "articles")
    factory = make_sessionmaker(engine)
    report = ingest([folder], factory=factory, batch=10)
    assert report.new == 2
    assert [Path(f.path).name for f in report.failures] == [POISONED]
    assert "FOREIGN KEY" in report.failures[0].reason
    assert stored_names(factory) == ["a-first.txt", "c-third.txt"]
    engine.dispose()


def test_batches_store_what_one_transaction_per_article_stores(tmp_path: Path, engine: Engine) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    batched = make_sessionmaker(engine)
    first = ingest([folder], factory=batched, batch=2)
    one_each = make_engine(f"sqlite:///{tmp_path / 'one_each.db'}")
    upgrade(one_each)
    single = make_sessionmaker(one_each)
    ingest([folder], factory=single, batch=1)
    assert first.new == 5 and not first.failures
    assert snapshot(batched) == snapshot(single)
    # and again after one article changed: replaced inside a batch as in a transaction of its own
    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8")[:400], encoding="utf-8")
    again = ingest([folder], factory=batched, batch=3)
    ingest([folder], factory=single, batch=1)
    assert (again.changed, again.unchanged) == (1, 4)
    assert snapshot(batched) == snapshot(single)
    one_each.dispose()


@pytest.mark.parametrize("values", [[], ["damascus"], ["geneva", "damascus", "geneva", "جنيف"]])
def test_in_list_is_in_with_one_statement_text(engine: Engine, values: list[str]) -> None:
    places = PLACES
    with engine.begin() as conn:
        conn.execute(delete(places))
        conn.execute(
            insert(places),
            [
                {"id": i, "name_en": i, "name_ar": i, "kind": "city"}
                for i in ("geneva", "damascus", "جنيف", "vienna")
            ],
        )
    texts: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        texts.append(statement)

    query = select(places.c.id).where(in_list(places.c.id, "ids")).order_by(places.c.id)
    event.listen(engine, "before_cursor_execute", record)
    try:
        with engine.connect() as conn:
            got = list(conn.execute(query, {"ids": values}).scalars())
            conn.execute(query, {"ids": ["x"] * 7}).all()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert got == sorted(set(values))
    assert len(texts) == 2 and texts[0] == texts[1]  # the same text whatever the list's length


def test_execute_many_stores_what_execute_stores(engine: Engine) -> None:
    """Dates, times, booleans, JSON, text and NULLs go through the same bind processing."""
    from datetime import UTC, date, datetime

    from app.db import execute_many
    from app.ingest.event_rows import INSERT_EVENTS, INSERT_LINKS, INSERT_MENTIONS
    from app.models import Actor, Event, EventActor

    with engine.begin() as conn:
        conn.execute(insert(PLACES), [{"id": "homs", "name_en": "Homs", "name_ar": "حمص", "kind": "city"}])
        conn.execute(
            insert(cast(Table, Actor.__table__)),
            [{"id": "x", "name_en": "X", "name_ar": "س", "kind": "person", "wikidata": None, "is_new": True}],
        )
        conn.execute(
            insert(cast(Table, Document.__table__)),
            [
                {
                    "name": "d.txt",
                    "text": "نص",
                    "content_hash": "h",
                    "extractor_version": "v",
                    "language": "ar",
                    "ingested_at": datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
                }
            ],
        )
    when = datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)

    def event_row(eid: str, approximate: bool, day: date | None) -> dict[str, object]:
        return {
            "id": eid,
            "identity_key": f"meeting|{day}",
            "type": "meeting",
            "status": "occurred",
            "date_value": day.isoformat() if day else None,
            "date_start": day,
            "date_end": day,
            "date_precision": "day" if day else None,
            "date_approximate": approximate,
            "sort_date": day,
            "title_en": "A meeting",
            "title_ar": "لقاء",
            "place_id": "homs" if day else None,
            "series": None,
            "round": 3 if day else None,
            "n_sources": 1,
            "updated_at": when,
            "created_at": when,
        }

    def mention_row(eid: str, start: int) -> dict[str, object]:
        return {
            "event_id": eid,
            "document_id": 1,
            "group": 0,
            "start": start,
            "end": start + 2,
            "passage": "نص",
            "passage_folded": "نص",
            "rule": "r",
            "type": "meeting",
            "status": "occurred",
            "date_value": None,
            "date_start": date(2017, 2, 3),
            "date_end": None,
            "date_precision": None,
            "timex_text": None,
            "timex_start": None,
            "timex_end": None,
            "place_id": None,
            "series": None,
            "round": None,
            "actors": [{"id": "x", "role": "participant"}],
            "title_en": "",
            "title_ar": "عنوان",
        }

    with engine.begin() as conn:
        conn.execute(INSERT_EVENTS, [event_row("e1", True, date(2017, 2, 3)), event_row("e2", False, None)])
        execute_many(
            conn, INSERT_EVENTS, [event_row("f1", True, date(2017, 2, 3)), event_row("f2", False, None)]
        )
        conn.execute(INSERT_LINKS, [{"event_id": "e1", "actor_id": "x", "role": "participant"}])
        execute_many(conn, INSERT_LINKS, [{"event_id": "f1", "actor_id": "x", "role": "participant"}])
        conn.execute(INSERT_MENTIONS, [mention_row("e1", 0), mention_row("e2", 5)])
        execute_many(conn, INSERT_MENTIONS, [mention_row("f1", 0), mention_row("f2", 5)])
    with Session(engine) as s:
        events = {e.id: e for e in s.scalars(select(Event))}
        links = {(a.event_id[1:], a.actor_id, a.role, a.sort_date) for a in s.scalars(select(EventActor))}
        mentions = {m.event_id: m for m in s.scalars(select(Mention))}
    columns = [c.key for c in Event.__table__.columns if c.key != "id"]
    for old, new in (("e1", "f1"), ("e2", "f2")):
        assert [getattr(events[old], c) for c in columns] == [getattr(events[new], c) for c in columns]
        got = [
            (c.key, getattr(mentions[new], c.key))
            for c in Mention.__table__.columns
            if c.key not in ("id", "event_id")
        ]
        assert got == [
            (c.key, getattr(mentions[old], c.key))
            for c in Mention.__table__.columns
            if c.key not in ("id", "event_id")
        ]
    assert events["f1"].date_approximate is True and events["f2"].date_approximate is False
    assert events["f1"].sort_date == date(2017, 2, 3) and mentions["f1"].actors == [
        {"id": "x", "role": "participant"}
    ]
    assert links == {("1", "x", "participant", date(2017, 2, 3))}


def _seed_articles() -> list[RawArticle]:
    return [a for a in read_paths([SEEDS]) if isinstance(a, RawArticle)]


def test_fetch_reads_what_execute_reads(engine: Engine) -> None:
    """fetch/fetch_dicts (compiled once, straight on the driver) give the values conn.execute gives."""
    ingest([SEEDS], factory=make_sessionmaker(engine), batch=5)
    with engine.connect() as conn:
        ids = sorted(conn.execute(select(Event.id)).scalars())
        assert ids
        for statement in (READ_ROWS, READ_LINKS, READ_MENTIONS):
            expected = [dict(r._mapping) for r in conn.execute(statement, {"ids": ids})]
            assert fetch_dicts(conn, statement, {"ids": ids}) == expected
            assert fetch_dicts(conn, statement, {"ids": []}) == []


def test_events_kept_between_articles_are_what_the_store_holds(engine: Engine) -> None:
    """Events merging keeps across the articles of a batch (rows, links, mentions) equal a fresh read,
    also after an article of the batch was replaced by a changed version."""
    kb = load_kb()
    factory = make_sessionmaker(engine)
    version = store.extractor_version()
    with session_scope(factory) as session:
        store.sync_knowledge_base(kb, session=session)
    docs = _seed_articles()
    changed = replace(docs[1], text=docs[1].text[: len(docs[1].text) // 2])
    with session_scope(factory) as session:
        begin_explicitly(session)
        keep_events(session)
        for doc in [*docs, changed]:
            with session.begin_nested():
                pipeline._store(doc, kb, session, version)
        kept = session.info[KEPT]
        conn = session.connection()
        fresh = read_events(conn, list(kept))
        read_mentions(conn, list(fresh.values()))
        assert kept and set(fresh) == set(kept)
        for eid, event in kept.items():
            assert dict(event.row) == dict(fresh[eid].row)
            assert sorted(event.links) == sorted(fresh[eid].links)
            if event.mentions is not None:
                assert event.reports() == fresh[eid].reports()
    assert KEPT not in session.info  # forgotten with the transaction


def test_a_rollback_forgets_the_kept_events(engine: Engine) -> None:
    kb = load_kb()
    factory = make_sessionmaker(engine)
    with session_scope(factory) as session:
        store.sync_knowledge_base(kb, session=session)
    with factory() as session:
        begin_explicitly(session)
        keep_events(session)
        with session.begin_nested():
            pipeline._store(_seed_articles()[0], kb, session, store.extractor_version())
        assert session.info[KEPT]
        with pytest.raises(ValueError), session.begin_nested():
            raise ValueError("an article fails")
        assert session.info[KEPT] == {}
        session.rollback()
