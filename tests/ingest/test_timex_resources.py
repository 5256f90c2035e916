"""Every entry of every timex resource file: its examples are found, its negatives are not.

An example is "sentence => value" (or {text, value, published, lang}); it passes when
tag() finds an expression with that value (or, for "None", an unresolved expression).
A negative passes when tag() finds no calendar value in the sentence; for rules.yaml, when
the named rule finds nothing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from app.ingest.timex import tag
from app.ingest.timex_lexicon import RESOURCE_FILES, load_resource
from app.ingest.timex_rules import rules_for

FORMAT_WORD = "Format"


def _entries(name: str) -> list[dict[str, Any]]:
    data = load_resource(name)
    items = data.get("entries") or data.get("rules") or []
    items += data.get("days") or []
    items += data.get("deixis") or []
    return items


def _anchor(name: str) -> tuple[date | None, str]:
    anchor = load_resource(name).get("anchor") or {}
    return anchor.get("published"), str(anchor.get("lang", "ar"))


def _example(raw: Any, name: str, entry: dict[str, Any]) -> tuple[str, str, date | None, str]:
    published, lang = _anchor(name)
    lang = str(entry.get("lang") if entry.get("lang") in ("ar", "en") else lang)
    if isinstance(raw, dict):
        pub = raw.get("published", published)
        return str(raw["text"]), str(raw["value"]), pub, str(raw.get("lang", lang))
    text, _, value = str(raw).rpartition("=>")
    return text.strip(), value.strip(), published, lang


def _cases(field: str) -> list[Any]:
    cases = []
    for name in RESOURCE_FILES:
        for entry in _entries(name):
            for i, raw in enumerate(entry.get(field) or []):
                cases.append(pytest.param(name, entry, raw, id=f"{entry['id']}-{i}"))
    return cases


@pytest.mark.parametrize("name", RESOURCE_FILES)
def test_every_file_states_its_format_and_ids_are_unique(name: str) -> None:
    from app.ingest.timex_lexicon import RESOURCE_DIR

    head = (RESOURCE_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[:12]
    assert any(FORMAT_WORD in line for line in head if line.startswith("#"))
    ids = [e["id"] for e in _entries(name)]
    assert len(ids) == len(set(ids)), ids
    for entry in _entries(name):
        assert entry.get("examples"), f"{entry['id']} has no examples"
        assert "negatives" in entry, f"{entry['id']} lists no negatives"


def test_every_rule_has_negatives() -> None:
    for rule in load_resource("rules")["rules"]:
        assert rule.get("negatives"), rule["id"]


@pytest.mark.parametrize(("name", "entry", "raw"), _cases("examples"))
def test_example_is_found(name: str, entry: dict[str, Any], raw: Any) -> None:
    text, value, published, lang = _example(raw, name, entry)
    found = tag(text, published, lang)
    values = [str(t.value) for t in found]
    assert value in values, (text, [(t.text, t.value, t.rule) for t in found])
    if name == "rules":
        assert any(t.rule == entry["id"] and str(t.value) == value for t in found), [
            (t.text, t.rule) for t in found
        ]


@pytest.mark.parametrize(("name", "entry", "raw"), _cases("negatives"))
def test_negative_is_not_found(name: str, entry: dict[str, Any], raw: Any) -> None:
    published, lang = _anchor(name)
    lang = str(entry.get("lang") if entry.get("lang") in ("ar", "en") else lang)
    found = tag(str(raw), published, lang)
    if name == "rules":
        assert not [t for t in found if t.rule == entry["id"]], [(t.text, t.value) for t in found]
    else:
        assert not [t for t in found if t.value], [(t.text, t.value, t.rule) for t in found]


def test_rules_compile_for_both_languages() -> None:
    assert {r.id for r in rules_for("ar")} >= {"ar.relday", "ar.weekday", "any.date.numeric"}
    assert {r.id for r in rules_for("en")} >= {"en.relday", "en.weekday", "any.date.numeric"}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_whitespace_in_compiled_rules_is_possessive(lang: str) -> None:
    """A greedy \\s* next to another would retry every split of a long run of spaces."""
    for rule in rules_for(lang):
        assert not re.search(r"\\s[*+](?![+?])", rule.regex.pattern), rule.id
