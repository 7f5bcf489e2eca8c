"""Bylines as news pages print them, and capitalised phrases that are not bylines."""

from __future__ import annotations

import datetime

import pytest
from metadata_expect import assert_reads, parsed

from newsfacts.metadata import parse_metadata

HEADLINE = "Port strike enters second week as talks stall"
STORY = (
    "Dock workers stayed off the job for an eighth day on Monday, leaving dozens of container ships "
    "waiting offshore, union officials said."
)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Ann Example", "Ann Example"),
        ("by Ann Example", "Ann Example"),
        ("BY ANN EXAMPLE", "ANN EXAMPLE"),
        ("– Ben Sample", "Ben Sample"),
        ("— Ben Sample", "Ben Sample"),
        ("BY MT Newswires", "MT Newswires"),
        ("By Reuters Staff", "Reuters Staff"),
        ("By Ann Example and Ben Sample", "Ann Example, Ben Sample"),
        ("By Ann Example, Reuters", "Ann Example"),
        ("Written by Ann Example on 3rd March 2025", "Ann Example"),
    ],
)
def test_byline_after_headline(byline: str, author: str):
    metadata, body = parsed(f"{HEADLINE}\n\n{byline}\n\n{STORY}\n")
    assert metadata.title == HEADLINE
    assert metadata.author == author
    assert body == STORY


def test_byline_between_headline_and_dateline():
    text = f"{HEADLINE}\n\nBy Ann Example\n\nPublished March 3, 2025\n\nROTTERDAM (Reuters) - {STORY}\n"
    assert_reads(text, STORY, author="Ann Example", published_date=datetime.date(2025, 3, 3), publisher="Reuters")


def test_label_and_value_on_separate_lines():
    text = f"{HEADLINE}\n\nContributor\nAnn Example Reuters\nPublished\n\n{STORY}\n"
    metadata, _ = parsed(text)
    assert metadata.author == "Ann Example"
    assert metadata.publisher == "Reuters"


@pytest.mark.parametrize(
    "bio",
    [
        "About the Author: Ann Example is a correspondent covering shipping and trade.",
        "About the Author\n\nAnn Example is a correspondent covering shipping and trade.",  # header, then bio
    ],
)
def test_about_the_author_at_the_end(bio: str):
    assert_reads(f"{STORY}\n\n{bio}\n", STORY, author="Ann Example")


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the backlog had grown to 40 ships.",  # "By" opens a sentence
        "By the end of the week talks should resume",
        "Port Authority Chief Says Delays Will Ease",  # capitalised phrase, no "By"
        "– Delays Will Ease Soon Say Officials Today",  # a dash and too many words
        "by ann example",  # no capitalised name
    ],
)
def test_capitalised_phrases_that_are_not_bylines(line: str):
    assert parse_metadata(f"{HEADLINE}\n\n{line}\n\n{STORY}\n").author is None


def test_reader_signature_at_the_end_is_not_the_author_and_not_body():
    text = f"{STORY}\n\n— Ben Sample, Rotterdam\n"
    metadata, body = parsed(text)
    assert metadata.author is None
    assert body == STORY


def test_bare_name_above_a_date_is_a_byline():
    metadata, body = parsed(f"{HEADLINE}\n\nAnn Example\nMarch 3, 2025\n\n{STORY}\n")
    assert metadata.author == "Ann Example"
    assert str(metadata.published_date) == "2025-03-03"
    assert body == STORY


def test_bare_capitalised_phrase_without_a_date_is_not_a_byline():
    metadata, body = parsed(f"{HEADLINE}\n\nDock Workers\n\n{STORY}\n")
    assert metadata.author is None
    assert body.endswith(STORY)


def test_wire_credit_line_is_header_without_an_author():
    metadata, body = parsed(f"{HEADLINE}\n\nFrom Example Network and wire reports\n\n{STORY}\n")
    assert metadata.author is None
    assert body == STORY


@pytest.mark.parametrize(
    ("line", "author", "publisher", "date"),
    [
        ("Ann Example, Reuters", "Ann Example", "Reuters", None),
        ("Ann Example | March 3, 2025", "Ann Example", None, "2025-03-03"),
    ],
)
def test_bare_name_with_outlet_or_date_on_the_same_line(line: str, author: str, publisher, date):
    metadata, body = parsed(f"{HEADLINE}\n\n{line}\n\n{STORY}\n")
    assert (metadata.author, metadata.publisher) == (author, publisher)
    assert (str(metadata.published_date) if metadata.published_date else None) == date
    assert body == STORY


@pytest.mark.parametrize("line", ["Dock Workers, Union", "Port Talks Stall, Officials Say"])
def test_capitalised_phrase_with_a_comma_is_not_a_bare_byline(line: str):
    assert parse_metadata(f"{HEADLINE}\n\n{line}\n\n{STORY}\n").author is None


def test_bio_under_the_authors_name_at_the_end():
    text = (
        f"{STORY}\n\nRead more here.\nAnn Example\n\nAnn Example is a former shipping correspondent at a daily paper.\n"
    )
    metadata, body = parsed(text)
    assert metadata.author == "Ann Example"
    assert body == STORY


def test_site_username_byline_is_header_without_an_author():
    metadata, body = parsed(f"{HEADLINE}\n\nby admin\n\n{STORY}\n")
    assert metadata.author is None
    assert body == STORY


@pytest.mark.parametrize(
    ("line", "author", "publisher"),
    [
        ("By Xinhua writers Ann Example and Ben Sample", "Ann Example, Ben Sample", "Xinhua"),
        ("By Staff Writer Ann Example", "Ann Example", None),
        ("By Senior Correspondent Ann Example", "Ann Example", None),
    ],
)
def test_role_words_before_the_names(line: str, author: str, publisher: str | None):
    metadata, body = parsed(f"{HEADLINE}\n\n{line}\n\n{STORY}\n")
    assert (metadata.author, metadata.publisher) == (author, publisher)
    assert body == STORY
