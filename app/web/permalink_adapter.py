"""Event ids in addresses: split `<id>-<slug>`, resolve retired ids, build canonical paths.

The rules belong to `app.timeline.permalinks` (the merge side decides what a
retired id points to); this module adapts it for the routes and, until that
module is present, falls back to reading the retired-events table directly.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass
from types import ModuleType

from sqlalchemy.orm import Session

from app.models import Event, RetiredEvent

MAX_HOPS = 10  # a chain of retirements longer than this is a loop in the data


@dataclass(frozen=True)
class Resolved:
    kind: str  # found | moved | gone | unknown
    event_id: str  # the id to show (the successor when moved)


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("app.timeline.permalinks")
    except ModuleNotFoundError:
        return None


def split(part: str) -> tuple[str, str]:
    """`<id>-<slug>` -> (id, slug); a bare id gives an empty slug."""
    module = _module()
    if module is not None and hasattr(module, "split_slug"):
        found = module.split_slug(part)
        if isinstance(found, tuple):
            return str(found[0]), str(found[1] or "")
        return str(found), part[len(str(found)) + 1 :]
    event_id, _, slug = part.partition("-")
    return event_id, slug


def resolve(session: Session, event_id: str) -> Resolved:
    module = _module()
    if module is not None and hasattr(module, "resolve"):
        found = module.resolve(session, event_id)
        target = (
            getattr(found, "event_id", None)
            or getattr(found, "successor_id", None)
            or getattr(found, "target", None)
            or getattr(found, "successor", None)
            or event_id
        )
        return Resolved(str(found.kind), str(getattr(target, "id", target)))
    return _resolve_fallback(session, event_id)


def _resolve_fallback(session: Session, event_id: str) -> Resolved:
    current = event_id
    for _ in range(MAX_HOPS):
        if session.get(Event, current) is not None:
            return Resolved("found" if current == event_id else "moved", current)
        retired = session.get(RetiredEvent, current)
        if retired is None:
            return Resolved("unknown" if current == event_id else "gone", event_id)
        if retired.successor_id is None:
            return Resolved("gone", event_id)
        current = retired.successor_id
    return Resolved("gone", event_id)


def _slug_fallback(title: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def slug(event: Event) -> str:
    module = _module()
    if module is not None and hasattr(module, "slug"):
        return str(module.slug(event) or "")
    return _slug_fallback(event.title_en or "")


def path(session: Session, event_id: str) -> str:
    """The canonical address of a live event: /events/<id>-<slug> (or /events/<id>)."""
    event = session.get(Event, event_id)
    tail = slug(event) if event is not None else ""
    return f"/events/{event_id}-{tail}" if tail else f"/events/{event_id}"
