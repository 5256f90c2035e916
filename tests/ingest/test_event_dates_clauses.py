"""Which clause a date governs: sentences written for this project (Arabic and English, wire,
feature and interview styles), each with the date the guidelines give the act, or None where the
text gives that act no date. Runs the real tagger, knowledge base and event rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_events_cases import run

WED = date(2017, 3, 22)  # a Wednesday

# (text, lang, event type, date value or None)
FRONTED = [
    # an adverbial phrase opening the sentence governs the clause after its comma
    ("Speaking to reporters on Tuesday, de Mistura said the talks had made progress.", "en", "2017-03-21"),
    ("In an interview with Reuters on Sunday, Assad said the war would end soon.", "en", "2017-03-19"),
    ("At a news conference in Moscow on Monday, Lavrov said Russia backed the talks.", "en", "2017-03-20"),
    ("وفي مؤتمر صحفي عقده في موسكو الاثنين، قال لافروف إن روسيا تدعم المحادثات.", "ar", "2017-03-20"),
    ("وفي مقابلة مع قناة روسية بثت الأحد، قال الأسد إن الحرب ستنتهي قريبا.", "ar", "2017-03-19"),
    ("وخلال لقائه نظيره الإيراني الاثنين، أكد لافروف أن روسيا تدعم المحادثات.", "ar", "2017-03-20"),
    # negatives: a phrase naming weeks, or a date after publication, or no date at all
    ("بعد أسابيع من انتهاء الجولة في 3 آذار، قال دي ميستورا إن الوفود ستعود.", "ar", None),
    ("In remarks ahead of the talks due on March 28, Lavrov said Russia backed them.", "en", None),
    ("وفي مؤتمر صحفي في موسكو، قال لافروف إن روسيا تدعم المحادثات.", "ar", None),
    ("Speaking to reporters in Geneva, de Mistura said the talks had made progress.", "en", None),
    # the occasion of the saying with its date after the verb ("in a statement on Saturday")
    ("U.N. envoy Staffan de Mistura welcomed the agreement in a statement on Saturday.", "en", "2017-03-18"),
    ("ورحب المبعوث الأممي ستافان دي ميستورا بالاتفاق في بيان أصدره السبت.", "ar", "2017-03-18"),
    # negatives: the date of the thing welcomed
    ("U.N. envoy Staffan de Mistura welcomed the agreement reached on Saturday.", "en", None),
    ("ورحب المبعوث الأممي ستافان دي ميستورا بالاتفاق الذي وقع السبت.", "ar", None),
]

RELATIVE = [
    # a date in a relative clause of the frame is that clause's, not the saying's
    ("وأكد لافروف، الذي التقى ظريف الاثنين، أن موسكو متمسكة باتفاق وقف إطلاق النار.", "ar", None),
    ("وقال دي ميستورا الذي وصل إلى دمشق أمس إن الأمم المتحدة مستعدة للمساعدة.", "ar", None),
    # negatives: the saying's own date, before or after a relative clause
    ("وأكد لافروف، الذي التقى ظريف، اليوم الأربعاء أن موسكو متمسكة بالاتفاق.", "ar", "2017-03-22"),
    ("وقال لافروف الثلاثاء إن موسكو متمسكة باتفاق وقف إطلاق النار.", "ar", "2017-03-21"),
]


def _statement_date(text: str, lang: str) -> str | None:
    events = [e for e in run(text, lang, WED) if e.type == "statement"]
    assert events, text
    return events[0].date.value if events[0].date else None


@pytest.mark.parametrize(("text", "lang", "value"), FRONTED + RELATIVE)
def test_statement_date_from_the_governing_clause(text: str, lang: str, value: str | None) -> None:
    assert _statement_date(text, lang) == value


# ---- two days of one month told together: the act's span (talks rounds)
PAIRS = [
    ("وعقدت الجولة الأولى في أستانا يومي 23 و24 كانون الثاني.", "ar", "2017-01-23/2017-01-24"),
    ("واستعرض المبعوث نتائج الجولة الرابعة التي عقدت في 14 و15 آذار.", "ar", "2017-03-14/2017-03-15"),
    ("تعقد الجولة الخامسة من محادثات جنيف من 23 إلى 31 آذار.", "ar", "2017-03-23/2017-03-31"),
    ("وكانت الجولة الرابعة (٣ و٤ آذار) قد انتهت دون نتائج.", "ar", "2017-03-03/2017-03-04"),
    ("The fourth round of Astana talks was held on March 14 and 15.", "en", "2017-03-14/2017-03-15"),
    ("The first round of Astana talks took place on January 23-24.", "en", "2017-01-23/2017-01-24"),
    ("The eighth round of talks was held on 14 and 15 March in Astana.", "en", "2017-03-14/2017-03-15"),
    ("The fifth round of Geneva talks will run from March 23 to 31.", "en", "2017-03-23/2017-03-31"),
    # negatives: one day; a count before the day; two days of different months stay with range_in
    ("وعقدت الجولة الأولى في أستانا يوم 23 كانون الثاني.", "ar", "2017-01-23"),
    ("The fourth round of Astana talks was held on March 14, and 15 delegates attended.", "en", "2017-03-14"),
    ("The fourth round of Geneva talks ran from February 23 to March 3.", "en", "2017-02-23/2017-03-03"),
]


@pytest.mark.parametrize(("text", "lang", "value"), PAIRS)
def test_round_on_two_days_is_a_span(text: str, lang: str, value: str) -> None:
    rounds = [e for e in run(text, lang, WED) if e.type == "talks_round"]
    assert rounds and rounds[0].date is not None, text
    assert rounds[0].date.value == value


# ---- the occasion named in a fronted phrase dates the statement after it
def test_fronted_occasion_dates_the_statement() -> None:
    text = (
        "واختتمت الجولة الخامسة من محادثات جنيف أمس الثلاثاء. "
        "وفي كلمته أمام الجلسة الختامية، قال دي ميستورا إن الوفود أحرزت تقدما."
    )
    assert _statement_date(text.split(". ")[1], "ar") is None  # no closing day told: no date
    events = [e for e in run(text, "ar", WED) if e.type == "statement"]
    assert events and events[0].date is not None and events[0].date.value == "2017-03-21"


# ---- the tense of a weekday's clause: a verb-first clause with long names before the weekday
_LONG_NAMES = "وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو الجمعة في موسكو."
TENSE = [
    ("سيلتقي " + _LONG_NAMES, "2017-03-24"),
    ("التقى " + _LONG_NAMES, "2017-03-17"),
    ("وتستمر المحادثات في جنيف حتى الجمعة.", "2017-03-24"),
    ("واستمرت المحادثات في جنيف حتى الجمعة.", "2017-03-17"),
    ("وكان من المقرر أن تبدأ الجولة الخامسة الخميس، لكنها أرجئت.", "2017-03-16"),
    ("ومن المقرر أن تبدأ الجولة الخامسة الخميس.", "2017-03-23"),
]


@pytest.mark.parametrize(("text", "value"), TENSE)
def test_weekday_takes_the_tense_of_its_clause(text: str, value: str) -> None:
    from app.ingest import timex

    found = timex.tag(text, WED, "ar")
    assert [t.value for t in found] == [value]


# ---- a statement made where the one before it was: said so, or told on in the same paragraph
_MET = (
    "Putin and Erdogan met in Moscow on Tuesday. "
    "Putin told reporters after the talks that he hoped the deal would hold."
)
_MET_AR = "والتقى بوتين أردوغان في موسكو الثلاثاء. وقال بوتين للصحفيين عقب اللقاء إنه يأمل صمود الاتفاق."
SAME_OCCASION = [
    (
        "Kerry told a news conference on Saturday that the plan could work. "
        "Lavrov said at the same news conference that the fate of Assad was open.",
        "en",
        "2017-03-18",
    ),
    (_MET + " Erdogan said Turkey would respond to any attack.", "en", "2017-03-21"),
    (_MET_AR + " وقال أردوغان إن تركيا سترد على أي هجوم.", "ar", "2017-03-21"),
    # negatives: another paragraph; a statement before it dated by its own words, not an occasion
    (_MET + "\n\nErdogan said Turkey would respond to any attack.", "en", None),
    (
        "Putin said on Tuesday that he hoped the deal would hold. Erdogan said Turkey would respond.",
        "en",
        None,
    ),
    (
        "Kerry told a news conference on Saturday that it could work. "
        "Lavrov said at a later meeting it was open.",
        "en",
        None,
    ),
]


@pytest.mark.parametrize(("text", "lang", "value"), SAME_OCCASION)
def test_statement_on_the_occasion_of_the_one_before(text: str, lang: str, value: str | None) -> None:
    events = [e for e in run(text, lang, WED) if e.type == "statement"]
    assert len(events) >= 2, text
    last = events[-1]
    assert (last.date.value if last.date else None) == value


# ---- a live blog's entries are of the day its heading names
_BLOG = (
    "متابعة لحظة بلحظة | محادثات أستانا - الثلاثاء 21 آذار 2017\n\n"
    "19:05 - وقال رئيس الوفد الروسي ألكسندر لافرنتييف للصحفيين إن الجولة كانت مثمرة.\n\n"
    "16:30 - والتقى المبعوث الأممي ستافان دي ميستورا وفد المعارضة في الفندق.\n\n"
    "11:00 - الخارجية الكازاخية: الجولة المقبلة ستعقد بعد شهر.\n"
)


def test_live_blog_entries_take_the_heading_day() -> None:
    events = run(_BLOG, "ar", WED)
    dated = {e.type: (e.date.value if e.date else None) for e in events if e.status != "planned"}
    assert dated.get("statement") == "2017-03-21"
    assert dated.get("meeting") == "2017-03-21"
    planned = [e for e in events if e.status == "planned"]
    assert all(e.date is None for e in planned)


def test_one_time_of_day_makes_no_blog() -> None:
    text = "جنيف - 19:05 - وقال رئيس الوفد الروسي ألكسندر لافرنتييف للصحفيين إن الجولة كانت مثمرة."
    events = [e for e in run(text, "ar", WED) if e.type == "statement"]
    assert events and events[0].date is None


# ---- a meeting on the sidelines of a one-day gathering the article dates
SIDELINES = [
    (
        "اختتم مؤتمر الحوار السوري أعماله أمس في سوتشي. "
        "وكان لافروف قد بحث مع دي ميستورا على هامش المؤتمر تشكيل اللجنة الدستورية.",
        "ar",
        "2017-03-21",
    ),
    (
        "The Syria support group met in Vienna on Tuesday. "
        "Kerry and Lavrov held talks on the sidelines before the plenary, officials said.",
        "en",
        "2017-03-21",
    ),
    # negatives: a round of several days; no dated gathering; a gathering of months ago
    (
        "The fifth round of Geneva talks ran from March 13 to March 20. "
        "Kerry and Lavrov held talks on the sidelines, officials said.",
        "en",
        None,
    ),
    ("وكان لافروف قد بحث مع دي ميستورا على هامش المؤتمر تشكيل اللجنة الدستورية.", "ar", None),
    (
        "The Syria support group met in Vienna in November. "
        "Kerry and Lavrov held talks on the sidelines before the plenary, officials said.",
        "en",
        None,
    ),
]


@pytest.mark.parametrize(("text", "lang", "value"), SIDELINES)
def test_meeting_on_the_sidelines(text: str, lang: str, value: str | None) -> None:
    meetings = [e for e in run(text, lang, WED) if e.type == "meeting" and len(e.actors) >= 2]
    sidelines = [e for e in meetings if "sidelines" in e.mentions[0].text or "هامش" in e.mentions[0].text]
    assert sidelines, [e.mentions[0].text for e in meetings]
    assert (sidelines[0].date.value if sidelines[0].date else None) == value


# ---- a verb at the start of a sentence that is not the article's first (the cue regexes of
# spans.yaml and occasions.yaml are searched from the sentence start: they must see it)
def test_round_opening_in_a_later_sentence_finds_its_other_end() -> None:
    text = (
        "اللجنة الدستورية تستأنف أعمالها\n\n"
        "انطلقت اليوم الأربعاء في جنيف أعمال الدورة الخامسة للجنة الدستورية السورية. "
        "ومن المقرر أن تستمر أعمال الدورة حتى الجمعة."
    )
    rounds = [e for e in run(text, "ar", WED) if e.type == "talks_round"]
    assert rounds and rounds[0].date is not None
    assert rounds[0].date.value == "2017-03-22/2017-03-24"


# ---- an act told after "and" takes the date after its verb, not the one closing the verb before
CONJUNCTS = [
    ("Lavrov met Zarif in Moscow on Monday and signed an agreement with Turkey last week.", "en", "2017-W11"),
    ("التقى لافروف ظريف في موسكو الاثنين ووقع اتفاقا مع تركيا الأسبوع الماضي.", "ar", "2017-W11"),
    # negatives: no date after the verb; a date opening the sentence
    ("Lavrov met Zarif in Moscow on Monday and signed an agreement with Turkey.", "en", "2017-03-20"),
    ("On Monday, Lavrov met Zarif in Moscow and signed an agreement with Turkey.", "en", "2017-03-20"),
]


@pytest.mark.parametrize(("text", "lang", "value"), CONJUNCTS)
def test_act_after_and_takes_its_own_date(text: str, lang: str, value: str) -> None:
    deals = [e for e in run(text, lang, WED) if e.type == "agreement"]
    assert deals and deals[0].date is not None, text
    assert deals[0].date.value == value


# ---- a date in a relative clause describing the act's topic (or after another act) is not the act's
OBJECT_RELATIVE = [
    ("Lavrov met Zarif to discuss the deal that was signed in Astana last month.", "en", "meeting", None),
    (
        "Lavrov met Zarif to discuss the deal that was signed in Astana last month.",
        "en",
        "agreement",
        "2017-02",
    ),
    ("التقى لافروف ظريف لبحث الاتفاق الذي وقع في أستانا الشهر الماضي.", "ar", "meeting", None),
    (
        "واستقبل الرئيس الروسي نظيره التركي لبحث نتائج الجولة التي عقدت في أستانا الشهر الماضي.",
        "ar",
        "meeting",
        None,
    ),
    ("Lavrov and Cavusoglu met to review the truce that took effect on December 30.", "en", "meeting", None),
    (
        "On Monday, Lavrov met Zarif and signed a deal that takes effect on Friday.",
        "en",
        "meeting",
        "2017-03-20",
    ),
    # negatives: the relative clause describes the act's own noun
    ("واستعرض المبعوث نتائج الجولة الرابعة التي عقدت في جنيف الشهر الماضي.", "ar", "talks_round", "2017-02"),
    (
        "The fourth round of talks, which was held in Geneva last month, ended without a deal.",
        "en",
        "talks_round",
        "2017-02",
    ),
]


@pytest.mark.parametrize(("text", "lang", "kind", "value"), OBJECT_RELATIVE)
def test_relative_clause_dates_its_own_noun(text: str, lang: str, kind: str, value: str | None) -> None:
    found = [e for e in run(text, lang, WED) if e.type == kind]
    assert found, text
    assert (found[0].date.value if found[0].date else None) == value


# ---- the reported words after an act's clause do not make it planned; the occasion told in a
# statement's frame with its day dates the saying
_AFTER_TALKS = (
    "Russian Foreign Minister Sergei Lavrov told a news conference in Moscow after talks with his "
    "Jordanian counterpart on Tuesday that the talks would resume."
)


def test_occasion_in_the_frame_dates_the_statement() -> None:
    events = run(_AFTER_TALKS, "en", WED)
    meetings = [e for e in events if e.type == "meeting"]
    statements = [e for e in events if e.type == "statement"]
    assert meetings and meetings[0].status == "occurred"
    assert meetings[0].date is not None and meetings[0].date.value == "2017-03-21"
    assert statements and statements[0].date is not None and statements[0].date.value == "2017-03-21"


def test_planned_meeting_stays_planned() -> None:
    text = "Lavrov said he would meet his Jordanian counterpart in Amman next week."
    meetings = [e for e in run(text, "en", WED) if e.type == "meeting"]
    assert meetings and meetings[0].status == "planned"


# ---- a weekday that opens a period ("a truce from Monday", "اعتبارا من الاثنين") lies ahead
ONSET = [
    ("The two sides announced a nationwide truce from Monday.", "en", "2017-03-27"),
    ("They announced a truce starting Monday.", "en", "2017-03-27"),
    ("وأعلن الطرفان هدنة شاملة اعتبارا من الاثنين.", "ar", "2017-03-27"),
    # negatives: a range told in the past; a weekday with no onset word
    ("The delegations met from Monday to Tuesday.", "en", "2017-03-20"),
    ("The two sides announced a nationwide truce on Monday.", "en", "2017-03-20"),
]


@pytest.mark.parametrize(("text", "lang", "value"), ONSET)
def test_weekday_opening_a_period(text: str, lang: str, value: str) -> None:
    from app.ingest import timex

    assert timex.tag(text, WED, lang)[0].value == value
