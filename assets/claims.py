"""Claims: what each body asserts, who says it, how firmly, and which figures it carries."""

import dagster as dg
from dagster import AssetExecutionContext

from assets.quality import integrity_check
from assets.registry import stage_config, table_asset
from assets.resources import Warehouse
from assets.table_metadata import query_table, stage_metadata, table_metadata
from newsfacts.stages.claims import process_claims
from newsfacts.stages.corroboration import build_clusters
from newsfacts.warehouse.schema import CLAIM_ROWS

GROUP = "extraction"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "claims",
            **table_asset(
                "claims",
                GROUP,
                "Claim sentences (or clauses) of each body: quote, statistic, forecast, opinion or assertion; "
                "the speaker they are attributed to; whether hedged. `cluster_id` comes from claim_clusters.",
            ),
        ),
        dg.AssetSpec(
            "claim_figures",
            **table_asset("claim_figures", GROUP, "Which figures each claim carries.", python=False),
        ),
    ],
)
def extracted_claims(warehouse: Warehouse):
    with warehouse.connect() as con:
        report = process_claims(con, warehouse.n_workers, stage_config(warehouse))
        yield dg.MaterializeResult(
            asset_key="claims",
            # Read from the stored claim rows: the `claims` view adds only cluster_id, by a join of every claim.
            metadata=stage_metadata(
                con,
                "claims",
                f"SELECT document_id, claim_type, speaker, hedged, text FROM {CLAIM_ROWS.name} "
                "ORDER BY document_id, char_start LIMIT 15",
                report,
                stored=CLAIM_ROWS.name,
                by_type=query_table(
                    con, f"SELECT claim_type, count(*) AS claims FROM {CLAIM_ROWS.name} GROUP BY 1 ORDER BY 2 DESC"
                ),
                top_speakers=query_table(
                    con,
                    f"SELECT speaker, count(*) AS claims FROM {CLAIM_ROWS.name} WHERE speaker IS NOT NULL "
                    "GROUP BY 1 ORDER BY 2 DESC LIMIT 10",
                ),
            ),
        )
        yield dg.MaterializeResult(asset_key="claim_figures", metadata=table_metadata(con, "claim_figures"))


@dg.asset(
    **table_asset(
        "claim_clusters",
        GROUP,
        "Groups of claims that state the same thing across documents (same metric and value, or "
        "near-identical wording); the membership published as claims.cluster_id.",
    ),
)
def claim_clusters(context: AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        report = build_clusters(con, config=stage_config(warehouse, run_id=context.run.run_id))
        return dg.MaterializeResult(
            metadata=table_metadata(
                con,
                "claim_clusters",
                "SELECT cluster_id, n_sources, n_claims, representative_text FROM claim_clusters "
                "ORDER BY n_sources DESC, n_claims DESC, cluster_id LIMIT 10",
                recomputed=report.skipped == 0,
                seconds=round(report.seconds, 3),
                corroborated_clusters=con.execute("SELECT count(*) FROM claim_clusters WHERE n_sources > 1").fetchone()[
                    0
                ],
            )
        )


claims_integrity = integrity_check("claims")
claim_figures_integrity = integrity_check("claim_figures")
claim_clusters_integrity = integrity_check("claim_clusters")
