"""Benchmark: actor and place recognition throughput against a per-alias loop baseline.

The recogniser compiles every folded alias and title into one trie-shaped regex per
knowledge base; the baseline is the obvious alternative, a loop over the same
folded aliases with `str.find` on each folded article (no proclitic or boundary
logic, so it does less work than ours). Both run on the same bench.corpus articles
in this process; the figure is articles per second and the ratio between them.

    .venv/bin/python -m bench actors   |   .venv/bin/python bench/bench_actors.py [--articles N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from app.ingest.actors import matchers, recognize_actors, recognize_places
from app.ingest.knowledge import KnowledgeBase, load_files, load_kb
from app.ingest.normalize import fold_text
from app.ingest.records import RawArticle
from app.ingest.timex_fold import fast_fold
from bench.corpus import articles


def _ours(kb: KnowledgeBase, docs: Sequence[RawArticle]) -> tuple[float, int]:
    started, found = time.perf_counter(), 0
    for doc in docs:
        found += len(recognize_actors(doc.text, kb, on=doc.published, lang=doc.lang))
        found += len(recognize_places(doc.text, kb, lang=doc.lang))
    return time.perf_counter() - started, found


def _alias_loop(kb: KnowledgeBase, docs: Sequence[RawArticle]) -> float:
    aliases = {fold_text(a.text) for x in kb.actors.values() for a in x.aliases_ar + x.aliases_en}
    aliases |= {fold_text(t) for r in kb.roles.values() for t in r.titles_ar + r.titles_en}
    aliases |= {fold_text(a.text) for p in kb.places.values() for a in p.aliases}
    started = time.perf_counter()
    for doc in docs:
        text = fast_fold(doc.text).text
        for alias in aliases:
            pos = text.find(alias)
            while pos >= 0:
                pos = text.find(alias, pos + 1)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv if argv is not None else [])
    docs = articles(args.articles, seed=0)
    started = time.perf_counter()
    kb = load_files(sorted(load_kb().files))
    loaded = time.perf_counter()
    matchers(kb)
    compiled = time.perf_counter()
    print(f"knowledge base: {len(kb.actors)} actors, {len(kb.roles)} roles, {len(kb.places)} places")
    print(
        f"loaded in {loaded - started:.3f} s, matchers compiled in {compiled - loaded:.3f} s (once a process)"
    )
    ours, found = _ours(kb, docs)
    theirs = _alias_loop(kb, docs)
    print(f"{'throughput':<34}{'articles':>10}{'articles/s':>14}")
    print(f"{'recognize_actors + places':<34}{len(docs):>10}{len(docs) / ours:>14.1f}   ({found} matches)")
    print(f"{'baseline: loop over aliases':<34}{len(docs):>10}{len(docs) / theirs:>14.1f}")
    print(f"ratio ours/baseline: {theirs / ours:.1f}x")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
