"""Stopping what the integration tests start: a server or daemon in a session (process group) of its own."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time


def stop_group(proc: subprocess.Popen, timeout: float) -> None:
    """SIGTERM the whole process group, SIGKILL whatever is left after `timeout` seconds.

    The process must have been started with `start_new_session=True` (its pid is the group id); every
    member (a daemon's code server, a run worker, a Dask worker) is waited for, not only the leader.
    """
    pgid = proc.pid
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)  # any member left?
        except ProcessLookupError:
            break
        time.sleep(0.5)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
    if proc.poll() is None:
        proc.wait(timeout=timeout)
