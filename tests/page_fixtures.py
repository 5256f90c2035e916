"""A small store written row by row for the page and browser tests.

The texts are written for these tests (not taken from the seeds): two Arabic
articles and one English one reporting talks between made-up but plausible
parties, one article holding markup that must be shown as text, and retired
ids (one moved, one gone) for the permalink rules.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.ingest.normalize import fold_text
from app.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Document,
    Event,
    EventActor,
    Mention,
    Place,
    RetiredEvent,
    TimexRow,
)

AR_1 = (
    "التقى وزير الخارجية جون كيري نظيره الروسي سيرغي لافروف في جنيف يوم الخميس 14 يوليو 2016.\n"
    "وقال كيري إن المحادثات كانت بناءة، مضيفا أن جولة جديدة ستعقد في أغسطس 2016."
)
AR_2 = (
    "أعلن المبعوث الأممي ستافان دي ميستورا أن الجولة السابعة من مفاوضات جنيف ستبدأ في 10 يوليو 2017 "
    "وتستمر خمسة أيام."
)
EN_1 = "Sergey Lavrov said on Monday, 20 March 2017, that Moscow backed the talks in Astana."
SCRIPT_TEXT = (
    'Breaking: <script>alert("x")</script> & <b>bold</b> claims were made in the week of 20 March 2017.'
)

E_MEET = "e1meet"
E_ROUND = "e2round"
E_STATE = "e3state"
E_SCRIPT = "e4script"
OLD_MOVED = "e0old"
OLD_GONE = "e0gone"


def _doc(name: str, text: str, published: date, lang: str, title: str, source: str) -> Document:
    return Document(
        name=name, text=text, published=published, language=lang, title=title, source=source,
        content_hash=name, url=f"https://news.example/{name}",
    )  # fmt: skip


def _mention(event: Event, doc: Document, passage: str, rule: str, timex: str | None = None) -> Mention:
    start = doc.text.index(passage)
    return Mention(
        event_id=event.id, document=doc, start=start, end=start + len(passage), passage=passage,
        passage_folded=fold_text(passage), rule=rule, type=event.type, status=event.status,
        date_value=event.date_value, timex_text=timex, actors=[],
    )  # fmt: skip


def _actors() -> dict[str, Actor]:
    kerry = Actor(id="john-kerry", name_en="John Kerry", name_ar="جون كيري", kind="person", wikidata="Q22316")
    lavrov = Actor(id="sergey-lavrov", name_en="Sergey Lavrov", name_ar="سيرغي لافروف", kind="person")
    mistura = Actor(
        id="staffan-de-mistura", name_en="Staffan de Mistura", name_ar="ستافان دي ميستورا", kind="person"
    )
    for actor, aliases in (
        (kerry, ["جون كيري", "كيري", "John Kerry", "Kerry"]),
        (lavrov, ["سيرغي لافروف", "سيرجي لافروف", "لافروف", "Sergey Lavrov", "Lavrov"]),
        (mistura, ["ستافان دي ميستورا", "دي ميستورا", "Staffan de Mistura"]),
    ):
        actor.aliases = [
            ActorAlias(alias=a, alias_folded=fold_text(a), lang="en" if a.isascii() else "ar")
            for a in aliases
        ]
    kerry.roles = [
        ActorRole(role="us-secretary-of-state", title_en="US Secretary of State",
                  title_ar="وزير الخارجية الأمريكي", start=date(2013, 2, 1), end=date(2017, 1, 20))
    ]  # fmt: skip
    return {a.id: a for a in (kerry, lavrov, mistura)}


def _events(geneva: Place) -> list[Event]:
    common = {"n_sources": 1}
    return [
        Event(id=E_MEET, identity_key="k1", type="meeting", status="occurred", date_value="2016-07-14",
              date_start=date(2016, 7, 14), date_end=date(2016, 7, 14), date_precision="day",
              sort_date=date(2016, 7, 14), title_en="Kerry meets Lavrov in Geneva",
              title_ar="كيري يلتقي لافروف في جنيف", place=geneva, **common),
        Event(id=E_ROUND, identity_key="k2", type="talks_round", status="planned",
              date_value="2017-07-10/2017-07-14", date_start=date(2017, 7, 10), date_end=date(2017, 7, 14),
              date_precision="day", sort_date=date(2017, 7, 10), title_en="Geneva 7 talks round",
              title_ar="الجولة السابعة من مفاوضات جنيف", place=geneva, series="Geneva", round=7, **common),
        Event(id=E_STATE, identity_key="k3", type="statement", status="occurred", date_value="2017-03-20",
              date_start=date(2017, 3, 20), date_end=date(2017, 3, 20), date_precision="day",
              sort_date=date(2017, 3, 20), title_en="Lavrov backs the Astana talks",
              title_ar="لافروف يؤيد محادثات أستانا", **common),
        Event(id=E_SCRIPT, identity_key="k4", type="report", status="reported", date_value="2017-W12",
              date_start=date(2017, 3, 20), date_end=date(2017, 3, 26), date_precision="week",
              sort_date=date(2017, 3, 20), title_en='Claims <script>alert("t")</script> reported',
              title_ar="", **common),
    ]  # fmt: skip


def populate(session: Session) -> None:
    """Write the whole test store in the caller's transaction."""
    actors = _actors()
    geneva = Place(id="geneva", name_en="Geneva", name_ar="جنيف", kind="city")
    session.add_all([*actors.values(), geneva])
    docs = {
        "ar1": _doc("ar-001.txt", AR_1, date(2016, 7, 14), "ar", "كيري ولافروف في جنيف", "وكالة الاختبار"),
        "ar2": _doc("ar-002.txt", AR_2, date(2017, 7, 1), "ar", "جولة جنيف السابعة", "وكالة الاختبار"),
        "en1": _doc("en-001.txt", EN_1, date(2017, 3, 21), "en", "Lavrov on Astana", "Test Wire"),
        "xss": _doc(
            "xss-001.txt", SCRIPT_TEXT, date(2017, 3, 22), "en", "Markup <i>in</i> title", "Test Wire"
        ),
    }
    session.add_all(docs.values())
    meet, rnd, state, script = _events(geneva)
    session.add_all([meet, rnd, state, script])
    session.flush()
    links = [(meet, "john-kerry", "participant"), (meet, "sergey-lavrov", "participant"),
             (rnd, "staffan-de-mistura", "speaker"), (state, "sergey-lavrov", "speaker")]  # fmt: skip
    session.add_all(EventActor(event_id=e.id, actor_id=a, role=r) for e, a, r in links)
    session.add_all(
        [
            _mention(meet, docs["ar1"], "التقى وزير الخارجية جون كيري نظيره الروسي سيرغي لافروف في جنيف",
                     "meeting.ar.iltaqa", "يوم الخميس 14 يوليو 2016"),
            _mention(rnd, docs["ar2"], "الجولة السابعة من مفاوضات جنيف ستبدأ في 10 يوليو 2017",
                     "talks.ar.round", "10 يوليو 2017"),
            _mention(state, docs["en1"],
                     "Sergey Lavrov said on Monday, 20 March 2017, that Moscow backed the talks",
                     "statement.en.said", "20 March 2017"),
            _mention(script, docs["xss"], '<script>alert("x")</script> & <b>bold</b> claims',
                     "report.en.claims"),
        ]
    )  # fmt: skip
    timex_text = "14 يوليو 2016"
    start = AR_1.index(timex_text)
    session.add(TimexRow(document=docs["ar1"], start=start, end=start + len(timex_text), text=timex_text,
                         value="2016-07-14", precision="day", rule="date.ar.dmy"))  # fmt: skip
    session.add_all(
        [
            RetiredEvent(old_id=OLD_MOVED, successor_id=E_MEET, reason="merged"),
            RetiredEvent(old_id=OLD_GONE, successor_id=None, reason="vanished"),
        ]
    )
