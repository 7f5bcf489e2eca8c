"""Splitting pending documents into batches, processed in parallel where it pays off.

Batches run in this process, in a local process pool, or on a Dask cluster (dask.distributed) when a
scheduler address is in force (`dask_scheduler`). Wherever they run, they only compute rows: the
results come back to the run's process, which alone writes DuckDB.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

from newsfacts.quality import worker as gx_worker
from newsfacts.versioning import source_digest

T = TypeVar("T")
R = TypeVar("R")

# Below this many documents a process pool costs more to start than it saves. A Dask cluster is
# already running, so it takes every batch when one is configured.
MIN_PARALLEL_DOCUMENTS = 400
# How long to wait for a Dask scheduler to answer and for at least one worker to join it.
DASK_CONNECT_SECONDS = 30.0
# The code the workers must share with the run: the rows they return carry its versions.
WORKER_PACKAGE = "newsfacts"

_DASK_SCHEDULER: ContextVar[str] = ContextVar("dask_scheduler_address", default="")


class _KeptPools:
    """The process pools `kept_pool` holds open in this process: worker count -> pool."""

    def __init__(self) -> None:
        self.depth = 0
        self.pools: dict[int, ProcessPoolExecutor] = {}


_KEPT = _KeptPools()


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# The smallest batch `tapered` hands out: below it the per-task cost (pickling, a result frame) shows.
MIN_TAPERED_BATCH = 25


def tapered(items: Sequence[T], size: int, workers: int) -> Iterator[Sequence[T]]:
    """Consecutive batches of at most `size`, shrinking to MIN_TAPERED_BATCH as the items run out
    (a batch is at most the remainder's share of 2 x `workers`), so the workers finish together.

    With equal batches of 250 the last one ran on one core while the other idled: about a batch's
    time (0.5-1 s) per stage. One worker: batches of `size`.
    """
    i = 0
    while i < len(items):
        n = size if workers <= 1 else min(size, max(MIN_TAPERED_BATCH, (len(items) - i) // (2 * workers)))
        yield items[i : i + n]
        i += n


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


@contextmanager
def dask_scheduler(address: str) -> Iterator[None]:
    """Within the block, `map_batches` sends batches to the Dask scheduler at `address` ("" = local).

    A context variable rather than a parameter: the stages call `map_batches` through the shared
    runner, and only the resource that opens the stage's connection knows the deployment.
    """
    token = _DASK_SCHEDULER.set(address)
    try:
        yield
    finally:
        _DASK_SCHEDULER.reset(token)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """`forkserver` rather than `fork`: the Dagster process runs threads (DuckDB's, polars'), and forking
    a threaded process can deadlock the child.

    The GX worker ends first: a pool means a big run, where validating in this process costs little,
    and both at once would hold 170 MB more (newsfacts/quality/worker.py)."""
    gx_worker.stop()
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))


@contextmanager
def kept_pool() -> Iterator[None]:
    """Within the block (one Dagster run), the stages share one process pool per worker count.

    A worker process starts by importing the run's main module (`python -m pipelines.run` imports
    Dagster and every asset: about 2.5 CPU-s on this 2-core machine) and then fills its caches (the
    metric catalog, compiled patterns: about 1.3 s more). A pool per stage paid that three times per
    cold run; a kept pool pays it once, and `release_pools` ends it when the last per-document stage
    is done, so idle workers do not hold memory through the whole-corpus stages.
    """
    _KEPT.depth += 1
    try:
        yield
    finally:
        _KEPT.depth -= 1
        if not _KEPT.depth:
            release_pools()


def release_pools() -> None:
    """Shut the pools `kept_pool` holds (the next parallel batch, if any, starts a new one)."""
    while _KEPT.pools:
        _, pool = _KEPT.pools.popitem()
        pool.shutdown(cancel_futures=True)


def prestart(workers: int, warm: Callable[[], object]) -> bool:
    """Start the kept pool's workers now, each running `warm` (imports, caches) while this process
    does other work; False (nothing started) outside `kept_pool`, on a Dask cluster, or with one worker.

    Started after landing, the workers' start-up (about 2.5 CPU-s each, see `kept_pool`) runs on the
    second core while this process validates `documents` (the Great Expectations import, one core).
    """
    if not _KEPT.depth or _DASK_SCHEDULER.get() or workers <= 1 or workers in _KEPT.pools:
        return False
    pool = _KEPT.pools[workers] = _new_pool(workers)
    for _ in range(workers):
        pool.submit(warm)  # its outcome is not awaited: a warm-up that fails costs only its time
    return True


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """The kept pool of `workers` processes inside `kept_pool`, else one for this call only."""
    if not _KEPT.depth:
        with _new_pool(workers) as pool:
            yield pool
        return
    pool = _KEPT.pools.get(workers)
    if pool is None:
        pool = _KEPT.pools[workers] = _new_pool(workers)
    try:
        yield pool
    except BrokenProcessPool:
        _KEPT.pools.pop(workers, None)  # a worker died: the next stage starts a fresh pool
        raise


def map_batches(fn: Callable[[T], R], batches: Iterable[T], workers: int, parallel: bool) -> Iterator[R]:
    """fn over batches, results in order: on the Dask cluster when one is configured, else in worker
    processes when `parallel` and workers > 1 (see `kept_pool`), else here.

    At most 2 x workers batches are in flight, so memory stays bounded however many documents are
    pending. Batches not yet started when the caller stops early are cancelled.
    """
    address = _DASK_SCHEDULER.get()
    if address:
        yield from _map_on_dask(fn, batches, address)
        return
    if workers <= 1 or not parallel:
        yield from map(fn, batches)
        return
    with _pool(workers) as pool:
        window: deque[Future[R]] = deque()
        try:
            for batch in batches:
                window.append(pool.submit(fn, batch))
                if len(window) >= 2 * workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for future in window:
                future.cancel()


def task_prefix(fn: Callable[..., Any]) -> str:
    """The Dask key prefix of fn's batches (what the dashboard's task stream groups them by)."""
    return f"newsfacts_{getattr(fn, 'func', fn).__name__}"


def _map_on_dask(fn: Callable[[T], R], batches: Iterable[T], address: str) -> Iterator[R]:
    """fn over batches as Dask tasks, at most 2 x the cluster's threads in flight."""
    # Imported here: dask is an optional extra, and importing it costs start-up time every run pays.
    from distributed import Client

    with Client(address, timeout=DASK_CONNECT_SECONDS, set_as_default=False) as client:
        client.wait_for_workers(1, timeout=DASK_CONNECT_SECONDS)
        check_workers(client)
        slots = max(1, sum(client.nthreads().values()))
        prefix = task_prefix(fn)
        window: deque[Any] = deque()
        for batch in batches:
            window.append(client.submit(fn, batch, key=f"{prefix}-{uuid.uuid4().hex}", pure=False))
            if len(window) >= 2 * slots:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def package_digest() -> str:
    """Digest of the newsfacts code and packaged data files (metric catalog, vocabularies) where it runs."""
    root = Path(importlib.import_module(WORKER_PACKAGE).__file__ or "").parent
    return source_digest(WORKER_PACKAGE, extra_files=tuple(str(p) for p in sorted(root.rglob("*.yaml"))))


def check_workers(client: Any) -> None:
    """Fail before any batch runs unless every worker has the same newsfacts code and data as this process.

    A worker with other code would return rows that the ledger records under this run's versions.
    """
    expected = package_digest()
    found = client.run(package_digest, on_error="return")
    wrong = {worker: digest for worker, digest in found.items() if digest != expected}
    if wrong:
        details = "; ".join(f"{worker}: {digest!r}" for worker, digest in sorted(wrong.items(), key=str))
        raise RuntimeError(
            f"Dask workers must run the same {WORKER_PACKAGE} code as the run (digest {expected}): install "
            f"this project's package in every worker's environment. Differing workers: {details}"
        )
