"""Metadata: title, author, date, sentiment and the bounds of each article body."""

from typing import Any

import duckdb

from assets.quality import integrity_check, warning_check
from assets.registry import document_stage_asset
from newsfacts.quality.runner import SuiteOutcome, gx_ready, run_suite
from newsfacts.quality.suites import SuiteSpec, document_issues_suite
from newsfacts.stages.metadata import process_metadata


def _summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """How many documents have each field filled, and how many front matters could not be read."""
    keys = ("with_title", "with_author", "with_published_date", "with_sentiment", "front_matter_errors")
    filled = con.execute(
        "SELECT count(title), count(author), count(published_date), count(sentiment_label), "
        "count(front_matter_error) FROM document_metadata"
    ).fetchone()
    return dict(zip(keys, filled, strict=True))


document_metadata = document_stage_asset(
    "document_metadata",
    "One row per document: front matter, headline, byline, sentiment trailers and body bounds "
    "(front matter, calls to action, navigation and author bios fall outside). NULL where absent.",
    process_metadata,
    "SELECT document_id, title, author, published_date, sentiment_label, sentiment_score, "
    "word_count, body_start, body_end FROM document_metadata ORDER BY document_id LIMIT 10",
    _summary,
    processed_key="processed",
    version_key="parser_version",
)


document_metadata_integrity = integrity_check("document_metadata")


def _validate_issues(con: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> SuiteOutcome:
    gx_ready()  # GX ready before the suite's clock starts
    return run_suite(con, spec)


document_issues = warning_check(
    "document_metadata",
    "document_issues",
    "Great Expectations suite `document_issues` (WARN, never blocks: one document's content is a "
    "finding, not broken data). Lists each value set aside (a date in the future, ...) with its file; the "
    "value is NULL in its table and every other document is published.",
    document_issues_suite,
    _validate_issues,
)
