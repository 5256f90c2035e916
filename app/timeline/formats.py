"""Streaming serialisers of contract event dicts: CSV, JSON, JSON Lines, iCalendar, TimelineJS.

Each takes an iterable of the dicts `app.timeline.contract` builds and yields
text chunks, so an export of 100,000 events never sits in memory whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from html import escape
from typing import Any

FORMATS = ("csv", "json", "jsonl", "ics", "timelinejs")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "ics": "text/calendar; charset=utf-8",
    "timelinejs": "application/json",
}
EXTENSIONS = {"csv": "csv", "json": "json", "jsonl": "jsonl", "ics": "ics", "timelinejs": "timeline.json"}
CSV_COLUMNS = (
    "id", "url", "type", "status", "title", "title_ar", "date", "date_start", "date_end",
    "precision", "approximate", "actors", "actor_ids", "location", "series", "round",
    "documents", "n_mentions",
)  # fmt: skip
ICS_LINE_OCTETS = 75  # RFC 5545 3.1: fold lines longer than 75 octets
ICS_STATUS = {"occurred": "CONFIRMED", "planned": "TENTATIVE", "reported": "CONFIRMED"}

Row = dict[str, Any]


def stream(fmt: str, rows: Iterable[Row], *, base_url: str = "") -> Iterator[str]:
    """Chunks of `rows` in format `fmt` (one of FORMATS)."""
    writers: dict[str, Callable[[Iterable[Row], str], Iterator[str]]] = {
        "csv": csv_chunks,
        "json": json_chunks,
        "jsonl": jsonl_chunks,
        "ics": ics_chunks,
        "timelinejs": timelinejs_chunks,
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return writers[fmt](rows, base_url)


def _absolute(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + url if base_url else url


def jsonl_chunks(rows: Iterable[Row], base_url: str = "") -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def json_chunks(rows: Iterable[Row], base_url: str = "") -> Iterator[str]:
    yield "["
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def csv_row(row: Row, base_url: str = "") -> list[str]:
    """One event as flat cells: lists joined with '; ', nested values spelled out."""
    when = row.get("date") or {}
    place = row.get("location") or {}
    actors = row.get("actors") or []
    mentions = row.get("mentions") or []
    cells = {
        "id": row["id"],
        "url": _absolute(base_url, row.get("url", "")),
        "type": row.get("type"),
        "status": row.get("status"),
        "title": row.get("title"),
        "title_ar": row.get("title_ar"),
        "date": when.get("value"),
        "date_start": when.get("start"),
        "date_end": when.get("end"),
        "precision": when.get("precision"),
        "approximate": "true" if when.get("approximate") else ("false" if when else ""),
        "actors": "; ".join(a.get("name") or "" for a in actors),
        "actor_ids": "; ".join(a["id"] for a in actors),
        "location": place.get("name"),
        "series": row.get("series"),
        "round": row.get("round"),
        "documents": "; ".join(dict.fromkeys(m["document"] for m in mentions)),
        "n_mentions": len(mentions),
    }
    return ["" if cells[c] is None else str(cells[c]) for c in CSV_COLUMNS]


def csv_chunks(rows: Iterable[Row], base_url: str = "") -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + take()  # a BOM so spreadsheet programs read Arabic as UTF-8
    for row in rows:
        writer.writerow(csv_row(row, base_url))
        yield take()


def ics_escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character; CRLF-terminated."""
    parts: list[str] = []
    current, size = "", 0
    limit = ICS_LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = " ", 1  # continuation lines start with one space
        current += ch
        size += width
    parts.append(current)
    return "\r\n".join(parts) + "\r\n"


def _ics_span(row: Row) -> tuple[date, date] | None:
    """First day and the day after the last (DTEND is exclusive for all-day entries)."""
    when = row.get("date") or {}
    if not when.get("start"):
        return None
    start = date.fromisoformat(when["start"])
    end = date.fromisoformat(when.get("end") or when["start"])
    return start, max(end, start) + timedelta(days=1)


def ics_event(row: Row, base_url: str, stamp: str) -> list[str]:
    """The content lines of one VEVENT (unfolded), or none for an undated event."""
    span = _ics_span(row)
    if span is None:
        return []
    when = row["date"]
    title = row.get("title") or row.get("title_ar") or row["id"]
    if when.get("approximate"):
        title += " (approximate date)"
    actors = ", ".join(a.get("name") or a["id"] for a in row.get("actors") or [])
    description = "\n".join(
        part
        for part in (
            row.get("title_ar") or "",
            f"{row.get('type')} · {row.get('status')} · {when.get('value')} ({when.get('precision')})",
            f"Actors: {actors}" if actors else "",
            f"Sources: {len(row.get('mentions') or [])}",
        )
        if part
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{row['id']}@waqai",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{span[0]:%Y%m%d}",
        f"DTEND;VALUE=DATE:{span[1]:%Y%m%d}",
        f"SUMMARY:{ics_escape(title)}",
        f"DESCRIPTION:{ics_escape(description)}",
        f"CATEGORIES:{ics_escape(str(row.get('type')))}",
        f"STATUS:{ICS_STATUS.get(str(row.get('status')), 'CONFIRMED')}",
        "TRANSP:TRANSPARENT",
    ]
    if row.get("location"):
        lines.append(f"LOCATION:{ics_escape(row['location'].get('name') or '')}")
    if row.get("url"):
        lines.append(f"URL:{_absolute(base_url, row['url'])}")
    lines.append("END:VEVENT")
    return lines


def ics_chunks(rows: Iterable[Row], base_url: str = "") -> Iterator[str]:
    """A calendar of the dated events; events without a date of their own are left out."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Waqai//Timeline export//EN", "CALSCALE:GREGORIAN"]
    yield "".join(ics_fold(line) for line in head)
    for row in rows:
        lines = ics_event(row, base_url, stamp)
        if lines:
            yield "".join(ics_fold(line) for line in lines)
    yield ics_fold("END:VCALENDAR")


def timeline_date(iso: str, precision: str | None) -> dict[str, str]:
    """A TimelineJS date object holding only the parts the precision supports."""
    day = date.fromisoformat(iso)
    parts = {"year": str(day.year)}
    if precision in ("month", "week", "day", None):
        parts["month"] = str(day.month)
    if precision in ("week", "day", None):
        parts["day"] = str(day.day)
    return parts


def timelinejs_event(row: Row, base_url: str = "") -> Row | None:
    when = row.get("date") or {}
    if not when.get("start"):
        return None
    precision = when.get("precision")
    slide: Row = {
        "unique_id": row["id"],
        "start_date": timeline_date(when["start"], precision),
        "text": {"headline": row.get("title") or row.get("title_ar") or row["id"], "text": _slide_text(row)},
        "group": row.get("type"),
    }
    if when.get("end") and (when["end"] != when["start"] or precision in ("week", "month", "year")):
        slide["end_date"] = timeline_date(when["end"], "day" if precision == "week" else precision)
    if row.get("url"):
        slide["text"]["text"] += f' <a href="{escape(_absolute(base_url, row["url"]))}">permalink</a>'
    return slide


def _slide_text(row: Row) -> str:
    """Slide body: HTML-escaped, because TimelineJS renders it as HTML."""
    bits = [row.get("title_ar") or "", ", ".join(a.get("name") or "" for a in row.get("actors") or [])]
    mentions = row.get("mentions") or []
    if mentions:
        bits.append(f"“{mentions[0].get('text', '')}” ({mentions[0].get('document', '')})")
    return "<br>".join(escape(b) for b in bits if b)


def timelinejs_chunks(rows: Iterable[Row], base_url: str = "") -> Iterator[str]:
    """A TimelineJS3 JSON document; undated events are left out (TimelineJS needs a start)."""
    yield '{"title": {"text": {"headline": "Waqai timeline", "text": ""}}, "events": ['
    first = True
    for row in rows:
        slide = timelinejs_event(row, base_url)
        if slide is None:
            continue
        yield ("" if first else ",") + "\n" + json.dumps(slide, ensure_ascii=False)
        first = False
    yield "\n]}\n"
