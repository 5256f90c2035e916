"""The data that flows between ingestion stages.

Every stage is a small callable that takes and returns these frozen records;
only `pipeline.py` orders the stages and only `store.py`/`merge.py` touch the
database. All offsets are character offsets into `RawArticle.text`, the
article's text exactly as read (for `.txt`: decoded, BOM removed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "year"]
EventType = Literal["talks_round", "meeting", "statement", "proposal", "agreement", "military", "report"]
Status = Literal["occurred", "planned", "reported"]
EVENT_TYPES: tuple[str, ...] = (
    "talks_round",
    "meeting",
    "statement",
    "proposal",
    "agreement",
    "military",
    "report",
)
STATUSES: tuple[str, ...] = ("occurred", "planned", "reported")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


@dataclass(frozen=True)
class RawArticle:
    """One article as read from a file, before any analysis."""

    name: str  # the document name used in exports (file name, or jsonl id/url)
    text: str  # exactly as read; every offset points into this
    path: str  # the file it came from (for error messages)
    published: date | None = None
    lang: str = "ar"
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # == article.text[start:end]


@dataclass(frozen=True)
class DateValue:
    """A calendar date with its uncertainty (TIMEX3 value plus a closed range)."""

    value: str  # 2016-07-14 | 2017-W12 | 2016-08 | 2016 | "2017-07-10/2017-07-14" for spans
    start: date
    end: date
    precision: Precision
    approximate: bool = False


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str | None  # None: found but unresolved (no publication date to anchor on)
    precision: Precision | None
    rule: str
    date: DateValue | None = None


@dataclass(frozen=True)
class ActorRef:
    """An actor as the knowledge base knows it (or a new one found by its title)."""

    id: str  # knowledge-base id, e.g. "staffan-de-mistura"; new actors: "new-<slug>"
    name_en: str
    name_ar: str
    kind: str  # person | organisation | country | delegation
    role: str = "participant"  # speaker | participant | host | guest | target | ...
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    is_new: bool = False  # found in text, not in the knowledge base


@dataclass(frozen=True)
class PlaceRef:
    id: str
    name_en: str
    name_ar: str
    kind: str = "city"


@dataclass(frozen=True)
class MentionSpan:
    """One passage of the article that reports the event."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class ExtractedEvent:
    """One event as one article reports it (all its passages in that article)."""

    type: str
    status: str
    mentions: tuple[MentionSpan, ...]
    date: DateValue | None = None
    timex: Timex | None = None  # the expression the date came from
    actors: tuple[ActorRef, ...] = ()
    place: PlaceRef | None = None
    series: str | None = None
    round: int | None = None
    title_en: str = ""
    title_ar: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: RawArticle
    timexes: tuple[Timex, ...] = ()
    events: tuple[ExtractedEvent, ...] = ()
    new_actors: tuple[ActorRef, ...] = field(default=())
