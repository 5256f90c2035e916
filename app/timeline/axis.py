"""The visual time axis: a server-drawn SVG strip of events per day, month or year.

Bars are stacked by event type and each is a link that narrows the timeline
to its period (since=until=the bucket, which `filters` reads as a whole day,
month or year). The drawing stays readable from 5 events to 100,000: heights
are scaled to the busiest bucket with a minimum so a single event still shows,
the histogram switches to years when months would be thinner than a few
pixels, and year labels thin out when there are many years.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from app.timeline.facets import Bucket, Histogram
from app.timeline.filters import EVENT_TYPES, Filters, url_with

WIDTH = 1000
BAR_AREA = 90  # pixels of bar height; labels go below
HEIGHT = 112
MIN_BAR = 2  # a bucket with one event among thousands is still visible
MAX_LABELS = 12
# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
TYPE_COLOURS = {
    "talks_round": "#0072B2",
    "meeting": "#E69F00",
    "statement": "#56B4E9",
    "proposal": "#CC79A7",
    "agreement": "#009E73",
    "military": "#D55E00",
    "report": "#999999",
}
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ar": (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
}  # fmt: skip
_EVENTS_WORD = {"en": "events", "ar": "أحداث"}


def axis_svg(hist: Histogram, filters: Filters, *, path: str = "/", lang: str = "en") -> Markup:
    """The SVG strip for `hist`; empty markup when there is nothing to draw."""
    if not hist.buckets:
        return Markup("")
    n = len(hist.buckets)
    step = WIDTH / n
    gap = min(1.0, step / 4)
    peak = max(hist.max_total, 1)
    parts = [
        f'<svg class="time-axis" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f' direction="ltr" aria-label="{escape(_summary(hist, lang))}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, bucket in enumerate(hist.buckets):
        if bucket.total:
            parts.append(_bar(bucket, i * step + gap / 2, step - gap, peak, filters, path, lang))
    parts.extend(_labels(hist, step, lang))
    parts.append("</svg>")
    return Markup("".join(parts))


def _bar(bucket: Bucket, x: float, width: float, peak: int, filters: Filters, path: str, lang: str) -> str:
    """One bucket: a link around its stacked segments, with a tooltip."""
    height = max(MIN_BAR, BAR_AREA * bucket.total / peak)
    href = url_with(filters, path, since=bucket.key, until=bucket.key)
    label = f"{_bucket_label(bucket, lang)}: {bucket.total} {_EVENTS_WORD.get(lang, 'events')}"
    out = [f'<a href="{escape(href)}"><title>{escape(label)}</title>']
    y = float(BAR_AREA)
    for etype in (*EVENT_TYPES, *sorted(set(bucket.counts) - set(EVENT_TYPES))):
        count = bucket.counts.get(etype, 0)
        if not count:
            continue
        segment = height * count / bucket.total
        y -= segment
        colour = TYPE_COLOURS.get(etype, "#666666")
        out.append(
            f'<rect class="bar t-{escape(etype)}" x="{x:.2f}" y="{y:.2f}" '
            f'width="{max(width, 0.5):.2f}" height="{segment:.2f}" fill="{colour}"/>'
        )
    out.append("</a>")
    return "".join(out)


def _bucket_label(bucket: Bucket, lang: str) -> str:
    months = _MONTHS.get(lang, _MONTHS["en"])
    if len(bucket.key) == 4:
        return bucket.key
    month = months[bucket.start.month - 1]
    if len(bucket.key) == 7:
        return f"{month} {bucket.start.year}"
    return f"{bucket.start.day} {month} {bucket.start.year}"


def _labels(hist: Histogram, step: float, lang: str) -> list[str]:
    """Tick labels at period starts (years, or months when showing days), thinned to fit."""
    starts = [
        (i, b)
        for i, b in enumerate(hist.buckets)
        if i == 0 or (b.start.day == 1 and (hist.unit == "day" or b.start.month == 1 or hist.unit == "year"))
    ]
    every = max(1, -(-len(starts) // MAX_LABELS))
    out = []
    for n, (i, bucket) in enumerate(starts):
        if n % every:
            continue
        text = _tick_text(bucket, hist.unit, lang)
        x = i * step
        out.append(f'<line x1="{x:.2f}" x2="{x:.2f}" y1="{BAR_AREA}" y2="{BAR_AREA + 4}" stroke="#888"/>')
        out.append(f'<text x="{x + 2:.2f}" y="{HEIGHT - 4}" font-size="12" fill="#555">{escape(text)}</text>')
    return out


def _tick_text(bucket: Bucket, unit: str, lang: str) -> str:
    if unit == "day":
        return f"{_MONTHS.get(lang, _MONTHS['en'])[bucket.start.month - 1]} {bucket.start.year}"
    return str(bucket.start.year)


def _summary(hist: Histogram, lang: str) -> str:
    first, last = hist.buckets[0], hist.buckets[-1]
    word = _EVENTS_WORD.get(lang, "events")
    return f"{hist.total} {word}, {_bucket_label(first, lang)} – {_bucket_label(last, lang)}"
