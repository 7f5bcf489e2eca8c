"""Metadata fields from a front-matter mapping, whatever spelling of the key a site uses."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from newsfacts.metadata.dates import parse_date

TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("author", "authors", "byline")
DATE_KEYS = (
    "date",
    "published",
    "published_date",
    "pubdate",
    "datepublished",
    "published_at",
    "publish_date",
)
DESCRIPTION_KEYS = ("description", "summary", "excerpt")
PUBLISHER_KEYS = ("publisher", "site_name", "source")


@dataclass(frozen=True, slots=True)
class Fields:
    title: str | None = None
    author: str | None = None
    published_date: datetime.date | None = None
    publisher: str | None = None
    description: str | None = None


def fields_from_front_matter(data: Mapping[str, object]) -> Fields:
    """The metadata a front-matter mapping states; keys match case-insensitively."""
    lowered = {key.strip().lower(): value for key, value in data.items()}
    return Fields(
        title=_text(_first(lowered, TITLE_KEYS)),
        author=_names(_first(lowered, AUTHOR_KEYS)),
        published_date=_date(_first(lowered, DATE_KEYS)),
        publisher=_name(_first(lowered, PUBLISHER_KEYS)),
        description=_text(_first(lowered, DESCRIPTION_KEYS)),
    )


def _first(data: Mapping[str, object], keys: tuple[str, ...]) -> object:
    """The first key present with a value; an empty `title:` does not hide a later `headline:`."""
    for key in keys:
        value = data.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: object) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _name(value: object) -> str | None:
    """A name given as a string or as a mapping with a `name` (schema.org style)."""
    if isinstance(value, Mapping):
        lowered = {str(key).lower(): item for key, item in value.items()}
        return _text(lowered.get("name"))
    return _text(value)


def _names(value: object) -> str | None:
    """One author or several (list items joined with ", ")."""
    if isinstance(value, list):
        names = [name for name in (_name(item) for item in value) if name]
        return ", ".join(names) or None
    return _name(value)


def _date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return parse_date(value) if isinstance(value, str) else None
