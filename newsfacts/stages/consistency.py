"""Consistency stage: per fact (a metric of one subject for one period), do the documents agree?

A fact's row depends on its own mentions only, so the stage recomputes only the facts whose mentions
changed: DuckDB digests each fact's mentions (every column the comparison reads), the digests of the
last run are kept in `_ledger` (stage `consistency:facts`), and only facts whose digest moved, appeared
or went are compared again and rewritten, a chunk of whole facts at a time, so memory stays flat as
the corpus grows. Another version of the stage, or a metric_consistency table
that no longer holds what the stage wrote (its fingerprint is kept with the digests), recomputes every
fact. The table ends as a full recomputation would leave it. The fingerprint it leaves is the one it
found, moved by the rows it deleted and wrote (one whole-table scan per run, not two), and the run's
checks and publish step reuse it.

The report's `rows` holds `facts_compared` (facts that two or more documents report) and
`facts_conflicting`, for the run summary.
"""

from __future__ import annotations

import duckdb

from newsfacts.consistency import build_metric_consistency
from newsfacts.stages.graph import CONSISTENCY as STAGE
from newsfacts.stages.graph import StageConfig
from newsfacts.stages.runner import StageReport, start_corpus_stage
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import METRIC_CONSISTENCY

FACTS_STAGE = "consistency:facts"
# Mentions compared in one go: about 60 MB of frame and DuckDB result each, whatever the corpus size.
CHUNK_MENTIONS = 50_000
# What the comparison reads of a mention, in the order it reads them.
MENTION_COLUMNS = (
    "figure_id, document_id, metric, unit, kind, value, value_low, value_high, qualifier, raw_text, fact_key, sentence"
)


def build_consistency(
    con: duckdb.DuckDBPyConnection,
    force: bool = False,
    config: StageConfig | None = None,
    chunk_mentions: int = CHUNK_MENTIONS,
) -> StageReport:
    run = start_corpus_stage(con, STAGE, config, force)
    if isinstance(run, StageReport):
        return run
    report = run.report
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _fact_digests AS
            SELECT fact_key, count(*) || ':' || sum(hash({MENTION_COLUMNS}, char_start)::HUGEINT) AS state
            FROM figures WHERE fact_key IS NOT NULL GROUP BY fact_key"""
    )
    before = _marker(con)
    whole = force or before != _stored_marker(con, report.version)
    if whole:
        con.execute("CREATE OR REPLACE TEMP TABLE _changed_facts AS SELECT fact_key FROM _fact_digests")
    else:
        staging.moved_keys(con, FACTS_STAGE, "_fact_digests", "fact_key", "_changed_facts")
    chunks = _chunk_facts(con, chunk_mentions)
    mentions = recomputed = 0
    with staging.transaction(con):
        if whole:
            con.execute("DELETE FROM metric_consistency")
            con.execute("DELETE FROM _ledger WHERE stage = ?", [FACTS_STAGE])
        else:
            dropped = _changed_rows(con)
            con.execute("DELETE FROM metric_consistency WHERE fact_key IN (SELECT fact_key FROM _changed_facts)")
            con.execute(
                "DELETE FROM _ledger WHERE stage = ? AND (document_id = '' OR document_id IN "
                "(SELECT fact_key FROM _changed_facts))",
                [FACTS_STAGE],
            )
        for chunk in chunks:
            frame = con.execute(
                f"""SELECT {MENTION_COLUMNS} FROM figures
                    WHERE fact_key IN (SELECT fact_key FROM _changed_facts WHERE chunk = ?)
                    ORDER BY document_id, char_start""",
                [chunk],
            ).pl()
            table = build_metric_consistency(frame)
            staging.insert(con, METRIC_CONSISTENCY, table)
            mentions += frame.height
            recomputed += table.height
        con.execute(
            "INSERT INTO _ledger (stage, document_id, state) SELECT ?, fact_key, state FROM _fact_digests "
            "WHERE fact_key IN (SELECT fact_key FROM _changed_facts)",
            [FACTS_STAGE],
        )
        after = _marker(con) if whole else staging.moved_fingerprint(before, dropped, _changed_rows(con))
        con.execute("INSERT INTO _ledger VALUES (?, '', ?)", [FACTS_STAGE, f"{report.version}|{after}"])
        staging.set_global_state(con, STAGE.name, run.state)
    # Taken after the stage's only write of the run: the run's checks and publish step reuse it.
    staging.remember_fingerprint(con, METRIC_CONSISTENCY.name, (config or StageConfig()).run_id, after)
    con.execute("DROP TABLE _fact_digests")
    con.execute("DROP TABLE _changed_facts")
    total, compared, conflicting = con.execute(
        "SELECT count(*), count(*) FILTER (n_sources > 1), count(*) FILTER (verdict = 'conflict') "
        "FROM metric_consistency"
    ).fetchone()
    report.processed = mentions
    report.rows = {
        "metric_consistency": total,
        "facts_recomputed": recomputed,
        "facts_compared": compared,
        "facts_conflicting": conflicting,
    }
    return run.finish()


def _chunk_facts(con: duckdb.DuckDBPyConnection, size: int) -> list[int]:
    """Number `_changed_facts` (gone facts too) into chunks of whole facts, about `size` mentions
    each, in key order; the chunk numbers, in order.

    Every output row is one fact's, so comparing chunk by chunk writes what one pass over all
    mentions would, while only one chunk's mentions (sentences included) are in memory at a time.
    """
    con.execute(
        """CREATE OR REPLACE TEMP TABLE _changed_facts AS
            WITH counts AS (
                SELECT c.fact_key, count(f.fact_key) AS n FROM _changed_facts c LEFT JOIN figures f USING (fact_key)
                GROUP BY c.fact_key
            )
            SELECT fact_key, (sum(n) OVER (ORDER BY fact_key) - n) // ? AS chunk FROM counts""",
        [max(1, size)],
    )
    return [row[0] for row in con.execute("SELECT DISTINCT chunk FROM _changed_facts ORDER BY chunk").fetchall()]


def _marker(con: duckdb.DuckDBPyConnection) -> str:
    """The content of metric_consistency: rows written by hand, or lost, mean every fact is compared again."""
    return staging.table_fingerprint(con, METRIC_CONSISTENCY.name)


def _changed_rows(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(rows, sum of row hashes) of the metric_consistency rows of `_changed_facts`, as the table's
    fingerprint sums them: the table's fingerprint moves by what these add and remove, so the one
    after the write is the one before, less the rows deleted, plus the rows written (no second scan
    of the whole table)."""
    table = METRIC_CONSISTENCY.name
    return staging.rows_fingerprint(con, table, f'"{table}"', "WHERE fact_key IN (SELECT fact_key FROM _changed_facts)")


def _stored_marker(con: duckdb.DuckDBPyConnection, version: str) -> str | None:
    """The table content the last run left, when that run was of this `version` (None otherwise)."""
    row = con.execute("SELECT state FROM _ledger WHERE stage = ? AND document_id = ''", [FACTS_STAGE]).fetchone()
    if row is None or not row[0].startswith(f"{version}|"):
        return None
    return row[0].removeprefix(f"{version}|")
