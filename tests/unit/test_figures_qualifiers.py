"""Qualifiers before and after a figure, and the bounds they set."""

from __future__ import annotations

import pytest

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("spoke for about 15 minutes", "approx"),
        ("around 15 minutes", "approx"),
        ("nearly 15 minutes", "approx"),
        ("roughly 15 minutes", "approx"),
        ("approximately 15 minutes", "approx"),
        ("some 15 minutes", "approx"),
        ("almost 15 minutes", "approx"),
        ("debt—nearly three times its GDP", "approx"),
        ("over 4%", "more_than"),
        ("surging by over 4%", "more_than"),
        ("more than 30 years", "more_than"),
        ("a ratio exceeding 250%", "more_than"),
        ("it surpassed US$60 billion", "more_than"),
        ("above 4%", "more_than"),
        ("at least 20 countries", "at_least"),
        ("no fewer than 20 countries", "at_least"),
        ("20 or more countries", "at_least"),
        ("50+ countries", "at_least"),
        ("less than 5%", "less_than"),
        ("under 5%", "less_than"),
        ("below 5%", "less_than"),
        ("fewer than 20 countries", "less_than"),
        ("shares rising up to 5%", "at_most"),
        ("cards of upto 512GB", "at_most"),  # the closed-up spelling of "up to"
        ("yields climbed, up to 4.6% from", "at_most"),  # no level follows "from": still a ceiling
        ("tariffs capped at 15%", "at_most"),
        ("a meeting within 180 days", "at_most"),
        ("no more than 5%", "at_most"),
        ("at most 5%", "at_most"),
        ("as much as 5%", "at_most"),
        ("Japan's build up to 2% of GDP", "exact"),  # phrasal verb "build up": a target, not a ceiling
        ("They will ramp up to 5% soon", "exact"),
        ("gaining 3.2%", "exact"),
        ("exactly 3.2%", "exact"),
        ("10 or so days", "approx"),
        ("50-odd firms", "approx"),
    ],
)
def test_qualifier(text: str, qualifier: str) -> None:
    (f,) = extract_figures(text)
    assert f.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("more than 250%", 250, 250, None),
        ("at least 250%", 250, 250, None),
        ("up to 5%", 5, None, 5),
        ("less than 5%", 5, None, 5),
        ("about 5%", 5, None, None),
        ("5%", 5, None, None),
    ],
)
def test_bounds(text: str, value: float, low: float | None, high: float | None) -> None:
    (f,) = extract_figures(text)
    assert (f.value, f.value_low, f.value_high) == (value, low, high)


def test_qualifier_must_touch_the_figure() -> None:
    (f,) = extract_figures("over the next 12-24 months")
    assert f.qualifier == "range"
    (g,) = extract_figures("more importantly, it grew 5%")
    assert g.qualifier == "exact"
