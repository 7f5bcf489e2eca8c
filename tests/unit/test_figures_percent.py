"""Percentages: %, percent, per cent, percentage points and basis points kept apart."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import only_figure

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
