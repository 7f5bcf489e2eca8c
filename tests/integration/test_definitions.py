"""The code location `dagster dev` and `make run` load: its job, schedule and sensor."""

from __future__ import annotations

import dagster as dg

from pipelines.definitions import defs


def test_definitions_hold_refresh_job_daily_schedule_and_seeds_sensor():
    assert defs.resolve_job_def("refresh").name == "refresh"

    schedule = defs.resolve_schedule_def("daily_refresh")
    assert schedule.job_name == "refresh"
    assert schedule.cron_schedule == "0 3 * * *"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING

    sensor = defs.resolve_sensor_def("seeds_folder_sensor")
    assert sensor.job_name == "refresh"
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING

    repo = defs.get_repository_def()
    assert {s.name for s in repo.schedule_defs} == {"daily_refresh"}
    assert {s.name for s in repo.sensor_defs} == {"seeds_folder_sensor"}
