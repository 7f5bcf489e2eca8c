"""`make run`: one refresh of the whole graph, then a short summary; non-zero exit when a blocking check fails."""

from __future__ import annotations

from newsfacts.quality import worker as gx_worker

if __name__ == "__main__" and gx_worker.wanted():
    # First, before Dagster's imports (1.7 s): GX's import (4.4 s) then ends on the other core by the
    # time the first suite needs it (newsfacts/quality/worker.py).
    gx_worker.start()

import atexit
import logging
import os
import socket
import sqlite3
import sys
import time
from pathlib import Path
from typing import NoReturn

import dagster as dg
import duckdb

from assets.resources import TRIGGER_TAG
from newsfacts.stages import progress
from newsfacts.warehouse import lock
from newsfacts.warehouse.diagnosis import DEFAULT_ADVICE, advice
from newsfacts.warehouse.publish import process_alive
from pipelines.definitions import defs

# Step-by-step events are in the Dagster UI; the terminal gets warnings and the summary.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

SUMMARY_QUERIES = {
    "documents landed": "SELECT count(*) FROM documents",
    "rejected": "SELECT count(*) FROM rejected_documents",
    "figures": "SELECT count(*) FROM figures",
    "claims": "SELECT count(*) FROM claims",
    "corroborated claim clusters": "SELECT count(*) FROM claim_clusters WHERE n_sources > 1",
    # A fact is a metric of one subject for one period (metric_consistency has one row per fact and unit).
    "facts": "SELECT count(*) FROM metric_consistency",
    "facts compared (2+ sources)": "SELECT count(*) FROM metric_consistency WHERE n_sources > 1",
    "conflicting facts": "SELECT count(*) FROM metric_consistency WHERE verdict = 'conflict'",
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
        asset = e.asset_key.to_user_string()
        name = e.check_name if e.check_name.startswith(asset) else f"{asset}:{e.check_name}"
        lines.append(f"    {kind} {name} {e.description or ''}")
    lines.extend(f"  {note}" for note in run_notes(result))
    if not result.success:
        lines.extend(failure_lines(result))
    return "\n".join(lines), ok


def run_notes(result: dg.ExecuteInProcessResult) -> list[str]:
    """What the run did beyond the counts: a rebuilt staging database, an unchanged published file."""
    notes = []
    for event in result.get_asset_materialization_events():
        metadata = event.materialization.metadata
        key = event.asset_key.to_user_string()
        if key == "documents" and "staging_rebuilt" in metadata:
            notes.append(f"NOTE {metadata['staging_rebuilt'].value}")
        if key == "published_warehouse" and "publish_mode" in metadata:
            mode = metadata["publish_mode"].value
            notes.append(
                "published file unchanged: nothing differed, so it was not rewritten"
                if mode == "unchanged"
                else f"published file {mode}: {metadata['changed_tables'].value}"
            )
    return notes


def root_cause(error) -> tuple[str, str]:
    """The cause worth showing of a Dagster error (a SerializableErrorInfo): its type name and first line.

    Dagster's own wrappers ("Error occurred while executing op …") are skipped. Of the user's error and
    the errors it came from (its cause, or the error it was raised while handling: a failed ROLLBACK
    hides the full disk that failed the COMMIT), the first one we have specific advice for wins;
    otherwise the user's error itself.
    """
    while error.cause is not None and (error.cls_name or "").startswith("Dagster"):
        error = error.cause
    chain, seen = [], error
    while seen is not None and len(chain) < 10:
        chain.append(_type_and_message(seen))
        seen = seen.cause or seen.context
    return next((c for c in chain if advice(*c) != DEFAULT_ADVICE), chain[0])


def _type_and_message(error) -> tuple[str, str]:
    message = " ".join(error.message.strip().splitlines()[:1]) if error.message else ""
    # Dagster's message starts with the (possibly dotted) type name: keep only what follows it.
    marker = f"{error.cls_name}: " if error.cls_name else ""
    if marker and marker in message:
        message = message.split(marker, 1)[1]
    return error.cls_name or "", message


def failure_lines(result: dg.ExecuteInProcessResult) -> list[str]:
    """One line per failed step (or resource set-up): where, the root cause, then what to do."""
    lines, seen = [], set()
    for event in result.all_events:
        error = getattr(event.event_specific_data, "error", None)
        if error is None or not (event.is_step_failure or event.is_resource_init_failure):
            continue
        type_name, message = root_cause(error)
        if (type_name, message) in seen:
            continue
        seen.add((type_name, message))
        where = event.step_key or "run set-up"
        lines.append(f"    FAILED {where}: {type_name}: {message}")
        lines.append(f"      what to do: {advice(type_name, message)}")
    return lines


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
        if pid.isdigit() and not process_alive(int(pid)):
            instance.report_run_failed(run, f"abandoned: its process ({pid} on {host}) ended without finishing it")
            failed.append(run.run_id)
    return failed


# Dagster creates its SQLite storage the first time an instance is used; two processes doing that on a
# fresh DAGSTER_HOME at once race ("table secondary_indexes already exists"). `make run` creates and
# first uses its instance holding this lock, and retries once after a process outside it won the race.
INSTANCE_LOCK = ".newsfacts-instance.lock"
INSTANCE_LOCK_SECONDS = 300.0


def open_instance() -> dg.DagsterInstance:
    """The DAGSTER_HOME instance, its storage created (or migrated) by one process at a time."""
    home = Path(os.environ.get("DAGSTER_HOME") or ".").resolve()
    with lock.exclusive(home / INSTANCE_LOCK, "", INSTANCE_LOCK_SECONDS, on_wait=_say, what="Dagster storage set-up"):
        for attempt in (1, 2):
            try:
                instance = dg.DagsterInstance.get()
                instance.get_runs(limit=1)  # run storage
                instance.get_latest_materialization_event(dg.AssetKey("documents"))  # event log index
                instance.all_instigator_state()  # schedule storage
                return instance
            except sqlite3.OperationalError as exc:
                if attempt == 2 or "already exists" not in str(exc):
                    raise
                time.sleep(1.0)
    raise AssertionError("unreachable")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> int:
    started = time.perf_counter()
    progress.echo_to(sys.stdout)
    try:
        instance = open_instance()
    except Exception as exc:  # noqa: BLE001 - every failure here becomes one line and advice
        message = " ".join(str(exc).strip().splitlines()[:1])
        print(f"newsfacts refresh FAILED: cannot use DAGSTER_HOME ({os.environ.get('DAGSTER_HOME') or '.'})")
        print(f"    FAILED instance set-up: {type(exc).__name__}: {message}")
        print(f"      what to do: {advice(type(exc).__name__, message)}")
        return 2
    abandoned = fail_abandoned_runs(instance)
    result = defs.resolve_job_def("refresh").execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config=QUIET,
        tags={PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname(), TRIGGER_TAG: "cli"},
    )
    published = Path(os.environ.get("WAREHOUSE_PATH") or "warehouse/news.duckdb").resolve()
    text, ok = summarize(result, published, time.perf_counter() - started)
    if abandoned:
        text += f"\n  marked failed {len(abandoned)} earlier run(s) whose process was killed: {', '.join(abandoned)}"
    print(text)
    return 0 if ok else 1


def leave(code: int) -> NoReturn:
    """Exit with `code` once the exit functions have run and the streams are flushed, skipping the
    interpreter's teardown of every module's objects (about 1 s after a refresh, when all that is left
    to do is free memory the process is about to give back): every connection and file the run opened
    is closed by then, and Dagster's storage commits each event as it is written."""
    atexit._run_exitfuncs()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    leave(main())
