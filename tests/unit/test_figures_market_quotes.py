"""Shapes of commodity and markets reports: prices quoted in fractions of a cent, "off" as a fall,
a rate's denominator after a conversion in brackets, and a quantity per a time as its rate unit."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import figure_written


@pytest.mark.parametrize(
    ("text", "raw", "value", "per_unit"),
    cases("""
        text                                                   | raw        | value: number | per_unit
        July oats closed at $3.61-1/4 a bushel.                | $3.61-1/4  | 3.6125       | bushel
        Soymeal settled at $402.10-1/2 per ton.                | $402.10-1/2 | 402.105     | ton
        Rough rice ended at $17.30-3/4 per hundredweight.      | $17.30-3/4 | 17.3075      | hundredweight
        # a whole cent's fraction is read as before: "3-1/2 cents"
        Canola gained 3-1/2 cents on the day.                  | 3-1/2 cents | 0.035       | -
    """),
)
def test_a_price_in_fractions_of_a_cent(text: str, raw: str, value: float, per_unit: str | None) -> None:
    figure_written(text, raw, kind="money", value=pytest.approx(value), per_unit=per_unit)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    cases("""
        text                                        | raw          | value: number
        # no fraction of a cent: a denominator no cent is cut into, a price range
        It cost $5.25-3/32 in the old quote.         | $5.25        | 5.25
        Bids ran from $3.61 to $3.75.                | $3.61        | 3.61
    """),
)
def test_no_fraction_of_a_cent(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="money", value=value)


@pytest.mark.parametrize(
    ("text", "raw", "direction"),
    cases("""
        text                                              | raw       | direction
        December cotton ended off 1.2 cents.              | 1.2 cents | down
        The shares were off 4% by the close.              | 4%        | down
        Nickel was off about 0.8% in London.              | 0.8%      | down
        # "off" after any other verb is a particle, no fall
        The airline laid off 2,300 staff.                 | 2,300     | -
        The utility paid off $800 million of loans.       | $800 million | -
        A broker took 15% off the asking price.           | 15%       | -
    """),
)
def test_off_after_a_level_verb_is_a_fall(text: str, raw: str, direction: str | None) -> None:
    figure_written(text, raw, direction=direction)


@pytest.mark.parametrize(
    ("text", "raw"),
    cases("""
        text                                                            | raw
        Lean hogs were off two cents at 88.40 cents a pound.            | 88.40 cents
        # the size restated as a percent between the move and its level
        WTI settled up 61 cents, or 0.8%, at $78.20 a barrel.           | $78.20
    """),
)
def test_the_level_after_a_move_and_at_is_where_the_move_ended(text: str, raw: str) -> None:
    figure_written(text, raw, endpoint="to")


@pytest.mark.parametrize(
    ("text", "raw", "per_unit"),
    cases("""
        text                                                    | raw          | per_unit
        Snow fell at 2 inches (5 cm) an hour overnight.         | 2 inches     | hour
        Snow fell at 2 inches (5 cm) an hour overnight.         | 5 cm         | hour
        Canola fetched $610 (C$835) per tonne.                  | C$835        | t
        # a bracket with no figure in it is no conversion
        Traders paid $90 (a record) a week earlier.             | $90          | -
    """),
)
def test_a_rate_after_a_conversion_in_brackets(text: str, raw: str, per_unit: str | None) -> None:
    figure_written(text, raw, per_unit=per_unit)


@pytest.mark.parametrize(
    ("text", "raw", "unit", "dimension"),
    cases("""
        text                                                  | raw              | unit       | dimension
        The field pumps 85,000 barrels of oil a day.          | 85,000 barrels of oil a day | barrel/day | flow
        Gusts reached 40 metres a second on the ridge.        | 40 metres        | m/s        | speed
        The ferry sails at 50 kilometres an hour.             | 50 kilometres an hour | km/h  | speed
        # a quantity per a time with no rate unit of its own keeps the time as its denominator
        The smelter casts 900 tonnes a day.                   | 900 tonnes       | t          | mass
    """),
)
def test_a_quantity_per_a_time_is_its_rate_unit(text: str, raw: str, unit: str, dimension: str) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, dimension=dimension)
