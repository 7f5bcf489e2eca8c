"""Incremental refresh: a new file costs only itself, changed files are replaced, deleted ones vanish."""

from __future__ import annotations

import json

import dagster as dg
import duckdb
import pytest

import newsfacts.stages.figures as figures_stage
from assets.resources import SeedsFolder
from pipelines.automation import seeds_folder_sensor

NEW = "Markets Note\n\nJapan's pension funds now manage more than $6 trillion, officials said on Monday.\n"


def processed(result: dg.ExecuteInProcessResult, asset: str, key: str = "processed_documents") -> int:
    mats = {e.asset_key.to_user_string(): e.materialization for e in result.get_asset_materialization_events()}
    return mats[asset].metadata[key].value


def query(project, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_new_file_is_the_only_one_processed(project):
    assert project.refresh().success
    (project.seeds / "late" / "news.txt").parent.mkdir()
    (project.seeds / "late" / "news.txt").write_text(NEW)
    result = project.refresh()
    assert result.success
    assert processed(result, "document_metadata", "processed") == 1
    assert processed(result, "figures") == 1
    assert processed(result, "claims") == 1
    assert query(project, "SELECT raw_text FROM figures WHERE document_id = 'late/news'") == [("$6 trillion",)]
    # The new source agrees with 003's "more than $5 trillion".
    assert query(
        project, "SELECT verdict, n_sources FROM metric_consistency WHERE metric = 'japan_pension_insurance_aum'"
    ) == [("consistent", 2)]


def test_changed_file_replaces_its_rows_and_deleted_file_disappears(project):
    assert project.refresh().success
    doc = project.seeds / "000_48409c7ed5325bf9.txt"
    doc.write_text(doc.read_text().replace("for about 15 minutes", "for about 40 minutes"))
    (project.seeds / "002_f66ae24a59a2818f.txt").unlink()
    result = project.refresh()
    assert result.success
    assert processed(result, "figures") == 1
    spans = [r[0] for r in query(project, "SELECT raw_text FROM figures WHERE document_id = '000_48409c7ed5325bf9'")]
    assert "40 minutes" in spans and "15 minutes" not in spans
    for table in ("documents", "document_metadata", "figures", "claims", "claim_figures"):
        assert query(project, f"SELECT count(*) FROM {table} WHERE document_id = '002_f66ae24a59a2818f'") == [(0,)]


def test_rows_from_an_older_extractor_version_are_reprocessed(project, monkeypatch: pytest.MonkeyPatch):
    assert project.refresh().success
    monkeypatch.setattr(figures_stage, "EXTRACTOR_VERSION", "figures-next")
    result = project.refresh()
    assert result.success
    assert processed(result, "figures") == 5
    assert processed(result, "claims") == 5  # claims depend on the figures they carry
    versions = query(project, "SELECT DISTINCT extractor_version FROM figures")
    assert len(versions) == 1 and versions[0][0].startswith("figures-next+")


def test_sensor_requests_a_run_only_when_the_folder_changes(project):
    seeds = SeedsFolder(seeds_dir=str(project.seeds))

    def evaluate(cursor: str | None) -> dg.SensorResult:
        with dg.build_sensor_context(cursor=cursor, resources={"seeds": seeds}, instance=project.instance) as ctx:
            return seeds_folder_sensor(ctx)

    first = evaluate(None)
    assert len(first.run_requests) == 1
    assert json.loads(first.cursor)["files"] == 5

    idle = evaluate(first.cursor)
    assert not idle.run_requests and "no change" in idle.skip_reason.skip_message

    (project.seeds / "fresh.md").write_text(NEW)
    added = evaluate(first.cursor)
    assert len(added.run_requests) == 1 and json.loads(added.cursor)["files"] == 6

    (project.seeds / "fresh.md").unlink()
    removed = evaluate(added.cursor)
    assert len(removed.run_requests) == 1
    assert removed.run_requests[0].run_key != first.run_requests[0].run_key
