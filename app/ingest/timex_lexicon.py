"""Word lists of the time-expression tagger, read once from resources/timex/*.yaml.

Every name is folded with the same `fold_text` the tagger runs on, so the YAML files
can be written in ordinary spelling (أغسطس, غداً, Thursday) and still match any variant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from app.ingest.normalize import fold_text

RESOURCE_DIR = Path(__file__).parent / "resources" / "timex"
RESOURCE_FILES = (
    "months",
    "weekdays",
    "relative",
    "modifiers",
    "ordinals",
    "offsets",
    "tense",
    "traps",
    "rules",
)


@cache
def load_resource(name: str) -> dict[str, Any]:
    """One resource file as a dict (cached: the files are read once per process)."""
    path = RESOURCE_DIR / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _names(values: Iterable[Any]) -> list[str]:
    return [fold_text(str(v)) for v in values if str(v).strip()]


def alternation(names: Iterable[str]) -> str:
    """A regex matching any of the literal names, as a trie (spaces as \\s+).

    Factoring shared prefixes lets the regex engine reject a position after one or two
    characters instead of trying every name in turn; greedy optional tails keep the
    longest name preferred, as a longest-first alternation would.
    """
    trie: dict[str, Any] = {}
    for name in set(names):
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie) if trie else "(?!)"


def _emit(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, folded."""

    lang: str
    months: dict[str, int]
    hijri_months: dict[str, int]
    guarded: frozenset[str]
    month_context: frozenset[str]
    month_block_before: frozenset[str]
    weekdays: dict[str, int]
    weekday_block_before: frozenset[str]
    weekday_block_after: frozenset[str]
    reldays: dict[str, int]
    parts_of_day: tuple[str, ...]
    units: dict[str, str]
    this_words: dict[str, int]
    dir_words: dict[str, int]
    day_block_after: tuple[str, ...]
    day_block_before: frozenset[str]
    verb_blockers: dict[str, frozenset[str]]
    media_names: tuple[str, ...]
    mods: dict[str, str]
    ordinals: dict[str, int]
    ordinal_block_before: frozenset[str]
    past_words: frozenset[str]
    future_words: frozenset[str]
    future_prefixes: tuple[str, ...]
    not_prefixed: tuple[str, ...]
    suffix_ed: bool
    not_ed: frozenset[str]
    past_not_after: frozenset[str]
    counterfactual: tuple[tuple[str, ...], ...]  # "كان من المفترض أن", "was meant to": the past
    complement: frozenset[str]  # words opening reported words: a cue after them is not the clause's
    onset: tuple[tuple[str, ...], ...]  # "اعتبارا من", "starting": the expression opens a period ahead
    trap_before: frozenset[str]
    trap_after: frozenset[str]
    year_cues: tuple[str, ...]
    year_words: tuple[str, ...]
    offset_dirs: dict[str, int]
    offset_units: dict[str, tuple[str, int]]  # name -> (day | week, amount it carries, 0 = counted)
    offset_block_after: frozenset[str]
    numbers: dict[str, int]


def _entries(name: str, lang: str) -> list[dict[str, Any]]:
    return [e for e in load_resource(name).get("entries", []) if e.get("lang") == lang]


def _months(lang: str) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    months: dict[str, int] = {}
    hijri: dict[str, int] = {}
    guarded: set[str] = set()
    for e in _entries("months", lang):
        target = hijri if e.get("calendar") == "hijri" else months
        for n in _names(e.get("names") or []):
            target[n] = int(e["month"])
        for n in _names(e.get("guarded") or []):
            target[n] = int(e["month"])
            guarded.add(n)
    return months, hijri, frozenset(guarded)


def _deixis(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for e in load_resource("relative").get("deixis", []):
        if e.get("lang") == lang:
            before.update({n: int(e["shift"]) for n in _names(e.get("before") or [])})
            after.update({n: int(e["shift"]) for n in _names(e.get("after") or [])})
    return before, after


def _tense(lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "past": set(),
        "future": set(),
        "counterfactual": set(),
        "complement": set(),
        "onset": set(),
        "prefixes": (),
        "not_prefixed": (),
        "ed": False,
    }
    for e in _entries("tense", lang):
        out[e["direction"]] |= set(_names(e.get("words") or []))
        if e.get("prefixes"):
            out["prefixes"] = tuple(_names(e["prefixes"]))
            out["not_prefixed"] = tuple(_names(e.get("not_prefixed") or []))
        if e.get("suffix_ed"):
            out["ed"] = True
            out["not_ed"] = frozenset(_names(e.get("not_ed") or []))
        if e.get("not_after"):
            out["not_after"] = frozenset(_names(e["not_after"]))
    return out


def _traps(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    before: set[str] = set()
    after: set[str] = set()
    for e in _entries("traps", lang):
        before |= set(_names(e.get("before") or []))
        after |= set(_names(e.get("after") or []))
    return frozenset(before), frozenset(after)


def _by_lang(name: str, key: str, lang: str) -> list[str]:
    return _names((load_resource(name).get(key) or {}).get(lang) or [])


@cache
def lexicon(lang: str) -> Lexicon:
    """The folded word lists of `lang` (ar or en), built once."""
    months, hijri, guarded = _months(lang)
    before, after = _deixis(lang)
    tense = _tense(lang)
    trap_before, trap_after = _traps(lang)
    relative = load_resource("relative")
    weekdays = load_resource("weekdays")
    blockers = weekdays.get("blockers") or {}
    day_blockers = relative.get("day_blockers") or {}
    return Lexicon(
        lang=lang,
        months=months,
        hijri_months=hijri,
        guarded=guarded,
        month_context=frozenset(_by_lang("months", "context_words", lang)),
        month_block_before=frozenset(_by_lang("months", "blockers_before", lang)),
        weekdays={n: int(e["weekday"]) for e in _entries("weekdays", lang) for n in _names(e["names"])},
        weekday_block_before=frozenset(_names(blockers.get("before") or [])),
        weekday_block_after=frozenset(_names(blockers.get("after") or [])),
        reldays={
            n: int(e["offset"])
            for e in relative.get("days", [])
            if e["lang"] == lang
            for n in _names(e["names"])
        },
        parts_of_day=tuple(_by_lang("relative", "parts_of_day", lang)),
        units={
            n: unit
            for unit, names in (relative.get("units") or {}).items()
            for n in _names(names.get(lang) or [])
        },
        this_words=before,
        dir_words=after,
        day_block_after=tuple(_names(day_blockers.get("after") or [])),
        day_block_before=frozenset(_names(day_blockers.get("before") or [])),
        media_names=tuple(_names(relative.get("media_names") or [])),
        verb_blockers={
            fold_text(word): frozenset(_names(before))
            for word, before in (relative.get("verb_blockers") or {}).items()
        },
        mods={n: str(e["part"]) for e in _entries("modifiers", lang) for n in _names(e["names"])},
        ordinals={n: int(e["day"]) for e in _entries("ordinals", lang) for n in _names(e["names"])},
        ordinal_block_before=frozenset(_by_lang("ordinals", "blockers_before", lang)),
        past_words=frozenset(tense["past"]),
        future_words=frozenset(tense["future"]),
        future_prefixes=tense["prefixes"],
        not_prefixed=tense["not_prefixed"],
        suffix_ed=bool(tense["ed"]),
        not_ed=tense.get("not_ed", frozenset()),
        past_not_after=tense.get("not_after", frozenset()),
        counterfactual=tuple(sorted(tuple(p.split()) for p in tense["counterfactual"])),
        complement=frozenset(tense["complement"]),
        onset=tuple(sorted(tuple(p.split()) for p in tense["onset"])),
        trap_before=trap_before,
        trap_after=trap_after,
        year_cues=tuple(_by_lang("traps", "year_cues", lang)),
        year_words=tuple(_by_lang("traps", "year_words", lang)),
        **_offsets(lang),
    )


def _offsets(lang: str) -> dict[str, Any]:
    data = load_resource("offsets")
    numbers = (data.get("numbers") or {}).get(lang) or {}
    return {
        "offset_dirs": {
            fold_text(w): int(v) for w, v in ((data.get("directions") or {}).get(lang) or {}).items()
        },
        "offset_units": {
            n: (str(e["unit"]), int(e["amount"]))
            for e in _entries("offsets", lang)
            for n in _names(e["names"])
        },
        "offset_block_after": frozenset(_by_lang("offsets", "blockers_after", lang)),
        "numbers": {w: int(n) for n, words in numbers.items() for w in _names(words)},
    }
