"""Which staging content has passed its integrity suite: the publish step's gate.

Dagster's blocking checks stop the publish step in the same run. But someone can materialize
`published_warehouse` alone from the UI, with no checks in the run; then this record is what stops
unaudited (or failed) staging content from reaching BI. Each integrity check stores a digest of the
stored tables it vouches for (`Table.audited_by` in the registry); publishing requires every
audited table's current digest to match a passing audit. No stage writes another stage's tables, so
a digest only moves when the check's own tables change.
"""

from __future__ import annotations

import duckdb

from newsfacts.warehouse.schema import AUDITED_TABLES, STORED_TABLES
from newsfacts.warehouse.staging import table_fingerprint

__all__ = ["AUDITED_TABLES", "content_digest", "record_audit", "unaudited_tables"]


def content_digest(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """Fingerprint of the stored tables the integrity check of `table` vouches for."""
    return ";".join(f"{t.name}={table_fingerprint(con, t.name)}" for t in STORED_TABLES if t.audited_by == table)


def record_audit(con: duckdb.DuckDBPyConnection, table: str, passed: bool) -> None:
    state = f"{'pass' if passed else 'fail'}|{content_digest(con, table)}"
    con.execute("DELETE FROM _ledger WHERE stage = 'audit' AND document_id = ?", [table])
    con.execute("INSERT INTO _ledger VALUES ('audit', ?, ?)", [table, state])


def unaudited_tables(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Tables whose current content has no passing audit, with the reason."""
    audits = dict(con.execute("SELECT document_id, state FROM _ledger WHERE stage = 'audit'").fetchall())
    problems = {}
    for table in AUDITED_TABLES:
        state = audits.get(table)
        if state is None:
            problems[table] = "never validated"
        elif state.startswith("fail|"):
            problems[table] = "its last integrity check failed"
        elif state != f"pass|{content_digest(con, table)}":
            problems[table] = "changed since its last passing integrity check"
    return problems
