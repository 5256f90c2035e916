"""The JSON API on a real store (SQLite and PostgreSQL): contract items, keyset paging, facets, errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.models import RetiredEvent
from app.web.app import create_app
from tests.timeline.sample_store import build_sample


@pytest.fixture
def client(db_url: str, session_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    with session_factory() as session:
        build_sample(session)
        session.add(RetiredEvent(old_id="old05", successor_id="e05", reason="merged"))
        session.add(RetiredEvent(old_id="gone", successor_id=None, reason="vanished"))
        session.commit()
    with TestClient(create_app(Settings(database_url=db_url))) as test_client:
        yield test_client


def test_events_follow_the_contract_and_page_by_cursor(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/events?limit=5"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next_url"]
        assert (body["next"] is None) == (url is None)
    assert seen[:3] == ["e11", "e09", "e08"] and seen[-1] == "e12" and len(seen) == len(set(seen)) == 12
    first = client.get("/api/events?actor=kerry&actor=lavrov").json()["items"][0]
    assert first["id"] == "e06" and first["url"] == "/events/e06"
    assert first["date"] == {
        "value": "2016-09-09", "start": "2016-09-09", "end": "2016-09-09", "precision": "day",
        "approximate": False,
    }  # fmt: skip
    assert {a["id"] for a in first["actors"]} == {"kerry", "lavrov"}
    assert first["location"]["name"] == "Geneva"
    assert first["mentions"][0]["document"] == "a3.txt"


def test_events_take_the_timeline_filters(client: TestClient) -> None:
    body = client.get("/api/events", params={"q": "الامم", "status": "planned", "since": "2016"}).json()
    assert [e["id"] for e in body["items"]] == ["e11", "e03"]


def test_one_event_and_retired_ids(client: TestClient) -> None:
    assert client.get("/api/events/e05").json()["type"] == "agreement"
    moved = client.get("/api/events/old05", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/api/events/e05"
    assert client.get("/api/events/gone").status_code == 410
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404 and missing.json()["detail"]


def test_actor_search_and_actor(client: TestClient) -> None:
    hits = client.get("/api/actors", params={"q": "لافروف"}).json()
    assert [h["id"] for h in hits] == ["lavrov"] and hits[0]["url"] == "/actors/lavrov"
    assert client.get("/api/actors", params={"q": "zzz"}).json() == []
    actor = client.get("/api/actors/kerry").json()
    assert actor["name"] == "John Kerry" and "كيري" in actor["aliases"] and actor["n_events"] == 4
    assert actor["events_url"] == "/api/events?actor=kerry"
    assert client.get("/api/actors/nobody").status_code == 404


def test_documents_page_by_id(client: TestClient) -> None:
    first = client.get("/api/documents?limit=2").json()
    assert [d["name"] for d in first["items"]] == ["a1.txt", "a2.txt"]
    rest = client.get(first["next_url"]).json()
    assert [d["name"] for d in rest["items"]] == ["a3.txt"] and rest["next_url"] is None
    assert [d["page"] for d in rest["items"]] == ["/articles/a3.txt"]


def test_facets_with_counts_links_and_histogram(client: TestClient) -> None:
    body = client.get("/api/facets", params={"actor": "lavrov"}).json()
    assert body["total"] == 5
    types = {v["value"]: v for v in body["facets"]["type"]}
    assert types["meeting"]["count"] == 2 and types["meeting"]["url"] == "/?actor=lavrov&type=meeting"
    assert body["histogram"]["unit"] == "month"
    assert sum(b["total"] for b in body["histogram"]["buckets"]) == 4  # e12 has no date
    assert body["truncated"] == []  # the sample's lists are all shorter than the cap


def test_openapi_documents_parameters_and_examples(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    events = schema["paths"]["/api/events"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert {"actor", "type", "since", "until", "q", "_next", "limit"} <= names
    assert "422" in events["responses"]
    assert schema["components"]["schemas"]["EventOut"]["examples"][0]["type"] == "talks_round"


ROUTES = ["/api/events", "/api/facets", "/api/actors", "/api/documents", "/export.csv", "/export.ics"]
GARBAGE = ["", "'; DROP TABLE events; --", "\x00", "%", "x" * 5000, "٢٠١٦", "-1", "1e9", "[]", "🙂", "9" * 40]
PARAMS = [
    "actor", "type", "status", "place", "series", "round", "source", "since", "until", "q", "lang",
    "_next", "limit", "after",
]  # fmt: skip


@pytest.mark.parametrize("route", ROUTES)
def test_garbage_in_every_parameter_never_gives_a_500(client: TestClient, route: str) -> None:
    for param in PARAMS:
        for value in GARBAGE:
            response = client.get(route, params={param: value})
            assert response.status_code in (200, 422), (route, param, value, response.text[:200])
            if response.status_code == 422:
                assert param in response.text, (route, param, value, response.text[:200])


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("since=2016-13-01", "since"),
        ("until=nope", "until"),
        ("type=meetings", "type"),
        ("round=seven", "round"),
        ("q=" + "x" * 201, "q"),
        ("_next=%21%21", "_next"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
    ],
)
def test_bad_parameters_answer_422_naming_them(client: TestClient, query: str, param: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["param"] == param


def test_garbage_in_paths_is_a_404(client: TestClient) -> None:
    for path in ("/api/events/" + "x" * 500, "/api/actors/%00", "/api/events/%F0%9F%99%82"):
        assert client.get(path).status_code == 404
