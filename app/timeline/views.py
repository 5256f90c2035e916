"""Read-only views of the store that pages, the API and exports render.

Plain frozen dataclasses, built from rows once per request, so templates never
touch a lazy relationship (and never issue a query while rendering).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.timeline.filters import Cursor


@dataclass(frozen=True)
class ActorChip:
    id: str
    name_en: str
    name_ar: str
    role: str = "participant"


@dataclass(frozen=True)
class PlaceView:
    id: str
    name_en: str
    name_ar: str


@dataclass(frozen=True)
class EventView:
    """One timeline card: enough to draw it without further queries."""

    id: str
    type: str
    status: str
    title_en: str
    title_ar: str
    date_value: str | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    date_approximate: bool
    sort_date: date | None
    place: PlaceView | None
    series: str | None
    round: int | None
    n_sources: int
    actors: tuple[ActorChip, ...] = ()

    def title(self, lang: str = "en") -> str:
        """The title in `lang`, falling back to the other language."""
        first, second = (self.title_ar, self.title_en) if lang == "ar" else (self.title_en, self.title_ar)
        return first or second


@dataclass(frozen=True)
class EventsPage:
    items: list[EventView]
    next_cursor: Cursor | None

    @property
    def next_token(self) -> str | None:
        """The value of the `_next` parameter for the following page."""
        return self.next_cursor.encode() if self.next_cursor else None


@dataclass(frozen=True)
class DocumentView:
    id: int
    name: str
    title: str | None
    source: str | None
    url: str | None
    language: str
    published: date | None


@dataclass(frozen=True)
class MentionView:
    """A source passage, with a little of the article around it for context."""

    id: int
    document: DocumentView
    start: int
    end: int
    passage: str
    rule: str
    status: str
    date_value: str | None
    timex_text: str | None
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class EventDetail:
    event: EventView
    mentions: list[MentionView] = field(default_factory=list)


@dataclass(frozen=True)
class ActorHit:
    """An autocomplete suggestion: the actor and the alias that matched."""

    id: str
    name_en: str
    name_ar: str
    kind: str
    matched: str
    n_events: int = 0
