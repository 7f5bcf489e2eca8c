"""Metadata stage: one `document_metadata` row per document."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from newsfacts.metadata import parse_metadata
from newsfacts.stages.runner import StageReport, run_document_stage
from newsfacts.versioning import source_digest

STAGE = "metadata"


def version() -> str:
    return f"metadata-{source_digest('newsfacts.metadata')}"


def metadata_batch(batch: Sequence[tuple[str, str]]) -> dict[str, pl.DataFrame]:
    rows = []
    for document_id, text in batch:
        m = parse_metadata(text)
        rows.append(
            {
                "document_id": document_id,
                "title": m.title,
                "author": m.author,
                "published_date": m.published_date,
                "publisher": m.publisher,
                "description": m.description,
                "sentiment_label": m.sentiment_label,
                "sentiment_score": m.sentiment_score,
                "word_count": m.word_count,
                "body_start": m.body_start,
                "body_end": m.body_end,
                "front_matter_error": m.front_matter_error,
            }
        )
    return {"document_metadata": pl.DataFrame(rows, schema=SCHEMA)}


SCHEMA = {
    "document_id": pl.String,
    "title": pl.String,
    "author": pl.String,
    "published_date": pl.Date,
    "publisher": pl.String,
    "description": pl.String,
    "sentiment_label": pl.String,
    "sentiment_score": pl.Float64,
    "word_count": pl.Int32,
    "body_start": pl.Int32,
    "body_end": pl.Int32,
    "front_matter_error": pl.String,
}


def process_metadata(con: duckdb.DuckDBPyConnection, workers: int = 1) -> StageReport:
    return run_document_stage(
        con,
        STAGE,
        version(),
        "SELECT document_id, raw_text FROM documents WHERE document_id IN (SELECT document_id FROM ids)",
        metadata_batch,
        workers,
    )
