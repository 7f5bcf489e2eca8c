"""Metric consistency across sources (pure polars)."""

from __future__ import annotations

import polars as pl
import pytest
from cases import records
from contract_columns import CONTRACT_COLUMNS

from newsfacts.consistency import (
    OUTPUT_SCHEMA,
    agreeing_groups,
    build_metric_consistency,
    describe_mention,
)

_counter = iter(range(1_000_000))


def fig(doc, metric, value=None, *, unit="USD", qualifier="exact", low=None, high=None, raw=None, kind="money"):
    return {
        "figure_id": f"f{next(_counter)}",
        "document_id": doc,
        "metric": metric,
        "unit": unit,
        "kind": kind,
        "value": value,
        "value_low": low,
        "value_high": high,
        "qualifier": qualifier,
        "raw_text": raw,
    }


def frame(*rows) -> pl.DataFrame:
    return pl.DataFrame(
        list(rows),
        schema={
            "figure_id": pl.Utf8,
            "document_id": pl.Utf8,
            "metric": pl.Utf8,
            "unit": pl.Utf8,
            "kind": pl.Utf8,
            "value": pl.Float64,
            "value_low": pl.Float64,
            "value_high": pl.Float64,
            "qualifier": pl.Utf8,
            "raw_text": pl.Utf8,
        },
    )


def consistency_of(mentions: str) -> pl.DataFrame:
    """metric_consistency over figures written as a text table (tests/cases.py) whose columns are
    `fig`'s arguments, one figure a line."""
    return build_metric_consistency(frame(*(fig(**m) for m in records(mentions))))


def only_row(df: pl.DataFrame, metric: str, unit: str | None = None) -> dict:
    rows = df.filter(pl.col("metric") == metric)
    if unit is not None:
        rows = rows.filter(pl.col("unit") == unit)
    assert rows.height == 1, rows
    return rows.row(0, named=True)


def test_output_columns_and_types():
    out = build_metric_consistency(frame(fig("doc_a", "m", 1.0)))
    assert out.columns[:8] == CONTRACT_COLUMNS["metric_consistency"]
    assert dict(out.schema) == OUTPUT_SCHEMA


def test_empty_and_all_null_metrics():
    assert build_metric_consistency(frame()).is_empty()
    out = consistency_of("""
        doc   | metric | value: number
        doc_a | -      | 5.0
        doc_b | -      | 6.0
    """)
    assert out.is_empty() and dict(out.schema) == OUTPUT_SCHEMA


def test_over_4_and_up_to_5_percent_are_consistent():
    out = consistency_of("""
        doc   | metric | value: number | unit    | qualifier | low: number | high: number | raw      | kind
        doc_a | growth | 4.0           | percent | more_than | 4.0         | -            | over 4%  | percent
        doc_b | growth | 5.0           | percent | at_most   | -           | 5.0          | up to 5% | percent
    """)
    row = only_row(out, "growth")
    assert row["verdict"] == "consistent"
    assert (row["n_sources"], row["n_mentions"], row["value_min"], row["value_max"]) == (2, 2, 4.0, 5.0)
    assert row["sources"] == ["doc_a", "doc_b"]
    assert row["conflicts"] == ""


def test_550bn_vs_500bn_conflict_names_values_and_documents():
    out = consistency_of("""
        doc   | metric                     | value: number | raw
        doc_b | japan_us_investment_pledge | 500e9         | $500 billion
        doc_a | japan_us_investment_pledge | 550e9         | $550 billion
    """)
    row = only_row(out, "japan_us_investment_pledge")
    assert row["verdict"] == "conflict"
    assert row["conflicts"] == (
        "japan_us_investment_pledge: 500000000000 USD in doc_b ($500 billion)"
        " vs 550000000000 USD in doc_a ($550 billion)"
    )
    assert (row["value_min"], row["value_max"]) == (500e9, 550e9)


def test_more_than_5tn_and_6tn_are_consistent():
    out = consistency_of("""
        doc   | metric | value: number | qualifier | low: number | raw
        doc_a | pledge | 5e12          | more_than | 5e12        | more than $5 trillion
        doc_b | pledge | 6e12          | exact     | -           | $6 trillion
    """)
    assert only_row(out, "pledge")["verdict"] == "consistent"


def test_less_than_5tn_and_6tn_conflict():
    out = consistency_of("""
        doc   | metric | value: number | qualifier | high: number | raw
        doc_a | pledge | 5e12          | less_than | 5e12         | less than $5 trillion
        doc_b | pledge | 6e12          | exact     | -            | $6 trillion
    """)
    row = only_row(out, "pledge")
    assert row["verdict"] == "conflict"
    assert "less than 5000000000000 USD in doc_a (less than $5 trillion)" in row["conflicts"]


def test_single_source():
    out = consistency_of("""
        doc   | metric | value: number | unit    | raw
        doc_a | tariff | 15.0          | percent | 15%
        doc_a | tariff | 15.0          | percent | -
    """)
    row = only_row(out, "tariff")
    assert (row["verdict"], row["n_sources"], row["n_mentions"]) == ("single_source", 1, 2)


def test_one_document_with_several_values_is_single_source():
    """Several values in one document (three companies' share moves) are not a conflict between sources."""
    out = consistency_of("""
        doc   | metric | value: number | unit  | raw      | kind
        doc_a | jobs   | 100.0         | count | 100 jobs | count
        doc_a | jobs   | 200.0         | count | 200 jobs | count
    """)
    row = only_row(out, "jobs")
    assert (row["verdict"], row["n_sources"], row["conflicts"]) == ("single_source", 1, "")


RATE_IN_TWO_DOCUMENTS = """
    doc   | metric | value: number | unit    | raw
    doc_a | rate   | 5.0           | percent | 5%
    doc_a | rate   | 7.0           | percent | 7%
"""


@pytest.mark.parametrize(
    ("other", "verdict", "conflicts"),
    [
        pytest.param("doc_b | rate | 5.0 | percent | 5 percent", "consistent", "", id="one-value-fits-every-document"),
        pytest.param(
            "doc_b | rate | 6.0 | percent | 6 percent",
            "conflict",
            "rate: 5 percent in doc_a (5%) vs 6 percent in doc_b (6 percent) vs 7 percent in doc_a (7%)",
            id="no-value-fits-every-document",
        ),
    ],
)
def test_sources_agree_only_when_one_value_fits_every_document(other: str, verdict: str, conflicts: str):
    row = only_row(consistency_of(RATE_IN_TWO_DOCUMENTS + other), "rate")
    assert (row["verdict"], row["conflicts"]) == (verdict, conflicts)


def test_different_units_are_kept_separate():
    out = consistency_of("""
        doc   | metric | value: number | unit | raw
        doc_a | pledge | 550e9         | USD  | $550 billion
        doc_b | pledge | 80e12         | JPY  | ¥80 trillion
        doc_c | pledge | 550e9         | USD  | US$550bn
    """)
    assert out.height == 2
    usd, jpy = only_row(out, "pledge", "USD"), only_row(out, "pledge", "JPY")
    assert (usd["verdict"], usd["sources"]) == ("consistent", ["doc_a", "doc_c"])
    assert (jpy["verdict"], jpy["sources"]) == ("single_source", ["doc_b"])


def test_rounding_tolerance_is_a_parameter():
    rows = frame(fig("doc_a", "m", 100.0), fig("doc_b", "m", 100.8))
    assert only_row(build_metric_consistency(rows), "m")["verdict"] == "consistent"
    assert only_row(build_metric_consistency(rows, exact_tolerance=0.001), "m")["verdict"] == "conflict"


def test_approx_gets_ten_percent():
    rows = frame(fig("doc_a", "m", 100.0, qualifier="approx", raw="about 100"), fig("doc_b", "m", 109.0))
    assert only_row(build_metric_consistency(rows), "m")["verdict"] == "consistent"
    rows = frame(fig("doc_a", "m", 100.0, qualifier="approx", raw="about 100"), fig("doc_b", "m", 115.0))
    row = only_row(build_metric_consistency(rows), "m")
    assert row["verdict"] == "conflict"
    assert "about 100 USD in doc_a (about 100)" in row["conflicts"]


def test_ranges_intersect_or_conflict():
    r = dict(unit="percent", kind="percent", qualifier="range")
    rows = frame(fig("doc_a", "m", low=64.0, high=75.0, raw="64-75%", **r), fig("doc_b", "m", 70.0, unit="percent"))
    row = only_row(build_metric_consistency(rows), "m")
    assert (row["verdict"], row["value_min"], row["value_max"]) == ("consistent", 64.0, 75.0)
    rows = frame(fig("doc_a", "m", low=64.0, high=75.0, raw="64-75%", **r), fig("doc_b", "m", 80.0, unit="percent"))
    row = only_row(build_metric_consistency(rows), "m")
    assert row["verdict"] == "conflict"
    assert "64-75 percent in doc_a (64-75%)" in row["conflicts"]


def test_three_groups_minimal_split():
    rows = frame(
        fig("doc_a", "m", 10.0, raw="10"),
        fig("doc_b", "m", 10.02, raw="10.02"),
        fig("doc_c", "m", 20.0, raw="20"),
        fig("doc_d", "m", 30.0, raw="30"),
        fig("doc_e", "m", 25.0, low=25.0, qualifier="at_least", raw="at least 25"),
    )
    row = only_row(build_metric_consistency(rows), "m")
    assert row["verdict"] == "conflict"
    groups = row["conflicts"].removeprefix("m: ").split(" vs ")
    assert groups == [
        "10 USD in doc_a (10), 10.02 USD in doc_b (10.02)",
        "20 USD in doc_c (20)",
        "30 USD in doc_d (30), at least 25 USD in doc_e (at least 25)",
    ]


def test_mentions_without_numbers_do_not_constrain():
    rows = frame(fig("doc_a", "m", 5.0), fig("doc_b", "m", None), fig("doc_c", "m", float("nan")))
    row = only_row(build_metric_consistency(rows), "m")
    assert (row["verdict"], row["n_sources"], row["n_mentions"]) == ("consistent", 3, 3)


def test_missing_raw_text_column_is_tolerated():
    rows = frame(fig("doc_a", "m", 1.0), fig("doc_b", "m", 2.0)).drop("raw_text", "figure_id")
    row = only_row(build_metric_consistency(rows), "m")
    assert row["conflicts"] == "m: 1 USD in doc_a vs 2 USD in doc_b"


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ({"qualifier": "exact", "value": 5.0, "unit": "percent"}, "5 percent"),
        ({"qualifier": "range", "value_low": 1.0, "value_high": 3.0, "unit": "month"}, "1-3 month"),
        (
            {"qualifier": "more_than", "value": 250.0, "value_low": 250.0, "unit": "percent"},
            "more than 250 percent",
        ),
        ({"qualifier": "at_most", "value_high": 2.5, "unit": "times"}, "at most 2.5 times"),
    ],
)
def test_describe_mention(row, text):
    assert describe_mention(row) == text


def test_agreeing_groups_is_minimal_for_nested_intervals():
    inf = float("inf")
    mentions = [
        {"lo": 0.0, "hi": 10.0},
        {"lo": 2.0, "hi": 3.0},
        {"lo": 5.0, "hi": 6.0},
        {"lo": 5.5, "hi": inf},
    ]
    groups = agreeing_groups(mentions)
    assert len(groups) == 2
    for g in groups:
        assert max(m["lo"] for m in g) <= min(m["hi"] for m in g)


def _interval_strategy():
    from hypothesis import strategies as st

    finite = st.integers(min_value=-50, max_value=50).map(float)
    return st.tuples(finite, finite).map(lambda t: {"lo": min(t), "hi": max(t)})


def test_agreeing_groups_property():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.lists(_interval_strategy(), min_size=1, max_size=12))
    def check(mentions):
        groups = agreeing_groups(mentions)
        assert sum(len(g) for g in groups) == len(mentions)
        for g in groups:  # each group shares a value
            assert max(m["lo"] for m in g) <= min(m["hi"] for m in g)
        # minimal: the interval that opened each group is disjoint from the others' openers, so no
        # split into fewer agreeing groups exists
        openers = [min(g, key=lambda m: m["hi"]) for g in groups]
        for i, a in enumerate(openers):
            for b in openers[i + 1 :]:
                assert a["hi"] < b["lo"] or b["hi"] < a["lo"]
        # one group exactly when all intervals intersect
        assert (len(groups) == 1) == (max(m["lo"] for m in mentions) <= min(m["hi"] for m in mentions))

    check()


def _stabbed_one_group_at_a_time(mentions: list[dict]) -> list[list[dict]]:
    """The greedy definition, spelled out: the smallest upper end left takes every interval opening
    at or below it."""
    pending = sorted(mentions, key=lambda m: (m["hi"], m["lo"]))
    groups = []
    while pending:
        stab = pending[0]["hi"]
        groups.append([m for m in pending if m["lo"] <= stab])
        pending = [m for m in pending if m["lo"] > stab]
    return groups


def test_agreeing_groups_are_the_greedy_stabbing_groups_in_the_same_order():
    """Same groups, same order, same members in the same order (ties included) as the definition."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(_interval_strategy(), max_size=30))
    def check(mentions):
        mentions = [{**m, "n": n} for n, m in enumerate(mentions)]  # equal intervals stay told apart
        assert agreeing_groups(mentions) == _stabbed_one_group_at_a_time(mentions)

    check()


# -- contract v2: one row per fact_key and unit ---------------------------------------------------


def keyed(doc, key, value=None, *, unit="percent", kind="percent", raw=None, sentence=None, **kw):
    row = fig(doc, key.split("|")[0], value, unit=unit, kind=kind, raw=raw, **kw)
    return {**row, "fact_key": key, "sentence": sentence}


def keyed_frame(*rows) -> pl.DataFrame:
    schema = {**frame().schema, "fact_key": pl.Utf8, "sentence": pl.Utf8}
    return pl.DataFrame(list(rows), schema=schema)


def compared(key: str, mentions: str) -> pl.DataFrame:
    """metric_consistency over mentions of the fact `key`: a text table (tests/cases.py) whose columns
    are `keyed`'s arguments, one mention a line."""
    return build_metric_consistency(keyed_frame(*(keyed(key=key, **m) for m in records(mentions))))


def test_only_figures_sharing_a_fact_key_are_compared():
    out = build_metric_consistency(
        keyed_frame(
            keyed("doc_a", "cpi.yoy|United States|2025-09", 2.9, raw="2.9%"),
            keyed("doc_b", "cpi.yoy|United States|2025-11", 2.7, raw="2.7%"),
            keyed("doc_c", "cpi.yoy|United States|2025-09", 2.9, raw="2.9%"),
        )
    )
    assert out.height == 2
    assert set(out["verdict"]) == {"consistent", "single_source"}
    row = out.filter(pl.col("period") == "2025-09").row(0, named=True)
    assert (row["metric"], row["subject"], row["fact_key"]) == (
        "cpi.yoy",
        "United States",
        "cpi.yoy|United States|2025-09",
    )


def test_empty_subject_and_period_are_null():
    seats = dict(raw="412", unit="count", kind="count")
    no_period = build_metric_consistency(keyed_frame(keyed("doc_a", "seats|Labour|", 412.0, **seats)))
    assert (no_period["subject"][0], no_period["period"][0]) == ("Labour", None)
    no_subject = build_metric_consistency(keyed_frame(keyed("doc_a", "seats||2024", 412.0, **seats)))
    assert (no_subject["subject"][0], no_subject["period"][0]) == (None, "2024")


def test_a_key_of_nobody_at_no_time_gets_no_row():
    """Neither subject nor period: not compared, and no row whose NULL key an update could not find again."""
    seats = dict(unit="count", kind="count")
    out = build_metric_consistency(
        keyed_frame(keyed("a", "seats||", 412.0, raw="412", **seats), keyed("b", "seats||", 411.0, raw="411", **seats))
    )
    assert out.is_empty()


def test_rounding_follows_the_digits_as_written():
    seats = dict(unit="count", kind="count")
    agree = keyed_frame(
        keyed("a", "seats|Labour|", 412.0, raw="412", **seats), keyed("b", "seats|Labour|", 412.0, raw="412", **seats)
    )
    disagree = keyed_frame(
        keyed("a", "seats|Labour|", 412.0, raw="412", **seats), keyed("b", "seats|Labour|", 411.0, raw="411", **seats)
    )
    assert build_metric_consistency(agree)["verdict"][0] == "consistent"
    assert build_metric_consistency(disagree)["verdict"][0] == "conflict"
    # "34%" stands for 33.5-34.5, so it agrees with "33.8%"; "36%" does not
    rounded = keyed_frame(
        keyed("a", "vote_share|Labour|", 33.8, raw="33.8%"), keyed("b", "vote_share|Labour|", 34.0, raw="34%")
    )
    assert build_metric_consistency(rounded)["verdict"][0] == "consistent"
    wrong = keyed_frame(
        keyed("a", "vote_share|Labour|", 33.8, raw="33.8%"), keyed("b", "vote_share|Labour|", 36.0, raw="36%")
    )
    assert build_metric_consistency(wrong)["verdict"][0] == "conflict"


def test_80_and_81_trillion_yen_conflict_but_80tn_and_80_trillion_agree():
    yen = dict(unit="JPY", kind="money")
    key = "pledge|Japan|"
    conflict = keyed_frame(
        keyed("a", key, 80e12, raw="80 trillion yen", **yen), keyed("b", key, 81e12, raw="81 trillion yen", **yen)
    )
    row = build_metric_consistency(conflict).row(0, named=True)
    assert row["verdict"] == "conflict"
    assert "80000000000000 JPY in a (80 trillion yen)" in row["conflicts"]
    same = keyed_frame(keyed("a", key, 80e12, raw="¥80tn", **yen), keyed("b", key, 80e12, raw="80 trillion yen", **yen))
    assert build_metric_consistency(same)["verdict"][0] == "consistent"


def test_basis_points_and_percentage_points_are_one_unit():
    out = compared(
        "policy_rate.change|United States|2025-09",
        """
        doc | value: number | raw                   | unit
        a   | 0.25          | 25 basis points       | percentage_point
        b   | 0.25          | 0.25 percentage point | percentage_point
        c   | 0.5           | 50 basis points       | percentage_point
        """,
    )
    row = out.row(0, named=True)
    assert row["verdict"] == "conflict" and row["n_sources"] == 3
    assert "in c (50 basis points)" in row["conflicts"]


def test_units_are_converted_within_a_dimension():
    out = compared(
        "range|Tesla|",
        """
        doc | value: number | raw         | unit | kind
        a   | 500.0         | 500 km      | km   | quantity
        b   | 310.7         | 310.7 miles | mile | quantity
        c   | 500.0         | 500 km      | km   | quantity
        """,
    )
    assert out.height == 1
    row = out.row(0, named=True)
    assert (row["unit"], row["verdict"]) == ("km", "consistent")
    wrong = compared(
        "range|Tesla|",
        """
        doc | value: number | raw       | unit | kind
        a   | 500.0         | 500 km    | km   | quantity
        b   | 500.0         | 500 miles | mile | quantity
        """,
    )
    assert wrong["verdict"][0] == "conflict"


def test_45_business_days_are_not_45_days():
    out = compared(
        "deadline|United States|",
        """
        doc | value: number | raw              | unit | kind
        a   | 45.0          | 45 days          | day  | duration
        b   | 45.0          | 45 business days | day  | duration
        """,
    )
    row = out.row(0, named=True)
    assert row["verdict"] == "conflict"
    assert "in b (45 business days)" in row["conflicts"]


def test_currencies_are_never_converted():
    out = compared(
        "pledge|Japan|",
        """
        doc | value: number | raw             | unit | kind
        a   | 550e9         | $550 billion    | USD  | money
        b   | 80e12         | 80 trillion yen | JPY  | money
        """,
    )
    assert sorted(out["unit"]) == ["JPY", "USD"]
    assert set(out["verdict"]) == {"single_source"}


def test_conflict_shows_values_first_then_each_documents_sentence():
    key = "tariff_rate.prior|Japan|"
    out = compared(
        key,
        """
        doc | value: number | raw | sentence
        a   | 24.0          | 24% | The tariff falls from the prior tariff of 24%.
        b   | 25.0          | 25% | It had been 25%.
        """,
    )
    text = out["conflicts"][0]
    assert text.startswith(key + ": 24 percent in a (24%) vs 25 percent in b (25%)")
    assert text.index("in their words") > text.index("in b (25%)")
    assert "a: “The tariff falls from the prior tariff of 24%.”" in text
    assert "b: “It had been 25%.”" in text


def test_rows_without_a_fact_key_are_not_compared():
    out = build_metric_consistency(
        keyed_frame(
            {**keyed("a", "x|y|", 1.0, raw="1%"), "fact_key": None},
            {**keyed("b", "x|y|", 9.0, raw="9%"), "fact_key": None},
        )
    )
    assert out.is_empty()
