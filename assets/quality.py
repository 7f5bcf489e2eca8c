"""Great Expectations suites reported as Dagster asset checks, and recorded in `validation_results`.

Integrity suites are blocking (ERROR): a failure stops `published_warehouse` in the same run, so
broken data never reaches BI. Each check is named after its table (`figures_integrity`), shows its
expectations as a table in its metadata, appends them to `validation_results` and refreshes the
offline HTML report in `warehouse/data_docs/`.

A suite's outcome is a function of its definition, the code and library versions (GX, pandas,
DuckDB) that run it, and the content of the tables it reads. When none of these changed since the
suite last ran on this staging database (nothing landed, nothing reprocessed: a no-op refresh), the
stored outcome is reused instead of importing GX (2-7 s) and validating again, and nothing is appended
to `validation_results` (it records runs that validated changed data, so a no-op refresh leaves the
published file as it was); the check's metadata says which run the outcome was computed in. Set the
`Warehouse` resource's `reuse_validations` to false to always run GX.
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

from assets.check_descriptions import integrity_description
from assets.resources import Warehouse, report_at_run_end
from assets.table_metadata import expectations_table
from newsfacts.versioning import source_digest
from newsfacts.warehouse import audit, staging
from newsfacts.warehouse.schema import VALIDATION_RESULTS

if TYPE_CHECKING:
    from newsfacts.quality.runner import SuiteOutcome
    from newsfacts.quality.suites import SuiteSpec

EXAMPLES_SHOWN = 5
# Metadata key of a reused outcome: the run that computed it (and recorded it in validation_results).
REUSED_FROM = "validated_in_run"


def integrity_check(table: str) -> dg.AssetChecksDefinition:
    """The blocking integrity check of `table`, defined beside the asset it checks."""

    @dg.asset_check(
        asset=table,
        name=f"{table}_integrity",
        blocking=True,
        description=integrity_description(table),
    )
    def _integrity(context: AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
        from newsfacts.quality.runner import gx_ready, run_suite, suite_for_table

        # A first (unscoped) run holds every document's text in one hash table: not under the stages' limit.
        with warehouse.connect(limit_memory=False) as con:
            spec = suite_for_table(table, con=con)
            audit.prime(con, spec, context.run.run_id)  # one read of a changed table for its digests and fingerprint

            changed: list[str | None] = []

            def run() -> "SuiteOutcome":
                # Only the keys whose rows changed since the suite last passed (all on a first run).
                changed.append(audit.changed_keys(con, spec, context.run.run_id))
                gx_ready()  # GX ready before the suite's clock starts, as run_integrity_suite does
                return run_suite(con, spec, changed[0])

            outcome, how = validate_or_reuse(context, con, warehouse, spec, run)
            if outcome.success and REUSED_FROM not in how:
                audit.record_pass(con, spec, context.run.run_id, changed[0] if changed else None)
            audit.record_audit(con, table, outcome.success, context.run.run_id)
            return record_and_report(context, con, warehouse, outcome, dg.AssetCheckSeverity.ERROR, how)

    return _integrity


def warning_check(
    asset: str,
    name: str,
    description: str,
    suite: Callable[[], "SuiteSpec"],
    run: Callable[[duckdb.DuckDBPyConnection, "SuiteSpec"], "SuiteOutcome"],
) -> dg.AssetChecksDefinition:
    """A WARN check of `asset` (never blocks: what it finds is about the content, not broken data).

    `run(con, spec)` validates the suite `suite()`, unless its inputs are unchanged since it last ran;
    the outcome is recorded and reported as every suite's is.
    """

    @dg.asset_check(asset=asset, name=name, description=description)
    def _warning(context: AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
        spec = suite()
        with warehouse.connect() as con:
            outcome, how = validate_or_reuse(context, con, warehouse, spec, lambda: run(con, spec))
            return record_and_report(context, con, warehouse, outcome, dg.AssetCheckSeverity.WARN, how)

    return _warning


def _content(con: duckdb.DuckDBPyConnection, table: str, run_id: str | None) -> str:
    """What a suite reads of `table`: what its audit covers when it has one, else the whole table.

    Hashed once per run (`run_id`, see staging.table_fingerprint): a check runs after every step that
    writes the tables its suite reads.
    """
    if table in audit.AUDITED_TABLES:
        return audit.content_digest(con, table, run_id)
    return staging.table_fingerprint(con, table, run_id=run_id)


def validation_input_key(con: duckdb.DuckDBPyConnection, spec: "SuiteSpec", run_id: str | None = None) -> str:
    """Digest of everything a suite's outcome depends on: change any of it and the suite runs again."""
    tables = dict.fromkeys((spec.table, *spec.reads))
    h = hashlib.sha256()
    for part in (
        spec.name,
        spec.version,
        spec.query,
        repr(spec.scope),
        repr(spec.expectations),
        str(spec.blocking),
        *(package_version(p) for p in ("great_expectations", "pandas", "duckdb")),
        source_digest("newsfacts.quality"),
        *(f"{t}={_content(con, t, run_id)}" for t in tables),
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
    key = validation_input_key(con, spec, context.run.run_id)
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
                return outcome, {"validation": reused, REUSED_FROM: row[0]}
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
    """Append the suite's expectations to validation_results (unless reused), rewrite the report, build the result.

    The metadata carries the report's content (every expectation, and the failed ones on their own)
    as markdown tables rather than a path on the server's disk.
    """
    from newsfacts.quality.report import save_run_outcomes, write_run_report
    from newsfacts.quality.runner import outcomes_to_rows

    extra = dict(extra_metadata or {})
    if REUSED_FROM not in extra:  # a reused outcome is already recorded, under the run that computed it
        staging.insert(con, VALIDATION_RESULTS, outcomes_to_rows([outcome], context.run.run_id, datetime.now()))
        # The page of a reused outcome is the one its run wrote: only suites that ran rewrite it, once
        # per run when the run's resource will (see report_at_run_end), else now.
        if report_at_run_end(context.run.run_id, warehouse.reports_dir):
            save_run_outcomes(warehouse.reports_dir, context.run.run_id, [outcome])
        else:
            write_run_report(con, warehouse.reports_dir, context.run.run_id, [outcome])
    failed = [o for o in outcome.outcomes if not o.success]
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=severity,
        description=f"{len(failed)} of {len(outcome.outcomes)} expectations failed" if failed else None,
        metadata={
            "suite": outcome.suite,
            "expectations": len(outcome.outcomes),
            "failed": len(failed),
            "failed_expectations": expectations_table(failed, EXAMPLES_SHOWN),
            "results": expectations_table(outcome.outcomes, EXAMPLES_SHOWN),
            "seconds": round(outcome.seconds, 3),
            **extra,
        },
    )
