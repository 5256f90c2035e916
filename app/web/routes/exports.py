"""Downloads of the current filters' events: /export.csv, .json, .jsonl, .ics, .timelinejs.

The filters are validated before the first byte is sent (so a bad one is a 422,
not a broken download); the rows then stream in keyset batches. The stream
opens its own session from the app's factory because it outlives the request
handler, and closes it when the last chunk is sent or the client goes away.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session, sessionmaker

from app.timeline import formats
from app.timeline.contract import iter_event_dicts
from app.timeline.filters import FilterError, Filters, parse_filters
from app.timeline.queries import iter_events
from app.web.routes.api import declared_filters
from app.web.routes.api_models import ErrorOut

router = APIRouter(tags=["exports"])
ROUTES = ("csv", "json", "jsonl", "ics", "timelinejs")


def export_filters(request: Request, _: Annotated[None, Depends(declared_filters)]) -> Filters:
    """The page's filters; an export always starts at the newest event."""
    try:
        return replace(parse_filters(request.query_params), next=None)
    except FilterError as exc:
        raise HTTPException(422, f"{exc.param}: {exc.message}") from exc


def _chunks(factory: sessionmaker[Session], filters: Filters, fmt: str, base_url: str) -> Iterator[bytes]:
    session = factory()
    try:
        rows = iter_event_dicts(iter_events(session, filters), session=session)
        for chunk in formats.stream(fmt, rows, base_url=base_url):
            yield chunk.encode("utf-8")
    finally:
        session.rollback()
        session.close()


def _download(request: Request, filters: Filters, fmt: str) -> StreamingResponse:
    base_url = str(request.base_url).rstrip("/")
    body = _chunks(request.app.state.sessionmaker, filters, fmt, base_url)
    filename = f"waqai-events.{formats.EXTENSIONS[fmt]}"
    return StreamingResponse(
        body,
        media_type=formats.MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _route(fmt: str) -> Callable[..., StreamingResponse]:
    def export(request: Request, filters: Annotated[Filters, Depends(export_filters)]) -> StreamingResponse:
        return _download(request, filters, fmt)

    export.__name__ = f"export_{fmt}"
    export.__doc__ = f"The filtered events as {fmt} (same filters as the timeline), streamed."
    return export


for _fmt in ROUTES:
    router.add_api_route(
        f"/export.{_fmt}",
        _route(_fmt),
        methods=["GET"],
        response_class=StreamingResponse,
        responses={422: {"model": ErrorOut}},
        summary=f"Download as {_fmt}",
    )
