"""Timeline cards and their year / month / day headers, ready for templates.

Templates receive finished strings and links: the date already written at its
precision, the actor chips already linked, the headers already placed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.timeline.views import EventView
from app.web.dates import date_text
from app.web.i18n import Translator


@dataclass(frozen=True)
class Chip:
    href: str
    name: str
    role: str


@dataclass(frozen=True)
class Card:
    id: str
    href: str
    type: str
    type_label: str
    status: str
    date: str | None
    date_iso: str
    approximate: bool
    title: str
    chips: tuple[Chip, ...]
    place: str | None
    n_sources: int


@dataclass(frozen=True)
class Header:
    level: int  # 2 year, 3 month, 4 day: also the heading tag
    label: str
    key: str  # the period as an ISO prefix (2016, 2016-07, 2016-07-14), or "" for undated


def actor_name(name_en: str, name_ar: str, lang: str) -> str:
    return (name_ar or name_en) if lang == "ar" else (name_en or name_ar)


def place_name(event: EventView, lang: str) -> str | None:
    if event.place is None:
        return None
    return actor_name(event.place.name_en, event.place.name_ar, lang)


def card(event: EventView, t: Translator) -> Card:
    chips = tuple(
        Chip(f"/actors/{a.id}", actor_name(a.name_en, a.name_ar, t.lang), a.role) for a in event.actors
    )
    written = date_text(event.date_precision, event.date_start, event.date_end, t)
    # No date of its own: show where the timeline placed it (its source's
    # publication day), marked approximate, rather than nothing.
    placed = written is None and event.sort_date is not None
    shown = event.date_start or event.sort_date
    return Card(
        id=event.id,
        href=f"/events/{event.id}",
        type=event.type,
        type_label=t(f"type_{event.type}"),
        status=event.status,
        date=date_text("day", event.sort_date, None, t) if placed else written,
        date_iso=shown.isoformat() if shown else "",
        approximate=event.date_approximate or placed,
        title=event.title(t.lang),
        chips=chips,
        place=place_name(event, t.lang),
        n_sources=event.n_sources,
    )


def _period_keys(event: EventView) -> list[str]:
    """The headers an event sits under: as deep as its date is precise."""
    day = event.sort_date
    if day is None:
        return [""]
    keys = [f"{day.year:04d}"]
    # A month- or year-precise event is not pinned to a day; an event placed by
    # its source's publication date (approximate) is shown under that day.
    if event.date_precision in (None, "day", "week") or event.date_approximate:
        keys += [f"{day.year:04d}-{day.month:02d}", day.isoformat()]
    elif event.date_precision == "month":
        keys.append(f"{day.year:04d}-{day.month:02d}")
    return keys


def _header(key: str, t: Translator) -> Header:
    if not key:
        return Header(2, t("undated"), "")
    if len(key) == 4:
        return Header(2, key, key)
    if len(key) == 7:
        return Header(3, f"{t.month(int(key[5:]))} {key[:4]}", key)
    day = date.fromisoformat(key)
    return Header(4, f"{day.day} {t.month(day.month)} {day.year}", key)


def grouped(events: Sequence[EventView], t: Translator, *, after: date | None = None) -> list[Header | Card]:
    """Cards with a header wherever the year, month or day changes.

    `after` is the previous page's last date, so "older events" appended by
    htmx do not repeat the headers already on screen.
    """
    open_keys: list[str] = []
    if after is not None:
        open_keys = [f"{after.year:04d}", f"{after.year:04d}-{after.month:02d}", after.isoformat()]
    items: list[Header | Card] = []
    for event in events:
        keys = _period_keys(event)
        for depth, key in enumerate(keys):
            if depth >= len(open_keys) or open_keys[depth] != key:
                items.append(_header(key, t))
        open_keys = keys
        items.append(card(event, t))
    return items
