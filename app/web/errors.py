"""Error answers: an HTML page for people, JSON for the API and JSON clients.

A bad parameter is the caller's mistake and says which one (422); nothing a
caller sends should surface as a 500.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.web.templating import render, wants_json

TITLES = {404: "error_not_found", 410: "error_gone", 422: "error_invalid"}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or wants_json(request)


def error_page(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    context = {"status": status, "title_key": TITLES.get(status, "error_title"), "message": message}
    return render(request, "error.html", context, status_code=status)


async def http_error_page(request: Request, exc: StarletteHTTPException) -> Response:
    if _wants_json(request) or exc.status_code not in TITLES:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return error_page(request, exc.status_code, str(exc.detail))


async def validation_error_page(request: Request, exc: RequestValidationError) -> Response:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path"))
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    message = "; ".join(problems) or "invalid request"
    if _wants_json(request):
        return JSONResponse({"detail": message, "errors": exc.errors()}, status_code=422)
    return error_page(request, 422, message)
