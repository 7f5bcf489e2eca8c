"""Publishing by updating a copy of the published file gives exactly what a rebuild gives."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from newsfacts.warehouse import publish as publishing
from newsfacts.warehouse import staging
from newsfacts.warehouse.publish import publish_warehouse
from newsfacts.warehouse.schema import CLAIM_ROWS, DOCUMENTS, PUBLISHED_TABLES, VALIDATION_RESULTS


def add_documents(con: duckdb.DuckDBPyConnection, ids: list[str], text: str = "Growth hit 2% in 2025.") -> None:
    docs = pl.DataFrame(
        {
            "document_id": ids,
            "file_name": [f"{i}.txt" for i in ids],
            "source_path": [f"{i}.txt" for i in ids],
            "content_sha256": ["0" * 64] * len(ids),
            "raw_text": [text] * len(ids),
            "char_count": [len(text)] * len(ids),
        },
        schema_overrides={"char_count": pl.Int32},
    )
    staging.insert(con, DOCUMENTS, docs)
    claims = pl.DataFrame(
        {
            "claim_id": [f"c_{i}_{k}" for i in ids for k in range(3)],
            "document_id": [i for i in ids for _ in range(3)],
            "char_start": [0] * 3 * len(ids),
            "char_end": [len(text)] * 3 * len(ids),
            "text": [text] * 3 * len(ids),
            "claim_type": ["statistic"] * 3 * len(ids),
        },
        schema_overrides={"char_start": pl.Int32, "char_end": pl.Int32},
    )
    staging.insert(con, CLAIM_ROWS, claims)


def add_validation_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    rows = pl.DataFrame({"run_id": [run_id], "suite": ["documents_integrity"], "success": [True]})
    staging.insert(con, VALIDATION_RESULTS, rows.with_columns(validated_at=pl.lit(datetime(2025, 1, 1))))


def contents(path: Path) -> dict[str, list[str]]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = {t.name: con.execute(f'SELECT * FROM "{t.name}"').fetchall() for t in PUBLISHED_TABLES}
    return {name: sorted(map(repr, r)) for name, r in rows.items()}


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path]:
    stage, published = tmp_path / "staging.duckdb", tmp_path / "wh" / "news.duckdb"
    con = staging.connect(stage)
    add_documents(con, [f"doc{i:03d}" for i in range(20)])
    add_validation_run(con, "run-1")
    con.close()
    return stage, published


def test_unchanged_staging_updates_only_validation_results(paths):
    stage, published = paths
    assert publish_warehouse(stage, published).mode == "rebuilt"
    con = staging.connect(stage)
    add_validation_run(con, "run-2")
    con.close()
    result = publish_warehouse(stage, published)
    assert (result.mode, result.changed_tables) == ("updated", ["validation_results"])
    assert result.counts["validation_results"] == 2
    rebuilt = published.with_name("rebuilt.duckdb")
    publishing._remove(rebuilt)
    assert publish_warehouse(stage, rebuilt).mode == "rebuilt"
    assert contents(published) == contents(rebuilt)


def test_changed_documents_are_patched_row_by_document(paths, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(publishing, "SMALL_TABLE_ROWS", 0)  # take the per-document path on tiny tables
    stage, published = paths
    publish_warehouse(stage, published)
    con = staging.connect(stage)
    staging.delete_documents(con, ["doc003"])
    add_documents(con, ["doc100"], "Exports fell 4% in 2024.")
    con.execute("INSERT INTO claim_cluster_members SELECT claim_id, 'k1' FROM claim_rows WHERE document_id = 'doc007'")
    con.close()
    result = publish_warehouse(stage, published)
    assert result.mode == "updated"
    assert set(result.changed_tables) == {"documents", "claims"}
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE document_id = 'doc003'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM claims WHERE cluster_id = 'k1'").fetchone()[0] == 3
        assert con.execute("SELECT count(*) FROM v_claims_by_speaker").fetchone()[0] == 0  # views kept
    rebuilt = published.with_name("rebuilt.duckdb")
    publish_warehouse(stage, rebuilt)
    assert contents(published) == contents(rebuilt)


def test_large_changes_and_foreign_tables_are_rebuilt(paths, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(publishing, "SMALL_TABLE_ROWS", 0)
    stage, published = paths
    publish_warehouse(stage, published)
    con = staging.connect(stage)
    staging.delete_documents(con, [f"doc{i:03d}" for i in range(10)])  # half of them
    con.close()
    assert publish_warehouse(stage, published).mode == "rebuilt"
    with duckdb.connect(str(published)) as con:  # someone else's table in the published file
        con.execute("CREATE TABLE notes (x INTEGER)")
    assert publish_warehouse(stage, published).mode == "rebuilt"
    with duckdb.connect(str(published), read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "notes" not in tables
    # A file that is not ours at all is refused, not rebuilt (tests/unit/test_publish_safety.py).
    published.write_bytes(b"not a database")
    with pytest.raises(publishing.ForeignWarehouseError):
        publish_warehouse(stage, published)
    assert published.read_bytes() == b"not a database"


def test_successive_small_changes_keep_updating_the_copy(tmp_path: Path):
    """A per-document table is patched by document however few rows it has: replacing `documents` whole
    on every refresh, or freeing the row group DuckDB rewrites for one new row, left a third of the copy
    free, and every second refresh became a rebuild."""
    stage, published = tmp_path / "staging.duckdb", tmp_path / "wh" / "news.duckdb"
    con = staging.connect(stage)
    add_documents(con, [f"doc{i:04d}" for i in range(400)], "Revenue rose 3% in the third quarter. " * 300)
    con.close()
    assert publish_warehouse(stage, published).mode == "rebuilt"
    modes = []
    for n in range(3):
        con = staging.connect(stage)
        add_documents(con, [f"new{n}"], f"Output fell {n + 1}% in May.")
        con.close()
        modes.append(publish_warehouse(stage, published).mode)
    assert modes == ["updated"] * 3
    rebuilt = published.with_name("rebuilt.duckdb")
    publish_warehouse(stage, rebuilt)
    assert contents(published) == contents(rebuilt)


@pytest.mark.parametrize(("table", "found"), [("claims", ["doc007"]), ("documents", [])])
def test_a_moved_cluster_is_found_without_hashing_rows(paths, table: str, found: list[str]):
    # Only the clusters stage wrote (no file changed): the cheap pass finds the claims' document alone.
    stage, published = paths
    publish_warehouse(stage, published)
    con = staging.connect(stage)
    con.execute("INSERT INTO claim_cluster_members SELECT claim_id, 'k1' FROM claim_rows WHERE document_id = 'doc007'")
    con.close()
    copy = published.with_name("copy.duckdb")
    copy.write_bytes(published.read_bytes())
    with duckdb.connect(str(copy)) as con:
        con.execute(f"ATTACH '{stage}' AS staging (READ_ONLY)")
        publishing._touched_documents(con)
        spec = next(t for t in PUBLISHED_TABLES if t.name == table)
        assert publishing._likely_changed_documents(con, spec) == len(found)
        assert [r[0] for r in con.execute("SELECT document_id FROM _changed").fetchall()] == found


def metric_rows(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, int]]) -> None:
    con.executemany("INSERT INTO metric_consistency (metric, n_sources, verdict) VALUES (?, ?, 'agree')", rows)


def test_a_whole_run_table_is_patched_row_by_row(paths):
    """Only the rows whose copies differ are rewritten: the others stay where they are (a copy of the
    whole table would take staging's order), and a row staging holds twice is published twice."""
    stage, published = paths
    con = staging.connect(stage)
    metric_rows(con, [(f"m{i}", i) for i in range(10, 30)])  # 20 rows: 3 changed stay below a fifth
    metric_rows(con, [(f"m{i}", i) for i in range(10)])
    con.close()
    publish_warehouse(stage, published)
    con = staging.connect(stage)
    con.execute("DELETE FROM metric_consistency")  # the stage writes the table again, in another order
    metric_rows(con, [("m5", 5), ("m0", 100)] + [(f"m{i}", i) for i in reversed(range(1, 30))])
    con.close()
    result = publish_warehouse(stage, published)
    assert (result.mode, result.changed_tables) == ("updated", ["metric_consistency"])
    with duckdb.connect(str(published), read_only=True) as con:
        order = [m for (m,) in con.execute("SELECT metric || ':' || n_sources FROM metric_consistency").fetchall()]
    kept = [f"m{i}:{i}" for i in [*range(10, 30), 1, 2, 3, 4, 6, 7, 8, 9]]
    assert order[: len(kept)] == kept
    assert sorted(order[len(kept) :]) == ["m0:100", "m5:5", "m5:5"]
    assert contents(published) == rebuilt_contents(stage, published)


@pytest.mark.parametrize("listed", [1000, 0])
def test_changed_documents_are_selected_by_listed_ids_or_by_subquery(paths, monkeypatch, listed: int):
    monkeypatch.setattr(publishing, "MAX_LISTED_DOCUMENTS", listed)
    monkeypatch.setattr(publishing, "SMALL_TABLE_ROWS", 0)
    stage, published = paths
    publish_warehouse(stage, published)
    con = staging.connect(stage)
    add_documents(con, ["it's new"], "Prices rose 7% in 2022.")  # a quote in an id, written out in SQL
    con.close()
    result = publish_warehouse(stage, published)
    assert result.mode == "updated"
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM claims WHERE document_id = 'it''s new'").fetchone()[0] == 3
    assert contents(published) == rebuilt_contents(stage, published)


def rebuilt_contents(stage: Path, published: Path) -> dict[str, list[str]]:
    rebuilt = published.with_name("rebuilt.duckdb")
    publishing._remove(rebuilt)
    assert publish_warehouse(stage, rebuilt).mode == "rebuilt"
    return contents(rebuilt)


def test_claims_are_patched_without_the_cluster_join_when_no_cluster_moved(paths, monkeypatch):
    """The touched documents alone bring `claims` in line when no cluster moved; the join of every claim
    with staging's memberships runs only when they do not."""
    monkeypatch.setattr(publishing, "SMALL_TABLE_ROWS", 0)
    stage, published = paths
    publish_warehouse(stage, published)
    passes: list[str] = []
    real = publishing._likely_changed_documents

    def counted(con: duckdb.DuckDBPyConnection, table) -> int:
        passes.append(table.name)
        return real(con, table)

    monkeypatch.setattr(publishing, "_likely_changed_documents", counted)
    con = staging.connect(stage)
    add_documents(con, ["doc100"], "Exports fell 4% in 2024.")
    con.close()
    assert "claims" in publish_warehouse(stage, published).changed_tables
    assert "claims" not in passes
    con = staging.connect(stage)
    add_documents(con, ["doc101"], "Exports fell 5% in 2024.")
    con.execute("INSERT INTO claim_cluster_members SELECT claim_id, 'k1' FROM claim_rows WHERE document_id = 'doc007'")
    con.close()
    publish_warehouse(stage, published)
    assert "claims" in passes  # the touched documents were not enough: the moved cluster was looked for
    assert contents(published) == rebuilt_contents(stage, published)


def test_a_document_landed_again_is_patched_without_hashing_every_document(paths, monkeypatch):
    """A file removed and added back has the content hash it had, but a new `ingested_at`: it is one of
    the touched documents, so no table falls back to hashing every document's rows."""
    monkeypatch.setattr(publishing, "SMALL_TABLE_ROWS", 0)
    stage, published = paths
    publish_warehouse(stage, published)

    def every_document(con: duckdb.DuckDBPyConnection, table) -> int:
        raise AssertionError(f"{table.name}: every document's rows hashed")

    monkeypatch.setattr(publishing, "_changed_documents", every_document)
    con = staging.connect(stage)
    con.execute("UPDATE documents SET ingested_at = TIMESTAMP '2026-12-03 10:00' WHERE document_id = 'doc004'")
    con.close()
    assert publish_warehouse(stage, published).changed_tables[:1] == ["documents"]
    monkeypatch.undo()
    assert contents(published) == rebuilt_contents(stage, published)
