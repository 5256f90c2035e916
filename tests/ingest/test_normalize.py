"""Folding Arabic spellings while every folded character still points into the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ingest.normalize import fold, fold_text


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("أحمد وإيران وآستانة", "احمد وايران واستانه"),
        ("مستشفى", "مستشفي"),
        ("الأمم المتّحدة", "الامم المتحده"),
        ("جـــنيف", "جنيف"),
        ("#دي_ميستورا", "دي ميستورا"),
        ("٢٨ يوليو ۲۰۱۶", "28 يوليو 2016"),
        ("Geneva\u00a0Talks", "geneva talks"),
        ("ﻻ", "لا"),
        ("دمشق\u200f", "دمشق"),
    ],
)
def test_fold(original: str, folded: str) -> None:
    assert fold(original).text == folded


def test_spans_map_back_to_the_original() -> None:
    text = "قال المبعوثُ #دي_ميستورا إنّ الجولة ستبدأ"
    f = fold(text)
    start = f.text.index("دي ميستورا")
    s, e = f.to_original(start, start + len("دي ميستورا"))
    assert text[s:e] == "دي_ميستورا"
    start = f.text.index("المبعوث")
    s, e = f.to_original(start, start + len("المبعوث"))
    assert text[s:e] == "المبعوث"  # the trailing damma is outside the span


def test_fold_text_collapses_spaces() -> None:
    assert fold_text("  وزير \u00a0 الخارجية\n") == "وزير الخارجيه"


@given(st.text())
def test_index_is_monotonic_and_inside(text: str) -> None:
    f = fold(text)
    assert len(f.index) == len(f.text) + 1
    assert list(f.index) == sorted(f.index)
    assert all(0 <= i <= len(text) for i in f.index)
    assert f.index[-1] == len(text)


@given(st.text(), st.integers(0, 50), st.integers(0, 50))
def test_any_folded_span_maps_inside(text: str, a: int, b: int) -> None:
    f = fold(text)
    lo, hi = sorted((min(a, len(f.text)), min(b, len(f.text))))
    s, e = f.to_original(lo, hi)
    assert 0 <= s <= e <= len(text)
