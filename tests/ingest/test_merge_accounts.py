"""Cross-article merging of statements, rounds told by their venue and undated meetings, on real
SQLite and PostgreSQL stores, in every order of the articles and after re-ingesting one of them.

The sentences are written for these tests: four short dispatches of two days about a committee's
first session, a spokesman, a minister and a phone call.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.ingest.records import DateValue
from tests.ingest.merge_builders import account, all_events, day, span, store_article
from tests.ingest.test_merge import event_of

Factory = sessionmaker[Session]

B1 = (
    "افتتحت اللجنة الدستورية جولتها الثانية في جنيف اليوم الاثنين. "
    "وقال المتحدث باسم الخارجية الروسية إن موسكو تدعم عمل اللجنة. "
    "وقال وزير الخارجية الروسي اليوم إن بلاده لن تقبل شروطا مسبقة. "
    "وأجرى الرئيسان اتصالا هاتفيا مساء الاثنين."
)
B2 = (
    "Delegates met in Geneva on Monday for a week of talks on a new constitution. "
    "The Russian foreign ministry spokesman said on Monday that Moscow backed the committee. "
    "The two presidents spoke by phone, the Kremlin said."
)
B3 = "The two presidents held another phone call, officials said, on the eve of the vote."
B4 = "قال المتحدث باسم الخارجية الروسية إن المحادثات بناءة."

MONDAY = "2019-11-25"
WEEK = ("2019-11-25", "2019-11-29")


def _week() -> DateValue:
    lo, hi = (date.fromisoformat(d) for d in WEEK)
    return DateValue(f"{WEEK[0]}/{WEEK[1]}", lo, hi, "day")


def b1_events() -> list:
    return [
        account("talks_round", B1, span(B1, "افتتحت اللجنة الدستورية جولتها الثانية"), when=_week(),
                actors=["un", "syrian-opposition"], at="geneva", series="constitutional-committee", rnd=2),
        account("statement", B1, span(B1, "وقال المتحدث باسم الخارجية الروسية"), when=day(MONDAY),
                actors=[("maria-zakharova", "speaker"), ("russia", "speaker")]),
        account("statement", B1, span(B1, "وقال وزير الخارجية الروسي اليوم"), when=day(MONDAY),
                actors=[("sergey-lavrov", "speaker"), ("russia", "speaker")]),
        account("meeting", B1, span(B1, "وأجرى الرئيسان اتصالا هاتفيا"), when=day(MONDAY),
                actors=["vladimir-putin", "recep-tayyip-erdogan"]),
    ]  # fmt: skip


def b2_events() -> list:
    return [
        account("talks_round", B2, span(B2, "Delegates met in Geneva"), when=_week(), actors=["un"],
                at="geneva", series="geneva"),
        account("statement", B2, span(B2, "The Russian foreign ministry spokesman said"), when=day(MONDAY),
                actors=[("maria-zakharova", "speaker")]),
        account("meeting", B2, span(B2, "The two presidents spoke by phone"),
                actors=["recep-tayyip-erdogan", "vladimir-putin"]),
    ]  # fmt: skip


def b3_events() -> list:
    return [
        account(
            "meeting",
            B3,
            span(B3, "held another phone call"),
            actors=["vladimir-putin", "recep-tayyip-erdogan"],
        )
    ]


def b4_events() -> list:  # the spokesman again, undated, in an article of the same Monday
    return [account("statement", B4, span(B4, "قال المتحدث باسم الخارجية الروسية"),
                    actors=[("maria-zakharova", "speaker"), ("russia", "speaker")])]  # fmt: skip


# b2 is published the day after the Monday it tells of; b3 a week later.
ARTICLES = {
    "b1.txt": (MONDAY, B1, b1_events),
    "b2.txt": ("2019-11-26", B2, b2_events),
    "b3.txt": ("2019-12-03", B3, b3_events),
    "b4.txt": (MONDAY, B4, b4_events),
}


def store_all(factory: Factory, order: list[str]) -> None:
    for name in order:
        published, text, build = ARTICLES[name]
        store_article(factory, name, published, text, build())


def test_same_day_statements_rounds_by_venue_and_undated_calls(session_factory: Factory) -> None:
    store_all(session_factory, sorted(ARTICLES))
    one = event_of(session_factory, "b1.txt", "statement") & event_of(session_factory, "b2.txt", "statement")
    assert len(one) == 1  # the spokesman on Monday: with and without his ministry named
    (spokesman,) = one
    assert len(event_of(session_factory, "b1.txt", "statement")) == 2  # the minister stays apart
    assert spokesman not in event_of(session_factory, "b4.txt", "statement")  # undated: another remark
    (rnd,) = event_of(session_factory, "b1.txt", "talks_round")
    assert event_of(session_factory, "b2.txt", "talks_round") == {rnd}
    events = all_events(session_factory)
    assert (events[rnd].series, events[rnd].round, events[rnd].n_sources) == (
        "constitutional-committee",
        2,
        2,
    )
    (call,) = event_of(session_factory, "b1.txt", "meeting")
    assert event_of(session_factory, "b2.txt", "meeting") == {call}  # told undated the day after
    assert event_of(session_factory, "b3.txt", "meeting") != {call}  # a week later: another call
    assert len(events) == 6


def _snapshot(factory: Factory) -> dict[str, tuple[str | None, int]]:
    return {eid: (e.date_value, e.n_sources) for eid, e in all_events(factory).items()}


def test_every_order_and_a_reingestion_give_the_same_events(fresh_store: Callable[[], Factory]) -> None:
    names = sorted(ARTICLES)
    seen: list[dict[str, tuple[str | None, int]]] = []
    for order in list(itertools.permutations(names))[::5]:  # five of the twenty-four orders
        factory = fresh_store()
        store_all(factory, list(order))
        seen.append(_snapshot(factory))
        store_all(factory, [order[0]])  # the first article again, as an unchanged re-ingestion
        assert _snapshot(factory) == seen[-1]
    assert all(s == seen[0] for s in seen)


C1 = "التقى وزيرا الخارجية الروسي والأميركي في فيينا اليوم، والتقى الرئيسان الروسي والتركي في سوتشي."
C2 = "Russia and the United States held talks in Vienna on Friday; Russian and Turkish diplomats met too."


@pytest.mark.parametrize("order", [["c1.txt", "c2.txt"], ["c2.txt", "c1.txt"]])
def test_parties_named_by_person_or_by_state_are_one_meeting(
    session_factory: Factory, order: list[str]
) -> None:
    friday = day("2017-05-12")
    articles = {
        "c1.txt": (C1, [
            account("meeting", C1, span(C1, "التقى وزيرا الخارجية الروسي والأميركي"), when=friday,
                    actors=["sergey-lavrov", "rex-tillerson"], at="vienna"),
            account("meeting", C1, span(C1, "والتقى الرئيسان الروسي والتركي"), when=friday,
                    actors=["vladimir-putin", "recep-tayyip-erdogan"]),
        ]),
        "c2.txt": (C2, [
            account("meeting", C2, span(C2, "Russia and the United States held talks"), when=friday,
                    actors=["russia", "united-states"]),
            account("meeting", C2, span(C2, "Russian and Turkish diplomats met"), when=friday,
                    actors=["sergey-lavrov", "mevlut-cavusoglu"]),
        ]),
    }  # fmt: skip
    for name in order:
        text, events = articles[name]
        store_article(session_factory, name, "2017-05-12", text, events)
    meetings = [event_of(session_factory, name, "meeting") for name in sorted(articles)]
    assert len(meetings[0] & meetings[1]) == 1  # the ministers in Vienna: by name and by state
    assert len(meetings[0] | meetings[1]) == 3  # the presidents are not their diplomats
