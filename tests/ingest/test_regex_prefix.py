"""regex_prefix.prefixes: the starts it gives a pattern never leave out a place the pattern matches."""

from __future__ import annotations

import random
import re

import pytest

from app.ingest.event_rules import dispatch, rules
from app.ingest.normalize import fold_text
from app.ingest.regex_prefix import prefixes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abc", {"ab"}),
        ("a|bc", {"a", "bc"}),
        ("(?:x)?yz", {"xy", "yz"}),
        ("[ab]c", {"ac", "bc"}),
        ("a+b", {"aa", "ab"}),
        ("(?<!x)ab", {"ab"}),
        (r"a\w", {"a"}),
    ],
)
def test_prefixes_of_small_patterns(pattern: str, expected: set[str]) -> None:
    assert prefixes(re.compile(pattern), 2) == expected


@pytest.mark.parametrize("pattern", [r"\w+", "a*", ".b", "(?i)ab", "x?"])
def test_a_pattern_that_may_start_anywhere_has_no_prefixes(pattern: str) -> None:
    assert prefixes(re.compile(pattern), 2) is None


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [i for i in range(len(text) + 1) if pattern.match(text, i)]


def test_random_patterns_match_only_where_their_prefixes_stand() -> None:
    rng = random.Random(7)
    atoms = ["a", "b", "ab", "[ab]", "(?:a|bb)", "b?", "a*", "(?=a)", "c{1,3}", r"\s", "(?:ab|c)+"]
    for _ in range(400):
        pattern = re.compile("".join(rng.choice(atoms) for _ in range(rng.randint(1, 4))))
        text = "".join(rng.choice("abc ") for _ in range(30))
        found = prefixes(pattern, 3)
        if found is None:
            continue
        for pos in _starts(pattern, text):
            assert any(text.startswith(p, pos) for p in found), (pattern.pattern, text, pos)


def test_every_rule_is_tried_wherever_it_matches_its_examples() -> None:
    for lang in ("ar", "en"):
        table = dispatch(rules(lang))
        for rule in table.rules:
            for example in rule.examples + rule.negatives:
                text = fold_text(example)
                for pos in _starts(rule.regex, text):
                    assert any(r is rule for _, r in table.at(text, pos)), (rule.id, example)
                    assert table.starts.match(text, pos), (rule.id, example)
