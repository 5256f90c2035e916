"""Property: tag() never raises on arbitrary text, and every span lies inside the text."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.ingest.normalize import fold
from app.ingest.timex import tag
from app.ingest.timex_lexicon import lexicon
from app.ingest.timex_rules import expand, fragments, plan, rules_for

# Arbitrary Unicode, plus text built from the tagger's own vocabulary so the rules really fire.
WORDS = st.sampled_from(
    [
        "اليوم",
        "أمس",
        "الأول",
        "(الجمعة)",
        "الخميس",
        "المقبل",
        "الماضي",
        "أغسطس",
        "/",
        "آب",
        "شباط",
        "(فبراير)",
        "30",
        "من",
        "كانون",
        "الثاني",
        "١٤",
        "٢٠١٦",
        "2254",
        "القرار",
        "هذا",
        "الأسبوع",
        "العام",
        "مطلع",
        "نهاية",
        "رمضان",
        "1438",
        "هـ",
        "on",
        "Thursday",
        "last",
        "week",
        "Feb.",
        "27",
        "May",
        "2016",
        "ً",
        "ـ",
        "\u00a0",
        "\n",
        "#",
        "،",
        ".",
        "31/02/2016",
        "29",
        "صفر",
        "يوم",
        "شهر",
        "الشهر",
        "الجاري",
        "في",
        "منذ",
        "بداية",
        "عام",
        "مساء",
        "غد",
        "الرابع",
        "عشر",
        "the",
        "of",
        "in",
        "early",
        "end",
        "next",
        "Sunday",
        "year",
        "14/07/2016",
        "2016-07-14",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))
DATES = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.dates())


@settings(max_examples=400, deadline=None)
@given(text=TEXT, published=DATES, lang=st.sampled_from(["ar", "en", "fr"]))
def test_tag_never_raises_and_spans_lie_inside(text: str, published: date | None, lang: str) -> None:
    found = tag(text, published, lang)
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start : t.end]
        assert t.start >= previous_end  # sorted and non-overlapping
        previous_end = t.end
        if t.value is not None:
            assert t.date is not None and t.date.value == t.value
            assert t.date.start <= t.date.end


@settings(max_examples=600, deadline=None)
@given(text=st.lists(WORDS, max_size=40).map(" ".join), lang=st.sampled_from(["ar", "en"]))
def test_every_rule_match_begins_where_the_tagger_looks(text: str, lang: str) -> None:
    """The tagger tries each rule only where its first words stand; a full scan finds no other match."""
    folded = fold(text).text
    tried = {(pos, rule.id) for pos, rules in plan(folded, lang) for _, rule in rules}
    for rule in rules_for(lang):
        for m in rule.regex.finditer(folded):
            assert (m.start(), rule.id) in tried, (rule.id, m.group(0))


SPACED = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", "  ", " ، ", " (", ") ", "/", " / "])), max_size=30
).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=400, deadline=None)
@given(text=SPACED, lang=st.sampled_from(["ar", "en"]))
def test_possessive_whitespace_changes_no_match(text: str, lang: str) -> None:
    """Compiled rules never give back spaces (for speed); the plain patterns must match the same."""
    folded = fold(text).text
    frags = fragments(lexicon(lang))
    for rule in rules_for(lang):
        plain = re.compile(expand(rule.pattern, frags, possessive=False))
        for pos, _ in plan(folded, lang):
            fast, slow = rule.regex.match(folded, pos), plain.match(folded, pos)
            assert (fast and fast.span()) == (slow and slow.span()), (rule.id, folded[pos : pos + 40])
