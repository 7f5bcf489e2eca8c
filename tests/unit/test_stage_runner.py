"""The per-document runner reads inputs a commit group at a time and hands them out in batches.

A real staging database landed from a folder; the stage under test is a real metadata stage run with
small batch, query and commit sizes so that every boundary is crossed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from newsfacts.stages import runner
from newsfacts.stages.landing import land_documents
from newsfacts.stages.metadata import metadata_batch
from newsfacts.warehouse import staging

NOW = datetime(2026, 1, 1, 12, 0, 0)
DOCUMENTS = 23
ALL_TEXTS = "SELECT document_id, raw_text FROM documents WHERE document_id IN (SELECT document_id FROM ids)"
# Only the odd-numbered documents have an input row: the others must still be marked processed.
ODD_TEXTS = ALL_TEXTS + " AND CAST(right(document_id, 2) AS INTEGER) % 2 = 1"


@pytest.fixture
def con(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(DOCUMENTS):
        (seeds / f"doc{i:02d}.txt").write_text(f"Story {i}\n\nThe index rose {i}% on day {i}, traders said.\n")
    connection = staging.connect(tmp_path / "staging.duckdb")
    land_documents(connection, seeds, NOW)
    yield connection
    connection.close()


def recording(seen: list[list[str]]):
    def fn(batch: Sequence[tuple]) -> dict[str, pl.DataFrame]:
        seen.append([row[0] for row in batch])
        return metadata_batch(batch)

    return fn


@pytest.mark.parametrize(
    ("batch_size", "fetch_documents", "commit_documents"),
    [(4, 8, 8), (4, 10, 3), (5, 5, 100), (50, 8, 8), (1, 1, 1)],
)
def test_batches_are_consecutive_pending_documents_whatever_the_query_size(
    con, monkeypatch, batch_size: int, fetch_documents: int, commit_documents: int
):
    monkeypatch.setattr(runner, "FETCH_DOCUMENTS", fetch_documents)
    seen: list[list[str]] = []
    pending = staging.pending(con, "metadata", "test-version")
    report = runner.run_document_stage(
        con,
        "metadata",
        "test-version",
        ALL_TEXTS,
        recording(seen),
        batch_size=batch_size,
        commit_documents=commit_documents,
    )
    assert [d for batch in seen for d in batch] == pending
    assert all(0 < len(batch) <= batch_size for batch in seen)
    assert report.processed == DOCUMENTS
    assert report.rows["document_metadata"] == DOCUMENTS
    assert staging.pending(con, "metadata", "test-version") == []


def test_documents_without_an_input_row_are_processed_with_no_output(con, monkeypatch):
    monkeypatch.setattr(runner, "FETCH_DOCUMENTS", 6)
    seen: list[list[str]] = []
    report = runner.run_document_stage(con, "metadata", "test-version", ODD_TEXTS, recording(seen), batch_size=4)
    assert report.processed == DOCUMENTS
    assert report.rows["document_metadata"] == DOCUMENTS // 2
    assert all(int(d[-2:]) % 2 == 1 for batch in seen for d in batch)
    assert staging.pending(con, "metadata", "test-version") == []


def test_a_second_run_reads_nothing(con):
    runner.run_document_stage(con, "metadata", "test-version", ALL_TEXTS, metadata_batch)
    seen: list[list[str]] = []
    report = runner.run_document_stage(con, "metadata", "test-version", ALL_TEXTS, recording(seen))
    assert seen == [] and report.processed == 0 and report.skipped == DOCUMENTS
