"""Large blocks' scores reused from an earlier run change nothing: incremental equals fresh.

`_SMALL_BLOCK` is lowered so that every block of three or more texts takes the windowed (cached) path.
"""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.claims import ClusterInput, cluster_claims, clustering
from newsfacts.claims.clustering import PairCache
from newsfacts.stages.corroboration import PAIRS_STAGE, build_clusters
from newsfacts.warehouse.schema import STORED_TABLES

# Several outlets rewording the same few statements, with unrelated sentences sharing their words.
STATEMENTS = [
    "The regional grid operator warned that winter electricity demand could exceed supply in the northern provinces.",
    "Northern provinces could see winter electricity demand exceed supply, the regional grid operator warned.",
    "The regional grid operator warned winter electricity demand may exceed supply in northern provinces.",
    "The drug maker said its trial of the new vaccine met every main goal in older adults.",
    "Its trial of the new vaccine met every main goal in older adults, the drug maker said.",
    "The drug maker said the vaccine trial met each main goal among older adults.",
    "Election officials expect turnout in the coastal districts to fall below last year's level.",
    "Turnout in the coastal districts is expected to fall below last year's level, election officials said.",
    "The regional grid operator opened a new control room in the northern provinces.",
    "The drug maker opened a new plant for older products in the coastal districts.",
]


def _claims(texts: list[str]) -> list[ClusterInput]:
    return [ClusterInput(f"doc{i % 4}", t) for i, t in enumerate(texts)]


@pytest.fixture(autouse=True)
def windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clustering, "_SMALL_BLOCK", 2)


def test_stored_scores_give_the_same_clusters_and_are_all_reused():
    claims = _claims(STATEMENTS)
    first = PairCache()
    ids = cluster_claims(claims, cache=first)
    assert first.misses > 0 and first.hits == 0
    again = PairCache(first.used)
    assert cluster_claims(claims, cache=again) == ids
    assert (again.misses, again.hits) == (0, first.misses + first.hits)
    assert cluster_claims(claims) == ids
    assert len(set(ids[0:3])) == 1 and len(set(ids[3:6])) == 1 and ids[0] != ids[3]


def test_a_wrong_stored_score_would_show():
    """The cache is really used: a stored entry saying "no pairs" splits the statements it covers."""
    claims = _claims(STATEMENTS)
    first = PairCache()
    ids = cluster_claims(claims, cache=first)
    poisoned = PairCache(dict.fromkeys(first.used, ""))  # "": the base64 of no pairs at all
    assert cluster_claims(claims, cache=poisoned) != ids


def _staging(texts: list[tuple[str, str, str]]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        con.execute(table.ddl())
    con.executemany(
        "INSERT INTO claim_rows (claim_id, document_id, char_start, text) VALUES (?, ?, 0, ?)",
        texts,
    )
    return con


def _memberships(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {
        t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("claim_cluster_members", "claim_clusters")
    }


ROWS = [(f"c{i}", f"doc{i % 4}", t) for i, t in enumerate(STATEMENTS)]
CHANGES = {
    "add": [
        "INSERT INTO claim_rows (claim_id, document_id, char_start, text) VALUES ('n1', 'doc9', 0, "
        "'Winter electricity demand could exceed supply in the northern provinces, the grid operator warned.')"
    ],
    "edit": [
        "UPDATE claim_rows SET text = 'Officials in the coastal districts opened a new ferry terminal.' "
        "WHERE claim_id = 'c7'"
    ],
    "delete": ["DELETE FROM claim_rows WHERE document_id = 'doc1'"],
}
CHANGES["all"] = [sql for change in CHANGES.values() for sql in change]


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_refresh_with_stored_scores_ends_equal_to_a_fresh_one(change: str):
    con = _staging(ROWS)
    build_clusters(con)
    assert con.execute("SELECT count(*) FROM _ledger WHERE stage = ?", [PAIRS_STAGE]).fetchone()[0] > 0
    for sql in CHANGES[change]:
        con.execute(sql)
    report = build_clusters(con)
    if change in ("add", "edit"):  # a deletion moves the token counts the blocks come from
        assert report.rows["blocks_reused"] > 0
    fresh = _staging(con.execute("SELECT claim_id, document_id, text FROM claim_rows").fetchall())
    build_clusters(fresh)
    assert _memberships(con) == _memberships(fresh)
