"""The knowledge base: actors, their dated roles, titles, places, talks series and rounds.

Everything here is data read from YAML files (`resources/kb/*.yaml` plus any
files or folders the user names in `WAQAI_KB_PATHS`), so a knowledge base for
another conflict is a new file, not new code. Each file may hold any of the
sections `actors`, `roles`, `places`, `series`, `rounds`, `introducers`,
`lexicon`; the format is written at the top of `resources/kb/actors_un.yaml`.
Invalid data raises `KbError` naming the file, the entry and the problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from app.config import RESOURCES_DIR
from app.ingest.records import ActorRef, PlaceRef

KB_DIR = RESOURCES_DIR / "kb"
ACTOR_KINDS = ("person", "organisation", "country", "delegation")
PLACE_KINDS = ("city", "region", "country", "venue", "district")
SECTIONS = ("actors", "roles", "places", "series", "rounds", "introducers", "lexicon")


class KbError(ValueError):
    """Invalid knowledge-base data; the message names the file and the entry."""


@dataclass(frozen=True)
class KbAlias:
    text: str
    ambiguous: bool = False  # a short or common word ("الأسد", "النظام"): callers decide by context
    metonym: bool = False  # a capital or office standing for the state ("موسكو", "البيت الأبيض")


@dataclass(frozen=True)
class KbRole:
    role: str
    start: date | None
    end: date | None  # None: still held
    title_en: str
    title_ar: str

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class KbActor:
    id: str
    name_en: str
    name_ar: str
    kind: str
    wikidata: str | None = None
    aliases_ar: tuple[KbAlias, ...] = ()
    aliases_en: tuple[KbAlias, ...] = ()
    roles: tuple[KbRole, ...] = ()
    affiliation: str | None = None
    source: str = ""  # the file it came from
    members: tuple[str, ...] = ()  # a grouping of fixed membership: its members act with it

    def ref(self, role: str = "participant") -> ActorRef:
        names = (self.name_ar, self.name_en, *tuple(a.text for a in self.aliases_ar + self.aliases_en))
        aliases = tuple(dict.fromkeys(n for n in names if n))
        return ActorRef(self.id, self.name_en, self.name_ar, self.kind, role, aliases, self.wikidata)


@dataclass(frozen=True)
class KbTitle:
    """A role: who holds it comes from the actors' dated `roles`; `body` answers when no one is named."""

    id: str
    body: str  # actor id of the office's organisation or state
    titles_ar: tuple[str, ...]
    titles_en: tuple[str, ...]


@dataclass(frozen=True)
class KbPlace:
    id: str
    name_en: str
    name_ar: str
    kind: str
    aliases: tuple[KbAlias, ...] = ()
    part_of: str | None = None

    def ref(self) -> PlaceRef:
        return PlaceRef(self.id, self.name_en, self.name_ar, self.kind)


@dataclass(frozen=True)
class KbSeries:
    id: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...] = ()
    place: str | None = None


@dataclass(frozen=True)
class KbRound:
    series: str
    round: int
    start: date | None
    end: date | None
    place: str | None = None
    note: str = ""


@dataclass(frozen=True)
class KbIntroducer:
    """A title word that may introduce a person not in the knowledge base ("المتحدث باسم …")."""

    id: str
    words: tuple[str, ...]
    lang: str
    examples: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)  # identity hash: matchers are cached per knowledge base
class KnowledgeBase:
    actors: dict[str, KbActor] = field(default_factory=dict)
    roles: dict[str, KbTitle] = field(default_factory=dict)
    places: dict[str, KbPlace] = field(default_factory=dict)
    series: dict[str, KbSeries] = field(default_factory=dict)
    rounds: tuple[KbRound, ...] = ()
    introducers: tuple[KbIntroducer, ...] = ()
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    @cached_property
    def _holdings(self) -> dict[str, list[tuple[KbActor, KbRole]]]:
        by_role: dict[str, list[tuple[KbActor, KbRole]]] = {}
        for actor in self.actors.values():
            for held in actor.roles:
                by_role.setdefault(held.role, []).append((actor, held))
        return by_role

    def holder(self, role: str, on: date | None) -> KbActor | None:
        """Who held `role` on `on`; without a date only a role that ever had one holder answers."""
        holders = self._holdings.get(role, [])
        if on is None:
            ids = {a.id for a, _ in holders}
            return holders[0][0] if len(ids) == 1 else None
        for actor, held in holders:
            if held.covers(on):
                return actor
        return None

    def round_of(self, series: str, number: int) -> KbRound | None:
        return next((r for r in self.rounds if r.series == series and r.round == number), None)


def kb_files(paths: Iterable[Path]) -> list[Path]:
    """Every *.yaml / *.yml file among `paths` (folders are read recursively, in name order)."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            found.append(path)
        else:
            raise KbError(f"{path}: knowledge-base path does not exist")
    return found


def load_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The built-in knowledge base plus WAQAI_KB_PATHS plus `extra` (cached per argument)."""
    from app.config import Settings

    user = tuple(Path(p) for p in Settings().kb_paths) + tuple(Path(p) for p in extra)
    return _load_cached(user)


@lru_cache(maxsize=8)
def _load_cached(user: tuple[Path, ...]) -> KnowledgeBase:
    return load_files(kb_files([KB_DIR, *user]))


def load_files(files: Sequence[Path | str]) -> KnowledgeBase:
    """Parse and validate `files` into one knowledge base (no cache)."""
    from app.ingest.kb_parse import Collector

    collector = Collector()
    for path in files:
        collector.add_file(Path(path))
    return collector.build()


def parse_date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KbError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML that leaves dates as text (so `parse_date` names the entry) and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:  # plain YAML would silently keep the last one and lose data
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError) as exc:
        raise KbError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise KbError(f"{path}: invalid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KbError(f"{path}: top level must be a mapping of sections {SECTIONS}")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise KbError(f"{path}: unknown section(s) {sorted(unknown)}; expected some of {SECTIONS}")
    return data
