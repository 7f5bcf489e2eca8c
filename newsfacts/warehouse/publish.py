"""Publishing: bring the audited staging tables into a fresh file and swap it in atomically.

BI tools hold read-only connections to the published file at any time. DuckDB allows one writer or
many readers, never both, so the pipeline never writes to the published file: it builds a new file
beside it (same folder, same filesystem), fsyncs it and `os.replace`s it over the old one. A reader
that already has the old file open keeps reading the old inode; the next one opens the new file.
A crash at any moment leaves either the old file or the new one, never a mix.

The new file is made one of two ways, with the same content either way:

- rebuilt: every staging table copied into an empty file, sorted by its key (compact, and what a
  first publish or a large change gets);
- updated: a byte copy of the current published file in which only what differs from staging is
  rewritten: the validation_results rows of new runs, the rows of documents whose rows changed,
  small whole-run tables. A refresh that changed nothing or a few documents then costs a file copy
  instead of rewriting every table. Each table is compared with staging afterwards (row count and
  an order-independent hash of every row) and copied whole if it still differs, so the published
  content is exactly the staging content.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsfacts.warehouse.schema import PUBLISHED_TABLES, VALIDATION_RESULTS, Table, comment_statements
from newsfacts.warehouse.staging import DEFAULT_MEMORY_LIMIT, table_fingerprint
from newsfacts.warehouse.views import VIEWS

TMP_MARK = ".tmp-"
# A per-document table with more than this share of its documents changed is copied whole, and a
# publish that would copy a large table whole is a rebuild.
MAX_PATCHED_SHARE = 0.2
# Rebuild (which compacts) once this share of the published file's blocks is free space.
MAX_FREE_SHARE = 0.3
# Tables below this many rows, and tables without a document_id, are copied whole when they changed.
SMALL_TABLE_ROWS = 50_000


@dataclass
class PublishResult:
    counts: dict[str, int] = field(default_factory=dict)  # rows per published table
    mode: str = "rebuilt"  # or "updated"
    changed_tables: list[str] = field(default_factory=list)  # tables that differed from the published file
    seconds: float = 0.0


def temp_path_for(published: Path) -> Path:
    return published.with_name(f".{published.name}{TMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")


def clean_stale_temp_files(published: Path) -> list[Path]:
    """Remove half-written files (and DuckDB spill folders) left by a publish that was killed.

    Runs never overlap (see dagster.yaml), so every such file is stale.
    """
    removed = []
    for p in published.parent.glob(f".{published.name}{TMP_MARK}*"):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def publish(staging: Path, published: Path) -> dict[str, int]:
    """Publish `staging` over `published` atomically; row counts by table."""
    return publish_warehouse(staging, published).counts


def publish_warehouse(staging: Path, published: Path, memory_limit: str | None = DEFAULT_MEMORY_LIMIT) -> PublishResult:
    """Publish `staging` over `published` atomically, updating a copy of it when that is cheaper.

    `memory_limit` caps DuckDB's memory while building (it spills beyond it); None: DuckDB's default.
    """
    started = time.perf_counter()
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(published)
    tmp = temp_path_for(published)
    try:
        result = _updated_copy(staging, published, tmp, memory_limit)
        if result is None:
            _remove(tmp)
            try:
                result = _rebuilt(staging, tmp, memory_limit)
            except duckdb.OutOfMemoryException:
                if memory_limit is None:
                    raise
                _remove(tmp)  # a warehouse too large for the limit: build it with DuckDB's default
                result = _rebuilt(staging, tmp, None)
        _fsync(tmp)
        os.replace(tmp, published)
        _fsync(published.parent)
    except BaseException:
        _remove(tmp)
        raise
    finally:
        shutil.rmtree(f"{tmp}.tmp", ignore_errors=True)
    result.seconds = time.perf_counter() - started
    return result


def _open(tmp: Path, staging: Path, memory_limit: str | None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp), config={"memory_limit": memory_limit} if memory_limit else {})
    # ATTACH takes no bound parameters: the path (configuration, never document content) is quoted.
    con.execute(f"ATTACH {sql_string(str(staging))} AS staging (READ_ONLY)")
    return con


def _finish(con: duckdb.DuckDBPyConnection, result: PublishResult) -> PublishResult:
    for name, sql in VIEWS.items():
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
    for sql in comment_statements():  # the registry's descriptions, for BI tools
        con.execute(sql)
    for table in PUBLISHED_TABLES:
        result.counts[table.name] = con.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
    con.execute("DETACH staging")
    con.execute("CHECKPOINT")
    return result


def _copy_table(con: duckdb.DuckDBPyConnection, table: Table, where: str = "") -> None:
    cols = ", ".join(f'"{c}"' for c in table.column_names)
    order = ", ".join(f'"{c}"' for c in table.primary_key) or cols
    con.execute(f'INSERT INTO "{table.name}" SELECT {cols} FROM staging."{table.name}" {where} ORDER BY {order}')


def _rebuilt(staging: Path, tmp: Path, memory_limit: str | None) -> PublishResult:
    con = _open(tmp, staging, memory_limit)
    try:
        for table in PUBLISHED_TABLES:
            con.execute(table.ddl())
            _copy_table(con, table)
        return _finish(con, PublishResult(mode="rebuilt", changed_tables=[t.name for t in PUBLISHED_TABLES]))
    finally:
        con.close()


def _updated_copy(staging: Path, published: Path, tmp: Path, memory_limit: str | None) -> PublishResult | None:
    """`tmp` as a copy of `published` brought in line with staging, or None when a rebuild is better."""
    if not published.is_file() or Path(f"{published}.wal").exists():
        return None
    shutil.copyfile(published, tmp)
    try:
        con = _open(tmp, staging, memory_limit)
    except duckdb.Error:
        return None  # not a DuckDB file we can open: rebuild it
    try:
        if not _same_layout(con) or _free_share(con) > MAX_FREE_SHARE:
            return None
        result = PublishResult(mode="updated")
        for table in PUBLISHED_TABLES:
            if table_fingerprint(con, table.name) == table_fingerprint(con, table.name, "staging"):
                continue
            if not _patch(con, table):
                return None
            if table_fingerprint(con, table.name) != table_fingerprint(con, table.name, "staging"):
                _replace(con, table)
            result.changed_tables.append(table.name)
        return _finish(con, result)
    except duckdb.Error:
        return None  # whatever went wrong with the copy, a rebuild starts from scratch
    finally:
        con.close()


def _patch(con: duckdb.DuckDBPyConnection, table: Table) -> bool:
    """Rewrite what differs in `table`; False when so much differs that the file is better rebuilt."""
    if table is VALIDATION_RESULTS:  # appended every run: add the runs the published file lacks
        _copy_table(
            con,
            table,
            "AS s WHERE NOT EXISTS (SELECT 1 FROM main.validation_results AS p WHERE p.run_id = s.run_id)",
        )
        return True
    staged = con.execute(f'SELECT count(*) FROM staging."{table.name}"').fetchone()[0]
    if not table.per_document or staged < SMALL_TABLE_ROWS:
        _replace(con, table)
        return True
    changed = _changed_documents(con, table)
    documents = con.execute(f'SELECT count(DISTINCT document_id) FROM staging."{table.name}"').fetchone()[0]
    if changed > MAX_PATCHED_SHARE * max(documents, 1):
        return False
    con.execute(f'DELETE FROM "{table.name}" WHERE document_id IN (SELECT document_id FROM _changed)')
    _copy_table(con, table, "WHERE document_id IN (SELECT document_id FROM _changed)")
    return True


def _changed_documents(con: duckdb.DuckDBPyConnection, table: Table) -> int:
    """Fill the temp table `_changed` with the documents whose rows in `table` differ; their number."""
    per_document = 'SELECT document_id, count(*) AS n, sum(hash(t)::HUGEINT) AS h FROM {}."{}" AS t GROUP BY 1'
    published = per_document.format("main", table.name)
    staged = per_document.format("staging", table.name)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _changed AS
        SELECT DISTINCT document_id FROM (
            ({published} EXCEPT {staged}) UNION ALL ({staged} EXCEPT {published})
        )
        """
    )
    return con.execute("SELECT count(*) FROM _changed").fetchone()[0]


def _replace(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    con.execute(f'DROP TABLE IF EXISTS "{table.name}"')
    con.execute(table.ddl())
    _copy_table(con, table)


def _same_layout(con: duckdb.DuckDBPyConnection) -> bool:
    """The copy holds exactly the published tables and views, with today's columns and keys."""
    con.execute("ATTACH ':memory:' AS expected")
    try:
        for table in PUBLISHED_TABLES:
            con.execute(table.ddl("expected"))
        layout = """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_index
            FROM duckdb_columns() AS c
            JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name)
            WHERE c.database_name = ? AND c.schema_name = 'main'
            ORDER BY ALL
        """
        keys = """
            SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints()
            WHERE database_name = ? AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'NOT NULL') ORDER BY ALL
        """
        database = con.execute("SELECT current_database()").fetchone()[0]
        for sql in (layout, keys):
            if con.execute(sql, [database]).fetchall() != con.execute(sql, ["expected"]).fetchall():
                return False
        views = con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal", [database]
        ).fetchall()
        return {v for (v,) in views} <= set(VIEWS)
    finally:
        con.execute("DETACH expected")


def _free_share(con: duckdb.DuckDBPyConnection) -> float:
    database = con.execute("SELECT current_database()").fetchone()[0]
    for row in con.execute("PRAGMA database_size").fetchall():
        if row[0] == database:
            total, free = row[3], row[5]
            return free / total if total else 0.0
    return 0.0


def sql_string(value: str) -> str:
    """A SQL string literal, for the few statements that cannot take bound parameters."""
    return "'" + value.replace("'", "''") + "'"


def _remove(tmp: Path) -> None:
    tmp.unlink(missing_ok=True)
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    shutil.rmtree(f"{tmp}.tmp", ignore_errors=True)  # DuckDB's spill folder


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
