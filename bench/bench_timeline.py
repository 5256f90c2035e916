"""Benchmark: the timeline with an actor filter and a date range on a store of 200,000 events.

"page + facets + axis" is the whole of what GET / computes for one request: the page of
events, every facet's counts and the time axis (histogram and its SVG); only the HTML
template is left out. The goal: under 100 ms at p95 for the filtered views on both databases.

Builds a synthetic store (actors with skewed popularity, places, documents,
mentions) by bulk insert, on SQLite and, when a PostgreSQL URL is given
(--pg URL or WAQAI_TEST_DATABASE_URL), on a throwaway PostgreSQL database.
Then times, per backend, the unfiltered first page (the baseline) and the
filtered views, and prints p50/p95 in ms with the ratio of each p95 to the
baseline's p95 measured in the same run.

    .venv/bin/python bench/bench_timeline.py [--events 200000] [--runs 30] [--pg URL]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.db import make_engine, make_sessionmaker
from app.ingest.normalize import fold_text
from app.migrate import upgrade
from app.models import Actor, ActorAlias, Document, Event, EventActor, Mention, Place
from app.timeline.axis import axis_svg
from app.timeline.facets import facets_and_histogram
from app.timeline.filters import EVENT_TYPES, STATUSES, parse_filters
from app.timeline.queries import events_page

FIRST_DAY = date(2011, 1, 1)
DAYS = 14 * 365
N_ACTORS = 400
N_PLACES = 60
EVENTS_PER_DOC = 10
CHUNK = 5000
WORDS = ("اجتماع", "جولة", "محادثات", "أعلن", "الأمم", "المتحدة", "وقف", "إطلاق", "النار", "مسودة", "جنيف")


@dataclass(frozen=True)
class Row:
    name: str
    p50: float
    p95: float
    cpu50: float = 0.0


def actor_weights(n: int) -> list[float]:
    """Zipf-like popularity: the top actor is in about a third of all events (1 to 4 actors each)."""
    return [1.0 / (rank + 1) for rank in range(n)]


def chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_store(engine: Engine, n_events: int, seed: int = 0) -> None:
    """Insert the synthetic store with core executemany, one transaction per table chunk."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(insert(Place), [_place(i) for i in range(N_PLACES)])
        conn.execute(insert(Actor), [_actor(i) for i in range(N_ACTORS)])
        conn.execute(insert(ActorAlias), [a for i in range(N_ACTORS) for a in _aliases(i)])
        conn.execute(insert(Document), list(_documents(n_events // EVENTS_PER_DOC + 1, rng, now)))
    weights = actor_weights(N_ACTORS)
    for batch in chunks(_events(n_events, rng, now)):
        links, mentions = [], []
        for event in batch:
            actors = set(rng.choices(range(N_ACTORS), weights=weights, k=rng.randint(1, 4)))
            links += [{"event_id": event["id"], "actor_id": f"a{a}", "role": "participant"} for a in actors]
            mentions += _mentions(event, rng)
        with engine.begin() as conn:
            conn.execute(insert(Event), batch)
            conn.execute(insert(EventActor), links)
            conn.execute(insert(Mention), mentions)
    # Planner statistics and, on PostgreSQL, the visibility map that index-only scans need:
    # what autovacuum gives a store that has been running a while.
    command = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(command))


def _place(i: int) -> dict[str, Any]:
    return {"id": f"p{i}", "name_en": f"Place {i}", "name_ar": f"مكان {i}", "kind": "city"}


def _actor(i: int) -> dict[str, Any]:
    return {"id": f"a{i}", "name_en": f"Actor {i}", "name_ar": f"فاعل {i}", "kind": "person", "is_new": False}


def _aliases(i: int) -> list[dict[str, Any]]:
    names = (f"فاعل {i}", f"الفاعل رقم {i}", f"Actor {i}")
    return [{"actor_id": f"a{i}", "alias": n, "alias_folded": fold_text(n), "lang": "ar"} for n in names]


def _documents(n: int, rng: random.Random, now: datetime) -> Iterator[dict[str, Any]]:
    for i in range(n):
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        yield {
            "name": f"doc{i:06d}.txt",
            "source": f"Source {i % 12}",
            "title": f"مقال {i}",
            "language": "ar",
            "published": published,
            "text": " ".join(rng.choices(WORDS, k=40)),
            "content_hash": f"{i:064d}",
            "extractor_version": "bench",
            "ingested_at": now,
        }


def _events(n: int, rng: random.Random, now: datetime) -> Iterator[dict[str, Any]]:
    for i in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        etype = rng.choice(EVENT_TYPES)
        yield {
            "id": f"ev{i:07d}",
            "identity_key": f"k{i}",
            "type": etype,
            "status": rng.choice(STATUSES),
            "date_value": day.isoformat(),
            "date_start": day,
            "date_end": day,
            "date_precision": "day",
            "date_approximate": False,
            "sort_date": day,
            "title_en": f"{etype} {i}",
            "title_ar": f"حدث {i}",
            "place_id": f"p{rng.randrange(N_PLACES)}" if rng.random() < 0.7 else None,
            "series": rng.choice(("Geneva", "Astana", "Vienna")) if etype == "talks_round" else None,
            "round": rng.randint(1, 15) if etype == "talks_round" else None,
            "n_sources": 1,
            "created_at": now,
            "updated_at": now,
        }


def _mentions(event: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    n_docs = rng.choice((1, 1, 2))
    out = []
    for _ in range(n_docs):
        passage = " ".join(rng.choices(WORDS, k=12))
        out.append(
            {
                "event_id": event["id"],
                "document_id": int(event["id"][2:]) // EVENTS_PER_DOC + 1,
                "group": 0,
                "start": 0,
                "end": len(passage),
                "passage": passage,
                "passage_folded": fold_text(passage),
                "rule": "bench",
                "type": event["type"],
                "status": event["status"],
                "actors": [],
                "title_en": "",
                "title_ar": "",
            }
        )
    return out


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """p50 and p95 wall-clock ms over `runs` calls (after one warm-up call), and the p50 of
    this process's CPU ms: on a shared machine wall time grows with the load, CPU time much
    less (for PostgreSQL it leaves out the server's work, so it is a floor, not the cost)."""
    fn()
    samples, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, statistics.median(cpu)


def scenarios(session: Session) -> dict[str, Callable[[], object]]:
    """The views timed; the first is the baseline."""
    busy = {"actor": "a0", "since": "2016-01-01", "until": "2016-12-31"}  # the most frequent actor
    mid = {"actor": "a40", "since": "2016", "until": "2017-06"}
    two = {"actor": ["a0", "a3"], "since": "2014", "until": "2018"}
    deep = parse_filters(busy)
    for _ in range(10):  # walk ten pages down to time a deep page
        cursor = events_page(session, deep).next_cursor
        if cursor is None:
            break
        deep = parse_filters({**busy, "_next": cursor.encode()})

    def view(params: dict[str, Any], with_facets: bool = True) -> Callable[[], object]:
        """What the timeline route computes: a page, the facets, the histogram drawn as the SVG axis.

        No cache anywhere: every call runs every query (cold figures, as a new request gets).
        """
        filters = parse_filters(params)

        def run() -> object:
            page = events_page(session, filters)
            if with_facets:
                _, hist = facets_and_histogram(session, filters)
                axis_svg(hist, filters)
            return page

        return run

    return {
        "baseline: first page, no filter": view({}, with_facets=False),
        "busiest actor + 1 year: page": view(busy, with_facets=False),
        "busiest actor + 1 year: page + facets + axis": view(busy),
        "median actor + 18 months: page + facets + axis": view(mid),
        "two actors + 4 years: page + facets + axis": view(two),
        "busiest actor + 1 year: 11th page": lambda: events_page(session, deep),
        "no filter: page + facets + axis": view({}),
    }


def run_backend(label: str, url: str, n_events: int, runs: int) -> list[Row]:
    engine = make_engine(url)
    try:
        upgrade(engine)
        start = time.perf_counter()
        build_store(engine, n_events)
        print(f"[{label}] built {n_events} events in {time.perf_counter() - start:.1f} s", flush=True)
        rows = []
        with make_sessionmaker(engine)() as session:
            for name, fn in scenarios(session).items():
                p50, p95, cpu50 = timed(fn, runs)
                rows.append(Row(name, p50, p95, cpu50))
        return rows
    finally:
        engine.dispose()


def print_rows(label: str, rows: list[Row]) -> None:
    base = rows[0].p95 or 1e-9
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    print(
        f"\n{label}: {'view':<52} {'p50 ms':>8} {'p95 ms':>8} {'p95/base':>9} {'cpu p50':>8}  (load {load})"
    )
    for row in rows:
        print(f"{label}: {row.name:<52} {row.p50:8.1f} {row.p95:8.1f} {row.p95 / base:9.2f} {row.cpu50:8.1f}")


def pg_throwaway(admin_url: str) -> tuple[str, Callable[[], None]]:
    name = f"waqai_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(admin_url).set(database=name).render_as_string(hide_password=False), drop


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pg", default=os.environ.get("WAQAI_TEST_DATABASE_URL"))
    parser.add_argument("--skip-sqlite", action="store_true")
    args, _ = parser.parse_known_args(argv)  # `python -m bench timeline` passes its own words
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            print_rows("sqlite", run_backend("sqlite", url, args.events, args.runs))
    if args.pg:
        url, drop = pg_throwaway(args.pg)
        try:
            print_rows("postgresql", run_backend("postgresql", url, args.events, args.runs))
        finally:
            drop()
    else:
        print("postgresql: skipped (give --pg URL or set WAQAI_TEST_DATABASE_URL)")


if __name__ == "__main__":
    main()
