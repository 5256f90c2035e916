"""Event extraction as a whole: repeated passages, offsets, grouping, rounds, titles, odd input."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest import timex
from app.ingest.events import extract
from app.ingest.knowledge import load_kb
from app.ingest.records import EVENT_TYPES, STATUSES, DateValue, ExtractedEvent, RawArticle
from app.ingest.rounds import day_of_round, nth_day, round_in, series_in, span_for
from bench.corpus import articles

PUBLISHED = date(2018, 5, 9)  # a Wednesday


def run(text: str, lang: str = "ar", published: date | None = PUBLISHED) -> list[ExtractedEvent]:
    article = RawArticle("doc.txt", text, "doc.txt", published, lang)
    return extract(article, timex.tag(text, published, lang), load_kb())


def test_a_repeated_paragraph_yields_its_events_once_with_both_passages() -> None:
    para = "وقال وزير الخارجية الروسي سيرغي لافروف إن الهدنة صامدة.\nوالتقى بوتين أردوغان في سوتشي."
    text = f"عنوان الخبر\n{para}\n{para}"
    events = run(text)
    assert sorted(e.type for e in events) == ["meeting", "statement"]
    for ev in events:
        assert len(ev.mentions) == 2
        first, second = ev.mentions
        assert first.text == second.text
        assert second.start > first.start


def test_a_truncated_copy_adds_a_passage_not_an_event() -> None:
    text = "ويترأس المبعوث الأممي جولة محادثات جديدة في جن\nويترأس المبعوث الأممي جولة محادثات جديدة في جنيف."
    events = [e for e in run(text) if e.type == "talks_round"]
    assert len(events) == 1
    assert len(events[0].mentions) == 2


def test_mentions_cut_the_original_text_exactly() -> None:
    text = (
        "وقال\u00a0المتحدث باسم الكرملين ديمتري بيسكوف إن الرئيس مستعد.\n\nوشنّت طائراتٌ روسيةٌ غاراتٍ على إدلب."
    )
    events = run(text)
    assert {e.type for e in events} == {"statement", "military"}
    for ev in events:
        for m in ev.mentions:
            assert text[m.start : m.end] == m.text
            assert m.rule


def test_every_event_on_the_bench_corpus_is_well_formed() -> None:
    kb = load_kb()
    seen_types = set()
    for doc in articles(60, seed=3):
        for ev in extract(doc, timex.tag(doc.text, doc.published, doc.lang), kb):
            seen_types.add(ev.type)
            assert ev.type in EVENT_TYPES and ev.status in STATUSES
            assert ev.mentions and ev.title_en and ev.title_ar
            for m in ev.mentions:
                assert doc.text[m.start : m.end] == m.text
            if ev.date is not None:
                assert ev.date.start <= ev.date.end
    assert {"statement", "meeting", "talks_round"} <= seen_types


def test_a_body_statement_joins_its_spokespersons() -> None:
    text = (
        "اعتبر الجيش الروسي، أمس الثلاثاء، أن الاتهامات باطلة. "
        "وقال المتحدث باسم الجيش الروسي إيغور كوناشنكوف في بيان إن الصور مفبركة."
    )
    statements = [e for e in run(text) if e.type == "statement"]
    assert len(statements) == 1
    assert {a.id for a in statements[0].actors} == {"russia", "igor-konashenkov"}
    assert statements[0].date is not None and statements[0].date.value == "2018-05-08"


def test_declining_to_comment_stays_apart_from_the_bodys_statement() -> None:
    text = "وأعلن الكرملين دعمه للمبادرة. ورفض المتحدث باسم الكرملين التعليق على التقارير."
    statements = [e for e in run(text) if e.type == "statement"]
    assert len(statements) == 2


def test_unnamed_officials_in_a_bodys_words_belong_to_that_body() -> None:
    text = "وقالت وزارة الدفاع الروسية إن مسؤولين عقدوا اجتماعا مع نظرائهم الأتراك أمس."
    meetings = [e for e in run(text) if e.type == "meeting"]
    assert len(meetings) == 1
    assert {"russia", "turkey"} <= {a.id for a in meetings[0].actors}
    assert meetings[0].date is not None and meetings[0].date.value == "2018-05-08"


def test_titles_are_built_from_the_parts() -> None:
    events = run("والتقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو.")
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.title_en.startswith("Sergey Lavrov meets ")
    assert meeting.title_en.endswith(" in Moscow")
    assert meeting.title_ar.startswith("لقاء ")
    rounds = [e for e in run("وانطلقت الجولة العاشرة من محادثات أستانا اليوم.") if e.type == "talks_round"]
    assert rounds[0].title_en == "Astana talks, round 10"
    assert rounds[0].place is not None and rounds[0].place.id == "astana"
    assert rounds[0].title_ar == "محادثات أستانا، الجولة 10"


def test_a_round_without_named_parties_takes_the_series_parties() -> None:
    events = run("ومن المقرر أن تعقد الجولة المقبلة من مفاوضات جنيف في حزيران المقبل.")
    talks = next(e for e in events if e.type == "talks_round")
    assert {a.id for a in talks.actors} == {"united-nations", "syrian-government", "syrian-opposition"}
    assert talks.status == "planned"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الجولة السابعة من المحادثات", 7),
        ("سابع جولة", 7),
        ("جولة ثالثة", 3),
        ("the ninth round", 9),
        ("جولة جديدة", None),
    ],
)
def test_round_ordinals(text: str, value: int | None) -> None:
    from app.ingest.normalize import fold_text

    assert round_in(fold_text(text)) == value


def test_series_names_come_from_the_knowledge_base() -> None:
    kb = load_kb()
    assert series_in(kb, "محادثات استانا") == "astana"
    assert series_in(kb, "لجنيف") == "geneva"
    assert series_in(kb, "في المدينة") is None


def test_spans_and_days_of_a_round() -> None:
    start = DateValue("2017-07-10", date(2017, 7, 10), date(2017, 7, 10), "day")
    span = span_for(start, "وتستمر لمده خمسه ايام", "ar")
    assert span is not None and (span.start, span.end) == (date(2017, 7, 10), date(2017, 7, 14))
    assert span.value == "2017-07-10/2017-07-14"
    assert span_for(start, "lasts 3 days", "en").end == date(2017, 7, 12)
    assert span_for(start, "قبل خمسه ايام", "ar") is None
    month = DateValue("2017-07", date(2017, 7, 1), date(2017, 7, 31), "month")
    assert span_for(month, "وتستمر لمده خمسه ايام", "ar") is None
    assert day_of_round("وفي اليوم الثاني من المحادثات", "ar") == 2
    assert nth_day(span, 2).value == "2017-07-11"
    assert nth_day(span, 9) is None


@pytest.mark.parametrize("text", ["", "   \n\n ", ".,.,.,", "؟؟؟", "12345 678"])
def test_odd_input_gives_no_events_and_no_crash(text: str) -> None:
    assert run(text) == []


def test_without_a_publication_date_nothing_is_dated_from_nowhere() -> None:
    events = run("وقال لافروف أمس إن الحوار مستمر.", published=None)
    statement = next(e for e in events if e.type == "statement")
    assert statement.date is None


def test_an_unknown_language_reads_the_arabic_rules() -> None:
    events = run("وقال لافروف إن الحوار مستمر.", lang="und")
    assert [e.type for e in events] == ["statement"]


def test_who_receives_whom() -> None:
    events = run("ويستقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني محمد جواد ظريف في دمشق غدا.")
    meeting = next(e for e in events if e.type == "meeting")
    roles = {a.id: a.role for a in meeting.actors}
    assert roles == {"bashar-al-assad": "host", "mohammad-javad-zarif": "guest"}
    assert meeting.status == "planned"
    speaker = next(e for e in run("وقال لافروف إن الحوار مستمر.") if e.type == "statement").actors[0]
    assert speaker.role == "speaker"
