"""The one loop every per-document stage shares: find pending documents, process, commit per batch."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import duckdb
import polars as pl

from newsfacts.stages.batching import MIN_PARALLEL_DOCUMENTS, chunks, map_batches
from newsfacts.warehouse import staging

BATCH_SIZE = 250

# A batch of input rows (tuples from `fetch_sql`) in, one frame per output table out.
BatchFn = Callable[[Sequence[tuple]], dict[str, pl.DataFrame]]


@dataclass
class StageReport:
    stage: str
    version: str
    processed: int = 0
    skipped: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def run_document_stage(
    con: duckdb.DuckDBPyConnection,
    stage: str,
    version: str,
    fetch_sql: str,
    fn: BatchFn,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
) -> StageReport:
    """Process every document whose content or `version` changed since this stage last ran.

    `fetch_sql` selects the inputs of the documents in the registered view `ids`; `fn` turns a
    batch of them into rows. Each batch is committed with its ledger entries in one transaction,
    so an interrupted run resumes with the batches it did not finish.
    """
    started = time.perf_counter()
    pending = staging.pending(con, stage, version)
    report = StageReport(stage, version, skipped=staging.document_count(con) - len(pending))

    def inputs() -> Iterator[tuple[list[str], list[tuple]]]:
        for id_batch in chunks(pending, batch_size):
            staging.register_ids(con, list(id_batch))
            yield list(id_batch), con.execute(fetch_sql).fetchall()

    batches = inputs()
    id_order: list[list[str]] = []

    def feed() -> Iterator[list[tuple]]:
        for ids, rows in batches:
            id_order.append(ids)
            yield rows

    parallel = len(pending) >= MIN_PARALLEL_DOCUMENTS
    for i, tables in enumerate(map_batches(fn, feed(), workers, parallel)):
        staging.replace_documents_rows(con, stage, version, id_order[i], tables)
        report.processed += len(id_order[i])
        for name, df in tables.items():
            report.rows[name] = report.rows.get(name, 0) + df.height
    report.seconds = time.perf_counter() - started
    return report
