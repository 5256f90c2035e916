"""Actor and place recognition against the knowledge base.

All folded aliases and role titles of a knowledge base are compiled once into
a trie-shaped regular expression (one search over the folded text, not a loop
over aliases). Around each name the matcher accepts Arabic proclitics
(و ف ب ل ك, with ال merged into لل), optional spaces inside multi-word names
(crawled text glues words), and names glued after و when the preceding run is
itself a known name ("موسكووواشنطن"). Spans exclude the proclitics and are
reported in the original text's offsets.

Titles ("المبعوث الأممي") resolve to the person holding the role on `on`; a
title immediately followed by a name yields to the name. People the KB does
not know are picked up where a title word introduces them (`introduced.py`).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from app.ingest.introduced import introduced_people
from app.ingest.knowledge import KbActor, KbAlias, KnowledgeBase
from app.ingest.name_variants import spelling_variants
from app.ingest.normalize import Folded, fold_text
from app.ingest.records import ActorRef, PlaceRef
from app.ingest.timex_fold import fast_fold

Via = Literal["alias", "title", "introduced"]


@dataclass(frozen=True)
class ActorMatch:
    start: int  # original offsets, proclitics excluded
    end: int
    actor: ActorRef
    via: Via
    # Role id when found through a title: re-resolve with kb.holder(role, event date) unless `named`.
    # None when the title is part of a longer office ("نائب وزير الخارجية الروسي": its body).
    role_title: str | None = None
    ambiguous: bool = False  # found through a short or common alias ("الأسد", "النظام"): check the context
    metonym: bool = False  # a capital or office standing for the state ("موسكو"); also a place match
    named: bool = False  # a title whose person is fixed by the name right after it: do not re-resolve


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: PlaceRef
    ambiguous: bool = False  # a name that is also a common word or another place ("عمان": Amman or Oman)


@dataclass(frozen=True)
class _Entry:
    kind: Literal["actor", "title", "place"]
    target: str  # actor, role or place id
    ambiguous: bool = False
    metonym: bool = False
    lam_variant: bool = False  # "ال…" written "ل…" after the proclitic ل ("للأمم")
    case: Literal["any", "capital", "exact"] = (
        "any"  # Latin aliases: "US" is not "us", "Earnest" not "earnest"
    )


@dataclass(frozen=True)
class _Hit:
    start: int  # folded offsets of the name (proclitics excluded)
    end: int
    entries: tuple[_Entry, ...]


_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
# A name may run straight into a glued "و" and the next word ("الولاياتالمتحدةوروسيا"), but
# not into the plural ending "ون" ("المعلمون" is not "المعلم").
_GLUED_AND = r"(?=و(?!ن(?![^\W\d_]))[^\W\d_])"
_MIN_SURNAME = 6  # a one-word alias must be this long to get spelling variants
_SEP = "[ -]?"  # words of a multi-word name: a space, a hyphen, or glued


def _key(folded: str) -> str:
    return folded.replace(" ", "").replace("-", "")


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, shaped as a trie so matching does not try each word in turn."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict[str, dict]) -> str:
    alts = [(_SEP if ch in " -" else re.escape(ch)) + _node_regex(child) for ch, child in node.items() if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")"
    return f"(?:{body})?" if "" in node else body


class Matcher:
    """One compiled search for a set of folded names, with the proclitic and glue rules."""

    def __init__(self, table: dict[str, list[tuple[str, _Entry]]]) -> None:
        self.entries: dict[str, tuple[_Entry, ...]] = {}
        forms: set[str] = set()
        for entries in table.values():
            for form, entry in entries:
                forms.add(form)
                key = _key(form)
                self.entries[key] = (*self.entries.get(key, ()), entry)
        trie = _trie_regex(sorted(forms)) if forms else "(?!)"
        end = rf"(?:{_NOT_LETTER_AFTER}|{_GLUED_AND})"
        self.search_re = re.compile(rf"{_LETTER_BEFORE}(?P<pre>[وف]?[بلك]?)(?P<name>{trie}){end}")
        self.glued_re = re.compile(rf"(?P<pre>و?[بلك]?)(?P<name>{trie}){end}")

    def hits(self, folded: Folded, original: str) -> Iterator[_Hit]:
        text = folded.text
        pos, glued = 0, False
        while pos < len(text):
            m = self.glued_re.match(text, pos) if glued else None
            m = m or self.search_re.search(text, pos)
            if m is None:
                return
            start, end = folded.to_original(m.start("name"), m.end("name"))
            entries = self._entries(m, original[start:end])
            if not entries:
                pos, glued = m.start("name") + 1, False
                continue
            yield _Hit(m.start("name"), m.end("name"), entries)
            pos = m.end("name")
            glued = pos < len(text) and text[pos].isalpha()

    def _entries(self, m: re.Match[str], written: str) -> tuple[_Entry, ...]:
        after_lam = m.group("pre").endswith("ل")
        found = self.entries.get(_key(m.group("name")), ())
        return tuple(e for e in found if (not e.lam_variant or after_lam) and _case_ok(e, written))


def _forms(alias: str) -> list[tuple[str, bool]]:
    """The folded alias, and its "ل…" form for "ال…" names written after the proclitic ل."""
    folded = fold_text(alias)
    if not folded:
        return []
    forms = [(folded, False)]
    if folded.startswith("ال") and len(folded) > 3:
        forms.append((folded[1:], True))
    return forms


def _case_rule(alias: str) -> Literal["any", "capital", "exact"]:
    """Latin acronyms must match exactly, capitalised names must start with a capital."""
    if not alias.isascii() or not alias[:1].isalpha():
        return "any"
    if not any(c.islower() for c in alias):
        return "exact"
    return "capital" if alias[0].isupper() else "any"


def _case_ok(entry: _Entry, written: str) -> bool:
    if entry.case == "capital":
        return written[:1].isupper()
    if entry.case == "exact":
        return not any(c.islower() for c in written)
    return True


def _add(table: dict[str, list[tuple[str, _Entry]]], alias: KbAlias, entry: _Entry) -> None:
    for form, lam in _forms(alias.text):
        flagged = replace(
            entry,
            ambiguous=alias.ambiguous,
            metonym=alias.metonym,
            lam_variant=lam,
            case=_case_rule(alias.text),
        )
        table.setdefault(_key(form), []).append((form, flagged))


def _names(name_ar: str, name_en: str, aliases: tuple[KbAlias, ...]) -> list[KbAlias]:
    """The canonical names and the aliases; an alias flagged ambiguous overrides the same plain name."""
    by_form = {fold_text(n): KbAlias(n) for n in (name_ar, name_en) if n}
    by_form.update((fold_text(a.text), a) for a in aliases)
    return list(by_form.values())


def _person_variants(actor: KbActor, alias: KbAlias) -> list[KbAlias]:
    """Transliteration variants of a person's multi-word name or long (distinctive) surname."""
    folded = fold_text(alias.text)
    if actor.kind != "person" or (" " not in folded and len(folded) < _MIN_SURNAME):
        return []
    return [replace(alias, text=v) for v in spelling_variants(folded)]


def _actor_table(kb: KnowledgeBase) -> dict[str, list[tuple[str, _Entry]]]:
    table: dict[str, list[tuple[str, _Entry]]] = {}
    for actor in kb.actors.values():
        for alias in _names(actor.name_ar, actor.name_en, actor.aliases_ar + actor.aliases_en):
            _add(table, alias, _Entry("actor", actor.id))
            for variant in _person_variants(actor, alias):
                _add(table, variant, _Entry("actor", actor.id))
    for role in kb.roles.values():
        for title in role.titles_ar + role.titles_en:
            _add(table, KbAlias(title), _Entry("title", role.id))
    return table


def _place_table(kb: KnowledgeBase) -> dict[str, list[tuple[str, _Entry]]]:
    table: dict[str, list[tuple[str, _Entry]]] = {}
    for place in kb.places.values():
        for alias in _names(place.name_ar, place.name_en, place.aliases):
            _add(table, alias, _Entry("place", place.id))
    return table


_MATCHERS: weakref.WeakKeyDictionary[KnowledgeBase, tuple[Matcher, Matcher]] = weakref.WeakKeyDictionary()


def matchers(kb: KnowledgeBase) -> tuple[Matcher, Matcher]:
    """The (actors and titles, places) matchers of `kb`, compiled once per knowledge base."""
    if kb not in _MATCHERS:
        _MATCHERS[kb] = (Matcher(_actor_table(kb)), Matcher(_place_table(kb)))
    return _MATCHERS[kb]


@lru_cache(maxsize=8)
def _fold(text: str) -> Folded:
    """Folded text, shared by the actor and place passes over the same article."""
    return fast_fold(text)


def _pick_actor(kb: KnowledgeBase, ids: list[str], on: date | None) -> KbActor:
    """Among actors sharing an alias, the one holding a role on `on`, else the first defined."""
    actors = [kb.actors[i] for i in dict.fromkeys(ids)]
    if on is not None:
        for actor in actors:
            if any(r.covers(on) for r in actor.roles):
                return actor
    return actors[0]


_REFS: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, ActorRef]] = weakref.WeakKeyDictionary()


def _ref(kb: KnowledgeBase, actor: KbActor) -> ActorRef:
    """The actor's participant ActorRef, built once per knowledge base (matching is hot)."""
    refs = _REFS.setdefault(kb, {})
    if actor.id not in refs:
        refs[actor.id] = actor.ref()
    return refs[actor.id]


_SUBORDINATE: weakref.WeakKeyDictionary[KnowledgeBase, re.Pattern[str]] = weakref.WeakKeyDictionary()


def _subordinate_re(kb: KnowledgeBase) -> re.Pattern[str]:
    """Words right before a title that make it part of a longer office (`subordinate_*` lexicon)."""
    if kb not in _SUBORDINATE:
        words = {
            fold_text(w) for key in ("subordinate_ar", "subordinate_en") for w in kb.lexicon.get(key, ())
        }
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
        _SUBORDINATE[kb] = re.compile(rf"(?<![^\W\d_])[وف]?(?:{alts}) ?$")
    return _SUBORDINATE[kb]


def _title_match(kb: KnowledgeBase, folded: Folded, hit: _Hit, on: date | None) -> ActorMatch:
    """A title resolves to its holder on `on`; inside a longer office ("نائب وزير …") to its body."""
    start, end = folded.to_original(hit.start, hit.end)
    role = kb.roles[hit.entries[0].target]
    if _subordinate_re(kb).search(folded.text, max(0, hit.start - 40), hit.start):
        return ActorMatch(start, end, _ref(kb, kb.actors[role.body]), "title", None)
    holder = kb.holder(role.id, on) or kb.actors[role.body]
    return ActorMatch(start, end, _ref(kb, holder), "title", role.id)


def _actor_match(kb: KnowledgeBase, folded: Folded, hit: _Hit, on: date | None) -> ActorMatch:
    start, end = folded.to_original(hit.start, hit.end)
    named = [e for e in hit.entries if e.kind == "actor"]
    if named:
        actor = _pick_actor(kb, [e.target for e in named], on)
        ambiguous = any(e.ambiguous for e in named) or len({e.target for e in named}) > 1
        return ActorMatch(
            start, end, _ref(kb, actor), "alias", None, ambiguous, any(e.metonym for e in named)
        )
    return _title_match(kb, folded, hit, on)


def recognize_actors(
    text: str, kb: KnowledgeBase, *, on: date | None = None, lang: str = "ar"
) -> list[ActorMatch]:
    """Actors named, titled or introduced in `text`, in text order, without overlaps."""
    folded = _fold(text)
    actor_matcher, _ = matchers(kb)
    found = [_actor_match(kb, folded, hit, on) for hit in actor_matcher.hits(folded, text)]
    spans = [(m.start, m.end) for m in found]
    new = [
        ActorMatch(s, e, ref, "introduced")
        for s, e, ref in introduced_people(text, folded, kb, spans, lang=lang)
    ]
    merged = sorted(found + new, key=lambda m: (m.start, m.end))
    return _titles_yield_to_names(text, merged)


def _titles_yield_to_names(text: str, found: list[ActorMatch]) -> list[ActorMatch]:
    """A title directly followed by a person's name ("وزير الخارجية الأميركي جون كيري") is that person."""
    out = list(found)
    for i, match in enumerate(out[:-1]):
        after = out[i + 1]
        gap = text[match.end : after.start]
        if (
            match.via == "title"
            and after.actor.kind == "person"
            and len(gap) <= 3
            and not gap.strip(" ،,#(\u00a0")
        ):
            out[i] = replace(match, actor=after.actor, named=True)
    return out


def recognize_places(text: str, kb: KnowledgeBase, *, lang: str = "ar") -> list[PlaceMatch]:
    """Gazetteer places named in `text`, in text order, without overlaps."""
    folded = _fold(text)
    _, place_matcher = matchers(kb)
    out = []
    for hit in place_matcher.hits(folded, text):
        start, end = folded.to_original(hit.start, hit.end)
        entry = hit.entries[0]
        out.append(PlaceMatch(start, end, kb.places[entry.target].ref(), entry.ambiguous))
    return out


@lru_cache(maxsize=8)
def _pair_re(kb: KnowledgeBase) -> re.Pattern[str]:
    words = sorted({fold_text(w) for w in kb.lexicon.get("pair_words", ())}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words) or "(?!)"
    # A pair word followed by a genitive complement ("بلدان المنطقة") names other states: skip it.
    return re.compile(rf"{_LETTER_BEFORE}[وف]?(?:{body}){_NOT_LETTER_AFTER}(?! ال(?!ذي|تي|لذ))")


def pair_anaphors(text: str, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Original spans of words like "البلدان" / "the two countries" that stand for two states."""
    folded = _fold(text)
    return [folded.to_original(m.start(), m.end()) for m in _pair_re(kb).finditer(folded.text)]


def _state_of(kb: KnowledgeBase, ref: ActorRef) -> str | None:
    """The country an actor is or speaks for (Lavrov → russia), if any."""
    actor = kb.actors.get(ref.id)
    while actor is not None and actor.kind != "country":
        actor = kb.actors.get(actor.affiliation) if actor.affiliation else None
    return actor.id if actor is not None else None


def resolve_pair(
    text: str, position: int, kb: KnowledgeBase, matches: Sequence[ActorMatch]
) -> tuple[ActorRef, ActorRef] | None:
    """The last two distinct states named before `position` in its paragraph (ordered by last mention).

    For the events stage: a subject "البلدان" / "the two countries" found by `pair_anaphors`.
    """
    paragraph_start = text.rfind("\n", 0, position) + 1
    states: list[str] = []
    for m in sorted(matches, key=lambda m: m.start, reverse=True):
        if not paragraph_start <= m.start < position or (m.ambiguous and not m.metonym):
            continue
        state = _state_of(kb, m.actor)
        if state and state not in states:
            states.append(state)
        if len(states) == 2:
            return _ref(kb, kb.actors[states[1]]), _ref(kb, kb.actors[states[0]])
    return None
