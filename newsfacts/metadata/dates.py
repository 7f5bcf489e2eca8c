"""Publication dates as written: the calendar date the author wrote, never shifted to UTC.

A date is only read from text that states it ("2025-11-13 12:00:00 +0800", "November 13, 2025",
"13 Nov 2025"); all-numeric day/month orders are accepted only when they cannot be misread, or
when a US time zone on the same line fixes month-first ("09/02/25 03:52 PM EDT"). The common
forms are read by the patterns below; the rest of a candidate line goes to `dateparser`
(English only, absolute dates only, day, month and year all required), which is loaded on first
use and never sees a line that is not already a short, date-shaped candidate.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"

_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_MONTH_FIRST = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})(?!\d)", re.I)
_DAY_FIRST = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})(?!\d)",
    re.I,
)
_NUMERIC = re.compile(_WEEKDAY + r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4})(?!\d)", re.I)
# Case-sensitive on purpose: a zone is written in capitals ("JST"), a following word is not a zone.
_TIME_AND_ZONE = re.compile(
    r"(?:\s*(?:,|[Aa]t|@|\||-|–|—|T)?\s*\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
    r"\s*(?:Z|[A-Z]{2,5}|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)?\s*(?:\([A-Z]{2,5}\))?\s*"
)
_TIME_START = re.compile(r"[Tt]\d")
_PATTERNS = (_ISO, _MONTH_FIRST, _DAY_FIRST)
_SHORT_NUMERIC = re.compile(_WEEKDAY + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{2})(?!\d)", re.I)
# Zones that put the month first in an all-numeric date.
_US_ZONE = re.compile(r"\b(?:E|C|M|P|AK|H)[SD]?T\b|\bET\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MONTH_WORD = re.compile(_MONTH + r"(?![a-z])", re.I)
_CANDIDATE_CHARS = 60
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "DMY",
}
_TIME_TAIL = re.compile(
    r"(?:\s*(?:,|\bat\b|@|\||-|–|—)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?))?)\s*$",
    re.I,
)


def parse_date(value: str, *, whole: bool = False) -> datetime.date | None:
    """The date written at the start of `value`, or None.

    With `whole`, `value` must hold nothing but the date (plus a time and zone), which is how a
    dateline line is told apart from a sentence that merely mentions a day.
    """
    if len(value) > 200:
        return None
    # Single spaces keep the optional-whitespace patterns below from backtracking over long runs.
    text = " ".join(value.split())
    if not text or len(text) > 120:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match and _rest_ok(text, match.end(), whole):
            return _build(match.group("year"), match.group("month"), match.group("day"))
    match = _NUMERIC.match(text)
    if match and _rest_ok(text, match.end(), whole):
        return _numeric(int(match.group("a")), int(match.group("b")), int(match.group("year")))
    return None


def _rest_ok(text: str, end: int, whole: bool) -> bool:
    if not whole:
        return end == len(text) or not text[end].isalnum() or _TIME_START.match(text, end) is not None
    return _TIME_AND_ZONE.fullmatch(text, end) is not None


def _build(year: str, month: str, day: str) -> datetime.date | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return datetime.date(int(year), month_number, int(day))
    except ValueError:
        return None


def _numeric(first: int, second: int, year: int) -> datetime.date | None:
    """Day and month in either order, only when exactly one reading is a valid date."""
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(datetime.date(year, month, day))
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None


def parse_date_line(value: str, *, us_zone: bool | None = None) -> datetime.date | None:
    """The date of a line that holds only a date (and a time and zone), in any common written form.

    `us_zone` says a US time zone was written next to the date (found in `value` when None); it
    makes an all-numeric date month-first.
    """
    text = " ".join(value.split())
    if not text or len(text) > 120:
        return None
    date = parse_date(text, whole=True)
    if date is not None:
        return date
    us = _US_ZONE.search(text) is not None if us_zone is None else us_zone
    short = _SHORT_NUMERIC.match(text) or _NUMERIC.match(text)
    if short is not None and _TIME_AND_ZONE.fullmatch(text, short.end()):
        return _short_numeric(short, us)
    core = _TIME_TAIL.sub("", text).strip(" ,")
    if len(core) > _CANDIDATE_CHARS or not _YEAR.search(core) or not _MONTH_WORD.search(core):
        return None
    return _dateparser_date(core)


def stated_year(text: str) -> int | None:
    """The year a short header line states ("© 2024", "Updated 2024"), when it states exactly one."""
    years = {int(match.group()) for match in _YEAR.finditer(text[:200])}
    return years.pop() if len(years) == 1 else None


def month_day(month: str, day: int, year: int) -> datetime.date | None:
    """The date of a year-less "Sep 18" once the year is known from elsewhere."""
    return _build(str(year), month, str(day))


def _short_numeric(match: re.Match[str], us_zone: bool) -> datetime.date | None:
    """ "09/02/25": month first only under a US zone, otherwise only when one reading is valid."""
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    year = year + 2000 if year < 100 else year
    if us_zone:
        try:
            return datetime.date(year, first, second)
        except ValueError:
            return None
    return _numeric(first, second, year)


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str) -> datetime.date | None:
    parsed = _dateparser().parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


@functools.cache
def _dateparser() -> Any:
    """Loaded on first use (about 0.25 s): most documents never need it."""
    import dateparser

    return dateparser


def has_us_zone(text: str) -> bool:
    """True when `text` names a US time zone ("EDT", "ET", "PST")."""
    return _US_ZONE.search(text[:200]) is not None
