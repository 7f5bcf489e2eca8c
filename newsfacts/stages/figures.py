"""Figures stage: every numeric figure in each document body."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache, partial
from pathlib import Path

import duckdb
import polars as pl

from newsfacts.figures import EXTRACTOR_VERSION, MetricCatalog, extract_figures, load_catalog
from newsfacts.stages import metadata
from newsfacts.stages.ids import span_id
from newsfacts.stages.runner import StageReport, run_document_stage
from newsfacts.versioning import source_digest

STAGE = "figures"
PACKAGED_CATALOG = Path(__file__).resolve().parents[1] / "metrics.yaml"
FACT_TABLES = Path(__file__).resolve().parents[1] / "facts"

SCHEMA = {
    "figure_id": pl.String,
    "document_id": pl.String,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "raw_text": pl.String,
    "kind": pl.String,
    "value": pl.Float64,
    "value_low": pl.Float64,
    "value_high": pl.Float64,
    "unit": pl.String,
    "qualifier": pl.String,
    "metric": pl.String,
    "subject": pl.String,
    "sentence": pl.String,
    "extractor_version": pl.String,
    "concept": pl.String,
    "per_unit": pl.String,
    "direction": pl.String,
    "endpoint": pl.String,
    "dimension": pl.String,
    "period": pl.String,
    "fact_key": pl.String,
}


def extractor_version(catalog_path: Path | None = None) -> str:
    """Changes with the extractor's code, the sentence splitter and the metric catalog."""
    catalog = str(catalog_path or PACKAGED_CATALOG)
    facts = tuple(str(p) for p in sorted(FACT_TABLES.glob("*.yaml")))
    digest = source_digest("newsfacts.figures", "newsfacts.facts", "newsfacts.sentences", extra_files=(catalog, *facts))
    return f"{EXTRACTOR_VERSION}+{digest}"


def version(catalog_path: Path | None = None) -> str:
    """What the stored figures depend on: the extractor and the body bounds it searched."""
    return f"{extractor_version(catalog_path)}|{metadata.version()}"


@cache
def _catalog(path: str | None) -> MetricCatalog:
    return load_catalog(path)


def figures_batch(
    batch: Sequence[tuple[str, str, int, int, dt.date | None]], catalog_path: str | None = None
) -> dict[str, pl.DataFrame]:
    catalog = _catalog(catalog_path)
    ver = extractor_version(Path(catalog_path) if catalog_path else None)
    rows = []
    for document_id, text, body_start, body_end, published in batch:
        for f in extract_figures(text, body_start, body_end, catalog, published_date=published):
            rows.append(
                {
                    "figure_id": span_id("fig", document_id, f.char_start, f.char_end),
                    "document_id": document_id,
                    "char_start": f.char_start,
                    "char_end": f.char_end,
                    "raw_text": f.raw_text,
                    "kind": f.kind,
                    "value": f.value,
                    "value_low": f.value_low,
                    "value_high": f.value_high,
                    "unit": f.unit,
                    "qualifier": f.qualifier,
                    "metric": f.metric,
                    "subject": f.subject,
                    "sentence": f.sentence,
                    "extractor_version": ver,
                    "concept": f.concept,
                    "per_unit": f.per_unit,
                    "direction": f.direction,
                    "endpoint": f.endpoint,
                    "dimension": f.dimension,
                    "period": f.period,
                    "fact_key": f.fact_key,
                }
            )
    return {"figures": pl.DataFrame(rows, schema=SCHEMA)}


def process_figures(con: duckdb.DuckDBPyConnection, catalog_path: Path | None = None, workers: int = 1) -> StageReport:
    path = str(catalog_path) if catalog_path else None
    return run_document_stage(
        con,
        STAGE,
        version(catalog_path),
        """
        SELECT d.document_id, d.raw_text, m.body_start, m.body_end, m.published_date
        FROM documents d JOIN document_metadata m USING (document_id)
        WHERE d.document_id IN (SELECT document_id FROM ids)
        """,
        partial(figures_batch, catalog_path=path),
        workers,
    )
