"""Permalinks: what `/events/<id>` answers, however the data changed since the link was shared.

`resolve()` follows retired ids to the living successor (chains followed, cycles
guarded); the web layer turns its answer into 200, 301, 410 or 404. `slug()` and
`split_slug()` handle the readable form `/events/<id>-<slug>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ingest.normalize import fold_text
from app.models import Event, RetiredEvent

Kind = Literal["found", "moved", "gone", "unknown"]
MAX_HOPS = 50
SLUG_WORDS = 8
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


@dataclass(frozen=True)
class Resolution:
    """found: `event_id` lives. moved: it lives under `event_id` (the successor).
    gone: retired without successor. unknown: never seen."""

    kind: Kind
    event_id: str | None
    requested: str
    reason: str | None = None  # why it was retired (the first hop's reason)


def resolve(session: Session, event_id: str) -> Resolution:
    """Where a permalink leads now."""
    if _exists(session, event_id):
        return Resolution("found", event_id, event_id)
    seen = {event_id}
    current, first_reason = event_id, None
    for _ in range(MAX_HOPS):
        row = session.execute(
            select(RetiredEvent.successor_id, RetiredEvent.reason).where(RetiredEvent.old_id == current)
        ).first()
        if row is None:
            kind: Kind = "unknown" if current == event_id else "gone"
            return Resolution(kind, None, event_id, first_reason)
        first_reason = first_reason or row.reason
        successor = row.successor_id
        if successor is None or successor in seen:
            return Resolution("gone", None, event_id, first_reason)
        if _exists(session, successor):
            return Resolution("moved", successor, event_id, first_reason)
        seen.add(successor)
        current = successor
    return Resolution("gone", None, event_id, first_reason)


def _exists(session: Session, event_id: str) -> bool:
    return session.scalar(select(Event.id).where(Event.id == event_id)) is not None


def slug(event: Event) -> str:
    """A readable tail for the address: the English title's words, else the Arabic title's."""
    title = event.title_en or fold_text(event.title_ar or "")
    words = [w for w in _NON_WORD.split(title.lower()) if w and w != "_"]
    return "-".join(words[:SLUG_WORDS])


def split_slug(path_part: str) -> str:
    """`<id>-<slug>` or `<id>` -> id (ids never contain '-')."""
    return path_part.split("-", 1)[0]


def canonical_path(event: Event) -> str:
    tail = slug(event)
    return f"/events/{event.id}-{tail}" if tail else f"/events/{event.id}"
