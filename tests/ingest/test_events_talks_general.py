"""Talks rounds and meetings told in prose the rules were not tuned on: agency wire, official tone,
analysis, live blogs (sentences written for this project), with the negatives beside them."""

from __future__ import annotations

import pytest

from tests.ingest.test_events_cases import C, T, _fits, _label, run

CASES = [
    # ---- the state the talks are about stands for the sides of its conflict, not for the state
    C(
        "The eighth round of talks on Syria opened in Astana on Wednesday.",
        T,
        ("syrian-government", "syrian-opposition"),
        not_actors=("syria",),
        lang="en",
    ),
    C(
        "وتنطلق غدا في جنيف الجولة الجديدة من المفاوضات السورية.",
        T,
        ("syrian-government", "syrian-opposition"),
        not_actors=("syria",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_case(case: C) -> None:
    events = run(case.text, case.lang, case.published)
    found = [
        (e.type, e.round, e.series, [a.id for a in e.actors], e.date.value if e.date else None)
        for e in events
    ]
    for kind in case.absent:
        assert all(e.type != kind for e in events), found
    if case.type is None:
        assert not [e for e in events if not case.absent or e.type in case.absent], found
        return
    of_type = [e for e in events if e.type == case.type]
    assert any(_fits(e, case) for e in of_type), found
    if case.count is not None:
        assert len(of_type) == case.count, found
