"""One way for the metadata tests to read a document and check what the header reader found.

Shared so each test states only its text and its expectations; importable from every test module
because pytest puts this folder (the one holding the root conftest.py) on sys.path.
"""

from __future__ import annotations

import datetime
from typing import Any

from newsfacts.metadata import parse_metadata


def body_of(text: str, **options: Any) -> str:
    """The body `parse_metadata` bounds, as text."""
    metadata = parse_metadata(text, **options)
    return text[metadata.body_start : metadata.body_end]


def parsed(text: str, **options: Any) -> tuple[Any, str]:
    """The metadata of `text` and its body as text."""
    metadata = parse_metadata(text, **options)
    return metadata, text[metadata.body_start : metadata.body_end]


def assert_reads(text: str, body: str | None = None, *, today: datetime.date | None = None, **fields: Any) -> Any:
    """Check that each named field of the metadata equals its expected value (exactly, all at once),
    and the body too when one is given; the metadata is returned for further checks. `today` is the
    reader's clock (default: the real date)."""
    metadata, found_body = parsed(text, **({} if today is None else {"today": today}))
    assert {name: getattr(metadata, name) for name in fields} == fields
    if body is not None:
        assert found_body == body
    return metadata
