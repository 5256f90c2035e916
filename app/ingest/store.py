"""Idempotent writes of documents, their time expressions and the knowledge base.

Functions take the session as a keyword and never commit: the pipeline frames
one transaction per article. The per-article writes run statements built once, on the
session's connection (no ORM unit of work).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import BindParameter, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.db import execute_many, fetch, run
from app.ingest.knowledge import KnowledgeBase
from app.ingest.normalize import fold_text
from app.ingest.records import RawArticle, Timex
from app.models import Actor, ActorAlias, ActorRole, Document, Event, Place, TimexRow, utcnow

RESOURCES = Path(__file__).parent / "resources"
# Bump when extraction code changes in a way the resource files do not show.
PIPELINE_VERSION = "1"


DOCUMENTS = cast(Table, Document.__table__)
TIMEXES = cast(Table, TimexRow.__table__)
_NAME: BindParameter[Any] = bindparam("name")
DOCUMENT_BY_NAME = select(DOCUMENTS.c.id, DOCUMENTS.c.content_hash, DOCUMENTS.c.extractor_version).where(
    DOCUMENTS.c.name == _NAME
)
_DOC_FIELDS = ("text", "title", "language", "published", "url", "source", "content_hash", "extractor_version")
INSERT_DOCUMENT = insert(DOCUMENTS).returning(DOCUMENTS.c.id)
UPDATE_DOCUMENT = (
    update(DOCUMENTS)
    .where(DOCUMENTS.c.id == bindparam("b_id"))
    .values({c: bindparam(f"b_{c}") for c in _DOC_FIELDS})
)
DELETE_TIMEXES = delete(TIMEXES).where(TIMEXES.c.document_id == bindparam("doc"))
INSERT_TIMEXES = insert(TIMEXES)


@dataclass(frozen=True)
class StoredDocument:
    """The stored row of an article, as merging needs it."""

    id: int
    name: str
    published: date | None
    fresh: bool = False  # inserted in this transaction: it has no stored rows to replace yet


class DocState(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


def content_hash(article: RawArticle) -> str:
    """Hash of the text and of the metadata that changes its analysis."""
    payload = json.dumps(
        [
            article.text,
            str(article.published or ""),
            article.lang,
            article.title,
            article.url,
            article.source,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def extractor_version(extra: tuple[Path, ...] = ()) -> str:
    """Fingerprint of every rule and dictionary file, so better rules re-analyse old articles."""
    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    files = sorted(p for p in RESOURCES.rglob("*") if p.is_file())
    for root in extra:
        files += sorted(p for p in (root.rglob("*") if root.is_dir() else [root]) if p.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_row(article: RawArticle, *, session: Session, version: str) -> tuple[DocState, Any]:
    """The article's state and its stored row (None when new), which `upsert_document` takes."""
    rows = fetch(session.connection(), DOCUMENT_BY_NAME, {"name": article.name})
    if not rows:
        return DocState.NEW, None
    row = rows[0]  # id, content_hash, extractor_version
    if row[1] == content_hash(article) and row[2] == version:
        return DocState.UNCHANGED, row
    return DocState.CHANGED, row


_UNREAD = object()


def upsert_document(
    article: RawArticle, *, session: Session, version: str, row: Any = _UNREAD
) -> StoredDocument:
    """Insert the article, or update the stored one in place (its id stays).

    `row`: what `document_row` read in this transaction, so that it is not read again.
    """
    conn = session.connection()
    values: dict[str, Any] = {
        "text": article.text,
        "title": article.title,
        "language": article.lang,
        "published": article.published,
        "url": article.url,
        "source": article.source,
        "content_hash": content_hash(article),
        "extractor_version": version,
    }
    if row is _UNREAD:
        row = next(iter(fetch(conn, DOCUMENT_BY_NAME, {"name": article.name})), None)
    if row is None:
        cursor = run(conn, INSERT_DOCUMENT, {"name": article.name, **values, "ingested_at": utcnow()})
        return StoredDocument(int(cursor.fetchone()[0]), article.name, article.published, fresh=True)
    doc_id = int(row[0])
    run(conn, UPDATE_DOCUMENT, {"b_id": doc_id, **{f"b_{k}": v for k, v in values.items()}})
    return StoredDocument(doc_id, article.name, article.published)


def replace_timexes(doc: StoredDocument | Document, timexes: Sequence[Timex], *, session: Session) -> None:
    conn = session.connection()
    if not getattr(doc, "fresh", False):
        run(conn, DELETE_TIMEXES, {"doc": doc.id})
    rows = [
        {
            "document_id": doc.id,
            "start": t.start,
            "end": t.end,
            "text": t.text[:500],
            "value": t.value,
            "precision": t.precision,
            "rule": t.rule,
        }
        for t in timexes
    ]
    if rows:
        execute_many(conn, INSERT_TIMEXES, rows)


def count_events(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Event)) or 0


def _alias_rows(actor_id: str, aliases: Iterable[tuple[str, str]]) -> list[ActorAlias]:
    seen: set[str] = set()
    rows = []
    for alias, lang in aliases:
        alias = alias.strip()
        if alias and alias not in seen:
            seen.add(alias)
            rows.append(
                ActorAlias(
                    actor_id=actor_id, alias=alias[:300], alias_folded=fold_text(alias)[:300], lang=lang
                )
            )
    return rows


def sync_knowledge_base(kb: KnowledgeBase, *, session: Session) -> None:
    """Mirror the knowledge base's actors, aliases, roles and places into the store."""
    for place in kb.places.values():
        session.merge(Place(id=place.id, name_en=place.name_en, name_ar=place.name_ar, kind=place.kind))
    existing = set(session.scalars(select(Actor.id)))
    for actor in kb.actors.values():
        session.merge(
            Actor(
                id=actor.id,
                name_en=actor.name_en,
                name_ar=actor.name_ar,
                kind=actor.kind,
                wikidata=actor.wikidata,
                is_new=False,
            )
        )
        if actor.id in existing:
            session.execute(delete(ActorAlias).where(ActorAlias.actor_id == actor.id))
            session.execute(delete(ActorRole).where(ActorRole.actor_id == actor.id))
        names = [(actor.name_en, "en"), (actor.name_ar, "ar")]
        names += [(a.text, "ar") for a in actor.aliases_ar] + [(a.text, "en") for a in actor.aliases_en]
        session.add_all(_alias_rows(actor.id, names))
        session.add_all(
            ActorRole(
                actor_id=actor.id,
                role=r.role,
                title_en=r.title_en,
                title_ar=r.title_ar,
                start=r.start,
                end=r.end,
            )
            for r in actor.roles
        )
    session.flush()
