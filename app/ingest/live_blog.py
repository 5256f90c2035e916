"""Live-blog entries: a paragraph that opens with a time of day ("18:40 - …", "10:45 GMT — …") is an
entry of a running report of one day, the day its heading names (else the publication day). An act
told in an entry with no date of its own happened that day; a planned one keeps no date.
"""

from __future__ import annotations

import re

from app.ingest.event_candidates import Cand
from app.ingest.event_context import Context
from app.ingest.records import DateValue
from app.ingest.timex_anchor import day_value

# a clock time at the start of a paragraph, then a dash or colon (Western or Eastern Arabic digits)
_ENTRY = re.compile(r"(?:^|\n)[ \t]*[0-9٠-٩]{1,2}[:.][0-9٠-٩]{2}(?:\s*(?:GMT|UTC|ت\.غ|بتوقيت \S+))?\s*[-–—:]")
_MIN_ENTRIES = 2  # one stamped paragraph is no blog
_HEADING_LINES = 3  # the heading's day stands in the first lines


def blog_day(ctx: Context) -> DateValue | None:
    """The day of a live blog's entries, or None when the article is no live blog."""
    text = ctx.article.text
    if len(_ENTRY.findall(text)) < _MIN_ENTRIES:
        return None
    heading_end = _heading_end(text)
    for t in ctx.timexes:
        if t.timex is None or t.timex.date is None:
            continue
        if ctx.to_original(t.start, t.end)[0] < heading_end and t.timex.date.precision == "day":
            return t.timex.date
    published = ctx.article.published
    return day_value(published) if published else None


def in_entry(ctx: Context, c: Cand) -> bool:
    """Whether `c` is told in a stamped paragraph of the blog."""
    text = ctx.article.text
    start = ctx.to_original(*ctx.sent_bounds[c.sent])[0]
    para = text.rfind("\n", 0, start) + 1
    return bool(_ENTRY.match(text, max(0, para - 1) if para else 0))


def _heading_end(text: str) -> int:
    end = 0
    for _ in range(_HEADING_LINES):
        nxt = text.find("\n", end)
        if nxt < 0:
            return len(text)
        end = nxt + 1
        if text[:end].strip():
            break
    return end
