"""Numerals (separators, decimals), spelled-out numbers and counts with their noun."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import only_figure

from newsfacts.figures import extract_figures
from newsfacts.figures.numbers import parse_numeral, parse_spelled


@pytest.mark.parametrize(
    ("token", "value"),
    cases("""
        token     | value: number
        1,234.5   | 1234.5
        1,000,000 | 1e6
        3.2       | 3.2
        0.05      | 0.05
        42        | 42
        0         | 0
        # thousands grouped the South Asian way (lakh, crore)
        12,50,000   | 1.25e6
        4,07,31,520 | 40731520
    """),
)
def test_parse_numeral(token: str, value: float) -> None:
    assert parse_numeral(token) == value


@pytest.mark.parametrize("token", ["1,23", "2.1.3", "1,2345", "0800", "1" * 30, "12,34.5", "1,23,45", "123,45,678"])
def test_parse_numeral_rejects_malformed(token: str) -> None:
    assert parse_numeral(token) is None


@pytest.mark.parametrize(
    ("words", "value"),
    cases("""
        words                       | value: number
        three                       | 3
        twenty-five                 | 25
        twenty five                 | 25
        one hundred and five        | 105
        three thousand five hundred | 3500
        one and a half              | 1.5
        two and a quarter           | 2.25
        Nineteen                    | 19
    """),
)
def test_parse_spelled(words: str, value: float) -> None:
    assert parse_spelled(words) == value


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    cases("""
        text                                             | raw            | value: number
        15 large-scale projects were listed.             | 15             | 15
        Substantively, four major documents were signed. | four           | 4
        Yet three women stand at its forefront.          | three          | 3
        Three women now define the government.           | Three          | 3
        Some 1,200 workers lost their jobs.              | 1,200          | 1200
        Twenty-five companies joined.                    | Twenty-five    | 25
        A dozen countries signed.                        | A dozen        | 12
        Half a million people marched.                   | Half a million | 5e5
        The city has 1.4 billion residents.              | 1.4 billion    | 1.4e9
        Officials counted 2 million voters.              | 2 million      | 2e6
        There are 15 Japanese companies involved.        | 15             | 15
        It employs 300 staff.                            | 300            | 300
    """),
)
def test_counts(text: str, raw: str, value: float) -> None:
    only_figure(text, kind="count", unit="count", raw_text=raw, value=value)


@pytest.mark.parametrize(
    "text",
    cases("""
        text
        # a known group, not a figure
        The two leaders agreed to keep talking.
        # prose structure
        The alliance works in three directions.
        From this, two observations emerge.
        One expert said one of the leaders agreed.
        One day he left for one year.
        # bare number without a unit or noun, and a level with no index named
        Sentiment Score 0.05
        The shop closed at 9 on Sunday.
        # "at times" is no frequency, and a frequency is no multiplier (it is counted: test_figures_ratios)
        Trump called at times.
        # capitalised number inside a name
        The Group of Seven nations met.
        He scored 3 in total.
    """),
)
def test_not_counts(text: str) -> None:
    assert extract_figures(text) == []
