"""Benchmark: the rule-based time tagger against dateparser.search_dates, same articles, same run.

Throughput: app.ingest.timex.tag on every article of bench.corpus.articles(N) (default 2,000),
and dateparser.search_dates (anchored on the same publication dates) on an evenly spaced
sample of them (default 200: dateparser is slow), scaled to articles per second; the ratio
is tagger/dateparser. Accuracy: both on the seed articles' reference time expressions
(seed_gold.yaml, read the way the project's scorer reads it: a reference expression is
right when a found one overlaps it with the exact value).

    .venv/bin/python -m bench timex   |   .venv/bin/python bench/bench_timex.py [--articles N] [--sample K]
"""

from __future__ import annotations

import argparse
import os
import re
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from app.ingest.records import RawArticle
from app.ingest.timex import tag
from bench.corpus import articles

ROOT = Path(__file__).resolve().parent.parent
GOLD_ENV = "WAQAI_SEED_GOLD"
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "seed_gold.yaml"
_WS = re.compile(r"\s+")

Found = list[tuple[int, int, str]]  # (start, end, value) in the article's text


def tagger_found(text: str, published: date | None, lang: str) -> Found:
    return [(t.start, t.end, t.value) for t in tag(text, published, lang) if t.value]


def dateparser_found(text: str, published: date | None, lang: str) -> Found:
    """search_dates' hits located in the text in order (it returns substrings, not offsets)."""
    from dateparser.search import search_dates

    base = datetime.combine(published or date.today(), datetime.min.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        hits = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or []
    found: Found = []
    pos = 0
    for sub, when in hits:
        k = text.find(sub, pos)
        if k < 0:
            k = text.find(sub)
        if k >= 0:
            found.append((k, k + len(sub), when.date().isoformat()))
            pos = k + len(sub)
    return found


def throughput(fn: Callable[[str, date | None, str], Any], docs: Sequence[RawArticle]) -> float:
    """Articles per CPU second (the machine is shared: wall time would also measure the neighbours)."""
    started = time.process_time()
    for a in docs:
        fn(a.text, a.published, a.lang)
    return len(docs) / max(time.process_time() - started, 1e-9)


@dataclass
class Accuracy:
    gold: int = 0
    correct: int = 0
    outside: int = 0  # calendar values on no reference expression
    traps: int = 0  # numbers that are not dates, taken as dates


def _collapsed(text: str) -> tuple[str, list[int]]:
    out, idx, prev_space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace() and prev_space:
            continue
        prev_space = ch.isspace()
        out.append(" " if prev_space else ch)
        idx.append(i)
    idx.append(len(text))
    return "".join(out), idx


def _locate(text: str, needle: str, context: str | None, occurrence: int) -> tuple[int, int] | None:
    flat, idx = _collapsed(text)
    needle = _WS.sub(" ", needle)
    base, k = 0, -1
    if context:
        base = flat.find(_WS.sub(" ", context))
        k = flat[base:].find(needle) if base >= 0 else -1
    else:
        for _ in range(occurrence + 1):
            k = flat.find(needle, k + 1)
    if k < 0:
        return None
    return idx[base + k], idx[base + k + len(needle) - 1] + 1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _score_doc(acc: Accuracy, text: str, doc: dict[str, Any], found: Found) -> None:
    spans: list[tuple[int, int]] = []
    seen: dict[tuple[str, str | None], int] = {}
    for x in doc.get("timexes") or []:
        acc.gold += 1
        key = (x["text"], x.get("context"))
        span = _locate(text, x["text"], x.get("context"), seen.get(key, 0))
        seen[key] = seen.get(key, 0) + 1
        if span:
            spans.append(span)
            acc.correct += any(_overlaps(span, f[:2]) and f[2] == str(x["value"]) for f in found)
    acc.outside += sum(1 for f in found if not any(_overlaps(f[:2], s) for s in spans))
    for trap in doc.get("not_timex") or []:
        trap_span = _locate(text, str(trap), None, 0)
        acc.traps += trap_span is not None and any(_overlaps(trap_span, f[:2]) for f in found)


def seed_accuracy(fn: Callable[[str, date | None, str], Found], gold_path: Path) -> Accuracy:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    seeds = ROOT / "seeds"
    acc = Accuracy()
    for doc in gold["documents"]:
        text = (seeds / doc["file"]).read_text(encoding="utf-8-sig")
        _score_doc(acc, text, doc, fn(text, doc.get("published"), "ar"))
    return acc


def _print_accuracy(gold_path: Path) -> None:
    if not gold_path.exists():
        print(f"seed accuracy skipped: no reference file (set {GOLD_ENV})")
        return
    print(f"{'seed timexes':<28}{'correct':>10}{'outside gold':>14}{'number traps':>14}")
    for name, fn in (("waqai timex.tag", tagger_found), ("dateparser.search_dates", dateparser_found)):
        acc = seed_accuracy(fn, gold_path)
        print(f"{name:<28}{f'{acc.correct}/{acc.gold}':>10}{acc.outside:>14}{acc.traps:>14}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--sample", type=int, default=200, help="articles dateparser is timed on")
    args = parser.parse_args(argv if argv is not None else [])
    docs = articles(args.articles)
    step = max(1, len(docs) // max(1, args.sample))
    sample = docs[::step][: args.sample]
    started = time.perf_counter()
    tag(docs[0].text, docs[0].published, docs[0].lang)  # load and compile the rules once
    print(f"rules loaded and compiled in {time.perf_counter() - started:.3f} s (once per process)")
    for lang in ("ar", "en"):  # dateparser loads its language data on first use: not part of the race
        warm = next((a for a in docs if a.lang == lang), docs[0])
        dateparser_found(warm.text, warm.published, warm.lang)
    ours = throughput(tagger_found, docs)
    theirs = throughput(dateparser_found, sample)
    print(f"{'throughput (CPU time)':<28}{'articles':>10}{'articles/s':>14}")
    print(f"{'waqai timex.tag':<28}{len(docs):>10}{ours:>14.1f}")
    note = "(timed on an evenly spaced sample of the same articles)"
    print(f"{'dateparser.search_dates':<28}{len(sample):>10}{theirs:>14.1f}   {note}")
    print(f"ratio tagger/dateparser: {ours / theirs:.1f}x")
    _print_accuracy(Path(os.environ.get(GOLD_ENV, DEFAULT_GOLD)))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
