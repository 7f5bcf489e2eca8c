"""`parse_metadata`: front matter, the page header and the trailers combined into one record.

Each part runs on its own and a failure in one only leaves its fields NULL, so a single odd
document can never stop a run. Only the head (`HEAD_CHARS`) and tail (`trailers.TAIL_CHARS`) of
the text are examined line by line; the body in between is touched once, to count its words.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

from newsfacts.metadata.body import count_words, trim
from newsfacts.metadata.fields import DATE_KEYS, Fields, fields_from_front_matter
from newsfacts.metadata.front_matter import FrontMatter, read_front_matter
from newsfacts.metadata.head import Header, read_header
from newsfacts.metadata.lines import Line, split_lines
from newsfacts.metadata.model import DocumentIssue, DocumentMetadata
from newsfacts.metadata.trailers import Trailer, read_trailer

HEAD_CHARS = 4096
# A publication date up to this far ahead of "today" is a time-zone difference, not an error.
FUTURE_TOLERANCE = datetime.timedelta(days=1)

T = TypeVar("T")


def parse_metadata(text: str, today: datetime.date | None = None) -> DocumentMetadata:
    """The metadata of one document; never raises for a `str`.

    `today` (default: the current UTC date) bounds the publication date: a date more than a
    day ahead of it is set aside as a `DocumentIssue` and left NULL.
    """
    front_matter = _safe(read_front_matter, None, text) or FrontMatter(None, None, 0)
    fields = _safe(fields_from_front_matter, Fields(), front_matter.data) if front_matter.data else Fields()
    start = front_matter.body_start

    empty = Header(None, None, None, None, None, start)
    head = _safe(_read_header, empty, text, start, fields.title)
    trailer = _safe(read_trailer, Trailer(len(text), None, None), text, head.body_start)
    body_start, body_end = trim(text, head.body_start, trailer.body_end)

    published, issues = _checked_date(
        fields.published_date or head.published_date or trailer.published_date,
        _found_as(front_matter.data, fields, head),
        today or datetime.datetime.now(datetime.UTC).date(),
    )
    return DocumentMetadata(
        title=fields.title or head.title,
        author=fields.author or head.author or trailer.author,
        published_date=published,
        publisher=fields.publisher or head.publisher or trailer.publisher,
        description=fields.description,
        sentiment_label=trailer.sentiment_label,
        sentiment_score=trailer.sentiment_score,
        word_count=_safe(count_words, 0, text, body_start, body_end),
        body_start=body_start,
        body_end=body_end,
        front_matter=front_matter.data,
        front_matter_error=front_matter.error,
        issues=issues,
    )


def _read_header(text: str, start: int, known_title: str | None) -> Header:
    return read_header(text, _head_lines(text, start), start, known_title=known_title)


def _found_as(data: dict[str, object] | None, fields: Fields, head: Header) -> str | None:
    """The publication date as the document wrote it, for the issue record."""
    if fields.published_date is not None and data:
        for key, value in data.items():
            if str(key).strip().lower() in DATE_KEYS:
                return str(value)
    return head.published_text


def _checked_date(
    date: datetime.date | None, found: str | None, today: datetime.date
) -> tuple[datetime.date | None, tuple[DocumentIssue, ...]]:
    """The date, or None and an issue when it lies in the future beyond the time-zone margin."""
    if date is None or date <= today + FUTURE_TOLERANCE:
        return date, ()
    reason = f"published date {date.isoformat()} is more than one day after {today.isoformat()}"
    return None, (DocumentIssue("published_date", found or date.isoformat(), reason),)


def _head_lines(text: str, start: int) -> list[Line]:
    return split_lines(text, start, min(len(text), start + HEAD_CHARS))


def _safe(function: Callable[..., T], default: T, *args: object) -> T:
    """`function(*args)`, or `default` when it fails: one broken rule must not lose the document."""
    try:
        return function(*args)
    except Exception:
        return default
