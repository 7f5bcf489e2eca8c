"""The metric catalog: same metric in other wordings, different measures kept apart, YAML rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.figures import MetricCatalog, extract_figures, load_catalog

JAPAN_US = "Japan and the United States deepened ties as Tokyo courted Washington. "


def metric_of(text: str, raw: str, catalog: MetricCatalog | None = None) -> str | None:
    (f,) = [f for f in extract_figures(text, catalog=catalog) if f.raw_text == raw]
    return f.metric


WORDINGS = [
    (JAPAN_US + "Japan upholds its $550 billion pledge to the U.S.", "$550 billion",
     "japan_us_investment_pledge"),
    (JAPAN_US + "Japan will provide 550 billion dollars of investment.", "550 billion dollars",
     "japan_us_investment_pledge"),
    (JAPAN_US + "In 2025, Japanese investment in the US has already surpassed US$60 billion.",
     "US$60 billion", "japan_us_investment_realized_2025"),
    ("Japan’s commitment to raise defense spending to 2% of GDP.", "2%", "defense_spending_gdp_share"),
    ("NATO members must spend 2 per cent of GDP on their defence budgets.", "2 per cent",
     "defense_spending_gdp_share"),
    (JAPAN_US + "Reciprocal tariffs would be capped at 15 percent.", "15 percent",
     "us_reciprocal_tariff_cap_japan"),
    ("Japan’s debt-to-GDP ratio exceeding 250%.", "250%", "debt_to_gdp"),
    ("An economy burdened by debt nearly three times its GDP.", "three times", "debt_to_gdp"),
    ("Defense stocks surged by over 4%.", "4%", "share_price_change"),
    ("Sanae Takaichi took office. Early polls show approval from 64-75%.", "64-75%",
     "takaichi_approval_rating"),
    (JAPAN_US + "Japan’s pension and insurance funds manage more than $5 trillion.", "$5 trillion",
     "japan_pension_insurance_aum"),
    ("Consumer price inflation slowed to 2.9% in May.", "2.9%", "cpi.yoy"),
    ("The unemployment rate rose to 4.2%.", "4.2%", "unemployment_rate"),
    ("The Nikkei index fell 2%.", "2%", "stock_index_change"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "raw", "metric"), WORDINGS)
def test_metric_found_in_other_wordings(text: str, raw: str, metric: str) -> None:
    assert metric_of(text, raw) == metric


def test_realised_investment_is_not_merged_with_the_pledge() -> None:
    text = JAPAN_US + "In 2025, Japanese firms already invested $60 billion in the US, beyond the $550bn pledge."
    assert metric_of(text, "$60 billion") == "japan_us_investment_realized_2025"
    assert metric_of(text, "$550bn") == "japan_us_investment_pledge"


def test_no_metric_without_signals_or_context() -> None:
    assert metric_of("The company raised $550 billion.", "$550 billion") is None
    assert metric_of("Acme pledged $550 billion to charity.", "$550 billion") is None  # no Japan/US context
    # another leader's rating is the general approval metric, never Takaichi's
    assert metric_of("Trump's approval rating fell to 40% after Takaichi's visit.", "40%") == "approval_rating"


@pytest.mark.parametrize(
    ("text", "raw", "index"),
    [
        # points of a named index, and bare points in a story about a market
        ("The Hang Seng shed 210 points on Tuesday.", "210 points", True),
        ("Equities slid in late trade. The benchmark ended 95 points down.", "95 points", True),
        # a game's, a credit score's or a tally's points are no index's
        ("The guard scored 33 points against Denver.", "33 points", False),
        ("Her credit score climbed 60 points in a year.", "60 points", False),
        ("The hosts won the final by 12 points.", "12 points", False),
    ],
)
def test_points_are_an_index_s_only_about_a_market(text: str, raw: str, index: bool) -> None:
    assert (metric_of(text, raw) or "").startswith("stock_index_points") is index


def test_kind_and_unit_must_match() -> None:
    assert metric_of("Defense spending will reach 2% of GDP by 2027.", "2027") is None


def test_shared_subject_reaches_each_figure_of_a_list() -> None:
    text = "Defense stocks such as Mitsubishi Heavy Industries surging by 4% and Yaskawa Electric gaining 3.2%."
    figures = extract_figures(text)
    assert [f.metric for f in figures] == ["share_price_change", "share_price_change"]
    assert [f.subject for f in figures] == ["Mitsubishi Heavy Industries", "Yaskawa Electric"]


def test_custom_catalog_file(tmp_path: Path) -> None:
    path = tmp_path / "metrics.yaml"
    path.write_text(
        "metrics:\n"
        "  - name: widget_sales\n"
        "    kind: count\n"
        "    unit: count\n"
        "    subject: Acme\n"
        "    signals: [[widget*], [sold, sell*]]\n"
        "    exclude: [forecast]\n",
        encoding="utf-8",
    )
    catalog = load_catalog(path)
    assert catalog.metrics == ["widget_sales"]
    (f,) = extract_figures("They sold 300 widgets.", catalog=catalog)
    assert (f.metric, f.subject) == ("widget_sales", "Acme")
    # an exclude term in the figure's own phrase rules the rule out
    assert metric_of("They forecast sales of 300 widgets.", "300", catalog) != "widget_sales"


def test_acronym_terms_are_case_sensitive(tmp_path: Path) -> None:
    path = tmp_path / "metrics.yaml"
    path.write_text("metrics:\n  - {name: us_thing, kind: percent, unit: percent, vary: [], signals: [[US]]}\n")
    catalog = load_catalog(path)
    assert metric_of("US output rose 5%.", "5%", catalog) == "us_thing"
    assert metric_of("Tell us it rose 5%.", "5%", catalog) is None


def test_invalid_catalog_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "metrics.yaml"
    path.write_text("metrics:\n  - {name: broken, kind: weight, signals: [[x]]}\n")
    with pytest.raises(ValueError, match="kind"):
        load_catalog(path)


def test_packaged_catalog_has_the_gold_metrics() -> None:
    names = set(load_catalog().metrics)
    assert {
        "japan_us_investment_pledge",
        "defense_spending_gdp_share",
        "us_reciprocal_tariff_cap_japan",
        "takaichi_approval_rating",
        "share_price_change",
        "debt_to_gdp",
        "japan_us_investment_realized_2025",
        "japan_pension_insurance_aum",
    } <= names


@pytest.mark.parametrize(
    ("text", "raw", "metric"),
    [
        # bare "rates" are a central bank's only in an article about one
        ("The Federal Reserve held rates at 5.25% on Wednesday.", "5.25%", "policy_rate"),
        # a takeover's price per share is an offer, not earnings
        ("Acme will pay $95 per share in cash for the rival.", "$95", "offer_per_share"),
        ("Quarterly profit came to $2.10 a share.", "$2.10", "eps"),
    ],
)
def test_bare_rates_and_prices_per_share(text: str, raw: str, metric: str) -> None:
    assert metric_of(text, raw) == metric


@pytest.mark.parametrize(
    ("text", "raw"), [("Obesity rates rose to 42.4% of adults.", "42.4%"), ("Vacancy rates hit 7% in May.", "7%")]
)
def test_rates_of_no_central_bank_are_no_policy_rate(text: str, raw: str) -> None:
    assert metric_of(text, raw) != "policy_rate"
