"""Benchmark: end-to-end extraction throughput (segment + time expressions + actors + events).

Runs on the same deterministic bench.corpus articles in one process, one core, timed in
CPU seconds of this process.
The baseline is sentence segmentation alone, the cheapest stage every article
goes through; each row prints articles per second and its cost as a multiple
of that baseline, so the figures compare across machines. The last row runs the
whole pipeline per article into a fresh SQLite file (store and merge included) on
the first --store articles (all 2,000 by default), one transaction per article, as
`waqai ingest` runs it; with --db (default: $WAQAI_TEST_DATABASE_URL) the same into a
throwaway PostgreSQL database. CPU time of this process only: the database server's
own work is not counted in the PostgreSQL row.

    .venv/bin/python -m bench extract   |   .venv/bin/python bench/bench_extract.py [--articles N] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app.db import make_engine, make_sessionmaker, session_scope
from app.ingest import events, pipeline, segment, store, timex
from app.ingest.actors import matchers, recognize_actors
from app.ingest.event_rules import rules
from app.ingest.knowledge import KnowledgeBase, load_kb
from app.ingest.records import RawArticle
from bench.corpus import articles


def _timed(docs: Sequence[RawArticle], step: Callable[[RawArticle], int]) -> tuple[float, int]:
    # CPU time of this process: the machine is shared, wall time would measure the neighbours
    started, found = time.process_time(), 0
    for doc in docs:
        found += step(doc)
    return time.process_time() - started, found


def _into_store(kb: KnowledgeBase, url: str) -> Callable[[RawArticle], int]:
    """The whole pipeline per article (analysis, store, merge), each in its own transactions."""
    from app.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    factory = make_sessionmaker(engine)
    with session_scope(factory) as session:
        store.sync_knowledge_base(kb, session=session)
    version = store.extractor_version()

    def step(doc: RawArticle) -> int:
        pipeline.ingest_article(doc, kb, factory=factory, version=version)
        return 1

    return step


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    # storing and merging dominate the pipeline's cost and grow with the store: a smaller sample
    parser.add_argument("--store", type=int, default=2000, help="articles run through the whole pipeline")
    parser.add_argument(
        "--db",
        default=os.environ.get("WAQAI_TEST_DATABASE_URL"),
        help="PostgreSQL admin URL: also run the whole pipeline into a throwaway database there",
    )
    args = parser.parse_args(argv if argv is not None else [])
    docs = articles(args.articles, seed=0)
    kb = load_kb()
    matchers(kb)  # compiled once a process, as in `waqai ingest`
    rules("ar"), rules("en")

    def full(doc: RawArticle) -> int:
        found = timex.tag(doc.text, doc.published, doc.lang)
        return len(events.extract(doc, found, kb))

    rows = [
        ("baseline: segment.sentences", lambda d: len(segment.sentences(d.text, d.lang))),
        ("timex.tag", lambda d: len(timex.tag(d.text, d.published, d.lang))),
        ("recognize_actors", lambda d: len(recognize_actors(d.text, kb, on=d.published, lang=d.lang))),
        ("events.extract (given timexes)", None),
        ("end to end: timex + events", full),
    ]
    folder = Path(tempfile.mkdtemp(prefix="waqai-bench-"))
    stored = docs[: args.store]
    rows.append((f"into SQLite (first {len(stored)})", _into_store(kb, f"sqlite:///{folder / 'bench.db'}")))
    drop = None
    if args.db:
        from bench.bench_timeline import pg_throwaway

        url, drop = pg_throwaway(args.db)
        rows.append((f"into PostgreSQL (first {len(stored)})", _into_store(kb, url)))
    tagged = {id(d): timex.tag(d.text, d.published, d.lang) for d in docs}
    base = None
    print(f"{'stage':<34}{'articles':>10}{'articles/s':>14}{'x baseline':>12}   found")
    for name, step in rows:
        if step is None:

            def step(d: RawArticle) -> int:
                return len(events.extract(d, tagged[id(d)], kb))

        batch = stored if name.startswith("into ") else docs
        seconds, found = _timed(batch, step)
        per_article = seconds / len(batch)
        base = base or per_article
        print(f"{name:<34}{len(batch):>10}{1 / per_article:>14.1f}{per_article / base:>12.1f}   {found}")
    if drop is not None:
        drop()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
