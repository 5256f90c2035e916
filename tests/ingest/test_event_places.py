"""Where an event happened: a gazetteer name after a preposition, a place noun ("مدينة", "the town
of") or a compass point, or before a place noun ("Idlib province"); the narrowest of the names that
hold one another. Sentences written for this project."""

from __future__ import annotations

import pytest

from app.ingest.identity import Report, choose_place
from app.ingest.merge_places import PlaceTree, default_tree
from tests.ingest.test_events_cases import run
from tests.ingest.test_merge_rules import report

PLACES = [
    ("شنت طائرات حربية غارات جوية على بلدة تل رفعت صباح اليوم.", "ar", "military", "tal-rifaat"),
    ("قصفت طائرات حربية مستشفى ميدانيا من مدينة سراقب أمس.", "ar", "military", "saraqib"),
    ("استهدفت غارات جوية مواقع للفصائل جنوبي إدلب أمس.", "ar", "military", "idlib"),
    ("قصفت المدفعية مواقع في بلدة سراقب بمحافظة إدلب شمال غربي سوريا أمس.", "ar", "military", "saraqib"),
    ("Air strikes hit a market in the town of Saraqib on Tuesday.", "en", "military", "saraqib"),
    ("Shelling killed four civilians in Syria's Idlib province on Tuesday.", "en", "military", "idlib"),
    ("Warplanes bombed rebel positions north of Hama on Tuesday.", "en", "military", "hama"),
    # a name that holds its place noun; a place noun after the name; a resort
    ("قصفت طائرات حربية مطار الشعيرات العسكري فجر اليوم.", "ar", "military", "shayrat"),
    ("Cruise missiles struck the Shayrat air base in Syria on Tuesday.", "en", "military", "shayrat"),
    ("انطلقت اليوم في منتجع سوتشي جولة جديدة من المحادثات السورية.", "ar", "talks_round", "sochi"),
    # a locative preposition before a name that is no party
    ("شنت طائرات حربية غارات على سراقب فجر اليوم.", "ar", "military", "saraqib"),
    ("The Russian and Turkish delegations met at Astana on Tuesday.", "en", "meeting", "astana"),
    # what the talks are about, an envoy's post: not where
    ("اختتمت اليوم في أستانا جولة جديدة من المحادثات حول سوريا.", "ar", "talks_round", "astana"),
    ("وصل المبعوث الأممي إلى سوريا أمس إلى دمشق والتقى وزير الخارجية السوري.", "ar", "meeting", "damascus"),
]


@pytest.mark.parametrize(("text", "lang", "kind", "place"), PLACES)
def test_the_place_of_an_event(text: str, lang: str, kind: str, place: str) -> None:
    found = [e for e in run(text, lang) if e.type == kind]
    assert found, f"no {kind} event"
    assert found[0].place is not None and found[0].place.id == place


def test_a_state_named_by_its_minister_is_no_place() -> None:
    (meeting,) = [e for e in run("التقى وزير خارجية روسيا نظيره التركي في أنقرة أمس.") if e.type == "meeting"]
    assert meeting.place is not None and meeting.place.id == "ankara"


def test_place_tree_nests_by_part_of() -> None:
    tree = PlaceTree.build(
        [("town", "province", "city"), ("province", "land", "city"), ("land", None, "country")]
    )
    assert tree.holders("town") == ["province", "land"]
    assert tree.nested("town", "land") and tree.nested("land", "town") and tree.nested("town", "town")
    assert not tree.nested("town", "elsewhere")
    assert tree.kin("province") == {"town", "province", "land"}
    assert tree.local("town") and not tree.local("land") and not tree.local(None)


def test_the_built_in_gazetteer_holds_its_towns_in_their_provinces() -> None:
    tree = default_tree()
    assert "idlib" in tree.holders("saraqib") and "syria-country" in tree.holders("saraqib")
    assert not tree.nested("saraqib", "khan-sheikhoun")


def _at(place: str | None, start: int = 0) -> Report:
    return report(f"d{start}.txt", "2019-05-06", start, place=place)


def test_an_event_keeps_the_narrowest_place_its_sources_name() -> None:
    assert choose_place([_at("idlib", 1), _at("saraqib", 2), _at("idlib", 3)]) == "saraqib"
    assert choose_place([_at("geneva", 1), _at("vienna", 2), _at("vienna", 3)]) == "vienna"
    assert choose_place([_at(None)]) is None


CITY_ANAPHORS = [
    ("وصلت قوافل المساعدات إلى مدينة دوما أمس. وقصفت طائرات حربية أحياء المدينة اليوم.", "ar", "douma"),
    (
        "Aid convoys reached Saraqib on Monday. Air strikes hit the east of the city on Tuesday.",
        "en",
        "saraqib",
    ),
]


@pytest.mark.parametrize(("text", "lang", "place"), CITY_ANAPHORS)
def test_the_city_is_the_last_syrian_city_named(text: str, lang: str, place: str) -> None:
    strikes = [e for e in run(text, lang) if e.type == "military"]
    assert strikes and strikes[-1].place is not None and strikes[-1].place.id == place


def test_the_city_without_a_syrian_city_before_is_no_place() -> None:
    strikes = [
        e for e in run("Air strikes hit the east of the city on Tuesday.", "en") if e.type == "military"
    ]
    assert strikes and strikes[0].place is None


def test_a_capital_standing_for_its_state_is_no_place() -> None:
    said = [
        e
        for e in run("وقال وزير الخارجية الأميركي جون كيري أمس إن على روسيا الضغط على دمشق.")
        if e.type == "statement"
    ]
    assert said and said[0].place is None
