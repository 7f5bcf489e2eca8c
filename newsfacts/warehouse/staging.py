"""The staging database: where runs write, and what makes refreshes incremental.

Each per-document stage (see newsfacts/stages/graph.py) records in `_ledger` the content hash and
version it processed per document. A stage processes only documents whose current state differs from its
ledger entry, and writes their rows and the ledger in ONE transaction, so a run killed at any point
leaves each document either fully processed or untouched: the next run picks up where it stopped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from newsfacts.warehouse.schema import (
    DOCUMENTS,
    KEY_DIGESTS,
    LEDGER,
    STAGING_VIEWS,
    STORED_TABLES,
    TABLES_BY_NAME,
    VALIDATION_RESULTS,
    Table,
    sql_string,
)

# DuckDB's own memory (buffer pool, sorts, hash tables) per connection; beyond it DuckDB spills to
# `<database>.tmp/`. Its default, 80% of RAM, lets the page cache of a large staging file alone grow
# to gigabytes. None: DuckDB's default.
DEFAULT_MEMORY_LIMIT = "1GB"


# Databases held open by `kept_open` in this process: resolved path -> the connection holding it.
_KEPT: dict[str, duckdb.DuckDBPyConnection] = {}


def connect(path: Path, memory_limit: str | None = DEFAULT_MEMORY_LIMIT) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the staging database with every table present.

    Inside `kept_open(path)` the connection shares the database already open (nothing to open,
    replay or checkpoint), with `memory_limit` set for it: DuckDB's limit is the database's, and the
    run's steps take turns.
    """
    kept = str(path.resolve()) if _KEPT else None
    if kept in _KEPT:
        con = duckdb.connect(kept)
        con.execute(f"SET memory_limit = '{memory_limit}'" if memory_limit else "RESET memory_limit")
        return con
    path.parent.mkdir(parents=True, exist_ok=True)
    config = {"memory_limit": memory_limit} if memory_limit else {}
    con = duckdb.connect(str(path), config=config)
    _prepare(con)
    return con


def _prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Every table and view of today's layout present (an older layout's derived tables dropped first).

    Staging's tables have no primary key: after any change to a table, DuckDB's checkpoint writes its
    whole key index again (1.3 s for the 70,000 figures of 10,000 articles against 0.1 s without one,
    growing with the corpus), and a refresh changes every stage's table. Uniqueness is what the
    integrity suites check before anything is published, and the published file keeps the keys.
    """
    _reset_if_layout_changed(con)
    _drop_keys(con)
    for table in STORED_TABLES:
        con.execute(table.ddl(keys=False))
    for view in STAGING_VIEWS:
        con.execute(f'CREATE OR REPLACE VIEW "{view.name}" AS {view.view_sql}')


@contextmanager
def kept_open(path: Path) -> Iterator[None]:
    """Hold the staging database open in this process for the block (one Dagster run).

    Each step opens and closes its own connection. Closing the last one checkpoints the file, and
    opening it again replays its write-ahead log: 0.2-0.5 s per step at 10,000 articles, growing
    with the file. While it is held, `connect` shares the open database instead, and the file is
    checkpointed once, when the block ends. Another process still cannot open the file meanwhile
    (one writer), as during any step; `release` lets go early, before attaching the file elsewhere.
    """
    key = str(path.resolve())
    if key in _KEPT:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    keeper = duckdb.connect(key)
    try:
        _prepare(keeper)
    except BaseException:
        keeper.close()
        raise
    _KEPT[key] = keeper
    try:
        yield
    finally:
        release(path)


def is_kept(path: Path) -> bool:
    """Whether `kept_open` holds the database at `path` in this process."""
    return str(path.resolve()) in _KEPT


def release(path: Path) -> None:
    """Close the database `kept_open` holds (checkpointing it), so it can be attached or opened read-only."""
    keeper = _KEPT.pop(str(path.resolve()), None)
    if keeper is not None:
        keeper.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All of the block's statements or none of them: a run killed inside leaves the previous state."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, df: pl.DataFrame) -> Iterator[None]:
    """`df` readable by SQL as `name` inside the block, handed over as Arrow; unregistered after it."""
    con.register(name, df.to_arrow())
    try:
        yield
    finally:
        con.unregister(name)


def _layout(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    rows = con.execute(
        """
        SELECT t.table_name, t.table_type, c.column_name, c.data_type
        FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
        WHERE t.table_schema = 'main' ORDER BY t.table_name, c.ordinal_position
        """
    ).fetchall()
    out: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for name, kind, column, type_ in rows:
        out.setdefault(name, (kind, []))[1].append((column, type_))
    return out


def _reset_if_layout_changed(con: duckdb.DuckDBPyConnection) -> None:
    """A staging database written by code with other tables or columns is a cache of another layout.

    Every table the stages derive from SEEDS_DIR is dropped with the ledger, so the next run rebuilds
    them with today's columns; the validation history (not derivable) is kept.
    """
    found = _layout(con)
    stale = [
        t
        for t in (*STORED_TABLES, *STAGING_VIEWS)
        if t.name in found
        and (found[t.name][0] != ("BASE TABLE" if t.stored else "VIEW") or found[t.name][1] != _expected(t))
    ]
    if not stale:
        return
    with transaction(con):
        for name, (kind, _) in found.items():
            if kind == "VIEW" and name in TABLES_BY_NAME:
                con.execute(f'DROP VIEW "{name}"')
        for name, (kind, _) in found.items():
            if name != VALIDATION_RESULTS.name and kind == "BASE TABLE" and name in TABLES_BY_NAME:
                con.execute(f'DROP TABLE "{name}"')


def _drop_keys(con: duckdb.DuckDBPyConnection) -> None:
    """A staging database written with primary keys (before they were dropped) loses them, rows kept:
    each keyed table is copied once into its keyless twin (see _prepare). A copy that fails (a disk
    or memory limit) is rolled back: the keys stay, which costs checkpoints, not correctness."""
    keyed = con.execute(
        """SELECT DISTINCT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'
           AND database_name = current_database() AND schema_name = 'main' ORDER BY 1"""
    ).fetchall()
    tables = [TABLES_BY_NAME[name] for (name,) in keyed if name in TABLES_BY_NAME and TABLES_BY_NAME[name].stored]
    if not tables:
        return
    try:
        _copy_keyless(con, tables)
    except duckdb.Error:
        return


def _copy_keyless(con: duckdb.DuckDBPyConnection, tables: list[Table]) -> None:
    with transaction(con):
        for table in tables:
            twin = f"{table.name}__keyless"
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            con.execute(table.ddl(keys=False).replace(f'"{table.name}"', f'"{twin}"', 1))
            con.execute(f'INSERT INTO "{twin}" ({cols}) SELECT {cols} FROM "{table.name}"')
            con.execute(f'DROP TABLE "{table.name}"')
            con.execute(f'ALTER TABLE "{twin}" RENAME TO "{table.name}"')


def _expected(table: Table) -> list[tuple[str, str]]:
    return [(c.name, c.type) for c in table.columns]


def frame(rows: Iterable[Mapping[str, object]] | pl.DataFrame, table: Table) -> pl.DataFrame:
    """Rows as a polars frame with exactly the table's columns, in order (missing ones NULL)."""
    df = rows if isinstance(rows, pl.DataFrame) else pl.DataFrame(list(rows), infer_schema_length=None)
    missing = [c for c in table.column_names if c not in df.columns]
    if missing:
        df = df.with_columns(pl.lit(None).alias(c) for c in missing)
    return df.select(table.column_names)


def insert(con: duckdb.DuckDBPyConnection, table: Table, df: pl.DataFrame) -> None:
    """Append a polars frame, handed to DuckDB as Arrow (no per-row Python)."""
    if df.height == 0:
        return
    if table.per_document and table.stored:
        _journal(con, table.name, df["document_id"].unique().to_list() if "document_id" in df.columns else [None])
    cols = ", ".join(f'"{c}"' for c in table.column_names)
    with registered(con, "_incoming", frame(df, table)):
        con.execute(f'INSERT INTO "{table.name}" ({cols}) SELECT {cols} FROM _incoming')


def pending(con: duckdb.DuckDBPyConnection, stage: str, version: str) -> list[str]:
    """Documents whose content or the stage's code version changed since the stage last ran."""
    rows = con.execute(
        """
        SELECT d.document_id
        FROM documents d
        LEFT JOIN _ledger l ON l.stage = ? AND l.document_id = d.document_id
        WHERE l.state IS DISTINCT FROM d.content_sha256 || '|' || ?
        ORDER BY d.document_id
        """,
        [stage, version],
    ).fetchall()
    return [r[0] for r in rows]


def replace_documents_rows(
    con: duckdb.DuckDBPyConnection,
    stage: str,
    version: str,
    document_ids: list[str],
    tables: Mapping[str, pl.DataFrame],
) -> None:
    """Atomically replace the rows of `document_ids` in `tables` and mark them processed."""
    register_ids(con, document_ids)
    with transaction(con):
        for name, df in tables.items():
            _journal(con, name, document_ids)
            con.execute(f'DELETE FROM "{name}" WHERE document_id IN (SELECT document_id FROM ids)')
            insert(con, TABLES_BY_NAME[name], df)
        con.execute("DELETE FROM _ledger WHERE stage = ? AND document_id IN (SELECT document_id FROM ids)", [stage])
        con.execute(
            """
            INSERT INTO _ledger (stage, document_id, state)
            SELECT ?, d.document_id, d.content_sha256 || '|' || ?
            FROM documents d WHERE d.document_id IN (SELECT document_id FROM ids)
            """,
            [stage, version],
        )


def register_ids(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> None:
    """Expose a list of ids to SQL as the view `ids`: values travel as Arrow, never as SQL text."""
    con.register("ids", pl.DataFrame({"document_id": document_ids}, schema={"document_id": pl.String}).to_arrow())


def global_state(con: duckdb.DuckDBPyConnection, stage: str) -> str | None:
    """The input fingerprint a whole-table stage (clusters, consistency) last ran on."""
    row = con.execute("SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [stage]).fetchone()
    return row[0] if row else None


def set_global_state(con: duckdb.DuckDBPyConnection, stage: str, state: str) -> None:
    con.execute("DELETE FROM _ledger WHERE stage = ? AND document_id = ''", [stage])
    con.execute("INSERT INTO _ledger VALUES (?, '', ?)", [stage, state])


def moved_keys_sql(stage: str, digests: str, key: str) -> str:
    """A query of the keys (one column, `key`) whose state in `digests` (`key`, `state`) differs from
    the one `stage` recorded in the ledger: new, changed and gone keys alike."""
    return f"""SELECT coalesce(n.{key}, o.document_id) AS {key}
        FROM {digests} AS n
        FULL OUTER JOIN (SELECT document_id, state FROM _ledger WHERE stage = {sql_string(stage)}
                         AND document_id <> '') AS o ON o.document_id = n.{key}
        WHERE n.state IS DISTINCT FROM o.state"""


def moved_keys(con: duckdb.DuckDBPyConnection, stage: str, digests: str, key: str, out: str) -> None:
    """Create the temp table `out` of `moved_keys_sql`'s keys."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {out} AS {moved_keys_sql(stage, digests, key)}")


def record_states(con: duckdb.DuckDBPyConnection, stage: str, states: str, key: str, scope: str | None) -> None:
    """Make `stage`'s ledger rows the (`key`, `state`) rows of `states`: all of them when `scope` is
    None, else only those of the keys in the relation `scope` (column `key`); the others stay. What
    `moved_keys` compares against next time."""
    within = "" if scope is None else f" AND document_id IN (SELECT {key} FROM {scope})"
    con.execute(f"DELETE FROM _ledger WHERE stage = ?{within}", [stage])
    within = "" if scope is None else f" WHERE {key} IN (SELECT {key} FROM {scope})"
    con.execute(
        f"INSERT INTO _ledger (stage, document_id, state) SELECT ?, {key}, state FROM {states}{within}", [stage]
    )


def delete_documents(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> None:
    """Remove documents and everything derived from them (inside the caller's transaction)."""
    if not document_ids:
        return
    register_ids(con, document_ids)
    for table in STORED_TABLES:
        if table.per_document:
            _journal(con, table.name, document_ids)
            con.execute(f'DELETE FROM "{table.name}" WHERE document_id IN (SELECT document_id FROM ids)')
    con.execute(f'DELETE FROM "{LEDGER.name}" WHERE document_id IN (SELECT document_id FROM ids)')


# The stages' tables (and the staging views over them): what `table_fingerprint(..., run_id=...)` keeps.
# validation_results, the ledger and the validation cache are written by the checks themselves: never kept.
RUN_MEMO_TABLES = frozenset({t.name for t in STORED_TABLES if t.audited_by} | {t.name for t in STAGING_VIEWS})
# (run id, database file, table) -> fingerprint, for the latest run only.
_RUN_MEMO: dict[tuple[str, str, str], str] = {}
# database file -> table -> fingerprint, true when this run started: see `carry`.
_CARRIED: dict[str, dict[str, str]] = {}
# (database file, table): tables whose writing stage ran in this run and wrote nothing: see `unchanged`.
_UNCHANGED: set[tuple[str, str]] = set()
# (database file, per-document table) -> the document ids whose rows this run's writes (insert,
# replace_documents_rows, delete_documents) added, replaced or removed, from `carry` on; None: a
# write named no id (a row without a document_id). See `written_ids`.
_WRITTEN: dict[tuple[str, str], set[str] | None] = {}
# A staging view's rows are a function of its SQL and of the stored tables its SQL names.
_VIEW_READS: dict[str, frozenset[str]] = {
    v.name: frozenset(t.name for t in STORED_TABLES if re.search(rf"\b{t.name}\b", v.view_sql)) for v in STAGING_VIEWS
}
# (database file, view) -> the view's rows this run's writes touched, from `carry` on: see `view_touches`.
# None: unknown (too many, or a row without an id).
_TOUCHED: dict[tuple[str, str], ViewTouches | None] = {}
# Beyond this many values of one column, a run's touches of a view are unknown: the touched rows are
# named in the statements as constants (a filter the table scans apply), and such a refresh is not small.
MAX_TOUCHED_VALUES = 10_000


@dataclass
class ViewTouches:
    """The rows of a staging view that this run's writes touched, and what they summed to before.

    `values`: per view column, the values a write named (`document_id` for a per-document table's
    writes, the written rows' id for another table's, see journal_rows); a row is touched when one of
    its columns holds a touched value. `before`: per key column whose digests the view has stored
    (audit.key_digests, stamped with the view's fingerprint when the run started), per key, the row
    count and sum of row hashes of the touched rows when first touched, which was before any write
    changed them: each write changes only rows it names.
    """

    keys: tuple[str, ...]
    values: dict[str, set[str]] = field(default_factory=dict)
    before: dict[str, dict[str | None, tuple[int, int]]] = field(default_factory=dict)


def carried_name(table: str) -> str:
    """The name a fingerprint is recorded under between runs: a view's carries a digest of its SQL,
    so a fingerprint taken under other SQL (older code) is never carried into this one."""
    view = TABLES_BY_NAME.get(table)
    if view is None or view.stored:
        return table
    return f"{table}@{hashlib.sha256(view.view_sql.encode()).hexdigest()[:12]}"


def file_state(path: Path) -> list[list[int] | None]:
    """Inode, size and mtime (ns) of a database file and of its write-ahead log (None: absent).

    Every commit writes the log and every checkpoint the file, so while this stays the same the
    database holds what it held.
    """
    out: list[list[int] | None] = []
    for p in (path, Path(f"{path}.wal")):
        try:
            st = p.stat()
        except OSError:
            out.append(None)
            continue
        out.append([st.st_ino, st.st_size, st.st_mtime_ns])
    return out


def carry(path: Path, fingerprints: dict[str, str]) -> None:
    """Fingerprints true of the database at `path` when the run starts (the last run's, when nothing
    touched the files since it ended; the run then holds the file open, so nothing else can).

    `table_fingerprint` uses one once the stage writing its table has said, in this run, that it
    wrote nothing (`unchanged`), and a view's once every table its SQL reads is unchanged: the no-op
    refresh hashes no table. A view's is carried only under the SQL it was taken with (`carried_name`).
    """
    _CARRIED.clear()
    _UNCHANGED.clear()
    _WRITTEN.clear()
    _TOUCHED.clear()
    kept = {t: fingerprints[carried_name(t)] for t in RUN_MEMO_TABLES if carried_name(t) in fingerprints}
    if kept:
        _CARRIED[str(path.resolve())] = kept


def _database_path(con: duckdb.DuckDBPyConnection, catalog: str | None = None) -> str:
    database = catalog or con.execute("SELECT current_database()").fetchone()[0]
    path = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = ?", [database]).fetchone()
    return str(Path(path[0]).resolve()) if path and path[0] else database


def unchanged(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> None:
    """Said by the stage writing `tables`, when this run it wrote none of their rows."""
    if _CARRIED:
        where = _database_path(con)
        _UNCHANGED.update((where, t) for t in tables)


def _journal(con: duckdb.DuckDBPyConnection, table: str, document_ids: Iterable[str | None]) -> None:
    """Note that this run wrote the rows of `document_ids` in `table` (see written_ids)."""
    if not _CARRIED:
        return
    key = (_database_path(con), table)
    if key[0] not in _CARRIED or (key in _WRITTEN and _WRITTEN[key] is None):
        return
    ids = set(document_ids)
    if None in ids or "" in ids:
        _WRITTEN[key] = None
    else:
        _WRITTEN.setdefault(key, set()).update(ids)  # type: ignore[union-attr]
    _touch_views(con, key[0], table, "document_id", ids)


def journal_rows(con: duckdb.DuckDBPyConnection, table: str, column: str, relation: str) -> None:
    """Note, before writing them, the rows of a table that is not per-document which a stage is about
    to write with its own SQL: those whose `column` (the table's id, a column of the views reading it)
    is in `relation` (one column), deleted, inserted or updated alike. See view_touches."""
    if not _CARRIED:
        return
    where = _database_path(con)
    if where not in _CARRIED:
        return
    rows = con.execute(f"SELECT DISTINCT * FROM {relation} LIMIT {MAX_TOUCHED_VALUES + 1}").fetchall()
    _touch_views(con, where, table, column, {r[0] for r in rows} if len(rows) <= MAX_TOUCHED_VALUES else {None})


def _touch_views(con: duckdb.DuckDBPyConnection, where: str, table: str, column: str, values: set[str | None]) -> None:
    """Before a write of `table`'s rows whose `column` is in `values`: in each view reading the table
    whose digests by another key can be moved, note the rows it touches and what they sum to now."""
    for view in STAGING_VIEWS:
        if table not in _VIEW_READS[view.name]:
            continue
        key = (where, view.name)
        if key not in _TOUCHED:
            _TOUCHED[key] = ViewTouches(_moved_view_keys(con, view.name, _CARRIED[where].get(view.name)))
        touches = _TOUCHED[key]
        if touches is None or not touches.keys:
            continue
        known = touches.values.get(column, set())
        new = values - known
        if not new:
            continue
        if None in new or "" in new or column not in view.column_names or len(known | new) > MAX_TOUCHED_VALUES:
            _TOUCHED[key] = None
            continue
        rows = _listed(column, new)
        for other, seen in touches.values.items():
            rows += f" AND {_listed(other, seen, negated=True)}"
        for key_column in touches.keys:
            sums = touches.before.setdefault(key_column, {})
            for k, n, h in con.execute(view_key_sums_sql(view.name, key_column, rows)).fetchall():
                was = sums.get(k, (0, 0))
                sums[k] = (was[0] + int(n), was[1] + int(h))
        touches.values[column] = known | new


def _moved_view_keys(con: duckdb.DuckDBPyConnection, view: str, start: str | None) -> tuple[str, ...]:
    """The key columns of `view` whose stored digests hold for its content at the run's start (`start`)."""
    if start is None:
        return ()
    rows = con.execute(
        f"SELECT source FROM {KEY_DIGESTS.name} WHERE starts_with(source, ?) AND key = '' AND state = ?",
        [f"{view}.", start],
    ).fetchall()
    return tuple(sorted(c for (s,) in rows if (c := s.removeprefix(f"{view}.")) in TABLES_BY_NAME[view].column_names))


def _listed(column: str, values: Iterable[str], negated: bool = False) -> str:
    """`column` in `values`, listed as constants; `negated`: not in them, NULL included."""
    listed = ", ".join(sql_string(v) for v in sorted(values))
    return f'coalesce("{column}" NOT IN ({listed}), true)' if negated else f'"{column}" IN ({listed})'


def touched_rows_sql(touches: ViewTouches) -> list[str]:
    """WHERE clauses that split the rows `touches` names into disjoint parts, one per column."""
    parts, seen = [], []
    for column, values in touches.values.items():
        parts.append(" AND ".join([_listed(column, values), *(_listed(c, v, negated=True) for c, v in seen)]))
        seen.append((column, values))
    return parts


def view_key_sums_sql(view: str, column: str, where: str) -> str:
    """Per value of `column` (as text), the row count and sum of row hashes of `view`'s rows `where`."""
    return (
        f'SELECT CAST("{column}" AS VARCHAR) AS key, count(*) AS n, sum({row_hash_sql(view)}) AS h '
        f'FROM "{view}" WHERE {where} GROUP BY 1'
    )


def view_touches(con: duckdb.DuckDBPyConnection, view: str, column: str) -> ViewTouches | None:
    """The rows of `view` this run's writes touched, with their sums by `column` when first touched;
    None when unknown.

    Known when the run started on files whose fingerprints it carried and the view's digests keyed
    by `column` were stored for the view's content then: every write of a table the view reads went
    through the journaled writes (`_journal`, `journal_rows`), which noted the rows of the view they
    touch before changing them. The view's other rows are as they were when the run started.
    """
    where = _database_path(con)
    if where not in _CARRIED:
        return None
    if (where, view) in _TOUCHED:
        touches = _TOUCHED[(where, view)]
    else:  # no write touched it
        touches = ViewTouches(_moved_view_keys(con, view, _CARRIED[where].get(view)))
    if touches is None or column not in touches.keys:
        return None
    return touches


def written_ids(con: duckdb.DuckDBPyConnection, table: str) -> set[str] | None:
    """The document ids whose rows of the per-document `table` this run has written so far, when the
    run started on files whose fingerprints it carried (`start_fingerprint`); None when unknown.

    Every write of a per-document table goes through `insert`, `replace_documents_rows` or
    `delete_documents`, which note their ids here; while a run holds the staging database (the
    refresh lock, `kept_open`) nothing else writes it. So the rows of every other document are as
    they were when the run started (tests/integration/test_digests_moved.py keeps stage code from
    writing such a table by its own SQL: the one exception, landing's in-place duplicate flags, is
    handled by audit.UPDATED_IN_PLACE).
    """
    if not _CARRIED:
        return None
    where = _database_path(con)
    if where not in _CARRIED:
        return None
    ids = _WRITTEN.get((where, table), set())
    return None if ids is None else set(ids)


def start_fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    """`table`'s fingerprint when this run started (carried), whatever the run wrote since; None: unknown."""
    if not _CARRIED:
        return None
    return _CARRIED.get(_database_path(con), {}).get(table)


def is_unchanged(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the stage writing `table` said so this run (`unchanged`)."""
    return bool(_CARRIED) and (_database_path(con), table) in _UNCHANGED


def run_fingerprints(run_id: str, path: Path) -> dict[str, str]:
    """The fingerprints run `run_id` computed (or carried) for the database at `path`."""
    where = str(path.resolve())
    return {carried_name(table): fp for (run, db, table), fp in _RUN_MEMO.items() if run == run_id and db == where}


def table_fingerprint(
    con: duckdb.DuckDBPyConnection,
    table: str,
    catalog: str | None = None,
    exclude: Iterable[str] = (),
    run_id: str | None = None,
) -> str:
    """Row count and an order-independent sum of row hashes: same content, same value.

    Covers every column of the table but `exclude`. One parallel scan (~0.3 s for `documents` of
    10,000 articles, whose texts it reads). `catalog` names an attached database (default: the
    connection's own).

    `run_id`: the caller is a step that Dagster runs after every step writing `table` in that run (an
    integrity check reads its asset's table and tables upstream of it; publishing comes last), so
    once the run has hashed a stage's table (RUN_MEMO_TABLES) its value holds for the rest of the run,
    and this process computes it once per run instead of once per suite. Only the pipeline writes
    staging while a run holds the refresh lock. A per-document table whose stored per-key digests
    the run can move by the documents it wrote (audit.moved_digests) gets its fingerprint from them,
    without reading the other documents' rows.
    """
    skip = set(exclude)
    if not skip:
        known = known_fingerprint(con, table, run_id, catalog)
        if known is not None:
            return known
        if run_id is not None and catalog is None and written_ids(con, table) is not None:
            from newsfacts.warehouse import audit  # audit builds on this module

            moved = audit.moved_digests(con, table, run_id)
            if moved is not None:
                return moved
    qualified = f'"{catalog}"."{table}"' if catalog else f'"{table}"'
    fingerprint = fingerprint_text(*rows_fingerprint(con, table, qualified, exclude=skip))
    if not skip:
        remember_fingerprint(con, table, run_id, fingerprint, catalog)
    return fingerprint


def _memo_key(
    con: duckdb.DuckDBPyConnection, table: str, run_id: str | None, catalog: str | None = None
) -> tuple[str, str, str] | None:
    if run_id is None or table not in RUN_MEMO_TABLES:
        return None
    return (run_id, _database_path(con, catalog), table)


def known_fingerprint(
    con: duckdb.DuckDBPyConnection, table: str, run_id: str | None, catalog: str | None = None
) -> str | None:
    """`table`'s fingerprint as the run already knows it (computed or carried, see table_fingerprint),
    without reading the table; None when the run has not taken it yet."""
    key = _memo_key(con, table, run_id, catalog)
    if key is None:
        return None
    if key in _RUN_MEMO:
        return _RUN_MEMO[key]
    carried = _CARRIED.get(key[1], {})
    if table in carried and all((key[1], t) in _UNCHANGED for t in _VIEW_READS.get(table, (table,))):
        # True when the run started, and the stage writing it ran before this step (see
        # table_fingerprint) and wrote nothing: it holds for the rest of the run.
        _remember(key, carried[table])
        return carried[table]
    return None


def remember_fingerprint(
    con: duckdb.DuckDBPyConnection, table: str, run_id: str | None, fingerprint: str, catalog: str | None = None
) -> None:
    """Keep `fingerprint`, taken by this step of run `run_id` as table_fingerprint takes it (or from the
    same sums, see audit.key_digests), for the rest of the run."""
    key = _memo_key(con, table, run_id, catalog)
    if key is not None:
        _remember(key, fingerprint)


def _remember(key: tuple[str, str, str], fingerprint: str) -> None:
    if any(k[0] != key[0] for k in _RUN_MEMO):
        _RUN_MEMO.clear()  # another run's values: never valid again
    _RUN_MEMO[key] = fingerprint


def row_hash_sql(table: str, exclude: Iterable[str] = ()) -> str:
    """The SQL of one row's hash of `table`, as fingerprints sum it (columns in declared order)."""
    skip = set(exclude)
    cols = ", ".join(f'"{c}"' for c in TABLES_BY_NAME[table].column_names if c not in skip)
    return f"hash({cols})::HUGEINT"


def fingerprint_text(rows: int, hash_sum: int) -> str:
    """A table fingerprint as stored and compared: its row count and its sum of row hashes."""
    return f"{rows}:{hash_sum}"


def moved_fingerprint(fingerprint: str, removed: tuple[int, int], added: tuple[int, int]) -> str:
    """`fingerprint` (fingerprint_text's) after rows summing to `removed` left the table and rows summing
    to `added` (rows_fingerprint's) joined it: both parts are sums, so no scan of the table is needed."""
    n, h = (int(part) for part in fingerprint.split(":"))
    return fingerprint_text(n - removed[0] + added[0], h - removed[1] + added[1])


def rows_fingerprint(
    con: duckdb.DuckDBPyConnection, table: str, relation: str, where: str = "", exclude: Iterable[str] = ()
) -> tuple[int, int]:
    """(row count, sum of row hashes) of `relation`'s rows (`where`), hashed as table_fingerprint hashes
    `table`'s: both are sums, so a table's fingerprint moves by exactly what its changed rows add and remove."""
    row_hash = row_hash_sql(table, exclude)
    n, h = con.execute(f"SELECT count(*), coalesce(sum({row_hash}), 0) FROM {relation} {where}").fetchone()
    return int(n), int(h)


def document_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f'SELECT count(*) FROM "{DOCUMENTS.name}"').fetchone()[0]
