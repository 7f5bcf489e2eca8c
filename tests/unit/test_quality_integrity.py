"""Integrity suites: real GX validations over small in-memory DuckDB warehouses."""

from __future__ import annotations

import hashlib
import re

import duckdb
import pytest
from cases import cases

from newsfacts.quality.runner import SuiteOutcome, gx_context, run_integrity_suites, run_suite
from newsfacts.quality.suites import OPEN_UNIT_RULES, document_issues_suite, integrity_suites
from newsfacts.vocabulary import FIGURE_KINDS, UNITS_BY_KIND
from newsfacts.warehouse import audit
from newsfacts.warehouse.schema import AUDITED_TABLES, LEDGER, PUBLISHED_TABLES

# The published layout (claims with its cluster_id), without keys so that tests can break them.
CONTRACT_DDL = ";\n".join(t.ddl(constraints=False) for t in PUBLISHED_TABLES)

DOCS = {
    "doc_a": "Japan will invest $550 billion in the US. Growth was over 4% in July 2025 — café ☕ prices rose.",
    "doc_b": "Tokyo pledged $550 billion. The debt-to-GDP ratio is 250%. Tariffs of 15-25% apply for 180 days.",
}

# (figure_id, document_id, raw_text, kind, value, low, high, unit, qualifier, metric)
FIGURES = [
    ("fa1", "doc_a", "$550 billion", "money", 550e9, None, None, "USD", "exact", "japan_us_investment_pledge"),
    ("fa2", "doc_a", "over 4%", "percent", 4.0, 4.0, None, "percent", "more_than", "growth"),
    ("fa3", "doc_a", "July 2025", "date", 2025.0, None, None, "year", "exact", None),
    ("fb1", "doc_b", "$550 billion", "money", 550e9, None, None, "USD", "exact", "japan_us_investment_pledge"),
    ("fb2", "doc_b", "250%", "percent", 250.0, None, None, "percent", "exact", "debt_to_gdp"),
    ("fb3", "doc_b", "15-25%", "percent", None, 15.0, 25.0, "percent", "range", "tariff_rate"),
    ("fb4", "doc_b", "180 days", "duration", 180.0, None, None, "day", "exact", None),
]  # fmt: skip

# (claim_id, document_id, text, claim_type, cluster_id)
CLAIMS = [
    ("ca1", "doc_a", "Japan will invest $550 billion in the US.", "statistic", "k1"),
    ("ca2", "doc_a", "Growth was over 4% in July 2025 — café ☕ prices rose.", "assertion", None),
    ("cb1", "doc_b", "Tokyo pledged $550 billion.", "statistic", "k1"),
    ("cb2", "doc_b", "The debt-to-GDP ratio is 250%.", "statistic", None),
]

# The contract v1 columns the rows below fill; the others stay NULL.
FIGURE_COLUMNS = (
    "figure_id, document_id, char_start, char_end, raw_text, kind, value, value_low, value_high, unit, qualifier, "
    "metric, subject, sentence, extractor_version"
)
CONSISTENCY_COLUMNS = "metric, unit, n_sources, n_mentions, value_min, value_max, verdict, sources"

CLAIM_FIGURES = [("ca1", "fa1"), ("ca2", "fa2"), ("ca2", "fa3"), ("cb1", "fb1"), ("cb2", "fb2")]


def _span(doc_id: str, text: str) -> tuple[int, int]:
    start = DOCS[doc_id].index(text)
    return start, start + len(text)


def make_warehouse() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with every contract table and a small set of valid rows."""
    con = duckdb.connect(":memory:")
    con.execute(CONTRACT_DDL)
    for doc_id, text in DOCS.items():
        con.execute(
            "INSERT INTO documents (document_id, file_name, source_path, content_sha256, raw_text, char_count,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, TIMESTAMP '2025-08-01 10:00:00')",
            [
                doc_id,
                f"{doc_id}.txt",
                f"{doc_id}.txt",
                hashlib.sha256(text.encode()).hexdigest(),
                text,
                len(text),
            ],
        )
        con.execute(
            "INSERT INTO document_metadata (document_id, title, author, published_date, publisher, description,"
            " sentiment_label, sentiment_score, word_count, body_start, body_end)"
            " VALUES (?, 'T', NULL, DATE '2025-07-30', 'P', NULL, 'neutral', 0.0, 10, 0, ?)",
            [doc_id, len(text)],
        )
    for fid, doc, raw, kind, value, low, high, unit, qual, metric in FIGURES:
        s, e = _span(doc, raw)
        con.execute(
            f"INSERT INTO figures ({FIGURE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'test')",
            [fid, doc, s, e, raw, kind, value, low, high, unit, qual, metric],
        )
    for cid, doc, text, ctype, cluster in CLAIMS:
        s, e = _span(doc, text)
        con.execute(
            "INSERT INTO claims (claim_id, document_id, char_start, char_end, text, speaker, claim_type, hedged,"
            " cluster_id) VALUES (?, ?, ?, ?, ?, NULL, ?, false, ?)",
            [cid, doc, s, e, text, ctype, cluster],
        )
    con.executemany("INSERT INTO claim_figures (claim_id, figure_id) VALUES (?, ?)", CLAIM_FIGURES)
    con.execute(
        "UPDATE claim_figures SET document_id = (SELECT c.document_id FROM claims AS c"
        " WHERE c.claim_id = claim_figures.claim_id)"
    )
    con.execute("INSERT INTO claim_clusters VALUES ('k1', 'Japan pledged $550 billion', 2, 2)")
    con.execute(
        f"""INSERT INTO metric_consistency ({CONSISTENCY_COLUMNS}) VALUES
        ('japan_us_investment_pledge', 'USD', 2, 2, 550e9, 550e9, 'consistent', ['doc_a', 'doc_b']),
        ('growth', 'percent', 1, 1, 4, 4, 'single_source', ['doc_a']),
        ('debt_to_gdp', 'percent', 1, 1, 250, 250, 'single_source', ['doc_b']),
        ('tariff_rate', 'percent', 1, 1, 15, 25, 'single_source', ['doc_b'])"""
    )
    return con


@pytest.fixture(scope="session")
def gx():
    """Import GX and build the ephemeral context once per test session."""
    return gx_context()


@pytest.fixture
def con(gx):
    """The clean warehouse, with every scoped suite's pass recorded: a scoped run then checks what changed."""
    c = make_warehouse()
    c.execute(LEDGER.ddl(constraints=False))
    for spec in integrity_suites():
        audit.record_pass(c, spec)
    yield c
    c.close()


def _verdicts(outcome: SuiteOutcome) -> list[tuple]:
    return [(o.check, o.success, o.unexpected_count, o.unexpected_examples) for o in outcome.outcomes]


def _run(con: duckdb.DuckDBPyConnection, suite: str) -> SuiteOutcome:
    """The suite over every row; checked over only the changed keys too, it must reach the same verdicts."""
    spec = next(s for s in [*integrity_suites(), document_issues_suite()] if s.name == suite)
    whole = run_suite(con, spec)
    scoped = run_suite(con, spec, audit.changed_keys(con, spec))
    assert _verdicts(scoped) == _verdicts(whole)
    return whole


def _failed(outcome: SuiteOutcome, check: str):
    matches = [o for o in outcome.outcomes if o.check == check]
    assert matches, f"no check {check} in {outcome.suite}"
    o = matches[0]
    assert not o.success, f"{outcome.suite}.{check} should fail: {o}"
    assert not outcome.success
    return o


def _only_failures(outcome: SuiteOutcome) -> set[str]:
    return {o.check for o in outcome.outcomes if not o.success}


def _first_examples_name(outcome: SuiteOutcome, **rows: str) -> None:
    """Each check named fails, and its first example is the row that `rows` gives it (`figure_id=fb3`)."""
    for check, row in rows.items():
        assert row in _failed(outcome, check).unexpected_examples[0], check


def _only_failure(con: duckdb.DuckDBPyConnection, change: str, suite: str, check: str):
    """The outcome of `check` after `change`, which must fail it and no other check of `suite`."""
    con.execute(change)
    outcome = _run(con, suite)
    o = _failed(outcome, check)
    assert _only_failures(outcome) == {check}
    return o


def test_clean_warehouse_passes_every_suite(con):
    outcomes = run_integrity_suites(con)
    names = [s.suite for s in outcomes]
    assert names == [
        "documents_integrity",
        "document_metadata_integrity",
        "figures_integrity",
        "claims_integrity",
        "claim_figures_integrity",
        "claim_clusters_integrity",
        "metric_consistency_integrity",
    ]
    failures = {
        (s.suite, o.check): (o.observed_value, o.unexpected_examples)
        for s in outcomes
        for o in s.outcomes
        if not o.success
    }
    assert failures == {}
    assert all(s.blocking for s in outcomes)
    figures = next(s for s in outcomes if s.suite == "figures_integrity")
    assert figures.row_count == len(FIGURES)
    span = next(o for o in figures.outcomes if o.check == "span_matches")
    assert span.expectation == "expect_column_values_to_be_in_set"
    assert span.column_name == "span_matches"
    assert span.unexpected_count == 0
    assert span.observed_value.startswith("0 of 7 rows")


def test_empty_tables_pass_but_documents_must_land(con):
    for table in ["claim_figures", "claim_clusters", "metric_consistency", "claims", "figures"]:
        con.execute(f"DELETE FROM {table}")
    assert all(s.success for s in run_integrity_suites(con))
    con.execute("DELETE FROM document_metadata")
    con.execute("DELETE FROM documents")
    outcomes = {s.suite: s for s in run_integrity_suites(con)}
    landed = _failed(outcomes["documents_integrity"], "documents_landed")
    assert landed.expectation == "expect_column_values_to_be_between"
    assert landed.observed_value == "0"
    assert all(s.success for name, s in outcomes.items() if name != "documents_integrity")
    assert run_integrity_suites(con, min_documents=0)[0].success


def test_missing_table_fails_the_suite_instead_of_raising(con):
    con.execute("DROP TABLE claim_clusters")
    outcomes = {s.suite: s for s in run_integrity_suites(con)}
    failed = _failed(outcomes["claim_clusters_integrity"], "suite_frame_query")
    assert "claim_clusters" in failed.observed_value
    # suites only read their own table and upstream ones: the others are unaffected
    assert all(s.success for name, s in outcomes.items() if name != "claim_clusters_integrity")


@pytest.mark.parametrize(
    ("table", "key", "suite"),
    cases("""
        table             | key         | suite
        documents         | document_id | documents_integrity
        figures           | figure_id   | figures_integrity
        claims            | claim_id    | claims_integrity
        document_metadata | document_id | document_metadata_integrity
    """),
)
def test_duplicate_key(con, table, key, suite):
    con.execute(f"INSERT INTO {table} SELECT * FROM {table} LIMIT 1")
    dup = con.execute(f"SELECT {key} FROM {table} GROUP BY 1 HAVING count(*) > 1").fetchone()[0]
    o = _failed(_run(con, suite), f"{key}_unique")
    assert o.expectation == "expect_column_values_to_be_unique"
    assert o.unexpected_count == 2
    assert all(f"{key}={dup}" in ex for ex in o.unexpected_examples)


def test_duplicate_document_does_not_multiply_figures(con):
    con.execute("INSERT INTO documents SELECT * FROM documents WHERE document_id = 'doc_a'")
    assert _run(con, "figures_integrity").success
    assert _failed(_run(con, "documents_integrity"), "document_id_unique")


@pytest.mark.parametrize(
    ("table", "key", "suite"),
    [
        ("documents", "document_id", "documents_integrity"),
        ("figures", "figure_id", "figures_integrity"),
        ("claims", "claim_id", "claims_integrity"),
    ],
)
def test_null_key(con, table, key, suite):
    con.execute(f"UPDATE {table} SET {key} = NULL WHERE rowid = (SELECT min(rowid) FROM {table})")
    o = _failed(_run(con, suite), f"{key}_not_null")
    assert o.unexpected_count == 1
    assert o.unexpected_examples and f"{key}=NULL" in o.unexpected_examples[0]


def test_claim_figure_pair_duplicate(con):
    con.execute("INSERT INTO claim_figures (claim_id, figure_id) VALUES ('ca2', 'fa3')")
    o = _failed(_run(con, "claim_figures_integrity"), "claim_figure_pair_unique")
    assert o.expectation == "expect_compound_columns_to_be_unique"
    assert o.column_name == "claim_id,figure_id"
    assert o.unexpected_count == 2
    assert "claim_id=ca2, figure_id=fa3" in o.unexpected_examples[0]


def test_figure_end_beyond_document(con):
    con.execute("UPDATE figures SET char_end = 10_000 WHERE figure_id = 'fb2'")
    outcome = _run(con, "figures_integrity")
    o = _failed(outcome, "offsets_in_document")
    assert o.unexpected_count == 1
    (example,) = o.unexpected_examples
    assert "figure_id=fb2" in example and "char_end=10000" in example
    assert f"char_count={len(DOCS['doc_b'])}" in example
    assert _only_failures(outcome) == {"offsets_in_document", "span_matches"}


def test_negative_or_empty_offsets(con):
    con.execute("UPDATE claims SET char_start = -1 WHERE claim_id = 'ca1'")
    con.execute("UPDATE claims SET char_end = char_start WHERE claim_id = 'cb1'")
    o = _failed(_run(con, "claims_integrity"), "offsets_in_document")
    assert o.unexpected_count == 2
    assert {ex.split(",")[0] for ex in o.unexpected_examples} == {"claim_id=ca1", "claim_id=cb1"}


def test_span_not_equal_to_raw_text(con):
    change = "UPDATE figures SET raw_text = '$500 billion' WHERE figure_id = 'fb1'"
    o = _only_failure(con, change, "figures_integrity", "span_matches")
    assert o.unexpected_count == 1
    (example,) = o.unexpected_examples
    assert "figure_id=fb1" in example
    assert "stored_text='$500 billion'" in example and "document_span='$550 billion'" in example


def test_span_off_by_one_after_non_ascii(con):
    # offsets are code points: shifting a claim after the em dash and emoji by one byte-ish step fails
    con.execute("UPDATE claims SET char_start = char_start + 1, char_end = char_end + 1 WHERE claim_id = 'ca2'")
    o = _failed(_run(con, "claims_integrity"), "span_matches")
    assert "claim_id=ca2" in o.unexpected_examples[0]


@pytest.mark.parametrize(
    ("update", "check", "shown"),
    cases("""
        update                | check                   | shown
        kind = 'temperature'  | kind_in_vocabulary      | kind=temperature
        unit = 'usd'          | unit_valid_for_kind     | unit=usd
        unit = 'percent'      | unit_valid_for_kind     | unit=percent
        qualifier = 'roughly' | qualifier_in_vocabulary | qualifier=roughly
        unit = NULL           | unit_not_null           | unit=NULL
    """),
)
def test_bad_vocabulary(con, update, check, shown):
    con.execute(f"UPDATE figures SET {update} WHERE figure_id = 'fa1'")
    o = _failed(_run(con, "figures_integrity"), check)
    assert o.unexpected_count == 1
    assert "figure_id=fa1" in o.unexpected_examples[0] and shown in o.unexpected_examples[0]


@pytest.mark.parametrize(
    ("figure_id", "unit"),
    [("fb4", "fortnight"), ("fa3", "month"), ("fb2", "times")],
)
def test_unit_must_fit_kind(con, figure_id, unit):
    con.execute(f"UPDATE figures SET unit = '{unit}' WHERE figure_id = '{figure_id}'")
    o = _failed(_run(con, "figures_integrity"), "unit_valid_for_kind")
    assert f"figure_id={figure_id}" in o.unexpected_examples[0]


def test_percentage_point_and_other_currencies_are_valid(con):
    con.execute("UPDATE figures SET unit = 'percentage_point' WHERE figure_id = 'fa2'")
    con.execute("UPDATE figures SET unit = 'JPY' WHERE figure_id = 'fb1'")
    assert _run(con, "figures_integrity").success


def test_bad_claim_type(con):
    con.execute("UPDATE claims SET claim_type = 'rumour' WHERE claim_id = 'cb2'")
    o = _failed(_run(con, "claims_integrity"), "claim_type_in_vocabulary")
    assert "claim_id=cb2" in o.unexpected_examples[0] and "claim_type=rumour" in o.unexpected_examples[0]


def test_bad_verdict(con):
    con.execute("UPDATE metric_consistency SET verdict = 'maybe' WHERE metric = 'growth'")
    outcome = _run(con, "metric_consistency_integrity")
    o = _failed(outcome, "verdict_in_vocabulary")
    assert "fact=growth" in o.unexpected_examples[0]


def test_low_above_high(con):
    change = "UPDATE figures SET value_low = 30 WHERE figure_id = 'fb3'"
    o = _only_failure(con, change, "figures_integrity", "bounds_ordered")
    assert o.unexpected_examples == ["figure_id=fb3, value_low=30, value_high=25"]


def test_range_shape(con):
    con.execute("UPDATE figures SET value = 20 WHERE figure_id = 'fb3'")
    con.execute("UPDATE figures SET value = NULL WHERE figure_id = 'fb4'")
    _first_examples_name(
        _run(con, "figures_integrity"), range_shape_valid="figure_id=fb3", value_set_unless_range="figure_id=fb4"
    )


def test_money_out_of_range(con):
    change = "UPDATE figures SET value = 1e20 WHERE figure_id = 'fa1'"
    o = _only_failure(con, change, "figures_integrity", "money_value_in_range")
    assert o.expectation == "expect_column_values_to_be_between"
    assert o.unexpected_count == 1
    assert "figure_id=fa1" in o.unexpected_examples[0] and "money_value=1e+20" in o.unexpected_examples[0]


def test_money_scale_bug_and_bad_year(con):
    con.execute("UPDATE figures SET value = -5 WHERE figure_id = 'fb1'")
    assert _run(con, "figures_integrity").success  # contract v2: values keep their sign (-$5)
    con.execute("UPDATE figures SET value = -5e16 WHERE figure_id = 'fb1'")
    con.execute("UPDATE figures SET value = 20250 WHERE figure_id = 'fa3'")
    _first_examples_name(
        _run(con, "figures_integrity"), money_value_in_range="figure_id=fb1", date_value_in_range="figure_id=fa3"
    )


def test_percent_range_admits_250_percent_but_not_a_scale_bug(con):
    assert _run(con, "figures_integrity").success  # fb2 is 250% debt-to-GDP
    con.execute("UPDATE figures SET value = 250e9 WHERE figure_id = 'fb2'")
    o = _failed(_run(con, "figures_integrity"), "percent_value_in_range")
    assert "figure_id=fb2" in o.unexpected_examples[0]


def test_a_future_date_never_blocks(con):
    """One document's content is not a pipeline defect: no blocking suite looks at how far ahead a date is."""
    con.execute("UPDATE document_metadata SET published_date = DATE '9999-12-31' WHERE document_id = 'doc_b'")
    assert all(s.success for s in run_integrity_suites(con))


def test_document_issues_are_listed_with_their_file_by_a_warn_suite(con):
    assert _run(con, "document_issues").success  # no issue, nothing to report
    con.execute(
        "INSERT INTO document_issues VALUES ('doc_b', 'published_date', '2031-01-01', 'in the future', now()),"
        " ('doc_a', 'published_date', '3000-02-02', 'in the future', now())"
    )
    outcome = _run(con, "document_issues")
    assert not outcome.blocking
    o = _failed(outcome, "value_trusted")
    assert o.unexpected_count == 2
    assert o.unexpected_examples[0] == (
        "document_id=doc_a, source_path=doc_a.txt, field=published_date, value=3000-02-02, reason=in the future"
    )


UNIT_CASES = [  # (kind, unit, valid)
    ("quantity", "barrel/day", True),
    ("quantity", "km", True),
    ("quantity", "", False),
    ("duration", "second", True),
    ("duration", "fortnight", False),
    ("money", "EUR", True),
    ("money", "dollars", False),
    ("percent", "percentage_point", True),
    ("ratio", "percent", False),
]


@pytest.mark.parametrize(("kind", "unit", "valid"), UNIT_CASES)
def test_unit_for_kind_follows_the_vocabulary(con, kind: str, unit: str, valid: bool):
    con.execute(
        "UPDATE figures SET kind = ?, unit = ?, value = 1, value_low = NULL, value_high = NULL,"
        " qualifier = 'exact' WHERE figure_id = 'fa2'",
        [kind, unit],
    )
    outcome = _run(con, "figures_integrity")
    assert ("unit_valid_for_kind" not in _only_failures(outcome)) is valid


def test_every_kind_has_a_unit_rule():
    assert set(FIGURE_KINDS) == set(UNITS_BY_KIND) | set(OPEN_UNIT_RULES)
    assert not set(UNITS_BY_KIND) & set(OPEN_UNIT_RULES)


def test_body_offsets(con):
    con.execute("UPDATE document_metadata SET body_start = 50, body_end = 40 WHERE document_id = 'doc_a'")
    con.execute("UPDATE document_metadata SET body_end = 10_000 WHERE document_id = 'doc_b'")
    o = _failed(_run(con, "document_metadata_integrity"), "body_in_document")
    assert o.unexpected_count == 2
    assert any("document_id=doc_a" in ex and "body_start=50" in ex for ex in o.unexpected_examples)


def test_orphan_figure(con):
    con.execute("UPDATE figures SET document_id = 'doc_gone' WHERE figure_id = 'fa2'")
    outcome = _run(con, "figures_integrity")
    o = _failed(outcome, "document_exists")
    assert o.unexpected_examples == ["figure_id=fa2, document_id=doc_gone"]


def test_orphan_metadata_and_missing_metadata(con):
    con.execute("UPDATE document_metadata SET document_id = 'doc_gone' WHERE document_id = 'doc_b'")
    outcome = _run(con, "document_metadata_integrity")
    assert _failed(outcome, "document_exists").unexpected_examples == ["document_id=doc_gone"]
    assert _failed(outcome, "has_metadata").unexpected_examples == ["document_id=doc_b"]
    assert _only_failures(outcome) == {"document_exists", "has_metadata"}
    # documents_integrity runs before metadata is built: it does not look at document_metadata
    assert _run(con, "documents_integrity").success


def test_metadata_body_offsets_must_be_set(con):
    change = "UPDATE document_metadata SET body_end = NULL WHERE document_id = 'doc_a'"
    o = _only_failure(con, change, "document_metadata_integrity", "body_offsets_set")
    assert o.unexpected_examples == ["document_id=doc_a, body_start=0, body_end=NULL"]


def test_orphan_claim_figure_links(con):
    con.execute(
        "INSERT INTO claim_figures (claim_id, figure_id) VALUES ('c_gone', 'fa1'), ('ca1', 'f_gone'), ('ca1', 'fb2')"
    )
    outcome = _run(con, "claim_figures_integrity")
    assert _failed(outcome, "claim_exists").unexpected_examples == ["claim_id=c_gone, figure_id=fa1"]
    assert _failed(outcome, "figure_exists").unexpected_examples == ["claim_id=ca1, figure_id=f_gone"]
    same = _failed(outcome, "same_document")
    assert same.unexpected_examples == [
        "claim_id=ca1, figure_id=fb2, claim_document_id=doc_a, figure_document_id=doc_b"
    ]


def test_document_char_count_and_hash(con):
    con.execute("UPDATE documents SET char_count = char_count + 3, content_sha256 = 'abc' WHERE document_id = 'doc_a'")
    outcome = _run(con, "documents_integrity")
    o = _failed(outcome, "char_count_matches_text")
    assert o.unexpected_examples == [
        f"document_id=doc_a, char_count={len(DOCS['doc_a']) + 3}, text_length={len(DOCS['doc_a'])}"
    ]
    assert "document_id=doc_a" in _failed(outcome, "content_sha256_is_hex_digest").unexpected_examples[0]


def test_cluster_counts_and_dangling_cluster(con):
    con.execute("UPDATE claims SET cluster_id = 'k_gone' WHERE claim_id = 'cb2'")
    con.execute("UPDATE claim_clusters SET n_claims = 5")
    # claims_integrity runs before the clusters are built: it does not look at claim_clusters
    assert _run(con, "claims_integrity").success
    outcome = _run(con, "claim_clusters_integrity")
    assert _failed(outcome, "cluster_row_exists").unexpected_examples == ["cluster_id=k_gone, actual_n_claims=1"]
    o = _failed(outcome, "counts_match_claims")
    assert o.unexpected_examples == ["cluster_id=k1, n_claims=5, actual_n_claims=2, n_sources=2, actual_n_sources=2"]
    assert _only_failures(outcome) == {"cluster_row_exists", "counts_match_claims"}


def test_duplicate_cluster_row(con):
    con.execute("INSERT INTO claim_clusters SELECT * FROM claim_clusters")
    outcome = _run(con, "claim_clusters_integrity")
    assert _failed(outcome, "cluster_id_unique").unexpected_count == 2


def test_metric_consistency_integrity(con):
    con.execute("UPDATE metric_consistency SET n_sources = 1 WHERE metric = 'japan_us_investment_pledge'")
    con.execute(
        f"INSERT INTO metric_consistency ({CONSISTENCY_COLUMNS})"
        " VALUES ('ghost', 'USD', 1, 1, 1, 1, 'single_source', ['doc_a'])"
    )
    outcome = _run(con, "metric_consistency_integrity")
    assert _failed(outcome, "sources_match_n_sources").unexpected_examples == [
        "fact=japan_us_investment_pledge, unit=USD, n_sources=1, n_listed_sources=2"
    ]
    assert _failed(outcome, "verdict_matches_sources")
    assert _failed(outcome, "metric_in_figures").unexpected_examples == ["fact=ghost, unit=USD"]


def test_examples_are_capped_at_five(con):
    con.execute(
        f"INSERT INTO figures ({FIGURE_COLUMNS})"
        " SELECT 'fx' || i, 'doc_gone', 0, 1, 'x', 'count', 1, NULL, NULL, 'count',"
        " 'exact', NULL, NULL, NULL, 't' FROM range(12) AS r(i)"
    )
    o = _failed(_run(con, "figures_integrity"), "document_exists")
    assert o.unexpected_count == 12
    assert len(o.unexpected_examples) == 5


def test_one_suite_per_table_for_asset_checks(con):
    from newsfacts.quality.runner import run_integrity_suite, suite_for_table

    outcome = run_integrity_suite(con, "figures")
    assert outcome.suite == "figures_integrity" and outcome.success
    assert suite_for_table("claims_integrity").table == "claims"
    with pytest.raises(KeyError):
        suite_for_table("nope")


def test_each_expectation_is_identified_by_type_and_column():
    # validation_results rows carry (suite, expectation, column_name): they must identify the check
    from newsfacts.quality.suites import consistency_suite

    for spec in [*integrity_suites(), consistency_suite()]:
        keys = [(e.gx_type, e.column_name) for e in spec.expectations]
        assert len(keys) == len(set(keys)), spec.name
        checks = [e.check for e in spec.expectations]
        assert len(checks) == len(set(checks)), spec.name


def test_one_blocking_suite_per_audited_table():
    assert sorted(s.table for s in integrity_suites()) == sorted(AUDITED_TABLES)


def test_suites_read_only_their_table_and_declared_upstream_tables():
    tables = {t.name for t in PUBLISHED_TABLES}
    for spec in integrity_suites():
        used = {t for t in tables if re.search(rf"\b(FROM|JOIN)\s+{t}\b", spec.query)}
        used |= {"documents"} if "any_value(raw_text)" in spec.query else set()
        assert used == {spec.table, *spec.reads}, spec.name


# -- only what changed, and never a whole table for GX ---------------------------------------------


def _suite(name: str):
    return next(s for s in integrity_suites() if s.name == name)


def test_a_clean_warehouse_hands_gx_no_rows():
    from newsfacts.quality.runner import failing_rows_sql

    con = make_warehouse()
    for spec in integrity_suites():
        sql = failing_rows_sql(spec, spec.query)
        assert sql is None or con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0] == 0, spec.name


@pytest.mark.parametrize(
    ("suite", "change", "checked"),
    cases("""
        suite                   | change                                                               | checked: number
        figures_integrity       | -                                                                    | 0
        figures_integrity       | UPDATE figures SET unit = 'EUR' WHERE figure_id = 'fa1'              | 3
        figures_integrity       | UPDATE documents SET ingested_at = now() WHERE document_id = 'doc_b' | 4
        claims_integrity        | UPDATE claims SET hedged = true WHERE claim_id = 'cb2'               | 2
        documents_integrity     | UPDATE documents SET file_name = 'x.txt' WHERE document_id = 'doc_a' | 1
        document_metadata_integrity | UPDATE document_metadata SET title = 'U' WHERE document_id = 'doc_b' | 1
        claim_figures_integrity | UPDATE figures SET unit = 'EUR' WHERE figure_id = 'fa1'              | 3
        claim_figures_integrity | -                                                                    | 0
        claim_clusters_integrity | -                                                                   | 0
        claim_clusters_integrity | UPDATE claims SET hedged = true WHERE claim_id = 'cb1'              | 1
        claim_clusters_integrity | UPDATE claims SET hedged = true WHERE claim_id = 'cb2'              | 0
        claim_clusters_integrity | UPDATE claim_clusters SET representative_text = 'Tokyo pledged'     | 1
    """),
)
def test_a_scoped_run_checks_only_the_changed_documents(con, suite, change, checked):
    if change:
        con.execute(change)
    spec = _suite(suite)
    keys = audit.changed_keys(con, spec)
    assert keys is not None
    outcome = run_suite(con, spec, keys)
    assert outcome.success
    assert outcome.row_count == checked


def test_a_changed_document_breaking_an_unchanged_ones_rule_is_caught(con):
    # doc_b's new figure reuses doc_a's id: both rows are duplicates, though doc_a did not change
    con.execute("INSERT INTO figures SELECT * REPLACE ('fa1' AS figure_id) FROM figures WHERE figure_id = 'fb4'")
    o = _failed(_run(con, "figures_integrity"), "figure_id_unique")
    assert o.unexpected_count == 2


def test_deleting_a_document_orphans_its_rows_in_a_scoped_run(con):
    con.execute("DELETE FROM documents WHERE document_id = 'doc_b'")
    for suite in ("figures_integrity", "claims_integrity", "document_metadata_integrity"):
        spec = _suite(suite)
        outcome = run_suite(con, spec, audit.changed_keys(con, spec))
        assert _failed(outcome, "document_exists").unexpected_count >= 1, suite


@pytest.mark.parametrize(
    ("suite", "under_no_key"),
    [
        ("figures_integrity", "UPDATE figures SET document_id = '' WHERE document_id = 'doc_b'"),
        ("claims_integrity", "UPDATE claims SET document_id = '' WHERE document_id = 'doc_b'"),
        (
            "document_metadata_integrity",
            "INSERT INTO document_metadata SELECT * REPLACE ('' AS document_id) FROM document_metadata"
            " WHERE document_id = 'doc_b'",
        ),
    ],
)
def test_rows_of_the_empty_document_id_are_orphaned_when_it_goes_in_a_scoped_run(con, suite, under_no_key):
    """Neither the rows under the empty document id nor that document have a digest: its deletion moves
    no key, and the scoped run still finds the rows it orphaned."""
    con.execute(
        "INSERT INTO documents SELECT * REPLACE ('' AS document_id, 'empty.txt' AS source_path) FROM documents"
        " WHERE document_id = 'doc_b'"
    )
    con.execute(under_no_key)
    spec = _suite(suite)
    assert _run(con, suite).success
    audit.record_pass(con, spec)
    con.execute("DELETE FROM documents WHERE document_id = ''")
    assert _failed(_run(con, suite), "document_exists").unexpected_count >= 1


def test_a_link_stored_under_another_document_than_its_claim_is_orphaned_in_a_scoped_run(con):
    """A link stored under another document than its claim's and figure's passes every check; when that
    claim and figure go, no key that moved names the link: the scoped run's whole-table orphan look does."""
    con.execute("UPDATE claim_figures SET document_id = 'doc_a' WHERE claim_id = 'cb2'")
    spec = _suite("claim_figures_integrity")
    assert _run(con, "claim_figures_integrity").success
    audit.record_pass(con, spec)
    con.execute("DELETE FROM claims WHERE claim_id = 'cb2'")
    con.execute("DELETE FROM figures WHERE figure_id = 'fb2'")
    outcome = _run(con, "claim_figures_integrity")  # the scoped run reaches the same verdicts
    assert _failed(outcome, "claim_exists").unexpected_examples == ["claim_id=cb2, figure_id=fb2"]
    assert _failed(outcome, "figure_exists").unexpected_examples == ["claim_id=cb2, figure_id=fb2"]


def test_a_new_definition_or_no_pass_checks_every_row(con):
    spec = _suite("figures_integrity")
    fresh = make_warehouse()
    fresh.execute(LEDGER.ddl(constraints=False))
    assert audit.changed_keys(fresh, spec) is None
    con.execute("UPDATE _ledger SET state = 'older' WHERE stage = 'audit:figures_integrity' AND document_id = ''")
    assert audit.changed_keys(con, spec) is None


def test_a_table_without_its_key_column_is_checked_whole(con):
    con.execute("ALTER TABLE claim_figures DROP COLUMN document_id")
    spec = _suite("claim_figures_integrity")
    assert audit.changed_keys(con, spec) is None
    assert run_suite(con, spec).success


# -- every expectation fails on one corrupt row, whole and scoped alike ------------------------------

# Per suite, (check, corruption): one row broken so that `check` must fail. Run by _run, which also checks
# the suite over only the changed keys and asks for the same verdicts, counts and examples.
ONE_CORRUPT_ROW: dict[str, list[tuple[str, str]]] = {
    "documents_integrity": cases("""
        check                        | corruption
        documents_landed             | DELETE FROM documents
        document_id_not_null         | UPDATE documents SET document_id = NULL WHERE document_id = 'doc_a'
        document_id_unique           | UPDATE documents SET document_id = 'doc_a' WHERE document_id = 'doc_b'
        source_path_not_null         | UPDATE documents SET source_path = NULL WHERE document_id = 'doc_b'
        source_path_unique           | UPDATE documents SET source_path = 'doc_a.txt' WHERE document_id = 'doc_b'
        file_name_not_null           | UPDATE documents SET file_name = NULL WHERE document_id = 'doc_a'
        content_sha256_is_hex_digest | UPDATE documents SET content_sha256 = 'abc' WHERE document_id = 'doc_a'
        content_sha256_not_null      | UPDATE documents SET content_sha256 = NULL WHERE document_id = 'doc_b'
        char_count_matches_text      | UPDATE documents SET char_count = char_count - 1 WHERE document_id = 'doc_b'
    """),
    "document_metadata_integrity": cases("""
        check                | corruption
        document_id_not_null | UPDATE document_metadata SET document_id = NULL WHERE document_id = 'doc_a'
        document_id_unique   | INSERT INTO document_metadata SELECT * FROM document_metadata WHERE document_id = 'doc_b'
        has_metadata         | DELETE FROM document_metadata WHERE document_id = 'doc_a'
        document_exists      | UPDATE document_metadata SET document_id = 'doc_gone' WHERE document_id = 'doc_b'
        document_exists      | DELETE FROM documents WHERE document_id = 'doc_b'
        document_exists      | UPDATE document_metadata SET document_id = '' WHERE document_id = 'doc_b'
        body_offsets_set     | UPDATE document_metadata SET body_start = NULL WHERE document_id = 'doc_a'
        body_in_document     | UPDATE document_metadata SET body_end = 10000 WHERE document_id = 'doc_b'
        word_count_in_range  | UPDATE document_metadata SET word_count = -1 WHERE document_id = 'doc_a'
    """),
    "figures_integrity": cases("""
        check                   | corruption
        figure_id_not_null      | UPDATE figures SET figure_id = NULL WHERE figure_id = 'fa2'
        figure_id_unique        | UPDATE figures SET figure_id = 'fa1' WHERE figure_id = 'fb2'
        document_id_not_null    | UPDATE figures SET document_id = NULL WHERE figure_id = 'fa1'
        document_exists         | UPDATE figures SET document_id = 'doc_gone' WHERE figure_id = 'fb4'
        document_exists         | DELETE FROM documents WHERE document_id = 'doc_a'
        document_exists         | UPDATE figures SET document_id = '' WHERE figure_id = 'fb4'
        offsets_in_document     | UPDATE figures SET char_end = 10000 WHERE figure_id = 'fb2'
        span_matches            | UPDATE figures SET raw_text = '$500 billion' WHERE figure_id = 'fb1'
        kind_not_null           | UPDATE figures SET kind = NULL WHERE figure_id = 'fa1'
        kind_in_vocabulary      | UPDATE figures SET kind = 'temperature' WHERE figure_id = 'fa1'
        unit_not_null           | UPDATE figures SET unit = NULL WHERE figure_id = 'fb2'
        unit_valid_for_kind     | UPDATE figures SET unit = 'usd' WHERE figure_id = 'fa1'
        qualifier_not_null      | UPDATE figures SET qualifier = NULL WHERE figure_id = 'fa3'
        qualifier_in_vocabulary | UPDATE figures SET qualifier = 'roughly' WHERE figure_id = 'fa1'
        direction_in_vocabulary | UPDATE figures SET direction = 'sideways' WHERE figure_id = 'fa2'
        endpoint_in_vocabulary  | UPDATE figures SET endpoint = 'middle' WHERE figure_id = 'fb2'
        bounds_ordered          | UPDATE figures SET value_low = 30 WHERE figure_id = 'fb3'
        range_shape_valid       | UPDATE figures SET value = 20 WHERE figure_id = 'fb3'
        value_set_unless_range  | UPDATE figures SET value = NULL WHERE figure_id = 'fb4'
        money_value_in_range    | UPDATE figures SET value = 1e20 WHERE figure_id = 'fa1'
        percent_value_in_range  | UPDATE figures SET value = 250e9 WHERE figure_id = 'fb2'
        date_value_in_range     | UPDATE figures SET value = 20250 WHERE figure_id = 'fa3'
        count_value_in_range    | UPDATE figures SET kind = 'count', unit = 'count', value = 1e14 WHERE figure_id =
        ... 'fb2'
        duration_value_in_range | UPDATE figures SET value = -180 WHERE figure_id = 'fb4'
        ratio_value_in_range    | UPDATE figures SET kind = 'ratio', unit = 'times', value = 1e7 WHERE figure_id = 'fb2'
        quantity_value_in_range | UPDATE figures SET kind = 'quantity', unit = 'km', value = 1e19 WHERE figure_id =
        ... 'fb2'
    """),
    "claims_integrity": cases("""
        check                    | corruption
        claim_id_not_null        | UPDATE claims SET claim_id = NULL WHERE claim_id = 'cb2'
        claim_id_unique          | UPDATE claims SET claim_id = 'ca1' WHERE claim_id = 'cb1'
        document_id_not_null     | UPDATE claims SET document_id = NULL WHERE claim_id = 'ca2'
        document_exists          | UPDATE claims SET document_id = 'doc_gone' WHERE claim_id = 'cb2'
        document_exists          | DELETE FROM documents WHERE document_id = 'doc_b'
        document_exists          | UPDATE claims SET document_id = '' WHERE claim_id = 'cb2'
        offsets_in_document      | UPDATE claims SET char_start = -1 WHERE claim_id = 'ca1'
        span_matches             | UPDATE claims SET text = 'Tokyo pledged $500 billion.' WHERE claim_id = 'cb1'
        claim_type_not_null      | UPDATE claims SET claim_type = NULL WHERE claim_id = 'ca2'
        claim_type_in_vocabulary | UPDATE claims SET claim_type = 'rumour' WHERE claim_id = 'cb2'
    """),
    "claim_figures_integrity": cases("""
        check                    | corruption
        claim_id_not_null        | UPDATE claim_figures SET claim_id = NULL WHERE figure_id = 'fa1'
        figure_id_not_null       | UPDATE claim_figures SET figure_id = NULL WHERE figure_id = 'fb2'
        claim_figure_pair_unique | INSERT INTO claim_figures SELECT * FROM claim_figures WHERE figure_id = 'fa3'
        claim_exists             | DELETE FROM claims WHERE claim_id = 'cb2'
        figure_exists            | DELETE FROM figures WHERE figure_id = 'fb1'
        same_document            | UPDATE claim_figures SET figure_id = 'fb2' WHERE figure_id = 'fa1'
        same_document            | INSERT INTO claim_figures VALUES ('ca1', 'fb2', '')
    """),
    "claim_clusters_integrity": cases("""
        check                   | corruption
        cluster_id_not_null     | UPDATE claim_clusters SET cluster_id = NULL
        cluster_id_unique       | INSERT INTO claim_clusters SELECT * FROM claim_clusters
        cluster_row_exists      | UPDATE claims SET cluster_id = 'k_gone' WHERE claim_id = 'cb2'
        has_representative_text | UPDATE claim_clusters SET representative_text = ' '
        n_sources_in_range      | UPDATE claim_clusters SET n_sources = 0
        claims_cover_sources    | UPDATE claim_clusters SET n_claims = 1
        counts_match_claims     | UPDATE claims SET cluster_id = 'k1' WHERE claim_id = 'ca2'
    """),
    "metric_consistency_integrity": cases("""
        check                   | corruption
        metric_not_null         | UPDATE metric_consistency SET metric = NULL WHERE metric = 'growth'
        fact_unit_unique        | INSERT INTO metric_consistency SELECT * FROM metric_consistency WHERE metric =
        ... 'growth'
        verdict_not_null        | UPDATE metric_consistency SET verdict = NULL WHERE metric = 'debt_to_gdp'
        verdict_in_vocabulary   | UPDATE metric_consistency SET verdict = 'maybe' WHERE metric = 'growth'
        n_sources_in_range      | UPDATE metric_consistency SET n_sources = 0 WHERE metric = 'tariff_rate'
        sources_match_n_sources | UPDATE metric_consistency SET sources = ['doc_b', 'doc_a'] WHERE metric = 'growth'
        mentions_cover_sources  | UPDATE metric_consistency SET n_mentions = 1 WHERE metric =
        ... 'japan_us_investment_pledge'
        min_le_max              | UPDATE metric_consistency SET value_min = 30 WHERE metric = 'tariff_rate'
        verdict_matches_sources | UPDATE metric_consistency SET verdict = 'consistent' WHERE metric = 'growth'
        metric_in_figures       | UPDATE metric_consistency SET unit = 'EUR' WHERE metric = 'debt_to_gdp'
    """),
}
CORRUPT_ROW_CASES = [(suite, check, change) for suite, rows in ONE_CORRUPT_ROW.items() for check, change in rows]


@pytest.mark.parametrize(("suite", "check", "corruption"), CORRUPT_ROW_CASES)
def test_one_corrupt_row_fails_its_check(con, suite: str, check: str, corruption: str):
    assert _run(con, suite).success  # clean before the corruption
    con.execute(corruption)
    o = _failed(_run(con, suite), check)
    assert o.unexpected_examples or o.observed_value is not None


def test_every_integrity_expectation_has_a_corrupt_row_case():
    covered = {(suite, check) for suite, check, _ in CORRUPT_ROW_CASES}
    every = {(spec.name, e.check) for spec in integrity_suites() for e in spec.expectations}
    assert covered == every


@pytest.mark.parametrize("most_listed", [0, 10_000])
def test_changed_clusters_listed_as_constants_or_as_a_relation_give_one_verdict(con, monkeypatch, most_listed: int):
    import newsfacts.quality.runner as runner

    monkeypatch.setattr(runner, "MAX_LISTED_KEYS", most_listed)  # 0: always the relation
    con.execute("UPDATE claims SET cluster_id = 'k''9' WHERE claim_id = 'cb2'")  # a quote in a listed key
    con.execute("UPDATE claim_clusters SET n_sources = 3")
    outcome = _run(con, "claim_clusters_integrity")
    assert _failed(outcome, "cluster_row_exists").unexpected_examples == ["cluster_id=k'9, actual_n_claims=1"]
    assert _failed(outcome, "counts_match_claims").unexpected_count == 1
    spec = _suite("claim_clusters_integrity")
    assert run_suite(con, spec, audit.changed_keys(con, spec)).row_count == 2
