"""Readable names of talks series (Geneva, Astana, the constitutional committee…) from the knowledge base.

Events store a series by its knowledge-base id ("geneva", "constitutional-committee"); pages and facet
lists show its English or Arabic name instead. An id the knowledge base does not name (a series of a
removed user file) is shown as it is stored.
"""

from __future__ import annotations

from functools import lru_cache

from app.ingest.knowledge import KbError, load_kb


@lru_cache(maxsize=1)
def series_names() -> dict[str, tuple[str, str]]:
    """{series id: (English name, Arabic name)}; empty when the knowledge base cannot be read."""
    try:
        kb = load_kb()
    except KbError:  # the ids still read; the ingest command reports the broken file
        return {}
    return {s.id: (s.name_en, s.name_ar) for s in kb.series.values()}


def series_name(series: str, lang: str) -> str:
    """The name of `series` in `lang` ("ar" or else English), or the stored id."""
    en, ar = series_names().get(series, (series, series))
    return (ar or en) if lang == "ar" else (en or ar)
