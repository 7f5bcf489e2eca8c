"""Fact keys with an unnamed subject or period are completed across sources only when one
completion exists (newsfacts.consistency.complete_fact_keys)."""

from __future__ import annotations

import polars as pl
import pytest

from newsfacts.consistency import complete_fact_keys


def _complete(keys: list[str | None]) -> list[str | None]:
    frame = pl.DataFrame({"fact_key": keys}, schema={"fact_key": pl.Utf8})
    return complete_fact_keys(frame)["fact_key"].to_list()


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # the only subject others give the metric for that period
        (
            ["payrolls||2023-08", "payrolls|United States|2023-08"],
            ["payrolls|United States|2023-08", "payrolls|United States|2023-08"],
        ),
        # the only period others give the metric for that subject
        (
            ["revenue|Microsoft|", "revenue|Microsoft|FY2025-Q4"],
            ["revenue|Microsoft|FY2025-Q4", "revenue|Microsoft|FY2025-Q4"],
        ),
        # two candidates: the key stays as it is
        (
            ["payrolls||2023-08", "payrolls|United States|2023-08", "payrolls|Canada|2023-08"],
            ["payrolls||2023-08", "payrolls|United States|2023-08", "payrolls|Canada|2023-08"],
        ),
        # another period's subject is no candidate
        (
            ["payrolls||2023-08", "payrolls|United States|2023-07"],
            ["payrolls||2023-08", "payrolls|United States|2023-07"],
        ),
        # nobody at no time, and nothing to complete it from: not compared
        (["average_workweek.duration||", "turnout|United Kingdom|2024"], [None, "turnout|United Kingdom|2024"]),
        # nobody at no time, completed from another source
        (
            ["average_workweek.duration||", "average_workweek.duration|United States|"],
            ["average_workweek.duration|United States|", "average_workweek.duration|United States|"],
        ),
        # complete keys and missing keys pass through
        (["seats|Labour|2024", None], ["seats|Labour|2024", None]),
    ],
)
def test_an_unnamed_part_takes_the_only_completion(keys: list[str | None], expected: list[str | None]) -> None:
    assert _complete(keys) == expected


def _basis(rows: list[tuple[str, str | None]]) -> list[str | None]:
    frame = pl.DataFrame(
        {"document_id": [d for d, _ in rows], "fact_key": [k for _, k in rows]},
        schema={"document_id": pl.Utf8, "fact_key": pl.Utf8},
    )
    return complete_fact_keys(frame)["fact_key"].to_list()


R, M = "revenue|JPMorgan Chase|2024-Q2", "revenue.managed|JPMorgan Chase|2024-Q2"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a desk naming no basis for a revenue others give on two bases is compared with neither
        ([("a", R), ("a", M), ("b", R)], [R, M, None]),
        # a desk giving both keeps its plain figure as the reported one
        ([("a", R), ("a", M), ("b", R), ("b", M)], [R, M, R, M]),
        # nobody names another basis: plain figures are compared as they are
        ([("a", R), ("b", R)], [R, R]),
        # another quarter's managed figure makes this quarter's plain one no less clear
        ([("a", "revenue.managed|JPMorgan Chase|2024-Q1"), ("b", R)], ["revenue.managed|JPMorgan Chase|2024-Q1", R]),
        # an adjusted figure elsewhere leaves unmarked (reported by convention) figures compared
        ([("a", "net_income|Acme|2024-Q2"), ("b", "net_income.adjusted|Acme|2024-Q2")],
         ["net_income|Acme|2024-Q2", "net_income.adjusted|Acme|2024-Q2"]),
    ],
)  # fmt: skip
def test_a_figure_of_unknown_basis_is_not_compared(
    rows: list[tuple[str, str | None]], expected: list[str | None]
) -> None:
    assert _basis(rows) == expected
