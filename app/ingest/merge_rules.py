"""When two accounts describe the same real event: the cross-article merging rules.

`match_score(new, old)` answers None when the two cannot be one event, else a
score (higher is a better match) used to pick among several candidates.
The rules (issue 5): same type; compatible dates (a day inside a reported
week, month or span counts); overlapping actors by canonical id, where a
person and the body they speak for, or a delegation and its head, are one party
(merge_parties); no conflicting place (a town and the province holding it agree:
merge_places); never two accounts from the same article. A strike or a deal told
without its parties joins an account of the same exact day at the same place (or one
holding it) when one of the two names no party. Statements are cheap and frequent,
so they merge only when both are dated to the same day and one side's speakers
include all the other's (or one side is a single body and the other its people).
A round told only by its venue is the numbered round held there on exactly its
dates. An undated meeting is news of its article's day: it joins the same parties'
meeting of that day or the day before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.ingest.merge_parties import default_links
from app.ingest.merge_places import default_tree, places_agree
from app.ingest.records import DateValue

# A media report of a proposal and the proposal itself are one story (score.py agrees).
TYPE_FAMILY = {"report": "proposal"}
# Kinds whose accounts often carry no date of their own: a dateless account may join by
# actors (or series and round) alone, inside the candidate window around publication.
DATELESS_OK = frozenset({"proposal", "talks_round", "agreement"})
# Dateless accounts are compared only with events placed this close to their publication.
DATELESS_WINDOW_DAYS = 7
# A dated account looks for events starting this long before it (a week holding its day).
WEEK_BEFORE_DAYS = 6
# Kinds whose undated accounts are news of the day: they may join the same parties' event
# dated to their article's day or the day before (see _told_near); two undated accounts
# join when their articles are at most this many days apart.
TOLD_RECENT = frozenset({"meeting"})
TOLD_WITHIN_DAYS = 1
# Kinds whose accounts often name no party (an air strike, a deal that took effect): two accounts
# of one day at one place (a town and its province agree) are one event when one side names no
# party (see _placed_same_day).
PLACE_DAY = frozenset({"military", "agreement"})


Day = date  # the field `date` shadows the type inside Profile


@dataclass(frozen=True)
class Profile:
    """What matching needs of an event (stored) or of one article's account (new)."""

    type: str
    date: DateValue | None
    place: str | None
    series: str | None
    round: int | None
    actors: frozenset[str]
    speakers: frozenset[str]
    documents: frozenset[int]
    n_sources: int = 1
    # Where an undated account stands: its article's publication day (a stored event's
    # sort date, its earliest source's). Unused when `date` is set.
    placed: Day | None = None


def family(kind: str) -> str:
    return TYPE_FAMILY.get(kind, kind)


def speakers_of(actors: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> frozenset[str]:
    """Who speaks: the actors marked as speaker, else every actor."""
    marked = frozenset(a for a, role in actors if role == "speaker")
    return marked or frozenset(a for a, _ in actors)


def dates_compatible(a: DateValue, b: DateValue) -> bool:
    """Ranges overlap: a day inside a week, month, year or span; a planned day and the day it happened."""
    return a.start <= b.end and b.start <= a.end


def _same(a: str | int | None, b: str | int | None) -> bool | None:
    """None when either side is unknown, else whether they agree."""
    if a is None or b is None:
        return None
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    return a == b


def _conflicts(new: Profile, old: Profile) -> bool:
    if family(new.type) != family(old.type):
        return True
    if new.documents & old.documents:
        return True  # never two events of one article
    if _same(new.series, old.series) is False and not _venue_alike(new, old):
        return True
    # A numbered round is named by its series and number; a source placing it elsewhere
    # ("the envoy to Syria") disagrees on the place, it does not describe another round.
    if new.type == "talks_round" and _same(new.round, old.round):
        return False
    return places_agree(new.place, old.place) is False  # a town and its province agree


def _venue_named(a: Profile, b: Profile) -> bool:
    """`a` is a round named only by its venue ("the talks in Geneva"), unnumbered, held where
    `b`'s series met on exactly `b`'s dates: one session told by a source that did not name
    the process. Any other date, or a number, keeps them apart."""
    if not (a.type == b.type == "talks_round" and a.series and a.round is None and b.place):
        return False
    venue = a.series.casefold()
    if venue != b.place.casefold() or (a.place or a.series).casefold() != venue:
        return False
    return bool(a.date and b.date and (a.date.start, a.date.end) == (b.date.start, b.date.end))


def _venue_alike(new: Profile, old: Profile) -> bool:
    return _venue_named(new, old) or _venue_named(old, new)


def _round_score(new: Profile, old: Profile) -> float | None:
    """Talks rounds are entities: one series and number is one round, whatever dates were reported."""
    if new.type != "talks_round" or not _same(new.series, old.series):
        return None
    if _same(new.round, old.round) is False:
        return -1.0
    if _same(new.round, old.round):
        return 4.0
    return None


def _date_score(new: Profile, old: Profile) -> float | None:
    if new.date and old.date:
        if not dates_compatible(new.date, old.date):
            return None
        return 1.0 if new.date.value == old.date.value else 0.5
    if family(new.type) in DATELESS_OK:
        return 0.0
    if new.type in TOLD_RECENT and _told_near(new, old):
        return 0.0
    return None


def _recent_day(p: Profile) -> date | None:
    """The day a meeting happened or, undated, the day it was told (its source's publication)."""
    return p.placed if p.date is None else exact_day(p)


def _told_near(new: Profile, old: Profile) -> bool:
    """An undated meeting is told as news: it happened on its article's day or the day before.
    It joins a meeting dated to one of those days, or an undated one told a day apart."""
    a, b = _recent_day(new), _recent_day(old)
    if a is None or b is None:
        return False
    if new.date is None and old.date is None:
        return abs((a - b).days) <= TOLD_WITHIN_DAYS
    told, held = (a, b) if new.date is None else (b, a)
    return 0 <= (told - held).days <= TOLD_WITHIN_DAYS


def _actor_score(new: Profile, old: Profile) -> float | None:
    """Shared parties over all parties; a person and the body they speak for, or a delegation
    and its head, count as one party named at two levels (merge_parties)."""
    need = min(2, len(new.actors), len(old.actors))
    shared = len(new.actors & old.actors)
    if shared < need:
        shared = paired(new.actors, old.actors)
    if not shared or shared < need:
        return None
    return shared / len(new.actors | old.actors)


def paired(a: frozenset[str], b: frozenset[str]) -> int:
    """How many parties the two lists share, each side's members counted against the other's."""
    links = default_links()
    found_a = sum(1 for x in a if any(links.counterparts(x, y) for y in b))
    found_b = sum(1 for y in b if any(links.counterparts(x, y) for x in a))
    return min(found_a, found_b)


def exact_day(p: Profile) -> date | None:
    """The one day an account is dated to, if any.

    For statements: an undated one has none, since the same speaker's undated words told by two
    articles of one day are often two remarks (the seeds hold two such pairs); one dated only to
    a week or month may be any of the speaker's words that week."""
    if p.date is not None and p.date.precision == "day" and p.date.start == p.date.end:
        return p.date.start
    return None


def speakers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """One side names all the other's speakers and maybe more (a joint statement and one of its
    signatories; a spokesman alone and with his state), or one side is a single body and the
    other only people or delegations speaking for it ("the Kremlin said" and its spokesman).
    Two different officials of one state do not agree, nor one official and three states."""
    if a & b and (a <= b or b <= a):
        return True
    links = default_links()
    for one, other in ((a, b), (b, a)):
        if len(one) == 1 and other:
            (body,) = one
            if all(links.counterparts(body, s) for s in other):
                return True
    return False


def _statement_ok(new: Profile, old: Profile) -> bool:
    """Same day and speakers; no other place (checked by _conflicts)."""
    day = exact_day(new)
    return day is not None and day == exact_day(old) and speakers_agree(new.speakers, old.speakers)


def placed_day(p: Profile) -> bool:
    """An account that may join by day and place alone: its kind, one exact day, a place below a country."""
    return p.type in PLACE_DAY and exact_day(p) is not None and default_tree().local(p.place)


def _placed_same_day(new: Profile, old: Profile) -> bool:
    """One day, one place (or a place and one holding it), and one side names no party: a strike or
    deal told without its parties. Two sides both naming parties, none shared, are two acts."""
    if not (placed_day(new) and placed_day(old)) or (new.actors and old.actors):
        return False
    return exact_day(new) == exact_day(old) and bool(places_agree(new.place, old.place))


def match_score(new: Profile, old: Profile) -> float | None:
    """None when `new` cannot be `old`; else how well it fits (higher is better)."""
    if _conflicts(new, old):
        return None
    rounds = _round_score(new, old)
    if rounds is not None:
        return None if rounds < 0 else rounds + (1.0 if new.date and old.date else 0.0)
    if _venue_alike(new, old):  # same dates checked; the parties listed may differ
        return 2.0 + (_actor_score(new, old) or 0.0)
    if new.type == "talks_round" and (new.series or old.series) and not _same(new.series, old.series):
        return None  # an unnamed round and a named one: nothing says they are the same
    if new.type == "statement":
        if not _statement_ok(new, old):
            return None
        # the day agrees; the speakers may be a subset of the other side's actors
        return 2.0 + len(new.actors & old.actors) / len(new.actors | old.actors)
    when = _date_score(new, old)
    if when is None:
        return None
    if new.type == "talks_round" and _same(new.series, old.series) and not (new.date and old.date):
        return None  # a dateless, unnumbered round cannot be placed among the series' rounds
    who = _actor_score(new, old)
    if who is not None and not (new.date and old.date) and new.type in TOLD_RECENT:
        who = who if paired(new.actors, old.actors) >= 2 else None  # told undated: the same two parties
    if who is None and new.type == "talks_round" and _same(new.series, old.series):
        who = 0.0  # the series names the process: sources list its parties differently, or not at all
    if who is None and _placed_same_day(new, old):
        who = 0.0
    if who is None:
        return None
    return 1.0 + when + who


def sort_date_ranges(new: Profile, published: date | None) -> list[tuple[date, date]]:
    """Sort dates an event must have to be worth comparing with `new` (empty: nothing can match).

    A dated account looks at events starting up to a week before it (a week holding its
    day) and at the first day of its month and year (a month or year holding it). Kinds
    that may merge without dates also look around the publication date, where dateless
    events are placed.
    """
    ranges: list[tuple[date, date]] = []
    if new.type == "statement":
        day = exact_day(new)
        return [(day, day)] if day else []
    if new.type in TOLD_RECENT:
        ranges += _told_ranges(new, published)
    if new.date is not None:
        start = new.date.start
        ranges.append((start - timedelta(days=WEEK_BEFORE_DAYS), new.date.end))
        ranges += [(start.replace(day=1),) * 2, (start.replace(month=1, day=1),) * 2]  # type: ignore[list-item]
    if family(new.type) in DATELESS_OK and published is not None:
        span = timedelta(days=DATELESS_WINDOW_DAYS)
        ranges.append((published - span, published + span))
    return ranges


def _told_ranges(new: Profile, published: date | None) -> list[tuple[date, date]]:
    """Where the events _told_near admits have their sort date (an undated one's is its source's day)."""
    one = timedelta(days=TOLD_WITHIN_DAYS)
    if new.date is None:
        return [(published - one, published + one)] if published else []
    day = _recent_day(new)
    return [(day, day + one)] if day else []
