"""Stable ids and permalinks across insertion orders and re-ingestion, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.ingest.records import ExtractedEvent
from app.models import Document, Event, Mention, RetiredEvent
from app.timeline.permalinks import canonical_path, resolve, slug, split_slug
from tests.ingest.merge_builders import account, all_events, day, span, store_article
from tests.ingest.test_merge import A2, A3, CORPUS, a2_events, event_of, store_corpus

Factory = sessionmaker[Session]


def fingerprint(factory: Factory) -> set[tuple[str, str, int, str]]:
    """Which event each passage belongs to, by id: equal fingerprints mean equal ids everywhere."""
    with factory() as s:
        rows = s.execute(
            select(Mention.event_id, Event.identity_key, Mention.start, Document.name)
            .join(Event, Event.id == Mention.event_id)
            .join(Document, Document.id == Mention.document_id)
        )
        return {tuple(r) for r in rows}  # type: ignore[misc]


def test_every_order_gives_the_same_ids(fresh_store: Callable[[], Factory]) -> None:
    orders = list(itertools.permutations(sorted(CORPUS)))[::2]  # three of the six orders
    prints = []
    for order in orders:
        factory = fresh_store()
        store_corpus(factory, list(order))
        prints.append(fingerprint(factory))
    assert prints[0] and all(p == prints[0] for p in prints[1:])
    ids = {r[0] for r in prints[0]}
    assert all(len(i) == 14 and i.isalnum() and i.islower() for i in ids)


def test_changed_extraction_retires_ids_that_redirect(session_factory: Factory) -> None:
    store_corpus(session_factory)
    before = set(all_events(session_factory))
    (meeting,) = event_of(session_factory, "a1.txt", "meeting")
    changed = [replace(e, actors=tuple(a for a in e.actors if a.id != "russia")) for e in a2_events()]
    store_article(session_factory, "a2.txt", "2016-07-14", A2, changed)
    (moved_to,) = event_of(session_factory, "a1.txt", "meeting")
    assert moved_to != meeting
    with session_factory() as s:
        assert resolve(s, meeting).kind == "moved" and resolve(s, meeting).event_id == moved_to
        for old in before:  # every link taken before still answers, directly or in one hop
            r = resolve(s, old)
            assert r.kind in ("found", "moved")
            assert r.kind == "found" or s.get(Event, r.event_id) is not None


def test_an_id_that_comes_back_is_no_longer_retired(session_factory: Factory) -> None:
    store_corpus(session_factory)
    (meeting,) = event_of(session_factory, "a1.txt", "meeting")
    changed = [replace(e, actors=tuple(a for a in e.actors if a.id != "russia")) for e in a2_events()]
    store_article(session_factory, "a2.txt", "2016-07-14", A2, changed)
    (middle,) = event_of(session_factory, "a1.txt", "meeting")
    store_article(session_factory, "a2.txt", "2016-07-14", A2, a2_events())
    with session_factory() as s:
        assert resolve(s, meeting).kind == "found"
        assert s.get(RetiredEvent, meeting) is None
        assert resolve(s, middle).kind == "moved" and resolve(s, middle).event_id == meeting


def test_a_vanished_event_is_gone_and_a_retyped_passage_redirects(session_factory: Factory) -> None:
    store_corpus(session_factory)
    (statement,) = event_of(session_factory, "a3.txt", "statement")
    (talks,) = event_of(session_factory, "a1.txt", "talks_round")
    (kerry_lavrov,) = event_of(session_factory, "a3.txt", "meeting")
    retyped = account(
        "agreement", A3, span(A3, "وناقش كيري مع لافروف"), actors=["john-kerry", "sergey-lavrov"]
    )
    store_article(session_factory, "a3.txt", "2016-07-26", A3, [retyped])
    (agreement,) = event_of(session_factory, "a3.txt", "agreement")
    with session_factory() as s:
        assert resolve(s, statement).kind == "gone"
        assert resolve(s, talks).kind == "found"  # a numbered round keeps its id when a source leaves
        r = resolve(s, kerry_lavrov)
        assert (r.kind, r.event_id, r.reason) == ("moved", agreement, "re-identified")
        assert resolve(s, "zzzzzzzzzzzzzz").kind == "unknown"


def test_a_new_date_changes_the_id_and_the_old_one_follows(session_factory: Factory) -> None:
    store_corpus(session_factory)
    (proposal,) = event_of(session_factory, "a2.txt", "proposal")
    dated = [replace(e, date=day("2016-07-13")) if e.type == "proposal" else e for e in a2_events()]
    store_article(session_factory, "a2.txt", "2016-07-14", A2, dated)
    (now,) = event_of(session_factory, "a2.txt", "proposal")
    with session_factory() as s:
        assert now != proposal
        assert resolve(s, proposal).event_id == now
        assert s.get(Event, now).date_value == "2016-07-13"  # type: ignore[union-attr]


def test_retired_chains_are_followed_and_cycles_end(session_factory: Factory) -> None:
    store_corpus(session_factory)
    live = sorted(all_events(session_factory))[0]
    with session_factory() as s:
        s.add_all(
            [
                RetiredEvent(old_id="aaaa", successor_id="bbbb", reason="merged"),
                RetiredEvent(old_id="bbbb", successor_id=live, reason="re-identified"),
                RetiredEvent(old_id="cccc", successor_id="dddd", reason="merged"),
                RetiredEvent(old_id="dddd", successor_id="cccc", reason="merged"),
            ]
        )
        s.commit()
        assert (resolve(s, "aaaa").kind, resolve(s, "aaaa").event_id) == ("moved", live)
        assert resolve(s, "cccc").kind == "gone"


def test_slugs_and_split(session_factory: Factory) -> None:
    store_corpus(session_factory)
    with session_factory() as s:
        event = s.scalars(select(Event).order_by(Event.id)).first()
        assert event is not None
        tail = slug(event)
        assert tail and " " not in tail and "/" not in tail
        assert split_slug(f"{event.id}-{tail}") == event.id == split_slug(event.id)
        assert canonical_path(event) == f"/events/{event.id}-{tail}"
        event.title_en = ""
        event.title_ar = "لقاء كيري وبوتين في موسكو"
        assert slug(event) == "لقاء-كيري-وبوتين-في-موسكو"


def test_after_edits_ids_equal_a_fresh_store_of_the_final_versions(
    fresh_store: Callable[[], Factory],
) -> None:
    edited = fresh_store()
    store_corpus(edited)
    final_a2 = [replace(e, actors=tuple(a for a in e.actors if a.id != "russia")) for e in a2_events()]
    final_a3 = [
        account("agreement", A3, span(A3, "وناقش كيري مع لافروف"), actors=["john-kerry", "sergey-lavrov"])
    ]
    store_article(edited, "a2.txt", "2016-07-14", A2, final_a2)
    store_article(edited, "a3.txt", "2016-07-26", A3, final_a3)
    store_article(edited, "a2.txt", "2016-07-15", A2, final_a2)  # a corrected publication date
    fresh = fresh_store()
    store_article(fresh, "a3.txt", "2016-07-26", A3, final_a3)
    store_article(fresh, "a2.txt", "2016-07-15", A2, final_a2)
    published, text, build = CORPUS["a1.txt"]
    store_article(fresh, "a1.txt", published, text, build())
    assert fingerprint(edited) == fingerprint(fresh)


def test_an_event_that_joins_another_is_retired_as_merged(session_factory: Factory) -> None:
    store_corpus(session_factory)
    text = "التقى الوزير الأميركي الرئيس الروسي."
    pair = ["john-kerry", "vladimir-putin"]
    elsewhere = account("meeting", text, (0, 20), when=day("2016-07-14"), actors=pair, at="vienna")
    store_article(session_factory, "x.txt", "2016-07-15", text, [elsewhere])
    (alone,) = event_of(session_factory, "x.txt", "meeting")
    store_article(session_factory, "x.txt", "2016-07-15", text, [replace(elsewhere, place=None)])
    (joined,) = event_of(session_factory, "x.txt", "meeting")
    assert joined == next(iter(event_of(session_factory, "a1.txt", "meeting"))) != alone
    with session_factory() as s:
        r = resolve(s, alone)
        assert (r.kind, r.event_id, r.reason) == ("moved", joined, "merged")


def test_the_bare_id_passes_to_the_earliest_sibling(fresh_store: Callable[[], Factory]) -> None:
    """Two events with one identity (same kind, day and actors, other places): the earliest
    source's takes the bare id. When a correction makes the other one earliest, the ids pass
    over exactly as a fresh store would give them."""
    text = "اجتمع الوزيران لبحث الهدنة."
    pair = ["usa", "russia"]

    def meeting(at: str) -> list[ExtractedEvent]:
        return [account("meeting", text, (0, 13), when=day("2017-05-02"), actors=pair, at=at)]

    edited = fresh_store()
    store_article(edited, "v.txt", "2017-05-02", text, meeting("vienna"))
    store_article(edited, "g.txt", "2017-05-03", text, meeting("geneva"))
    (vienna_before,) = event_of(edited, "v.txt", "meeting")
    store_article(edited, "v.txt", "2017-05-04", text, meeting("vienna"))  # corrected publication date
    (geneva_after,) = event_of(edited, "g.txt", "meeting")
    assert geneva_after == vienna_before  # the bare id now names the earliest-reported sibling
    fresh = fresh_store()
    store_article(fresh, "g.txt", "2017-05-03", text, meeting("geneva"))
    store_article(fresh, "v.txt", "2017-05-04", text, meeting("vienna"))
    assert fingerprint(edited) == fingerprint(fresh)
    assert len(all_events(edited)) == 2
