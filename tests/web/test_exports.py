"""Downloads of the filtered timeline in every format (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.web.app import create_app
from tests.timeline.sample_store import build_sample


@pytest.fixture
def client(db_url: str, session_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    with session_factory() as session:
        build_sample(session)
        session.commit()
    with TestClient(create_app(Settings(database_url=db_url))) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("fmt", "media", "filename"),
    [
        ("csv", "text/csv", "waqai-events.csv"),
        ("json", "application/json", "waqai-events.json"),
        ("jsonl", "application/x-ndjson", "waqai-events.jsonl"),
        ("ics", "text/calendar", "waqai-events.ics"),
        ("timelinejs", "application/json", "waqai-events.timeline.json"),
    ],
)
def test_each_format_downloads_with_its_type(client: TestClient, fmt: str, media: str, filename: str) -> None:
    response = client.get(f"/export.{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert filename in response.headers["content-disposition"]
    assert response.text


def test_exports_apply_the_timeline_filters(client: TestClient) -> None:
    rows = client.get("/export.json", params={"actor": "kerry", "since": "2016-09"}).json()
    assert [r["id"] for r in rows] == ["e06", "e05"]
    lines = client.get("/export.jsonl", params={"type": "talks_round"}).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["e11", "e08", "e03"]
    table = client.get("/export.csv", params={"q": "لافروف"}).text.lstrip("\ufeff")
    ids = [r["id"] for r in csv.DictReader(io.StringIO(table))]
    assert ids == ["e09", "e06", "e05", "e12"]


def test_export_ignores_the_page_cursor(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 2}).json()
    rows = client.get("/export.json", params={"_next": page["next"]}).json()
    assert len(rows) == 12


def test_calendar_has_all_day_entries_for_dated_events(client: TestClient) -> None:
    ics = client.get("/export.ics", params={"actor": "lavrov"}).text
    assert ics.count("BEGIN:VEVENT") == 4  # e12 has no date
    assert "DTSTART;VALUE=DATE:20160909" in ics
    assert "URL:http://testserver/events/e06" in ics.replace("\r\n ", "")


def test_bad_filters_are_422_before_the_download_starts(client: TestClient) -> None:
    response = client.get("/export.csv", params={"since": "2016-99"})
    assert response.status_code == 422
    assert "since" in response.text
    assert "attachment" not in response.headers.get("content-disposition", "")
