"""Metadata: title, author, date, sentiment and the bounds of each article body."""

from __future__ import annotations

import dagster as dg

from assets.quality import integrity_check
from assets.resources import Warehouse
from assets.table_metadata import table_metadata
from newsfacts.stages.metadata import process_metadata


@dg.asset(
    deps=["documents"],
    group_name="extraction",
    kinds={"duckdb", "python"},
    description="One row per document: front matter, headline, byline, sentiment trailers and body bounds "
    "(front matter, calls to action, navigation and author bios fall outside). NULL where absent.",
)
def document_metadata(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        report = process_metadata(con, warehouse.n_workers)
        filled = con.execute(
            "SELECT count(title), count(author), count(published_date), count(sentiment_label), "
            "count(front_matter_error) FROM document_metadata"
        ).fetchone()
        return dg.MaterializeResult(
            metadata=table_metadata(
                con,
                "document_metadata",
                "SELECT document_id, title, author, published_date, sentiment_label, sentiment_score, "
                "word_count, body_start, body_end FROM document_metadata ORDER BY document_id LIMIT 10",
                processed=report.processed,
                skipped_unchanged=report.skipped,
                seconds=round(report.seconds, 3),
                **report.throughput,
                with_title=filled[0],
                with_author=filled[1],
                with_published_date=filled[2],
                with_sentiment=filled[3],
                front_matter_errors=filled[4],
                parser_version=report.version,
            )
        )


document_metadata_integrity = integrity_check("document_metadata")
