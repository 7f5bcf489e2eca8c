"""Progress of a per-document stage: documents done of pending, rate and time left, then throughput.

Lines go to the `newsfacts.progress` logger (the library prints nothing itself): `make run` echoes
them to the terminal (`echo_to`), and a Dagster instance can capture them into the run's event log by
listing the logger under `python_logs: managed_python_loggers` in dagster.yaml.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Sequence
from typing import TextIO

LOGGER = logging.getLogger("newsfacts.progress")
# A line at every further tenth of the pending documents, but not more often than every 5 s, so a
# 100,000-document stage prints about ten lines and a two-second one only its final line.
STEP_FRACTION = 0.1
MIN_INTERVAL_SECONDS = 5.0


def input_bytes(rows: Sequence[tuple]) -> int:
    """UTF-8 size of the text a batch reads: the MB in MB/s."""
    return sum(len(v.encode()) for row in rows for v in row if isinstance(v, str))


def echo_to(stream: TextIO = sys.stdout) -> None:
    """Print progress lines on `stream` (once per process, however often it is called)."""
    if not any(getattr(h, "newsfacts_echo", False) for h in LOGGER.handlers):
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("  %(message)s"))
        handler.newsfacts_echo = True  # type: ignore[attr-defined]
        LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.{2 if seconds < 1 else 1 if seconds < 10 else 0}f}s"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes < 60 else f"{minutes // 60}h{minutes % 60:02d}m"


class Progress:
    """Counts one stage's finished documents and bytes; logs at sensible intervals; reports throughput."""

    def __init__(
        self,
        stage: str,
        pending: int,
        skipped: int = 0,
        log: Callable[[str], None] = LOGGER.info,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.stage = stage
        self.pending = pending
        self.done = 0
        self.bytes = 0
        self._log = log
        self._clock = clock
        self._started = clock()
        self._last_line = self._started
        self._last_done = 0
        if pending:
            self._log(f"{stage}: {pending:,} documents pending ({skipped:,} unchanged)")

    @property
    def seconds(self) -> float:
        return self._clock() - self._started

    def advance(self, documents: int, nbytes: int) -> None:
        """Record a finished batch; log a line when a further tenth is done and 5 s have passed."""
        self.done += documents
        self.bytes += nbytes
        now = self._clock()
        step = max(1, int(self.pending * STEP_FRACTION))
        unfinished = self.done < self.pending
        if unfinished and self.done - self._last_done >= step and now - self._last_line >= MIN_INTERVAL_SECONDS:
            self._last_line, self._last_done = now, self.done
            self._log(self.line(now - self._started))

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        share = self.done / self.pending if self.pending else 1.0
        left = (self.pending - self.done) / rate if rate > 0 else float("inf")
        eta = _duration(left) if left != float("inf") else "unknown"
        return (
            f"{self.stage}: {self.done:,} of {self.pending:,} documents ({share:.0%}), "
            f"{rate:,.0f} docs/s, {self.bytes / 1e6 / elapsed if elapsed > 0 else 0.0:.2f} MB/s, {eta} left"
        )

    def finish(self) -> dict[str, float]:
        """Log the final line; the stage's throughput, for its asset metadata."""
        elapsed = self.seconds
        throughput = {
            "docs_per_second": round(self.done / elapsed, 1) if elapsed > 0 else 0.0,
            "mb_per_second": round(self.bytes / 1e6 / elapsed, 3) if elapsed > 0 else 0.0,
            "input_mb": round(self.bytes / 1e6, 3),
        }
        if self.pending:
            self._log(
                f"{self.stage}: {self.done:,} documents in {_duration(elapsed)}, "
                f"{throughput['docs_per_second']:,.0f} docs/s, {throughput['mb_per_second']:.2f} MB/s"
            )
        return throughput
