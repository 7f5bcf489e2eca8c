"""A refresh of the clusters stage recomputes only what changed, and ends as a full rebuild would."""

from __future__ import annotations

import hashlib

import duckdb
import pytest

from newsfacts.stages.corroboration import build_clusters, changed_documents, document_states
from newsfacts.stages.graph import CLAIMS, StageConfig
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import STORED_TABLES

CONFIG = StageConfig()
RATE = ("policy_rate", 4.5)
# A claim: (char_start, text, figure keys). Each document is a list of them.
BRIDGE = "The national energy regulator approved a new price cap on household power bills"
APRIL = BRIDGE + " starting from the first week of April"
FIRMS = BRIDGE + " while smaller businesses wait for separate relief measures"
BASE: dict[str, list[tuple[int, str, tuple[tuple[str, float], ...]]]] = {
    "doc_a": [
        (0, APRIL, ()),
        (120, "The central bank lifted its benchmark rate to 4.5% on Thursday", (RATE,)),
    ],
    "doc_b": [
        (0, FIRMS, ()),
        (140, "Policymakers took borrowing costs up to 4.5% in a split vote", (RATE,)),
    ],
    # Two claims of one cluster in one document: the first (by position) is the representative, the
    # smaller text names the cluster.
    "doc_c": [
        (0, "Voter turnout in the regional election climbed to its highest level in two decades", ()),
        (300, "Turnout in the regional election climbed to its highest level in two decades", ()),
    ],
    "doc_d": [
        (10, "In the regional election turnout climbed to its highest level in two decades", ()),
        (200, "The carmaker recalled thousands of vehicles over a faulty brake sensor", ()),
    ],
}
REPEATS = [(0, APRIL, ()), (90, BASE["doc_c"][1][1], ()), (200, BASE["doc_a"][1][1], (RATE,))]
UNRELATED = [(0, "The airline said it would add three routes to Asia from next summer onwards", ())]
# Each change: the documents to write (None: delete the document), applied one step at a time.
CHANGES = {
    "a new document": [
        {"doc_e": [(0, "Turnout in the regional election climbed to its highest level in 20 years", ())]}
    ],
    "a new document that joins nothing": [{"doc_h": UNRELATED}],
    "a changed document leaves its cluster": [
        {"doc_d": [(10, "Turnout at the football final fell to its lowest level in two decades", ()), BASE["doc_d"][1]]}
    ],
    "a representative's wording changes, its cluster does not": [
        {
            "doc_c": [
                (0, "Voter turnout in that regional election climbed to its highest level in two decades", ()),
                BASE["doc_c"][1],
            ]
        }
    ],
    "a figure changes": [{"doc_b": [BASE["doc_b"][0], (140, BASE["doc_b"][1][1], (("policy_rate", 4.75),))]}],
    "a deleted document": [{"doc_b": None}],
    "a document joins two clusters, then goes": [{"doc_g": [(0, BRIDGE, ())]}, {"doc_g": None}],
    "the smallest member goes and comes back": [{"doc_a": None}, {"doc_a": BASE["doc_a"]}],
    # Documents sorting last whose claims were all seen before: no unit moves, counts do.
    "a new document repeating known claims": [{"doc_z": REPEATS}],
    "a document repeating known claims goes": [{"doc_z": REPEATS}, {"doc_z": None}],
    "a document repeating known claims is edited": [
        {"doc_z": REPEATS},
        {"doc_z": [(0, FIRMS, ()), (70, APRIL, ()), (150, BASE["doc_a"][1][1], (RATE,))]},
    ],
}


def _staging() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        con.execute(table.ddl())
    return con


def _write(con: duckdb.DuckDBPyConnection, doc: str, claims: list | None) -> None:
    """What the claims and figures stages leave for one document: its rows, and its ledger state."""
    staging.delete_documents(con, [doc])
    if claims is None:
        return
    for start, text, keys in claims:
        claim_id = f"clm_{doc}_{start}"
        con.execute(
            "INSERT INTO claim_rows (claim_id, document_id, char_start, char_end, text) VALUES (?, ?, ?, ?, ?)",
            [claim_id, doc, start, start + len(text), text],
        )
        for n, (metric, value) in enumerate(keys):
            figure_id = f"fig_{doc}_{start}_{n}"
            con.execute(
                "INSERT INTO figures (figure_id, document_id, char_start, raw_text, kind, value, unit, metric) "
                "VALUES (?, ?, ?, ?, 'percent', ?, 'percent', ?)",
                [figure_id, doc, start, f"{value}%", value, metric],
            )
            con.execute("INSERT INTO claim_figures VALUES (?, ?, ?)", [claim_id, figure_id, doc])
    state = hashlib.sha256(repr(claims).encode()).hexdigest()
    con.execute("INSERT INTO _ledger VALUES (?, ?, ?)", [CLAIMS.name, doc, state])


def _load(docs: dict) -> duckdb.DuckDBPyConnection:
    con = _staging()
    for doc, claims in docs.items():
        _write(con, doc, claims)
    return con


def _tables(con: duckdb.DuckDBPyConnection) -> tuple[set[tuple], set[tuple]]:
    members = set(con.execute("SELECT * FROM claim_cluster_members").fetchall())
    clusters = set(con.execute("SELECT * FROM claim_clusters").fetchall())
    return members, clusters


def _fresh_run(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A new staging database with the same claims, figures and ledger, after a first run."""
    fresh = _staging()
    for table in ("claim_rows", "claim_figures", "figures", "_ledger"):
        where, params = ("WHERE stage = ?", [CLAIMS.name]) if table == "_ledger" else ("", [])
        rows = con.execute(f"SELECT * FROM {table} {where}", params).fetchall()
        if rows:
            fresh.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    build_clusters(fresh, config=CONFIG)
    return fresh


def _fresh(con: duckdb.DuckDBPyConnection) -> tuple[set[tuple], set[tuple]]:
    """The tables a first run over the same claims, figures and ledger leaves."""
    return _tables(_fresh_run(con))


def _partition(con: duckdb.DuckDBPyConnection) -> set[frozenset[str]]:
    rows = con.execute(
        "SELECT list(claim_id ORDER BY claim_id) FROM claim_cluster_members GROUP BY cluster_id"
    ).fetchall()
    return {frozenset(r[0]) for r in rows}


def test_the_base_corpus_has_the_clusters_the_changes_play_on():
    con = _load(BASE)
    build_clusters(con, config=CONFIG)
    assert _partition(con) == {
        frozenset({"clm_doc_a_0"}),
        frozenset({"clm_doc_b_0"}),
        frozenset({"clm_doc_a_120", "clm_doc_b_140"}),
        frozenset({"clm_doc_c_0", "clm_doc_c_300", "clm_doc_d_10"}),
        frozenset({"clm_doc_d_200"}),
    }
    _write(con, "doc_g", [(0, BRIDGE, ())])
    build_clusters(con, config=CONFIG)
    assert frozenset({"clm_doc_a_0", "clm_doc_b_0", "clm_doc_g_0"}) in _partition(con)


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_refresh_ends_equal_to_a_full_rebuild(change: str):
    con = _load(BASE)
    build_clusters(con, config=CONFIG)
    for step in CHANGES[change]:
        before = _tables(con)
        for doc, claims in step.items():
            _write(con, doc, claims)
        build_clusters(con, config=CONFIG)
        after = _tables(con)
        assert after != before, "the change must move the tables, or the test shows nothing"
        assert after == _fresh(con)
        build_clusters(con, force=True, config=CONFIG)
        assert _tables(con) == after


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ({}, set()),
        ({"doc_e": UNRELATED}, {"doc_e"}),
        ({"doc_d": BASE["doc_c"]}, {"doc_d"}),
        # Deleting a document drops its ledger rows, this stage's copy of its state too: nothing to
        # read again, and the memberships of its claims, which go, are what touch their clusters.
        ({"doc_b": None}, set()),
        # Written again after a delete: read again, harmlessly.
        ({"doc_a": BASE["doc_a"]}, {"doc_a"}),
    ],
    ids=["nothing", "new", "changed", "deleted", "rewritten alike"],
)
def test_the_documents_read_again_are_those_whose_claims_moved(step: dict, expected: set[str]):
    con = _load(BASE)
    version = build_clusters(con, config=CONFIG).version
    for doc, claims in step.items():
        _write(con, doc, claims)
    document_states(con, run_id=None)
    table = changed_documents(con, version, force=False)
    assert table is not None
    assert {r[0] for r in con.execute(f"SELECT document_id FROM {table}").fetchall()} == expected


def test_a_forced_run_or_another_version_recomputes_every_cluster():
    con = _load(BASE)
    version = build_clusters(con, config=CONFIG).version
    document_states(con, run_id=None)
    assert changed_documents(con, version, force=True) is None
    assert changed_documents(con, version + "-other", force=False) is None


RECALL = "The carmaker recalled thousands of vehicles over a faulty brake sensor"
# (what a refresh has no reason to read, tampered by hand: the update, the read-back, the tampered value)
KEPT_BY_A_REFRESH = {
    "a cluster's row": (
        "UPDATE claim_clusters SET n_claims = 99 WHERE representative_text = ?",
        "SELECT n_claims FROM claim_clusters WHERE representative_text = ?",
        99,
    ),
    "a unit's normalised text": (
        "UPDATE _cluster_units SET normalised = 'tampered' WHERE text = ?",
        "SELECT normalised FROM _cluster_units WHERE text = ?",
        "tampered",
    ),
}


@pytest.mark.parametrize("what", list(KEPT_BY_A_REFRESH))
def test_a_refresh_leaves_what_it_need_not_read_and_a_forced_run_renews_it(what: str):
    """Proof that the refresh is incremental (an untouched cluster's row, an untouched unit's stored
    text stay as they were) and that a forced run rebuilds tables and state."""
    tamper, read_back, tampered = KEPT_BY_A_REFRESH[what]
    con = _load(BASE)
    build_clusters(con, config=CONFIG)
    con.execute(tamper, [RECALL])
    _write(con, "doc_h", UNRELATED)
    build_clusters(con, config=CONFIG)
    assert con.execute(read_back, [RECALL]).fetchone() == (tampered,)
    build_clusters(con, force=True, config=CONFIG)
    assert _tables(con) == _fresh(con)
    assert _state(con) == _state(_load_built({**BASE, "doc_h": UNRELATED}))


def test_a_documents_state_names_each_table_it_has_rows_in_by_name_order():
    """The ledger's stored states keep their form ('claim_figures=..|claim_rows=..|figures=..', tables
    without rows left out), so states stored by an earlier run of the stage compare equal."""
    con = _load(BASE)
    _write(con, "doc_h", UNRELATED)  # claims, no figures
    document_states(con, run_id=None)
    states = dict(con.execute("SELECT document_id, state FROM _document_states").fetchall())
    digests = {
        (source.removesuffix(".document_id"), key): state
        for source, key, state in con.execute("SELECT source, key, state FROM _key_digests WHERE key <> ''").fetchall()
    }
    for doc, state in states.items():
        parts = [f"{t}={digests[(t, doc)]}" for t in ("claim_figures", "claim_rows", "figures") if (t, doc) in digests]
        assert state == "|".join(parts)
    assert states["doc_h"].startswith("claim_rows=") and "|" not in states["doc_h"]
    assert states["doc_a"].count("|") == 2


# -- the stage's kept state: units, their normalised texts, each claim's unit ---------------------------

# Texts that join and part in many ways: near-identical wordings (one word apart), a shared figure,
# the same text with other figures, numbers that differ, and texts too short to compare.
POOL = [
    APRIL,
    FIRMS,
    BRIDGE,
    BASE["doc_c"][0][1],
    BASE["doc_c"][1][1],
    BASE["doc_d"][0][1],
    "The central bank lifted its benchmark rate to 4.5% on Thursday",
    "The central bank lifted its benchmark rate to 4.75% on Thursday",
    "Policymakers took borrowing costs up to 4.5% in a split vote",
    "The carmaker recalled thousands of vehicles over a faulty brake sensor",
    "The carmaker recalled thousands of its vehicles over a faulty brake sensor",
    UNRELATED[0][1],
    "Rates rose",
]
KEYS = [(), (RATE,), (("policy_rate", 4.75),), (RATE, ("gdp_growth", 2.0)), (("gdp_growth", 2.0),)]


def _documents(texts: list[str], keys: list[tuple]):
    from hypothesis import strategies as st

    claim = st.tuples(st.sampled_from(texts), st.sampled_from(keys))
    return st.lists(claim, min_size=1, max_size=3).map(lambda cs: [(100 * i, t, k) for i, (t, k) in enumerate(cs)])


def _state(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
    units = con.execute("SELECT * FROM _cluster_units ORDER BY unit").fetchall()
    claims = con.execute("SELECT * FROM _cluster_claims ORDER BY claim_id").fetchall()
    return units, claims


@pytest.mark.parametrize("pool", ["varied", "repetitive"])
def test_inserts_edits_and_deletes_in_any_order_end_as_a_full_recompute(pool: str):
    """Property: after every step of random inserts, rewrites and deletes, the refresh's tables and
    kept state are those a first run over the same rows gives, and a forced run changes nothing.
    The repetitive pool makes most steps keep every unit (and cluster), as most news does."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    documents = _documents(POOL, KEYS) if pool == "varied" else _documents(POOL[:3], KEYS[:2])
    names = [f"doc_{c}" for c in "pqrstu"]
    steps = st.lists(st.tuples(st.sampled_from(names), st.none() | documents), min_size=1, max_size=4)

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(start=st.dictionaries(st.sampled_from(names), documents, min_size=1, max_size=4), steps=steps)
    def check(start: dict, steps: list) -> None:
        con = _load(start)
        build_clusters(con, config=CONFIG)
        for doc, claims in steps:
            _write(con, doc, claims)
            build_clusters(con, config=CONFIG)
            fresh = _fresh_run(con)
            assert _tables(con) == _tables(fresh)
            assert _state(con) == _state(fresh)
        after = (_tables(con), _state(con))
        build_clusters(con, force=True, config=CONFIG)
        assert (_tables(con), _state(con)) == after

    check()


def _load_built(docs: dict) -> duckdb.DuckDBPyConnection:
    con = _load(docs)
    build_clusters(con, config=CONFIG)
    return con


def test_a_new_document_reads_only_its_own_claims():
    """A refresh adding one document assigns its claims and those of units whose cluster moved only."""
    con = _load_built(BASE)
    _write(con, "doc_h", UNRELATED)
    report = build_clusters(con, config=CONFIG)
    assert report.processed == 1
    _write(con, "doc_g", [(0, BRIDGE, ())])  # joins doc_a's and doc_b's clusters: one of them moves
    report = build_clusters(con, config=CONFIG)
    assert report.processed == 2


def _cluster_inputs():
    from hypothesis import strategies as st

    from newsfacts.claims import ClusterInput

    keys = st.sampled_from(KEYS).map(frozenset)
    return st.lists(
        st.builds(ClusterInput, st.sampled_from(["d1", "d2", "d3", "d4"]), st.sampled_from(POOL), keys), max_size=25
    )


def test_kept_normalised_texts_give_the_ids_tokenising_gives():
    """The stage's clustering with kept normalised texts is `cluster_claims`, small blocks and large."""
    from hypothesis import given, settings

    from newsfacts.claims import ClusterInput, cluster_claims
    from newsfacts.claims.normalise import normalise

    def same(inputs: list) -> None:
        normalised = [" ".join(normalise(c.text)) for c in inputs]
        assert cluster_claims(inputs, normalised=normalised) == cluster_claims(inputs)

    settings(max_examples=60, deadline=None)(given(_cluster_inputs())(same))()
    # A block of more than 12 texts (scored in windows, through the pair cache), with some figures.
    large = [
        ClusterInput(f"d{i % 7}", f"The regional water authority raised its tariffs for district {w} homes", k)
        for i, (w, k) in enumerate(
            (w, frozenset(KEYS[i % len(KEYS)])) for i, w in enumerate(["north", "south", "east", "west"] * 6)
        )
    ]
    large += [
        ClusterInput("d9", f"The regional water authority raised its tariffs for zone {n} homes") for n in range(20)
    ]
    same(large)
