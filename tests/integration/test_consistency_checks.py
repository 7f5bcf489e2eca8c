"""Cross-source consistency through the real pipeline: findings warn, they never block publishing."""

from __future__ import annotations

import duckdb

CONTRADICTION = """Tokyo Revisits Its Pledge

Officials said Japan's pledge to invest 500 billion dollars in the United States would be honoured in full.
"""


def con_rows(project, sql: str) -> list[tuple]:
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def check(result, asset: str, name: str):
    return next(
        e
        for e in result.get_asset_check_evaluations()
        if e.asset_key.to_user_string() == asset and e.check_name == name
    )


def test_seeds_agree_and_nothing_else_is_a_conflict(project):
    result = project.refresh()
    assert result.success
    assert check(result, "metric_consistency", "sources_agree").passed
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        rows = {
            r[0]: r[1:] for r in con.execute("SELECT metric, verdict, n_sources FROM metric_consistency").fetchall()
        }
    assert rows["japan_us_investment_pledge"] == ("consistent", 2)
    facts = dict(con_rows(project, "SELECT fact_key, verdict FROM metric_consistency"))
    assert facts["japan_us_investment_pledge|Japan|"] == "consistent"
    assert facts["defense_spending_gdp_share|Japan|"] == "consistent"
    assert rows["defense_spending_gdp_share"] == ("consistent", 3)
    assert rows["us_reciprocal_tariff_cap_japan"] == ("single_source", 1)
    assert rows["japan_us_investment_realized_2025"][0] == "single_source"
    assert not [m for m, (verdict, _) in rows.items() if verdict == "conflict"]


def test_contradicting_document_warns_with_values_and_documents_and_still_publishes(project):
    (project.seeds / "contradiction.txt").write_text(CONTRADICTION)
    result = project.refresh()
    assert result.success, "a disagreement between sources must not fail the run"

    evaluation = check(result, "metric_consistency", "sources_agree")
    assert not evaluation.passed
    assert evaluation.severity.value == "WARN"
    # The failing expectations as a structured table: one row per example.
    details = " ".join(str(v) for r in evaluation.metadata["results"].records for v in r.data.values())
    for expected in (
        "japan_us_investment_pledge|Japan|",  # the fact's key, as stored (a table cell is plain text)
        "500 billion dollars",  # the value as written
        "500000000000",
        "550000000000",
        "contradiction",
        "001_3887277c7194da92",
        "004_947de27b776df003",
    ):
        assert expected in details

    # Integrity still passed, so the run published, and BI sees the conflict.
    assert all(e.passed for e in result.get_asset_check_evaluations() if e.severity.value == "ERROR")
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        verdict, sources, conflicts = con.execute(
            "SELECT verdict, sources, conflicts FROM metric_consistency WHERE metric = 'japan_us_investment_pledge'"
        ).fetchone()
        assert verdict == "conflict"
        assert "contradiction" in sources
        assert "500000000000 USD in contradiction (500 billion dollars)" in conflicts
        assert "contradiction: “Officials said Japan's pledge" in conflicts  # the sentence, after the values
        assert con.execute("SELECT count(*) FROM v_conflicts").fetchone()[0] == 1
        failed = con.execute(
            "SELECT count(*) FROM validation_results WHERE suite = 'metric_consistency' AND NOT success"
        ).fetchone()[0]
        assert failed >= 1
