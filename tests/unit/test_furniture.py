"""The one furniture module: line tests, wire datelines and the leading/trailing spans claims rely on."""

from __future__ import annotations

import pytest
from cases import cases

from newsfacts.metadata import furniture

FURNITURE_LINES = cases("""
    line
    Advertisement
    ADVERTISEMENT
    Story continues below advertisement
    Listen to this article
    4 min read
    FILE PHOTO: Workers walk past a refinery near the port.
    Photo: Getty Images
    Photograph: Staff photographer
    Credit: REUTERS/Staff Photographer
    A container ship leaves the harbour at dawn. (Photo by A. Person/AFP)
    Traders watch screens on the exchange floor, May 2, 2024. REUTERS/Some Photographer
    Table of Contents
    Home > News > Markets
    Home News World
    • World • Thursday, 22 May 2025
    Similar News
    Article Sources
    Related Coverage
    If you like this article, please share it with friends.
    For more news, visit our business section.
    Disclaimer: nothing here is a recommendation to trade.
    This article is for informational purposes only and does not constitute investment advice.
    Past performance is not a guide to future returns.
    The views and opinions expressed herein are those of the author alone.
    (Reporting by Ann Example; Editing by Ben Sample)
    Editor: Chen Example
    ((ann.example@newsdesk.example; +1 555 0100))
    (source: CNBC)
    Source: Reuters
    Request Demo
    # a link to another story set inside the body
    ALSO READ: Tin climbs to a two-year high on smelter outages
    Must read: Five charts on the housing slump
    ---
""")
PROSE_LINES = [
    "The central bank cut its key rate by half a point on Wednesday.",
    "Shares of the carmaker rose 4% after it raised its outlook.",
    "Photos of the damage circulated widely on social media, officials said.",  # mentions photos
    "Home prices rose 3% in May from a year earlier.",  # starts with "Home", not navigation
    "Sources said the talks could resume next week.",  # "Sources" opens a sentence
    "Editors at the paper voted to strike on Monday.",
    "World leaders met in Geneva to discuss the ceasefire.",
    "Past results were mixed, the company said.",
    "Also read the small print: fees rose 3% this year.",  # the label needs its colon or bar
    "",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines(line: str):
    assert furniture.is_furniture_line(line)


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_is_not_furniture(line: str):
    assert not furniture.is_furniture_line(line)


@pytest.mark.parametrize(
    ("line", "agency", "story"),
    cases("""
        line                                            | agency    | story
        LONDON (Reuters) - Oil prices fell.             | Reuters   | Oil prices fell.
        WASHINGTON, Oct. 29 (UPI) -- Lawmakers met.     | UPI       | Lawmakers met.
        (Xinhua) -- Exports rose.                       | Xinhua    | Exports rose.
        (RTTNews) - Shares slipped.                     | RTTNews   | Shares slipped.
        Sep 18 (Reuters) - Stocks rallied.              | Reuters   | Stocks rallied.
        TORONTO (Dow Jones)--The index climbed.         | Dow Jones | The index climbed.
        Springfield (AP) _ The mayor resigned.          | AP        | The mayor resigned.
        NEW DELHI - The monsoon arrived early.          | -         | The monsoon arrived early.
        NEW DELHI: The monsoon arrived early.           | -         | The monsoon arrived early.
        GENEVA/DUBAI: Cases rose again.                 | -         | Cases rose again.
        CHICAGO Aug 31 The department reopened offices. | -         | The department reopened offices.
    """),
)
def test_wire_datelines(line: str, agency: str | None, story: str):
    dateline = furniture.wire_dateline(line)
    assert dateline is not None
    assert dateline.agency == agency
    assert line[dateline.end :] == story


@pytest.mark.parametrize(
    "line",
    cases("""
        line
        # a ticker, not an agency
        Apple Inc (AAPL) - Shares rose after the launch.
        The Fed (FOMC) - whose members vote - held rates.
        Oil prices fell - and kept falling.
        # a place in title case with no agency
        New Delhi - the capital - saw record heat.
        # a title-case place opening a sentence
        Chicago Aug 31 was the hottest day of the year.
    """),
)
def test_not_wire_datelines(line: str):
    assert furniture.wire_dateline(line) is None


def test_leading_furniture_end_skips_ads_credits_and_dateline():
    text = "Advertisement\n\nPhoto: Getty Images\n\nLONDON (Reuters) - Oil prices fell on Monday.\n"
    assert text[furniture.leading_furniture_end(text) :].startswith("Oil prices fell")


def test_trailing_furniture_start_cuts_disclaimer_and_credits():
    story = "Oil prices fell on Monday as stocks built up."
    text = (
        f"{story}\n\n(Reporting by Ann Example; Editing by Ben Sample)\n\n"
        "This article is for informational purposes only and does not constitute investment advice.\n"
    )
    assert text[: furniture.trailing_furniture_start(text)].strip() == story


@pytest.mark.parametrize(
    "bio",
    cases("""
        bio
        Jane Smith is a senior correspondent covering Japanese politics.
        **John Roe** is an economist and columnist based in Tokyo.
        __Ann Lee__ is a freelance journalist based in Seoul.
        Tom Baker is the Asia editor of Example Weekly.
        Maria Costa has been a contributing writer since 2019.
    """),
)
def test_closing_bio_is_trailing_furniture(bio: str):
    story = "Oil prices fell on Monday as stocks built up."
    assert furniture.is_closing_bio(furniture.clean(bio))
    assert not furniture.is_furniture_line(bio)  # the same shape inside a story is a fact
    text = f"{story}\n\n{bio}\n"
    assert text[: furniture.trailing_furniture_start(text)].strip() == story


@pytest.mark.parametrize(
    "line",
    cases("""
        line
        Sanae Takaichi is a conservative politician who became prime minister in October.
        Ann Roe is a reporter who was detained in March.
        Ben Lee is a correspondent for the paper, the ministry said.
        Jane Smith, a senior correspondent for the network, said the talks had stalled.
        The correspondent is a veteran of three wars.
    """),
)
def test_closing_sentences_about_people_are_not_bios(line: str):
    assert not furniture.is_closing_bio(line)


def test_trailing_span_keeps_prose_that_mentions_sources():
    text = "Oil fell.\n\nSources said the talks could resume next week.\n"
    assert furniture.trailing_furniture_start(text) == len(text)


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Home News OPEC and allies agree to extend cuts", "OPEC and allies agree to extend cuts"),
        ("Home › Markets › Gold hits record as dollar slides", "Gold hits record as dollar slides"),
        ("Homeowners face higher insurance costs", "Homeowners face higher insurance costs"),
    ],
)
def test_breadcrumbs_glued_to_a_headline(text: str, stripped: str):
    assert furniture.strip_breadcrumbs(text) == stripped


@pytest.mark.parametrize(
    "line",
    cases("""
        line
        Ann Example says:
        Ben Sample on March 3, 2025 at 5:06 pm
        Posted by Ann Example at 10:15 AM
        Reply
    """),
)
def test_reader_comment_headers_are_furniture(line: str):
    assert furniture.is_furniture_line(line)


def test_comment_thread_after_the_story_is_cut():
    story = "Oil prices fell on Monday as stockpiles grew."
    text = f"{story}\n\n3 comments\n\nAnn Example says:\nGreat piece, thanks.\nReply\n"
    assert text[: furniture.trailing_furniture_start(text)].strip() == story


def test_furniture_lines_inside_a_story():
    text = (
        "Oil prices fell on Monday.\n\nAdvertisement\n\nStockpiles grew for a third week.\n"
        "A tanker at anchor off the coast. (Photo by A. Person/AFP)\nTraders expect more declines.\n"
    )
    spans = [text[start:end] for start, end in furniture.furniture_line_spans(text)]
    assert spans == ["Advertisement", "A tanker at anchor off the coast. (Photo by A. Person/AFP)"]


@pytest.mark.parametrize(
    "line",
    ["Share this:", "Like this:", "Like Loading...", "Sponsored Links", "Privacy Policy | Terms of Use | Contact Us"],
)
def test_page_footer_lines_are_furniture(line: str):
    assert furniture.is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    cases("""
    line
    Show Thumbnails
    Show Captions
    Full Article
    Read full story
"""),
)
def test_gallery_and_read_on_buttons_are_furniture(line: str):
    assert furniture.is_furniture_line(line)


def test_agency_pair_in_a_dateline():
    dateline = furniture.wire_dateline("Cape Canaveral, Florida (Florida Today/AP) -- The rocket lifted off.")
    assert dateline is not None and dateline.agency == "Florida Today/AP"


def test_figures_stage_skips_furniture_lines_inside_the_body():
    from newsfacts.stages.figures import figures_batch

    text = (
        "Copper rose 2.1% on Tuesday.\n"
        "ALSO READ: Tin climbs 9% to a two-year high\n"
        "Related: Nickel output hits 3 million tonnes\n"
        "Also Read | Zinc ends 12 cents weaker at $2.90\n"
        "Smelters idled 14 lines, the ministry said."
    )
    frame = figures_batch([("doc", text, 0, len(text), None)])["figures"]
    assert frame["raw_text"].to_list() == ["2.1%", "14"]


def test_furniture_at_offsets_reads_lines_as_the_span_finder_does():
    text = "Copper rose 2.1%.\r\nAdvertisement\nALSO READ: Tin climbs 9%\n\n" + "x " * 500 + "Read more: 4\nEnd."
    spans = furniture.furniture_line_spans(text)
    offsets = list(range(len(text)))
    expected = [any(a <= pos < b for a, b in spans) for pos in offsets]
    flags = furniture.on_furniture_lines(text, offsets)
    # a line break belongs to no span but to the line it ends; compare the lines' own characters
    assert [f for f, ch in zip(flags, text, strict=True) if ch not in "\r\n"] == [
        e for e, ch in zip(expected, text, strict=True) if ch not in "\r\n"
    ]
    assert flags[text.index("ALSO")] and not flags[text.index("Copper")]
