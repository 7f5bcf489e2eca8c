"""When refreshes run: a sensor on SEEDS_DIR for files as they arrive, a daily schedule as a safety net."""

from __future__ import annotations

import json

import dagster as dg

from assets.resources import TRIGGER_TAG, SeedsFolder, Warehouse
from newsfacts.listing import folder_state
from newsfacts.warehouse import refresh_record

REFRESH_JOB = "refresh"


@dg.sensor(
    job_name=REFRESH_JOB,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches SEEDS_DIR (new, changed and deleted files, by path, size and mtime) and requests an "
    "incremental refresh when the folder changed, when SEEDS_DIR or WAREHOUSE_PATH now point elsewhere, or when "
    "the published file is missing. A folder state that a refresh it did not start (`make run`, the UI) has "
    "already landed for the same warehouse counts as no change. The refresh itself works out, by content hash, "
    "which documents to process, so a new file costs only its own processing.",
)
def seeds_folder_sensor(
    context: dg.SensorEvaluationContext, seeds: SeedsFolder, warehouse: Warehouse
) -> dg.SensorResult:
    state = folder_state(seeds.path)
    where = {"seeds_dir": str(seeds.path), "warehouse": str(warehouse.published)}
    previous = json.loads(context.cursor) if context.cursor else {}
    seq = int(previous.get("seq", 0))
    seen = previous.get("digest") == state.digest and all(previous.get(k) == v for k, v in where.items())
    published = warehouse.published.exists()
    if seen and published:
        return dg.SensorResult(
            skip_reason=f"no change in {seeds.path} ({state.files} files); {warehouse.published} is current"
        )
    landed = refresh_record.last(warehouse.staging)
    if not seen and published and landed and landed.same_state(where["seeds_dir"], where["warehouse"], state.digest):
        cursor = json.dumps({"digest": state.digest, "files": state.files, "seq": seq, **where})
        return dg.SensorResult(
            skip_reason=f"{seeds.path} ({state.files} files) already refreshed by run {landed.run_id}", cursor=cursor
        )
    if seen:  # the published file is missing: one run per folder state (a run key is used once)
        run_key, why = f"{seq}-{state.digest}-missing", f"{warehouse.published} is missing"
    else:
        # The sequence number lets a folder that returns to an earlier state trigger again.
        seq += 1
        run_key, why = f"{seq}-{state.digest}", f"{seeds.path} changed ({state.files} files)"
    cursor = json.dumps({"digest": state.digest, "files": state.files, "seq": seq, **where})
    context.log.info(f"requesting a refresh: {why}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=run_key,
                tags={TRIGGER_TAG: "seeds_folder_sensor", "newsfacts/files": str(state.files)},
            )
        ],
        cursor=cursor,
    )


daily_refresh_schedule = dg.ScheduleDefinition(
    name="daily_refresh",
    job_name=REFRESH_JOB,
    cron_schedule="0 3 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Daily refresh at 03:00 UTC: picks up anything the sensor missed and reprocesses documents "
    "made by older extractor versions.",
    tags={TRIGGER_TAG: "daily_refresh"},
)
