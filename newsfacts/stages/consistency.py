"""Consistency stage: per fact (a metric of one subject for one period), do the documents agree?

The report's `rows` holds `facts_compared` (facts that two or more documents report) and
`facts_conflicting`, for the run summary.
"""

from __future__ import annotations

import duckdb

from newsfacts.consistency import build_metric_consistency
from newsfacts.stages.graph import CONSISTENCY as STAGE
from newsfacts.stages.graph import StageConfig
from newsfacts.stages.runner import StageReport, start_corpus_stage
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import METRIC_CONSISTENCY


def build_consistency(
    con: duckdb.DuckDBPyConnection, force: bool = False, config: StageConfig | None = None
) -> StageReport:
    run = start_corpus_stage(con, STAGE, config, force)
    if isinstance(run, StageReport):
        return run
    report = run.report
    mentions = con.execute(
        """
        SELECT figure_id, document_id, metric, unit, kind, value, value_low, value_high, qualifier, raw_text,
               fact_key, sentence
        FROM figures WHERE fact_key IS NOT NULL ORDER BY document_id, char_start
        """
    ).pl()
    table = build_metric_consistency(mentions)
    with staging.transaction(con):
        con.execute("DELETE FROM metric_consistency")
        staging.insert(con, METRIC_CONSISTENCY, table)
        staging.set_global_state(con, STAGE.name, run.state)
    report.processed = mentions.height
    report.rows = {
        "metric_consistency": table.height,
        "facts_compared": table.filter(table["n_sources"] > 1).height,
        "facts_conflicting": table.filter(table["verdict"] == "conflict").height,
    }
    return run.finish()
