"""Where an act took place: the gazetteer name its clause states as a place.

A name after a preposition, a place noun or a compass point ("من مدينة حلب", "جنوبي إدلب", "the town
of …") says where; the narrowest of nested names wins; "المدينة" / "the city" is the last Syrian city
the article named.
"""

from __future__ import annotations

import re

from app.ingest.event_context import Context, Located
from app.ingest.event_rules import cue
from app.ingest.records import PlaceRef


def place_phrase(ctx: Context, loc: Located) -> bool:
    """A name after "في/إلى/من" is where something happened, not who did it."""
    before = ctx.text[max(0, loc.start - 8) : loc.start]
    return bool(re.search(r"(?:^|\s)(?:في|الي|من|فوق|داخل|بشان|حول|ضد|in|to|from|about|against)\s*$", before))


def place_of(ctx: Context, start: int, end: int) -> PlaceRef | None:
    """The first place of [start, end) named as a place; the narrowest when one holds another
    ("في محافظة إدلب شمال غربي سوريا", "in Syria's Idlib province": Idlib, not Syria)."""
    found = [loc.place for loc in ctx.places_in(start, end) if loc.place and _named_as_place(ctx, loc)]
    inner = [p for p in found if not any(q.id != p.id and _within_place(ctx, q.id, p.id) for q in found)]
    return inner[0] if inner else _city_anaphor(ctx, start, end)


def _city_anaphor(ctx: Context, start: int, end: int) -> PlaceRef | None:
    """ "في المدينة", "east of the city": the last Syrian city or town the article named before."""
    m = cue("city_anaphor", ctx.lang).search(ctx.text, start, end)
    if m is None:
        return None
    for loc in reversed(ctx.places_in(max(0, m.start() - _ANAPHOR_REACH), m.start())):
        if loc.place and loc.place.kind == "city" and _within_place(ctx, loc.place.id, SYRIA):
            return loc.place
    return None


SYRIA = "syria-country"
_ANAPHOR_REACH = 1500  # characters back where the city "المدينة" stands for may be named


def _named_as_place(ctx: Context, loc: Located) -> bool:
    """After a preposition (_place_phrase), a place noun or a compass point ("من مدينة حلب", "جنوبي
    إدلب", "the town of …"), or before a place noun ("Idlib province"): the name says where. (Only
    for the event's place: a name standing so is not therefore kept from being a party.)"""
    lead = ctx.text[max(0, loc.start - _PLACE_LEAD_REACH) : loc.start]
    if cue("place_topic", ctx.lang).search(lead):
        return False  # "محادثات أستانا حول سوريا": what the talks are about, not where
    if loc.place and loc.place.kind == "country" and cue("envoy_post", ctx.lang).search(lead):
        return False  # "المبعوث الأممي إلى سوريا": the envoy's post
    if place_phrase(ctx, loc):
        return True
    if cue("place_prep", ctx.lang).search(lead) and not ctx.actors_in(loc.start, loc.end):
        return True  # "غارات على إدلب", "talks at Astana"; not "الضغط على دمشق" (the state)
    head = ctx.text[loc.start : loc.end].split(" ", 1)[0]
    if " " in ctx.text[loc.start : loc.end] and cue("place_lead", ctx.lang).search(" " + head):
        return True  # the name holds its place noun ("مطار الشعيرات", "مخيم الركبان")
    return bool(
        cue("place_lead", ctx.lang).search(lead) or cue("place_tail", ctx.lang).match(ctx.text, loc.end)
    )


_PLACE_LEAD_REACH = 40  # characters before a name where its place noun or compass point may stand


def _within_place(ctx: Context, inner: str, outer: str) -> bool:
    """Whether place `inner` lies in `outer` by the gazetteer's part_of chain."""
    seen: set[str] = set()
    place = ctx.kb.places.get(inner)
    while place is not None and place.part_of and place.part_of not in seen:
        if place.part_of == outer:
            return True
        seen.add(place.part_of)
        place = ctx.kb.places.get(place.part_of)
    return False
