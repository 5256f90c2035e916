"""Benchmark: end-to-end extraction throughput (segment + time expressions + actors + events).

Runs on the same deterministic bench.corpus articles in one process, one core, timed in
CPU seconds of this process.
The baseline is sentence segmentation alone, the cheapest stage every article
goes through; each row prints articles per second and its cost as a multiple
of that baseline, so the figures compare across machines. The "into" rows run the
whole pipeline (store and merge included) on the first --store articles (all 2,000 by
default) into a fresh SQLite file: first as `waqai ingest` runs it (pipeline.BATCH articles
a transaction, a savepoint each), then one transaction per article; with --db (default:
$WAQAI_TEST_DATABASE_URL) the same into a throwaway PostgreSQL database. CPU time of this
process only: the database server's own work is not counted in the PostgreSQL rows. Before
those rows each backend stores the corpus's last 100 articles into a scratch store, untimed.

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

Step = Callable[[Sequence[RawArticle]], int]
WARM = 100


def _timed(docs: Sequence[RawArticle], step: Step) -> tuple[float, int]:
    # CPU time of this process: the machine is shared, wall time would measure the neighbours
    started = time.process_time()
    found = step(docs)
    return time.process_time() - started, found


def _each(step: Callable[[RawArticle], int]) -> Step:
    return lambda docs: sum(step(d) for d in docs)


def _into_store(kb: KnowledgeBase, url: str, *, batched: bool) -> Step:
    """The whole pipeline (analysis, store, merge) into a fresh store: as `waqai ingest` runs it
    (batched), or one transaction per article."""
    from app.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    factory = make_sessionmaker(engine)
    with session_scope(factory) as session:
        store.sync_knowledge_base(kb, session=session)
    version = store.extractor_version()

    def run(docs: Sequence[RawArticle]) -> int:
        if batched:
            report = pipeline.IngestReport()
            pipeline.ingest_articles(docs, kb, factory=factory, version=version, report=report)
            return report.stored
        for doc in docs:
            pipeline.ingest_article(doc, kb, factory=factory, version=version)
        return len(docs)

    return run


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

    tagged = {id(d): timex.tag(d.text, d.published, d.lang) for d in docs}
    rows: list[tuple[str, Step]] = [
        ("baseline: segment.sentences", _each(lambda d: len(segment.sentences(d.text, d.lang)))),
        ("timex.tag", _each(lambda d: len(timex.tag(d.text, d.published, d.lang)))),
        ("recognize_actors", _each(lambda d: len(recognize_actors(d.text, kb, on=d.published, lang=d.lang)))),
        ("events.extract (given timexes)", _each(lambda d: len(events.extract(d, tagged[id(d)], kb)))),
        ("end to end: timex + events", _each(full)),
    ]
    folder = Path(tempfile.mkdtemp(prefix="waqai-bench-"))
    stored = docs[: args.store]
    n = len(stored)
    # Each backend first stores the corpus's last WARM articles into a scratch store, untimed:
    # the statements' few shapes are compiled once a process, and whichever row ran first
    # would otherwise pay for all of them.
    warm = docs[-WARM:]
    _into_store(kb, f"sqlite:///{folder / 'warm.db'}", batched=True)(warm)
    for i, (how, batched) in enumerate((("", True), (", commit each", False))):
        url = f"sqlite:///{folder / f'bench{i}.db'}"
        rows.append((f"into SQLite{how} (first {n})", _into_store(kb, url, batched=batched)))
    drops = []
    if args.db:
        from bench.bench_timeline import pg_throwaway

        url, drop = pg_throwaway(args.db)
        drops.append(drop)
        _into_store(kb, url, batched=True)(warm)
        for how, batched in (("", True), (", commit each", False)):
            url, drop = pg_throwaway(args.db)
            drops.append(drop)
            rows.append((f"into PostgreSQL{how} (first {n})", _into_store(kb, url, batched=batched)))
    base = None
    print(f"{'stage':<40}{'articles':>10}{'articles/s':>14}{'x baseline':>12}   found")
    for name, step in rows:
        batch = stored if name.startswith("into ") else docs
        seconds, found = _timed(batch, step)
        per_article = seconds / len(batch)
        base = base or per_article
        print(f"{name:<40}{len(batch):>10}{1 / per_article:>14.1f}{per_article / base:>12.1f}   {found}")
    for drop in drops:
        drop()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
