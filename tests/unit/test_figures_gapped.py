"""A gapped clause leaves out the verb and the unit of the figure before it: "Labour won 412 seats
and the Conservatives 121". The bare number is measured as that figure, and a repeated verb still
finds its count past it."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import figure_written

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "kind", "unit", "direction"),
    cases("""
        text                                                      | raw   | kind     | unit  | direction
        The Greens won 38 seats and the Liberals 17.              | 17    | count    | count | -
        The FTSE fell 45 points, while the Dax 112.               | 112   | quantity | point | down
        Airbus delivered 63 jets in May and Boeing 44, its rival said. | 44 | count   | count | -
        Exports rose 2,300 tonnes and Brazil 1,950 tonnes.        | 1,950 tonnes | quantity | t | -
    """),
)
def test_a_gapped_number_is_measured_as_the_figure_before(
    text: str, raw: str, kind: str, unit: str, direction: str | None
) -> None:
    figure_written(text, raw, kind=kind, unit=unit, direction=direction)


@pytest.mark.parametrize(
    ("text", "missing"),
    cases("""
        text                                                       | missing
        # a name with a number is no gapped figure: a product, an index, a label
        Volvo built 900 cars and the Series 7.                     | 7
        The Dax rose 90 points and the FTSE 100.                   | 100
        The council approved 40 homes and Route 9.                 | 9
        # a clause that goes on after the number is no gap
        The Greens won 38 seats and the Liberals 17 years ago had none. | 17
        # a year after a name is a date, not a count
        Apple hired 400 engineers and Google 2024.                 | 2024
    """),
)
def test_no_gapped_figure(text: str, missing: str) -> None:
    assert not [f for f in extract_figures(text) if f.raw_text == missing and f.kind in ("count", "quantity")]


def test_a_repeated_verb_finds_its_count_past_a_gapped_one() -> None:
    figure_written("GM sold 5,000 vans and Ford 4,200, while Stellantis sold 3,100.", "3,100", kind="count")
