"""Two shapes where one figure's words sit beside another figure: the part of a counted whole
("412 of the 650 seats") and "from X to Y" as a change or as a range. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from newsfacts.figures import Figure, extract_figures


def find(text: str, raw: str) -> Figure:
    return next(f for f in extract_figures(text) if f.raw_text == raw)


PARTS = [
    # (text, the part, its metric, the whole, the whole's metric)
    ("The Greens won 412 of the 650 seats.", "412", "seats", "650", "seats.total"),
    ("The ruling bloc kept 36 of 100 seats in the upper house.", "36", "seats", "100", "seats.total"),
    ("Only 12 out of 1,200 applicants were hired.", "12", "applicants.count", "1,200", "applicants.count.total"),
]


@pytest.mark.parametrize(("text", "part", "metric", "whole", "whole_metric"), PARTS)
def test_the_part_counts_what_the_whole_counts(
    text: str, part: str, metric: str, whole: str, whole_metric: str
) -> None:
    p, w = find(text, part), find(text, whole)
    assert (p.kind, p.metric) == ("count", metric)
    assert (w.kind, w.metric) == ("count", whole_metric)
    assert p.fact_key is None or p.fact_key != w.fact_key


def test_a_part_of_seats_is_the_same_fact_as_seats_won() -> None:
    a = find("The Greens won 412 of the 650 seats.", "412")
    b = find("The Greens won 412 seats.", "412")
    assert a.fact_key == b.fact_key is not None


NOT_PARTS = [
    # the "whole" is a year, or no larger than the part, or counts nothing
    ("He cited 3 of the 2024 filings.", "3"),
    ("The panel approved 9 of 4 options.", "9"),
    ("The court heard 5 of 12 on Monday.", "5"),
]


@pytest.mark.parametrize(("text", "raw"), NOT_PARTS)
def test_no_part_without_a_counted_larger_whole(text: str, raw: str) -> None:
    assert all(f.raw_text != raw or f.kind != "count" for f in extract_figures(text))


CHANGES = [
    # (text, from, to, metric of the level after the move)
    ("Tariffs on steel will fall from 24% to 15%.", "24%", "15%", "tariff_rate"),
    ("The Fed cut rates from 5.5% to 5.25%.", "5.5%", "5.25%", "policy_rate"),
    ("The list price was raised from $36,040 to $34,935.", "$36,040", "$34,935", "list_price.money"),
    pytest.param(
        "The central bank cut its rate from 5.5% to 5.25%.",
        "5.5%",
        "5.25%",
        "policy_rate",
        marks=pytest.mark.xfail(strict=True, reason="'its rate' after a named agent reads the agent as the concept"),
    ),
]


@pytest.mark.parametrize(("text", "start", "end", "metric"), CHANGES)
def test_from_x_to_y_under_a_change_verb_is_two_levels(text: str, start: str, end: str, metric: str) -> None:
    a, b = find(text, start), find(text, end)
    assert (a.endpoint, b.endpoint) == ("from", "to")
    assert b.metric == metric
    assert a.metric == f"{metric}.prior"
    assert a.fact_key is None or a.fact_key != b.fact_key


RANGES = [
    ("Inflation ranged from 2% to 3% across the region.", "2% to 3%", (2.0, 3.0)),
    ("Forecasts for growth are between 1% and 1.5%.", "1% and 1.5%", (1.0, 1.5)),
]


@pytest.mark.parametrize(("text", "raw", "span"), RANGES)
def test_a_range_opened_by_from_has_no_prior_level(text: str, raw: str, span: tuple[float, float]) -> None:
    found = [f for f in extract_figures(text) if f.qualifier == "range"]
    assert len(found) == 1
    assert (found[0].value_low, found[0].value_high) == span
    assert found[0].endpoint is None
    assert found[0].metric is None or not found[0].metric.endswith(".prior")
