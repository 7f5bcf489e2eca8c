"""When refreshes run: a sensor on SEEDS_DIR for files as they arrive, a daily schedule as a safety net."""

from __future__ import annotations

import json

import dagster as dg

from assets.resources import SeedsFolder
from newsfacts.listing import folder_state

REFRESH_JOB = "refresh"


@dg.sensor(
    job_name=REFRESH_JOB,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches SEEDS_DIR (new, changed and deleted files, by path, size and mtime) and requests an "
    "incremental refresh when the folder changed. The refresh itself works out, by content hash, which "
    "documents to process, so a new file costs only its own processing.",
)
def seeds_folder_sensor(context: dg.SensorEvaluationContext, seeds: SeedsFolder) -> dg.SensorResult:
    state = folder_state(seeds.path)
    previous = json.loads(context.cursor) if context.cursor else {}
    if previous.get("digest") == state.digest:
        return dg.SensorResult(skip_reason=f"no change in {seeds.path} ({state.files} files)")
    seq = int(previous.get("seq", 0)) + 1
    cursor = json.dumps({"digest": state.digest, "files": state.files, "seq": seq})
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                # The sequence number lets a folder that returns to an earlier state trigger again.
                run_key=f"{seq}-{state.digest}",
                tags={"newsfacts/trigger": "seeds_folder_sensor", "newsfacts/files": str(state.files)},
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
    tags={"newsfacts/trigger": "daily_refresh"},
)
