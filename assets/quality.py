"""Great Expectations suites reported as Dagster asset checks, and recorded in `validation_results`.

Integrity suites are blocking (ERROR): a failure stops `published_warehouse` in the same run, so
broken data never reaches BI. Each check appends its expectations to `validation_results` and
refreshes the offline HTML report in `warehouse/data_docs/`.

A suite's outcome is a function of its definition, the code and library versions (GX, pandas,
DuckDB) that run it, and the content of the tables it reads. When none of these changed since the
suite last ran on this staging database (nothing landed, nothing reprocessed: a no-op refresh), the
stored outcome is reused instead of importing GX (2-7 s) and validating again; the run still appends
its rows to `validation_results`, and the check's metadata says which run the outcome was computed
in. Set the `Warehouse` resource's `reuse_validations` to false to always run GX.
"""

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import version as package_version
from typing import TYPE_CHECKING

import dagster as dg
import duckdb
from dagster import AssetCheckExecutionContext

from assets.resources import Warehouse
from newsfacts.versioning import source_digest
from newsfacts.warehouse import audit, staging
from newsfacts.warehouse.schema import VALIDATION_RESULTS

if TYPE_CHECKING:
    from newsfacts.quality.runner import SuiteOutcome
    from newsfacts.quality.suites import SuiteSpec

EXAMPLES_SHOWN = 5


def integrity_check(table: str) -> dg.AssetChecksDefinition:
    """The blocking integrity check of `table`, defined beside the asset it checks."""

    @dg.asset_check(
        asset=table,
        name="integrity",
        blocking=True,
        description=f"Great Expectations suite `{table}_integrity`: keys, provenance (offsets and spans), "
        "vocabularies, value ranges and orphans. Blocks publishing on failure.",
    )
    def _integrity(context: AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
        from newsfacts.quality.runner import gx_context, run_suite, suite_for_table

        # The suites' queries hold every document's text in one hash table: not under the stages' limit.
        with warehouse.connect(limit_memory=False) as con:
            spec = suite_for_table(table)

            def run() -> "SuiteOutcome":
                gx_context()  # import GX before the suite's clock starts, as run_integrity_suite does
                return run_suite(con, spec)

            outcome, how = validate_or_reuse(context, con, warehouse, spec, run)
            audit.record_audit(con, table, outcome.success)
            return record_and_report(context, con, warehouse, outcome, dg.AssetCheckSeverity.ERROR, how)

    return _integrity


def _content(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """What a suite reads of `table`: what its audit covers when it has one, else the whole table."""
    return audit.content_digest(con, table) if table in audit.AUDITED_TABLES else staging.table_fingerprint(con, table)


def validation_input_key(con: duckdb.DuckDBPyConnection, spec: "SuiteSpec") -> str:
    """Digest of everything a suite's outcome depends on: change any of it and the suite runs again."""
    tables = dict.fromkeys((spec.table, *spec.reads))
    h = hashlib.sha256()
    for part in (
        spec.name,
        spec.version,
        spec.query,
        repr(spec.expectations),
        str(spec.blocking),
        *(package_version(p) for p in ("great_expectations", "pandas", "duckdb")),
        source_digest("newsfacts.quality"),
        *(f"{t}={_content(con, t)}" for t in tables),
    ):
        h.update(part.encode())
        h.update(b"\x1f")
    return h.hexdigest()


def validate_or_reuse(
    context: AssetCheckExecutionContext,
    con: duckdb.DuckDBPyConnection,
    warehouse: Warehouse,
    spec: "SuiteSpec",
    run: Callable[[], "SuiteOutcome"],
) -> tuple["SuiteOutcome", dict[str, object]]:
    """The suite's outcome, run with GX or reused when its inputs are unchanged; plus how it was obtained."""
    from newsfacts.quality.runner import ExpectationOutcome, SuiteOutcome

    started = time.perf_counter()
    key = validation_input_key(con, spec)
    if warehouse.reuse_validations:
        row = con.execute(
            "SELECT run_id, validated_at, outcome FROM _validation_cache WHERE suite = ? AND input_key = ?",
            [spec.name, key],
        ).fetchone()
        if row is not None:
            try:
                stored = json.loads(row[2])
                expectations = [ExpectationOutcome(**o) for o in stored.pop("outcomes")]
                outcome = SuiteOutcome(outcomes=expectations, **{**stored, "seconds": time.perf_counter() - started})
            except (TypeError, ValueError, KeyError):
                pass  # stored by other code: validate again
            else:
                reused = f"reused: inputs unchanged since run {row[0]} ({row[1]:%Y-%m-%d %H:%M:%S}); GX not run"
                return outcome, {"validation": reused}
    outcome = run()
    crashed = any((o.observed_value or "").startswith("error: ") for o in outcome.outcomes)
    if not crashed:  # a suite GX or DuckDB could not run is not a result worth keeping
        con.execute("DELETE FROM _validation_cache WHERE suite = ?", [spec.name])
        con.execute(
            "INSERT INTO _validation_cache VALUES (?, ?, ?, ?, ?)",
            [spec.name, key, context.run.run_id, datetime.now(), json.dumps(dataclasses.asdict(outcome))],
        )
    return outcome, {"validation": "run with Great Expectations"}


def record_and_report(
    context: AssetCheckExecutionContext,
    con: duckdb.DuckDBPyConnection,
    warehouse: Warehouse,
    outcome,
    severity: dg.AssetCheckSeverity,
    extra_metadata: dict[str, object] | None = None,
) -> dg.AssetCheckResult:
    """Append the suite's expectations to validation_results, rewrite the report, build the check result."""
    from newsfacts.quality.report import write_run_report
    from newsfacts.quality.runner import outcomes_to_rows

    staging.insert(con, VALIDATION_RESULTS, outcomes_to_rows([outcome], context.run.run_id, datetime.now()))
    report = write_run_report(con, warehouse.reports_dir, context.run.run_id, [outcome])
    failed = [o for o in outcome.outcomes if not o.success]
    lines = [
        f"| {o.expectation} | {o.column_name or ''} | {'✅' if o.success else '❌'} | {o.observed_value or ''} "
        f"| {o.unexpected_count if o.unexpected_count is not None else ''} "
        f"| {'; '.join(o.unexpected_examples[:EXAMPLES_SHOWN]).replace('|', '/')} |"
        for o in sorted(outcome.outcomes, key=lambda o: o.success)
    ]
    table = "| expectation | column | ok | observed | unexpected | examples |\n|---|---|---|---|---|---|\n"
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=severity,
        description=f"{len(failed)} of {len(outcome.outcomes)} expectations failed" if failed else None,
        metadata={
            "suite": outcome.suite,
            "expectations": len(outcome.outcomes),
            "failed": len(failed),
            "failed_expectations": ", ".join(
                o.expectation + (f"({o.column_name})" if o.column_name else "") for o in failed
            ),
            "results": dg.MetadataValue.md(table + "\n".join(lines)),
            "seconds": round(outcome.seconds, 3),
            "report": dg.MetadataValue.path(str(report)),
            **(extra_metadata or {}),
        },
    )
