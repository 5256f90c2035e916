"""GET /: the timeline. One route, one data path, three outputs.

A browser gets the whole page; htmx (HX-Request) gets only the results block
of the same template (or only the next page of cards, for "older events");
`Accept: application/json` gets the same data as JSON. The URL holds every
filter, so any view can be shared by copying the address.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import RedirectResponse
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Actor
from app.timeline import queries
from app.timeline.axis import axis_svg
from app.timeline.facets import facets_and_histogram
from app.timeline.filters import EVENT_TYPES, STATUSES, FilterError, Filters, parse_filters, url_with
from app.web.cards import actor_name, grouped
from app.web.deps import get_session
from app.web.errors import error_page
from app.web.i18n import translator
from app.web.templating import is_htmx, json_response, render, wants_json

router = APIRouter()

SUGGEST_LIMIT = 8
FACET_ORDER = ("type", "status", "actor", "place", "series", "source")
EXPORTS = ("csv", "json", "ics", "timelinejs")


def timeline_context(
    request: Request, session: Session, filters: Filters, *, path: str = "/"
) -> dict[str, Any]:
    """Everything the timeline component needs; also used by the actor page."""
    t = translator(request)
    page = queries.events_page(session, filters, limit=request.app.state.settings.page_size)
    after = filters.next.sort_date if filters.next else None
    query = filters.query_string()
    facets, hist = facets_and_histogram(session, filters, path=path)
    return {
        "filters": filters,
        "path": path,
        "items": grouped(page.items, t, after=after),
        "events": page.items,
        "next_url": url_with(filters, path, next=page.next_cursor) if page.next_cursor else None,
        "is_continuation": filters.next is not None,
        "clear_url": url_with(filters, path, **_cleared()),
        "selected_actors": _selected_actors(session, filters, t.lang),
        "facets": [facets[name] for name in FACET_ORDER if name in facets and facets[name].values],
        "axis": Markup(axis_svg(hist, filters, path=path, lang=t.lang)),
        "event_types": EVENT_TYPES,
        "statuses": STATUSES,
        "exports": [(fmt, f"/export.{fmt}" + (f"?{query}" if query else "")) for fmt in EXPORTS],
    }


def _cleared() -> dict[str, Any]:
    names = ("actor", "type", "status", "place", "series", "round", "source", "since", "until", "q")
    return {name: () if name in ("actor", "type") else None for name in names}


def _selected_actors(session: Session, filters: Filters, lang: str) -> list[dict[str, str]]:
    """The chosen actors with names and the link that removes each."""
    if not filters.actor:
        return []
    rows = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(filters.actor)))}
    out = []
    for actor_id in filters.actor:
        row = rows.get(actor_id)
        name = actor_name(row.name_en, row.name_ar, lang) if row else actor_id
        remove = url_with(filters, "/", actor=tuple(a for a in filters.actor if a != actor_id))
        out.append({"id": actor_id, "name": name, "remove_url": remove})
    return out


def _resolve_actor_text(session: Session, request: Request, filters: Filters) -> Filters | None:
    """The no-JavaScript path of the actor box: free text becomes the best matching actor id."""
    text = (request.query_params.get("actor_q") or "").strip()[:200]
    if not text:
        return None
    hits = queries.search_actors(session, text, limit=1)
    if not hits or hits[0].id in filters.actor:
        return filters
    return Filters(**{**_fields(filters), "actor": (*filters.actor, hits[0].id), "next": None})


def _fields(filters: Filters) -> dict[str, Any]:
    return {name: getattr(filters, name) for name in filters.__dataclass_fields__}


def _json(context: dict[str, Any]) -> Response:
    return json_response(
        jsonable_encoder(
            {
                "filters": dict(context["filters"].to_query()),
                "events": [asdict(e) for e in context["events"]],
                "next": context["next_url"],
            }
        )
    )


@router.get("/", summary="The timeline page (HTML, htmx fragment or JSON)")
@router.head("/", include_in_schema=False)
def timeline_page(request: Request, session: Session = Depends(get_session)) -> Response:
    try:
        filters = parse_filters(request.query_params)
    except FilterError as exc:
        if is_htmx(request) and not wants_json(request):
            context = {"message": str(exc), "clear_url": "/"}
            return render(request, "_partials/filter_error.html", context, status_code=422)
        return error_page(request, 422, str(exc))
    resolved = _resolve_actor_text(session, request, filters)
    if resolved is not None:
        target = url_with(resolved, "/")
        if not is_htmx(request):
            return RedirectResponse(target, status_code=303)
        filters = resolved
    context = timeline_context(request, session, filters)
    if wants_json(request):
        return _json(context)
    response: Response
    if is_htmx(request):
        block = "page" if filters.next is not None else "results"
        response = render(request, "timeline.html", context, block=block)
        if resolved is not None:
            response.headers["HX-Push-Url"] = url_with(resolved, "/")
        return response
    return render(request, "timeline.html", context)


@router.api_route("/suggest/actors", methods=["GET", "HEAD"], include_in_schema=False)
def suggest_actors(request: Request, session: Session = Depends(get_session)) -> Response:
    """Autocomplete for the actor box: links to the current view with one more actor.

    htmx sends the whole filter form along, so each suggestion keeps the other filters.
    """
    t = translator(request)
    try:
        filters = parse_filters(request.query_params)
    except FilterError:
        filters = Filters()
    q = (request.query_params.get("actor_q") or request.query_params.get("q_actor") or "")[:200]
    hits = queries.search_actors(session, q, limit=SUGGEST_LIMIT) if q.strip() else []
    options = [
        {
            "name": actor_name(h.name_en, h.name_ar, t.lang),
            "matched": h.matched,
            "n": h.n_events,
            "url": url_with(filters, "/", actor=(*filters.actor, h.id)),
        }
        for h in hits
        if h.id not in filters.actor
    ]
    return render(request, "_partials/actor_suggestions.html", {"options": options, "q": q})
