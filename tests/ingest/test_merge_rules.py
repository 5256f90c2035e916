"""The merging rules and the identity of events, as tables of cases with negative rows (no database)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest

from app.ingest.identity import Report, aggregate, desired_ids, make_id
from app.ingest.merge_parties import PartyLinks
from app.ingest.merge_rules import Profile, dates_compatible, match_score, sort_date_ranges
from app.ingest.records import DateValue
from tests.ingest.merge_builders import day, month, week_of


def prof(kind: str = "meeting", when: DateValue | None = None, **kw: object) -> Profile:
    actors = frozenset(kw.pop("actors", ("usa", "russia")))  # type: ignore[arg-type]
    base = Profile(
        type=kind,
        date=when,
        place=None,
        series=None,
        round=None,
        actors=actors,
        speakers=frozenset(kw.pop("speakers", actors)),  # type: ignore[arg-type]
        documents=frozenset({kw.pop("doc", 1)}),  # type: ignore[arg-type]
    )
    return replace(base, **kw)  # type: ignore[arg-type]


D14 = day("2016-07-14")
SPAN = DateValue("2017-07-10/2017-07-14", date(2017, 7, 10), date(2017, 7, 14), "day")


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (day("2017-03-24"), week_of("2017-03-22"), True),  # a day inside the reported week
        (day("2017-08-29"), month("2017-08"), True),  # a day inside the month
        (day("2017-07-12"), SPAN, True),  # a day inside a five-day round
        (day("2017-07-15"), SPAN, False),
        (day("2017-09-01"), month("2017-08"), False),
        (day("2017-03-24"), day("2017-03-25"), False),
        (month("2017-07"), week_of("2017-07-31"), True),  # the week crosses into August
    ],
)
def test_dates_compatible(a: DateValue, b: DateValue, ok: bool) -> None:
    assert dates_compatible(a, b) is ok is dates_compatible(b, a)


MERGE_CASES = [
    ("same day, same pair", prof(when=D14), prof(when=D14, doc=2), True),
    ("same article never", prof(when=D14), prof(when=D14), False),
    ("other type", prof(when=D14), prof("agreement", D14, doc=2), False),
    ("day in month", prof(when=day("2016-08-20")), prof(when=month("2016-08"), doc=2), True),
    ("different days", prof(when=D14), prof(when=day("2016-07-15"), doc=2), False),
    ("no shared actor", prof(when=D14), prof(when=D14, actors={"iran"}, doc=2), False),
    ("one of two shared", prof(when=D14), prof(when=D14, actors={"usa", "iran"}, doc=2),
     False),
    ("places conflict", prof(when=D14, place="geneva"),
     prof(when=D14, place="vienna", doc=2), False),
    ("one place unknown", prof(when=D14, place="geneva"), prof(when=D14, doc=2), True),
    ("dateless meeting", prof(), prof(when=D14, doc=2), False),
    ("dateless proposals", prof("proposal"), prof("proposal", doc=2), True),
    ("proposal and its report", prof("proposal"), prof("report", doc=2), True),
    ("statement same day place speaker",
     prof("statement", D14, place="geneva", actors={"envoy"}),
     prof("statement", D14, place="geneva", actors={"envoy"}, doc=2), True),
    ("statement, no place on either side",
     prof("statement", D14, actors={"envoy"}),
     prof("statement", D14, actors={"envoy"}, doc=2), True),
    ("statement, place on one side only",
     prof("statement", D14, place="geneva", actors={"envoy"}),
     prof("statement", D14, actors={"envoy"}, doc=2), True),
    ("statement, other day",
     prof("statement", D14, actors={"envoy"}),
     prof("statement", day("2016-07-15"), actors={"envoy"}, doc=2), False),
    ("undated statements told the same day",
     prof("statement", None, actors={"spokesman"}, placed=date(2016, 7, 14)),
     prof("statement", None, actors={"spokesman"}, placed=date(2016, 7, 14), doc=2), False),
    ("undated statement and one dated to the day it was told",
     prof("statement", None, actors={"envoy"}, placed=date(2016, 7, 14)),
     prof("statement", D14, actors={"envoy"}, doc=2), False),
    ("spokesman alone and with his state",
     prof("statement", D14, actors={"spokesman"}),
     prof("statement", D14, actors={"spokesman", "russia"}, doc=2), True),
    ("joint statement and one of its signatories",
     prof("statement", D14, actors={"minister-b"}),
     prof("statement", D14, actors={"russia", "turkey", "minister-a", "minister-b"}, doc=2), True),
    ("an envoy with his state and three states together",
     prof("statement", D14, actors={"envoy", "russia"}),
     prof("statement", D14, actors={"russia", "turkey", "iran"}, doc=2), False),
    ("two officials of one state",
     prof("statement", D14, actors={"minister-a", "russia"}),
     prof("statement", D14, actors={"spokesman", "russia"}, doc=2), False),
    ("statement other speaker",
     prof("statement", D14, place="geneva", actors={"envoy", "un"}, speakers={"envoy"}),
     prof("statement", D14, place="geneva", actors={"envoy", "un"}, speakers={"un"}, doc=2), False),
    ("statement in a week", prof("statement", week_of("2016-07-14"), place="geneva", actors={"envoy"}),
     prof("statement", D14, place="geneva", actors={"envoy"}, doc=2), False),
    ("round by number, place disagrees",
     prof("talks_round", month("2016-08"), series="geneva", round=3, place="syria", actors={"envoy"}),
     prof("talks_round", None, series="geneva", round=3, place="geneva", actors={"un"}, doc=2), True),
    ("other round number",
     prof("talks_round", month("2016-08"), series="geneva", round=3),
     prof("talks_round", month("2016-08"), series="geneva", round=4, doc=2), False),
    ("other series", prof("talks_round", day("2017-05-03"), series="astana", round=4),
     prof("talks_round", day("2017-05-03"), series="geneva", round=4, doc=2), False),
    ("unnumbered dated round in numbered one", prof("talks_round", day("2017-07-12"), series="geneva"),
     prof("talks_round", SPAN, series="geneva", round=7, doc=2), True),
    ("same series, same week, no actors", prof("talks_round", week_of("2019-11-04"), series="cc", actors=()),
     prof("talks_round", week_of("2019-11-05"), series="cc", actors=(), doc=2), True),
    ("same series, other weeks", prof("talks_round", week_of("2019-11-04"), series="cc", actors=()),
     prof("talks_round", week_of("2019-11-12"), series="cc", actors=(), doc=2), False),
    ("unnumbered dateless round", prof("talks_round", None, series="geneva"),
     prof("talks_round", SPAN, series="geneva", round=7, doc=2), False),
    ("round told by its venue, same dates",
     prof("talks_round", SPAN, series="geneva", place="geneva", actors={"un"}),
     prof("talks_round", SPAN, series="cc", round=2, place="geneva", actors={"un", "opp"}, doc=2), True),
    ("round told by its venue, other dates",
     prof("talks_round", day("2017-07-12"), series="geneva", place="geneva", actors={"un"}),
     prof("talks_round", SPAN, series="cc", round=2, place="geneva", actors={"un"}, doc=2), False),
    ("venue series elsewhere", prof("talks_round", SPAN, series="vienna", place="vienna", actors={"un"}),
     prof("talks_round", SPAN, series="cc", round=2, place="geneva", actors={"un"}, doc=2), False),
    ("numbered round of another series at the venue",
     prof("talks_round", SPAN, series="geneva", round=7, place="geneva", actors={"un"}),
     prof("talks_round", SPAN, series="cc", round=2, place="geneva", actors={"un"}, doc=2), False),
    ("undated meeting told the day it was held",
     prof(placed=date(2016, 7, 14)), prof(when=D14, doc=2), True),
    ("undated meeting told the day after",
     prof(placed=date(2016, 7, 15)), prof(when=D14, doc=2), True),
    ("undated meeting told two days after", prof(placed=date(2016, 7, 16)), prof(when=D14, doc=2), False),
    ("undated meeting told the day before the dated one",
     prof(placed=date(2016, 7, 13)), prof(when=D14, doc=2), False),
    ("undated meetings told a day apart",
     prof(placed=date(2016, 7, 15)), prof(placed=date(2016, 7, 14), doc=2), True),
    ("undated meetings told a week apart",
     prof(placed=date(2016, 7, 21)), prof(placed=date(2016, 7, 14), doc=2), False),
    ("undated meeting sharing one party of two",
     prof(placed=date(2016, 7, 14)), prof(when=D14, actors={"usa", "iran"}, doc=2), False),
    ("undated meeting, one party named",
     prof(placed=date(2016, 7, 14), actors={"usa"}), prof(when=D14, doc=2), False),
    ("undated strike is not news of the day",
     prof("military", placed=date(2016, 7, 14)), prof("military", D14, doc=2), False),
    # parties named at two levels (the built-in knowledge base's affiliations)
    ("ministers and their states",
     prof(when=D14, actors={"sergey-lavrov", "john-kerry"}),
     prof(when=D14, actors={"russia", "united-states"}, doc=2), True),
    ("presidents and other ministers of their states",
     prof(when=D14, actors={"vladimir-putin", "recep-tayyip-erdogan"}),
     prof(when=D14, actors={"sergey-lavrov", "mevlut-cavusoglu"}, doc=2), False),
    ("undated, told the next day: ministers and their states",
     prof(placed=date(2016, 7, 15), actors={"russia", "united-states"}),
     prof(when=D14, actors={"sergey-lavrov", "john-kerry"}, doc=2), True),
    ("the Kremlin and its spokesman", prof("statement", D14, actors={"russia"}),
     prof("statement", D14, actors={"dmitry-peskov"}, doc=2), True),
    ("a delegation and its head",
     prof("statement", D14, actors={"syrian-government-delegation"}),
     prof("statement", D14, actors={"bashar-al-jaafari"}, doc=2), True),
    ("a state's envoy and three states",
     prof("statement", D14, actors={"alexander-lavrentiev"}),
     prof("statement", D14, actors={"russia", "turkey", "iran"}, doc=2), False),
    ("two officials of one state (known to the knowledge base)",
     prof("statement", D14, actors={"sergey-lavrov"}),
     prof("statement", D14, actors={"maria-zakharova"}, doc=2), False),
    ("a person and another state", prof("statement", D14, actors={"sergey-lavrov"}),
     prof("statement", D14, actors={"turkey"}, doc=2), False),
    # places named at two levels (the built-in gazetteer's part_of)
    ("a meeting in a city and in its country", prof(when=D14, place="geneva"),
     prof(when=D14, place="switzerland", doc=2), True),
    ("a strike told without parties: a town and its province, one day",
     prof("military", D14, place="saraqib", actors=()),
     prof("military", D14, place="idlib", actors={"russia"}, doc=2), True),
    ("a strike: one town, one day, no parties on either side",
     prof("military", D14, place="saraqib", actors=()),
     prof("military", D14, place="saraqib", actors=(), doc=2), True),
    ("two towns of one province", prof("military", D14, place="saraqib", actors=()),
     prof("military", D14, place="khan-sheikhoun", actors=(), doc=2), False),
    ("a strike at one place, the next day", prof("military", D14, place="saraqib", actors=()),
     prof("military", day("2016-07-15"), place="saraqib", actors=(), doc=2), False),
    ("a strike without a place", prof("military", D14, place="saraqib", actors=()),
     prof("military", D14, actors=(), doc=2), False),
    ("strikes told only as in the country", prof("military", D14, place="syria-country", actors=()),
     prof("military", D14, place="syria-country", actors=(), doc=2), False),
    ("strikes in one month at one town", prof("military", month("2016-07"), place="saraqib", actors=()),
     prof("military", D14, place="saraqib", actors=(), doc=2), False),
    ("two sides each naming other parties at one place",
     prof("military", D14, place="idlib", actors={"turkey"}),
     prof("military", D14, place="saraqib", actors={"russia"}, doc=2), False),
    ("a deal that took effect in a town, told without parties",
     prof("agreement", D14, place="madaya", actors=()),
     prof("agreement", D14, place="damascus", actors=(), doc=2), True),
    ("meetings without shared parties at one place", prof(when=D14, place="geneva", actors=()),
     prof(when=D14, place="geneva", doc=2), False),
]  # fmt: skip


@pytest.mark.parametrize(("new", "old", "ok"), [c[1:] for c in MERGE_CASES], ids=[c[0] for c in MERGE_CASES])
def test_match_rules(new: Profile, old: Profile, ok: bool) -> None:
    assert (match_score(new, old) is not None) is ok


def test_exact_date_scores_above_a_containing_one() -> None:
    new = prof(when=day("2016-08-20"))
    exact = match_score(new, prof(when=day("2016-08-20"), doc=2))
    containing = match_score(new, prof(when=month("2016-08"), doc=3))
    assert exact is not None and containing is not None and exact > containing


def test_sort_date_ranges_cover_containers_and_publication() -> None:
    ranges = sort_date_ranges(prof("proposal", day("2016-07-14")), date(2016, 7, 20))
    assert (date(2016, 7, 8), date(2016, 7, 14)) in ranges  # a week holding the day
    assert (date(2016, 7, 1), date(2016, 7, 1)) in ranges  # its month
    assert (date(2016, 1, 1), date(2016, 1, 1)) in ranges  # its year
    assert (date(2016, 7, 13), date(2016, 7, 27)) in ranges  # dateless proposals near publication
    assert sort_date_ranges(prof("military"), date(2016, 7, 20)) == []  # a dateless strike: nothing
    # a dateless meeting: meetings told within a day of it, or held on its day or the day before
    assert sort_date_ranges(prof("meeting"), date(2016, 7, 20)) == [(date(2016, 7, 19), date(2016, 7, 21))]
    # a meeting on the 14th: also undated ones told on the 14th or 15th
    assert (date(2016, 7, 14), date(2016, 7, 15)) in sort_date_ranges(prof(when=D14), date(2016, 7, 20))
    assert sort_date_ranges(prof("statement", D14), date(2016, 7, 20)) == [(D14.start, D14.start)]
    assert sort_date_ranges(prof("statement"), date(2016, 7, 20)) == []  # an undated statement


def report(doc: str, published: str, start: int, **kw: object) -> Report:
    base = Report(doc, date.fromisoformat(published), 0, ((start, start + 10),), "meeting", "occurred")
    return replace(base, **kw)  # type: ignore[arg-type]


def test_aggregate_is_independent_of_report_order() -> None:
    reports = [
        report(
            "b.txt", "2016-07-14", 5, date=month("2016-07"), place="moscow", actors=(("usa", "participant"),)
        ),
        report(
            "a.txt", "2016-07-15", 9, date=day("2016-07-14"), status="planned", actors=(("russia", "host"),)
        ),
        report("c.txt", "2016-07-14", 1, date=day("2016-07-13"), place="sochi"),
    ]
    results = {aggregate(list(p)) for p in itertools.permutations(reports)}
    assert len(results) == 1
    (agg,) = results
    # most precise, then most sources, then earliest: the two days tie, 13 July is earlier
    assert agg.date == day("2016-07-13") and agg.status == "occurred"
    assert agg.place == "moscow"  # one vote each: the alphabetically first, deterministically
    assert agg.anchor[1] == "b.txt" and agg.n_sources == 3  # earliest published, then by name


def test_dateless_event_is_placed_by_its_earliest_source() -> None:
    agg = aggregate([report("x.txt", "2016-07-20", 0), report("y.txt", "2016-07-14", 0)])
    assert agg.date is None and agg.date_approximate and agg.sort_date == date(2016, 7, 14)
    assert agg.always_anchored


def test_numbered_round_key_ignores_dates_and_actors() -> None:
    planned = aggregate([report("a", "2016-07-14", 0, type="talks_round", series="geneva", round=3,
                                date=month("2016-08"), actors=(("envoy", "participant"),))])  # fmt: skip
    held = aggregate([report("b", "2016-09-01", 0, type="talks_round", series="Geneva", round=3,
                             date=day("2016-08-29"))])  # fmt: skip
    assert planned.key == held.key == "talks_round|geneva|3"


def test_known_round_is_inferred_only_for_rounds_under_way() -> None:
    def lookup(series: str, on: date) -> int | None:
        return 5 if series == "geneva" and date(2017, 3, 23) <= on <= date(2017, 3, 31) else None

    running = report("a", "2017-03-26", 0, type="talks_round", series="geneva")
    assert aggregate([running], lookup).round == 5
    assert aggregate([replace(running, status="planned")], lookup).round is None
    assert aggregate([replace(running, published=date(2017, 4, 10))], lookup).round is None


def test_siblings_with_one_key_get_distinct_ids_by_anchor() -> None:
    early = aggregate([report("a.txt", "2016-07-14", 0, date=day("2016-07-14"))])
    late = aggregate([report("b.txt", "2016-07-15", 0, date=day("2016-07-14"))])
    assert early.key == late.key
    for group in ([("x", early), ("y", late)], [("y", late), ("x", early)]):
        ids = desired_ids(group)
        assert ids["x"] == make_id(early.key) and ids["y"] == make_id(late.key, late.anchor)
    assert len(make_id("k")) == 14 and make_id("k").isalnum() and make_id("k") == make_id("k").lower()


def test_party_links_pair_people_with_their_body_only() -> None:
    links = PartyLinks.build(
        [
            ("minister", "person", "state"),
            ("spokesman", "person", "state"),
            ("delegation", "delegation", "state"),
            ("state", "country", None),
            ("other", "country", None),
        ]
    )
    assert links.counterparts("minister", "state") and links.counterparts("state", "spokesman")
    assert links.counterparts("delegation", "minister") and links.counterparts("delegation", "state")
    assert not links.counterparts("minister", "spokesman")  # two people of one state
    assert not links.counterparts("minister", "other") and not links.counterparts("state", "other")
    assert links.kin("state") == {"state", "minister", "spokesman", "delegation"}
    assert links.kin("minister") == {"minister", "state", "delegation"}
    assert links.kin("delegation") == {"delegation", "state", "minister", "spokesman"}
    assert links.kin("other") == {"other"}
    # every pair counterparts() accepts, the candidate search looks for (both ways)
    ids = ["minister", "spokesman", "delegation", "state", "other"]
    for a, b in itertools.product(ids, ids):
        assert links.counterparts(a, b) == (b in links.kin(a)) == (a in links.kin(b))
