"""Event status from the verb: the future prefix س marks a planned act, a root that merely begins
with its letters does not. Sentences written for this project."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest import timex
from app.ingest.events import _future_verb, extract
from app.ingest.knowledge import load_kb
from app.ingest.records import RawArticle

DAY = date(2018, 2, 14)


def _statuses(text: str) -> set[str]:
    article = RawArticle("case.txt", text, "case.txt", DAY, "ar")
    events = extract(article, timex.tag(text, DAY, "ar"), load_kb())
    return {e.status for e in events if e.type != "statement"}


@pytest.mark.parametrize(
    ("word", "future"),
    [
        ("سيلتقي", True),
        ("ستبدأ", True),
        ("وسنوقع", True),
        ("سيطرت", False),
        ("وسيطرت", False),
        ("سيرت", False),
        ("سيرتا", False),
        ("ستة", False),
    ],
)
def test_future_prefix(word: str, future: bool) -> None:
    assert _future_verb(word) is future


def test_control_taken_is_not_planned() -> None:
    statuses = _statuses("وسيطرت القوات الحكومية أمس على بلدة كفرنبودة في ريف حماة بعد معارك عنيفة.")
    assert statuses and "planned" not in statuses


def test_meeting_to_come_is_planned() -> None:
    text = "وسيلتقي وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو غدا في أنقرة."
    assert _statuses(text) == {"planned"}
