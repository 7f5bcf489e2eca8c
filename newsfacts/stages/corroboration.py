"""Corroboration stage: group claims that state the same thing across documents.

Runs over all claims (clusters span documents), but only when something it reads changed (its
declaration in graph.py: the claims, the figures they carry, the figures' metrics). It writes only
its own tables, the memberships and the clusters, with its state, in one transaction: a run killed
anywhere leaves the previous clustering whole, and the next run recomputes it if its inputs moved.

A unit is a distinct (claim text, figure keys): its claims always share a cluster. Python clusters
the units (`cluster_claims` over them, with their kept normalised texts); DuckDB does the set work. The
stage keeps, between runs (tables `_cluster_units`, `_cluster_claims`):

- every unit with its normalised text, its first claim in (document_id, char_start) order (the
  order `cluster_claims` meets units in, and what names a cluster) and the cluster it was given;
- every claim's unit.

Each document's state (sums of its rows' hashes in claim_rows, claim_figures and figures, the
per-key digests the integrity suites keep too) is kept from the last run too: only the documents
whose state moved (and the deleted ones) have their claims read, keyed and put in units; only new
units are normalised; only the claims of those documents and of the units whose cluster moved get a
membership again; only the clusters that lost or gained a unit or a claim get their row again.

A forced run, the first run and a run of another version (or DuckDB) start the state afresh and
compare every membership and cluster row with the stored ones. Either way the tables end as a full
rewrite would.
"""

from __future__ import annotations

import duckdb
import polars as pl

from newsfacts.claims import ClusterInput
from newsfacts.claims.clustering import PairCache, cluster_claims
from newsfacts.claims.normalise import normalise
from newsfacts.stages.graph import CLUSTERS as STAGE
from newsfacts.stages.graph import StageConfig
from newsfacts.stages.runner import StageReport, start_corpus_stage
from newsfacts.warehouse import audit, staging
from newsfacts.warehouse.schema import CLAIM_CLUSTER_MEMBERS, CLUSTER_CLAIMS, CLUSTER_UNITS, KEY_DIGESTS

# The `_ledger` stage holding the scored pairs of large blocks (clustering.PairCache), one row per block
# under "<stage version>:<digest of its texts>": another version of the code scores every block again.
PAIRS_STAGE = "clusters:pairs"
# The `_ledger` stage holding each document's state (see document_states) as of this stage's last run
# (row '' holds the version it ran at): the documents whose state moved are those whose claims may have.
DOCS_STAGE = "clusters:documents"
UNITS = CLUSTER_UNITS.name
CLAIMS = CLUSTER_CLAIMS.name
MEMBERS = CLAIM_CLUSTER_MEMBERS.name

# Units converted to Python objects per slice of the (streamed) query result.
STREAM_ROWS = 100_000

# The figure keys of every claim of the changed documents carrying any, as a canonical list (sorted,
# distinct: a set, as ClusterInput has it), so that claims with the same text and keys share a unit.
CLAIM_KEYS_SQL = """
CREATE OR REPLACE TEMP TABLE _claim_keys AS
SELECT cf.claim_id, list_sort(list_distinct(list({'metric': f.metric, 'value': f.value}))) AS keys
FROM claim_figures cf JOIN figures f ON f.figure_id = cf.figure_id
WHERE f.metric IS NOT NULL AND f.value IS NOT NULL AND cf.document_id IN (SELECT document_id FROM _changed)
GROUP BY cf.claim_id
"""
# The changed documents' claims with their keys (none: the empty list) and unit. The unit is a digest
# of both in JSON (quoted: no text can pass for another's keys); the ledger's stamp holds the DuckDB
# version, whose JSON is what the digests of earlier runs were taken over.
DOC_CLAIMS_SQL = """
CREATE OR REPLACE TEMP TABLE _doc_claims AS
SELECT c.claim_id, c.document_id, c.char_start, c.text, coalesce(k.keys, []) AS keys,
       md5(to_json({'text': c.text, 'keys': coalesce(k.keys, [])})) AS unit
FROM claim_rows AS c LEFT JOIN _claim_keys AS k USING (claim_id)
WHERE c.document_id IN (SELECT document_id FROM _changed)
"""
# The first claim of each unit the changed documents' claims left or joined. A unit that lost a
# claim is searched again; one that only gained keeps the smaller of its stored first and its new claims'.
FIRSTS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _firsts AS
SELECT unit, min({{'d': document_id, 'c': char_start}}) AS first FROM {CLAIMS}
WHERE unit IN (SELECT unit FROM _old_claims) GROUP BY unit
UNION ALL
SELECT n.unit, least(n.first, CASE WHEN u.unit IS NOT NULL THEN {{'d': u.document_id, 'c': u.char_start}} END)
FROM (SELECT unit, min({{'d': document_id, 'c': char_start}}) AS first FROM _doc_claims
      WHERE unit NOT IN (SELECT unit FROM _old_claims) GROUP BY unit) AS n
LEFT JOIN {UNITS} AS u USING (unit)
"""
# A cluster's row from its units' claims. Representative: its first claim in (document_id, char_start) order.
CLUSTER_ROWS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _clusters_now AS
SELECT u.cluster_id, arg_min(u.text, {{{{'d': c.document_id, 'c': c.char_start}}}}) AS representative_text,
       count(DISTINCT c.document_id)::INTEGER AS n_sources, count(*)::INTEGER AS n_claims
FROM {CLAIMS} AS c JOIN (SELECT unit, cluster_id, text FROM {UNITS} {{units}}) AS u USING (unit)
GROUP BY u.cluster_id
"""
# The touched clusters' rows when no unit moved (see write_changes): the stored counts less the
# changed documents' old claims' plus their new ones'; a cluster left without a unit has no row.
CLUSTER_DELTA_SQL = f"""
CREATE OR REPLACE TEMP TABLE _clusters_now AS
WITH took AS (SELECT t.cluster_id, count(*) AS n, count(DISTINCT o.document_id) AS docs
              FROM _old_claims AS o JOIN _touched_units AS t USING (unit) GROUP BY t.cluster_id),
     put AS (SELECT u.cluster_id, count(*) AS n, count(DISTINCT d.document_id) AS docs
             FROM _doc_claims AS d JOIN {UNITS} AS u USING (unit) GROUP BY u.cluster_id),
     firsts AS (SELECT cluster_id, arg_min(text, {{'d': document_id, 'c': char_start}}) AS representative_text
                FROM {UNITS} WHERE cluster_id IN (SELECT cluster_id FROM _touched) GROUP BY cluster_id)
SELECT k.cluster_id, f.representative_text,
       (k.n_sources - coalesce(took.docs, 0) + coalesce(put.docs, 0))::INTEGER AS n_sources,
       (k.n_claims - coalesce(took.n, 0) + coalesce(put.n, 0))::INTEGER AS n_claims
FROM claim_clusters AS k JOIN firsts AS f USING (cluster_id)
LEFT JOIN took USING (cluster_id) LEFT JOIN put USING (cluster_id)
"""
TEMP_TABLES = (
    "_changed",
    "_claim_keys",
    "_doc_claims",
    "_old_claims",
    "_touched_units",
    "_touched",
    "_firsts",
    "_moved_units",
    "_assigned",
    "_vanished",
    "_gone",
    "_came",
    "_clusters_now",
    "_document_states",
)


def build_clusters(
    con: duckdb.DuckDBPyConnection, force: bool = False, config: StageConfig | None = None
) -> StageReport:
    """Cluster every claim, reading and keying only the claims of documents that changed.

    The clusters are those `cluster_claims` gives over every claim: `cluster_claims` sees the units in
    the order of their first claims, and a unit's first document is its claims' smallest.
    """
    run = start_corpus_stage(con, STAGE, config, force)
    if isinstance(run, StageReport):
        return run
    report = run.report
    document_states(con, (config or StageConfig()).run_id)
    changed = changed_documents(con, report.version, force)
    full = changed is None
    if full:
        con.execute("CREATE OR REPLACE TEMP TABLE _changed AS SELECT DISTINCT document_id FROM claim_rows")
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _changed AS SELECT document_id FROM {changed}")
    con.execute(CLAIM_KEYS_SQL)
    con.execute(DOC_CLAIMS_SQL)
    cache = load_pairs(con, report.version)
    with staging.transaction(con):
        if full:
            con.execute(f"DELETE FROM {CLAIMS}")
            con.execute(f"DELETE FROM {UNITS}")
        else:
            add_deleted_documents(con)
        recluster = update_units(con) or full
        if recluster:
            moved_units(con, cache)
            store_pairs(con, report.version, cache)
        else:
            unmoved_units(con)
        assign(con, full)
        write_changes(con, full, recluster)
        store_documents(con, report.version, changed)
        staging.set_global_state(con, STAGE.name, run.state)
        n_clusters = con.execute("SELECT count(*) FROM claim_clusters").fetchone()[0]
    report.processed = con.execute("SELECT count(*) FROM _assigned").fetchone()[0]
    for table in (*TEMP_TABLES, *(() if full else (changed,))):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    report.rows = {"claim_clusters": n_clusters, "blocks_scored": cache.misses, "blocks_reused": cache.hits}
    return run.finish()


def add_deleted_documents(con: duckdb.DuckDBPyConnection) -> None:
    """Add to `_changed` the documents deleted since the last run (their ledger rows went with them).

    Every other document's claims are in `_cluster_claims` as in claim_rows, so the two tables'
    counts differ exactly when some deleted document left claims there: only then are they looked for.
    """
    n_kept, n_now = con.execute(
        f"""SELECT (SELECT count(*) FROM {CLAIMS} WHERE document_id NOT IN (SELECT document_id FROM _changed)),
                   (SELECT count(*) FROM claim_rows) - (SELECT count(*) FROM _doc_claims)"""
    ).fetchone()
    if n_kept != n_now:
        con.execute(
            f"""INSERT INTO _changed SELECT DISTINCT c.document_id FROM {CLAIMS} AS c
                ANTI JOIN _document_states AS s USING (document_id)
                WHERE c.document_id NOT IN (SELECT document_id FROM _changed)"""
        )


def update_units(con: duckdb.DuckDBPyConnection) -> bool:
    """Replace the changed documents' claims in `_cluster_claims` and bring the units they left or
    joined up to date: first claims moved, units left without a claim dropped, new units added
    with their normalised text. `_touched` receives the clusters the touched units were in.

    Whether the units, in the order of their first claims, or a unit's first document changed: the
    clustering is a function of that list alone, so when it stands, every unit keeps its cluster.
    """
    changed = "document_id IN (SELECT document_id FROM _changed)"
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _old_claims AS SELECT claim_id, document_id, unit FROM {CLAIMS} WHERE {changed}"
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _touched_units AS SELECT t.unit, u.cluster_id
            FROM (SELECT unit FROM _old_claims UNION SELECT unit FROM _doc_claims) AS t
            LEFT JOIN {UNITS} AS u USING (unit)"""
    )
    con.execute("CREATE OR REPLACE TEMP TABLE _touched AS SELECT DISTINCT cluster_id FROM _touched_units")
    con.execute(f"DELETE FROM {CLAIMS} WHERE {changed}")
    con.execute(f"INSERT INTO {CLAIMS} SELECT claim_id, document_id, char_start, unit FROM _doc_claims")
    con.execute(FIRSTS_SQL)
    (dropped,) = con.execute(
        f"""DELETE FROM {UNITS} WHERE unit IN (SELECT unit FROM _touched_units)
            AND unit NOT IN (SELECT unit FROM _firsts)"""
    ).fetchone()
    (moved,) = con.execute(
        f"""UPDATE {UNITS} AS u SET document_id = f.first.d, char_start = f.first.c FROM _firsts AS f
            WHERE u.unit = f.unit AND (u.document_id, u.char_start) IS DISTINCT FROM (f.first.d, f.first.c)"""
    ).fetchone()
    new = con.execute(
        f"""SELECT d.unit, any_value(d.text) AS text, any_value(d.keys) AS keys, any_value(f.first) AS first
            FROM _doc_claims AS d JOIN _firsts AS f USING (unit) ANTI JOIN {UNITS} AS u USING (unit)
            GROUP BY d.unit"""
    ).fetchall()
    if not new:
        return bool(dropped or moved)
    rows = pl.DataFrame(
        {
            "unit": [u for u, *_ in new],
            "text": [t for _, t, *_ in new],
            "key_metrics": [[k["metric"] for k in keys] for _, _, keys, _ in new],
            "key_values": [[k["value"] for k in keys] for _, _, keys, _ in new],
            "normalised": [" ".join(normalise(t)) for _, t, *_ in new],
            "document_id": [f["d"] for *_, f in new],
            "char_start": [f["c"] for *_, f in new],
            "cluster_id": [None] * len(new),
        },
        schema=CLUSTER_UNITS.polars_schema,
    )
    with staging.registered(con, "_new_units", rows):
        con.execute(f"INSERT INTO {UNITS} SELECT * FROM _new_units")
    return True


def moved_units(con: duckdb.DuckDBPyConnection, cache: PairCache) -> None:
    """Cluster every unit, store each one's cluster, and keep in `_moved_units` those whose cluster
    moved (new units included); their clusters, before and after, join `_touched`."""
    result = con.execute(
        f"""SELECT unit, document_id, text, key_metrics, key_values, normalised FROM {UNITS}
            ORDER BY document_id, char_start, unit"""
    )
    units: list[str] = []
    inputs: list[ClusterInput] = []
    texts: list[str] = []
    key_sets: dict[frozenset[tuple[str, float]], frozenset[tuple[str, float]]] = {}
    empty: frozenset[tuple[str, float]] = frozenset()
    for batch in result.to_arrow_reader(STREAM_ROWS):
        columns = (
            batch.column(name).to_pylist()
            for name in ("unit", "document_id", "text", "key_metrics", "key_values", "normalised")
        )
        for unit, doc, text, metrics, values, norm in zip(*columns, strict=True):
            keyset = empty
            if metrics:
                found = frozenset(zip(metrics, map(float, values), strict=True))
                keyset = key_sets.setdefault(found, found)
            units.append(unit)
            inputs.append(ClusterInput(doc, text, keyset))
            texts.append(norm)
    ids = cluster_claims(inputs, normalised=texts, cache=cache)
    del inputs, texts
    unit_ids = pl.DataFrame({"unit": units, "cluster_id": ids}, schema={"unit": pl.String, "cluster_id": pl.String})
    with staging.registered(con, "_unit_ids", unit_ids):
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _moved_units AS
                SELECT u.unit, u.cluster_id AS before, i.cluster_id AS after FROM {UNITS} AS u
                JOIN _unit_ids AS i USING (unit) WHERE u.cluster_id IS DISTINCT FROM i.cluster_id"""
        )
    con.execute(f"UPDATE {UNITS} AS u SET cluster_id = m.after FROM _moved_units AS m WHERE u.unit = m.unit")
    con.execute(
        f"""INSERT INTO _touched SELECT before FROM _moved_units UNION ALL SELECT after FROM _moved_units
            UNION ALL SELECT cluster_id FROM {UNITS} WHERE unit IN (SELECT unit FROM _touched_units)"""
    )


def unmoved_units(con: duckdb.DuckDBPyConnection) -> None:
    """No unit's cluster can have moved (see update_units): `_moved_units` is empty, `_touched` holds
    the touched units' clusters already, and the stored pairs are those of today's blocks."""
    con.execute("CREATE OR REPLACE TEMP TABLE _moved_units (unit VARCHAR, before VARCHAR, after VARCHAR)")


def assign(con: duckdb.DuckDBPyConnection, full: bool) -> None:
    """The temp tables `_assigned` (claim_id, cluster_id) of the claims whose membership may differ
    from the stored one, those of the changed documents and of the moved units, and `_vanished`,
    the claims whose membership must go (`full`: every claim and every stored membership)."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _assigned AS
            SELECT d.claim_id, u.cluster_id FROM _doc_claims AS d JOIN {UNITS} AS u USING (unit)"""
    )
    if not full and con.execute("SELECT count(*) FROM _moved_units").fetchone()[0]:
        con.execute(
            f"""INSERT INTO _assigned SELECT c.claim_id, m.after FROM {CLAIMS} AS c JOIN _moved_units AS m USING (unit)
                WHERE c.document_id NOT IN (SELECT document_id FROM _changed)"""
        )
    vanished = (
        f"SELECT claim_id FROM {MEMBERS} ANTI JOIN _assigned USING (claim_id)"
        if full
        else "SELECT claim_id FROM _old_claims ANTI JOIN _doc_claims USING (claim_id)"
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE _vanished AS {vanished}")


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
    if force or stamp is None or stamp[0] != _stamp(version):
        return None
    staging.moved_keys(con, DOCS_STAGE, "_document_states", "document_id", "_changed_documents")
    return "_changed_documents"


def store_documents(con: duckdb.DuckDBPyConnection, version: str, changed: str | None) -> None:
    """Keep the `_document_states` this run clustered (inside the caller's transaction): all of them
    after a full recomputation, else the `changed` documents' only."""
    staging.record_states(con, DOCS_STAGE, "_document_states", "document_id", changed)
    if changed is None:
        con.execute("INSERT INTO _ledger VALUES (?, '', ?)", [DOCS_STAGE, _stamp(version)])


def _stamp(version: str) -> str:
    """What the state was kept under: the stage's version and DuckDB's (whose JSON the units digest)."""
    return f"{version}|duckdb {duckdb.__version__}"


def write_changes(con: duckdb.DuckDBPyConnection, full: bool, reclustered: bool = True) -> None:
    """Memberships of `_assigned` and the rows of the `_touched` clusters (`full`: of every cluster),
    writing only differences: a cluster's row is a function of its units' claims, and every other
    cluster kept both.

    When no unit changed cluster (not `reclustered`), a touched cluster changed only by the claims the
    changed documents took out (`_old_claims`) and put in (`_doc_claims`): its counts move by theirs
    (each changed document's claims are all in one of the two) and its representative is the first
    of its units' first claims, so none of its other claims is read (CLUSTER_DELTA_SQL).
    """
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _gone AS
            SELECT m.claim_id FROM {MEMBERS} AS m JOIN _assigned AS a USING (claim_id)
            WHERE a.cluster_id <> m.cluster_id UNION ALL SELECT claim_id FROM _vanished"""
    )
    # The memberships that go or come (those that come are assigned ones), named before they are written.
    staging.journal_rows(con, MEMBERS, "claim_id", "(SELECT claim_id FROM _gone UNION SELECT claim_id FROM _assigned)")
    con.execute(f"DELETE FROM {MEMBERS} WHERE claim_id IN (SELECT claim_id FROM _gone)")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _came AS
            SELECT a.claim_id, a.cluster_id FROM _assigned AS a ANTI JOIN {MEMBERS} AS m USING (claim_id)"""
    )
    con.execute(f"INSERT INTO {MEMBERS} (claim_id, cluster_id) SELECT claim_id, cluster_id FROM _came")
    if reclustered:
        touched = "" if full else "WHERE cluster_id IN (SELECT cluster_id FROM _touched)"
        con.execute(CLUSTER_ROWS_SQL.format(units=touched))
    else:
        con.execute(CLUSTER_DELTA_SQL)
    touched = "" if full else "k.cluster_id IN (SELECT cluster_id FROM _touched) AND"
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
