"""What each source reports of an event, and which value the event uses.

Sources may disagree on a date, a place or a status; the store keeps every
value on its mention rows. This read model lists them, one row per source
article, marking the values the event settled on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Document, Event, Mention, Place


@dataclass(frozen=True)
class SourceReport:
    document: str
    published: date | None
    date_value: str | None
    date_precision: str | None
    date_start: date | None
    date_end: date | None
    timex_text: str | None
    status: str
    place_en: str | None
    place_ar: str | None
    date_used: bool
    place_used: bool
    status_used: bool


def source_reports(session: Session, event: Event) -> list[SourceReport]:
    """One row per source article (its first passage's values), in order of publication."""
    rows = session.execute(
        select(Mention, Document.name, Document.published, Place.name_en, Place.name_ar)
        .join(Document, Document.id == Mention.document_id)
        .outerjoin(Place, Place.id == Mention.place_id)
        .where(Mention.event_id == event.id)
        .order_by(Document.published, Document.name, Mention.group, Mention.start)
    ).all()
    seen: set[tuple[str, int]] = set()
    out: list[SourceReport] = []
    for m, name, published, place_en, place_ar in rows:
        if (name, m.group) in seen:
            continue
        seen.add((name, m.group))
        out.append(
            SourceReport(
                document=name,
                published=published,
                date_value=m.date_value,
                date_precision=m.date_precision,
                date_start=m.date_start,
                date_end=m.date_end,
                timex_text=m.timex_text,
                status=m.status,
                place_en=place_en,
                place_ar=place_ar,
                date_used=m.date_value is not None and m.date_value == event.date_value,
                place_used=m.place_id is not None and m.place_id == event.place_id,
                status_used=m.status == event.status,
            )
        )
    return out


def disagree(reports: list[SourceReport]) -> bool:
    """Whether the sources report different dates, places or statuses."""
    dates = {r.date_value for r in reports if r.date_value}
    places = {r.place_en for r in reports if r.place_en}
    return len(dates) > 1 or len(places) > 1 or len({r.status for r in reports}) > 1
