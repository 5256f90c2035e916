"""Sentences, repeated passages and clauses on text written for these tests."""

from __future__ import annotations

import pytest

from app.ingest.normalize import fold
from app.ingest.segment import clause_bounds, repeats, sentences

SPLIT_CASES = [
    # (text, expected sentence texts)
    ("قال الوزير إن الوضع صعب. وأضاف أن الحل قريب.", ["قال الوزير إن الوضع صعب.", "وأضاف أن الحل قريب."]),
    # the "," of the ".," artefact belongs to neither sentence
    ("انتهت الجولة.,وبدأت المشاورات.,", ["انتهت الجولة.", "وبدأت المشاورات."]),
    ("انتهت الجولة., وبدأت المشاورات", ["انتهت الجولة.", "وبدأت المشاورات"]),
    ("وصل الوفد إلى جنيف.وعقد اجتماعا مغلقا.", ["وصل الوفد إلى جنيف.", "وعقد اجتماعا مغلقا."]),
    ("هل تنجح الهدنة؟ يأمل الجميع ذلك!", ["هل تنجح الهدنة؟", "يأمل الجميع ذلك!"]),
    ("عنوان الخبر\nنص الخبر الأول.", ["عنوان الخبر", "نص الخبر الأول."]),
    ("الفقرة الأولى\n\nالفقرة الثانية", ["الفقرة الأولى", "الفقرة الثانية"]),
    ("عنوان\nقال المبعوث\nإلى سوريا إن الجولة تأجلت.", ["عنوان", "قال المبعوث\nإلى سوريا إن الجولة تأجلت."]),
    ("ارتفعت النسبة إلى 2.5 في المئة.", ["ارتفعت النسبة إلى 2.5 في المئة."]),
    ("حول ?الأزمة السورية.", ["حول ?الأزمة السورية."]),
    ('وقال: "لا أتوقع معجزات." ثم غادر.', ['وقال: "لا أتوقع معجزات."', "ثم غادر."]),
    ("Mr. Kerry met the U.S. envoy. Talks ended.", ["Mr. Kerry met the U.S. envoy.", "Talks ended."]),
    ("The talks ended. Delegates left on Friday.", ["The talks ended.", "Delegates left on Friday."]),
    ("e.g. this stays whole.", ["e.g. this stays whole."]),
    ("  .,  ", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_sentences_split(text: str, expected: list[str]) -> None:
    found = sentences(text)
    assert [s.text for s in found] == expected


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_sentence_offsets_cut_the_original_exactly(text: str, expected: list[str]) -> None:
    for s in sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_no_break_spaces_are_kept_in_offsets() -> None:
    text = "قال\u00a0الوزير إن الجولة انتهت. ثم\u00a0غادر."
    found = sentences(text)
    assert [text[s.start : s.end] for s in found] == ["قال\u00a0الوزير إن الجولة انتهت.", "ثم\u00a0غادر."]


def test_repeated_paragraph_maps_to_its_first_copy() -> None:
    para = "وأعلنت الخارجية التركية أن الوزير سيزور موسكو. وقال مسؤول إن الزيارة مهمة."
    text = f"عنوان\n{para}\n{para}"
    found = sentences(text)
    rep = repeats(found)
    assert rep == {3: 1, 4: 2}
    assert found[3].text == found[1].text


def test_truncated_copy_maps_to_the_complete_sentence() -> None:
    text = "ويرأس المبعوث الأممي جولة مشاورات جدي\nويرأس المبعوث الأممي جولة مشاورات جديدة في جنيف."
    found = sentences(text)
    assert repeats(found) == {0: 1}


def test_short_or_finished_sentences_are_not_prefix_copies() -> None:
    text = "انتهى الاجتماع.\nانتهى الاجتماع في جنيف بعد ساعتين من النقاش."
    assert repeats(sentences(text)) == {}


def test_different_sentences_are_not_repeats() -> None:
    text = "التقى الوزيران في أنقرة. التقى الوزيران في طهران."
    assert repeats(sentences(text)) == {}


def _clauses(text: str) -> list[str]:
    folded = fold(text)
    return [folded.text[s:e].strip() for s, e in clause_bounds(folded.text, 0, len(folded.text))]


def test_clauses_cut_on_commas_and_connectives() -> None:
    assert _clauses("يستقبل الرئيس الوزير اليوم على أن يلتقي نظيره غدا") == [
        "يستقبل الرئيس الوزير اليوم",
        "علي ان يلتقي نظيره غدا",
    ]
    assert _clauses("وصل الوفد، وبدأت المحادثات") == ["وصل الوفد", "وبدات المحادثات"]
    assert _clauses("قال الوزير - وهو غاضب - إن الهدنة انهارت") == [
        "قال الوزير",
        "وهو غاضب",
        "ان الهدنه انهارت",
    ]


def test_clause_connectives_need_word_boundaries() -> None:
    # "حيثيات" holds "حيث" but is not the connective
    assert _clauses("ناقش المجلس حيثيات القرار") == ["ناقش المجلس حيثيات القرار"]
