"""Article text with passages highlighted inline, escaped piece by piece.

The article is untrusted text: every piece of it goes through markupsafe's
escape and only the tags built here are markup, so a `<script>` in an article
stays text. Spans may nest or overlap (an event passage holding a time
expression, two events sharing a clause): the text is cut at every span
boundary and each piece is wrapped in the spans that cover it, opened in a
stable order, so tags always close in the order they opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "event" | "timex" | "focus": a CSS class suffix
    label: str  # what it is, for title and aria-label
    href: str | None = None  # where a click goes (the event page)
    anchor: str | None = None  # id on the first piece, for /articles/<name>#m<id>


def _cuts(text_len: int, spans: Sequence[Highlight]) -> list[int]:
    points = {0, text_len}
    for span in spans:
        points.add(span.start)
        points.add(span.end)
    return sorted(points)


def _open(span: Highlight, first: bool) -> Markup:
    # Only the first piece of a cut-up span carries its id and link target so
    # anchors stay unique; later pieces keep the look and the label.
    anchor = Markup(' id="{}"').format(span.anchor) if first and span.anchor else Markup("")
    common = Markup('class="hl hl-{}" title="{}"').format(span.kind, span.label)
    if span.href:
        return Markup('<a {}{} href="{}">').format(common, anchor, span.href)
    return Markup('<mark {}{} aria-label="{}">').format(common, anchor, span.label)


def _close(span: Highlight) -> Markup:
    return Markup("</a>") if span.href else Markup("</mark>")


def _order(span: Highlight) -> tuple[int, int, str]:
    # Outer (longer, earlier) spans open first so nesting reads naturally.
    return (span.start, -(span.end - span.start), span.kind)


def _without_nested_links(active: list[Highlight]) -> list[Highlight]:
    """Links cannot nest in HTML; an inner linked span becomes a <mark>."""
    out: list[Highlight] = []
    linked = False
    for span in active:
        if span.href and linked:
            span = Highlight(span.start, span.end, span.kind, span.label, None, span.anchor)
        linked = linked or bool(span.href)
        out.append(span)
    return out


def highlight(text: str, spans: Sequence[Highlight], *, window: tuple[int, int] | None = None) -> Markup:
    """`text` (or its `window` slice) as escaped HTML with `spans` wrapped inline."""
    lo, hi = window or (0, len(text))
    usable = [
        Highlight(max(s.start, lo), min(s.end, hi), s.kind, s.label, s.href, s.anchor)
        for s in spans
        if s.start < s.end and s.end > lo and s.start < hi
    ]
    usable.sort(key=_order)
    points = [p for p in _cuts(len(text), usable) if lo <= p <= hi] or [lo, hi]
    if points[0] != lo:
        points.insert(0, lo)
    if points[-1] != hi:
        points.append(hi)
    parts: list[Markup] = []
    for a, b in pairwise(points):
        if a == b:
            continue
        active = _without_nested_links([s for s in usable if s.start <= a and s.end >= b])
        for span in active:
            parts.append(_open(span, span.start == a))
        parts.append(escape(text[a:b]))
        parts.extend(_close(span) for span in reversed(active))
    return Markup("").join(parts)
