"""Validation of knowledge-base YAML entries into the typed records of `knowledge.py`.

Each entry is checked for its required and known keys, its kinds and dates;
cross references (affiliation, role, body, place, series) are checked once all
files are read, so one file may refer to another. Errors name the file and entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.ingest.knowledge import (
    ACTOR_KINDS,
    PLACE_KINDS,
    KbActor,
    KbAlias,
    KbError,
    KbIntroducer,
    KbPlace,
    KbRole,
    KbRound,
    KbSeries,
    KbTitle,
    KnowledgeBase,
    parse_date,
    read_yaml,
)

_ACTOR_KEYS = {
    "id",
    "name_en",
    "name_ar",
    "kind",
    "wikidata",
    "aliases_ar",
    "aliases_en",
    "roles",
    "affiliation",
    "members",
}
_ROLE_KEYS = {"id", "body", "title_ar", "title_en", "suffix_ar", "suffix_en"}
_PLACE_KEYS = {"id", "name_en", "name_ar", "kind", "aliases", "part_of"}
_SERIES_KEYS = {"id", "name_en", "name_ar", "aliases", "place"}
_ROUND_KEYS = {"series", "round", "start", "end", "place", "note"}
_INTRO_KEYS = {"id", "words", "lang", "examples", "negatives"}


def _check_keys(entry: Any, where: str, allowed: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise KbError(f"{where}: each entry must be a mapping, got {type(entry).__name__}")
    unknown = set(entry) - allowed
    if unknown:
        raise KbError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = {k for k in required if entry.get(k) in (None, "")}
    if missing:
        raise KbError(f"{where}: missing required key(s) {sorted(missing)}")
    return entry


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise KbError(f"{where}: must be a list of non-empty strings")
    bad = [v for v in value if not (isinstance(v, str) and v.strip())]
    if bad:  # YAML reads bare on/no/yes as booleans: quote them
        raise KbError(f"{where}: {bad[0]!r} is not a non-empty string (quote it)")
    return tuple(v.strip() for v in value)


def _members(value: Any, where: str) -> tuple[str, ...]:
    """A grouping's member actor ids (checked once every file is read)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KbError(f"{where}: must be a list of actor ids")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _aliases(value: Any, where: str) -> tuple[KbAlias, ...]:
    """Aliases are strings, or mappings {text, ambiguous?, metonym?} for words that need context."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise KbError(f"{where}: must be a list")
    out: list[KbAlias] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(KbAlias(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            _check_keys(item, f"{where} {item['text']!r}", {"text", "ambiguous", "metonym"}, {"text"})
            flags = {k: bool(item.get(k, False)) for k in ("ambiguous", "metonym")}
            out.append(KbAlias(item["text"].strip(), **flags))
        else:
            raise KbError(f"{where}: alias {item!r} must be a string or a mapping with 'text'")
    return tuple(out)


class Collector:
    """Reads files one by one, then checks cross references and builds the KnowledgeBase."""

    def __init__(self) -> None:
        self.actors: dict[str, KbActor] = {}
        self.roles: dict[str, KbTitle] = {}
        self.places: dict[str, KbPlace] = {}
        self.series: dict[str, KbSeries] = {}
        self.rounds: list[tuple[KbRound, str]] = []
        self.introducers: list[KbIntroducer] = []
        self.lexicon: dict[str, tuple[str, ...]] = {}
        self.origin: dict[str, str] = {}  # "section:id" -> file, for duplicate errors
        self.files: list[str] = []

    def add_file(self, path: Path) -> None:
        data = read_yaml(path)
        self.files.append(str(path))
        for section, entries in data.items():
            if section == "lexicon":
                self._lexicon(entries, f"{path}: lexicon")
                continue
            if not isinstance(entries, list):
                raise KbError(f"{path}: section '{section}' must be a list of entries")
            parse = getattr(self, f"_{section}")
            for i, entry in enumerate(entries):
                ident = entry.get("id", entry.get("series", "?")) if isinstance(entry, dict) else "?"
                parse(entry, f"{path}: {section}[{i}] (id={ident})", path)

    def _claim(self, section: str, ident: str, where: str, path: Path) -> None:
        key = f"{section}:{ident}"
        if key in self.origin:
            raise KbError(f"{where}: duplicate {section} id {ident!r}, already defined in {self.origin[key]}")
        self.origin[key] = str(path)

    def _actors(self, entry: Any, where: str, path: Path) -> None:
        e = _check_keys(entry, where, _ACTOR_KEYS, {"id", "name_en", "name_ar", "kind"})
        if e["kind"] not in ACTOR_KINDS:
            raise KbError(f"{where}: kind {e['kind']!r} is not one of {ACTOR_KINDS}")
        wikidata = e.get("wikidata")
        if wikidata is not None and not (str(wikidata).startswith("Q") and str(wikidata)[1:].isdigit()):
            raise KbError(f"{where}: wikidata {wikidata!r} is not a Q-identifier")
        self._claim("actors", e["id"], where, path)
        self.actors[e["id"]] = KbActor(
            id=e["id"],
            name_en=e["name_en"],
            name_ar=e["name_ar"],
            kind=e["kind"],
            wikidata=wikidata,
            aliases_ar=_aliases(e.get("aliases_ar"), f"{where} aliases_ar"),
            aliases_en=_aliases(e.get("aliases_en"), f"{where} aliases_en"),
            roles=tuple(self._held(r, f"{where} roles[{i}]") for i, r in enumerate(e.get("roles") or [])),
            affiliation=e.get("affiliation"),
            source=str(path),
            members=_members(e.get("members"), f"{where} members"),
        )

    def _held(self, entry: Any, where: str) -> KbRole:
        e = _check_keys(entry, where, {"role", "start", "end"}, {"role"})
        start, end = parse_date(e.get("start"), where), parse_date(e.get("end"), where)
        if start and end and end < start:
            raise KbError(f"{where}: end {end} is before start {start}")
        return KbRole(e["role"], start, end, "", "")

    def _roles(self, entry: Any, where: str, path: Path) -> None:
        e = _check_keys(entry, where, _ROLE_KEYS, {"id", "body"})
        self._claim("roles", e["id"], where, path)
        self.roles[e["id"]] = KbTitle(
            e["id"],
            e["body"],
            _expand(_strings(e.get("title_ar"), where), _strings(e.get("suffix_ar"), where)),
            _expand(_strings(e.get("title_en"), where), _strings(e.get("suffix_en"), where)),
        )

    def _places(self, entry: Any, where: str, path: Path) -> None:
        e = _check_keys(entry, where, _PLACE_KEYS, {"id", "name_en", "name_ar", "kind"})
        if e["kind"] not in PLACE_KINDS:
            raise KbError(f"{where}: kind {e['kind']!r} is not one of {PLACE_KINDS}")
        self._claim("places", e["id"], where, path)
        aliases = _aliases(e.get("aliases"), f"{where} aliases")
        self.places[e["id"]] = KbPlace(
            e["id"], e["name_en"], e["name_ar"], e["kind"], aliases, e.get("part_of")
        )

    def _series(self, entry: Any, where: str, path: Path) -> None:
        e = _check_keys(entry, where, _SERIES_KEYS, {"id", "name_en", "name_ar"})
        self._claim("series", e["id"], where, path)
        aliases = _strings(e.get("aliases"), where)
        self.series[e["id"]] = KbSeries(e["id"], e["name_en"], e["name_ar"], aliases, e.get("place"))

    def _rounds(self, entry: Any, where: str, path: Path) -> None:
        e = _check_keys(entry, where, _ROUND_KEYS, {"series", "round"})
        if not isinstance(e["round"], int) or e["round"] < 1:
            raise KbError(f"{where}: round must be a positive integer")
        start, end = parse_date(e.get("start"), where), parse_date(e.get("end"), where)
        if start and end and end < start:
            raise KbError(f"{where}: end {end} is before start {start}")
        self.rounds.append(
            (KbRound(e["series"], e["round"], start, end, e.get("place"), e.get("note", "")), where)
        )

    def _introducers(self, entry: Any, where: str, path: Path) -> None:
        e = _check_keys(entry, where, _INTRO_KEYS, {"id", "words"})
        lang = e.get("lang", "ar")
        self._claim("introducers", e["id"], where, path)
        self.introducers.append(
            KbIntroducer(
                e["id"],
                _strings(e["words"], where),
                lang,
                _strings(e.get("examples"), where),
                _strings(e.get("negatives"), where),
            )
        )

    def _lexicon(self, entries: Any, where: str) -> None:
        if not isinstance(entries, dict):
            raise KbError(f"{where}: must be a mapping of word-list name to list of words")
        for name, words in entries.items():
            self.lexicon[name] = self.lexicon.get(name, ()) + _strings(words, f"{where}.{name}")

    def build(self) -> KnowledgeBase:
        self._check_references()
        actors = {k: _with_titles(a, self.roles) for k, a in self.actors.items()}
        return KnowledgeBase(
            actors=actors,
            roles=dict(self.roles),
            places=dict(self.places),
            series=dict(self.series),
            rounds=tuple(r for r, _ in self.rounds),
            introducers=tuple(self.introducers),
            lexicon=dict(self.lexicon),
            files=tuple(self.files),
        )

    def _check_references(self) -> None:
        for actor in self.actors.values():
            where = f"{actor.source}: actors (id={actor.id})"
            if actor.affiliation and actor.affiliation not in self.actors:
                raise KbError(f"{where}: affiliation {actor.affiliation!r} is not a known actor id")
            for member in actor.members:
                if member not in self.actors or member == actor.id:
                    raise KbError(f"{where}: member {member!r} is not another known actor id")
            for held in actor.roles:
                if held.role not in self.roles:
                    raise KbError(f"{where}: role {held.role!r} is not defined in any 'roles' section")
        for title in self.roles.values():
            if title.body not in self.actors:
                where = f"{self.origin['roles:' + title.id]}: roles (id={title.id})"
                raise KbError(f"{where}: body {title.body!r} is not a known actor id")
        for rnd, where in self.rounds:
            if rnd.series not in self.series:
                raise KbError(f"{where}: series {rnd.series!r} is not a known series id")
            if rnd.place and rnd.place not in self.places:
                raise KbError(f"{where}: place {rnd.place!r} is not a known place id")
        for place in self.places.values():
            if place.part_of and place.part_of not in self.places:
                where = f"{self.origin['places:' + place.id]}: places (id={place.id})"
                raise KbError(f"{where}: part_of {place.part_of!r} is not a known place id")


def _expand(titles: tuple[str, ...], suffixes: tuple[str, ...]) -> tuple[str, ...]:
    """Every title alone and with each optional suffix ("المبعوث الأممي" + " الخاص إلى سوريا")."""
    out = list(titles)
    out.extend(f"{t} {s}" for t in titles for s in suffixes)
    return tuple(dict.fromkeys(out))


def _with_titles(actor: KbActor, roles: dict[str, KbTitle]) -> KbActor:
    """Fill each held role's display titles from the role definition."""
    held = []
    for r in actor.roles:
        title = roles[r.role]
        title_en = title.titles_en[0] if title.titles_en else r.role
        title_ar = title.titles_ar[0] if title.titles_ar else ""
        held.append(KbRole(r.role, r.start, r.end, title_en, title_ar))
    return KbActor(
        actor.id,
        actor.name_en,
        actor.name_ar,
        actor.kind,
        actor.wikidata,
        actor.aliases_ar,
        actor.aliases_en,
        tuple(held),
        actor.affiliation,
        actor.source,
        actor.members,
    )
