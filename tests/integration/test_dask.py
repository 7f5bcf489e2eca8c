"""The per-document stages on a real Dask cluster give the same warehouse as local processes.

The test starts `dask scheduler` and two `dask worker` processes (the venv's own commands, so the
workers import the same newsfacts) on 127.0.0.1 at free ports, each in a session of its own and
stopped with its process group at the end. The seeds are the project's articles plus a few hundred
from the bench corpus generator, so every stage has several batches to spread over the two workers.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from processes import stop_group

from assets.resources import SeedsFolder, Warehouse
from bench.corpus import article_file
from newsfacts.warehouse.publish import FINGERPRINTS_COLUMN
from pipelines.definitions import build_definitions

distributed = pytest.importorskip("distributed", reason="the `distributed` extra is not installed")

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
DASK = Path(sys.executable).with_name("dask")
# Enough documents for two batches per stage (the runner's batches hold 250), one for each worker.
EXTRA_ARTICLES = 300
START_TIMEOUT = 60
STOP_TIMEOUT = 20
PER_DOCUMENT_STAGES = ("metadata_batch", "figures_batch", "claims_batch")
# Columns that differ between any two runs, whatever engine ran them.
RUN_SPECIFIC_TYPES = ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIME")
# The marker's table fingerprints digest whole rows, timestamps and run ids included.
RUN_SPECIFIC_NAMES = ("run_id", FINGERPRINTS_COLUMN)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], log: Path, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        args, cwd=cwd, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True, env=os.environ.copy()
    )


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a scheduler with two single-threaded workers, all torn down after the module."""
    if not DASK.exists():
        pytest.skip(f"{DASK} is missing: install the `distributed` extra")
    folder = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    port = address.rsplit(":", 1)[1]
    processes = [
        start(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            folder / "scheduler.log",
            folder,
        )
    ]
    try:
        for i in range(2):
            worker = [str(DASK), "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"]
            worker += ["--name", f"w{i}", "--local-directory", str(folder / f"w{i}")]
            processes.append(start(worker, folder / f"worker{i}.log", folder))
        with distributed.Client(address, timeout=START_TIMEOUT, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address
    finally:
        for process in reversed(processes):
            stop_group(process, STOP_TIMEOUT)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", folder)
    for i in range(EXTRA_ARTICLES):
        rel, data = article_file(i)
        (folder / "generated" / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / "generated" / rel).write_bytes(data)
    return folder


def comparable_tables(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that name the run or the moment it ran."""
    tables: dict[str, list[tuple]] = {}
    with duckdb.connect(str(path), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        for name in names:
            columns = [
                f'"{column}"'
                for column, kind in con.execute(
                    "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                    [name],
                ).fetchall()
                if kind not in RUN_SPECIFIC_TYPES and column not in RUN_SPECIFIC_NAMES
            ]
            rows = con.execute(f'SELECT {", ".join(columns)} FROM "{name}"').fetchall()
            tables[name] = sorted(rows, key=repr)
    return tables


def refresh(folder: Path, seeds: Path, instance: dg.DagsterInstance, dask_scheduler_address: str = "") -> Path:
    """A full refresh of `seeds` into a warehouse of its own under `folder`; the published file."""
    published = folder / "news.duckdb"
    resources = {
        "seeds": SeedsFolder(seeds_dir=str(seeds)),
        "warehouse": Warehouse(
            warehouse_path=str(published),
            staging_path=str(folder / ".staging" / "news.duckdb"),
            dask_scheduler_address=dask_scheduler_address,
        ),
    }
    job = build_definitions(resources).resolve_job_def("refresh")
    result = job.execute_in_process(instance=instance, raise_on_error=False)
    assert result.success, f"refresh into {folder} failed"
    return published


def test_dask_refresh_equals_local_refresh(tmp_path: Path, seeds: Path, dask_cluster: str):
    with (
        distributed.Client(dask_cluster, set_as_default=False) as client,
        distributed.get_task_stream(client=client) as task_stream,
        dg.instance_for_test() as instance,
    ):
        on_dask = refresh(tmp_path / "on-dask", seeds, instance, dask_cluster)
        local = refresh(tmp_path / "local", seeds, instance)
        workers = set(client.scheduler_info()["workers"])
    tasks = [t for t in task_stream.data if t["key"].startswith("newsfacts_")]
    prefixes = {t["key"].rsplit("-", 1)[0] for t in tasks}
    assert prefixes == {f"newsfacts_{stage}" for stage in PER_DOCUMENT_STAGES}
    assert {t["worker"] for t in tasks} == workers, "both workers should have computed batches"
    assert len(tasks) >= 2 * len(PER_DOCUMENT_STAGES)

    dask_tables, local_tables = comparable_tables(on_dask), comparable_tables(local)
    assert set(dask_tables) == set(local_tables)
    assert dask_tables["documents"], "the refresh should have landed documents"
    for name, rows in local_tables.items():
        assert dask_tables[name] == rows, f"{name} differs between the Dask and the local run"


def test_results_come_back_in_the_order_batches_were_sent(dask_cluster: str):
    """The runner pairs each result with the ids it sent: a fast late batch must not overtake a slow one."""
    from newsfacts.stages import batching

    def slow_first(batch: list[int]) -> list[int]:
        time.sleep(1.0 if batch[0] == 0 else 0.0)
        return [n * 10 for n in batch]

    with batching.dask_scheduler(dask_cluster):
        results = list(batching.map_batches(slow_first, [[i, i + 1] for i in range(0, 12, 2)], 1, False))
    assert results == [[n * 10, (n + 1) * 10] for n in range(0, 12, 2)]


def test_workers_with_other_code_are_refused(dask_cluster: str):
    """A worker whose newsfacts differs from the run's would store rows under the wrong versions."""
    from newsfacts.stages import batching

    def pretend_other_code() -> None:
        """On a worker: its package digest now answers as if its newsfacts were another release."""
        from newsfacts.stages import batching

        batching.real_package_digest = batching.package_digest
        batching.package_digest = lambda: "other-code"

    def restore() -> None:
        from newsfacts.stages import batching

        batching.package_digest = batching.real_package_digest

    with distributed.Client(dask_cluster, set_as_default=False) as client:
        batching.check_workers(client)
        first = next(iter(client.scheduler_info()["workers"]))
        client.run(pretend_other_code, workers=[first])
        try:
            with pytest.raises(RuntimeError, match=f"same newsfacts code.*{first}"):
                batching.check_workers(client)
        finally:
            client.run(restore, workers=[first])
        batching.check_workers(client)
