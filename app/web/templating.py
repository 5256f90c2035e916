"""Jinja2 set-up and the three outputs of one route: page, htmx fragment, JSON.

A fragment is a named block of the same template rendered alone (the pattern of
jinja2-fragments), so the page and its htmx swap can never drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.web.dates import date_text, iso
from app.web.i18n import LANG_COOKIE, LANGS, translator

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"
HTMX_FILE = next(iter(sorted((STATIC_DIR / "vendor").glob("htmx-*.min.js"))), None)


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["htmx_path"] = f"/static/vendor/{HTMX_FILE.name}" if HTMX_FILE else None
    env.globals["date_text"] = date_text
    env.globals["iso"] = iso
    return env


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def is_htmx(request: Request) -> bool:
    # A boosted or history-restore request wants the whole page.
    return (
        request.headers.get("hx-request") == "true"
        and request.headers.get("hx-history-restore-request") != "true"
    )


def _lang_switch_url(request: Request, lang: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("lang", "_next")]
    params.append(("lang", lang))
    return f"{request.url.path}?{urlencode(params)}"


def base_context(request: Request) -> dict[str, Any]:
    t = translator(request)
    return {
        "request": request,
        "t": t,
        "lang": t.lang,
        "dir": t.dir,
        "switch_url": _lang_switch_url(request, t.other),
        "page_url": str(request.url),
    }


def _remember_lang(request: Request, response: Response) -> Response:
    asked = request.query_params.get("lang")
    if asked in LANGS and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    block: str | None = None,
) -> HTMLResponse:
    """The whole page, or only `block` of it (the htmx fragment)."""
    env: Environment = request.app.state.jinja
    tmpl = env.get_template(template)
    values = {**base_context(request), **context}
    # With a block name: only that block, the htmx fragment of the same template.
    html = tmpl.render(values) if block is None else "".join(tmpl.blocks[block](tmpl.new_context(values)))
    return _remember_lang(request, HTMLResponse(html, status_code=status_code))  # type: ignore[return-value]


def json_response(data: Any, *, status_code: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status_code)
