"""Every trigger rule and cue in resources/events runs its own examples and negative examples."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest.event_rules import RuleError, _rule, cue, cue_table, number_value, rules
from app.ingest.events import extract
from app.ingest.knowledge import load_kb
from app.ingest.normalize import fold_text
from app.ingest.records import RawArticle

PUBLISHED = date(2017, 3, 20)
RULES = [r for lang in ("ar", "en") for r in rules(lang)]


def _events(text: str, lang: str) -> list:
    article = RawArticle("rule-example.txt", text, "rule-example.txt", PUBLISHED, lang)
    return extract(article, [], load_kb())


def _rule_fired(events: list, rule_id: str) -> bool:
    return any(m.rule == rule_id for ev in events for m in ev.mentions)


EXAMPLES = [(r.id, r.lang, r.type, ex) for r in RULES for ex in r.examples]
NEGATIVES = [(r.id, r.lang, r.type, ex) for r in RULES for ex in r.negatives]


def test_every_rule_has_examples_and_negatives() -> None:
    for rule in RULES:
        assert rule.examples, rule.id
        assert rule.negatives, rule.id


@pytest.mark.parametrize(("rule_id", "lang", "kind", "text"), EXAMPLES)
def test_rule_example_yields_its_event(rule_id: str, lang: str, kind: str, text: str) -> None:
    events = _events(text, lang)
    assert any(ev.type == kind for ev in events), [e.type for e in events]
    rule = next(r for r in RULES if r.id == rule_id)
    assert rule.regex.search(fold_text(text)), "the rule's own pattern must match its example"


@pytest.mark.parametrize(("rule_id", "lang", "kind", "text"), NEGATIVES)
def test_rule_negative_yields_nothing_from_it(rule_id: str, lang: str, kind: str, text: str) -> None:
    assert not _rule_fired(_events(text, lang), rule_id)


CUE_CASES = [
    (name, lang, text, expected)
    for name, entry in cue_table().items()
    for key, expected in (("examples", True), ("negatives", False))
    for text in entry.get(key, [])
    for lang in (["en"] if text.isascii() else ["ar"])
]


@pytest.mark.parametrize(("name", "lang", "text", "expected"), CUE_CASES)
def test_cue_examples(name: str, lang: str, text: str, expected: bool) -> None:
    assert bool(cue(name, lang).search(fold_text(text))) is expected


def test_rule_ids_are_unique_across_languages() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


def test_bad_rule_is_reported_with_its_id() -> None:
    with pytest.raises(RuleError, match=r"x\.bad"):
        _rule({"id": "x.bad", "type": "party", "pattern": "a"}, "ar", "test.yaml")
    with pytest.raises(RuleError, match="invalid pattern"):
        _rule({"id": "x.bad2", "type": "meeting", "pattern": "(unclosed"}, "ar", "test.yaml")
    with pytest.raises(RuleError, match="missing 'pattern'"):
        _rule({"id": "x.bad3", "type": "meeting"}, "ar", "test.yaml")


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("السابعه", 7),
        ("سابع", 7),
        ("ثالثه", 3),
        ("ninth", 9),
        ("v", 5),
        ("12", 12),
        ("خمسه", 5),
        ("كلمة", None),
    ],
)
def test_number_words(word: str, value: int | None) -> None:
    assert number_value(word) == value
