"""The only place that orders the ingestion stages.

read → (normalise, segment inside the stages) → time expressions → actors/places
→ events → merge, one transaction per article. A failing article is reported with
its path and reason, rolled back whole, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.db import session_scope
from app.ingest import merge, store, timex
from app.ingest.events import extract as extract_events
from app.ingest.knowledge import KnowledgeBase, load_kb
from app.ingest.records import Extraction, RawArticle
from app.ingest.sources import ReadFailure, read_paths
from app.ingest.store import DocState


def analyse(article: RawArticle, kb: KnowledgeBase) -> Extraction:
    """Everything the stages find in one article; pure, no database."""
    timexes = timex.tag(article.text, article.published, article.lang)
    found = extract_events(article, timexes, kb)
    return Extraction(article=article, timexes=tuple(timexes), events=tuple(found))


@dataclass
class IngestReport:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    events: int = 0

    @property
    def stored(self) -> int:
        return self.new + self.changed

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged + len(self.failures)

    def summary(self) -> str:
        # new counts every article stored in this run (first seen, or replaced by a changed version)
        return (
            f"ingested {self.total} articles ({self.stored} new, {self.unchanged} unchanged, "
            f"{len(self.failures)} failed), {self.events} events"
        )


def ingest_article(
    article: RawArticle, kb: KnowledgeBase, *, factory: sessionmaker[Session], version: str
) -> DocState:
    """Store one article and its analysis in a single transaction.

    The state check, the analysis and the writes share one session: opening a second one
    per article cost more than the check itself. Nothing is written before the analysis
    succeeds, and any error rolls the whole article back.
    """
    with session_scope(factory) as session:
        state = store.document_state(article, session=session, version=version)
        if state is DocState.UNCHANGED:
            return state
        extraction = analyse(article, kb)
        doc = store.upsert_document(article, session=session, version=version)
        store.replace_timexes(doc, extraction.timexes, session=session)
        merge.integrate(session, doc, extraction.events, kb)
    return state


def ingest(
    paths: Iterable[Path],
    *,
    factory: sessionmaker[Session],
    kb_paths: tuple[Path, ...] = (),
    on_item: Callable[[str, str | None], None] | None = None,
) -> IngestReport:
    """Ingest every article under `paths`; `on_item(path, error)` reports progress."""
    kb = load_kb(kb_paths)
    version = store.extractor_version(kb_paths)
    with session_scope(factory) as session:
        store.sync_knowledge_base(kb, session=session)
    report = IngestReport()
    for item in read_paths(list(paths)):
        error = _ingest_item(item, kb, report, factory=factory, version=version)
        if on_item:
            on_item(item.path, error)
    with session_scope(factory) as session:
        report.events = store.count_events(session=session)
    return report


def _ingest_item(
    item: RawArticle | ReadFailure,
    kb: KnowledgeBase,
    report: IngestReport,
    *,
    factory: sessionmaker[Session],
    version: str,
) -> str | None:
    if isinstance(item, ReadFailure):
        report.failures.append(item)
        return item.reason
    try:
        state = ingest_article(item, kb, factory=factory, version=version)
    except Exception as exc:  # one broken article never stops the batch
        failure = ReadFailure(item.path, f"could not be stored: {type(exc).__name__}: {exc}")
        report.failures.append(failure)
        return failure.reason
    if state is DocState.NEW:
        report.new += 1
    elif state is DocState.CHANGED:
        report.changed += 1
    else:
        report.unchanged += 1
    return None
