#!/usr/bin/env bash
# Ingest and score the seed articles and the held-out sets; prints the scorer's lines.
# Run from anywhere: paths are relative to the repository root. The seed gold and the
# scorer live in the shared folder next to the repository (../shared/eval). Without that
# folder the seeds are skipped; the held-out set is still ingested and exported, and
# scored if SCORER names a copy of score.py.
set -euo pipefail
cd "$(dirname "$0")/.."

WAQAI="${WAQAI:-.venv/bin/waqai}"
SHARED="../shared/eval"
SCORER="${SCORER:-$SHARED/score.py}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# score NAME GOLD DOCS: ingest DOCS into a fresh SQLite file, export events and timexes, score.
score() {
  local name="$1" gold="$2" docs="$3" db="$WORK/$1.db"
  echo "== $name ($docs against $gold)"
  "$WAQAI" ingest --db "sqlite:///$db" "$docs"
  "$WAQAI" export --db "sqlite:///$db" --out "$WORK/$name.events.jsonl"
  "$WAQAI" export --db "sqlite:///$db" --what timexes --out "$WORK/$name.timexes.jsonl"
  if [ -f "$SCORER" ]; then
    python3 "$SCORER" "$gold" "$docs" "$WORK/$name.events.jsonl" "$WORK/$name.timexes.jsonl"
  else
    echo "not scored: no scorer at $SCORER (set SCORER=path/to/score.py)"
  fi
}

if [ -f "$SHARED/seed_gold.yaml" ]; then
  score seeds "$SHARED/seed_gold.yaml" seeds
else
  echo "== seeds skipped: $SHARED is absent (the seed gold lives there)"
fi
score heldout eval/heldout/gold.yaml eval/heldout/articles
if [ -d eval/heldout2 ]; then
  score heldout2 eval/heldout2/gold.yaml eval/heldout2/articles
fi
