"""Response models of the JSON API: what /docs shows, with examples.

Event objects are the export contract's (CONTRACT.md), so a client can read
`/api/events` and `waqai export --format jsonl` with the same code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

EVENT_EXAMPLE: dict[str, Any] = {
    "id": "ev_3f2a9c1b7d",
    "url": "/events/ev_3f2a9c1b7d",
    "type": "talks_round",
    "status": "occurred",
    "title": "Geneva talks, round 4",
    "title_ar": "الجولة الرابعة من محادثات جنيف",
    "date": {
        "value": "2017-02-23",
        "start": "2017-02-23",
        "end": "2017-03-03",
        "precision": "day",
        "approximate": False,
    },
    "sort_date": "2017-02-23",
    "actors": [
        {
            "id": "united_nations",
            "name": "United Nations",
            "name_ar": "الأمم المتحدة",
            "kind": "organisation",
            "aliases": ["الأمم المتحدة", "الامم المتحدة"],
            "role": "participant",
        }
    ],
    "location": {"id": "geneva", "name": "Geneva", "name_ar": "جنيف"},
    "series": "Geneva",
    "round": 4,
    "mentions": [
        {
            "document": "example.txt",
            "published": "2017-02-22",
            "start": 120,
            "end": 181,
            "text": "تنطلق الجولة الرابعة من المحادثات غداً في جنيف",
            "rule": "talks.round.ordinal",
        }
    ],
}


class DateOut(BaseModel):
    value: str
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    approximate: bool = False


class ActorOut(BaseModel):
    id: str
    name: str
    name_ar: str
    kind: str | None = None
    aliases: list[str] = []
    role: str | None = None
    wikidata: str | None = None


class LocationOut(BaseModel):
    id: str | None = None
    name: str
    name_ar: str


class MentionOut(BaseModel):
    document: str
    published: str | None = None
    start: int
    end: int
    text: str
    rule: str


class EventOut(BaseModel):
    """One event, as in the export contract."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [EVENT_EXAMPLE]})

    id: str
    url: str
    type: str
    status: str
    title: str
    title_ar: str
    date: DateOut | None
    sort_date: str | None = None
    actors: list[ActorOut]
    location: LocationOut | None
    series: str | None
    round: int | None
    mentions: list[MentionOut]


class EventsPageOut(BaseModel):
    """A page of events, newest first; follow `next_url` for older ones."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [EVENT_EXAMPLE],
                    "next": "MjAxNy0wMi0yM3xldl8zZjJhOWMxYjdk",
                    "next_url": "/api/events?actor=united_nations&_next=MjAxNy0wMi0yM3xldl8zZjJhOWMxYjdk",
                }
            ]
        }
    )

    items: list[EventOut]
    next: str | None = Field(None, description="value of `_next` for the following page; null on the last")
    next_url: str | None = None


class ActorHitOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "sergey_lavrov",
                    "name": "Sergey Lavrov",
                    "name_ar": "سيرغي لافروف",
                    "kind": "person",
                    "matched": "سيرجي لافروف",
                    "n_events": 42,
                    "url": "/actors/sergey_lavrov",
                }
            ]
        }
    )

    id: str
    name: str
    name_ar: str
    kind: str
    matched: str = Field(description="the alias that matched the query, as written")
    n_events: int
    url: str


class RoleOut(BaseModel):
    role: str
    title: str | None
    title_ar: str | None
    start: date | None
    end: date | None


class ActorDetailOut(ActorOut):
    roles: list[RoleOut] = []
    n_events: int = 0
    events_url: str


class DocumentOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 3,
                    "name": "002_example.txt",
                    "title": "جولة جديدة من المحادثات",
                    "source": "Example Wire",
                    "url": None,
                    "language": "ar",
                    "published": "2016-07-14",
                    "page": "/articles/002_example.txt",
                }
            ]
        }
    )

    id: int
    name: str
    title: str | None
    source: str | None
    url: str | None
    language: str
    published: date | None
    page: str


class DocumentsOut(BaseModel):
    items: list[DocumentOut]
    next_url: str | None = None


class FacetValueOut(BaseModel):
    value: str
    label: str
    label_ar: str
    count: int
    selected: bool
    url: str = Field(description="the timeline with this value toggled")


class BucketOut(BaseModel):
    key: str
    start: date
    end: date
    total: int
    counts: dict[str, int]


class HistogramOut(BaseModel):
    unit: str = Field(description="day, month or year")
    buckets: list[BucketOut]


class FacetsOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "total": 2,
                    "facets": {
                        "type": [
                            {
                                "value": "meeting",
                                "label": "meeting",
                                "label_ar": "meeting",
                                "count": 2,
                                "selected": True,
                                "url": "/",
                            }
                        ]
                    },
                    "truncated": [],
                    "histogram": {
                        "unit": "month",
                        "buckets": [
                            {
                                "key": "2016-07",
                                "start": "2016-07-01",
                                "end": "2016-07-31",
                                "total": 2,
                                "counts": {"meeting": 2},
                            }
                        ],
                    },
                }
            ]
        }
    )

    total: int
    facets: dict[str, list[FacetValueOut]]
    truncated: list[str] = Field(
        default_factory=list, description="the facets whose lists show only their most frequent values"
    )
    histogram: HistogramOut


class ProblemOut(BaseModel):
    param: str
    msg: str


class ErrorOut(BaseModel):
    detail: list[ProblemOut] | str
