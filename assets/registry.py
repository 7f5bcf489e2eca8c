"""What the assets take from the declarations: deps, code_version and the UI's column schema.

The stages (newsfacts/stages/graph.py) and tables (newsfacts/warehouse/schema.py) are declared once;
an asset definition only names its asset and spreads `declared(asset)` into its decorator, so the
Dagster graph cannot drift from what the stages read and the UI shows columns before the first run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dagster as dg
import duckdb

from assets.resources import Warehouse
from assets.table_metadata import stage_metadata
from newsfacts.landing import DEFAULT_MAX_BYTES
from newsfacts.stages.graph import StageConfig, code_version, stage_of_asset
from newsfacts.stages.runner import StageReport
from newsfacts.warehouse.schema import TABLES_BY_NAME


def column_schema(table: str) -> dg.TableSchema:
    """The registry's columns of `table`, with their types, nullability and descriptions."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=c.name,
                type=c.type,
                description=c.description,
                constraints=dg.TableColumnConstraints(nullable=c.nullable),
            )
            for c in TABLES_BY_NAME[table].columns
        ]
    )


def declared(asset: str) -> dict[str, Any]:
    """deps, code_version and column schema of the asset that materializes the table `asset`."""
    stage = stage_of_asset(asset)
    return {
        "deps": stage.deps,
        "code_version": code_version(stage),
        "metadata": {"dagster/column_schema": column_schema(asset)},
    }


def table_asset(table: str, group: str, description: str, python: bool = True) -> dict[str, Any]:
    """The arguments of the asset (`dg.asset` or `dg.AssetSpec`) that materializes `table`: its
    declaration, group and description, and its kinds (`python` where Python computes rows, not SQL alone)."""
    kinds = {"duckdb", "python"} if python else {"duckdb"}
    return {**declared(table), "group_name": group, "description": description, "kinds": kinds}


def stage_config(
    warehouse: Warehouse, max_file_bytes: int = DEFAULT_MAX_BYTES, run_id: str | None = None
) -> StageConfig:
    """The stages' configuration as this run's resources set it (`run_id`: the run, when a step of it
    reads only tables written before it: a whole-corpus stage's inputs, or publishing's)."""
    return StageConfig(catalog=warehouse.catalog, max_file_bytes=max_file_bytes, run_id=run_id)


def document_stage_asset(
    table: str,
    description: str,
    process: Callable[..., StageReport],
    preview_sql: str,
    summary: Callable[[duckdb.DuckDBPyConnection], dict[str, Any]],
    **metadata_keys: str,
) -> dg.AssetsDefinition:
    """The asset of a per-document extraction stage that fills `table`: it runs `process` over the
    documents pending for it and shows the table, what the run did and `summary(con)` in its metadata.

    `process` takes the connection, `workers` and `config`; `metadata_keys` rename the run's keys
    (see `stage_metadata`).
    """

    @dg.asset(name=table, **table_asset(table, "extraction", description))
    def _stage(warehouse: Warehouse) -> dg.MaterializeResult:
        with warehouse.connect() as con:
            report = process(con, workers=warehouse.n_workers, config=stage_config(warehouse))
            return dg.MaterializeResult(
                metadata=stage_metadata(con, table, preview_sql, report, **metadata_keys, **summary(con))
            )

    return _stage
