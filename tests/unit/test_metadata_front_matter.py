"""YAML front matter: variants, failures that still land the document, and dates as written."""

from __future__ import annotations

import datetime
import json

import pytest
from metadata_expect import assert_reads, body_of

from newsfacts.metadata import parse_metadata
from newsfacts.metadata.front_matter import MAX_FRONT_MATTER_CHARS


def test_valid_front_matter_fields_andbody_of():
    text = (
        "---\n"
        "Title : The Deal\n"
        "byline: Jane Doe\n"
        "pubDate: 2025-11-13\n"
        "summary: A short summary.\n"
        "site_name: Example News\n"
        "---\n\nThe body.\n"
    )
    assert_reads(
        text,
        "The body.",
        title="The Deal",
        author="Jane Doe",
        published_date=datetime.date(2025, 11, 13),
        description="A short summary.",
        publisher="Example News",
        front_matter={
            "Title": "The Deal",
            "byline": "Jane Doe",
            "pubDate": "2025-11-13",
            "summary": "A short summary.",
            "site_name": "Example News",
        },
        word_count=2,
    )


def test_list_of_authors_is_joined():
    text = "---\nauthors:\n  - Jane Doe\n  - name: John Roe\n---\nBody."
    assert parse_metadata(text).author == "Jane Doe, John Roe"


# Every way of writing 13 November 2025 reads as that date; the others as no date.
NOV_13_WRITTEN = (
    "2025-11-13 12:00:00 +0800",
    "2025-11-13T23:30:00-05:00",  # late evening in New York is already the next day in UTC: the written date wins
    "2025-11-13T02:00:00+09:00",
    "2025-11-13",
    '"November 13, 2025"',
    "13 Nov 2025",
    "Thu, 13 Nov 2025 12:00:00 +0800",
)
NOT_A_DATE = ("2025-02-30", "05/06/2025", "soon")


@pytest.mark.parametrize(
    ("written", "expected"),
    [(w, datetime.date(2025, 11, 13)) for w in NOV_13_WRITTEN] + [(w, None) for w in NOT_A_DATE],
)
def test_dates_are_read_as_written(written: str, expected: datetime.date | None):
    metadata = parse_metadata(f"---\ndate: {written}\n---\nBody.")
    assert metadata.published_date == expected
    assert metadata.front_matter_error is None


@pytest.mark.parametrize("key", ["published", "published_date", "datePublished", "PUBDATE"])
def test_date_key_spellings(key: str):
    assert parse_metadata(f"---\n{key}: 2024-01-02\n---\nBody.").published_date == datetime.date(2024, 1, 2)


def test_front_matter_values_are_json_serialisable():
    text = "---\ndate: 2025-11-13 12:00:00\ntags: !!set {a: null, b: null}\nratio: .nan\n---\nBody."
    metadata = parse_metadata(text)
    assert metadata.front_matter is not None
    json.dumps(metadata.front_matter, allow_nan=False)
    assert metadata.front_matter["date"] == "2025-11-13 12:00:00"


def test_malformed_yaml_keeps_the_document():
    text = "---\ntitle: [unclosed\nauthor: Jane Doe\n---\n\nThe body.\n"
    metadata = parse_metadata(text)
    assert metadata.front_matter is None
    assert metadata.front_matter_error is not None
    assert "invalid YAML front matter" in metadata.front_matter_error
    assert metadata.title is None
    assert metadata.author is None
    assert body_of(text) == "The body."


def test_unterminated_front_matter_body_starts_at_zero():
    text = "---\ntitle: Never Closed\n\nThe body.\n"
    metadata = parse_metadata(text)
    assert metadata.front_matter is None
    assert "never closed" in (metadata.front_matter_error or "")
    assert metadata.body_start == 0
    assert metadata.title is None


def test_front_matter_withoutbody_of():
    metadata = parse_metadata("---\ntitle: Only Metadata\n---\n")
    assert metadata.title == "Only Metadata"
    assert metadata.body_start == metadata.body_end
    assert metadata.word_count == 0


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n  \n---\ntitle: Dotted\n...\nBody.", "Dotted"),  # dots close it, leading whitespace allowed
        ("---\r\ntitle: Windows\r\n---\r\n\r\nBody.\r\n", "Windows"),  # CRLF line ends
    ],
)
def test_front_matter_delimiter_variants(text: str, title: str):
    assert_reads(text, "Body.", title=title)


def test_empty_front_matter_is_an_empty_mapping():
    metadata = parse_metadata("---\n---\nBody.")
    assert metadata.front_matter == {}
    assert metadata.front_matter_error is None


def test_error_names_the_document_line():
    metadata = parse_metadata("---\ntitle: ok\nauthor: [a\nbad: }\n---\nBody.")
    assert metadata.front_matter_error is not None
    assert "line " in metadata.front_matter_error


def test_leading_rule_before_prose_is_not_front_matter():
    text = "---\n\nThe article opens after a rule.\n\n---\n\nAnd goes on."
    metadata = parse_metadata(text)
    assert metadata.front_matter is None
    assert metadata.front_matter_error is None
    assert "The article opens" in body_of(text)


def test_aliases_are_refused():
    text = "---\na: &x [lol, lol, lol]\nb: [*x, *x, *x]\n---\nBody."
    metadata = parse_metadata(text)
    assert metadata.front_matter is None
    assert "aliases" in (metadata.front_matter_error or "")
    assert body_of(text) == "Body."


def test_oversized_front_matter_is_refused():
    text = "---\n" + "key: value\n" * (MAX_FRONT_MATTER_CHARS // 10) + "---\nBody."
    metadata = parse_metadata(text)
    assert metadata.front_matter is None
    assert "limit" in (metadata.front_matter_error or "")
    assert body_of(text) == "Body."


def test_front_matter_title_repeated_as_heading_is_notbody_of():
    text = "---\ntitle: The Deal\n---\n# The Deal\n\nThe body."
    metadata = parse_metadata(text)
    assert metadata.title == "The Deal"
    assert body_of(text) == "The body."
