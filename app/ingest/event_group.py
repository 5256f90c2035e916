"""Within one article: which candidate passages report the same event.

One event per act: triggers of one type in one clause are one event; a
speaker's further sentences on the same occasion are one statement (a body's
statement joins its spokesperson's when the spokesperson is named "of" that
body); the lead and the body reporting one meeting, round or proposal are one
event. Dates that disagree keep events apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.ingest.event_candidates import Cand
from app.ingest.records import DateValue

_COMPATIBLE = {"proposal": "proposal", "report": "proposal"}


@dataclass
class Group:
    type: str
    members: list[Cand] = field(default_factory=list)

    @property
    def first(self) -> Cand:
        return self.members[0]

    @property
    def ids(self) -> set[str]:
        return set().union(*(c.ids for c in self.members))

    @property
    def person_ids(self) -> set[str]:
        return set().union(*(c.person_ids for c in self.members))

    @property
    def sides(self) -> set[str]:
        return set().union(*(c.sides for c in self.members))

    @property
    def date(self) -> DateValue | None:
        spans = [c.date for c in self.members if c.date]
        if spans:
            return spans[0]
        dated = [c.timex.date for c in self.members if c.timex and c.timex.date]
        return dated[0] if dated else None

    @property
    def status(self) -> str:
        return self.first.status


def _range(value: DateValue | None) -> tuple[date, date] | None:
    return (value.start, value.end) if value else None


def dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _same_speaker(g: Group, c: Cand) -> bool:
    if c.person_ids:
        if c.person_ids & g.person_ids:
            return True
        # a body's statement followed by its spokesperson's ("الجيش الروسي" … "المتحدث باسم الجيش الروسي")
        return (
            not g.person_ids
            and not c.own_act
            and any(s in c.slot_phrase for m in g.members for s in m.surfaces)
        )
    if g.person_ids:
        return any(s in m.slot_phrase for m in g.members if not m.own_act for s in c.surfaces)
    surfaces = {s for m in g.members for s in m.surfaces}
    return bool(c.ids & g.ids) and (not c.surfaces or bool(set(c.surfaces) & surfaces))


def _fits(g: Group, c: Cand) -> bool:
    if _COMPATIBLE.get(g.type, g.type) != _COMPATIBLE.get(c.type, c.type):
        return False
    if not dates_agree(g.date, c.when):
        return False
    same_sentence = any(m.sent == c.sent for m in g.members)
    if c.type == "statement":
        return _same_speaker(g, c)
    if c.type == "talks_round":
        return (
            (same_sentence or g.status == c.status)
            and (g.first.series is None or c.series is None or _series(g) == c.series)
            and (_round(g) is None or c.round is None or _round(g) == c.round)
        )
    if c.type == "meeting":
        # the same meeting: the same person at it, or the same two parties
        shared = c.ids & g.ids
        # a person who meets one counterpart and then calls another takes part in two meetings
        counterparts = bool(c.person_ids - g.person_ids) and bool(g.person_ids - c.person_ids)
        # two meetings that each name their people, not the same people: a bilateral and a trilateral summit
        summits = len(c.person_ids) >= 2 and len(g.person_ids) >= 2 and c.person_ids != g.person_ids
        counterparts = counterparts or summits
        # the same meeting told twice names the same parties (or some of them): X with Y, then X with Z,
        # are two meetings, in one sentence too
        return (
            g.status == c.status
            and _nested(g, c)
            and (
                (same_sentence and not summits)
                or (not counterparts and (bool(c.person_ids & g.person_ids) or len(shared) >= 2))
            )
        )
    if c.type in ("proposal", "report"):
        return True
    if c.type == "military":
        # strikes in different sentences are one only when both are dated alike: a campaign, an air
        # strike and an operation against the same side are three acts
        dated = c.when is not None and g.date is not None
        if same_sentence:  # "… بمقتل جنود في غارة يوم 27، لتطلق تركيا بعدها عملية": two acts
            # "سيطرت القوات على البلدة، وبعد معارك مع الفصائل": two acts
            # strikes by other forces in one sentence are other acts
            # "تقدم القوات …، حيث سيطرت على المدينة في …": the capture of a place is an act of its own
            if not _same_clause(g, c) and _capture(c) != any(_capture(m) for m in g.members):
                return False
            # a battle between two sides and one side's own operation told after it are two acts
            battle = c.battle or any(m.battle for m in g.members)
            if battle and not _same_clause(g, c) and c.sides != frozenset(g.sides):
                return False
            return _same_clause(g, c) or (not c.sequel and _nested(g, c))
        return bool(c.ids & g.ids) and dated
    # a deal signed and the truce it sets for a later day are two points on the timeline
    if c.type == "agreement" and c.status != g.status:
        return False
    # an agreement's signatories stand for its parties ("وقع المذكرة عن الجانب الروسي لافرنتييف"); one
    # shared party alone is not enough when a date is missing (Russia's settlements vs the guarantors' deal)
    parties = c.sides & g.sides
    close = c.when is not None and g.date is not None
    close = close or any(abs(m.sent - c.sent) <= 1 for m in g.members)
    if not c.ids or not g.ids:  # a deal that names no party is the one told near it, not any deal
        return same_sentence or close
    return same_sentence or len(parties) >= 2 or (bool(parties) and close)


def _capture(c: Cand) -> bool:
    """A rule that tells the taking of a place ("سيطرت على", "captured"), not fighting or strikes."""
    return c.rule.endswith(
        (".take_control", ".take_control_next", ".control_noun", ".capture", ".capture_place", ".captured_by")
    )


def _nested(g: Group, c: Cand) -> bool:
    """The parties of one act told twice: one telling names all the other names (a person counts for
    the state or body he acts for), or one names none."""
    a, b = c.sides, g.sides
    if not a or not b:
        return True
    return a <= b or b <= a


def _same_clause(g: Group, c: Cand) -> bool:
    return any(m.sent == c.sent and m.span[0] < c.span[1] and c.span[0] < m.span[1] for m in g.members)


def _series(g: Group) -> str | None:
    return next((m.series for m in g.members if m.series), None)


def _round(g: Group) -> int | None:
    return next((m.round for m in g.members if m.round), None)


def group(cands: list[Cand]) -> list[Group]:
    """Candidates (in text order) gathered into events."""
    groups: list[Group] = []
    last_statement: Group | None = None
    for c in _absorb(cands):
        target = None
        if c.type == "statement" and c.joins_previous and last_statement is not None:
            target = last_statement
        else:
            target = next((g for g in groups if _fits(g, c)), None)
        if target is None:
            target = Group(c.type)
            groups.append(target)
        target.members.append(c)
        if c.type == "statement":
            last_statement = target
    return groups


def _absorb(cands: list[Cand]) -> list[Cand]:
    """Drop a candidate whose clause also holds an event of a type that absorbs it."""
    out = []
    for c in cands:
        absorbed = any(
            o is not c
            and c.type in o.absorbs
            and o.sent == c.sent
            and o.span[0] < c.span[1]
            and c.span[0] < o.span[1]
            for o in cands
        ) or _explains_proposal(c, cands)
        if not absorbed:
            out.append(c)
    return out


def _explains_proposal(c: Cand, cands: list[Cand]) -> bool:
    """ "طرح بوتين فكرة المؤتمر …، داعيا إلى جمع الأطراف", "Putin floated the plan, saying …": the
    participle tells what the plan is for; it is the proposal's, not a statement of its own."""
    if c.type != "statement" or not c.rule.endswith(".participle"):
        return False
    return any(o.type == "proposal" and o.sent == c.sent and o.t_end <= c.t_start for o in cands)


def series_of(g: Group) -> str | None:
    return _series(g)


def round_of(g: Group) -> int | None:
    return _round(g)
