"""Writing events: aggregate fields, actor links, renames to their stable ids, retired ids.

The merge step gathers a `Workset` (every event one article touched, with its
reports), then `settle()` gives each its stable id, renames rows whose identity
changed (the old id is retired with its successor) and writes the fields. Core
statements only, inside the caller's transaction; nothing here commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.ingest.identity import Aggregate, Report, RoundLookup, aggregate, always_anchored_key, desired_ids
from app.ingest.normalize import fold_text
from app.ingest.records import DateValue, ExtractedEvent
from app.models import Document, Event, EventActor, Mention, RetiredEvent, utcnow


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


def load_reports(session: Session, ids: Iterable[str]) -> dict[str, list[Report]]:
    """Each event's stored reports, one per (document, group)."""
    ids = list(ids)
    out: dict[str, list[Report]] = defaultdict(list)
    if not ids:
        return out
    rows = session.execute(
        select(Mention, Document.name, Document.published)
        .join(Document, Document.id == Mention.document_id)
        .where(Mention.event_id.in_(ids))
        .order_by(Mention.event_id, Mention.document_id, Mention.group, Mention.start)
    ).all()
    groups: dict[tuple[str, int, int], list[Any]] = defaultdict(list)
    for row in rows:
        m = row[0]
        groups[(m.event_id, m.document_id, m.group)].append(row)
    for (event_id, _, _), members in groups.items():
        out[event_id].append(_report_of_rows(members))
    return out


def _report_of_rows(rows: Sequence[Any]) -> Report:
    m, name, published = rows[0]
    when = None
    if m.date_value and m.date_start and m.date_end:
        when = DateValue(m.date_value, m.date_start, m.date_end, m.date_precision or "day")
    actors = tuple(sorted({(str(a["id"]), str(a.get("role") or "participant")) for a in m.actors or []}))
    return Report(
        document=name,
        published=published,
        group=m.group,
        spans=tuple((r[0].start, r[0].end) for r in rows),
        type=m.type,
        status=m.status,
        date=when,
        place=m.place_id,
        series=m.series,
        round=m.round,
        actors=actors,
        title_en=m.title_en or "",
        title_ar=m.title_ar or "",
        document_id=m.document_id,
    )


class Workset:
    """Every event touched while storing one article, keyed by current id (or '~n' when new)."""

    def __init__(self, session: Session, lookup: RoundLookup | None) -> None:
        self.session = session
        self.lookup = lookup
        self.entries: dict[str, Entry] = {}
        self.extra_keys: set[str] = set()  # keys of deleted events: their siblings may move up

    def load(self, ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in self.entries]
        if not missing:
            return
        keys = dict(
            self.session.execute(select(Event.id, Event.identity_key).where(Event.id.in_(missing))).all()
        )
        reports = load_reports(self.session, missing)
        for ref in missing:
            if ref in keys:
                self.entries[ref] = Entry(stored=reports.get(ref, []), in_db=True, old_key=keys[ref])

    def attach(self, account: NewAccount, ref: str | None) -> str:
        if ref is None:
            ref = f"~{len(self.entries)}"
            self.entries[ref] = Entry()
        self.entries[ref].new.append(account)
        return ref

    def aggregate_of(self, ref: str) -> Aggregate:
        return aggregate(self.entries[ref].reports(), self.lookup)

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
        self.session.execute(delete(RetiredEvent).where(RetiredEvent.old_id.in_(list(final.values()))))
        return final

    def _old_keys(self) -> set[str]:
        return {e.old_key for e in self.entries.values() if e.old_key} | self.extra_keys

    def _load_siblings(self, keys: set[str]) -> None:
        # Siblings of a dateless key cannot change anyone's id; loading them grew with the store.
        keys = {k for k in keys if not always_anchored_key(k)}
        if not keys:
            return
        rows = self.session.scalars(select(Event.id).where(Event.identity_key.in_(sorted(keys)))).all()
        self.load(rows)

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
        fields = {ref: {"id": final[ref], **event_fields(agg)} for ref, agg in aggs.items()}
        links = {ref: {(a, role) for a, role in agg.actors} for ref, agg in aggs.items()}
        stored = [ref for ref in aggs if self.entries[ref].in_db]
        changed = self._changed(stored, final, fields, links)
        rows_new = [{**fields[ref], "created_at": utcnow()} for ref in aggs if not self.entries[ref].in_db]
        if rows_new:
            self.session.execute(insert(Event), rows_new)
        if changed:
            table = cast(Table, Event.__table__)
            columns = [c for c in fields[changed[0]] if c != "id"]
            stmt = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({c: bindparam(f"b_{c}") for c in columns})
            )
            self.session.execute(stmt, [{f"b_{k}": v for k, v in fields[ref].items()} for ref in changed])
        rewrite = [ref for ref in aggs if not self.entries[ref].in_db] + changed
        ids = [final[ref] for ref in changed]
        if ids:
            self.session.execute(delete(EventActor).where(EventActor.event_id.in_(ids)))
        rows = [
            {"event_id": final[ref], "actor_id": a, "role": role} for ref in rewrite for a, role in links[ref]
        ]
        if rows:
            self.session.execute(insert(EventActor), rows)
        mentions = [
            row
            for ref, entry in self.entries.items()
            for account in entry.new
            for row in mention_rows(account, final[ref], document_id)
        ]
        if mentions:
            self.session.execute(insert(Mention), mentions)

    def _changed(
        self,
        refs: list[str],
        final: dict[str, str],
        fields: dict[str, dict[str, Any]],
        links: dict[str, set[tuple[str, str]]],
    ) -> list[str]:
        """Stored entries whose row or actor links differ from what their reports now give."""
        if not refs:
            return []
        ids = [final[ref] for ref in refs]
        table = Event.__table__
        rows = {r.id: r._mapping for r in self.session.execute(select(table).where(table.c.id.in_(ids)))}
        current: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for event_id, actor_id, role in self.session.execute(
            select(EventActor.event_id, EventActor.actor_id, EventActor.role).where(
                EventActor.event_id.in_(ids)
            )
        ):
            current[event_id].add((actor_id, role))
        out = []
        for ref in refs:
            row = rows.get(final[ref])
            same = row is not None and all(
                row[k] == v for k, v in fields[ref].items() if k not in ("id", "updated_at")
            )
            if not same or ref != final[ref] or current[final[ref]] != links[ref] or self.entries[ref].new:
                out.append(ref)
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
    cols = [c for c in Event.__table__.columns if c.name != "id"]
    session.execute(
        insert(Event).from_select(
            ["id", *[c.name for c in cols]], select(_literal(dst), *cols).where(Event.id == src)
        )
    )
    session.execute(update(Mention).where(Mention.event_id == src).values(event_id=dst))
    session.execute(delete(EventActor).where(EventActor.event_id == src))
    session.execute(delete(Event).where(Event.id == src))


def _literal(value: str) -> Any:
    from sqlalchemy import String, literal

    return literal(value, String(40))


def retire_id(session: Session, old: str, successor: str | None, reason: str) -> None:
    """Record `old` as retired; permalinks that pointed to it now point one hop to the successor."""
    session.execute(delete(RetiredEvent).where(RetiredEvent.old_id == old))
    session.execute(
        insert(RetiredEvent).values(old_id=old, successor_id=successor, reason=reason, retired_at=utcnow())
    )
    # Path compression: earlier names of `old` skip straight to its successor.
    session.execute(
        update(RetiredEvent).where(RetiredEvent.successor_id == old).values(successor_id=successor)
    )


def event_fields(agg: Aggregate) -> dict[str, Any]:
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
        "updated_at": utcnow(),
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
