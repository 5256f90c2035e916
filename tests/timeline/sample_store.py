"""A small hand-written store for the timeline's tests, inserted as model rows.

Written for these tests (not taken from any article): three actors with Arabic
and English aliases, two places, three documents from two sources, and events
of several types spread over 2016-2017, one of them without a date at all.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.ingest.normalize import fold_text
from app.models import Actor, ActorAlias, Document, Event, EventActor, Mention, Place

ACTORS = {
    "kerry": ("John Kerry", "جون كيري", ["كيري", "John Kerry", "Kerry"]),
    "lavrov": ("Sergey Lavrov", "سيرغي لافروف", ["لافروف", "سيرجي لافروف", "Lavrov"]),
    "un": ("United Nations", "الأمم المتحدة", ["الأمم المتحدة", "الامم المتحده", "UN"]),
}
PLACES = {"geneva": ("Geneva", "جنيف"), "moscow": ("Moscow", "موسكو")}
DOCS = [
    ("a1.txt", "Wire A", date(2016, 7, 15), "وقال كيري إن الاجتماع في موسكو كان مثمراً. "),
    ("a2.txt", "Wire B", date(2016, 9, 2), "أعلنت الأمم المتحدة أن جولة جنيف ستعقد. "),
    ("a3.txt", "Wire A", None, "التقى لافروف وكيري في جنيف لبحث الهدنة. "),
]
# id, type, status, sort_date, precision, place, series, round, actors, doc index
EVENTS = [
    ("e01", "meeting", "occurred", date(2016, 7, 14), "day", "moscow", None, None, ["kerry", "lavrov"], 0),
    ("e02", "statement", "occurred", date(2016, 7, 15), "day", "moscow", None, None, ["kerry"], 0),
    ("e03", "talks_round", "planned", date(2016, 8, 1), "month", "geneva", "Geneva", 4, ["un"], 1),
    ("e04", "statement", "occurred", date(2016, 9, 2), "day", None, None, None, ["un"], 1),
    ("e05", "agreement", "occurred", date(2016, 9, 9), "day", "geneva", None, None, ["kerry", "lavrov"], 2),
    ("e06", "meeting", "occurred", date(2016, 9, 9), "day", "geneva", None, None, ["kerry", "lavrov"], 2),
    ("e07", "military", "reported", date(2016, 10, 3), "day", None, None, None, [], 1),
    ("e08", "talks_round", "occurred", date(2017, 2, 23), "day", "geneva", "Geneva", 4, ["un"], 1),
    ("e09", "proposal", "occurred", date(2017, 3, 20), "week", None, None, None, ["lavrov"], 2),
    ("e10", "report", "reported", date(2017, 1, 1), "year", None, None, None, [], 0),
    ("e11", "talks_round", "planned", date(2017, 7, 10), "day", "geneva", "Geneva", 7, ["un"], 1),
    ("e12", "statement", "occurred", None, None, None, None, None, ["lavrov"], 2),
]


def build_sample(session: Session) -> None:
    """Insert the sample rows and flush (the caller commits)."""
    for actor_id, (en, ar, aliases) in ACTORS.items():
        session.add(Actor(id=actor_id, name_en=en, name_ar=ar, kind="person"))
        for alias in aliases:
            session.add(ActorAlias(actor_id=actor_id, alias=alias, alias_folded=fold_text(alias)))
    for place_id, (en, ar) in PLACES.items():
        session.add(Place(id=place_id, name_en=en, name_ar=ar))
    docs = []
    for name, source, published, text in DOCS:
        doc = Document(name=name, source=source, published=published, text=text * 3, content_hash=name)
        session.add(doc)
        docs.append(doc)
    session.flush()
    for row in EVENTS:
        _add_event(session, row, docs)
    session.flush()


def _add_event(session: Session, row: tuple, docs: list[Document]) -> None:  # type: ignore[type-arg]
    event_id, etype, status, day, precision, place, series, rnd, actors, doc_i = row
    value = {"day": f"{day}", "month": f"{day:%Y-%m}", "year": f"{day:%Y}", "week": "2017-W12"} if day else {}
    session.add(
        Event(
            id=event_id,
            identity_key=event_id,
            type=etype,
            status=status,
            date_value=value.get(precision or ""),
            date_start=day,
            date_end=day,
            date_precision=precision,
            sort_date=day,
            title_en=f"{etype} {event_id}",
            title_ar=f"حدث {event_id}",
            place_id=place,
            series=series,
            round=rnd,
            n_sources=1,
        )
    )
    for actor_id in actors:
        session.add(EventActor(event_id=event_id, actor_id=actor_id, role="participant"))
    doc = docs[doc_i]
    sentence = DOCS[doc_i][3]
    start = int(event_id[1:]) % 3 * len(sentence)
    passage = doc.text[start : start + len(sentence)]
    session.add(
        Mention(
            event_id=event_id,
            document_id=doc.id,
            start=start,
            end=start + len(sentence),
            passage=passage,
            passage_folded=fold_text(passage),
            rule=f"test.{etype}",
            type=etype,
            status=status,
        )
    )
