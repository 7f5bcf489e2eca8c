"""Recording a passing scoped suite rewrites only the keys whose digest moved, and ends as a fresh record."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.quality.runner import suite_for_table
from newsfacts.warehouse import audit, staging
from newsfacts.warehouse.schema import STAGING_VIEWS, STORED_TABLES

TEXT = "Output rose 4% in May. Prices fell 2% in June."
DOCS = [(f"d{i}", f"d{i}.txt", f"d{i}.txt", "0" * 64, TEXT, len(TEXT)) for i in range(6)]
FIGURES = [(f"f{i}", f"d{i}", 12, 14, "4%", "percent", 4.0, "percent", "exact") for i in range(6)]
EDITS = {
    "edit": ["UPDATE figures SET value = 5.0 WHERE figure_id = 'f2'"],
    "add": [
        "INSERT INTO figures (figure_id, document_id, char_start, char_end, raw_text, kind, value, unit, "
        "qualifier) VALUES ('g1', 'd4', 34, 36, '2%', 'percent', 2.0, 'percent', 'exact')"
    ],
    "delete": ["DELETE FROM figures WHERE document_id = 'd1'", "DELETE FROM documents WHERE document_id = 'd1'"],
}


def _staging() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        con.execute(table.ddl())
    con.executemany(
        "INSERT INTO documents (document_id, file_name, source_path, content_sha256, raw_text, char_count) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        DOCS,
    )
    con.executemany(
        "INSERT INTO figures (figure_id, document_id, char_start, char_end, raw_text, kind, value, unit, qualifier) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        FIGURES,
    )
    return con


def _recorded(con: duckdb.DuckDBPyConnection, stage: str) -> list[tuple]:
    """The suite's ledger rows: its definition, and one stage per table it reads (`<stage>:<table>`)."""
    return con.execute(
        "SELECT stage, document_id, state FROM _ledger WHERE stage = ? OR starts_with(stage, ?) ORDER BY ALL",
        [stage, f"{stage}:"],
    ).fetchall()


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_incremental_record_equals_a_fresh_one(edit: str):
    spec = suite_for_table("figures")
    stage = f"audit:{spec.name}"
    con = _staging()
    assert audit.changed_keys(con, spec) is None  # never passed: every row is checked
    audit.record_pass(con, spec)
    first = _recorded(con, stage)
    for sql in EDITS[edit]:
        con.execute(sql)
    keys = audit.changed_keys(con, spec)
    assert keys is not None
    changed = {k for (k,) in con.execute(f"SELECT key FROM {keys}").fetchall()}
    assert len(changed) == 1
    audit.record_pass(con, spec)
    incremental = _recorded(con, stage)
    assert len(set(first) ^ set(incremental)) <= 2  # the moved key's row out and in (or just out)
    con.execute("DELETE FROM _ledger WHERE stage = ? OR starts_with(stage, ?)", [stage, f"{stage}:"])
    audit.changed_keys(con, spec)
    audit.record_pass(con, spec)
    assert incremental == _recorded(con, stage)
    keys = audit.changed_keys(con, spec)
    assert con.execute(f"SELECT count(*) FROM {keys}").fetchone()[0] == 0


# -- per-table key digests, shared by the suites reading a table ------------------------------------


def _digests(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    relation = audit.key_digests(con, table, "document_id")
    return dict(con.execute(f"SELECT key, state FROM {relation}").fetchall())


def _fresh_digests(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    con.execute("DELETE FROM _key_digests WHERE source = ?", [f"{table}.document_id"])
    return _digests(con, table)


@pytest.mark.parametrize("edit", [*EDITS, "text"])
def test_stored_key_digests_follow_every_edit_as_a_fresh_computation_would(edit: str):
    con = _staging()
    before = {t: _digests(con, t) for t in ("documents", "figures")}
    sqls = EDITS.get(edit, ["UPDATE documents SET raw_text = upper(raw_text) WHERE document_id = 'd3'"])
    for sql in sqls:
        con.execute(sql)
    for table in ("documents", "figures"):
        after = _digests(con, table)
        assert after == _fresh_digests(con, table)
        moved = {k for k in before[table].keys() | after.keys() if before[table].get(k) != after.get(k)}
        assert len(moved) <= 1, (table, moved)
    assert before != {t: _digests(con, t) for t in ("documents", "figures")}


def test_suites_reading_a_table_share_its_digests_computed_once():
    con = _staging()
    for view in STAGING_VIEWS:
        con.execute(f'CREATE VIEW "{view.name}" AS {view.view_sql}')
    specs = [suite_for_table(t, con=con) for t in ("documents", "document_metadata", "figures", "claims")]
    for spec in specs:
        audit.changed_keys(con, spec)
    stamps = con.execute("SELECT source FROM _key_digests WHERE key = '' ORDER BY source").fetchall()
    assert stamps == [("claim_rows.document_id",), ("document_metadata.document_id",),
                      ("documents.document_id",), ("documents.document_id~narrow",),
                      ("figures.document_id",)]  # fmt: skip
    rows = con.execute("SELECT count(*) FROM _key_digests WHERE source = 'documents.document_id'").fetchone()[0]
    assert rows == len(DOCS) + 1  # one per document and the stamp: not one set per suite


def test_a_stamp_of_other_content_is_recomputed():
    con = _staging()
    good = _digests(con, "documents")
    con.execute("UPDATE _key_digests SET state = 'wrong' WHERE source = 'documents.document_id' AND key = 'd2'")
    assert _digests(con, "documents")["d2"] == "wrong"  # same stamp: trusted, as the table fingerprint is
    con.execute("UPDATE _key_digests SET state = '0:0' WHERE source = 'documents.document_id' AND key = ''")
    assert _digests(con, "documents") == good


@pytest.mark.parametrize("table", ["documents", "figures"])
def test_one_grouped_read_gives_the_digests_and_the_table_fingerprint(table: str):
    con = _staging()
    run = "run-digests"
    assert staging.known_fingerprint(con, table, run) is None
    audit.key_digests(con, table, "document_id", run)
    known = staging.known_fingerprint(con, table, run)
    assert known is not None
    assert known == staging.table_fingerprint(con, table)  # computed afresh, without the run's memo
    stamp = con.execute("SELECT state FROM _key_digests WHERE key = '' AND source = ?", [f"{table}.document_id"])
    assert stamp.fetchone()[0] == known


def test_rows_with_an_empty_key_count_in_the_fingerprint_but_have_no_digest():
    con = _staging()
    con.execute(
        "INSERT INTO figures (figure_id, document_id, char_start, char_end, raw_text, kind, value, unit, qualifier) "
        "VALUES ('g0', '', 0, 1, 'x', 'percent', 1.0, 'percent', 'exact')"
    )
    run = "run-null-key"
    relation = audit.key_digests(con, "figures", "document_id", run)
    digests = dict(con.execute(f"SELECT key, state FROM {relation}").fetchall())
    assert "" not in digests and len(digests) == len(FIGURES)
    assert staging.known_fingerprint(con, "figures", run) == staging.table_fingerprint(con, "figures")
