"""Metadata: title, author, date, sentiment and the bounds of each article body."""

import dagster as dg
from dagster import AssetCheckExecutionContext

from assets.quality import integrity_check, record_and_report, validate_or_reuse
from assets.registry import stage_config, table_asset
from assets.resources import Warehouse
from assets.table_metadata import stage_metadata
from newsfacts.stages.metadata import process_metadata


@dg.asset(
    **table_asset(
        "document_metadata",
        "extraction",
        "One row per document: front matter, headline, byline, sentiment trailers and body bounds "
        "(front matter, calls to action, navigation and author bios fall outside). NULL where absent.",
    ),
)
def document_metadata(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        report = process_metadata(con, warehouse.n_workers, stage_config(warehouse))
        filled = con.execute(
            "SELECT count(title), count(author), count(published_date), count(sentiment_label), "
            "count(front_matter_error) FROM document_metadata"
        ).fetchone()
        return dg.MaterializeResult(
            metadata=stage_metadata(
                con,
                "document_metadata",
                "SELECT document_id, title, author, published_date, sentiment_label, sentiment_score, "
                "word_count, body_start, body_end FROM document_metadata ORDER BY document_id LIMIT 10",
                report,
                processed_key="processed",
                version_key="parser_version",
                with_title=filled[0],
                with_author=filled[1],
                with_published_date=filled[2],
                with_sentiment=filled[3],
                front_matter_errors=filled[4],
            )
        )


document_metadata_integrity = integrity_check("document_metadata")


@dg.asset_check(
    asset=document_metadata,
    name="document_issues",
    description="Great Expectations suite `document_issues` (WARN, never blocks: one document's content is a "
    "finding, not broken data). Lists each value set aside (a date in the future, ...) with its file; the "
    "value is NULL in its table and every other document is published.",
)
def document_issues(context: AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
    from newsfacts.quality.runner import gx_context, run_suite
    from newsfacts.quality.suites import document_issues_suite

    with warehouse.connect() as con:
        spec = document_issues_suite()

        def run():
            gx_context()
            return run_suite(con, spec)

        outcome, how = validate_or_reuse(context, con, warehouse, spec, run)
        return record_and_report(context, con, warehouse, outcome, dg.AssetCheckSeverity.WARN, how)
