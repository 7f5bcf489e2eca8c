"""Staging holds no primary-key index (a checkpoint rewrites a changed table's whole index); the
published file keeps every key the contract names, and staging keeps every NOT NULL."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import PUBLISHED_TABLES, STORED_TABLES


def _constraints(con: duckdb.DuckDBPyConnection, kind: str) -> set[str]:
    rows = con.execute(
        "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE constraint_type = ?", [kind]
    ).fetchall()
    return {r[0] for r in rows}


def test_a_new_staging_database_has_no_primary_key_but_every_not_null(tmp_path: Path):
    con = staging.connect(tmp_path / "staging.duckdb")
    assert _constraints(con, "PRIMARY KEY") == set()
    required = {t.name for t in STORED_TABLES if any(not c.nullable for c in t.columns)}
    assert required and _constraints(con, "NOT NULL") == required


def test_staging_still_refuses_a_null_where_the_registry_requires_a_value(tmp_path: Path):
    con = staging.connect(tmp_path / "staging.duckdb")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO _ledger VALUES (NULL, 'd1', 'x')")


@pytest.mark.parametrize("table", [t for t in PUBLISHED_TABLES if t.primary_key], ids=lambda t: t.name)
def test_the_published_layout_keeps_its_primary_keys(table):
    con = duckdb.connect(":memory:")
    con.execute(table.ddl())
    assert _constraints(con, "PRIMARY KEY") == {table.name}
    assert "PRIMARY KEY" not in table.ddl(keys=False)


def test_a_staging_database_written_with_keys_loses_them_and_keeps_its_rows(tmp_path: Path):
    path = tmp_path / "staging.duckdb"
    with duckdb.connect(str(path)) as con:  # as staging was written before its keys were dropped
        for table in STORED_TABLES:
            con.execute(table.ddl())
        con.execute("INSERT INTO _ledger VALUES ('landing', 'd1', 'a|1'), ('landing', 'd2', 'b|1')")
        con.execute("INSERT INTO claim_rows (claim_id, document_id) VALUES ('c1', 'd1')")
        before = staging.table_fingerprint(con, "_ledger"), staging.table_fingerprint(con, "claim_rows")
        assert "_ledger" in _constraints(con, "PRIMARY KEY")
    con = staging.connect(path)
    assert _constraints(con, "PRIMARY KEY") == set()
    assert (staging.table_fingerprint(con, "_ledger"), staging.table_fingerprint(con, "claim_rows")) == before
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 1  # the view over claim_rows still reads it
    required = {t.name for t in STORED_TABLES if any(not c.nullable for c in t.columns)}
    assert _constraints(con, "NOT NULL") == required
