"""The dated occasion a statement was made on ("في كلمته الافتتاحية", "told a joint news conference").

A statement whose own clause names no date is dated by its occasion when the
article dates that occasion: the opening session is the day the talks opened,
the closing statement the day they ended, the press conference after the
meeting the day of the meeting. The occasions, the phrases naming them and the
clauses that date them are data (`resources/events/occasions.yaml`). No
occasion, or an occasion the article does not date: no date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache, lru_cache
from typing import Any

import yaml

from app.ingest.event_candidates import Cand
from app.ingest.event_context import Context
from app.ingest.event_rules import EVENTS_DIR, RuleError, expand
from app.ingest.records import DateValue
from app.ingest.timex_anchor import day_value

OCCASIONS_FILE = EVENTS_DIR / "occasions.yaml"
_EN_ADJUNCT = re.compile(
    r"\s*(?:(?:reporters|journalists|the press|delegates)\s+)?"
    r"(?:at|during|after|following|on the sidelines of|to)\s"
)
_EN_ADJUNCT_REACH = 70
_RECENT_DAYS = 3  # recent_types: an event of the article's news, not a background one


@dataclass(frozen=True)
class Occasion:
    id: str
    phrase: dict[str, re.Pattern[str]]
    anchor: dict[str, re.Pattern[str]]
    types: tuple[str, ...]
    point: str
    recent_types: tuple[str, ...] = ()  # event types that date the occasion only when recent
    max_age_days: int | None = None  # the occasion is at most this many days before publication
    anchor_first: bool = False  # the clause naming the occasion dates it before any event does
    examples: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()


def _patterns(raw: Any, where: str) -> dict[str, re.Pattern[str]]:
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: expected a mapping {{ar, en}}")
    try:
        return {lang: re.compile(expand(str(raw[lang]))) for lang in ("ar", "en") if raw.get(lang)}
    except re.error as exc:
        raise RuleError(f"{where}: invalid pattern: {exc}") from None


@lru_cache(maxsize=1)
def _occasions_file() -> dict[str, Any]:
    data = yaml.safe_load(OCCASIONS_FILE.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def occasions() -> tuple[Occasion, ...]:
    data = _occasions_file()
    out = []
    for i, raw in enumerate(data.get("occasions", [])):
        where = f"{OCCASIONS_FILE}: occasions[{i}]"
        point = str(raw.get("point", "end"))
        if point not in ("start", "end"):
            raise RuleError(f"{where}: point must be start or end")
        out.append(
            Occasion(
                id=str(raw["id"]),
                phrase=_patterns(raw.get("phrase"), where),
                anchor=_patterns(raw.get("anchor", {}), where),
                types=tuple(str(t) for t in raw.get("types", ())),
                recent_types=tuple(str(t) for t in raw.get("recent_types", ())),
                point=point,
                max_age_days=int(raw["max_age_days"]) if raw.get("max_age_days") is not None else None,
                anchor_first=bool(raw.get("anchor_first", False)),
                examples=tuple(raw.get("examples", ())),
                negatives=tuple(raw.get("negatives", ())),
            )
        )
    return tuple(out)


def occasion_in(text: str, lang: str) -> Occasion | None:
    """The first occasion (in file order) whose phrase occurs in folded `text`."""
    for occ in occasions():
        regex = occ.phrase.get(lang)
        if regex is not None and regex.search(text):
            return occ
    return None


def frame_of(ctx: Context, c: Cand) -> tuple[int, int]:
    """A statement's frame: its clause's start (English: its sentence's) to where its words begin;
    in English also a prepositional phrase right after the verb ("said at a joint news conference")."""
    end = max(c.t_start + len(c.slot_phrase), c.t_end)
    start = c.span[0]
    if ctx.lang == "en":
        start = max(
            [ctx.sent_bounds[c.sent][0]] + [e for s, e in ctx.frames if s < c.t_start and e <= c.t_start]
        )
        if _EN_ADJUNCT.match(ctx.text, end):
            sent_end = ctx.sent_bounds[c.sent][1]  # "after" opens a clause of its own
            end = max(end, min(sent_end, end + _EN_ADJUNCT_REACH))
    return start, end


def occasion_date(
    ctx: Context, c: Cand, cands: Sequence[Cand], frame: tuple[int, int] | None = None
) -> DateValue | None:
    """The date of the occasion named in statement `c`'s frame (or in `frame`), when the article dates it."""
    occ = occasion_in(ctx.text[slice(*(frame or frame_of(ctx, c)))], ctx.lang)
    if occ is None:
        return None
    # first what happened in the days before publication (the article's news), then older occasions
    value = None
    for recent in (True, False):
        if occ.anchor_first:
            value = _from_anchor(ctx, c, occ, recent) or _from_events(ctx, c, cands, occ, occ.types, recent)
        else:
            value = _from_events(ctx, c, cands, occ, occ.types, recent) or _from_anchor(ctx, c, occ, recent)
        if recent:
            value = value or _from_events(ctx, c, cands, occ, occ.recent_types, recent=True)
        if value is not None:
            break
    if value is None:
        return None
    day = value.start if occ.point == "start" else value.end
    if value.precision != "day":
        return None
    return day_value(day)


def _usable(ctx: Context, value: DateValue | None, occ: Occasion) -> bool:
    """A day not after publication (nor, for some occasions, long before it)."""
    published = ctx.article.published
    if value is None or value.precision != "day":
        return False
    if published is None:
        return True
    oldest = published - timedelta(days=occ.max_age_days) if occ.max_age_days is not None else value.end
    return oldest <= value.end <= published


def _from_events(
    ctx: Context, c: Cand, cands: Sequence[Cand], occ: Occasion, types: tuple[str, ...], recent: bool = False
) -> DateValue | None:
    """The nearest dated event of `types` reported before the statement (an occasion is introduced
    before what was said on it); with `recent`, only an event of the days before publication."""
    before: list[tuple[tuple[int, int], DateValue]] = []
    for o in cands:
        if (
            o is c
            or o.type not in types
            or o.status == "planned"
            or (o.sent, o.t_start) > (c.sent, c.t_start)
        ):
            continue
        value = o.when
        if value is not None and _usable(ctx, value, occ) and _fresh(ctx, value, recent):
            before.append(((o.sent, o.t_start), value))
    return max(before, key=lambda x: x[0])[1] if before else None


def _fresh(ctx: Context, value: DateValue, recent: bool) -> bool:
    return not recent or _recent(ctx, value)


def _recent(ctx: Context, value: DateValue | None) -> bool:
    published = ctx.article.published
    return value is not None and (published is None or published - timedelta(days=_RECENT_DAYS) <= value.end)


def _from_anchor(ctx: Context, c: Cand, occ: Occasion, recent: bool = False) -> DateValue | None:
    """A clause naming the occasion with a day in it (the day right after its verb first), nearest
    sentence first; a clause without one takes its sentence's only day. A day that dates a saying
    in the same clause counts last ("said on Wednesday … after talks with X")."""
    regex = occ.anchor.get(ctx.lang)
    if regex is None:
        return None
    order = list(range(c.sent, -1, -1)) + list(range(c.sent + 1, len(ctx.sents)))
    for sent in order:
        if sent in ctx.repeat_of:
            continue
        lo, hi = ctx.sent_bounds[sent]
        for m in regex.finditer(ctx.text, lo, hi):
            clause = ctx.clause_at(sent, m.start() + (1 if ctx.text[m.start()].isspace() else 0))
            found = [
                (
                    _in_frame(ctx, t.start, m.start()),
                    t.start < m.start(),
                    abs(t.start - m.end()),
                    t.timex.date,
                )
                for t in ctx.timexes_in(*clause)
                if t.timex
                and t.timex.date
                and _usable(ctx, t.timex.date, occ)
                and _fresh(ctx, t.timex.date, recent)
            ]
            if found:
                return min(found, key=lambda x: x[:3])[3]
            days = {t.timex.date for t in ctx.timexes_in(lo, hi) if t.timex and t.timex.date}
            usable = [v for v in days if _usable(ctx, v, occ) and _fresh(ctx, v, recent)]
            if len(usable) == 1:
                return usable[0]
    return None


def _in_frame(ctx: Context, pos: int, anchor: int) -> bool:
    """A date in a statement's frame dates the saying, not the occasion the clause names."""
    return any(s <= pos < e and not s <= anchor < e for s, e in ctx.frames)


@cache
def tie(name: str, lang: str) -> re.Pattern[str]:
    """A regex of the `ties` section (attached, reply), folded, for `lang`."""
    entry = _occasions_file().get("ties", {}).get(name)
    if not isinstance(entry, dict):
        raise RuleError(f"{OCCASIONS_FILE}: no tie named {name!r}")
    return _patterns(entry, f"{OCCASIONS_FILE}: ties.{name}").get(lang) or re.compile("(?!)")


def attached(ctx: Context, c: Cand) -> bool:
    """A statement hanging on its sentence's main clause ("في خطوة وصفها", "with X saying")."""
    word = ctx.text[c.t_start : c.t_end]
    if ctx.lang == "en" and not word.split()[0].endswith("ing"):
        return False
    return bool(tie("attached", ctx.lang).search(ctx.text, c.span[0], c.t_start))


def replies(ctx: Context, c: Cand) -> bool:
    """A statement that opens its sentence as an answer ("من جهته، قال …")."""
    return bool(tie("reply", ctx.lang).match(ctx.text[ctx.sent_bounds[c.sent][0] : c.t_start]))


def occasion_of_act(ctx: Context, c: Cand, cands: Sequence[Cand]) -> DateValue | None:
    """The day of the act a meeting or round with no date of its own was the occasion of: "أعلنا
    اليوم … التوصل إلى اتفاق، في ختام محادثات", "said on Wednesday … after talks with", "وجاء الإعلان
    عقب قمة" (the act of the sentence before). Not a meeting that lasted weeks, nor a planned one."""
    if c.type not in ("meeting", "talks_round") or c.status == "planned" or c.date or c.timex:
        return None
    lo = ctx.sent_bounds[c.sent][0]
    before = ctx.text[lo : c.t_start]
    prep = tie("occasion_of", ctx.lang).search(before)
    if prep is None or tie("long_span", ctx.lang).search(
        ctx.text, c.t_start, ctx.clause_at(c.sent, c.t_start)[1]
    ):
        return None
    sent = c.sent
    if tie("came_after", ctx.lang).match(before[: prep.start()].rstrip() + " "):
        sent = next((i for i in range(c.sent - 1, -1, -1) if i not in ctx.repeat_of), -1)
    dated: list[tuple[int, DateValue]] = []
    for o in cands:
        value = o.when
        if o is c or o.sent != sent or o.status == "planned" or value is None or value.precision != "day":
            continue
        if ctx.article.published is not None and value.end > ctx.article.published:
            continue
        dated.append((abs(o.t_start - c.t_start), value))
    return min(dated, key=lambda x: x[0])[1] if dated else None


_ANNOUNCED_REACH = 25  # the act is the first thing the announcement names (characters past its frame)


def announced_act(ctx: Context, c: Cand, cands: Sequence[Cand]) -> DateValue | None:
    """The day of the announcement whose object is act `c` ("أعلنت القوات اليوم الثلاثاء بدء المعركة",
    "declared on Monday a pause in the talks"): announcing the act is doing it. Not an act inside
    reported words ("أعلن أنه سيبدأ …"), nor a planned one. A pause announced "until" a day (حتى 25
    شباط) is not at that day: the announcement dates it too."""
    if c.type == "statement" or c.date or (c.timex and not _until(ctx, c)):
        return None
    if c.status == "planned" and not c.timex:
        return None
    for s in cands:
        if s.type != "statement" or s.sent != c.sent or s.t_start >= c.t_start or s.content is None:
            continue
        value = s.when
        if value is None or value.precision != "day" or c.t_start - s.content[0] > _ANNOUNCED_REACH:
            continue
        if not tie("announcing", ctx.lang).match(ctx.text[s.t_start : s.t_end]):
            continue
        if tie("reported", ctx.lang).search(ctx.text, s.t_end, c.t_start):
            continue
        return value
    return None


# the occasion may be named before the act in its sentence, or in an apposition right after its clause
# ("توافقت الدول، في بيانها المشترك، على", "…, according to their joint statement")
_ACT_OCCASION_REACH = 40


def _until(ctx: Context, c: Cand) -> bool:
    """Whether the act's date is the end of its period ("«توقفا مؤقتا» للمحادثات حتى 25 شباط")."""
    if c.timex is None:
        return False
    start = ctx.to_folded(c.timex.start, c.timex.end)[0]
    return bool(tie("until", ctx.lang).search(ctx.text[max(c.span[0], start - 20) : start]))


_ACTS_ON_OCCASIONS = ("agreement", "proposal")


def act_on_occasion(ctx: Context, c: Cand, cands: Sequence[Cand]) -> DateValue | None:
    """An agreement or proposal told as made on an occasion ("وتوافقت الدول الثلاث، في بيانها المشترك،
    على …", "In a joint statement, X and Y agreed …"): the occasion's date, when the article gives it."""
    if c.type not in _ACTS_ON_OCCASIONS or c.status == "planned" or c.date or c.timex:
        return None
    lo, hi = ctx.sent_bounds[c.sent]
    return occasion_date(ctx, c, cands, (lo, min(hi, c.span[1] + _ACT_OCCASION_REACH)))


_MIDNIGHT_REACH = 20  # characters before the time expression that may say "midnight"


def after_midnight(ctx: Context, c: Cand) -> DateValue | None:
    """ "يبدأ سريانه منتصف الليلة", "takes effect at midnight tonight": the act begins with the next day."""
    if c.type == "statement" or c.date or c.timex is None or c.timex.date is None:
        return None
    value = c.timex.date
    if value.precision != "day":
        return None
    start, end = ctx.to_folded(c.timex.start, c.timex.end)
    if not tie("midnight", ctx.lang).search(ctx.text[max(0, start - _MIDNIGHT_REACH) : end]):
        return None
    day = value.start + timedelta(days=1)
    return day_value(day)


def addressed_session(ctx: Context, c: Cand, cands: Sequence[Cand]) -> DateValue | None:
    """A meeting of the body a dated statement was made to, told in that sentence or the next with no
    date of its own ("X told the Security Council on Tuesday …. The council met by video link …"):
    the statement's day."""
    if c.type != "meeting" or c.status == "planned" or c.date or c.timex or not c.ids:
        return None
    previous = next((i for i in range(c.sent - 1, -1, -1) if i not in ctx.repeat_of), None)
    for s in cands:
        if s.type != "statement" or s.sent not in (c.sent, previous) or s.content is None:
            continue
        if s.sent == c.sent and s.t_start > c.t_start:
            continue
        value = s.when
        if value is None or value.precision != "day":
            continue
        published = ctx.article.published
        if published is not None and value.end > published:
            continue
        addressees = {a.actor.actor.id for a in ctx.actors_in(s.t_end, s.content[0]) if a.actor} - s.ids
        if addressees & c.ids:
            return value
    return None


_SIDELINES_TYPES = ("talks_round", "meeting")


def sidelines_of(ctx: Context, c: Cand, cands: Sequence[Cand]) -> DateValue | None:
    """A meeting held on the sidelines of a gathering ("بحث مع X على هامش المؤتمر", "held talks on the
    sidelines before the plenary"): the day of the article's latest one-day round or meeting told
    before it, of the days before publication. A gathering of several days leaves the day unknown."""
    if c.type != "meeting" or c.status == "planned" or c.date or c.timex:
        return None
    if not tie("sidelines", ctx.lang).search(ctx.text, c.span[0], c.span[1]):
        return None
    before: list[tuple[tuple[int, int], DateValue]] = []
    for o in cands:
        value = o.when
        if o is c or o.type not in _SIDELINES_TYPES or o.status == "planned" or value is None:
            continue
        if (o.sent, o.t_start) < (c.sent, c.t_start) and value.precision == "day" and _recent(ctx, value):
            before.append(((o.sent, o.t_start), value))
    if not before:
        return None
    value = max(before, key=lambda x: x[0])[1]
    published = ctx.article.published
    if value.start != value.end or (published is not None and value.end > published):
        return None
    return value
