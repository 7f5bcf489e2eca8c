"""Self-healing staging: a damaged staging database is set aside and rebuilt instead of failing every run.

The staging database holds nothing that cannot be made again: every table is derived from the files in
SEEDS_DIR, and the history in `validation_results` is also in the published file. So when staging
cannot be opened (truncated, overwritten, not a DuckDB file) or a block fails DuckDB's checksum, the
file is moved aside under a timestamped name (kept for inspection, never deleted), a new one is
started, the published file's `validation_results` history is copied into it, and the run then lands
and processes every document again. A note about what happened is left beside staging for the
landing step to report (asset metadata, `make run`'s summary).

Called with the refresh lock held (see lock.py), so no other refresh is using the file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from newsfacts.warehouse import staging as staging_db
from newsfacts.warehouse.lock import is_duckdb_lock_conflict
from newsfacts.warehouse.schema import VALIDATION_RESULTS, sql_string


@dataclass(frozen=True)
class Recovery:
    """A staging database that was set aside and started again."""

    damaged: str  # where the damaged file now is
    reason: str  # the error that showed the damage
    at: str
    history_rows: int = 0  # validation_results rows brought back from the published file

    def describe(self) -> str:
        return (
            f"staging database was damaged ({self.reason}); moved aside to {self.damaged} and rebuilt from "
            f"SEEDS_DIR ({self.history_rows} validation_results rows kept from the published file)"
        )


def note_path(staging: Path) -> Path:
    return staging.with_name(f"{staging.name}.recovered.json")


def verified_path(staging: Path) -> Path:
    return staging.with_name(f"{staging.name}.verified.json")


def record_verified(staging: Path, fingerprints: dict[str, str] | None = None) -> None:
    """Remember the files as they are now as sound: written by a run that ended, or read cleanly whole.

    The next run's `damage` trusts them while their inode, size and mtime stay the same, instead of
    reading every table again (a cost that grows with the corpus: 1.3 s at 10,000 articles).
    `fingerprints`: the tables' fingerprints as the files now hold them (the run's, see
    staging.table_fingerprint), handed to the next run while the files stay as they are.
    """
    if not staging.exists():
        return
    tmp = verified_path(staging).with_suffix(".tmp")
    record = {"files": staging_db.file_state(staging), "fingerprints": fingerprints or {}}
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, verified_path(staging))


def _verified(staging: Path) -> dict | None:
    """The record `record_verified` left, when the files are still those it describes."""
    try:
        record = json.loads(verified_path(staging).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("files") != staging_db.file_state(staging):
        return None
    return record


def _still_verified(staging: Path) -> bool:
    return _verified(staging) is not None


def verified_fingerprints(staging: Path) -> dict[str, str]:
    """The fingerprints recorded with the files, when they are still the files recorded; else none."""
    record = _verified(staging)
    found = record.get("fingerprints") if record else None
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def damage(staging: Path, memory_limit: str | None = staging_db.DEFAULT_MEMORY_LIMIT) -> str | None:
    """Why `staging` is unusable ("ExceptionType: message"), or None when it opens and reads cleanly.

    Reads every column of every table once (a sum of row hashes), so a block whose checksum fails is
    found here rather than in the middle of a stage. A lock held by another process is not damage.
    Files unchanged since they were last verified (`record_verified`) are not read again: anything
    that writes them (a crash mid-write, a hand edit, a copy over them) moves their mtime.
    """
    if not staging.exists():
        return None
    if _still_verified(staging):
        return None
    reason = _scan(staging, memory_limit)
    if reason is None:
        record_verified(staging)
    return reason


def _scan(staging: Path, memory_limit: str | None) -> str | None:
    try:
        con = duckdb.connect(str(staging), config={"memory_limit": memory_limit} if memory_limit else {})
    except duckdb.Error as exc:
        if is_duckdb_lock_conflict(exc):
            raise
        return _one_line(exc)
    try:
        tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")
        for (table,) in tables.fetchall():
            con.execute(f'SELECT count(*), sum(hash(t)::HUGEINT) FROM "{table}" AS t').fetchone()
    except duckdb.Error as exc:
        return _one_line(exc)
    finally:
        con.close()
    return None


def heal(staging: Path, published: Path, memory_limit: str | None = staging_db.DEFAULT_MEMORY_LIMIT) -> Recovery | None:
    """Set a damaged `staging` aside and start a new one; None when it was healthy (or absent)."""
    reason = damage(staging, memory_limit)
    if reason is None:
        return None
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = staging.with_name(f"{staging.name}.damaged-{stamp}")
    os.replace(staging, aside)
    wal = Path(f"{staging}.wal")
    if wal.exists():
        os.replace(wal, Path(f"{aside}.wal"))
    rows = _restore_history(staging, published, memory_limit)
    recovery = Recovery(
        damaged=str(aside), reason=reason, at=datetime.now().isoformat(timespec="seconds"), history_rows=rows
    )
    tmp = note_path(staging).with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(recovery)), encoding="utf-8")
    os.replace(tmp, note_path(staging))
    return recovery


def pending_note(staging: Path) -> Recovery | None:
    """The recovery not yet reported, if any."""
    try:
        return Recovery(**json.loads(note_path(staging).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def clear_note(staging: Path) -> None:
    note_path(staging).unlink(missing_ok=True)


def _restore_history(staging: Path, published: Path, memory_limit: str | None) -> int:
    """Copy the published file's validation_results into the new staging database; rows copied."""
    con = staging_db.connect(staging, memory_limit)
    try:
        if not published.is_file():
            return 0
        try:
            con.execute(f"ATTACH {sql_string(str(published))} AS published (READ_ONLY)")
        except duckdb.Error:
            return 0  # not readable: the history starts again
        try:
            cols = ", ".join(f'"{c}"' for c in VALIDATION_RESULTS.column_names)
            name = VALIDATION_RESULTS.name
            con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM published."{name}"')
        except duckdb.Error:
            return 0
        finally:
            con.execute("DETACH published")
        return con.execute(f'SELECT count(*) FROM "{VALIDATION_RESULTS.name}"').fetchone()[0]
    finally:
        con.close()


def _one_line(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}"
