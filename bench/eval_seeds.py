"""Run segmentation, time expressions and event extraction on annotated articles and score them.

usage: python -m bench.eval_seeds GOLD.yaml DOCS_DIR [--score SCORE.py] [--out DIR]

Publication dates come from the gold file's `documents[].published`. Writes
contract-shaped `events.jsonl` and `timexes.jsonl` into DIR (default: a fresh
temporary folder) and, with --score, runs the scorer on them. This measures the
extractor alone, before the store and the cross-article merge.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.ingest import events, timex
from app.ingest.knowledge import load_kb
from app.ingest.records import ActorRef, DateValue, ExtractedEvent, RawArticle


def _date(value: DateValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "value": value.value,
        "start": value.start.isoformat(),
        "end": value.end.isoformat(),
        "precision": value.precision,
    }


def _actor(ref: ActorRef) -> dict[str, Any]:
    return {"name": ref.name_en, "name_ar": ref.name_ar, "aliases": list(ref.aliases), "role": ref.role}


def event_row(doc: str, n: int, ev: ExtractedEvent) -> dict[str, Any]:
    return {
        "id": f"{doc}#{n}",
        "type": ev.type,
        "status": ev.status,
        "title": ev.title_en,
        "title_ar": ev.title_ar,
        "date": _date(ev.date),
        "actors": [_actor(a) for a in ev.actors],
        "location": {"name": ev.place.name_en, "name_ar": ev.place.name_ar} if ev.place else None,
        "series": ev.series,
        "round": ev.round,
        "mentions": [
            {"document": doc, "start": m.start, "end": m.end, "text": m.text, "rule": m.rule}
            for m in ev.mentions
        ],
    }


def run(gold_path: Path, docs: Path, out: Path) -> tuple[Path, Path]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    kb = load_kb()
    ev_rows, tx_rows = [], []
    for doc in gold["documents"]:
        text = (docs / doc["file"]).read_text(encoding="utf-8-sig")
        published = doc.get("published")
        published = published if isinstance(published, date) else None
        article = RawArticle(doc["file"], text, str(docs / doc["file"]), published)
        found = timex.tag(text, published, "ar")
        tx_rows += [
            {"document": doc["file"], "start": t.start, "end": t.end, "text": t.text, "value": t.value}
            for t in found
        ]
        for n, ev in enumerate(events.extract(article, found, kb)):
            ev_rows.append(event_row(doc["file"], n, ev))
    out.mkdir(parents=True, exist_ok=True)
    ev_path, tx_path = out / "events.jsonl", out / "timexes.jsonl"
    ev_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ev_rows), encoding="utf-8")
    tx_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in tx_rows), encoding="utf-8")
    return ev_path, tx_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--score", type=Path, help="the scorer script to run on the output")
    parser.add_argument("--out", type=Path, help="where to write events.jsonl and timexes.jsonl")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="waqai-eval-"))
    ev_path, tx_path = run(args.gold, args.docs, out)
    print(f"wrote {ev_path} and {tx_path}")
    if args.score:
        cmd = [sys.executable, str(args.score), str(args.gold), str(args.docs), str(ev_path), str(tx_path)]
        return subprocess.call(cmd)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
