"""The JSON API under /api: events (timeline filters, keyset paging), actors, documents, facets.

Query parameters are declared (so /docs lists them) as plain strings and
validated by `app.timeline.filters`, so every bad value gets the same answer:
422 with `{"detail": [{"param": ..., "msg": ...}]}`, never a 500.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import EventActor
from app.timeline import contract, queries
from app.timeline.facets import facets_and_histogram
from app.timeline.filters import (
    MAX_TEXT,
    FilterError,
    Filters,
    checked_text,
    is_plain_id,
    parse_filters,
    url_with,
)
from app.web.deps import get_session
from app.web.routes.api_models import (
    ActorDetailOut,
    ActorHitOut,
    BucketOut,
    DocumentOut,
    DocumentsOut,
    ErrorOut,
    EventOut,
    EventsPageOut,
    FacetsOut,
    FacetValueOut,
    HistogramOut,
    RoleOut,
)

router = APIRouter(prefix="/api", tags=["api"])
SessionDep = Annotated[Session, Depends(get_session)]
Responses = dict[int | str, dict[str, Any]]
INVALID: Responses = {422: {"model": ErrorOut, "description": "a parameter is invalid; `param` names it"}}
MISSING: Responses = {404: {"model": ErrorOut, "description": "no such item"}}


def invalid(param: str, msg: str) -> HTTPException:
    return HTTPException(status_code=422, detail=[{"param": param, "msg": msg}])


def declared_filters(
    actor: Annotated[
        list[str] | None, Query(description="actor id; repeat for events with all of them")
    ] = None,
    type: Annotated[list[str] | None, Query(description="event type; repeat for any of them")] = None,
    status: Annotated[str | None, Query(description="occurred | planned | reported")] = None,
    place: Annotated[str | None, Query(description="place id")] = None,
    series: Annotated[str | None, Query(description="talks series, e.g. Geneva")] = None,
    round: Annotated[str | None, Query(description="round number within the series")] = None,
    source: Annotated[str | None, Query(description="a document source (agency, site)")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    q: Annotated[str | None, Query(description="words in a source passage, any Arabic spelling")] = None,
    lang: Annotated[str | None, Query(description="en | ar")] = None,
    next_: Annotated[str | None, Query(alias="_next", description="cursor from the previous page")] = None,
) -> None:
    """Declares the timeline's filters for the OpenAPI schema; `parse_filters` validates them."""


def timeline_filters(request: Request, _: Annotated[None, Depends(declared_filters)]) -> Filters:
    """The timeline's filters, validated; 422 naming the parameter otherwise."""
    try:
        return parse_filters(request.query_params)
    except FilterError as exc:
        raise invalid(exc.param, exc.message) from exc


FiltersDep = Annotated[Filters, Depends(timeline_filters)]


def int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip()
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise invalid(name, f"expected a whole number from {low} to {high}")
    return int(value)


def _text_param(value: str, name: str, limit: int) -> str:
    try:
        return checked_text(value, name, limit)
    except FilterError as exc:
        raise invalid(exc.param, exc.message) from exc


@router.get(
    "/events", response_model=EventsPageOut, responses=INVALID, summary="Filtered events, newest first"
)
def api_events(
    request: Request,
    session: SessionDep,
    filters: FiltersDep,
    limit: Annotated[str | None, Query(description="page size, 1-500 (default 50)")] = None,
) -> dict[str, Any]:
    size = int_param(request, "limit", queries.PAGE_SIZE, 1, queries.MAX_PAGE_SIZE)
    ids, cursor = queries.page_ids(session, filters, limit=size)
    items = contract.event_dicts(queries.load_events(session, ids), session=session)
    next_url = None
    if cursor is not None:
        extra = f"&limit={size}" if size != queries.PAGE_SIZE else ""
        next_url = url_with(filters, "/api/events", next=cursor) + extra
    return {"items": items, "next": cursor.encode() if cursor else None, "next_url": next_url}


@router.get(
    "/events/{event_id}",
    response_model=EventOut,
    responses={**MISSING, 410: {"model": ErrorOut}},
    summary="One event; a retired id redirects to its successor",
)
def api_event(event_id: str, session: SessionDep) -> Any:
    if not is_plain_id(event_id):
        raise HTTPException(404, "no such event")
    event = queries.get_event(session, event_id)
    if event is not None:
        return contract.event_dicts([event], session=session)[0]
    retired, successor = queries.retired_successor(session, event_id)
    if retired and successor:
        return RedirectResponse(f"/api/events/{successor}", status_code=301)
    if retired:
        raise HTTPException(410, "this event was withdrawn")
    raise HTTPException(404, "no such event")


@router.get("/actors", response_model=list[ActorHitOut], responses=INVALID, summary="Actors by any alias")
def api_actors(
    request: Request,
    session: SessionDep,
    q: Annotated[str | None, Query(description="start of any name or alias, in any spelling")] = None,
    limit: Annotated[str | None, Query(description="1-100 (default 10)")] = None,
) -> list[dict[str, Any]]:
    size = int_param(request, "limit", 10, 1, 100)
    text = _text_param((q or "").strip(), "q", MAX_TEXT)
    hits = queries.search_actors(session, text, limit=size) if text else []
    return [
        {
            "id": h.id,
            "name": h.name_en,
            "name_ar": h.name_ar,
            "kind": h.kind,
            "matched": h.matched,
            "n_events": h.n_events,
            "url": f"/actors/{h.id}",
        }
        for h in hits
    ]


@router.get("/actors/{actor_id}", response_model=ActorDetailOut, responses=MISSING, summary="One actor")
def api_actor(actor_id: str, session: SessionDep) -> dict[str, Any]:
    actor = queries.get_actor(session, actor_id) if is_plain_id(actor_id) else None
    if actor is None:
        raise HTTPException(404, "no such actor")
    stmt = select(func.count(func.distinct(EventActor.event_id))).where(EventActor.actor_id == actor.id)
    roles = [
        RoleOut(role=r.role, title=r.title_en, title_ar=r.title_ar, start=r.start, end=r.end)
        for r in sorted(actor.roles, key=lambda r: (r.start is None, r.start))
    ]
    return {
        **contract.actor_dict(actor, [a.alias for a in actor.aliases]),
        "roles": roles,
        "n_events": session.execute(stmt).scalar_one(),
        "events_url": url_with(Filters(actor=(actor.id,)), "/api/events"),
    }


@router.get("/documents", response_model=DocumentsOut, responses=INVALID, summary="Articles in the store")
def api_documents(
    request: Request,
    session: SessionDep,
    source: Annotated[str | None, Query(description="only this source's articles")] = None,
    after: Annotated[str | None, Query(description="continue after this document id")] = None,
    limit: Annotated[str | None, Query(description="1-500 (default 100)")] = None,
) -> dict[str, Any]:
    size = int_param(request, "limit", 100, 1, queries.MAX_PAGE_SIZE)
    after_id = int_param(request, "after", 0, 0, 2**31 - 1) if after is not None else None
    source = _text_param(source or "", "source", 300)
    docs = queries.list_documents(session, source=source or None, limit=size, after_id=after_id)
    items = [
        DocumentOut(**{**d.__dict__, "page": f"/articles/{d.name}"}).model_dump(mode="json") for d in docs
    ]
    next_url = None
    if len(docs) == size:
        params = f"after={docs[-1].id}&limit={size}"
        next_url = (
            url_with(Filters(source=source or None), "/api/documents") + ("&" if source else "?") + params
        )
    return {"items": items, "next_url": next_url}


@router.get("/facets", response_model=FacetsOut, responses=INVALID, summary="Counts under the filters")
def api_facets(request: Request, session: SessionDep, filters: FiltersDep) -> dict[str, Any]:
    facets, hist = facets_and_histogram(session, filters, path="/")
    return {
        "total": queries.count_events(session, filters),
        "facets": {
            param: [
                FacetValueOut(
                    value=v.value,
                    label=v.label_en,
                    label_ar=v.label_ar,
                    count=v.count,
                    selected=v.selected,
                    url=v.url,
                )
                for v in facet.values
            ]
            for param, facet in facets.items()
        },
        "truncated": sorted(param for param, facet in facets.items() if facet.more),
        "histogram": HistogramOut(
            unit=hist.unit,
            buckets=[
                BucketOut(key=b.key, start=b.start, end=b.end, total=b.total, counts=b.counts)
                for b in hist.buckets
            ],
        ),
    }
