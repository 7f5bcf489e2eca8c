"""The one loop every per-document stage shares: find pending documents, process, commit in groups."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import duckdb
import polars as pl

from newsfacts.stages.batching import MIN_PARALLEL_DOCUMENTS, map_batches, release_pools, tapered
from newsfacts.stages.graph import (
    STAGES,
    Stage,
    StageConfig,
    corpus_state,
    feeds_document_stage,
    pending_corpus,
    version,
)
from newsfacts.stages.progress import Progress, input_bytes
from newsfacts.warehouse import staging

# Documents per call of the batch function (one task of the process pool).
BATCH_SIZE = 250
# Documents per transaction: several batches are committed together. A commit costs a WAL flush and,
# every few, a checkpoint; from a row group's worth of rows DuckDB writes straight to the file.
COMMIT_DOCUMENTS = 2_000
# Documents per input query. Each query scans the id column of the tables it reads (a DuckDB row
# group holds 122,880 rows), so its cost grows with the corpus: reading 10,000 articles' figures
# inputs took 0.85 CPU-s as 40 queries of 250 against 0.40 s as one query. A query per commit group
# keeps that growth 8x smaller and the texts held at once to one group's worth.
FETCH_DOCUMENTS = COMMIT_DOCUMENTS

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
    throughput: dict[str, float] = field(default_factory=dict)  # docs/s, MB/s: see progress.Progress.finish


class _Group:
    """Processed batches waiting for their common transaction."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.frames: dict[str, list[pl.DataFrame]] = {}

    def add(self, ids: list[str], tables: dict[str, pl.DataFrame]) -> None:
        self.ids.extend(ids)
        for name, df in tables.items():
            self.frames.setdefault(name, []).append(df)

    def tables(self) -> dict[str, pl.DataFrame]:
        return {name: pl.concat(dfs, how="vertical") for name, dfs in self.frames.items()}


def _commit(con: duckdb.DuckDBPyConnection, report: StageReport, group: _Group) -> None:
    tables = group.tables()
    staging.replace_documents_rows(con, report.stage, report.version, group.ids, tables)
    report.processed += len(group.ids)
    for name, df in tables.items():
        report.rows[name] = report.rows.get(name, 0) + df.height


def _fetch_groups(batches: list[list[str]], documents: int) -> Iterator[list[list[str]]]:
    """Consecutive batches gathered until they hold at least `documents` ids: one input query each."""
    group: list[list[str]] = []
    held = 0
    for ids in batches:
        group.append(ids)
        held += len(ids)
        if held >= documents:
            yield group
            group, held = [], 0
    if group:
        yield group


def run_document_stage(
    con: duckdb.DuckDBPyConnection,
    stage: str,
    version: str,
    fetch_sql: str,
    fn: BatchFn,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    commit_documents: int = COMMIT_DOCUMENTS,
) -> StageReport:
    """Process every document whose content or `version` changed since this stage last ran.

    `fetch_sql` selects the inputs of the documents in the registered view `ids`, document_id first;
    `fn` turns a batch of them into rows. Batches are committed with their ledger entries in one transaction per
    `commit_documents` documents, so an interrupted run resumes with the documents it did not commit.
    """
    started = time.perf_counter()
    pending = staging.pending(con, stage, version)
    report = StageReport(stage, version, skipped=staging.document_count(con) - len(pending))
    id_order: list[list[str]] = []
    sizes: list[int] = []
    progress = Progress(stage, len(pending), report.skipped)

    parallel = len(pending) >= MIN_PARALLEL_DOCUMENTS
    batches = [list(b) for b in tapered(pending, batch_size, workers if parallel else 1)]

    def inputs() -> Iterator[list[tuple]]:
        for group in _fetch_groups(batches, FETCH_DOCUMENTS):
            staging.register_ids(con, [i for ids in group for i in ids])
            by_id: dict[str, list[tuple]] = {}
            for row in con.execute(fetch_sql).fetchall():
                by_id.setdefault(row[0], []).append(row)
            for ids in group:
                rows = [row for i in ids for row in by_id.get(i, ())]
                id_order.append(ids)
                sizes.append(input_bytes(rows))
                yield rows

    group = _Group()
    for i, tables in enumerate(map_batches(fn, inputs(), workers, parallel)):
        group.add(id_order[i], tables)
        progress.advance(len(id_order[i]), sizes[i])
        if len(group.ids) >= commit_documents:
            _commit(con, report, group)
            group = _Group()
    if group.ids:
        _commit(con, report, group)
    if not pending and staging.is_unchanged(con, "documents"):  # no document landed, changed or went
        staging.unchanged(con, STAGES[stage].writes)
    if not feeds_document_stage(STAGES[stage]):
        release_pools()  # no per-document stage comes after this one: idle workers would only hold memory
    report.seconds = time.perf_counter() - started
    report.throughput = progress.finish()
    return report


@dataclass
class CorpusRun:
    """A whole-corpus stage's run: its report, and the input state to record when it finishes."""

    report: StageReport
    state: str  # what the stage's output will be a function of (graph.corpus_state)
    started: float

    def finish(self) -> StageReport:
        self.report.seconds = time.perf_counter() - self.started
        return self.report


def start_corpus_stage(
    con: duckdb.DuckDBPyConnection, stage: Stage, config: StageConfig | None, force: bool
) -> CorpusRun | StageReport:
    """A CorpusRun when `stage` must run (its inputs moved, or `force`); else its report, marked skipped."""
    started = time.perf_counter()
    config = config or StageConfig()
    report = StageReport(stage.name, version(stage, config))
    state = pending_corpus(con, stage, config)
    if state is None and not force:
        report.skipped = 1
        staging.unchanged(con, stage.writes)  # inputs as when it last ran: its tables are as it left them
        return report
    return CorpusRun(report, state or corpus_state(con, stage, config), started)
