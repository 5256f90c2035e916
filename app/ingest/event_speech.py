"""Statements: who speaks, where their words begin, and which earlier speaker a bare verb continues.

A statement needs a speaker: the named person, office or body in the slot
after its verb (up to "إن/أن", a colon or a quotation), or just before it
(English: the sentence's first name); a verb that opens its clause with no
subject continues the previous speaker. The stretch from the clause's start to
where the reported words begin is the statement's frame: a date there dates
the saying, and acts reported after it are not the speaker's unless the words
begin with "he".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.ingest.event_candidates import Cand, governing, place_of, subject_like
from app.ingest.event_context import Context, Located
from app.ingest.event_rules import Rule, cue

_SLOT_MAX = 120  # folded characters after a verb of saying in which its subject may stand
_SUBJECT_REACH = 90  # the subject of a verb of saying starts this close to it
_SVO_GAP = re.compile(r"^\s*(?:قد\s+|لا\s+)?$")


@dataclass(frozen=True)
class _Slot:
    start: int  # where the speaker may be named (after the verb, or after "ذلك")
    end: int  # where the reported words begin
    content: int  # the first character of the reported words
    joins: bool  # "أعلن ذلك …": the previous statement, told again


def _slot(ctx: Context, sent: int, t_end: int) -> _Slot:
    text, sent_end = ctx.text, ctx.sent_bounds[sent][1]
    start, joins = t_end, False
    that = cue("anaphoric_that", ctx.lang).match(text[t_end:sent_end])
    if that:
        start, joins = t_end + that.end(), True
    limit = min(sent_end, start + _SLOT_MAX)
    comp = cue("complement", ctx.lang).search(text, start, limit)
    end = comp.start() if comp else limit
    return _Slot(start, end, comp.end() if comp else end, joins)


def statement(ctx: Context, sent: int, rule: Rule, m: re.Match[str], previous: Cand | None) -> Cand | None:
    t_start, t_end = m.start("t"), m.end("t")
    if cue("masdar_before", ctx.lang).search(ctx.text[max(0, t_start - 10) : t_start]):
        return None
    clause = ctx.clause_at(sent, t_start)
    slot = _slot(ctx, sent, t_end)
    words = ctx.text[slot.start : slot.end].strip()
    if cue("media_subject", ctx.lang).match(words) or cue("unnamed", ctx.lang).match(words):
        return None
    if rule.source_after:
        speakers, joins = _source(ctx, slot) or _anaphor(ctx, words, t_start), slot.joins
    else:
        speakers, joins = _find_speakers(ctx, sent, clause, t_start, slot, words), slot.joins
    if not speakers:
        prefix = ctx.text[clause[0] : t_start]
        if previous is None or not cue("continuation_prefix", ctx.lang).match(prefix):
            return None
        speakers, joins = list(previous.actors), True
    joins = joins and previous is not None
    return _statement(ctx, sent, rule, (t_start, t_end), clause, slot, speakers, joins)


def _source(ctx: Context, slot: _Slot) -> list[Located]:
    """The name right after "نقلت الوكالة عن": the person or body quoted."""
    found = [a for a in ctx.actors_in(slot.start, slot.end) if a not in ctx.adjectives]
    return found[:1] if found and found[0].start - slot.start <= 2 else []


def _find_speakers(
    ctx: Context, sent: int, clause: tuple[int, int], t_start: int, slot: _Slot, words: str
) -> list[Located]:
    if ctx.lang == "en":
        found = _subject_en(ctx, sent, t_start) or _speakers(ctx, slot.start, min(slot.end, slot.start + 3))
    else:
        found = _speakers(ctx, slot.start, slot.end) or _speaker_before(ctx, clause, t_start)
    return found or _anaphor(ctx, words, t_start)


def _statement(
    ctx: Context,
    sent: int,
    rule: Rule,
    trigger: tuple[int, int],
    clause: tuple[int, int],
    slot: _Slot,
    speakers: list[Located],
    joins: bool,
) -> Cand:
    t_start, t_end = trigger
    span_end = ctx.clause_at(sent, max(slot.content - 1, clause[0]))[1]
    cand = Cand("statement", rule.id, "occurred", sent, t_start, t_end, (clause[0], max(span_end, t_end)))
    cand.slot_phrase = ctx.text[t_start : slot.end]
    cand.surfaces = tuple(
        ctx.text[a.start : a.end] for a in speakers if a.actor and a.actor.actor.kind != "person"
    )
    cand.actors = speakers + _title_body(ctx, speakers, cand.slot_phrase, slot.start, slot.end)
    cand.joins_previous = joins
    cand.own_act = rule.own_act
    cand.content = (slot.content, ctx.sent_bounds[sent][1])
    cand.timex = governing(ctx, clause[0], slot.end, t_start)
    cand.place = place_of(ctx, clause[0], slot.end)
    ctx.frames.append((clause[0], slot.end))
    ctx.frame_speakers[(clause[0], slot.end)] = speakers
    return cand


def _title_body(ctx: Context, speakers: list[Located], phrase: str, start: int, end: int) -> list[Located]:
    """A spokesperson or delegate speaks for a body ("المتحدث باسم الكرملين"): the body is an actor too."""
    if not speakers or len(speakers) > 1 or not cue("body_title", ctx.lang).search(phrase):
        return []
    person = speakers[0].actor
    if person is None or person.actor.kind != "person":
        return []
    for loc in ctx.actors_in(start, end):
        match = loc.actor
        if match and match.role_title and match.actor.id == person.actor.id:
            body = ctx.kb.actors.get(ctx.kb.roles[match.role_title].body)
            if body is not None:
                return [Located(loc.start, loc.end, actor=replace(match, actor=body.ref(), role_title=None))]
    return []


def _speakers(ctx: Context, start: int, end: int) -> list[Located]:
    """The person named in the slot with the body in its title, else the first body named."""
    end = min(end, start + _SUBJECT_REACH)
    start = _past_adjunct(ctx, start, end)
    found = [a for a in ctx.actors_in(start, end) if subject_like(ctx, a)]
    persons = [a for a in found if a.actor and a.actor.actor.kind == "person"]
    if persons:
        person = persons[0]
        bodies = [
            a
            for a in found
            if a.actor and a.actor.actor.kind != "person" and a.start < person.start and not a.actor.ambiguous
        ]
        return [person, *bodies[:1]]
    return found[:1]


def _past_adjunct(ctx: Context, start: int, end: int) -> int:
    """A slot opening with a preposition ("وقال في تصريح لقناة روسيا اليوم إن …") holds no
    subject before its first comma or dash: the names in it belong to the phrase."""
    words = ctx.text[start:end].split(maxsplit=1)
    if not words or not cue("preposition", ctx.lang).search(words[0]):
        return start
    stop = re.search(r"[،,]|\s[-–—]", ctx.text[start:end])
    return start + stop.end() if stop else end


def _speaker_before(ctx: Context, clause: tuple[int, int], t_start: int) -> list[Located]:
    """Subject-verb order ("دي ميستورا قال", "The Kremlin said"): the name just before the verb."""
    before = [
        a
        for a in ctx.actors_in(clause[0], t_start)
        if _SVO_GAP.match(ctx.text[a.end : t_start]) and a not in ctx.adjectives
    ]
    if not before:
        return []
    return [before[-1]]


def _subject_en(ctx: Context, sent: int, t_start: int) -> list[Located]:
    """English puts the speaker first ("Lavrov, speaking in Moscow, said …"): the sentence's first
    name outside quotations and prepositional phrases, after any earlier statement's reported words."""
    start = ctx.sent_bounds[sent][0]
    start = max([start] + [e for s, e in ctx.frames if start <= s and e <= t_start])
    for loc in ctx.actors_in(start, t_start):
        if subject_like(ctx, loc) and not ctx.in_quote(loc.start):
            return _speakers(ctx, loc.start, t_start)
    return []


def _anaphor(ctx: Context, slot: str, t_start: int) -> list[Located]:
    """A definite noun as speaker ("الوزارة"): the last actor named before whose name holds it."""
    m = cue("definite_anaphor", ctx.lang).match(slot)
    if not m:
        return []
    head = m.group(0).strip()
    head = head[2:] if head.startswith("ال") and len(head) > 4 else head
    for loc in reversed(ctx.actors_in(0, t_start)):
        if head in ctx.text[loc.start : loc.end]:
            return [loc]
    return []
