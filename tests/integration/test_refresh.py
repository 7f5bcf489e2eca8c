"""Materialize the real graph into a temporary warehouse: landing, metadata, publish, and its guarantees."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from contract_columns import CONTRACT_COLUMNS

import newsfacts.stages.figures as figures_stage
from newsfacts.figures import Figure
from newsfacts.warehouse.schema import PUBLISHED_TABLES


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_rows(path: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


def test_refresh_publishes_contract_tables(project):
    result = project.refresh()
    assert result.success
    assert all(e.passed for e in result.get_asset_check_evaluations() if e.severity.value == "ERROR")
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        for table, columns in CONTRACT_COLUMNS.items():
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]
            assert cols[: len(columns)] == columns, table
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
        assert con.execute("SELECT count(*) FROM rejected_documents").fetchone()[0] == 0
        meta = dict(con.execute("SELECT document_id, title FROM document_metadata").fetchall())
        assert meta["004_947de27b776df003"] == "US-Japan Bilateral Stability"
        assert meta["000_48409c7ed5325bf9"] is None
        # Offsets are exact: the stored span is what substr() returns.
        bad = con.execute(
            """SELECT count(*) FROM figures f JOIN documents d USING (document_id)
               WHERE substr(d.raw_text, f.char_start + 1, f.char_end - f.char_start) <> f.raw_text"""
        ).fetchone()[0]
        assert bad == 0
        assert con.execute("SELECT count(*) FROM validation_results").fetchone()[0] > 0


def test_internal_tables_are_not_published(project):
    assert project.refresh().success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "_ledger" not in tables
    assert {t.name for t in PUBLISHED_TABLES} <= tables


def test_second_run_changes_nothing(project):
    assert project.refresh().success
    before = {t: table_rows(project.warehouse, t) for t in ("documents", "document_metadata", "figures", "claims")}
    second = project.refresh()
    assert second.success
    after = {t: table_rows(project.warehouse, t) for t in before}
    assert before == after
    mat = {e.asset_key.to_user_string(): e for e in second.get_asset_materialization_events()}
    assert mat["figures"].materialization.metadata["processed_documents"].value == 0


def test_reader_holding_the_published_file_never_blocks_a_refresh(project):
    assert project.refresh().success
    reader = duckdb.connect(str(project.warehouse), read_only=True)
    try:
        (project.seeds / "extra.txt").write_text("Extra article. Japan pledged $1 billion in aid in 2026.\n")
        assert project.refresh().success
        # The old connection still reads the state it opened: 5 documents, no error.
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    finally:
        reader.close()
    with duckdb.connect(str(project.warehouse), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM documents").fetchone()[0] == 6


def corrupt_figure_offsets(monkeypatch: pytest.MonkeyPatch, project, **shift: int) -> None:
    """Make the figures stage store offsets moved by `shift` (e.g. char_end=3): spans no longer match."""
    real = figures_stage.extract_figures

    def corrupted(text, body_start=0, body_end=None, catalog=None, **kwargs):
        return [
            Figure(
                **{**{s: getattr(f, s) for s in Figure.__slots__}, **{k: getattr(f, k) + d for k, d in shift.items()}}
            )
            for f in real(text, body_start, body_end, catalog, **kwargs)
        ]

    monkeypatch.setattr(figures_stage, "extract_figures", corrupted)
    with duckdb.connect(str(project.staging)) as con:  # the stage's code did not change: make it run again
        con.execute("DELETE FROM _ledger WHERE stage = 'figures'")


def test_failing_blocking_check_leaves_published_file_untouched(project, monkeypatch: pytest.MonkeyPatch):
    assert project.refresh().success
    published_before = digest(project.warehouse)
    corrupt_figure_offsets(monkeypatch, project, char_end=3)
    result = project.refresh()
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert any(e.asset_key.to_user_string() == "figures" for e in failed)
    assert digest(project.warehouse) == published_before
    mats = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "published_warehouse" not in mats


def test_publishing_alone_refuses_unaudited_staging(project, monkeypatch: pytest.MonkeyPatch):
    """Materializing only `published_warehouse` (no checks in the run) cannot publish failed content."""
    assert project.refresh().success
    published_before = digest(project.warehouse)
    corrupt_figure_offsets(monkeypatch, project, char_start=1)
    assert not project.refresh().success or digest(project.warehouse) == published_before

    from pipelines.definitions import build_definitions

    defs = build_definitions(project.resources())
    job = defs.resolve_implicit_global_asset_job_def().get_subset(asset_selection={dg.AssetKey("published_warehouse")})
    result = job.execute_in_process(instance=project.instance, raise_on_error=False)
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert "figures" in failure.event_specific_data.error.message
    assert digest(project.warehouse) == published_before
