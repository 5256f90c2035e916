"""Full-text search over source passages, folding Arabic spellings.

Ingest stores every passage twice: as written and folded (`fold_text`: hamza
forms, alef maqsura, ta marbuta, diacritics, tatweel, Eastern digits). The
query is folded the same way, so "الأمم المتحدة" finds "الامم المتحده" and
"٢٠١٦" finds "2016". The match is a substring test on the folded column
(LIKE, which both SQLite and PostgreSQL run; folded text is already lower-case
so no ILIKE is needed). Each whitespace-separated word must occur in some
passage of the event, in any order.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, select

from app.ingest.normalize import fold, fold_text
from app.models import Mention

_LIKE_ESCAPE = "\\"
MAX_TERMS = 8


def query_terms(q: str) -> list[str]:
    """The folded words of a search, deduplicated, at most MAX_TERMS."""
    words = fold_text(q).split(" ")
    return list(dict.fromkeys(w for w in words if w))[:MAX_TERMS]


def like_pattern(term: str) -> str:
    """A LIKE pattern matching `term` anywhere, with its own % and _ taken literally."""
    escaped = (
        term.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2).replace("%", _LIKE_ESCAPE + "%").replace("_", "\\_")
    )
    return f"%{escaped}%"


def passage_condition(q: str) -> ColumnElement[bool] | None:
    """A condition on Mention rows whose folded passage holds every word of `q`."""
    terms = query_terms(q)
    if not terms:
        return None
    return and_(*(Mention.passage_folded.like(like_pattern(t), escape=_LIKE_ESCAPE) for t in terms))


def matching_event_ids(q: str) -> Select[str] | None:
    """A subquery of the ids of events with a passage matching `q` (None: no words)."""
    condition = passage_condition(q)
    if condition is None:
        return None
    return select(Mention.event_id).where(condition)


def highlight_spans(passage: str, q: str) -> list[tuple[int, int]]:
    """Where the words of `q` occur in `passage`, as offsets into the passage as written."""
    folded = fold(passage)
    text = folded.text.lower()
    spans: list[tuple[int, int]] = []
    for term in query_terms(q):
        start = text.find(term)
        while start != -1:
            spans.append(folded.to_original(start, start + len(term)))
            start = text.find(term, start + len(term))
    return sorted(set(spans))
