"""A refresh reports each per-document stage's progress and records its throughput on the asset."""

from __future__ import annotations

import logging

import dagster as dg
import pytest

PER_DOCUMENT_ASSETS = ("document_metadata", "figures", "claims")
STAGE_NAMES = ("metadata", "figures", "claims")


def test_refresh_logs_progress_and_records_throughput(project, caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.INFO, logger="newsfacts.progress"):
        result = project.refresh()
    assert result.success
    lines = [r.getMessage() for r in caplog.records if r.name == "newsfacts.progress"]
    for stage in STAGE_NAMES:
        assert any(line.startswith(f"{stage}: ") and "pending" in line for line in lines), stage
        assert any(line.startswith(f"{stage}: ") and "docs/s" in line and "MB/s" in line for line in lines), stage

    for asset in PER_DOCUMENT_ASSETS:
        event = project.instance.get_latest_materialization_event(dg.AssetKey(asset))
        metadata = event.asset_materialization.metadata
        assert metadata["docs_per_second"].value > 0, asset
        assert metadata["mb_per_second"].value > 0, asset
        assert metadata["input_mb"].value > 0, asset


def test_second_refresh_with_nothing_pending_prints_nothing(project, caplog: pytest.LogCaptureFixture):
    assert project.refresh().success
    with caplog.at_level(logging.INFO, logger="newsfacts.progress"):
        assert project.refresh().success
    assert [r.getMessage() for r in caplog.records if r.name == "newsfacts.progress"] == []
