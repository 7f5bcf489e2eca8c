"""Incremental refresh: a new file costs only itself, changed files are replaced, deleted ones vanish."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import yaml

from assets.resources import SeedsFolder
from newsfacts.stages.graph import PACKAGED_CATALOG
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import PUBLISHED_TABLES, VALIDATION_RESULTS
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


def published_content(warehouse: Path) -> dict[str, list[tuple]]:
    """Every published table's rows, sorted, without the columns that record when a run happened."""
    out = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in PUBLISHED_TABLES:
            if table is VALIDATION_RESULTS:
                continue
            cols = ", ".join(f'"{c.name}"' for c in table.columns if c.type != "TIMESTAMP")
            out[table.name] = sorted(con.execute(f'SELECT {cols} FROM "{table.name}"').fetchall(), key=repr)
    return out


def fresh_build(project, tmp_path: Path, **warehouse_overrides) -> dict[str, list[tuple]]:
    """What a first run over the same inputs publishes, in folders of its own."""
    seeds = tmp_path / "fresh_seeds"
    shutil.copytree(project.seeds, seeds)
    fresh = type(project)(seeds, tmp_path / "fresh" / "news.duckdb", tmp_path / "fresh" / "s.duckdb", project.instance)
    assert fresh.refresh(**warehouse_overrides).success
    return published_content(fresh.warehouse)


def test_editing_a_custom_catalog_recomputes_everything_that_reads_it(project, tmp_path: Path):
    """The real version chain: figures, claims (they carry the figures), clusters and consistency follow."""
    catalog = tmp_path / "metrics.yaml"
    shutil.copyfile(PACKAGED_CATALOG, catalog)
    assert project.refresh(metrics_catalog=str(catalog)).success
    (top,) = query(
        project, "SELECT metric FROM figures WHERE metric IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    rules = yaml.safe_load(catalog.read_text())
    rules["metrics"] = [r for r in rules["metrics"] if r["name"] != top[0]]
    catalog.write_text(yaml.safe_dump(rules, sort_keys=False))

    result = project.refresh(metrics_catalog=str(catalog))
    assert result.success
    assert processed(result, "figures") == 5 and processed(result, "claims") == 5
    assert query(project, "SELECT count(*) FROM figures WHERE metric = ?", [top[0]]) == [(0,)]
    assert published_content(project.warehouse) == fresh_build(project, tmp_path, metrics_catalog=str(catalog))


FUTURE = "---\ntitle: Dated ahead\ndate: 9999-12-31\n---\n\nOfficials said exports rose 4% in the quarter.\n"


def _remove_one_add_future(project) -> None:
    shutil.move(project.seeds / "003_f583991e5d9312b4.txt", project.seeds.parent / "aside.txt")
    (project.seeds / "ahead.md").write_text(FUTURE)


def _restore(project) -> None:
    shutil.move(project.seeds.parent / "aside.txt", project.seeds / "003_f583991e5d9312b4.txt")
    (project.seeds / "ahead.md").unlink()


def _fail_inside_figures(monkeypatch: pytest.MonkeyPatch):
    """A run that dies while writing figures, after landing a change (the file removed)."""

    def dying(con, table, df):
        if table.name == "figures" and df.height:
            raise RuntimeError("killed inside figures")
        return real(con, table, df)

    real = staging.insert
    monkeypatch.setattr(staging, "insert", dying)


@pytest.mark.parametrize("disruption", ["removed_file_and_future_date", "seeds_missing", "seeds_empty", "figures_dies"])
def test_a_disrupted_run_never_jams_the_next_ones(project, tmp_path: Path, monkeypatch, disruption: str):
    """After the disruption is undone, the next runs succeed and publish what an uninterrupted run does."""
    assert project.refresh().success
    seeds = project.seeds
    if disruption == "removed_file_and_future_date":
        _remove_one_add_future(project)
        project.refresh()
        _restore(project)
    elif disruption in ("seeds_missing", "seeds_empty"):
        project.seeds = tmp_path / "unmounted"
        if disruption == "seeds_empty":
            project.seeds.mkdir()
        project.refresh()
        project.seeds = seeds
    else:
        shutil.move(seeds / "003_f583991e5d9312b4.txt", seeds.parent / "aside.txt")
        project.refresh()  # lands the removal, clusters follow
        shutil.move(seeds.parent / "aside.txt", seeds / "003_f583991e5d9312b4.txt")
        with monkeypatch.context() as m:
            _fail_inside_figures(m)
            assert not project.refresh().success
    for _ in range(2):
        result = project.refresh()
        failed = [e.asset_key.to_user_string() for e in result.get_asset_check_evaluations() if not e.passed]
        assert result.success and not failed, failed
    assert published_content(project.warehouse) == fresh_build(project, tmp_path)


def test_a_future_date_is_an_issue_not_a_failure(project):
    """One document's content never blocks: its date is set aside, named with its file, the rest publish."""
    (project.seeds / "ahead.md").write_text(FUTURE)
    result = project.refresh()
    assert result.success
    assert query(project, "SELECT published_date FROM document_metadata WHERE document_id = 'ahead'") == [(None,)]
    assert query(project, "SELECT field, value FROM document_issues") == [("published_date", "9999-12-31")]
    (warn,) = [e for e in result.get_asset_check_evaluations() if e.check_name == "document_issues"]
    assert not warn.passed and warn.severity == dg.AssetCheckSeverity.WARN
    shown = " ".join(str(v) for r in warn.metadata["results"].records for v in r.data.values())
    assert "ahead.md" in shown
    assert query(project, "SELECT count(*) FROM documents") == [(6,)]


def test_sensor_requests_a_run_only_when_the_folder_changes(project):
    seeds = SeedsFolder(seeds_dir=str(project.seeds))

    def evaluate(cursor: str | None) -> dg.SensorResult:
        resources = {**project.resources(), "seeds": seeds}
        with dg.build_sensor_context(cursor=cursor, resources=resources, instance=project.instance) as ctx:
            return seeds_folder_sensor(ctx)

    first = evaluate(None)
    assert len(first.run_requests) == 1
    assert json.loads(first.cursor)["files"] == 5

    assert project.refresh().success  # a missing published file is itself a reason to run
    idle = evaluate(first.cursor)
    assert not idle.run_requests and "no change" in idle.skip_reason.skip_message

    (project.seeds / "fresh.md").write_text(NEW)
    added = evaluate(first.cursor)
    assert len(added.run_requests) == 1 and json.loads(added.cursor)["files"] == 6

    assert project.refresh().success
    (project.seeds / "fresh.md").unlink()
    removed = evaluate(added.cursor)
    assert len(removed.run_requests) == 1
    assert removed.run_requests[0].run_key != first.run_requests[0].run_key

    # Back to a state the published warehouse already reflects (the last refresh landed it): no run.
    (project.seeds / "fresh.md").write_text(NEW)
    assert project.refresh().success
    (project.seeds / "fresh.md").unlink()
    assert project.refresh().success
    settled = evaluate(added.cursor)  # the sensor last saw 6 files; the last refresh landed these 5
    assert not settled.run_requests and "already refreshed" in settled.skip_reason.skip_message
