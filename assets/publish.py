"""Publish: the audited staging tables replace WAREHOUSE_PATH atomically."""

import dagster as dg
from dagster import AssetExecutionContext

from assets.registry import stage_config
from assets.resources import Warehouse
from assets.table_metadata import counts_table
from newsfacts.stages.graph import ASSETS, incomplete
from newsfacts.warehouse import staging
from newsfacts.warehouse.audit import unaudited_tables
from newsfacts.warehouse.publish import publish_warehouse

UPSTREAM = list(ASSETS)


def _refuse_if(what: str, reasons: dict[str, str], remedy: str, metadata_key: str, prefix: str = "") -> None:
    """Fail the publish, naming each reason (by its `prefix`ed key) and what to do, when there is any; the
    keys alone go into the failure's metadata under `metadata_key`."""
    if reasons:
        raise dg.Failure(
            description=f"Refusing to publish {what}: "
            + "; ".join(f"{prefix}{name}: {why}" for name, why in reasons.items())
            + f". {remedy}",
            metadata={metadata_key: ", ".join(reasons)},
        )


@dg.asset(
    deps=UPSTREAM,
    group_name="serving",
    kinds={"duckdb"},
    description="The published DuckDB file BI tools read (WAREHOUSE_PATH). Built beside the old file from the "
    "staging tables once every blocking integrity check of the run has passed, then swapped in with os.replace: "
    "readers never see a half-written state, and a failed run leaves the old file untouched. A refresh that changed "
    "nothing leaves the file as it was, and a file at WAREHOUSE_PATH that newsfacts did not publish (no `_newsfacts` "
    "marker table) is never replaced.",
)
def published_warehouse(context: AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    run_id = context.run.run_id
    with warehouse.connect() as con:
        missing = incomplete(con, stage_config(warehouse, run_id=run_id))
        problems = unaudited_tables(con, run_id)
    _refuse_if(
        "an incomplete warehouse",
        missing,
        "Materialize every asset (the `refresh` job, or `make run`) so each stage processes them.",
        "incomplete_stages",
        prefix="stage ",
    )
    _refuse_if(
        "staging content that has not passed its integrity checks",
        problems,
        "Materialize the tables with their checks (the `refresh` job) first.",
        "unaudited_tables",
    )
    staging.release(warehouse.staging)  # publishing attaches the file read-only: the run's hold must end
    result = publish_warehouse(
        warehouse.staging,
        warehouse.published,
        warehouse.duckdb_memory_limit or None,
        warehouse.lock_timeout_seconds,
        run_id=run_id,
    )
    counts = result.counts
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(warehouse.published)),
            # rebuilt from scratch, a copy of the previous file with only what changed rewritten, or
            # unchanged: staging held what the file already holds, so it was left alone (same bytes, mtime)
            "publish_mode": result.mode,
            "changed_tables": ", ".join(result.changed_tables) or "none",
            "seconds": round(result.seconds, 3),
            "size_bytes": warehouse.published.stat().st_size,
            "tables": counts_table(counts, "table"),
            "documents": counts["documents"],
            "figures": counts["figures"],
            "claims": counts["claims"],
        }
    )
