"""Column names the tests hold the warehouse to, written out by hand (never derived from the registry,
so a registry edit that renames, drops or reorders a column fails a test). Shared by the tests that
check published tables, views and the frames the quality code builds.
"""

from __future__ import annotations

# What a figure states, in the order the BI views and the consistency inputs put them.
FIGURE_VALUE_COLUMNS = ["metric", "unit", "kind", "value", "value_low", "value_high", "qualifier", "raw_text"]

VALIDATION_RESULTS_COLUMNS = [
    "run_id",
    "suite",
    "expectation",
    "column_name",
    "success",
    "observed_value",
    "unexpected_count",
    "validated_at",
]

# The contract's columns (../shared/CONTRACT.md): every published table holds these, in this order,
# first; later versions only add columns after them.
CONTRACT_COLUMNS = {
    "documents": [
        "document_id",
        "file_name",
        "source_path",
        "content_sha256",
        "raw_text",
        "char_count",
        "ingested_at",
    ],
    "document_metadata": [
        "document_id",
        "title",
        "author",
        "published_date",
        "publisher",
        "description",
        "sentiment_label",
        "sentiment_score",
        "word_count",
        "body_start",
        "body_end",
    ],
    "figures": [
        "figure_id",
        "document_id",
        "char_start",
        "char_end",
        "raw_text",
        "kind",
        "value",
        "value_low",
        "value_high",
        "unit",
        "qualifier",
        "metric",
        "subject",
        "sentence",
        "extractor_version",
    ],
    "claims": [
        "claim_id",
        "document_id",
        "char_start",
        "char_end",
        "text",
        "speaker",
        "claim_type",
        "hedged",
        "cluster_id",
    ],
    "claim_figures": ["claim_id", "figure_id"],
    "claim_clusters": ["cluster_id", "representative_text", "n_sources", "n_claims"],
    "metric_consistency": [
        "metric",
        "unit",
        "n_sources",
        "n_mentions",
        "value_min",
        "value_max",
        "verdict",
        "sources",
    ],
    "validation_results": VALIDATION_RESULTS_COLUMNS,
    "rejected_documents": ["source_path", "reason", "detected_at"],
}
