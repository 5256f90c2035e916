"""The tagger's table-driven fold gives exactly normalize.fold's text and offset map."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.ingest.normalize import fold
from app.ingest.timex_fold import fast_fold

ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=200)
MIXED = st.lists(
    st.sampled_from(
        ["قال", "أمس", "\u064e", "\u0640", "#", "_", "\u00a0", "\u200f", "Feb.", "ﻻ", "٢٠١٦", "İ", " "]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(max_size=200), ARABIC, MIXED))
def test_fast_fold_equals_fold(text: str) -> None:
    assert fast_fold(text) == fold(text)


def test_fast_fold_on_news_text() -> None:
    text = "وقال الوزير\u00a0اليومَ إنّ #المحادثات ستُستأنف في ٢٨ يوليو/تموز، Feb. 27"
    assert fast_fold(text) == fold(text)
    assert fast_fold("") == fold("")
