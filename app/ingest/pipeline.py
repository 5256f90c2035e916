"""The only place that orders the ingestion stages.

read → (normalise, segment inside the stages) → time expressions → actors/places
→ events → merge. `ingest` stores up to BATCH articles per transaction, each in its own
savepoint: a failing article is reported with its path and reason, rolled back whole
(alone), and the batch goes on. Should the commit itself fail, the batch's articles are
stored again one transaction each, so one article still cannot take others down with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.db import begin_explicitly, session_scope
from app.ingest import merge, store, timex
from app.ingest.event_rows import keep_events
from app.ingest.events import extract as extract_events
from app.ingest.knowledge import KnowledgeBase, load_kb
from app.ingest.records import Extraction, RawArticle
from app.ingest.sources import ReadFailure, read_paths
from app.ingest.store import DocState

# Articles per transaction in `ingest`: committing each one cost more than storing a short one.
BATCH = 50
OnItem = Callable[[str, str | None], None]


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
    """Store one article and its analysis in a single transaction (see `_store`); any error
    rolls the whole article back."""
    with session_scope(factory) as session:
        return _store(article, kb, session, version)


def _store(article: RawArticle, kb: KnowledgeBase, session: Session, version: str) -> DocState:
    """The state check, the analysis and the writes share one session: opening a second one
    per article cost more than the check itself. Nothing is written before the analysis succeeds."""
    state, row = store.document_row(article, session=session, version=version)
    if state is DocState.UNCHANGED:
        return state
    extraction = analyse(article, kb)
    doc = store.upsert_document(article, session=session, version=version, row=row)
    store.replace_timexes(doc, extraction.timexes, session=session)
    merge.integrate(session, doc, extraction.events, kb)
    return state


def ingest(
    paths: Iterable[Path],
    *,
    factory: sessionmaker[Session],
    kb_paths: tuple[Path, ...] = (),
    on_item: OnItem | None = None,
    batch: int = BATCH,
) -> IngestReport:
    """Ingest every article under `paths`; `on_item(path, error)` reports progress (after each commit)."""
    kb = load_kb(kb_paths)
    version = store.extractor_version(kb_paths)
    with session_scope(factory) as session:
        store.sync_knowledge_base(kb, session=session)
    report = IngestReport()
    ingest_articles(
        read_paths(list(paths)),
        kb,
        factory=factory,
        version=version,
        report=report,
        on_item=on_item,
        batch=batch,
    )
    with session_scope(factory) as session:
        report.events = store.count_events(session=session)
    return report


def ingest_articles(
    items: Iterable[RawArticle | ReadFailure],
    kb: KnowledgeBase,
    *,
    factory: sessionmaker[Session],
    version: str,
    report: IngestReport,
    on_item: OnItem | None = None,
    batch: int = BATCH,
) -> None:
    """Store the articles `batch` to a transaction, in order; read failures are reported in turn."""
    pending: list[RawArticle | ReadFailure] = []
    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            _ingest_batch(pending, kb, report, factory=factory, version=version, on_item=on_item)
            pending = []
    if pending:
        _ingest_batch(pending, kb, report, factory=factory, version=version, on_item=on_item)


Outcome = tuple[RawArticle | ReadFailure, DocState | None, str | None]


def _ingest_batch(
    items: Sequence[RawArticle | ReadFailure],
    kb: KnowledgeBase,
    report: IngestReport,
    *,
    factory: sessionmaker[Session],
    version: str,
    on_item: OnItem | None,
) -> None:
    try:
        outcomes = _store_batch(items, kb, factory=factory, version=version)
    except Exception as exc:  # the commit failed: nothing of the batch is stored
        if len(items) > 1:
            for item in items:
                _ingest_batch([item], kb, report, factory=factory, version=version, on_item=on_item)
            return
        outcomes = [(items[0], None, f"could not be stored: {type(exc).__name__}: {exc}")]
    for item, state, error in outcomes:
        if isinstance(item, ReadFailure):
            report.failures.append(item)
        elif error is not None:
            report.failures.append(ReadFailure(item.path, error))
        elif state is DocState.NEW:
            report.new += 1
        elif state is DocState.CHANGED:
            report.changed += 1
        else:
            report.unchanged += 1
        if on_item:
            on_item(item.path, error)


def _store_batch(
    items: Sequence[RawArticle | ReadFailure],
    kb: KnowledgeBase,
    *,
    factory: sessionmaker[Session],
    version: str,
) -> list[Outcome]:
    """One transaction, a savepoint per article: a failing article is rolled back alone."""
    outcomes: list[Outcome] = []
    with session_scope(factory) as session:
        begin_explicitly(session)
        keep_events(session)
        for item in items:
            if isinstance(item, ReadFailure):
                outcomes.append((item, None, item.reason))
                continue
            try:
                with session.begin_nested():
                    state = _store(item, kb, session, version)
            except Exception as exc:  # one broken article never stops the batch
                outcomes.append((item, None, f"could not be stored: {type(exc).__name__}: {exc}"))
            else:
                outcomes.append((item, state, None))
    return outcomes
