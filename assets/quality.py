"""Great Expectations suites reported as Dagster asset checks, and recorded in `validation_results`.

Integrity suites are blocking (ERROR): a failure stops `published_warehouse` in the same run, so
broken data never reaches BI. Each check appends its expectations to `validation_results` and
refreshes the offline HTML report in `warehouse/data_docs/`.
"""

from datetime import datetime

import dagster as dg
import duckdb
from dagster import AssetCheckExecutionContext

from assets.resources import Warehouse
from newsfacts.warehouse import audit, staging
from newsfacts.warehouse.schema import VALIDATION_RESULTS

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
        from newsfacts.quality.runner import run_integrity_suite

        with warehouse.connect() as con:
            outcome = run_integrity_suite(con, table)
            audit.record_audit(con, table, outcome.success)
            return record_and_report(context, con, warehouse, outcome, dg.AssetCheckSeverity.ERROR)

    return _integrity


def record_and_report(
    context: AssetCheckExecutionContext,
    con: duckdb.DuckDBPyConnection,
    warehouse: Warehouse,
    outcome,
    severity: dg.AssetCheckSeverity,
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
        },
    )
