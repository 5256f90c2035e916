"""Which time expression dates an act: the one governing its clause, or its sentence's free date.

A date in a statement's frame ("قال … اليوم إن …") dates the saying; a date in an apposition or a
relative clause dates that clause, not the verb outside it.
"""

from __future__ import annotations

import re

from app.ingest.event_context import Context, Located
from app.ingest.records import Timex


def governing(ctx: Context, start: int, end: int, pos: int) -> Timex | None:
    """The time expression of [start, end) nearest to the trigger at `pos`.

    A date inside a statement's frame ("قال … اليوم إن …") dates the saying, not the acts it reports.
    """
    found = [t for t in ctx.timexes_in(start, end) if t.timex and t.timex.date and not _framed(ctx, t, pos)]
    if len(found) < 2:
        return found[0].timex if found else None
    # a date inside an apposition or relative clause ("The deal, reached last month, will come into force
    # on …") dates that clause, not the verb outside it
    return min(found, key=lambda t: (_apposed(ctx, t, pos), abs(t.start - pos))).timex


_COMMA = re.compile(r"[,،]")


def _apposed(ctx: Context, t: Located, pos: int) -> bool:
    """Whether the date stands between two commas in the middle of its sentence, away from the trigger."""
    sent = ctx.sentence_of(t.start)
    if sent is None:
        return False
    lo, hi = ctx.sent_bounds[sent]
    before = [m.end() for m in _COMMA.finditer(ctx.text, lo, t.start)]
    after = _COMMA.search(ctx.text, t.end, hi)
    if not before or after is None or not ctx.text[lo : before[-1] - 1].strip():
        return False
    opened, closed = before[-1], after.start()
    if opened <= pos < closed:
        return False
    return len(ctx.text[opened:closed].split()) <= 12


def _framed(ctx: Context, t: Located, pos: int) -> bool:
    """Whether a date sits in a statement's frame ("قال … اليوم إن"): it dates the saying."""
    return any(s <= t.start < e and not s <= pos < e for s, e in ctx.frames)


def sentence_timex(ctx: Context, sent: int, pos: int, claimed: set[int]) -> Timex | None:
    """The sentence's date for an act whose clause has none: only when all its free dates agree.

    A date is not free when it dates a saying (a statement's frame) or another event's clause.
    """
    found = [
        t.timex
        for t in ctx.timexes_in(*ctx.sent_bounds[sent])
        if t.timex and t.timex.date and not _framed(ctx, t, pos) and t.start not in claimed
    ]
    values = {t.value for t in found if t}
    return found[0] if len(values) == 1 else None
