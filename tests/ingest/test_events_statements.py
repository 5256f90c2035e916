"""Statements: who speaks, which verbs start a statement and which go on with one. Sentences written
for this project (Arabic and English), positives and negatives; each runs the real tagger,
knowledge base and event rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.ingest import timex
from app.ingest.events import extract
from app.ingest.knowledge import load_kb
from app.ingest.records import ExtractedEvent, RawArticle

WED = date(2017, 3, 22)


def statements(text: str, lang: str = "ar") -> list[ExtractedEvent]:
    article = RawArticle("case.txt", text, "case.txt", WED, lang)
    return [e for e in extract(article, timex.tag(text, WED, lang), load_kb()) if e.type == "statement"]


@dataclass(frozen=True)
class S:
    text: str
    speakers: tuple[str, ...]  # knowledge-base ids of one statement's speakers (empty: no statement)
    count: int | None = None  # how many statements the text holds
    not_speaker: str | None = None  # an actor no statement may have as its only speaker
    mentions: int | None = None  # passages of the statement with `speakers`
    date: str | None = None
    lang: str = "ar"


CASES = [
    # participles: the subject of the clause they hang on speaks
    S(
        "وافتتح وزير الخارجية الروسي سيرغي لافروف المؤتمر في موسكو، داعيا الأطراف إلى الحوار.",
        ("sergey-lavrov",),
    ),
    S(
        "وقاطعت الهيئة العليا للمفاوضات الاجتماع، معتبرة أنه لا يخدم الحل السياسي.",
        ("syrian-opposition",),
        count=1,
    ),
    S(
        "وقال المبعوث الأممي ستافان دي ميستورا إن المحادثات مفيدة، مشيرا إلى أن الجولة المقبلة قريبة.",
        ("staffan-de-mistura",),
        count=1,
        mentions=2,
    ),
    S("ونشرت صحيفة الحياة تقريرا عن المفاوضات، مشيرة إلى أن الخلافات عميقة.", (), count=0),
    # «أما X فقال», reading a statement out
    S(
        "وقال بشار الجعفري إن الحكومة ملتزمة بالحل. أما نصر الحريري فقال إن المعارضة لن تتنازل.",
        ("nasr-al-hariri",),
        count=2,
    ),
    S("وتلا وزير الخارجية الروسي سيرغي لافروف البيان الختامي للاجتماع.", ("sergey-lavrov",)),
    # a plural verb never continues one speaker; it continues a plural subject of its sentence
    S(
        "وقال المبعوث الأممي ستافان دي ميستورا إن الحوار مستمر. وأكدوا ضرورة وقف القتال.",
        ("staffan-de-mistura",),
        count=1,
        mentions=1,
    ),
    S(
        "واجتمع وزراء خارجية روسيا وتركيا وإيران في موسكو أمس "
        "الثلاثاء، وأكدوا في بيان مشترك دعمهم للحل السياسي.",
        ("russia", "turkey", "iran"),
        date="2017-03-21",
    ),
    # a verb of the reported words starts no statement
    S(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو أبلغت الحكومة السورية بتفاصيل الخطة.",
        ("sergey-lavrov",),
        count=1,
        not_speaker="syrian-government",
    ),
    S(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة، وإن دمشق أبدت استعدادها للحوار.",
        ("sergey-lavrov",),
        count=1,
        not_speaker="syrian-government",
    ),
    S("وأبدت تركيا مرارا اعتراضها على دور الوحدات الكردية في الهجوم.", ("turkey",)),
    S("وقتل عشرة جنود أتراك في الغارة، وفق ما أعلنت وزارة الدفاع التركية.", ("turkey",)),
    S("وقتل عشرة جنود في الغارة، وفق ما أعلنت مصادر محلية.", (), count=0),
    S(
        "وقال رئيس وفد المعارضة نصر الحريري إن الجولة فشلت. أما رئيس الوفد الحكومي بشار الجعفري، فرأى "
        "أنها حققت تقدما.",
        ("bashar-al-jaafari",),
        count=2,
    ),
    # a masculine verb after a man's words: the state after it is the object
    S(
        "ووصف بشار الجعفري الاجتماع بأنه مفيد، واتهم تركيا بدعم الإرهاب.",
        ("bashar-al-jaafari",),
        count=1,
        not_speaker="turkey",
        mentions=2,
    ),
    S("واتهمت تركيا الحكومة السورية بخرق الهدنة في إدلب.", ("turkey",)),
    # quoted words, unnamed speakers: no statement
    S('وحمل الكتاب عنوان "قال الوزير كلمته الأخيرة" في طبعته الأولى.', (), count=0),
    S("وقال دبلوماسيون غربيون إن المحادثات متعثرة.", (), count=0),
    # "وكان X قد أعلن": the subject stands before the verb, not the name after it
    S(
        "وكان الأمين العام للأمم المتحدة أنطونيو غوتيريش قد أعلن أمس "
        "الثلاثاء تعيين ستافان دي ميستورا مبعوثا.",
        ("antonio-guterres",),
        not_speaker="staffan-de-mistura",
        date="2017-03-21",
    ),
    S("دي ميستورا قال إن الهدنة صامدة.", ("staffan-de-mistura",)),
    # English: the speaker after the verb, passives, continuations
    S('"We are ready for talks," said Lavrov.', ("sergey-lavrov",), lang="en"),
    S(
        "The plan was announced by Russian Foreign Minister Sergei Lavrov on Monday.",
        ("sergey-lavrov",),
        date="2017-03-20",
        lang="en",
    ),
    S("The attack, claimed by the Islamic State, killed ten people.", (), count=0, lang="en"),
    S(
        "Lavrov said Moscow was ready to talk but accused Washington of bad faith.",
        ("sergey-lavrov",),
        count=1,
        not_speaker="united-states",
        lang="en",
    ),
    S(
        "On Tuesday, the foreign ministers of Russia and Turkey met in "
        "Moscow and issued a joint statement backing the truce.",
        ("russia",),
        date="2017-03-21",
        lang="en",
    ),
    S("Diplomats said the talks would fail.", (), count=0, lang="en"),
    S(
        "Talks ended in Geneva on Tuesday with UN envoy Staffan de Mistura saying the sides were closer.",
        ("staffan-de-mistura",),
        lang="en",
    ),
    S("The ceremony ended with a band playing the anthem.", (), count=0, lang="en"),
    S("Lavrov said by telephone that the talks were useful.", ("sergey-lavrov",), lang="en"),
    S(
        "والتقى لافروف نظيره الأميركي جون كيري في جنيف أمس الثلاثاء، في اجتماع وصفه لافروف بأنه مثمر.",
        ("sergey-lavrov",),
        date="2017-03-21",
    ),
    # a ministry named by its state's adjective speaks for that state
    S("وقالت وزارة الدفاع التركية في بيان إن قواتها ستبقى في مواقعها.", ("turkey",), not_speaker="russia"),
    # the verb of a relative clause: its subject is the noun before, not the name after
    S(
        "وغادر الوفد احتجاجا على بيان المؤتمر الذي طالب برحيل الرئيس بشار الأسد.",
        (),
        not_speaker="bashar-al-assad",
    ),
    S(
        "The agreement brokered by Russia and Turkey, announced on Tuesday night, was meant to start "
        "the evacuation.",
        (),
        count=0,
        lang="en",
    ),
    # blame, conditions, questions and answers
    S("وحمل رئيس وفد المعارضة نصر الحريري الحكومة مسؤولية فشل الجولة.", ("nasr-al-hariri",)),
    S("واشترط رئيس وفد المعارضة نصر الحريري وقف القصف قبل أي تفاوض.", ("nasr-al-hariri",)),
    S(
        "وسئل وزير الخارجية الروسي سيرغي لافروف بعد القمة عن موعد الجولة المقبلة، فأجاب: «قريبا».",
        ("sergey-lavrov",),
        count=1,
    ),
    S(
        "Asked whether the truce would hold, Russian Foreign Minister Sergei Lavrov replied that it would.",
        ("sergey-lavrov",),
        lang="en",
    ),
    S(
        "The opposition delegation is due in Geneva on Friday, a UN spokeswoman said.",
        ("united-nations",),
        lang="en",
    ),
    S(
        "UN envoy Staffan de Mistura, who has urged both sides to talk directly, said the talks were useful.",
        ("staffan-de-mistura",),
        count=1,
        lang="en",
    ),
    # the rebel official is not Erdogan: a statement of his side's own (unnamed officials speak for
    # their body when the knowledge base knows it, here "rebels")
    S(
        "The evacuation could start on Thursday, Turkish President Tayyip Erdogan said, while a rebel "
        "official said the operation would take days.",
        ("recep-tayyip-erdogan",),
        count=2,
        lang="en",
    ),
    S(
        "The evacuation could start on Thursday, Turkish President Tayyip Erdogan said, while a rebel "
        "official said the operation would take days.",
        ("syrian-opposition",),
        count=2,
        lang="en",
    ),
    S("The talks will fail, Western diplomats said.", (), count=0, lang="en"),
    S("وتطالب أنقرة بانسحاب القوات الحكومية إلى خطوط الهدنة.", ("turkey",)),
    # a verb of saying spelt like an adjective
    S("وساد هدوء حذر اليوم جبهات محافظة إدلب شمال غربي سوريا.", (), count=0),
    S("وحذر وزير الخارجية الروسي سيرغي لافروف من انهيار الهدنة.", ("sergey-lavrov",)),
    # inflections: present tense, plural and dual verbs of saying
    S("ويقول المبعوث الأممي ستافان دي ميستورا إن الحل السياسي ممكن.", ("staffan-de-mistura",)),
    S("وتشير وزارة الخارجية الروسية إلى أن الهدنة صامدة.", ("russia",)),
    S(
        "وأعلن وزيرا الخارجية الروسي سيرغي لافروف والأميركي جون كيري أن المحادثات كانت مثمرة.",
        ("sergey-lavrov",),
    ),
    S(
        "واجتمع وزراء خارجية روسيا وتركيا وإيران في موسكو، ورحبوا بالاتفاق الجديد.",
        ("russia", "turkey", "iran"),
    ),
    S(
        "Russian Foreign Minister Sergei Lavrov warns that the truce may collapse.",
        ("sergey-lavrov",),
        lang="en",
    ),
    # "according to X", "بحسب X": a source cited says nothing of its own; after X's statement it is one
    # more passage of it, and the date of the reported fact is not the saying's
    S("The truce was holding in Idlib on Monday, according to the Kremlin.", (), count=0, lang="en"),
    S("ونزح نحو مليون شخص منذ كانون الأول، بحسب الأمم المتحدة.", (), count=0),
    S(
        "The Kremlin said the truce was holding. No strikes were reported, according to the Kremlin.",
        ("russia",),
        count=1,
        mentions=2,
        lang="en",
    ),
    S(
        "وأفاد المرصد السوري لحقوق الإنسان بهدوء حذر. ولم تسجل أي غارة منذ الصباح، بحسب المرصد.",
        ("sohr",),
        count=1,
        mentions=2,
    ),
    S("The delegations will meet according to the timetable agreed in Astana.", (), count=0, lang="en"),
    S("The truce was holding, according to sources close to the talks.", (), count=0, lang="en"),
    S(
        "Lavrov said the talks were useful. The sides agreed to meet again, according to a joint statement.",
        ("sergey-lavrov",),
        count=1,
        mentions=1,
        lang="en",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
def test_statement(case: S) -> None:
    found = statements(case.text, case.lang)
    described = [([a.id for a in e.actors], len(e.mentions), e.date.value if e.date else None) for e in found]
    if case.count is not None:
        assert len(found) == case.count, described
    if case.not_speaker:
        assert not any({a.id for a in e.actors} == {case.not_speaker} for e in found), described
    if not case.speakers:
        return
    mine = [e for e in found if set(case.speakers) <= {a.id for a in e.actors}]
    assert mine, described
    if case.mentions is not None:
        assert len(mine[0].mentions) == case.mentions, described
    if case.date is not None:
        assert mine[0].date is not None and mine[0].date.value == case.date, described


def test_according_to_takes_no_date_of_the_fact() -> None:
    text = "The Kremlin said the truce held. It held in Idlib on Monday, according to the Kremlin."
    found = statements(text, "en")
    assert [e.date for e in found] == [None]
