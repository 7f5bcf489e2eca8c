"""The table registry and the stage declarations: everything derived from them agrees with them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import polars as pl
import pytest

from newsfacts.figures.model import Figure
from newsfacts.stages import graph
from newsfacts.stages.graph import STAGES, WRITER, StageConfig, version
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import (
    ALL_TABLES,
    AUDITED_TABLES,
    FIGURES,
    PUBLISHED_TABLES,
    STORED_TABLES,
    TABLES_BY_NAME,
    VALIDATION_RESULTS,
    record_row,
)

CONTRACT_V2_FIGURE_COLUMNS = ("concept", "per_unit", "direction", "endpoint", "dimension", "period", "fact_key")


# -- tables ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.name)
def test_polars_schema_is_what_duckdb_stores(table):
    con = duckdb.connect(":memory:")
    con.execute(table.ddl(constraints=False))
    con.register("_empty", table.frame([]).to_arrow())
    stored = con.execute(f'SELECT * FROM "{table.name}" LIMIT 0').pl().schema
    handed = con.execute("SELECT * FROM _empty").pl().schema
    assert dict(stored) == dict(handed) == table.polars_schema


@pytest.mark.parametrize("table", PUBLISHED_TABLES, ids=lambda t: t.name)
def test_every_published_column_is_described(table):
    assert table.description
    assert all(c.description.strip() for c in table.columns), table.name


def test_contract_v2_columns_and_table_are_registered():
    assert set(CONTRACT_V2_FIGURE_COLUMNS) <= set(FIGURES.column_names)
    assert {"fact_key", "subject", "period", "conflicts"} <= set(TABLES_BY_NAME["metric_consistency"].column_names)
    assert TABLES_BY_NAME["document_issues"].column_names == ["document_id", "field", "value", "reason", "detected_at"]
    assert "cluster_id" in TABLES_BY_NAME["claims"].column_names


def test_rows_come_from_records_by_field_name():
    """A new Figure field that the table also declares reaches the row without a copying line."""
    f = Figure(0, 3, "5%", "percent", 5.0, None, None, "percent", "exact", None, None, "s", concept="tariff")
    frame = FIGURES.frame([record_row(f, figure_id="fig_1", document_id="d", extractor_version="v")])
    row = frame.row(0, named=True)
    assert row["concept"] == "tariff" and row["raw_text"] == "5%" and row["figure_id"] == "fig_1"
    shared = {x.name for x in dataclasses.fields(Figure)} & set(FIGURES.column_names)
    assert shared == {x.name for x in dataclasses.fields(Figure)}  # the table stores every field of the record


def test_comments_carry_the_descriptions():
    con = duckdb.connect(":memory:")
    for t in PUBLISHED_TABLES:
        con.execute(t.ddl())
        for sql in t.comments():
            con.execute(sql)
    got = dict(
        con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'figures' AND comment IS NOT NULL"
        ).fetchall()
    )
    assert got == {c.name: c.description for c in FIGURES.columns}


# -- stages ------------------------------------------------------------------------------------------


def test_every_table_a_stage_reads_is_written_by_exactly_one_stage():
    writes = [t for s in STAGES.values() for t in s.writes]
    assert len(writes) == len(set(writes))
    assert all(t in WRITER for s in STAGES.values() for t in s.reads)
    derived = {t.name for t in STORED_TABLES if t.published or t.audited_by} - {"validation_results"}
    assert derived == set(writes)
    assert all(TABLES_BY_NAME[t].stored for t in writes)


def test_every_stored_table_of_a_stage_is_audited_unless_it_is_a_rejection_list():
    unaudited = {t for s in STAGES.values() for t in s.writes if not TABLES_BY_NAME[t].audited_by}
    assert unaudited == {"rejected_documents"}
    assert set(AUDITED_TABLES) <= {t.name for t in PUBLISHED_TABLES}


DEPS = [  # (asset, dagster deps derived from what its stage reads)
    ("document_metadata", ["documents"]),
    ("figures", ["documents", "document_metadata"]),
    ("claims", ["documents", "document_metadata", "figures"]),
    ("claim_clusters", ["claims", "claim_figures", "figures"]),
    ("metric_consistency", ["figures"]),
    ("documents", []),
]


@pytest.mark.parametrize(("asset", "deps"), DEPS)
def test_dagster_deps_come_from_what_a_stage_reads(asset, deps):
    assert graph.stage_of_asset(asset).deps == deps


def _catalog(tmp_path: Path, name: str, text: str) -> StageConfig:
    path = tmp_path / name
    path.write_text(text)
    return StageConfig(catalog=path)


def test_a_catalog_edit_changes_every_stage_downstream_of_figures(tmp_path: Path):
    """The real version chain: no constant to bump, and no stage that reads figures is left out."""
    packaged = graph.PACKAGED_CATALOG.read_text()
    before = _catalog(tmp_path, "a.yaml", packaged)
    after = _catalog(tmp_path, "b.yaml", packaged + "\n# edited\n")
    changed = {s.name for s in STAGES.values() if version(s, before) != version(s, after)}
    assert changed == {"figures", "claims", "clusters", "consistency"}


def test_a_stage_version_changes_with_the_code_of_its_inputs(monkeypatch: pytest.MonkeyPatch):
    base = {s.name: version(s, StageConfig()) for s in STAGES.values()}
    metadata = graph.METADATA
    monkeypatch.setattr(graph, "_own_version", lambda stage, cfg: "edited" if stage is metadata else stage.name)
    edited = {s.name: version(s, StageConfig()) for s in STAGES.values()}
    assert {n for n in base if base[n] != edited[n]} == set(STAGES)  # every stage moved (code stubbed)
    reference = {s.name: s.name for s in STAGES.values()}
    monkeypatch.setattr(graph, "_own_version", lambda stage, cfg: reference[stage.name])
    plain = {s.name: version(s, StageConfig()) for s in STAGES.values()}
    moved = {n for n in plain if plain[n] != edited[n]}
    assert moved == {"metadata", "figures", "claims", "clusters", "consistency"}  # landing is upstream of it


# -- staging -----------------------------------------------------------------------------------------


def test_a_staging_database_of_an_older_layout_is_rebuilt(tmp_path: Path):
    path = tmp_path / "staging.duckdb"
    old = duckdb.connect(str(path))
    old.execute("CREATE TABLE claims (claim_id VARCHAR, cluster_id VARCHAR)")
    old.execute("CREATE TABLE _ledger (stage VARCHAR, document_id VARCHAR, state VARCHAR)")
    old.execute("INSERT INTO _ledger VALUES ('claims', 'd', 'x|v')")
    old.execute(VALIDATION_RESULTS.ddl())
    old.execute("INSERT INTO validation_results (run_id) VALUES ('r1')")
    old.close()
    con = staging.connect(path, None)
    kinds = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
    assert kinds["claims"] == "VIEW" and kinds["claim_rows"] == "BASE TABLE"
    assert con.execute("SELECT count(*) FROM _ledger").fetchone() == (0,)
    assert con.execute("SELECT run_id FROM validation_results").fetchall() == [("r1",)]  # history is kept
    con.close()


def test_transaction_keeps_all_or_nothing(tmp_path: Path):
    con = staging.connect(tmp_path / "s.duckdb", None)
    with pytest.raises(RuntimeError), staging.transaction(con):
        con.execute("INSERT INTO _ledger VALUES ('x', 'd', 's')")
        raise RuntimeError("killed")
    assert con.execute("SELECT count(*) FROM _ledger").fetchone() == (0,)
    with staging.transaction(con):
        con.execute("INSERT INTO _ledger VALUES ('x', 'd', 's')")
    assert con.execute("SELECT count(*) FROM _ledger").fetchone() == (1,)


def test_claims_view_joins_cluster_membership(tmp_path: Path):
    con = staging.connect(tmp_path / "s.duckdb", None)
    rows = pl.DataFrame({"claim_id": ["c1", "c2"], "document_id": ["d", "d"], "text": ["a", "b"]})
    staging.insert(con, TABLES_BY_NAME["claim_rows"], rows)
    staging.insert(
        con, TABLES_BY_NAME["claim_cluster_members"], pl.DataFrame({"claim_id": ["c1"], "cluster_id": ["k"]})
    )
    assert con.execute("SELECT claim_id, cluster_id FROM claims ORDER BY 1").fetchall() == [("c1", "k"), ("c2", None)]
