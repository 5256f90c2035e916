"""Typed events from trigger rules: `extract(article, timexes, kb)`.

Stages, each in its own module: the article is prepared once
(`event_context`: folded text, sentences, repeated passages, actors, places,
dates, quotations); every trigger rule (`event_rules`, data in
`resources/events/`) proposes candidates (`event_candidates`); candidates that
report the same act are grouped (`event_group`); each group becomes one
ExtractedEvent with all its passages, its date, status, actors, place,
series/round (`rounds`) and titles (`event_titles`).

Dates: an act's own clause first (not a relative clause about its topic, nor the
date closing the verb before "and": `event_adverbials`); else its sentence's free
date; a talks round stretched over the days its sentence gives (`rounds.round_span`,
`day_pairs`, spans.yaml); a meeting on the sidelines of a dated one-day gathering
takes its day. A statement without a date of its own takes the dated occasion it was
made on (`event_occasions`, occasions.yaml, also when named in a phrase fronted
before its clause), the date of such a fronted phrase or of "in a statement on …",
the date of the clause it hangs on, or the day of the statement before it when made
on the same occasion. Live-blog entries take the blog's day (`live_blog`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from app.ingest import event_context, event_titles
from app.ingest.day_pairs import pair_in
from app.ingest.event_adverbials import (
    fronted,
    fronted_timex,
    in_object_relative,
    in_relative,
    own_conjunct_timex,
    saying_occasion_timex,
)
from app.ingest.event_candidates import Cand, act, triggers
from app.ingest.event_context import Context
from app.ingest.event_group import Group, group, round_of, series_of
from app.ingest.event_occasions import (
    act_on_occasion,
    addressed_session,
    after_midnight,
    announced_act,
    attached,
    frame_of,
    occasion_date,
    occasion_in,
    occasion_of_act,
    replies,
    sidelines_of,
    tie,
)
from app.ingest.event_rules import cue, rules
from app.ingest.event_speech import statement
from app.ingest.event_timing import sentence_timex
from app.ingest.knowledge import KnowledgeBase
from app.ingest.live_blog import blog_day, in_entry
from app.ingest.records import ActorRef, DateValue, ExtractedEvent, MentionSpan, PlaceRef, RawArticle, Timex
from app.ingest.rounds import (
    closing_day,
    day_of_round,
    joined_span,
    nth_day,
    opening_day,
    other_end,
    range_in,
    round_span,
)

_ROLES = {"statement": "speaker", "meeting": "participant"}
_CONTENT_BLOCKED = ("proposal",)  # what a speaker says he proposed is part of his statement


def extract(article: RawArticle, timexes: Sequence[Timex], kb: KnowledgeBase) -> list[ExtractedEvent]:
    """One ExtractedEvent per event the article reports, with every passage that reports it."""
    if not article.text.strip():
        return []
    ctx = event_context.build(article, timexes, kb)
    cands = candidates(ctx)
    _date_days_of_round(ctx, cands)
    groups = group(cands)
    _date_replies(ctx, groups)
    return [_event(ctx, g) for g in groups]


def candidates(ctx: Context) -> list[Cand]:
    """Every candidate passage, in text order.

    Statements are read first, so that every act knows which words are someone's
    reported speech (and which dates belong to the saying) wherever it stands.
    """
    found = triggers(ctx, rules(ctx.lang))
    out: list[Cand] = []
    last_statement: Cand | None = None
    for sent, rule, m in found:
        if rule.speech:
            cand = statement(ctx, sent, rule, m, last_statement)
            if cand is not None:
                last_statement = cand
                out.append(cand)
    statements = list(out)
    for sent, rule, m in found:
        if rule.speech or (not rule.in_speech and _inside_speech(statements, m.start("t"))):
            continue
        if cue("background", ctx.lang).match(ctx.text[slice(*ctx.sent_bounds[sent])]):
            continue
        cand = act(ctx, sent, rule, m)
        if cand is not None:
            out.append(cand)
    _date_from_sentences(ctx, out)
    for cand in out:
        cand.date = cand.date or after_midnight(ctx, cand)
        _set_status(ctx, cand)
    # a round's span before the statements made on its occasions ("at the closing session": its last day)
    _date_spans(ctx, out)
    _date_statements(ctx, out)
    for cand in out:  # a meeting told as the occasion of a dated act ("announced … at the end of talks")
        announced = announced_act(ctx, cand, out)
        if announced is not None and cand.timex is not None:  # a pause "until" a day: done when announced
            cand.timex, cand.status = None, "occurred"
        cand.date = (
            cand.date
            or occasion_of_act(ctx, cand, out)
            or announced
            or act_on_occasion(ctx, cand, out)
            or addressed_session(ctx, cand, out)
            or sidelines_of(ctx, cand, out)
        )
    _date_blog_entries(ctx, out)
    out.sort(key=lambda c: (c.sent, c.t_start))
    return _one_per_clause(out)


def _date_blog_entries(ctx: Context, cands: list[Cand]) -> None:
    """A live blog's entries ("18:40 - …") with no date of their own: the blog's day."""
    day = blog_day(ctx)
    if day is None:
        return
    for c in cands:
        if c.date is None and c.timex is None and c.status != "planned" and in_entry(ctx, c):
            c.date = day


def _date_from_sentences(ctx: Context, cands: list[Cand]) -> None:
    """Acts whose clause names no date take their sentence's free dates (see sentence_timex); an act
    told after "and" takes the date after its verb, not the one closing the verb before it."""
    refused: dict[int, int] = {}  # candidate -> the date of its clause that is not its own
    for c in cands:
        if c.type != "statement" and c.timex is not None and in_object_relative(ctx, c, cands):
            if c.date is not None and c.timex.date is not None and c.date.start == c.timex.date.start:
                c.date = None
            refused[id(c)] = ctx.to_folded(c.timex.start, c.timex.end)[0]
            c.timex = None  # "met Zarif to discuss the deal that was signed last month"
        own = own_conjunct_timex(ctx, c) if c.type != "statement" else None
        if own is not None and c.timex is not None:
            if c.date is not None and c.timex.date is not None and c.date.start == c.timex.date.start:
                c.date = None
            c.timex = own
    claims = [
        (pos, c.type)
        for c in cands
        if c.timex
        for pos in [ctx.to_folded(c.timex.start, c.timex.end)[0]]
        # an English statement dated from its sentence's start ("On Tuesday, X met Y and issued a
        # statement") leaves that date to the sentence's other acts
        if c.type != "statement" or c.span[0] <= pos
    ]
    # a date in the clause of another kind of event is that clause's own ("… التي بدأت أمس الاثنين")
    claims += [
        (t.start, c.type)
        for c in cands
        if c.type != "statement"
        for t in ctx.timexes_in(*c.span)
        if c.span[0] <= t.start and t.end <= c.span[1]
    ]
    # English: a date in the first clause of someone's reported words is theirs ("said on Tuesday they
    # would back a congress on April 18, as the round wrapped up": not the round's)
    claims += [
        (t.start, "statement")
        for c in cands
        if ctx.lang == "en" and c.type == "statement" and c.content is not None
        for t in ctx.timexes_in(*ctx.clause_at(c.sent, c.content[0]))
        if t.start >= c.content[0]
    ]
    for c in cands:
        if c.type != "statement" and c.timex is None and c.date is None:
            # a date another kind of event stands on is not free; one of this kind's is the same act's;
            # nor is one in words said before their speaker when the act is told after the verb
            claimed = {pos for pos, kind in claims if kind != c.type}
            claimed |= {t.start for s, e in ctx.fronted if e <= c.t_start for t in ctx.timexes_in(s, e)}
            claimed |= {refused[id(c)]} if id(c) in refused else set()
            c.timex = _manner_timex(ctx, c, cands) or sentence_timex(ctx, c.sent, c.t_start, claimed)


def _manner_timex(ctx: Context, c: Cand, cands: list[Cand]) -> Timex | None:
    """ "اختتمت المحادثات اليوم الثلاثاء، بإعلان … اتفاقها": an act told as the manner of the
    clause before it (a clause opening with بـ) happened when that clause's event did."""
    words = ctx.text[c.span[0] : c.t_end].split()
    if ctx.lang != "ar" or not words or not words[0].startswith("ب") or len(words[0]) < 4:
        return None
    # a sentence cut by the ".،" artefact of crawled text ("حول سوريا.، بإعلان …") goes on from the one before
    lo = ctx.sent_bounds[c.sent][0]
    glued = (
        c.sent > 0
        and "،" in ctx.text[ctx.sent_bounds[c.sent - 1][1] : c.span[0]]
        and not ctx.text[lo : c.span[0]].strip(" ،,")
    )
    sents = (c.sent, c.sent - 1) if glued else (c.sent,)
    before = [
        o
        for o in cands
        if o is not c and o.sent in sents and o.span[1] <= c.span[0] and o.timex and o.type != "statement"
    ]
    main = max(before, key=lambda o: (o.sent, o.span[1]), default=None)
    if main is None or main.status == "planned" or main.timex is None or main.timex.date is None:
        return None
    if ctx.text[main.span[1] : c.span[0]].strip(" ،,." if glued else " ،,") != "":
        return None  # only the clause right before
    return main.timex


def _date_statements(ctx: Context, cands: list[Cand]) -> None:
    """Statements whose frame names no date: the dated occasion they were made on, the date of the
    main clause they hang on ("في خطوة وصفها …", "with X saying"), or, for a reply introduced as
    such ("من جهته"), the occasion of the statement it answers."""
    statements = sorted((c for c in cands if c.type == "statement"), key=lambda c: (c.sent, c.t_start))
    on_occasion: set[int] = set()
    previous: Cand | None = None
    published = ctx.article.published
    for c in statements:
        value = c.timex.date if c.timex else None
        if value is not None and published is not None and value.start > published:
            c.timex = None  # "ودعا X إلى استئناف المفاوضات في 8 شباط المقبل": the call is not in February
        if c.timex is not None and in_relative(ctx, c, c.timex):
            c.timex = None  # "وأكد لافروف، الذي التقى ظريف الاثنين، أن …": Monday is the meeting's
        if c.timex is None and c.date is None:
            c.date = (
                occasion_date(ctx, c, cands)
                or _fronted_occasion(ctx, c, cands)
                or _occasion_in_frame(ctx, c, cands)
            )
            if c.date is not None:
                on_occasion.add(id(c))
            elif c.t_start in ctx.borrowed or attached(ctx, c):
                c.timex = sentence_timex(ctx, c.sent, c.t_start, set())
            elif (fronted := fronted_timex(ctx, c, cands) or saying_occasion_timex(ctx, c)) is not None:
                c.timex = (
                    fronted  # "In an interview on Sunday, X said …", "X welcomed it in a statement on …"
                )
            elif previous is not None and _same_occasion(ctx, c, previous, id(previous) in on_occasion):
                c.date = previous.when
                on_occasion.add(id(c))
        previous = c


def _same_occasion(ctx: Context, c: Cand, previous: Cand, on_occasion: bool) -> bool:
    """Whether statement `c` was made where the statement before it was: it says so ("at the same
    news conference", "في المؤتمر الصحفي نفسه"), or answers it ("من جهته، قال …"), or goes on in the
    same paragraph from a statement made on a dated occasion ("Putin told reporters after the talks
    …. Erdogan said …")."""
    value = previous.when
    if value is None or value.precision != "day":
        return False
    if tie("same_occasion", ctx.lang).search(ctx.text, *frame_of(ctx, c)):
        return True
    if not on_occasion:
        return False
    gap = ctx.article.text[
        slice(*ctx.to_original(ctx.sent_bounds[previous.sent][0], ctx.sent_bounds[c.sent][0]))
    ]
    follows = c.sent == previous.sent + 1 and "\n" not in gap and c.span[0] == ctx.sent_bounds[c.sent][0]
    return replies(ctx, c) or follows


def _occasion_in_frame(ctx: Context, c: Cand, cands: list[Cand]) -> DateValue | None:
    """A statement whose frame names its occasion as a meeting or round told there with its day
    ("told a news conference after talks with his counterpart on Tuesday that …"): that day."""
    lo, hi = frame_of(ctx, c)
    words = _WORDS_OPEN[ctx.lang].search(ctx.text, c.t_end, ctx.sent_bounds[c.sent][1])
    hi = max(hi, words.start()) if words else hi  # up to where the reported words begin
    if occasion_in(ctx.text[lo:hi], ctx.lang) is None:
        return None
    published = ctx.article.published
    for o in cands:
        value = o.when
        if o.type not in ("meeting", "talks_round") or o.status == "planned" or value is None:
            continue
        single = value.precision == "day" and value.start == value.end
        if c.t_end <= o.t_start < hi and single and (published is None or value.end <= published):
            return value
    return None


def _fronted_occasion(ctx: Context, c: Cand, cands: list[Cand]) -> DateValue | None:
    """The occasion named in an adverbial phrase before the statement's clause ("وفي كلمته أمام
    الجلسة الختامية، قال …", "At the closing session, X said")."""
    region = fronted(ctx, c)
    return occasion_date(ctx, c, cands, (region[0], frame_of(ctx, c)[1])) if region else None


def _date_replies(ctx: Context, groups: list[Group]) -> None:
    """ "من جهته، قال …" right after a statement made on a dated occasion ("في مؤتمر صحفي مشترك"):
    the answer was given on the same occasion."""
    owner = {id(c): g for g in groups for c in g.members}
    statements = sorted(
        (c for g in groups if g.type == "statement" for c in g.members), key=lambda c: (c.sent, c.t_start)
    )
    for before, c in pairwise(statements):
        g, prev = owner[id(c)], owner[id(before)]
        if g is prev or g.date is not None or prev.date is None or prev.date.precision != "day":
            continue
        on_occasion = any(occasion_in(ctx.text[slice(*frame_of(ctx, m))], ctx.lang) for m in prev.members)
        if c is g.first and replies(ctx, c) and on_occasion:
            c.date = prev.date


def _inside_speech(cands: list[Cand], pos: int) -> bool:
    return any(c.content and c.content[0] <= pos < c.content[1] for c in cands if c.type == "statement")


def _set_status(ctx: Context, cand: Cand) -> None:
    text = ctx.text
    if cand.type == "statement":
        return
    published = ctx.article.published
    value = cand.when
    # not the reported words that follow the act's clause ("after talks with X on Tuesday that the talks
    # would resume": the talks with X were held)
    words = _WORDS_OPEN[ctx.lang].search(text, cand.t_end, cand.span[1])
    clause = text[cand.span[0] : words.start() if words else cand.span[1]]
    if cue("media", ctx.lang).search(text, *ctx.sent_bounds[cand.sent]):  # known through a media report
        cand.status = "reported"
    elif cand.status == "occurred" and (
        _future_verb(text[cand.t_start : cand.t_end])
        or cue("planned", ctx.lang).search(clause)
        or (value is not None and published is not None and value.start > published)
    ):
        cand.status = "planned"


_WORDS_OPEN = {  # over folded text
    "en": re.compile(r"\bthat\s+(?:the|a|an|he|she|it|they|we|i|his|her|its|their|this|these)\b"),
    "ar": re.compile(r"(?<!\S)(?:ان|انه|انها|بان|بانه|بانها)(?!\S)"),
}

# roots that begin with the letters of the future prefix: "سيطرت" (took control) and "سيرت" (ran
# patrols) are past verbs, not "will …"
_SIN_ROOTS = ("سيطر", "سير", "ستر")


def _future_verb(trigger: str) -> bool:
    """The future prefix on the trigger verb itself ("سيلتقي", "ستبدأ")."""
    word = trigger.split()[0] if trigger.split() else ""
    word = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    return word[:2] in ("سي", "ست", "سن") and len(word) >= 5 and not word.startswith(_SIN_ROOTS)


def _one_per_clause(cands: list[Cand]) -> list[Cand]:
    """Two triggers of one type in one clause are one act: keep the first (statements: per speaker)."""
    out: list[Cand] = []
    for c in cands:
        clash = any(
            o.type == c.type and o.sent == c.sent and o.span[0] <= c.t_start < o.span[1] and o.ids == c.ids
            for o in out
        )
        if not clash:
            out.append(c)
    return out


def _date_spans(ctx: Context, cands: list[Cand]) -> None:
    """Talks rounds whose sentence gives their first and last day, or one of them and how long they
    lasted; then a round that ended on a day and a round of the same talks that opened on an earlier
    day in another sentence ("ended on Friday" … "opened on February 23"): one span."""
    for c in cands:
        if c.type != "talks_round":
            continue
        known = c.when
        located = [
            (t.start, t.end, t.timex.date)
            for t in ctx.timexes_in(*ctx.sent_bounds[c.sent])
            if t.timex and t.timex.date
        ]
        span = (
            range_in(ctx.text, located)
            or (pair_in(ctx.text, ctx.lang, located, known) if known else None)
            or round_span(ctx.text, ctx.sent_bounds[c.sent], _days_of(ctx, c.sent), ctx.lang, known)
        )
        if span is not None:
            c.date = span
    rounds = [c for c in cands if c.type == "talks_round" and c.status != "planned"]
    for c in rounds:
        if c.date is not None and c.date.start != c.date.end:
            continue
        last = closing_day(
            ctx.text, ctx.sent_bounds[c.sent], _days_of(ctx, c.sent), ctx.lang, ctx.article.published
        )
        if last is None:
            continue
        for o in rounds:
            if o is c or (o.date is not None and o.date.start != o.date.end) or not _same_talks(c, o):
                continue
            first = opening_day(ctx.text, ctx.sent_bounds[o.sent], _days_of(ctx, o.sent), ctx.lang)
            span = joined_span(first, last) if first else None
            if span is not None:
                c.date = o.date = span
                break
    for c in rounds:  # the other end in a sentence that is no round event of its own
        if c.date is not None and c.date.start != c.date.end:
            continue
        bounds, days = ctx.sent_bounds[c.sent], _days_of(ctx, c.sent)
        last = closing_day(ctx.text, bounds, days, ctx.lang, ctx.article.published)
        first = None if last else opening_day(ctx.text, bounds, days, ctx.lang)
        if last is None and first is None:
            continue
        near = sorted((i for i in range(len(ctx.sents)) if i != c.sent), key=lambda i: abs(i - c.sent))
        others = [(ctx.sent_bounds[i], _days_of(ctx, i)) for i in near if i not in ctx.repeat_of]
        span = other_end(ctx.text, others, ctx.lang, first, last)
        if span is not None:
            c.date = span


def _same_talks(a: Cand, b: Cand) -> bool:
    return (a.series is None or b.series is None or a.series == b.series) and (
        a.round is None or b.round is None or a.round == b.round
    )


def _days_of(ctx: Context, sent: int) -> list[tuple[int, DateValue]]:
    return [
        (t.start, t.timex.date) for t in ctx.timexes_in(*ctx.sent_bounds[sent]) if t.timex and t.timex.date
    ]


def _date_days_of_round(ctx: Context, cands: list[Cand]) -> None:
    """Dates "on the first day of the talks", counted from the article's round whose span is known."""
    spans = [c.date for c in cands if c.type == "talks_round" and c.date and c.date.start != c.date.end]
    if not spans:
        return
    for c in cands:
        if c.date is None and c.timex is None:
            n = day_of_round(ctx.text[c.span[0] : c.t_end], ctx.lang)
            c.date = nth_day(spans[0], n) if n else None


def _event(ctx: Context, g: Group) -> ExtractedEvent:
    value = g.date
    timex = next((c.timex for c in g.members if c.timex), None)
    actors = _actors(ctx, g, value)
    series, round_ = (series_of(g), round_of(g)) if g.type == "talks_round" else (None, None)
    place = next((c.place for c in g.members if c.place), None) or _series_place(ctx, series)
    status = "reported" if any(c.status == "reported" for c in g.members) else _status(g)
    event = ExtractedEvent(
        type=_type(g),
        status=status,
        mentions=_mentions(ctx, g),
        date=value,
        timex=timex,
        actors=actors,
        place=place,
        series=series,
        round=round_,
    )
    en, ar = event_titles.titles(event, ctx.kb)
    return replace(event, title_en=en, title_ar=ar)


def _series_place(ctx: Context, series: str | None) -> PlaceRef | None:
    """A round of the Geneva talks is in Geneva unless the text says otherwise."""
    known = ctx.kb.series.get(series or "")
    place = ctx.kb.places.get(known.place or "") if known else None
    return place.ref() if place else None


def _status(g: Group) -> str:
    """The status of the passage that dates the event, else of the first passage."""
    dated = [c for c in g.members if c.date or c.timex]
    return (dated or g.members)[0].status


def _type(g: Group) -> str:
    types = [c.type for c in g.members]
    return "proposal" if "proposal" in types else types[0]


def _actors(ctx: Context, g: Group, value: DateValue | None) -> tuple[ActorRef, ...]:
    """The group's actors, titles re-resolved to whoever held the role on the event's date."""
    role = _ROLES.get(g.type, "participant")
    out: dict[str, ActorRef] = {}
    for c in g.members:
        for i, loc in enumerate(c.actors):
            match = loc.actor
            if match is None:
                continue
            ref = match.actor
            if match.role_title and value is not None:
                holder = ctx.kb.holder(match.role_title, value.start)
                ref = holder.ref() if holder else ref
            own = c.roles[min(i, len(c.roles) - 1)] if c.roles else role
            out.setdefault(ref.id, replace(ref, role=own))
    if g.type == "talks_round" and not out:
        for ref in event_titles.series_parties(ctx.kb, series_of(g)):
            out.setdefault(ref.id, ref)
    for ref in list(out.values()):  # "the guarantor states agreed": so did each of them
        for member in ctx.kb.actors[ref.id].members if ref.id in ctx.kb.actors else ():
            out.setdefault(member, replace(ctx.kb.actors[member].ref(), role=ref.role))
    persons = [a for a in out.values() if a.kind == "person"]
    if g.type == "meeting" and len(persons) >= 2:
        return tuple(persons)  # the people who met; their states and offices are context
    return tuple(out.values())


def _mentions(ctx: Context, g: Group) -> tuple[MentionSpan, ...]:
    spans: list[tuple[int, int, str]] = []
    for c in g.members:
        start, end = ctx.to_original(*c.span)
        spans.append((start, end, c.rule))
        spans.extend(_copies(ctx, c, start, end))
    text = ctx.article.text
    unique = sorted(set(spans))
    return tuple(MentionSpan(s, e, text[s:e], rule) for s, e, rule in unique if e > s)


def _copies(ctx: Context, c: Cand, start: int, end: int) -> list[tuple[int, int, str]]:
    """The same passage where the article repeats the sentence (word for word, or cut short)."""
    original = ctx.sents[c.sent]
    out = []
    for i, j in ctx.repeat_of.items():
        if j != c.sent:
            continue
        copy = ctx.sents[i]
        offset = start - original.start
        if copy.text == original.text:
            out.append((copy.start + offset, copy.start + offset + (end - start), c.rule))
        elif offset < len(copy.text):
            out.append((copy.start + offset, min(copy.end, copy.start + offset + (end - start)), c.rule))
    return out
