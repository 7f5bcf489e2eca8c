"""Bylines ("By Jane Doe | November 13, 2025") and datelines ("Published: 13 Nov 2025") as lines.

`head` decides which lines of a page's header these are; here each line is read on its own.

Only lines that are nothing but a byline or a date count: "By Monday, the market had ..." is a
sentence, and a date mentioned in the text is never taken as the publication date. Several
authors ("By Jane Doe and John Roe") are joined with ", " like a front-matter list.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from newsfacts.metadata import furniture
from newsfacts.metadata.dates import has_us_zone, parse_date_line
from newsfacts.metadata.lines import line_cache, word_set

MAX_BYLINE_CHARS = 200
MAX_SUFFIX_WORDS = 12
# What may follow a date on a dateline after a bar ("| Updated 2 hours ago").
MAX_DATE_TAIL_WORDS = 8
# "– Jane Doe" or a bare "Jane Doe" has no "By" to vouch for it, so its names must be short.
MAX_DASH_NAME_WORDS = 3

_BY = re.compile(r"(?:(?:written|words|story|reporting|text)\s+)?by\s*:?\s+(?P<rest>.+)", re.I)
_AUTHOR_LABEL = re.compile(r"(?:authors?|byline|writers?)\s*[:：]\s*(?P<rest>.+)", re.I)
_PUBLISHED_LABEL = re.compile(
    r"(?:(?:first\s+)?published|posted|date[d]?|released)(?:\s+on)?\s*[:：]?\s*(?P<rest>.+)", re.I
)
_UPDATED_LABEL = re.compile(r"(?:last\s+)?(?:updated|update|modified)(?:\s+(?:on|at))?\s*[:：]?\s*(?P<rest>.+)", re.I)
# "By Xinhua writers A and B": a credit line even when its names cannot be read.
_BY_CREDIT = re.compile(
    r"(?i:by)\s+[A-Z]\S*(?:\s+\S+){0,11}|(?i:by)\s+[a-z0-9_.-]{2,30}"
    r"|(?i:from)\s+.{2,60}?\s+(?i:reports?|wire\s+reports|news\s+services|wires|staff)"
)
_ROLE_PREFIX = re.compile(
    r"(?P<org>(?:[A-Z][\w.&'’-]*\s+){0,3}?)(?i:(?:staff|senior|chief|special|political|business)\s+)?"
    r"(?i:writers?|reporters?|correspondents?|editors?|contributors?|journalists?)\s+(?=[A-Z])"
)
_SEGMENT = re.compile(r"\s*[|·•,]\s*|\s+[-–—]\s+")
_DOUBLE_COLON = re.compile(r"\s+::\s+")
_RELATIVE_LABEL = re.compile(r"(?:first\s+)?(?:published|posted)(?:\s+on)?\s*[:：]?\s*(?P<rest>.+)", re.I)
_RELATIVE = re.compile(r"\b(?:ago|just\s+now|today|yesterday|hours?|mins?|minutes?)\b", re.I)
_DASH_BYLINE = re.compile(r"[-–—]{1,2}\s*(?P<rest>[^-–—].*)")
_LEADING_CONNECTOR = re.compile(r"(?:on|at|in|for|published|posted|updated)\b\s*", re.I)
_DATE_SEGMENT_END = re.compile(r"\s*[|·•]\s*|\s+/\s+|\s+(?:last\s+)?updated\b", re.I)
# "By Jane Doe(China Daily)" / "By Jane Doe (Reuters)": the outlet in brackets after the names.
# "Xinhua, December 11, 2015": an outlet, a comma, then the date (and a few words of widget after it).
_OUTLET_COMMA = re.compile(r"(?P<name>[^,|]{2,40}),\s+(?P<rest>\S.*)")
_BAR_SEGMENTS = re.compile(r"\s*\|\s*")
_LABEL_VALUE = re.compile(r"[A-Z][\w ]{1,20}:\s*\S.{0,40}")
MAX_DATE_WORDS = 6
_GLUED_READ_TIME = re.compile(r"(?P<date>.{4,40}?\b(?:19|20)\d{2})\s?\d{1,2}\s*min(?:ute)?s?(?:\s+read)?", re.I)
_CREDIT_DATE = re.compile(
    r"\b(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b"
)
_PUBLICATION_LABEL = re.compile(
    r"(?:publish(?:ed)?(?:\s+(?:date|on))?|publication\s+date|first\s+published(?:\s+on)?|posted\s+on)\s*[:：]?\s*",
    re.I,
)
_AFTER_CLOSING_DATE = ("http", "www.", "©", "|", "(c)", "by", "copyright")
MAX_AFTER_DATE_WORDS = 4
_BRACKETED_OUTLET = re.compile(r"(?P<rest>.*?)\s*\((?P<outlet>[^()]{2,40})\)\s*")
_TOKEN = re.compile(r"[^\s,;|·•/]+|[,;|·•/]")
_EMPHASIS = re.compile(r"(?P<mark>\*\*|__|\*|_)(?P<inner>.+)(?P=mark)")
_SEPARATORS = frozenset(",;|·•/-–—")
_PARTICLES = word_set("de del della der den van von da di du la le bin ibn al el dos das")
_CONNECTORS = word_set("for in at on of from with updated published posted and")
# Capitalised words that are never part of a person's name in a byline.
_NOT_NAME_WORDS = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday reporter correspondent editor editors editorial writer staff
    contributor columnist analyst analysts bureau chief senior desk team news newsroom press agency
    service wire media board the a an this that our their his her its
    """
)


def is_byline_or_dateline(text: str) -> bool:
    """True for a line that only states who wrote the piece or when it was published."""
    text = _unwrap(text)
    if parse_byline(text) is not None or _dateline_date(text) is not None or updated_date(text) is not None:
        return True
    return "min" in text and dateline_date(text) is not None  # a reading time glued to the date


@dataclass(frozen=True, slots=True)
class Byline:
    """Who a byline names, the date it carries and the outlet it names ("By Jane Doe, Reuters")."""

    author: str
    published_date: datetime.date | None
    publisher: str | None


@line_cache
def read_byline(text: str, *, dash: bool = False) -> Byline | None:
    """The byline a line is, or None. With `dash`, "– Jane Doe" (a header byline) counts too."""
    if len(text) > MAX_BYLINE_CHARS:
        return None
    match = _BY.fullmatch(text) or _AUTHOR_LABEL.fullmatch(text)
    if match is not None:
        return byline_names(match.group("rest"))
    match = _DASH_BYLINE.fullmatch(text) if dash else None
    byline = byline_names(match.group("rest")) if match is not None else None
    if byline is None or any(len(name.split()) > MAX_DASH_NAME_WORDS for name in byline.author.split(", ")):
        return None
    return byline


def byline_names(rest: str) -> Byline | None:
    """The names (or the organisation) a byline's text after "By" holds, with any date after them."""
    rest = _DOUBLE_COLON.sub(" | ", rest.strip())  # "Ann Roe :: 10:43 AM": a separator, as a bar is
    bracketed = _BRACKETED_OUTLET.fullmatch(rest)
    if bracketed is not None and furniture.outlet_name(bracketed.group("outlet")):
        inner = byline_names(bracketed.group("rest"))
        outlet = furniture.outlet_name(bracketed.group("outlet"))
        return None if inner is None else Byline(inner.author, inner.published_date, inner.publisher or outlet)
    organisation = _organisation(rest)
    if organisation is not None:
        return organisation
    role = _ROLE_PREFIX.match(rest)
    if role is not None:  # "Xinhua writers Ann Example and Ben Sample", "Staff Writer Ann Example"
        named = byline_names(rest[role.end() :])
        outlet = furniture.outlet_name(role.group("org") or "")
        return None if named is None else Byline(named.author, named.published_date, named.publisher or outlet)
    parsed = _people(rest)
    if parsed is None:
        return None
    names, suffix = parsed
    if names and len(names[-1].split()) >= 3 and furniture.outlet_name(names[-1].split()[-1]):
        *words, outlet = names[-1].split()
        names[-1] = " ".join(words)
        return Byline(", ".join(names), _suffix_date(suffix), furniture.outlet_name(outlet))
    return Byline(", ".join(names), _suffix_date(suffix), _suffix_outlet(suffix))


def read_bare_byline(text: str, next_line: str | None) -> Byline | None:
    """A name without "By" under a headline, vouched for by what stands beside it.

    "Jane Doe, Reuters" and "Jane Doe | March 3, 2025" carry an outlet or a date on the same
    line; "Jane Doe" alone needs a date or an outlet on the next line. A capitalised phrase
    with neither ("Dock Workers") is not a byline.
    """
    if len(text) > MAX_BYLINE_CHARS:
        return None
    split = _SEGMENT.search(text)
    name, rest = (text[: split.start()], text[split.end() :]) if split else (text, "")
    words = name.split()
    if not 2 <= len(words) <= MAX_DASH_NAME_WORDS or not all(_is_name_token(word) for word in words):
        return None
    if rest.strip():
        date, outlet = _dateline_date(rest.strip()), furniture.outlet_name(rest)
        return Byline(" ".join(words), date, outlet) if date or outlet else None
    if next_line is None:
        return None
    beside = furniture.clean(_unwrap(next_line))
    if (
        _dateline_date(beside)
        or updated_date(beside)
        or furniture.outlet_name(beside)
        or furniture.is_byline_role(beside)
    ):
        return Byline(" ".join(words), None, None)
    return None


def is_date_label_line(text: str) -> bool:
    """ "Last updated: 5 mins ago", "Published 2 hours ago": a dateline whose date is not stated."""
    if len(text) > MAX_BYLINE_CHARS:
        return False
    match = _UPDATED_LABEL.fullmatch(text) or _RELATIVE_LABEL.fullmatch(text)
    if match is None or len(match.group("rest").split()) > MAX_DATE_TAIL_WORDS:
        return False
    return _RELATIVE.search(match.group("rest")) is not None


def is_by_credit(text: str) -> bool:
    """A short "By ..." line that names someone, read as header even when no name can be taken."""
    return len(text) <= MAX_BYLINE_CHARS and _BY_CREDIT.fullmatch(text) is not None and text[-1:] not in ".!?;:,"


def parse_byline(text: str) -> tuple[str, datetime.date | None] | None:
    """(authors, date) from a byline line, or None when the line is not a byline."""
    byline = read_byline(text)
    return None if byline is None else (byline.author, byline.published_date)


def _organisation(rest: str) -> Byline | None:
    """ "Reuters Staff", "MT Newswires", "The Associated Press", optionally followed by a date."""
    split = _SEGMENT.search(rest)
    name = (rest[: split.start()] if split else rest).strip()
    suffix = rest[split.start() :] if split else ""
    if not furniture.organisation_byline(name):
        return None
    date = _suffix_date(suffix) if suffix.strip() else None
    if suffix.strip() and date is None and _suffix_outlet(suffix) is None:
        return None
    return Byline(name, date, furniture.publisher_of_byline(name))


def _suffix_outlet(suffix: str) -> str | None:
    """ "Jane Doe, Reuters" / "Jane Doe for Reuters": the outlet named right after the names."""
    for segment in _SEGMENT.split(suffix):
        segment = re.sub(r"^(?:for|of|at)\s+", "", segment.strip(), flags=re.I)
        outlet = furniture.outlet_name(segment)
        if outlet is not None:
            return outlet
    return None


def _people(rest: str) -> tuple[list[str], str] | None:
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(rest)]
    names, stop = _leading_names([token for _, token in tokens])
    if not names:
        return None
    suffix_tokens = [token for _, token in tokens[stop:]]
    if not _suffix_ok(suffix_tokens):
        return None
    return names, rest[tokens[stop][0] :] if stop < len(tokens) else ""


def _leading_names(tokens: list[str]) -> tuple[list[str], int]:
    """The names at the start of `tokens` and the index of the first token after them."""
    names: list[str] = []
    current: list[str] = []
    current_start = 0
    end = 0
    for index, token in enumerate(tokens):
        if token in {",", "&"} or token.lower() == "and":
            if current:
                if not _valid_name(current):
                    return names, current_start
                names.append(" ".join(current))
                current = []
                end = index
            continue
        if current and token.lower() in _PARTICLES:
            current.append(token)
            continue
        if _is_name_token(token):
            if not current:
                current_start = index
            current.append(token)
            continue
        break
    else:
        index = len(tokens)
    if current and _valid_name(current):
        names.append(" ".join(current))
        return names, index
    return names, current_start if current else end


def is_name_token(token: str) -> bool:
    """A capitalised word that may be part of a person's name ("Jane", "O'Neil", "J.")."""
    return _is_name_token(token)


def _is_name_token(token: str) -> bool:
    word = token.rstrip(".")
    return (
        bool(word)
        and word[0].isupper()
        and all(char.isalpha() or char in "'’-." for char in word)
        and word.lower() not in _NOT_NAME_WORDS
    )


def _valid_name(tokens: list[str]) -> bool:
    return 2 <= len(tokens) <= 5 and tokens[-1].lower() not in _PARTICLES


def _suffix_ok(tokens: list[str]) -> bool:
    """What follows the names must be a separator, a connector ("for Reuters") or a capitalised name."""
    if not tokens:
        return True
    words = [token for token in tokens if token not in _SEPARATORS]
    first = tokens[0]
    return len(words) <= MAX_SUFFIX_WORDS and (
        first in _SEPARATORS or first.lower() in _CONNECTORS or first[0].isupper() or first[0].isdigit()
    )


def _suffix_date(suffix: str) -> datetime.date | None:
    for segment in re.split(r"\s*[|·•]\s*|\s+[-–—]\s+", suffix):
        segment = _LEADING_CONNECTOR.sub("", segment.strip(" ,;-–—"), count=1)
        labelled = _PUBLISHED_LABEL.fullmatch(segment)
        date = parse_date_line(labelled.group("rest") if labelled else segment)
        if date is not None:
            return date
    return None


@line_cache
def _dateline_date(text: str) -> datetime.date | None:
    """The date of a line that is only a date or "Published: <date>", before any "| Updated ..."."""
    if len(text) > MAX_BYLINE_CHARS:
        return None
    labelled = _PUBLISHED_LABEL.fullmatch(text)
    value = labelled.group("rest") if labelled else text
    parts = _DATE_SEGMENT_END.split(value, maxsplit=1)
    if len(parts) > 1 and len(parts[1].split()) > MAX_DATE_TAIL_WORDS:
        return None  # "Mar 3, 2025 | The ministry said ...": a story, not a dateline
    return parse_date_line(parts[0], us_zone=has_us_zone(value))


def updated_date(text: str) -> datetime.date | None:
    """The date of an "Updated: <date>" / "Update: <date>" line."""
    if len(text) > MAX_BYLINE_CHARS:
        return None
    labelled = _UPDATED_LABEL.fullmatch(text)
    return parse_date_line(labelled.group("rest")) if labelled else None


def dateline_date(text: str) -> datetime.date | None:
    """The date a line that is only a date, or "Published: <date>", states; a reading time glued
    to it by the scraper ("Mar 30, 20062 mins") is cut off first."""
    text = _unwrap(text)
    date = _dateline_date(text)
    if date is None and "min" in text:
        glued = _GLUED_READ_TIME.fullmatch(text)
        return _dateline_date(glued.group("date")) if glued else None
    return date


def unwrap(text: str) -> str:
    return _unwrap(text)


def _unwrap(text: str) -> str:
    """The line without Markdown emphasis wrapped around it."""
    if len(text) > MAX_BYLINE_CHARS:
        return text
    while match := _EMPHASIS.fullmatch(text):
        text = match.group("inner").strip()
    return text


def outlet_dateline(text: str) -> tuple[str, str] | None:
    """(outlet, date text) of a header line naming the outlet with its date: "Xinhua, December 11,
    2015 Adjust font size:", "Source: Xinhua| 2018-08-01 16:17:33|Editor: x". Only a known outlet
    or a "Source:" credit counts, and every other segment must be a label or a widget."""
    if len(text) > MAX_BYLINE_CHARS or ("|" not in text and "," not in text):
        return None
    if "|" not in text and furniture.outlet_name(text.split(",", 1)[0]) is None:
        return None  # neither segments nor a known outlet before the first comma
    parts = [part for part in _BAR_SEGMENTS.split(text) if part]
    outlet, date_text = None, None
    if len(parts) >= 2:
        for part in parts:
            named = furniture.outlet_name(part) or furniture.source_name(part)
            if named is not None:
                outlet = outlet or named
            elif dateline_date(part) is not None or updated_date(part) is not None:
                date_text = date_text or part
            elif not (_LABEL_VALUE.fullmatch(part) or furniture.is_widget(part)):
                return None
    else:
        match = _OUTLET_COMMA.fullmatch(text)
        outlet = furniture.outlet_name(match.group("name")) if match else None
        date_text = _date_prefix(match.group("rest")) if match and outlet else None
    return (outlet, date_text) if outlet and date_text else None


def _date_prefix(text: str) -> str | None:
    """The date opening `text` when at most a few words follow it ("December 11, 2015 Adjust font size:")."""
    words = text.split()
    for count in range(min(len(words), MAX_DATE_WORDS), 0, -1):
        if len(words) - count > MAX_AFTER_DATE_WORDS:
            return None
        head = " ".join(words[:count])
        if dateline_date(head) is not None:
            return head
    return None


def credit_date(text: str) -> datetime.date | None:
    """The date written in a credit line ("Source: Example Wire March 4, 2024 07:25 UTC")."""
    match = _CREDIT_DATE.search(text) if len(text) <= MAX_BYLINE_CHARS * 2 else None
    return parse_date_line(match.group(0)) if match else None


def labelled_publication_date(text: str) -> datetime.date | None:
    """The date a closing "Publish date: April 23, 2009 https://..." line states: a publication
    label, the date, then nothing or only an address, a copyright or a "by" credit."""
    if len(text) > MAX_BYLINE_CHARS * 2 or text[:1] not in "PpFf":  # publish..., posted..., first published
        return None
    label = _PUBLICATION_LABEL.match(text)
    if label is None:
        return None
    words = text[label.end() :].split()
    for count in range(min(len(words), MAX_DATE_WORDS), 0, -1):
        tail = words[count:]
        if tail and not tail[0].lower().startswith(_AFTER_CLOSING_DATE):
            continue
        date = parse_date_line(" ".join(words[:count]))
        if date is not None:
            return date
    return None
