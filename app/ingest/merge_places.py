"""Which places two sources may name for one event: the same place, or a place and one that holds
it ("بلدة بليون" and "محافظة إدلب"; "Saraqib" and "Idlib province"). Read from the gazetteer's
`part_of` fields.

Sources name where something happened at different levels: a town, its district, its province.
Only that chain counts: two towns of one province are two places, not one.

The knowledge base is the one the pipeline reads by default (built-in files plus WAQAI_KB_PATHS),
loaded once per process, like the party links of merge_parties.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class PlaceTree:
    """place id -> the place that holds it (`part_of`), and the reverse."""

    parent: Mapping[str, str] = field(default_factory=dict)
    children: Mapping[str, frozenset[str]] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()

    @classmethod
    def build(cls, places: Iterable[tuple[str, str | None, str]]) -> PlaceTree:
        """From (id, part_of, kind) triples."""
        rows = list(places)
        parent = {ident: holder for ident, holder, _ in rows if holder and holder != ident}
        children: dict[str, set[str]] = defaultdict(set)
        for ident, holder in parent.items():
            children[holder].add(ident)
        countries = frozenset(ident for ident, _, kind in rows if kind == "country")
        return cls(parent, {k: frozenset(v) for k, v in children.items()}, countries)

    def holders(self, place: str) -> list[str]:
        """The places that hold `place`, nearest first (its district, province, country)."""
        out: list[str] = []
        current = self.parent.get(place)
        while current is not None and current not in out and current != place:
            out.append(current)
            current = self.parent.get(current)
        return out

    def within(self, place: str) -> frozenset[str]:
        """Every place `place` holds, at any depth."""
        out: set[str] = set()
        todo = [place]
        while todo:
            for child in self.children.get(todo.pop(), frozenset()):
                if child not in out and child != place:
                    out.add(child)
                    todo.append(child)
        return frozenset(out)

    def nested(self, a: str, b: str) -> bool:
        """The same place, or one holds the other."""
        return a == b or b in self.holders(a) or a in self.holders(b)

    def local(self, place: str | None) -> bool:
        """A place below a country: a city, town, district or region ("in Syria" says little)."""
        return place is not None and place not in self.countries

    def kin(self, place: str) -> frozenset[str]:
        """Every place `nested` pairs with `place`: what a candidate search must also look for."""
        return frozenset({place, *self.holders(place)} | self.within(place))


@lru_cache(maxsize=1)
def default_tree() -> PlaceTree:
    from app.ingest.knowledge import load_kb

    kb = load_kb()
    return PlaceTree.build((p.id, p.part_of, p.kind) for p in kb.places.values())


def places_agree(a: str | None, b: str | None) -> bool | None:
    """None when either side is unknown, else whether they may be one event's place."""
    if a is None or b is None:
        return None
    return default_tree().nested(a, b)
