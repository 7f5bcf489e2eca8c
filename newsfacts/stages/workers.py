"""Worker processes started before the first per-document stage needs them.

A cold refresh validates `documents` (one core: mostly the Great Expectations import) between landing
and the first extraction stage. Started then (`start_workers`), the pool's workers import the stages'
code and fill their caches on the other core, so the metadata stage's first batches do not pay it.
"""

from __future__ import annotations

from newsfacts.stages import batching

# A short article in the corpus's shape (headline, date line, body with figures, quotes and a hedge):
# enough for each stage's lazily compiled patterns and the metric catalog to be built once.
WARM_ARTICLE = """Widget Makers Lift Forecast as Orders Climb

Published: 2024-03-05

Widget Corp raised its annual revenue forecast to $4.2 billion on Tuesday after first-quarter orders
rose 12% from a year earlier, the company said. "Demand held up better than we planned," chief
executive Ana Ruiz told analysts, adding that margins could narrow to 18.5% if steel costs keep rising.
Shares gained 3.1% to 57.20 euros in Frankfurt, while the central bank left its main rate at 2.5 percent.
"""


def warm() -> None:
    """In a worker: each per-document stage's batch function run once on WARM_ARTICLE."""
    from newsfacts.stages.claims import claims_batch
    from newsfacts.stages.figures import figures_batch
    from newsfacts.stages.metadata import metadata_batch

    text = WARM_ARTICLE
    metadata_batch([("warm", text)])
    figures = figures_batch([("warm", text, 0, len(text), None)])["figures"]
    spans = list(zip(figures["figure_id"], figures["char_start"], figures["char_end"], strict=True))
    claims_batch([("warm", text, 0, len(text), spans)])


def start_workers(landed: int, workers: int) -> bool:
    """Start the run's kept pool now (batching.prestart) when `landed` new or changed documents are
    enough for the stages to run in parallel; whether it did. Landing's count rather than the stages'
    pending queries: a no-op refresh then pays nothing, and a run whose only change is a stage's
    version (rare: after an upgrade) starts its workers when that stage begins, as without this."""
    return landed >= batching.MIN_PARALLEL_DOCUMENTS and batching.prestart(workers, warm)
