"""With the project's dagster.yaml, a run's event log (what the UI's run view shows) holds the progress lines."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from assets.resources import SeedsFolder, Warehouse
from pipelines.definitions import build_definitions

PROJECT = Path(__file__).resolve().parents[2]
STAGES = ("metadata", "figures", "claims")


@pytest.fixture(autouse=True)
def progress_logger_restored() -> Iterator[None]:
    """Dagster sets the managed logger's level (python_log_level) and leaves it: later tests expect Python's."""
    logger = logging.getLogger("newsfacts.progress")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


def _refresh(instance: dg.DagsterInstance, seeds: Path, out: Path) -> dg.ExecuteInProcessResult:
    resources = {
        "seeds": SeedsFolder(seeds_dir=str(seeds)),
        "warehouse": Warehouse(
            warehouse_path=str(out / "news.duckdb"), staging_path=str(out / ".staging" / "s.duckdb")
        ),
    }
    job = build_definitions(resources).resolve_job_def("refresh")
    return job.execute_in_process(instance=instance, raise_on_error=False)


def _messages(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    """The run's plain log messages (not Dagster's own events)."""
    return [e.user_message for e in instance.all_logs(run_id) if not e.is_dagster_event]


@pytest.mark.parametrize(
    ("yaml_text", "captured"),
    [
        pytest.param((PROJECT / "dagster.yaml").read_text(), True, id="project-dagster-yaml"),
        pytest.param("telemetry:\n  enabled: false\n", False, id="without-python-logs"),
    ],
)
def test_progress_lines_reach_the_run_event_log(tmp_path: Path, yaml_text: str, captured: bool):
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(yaml_text)
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", seeds)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = _refresh(instance, seeds, tmp_path / "wh")
        assert result.success
        lines = [m for m in _messages(instance, result.run_id) if m.split(": ", 1)[0] in STAGES]
    pending = {line.split(": ", 1)[0] for line in lines if "documents pending" in line}
    finished = {line.split(": ", 1)[0] for line in lines if "docs/s" in line and "MB/s" in line}
    if captured:
        assert pending == finished == set(STAGES)
    else:
        assert lines == []
