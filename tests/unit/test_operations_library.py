"""The plain-library side of operations: advice for a root cause, the refresh lock, staging damage checks."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest
from cases import cases

from newsfacts.warehouse import lock, recovery, refresh_record
from newsfacts.warehouse.diagnosis import DEFAULT_ADVICE, advice

ADVICE_CASES = cases("""
    type_name             | message                                                 | words
    IOException | Could not write file "/x/.staging/news.duckdb.wal": No space left on device | free disk space
    OSError               | [Errno 28] No space left on device: '/x/news.duckdb'    | free disk space
    OSError               | [Errno 27] File too large                               | free disk space
    OSError               | [Errno 30] Read-only file system: '/mnt/wh/news.duckdb' | mounted read-only
    PermissionError       | [Errno 13] Permission denied: '/srv/wh'                 | writable for this user
    NotADirectoryError    | [Errno 20] Not a directory: '/x/file/wh'                | a path component is a file
    IOException           | The file is not a valid DuckDB database file!           | damaged
    IOException | Corrupt database file: computed checksum 1 does not match stored checksum 2 | damaged
    ForeignWarehouseError | refusing to replace /x/news.duckdb                      | move that file away
    RefreshLockTimeout    | gave up after 5s waiting for refresh abc                | another refresh is still running
    IOException | Could not set lock on file "/x": Conflicting lock is held in /usr/bin/python | close it
    OperationalError      | table secondary_indexes already exists                  | Dagster's storage
""")


@pytest.mark.parametrize(("type_name", "message", "words"), ADVICE_CASES)
def test_advice_names_what_to_do_for_the_cause(type_name: str, message: str, words: str):
    assert words in advice(type_name, message)


@pytest.mark.parametrize(
    ("type_name", "message"),
    [("ValueError", "could not convert string to float: 'abc'"), ("KeyError", "'figures'"), ("", "")],
)
def test_unknown_causes_point_at_the_log(type_name: str, message: str):
    assert advice(type_name, message) == DEFAULT_ADVICE


@pytest.mark.parametrize(
    ("message", "conflict"),
    [
        ('IO Error: Could not set lock on file "/x/news.duckdb": Conflicting lock is held in python (PID 7)', True),
        ("IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at 5", False),
        ("IO Error: The file exists, but it is not a valid DuckDB database file!", False),
    ],
)
def test_a_lock_conflict_is_told_apart_from_a_corrupt_block(message: str, conflict: bool):
    assert lock.is_duckdb_lock_conflict(duckdb.IOException(message)) is conflict


def test_the_lock_records_its_holder_and_a_second_taker_gives_up_naming_it(tmp_path: Path):
    path = tmp_path / "news.duckdb.lock"
    waits: list[str] = []
    errors: list[BaseException] = []
    with lock.exclusive(path, "run-1", 1.0, trigger="cli") as holder:
        assert lock.read_holder(path) == holder

        def second() -> None:
            try:
                with lock.exclusive(path, "run-2", 0.6, on_wait=waits.append):
                    pass
            except lock.RefreshLockTimeout as exc:
                errors.append(exc)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join()
    assert len(waits) == 1 and waits[0].startswith("waiting for refresh run-1 (pid ")
    assert len(errors) == 1 and "waiting for refresh run-1" in str(errors[0]) and str(path) in str(errors[0])
    with lock.exclusive(path, "run-3", 0.1):  # released: taken at once
        assert lock.read_holder(path).run_id == "run-3"


def test_damage_is_none_for_a_healthy_or_missing_staging_database(tmp_path: Path):
    staging = tmp_path / "news.duckdb"
    assert recovery.damage(staging) is None
    with duckdb.connect(str(staging)) as con:
        con.execute("CREATE TABLE t AS SELECT range AS i FROM range(1000)")
    assert recovery.damage(staging) is None
    staging.write_bytes(b"not a database at all" * 100)
    assert recovery.damage(staging).startswith("IOException: ")


def test_heal_moves_the_damaged_file_aside_and_leaves_a_note(tmp_path: Path):
    staging = tmp_path / ".staging" / "news.duckdb"
    staging.parent.mkdir()
    staging.write_bytes(b"garbage" * 1000)
    healed = recovery.heal(staging, tmp_path / "missing.duckdb")
    assert healed is not None and Path(healed.damaged).read_bytes() == b"garbage" * 1000
    assert recovery.pending_note(staging) == healed
    assert recovery.damage(staging) is None  # a new, empty staging database
    recovery.clear_note(staging)
    assert recovery.pending_note(staging) is None
    assert recovery.heal(staging, tmp_path / "missing.duckdb") is None


def test_the_landing_record_round_trips(tmp_path: Path):
    staging = tmp_path / "news.duckdb"
    assert refresh_record.last(staging) is None
    landed = refresh_record.Landed("/seeds", "/wh/news.duckdb", "abc", 5, "run-1")
    refresh_record.record(staging, landed)
    assert refresh_record.last(staging) == landed
    assert landed.same_state("/seeds", "/wh/news.duckdb", "abc")
    assert not landed.same_state("/seeds", "/other/news.duckdb", "abc")
