"""The clusters stage writes only what changed, and ends where a fresh clustering of the corpus ends."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.stages.corroboration import build_clusters
from newsfacts.warehouse.schema import STORED_TABLES

# (claim_id, document_id, char_start, text): three outlets, two facts, one unrelated sentence each.
CORPUS = [
    ("a1", "doc_a", 0, "The central bank raised its main interest rate by a quarter point on Thursday."),
    ("a2", "doc_a", 90, "Factory output in the northern provinces fell for a third straight month."),
    ("a3", "doc_a", 180, "Local officials opened a new ferry terminal beside the old harbour wall."),
    ("b1", "doc_b", 0, "On Thursday the central bank raised its main interest rate by a quarter point."),
    ("b2", "doc_b", 95, "Factory output in the northern provinces fell for the third straight month."),
    ("b3", "doc_b", 190, "A touring choir sang in the cathedral square until late in the evening."),
    ("c1", "doc_c", 0, "The central bank raised its main interest rate by a quarter point on Thursday."),
    ("c2", "doc_c", 85, "Voters in the coastal district will choose a new mayor next spring."),
]

# Adds a document repeating one fact and stating a new one twice, edits one claim away from its
# cluster and another into one, and deletes a document.
CHANGES = [
    "INSERT INTO claim_rows (claim_id, document_id, char_start, text) VALUES"
    " ('d1', 'doc_d', 0, 'Factory output in the northern provinces fell for a third straight month.'),"
    " ('d2', 'doc_d', 80, 'Voters in the coastal district will choose a new mayor next spring.'),"
    " ('d3', 'doc_d', 150, 'Engineers finished testing the new high speed rail line through the valley.'),"
    " ('e1', 'doc_e', 0, 'Engineers finished testing the new high-speed rail line through the valley.')",
    "UPDATE claim_rows SET text = 'Shares of mining companies slid after the copper price dropped sharply.'"
    " WHERE claim_id = 'b2'",
    "UPDATE claim_rows SET text = 'A touring choir sang in the cathedral square until late that evening.'"
    " WHERE claim_id = 'a3'",
    "DELETE FROM claim_rows WHERE document_id = 'doc_c'",
]


def _staging() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        con.execute(table.ddl())
    con.executemany("INSERT INTO claim_rows (claim_id, document_id, char_start, text) VALUES (?, ?, ?, ?)", CORPUS)
    return con


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {
        t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("claim_cluster_members", "claim_clusters")
    }


def _fresh(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """The same claims clustered from nothing."""
    fresh = _staging()
    fresh.execute("DELETE FROM claim_rows")
    rows = con.execute("SELECT claim_id, document_id, char_start, text FROM claim_rows").fetchall()
    fresh.executemany("INSERT INTO claim_rows (claim_id, document_id, char_start, text) VALUES (?, ?, ?, ?)", rows)
    build_clusters(fresh)
    return _tables(fresh)


def _groups(con: duckdb.DuckDBPyConnection) -> set[frozenset[str]]:
    rows = con.execute("SELECT list(claim_id ORDER BY claim_id) FROM claim_cluster_members GROUP BY cluster_id")
    return {frozenset(r[0]) for r in rows.fetchall()}


def test_the_corpus_clusters_as_expected_before_the_changes():
    con = _staging()
    build_clusters(con)
    assert {frozenset({"a1", "b1", "c1"}), frozenset({"a2", "b2"})} <= _groups(con)


@pytest.mark.parametrize(
    "changes", [CHANGES[:1], CHANGES[1:3], CHANGES[3:], CHANGES], ids=["add", "edit", "delete", "all"]
)
def test_an_update_ends_equal_to_a_fresh_clustering(changes: list[str]):
    con = _staging()
    build_clusters(con)
    for sql in changes:
        con.execute(sql)
    build_clusters(con)
    assert _tables(con) == _fresh(con)


def test_the_update_moves_the_changed_claims():
    con = _staging()
    build_clusters(con)
    for sql in CHANGES:
        con.execute(sql)
    build_clusters(con)
    groups = _groups(con)
    assert frozenset({"a1", "b1"}) in groups  # c1 went with its document
    assert frozenset({"a2", "d1"}) in groups  # b2 was edited away, d1 joined
    assert frozenset({"a3", "b3"}) in groups  # a3 was edited into the choir's cluster
    assert frozenset({"d3", "e1"}) in groups
    assert not any("b2" in g and len(g) > 1 for g in groups)


def test_reclustering_an_unchanged_corpus_keeps_the_tables_and_leaves_no_temp_table():
    con = _staging()
    build_clusters(con)
    before = _tables(con)
    changes = con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()
    build_clusters(con, force=True)
    assert _tables(con) == before
    assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchone() == changes  # no temp table left
