"""The README's set-up cannot drift: its two commands exist and the steps they run work."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def setup_commands() -> list[str]:
    block = re.search(r"## Set up and run.*?```sh\n(.*?)```", README, re.S)
    assert block, "README lost its set-up block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def make_steps(target: str) -> list[str]:
    """The shell lines `make -n` would run for `target` on an installed checkout."""
    out = subprocess.run(
        ["make", "-n", "--always-make", target, "VENV=" + str(BIN.parent)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if line and not line.startswith(("make", "touch"))]


def test_readme_names_exactly_the_two_commands() -> None:
    assert setup_commands() == ["make run", "make test"]
    for target in ("run", "test"):
        assert re.search(rf"^{target}:", MAKEFILE, re.M)


def test_make_test_runs_lint_and_pytest() -> None:
    steps = " ".join(make_steps("test"))
    assert "ruff check" in steps and "pytest" in steps and "pip install" in steps


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_make_run_steps_migrate_ingest_and_serve(tmp_path: Path) -> None:
    steps = make_steps("run")
    assert any("waqai db upgrade" in s for s in steps)
    assert any("waqai ingest seeds" in s for s in steps)
    assert any("waqai serve" in s for s in steps)
    db = f"sqlite:///{tmp_path / 'readme.db'}"
    waqai = str(BIN / "waqai")
    subprocess.run([waqai, "db", "upgrade", "--db", db], cwd=ROOT, check=True, capture_output=True)
    ingest = subprocess.run([waqai, "ingest", "--db", db, "seeds"], cwd=ROOT, capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    port = free_port()
    server = subprocess.Popen(
        [waqai, "serve", "--db", db, "--port", str(port)], cwd=ROOT, stderr=subprocess.PIPE
    )
    try:
        body = ""
        for _ in range(100):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert body, "server never answered /healthz"
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
        assert "/events/" in page
    finally:
        server.terminate()
        server.wait(timeout=10)
