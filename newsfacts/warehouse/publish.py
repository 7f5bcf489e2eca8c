"""Publishing: copy the audited staging tables into a fresh file and swap it in atomically.

BI tools hold read-only connections to the published file at any time. DuckDB allows one writer or
many readers, never both, so the pipeline never writes to the published file: it builds a new file
beside it (same folder, same filesystem), fsyncs it and `os.replace`s it over the old one. A reader
that already has the old file open keeps reading the old inode; the next one opens the new file.
A crash at any moment leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb

from newsfacts.warehouse.schema import PUBLISHED_TABLES
from newsfacts.warehouse.views import VIEWS

TMP_MARK = ".tmp-"


def temp_path_for(published: Path) -> Path:
    return published.with_name(f".{published.name}{TMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")


def clean_stale_temp_files(published: Path) -> list[Path]:
    """Remove half-written files left by a publish that was killed (runs never overlap: see dagster.yaml)."""
    removed = []
    for p in published.parent.glob(f".{published.name}{TMP_MARK}*"):
        p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def publish(staging: Path, published: Path) -> dict[str, int]:
    """Build the published file from `staging` and atomically replace `published`; row counts by table."""
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(published)
    tmp = temp_path_for(published)
    counts: dict[str, int] = {}
    try:
        con = duckdb.connect(str(tmp))
        try:
            # ATTACH takes no bound parameters: the path (configuration, never document content) is quoted.
            con.execute(f"ATTACH {sql_string(str(staging))} AS staging (READ_ONLY)")
            for table in PUBLISHED_TABLES:
                con.execute(table.ddl())
                cols = ", ".join(f'"{c}"' for c in table.column_names)
                order = ", ".join(f'"{c}"' for c in table.primary_key) or cols
                con.execute(f'INSERT INTO "{table.name}" SELECT {cols} FROM staging."{table.name}" ORDER BY {order}')
                counts[table.name] = con.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
            for name, sql in VIEWS.items():
                con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
            con.execute("DETACH staging")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _fsync(tmp)
        os.replace(tmp, published)
        _fsync(published.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise
    return counts


def sql_string(value: str) -> str:
    """A SQL string literal, for the few statements that cannot take bound parameters."""
    return "'" + value.replace("'", "''") + "'"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
