"""Publishing: bring the audited staging tables into a fresh file and swap it in atomically.

BI tools hold read-only connections to the published file at any time. DuckDB allows one writer or
many readers, never both, so the pipeline never writes to the published file: it builds a new file
beside it (same folder, same filesystem), fsyncs it and `os.replace`s it over the old one. A reader
that already has the old file open keeps reading the old inode; the next one opens the new file.
A crash at any moment leaves either the old file or the new one, never a mix.

The new file is made one of two ways, with the same content either way:

- rebuilt: every staging table copied into an empty file (compact, and what a first publish or a
  large change gets);
- updated: a file newsfacts published before in which only what differs from staging is rewritten:
  the validation_results rows of new runs, the rows of documents whose rows changed, small whole-run
  tables. Each table is compared with staging afterwards (row count and an order-independent hash of
  every row) and copied whole if it still differs, so the published content is exactly the staging
  content.

An update patches document by document (tables without documents row by row, by row hash: a
one-new refresh changes 4 of metric_consistency's 2,435 rows, which hold 52 MB of conflict text at
100,000 articles, 0.3 s to copy whole) and moves each table's fingerprint by the rows it removed and
added, so its cost follows what changed, not the corpus, once two costs that grew with the corpus are
gone (measured at 100,000 articles, one new, 2 cores, DuckDB 1.5.6: the publish step 10-11 s before,
1.8-3.0 s after, load 1.5-4.8):

- the base. A byte copy of the published file (about 1.9 GB at 100,000 articles; ext4 shares no
  blocks) took 3.6-5.1 s, and unlinking the replaced file 0.4 s (fsyncing the copy: under 0.01 s on
  this machine's disk). Instead the file a publish replaces
  is kept beside the published one (`.news.duckdb.previous`, the spare: one version behind) and the
  next update patches it in place: it is renamed to the publish's temp name and brought from its own
  fingerprints (its marker) to staging's, so it receives the changes of the last two refreshes; then
  it is fsynced and swapped in as any new file, and the file it replaces becomes the spare. A reader
  that opened the published file keeps it open after the swap, and the spare is then that reader's
  file: it is never written while any process has it open (a Linux write lease, `_held_open`), and
  that update copies the published file as before (so a reader that never reconnects costs every
  second refresh a copy). A first publish, which replaces nothing, leaves a byte copy of its file as
  the spare, so the first update after a cold run patches too (`_first_spare`). Disk: the spare is
  one more file the size of the warehouse.
- the checkpoint. New rows join the table's last row group, and DuckDB's checkpoint rewrites a row
  group rows were appended to, whole: at 100,000 articles `documents` is one row group of 100,000
  texts, 2.2 s for one new article (figures 0.45 s, 6 row groups). An update attaches the file with
  ROW_GROUP_SIZE UPDATE_ROW_GROUP_ROWS, so a row group the file holds in full stays as it is and new
  rows go into small row groups of their own (a row group size is how rows are stored, not what a
  reader sees). The checkpoint of every changed table then took 0.2-0.3 s together, primary keys
  kept: the changed key indexes are not what cost (an earlier reading, at 10,000 articles, had put
  this cost on them).

What remains at 100,000 articles (CPU-s): staging's `claims` view hashed for its fingerprint (a join
of every claim with its cluster membership, 1.0-1.3: no step of the run takes it before), the
checkpoint (0.2-0.3), metric_consistency's row hashes (0.2). Finding claims whose cluster moved is
the same join again (0.8-1.1), so an update first patches `claims` by the touched documents alone and
looks for moved clusters only when its fingerprint is then still off (`_finders`).

Not built, the design that would make an update independent of the file's size altogether: the
published file as a small catalog whose tables are views over immutable Parquet parts beside it,
each named by its content digest; it changes what BI tools see (views, no primary keys).

Four rules keep a publish from doing harm:

- a no-op refresh publishes nothing: when every table already holds the staging content, the
  published file is left alone (same inode, bytes and mtime), so BI tools see no new version;
- a file at the published path that newsfacts did not publish is never replaced: every published
  file carries the marker table `_newsfacts` (project name, contract version), and a file without
  it (a text file, someone's own DuckDB database) stops the publish with ForeignWarehouseError;
- clean-up removes only the temp files of processes that are gone, never a running publish's;
- a failed publish leaves the published file as it was: what it wrote is a temp file (the spare it
  was patching included, which is then gone: the next update copies), removed on the way out or by
  the next publish's clean-up.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsfacts.warehouse.lock import is_duckdb_lock_conflict
from newsfacts.warehouse.schema import (
    CLAIM_CLUSTER_MEMBERS,
    CLAIMS,
    DOCUMENTS,
    PUBLISHED_TABLES,
    VALIDATION_RESULTS,
    Table,
    comment_statements,
    sql_string,
)
from newsfacts.warehouse.staging import (
    DEFAULT_MEMORY_LIMIT,
    moved_fingerprint,
    row_hash_sql,
    rows_fingerprint,
    table_fingerprint,
)
from newsfacts.warehouse.views import VIEWS

TMP_MARK = ".tmp-"
# The file a publish replaced, kept beside the published one as the base of the next update.
SPARE_MARK = ".previous"
# Rows per row group of what an update appends: the checkpoint rewrites the row group that new rows
# join, and at the default (122,880 rows) that was all of `documents` (100,000 texts, 2.2 s).
UPDATE_ROW_GROUP_ROWS = 2048
# The marker every published file carries; its absence means the file is not ours to replace.
MARKER_TABLE = "_newsfacts"
PROJECT = "newsfacts"
CONTRACT_VERSION = "2"
# The marker's column holding the fingerprint (staging.table_fingerprint) of every published table as
# written: the next publish compares staging with it instead of hashing the published file again.
FINGERPRINTS_COLUMN = "table_fingerprints"
MARKER_NOTE = "Published by the newsfacts pipeline; replaced atomically by every refresh that changes data."
# Tables and columns of contract version 1 that any newsfacts warehouse published before the marker has.
LEGACY_SIGNATURE = {
    "documents": ("document_id", "source_path", "content_sha256", "raw_text"),
    "figures": ("figure_id", "document_id", "char_start", "char_end", "kind", "qualifier"),
    "claims": ("claim_id", "document_id", "claim_type", "cluster_id"),
    "metric_consistency": ("metric", "verdict", "sources"),
    "validation_results": ("run_id", "suite", "expectation", "validated_at"),
}
# How long a publish waits for another process's write lock on the staging database.
DEFAULT_LOCK_TIMEOUT = 120.0


class ForeignWarehouseError(RuntimeError):
    """The file at the published path was not published by newsfacts: refuse to replace it."""


# A per-document table with more than this share of its documents changed is copied whole, and a
# publish that would copy a large table whole is a rebuild.
MAX_PATCHED_SHARE = 0.2
# Rebuild (which compacts) once this share of the published file's blocks is free space. DuckDB
# rewrites a whole row group when one row is added to it, so every update frees about the size of
# `documents` (a third of a file) and the next one reuses those blocks: updates settle near that share.
MAX_FREE_SHARE = 0.5
# A per-document table below this many rows is copied whole when more than MAX_PATCHED_SHARE of its
# documents changed (a larger one asks for a rebuild); tables without a document_id are copied whole.
SMALL_TABLE_ROWS = 50_000
# Up to this many changed documents, a patch names their ids in its statements (see `_changed_rows`).
MAX_LISTED_DOCUMENTS = 1000


@dataclass
class PublishResult:
    counts: dict[str, int] = field(default_factory=dict)  # rows per published table
    mode: str = "rebuilt"  # or "updated", or "unchanged" (nothing differed: the file was left alone)
    changed_tables: list[str] = field(default_factory=list)  # tables that differed from the published file
    base: str = ""  # an update's starting point: "spare" (the file the last publish replaced) or "copy"
    seconds: float = 0.0


def temp_path_for(published: Path) -> Path:
    return published.with_name(f".{published.name}{TMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")


def spare_path_for(published: Path) -> Path:
    return published.with_name(f".{published.name}{SPARE_MARK}")


def clean_stale_temp_files(published: Path) -> list[Path]:
    """Remove half-written files (and DuckDB spill folders) left by a publish that was killed.

    A temp file's name carries the pid of the process writing it; only those of processes that no
    longer run are removed, so a publish running beside this one keeps its file.
    """
    removed = []
    owner = re.compile(re.escape(f".{published.name}{TMP_MARK}") + r"(\d+)-")
    for p in published.parent.glob(f".{published.name}{TMP_MARK}*"):
        match = owner.match(p.name)
        if match and process_alive(int(match.group(1))):
            continue
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def publish(staging: Path, published: Path) -> dict[str, int]:
    """Publish `staging` over `published` atomically; row counts by table."""
    return publish_warehouse(staging, published).counts


def publish_warehouse(
    staging: Path,
    published: Path,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    run_id: str | None = None,
) -> PublishResult:
    """Publish `staging` over `published` atomically, updating a copy of it when that is cheaper.

    `memory_limit` caps DuckDB's memory while building (it spills beyond it); None: DuckDB's default.
    Waits up to `lock_timeout` seconds while another process holds staging's write lock. Raises
    ForeignWarehouseError when `published` exists and was not published by newsfacts. `run_id`: the
    run publishing, whose checks have already fingerprinted staging (staging.table_fingerprint).
    """
    started = time.perf_counter()
    check_ours(published)
    deadline = time.monotonic() + lock_timeout
    comparison = _differing_tables(staging, published, deadline, run_id)
    if comparison is not None and not comparison[0]:
        return PublishResult(
            mode="unchanged", counts=published_counts(published), seconds=time.perf_counter() - started
        )
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(published)
    tmp = temp_path_for(published)
    first_spare = None
    try:
        result = None
        if comparison is not None:
            result = _updated(staging, published, tmp, memory_limit, deadline, *comparison)
        if result is None:
            staged = comparison[1] if comparison is not None else None
            _remove(tmp)
            try:
                result = _rebuilt(staging, tmp, memory_limit, deadline, run_id, staged)
            except duckdb.OutOfMemoryException:
                if memory_limit is None:
                    raise
                _remove(tmp)  # a warehouse too large for the limit: build it with DuckDB's default
                result = _rebuilt(staging, tmp, None, deadline, run_id, staged)
        _fsync(tmp)
        if not published.exists():
            first_spare = _first_spare(tmp, published)
        _swap(tmp, published)
        if first_spare is not None:
            os.replace(first_spare, spare_path_for(published))
    except BaseException:
        _remove(tmp)
        if first_spare is not None:
            _remove(first_spare)
        raise
    finally:
        shutil.rmtree(f"{tmp}.tmp", ignore_errors=True)
    result.seconds = time.perf_counter() - started
    return result


def check_ours(published: Path) -> None:
    """Raise ForeignWarehouseError unless `published` is missing or a file newsfacts published.

    A file published before the marker existed is recognised by the tables and columns every
    newsfacts warehouse has had since contract version 1 (LEGACY_SIGNATURE); a user's own database
    or any other file does not have them.
    """
    if not published.exists():
        return
    refuse = (
        f"refusing to replace {published}: it is not a warehouse newsfacts published ({{why}}). "
        "Move it away, or set WAREHOUSE_PATH to another file."
    )
    if not published.is_file():
        raise ForeignWarehouseError(refuse.format(why="not a regular file"))
    try:
        con = duckdb.connect(str(published), read_only=True)
    except duckdb.Error as exc:
        if is_duckdb_lock_conflict(exc):
            raise
        raise ForeignWarehouseError(refuse.format(why=f"not a DuckDB database: {_first_line(exc)}")) from exc
    try:
        database = con.execute("SELECT current_database()").fetchone()[0]
        if _has_marker(con, database) or _has_legacy_signature(con, database):
            return
    finally:
        con.close()
    raise ForeignWarehouseError(refuse.format(why=f"a DuckDB database without the {MARKER_TABLE} marker table"))


def _has_marker(con: duckdb.DuckDBPyConnection, database: str) -> bool:
    try:
        rows = con.execute(f'SELECT project FROM "{database}".main."{MARKER_TABLE}"').fetchall()
    except duckdb.Error:
        return False
    return rows == [(PROJECT,)]


def _has_legacy_signature(con: duckdb.DuckDBPyConnection, database: str) -> bool:
    columns: dict[str, set[str]] = {}
    sql = "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main'"
    for table, column in con.execute(sql, [database]).fetchall():
        columns.setdefault(table, set()).add(column)
    return all(set(needed) <= columns.get(table, set()) for table, needed in LEGACY_SIGNATURE.items())


def published_counts(published: Path) -> dict[str, int]:
    with duckdb.connect(str(published), read_only=True) as con:
        return {t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in PUBLISHED_TABLES}


def _differing_tables(
    staging: Path, published: Path, deadline: float, run_id: str | None = None
) -> tuple[list[str], dict[str, str], dict[str, str]] | None:
    """The published tables whose content differs from staging, staging's fingerprints of every table and
    the published file's.

    None when `published` cannot be compared (missing, not ours, another layout or contract): it is rebuilt.
    Staging's tables are fingerprinted once; the published file's fingerprints are those its marker
    recorded when it was written (only the pipeline writes it; BI tools read it), or computed for a file
    written before the marker had them. The copy `_updated_copy` patches has the published file's bytes.
    """
    if not published.is_file() or Path(f"{published}.wal").exists():
        return None
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH {sql_string(str(published))} AS published (READ_ONLY)")
        _attach_staging(con, staging, deadline)
        if not _comparable(con, "published"):
            return None
        staged = {t.name: table_fingerprint(con, t.name, "staging", run_id=run_id) for t in PUBLISHED_TABLES}
        current = _stored_fingerprints(con, "published") or {
            t.name: table_fingerprint(con, t.name, "published") for t in PUBLISHED_TABLES
        }
        return [name for name, fingerprint in staged.items() if current[name] != fingerprint], staged, current
    except duckdb.Error:
        return None  # whatever cannot be compared is published again
    finally:
        con.close()


def _attach_staging(con: duckdb.DuckDBPyConnection, staging: Path, deadline: float) -> None:
    """ATTACH staging read-only, waiting while another process holds its write lock."""
    # ATTACH takes no bound parameters: the path (configuration, never document content) is quoted.
    while True:
        try:
            con.execute(f"ATTACH {sql_string(str(staging))} AS staging (READ_ONLY)")
            return
        except duckdb.IOException as exc:
            if not is_duckdb_lock_conflict(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.25)


def _open(tmp: Path, staging: Path, memory_limit: str | None, deadline: float) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp), config={"memory_limit": memory_limit} if memory_limit else {})
    try:
        _attach_staging(con, staging, deadline)
    except BaseException:
        con.close()
        raise
    return con


def _finish(con: duckdb.DuckDBPyConnection, result: PublishResult, fingerprints: dict[str, str]) -> PublishResult:
    """Views, descriptions, counts and the marker (with the tables' `fingerprints`), in one transaction."""
    con.execute("BEGIN TRANSACTION")  # one commit for the ~100 catalog statements, not one each
    for name, sql in VIEWS.items():
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
    for sql in comment_statements():  # the registry's descriptions, for BI tools
        con.execute(sql)
    for table in PUBLISHED_TABLES:
        result.counts[table.name] = con.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
    con.execute(
        f'CREATE OR REPLACE TABLE "{MARKER_TABLE}" (project VARCHAR NOT NULL, contract_version VARCHAR NOT NULL, '
        f"note VARCHAR, {FINGERPRINTS_COLUMN} VARCHAR)"
    )
    con.execute(
        f'INSERT INTO "{MARKER_TABLE}" VALUES (?, ?, ?, ?)',
        [PROJECT, CONTRACT_VERSION, MARKER_NOTE, json.dumps(fingerprints, sort_keys=True)],
    )
    con.execute("COMMIT")
    con.execute("DETACH staging")
    con.execute("CHECKPOINT")
    return result


def _stored_fingerprints(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, str] | None:
    """The fingerprints a published file was written with (see `_finish`); None when it has none."""
    try:
        row = con.execute(f'SELECT {FINGERPRINTS_COLUMN} FROM "{database}".main."{MARKER_TABLE}"').fetchone()
        stored = json.loads(row[0]) if row and row[0] else None
    except (duckdb.Error, ValueError):
        return None
    if not isinstance(stored, dict) or set(stored) != {t.name for t in PUBLISHED_TABLES}:
        return None
    return stored


def _copy_table(con: duckdb.DuckDBPyConnection, table: Table, where: str = "") -> None:
    """Copy staging's rows as they are stored. Unsorted: SQL promises no row order without ORDER BY, a
    patched table was never in key order anyway, and sorting every row cost a cold rebuild at 10,000
    articles about 1 of its 5.5 CPU-s (and 1.3 s wall)."""
    cols = ", ".join(f'"{c}"' for c in table.column_names)
    con.execute(f'INSERT INTO "{table.name}" SELECT {cols} FROM staging."{table.name}" {where}')


def _rebuilt(
    staging: Path,
    tmp: Path,
    memory_limit: str | None,
    deadline: float,
    run_id: str | None = None,
    staged: dict[str, str] | None = None,
) -> PublishResult:
    """A fresh copy of every published table; `staged`: staging's fingerprints when this publish
    already took them (comparing with the published file), so they are not taken twice."""
    con = _open(tmp, staging, memory_limit, deadline)
    try:
        for table in PUBLISHED_TABLES:
            con.execute(table.ddl())
            _copy_table(con, table)
        fingerprints = staged or {
            t.name: table_fingerprint(con, t.name, "staging", run_id=run_id) for t in PUBLISHED_TABLES
        }
        result = PublishResult(mode="rebuilt", changed_tables=[t.name for t in PUBLISHED_TABLES])
        return _finish(con, result, fingerprints)
    finally:
        con.close()


def _updated(
    staging: Path,
    published: Path,
    tmp: Path,
    memory_limit: str | None,
    deadline: float,
    differing: list[str],
    staged: dict[str, str],
    current: dict[str, str],
) -> PublishResult | None:
    """`tmp` brought in line with staging (whose fingerprints are `staged`), or None when a rebuild is
    better: the spare (the file the last publish replaced) patched by what changed since it was
    published, or else a byte copy of `published` (whose fingerprints are `current`) patched by the
    `differing` tables."""
    if _claim_spare(published, tmp):
        result = _updated_copy(staging, tmp, memory_limit, deadline, staged)
        if result is not None:
            result.base = "spare"
            return result
        _remove(tmp)
    shutil.copyfile(published, tmp)
    result = _updated_copy(staging, tmp, memory_limit, deadline, staged, (differing, current))
    if result is not None:
        result.base = "copy"
    return result


def _claim_spare(published: Path, tmp: Path) -> bool:
    """Move the spare to `tmp` for this publish to patch in place; False when there is none to use.

    The spare is the previous published file, complete and fsynced when it was published. Renamed to
    this publish's temp name, it is this publish's alone: a failed or killed publish removes it (as
    any temp file), so a half-patched file is never used again. Not usable, and only unlinked (a
    process holding it keeps its inode): a file sharing its inode with another name (the published
    file, after a crash between the two links of `_swap`), or one that a DuckDB connection (a BI
    tool's reader of the version before, in any process, this one included) still has open.
    """
    spare = spare_path_for(published)
    if not spare.is_file() or Path(f"{spare}.wal").exists():
        return False
    try:
        os.rename(spare, tmp)
    except OSError:
        return False
    if os.stat(tmp).st_nlink == 1 and not _held_open(tmp):
        return True
    _remove(tmp)
    return False


def _first_spare(tmp: Path, published: Path) -> Path | None:
    """A byte copy of a first publish's complete, fsynced file, under a temp name, to become the spare.

    A first publish replaces nothing, so it would leave no spare, and the first update after it would
    copy the published file instead (3.6-5.1 s at 100,000 articles, on the first one-new refresh after
    a cold one). Copied here, the cost lands in the cold run, which it adds little to. None where no
    spare is ever used (no write leases, see `_held_open`).
    """
    if not hasattr(fcntl, "F_SETLEASE"):
        return None
    copy = temp_path_for(published)
    shutil.copyfile(tmp, copy)
    _fsync(copy)
    return copy


def _held_open(path: Path) -> bool:
    """Whether any process, this one included, has `path` open (or it cannot be told).

    Linux grants a write lease only on a file that no other descriptor has open: an exact test, where
    DuckDB's own file locks are not (POSIX locks are per process, and a process loses all of its locks
    on a file when it closes any descriptor of it, so this process's readers would pass unseen). The
    lease is released at once, before DuckDB opens the file. Without leases (another OS, a filesystem
    without them, a file another user owns) every file counts as held: the update copies.
    """
    if not hasattr(fcntl, "F_SETLEASE"):
        return True
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _swap(tmp: Path, published: Path) -> None:
    """`os.replace` the complete, fsynced `tmp` over `published`; the file it replaces becomes the spare.

    The replaced file gets a temp name (a second link) first and the spare's name after the swap, so a
    crash at any point leaves the published file whole and never a spare sharing its inode (a temp
    name left behind is removed by the next publish's clean-up).
    """
    keep = None
    if hasattr(fcntl, "F_SETLEASE") and published.is_file() and not Path(f"{published}.wal").exists():
        keep = temp_path_for(published)
        try:
            os.link(published, keep)
        except OSError:
            keep = None  # a filesystem without hard links: no spare, every update copies
    try:
        os.replace(tmp, published)
        _fsync(published.parent)
    except BaseException:
        if keep is not None:
            keep.unlink(missing_ok=True)
        raise
    if keep is not None:
        spare = spare_path_for(published)
        Path(f"{spare}.wal").unlink(missing_ok=True)
        os.replace(keep, spare)


def _connect_update(tmp: Path, memory_limit: str | None) -> tuple[duckdb.DuckDBPyConnection, str]:
    """A connection whose default database is the file `tmp`, attached so that what an update
    appends goes into row groups of UPDATE_ROW_GROUP_ROWS rows (a row group the file already holds in
    full stays as it is); the database's name."""
    config = {"temp_directory": f"{tmp}.tmp"}
    if memory_limit:
        config["memory_limit"] = memory_limit
    con = duckdb.connect(":memory:", config=config)
    try:
        con.execute(f"ATTACH {sql_string(str(tmp))} AS copy (ROW_GROUP_SIZE {UPDATE_ROW_GROUP_ROWS})")
        con.execute("USE copy")
    except BaseException:
        con.close()
        raise
    return con, "copy"


def _updated_copy(
    staging: Path,
    tmp: Path,
    memory_limit: str | None,
    deadline: float,
    staged: dict[str, str],
    known: tuple[list[str], dict[str, str]] | None = None,
) -> PublishResult | None:
    """`tmp`, a file newsfacts published, with the tables that differ from staging (whose fingerprints
    are `staged`) brought in line with it, or None when a rebuild is better. `known`: the differing
    tables and the fingerprints of `tmp` as already compared; without it (the spare), `tmp`'s own
    marker tells them, and a file whose marker or layout does not fit is not patched."""
    try:
        con, database = _connect_update(tmp, memory_limit)
    except duckdb.Error:
        return None  # not a DuckDB file we can open: rebuild it
    try:
        _attach_staging(con, staging, deadline)
    except BaseException:
        con.close()
        raise
    try:
        if known is None:
            current = _comparable_fingerprints(con, database)
            if current is None:
                return None
            differing = [name for name, fingerprint in staged.items() if current[name] != fingerprint]
        else:
            differing, current = known
        if _free_share(con) > MAX_FREE_SHARE:
            return None
        _touched_documents(con)
        result = PublishResult(mode="updated")
        for table in PUBLISHED_TABLES:
            if table.name not in differing:
                continue
            # The documents whose files changed first (cheap); when that does not bring the table in
            # line (a stage reprocessed unchanged files), every document's rows compared (row hashes).
            fingerprint = current[table.name]
            for find in _finders(table):
                patched = _patch(con, table, find, fingerprint)
                if patched is None:
                    return None
                fingerprint = patched
                if fingerprint == staged[table.name]:
                    break
            else:
                _replace(con, table)
            result.changed_tables.append(table.name)
        return _finish(con, result, staged)
    except duckdb.Error:
        return None  # whatever went wrong with the copy, a rebuild starts from scratch
    finally:
        con.close()


def _comparable_fingerprints(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, str] | None:
    """The fingerprints `database` was published with, when it can be compared (see `_comparable`)."""
    return _stored_fingerprints(con, database) if _comparable(con, database) else None


def _comparable(con: duckdb.DuckDBPyConnection, database: str) -> bool:
    """`database` carries the marker of today's contract version and today's layout."""
    if not _has_marker(con, database) or not _same_layout(con, database):
        return False
    marker = con.execute(f'SELECT contract_version FROM "{database}".main."{MARKER_TABLE}"').fetchall()
    return marker == [(CONTRACT_VERSION,)]


def _patch(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    find: Callable[[duckdb.DuckDBPyConnection, Table], int],
    fingerprint: str,
) -> str | None:
    """Rewrite what differs in `table` (per document: those `find` puts in `_changed`; otherwise row by
    row, see `_patch_rows`); the table's fingerprint afterwards (it was `fingerprint`), or None when so
    much differs that the file is better rebuilt.

    The fingerprint moves by the rows removed and added (hashing only those rows, not the whole table
    again: a cost that does not grow with the corpus).

    A per-document table is patched document by document whatever its size (documents holds few rows
    but every text: copying it whole would cost what a rebuild costs); when many of its documents
    changed, a small one is copied whole and a large one asks for a rebuild.
    """
    if table is VALIDATION_RESULTS:  # appended every run: add the runs the published file lacks
        _copy_table(
            con,
            table,
            "AS s WHERE NOT EXISTS (SELECT 1 FROM main.validation_results AS p WHERE p.run_id = s.run_id)",
        )
        return table_fingerprint(con, table.name)
    if not table.per_document:
        return _patch_rows(con, table, fingerprint)
    changed = find(con, table)
    # Counted in the copy, a stored table: staging's `claims` is a view, which a count would join whole.
    documents = con.execute(f'SELECT count(DISTINCT document_id) FROM main."{table.name}"').fetchone()[0]
    if changed > MAX_PATCHED_SHARE * max(documents, 1):
        staged = con.execute(f'SELECT count(*) FROM staging."{table.name}"').fetchone()[0]
        if staged >= SMALL_TABLE_ROWS:
            return None
        _replace(con, table)
        return table_fingerprint(con, table.name)
    return _rewrite(con, table, _changed_rows(con), fingerprint)


def _rewrite(con: duckdb.DuckDBPyConnection, table: Table, rows: str, fingerprint: str) -> str:
    """Replace `table`'s rows `rows` (a WHERE clause) with staging's; the fingerprint, moved from
    `fingerprint` by the rows removed and added."""
    removed = rows_fingerprint(con, table.name, f'main."{table.name}"', rows)
    con.execute(f'DELETE FROM "{table.name}" {rows}')
    _copy_table(con, table, rows)
    added = rows_fingerprint(con, table.name, f'main."{table.name}"', rows)
    return moved_fingerprint(fingerprint, removed, added)


def _changed_rows(con: duckdb.DuckDBPyConnection) -> str:
    """The WHERE clause of the rows of the documents in `_changed`: their ids written out when they are
    few, so that the filter reaches the scan under staging's `claims` view (a subquery is joined after
    the view's own join of every claim row: 0.4 s against 0.1 s at 100,000 articles)."""
    ids = [document for (document,) in con.execute("SELECT document_id FROM _changed").fetchall()]
    if not ids or len(ids) > MAX_LISTED_DOCUMENTS or None in ids:
        return "WHERE document_id IN (SELECT document_id FROM _changed)"
    return "WHERE document_id IN (" + ", ".join(sql_string(document) for document in ids) + ")"


def _patch_rows(con: duckdb.DuckDBPyConnection, table: Table, fingerprint: str) -> str:
    """Bring a table without documents (one a stage rewrites as a whole) in line with staging row by
    row; its fingerprint afterwards.

    The rows whose number of copies differs between the file and staging (by row hash) are rewritten,
    the rest stays: copying metric_consistency whole (2,435 rows holding 52 MB of conflict text at
    100,000 articles) cost 0.3 s, for a one-new refresh that changes 4 of its rows. When many rows
    differ, the table is copied whole (compact).
    """
    row_hash = row_hash_sql(table.name)
    counts = f'SELECT {row_hash} AS h, count(*) AS n FROM {{}}."{table.name}" GROUP BY 1'
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _rows AS SELECT h FROM ({counts.format("main")}) AS p
            FULL JOIN ({counts.format("staging")}) AS s USING (h) WHERE p.n IS DISTINCT FROM s.n"""
    )
    differing = con.execute("SELECT count(*) FROM _rows").fetchone()[0]
    total = con.execute(f'SELECT count(*) FROM staging."{table.name}"').fetchone()[0]
    if differing > MAX_PATCHED_SHARE * max(total, 1):
        _replace(con, table)
        return table_fingerprint(con, table.name)
    return _rewrite(con, table, f"WHERE {row_hash} IN (SELECT h FROM _rows)", fingerprint)


def _touched_documents(con: duckdb.DuckDBPyConnection) -> None:
    """The temp table `_touched`: documents landed, changed, landed again or deleted since the file was
    published (a column of theirs other than the text differs: a file removed and added back has the
    same content hash but a new `ingested_at`), taken before any table of the copy is patched. The
    text is left out, so no text is read: it changes only with the content hash."""
    columns = ", ".join(f'"{c}"' for c in DOCUMENTS.column_names if c != "raw_text")
    pairs = f'SELECT {columns} FROM {{}}."documents"'
    published, staged = pairs.format("main"), pairs.format("staging")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _touched AS SELECT DISTINCT document_id FROM (
            ({published} EXCEPT {staged}) UNION ALL ({staged} EXCEPT {published}))"""
    )


def _finders(table: Table) -> tuple[Callable[[duckdb.DuckDBPyConnection, Table], int], ...]:
    """How `table`'s changed documents are looked for, cheapest first, until its fingerprint is staging's.

    For `claims`, the touched documents alone come first: finding the claims whose cluster moved joins
    every claim row with staging's memberships (0.8-1.1 CPU-s at 100,000 articles), and a refresh that
    moved no cluster needs none of it; one that did patches the touched documents twice (cheap).
    """
    if table is CLAIMS:
        return (_touched_only, _likely_changed_documents, _changed_documents)
    return (_likely_changed_documents, _changed_documents)


def _touched_only(con: duckdb.DuckDBPyConnection, table: Table) -> int:
    """Fill `_changed` with the touched documents; their number."""
    con.execute("CREATE OR REPLACE TEMP TABLE _changed AS SELECT document_id FROM _touched")
    return con.execute("SELECT count(*) FROM _changed").fetchone()[0]


def _likely_changed_documents(con: duckdb.DuckDBPyConnection, table: Table) -> int:
    """Fill `_changed` with the touched documents, and for `claims` the documents of
    the claims whose cluster moved (a new claim can rename its cluster); their number. Cheap: no row is
    hashed. What it misses, the fingerprint check after the patch finds."""
    if table is not CLAIMS:
        return _touched_only(con, table)
    # Staging's cluster ids are the clusters stage's memberships (the `claims` view joins them onto
    # every claim row; read alone, that join is skipped). A claim gone from staging counts as moved.
    moved = f"""SELECT p.document_id FROM main."{table.name}" AS p
        LEFT JOIN staging."{CLAIM_CLUSTER_MEMBERS.name}" AS s USING (claim_id)
        WHERE p.cluster_id IS DISTINCT FROM s.cluster_id"""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _changed AS SELECT document_id FROM _touched UNION {moved}")
    return con.execute("SELECT count(*) FROM _changed").fetchone()[0]


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


def _same_layout(con: duckdb.DuckDBPyConnection, database: str) -> bool:
    """`database` holds exactly the published tables and views, with today's columns and keys."""
    con.execute("ATTACH ':memory:' AS expected")
    try:
        for table in PUBLISHED_TABLES:
            con.execute(table.ddl("expected"))
        layout = f"""
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_index
            FROM duckdb_columns() AS c
            JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name)
            WHERE c.database_name = ? AND c.schema_name = 'main' AND c.table_name <> '{MARKER_TABLE}'
            ORDER BY ALL
        """
        keys = f"""
            SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints()
            WHERE database_name = ? AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'NOT NULL')
            AND table_name <> '{MARKER_TABLE}' ORDER BY ALL
        """
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


def process_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this machine (a pid we may not signal is alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


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
