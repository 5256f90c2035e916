"""Extraction rules of the time-expression tagger: resources/timex/rules.yaml, compiled.

A rule's pattern names word lists by placeholder ({month}, {wd}, {rel} …); each placeholder
becomes a named group built from the folded lexicon, so adding a spelling to a YAML list
extends every rule that uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.ingest.normalize import fold_text
from app.ingest.timex_lexicon import Lexicon, alternation, lexicon, load_resource
from app.ingest.timex_normalize import READERS

# Arabic words carry proclitics (و ف ب ل ك, or two of them: وب، فل): a match starts at a word
# start and may consume one into the group "clitic", which is not part of the expression.
# (Testing for a word start first is also what keeps the scan fast: most positions fail at once.)
# The article written onto a number (الـ30 من أيلول, folded to ال30) is taken the same way.
_AR_CLITIC = r"[وف]?[بلك]?(?:ال(?=\d))?"
_AR_BOUNDARY = rf"(?<!\w)(?P<clitic>{_AR_CLITIC})"
_EN_BOUNDARY = r"(?<!\w)"
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
_GREEDY_SPACE = re.compile(r"\\s([*+])(?![+?])")
KINDS = frozenset(READERS)  # a rule's kind names the normaliser that reads its matches


@dataclass(frozen=True)
class Rule:
    id: str
    lang: str
    kind: str
    regex: re.Pattern[str]
    pattern: str  # as written in rules.yaml, placeholders unexpanded
    starts: tuple[str, ...]  # placeholders and words a match can begin with ("" = not stated)
    examples: tuple[Any, ...]
    negatives: tuple[str, ...]


def _group(name: str, names: Any) -> str:
    return f"(?P<{name}>{alternation(names)})"


def fragments(lex: Lexicon) -> dict[str, str]:
    """What each placeholder stands for in `lex`'s language."""
    months = alternation(lex.months)
    return {
        "b": _AR_BOUNDARY if lex.lang == "ar" else _EN_BOUNDARY,
        "e": r"(?!\w)",
        "month": f"(?P<month>{months})",
        "pair": (
            rf"(?:\s*[/\\-]\s*(?P<month2>{months})|\s*\(\s*(?P<month3>{months})\s*\)"
            rf"|\s+(?P<month4>{months}))?"
        ),
        "hmonth": _group("hmonth", lex.hijri_months),
        "day": r"(?P<day>[0-3]?\d)",
        "dayord": _group("dayord", lex.ordinals),
        "year": r"(?P<year>\d{4})",
        "wd": _group("wd", lex.weekdays),
        "dir": _group("dir", lex.dir_words),
        "rel": _group("rel", lex.reldays),
        "pod": _group("pod", lex.parts_of_day),
        "unit": _group("unit", lex.units),
        "this": _group("this", lex.this_words),
        "mod": _group("mod", lex.mods),
        "yearcue": f"(?:{alternation(lex.year_cues)})",
        "yearword": f"(?:{alternation(lex.year_words)})",
        "offdir": _group("odir", lex.offset_dirs),
        "offunit": _group("ounit", lex.offset_units),
        "numword": f"(?:{alternation(lex.numbers)})",
    }


def expand(pattern: str, frags: dict[str, str], possessive: bool = True) -> str:
    """Fill a pattern's placeholders (unknown names are an error in the rule file)."""

    def fill(m: re.Match[str]) -> str:
        if m.group(1) not in frags:
            raise ValueError(f"unknown placeholder {{{m.group(1)}}} in {pattern!r}")
        return frags[m.group(1)]

    # Possessive whitespace: no pattern needs a run of spaces given back, and without this a
    # long run (a scraped page's padding) makes "\s*،?\s*" try every split of it: quadratic.
    filled = _PLACEHOLDER.sub(fill, pattern)
    return _GREEDY_SPACE.sub(r"\\s\1+", filled) if possessive else filled


def _compile(raw: dict[str, Any], lang: str) -> Rule:
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise ValueError(f"rule {raw.get('id')}: unknown kind {kind!r}")
    regex = re.compile(expand(str(raw["pattern"]), fragments(lexicon(lang))))
    return Rule(
        id=str(raw["id"]),
        lang=lang,
        kind=kind,
        regex=regex,
        pattern=str(raw["pattern"]),
        starts=tuple(str(x) for x in raw.get("starts") or ()),
        examples=tuple(raw.get("examples") or ()),
        negatives=tuple(raw.get("negatives") or ()),
    )


# In a raw pattern, what is not a literal word: placeholders, escapes (\s, \w), group syntax.
_NOT_LITERAL = re.compile(r"\{[a-z]+\}|\\[a-zA-Z]|\?P<\w+>|\?[:=!<]")
_LITERAL_WORD = re.compile(r"[^\W\d_]+")


DIGIT = "#digit"  # the key of rules that may start with a number


def _placeholder_words(lex: Lexicon) -> dict[str, Iterable[str]]:
    return {
        "month": lex.months,
        "hmonth": lex.hijri_months,
        "dayord": lex.ordinals,
        "wd": lex.weekdays,
        "dir": lex.dir_words,
        "rel": lex.reldays,
        "pod": lex.parts_of_day,
        "unit": lex.units,
        "this": lex.this_words,
        "mod": lex.mods,
        "yearcue": lex.year_cues,
        "yearword": lex.year_words,
        "offdir": lex.offset_dirs,
        "offunit": lex.offset_units,
        "numword": lex.numbers,
    }


def first_words(rule: Rule, lex: Lexicon) -> set[str]:
    """Every word a match of `rule` may begin with: from its `starts` list, or else a superset
    (any word its pattern names anywhere)."""
    spec = " ".join(rule.starts) if rule.starts else rule.pattern
    lists = _placeholder_words(lex)
    words = {n.split(" ")[0] for name in _PLACEHOLDER.findall(spec) for n in lists.get(name, ())}
    words |= {fold_text(w) for w in _LITERAL_WORD.findall(_NOT_LITERAL.sub(" ", spec))}
    if re.search(r"\{(?:day|year)\}|\\d", spec):
        words.add(DIGIT)
    return words


@dataclass(frozen=True)
class Dispatch:
    """Where matches can begin, and which rules can begin with each word."""

    starters: re.Pattern[str]  # group "d": a digit; group "w": a listed first word
    rules_by_word: dict[str, tuple[tuple[int, Rule], ...]]  # word -> (rule order, rule)


@cache
def dispatch_for(lang: str) -> Dispatch:
    """Every rule's match starts at a digit or at one of its first words (after a clitic), so
    the tagger scans the text once for those words and tries only the rules each one can begin,
    instead of scanning the whole text once per rule."""
    lang = lang if lang in ("ar", "en") else "ar"
    lex = lexicon(lang)
    by_word: dict[str, list[tuple[int, Rule]]] = {}
    for order, rule in enumerate(rules_for(lang)):
        for word in first_words(rule, lex):
            by_word.setdefault(word, []).append((order, rule))
    clitic = _AR_CLITIC if lang == "ar" else ""
    words = alternation(set(by_word) - {DIGIT})
    starters = re.compile(rf"(?<!\w){clitic}(?:(?P<d>\d)|(?P<w>{words})(?!\w))")
    return Dispatch(starters, {w: tuple(rules) for w, rules in by_word.items()})


def plan(text: str, lang: str) -> list[tuple[int, tuple[tuple[int, Rule], ...]]]:
    """(position, rules to try there) for every place in folded `text` where a match can start."""
    d = dispatch_for(lang)
    return [
        (m.start(), d.rules_by_word.get(DIGIT if m.group("d") else m.group("w"), ()))
        for m in d.starters.finditer(text)
    ]


@cache
def rules_for(lang: str) -> tuple[Rule, ...]:
    """The compiled rules that run on `lang` text (its own and the language-neutral ones)."""
    lang = lang if lang in ("ar", "en") else "ar"
    raw_rules = load_resource("rules").get("rules", [])
    return tuple(_compile(r, lang) for r in raw_rules if r.get("lang") in (lang, "any"))
