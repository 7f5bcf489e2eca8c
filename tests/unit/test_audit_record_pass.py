"""Recording a passing scoped suite rewrites only the keys whose digest moved, and ends as a fresh record."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.quality.runner import suite_for_table
from newsfacts.warehouse import audit
from newsfacts.warehouse.schema import STORED_TABLES

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
    return con.execute("SELECT document_id, state FROM _ledger WHERE stage = ? ORDER BY ALL", [stage]).fetchall()


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
    con.execute("DELETE FROM _ledger WHERE stage = ?", [stage])
    audit.changed_keys(con, spec)
    audit.record_pass(con, spec)
    assert incremental == _recorded(con, stage)
    keys = audit.changed_keys(con, spec)
    assert con.execute(f"SELECT count(*) FROM {keys}").fetchone()[0] == 0
