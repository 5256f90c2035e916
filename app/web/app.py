"""The web application factory.

`create_app(settings)` wires everything; nothing touches a database at import
time, so tests build one app per database. The explorer only reads: every
route answers GET (and HEAD), never a method that writes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.web.errors import http_error_page, validation_error_page
from app.web.routes import actors, api, api_docs, articles, events, exports, health, timeline
from app.web.templating import STATIC_DIR, make_environment

# The pages load only our own script and stylesheet files: no inline code at
# all, so an injected <script> in article text could not run even unescaped.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The API docs page runs the vendored Swagger UI, which sets inline styles on its widgets.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs",)


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


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Waqai",
        summary="An event timeline explorer for Arabic and English news",
        lifespan=_lifespan,
        docs_url=None,  # served by routes.api_docs from vendored files: no CDN
        redoc_url=None,
    )
    app.state.settings = settings or Settings()
    app.state.ready = False
    app.state.jinja = make_environment()
    app.middleware("http")(_security_headers)
    app.add_exception_handler(StarletteHTTPException, http_error_page)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error_page)  # type: ignore[arg-type]
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    routers = (api.router, exports.router, api_docs.router, health.router, events.router, articles.router)
    for router in (*routers, actors.router):
        app.include_router(router)
    app.include_router(timeline.router)
    return app
