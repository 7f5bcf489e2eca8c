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

from newsfacts.warehouse.schema import AUDITED_TABLES, KEY_DIGESTS, STORED_TABLES
from newsfacts.warehouse.staging import (
    fingerprint_text,
    known_fingerprint,
    moved_keys,
    remember_fingerprint,
    row_hash_sql,
    table_fingerprint,
)

if TYPE_CHECKING:
    from newsfacts.quality.suites import SuiteSpec

__all__ = [
    "AUDITED_TABLES",
    "changed_keys",
    "content_digest",
    "prime",
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
# passed. Per key, the digest is an order-independent sum of row hashes in each table the suite reads,
# so any edit, insert or delete of a row (by the pipeline or by hand) moves its key's digest. The
# digests of the last passing run are kept in `_ledger` under stage `audit:<suite>`, with the suite's
# definition under document_id '' (a changed definition checks every row again).
#
# A table's per-key sums are computed once per content of the table (`_key_digests`, stamped with
# the table's fingerprint) and shared by the suites reading it: `documents` is read by four suites,
# and hashing its texts is what grows with the corpus.

DIGEST_FORMAT = "2"  # per table sums (key_digests) joined by table: a ledger of another format is redone


def _scope_stage(spec: SuiteSpec) -> str:
    return f"audit:{spec.name}"


def _definition(spec: SuiteSpec) -> str:
    assert spec.scope is not None
    text = "\x1f".join(
        (DIGEST_FORMAT, spec.version, spec.scope.query, repr(spec.scope.digests), repr(spec.expectations))
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _digests_table(spec: SuiteSpec) -> str:
    return f'"_scope_now_{spec.name}"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def key_digests(con: duckdb.DuckDBPyConnection, table: str, column: str, run_id: str | None = None) -> str:
    """A relation (`key`, `state`) of `table`'s per-key sums of row hashes, keyed by `column`.

    Stored in `_key_digests` beside the table fingerprint they were computed on, and recomputed only
    when the fingerprint moved (`run_id`: the fingerprint is the run's, see staging.table_fingerprint).
    The sums are those of the fingerprint's own row hashes, so when the run has not fingerprinted the
    table yet one grouped scan gives both, and the run keeps the fingerprint. Only the keys whose sum
    moved are rewritten. Rows with a NULL or empty key have no digest.
    """
    source = f"{table}.{column}"
    relation = f"(SELECT key, state FROM {KEY_DIGESTS.name} WHERE source = {_literal(source)} AND key <> '')"
    stamp = con.execute(f"SELECT state FROM {KEY_DIGESTS.name} WHERE source = ? AND key = ''", [source]).fetchone()
    known = known_fingerprint(con, table, run_id)
    if known is not None and stamp is not None and stamp[0] == known:
        return relation
    now = '"_key_digests_now"'
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {now} AS
        SELECT CAST("{column}" AS VARCHAR) AS key, count(*) AS n, sum({row_hash_sql(table)}) AS h
        FROM "{table}" GROUP BY 1"""
    )
    n, h = con.execute(f"SELECT coalesce(sum(n), 0), coalesce(sum(h), 0) FROM {now}").fetchone()
    fingerprint = fingerprint_text(int(n), int(h))
    if known is None:
        remember_fingerprint(con, table, run_id, fingerprint)
    if stamp is None or stamp[0] != fingerprint:
        digests = f"(SELECT key, CAST(h AS VARCHAR) AS state FROM {now} WHERE key IS NOT NULL AND key <> '')"
        # The stamp goes first and comes back last: a step stopped in between leaves no stamp.
        con.execute(
            f"""DELETE FROM {KEY_DIGESTS.name} AS d WHERE d.source = ? AND (d.key = '' OR NOT EXISTS
                (SELECT 1 FROM {digests} AS n WHERE n.key = d.key AND n.state = d.state))""",
            [source],
        )
        con.execute(
            f"""INSERT INTO {KEY_DIGESTS.name} SELECT ?, n.key, n.state FROM {digests} AS n WHERE NOT EXISTS
                (SELECT 1 FROM {KEY_DIGESTS.name} AS d WHERE d.source = ? AND d.key = n.key)""",
            [source, source],
        )
        con.execute(f"INSERT INTO {KEY_DIGESTS.name} VALUES (?, '', ?)", [source, fingerprint])
    con.execute(f"DROP TABLE {now}")
    return relation


def prime(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None = None) -> None:
    """Bring the per-key digests of the tables `spec` reads up to date before anything fingerprints
    them: a changed table is then read once for both (key_digests). A table that cannot be read is
    left to the suite, which reports what is wrong with it."""
    if spec.scope is None:
        return
    try:
        con.execute(KEY_DIGESTS.ddl(keys=False))
        for table, column in spec.scope.digests:
            key_digests(con, table, column, run_id)
    except duckdb.Error:
        return


def _compute_digests(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None = None) -> str:
    """A temp table (key, state) of the current per-key digests of what the suite reads."""
    assert spec.scope is not None
    con.execute(KEY_DIGESTS.ddl(keys=False))  # staging has it; a warehouse built by hand (tests) may not
    parts = " UNION ALL ".join(
        f"SELECT key, {_literal(table)} || '=' || state AS part FROM {key_digests(con, table, column, run_id)}"
        for table, column in spec.scope.digests
    )
    name = _digests_table(spec)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS "
        f"SELECT key, string_agg(part, ';' ORDER BY part) AS state FROM ({parts}) GROUP BY key"
    )
    return name


def changed_keys(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None = None) -> str | None:
    """A temp relation (column `key`) of the keys changed since `spec` last passed; None: check every row.

    None when the suite has no scope, never passed here, or its definition changed since. `run_id`:
    see key_digests.
    """
    if spec.scope is None:
        return None
    stage = _scope_stage(spec)
    try:
        now = _compute_digests(con, spec, run_id)
    except duckdb.Error:  # a table without its key column: the suite itself reports what is wrong
        return None
    marker = con.execute("SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [stage]).fetchone()
    if marker is None or marker[0] != _definition(spec):
        return None
    name = f'"_scope_keys_{spec.name}"'
    moved_keys(con, stage, now, "key", name)
    return name


def record_pass(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None = None) -> None:
    """Remember the digests `spec` passed on: its next run checks only keys that differ from them."""
    if spec.scope is None:
        return
    stage = _scope_stage(spec)
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [f"_scope_now_{spec.name}"]
    ).fetchone()[0]
    try:
        now = _digests_table(spec) if exists else _compute_digests(con, spec, run_id)
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
