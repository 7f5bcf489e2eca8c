"""Provenance checks: every stored span must point back into its document.

Character offsets are 0-based code-point offsets into ``documents.raw_text``, end exclusive, so
``substr(raw_text, char_start + 1, char_end - char_start)`` must be exactly the stored span. The checks
are computed here, row by row, with DuckDB (which can see every document's text without copying it to
Python) and come out as boolean columns (``offsets_in_document``, ``span_matches``) that the
Great Expectations suites then validate, so GX reports the unexpected counts and offending ids.

``span_check_select`` builds the SQL; ``span_checks`` runs it and returns a polars frame, for callers
that want the booleans without GX (e.g. a quick assertion in another module's tests).
"""

from __future__ import annotations

import duckdb
import polars as pl


# One row per document id even if `documents` itself holds a duplicate key (the duplicate is reported
# by documents_integrity; here it must not multiply figure/claim rows into false duplicates).
def documents_dedup_sql(where: str | None = None) -> str:
    """One row per document id, with its text; `where` restricts the documents (the rows a suite checks).

    The row kept for an id is its first stored one, picked by a narrow aggregate over row ids and a
    semi-join. Grouping the texts themselves (`any_value(raw_text) ... GROUP BY document_id`) made
    DuckDB hold every text in the aggregate's hash table and again in the join's, which ran out of
    its memory limit at 100,000 articles (570 MB of text under the stages' 1 GB); a filtered table
    scan feeds the join, which spills.
    """
    restrict = f" AND ({where})" if where else ""
    return (
        "SELECT document_id, raw_text, char_count FROM documents WHERE rowid IN "
        f"(SELECT min(rowid) FROM documents WHERE document_id IS NOT NULL{restrict} GROUP BY document_id)"
    )


DOCUMENTS_DEDUP_SQL = documents_dedup_sql()

# Snippets are only materialised for failing rows, so the frame handed to GX stays small even for
# hundreds of thousands of rows.
SNIPPET_CHARS = 60


def span_check_columns(alias: str, text_column: str, doc_alias: str = "d") -> str:
    """SELECT-list fragment computing the provenance booleans for table alias ``alias``.

    ``doc_alias`` must be a LEFT JOIN of DOCUMENTS_DEDUP_SQL on document_id.
    Produces: char_count, document_exists, offsets_in_document, span_matches, stored_text, document_span
    (the last two only set when the span does not match).
    """
    a, d, t = alias, doc_alias, text_column
    offsets_ok = (
        f"coalesce({a}.char_start >= 0 AND {a}.char_start < {a}.char_end AND {a}.char_end <= {d}.char_count, false)"
    )
    span = f"substr({d}.raw_text, {a}.char_start + 1, {a}.char_end - {a}.char_start)"
    span_ok = f"coalesce({offsets_ok} AND {span} = {a}.{t}, false)"
    return f""",
        {d}.char_count AS char_count,
        ({d}.document_id IS NOT NULL) AS document_exists,
        {offsets_ok} AS offsets_in_document,
        {span_ok} AS span_matches,
        CASE WHEN NOT {span_ok} THEN left({a}.{t}, {SNIPPET_CHARS}) END AS stored_text,
        CASE WHEN NOT {span_ok} AND {offsets_ok} THEN left({span}, {SNIPPET_CHARS}) END AS document_span"""


def span_check_select(table: str, id_column: str, text_column: str) -> str:
    """SQL returning one row per row of ``table`` with its id, offsets and provenance booleans."""
    return f"""
    SELECT t.{id_column}, t.document_id, t.char_start, t.char_end{span_check_columns("t", text_column)}
    FROM {table} AS t
    LEFT JOIN ({DOCUMENTS_DEDUP_SQL}) AS d ON d.document_id = t.document_id
    """


def span_checks(con: duckdb.DuckDBPyConnection, table: str = "figures") -> pl.DataFrame:
    """Provenance booleans for ``figures`` (span column raw_text) or ``claims`` (span column text)."""
    if table == "figures":
        sql = span_check_select("figures", "figure_id", "raw_text")
    elif table == "claims":
        sql = span_check_select("claims", "claim_id", "text")
    else:
        raise ValueError(f"no span columns known for table {table!r}")
    return con.execute(sql).pl()
