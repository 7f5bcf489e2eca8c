"""A refresh moves the suites' per-key digests by the documents it wrote instead of hashing every row
again, ends where a fresh computation would, and a hand edit between runs is still found."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from newsfacts.warehouse import audit
from newsfacts.warehouse.schema import KEY_DIGESTS, STORED_TABLES

PROJECT = Path(__file__).resolve().parents[2]
NEW = "Markets Note\n\nJapan's pension funds now manage more than $6 trillion, officials said on Monday.\n"
# The tables whose digests a run moves: every per-document table a scoped suite reads.
MOVED = ("documents", "document_metadata", "figures", "claim_rows", "claim_figures")


@pytest.fixture
def moves(monkeypatch) -> list[tuple[str, bool]]:
    """(table, moved) for each time a run tried to move a table's digests (audit._move, called through)."""
    calls: list[tuple[str, bool]] = []
    real = audit._move

    def spy(con, table, column, *args):
        moved = real(con, table, column, *args)
        calls.append((table, moved))
        return moved

    monkeypatch.setattr(audit, "_move", spy)
    return calls


def _digests(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    rows = con.execute(f"SELECT source, key, state FROM {KEY_DIGESTS.name} ORDER BY ALL").fetchall()
    out: dict[str, dict[str, str]] = {}
    for source, key, state in rows:
        out.setdefault(source, {})[key] = state
    return out


def stored_and_fresh(staging: Path, tmp_path: Path) -> tuple[dict, dict]:
    """The digests the runs left, and those a fresh computation gives (on a copy of the database)."""
    copy = tmp_path / "copy.duckdb"
    for suffix in ("", ".wal"):
        if Path(f"{staging}{suffix}").exists():
            shutil.copyfile(f"{staging}{suffix}", f"{copy}{suffix}")
    with duckdb.connect(str(copy)) as con:
        stored = _digests(con)
        con.execute(f"DELETE FROM {KEY_DIGESTS.name}")
        for table in MOVED:
            audit.key_digests(con, table, "document_id")
        fresh = _digests(con)
    return {s: d for s, d in stored.items() if s in fresh}, fresh


def test_every_kind_of_change_moves_the_digests_to_what_a_fresh_computation_gives(project, moves, tmp_path):
    assert project.refresh().success
    assert project.refresh().success  # no-op: nothing to move
    moves.clear()
    (project.seeds / "late").mkdir()
    (project.seeds / "late" / "news.txt").write_text(NEW)  # new
    doc = project.seeds / "000_48409c7ed5325bf9.txt"
    doc.write_text(doc.read_text().replace("for about 15 minutes", "for about 40 minutes"))  # changed
    (project.seeds / "002_f66ae24a59a2818f.txt").unlink()  # deleted
    # Same bytes under a name sorting first: landing flags the document already landed (in place).
    shutil.copyfile(project.seeds / "003_f583991e5d9312b4.txt", project.seeds / "000a_copy.txt")
    assert project.refresh().success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        flagged = con.execute("SELECT duplicate_of FROM documents WHERE document_id = '003_f583991e5d9312b4'")
        assert flagged.fetchone() == ("000a_copy",)
    assert {t for t, moved in moves if moved} == set(MOVED)
    assert all(moved for t, moved in moves if t in MOVED)  # none of them hashed whole
    stored, fresh = stored_and_fresh(project.staging, tmp_path)
    assert stored == fresh

    moves.clear()
    (project.seeds / "000a_copy.txt").unlink()  # the flag goes again, in place
    assert project.refresh().success
    assert {t for t, moved in moves if moved} == set(MOVED)
    stored, fresh = stored_and_fresh(project.staging, tmp_path)
    assert stored == fresh


def test_a_hand_edit_between_runs_is_hashed_again_and_fails_its_check(project, moves):
    assert project.refresh().success
    with duckdb.connect(str(project.staging)) as con:  # same length, other text: only a hash sees it
        con.execute("UPDATE documents SET raw_text = upper(raw_text) WHERE document_id = '001_3887277c7194da92'")
    moves.clear()
    result = project.refresh()
    assert moves and not any(moved for _, moved in moves)  # the files changed since the last run: nothing carried
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks["figures_integrity"] is False  # a figure span no longer the text at its offsets


# Stage code writing a per-document table with its own SQL (outside staging's journaled writes), and
# what the digests do about it: the one such write, landing's duplicate flags, is compared narrowly.
OWN_WRITES = {("landing.py", "documents"): "UPDATE documents SET duplicate_of"}


def test_stage_code_writes_per_document_tables_only_through_staging_or_a_declared_in_place_update():
    per_document = {t.name for t in STORED_TABLES if t.per_document}
    found = {}
    for path in sorted((PROJECT / "newsfacts" / "stages").glob("*.py")):
        text = path.read_text()
        for match in re.finditer(r"\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE)\s+\"?(\w+)\"?", text):
            if match.group(2) in per_document:
                found[(path.name, match.group(2))] = " ".join(text[match.start() : match.start() + 60].split()[:4])
    assert found == OWN_WRITES
    assert set(audit.UPDATED_IN_PLACE) == {table for _, table in OWN_WRITES}
