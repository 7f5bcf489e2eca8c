"""Error class 2: money forms from CLDR (via Babel) and news conventions: minor units in the major
unit, every dollar its own currency, marks after the number, glued codes, currency names, signs."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import only_figure

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                                  | raw                          | value: number | unit
        # minor units
        Earnings were 41 cents a share.       | 41 cents                     | 0.41          | USD
        The shares closed down 23p.           | 23p                          | 0.23          | GBP
        A bid of 390 pence was rejected.      | 390 pence                    | 3.9           | GBP
        Stamps now cost 85¢ each.             | 85¢                          | 0.85          | USD
        It pays a 15-cent dividend.           | 15-cent                      | 0.15          | USD
        # every dollar its own currency
        The lender raised C$2.1 billion.      | C$2.1 billion                | 2.1e9         | CAD
        Sales hit HK$8 billion.               | HK$8 billion                 | 8e9           | HKD
        A NZ$40 million grant.                | NZ$40 million                | 40e6          | NZD
        It spent S$600 million.               | S$600 million                | 600e6         | SGD
        The club paid R$35 million.           | R$35 million                 | 35e6          | BRL
        A Mex$12 billion bond.                | Mex$12 billion               | 12e9          | MXN
        The miner earned A$1.2bn.             | A$1.2bn                      | 1.2e9         | AUD
        # the article, not Australian dollars
        A $5 bill was found.                  | $5                           | 5             | USD
        It raised hk $ 3 billion.             | hk $ 3 billion               | 3e9           | HKD
        # marks after the number and glued codes
        Tickets cost 1,200 € each.            | 1,200 €                      | 1200          | EUR
        The fund raised USD10m.               | USD10m                       | 10e6          | USD
        A 115USD fee applies.                 | 115USD                       | 115           | USD
        Capex of 30 MUSD is planned.          | 30 MUSD                      | 30e6          | USD
        Rent is RM1,500 here.                 | RM1,500                      | 1500          | MYR
        A levy of ₹500 crore.                 | ₹500 crore                   | 5e9           | INR
        Outlays of Rs 1.5 lakh crore.         | Rs 1.5 lakh crore            | 1.5e12        | INR
        # currency names beyond the big four
        It was valued at 7 billion yuan.      | 7 billion yuan               | 7e9           | CNY
        A deal worth 3 billion renminbi.      | 3 billion renminbi           | 3e9           | CNY
        Profit of 120 million rupees.         | 120 million rupees           | 120e6         | INR
        Exports of 4 trillion won.            | 4 trillion won               | 4e12          | KRW
        A fine of 900 million Turkish lira.   | 900 million Turkish lira     | 900e6         | TRY
        A 60 billion rand budget.             | 60 billion rand              | 60e9          | ZAR
        Bonds worth 2 billion ringgit.        | 2 billion ringgit            | 2e9           | MYR
        It cost 500 million pesos.            | 500 million pesos            | 500e6         | MXN
        A 45 million Swiss francs fine.       | 45 million Swiss francs      | 45e6          | CHF
        Funding of 10 billion riyals.         | 10 billion riyals            | 10e9          | SAR
        A 2 billion dirhams project.          | 2 billion dirhams            | 2e9           | AED
        Aid of 300 million shekels.           | 300 million shekels          | 300e6         | ILS
        A 5 billion kronor contract.          | 5 billion kronor             | 5e9           | SEK
        In 1990 it cost 80 million pesetas.   | 80 million pesetas           | 80e6          | ESP
        They paid 200 million Dutch guilders. | 200 million Dutch guilders   | 200e6         | NLG
        A 10 billion Indonesian rupiah loan.  | 10 billion Indonesian rupiah | 10e9          | IDR
        # halves, quarters and signs
        He gave half a million dollars.       | half a million dollars       | 5e5           | USD
        The quarter loss was -$50.8bn.        | -$50.8bn                     | -50.8e9       | USD
        It cost 3 dollars 50 cents.           | 3 dollars 50 cents           | 3.5           | USD
        # a one-letter mark glued to an amount with its scale word; Kenya's KSh spaced
        The utility spent R3.8 billion.       | R3.8 billion                 | 3.8e9         | ZAR
        The state budgeted N740bn for roads.  | N740bn                       | 740e9         | NGN
        The lender booked KSh 9.1 billion.    | KSh 9.1 billion              | 9.1e9         | KES
    """),
)
def test_money_forms(text: str, raw: str, value: float, unit: str) -> None:
    only_figure(text, of_kind="money", raw_text=raw, unit=unit, value=pytest.approx(value))


@pytest.mark.parametrize(
    "text",
    cases("""
        text
        # "won" is a verb without a scale word
        The party won 3 seats.
        # weight, not sterling
        She lost 5 pounds in a month.
        # an ISO code that is also a word
        ALL 5 solutions failed.
        # a video format, not pence
        The stream is available in 1080p.
        # "us" before a bare number is no dollar
        Give us a call at 5.
        # a language version, not Philippine pesos
        PHP 8 was released.
        # a one-letter mark without a scale word is a road, a grade or a model
        Traffic on the R59 slowed to a crawl.
        The N7 reopened after 2 hours.
        Its R8 coupe costs more.
    """),
)
def test_not_money(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "money"] == []


def test_a_quarter_million_counts() -> None:
    (f,) = extract_figures("A quarter million people marched.")
    assert (f.kind, f.value) == ("count", 250000)
