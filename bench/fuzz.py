"""Long fuzzing run of the text library: `python -m bench.fuzz [--examples N] [--target NAME ...]`.

Runs the targets of tests/unit/test_fuzz.py (same strategies, same properties) with many more
examples than CI does (default 20,000 per target, random seed) and prints, per target, the examples
run, the time, the throughput and the longest input; a failing property prints Hypothesis' shrunk
counterexample and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))
import test_fuzz  # noqa: E402  (the targets live with the tests)


def run_target(name: str, examples: int, seed: int | None) -> tuple[bool, dict[str, float]]:
    strategy, check = test_fuzz.TARGETS[name]
    stats = {"examples": 0, "longest": 0, "slowest": 0.0}

    def counted(value) -> None:
        started = time.perf_counter()
        check(value)
        stats["examples"] += 1
        size = len(value[0]) if isinstance(value, tuple) else len(value)
        stats["longest"] = max(stats["longest"], size)
        stats["slowest"] = max(stats["slowest"], time.perf_counter() - started)

    prop = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is not None,
        suppress_health_check=list(HealthCheck),
    )(given(strategy)(counted))
    started = time.perf_counter()
    ok = True
    try:
        prop()
    except Exception:
        ok = False
        traceback.print_exc()
    stats["seconds"] = time.perf_counter() - started
    return ok, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="examples per target (default 20,000)")
    parser.add_argument("--target", action="append", choices=sorted(test_fuzz.TARGETS), help="only these targets")
    parser.add_argument("--derandomize", action="store_true", help="fixed examples (same on every run)")
    args = parser.parse_args(argv)
    failed = []
    print(f"{'target':18} {'examples':>9} {'seconds':>8} {'ex/s':>8} {'longest':>8} {'slowest':>8}  result")
    for name in args.target or list(test_fuzz.TARGETS):
        ok, s = run_target(name, args.examples, 0 if args.derandomize else None)
        rate = s["examples"] / s["seconds"] if s["seconds"] else 0.0
        print(
            f"{name:18} {s['examples']:>9,} {s['seconds']:>8.1f} {rate:>8.0f} {s['longest']:>8,} "
            f"{s['slowest']:>7.3f}s  {'ok' if ok else 'FAILED'}",
            flush=True,
        )
        if not ok:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
