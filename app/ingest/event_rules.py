"""Trigger rules and cues for event extraction, loaded from `resources/events/`.

Trigger rules live in `triggers/<lang>/<type>.yaml` (format: `triggers/README.md`).

Patterns are written in ordinary Arabic spelling and folded here (the same
folding as `normalize.fold`), so a rule author never has to think about
أ/ا or ة/ه. Number words ({ord}, {card}, …) come from `ordinals.yaml`.
Every rule is compiled once; `rules(lang)` and `cue(name, lang)` are cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from app.config import RESOURCES_DIR
from app.ingest.normalize import fold_char
from app.ingest.records import EVENT_TYPES, STATUSES
from app.ingest.regex_prefix import prefixes

EVENTS_DIR = RESOURCES_DIR / "events"
TRIGGERS_DIR = EVENTS_DIR / "triggers"
# the order rules are read in: statements first, then the acts (a user's extra files come last, by name)
TYPE_FILES = ("statement", "meeting", "talks", "proposal", "agreement", "military", "report")
_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"


class RuleError(ValueError):
    """Invalid rule data; the message names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    lang: str
    regex: re.Pattern[str]
    speech: bool = False
    min_actors: int = 0
    anchor: bool = False
    status: str = "occurred"
    needs: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    needs_cue: str | None = None
    absorbs: tuple[str, ...] = ()
    in_speech: bool = True
    own_act: bool = False
    source_after: bool = False
    roles: tuple[str, ...] = ()
    reach: int | None = None
    examples: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()


def fold_pattern(pattern: str) -> str:
    """Fold the non-ASCII characters of a regex; ASCII (the regex syntax) is left alone."""
    return "".join(ch if ord(ch) < 128 else fold_char(ch) for ch in pattern)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def numbers() -> dict[str, dict[str, int]]:
    """Folded number word -> value, per table (ordinals, cardinals, roman)."""
    data = _read(EVENTS_DIR / "ordinals.yaml")
    out: dict[str, dict[str, int]] = {"ordinals": {}, "cardinals": {}, "roman": {}}
    for table in ("ordinals", "cardinals"):
        for value, words in data[table].items():
            for word in words:
                out[table][fold_pattern(str(word)).lower()] = int(value)
    out["roman"] = {str(v): int(k) for k, v in data["roman"].items()}
    return out


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def expand(pattern: str) -> str:
    """Fold a pattern and fill in the number-word placeholders."""
    nums = numbers()
    ar_ord = [w for w in nums["ordinals"] if not w.isascii()]
    en_ord = [w for w in nums["ordinals"] if w.isascii()]
    ar_card = [w for w in nums["cardinals"] if not w.isascii()]
    en_card = [w for w in nums["cardinals"] if w.isascii()]
    filled = fold_pattern(pattern)
    for name, words in (
        ("{ord_en}", en_ord),
        ("{card_en}", en_card),
        ("{ord}", ar_ord),
        ("{card}", ar_card),
        ("{roman}", list(nums["roman"])),
    ):
        filled = filled.replace(name, _alternation(words))
    return filled


def number_value(word: str) -> int | None:
    """The value of a folded ordinal, cardinal, roman numeral or digit string."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    nums = numbers()
    for table in ("ordinals", "cardinals", "roman"):
        if word in nums[table]:
            return nums[table][word]
    return None


def _prefix(lang: str) -> str:
    return "(?:[وف](?=\\S))?" if lang == "ar" else ""


def _compile(pattern: str, lang: str, where: str) -> re.Pattern[str]:
    body = expand(pattern)
    try:
        return re.compile(f"{_LETTER_BEFORE}{_prefix(lang)}(?P<t>{body}){_LETTER_AFTER}")
    except re.error as exc:
        raise RuleError(f"{where}: invalid pattern: {exc}") from None


@dataclass(frozen=True)
class Dispatch:
    """Where each rule of a set is worth trying: the rules a text position's first characters allow.

    One scan finds the positions whose first character some rule may start with; there each rule
    whose pattern can start with the text at hand (`regex_prefix.prefixes`) is tried, in rule order.
    A rule is tried wherever it could match, so the matches are those of trying every rule everywhere.
    """

    rules: tuple[Rule, ...]
    starts: re.Pattern[str]  # the positions worth a look
    width: int
    by_prefix: dict[str, tuple[int, ...]]  # a prefix -> the indices of the rules that may start with it
    anywhere: tuple[int, ...]  # rules whose start cannot be told: tried at every position
    cache: dict[str, tuple[tuple[int, Rule], ...]]

    def at(self, text: str, pos: int) -> tuple[tuple[int, Rule], ...]:
        """The rules worth trying at `pos` with their indices, in rule order."""
        key = text[pos : pos + self.width]
        found = self.cache.get(key)
        if found is None:
            found = self._for(key)
            if len(self.cache) < _MAX_CACHED_KEYS:  # a long ingest meets ever more word starts
                self.cache[key] = found
        return found

    def _for(self, key: str) -> tuple[tuple[int, Rule], ...]:
        chosen = set(self.anywhere)
        for n in range(1, len(key) + 1):
            chosen.update(self.by_prefix.get(key[:n], ()))
        return tuple((i, self.rules[i]) for i in sorted(chosen))


_DISPATCH_WIDTH = 4
_MAX_CACHED_KEYS = 100_000


def dispatch(rules: tuple[Rule, ...]) -> Dispatch:
    """The Dispatch of a set of rules, built once per set."""
    known = _DISPATCHES.get(id(rules))
    if known is not None and known.rules is rules:
        return known
    by_prefix: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for i, rule in enumerate(rules):
        found = prefixes(rule.regex, _DISPATCH_WIDTH)
        if found is None:
            anywhere.append(i)
            continue
        for text in found:
            by_prefix.setdefault(text, []).append(i)
    firsts = "".join(sorted({text[0] for text in by_prefix}))
    # a rule pattern starts where no letter stands before (_LETTER_BEFORE)
    starts = _LETTER_BEFORE + ("" if anywhere else f"[{re.escape(firsts)}]" if firsts else "(?!)")
    made = Dispatch(
        rules,
        re.compile(starts),
        _DISPATCH_WIDTH,
        {k: tuple(v) for k, v in by_prefix.items()},
        tuple(anywhere),
        {},
    )
    _DISPATCHES[id(rules)] = made
    return made


_DISPATCHES: dict[int, Dispatch] = {}


def _rule(raw: dict[str, Any], lang: str, where: str) -> Rule:
    for key in ("id", "type", "pattern"):
        if key not in raw:
            raise RuleError(f"{where}: missing '{key}'")
    where = f"{where} (id={raw['id']})"
    if raw["type"] not in EVENT_TYPES:
        raise RuleError(f"{where}: type {raw['type']!r} is not one of {EVENT_TYPES}")
    status = raw.get("status", "occurred")
    if status not in STATUSES:
        raise RuleError(f"{where}: status {status!r} is not one of {STATUSES}")
    needs = raw.get("needs")
    return Rule(
        id=str(raw["id"]),
        type=str(raw["type"]),
        lang=lang,
        regex=_compile(str(raw["pattern"]), lang, where),
        speech=bool(raw.get("speech", False)),
        min_actors=int(raw.get("min_actors", 0)),
        anchor=bool(raw.get("anchor", False)),
        status=status,
        needs=re.compile(expand(needs)) if needs else None,
        unless=re.compile(expand(raw["unless"])) if raw.get("unless") else None,
        needs_cue=raw.get("needs_cue"),
        absorbs=tuple(raw.get("absorbs", ())),
        in_speech=bool(raw.get("in_speech", True)),
        reach=int(raw["reach"]) if raw.get("reach") else None,
        own_act=bool(raw.get("own_act", False)),
        source_after=bool(raw.get("source_after", False)),
        roles=tuple(str(r) for r in raw.get("roles", ())),
        examples=tuple(raw.get("examples", ())),
        negatives=tuple(raw.get("negatives", ())),
    )


@lru_cache(maxsize=4)
def rules(lang: str = "ar") -> tuple[Rule, ...]:
    """The trigger rules for `lang` ("ar" or "en"; anything else reads the Arabic rules)."""
    lang = "en" if lang == "en" else "ar"
    out: list[Rule] = []
    for path in rule_files(lang):
        raw_rules = _read(path).get("rules")
        if not isinstance(raw_rules, list):
            raise RuleError(f"{path}: expected a list under 'rules'")
        out.extend(_rule(raw, lang, f"{path}: rules[{i}]") for i, raw in enumerate(raw_rules))
    ids = [r.id for r in out]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuleError(f"{TRIGGERS_DIR / lang}: duplicate rule ids {sorted(dupes)}")
    return tuple(out)


def rule_files(lang: str) -> list[Path]:
    """The trigger files of `lang`, in reading order: the type files, then any other file by name."""
    folder = TRIGGERS_DIR / lang
    if not folder.is_dir():
        raise RuleError(f"{folder}: no trigger rules for language {lang!r}")
    rank = {name: i for i, name in enumerate(TYPE_FILES)}
    return sorted(folder.glob("*.yaml"), key=lambda p: (rank.get(p.stem, len(rank)), p.name))


@lru_cache(maxsize=1)
def cue_table() -> dict[str, dict[str, Any]]:
    return _read(EVENTS_DIR / "cues.yaml")


@lru_cache(maxsize=64)
def cue(name: str, lang: str = "ar") -> re.Pattern[str]:
    """A cue regex of cues.yaml, folded and compiled for `lang`."""
    entry = cue_table().get(name)
    if not isinstance(entry, dict):
        raise RuleError(f"cues.yaml: no cue named {name!r}")
    pattern = entry.get("en" if lang == "en" else "ar")
    if not pattern:
        return re.compile("(?!)")
    return re.compile(expand(str(pattern)))
