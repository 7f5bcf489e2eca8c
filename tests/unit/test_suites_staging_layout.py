"""In staging, where `claims` is a view joining the clusters table, the claims and claim_figures suites
read the stored claim rows: the verdicts are those of the published layout, and one corrupt row still fails."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from cases import cases

from newsfacts.quality.runner import SuiteOutcome, database_views, gx_context, run_suite, suite_for_table
from newsfacts.quality.suites import integrity_suites
from newsfacts.warehouse import audit
from newsfacts.warehouse.schema import STAGING_VIEWS, STORED_TABLES

TEXT = "Sales rose 3% in March. The firm hired 40 people. Costs fell 2% over the year."
DOCUMENTS = ("n1", "n2", "n3")
# (claim_id, document_id, claim text; its figure's raw text)
CLAIMS = [(f"c{d}{i}", d, sentence, figure) for d in DOCUMENTS for i, (sentence, figure) in enumerate(
    [("Sales rose 3% in March.", "3%"), ("Costs fell 2% over the year.", "2%")]
)]  # fmt: skip


def _insert_rows(con: duckdb.DuckDBPyConnection, claims_table: str) -> None:
    con.executemany(
        "INSERT INTO documents (document_id, file_name, source_path, content_sha256, raw_text, char_count) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(d, f"{d}.txt", f"{d}.txt", "a" * 64, TEXT, len(TEXT)) for d in DOCUMENTS],
    )
    for claim_id, doc, sentence, figure in CLAIMS:
        start = TEXT.index(sentence)
        at = TEXT.index(figure, start)
        con.execute(
            f"INSERT INTO {claims_table} (claim_id, document_id, char_start, char_end, text, claim_type, hedged) "
            "VALUES (?, ?, ?, ?, ?, 'statistic', false)",
            [claim_id, doc, start, start + len(sentence), sentence],
        )
        con.execute(
            "INSERT INTO figures (figure_id, document_id, char_start, char_end, raw_text, kind, value, unit, "
            "qualifier) VALUES (?, ?, ?, ?, ?, 'percent', ?, 'percent', 'exact')",
            [f"f{claim_id}", doc, at, at + len(figure), figure, float(figure[:-1])],
        )
        con.execute("INSERT INTO claim_figures VALUES (?, ?, ?)", [claim_id, f"f{claim_id}", doc])


def staging_layout() -> duckdb.DuckDBPyConnection:
    """Staging's tables and views (claims over claim_rows and the cluster memberships), with valid rows."""
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        con.execute(table.ddl(constraints=False))
    for view in STAGING_VIEWS:
        con.execute(f'CREATE VIEW "{view.name}" AS {view.view_sql}')
    _insert_rows(con, "claim_rows")
    con.execute("INSERT INTO claim_cluster_members SELECT claim_id, 'k' || right(claim_id, 1) FROM claim_rows")
    con.execute(
        "INSERT INTO claim_clusters (cluster_id, representative_text, n_sources, n_claims) SELECT cluster_id,"
        " min(text), count(DISTINCT document_id), count(*) FROM claims GROUP BY cluster_id"
    )
    return con


@pytest.fixture(scope="module")
def gx():
    return gx_context()


@pytest.fixture
def staging(gx) -> Iterator[duckdb.DuckDBPyConnection]:
    """The staging layout, with each suite's pass recorded (a scoped run then checks what changed)."""
    con = staging_layout()
    for spec in integrity_suites():
        audit.record_pass(con, suite_for_table(spec.name, con=con))
    yield con
    con.close()


def _both(con: duckdb.DuckDBPyConnection, suite: str) -> SuiteOutcome:
    """The suite over every row, and over the changed keys: the same verdicts either way."""
    spec = suite_for_table(suite, con=con)
    whole = run_suite(con, spec)
    scoped = run_suite(con, spec, audit.changed_keys(con, spec))
    assert [(o.check, o.success, o.unexpected_count) for o in scoped.outcomes] == [
        (o.check, o.success, o.unexpected_count) for o in whole.outcomes
    ]
    return whole


# -- which relation a suite reads ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suite", "stored"),
    cases("""
        suite                    | stored: flag
        claims_integrity         | yes
        claim_figures_integrity  | yes
        claim_clusters_integrity | no
        figures_integrity        | no
    """),
)
def test_staging_suites_read_the_stored_claim_rows_only_where_they_need_no_cluster(suite, stored):
    con = staging_layout()
    spec = suite_for_table(suite, con=con)
    text = spec.query + (spec.scope.query if spec.scope else "")
    assert ("claim_rows" in text) is stored
    assert "claims" in database_views(con)
    if stored:
        assert "FROM claims" not in text and "JOIN claims" not in text
        assert all(table != "claims" for table, _ in spec.scope.digests)


def test_the_published_layout_reads_claims_as_written():
    con = duckdb.connect(":memory:")
    for table in STORED_TABLES:
        if table.name != "claim_rows":
            con.execute(table.ddl(constraints=False))
    con.execute(next(t for t in STAGING_VIEWS if t.name == "claims").ddl(constraints=False))
    assert "claims" not in database_views(con)
    for suite in ("claims_integrity", "claim_figures_integrity"):
        assert suite_for_table(suite, con=con) == suite_for_table(suite)


def test_a_clean_staging_layout_passes_with_its_published_twin(staging):
    published = duckdb.connect(":memory:")
    for table in (*STORED_TABLES, *STAGING_VIEWS):
        if table.name != "claim_rows":
            published.execute(table.ddl(constraints=False))
    _insert_rows(published, "claims")
    for suite in ("claims_integrity", "claim_figures_integrity"):
        mine, theirs = (
            run_suite(staging, suite_for_table(suite, con=staging)),
            run_suite(published, suite_for_table(suite, con=published)),
        )
        assert mine.success and theirs.success
        assert mine.row_count == theirs.row_count == len(CLAIMS)


def test_reclustering_alone_moves_no_key_of_the_claims_suites(staging):
    staging.execute("UPDATE claim_cluster_members SET cluster_id = 'k9'")
    for suite in ("claims_integrity", "claim_figures_integrity"):
        keys = audit.changed_keys(staging, suite_for_table(suite, con=staging))
        assert keys is not None
        assert staging.execute(f"SELECT count(*) FROM {keys}").fetchone()[0] == 0


# -- one corrupt stored row fails its check --------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "check", "failing", "corruption"),
    cases("""
        table         | check                    | failing: number | corruption
        claims        | claim_type_in_vocabulary | 1 | UPDATE claim_rows SET claim_type = 'tip' WHERE claim_id = 'cn21'
        claims        | claim_id_unique          | 2 | UPDATE claim_rows SET claim_id = 'cn10' WHERE claim_id = 'cn31'
        claims        | span_matches             | 1 | UPDATE claim_rows SET char_start = 1 WHERE claim_id = 'cn20'
        claims        | offsets_in_document      | 1 | UPDATE claim_rows SET char_end = 999 WHERE claim_id = 'cn11'
        claims        | document_exists          | 2 | DELETE FROM documents WHERE document_id = 'n3'
        claims        | claim_type_not_null      | 1 | UPDATE claim_rows SET claim_type = NULL WHERE claim_id = 'cn30'
        claim_figures | claim_exists             | 1 | DELETE FROM claim_rows WHERE claim_id = 'cn21'
        claim_figures | same_document            | 1 | UPDATE claim_rows SET document_id = 'n1' WHERE claim_id = 'cn30'
        claim_figures | claim_figure_pair_unique | 2 | INSERT INTO claim_figures VALUES ('cn11', 'fcn11', 'n1')
        claim_figures | figure_exists            | 1 | UPDATE claim_figures SET figure_id = 'x' WHERE claim_id = 'cn20'
        claim_clusters | counts_match_claims     | 2 | UPDATE claim_cluster_members SET cluster_id = 'k0'
        ... WHERE claim_id = 'cn21'
        claim_clusters | cluster_row_exists      | 1 | UPDATE claim_cluster_members SET cluster_id = 'k7'
        ... WHERE claim_id = 'cn31'
        claim_clusters | counts_match_claims     | 1 | UPDATE claim_rows SET document_id = 'n1' WHERE claim_id = 'cn30'
        claim_clusters | counts_match_claims     | 1 | DELETE FROM claim_rows WHERE claim_id = 'cn20'
        claim_clusters | cluster_id_unique       | 2 | INSERT INTO claim_clusters SELECT * FROM claim_clusters
        ... WHERE cluster_id = 'k1'
    """),
)
def test_one_corrupt_stored_row_fails_its_check(staging, table, check, failing, corruption):
    staging.execute(corruption)
    outcome = _both(staging, table)
    failed = {o.check: o for o in outcome.outcomes if not o.success}
    assert not outcome.success
    assert check in failed, sorted(failed)
    assert failed[check].unexpected_count == failing


@pytest.mark.parametrize("suite", ["claims_integrity", "claim_figures_integrity", "claim_clusters_integrity"])
def test_a_clean_staging_layout_passes(staging, suite):
    outcome = _both(staging, suite)
    assert outcome.success, [o for o in outcome.outcomes if not o.success]
