"""Worker processes started before the first per-document stage needs them.

A cold refresh validates `documents` (one core: mostly the Great Expectations import, 3-4 CPU-s)
between landing and the first extraction stage. Started then (`start_workers`), the pool's workers
do their own start-up on the other core: each imports the run's main module (2.5 CPU-s for
`python -m pipelines.run`) and the stages' code.

Only that much: a warm-up that also ran each stage once on a short article (2 CPU-s more per worker,
to fill the metric catalog and compiled patterns) overflowed the spare core. Measured at 10,000
articles cold (load 1.4-2.7): the documents suite took 6.6 s against 4.4 s, and the metadata stage
gained only 1.1 s back; those caches fill during the stages' first batches instead, with both cores busy.
"""

from __future__ import annotations

from newsfacts.stages import batching


def warm() -> None:
    """In a worker: the per-document stages' code imported (the run's main module may not import it)."""
    import newsfacts.stages.claims
    import newsfacts.stages.figures
    import newsfacts.stages.metadata  # noqa: F401


def start_workers(landed: int, workers: int) -> bool:
    """Start the run's kept pool now (batching.prestart) when `landed` new or changed documents are
    enough for the stages to run in parallel; whether it did. Landing's count rather than the stages'
    pending queries: a no-op refresh then pays nothing, and a run whose only change is a stage's
    version (rare: after an upgrade) starts its workers when that stage begins, as without this."""
    return landed >= batching.MIN_PARALLEL_DOCUMENTS and batching.prestart(workers, warm)
