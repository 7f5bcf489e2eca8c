"""Metadata stage: one `document_metadata` row per document, and the values it set aside as issues."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import polars as pl

from newsfacts.metadata import parse_metadata
from newsfacts.metadata.model import DocumentIssue, DocumentMetadata
from newsfacts.stages.graph import METADATA as STAGE
from newsfacts.stages.graph import StageConfig, version
from newsfacts.stages.runner import StageReport, run_document_stage
from newsfacts.warehouse.schema import DOCUMENT_ISSUES, DOCUMENT_METADATA, record_row

# A date more than this far past the latest date anywhere on Earth is not trusted, whatever the parser
# made of it (time zones put "today" a day ahead of UTC somewhere).
FUTURE_TOLERANCE = dt.timedelta(days=1)


def latest_trusted_date() -> dt.date:
    """The latest publication date believed: today at UTC+14, plus the tolerance."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date() + FUTURE_TOLERANCE


def trusted(m: DocumentMetadata, latest: dt.date) -> DocumentMetadata:
    """The record with a future published_date set aside as an issue (if the parser did not already)."""
    if m.published_date is None or m.published_date <= latest:
        return m
    issue = DocumentIssue(
        "published_date", m.published_date.isoformat(), f"published_date is in the future (after {latest})"
    )
    return DocumentMetadata(**{**record_row(m), "published_date": None, "issues": (*m.issues, issue)})


def metadata_batch(batch: Sequence[tuple[str, str]]) -> dict[str, pl.DataFrame]:
    latest, now = latest_trusted_date(), dt.datetime.now()
    rows, issues = [], []
    for document_id, text in batch:
        m = trusted(parse_metadata(text), latest)
        rows.append(record_row(m, document_id=document_id))
        issues.extend(record_row(i, document_id=document_id, detected_at=now) for i in m.issues)
    return {"document_metadata": DOCUMENT_METADATA.frame(rows), "document_issues": DOCUMENT_ISSUES.frame(issues)}


def process_metadata(
    con: duckdb.DuckDBPyConnection, workers: int = 1, config: StageConfig | None = None
) -> StageReport:
    return run_document_stage(
        con,
        STAGE.name,
        version(STAGE, config or StageConfig()),
        "SELECT document_id, raw_text FROM documents WHERE document_id IN (SELECT document_id FROM ids)",
        metadata_batch,
        workers,
    )
