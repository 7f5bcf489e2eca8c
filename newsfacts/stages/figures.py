"""Figures stage: every numeric figure in each document body."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import duckdb
import polars as pl

from newsfacts.figures import Figure, extract_figures, load_catalog
from newsfacts.metadata.furniture import on_furniture_lines
from newsfacts.stages.graph import FIGURES as STAGE
from newsfacts.stages.graph import PACKAGED_CATALOG, StageConfig, own_version, version
from newsfacts.stages.ids import span_id
from newsfacts.stages.runner import StageReport, run_document_stage
from newsfacts.warehouse.schema import FIGURES, record_row

__all__ = ["PACKAGED_CATALOG", "figures_batch", "process_figures"]

DEFAULT_CONFIG = StageConfig()


def figures_batch(
    batch: Sequence[tuple[str, str, int, int, object]], config: StageConfig = DEFAULT_CONFIG
) -> dict[str, pl.DataFrame]:
    catalog = load_catalog(config.catalog_path)  # cached until the file changes
    ver = own_version(STAGE, config)
    rows = []
    for document_id, text, body_start, body_end, published_date in batch:
        figures = extract_figures(text, body_start, body_end, catalog, published_date=published_date)
        for f in _outside_furniture(text, figures):
            figure_id = span_id("fig", document_id, f.char_start, f.char_end)
            rows.append(record_row(f, figure_id=figure_id, document_id=document_id, extractor_version=ver))
    return {"figures": FIGURES.frame(rows)}


def _outside_furniture(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures not on a line of page furniture inside the body ("ALSO READ: Gold hits $2,400",
    "RELATED: ..."), by the rules claims skip such lines by."""
    furniture = on_furniture_lines(text, (f.char_start for f in figures))
    return [f for f, skip in zip(figures, furniture, strict=True) if not skip]


def process_figures(con: duckdb.DuckDBPyConnection, config: StageConfig | None = None, workers: int = 1) -> StageReport:
    config = config or StageConfig()
    return run_document_stage(
        con,
        STAGE.name,
        version(STAGE, config),
        """
        SELECT d.document_id, d.raw_text, m.body_start, m.body_end, m.published_date
        FROM documents d JOIN document_metadata m USING (document_id)
        WHERE d.document_id IN (SELECT document_id FROM ids)
        """,
        partial(figures_batch, config=config),
        workers,
    )
