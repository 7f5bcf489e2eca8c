"""What each asset check verifies, in the words the Dagster UI shows beside its name."""

from __future__ import annotations

BLOCKING_NOTE = "Blocking: a failure stops published_warehouse in the same run."

INTEGRITY = {
    "documents": "At least one document landed; document_id and source_path set and unique; content_sha256 is a "
    "SHA-256 hex digest; char_count equals the number of code points of raw_text.",
    "document_metadata": "One metadata row per document and no orphans; body_start/body_end set and inside the "
    "document; published_date not in the future; word_count not negative.",
    "figures": "figure_id unique; no orphans; offsets inside the document and the stored span equal to the text at "
    "those offsets; kind, unit and qualifier in the contract's vocabulary; ranges and bounds well formed.",
    "claims": "claim_id unique; no orphans; offsets inside the document and the stored span equal to the claim "
    "text; claim_type in the contract's vocabulary.",
    "claim_figures": "Each (claim, figure) pair once; both ends exist; a claim and its figures come from the same "
    "document.",
    "claim_clusters": "cluster_id unique; every cluster_id on claims has its row; representative_text set; "
    "n_sources >= 1 and n_claims / n_sources match the claims carrying the cluster.",
    "metric_consistency": "One row per fact and unit; verdict in the contract's vocabulary; sources, n_sources and "
    "n_mentions agree; value_min <= value_max.",
}


def integrity_description(table: str) -> str:
    """The check's description: what the table's suite verifies, then that it blocks publishing."""
    return f"Great Expectations suite `{table}_integrity`. {INTEGRITY[table]} {BLOCKING_NOTE}"
