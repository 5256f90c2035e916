"""The HTML pages against a real migrated database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import session_scope
from app.models import Event
from app.web.app import create_app
from tests.page_fixtures import E_MEET, E_ROUND, E_SCRIPT, E_STATE, OLD_GONE, OLD_MOVED, populate


@pytest.fixture
def client(db_url: str, session_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    with session_scope(session_factory) as session:
        populate(session)
    with TestClient(create_app(Settings(database_url=db_url))) as test_client:
        yield test_client


def test_timeline_lists_events_newest_first_with_dates_at_their_precision(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert html.index("Geneva 7 talks round") < html.index("Lavrov backs the Astana talks")
    assert html.index("Lavrov backs the Astana talks") < html.index("Kerry meets Lavrov in Geneva")
    assert "10–14 July 2017" in html
    assert "week of 20 March 2017" in html
    assert "14 July 2016" in html
    assert 'class="mark mark-planned"' in html
    assert re.search(r'<h2 class="date-header[^"]*"[^>]*>2017</h2>', html)


def test_timeline_filters_by_actor_and_date_through_the_query_string(client: TestClient) -> None:
    html = client.get("/", params={"actor": "sergey-lavrov", "since": "2017"}).text
    assert "Lavrov backs the Astana talks" in html
    assert "Kerry meets Lavrov in Geneva" not in html
    assert "Geneva 7 talks round" not in html


def test_htmx_request_gets_only_the_results_fragment(client: TestClient) -> None:
    page = client.get("/", params={"type": "meeting"}, headers={"HX-Request": "true"})
    assert page.status_code == 200
    assert page.text.lstrip().startswith('<div id="results"')
    assert "<html" not in page.text
    assert "Kerry meets Lavrov in Geneva" in page.text
    assert "HX-Request" in page.headers["vary"]


def test_timeline_answers_json_when_asked(client: TestClient) -> None:
    data = client.get("/", params={"type": "statement"}, headers={"Accept": "application/json"}).json()
    assert [e["id"] for e in data["events"]] == [E_STATE]
    assert data["filters"] == {"type": "statement"}


def test_actor_text_without_javascript_redirects_to_the_actor_filter(client: TestClient) -> None:
    page = client.get("/", params={"actor_q": "لافروف"}, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/?actor=sergey-lavrov"


def test_actor_suggestions_match_any_spelling(client: TestClient) -> None:
    html = client.get("/suggest/actors", params={"actor_q": "سيرجي", "type": "meeting"}).text
    assert "Sergey Lavrov" in html
    assert "/?actor=sergey-lavrov&amp;type=meeting" in html


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2016-13-45"},
        {"type": "picnic"},
        {"q": "x" * 5000},
        {"round": "seven"},
        {"lang": "fr"},
        {"since": "2017", "until": "2016"},
        {"_next": "%%%"},
    ],
)
def test_bad_parameters_answer_422_with_a_message(client: TestClient, params: dict[str, str]) -> None:
    page = client.get("/", params=params)
    assert page.status_code == 422
    assert next(iter(params)) in page.text
    assert "<html" in page.text


def test_event_permalink_redirects_to_its_slug_and_shows_sources(client: TestClient) -> None:
    first = client.get(f"/events/{E_MEET}", follow_redirects=False)
    assert first.status_code == 301
    assert first.headers["location"] == f"/events/{E_MEET}-kerry-meets-lavrov-in-geneva"
    page = client.get(first.headers["location"])
    assert page.status_code == 200
    html = page.text
    assert "كيري يلتقي لافروف في جنيف" in html and "Kerry meets Lavrov in Geneva" in html
    assert 'property="og:title"' in html and 'name="twitter:card"' in html
    assert "meeting.ar.iltaqa" in html
    assert 'href="/actors/john-kerry"' in html
    assert re.search(r'href="/articles/ar-001\.txt#m\d+"', html)
    assert '<mark class="hl hl-focus">التقى وزير الخارجية' in html
    assert "يوم الخميس 14 يوليو 2016" in html


def test_wrong_slug_redirects_to_the_canonical_one(client: TestClient) -> None:
    page = client.get(f"/events/{E_MEET}-old-title?lang=ar", follow_redirects=False)
    assert page.status_code == 301
    assert page.headers["location"] == f"/events/{E_MEET}-kerry-meets-lavrov-in-geneva?lang=ar"


def test_retired_id_redirects_to_its_successor_and_gone_id_is_410(client: TestClient) -> None:
    moved = client.get(f"/events/{OLD_MOVED}", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"].startswith(f"/events/{E_MEET}")
    gone = client.get(f"/events/{OLD_GONE}")
    assert gone.status_code == 410
    assert 'href="/"' in gone.text
    assert client.get("/events/nosuchevent").status_code == 404
    assert client.get(f"/events/{OLD_MOVED}.json", follow_redirects=False).headers["location"] == (
        f"/events/{E_MEET}.json"
    )


def test_a_series_is_shown_by_its_name_and_filtered_by_its_id(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    with session_scope(session_factory) as session:
        event = session.get(Event, E_ROUND)
        assert event is not None
        event.series = "constitutional-committee"  # as the extractor stores it: the knowledge base's id
    english = client.get(f"/events/{E_ROUND}").text
    assert (
        "<bdi>Constitutional Committee</bdi>" in english and "constitutional-committee</bdi>" not in english
    )
    arabic = client.get(f"/events/{E_ROUND}", params={"lang": "ar"}).text
    assert "<bdi>اللجنة الدستورية</bdi>" in arabic
    timeline = client.get("/", params={"lang": "ar"}).text
    assert re.search(
        r'href="[^"]*series=constitutional-committee[^"]*"[^>]*>\s*<bdi>اللجنة الدستورية</bdi>', timeline
    )


def test_event_json_is_the_contract_dict(client: TestClient) -> None:
    data = client.get(f"/events/{E_ROUND}.json").json()
    assert data["id"] == E_ROUND
    assert data["series"] == "Geneva" and data["round"] == 7
    assert data["date"]["precision"] == "day"
    assert client.get("/events/nosuchevent.json").status_code == 404


def test_article_highlights_events_and_time_expressions(client: TestClient) -> None:
    page = client.get("/articles/ar-001.txt")
    assert page.status_code == 200
    html = page.text
    assert re.search(
        r'<a class="hl hl-event" title="Event: Kerry meets Lavrov in Geneva" id="m\d+" '
        r'href="/events/e1meet">',
        html,
    )
    assert re.search(r'<mark class="hl hl-timex" title="[^"]*2016-07-14[^"]*"', html)
    assert client.get("/articles/missing.txt").status_code == 404


def test_article_markup_is_shown_as_text(client: TestClient) -> None:
    html = client.get("/articles/xss-001.txt").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html
    assert "Markup &lt;i&gt;in&lt;/i&gt; title" in html
    timeline = client.get("/").text
    assert '<script>alert("t")' not in timeline


def test_actor_page_shows_names_roles_and_its_timeline(client: TestClient) -> None:
    html = client.get("/actors/john-kerry").text
    assert "John Kerry" in html and "جون كيري" in html
    assert "US Secretary of State" in html and "20 January 2017" in html
    assert "https://www.wikidata.org/wiki/Q22316" in html
    assert "Kerry meets Lavrov in Geneva" in html
    assert "Lavrov backs the Astana talks" not in html
    assert client.get("/actors/nobody").status_code == 404


def test_arabic_pages_are_right_to_left(client: TestClient) -> None:
    page = client.get("/", params={"lang": "ar"})
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "waqai_lang=ar" in page.headers["set-cookie"]
    # The cookie now remembers the choice; ?lang= still wins.
    assert '<html lang="ar" dir="rtl">' in client.get("/actors/john-kerry").text
    assert '<html lang="en" dir="ltr">' in client.get("/?lang=en").text


def test_accept_language_picks_arabic_without_cookie_or_parameter(client: TestClient) -> None:
    page = client.get("/", headers={"Accept-Language": "ar-SY,ar;q=0.9,en;q=0.5"})
    assert 'dir="rtl"' in page.text
    assert "يوليو" in page.text


def test_security_headers_on_pages(client: TestClient) -> None:
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"]
    assert "<script>" not in page.text.replace("<script src=", "")


def test_health_and_static_assets(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "margin-inline" in css.text


def test_the_app_only_reads(client: TestClient) -> None:
    app = client.app
    assert isinstance(app, FastAPI)
    methods = {m for route in app.routes for m in getattr(route, "methods", set()) or set()}
    assert methods <= {"GET", "HEAD"}
    assert client.post("/").status_code == 405


@pytest.fixture
def small_pages(db_url: str, session_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    with session_scope(session_factory) as session:
        populate(session)
    with TestClient(create_app(Settings(database_url=db_url, page_size=2))) as test_client:
        yield test_client


def _card_ids(html: str) -> list[str]:
    return re.findall(r'<article class="card [^"]*" id="e-([^"]+)"', html)


def test_older_events_continue_with_keyset_pages(small_pages: TestClient) -> None:
    first = small_pages.get("/").text
    assert _card_ids(first) == [E_ROUND, E_SCRIPT]
    more = re.search(r'<a class="button" href="([^"]+)"', first)
    assert more is not None
    next_url = more.group(1).replace("&amp;", "&")
    assert "_next=" in next_url
    # htmx asks for the continuation: only the next cards, no page or form around them.
    fragment = small_pages.get(next_url, headers={"HX-Request": "true", "HX-Target": "more"}).text
    assert _card_ids(fragment) == [E_STATE, E_MEET]
    assert "<form" not in fragment and 'id="results"' not in fragment
    # Same day as the last card of page one: its headers are not repeated.
    assert ">2017</h2>" not in fragment and ">2016</h2>" in fragment
    # Without JavaScript the same link is a whole page.
    assert _card_ids(small_pages.get(next_url).text) == [E_STATE, E_MEET]


def test_head_requests_answer_like_get(client: TestClient) -> None:
    assert client.head("/").status_code == 200
    assert client.head("/healthz").status_code == 200


def test_seeded_store_pages_answer(seeded_db_url: str) -> None:
    """The seeds, ingested through the real pipeline: every event and article page renders."""
    from sqlalchemy import select

    from app.db import make_engine
    from app.models import Document, Event

    engine = make_engine(seeded_db_url)
    with Session(engine) as session:
        event_ids = list(session.scalars(select(Event.id)))
        names = list(session.scalars(select(Document.name)))
    engine.dispose()
    assert len(names) == 5
    with TestClient(create_app(Settings(database_url=seeded_db_url))) as seeded:
        assert seeded.get("/").status_code == 200
        assert seeded.get("/?lang=ar").status_code == 200
        for name in names:
            assert seeded.get(f"/articles/{name}").status_code == 200
        for event_id in event_ids:
            page = seeded.get(f"/events/{event_id}")
            assert page.status_code == 200, event_id


def test_bad_parameter_in_an_htmx_request_is_a_422_fragment(client: TestClient) -> None:
    page = client.get("/", params={"until": "yesterday"}, headers={"HX-Request": "true"})
    assert page.status_code == 422
    assert page.text.lstrip().startswith('<div id="results"')
    assert 'role="alert"' in page.text and "until" in page.text
