"""Cross-article merging on real SQLite and PostgreSQL stores, with sentences written for these tests."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Actor, Event, EventActor, Mention
from tests.ingest.merge_builders import (
    account,
    all_events,
    day,
    events_by_doc,
    geneva_kb,
    month,
    span,
    store_article,
    week_of,
)

# Three short articles in the manner of the wires: two on the same Thursday, one twelve days later.
A1 = (
    "وصل وزير الخارجية الأميركي إلى موسكو اليوم الخميس للقاء الرئيس الروسي. "
    "وذكرت صحيفة أن واشنطن عرضت على موسكو خطة لإنشاء خلية مشتركة. "
    "ويأمل المبعوث الأممي عقد جولة ثالثة من المحادثات في جنيف خلال أغسطس المقبل. "
    "وقال المبعوث في جنيف اليوم إن الدعم الدولي ضروري."
)
A2 = (
    "يستقبل الرئيس الروسي اليوم وزير الخارجية الأميركي في الكرملين بموسكو. "
    "ونشرت صحيفة أميركية نص المقترح الذي تقدمت به واشنطن إلى موسكو. "
    "وقال المبعوث الأممي إن الدور الروسي أساسي."
)
A3 = (
    "أكد المبعوث الأممي في جنيف الثلاثاء أنه يسعى إلى جولة ثالثة قبل نهاية أغسطس. "
    "وناقش كيري مع لافروف المرحلة التالية من الخطة."
)


def a1_events() -> list:
    return [
        account("meeting", A1, span(A1, "وصل وزير الخارجية الأميركي إلى موسكو"), when=day("2016-07-14"),
                actors=["john-kerry", "vladimir-putin"], at="moscow"),
        account("proposal", A1, span(A1, "عرضت على موسكو خطة"), status="reported", actors=["usa", "russia"]),
        account("talks_round", A1, span(A1, "عقد جولة ثالثة من المحادثات في جنيف"), status="planned",
                when=month("2016-08"), actors=["staffan-de-mistura"], at="geneva", series="geneva", rnd=3),
        account("statement", A1, span(A1, "وقال المبعوث في جنيف اليوم"), when=day("2016-07-14"),
                actors=[("staffan-de-mistura", "speaker")], at="geneva"),
    ]  # fmt: skip


def a2_events() -> list:
    return [
        account("meeting", A2, span(A2, "يستقبل الرئيس الروسي اليوم"), when=day("2016-07-14"),
                actors=["vladimir-putin", "john-kerry", "russia"], at="moscow"),
        account("proposal", A2, span(A2, "نص المقترح الذي تقدمت به واشنطن"), status="reported",
                actors=["usa", "russia"]),
        account("statement", A2, span(A2, "وقال المبعوث الأممي"), actors=[("staffan-de-mistura", "speaker")]),
    ]  # fmt: skip


def a3_events() -> list:
    return [
        account("talks_round", A3, span(A3, "يسعى إلى جولة ثالثة قبل نهاية أغسطس"), status="planned",
                when=month("2016-08"), actors=["staffan-de-mistura"], at="geneva", series="geneva", rnd=3),
        account("statement", A3, span(A3, "أكد المبعوث الأممي في جنيف الثلاثاء"), when=day("2016-07-26"),
                actors=[("staffan-de-mistura", "speaker")], at="geneva"),
        account("meeting", A3, span(A3, "وناقش كيري مع لافروف"), actors=["john-kerry", "sergey-lavrov"]),
    ]  # fmt: skip


CORPUS = {
    "a1.txt": ("2016-07-14", A1, a1_events),
    "a2.txt": ("2016-07-14", A2, a2_events),
    "a3.txt": ("2016-07-26", A3, a3_events),
}


def store_corpus(factory: sessionmaker[Session], order: list[str] | None = None) -> None:
    for name in order or sorted(CORPUS):
        published, text, build = CORPUS[name]
        store_article(factory, name, published, text, build())


def event_of(factory: sessionmaker[Session], doc: str, kind: str) -> set[str]:
    with factory() as s:
        rows = s.execute(
            select(Mention.event_id)
            .join(Mention.document)
            .where(Mention.type == kind, Mention.document.has(name=doc))
        )
        return {r[0] for r in rows}


def test_the_three_kinds_of_merge_and_no_wrong_one(session_factory: sessionmaker[Session]) -> None:
    store_corpus(session_factory)
    assert event_of(session_factory, "a1.txt", "meeting") == event_of(session_factory, "a2.txt", "meeting")
    assert event_of(session_factory, "a1.txt", "proposal") == event_of(session_factory, "a2.txt", "proposal")
    assert event_of(session_factory, "a1.txt", "talks_round") == event_of(
        session_factory, "a3.txt", "talks_round"
    )
    statements = [event_of(session_factory, d, "statement") for d in sorted(CORPUS)]
    assert len(set().union(*statements)) == 3  # one envoy, three occasions: never merged
    assert event_of(session_factory, "a3.txt", "meeting") != event_of(session_factory, "a1.txt", "meeting")
    events = all_events(session_factory)
    assert len(events) == 7
    assert sorted(e.n_sources for e in events.values()) == [1, 1, 1, 1, 2, 2, 2]


def test_merged_event_aggregates_its_sources(session_factory: sessionmaker[Session]) -> None:
    store_corpus(session_factory)
    (meeting_id,) = event_of(session_factory, "a1.txt", "meeting")
    with session_factory() as s:
        meeting = s.get(Event, meeting_id)
        assert meeting is not None
        assert (meeting.date_value, meeting.date_approximate, meeting.place_id) == (
            "2016-07-14",
            False,
            "moscow",
        )
        links = set(s.execute(select(EventActor.actor_id).where(EventActor.event_id == meeting_id)).scalars())
        assert links == {"john-kerry", "vladimir-putin", "russia"}
        assert s.scalar(select(Mention.group).where(Mention.event_id == meeting_id).limit(1)) is not None
        (proposal_id,) = event_of(session_factory, "a1.txt", "proposal")
        proposal = s.get(Event, proposal_id)
        assert proposal is not None
        assert proposal.date_value is None and proposal.date_approximate
        assert str(proposal.sort_date) == "2016-07-14"
        assert s.get(Actor, "john-kerry") is not None


def test_sources_that_disagree_keep_their_values(session_factory: sessionmaker[Session]) -> None:
    text = "عقد الطرفان اجتماعا في جنيف هذا الأسبوع."
    week = account("meeting", text, (0, 20), when=week_of("2017-03-22"), actors=["usa", "russia"])
    exact = account("meeting", text, (0, 20), when=day("2017-03-24"), actors=["usa", "russia"])
    store_article(session_factory, "w.txt", "2017-03-26", text, [week])
    store_article(session_factory, "d.txt", "2017-03-25", text, [exact])
    (event,) = all_events(session_factory).values()
    assert (event.date_value, event.date_precision, event.n_sources) == ("2017-03-24", "day", 2)
    with session_factory() as s:
        values = set(s.scalars(select(Mention.date_value).where(Mention.event_id == event.id)))
    assert values == {"2017-W12", "2017-03-24"}


def test_an_article_never_merges_with_itself(session_factory: sessionmaker[Session]) -> None:
    text = "اجتمع الوفدان صباحا. ثم اجتمع الوفدان مساء لجولة أخرى."
    first = account(
        "meeting", text, span(text, "اجتمع الوفدان صباحا"), when=day("2017-02-01"), actors=["usa", "russia"]
    )
    second = account(
        "meeting", text, span(text, "ثم اجتمع الوفدان مساء"), when=day("2017-02-01"), actors=["usa", "russia"]
    )
    store_article(session_factory, "same.txt", "2017-02-01", text, [first, second])
    assert len(all_events(session_factory)) == 2
    assert len(events_by_doc(session_factory)["same.txt"]) == 2


def test_a_planned_meeting_and_the_report_it_happened_are_one(session_factory: sessionmaker[Session]) -> None:
    text = "يلتقي الوزيران غدا في فيينا."
    planned = account(
        "meeting",
        text,
        (0, 14),
        status="planned",
        when=day("2017-05-02"),
        actors=["usa", "russia"],
        at="vienna",
    )
    happened = account(
        "meeting", text, (0, 14), when=day("2017-05-02"), actors=["russia", "usa"], at="vienna"
    )
    store_article(session_factory, "before.txt", "2017-05-01", text, [planned])
    store_article(session_factory, "after.txt", "2017-05-03", text, [happened])
    (event,) = all_events(session_factory).values()
    assert (event.status, event.n_sources) == ("occurred", 2)


def test_conflicting_place_or_date_keeps_events_apart(session_factory: sessionmaker[Session]) -> None:
    text = "اجتمع الوزيران لبحث الهدنة."
    base = {"actors": ["usa", "russia"]}
    store_article(
        session_factory,
        "p1.txt",
        "2017-05-02",
        text,
        [account("meeting", text, (0, 13), when=day("2017-05-02"), at="vienna", **base)],
    )  # type: ignore[arg-type]
    store_article(
        session_factory,
        "p2.txt",
        "2017-05-02",
        text,
        [account("meeting", text, (0, 13), when=day("2017-05-02"), at="geneva", **base)],
    )  # type: ignore[arg-type]
    store_article(
        session_factory,
        "p3.txt",
        "2017-05-09",
        text,
        [account("meeting", text, (0, 13), when=day("2017-05-09"), at="vienna", **base)],
    )  # type: ignore[arg-type]
    assert len(all_events(session_factory)) == 3


def test_unnumbered_round_joins_the_known_round_running_that_day(
    session_factory: sessionmaker[Session],
) -> None:
    kb = geneva_kb()
    numbered = "انطلقت الجولة الخامسة من محادثات جنيف."
    vague = "ويتوسط المبعوث في جولة محادثات جديدة في جنيف."
    store_article(session_factory, "r5.txt", "2017-03-23", numbered,
                  [account("talks_round", numbered, (0, 30), when=day("2017-03-23"), series="geneva", rnd=5,
                           actors=["staffan-de-mistura"])], kb)  # fmt: skip
    store_article(
        session_factory,
        "new.txt",
        "2017-03-26",
        vague,
        [account("talks_round", vague, (0, 30), series="geneva", actors=["staffan-de-mistura"])],
        kb,
    )
    (event,) = all_events(session_factory).values()
    assert (event.series, event.round, event.n_sources) == ("geneva", 5, 2)


def test_next_round_written_during_a_round_is_not_that_round(session_factory: sessionmaker[Session]) -> None:
    kb = geneva_kb()
    text = "والجولة المقبلة في جنيف مقررة لاحقا."
    store_article(
        session_factory,
        "r5.txt",
        "2017-03-24",
        text,
        [account("talks_round", text, (0, 20), when=day("2017-03-23"), series="geneva", rnd=5)],
        kb,
    )
    store_article(
        session_factory,
        "next.txt",
        "2017-03-26",
        text,
        [account("talks_round", text, (0, 20), status="planned", series="geneva")],
        kb,
    )
    assert len(all_events(session_factory)) == 2


def test_new_actors_are_stored_with_every_spelling_seen(session_factory: sessionmaker[Session]) -> None:
    from dataclasses import replace

    from app.models import ActorAlias

    text = "قال المتحدث باسم الوفد سامر نادر إن الجولة ناجحة."
    first = account("statement", text, (0, 30), actors=[("new-samer-nader", "speaker")])
    spoken = replace(first.actors[0], is_new=True, name_ar="سامر نادر", aliases=("نادر",))
    store_article(session_factory, "n1.txt", "2018-01-02", text, [replace(first, actors=(spoken,))])
    again = replace(spoken, aliases=("سامر نادر", "المتحدث نادر"))
    store_article(session_factory, "n2.txt", "2018-01-03", text, [replace(first, actors=(again,))])
    with session_factory() as s:
        actor = s.get(Actor, "new-samer-nader")
        assert actor is not None and actor.is_new
        aliases = set(s.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == actor.id)))
    assert {"سامر نادر", "نادر", "المتحدث نادر"} <= aliases


def test_rounds_of_one_series_merge_though_their_parties_differ(
    session_factory: sessionmaker[Session],
) -> None:
    text = "تعقد اللجنة جولتها المقبلة في الأسبوع الأول من نوفمبر."
    named = account("talks_round", text, (0, 20), status="planned", when=week_of("2019-11-04"),
                    series="constitutional-committee", actors=["un"])  # fmt: skip
    bare = account("talks_round", text, (0, 20), status="planned", when=week_of("2019-11-05"),
                   series="constitutional-committee")  # fmt: skip
    store_article(session_factory, "c1.txt", "2019-10-31", text, [bare])
    store_article(session_factory, "c2.txt", "2019-10-31", text, [named])
    (event,) = all_events(session_factory).values()
    assert event.n_sources == 2


def test_strikes_told_without_parties_join_by_day_and_place(session_factory: sessionmaker[Session]) -> None:
    """A town and the province holding it on one day are one strike; another town of it is another."""
    text = "قصفت طائرات حربية أحياء سكنية في البلدة صباح اليوم."
    strike = (0, 21)
    when = {"when": day("2019-05-06")}
    store_article(
        session_factory,
        "t1.txt",
        "2019-05-06",
        text,
        [account("military", text, strike, at="saraqib", **when)],
    )  # type: ignore[arg-type]
    store_article(
        session_factory, "t2.txt", "2019-05-07", text, [account("military", text, strike, at="idlib", **when)]
    )  # type: ignore[arg-type]
    store_article(
        session_factory,
        "t3.txt",
        "2019-05-07",
        text,
        [account("military", text, strike, at="khan-sheikhoun", **when)],
    )  # type: ignore[arg-type]
    assert event_of(session_factory, "t1.txt", "military") == event_of(session_factory, "t2.txt", "military")
    assert event_of(session_factory, "t3.txt", "military") != event_of(session_factory, "t1.txt", "military")
    assert len(all_events(session_factory)) == 2


def test_a_meeting_in_a_city_joins_one_told_in_its_country(session_factory: sessionmaker[Session]) -> None:
    text = "اجتمع الوزيران لبحث الهدنة."
    base = {"actors": ["usa", "russia"], "when": day("2017-05-02")}
    store_article(
        session_factory,
        "c1.txt",
        "2017-05-02",
        text,
        [account("meeting", text, (0, 13), at="switzerland", **base)],
    )  # type: ignore[arg-type]
    store_article(
        session_factory,
        "c2.txt",
        "2017-05-02",
        text,
        [account("meeting", text, (0, 13), at="geneva", **base)],
    )  # type: ignore[arg-type]
    assert len(all_events(session_factory)) == 1
