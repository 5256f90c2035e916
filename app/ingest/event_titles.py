"""Short English and Arabic titles built only from an event's parts (type, actors, place, series, round)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from app.ingest.event_rules import EVENTS_DIR
from app.ingest.knowledge import KnowledgeBase
from app.ingest.records import ActorRef, ExtractedEvent

_NOUN = {
    "statement": ("statement", "تصريح"),
    "proposal": ("proposal", "مقترح"),
    "agreement": ("agreement", "اتفاق"),
    "military": ("military action", "عمل عسكري"),
    "report": ("media report", "تقرير إعلامي"),
    "meeting": ("meeting", "لقاء"),
    "talks_round": ("talks", "محادثات"),
}


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data = yaml.safe_load((EVENTS_DIR / "series_parties.yaml").read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _parties() -> dict[str, list[str]]:
    return dict(_table().get("parties") or {})


def talks_topics() -> dict[str, list[str]]:
    """A state talks are about ("talks on Syria") and the sides of its conflict it stands for in a round
    (series_parties.yaml topics)."""
    return dict(_table().get("topics") or {})


def series_parties(kb: KnowledgeBase, series: str | None) -> list[ActorRef]:
    """The usual parties of a talks series (for a round whose passages name none)."""
    ids = _parties().get(series or "", [])
    return [kb.actors[i].ref() for i in ids if i in kb.actors]


def _names(actors: tuple[ActorRef, ...], lang: str, limit: int = 3) -> list[str]:
    """People before the states and bodies they speak or act for."""
    ordered = sorted(actors, key=lambda a: a.kind != "person")[:limit]
    names = [a.name_en if lang == "en" else a.name_ar for a in ordered]
    return [n for n in names if n]


def _join(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    if lang == "en":
        return ", ".join(names[:-1]) + " and " + names[-1]
    return "، ".join(names[:-1]) + " و" + names[-1]


def titles(event: ExtractedEvent, kb: KnowledgeBase) -> tuple[str, str]:
    """(title_en, title_ar)."""
    noun_en, noun_ar = _NOUN.get(event.type, (event.type, event.type))
    en_names, ar_names = _names(event.actors, "en"), _names(event.actors, "ar")
    where_en = f" in {event.place.name_en}" if event.place and event.place.name_en else ""
    where_ar = f" في {event.place.name_ar}" if event.place and event.place.name_ar else ""
    if event.type == "talks_round":
        series = kb.series.get(event.series or "")
        en = f"{series.name_en} talks" if series else "Talks"
        ar = f"محادثات {series.name_ar}" if series else "محادثات"
        if event.round:
            en, ar = f"{en}, round {event.round}", f"{ar}، الجولة {event.round}"
        return en, ar
    if event.type == "meeting" and len(en_names) >= 2:
        return (
            f"{en_names[0]} meets {_join(en_names[1:], 'en')}{where_en}",
            f"لقاء {ar_names[0]} و{_join(ar_names[1:], 'ar')}{where_ar}",
        )
    if event.type == "statement" and en_names:
        return f"{en_names[0]}: {noun_en}", f"{ar_names[0]}: {noun_ar}"  # the speaker
    if en_names:
        return f"{_join(en_names, 'en')}: {noun_en}", f"{_join(ar_names, 'ar')}: {noun_ar}"
    return noun_en.capitalize() + where_en, noun_ar + where_ar
