"""Landing stage: sync the `documents` table with the files in the seeds folder.

Only files whose bytes changed are decoded and written. A file whose inode, size, mtime and ctime
(`newsfacts.landing.stat_key`) are those recorded when its bytes were last hashed is unchanged without
being read; any other file costs a read and a hash. Files that disappeared (or turned bad) take their
rows, and every row derived from them, with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from newsfacts.landing import (
    DEFAULT_MAX_BYTES,
    Candidate,
    LandedFile,
    Rejection,
    decode,
    discover,
    read_bytes,
    sha256_hex,
)
from newsfacts.listing import FolderState, state_of
from newsfacts.stages.graph import LANDING as STAGE
from newsfacts.stages.graph import StageConfig, version
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import DOCUMENTS, REJECTED_DOCUMENTS, record_row


@dataclass
class LandingReport:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (document_id, duplicate_of)
    # The folder as the walk found it (before any file was read): what the sensor compares runs by.
    folder: FolderState = field(default_factory=lambda: state_of([]))

    @property
    def landed(self) -> int:
        return len(self.new) + len(self.changed) + len(self.unchanged)


# The `_ledger` stage recording, per document, the stat key of the file and the hash its bytes had then.
STAT_STAGE = "landing:stat"

# Decoded documents are written in chunks of about this many bytes: memory stays bounded however
# many files are new (a first landing of 100,000 articles holds one chunk, not 600 MB of text).
INSERT_CHUNK_BYTES = 32 * 1024 * 1024


def land_documents(
    con: duckdb.DuckDBPyConnection, seeds_dir: Path, now: datetime, max_bytes: int = DEFAULT_MAX_BYTES
) -> LandingReport:
    """Bring `documents` and `rejected_documents` in line with `seeds_dir`, in one transaction.

    A file counts as unchanged when its bytes and the landing code are those it was landed with.
    """
    report = LandingReport()
    ver = version(STAGE, StageConfig(max_file_bytes=max_bytes))
    candidates, rejections, report.folder = discover(seeds_dir)  # nothing, of a folder that is not there
    if not seeds_dir.is_dir():
        rejections.append(Rejection(str(seeds_dir), "seeds folder does not exist"))
    to_read = _to_read(con, candidates, ver)
    landed_set = {r[0] for r in con.execute("SELECT document_id FROM documents").fetchall()}
    hashed: list[tuple[str, str]] = []  # (document_id, "stat|sha") of files read this time
    with staging.transaction(con):
        chunk: list[LandedFile] = []
        chunk_bytes = 0
        for cand in candidates:
            if cand.document_id not in to_read:
                report.unchanged.append(cand.document_id)
                continue
            known = to_read[cand.document_id]
            data = read_bytes(cand, max_bytes)
            if isinstance(data, Rejection):
                rejections.append(data)
                continue
            sha = sha256_hex(data)
            if cand.stat:
                hashed.append((cand.document_id, f"{cand.stat}|{sha}"))
            if known == sha:
                report.unchanged.append(cand.document_id)
                continue
            decoded = decode(data)
            if isinstance(decoded, str):
                rejections.append(Rejection(cand.source_path, decoded))
                continue
            text, encoding = decoded
            chunk.append(LandedFile(cand.document_id, cand.file_name, cand.source_path, sha, text, encoding, len(data)))
            (report.changed if cand.document_id in landed_set else report.new).append(cand.document_id)
            chunk_bytes += len(data)
            if chunk_bytes >= INSERT_CHUNK_BYTES:
                _write_documents(con, chunk, landed_set, now, ver)
                chunk, chunk_bytes = [], 0
        _write_documents(con, chunk, landed_set, now, ver)
        present = {*report.unchanged, *report.new, *report.changed}
        report.deleted = sorted(landed_set - present)
        report.rejected = rejections
        staging.delete_documents(con, report.deleted)
        _record_stats(con, hashed)
        _flag_duplicates(con)
        _replace_rejections(con, rejections, now)
    report.duplicates = con.execute(
        "SELECT document_id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL ORDER BY 1"
    ).fetchall()
    return report


def _to_read(con: duckdb.DuckDBPyConnection, candidates: list[Candidate], ver: str) -> dict[str, str | None]:
    """The candidates that must be read, each with the hash it was landed with by this landing code
    (None: not landed, or by other code). The others are unchanged: landed by this code, and their
    stat key is the one recorded when their bytes were last hashed. DuckDB compares, so a refresh of
    100,000 unchanged files fetches no row."""
    found = pl.DataFrame(
        {"document_id": [c.document_id for c in candidates], "stat": [c.stat for c in candidates]},
        schema={"document_id": pl.String, "stat": pl.String},
    )
    with staging.registered(con, "_found", found):
        rows = con.execute(
            """
            SELECT f.document_id, k.sha FROM _found f
            LEFT JOIN (
                SELECT d.document_id, d.content_sha256 AS sha FROM documents d JOIN _ledger l
                ON l.stage = ? AND l.document_id = d.document_id AND l.state = d.content_sha256 || '|' || ?
            ) k USING (document_id)
            LEFT JOIN _ledger s ON s.stage = ? AND s.document_id = f.document_id
            WHERE k.sha IS NULL OR f.stat = '' OR s.state IS DISTINCT FROM f.stat || '|' || k.sha
            """,
            [STAGE.name, ver, STAT_STAGE],
        ).fetchall()
    return dict(rows)


def _write_documents(
    con: duckdb.DuckDBPyConnection, files: list[LandedFile], landed: set[str], now: datetime, ver: str
) -> None:
    """Replace or add `files` (inside the caller's transaction); a changed file takes its derived rows with it."""
    if not files:
        return
    staging.delete_documents(con, [f.document_id for f in files if f.document_id in landed])
    docs = DOCUMENTS.frame(record_row(f, char_count=len(f.raw_text), ingested_at=now) for f in files)
    staging.insert(con, DOCUMENTS, docs)
    staging.register_ids(con, docs["document_id"].to_list())
    con.execute(
        """
        INSERT INTO _ledger (stage, document_id, state)
        SELECT ?, document_id, content_sha256 || '|' || ? FROM documents
        WHERE document_id IN (SELECT document_id FROM ids)
        """,
        [STAGE.name, ver],
    )


def _record_stats(con: duckdb.DuckDBPyConnection, hashed: list[tuple[str, str]]) -> None:
    """Remember the stat key and hash of the files read this time that are landed documents now (a
    rejected file is read again every time, as it must be to give its reason)."""
    rows = pl.DataFrame(hashed, schema={"document_id": pl.String, "state": pl.String}, orient="row")
    if rows.height == 0:
        return
    staging.register_ids(con, rows["document_id"].to_list())
    con.execute("DELETE FROM _ledger WHERE stage = ? AND document_id IN (SELECT document_id FROM ids)", [STAT_STAGE])
    with staging.registered(con, "_stats", rows):
        con.execute(
            "INSERT INTO _ledger (stage, document_id, state) SELECT ?, document_id, state FROM _stats "
            "WHERE document_id IN (SELECT document_id FROM documents)",
            [STAT_STAGE],
        )


def _flag_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Same bytes under two names: both are kept, the later one points at the first."""
    con.execute(
        """
        UPDATE documents SET duplicate_of = f.original
        FROM (
            SELECT document_id, nullif(min(document_id) OVER (PARTITION BY content_sha256), document_id) AS original
            FROM documents
        ) AS f
        WHERE documents.document_id = f.document_id AND documents.duplicate_of IS DISTINCT FROM f.original
        """
    )


def _replace_rejections(con: duckdb.DuckDBPyConnection, rejections: list[Rejection], now: datetime) -> None:
    """The current set of rejected files; a file rejected for the same reason keeps its first detection time."""
    incoming = pl.DataFrame(
        {"source_path": [r.source_path for r in rejections], "reason": [r.reason for r in rejections]},
        schema={"source_path": pl.String, "reason": pl.String},
    )
    with staging.registered(con, "_rejections", incoming):
        kept = con.execute(
            """
                SELECT i.source_path, i.reason, coalesce(r.detected_at, ?::TIMESTAMP) AS detected_at
                FROM _rejections i
                LEFT JOIN rejected_documents r ON r.source_path = i.source_path AND r.reason = i.reason
                """,
            [now],
        ).pl()
    con.execute("DELETE FROM rejected_documents")
    staging.insert(con, REJECTED_DOCUMENTS, kept)
