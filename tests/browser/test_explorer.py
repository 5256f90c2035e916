"""The explorer in a real headless Chromium, against uvicorn serving a real SQLite store.

Debian's chromium package is driven by Playwright's Python client; CI installs
it (.ci/run). Without /usr/bin/chromium these tests skip and say why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.migrate import upgrade
from app.web.app import create_app
from app.web.live_server import serving
from tests.page_fixtures import populate


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn in a thread, serving a migrated SQLite store with the test articles."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'waqai.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(make_sessionmaker(engine)) as session:
        populate(session)
    engine.dispose()
    with serving(create_app(Settings(database_url=url))) as root:
        yield root


def _titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#results .card-title").all_inner_texts()]


def test_filter_by_actor_through_the_autocomplete(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    assert len(_titles(page)) == 4
    page.locator("#actor-q").fill("سيرجي")  # another spelling than the actor's own name
    suggestion = page.locator("#actor-suggestions a.suggestion").first
    suggestion.wait_for()
    assert "Sergey Lavrov" in suggestion.inner_text()
    suggestion.click()
    page.wait_for_url(re.compile(r"actor=sergey-lavrov"))
    page.locator("#results .chip-selected").wait_for()
    assert sorted(_titles(page)) == ["Kerry meets Lavrov in Geneva", "Lavrov backs the Astana talks"]
    assert page.locator("html").get_attribute("lang") == "en"


def test_shared_filtered_url_gives_the_same_results(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.locator("#results input[name=type][value=statement]").check()
    page.locator("#results input[name=type][value=meeting]").check()
    page.locator("#results input[name=since]").fill("2017")
    page.locator("#results button[type=submit]").click()
    page.wait_for_url(re.compile(r"since=2017"))
    page.locator("#results .chip, #results .card").first.wait_for()
    filtered = _titles(page)
    assert filtered == ["Lavrov backs the Astana talks"]
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert _titles(page) == filtered


def test_bad_filter_shows_the_message_in_place(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.locator("#results input[name=since]").fill("2016-13")
    page.locator("#results button[type=submit]").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "since" in alert.inner_text()
    page.problems.clear()  # the browser logs the 422 response itself as an error


def test_event_source_passage_leads_to_the_highlighted_article(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="Kerry meets Lavrov in Geneva").click()
    page.wait_for_url(re.compile(r"/events/e1meet-kerry-meets-lavrov-in-geneva$"))
    assert page.locator("h1").inner_text() == "Kerry meets Lavrov in Geneva"
    assert page.locator(".passage mark.hl-focus").inner_text().startswith("التقى وزير الخارجية")
    page.locator(".source-head a").first.click()
    page.wait_for_url(re.compile(r"/articles/ar-001\.txt#m\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.evaluate("el => el.matches(':target') && el.classList.contains('hl-event')")
    assert "كيري" in target.inner_text()
    colour = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")


def test_copy_link_puts_the_permalink_on_the_clipboard(browser: Any, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    try:
        tab.goto(f"{base_url}/events/e2round")
        button = tab.locator("button.copy-link")
        button.click()
        tab.wait_for_function("document.querySelector('button.copy-link').textContent === 'Link copied'")
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied == f"{base_url}/events/e2round-geneva-7-talks-round"
        assert copied in tab.locator(".cite-text").inner_text()
    finally:
        context.close()


def test_switch_to_arabic_is_right_to_left_and_remembered(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(r"lang=ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.goto(f"{base_url}/actors/sergey-lavrov")  # no ?lang=: the cookie remembers
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "سيرغي لافروف" in page.locator("h1").inner_text()


def test_article_markup_is_text_in_the_browser(page: Any, base_url: str) -> None:
    dialogs: list[str] = []

    def seen(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", seen)
    page.goto(f"{base_url}/articles/xss-001.txt")
    assert '<script>alert("x")</script>' in page.locator(".article-text").inner_text()
    assert page.locator(".article-text script, .article-text b").count() == 0
    assert dialogs == []
