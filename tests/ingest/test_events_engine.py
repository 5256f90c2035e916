"""The event engine's own checks (cues, grouping, clause regions, the governing date) on sentences written
for this project, in both languages: each family with positives and negatives.

Each case runs the real stages (timex.tag, the built-in knowledge base, the trigger rules) on one short
article published on Wednesday 22 March 2017.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest import timex
from app.ingest.event_rules import cue
from app.ingest.events import extract
from app.ingest.knowledge import load_kb
from app.ingest.normalize import fold_text
from app.ingest.records import ExtractedEvent, RawArticle

WED = date(2017, 3, 22)
ANY = object()


def run(text: str, lang: str = "en") -> list[ExtractedEvent]:
    article = RawArticle(f"engine-{lang}.txt", text, f"engine-{lang}.txt", WED, lang)
    return extract(article, timex.tag(text, WED, lang), load_kb())


def of_type(events: list[ExtractedEvent], kind: str) -> list[ExtractedEvent]:
    return [e for e in events if e.type == kind]


def ids(ev: ExtractedEvent) -> set[str]:
    return {a.id for a in ev.actors}


# ---- cues: the month May is no modal; "would" elsewhere in the clause is no plan


@pytest.mark.parametrize(
    "text",
    [
        "The talks may resume in Geneva next week.",
        "Both sides may meet again after the holiday.",
        "Officials said the round may be delayed.",
    ],
)
def test_modal_may_is_speculative(text: str) -> None:
    assert cue("speculative", "en").search(fold_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The sixth round opened in Astana on May 16.",
        "Talks held in May ended without a deal.",
        "On Tuesday, May 9, the delegations met.",
        "Since May the truce has largely held.",
        "Fighting resumed in late May and June.",
        "The envoy met both delegations on 4 May.",
    ],
)
def test_month_may_is_not_speculative(text: str) -> None:
    assert not cue("speculative", "en").search(fold_text(text))


def test_talks_on_a_day_in_may_are_kept() -> None:
    events = run("A new round of Astana talks opened on May 3 with delegations of Russia, Turkey and Iran.")
    rounds = of_type(events, "talks_round")
    assert rounds and rounds[0].date is not None and rounds[0].date.value == "2017-05-03"


def test_would_in_reported_words_does_not_make_a_call_planned() -> None:
    events = run("Putin told Obama in a phone call on Tuesday that Russia would not accept the plan.")
    meetings = of_type(events, "meeting")
    assert meetings and meetings[0].status == "occurred"


def test_would_meet_is_planned() -> None:
    events = run("The Kremlin said Putin would meet Erdogan in Sochi on Friday, March 31.")
    meetings = of_type(events, "meeting")
    assert meetings and meetings[0].status == "planned"


@pytest.mark.parametrize(
    "text",
    ["Both delegations met the envoy.", "The warring sides agreed to a pause.", "the two parties signed"],
)
def test_dual_anaphor_english(text: str) -> None:
    assert cue("dual_anaphor", "en").search(fold_text(text))


@pytest.mark.parametrize("text", ["Both men spoke.", "The two-day talks ended.", "both of them"])
def test_dual_anaphor_english_negatives(text: str) -> None:
    assert not cue("dual_anaphor", "en").search(fold_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "according to the official Syrian news agency",
        "according to a report carried by the Lebanese daily",
        "Turkish media reported that troops had crossed",
    ],
)
def test_media_report(text: str) -> None:
    assert cue("media", "en").search(fold_text(text))


@pytest.mark.parametrize("text", ["according to a senior Western diplomat", "according to the envoy"])
def test_media_report_negatives(text: str) -> None:
    assert not cue("media", "en").search(fold_text(text))


# ---- grouping: one act told twice, not two acts sharing one party


def test_one_person_meeting_two_counterparts_is_two_meetings() -> None:
    events = run(
        "Lavrov met Zarif in Moscow on Monday. Later on Monday, Lavrov met Cavusoglu to discuss the truce."
    )
    meetings = of_type(events, "meeting")
    assert len(meetings) == 2
    assert {frozenset(ids(m)) for m in meetings} >= {
        frozenset({"sergey-lavrov", "mohammad-javad-zarif"}),
        frozenset({"sergey-lavrov", "mevlut-cavusoglu"}),
    }


def test_one_meeting_told_twice_is_one_event() -> None:
    events = run(
        "Lavrov met Zarif in Moscow on Monday. During the meeting, Lavrov told Zarif the truce must hold."
    )
    assert len(of_type(events, "meeting")) == 1


def test_arabic_meetings_with_two_counterparts() -> None:
    text = (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني محمد جواد ظريف في موسكو الاثنين. "
        "والتقى لافروف بعد ذلك وزير الخارجية التركي مولود جاويش أوغلو."
    )
    meetings = of_type(run(text, "ar"), "meeting")
    assert len(meetings) == 2


def test_agreement_with_no_party_far_away_stays_apart() -> None:
    text = (
        "Russia and Turkey signed a memorandum on Idlib in Sochi on Monday. "
        "The opposition said it would study the text. "
        "Fighting went on in the south. "
        "The United Nations said aid would follow. "
        "A separate truce took effect in the eastern suburbs on Sunday."
    )
    agreements = of_type(run(text), "agreement")
    assert len(agreements) == 2


# ---- regions: a list of names before the verb, a trigger running over a comma, the apposed date


def test_list_of_states_before_the_verb() -> None:
    events = run(
        "The United States, Britain and France launched strikes on Syrian chemical sites on Saturday."
    )
    strikes = of_type(events, "military")
    assert strikes and {"united-states", "united-kingdom", "france"} <= ids(strikes[0])


def test_arabic_list_of_states_before_the_verb() -> None:
    text = "روسيا، وتركيا وإيران وقعت مذكرة لإنشاء مناطق تخفيف التصعيد في أستانا الخميس."
    agreements = of_type(run(text, "ar"), "agreement")
    assert agreements and {"russia", "turkey", "iran"} <= ids(agreements[0])


def test_a_list_needs_names_only() -> None:
    events = run("After weeks of fighting, Syrian troops launched strikes on rebel positions on Saturday.")
    strikes = of_type(events, "military")
    assert strikes and "united-states" not in ids(strikes[0])


def test_date_inside_an_apposition_dates_that_clause() -> None:
    events = run("The deal, reached by Russia and Turkey last month, will come into force on October 15.")
    agreements = of_type(events, "agreement")
    assert agreements and agreements[0].date is not None and agreements[0].date.value == "2017-10-15"


def test_date_at_the_start_still_governs() -> None:
    events = run("On Monday, Russia and Turkey signed a deal on Idlib in Sochi.")
    agreements = of_type(events, "agreement")
    assert agreements and agreements[0].date is not None and agreements[0].date.value == "2017-03-20"


# ---- the speaker who says "he" will act is a party


def test_english_pronoun_keeps_the_speaker() -> None:
    events = run(
        "The UN envoy Staffan de Mistura said he intended to reconvene the parties in Geneva next month."
    )
    rounds = of_type(events, "talks_round")
    assert rounds and "staffan-de-mistura" in ids(rounds[0])


def test_english_other_subject_is_no_speaker() -> None:
    events = run("Lavrov said that Putin would meet Erdogan in Sochi on Friday, March 31.")
    meetings = of_type(events, "meeting")
    assert meetings and "sergey-lavrov" not in ids(meetings[0])


# ---- a shot-down aircraft and whose it is are what was hit


def test_downed_aircraft_is_the_target() -> None:
    text = "وأسقطت الدفاعات الجوية طائرة حربية روسية قرب الحدود يوم الثلاثاء."
    strikes = of_type(run(text, "ar"), "military")
    assert all("russia" not in ids(s) for s in strikes)


# ---- talks rounds: series and number in any form, whichever verb tells them; sessions of the committee


@pytest.mark.parametrize(
    ("text", "lang", "series", "number"),
    [
        ("انطلقت محادثات أستانا-6 في العاصمة الكازاخية الاثنين.", "ar", "astana", 6),
        ("واختتمت مفاوضات جنيف 4 مساء الجمعة دون اختراق.", "ar", "geneva", 4),
        ("Talks on Astana 6 opened in the Kazakh capital on Monday.", "en", "astana", 6),
        ("Delegates gathered as Geneva VIII resumed on Tuesday.", "en", "geneva", 8),
        ("انطلقت أعمال الدورة الثالثة للجنة الدستورية في جنيف الاثنين.", "ar", "constitutional-committee", 3),
        ("The constitutional committee's second session opened in Geneva on Monday.", "en", None, 2),
    ],
)
def test_round_number_in_any_form(text: str, lang: str, series: str | None, number: int) -> None:
    rounds = of_type(run(text, lang), "talks_round")
    assert rounds and rounds[0].round == number
    assert series is None or rounds[0].series == series


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Geneva talks resumed on Monday under Security Council resolution 2254.", "en"),
        ("The 45-member drafting body will meet in Geneva on Monday.", "en"),
        ("انطلقت مفاوضات جنيف الاثنين بحضور 45 عضوا.", "ar"),
    ],
)
def test_numbers_that_are_not_rounds(text: str, lang: str) -> None:
    rounds = of_type(run(text, lang), "talks_round")
    assert all(r.round is None for r in rounds)


@pytest.mark.parametrize(
    "text",
    [
        "واجتمعت المجموعة الدولية لدعم سوريا في فيينا يوم الجمعة.",
        "وعقدت الدول الضامنة اجتماعا في أستانا الثلاثاء.",
        "وتعقد الدول الضامنة اجتماعها المقبل في أستانا الشهر المقبل.",
    ],
)
def test_group_meetings_in_a_series_are_rounds(text: str) -> None:
    assert of_type(run(text, "ar"), "talks_round")


def test_a_call_of_a_group_is_no_round() -> None:
    assert not of_type(run("ودعت الدول الضامنة إلى احترام الهدنة في إدلب.", "ar"), "talks_round")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The UN envoy called for negotiations between the parties to begin in Geneva on May 10.", "en"),
        ("ودعا المبعوث الأممي إلى استئناف مفاوضات جنيف في العاشر من أيار.", "ar"),
    ],
)
def test_a_call_for_dated_talks_is_a_planned_round(text: str, lang: str) -> None:
    rounds = of_type(run(text, lang), "talks_round")
    assert rounds and rounds[0].status == "planned"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The opposition called for talks to resume.", "en"),
        ("ودعت المعارضة إلى استئناف المفاوضات.", "ar"),
        ("The opposition denied that talks had resumed in Geneva on Monday.", "en"),
    ],
)
def test_undated_calls_and_denials_are_no_round(text: str, lang: str) -> None:
    assert not of_type(run(text, lang), "talks_round")


def test_is_expected_is_planned() -> None:
    rounds = of_type(run("A new round of Geneva talks is expected later this month."), "talks_round")
    assert rounds and rounds[0].status == "planned"


def test_a_numbered_round_continues_the_series_of_the_round_before() -> None:
    text = (
        "The fifth round of Geneva talks ended on Friday. The Astana guarantors met in Kazakhstan. "
        "Astana monitors reported violations. The UN envoy said he hoped to reconvene a sixth round in May."
    )
    rounds = [r for r in of_type(run(text), "talks_round") if r.round == 6]
    assert rounds and rounds[0].series == "geneva" and rounds[0].status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow made a proposal to convene a peace congress in Sochi on November 18.",
        "The guarantors agreed to hold the next Astana meeting on December 21.",
    ],
)
def test_intent_to_convene_is_planned(text: str) -> None:
    rounds = of_type(run(text), "talks_round")
    assert rounds and rounds[0].status == "planned"


def test_quoted_conference_held_by_a_verb_outside_the_quote() -> None:
    text = "واقترحت موسكو عقد «مؤتمر الحوار الوطني» في سوتشي في الثامن عشر من تشرين الثاني."
    rounds = of_type(run(text, "ar"), "talks_round")
    assert rounds and rounds[0].series == "sochi"


@pytest.mark.parametrize(
    "text",
    [
        "وعقد الوزير مؤتمرا صحفيا في جنيف أمس.",
        "وكان الرئيس الروسي قد دعا إلى عقد مؤتمر الحوار بعد لقائه نظيره التركي في سوتشي.",
    ],
)
def test_press_conferences_and_background_calls_are_no_rounds(text: str) -> None:
    assert not of_type(run(text, "ar"), "talks_round")


def test_speaker_after_talks_with_someone_is_a_party() -> None:
    for text in (
        "Lavrov told reporters after talks with Zarif in Moscow on Monday that the truce was holding.",
        "After talks with Zarif in Moscow on Monday, Lavrov said the truce was holding.",
    ):
        meetings = of_type(run(text), "meeting")
        assert meetings and {"sergey-lavrov", "mohammad-javad-zarif"} <= ids(meetings[0])


def test_a_meeting_before_another_meeting_keeps_its_own_parties() -> None:
    meetings = of_type(
        run("After a meeting with Lavrov, Zarif met Cavusoglu in Ankara on Monday."), "meeting"
    )
    assert all("sergey-lavrov" not in ids(m) or "mevlut-cavusoglu" not in ids(m) for m in meetings)


def test_a_bilateral_and_a_trilateral_summit_in_one_sentence() -> None:
    text = (
        "Putin met Erdogan in Sochi on Monday, after Putin, Erdogan and Rouhani held a summit in Tehran "
        "last week."
    )
    assert len(of_type(run(text), "meeting")) == 2


def test_a_backer_named_in_an_apposition_acts_too() -> None:
    for text, lang in (
        ("Syrian government forces, backed by Russian air power, captured the town on Sunday.", "en"),
        ("وشنت القوات الحكومية، بغطاء جوي روسي، هجوما على البلدة الأحد.", "ar"),
    ):
        strikes = of_type(run(text, lang), "military")
        assert strikes and {"syrian-government", "russia"} <= ids(strikes[0]), text


def test_a_clause_with_other_words_is_no_list() -> None:
    text = "After the talks in Moscow, Turkish troops shelled positions near Afrin on Sunday."
    strikes = of_type(run(text), "military")
    assert strikes and "russia" not in ids(strikes[0])


def test_a_list_of_names_after_the_comma_stays_with_its_act() -> None:
    text = "A summit between Putin, Erdogan and Iranian President Hassan Rouhani ended in Tehran on Friday."
    meetings = of_type(run(text), "meeting")
    assert meetings and {"vladimir-putin", "recep-tayyip-erdogan", "hassan-rouhani"} <= ids(meetings[0])


def test_a_name_after_the_comma_without_and_is_no_list() -> None:
    text = "Putin met Erdogan in Sochi, Turkey's foreign ministry said on Monday."
    meetings = of_type(run(text), "meeting")
    assert meetings and "turkey" not in ids(meetings[0])


# ---- a grouping of fixed membership acts with its members


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("اتفقت الدول الضامنة يوم الاثنين على توسيع مناطق خفض التصعيد.", "ar"),
        ("The guarantor states agreed on Monday to extend the de-escalation zones.", "en"),
    ],
)
def test_a_grouping_lists_its_members(text: str, lang: str) -> None:
    deals = of_type(run(text, lang), "agreement")
    assert deals and {"astana-guarantors", "russia", "turkey", "iran"} <= ids(deals[0])


def test_a_grouping_without_fixed_members_lists_only_itself() -> None:
    deals = of_type(run("The Small Group agreed on Monday to back the envoy's plan."), "agreement")
    assert deals and ids(deals[0]) == {"small-group-on-syria"}
