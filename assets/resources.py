"""Resource types the assets need. `pipelines/definitions.py` configures them from the environment."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from newsfacts.landing import DEFAULT_MAX_BYTES
from newsfacts.quality import worker as gx_worker
from newsfacts.quality.runner import gx_imported
from newsfacts.stages.batching import dask_scheduler, default_workers, kept_pool
from newsfacts.warehouse import lock, recovery, staging

# Every run says what started it: the sensor and the schedule set it themselves, `make run` sets
# "cli", and a run without it (the UI's Materialize buttons, the launchpad) is tagged "ui".
TRIGGER_TAG = "newsfacts/trigger"
UI_TRIGGER = "ui"


class SeedsFolder(dg.ConfigurableResource):
    """The folder raw documents are dropped into (`SEEDS_DIR`)."""

    seeds_dir: str = "seeds"
    max_file_bytes: int = DEFAULT_MAX_BYTES

    @property
    def path(self) -> Path:
        return Path(self.seeds_dir).expanduser().resolve()


# Run id -> report folders whose page the run's resource writes when it is torn down (see
# report_at_run_end); present while the resource holds the run.
_REPORTS_DUE: dict[str, set[Path]] = {}


def report_at_run_end(run_id: str, reports_dir: Path) -> bool:
    """Whether the report page of `run_id` in `reports_dir` will be written when the run ends (and mark
    it so): true while a Warehouse resource holds the run in this process, as it does for a whole
    in-process run and for each step's process with the multiprocess executor."""
    due = _REPORTS_DUE.get(run_id)
    if due is None:
        return False
    due.add(reports_dir)
    return True


def _in_process(run: dg.DagsterRun) -> bool:
    """Whether the run's steps share this process: with the multiprocess executor, each step's process
    sets up the resource, and a GX worker per step would cost more than it saves."""
    execution = run.run_config.get("execution") or {}
    return "multiprocess" not in (execution.get("config") or {})


def _failed_steps(instance: dg.DagsterInstance, run_id: str) -> bool:
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.STEP_FAILURE, limit=1)
    return bool(records.records)


class Warehouse(dg.ConfigurableResource):
    """The published DuckDB file (`WAREHOUSE_PATH`) and the staging database runs write to.

    Runs write and audit in the staging file; only the publish step touches the published path,
    and only by atomically replacing it.

    For a run, the resource holds the refresh lock (newsfacts/warehouse/lock.py) from its set-up to
    its tear-down, and heals a damaged staging database first (recovery.py). In-process, the
    default, that is once for the whole run; with the multiprocess executor each step process takes
    it in turn. Sensors and schedules use the resource without a run and take no lock.
    """

    warehouse_path: str = "warehouse/news.duckdb"
    staging_path: str = ""
    metrics_catalog: str = ""
    workers: int = 0
    lock_timeout_seconds: float = 120.0
    # Reuse a validation suite's stored outcome when nothing it depends on changed (see assets/quality.py).
    reuse_validations: bool = True
    # DuckDB memory per run step (beyond it DuckDB spills to disk); empty: DuckDB's default, 80% of RAM.
    duckdb_memory_limit: str = staging.DEFAULT_MEMORY_LIMIT
    # A Dask scheduler (`tcp://host:8786`): the per-document stages run their batches on its workers.
    dask_scheduler_address: str = ""
    # How long a refresh waits for another one to finish before giving up with a message.
    refresh_wait_seconds: float = 1800.0
    # Import Great Expectations in a worker process when an in-process run starts, on the other core
    # (newsfacts/quality/worker.py); off: the run's first suite imports it.
    prewarm_validation: bool = True

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[Warehouse]:
        """Tag the run's trigger, hold the refresh lock for as long as the resource lives, heal staging."""
        run = context.dagster_run
        if run is None:
            yield self
            return
        trigger = run.tags.get(TRIGGER_TAG)
        if trigger is None and context.instance is not None:
            trigger = UI_TRIGGER
            context.instance.add_run_tags(run.run_id, {TRIGGER_TAG: trigger})
        with lock.exclusive(
            self.lock_path, run.run_id, self.refresh_wait_seconds, on_wait=context.log.warning, trigger=trigger or ""
        ):
            healed = recovery.heal(self.staging, self.published, self.duckdb_memory_limit or None)
            if healed is not None:
                context.log.warning(healed.describe())
            # The last run's fingerprints, when nothing touched the files since it ended; carried from
            # the moment the database is open (opening it re-creates the staging views).
            carried = recovery.verified_fingerprints(self.staging)
            with staging.kept_open(self.staging), kept_pool():
                staging.carry(self.staging, carried)
                self._prewarm_validation(run)
                _REPORTS_DUE[run.run_id] = set()
                try:
                    yield self
                finally:
                    self._write_reports(run.run_id, context.log)
            # Every step's connection is closed. When no step failed (a failure may have been a bad
            # block), what the run wrote is sound: the next run need not read it all again, and the
            # fingerprints its steps computed describe the files as they are.
            if context.instance is not None and not _failed_steps(context.instance, run.run_id):
                recovery.record_verified(self.staging, staging.run_fingerprints(run.run_id, self.staging))

    def _prewarm_validation(self, run: dg.DagsterRun) -> None:
        """Have GX imported in its worker while the run starts (newsfacts/quality/worker.py), kept for the
        process's later runs. None where this process has GX imported already, nor for a first refresh,
        which lands every file: the worker would sit beside landing's peak (200 MB more at 100,000
        articles, cold: 2,051 MB against 1,852), and one GX import here costs little in a run that long."""
        if not (self.prewarm_validation and _in_process(run)):
            return
        with self.connect() as con:
            first = con.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
        if first:
            gx_worker.stop()  # `python -m pipelines.run` started one before it could know
        elif not gx_imported():  # a process that validated before (tests, a kept process) has GX already
            gx_worker.start()

    def _write_reports(self, run_id: str, log: dg.DagsterLogManager | None) -> None:
        """The run's report page, once, from the outcomes its checks stored (report_at_run_end).

        The checks' results are already recorded (validation_results, the checks' metadata): a page
        that cannot be written is a warning, not a failed run.
        """
        from newsfacts.quality.report import write_run_report

        for reports_dir in sorted(_REPORTS_DUE.pop(run_id, set())):
            try:
                with self.connect() as con:
                    write_run_report(con, reports_dir, run_id)
            except (duckdb.Error, OSError) as exc:
                if log is not None:
                    log.warning(f"data quality report not written to {reports_dir}: {exc}")

    @property
    def lock_path(self) -> Path:
        return lock.lock_path_for(self.staging)

    @property
    def published(self) -> Path:
        return Path(self.warehouse_path).expanduser().resolve()

    @property
    def staging(self) -> Path:
        if self.staging_path:
            return Path(self.staging_path).expanduser().resolve()
        return self.published.parent / ".staging" / self.published.name

    @property
    def reports_dir(self) -> Path:
        return self.published.parent / "data_docs"

    @property
    def catalog(self) -> Path | None:
        return Path(self.metrics_catalog).expanduser().resolve() if self.metrics_catalog else None

    @property
    def n_workers(self) -> int:
        return self.workers if self.workers > 0 else default_workers()

    @contextmanager
    def connect(self, limit_memory: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the staging database; waits while another process holds its write lock.

        `limit_memory=False`: DuckDB's default memory limit instead of `duckdb_memory_limit`. While it is
        open, document batches run on the Dask cluster when `dask_scheduler_address` is set.
        """
        deadline = time.monotonic() + self.lock_timeout_seconds
        memory_limit = (self.duckdb_memory_limit or None) if limit_memory else None
        while True:
            try:
                con = staging.connect(self.staging, memory_limit)
                break
            except duckdb.IOException as exc:
                if not lock.is_duckdb_lock_conflict(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        try:
            with dask_scheduler(self.dask_scheduler_address):
                yield con
        finally:
            if not limit_memory and self.duckdb_memory_limit and staging.is_kept(self.staging):
                # The database stays open for the next step: what it caches shrinks to the stages' limit.
                con.execute(f"SET memory_limit = '{self.duckdb_memory_limit}'")
            con.close()
