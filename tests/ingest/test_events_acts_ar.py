"""Arabic acts other than statements: agreements, military actions, talks rounds, meetings, proposals.

Sentences written for this project to cover each pattern family (verb-first and nominal forms,
words between the verb and its object, dual and plural inflections) and the look-alikes that are
not events: a ceasefire merely mentioned or called for, a league round, a number that is not a
round, a plan merely mentioned, an attack reported as a denial. Each case runs the real stages
(time expressions, the built-in knowledge base, the trigger rules); the helpers come from
test_events_cases. The article is published on Wednesday 22 March 2017.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_events_cases import ANY, C, _fits, run

A, X, T, M, P, S = "agreement", "military", "talks_round", "meeting", "proposal", "statement"

CASES = [
    # ---- agreements: signing, reaching, taking effect, adopting, ratifying
    C(
        "ووقعت أنقرة وموسكو، مساء أمس، في العاصمة الروسية، اتفاقا لإنشاء ممر إنساني.",
        A,
        ("turkey", "russia"),
        "2017-03-21",
    ),
    C(
        "وتوصلت الحكومة السورية والمعارضة بعد أسبوع من المحادثات إلى اتفاق لإخلاء الحي.",
        A,
        ("syrian-opposition",),
    ),
    C("وأعلنت طهران وموسكو اتفاقهما على تبادل المعلومات العسكرية.", A, ("iran", "russia")),
    C("وتوافقت القوى الثلاث خلال الاجتماع على تشكيل فريق للمراقبة.", A),
    C("ودخلت الهدنة حيز التنفيذ في ريف حمص الشمالي منتصف ليل الاثنين.", A, date="2017-03-20"),
    C(
        "ووقعت روسيا وتركيا أمس مذكرة لإقامة منطقة آمنة. "
        "وتشمل المذكرة ثلاث بلدات، على أن يبدأ سريانها يوم الجمعة.",
        A,
        ("russia", "turkey"),
        "2017-03-24",
        status="planned",
    ),
    C(
        "وأمر الرئيس الروسي فلاديمير بوتين بهدنة في المدينة تبدأ غدا.",
        A,
        ("vladimir-putin",),
        "2017-03-23",
        status="planned",
    ),
    C(
        "واعتمد مجلس الأمن الدولي بالإجماع أمس قرارا يدعم محادثات أستانا.",
        A,
        ("un-security-council",),
        "2017-03-21",
    ),
    C("وصادق البرلمان الإيراني أمس على اتفاقية التعاون العسكري مع روسيا.", A, ("iran",), "2017-03-21"),
    C("وكانت تهدئة رعاها البلدان قد بدأت في العاشر من الشهر الماضي.", A),
    C("واختتم الاجتماع الثلاثي أعماله بالاتفاق على تبادل جثث القتلى.", A),
    # agreements: look-alikes
    C("ودعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار في حلب.", None, absent=(A,)),
    C("وطالبت المعارضة بأن تدخل الهدنة حيز التنفيذ دون تأخير.", None, absent=(A,)),
    C("وأكد الوزير أن وقف إطلاق النار هش في معظم المناطق.", None, absent=(A,)),
    C("وفشلت الوفود في التوصل إلى اتفاق حول مصير المعتقلين.", None, absent=(A,)),
    C("ووقعت مواجهات عنيفة بعد ساعات من إعلان الهدنة.", None, absent=(A,)),
    C("واستخدمت موسكو حق النقض ضد مشروع القرار في مجلس الأمن.", None, absent=(A,)),
    C("وبدأ سريان القانون الجديد للاستثمار أمس.", None, absent=(A,)),
    C("ولم تتفق الوفود على موعد الجولة المقبلة.", None, absent=(A,)),
    # ---- military actions
    C("وشنت الطائرات الروسية أمس سلسلة غارات على بلدات في ريف إدلب الجنوبي.", X, ("russia",), "2017-03-21"),
    C("وبدأ الجيش التركي حملة قصف على مواقع الوحدات الكردية في عفرين.", X, ("turkey",)),
    C("وواصلت قوات النظام قصفها لأحياء درعا البلد لليوم الثالث.", X, ("syrian-government",)),
    C("وتعيش البلدتان تحت حصار تفرضه فصائل المعارضة منذ عام 2015.", X, ("syrian-opposition",), "2015"),
    C("وقتل سبعة مدنيين جراء قصف مدفعي على سوق شعبية في دوما أمس.", X, date="2017-03-21"),
    C("وسيطرت فصائل المعارضة على قرية جديدة في ريف حماة الشمالي.", X, ("syrian-opposition",)),
    C("واستعادت القوات الحكومية السيطرة على مدينة تدمر بدعم جوي روسي.", X, ("syrian-government",)),
    C("واقتحمت القوات التركية بلدة جنديرس فجر اليوم.", X, ("turkey",), "2017-03-22"),
    C("وتعرضت قافلة مساعدات لقصف قرب حلب أمس.", X, date="2017-03-21"),
    C("وأطلقت البوارج الأميركية عشرات الصواريخ على مطار عسكري في ريف حمص.", X, ("united-states",)),
    C("وجاء القرار بعد أسبوع من الهجوم الكيميائي على بلدة في ريف حماة.", X),
    # military: look-alikes
    C("ونفت وزارة الدفاع الروسية أن تكون طائراتها قصفت مدرسة في إدلب.", S, absent=(X,)),
    C("ودعت الأمم المتحدة الأطراف إلى وقف القصف على الأحياء السكنية.", None, absent=(X,)),
    C("وحذرت أنقرة من أي هجوم على إدلب.", None, absent=(X,)),
    C("وأطلقت وزارة الصحة حملة تطعيم في المخيمات.", None, absent=(X,)),
    C("وبدأت الأحزاب التركية حملة انتخابية قبل الاستفتاء.", None, absent=(X,)),
    C("وطالبت المنظمة برفع الحصار المفروض على البلدات الأربع.", None, absent=(X,)),
    C("ونددت باريس بالهجوم الكيميائي على البلدة.", None, absent=(X,)),
    C("وأطلقت السلطات سراح عشرات المعتقلين أمس.", None, absent=(X,)),
    # ---- talks rounds
    C(
        "وانطلقت صباح اليوم في أستانا محادثات بين وفدي الحكومة والفصائل.",
        T,
        date="2017-03-22",
        series="astana",
    ),
    C(
        "واختتمت أمس في جنيف الجولة الخامسة من المفاوضات السورية.",
        T,
        date="2017-03-21",
        round=5,
        series="geneva",
    ),
    C("واستؤنفت أمس في جنيف المفاوضات بين الوفود السورية.", T, date="2017-03-21", series="geneva"),
    C(
        "وأعلن المبعوث أن الجولة المقبلة من محادثات جنيف ستعقد منتصف الشهر المقبل.",
        T,
        status="planned",
        series="geneva",
    ),
    C("وانطلقت أمس في جنيف أعمال الاجتماع الأول للجنة الدستورية.", T, date="2017-03-21"),
    C(
        "ومن المقرر أن تبدأ الهيئة المصغرة للجنة الدستورية جلساتها الشهر المقبل.",
        T,
        date="2017-04",
        status="planned",
    ),
    C("واختتم مؤتمر الحوار الوطني أعماله في سوتشي أمس.", T, date="2017-03-21", series="sochi"),
    # talks: look-alikes
    C("وتنطلق الجولة الرابعة من الدوري السوري يوم السبت.", None, absent=(T,)),
    C("وستعقد الجولة المقبلة من الانتخابات البلدية في أيار.", None, absent=(T,)),
    C("وقام وزير الخارجية بجولة في المنطقة شملت خمس دول.", None, absent=(T,)),
    C("وقال المبعوث الأممي ستافان دي ميستورا إن التهدئة تمهد لاستئناف المفاوضات.", S, absent=(T,)),
    C("وبدأت اللجنة الأولمبية أعمالها أمس.", None, absent=(T,)),
    # ---- meetings
    C(
        "وكان وزراء خارجية روسيا وتركيا وإيران قد اجتمعوا في جنيف أمس.",
        M,
        ("russia", "turkey", "iran"),
        "2017-03-21",
    ),
    C("وكان وزيرا خارجية روسيا وتركيا قد اجتمعا في موسكو أمس.", M, ("russia", "turkey"), "2017-03-21"),
    C("ويلتقي الرئيس الروسي نظيره التركي في سوتشي الأسبوع المقبل.", M, ("turkey",), status="planned"),
    C("وبحث لافروف هاتفيا مع نظيره التركي الوضع في إدلب.", M, ("sergey-lavrov", "turkey")),
    C("وأجرى الرئيس الفرنسي محادثات هاتفية مع نظيره الروسي أمس.", M, ("russia",), "2017-03-21"),
    C(
        "وزار وزير الخارجية التركي مولود جاويش أوغلو طهران أمس.",
        M,
        ("mevlut-cavusoglu", "iran"),
        "2017-03-21",
    ),
    C("وكان الرئيس الإيراني قد دعا إلى عقد قمة بعد محادثات مع نظيره الروسي.", M, ("russia",)),
    C(
        "ووصل الرئيس التركي رجب طيب أردوغان إلى طهران أمس في زيارة رسمية.",
        M,
        ("recep-tayyip-erdogan", "iran"),
    ),
    C("وأكدت الرئاسة التركية أن قمة ثلاثية ستجمع رؤساء تركيا وروسيا وإيران في أنقرة.", M, ("russia", "iran")),
    C(
        "ووصل وزير الخارجية التركي مولود جاويش أوغلو إلى دمشق أمس، والتقى الرئيس السوري بشار الأسد.",
        M,
        ("mevlut-cavusoglu", "bashar-al-assad"),
    ),
    C(
        "وقال الرئيس الروسي فلاديمير بوتين إن بلاده تدعم الحل، مضيفا أنه بحث الأمر هاتفيا مع نظيره الإيراني.",
        M,
        ("vladimir-putin", "iran"),
    ),
    C(
        "وانطلقت أمس في فيينا محادثات جديدة، بمشاركة روسيا والولايات المتحدة، "
        "وبحضور المبعوث الأممي ستافان دي ميستورا.",
        T,
        ("russia", "staffan-de-mistura"),
    ),
    # meetings: look-alikes
    C("ودعت فرنسا إلى إجراء محادثات مع الحكومة السورية.", None, absent=(M,)),
    C("وزار الوزير مخيما للنازحين في الشمال.", None, absent=(M,)),
    # ---- proposals
    C("وكان الوفد الروسي قد وزع على الوفود مسودة البيان الختامي.", P, ("russia",)),
    C("وطرحت المعارضة السورية ورقة من عشر نقاط خلال المحادثات.", P, ("syrian-opposition",)),
    C("وقال رئيس وفد المعارضة إن الفصائل قدمت للجانب التركي مقترحا مكتوبا.", P),
    C("وتنص المبادرة الروسية الجديدة على انسحاب المقاتلين من الأحياء الشرقية.", P, ("russia",)),
    C("وتشمل الهدنة التي جرى التوصل إليها أمس أحياء حمص القديمة.", A),
    # proposals: look-alikes
    C("وأشار الوزير إلى خطة السلام التي أعلنت العام الماضي.", None, absent=(P,)),
    C("ودعت واشنطن موسكو إلى تقديم خطة واضحة.", None, absent=(P,)),
    C("ولم تقدم الحكومة أي مقترح حتى الآن.", None, absent=(P,)),
    C("وتنص الخطة على إعادة الإعمار خلال عشر سنوات.", None, absent=(P,)),
    # ---- media reports: an agency relaying a statement is the statement's source
    C("وذكرت وكالة الأنباء الرسمية أن وليد المعلم أكد خلال اللقاء دعم بلاده للحل.", S, absent=("report",)),
]


def _label(case: C) -> str:
    return f"{case.type or 'none'}:{case.text[:40]}"


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_act(case: C) -> None:
    events = run(case.text, case.lang, case.published)
    found = [(e.type, e.status, [a.id for a in e.actors], e.date.value if e.date else None) for e in events]
    for kind in case.absent:
        assert all(e.type != kind for e in events), found
    if case.type is None:
        return
    assert any(_fits(e, case) for e in events if e.type == case.type), found


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if c.absent) >= 15
    assert ANY is not None
