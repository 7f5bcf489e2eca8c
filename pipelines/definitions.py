"""The newsfacts code location: the one `Definitions` that `dagster dev` and `make run` load."""

from __future__ import annotations

import os
from datetime import timedelta

import dagster as dg

from assets import claims, consistency, figures, landing, metadata, publish
from assets.resources import SeedsFolder, Warehouse
from newsfacts.quality import worker as gx_worker
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
            prewarm_validation=gx_worker.wanted(),
        ),
    }


# Who answers for the assets, and when they must be fresh: the daily schedule runs at 03:00 UTC, so
# every asset is expected to have materialized in the 24 hours before 04:00 UTC each day.
OWNERS = ["team:newsfacts"]
FRESHNESS = dg.FreshnessPolicy.cron(deadline_cron="0 4 * * *", lower_bound_delta=timedelta(hours=24), timezone="UTC")
TAGS = {"project": "newsfacts"}


def with_operations(spec: dg.AssetSpec) -> dg.AssetSpec:
    """Owners, tags (project, layer = the asset's group) and the daily freshness policy."""
    return spec.merge_attributes(
        owners=OWNERS, tags={**TAGS, "layer": spec.group_name or "default"}
    ).replace_attributes(freshness_policy=FRESHNESS)


all_assets = dg.map_asset_specs(with_operations, dg.load_assets_from_modules(ASSET_MODULES))
all_checks = dg.load_asset_checks_from_modules(ASSET_MODULES)

# In-process by default, for every job ("Materialize all" in the UI runs the implicit __ASSET_JOB):
# on 2-core machines the multiprocess executor spent 3x longer starting step processes than the steps
# take (36 s against 2 s for the 15 steps), and the stages parallelise their own batches. Choose
# `execution: {config: {multiprocess: {max_concurrent: N}}}` in the launchpad (or run config) to run
# steps in separate processes; each step process then takes the refresh lock in turn (see
# assets/resources.py).
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}
_BASE_EXECUTOR = dg.multi_or_in_process_executor
in_process_or_multiprocess_executor = dg.ExecutorDefinition(
    name="in_process_or_multiprocess",
    config_schema=dg.Field(_BASE_EXECUTOR.config_schema.config_type, default_value=IN_PROCESS["execution"]["config"]),
    executor_creation_fn=_BASE_EXECUTOR.executor_creation_fn,
    requirements=_BASE_EXECUTOR.get_requirements,
    description="Dagster's multi_or_in_process_executor with in_process, not multiprocess, as its default.",
)

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
        executor=in_process_or_multiprocess_executor,
    )


defs = build_definitions()
