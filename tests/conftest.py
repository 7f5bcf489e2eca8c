"""Shared fixtures: a temporary seeds folder and warehouse, and a real refresh run against them."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from assets.resources import SeedsFolder, Warehouse
from pipelines.definitions import build_definitions

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"


@dataclass
class Project:
    seeds: Path
    warehouse: Path
    staging: Path
    instance: dg.DagsterInstance

    def resources(self, **warehouse_overrides) -> dict:
        return {
            "seeds": SeedsFolder(seeds_dir=str(self.seeds)),
            "warehouse": Warehouse(
                warehouse_path=str(self.warehouse), staging_path=str(self.staging), **warehouse_overrides
            ),
        }

    def refresh(self, **warehouse_overrides) -> dg.ExecuteInProcessResult:
        defs = build_definitions(self.resources(**warehouse_overrides))
        return defs.resolve_job_def("refresh").execute_in_process(instance=self.instance, raise_on_error=False)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    with dg.instance_for_test() as instance:
        yield Project(seeds, tmp_path / "wh" / "news.duckdb", tmp_path / "wh" / ".staging" / "news.duckdb", instance)
