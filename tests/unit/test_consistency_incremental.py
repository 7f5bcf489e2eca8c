"""The consistency stage recomputes only the facts whose mentions changed, and ends as a fresh run would."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.stages.consistency import FACTS_STAGE, build_consistency
from newsfacts.stages.graph import StageConfig
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import STORED_TABLES

GROWTH = "gdp_growth|euro area|2025"
RATE = "policy_rate|central bank|2026-03"
JOBS = "unemployment_rate|canada|2026-02"
# (figure_id, document_id, char_start, raw_text, kind, value, unit, qualifier, metric, fact_key)
MENTIONS = [
    ("f1", "doc_a", 10, "1.2%", "percent", 1.2, "percent", "exact", "gdp_growth", GROWTH),
    ("f2", "doc_b", 30, "1.2 per cent", "percent", 1.2, "percent", "exact", "gdp_growth", GROWTH),
    ("f3", "doc_a", 80, "4.5%", "percent", 4.5, "percent", "exact", "policy_rate", RATE),
    ("f4", "doc_c", 15, "about 4.5%", "percent", 4.5, "percent", "approx", "policy_rate", RATE),
    ("f5", "doc_c", 60, "6.6%", "percent", 6.6, "percent", "exact", "unemployment_rate", JOBS),
]
INSERT = (
    "INSERT INTO figures (figure_id, document_id, char_start, raw_text, kind, value, unit, qualifier, metric, "
    "fact_key, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'A sentence.')"
)
CHANGES = {
    "add a conflicting source": [
        f"{INSERT.split(' VALUES')[0]} VALUES ('f6', 'doc_d', 5, '1.9%', 'percent', 1.9, 'percent', 'exact', "
        f"'gdp_growth', '{GROWTH}', 'Another sentence.')"
    ],
    "edit a value": ["UPDATE figures SET value = 4.75, raw_text = '4.75%' WHERE figure_id = 'f4'"],
    "delete a document": ["DELETE FROM figures WHERE document_id = 'doc_c'"],
    "hand edit of the table": ["UPDATE metric_consistency SET verdict = 'consistent'"],
}


def _staging(rows: list[tuple]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        con.execute(table.ddl())
    if rows:
        con.executemany(INSERT, rows)
    return con


def _table(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("SELECT * FROM metric_consistency ORDER BY fact_key, unit").fetchall()


@pytest.mark.parametrize("chunk", [1, 2, 50_000], ids=["a fact per chunk", "two mentions per chunk", "one chunk"])
@pytest.mark.parametrize("change", list(CHANGES))
def test_an_update_ends_equal_to_a_fresh_comparison(change: str, chunk: int):
    con = _staging(MENTIONS)
    build_consistency(con, chunk_mentions=chunk)
    for sql in CHANGES[change]:
        con.execute(sql)
    build_consistency(con, force=change == "hand edit of the table", chunk_mentions=chunk)
    fresh = _staging([])
    rows = con.execute("SELECT * FROM figures").fetchall()
    fresh.executemany(f"INSERT INTO figures VALUES ({', '.join('?' * len(rows[0]))})", rows)
    build_consistency(fresh)
    assert _table(con) == _table(fresh)


@pytest.mark.parametrize(
    ("change", "recomputed"),
    [("add a conflicting source", 1), ("edit a value", 1), ("delete a document", 1)],
)
def test_only_the_facts_whose_mentions_moved_are_compared_again(change: str, recomputed: int):
    con = _staging(MENTIONS)
    assert build_consistency(con).rows["facts_recomputed"] == 3
    for sql in CHANGES[change]:
        con.execute(sql)
    assert build_consistency(con).rows["facts_recomputed"] == recomputed


def test_a_table_edited_by_hand_is_compared_again_whole():
    con = _staging(MENTIONS)
    build_consistency(con)
    before = _table(con)
    con.execute("UPDATE metric_consistency SET verdict = 'maybe' WHERE fact_key = ?", [RATE])
    con.execute("UPDATE figures SET value = 6.7 WHERE figure_id = 'f5'")  # inputs moved: the stage runs
    report = build_consistency(con)
    assert report.rows["facts_recomputed"] == 3
    assert [r for r in _table(con) if r[8] == RATE] == [r for r in before if r[8] == RATE]


@pytest.mark.parametrize("change", ["add a conflicting source", "edit a value", "delete a document"])
def test_the_table_content_kept_after_an_update_is_the_tables_own(change: str):
    """The fingerprint an update leaves (the one before, less the rows it deleted, plus those it wrote)
    is the table's: the next update stays partial, and the run's later steps reuse it unread."""
    con = _staging(MENTIONS)
    build_consistency(con)
    for sql in CHANGES[change]:
        con.execute(sql)
    config = StageConfig(run_id="run-1")
    assert build_consistency(con, config=config).rows["facts_recomputed"] == 1
    stored = con.execute("SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [FACTS_STAGE]).fetchone()
    fingerprint = staging.table_fingerprint(con, "metric_consistency")
    assert stored[0].endswith(f"|{fingerprint}")
    assert staging.known_fingerprint(con, "metric_consistency", "run-1") == fingerprint
    con.execute("UPDATE figures SET value = 1.3, raw_text = '1.3%' WHERE figure_id = 'f1'")
    assert build_consistency(con).rows["facts_recomputed"] == 1
