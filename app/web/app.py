"""The web application factory.

`create_app(settings)` wires everything; nothing touches a database at import
time, so tests build one app per database. The explorer only reads: every
route answers GET (and HEAD), never a method that writes.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.web.errors import http_error_page, validation_error_page
from app.web.routes import actors, articles, events, health, timeline
from app.web.templating import STATIC_DIR, make_environment

# The pages load only our own script and stylesheet files: no inline code at
# all, so an injected <script> in article text could not run even unescaped.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's interactive docs page needs its CDN assets and an inline bootstrap.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
OPTIONAL_ROUTERS = ("app.web.routes.api", "app.web.routes.exports")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    engine = make_engine(settings.database_url, echo=settings.echo_sql)
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.ready = True
    try:
        yield
    finally:
        app.state.ready = False
        engine.dispose()


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    docs = request.url.path.startswith(DOCS_PATHS)
    response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else PAGE_CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    # One URL gives a page, its htmx fragment or JSON: caches must key on both.
    vary = response.headers.get("Vary")
    wanted = "HX-Request, Accept"
    response.headers["Vary"] = f"{vary}, {wanted}" if vary else wanted
    return response


def _optional_routers() -> list[APIRouter]:
    """The JSON API and exports routers, when their modules exist."""
    found = []
    for name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found.append(module.router)
    return found


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Waqai",
        summary="An event timeline explorer for Arabic and English news",
        lifespan=_lifespan,
    )
    app.state.settings = settings or Settings()
    app.state.ready = False
    app.state.jinja = make_environment()
    app.middleware("http")(_security_headers)
    app.add_exception_handler(StarletteHTTPException, http_error_page)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error_page)  # type: ignore[arg-type]
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in (*_optional_routers(), health.router, events.router, articles.router, actors.router):
        app.include_router(router)
    app.include_router(timeline.router)
    return app
