"""UI strings in English and Arabic, and which language a request wants.

The language comes from `?lang=` (it wins, so a shared link shows what its
sender saw), then the cookie the header switch sets, then Accept-Language,
else English. Strings live in `locales/<lang>.yaml` so translators never
touch code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from starlette.requests import Request

LANGS: tuple[str, ...] = ("en", "ar")
DEFAULT_LANG = "en"
RTL_LANGS = frozenset({"ar"})
LANG_COOKIE = "waqai_lang"
LOCALES_DIR = Path(__file__).parent / "locales"


@cache
def strings(lang: str) -> dict[str, str]:
    """The flat key -> text mapping of one locale file."""
    with (LOCALES_DIR / f"{lang}.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"locale {lang}: expected a mapping at the top")
    return {str(key): str(value) for key, value in data.items()}


@dataclass(frozen=True)
class Translator:
    lang: str

    @property
    def dir(self) -> str:
        return "rtl" if self.lang in RTL_LANGS else "ltr"

    @property
    def other(self) -> str:
        return "ar" if self.lang == "en" else "en"

    def __call__(self, key: str, **values: object) -> str:
        # A missing key shows the key itself: visible in review, never a crash.
        text = strings(self.lang).get(key) or strings(DEFAULT_LANG).get(key) or key
        return text.format(**values) if values else text

    def month(self, number: int) -> str:
        return self(f"month_{number}")


def _from_accept_language(header: str) -> str | None:
    """The first supported language in an Accept-Language header, by q order."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        piece = part.strip()
        if not piece:
            continue
        tag, _, params = piece.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.strip().lower().split("-")[0]))
    for _q, _i, primary in sorted(ranked):
        if primary in LANGS:
            return primary
    return None


def request_lang(request: Request) -> str:
    """The language for this request: ?lang=, then cookie, then Accept-Language."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGS:
        return cookie
    return _from_accept_language(request.headers.get("accept-language", "")) or DEFAULT_LANG


def translator(request: Request) -> Translator:
    return Translator(request_lang(request))
