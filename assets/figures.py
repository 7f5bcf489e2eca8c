"""Figures: every numeric figure in every body, normalized and tied to its metric."""

from __future__ import annotations

from typing import Any

import duckdb

from assets.quality import integrity_check
from assets.registry import document_stage_asset
from assets.table_metadata import query_table
from newsfacts.stages.figures import process_figures


def _summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Figures by kind, and by metric with the documents reporting each."""
    return {
        "by_kind": query_table(con, "SELECT kind, count(*) AS figures FROM figures GROUP BY 1 ORDER BY 2 DESC"),
        "by_metric": query_table(
            con,
            "SELECT metric, count(*) AS figures, count(DISTINCT document_id) AS documents FROM figures "
            "WHERE metric IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 25",
        ),
    }


figures = document_stage_asset(
    "figures",
    "Money, percentages, counts, durations, dates and ratios found in document bodies: value, "
    "unit, qualifier, canonical metric, and exact character offsets into documents.raw_text.",
    process_figures,
    "SELECT document_id, raw_text, kind, value, value_low, value_high, unit, qualifier, metric "
    "FROM figures ORDER BY document_id, char_start LIMIT 15",
    _summary,
)


figures_integrity = integrity_check("figures")
