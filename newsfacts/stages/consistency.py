"""Consistency stage: per fact (a metric of one subject for one period), do the documents agree?

The report's `rows` holds `facts_compared` (facts that two or more documents report) and
`facts_conflicting`, for the run summary.
"""

from __future__ import annotations

import time

import duckdb

from newsfacts.consistency import build_metric_consistency
from newsfacts.stages.graph import CONSISTENCY as STAGE
from newsfacts.stages.graph import StageConfig, corpus_state, pending_corpus, version
from newsfacts.stages.runner import StageReport
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import METRIC_CONSISTENCY


def build_consistency(
    con: duckdb.DuckDBPyConnection, force: bool = False, config: StageConfig | None = None
) -> StageReport:
    started = time.perf_counter()
    config = config or StageConfig()
    report = StageReport(STAGE.name, version(STAGE, config))
    state = pending_corpus(con, STAGE, config)
    if state is None and not force:
        report.skipped = 1
        return report
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
        staging.set_global_state(con, STAGE.name, state or corpus_state(con, STAGE, config))
    report.processed = mentions.height
    report.rows = {
        "metric_consistency": table.height,
        "facts_compared": table.filter(table["n_sources"] > 1).height,
        "facts_conflicting": table.filter(table["verdict"] == "conflict").height,
    }
    report.seconds = time.perf_counter() - started
    return report
