"""The `waqai` command as a script drives it: exit statuses, the summary line, the export contract."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

WAQAI = [sys.executable, "-m", "app.cli"]
SUMMARY = re.compile(r"^ingested (\d+) articles \((\d+) new, (\d+) unchanged, (\d+) failed\), (\d+) events$")
GOOD = "وقال وزير الخارجية التركي الثلاثاء إن بلاده ستشارك في اجتماع آستانة المقبل."


def waqai(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WAQAI, *args], capture_output=True, text=True, timeout=300, check=False)


def test_bad_files_are_reported_by_name_and_the_rest_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "windows.txt").write_bytes("أعلنت موسكو أمس أنها سترسل وفدا إلى جنيف.".encode("cp1256"))
    lines = [
        json.dumps({"id": "ok-1", "text": GOOD, "published": "2017-05-02"}, ensure_ascii=False),
        "{broken",
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    result = waqai("ingest", "--db", db, str(folder))
    assert result.returncode == 1, result.stderr
    for name in ("picture.txt", "empty.txt", "feed.jsonl:2"):
        assert name in result.stderr
    last = result.stdout.strip().splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, last
    assert match.groups()[:4] == ("6", "3", "0", "3")
    export = waqai("export", "--db", db, "--what", "timexes")
    assert export.returncode == 0


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'u.db'}"
    assert waqai("ingest", "--db", db).returncode == 2
    assert waqai("export", "--db", db, "--what", "nonsense").returncode == 2
    assert waqai("export", "--db", db, "--format", "xml").returncode == 2


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('cli') / 's.db'}"
    result = waqai("ingest", "--db", db, str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert SUMMARY.match(result.stdout.strip().splitlines()[-1])
    return db


def export_rows(db: str, *args: str) -> list[dict[str, object]]:
    result = waqai("export", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_event_export_fields_are_present_and_typed(seeded_file: str) -> None:
    events = export_rows(seeded_file, "--what", "events")
    assert events
    for ev in events:
        assert isinstance(ev["id"], str) and ev["url"] == f"/events/{ev['id']}"
        assert ev["type"] in {
            "talks_round",
            "meeting",
            "statement",
            "proposal",
            "agreement",
            "military",
            "report",
        }
        assert ev["status"] in {"occurred", "planned", "reported"}
        assert isinstance(ev["title"], str) and isinstance(ev["title_ar"], str)
        date = ev["date"]
        if date is not None:
            assert isinstance(date, dict)
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(/.+)?", str(date["value"]))
            assert date["precision"] in {"day", "week", "month", "year"}
            assert str(date["start"]) <= str(date["end"]) and isinstance(date["approximate"], bool)
        assert isinstance(ev["actors"], list) and isinstance(ev["mentions"], list) and ev["mentions"]
        for actor in ev["actors"]:
            assert isinstance(actor, dict) and {"id", "name", "name_ar", "aliases", "role"} <= set(actor)
        assert ev["location"] is None or {"name", "name_ar"} <= set(ev["location"])
        assert ev["round"] is None or isinstance(ev["round"], int)


def test_offsets_cut_exactly_the_passage(seeded_file: str) -> None:
    texts = {p.name: p.read_text(encoding="utf-8-sig") for p in SEEDS.glob("*.txt")}
    events = export_rows(seeded_file, "--what", "events")
    timexes = export_rows(seeded_file, "--what", "timexes")
    assert timexes
    for m in [m for ev in events for m in ev["mentions"]] + timexes:
        assert texts[m["document"]][m["start"] : m["end"]] == m["text"]


def test_export_formats(seeded_file: str, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    assert waqai("export", "--db", seeded_file, "--format", "json", "--out", str(out)).returncode == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)
    result = waqai("export", "--db", seeded_file, "--what", "actors", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"id", "name", "name_ar", "kind"} <= set(rows[0])
