"""The issue's walk through the explorer, in headless Chromium, on the seed articles as ingested."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from app.config import Settings
from app.web.app import create_app
from app.web.live_server import serving
from tests.conftest import SEEDS, ingest_into


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded-browser') / 'waqai.db'}"
    ingest_into(url, SEEDS)
    with serving(create_app(Settings(database_url=url))) as root:
        yield root


def titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#results .card-title").all_inner_texts()]


def event_links(page: Any) -> list[str]:
    links = page.locator("#results .card-title a")
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


def test_filter_open_follow_switch_and_share(page: Any, seeded_url: str) -> None:
    page.goto(f"{seeded_url}/")
    everything = titles(page)
    assert len(everything) > 10
    page.locator("#actor-q").fill("دي مستورا")  # a spelling the article does not use for his name
    suggestion = page.locator("#actor-suggestions a.suggestion").first
    suggestion.wait_for()
    assert "Staffan de Mistura" in suggestion.inner_text()
    suggestion.click()
    page.wait_for_url(re.compile(r"actor=staffan-de-mistura"))
    page.locator("#results .chip-selected").wait_for()
    filtered = titles(page)
    assert filtered and len(filtered) < len(everything)
    cards = page.locator("#results .card")
    for i in range(cards.count()):
        assert "Staffan de Mistura" in cards.nth(i).inner_text()
    shared, filtered_links = page.url, event_links(page)

    page.locator("#results .card-title a").first.click()
    page.wait_for_url(re.compile(r"/events/[a-z0-9]+-"))
    passage = page.locator(".passage mark.hl-focus").first.inner_text()
    assert passage
    page.locator(".source-head a").first.click()
    page.wait_for_url(re.compile(r"/articles/[^#]+#m\d+$"))
    target = page.locator(f"#{page.url.rsplit('#', 1)[1]}")
    assert target.evaluate("el => el.matches(':target')")
    assert passage[:20] in target.inner_text()

    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(r"lang=ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.goto("about:blank")
    page.goto(shared)  # the same events (now titled in Arabic: the language cookie is remembered)
    assert event_links(page) == filtered_links
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_api_docs_work_offline(page: Any, seeded_url: str) -> None:
    page.goto(f"{seeded_url}/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 5
    assert "/api/events" in page.locator("#swagger-ui").inner_text()
