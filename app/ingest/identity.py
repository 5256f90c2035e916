"""What an event is, given every source that reports it: aggregate fields, identity key, stable id.

Pure functions over `Report`s (one article's account of one event). Nothing here
depends on the order in which articles arrived: every choice is a deterministic
function of the set of reports, so two stores fed the same corpus in different
orders name their events identically.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.ingest.merge_places import default_tree
from app.ingest.records import DateValue

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# A source that saw the event happen outranks one that only heard of it or expected it.
STATUS_RANK = {"occurred": 0, "reported": 1, "planned": 2}
ID_LENGTH = 14
MAX_KEY = 900
LATE = date.max

# Fields named `date` shadow the type inside the dataclasses below; annotations use this name.
Day = date
Anchor = tuple[date, str, int, int]
RoundLookup = Callable[[str, date], int | None]


@dataclass(frozen=True)
class Report:
    """One article's account of one event (the mentions of one ExtractedEvent)."""

    document: str
    published: date | None
    group: int
    spans: tuple[tuple[int, int], ...]
    type: str
    status: str
    date: DateValue | None = None
    place: str | None = None
    series: str | None = None
    round: int | None = None
    actors: tuple[tuple[str, str], ...] = ()  # (actor id, role)
    title_en: str = ""
    title_ar: str = ""
    document_id: int = 0  # not part of identity: names differ from ids across stores

    @property
    def anchor(self) -> Anchor:
        """Earliest source first: publication date, then document name, then passage."""
        start, end = min(self.spans) if self.spans else (0, 0)
        return (self.published or LATE, self.document, start, end)


@dataclass(frozen=True)
class Aggregate:
    """The event's own fields, chosen from its reports."""

    type: str
    status: str
    date: DateValue | None
    sort_date: Day | None
    date_approximate: bool
    place: str | None
    series: str | None
    round: int | None
    title_en: str
    title_ar: str
    n_sources: int
    actors: tuple[tuple[str, str], ...]
    anchor: Anchor
    key: str
    # Dateless events carry nothing that tells two of them apart: their id always names
    # the earliest passage. Dated ones get the bare key unless a sibling claimed it first.
    always_anchored: bool


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def choose_place(reports: Sequence[Report]) -> str | None:
    """The narrowest place the sources name (a town over its province), then the most common."""
    tree = default_tree()
    named = {r.place for r in reports if r.place}
    narrow = {p for p in named if not any(q != p and p in tree.holders(q) for q in named)}
    return _most_common(r.place or "" for r in reports if r.place in narrow)


def choose_date(reports: Sequence[Report]) -> DateValue | None:
    """Most precise, then most sources, then earliest: deterministic when sources disagree."""
    dated = [r.date for r in reports if r.date is not None]
    if not dated:
        return None
    votes = Counter(d.value for d in dated)
    return min(dated, key=lambda d: (PRECISION_RANK.get(d.precision, 9), -votes[d.value], d.start, d.value))


def choose_status(reports: Sequence[Report]) -> str:
    return min((r.status for r in reports), key=lambda s: (STATUS_RANK.get(s, 9), s))


def choose_round(
    reports: Sequence[Report], series: str | None, day: date | None, lookup: RoundLookup | None
) -> int | None:
    """The round the sources state; else the known round running on the event's day.

    Only rounds under way or past are inferred: "the next round" written during round 7
    is not round 7.
    """
    stated = Counter(r.round for r in reports if r.round is not None)
    if stated:
        return min(stated, key=lambda n: (-stated[n], n))
    if series and day and lookup and choose_status(reports) != "planned":
        return lookup(series, day)
    return None


def _union_actors(reports: Sequence[Report]) -> tuple[tuple[str, str], ...]:
    """Every actor any source names, once, with the role most sources give it."""
    roles: dict[str, Counter[str]] = {}
    for r in reports:
        for actor, role in set(r.actors):
            roles.setdefault(actor, Counter())[role] += 1
    return tuple(sorted((a, min(c, key=lambda role: (-c[role], role))) for a, c in roles.items()))


def _titles(ordered: Sequence[Report]) -> tuple[str, str]:
    """The earliest source's titles; `ordered`: the reports by anchor."""
    en = next((r.title_en for r in ordered if r.title_en), "")
    ar = next((r.title_ar for r in ordered if r.title_ar), "")
    return en, ar


def aggregate(reports: Sequence[Report], lookup: RoundLookup | None = None) -> Aggregate:
    """The event's fields from all its reports (at least one)."""
    if not reports:
        raise ValueError("an event needs at least one report")
    # by anchor (stable: of equal anchors the earlier report, as min() would pick it)
    ordered = sorted(reports, key=lambda r: r.anchor)
    first = ordered[0]
    kind = _most_common(r.type for r in reports) or first.type
    when = choose_date(reports)
    published = min((r.published for r in reports if r.published), default=None)
    # A round told by its venue only joins the numbered round held there: the number's series names it.
    numbered = [r for r in reports if r.series and r.round is not None]
    series = _most_common(r.series or "" for r in (numbered or reports))
    rnd = choose_round(reports, series, when.start if when else published, lookup)
    actors = _union_actors(reports)
    en, ar = _titles(ordered)
    key = identity_key(kind, when, series, rnd, actors)
    return Aggregate(
        type=kind,
        status=choose_status(reports),
        date=when,
        sort_date=when.start if when else published,
        date_approximate=when.approximate if when else True,
        place=choose_place(reports),
        series=series,
        round=rnd,
        title_en=en,
        title_ar=ar,
        n_sources=len({r.document for r in reports}),
        actors=actors,
        anchor=first.anchor,
        key=key,
        always_anchored=when is None and not _numbered_round(kind, series, rnd),
    )


def _numbered_round(kind: str, series: str | None, rnd: int | None) -> bool:
    return kind == "talks_round" and bool(series) and rnd is not None


def identity_key(
    kind: str, when: DateValue | None, series: str | None, rnd: int | None, actors: Sequence[tuple[str, str]]
) -> str:
    """What identifies the event. A numbered round is an entity: its series and number suffice."""
    if _numbered_round(kind, series, rnd):
        return f"talks_round|{(series or '').casefold()}|{rnd}"
    ids = ",".join(sorted({a for a, _ in actors}))
    key = "|".join([kind, when.value if when else "-", (series or "").casefold(), str(rnd or ""), ids])
    if len(key) > MAX_KEY:  # the column is bounded; the tail stays represented by its hash
        key = key[: MAX_KEY - 17] + "~" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return key


def always_anchored_key(key: str) -> bool:
    """A key with no date (and no round number): its events' ids always include their own passage,
    so events sharing it never compete for the bare id."""
    parts = key.split("|")
    return len(parts) >= 5 and parts[1] == "-"


def anchor_text(anchor: tuple[date, str, int, int]) -> str:
    return f"{anchor[1]}@{anchor[2]}-{anchor[3]}"


def make_id(key: str, anchor: tuple[date, str, int, int] | None = None) -> str:
    """Short lowercase base32 of sha256: the permalink's key."""
    text = key if anchor is None else f"{key}#{anchor_text(anchor)}"
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:ID_LENGTH]


def desired_ids(group: Sequence[tuple[str, Aggregate]]) -> dict[str, str]:
    """Ids for events sharing one identity key: the earliest-anchored one takes the bare key."""
    out: dict[str, str] = {}
    ordered = sorted(group, key=lambda item: (item[1].anchor, item[0]))
    for i, (ref, agg) in enumerate(ordered):
        bare = i == 0 and not agg.always_anchored
        out[ref] = make_id(agg.key) if bare else make_id(agg.key, agg.anchor)
    return out
