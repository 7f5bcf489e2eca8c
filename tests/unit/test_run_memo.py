"""What a refresh computes once per run instead of once per step: the staging database held open,
table fingerprints, the damage scan of an unchanged file, and a patched table's fingerprint.

Each shortcut is compared with the full computation it replaces, and each has a case where it must
not apply (another run, a table the checks write, a file changed since it was verified).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl
import pytest

from newsfacts.warehouse import recovery, staging
from newsfacts.warehouse.schema import DOCUMENTS, VALIDATION_RESULTS

DOC_COLUMNS = ", ".join(f'"{c}"' for c in DOCUMENTS.column_names)


def add_document(con: duckdb.DuckDBPyConnection, document_id: str, text: str) -> None:
    """One documents row with every column NULL but the id, the text and its hash."""
    values = {"document_id": document_id, "raw_text": text, "content_sha256": f"sha-{text}"}
    row = [values.get(c) for c in DOCUMENTS.column_names]
    con.execute(f"INSERT INTO documents ({DOC_COLUMNS}) VALUES ({', '.join('?' for _ in row)})", row)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / ".staging" / "news.duckdb"
    con = staging.connect(path)
    add_document(con, "a", "Output rose 3% in May.")
    con.close()
    return path


# -- fingerprints once per run ----------------------------------------------------------------------


def test_a_run_hashes_a_stage_table_once_and_another_run_hashes_it_again(db: Path):
    con = staging.connect(db)
    first = staging.table_fingerprint(con, "documents", run_id="run-1")
    add_document(con, "b", "Prices fell 2%.")  # a write no later step of a run makes (see the docstring)
    assert staging.table_fingerprint(con, "documents", run_id="run-1") == first
    fresh = staging.table_fingerprint(con, "documents")
    assert fresh != first
    assert staging.table_fingerprint(con, "documents", run_id="run-2") == fresh
    con.close()


@pytest.mark.parametrize(
    ("table", "memoized"),
    [
        ("documents", True),  # written by landing, read by later steps only
        ("claims", True),  # a staging view over the claims and clusters stages' tables
        (VALIDATION_RESULTS.name, False),  # appended by every check: always hashed
        ("_ledger", False),
    ],
)
def test_only_the_stages_tables_are_kept_for_the_run(table: str, memoized: bool):
    assert (table in staging.RUN_MEMO_TABLES) is memoized


def test_an_attached_database_is_told_apart_from_the_connections_own(db: Path, tmp_path: Path):
    other = tmp_path / "other.duckdb"
    con = staging.connect(other)
    own = staging.table_fingerprint(con, "documents", run_id="run-3")
    con.execute(f"ATTACH '{db}' AS s (READ_ONLY)")
    attached = staging.table_fingerprint(con, "documents", "s", run_id="run-3")
    assert own == "0:0" and attached.startswith("1:")
    con.close()


# -- the database held open for a run ---------------------------------------------------------------


def test_connections_inside_kept_open_share_the_database_and_close_without_checkpointing(db: Path):
    wal = Path(f"{db}.wal")
    with staging.kept_open(db):
        con = staging.connect(db)
        add_document(con, "c", "Unemployment held at 4.1%.")
        con.close()
        assert wal.exists()  # closing a step's connection left the log: no checkpoint
        reader = staging.connect(db, memory_limit=None)
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert reader.execute("SELECT current_setting('memory_limit')").fetchone()[0] != "1.0 GiB"
        reader.close()
    assert not wal.exists()  # the hold ended: checkpointed once
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_release_lets_the_file_be_attached_read_only_by_the_same_process(db: Path):
    with staging.kept_open(db):
        reader = duckdb.connect(":memory:")
        with pytest.raises(duckdb.Error):
            reader.execute(f"ATTACH '{db}' AS s (READ_ONLY)")
        staging.release(db)
        reader.execute(f"ATTACH '{db}' AS s (READ_ONLY)")
        assert reader.execute("SELECT count(*) FROM s.documents").fetchone()[0] == 1
        reader.close()


# -- the damage scan of a file unchanged since it was verified ---------------------------------------


def test_a_verified_file_is_not_scanned_again_until_it_changes(db: Path):
    assert recovery.damage(db) is None
    assert recovery.verified_path(db).is_file()
    # Same bytes, but the stored verification no longer matches once anything writes the file.
    data = bytearray(db.read_bytes())
    data[12288:] = b"\x00" * (len(data) - 12288)  # every block after the headers zeroed
    db.write_bytes(bytes(data))
    assert recovery.damage(db) is not None


def test_a_file_changed_behind_an_unchanged_stat_is_trusted(db: Path):
    """The limit of the shortcut, on purpose: only writers move mtime, and every writer does."""
    assert recovery.damage(db) is None
    stat = db.stat()
    data = bytearray(db.read_bytes())
    data[12288:] = b"\x00" * (len(data) - 12288)
    db.write_bytes(bytes(data))
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    if db.stat().st_ino != stat.st_ino:  # pragma: no cover - write_bytes keeps the inode on Linux
        pytest.skip("the filesystem gave the file a new inode")
    assert recovery.damage(db) is None


# -- a patched table's fingerprint --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("removed", "added"),
    [
        (["a"], [("a", "Output rose 4% in May.")]),  # an edited document
        ([], [("d", "Exports grew 6%.")]),  # a new one
        (["a"], []),  # a deleted one
    ],
    ids=["edit", "add", "delete"],
)
def test_a_fingerprint_moved_by_the_changed_rows_equals_hashing_the_table(db: Path, removed, added):
    con = staging.connect(db)
    add_document(con, "b", "Prices fell 2%.")
    before = staging.table_fingerprint(con, "documents")
    changed = sorted({*removed, *(d for d, _ in added)})
    where = f"WHERE document_id IN ({', '.join(repr(d) for d in changed)})"
    gone = staging.rows_fingerprint(con, "documents", "documents", where)
    con.execute(f"DELETE FROM documents {where}")
    for document_id, text in added:
        add_document(con, document_id, text)
    new = staging.rows_fingerprint(con, "documents", "documents", where)
    n, h = (int(p) for p in before.split(":"))
    assert f"{n - gone[0] + new[0]}:{h - gone[1] + new[1]}" == staging.table_fingerprint(con, "documents")
    con.close()


# -- fingerprints carried from the last run -----------------------------------------------------------


def test_a_carried_fingerprint_is_used_only_once_its_stage_said_it_wrote_nothing(db: Path):
    con = staging.connect(db)
    true_now = staging.table_fingerprint(con, "documents")
    staging.carry(db, {"documents": "carried-value", "claims": "a view: never carried"})
    try:
        # Before the writing stage spoke, or for a table it did not name: hashed.
        assert staging.table_fingerprint(con, "documents", run_id="run-4") == true_now
        staging.carry(db, {"documents": "carried-value"})
        staging.unchanged(con, ("figures",))
        assert staging.table_fingerprint(con, "documents", run_id="run-5") == true_now
        staging.carry(db, {"documents": "carried-value"})
        staging.unchanged(con, ("documents",))
        assert staging.is_unchanged(con, "documents")
        assert staging.table_fingerprint(con, "documents", run_id="run-6") == "carried-value"
        assert staging.table_fingerprint(con, "documents") == true_now  # a caller outside a run hashes
        assert "claims" not in staging.run_fingerprints("run-6", db)
    finally:
        staging.carry(db, {})
        con.close()


@pytest.mark.parametrize(
    ("said_unchanged", "carried"),
    [
        ((), False),
        (("claim_rows",), False),  # the cluster memberships it joins may have moved
        (("claim_cluster_members",), False),
        (("claim_rows", "claim_cluster_members"), True),
    ],
)
def test_a_views_fingerprint_is_carried_once_every_table_it_reads_is_unchanged(
    db: Path, said_unchanged: tuple[str, ...], carried: bool
):
    con = staging.connect(db)
    true_now = staging.table_fingerprint(con, "claims")
    recorded = staging.carried_name("claims")
    assert recorded.startswith("claims@")  # the name carries the view's SQL
    staging.carry(db, {recorded: "carried-view-value"})
    try:
        staging.unchanged(con, said_unchanged)
        got = staging.table_fingerprint(con, "claims", run_id="run-7")
        assert got == ("carried-view-value" if carried else true_now)
        assert staging.run_fingerprints("run-7", db) == {recorded: got}
    finally:
        staging.carry(db, {})
        con.close()


def test_a_views_fingerprint_taken_under_other_sql_is_not_carried(db: Path):
    con = staging.connect(db)
    true_now = staging.table_fingerprint(con, "claims")
    staging.carry(db, {"claims@000000000000": "older-sql-value"})
    try:
        staging.unchanged(con, ("claim_rows", "claim_cluster_members"))
        assert staging.table_fingerprint(con, "claims", run_id="run-8") == true_now
    finally:
        staging.carry(db, {})
        con.close()


def test_the_verified_record_hands_fingerprints_on_only_while_the_files_are_unchanged(db: Path):
    recovery.record_verified(db, {"documents": "1:2"})
    assert recovery.verified_fingerprints(db) == {"documents": "1:2"}
    con = staging.connect(db)
    add_document(con, "e", "Rates were cut to 3.5%.")
    con.close()
    assert recovery.verified_fingerprints(db) == {}


def test_a_held_database_gives_back_memory_when_a_step_lowers_its_limit(db: Path):
    def rss_mb() -> float:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    with staging.kept_open(db):
        assert staging.is_kept(db)
        con = staging.connect(db, memory_limit=None)
        con.execute("CREATE TEMP TABLE big AS SELECT repeat('x', 1000) || range AS t FROM range(200000)")
        con.execute("SELECT count(DISTINCT t) FROM big").fetchone()
        con.execute("SET memory_limit = '32MB'")
        used = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0]
        assert used <= 40 * 2**20, f"{used / 2**20:.0f} MB still held, {rss_mb():.0f} MB resident"
        con.close()
    assert not staging.is_kept(db)


# -- the documents a run wrote ----------------------------------------------------------------------


def test_a_run_notes_the_documents_its_writes_touch_and_a_row_without_an_id_makes_them_unknown(db: Path):
    con = staging.connect(db)
    assert staging.written_ids(con, "figures") is None  # no run: unknown
    staging.carry(db, {"documents": staging.table_fingerprint(con, "documents")})
    try:
        assert staging.written_ids(con, "figures") == set()
        assert staging.start_fingerprint(con, "documents") == staging.table_fingerprint(con, "documents")
        staging.delete_documents(con, ["a"])
        assert staging.written_ids(con, "documents") == {"a"}
        assert staging.written_ids(con, "figures") == {"a"}  # its rows went with the document
        staging.replace_documents_rows(con, "metadata", "v1", ["b"], {"document_metadata": pl.DataFrame()})
        assert staging.written_ids(con, "document_metadata") == {"a", "b"}
        row = {c: None for c in DOCUMENTS.column_names} | {"document_id": "c", "raw_text": "x"}
        staging.insert(con, DOCUMENTS, pl.DataFrame([row], schema=DOCUMENTS.polars_schema))
        assert staging.written_ids(con, "documents") == {"a", "c"}
        with pytest.raises(duckdb.ConstraintException):  # refused, but noted first: unknown either way
            staging.insert(con, DOCUMENTS, pl.DataFrame([row | {"document_id": None}], schema=DOCUMENTS.polars_schema))
        assert staging.written_ids(con, "documents") is None
        staging.carry(db, {"documents": "x"})  # the next run starts afresh
        assert staging.written_ids(con, "documents") == set()
    finally:
        staging.carry(db, {})
        con.close()
