"""Corroboration stage: group claims that state the same thing across documents.

Runs over all claims (clusters span documents), but only when something it reads changed (its
declaration in graph.py: the claims, the figures they carry, the figures' metrics). It writes only
its own tables, the memberships and the clusters, in one transaction with its state: a run killed
anywhere leaves the previous clustering whole, and the next run recomputes it if its inputs moved.

Python clusters each distinct (claim text, figure keys) once; DuckDB groups the claims into those
units and joins the clusters back. It writes only what changed, and reads back only what may have:

- each document's state (sums of its rows' hashes in claim_rows, claim_figures and figures, the
  per-key digests the integrity suites keep too) is kept from the last run: the documents whose
  state moved are the only ones whose claims, or their units, may have changed;
- a claim elsewhere keeps its unit, so it changes cluster only if its unit's cluster id moved, which
  one claim per unit (its anchor) tells: only the claims of moved documents and of moved units are
  reassigned, and memberships of claims that vanished are looked for only when the counts say some did;
- a cluster's row (representative, counts) is a function of its members' claim rows, so only the
  clusters that lost or gained a member or hold a claim of a moved document are recomputed.

A forced run, the first run and a run of another version recompute every membership and cluster
row and compare them with the stored ones. Either way the tables end as a full rewrite would.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl
import pyarrow as pa

from newsfacts.claims import ClusterInput, cluster_claims
from newsfacts.claims.clustering import PairCache
from newsfacts.stages.graph import CLUSTERS as STAGE
from newsfacts.stages.graph import StageConfig
from newsfacts.stages.runner import StageReport, start_corpus_stage
from newsfacts.warehouse import audit, staging
from newsfacts.warehouse.schema import CLAIM_CLUSTER_MEMBERS, KEY_DIGESTS

# The `_ledger` stage holding the scored pairs of large blocks (clustering.PairCache), one row per block
# under "<stage version>:<digest of its texts>": another version of the code scores every block again.
PAIRS_STAGE = "clusters:pairs"
# The `_ledger` stage holding each document's state (see document_states) as of this stage's last run
# (row '' holds the version it ran at): the documents whose state moved are those whose claims may have.
DOCS_STAGE = "clusters:documents"

# Units converted to Python objects per slice of the (streamed) query result.
STREAM_ROWS = 100_000

# The figure keys of every claim carrying any, as a canonical list (sorted, distinct: a set, as
# ClusterInput has it), so that claims with the same text and keys group in SQL. Only claims with
# figures are here: the claims themselves are read from claim_rows where needed, never copied whole.
CLAIM_KEYS_SQL = """
CREATE OR REPLACE TEMP TABLE _claim_keys AS
SELECT cf.claim_id, list_sort(list_distinct(list({'metric': f.metric, 'value': f.value}))) AS keys
FROM claim_figures cf JOIN figures f ON f.figure_id = cf.figure_id
WHERE f.metric IS NOT NULL AND f.value IS NOT NULL
GROUP BY cf.claim_id
"""
# Every claim with its keys (none: the empty list).
CLAIMS_WITH_KEYS = "claim_rows AS c LEFT JOIN _claim_keys AS k USING (claim_id)"
# One row per distinct (text, keys), in the order of its first claim by (document_id, char_start): the
# order `cluster_claims` would meet them in over every claim. Its smallest document stands for all its
# claims: a cluster's id comes from its smallest (document_id, text) member. `anchor` (incremental
# runs): its smallest claim in a document whose claims did not move, which was in the unit last time.
UNITS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _units AS
SELECT row_number() OVER (ORDER BY first_claim) - 1 AS unit, text, keys, document_id, anchor
FROM (
    SELECT c.text, coalesce(k.keys, []) AS keys, min(c.document_id) AS document_id,
           min({{{{'d': c.document_id, 'c': c.char_start}}}}) AS first_claim, {{anchor}} AS anchor
    FROM {CLAIMS_WITH_KEYS} {{join}} GROUP BY c.text, coalesce(k.keys, [])
)
"""
# Claims joined to their unit's cluster (the units of `_units` filtered by `{units}`).
_CLAIM_CLUSTERS = f"""
FROM {CLAIMS_WITH_KEYS}
JOIN (SELECT unit, text, keys FROM _units {{units}}) AS u ON u.text = c.text AND u.keys = coalesce(k.keys, [])
JOIN _unit_ids AS i ON i.unit = u.unit
"""
# Each claim's cluster, with what a cluster's row is made of: its document, position and unit (the
# unit holds the claim's text, so no claim text is copied).
ASSIGNED_SQL = f"""
CREATE OR REPLACE TEMP TABLE _assigned AS
SELECT c.claim_id, i.cluster_id, c.document_id, c.char_start, u.unit {_CLAIM_CLUSTERS.format(units="")}
"""
# Units whose cluster id is not the one their claims (in unmoved documents) were given last time.
MOVED_UNITS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _moved_units AS
SELECT u.unit FROM _units AS u JOIN _unit_ids AS i USING (unit)
LEFT JOIN {CLAIM_CLUSTER_MEMBERS.name} AS m ON m.claim_id = u.anchor
WHERE u.anchor IS NOT NULL AND m.cluster_id IS DISTINCT FROM i.cluster_id
"""
# The claims whose cluster may differ from their stored membership: those of moved documents, and
# those of moved units. Every other claim is where the last run put it.
REASSIGNED_SQL = f"""
CREATE OR REPLACE TEMP TABLE _assigned AS
SELECT c.claim_id, i.cluster_id {_CLAIM_CLUSTERS.format(units="")}
WHERE c.document_id IN (SELECT document_id FROM {{changed}})
UNION ALL
SELECT c.claim_id, i.cluster_id {_CLAIM_CLUSTERS.format(units="WHERE unit IN (SELECT unit FROM _moved_units)")}
WHERE c.document_id NOT IN (SELECT document_id FROM {{changed}})
"""


def units_sql(changed: str | None) -> str:
    """UNITS_SQL, with each unit's anchor when only the `changed` documents' claims moved."""
    if changed is None:
        return UNITS_SQL.format(anchor="NULL::VARCHAR", join="")
    return UNITS_SQL.format(
        anchor="min(c.claim_id) FILTER (WHERE ch.document_id IS NULL)",
        join=f"LEFT JOIN {changed} AS ch ON ch.document_id = c.document_id",
    )


def cluster_inputs(batches: Iterable[pa.RecordBatch]) -> list[ClusterInput]:
    """One ClusterInput per row of (document_id, text, keys), streamed one slice at a time."""
    key_sets: dict[frozenset[tuple[str, float]], frozenset[tuple[str, float]]] = {}
    empty: frozenset[tuple[str, float]] = frozenset()
    inputs: list[ClusterInput] = []
    for batch in batches:
        columns = (batch.column(name).to_pylist() for name in ("document_id", "text", "keys"))
        for doc, text, keys in zip(*columns, strict=True):
            keyset = empty
            if keys:
                found = frozenset((k["metric"], float(k["value"])) for k in keys)
                keyset = key_sets.setdefault(found, found)
            inputs.append(ClusterInput(doc, text, keyset))
    return inputs


def build_clusters(
    con: duckdb.DuckDBPyConnection, force: bool = False, config: StageConfig | None = None
) -> StageReport:
    """Cluster every claim, handing Python each distinct (text, figure keys) once.

    Syndicated copy repeats sentences verbatim, so the distinct units are far fewer than the claims;
    DuckDB groups the claims into units and joins the units' cluster ids back onto the claims. The
    clusters are those `cluster_claims` gives over every claim: it sees the same units in the same
    order, and a unit's smallest document is its claims' smallest.
    """
    run = start_corpus_stage(con, STAGE, config, force)
    if isinstance(run, StageReport):
        return run
    report = run.report
    document_states(con, (config or StageConfig()).run_id)
    changed = changed_documents(con, report.version, force)
    con.execute(CLAIM_KEYS_SQL)
    con.execute(units_sql(changed))
    result = con.execute("SELECT document_id, text, keys FROM _units ORDER BY unit")
    inputs = cluster_inputs(result.to_arrow_reader(STREAM_ROWS))
    cache = load_pairs(con, report.version)
    cluster_ids = cluster_claims(inputs, cache=cache) if inputs else []
    del inputs
    unit_ids = pl.DataFrame(
        {
            "unit": pl.Series(range(len(cluster_ids)), dtype=pl.Int64),
            "cluster_id": pl.Series(cluster_ids, dtype=pl.String),
        }
    )
    del cluster_ids
    with staging.registered(con, "_unit_ids", unit_ids):
        if changed is None:
            con.execute(ASSIGNED_SQL)
        else:
            con.execute(MOVED_UNITS_SQL)
            con.execute(REASSIGNED_SQL.format(changed=changed))
            con.execute("DROP TABLE _moved_units")
    con.execute("DROP TABLE _claim_keys")
    with staging.transaction(con):
        write_changes(con, changed)
        store_documents(con, report.version, changed)
        store_pairs(con, report.version, cache)
        staging.set_global_state(con, STAGE.name, run.state)
        n_clusters = con.execute("SELECT count(*) FROM claim_clusters").fetchone()[0]
    report.processed = con.execute("SELECT count(*) FROM _assigned").fetchone()[0]
    con.execute("DROP TABLE _assigned")
    con.execute("DROP TABLE _units")
    con.execute("DROP TABLE _document_states")
    if changed is not None:
        con.execute(f"DROP TABLE {changed}")
    report.rows = {"claim_clusters": n_clusters, "blocks_scored": cache.misses, "blocks_reused": cache.hits}
    return run.finish()


def load_pairs(con: duckdb.DuckDBPyConnection, version: str) -> PairCache:
    """The large blocks' pairs stored by the last run of this version of the stage."""
    prefix = f"{version}:"
    rows = con.execute(
        "SELECT document_id, state FROM _ledger WHERE stage = ? AND starts_with(document_id, ?)", [PAIRS_STAGE, prefix]
    ).fetchall()
    return PairCache({key.removeprefix(prefix): pairs for key, pairs in rows})


def store_pairs(con: duckdb.DuckDBPyConnection, version: str, cache: PairCache) -> None:
    """Keep the blocks this run met (inside the caller's transaction): drop the others, add the new ones."""
    prefix = f"{version}:"
    used = pl.DataFrame(
        {"document_id": [prefix + k for k in cache.used], "state": list(cache.used.values())},
        schema={"document_id": pl.String, "state": pl.String},
    )
    with staging.registered(con, "_pairs", used):
        con.execute(
            "DELETE FROM _ledger AS l WHERE l.stage = ? AND NOT EXISTS "
            "(SELECT 1 FROM _pairs AS p WHERE p.document_id = l.document_id)",
            [PAIRS_STAGE],
        )
        con.execute(
            "INSERT INTO _ledger (stage, document_id, state) SELECT ?, p.document_id, p.state FROM _pairs AS p "
            "WHERE NOT EXISTS (SELECT 1 FROM _ledger AS l WHERE l.stage = ? AND l.document_id = p.document_id)",
            [PAIRS_STAGE, PAIRS_STAGE],
        )


def document_states(con: duckdb.DuckDBPyConnection, run_id: str | None) -> None:
    """The temp table `_document_states` (document_id, state): per document, the sums of its rows'
    hashes in every table the stage reads (audit.key_digests, shared with the integrity suites).

    The states move exactly when a document's claims, their figures or the figures' metrics do,
    whoever wrote them; documents with no rows in any of them have none. A state reads
    'claim_figures=<sum>|claim_rows=<sum>|figures=<sum>' (tables in name order, absent ones left
    out): one column per table, joined in a fixed order, is what an ordered string_agg gave at a
    quarter of its cost (0.15 s against 0.6 s over 100,000 documents).
    """
    con.execute(KEY_DIGESTS.ddl(keys=False))
    tables = sorted(STAGE.reads)
    parts = " UNION ALL ".join(
        f"SELECT key, '{table}' AS source, state FROM {audit.key_digests(con, table, 'document_id', run_id)}"
        for table in tables
    )
    columns = ", ".join(f"'{table}=' || max(state) FILTER (WHERE source = '{table}')" for table in tables)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _document_states AS
            SELECT key AS document_id, concat_ws('|', {columns}) AS state FROM ({parts}) GROUP BY key"""
    )


def changed_documents(con: duckdb.DuckDBPyConnection, version: str, force: bool) -> str | None:
    """The temp table of the documents whose rows moved since this version of the stage last ran, or
    None when every cluster row must be recomputed (forced, first run, another version).

    This stage keeps the `_document_states` it ran on (`DOCS_STAGE`): the documents where they differ
    from today's are those whose claims may have changed.
    """
    stamp = con.execute("SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [DOCS_STAGE]).fetchone()
    if force or stamp is None or stamp[0] != version:
        return None
    staging.moved_keys(con, DOCS_STAGE, "_document_states", "document_id", "_changed_documents")
    return "_changed_documents"


def store_documents(con: duckdb.DuckDBPyConnection, version: str, changed: str | None) -> None:
    """Keep the `_document_states` this run clustered (inside the caller's transaction): all of them
    after a full recomputation, else the `changed` documents' only."""
    scope = "" if changed is None else f"AND document_id IN (SELECT document_id FROM {changed})"
    con.execute(f"DELETE FROM _ledger WHERE stage = ? {scope}", [DOCS_STAGE])
    scope = "" if changed is None else f"WHERE document_id IN (SELECT document_id FROM {changed})"
    con.execute(
        f"INSERT INTO _ledger (stage, document_id, state) SELECT ?, document_id, state FROM _document_states {scope}",
        [DOCS_STAGE],
    )
    if changed is None:
        con.execute("INSERT INTO _ledger VALUES (?, '', ?)", [DOCS_STAGE, version])


def _gone_and_new(con: duckdb.DuckDBPyConnection) -> None:
    """The temp tables `_gone` (memberships to drop: their claim vanished, or its cluster moved) and
    `_new_claims` (claims of `_assigned` with no membership yet), for a partial `_assigned`.

    Every claim has a membership or is new (only moved documents bring claims, and theirs are all
    in `_assigned`), so memberships outnumber the claims that have one exactly by the vanished
    claims: the whole-table search for them runs only when there are some.
    """
    members = CLAIM_CLUSTER_MEMBERS.name
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _new_claims AS
            SELECT a.claim_id FROM _assigned AS a ANTI JOIN {members} AS m USING (claim_id)"""
    )
    n_members, n_new, n_claims = con.execute(
        f"SELECT (SELECT count(*) FROM {members}), (SELECT count(*) FROM _new_claims), "
        "(SELECT count(*) FROM claim_rows)"
    ).fetchone()
    moved = f"""SELECT m.claim_id, m.cluster_id FROM {members} AS m JOIN _assigned AS a USING (claim_id)
                WHERE a.cluster_id <> m.cluster_id"""
    if n_members + n_new != n_claims:
        moved += f" UNION ALL SELECT m.claim_id, m.cluster_id FROM {members} AS m ANTI JOIN claim_rows USING (claim_id)"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gone AS {moved}")


def write_changes(con: duckdb.DuckDBPyConnection, changed: str | None = None) -> None:
    """Make the memberships of the temp table `_assigned` and their clusters, writing only differences.

    Without `changed`, `_assigned` holds every claim (claim_id, cluster_id, and the claim's
    document_id, char_start and unit of `_units`) and every cluster row is recomputed from it. With
    `changed` (the documents whose claim rows may differ from the last run's), `_assigned` holds
    (claim_id, cluster_id) of the claims that may have moved (REASSIGNED_SQL), memberships of claims
    that are gone are dropped, and only the clusters that lost or gained a member or hold a
    reassigned claim are recomputed: a cluster's row is a function of its members' claim rows, and
    every other cluster kept both.
    """
    members = CLAIM_CLUSTER_MEMBERS.name
    if changed is None:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _gone AS SELECT m.claim_id, m.cluster_id FROM {members} AS m
                LEFT JOIN _assigned AS a USING (claim_id) WHERE a.cluster_id IS DISTINCT FROM m.cluster_id"""
        )
        came = f"SELECT a.claim_id, a.cluster_id FROM _assigned AS a ANTI JOIN {members} AS m USING (claim_id)"
    else:
        _gone_and_new(con)
        came = """SELECT a.claim_id, a.cluster_id FROM _assigned AS a
                  SEMI JOIN (SELECT claim_id FROM _gone UNION ALL SELECT claim_id FROM _new_claims) USING (claim_id)"""
    con.execute(f"DELETE FROM {members} AS m WHERE m.claim_id IN (SELECT claim_id FROM _gone)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _came AS {came}")
    con.execute(f"INSERT INTO {members} (claim_id, cluster_id) SELECT claim_id, cluster_id FROM _came")
    if changed is None:
        # Representative: the cluster's first claim in (document_id, char_start) order.
        now = """SELECT n.cluster_id, u.text AS representative_text, n.n_sources, n.n_claims
            FROM (SELECT a.cluster_id, arg_min(a.unit, (a.document_id, a.char_start)) AS unit,
                         count(DISTINCT a.document_id)::INTEGER AS n_sources, count(*)::INTEGER AS n_claims
                  FROM _assigned AS a GROUP BY a.cluster_id) AS n
            JOIN _units AS u USING (unit)"""
        touched = ""
    else:
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _touched AS
               SELECT cluster_id FROM _gone UNION SELECT cluster_id FROM _came UNION SELECT cluster_id FROM _assigned"""
        )
        now = f"""SELECT m.cluster_id, arg_min(c.text, (c.document_id, c.char_start)) AS representative_text,
                   count(DISTINCT c.document_id)::INTEGER AS n_sources, count(*)::INTEGER AS n_claims
            FROM {members} AS m JOIN claim_rows AS c USING (claim_id)
            WHERE m.cluster_id IN (SELECT cluster_id FROM _touched) GROUP BY m.cluster_id"""
        touched = "k.cluster_id IN (SELECT cluster_id FROM _touched) AND"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _clusters_now AS {now}")
    con.execute(
        f"""DELETE FROM claim_clusters AS k WHERE {touched} NOT EXISTS (
               SELECT 1 FROM _clusters_now AS n WHERE n.cluster_id = k.cluster_id
               AND n.representative_text IS NOT DISTINCT FROM k.representative_text
               AND n.n_sources IS NOT DISTINCT FROM k.n_sources AND n.n_claims IS NOT DISTINCT FROM k.n_claims)"""
    )
    con.execute(
        """INSERT INTO claim_clusters (cluster_id, representative_text, n_sources, n_claims)
           SELECT n.cluster_id, n.representative_text, n.n_sources, n.n_claims FROM _clusters_now AS n
           WHERE NOT EXISTS (SELECT 1 FROM claim_clusters AS k WHERE k.cluster_id = n.cluster_id)"""
    )
    for table in ("_clusters_now", "_gone", "_came", *(("_touched", "_new_claims") if changed is not None else ())):
        con.execute(f"DROP TABLE {table}")
