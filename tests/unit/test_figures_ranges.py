"""Ranges of every form: hyphen and dash, to, between ... and, from ... to, shared units and scales."""

from __future__ import annotations

import pytest

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "kind", "unit", "low", "high"),
    [
        ("Early polls show approval from 64-75%.", "64-75%", "percent", "percent", 64, 75),
        ("Over the next 1-3 months.", "1-3 months", "duration", "month", 1, 3),
        ("Over the next 1–3 months.", "1–3 months", "duration", "month", 1, 3),
        ("Over the next 12-24 months.", "12-24 months", "duration", "month", 12, 24),
        ("Between 5% and 7% of voters.", "5% and 7%", "percent", "percent", 5, 7),
        ("Between 5 and 7 percent of voters.", "5 and 7 percent", "percent", "percent", 5, 7),
        ("It took two to three years.", "two to three years", "duration", "year", 2, 3),
        ("Costs of $5-7 billion.", "$5-7 billion", "money", "USD", 5e9, 7e9),
        ("Costs of $10 million-$20 million.", "$10 million-$20 million", "money", "USD", 1e7, 2e7),
        ("Between $5bn and $7bn was raised.", "$5bn and $7bn", "money", "USD", 5e9, 7e9),
        ("From 2020 to 2025 prices rose.", "2020 to 2025", "date", "year", 2020, 2025),
        ("The 2024-25 season.", "2024-25", "date", "year", 2024, 2025),
        ("Between 2020 and 2025, output grew.", "2020 and 2025", "date", "year", 2020, 2025),
        ("Between 10 and 15 companies bid.", "10 and 15", "count", "count", 10, 15),
        ("Rates rose 25-50 basis points.", "25-50 basis points", "percent", "percentage_point", 0.25, 0.5),
        # "to" written with hyphens, a space after the second one allowed
        ("The target band is two-to-four percent.", "two-to-four percent", "percent", "percent", 2, 4),
        ("Prices sat in a four-to- seven percent band.", "four-to- seven percent", "percent", "percent", 4, 7),
        ("Repairs need 3-to-5 weeks.", "3-to-5 weeks", "duration", "week", 3, 5),
        # points in a poll's range are percentage points, spelled or not; an index's stay points
        (
            "Surveys gave her a lead of between five and nine points.",
            "five and nine points",
            "percent",
            "percentage_point",
            5,
            9,
        ),
        ("Voters favoured the plan by 3-6 points.", "3-6 points", "percent", "percentage_point", 3, 6),
        ("The Dow swung between 150 and 300 points.", "150 and 300 points", "quantity", "point", 150, 300),
        # "from ... to" with no change stated bounds one value
        ("It ships with from 4 to 16 GB of memory.", "4 to 16 GB", "quantity", "GB", 4, 16),
        ("Tickets will cost from 20 to 45 dollars.", "20 to 45 dollars", "money", "USD", 20, 45),
        # the first end's hyphen waits for the unit the second end carries
        ("Crews will build a 6- to 9-metre levee.", "6- to 9-metre", "quantity", "m", 6, 9),
        ("Economists see a 2- to 4-percent dip.", "2- to 4-percent", "percent", "percent", 2, 4),
        ("Loans run between 10- and 15-year terms.", "10- and 15-year", "duration", "year", 10, 15),
        # below zero either end may come first; a range may span zero
        ("Nights fell to between -12C and -20C.", "-12C and -20C", "quantity", "degC", -20, -12),
        ("Forecasts put lows at -30 °C to -25 °C.", "-30 °C to -25 °C", "quantity", "degC", -30, -25),
        ("Margins sat at -1% to 2% across the group.", "-1% to 2%", "percent", "percent", -1, 2),
        # a counted subject named before the range, with a verb of spread
        ("The number of injured ranged from 40 to 60.", "40 to 60", "count", "count", 40, 60),
    ],
)
def test_ranges(text: str, raw: str, kind: str, unit: str, low: float, high: float) -> None:
    (f,) = extract_figures(text)
    assert (f.raw_text, f.kind, f.unit, f.qualifier) == (raw, kind, unit, "range")
    assert f.value is None
    assert (f.value_low, f.value_high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "text",
    [
        # a change verb or noun before "from": a change and its two levels, not a range
        "Unemployment climbed from 4 to 6 percent.",
        "The fare went from 2 to 3 dollars.",
        "It forecast an increase from 5 to 8 percent.",
        # a change across zero, and a hyphen inside a name before the first end
        "The balance swung from 5% to -3%.",
        "Cases from COVID-19 to 2021 were counted.",
    ],
)
def test_from_to_after_a_change_is_no_range(text: str) -> None:
    assert [f for f in extract_figures(text) if f.qualifier == "range"] == []


def test_ends_with_different_units_are_two_figures() -> None:
    figures = extract_figures("Prices fell 3.2% to ¥10,000.")
    assert [(f.kind, f.qualifier) for f in figures] == [("percent", "exact"), ("money", "exact")]


def test_a_between_range_restated_in_brackets_in_another_unit() -> None:
    figures = extract_figures("The trail climbs between 900 and 1,200 feet (274 and 366 metres) in all.")
    assert [(f.unit, f.value_low, f.value_high) for f in figures] == [("ft", 900, 1200), ("m", 274, 366)]


def test_numbers_in_brackets_with_no_between_range_before_are_no_range() -> None:
    assert [f for f in extract_figures("The council (9 and 11 members) met.") if f.qualifier == "range"] == []


def test_and_without_between_is_not_a_range() -> None:
    assert [f.raw_text for f in extract_figures("It grew 5% and 7% in turn.")] == ["5%", "7%"]


def test_iso_date_is_not_a_range() -> None:
    assert extract_figures("date  : 2025-11-13 12:00:00 +0800") == []


@pytest.mark.xfail(
    strict=True, reason="a range whose high end opens with its decimal point ('.25-.50') reads as its high end alone"
)
def test_a_range_of_two_leading_decimals() -> None:
    (f,) = extract_figures("Showers may leave .25-.50 inch in the valley.")
    assert (f.qualifier, f.value_low, f.value_high, f.unit) == ("range", 0.25, 0.5, "inch")


@pytest.mark.parametrize(
    "text",
    [
        # odds and votes written with "-to-" stay ratios or nothing, never a range (high end first)
        "The board voted 7-to-2 for the bid.",
        "Bookmakers offered 5-to-1 odds.",
        # spelled points outside a poll are no range of points
        "The side won by between two and four points in each game.",
    ],
)
def test_no_range_of_hyphenated_ratios_or_game_points(text: str) -> None:
    assert [
        f for f in extract_figures(text) if f.qualifier == "range" and f.unit in ("percent", "point", "count")
    ] == []
