"""Percentages: %, percent, per cent, percentage points and basis points kept apart."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import figure_written, only_figure

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                               | raw                    | value: number | unit
        Shares rose 5% today.              | 5%                     | 5             | percent
        Shares rose 3.2 % today.           | 3.2 %                  | 3.2           | percent
        Growth was 2 per cent of GDP.      | 2 per cent             | 2             | percent
        Tariffs capped at 15 percent.      | 15 percent             | 15            | percent
        Margins fell 4pct.                 | 4pct                   | 4             | percent
        Rates rose 0.25 percentage points. | 0.25 percentage points | 0.25          | percentage_point
        Rates rose 1 percentage point.     | 1 percentage point     | 1             | percentage_point
        Rates rose 25 basis points.        | 25 basis points        | 0.25          | percentage_point
        Rates rose 50bps.                  | 50bps                  | 0.5           | percentage_point
        Support rose 2.5 %pts.             | 2.5 %pts               | 2.5           | percentage_point
        Its lead widened to 6% points.     | 6% points              | 6             | percentage_point
        Debt exceeds 250% of output.       | 250%                   | 250           | percent
        Five percent of voters agreed.     | Five percent           | 5             | percent
        Growth was one percent.            | one percent            | 1             | percent
        # the word glued to the number
        Exports rose 4.5per cent.          | 4.5per cent            | 4.5           | percent
        Margins rose 3percent.             | 3percent               | 3             | percent
        # shares of a percent and a full point
        Rates rose (half a percent) today. | half a percent         | 0.5           | percent
        It moved a quarter of a per cent.  | a quarter of a per cent | 0.25         | percent
        Yields sit a full percentage point lower. | a full percentage point | 1     | percentage_point
        Cuts of one-and-a-half percentage points. | one-and-a-half percentage points | 1.5 | percentage_point
    """),
)
def test_percent(text: str, raw: str, value: float, unit: str) -> None:
    only_figure(text, kind="percent", raw_text=raw, unit=unit, value=pytest.approx(value))


def test_negative_percent_keeps_its_sign() -> None:
    (f,) = extract_figures("The economy grew -0.5% last quarter.")
    assert (f.raw_text, f.value) == ("-0.5%", -0.5)
    (g,) = extract_figures("The policy rate stayed at minus 0.1 percent.")
    assert g.value == -0.1


def test_plus_sign_is_not_part_of_the_value() -> None:
    (f,) = extract_figures("Sales were up +3.4% on the quarter.")
    assert f.value == 3.4


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a margin either way is no negative number
        ("The survey's error is +/-2.8 percentage points.", 2.8),
        ("Its target is 4%, plus/minus 1 percentage point.", 1),
        ("The error is plus or minus 3.5 percentage points.", 3.5),
    ],
)
def test_a_margin_either_way_is_unsigned(text: str, value: float) -> None:
    (f,) = [x for x in extract_figures(text) if x.unit == "percentage_point"]
    assert f.value == value


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # points in a sentence about polls or votes, or a lead beside percentages, are percentage points
        ("The mayor holds a 6-point lead in the latest poll.", "6-point", 6),
        ("The survey's margin of error is 4.1 points.", "4.1 points", 4.1),
        ("Green won 52% to 45%, a seven-point margin.", "seven-point", 7),
        ("Her lead among voters shrank 3 points.", "3 points", 3),
        # turnout, and points that move the percentage right before them
        ("Turnout rose 4 points in the capital.", "4 points", 4),
        ("The savings rate was 5.2%, down 0.4 points from May.", "0.4 points", 0.4),
        # a rate cut or hike measured in points
        ("Two members wanted a deeper 0.5-point cut.", "0.5-point", 0.5),
        ("The bank delivered a 0.75-point rate hike.", "0.75-point", 0.75),
    ],
)
def test_points_of_a_poll_are_percentage_points(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="percent", unit="percentage_point", value=value)


@pytest.mark.parametrize(
    "text",
    [
        # an index's points, a sports lead, and points beside a percent change of a market
        "The FTSE 100 fell 40 points, or 0.5%, in a poll-free week.",
        "The Celtics built a 12-point lead.",
        "Stocks fell 30 points, or 1%.",
        # a move in points that is no cut or hike of a rate
        "The Nasdaq suffered a 400-point slide.",
        # an index's percent move restated in its points
        "The Dax closed 0.6% higher, up 110 points.",
    ],
)
def test_points_of_an_index_or_a_game_stay_points(text: str) -> None:
    assert [f.unit for f in extract_figures(text) if "point" in f.raw_text] == ["point"]


def test_two_shares_joined_by_a_dash_high_to_low_share_the_unit() -> None:
    shares = extract_figures("The mayor won the runoff 56-44%.")
    assert [(f.raw_text, f.value, f.unit) for f in shares] == [("56", 56, "percent"), ("44%", 44, "percent")]
    # a score has no unit, and low to high stays a range
    assert extract_figures("They won 3-1 on Sunday.") == []
    (f,) = extract_figures("Rates were 4-5% last year.")
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 4, 5)


def test_two_shares_written_high_to_low_are_no_range() -> None:
    shares = extract_figures("The incumbent led 54% to 41%.")
    assert [(f.raw_text, f.value) for f in shares] == [("54%", 54), ("41%", 41)]
    (f,) = extract_figures("Rates will sit at 4.5% to 4.75%.")
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 4.5, 4.75)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # "per cent point(s)" and "percent point(s)" are percentage points, as "percentage points" are
        ("The bank trimmed its rate by 0.25 per cent points to 3 per cent.", "0.25 per cent points", 0.25),
        ("Unemployment rose 0.4 percent points over the year.", "0.4 percent points", 0.4),
        ("Support fell 3 per cent point in a month.", "3 per cent point", 3),
    ],
)
def test_per_cent_points_are_percentage_points(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="percent", unit="percentage_point", value=value)


def test_a_percent_beside_points_of_an_index_stays_a_percent() -> None:
    # the comma ends the percent: the points that follow are the index's own
    figures = extract_figures("The index rose 2 per cent, or 40 points, on Monday.")
    assert [(f.raw_text, f.unit) for f in figures] == [("2 per cent", "percent"), ("40 points", "point")]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # tenths and fifths of a point, as US economics reports write small moves
        (
            "Joblessness rose two-tenths of a percentage point.",
            "two-tenths of a percentage point",
            0.2,
            "percentage_point",
        ),
        ("The yield slipped a tenth of a point.", "a tenth of a point", 0.1, "percentage_point"),
        ("Core prices rose three-tenths of a percent in May.", "three-tenths of a percent", 0.3, "percent"),
    ],
)
def test_tenths_of_a_point(text: str, raw: str, value: float, unit: str) -> None:
    figure_written(text, raw, kind="percent", unit=unit, value=value)


def test_a_share_of_a_whole_stays_a_ratio() -> None:
    # no point or percent after the share: it is a share of what follows, not a move in rates
    (f,) = extract_figures("Three-fifths of the members voted yes.")
    assert (f.kind, f.value, f.unit) == ("ratio", 0.6, "times")
