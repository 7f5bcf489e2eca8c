"""Great Expectations in a process of its own, imported while the run does other work.

Importing GX and building its context costs about 4 CPU-s (3.9 s after Dagster's imports, 4.4 s in a
fresh interpreter, on a 2-core machine). A refresh used to pay it in its first suite, on the run's one
busy core: a quarter of a one-new refresh at 10,000 articles. A run that starts this worker
(`start`) has GX imported on the other core while Dagster starts and landing runs; every suite then
sends its two small frames (failing rows, aggregates; never a table) here and gets plain outcomes
back, and the run's process never imports GX.

The worker is a fresh interpreter (`serve`), not a fork: the run's process
holds DuckDB's and polars' threads. Requests and replies are pickles over its stdin and a copy of its
stdout (its own stdout goes to stderr, so nothing GX prints can break the protocol). It ends when its
stdin closes: when `stop` is called, or when the run's process ends, killed or not.

It never runs beside a process pool (`newsfacts.stages.batching` stops it first): the pool is for
big runs, where one GX import in the run's process costs little, and the two together would hold
about 170 MB more than the pool alone (the worker 316 MB, GX in the run's process 147 MB).

`validate` returns None whenever no worker can answer (none started, it died, it never became
ready); the caller then validates in its own process, so a lost worker costs time, never a verdict.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import select
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from newsfacts.quality.runner import ExpectationOutcome
    from newsfacts.quality.suites import SuiteSpec

# How long a suite waits for the worker's GX import before validating in its own process instead.
READY_SECONDS = 60.0
_READY = "ready"
# Set to 0 (or false, no, off) to validate in the run's process, GX imported by its first suite.
SWITCH = "NEWSFACTS_GX_WORKER"


def wanted() -> bool:
    """Whether runs start the worker (the SWITCH variable; on unless set to 0, false, no or off)."""
    return os.environ.get(SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


class RemoteError(Exception):
    """GX raised in the worker: `kind` is the exception's type name there, the message its text."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class _Worker:
    def __init__(self) -> None:
        package_root = str(Path(__file__).resolve().parents[2])
        path = os.environ.get("PYTHONPATH", "")
        env = {
            **os.environ,
            "GX_ANALYTICS_ENABLED": "false",
            "PYTHONPATH": package_root + (os.pathsep + path if path else ""),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from newsfacts.quality.worker import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests: IO[bytes] = self.process.stdin
        self.replies: IO[bytes] = self.process.stdout
        self.ready = False
        self.lock = threading.Lock()

    def wait_ready(self, seconds: float) -> bool:
        if self.ready:
            return True
        if self.process.poll() is not None:
            return False
        readable, _, _ = select.select([self.replies], [], [], seconds)
        if not readable:
            return False
        try:
            self.ready = pickle.load(self.replies) == _READY
        except (EOFError, pickle.UnpicklingError, OSError):
            return False
        return self.ready

    def call(self, request: bytes) -> Any:
        self.requests.write(request)
        self.requests.flush()
        return pickle.load(self.replies)

    def close(self) -> None:
        """End the process by killing it: it holds no state, and a worker left to exit on its own spends
        0.8 s tearing GX down, which the run's exit would wait for (and a run that never validated, a
        no-op, for an import it will not use)."""
        with contextlib.suppress(OSError):
            self.requests.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


_WORKER: _Worker | None = None
_LOCK = threading.Lock()


def start() -> None:
    """Start the process's GX worker unless one is running; it imports GX at once."""
    global _WORKER
    with _LOCK:
        if _WORKER is None or _WORKER.process.poll() is not None:
            _WORKER = _Worker()


def stop() -> None:
    """End the worker, if any (the next suite validates in this process unless `start` comes first)."""
    global _WORKER
    with _LOCK:
        worker, _WORKER = _WORKER, None
    if worker is not None:
        worker.close()


def running() -> bool:
    worker = _WORKER
    return worker is not None and worker.process.poll() is None


def wait_ready(seconds: float = READY_SECONDS) -> bool:
    """Whether a worker is there with GX imported (waiting up to `seconds` for its import)."""
    worker = _WORKER
    if worker is None:
        return False
    with worker.lock:
        if worker.wait_ready(seconds):
            return True
    stop()  # it died or hangs in its import: this process validates from now on
    return False


def validate(spec: SuiteSpec, frame: pd.DataFrame, element_count: int | None) -> list[ExpectationOutcome] | None:
    """The worker's outcomes for `spec` on `frame` (runner._validate_here there); None: no worker answered.

    Raises RemoteError when GX raised in the worker, as it would have raised here."""
    worker = _WORKER
    if worker is None or not wait_ready():
        return None
    try:
        request = pickle.dumps((spec, frame, element_count), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # a frame that cannot travel is validated here; nothing was written to the worker
    with worker.lock:
        try:
            status, *reply = worker.call(request)
        except (OSError, EOFError, pickle.UnpicklingError):
            reply = None
    if reply is None:
        stop()
        return None
    if status == "error":
        raise RemoteError(*reply)
    return reply[0]


atexit.register(stop)


def serve() -> None:
    """The worker's loop: import GX, say ready, answer requests until stdin closes."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # what GX prints goes to stderr, not into replies
    from newsfacts.quality.runner import _validate_here, gx_context

    gx_context()
    pickle.dump(_READY, replies)
    replies.flush()
    requests = sys.stdin.buffer
    while True:
        try:
            spec, frame, element_count = pickle.load(requests)
        except EOFError:
            return
        try:
            reply: tuple[Any, ...] = ("ok", _validate_here(spec, frame, element_count))
        except Exception as exc:  # GX's failure is the suite's, reported by the run's process
            reply = ("error", type(exc).__name__, str(exc))
        pickle.dump(reply, replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()
