"""Body bounds on news pages: leading and trailing clutter fall outside, the story stays whole.

Figures and claims are searched only between `body_start` and `body_end`, so these tests also show
that numbers in captions, datelines, related links and disclaimers never reach them.
"""

from __future__ import annotations

import pytest
from metadata_expect import body_of

from newsfacts.claims.extract import extract_claims
from newsfacts.figures import extract_figures
from newsfacts.metadata import parse_metadata

STORY = (
    "The airline said on Thursday that it carried 12 million passengers in the quarter, up 8% from a "
    "year earlier.\n\nIt expects demand to stay strong through the summer."
)


# What a page may carry between its headline and the story.
LEADING_CLUTTER = [
    "Advertisement\n\n",
    "FILE PHOTO: Planes parked at the airport, March 3, 2024. REUTERS/Some Photographer/File Photo\n\n",
    "Photo: Getty Images\n\n",
    "Table of Contents\nResults\nOutlook\nFleet\n\n",
    "• Business • Thursday, 22 May 2025\n\n",
    "Home > Business > Airlines\n\n",
    "Listen to this article\n5 min read\n\n",
    "DUBLIN (Reuters) - ",
    "Advertisement\nPhoto: Getty Images\nDUBLIN, May 22 (Reuters) - ",
]

# What a page may carry after the story.
TRAILING_CLUTTER = [
    "Similar News\nAirline shares rally\nFuel costs ease",
    "Article Sources\nCompany quarterly report\nIndustry traffic data",
    "If you like this article, share it with a friend.",
    "For more news, visit our business section.",
    "This article is for informational purposes only and does not constitute investment advice.",
    "Disclaimer: The author holds no position in any stock mentioned.",
    "(Reporting by Ann Example in Dublin; Editing by Ben Sample)",
    "((ann.example@newsdesk.example; +353 1 555 0100))",
    "Reuters\nBloomberg\nCNBC",
    "— Ben Sample, Cork",
    "About the Author: Ann Example writes about aviation and travel.",
    "(source: CNBC)",
    "Ann Example has no position in any of the stocks mentioned.\nThe Example Fool has a disclosure policy.",
    "Not investment advice. Do your own research.",
    "Example Finance · 2h ago\nMarket Daily · 5h ago",
    "Reuters\n2 hours ago\nBloomberg\n3 hours ago\nView full coverage",
    "No comments:\nPost a Comment",
    "July 13, 2022\nNovember 23, 2021\nDecember 4, 2019",  # dates of related links
    "Leave a Reply\n\nPopular Posts",
    "(Example News Agency September 29, 2006)\n|",
    "Our Standards: The Example Trust Principles.",
    "(SD-Agencies)",
]

PAGES = [
    *(
        pytest.param(f"Airline traffic climbs as summer bookings surge\n\n{lead}{STORY}", id=f"leading {lead!r}")
        for lead in LEADING_CLUTTER
    ),
    *(pytest.param(f"{STORY}\n\n{trail}\n", id=f"trailing {trail!r}") for trail in TRAILING_CLUTTER),
]


@pytest.mark.parametrize("page", PAGES)
def test_clutter_is_outside_the_body(page: str):
    assert body_of(page) == STORY


def test_standfirst_between_headline_and_byline_is_header():
    text = (
        "Airline traffic climbs as summer bookings surge\n\n"
        "Passenger numbers beat forecasts as travellers book earlier than ever.\n\n"
        "By Ann Example\n\n"
        f"{STORY}"
    )
    assert body_of(text) == STORY


def test_a_paragraph_that_mentions_sources_or_photos_stays():
    story = f"{STORY}\n\nSources close to the company said photos of the new cabins would be released soon."
    assert body_of(story) == story


def cluttered_page(caption: str, related: str) -> str:
    """STORY on a page: headline, a photo caption, a dateline, a related link and a disclaimer around it."""
    return (
        "Airline traffic climbs as summer bookings surge\n\n"
        f"FILE PHOTO: {caption}, March 3, 2024. REUTERS/Some Photographer\n\n"
        f"DUBLIN, May 22 (Reuters) - {STORY}\n\n"
        f"Similar News\n{related}\n\n"
        "This article is for informational purposes only and does not constitute investment advice.\n"
    )


def figure_spans(text: str) -> list[str]:
    metadata = parse_metadata(text)
    return [figure.raw_text for figure in extract_figures(text, metadata.body_start, metadata.body_end)]


def claim_texts(text: str) -> list[str]:
    metadata = parse_metadata(text)
    return [claim.text for claim in extract_claims(text, metadata.body_start, metadata.body_end)]


@pytest.mark.parametrize(
    ("found_in", "caption", "related", "kept", "dropped"),
    [
        pytest.param(
            figure_spans,
            "40 planes parked at the airport",
            "Rival cuts 500 jobs",
            "12 million",
            ("40", "500", "22"),
            id="figures",
        ),
        pytest.param(
            claim_texts,
            "Travellers queue at a check-in desk",
            "Rival carrier says it will cut 500 jobs",
            "12 million passengers",
            ("Travellers", "Reuters", "500", "advice"),
            id="claims",
        ),
    ],
)
def test_figures_and_claims_skip_captions_datelines_related_links_and_disclaimers(
    found_in, caption: str, related: str, kept: str, dropped: tuple[str, ...]
):
    found = found_in(cluttered_page(caption, related))
    assert any(kept in x for x in found)
    assert not any(word in x for x in found for word in dropped)


def test_company_profile_and_newsletter_pitch_after_the_story():
    trail = (
        "About Example Mining Group\n\nExample Mining Group explores and processes mineral resources.\n\n"
        "Further Reading\n- Five stocks we like better than Example\n- How to buy stock\n\n"
        "Receive News & Ratings for Example Daily - Enter your email address below to get a summary.\n"
    )
    assert body_of(f"{STORY}\n\n{trail}") == STORY


@pytest.mark.parametrize(
    "last",
    [
        "About 20 percent of passengers flew on discounted fares.",  # "About" opens a sentence
        "It said demand would stay firm for the rest of the year.",
    ],
)
def test_closing_sentences_stay_in_thebody_of(last: str):
    text = f"{STORY}\n\n{last}"
    assert body_of(text) == text


def test_summary_and_key_points_above_the_wire_dateline_are_header():
    text = (
        "Airline traffic climbs as summer bookings surge\n\n"
        "Passenger numbers beat forecasts for a third straight month\n\n"
        "* Bookings up 8%\n* Fares steady\n\n"
        f"DUBLIN (Reuters) - {STORY}"
    )
    metadata = parse_metadata(text)
    assert text[metadata.body_start : metadata.body_end] == STORY
    assert metadata.publisher == "Reuters"


def test_list_after_the_headline_without_a_dateline_stays_in_thebody_of():
    story = "* Bookings rose 8% in May\n* Fares held steady\n\nThe airline expects a busy summer, it said on Monday."
    text = f"Airline Traffic Climbs as Summer Bookings Surge\n\n{story}"
    assert body_of(text) == story


def test_key_points_under_the_headline_are_header():
    text = (
        "Airline Traffic Climbs as Summer Bookings Surge\n\nKey Points\n"
        "• Passenger numbers rose 8% in May from a year earlier.\n"
        "• The carrier kept its fare guidance unchanged.\n\n"
        f"{STORY}"
    )
    assert body_of(text) == STORY


def test_markdown_images_and_captions_around_the_story():
    text = (
        "# Airline traffic climbs as summer bookings surge\n\n"
        "![Planes at the gate](https://example.com/planes.jpg)\n\n*Photo: Example Agency*\n\n"
        f"{STORY}\n\n![Chart of bookings](https://example.com/chart.png)\n"
    )
    assert body_of(text) == STORY


def test_related_headlines_without_a_header_are_cut():
    trail = (
        "Rival carrier cuts winter schedule\nFuel costs ease for European airlines\n"
        "Airport strike called off after pay deal"
    )
    assert body_of(f"{STORY}\n\n{trail}\n") == STORY


@pytest.mark.parametrize(
    "trail",
    [
        "- Revenue rose to $5 billion\n- Costs fell 2%\n- Margins widened",  # a bulleted list in the story
        "Rival carrier cuts winter schedule\nFuel costs ease for European airlines",  # two lines: too few to tell
    ],
)
def test_short_or_bulleted_endings_stay_in_thebody_of(trail: str):
    text = f"{STORY}\n\n{trail}"
    assert body_of(text) == text


def test_editors_note_above_the_story_is_header():
    note = "Editor's note: This story was updated with new figures."
    text = f"Airline Traffic Climbs as Summer Bookings Surge\n\n{note}\n\n{STORY}"
    assert body_of(text) == STORY
