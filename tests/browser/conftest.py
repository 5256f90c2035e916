"""Real headless Chromium for the page tests: Debian's package driven by Playwright's Python client.

CI installs the browser (.ci/run) and sets WAQAI_REQUIRE_BROWSER, so there a missing
browser fails; elsewhere these tests skip and say why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

NO_BROWSER = "browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)"

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module", autouse=True)
def _chromium_present() -> None:
    # CI sets WAQAI_REQUIRE_BROWSER so that a missing browser fails instead of skipping.
    if not CHROMIUM.exists():
        if os.environ.get("WAQAI_REQUIRE_BROWSER"):
            pytest.fail(NO_BROWSER)
        pytest.skip(NO_BROWSER)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    problems: list[str] = []
    tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.problems = problems
    yield tab
    context.close()
    # A CSP violation or a script error would mean a feature silently broken.
    assert problems == []
