"""Stage progress: when lines are logged, what they say, and the throughput a stage reports."""

from __future__ import annotations

import io

import pytest

from newsfacts.stages import progress
from newsfacts.stages.progress import Progress, input_bytes


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def tracked(pending: int, skipped: int = 0) -> tuple[Progress, Clock, list[str]]:
    clock, lines = Clock(), []
    return Progress("figures", pending, skipped, log=lines.append, clock=clock), clock, lines


# (batches as (seconds after start, documents), number of progress lines between the first and the last)
CADENCE = [
    pytest.param([(1, 100)] * 10, 0, id="fast stage: only the opening and final lines"),
    pytest.param([(6 * i, 100) for i in range(1, 11)], 9, id="slow stage: a line per tenth"),
    pytest.param([(6 * i, 10) for i in range(1, 101)], 9, id="small batches: still a line per tenth"),
    pytest.param([(60, 500), (61, 500)], 1, id="one slow batch: a line once a tenth is done"),
]


@pytest.mark.parametrize(("batches", "middle_lines"), CADENCE)
def test_lines_every_tenth_but_not_more_often_than_every_five_seconds(batches, middle_lines):
    tracker, clock, lines = tracked(sum(n for _, n in batches))
    for at, documents in batches:
        clock.now = 100.0 + at
        tracker.advance(documents, documents * 1000)
    tracker.finish()
    assert len(lines) == middle_lines + 2
    assert lines[0].startswith("figures: ")


def test_progress_line_gives_done_of_pending_rate_and_time_left():
    tracker, clock, lines = tracked(1000, skipped=40)
    clock.now = 110.0
    tracker.advance(250, 2_500_000)
    assert lines == ["figures: 1,000 documents pending (40 unchanged)", lines[1]]
    assert lines[1] == "figures: 250 of 1,000 documents (25%), 25 docs/s, 0.25 MB/s, 30s left"


@pytest.mark.parametrize(
    ("seconds_left", "expected"),
    [(2.5, "2.5s"), (45, "45s"), (125, "2m05s"), (3 * 3600 + 120, "3h02m")],
)
def test_time_left_reads_at_a_glance(seconds_left, expected):
    # 1,000 documents in 10 s: 100 docs/s, so seconds_left x 100 documents remain.
    tracker, clock, _ = tracked(1000 + round(seconds_left * 100))
    clock.now = 110.0
    tracker.advance(1000, 0)
    assert tracker.line(10.0).endswith(f", {expected} left")


def test_no_rate_yet_means_time_left_unknown():
    tracker, _, _ = tracked(10)
    assert tracker.line(0.0).endswith("unknown left")


def test_nothing_pending_logs_nothing_and_reports_zero_throughput():
    tracker, _, lines = tracked(0, skipped=12)
    assert tracker.finish() == {"docs_per_second": 0.0, "mb_per_second": 0.0, "input_mb": 0.0}
    assert lines == []


def test_finish_reports_docs_and_megabytes_per_second():
    tracker, clock, lines = tracked(400)
    clock.now = 104.0
    tracker.advance(400, 8_000_000)
    assert tracker.finish() == {"docs_per_second": 100.0, "mb_per_second": 2.0, "input_mb": 8.0}
    assert lines[-1] == "figures: 400 documents in 4.0s, 100 docs/s, 2.00 MB/s"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("doc-1", "abc", 0, 3)], 8),  # ids count too: they are read as well
        ([("d", "café")], 6),  # UTF-8 bytes, not characters
        ([("d", None, 5)], 1),
        ([], 0),
    ],
)
def test_input_bytes_counts_utf8_text(rows, expected):
    assert input_bytes(rows) == expected


def test_echo_to_prints_lines_once_however_often_called():
    stream = io.StringIO()
    progress.echo_to(stream)
    progress.echo_to(stream)
    try:
        progress.LOGGER.info("claims: 3 documents in 0.1s")
        assert stream.getvalue() == "  claims: 3 documents in 0.1s\n"
    finally:
        for handler in [h for h in progress.LOGGER.handlers if getattr(h, "newsfacts_echo", False)]:
            progress.LOGGER.removeHandler(handler)
