"""Normalisers: from a rule's match to a TIMEX3 value, or a veto (the match is no date).

One function per rule kind (see resources/timex/rules.yaml). Each returns a `Reading`, or
None when the words turn out not to be a time expression (a guarded month name used as a
verb, "اليوم الأول" as the n-th day of something, a resolution number).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.ingest.records import DateValue
from app.ingest.timex_anchor import (
    date_for_day,
    day_value,
    hijri_day,
    hijri_month_value,
    hijri_year_of,
    hijri_year_value,
    month_value,
    nearest_weekday,
    shift_month,
    week_value,
    weekday_date,
    year_for_month,
    year_value,
)
from app.ingest.timex_lexicon import Lexicon
from app.ingest.timex_tense import clause_tense

_WORD = re.compile(r"[^\W_]+|%")  # words and numbers ("%" so that "2000 %" reads as an amount)
MIN_YEAR = 1900
MAX_YEARS_AHEAD = 10


@dataclass(frozen=True)
class Context:
    """What a normaliser may look at besides its match."""

    text: str  # folded text
    original: str
    index: tuple[int, ...]  # folded offset -> original offset
    published: date | None
    lex: Lexicon


@dataclass(frozen=True)
class Reading:
    precision: str
    date: DateValue | None  # None: found, but needs a publication date to resolve


def words_before(ctx: Context, pos: int, n: int = 1) -> list[str]:
    return _WORD.findall(ctx.text[max(0, pos - 40) : pos])[-n:]


def words_after(ctx: Context, pos: int, n: int = 1) -> list[str]:
    return _WORD.findall(ctx.text[pos : pos + 40])[:n]


def _g(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _tense(m: re.Match[str], ctx: Context) -> int:
    return clause_tense(ctx.text, m.start(), m.end(), ctx.lex)


def _month_allowed(m: re.Match[str], ctx: Context, name: str, anchored: bool) -> bool:
    """A guarded name (مارس, آب, may) is a month only with support around it; none is after a
    word that makes the date a name (قوى 14 آذار, ميدان 6 أكتوبر)."""
    if _names_something(ctx, m.start()):
        return False
    if name not in ctx.lex.guarded:
        return True
    if ctx.lex.lang == "en":
        pos = ctx.index[m.start("month")]
        if not ctx.original[pos : pos + 1].isupper():
            return False
    if anchored:
        return True
    before_month = words_before(ctx, m.start("month"))
    return bool(before_month) and before_month[0] in ctx.lex.month_context


def _names_something(ctx: Context, pos: int) -> bool:
    """The words before `pos` (skipping a day number) make what follows a name."""
    prev = words_before(ctx, pos, 2)
    if prev and prev[-1].isdigit():
        prev = prev[:-1]
    return bool(prev) and prev[-1] in ctx.lex.month_block_before


def _day_number(m: re.Match[str], ctx: Context) -> int:
    if _g(m, "day"):
        return int(m.group("day"))
    prev = words_before(ctx, m.start("dayord"))
    if prev and prev[0] in ctx.lex.ordinal_block_before:
        raise ValueError("an ordinal of a week or a half, not a day")  # الأسبوع الأول من شباط
    return ctx.lex.ordinals[_name(m, "dayord")]


def _name(m: re.Match[str], group: str) -> str:
    return " ".join(m.group(group).split())


def read_date(m: re.Match[str], ctx: Context) -> Reading | None:
    name = _name(m, "month")
    if not _month_allowed(m, ctx, name, anchored=True):
        return None
    month, day = ctx.lex.months[name], _day_number(m, ctx)
    if _g(m, "year"):
        return Reading("day", day_value(date(int(m.group("year")), month, day)))
    if ctx.published is None:
        date(2000, month, day)  # still reject impossible days
        return Reading("day", None)
    strict = ctx.lex.dir_words.get(_name(m, "dir")) if _g(m, "dir") else None
    return Reading("day", day_value(date_for_day(month, day, ctx.published, _tense(m, ctx), strict)))


def read_day_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "في 5 من الشهر الجاري", "في 10 الجاري": a day of the month named relative to publication."""
    if _g(m, "unit") and ctx.lex.units[_name(m, "unit")] != "month":
        return None
    if not _g(m, "unit") and not _g(m, "dir"):
        return None
    prev = words_before(ctx, m.start())
    cued = bool(_g(m, "of") or _g(m, "wd") or _g(m, "dayord")) or (prev and prev[0] in ctx.lex.year_cues)
    if not cued:
        return None  # "قتل 14 الشهر الماضي": a count, not a day
    shift = _shift(m, ctx)
    if shift is None:
        return None
    day = _day_number(m, ctx)
    if ctx.published is None:
        return Reading("day", None)
    year, month = shift_month(ctx.published.year, ctx.published.month, shift)
    return Reading("day", day_value(date(year, month, day)))


def _shift(m: re.Match[str], ctx: Context) -> int | None:
    if _g(m, "this"):
        return ctx.lex.this_words[_name(m, "this")]
    if _g(m, "dir"):
        return ctx.lex.dir_words[_name(m, "dir")]
    return None


def read_month(m: re.Match[str], ctx: Context) -> Reading | None:
    name = _name(m, "month")
    paired = any(_g(m, g) for g in ("month2", "month3", "month4"))
    anchored = paired or bool(_g(m, "year") or _g(m, "dir") or _g(m, "mod") or _g(m, "dirb"))
    if not _month_allowed(m, ctx, name, anchored):
        return None
    month, part = ctx.lex.months[name], _mod_part(m, ctx)
    if _g(m, "year"):
        return Reading("month", month_value(int(m.group("year")), month, part))
    if ctx.published is None:
        return Reading("month", None)
    strict = ctx.lex.dir_words.get(_name(m, "dir"), 0) if _g(m, "dir") else 0
    if _g(m, "dirb"):  # "last March", "next June": the one before or after publication
        strict = -1 if m.group("dirb") == "last" else 1
    year = year_for_month(month, ctx.published, _tense(m, ctx), strict)
    return Reading("month", month_value(year, month, part))


def _mod_part(m: re.Match[str], ctx: Context) -> str | None:
    return ctx.lex.mods.get(_name(m, "mod")) if _g(m, "mod") else None


def read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    if _g(m, "iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
        if ctx.lex.lang == "en" and d <= 12 < mo:  # US order: 7/14/2016
            mo, d = d, mo
    return Reading("day", day_value(date(y, mo, d)))


def _year_ok(year: int, ctx: Context) -> bool:
    latest = (ctx.published.year if ctx.published else date.today().year) + MAX_YEARS_AHEAD
    return MIN_YEAR <= year <= latest


def _is_trap(ctx: Context, start: int, end: int) -> bool:
    before = " ".join(words_before(ctx, start, 2))
    after = words_after(ctx, end, 2)
    if any(before.endswith(w) for w in ctx.lex.trap_before):
        return True
    return bool(after) and (after[0] in ctx.lex.trap_after or " ".join(after) in ctx.lex.trap_after)


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if not (_g(m, "cue") or _g(m, "yw") or _g(m, "mod")):
        return None
    year = int(m.group("year"))
    if not _year_ok(year, ctx) or _is_trap(ctx, m.start(), m.end("year")):
        return None
    return Reading("year", year_value(year, _mod_part(m, ctx)))


def _hijri_year_trap(m: re.Match[str], ctx: Context) -> bool:
    return bool(_g(m, "year")) and _is_trap(ctx, m.start("year"), m.end("year"))


def read_hijri_date(m: re.Match[str], ctx: Context) -> Reading | None:
    name = _name(m, "hmonth")
    if _hijri_year_trap(m, ctx) or (name in ctx.lex.guarded and not _g(m, "year")):
        return None  # "15 صفر" is a score of fifteen-nil, not a date
    month, day = ctx.lex.hijri_months[name], _day_number(m, ctx)
    if _g(m, "year"):
        return Reading("day", day_value(hijri_day(int(m.group("year")), month, day)))
    if ctx.published is None:
        return Reading("day", None)
    here = hijri_year_of(ctx.published)
    cands = [(hijri_day(y, month, day) - ctx.published).days for y in (here - 1, here, here + 1)]
    best = min(cands, key=abs)
    return Reading("day", day_value(ctx.published + timedelta(days=best)))


def read_hijri_month(m: re.Match[str], ctx: Context) -> Reading | None:
    if _hijri_year_trap(m, ctx):
        return None
    month = ctx.lex.hijri_months[_name(m, "hmonth")]
    return Reading("month", hijri_month_value(int(m.group("year")), month))


def read_hijri_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if _hijri_year_trap(m, ctx):
        return None
    return Reading("year", hijri_year_value(int(m.group("year"))))


def _day_blocked(m: re.Match[str], ctx: Context) -> bool:
    """اليوم followed by an ordinal or a name is the n-th day of something, not today;
    غدا after قد / بعدما is the verb "became"."""
    rel = _name(m, "rel")
    if rel in ctx.lex.verb_blockers and not _g(m, "wd"):
        prev = words_before(ctx, m.start())
        return bool(prev) and prev[0] in ctx.lex.verb_blockers[rel]
    if "يوم" not in rel or _g(m, "wd"):
        return False
    following = " ".join(words_after(ctx, m.end(), 2))
    if any(following == b or following.startswith(b + " ") for b in ctx.lex.day_block_after):
        return True
    prev = words_before(ctx, m.start())
    return (bool(prev) and prev[0] in ctx.lex.day_block_before) or _closes_media_name(m, ctx)


_QUOTES = "\"'«»“”„‹›"


def _closes_media_name(m: re.Match[str], ctx: Context) -> bool:
    """ "روسيا اليوم" in quotes, or after قناة / صحيفة: a channel's name, not today."""
    end = m.end("rel")
    for name in ctx.lex.media_names:
        start = end - len(name)
        if start >= 0 and ctx.text[start:end] == name:
            before = ctx.text[max(0, start - 2) : start]
            after = ctx.text[end : end + 2]
            quoted = any(q in before for q in _QUOTES) or any(q in after for q in _QUOTES)
            media = words_before(ctx, start)
            return quoted or (bool(media) and media[0] in ctx.lex.day_block_before)
    return False


def read_relday(m: re.Match[str], ctx: Context) -> Reading | None:
    if _day_blocked(m, ctx):
        return None
    if ctx.published is None:
        return Reading("day", None)
    day = ctx.published + timedelta(days=ctx.lex.reldays[_name(m, "rel")])
    if _g(m, "wd"):
        day = nearest_weekday(ctx.lex.weekdays[_name(m, "wd")], day)
    return Reading("day", day_value(day))


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    prev, nxt = words_before(ctx, m.start()), words_after(ctx, m.end())
    if (prev and prev[0] in ctx.lex.weekday_block_before) or (nxt and nxt[0] in ctx.lex.weekday_block_after):
        return None
    if ctx.published is None:
        return Reading("day", None)
    shift = 0
    if _g(m, "dir"):
        shift = ctx.lex.dir_words.get(_name(m, "dir"), 0)
    elif _g(m, "dirb"):
        shift = {"last": -1, "past": -1, "next": 1}.get(m.group("dirb").split()[0], 0)
    weekday = ctx.lex.weekdays[_name(m, "wd")]
    return Reading("day", day_value(weekday_date(weekday, ctx.published, _tense(m, ctx), shift)))


def read_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """هذا الأسبوع، الشهر المقبل، last year; a bare unit only after a modifier (نهاية العام)."""
    shift = _shift(m, ctx)
    if shift is None:
        if not _g(m, "mod"):
            return None
        shift = 0
    if ctx.lex.lang == "en" and words_before(ctx, m.start()) in (["the"], ["past"]):
        return None  # "the last week" is a duration, not a calendar week
    unit = ctx.lex.units[_name(m, "unit")]
    if ctx.published is None:
        return Reading(unit, None)
    pub, part = ctx.published, _mod_part(m, ctx)
    if unit == "week":
        return Reading("week", week_value(pub + timedelta(weeks=shift)))
    if unit == "month":
        year, month = shift_month(pub.year, pub.month, shift)
        return Reading("month", month_value(year, month, part))
    return Reading("year", year_value(pub.year + shift, part))


def read_offset(m: re.Match[str], ctx: Context) -> Reading | None:
    """قبل يومين، بعد ثلاثة أيام، two days ago: days or weeks counted from publication."""
    unit, amount = ctx.lex.offset_units[_name(m, "ounit")]
    count = _g(m, "count")
    if bool(amount) == bool(count):
        return None  # "قبل أيام" has no amount; "قبل 3 يومين" has two
    nxt = words_after(ctx, m.end())
    if nxt and nxt[0] in ctx.lex.offset_block_after:
        return None  # قبل يومين من الانتخابات: counted from another event
    n = amount or (int(count) if count and count.isdigit() else ctx.lex.numbers[_name(m, "count")])
    if n < 1:
        return None
    if ctx.published is None:
        return Reading(unit, None)
    step = ctx.lex.offset_dirs.get(_name(m, "odir"), 0) * n
    if unit == "week":
        return Reading("week", week_value(ctx.published + timedelta(weeks=step)))
    return Reading("day", day_value(ctx.published + timedelta(days=step)))


def read_anaphoric(m: re.Match[str], ctx: Context) -> Reading | None:
    """اليوم التالي، the next day, two days later: counted from the date told before it in the sentence,
    which the tagger resolves once every expression is read (`anaphoric_shift`); alone, none.
    الشهر نفسه، من العام ذاته، later that month: the month or year of that date (`same_as`)."""
    scope = anaphoric_scope(m)
    if scope is not None:
        if _g(m, "month") and not _month_allowed(m, ctx, _name(m, "month"), anchored=True):
            return None
        day = bool(_g(m, "day") or _g(m, "dayord"))
        return Reading("day" if day else "month" if _g(m, "month") else scope, None)
    return Reading("day", None) if anaphoric_shift(m, ctx.lex) else None


def anaphoric_scope(m: re.Match[str]) -> str | None:
    """ "month" or "year": the match takes that much of the date told before it (groups amonth,
    ayear); None: it counts days from that date."""
    return "month" if _g(m, "amonth") else "year" if _g(m, "ayear") else None


def same_as(m: re.Match[str], ctx: Context, antecedent: DateValue) -> DateValue:
    """ "في 27 من الشهر نفسه", "في تشرين الأول من العام نفسه", "late that year": the antecedent's
    month or year, narrowed to the day, month or part the match names (ValueError: no such day)."""
    year, month = antecedent.start.year, antecedent.start.month
    if _g(m, "month"):
        month = ctx.lex.months[_name(m, "month")]
    if _g(m, "day") or _g(m, "dayord"):
        return day_value(date(year, month, _day_number(m, ctx)))
    if anaphoric_scope(m) == "month" or _g(m, "month"):
        return month_value(year, month, _mod_part(m, ctx))
    return year_value(year, _mod_part(m, ctx))


def anaphoric_shift(m: re.Match[str], lex: Lexicon) -> int:
    """The days an anaphoric match counts from its antecedent (+ later, - earlier; 0: not one)."""
    count = _g(m, "count")
    n = 1 if not count else int(count) if count.isdigit() else lex.numbers.get(_name(m, "count"), 0)
    if _g(m, "two"):
        n = 2
    return -n if _g(m, "abefore") else n if _g(m, "aafter") else 0


READERS: dict[str, Callable[[re.Match[str], Context], Reading | None]] = {
    "date": read_date,
    "month": read_month,
    "numeric": read_numeric,
    "year": read_year,
    "hijri_date": read_hijri_date,
    "hijri_month": read_hijri_month,
    "hijri_year": read_hijri_year,
    "relday": read_relday,
    "weekday": read_weekday,
    "unit": read_unit,
    "day_of_month": read_day_of_month,
    "offset": read_offset,
    "anaphoric": read_anaphoric,
}
