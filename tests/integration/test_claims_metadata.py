"""The claims asset's metadata, read from the stored claim rows, describes the published claims table."""

from __future__ import annotations

import dagster as dg
import duckdb


def test_claims_metadata_matches_the_published_table(project):
    result = project.refresh()
    assert result.success
    events = [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey("claims")]
    assert len(events) == 1
    metadata = events[0].materialization.metadata
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        published = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        by_type = dict(con.execute("SELECT claim_type, count(*) FROM claims GROUP BY 1").fetchall())
        columns = [r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE claims)").fetchall()]
    assert published > 0
    assert metadata["dagster/row_count"].value == published
    shown = {r.data["claim_type"]: r.data["claims"] for r in metadata["by_type"].value.records}
    assert shown == by_type
    assert [c.name for c in metadata["dagster/column_schema"].value.columns] == columns  # cluster_id included
    assert len(metadata["preview"].value.records) == min(15, published)
