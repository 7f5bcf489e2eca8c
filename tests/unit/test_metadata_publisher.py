"""The publisher, only when the text names it: wire datelines, mastheads, bylines, source credits."""

from __future__ import annotations

import pytest

from newsfacts.metadata import parse_metadata

HEADLINE = "Steelmaker to cut 2,000 jobs as demand slumps"
STORY = (
    "The company said on Wednesday it would close two plants and cut about 2,000 jobs over the next "
    "year, blaming weak demand and high energy costs."
)


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (f"{HEADLINE}\n\nDUISBURG (Reuters) - {STORY}", "Reuters"),
        (f"{HEADLINE}\n\nBEIJING, May 1 (Xinhua) -- {STORY}", "Xinhua"),
        (f"{HEADLINE}\n\n(RTTNews) - {STORY}", "RTTNews"),
        (f"{HEADLINE}\n\nWASHINGTON, Oct. 29 (UPI) -- {STORY}", "UPI"),
        (f"REUTERS\n\n{HEADLINE}\n\n{STORY}", "Reuters"),
        (f"{HEADLINE}\n\nThe Associated Press\n\n{STORY}", "The Associated Press"),
        (f"{HEADLINE}\n\nPublisher\nBloomberg\n\n{STORY}", "Bloomberg"),
        (f"{HEADLINE}\n\nBy Ann Example, Reuters\n\n{STORY}", "Reuters"),
        (f"{HEADLINE}\n\nBY MT Newswires\n\n{STORY}", "MT Newswires"),
        (f"{HEADLINE}\n\nBy Ann Example and Ben Sample(China Daily)\n\n{STORY}", "China Daily"),
        (f"{HEADLINE}\n\n{STORY}\n\n(Xinhua News Agency September 29, 2006)\n", "Xinhua News Agency"),
        (f"{HEADLINE}\n\n{STORY}\n\n(source: CNBC)\n", "CNBC"),
        (f"{HEADLINE}\n\n{STORY}\n\nSource: Kyodo\n", "Kyodo"),
        (f"{HEADLINE}\n\n{STORY}\n\n— AFP\n", "AFP"),
        (f"{HEADLINE} | Reuters\n\n{STORY}", "Reuters"),
        (f"From Al Jazeera:\n\n{STORY}\n\nView original post 154 more words\n", "Al Jazeera"),
        (f"{HEADLINE} | Bloomberg\n\n{HEADLINE}\n\n{STORY}", "Bloomberg"),
        (f"{HEADLINE} - Xinhua\n\nBEIJING (Reuters) - {STORY}", "Reuters"),  # a credit, not the outlet
        (f"{HEADLINE}\n\n{STORY}\n\n© 2025 Reuters. All rights reserved.\n", "Reuters"),
        (
            f"{HEADLINE}\n\n{STORY}\n\nCopyright 2024 The Associated Press. All rights reserved.\n",
            "The Associated Press",
        ),
    ],
)
def test_publisher_named_in_the_text(text: str, publisher: str):
    metadata = parse_metadata(text)
    assert metadata.publisher == publisher
    assert text[metadata.body_start : metadata.body_end] == STORY


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADLINE}\n\n{STORY}",  # nothing named: never guessed
        f"{HEADLINE}\n\n{STORY} Reuters reported the plan last week.",  # an outlet cited in the story
        f"{HEADLINE}\n\nShares of Example Steel (EXS) - a bellwether - fell 5% on the news today.",
        f"{HEADLINE}\n\n{STORY}\n\nSource: company filings, analyst estimates\n",  # not one outlet
        f"{HEADLINE}\n\nBy Ann Example\n\n{STORY}",
        f"{HEADLINE} - analysts\n\n{STORY}",  # a dash in a headline, not an outlet after it
        f"From the archive:\n\n{STORY}",  # "From" a place that is no outlet
        f"{HEADLINE}\n\n{STORY}\n\n© 2025 Example Holdings Ltd\n",  # a copyright holder, not an outlet
    ],
)
def test_publisher_not_named_is_null(text: str):
    assert parse_metadata(text).publisher is None


def test_front_matter_publisher_wins():
    text = f"---\ntitle: {HEADLINE}\npublisher: Example Daily\n---\n\nLONDON (Reuters) - {STORY}\n"
    assert parse_metadata(text).publisher == "Example Daily"


def test_title_loses_the_outlet_suffix():
    metadata = parse_metadata(f"{HEADLINE} | Reuters\n\n{STORY}")
    assert metadata.title == HEADLINE


def test_wire_headline_keeps_the_source_it_credits():
    metadata = parse_metadata(f"Steel output to fall this year - Xinhua\n\nBEIJING (Reuters) - {STORY}")
    assert metadata.title == "Steel output to fall this year - Xinhua"


def test_domain_masthead_at_the_top():
    metadata = parse_metadata(f"Example-Markets.com\n\n{HEADLINE}\n\n{STORY}")
    assert metadata.publisher == "Example-Markets.com"
    assert metadata.title == HEADLINE


def test_domain_named_inside_the_story_is_not_the_publisher():
    text = f"{HEADLINE}\n\n{STORY}\n\nMore details are on example.com.\n"
    assert parse_metadata(text).publisher is None
