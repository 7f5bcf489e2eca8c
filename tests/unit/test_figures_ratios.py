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
        # a written fraction of a whole is a share of it
        About 3/4 of staff stayed.          | 3/4         | 0.75
    """),
)
def test_ratios(text: str, raw: str, value: float) -> None:
    only_figure(text, kind="ratio", unit="times", raw_text=raw, value=value)


@pytest.mark.parametrize(
    "text", ["He visited the plant at times.", "They doubled down on tariffs.", "The tank was 3/4 full."]
)
def test_not_ratios(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"), [("The dividend is covered 3.4 times.", 3.4), ("It trades at 11.5 times earnings.", 11.5)]
)
def test_a_decimal_before_times_is_a_multiplier(text: str, value: float) -> None:
    only_figure(text, kind="ratio", value=value)


def test_a_whole_number_of_times_without_a_comparison_is_no_multiplier() -> None:
    assert [f for f in extract_figures("The panel met 4 times.") if f.kind == "ratio"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # how often something happened, when the clause goes on with when or where: a count
        ("The bank has cut rates 7 times since May.", "7", 7),
        ("She scored four times on Sunday.", "four", 4),
        ("He visited three times.", "three", 3),
        ("The index fell 9 times this year.", "9", 9),
    ],
)
def test_a_number_of_events_is_a_count(text: str, raw: str, value: float) -> None:
    only_figure(text, kind="count", raw_text=raw, value=value)


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        # a comparison before, or a multiplier just stated in the clause, keeps "N times" a ratio
        (
            "Solar returns 20 times its cost, compared to 9 times for gas and 4 times for coal.",
            ["20 times", "9 times", "4 times"],
        ),
        # what is multiplied named after "times"
        ("Dust readings run 6 times WHO limits.", ["6 times"]),
    ],
)
def test_times_after_a_comparison_stays_a_ratio(text: str, raws: list[str]) -> None:
    assert [(f.raw_text, f.kind) for f in extract_figures(text)] == [(r, "ratio") for r in raws]


def test_events_are_not_carried_across_a_sentence() -> None:
    text = "Exports doubled. The firm was fined 3 times in May."
    assert [(f.raw_text, f.kind) for f in extract_figures(text)] == [("doubled", "ratio"), ("3", "count")]
