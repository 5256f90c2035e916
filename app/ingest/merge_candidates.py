"""Finding merge candidates with indexed queries only, once per article, and reading stored events.

Each account of an article asks for events of its kind whose sort date lies in one of its
date ranges and that share a party (event_actors' (actor_id, sort_date) index; a party is
one of its actors or an id a source may name it by: a person's body, a body's people, see
merge_parties) or its series, or for the numbered talks round it names (the series/round
index); a strike or deal of one exact day at a local place also asks for the events of that
day at its place or one nested with it (merge_places). The store's size does not enter:
only events near the account in time are read.

All accounts of an article are asked together, a statement per form of sub-query (by actor,
series or place; narrowed by place (its place and the places nested with it), day, both or
neither): one sub-query per distinct date range, with the actors and kinds of every account
using that range. That reads a superset; `Search.admits` then applies each account's own
conditions exactly as the per-account queries did (type, range, place, same day for
statements, actor, series or place), so the candidates, and therefore the merges, are the same.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar, cast

from sqlalchemy import (
    BindParameter,
    Connection,
    Select,
    String,
    Table,
    bindparam,
    func,
    select,
    type_coerce,
    union,
)
from sqlalchemy.sql.expression import CompoundSelect

from app.db import fetch, fetch_dicts, in_list
from app.ingest.identity import Aggregate, Report, RoundLookup, aggregate
from app.ingest.merge_parties import default_links
from app.ingest.merge_places import default_tree
from app.ingest.merge_rules import Profile, exact_day, family, placed_day, sort_date_ranges, speakers_of
from app.ingest.records import DateValue
from app.models import Document, Event, EventActor, Mention

FAMILY_TYPES = ("proposal", "report")
_T = TypeVar("_T")

EVENTS = cast(Table, Event.__table__)
LINKS = cast(Table, EventActor.__table__)
MENTIONS = cast(Table, Mention.__table__)
DOCUMENTS = cast(Table, Document.__table__)

# What a report needs of a mention (not the passage texts).
_MENTION_COLS = [
    MENTIONS.c[name]
    for name in (
        "event_id",
        "document_id",
        "group",
        "start",
        "end",
        "type",
        "status",
        "date_value",
        "date_start",
        "date_end",
        "date_precision",
        "place_id",
        "series",
        "round",
        "title_en",
        "title_ar",
    )
]
# A mention as read_mentions gives it (besides its document's name and date)
MENTION_KEYS = (*(c.name for c in _MENTION_COLS), "actors")
# An event row as merging reads it: every field it compares or writes, not its timestamps.
ROW_COLUMNS = [c for c in EVENTS.columns if c.name not in ("created_at", "updated_at")]
READ_ROWS = select(*ROW_COLUMNS).where(in_list(EVENTS.c.id, "ids"))
READ_LINKS = select(LINKS.c.event_id, LINKS.c.actor_id, LINKS.c.role, LINKS.c.sort_date).where(
    in_list(LINKS.c.event_id, "ids")
)
READ_MENTIONS = (
    select(
        *_MENTION_COLS,
        # as stored (JSON text on SQLite): mentions repeat a few lists, each decoded once (_actors_of)
        type_coerce(MENTIONS.c.actors, String).label("actors"),
        DOCUMENTS.c.name.label("doc_name"),
        DOCUMENTS.c.published.label("doc_published"),
    )
    .join(DOCUMENTS, DOCUMENTS.c.id == MENTIONS.c.document_id)
    .where(in_list(MENTIONS.c.event_id, "ids"))
)


@dataclass
class StoredEvent:
    """An event row as read in this transaction, with its actor links and mentions."""

    row: Mapping[Any, Any]
    links: list[tuple[str, str, date | None]] = field(default_factory=list)  # actor, role, sort date
    mentions: list[Mapping[Any, Any]] | None = None  # read on demand: read_mentions()
    _profile: Profile | None = None
    _reports: list[Report] | None = None
    _aggregate: tuple[RoundLookup | None, Aggregate] | None = None

    @property
    def id(self) -> str:
        return str(self.row["id"])

    def actor_roles(self) -> set[tuple[str, str]]:
        return {(a, role) for a, role, _ in self.links}

    def profile(self) -> Profile:
        """What matching needs, read from the row and its links.

        Its documents are left empty: matching uses them only to keep an article from
        merging with itself, and `integrate` has removed the article's stored mentions
        before it looks for candidates, so no stored event has any of its documents.
        """
        if self._profile is None:
            row = self.row
            when = None
            if row["date_value"] and row["date_start"] and row["date_end"]:
                when = DateValue(
                    row["date_value"], row["date_start"], row["date_end"], row["date_precision"] or "day"
                )
            who = self.actor_roles()
            self._profile = Profile(
                type=row["type"],
                date=when,
                place=row["place_id"],
                series=row["series"],
                round=row["round"],
                actors=frozenset(a for a, _ in who),
                speakers=speakers_of(who),
                documents=frozenset(),
                n_sources=row["n_sources"],
                placed=row["sort_date"],
            )
        return self._profile

    def aggregate(self, lookup: RoundLookup | None) -> Aggregate:
        """The aggregate of its stored reports (read first), kept while the lookup is the same."""
        if self._aggregate is None or self._aggregate[0] is not lookup:
            self._aggregate = (lookup, aggregate(self.reports(), lookup))
        return self._aggregate[1]

    def reports(self) -> list[Report]:
        """The stored reports, one per (document, group) of its mentions (read first)."""
        assert self.mentions is not None, "read_mentions() first"
        if self._reports is None:  # read mentions never change: a write makes a new StoredEvent
            groups: dict[tuple[int, int], list[Mapping[Any, Any]]] = defaultdict(list)
            for m in self.mentions:
                groups[(m["document_id"], m["group"])].append(m)
            self._reports = [_report_of_rows(groups[k]) for k in sorted(groups)]
        return list(self._reports)


def _report_of_rows(rows: Sequence[Mapping[str, Any]]) -> Report:
    m = rows[0]
    when = None
    if m["date_value"] and m["date_start"] and m["date_end"]:
        when = DateValue(m["date_value"], m["date_start"], m["date_end"], m["date_precision"] or "day")
    return Report(
        document=m["doc_name"],
        published=m["doc_published"],
        group=m["group"],
        spans=tuple(sorted((r["start"], r["end"]) for r in rows)),
        type=m["type"],
        status=m["status"],
        date=when,
        place=m["place_id"],
        series=m["series"],
        round=m["round"],
        actors=_actors_of(m["actors"]),
        title_en=m["title_en"] or "",
        title_ar=m["title_ar"] or "",
        document_id=m["document_id"],
    )


def _actors_of(stored: Any) -> tuple[tuple[str, str], ...]:
    """A mention's (actor, role) pairs from its stored list: JSON text (SQLite) or the list (PostgreSQL)."""
    if isinstance(stored, str):
        return _actors_of_text(stored)
    return _pairs(stored)


@lru_cache(maxsize=4096)
def _actors_of_text(text: str) -> tuple[tuple[str, str], ...]:
    return _pairs(json.loads(text))


def _pairs(actors: Sequence[Mapping[str, Any]] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({(str(a["id"]), str(a.get("role") or "participant")) for a in actors or []}))


def read_events(
    conn: Connection,
    ids: Iterable[str],
    rows: Sequence[Any] = (),
    kept: Mapping[str, StoredEvent] | None = None,
) -> dict[str, StoredEvent]:
    """Events by id with their actor links (two queries; one when the rows are given).

    Their mentions are read by `read_mentions`, for the events an article joins or touches
    only: a candidate's profile needs none (see `StoredEvent.profile`). `kept`: events as this
    transaction already knows them (event_rows.keep_events), taken instead of read.
    """
    ids = sorted(set(ids))
    if not ids:
        return {}
    known = {i: kept[i] for i in ids if i in kept} if kept else {}
    if known:
        ids = [i for i in ids if i not in known]
        rows = [r for r in rows if r["id"] not in known]
        if not ids:
            return known
    if not rows:
        rows = fetch_dicts(conn, READ_ROWS, {"ids": ids})
    out = {str(r["id"]): StoredEvent(r) for r in rows}
    for eid, aid, role, sort_date in fetch(conn, READ_LINKS, {"ids": ids}):
        if eid in out:
            out[eid].links.append((aid, role, sort_date))
    out.update(known)
    return out


def read_mentions(conn: Connection, events: Sequence[StoredEvent]) -> None:
    """Fill in the mentions (with their documents' names and dates) of events read without them."""
    todo = {e.id: e for e in events if e.mentions is None}
    if not todo:
        return
    for e in todo.values():
        e.mentions = []
    for m in fetch_dicts(conn, READ_MENTIONS, {"ids": sorted(todo)}):
        todo[m["event_id"]].mentions.append(m)  # type: ignore[union-attr]


def kinds_of(kind: str) -> frozenset[str]:
    return frozenset({t for t in FAMILY_TYPES if family(t) == family(kind)} | {kind})


@dataclass(frozen=True)
class Search:
    """What one account asks of the store, and the exact test a stored event must pass."""

    new: Profile
    ranges: tuple[tuple[date, date], ...]  # empty: no search by date range
    kinds: frozenset[str]
    round_key: tuple[str, int] | None
    # the account's actors and every id a source may name them by (a person's body, a body's people)
    parties: frozenset[str] = frozenset()
    # its place and the places holding it or held by it (empty: any place; see merge_places)
    places: frozenset[str] = frozenset()
    # an account that may join by day and place alone (merge_rules.placed_day): search by them too
    by_place: bool = False

    def admits(self, event: StoredEvent) -> bool:
        row = event.row
        if self.round_key and (row["series"], row["round"]) == self.round_key:
            return True
        if not self.ranges or row["type"] not in self.kinds:
            return False
        new = self.new
        if self.places and row["place_id"] is not None and row["place_id"] not in self.places:
            return False
        if self.by_place and row["place_id"] is not None and exact_day(event.profile()) == exact_day(new):
            return True
        # a statement: the same day (its search requires one, see _narrowing_of)
        if new.type == "statement" and exact_day(event.profile()) != exact_day(new):
            return False
        if new.series and row["series"] == new.series and self._in_ranges(row["sort_date"]):
            return True
        if new.actors:
            return any(a in self.parties and self._in_ranges(d) for a, _, d in event.links)
        return False

    def _in_ranges(self, day: date | None) -> bool:
        return day is not None and any(lo <= day <= hi for lo, hi in self.ranges)


def search_of(new: Profile, published: date | None) -> Search:
    """Events of the account's kind in its date ranges, sharing an actor or, for a round of a
    named series, the series (sources list a round's parties differently); and the numbered
    round it names, whatever its dates."""
    round_key = None
    if new.type == "talks_round" and new.series and new.round is not None:
        round_key = (new.series, new.round)
    if new.date is None and published is not None:
        new = replace(new, placed=published)  # an undated account is told on its article's day
    ranges = sort_date_ranges(new, published)
    if not (new.actors or new.series or placed_day(new)):
        ranges = []
    links = default_links()
    parties = frozenset(p for a in new.actors for p in links.kin(a))
    places = default_tree().kin(new.place) if new.place else frozenset()
    return Search(new, tuple(ranges), kinds_of(new.type), round_key, parties, places, placed_day(new))


# A sub-query's narrowing, as the rules impose it: (places, statement day); each set or None.
Narrowing = tuple[tuple[str, ...] | None, date | None]
# What sub-queries share: date range, kinds, narrowing; they take the union of actors (series, places).
PartKey = tuple[date, date, tuple[str, ...], tuple[str, ...] | None, date | None]
VARIANTS: tuple[tuple[bool, bool], ...] = ((False, False), (True, False), (False, True), (True, True))


def _narrowing_of(s: Search) -> Narrowing:
    """Places (events without a place, or at one agreeing with it) and, for a statement, its very day."""
    day = exact_day(s.new) if s.new.type == "statement" else None
    return (tuple(sorted(s.places)) or None), day


def find_candidates(
    conn: Connection, searches: Sequence[Search], kept: Mapping[str, StoredEvent] | None = None
) -> dict[str, StoredEvent]:
    """Every stored event some search may admit (a superset): one statement, then links.

    Accounts asking the same range, kinds and narrowing share one sub-query (with the union
    of their actors, or series), so each sub-query is as narrow as that account's own query.
    """
    by_actor: dict[PartKey, set[str]] = defaultdict(set)
    by_series: dict[PartKey, set[str]] = defaultdict(set)
    by_place: dict[PartKey, set[str]] = defaultdict(set)
    rounds: set[tuple[str, int]] = set()
    for s in searches:
        if s.round_key:
            rounds.add(s.round_key)
        place, day = _narrowing_of(s)
        one = exact_day(s.new)
        if s.by_place and one:
            by_place[(one, one, tuple(sorted(s.kinds)), None, one)] |= s.places
        for lo, hi in s.ranges:
            key = (lo, hi, tuple(sorted(s.kinds)), place, day)
            if s.new.actors:
                by_actor[key] |= s.parties
            if s.new.series:
                by_series[key].add(s.new.series)
    if not (by_actor or by_series or by_place or rounds):
        return {}
    # One statement per form of sub-query, their counts padded to powers of two by repeating
    # the last one: a form's statement takes a few shapes only, each compiled once a process
    # (one statement joining every form took a shape per combination of counts, and
    # compiling a new one cost more than a whole article).
    rows: dict[str, Any] = {}
    for prefix, parts in (("a", by_actor), ("s", by_series), ("p", by_place)):
        for has_place, has_day in VARIANTS:
            form = [
                (k, v)
                for k, v in parts.items()
                if (k[3] is not None, k[4] is not None) == (has_place, has_day)
            ]
            if not form:
                continue
            chosen = _pad_parts(sorted(form))
            params: dict[str, Any] = {}
            for i, ((lo, hi, kinds, place, day), names) in enumerate(chosen):
                # a padding sub-query asks for no actor or series: it finds nothing, at no cost
                params.update(
                    {f"p{i}": sorted(names) if i < len(form) else [], f"p{i}_lo": lo, f"p{i}_hi": hi}
                )
                params[f"p{i}_k"] = list(kinds)
                if has_place and place:
                    params.update({f"p{i}_p": list(place), f"p{i}_p0": place[0]})
                if has_day:
                    params[f"p{i}_d"] = day
            statement = _candidate_statement(prefix, has_place, has_day, len(chosen))
            rows.update((r["id"], r) for r in fetch_dicts(conn, statement, params))
    if rounds:
        round_parts = _pad_parts(sorted(rounds))
        params = {}
        for i, (series, rnd) in enumerate(round_parts):
            params.update({f"r{i}": series, f"r{i}_n": rnd})
        rows.update((r["id"], r) for r in fetch_dicts(conn, _round_statement(len(round_parts)), params))
    return read_events(conn, list(rows), list(rows.values()), kept)


def _pad_parts(parts: list[_T]) -> list[_T]:
    size = 1 << max(0, len(parts) - 1).bit_length() if parts else 0
    return parts + parts[-1:] * (size - len(parts))


@lru_cache(maxsize=512)
def _candidate_statement(prefix: str, has_place: bool, has_day: bool, count: int) -> Select[Any]:
    """Event rows whose id one of `count` sub-queries of one form finds; one sub-query per range
    keeps each on its index. `prefix`: "a" by actors, "s" by series, "p" by places (an exact day);
    VARIANTS says the narrowing.

    Lists are bound as one parameter each (`in_list`): the SQL text does not change with their
    lengths. An event's place is tested through coalesce so that SQLite never drives the search
    from the place index (events without a place are many).
    """
    ev, ea = EVENTS, LINKS
    parts: list[Select[Any]] = []
    for i in range(count):
        name = f"p{i}"
        conds: list[Any] = [in_list(ev.c.type, f"{name}_k")]
        if has_place:
            place: BindParameter[Any] = bindparam(f"{name}_p0")  # one of the places of the list
            conds.append(in_list(func.coalesce(ev.c.place_id, place), f"{name}_p"))
        if has_day:
            conds += [ev.c.date_start == bindparam(f"{name}_d"), ev.c.date_precision == "day"]
        if prefix == "a":
            part = (
                select(ea.c.event_id)
                .join(ev, ev.c.id == ea.c.event_id)
                .where(
                    in_list(ea.c.actor_id, name),
                    ea.c.sort_date.between(bindparam(f"{name}_lo"), bindparam(f"{name}_hi")),
                    *conds,
                )
            )
        else:
            part = select(ev.c.id).where(
                ev.c.sort_date.between(bindparam(f"{name}_lo"), bindparam(f"{name}_hi")),
                in_list(ev.c.series if prefix == "s" else ev.c.place_id, name),
                *conds,
            )
        parts.append(part.correlate(None))
    return _rows_of(parts)


@lru_cache(maxsize=32)
def _round_statement(count: int) -> Select[Any]:
    """Event rows of `count` numbered rounds, by series and number."""
    ev = EVENTS
    # No type condition: it would lure SQLite onto the (type, sort_date) index; `admits` checks it.
    parts = [
        select(ev.c.id)
        .where(ev.c.series == bindparam(f"r{i}"), ev.c.round == bindparam(f"r{i}_n"))
        .correlate(None)
        for i in range(count)
    ]
    return _rows_of(parts)


def _rows_of(parts: list[Select[Any]]) -> Select[Any]:
    found: Select[Any] | CompoundSelect = parts[0] if len(parts) == 1 else union(*parts)
    return select(*ROW_COLUMNS).where(EVENTS.c.id.in_(found))
