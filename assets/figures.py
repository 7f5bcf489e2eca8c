"""Figures: every numeric figure in every body, normalized and tied to its metric."""

from __future__ import annotations

import dagster as dg

from assets.quality import integrity_check
from assets.registry import stage_config, table_asset
from assets.resources import Warehouse
from assets.table_metadata import query_table, stage_metadata
from newsfacts.stages.figures import process_figures


@dg.asset(
    **table_asset(
        "figures",
        "extraction",
        "Money, percentages, counts, durations, dates and ratios found in document bodies: value, "
        "unit, qualifier, canonical metric, and exact character offsets into documents.raw_text.",
    ),
)
def figures(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        report = process_figures(con, stage_config(warehouse), warehouse.n_workers)
        return dg.MaterializeResult(
            metadata=stage_metadata(
                con,
                "figures",
                "SELECT document_id, raw_text, kind, value, value_low, value_high, unit, qualifier, metric "
                "FROM figures ORDER BY document_id, char_start LIMIT 15",
                report,
                by_kind=query_table(con, "SELECT kind, count(*) AS figures FROM figures GROUP BY 1 ORDER BY 2 DESC"),
                by_metric=query_table(
                    con,
                    "SELECT metric, count(*) AS figures, count(DISTINCT document_id) AS documents FROM figures "
                    "WHERE metric IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 25",
                ),
            )
        )


figures_integrity = integrity_check("figures")
