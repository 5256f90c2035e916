"""GET /articles/<name>: an article with its events and time expressions highlighted inline.

The highlighted HTML is built in Python (app.web.highlight) from offsets into
the original text, escaping every piece; the template never marks article
text safe itself.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Document, Event, Mention, TimexRow
from app.web.dates import date_text
from app.web.deps import get_session
from app.web.errors import error_page
from app.web.highlight import Highlight, highlight
from app.web.i18n import Translator, translator
from app.web.templating import render

router = APIRouter()


def _event_title(event: Event, lang: str) -> str:
    first, second = (event.title_ar, event.title_en) if lang == "ar" else (event.title_en, event.title_ar)
    return first or second or event.type


def _mention_spans(rows: list[tuple[Mention, Event]], t: Translator) -> list[Highlight]:
    return [
        Highlight(
            m.start,
            m.end,
            "event",
            t("highlight_event", title=_event_title(e, t.lang)),
            href=f"/events/{e.id}",
            anchor=f"m{m.id}",
        )
        for m, e in rows
    ]


def _timex_spans(timexes: list[TimexRow], t: Translator) -> list[Highlight]:
    return [
        Highlight(
            x.start,
            x.end,
            "timex",
            t("highlight_timex", text=x.text, value=x.value or t("unresolved")),
            anchor=f"t{x.id}",
        )
        for x in timexes
    ]


def _events_list(rows: list[tuple[Mention, Event]], t: Translator) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for m, e in rows:
        if e.id not in seen:
            seen[e.id] = {
                "href": f"/events/{e.id}",
                "anchor": f"#m{m.id}",
                "title": _event_title(e, t.lang),
                "type": e.type,
                "type_label": t(f"type_{e.type}"),
                "date": date_text(e.date_precision, e.date_start, e.date_end, t),
                "status": e.status,
            }
    return list(seen.values())


@router.get("/articles/{name:path}", summary="An article, highlighted")
@router.head("/articles/{name:path}", include_in_schema=False)
def article_page(name: str, request: Request, session: Session = Depends(get_session)) -> Response:
    # A name with control characters can name no stored article (and PostgreSQL refuses NUL bytes).
    plain = len(name) <= 500 and not any(ord(c) < 32 or ord(c) == 127 for c in name)
    doc = session.scalars(select(Document).where(Document.name == name)).first() if plain else None
    if doc is None:
        return error_page(request, 404, f"no article named {name[:100]!r}")
    t = translator(request)
    stmt = (
        select(Mention, Event)
        .join(Event, Mention.event_id == Event.id)
        .where(Mention.document_id == doc.id)
        .order_by(Mention.start, Mention.id)
    )
    rows: list[tuple[Mention, Event]] = [(m, e) for m, e in session.execute(stmt)]
    timexes = list(session.scalars(select(TimexRow).where(TimexRow.document_id == doc.id)))
    body = highlight(doc.text, [*_mention_spans(rows, t), *_timex_spans(timexes, t)])
    context = {
        "doc": doc,
        "title": doc.title or doc.name,
        "published": date_text("day", doc.published, None, t),
        "body": body,
        "events": _events_list(rows, t),
        "n_timexes": len(timexes),
    }
    return render(request, "article.html", context)
