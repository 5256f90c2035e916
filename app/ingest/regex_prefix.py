"""The texts a regex match may start with: a filter that says where a pattern is worth trying.

`prefixes(regex, k)` reads the pattern's parse tree and returns every string of up to `k`
characters that a match can begin with (a shorter one when the match may end or run on with
any character after it). A position whose text starts with none of them cannot match, so
a scanner can skip the pattern there. Anything the reader does not follow (classes such as
\\w, any character, back-references, case-insensitive parts) stands for "any character from
here on", and lookarounds are taken as matching: the set only ever says too much, never too
little.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser")  # the stdlib's own regex parser

_MAX = 4000  # more candidate prefixes than this: read fewer characters
_WIDE = 64  # a character class wider than this stands for any character
Starts = set[tuple[str, bool]]  # (text, complete): complete when the part matched exactly that text


def prefixes(regex: re.Pattern[str], k: int) -> frozenset[str] | None:
    """The strings (of at most k characters) every match of `regex` starts with one of; None: any text."""
    if regex.flags & re.IGNORECASE:
        return None
    tree = _parser.parse(regex.pattern, regex.flags)
    for width in range(k, 0, -1):
        try:
            found = _sequence(list(tree), width)
        except _TooMany:
            continue
        if any(not text for text, _ in found):
            return None  # it may match the empty string, or start with anything
        return frozenset(text for text, _ in found)
    return None


class _TooMany(Exception):
    pass


def _then(first: Starts, second: Starts, k: int) -> Starts:
    out: Starts = set()
    for text, complete in first:
        if not complete or len(text) >= k:
            out.add((text[:k], False))
            continue
        for more, done in second:
            joined = text + more
            out.add((joined, done) if len(joined) < k else (joined[:k], False))
    if len(out) > _MAX:
        raise _TooMany
    return out


def _sequence(items: list[tuple[Any, Any]], k: int) -> Starts:
    out: Starts = {("", True)}
    for op, av in items:
        if all(not complete or len(text) >= k for text, complete in out):
            break
        out = _then(out, _item(str(op), av, k), k)
    return out


def _item(op: str, av: Any, k: int) -> Starts:
    if op == "LITERAL":
        return {(chr(av), True)}
    if op == "IN":
        chars = _charset(av)
        return {(c, True) for c in chars} if chars is not None else {("", False)}
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return {("", True)}  # zero width: taken as matching
    if op == "SUBPATTERN":
        _, add_flags, _, sub = av
        return {("", False)} if add_flags & re.IGNORECASE else _sequence(list(sub), k)
    if op == "ATOMIC_GROUP":
        return _sequence(list(av), k)
    if op == "BRANCH":
        out: Starts = set()
        for sub in av[1]:
            out |= _sequence(list(sub), k)
        return out
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat(av[0], av[1], _sequence(list(av[2]), k), k)
    return {("", False)}  # any character, a back-reference, a conditional: anything from here


def _repeat(least: int, most: int, once: Starts, k: int) -> Starts:
    out: Starts = {("", True)} if least == 0 else set()
    sofar: Starts = {("", True)}
    for count in range(1, min(most, least + k) + 1):
        sofar = _then(sofar, once, k)
        if count >= least:
            out |= sofar
    if most > least + k:  # beyond that the text is at least k long or stops growing
        out |= {(text, False) for text, complete in sofar if complete}
    return out


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < _WIDE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negation, a category, a wide range
    return chars if len(chars) <= _WIDE else None
