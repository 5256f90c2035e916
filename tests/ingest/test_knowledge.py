"""The knowledge base loads, validates with clear errors, and accepts user files for other conflicts."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest

from app.ingest.actors import recognize_actors, recognize_places
from app.ingest.knowledge import KB_DIR, KbError, load_files, load_kb

OTHER_CONFLICT = """\
# A user knowledge base for another conflict (format: app/ingest/resources/kb/README.md).
actors:
  - id: sudan-army
    name_en: Sudanese Armed Forces
    name_ar: الجيش السوداني
    kind: organisation
    aliases_ar: [القوات المسلحة السودانية]
    aliases_en: [SAF]
  - id: rsf
    name_en: Rapid Support Forces
    name_ar: قوات الدعم السريع
    kind: organisation
    aliases_ar: [الدعم السريع]
    aliases_en: [RSF]
  - id: mediator-one
    name_en: Amara Kestrel
    name_ar: أمارا كيسترل
    kind: person
    aliases_ar: [كيسترل]
    roles:
      - {role: sudan-mediator, start: 2023-05-01, end: 2023-12-31}
roles:
  - id: sudan-mediator
    body: sudan-army
    title_ar: [الوسيط في محادثات جدة]
    title_en: [Jeddah talks mediator]
places:
  - {id: khartoum, name_en: Khartoum, name_ar: الخرطوم, kind: city}
series:
  - {id: jeddah-talks, name_en: Jeddah, name_ar: محادثات جدة, place: khartoum}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_kb_loads_with_broad_coverage() -> None:
    kb = load_kb()
    assert len(kb.actors) >= 150
    assert len(kb.places) >= 70
    assert {"geneva", "astana", "sochi", "vienna", "constitutional-committee"} <= set(kb.series)
    assert kb.round_of("geneva", 7) is not None
    assert kb.round_of("geneva", 7).start == date(2017, 7, 10)
    assert load_kb() is load_kb()  # cached


@pytest.mark.parametrize(
    ("role", "on", "expected"),
    [
        ("un-envoy-syria", date(2016, 7, 26), "staffan-de-mistura"),
        ("un-envoy-syria", date(2019, 3, 1), "geir-pedersen"),
        ("un-envoy-syria", date(2013, 1, 1), "lakhdar-brahimi"),
        ("un-envoy-syria", date(2014, 6, 15), None),  # between Brahimi and de Mistura
        ("us-secretary-of-state", date(2016, 7, 14), "john-kerry"),
        ("us-secretary-of-state", date(2017, 7, 14), "rex-tillerson"),
        ("us-secretary-of-state", date(2019, 1, 1), "mike-pompeo"),
        ("french-defence-minister", date(2017, 3, 24), "jean-yves-le-drian"),
        ("french-foreign-minister", date(2017, 3, 24), "jean-marc-ayrault"),
        ("french-foreign-minister", date(2018, 1, 1), "jean-yves-le-drian"),
        ("white-house-spokesperson", date(2016, 7, 14), "josh-earnest"),
        ("white-house-spokesperson", date(2017, 3, 1), "sean-spicer"),
        ("un-envoy-syria", None, None),  # several holders: no date, no answer
        ("kremlin-spokesperson", None, "dmitry-peskov"),  # only one holder ever
    ],
)
def test_holder_by_date(role: str, on: date | None, expected: str | None) -> None:
    holder = load_kb().holder(role, on)
    assert (holder.id if holder else None) == expected


def test_actor_ref_carries_names_and_aliases() -> None:
    ref = load_kb().actors["john-kerry"].ref("speaker")
    assert (ref.id, ref.name_en, ref.name_ar, ref.kind, ref.role) == (
        "john-kerry",
        "John Kerry",
        "جون كيري",
        "person",
        "speaker",
    )
    assert "كيري" in ref.aliases and not ref.is_new


def test_user_kb_for_another_conflict_loads_and_is_recognized(tmp_path: Path) -> None:
    user = write(tmp_path, "sudan.yaml", OTHER_CONFLICT)
    kb = load_kb([user])
    assert "rsf" in kb.actors and "russia" in kb.actors  # built-in files are still there
    text = "اشتبكت قوات الدعم السريع مع القوات المسلحة السودانية في الخرطوم، وقال الوسيط في محادثات جدة إن"
    found = {m.actor.id for m in recognize_actors(text, kb, on=date(2023, 6, 1))}
    assert found == {"rsf", "sudan-army", "mediator-one"}
    assert [p.place.id for p in recognize_places(text, kb)] == ["khartoum", "jeddah"]


def test_user_kb_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """WAQAI_KB_PATHS adds files to the default knowledge base without any code change."""
    user = write(tmp_path, "sudan.yaml", OTHER_CONFLICT)
    monkeypatch.setenv("WAQAI_KB_PATHS", json.dumps([str(user)]))
    kb = load_kb()
    assert "rsf" in kb.actors
    assert [m.actor.id for m in recognize_actors("قالت قوات الدعم السريع", kb)] == ["rsf"]


def test_user_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "nested").mkdir()
    write(tmp_path / "nested", "sudan.yml", OTHER_CONFLICT)
    write(tmp_path, "notes.txt", "not a knowledge-base file")
    kb = load_kb([tmp_path])
    assert "rsf" in kb.actors


BAD_FILES = [
    ("actors: [{id: x, name_en: X, name_ar: س, kind: planet}]", "kind 'planet'"),
    ("actors: [{id: x, name_en: X, kind: person}]", "missing required key(s) ['name_ar']"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: person, nickname: y}]", "unknown key(s) ['nickname']"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: person, affiliation: nobody}]", "affiliation 'nobody'"),
    (
        "actors: [{id: x, name_en: X, name_ar: س, kind: person, roles: [{role: no-such-role}]}]",
        "role 'no-such-role'",
    ),
    (
        "actors: [{id: x, name_en: X, name_ar: س, kind: person,"
        " roles: [{role: un-envoy-syria, start: 2016-13-01}]}]",
        "is not a date",
    ),
    ("actors: [{id: russia, name_en: R, name_ar: ر, kind: country}]", "duplicate actors id 'russia'"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: person, wikidata: 12}]", "not a Q-identifier"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: organisation, members: [nobody]}]", "member 'nobody'"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: organisation, members: [x]}]", "member 'x'"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: organisation, members: russia}]", "list of actor ids"),
    ("people: []", "unknown section(s) ['people']"),
    ("actors: {id: x}", "must be a list"),
    ("roles: [{id: r, body: nobody, title_ar: [عنوان]}]", "body 'nobody'"),
    ("rounds: [{series: nowhere, round: 1}]", "series 'nowhere'"),
    ("rounds: [{series: geneva, round: 0}]", "positive integer"),
    ("lexicon: {stop_en: [yes, no]}", "quote it"),
    ("actors: [{id: x, name_en: X, name_ar: س, kind: person, aliases_ar: [{text: س, rare: true}]}]", "rare"),
    ("actors: [unclosed", "invalid YAML"),
    ("actors: []\nactors: []", "duplicate key 'actors'"),
    ("actors: [{id: x, id: y, name_en: X, name_ar: س, kind: person}]", "duplicate key 'id'"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_bad_file_names_itself_and_the_problem(tmp_path: Path, content: str, message: str) -> None:
    bad = write(tmp_path, "broken.yaml", content + "\n")
    builtin = sorted(KB_DIR.glob("*.yaml"))
    with pytest.raises(KbError) as err:
        load_files([*builtin, bad])
    assert "broken.yaml" in str(err.value)
    assert message in str(err.value)


def test_missing_user_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KbError, match="does not exist"):
        load_kb([tmp_path / "absent.yaml"])


def test_every_builtin_file_states_its_format() -> None:
    for path in KB_DIR.glob("*.yaml"):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# Waqai knowledge-base file"), path.name


def test_role_holdings_do_not_overlap() -> None:
    """Two people holding one office on the same day would make title resolution arbitrary."""
    kb = load_kb()
    for role in kb.roles:
        spans = sorted(
            (r.start or date.min, r.end or date.max, a.id)
            for a in kb.actors.values()
            for r in a.roles
            if r.role == role
        )
        for (_, end1, a1), (start2, _, a2) in itertools.pairwise(spans):
            assert end1 <= start2, f"{role}: {a1} and {a2} overlap"
