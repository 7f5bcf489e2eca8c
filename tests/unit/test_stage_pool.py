"""The per-document stages' process pool: one per run inside `kept_pool`, one per call outside it.

Real worker processes (forkserver), no mocks: each batch returns the id of the process that ran it.
"""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from newsfacts.stages import batching
from newsfacts.stages.graph import STAGES, feeds_document_stage

BATCHES = [[i, i + 1] for i in range(0, 8, 2)]


def pid_of(batch: list[int]) -> tuple[list[int], int]:
    """The batch doubled, and the process that computed it."""
    return [n * 2 for n in batch], os.getpid()


def die_on_three(batch: list[int]) -> list[int]:
    """A worker that is killed mid-stage (as by the OOM killer) on the batch holding 3."""
    if 3 in batch:
        os._exit(1)
    return batch


def run(fn=pid_of, batches=BATCHES) -> tuple[list[list[int]], set[int]]:
    out = list(batching.map_batches(fn, batches, workers=2, parallel=True))
    return [r for r, _ in out], {pid for _, pid in out}


def test_results_keep_the_order_batches_were_sent():
    results, pids = run()
    assert results == [[n * 2 for n in b] for b in BATCHES]
    assert os.getpid() not in pids


def test_outside_a_kept_block_each_call_has_its_own_processes():
    _, first = run()
    _, second = run()
    assert not first & second
    assert not batching._KEPT.pools


def test_inside_a_kept_block_the_stages_share_the_workers():
    with batching.kept_pool():
        _, first = run()
        _, second = run()
        assert second <= first
        assert batching._KEPT.pools
    assert not batching._KEPT.pools, "the block's end shuts the pool"


def test_release_ends_the_kept_pool_and_a_later_stage_starts_another():
    with batching.kept_pool():
        _, first = run()
        batching.release_pools()
        assert not batching._KEPT.pools
        _, second = run()
        assert not first & second


def test_nested_blocks_keep_the_outer_pool():
    with batching.kept_pool():
        with batching.kept_pool():
            _, inner = run()
        assert batching._KEPT.pools, "an inner block's end must not shut the run's pool"
        _, outer = run()
        assert outer <= inner


def test_a_dead_worker_fails_its_stage_and_the_next_stage_gets_a_fresh_pool():
    with batching.kept_pool():
        with pytest.raises(BrokenProcessPool):
            list(batching.map_batches(die_on_three, BATCHES, workers=2, parallel=True))
        assert not batching._KEPT.pools
        results, _ = run()
        assert results == [[n * 2 for n in b] for b in BATCHES]


def test_a_caller_that_stops_early_leaves_the_pool_usable():
    with batching.kept_pool():
        results = batching.map_batches(pid_of, BATCHES * 4, workers=2, parallel=True)
        next(results)
        results.close()
        assert run()[0] == [[n * 2 for n in b] for b in BATCHES]


@pytest.mark.parametrize(
    ("stage", "feeds"),
    [("landing", True), ("metadata", True), ("figures", True), ("claims", False), ("clusters", False)],
)
def test_the_pool_is_released_after_the_last_stage_that_uses_it(stage: str, feeds: bool):
    assert feeds_document_stage(STAGES[stage]) is feeds


@pytest.mark.parametrize(("n", "size", "workers"), [(10_000, 250, 2), (1_000, 250, 2), (401, 250, 4), (7, 250, 2)])
def test_tapered_batches_cover_the_items_in_order_and_shrink_at_the_end(n: int, size: int, workers: int):
    items = list(range(n))
    batches = [list(b) for b in batching.tapered(items, size, workers)]
    assert [i for b in batches for i in b] == items
    sizes = [len(b) for b in batches]
    assert max(sizes) <= size
    assert sizes == sorted(sizes, reverse=True), "batches only shrink"
    assert all(s >= batching.MIN_TAPERED_BATCH for s in sizes[:-1])
    if n >= 2 * workers * size:
        assert sizes[0] == size, "a large stage starts with full batches"
        assert sizes[-2] <= batching.MIN_TAPERED_BATCH, "and ends with small ones"


def test_one_worker_gets_equal_batches():
    assert [len(b) for b in batching.tapered(list(range(600)), 250, 1)] == [250, 250, 100]


def test_workers_start_early_only_inside_a_run_and_for_enough_documents():
    from newsfacts.stages.workers import start_workers, warm

    assert not batching.prestart(2, warm), "outside a run there is no pool to keep"
    with batching.kept_pool():
        assert not start_workers(batching.MIN_PARALLEL_DOCUMENTS - 1, 2)
        assert not batching._KEPT.pools
        assert not start_workers(10_000, 1), "one worker runs batches here"
        assert start_workers(batching.MIN_PARALLEL_DOCUMENTS, 2)
        started = batching._KEPT.pools[2]
        assert not start_workers(10_000, 2), "the pool is started once"
        run()
        assert batching._KEPT.pools[2] is started, "the stages use the pool started early"
