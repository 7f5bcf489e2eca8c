"""Durations, dates, years and decades."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import only_figure

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                                  | raw                  | value: number | unit
        They spoke for 15 minutes.            | 15 minutes           | 15            | minute
        It took 2.5 hours.                    | 2.5 hours            | 2.5           | hour
        A meeting within 180 days.            | 180 days             | 180           | day
        It lasted 6 weeks.                    | 6 weeks              | 6             | week
        Over 3 quarters.                      | 3 quarters           | 3             | quarter
        Highs not seen in more than 30 years. | 30 years             | 30            | year
        For three years they waited.          | three years          | 3             | year
        It took two decades.                  | two decades          | 20            | year
        A 90-day pause.                       | 90-day               | 90            | day
        A 15-minute call.                     | 15-minute            | 15            | minute
        It lasted one and a half years.       | one and a half years | 1.5           | year
        The ruins stood for four centuries.   | four centuries       | 400           | year
        The jury took half an hour.           | half an hour         | 0.5           | hour
        # "60 in five" is no proportion
        It goes zero to 60 in five seconds.   | five seconds         | 5             | second
        # race times in seconds
        She won in 2:21:07 in Boston.         | 2:21:07              | 8467          | second
        He ran the mile in 3:51.40.           | 3:51.40              | 231.4         | second
        # a span that marks a high or a low is still a span
        Mortgage rates sit near a three-year low. | three-year       | 3             | year
        The index hit a 52-week high.          | 52-week             | 52            | week
    """),
)
def test_durations(text: str, raw: str, value: float, unit: str) -> None:
    only_figure(text, kind="duration", raw_text=raw, value=value, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "The 10-year yield rose.",
        "A 30-year bond auction.",
        "Three quarters of voters agree.",
        # a loan's tenor names the product
        "For 30-year jumbo loans, the rate was 6.4%.",
        # two words may stand between the tenor and the bond noun
        "The 10-year Spanish government bond yield eased.",
        "Demand for the 20-year US Treasury auction was weak.",
        # clock times are no spans
        "Trading opens at 9:30:00 am.",
        "The blast came at 4:15:10 GMT.",
        "Doors open at 12:00 sharp.",
    ],
)
def test_not_durations(text: str) -> None:
    assert all(f.kind != "duration" for f in extract_figures(text))


@pytest.mark.parametrize(
    ("text", "raw", "value", "qualifier"),
    cases("""
        text                               | raw          | value: number | qualifier
        In late October 2025, he returned. | October 2025 | 2025          | exact
        The July 2025 framework.           | July 2025    | 2025          | exact
        Defense budgets to rise by 2027.   | 2027         | 2027          | exact
        At Camp David in 2023, they met.   | 2023         | 2023          | exact
        President Trump’s 2025 visit.      | 2025         | 2025          | exact
        Progress by mid-2026 is needed.    | 2026         | 2026          | exact
        An early-2026 roadmap.             | 2026         | 2026          | exact
        Not seen since the 1980s boom.     | 1980s        | 1980          | approx
        Signed on July 4, 2025.            | July 4, 2025 | 2025          | exact
        Signed on 4 July 2025.             | 4 July 2025  | 2025          | exact
        Output in Q3 2025 fell.            | 2025         | 2025          | exact
        Around 2020 things changed.        | 2020         | 2020          | approx
    """),
)
def test_dates(text: str, raw: str, value: float, qualifier: str) -> None:
    only_figure(text, kind="date", unit="year", raw_text=raw, value=value, qualifier=qualifier)


def test_year_like_number_is_never_a_count() -> None:
    assert [f.kind for f in extract_figures("Ahead of 2025 tariff rewrites.")] == ["date"]
    assert [g.kind for g in extract_figures("2000 troops arrived.")] == ["date"]
    assert [g.kind for g in extract_figures("2,000 troops arrived.")] == ["count"]


def test_day_of_month_alone_is_not_a_figure() -> None:
    assert extract_figures("It happened on July 4 last year.") == []


def test_a_span_before_other_nouns_stays_a_duration() -> None:
    # "a 10-year prison sentence" is a span of time, whatever follows it later in the sentence
    (f,) = [f for f in extract_figures("He got a 10-year prison sentence for bond fraud.") if f.kind == "duration"]
    assert (f.raw_text, f.value, f.unit) == ("10-year", 10, "year")


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        # a noun of a deal after the tenor's noun makes the span the deal's length
        ("The banks signed a three-year currency swap agreement.", "three-year"),
        ("It agreed a five-year loan facility with lenders.", "five-year"),
        ("They struck a 10-year bond programme.", "10-year"),
    ],
)
def test_length_of_a_deal_named_like_a_tenor(text: str, raw: str) -> None:
    assert [f.raw_text for f in extract_figures(text) if f.kind == "duration"] == [raw]


def test_tenor_without_a_deal_noun_stays_a_name() -> None:
    assert [f for f in extract_figures("The 2-year swap rate eased.") if f.kind == "duration"] == []
