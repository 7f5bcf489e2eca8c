"""Which staging content has passed its integrity suite: the publish step's gate.

Dagster's blocking checks stop the publish step in the same run. But someone can materialize
`published_warehouse` alone from the UI, with no checks in the run; then this record is what stops
unaudited (or failed) staging content from reaching BI. Each integrity check stores a digest of the
table content it validated; publishing requires every audited table's current digest to match a
passing audit.
"""

from __future__ import annotations

import duckdb

from newsfacts.warehouse.staging import table_fingerprint

# Columns a later stage fills in after the table's own check has run (claims.cluster_id is set by
# claim_clusters and audited by its suite), so they are left out of the table's digest.
LATE_COLUMNS = {"claims": {"cluster_id"}}

AUDITED_TABLES = (
    "documents",
    "document_metadata",
    "figures",
    "claims",
    "claim_figures",
    "claim_clusters",
    "metric_consistency",
)


def content_digest(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The table's fingerprint, leaving out the columns later stages fill in."""
    return table_fingerprint(con, table, exclude=LATE_COLUMNS.get(table, ()))


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
