"""English event extraction on sentences written for this project: meetings, talks rounds, agreements,
military actions, proposals and media reports, each with negatives.

Each case runs the real stages (timex.tag, the built-in knowledge base, the English trigger rules) on one
short article published on Wednesday 22 March 2017. `type=None` means: no event of the `absent` types
(or none at all when `absent` is empty).
"""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest import timex
from app.ingest.events import extract
from app.ingest.knowledge import load_kb
from app.ingest.records import ExtractedEvent, RawArticle
from tests.ingest.test_events_cases import C, _fits

WED = date(2017, 3, 22)  # "on Tuesday" is the 21st, "on Friday" the 17th, "next week" 2017-W13


def run(text: str) -> list[ExtractedEvent]:
    article = RawArticle("case-en.txt", text, "case-en.txt", WED, "en")
    return extract(article, timex.tag(text, WED, "en"), load_kb())


M, T, A, X, P, R = "meeting", "talks_round", "agreement", "military", "proposal", "report"

CASES = [
    # ---- meetings: met, will meet, hosted, received, visited, phone and video, talks with, arrivals
    C(
        "Turkish Foreign Minister Mevlut Cavusoglu met his Iranian counterpart in Ankara on Monday.",
        M,
        ("mevlut-cavusoglu", "iran"),
        "2017-03-20",
    ),
    C(
        "Putin will meet Erdogan in Sochi next week to discuss Idlib.",
        M,
        ("vladimir-putin",),
        "2017-W13",
        "planned",
    ),
    C(
        "Iranian President Hassan Rouhani hosted Putin and Erdogan in Tehran on Friday.",
        M,
        ("hassan-rouhani", "vladimir-putin", "recep-tayyip-erdogan"),
        "2017-03-17",
    ),
    C(
        "Kerry and Lavrov spoke by telephone on Saturday about the truce.",
        M,
        ("john-kerry", "sergey-lavrov"),
        "2017-03-18",
    ),
    C(
        "Russian and Turkish military officials held a video conference on Monday to coordinate patrols.",
        M,
        ("russia", "turkey"),
        "2017-03-20",
    ),
    C(
        "Jordanian Foreign Minister Ayman Safadi arrived in Moscow on Tuesday for talks with Lavrov.",
        M,
        ("ayman-safadi", "sergey-lavrov"),
        "2017-03-21",
    ),
    C(
        "Speaking after talks with Zarif in Tehran on Sunday, Cavusoglu praised the host.",
        M,
        ("mohammad-javad-zarif",),
        "2017-03-19",
    ),
    C(
        "De Mistura visited Damascus on Monday and met Syrian Foreign Minister Walid al-Muallem.",
        M,
        ("staffan-de-mistura", "walid-al-muallem"),
        "2017-03-20",
        count=1,
    ),
    C(
        "Lavrov held talks with his Turkish counterpart in Moscow on Tuesday.",
        M,
        ("sergey-lavrov", "turkey"),
        "2017-03-21",
    ),
    C(
        "Putin and Erdogan held a summit in Ankara on Monday.",
        M,
        ("vladimir-putin", "recep-tayyip-erdogan"),
        "2017-03-20",
    ),
    C(
        "Erdogan received a phone call from Putin on Sunday.",
        M,
        ("recep-tayyip-erdogan", "vladimir-putin"),
        "2017-03-19",
    ),
    C(
        "In a phone call with his Turkish counterpart on Monday, Lavrov discussed Idlib.",
        M,
        ("turkey",),
        "2017-03-20",
    ),
    C(
        "Lavrov met Kerry in Geneva on Monday ahead of the next round of talks.",
        M,
        ("sergey-lavrov", "john-kerry"),
        "2017-03-20",
    ),
    C(
        "The ninth round of Astana talks opened on Monday with a meeting between the Russian and "
        "Turkish delegations.",
        M,
        ("russia", "turkey"),
    ),
    # meetings: passive hosts, phone verbs, hours of talks
    C(
        "Lavrov was received by President Bashar al-Assad in Damascus on Tuesday.",
        M,
        ("sergey-lavrov", "bashar-al-assad"),
        "2017-03-21",
    ),
    C(
        "Erdogan telephoned Putin on Saturday to discuss Idlib.",
        M,
        ("recep-tayyip-erdogan", "vladimir-putin"),
        "2017-03-18",
    ),
    C(
        "Lavrov and Zarif held more than two hours of talks in Tehran on Sunday.",
        M,
        ("sergey-lavrov", "mohammad-javad-zarif"),
        "2017-03-19",
    ),
    C(
        "Kerry is due to travel to Moscow next week for talks with Putin.",
        M,
        ("john-kerry", "vladimir-putin"),
        "2017-W13",
        "planned",
    ),
    C(
        "The UN Security Council held an emergency meeting on Idlib on Monday.",
        M,
        ("un-security-council",),
        "2017-03-20",
    ),
    C(
        "Lavrov spoke with Kerry on the sidelines of the conference on Friday.",
        M,
        ("sergey-lavrov", "john-kerry"),
        "2017-03-17",
    ),
    # meetings: negatives (readiness, figurative "met with", supplies received, a refusal of talks)
    C("Kerry discussed the Russian proposal with reporters in Washington.", None),
    C("The talks held little promise.", None),
    C("Lavrov said Moscow was ready to meet the opposition at any time.", None, absent=(M,)),
    C("The proposal met with a cool reception in Damascus.", None),
    C("The Syrian army received reinforcements from Russia on Tuesday.", None, absent=(M,)),
    C("The opposition said it would never hold talks with Assad.", None, absent=(M,)),
    C("The UN envoy visited a refugee camp in Jordan on Sunday.", None, absent=(M,)),
    # ---- talks rounds: ordinals, series numbers, sessions, postponements, plans
    C(
        "The fifth round of Astana talks opened on Tuesday with delegations from Russia, Turkey and Iran.",
        T,
        date="2017-03-21",
        round=5,
        series="astana",
    ),
    C("Astana-6 wrapped up on Friday with a deal on Idlib.", T, date="2017-03-17", round=6, series="astana"),
    C("Geneva IV closed on March 3 without a breakthrough.", T, date="2017-03-03", round=4, series="geneva"),
    C(
        "The Geneva talks were postponed until March 23, UN officials said.",
        T,
        date="2017-03-23",
        status="planned",
        series="geneva",
    ),
    C(
        "The constitutional committee will reconvene in Geneva on November 25.",
        T,
        date="2017-11-25",
        status="planned",
        absent=(M,),
    ),
    C(
        "The Sochi congress opened on Tuesday with hundreds of delegates.",
        T,
        date="2017-03-21",
        series="sochi",
    ),
    C(
        "The next round will be held in Astana on June 3.",
        T,
        date="2017-06-03",
        status="planned",
        series="astana",
    ),
    C(
        "Negotiations between the Syrian government and the opposition are due to begin on April 10.",
        T,
        ("syrian-government",),
        "2017-04-10",
        "planned",
    ),
    C(
        "Foreign ministers meeting in Vienna on Friday backed a political transition.",
        T,
        date="2017-03-17",
        series="vienna",
        absent=(M,),
    ),
    C(
        "The first session of the constitutional committee opened in Geneva on Wednesday.",
        T,
        date="2017-03-22",
        round=1,
        series="constitutional-committee",
    ),
    C(
        "Astana 4 ended on Thursday with a memorandum on zones.",
        T,
        date="2017-03-16",
        round=4,
        series="astana",
    ),
    C(
        "Geir Pedersen convened the first meeting of the constitutional committee in Geneva on Monday.",
        T,
        ("geir-pedersen",),
        "2017-03-20",
        round=1,
        series="constitutional-committee",
    ),
    C(
        "Peace talks in Geneva collapsed on Thursday after the opposition walked out.",
        T,
        date="2017-03-16",
        series="geneva",
    ),
    C("The guarantors set the next Astana meeting for mid-April.", T, status="planned", series="astana"),
    C(
        "The UN envoy will convene a fifth session in Geneva on April 3.",
        T,
        date="2017-04-03",
        status="planned",
    ),
    C(
        "UN-led talks on a new Syrian constitution ended in Geneva on Friday.",
        T,
        date="2017-03-17",
        series="geneva",
    ),
    C(
        "The fourth round of talks in the Kazakh capital wrapped up on Thursday.",
        T,
        date="2017-03-16",
        round=4,
        series="astana",
    ),
    C(
        "The Astana talks are set to resume on April 12.",
        T,
        date="2017-04-12",
        status="planned",
        series="astana",
    ),
    # talks rounds: negatives (a possibility, counted rounds, other kinds of rounds)
    C("It was their first meeting since the downing of the Russian jet.", None),
    C("The next round of talks could take place in Astana later this month.", None, absent=(T,)),
    C("Three rounds of Geneva talks have failed to end the war.", None, absent=(T,)),
    C("The next round of sanctions will be announced on Friday.", None, absent=(T,)),
    C("When I was in Geneva I met many diplomats.", None, absent=(T,)),
    # ---- agreements: agreed, signed, took effect, brokered, resolutions (the number is no date)
    C(
        "Russia and Turkey agreed on Tuesday to create a demilitarised zone in Idlib.",
        A,
        ("russia", "turkey"),
        "2017-03-21",
    ),
    C("A nationwide ceasefire took effect at midnight on Thursday.", A, date="2017-03-16"),
    C(
        "The UN Security Council adopted resolution 2336 on Saturday endorsing the Russian-Turkish truce.",
        A,
        ("un-security-council",),
        "2017-03-18",
    ),
    C("A truce brokered by Russia and Turkey has held since Friday.", A, ("russia", "turkey"), "2017-03-17"),
    C(
        "The government and opposition delegations accepted a three-point roadmap on Friday.",
        A,
        date="2017-03-17",
    ),
    C("The truce came into force at midnight on Friday.", A, date="2017-03-17"),
    C(
        "Putin and Erdogan agree to create a buffer zone in Idlib.",
        A,
        ("vladimir-putin", "recep-tayyip-erdogan"),
    ),
    C(
        "Russia and Turkey will sign a memorandum on Idlib in Sochi on Monday.",
        A,
        ("russia", "turkey"),
        "2017-03-27",
        "planned",
    ),
    C("The Russian-Turkish truce agreed last month has largely held.", A, ("russia", "turkey"), "2017-02"),
    C(
        "The truce that Kerry and Lavrov sealed in Geneva on Friday collapsed within days.",
        A,
        ("john-kerry", "sergey-lavrov"),
        "2017-03-17",
    ),
    C(
        "Moscow and Ankara took a decision to set up a joint working group on prisoners.",
        A,
        ("russia", "turkey"),
    ),
    C(
        "The Security Council unanimously backed a resolution on aid deliveries on Friday.",
        A,
        date="2017-03-17",
    ),
    C("A deal on the evacuation of the wounded was announced on Tuesday.", A, date="2017-03-21"),
    C(
        "Russia and Turkey brokered a nationwide ceasefire on Thursday.",
        A,
        ("russia", "turkey"),
        "2017-03-16",
    ),
    # agreements: negatives (failure, veto, hope, refusal)
    C("The two sides failed to reach an agreement on the prisoner exchange.", None, absent=(A,)),
    C("Russia vetoed a resolution on Aleppo on Monday.", None, absent=(A,)),
    C("Diplomats hope to strike a deal before the deadline.", None, absent=(A,)),
    C("The opposition refused to accept the plan.", None, absent=(A,)),
    # ---- military: strikes, shelling, missiles, captures, claimed attacks, dated attacks
    C(
        "Russian warplanes carried out airstrikes on the town of Jisr al-Shughur on Sunday.",
        X,
        ("russia",),
        "2017-03-19",
        count=1,
    ),
    C(
        "Syrian government forces shelled rebel-held districts of Douma on Monday.",
        X,
        ("syrian-government",),
        "2017-03-20",
    ),
    C("Islamic State militants recaptured Palmyra on Sunday.", X, ("isis",), "2017-03-19"),
    C(
        "The United States launched a salvo of missiles at a chemical weapons depot on Friday.",
        X,
        ("united-states",),
        "2017-03-17",
    ),
    C(
        "Two blasts that hit a market in Qamishli on Sunday were later claimed by ISIS.",
        X,
        ("isis",),
        "2017-03-19",
    ),
    C(
        "Turkey fired rockets at the border post on Friday in retaliation for a mortar attack "
        "on March 14 near the frontier.",
        X,
        date="2017-03-14",
        not_actors=("turkey",),
    ),
    C("The siege of eastern Aleppo ended on Thursday after the last rebels left.", X, date="2017-03-16"),
    C("Rockets hit a residential district of Aleppo on Monday.", X, date="2017-03-20"),
    C("The enclave has been under siege by government forces since 2013.", X, date="2013"),
    C(
        "Turkey launched its long-threatened offensive against Kurdish forces on Wednesday.",
        X,
        ("turkey",),
        "2017-03-22",
    ),
    C("A hospital in Idlib was hit by air strikes on Sunday.", X, date="2017-03-19"),
    C("The air base was recaptured by government forces on Friday.", X, ("syrian-government",), "2017-03-17"),
    C(
        "The US-led coalition struck a convoy near the border on Thursday.",
        X,
        ("us-led-coalition",),
        "2017-03-16",
    ),
    C("Shelling and air strikes resumed on the besieged districts on Monday.", X, date="2017-03-20"),
    C("Rebels launched a counter-offensive in northern Hama on Tuesday.", X, date="2017-03-21"),
    C("Turkish troops entered the town of Afrin on Sunday.", X, ("turkey",), "2017-03-19"),
    C("Israel struck Iranian positions near Damascus on Sunday.", X, ("israel",), "2017-03-19"),
    # military: negatives (a call to stop shelling, figurative attacks, an election campaign, a warning)
    C("The government attacked the report as biased.", None),
    C("The minister came under fire from critics over the deal on Monday.", None, absent=(X,)),
    C("The coalition struck a deal with the tribes on Monday.", None, absent=(X,)),
    C("Israel could hit Iranian bases anywhere in Syria, the minister warned.", None, absent=(X,)),
    C("The deal appears to have averted a Syrian government assault on the province.", None, absent=(X,)),
    C("Kerry spoke with reporters in Washington on Monday.", None, absent=(M,)),
    C("Officials fear clashes between rival factions could erupt.", None),
    C("Turkey called for an immediate halt to the shelling of civilian areas in Idlib.", None, absent=(X,)),
    C("The opposition leader attacked the Russian plan as a recipe for partition.", None, absent=(X,)),
    C("The party launched its campaign for the municipal elections on Monday.", None, absent=(X,)),
    C("Lavrov warned against any chemical attack by the rebels.", None, absent=(X,)),
    C("The photograph captured the mood of the city.", None),
    # ---- proposals
    C(
        "Russia put forward a draft constitution for Syria at the Astana talks on Tuesday.",
        P,
        ("russia",),
        "2017-03-21",
    ),
    C("Turkey proposed setting up a no-fly zone over northern Syria.", P, ("turkey",)),
    C("A draft resolution drafted by Sweden and Kuwait calls for a 30-day truce.", P, ("kuwait",)),
    C("The UN envoy proposed a consultative mechanism on constitutional issues.", P, ("staffan-de-mistura",)),
    # proposals: negatives
    C("Under the plan, aid would reach the besieged towns.", None, absent=(P,)),
    C("The opposition rejected the plan outright.", None, absent=(P,)),
    # ---- media reports
    C(
        "The Guardian reported on Monday that British officials had met rebel commanders in Jordan.",
        R,
        date="2017-03-20",
        status="reported",
    ),
    C(
        "Kommersant revealed that Russian and Turkish generals had met secretly in Ankara.",
        R,
        status="reported",
    ),
    # media reports: negatives (according to, an agency relaying an act or a statement)
    C("According to the Guardian, the talks had stalled.", None, absent=(R,)),
    C(
        "The state news agency SANA reported that Assad received a delegation of Russian lawmakers.",
        None,
        absent=(R,),
    ),
    C("The agency quoted the minister as saying the talks had been useful.", None, absent=(R,)),
]


def _label(case: C) -> str:
    return f"{case.type or 'none'}:{case.text[:48]}"


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_case(case: C) -> None:
    events = run(case.text)
    found = [(e.type, [a.id for a in e.actors], e.date.value if e.date else None, e.status) for e in events]
    for kind in case.absent:
        assert all(e.type != kind for e in events), found
    if case.type is None:
        if not case.absent:
            assert not events, found
        return
    of_type = [e for e in events if e.type == case.type]
    assert any(_fits(e, case) for e in of_type), found
    if case.count is not None:
        assert len(of_type) == case.count, found


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if c.type is None) >= 15
    kinds = {c.type for c in CASES if c.type}
    assert kinds == {M, T, A, X, P, R}
