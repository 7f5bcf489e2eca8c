"""Claim types with their precedence (quote > forecast > statistic > opinion > assertion), and hedging."""

from __future__ import annotations

import re

import pytest

from newsfacts.claims import CLAIM_TYPES, Claim, extract_claims


def only_claim(text: str, figures: tuple[str, ...] = ()) -> Claim:
    spans = [(m.start(), m.end()) for f in figures for m in re.finditer(re.escape(f), text)]
    (claim,) = extract_claims(text, figure_spans=spans)
    return claim


@pytest.mark.parametrize(
    ("text", "figures", "expected"),
    [
        ("The finance minister said, “We will cut taxes by 2% next year.”", ("2%",), "quote"),
        (
            "Takaichi, speaking from Tokyo, described the talks as “good and candid,” aides confirmed.",
            (),
            "quote",
        ),
        ("Defense budgets will rise to 2% of GDP by 2027.", ("2%", "2027"), "forecast"),
        ("American contractors are expected to co-develop new satellites.", (), "forecast"),
        ("Investors are likely to benefit quickly from the momentum.", (), "forecast"),
        ("The electorate could quickly turn sceptical.", (), "forecast"),
        (
            "Japanese investment in the US has already surpassed US$60 billion.",
            ("US$60 billion",),
            "statistic",
        ),
        ("The Nikkei has surged to highs not seen in more than 30 years.", ("30 years",), "statistic"),
        ("In 2025, the two leaders met in Tokyo for talks.", ("2025",), "assertion"),
        ("Summit talks were held in late October 2025 in Tokyo.", ("October 2025",), "assertion"),
        ("This alliance is as significant, I would suggest, as any central bank decision.", (), "opinion"),
        ("Investors should be alert to this structural trend.", (), "opinion"),
        ("Japan’s commitment to raise defense spending is a decisive development.", (), "opinion"),
        ("Japan’s domestic market is equally compelling.", (), "opinion"),
        ("The two leaders met families of abductees taken by Pyongyang.", (), "assertion"),
    ],
)
def test_claim_type(text: str, figures: tuple[str, ...], expected: str) -> None:
    assert only_claim(text, figures).claim_type == expected


def test_quote_beats_figure() -> None:
    text = "One analyst said: “Shares rose 5% on the news.”"
    assert only_claim(text, ("5%",)).claim_type == "quote"


def test_forecast_beats_statistic() -> None:
    assert only_claim("Reciprocal tariffs will be capped at 15%.", ("15%",)).claim_type == "forecast"


def test_statistic_beats_opinion() -> None:
    assert only_claim("A 15% cap is a decisive development.", ("15%",)).claim_type == "statistic"


def test_scare_quotes_without_speaker_are_not_a_quote() -> None:
    text = "She moved to abolish the “temporary” gasoline tax surcharge."
    assert only_claim(text).claim_type == "assertion"


def test_long_unattributed_quotation_is_a_quote() -> None:
    text = "Her formula – “short-term relief, medium-term investment, long-term discipline” – balances it."
    assert only_claim(text).claim_type == "quote"


def test_types_are_from_the_contract() -> None:
    assert set(CLAIM_TYPES) == {"quote", "statistic", "forecast", "opinion", "assertion"}


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Consensus is likely underpricing how much flows through capital allocation.", True),
        ("This would appear to be the beginning of a durable structure.", True),
        ("The leaders reportedly discussed the Sakhalin projects.", True),
        ("The new framework may evolve into an actionable plan.", True),
        ("Budgets might rise, potentially to record levels.", True),
        ("Perhaps the talks were a turning point.", True),
        ("The rapport suggests agreements are near.", True),
        ("The two leaders met families of abductees.", False),
        ("Talks resumed in May 2025 in Tokyo.", False),
    ],
)
def test_hedging(text: str, hedged: bool) -> None:
    assert only_claim(text).hedged is hedged
