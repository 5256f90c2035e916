"""Benchmark: cross-article merging into an empty store vs into a store of 100,000 events.

Articles come from bench.corpus (names, texts, publication dates); their accounts
(ExtractedEvents) are synthetic but realistic: 3-6 per article, a skewed pool of
actors, dates near publication or none, so that some accounts merge. The big
store is built by bulk insert over the same years. Each article is integrated in
its own transaction, as the pipeline does; the figure is the mean and p95 time
per article, and the ratio big/empty (a constant near 1 means candidate search
does not scan the store).

    .venv/bin/python -m bench merge
    .venv/bin/python -c 'import bench.bench_merge as b; b.main()' --articles N --events N --pg URL
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_engine, make_sessionmaker, session_scope
from app.ingest import merge, store
from app.ingest.identity import make_id
from app.ingest.knowledge import KnowledgeBase
from app.ingest.records import ActorRef, DateValue, ExtractedEvent, MentionSpan, PlaceRef, RawArticle
from app.migrate import upgrade
from app.models import Actor, Document, Event, EventActor, Mention, Place
from bench.corpus import articles

STORE_EVENTS = 100_000
FIRST_DAY = date(2015, 1, 1)
DAYS = 5 * 365
N_ACTORS = 60
PLACES = ("geneva", "astana", "moscow", "vienna", "sochi", "riyadh", "ankara", "damascus")
TYPES = ("meeting", "statement", "proposal", "agreement", "military", "talks_round", "report")
CHUNK = 5000


def actor_ids() -> list[str]:
    return [f"actor-{i:03d}" for i in range(N_ACTORS)]


def pick_actors(rng: random.Random, k: int) -> list[str]:
    """Zipf-like: a few actors are in many events, as in the press."""
    ids = actor_ids()
    weights = [1.0 / (r + 1) for r in range(len(ids))]
    return sorted(set(rng.choices(ids, weights, k=k)))


def _day(d: date) -> DateValue:
    return DateValue(d.isoformat(), d, d, "day")


def accounts_for(article: RawArticle, rng: random.Random) -> list[ExtractedEvent]:
    """3-6 accounts over consecutive slices of the article's text."""
    n = rng.randint(3, 6)
    step = max(1, len(article.text) // n)
    out = []
    for i in range(n):
        kind = rng.choice(TYPES)
        when = None
        if article.published and rng.random() < 0.7:
            when = _day(article.published - timedelta(days=rng.randint(0, 2)))
        span = (i * step, min(len(article.text), (i + 1) * step))
        refs = tuple(
            ActorRef(a, a, a, "person", "speaker" if kind == "statement" else "participant")
            for a in pick_actors(rng, rng.randint(1, 3))
        )
        place = rng.choice(PLACES)
        out.append(
            ExtractedEvent(
                type=kind,
                status=rng.choice(("occurred", "planned", "reported")),
                mentions=(MentionSpan(span[0], span[1], article.text[span[0] : span[1]], "bench.rule"),),
                date=when,
                actors=refs,
                place=PlaceRef(place, place, place) if rng.random() < 0.6 else None,
                series="geneva" if kind == "talks_round" else None,
                round=rng.randint(1, 9) if kind == "talks_round" and rng.random() < 0.5 else None,
                title_en=f"{kind} {i}",
            )
        )
    return out


def new_store(url: str) -> sessionmaker[Session]:
    engine = make_engine(url)
    upgrade(engine)
    factory = make_sessionmaker(engine)
    with session_scope(factory) as s:
        s.execute(
            insert(Actor), [{"id": a, "name_en": a, "name_ar": a, "kind": "person"} for a in actor_ids()]
        )
        s.execute(insert(Place), [{"id": p, "name_en": p, "name_ar": p, "kind": "city"} for p in PLACES])
    return factory


def fill(factory: sessionmaker[Session], n_events: int, seed: int = 7) -> None:
    """Bulk insert n_events events (one mention each, 10 per synthetic document) over five years."""
    rng = random.Random(seed)
    with session_scope(factory) as s:
        docs = [
            {
                "name": f"bulk-{i}",
                "text": "x",
                "content_hash": "0",
                "published": FIRST_DAY + timedelta(days=i % DAYS),
            }
            for i in range(n_events // 10 + 1)
        ]
        for k in range(0, len(docs), CHUNK):
            s.execute(insert(Document), docs[k : k + CHUNK])
    for k in range(0, n_events, CHUNK):
        with session_scope(factory) as s:
            _fill_chunk(s, rng, k, min(n_events, k + CHUNK))
    with session_scope(factory) as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("ANALYZE"))  # what autovacuum does to a real store after a bulk load


def _fill_chunk(s: Session, rng: random.Random, lo: int, hi: int) -> None:
    events, links, mentions = [], [], []
    for i in range(lo, hi):
        kind = rng.choice(TYPES)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        who = pick_actors(rng, rng.randint(1, 3))
        key = f"{kind}|{day}|||{','.join(who)}|{i}"
        eid = make_id(key)
        events.append(_event_row(eid, key, kind, day, rng))
        links += [{"event_id": eid, "actor_id": a, "role": "participant"} for a in who]
        mentions.append(_mention_row(eid, i // 10 + 1, kind, day, who))
    s.execute(insert(Event), events)
    s.execute(insert(EventActor), links)
    s.execute(insert(Mention), mentions)


def _event_row(eid: str, key: str, kind: str, day: date, rng: random.Random) -> dict[str, Any]:
    return {
        "id": eid,
        "identity_key": key,
        "type": kind,
        "status": "occurred",
        "date_value": day.isoformat(),
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "sort_date": day,
        "place_id": rng.choice(PLACES),
        "n_sources": 1,
    }


def _mention_row(eid: str, doc: int, kind: str, day: date, who: Sequence[str]) -> dict[str, Any]:
    return {
        "event_id": eid,
        "document_id": doc,
        "start": 0,
        "end": 1,
        "passage": "x",
        "rule": "bench.bulk",
        "type": kind,
        "status": "occurred",
        "date_value": day.isoformat(),
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "actors": [{"id": a, "role": "participant"} for a in who],
    }


def time_articles(
    stores: Sequence[sessionmaker[Session]], batch: Sequence[RawArticle], seed: int
) -> list[list[float]]:
    """Seconds per article in each store: upsert the document and integrate its accounts.

    The stores take turns article by article, so that load from other processes on the
    machine falls on every store alike and the ratio stays meaningful.
    """
    rng = random.Random(seed)
    kb = KnowledgeBase()
    out: list[list[float]] = [[] for _ in stores]
    for article in batch:
        events = accounts_for(article, rng)
        for factory, times in zip(stores, out, strict=True):
            started = time.perf_counter()
            with session_scope(factory) as s:
                doc = store.upsert_document(article, session=s, version="bench")
                merge.integrate(s, doc, events, kb)
            times.append(time.perf_counter() - started)
    return out


def _spread(batch: Sequence[RawArticle]) -> list[RawArticle]:
    """Place the corpus's articles over the big store's years, so candidates are really there."""
    out = []
    for i, a in enumerate(batch):
        published = FIRST_DAY + timedelta(days=(i * 7) % DAYS)
        out.append(RawArticle(f"b-{a.name}", a.text, a.path, published, a.lang, a.title))
    return out


def row(label: str, times: Sequence[float], base: float) -> str:
    mean = statistics.fmean(times) * 1000
    p95 = sorted(times)[int(len(times) * 0.95) - 1] * 1000
    return f"{label:<34} {len(times):>7} {mean:>9.2f} {p95:>9.2f} {mean / base:>7.2f}"


def run(label: str, urls: tuple[str, str], batch: Sequence[RawArticle], n_events: int) -> None:
    empty, big = new_store(urls[0]), new_store(urls[1])
    started = time.perf_counter()
    fill(big, n_events)
    built = time.perf_counter() - started
    small, large = time_articles([empty, big], batch, seed=11)
    for factory in (empty, big):
        factory.kw["bind"].dispose()
    base = statistics.fmean(small) * 1000
    print(
        f"{label}: {len(batch)} articles into each store; "
        f"big store bulk-built with {n_events} events in {built:.1f} s"
    )
    print(f"{'run':<34} {'articles':>7} {'mean ms':>9} {'p95 ms':>9} {'ratio':>7}")
    print(row("integrate into empty store", small, base))
    print(row(f"integrate into {n_events:,}-event store", large, base), flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=STORE_EVENTS)
    parser.add_argument("--pg", default=None, help="also run on PostgreSQL (admin URL; throwaway databases)")
    args, _ = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    batch = _spread(articles(args.articles, seed=3))
    with tempfile.TemporaryDirectory() as tmp:
        run(
            "SQLite",
            (f"sqlite:///{Path(tmp) / 'empty.db'}", f"sqlite:///{Path(tmp) / 'big.db'}"),
            batch,
            args.events,
        )
    if args.pg:
        from bench.bench_timeline import pg_throwaway

        (empty, drop_empty), (big, drop_big) = pg_throwaway(args.pg), pg_throwaway(args.pg)
        try:
            run("PostgreSQL", (empty, big), batch, args.events)
        finally:
            drop_empty()
            drop_big()


if __name__ == "__main__":
    main()
