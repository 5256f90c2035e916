"""No query string makes any page or API route answer 500, on SQLite or PostgreSQL (Hypothesis)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.config import Settings
from app.web.app import create_app

ROUTES = [
    "/", "/api/events", "/api/facets", "/api/actors", "/api/documents", "/export.csv", "/export.ics",
    "/export.json", "/export.timelinejs", "/actors/staffan-de-mistura", "/suggest/actors",
]  # fmt: skip
PARAMS = [
    "actor", "type", "status", "place", "series", "round", "source", "since", "until", "q", "lang", "_next",
    "limit", "offset",
]  # fmt: skip
ALLOWED = {200, 301, 302, 303, 307, 404, 410, 422}

values = st.one_of(
    st.text(max_size=40),
    # every code point a URL can carry as UTF-8 (a lone surrogate cannot: raw bad bytes are tested below)
    st.text(
        alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=("Cs",)),
        max_size=12,
    ),
    st.sampled_from(
        ["\x00", "2016-02-30", "9999-99", "-1", "1e9", "meeting", "%", "_", "' OR 1=1 --", "x" * 3000]
    ),
)
queries = st.lists(st.tuples(st.sampled_from(PARAMS), values), max_size=5)


@pytest.fixture
def client(engine: object, db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=db_url))) as c:
        yield c


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(ROUTES), query=queries)
def test_no_query_string_gives_a_server_error(
    client: TestClient, route: str, query: list[tuple[str, str]]
) -> None:
    response = client.get(f"{route}?{urlencode(query)}", follow_redirects=False)
    assert response.status_code in ALLOWED, (route, query, response.status_code, response.text[:300])
    if response.status_code == 422:
        assert response.text.strip()  # a message saying which parameter and why


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C3", "%", "%%41", "%E2%80%AE"])
@pytest.mark.parametrize("route", ROUTES)
def test_bytes_that_are_no_utf8_give_no_server_error(client: TestClient, route: str, raw: str) -> None:
    response = client.get(f"{route}?actor={raw}&q={raw}", follow_redirects=False)
    assert response.status_code in ALLOWED, (route, raw, response.status_code, response.text[:300])
