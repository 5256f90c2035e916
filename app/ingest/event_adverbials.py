"""Which clause a time expression governs, where the sentence's shape decides it.

- A fronted adverbial ("In an interview on Sunday, X said", "وفي مؤتمر صحفي عقده الاثنين، قال")
  governs the clause after its comma: its date is the saying's.
- A relative clause ("، الذي التقى ظريف الاثنين،", ", who met Zarif on Monday,") keeps its date.

The cue words are data (`ties` fronted and relative in resources/events/occasions.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.ingest.event_candidates import Cand
from app.ingest.event_context import Context
from app.ingest.event_occasions import tie
from app.ingest.records import Timex

_PHRASE_END = re.compile(r"[،,؛;:.]")
_FRONTED_MAX_WORDS = 14  # longer than this, the stretch before the comma is a clause of its own


def fronted(ctx: Context, c: Cand) -> tuple[int, int] | None:
    """The adverbial phrase opening `c`'s sentence before the comma of `c`'s clause, if any
    ("وفي كلمته أمام الجلسة الختامية، قال …", "In an interview on Sunday, X said")."""
    lo = ctx.sent_bounds[c.sent][0]
    if c.span[0] <= lo:
        return None
    region = ctx.text[lo : c.span[0]]
    if not region.rstrip().endswith(("،", ",")) or not tie("fronted", ctx.lang).match(region):
        return None
    if len(region.split()) > _FRONTED_MAX_WORDS or tie("long_span", ctx.lang).search(region):
        return None
    return lo, c.span[0]


def fronted_timex(ctx: Context, c: Cand, cands: Sequence[Cand]) -> Timex | None:
    """The date of an adverbial phrase opening `c`'s sentence before the statement's clause, when
    that phrase is the only thing before it and names one date no later than publication."""
    region = fronted(ctx, c)
    if region is None:
        return None
    lo = region[0]
    if any(o is not c and o.type == "statement" and lo <= o.t_start < c.span[0] for o in cands):
        return None  # someone else speaks in the phrase
    found = [t for t in ctx.timexes_in(lo, c.span[0]) if t.timex and t.timex.date]
    values = {t.timex.value for t in found if t.timex}
    published = ctx.article.published
    if len(values) != 1 or found[0].timex is None:
        return None
    value = found[0].timex.date
    if value is None or (published is not None and value.start > published):
        return None
    return found[0].timex


def in_relative(ctx: Context, c: Cand, t: Timex) -> bool:
    """Whether the statement's date stands in a relative clause of its frame that does not hold the
    verb of saying ("وأكد لافروف، الذي التقى ظريف الاثنين، أن …")."""
    start = ctx.to_folded(t.start, t.end)[0]
    lo = max(c.span[0], ctx.sent_bounds[c.sent][0])
    rel = [lo + m.start() for m in tie("relative", ctx.lang).finditer(ctx.text[lo:start])]
    if not rel:
        return False
    opened = rel[-1]
    if opened <= c.t_start < start:
        return False  # the verb of saying is itself in the relative clause ("who said on Monday")
    return not _PHRASE_END.search(ctx.text, opened, start)


_AND = re.compile(r"\s*[,،]?\s*(?:and|و)\s*")


def own_conjunct_timex(ctx: Context, c: Cand) -> Timex | None:
    """An act whose date stands right before its trigger, across "and", has it from the verb before
    ("held talks on Tuesday and met X in Geneva last week", "التقى X الثلاثاء واجتمع بـY أمس"): the
    first date after the trigger in its clause is its own. None when that is not so."""
    if c.timex is None:
        return None
    end = ctx.to_folded(c.timex.start, c.timex.end)[1]
    if end > c.t_start:
        return None
    gap = ctx.text[end : c.t_start]
    if not (_AND.fullmatch(gap) or (not gap.strip() and ctx.text.startswith("و", c.t_start))):
        return None
    after = [t for t in ctx.timexes_in(c.t_end, c.span[1]) if t.timex and t.timex.date]
    return after[0].timex if after else None


def saying_occasion_timex(ctx: Context, c: Cand) -> Timex | None:
    """A statement whose verb is followed in its clause by the occasion of the saying with a date
    ("welcomed the agreement in a statement on Saturday", "رحب بالاتفاق في بيان الثلاثاء"): that date,
    when it is not after publication."""
    hi = ctx.clause_at(c.sent, c.t_start)[1]
    published = ctx.article.published
    for t in ctx.timexes_in(c.t_end, hi):
        if t.timex is None or t.timex.date is None or ctx.in_quote(t.start):
            continue
        if published is not None and t.timex.date.start > published:
            continue
        if tie("saying_occasion", ctx.lang).search(ctx.text[max(c.t_end, t.start - 60) : t.start]):
            return t.timex
    return None


def in_object_relative(ctx: Context, c: Cand, cands: Sequence[Cand]) -> bool:
    """Whether an act's date stands in a relative clause after its trigger that describes something
    else than the act: the thing discussed or aimed at ("met Zarif to discuss the deal that was signed
    last month", "لبحث نتائج الجولة التي عقدت الشهر الماضي"), or when another kind of act is told
    between ("met Zarif and signed a deal that takes effect on Friday"). "الجولة الرابعة التي عقدت
    الشهر الماضي" keeps its date."""
    if c.timex is None:
        return False
    start = ctx.to_folded(c.timex.start, c.timex.end)[0]
    if start <= c.t_end:
        return False
    rel = [c.t_end + m.start() for m in tie("relative", ctx.lang).finditer(ctx.text[c.t_end : start])]
    if not rel or _PHRASE_END.search(ctx.text, rel[-1], start):
        return False
    if tie("aimed_at", ctx.lang).search(ctx.text[c.t_end : rel[-1]]):
        return True
    return any(o is not c and o.type != c.type and c.t_end <= o.t_start < start for o in cands)
