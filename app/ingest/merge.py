"""Cross-article merging: attach each account of an article to the event it reports.

`integrate()` runs inside the caller's transaction, after the article's Document
row is up to date. It removes the article's previous mentions, finds merge
candidates for all its new accounts with indexed queries only (type + sort-date
window + actor links, or series + round; one statement per article, see
merge_candidates), attaches each account or creates an event, and lets
`event_rows.Workset.settle()` give every touched event its stable id. Ids that
vanish are retired with the event that took over their passage. Statements are
built once and run on the session's connection: building them per call cost more
than running them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any, Protocol, cast

from sqlalchemy import BindParameter, Connection, Table, bindparam, delete, insert, select
from sqlalchemy.orm import Session

from app.db import execute_many, fetch, fetch_scalars, in_list, run
from app.ingest.event_rows import DELETE_LINKS, NewAccount, Workset, retire_id
from app.ingest.identity import Aggregate, Report, RoundLookup
from app.ingest.merge_candidates import EVENTS, MENTIONS, Search, find_candidates, search_of
from app.ingest.merge_rules import Profile, match_score, speakers_of
from app.ingest.normalize import fold_text
from app.ingest.records import ActorRef, ExtractedEvent
from app.models import Actor, ActorAlias, Place

ACTORS = cast(Table, Actor.__table__)
ALIASES = cast(Table, ActorAlias.__table__)
PLACES = cast(Table, Place.__table__)
_DOC: BindParameter[Any] = bindparam("doc")
OLD_MENTIONS = select(MENTIONS.c.event_id, MENTIONS.c.start, MENTIONS.c.end).where(
    MENTIONS.c.document_id == _DOC
)
DELETE_MENTIONS = delete(MENTIONS).where(MENTIONS.c.document_id == _DOC)
STILL_MENTIONED = (
    select(MENTIONS.c.event_id).where(in_list(MENTIONS.c.event_id, "ids")).group_by(MENTIONS.c.event_id)
)
KEYS_OF = select(EVENTS.c.id, EVENTS.c.identity_key).where(in_list(EVENTS.c.id, "ids"))
DELETE_EVENTS = delete(EVENTS).where(in_list(EVENTS.c.id, "ids"))
KNOWN_ACTORS = select(ACTORS.c.id).where(in_list(ACTORS.c.id, "ids"))
KNOWN_PLACES = select(PLACES.c.id).where(in_list(PLACES.c.id, "ids"))
KNOWN_ALIASES = select(ALIASES.c.actor_id, ALIASES.c.alias).where(in_list(ALIASES.c.actor_id, "ids"))
INSERT_ACTORS = insert(ACTORS)
INSERT_ALIASES = insert(ALIASES)
INSERT_PLACES = insert(PLACES)


class StoredDocument(Protocol):
    """What merging needs of the article's row (store.StoredDocument, or a models.Document)."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def published(self) -> date | None: ...


@dataclass(frozen=True)
class OldMention:
    event_id: str
    start: int
    end: int


def integrate(session: Session, document: StoredDocument, events: Sequence[ExtractedEvent], kb: Any) -> None:
    """Replace `document`'s accounts with `events`, merging across articles; never commits."""
    session.flush()
    lookup = round_lookup(kb)
    work = Workset(session, lookup)
    conn = work.conn
    old = [] if getattr(document, "fresh", False) else _remove_old_mentions(conn, document.id)
    work.forget({m.event_id for m in old})
    orphans = _detach(conn, work, {m.event_id for m in old})
    _ensure_refs(conn, events)
    # An account without a passage cannot be shown or re-found: it is not stored.
    accounts = [
        NewAccount(event, report_of(event, document, group))
        for group, event in enumerate(sorted((e for e in events if e.mentions), key=_first_span))
    ]
    searches = [search_of(new_profile(a.report, lookup), a.report.published) for a in accounts]
    pool = find_candidates(conn, searches, work.kept)
    work.remember(pool)
    placed: list[tuple[NewAccount, str]] = []
    claimed: set[str] = set()
    for account, search in zip(accounts, searches, strict=True):
        target = _best_match(work, search, pool, claimed)
        if target is not None:
            work.load([target])
            claimed.add(target)
        placed.append((account, work.attach(account, target)))
    final = work.settle(document.id)
    shared = {final[ref] for ref, entry in work.entries.items() if entry.stored and ref in final}
    _retire_orphans(
        session, orphans, old, [(a, final[ref]) for a, ref in placed], set(final.values()), shared
    )


def _first_span(event: ExtractedEvent) -> tuple[int, int, str]:
    first = min(((m.start, m.end) for m in event.mentions), default=(0, 0))
    return (*first, event.type)


def round_lookup(kb: Any) -> RoundLookup | None:
    """The knowledge base's record of rounds: which numbered round ran on a given day."""
    rounds = tuple(getattr(kb, "rounds", ()) or ())
    if not rounds:
        return None
    try:  # one function for equal rounds: stored events keep their aggregate per lookup
        return _shared_lookup(rounds)
    except TypeError:  # rounds that cannot be hashed get a lookup of their own
        return _lookup_of(rounds)


@lru_cache(maxsize=8)
def _shared_lookup(rounds: tuple[Any, ...]) -> RoundLookup:
    return _lookup_of(rounds)


def _lookup_of(rounds: tuple[Any, ...]) -> RoundLookup:
    def find(series: str, day: date) -> int | None:
        for r in rounds:
            if r.series.casefold() == series.casefold() and r.start and r.end and r.start <= day <= r.end:
                return int(r.round)
        return None

    return find


def report_of(event: ExtractedEvent, document: StoredDocument, group: int) -> Report:
    return Report(
        document=document.name,
        published=document.published,
        group=group,
        spans=tuple(sorted((m.start, m.end) for m in event.mentions)),
        type=event.type,
        status=event.status,
        date=event.date,
        place=event.place.id if event.place else None,
        series=event.series,
        round=event.round,
        actors=tuple(sorted({(a.id, a.role) for a in event.actors})),
        title_en=event.title_en,
        title_ar=event.title_ar,
        document_id=document.id,
    )


def _remove_old_mentions(conn: Connection, document_id: int) -> list[OldMention]:
    rows = fetch(conn, OLD_MENTIONS, {"doc": document_id})
    if rows:
        run(conn, DELETE_MENTIONS, {"doc": document_id})
    return [OldMention(*row) for row in rows]


def _detach(conn: Connection, work: Workset, affected: set[str]) -> dict[str, str]:
    """Events that lost this article's passages: survivors join the workset, empty ones are deleted."""
    if not affected:
        return {}
    ids = sorted(affected)
    alive = set(fetch_scalars(conn, STILL_MENTIONED, {"ids": ids}))
    work.load(sorted(alive))
    empty = [i for i in ids if i not in alive]
    orphans: dict[str, str] = {}
    if empty:
        orphans = {eid: key for eid, key in fetch(conn, KEYS_OF, {"ids": empty})}
        run(conn, DELETE_LINKS, {"ids": empty})
        run(conn, DELETE_EVENTS, {"ids": empty})
    work.extra_keys |= set(orphans.values())
    return orphans


def new_profile(report: Report, lookup: RoundLookup | None) -> Profile:
    rnd = report.round
    if rnd is None and report.series and lookup and report.status != "planned":
        day = report.date.start if report.date else report.published
        rnd = lookup(report.series, day) if day else None
    return Profile(
        type=report.type,
        date=report.date,
        place=report.place,
        series=report.series,
        round=rnd,
        actors=frozenset(a for a, _ in report.actors),
        speakers=speakers_of(set(report.actors)),
        documents=frozenset({report.document_id}),
    )


def _best_match(work: Workset, search: Search, pool: dict[str, Any], claimed: set[str]) -> str | None:
    """The best compatible event, deterministic: score, then sources, then id.

    Candidates are the stored events the account's search admits and the events this
    article already touched; the workset's profile of an event is fresher than its row.
    """
    ids = {ref for ref, event in pool.items() if search.admits(event)} | _workset_ids(work)
    scored = []
    for ref in ids - claimed:
        old = _profile(work, pool, ref)
        score = match_score(search.new, old)
        if score is not None:
            scored.append((-score, -old.n_sources, ref))
    return min(scored)[2] if scored else None


def _workset_ids(work: Workset) -> set[str]:
    return {ref for ref, e in work.entries.items() if e.in_db and e.reports()}


def _profile(work: Workset, pool: dict[str, Any], ref: str) -> Profile:
    if ref in work.entries:
        return _profile_of(work.aggregate_of(ref), work.entries[ref].reports())
    return cast(Profile, pool[ref].profile())


def _profile_of(agg: Aggregate, reports: Sequence[Report]) -> Profile:
    return Profile(
        type=agg.type,
        date=agg.date,
        place=agg.place,
        series=agg.series,
        round=agg.round,
        actors=frozenset(a for a, _ in agg.actors),
        speakers=speakers_of(set(agg.actors)),
        documents=frozenset(r.document_id for r in reports),
        n_sources=agg.n_sources,
        placed=agg.sort_date,
    )


def _retire_orphans(
    session: Session,
    orphans: dict[str, str],
    old: Sequence[OldMention],
    placed: Sequence[tuple[NewAccount, str]],
    alive: set[str],
    shared: set[str],
) -> None:
    """An id that did not come back points to the event that took over its passage, else 410.

    The reason says how: merged into an event other articles report, split over several
    events, or re-identified (the passage now names an event with another identity).
    """
    for orphan in sorted(set(orphans) - alive):
        overlap: dict[str, int] = defaultdict(int)
        for m in (m for m in old if m.event_id == orphan):
            for account, eid in placed:
                for s in account.event.mentions:
                    overlap[eid] += max(0, min(m.end, s.end) - max(m.start, s.start))
        hits = sorted(((-n, eid) for eid, n in overlap.items() if n > 0))
        if not hits:
            retire_id(session, orphan, None, "vanished")
            continue
        successor = hits[0][1]
        reason = "split" if len(hits) > 1 else "merged" if successor in shared else "re-identified"
        retire_id(session, orphan, successor, reason)


def _ensure_refs(conn: Connection, events: Sequence[ExtractedEvent]) -> None:
    """Actors and places the events name must exist; new actors gain the spellings seen."""
    actors: dict[str, ActorRef] = {}
    for ref in (a for e in events for a in e.actors):
        seen = actors.get(ref.id)
        actors[ref.id] = ref if seen is None else replace(seen, aliases=(*seen.aliases, *ref.aliases))
    if actors:
        known = set(fetch_scalars(conn, KNOWN_ACTORS, {"ids": sorted(actors)}))
        missing = [actors[i] for i in sorted(actors) if i not in known]
        if missing:
            execute_many(conn, INSERT_ACTORS, [_actor_row(a) for a in missing])
        _add_aliases(conn, [a for a in actors.values() if a.is_new or a.id not in known])
    places = {e.place.id: e.place for e in events if e.place}
    if places:
        known = set(fetch_scalars(conn, KNOWN_PLACES, {"ids": sorted(places)}))
        rows = [
            {"id": p.id, "name_en": p.name_en, "name_ar": p.name_ar, "kind": p.kind}
            for i, p in sorted(places.items())
            if i not in known
        ]
        if rows:
            execute_many(conn, INSERT_PLACES, rows)


def _add_aliases(conn: Connection, refs: Sequence[ActorRef]) -> None:
    """Spellings of actors found in text that the store does not hold yet."""
    if not refs:
        return
    ids = sorted({a.id for a in refs})
    have = {(actor_id, alias) for actor_id, alias in fetch(conn, KNOWN_ALIASES, {"ids": ids})}
    rows = {}
    for a in refs:
        for name in (a.name_ar, a.name_en, *a.aliases):
            alias = (name or "").strip()[:300]
            if alias and (a.id, alias) not in have:
                rows[(a.id, alias)] = _alias_row(a.id, alias)
    if rows:
        execute_many(conn, INSERT_ALIASES, list(rows.values()))


def _actor_row(a: Any) -> dict[str, Any]:
    return {
        "id": a.id,
        "name_en": a.name_en,
        "name_ar": a.name_ar,
        "kind": a.kind,
        "wikidata": a.wikidata,
        "is_new": a.is_new,
    }


def _alias_row(actor_id: str, alias: str) -> dict[str, Any]:
    lang = "en" if alias.isascii() else "ar"
    return {
        "actor_id": actor_id,
        "alias": alias[:300],
        "alias_folded": fold_text(alias)[:300],
        "lang": lang,
    }
