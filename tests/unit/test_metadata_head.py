"""Headline, byline and dateline at the top of documents without front matter."""

from __future__ import annotations

import datetime

import pytest
from metadata_expect import assert_reads, body_of

from newsfacts.metadata import parse_metadata

PARAGRAPH = (
    "Tokyo and Washington on Saturday reaffirmed their alliance in a phone call that lasted about "
    "fifteen minutes, officials said."
)


def test_title_case_headline_is_the_title_and_notbody_of():
    text = f"Japan Signals Reinforced U.S.–Japan Alignment\n\n{PARAGRAPH}\n"
    assert_reads(text, PARAGRAPH, title="Japan Signals Reinforced U.S.–Japan Alignment")


def test_sentence_case_headline_above_a_paragraph():
    text = f"Japan and US reaffirm alliance after call\n\n{PARAGRAPH}\n"
    assert parse_metadata(text).title == "Japan and US reaffirm alliance after call"


@pytest.mark.parametrize(
    "first_line",
    [
        "Japan and the US reaffirmed their alliance on Saturday.",  # a sentence
        "What Did the Leaders Agree:",  # terminal colon
        "Markets Rally",  # too short to tell
        "A " + "very " * 16 + "long line without any punctuation at all",  # too long
        "- Japan Signs Deal With US",  # list item
        "November 13, 2025",  # a dateline
        "By Jane Doe",  # a byline
        "Photo: Getty Images Tokyo",  # furniture
    ],
)
def test_first_lines_that_are_not_headlines(first_line: str):
    assert parse_metadata(f"{first_line}\n\n{PARAGRAPH}\n").title is None


def test_scraped_headline_without_blank_line_after_is_a_title():
    text = f"Japan Signs Historic Deal\n{PARAGRAPH}\n"
    assert parse_metadata(text).title == "Japan Signs Historic Deal"
    assert body_of(text) == PARAGRAPH


def test_sentence_case_line_above_a_list_is_not_a_title():
    assert parse_metadata("Key points from the call\n\n- one\n- two\n").title is None


def test_question_headline_needs_title_case():
    assert parse_metadata(f"Can Takaichi Deliver on Defense?\n\n{PARAGRAPH}").title == (
        "Can Takaichi Deliver on Defense?"
    )
    assert parse_metadata(f"What was discussed in the call?\n\n{PARAGRAPH}").title is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"# The Headline\n\n{PARAGRAPH}", "The Headline"),
        (f"## **Bold Headline** ##\n\n{PARAGRAPH}", "Bold Headline"),
        (f"Setext Headline Here\n====================\n\n{PARAGRAPH}", "Setext Headline Here"),
    ],
)
def test_markdown_headings(text: str, title: str):
    assert_reads(text, PARAGRAPH, title=title)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "Japan Signs Deal With US\n\nBy Jane Doe and John Roe | November 13, 2025",  # byline with a date
            {"title": "Japan Signs Deal With US", "author": "Jane Doe, John Roe"},
        ),
        (
            "**By Jane Doe, Reuters**\nPublished: 13 Nov 2025 10:00 JST",  # byline and published line, no title
            {"title": None, "author": "Jane Doe"},
        ),
        ("Thursday, November 13, 2025", {}),  # a date alone on a line near the top
    ],
)
def test_byline_and_date_lines_at_the_top(header: str, expected: dict):
    assert_reads(f"{header}\n\n{PARAGRAPH}", PARAGRAPH, published_date=datetime.date(2025, 11, 13), **expected)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # Sentences that start with "by" are not bylines.
        (f"By Monday, the market had recovered most of its losses.\n\n{PARAGRAPH}", "author"),
        (f"By the end of the year the deal should be signed.\n\n{PARAGRAPH}", "author"),
        (f"by jane doe\n\n{PARAGRAPH}", "author"),
        # Dates mentioned in the text are not publication dates.
        (f"{PARAGRAPH} The talks began on November 13, 2025 in Tokyo.\n\nUpdated: 14 Nov 2025", "published_date"),
    ],
)
def test_header_look_alikes_in_prose_are_not_header_fields(text: str, field: str):
    assert getattr(parse_metadata(text), field) is None


def test_byline_after_the_first_paragraph_stays_in_thebody_of():
    text = f"{PARAGRAPH}\n\nBy Jane Doe\n\nMore text follows here."
    metadata = parse_metadata(text)
    assert metadata.author == "Jane Doe"
    assert body_of(text).startswith(PARAGRAPH)


def test_nothing_invented_for_plain_text():
    metadata = parse_metadata(PARAGRAPH)
    assert (metadata.title, metadata.author, metadata.published_date) == (None, None, None)
    assert (metadata.publisher, metadata.description) == (None, None)
    assert (metadata.sentiment_label, metadata.sentiment_score) == (None, None)
    assert (metadata.front_matter, metadata.front_matter_error) == (None, None)
    assert (metadata.body_start, metadata.body_end) == (0, len(PARAGRAPH))


def test_wire_story_header():
    text = (
        "Japan's Takaichi, Trump reaffirm alliance in first call\n\n"
        "By Tim Kelly and Kiyoshi Takenaka\n\n"
        "October 25, 2025 7:44 AM GMT+9 Updated 2 hours ago\n\n"
        f"TOKYO, Oct 25 (Reuters) - {PARAGRAPH}\n\n"
        "(Reporting by Tim Kelly; Editing by Jane Roe)\n"
    )
    assert_reads(
        text,
        PARAGRAPH,
        title="Japan's Takaichi, Trump reaffirm alliance in first call",
        author="Tim Kelly, Kiyoshi Takenaka",
        published_date=datetime.date(2025, 10, 25),
        publisher="Reuters",
    )
