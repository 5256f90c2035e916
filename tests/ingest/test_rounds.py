"""Which talks series a passage names (app.ingest.rounds.series_in). Sentences written for this project."""

from __future__ import annotations

import pytest

from app.ingest.knowledge import load_kb
from app.ingest.normalize import fold_text
from app.ingest.rounds import series_in


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("بدأت في جنيف الجولة الثالثة من اجتماعات اللجنة الدستورية", "constitutional-committee"),
        # after ل the article's alif drops
        ("انتهت الجولة الثانية للجنة الدستورية السورية أمس", "constitutional-committee"),
        # Geneva is only the committee's venue here
        ("the constitutional committee reconvened in Geneva on Monday", "constitutional-committee"),
        ("in Geneva, the Constitutional Committee ended its session", "constitutional-committee"),
        ("الجولة السابعة من محادثات جنيف", "geneva"),
        # a round of one series held in another series' city keeps its own series
        ("عقدت الجولة العاشرة من محادثات أستانا في سوتشي", "astana"),
        ("وصل الوفد إلى جنيف", "geneva"),
        ("لجنة المتابعة اجتمعت في بيروت", None),
    ],
)
def test_series_in(text: str, series: str | None) -> None:
    assert series_in(load_kb(), fold_text(text)) == series
