"""Publishing is complete or refused; the published file and the UI describe every column."""

from __future__ import annotations

import hashlib

import dagster as dg
import duckdb

from newsfacts.stages.graph import ASSETS
from newsfacts.warehouse.schema import PUBLISHED_TABLES, TABLES_BY_NAME
from pipelines.definitions import build_definitions

NEW = "Energy Brief\n\nThe utility said it would spend $2 billion on new grid lines over five years.\n"


def _materialize(project, *assets: str) -> dg.ExecuteInProcessResult:
    job = build_definitions(project.resources()).resolve_implicit_global_asset_job_def()
    subset = job.get_subset(asset_selection={dg.AssetKey(a) for a in assets})
    return subset.execute_in_process(instance=project.instance, raise_on_error=False)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publishing_after_a_landing_only_run_is_refused(project):
    assert project.refresh().success
    before = _digest(project.warehouse)
    (project.seeds / "grid.txt").write_text(NEW)
    assert _materialize(project, "documents", "rejected_documents").success

    result = _materialize(project, "published_warehouse")
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    message = failure.event_specific_data.error.message
    assert "stage metadata: 1 of 6 documents not processed" in message
    assert "stage figures" in message and "stage claims" in message
    assert _digest(project.warehouse) == before

    assert project.refresh().success  # the refresh job completes the stages, then publishes
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM document_metadata").fetchone() == (6,)
        assert con.execute("SELECT count(*) FROM figures WHERE document_id = 'grid'").fetchone()[0] >= 1


def test_published_file_describes_its_tables_and_columns(project):
    assert project.refresh().success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        columns = {
            (t, c): comment
            for t, c, comment in con.execute(
                "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'"
            ).fetchall()
        }
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    for table in PUBLISHED_TABLES:
        assert tables[table.name] == table.description
        for c in table.columns:
            assert columns[(table.name, c.name)] == c.description


def test_assets_show_their_column_schema_before_the_first_run():
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    for asset in ASSETS:
        spec = graph.get(dg.AssetKey(asset))
        schema = spec.metadata["dagster/column_schema"]
        assert [c.name for c in schema.columns] == TABLES_BY_NAME[asset].column_names
        assert all(c.description for c in schema.columns), asset
        assert spec.code_version, asset
