"""Money: currency symbols and codes, currency words, scale words and suffixes, conversions."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import only_figure

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                                        | raw                   | value: number | unit
        Japan pledged $550 billion to the US.       | $550 billion          | 550e9         | USD
        Investment surpassed US$60 billion.         | US$60 billion         | 60e9          | USD
        It cost ¥80 trillion.                       | ¥80 trillion          | 80e12         | JPY
        A €3.5bn deal.                              | €3.5bn                | 3.5e9         | EUR
        A £200m fund.                               | £200m                 | 200e6         | GBP
        They paid USD 5 billion.                    | USD 5 billion         | 5e9           | USD
        They paid JPY 1.2 trillion.                 | JPY 1.2 trillion      | 1.2e12        | JPY
        A $1.5tn market.                            | $1.5tn                | 1.5e12        | USD
        A $10k prize.                               | $10k                  | 10e3          | USD
        A $3 mn grant.                              | $3 mn                 | 3e6           | USD
        Revenue of HK$3 billion.                    | HK$3 billion          | 3e9           | HKD
        Revenue of A$4bn.                           | A$4bn                 | 4e9           | AUD
        It holds 550 billion dollars of investment. | 550 billion dollars   | 550e9         | USD
        It holds 80 trillion yen.                   | 80 trillion yen       | 80e12         | JPY
        It holds 1,234.5 million euros.             | 1,234.5 million euros | 1234.5e6      | EUR
        A 5 billion pound bill.                     | 5 billion pound       | 5e9           | GBP
        They bought 2 billion USD of bonds.         | 2 billion USD         | 2e9           | USD
        A ticket costs $12.50 now.                  | $12.50                | 12.5          | USD
        A million dollars vanished.                 | A million dollars     | 1e6           | USD
        Budgets reached Rs 500 crore.               | Rs 500 crore          | 5e9           | INR
        Japan Pledges 550 Billion Dollars.          | 550 Billion Dollars   | 550e9         | USD
        Imports reached 34 billion U.S. dollars.    | 34 billion U.S. dollars | 34e9        | USD
        The payout is 41.5 Australian cents.        | 41.5 Australian cents | 0.415       | AUD
        Fares rose to 90 Hong Kong cents.           | 90 Hong Kong cents    | 0.9         | HKD
        A single stamp costs 85 euro cents.         | 85 euro cents         | 0.85        | EUR
        The levy adds 12 eurocents a litre.         | 12 eurocents          | 0.12        | EUR
        The coffee was 3 euros dearer.              | 3 euros               | 3           | EUR
        Real paid £5million more for him.           | £5million             | 5e6         | GBP
        Profit was 96 cents US a share.             | 96 cents US           | 0.96        | USD
    """),
)
def test_money(text: str, raw: str, value: float, unit: str) -> None:
    only_figure(text, kind="money", raw_text=raw, unit=unit, value=pytest.approx(value))


def test_parenthesised_conversion_gives_two_figures() -> None:
    figures = extract_figures("Japan pledged $550 billion (about 80 trillion yen) to the US.")
    assert [(f.raw_text, f.unit, f.value, f.qualifier) for f in figures] == [
        ("$550 billion", "USD", 550e9, "exact"),
        ("80 trillion yen", "JPY", 80e12, "approx"),
    ]


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("Losses reached $2.1 billion (2019 USD).", ["$2.1 billion"]),
        ("In 2010 dollars, the bill came to $40bn.", ["$40bn"]),
        # a year-like amount with no price-base wording is money
        ("She paid 2000 euros for the bike.", ["2000 euros"]),
    ],
)
def test_a_price_base_year_is_no_amount(text: str, money: list[str]) -> None:
    assert [f.raw_text for f in extract_figures(text) if f.kind == "money"] == money


def test_single_letter_scale_needs_a_currency() -> None:
    assert extract_figures("He ran 5m and then 10k before lunch.") == []
    only_figure("A £5m deal.", value=5e6)


def test_pounds_without_scale_are_weight_not_money() -> None:
    assert all(f.kind != "money" for f in extract_figures("She lost 5 pounds of weight."))


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                                                | raw              | value: number | unit
        # the letters after the "$", as Australian and New Zealand papers write other dollars
        The hatchback lists at $US31,500 in Detroit.        | $US31,500        | 31500         | USD
        The same car costs $A48,900 in Sydney.              | $A48,900         | 48900         | AUD
        Wellington set aside $NZ2.5 billion for rail.       | $NZ2.5 billion   | 2.5e9         | NZD
        The Toronto listing raised $C800 million.           | $C800 million    | 800e6         | CAD
        # a currency named in words before a scaled amount
        Turnover reached Euro 42.3 million in the quarter.  | Euro 42.3 million | 42.3e6       | EUR
        The lender wrote off euros 1.2bn of loans.          | euros 1.2bn      | 1.2e9         | EUR
        The state budget sets aside Rupees 900 crore.       | Rupees 900 crore | 9e9           | INR
        # Caribbean papers' own dollars
        Police seized cash worth J$12 million.              | J$12 million     | 12e6          | JMD
        The ministry spent TT$45 million on roads.          | TT$45 million    | 45e6          | TTD
        # ISO codes that are also words, glued to the number
        The swap line is worth TRY189 billion.              | TRY189 billion   | 189e9         | TRY
        The retailer raised SEK4.2 billion.                 | SEK4.2 billion   | 4.2e9         | SEK
        # South Asian scale words in the plural
        The stake was valued at Rs 310.5 crores.            | Rs 310.5 crores  | 3.105e9       | INR
        A subsidy of Rs 25 lakhs was approved.              | Rs 25 lakhs      | 2.5e6         | INR
    """),
)
def test_more_ways_to_write_a_currency(text: str, raw: str, value: float, unit: str) -> None:
    only_figure(text, kind="money", raw_text=raw, unit=unit, value=pytest.approx(value))


@pytest.mark.parametrize(
    "text",
    cases("""
        text
        # a currency word before a number with no scale word: a name or a market move, not an amount
        Spain lifted the Euro 2024 trophy in Berlin.
        The euro 0.4% firmer against the dollar.
        # a code that is also a word, apart from the number or in lower case, is the word
        TRY 5 times before giving up.
        Try 5 more minutes.
        # lower-case letters after a "$" are no dollar
        Press $a5 to continue.
        # the "p" of a clock time is no penny
        The blast was reported at 9.40 p.m. on Sunday.
        Officers arrived at about 11 p.m. Friday.
    """),
)
def test_no_money_in_these(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "money"] == []


def test_pence_after_a_number_still_read_beside_a_clock_time() -> None:
    figures = extract_figures("By 4 p.m. the shares were down 23p at 412p.")
    assert [(f.raw_text, f.value, f.unit) for f in figures if f.kind == "money"] == [
        ("23p", pytest.approx(0.23), "GBP"),
        ("412p", pytest.approx(4.12), "GBP"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value", "per_unit"),
    [
        # a lower-case "c" glued to the number is cents where a rate's denominator follows
        ("Wholesale power fell below 5c/kWh in spring.", "5c", 0.05, "kWh"),
        ("Petrol rose 3.9c a litre overnight.", "3.9c", 0.039, "l"),
    ],
)
def test_glued_cents_in_a_rate(text: str, raw: str, value: float, per_unit: str) -> None:
    only_figure(text, kind="money", raw_text=raw, value=pytest.approx(value), per_unit=per_unit)


@pytest.mark.parametrize("text", ["It was a balmy 24c in Leeds.", "The 6c modem ships in May."])
def test_glued_c_without_a_rate_is_no_money(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "money"] == []


@pytest.mark.parametrize(
    ("text", "raw", "unit", "per_unit"),
    cases("""
        text                                                  | raw    | unit | per_unit
        # an exchange rate: a bare number quoted against a currency named after it
        The peso sank to 19.4 per dollar overnight.           | 19.4   | MXN  | USD
        The rupee ended at 84.05 to the U.S. dollar.          | 84.05  | INR  | USD
        The franc held near 0.93 per euro.                    | 0.93   | CHF  | EUR
        Later the won weakened to 1,385 per dollar.           | 1,385  | KRW  | USD
    """),
)
def test_an_exchange_rate_is_the_quoted_currency_per_the_other(text: str, raw: str, unit: str, per_unit: str) -> None:
    only_figure(text, kind="money", raw_text=raw, unit=unit, per_unit=per_unit)


@pytest.mark.parametrize(
    "text",
    [
        # no currency named before the number, or only the one it is quoted in
        "The stall sold 40 per dollar.",
        "The dollar bought 12 per dollar spent.",
    ],
)
def test_no_exchange_rate_without_a_quoted_currency(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "money"] == []
