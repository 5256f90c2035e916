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
]


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_unseen_prose(case: C) -> None:
    check_act(case)
