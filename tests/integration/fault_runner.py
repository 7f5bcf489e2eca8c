"""Run `make run`'s refresh (`pipelines.run.main`) in this process, SIGKILLed at a chosen point.

    python tests/integration/fault_runner.py <kill point | none>

The caller sets DAGSTER_HOME, SEEDS_DIR and WAREHOUSE_PATH. The kill is installed by monkeypatching
a function the pipeline calls anyway, so production code carries no test hooks; the process then
dies the way an OOM kill or a power cut ends it: no `finally`, no rollback, no cleanup.

Kill points (each one is inside the step it names, after that step has started writing):

- landing:  inserting the new `documents` rows, inside the landing transaction
- figures:  inserting `figures` rows, inside the stage's transaction
- claims:   inserting `claim_figures`, after the `claims` rows of the same transaction
- checks:   starting the integrity check of `claims` (earlier checks have recorded results)
- publish:  building the new published file, every table copied, before it is closed and swapped in
"""

from __future__ import annotations

import os
import signal
import sys

KILL_POINTS = ("landing", "figures", "claims", "checks", "publish")
# "metadata" also works; it is left out of KILL_POINTS (the same commit path as figures and claims,
# and every case costs two runs of about ten seconds).
_INSERT_KILLS = {
    "landing": "documents",
    "metadata": "document_metadata",
    "figures": "figures",
    "claims": "claim_figures",
}


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def install(point: str) -> None:
    if point in _INSERT_KILLS:
        from newsfacts.warehouse import staging

        real_insert = staging.insert
        table_name = _INSERT_KILLS[point]

        def insert(con, table, df):
            if table.name == table_name and df.height:
                real_insert(con, table, df)  # the rows are written, the transaction is not committed
                die()
            return real_insert(con, table, df)

        staging.insert = insert
    elif point == "checks":
        from newsfacts.quality import runner

        def dying(real):
            def wrapper(*args, **kwargs):
                if "claims" in (*args, kwargs.get("table")) or "claims_integrity" in args:
                    die()
                return real(*args, **kwargs)

            return wrapper

        # Whichever the check calls to start the `claims` suite (both are looked up at call time).
        runner.suite_for_table = dying(runner.suite_for_table)
        runner.run_integrity_suite = dying(runner.run_integrity_suite)
    elif point == "publish":
        from newsfacts.warehouse import publish

        class KillingViews(dict):
            def items(self):  # called once every table is in the new file, before CHECKPOINT and close
                die()

        publish.VIEWS = KillingViews(publish.VIEWS)
    elif point != "none":
        raise SystemExit(f"unknown kill point {point!r}; one of {', '.join(KILL_POINTS)} or none")


def main() -> int:
    install(sys.argv[1] if len(sys.argv) > 1 else "none")
    from pipelines.run import main as run_main

    return run_main()


if __name__ == "__main__":
    sys.exit(main())
