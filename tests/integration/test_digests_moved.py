"""A refresh moves the suites' per-key digests by the documents it wrote instead of hashing every row
again, ends where a fresh computation would, and a hand edit between runs is still found."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from newsfacts.warehouse import audit, schema, staging
from newsfacts.warehouse.schema import KEY_DIGESTS, STORED_TABLES, TABLES_BY_NAME

PROJECT = Path(__file__).resolve().parents[2]
NEW = "Markets Note\n\nJapan's pension funds now manage more than $6 trillion, officials said on Monday.\n"
# The tables whose digests a run moves: every per-document table a scoped suite reads.
MOVED = ("documents", "document_metadata", "figures", "claim_rows", "claim_figures")


# The digests of a staging view keyed by another column, moved by the view rows a run touched.
MOVED_VIEWS = (("claims", "cluster_id"),)


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


@pytest.fixture
def view_moves(monkeypatch) -> list[tuple[str, str, bool]]:
    """(view, column, moved) for each time a run tried to move a view's digests (audit._move_view, called through)."""
    calls: list[tuple[str, str, bool]] = []
    real = audit._move_view

    def spy(con, view, column, *args):
        moved = real(con, view, column, *args)
        calls.append((view, column, moved))
        return moved

    monkeypatch.setattr(audit, "_move_view", spy)
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
        for view, column in MOVED_VIEWS:
            audit.key_digests(con, view, column)
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


def _memberships(staging: Path) -> dict[str, str]:
    with duckdb.connect(str(staging), read_only=True) as con:
        return dict(con.execute("SELECT claim_id, cluster_id FROM claim_cluster_members").fetchall())


def test_claims_moving_between_clusters_move_the_cluster_digests_to_what_a_fresh_computation_gives(
    project, view_moves, tmp_path
):
    assert project.refresh().success
    assert project.refresh().success
    before = _memberships(project.staging)
    # Another copy of 003's text under a name sorting first: its claims join 003's units, whose clusters
    # are named by their first claim, now the copy's. 003's claims (a document not written) move to
    # the new clusters and their old clusters disappear.
    source = project.seeds / "003_f583991e5d9312b4.txt"
    (project.seeds / "000a_echo.txt").write_text(source.read_text() + "\nMarkets closed higher on Friday.\n")
    view_moves.clear()
    assert project.refresh().success
    after = _memberships(project.staging)
    moved = {c for c in before.keys() & after.keys() if before[c] != after[c]}
    assert moved, "no claim of an unwritten document changed cluster"
    assert set(before.values()) - set(after.values()), "no cluster disappeared"
    assert ("claims", "cluster_id", True) in view_moves
    assert ("claims", "cluster_id", False) not in view_moves  # never hashed whole
    stored, fresh = stored_and_fresh(project.staging, tmp_path)
    assert stored["claims.cluster_id"] == fresh["claims.cluster_id"]
    assert stored == fresh

    view_moves.clear()
    (project.seeds / "000a_echo.txt").unlink()  # back: the copy's clusters disappear, 003's return
    assert project.refresh().success
    assert _memberships(project.staging) == before
    assert ("claims", "cluster_id", True) in view_moves
    assert ("claims", "cluster_id", False) not in view_moves
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


def test_stage_code_names_its_writes_of_a_table_a_view_reads_to_staging_before_writing():
    """A table a staging view reads that is not per-document (the cluster memberships under `claims`)
    is written by its stage's own SQL; the stage names the rows to staging.journal_rows first, or
    the view's digests would be moved past rows they never saw."""
    watched = {t for reads in staging._VIEW_READS.values() for t in reads if not TABLES_BY_NAME[t].per_document}
    assert watched == {"claim_cluster_members"}
    writers = set()
    for path in sorted((PROJECT / "newsfacts" / "stages").glob("*.py")):
        text = path.read_text()
        aliases = {
            alias
            for alias, constant in re.findall(r"^(\w+) = (\w+)\.name$", text, re.M)
            if getattr(schema, constant).name in watched
        }
        names = watched | {f"{{{alias}}}" for alias in aliases}
        for function in re.split(r"\n(?=def )", text):
            writes = [
                m.start()
                for m in re.finditer(r"\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE)\s+(\S+)", function)
                if m.group(1).strip('"') in names
            ]
            if writes:
                writers.add(path.name)
                assert 0 <= function.find("staging.journal_rows(") < min(writes), function.split("(", 1)[0]
    assert writers == {"corroboration.py"}
