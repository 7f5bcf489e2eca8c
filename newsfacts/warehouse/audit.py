"""Which staging content has passed its integrity suite: the publish step's gate.

Dagster's blocking checks stop the publish step in the same run. But someone can materialize
`published_warehouse` alone from the UI, with no checks in the run; then this record is what stops
unaudited (or failed) staging content from reaching BI. Each integrity check stores a digest of the
stored tables it vouches for (`Table.audited_by` in the registry); publishing requires every
audited table's current digest to match a passing audit. No stage writes another stage's tables, so
a digest only moves when the check's own tables change.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import duckdb

from newsfacts.warehouse.schema import AUDITED_TABLES, STORED_TABLES
from newsfacts.warehouse.staging import moved_keys, table_fingerprint

if TYPE_CHECKING:
    from newsfacts.quality.suites import SuiteSpec

__all__ = [
    "AUDITED_TABLES",
    "changed_keys",
    "content_digest",
    "record_audit",
    "record_pass",
    "unaudited_tables",
]


def content_digest(con: duckdb.DuckDBPyConnection, table: str, run_id: str | None = None) -> str:
    """Fingerprint of the stored tables the integrity check of `table` vouches for.

    `run_id`: computed once per run (see staging.table_fingerprint), for the run's checks and publish step.
    """
    return ";".join(
        f"{t.name}={table_fingerprint(con, t.name, run_id=run_id)}" for t in STORED_TABLES if t.audited_by == table
    )


def record_audit(con: duckdb.DuckDBPyConnection, table: str, passed: bool, run_id: str | None = None) -> None:
    state = f"{'pass' if passed else 'fail'}|{content_digest(con, table, run_id)}"
    con.execute("DELETE FROM _ledger WHERE stage = 'audit' AND document_id = ?", [table])
    con.execute("INSERT INTO _ledger VALUES ('audit', ?, ?)", [table, state])


def unaudited_tables(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> dict[str, str]:
    """Tables whose current content has no passing audit, with the reason (`run_id`: see content_digest)."""
    audits = dict(con.execute("SELECT document_id, state FROM _ledger WHERE stage = 'audit'").fetchall())
    problems = {}
    for table in AUDITED_TABLES:
        state = audits.get(table)
        if state is None:
            problems[table] = "never validated"
        elif state.startswith("fail|"):
            problems[table] = "its last integrity check failed"
        elif state != f"pass|{content_digest(con, table, run_id)}":
            problems[table] = "changed since its last passing integrity check"
    return problems


# -- what changed since a suite last passed ---------------------------------------------------------
#
# A scoped suite (quality/suites.py `Scope`) checks only the keys whose rows changed since it last
# passed. Per key, the digest is an order-independent sum of row hashes over every table the suite
# reads, so any edit, insert or delete of a row (by the pipeline or by hand) moves its key's digest.
# The digests of the last passing run are kept in `_ledger` under stage `audit:<suite>`, with the
# suite's definition under document_id '' (a changed definition checks every row again).


def _scope_stage(spec: SuiteSpec) -> str:
    return f"audit:{spec.name}"


def _definition(spec: SuiteSpec) -> str:
    assert spec.scope is not None
    text = "\x1f".join((spec.version, spec.scope.query, repr(spec.scope.digests), repr(spec.expectations)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _digests_table(spec: SuiteSpec) -> str:
    return f'"_scope_now_{spec.name}"'


def _compute_digests(con: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> str:
    """A temp table (key, state) of the current per-key digests of what the suite reads."""
    assert spec.scope is not None
    parts = " UNION ALL ".join(
        f"SELECT CAST(t.{column} AS VARCHAR) AS key, hash('{table}', t)::HUGEINT AS h FROM {table} AS t"
        for table, column in spec.scope.digests
    )
    name = _digests_table(spec)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT key, CAST(sum(h) AS VARCHAR) AS state "
        f"FROM ({parts}) WHERE key IS NOT NULL AND key <> '' GROUP BY key"
    )
    return name


def changed_keys(con: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> str | None:
    """A temp relation (column `key`) of the keys changed since `spec` last passed; None: check every row.

    None when the suite has no scope, never passed here, or its definition changed since.
    """
    if spec.scope is None:
        return None
    stage = _scope_stage(spec)
    try:
        now = _compute_digests(con, spec)
    except duckdb.Error:  # a table without its key column: the suite itself reports what is wrong
        return None
    marker = con.execute("SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [stage]).fetchone()
    if marker is None or marker[0] != _definition(spec):
        return None
    name = f'"_scope_keys_{spec.name}"'
    moved_keys(con, stage, now, "key", name)
    return name


def record_pass(con: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> None:
    """Remember the digests `spec` passed on: its next run checks only keys that differ from them."""
    if spec.scope is None:
        return
    stage = _scope_stage(spec)
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [f"_scope_now_{spec.name}"]
    ).fetchone()[0]
    try:
        now = _digests_table(spec) if exists else _compute_digests(con, spec)
    except duckdb.Error:  # no digests: the next run checks every row
        return
    # Only the keys whose digest moved are rewritten: a refresh that changed one document writes a
    # few rows here, not one per document of the corpus.
    con.execute(
        f"""DELETE FROM _ledger AS l WHERE l.stage = ? AND (l.document_id = '' OR NOT EXISTS
            (SELECT 1 FROM {now} AS n WHERE n.key = l.document_id AND n.state = l.state))""",
        [stage],
    )
    con.execute(
        f"""INSERT INTO _ledger (stage, document_id, state) SELECT ?, n.key, n.state FROM {now} AS n
            WHERE NOT EXISTS (SELECT 1 FROM _ledger AS l WHERE l.stage = ? AND l.document_id = n.key)""",
        [stage, stage],
    )
    con.execute("INSERT INTO _ledger VALUES (?, '', ?)", [stage, _definition(spec)])
