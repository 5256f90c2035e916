"""One article prepared for event extraction: folded text, sentences, actors, places, dates, quotes.

Everything is located in folded offsets (the rules match folded text) and
mapped back to the original only when a mention is written. Actors and places
are recognised once over the whole article, not per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.ingest.actors import ActorMatch, recognize_actors, recognize_places
from app.ingest.demonyms import demonym_matches
from app.ingest.event_rules import cue
from app.ingest.knowledge import KnowledgeBase
from app.ingest.normalize import Folded
from app.ingest.records import PlaceRef, RawArticle, Sentence, Timex
from app.ingest.segment import clause_bounds, repeats, sentences
from app.ingest.timex_fold import fast_fold

_OPEN = "«“"
_CLOSE = "»”"


@dataclass(frozen=True)
class Located:
    """An actor, place or time expression with its folded span."""

    start: int
    end: int
    actor: ActorMatch | None = None
    place: PlaceRef | None = None
    timex: Timex | None = None


@dataclass
class Context:
    article: RawArticle
    kb: KnowledgeBase
    lang: str
    folded: Folded
    sents: list[Sentence]
    sent_bounds: list[tuple[int, int]]  # folded
    repeat_of: dict[int, int]
    actors: list[Located]
    places: list[Located]
    timexes: list[Located]
    quotes: list[tuple[int, int]]
    clauses: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    adjectives: list[Located] = field(default_factory=list)  # states named by an adjective: never speakers
    frames: list[tuple[int, int]] = field(default_factory=list)  # statements: clause start .. reported words
    frame_speakers: dict[tuple[int, int], list[Located]] = field(default_factory=dict)
    # statements (by trigger start) whose speaker is the subject of the clause before them
    # ("اجتمعوا …، وأكدوا", "افتتح …، داعيا"): they share that clause's date
    borrowed: set[int] = field(default_factory=set)
    # English words said before their speaker ("The zone will be ready by May 1, Putin told …"): the
    # dates there are the words', not those of acts told after the verb
    fronted: list[tuple[int, int]] = field(default_factory=list)
    # id of a list above -> (the list, its items' start offsets), for the bisections of *_in and in_quote
    _offsets: dict[int, tuple[object, list[int]]] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.folded.text

    def to_folded(self, start: int, end: int) -> tuple[int, int]:
        index = self.folded.index
        return bisect_left(index, start), bisect_left(index, end)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.to_original(start, end)

    def clauses_of(self, sent: int) -> list[tuple[int, int]]:
        if sent not in self.clauses:
            start, end = self.sent_bounds[sent]
            self.clauses[sent] = clause_bounds(self.text, start, end, self.lang) or [(start, end)]
        return self.clauses[sent]

    def clause_at(self, sent: int, pos: int) -> tuple[int, int]:
        for start, end in self.clauses_of(sent):
            if start <= pos < end:
                return start, end
        return self.sent_bounds[sent]

    def sentence_of(self, pos: int) -> int | None:
        """The sentence holding `pos`, None between sentences."""
        i = bisect_right(self._starts(self.sent_bounds), pos) - 1
        if i < 0 or pos >= self.sent_bounds[i][1]:
            return None
        return i

    def in_quote(self, pos: int) -> bool:
        # the quotations are disjoint and in text order: only the last one opened at or before pos can hold it
        i = bisect_right(self._starts(self.quotes), pos) - 1
        return i >= 0 and pos < self.quotes[i][1]

    def actors_in(self, start: int, end: int) -> list[Located]:
        return self._within(self.actors, start, end)

    def places_in(self, start: int, end: int) -> list[Located]:
        return self._within(self.places, start, end)

    def timexes_in(self, start: int, end: int) -> list[Located]:
        return self._within(self.timexes, start, end)

    def _within(self, items: list[Located], start: int, end: int) -> list[Located]:
        starts = self._starts(items)
        return items[bisect_left(starts, start) : bisect_right(starts, end - 1)]

    def _starts(self, items: list[Located] | list[tuple[int, int]]) -> list[int]:
        """The start offsets of a list of the context, listed once (again if the list is replaced, grows)."""
        known = self._offsets.get(id(items))
        if known is None or known[0] is not items or len(known[1]) != len(items):
            known = (items, [i[0] if isinstance(i, tuple) else i.start for i in items])
            self._offsets[id(items)] = known
        return known[1]

    def prepositional(self, loc: Located) -> bool:
        """Whether the name stands in a prepositional phrase ("إلى موسكو", "بموسكو"): not a subject."""
        if loc.start > 0 and self.text[loc.start - 1] in "بل":
            return True
        before = self.text[max(0, loc.start - 12) : loc.start]
        return bool(cue("preposition", self.lang).search(before))


def _adjectives(ctx: Context, matches: list[ActorMatch]) -> list[Located]:
    """Nationality adjectives not already inside a recognised name or title."""
    out = []
    for m in matches:
        start, end = ctx.to_folded(m.start, m.end)
        if not any(a.start < end and start < a.end for a in ctx.actors):
            out.append(Located(start, end, actor=m))
    return out


_QUOTE_MARKS = re.compile(f'[\n"{_OPEN}{_CLOSE}]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches of the original text; a straight quote toggles, a line break closes."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            opened = None
        elif opened is None and (ch in _OPEN or ch == '"'):
            opened = i
        elif opened is not None and (ch in _CLOSE or ch == '"'):
            if i - opened > 1:
                spans.append((opened, i + 1))
            opened = None
    return spans


def build(article: RawArticle, timexes: Sequence[Timex], kb: KnowledgeBase) -> Context:
    lang = "en" if article.lang == "en" else "ar"
    folded = fast_fold(article.text)
    sents = sentences(article.text, lang)
    ctx = Context(
        article=article,
        kb=kb,
        lang=lang,
        folded=folded,
        sents=sents,
        sent_bounds=[],
        repeat_of=repeats(sents),
        actors=[],
        places=[],
        timexes=[],
        quotes=[],
    )
    ctx.sent_bounds = [ctx.to_folded(s.start, s.end) for s in sents]
    found = recognize_actors(article.text, kb, on=article.published, lang=lang)
    ctx.actors = [Located(*ctx.to_folded(m.start, m.end), actor=m) for m in found]
    ctx.adjectives = _adjectives(ctx, demonym_matches(folded, kb))
    ctx.actors = sorted(ctx.actors + ctx.adjectives, key=lambda a: a.start)
    places = recognize_places(article.text, kb, lang=lang)
    ctx.places = [Located(*ctx.to_folded(p.start, p.end), place=p.place) for p in places]
    located = [Located(*ctx.to_folded(t.start, t.end), timex=t) for t in timexes if t.value]
    ctx.timexes = sorted(located, key=lambda x: x.start)
    ctx.quotes = [ctx.to_folded(s, e) for s, e in quote_spans(article.text)]
    return ctx
