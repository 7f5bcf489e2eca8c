"""`parse_metadata`: front matter, headline, byline and trailers combined into one record.

Each part runs on its own and a failure in one only leaves its fields NULL, so a single odd
document can never stop a run. Only the head (`HEAD_CHARS`) and tail (`trailers.TAIL_CHARS`) of
the text are examined line by line; the body in between is touched once, to count its words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from newsfacts.metadata.body import count_words, trim
from newsfacts.metadata.byline import HeadMetadata, read_head
from newsfacts.metadata.fields import Fields, fields_from_front_matter
from newsfacts.metadata.front_matter import FrontMatter, read_front_matter
from newsfacts.metadata.lines import Line, split_lines
from newsfacts.metadata.model import DocumentMetadata
from newsfacts.metadata.title import Headline, clean_title, find_headline
from newsfacts.metadata.trailers import Trailer, read_trailer

HEAD_CHARS = 4096

T = TypeVar("T")


def parse_metadata(text: str) -> DocumentMetadata:
    """The metadata of one document; never raises for a `str`."""
    front_matter = _safe(read_front_matter, None, text) or FrontMatter(None, None, 0)
    fields = _safe(fields_from_front_matter, Fields(), front_matter.data) if front_matter.data else Fields()
    start = front_matter.body_start

    title = fields.title
    headline = _safe(find_headline, None, _head_lines(text, start))
    if headline is not None and (title is None or _same_title(title, headline)):
        title = title or headline.title
        start = headline.end

    head = _safe(read_head, HeadMetadata(None, None, start), _head_lines(text, start), start)
    start = head.header_end

    trailer = _safe(read_trailer, Trailer(len(text), None, None), text, start)
    body_start, body_end = trim(text, start, trailer.body_end)
    return DocumentMetadata(
        title=title,
        author=fields.author or head.author,
        published_date=fields.published_date or head.published_date,
        publisher=fields.publisher,
        description=fields.description,
        sentiment_label=trailer.sentiment_label,
        sentiment_score=trailer.sentiment_score,
        word_count=_safe(count_words, 0, text, body_start, body_end),
        body_start=body_start,
        body_end=body_end,
        front_matter=front_matter.data,
        front_matter_error=front_matter.error,
    )


def _head_lines(text: str, start: int) -> list[Line]:
    return split_lines(text, start, min(len(text), start + HEAD_CHARS))


def _same_title(title: str, headline: Headline) -> bool:
    """A leading heading that repeats the front-matter title belongs to the header, not the body."""
    return clean_title(title).casefold() == headline.title.casefold()


def _safe(function: Callable[..., T], default: T, *args: object) -> T:
    """`function(*args)`, or `default` when it fails: one broken rule must not lose the document."""
    try:
        return function(*args)
    except Exception:
        return default
