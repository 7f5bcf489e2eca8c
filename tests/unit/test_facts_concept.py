"""The concept a figure quantifies, and the metric, read from the figure's own phrase."""

from __future__ import annotations

import datetime as dt

import pytest
from cases import cases

from newsfacts.figures import Figure, extract_figures

PUBLISHED = dt.date(2025, 9, 18)


def figure(text: str, raw: str, context: str | None = None) -> Figure:
    start = text.index(context or raw)
    found = [f for f in extract_figures(text, published_date=PUBLISHED) if f.char_start >= start]
    return next(f for f in found if f.raw_text == raw)


CONCEPTS = cases("""
    text                                                | raw           | concept
    Labour won 412 seats in the election.               | 412           | seats
    Washington set a tariff of 15% on Japanese cars.    | 15%           | tariff
    The yield on the 10-year note rose to 4.6%.         | 4.6%          | yield
    The 10-year Treasury yield rose to 4.6%.            | 4.6%          | 10-year yield
    Nvidia reported revenue of $7.19 billion.           | $7.19 billion | revenue
    Consumer prices rose 0.3% in August.                | 0.3%          | consumer prices
    Labour took 33.8% of the vote.                      | 33.8%         | vote
    Nvidia shares fell 3% on Monday.                    | 3%            | shares
    Revenue during the second quarter was $331 million. | $331 million  | revenue
    Shares of Microsoft, a rival, fell 1.2%.            | 1.2%          | shares
    # the company is who, not what
    The company raised $550 billion.                    | $550 billion  | -
""")


@pytest.mark.parametrize(("text", "raw", "concept"), CONCEPTS)
def test_concept_is_the_figures_own_noun_phrase(text: str, raw: str, concept: str | None) -> None:
    assert figure(text, raw).concept == concept


METRICS = cases("""
    text                                                            | raw            | metric
    The Fed cut rates by 25 basis points to a range of 4.00%-4.25%. | 25 basis points | policy_rate.change
    The Fed cut rates by 25 basis points to a range of 4.00%-4.25%. | 4.00%-4.25%    | policy_rate
    The federal funds target range is now 4% to 4.25%.              | 4% to 4.25%    | policy_rate
    # the level a monthly figure moved from is last month's (its period says so, not its metric)
    The Fed cut the target range from 4.25%-4.50% to 4.00%-4.25%.   | 4.25%-4.50%    | policy_rate
    Inflation rose to 2.7% from 2.6% a year earlier.                | 2.6%           | cpi.yoy.prior
    Miran dissented in favour of a 50 basis point cut in interest rates. | 50 basis point | policy_rate.change.proposal
    The central bank aims for 2% inflation.                         | 2%             | inflation_target
    Annual inflation eased to 2.9% in August.                       | 2.9%           | cpi.yoy
    Core CPI rose 0.3% from the previous month.                     | 0.3%           | cpi.core.mom
    The core PCE price index rose 2.0 percent.                      | 2.0 percent    | pce_inflation.core
    The economy grew at a 3.8% annualized rate.                     | 3.8%           | gdp_growth.saar
    The unemployment rate rose to 4.3%.                             | 4.3%           | unemployment_rate
    The yield on the 10-year note rose to 4.6%.                     | 4.6%           | bond_yield.10y
    The 2-year yield fell 5 basis points.                           | 5 basis points | bond_yield.2y.change
    # a share or points after "added" moved what stands before the verb; a count is the verb's object
    The 30-year yield added 3 basis points to 4.71%.                | 3 basis points | bond_yield.30y.change
    The economy added 150,000 jobs in June.                         | 150,000        | payrolls
    The firm cut 8% of its staff.                                   | 8%             | staff.percent.change
    The S&P 500 rose 1.2% on Tuesday.                               | 1.2%           | stock_index_change
    Oracle shares jumped 25% in after-hours trading.                | 25%            | share_price_change.after_hours
    Nvidia shares rose 3%, while AMD fell 2%.                       | 2%             | share_price_change
    Its forecast topped estimates by 55%.                           | 55%            | beat_vs_estimates.guidance
    Adjusted earnings per share fell 2% to $1.47.                   | 2%             | eps.adjusted.change
    Earnings per share fell 2% to $1.47.                            | 2%             | eps.change
    Adjusted net income rose to $6.7 billion.                       | $6.7 billion   | net_income.adjusted
    # a money loss is a result of its own, neither a move nor a profit's level
    The insurer posted a net loss of $410 million.                  | $410 million   | net_income.loss
    Operating income rose to $6.8 billion.                          | $6.8 billion   | operating_income
    The company reported earnings of $2.70 per share.               | $2.70          | eps
    Average hourly earnings rose by 8 cents to $33.82.              | $33.82         | hourly_earnings
    Average hourly earnings rose by 8 cents to $33.82.              | 8 cents        | hourly_earnings.change
    Average hourly earnings rose 4.3% over the past 12 months.      | 4.3%           | hourly_earnings_growth.yoy
    Consumer prices rose 2.7% annually in November.                 | 2.7%           | cpi.yoy
    Health care added 52,000 jobs.                                  | 52,000         | payrolls.health_care
    Consumer prices for energy fell 3.2% from a year earlier.       | 3.2%           | cpi.energy.yoy
    Consumer prices excluding food and energy rose 0.3% on the month. | 0.3%         | cpi.core.mom
    The Fed has cut rates by 1 percentage point since September.    | 1 percentage point | policy_rate.change.since
    July payrolls were revised down by 30,000 to 157,000.           | 30,000         | payrolls.revision
    July payrolls were revised down by 30,000 to 157,000.           | 157,000        | payrolls.revised
    The company sees revenue of $8 billion to $8.2 billion. | $8 billion to $8.2 billion | revenue.guidance
    Analysts were expecting revenue of $316 million.                | $316 million   | revenue.estimate
    The prior tariff of 24% was cut to 15%.                         | 24%            | tariff_rate.prior
    The prior tariff of 24% was cut to 15%.                         | 15%            | tariff_rate
    Labour won 412 seats.                                           | 412            | seats
    # a noun a number counts is no stance: goals scored are no target, but a goal set is one
    The winger has scored 19 goals in 52 games.                     | 19             | goals.count
    The winger has scored 19 goals in 52 games.                     | 52             | games.count
    The club's stated goal is 90 wins.                              | 90             | goal.count.target
    The bank lowered its 2026 GDP forecast to 1.1% from 1.4%.       | 1.4%           | gdp.percent.prior.guidance
    # the whole is another fact
    Labour won 412 of the 650 seats.                                | 650            | seats.total
    Labour took 33.8% of the vote.                                  | 33.8%          | vote_share
    Turnout was 60%.                                                | 60%            | turnout
    OPEC+ will raise output by 137,000 barrels per day. | 137,000 barrels per day | oil_output.change
    Brent crude settled at $65.50 a barrel.                         | $65.50         | price_per_unit
""")


@pytest.mark.parametrize(("text", "raw", "metric"), METRICS)
def test_metric_from_the_figures_own_phrase(text: str, raw: str, metric: str) -> None:
    assert figure(text, raw).metric == metric


NEVER_FROM_ELSEWHERE = cases("""
    text                                                                | raw  | metric
    # a signal word elsewhere in the sentence never decides the metric
    The consumer price index rose 0.4%, and the Dow gained 1.1%.        | 1.1% | stock_index_change
    The consumer price index rose 0.4%, and the Dow gained 1.1%.        | 0.4% | cpi
    Shelter costs, a large part of the consumer price index, rose 0.4%. | 0.4% | shelter_costs.percent.change
    Traders see a 64% chance that the Fed cuts interest rates.          | 64%  | probability
    Shares rose 2% after the company reported revenue of $5 billion.    | 2%   | share_price_change
""")


@pytest.mark.parametrize(("text", "raw", "metric"), NEVER_FROM_ELSEWHERE)
def test_words_elsewhere_in_the_sentence_do_not_decide(text: str, raw: str, metric: str) -> None:
    assert figure(text, raw).metric == metric


OPEN_DOMAIN = [
    ("The prior royalty of 24% was scrapped.", "24%", "royalty.percent.prior"),
    ("The plant will employ 1,200 workers.", "1,200", "workers.count"),
    ("Ministers will meet within a window of 45 days.", "45 days", "window.duration"),
]


@pytest.mark.parametrize(("text", "raw", "metric"), OPEN_DOMAIN)
def test_open_domain_metric_from_concept_and_dimension(text: str, raw: str, metric: str) -> None:
    assert figure(text, raw).metric == metric


def test_tenors_and_frequency_phrases_are_not_figures_facts() -> None:
    """The tenor names the bond (the grammar reads no figure in it); the frequency phrase is how
    the move is measured: neither is a fact of its own."""
    text = "The 10-year yield rose over the past 12 months."
    facts = {f.raw_text: f.fact_key for f in extract_figures(text, published_date=PUBLISHED)}
    assert facts == {"12 months": None}


def test_a_conversion_takes_the_fact_of_the_figure_it_converts() -> None:
    text = "Japan and the US agreed: Japan will invest $550 billion (about 80 trillion yen) in the U.S."
    usd, jpy = (f for f in extract_figures(text) if f.kind == "money")
    assert usd.fact_key == jpy.fact_key == "japan_us_investment_pledge|Japan|"
