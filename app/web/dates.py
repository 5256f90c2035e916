"""Dates written at the precision the sources support.

"August 2016" says no more than the text does; "14 August 2016" would invent
a day. Spans read "10–14 July 2017"; weeks "week of 20 March 2017".
"""

from __future__ import annotations

from datetime import date

from app.web.i18n import Translator


def day_text(day: date, t: Translator) -> str:
    return f"{day.day} {t.month(day.month)} {day.year}"


def month_text(day: date, t: Translator) -> str:
    return f"{t.month(day.month)} {day.year}"


def span_text(start: date, end: date, t: Translator) -> str:
    """A closed range of days, sharing month and year where they agree."""
    if start == end:
        return day_text(start, t)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {t.month(end.month)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {t.month(start.month)} – {end.day} {t.month(end.month)} {end.year}"
    return f"{day_text(start, t)} – {day_text(end, t)}"


def date_text(
    precision: str | None,
    start: date | None,
    end: date | None,
    t: Translator,
) -> str | None:
    """The human form of a dated value, or None when there is no date."""
    if start is None:
        return None
    if precision == "year":
        return str(start.year)
    if precision == "month":
        return month_text(start, t)
    if precision == "week":
        return t("week_of", date=day_text(start, t))
    if end is not None and end != start:
        return span_text(start, end, t)
    return day_text(start, t)


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""
