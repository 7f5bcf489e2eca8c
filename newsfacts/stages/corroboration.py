"""Corroboration stage: group claims that state the same thing across documents.

Runs over all claims (clusters span documents), but only when something it reads changed (its
declaration in graph.py: the claims, the figures they carry, the figures' metrics). It writes only
its own tables, the memberships and the clusters, in one transaction with its state: a run killed
anywhere leaves the previous clustering whole, and the next run recomputes it if its inputs moved.

It writes only what changed: memberships whose cluster moved, appeared or went, and clusters whose
row (representative, counts) differs. DuckDB compares the new result with the stored one, so a new
file rewrites a few rows instead of every membership, and the tables end as a full rewrite would.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl
import pyarrow as pa

from newsfacts.claims import ClusterInput, cluster_claims
from newsfacts.stages.graph import CLUSTERS as STAGE
from newsfacts.stages.graph import StageConfig
from newsfacts.stages.runner import StageReport, start_corpus_stage
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import CLAIM_CLUSTER_MEMBERS

# Claims converted to Python objects per slice of the (streamed) query result.
STREAM_ROWS = 100_000


def cluster_inputs(batches: Iterable[pa.RecordBatch]) -> tuple[pa.ChunkedArray, list[ClusterInput]]:
    """The claim ids (kept as Arrow) and one ClusterInput per row of (claim_id, document_id, text, keys).

    Streamed: only the ClusterInputs the clustering needs become Python objects, one slice at a time.
    Document ids, texts (syndicated copy repeats sentences verbatim) and figure-key sets repeat across
    claims, so each distinct one is kept once.
    """
    doc_ids: dict[str, str] = {}
    texts: dict[str, str] = {}
    key_sets: dict[frozenset[tuple[str, float]], frozenset[tuple[str, float]]] = {}
    empty: frozenset[tuple[str, float]] = frozenset()
    claim_ids: list[pa.Array] = []
    inputs: list[ClusterInput] = []
    for batch in batches:
        claim_ids.append(batch.column("claim_id"))
        columns = (batch.column(name).to_pylist() for name in ("document_id", "text", "keys"))
        for doc, text, keys in zip(*columns, strict=True):
            keyset = empty
            if keys:
                found = frozenset((k["metric"], float(k["value"])) for k in keys)
                keyset = key_sets.setdefault(found, found)
            inputs.append(ClusterInput(doc_ids.setdefault(doc, doc), texts.setdefault(text, text), keyset))
    return pa.chunked_array(claim_ids, type=pa.string()), inputs


def build_clusters(
    con: duckdb.DuckDBPyConnection, force: bool = False, config: StageConfig | None = None
) -> StageReport:
    run = start_corpus_stage(con, STAGE, config, force)
    if isinstance(run, StageReport):
        return run
    report = run.report
    # Figure keys are gathered per claim before the join, so no grouping runs over the claims' text.
    result = con.execute(
        """
        SELECT c.claim_id, c.document_id, c.text, k.keys
        FROM claim_rows c
        LEFT JOIN (
            SELECT cf.claim_id, list({'metric': f.metric, 'value': f.value}) AS keys
            FROM claim_figures cf JOIN figures f ON f.figure_id = cf.figure_id
            WHERE f.metric IS NOT NULL AND f.value IS NOT NULL
            GROUP BY cf.claim_id
        ) k USING (claim_id)
        ORDER BY c.document_id, c.char_start
        """
    )
    claim_ids, inputs = cluster_inputs(result.to_arrow_reader(STREAM_ROWS))
    cluster_ids = cluster_claims(inputs) if inputs else []
    del inputs
    assignments = pl.DataFrame(
        {"claim_id": pl.from_arrow(claim_ids), "cluster_id": pl.Series(cluster_ids, dtype=pl.String)}
    )
    del claim_ids, cluster_ids
    with staging.transaction(con):
        write_changes(con, assignments.filter(pl.col("cluster_id").is_not_null()))
        staging.set_global_state(con, STAGE.name, run.state)
        n_clusters = con.execute("SELECT count(*) FROM claim_clusters").fetchone()[0]
    report.processed = assignments.height
    report.rows = {"claim_clusters": n_clusters}
    return run.finish()


def write_changes(con: duckdb.DuckDBPyConnection, assignments: pl.DataFrame) -> None:
    """Make the memberships `assignments` (claim_id, cluster_id) and their clusters, writing only differences."""
    members = CLAIM_CLUSTER_MEMBERS.name
    con.register("_assigned", staging.frame(assignments, CLAIM_CLUSTER_MEMBERS).to_arrow())
    try:
        con.execute(
            f"""DELETE FROM {members} AS m WHERE NOT EXISTS
                (SELECT 1 FROM _assigned AS a WHERE a.claim_id = m.claim_id AND a.cluster_id = m.cluster_id)"""
        )
        con.execute(
            f"""INSERT INTO {members} (claim_id, cluster_id)
                SELECT a.claim_id, a.cluster_id FROM _assigned AS a
                WHERE NOT EXISTS (SELECT 1 FROM {members} AS m WHERE m.claim_id = a.claim_id)"""
        )
    finally:
        con.unregister("_assigned")
    # Representative: the cluster's first claim in (document_id, char_start) order.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _clusters_now AS
            SELECT m.cluster_id, arg_min(c.text, (c.document_id, c.char_start)) AS representative_text,
                   count(DISTINCT c.document_id)::INTEGER AS n_sources, count(*)::INTEGER AS n_claims
            FROM {members} AS m JOIN claim_rows AS c USING (claim_id) GROUP BY m.cluster_id"""
    )
    con.execute(
        """DELETE FROM claim_clusters AS k WHERE NOT EXISTS (
               SELECT 1 FROM _clusters_now AS n WHERE n.cluster_id = k.cluster_id
               AND n.representative_text IS NOT DISTINCT FROM k.representative_text
               AND n.n_sources IS NOT DISTINCT FROM k.n_sources AND n.n_claims IS NOT DISTINCT FROM k.n_claims)"""
    )
    con.execute(
        """INSERT INTO claim_clusters (cluster_id, representative_text, n_sources, n_claims)
           SELECT n.cluster_id, n.representative_text, n.n_sources, n.n_claims FROM _clusters_now AS n
           WHERE NOT EXISTS (SELECT 1 FROM claim_clusters AS k WHERE k.cluster_id = n.cluster_id)"""
    )
    con.execute("DROP TABLE _clusters_now")
