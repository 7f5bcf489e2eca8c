"""The text tables the unit tests write their cases in (tests/cases.py) read back as what they say."""

from __future__ import annotations

import pytest
from cases import cases, records


def test_typed_columns_none_comments_and_continuations() -> None:
    table = """
        value: number | exact: flag | unit    | text
        # a comment line is skipped, and so is a blank one

        5             | yes         | percent | Shares rose 5% today.
        3.5e9         | no          | -       | A $3.5bn deal was signed
                                              ... on Monday.
    """
    assert cases(table) == [
        (5, True, "percent", "Shares rose 5% today."),
        (3.5e9, False, None, "A $3.5bn deal was signed on Monday."),
    ]
    assert type(cases(table)[0][0]) is int  # "5" stays an int, so test ids read 5


def test_one_column_gives_bare_values_and_records_give_names() -> None:
    assert cases("word\nalpha\nbeta") == ["alpha", "beta"]
    assert records("doc | value: number\na | 1.5") == [{"doc": "a", "value": 1.5}]


@pytest.mark.parametrize(
    "table",
    [
        "a | b\n1 | 2 | 3",  # a cell too many
        "a | b\n1",  # a cell missing
        "a: weight\n1",  # no such type
        "a: flag\nmaybe",  # a flag is yes or no
        "a\n... continued",  # a continuation before any row
    ],
)
def test_a_malformed_table_is_refused(table: str) -> None:
    with pytest.raises((AssertionError, KeyError, ValueError)):
        cases(table)
