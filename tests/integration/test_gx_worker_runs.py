"""Which refreshes validate in the GX worker (newsfacts/quality/worker.py): not a first one, which lands
every file; a later one, unless the resource turns it off. Real Dagster runs over the seeds."""

from __future__ import annotations

import pytest

from newsfacts.quality import runner, worker

NEW_ARTICLE = "Grid Desk\n\nThe operator said it would connect 450 megawatts of wind capacity by 2028.\n"


@pytest.fixture
def no_worker(monkeypatch: pytest.MonkeyPatch):
    """No worker, and GX as if not yet imported here (other tests imported it in this process)."""
    monkeypatch.setattr(runner, "_HOLDER", None)
    worker.stop()
    yield
    worker.stop()


def _checks(result) -> dict[str, bool]:
    return {e.check_name: e.passed for e in result.get_asset_check_evaluations()}


def test_a_first_refresh_ends_the_worker_and_the_next_one_starts_it(project, no_worker, monkeypatch) -> None:
    worker.start()  # as `python -m pipelines.run` does before it imports Dagster
    first = project.refresh()
    assert first.success
    assert not worker.running()  # a first refresh lands every file: no worker beside landing's peak
    (project.seeds / "grid.txt").write_text(NEW_ARTICLE)
    monkeypatch.setattr(runner, "_HOLDER", None)  # the next refresh in a new process, as `make run`'s are
    second = project.refresh()
    assert second.success
    assert worker.running()
    assert _checks(second) == _checks(first)  # the same checks, passing the same way in the worker


def test_the_resource_can_keep_validation_in_the_run_process(project, no_worker) -> None:
    assert project.refresh().success
    (project.seeds / "grid.txt").write_text(NEW_ARTICLE)
    assert project.refresh(prewarm_validation=False).success
    assert not worker.running()


def test_a_process_holding_gx_starts_no_worker(project, no_worker) -> None:
    """Its suites would wait for the worker's import when their own costs nothing now."""
    runner.gx_context()
    assert project.refresh().success
    (project.seeds / "grid.txt").write_text(NEW_ARTICLE)
    assert project.refresh().success
    assert not worker.running()
