"""`waqai export`: the store's events (filtered like the timeline), time expressions or actors."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from app.timeline import formats
from app.timeline.contract import iter_actor_dicts, iter_event_dicts, iter_timex_dicts
from app.timeline.filters import FilterError, parse_filters
from app.timeline.queries import iter_events

WHATS = ("events", "timexes", "actors")
EVENT_ONLY = ("ics", "timelinejs")


class ExportError(ValueError):
    """A usage error: unknown --what or --format, or a bad filter."""


def _rows(session: Session, what: str, params: dict[str, Any]) -> Iterable[dict[str, Any]]:
    if what == "timexes":
        return iter_timex_dicts(session=session)
    if what == "actors":
        return iter_actor_dicts(session=session)
    given = {k: v for k, v in params.items() if v not in (None, [], "")}
    try:
        filters = parse_filters(given)
    except FilterError as exc:
        raise ExportError(f"--{exc.param}: {exc.message}") from exc
    return iter_event_dicts(iter_events(session, filters), session=session)


def _flat_csv(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Time expressions and actors are flat records: one column per key."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(
                buffer, fieldnames=list(row), extrasaction="ignore", lineterminator="\r\n"
            )
            writer.writeheader()
        writer.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()}
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _chunks(fmt: str, what: str, rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    if what != "events" and fmt == "csv":
        return _flat_csv(rows)
    return formats.stream(fmt, rows)


def write_export(session: Session, *, what: str, fmt: str, params: dict[str, Any], out: Path | None) -> None:
    if what not in WHATS:
        raise ExportError(f"--what must be one of {', '.join(WHATS)}, not {what!r}")
    if fmt not in formats.FORMATS:
        raise ExportError(f"--format must be one of {', '.join(formats.FORMATS)}, not {fmt!r}")
    if fmt in EVENT_ONLY and what != "events":
        raise ExportError(f"--format {fmt} is for events only")
    chunks = _chunks(fmt, what, _rows(session, what, params))
    if out is None:
        _write(chunks, sys.stdout)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        _write(chunks, fh)


def _write(chunks: Iterable[str], fh: IO[str]) -> None:
    for chunk in chunks:
        fh.write(chunk)
