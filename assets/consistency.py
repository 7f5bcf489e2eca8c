"""Consistency across sources: do the documents that report the same fact (a metric of one subject
for one period) agree?"""

import dagster as dg
import duckdb
from dagster import AssetExecutionContext

from assets.quality import integrity_check, warning_check
from assets.registry import stage_config, table_asset
from assets.resources import Warehouse
from assets.table_metadata import table_metadata
from newsfacts.quality.runner import SuiteOutcome, run_consistency_suite
from newsfacts.quality.suites import SuiteSpec, consistency_suite
from newsfacts.stages.consistency import build_consistency


@dg.asset(
    **table_asset(
        "metric_consistency",
        "consistency",
        "One row per fact (fact_key = metric|subject|period, and unit): how many sources report it, the "
        "range of values, and a verdict (consistent, conflict, single_source) built interval-aware from the qualifiers "
        "and the rounding of the digits as written, units converted within a dimension.",
    ),
)
def metric_consistency(context: AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        report = build_consistency(con, config=stage_config(warehouse, run_id=context.run.run_id))
        verdicts = dict(con.execute("SELECT verdict, count(*) FROM metric_consistency GROUP BY 1").fetchall())
        return dg.MaterializeResult(
            metadata=table_metadata(
                con,
                "metric_consistency",
                "SELECT fact_key, unit, n_sources, n_mentions, value_min, value_max, verdict, conflicts "
                "FROM metric_consistency ORDER BY verdict = 'conflict' DESC, n_sources DESC, fact_key LIMIT 20",
                recomputed=report.skipped == 0,
                facts_compared=verdicts.get("consistent", 0) + verdicts.get("conflict", 0),
                consistent=verdicts.get("consistent", 0),
                conflicts=verdicts.get("conflict", 0),
                single_source=verdicts.get("single_source", 0),
            )
        )


def _validate_consistency(con: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> SuiteOutcome:
    """The consistency suite is validated on the metric_consistency frame (runner.run_consistency_suite)."""
    return run_consistency_suite(con.execute("SELECT * FROM metric_consistency").pl())


sources_agree = warning_check(
    "metric_consistency",
    "sources_agree",
    "Great Expectations suite `metric_consistency` (WARN, never blocks: sources disagreeing is a "
    "finding, not broken data). Fails once per conflicting fact, with its fact_key, the values as written, their "
    "documents and sentences.",
    consistency_suite,
    _validate_consistency,
)


metric_consistency_integrity = integrity_check("metric_consistency")
