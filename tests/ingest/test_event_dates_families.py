"""Families of event-date errors seen on unseen text, each with sentences written for this project
(Arabic and English, with negatives): the tense that anchors a weekday or a month, and the date an
act takes from the clause or occasion it stands on. Each case runs the real tagger, knowledge base
and event rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.ingest import timex
from tests.ingest.test_events_cases import run

THU = date(2016, 7, 14)  # a Thursday
WED = date(2017, 3, 22)  # a Wednesday
FEB = date(2021, 2, 9)  # a Tuesday

# ---- time expressions: the direction the clause's tense gives

TENSE = [
    # a plan told as past ("was to happen", and did not): the weekday is the one before publication
    ("وكان من المفترض أن تتحرك القافلة الأولى فجر الثلاثاء، لكن القصف منعها", THU, "ar", "2016-07-12"),
    ("كان يفترض أن يصل وفد المعارضة إلى العاصمة مساء الأحد", THU, "ar", "2016-07-10"),
    ("The first convoy was supposed to get going at dawn on Tuesday", THU, "en", "2016-07-12"),
    ("The exchange of prisoners was meant to get going on Monday", THU, "en", "2016-07-11"),
    # negatives: an ordinary plan keeps the future
    ("ومن المقرر أن تتحرك القافلة الأولى فجر الثلاثاء", THU, "ar", "2016-07-19"),
    ("The first convoy is going to leave on Tuesday", THU, "en", "2016-07-19"),
    # the reported words ("that …", "أن …") have their own tense: a cue in them does not date the saying
    (
        "The Italian foreign minister cautioned his Egyptian counterpart Sameh Hassan Shoukry in a long "
        "telephone conversation on Monday that Rome would freeze the contracts",
        THU,
        "en",
        "2016-07-11",
    ),
    (
        "أبلغ وزير الخارجية الإيطالي نظيره المصري سامح حسن شكري خلال اتصال هاتفي طويل صباح الاثنين "
        "أن روما ستجمد العقود",
        THU,
        "ar",
        "2016-07-11",
    ),
    # negative: with no "that", a cue after the expression still counts
    ("The two ministers in their talks on Saturday will sign the accord", THU, "en", "2016-07-16"),
    # "last March", "next June": the month before or after publication, whatever the verb
    ("despite the truce the two sides agreed last March", FEB, "en", "2020-03"),
    ("the envoy hopes to convene the body next June", FEB, "en", "2021-06"),
]


# a day counted from the day told before it in its sentence ("في اليوم التالي", "two days later")
TENSE += [
    (
        "التقى الوزير نظيره يوم الأحد 10 تموز، فيما وصل الرئيس إلى العاصمة في اليوم التالي",
        THU,
        "ar",
        "2016-07-11",
    ),
    ("The envoy met the delegations on July 4 and the guarantors three days later", THU, "en", "2016-07-07"),
    (
        "The talks opened on Monday, July 11; the government team had arrived the previous day",
        THU,
        "en",
        "2016-07-10",
    ),
]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("وصل الرئيس إلى العاصمة في اليوم التالي", "ar"),
        ("وصل الرئيس في اليوم التالي للانتخابات", "ar"),
        ("The guarantors met three days later.", "en"),
        ("The talks opened on Monday. The guarantors met three days later.", "en"),
    ],
)
def test_a_counted_day_without_a_day_before_it_in_its_sentence_is_no_expression(text: str, lang: str) -> None:
    found = timex.tag(text, THU, lang)
    assert all(t.rule is None or "anaphoric" not in t.rule for t in found), found


@pytest.mark.parametrize(("text", "published", "lang", "value"), TENSE, ids=[c[0][:40] for c in TENSE])
def test_tense_anchors_the_expression(text: str, published: date, lang: str, value: str) -> None:
    values = [t.value for t in timex.tag(text, published, lang)]
    assert value in values, values


# ---- event dates


@dataclass(frozen=True)
class D:
    text: str
    type: str
    actor: str | None  # a knowledge-base id the event must have (None: any)
    date: str | None  # the event's date value; None: no date of its own
    lang: str = "ar"
    published: date = WED


def _dates(case: D) -> list[str | None]:
    return [
        e.date.value if e.date else None
        for e in run(case.text, case.lang, case.published)
        if e.type == case.type and (case.actor is None or case.actor in {a.id for a in e.actors})
    ]


CASES = [
    # a statement made after a session of a round whose span the article gives: the round's last day,
    # not the day it opened
    D(
        "واستمرت الجولة الرابعة من محادثات أستانا يومين، إذ انطلقت أمس الثلاثاء بمشاورات مغلقة. "
        "وقال رئيس الوفد الروسي ألكسندر لافرنتييف في مؤتمر صحافي عقب الجلسة إن العمل سيستمر.",
        "statement",
        "alexander-lavrentiev",
        "2017-03-22",
    ),
    # a planned act told as past gets the past day, not next week's (and is not planned)
    D(
        "وكان من المفترض أن تبدأ الغارات على المدينة مساء الاثنين، قبل أن يتجدد القصف على الأحياء الشرقية.",
        "military",
        None,
        "2017-03-20",
    ),
]


# a meeting told as the occasion of a dated act of its sentence ("at the end of talks", "after talks
# with"), or of the act of the sentence before ("وجاء الإعلان عقب قمة"): that act's day
OCCASION_OF_ACT = [
    D(
        "اتفق الرئيسان الروسي فلاديمير بوتين والإيراني حسن روحاني أمس الثلاثاء على توسيع التعاون العسكري، "
        "وذلك في ختام محادثات مطولة في طهران استمرت نحو خمس ساعات.",
        "meeting",
        "hassan-rouhani",
        "2017-03-21",
    ),
    D(
        "اتفق وزيرا الخارجية الروسي سيرغي لافروف والتركي مولود جاويش أوغلو أمس الثلاثاء على خطة لتبادل "
        "الأسرى. وجاء الإعلان عقب قمة جمعت الوزيرين في أنطاليا.",
        "meeting",
        "mevlut-cavusoglu",
        "2017-03-21",
    ),
    D(
        "Russian Foreign Minister Sergei Lavrov said on Tuesday that the two countries would open a new "
        "crossing after talks with Turkish Foreign Minister Mevlut Cavusoglu in Antalya.",
        "meeting",
        "mevlut-cavusoglu",
        "2017-03-21",
        "en",
    ),
    D(
        "The two ministers agreed on Tuesday to open a new crossing. The announcement came after talks with "
        "Iranian Foreign Minister Mohammad Javad Zarif in Antalya.",
        "meeting",
        "mohammad-javad-zarif",
        "2017-03-21",
        "en",
    ),
    # negatives: talks that lasted months; a sentence that is no "came after" of the act before
    D(
        "قال لافروف أمس الثلاثاء إن الاتفاق جاء بعد محادثات مع جاويش أوغلو استمرت أشهرا.",
        "meeting",
        "mevlut-cavusoglu",
        None,
    ),
    D(
        "Lavrov said on Tuesday that the deal came after talks with Cavusoglu that dragged on for months.",
        "meeting",
        "mevlut-cavusoglu",
        None,
        "en",
    ),
    D(
        "The two ministers agreed on Tuesday to open a new crossing. Zarif spoke after talks with Iranian "
        "President Hassan Rouhani in Tehran.",
        "meeting",
        "hassan-rouhani",
        None,
        "en",
    ),
]
CASES += OCCASION_OF_ACT

# an act named as the object of an announcement ("أعلن X اليوم بدء الهجوم"): announcing it is doing it,
# so it takes the announcement's day; not an act inside reported words ("أعلن أن …"), nor an intent
ANNOUNCED = [
    D(
        "أعلن الجيش التركي، اليوم الأربعاء، بدء «المعركة الكبرى» للسيطرة على مدينة الباب.",
        "military",
        "turkey",
        "2017-03-22",
    ),
    D(
        "وأعلنت وزارة الدفاع الروسية أمس الثلاثاء بدء هجوم واسع على مدينة تدمر.",
        "military",
        "russia",
        "2017-03-21",
    ),
    D(
        "أعلن المبعوث الأممي ستافان دي ميستورا أمس الثلاثاء «تعليقا مؤقتا» لمحادثات جنيف بين الوفدين.",
        "talks_round",
        None,
        "2017-03-21",
    ),
    D(
        "أعلن الجيش التركي اليوم الأربعاء أن طائراته قصفت مواقع التنظيم في مدينة الباب.",
        "military",
        "turkey",
        None,
    ),
    D(
        "The Russian defence ministry announced on Tuesday that its jets had carried out air strikes on the "
        "town of Palmyra.",
        "military",
        "russia",
        None,
        "en",
    ),
]
CASES += ANNOUNCED

# a pause announced "until" a day is dated by its announcement (the day ends the pause); talks said to
# resume on that day keep it
UNTIL = [
    D(
        "أعلن المبعوث الأممي ستافان دي ميستورا أمس الثلاثاء «تعليقا مؤقتا» لمحادثات جنيف بين الوفدين حتى "
        "العاشر من نيسان المقبل.",
        "talks_round",
        None,
        "2017-03-21",
    ),
    D(
        "أعلن المبعوث الأممي ستافان دي ميستورا أمس الثلاثاء أن محادثات جنيف بين الوفدين ستستأنف في العاشر "
        "من نيسان المقبل.",
        "talks_round",
        None,
        "2017-04-10",
    ),
]
CASES += UNTIL

# an agreement told as made on an occasion ("في بيانها المشترك", "in a joint statement"): the day the
# article gives that occasion (the talks that ended today); no dated occasion, or an old one: no date
ON_OCCASION = [
    D(
        "اختتمت اليوم الأربعاء في أستانا الجولة الخامسة من المحادثات. وتوافقت روسيا وتركيا وإيران، في "
        "بيانها المشترك، على تشكيل لجنة لمراقبة الهدنة.",
        "agreement",
        "iran",
        "2017-03-22",
    ),
    D(
        "The fifth round of Astana talks ended on Wednesday. In a joint statement, Russia, Turkey and Iran "
        "agreed on a commission to monitor the truce.",
        "agreement",
        "iran",
        "2017-03-22",
        "en",
    ),
    D(
        "وتوافقت روسيا وتركيا وإيران، في بيانها المشترك، على تشكيل لجنة لمراقبة الهدنة.",
        "agreement",
        "iran",
        None,
    ),
    D(
        "اختتمت في أستانا يوم 10 آذار الجولة الخامسة من المحادثات. وتوافقت روسيا وتركيا وإيران، في بيانها "
        "المشترك، على تشكيل لجنة لمراقبة الهدنة.",
        "agreement",
        "iran",
        None,
    ),
]
CASES += ON_OCCASION

# a meeting of the body a dated statement was made to, told next with no date of its own: that day;
# not a body the speaker did not address
ADDRESSED = [
    D(
        "The UN envoy told the Security Council on Tuesday that the drafting talks had stalled. The Security "
        "Council met behind closed doors for its monthly session on Syria.",
        "meeting",
        "un-security-council",
        "2017-03-21",
        "en",
    ),
    D(
        "أبلغ المبعوث الأممي مجلس الأمن أمس الثلاثاء أن محادثات الصياغة متعثرة. والتقى المبعوث أعضاء مجلس "
        "الأمن في جلسة مغلقة.",
        "meeting",
        "un-security-council",
        "2017-03-21",
    ),
    D(
        "The UN envoy told reporters on Tuesday that the drafting talks had stalled. The Security Council "
        "met behind closed doors for its monthly session on Syria.",
        "meeting",
        "un-security-council",
        None,
        "en",
    ),
]
CASES += ADDRESSED

# English words said without "that" begin at the pronoun after the saying's date ("said on Tuesday it
# would convene a "congress" … on April 10"): the act in them keeps its own date, and that date is theirs,
# not the date of an act told in a later clause ("…, as the round closed")
PRONOUN_WORDS = [
    D(
        'Moscow said on Tuesday it would convene a "congress of Syrian peoples" in Sochi on April 10, as the '
        "Astana round closed.",
        "talks_round",
        "russia",
        "2017-04-10",
        "en",
    ),
    D(
        'Moscow said on Tuesday that it would convene a "congress of Syrian peoples" in Sochi on April 10.',
        "talks_round",
        "russia",
        "2017-04-10",
        "en",
    ),
    D(
        "Ankara said on Tuesday it would host the guarantors in Antalya on April 10, as the fourth round of "
        "Astana talks closed.",
        "talks_round",
        None,
        None,
        "en",
    ),
    D(
        'The Kremlin said on Tuesday, "We will hold the congress in Sochi."',
        "statement",
        "russia",
        "2017-03-21",
        "en",
    ),
]
CASES += PRONOUN_WORDS

# midnight tonight is the first moment of the next day; other nights keep their day
MIDNIGHT = [
    D(
        "وأعلن الجيش الروسي وقفا لإطلاق النار في مدينة حلب يبدأ سريانه منتصف الليلة.",
        "agreement",
        None,
        "2017-03-23",
    ),
    D(
        "A ceasefire agreed by Russia and Turkey will take effect at midnight tonight in Idlib province.",
        "agreement",
        "turkey",
        "2017-03-23",
        "en",
    ),
    D("ودخل وقف إطلاق النار في مدينة حلب حيز التنفيذ منتصف ليلة الاثنين.", "agreement", None, "2017-03-20"),
    D(
        "A ceasefire agreed by Russia and Turkey took effect in Idlib province on Tuesday night.",
        "agreement",
        "turkey",
        "2017-03-21",
        "en",
    ),
]
CASES += MIDNIGHT

# an act told as the manner of the dated clause before it ("اختتمت أمس الجولة …، بإعلان … الاتفاق"),
# also across the ".،" artefact of crawled text, takes that clause's date before a free date of a later
# clause (the memorandum of January is another agreement); a clause that is no manner keeps its own date
MANNER = [
    D(
        "اختتمت أمس الثلاثاء الجولة الخامسة من محادثات أستانا.، بإعلان روسيا وتركيا وإيران الاتفاق على "
        "تمديد الهدنة في الغوطة الشرقية، لتكتمل بذلك الخطة التي أقرتها مذكرة كانون الثاني الماضي.",
        "agreement",
        "iran",
        "2017-03-21",
    ),
    D(
        "اختتمت أمس الثلاثاء الجولة الخامسة من محادثات أستانا.، بإعلان روسيا وتركيا وإيران الاتفاق على "
        "تمديد الهدنة في الغوطة الشرقية، لتكتمل بذلك الخطة التي أقرتها مذكرة كانون الثاني الماضي.",
        "agreement",
        "iran",
        "2017-01",
    ),
    D(
        "اختتمت أمس الثلاثاء الجولة الخامسة من محادثات أستانا. وأقرت مذكرة كانون الثاني الماضي الاتفاق على "
        "تمديد الهدنة في الغوطة الشرقية.",
        "agreement",
        None,
        "2017-01",
    ),
]
CASES += MANNER

# a date bound to a noun of a statement's frame ("the truce agreed last March") is not the saying's
BOUND = [
    D(
        "On the ground, the monitor noted shelling of villages despite the cease-fire agreed last March, "
        "and the Syrian Observatory for Human Rights said jets struck the town.",
        "statement",
        "sohr",
        None,
        "en",
    ),
    D(
        "Despite the cease-fire agreed last March, the Syrian Observatory for Human Rights said on Tuesday "
        "that jets struck the town.",
        "statement",
        "sohr",
        "2017-03-21",
        "en",
    ),
]
CASES += BOUND


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
def test_event_date(case: D) -> None:
    dates = _dates(case)
    assert dates, f"no {case.type} event found"
    assert case.date in dates, dates
