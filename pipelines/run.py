"""`make run`: one refresh of the whole graph, then a short summary; non-zero exit when a blocking check fails."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb

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


def main() -> int:
    started = time.perf_counter()
    instance = dg.DagsterInstance.get()
    result = defs.resolve_job_def("refresh").execute_in_process(
        instance=instance, raise_on_error=False, run_config=QUIET
    )
    published = Path(os.environ.get("WAREHOUSE_PATH") or "warehouse/news.duckdb").resolve()
    text, ok = summarize(result, published, time.perf_counter() - started)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
