"""Landing: the files in SEEDS_DIR become `documents`; the ones that cannot become `rejected_documents`."""

from __future__ import annotations

from datetime import datetime

import dagster as dg

from assets.quality import integrity_check
from assets.registry import table_asset
from assets.resources import SeedsFolder, Warehouse
from assets.table_metadata import query_table, table_metadata
from newsfacts.stages.landing import LandingReport, land_documents
from newsfacts.stages.workers import start_workers
from newsfacts.warehouse import recovery, refresh_record, staging

GROUP = "landing"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "documents",
            **table_asset(
                "documents",
                GROUP,
                "One row per landed document: the file as decoded (unchanged), its hash and encoding. "
                "Same bytes under two names are both kept; `duplicate_of` points at the first.",
            ),
        ),
        dg.AssetSpec(
            "rejected_documents",
            **table_asset(
                "rejected_documents",
                GROUP,
                "Files under SEEDS_DIR that could not be landed, with a reason a person can act on.",
                python=False,
            ),
        ),
    ],
    # Either table can be selected alone (`--select documents`); landing always syncs both, since one
    # pass over SEEDS_DIR decides which file lands and which is rejected.
    can_subset=True,
)
def landed_documents(context, seeds: SeedsFolder, warehouse: Warehouse):
    """The selected landing tables' results, with a note when a damaged staging database was rebuilt."""
    healed = recovery.pending_note(warehouse.staging)
    rebuilt = {"staging_rebuilt": healed.describe()} if healed else {}
    report, results = land(seeds, warehouse)
    for result in results:
        if dg.AssetKey.from_coercible(result.asset_key) in context.selected_asset_keys:
            yield dg.MaterializeResult(asset_key=result.asset_key, metadata={**(result.metadata or {}), **rebuilt})
    recovery.clear_note(warehouse.staging)
    # The folder as landing's walk found it, before reading: a file arriving meanwhile is a change for the sensor.
    landed = refresh_record.Landed(
        str(seeds.path), str(warehouse.published), report.folder.digest, report.folder.files, context.run.run_id
    )
    refresh_record.record(warehouse.staging, landed)


def land(seeds: SeedsFolder, warehouse: Warehouse) -> tuple[LandingReport, list[dg.MaterializeResult]]:
    """Sync `documents` with SEEDS_DIR (only new or changed files are decoded and written); the
    report, and both tables' results."""
    with warehouse.connect() as con:
        report = land_documents(con, seeds.path, datetime.now(), seeds.max_file_bytes)
        if not (report.new or report.changed or report.deleted):
            staging.unchanged(con, ("documents",))  # the later steps may reuse its fingerprint
        start_workers(len(report.new) + len(report.changed), warehouse.n_workers)
        documents = dg.MaterializeResult(
            asset_key="documents",
            metadata=table_metadata(
                con,
                "documents",
                "SELECT document_id, file_name, encoding, char_count, duplicate_of, ingested_at "
                "FROM documents ORDER BY document_id LIMIT 10",
                new=len(report.new),
                changed=len(report.changed),
                unchanged=len(report.unchanged),
                deleted=len(report.deleted),
                duplicates=len(report.duplicates),
                seeds_dir=str(seeds.path),
            ),
        )
        rejected = dg.MaterializeResult(
            asset_key="rejected_documents",
            metadata=table_metadata(
                con,
                "rejected_documents",
                "SELECT source_path, reason, detected_at FROM rejected_documents ORDER BY source_path LIMIT 20",
                reasons=query_table(
                    con, "SELECT reason, count(*) AS files FROM rejected_documents GROUP BY 1 ORDER BY 2 DESC"
                ),
            ),
        )
    return report, [documents, rejected]


documents_integrity = integrity_check("documents")
