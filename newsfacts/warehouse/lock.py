"""One refresh at a time: an advisory lock file beside the staging database, held for a whole run.

`max_concurrent_runs` in dagster.yaml only queues runs the daemon launches; `make run`
(`execute_in_process`), a UI run and a sensor run can still overlap, and two refreshes writing one
staging database and publishing one file collide. Every run therefore takes this lock first.

The lock is `fcntl.flock` on `<staging>.lock`: the kernel releases it when the holding process ends,
however it ends (SIGKILL, OOM kill), so a crashed run never leaves a stale lock behind. The file
holds the holder's run id, pid, host and start time, so a waiting refresh can say whom it waits for.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

POLL_SECONDS = 0.5
# How DuckDB says another process has the file open for writing ("Could not set lock on file …:
# Conflicting lock is held in …"). Not a bare "lock": a corrupt block's message says "block".
DUCKDB_LOCK_MESSAGES = ("conflicting lock", "could not set lock")


def is_duckdb_lock_conflict(exc: BaseException) -> bool:
    """Whether a DuckDB error means another process holds the file's write lock (wait and retry)."""
    text = str(exc).lower()
    return any(m in text for m in DUCKDB_LOCK_MESSAGES)


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) a lock file."""

    run_id: str
    pid: int
    host: str
    started_at: str
    trigger: str = ""
    what: str = "refresh"

    def describe(self) -> str:
        via = f", {self.trigger}" if self.trigger else ""
        name = " ".join(part for part in (self.what, self.run_id) if part)
        return f"{name} (pid {self.pid} on {self.host}, started {self.started_at}{via})"


class RefreshLockTimeout(TimeoutError):
    """Another refresh held the lock for longer than the caller was willing to wait."""


def lock_path_for(staging: Path) -> Path:
    return staging.with_name(f"{staging.name}.lock")


def read_holder(path: Path) -> Holder | None:
    """The holder recorded in a lock file; None when there is none or it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "null")
        return Holder(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None


@contextmanager
def exclusive(
    path: Path,
    run_id: str,
    timeout_seconds: float,
    on_wait: Callable[[str], None] = lambda message: None,
    trigger: str = "",
    what: str = "refresh",
) -> Iterator[Holder]:
    """Hold `path` exclusively; waits (telling `on_wait` once whom for) up to `timeout_seconds`.

    `what` names the holder's work for whoever waits ("refresh" followed by the run id).

    Raises RefreshLockTimeout when the lock is still taken after the timeout.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, timeout_seconds, on_wait)
        me = Holder(run_id, os.getpid(), socket.gethostname(), _now(), trigger, what)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(asdict(me)).encode(), 0)
        try:
            yield me
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, timeout_seconds: float, on_wait: Callable[[str], None]) -> None:
    deadline = time.monotonic() + timeout_seconds
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = read_holder(path)
        whom = holder.describe() if holder else "another process"
        if time.monotonic() >= deadline:
            raise RefreshLockTimeout(
                f"gave up after {timeout_seconds:.0f}s waiting for {whom}, which holds {path}. "
                f"Let it finish (or stop it) and start again."
            )
        if not told:
            on_wait(f"waiting for {whom} to finish (lock {path}; giving up after {timeout_seconds:.0f}s)")
            told = True
        time.sleep(POLL_SECONDS)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
