"""Timeline queries on a real store (SQLite and PostgreSQL): paging, filters, search, detail."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models import Event, EventActor
from app.timeline import queries
from app.timeline.filters import Filters, parse_filters
from app.timeline.search import highlight_spans, like_pattern
from tests.timeline.sample_store import EVENTS

NEWEST_FIRST = ["e11", "e09", "e08", "e10", "e07", "e06", "e05", "e04", "e03", "e02", "e01", "e12"]


def ids(session: Session, params: dict[str, str | list[str]], limit: int = 100) -> list[str]:
    return [e.id for e in queries.events_page(session, parse_filters(params), limit=limit).items]


def all_pages(session: Session, params: dict[str, str | list[str]], limit: int) -> list[list[str]]:
    pages, token = [], None
    while True:
        page = queries.events_page(session, parse_filters({**params, "_next": token or ""}), limit=limit)
        pages.append([e.id for e in page.items])
        token = page.next_token
        if token is None:
            return pages


def test_newest_first_with_undated_events_last(sample_session: Session) -> None:
    assert ids(sample_session, {}) == NEWEST_FIRST


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 11, 12, 50])
def test_keyset_pages_cover_everything_once_in_order(sample_session: Session, limit: int) -> None:
    pages = all_pages(sample_session, {}, limit)
    assert [i for page in pages for i in page] == NEWEST_FIRST
    assert all(len(page) == limit for page in pages[:-1])
    assert pages[-1]  # no empty last page: the cursor is only given when more rows exist


def test_same_day_events_page_by_id(sample_session: Session) -> None:
    # e05 and e06 share 2016-09-09: a page boundary between them must not lose either.
    pages = all_pages(sample_session, {"since": "2016-09-09", "until": "2016-09-09"}, 1)
    assert pages == [["e06"], ["e05"]]


def test_several_actors_mean_all_of_them(sample_session: Session) -> None:
    assert ids(sample_session, {"actor": "kerry"}) == ["e06", "e05", "e02", "e01"]
    assert ids(sample_session, {"actor": ["kerry", "lavrov"]}) == ["e06", "e05", "e01"]
    assert ids(sample_session, {"actor": ["kerry", "un"]}) == []


@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_actor_pages_count_an_event_once_whatever_its_roles(sample_session: Session, limit: int) -> None:
    sample_session.add(EventActor(event_id="e05", actor_id="lavrov", role="speaker"))  # a second role
    sample_session.flush()
    pages = all_pages(sample_session, {"actor": "lavrov"}, limit)
    assert [i for page in pages for i in page] == ["e09", "e06", "e05", "e01", "e12"]  # undated last
    two = all_pages(sample_session, {"actor": ["lavrov", "kerry"], "since": "2016-07-14"}, limit)
    assert [i for page in two for i in page] == ["e06", "e05", "e01"]


def test_several_types_mean_any_of_them(sample_session: Session) -> None:
    assert ids(sample_session, {"type": ["meeting", "agreement"]}) == ["e06", "e05", "e01"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "planned"}, ["e11", "e03"]),
        ({"place": "moscow"}, ["e02", "e01"]),
        ({"series": "Geneva", "round": "4"}, ["e08", "e03"]),
        ({"source": "Wire B"}, ["e11", "e08", "e07", "e04", "e03"]),
        ({"since": "2017"}, ["e11", "e09", "e08", "e10"]),
        ({"until": "2016-07"}, ["e02", "e01"]),
        ({"since": "2016-09", "until": "2016-09"}, ["e06", "e05", "e04"]),
        ({"actor": "lavrov", "since": "2016-09", "until": "2017-03-20"}, ["e09", "e06", "e05"]),
        ({"actor": "nobody"}, []),
    ],
)
def test_each_filter(sample_session: Session, params: dict[str, str], expected: list[str]) -> None:
    assert ids(sample_session, params) == expected


def test_actor_with_dates_follows_a_changed_event_date(sample_session: Session) -> None:
    """event_actors.sort_date is a trigger-kept copy: moving an event moves it in actor queries."""
    sample_session.execute(update(Event).where(Event.id == "e02").values(sort_date=date(2015, 1, 1)))
    sample_session.flush()
    mirrored = sample_session.scalars(select(EventActor.sort_date).where(EventActor.event_id == "e02")).all()
    assert mirrored == [date(2015, 1, 1)]
    assert ids(sample_session, {"actor": "kerry", "since": "2015", "until": "2015"}) == ["e02"]
    assert "e02" not in ids(sample_session, {"actor": "kerry", "since": "2016"})


def test_new_links_get_the_event_date(sample_session: Session) -> None:
    sample_session.add(EventActor(event_id="e09", actor_id="kerry", role="speaker"))
    sample_session.flush()
    row = sample_session.scalars(
        select(EventActor.sort_date).where(EventActor.event_id == "e09", EventActor.actor_id == "kerry")
    ).one()
    assert row == date(2017, 3, 20)


def test_search_folds_arabic_spellings(sample_session: Session) -> None:
    # Passages say "الأمم المتحدة"; a query without hamza or with ه for ة finds them.
    assert ids(sample_session, {"q": "الامم المتحده"}) == ["e11", "e08", "e07", "e04", "e03"]
    assert ids(sample_session, {"q": "الأمم"}) == ids(sample_session, {"q": "الامم"})
    # every word must occur, in any order
    assert ids(sample_session, {"q": "جنيف لافروف"}) == ["e09", "e06", "e05", "e12"]
    assert ids(sample_session, {"q": "جنيف موسكو"}) == []
    # after other filters the passages are probed per event: same answers
    assert ids(sample_session, {"q": "جنيف", "actor": "lavrov"}) == ["e09", "e06", "e05", "e12"]
    assert ids(sample_session, {"q": "موسكو", "type": "meeting"}) == ["e01"]


def test_search_takes_like_wildcards_literally(sample_session: Session) -> None:
    assert ids(sample_session, {"q": "%"}) == []
    assert ids(sample_session, {"q": "_"}) == NEWEST_FIRST  # '_' folds to a space: no words, no filter
    assert like_pattern("50%_a") == "%50\\%\\_a%"


def test_highlight_spans_point_into_the_passage_as_written() -> None:
    passage = "قالت الأمم المتحدة إن الامم"
    spans = highlight_spans(passage, "الأمم")
    assert [passage[s:e] for s, e in spans] == ["الأمم", "الامم"]


def test_actor_autocomplete_matches_any_alias_in_any_spelling(sample_session: Session) -> None:
    hits = queries.search_actors(sample_session, "سيرجي")
    assert [h.id for h in hits] == ["lavrov"]
    assert hits[0].n_events == 5
    assert [h.id for h in queries.search_actors(sample_session, "الامم")] == ["un"]
    assert [h.id for h in queries.search_actors(sample_session, "KERR")] == ["kerry"]
    assert queries.search_actors(sample_session, "%") == []
    assert queries.search_actors(sample_session, "   ") == []


def test_event_detail_orders_passages_by_publication(sample_session: Session) -> None:
    detail = queries.event_detail(sample_session, "e05")
    assert detail is not None
    assert [a.id for a in detail.event.actors] == ["kerry", "lavrov"]
    assert detail.event.place is not None and detail.event.place.name_en == "Geneva"
    mention = detail.mentions[0]
    assert mention.passage.startswith("التقى لافروف")
    assert mention.before.endswith(". ") and mention.after == ""
    assert queries.event_detail(sample_session, "nope") is None


@pytest.mark.parametrize("bad", ["\x00", "e05\x00", "x" * 500])
def test_impossible_ids_find_nothing_instead_of_failing(sample_session: Session, bad: str) -> None:
    assert queries.get_event(sample_session, bad) is None
    assert queries.event_detail(sample_session, bad) is None
    assert queries.get_actor(sample_session, bad) is None
    assert queries.retired_successor(sample_session, bad) == (False, None)
    assert queries.search_actors(sample_session, bad) == []


def test_count_and_iter_agree_with_paging(sample_session: Session) -> None:
    f = parse_filters({"actor": "un"})
    assert queries.count_events(sample_session, f) == 4
    streamed = [e.id for e in queries.iter_events(sample_session, Filters(), batch=5)]
    assert streamed == NEWEST_FIRST


def test_documents_page_by_id(sample_session: Session) -> None:
    first = queries.list_documents(sample_session, limit=2)
    rest = queries.list_documents(sample_session, limit=2, after_id=first[-1].id)
    assert [d.name for d in first + rest] == ["a1.txt", "a2.txt", "a3.txt"]
    assert [d.name for d in queries.list_documents(sample_session, source="Wire B")] == ["a2.txt"]


def test_sample_store_matches_its_table() -> None:
    assert len(EVENTS) == len(NEWEST_FIRST)
