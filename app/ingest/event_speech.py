"""Statements: who speaks, where their words begin, and which earlier speaker a bare verb continues.

A statement needs a speaker: the named person, office or body in the slot
after its verb (up to "إن/أن", a colon or a quotation), or just before it
(English: the sentence's first name); a verb that opens its clause with no
subject continues the previous speaker. The stretch from the clause's start to
where the reported words begin is the statement's frame: a date there dates
the saying, and acts reported after it are not the speaker's unless the words
begin with "he".

Verbs that do not start a statement of their own: a verb inside the reported
words ("قال إن موسكو أبلغت"), a plural verb after one speaker, a reduced passive
("claimed by IS"). Verbs that go on with one: a participle ("، داعيا"), whose
speaker is the subject of the clause it hangs on; a masculine verb followed by a
state (its object); English "but/and" + verb. English speakers may follow the
verb ("…, said Lavrov", "announced by X", "according to X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.ingest.actors import ActorMatch
from app.ingest.event_candidates import DATELINE, Cand, known_body, subject_like
from app.ingest.event_context import Context, Located
from app.ingest.event_places import place_of
from app.ingest.event_rules import Rule, cue
from app.ingest.event_timing import governing
from app.ingest.records import ActorRef, Timex

_SLOT_MAX = 120  # folded characters after a verb of saying in which its subject may stand
_SUBJECT_REACH = 90  # the subject of a verb of saying starts this close to it
_OFFICE_REACH = 60  # folded characters before a new person's name in which the office's body stands
_SLOT_MAX_EN = 80  # English: "that" or a colon this close to the verb ends the frame
_EN_ADVERBIAL = 20  # English: a date starting this close after the verb dates the saying
# English words that may stand between a verb of saying and the date of the saying
_EN_ADJUNCT_WORDS = frozenset(
    [
        "reporters",
        "journalists",
        "the",
        "a",
        "an",
        "news",
        "press",
        "conference",
        "briefing",
        "in",
        "at",
        "during",
        "late",
        "early",
        "on",
        "last",
        "this",
        "his",
        "her",
        "their",
        "joint",
        "interview",
        "television",
        "state",
        "radio",
        "statement",
    ]
)
# between a subject and its verb: "قد", "لا", or the ف of an answer clause ("أما البحره فقال",
# "أما رئيس الوفد، فرأى")
_SVO_GAP = re.compile(r"^\s*(?:[،,]\s*ف|(?:قد\s+|لا\s+)?ف?)$")
_PLURAL_VERB = re.compile(r"^[وف]?\S{2,}وا$")  # "قالوا", "أكدوا": never one earlier speaker
_FEMININE_VERB = re.compile(r"^[وف]?\S{2,}(?:ت|تا)$")
_WAS_BEFORE = re.compile(r"^\s*[وف]?(?:كان|كانت)\s+\S.*\sقد\s*$")
# a date right after these belongs to the deal they qualify or the period they open, not to the
# saying ("الاتفاق الموقع في …", "منذ 2013"); a statement "الصادر اليوم" or a conference "held on
# Monday" is the saying's own occasion and keeps its date
_MODIFIER_BEFORE = re.compile(
    r"(?:^|\s)(?:الموقع|الموقعة|المبرم|المبرمة|منذ|signed|reached|agreed|adopted|since)\s+"
    r"(?:\S+\s+){0,2}?(?:في\s+|on\s+|in\s+)?$"
)
_THAT_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:ان|انه|انها|انهم|بان|بانه|بانها|that)\s")
# English: "…, said Lavrov" (speaker after the verb); "was announced by X"; "with X saying"
_EN_PRONOUN_SUBJECT = re.compile(r"\s+(?:they|he|she|it|we)\s")
_QUOTE_BEFORE = re.compile(r"[,\"”]\s*$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")
_BY_AFTER = re.compile(
    r"\s+by\s(?!(?:tele)?phone|video|letter|e-?mail|satellite)"
)  # used with .match at the verb's end
_WITH_BEFORE = re.compile(r"\bwith\s+(?:\S+\s+){0,7}$")
_REDUCED_RELATIVE = re.compile(r"[^,.]{0,60},\s+(?:was|were|is|are|has|had|will|would)\b")
_RELATIVE_BEFORE = re.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين)\s*[وف]?$")
# an English clause that opens with its own subject noun phrase ("a rebel official", "diplomats");
# a known name before a body noun only qualifies it ("the Syrian American Medical Society")
_OWN_HEAD = r"^\s*(?:a|an|the|some|several|two|three)?\s*(?:[a-z-]+\s+){0,3}?(?:%s)\s*$"
_OWN_SUBJECT = re.compile(
    _OWN_HEAD
    % "official|officials|spokesman|spokeswoman|spokesperson|diplomat|diplomats|source|sources|analyst|"
    "analysts|commander|commanders|activist|activists|witness|witnesses|residents|society|group|agency|"
    "monitor|observatory"
)
_OWN_BODY = re.compile(_OWN_HEAD % "society|group|agency|monitor|observatory|association|union|network")
_READER = re.compile(
    r"(?:^|\s)(?:الذي|التي)\s+(?:تلاه|تلته|تلاها|اصدره|اصدرته|اصدرها|وقعه|وقعته|وقعها|قراه|قراها)(?:\s|$)"
)
# "the Syrian American Medical Society" right before the verb: capitalised words ending in a body noun
_NEW_BODY_EN = re.compile(
    r"(?:^|(?<=[,;:.]\s)|(?<=\A))\s*(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?)"
    r"{1,6}?(?:Society|Organization|Organisation|Committee|Council|Network|Observatory|Union|Association|"
    r"Foundation|Institute|Centre|Center|Commission|Movement|Federation|Syndicate|Monitor))\s+$"
)
_OFFICIAL_OF = re.compile(
    r"[\s,]*(?:(?:while|and|but|as|whereas)\s+)?(?:a|an|the|one)\s+(?:senior\s+|top\s+|local\s+)?(?P<side>[a-z-]{3,})\s+"
    r"(?:official|spokesman|spokeswoman|commander|negotiator|leader|source)\s*$"
)
# a document and who issued it: "بيان لوزارة", "بيان صادر عن", "بيان مشترك ل"
_ISSUED_BY = re.compile(
    r"\s*(?:في\s+)?(?:ال)?(?:بيان|بيانا|رساله|مذكره)\s+(?:(?:مشترك|رسمي|مقتضب|مكتوب|جديد)\s+)?"
    r"(?:(?:ال)?(?:صادر|صدر)\s+(?:اليوم\s+)?)?(?:عن\s+|من\s+|ل)"
)
_COMMA = re.compile(r"\s*[،,]\s*")
_LIST_GAP_WORDS = re.compile(r"\s*(?:[،,]\s*)?(?:and\s+|و)?")
_HOMOGRAPHS = frozenset({"حذر"})  # verbs of saying that are also adjectives ("هدوء حذر")
_PARTICLES = frozenset(
    [
        "و",
        "ف",
        "ثم",
        "كما",
        "قد",
        "لقد",
        "وقد",
        "فقد",
        "كذلك",
        "حيث",
        "فيما",
        "بينما",
        "إذ",
        "اذ",
        "ان",
        "أن",
        "الذي",
        "التي",
        "ما",
        "لا",
    ]
)
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:communique|statement|resolution|declaration|document|text|letter|draft|plan|proposal|agreement|deal|"
    r"memorandum|accord|report|paper)\s+$"
)
# what follows a participle of saying inside its clause ("معتبرة أنه", "داعيا إلى", "مشددا على ضرورة")
_PARTICIPLE_OBJECT = re.compile(r"\s*(?:ان|انه|انها|انهم|بان|بانه|بانها|الي|علي|عن|ب\S+|ل\S+)(?!\S)")
# right after a verb of saying: a definite noun, then a verbal noun whose pronoun points back to it
# ("أعلنت الهيئة رفضها"): that noun is the subject, whether or not it is a name we know
_UNKNOWN_SUBJECT = re.compile(r"\s+[وف]?ال\S{3,}\s+[وفبل]?(?:ال)?\S{3,}(?:ها|هم|هما)(?!\S)")
_WHO_BEFORE = re.compile(r"\bwho\s+(?:has|had|have)\s+(?:\S+\s+)?$")
_EN_AND_BUT = re.compile(r"^\s*(?:,\s*)?(?:but|and)\s*$")
# names of states and cities that take a feminine verb in Arabic though they do not end in -a/-ah
_FEMININE_NAMES = frozenset(
    {"ايران", "مصر", "قطر", "الصين", "واشنطن", "طهران", "دمشق", "بكين", "باريس", "لندن"}
)


@dataclass(frozen=True)
class _Slot:
    start: int  # where the speaker may be named (after the verb, or after "ذلك")
    end: int  # where the reported words begin
    content: int  # the first character of the reported words
    joins: bool  # "أعلن ذلك …": the previous statement, told again


def _slot(ctx: Context, sent: int, t_end: int, source_after: bool = False) -> _Slot:
    text, sent_end = ctx.text, ctx.sent_bounds[sent][1]
    start, joins = t_end, False
    that = cue("anaphoric_that", ctx.lang).match(text[t_end:sent_end])
    if that:
        start, joins = t_end + that.end(), True
    limit = min(sent_end, start + (_SLOT_MAX_EN if ctx.lang == "en" else _SLOT_MAX))
    comp = cue("complement", ctx.lang).search(text, start, limit)
    if comp is not None and ctx.lang == "en" and not source_after and comp.group(0).strip() != "that":
        # "said on Tuesday they would convene a "congress" …": the words begin at the pronoun after the
        # date, not at a later quotation mark or comma
        adverbial = _en_adverbial_end(ctx, start, sent_end)
        if start < adverbial < comp.start() and _EN_PRONOUN_SUBJECT.match(text, adverbial):
            return _Slot(start, adverbial, adverbial, joins)
    if comp is None and ctx.lang == "en" and not source_after:
        # English names the speaker before the verb: without "that" the words start at once
        # ("called for talks to begin by January 1"); only a date right after the verb is the saying's
        end = _en_adverbial_end(ctx, start, sent_end)
        return _Slot(start, end, end, joins)
    end = comp.start() if comp else limit
    return _Slot(start, end, comp.end() if comp else end, joins)


def _en_adverbial_end(ctx: Context, start: int, sent_end: int) -> int:
    """The end of a time expression standing right after an English verb of saying
    ("said on Wednesday", "told reporters late on Monday"), else the verb's end."""
    for t in ctx.timexes_in(start, min(sent_end, start + _EN_ADVERBIAL)):
        return t.end
    for t in ctx.timexes_in(start, min(sent_end, start + _SLOT_MAX_EN))[:1]:
        if _adjuncts_only(ctx, start, t.start):  # "told reporters in Moscow on Wednesday"
            return t.end
    by = _BY_AFTER.match(ctx.text, start)
    before = ctx.text[max(0, start - 30) : start].rsplit(" ", 1)[0]  # up to the verb
    named = _QUOTE_BEFORE.search(before) and [
        a for a in ctx.actors_in(start, start + 6) if a not in ctx.adjectives
    ]
    if by or named:  # "announced by the Secretary-General on September 23", "said Peskov on Tuesday"
        for t in ctx.timexes_in(start, min(sent_end, start + _SLOT_MAX_EN)):
            return t.end
    return start


def _adjuncts_only(ctx: Context, start: int, end: int) -> bool:
    """Whether English words between a verb of saying and a date are only its listeners and where it
    was said ("reporters in Moscow", "a news conference at the Kremlin"), not reported words."""
    named = [(p.start, p.end) for p in ctx.places_in(start, end)] + [
        (a.start, a.end) for a in ctx.actors_in(start, end)
    ]
    for m in re.finditer(r"\S+", ctx.text[start:end]):
        word = m.group(0).strip(",")
        pos = start + m.start()
        if word not in _EN_ADJUNCT_WORDS and not any(s <= pos < e for s, e in named):
            return False
    return True


def statement(ctx: Context, sent: int, rule: Rule, m: re.Match[str], previous: Cand | None) -> Cand | None:
    t_start, t_end = m.start("t"), m.end("t")
    if cue("masdar_before", ctx.lang).search(ctx.text[max(0, t_start - 10) : t_start]):
        return None
    clause = ctx.clause_at(sent, t_start)
    slot = _slot(ctx, sent, t_end, source_after=rule.source_after)
    words = ctx.text[slot.start : slot.end].strip()
    if cue("media_subject", ctx.lang).match(words) or cue("unnamed", ctx.lang).match(words):
        return None
    trigger = ctx.text[t_start:t_end]
    prefix = ctx.text[clause[0] : t_start]
    same = previous if previous is not None and previous.sent == sent else None
    if same is not None and _inside_words(ctx, same, clause, t_start):
        return None  # a verb of the reported words ("قال إن موسكو أبلغت …") is not a new statement
    if ctx.lang == "en" and bool(_PASSIVE_BEFORE.search(prefix)) != bool(_BY_AFTER.match(ctx.text, t_end)):
        return None  # "is said to" / "the attacks, claimed by IS": no one speaks
    if ctx.lang == "en" and _REDUCED_RELATIVE.match(ctx.text, t_end) and prefix.strip() == "":
        return None  # "The agreement, announced on Tuesday night, was meant to …": no one speaks
    if (
        ctx.lang == "ar"
        and not rule.source_after
        and _RELATIVE_BEFORE.search(ctx.text, max(0, t_start - 8), t_start)
    ):
        return None  # "بيان المؤتمر الذي طالب برحيل الأسد": the subject is the noun before, not a name after
    if ctx.lang == "en" and rule.id.endswith(".participle") and _DOCUMENT_BEFORE.search(prefix):
        return None  # "signed off on a communique calling for …": what the document says, no one speaks
    if ctx.lang == "en" and _WHO_BEFORE.search(ctx.text, max(0, t_start - 40), t_start):
        return None  # "X, who has urged both sides to …, said": a description of the speaker, not news
    if ctx.lang == "en" and same is not None and _EN_AND_BUT.match(prefix):
        # "X said … but warned …": the same speaker goes on
        return _statement(ctx, sent, rule, (t_start, t_end), clause, slot, list(same.actors), True)
    if ctx.lang == "ar" and _adjective_use(ctx, clause, t_start, trigger):
        return None  # "ساد هدوء حذر": the adjective "cautious", not the verb "warned"
    if ctx.lang == "ar" and rule.id.endswith(".participle"):
        return _participle(ctx, sent, rule, (t_start, t_end), clause, slot, same)
    earlier: tuple[str, ...] | None = None
    if rule.id.endswith(".document"):
        speakers, joins = _reader(ctx, slot), False
        if not speakers:
            return None
    elif rule.source_after:
        found = _source(ctx, slot) or _body_of_state(ctx, slot, words) or _anaphor(ctx, words, t_start)
        earlier = _spoke_before(ctx, found) if _attribution(ctx, rule, slot) else None
        if earlier == ():
            return None  # "بحسب الأمم المتحدة، نزح …": a source cited, no saying of its own
        speakers, joins = found, slot.joins
    else:
        speakers, joins = _find_speakers(ctx, sent, clause, (t_start, t_end), slot, words), slot.joins
    if ctx.lang == "ar" and _object_not_subject(ctx, trigger, speakers, same):
        speakers = []
    if rule.reach is not None and speakers and speakers[0].start > t_end + rule.reach:
        speakers = []  # "رفض" names its subject at once; a name further on is another clause's
    plural = ctx.lang == "ar" and bool(_PLURAL_VERB.match(trigger))
    if plural and not rule.source_after and all(a.start >= t_end for a in speakers):
        speakers = []  # "كما أكدوا الالتزام بسيادة الجمهورية …": a plural verb's subject stands before it
    if not speakers and ctx.lang == "en" and not rule.source_after:
        speakers = _new_body_en(ctx, sent, t_start)  # "…, the Syrian American Medical Society said"
    if not speakers and rule.source_after:
        return None  # "according to a joint statement": no one named
    if not speakers and plural:
        speakers = _plural_subject(ctx, sent, clause)
        if speakers:
            ctx.borrowed.add(t_start)
    if not speakers:
        continues = cue("continuation_prefix", ctx.lang).match(prefix)
        if previous is None or not continues or (plural and len(previous.person_ids) == 1):
            return None
        speakers, joins = list(previous.actors), True
    joins = joins and previous is not None
    cand = _statement(ctx, sent, rule, (t_start, t_end), clause, slot, speakers, joins)
    cand.surfaces += earlier or ()  # the attribution joins the statement it cites
    return cand


def _new_body_en(ctx: Context, sent: int, t_start: int) -> list[Located]:
    """An organisation the knowledge base does not know, named in capitals right before an English verb
    of saying ("the Syrian American Medical Society said"): a new actor with that name."""
    o_sent = ctx.to_original(ctx.sent_bounds[sent][0], t_start)
    lo = max(o_sent[0], o_sent[1] - 120)
    m = _NEW_BODY_EN.search(ctx.article.text, lo, o_sent[1])
    if m is None:
        return []
    name = m.group("name")
    f_start, f_end = ctx.to_folded(m.start("name"), m.end("name"))
    inside = ctx.actors_in(f_start, f_end)
    if any(a.actor is None or a.actor.actor.kind != "country" for a in inside):
        return []  # a known name (or one inside it) is not a new body; "Syrian" may qualify a new one
    slug = "-".join(name.lower().split())
    ref = ActorRef(f"new-{slug}", name, name, "organisation", aliases=(name,), is_new=True)
    return [Located(f_start, f_end, actor=ActorMatch(m.start("name"), m.end("name"), ref, "introduced"))]


def _reader(ctx: Context, slot: _Slot) -> list[Located]:
    """ "جاء في البيان الذي تلاه X": X, who read, issued or signed the document; "جاء في بيان لوزارة X": X."""
    m = _READER.search(ctx.text, slot.start, slot.end)
    return _speakers(ctx, m.end(), slot.end) if m else _issuer(ctx, slot.start, slot.end)


def _issuer(ctx: Context, start: int, end: int) -> list[Located]:
    """ "بيان لوزارة الخارجية التركية", "بيان صادر عن الكرملين": the body that issued the document."""
    m = _ISSUED_BY.match(ctx.text, start, max(end, start + 40))
    if m is None:
        return []
    # the body's name may run past the slot's "عن"; "بيان لوزارة الخارجية التركية": the head noun may stand
    # before the name that holds the state
    found = [a for a in ctx.actors_in(m.end(), m.end() + 40) if a.actor]
    if found and len(ctx.text[m.end() : found[0].start].split()) <= 1:
        return found[:1]
    return []


def _attribution(ctx: Context, rule: Rule, slot: _Slot) -> bool:
    """ "according to X", "بحسب X": the fact is cited to X, who is not told to say it (a document
    X issued is: "بحسب بيان صادر عن X")."""
    return rule.id.endswith(".according_to") and not _issuer(ctx, slot.start, slot.end)


def _spoke_before(ctx: Context, speakers: list[Located]) -> tuple[str, ...]:
    """The names by which a statement told earlier in the article called one of `speakers`: an
    attribution to X then is one more passage of X's statement ("وأفاد المرصد السوري … بحسب المرصد")."""
    ids = {a.actor.actor.id for a in speakers if a.actor}
    return tuple(
        ctx.text[s.start : s.end]
        for found in ctx.frame_speakers.values()
        for s in found
        if s.actor and s.actor.actor.id in ids
    )


def _source(ctx: Context, slot: _Slot) -> list[Located]:
    """The name right after "نقلت الوكالة عن": the person or body quoted."""
    issued = _issuer(ctx, slot.start, slot.end)  # "بحسب بيان صادر عن وزارة الدفاع الروسية"
    if issued:
        return issued
    found = [a for a in ctx.actors_in(slot.start, slot.end) if a not in ctx.adjectives]
    return found[:1] if found and ctx.text[slot.start : found[0].start].strip() in ("", "the") else []


def _find_speakers(
    ctx: Context, sent: int, clause: tuple[int, int], trigger: tuple[int, int], slot: _Slot, words: str
) -> list[Located]:
    t_start, t_end = trigger
    if ctx.lang == "en":
        found = _speaker_after_en(ctx, sent, t_start, t_end) or _with_subject_en(ctx, clause, t_start)
        found = (
            found
            or _subject_en(ctx, sent, t_start)
            or _speakers(ctx, slot.start, min(slot.end, slot.start + 3))
        )
    elif _WAS_BEFORE.match(ctx.text[clause[0] : t_start]):
        # "وكان الأمين العام … قد أعلن": the subject stands before the verb
        found = _speaker_before(ctx, clause, t_start) or _speakers(ctx, slot.start, slot.end)
    else:
        found = (
            _issuer(ctx, slot.start, slot.end)  # "وأكد بيان للخارجية الروسية أن": the ministry speaks
            or _speakers(ctx, slot.start, slot.end)
            or _speaker_before(ctx, clause, t_start)
        )
    found = found or _body_of_state(ctx, slot, words) or _anaphor(ctx, words, t_start)
    unknown = ctx.lang == "ar" and _UNKNOWN_SUBJECT.match(ctx.text, t_end)
    if unknown and found and found[0].start >= unknown.end():
        return []  # "وأعلنت الهيئة رفضها للمقترح الأميركي": a name after the object is not the subject
    return found


def _body_of_state(ctx: Context, slot: _Slot, words: str) -> list[Located]:
    """ "وزارة الدفاع التركية": a ministry or body named by its state's adjective speaks for that state."""
    if not cue("definite_anaphor", ctx.lang).match(words):
        return []
    head_end = (
        slot.start + len(ctx.text[slot.start : slot.end]) - len(ctx.text[slot.start : slot.end].lstrip())
    )
    near = [a for a in ctx.adjectives if head_end <= a.start < min(slot.end, head_end + 25)]
    return near[:1]


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
    if rule.source_after:  # "بحسب المرصد السوري …" and a later "وأفاد المرصد": one source
        cand.surfaces += tuple(s.split()[0] for s in cand.surfaces if len(s.split()) > 1)
    cand.actors = speakers + _title_body(ctx, speakers, cand.slot_phrase, slot.start, slot.end)
    cand.joins_previous = joins
    cand.own_act = rule.own_act
    cand.content = (slot.content, ctx.sent_bounds[sent][1])
    frame_start = clause[0]
    fronted = _after_words(ctx, sent, clause, speakers, t_start)
    if fronted:
        ctx.fronted.append((ctx.sent_bounds[sent][0], clause[0]))
    words_first = fronted or not ctx.text[slot.end : ctx.sent_bounds[sent][1]].strip(" .,;\"'”")
    if ctx.lang == "en" and not rule.source_after and not words_first:
        # "On Tuesday, the ministers met … and issued a statement": the subject's sentence dates it;
        # not "The team is due on Wednesday, a spokeswoman said" (the words come first)
        frame_start = max(
            [ctx.sent_bounds[sent][0]] + [e for s, e in ctx.frames if s < t_start and e <= t_start]
        )
    cand.timex = _saying_timex(ctx, frame_start, slot.end, t_start)
    cand.place = place_of(ctx, clause[0], slot.end)
    ctx.frames.append((clause[0], slot.end))
    ctx.frame_speakers[(clause[0], slot.end)] = speakers
    return cand


def _after_words(
    ctx: Context, sent: int, clause: tuple[int, int], speakers: list[Located], t_start: int
) -> bool:
    """English "<words>, Erdogan said, …": the verb's clause is only its subject, after a stretch
    that is more than a time adverbial ("On Tuesday, …" is not words); that stretch is what was said."""
    start = ctx.sent_bounds[sent][0]
    if not speakers or clause[0] <= start or speakers[0].start < clause[0]:
        return False
    subject = ctx.text[clause[0] : t_start]
    if re.match(r"\s*(?:but|and|while|as|whereas|although)\b", subject):
        return False  # "The talks ended on Friday, but X said …": two clauses of the news, not words
    for a in reversed(ctx.actors_in(clause[0], t_start)):
        subject = subject[: a.start - clause[0]] + subject[a.end - clause[0] :]
    if len([w for w in subject.split() if w not in ("the", "a", "an")]) > 2:
        return False  # "…, the ministers met X in Geneva and issued a statement": a clause of its own
    dateline = DATELINE.match(ctx.text, start, clause[0])
    start = dateline.end() if dateline else start
    if any(a.end >= clause[0] - 2 for a in ctx.actors_in(start, clause[0])):
        return False  # "Russia, Iran and Turkey said": a list of subjects, not words
    before = ctx.text[start : clause[0]]
    for t in reversed(ctx.timexes_in(start, clause[0])):
        before = before[: t.start - start] + before[t.end - start :]
    return len(before.split()) > 3


def _adjective_use(ctx: Context, clause: tuple[int, int], t_start: int, trigger: str) -> bool:
    """A verb of saying spelt like an adjective ("حذر" warned / cautious) right after a noun of its
    clause that is neither a particle nor a name: the adjective."""
    if trigger not in _HOMOGRAPHS:
        return False
    before = ctx.text[clause[0] : t_start].split()
    if not before or before[-1] in _PARTICLES:
        return False
    return not any(a.end >= t_start - 1 for a in ctx.actors_in(clause[0], t_start))


def _saying_timex(ctx: Context, start: int, end: int, t_start: int) -> Timex | None:
    """The date of the saying in its frame; a date that modifies a noun of the frame ("الاتفاق
    الموقع في 30 كانون الأول", "the deal signed on May 4", "منذ 2013") is not the saying's."""
    bound = [
        t
        for t in ctx.timexes_in(start, end)
        if _MODIFIER_BEFORE.search(ctx.text, max(start, t.start - 30), t.start)
    ]
    if not bound:
        return governing(ctx, start, end, t_start)
    cut = min(t.start for t in bound)
    if cut > t_start:
        return governing(ctx, start, cut, t_start)
    # "… despite the truce agreed last March, and X said …": not the bound date, but one either side of it
    after = max(t.end for t in bound if t.start < t_start)
    return governing(ctx, after, end, t_start) or governing(ctx, start, cut, t_start)


def _title_body(ctx: Context, speakers: list[Located], phrase: str, start: int, end: int) -> list[Located]:
    """A spokesperson or delegate speaks for a body ("المتحدث باسم الكرملين"): the body is an actor too.
    A person the knowledge base does not know speaks for the body or state of his office whatever the
    title ("رئيس وفد المعارضة أحمد X", "مدير الاتصالات في الرئاسة التركية X")."""
    if not speakers or len(speakers) > 1:
        return []
    person = speakers[0].actor
    if person is None or person.actor.kind != "person":
        return []
    if person.actor.is_new:
        return _office_of_new(ctx, speakers[0])
    if not cue("body_title", ctx.lang).search(phrase):
        return []
    for loc in ctx.actors_in(start, end):
        match = loc.actor
        if match and match.role_title and match.actor.id == person.actor.id:
            body = ctx.kb.actors.get(ctx.kb.roles[match.role_title].body)
            if body is not None:
                return [Located(loc.start, loc.end, actor=replace(match, actor=body.ref(), role_title=None))]
    return []


def _office_of_new(ctx: Context, person: Located) -> list[Located]:
    """The body of a new person's title: the title's role body when the title names one, else the
    body or state adjective that ends the office just before the name, with no other name between."""
    ref = person.actor
    assert ref is not None
    for loc in ctx.actors_in(max(0, person.start - _OFFICE_REACH), person.end):
        match = loc.actor
        if match and match.role_title and match.actor.id == ref.actor.id and loc.start <= person.start:
            body = ctx.kb.actors.get(ctx.kb.roles[match.role_title].body)
            if body is not None:
                return [Located(loc.start, loc.end, actor=replace(match, actor=body.ref(), role_title=None))]
    before = [
        a
        for a in ctx.actors_in(max(0, person.start - _OFFICE_REACH), person.start)
        if a.actor and a.actor.actor.kind != "person" and not a.actor.ambiguous
    ]
    gap = ctx.text[before[-1].end : person.start] if before else ""
    if before and not re.search(r"[،,.:\"«»]", gap) and len(gap.split()) <= 1:
        return [before[-1]]
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
    return found[:1] + _apposed_list(ctx, found[0], end) if found else []


def _apposed_list(ctx: Context, body: Located, end: int) -> list[Located]:
    """A body followed by the states it stands for, between commas ("الدول الضامنة لمسار أستانا، روسيا
    وتركيا وإيران،", "the guarantors, Russia, Iran and Turkey,"): those states speak too."""
    if body.actor is None or body.actor.actor.kind == "person":
        return []
    comma = _COMMA.search(ctx.text, body.end, min(len(ctx.text), body.end + 30))
    if comma is None or len(ctx.text[body.end : comma.start()].split()) > 3:
        return []
    out: list[Located] = []
    pos = comma.end()
    for loc in ctx.actors_in(pos, min(len(ctx.text), pos + 80)):
        gap = ctx.text[pos : loc.start]
        if not _LIST_GAP_WORDS.fullmatch(gap) or loc.actor is None or loc.actor.actor.kind != "country":
            break
        out.append(loc)
        pos = loc.end
    closed = _COMMA.match(ctx.text, pos) is not None
    return out if len(out) >= 2 and closed else []


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
        for a in ctx.actors_in(max(0, clause[0] - _SUBJECT_REACH), t_start)  # "أما X، فرأى": before the comma
        if _SVO_GAP.match(ctx.text[a.end : t_start]) and a not in ctx.adjectives
    ]
    if not before:
        return []
    return [before[-1]]


def _subject_en(ctx: Context, sent: int, t_start: int) -> list[Located]:
    """English puts the speaker first ("Lavrov, speaking in Moscow, said …"): the name just before the
    verb in its own clause ("…, a UN spokeswoman said"), else the sentence's first name outside
    quotations and prepositional phrases, after any earlier statement's reported words."""
    start = ctx.sent_bounds[sent][0]
    start = max([start] + [e for s, e in ctx.frames if start <= s and e <= t_start])
    clause = ctx.clause_at(sent, t_start)
    if clause[0] > start:
        own = _subjects_in(ctx, clause[0], t_start)
        if own and not _OWN_BODY.match(ctx.text[own[-1].end : t_start]):
            return _speakers(ctx, own[0].start, t_start)
        if _OWN_SUBJECT.match(ctx.text[clause[0] : t_start]):
            # "…, a rebel official said": a subject of its own; its side when the knowledge base knows
            # the modifier's plural ("rebels"), else no one we know
            return _side_of_official(ctx, clause[0], t_start)
    for loc in ctx.actors_in(start, t_start):
        if subject_like(ctx, loc) and not ctx.in_quote(loc.start):
            return _speakers(ctx, loc.start, t_start)
    return []


def _side_of_official(ctx: Context, start: int, t_start: int) -> list[Located]:
    """ "a rebel official", "an opposition spokesman": the body the modifier's plural names."""
    m = _OFFICIAL_OF.match(ctx.text, start, t_start)
    found = known_body(ctx, m.group("side") + "s") if m else None
    return [Located(m.start("side"), m.end("side"), actor=found)] if m and found else []


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


def _inside_words(ctx: Context, previous: Cand, clause: tuple[int, int], t_start: int) -> bool:
    """Whether a trigger stands in the reported words of the sentence's previous statement: after
    its "إن/أن/that" with no new clause in between ("قال إن موسكو أبلغت دمشق")."""
    if previous.content is None or not previous.content[0] <= t_start < previous.content[1]:
        return False
    start = max(clause[0], previous.content[0] - 6)
    return bool(_THAT_BEFORE.search(ctx.text, start, t_start)) or clause[0] < previous.content[0]


def _object_not_subject(ctx: Context, trigger: str, speakers: list[Located], same: Cand | None) -> bool:
    """ "واتهم تركيا بدعم …" after a man's words: a masculine verb does not have a state as its
    subject (states and cities take a feminine verb), so the state is the object and the verb
    continues the sentence's speaker."""
    if same is None or len(speakers) != 1 or _FEMININE_VERB.match(trigger):
        return False
    match = speakers[0].actor
    if match is None or match.actor.kind != "country":
        return False
    name = ctx.text[speakers[0].start : speakers[0].end]
    name = name[1:] if name[:1] in "وب" and name[1:] in _FEMININE_NAMES else name
    return name.endswith(("ا", "ه", "و")) or name in _FEMININE_NAMES


def _plural_subject(ctx: Context, sent: int, clause: tuple[int, int]) -> list[Located]:
    """A plural verb with no subject of its own continues the plural subject of the clause
    before it in the same sentence ("اجتمع الوزراء …، وأكدوا …"): every party named there."""
    before = [c for c in ctx.clauses_of(sent) if c[1] <= clause[0]]
    for start, end in reversed(before):
        found = _subjects_in(ctx, start, end)
        if len(found) >= 2:
            return found
    return []


def _participle(
    ctx: Context,
    sent: int,
    rule: Rule,
    trigger: tuple[int, int],
    clause: tuple[int, int],
    slot: _Slot,
    same: Cand | None,
) -> Cand | None:
    """ "…، داعيا الوفود إلى …": the words of whoever is the subject of the clause the participle
    hangs on; inside a statement of the same sentence it is that statement going on."""
    t_start = trigger[0]
    if ctx.text[clause[0] : t_start].strip(" ،,و") and not _PARTICIPLE_OBJECT.match(ctx.text, trigger[1]):
        return None  # "وسط إجراءات أمنية مشددة": an adjective after its noun, not "، مشددا على"
    if same is not None and same.span[0] <= t_start:
        return _statement(ctx, sent, rule, trigger, clause, slot, list(same.actors), True)
    before = [c for c in ctx.clauses_of(sent) if c[1] <= clause[0] or c[0] < t_start <= c[1]]
    for start, end in reversed(before):
        end = min(end, t_start)
        if cue("media", ctx.lang).search(ctx.text, start, end):
            return None  # "نشرت صحيفة …، مشيرة إلى": a newspaper's report, not a statement
        found = _speakers(ctx, start, end) or _subjects_in(ctx, start, end)[:1]
        if found:
            ctx.borrowed.add(t_start)
            return _statement(ctx, sent, rule, trigger, (start, clause[1]), slot, found, False)
    return None


def _subjects_in(ctx: Context, start: int, end: int) -> list[Located]:
    """The names in text[start:end] that can be a subject, outside quotations."""
    return [a for a in ctx.actors_in(start, end) if subject_like(ctx, a) and not ctx.in_quote(a.start)]


def _speaker_after_en(ctx: Context, sent: int, t_start: int, t_end: int) -> list[Located]:
    """ "…, said Lavrov" / "was announced by Guterres": the name right after the verb (or "by")."""
    before = ctx.text[ctx.sent_bounds[sent][0] : t_start]
    by = _BY_AFTER.match(ctx.text, t_end)
    if by and _PASSIVE_BEFORE.search(before):
        start = by.end()
    elif _QUOTE_BEFORE.search(before) and ctx.text[t_start:t_end] not in ("told", "tells"):
        start = t_end + 1  # not '"…," X told Russian agencies': whom one tells follows the verb
    else:
        return []
    found = [a for a in ctx.actors_in(start, start + _SUBJECT_REACH) if a not in ctx.adjectives]
    if not found or found[0].start - start > (40 if by else 2):
        return []
    return _speakers(ctx, found[0].start, min(ctx.sent_bounds[sent][1], found[0].start + _SUBJECT_REACH))


def _with_subject_en(ctx: Context, clause: tuple[int, int], t_start: int) -> list[Located]:
    """ "… ended on Friday with mediator X saying …": the name between "with" and the participle."""
    m = _WITH_BEFORE.search(ctx.text, clause[0], t_start)
    if m is None or not ctx.text[t_start:].split(maxsplit=1)[0].endswith("ing"):
        return []
    found = [a for a in ctx.actors_in(m.start(), t_start) if a not in ctx.adjectives]
    persons = [a for a in found if a.actor and a.actor.actor.kind == "person"]
    return (persons or found)[:1]
