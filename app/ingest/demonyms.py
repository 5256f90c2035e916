"""Adjectives of nationality as actors ("طائرات روسية" → Russia), from resources/events/demonyms.yaml.

The knowledge base names states by their names and metonyms; news also names
them by adjectives, which is how many strikes, proposals and meetings "by
countries" are written. These matches add actors to events; they never make
a speaker.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

import yaml

from app.ingest.actors import ActorMatch
from app.ingest.event_rules import EVENTS_DIR, fold_pattern
from app.ingest.knowledge import KnowledgeBase
from app.ingest.normalize import Folded

_ENDING = "(?:ه|ين|ون|تين|تان|s)?"
_COMPILED: weakref.WeakKeyDictionary[KnowledgeBase, tuple[re.Pattern[str], dict[str, str]]] = (
    weakref.WeakKeyDictionary()
)


@lru_cache(maxsize=1)
def table() -> dict[str, list[str]]:
    data = yaml.safe_load((EVENTS_DIR / "demonyms.yaml").read_text(encoding="utf-8"))
    return {str(k): [str(w) for w in v] for k, v in (data.get("demonyms") or {}).items()}


def _compiled(kb: KnowledgeBase) -> tuple[re.Pattern[str], dict[str, str]]:
    if kb not in _COMPILED:
        stems = {
            fold_pattern(w).lower(): actor
            for actor, words in table().items()
            if actor in kb.actors
            for w in words
        }
        alts = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) or "(?!)"
        regex = re.compile(rf"(?<![^\W\d_])(?:[وفبل]|ال|وال|بال|لل|فال)?(?P<n>{alts}){_ENDING}(?![^\W\d_])")
        _COMPILED[kb] = (regex, stems)
    return _COMPILED[kb]


def demonym_matches(folded: Folded, kb: KnowledgeBase) -> list[ActorMatch]:
    """Actor matches (original offsets) for the nationality adjectives in the folded text."""
    regex, stems = _compiled(kb)
    out = []
    for m in regex.finditer(folded.text):
        stem = m.group("n")
        stem_key = stem if stem in stems else stem.removeprefix("ال")
        actor = kb.actors.get(stems.get(stem_key, ""))
        if actor is None:
            continue
        start, end = folded.to_original(m.start(), m.end())
        out.append(ActorMatch(start, end, actor.ref(), "alias"))
    return out
