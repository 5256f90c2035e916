"""`waqai export`: the store's events, time expressions or actors in a file format."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Event
from app.timeline.contract import iter_actor_dicts, iter_event_dicts, iter_timex_dicts

WHATS = ("events", "timexes", "actors")
FORMATS = ("jsonl", "json", "csv", "ics", "timelinejs")


class ExportError(ValueError):
    """A usage error: unknown --what or --format, or a bad filter."""


def _events(session: Session, params: dict[str, Any]) -> Iterator[Event]:
    stmt = select(Event).order_by(Event.sort_date.desc(), Event.id.desc())
    return iter(session.scalars(stmt.execution_options(yield_per=500)))


def _write_jsonl(rows: Iterable[dict[str, Any]], fh: IO[str]) -> None:
    for row in rows:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_json(rows: Iterable[dict[str, Any]], fh: IO[str]) -> None:
    fh.write("[")
    for i, row in enumerate(rows):
        fh.write(("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False))
    fh.write("\n]\n")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_csv(rows: Iterable[dict[str, Any]], fh: IO[str]) -> None:
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _flat(v) for k, v in row.items()})


def write_export(session: Session, *, what: str, fmt: str, params: dict[str, Any], out: Path | None) -> None:
    if what not in WHATS:
        raise ExportError(f"--what must be one of {', '.join(WHATS)}, not {what!r}")
    if fmt not in FORMATS:
        raise ExportError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt in ("ics", "timelinejs") and what != "events":
        raise ExportError(f"--format {fmt} is for events only")
    rows: Iterable[dict[str, Any]]
    if what == "events":
        rows = iter_event_dicts(_events(session, params), session=session)
    elif what == "timexes":
        rows = iter_timex_dicts(session=session)
    else:
        rows = iter_actor_dicts(session=session)
    writers = {"jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv}
    if out is None:
        writers[fmt](rows, sys.stdout)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writers[fmt](rows, fh)
