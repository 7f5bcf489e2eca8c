"""Claims stage: claim sentences of each body and the figures each one carries.

Cluster membership is not set here: the clusters stage writes it to its own table, and the published
`claims` joins it in (warehouse/schema.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from newsfacts.claims import extract_claims
from newsfacts.stages.graph import CLAIMS as STAGE
from newsfacts.stages.graph import StageConfig, own_version, version
from newsfacts.stages.ids import span_id
from newsfacts.stages.runner import StageReport, run_document_stage
from newsfacts.warehouse.schema import CLAIM_FIGURES, CLAIM_ROWS, record_row


def claims_batch(
    batch: Sequence[tuple[str, str, int, int, list[tuple[str, int, int]]]],
) -> dict[str, pl.DataFrame]:
    ver = own_version(STAGE, StageConfig())  # claims read no configuration
    claims, links = [], []
    for document_id, text, body_start, body_end, figs in batch:
        spans = [(s, e) for _, s, e in figs]
        for c in extract_claims(text, body_start, body_end, spans):
            claim_id = span_id("clm", document_id, c.char_start, c.char_end)
            claims.append(record_row(c, claim_id=claim_id, document_id=document_id, extractor_version=ver))
            links.extend(
                {"claim_id": claim_id, "figure_id": fid, "document_id": document_id}
                for fid, s, e in figs
                if c.char_start <= s and e <= c.char_end
            )
    return {CLAIM_ROWS.name: CLAIM_ROWS.frame(claims), CLAIM_FIGURES.name: CLAIM_FIGURES.frame(links)}


def process_claims(con: duckdb.DuckDBPyConnection, workers: int = 1, config: StageConfig | None = None) -> StageReport:
    return run_document_stage(
        con,
        STAGE.name,
        version(STAGE, config or StageConfig()),
        # Figures are gathered per document before the join: grouping the joined rows instead would
        # group (and hash) every document's raw_text.
        """
        SELECT d.document_id, d.raw_text, m.body_start, m.body_end, coalesce(f.spans, [])
        FROM documents d
        JOIN document_metadata m USING (document_id)
        LEFT JOIN (
            SELECT document_id, list((figure_id, char_start, char_end) ORDER BY char_start) AS spans
            FROM figures
            WHERE document_id IN (SELECT document_id FROM ids)
            GROUP BY document_id
        ) f USING (document_id)
        WHERE d.document_id IN (SELECT document_id FROM ids)
        """,
        claims_batch,
        workers,
    )
