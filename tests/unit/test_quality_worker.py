"""The GX worker process: the same verdicts as validating in the run's process, and no verdict lost
when it is gone (newsfacts/quality/worker.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from test_quality_integrity import make_warehouse

from newsfacts.quality import worker
from newsfacts.quality.runner import SuiteOutcome, run_suite
from newsfacts.quality.suites import ExpectationSpec, integrity_suites
from newsfacts.stages import batching

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gx_worker():
    """A worker with GX imported; stopped afterwards, so other tests validate in their own process."""
    worker.start()
    assert worker.wait_ready()
    yield worker
    worker.stop()


def _verdicts(outcome: SuiteOutcome) -> list[tuple]:
    return [(o.check, o.success, o.observed_value, o.unexpected_count, o.unexpected_examples) for o in outcome.outcomes]


def _suite(name: str):
    return next(s for s in integrity_suites() if s.name == name)


# (suite, a corruption of the clean warehouse): each fails some check, which both paths must name alike
CORRUPTIONS = [
    ("figures_integrity", "UPDATE figures SET unit = 'bogus' WHERE figure_id = 'fa1'"),
    ("figures_integrity", "UPDATE figures SET figure_id = 'fa1' WHERE figure_id = 'fa2'"),
    ("claims_integrity", "UPDATE claims SET claim_type = 'rumour' WHERE claim_id = 'cb2'"),
    ("documents_integrity", "UPDATE documents SET content_sha256 = 'x' WHERE document_id = 'doc_a'"),
    ("claim_figures_integrity", "INSERT INTO claim_figures (claim_id, figure_id) VALUES ('ca1', 'nope')"),
    ("figures_integrity", None),  # clean: every check passes on both paths
]


@pytest.mark.parametrize(("suite", "corruption"), CORRUPTIONS)
def test_worker_reaches_the_in_process_verdicts(gx_worker, suite: str, corruption: str | None) -> None:
    con = make_warehouse()
    if corruption:
        con.execute(corruption)
    spec = _suite(suite)
    remote = run_suite(con, spec)
    assert worker.running()
    gx_worker.stop()
    local = run_suite(con, spec)
    assert _verdicts(remote) == _verdicts(local)
    assert remote.success is (corruption is None)


def test_gx_raising_in_the_worker_fails_the_suite_as_in_process(gx_worker) -> None:
    spec = _suite("figures_integrity")
    broken = ExpectationSpec(
        "bad_kwarg", "ExpectColumnValuesToNotBeNull", {"column": "figure_id", "bogus": 1}, "GX rejects it"
    )
    spec = replace(spec, expectations=(*spec.expectations, broken))
    con = make_warehouse()
    remote = run_suite(con, spec)
    gx_worker.stop()
    local = run_suite(con, spec)
    assert not remote.success
    assert remote.outcomes[0].observed_value.startswith("error: great_expectations ValidationError")
    assert _verdicts(remote) == _verdicts(local)


def test_a_dead_worker_costs_time_not_the_verdict(gx_worker) -> None:
    con = make_warehouse()
    con.execute("UPDATE figures SET unit = 'bogus' WHERE figure_id = 'fa1'")
    os.kill(worker._WORKER.process.pid, signal.SIGKILL)
    worker._WORKER.process.wait()
    outcome = run_suite(con, _suite("figures_integrity"))
    assert outcome.failed == ["unit_valid_for_kind"]
    assert not worker.running()


def test_a_frame_that_cannot_travel_is_left_to_this_process(gx_worker) -> None:
    import pandas as pd

    frame = pd.DataFrame({"figure_id": [lambda: None]})  # a lambda does not pickle
    assert worker.validate(_suite("figures_integrity"), frame, None) is None
    assert worker.running()  # nothing half-written reached it: it still answers
    assert run_suite(make_warehouse(), _suite("figures_integrity")).success


def test_a_process_pool_ends_the_worker(gx_worker) -> None:
    pool = batching._new_pool(2)
    try:
        assert not worker.running()
    finally:
        pool.shutdown()


def test_the_run_process_never_imports_gx() -> None:
    """With a worker, a suite's verdict comes back and GX stays out of this process (147 MB)."""
    script = (
        "import sys; sys.path[:0] = ['tests', 'tests/unit']\n"
        "from test_quality_integrity import make_warehouse\n"
        "from newsfacts.quality import worker\n"
        "from newsfacts.quality.runner import run_integrity_suites\n"
        "worker.start()\n"
        "con = make_warehouse()\n"
        "con.execute(\"UPDATE figures SET unit = 'bogus' WHERE figure_id = 'fa1'\")\n"
        "failed = [s.suite for s in run_integrity_suites(con) if not s.success]\n"
        "print(failed, 'great_expectations' in sys.modules, worker.running())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[0] == "['figures_integrity'] False True"


@pytest.mark.parametrize(
    ("value", "on"), [(None, True), ("1", True), ("yes", True), ("0", False), ("false", False), (" Off ", False)]
)
def test_the_switch_turns_the_worker_off(monkeypatch: pytest.MonkeyPatch, value: str | None, on: bool) -> None:
    if value is None:
        monkeypatch.delenv(worker.SWITCH, raising=False)
    else:
        monkeypatch.setenv(worker.SWITCH, value)
    assert worker.wanted() is on


@pytest.mark.parametrize(
    ("run_config", "starts"),
    [
        ({}, True),
        ({"execution": {"config": {"in_process": {}}}}, True),
        ({"execution": {"config": {"multiprocess": {"max_concurrent": 2}}}}, False),  # a worker per step process
    ],
)
def test_the_resource_tells_in_process_runs_from_multiprocess_ones(run_config: dict, starts: bool) -> None:
    from dagster import DagsterRun

    from assets.resources import _in_process

    assert _in_process(DagsterRun(job_name="refresh", run_config=run_config)) is starts
