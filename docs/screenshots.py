"""Screenshots of the explorer for the README: `make screenshots`.

Ingests the seed articles through the real pipeline into a throwaway SQLite
store, serves it with uvicorn, and saves PNGs of the timeline, an event page
and an article page in English and Arabic, taken by headless Chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.migrate import upgrade
from app.models import Document, Event, Mention
from app.web.app import create_app
from app.web.live_server import serving

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}


def build_store(url: str) -> None:
    """The seeds, through the same pipeline as `waqai ingest seeds`."""
    from app.ingest.pipeline import ingest

    engine = make_engine(url)
    upgrade(engine)
    report = ingest([ROOT / "seeds"], factory=make_sessionmaker(engine))
    engine.dispose()
    for failure in report.failures:
        print(f"{failure.path}: {failure.reason}", file=sys.stderr)
    if report.failures:
        raise SystemExit("some seed articles could not be ingested; no screenshots taken")


def pick_pages(url: str) -> dict[str, str]:
    """The addresses worth showing: the best-sourced event and the richest article."""
    engine = make_engine(url)
    with Session(engine) as session:
        event_id = session.scalar(select(Event.id).order_by(Event.n_sources.desc(), Event.sort_date.desc()))
        n = func.count(Mention.id)
        doc = session.scalar(
            select(Document.name).join(Mention, isouter=True).group_by(Document.name).order_by(n.desc())
        )
    engine.dispose()
    if event_id is None or doc is None:
        raise SystemExit("the store has no events: run it after the extraction stages are in place")
    return {"timeline": "/", "event": f"/events/{event_id}", "article": f"/articles/{doc}"}


def shoot(root: str, pages: dict[str, str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in ("en", "ar"):
            context = browser.new_context(viewport=VIEWPORT, locale=lang, device_scale_factor=1)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(f"{root}{path}{'&' if '?' in path else '?'}lang={lang}", wait_until="networkidle")
                target = out / f"{name}-{lang}.png"
                page.screenshot(path=str(target))
                saved.append(target)
            context.close()
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files (default: docs/)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"screenshots need Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'waqai.db'}"
        build_store(url)
        pages = pick_pages(url)
        with serving(create_app(Settings(database_url=url))) as root:
            for path in shoot(root, pages, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
