"""Facet counts: each facet ignores its own filter, values toggle, both counting paths agree."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.timeline import facets
from app.timeline.facets import facet_counts, facets_and_histogram, histogram
from app.timeline.filters import parse_filters


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


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "lavrov"},
        {"actor": ["kerry", "lavrov"], "since": "2016"},
        {"type": ["meeting", "statement"], "status": "occurred"},
        {"place": "geneva", "series": "Geneva"},
        {"source": "Wire A", "type": "statement"},
        {"q": "جنيف", "status": "planned"},
        {"actor": "nobody"},
    ],
)
def test_counting_here_and_in_the_database_agree(sample_session: Session, params: dict[str, str]) -> None:
    f = parse_filters(params)
    in_sql = facets._facets(sample_session, f, facets._counts_in_sql(sample_session, f, 10), "/")
    assert facet_counts(sample_session, f) == in_sql
    assert facets_and_histogram(sample_session, f) == (in_sql, histogram(sample_session, f))


def test_large_sets_are_grouped_by_the_database(
    sample_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = parse_filters({"type": "statement"})
    small = facet_counts(sample_session, f)
    monkeypatch.setattr(facets, "SMALL_SET", 2)
    assert facets._candidate_rows(sample_session, f) is None
    assert facet_counts(sample_session, f) == small
