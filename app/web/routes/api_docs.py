"""The API's interactive documentation, served from vendored files so it works offline."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.web.templating import TEMPLATES_DIR

router = APIRouter()


@router.get("/docs", include_in_schema=False)
def api_docs() -> HTMLResponse:
    return HTMLResponse((TEMPLATES_DIR / "api_docs.html").read_text(encoding="utf-8"))
