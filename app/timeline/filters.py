"""The timeline's filters, parsed from and written back to the query string.

The URL is the state: every view of the timeline is a set of GET parameters.
`parse_filters` validates them into a typed `Filters`; `url_with` and
`toggle_url` write them back so templates never build query strings.

Semantics: several `actor` values mean events with *all* of those actors (the
useful question is "when did A meet B"); several `type` values mean *any* of
those types. `since`/`until` accept YYYY, YYYY-MM or YYYY-MM-DD and bound the
event's timeline date (`sort_date`) by the first day of `since` and the last
day of `until`.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

EVENT_TYPES = ("talks_round", "meeting", "statement", "proposal", "agreement", "military", "report")
STATUSES = ("occurred", "planned", "reported")
LANGS = ("en", "ar")

MAX_TEXT = 200  # q and free-text ids: longer is a mistake or an attack, not a search
MAX_ID = 120  # actor and place ids are String(120) in the store
MAX_VALUES = 20  # repeated parameters (actor, type)
MAX_ROUND = 10_000

_ID_RE = re.compile(r"^[^\x00-\x1f\x7f]+$")
_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Parameters the timeline reads; anything else is ignored (utm_*, htmx's own).
PARAMS = ("actor", "type", "status", "place", "series", "round", "source", "since", "until", "q", "lang")
CURSOR_PARAM = "_next"


class FilterError(ValueError):
    """A query parameter that cannot be used; routes answer 422 naming it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True)
class Cursor:
    """Where the previous page stopped: the last event's (sort_date, id)."""

    sort_date: date | None
    event_id: str

    def encode(self) -> str:
        raw = f"{self.sort_date.isoformat() if self.sort_date else ''}|{self.event_id}"
        return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            padded = token + "=" * (-len(token) % 4)
            raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
            day, event_id = raw.split("|", 1)
            sort_date = date.fromisoformat(day) if day else None
        except (ValueError, UnicodeError, binascii.Error) as exc:
            raise FilterError(CURSOR_PARAM, "not a page cursor from this site") from exc
        if not event_id or len(event_id) > MAX_ID:
            raise FilterError(CURSOR_PARAM, "not a page cursor from this site")
        return cls(sort_date, event_id)


@dataclass(frozen=True)
class Filters:
    """A validated timeline query. Empty values mean "no filter"."""

    actor: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    status: str | None = None
    place: str | None = None
    series: str | None = None
    round: int | None = None
    source: str | None = None
    since: str | None = None  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None
    q: str | None = None
    lang: str | None = None
    next: Cursor | None = field(default=None, compare=False)

    @property
    def since_date(self) -> date | None:
        return period_bounds(self.since)[0] if self.since else None

    @property
    def until_date(self) -> date | None:
        return period_bounds(self.until)[1] if self.until else None

    @property
    def is_empty(self) -> bool:
        """True when nothing narrows the events (lang and paging do not)."""
        return not any(getattr(self, name) for name in PARAMS if name != "lang")

    def to_query(self) -> list[tuple[str, str]]:
        """The filters as ordered (name, value) pairs, repeated names for lists."""
        pairs: list[tuple[str, str]] = []
        for name in PARAMS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                pairs.extend((name, v) for v in value)
            elif value is not None and value != "":
                pairs.append((name, str(value)))
        if self.next is not None:
            pairs.append((CURSOR_PARAM, self.next.encode()))
        return pairs

    def query_string(self) -> str:
        return urlencode(self.to_query())


def period_bounds(text: str) -> tuple[date, date]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    match = _PARTIAL_DATE_RE.match(text)
    if not match:
        raise ValueError(f"not a date: {text!r}")
    year = int(match[1])
    if match[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(match[2])
    if match[3] is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, int(match[3]))
    return day, day


def parse_filters(params: Mapping[str, str | Sequence[str]]) -> Filters:
    """Validate raw query parameters; raise FilterError naming the first bad one."""
    values = {name: _values(params, name) for name in (*PARAMS, CURSOR_PARAM)}
    filters = Filters(
        actor=_ids(values["actor"], "actor"),
        type=_choices(values["type"], "type", EVENT_TYPES),
        status=_one_choice(values["status"], "status", STATUSES),
        place=_one_id(values["place"], "place"),
        series=_one_text(values["series"], "series", 80),
        round=_round(values["round"]),
        source=_one_text(values["source"], "source", 300),
        since=_period(values["since"], "since"),
        until=_period(values["until"], "until"),
        q=_one_text(values["q"], "q", MAX_TEXT),
        lang=_one_choice(values["lang"], "lang", LANGS),
        next=Cursor.decode(values[CURSOR_PARAM][-1]) if values[CURSOR_PARAM] else None,
    )
    first, last = filters.since_date, filters.until_date
    if first is not None and last is not None and first > last:
        raise FilterError("until", f"{filters.until} is before since={filters.since}")
    return filters


def _values(params: Mapping[str, Any], name: str) -> list[str]:
    """All non-blank values of one parameter (forms send empty fields as '')."""
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist is not None else params.get(name, [])
    items = [raw] if isinstance(raw, str) else list(raw or [])
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def _single(values: list[str], name: str) -> str | None:
    if len(set(values)) > 1:
        raise FilterError(name, "give this parameter once")
    return values[0] if values else None


def checked_text(value: str, name: str, limit: int) -> str:
    """`value` if it is short enough and free of control characters (PostgreSQL refuses NUL)."""
    if len(value) > limit:
        raise FilterError(name, f"longer than {limit} characters")
    if value and not _ID_RE.match(value):
        raise FilterError(name, "contains control characters")
    return value


def _ids(values: list[str], name: str) -> tuple[str, ...]:
    if len(values) > MAX_VALUES:
        raise FilterError(name, f"at most {MAX_VALUES} values")
    unique = dict.fromkeys(checked_text(v, name, MAX_ID) for v in values)
    return tuple(unique)


def _choices(values: list[str], name: str, allowed: Sequence[str]) -> tuple[str, ...]:
    for value in values:
        if value not in allowed:
            shown = value[:40]
            raise FilterError(name, f"unknown value {shown!r}; expected one of: {', '.join(allowed)}")
    return tuple(dict.fromkeys(values))


def _one_choice(values: list[str], name: str, allowed: Sequence[str]) -> str | None:
    chosen = _choices(values, name, allowed)
    return _single(list(chosen), name)


def _one_id(values: list[str], name: str) -> str | None:
    return _single(list(_ids(values, name)), name)


def _one_text(values: list[str], name: str, limit: int) -> str | None:
    value = _single(values, name)
    return checked_text(value, name, limit) if value is not None else None


def _round(values: list[str]) -> int | None:
    value = _single(values, "round")
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ROUND:
        raise FilterError("round", f"expected a whole number from 0 to {MAX_ROUND}")
    return int(value)


def _period(values: list[str], name: str) -> str | None:
    value = _single(values, name)
    if value is None:
        return None
    try:
        period_bounds(value)
    except ValueError as exc:
        raise FilterError(name, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return value


def url_with(filters: Filters, path: str = "/", **changes: Any) -> str:
    """`path` with the filters, some replaced; any change drops the page cursor.

    Use `None` or `()` to remove a parameter: url_with(f, type=(), since=None).
    Pass `next=cursor` to keep or set a page cursor.
    """
    names = {f.name for f in fields(Filters)}
    unknown = set(changes) - names
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    changes.setdefault("next", None)
    for name in ("actor", "type"):
        if isinstance(changes.get(name), str):
            changes[name] = (changes[name],)
    query = replace(filters, **changes).query_string()
    return f"{path}?{query}" if query else path


def toggle_url(filters: Filters, param: str, value: str | int, path: str = "/") -> str:
    """The link for a facet value: adds it if absent, removes it if present."""
    return url_with(filters, path, **{param: _toggled(filters, param, value)})


def _toggled(filters: Filters, param: str, value: str | int) -> Any:
    """The parameter's value once `value` is toggled (None: unset)."""
    current = getattr(filters, param)
    if isinstance(current, tuple):
        text = str(value)
        return tuple(v for v in current if v != text) if text in current else (*current, text)
    if param == "round":
        return None if current == int(value) else int(value)
    return None if current == str(value) else str(value)


def toggle_urls(filters: Filters, param: str, values: Sequence[str | int], path: str = "/") -> list[str]:
    """toggle_url for many values of one parameter: the other parameters are encoded once
    (a facet list of sixty values spent milliseconds re-encoding the same query string)."""
    if param not in PARAMS or param == "lang":
        return [toggle_url(filters, param, v, path) for v in values]
    pairs = replace(filters, next=None).to_query()
    rank = PARAMS.index(param)
    before = urlencode([(n, v) for n, v in pairs if PARAMS.index(n) < rank])
    after = urlencode([(n, v) for n, v in pairs if PARAMS.index(n) > rank])
    urls = []
    for value in values:
        new = _toggled(filters, param, value)
        own = new if isinstance(new, tuple) else () if new is None else (str(new),)
        query = "&".join(q for q in (before, urlencode([(param, v) for v in own if v != ""]), after) if q)
        urls.append(f"{path}?{query}" if query else path)
    return urls


def is_selected(filters: Filters, param: str, value: str | int) -> bool:
    current = getattr(filters, param)
    if isinstance(current, tuple):
        return str(value) in current
    return current is not None and str(current) == str(value)


def is_plain_id(value: str) -> bool:
    """Whether a path segment can name a stored id at all (else the answer is a 404)."""
    return 0 < len(value) <= MAX_ID and bool(_ID_RE.match(value))
