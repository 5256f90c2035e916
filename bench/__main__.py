"""`make bench`: run every bench/bench_*.py module's main() in turn.

Each benchmark prints its figures as ratios against a baseline measured in the same run.
`python -m bench NAME` runs only bench_NAME.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    if argv:
        names = [n for n in names if n.removeprefix("bench_") in argv or n in argv]
    failed = 0
    for name in names:
        print(f"\n== {name} ==", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            failed += 1
            print(f"{name} failed: {type(exc).__name__}: {exc}", flush=True)
        print(f"({name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
