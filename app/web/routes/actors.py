"""GET /actors/<id>: an actor's names, roles and timeline (the timeline component, pre-filtered)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.orm import Session
from starlette.datastructures import QueryParams

from app.timeline import queries
from app.timeline.filters import FilterError, parse_filters
from app.web.cards import actor_name
from app.web.dates import date_text
from app.web.deps import get_session
from app.web.errors import error_page
from app.web.i18n import translator
from app.web.routes.timeline import timeline_context
from app.web.templating import render

router = APIRouter()


@router.get("/actors/{actor_id}", summary="An actor and its timeline")
@router.head("/actors/{actor_id}", include_in_schema=False)
def actor_page(actor_id: str, request: Request, session: Session = Depends(get_session)) -> Response:
    actor = queries.get_actor(session, actor_id[:120])
    if actor is None:
        return error_page(request, 404, f"no actor with id {actor_id[:100]!r}")
    try:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "actor"]
        filters = parse_filters(QueryParams([*params, ("actor", actor.id)]))
    except FilterError as exc:
        return error_page(request, 422, str(exc))
    t = translator(request)
    roles = sorted(actor.roles, key=lambda r: (r.start is None, r.start))
    context = {
        "actor": actor,
        "name": actor_name(actor.name_en, actor.name_ar, t.lang),
        "other_name": actor.name_en if t.lang == "ar" else actor.name_ar,
        "kind_label": t(f"kind_{actor.kind}"),
        "aliases": sorted({a.alias for a in actor.aliases}),
        "roles": [
            {
                "title": (r.title_ar if t.lang == "ar" else r.title_en) or r.title_en or r.role,
                "start": date_text("day", r.start, None, t),
                "end": date_text("day", r.end, None, t),
            }
            for r in roles
        ],
        "wikidata": f"https://www.wikidata.org/wiki/{actor.wikidata}" if actor.wikidata else None,
        **timeline_context(request, session, filters),
    }
    return render(request, "actor.html", context)
