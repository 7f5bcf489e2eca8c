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
