"""Which parties two sources may name differently: a person and the body they speak for or lead,
a delegation and its head. Read from the knowledge base's `affiliation` fields.

Sources name one party at different levels: "Lavrov and Kerry met" and "Russia and the United
States met"; "the Kremlin said" and "Peskov said"; "the government delegation" and "Jaafari".
Only those links count: two people of one state are not the same party (Putin and Erdogan
meeting is not their ministers meeting), nor are two bodies.

The knowledge base is the one the pipeline reads by default (built-in files plus
WAQAI_KB_PATHS), loaded once per process: merging runs deep inside one transaction and
its rules are pure functions of two profiles, so they take the links from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

PERSONLIKE = ("person", "delegation")


@dataclass(frozen=True)
class PartyLinks:
    """actor id -> the body it belongs to (persons and delegations), and the reverse."""

    body_of: Mapping[str, str] = field(default_factory=dict)
    delegations: frozenset[str] = frozenset()
    members: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, actors: Iterable[tuple[str, str, str | None]]) -> PartyLinks:
        """From (id, kind, affiliation) triples; only persons and delegations belong to a body."""
        body_of: dict[str, str] = {}
        delegations: set[str] = set()
        members: dict[str, set[str]] = defaultdict(set)
        for ident, kind, affiliation in actors:
            if kind not in PERSONLIKE or not affiliation:
                continue
            body_of[ident] = affiliation
            members[affiliation].add(ident)
            if kind == "delegation":
                delegations.add(ident)
        return cls(body_of, frozenset(delegations), {b: frozenset(m) for b, m in members.items()})

    def counterparts(self, a: str, b: str) -> bool:
        """The same party named at two levels (or twice alike)."""
        if a == b:
            return True
        body_a, body_b = self.body_of.get(a), self.body_of.get(b)
        if body_a == b or body_b == a:
            return True  # a person or delegation and its body
        # a delegation and a person of its side (its head, a member speaking for it)
        return bool(body_a and body_a == body_b and (a in self.delegations) != (b in self.delegations))

    def kin(self, actor: str) -> frozenset[str]:
        """Every id `counterparts` may pair with `actor`: what a candidate search must also look for."""
        out = {actor} | self.members.get(actor, frozenset())
        body = self.body_of.get(actor)
        if body:
            out.add(body)
            side = self.members.get(body, frozenset())
            if actor in self.delegations:
                out |= {m for m in side if m not in self.delegations}
            else:
                out |= {m for m in side if m in self.delegations}
        return frozenset(out)


@lru_cache(maxsize=1)
def default_links() -> PartyLinks:
    from app.ingest.knowledge import load_kb

    kb = load_kb()
    return PartyLinks.build((a.id, a.kind, a.affiliation) for a in kb.actors.values())
