"""Splitting pending documents into batches, processed in parallel where it pays off."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many documents a process pool costs more to start than it saves.
MIN_PARALLEL_DOCUMENTS = 400


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def map_batches(fn: Callable[[T], R], batches: Iterable[T], workers: int, parallel: bool) -> Iterator[R]:
    """fn over batches, results in order; in worker processes when `parallel` and workers > 1.

    At most 2 x workers batches are in flight, so memory stays bounded however many documents are
    pending. `forkserver` rather than `fork`: the Dagster process runs threads, and forking a
    threaded process can deadlock the child.
    """
    if workers <= 1 or not parallel:
        yield from map(fn, batches)
        return
    ctx = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        window: deque[Future[R]] = deque()
        for batch in batches:
            window.append(pool.submit(fn, batch))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
