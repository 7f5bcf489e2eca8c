"""`python -m pipelines.run` leaves without the interpreter's teardown, but after its exit functions
and with its output flushed: the exit code, the summary and the GX worker's stop are not lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

SCRIPT = """
import atexit, sys
from pipelines.run import leave
atexit.register(lambda: sys.stderr.write("exit functions ran"))
print("summary line, unterminated", end="")
sys.stdout.write(" and buffered")
leave(3)
"""


def test_leave_runs_exit_functions_flushes_and_keeps_the_code():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 3
    assert done.stdout == "summary line, unterminated and buffered"
    assert done.stderr.endswith("exit functions ran")
