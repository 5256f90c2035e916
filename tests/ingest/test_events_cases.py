"""Event extraction on sentences written for this project (Arabic and English), with negatives.

Each case runs the real stages: time expressions (timex.tag), the built-in
knowledge base and the event rules. `type=None` means: no event at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from app.ingest import timex
from app.ingest.events import extract
from app.ingest.knowledge import load_kb
from app.ingest.records import ExtractedEvent, RawArticle

WED = date(2017, 3, 22)  # a Wednesday: "اليوم الأربعاء" is this day, "أمس" the 21st
ANY = object()


@dataclass(frozen=True)
class C:
    text: str
    type: str | None
    actors: tuple[str, ...] = ()  # knowledge-base ids that must be among the event's actors
    date: object = ANY  # the event's date value, or None for "no date of its own"
    status: str | None = None
    round: int | None = None
    series: str | None = None
    count: int | None = None  # how many events of `type` the text holds
    absent: tuple[str, ...] = ()  # types that must not be found
    not_actors: tuple[str, ...] = ()  # ids that must not be among the matching event's actors
    lang: str = "ar"
    published: date = WED
    place: str | None = None
    extra: dict = field(default_factory=dict)


def run(text: str, lang: str = "ar", published: date | None = WED) -> list[ExtractedEvent]:
    article = RawArticle("case.txt", text, "case.txt", published, lang)
    return extract(article, timex.tag(text, published, lang), load_kb())


def _fits(ev: ExtractedEvent, case: C) -> bool:
    ids = {a.id for a in ev.actors}
    if not set(case.actors) <= ids or ids & set(case.not_actors):
        return False
    if case.date is not ANY and (ev.date.value if ev.date else None) != case.date:
        return False
    if case.status and ev.status != case.status:
        return False
    if case.round is not None and ev.round != case.round:
        return False
    if case.series and ev.series != case.series:
        return False
    return not (case.place and (ev.place is None or ev.place.id != case.place))


S, M, T, P, A, X, R = "statement", "meeting", "talks_round", "proposal", "agreement", "military", "report"

CASES = [
    # ---- statements: speakers named, titled, continued; dates from the speech clause
    C(
        "قال وزير الخارجية الروسي سيرغي لافروف اليوم الأربعاء إن موسكو مستعدة للحوار.",
        S,
        ("sergey-lavrov",),
        "2017-03-22",
    ),
    C(
        "وأكد المتحدث باسم الكرملين ديمتري بيسكوف أمس أن الرئيس لن يشارك.",
        S,
        ("dmitry-peskov", "russia"),
        "2017-03-21",
    ),
    C("دعا المبعوث الأممي ستافان دي ميستورا الأطراف إلى ضبط النفس.", S, ("staffan-de-mistura",), None),
    C("ونفت وزارة الدفاع الروسية استهداف مستشفى في إدلب.", S, ("russia",)),
    C("وحذر وزير الخارجية التركي مولود جاويش أوغلو من تصعيد جديد في الشمال.", S, ("mevlut-cavusoglu",)),
    C("أعلن الكرملين أن الرئيس سيزور أنقرة قريبا.", S, ("russia",)),
    C("قال لافروف إن الحل سياسي. وأضاف أن موسكو لن تتخلى عن حلفائها.", S, ("sergey-lavrov",), count=1),
    C("قال لافروف إن الهدنة صامدة، بينما قال جون كيري إن الخروقات مستمرة.", S, count=2),
    C("قال لافروف الاثنين إن الحوار ممكن. وقال لافروف الثلاثاء إن الحوار متعثر.", S, count=2),
    C("دي ميستورا يؤكد أن الجولة المقبلة حاسمة.", S, ("staffan-de-mistura",)),
    C("ورفض المتحدث باسم الكرملين التعليق على التقرير.", S, ("russia",)),
    C("وأعرب الأمين العام للأمم المتحدة عن أمله في نجاح المفاوضات.", S, ("antonio-guterres",)),
    C("وشدد وزير الخارجية السعودي عادل الجبير على ضرورة رحيل الأسد.", S, ("adel-al-jubeir",)),
    C("وجدد وزير الخارجية السوري وليد المعلم رفض بلاده لأي تدخل.", S, ("walid-al-muallem",)),
    C("واعتبرت الخارجية الروسية أن البيان الأميركي متسرع.", S, ("russia",)),
    C("ورأى وزير الخارجية الإيراني محمد جواد ظريف أن الحل في الحوار.", S, ("mohammad-javad-zarif",)),
    C("ووصف بشار الجعفري المعارضة بأنها غير جادة.", S, ("bashar-al-jaafari",)),
    C("وطالب رئيس وفد المعارضة نصر الحريري بوقف القصف.", S, ("nasr-al-hariri",)),
    C("وتعهد الرئيس التركي رجب طيب أردوغان بمواصلة العملية.", S, ("recep-tayyip-erdogan",)),
    C("وأوضح وزير الدفاع الروسي سيرغي شويغو أن القوات ستنسحب.", S, ("sergei-shoigu",)),
    C("وأشار المتحدث باسم الخارجية الروسية إلى أن موسكو لم تتلق الدعوة.", S, ("russia",)),
    C("وقال الرئيس الروسي إن بلاده لن تنسحب من سوريا.", S, ("vladimir-putin",)),
    C(
        "وقال وزير الخارجية الأميركي إن واشنطن تدعم المحادثات.",
        S,
        ("rex-tillerson",),
        published=date(2017, 5, 3),
    ),
    C(
        "وقال وزير الخارجية الأميركي إن واشنطن تدعم المحادثات.",
        S,
        ("john-kerry",),
        published=date(2016, 5, 3),
    ),
    C(
        "قال المبعوث الأممي إلى سوريا إن اللجنة ستجتمع قريبا.",
        S,
        ("geir-pedersen",),
        published=date(2019, 6, 3),
    ),
    C(
        "قال المبعوث الأممي إلى سوريا إن اللجنة ستجتمع قريبا.",
        S,
        ("staffan-de-mistura",),
        published=date(2016, 6, 3),
    ),
    C(
        "وأعلن وزير الدفاع الفرنسي جان إيف لودريان، الجمعة، أن الرقة محاصرة.",
        S,
        ("jean-yves-le-drian",),
        "2017-03-17",
    ),
    C("وقال لافروف إن القرار 2254 هو الأساس.", S, ("sergey-lavrov",), None),
    C("لافروف قال إن الحوار مستمر.", S, ("sergey-lavrov",)),
    C("فقال لافروف إن الغرب يتحمل المسؤولية.", S, ("sergey-lavrov",)),
    C("قالت الخارجية الروسية إن الاجتماع مفيد. وقالت الوزارة إن الخبراء سيجتمعون.", S, ("russia",), count=1),
    C(
        "أعلنت الخارجية الروسية أن الوفد جاهز. وأعلن ذلك نائب الوزير ميخائيل بوغدانوف.",
        S,
        ("russia",),
        count=1,
    ),
    # statements: negatives (no named speaker, a media outlet, a quotation, a verbal noun)
    C("وقال إن الأوضاع تتحسن.", None),
    C("وقال في تصريح لقناة روسيا اليوم إن الحوار مستمر.", None),
    C(
        "قال لافروف إن الحوار مستمر. وقال في تصريح لقناة روسيا اليوم إن الغرب مسؤول.",
        S,
        ("sergey-lavrov",),
        count=1,
    ),
    C("قالت مصادر دبلوماسية إن الجولة قد تتأجل.", None),
    C("وصرح مسؤول رفيع بأن المحادثات مستمرة.", None),
    C('نشرت الصحيفة مقالا بعنوان "بوتين: قال كلمته الأخيرة" أمس.', None),
    C('وقالت صحيفة "الحياة" إن الوفد سيصل غدا.', None),
    C("وأكدت التقارير أن القصف استمر.", None),
    C("وبحسب مصادر روسية فإن المجلس سيتشكل قريبا.", None),
    C("وافقت الحكومة مقابل تعهد المعارضة بوقف القصف.", None),
    C("وجاءت تصريحات الوزير ردا على تقرير صحفي.", None),
    C("يتوقع أن تستمر الأزمة طويلا.", None),
    C("وقتل عشرة أشخاص في انفجار، وفق ما أفاد به المرصد السوري لحقوق الإنسان.", None),
    # ---- meetings
    C(
        "والتقى لافروف نظيره التركي مولود جاويش أوغلو في موسكو اليوم.",
        M,
        ("sergey-lavrov", "mevlut-cavusoglu"),
        "2017-03-22",
    ),
    C(
        "ويستقبل الرئيس بشار الأسد المبعوث الأممي ستافان دي ميستورا غدا في دمشق.",
        M,
        ("bashar-al-assad", "staffan-de-mistura"),
        "2017-03-23",
        "planned",
    ),
    C(
        "وأجرى بوتين اتصالا هاتفيا مع أردوغان بحث خلاله الوضع في إدلب.",
        M,
        ("vladimir-putin", "recep-tayyip-erdogan"),
    ),
    C(
        "وعقد وزراء خارجية روسيا وتركيا وإيران اجتماعا في موسكو الثلاثاء.",
        M,
        ("russia", "turkey", "iran"),
        "2017-03-21",
    ),
    C(
        "ووصل وزير الخارجية الإيراني محمد جواد ظريف إلى دمشق للقاء الرئيس الأسد.",
        M,
        ("mohammad-javad-zarif", "bashar-al-assad"),
    ),
    C(
        "وسيلتقي لافروف جاويش أوغلو في أنطاليا يوم الجمعة.",
        M,
        ("sergey-lavrov", "mevlut-cavusoglu"),
        "2017-03-24",
        "planned",
    ),
    C(
        "وأدلى الجعفري بتصريحات بعد اجتماع مع المبعوث الأممي ستافان دي ميستورا.",
        M,
        ("bashar-al-jaafari", "staffan-de-mistura"),
    ),
    C("التقى لافروف ظريف في موسكو. وجاء اللقاء بين لافروف وظريف بعد أسبوع من التوتر.", M, count=1),
    C("التقى لافروف ظريف في موسكو الاثنين. والتقى بوتين أردوغان في سوتشي الثلاثاء.", M, count=2),
    C("وقالت الخارجية الروسية إن مسؤولين عقدوا مؤتمرا عبر الفيديو مع نظرائهم الأتراك.", M, ("turkey",)),
    C(
        "التقى لافروف ظريف في موسكو، وقال إن الجولة المقبلة من محادثات أستانا ستعقد في أيار.",
        M,
        ("sergey-lavrov",),
        None,
    ),
    C("التقى لافروف ظريف في موسكو، وقال إن الاتفاق جاهز. وكان ذلك اليوم.", M, ("sergey-lavrov",), None),
    C(
        "وسيلتقي بوتين أردوغان الأسبوع المقبل.",
        M,
        ("vladimir-putin", "recep-tayyip-erdogan"),
        status="planned",
    ),
    C("وقال بيسكوف إن بوتين سيلتقي أردوغان يوم 10 أبريل.", M, ("vladimir-putin",), "2017-04-10", "planned"),
    C("وقال بيسكوف إن بوتين سيلتقي أردوغان يوم 10 أبريل.", S, ("dmitry-peskov",), None),
    C(
        "ويستقبل بوتين اليوم الأربعاء جاويش أوغلو على أن يلتقي لافروف ظريف يوم غد الخميس.",
        M,
        ("vladimir-putin",),
        "2017-03-22",
    ),
    C(
        "ويستقبل بوتين اليوم الأربعاء جاويش أوغلو على أن يلتقي لافروف ظريف يوم غد الخميس.",
        M,
        ("sergey-lavrov",),
        "2017-03-23",
    ),
    # meetings: negatives (a press conference, a metaphor, an intention under study)
    C("وعقد وزير الخارجية الأميركي مؤتمرا صحفيا في واشنطن.", None),
    C("يلتقي نهر دجلة بنهر الفرات جنوب العراق.", None),
    C("وانتهى اللقاء بين فريقي دمشق وحلب بالتعادل.", None),
    C("تلتقي مصالح البلدين في ملف الطاقة.", None),
    C("ويبحث المبعوث الأممي عقد لقاءات مع وفدي الحكومة والمعارضة.", None, absent=(M,)),
    C("وتسعى الأطراف لإجراء محادثات مع الحكومة السورية.", None),
    C("وكان الاجتماع مع الأسرة أجمل لحظات العيد.", None),
    # ---- talks rounds: series, ordinals in every form, spans, plans
    C(
        "وانطلقت الجولة السابعة من محادثات أستانا اليوم الأربعاء.",
        T,
        round=7,
        series="astana",
        date="2017-03-22",
    ),
    C("وتنطلق الجولة الخامسة من مفاوضات جنيف الخميس المقبل.", T, round=5, series="geneva", status="planned"),
    C(
        "وبدأت سابع جولة من محادثات جنيف يوم الاثنين الماضي وتستمر لمدة خمسة أيام.",
        T,
        round=7,
        series="geneva",
        date="2017-03-20/2017-03-24",
    ),
    C(
        "ويسعى المبعوث لعقد جولة ثالثة في جنيف قبل نهاية الشهر المقبل.",
        T,
        round=3,
        series="geneva",
        status="planned",
    ),
    C("وأكد الوفد مشاركته في أستانا-9 الأسبوع المقبل.", T, round=9, series="astana"),
    C("وانتهت جنيف 5 دون اتفاق.", T, round=5, series="geneva"),
    C("وشارك الوفد في الجولة الثامنة من محادثات جنيف.", T, round=8, series="geneva"),
    C("ومن المقرر أن تعقد الجولة المقبلة من مفاوضات جنيف في أبريل.", T, series="geneva", status="planned"),
    C("انطلقت الجولة الرابعة من محادثات جنيف. وقال دي ميستورا إن الجولة الرابعة ستكون صعبة.", T, count=1),
    C(
        "بدأت الجولة الخامسة من محادثات جنيف يوم الاثنين الماضي وتستمر خمسة أيام. "
        "وفي اليوم الثاني من المحادثات قال دي ميستورا إن الأجواء إيجابية.",
        S,
        ("staffan-de-mistura",),
        "2017-03-21",
    ),
    # talks rounds: negatives (a possibility, counted rounds, a tour, background)
    C("وقد تبدأ الجولة الجديدة من المفاوضات في أي وقت.", None),
    C("وعقدت حتى الآن ثلاث جولات من المفاوضات دون نتيجة.", None),
    C("وقام الوزير بجولة في المنطقة شملت الرياض وعمان.", None),
    C("ولا تربط الأمم المتحدة استئناف المفاوضات بأي شرط.", None),
    C("وعقدت جولتان من المفاوضات في جنيف منذ بداية العام.", None),
    C("ويذكر أن الجولة السابعة من محادثات أستانا عقدت في أكتوبر الماضي.", None),
    C("تجدر الإشارة إلى أن روسيا وتركيا وقعتا اتفاقا في أيلول.", None),
    # ---- proposals
    C("وقدمت فرنسا مشروع قرار إلى مجلس الأمن بشأن حلب.", P, ("france",)),
    C("وطرحت موسكو خطة من أربع نقاط لوقف القتال.", P, ("russia",)),
    C('ونشرت صحيفة "كوميرسانت" الروسية مسودة الاتفاق بين البلدين.', P, status="reported"),
    C("وبحسب الصحيفة، تنص الخطة الأميركية على انسحاب تدريجي.", P, ("united-states",), status="reported"),
    C("واقترح الرئيس الروسي عقد مؤتمر للحوار الوطني.", P, ("vladimir-putin",)),
    # proposals: negatives (merely mentioned, or what a speaker says he proposed)
    C("ويمنح المقترح الأطراف مهلة شهر للرد.", None),
    C("وبحسب الخطة المعروفة منذ العام الماضي يتم تقاسم المسؤولية.", None),
    C("وقال لافروف إنه اقترح أن يناقش الخبراء الأمر.", S, absent=(P,)),
    C("ودافع الوزير عن الخطة رغم الانتقادات.", None),
    # ---- agreements
    C("واتفقت روسيا وتركيا على إقامة منطقة منزوعة السلاح في إدلب.", A, ("russia", "turkey")),
    C("ووقعت الحكومة والفصائل اتفاقا لوقف إطلاق النار في الغوطة.", A),
    C("وتوصلت روسيا وتركيا إلى اتفاق بشأن إدلب أمس.", A, ("russia", "turkey"), "2017-03-21"),
    C("وصمدت الهدنة منذ بدء تطبيقها في 30 كانون الأول.", A, date="2016-12-30"),
    C("ووقع البلدان مذكرة تفاهم تم التصديق عليها في 2015.", A, date="2015", count=1),
    C("واتفق وزيرا الدفاع الروسي والتركي خلال اجتماع عقد في أنقرة على تسيير دوريات.", M, absent=(A,)),
    C("وتوصلت روسيا وتركيا إلى اتفاق في ١٧ أيلول.", A, ("russia",), "2016-09-17"),
    # agreements: negatives
    C("ويتفق الوزير مع نظيره على ضرورة الإسراع في الحل.", None),
    C("وتأمل الأطراف التوصل إلى صيغة للانتقال السياسي.", None),
    C("ودعا إلى بدء تطبيق المرحلة الانتقالية.", None, absent=(A,)),
    # ---- military
    C("وشنت طائرات روسية غارات على ريف إدلب أمس.", X, ("russia",), "2017-03-21"),
    C("وشن تنظيم الدولة هجوما على مواقع الجيش.", X, ("isis",)),
    C("وقصفت قوات النظام بلدات في ريف حماة.", X),
    C("وشنت طائرات روسية غارات على إدلب. وشنت فصائل المعارضة هجوما على حماة.", X, count=2),
    C("وشنت المعارضة هجوما واسعا هذا الأسبوع حيث هاجمت مواقع قرب حماة.", X, count=1, date="2017-W12"),
    # military: negatives
    C("وحذر الوزير من أي هجوم على المدينة.", None, absent=(X,)),
    C("ودعا إلى عدم استهداف المدنيين.", None, absent=(X,)),
    C("وأعلن البدء الوشيك لمعركة استعادة الرقة.", None, absent=(X,)),
    C("وتسيطر القوات الحكومية على المدينة منذ عامين.", None),
    # ---- media reports
    C('وكشفت صحيفة "الحياة" عن خلافات داخل وفد المعارضة.', R, status="reported"),
    C("وكشف الوزير عن زيارة قريبة إلى موسكو.", None),
    # ---- English
    C(
        "Russian Foreign Minister Sergey Lavrov said on Monday that Moscow was ready for talks.",
        S,
        ("sergey-lavrov",),
        "2017-03-20",
        lang="en",
    ),
    C("The Kremlin said the meeting had been useful.", S, ("russia",), lang="en"),
    C('"We are making progress," Cavusoglu told reporters.', S, ("mevlut-cavusoglu",), lang="en"),
    C(
        "Lavrov, speaking at a news conference with Cavusoglu in Moscow, said the talks went well.",
        S,
        ("sergey-lavrov",),
        lang="en",
        count=1,
    ),
    C(
        "Lavrov said the truce held. He added that more talks were needed.",
        S,
        ("sergey-lavrov",),
        lang="en",
        count=1,
    ),
    C("The newspaper said the plan was ready.", None, lang="en"),
    C("Sources said the meeting had been postponed.", None, lang="en"),
    C("He said the talks would go on.", None, lang="en"),
    C('The newspaper ran the headline "Lavrov said no" on its front page.', None, lang="en"),
    C(
        "White House spokesman Josh Earnest declined to comment on the report.",
        S,
        ("josh-earnest",),
        lang="en",
    ),
    C("John Kerry met Vladimir Putin in Moscow on Thursday.", M, ("john-kerry", "vladimir-putin"), lang="en"),
    C("The plan met with widespread skepticism.", None, lang="en"),
    C("The ninth round of talks in Astana ended on Tuesday.", T, round=9, series="astana", lang="en"),
    C("Geneva V opened on Thursday.", T, round=5, series="geneva", lang="en"),
    C("A new round of talks may start at any time.", None, lang="en"),
    C("He won the first round of the election.", None, lang="en"),
    C("France put forward a draft resolution on Aleppo.", P, ("france",), lang="en"),
    C("Under the plan, aid would reach the city.", None, lang="en"),
    C("The Washington Post published a draft of the proposal.", P, status="reported", lang="en"),
    C("Russia and Turkey signed an agreement on Idlib.", A, ("russia", "turkey"), lang="en"),
    C("The ceasefire took effect at midnight.", A, lang="en"),
    C("They hope for an agreement soon.", None, lang="en"),
    C("Russian jets launched airstrikes on rural Hama.", X, ("russia",), lang="en"),
    C(
        "According to the Washington Post, Kerry met Lavrov secretly in Geneva.",
        M,
        status="reported",
        lang="en",
    ),
    C("وبحسب صحيفة الحياة، التقى لافروف جاويش أوغلو سرا في سوتشي.", M, status="reported"),
    C("He warned against any attack on the city.", None, lang="en"),
]


def _label(case: C) -> str:
    return f"{case.type or 'none'}:{case.text[:40]}"


def check_act(case: C) -> None:
    """The case's type is found and fits (`type=None`: only the `absent` types are checked)."""
    events = run(case.text, case.lang, case.published)
    found = [(e.type, e.status, [a.id for a in e.actors], e.date.value if e.date else None) for e in events]
    for kind in case.absent:
        assert all(e.type != kind for e in events), found
    if case.type is None:
        return
    assert any(_fits(e, case) for e in events if e.type == case.type), found
    if case.count is not None:
        assert sum(1 for e in events if e.type == case.type) == case.count, found


def check_case(case: C) -> None:
    """As check_act, but a case with `type=None` and nothing `absent` must find no event at all."""
    events = run(case.text, case.lang, case.published)
    found = [
        (e.type, e.round, e.series, [a.id for a in e.actors], e.date.value if e.date else None)
        for e in events
    ]
    for kind in case.absent:
        assert all(e.type != kind for e in events), found
    if case.type is None:
        assert not [e for e in events if not case.absent or e.type in case.absent], found
        return
    of_type = [e for e in events if e.type == case.type]
    assert any(_fits(e, case) for e in of_type), found
    if case.count is not None:
        assert len(of_type) == case.count, found


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_case(case: C) -> None:
    check_case(case)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 120
    assert sum(1 for c in CASES if c.type is None or c.absent) >= 30
    assert sum(1 for c in CASES if c.lang == "en") >= 20
