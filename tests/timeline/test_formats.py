"""Export formats: each parses back, and the iCalendar output follows RFC 5545's line rules."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.models import Event
from app.timeline import formats
from app.timeline.contract import iter_event_dicts
from app.timeline.filters import parse_filters
from app.timeline.queries import iter_events

ROW: dict[str, Any] = {
    "id": "ev1",
    "url": "/events/ev1",
    "type": "meeting",
    "status": "planned",
    "title": "Kerry meets Lavrov; talks, again\\maybe",
    "title_ar": "لقاء كيري ولافروف في جنيف لبحث الهدنة ووقف إطلاق النار في المدن الشمالية",
    "date": {"value": "2016-07-14", "start": "2016-07-14", "end": "2016-07-14", "precision": "day",
             "approximate": False},
    "actors": [{"id": "kerry", "name": "John Kerry"}, {"id": "lavrov", "name": "Sergey Lavrov"}],
    "location": {"id": "geneva", "name": "Geneva", "name_ar": "جنيف"},
    "series": None,
    "round": None,
    "mentions": [{"document": "a.txt", "start": 0, "end": 5, "text": "<b>نص</b>", "rule": "r"}],
}  # fmt: skip
MONTH = {**ROW, "id": "ev2", "date": {**ROW["date"], "value": "2016-08", "start": "2016-08-01",
                                      "end": "2016-08-31", "precision": "month"}}  # fmt: skip
UNDATED = {**ROW, "id": "ev3", "date": None}


def text(fmt: str, rows: list[dict[str, Any]]) -> str:
    return "".join(formats.stream(fmt, rows, base_url="https://example.org"))


def test_json_and_jsonl_parse_back() -> None:
    rows = [ROW, MONTH, UNDATED]
    assert json.loads(text("json", rows)) == rows
    assert json.loads(text("json", [])) == []
    assert [json.loads(line) for line in text("jsonl", rows).splitlines()] == rows


def test_csv_has_one_row_per_event_with_flat_cells() -> None:
    body = text("csv", [ROW, UNDATED])
    assert body.startswith("\ufeff")
    records = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [r["id"] for r in records] == ["ev1", "ev3"]
    assert records[0]["actors"] == "John Kerry; Sergey Lavrov"
    assert records[0]["url"] == "https://example.org/events/ev1"
    assert records[0]["title"] == ROW["title"]
    assert records[1]["date"] == "" and records[1]["approximate"] == ""


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_lines_are_folded_at_75_octets_and_crlf_terminated() -> None:
    ics = text("ics", [ROW, MONTH, UNDATED])
    assert ics.endswith("END:VCALENDAR\r\n")
    physical = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert "\n" not in ics.replace("\r\n", "")
    logical = unfold(ics)
    assert logical.count("BEGIN:VEVENT") == 2  # the undated event is left out
    assert "DTSTART;VALUE=DATE:20160714" in logical and "DTEND;VALUE=DATE:20160715" in logical
    assert "DTSTART;VALUE=DATE:20160801" in logical and "DTEND;VALUE=DATE:20160901" in logical
    assert "STATUS:TENTATIVE" in logical
    assert "SUMMARY:Kerry meets Lavrov\\; talks\\, again\\\\maybe" in logical
    assert any(line.startswith("DESCRIPTION:" + ROW["title_ar"]) for line in logical)
    assert "URL:https://example.org/events/ev1" in logical


@pytest.mark.parametrize("line", ["x" * 200, "ج" * 100, "a" + "😀" * 40])
def test_ics_fold_never_splits_a_character(line: str) -> None:
    folded = formats.ics_fold(line)
    parts = folded[:-2].split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_timelinejs_keeps_only_the_known_date_parts() -> None:
    doc = json.loads(text("timelinejs", [ROW, MONTH, UNDATED]))
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert set(slides) == {"ev1", "ev2"}
    assert slides["ev1"]["start_date"] == {"year": "2016", "month": "7", "day": "14"}
    assert "end_date" not in slides["ev1"]
    assert slides["ev2"]["start_date"] == {"year": "2016", "month": "8"}
    assert slides["ev2"]["end_date"] == {"year": "2016", "month": "8"}
    assert slides["ev1"]["group"] == "meeting"
    assert "&lt;b&gt;" in slides["ev1"]["text"]["text"]  # passages are escaped: TimelineJS renders HTML
    assert doc["title"]["text"]["headline"]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        formats.stream("xml", [])


def test_calendar_exports_leave_out_events_dated_only_by_their_source(sample_session: Session) -> None:
    """An event with no date of its own sits on the timeline at its article's publication date
    (sort_date); ICS and TimelineJS must leave it out rather than present that date as its own."""
    sample_session.execute(
        update(Event).where(Event.id == "e04").values(date_value=None, date_start=None, date_end=None)
    )
    sample_session.flush()
    rows = list(
        iter_event_dicts(iter_events(sample_session, parse_filters({"actor": "un"})), session=sample_session)
    )
    by_id = {r["id"]: r for r in rows}
    assert by_id["e04"]["date"] is None and by_id["e04"]["sort_date"] == "2016-09-02"
    ics = unfold(text("ics", rows))
    assert [line for line in ics if line.startswith("UID:")] == [
        f"UID:{i}@waqai" for i in ("e11", "e08", "e03")
    ]
    assert not any("20160902" in line for line in ics)
    slides = json.loads(text("timelinejs", rows))["events"]
    assert [s["unique_id"] for s in slides] == ["e11", "e08", "e03"]
    assert [r["id"] for r in csv.DictReader(io.StringIO(text("csv", rows).lstrip("\ufeff")))] == [
        "e11", "e08", "e04", "e03"
    ]  # fmt: skip
