"""The SVG time axis: well-formed, bars link to their period, readable from few events to many."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.orm import Session

from app.timeline.axis import MAX_LABELS, axis_svg
from app.timeline.facets import Bucket, Histogram, histogram
from app.timeline.filters import Filters, parse_filters
from app.timeline.histogram import histogram_of

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def test_bars_are_links_that_narrow_the_dates(sample_session: Session) -> None:
    filters = parse_filters({"actor": "lavrov", "type": "meeting"})
    hist = histogram(sample_session, parse_filters({"actor": "lavrov"}))
    assert hist.unit == "month" and len(hist.buckets) == 9  # July 2016 to March 2017
    root = parse(axis_svg(hist, filters, path="/"))
    links = root.findall(f"{SVG}a")
    assert len(links) == 3  # July and September 2016, March 2017: empty months have no bar
    query = parse_qs(urlsplit(links[0].get("href", "")).query)
    assert query == {"actor": ["lavrov"], "type": ["meeting"], "since": ["2016-07"], "until": ["2016-07"]}
    assert links[0].find(f"{SVG}title") is not None


def test_under_three_months_is_drawn_per_day(sample_session: Session) -> None:
    hist = histogram(sample_session, parse_filters({"since": "2016-09", "until": "2016-10"}))
    assert hist.unit == "day"
    assert hist.buckets[0].key == "2016-09-02" and hist.buckets[-1].key == "2016-10-03"
    assert sum(b.total for b in hist.buckets) == 4


def test_empty_histogram_draws_nothing() -> None:
    assert str(axis_svg(Histogram("month", []), Filters())) == ""


def test_stacks_are_scaled_to_the_busiest_bucket_with_a_visible_minimum() -> None:
    days = [(date(2016, 1, 5), "meeting")] * 100_000 + [(date(2017, 6, 1), "report")]
    hist = histogram_of(days)
    root = parse(axis_svg(hist, Filters()))
    heights = sorted(float(r.get("height", 0)) for r in root.iter(f"{SVG}rect"))
    assert heights[0] >= 2 and heights[-1] <= 90


def test_many_years_become_year_bars_with_few_labels() -> None:
    start = date(1990, 1, 1)
    days = [(start + timedelta(days=4 * i), "statement") for i in range(3000)]  # to late 2022
    hist = histogram_of(days)
    assert hist.unit == "year" and len(hist.buckets) == 33
    root = parse(axis_svg(hist, Filters(), lang="ar"))
    assert len(root.findall(f"{SVG}text")) <= MAX_LABELS
    assert len(root.findall(f"{SVG}a")) == 33


def test_labels_and_titles_are_escaped() -> None:
    hist = Histogram("month", [Bucket("2016-07", date(2016, 7, 1), date(2016, 7, 31), {"<x>": 1})])
    markup = str(axis_svg(hist, Filters(q="<script>")))
    assert "<script>" not in markup and "<x>" not in markup
    parse(markup)
