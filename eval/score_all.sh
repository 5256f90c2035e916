#!/usr/bin/env bash
# Ingest and score the seed articles and the held-out sets; prints the scorer's lines.
# Run from anywhere: paths are relative to the repository root. The seed gold and the
# scorer live in the shared folder next to the repository (../shared/eval). Without that
# folder the seeds are skipped; the held-out set is still ingested and exported, and
# scored if SCORER names a copy of score.py.
#
# Usage: eval/score_all.sh [SET ...]   SET: seeds, heldout, heldout2 … heldout7 (default: all there are).
# With DIAGNOSE=1 each score is followed by eval/diagnose.py's event-by-event differences.
# heldout2, heldout4 and heldout7 are kept blind: score them, never tune on their differences (heldout,
# heldout3, heldout5 and heldout6 are development sets).
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
    if [ "${DIAGNOSE:-0}" = 1 ]; then
      SCORER="$SCORER" .venv/bin/python eval/diagnose.py "$gold" "$docs" "$WORK/$name.events.jsonl"
    fi
  else
    echo "not scored: no scorer at $SCORER (set SCORER=path/to/score.py)"
  fi
}

SETS=("$@")
[ ${#SETS[@]} -gt 0 ] || SETS=(seeds heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7)

for set in "${SETS[@]}"; do
  if [ "$set" = seeds ]; then
    if [ -f "$SHARED/seed_gold.yaml" ]; then
      score seeds "$SHARED/seed_gold.yaml" seeds
    else
      echo "== seeds skipped: $SHARED is absent (the seed gold lives there)"
    fi
  elif [ -f "eval/$set/gold.yaml" ]; then
    score "$set" "eval/$set/gold.yaml" "eval/$set/articles"
  elif [ $# -gt 0 ]; then
    echo "== $set skipped: there is no eval/$set/gold.yaml"
  fi
done
