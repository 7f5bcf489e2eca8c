"""The table registry: every warehouse table's columns declared once, with type, nullability and meaning.

Everything else derives from it: the DuckDB DDL of staging and of the published file, the Polars
schemas the stages build their frames with, the list of published and audited tables, the column
descriptions written into the published file (`COMMENT ON`, for BI tools) and the column schema the
Dagster UI shows before the first run. Adding a column is one line in its table's `columns(...)` text
here plus the code that fills it. Columns may only ever be added (see CONTRACT.md), never renamed or dropped.

Most tables are stored in staging as they are published. A table with `view_sql` is published from
a view over stored tables: `claims` joins the stored claim rows with the cluster memberships the
clusters stage writes, so no stage updates another stage's rows.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import polars as pl

CONTRACT_VERSION = "2"

# DuckDB type -> the Polars dtype the stages build frames with (Arrow hands one to the other as is).
POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "DOUBLE": pl.Float64(),
    "BOOLEAN": pl.Boolean(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "VARCHAR[]": pl.List(pl.String()),
    "DOUBLE[]": pl.List(pl.Float64()),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type, one of POLARS_TYPES
    description: str
    nullable: bool = True

    @property
    def polars(self) -> pl.DataType:
        return POLARS_TYPES[self.type]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    per_document: bool = True  # rows belong to one document and are replaced (and deleted) with it
    description: str = ""
    published: bool = True
    asset: str = ""  # the Dagster asset that materializes it (default: the table's own name)
    view_sql: str = ""  # staging defines it as this view over stored tables instead of storing it
    # The table whose blocking integrity check vouches for this one's content (None: not audited).
    audited_by: str | None = None

    def __post_init__(self) -> None:
        assert all(c.type in POLARS_TYPES for c in self.columns), self.name

    def ddl(self, schema: str = "main", constraints: bool = True, keys: bool = True) -> str:
        """CREATE TABLE; without `constraints` (keys, NOT NULL) for warehouses built to be broken in tests;
        without `keys`, NOT NULL but no primary key (staging: see staging._prepare)."""
        cols = [f'"{c.name}" {c.type}{"" if c.nullable or not constraints else " NOT NULL"}' for c in self.columns]
        if self.primary_key and constraints and keys:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in self.primary_key) + ")")
        return f'CREATE TABLE IF NOT EXISTS {schema}."{self.name}" (\n  ' + ",\n  ".join(cols) + "\n)"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def polars_schema(self) -> dict[str, pl.DataType]:
        return {c.name: c.polars for c in self.columns}

    @property
    def asset_name(self) -> str:
        return self.asset or self.name

    @property
    def stored(self) -> bool:
        return not self.view_sql

    def comments(self) -> Iterator[str]:
        """`COMMENT ON` statements carrying the descriptions into a DuckDB file."""
        yield f'COMMENT ON TABLE "{self.name}" IS {sql_string(self.description)}'
        for c in self.columns:
            yield f'COMMENT ON COLUMN "{self.name}"."{c.name}" IS {sql_string(c.description)}'

    def frame(self, rows: Iterable[Mapping[str, object]]) -> pl.DataFrame:
        """Rows (dicts with this table's column names) as a frame of exactly this table's schema."""
        return pl.DataFrame(list(rows), schema=self.polars_schema)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class: `dataclasses.fields` per row was a third of
    `record_row`'s cost, and the claims stage calls it for every claim (38 per article)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def record_row(record: object, **columns: object) -> dict[str, object]:
    """A row dict from a dataclass record, by field name, plus the columns the record does not hold.

    Fields the table does not store are dropped by `Table.frame` / `staging.frame` (they select by name).
    """
    return {**{name: getattr(record, name) for name in _field_names(type(record))}, **columns}


def sql_string(value: str) -> str:
    """A SQL string literal, for the few statements that cannot take bound parameters."""
    return "'" + value.replace("'", "''") + "'"


# Descriptions several tables share, written `{name}` in a column table.
_SHARED_DESCRIPTIONS = {
    "document": "The document (documents.document_id).",
    "start": "0-based Unicode code-point offset of the span in documents.raw_text.",
    "end": "End offset of the span in documents.raw_text (exclusive).",
}


def columns(table: str) -> tuple[Column, ...]:
    """Columns from a text table, one per line: name, DuckDB type (`NOT NULL` when required), description.

    Fields are separated by two or more spaces; a line holding only text continues the description above.
    Tables are written as text so that each reads like the contract's own column list.
    """
    rows: list[list[str]] = []
    for line in table.strip().splitlines():
        fields = re.split(r"\s{2,}", line.strip())
        if len(fields) == 1 and rows:
            rows[-1][2] += " " + fields[0]
        else:
            assert len(fields) == 3, line
            rows.append(fields)
    return tuple(
        Column(
            name,
            type_.removesuffix(" NOT NULL"),
            description.format_map(_SHARED_DESCRIPTIONS),
            nullable=not type_.endswith(" NOT NULL"),
        )
        for name, type_, description in rows
    )


DOCUMENTS = Table(
    "documents",
    columns("""
        document_id     VARCHAR NOT NULL  Stable id of the file: its path relative to SEEDS_DIR without extension.
        file_name       VARCHAR           Base name of the file, with extension.
        source_path     VARCHAR           Path of the file relative to SEEDS_DIR.
        content_sha256  VARCHAR           SHA-256 hex digest of the file's bytes.
        raw_text        VARCHAR           The file as decoded, unchanged; every offset points into it.
        char_count      INTEGER           Number of code points of raw_text.
        ingested_at     TIMESTAMP         When this content of the file was landed.
        encoding        VARCHAR           The encoding the bytes were decoded with.
        size_bytes      BIGINT            Size of the file in bytes.
        duplicate_of    VARCHAR           The first document with the same bytes under another name, if any.
    """),
    ("document_id",),
    description="One row per landed document: the file as decoded, unchanged.",
    audited_by="documents",
)

DOCUMENT_METADATA = Table(
    "document_metadata",
    columns("""
        document_id         VARCHAR NOT NULL  {document}
        title               VARCHAR           Headline; NULL when the document states none.
        author              VARCHAR           Byline author(s); NULL when not stated.
        published_date      DATE              Publication date; NULL when absent or not trusted (see document_issues).
        publisher           VARCHAR           Publishing outlet; NULL when not stated.
        description         VARCHAR           Summary or standfirst from the front matter; NULL when absent.
        sentiment_label     VARCHAR           Sentiment label stated in the document; NULL when absent.
        sentiment_score     DOUBLE            Sentiment score stated in the document; NULL when absent.
        word_count          INTEGER           Words in the article body.
        body_start          INTEGER           Offset where the body starts (front matter, navigation fall outside).
        body_end            INTEGER           Offset where the body ends, exclusive (trailers, calls to action fall
                                              outside).
        front_matter_error  VARCHAR           Why the front matter could not be read, if it could not.
    """),
    ("document_id",),
    description="Title, author, date, sentiment and body bounds; NULL where the document does not say.",
    audited_by="document_metadata",
)

DOCUMENT_ISSUES = Table(
    "document_issues",
    columns("""
        document_id  VARCHAR NOT NULL  {document}
        field        VARCHAR           The column the value was meant for (e.g. published_date); it is left NULL there.
        value        VARCHAR           The value as found in the document.
        reason       VARCHAR           Why the value is not trusted, human readable.
        detected_at  TIMESTAMP         When the value was set aside.
    """),
    description="Values found in a document but not trusted (a date in the future, an impossible number): set "
    "aside here and left NULL in their table, so they never stop the other documents from being published.",
    asset="document_metadata",
    audited_by="document_metadata",
)

FIGURES = Table(
    "figures",
    columns("""
        figure_id          VARCHAR NOT NULL  Stable id of the figure (from its document and span).
        document_id        VARCHAR NOT NULL  {document}
        char_start         INTEGER           {start}
        char_end           INTEGER           {end}
        raw_text           VARCHAR           The figure's span as written.
        kind               VARCHAR           money, percent, count, duration, date, ratio or quantity.
        value              DOUBLE            The value in its unit (signed); NULL for a range.
        value_low          DOUBLE            Lower bound: a range's low end, or what the qualifier bounds.
        value_high         DOUBLE            Upper bound: a range's high end, or what the qualifier bounds.
        unit               VARCHAR           ISO 4217 code (money), percent, count, a duration unit, year, times or a
                                             unit symbol.
        qualifier          VARCHAR           exact, approx, more_than, at_least, less_than, at_most or range.
        metric             VARCHAR           Canonical measure from the metric catalog; NULL when unknown.
        subject            VARCHAR           Who or what the figure is about; NULL when unknown.
        sentence           VARCHAR           The sentence the figure was found in.
        extractor_version  VARCHAR           Version of the code and catalog that extracted the figure.
        concept            VARCHAR           What the figure quantifies as the text names it, lower case; NULL when
                                             unnamed.
        per_unit           VARCHAR           Denominator of a rate (per barrel -> barrel); NULL otherwise.
        direction          VARCHAR           up or down when the figure is the size of a stated change; NULL otherwise.
        endpoint           VARCHAR           from or to when the figure is the level a stated change starts or ends at.
        dimension          VARCHAR           For kind quantity: length, mass, volume, energy, ... ; NULL otherwise.
        period             VARCHAR           The time the figure is about (2024, 2024-Q3, 2024-09-18); NULL when
                                             unknown.
        fact_key           VARCHAR           What sources are compared on: metric, subject and period; NULL when not
                                             compared.
    """),
    ("figure_id",),
    description="Numeric figures in document bodies, normalized, with exact offsets into documents.raw_text.",
    audited_by="figures",
)

_CLAIM_COLUMNS = columns("""
    claim_id     VARCHAR NOT NULL  Stable id of the claim (from its document and span).
    document_id  VARCHAR NOT NULL  {document}
    char_start   INTEGER           {start}
    char_end     INTEGER           {end}
    text         VARCHAR           The claim sentence (or clause) as written.
    speaker      VARCHAR           Who the words are attributed to; NULL for the author's own voice.
    claim_type   VARCHAR           quote, statistic, forecast, opinion or assertion.
    hedged       BOOLEAN           Whether the claim is hedged (may, could, expected to, ...).
""")
(_CLUSTER_ID,) = columns("cluster_id  VARCHAR  Claims that state the same thing across documents share it.")
(_CLAIMS_VERSION,) = columns("extractor_version  VARCHAR  Version of the code that extracted the claim.")

# Stored by the claims stage; published as `claims` with the clusters stage's cluster_id joined in.
CLAIM_ROWS = Table(
    "claim_rows",
    (*_CLAIM_COLUMNS, _CLAIMS_VERSION),
    ("claim_id",),
    description="Claims as extracted, before clustering.",
    published=False,
    asset="claims",
    audited_by="claims",
)

CLAIM_CLUSTER_MEMBERS = Table(
    "claim_cluster_members",
    columns("""
        claim_id    VARCHAR NOT NULL  The claim (claims.claim_id).
        cluster_id  VARCHAR NOT NULL  Its cluster (claim_clusters.cluster_id).
    """),
    ("claim_id",),
    per_document=False,  # written by the clusters stage alone, with its state: never half-updated
    description="Which cluster each claim belongs to.",
    published=False,
    asset="claim_clusters",
    audited_by="claim_clusters",
)

CLAIMS = Table(
    "claims",
    (*_CLAIM_COLUMNS, _CLUSTER_ID, _CLAIMS_VERSION),
    ("claim_id",),
    description="Claim sentences (or clauses) of each body: type, speaker, hedging, corroboration cluster.",
    view_sql=f"""
        SELECT {", ".join(f"r.{c.name}" for c in _CLAIM_COLUMNS)}, m.cluster_id, r.extractor_version
        FROM claim_rows AS r LEFT JOIN claim_cluster_members AS m USING (claim_id)
    """,
)

CLAIM_FIGURES = Table(
    "claim_figures",
    columns("""
        claim_id     VARCHAR NOT NULL  The claim (claims.claim_id).
        figure_id    VARCHAR NOT NULL  A figure the claim carries (figures.figure_id).
        document_id  VARCHAR NOT NULL  {document}
    """),
    ("claim_id", "figure_id"),
    description="Which figures each claim carries.",
    audited_by="claim_figures",
)

CLAIM_CLUSTERS = Table(
    "claim_clusters",
    columns("""
        cluster_id           VARCHAR NOT NULL  Id of the group of claims.
        representative_text  VARCHAR           The group's first claim in document order.
        n_sources            INTEGER           Distinct documents in the group.
        n_claims             INTEGER           Claims in the group.
    """),
    ("cluster_id",),
    per_document=False,
    description="Groups of claims that state the same thing across documents.",
    audited_by="claim_clusters",
)

METRIC_CONSISTENCY = Table(
    "metric_consistency",
    columns("""
        metric      VARCHAR NOT NULL  The canonical metric.
        unit        VARCHAR           Unit of the compared values.
        n_sources   INTEGER           Distinct documents reporting the fact.
        n_mentions  INTEGER           Figures reporting the fact.
        value_min   DOUBLE            Smallest value reported.
        value_max   DOUBLE            Largest value reported.
        verdict     VARCHAR           consistent, conflict or single_source.
        sources     VARCHAR[]         Ids of the documents reporting the fact.
        fact_key    VARCHAR           What the sources are compared on (as in figures.fact_key).
        subject     VARCHAR           Who or what the fact is about; NULL when unknown.
        period      VARCHAR           The time the fact is about; NULL when unknown.
        conflicts   VARCHAR           For a conflict: each disagreeing value as written, with its document.
    """),
    per_document=False,
    description="One row per fact (a metric, of one subject, for one period) and unit: do the sources agree?",
    audited_by="metric_consistency",
)

VALIDATION_RESULTS = Table(
    "validation_results",
    columns("""
        run_id            VARCHAR    The Dagster run that validated.
        suite             VARCHAR    The expectation suite.
        expectation       VARCHAR    The expectation's stable name within its suite.
        column_name       VARCHAR    The column(s) it checks, if any.
        success           BOOLEAN    Whether the expectation was met.
        observed_value    VARCHAR    What was observed, as text.
        unexpected_count  INTEGER    Rows that broke the expectation.
        validated_at      TIMESTAMP  When it was validated.
    """),
    per_document=False,
    description="Every expectation of every run, appended: data quality over time.",
)

REJECTED_DOCUMENTS = Table(
    "rejected_documents",
    columns("""
        source_path  VARCHAR    Path of the file relative to SEEDS_DIR.
        reason       VARCHAR    Why it could not be landed, human readable.
        detected_at  TIMESTAMP  When it was first rejected for this reason.
    """),
    per_document=False,
    description="Files that could not be landed, and why.",
)

# Internal bookkeeping of the staging database: which document content each stage has processed,
# with which version, and the input fingerprint each whole-corpus stage last ran on. Never published.
LEDGER = Table(
    "_ledger",
    columns("""
        stage        VARCHAR NOT NULL  The stage (or 'audit').
        document_id  VARCHAR NOT NULL  The document; '' for a whole-corpus state; the table for an audit.
        state        VARCHAR NOT NULL  What was processed: content hash and version, or an input fingerprint.
    """),
    ("stage", "document_id"),
    per_document=False,
    published=False,
)

# Internal: the last outcome of each validation suite and a key over its inputs (the suite's
# definition, the code and library that ran it, the content of the tables it reads). A run whose key
# matches reuses the outcome instead of running Great Expectations again. Never published.
VALIDATION_CACHE = Table(
    "_validation_cache",
    columns("""
        suite         VARCHAR NOT NULL  The suite.
        input_key     VARCHAR NOT NULL  Digest of everything its outcome depends on.
        run_id        VARCHAR           The run that computed the outcome.
        validated_at  TIMESTAMP         When.
        outcome       VARCHAR           The outcome as JSON.
    """),
    ("suite",),
    per_document=False,
    published=False,
)

# Internal: per key (a document_id), the sum of the row hashes of a table the scoped suites read, and
# under key '' the table's fingerprint those sums were computed on. Computed once per content of the
# table, then shared by every suite reading it (documents: four suites). Never published.
KEY_DIGESTS = Table(
    "_key_digests",
    columns("""
        source  VARCHAR NOT NULL  The table and its key column, as table.column (~narrow: audit.UPDATED_IN_PLACE).
        key     VARCHAR NOT NULL  The key's value; '' for the table fingerprint the digests hold for.
        state   VARCHAR NOT NULL  The key's sum of row hashes; for '', the table fingerprint.
    """),
    ("source", "key"),
    per_document=False,
    published=False,
)

# Internal state of the clusters stage (newsfacts/stages/corroboration.py), kept so that a refresh
# handles only the claims of the documents that changed. A unit is a distinct (claim text, figure
# keys): every claim of a unit lands in one cluster. Written by that stage alone, in the transaction
# of its memberships and clusters. Never published.
CLUSTER_UNITS = Table(
    "_cluster_units",
    columns("""
        unit         VARCHAR NOT NULL  Digest of the claim text and the figure keys its claims share.
        text         VARCHAR           The claim text, as written.
        key_metrics  VARCHAR[]         The figure keys' metrics, in the order of the sorted keys.
        key_values   DOUBLE[]          The figure keys' values, in the same order.
        normalised   VARCHAR           The text's content tokens (claims.normalise), space separated.
        document_id  VARCHAR           The document of its first claim in (document_id, char_start) order.
        char_start   INTEGER           That claim's offset.
        cluster_id   VARCHAR           The cluster its claims were given by the last run.
    """),
    ("unit",),
    per_document=False,
    published=False,
)
CLUSTER_CLAIMS = Table(
    "_cluster_claims",
    columns("""
        claim_id     VARCHAR NOT NULL  The claim (claim_rows.claim_id) as last clustered.
        document_id  VARCHAR NOT NULL  {document}
        char_start   INTEGER           {start}
        unit         VARCHAR NOT NULL  Its unit (_cluster_units.unit).
    """),
    ("claim_id",),
    per_document=False,  # the stage drops a changed document's rows itself: they name the units it left
    published=False,
)

ALL_TABLES: tuple[Table, ...] = (
    DOCUMENTS,
    DOCUMENT_METADATA,
    DOCUMENT_ISSUES,
    FIGURES,
    CLAIM_ROWS,
    CLAIM_CLUSTER_MEMBERS,
    CLAIMS,
    CLAIM_FIGURES,
    CLAIM_CLUSTERS,
    METRIC_CONSISTENCY,
    VALIDATION_RESULTS,
    REJECTED_DOCUMENTS,
    LEDGER,
    VALIDATION_CACHE,
    KEY_DIGESTS,
    CLUSTER_UNITS,
    CLUSTER_CLAIMS,
)
TABLES_BY_NAME = {t.name: t for t in ALL_TABLES}
PUBLISHED_TABLES: tuple[Table, ...] = tuple(t for t in ALL_TABLES if t.published)
STORED_TABLES: tuple[Table, ...] = tuple(t for t in ALL_TABLES if t.stored)
STAGING_VIEWS: tuple[Table, ...] = tuple(t for t in ALL_TABLES if not t.stored)
# The tables with a blocking integrity check, each vouching for the stored tables that name it.
AUDITED_TABLES: tuple[str, ...] = tuple(dict.fromkeys(t.audited_by for t in STORED_TABLES if t.audited_by))


def comment_statements() -> list[str]:
    """The descriptions of every published table and column, as `COMMENT ON` statements."""
    return [sql for t in PUBLISHED_TABLES for sql in t.comments()]
