"""Claims stage: claim sentences of each body and the figures each one carries."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from newsfacts.claims import extract_claims
from newsfacts.stages import figures
from newsfacts.stages.ids import span_id
from newsfacts.stages.runner import StageReport, run_document_stage
from newsfacts.versioning import source_digest

STAGE = "claims"

CLAIM_SCHEMA = {
    "claim_id": pl.String,
    "document_id": pl.String,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "text": pl.String,
    "speaker": pl.String,
    "claim_type": pl.String,
    "hedged": pl.Boolean,
    "cluster_id": pl.String,
    "extractor_version": pl.String,
}
LINK_SCHEMA = {"claim_id": pl.String, "figure_id": pl.String, "document_id": pl.String}


def extractor_version() -> str:
    return f"claims-{source_digest('newsfacts.claims', 'newsfacts.sentences')}"


def version() -> str:
    """Claims depend on the figures found in their sentences, so on the figures' version too."""
    return f"{extractor_version()}|{figures.version()}"


def claims_batch(
    batch: Sequence[tuple[str, str, int, int, list[tuple[str, int, int]]]],
) -> dict[str, pl.DataFrame]:
    ver = extractor_version()
    claims, links = [], []
    for document_id, text, body_start, body_end, figs in batch:
        spans = [(s, e) for _, s, e in figs]
        for c in extract_claims(text, body_start, body_end, spans):
            claim_id = span_id("clm", document_id, c.char_start, c.char_end)
            claims.append(
                {
                    "claim_id": claim_id,
                    "document_id": document_id,
                    "char_start": c.char_start,
                    "char_end": c.char_end,
                    "text": c.text,
                    "speaker": c.speaker,
                    "claim_type": c.claim_type,
                    "hedged": c.hedged,
                    "cluster_id": None,
                    "extractor_version": ver,
                }
            )
            links.extend(
                {"claim_id": claim_id, "figure_id": fid, "document_id": document_id}
                for fid, s, e in figs
                if c.char_start <= s and e <= c.char_end
            )
    return {
        "claims": pl.DataFrame(claims, schema=CLAIM_SCHEMA),
        "claim_figures": pl.DataFrame(links, schema=LINK_SCHEMA),
    }


def process_claims(con: duckdb.DuckDBPyConnection, workers: int = 1) -> StageReport:
    return run_document_stage(
        con,
        STAGE,
        version(),
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
