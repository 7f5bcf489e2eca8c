"""`make run`: one refresh of the whole graph, then a short summary; non-zero exit when a blocking check fails."""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb

from newsfacts.stages import progress
from pipelines.definitions import defs

# Step-by-step events are in the Dagster UI; the terminal gets warnings and the summary.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

SUMMARY_QUERIES = {
    "documents landed": "SELECT count(*) FROM documents",
    "rejected": "SELECT count(*) FROM rejected_documents",
    "figures": "SELECT count(*) FROM figures",
    "claims": "SELECT count(*) FROM claims",
    "corroborated claim clusters": "SELECT count(*) FROM claim_clusters WHERE n_sources > 1",
    "metrics": "SELECT count(*) FROM metric_consistency",
    "conflicts": "SELECT count(*) FROM metric_consistency WHERE verdict = 'conflict'",
}


def warehouse_counts(path: Path) -> dict[str, int] | str:
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return {label: con.execute(sql).fetchone()[0] for label, sql in SUMMARY_QUERIES.items()}
    except duckdb.Error as exc:
        return f"published warehouse not readable: {exc}"


def summarize(result: dg.ExecuteInProcessResult, published: Path, seconds: float) -> tuple[str, bool]:
    evaluations = result.get_asset_check_evaluations()
    failed = [e for e in evaluations if not e.passed]
    blocking = [e for e in failed if e.severity == dg.AssetCheckSeverity.ERROR]
    ok = result.success and not blocking
    lines = [f"newsfacts refresh {'succeeded' if ok else 'FAILED'} in {seconds:.1f}s (run {result.run_id})"]
    counts = warehouse_counts(published)
    lines.append(f"  published warehouse: {published}")
    if isinstance(counts, str):
        lines.append(f"  {counts}")
    else:
        lines.append("  " + ", ".join(f"{label}: {n}" for label, n in counts.items()))
    lines.append(
        f"  checks passed: {len(evaluations) - len(failed)}, failed: {len(failed)} (blocking: {len(blocking)})"
    )
    for e in failed:
        kind = "BLOCKING" if e in blocking else "warning "
        lines.append(f"    {kind} {e.asset_key.to_user_string()}:{e.check_name} {e.description or ''}")
    if not result.success and not blocking:
        for event in result.all_events:
            if event.is_step_failure:
                lines.append(f"    step failed: {event.step_key}: {event.event_specific_data.error.message.strip()}")
    return "\n".join(lines), ok


# Runs started here say which process runs them. A run whose process was killed (OOM killer, SIGKILL,
# power cut) stays "STARTED" in Dagster's storage forever, and with `max_concurrent_runs: 1` it would
# hold the queue of scheduled and sensor runs for good; the next `make run` marks it failed instead.
PID_TAG = "newsfacts/pid"
HOST_TAG = "newsfacts/host"
_IN_PROGRESS = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]


def fail_abandoned_runs(instance: dg.DagsterInstance) -> list[str]:
    """Mark failed the in-progress runs started by this script on this host whose process is gone."""
    host = socket.gethostname()
    failed = []
    for record in instance.get_run_records(dg.RunsFilter(statuses=_IN_PROGRESS, tags={HOST_TAG: host})):
        run = record.dagster_run
        pid = run.tags.get(PID_TAG, "")
        if pid.isdigit() and not _process_alive(int(pid)):
            instance.report_run_failed(run, f"abandoned: its process ({pid} on {host}) ended without finishing it")
            failed.append(run.run_id)
    return failed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main() -> int:
    started = time.perf_counter()
    progress.echo_to(sys.stdout)
    instance = dg.DagsterInstance.get()
    abandoned = fail_abandoned_runs(instance)
    result = defs.resolve_job_def("refresh").execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config=QUIET,
        tags={PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()},
    )
    published = Path(os.environ.get("WAREHOUSE_PATH") or "warehouse/news.duckdb").resolve()
    text, ok = summarize(result, published, time.perf_counter() - started)
    if abandoned:
        text += f"\n  marked failed {len(abandoned)} earlier run(s) whose process was killed: {', '.join(abandoned)}"
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
