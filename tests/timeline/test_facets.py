"""Facet counts: each facet ignores its own filter, values toggle, counts are exact on both databases."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Document, Event, EventActor, Mention
from app.timeline import facets
from app.timeline.facets import FACETS, facet_counts, facets_and_histogram, histogram
from app.timeline.filters import Filters, parse_filters
from app.timeline.queries import iter_events


def counts(session: Session, params: dict[str, str | list[str]], param: str) -> dict[str, int]:
    return {v.value: v.count for v in facet_counts(session, parse_filters(params))[param].values}


def test_type_facet_lists_the_other_types_under_the_other_filters(sample_session: Session) -> None:
    by_type = counts(sample_session, {"actor": "lavrov", "type": "meeting"}, "type")
    assert by_type == {"meeting": 2, "agreement": 1, "proposal": 1, "statement": 1}


def test_actor_facet_counts_co_occurring_actors(sample_session: Session) -> None:
    assert counts(sample_session, {"actor": "kerry"}, "actor") == {"kerry": 4, "lavrov": 3}


def test_source_facet_counts_events_per_document_source(sample_session: Session) -> None:
    assert counts(sample_session, {}, "source") == {"Wire A": 7, "Wire B": 5}
    assert counts(sample_session, {"source": "Wire B", "actor": "un"}, "source") == {"Wire B": 4}


def test_selected_values_stay_listed_at_zero_with_a_link_that_removes_them(sample_session: Session) -> None:
    result = facet_counts(sample_session, parse_filters({"place": "moscow", "type": "report"}))
    moscow = next(v for v in result["place"].values if v.value == "moscow")
    assert moscow.selected and moscow.count == 0 and moscow.url == "/?type=report"
    assert moscow.label_en == "Moscow" and moscow.label_ar == "موسكو"


def reference(session: Session, filters: Filters, top: int) -> dict[str, list[tuple[str, int]]]:
    """Every facet counted in Python from the events the page query returns (not from GROUP BY)."""

    def events(**without: object) -> list[Event]:
        return list(iter_events(session, replace(filters, next=None, **without)))

    out: dict[str, list[tuple[str, int]]] = {}
    for param, attr in (("type", "type"), ("status", "status"), ("place", "place_id"), ("series", "series")):
        empty: object = () if param == "type" else None
        tally = Counter(getattr(e, attr) for e in events(**{param: empty}) if getattr(e, attr) is not None)
        out[param] = ranked(tally, 7 if param == "type" else top)
    matching = [e.id for e in events()]
    links = session.execute(select(EventActor.event_id, EventActor.actor_id)).all()
    out["actor"] = ranked(Counter(a for e, a in set(links) if e in set(matching)), top)
    by_source = session.execute(
        select(Mention.event_id, Document.source).join(Document, Mention.document_id == Document.id)
    ).all()
    source_ids = {e.id for e in events(source=None)}
    pairs = {(e, s) for e, s in by_source if e in source_ids and s is not None}
    out["source"] = ranked(Counter(s for _, s in pairs), top)
    return out


def ranked(tally: Counter[str], limit: int) -> list[tuple[str, int]]:
    return sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


PARAMS = [
    {},
    {"actor": "lavrov"},
    {"actor": ["kerry", "lavrov"], "since": "2016"},
    {"type": ["meeting", "statement"], "status": "occurred"},
    {"place": "geneva", "series": "Geneva"},
    {"source": "Wire A", "type": "statement"},
    {"q": "جنيف", "status": "planned"},
    {"actor": "un", "round": "4"},
    {"since": "2016-09", "until": "2016-10"},
    {"type": "agreement"},
    {"actor": "nobody"},
]


@pytest.mark.parametrize("params", PARAMS)
@pytest.mark.parametrize("top", [10, 1])
def test_counts_match_a_count_of_the_listed_events(
    sample_session: Session, params: dict[str, str], top: int
) -> None:
    f = parse_filters(params)
    found = facet_counts(sample_session, f, top=top)
    expected = reference(sample_session, f, top)
    for param in FACETS:
        shown = [(v.value, v.count) for v in found[param].values if not (v.selected and v.count == 0)]
        assert shown == expected[param], param


@pytest.mark.parametrize("params", PARAMS)
def test_the_histogram_is_the_one_counted_per_day(sample_session: Session, params: dict[str, str]) -> None:
    f = parse_filters(params)
    assert facets_and_histogram(sample_session, f)[1] == histogram(sample_session, f)


def test_an_axis_under_three_months_is_per_day_without_a_date_filter(sample_session: Session) -> None:
    hist = facets_and_histogram(sample_session, parse_filters({"actor": "kerry", "type": "meeting"}))[1]
    assert hist.unit == "day" and hist.buckets[0].start == date(2016, 7, 14)
    assert hist.buckets[-1].start == date(2016, 9, 9) and hist.total == 2


def test_capped_lists_say_that_more_values_exist(sample_session: Session) -> None:
    result = facet_counts(sample_session, parse_filters({}), top=2)
    assert [(v.value, v.count) for v in result["actor"].values] == [("lavrov", 5), ("kerry", 4)]
    assert result["actor"].more and result["type"].values and not result["type"].more
    assert not facet_counts(sample_session, parse_filters({}), top=3)["actor"].more
    # a selected value beyond the cap is still listed, with its exact count
    chosen = facet_counts(sample_session, parse_filters({"actor": "un"}), top=1)["actor"]
    assert [(v.value, v.count, v.selected) for v in chosen.values] == [("un", 4, True)]


def test_an_undated_event_counts_in_facets_but_not_on_the_axis(sample_session: Session) -> None:
    found, hist = facets_and_histogram(sample_session, parse_filters({"actor": "lavrov"}))
    assert sum(v.count for v in found["status"].values) == 5  # e12 has no date
    assert hist.total == 4


def test_text_search_and_ids_with_quotes_are_bound_not_spliced(sample_session: Session) -> None:
    f = parse_filters({"actor": "o'brien", "series": "x'); drop table events; --", "q": "'"})
    assert all(v.count == 0 for facet in facet_counts(sample_session, f).values() for v in facet.values)
    assert sample_session.scalar(select(Event.id).limit(1)) is not None


@pytest.mark.parametrize(
    "params",
    [{"actor": "kerry", "since": "2016"}, {"actor": "un", "until": "2017-02", "type": "talks_round"}],
)
def test_reading_the_date_range_instead_of_each_event_counts_the_same(
    sample_session: Session, monkeypatch: pytest.MonkeyPatch, params: dict[str, str]
) -> None:
    f = parse_filters(params)
    looked_up = facets_and_histogram(sample_session, f)
    monkeypatch.setattr(facets, "MIN_SCAN", 0)
    monkeypatch.setattr(facets, "SCAN_SHARE", 1000)
    if sample_session.get_bind().dialect.name == "sqlite":
        assert facets._scan_dates(sample_session, f)
    assert facets_and_histogram(sample_session, f) == looked_up
    for top in (10, 1):
        found = facets._statement(
            f, top, sample_session.get_bind().dialect.name, by_day=False, scan_dates=True
        )
        assert sorted(sample_session.execute(found).all()) == sorted(
            sample_session.execute(
                facets._statement(f, top, sample_session.get_bind().dialect.name, by_day=False)
            ).all()
        )


SAME_SHAPE = [
    ({"actor": "kerry", "since": "2016"}, {"actor": "un", "since": "2017"}),
    (
        {"actor": ["kerry", "lavrov"], "type": "meeting"},
        {"actor": ["un", "lavrov"], "type": ["statement", "proposal"]},
    ),
    (
        {"status": "occurred", "place": "geneva", "until": "2016-09"},
        {"status": "planned", "place": "moscow", "until": "2017"},
    ),
    (
        {"source": "Wire A", "series": "Geneva", "round": "4"},
        {"source": "Wire B", "series": "Astana", "round": "7"},
    ),
]


@pytest.mark.parametrize(("first", "second"), SAME_SHAPE)
def test_a_statement_kept_for_one_set_of_filters_counts_another_of_its_shape(
    sample_session: Session, first: dict[str, str], second: dict[str, str]
) -> None:
    facets._SHAPES.clear()
    one, other = parse_filters(first), parse_filters(second)
    fresh = facets_and_histogram(sample_session, other)
    facets._SHAPES.clear()
    assert facets_and_histogram(sample_session, one)  # builds and keeps the statement
    assert len(facets._SHAPES) == 1  # no value was left in it
    assert facets_and_histogram(sample_session, other) == fresh
    assert len(facets._SHAPES) == 1  # the same statement served the second


@pytest.mark.parametrize("actors", [["kerry", "lavrov"], ["lavrov", "kerry"], ["un", "kerry", "lavrov"]])
def test_several_actors_count_the_same_in_any_order(sample_session: Session, actors: list[str]) -> None:
    """The rarest actor's links are read first whatever the URL's order; counts and links stay."""
    f = parse_filters({"actor": actors, "since": "2016"})
    found = facets_and_histogram(sample_session, f)
    again = facets_and_histogram(sample_session, parse_filters({"actor": actors[::-1], "since": "2016"}))
    assert sorted((v.value, v.count) for v in found[0]["actor"].values) == sorted(
        (v.value, v.count) for v in again[0]["actor"].values
    )
    for param in ("type", "status", "place", "source"):
        assert [v.count for v in found[0][param].values] == [v.count for v in again[0][param].values]
    assert found[1] == again[1]
    assert all(v.url.startswith("/?actor=" + actors[0]) for v in found[0]["type"].values)
    assert sorted(facets._rarest_first(sample_session, f).actor) == sorted(actors)
