"""The newsfacts code location: the one `Definitions` that `dagster dev` and `make run` load."""

from __future__ import annotations

import os

import dagster as dg

from assets import claims, consistency, figures, landing, metadata, publish
from assets.resources import SeedsFolder, Warehouse
from pipelines.automation import daily_refresh_schedule, seeds_folder_sensor

ASSET_MODULES = [landing, metadata, figures, claims, consistency, publish]


def env_or_default(name: str, default: str) -> str | dg.EnvVar:
    """`EnvVar(name)` when the variable is set (so the UI shows where the value came from), else the default."""
    return dg.EnvVar(name) if os.environ.get(name) else default


def build_resources() -> dict[str, dg.ConfigurableResource]:
    return {
        "seeds": SeedsFolder(seeds_dir=env_or_default("SEEDS_DIR", "seeds")),
        "warehouse": Warehouse(
            warehouse_path=env_or_default("WAREHOUSE_PATH", "warehouse/news.duckdb"),
            staging_path=env_or_default("STAGING_PATH", ""),
            metrics_catalog=env_or_default("METRICS_CATALOG", ""),
            dask_scheduler_address=env_or_default("DASK_SCHEDULER_ADDRESS", ""),
        ),
    }


all_assets = dg.load_assets_from_modules(ASSET_MODULES)
all_checks = dg.load_asset_checks_from_modules(ASSET_MODULES)

# In-process by default: on 2-core machines the multiprocess executor spent 3x longer starting step
# processes than the steps take, and the stages parallelise their own batches. Choose
# `execution: {config: {multiprocess: {max_concurrent: N}}}` in the launchpad (or run config) to
# run steps in separate processes; they then take turns on the staging database's write lock.
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    description="Land SEEDS_DIR, extract what changed, validate, and publish the warehouse.",
    config=IN_PROCESS,
)


def build_definitions(resources: dict[str, dg.ConfigurableResource] | None = None) -> dg.Definitions:
    """The code location; tests pass resources pointing at temporary folders."""
    return dg.Definitions(
        assets=all_assets,
        asset_checks=all_checks,
        jobs=[refresh_job],
        schedules=[daily_refresh_schedule],
        sensors=[seeds_folder_sensor],
        resources=resources or build_resources(),
        executor=dg.multi_or_in_process_executor,
    )


defs = build_definitions()
