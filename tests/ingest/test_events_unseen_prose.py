"""Agreements, military acts, proposals and statements told in prose the rules were not written on.

Sentences written for this project, in several registers (wire, official agency, opposition outlet,
analysis, live blog), each with look-alikes that are no such event: negated, hoped-for, conditional or
merely mentioned acts. Each case runs the real stages; the helpers come from test_events_cases. The
article is published on Wednesday 22 March 2017 unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_events_cases import C, _label, check_act

A, X, T, M, P, S, R = "agreement", "military", "talks_round", "meeting", "proposal", "statement", "report"

CASES = [
    # ---- announcing a deal is the deal: no statement beside it; announcing others' deal is a statement
    C("وأعلنت أنقرة وموسكو مساء أمس اتفاقا لإجلاء المدنيين من حلب.", A, ("turkey", "russia"), absent=(S,)),
    C(
        "أعلن وزيرا الخارجية الروسي والتركي في ختام لقائهما التوصل إلى اتفاق بشأن المعبر.",
        A,
        ("russia", "turkey"),
        absent=(S,),
    ),
    C("وأعلن المبعوث الأممي توصل الحكومة والمعارضة إلى اتفاق على جدول الأعمال.", S),
    C("وأعلن وزيرا الخارجية الروسي سيرغي لافروف والأميركي جون كيري التوصل إلى تفاهم.", A, absent=(S,)),
    C("ويتوقع دبلوماسيون أن تعلن موسكو وأنقرة اتفاقا خلال أيام.", None, absent=(A,)),
    C(
        "Moscow and Ankara announced a deal late on Monday to evacuate the wounded.",
        A,
        ("russia", "turkey"),
        absent=(S,),
        lang="en",
    ),
    C("The two ministers did not announce any agreement after the meeting.", None, absent=(A,), lang="en"),
    # ---- a party that accepts a deal or a plan agrees to it
    C("وأعلنت هيئة التفاوض موافقتها على الورقة الأممية، وفق ما نقلت وكالة محلية.", A, ("syrian-opposition",)),
    C("ووافقت الحكومة السورية على الهدنة الإنسانية في الغوطة.", A, ("syrian-government",)),
    C("ولم توافق الحكومة السورية على الهدنة الإنسانية.", None, absent=(A,)),
    C("وقال الوزير إن دمشق قد توافق على الخطة إذا تغيرت بنودها.", None, absent=(A,)),
    # ---- the deal, then who agreed or announced it
    C("وتعثرت الهدنة التي توافقت عليها الدول الضامنة في أستانا.", A, ("astana-guarantors",)),
    C("وصمدت التهدئة التي أعلنتها روسيا في درعا أسبوعا واحدا.", A, ("russia",)),
    C("وانتقد المعارض السياسة التي أعلنتها الحكومة في الجنوب.", None, absent=(A,)),
    C(
        "The roadmap the United States and Russia endorsed in Vienna sets a six-month deadline.",
        A,
        lang="en",
    ),
    # a deal made and, after "and", taking effect on another day: two points on the timeline
    C("ووقع الطرفان المذكرة في أنقرة يوم الاثنين ودخلت حيز التنفيذ صباح الثلاثاء.", A, count=2),
    C("ووقع الطرفان المذكرة في أنقرة يوم الاثنين بحضور الوسطاء.", A, count=1),
    # ---- an English clause that opens with its verb takes the sentence's subject, a list of names too
    C(
        "Russia, Turkey and Iran closed the round in Astana on Thursday, agreeing to extend the zones.",
        A,
        ("russia", "turkey", "iran"),
        "2017-03-16",
        lang="en",
    ),
    C("The round closed on Thursday without the delegations agreeing.", None, absent=(A,), lang="en"),
    # ---- a truce from a day, or due to start on one
    C("The deal includes a truce from Friday across the south.", A, status="planned", lang="en"),
    C("The cease-fire is due to take effect at sunset on Friday.", A, status="planned", lang="en"),
    C("The opposition called for a truce from Friday.", None, absent=(A,), lang="en"),
    # ---- a document that calls for something does not speak
    C(
        "The ministers signed off on a declaration calling for free elections.",
        A,
        absent=(S,),
        lang="en",
    ),
    # ---- strikes that go on, answer force with force, or are claimed; feared ones are none
    C("وواصلت قوات الأسد قصف الأحياء الشرقية من المدينة.", X, ("syrian-government",)),
    C("ودعت أنقرة إلى وقف قصف البلدات الحدودية.", None, absent=(X,)),
    C("فيما ردت الفصائل المسلحة بقصف مواقع للجيش قرب المطار.", X, ("syrian-opposition",), absent=(S,)),
    C("وهدد الجيش بأنه سيرد بقصف أي موقع يطلق منه النار.", None, absent=(X,)),
    C("وتخشى الأمم المتحدة أن يشن الجيش هجوما واسعا على المدينة.", None, absent=(X,)),
    C("وقتل ثلاثون عنصرا في الهجوم، وهو هجوم تبنته «هيئة تحرير الشام».", X, ("nusra-front",)),
    # the attack in a relative clause: whoever condemns it is not its actor
    C(
        "ودان وزير الخارجية السوري وليد المعلم الهجوم الذي استهدف حافلة في حمص.",
        X,
        not_actors=("walid-al-muallem",),
    ),
    C("Russian and Syrian jets kept up raids on the southern towns overnight.", X, ("russia",), lang="en"),
    C(
        "Turkey retaliated with a barrage of artillery fire on Syrian army posts.",
        X,
        ("turkey",),
        absent=(S,),
        lang="en",
    ),
    C("Islamic State claimed responsibility for the bombing.", X, ("isis",), absent=(S,), lang="en"),
    # whose forces struck, named by the word before the strike
    C("Government shelling of the enclave killed nine on Tuesday.", X, ("syrian-government",), lang="en"),
    C("Heavy shelling hit the old city on Monday.", X, not_actors=("syrian-government",), lang="en"),
    C("No group has claimed responsibility for the blast.", None, absent=(X, S), lang="en"),
    C("Residents fear that the army will launch an offensive on the town.", None, absent=(X,), lang="en"),
    # ---- statements: an adjective spelt like a participle of saying, a plural verb's object, "told X"
    C("وانطلقت الجلسة وسط إجراءات أمنية مشددة، وفق ما أفاد مراسلنا.", None, absent=(S,)),
    C("وقاطع وفد المعارضة الجلسة معتبرا أنها لا تخدم الحل.", S, ("syrian-opposition",)),
    C(
        "واجتمع المشاركون في القاعة الكبرى، وأكدوا الالتزام بسيادة الجمهورية العربية السورية.",
        None,
        absent=(S,),
    ),
    C(
        '"The track is humanitarian," Alexander Lavrentiev, who led the delegation, told Russian agencies.',
        S,
        ("alexander-lavrentiev",),
        not_actors=("russia",),
        lang="en",
    ),
    C("وأعلنت الهيئة رفضها للمقترح الأميركي.", None, absent=(S,)),
    C("وأعلنت الخارجية الروسية رفضها للمقترح الأميركي.", S, ("russia",), not_actors=("united-states",)),
    # ---- proposals put forward by a delegation named as the government's
    C("وقدم الوفد المدعوم من الحكومة ورقة حول مكافحة الإرهاب.", P, ("syrian-government-delegation",)),
    C("ولم يقدم الوفد الحكومي أي ورقة خلال الجلسة.", None, absent=(P,)),
    C("Washington offered Moscow a plan to share intelligence.", P, ("united-states",), lang="en"),
    C("The opposition did not present any proposal at the talks.", None, absent=(P,), lang="en"),
]


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_unseen_prose(case: C) -> None:
    check_act(case)
