"""Event dates: statements dated by the occasion they were made on, a clause's own time expression,
talks rounds as spans. Sentences written for this project; each runs the real tagger, knowledge
base and event rules.

The publication day is Wednesday 22 March 2017: "أمس الثلاثاء" is the 21st, "الاثنين" the 20th.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.ingest.event_occasions import occasions, tie
from app.ingest.normalize import fold_text
from app.ingest.records import ExtractedEvent
from app.ingest.rounds import span_cue
from tests.ingest.test_events_cases import run

WED = date(2017, 3, 22)


@dataclass(frozen=True)
class D:
    text: str
    type: str
    actor: str | None  # a knowledge-base id the event must have (None: any)
    date: str | None  # the event's date value; None: no date of its own
    lang: str = "ar"
    count: int | None = None  # how many events of `type` the text holds


def _find(events: list[ExtractedEvent], case: D) -> list[ExtractedEvent]:
    return [
        e
        for e in events
        if e.type == case.type and (case.actor is None or case.actor in {a.id for a in e.actors})
    ]


CASES = [
    # ---- statements on a dated occasion of the same article
    D(
        "انطلقت أمس الثلاثاء في جنيف جولة جديدة من المحادثات السورية. وقال رئيس وفد المعارضة نصر الحريري "
        "في كلمته الافتتاحية إن الحل السياسي ما زال ممكنا.",
        "statement",
        "nasr-al-hariri",
        "2017-03-21",
    ),
    D(
        "اختتمت اليوم الأربعاء في أستانا الجولة الثالثة من المحادثات. وقال المبعوث الأممي ستافان دي ميستورا "
        "خلال الجلسة الختامية إن التقدم كان بطيئا.",
        "statement",
        "staffan-de-mistura",
        "2017-03-22",
    ),
    D(
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأميركي جون كيري في موسكو يوم الاثنين. وقال لافروف "
        "في مؤتمر صحفي مشترك عقب اللقاء إن الخلافات ما زالت قائمة.",
        "statement",
        "sergey-lavrov",
        "2017-03-20",
    ),
    D(
        "وافتتح وزير الخارجية الروسي سيرغي لافروف المؤتمر في سوتشي "
        "صباح الثلاثاء، داعيا المشاركين إلى الحوار.",
        "statement",
        "sergey-lavrov",
        "2017-03-21",
    ),
    D(
        "بدأت أمس الثلاثاء في فيينا محادثات حول سوريا. وتحدث الوزراء طويلا. وقال المبعوث الأممي ستافان "
        "دي ميستورا في الجلسة الافتتاحية إن الوقت حان للحل.",
        "statement",
        "staffan-de-mistura",
        "2017-03-21",
    ),
    D(
        "وصل وزير الخارجية الأميركي جون كيري إلى موسكو أمس الثلاثاء. وقال كيري خلال زيارته إن "
        "بلاده تريد تعاونا أوثق مع روسيا.",
        "statement",
        "john-kerry",
        "2017-03-21",
    ),
    D(
        "اجتمع وزير الخارجية الروسي سيرغي لافروف مع نظيره الأميركي جون كيري في جنيف يوم الاثنين. "
        "وأكد لافروف في مؤتمر صحفي مع نظيره الأميركي أن الهدنة صامدة.",
        "statement",
        "sergey-lavrov",
        "2017-03-20",
    ),
    # a saying is not dated in the future its words name
    D(
        "ودعا المبعوث الأممي ستافان دي ميستورا إلى استئناف المفاوضات في الثامن من نيسان المقبل.",
        "statement",
        "staffan-de-mistura",
        None,
    ),
    D(
        '"The talks were useful," said Kremlin spokesman Dmitry Peskov on Tuesday.',
        "statement",
        "dmitry-peskov",
        "2017-03-21",
        lang="en",
    ),
    D(
        "Lavrov said Russia would send a delegation to the talks on Monday.",
        "statement",
        "sergey-lavrov",
        None,
        lang="en",
    ),
    D(
        "Lavrov told reporters in Moscow on Wednesday the talks had been useful.",
        "statement",
        "sergey-lavrov",
        "2017-03-22",
        lang="en",
    ),
    D(
        "Lavrov said the talks would begin in Geneva on Monday.",
        "statement",
        "sergey-lavrov",
        None,
        lang="en",
    ),
    D(
        "بدأت أمس الثلاثاء في جنيف أعمال اللجنة الدستورية السورية. وقال بشار الجعفري في كلمته إن "
        "الحكومة تدعم عمل اللجنة.",
        "statement",
        "bashar-al-jaafari",
        "2017-03-21",
    ),
    D(
        "انطلقت أمس الثلاثاء في أستانا الجولة السابعة من المحادثات. وقال رئيس الوفد الروسي ألكسندر لافرنتييف "
        "في مؤتمر صحافي عقب الجلسة إن الأجواء إيجابية.",
        "statement",
        "alexander-lavrentiev",
        "2017-03-21",
    ),
    D(
        "Russia and Turkey said on Tuesday they would study the proposal, as the talks in Astana wrapped up. "
        "Russian envoy Alexander Lavrentiev told reporters after the closing session that the mood was good.",
        "statement",
        "alexander-lavrentiev",
        "2017-03-21",
        lang="en",
    ),
    # a speech "in his address" is not dated by a session weeks before publication
    D(
        "وكانت الجولة الرابعة من المحادثات قد بدأت في 23 شباط الماضي. وقال بشار الجعفري في كلمته إن "
        "الحكومة لن تتنازل.",
        "statement",
        "bashar-al-jaafari",
        None,
    ),
    D(
        "اختتمت اليوم الأربعاء في أستانا الجولة الثالثة من المحادثات السورية التي بدأت أمس الثلاثاء. "
        "وتلا وزير الخارجية الروسي سيرغي لافروف البيان الختامي للجولة.",
        "statement",
        "sergey-lavrov",
        "2017-03-22",
    ),
    # an occasion the article does not date, or no occasion at all: no date
    D("وقال لافروف في مؤتمر صحفي إن الحوار مع واشنطن مستمر.", "statement", "sergey-lavrov", None),
    D(
        "وقال رئيس وفد المعارضة نصر الحريري في كلمته الافتتاحية إن المعارضة جاءت بنية صادقة.",
        "statement",
        "nasr-al-hariri",
        None,
    ),
    D(
        "ستنطلق الجولة المقبلة من المحادثات يوم الاثنين المقبل. وقال دي ميستورا في كلمته الافتتاحية "
        "للجولة السابقة إن الأمل قائم.",
        "statement",
        "staffan-de-mistura",
        None,
    ),
    # the main clause a statement hangs on; a reply on the same occasion
    D(
        "انطلقت أمس الثلاثاء في جنيف أعمال اللجنة الدستورية، في خطوة وصفها "
        "المبعوث الأممي ستافان دي ميستورا بأنها تاريخية.",
        "statement",
        "staffan-de-mistura",
        "2017-03-21",
    ),
    D(
        "اجتمع وزير الخارجية الأميركي جون كيري مع نظيره الروسي سيرغي لافروف في جنيف أمس الثلاثاء. وقال كيري "
        "في مؤتمر صحفي مشترك إن الاتفاق ممكن. من جهته، قال لافروف إن موسكو مستعدة للتعاون.",
        "statement",
        "sergey-lavrov",
        "2017-03-21",
    ),
    D(
        "اجتمع وزير الخارجية الأميركي جون كيري مع نظيره الروسي سيرغي لافروف في جنيف أمس الثلاثاء. وقال كيري "
        "في مؤتمر صحفي مشترك إن الاتفاق ممكن. في المقابل، قال "
        "المبعوث الأممي ستافان دي ميستورا إن الطريق طويل.",
        "statement",
        "staffan-de-mistura",
        None,
    ),
    # the clause's own time expression, not one in the reported words; numbers that are not dates
    D(
        "قال لافروف اليوم الأربعاء إن الجولة المقبلة ستعقد في الخامس من نيسان المقبل.",
        "statement",
        "sergey-lavrov",
        "2017-03-22",
    ),
    D("وقال لافروف إن القرار 2254 يبقى أساس الحل.", "statement", "sergey-lavrov", None),
    D(
        "وقال دي ميستورا إن 250 مدنيا قتلوا في حلب خلال شهر واحد.",
        "statement",
        "staffan-de-mistura",
        None,
    ),
    # a date that qualifies a deal in the frame is the deal's, not the saying's
    D(
        "ودعا المبعوث الأممي ستافان دي ميستورا الأطراف إلى التزام الاتفاق الموقع في 30 كانون الأول الماضي.",
        "statement",
        "staffan-de-mistura",
        None,
    ),
    D(
        "ورحب المبعوث الأممي ستافان دي ميستورا بالاتفاق في بيانه الصادر اليوم.",
        "statement",
        "staffan-de-mistura",
        "2017-03-22",
    ),
    # English
    D(
        "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Moscow on Monday. "
        "Lavrov told a joint news conference that differences remained.",
        "statement",
        "sergey-lavrov",
        "2017-03-20",
        lang="en",
    ),
    D("Lavrov told reporters that differences remained.", "statement", "sergey-lavrov", None, lang="en"),
    D(
        "The talks ended in Geneva on Tuesday with UN envoy Staffan "
        "de Mistura saying progress had been made.",
        "statement",
        "staffan-de-mistura",
        "2017-03-21",
        lang="en",
    ),
    D(
        "Sergei Lavrov said on Monday that Moscow would send a delegation.",
        "statement",
        "sergey-lavrov",
        "2017-03-20",
        lang="en",
    ),
    D(
        "UN envoy Staffan de Mistura called for new negotiations to begin by April 5.",
        "statement",
        "staffan-de-mistura",
        None,
        lang="en",
    ),
    D(
        "Lavrov said Security Council resolution 2254 remained the basis of any settlement.",
        "statement",
        "sergey-lavrov",
        None,
        lang="en",
    ),
    # a date in another event's relative clause is not this act's; an act told as the manner of a
    # dated clause ("…، بإعلان …") happened then
    D(
        "اختتمت اليوم الأربعاء في أستانا الجولة الثالثة من المحادثات التي بدأت أمس الثلاثاء، "
        "بإعلان روسيا وتركيا وإيران اتفاقها على آلية لمراقبة الهدنة.",
        "agreement",
        "russia",
        "2017-03-22",
    ),
    D(
        "On Tuesday, Russian Foreign Minister Sergei Lavrov met UN envoy Staffan de Mistura in Moscow "
        "and issued a joint statement backing the truce.",
        "meeting",
        None,
        "2017-03-21",
        lang="en",
    ),
    # ---- talks rounds over several days
    D(
        "اختتمت اليوم الأربعاء في أستانا الجولة الثالثة من المحادثات السورية التي بدأت أمس الثلاثاء.",
        "talks_round",
        None,
        "2017-03-21/2017-03-22",
    ),
    D(
        "وقعت روسيا وتركيا أمس الثلاثاء اتفاقا في أستانا، وذلك في ختام "
        "الجولة الخامسة من المحادثات التي استمرت يومين.",
        "talks_round",
        None,
        "2017-03-20/2017-03-21",
    ),
    D(
        "انطلقت اليوم الأربعاء في جنيف الجولة السادسة من المحادثات السورية، ومن المقرر أن تستمر ثلاثة أيام.",
        "talks_round",
        None,
        "2017-03-22/2017-03-24",
    ),
    D(
        "The fifth round of Geneva talks ended on Tuesday. The talks "
        "opened on March 14 amid low expectations.",
        "talks_round",
        None,
        "2017-03-14/2017-03-21",
        lang="en",
        count=1,
    ),
    D(
        "Syria peace talks ended in Astana on Tuesday after two days of wrangling over the truce.",
        "talks_round",
        None,
        "2017-03-20/2017-03-21",
        lang="en",
    ),
    D(
        "The sixth round of Geneva talks opened on Wednesday and will run until Friday.",
        "talks_round",
        None,
        "2017-03-22/2017-03-24",
        lang="en",
    ),
    D(
        "تبدأ الجولة السابعة من محادثات جنيف يوم الاثنين المقبل وتستمر خمسة أيام.",
        "talks_round",
        None,
        "2017-03-27/2017-03-31",
    ),
    # the other end of a round in another sentence of the article
    D(
        "انتهت أمس الثلاثاء الجولة الثالثة من اجتماعات اللجنة الدستورية السورية في جنيف. وكانت الجولة "
        "قد انطلقت يوم الأحد الماضي وسط خلافات على جدول الأعمال.",
        "talks_round",
        None,
        "2017-03-19/2017-03-21",
    ),
    D(
        "اختتمت أمس الثلاثاء الجولة الخامسة من مفاوضات جنيف السورية، بعد أسبوع على انطلاقها في 14 آذار.",
        "talks_round",
        None,
        "2017-03-14/2017-03-21",
    ),
    D(
        "The fifth round of Geneva talks opened on Monday. The round is scheduled to last until March 24.",
        "talks_round",
        None,
        "2017-03-20/2017-03-24",
        lang="en",
    ),
    D(
        "Russia and Turkey said on Tuesday they would back a congress in Sochi on April 18, as a seventh "
        "round of Syria talks in Astana wrapped up. The two-day round, which opened on Monday with "
        "closed-door consultations, produced a working group on detainees.",
        "talks_round",
        None,
        "2017-03-20/2017-03-21",
        lang="en",
    ),
    D(
        "جنيف - اختتم المبعوث الأممي ستافان دي ميستورا مساء أمس الثلاثاء الجولة الخامسة من مفاوضات جنيف، "
        "التي انطلقت في 14 آذار وتناولت الدستور والانتخابات.",
        "talks_round",
        None,
        "2017-03-14/2017-03-21",
    ),
    D(
        "The Syrian constitutional committee's small body met in Geneva from March 13 to March 17 without "
        "agreeing on a method of work.",
        "talks_round",
        None,
        "2017-03-13/2017-03-17",
        lang="en",
    ),
    D(
        "Sergei Lavrov and John Kerry held three hours of talks in Moscow on Monday. "
        '"Trust is low," Kerry said at a joint news conference with Lavrov.',
        "statement",
        "john-kerry",
        "2017-03-20",
        lang="en",
    ),
    D(
        "أسدل الستار اليوم الأربعاء على الجولة الرابعة من اجتماعات اللجنة الدستورية، "
        "التي بدأت الاثنين في جنيف.",
        "talks_round",
        None,
        "2017-03-20/2017-03-22",
    ),
    D(
        "اختتمت اليوم الأربعاء في أستانا الجولة الخامسة من المحادثات السورية. وكانت الوفود قد بدأت "
        "مشاوراتها أمس الثلاثاء بلقاءات ثنائية.",
        "talks_round",
        None,
        "2017-03-21/2017-03-22",
    ),
    # the occasion of the article's news before a background one
    D(
        "اتفق الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب إردوغان أمس الثلاثاء على إقامة منطقة عازلة. "
        "وكان الرئيسان قد التقيا في طهران في 7 شباط الماضي. وقال بوتين في مؤتمر صحافي مشترك إن المنطقة "
        "ستقام قريبا.",
        "statement",
        "vladimir-putin",
        "2017-03-21",
    ),
    D(
        "The evacuation could start on Thursday, Turkish President Tayyip Erdogan said.",
        "statement",
        "recep-tayyip-erdogan",
        None,
        lang="en",
    ),
    D(
        "The sixth round of Syria peace talks ended in Geneva on Tuesday with no breakthrough, but UN envoy "
        "Staffan de Mistura said the meetings had been useful.",
        "statement",
        "staffan-de-mistura",
        "2017-03-21",
        lang="en",
    ),
    D(
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan agreed on Monday to set "
        "up a buffer zone in Idlib. The zone will be in place by April 15, Putin told reporters after more "
        "than four hours of talks with Erdogan in Sochi.",
        "statement",
        "vladimir-putin",
        "2017-03-20",
        lang="en",
    ),
    D(
        "واستمرت الجولة الثامنة من المحادثات يومين، إذ انطلقت أمس الثلاثاء في أستانا.",
        "talks_round",
        None,
        "2017-03-21/2017-03-22",
    ),
    D(
        "ASTANA, March 22 (Reuters) - Russia, Iran and Turkey said on Tuesday they would back a congress in "
        "Sochi on April 18, as a seventh round of Syria talks in Astana wrapped up. The two-day round, which "
        "opened on Monday, set up a working group.",
        "statement",
        "iran",
        "2017-03-21",
        lang="en",
    ),
    D(
        "اختتمت أمس الثلاثاء في أستانا الجولة السادسة من المحادثات. وجاء في البيان الختامي الذي تلاه "
        "وزير الخارجية الروسي سيرغي لافروف أن الهدنة ستمدد.",
        "statement",
        "sergey-lavrov",
        "2017-03-21",
    ),
    # a statement "at the same meeting" as a dated one
    D(
        "The Security Council held an emergency meeting on Syria on Monday. At the same meeting, UN envoy "
        "Staffan de Mistura warned that the truce was collapsing.",
        "statement",
        "staffan-de-mistura",
        "2017-03-20",
        lang="en",
    ),
    # not spans: hours are not days; an opening too long before the closing is another round
    D(
        "اختتمت أمس الثلاثاء في جنيف محادثات ماراثونية حول سوريا استمرت أكثر من 13 ساعة.",
        "talks_round",
        None,
        "2017-03-21",
    ),
    D(
        "The sixth round of Geneva talks ended on Tuesday. The third "
        "round of Geneva talks opened on January 5.",
        "talks_round",
        None,
        "2017-03-21",
        lang="en",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
def test_event_date(case: D) -> None:
    events = run(case.text, case.lang)
    found = _find(events, case)
    assert found, [(e.type, [a.id for a in e.actors]) for e in events]
    values = [e.date.value if e.date else None for e in found]
    assert case.date in values, values
    if case.count is not None:
        assert len(found) == case.count, values


def test_span_precision_is_day() -> None:
    events = run(
        "اختتمت اليوم الأربعاء في أستانا الجولة الثالثة من المحادثات السورية التي بدأت أمس الثلاثاء."
    )
    rounds = [e for e in events if e.type == "talks_round"]
    assert rounds and rounds[0].date is not None
    assert (rounds[0].date.start, rounds[0].date.end, rounds[0].date.precision) == (
        date(2017, 3, 21),
        date(2017, 3, 22),
        "day",
    )


@pytest.mark.parametrize("occ", occasions(), ids=lambda o: o.id)
def test_occasion_examples(occ: object) -> None:
    from app.ingest.event_occasions import Occasion

    assert isinstance(occ, Occasion)
    for text in occ.examples:
        lang = "en" if text.isascii() else "ar"
        assert occ.phrase[lang].search(fold_text(text)), text
    for text in occ.negatives:
        lang = "en" if text.isascii() else "ar"
        assert not occ.phrase[lang].search(fold_text(text)), text


@pytest.mark.parametrize(
    ("name", "lang", "text", "hit"),
    [
        ("reply", "ar", "من جهته، ", True),
        ("reply", "ar", "في المقابل، ", False),
        ("reply", "en", "For his part, ", True),
        ("attached", "ar", "في خطوة ", True),
        ("attached", "ar", "وقال الوزير ", False),
    ],
)
def test_ties(name: str, lang: str, text: str, hit: bool) -> None:
    assert bool(tie(name, lang).search(fold_text(text))) is hit


@pytest.mark.parametrize(
    ("name", "lang", "text", "days"),
    [
        ("lasted", "ar", "التي استمرت يومين", 2),
        ("lasted", "ar", "استمرت ثلاثة أيام", 3),
        ("lasts", "ar", "ومن المقرر أن تستمر خمسة أيام", 5),
        ("lasts", "en", "the talks will last four days", 4),
        ("lasted", "en", "the two-day talks that ended on Tuesday", 2),
        ("lasted", "ar", "استمرت أكثر من 13 ساعة", None),
        ("lasts", "ar", "استمرت يومين", None),
    ],
)
def test_durations(name: str, lang: str, text: str, days: int | None) -> None:
    from app.ingest.rounds import _days

    m = span_cue(name, lang).search(fold_text(text))
    assert (_days(m) if m else None) == days


def _span_entries() -> list[tuple[str, str, str, bool]]:
    import yaml

    from app.ingest.event_rules import EVENTS_DIR

    data = yaml.safe_load((EVENTS_DIR / "spans.yaml").read_text(encoding="utf-8"))
    out = []
    for name, entry in data.items():
        for text in entry.get("examples", ()):
            out.append((name, "en" if text.isascii() else "ar", text, True))
        for text in entry.get("negatives", ()):
            out.append((name, "en" if text.isascii() else "ar", text, False))
    return out


@pytest.mark.parametrize(("name", "lang", "text", "hit"), _span_entries())
def test_span_cue_examples(name: str, lang: str, text: str, hit: bool) -> None:
    assert bool(span_cue(name, lang).search(fold_text(text))) is hit


def _tie_entries() -> list[tuple[str, str, str, bool]]:
    import yaml

    from app.ingest.event_occasions import OCCASIONS_FILE

    ties = yaml.safe_load(OCCASIONS_FILE.read_text(encoding="utf-8"))["ties"]
    out = []
    for name, entry in ties.items():
        out += [(name, "en" if t.isascii() else "ar", t, True) for t in entry.get("examples", ())]
        out += [(name, "en" if t.isascii() else "ar", t, False) for t in entry.get("negatives", ())]
    return out


@pytest.mark.parametrize(("name", "lang", "text", "hit"), _tie_entries())
def test_tie_examples(name: str, lang: str, text: str, hit: bool) -> None:
    assert bool(tie(name, lang).search(fold_text(text))) is hit
