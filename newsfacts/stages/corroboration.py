"""Corroboration stage: group claims that state the same thing across documents.

Runs over all claims (clusters span documents), but only when the claims or figures changed.
"""

from __future__ import annotations

import time

import duckdb
import polars as pl

from newsfacts.claims import ClusterInput, cluster_claims
from newsfacts.stages import claims
from newsfacts.stages.runner import StageReport
from newsfacts.versioning import source_digest
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import CLAIM_CLUSTERS

STAGE = "clusters"


def version() -> str:
    return f"clusters-{source_digest('newsfacts.claims')}|{claims.version()}"


def build_clusters(con: duckdb.DuckDBPyConnection, force: bool = False) -> StageReport:
    started = time.perf_counter()
    ver = version()
    state = f"{ver}|{staging.fingerprint(con, claims.STAGE)}"
    report = StageReport(STAGE, ver)
    if not force and staging.global_state(con, STAGE) == state:
        report.skipped = 1
        return report
    rows = con.execute(
        """
        SELECT c.claim_id, c.document_id, c.text,
               coalesce(list((f.metric, f.value)) FILTER (WHERE f.metric IS NOT NULL AND f.value IS NOT NULL), [])
        FROM claims c
        LEFT JOIN claim_figures cf USING (claim_id)
        LEFT JOIN figures f ON f.figure_id = cf.figure_id
        GROUP BY c.claim_id, c.document_id, c.text, c.char_start
        ORDER BY c.document_id, c.char_start
        """
    ).fetchall()
    inputs = [ClusterInput(doc, text, frozenset((m, float(v)) for m, v in keys)) for _, doc, text, keys in rows]
    cluster_ids = cluster_claims(inputs) if inputs else []
    assignments = pl.DataFrame(
        {
            "claim_id": [r[0] for r in rows],
            "document_id": [r[1] for r in rows],
            "text": [r[2] for r in rows],
            "cluster_id": cluster_ids,
        },
        schema={"claim_id": pl.String, "document_id": pl.String, "text": pl.String, "cluster_id": pl.String},
    )
    clusters = assignments.group_by("cluster_id", maintain_order=True).agg(
        pl.col("text").first().alias("representative_text"),
        pl.col("document_id").n_unique().cast(pl.Int32).alias("n_sources"),
        pl.len().cast(pl.Int32).alias("n_claims"),
    )
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_assign", assignments.select("claim_id", "cluster_id").to_arrow())
        con.execute(
            """
            UPDATE claims SET cluster_id = a.cluster_id FROM _assign a
            WHERE claims.claim_id = a.claim_id AND claims.cluster_id IS DISTINCT FROM a.cluster_id
            """
        )
        con.unregister("_assign")
        con.execute("DELETE FROM claim_clusters")
        staging.insert(con, CLAIM_CLUSTERS, clusters)
        staging.set_global_state(con, STAGE, state)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    report.processed = len(rows)
    report.rows = {"claim_clusters": clusters.height}
    report.seconds = time.perf_counter() - started
    return report
