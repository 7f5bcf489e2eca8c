"""Shapes of a fifth, deliberately varied real batch (regional and foreign outlets, TV and radio
station sites, trade press, government releases): datelines, lists of other stories after the
article, bracketed sign-offs and copyright holders. Every page here is written for the test."""

from __future__ import annotations

import pytest

from newsfacts.metadata import parse_metadata
from newsfacts.metadata.furniture import copyright_holder, wire_dateline

HEADLINE = "Council approves new budget for road repairs"
STORY = (
    "The city council on Tuesday approved a budget that doubles spending on road repairs.\n\n"
    "Work on the first streets is due to start in the spring, the mayor said."
)


def _parsed(text: str) -> tuple[str, object]:
    metadata = parse_metadata(text)
    return text[metadata.body_start : metadata.body_end], metadata


# --- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "agency", "story"),
    [
        # An agency in capitals is the wire after a date, a place in capitals or a "City, State" place.
        ("Lagos [Nigeria], March 3 (NAN): The governor signed the bill.", "NAN", "The governor"),
        ("McALLEN, Texas (KRGV) - Crews cleared the road overnight.", "KRGV", "Crews cleared"),
        ("Dayton, Ohio (WDTN) - The school board met on Monday.", "WDTN", "The school board"),
        ("PERTH (WAN) - Miners returned to work.", "WAN", "Miners returned"),
        # A title-case name in brackets before a colon is the place's region: a dateline, no agency.
        ("Pune (Maharashtra): The civic body began a survey.", None, "The civic body"),
        ("Cork (Munster): Farmers met the minister on Friday.", None, "Farmers met"),
        # A known agency keeps its name whatever the punctuation.
        ("LONDON (Reuters) - Shares rose.", "Reuters", "Shares rose"),
    ],
)
def test_dateline_agency(line: str, agency: str | None, story: str):
    dateline = wire_dateline(line)
    assert dateline is not None
    assert dateline.agency == agency
    assert line[dateline.end :].startswith(story)


@pytest.mark.parametrize(
    "line",
    [
        "Example Corp (EXC) - The maker of widgets reported higher sales.",  # a ticker after a company name
        "Acme Foods (ACME): Quarterly sales rose 4%.",
        "READ: Suspect arrested after a chase through two towns",  # a link label, not a place
        "WATCH: Minister to speak about hospital plans at noon",
        "VIDEO: Flood waters rise in the valley",
    ],
)
def test_not_a_dateline(line: str):
    assert wire_dateline(line) is None


def test_dateline_agency_names_the_publisher():
    text = f"{HEADLINE}\n\nSpringfield, Ill. (WCIA) - {STORY}"
    body, metadata = _parsed(text)
    assert metadata.publisher == "WCIA"
    assert body == STORY


def test_region_in_brackets_is_no_publisher():
    text = f"{HEADLINE}\n\nNagpur (Maharashtra): {STORY}"
    body, metadata = _parsed(text)
    assert metadata.publisher is None
    assert body == STORY


def test_link_label_inside_the_story_keeps_the_story_whole():
    story = (
        "Police stopped the van on the highway late on Friday.\n"
        "READ: Driver charged after a crash on the same road last year\n"
        "The driver was taken into custody and will appear in court."
    )
    body, _ = _parsed(f"{HEADLINE}\n{story}")
    assert body == story


# --- other stories listed after the article --------------------------------------------------------

TEASERS = (
    "Bridge closes for a week of repairs\n"
    "Drivers will have to use the ferry while engineers replace the deck.\n"
    "School meals to cost more from April\n"
    "Parents will pay an extra 20 cents a day, the district said.\n"
    "Library extends its opening hours\n"
    "The main branch will now stay open until nine on weekdays"
)


@pytest.mark.parametrize(
    "trailer",
    [
        TEASERS,  # three headline + teaser pairs, the last one cut short by the scraper
        "-\nBridge closes for a week of repairs\nDrivers will have to use the ferry while engineers",  # a rule above
        "Top Stories\n-\nLOCAL\nBridge closes for a week of repairs\nDrivers will have to use the ferry.",  # a header
        "Bridge closes for a week of repairs\nDrivers will use the ferry while the deck is replaced. […]\n"
        "School meals to cost more from April\nParents will pay more, the district said. […]\n"
        "Library extends its opening hours\nThe main branch",
    ],
)
def test_teaser_list_after_the_story_is_cut(trailer: str):
    body, _ = _parsed(f"{HEADLINE}\n\n{STORY}\n{trailer}\n")
    assert body == STORY


@pytest.mark.parametrize(
    "ending",
    [
        # The story's own closing subheads: one or two, with nothing above them that sets a list apart.
        "What happens next\nThe council will vote again in June.",
        "Roads first\nThe first streets are in the north.\nParks later\nThe parks plan comes next year.",
        # Result lines with figures and no teaser: a list of results, not of links.
        "Quarterly highlights\nRevenue rose 8% to $12.1 million\nMargins rose 2 points to 31%\nCash rose 5% to $40",
    ],
)
def test_closing_subheads_and_results_stay_in_the_story(ending: str):
    story = f"{STORY}\n{ending}"
    body, _ = _parsed(f"{HEADLINE}\n\n{story}")
    assert body == story


# --- sign-offs, notes and credits closing the story -------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "publisher", "author"),
    [
        ('"We will keep going," she said. (IANS)', "IANS", None),  # a wire's name in brackets
        ("The vote is set for June. (UNB)", "UNB", None),
        ("The vote is set for June. (Maria T. Cruz)", None, "Maria T. Cruz"),  # the reporter in brackets
        ("The vote is set for June. (Sean O'Brien)", None, "Sean O'Brien"),
    ],
)
def test_bracketed_sign_off(closing: str, publisher: str | None, author: str | None):
    story = f"{STORY} {closing}"
    body, metadata = _parsed(f"{HEADLINE}\n\n{story}\n")
    assert body == story[: story.rindex(" (")]
    assert (metadata.publisher, metadata.author) == (publisher, author)


@pytest.mark.parametrize(
    "closing",
    [
        "The plan is backed by the World Health Organization (WHO)",  # no sentence ends before the bracket
        "The vote is set for June (see chart).",
        "The vote is set for June. (2)",
        "The vote is set for June. (MORE)",  # a wire's continuation mark, not its name
        "The vote is set for June. (Photo Gallery)",  # a note in brackets, not a reporter
        "The vote is set for June. (Additional Reporting)",
        "The vote is set for June. (Watch Live)",
    ],
)
def test_brackets_in_the_last_sentence_stay(closing: str):
    story = f"{STORY} {closing}"
    body, metadata = _parsed(f"{HEADLINE}\n\n{story}\n")
    assert body == story
    assert metadata.author is None and metadata.publisher is None


@pytest.mark.parametrize(
    "note",
    [
        "(This story has not been edited by our staff and is published from a syndicated feed.)",
        "(To get our newsletter every morning, please click here. Sharing is welcome.)",
        "More to come.",
        "Abstract/Full Text (subscription or payment may be required)",
    ],
)
def test_closing_notes_are_furniture(note: str):
    body, _ = _parsed(f"{HEADLINE}\n\n{STORY}\n\n{note}\n")
    assert body == STORY


def test_a_sentence_about_clicking_stays_in_the_story():
    story = f"{STORY}\n\nResidents can click here and there on the new map to report potholes."
    body, _ = _parsed(f"{HEADLINE}\n\n{story}\n")
    assert body == story


# --- copyright holders --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2023 Valley Public Radio", "Valley Public Radio"),
        ("© 2022 Metro News, a division of Example Media Inc.", "Metro News"),  # the outlet before its owner
        ("© 2025 Reuters. All rights reserved.", "Reuters"),
        ("© 2024 Getty Images", None),  # a picture library's caption credit
        ("© 2025 Example Holdings Ltd", None),  # a company by its legal form owns the site
        ("Copyright 2021 Sample Media Group", None),
        ("© 2020 all rights reserved", None),
    ],
)
def test_copyright_holder(line: str, holder: str | None):
    assert copyright_holder(line) == holder


def test_copyright_footer_names_the_publisher_and_ends_the_story():
    text = f"{HEADLINE}\n\n{STORY}\n\n© 2023 Valley Public Radio\n"
    body, metadata = _parsed(text)
    assert body == STORY
    assert metadata.publisher == "Valley Public Radio"


# --- the header -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "story"),
    [
        # A dateline on its own line is header, never the headline.
        (f"date 2022-03-04 OREGON, March 4 - Salem\n\nMar 4, 2022\n\n{STORY}", None, STORY),
        (f"WESTERN CAPE, June 9 - Cape Town\n\n{STORY}", None, STORY),
        # A caption with its photo credit after the crawler's date is no headline.
        (f"date 2021-07-20 The minister speaks to reporters. (Photo/Example Agency)\n\n{STORY}", None, STORY),
        # An address strip and a crumb that repeats the headline stand above it.
        (
            f"12 Quay Street, Hobart, TAS, 7000 0400 111 222 office@example.org\n\n  • Home\n  • {HEADLINE}\n\n"
            f"{HEADLINE}\n\n{STORY}",
            HEADLINE,
            STORY,
        ),
        # A call to action between the headline and the story does not hide the headline.
        (f"{HEADLINE}\n\nDownload the full report here.\n\n{STORY}", HEADLINE, STORY),
        # One bulleted summary under the headline is header; the story follows it.
        (f"{HEADLINE}\n- Crews will start in the north. The plan runs for two years.\n{STORY}", HEADLINE, STORY),
    ],
)
def test_header_lines(text: str, title: str | None, story: str):
    body, metadata = _parsed(text)
    assert metadata.title == title
    assert body == story


@pytest.mark.parametrize(
    "headline",
    [
        # Long sentence-case headlines that name people and places.
        "“We will not stop until every road is fixed,” says Mayor Ana Lima as Porto Alegre and Canoas "
        "start the largest repair plan",
        "Union Minister Rita Sen hits out at opposition leader Omar Khan for asking about a separate "
        "Ministry for Ports that already exists",
    ],
)
def test_long_headline_with_names(headline: str):
    assert parse_metadata(f"{headline}\n\n{STORY}").title == headline


def test_long_unpunctuated_line_without_names_is_no_headline():
    line = "the works will go on through the summer and into the autumn as long as the weather " * 2
    assert parse_metadata(f"{line.strip().capitalize()}\n\n{STORY}").title is None


def test_a_list_under_the_headline_stays_in_the_story():
    story = f"- Crews start in the north.\n- Parks come next year.\n\n{STORY}"
    body, _ = _parsed(f"Council Approves New Budget for Road Repairs\n\n{story}")
    assert body == story


@pytest.mark.parametrize(
    ("line", "author", "publisher"),
    [
        ("By Ann Roe THE EXAMPLE PRESS OTTAWA — ", "Ann Roe", "The Example Press"),
        ("By Jon McKay THE DAILY NEWS WINNIPEG - ", "Jon McKay", "The Daily News"),
        ("By Ann Roe OTTAWA — ", "Ann Roe", None),  # a place only: no outlet
    ],
)
def test_byline_glued_to_an_outlet_and_a_place(line: str, author: str, publisher: str | None):
    body, metadata = _parsed(f"date 2023-10-11 {line}{STORY}")
    assert (metadata.author, metadata.publisher) == (author, publisher)
    assert body == STORY


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (f"{HEADLINE}\n\nAnn Roe\nStaff Writer\n\n{STORY}", "Ann Roe"),  # a name, its role under it
        (f"{HEADLINE}\n\nAnn Roe\nWriter\n\n{STORY}", "Ann Roe"),
        (f"{HEADLINE}\n\nRoad Works\nCity Desk Notes\n\n{STORY}", None),  # no role: no byline
    ],
)
def test_name_over_a_role_line(text: str, author: str | None):
    assert parse_metadata(text).author == author


def test_date_dateline_opening_the_story():
    text = f"date 2017-11-01 Thursday November 9, 2017 - {STORY}"
    body, metadata = _parsed(text)
    assert body == STORY
    assert metadata.published_date is not None and metadata.published_date.isoformat() == "2017-11-01"


@pytest.mark.parametrize(
    ("strip", "publisher", "date"),
    [
        ("PTI | Pune | Updated: 14-03-2022 10:05 IST | Created: 14-03-2022 09:40 IST", "PTI", "2022-03-14"),
        ("Reuters | London | March 3, 2025", "Reuters", "2025-03-03"),
    ],
)
def test_credit_strip_names_outlet_and_date(strip: str, publisher: str, date: str):
    body, metadata = _parsed(f"{strip}\n{HEADLINE}\n{STORY}")
    assert metadata.publisher == publisher
    assert metadata.published_date is not None and metadata.published_date.isoformat() == date
    assert metadata.title == HEADLINE
    assert body == STORY


def test_a_menu_between_bars_is_no_credit_strip():
    _, metadata = _parsed(f"News | Sport | Weather | March 3, 2025\n{HEADLINE}\n{STORY}")
    assert metadata.publisher is None


def test_markup_left_before_the_first_sentence_is_skipped():
    text = f'{HEADLINE}\n\n<span style="color: #222;">{STORY}'
    body, _ = _parsed(text)
    assert body == STORY


@pytest.mark.parametrize(
    ("tools", "story_starts"),
    [
        ("comments Print", "The city council"),  # the toolbar marks where the story starts
        ("Share | Email | Print", "The city council"),
    ],
)
def test_standfirst_above_a_toolbar(tools: str, story_starts: str):
    text = f"{HEADLINE}\n\nRoads come first, parks later, the plan says.\n\n{tools}\n{STORY}"
    body, _ = _parsed(text)
    assert body.startswith(story_starts)


def test_first_paragraph_above_an_ad_slot_stays_in_the_story():
    story = f"{STORY.split(chr(10))[0]}\n\nAdvertisement\n\nWork on the first streets is due to start in the spring."
    body, _ = _parsed(f"{HEADLINE}\n\n{story}")
    assert body == story


def test_footer_then_a_neighbouring_link():
    footer = "© 2022 Metro News, a division of Example Media Inc."
    text = f"{HEADLINE}\n\n{STORY}\n\n{footer}\n\nHarbour ferry fares rise from June"
    body, metadata = _parsed(text)
    assert body == STORY
    assert metadata.publisher == "Metro News"


# --- known gaps (real shapes the rules do not read yet) ---------------------------------------------


@pytest.mark.xfail(strict=True, reason="a site banner's clock date above the masthead reads as the publication date")
def test_gap_banner_clock_date_is_not_the_publication_date():
    text = f"Sunday, December 21, 2025 | 12:08 AM IST\nExample Standard\n\n{HEADLINE}\n\n{STORY}"
    assert parse_metadata(text).published_date is None


@pytest.mark.xfail(strict=True, reason="a video caption under the headline reads as the first paragraph")
def test_gap_video_caption_under_the_headline():
    caption = "Ann Roe explains what the new budget means for drivers and why the repairs take so long."
    body, _ = _parsed(f"{HEADLINE}\n\n{caption}\n\n{STORY}")
    assert body == STORY


@pytest.mark.xfail(strict=True, reason="a sidebar of other stories between the byline and the story is read as it")
def test_gap_sidebar_between_byline_and_story():
    sidebar = "Harbour ferry fares rise from June\n\nBy Ben Sample The ferry operator said fares will rise by…\n\nAd"
    body, _ = _parsed(f"{HEADLINE}\n\nAnn Roe\nWriter\n\nAd\n\n{sidebar}\n\n\n{STORY}")
    assert body == STORY


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("brand logo", HEADLINE),  # an image's alt text in lower case
        ("General News", HEADLINE),  # "<Name> News": a section
        ("Local Stories", HEADLINE),
    ],
)
def test_short_line_above_the_headline_is_navigation(first: str, title: str):
    body, metadata = _parsed(f"{first}\n\n{title}\n\n{STORY}")
    assert metadata.title == title
    assert body == STORY


def test_short_sentence_case_heading_stays_in_the_story():
    story = f"What happened\n\n{STORY}"
    body, _ = _parsed(story)
    assert body == story


@pytest.mark.xfail(strict=True, reason="key points in bullets between the date and the story hide the headline")
def test_gap_key_points_after_the_date():
    points = "  • Crews start in the north\n  • Parks come next year"
    text = f"{HEADLINE}\n\n01 Jan 2022\n\n{points}\n{STORY}"
    body, metadata = _parsed(text)
    assert (metadata.title, body) == (HEADLINE, STORY)


@pytest.mark.xfail(strict=True, reason="a 'Home Blog Page N' trail reads as the headline")
def test_gap_blog_page_trail_above_the_headline():
    assert parse_metadata(f"Home Blog Page 317\n\n{HEADLINE}\n\n{STORY}").title == HEADLINE


def test_copyright_under_the_headline_is_a_photo_credit():
    text = f"{HEADLINE}\n\n© 2024 Ann Roe\n\n{STORY}"
    assert parse_metadata(text).publisher is None


def test_copyright_above_the_headline_names_the_site():
    text = f"© 2024 Valley Public Radio\n\n{HEADLINE}\n\n{STORY}"
    assert parse_metadata(text).publisher == "Valley Public Radio"


def test_station_chrome_above_the_headline():
    chrome = (
        "© 2024 Valley Public Radio\n\nPublic Files:\nKVPR · KVPR-FM · KVPS\nContact · FAQ · Help\n"
        "Play Live Radio\nNext Up:\n0:00\n0:00 0:00\nAvailable On Air Stations\n\n"
    )
    text = f"{chrome}{HEADLINE}\n\nann_roe/iStock\n/\nStockhouse\n\n{STORY}"
    body, metadata = _parsed(text)
    assert (metadata.title, metadata.publisher) == (HEADLINE, "Valley Public Radio")
    assert body == STORY


@pytest.mark.parametrize(
    "first",
    [
        "What changes:",  # a short heading with a colon, then the story's own list: not a menu label
        "Here is how it works:",
    ],
)
def test_colon_heading_over_prose_is_no_menu_label(first: str):
    story = f"{first}\n{STORY}"
    body, _ = _parsed(story)
    assert body == story


def test_caption_printed_with_each_copy_of_the_picture():
    caption = "The mayor walks along a street that the new budget will repair next spring."
    header = (
        f"{HEADLINE}\n\n{caption}\nAnn Roe\n/\nValley Radio\n{caption}\nCredit Ann Roe / Valley Radio\n{caption}\n\n"
    )
    body, metadata = _parsed(header + STORY)
    assert body == STORY
    assert metadata.author is None  # the picture's credit names no writer


def test_first_paragraph_not_printed_again_stays():
    body, _ = _parsed(f"{HEADLINE}\n\n{STORY}\n\nThe council meets again next week.")
    assert body.startswith("The city council on Tuesday")
