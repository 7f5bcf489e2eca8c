"""How `make run` scales: wall time and peak memory of a refresh over 10,000 and 100,000 articles.

    .venv/bin/python -m bench.scale [--sizes 10000,100000] [--skip-build] [--out bench/out]

For each corpus size (built by `bench.corpus`, 100 files per folder, reused when already built) the
refresh runs as `python -m pipelines.run` in its own process, under `/usr/bin/time -v`, with
SEEDS_DIR, WAREHOUSE_PATH and DAGSTER_HOME (a fresh folder holding a copy of the project's
dagster.yaml) pointing into `<out>/run-<size>/`, three times:

- cold: empty warehouse, staging database and Dagster instance;
- noop: nothing changed since the cold run;
- one-new: one more article in the seeds folder, the corpus's next one (removed again afterwards).

Memory: `time -v`'s "Maximum resident set size" is the peak of the single largest process of the
tree (getrusage reports the largest descendant, not a sum), so it misses the stage process pool's
workers running next to the main process. The tree is therefore also polled through /proc every
0.2 s: the peak of the summed RSS of every process in the tree, and the peak of the summed PSS
(shared pages split between the processes sharing them, so the sum is not inflated by the pages
forkserver workers share). "peak MB" in the table is the larger of that PSS peak (RSS sum when PSS
is not readable) and time -v's largest process: polling can miss a short spike that time -v sees.

Prints a table (size, scenario, wall seconds, CPU seconds, peak memory MB, documents, figures,
claims, targets, what the run did) and merges the results into `<out>/scale_results.json`, with
per-step seconds, per-step CPU seconds (the polled tree's CPU time between the step's start and end;
less sensitive than wall time to other work on the machine) and per-step peak memory from the Dagster
event log of each run.

Runs get a bytecode cache outside the tree (PYTHONPYCACHEPREFIX=<out>/pycache, and a warm-up import
before the first measured run), as any machine that has run the project once has; `--snapshot` runs
a copy of the code taken when the bench starts, so edits made meanwhile (other work in the same tree)
cannot change the extractor versions mid-bench and turn a no-op run into a reprocessing one.

Targets (2 cores, the issue's): 10,000 articles cold <= 45 s; noop <= 10 s; one-new <= 10 s, and
one-new at 10,000 articles <= 1.3x one-new at 1,000 when both sizes run (the cost of a new file must
not grow with the corpus); peak memory <= 2 GB at 100,000 articles.

End to end (`--end-to-end`, with or without `--sizes`): a cold run over the 2,000-article corpus
(`--end-to-end-size`), as above, and in the same command quantulum3's `parser.parse` (what
bench/figures_throughput.py measures as the baseline) over a slice of the same corpus's files
(`--quantulum-kb`, in path order). Both rates are MB of the files' bytes per wall second: the refresh's
whole cold run (landing, extraction on the process pool, validation, publish, Dagster) against
quantulum3's extraction alone on one core. Prints the ratio; target >= 50x. Needs the bench extra
(quantulum3). The result is stored under "end_to_end" in scale_results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.corpus import DEFAULT_OUT, PROJECT, article_file, build_corpus, relative_path

TIME_BIN = "/usr/bin/time"
SCENARIOS = ("cold", "noop", "one-new")
POLL_SECONDS = 0.2

# (scenario, applies to sizes >=, limit in wall seconds): the targets.
WALL_TARGETS = {"cold": (10_000, 45.0), "noop": (0, 10.0), "one-new": (0, 10.0)}
MEMORY_TARGET_MB = 2048.0
# One new file at the larger size may cost at most this times what it costs at the smaller one.
GROWTH_SIZES = (1_000, 10_000)
GROWTH_TARGET = 1.3
END_TO_END_SIZE = 2_000
END_TO_END_TARGET = 50.0
QUANTULUM_KB = 100.0


@dataclass
class RunResult:
    size: int
    scenario: str
    ok: bool
    exit_code: int
    wall_seconds: float
    max_rss_mb: float | None  # time -v: largest single process
    tree_rss_mb: float | None  # /proc polling: peak of the summed RSS of the process tree
    tree_pss_mb: float | None  # /proc polling: peak of the summed PSS of the process tree
    max_processes: int
    cpu_seconds: float  # the whole tree's, from /proc (time -v's user+sys miss the pool workers)
    counts: dict[str, int] = field(default_factory=dict)
    steps: dict[str, float] = field(default_factory=dict)  # seconds per Dagster step, "(run)" for the run
    step_cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of the tree while each step ran
    step_peak_mb: dict[str, float] = field(default_factory=dict)  # peak tree memory while each step ran
    notes: dict[str, object] = field(default_factory=dict)  # what the run did: processed, publish mode...
    load_average: tuple[float, float] = (0.0, 0.0)  # 1-minute load before and after: other work on the machine
    summary: str = ""

    @property
    def peak_mb(self) -> float:
        """The larger of the tree's summed PSS peak and the largest single process (conservative)."""
        tree = self.tree_pss_mb or self.tree_rss_mb or 0.0
        return max(tree, self.max_rss_mb or 0.0)


# -- process tree memory ---------------------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _tree(root: int) -> list[int]:
    children = _children_map()
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        stack.extend(children.get(pid, ()))
    return pids


def _memory_kb(pid: int) -> tuple[int, int | None]:
    """(RSS, PSS) of one process in kB; PSS None when smaps_rollup is not readable."""
    rss = pss = None
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    if rss is None:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                rss = int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except OSError:
            rss = 0
    return rss, pss


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of one process (children not included)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TreeSampler(threading.Thread):
    """Polls the memory and CPU time of a process and all its descendants until stopped."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_rss_kb = 0
        self.peak_pss_kb: int | None = None
        self.max_processes = 0
        self.timeline: list[tuple[float, int]] = []  # (unix time, summed PSS or RSS in kB)
        self.cpu_timeline: list[tuple[float, float]] = []  # (unix time, CPU seconds of the tree so far)
        self._cpu: dict[int, float] = {}  # last CPU seconds seen per process
        self._stop_event = threading.Event()

    @property
    def cpu_seconds(self) -> float:
        """CPU time of the whole tree (up to the last sample of each process)."""
        return sum(self._cpu.values())

    def run(self) -> None:
        while not self._stop_event.is_set():
            pids = _tree(self.root)
            samples = [_memory_kb(p) for p in pids]
            for pid in pids:
                cpu = _cpu_seconds(pid)
                if cpu is not None:
                    self._cpu[pid] = cpu
            self.max_processes = max(self.max_processes, len(pids))
            rss = sum(r for r, _ in samples)
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            total = rss
            if all(p is not None for _, p in samples):
                total = sum(p for _, p in samples if p is not None)
                self.peak_pss_kb = max(self.peak_pss_kb or 0, total)
            now = time.time()
            self.timeline.append((now, total))
            self.cpu_timeline.append((now, self.cpu_seconds))
            self._stop_event.wait(POLL_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


# -- one run ---------------------------------------------------------------------------------------


def _parse_time_v(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key == "Maximum resident set size (kbytes)":
            out["max_rss_kb"] = float(value)
        elif key == "User time (seconds)":
            out["user"] = float(value)
        elif key == "System time (seconds)":
            out["system"] = float(value)
        elif key.startswith("Elapsed (wall clock) time"):
            seconds = 0.0
            for part in value.split(":"):
                seconds = seconds * 60 + float(part)
            out["wall"] = seconds
    return out


def warehouse_counts(path: Path) -> dict[str, int]:
    import duckdb

    queries = {
        "documents": "SELECT count(*) FROM documents",
        "rejected": "SELECT count(*) FROM rejected_documents",
        "figures": "SELECT count(*) FROM figures",
        "claims": "SELECT count(*) FROM claims",
        "claim_clusters": "SELECT count(*) FROM claim_clusters",
        "metrics": "SELECT count(*) FROM metric_consistency",
        "validation_results": "SELECT count(*) FROM validation_results",
        "validation_runs": "SELECT count(DISTINCT run_id) FROM validation_results",
    }
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return {k: con.execute(q).fetchone()[0] for k, q in queries.items()}
    except duckdb.Error:
        return {}


def _event_db(dagster_home: Path, run_id: str) -> Path | None:
    candidates = [dagster_home / "history" / "runs" / f"{run_id}.db", dagster_home / "storage" / f"{run_id}.db"]
    return next((p for p in candidates if p.is_file()), None)


def step_windows(dagster_home: Path, run_id: str) -> dict[str, tuple[float, float]]:
    """(start, end) unix times per step of one run, and `(run)` for the whole run, from Dagster's event log."""
    db = _event_db(dagster_home, run_id)
    if db is None:
        return {}
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            rows = con.execute(
                "SELECT coalesce(step_key, '(run)'), dagster_event_type, timestamp FROM event_logs "
                "WHERE dagster_event_type IN ('STEP_START', 'STEP_SUCCESS', 'STEP_FAILURE', "
                "'RUN_START', 'RUN_SUCCESS', 'RUN_FAILURE') ORDER BY id"
            ).fetchall()
    except sqlite3.Error:
        return {}
    started: dict[str, float] = {}
    out: dict[str, tuple[float, float]] = {}
    for step, kind, ts in rows:
        t = _timestamp(ts)
        if kind.endswith("_START"):
            started[step] = t
        elif step in started:
            out[step] = (started[step], t)
    return out


NOTE_LABELS = {"processed_documents", "processed", "recomputed", "publish_mode", "changed_tables", "validation"}


def run_notes(dagster_home: Path, run_id: str) -> dict[str, object]:
    """Metadata that says what each step did (documents processed, validation reused, publish mode)."""
    db = _event_db(dagster_home, run_id)
    if db is None:
        return {}
    notes: dict[str, object] = {}
    reused = ran = 0

    def entries(node: object):
        if isinstance(node, dict):
            if "label" in node and isinstance(node.get("entry_data"), dict):  # materializations
                data = node["entry_data"]
                yield node["label"], data.get("value", data.get("text"))
            for key, v in node.items():
                if isinstance(v, dict) and str(v.get("__class__", "")).endswith("MetadataEntryData"):
                    yield key, v.get("value", v.get("text"))  # check evaluations: {label: entry data}
                yield from entries(v)
        elif isinstance(node, list):
            for v in node:
                yield from entries(v)

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            rows = con.execute(
                "SELECT step_key, event FROM event_logs "
                "WHERE dagster_event_type IN ('ASSET_MATERIALIZATION', 'ASSET_CHECK_EVALUATION')"
            ).fetchall()
    except sqlite3.Error:
        return {}
    for step, event in rows:
        for label, value in entries(json.loads(event)):
            if label == "validation":
                reused += str(value).startswith("reused")
                ran += not str(value).startswith("reused")
            elif label in NOTE_LABELS:
                notes[f"{step}.{label}"] = value
    notes["validations_run"] = ran
    notes["validations_reused"] = reused
    return notes


def _timestamp(value: object) -> float:
    if isinstance(value, int | float):
        return float(value)
    from datetime import UTC, datetime

    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC).timestamp()  # Dagster stores UTC


def pipeline_env(seeds: Path, run_dir: Path, out: Path, snapshot: Path | None) -> dict[str, str]:
    env = {
        **os.environ,
        "SEEDS_DIR": str(seeds),
        "WAREHOUSE_PATH": str(run_dir / "warehouse" / "news.duckdb"),
        "DAGSTER_HOME": str(run_dir / "dagster_home"),
        "PYTHONUNBUFFERED": "1",
        # Bytecode cached as on any developer machine, but outside the tree (the project's venv may
        # have been installed without .pyc files, and compiling dagster/GX every run costs seconds).
        "PYTHONPYCACHEPREFIX": str(out / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("STAGING_PATH", None)
    if snapshot is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(snapshot), env.get("PYTHONPATH", "")]))
    return env


def warm_up(env: dict[str, str]) -> None:
    """Import what a run imports once, so every measured run finds its bytecode cached."""
    code = "import pipelines.definitions; from newsfacts.quality.runner import gx_context; gx_context()"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=env["DAGSTER_HOME"], check=True)


def run_refresh(size: int, scenario: str, env: dict[str, str], run_dir: Path) -> RunResult:
    home = Path(env["DAGSTER_HOME"])
    warehouse = Path(env["WAREHOUSE_PATH"])
    time_out = run_dir / f"time-{scenario}.txt"
    log = run_dir / f"log-{scenario}.txt"
    cmd = [TIME_BIN, "-v", "-o", str(time_out), sys.executable, "-m", "pipelines.run"]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with open(log, "w") as log_fh:
        proc = subprocess.Popen(cmd, cwd=home, env=env, stdout=subprocess.PIPE, stderr=log_fh, text=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        stdout, _ = proc.communicate()
        sampler.stop()
    wall = time.perf_counter() - started
    log.write_text(stdout + "\n--- stderr ---\n" + log.read_text())
    timing = _parse_time_v(time_out.read_text()) if time_out.is_file() else {}
    match = re.search(r"\(run ([0-9a-f-]{36})\)", stdout)
    windows = step_windows(home, match.group(1)) if match else {}
    step_peak = {
        step: round(max((kb for t, kb in sampler.timeline if start <= t <= end), default=0) / 1024, 1)
        for step, (start, end) in windows.items()
    }

    def cpu_at(t: float) -> float:
        """The tree's CPU seconds at the last sample taken by time t."""
        return max((cpu for ts, cpu in sampler.cpu_timeline if ts <= t), default=0.0)

    step_cpu = {step: round(cpu_at(end) - cpu_at(start), 2) for step, (start, end) in windows.items()}
    return RunResult(
        size=size,
        scenario=scenario,
        ok=proc.returncode == 0,
        exit_code=proc.returncode,
        wall_seconds=round(timing.get("wall", wall), 2),
        max_rss_mb=round(timing["max_rss_kb"] / 1024, 1) if "max_rss_kb" in timing else None,
        tree_rss_mb=round(sampler.peak_rss_kb / 1024, 1) if sampler.peak_rss_kb else None,
        tree_pss_mb=round(sampler.peak_pss_kb / 1024, 1) if sampler.peak_pss_kb else None,
        max_processes=sampler.max_processes,
        cpu_seconds=round(sampler.cpu_seconds, 1),
        counts=warehouse_counts(warehouse),
        steps={step: round(end - start, 2) for step, (start, end) in windows.items()},
        step_cpu=step_cpu,
        step_peak_mb=step_peak,
        notes=run_notes(home, match.group(1)) if match else {},
        load_average=(round(load_before, 2), round(os.getloadavg()[0], 2)),
        summary=stdout.strip(),
    )


def fresh_run_dir(out: Path, size: int) -> Path:
    run_dir = out / f"run-{size}"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    home = run_dir / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(PROJECT / "dagster.yaml", home / "dagster.yaml")
    return run_dir


def take_snapshot(out: Path) -> Path:
    """A copy of the project's packages, so edits made while the bench runs do not change what it measures."""
    snapshot = out / "snapshot"
    if snapshot.exists():
        shutil.rmtree(snapshot)
    for package in ("newsfacts", "assets", "pipelines"):
        shutil.copytree(PROJECT / package, snapshot / package, ignore=shutil.ignore_patterns("__pycache__"))
    return snapshot


def bench_size(
    size: int, corpus: Path, out: Path, scenarios: tuple[str, ...], snapshot: Path | None
) -> list[RunResult]:
    run_dir = fresh_run_dir(out, size)
    env = pipeline_env(corpus, run_dir, out, snapshot)
    warm_up(env)
    # The next article of the corpus, where the next one would land (in a new folder).
    new_file = corpus / relative_path(size)
    results = []
    try:
        for scenario in scenarios:
            if scenario == "one-new":
                new_file.parent.mkdir(parents=True, exist_ok=True)
                new_file.write_bytes(article_file(size)[1])
            r = run_refresh(size, scenario, env, run_dir)
            print(
                f"  {size:>7,} {scenario:<8} {r.wall_seconds:7.1f}s {r.peak_mb:8.0f} MB  cpu {r.cpu_seconds:6.1f}s"
                f"  load {r.load_average[0]:.1f}->{r.load_average[1]:.1f}  ok={r.ok}",
                flush=True,
            )
            if not r.ok:
                print("    " + r.summary.replace("\n", "\n    "), flush=True)
            results.append(r)
    finally:
        new_file.unlink(missing_ok=True)
        folder = new_file.parent
        while folder != corpus and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return results


# -- report ----------------------------------------------------------------------------------------


def targets_met(r: RunResult) -> str:
    notes = []
    min_size, limit = WALL_TARGETS.get(r.scenario, (0, None))
    if limit is not None and r.size >= min_size:
        notes.append(f"wall<={limit:g}s {'ok' if r.wall_seconds <= limit else 'MISS'}")
    if r.size >= 100_000:
        notes.append(f"mem<=2GB {'ok' if r.peak_mb <= MEMORY_TARGET_MB else 'MISS'}")
    if not r.ok:
        notes.append(f"FAILED (exit {r.exit_code})")
    return ", ".join(notes)


def what_ran(r: RunResult) -> str:
    n = r.notes
    parts = []
    if "extracted_claims.processed_documents" in n:
        parts.append(f"extracted {n['extracted_claims.processed_documents']}")
    if "validations_run" in n:
        parts.append(f"GX suites {n['validations_run']} run/{n['validations_reused']} reused")
    if "published_warehouse.publish_mode" in n:
        parts.append(f"publish {n['published_warehouse.publish_mode']}")
    return ", ".join(parts)


def table(results: list[RunResult]) -> str:
    head = (
        f"{'articles':>8} {'scenario':<8} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'max1 MB':>8} "
        f"{'documents':>9} {'figures':>9} {'claims':>9}  targets / what ran"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        c = r.counts
        lines.append(
            f"{r.size:>8,} {r.scenario:<8} {r.wall_seconds:>7.1f} {r.cpu_seconds:>7.1f} {r.peak_mb:>8.0f} "
            f"{r.max_rss_mb or 0:>8.0f} {c.get('documents', 0):>9,} {c.get('figures', 0):>9,} "
            f"{c.get('claims', 0):>9,}  {targets_met(r)}; {what_ran(r)}"
        )
    lines.append(
        "peak MB: max(peak of the summed PSS of the process tree (main + forkserver + pool workers), max1); "
        "max1 MB: time -v, the largest single process; cpu s: whole tree, from /proc. "
        "Wall times depend on what else runs on the machine: see load_average in the JSON."
    )
    return "\n".join(lines)


def growth_line(results: list[RunResult]) -> str | None:
    """One new file at the larger GROWTH_SIZES against the smaller one, when both ran."""
    one_new = {r.size: r for r in results if r.scenario == "one-new" and r.ok}
    small, large = GROWTH_SIZES
    if small not in one_new or large not in one_new:
        return None
    a, b = one_new[small], one_new[large]
    wall = b.wall_seconds / a.wall_seconds if a.wall_seconds else float("inf")
    cpu = b.cpu_seconds / a.cpu_seconds if a.cpu_seconds else float("inf")
    verdict = "ok" if wall <= GROWTH_TARGET else "MISS"
    return (
        f"one new file at {large:,} vs {small:,}: {wall:.2f}x wall ({b.wall_seconds:.1f} s / {a.wall_seconds:.1f} s), "
        f"{cpu:.2f}x CPU; target <= {GROWTH_TARGET:g}x {verdict}"
    )


# -- end to end against quantulum3 -----------------------------------------------------------------


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus's article files in path order (what landing reads)."""
    from newsfacts.landing import SUFFIXES

    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def quantulum_rate(files: list[Path], kb: float) -> dict[str, float]:
    """quantulum3's parse over the first files totalling about `kb` KB: MB, seconds, MB/s (wall and CPU)."""
    import warnings

    texts, size = [], 0
    for path in files:
        if size >= kb * 1e3:
            break
        data = path.read_bytes()
        texts.append(data.decode("utf-8", "replace"))
        size += len(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse(texts[0][:2000])  # loads its unit tables outside the clock
        wall, cpu = time.perf_counter(), time.process_time()
        quantities = sum(len(parser.parse(t)) for t in texts)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mb = size / 1e6
    return {
        "documents": len(texts),
        "mb": round(mb, 4),
        "quantities": quantities,
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "mb_per_second": mb / wall if wall else 0.0,
        "mb_per_second_cpu": mb / cpu if cpu else 0.0,
    }


def end_to_end(cold: RunResult, corpus: Path, kb: float) -> dict[str, object]:
    """The cold run's MB/s over the corpus's bytes against quantulum3's on a slice of the same files."""
    files = corpus_files(corpus)
    corpus_mb = sum(p.stat().st_size for p in files) / 1e6
    ours = corpus_mb / cold.wall_seconds if cold.wall_seconds else 0.0
    baseline = quantulum_rate(files, kb)
    ratio = ours / baseline["mb_per_second"] if baseline["mb_per_second"] else float("inf")
    # Per CPU second as well: less sensitive to other work on the machine, but the refresh's CPU
    # seconds are summed over its pool's processes, so this ratio is the lower of the two on 2 cores.
    ours_cpu = corpus_mb / cold.cpu_seconds if cold.cpu_seconds else 0.0
    ratio_cpu = ours_cpu / baseline["mb_per_second_cpu"] if baseline["mb_per_second_cpu"] else float("inf")
    return {
        "size": cold.size,
        "ok": cold.ok,
        "corpus_mb": round(corpus_mb, 3),
        "cold_wall_seconds": cold.wall_seconds,
        "cold_cpu_seconds": cold.cpu_seconds,
        "mb_per_second": round(ours, 4),
        "quantulum3": {k: round(v, 4) if isinstance(v, float) else v for k, v in baseline.items()},
        "ratio": round(ratio, 1),
        "ratio_per_cpu_second": round(ratio_cpu, 1),
        "target": END_TO_END_TARGET,
        "met": cold.ok and ratio >= END_TO_END_TARGET,
    }


def end_to_end_line(e2e: dict[str, object]) -> str:
    q = e2e["quantulum3"]
    assert isinstance(q, dict)
    return (
        f"end to end, {e2e['size']:,} articles cold: {e2e['corpus_mb']} MB in {e2e['cold_wall_seconds']} s = "
        f"{e2e['mb_per_second']:.3f} MB/s; quantulum3 {q['mb']} MB in {q['wall_seconds']} s = "
        f"{q['mb_per_second']:.4f} MB/s ({q['mb_per_second_cpu']:.4f} per CPU s); ratio {e2e['ratio']}x "
        f"({e2e['ratio_per_cpu_second']}x per CPU second), "
        f"target >= {END_TO_END_TARGET:g}x {'ok' if e2e['met'] else 'MISS'}"
    )


def save(results: list[RunResult], path: Path, e2e: dict[str, object] | None = None) -> None:
    """Merge into the JSON file: a (size, scenario) measured now replaces the one stored before."""
    stored: list[dict] = []
    if path.is_file():
        try:
            stored = json.loads(path.read_text()).get("results", [])
        except (ValueError, AttributeError):
            stored = []
    fresh = {(r.size, r.scenario) for r in results}
    merged = [s for s in stored if (s.get("size"), s.get("scenario")) not in fresh]
    merged += [{**asdict(r), "peak_mb": r.peak_mb, "targets": targets_met(r)} for r in results]
    merged.sort(key=lambda s: (s["size"], SCENARIOS.index(s["scenario"]) if s["scenario"] in SCENARIOS else 9))
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True)
    payload = {"machine": machine, "commit": commit.stdout.strip(), "measured_at": time.strftime("%F %T")}
    stored_e2e = None
    if path.is_file():
        try:
            stored_e2e = json.loads(path.read_text()).get("end_to_end")
        except (ValueError, AttributeError):
            stored_e2e = None
    payload["end_to_end"] = e2e or stored_e2e
    path.write_text(json.dumps({**payload, "results": merged}, indent=2) + "\n")


def ensure_time() -> None:
    if Path(TIME_BIN).exists():
        return
    print("installing GNU time (Debian package `time`) for /usr/bin/time -v", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="work folder (corpora, runs, results)")
    parser.add_argument("--skip-build", action="store_true", help="use the corpora already under --out")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help=f"subset of {','.join(SCENARIOS)}")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--snapshot", action="store_true", help="run a copy of the code taken at start (immune to concurrent edits)"
    )
    parser.add_argument(
        "--code", type=Path, help="run the packages (newsfacts, assets, pipelines) found in this folder instead"
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run the extraction on this Dask scheduler (DASK_SCHEDULER_ADDRESS); its workers are outside the "
        "measured process tree, so peak MB and CPU seconds leave them out",
    )
    parser.add_argument(
        "--end-to-end",
        action="store_true",
        help=f"also a cold run over --end-to-end-size articles against quantulum3 (target >= {END_TO_END_TARGET:g}x)",
    )
    parser.add_argument("--end-to-end-size", type=int, default=END_TO_END_SIZE)
    parser.add_argument("--quantulum-kb", type=float, default=QUANTULUM_KB, help="quantulum3's slice of the corpus")
    args = parser.parse_args()
    if args.dask:
        os.environ["DASK_SCHEDULER_ADDRESS"] = args.dask
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    scenarios = tuple(s for s in SCENARIOS if s in args.scenarios.split(","))
    ensure_time()
    snapshot = args.code.resolve() if args.code else take_snapshot(out) if args.snapshot else None
    results: list[RunResult] = []
    corpora: dict[int, Path] = {}
    wanted = [(size, scenarios) for size in sizes]
    if args.end_to_end and not any(size == args.end_to_end_size and "cold" in sc for size, sc in wanted):
        wanted.append((args.end_to_end_size, ("cold",)))
    for size, size_scenarios in wanted:
        corpus = out / f"corpus-{size}"
        if args.skip_build:
            if not corpus.is_dir():
                parser.error(f"--skip-build: {corpus} does not exist")
        else:
            corpus = build_corpus(size, out, args.seed)
        corpora[size] = corpus
        print(f"corpus {corpus} ({size:,} articles)", flush=True)
        results += bench_size(size, corpus, out, size_scenarios, snapshot)
    e2e = None
    if args.end_to_end:
        cold = next(r for r in results if r.size == args.end_to_end_size and r.scenario == "cold")
        e2e = end_to_end(cold, corpora[args.end_to_end_size], args.quantulum_kb)
    print()
    print(table(results))
    for line in (growth_line(results), end_to_end_line(e2e) if e2e else None):
        if line:
            print(line)
    save(results, out / "scale_results.json", e2e)
    print(f"\nresults: {out / 'scale_results.json'}; logs: {out}/run-<size>/log-<scenario>.txt")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
