"""The warehouse tables: the contract's columns first, our additions after them.

One place defines every table so the staging database, the published file and the tests agree.
Columns may only ever be added here (see CONTRACT.md), never renamed or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    primary_key: tuple[str, ...] = ()
    per_document: bool = True  # rows belong to one document and are replaced with it
    description: str = ""

    def ddl(self, schema: str = "main") -> str:
        cols = [f'"{n}" {t}' for n, t in self.columns]
        if self.primary_key:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in self.primary_key) + ")")
        return f'CREATE TABLE IF NOT EXISTS {schema}."{self.name}" (\n  ' + ",\n  ".join(cols) + "\n)"

    @property
    def column_names(self) -> list[str]:
        return [n for n, _ in self.columns]


DOCUMENTS = Table(
    "documents",
    (
        ("document_id", "VARCHAR NOT NULL"),
        ("file_name", "VARCHAR"),
        ("source_path", "VARCHAR"),
        ("content_sha256", "VARCHAR"),
        ("raw_text", "VARCHAR"),
        ("char_count", "INTEGER"),
        ("ingested_at", "TIMESTAMP"),
        ("encoding", "VARCHAR"),
        ("size_bytes", "BIGINT"),
        ("duplicate_of", "VARCHAR"),
    ),
    ("document_id",),
    description="One row per landed document: the file as decoded, unchanged.",
)

DOCUMENT_METADATA = Table(
    "document_metadata",
    (
        ("document_id", "VARCHAR NOT NULL"),
        ("title", "VARCHAR"),
        ("author", "VARCHAR"),
        ("published_date", "DATE"),
        ("publisher", "VARCHAR"),
        ("description", "VARCHAR"),
        ("sentiment_label", "VARCHAR"),
        ("sentiment_score", "DOUBLE"),
        ("word_count", "INTEGER"),
        ("body_start", "INTEGER"),
        ("body_end", "INTEGER"),
        ("front_matter_error", "VARCHAR"),
    ),
    ("document_id",),
    description="Title, author, date, sentiment and body bounds; NULL where the document does not say.",
)

FIGURES = Table(
    "figures",
    (
        ("figure_id", "VARCHAR NOT NULL"),
        ("document_id", "VARCHAR NOT NULL"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("raw_text", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("value", "DOUBLE"),
        ("value_low", "DOUBLE"),
        ("value_high", "DOUBLE"),
        ("unit", "VARCHAR"),
        ("qualifier", "VARCHAR"),
        ("metric", "VARCHAR"),
        ("subject", "VARCHAR"),
        ("sentence", "VARCHAR"),
        ("extractor_version", "VARCHAR"),
        ("concept", "VARCHAR"),
        ("per_unit", "VARCHAR"),
        ("direction", "VARCHAR"),
        ("endpoint", "VARCHAR"),
        ("dimension", "VARCHAR"),
        ("period", "VARCHAR"),
        ("fact_key", "VARCHAR"),
    ),
    ("figure_id",),
    description="Numeric figures in document bodies, normalized, with exact offsets into documents.raw_text.",
)

CLAIMS = Table(
    "claims",
    (
        ("claim_id", "VARCHAR NOT NULL"),
        ("document_id", "VARCHAR NOT NULL"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
        ("speaker", "VARCHAR"),
        ("claim_type", "VARCHAR"),
        ("hedged", "BOOLEAN"),
        ("cluster_id", "VARCHAR"),
        ("extractor_version", "VARCHAR"),
    ),
    ("claim_id",),
    description="Claim sentences (or clauses) of each body: type, speaker, hedging, corroboration cluster.",
)

CLAIM_FIGURES = Table(
    "claim_figures",
    (
        ("claim_id", "VARCHAR NOT NULL"),
        ("figure_id", "VARCHAR NOT NULL"),
        ("document_id", "VARCHAR NOT NULL"),
    ),
    ("claim_id", "figure_id"),
    description="Which figures each claim carries.",
)

CLAIM_CLUSTERS = Table(
    "claim_clusters",
    (
        ("cluster_id", "VARCHAR NOT NULL"),
        ("representative_text", "VARCHAR"),
        ("n_sources", "INTEGER"),
        ("n_claims", "INTEGER"),
    ),
    ("cluster_id",),
    per_document=False,
    description="Groups of claims that state the same thing across documents.",
)

METRIC_CONSISTENCY = Table(
    "metric_consistency",
    (
        ("metric", "VARCHAR NOT NULL"),
        ("unit", "VARCHAR"),
        ("n_sources", "INTEGER"),
        ("n_mentions", "INTEGER"),
        ("value_min", "DOUBLE"),
        ("value_max", "DOUBLE"),
        ("verdict", "VARCHAR"),
        ("sources", "VARCHAR[]"),
        ("fact_key", "VARCHAR"),
        ("subject", "VARCHAR"),
        ("period", "VARCHAR"),
        ("conflicts", "VARCHAR"),
    ),
    per_document=False,
    description="Per fact (a metric of one subject for one period): do the documents that report it agree?",
)

VALIDATION_RESULTS = Table(
    "validation_results",
    (
        ("run_id", "VARCHAR"),
        ("suite", "VARCHAR"),
        ("expectation", "VARCHAR"),
        ("column_name", "VARCHAR"),
        ("success", "BOOLEAN"),
        ("observed_value", "VARCHAR"),
        ("unexpected_count", "INTEGER"),
        ("validated_at", "TIMESTAMP"),
    ),
    per_document=False,
    description="Every expectation of every run, appended: data quality over time.",
)

REJECTED_DOCUMENTS = Table(
    "rejected_documents",
    (("source_path", "VARCHAR"), ("reason", "VARCHAR"), ("detected_at", "TIMESTAMP")),
    per_document=False,
    description="Files that could not be landed, and why.",
)

# Internal bookkeeping of the staging database: which document content each stage has processed,
# with which code version. Never published.
LEDGER = Table(
    "_ledger",
    (("stage", "VARCHAR NOT NULL"), ("document_id", "VARCHAR NOT NULL"), ("state", "VARCHAR NOT NULL")),
    ("stage", "document_id"),
    per_document=False,
)

# Internal: the last outcome of each validation suite and a key over its inputs (the suite's
# definition, the code and library that ran it, the content of the tables it reads). A run whose key
# matches reuses the outcome instead of running Great Expectations again. Never published.
VALIDATION_CACHE = Table(
    "_validation_cache",
    (
        ("suite", "VARCHAR NOT NULL"),
        ("input_key", "VARCHAR NOT NULL"),
        ("run_id", "VARCHAR"),
        ("validated_at", "TIMESTAMP"),
        ("outcome", "VARCHAR"),
    ),
    ("suite",),
    per_document=False,
)

PUBLISHED_TABLES: tuple[Table, ...] = (
    DOCUMENTS,
    DOCUMENT_METADATA,
    FIGURES,
    CLAIMS,
    CLAIM_FIGURES,
    CLAIM_CLUSTERS,
    METRIC_CONSISTENCY,
    VALIDATION_RESULTS,
    REJECTED_DOCUMENTS,
)
ALL_TABLES: tuple[Table, ...] = (*PUBLISHED_TABLES, LEDGER, VALIDATION_CACHE)
TABLES_BY_NAME = {t.name: t for t in ALL_TABLES}
