"""Periods stated in the text or relative to the published date, in the contract's formats."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.facts.period import DocumentPeriods, at_grain, find_period, year_before

PUBLISHED = dt.date(2025, 10, 16)  # a Thursday

STATED = [
    ("Inflation eased in September.", "2025-09"),
    ("September's reading was higher.", "2025-09"),
    ("The index rose in August 2024.", "2024-08"),
    ("The Fed met on Sept. 17, 2025.", "2025-09-17"),
    ("The vote was held on 4 July 2024.", "2024-07-04"),
    ("Third-quarter output grew.", "2025-Q3"),
    ("Revenue in Q2 2024 fell.", "2024-Q2"),
    ("Fiscal third-quarter sales rose.", "FY2025-Q3"),
    ("Results for the second quarter of fiscal 2026 beat.", "FY2026-Q2"),
    ("Results for the fourth fiscal quarter of 2022 beat.", "FY2022-Q4"),
    ("It expects growth this fiscal year.", "FY2025"),
    ("Prices rose in 2024.", "2024"),
    ("Stocks fell on Wednesday.", "2025-10-15"),
    ("Stocks fell on Thursday.", "2025-10-16"),
    ("Shares slid yesterday.", "2025-10-15"),
    ("Sales rose last month.", "2025-09"),
    ("Prices fell last year.", "2024"),
    ("A cut in December is likely.", "2025-12"),  # a month just ahead is this year's
    ("In January, prices had risen.", "2025-01"),  # a month far ahead is last year's
]  # fmt: skip


@pytest.mark.parametrize(("text", "period"), STATED)
def test_stated_and_relative_periods(text: str, period: str) -> None:
    found = find_period(text, PUBLISHED)
    assert found is not None and found.period == period


NOT_PERIODS = [
    "You may see gains.",  # "may" the verb
    "The 10-year yield rose.",  # a tenor
    "Shares rose 2.5% to $2025.50.",  # a price
]


@pytest.mark.parametrize("text", NOT_PERIODS)
def test_no_period(text: str) -> None:
    assert find_period(text, PUBLISHED) is None


def test_relative_periods_need_a_published_date() -> None:
    assert find_period("Stocks fell on Wednesday.", None) is None
    assert find_period("Sales rose last month.", None) is None
    assert find_period("Inflation eased in September 2025.", None).period == "2025-09"


def test_a_comparison_base_is_not_the_articles_main_period() -> None:
    body = "Prices rose 0.4% in September. Core prices rose 0.3% in September, down from August."
    assert DocumentPeriods(body, PUBLISHED).default("month") == "2025-09"


def test_the_day_defaults_to_the_published_date() -> None:
    assert DocumentPeriods("No dates here.", PUBLISHED).default("day") == "2025-10-16"
    assert DocumentPeriods("No dates here.", None).default("day") is None


# Results appear after their quarter ends: a calendar quarter not over on the published date (the
# 16th of October 2025 here), said with no year, can only be a fiscal quarter when a story reports it.
UNENDED_QUARTERS = [
    ("2025-Q4", "fourth-quarter", True),  # still running
    ("2025-Q4", "Q4", True),  # the quarter's own digit is no year
    ("2026-Q1", "first quarter", True),  # still ahead
    ("2025-Q4", "fourth quarter of 2025", False),  # the calendar quarter, named
    ("2025-Q4", "Q4 25", False),
    ("2025-Q3", "third quarter", False),  # over
    ("2024-Q4", "fourth quarter", False),
    ("FY2025-Q4", "fourth quarter", False),  # already fiscal
    ("2025-10", "October", False),  # not a quarter
]


@pytest.mark.parametrize(("period", "said", "unended"), UNENDED_QUARTERS)
def test_a_quarter_not_over_on_the_published_date(period: str, said: str, unended: bool) -> None:
    assert DocumentPeriods("No dates here.", PUBLISHED).unended_quarter(period, said) is unended
    assert DocumentPeriods("No dates here.", None).unended_quarter(period, said) is False


GRAINS = [
    ("2025-09-17", "month", "2025-09"),
    ("2025-09-17", "quarter", "2025-Q3"),
    ("2025-09", "year", "2025"),
    ("FY2026-Q2", "year", "2026"),
    ("2025", "month", None),  # coarser than the grain: not a month
    ("2025-09", "day", None),
    ("2025-09-17", "none", None),
]


@pytest.mark.parametrize(("period", "grain", "expected"), GRAINS)
def test_periods_cut_to_a_grain(period: str, grain: str, expected: str | None) -> None:
    assert at_grain(period, grain) == expected


YEAR_BEFORE = [
    ("2022-Q4", "2021-Q4"),
    ("FY2022-Q4", "FY2021-Q4"),
    ("2024-09", "2023-09"),
    ("2024", "2023"),
    ("FY2025", "FY2024"),
    ("2024-09-18", None),  # a day a year earlier is no comparison period anyone reports
    ("soon", None),
]  # fmt: skip


@pytest.mark.parametrize(("period", "expected"), YEAR_BEFORE)
def test_the_same_period_a_year_earlier(period: str, expected: str | None) -> None:
    assert year_before(period) == expected
