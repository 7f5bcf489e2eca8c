"""Headlines on real news pages: wire shorthand, colon sources, numbers, navigation glued in front."""

from __future__ import annotations

import datetime

import pytest
from cases import cases
from metadata_expect import assert_reads, parsed

from newsfacts.metadata import parse_metadata

STORY = (
    "The health agency said on Tuesday that the outbreak had spread to three more provinces, and that "
    "new cases were still being reported every day."
)


@pytest.mark.parametrize(
    ("headline", "title"),
    cases("""
        headline                                                    | title
        Cholera deaths in the region climb to 2,300: WHO            | -
        Central bank trims rates 25 bp in first cut since 2020      | -
        Copper hits 11-month high as supply fears mount             | -
        Regional carrier orders 40 jets worth $4.5 billion          | -
        CANADA STOCKS-TSX edges up as energy shares gain            | -
        Watch: Rocket lifts 40 satellites into orbit                | -
        # "Home" opens the headline, no navigation
        Home sales fall for a third month                           | -
        Disclaimer rules for online finance influencers tightened   | -
        Sources say producers will extend output cuts               | -
        Home News OPEC and allies extend output cuts into next year | OPEC and allies extend output cuts into next year
        Home › Markets › Gold slips from record as dollar firms     | Gold slips from record as dollar firms
    """),
)
def test_headline_shapes(headline: str, title: str | None):
    for text in (f"{headline}\n\n{STORY}\n", f"{headline}\n{STORY}\n"):
        metadata, body = parsed(text)
        assert metadata.title == (title or headline)
        assert body == STORY


def test_headline_below_masthead_section_and_ads():
    text = f"Reuters\n\nWorld\n\nAdvertisement\n\nFlood waters recede in the north after week of rain\n\n{STORY}\n"
    assert_reads(text, STORY, title="Flood waters recede in the north after week of rain", publisher="Reuters")


def test_headline_above_photo_caption_and_byline():
    text = (
        "Chipmaker beats forecasts on strong data centre demand\n\n"
        "FILE PHOTO: A logo is seen at the company's headquarters. REUTERS/Some Photographer/File Photo\n\n"
        "By Ann Example\n\n"
        f"{STORY}\n"
    )
    assert_reads(text, STORY, title="Chipmaker beats forecasts on strong data centre demand", author="Ann Example")


@pytest.mark.parametrize(
    "first_line",
    cases("""
        first_line
        # a sentence, not a headline
        The agency said on Tuesday that the outbreak had spread.
        Officials warned, however, that more cases would follow,
        # a key and a value
        title: Not A Heading
        Tags: health, outbreak, region
        Photo: Getty Images
        Related Articles
        Subscribe now
        # a sentence that lost its full stop
        In a statement, the company said it expected growth to slow
        According to the ministry, exports rose 5% in May
        # menu labels run together
        HomeMarkets BusinessTech OpinionVideo Newsletters
    """),
)
def test_first_lines_that_are_not_headlines(first_line: str):
    assert parse_metadata(f"{first_line}\n\n{STORY}\n").title is None


def test_sentence_case_line_above_bullets_is_not_a_headline():
    assert parse_metadata("what the agency found\n\n- one\n- two\n").title is None


def test_kicker_and_section_between_headline_and_story():
    text = (
        "Producers announce surprise cut in output\nPAIN AT THE PUMP\n\nWorld News\n\n"
        "April 14, 2020 - 9:04 AM\n\n"
        f"{STORY}\n"
    )
    assert_reads(
        text, STORY, title="Producers announce surprise cut in output", published_date=datetime.date(2020, 4, 14)
    )


def test_short_column_name_above_the_headline_is_a_kicker():
    text = f"Agency Brief Today\n\nOutbreak spreads to three more provinces in the south\n\n{STORY}\n"
    assert parse_metadata(text).title == "Outbreak spreads to three more provinces in the south"


def test_widget_sentence_above_the_headline_is_not_the_story():
    text = f"Close this search box.\n\nOutbreak Spreads to Three More Provinces\n\n{STORY}\n"
    metadata, body = parsed(text)
    assert metadata.title == "Outbreak Spreads to Three More Provinces"
    assert body == STORY


def test_story_subheading_on_the_first_line_stays_in_the_body():
    text = f"What happened\n\n{STORY}\n"
    metadata, body = parsed(text)
    assert metadata.title is None
    assert body == text.strip()


@pytest.mark.parametrize(
    "nav",
    cases("""
    nav
    Menu
    US Markets
    NEWS
    BLDP
"""),
)
def test_menu_words_and_tickers_above_the_headline_are_header(nav: str):
    text = f"{nav}\n\nOutbreak spreads to three more provinces in the south\n\n{STORY}\n"
    metadata, body = parsed(text)
    assert metadata.title == "Outbreak spreads to three more provinces in the south"
    assert body == STORY


def test_hard_wrapped_first_line_is_prose_not_a_headline():
    text = "An official said the economy would grow\nat around 5 percent this year, officials said.\n"
    assert parse_metadata(text).title is None


def test_headline_printed_twice_with_staff_byline_and_read_time():
    text = (
        "Steel output to fall this year - Xinhua\nJuly 20, 2015 / 5:16 AM / 2 years ago\n\n"
        "Steel output to fall this year - Xinhua\n\nExample Staff\n\n1 Min Read\n\n"
        f"BEIJING (Reuters) - {STORY}\n"
    )
    assert_reads(
        text,
        STORY,
        title="Steel output to fall this year - Xinhua",
        author="Example Staff",
        published_date=datetime.date(2015, 7, 20),
        publisher="Reuters",
    )


def test_headline_after_a_labelled_date_on_the_same_line():
    text = f" date 2017-06-05 Outbreak death toll nears 700: WHO\nGENEVA: {STORY}\n"
    assert_reads(text, STORY, title="Outbreak death toll nears 700: WHO", published_date=datetime.date(2017, 6, 5))


def test_short_headline_keeps_its_place_above_an_unpunctuated_deck():
    text = f"Fed Holds Rates Steady\n\nPolicymakers signal two cuts later this year as inflation cools\n\n{STORY}\n"
    assert parse_metadata(text).title == "Fed Holds Rates Steady"


def test_all_capitals_headline_of_short_words_is_not_a_ticker_list():
    text = f"FED CUTS RATES AGAIN\n\n{STORY}\n"
    assert parse_metadata(text).title == "FED CUTS RATES AGAIN"


@pytest.mark.parametrize("headline", ["PayPal and YouTube team up on payments", "BlackRock raises stake in MasterCard"])
def test_brand_names_with_inner_capitals_stay_a_headline(headline: str):
    assert parse_metadata(f"{headline}\n\n{STORY}\n").title == headline


def test_sentence_case_question_with_a_byline_under_it_is_a_headline():
    text = f"Is the outbreak finally slowing?\n\nBy Ann Example\n\n{STORY}\n"
    metadata, body = parsed(text)
    assert metadata.title == "Is the outbreak finally slowing?"
    assert body == STORY
