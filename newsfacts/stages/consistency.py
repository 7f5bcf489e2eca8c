"""Consistency stage: per fact (a metric of one subject for one period), do the documents agree?

The report's `rows` holds `facts_compared` (facts that two or more documents report) and
`facts_conflicting`, for the run summary.
"""

from __future__ import annotations

import time

import duckdb

from newsfacts.consistency import build_metric_consistency
from newsfacts.stages import figures
from newsfacts.stages.runner import StageReport
from newsfacts.versioning import source_digest
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import METRIC_CONSISTENCY

STAGE = "consistency"


def version() -> str:
    return f"consistency-{source_digest('newsfacts.consistency')}"


def build_consistency(con: duckdb.DuckDBPyConnection, force: bool = False) -> StageReport:
    started = time.perf_counter()
    ver = version()
    state = f"{ver}|{staging.fingerprint(con, figures.STAGE)}"
    report = StageReport(STAGE, ver)
    if not force and staging.global_state(con, STAGE) == state:
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
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM metric_consistency")
        staging.insert(con, METRIC_CONSISTENCY, table)
        staging.set_global_state(con, STAGE, state)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    report.processed = mentions.height
    report.rows = {
        "metric_consistency": table.height,
        "facts_compared": table.filter(table["n_sources"] > 1).height,
        "facts_conflicting": table.filter(table["verdict"] == "conflict").height,
    }
    report.seconds = time.perf_counter() - started
    return report
