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

from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import AUDITED_TABLES, KEY_DIGESTS, STORED_TABLES, TABLES_BY_NAME, sql_string
from newsfacts.warehouse.staging import (
    fingerprint_text,
    known_fingerprint,
    moved_keys_sql,
    record_states,
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
# digests of the last passing run are kept in `_ledger`, one stage per table the suite reads
# (`audit:<suite>:<table>`, one row per key), with the suite's definition under stage `audit:<suite>`
# and document_id '' (a changed definition checks every row again). The keys that moved are then one
# join per table of the stored digests with the ledger, not a string per key built over the corpus.
#
# A table's per-key sums are kept in `_key_digests`, stamped with the table fingerprint they hold for,
# and shared by the suites reading it (`documents` is read by four suites). A run that started on
# files it trusts (staging.carry) and knows every document it wrote in a table (staging.written_ids)
# moves the sums by those documents' rows alone: the other documents' texts are not read again.

DIGEST_FORMAT = "3"  # one ledger stage per table read: a ledger of another format is redone

# Tables a stage also updates in place with its own SQL, beside staging's journaled writes, with the
# columns such an update never changes: landing flags duplicates (documents.duplicate_of). Their
# digests over every other column (`~narrow`, no document text read) are compared too, and a key whose
# narrow digest moved is rehashed with the written ones.
UPDATED_IN_PLACE: dict[str, tuple[str, ...]] = {"documents": ("raw_text",)}
NARROW = "~narrow"


def _scope_stage(spec: SuiteSpec, table: str | None = None) -> str:
    return f"audit:{spec.name}" if table is None else f"audit:{spec.name}:{table}"


def _definition(spec: SuiteSpec) -> str:
    assert spec.scope is not None
    text = "\x1f".join(
        (DIGEST_FORMAT, spec.version, spec.scope.query, repr(spec.scope.digests), repr(spec.expectations))
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stored(source: str) -> str:
    return f"(SELECT key, state FROM {KEY_DIGESTS.name} WHERE source = {sql_string(source)} AND key <> '')"


def _stamp(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The table fingerprint the stored digests of `source` hold for; None: none stored."""
    row = con.execute(f"SELECT state FROM {KEY_DIGESTS.name} WHERE source = ? AND key = ''", [source]).fetchone()
    return None if row is None else row[0]


def key_digests(con: duckdb.DuckDBPyConnection, table: str, column: str, run_id: str | None = None) -> str:
    """A relation (`key`, `state`) of `table`'s per-key sums of row hashes, keyed by `column`.

    Stored in `_key_digests` beside the table fingerprint they were computed on, and recomputed only
    when the fingerprint moved (`run_id`: the fingerprint is the run's, see staging.table_fingerprint).
    Within a run that knows which documents it wrote, they are moved by those documents' rows
    (`_move`); otherwise one grouped scan gives both the sums and the fingerprint, which the run keeps.
    Only the keys whose sum moved are rewritten. Rows with a NULL or empty key have no digest.
    """
    source = f"{table}.{column}"
    relation = _stored(source)
    stamp = _stamp(con, source)
    known = known_fingerprint(con, table, run_id)
    if known is not None and stamp == known:
        return relation
    if stamp is not None and run_id is not None and _move(con, table, column, stamp, known, run_id):
        return relation
    if stamp is not None and run_id is not None and _move_view(con, table, column, stamp, known, run_id):
        return relation
    now = '"_key_digests_now"'
    con.execute(f'CREATE OR REPLACE TEMP TABLE {now} AS SELECT {_sums_sql(table, column)} FROM "{table}" GROUP BY 1')
    n, h = con.execute(f"SELECT coalesce(sum(n), 0), coalesce(sum(h), 0) FROM {now}").fetchone()
    fingerprint = fingerprint_text(int(n), int(h))
    if known is None:
        remember_fingerprint(con, table, run_id, fingerprint)
    if any(_stamp(con, source) != fingerprint for source, _ in _stamps(table, column)):
        _store(con, table, column, now, fingerprint, None)
    con.execute(f"DROP TABLE {now}")
    return relation


def _rewrite(con: duckdb.DuckDBPyConnection, source: str, digests: str) -> None:
    """Make the stored digests of `source` those of relation `digests` (`key`, `state`), rewriting
    only the keys whose state differs."""
    con.execute(
        f"""DELETE FROM {KEY_DIGESTS.name} AS d WHERE d.source = ? AND d.key <> '' AND NOT EXISTS
            (SELECT 1 FROM {digests} AS n WHERE n.key = d.key AND n.state = d.state)""",
        [source],
    )
    con.execute(
        f"""INSERT INTO {KEY_DIGESTS.name} SELECT ?, n.key, n.state FROM {digests} AS n WHERE NOT EXISTS
            (SELECT 1 FROM {KEY_DIGESTS.name} AS d WHERE d.source = ? AND d.key = n.key)""",
        [source, source],
    )


# Beyond this many documents to move, the digests are computed whole: the moved keys are named in the
# statement (a filter the table scan applies), and a refresh changing more is no longer small.
MAX_MOVED_DOCUMENTS = 1_000


def _stamps(table: str, column: str) -> list[tuple[str, str]]:
    """(source, sum column) of each set of digests kept for `table`: its own, and the narrow one."""
    source = f"{table}.{column}"
    return [(source, "h")] + ([(source + NARROW, "nh")] if table in UPDATED_IN_PLACE else [])


def _sums_sql(table: str, column: str) -> str:
    narrow = UPDATED_IN_PLACE.get(table)
    narrow_sum = f", sum({row_hash_sql(table, narrow)}) AS nh" if narrow else ""
    return f'CAST("{column}" AS VARCHAR) AS key, count(*) AS n, sum({row_hash_sql(table)}) AS h{narrow_sum}'


def _store(
    con: duckdb.DuckDBPyConnection, table: str, column: str, now: str, fingerprint: str, keys: list[str] | None
) -> None:
    """Store the sums of temp table `now` as `table`'s digests, stamped with `fingerprint`: the keys
    of `keys` replaced (None: every key, only those whose sum differs rewritten)."""
    stamps = _stamps(table, column)
    # The stamps go first and come back last: a step stopped in between leaves no stamp.
    for source, _ in stamps:
        con.execute(f"DELETE FROM {KEY_DIGESTS.name} WHERE source = ? AND key = ''", [source])
    for source, value in stamps:
        digests = f"(SELECT key, CAST({value} AS VARCHAR) AS state FROM {now} WHERE key IS NOT NULL AND key <> '')"
        if keys is None:
            _rewrite(con, source, digests)
        else:
            if keys:
                listed = ", ".join(sql_string(k) for k in keys)
                con.execute(f"DELETE FROM {KEY_DIGESTS.name} WHERE source = ? AND key IN ({listed})", [source])
            con.execute(f"INSERT INTO {KEY_DIGESTS.name} SELECT ?, key, state FROM {digests}", [source])
    for source, _ in reversed(stamps):
        con.execute(f"INSERT INTO {KEY_DIGESTS.name} VALUES (?, '', ?)", [source, fingerprint])


def _move(con: duckdb.DuckDBPyConnection, table: str, column: str, stamp: str, known: str | None, run_id: str) -> bool:
    """Move the stored digests of `table` (keyed by document_id) from the content this run started on
    to the table's now, by the rows of the documents the run wrote; False when that cannot be done.

    They can when the run started on trusted files with the table as the stamp says (the stamp is the
    run's carried starting fingerprint, staging.start_fingerprint) and staging knows every document
    the run wrote in the table (staging.written_ids). A table also updated in place (UPDATED_IN_PLACE)
    has its narrow digests compared whole (no text read), and the keys whose narrow digest moved are
    moved too. The fingerprint is the stamp less the moved keys' old sums plus their new ones: when
    the run already knows the table's fingerprint otherwise, the two must agree, else the digests are
    computed whole.
    """
    spec = TABLES_BY_NAME.get(table)
    if column != "document_id" or spec is None or not spec.stored or not spec.per_document:
        return False
    written = staging.written_ids(con, table)
    if written is None or stamp != staging.start_fingerprint(con, table):
        return False
    moved = set(written)
    narrow = UPDATED_IN_PLACE.get(table)
    if narrow:
        source = f"{table}.{column}{NARROW}"
        if _stamp(con, source) != stamp:
            return False
        rows = con.execute(
            f"""SELECT coalesce(n.key, o.key) FROM
                (SELECT CAST("{column}" AS VARCHAR) AS key, CAST(sum({row_hash_sql(table, narrow)}) AS VARCHAR) AS state
                 FROM "{table}" GROUP BY 1) AS n
                FULL OUTER JOIN {_stored(source)} AS o ON o.key = n.key
                WHERE n.state IS DISTINCT FROM o.state"""
        ).fetchall()
        moved.update(k for (k,) in rows)
    if None in moved or "" in moved:  # a row without a key moved: only a whole scan sees it
        return False
    if len(moved) > MAX_MOVED_DOCUMENTS:
        return False
    keys = sorted(moved)
    listed = ", ".join(sql_string(k) for k in keys) if keys else "NULL"
    now = '"_key_digests_now"'
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {now} AS
            SELECT {_sums_sql(table, column)} FROM "{table}" WHERE "{column}" IN ({listed}) GROUP BY 1"""
    )
    old_h = con.execute(
        f"SELECT coalesce(sum(CAST(state AS HUGEINT)), 0) FROM {_stored(f'{table}.{column}')} WHERE key IN ({listed})"
    ).fetchone()[0]
    new_h = con.execute(f"SELECT coalesce(sum(h), 0) FROM {now}").fetchone()[0]
    rows_now = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    # The rows of every other key, and those without one, are as the stamp saw them.
    fingerprint = fingerprint_text(int(rows_now), int(stamp.split(":")[1]) - int(old_h) + int(new_h))
    if known is not None and known != fingerprint:
        con.execute(f"DROP TABLE {now}")
        return False
    if known is None:
        remember_fingerprint(con, table, run_id, fingerprint)
    _store(con, table, column, now, fingerprint, keys)
    con.execute(f"DROP TABLE {now}")
    return True


def _move_view(
    con: duckdb.DuckDBPyConnection, view: str, column: str, stamp: str, known: str | None, run_id: str
) -> bool:
    """Move the stored digests of staging view `view` keyed by `column` (the claims by cluster_id:
    any claim of a cluster can change its digest, so a cluster's claims are not read again) from the
    content this run started on to the view's now, by the rows this run's writes touched; False when
    that cannot be done.

    They can when the stamp is the view's fingerprint when the run started and staging knows the rows
    the run touched, with their sums when first touched (staging.view_touches). Both digests and
    fingerprint are sums of row hashes, so each moves by what the touched rows sum to now less what
    they summed to then; a key whose sum falls to nothing is looked for, and dropped when no row holds
    it. When the run already knows the view's fingerprint otherwise, the two must agree, else the
    digests are computed whole.
    """
    spec = TABLES_BY_NAME.get(view)
    if spec is None or spec.stored or stamp != staging.start_fingerprint(con, view):
        return False
    touches = staging.view_touches(con, view, column)
    if touches is None:
        return False
    before = touches.before.get(column, {})
    after: dict[str | None, tuple[int, int]] = {}
    for where in staging.touched_rows_sql(touches):
        for k, n, h in con.execute(staging.view_key_sums_sql(view, column, where)).fetchall():
            was = after.get(k, (0, 0))
            after[k] = (was[0] + int(n), was[1] + int(h))
    removed = tuple(sum(v[i] for v in before.values()) for i in (0, 1))
    added = tuple(sum(v[i] for v in after.values()) for i in (0, 1))
    fingerprint = staging.moved_fingerprint(stamp, removed, added)  # type: ignore[arg-type]
    if known is not None and known != fingerprint:
        return False
    keys = sorted(k for k in before.keys() | after.keys() if k)  # rows without a key have no digest
    source = f"{view}.{column}"
    stored = {}
    if keys:
        listed = ", ".join(sql_string(k) for k in keys)
        stored = dict(con.execute(f"SELECT key, state FROM {_stored(source)} WHERE key IN ({listed})").fetchall())
    states = {}
    for k in keys:
        h = int(stored.get(k, 0)) - before.get(k, (0, 0))[1] + after.get(k, (0, 0))[1]
        if h or k in after:
            states[k] = h
    emptied = [k for k in keys if k not in states]
    if emptied:  # a row may hash to 0: only a look says whether the key still has rows
        listed = ", ".join(sql_string(k) for k in emptied)
        still = con.execute(f'SELECT DISTINCT CAST("{column}" AS VARCHAR) FROM "{view}" WHERE "{column}" IN ({listed})')
        states.update({k: 0 for (k,) in still.fetchall()})
    now = '"_key_digests_now"'
    con.execute(f"CREATE OR REPLACE TEMP TABLE {now} (key VARCHAR, h HUGEINT)")
    if states:
        con.execute(f"INSERT INTO {now} VALUES " + ", ".join(f"({sql_string(k)}, {h})" for k, h in states.items()))
    if known is None:
        remember_fingerprint(con, view, run_id, fingerprint)
    _store(con, view, column, now, fingerprint, keys)
    con.execute(f"DROP TABLE {now}")
    return True


def moved_digests(con: duckdb.DuckDBPyConnection, table: str, run_id: str) -> str | None:
    """`table`'s fingerprint now, when its digests keyed by document_id could be moved by the
    documents this run wrote (`_move`), which they then are; None: they could not, nothing done."""
    stamp = _stamp(con, f"{table}.document_id")
    if stamp is None or not _move(con, table, "document_id", stamp, None, run_id):
        return None
    return known_fingerprint(con, table, run_id)


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


def _moved_keys(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None) -> str:
    """A temp table (`key`) of the keys whose digest in some table `spec` reads differs from the one
    its ledger holds: new, changed and gone keys alike."""
    assert spec.scope is not None
    parts = " UNION ".join(
        moved_keys_sql(_scope_stage(spec, table), key_digests(con, table, column, run_id), "key")
        for table, column in spec.scope.digests
    )
    name = f'"_scope_keys_{spec.name}"'
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {parts}")
    return name


def _passed_definition(con: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> bool:
    marker = con.execute(
        "SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [_scope_stage(spec)]
    ).fetchone()
    return marker is not None and marker[0] == _definition(spec)


def changed_keys(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None = None) -> str | None:
    """A temp relation (column `key`) of the keys changed since `spec` last passed; None: check every row.

    None when the suite has no scope, never passed here, or its definition changed since. `run_id`:
    see key_digests.
    """
    if spec.scope is None:
        return None
    if not _passed_definition(con, spec):
        prime(con, spec, run_id)  # the digests the suite will pass on
        return None
    try:
        con.execute(KEY_DIGESTS.ddl(keys=False))  # staging has it; a warehouse built by hand (tests) may not
        return _moved_keys(con, spec, run_id)
    except duckdb.Error:  # a table without its key column: the suite itself reports what is wrong
        return None


def record_pass(
    con: duckdb.DuckDBPyConnection, spec: SuiteSpec, run_id: str | None = None, changed: str | None = None
) -> None:
    """Remember the digests `spec` passed on: its next run checks only keys that differ from them.

    `changed`: the relation changed_keys gave for the run that passed, when no table the suite reads
    was written since (the check's own step): the keys to rewrite, found without comparing again.
    """
    if spec.scope is None:
        return
    stage = _scope_stage(spec)
    try:
        con.execute(KEY_DIGESTS.ddl(keys=False))  # staging has it; a warehouse built by hand (tests) may not
        whole = not _passed_definition(con, spec)
        keys = None if whole else changed or _moved_keys(con, spec, run_id)
        relations = [(table, key_digests(con, table, column, run_id)) for table, column in spec.scope.digests]
    except duckdb.Error:  # no digests: the next run checks every row
        return
    con.execute("DELETE FROM _ledger WHERE stage = ? AND document_id = ''", [stage])
    if whole:  # another definition's rows, of any format, go
        con.execute("DELETE FROM _ledger WHERE stage = ? OR starts_with(stage, ?)", [stage, f"{stage}:"])
    # Only the keys whose digest moved are rewritten: a refresh that changed one document writes a
    # few rows here, not one per document of the corpus.
    for table, relation in relations:
        record_states(con, _scope_stage(spec, table), relation, "key", keys)
    con.execute("INSERT INTO _ledger VALUES (?, '', ?)", [stage, _definition(spec)])
