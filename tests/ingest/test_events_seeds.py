"""The seed articles scored by the team's scorer: the issue's floor must hold (a regression guard).

Runs segmentation, time expressions and extraction (no database, no cross-article
merge) through bench.eval_seeds and the shared scorer. Skipped when the shared
evaluation folder is not beside the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.eval_seeds import run
from tests.conftest import SEEDS, SHARED

GOLD = SHARED / "eval" / "seed_gold.yaml"
SCORER = SHARED / "eval" / "score.py"


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared evaluation files not found")
def test_seed_scores_stay_above_the_floor(tmp_path: Path) -> None:
    events, timexes = run(GOLD, SEEDS, tmp_path)
    cmd = [sys.executable, str(SCORER), str(GOLD), str(SEEDS), str(events), str(timexes), "--json"]
    scores = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    assert scores["events"]["f1"] >= 0.80, scores["events"]
    assert scores["dates"]["correct"] >= 20, scores["dates"]
    assert scores["actors_on_matched"]["f1"] >= 0.85, scores["actors_on_matched"]
    for row in map(json.loads, events.read_text(encoding="utf-8").splitlines()):
        for mention in row["mentions"]:
            text = (SEEDS / mention["document"]).read_text(encoding="utf-8-sig")
            assert text[mention["start"] : mention["end"]] == mention["text"]
