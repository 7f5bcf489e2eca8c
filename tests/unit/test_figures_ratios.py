"""Multipliers: "three times its GDP", "2x", "threefold", "doubled"."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import only_figure

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    cases("""
        text                                | raw         | value: number
        Debt is nearly three times its GDP. | three times | 3
        It is 2.5 times larger.             | 2.5 times   | 2.5
        Revenue was 2x higher.              | 2x          | 2
        A threefold increase.               | threefold   | 3
        A 3-fold rise.                      | 3-fold      | 3
        Profits doubled last year.          | doubled     | 2
        Sales tripled.                      | tripled     | 3
        Costs halved.                       | halved      | 0.5
    """),
)
def test_ratios(text: str, raw: str, value: float) -> None:
    only_figure(text, kind="ratio", unit="times", raw_text=raw, value=value)


@pytest.mark.parametrize("text", ["He visited three times.", "They doubled down on tariffs."])
def test_not_ratios(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"), [("The dividend is covered 3.4 times.", 3.4), ("It trades at 11.5 times earnings.", 11.5)]
)
def test_a_decimal_before_times_is_a_multiplier(text: str, value: float) -> None:
    only_figure(text, kind="ratio", value=value)


def test_a_whole_number_of_times_without_a_comparison_is_no_multiplier() -> None:
    assert [f for f in extract_figures("The panel met 4 times.") if f.kind == "ratio"] == []
