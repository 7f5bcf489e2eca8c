"""The metadata record of one document, as the `document_metadata` table stores it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentIssue:
    """A value found in a document but not trusted (a date in the future): set aside, field left NULL."""

    field: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What parsing found in one document; a field is None when the document does not state it.

    `body_start`/`body_end` are 0-based code-point offsets into the text (end exclusive) so that
    downstream extractors and the warehouse can point back at exact spans of the raw text.
    """

    title: str | None
    author: str | None
    published_date: datetime.date | None
    publisher: str | None
    description: str | None
    sentiment_label: str | None
    sentiment_score: float | None
    word_count: int
    body_start: int
    body_end: int
    front_matter: dict[str, object] | None
    front_matter_error: str | None
    issues: tuple[DocumentIssue, ...] = ()
