"""The event permalink: /events/<id>, /events/<id>-<slug>, /events/<id>.json.

Links get shared, so an id must keep working: an id retired by re-extraction
or merging answers 301 to its successor, one removed for good answers 410 with
a way back to the timeline, and only an id never seen is a 404.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from app.models import Event
from app.timeline import contract, permalinks, queries
from app.timeline.filters import is_plain_id
from app.timeline.reports import SourceReport, disagree, source_reports
from app.timeline.series import series_name
from app.timeline.views import EventView, MentionView
from app.web.cards import actor_name, place_name
from app.web.dates import date_text
from app.web.deps import get_session
from app.web.errors import error_page
from app.web.i18n import Translator, translator
from app.web.templating import json_response, render

router = APIRouter()


def _redirect(request: Request, path: str) -> RedirectResponse:
    query = urlencode(request.query_params.multi_items())
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=301)


def _in_context(mention: MentionView) -> Markup:
    """The passage inside a window of its article, escaped piece by piece."""
    lead = "…" if mention.start - len(mention.before) > 0 else ""
    tail = "…" if len(mention.after) >= queries.CONTEXT_CHARS else ""
    return Markup('{}{}<mark class="hl hl-focus">{}</mark>{}{}').format(
        lead, escape(mention.before), escape(mention.passage), escape(mention.after), tail
    )


def _sources(mentions: list[MentionView], t: Translator) -> list[dict[str, Any]]:
    out = []
    for m in mentions:
        doc = m.document
        out.append(
            {
                "id": m.id,
                "title": doc.title or doc.name,
                "source": doc.source,
                "published": date_text("day", doc.published, None, t),
                "published_iso": doc.published.isoformat() if doc.published else "",
                "href": f"/articles/{doc.name}#m{m.id}",
                "context": _in_context(m),
                "lang": doc.language,
                "rule": m.rule,
                "timex": m.timex_text,
            }
        )
    return out


def _reports(reports: list[SourceReport], t: Translator) -> list[dict[str, Any]]:
    return [
        {
            "document": r.document,
            "published": date_text("day", r.published, None, t) if r.published else "",
            "date": date_text(r.date_precision, r.date_start, r.date_end, t)
            if r.date_value
            else t("date_none"),
            "timex": r.timex_text,
            "status": t(r.status),
            "place": (r.place_ar if t.lang == "ar" else r.place_en) or "—",
            "date_used": r.date_used,
            "place_used": r.place_used,
            "status_used": r.status_used,
        }
        for r in reports
    ]


def _cite(t: Translator, title: str, when: str, event_id: str, url: str) -> Markup:
    """The citation line, each piece direction-isolated so ids and URLs keep their order in Arabic."""
    pieces = {"title": title, "date": when, "id": event_id, "url": url}
    isolated = {name: Markup("<bdi>{}</bdi>").format(value) for name, value in pieces.items()}
    return Markup(escape(t("cite_text"))).format(**isolated)


def _event_context(event: EventView, mentions: list[MentionView], t: Translator, canonical: str) -> dict:
    when = date_text(event.date_precision, event.date_start, event.date_end, t)
    timex = next((m.timex_text for m in mentions if m.timex_text), None)
    title = event.title(t.lang)
    return {
        "event": event,
        "title": title,
        "date": when,
        "timex": timex,
        "type_label": t(f"type_{event.type}"),
        "actors": [
            {"href": f"/actors/{a.id}", "name": actor_name(a.name_en, a.name_ar, t.lang), "role": a.role}
            for a in event.actors
        ],
        "place": place_name(event, t.lang),
        "series": series_name(event.series, t.lang) if event.series else None,
        "rules": sorted({m.rule for m in mentions}),
        "sources": _sources(mentions, t),
        "canonical": canonical,
        "cite": _cite(t, title, when or t("date_none"), event.id, canonical),
    }


def _canonical(session: Session, event_id: str) -> str:
    event = session.get(Event, event_id)
    return permalinks.canonical_path(event) if event is not None else f"/events/{event_id}"


@router.get("/events/{part}", summary="An event's permalink (page or .json)")
@router.head("/events/{part}", include_in_schema=False)
def event_page(part: str, request: Request, session: Session = Depends(get_session)) -> Response:
    as_json = part.endswith(".json")
    event_id = permalinks.split_slug(part[: -len(".json")] if as_json else part)
    if not is_plain_id(event_id):  # control characters and the like can name nothing stored
        return error_page(request, 404, "no event with that id")
    found = permalinks.resolve(session, event_id)
    if found.kind == "gone":
        return error_page(request, 410, f"event {event_id} was removed")
    if found.event_id is None:  # unknown: never an event here
        return error_page(request, 404, f"no event with id {event_id!r}")
    target = found.event_id
    if found.kind == "moved":
        return _redirect(request, f"/events/{target}.json" if as_json else _canonical(session, target))
    if as_json:
        row = queries.get_event(session, target)
        return json_response(contract.event_dicts([row], session=session)[0] if row else None)
    canonical = _canonical(session, target)
    if f"/events/{part}" != canonical:
        return _redirect(request, canonical)
    detail = queries.event_detail(session, target)
    if detail is None:
        return error_page(request, 404, f"no event with id {event_id!r}")
    t = translator(request)
    absolute = str(request.base_url).rstrip("/") + canonical
    context = _event_context(detail.event, detail.mentions, t, absolute)
    row = session.get(Event, target)
    reports = source_reports(session, row) if row is not None else []
    context["reports"] = _reports(reports, t) if len(reports) > 1 else []
    context["reports_disagree"] = disagree(reports)
    return render(request, "event.html", context)
