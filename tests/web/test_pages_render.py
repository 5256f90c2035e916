"""The pieces pages are drawn from: inline highlighting, dates at their precision, language choice."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from starlette.requests import Request

from app.web.dates import date_text
from app.web.highlight import Highlight, highlight
from app.web.i18n import LANGS, Translator, request_lang, strings


def _balanced(html: str) -> bool:
    stack: list[str] = []
    for closing, tag in re.findall(r"<(/?)(a|mark)\b", html):
        if closing:
            if not stack or stack.pop() != tag:
                return False
        else:
            stack.append(tag)
    return not stack


def test_text_pieces_are_escaped_and_only_our_tags_are_markup() -> None:
    html = highlight('a <script>x</script> & "q"', [Highlight(2, 10, "timex", 'label "<b>"')])
    assert "<script>" not in html
    assert '<mark class="hl hl-timex" title="label &#34;&lt;b&gt;&#34;"' in html
    assert "&lt;script&gt;" in html and "&amp;" in html


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 10), (2, 5)],  # nested
        [(0, 6), (3, 10)],  # overlapping
        [(0, 10), (0, 10)],  # identical
        [(4, 4), (2, 8)],  # empty span ignored
        [(0, 3), (3, 6), (1, 9), (5, 12)],
    ],
)
def test_nested_and_overlapping_spans_keep_text_and_balance(spans: list[tuple[int, int]]) -> None:
    text = "0123456789ab"
    marks = [
        Highlight(s, e, "event", f"e{i}", href=f"/events/e{i}", anchor=f"m{i}")
        for i, (s, e) in enumerate(spans)
    ]
    html = str(highlight(text, marks))
    assert re.sub(r"<[^>]+>", "", html) == text
    assert _balanced(html)
    for i, (s, e) in enumerate(spans):
        assert html.count(f'id="m{i}"') == (1 if e > s else 0)


def test_links_never_nest() -> None:
    html = str(
        highlight(
            "abcdef", [Highlight(0, 6, "event", "x", href="/x"), Highlight(2, 4, "event", "y", href="/y")]
        )
    )
    depth = 0
    for closing in re.findall(r"<(/?)a\b", html):
        depth += -1 if closing else 1
        assert depth <= 1
    assert 'title="y"' in html  # the inner one is still marked


def test_window_cuts_spans_to_the_visible_text() -> None:
    html = str(highlight("0123456789", [Highlight(2, 8, "focus", "f")], window=(4, 6)))
    assert html == '<mark class="hl hl-focus" title="f" aria-label="f">45</mark>'


EN, AR = Translator("en"), Translator("ar")


@pytest.mark.parametrize(
    ("precision", "start", "end", "english", "arabic"),
    [
        ("day", date(2016, 7, 14), date(2016, 7, 14), "14 July 2016", "14 يوليو 2016"),
        ("month", date(2016, 8, 1), date(2016, 8, 31), "August 2016", "أغسطس 2016"),
        ("year", date(2016, 1, 1), date(2016, 12, 31), "2016", "2016"),
        ("week", date(2017, 3, 20), date(2017, 3, 26), "week of 20 March 2017", "أسبوع 20 مارس 2017"),
        ("day", date(2017, 7, 10), date(2017, 7, 14), "10–14 July 2017", "10–14 يوليو 2017"),
        ("day", date(2017, 6, 28), date(2017, 7, 2), "28 June – 2 July 2017", "28 يونيو – 2 يوليو 2017"),
        ("day", date(2016, 12, 30), date(2017, 1, 2), "30 December 2016 – 2 January 2017", None),
    ],
)
def test_dates_are_written_at_their_precision(
    precision: str, start: date, end: date, english: str, arabic: str | None
) -> None:
    assert date_text(precision, start, end, EN) == english
    if arabic:
        assert date_text(precision, start, end, AR) == arabic


def test_no_date_is_none_not_a_guess() -> None:
    assert date_text(None, None, None, EN) is None


def test_locales_have_the_same_keys() -> None:
    keys = [set(strings(lang)) for lang in LANGS]
    assert keys[0] == keys[1]
    assert Translator("ar").dir == "rtl" and Translator("en").dir == "ltr"


def _request(query: str = "", cookie: str = "", accept: str = "") -> Request:
    headers = []
    if cookie:
        headers.append((b"cookie", f"waqai_lang={cookie}".encode()))
    if accept:
        headers.append((b"accept-language", accept.encode()))
    return Request({"type": "http", "query_string": query.encode(), "headers": headers})


@pytest.mark.parametrize(
    ("query", "cookie", "accept", "expected"),
    [
        ("", "", "", "en"),
        ("lang=ar", "en", "en", "ar"),  # ?lang= wins
        ("", "ar", "en", "ar"),  # then the cookie
        ("", "", "fr-FR, ar;q=0.8, en;q=0.5", "ar"),  # then Accept-Language by quality
        ("", "", "en;q=0.3, ar;q=0.9", "ar"),
        ("", "", "de, fr", "en"),
        ("lang=xx", "zz", "", "en"),  # unknown values are ignored here (the timeline answers 422)
    ],
)
def test_language_choice(query: str, cookie: str, accept: str, expected: str) -> None:
    assert request_lang(_request(query, cookie, accept)) == expected


def test_card_without_its_own_date_shows_its_placing_as_approximate() -> None:
    from app.timeline.views import EventView
    from app.web.cards import card

    undated = EventView(
        id="x1", type="statement", status="occurred", title_en="A statement", title_ar="",
        date_value=None, date_start=None, date_end=None, date_precision=None, date_approximate=False,
        sort_date=date(2017, 7, 13), place=None, series=None, round=None, n_sources=1,
    )  # fmt: skip
    shown = card(undated, EN)
    assert shown.date == "13 July 2017" and shown.approximate
    assert shown.date_iso == "2017-07-13"
    month = replace(undated, date_start=date(2017, 7, 1), date_end=date(2017, 7, 31), date_precision="month")
    dated = card(month, EN)
    assert dated.date == "July 2017" and not dated.approximate
