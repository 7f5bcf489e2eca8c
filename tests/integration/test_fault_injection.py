"""A refresh SIGKILLed at any step leaves the published warehouse as it was; the next run recovers.

From one uninterrupted `make run` over the seeds, the seeds change (one file edited, one deleted, one
added, so every stage has work) and `make run`'s code runs in a subprocess (`fault_runner.py`) that
kills itself with SIGKILL inside one step. The runs form a chain, one per kill point in pipeline
order, then one ordinary run:

- each killed run died by SIGKILL at its point, so it got past every earlier point: it recovered on
  its own from what the previous killed run left (uncommitted transactions in the staging WAL,
  half-built stages, Dagster's record of a dead run);
- after every kill the published file is byte for byte the previous one and opens cleanly read-only;
- the final ordinary run succeeds, removes what the kills left (the staging WAL, the half-written
  `.news.duckdb.tmp-*` of the killed publish), marks the killed runs failed in Dagster, and publishes
  the same warehouse as an uninterrupted run from the same starting point (every table compared,
  minus load timestamps and run ids).

A chain rather than one kill-and-recover pair per point halves the runs (about ten seconds each);
the uninterrupted reference run goes alongside it in a second thread.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from fault_runner import KILL_POINTS

# About a minute of subprocess runs (register the marker: markers = ["slow: ..."]; deselect with -m "not slow").
pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("fault_runner.py")
RUN_TIMEOUT_SECONDS = 300

# Table -> columns compared: everything but load timestamps and run ids.
COMPARED = {
    "documents": "* EXCLUDE (ingested_at)",
    "document_metadata": "*",
    "figures": "*",
    "claims": "*",
    "claim_figures": "*",
    "claim_clusters": "*",
    "metric_consistency": "*",
    "rejected_documents": "* EXCLUDE (detected_at)",
}


@dataclass
class Run:
    returncode: int
    output: str


@dataclass
class Kill:
    run: Run
    published_digest: str | None
    published_rows: dict[str, int]
    leftovers: list[str]


@dataclass
class Chain:
    root: Path
    kills: dict[str, Kill] = field(default_factory=dict)
    final: Run | None = None
    leftovers: list[str] = field(default_factory=list)
    runs_in_progress: list[str] = field(default_factory=list)
    snapshot: dict[str, list[tuple]] = field(default_factory=dict)

    @property
    def published(self) -> Path:
        return self.root / "wh" / "news.duckdb"


def refresh(root: Path, point: str = "none") -> Run:
    """`make run`'s refresh over root/seeds into root/wh, in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k not in ("STAGING_PATH", "METRICS_CATALOG", "HYPOTHESIS_PROFILE")}
    env |= {
        "DAGSTER_HOME": str(root / "home"),
        "SEEDS_DIR": str(root / "seeds"),
        "WAREHOUSE_PATH": str(root / "wh" / "news.duckdb"),
    }
    proc = subprocess.run(
        [sys.executable, str(RUNNER), point],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
    )
    return Run(proc.returncode, proc.stdout + proc.stderr)


def change_seeds(seeds: Path) -> None:
    """Give every stage work: one file rewritten, one deleted, one added."""
    files = sorted(seeds.glob("*.txt"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nUpdate: exports rose 4.5% in 2026, officials said.\n")
    files[1].unlink()
    (seeds / "added.txt").write_text(
        "Late article\n\nJapan pledged $7 billion in new aid in 2026, the ministry said. "
        "Analysts expect growth of about 1.2% next year.\n"
    )


def leftovers(root: Path) -> list[str]:
    """Stale files a killed run can leave beside the published and staging databases."""
    wh = root / "wh"
    found = [p.name for p in wh.glob(".news.duckdb.tmp-*")]
    found += [f".staging/{p.name}" for p in (wh / ".staging").glob("*.wal")]
    return sorted(found)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr) for t, cols in COMPARED.items()}


def row_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COMPARED}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def runs_in_progress(home: Path) -> list[str]:
    """Runs Dagster's instance still shows as in progress: a killed run must not stay one forever
    (with `max_concurrent_runs: 1` it would hold the run queue, so no sensor or schedule run starts)."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        records = instance.get_run_records(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
        return [r.dagster_run.run_id for r in records]


def prepare(base: Path, root: Path) -> None:
    shutil.copytree(base, root, symlinks=True)
    change_seeds(root / "seeds")


def run_chain(base: Path, root: Path) -> Chain:
    prepare(base, root)
    chain = Chain(root)
    for point in KILL_POINTS:
        run = refresh(root, point)
        published = chain.published.exists()
        chain.kills[point] = Kill(
            run,
            digest(chain.published) if published else None,
            row_counts(chain.published) if published else {},
            leftovers(root),
        )
        if run.returncode != -signal.SIGKILL:
            return chain  # the chain is broken: the tests report this kill
    chain.final = refresh(root)
    chain.leftovers = leftovers(root)
    chain.runs_in_progress = runs_in_progress(root / "home")
    if chain.final.returncode == 0:
        chain.snapshot = snapshot(chain.published)
    return chain


def run_reference(base: Path, root: Path) -> Chain:
    prepare(base, root)
    chain = Chain(root, final=refresh(root))
    if chain.final.returncode == 0:
        chain.snapshot = snapshot(chain.published)
    return chain


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("faults") / "base"
    (base / "home").mkdir(parents=True)
    shutil.copy(PROJECT / "dagster.yaml", base / "home" / "dagster.yaml")
    shutil.copytree(PROJECT / "seeds", base / "seeds")
    run = refresh(base)
    assert run.returncode == 0, run.output
    return base


@pytest.fixture(scope="module")
def runs(baseline: Path):
    """The chain of killed runs and the uninterrupted reference, side by side."""
    with ThreadPoolExecutor(2) as pool:
        chain = pool.submit(run_chain, baseline, baseline.parent / "chain")
        reference = pool.submit(run_reference, baseline, baseline.parent / "reference")
        yield chain, reference


@pytest.fixture(scope="module")
def chain(runs) -> Chain:
    return runs[0].result()


@pytest.fixture(scope="module")
def reference(runs) -> Chain:
    ref = runs[1].result()
    assert ref.final.returncode == 0, ref.final.output
    return ref


@pytest.mark.parametrize("point", KILL_POINTS)
def test_kill_leaves_the_published_warehouse_as_it_was(point: str, baseline: Path, chain: Chain):
    kill = chain.kills.get(point)
    assert kill is not None, "an earlier run of the chain did not die at its kill point"
    # The run died at its kill point by SIGKILL, so it recovered from the previous kill on its own.
    assert kill.run.returncode == -signal.SIGKILL, kill.run.output[-3000:]
    # The published file is exactly the previous one, and opens cleanly.
    assert kill.published_digest == digest(baseline / "wh" / "news.duckdb")
    assert kill.published_rows == row_counts(baseline / "wh" / "news.duckdb")
    if point == "publish":
        assert any(name.startswith(".news.duckdb.tmp-") for name in kill.leftovers), kill.leftovers


def test_next_run_recovers_and_publishes_what_an_uninterrupted_run_does(chain: Chain, reference: Chain):
    assert chain.final is not None, "the chain broke before its final run"
    assert chain.final.returncode == 0, chain.final.output[-3000:]
    assert chain.leftovers == []  # stale temp file of the killed publish and staging WAL are gone
    assert chain.runs_in_progress == []  # the killed runs are marked failed, not left "STARTED"
    assert "marked failed 1 earlier run(s) whose process was killed" in chain.final.output  # the last one
    for table in COMPARED:
        assert chain.snapshot[table] == reference.snapshot[table], table


def test_reference_run_changed_something(baseline: Path, reference: Chain):
    """The seeds change reaches every table compared, so the comparison has teeth."""
    before = snapshot(baseline / "wh" / "news.duckdb")
    changed = {t for t in COMPARED if before[t] != reference.snapshot[t]}
    assert changed >= {"documents", "document_metadata", "figures", "claims", "claim_figures"}
