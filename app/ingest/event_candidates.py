"""Candidate events: one per trigger match that survives its rule's conditions.

`triggers` finds every rule match outside quotations and repeated sentences;
statements are read in `event_speech`; `act` reads every other type: actors from
the event's clause (not from a reporting speaker's frame), the anchor a talks
round needs, the date of the time expression that governs the clause (never the
publication date) and the place named in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from app.ingest.actors import ActorMatch, recognize_actors
from app.ingest.event_context import Context, Located
from app.ingest.event_places import place_of, place_phrase
from app.ingest.event_rules import Rule, cue, dispatch, expand, number_value, rules
from app.ingest.event_timing import governing
from app.ingest.event_titles import talks_topics
from app.ingest.records import ActorRef, DateValue, PlaceRef, Timex
from app.ingest.rounds import round_from_match, round_in, series_in, span_for

_PRONOUN_THAT = re.compile(r"\s*(?:انه|انها|انهم|انهما|بانه|بانها|(?:that\s+)?(?:he|she|they))(?!\S)")
_THAT = re.compile(r"(?<!\S)(?:ان|انه|انها|بان|that)(?!\S)")
_TARGET = re.compile(r"(?:^|\s)(?:علي|ضد|مواقع|معاقل|مقرات|تجمعات|مناطق|against|on)(?:\s+\S+)?\s+$")
_VICTIM = re.compile(
    r"(?:جندي|جنديا|جنود|عسكري|عسكريا|عسكريين|مدني|مدنيا|مدنيين|عنصرا|مقاتلا|soldiers?|civilians?)\s+$"
)
# a clause that names no subject before its trigger; a noun trigger may follow a light verb ("ويجري محادثات")
_SUBJECTLESS = re.compile(
    r"^[\s،,]*[وف]?(?:من|حيث|ثم|بعد ان|بعدما|قبل ان|عندما|اذ|كما|لكنه|لكنها|after|following)?[\s،,]*"
    r"(?:(?:اجري|اجرت|يجري|تجري|سيجري|ستجري|عقد|عقدت|يعقد|تعقد|سيعقد|ستعقد)\s+)?$"
)
_STATES_PAIR = re.compile(r"البلد|countries")
_POSSESSIVE = re.compile(r"(?:لقائ|اجتماع|استقبال|اتصال|زيارت|محادثات|مباحثات|جمع)(?:ه|ها|هما)(?!\S)")
_VISIT = re.compile(
    r"(?<!\S)[وفل]?(?:زياره|زيارته|زيارتها|زيارتهما|زار|زارت|يزور|تزور|سيزور|ستزور|visit\S*)(?!\S)"
)
_HOST = re.compile(r"(?:^|\s)(?:الي|to)\s*$")  # a visit's host: the capital it goes to
# a downing verb: the aircraft named after it, and whose it is, are what was hit
_DOWNING = re.compile(r"(?:اسقط|اسقاط|يسقط|تسقط|shot down|shoots? down|downed|downing)")
_NOMINAL_WITH = re.compile(
    r"(?<!\S)(?:talks|meeting|meetings|call|conversation|discussions|consultations|lunch|dinner)\s+(?:\S+\s+){0,2}?with(?!\S)"
    r"|(?<!\S)(?:محادثات|مباحثات|لقاء|اجتماع|اتصال|مكالمة)\s+(?:\S+\s+){0,2}?مع(?!\S)"
)
# a speaker's own intention, hope or readiness ("عن نيته", "عزمها", "his intention to")
_INTENT_OF = re.compile(
    r"(?:^|\s)[وبل]?(?:نيت|عزم|اعتزام|سعي|امل|رغبت|استعداد|مساعي)(?:ه|ها)(?!\S)"
    r"|\b(?:his|her) (?:intention|plan|hope)\b"
)
_BETWEEN = re.compile(r"(?<!\S)(?:بين|between)\s+(?:\S+\s+)?[وف]?$|(?<!\S)(?:بين|between)\s+$")
_OUTLET = re.compile(r"\s*[«\"“](?P<name>[^»\"”\s][^»\"”]{1,30})[»\"”]")
_FORCES = re.compile(
    r"(?<!\S)[وفبل]?(?:(?:مقاتلو|مقاتلي|عناصر|وحدات)\s+)?(?P<head>ال(?:قوات|جيش|تحالف|فصائل))(?!\S)"
)
# a noun of fighting and the preposition that names a side to it, up to the side's name
_FIGHT_WITH = re.compile(
    r"(?<!\S)[وبل]?(?:ال)?(?:معارك|معركه|اشتباكات|مواجهات|قتال|clashes|fighting|battles?|fight)"
    r"(?:\s+\S+){0,6}?\s+(?:بين|مع|ضد|between|with|against)\s+(?:the\s+)?$"
)
_CONTENT_MARKER = re.compile(r"\s(?:ل(?:ت|ا)\S{3,}|بشان|يضم|يقضي|تنص|حول|بان|that|to|on)(?=\s)")


@dataclass
class Cand:
    type: str
    rule: str
    status: str
    sent: int
    t_start: int  # folded span of the trigger
    t_end: int
    span: tuple[int, int]  # folded span of the mention
    actors: list[Located] = field(default_factory=list)
    slot_phrase: str = ""  # statements: the folded words naming the speaker
    surfaces: tuple[str, ...] = ()  # statements by a body: the folded names it was called by
    date: DateValue | None = None
    timex: Timex | None = None
    place: PlaceRef | None = None
    series: str | None = None
    round: int | None = None
    joins_previous: bool = False
    own_act: bool = False  # never joins a body's statement through its spokesperson
    roles: tuple[str, ...] = ()  # the actors' roles in clause order (host, guest)
    absorbs: tuple[str, ...] = ()
    content: tuple[int, int] | None = None  # statements: the folded span of what was said
    sides: frozenset[str] = frozenset()  # acts: the actors and the states or bodies their people act for
    sequel: bool = False  # its clause follows on from an earlier act ("ثم", "وبعد", "لتطلق … بعدها")
    battle: bool = False  # military: it names both sides of a battle ("معارك بين X وY")

    @property
    def ids(self) -> set[str]:
        return {a.actor.actor.id for a in self.actors if a.actor}

    @property
    def person_ids(self) -> set[str]:
        return {a.actor.actor.id for a in self.actors if a.actor and a.actor.actor.kind == "person"}

    @property
    def when(self) -> DateValue | None:
        """The act's date: the one it was given, else its time expression's."""
        return self.date or (self.timex.date if self.timex else None)


def triggers(ctx: Context, rules: tuple[Rule, ...]) -> list[tuple[int, Rule, re.Match[str]]]:
    """(sentence, rule, match) for every trigger outside quotations, sentences in order."""
    out: list[tuple[int, Rule, re.Match[str]]] = []
    text = ctx.text
    table = dispatch(rules)
    for found in table.starts.finditer(text):
        pos = found.start()
        for _, rule in table.at(text, pos):
            m = rule.regex.match(text, pos)
            if m is None:
                continue
            sent = ctx.sentence_of(m.start("t"))
            if sent is None or sent in ctx.repeat_of or ctx.in_quote(m.start("t")):
                continue
            out.append((sent, rule, m))
    out.sort(key=lambda x: (x[0], x[2].start("t")))
    return out


def subject_like(ctx: Context, loc: Located) -> bool:
    return not ctx.prepositional(loc) and loc not in ctx.adjectives


# ---- events other than statements


def act(ctx: Context, sent: int, rule: Rule, m: re.Match[str]) -> Cand | None:
    t_start, t_end = m.start("t"), m.end("t")
    clause = ctx.clause_at(sent, t_start)
    # a trigger that runs over a comma ("The deal, reached …, will come into force") ends in its verb's clause
    verb_clause = ctx.clause_at(sent, max(t_start, t_end - 1))
    clause = (_list_start(ctx, sent, clause[0]), _list_end(ctx, sent, max(clause[1], verb_clause[1])))
    region = (_after_frame(ctx, clause[0], t_start), max(clause[1], t_end))
    if rule.type == "agreement":  # "… التي اتفقت عليها X في 11 شباط ودخلت حيز التنفيذ في 27": two acts
        effect = _TAKES_EFFECT.search(ctx.text, t_end, region[1])
        region = (region[0], effect.start() if effect else region[1])
    text = ctx.text
    called = False
    if _denied(ctx, clause[0], t_start):
        called = rule.type == "talks_round" and _called_for_dated(ctx, clause[0], region, t_start)
        if not called:
            return None
    if rule.type in _ASSERTED and _found(cue("feared", ctx.lang), text, clause[0], t_start):
        return None  # "تخشى المعارضة أن يشن النظام هجوما": only feared
    if rule.needs and not _found(rule.needs, text, _needs_from(ctx, sent, region), region[1]):
        return None
    # a media report's content runs on past its clause ("ذكرت وكالة … (سانا) أن الوزير أكد")
    unless_end = ctx.sent_bounds[sent][1] if rule.type == "report" else region[1]
    if rule.unless and _found(rule.unless, text, region[0], unless_end):
        return None
    if rule.needs_cue and not cue(rule.needs_cue, ctx.lang).search(text, *ctx.sent_bounds[sent]):
        return None
    status = "planned" if called else rule.status  # talks called for by a date are planned for it
    cand = Cand(rule.type, rule.id, status, sent, t_start, t_end, region, absorbs=rule.absorbs)
    cand.roles = rule.roles
    reach = (region[0], _participants_end(ctx, sent, region[1]) if rule.type in _GATHERINGS else region[1])
    if rule.type == "military":
        reach = (_relative_head(ctx, reach[0], t_start), reach[1])
    cand.actors = _clause_actors(ctx, rule, reach, t_start, t_end) + _reporters_side(ctx, region[0], t_start)
    if rule.type == "meeting" or (rule.type in ("military", "talks_round") and not cand.actors):
        subject = _omitted_subject(ctx, sent, clause[0], t_start, cand.actors, rule.type == "talks_round")
        cand.actors = _unique(subject + cand.actors)
    if rule.type == "military":
        # "وتوغل مقاتلو القوات": the forces named before are the subject; a clause or sentence that
        # names no one ("وكانت القوات قد أطبقت …، بعد أن سيطرت على …") goes on with them
        forces = _forces_anaphor(ctx, t_end, min(region[1], t_end + 16))
        if not cand.actors or forces:
            cand.actors = _unique(forces + cand.actors)
    if rule.type == "military" and not cand.actors:
        cand.actors = _forces_of_modifier(ctx, t_start)  # "government airstrikes", "rebel shelling"
    if rule.type == "military" and not cand.actors:
        cand.actors = _sentence_subject(ctx, sent, clause[0]) or _forces_anaphor(
            ctx, ctx.sent_bounds[sent][0], max(region[1], t_end)
        )
    if len(cand.actors) < 2 and (
        cue("dual_verb", ctx.lang).match(ctx.text, t_start, t_end)
        or (rule.type == "meeting" and _found(cue("dual_people", ctx.lang), ctx.text, *region))
    ):
        cand.actors = _dual_subject(ctx, sent, region[0], cand.actors)
    if len(cand.actors) < 2 and rule.type == "meeting":
        cand.actors = _title_anaphor(ctx, sent, region, cand.actors)
    if len(cand.actors) < 2 and rule.type == "meeting" and _POSSESSIVE.search(text, t_start, t_end):
        # "قال X عقب لقائه الوفدين"; "في لقاء جمعه بالوزير، أكد X": the speaker before, else after
        possessor = _speaker_of(ctx, sent, t_start) or _speaker_of(ctx, sent, ctx.sent_bounds[sent][1])
        cand.actors = _unique(possessor + cand.actors)
    if len(cand.actors) == 1 and rule.type == "meeting" and _NOMINAL_WITH.search(text, t_start, t_end):
        # "X said after talks with Y", "After a meeting with Y, X said": the speaker is the other party
        cand.actors = _unique(_speaker_of(ctx, sent, ctx.sent_bounds[sent][1]) + cand.actors)
    if len(cand.actors) < 2:
        cand.actors = _with_dual_anaphor(ctx, cand.actors, region)
    if len(cand.actors) < 3:
        cand.actors = _with_plural_anaphor(ctx, cand.actors, region)
    if rule.type == "report":
        outlet = _outlet(ctx, t_end)  # "ذكرت صحيفة «حرييت» التركية": the paper publishes it
        if outlet:
            cand.actors = _unique(outlet + cand.actors)
    if not cand.actors and rule.type == "agreement":
        # an English clause that opens with its verb: "X, convened by Y, signed off on …", "…, agreeing to …"
        opening = ctx.lang == "en" and _VERB_FIRST.fullmatch(text, region[0], t_start) is not None
        cand.actors = (_main_subject(ctx, sent, region[0]) if opening else []) or _antecedent_parties(
            ctx, sent, region[0]
        )
        if opening and text[t_start:t_end].split()[0].endswith("ing"):
            # "…wrapped up the round on Friday, agreeing to …": agreed when the round ended
            cand.timex = governing(ctx, ctx.sent_bounds[sent][0], region[0], t_start)
    if len(cand.actors) < rule.min_actors:
        return None
    cand.battle = rule.type == "military" and any(_opponent(ctx, a, region[0]) for a in cand.actors)
    cand.sides = _sides(ctx, cand.actors)
    cand.sequel = bool(cue("sequel", ctx.lang).search(" " + text[clause[0] : max(clause[1], t_end)]))
    if rule.type == "talks_round" and not _talks(ctx, cand, m, region, rule.anchor):
        return None
    if cand.timex is None:
        cand.timex = governing(ctx, *region, t_start)
    cand.place = place_of(ctx, *region)
    return cand


_GATHERINGS = ("meeting", "talks_round")
# a deal's taking effect told with "and" after its making: an act of its own
_TAKES_EFFECT = re.compile(
    r"\s[وف](?:دخل|دخلت|بدا|بدات|سرت|سري)\s+(?:\S+\s+){0,2}?(?:حيز|سريان|تطبيق|تنفيذ|مفعول)"
)
_ASSERTED = ("military", "agreement", "proposal")  # acts that are no event when only feared
_RELATIVE_END = re.compile(r"(?:^|\s)[وف]?(?:الذي|التي|الذين|اللذين|اللتين|that|which)\s*$")


_MODIFIER_BEFORE = re.compile(r"(?:^|\s)(?P<word>[a-z-]{4,})\s+$")


def _forces_of_modifier(ctx: Context, t_start: int) -> list[Located]:
    """English "government airstrikes", "rebel shelling": the word before the strike names whose forces
    struck, as "<word> forces" names them in the knowledge base."""
    m = _MODIFIER_BEFORE.search(ctx.text, max(0, t_start - 30), t_start)
    if ctx.lang != "en" or m is None:
        return []
    found = known_body(ctx, m.group("word") + " forces")
    return [Located(m.start("word"), m.end("word"), actor=found)] if found else []


def known_body(ctx: Context, phrase: str) -> ActorMatch | None:
    """The non-person actor the whole of an English `phrase` names in the knowledge base ("rebel forces",
    "rebels"), with no place in the text (start = end = 0); else None."""
    for found in recognize_actors(phrase, ctx.kb, on=ctx.article.published, lang="en"):
        if found.start == 0 and found.end == len(phrase) and found.actor.kind != "person":
            return replace(found, start=0, end=0)
    return None


def _relative_head(ctx: Context, start: int, t_start: int) -> int:
    """A strike told in a relative clause ("إدانة الهجوم الذي استهدف …", "the attack that hit …"): its
    subject is the noun the clause hangs on, so a name further back (whoever condemned it) is not its
    actor; the head, when it is a name ("القوات التي قصفت"), is."""
    rel = _RELATIVE_END.search(ctx.text, start, t_start)
    if rel is None:
        return start
    head = [a for a in ctx.actors_in(start, rel.start() + 1) if a.actor and rel.start() - a.end <= 1]
    return head[-1].start if head else rel.start()


_BACKED = re.compile(
    r"\s*(?:backed|supported|aided|helped|assisted|covered|escorted)\s+by\s|\s*(?:مدعوم|مدعومه|مدعومين|بدعم|بغطاء|باسناد|بمسانده)\s"
)
_AND = re.compile(r"(?<!\S)(?:and\s|و)")
_LIST_GAP = re.compile(r"\s*(?:[,،]|[-–—]{1,2})\s*")
_LIST_WORDS = re.compile(r"(?:and|the|both|as well as|و|كل من|وكل من|[-–—\s])*")


def _list_end(ctx: Context, sent: int, end: int) -> int:
    """A clause ending in a list of names runs on over the names after the comma ("a summit between Putin,
    Erdogan and Iranian President Hassan Rouhani ended"): up to the last name of the list."""
    before = [a for a in ctx.actors_in(ctx.sent_bounds[sent][0], end) if a.actor]
    if not before or not _LIST_WORDS.fullmatch(ctx.text[before[-1].end : end]):
        return end
    for c_start, c_end in ctx.clauses_of(sent):
        if c_start < end:
            continue
        if not _LIST_GAP.fullmatch(ctx.text[end:c_start]):
            break
        pos, joined = c_start, False
        for a in ctx.actors_in(c_start, c_end):
            gap = ctx.text[pos : a.start]
            if not a.actor or not (_LIST_WORDS.fullmatch(gap) or (pos > c_start and len(gap.split()) <= 2)):
                break
            joined = joined or bool(_AND.search(ctx.text, pos, a.start + 1))
            pos = a.end
        if pos == c_start or not joined:  # a list closes with "and": "Putin met Erdogan, Turkey said" is none
            break
        end = pos
        if pos < c_end and not _LIST_WORDS.fullmatch(ctx.text[pos:c_end]):
            break
    return end


def _list_start(ctx: Context, sent: int, start: int) -> int:
    """The clause of a verb whose subject is a list of names ("The United States, Britain and France
    launched …", "روسيا، وتركيا وإيران وقعت …") starts at the list's first name."""
    clauses = [c for c in ctx.clauses_of(sent) if c[1] <= start]
    first = start
    for c_start, c_end in reversed(clauses):
        names = [a for a in ctx.actors_in(c_start, c_end) if a.actor]
        if names and _BACKED.match(ctx.text, c_start) and _LIST_GAP.fullmatch(ctx.text[c_end:start]):
            start = first = c_start  # "…, backed by Russian air power, captured": the backer acts too
            continue
        if not names or not _LIST_GAP.fullmatch(ctx.text[c_end:start]):
            break
        rest, pos = [], c_start
        for a in names:
            rest.append(ctx.text[pos : a.start])
            pos = a.end
        rest.append(ctx.text[pos:c_end])
        if not all(_LIST_WORDS.fullmatch(r) for r in rest):
            # the list's head ("the foreign ministers of Russia, Iran and Turkey"): a clause ending in a name
            # before names already taken in, or the subject before an apposition ("forces, backed by …,")
            if (start < first or _BACKED.match(ctx.text, first)) and _LIST_WORDS.fullmatch(rest[-1]):
                start = c_start
            break
        start = c_start
    return start


def _unique(actors: list[Located]) -> list[Located]:
    seen: set[str] = set()
    out = []
    for loc in actors:
        key = loc.actor.actor.id if loc.actor else f"@{loc.start}"
        if key not in seen:
            seen.add(key)
            out.append(loc)
    return out


def _participants_end(ctx: Context, sent: int, end: int) -> int:
    """A meeting's or round's clause runs on over the clauses that name who takes part
    ("، بمشاركة وفدي الحكومة والمعارضة"، "وبحضور المبعوث الأممي")."""
    for start, stop in ctx.clauses_of(sent):
        if start < end:
            continue
        if not cue("participants", ctx.lang).match(ctx.text, start, stop):
            break
        end = stop
    return end


def _sentence_subject(ctx: Context, sent: int, start: int) -> list[Located]:
    """A strike whose clause names no one ("في إطار هجوم بري واسع بدأ في كانون الأول"): the first
    subject of its sentence that is not a speaker reporting it."""
    lo = ctx.sent_bounds[sent][0]
    for loc in ctx.actors_in(lo, start):
        framed = any(f_start <= loc.start < f_end for f_start, f_end in ctx.frames)
        if loc.actor and not framed and subject_like(ctx, loc) and not ctx.in_quote(loc.start):
            return [loc]
    return []


def _omitted_subject(
    ctx: Context, sent: int, start: int, t_start: int, found: list[Located], pronoun_only: bool = False
) -> list[Located]:
    """The subject a clause leaves out: "وصل المبعوث إلى دمشق، والتقى الوزير" (the envoy met him);
    "قال بوتين …، مضيفا أنه بحث الأمر مع ترمب" (Putin discussed it)."""
    words = ctx.text[start:t_start]
    pronoun = re.search(r"(?:^|\s)(?:انه|بانه|he|she)\s*$", words)
    if (
        pronoun_only
    ):  # "وأضاف أنه يعتزم الدعوة إلى جولة", "معربا عن نيته الدعوة إلى جولة": the speaker's round
        pronoun = re.search(r"(?:^|\s)(?:انه|بانه|he|she)\s+\S+", words) or _INTENT_OF.search(words)
    # "تمكن الجيش، …، من فك", "حيث سيطرت على"
    if (pronoun_only or not _SUBJECTLESS.match(words)) and not pronoun:
        return []
    ids = {a.actor.actor.id for a in found if a.actor}
    sentence_start = ctx.sent_bounds[sent][0]
    if pronoun:  # "أنه": the person who speaks in this sentence (or goes on from the one before)
        people = [
            loc
            for (f_start, f_end), speakers in ctx.frame_speakers.items()
            if ctx.sent_bounds[max(0, sent - 1)][0] <= f_start and f_end <= t_start
            for loc in speakers
            if loc.actor and loc.actor.actor.kind == "person"
        ]
        return people[-1:] if people and people[-1].actor and people[-1].actor.actor.id not in ids else []
    if start <= sentence_start:
        return []
    dateline = DATELINE.match(ctx.text, sentence_start, start) if sent == 0 else None
    for loc in ctx.actors_in(dateline.end() if dateline else sentence_start, start):
        if loc.actor and subject_like(ctx, loc) and not ctx.in_quote(loc.start):
            return [] if loc.actor.actor.id in ids else _coordinated(ctx, loc, start)
    return []


# "MOSCOW (AP) - ", "ASTANA, Oct 31 (Reuters) - ", "جنيف (وكالات) - ": no subject
DATELINE = re.compile(r"[^\n]{0,60}?\s(?:-|--|—|–)\s")
_COORDINATION = re.compile(r"\s*[,،]?\s*(?:and\s+|و)?")


def _coordinated(ctx: Context, first: Located, end: int) -> list[Located]:
    """A subject and the names joined to it ("Putin and Turkish President Erdogan agreed …, after talks",
    "بوتين وأردوغان"): all who did what the clause leaves without a subject."""
    out = [first]
    for loc in ctx.actors_in(first.end, end):
        if loc.start < out[-1].end:
            continue
        if not loc.actor or not _COORDINATION.fullmatch(ctx.text[out[-1].end : loc.start]):
            break
        out.append(loc)
    return out


def _after_frame(ctx: Context, start: int, t_start: int) -> int:
    """Inside reported words ("قال بيسكوف إن بوتين سيلتقي…") the speaker is not a party,
    unless the words begin with "he" ("قال إنه يسعى لعقد جولة")."""
    for f_start, f_end in ctx.frames:
        if start <= f_start and f_end <= t_start and not _PRONOUN_THAT.match(ctx.text, f_end):
            start = max(start, f_end)
    return start


def _found(regex: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Search text[start:end] as a passage of its own: "^" and a leading "\\s" match at its start
    (a clause that opens a sentence in the middle of an article)."""
    return regex.search(" " + text[start:end]) is not None


def _needs_from(ctx: Context, sent: int, region: tuple[int, int]) -> int:
    """Where a rule's `needs` is looked for: the clause, or the whole sentence before it when the clause
    continues the one before ("… وقعت روسيا وتركيا اتفاقا، على أن يدخل حيز التنفيذ الخميس")."""
    if cue("continuation_clause", ctx.lang).match(ctx.text, region[0], region[1]):
        return ctx.sent_bounds[sent][0]
    return region[0]


def _denied(ctx: Context, start: int, t_start: int) -> bool:
    """The act stands in the reported words of a denial, a call or a warning ("نفت الوزارة أن تكون
    طائراتها قصفت …", "طالبت المعارضة بأن تدخل الهدنة حيز التنفيذ"): it did not happen."""
    denial = cue("unasserted", ctx.lang)
    return any(
        start <= f_start and f_end <= t_start and _found(denial, ctx.text, f_start, f_end)
        for f_start, f_end in ctx.frames
    )


_CALL = re.compile(
    r"(?:^|\s)[وف]?(?:دعا|دعت|دعوا|يدعو|تدعو|طالب|طالبت|طالبوا|يطالب|تطالب|حث|حثت|يحث|تحث"
    r"|called for|calls for|call for|urged|urges|demanded|demands|proposed|proposes)(?:\s|$)"
)


def _called_for_dated(ctx: Context, start: int, region: tuple[int, int], t_start: int) -> bool:
    """A call for talks that names their date ("called for negotiations to begin by January 1"): a round
    planned for that day, though the call itself asserts no talks."""
    calls = [
        (f_start, f_end)
        for f_start, f_end in ctx.frames
        if start <= f_start
        and f_end <= t_start
        and _found(cue("unasserted", ctx.lang), ctx.text, f_start, f_end)
    ]
    if not calls or not all(_found(_CALL, ctx.text, f_start, f_end) for f_start, f_end in calls):
        return False
    return governing(ctx, region[0], region[1], t_start) is not None


def _reporters_side(ctx: Context, start: int, t_start: int) -> list[Located]:
    """Unnamed officials in a body's words ("قالت الوزارة إن مسؤولين عقدوا …") are that body's."""
    for (_, f_end), speakers in ctx.frame_speakers.items():
        if f_end == start:
            words = ctx.text[start:t_start]
            pronoun = _PRONOUN_THAT.match(words)
            words = _THAT.sub("", words[pronoun.end() :] if pronoun else words, count=1).strip(" ،,")
            if cue("unnamed", ctx.lang).match(words):
                return [s for s in speakers if s.actor and s.actor.actor.kind != "person"]
            if cue("own_forces", ctx.lang).match(words):  # "أعلن الجيش الروسي أن طائراته شنت …"
                return [s for s in speakers if s.actor]
    return []


def _clause_actors(
    ctx: Context, rule: Rule, region: tuple[int, int], t_start: int, t_end: int
) -> list[Located]:
    kind = rule.type
    start, end = region
    if kind in ("proposal", "report"):
        # who puts the plan forward: from the last "that" before the verb to where its content begins
        marker = _CONTENT_MARKER.search(ctx.text, t_end, end)
        end = marker.start() if marker else end
        if kind == "report":  # the outlet, not the people its report is about ("ذكرت صحيفة X أن …")
            that_after = _THAT.search(ctx.text, t_end, end)
            end = that_after.start() if that_after else end
        that = [m.end() for m in _THAT.finditer(ctx.text, start, t_start)]
        start = that[-1] if that else start
    if rule.reach is not None:
        start, end = t_start, min(end, t_end + rule.reach)
    visit = kind == "meeting" and bool(_VISIT.search(ctx.text, start, end))
    out = []
    for loc in ctx.actors_in(start, end):
        match = loc.actor
        if match is None or (ctx.in_quote(loc.start) and not (kind == "military" and _marked_name(ctx, loc))):
            continue
        if (
            match.metonym
            and ctx.prepositional(loc)
            and not (visit and _HOST.search(ctx.text, 0, loc.start))
            and not _BETWEEN.search(ctx.text, max(0, loc.start - 30), loc.start)
        ):
            continue  # "في موسكو" is a place; "بين موسكو وأنقرة" names the parties
        if kind == "military" and _opponent(ctx, loc, start):
            out.append(loc)  # "معارك بين قوات النظام والفصائل", "clashes with IS": both sides fight
            continue
        if kind not in ("meeting", "statement") and place_phrase(ctx, loc):
            continue
        if kind == "military" and (
            (ctx.prepositional(loc) and not _agent_of_noun(ctx, loc, t_start, t_end))
            or _TARGET.search(ctx.text, max(start, loc.start - 24), loc.start)
            or _VICTIM.search(ctx.text, max(start, loc.start - 16), loc.start)
            or (loc.start >= t_start and _DOWNING.search(ctx.text, t_start, t_end))
        ):
            continue  # whom the strike hit ("على مواقع المعارضة", "حاجزا لقوات النظام") is its target
        if kind in ("proposal", "report") and match.ambiguous and not _right_before(ctx, loc, start, t_start):
            continue
        out.append(loc)
    return out


def _outlet(ctx: Context, t_end: int) -> list[Located]:
    """The name in quotation marks right after a media noun ("صحيفة «الوطن»", 'وكالة "سانا"'): the outlet
    that publishes the report, as a new actor when the knowledge base does not know it."""
    m = _OUTLET.match(ctx.text, t_end)
    if m is None:
        return []
    start, end = m.span("name")
    known = [a for a in ctx.actors_in(start, end) if a.actor and a.start == start and a.end == end]
    if known:
        return known[:1]
    o_start, o_end = ctx.to_original(start, end)
    name = ctx.article.text[o_start:o_end].strip()
    slug = "-".join(ctx.text[start:end].split())
    ref = ActorRef(f"new-{slug}", "", name, "organisation", aliases=(name,), is_new=True)
    return [Located(start, end, actor=ActorMatch(o_start, o_end, ref, "introduced"))]


def _forces_anaphor(ctx: Context, start: int, end: int) -> list[Located]:
    """ "القوات", "مقاتلو القوات", "التحالف": a definite noun of armed forces that names no one, standing for
    the last actor named before whose name holds it ("قوات سوريا الديمقراطية" … "القوات")."""
    if ctx.lang != "ar":
        return []
    for m in _FORCES.finditer(ctx.text, start, end):
        if any(a.start <= m.start("head") < a.end for a in ctx.actors_in(max(0, m.start() - 40), m.end())):
            continue  # "القوات الحكومية" is a name of its own
        head = m.group("head")[2:]
        for loc in reversed(ctx.actors_in(0, m.start())):
            if loc.actor and loc not in ctx.adjectives and head in ctx.text[loc.start : loc.end]:
                return [Located(m.start("head"), m.end("head"), actor=loc.actor)]
        return []
    return []


def _marked_name(ctx: Context, loc: Located) -> bool:
    """A name the writer sets in quotation marks of its own ("و«هيئة تحرير الشام»"): a name, not words."""
    text = ctx.text
    return loc.start > 0 and text[loc.start - 1] in '«“"' and text[loc.end : loc.end + 1] in ("»", "”", '"')


def _opponent(ctx: Context, loc: Located, start: int) -> bool:
    """A side named after "بين/مع/ضد" right after a noun of fighting ("معارك عنيفة مع الفصائل",
    "clashes between X and Y"): one of the parties to the battle, not its place or target."""
    return bool(_FIGHT_WITH.search(ctx.text, max(start, loc.start - 50), loc.start))


def _agent_of_noun(ctx: Context, loc: Located, t_start: int, t_end: int) -> bool:
    """ "قصف مدفعي للقوات الحكومية": after a verbal noun, ل names who shells, not the target."""
    near = t_start <= loc.start <= t_end or len(ctx.text[t_end : loc.start].split()) <= 1
    return near and loc.start > 0 and ctx.text[loc.start - 1] == "ل"


def _right_before(ctx: Context, loc: Located, start: int, t_start: int) -> bool:
    """A short name that is the verb's subject: it opens the reported words or stands just before the verb."""
    between = ctx.text[loc.end : t_start].split()
    return not ctx.text[start : loc.start].strip() or all(w in ("قد", "وقد", "لقد") for w in between)


_DELEGATIONS = re.compile(r"الوفد|delegations")


def _table_sides(ctx: Context, start: int, end: int) -> list[Located]:
    """The two sides of the conflict at the table (series_parties.yaml topics), at [start, end)."""
    out: list[Located] = []
    for sides in talks_topics().values():
        for side in sides:
            known = ctx.kb.actors.get(side)
            if known is not None:
                ref = known.ref()
                out.append(Located(start, end, actor=ActorMatch(*ctx.to_original(start, end), ref, "alias")))
    return out


def _with_dual_anaphor(ctx: Context, actors: list[Located], region: tuple[int, int]) -> list[Located]:
    """A dual anaphor ("البلدين", "بينهما"): the last two states named before, not as places."""
    m = cue("dual_anaphor", ctx.lang).search(ctx.text, *region)
    if m is None:
        return actors
    # "البلدين" are two states; "الجانبين", "الطرفين" may be two armed groups or bodies too
    kinds = ("country",) if _STATES_PAIR.search(m.group(0)) else ("country", "organisation", "armed_group")
    seen: dict[str, Located] = {a.actor.actor.id: a for a in actors if a.actor}
    if _DELEGATIONS.search(m.group(0)):  # "لقائه الوفدين", "both delegations": the two sides at the table
        return _unique(actors + _table_sides(ctx, m.start(), m.end()))
    for loc in reversed(ctx.actors_in(0, region[0])):
        if len(seen) >= 2:
            break
        match = loc.actor
        if match and match.actor.kind in kinds and match.actor.id not in seen and not place_phrase(ctx, loc):
            seen[match.actor.id] = loc
    return list(seen.values())


_ANTECEDENT_SENTENCES = 2  # how far back an agreement that names no party looks for the deal it continues


def _sides(ctx: Context, actors: list[Located]) -> frozenset[str]:
    """The actors' ids with the state or body each person acts for (a signatory signs for his state)."""
    out = set()
    for loc in actors:
        if loc.actor is None:
            continue
        out.add(loc.actor.actor.id)
        known = ctx.kb.actors.get(loc.actor.actor.id)
        if known is not None and known.affiliation:
            out.add(known.affiliation)
    return frozenset(out)


_PEOPLE_BACK = 6  # sentences back where "the two leaders" may have been named


def _dual_subject(ctx: Context, sent: int, start: int, actors: list[Located]) -> list[Located]:
    """A dual verb with no subject ("والتقيا", "يجتمعان"): the last two people named before, in this
    sentence or the two before (else the last two states). "The two leaders", "الرئيسان" are two people
    only, named up to a paragraph or two before."""
    people = bool(cue("dual_people", ctx.lang).search(ctx.text, start, ctx.sent_bounds[sent][1]))
    first = ctx.sent_bounds[max(0, sent - (_PEOPLE_BACK if people else 2))][0]
    before = [loc for loc in ctx.actors_in(first, start) if loc.actor and not ctx.in_quote(loc.start)]
    for kinds in (("person",),) if people else (("person",), ("country",)):
        found: dict[str, Located] = {a.actor.actor.id: a for a in actors if a.actor}
        for loc in reversed(before):
            if len(found) >= 2:
                break
            if loc.actor and loc.actor.actor.kind in kinds and not place_phrase(ctx, loc):
                found.setdefault(loc.actor.actor.id, loc)
        if len(found) >= 2:
            return sorted(found.values(), key=lambda a: a.start)
    return actors


def _title_anaphor(ctx: Context, sent: int, region: tuple[int, int], actors: list[Located]) -> list[Located]:
    """A bare title standing for someone named before ("وصل لافروف إلى أنقرة. ويلتقي الوزير نظيره"):
    the last person named in this sentence or the two before who is not already an actor."""
    m = cue("title_anaphor", ctx.lang).search(ctx.text, *region)
    if m is None or any(a.start <= m.start("w") < a.end for a in ctx.actors_in(*region)):
        return actors
    if cue("preposition", ctx.lang).search(ctx.text[max(0, m.start("w") - 12) : m.start("w")]):
        return actors  # "مع المبعوث": the one met, whom a bare title cannot name
    ids = {a.actor.actor.id for a in actors if a.actor}
    first = ctx.sent_bounds[max(0, sent - 2)][0]
    for loc in reversed(ctx.actors_in(first, m.start("w"))):
        match = loc.actor
        if (
            match
            and match.actor.kind == "person"
            and match.actor.id not in ids
            and not ctx.in_quote(loc.start)
        ):
            return sorted([*actors, loc], key=lambda a: a.start)
    return actors


def _speaker_of(ctx: Context, sent: int, t_start: int) -> list[Located]:
    """The person whose saying frames this sentence (the "his" of "عقب لقائه")."""
    lo, hi = ctx.sent_bounds[sent]
    people = [
        loc
        for (f_start, _), speakers in ctx.frame_speakers.items()
        if lo <= f_start < hi and f_start <= t_start
        for loc in speakers
        if loc.actor and loc.actor.actor.kind == "person"
    ]
    return people[-1:]


def _with_plural_anaphor(ctx: Context, actors: list[Located], region: tuple[int, int]) -> list[Located]:
    """ "الدول الثلاث", "الأطراف الثلاثة": the last three states named before, not as places."""
    if not _found(cue("plural_anaphor", ctx.lang), ctx.text, *region):
        return actors
    seen: dict[str, Located] = {a.actor.actor.id: a for a in actors if a.actor}
    states = 0
    for loc in reversed(ctx.actors_in(0, region[0])):
        if states >= 3:
            break
        match = loc.actor
        fresh = match is not None and match.actor.id not in seen
        if fresh and match and match.actor.kind == "country" and not place_phrase(ctx, loc):
            seen[match.actor.id] = loc
            states += 1
    return sorted(seen.values(), key=lambda a: a.start) if states == 3 else actors


# what may stand before the verb of an English clause that names no subject of its own
_VERB_FIRST = re.compile(r"[\s,]*(?:and\s+|while\s+)?")
_SUBJECT_LIST_GAP = re.compile(r"[\s,،]*(?:and\s+|و)?(?:the\s+)?")


def _main_subject(ctx: Context, sent: int, start: int) -> list[Located]:
    """The subject of the sentence's main clause, a list of names too ("Russia, Iran and Turkey wrapped
    up …"): the subject a participle clause after it leaves out."""
    names = [
        a
        for a in ctx.actors_in(ctx.sent_bounds[sent][0], start)
        if a.actor and subject_like(ctx, a) and not ctx.in_quote(a.start)
    ]
    out = names[:1]
    for a in names[1:]:
        if not _SUBJECT_LIST_GAP.fullmatch(ctx.text, out[-1].end, a.start):
            break
        out.append(a)
    return out


def _antecedent_parties(ctx: Context, sent: int, start: int) -> list[Located]:
    """An agreement clause naming no party ("على أن يبدأ سريانها", "يقضي بوقف القتال"): the parties of
    the nearest agreement named before it, in the same sentence or the two before."""
    first = ctx.sent_bounds[max(0, sent - _ANTECEDENT_SENTENCES)][0]
    best: tuple[int, int, list[Located]] = (0, -1, [])
    for rule, m in _matches_between(_agreement_rules(ctx.lang), ctx.text, first, start):
        pos = m.start("t")
        here = ctx.sentence_of(pos)
        if here is None or here in ctx.repeat_of or ctx.in_quote(pos):
            continue
        clause = ctx.clause_at(here, pos)
        region = (_after_frame(ctx, clause[0], pos), max(clause[1], m.end("t")))
        actors = _clause_actors(ctx, rule, region, pos, m.end("t"))
        # the parties: a clause naming two or more outranks a nearer one naming a single signatory
        rank = min(len({a.actor.actor.id for a in actors if a.actor}), 2)
        if rank and (rank, pos) > (best[0], best[1]):
            best = (rank, pos, actors)
    return best[2]


@lru_cache(maxsize=4)
def _agreement_rules(lang: str) -> tuple[Rule, ...]:
    return tuple(r for r in rules(lang) if r.type == "agreement")


def _matches_between(
    rules: tuple[Rule, ...], text: str, start: int, end: int
) -> list[tuple[Rule, re.Match[str]]]:
    """What `rule.regex.finditer(text, start, end)` finds for each rule in turn; a rule is tried only
    where its pattern can start (event_rules.Dispatch), from the end of its previous match on."""
    table = dispatch(rules)
    found = [(i, m) for i in table.anywhere for m in rules[i].regex.finditer(text, start, end)]
    free = [start] * len(rules)
    for place in table.starts.finditer(text, start, end):
        pos = place.start()
        for i, rule in table.at(text, pos):
            if pos >= free[i] and i not in table.anywhere:
                m = rule.regex.match(text, pos, end)
                if m is not None:  # never empty: a rule that may match nothing is tried everywhere
                    found.append((i, m))
                    free[i] = m.end()
    found.sort(key=lambda f: f[0])  # stable: each rule's matches stay in text order
    return [(rules[i], m) for i, m in found]


# every talks candidate reads the series and rounds named in the sentences before it: each text once
_series_in = lru_cache(maxsize=1024)(series_in)
_round_in = lru_cache(maxsize=1024)(round_in)


def _series_of_previous(ctx: Context, sent: int, start: int, number: int | None) -> str | None:
    """A numbered round with no series of its own ("a seventh round in June") continues the series whose
    round before it, or itself, the article names ("the sixth round of Geneva talks ended")."""
    if not number:
        return None
    for i in range(sent, -1, -1):
        lo, hi = ctx.sent_bounds[i]
        words = ctx.text[lo : min(hi, start)]
        if _round_in(words) in (number - 1, number):
            found = _series_in(ctx.kb, words)
            if found:
                return found
    return None


def _series_before(ctx: Context, sent: int, start: int) -> str | None:
    """The talks series the article has named most so far, the nearest on a tie ("الجولة المقبلة ستعقد
    في آب" in an article on Astana); a series' venue counts for the series it hosts (Geneva for the
    constitutional committee)."""
    counts: dict[str, tuple[int, int]] = {}
    for i in range(sent + 1):
        lo, hi = ctx.sent_bounds[i]
        found = _series_in(ctx.kb, ctx.text[lo : min(hi, start)])
        if found:
            counts[found] = (counts.get(found, (0, 0))[0] + 1, i)
    # a series' venue named on its own ("في قصر الأمم بجنيف") is where the article's series meets
    venues = {ctx.kb.series[k].place for k in counts if k in ctx.kb.series and ctx.kb.series[k].place != k}
    counts = {k: v for k, v in counts.items() if k not in venues} or counts
    return max(counts, key=lambda k: counts[k]) if counts else None


_SESSION_ORDINAL = re.compile(
    expand(
        r"(?<![^\W\d_])(?:(?:ل|ب|لل)?(?:ال)?(?:دورة|جولة)\s+(?P<a>{ord})|(?P<b>{ord_en})\s+(?:session|round))"
    )
)


def _numbered(ctx: Context, region: tuple[int, int]) -> int | None:
    """A round named by its series and number anywhere in the clause ("أستانا-6", "Geneva VIII"), whichever
    trigger found the act."""
    for rule in rules(ctx.lang):
        if rule.type == "talks_round" and rule.id.endswith(".series_number"):
            m = rule.regex.search(ctx.text, *region)
            if m is not None and not (rule.unless and _found(rule.unless, ctx.text, *region)):
                value = round_from_match(m.groupdict())
                if value:
                    return value
    return None


def _topic_sides(ctx: Context, actors: list[Located]) -> list[Located]:
    """The state the talks are about ("talks on Syria", "المحادثات السورية") stands for the sides of its
    conflict at the table (its government and opposition), not for the state as a party."""
    topics = talks_topics()
    out: list[Located] = []
    for loc in actors:
        sides = topics.get(loc.actor.actor.id, []) if loc.actor else []
        if not sides or not loc.actor:
            out.append(loc)
            continue
        for side in sides:
            if side in ctx.kb.actors:
                ref = ctx.kb.actors[side].ref()
                out.append(Located(loc.start, loc.end, actor=replace(loc.actor, actor=ref, role_title=None)))
    return _unique(out)


def _talks(ctx: Context, cand: Cand, m: re.Match[str], region: tuple[int, int], anchor: bool) -> bool:
    text = ctx.text[region[0] : region[1]]
    if cue("speculative", ctx.lang).search(text):
        return False
    cand.actors = _topic_sides(ctx, cand.actors)
    groups = m.groupdict()
    cand.round = round_from_match(groups) or _round_in(text) or _numbered(ctx, region)
    cand.series = (
        _series_in(ctx.kb, groups.get("series") or "")
        or _series_in(ctx.kb, text)
        or _series_of_previous(ctx, cand.sent, region[0], cand.round)
        or _series_before(ctx, cand.sent, region[0])
    )
    if cand.round is None and cand.series == "constitutional-committee":
        # the committee's sessions are its rounds ("الدورة الثالثة للجنة الدستورية", "its third session")
        session = _SESSION_ORDINAL.search(text)
        cand.round = number_value(session.group("a") or session.group("b") or "") if session else None
    cand.timex = governing(ctx, *region, cand.t_start)
    if anchor and not (cand.series or cand.round or cand.timex):
        return False
    if cand.timex and cand.timex.date:
        sentence = ctx.text[slice(*ctx.sent_bounds[cand.sent])]
        cand.date = span_for(cand.timex.date, sentence, ctx.lang)
    return True
