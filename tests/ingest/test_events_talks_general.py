"""Talks rounds and meetings told in prose the rules were not tuned on: agency wire, official tone,
analysis, live blogs (sentences written for this project), with the negatives beside them."""

from __future__ import annotations

import pytest

from tests.ingest.test_events_cases import C, M, T, _label, check_case

CASES = [
    # ---- the state the talks are about stands for the sides of its conflict, not for the state
    C(
        "The eighth round of talks on Syria opened in Astana on Wednesday.",
        T,
        ("syrian-government", "syrian-opposition"),
        not_actors=("syria",),
        lang="en",
    ),
    C(
        "وتنطلق غدا في جنيف الجولة الجديدة من المفاوضات السورية.",
        T,
        ("syrian-government", "syrian-opposition"),
        not_actors=("syria",),
    ),
    # ---- a series named by its venue or its official name
    C("وتنطلق في العاصمة الكازاخية الخميس المقبل الجولة الثامنة من المحادثات.", T, round=8, series="astana"),
    C("واختتم في نور سلطان الاجتماع الدولي العاشر حول سوريا بصيغة أستانا.", T, round=10, series="astana"),
    C("The talks in the Austrian capital opened on Friday.", T, series="vienna", lang="en"),
    C(
        "The next round of talks in Kazakhstan's capital is scheduled for late January.",
        T,
        series="astana",
        lang="en",
    ),
    # ---- "his meeting" when the one it belongs to speaks after it
    C(
        "وفي لقاء جمعه بوزير الخارجية الإيراني محمد جواد ظريف، أكد الرئيس بشار الأسد أن التنسيق مستمر.",
        M,
        ("bashar-al-assad", "mohammad-javad-zarif"),
    ),
    # ---- a light verb before a noun trigger leaves the subject to the clause before ("…، ويجري محادثات")
    C(
        "ووصل وزير الخارجية السعودي عادل الجبير إلى لوزان، ويجري محادثات مع نظيره الأميركي جون كيري.",
        M,
        ("adel-al-jubeir", "john-kerry"),
    ),
    # ---- rounds told as background with their dates
    C("وكانت أبرز محطات مسار أستانا الجولة الرابعة (3 و4 أيار 2017).", T, round=4, series="astana"),
    C(
        "The Geneva II conference that opened in Montreux on Jan. 22, 2014 failed.",
        T,
        series="geneva",
        lang="en",
    ),
    # ---- the series of an article whose venue is named on its own is the series it hosts
    C(
        "اختتمت في جنيف الدورة الثالثة لاجتماعات اللجنة الدستورية. وانطلقت الاجتماعات في قصر الأمم. "
        "وقال المبعوث في جنيف إن الأجواء إيجابية. وكانت الدورة الثانية قد انتهت في نهاية تشرين الثاني.",
        T,
        round=2,
        series="constitutional-committee",
    ),
    # ---- a round the speaker intends ("معربا عن نيته الدعوة إلى جولة") is the speaker's
    C(
        "وقال المبعوث الأممي ستافان دي ميستورا إن الأطراف أمام جدول أعمال واضح، "
        "معربا عن نيته الدعوة إلى جولة خامسة في جنيف الشهر المقبل.",
        T,
        ("staffan-de-mistura",),
        round=5,
        status="planned",
    ),
    # ---- "the two leaders": the last two people named, a paragraph or more before, never two states
    C(
        "Vladimir Putin told reporters the deal was a good basis. "
        "Recep Tayyip Erdogan said Turkey would respond. "
        "The Kremlin meeting came after an airstrike. Turkey responded with strikes. "
        "The two leaders last met in Istanbul in January.",
        M,
        ("vladimir-putin", "recep-tayyip-erdogan"),
        not_actors=("russia", "turkey"),
        lang="en",
    ),
    # ---- "the two delegations" met by the envoy are the two sides at the table
    C(
        "وقال المبعوث الأممي ستافان دي ميستورا في مؤتمر صحافي عقب لقائه الوفدين إن المحادثات صعبة.",
        M,
        ("staffan-de-mistura", "syrian-government", "syrian-opposition"),
    ),
    # ---- talks after the main clause are held by all of its subjects
    C(
        "Vladimir Putin and Recep Tayyip Erdogan agreed on a cease-fire in Idlib, "
        "after talks in the Kremlin that lasted more than six hours.",
        M,
        ("vladimir-putin", "recep-tayyip-erdogan"),
        lang="en",
    ),
    # ---- negatives: a meeting nobody plans, a round of something else
    C("ولا توجد خطط لعقد لقاء بين بوتين وترامب.", None, absent=(M,)),
    C("واختتمت الدورة الرابعة من مهرجان جنيف السينمائي أمس.", None, absent=(T,)),
    C("Turnout was low in the second round of the vote in Vienna.", None, absent=(T,), lang="en"),
]


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_case(case: C) -> None:
    check_case(case)
