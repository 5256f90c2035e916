"""Writing events: aggregate fields, actor links, renames to their stable ids, retired ids.

The merge step gathers a `Workset` (every event one article touched, with its
reports), then `settle()` gives each its stable id, renames rows whose identity
changed (the old id is retired with its successor) and writes the fields. Core
statements built once (module level), executed on the session's connection, inside
the caller's transaction; nothing here commits. Stored events are read once per
article (`known`): candidates, survivors and siblings alike, so deciding what
changed reads nothing again; in the pipeline's batches they are kept for the next
articles as written (`keep_events`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import String, Table, bindparam, delete, insert, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.db import execute_many, fetch_scalars, in_list, run
from app.ingest.identity import Aggregate, Report, RoundLookup, aggregate, always_anchored_key, desired_ids
from app.ingest.merge_candidates import (
    EVENTS,
    LINKS,
    MENTION_KEYS,
    MENTIONS,
    ROW_COLUMNS,
    StoredEvent,
    read_events,
    read_mentions,
)
from app.ingest.normalize import fold_text
from app.ingest.records import DateValue, ExtractedEvent
from app.models import RetiredEvent, utcnow

RETIRED = cast(Table, RetiredEvent.__table__)
# Every column event_fields() gives, so that one UPDATE statement serves every changed event.
_FIELDS = (
    "identity_key",
    "type",
    "status",
    "date_value",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "sort_date",
    "title_en",
    "title_ar",
    "place_id",
    "series",
    "round",
    "n_sources",
    "updated_at",
)
_BOUND = {c: f"b_{c}" for c in ("id", *_FIELDS)}
INSERT_EVENTS = insert(EVENTS)
UPDATE_EVENT = (
    update(EVENTS).where(EVENTS.c.id == bindparam("b_id")).values({c: bindparam(f"b_{c}") for c in _FIELDS})
)
INSERT_LINKS = insert(LINKS)
DELETE_LINKS = delete(LINKS).where(in_list(LINKS.c.event_id, "ids"))
INSERT_MENTIONS = insert(MENTIONS)
SIBLINGS = select(EVENTS.c.id).where(in_list(EVENTS.c.identity_key, "keys"))
UNRETIRE = delete(RETIRED).where(in_list(RETIRED.c.old_id, "ids"))
_MOVED_COLS = [c for c in EVENTS.columns if c.name != "id"]
COPY_EVENT = insert(EVENTS).from_select(
    ["id", *[c.name for c in _MOVED_COLS]],
    select(bindparam("dst", type_=String(40)), *_MOVED_COLS).where(EVENTS.c.id == bindparam("src")),
)
REPOINT_MENTIONS = (
    update(MENTIONS).where(MENTIONS.c.event_id == bindparam("src")).values(event_id=bindparam("dst"))
)
DELETE_EVENT_LINKS = delete(LINKS).where(LINKS.c.event_id == bindparam("src"))
DELETE_EVENT = delete(EVENTS).where(EVENTS.c.id == bindparam("src"))
FORGET_RETIRED = delete(RETIRED).where(RETIRED.c.old_id == bindparam("old"))
RETIRE = insert(RETIRED)
COMPRESS_RETIRED = (
    update(RETIRED).where(RETIRED.c.successor_id == bindparam("old")).values(successor_id=bindparam("new"))
)


# Stored events the articles of one transaction read or wrote, as the store now holds them
# (session.info; see keep_events): the next article that touches one needs not read it again.
KEPT = "waqai.kept_events"
_ROW_KEYS = tuple(c.name for c in ROW_COLUMNS)


def keep_events(session: Session) -> None:
    """Let merging keep the events it reads and writes for the later articles of this transaction.

    Only for a caller whose every write to events and mentions goes through `integrate` until
    the transaction ends (the pipeline's batches): a rollback, of the transaction or of a
    savepoint, forgets them all.
    """
    session.info[KEPT] = {}


@sa_event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, _previous: Any) -> None:
    kept = session.info.get(KEPT)
    if kept:
        kept.clear()


@sa_event.listens_for(Session, "after_transaction_end")
def _forget_at_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(KEPT, None)


@dataclass
class NewAccount:
    """One ExtractedEvent of the article being stored, not yet written."""

    event: ExtractedEvent
    report: Report


@dataclass
class Entry:
    stored: list[Report] = field(default_factory=list)  # reports already in the mentions table
    new: list[NewAccount] = field(default_factory=list)
    in_db: bool = False
    old_key: str | None = None

    def reports(self) -> list[Report]:
        return self.stored + [a.report for a in self.new]


class Workset:
    """Every event touched while storing one article, keyed by current id (or '~n' when new)."""

    def __init__(self, session: Session, lookup: RoundLookup | None) -> None:
        self.session = session
        self.conn = session.connection()
        self.lookup = lookup
        self.entries: dict[str, Entry] = {}
        self.extra_keys: set[str] = set()  # keys of deleted events: their siblings may move up
        self.known: dict[str, StoredEvent] = {}  # stored events read in this transaction
        self._aggregates: dict[str, tuple[int, Aggregate]] = {}
        self.kept: dict[str, StoredEvent] | None = session.info.get(KEPT)

    def forget(self, ids: Iterable[str]) -> None:
        """Events this article changes before it reads them (its old mentions are gone)."""
        if self.kept is not None:
            for i in ids:
                self.kept.pop(i, None)

    def remember(self, events: dict[str, StoredEvent]) -> None:
        for eid, event in events.items():
            self.known.setdefault(eid, event)

    def load(self, ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in self.entries]
        if not missing:
            return
        if self.kept:
            self.remember({i: self.kept[i] for i in missing if i not in self.known and i in self.kept})
        self.remember(read_events(self.conn, [i for i in missing if i not in self.known]))
        read_mentions(self.conn, [self.known[i] for i in missing if i in self.known])
        for ref in missing:
            stored = self.known.get(ref)
            if stored is not None:
                self.entries[ref] = Entry(
                    stored=stored.reports(), in_db=True, old_key=stored.row["identity_key"]
                )

    def attach(self, account: NewAccount, ref: str | None) -> str:
        if ref is None:
            ref = f"~{len(self.entries)}"
            self.entries[ref] = Entry()
        self.entries[ref].new.append(account)
        return ref

    def aggregate_of(self, ref: str) -> Aggregate:
        """The entry's aggregate; entries only ever gain reports, so the count says if it is current."""
        entry = self.entries[ref]
        count = len(entry.stored) + len(entry.new)
        cached = self._aggregates.get(ref)
        if cached is None or cached[0] != count:
            stored = self.known.get(ref) if entry.in_db and not entry.new else None
            agg = stored.aggregate(self.lookup) if stored else aggregate(entry.reports(), self.lookup)
            cached = (count, agg)
            self._aggregates[ref] = cached
        return cached[1]

    def settle(self, document_id: int) -> dict[str, str]:
        """Stable ids for every entry, rows renamed and written; returns ref -> final id."""
        aggs = {ref: self.aggregate_of(ref) for ref, e in self.entries.items() if e.reports()}
        self._load_siblings({a.key for a in aggs.values()} | self._old_keys())
        aggs.update(
            {r: self.aggregate_of(r) for r, e in self.entries.items() if r not in aggs and e.reports()}
        )
        by_key: dict[str, list[tuple[str, Aggregate]]] = defaultdict(list)
        for ref, agg in aggs.items():
            by_key[agg.key].append((ref, agg))
        final: dict[str, str] = {}
        for group in by_key.values():
            final.update(desired_ids(group))
        final = _dedupe(final)
        self._rename(final)
        self._write(final, aggs, document_id)
        if final:
            run(self.conn, UNRETIRE, {"ids": list(final.values())})
        return final

    def _old_keys(self) -> set[str]:
        return {e.old_key for e in self.entries.values() if e.old_key} | self.extra_keys

    def _load_siblings(self, keys: set[str]) -> None:
        # Siblings of a dateless key cannot change anyone's id; loading them grew with the store.
        keys = {k for k in keys if not always_anchored_key(k)}
        if not keys:
            return
        self.load(fetch_scalars(self.conn, SIBLINGS, {"keys": sorted(keys)}))

    def _rename(self, final: dict[str, str]) -> None:
        """Move rows whose id changes; a cycle of swaps goes through a temporary id."""
        pending = {ref: dst for ref, dst in final.items() if self.entries[ref].in_db and ref != dst}
        held = {ref for ref, e in self.entries.items() if e.in_db}
        temp = 0
        while pending:
            ready = sorted(ref for ref, dst in pending.items() if dst not in held)
            if not ready:  # a swap: park one row under a temporary id, retire its name now
                ref = min(pending)
                temp += 1
                tmp = f"~swap{temp}"
                _move_row(self.session, ref, tmp)
                if not ref.startswith("~"):
                    retire_id(self.session, ref, pending[ref], "re-identified")
                held.discard(ref)
                held.add(tmp)
                pending[tmp] = pending.pop(ref)
                continue
            for ref in ready:
                dst = pending.pop(ref)
                _move_row(self.session, ref, dst)
                if not ref.startswith("~"):
                    retire_id(self.session, ref, dst, "re-identified")
                held.discard(ref)
                held.add(dst)

    def _write(self, final: dict[str, str], aggs: dict[str, Aggregate], document_id: int) -> None:
        """Insert new events, update only the stored ones whose fields or actors changed, add mentions.

        Candidates and same-key siblings are loaded to decide ids; most of them come out
        unchanged, and rewriting them all made each article cost ~90 statements.
        """
        conn = self.conn
        now = utcnow()
        fields = {ref: {"id": final[ref], **event_fields(agg, now)} for ref, agg in aggs.items()}
        links = {ref: set(agg.actors) for ref, agg in aggs.items()}
        stored = [ref for ref in aggs if self.entries[ref].in_db]
        changed = self._changed(stored, final, fields, links)
        rows_new = [{**fields[ref], "created_at": now} for ref in aggs if not self.entries[ref].in_db]
        if rows_new:
            execute_many(conn, INSERT_EVENTS, rows_new)
        if changed:
            execute_many(
                conn, UPDATE_EVENT, [{_BOUND[k]: v for k, v in fields[ref].items()} for ref in changed]
            )
        rewrite = [ref for ref in aggs if not self.entries[ref].in_db] + changed
        ids = [final[ref] for ref in changed]
        if ids:
            run(conn, DELETE_LINKS, {"ids": ids})
        rows = [
            {"event_id": final[ref], "actor_id": a, "role": role} for ref in rewrite for a, role in links[ref]
        ]
        if rows:
            execute_many(conn, INSERT_LINKS, rows)
        added = {
            ref: [(a, row) for a in entry.new for row in mention_rows(a, final[ref], document_id)]
            for ref, entry in self.entries.items()
            if entry.new
        }
        mentions = [row for pairs in added.values() for _, row in pairs]
        if mentions:
            execute_many(conn, INSERT_MENTIONS, mentions)
        self._keep(final, fields, links, set(rewrite), added)

    def _keep(
        self,
        final: dict[str, str],
        fields: dict[str, dict[str, Any]],
        links: dict[str, set[tuple[str, str]]],
        rewritten: set[str],
        added: dict[str, list[tuple[NewAccount, dict[str, Any]]]],
    ) -> None:
        """Keep every event as the store now holds it (see keep_events): its row as written or as
        read, its actor links (their sort date is the event's, see migration 0001) and mentions."""
        kept = self.kept
        if kept is None:
            return
        for ref, entry in self.entries.items():
            if entry.in_db:
                kept.pop(ref, None)  # renamed or rewritten: kept again below under its id
        for ref, values in fields.items():
            stored = self.known.get(ref) if self.entries[ref].in_db else None
            row: Mapping[str, Any]
            if stored is None or ref in rewritten:
                row = {k: values[k] for k in _ROW_KEYS}
                who = [(a, role, row["sort_date"]) for a, role in sorted(links[ref])]
            else:
                row, who = stored.row, list(stored.links)
            mentions = list(stored.mentions or []) if stored else []
            mentions += [_as_read(account, m) for account, m in added.get(ref, [])]
            kept[final[ref]] = StoredEvent(row, who, mentions)
        for eid, read in self.known.items():
            if eid not in self.entries:
                kept.setdefault(eid, read)  # read, not touched

    def _changed(
        self,
        refs: list[str],
        final: dict[str, str],
        fields: dict[str, dict[str, Any]],
        links: dict[str, set[tuple[str, str]]],
    ) -> list[str]:
        """Stored entries whose row or actor links differ from what their reports now give.

        A renamed entry, or one that gained a report, is rewritten whatever its row says. Any
        other keeps the row and links read by `load` in this transaction: nothing wrote them since.
        """
        out = []
        for ref in refs:
            stored = self.known.get(ref)
            if ref != final[ref] or self.entries[ref].new or stored is None:
                out.append(ref)
                continue
            row = stored.row
            same = all(row[k] == v for k, v in fields[ref].items() if k not in ("id", "updated_at"))
            if not same or stored.actor_roles() != links[ref]:
                out.append(ref)
        return out


def _as_read(account: NewAccount, row: dict[str, Any]) -> dict[str, Any]:
    """A mention row as read_mentions gives it, with its document's name and date."""
    out = {k: row[k] for k in MENTION_KEYS}
    out["doc_name"], out["doc_published"] = account.report.document, account.report.published
    return out


def _dedupe(final: dict[str, str]) -> dict[str, str]:
    """Two entries wanting one id (same key and same first passage): later ones get a suffix."""
    seen: set[str] = set()
    out: dict[str, str] = {}
    for ref in sorted(final, key=lambda r: (final[r], r)):
        dst, n = final[ref], 1
        while dst in seen:
            n += 1
            dst = f"{final[ref]}{n}"
        seen.add(dst)
        out[ref] = dst
    return out


def _move_row(session: Session, src: str, dst: str) -> None:
    """Give an event row a new id: copy the row, repoint mentions, drop the old row."""
    conn = session.connection()
    run(conn, COPY_EVENT, {"src": src, "dst": dst})
    run(conn, REPOINT_MENTIONS, {"src": src, "dst": dst})
    run(conn, DELETE_EVENT_LINKS, {"src": src})
    run(conn, DELETE_EVENT, {"src": src})


def retire_id(session: Session, old: str, successor: str | None, reason: str) -> None:
    """Record `old` as retired; permalinks that pointed to it now point one hop to the successor."""
    conn = session.connection()
    run(conn, FORGET_RETIRED, {"old": old})
    run(conn, RETIRE, {"old_id": old, "successor_id": successor, "reason": reason, "retired_at": utcnow()})
    # Path compression: earlier names of `old` skip straight to its successor.
    run(conn, COMPRESS_RETIRED, {"old": old, "new": successor})


def event_fields(agg: Aggregate, now: Any = None) -> dict[str, Any]:
    when = agg.date
    return {
        "identity_key": agg.key,
        "type": agg.type,
        "status": agg.status,
        "date_value": when.value if when else None,
        "date_start": when.start if when else None,
        "date_end": when.end if when else None,
        "date_precision": when.precision if when else None,
        "date_approximate": agg.date_approximate,
        "sort_date": agg.sort_date,
        "title_en": agg.title_en,
        "title_ar": agg.title_ar,
        "place_id": agg.place,
        "series": agg.series,
        "round": agg.round,
        "n_sources": agg.n_sources,
        "updated_at": now or utcnow(),
    }


def mention_rows(account: NewAccount, event_id: str, document_id: int) -> list[dict[str, Any]]:
    x, r = account.event, account.report
    when: DateValue | None = x.date
    common: dict[str, Any] = {
        "event_id": event_id,
        "document_id": document_id,
        "group": r.group,
        "type": x.type,
        "status": x.status,
        "date_value": when.value if when else None,
        "date_start": when.start if when else None,
        "date_end": when.end if when else None,
        "date_precision": when.precision if when else None,
        "timex_text": x.timex.text[:300] if x.timex else None,
        "timex_start": x.timex.start if x.timex else None,
        "timex_end": x.timex.end if x.timex else None,
        "place_id": x.place.id if x.place else None,
        "series": x.series,
        "round": x.round,
        "actors": [{"id": a.id, "role": a.role} for a in x.actors],
        "title_en": x.title_en,
        "title_ar": x.title_ar,
    }
    return [
        {
            **common,
            "start": m.start,
            "end": m.end,
            "passage": m.text,
            "passage_folded": fold_text(m.text),
            "rule": m.rule[:120],
        }
        for m in x.mentions
    ]
