"""Run the expectation suites with Great Expectations on pandas frames; return plain results.

GX's SQL datasource returns no rows over duckdb-engine in GX 1.24, so each suite's rows are computed
by DuckDB (``SuiteSpec.query``: the table's columns plus computed booleans) and handed to GX as a
pandas DataFrame batch. A whole table never becomes a frame: DuckDB keeps only the rows that fail
some expectation (``failing_rows_sql``: one predicate per expectation type, a superset of what GX
rejects; a duplicated key keeps every row carrying it) and computes the table-level aggregates
(``aggregates_sql``). GX then decides on those two small frames and reports unexpected counts and
the offending rows' keys, over the number of rows DuckDB checked. This module turns GX's results into
frozen dataclasses that carry no GX types, so callers (Dagster asset checks, the HTML report, the
validation_results table) never import GX themselves.

GX is imported lazily (the import costs ~4 CPU-s) and one ephemeral context is built per process
and reused (``gx_context``). A run that starts the GX worker (newsfacts/quality/worker.py) validates
there instead, GX imported on the other core while the run starts; with no worker answering, here.
It is never imported on a background thread of this process: importing it while the run's thread
writes Dagster's event log through SQLAlchemy (which GX imports too) let one thread see the other's
half-initialised SQLAlchemy modules and fail a run.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import threading
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import duckdb
import polars as pl

from newsfacts.quality import worker
from newsfacts.quality.suites import ExpectationSpec, SuiteSpec, bound, consistency_suite, integrity_suites
from newsfacts.warehouse.schema import VALIDATION_RESULTS, record_row

if TYPE_CHECKING:
    import pandas as pd

MAX_EXAMPLES = 5
_MAX_TEXT = 500  # longest observed value / example string kept


@dataclass(frozen=True)
class ExpectationOutcome:
    suite: str
    expectation: str  # GX expectation type, e.g. expect_column_values_to_be_unique
    column_name: str | None
    success: bool
    observed_value: str | None
    unexpected_count: int | None
    unexpected_examples: list[str]  # up to 5 offending rows/values, key columns first
    check: str = ""  # stable name of the check within its suite (e.g. span_matches)
    description: str = ""


@dataclass(frozen=True)
class SuiteOutcome:
    suite: str
    success: bool
    outcomes: list[ExpectationOutcome]
    seconds: float
    blocking: bool = True
    row_count: int | None = None
    failed: list[str] = field(default_factory=list)  # checks that failed


# -- GX context ------------------------------------------------------------------------------------


class _GxHolder:
    """One ephemeral GX context per process, with one pandas asset per suite."""

    def __init__(self) -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # never phone home (no network)
        import great_expectations as gx
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        self.gx = gx
        self.context = gx.get_context(
            mode="ephemeral",
            project_config=DataContextConfig(
                analytics_enabled=False,
                progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
                store_backend_defaults=InMemoryStoreBackendDefaults(),
            ),
        )
        self.datasource = self.context.data_sources.add_pandas("newsfacts_frames")
        self._batch_definitions: dict[str, Any] = {}
        self._suites: dict[tuple[str, int], Any] = {}
        self.lock = threading.Lock()

    def batch_definition(self, name: str):
        bd = self._batch_definitions.get(name)
        if bd is None:
            asset = self.datasource.add_dataframe_asset(name)
            bd = asset.add_batch_definition_whole_dataframe(f"{name}_whole_frame")
            self._batch_definitions[name] = bd
        return bd

    def suite(self, spec: SuiteSpec):
        from newsfacts.quality.suites import build_gx_suite

        key = (spec.name, hash(spec.expectations.__repr__()))
        s = self._suites.get(key)
        if s is None:
            s = self._suites[key] = build_gx_suite(spec)
        return s


_HOLDER: _GxHolder | None = None
_HOLDER_LOCK = threading.Lock()


def gx_context() -> _GxHolder:
    """The process-wide GX holder (imports great_expectations on first use)."""
    global _HOLDER
    with _HOLDER_LOCK:
        if _HOLDER is None:
            _HOLDER = _GxHolder()
        return _HOLDER


def gx_imported() -> bool:
    """Whether this process holds GX already: a worker started now would only make its suites wait."""
    return _HOLDER is not None


def gx_ready() -> None:
    """GX ready to validate, before a suite's clock starts: the worker's import awaited, or GX imported here."""
    if not worker.wait_ready():
        gx_context()


def _gx_failure(exc: Exception) -> str:
    """The reason a suite failed when GX raised `exc`, here or in the worker."""
    kind = exc.kind if isinstance(exc, worker.RemoteError) else type(exc).__name__
    return f"great_expectations {kind}: {exc}"


# -- result conversion -----------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):  # includes numpy.float64
        value = float(value)
        if math.isnan(value):
            return "NULL"
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(value)
    try:  # numpy scalars, pandas NA
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return "NULL"
    except ImportError:  # pragma: no cover
        pass
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            return _fmt(value.item())
        except (ValueError, TypeError):
            pass
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _example(row: dict[str, Any], columns: list[str]) -> str:
    parts = []
    for c in columns:
        if c in row:
            v = row[c]
            shown = _fmt(v)
            if isinstance(v, str) and v and c in {"stored_text", "document_span"}:
                shown = repr(shown)
            parts.append(f"{c}={shown}")
    return ", ".join(parts)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _observed(result: dict[str, Any]) -> str | None:
    if "observed_value" in result:
        return _fmt(result["observed_value"])
    if "unexpected_count" in result:
        n = result.get("element_count")
        u = result["unexpected_count"]
        if n is None:
            return f"{u} unexpected"
        pct = 100.0 * u / n if n else 0.0
        return f"{u} of {n} rows unexpected ({pct:.2f}%)"
    return None


def _convert(
    spec: SuiteSpec, validation, df: pd.DataFrame | None, element_count: int | None = None
) -> list[ExpectationOutcome]:
    """Plain outcomes of `spec`'s expectations; `element_count`: rows checked, when `df` holds only failures."""
    by_check: dict[str, Any] = {}
    for r in validation.results:
        meta = r.expectation_config.meta or {}
        by_check[meta.get("check", r.expectation_config.type)] = r
    outcomes = []
    for e in spec.expectations:
        r = by_check.get(e.check)
        if r is None:  # pragma: no cover - GX always returns one result per expectation
            outcomes.append(
                ExpectationOutcome(spec.name, _snake(e.gx_type), e.column_name, False, "no result", None, [], e.check)
            )
            continue
        result = dict(r.result or {})
        if element_count is not None and "element_count" in result:
            result["element_count"] = element_count
        exc = r.exception_info or {}
        raised = bool(exc.get("raised_exception")) or any(
            isinstance(v, dict) and v.get("raised_exception") for v in exc.values()
        )
        observed = _observed(result)
        if e.aggregate is not None and df is not None and e.column_name in df.columns:
            observed = _fmt(df.loc[0, e.column_name])  # the aggregate itself, e.g. a row count
        if raised:
            messages = [exc.get("exception_message")] + [
                v.get("exception_message") for v in exc.values() if isinstance(v, dict)
            ]
            observed = "error: " + "; ".join(sorted({m for m in messages if m}))[:_MAX_TEXT]
        examples: list[str] = []
        if not r.success and not raised:
            columns = list(spec.key_columns)
            computed_boolean = e.kwargs.get("value_set") == [True]  # the column itself is just False
            if e.column_name and e.column_name not in columns and "," not in e.column_name and not computed_boolean:
                columns.append(e.column_name)
            columns += [c for c in e.context if c not in columns]
            index_rows = result.get("partial_unexpected_index_list") or []
            present = [c for c in columns if df is not None and c in df.columns]
            for row in index_rows[:MAX_EXAMPLES]:
                if isinstance(row, dict):
                    examples.append(_example(row, columns))
                elif df is not None:  # a row position in the validated frame
                    examples.append(_example(df.loc[row, present].to_dict(), present))
            if not examples:
                examples = [_fmt(v) for v in (result.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]]
        count = result.get("unexpected_count")
        outcomes.append(
            ExpectationOutcome(
                suite=spec.name,
                expectation=r.expectation_config.type,
                column_name=e.column_name,
                success=bool(r.success),
                observed_value=observed,
                unexpected_count=int(count) if count is not None else None,
                unexpected_examples=examples,
                check=e.check,
                description=e.description,
            )
        )
    return outcomes


def _failed_suite(spec: SuiteSpec, message: str, started: float) -> SuiteOutcome:
    outcome = ExpectationOutcome(
        suite=spec.name,
        expectation="suite_frame_query",
        column_name=None,
        success=False,
        observed_value=("error: " + message)[:_MAX_TEXT],
        unexpected_count=None,
        unexpected_examples=[],
        check="suite_frame_query",
        description=f"the {spec.table} table can be read with the columns the contract promises",
    )
    return _suite_outcome(spec, [outcome], started)


def _suite_outcome(
    spec: SuiteSpec, outcomes: list[ExpectationOutcome], started: float, row_count: int | None = None
) -> SuiteOutcome:
    """The suite's outcome from its expectations' outcomes: it succeeds when every one does."""
    failed = [o.check for o in outcomes if not o.success]
    return SuiteOutcome(
        suite=spec.name,
        success=not failed,
        outcomes=outcomes,
        seconds=time.perf_counter() - started,
        blocking=spec.blocking,
        row_count=row_count,
        failed=failed,
    )


def _gx_validate(spec: SuiteSpec, df: pd.DataFrame, element_count: int | None = None) -> list[ExpectationOutcome]:
    """GX's verdict on one frame for `spec`'s expectations, from the worker when one answers (raises what
    GX raises)."""
    outcomes = worker.validate(spec, df, element_count)
    return _validate_here(spec, df, element_count) if outcomes is None else outcomes


def _validate_here(spec: SuiteSpec, df: pd.DataFrame, element_count: int | None = None) -> list[ExpectationOutcome]:
    """GX's verdict in this process."""
    holder = gx_context()
    # No unexpected_index_column_names: GX 1.24 then builds a dict per unexpected row in Python
    # (~30 s for 400k failing rows) before truncating. With the default RangeIndex it returns bare row
    # positions, and the examples are read from ``df`` at those positions (see _convert).
    result_format: dict[str, Any] = {"result_format": "SUMMARY", "partial_unexpected_count": MAX_EXAMPLES}
    df = df.reset_index(drop=True)
    # GX hashes every cell of a batch's frame (twice) to name it: it gets only the columns its
    # expectations read, not the examples' context (402 conflicts' texts: 0.3 s of 0.4 s at 100,000).
    read = _columns_read(spec)
    checked = df[[c for c in df.columns if c in read]]
    with holder.lock:
        batch = holder.batch_definition(spec.name).get_batch(batch_parameters={"dataframe": checked})
        validation = batch.validate(holder.suite(spec), result_format=result_format)
    return _convert(spec, validation, df, element_count)


def _columns_read(spec: SuiteSpec) -> set[str]:
    """The columns `spec`'s expectations validate (the rest only show in examples)."""
    read: set[str] = set()
    for e in spec.expectations:
        k = e.kwargs
        read.update(str(k[name]) for name in ("column", "column_A", "column_B") if name in k)
        read.update(k.get("column_list") or ())
    return read


def validate_frame(spec: SuiteSpec, df: pd.DataFrame, started: float | None = None) -> SuiteOutcome:
    """Validate one whole pandas frame against one suite spec with GX (small in-memory frames)."""
    started = time.perf_counter() if started is None else started
    try:
        outcomes = _gx_validate(spec, df)
    except Exception as exc:  # a GX failure fails the suite, with the reason, instead of crashing the caller
        return _failed_suite(spec, _gx_failure(exc), started)
    return _suite_outcome(spec, outcomes, started, len(df))


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _fails_sql(e: ExpectationSpec, dup_column: str) -> str:
    """SQL true on every row GX could reject for `e` (NULLs pass map expectations, as in GX)."""
    k = e.kwargs
    col = _quoted(k["column"]) if "column" in k else ""
    if e.gx_type == "ExpectColumnValuesToNotBeNull":
        return f"{col} IS NULL"
    if e.gx_type == "ExpectColumnValuesToBeUnique":
        return f"({col} IS NOT NULL AND {dup_column} > 1)"
    if e.gx_type == "ExpectCompoundColumnsToBeUnique":
        return f"{dup_column} > 1"
    if e.gx_type in ("ExpectColumnValuesToBeInSet", "ExpectColumnValuesToNotBeInSet"):
        values = ", ".join(_literal(v) for v in k["value_set"])
        op = "NOT IN" if e.gx_type == "ExpectColumnValuesToBeInSet" else "IN"
        return f"coalesce({col} {op} ({values}), false)"
    if e.gx_type == "ExpectColumnValuesToBeBetween":
        bounds = [f"{col} < {k['min_value']!r}"] if "min_value" in k else []
        bounds += [f"{col} > {k['max_value']!r}"] if "max_value" in k else []
        return f"coalesce({' OR '.join(bounds) or 'false'}, false)"
    if e.gx_type == "ExpectColumnValuesToMatchRegex":
        return f"coalesce(NOT regexp_matches({col}, {_literal(k['regex'])}), false)"
    raise NotImplementedError(f"no DuckDB predicate for {e.gx_type} ({e.check}): add one to runner._fails_sql")


def failing_rows_sql(spec: SuiteSpec, query: str, order: tuple[str, ...] | None = None) -> str | None:
    """The rows of `query` that fail some row expectation of `spec`, ordered by `order` (default: the
    suite's key columns); None when it has none."""
    rows = [e for e in spec.expectations if e.aggregate is None]
    if not rows:
        return None
    windows, predicates = [], []
    for i, e in enumerate(rows):
        dup = f"__newsfacts_dup_{i}"
        if e.gx_type in ("ExpectColumnValuesToBeUnique", "ExpectCompoundColumnsToBeUnique"):
            cols = e.kwargs.get("column_list") or [e.kwargs["column"]]
            windows.append(f"count(*) OVER (PARTITION BY {', '.join(_quoted(c) for c in cols)}) AS {dup}")
        predicates.append(_fails_sql(e, dup))
    extra = f", {', '.join(windows)}" if windows else ""
    exclude = f" EXCLUDE ({', '.join(w.rsplit(' AS ', 1)[1] for w in windows)})" if windows else ""
    order_by = ", ".join(_quoted(c) for c in (order or spec.key_columns))
    return (
        f"SELECT *{exclude} FROM (SELECT *{extra} FROM ({query}) AS q) AS w "
        f"WHERE {' OR '.join(predicates)} ORDER BY {order_by}"
    )


def aggregates_sql(spec: SuiteSpec) -> str | None:
    """One row of `spec`'s whole-table aggregates, one column each; None when it has none."""
    parts = [f"({e.aggregate}) AS {_quoted(e.kwargs['column'])}" for e in spec.expectations if e.aggregate]
    return f"SELECT {', '.join(parts)}" if parts else None


def scoped_query(spec: SuiteSpec, keys: str | None, listed: str | None = None) -> str:
    """The suite's query over the changed keys in relation `keys` (`listed`: them as key_list gives
    them), or over the whole table (None)."""
    if keys is None or spec.scope is None:
        return spec.query
    query = spec.scope.query.replace("{keys}", keys)
    return query if listed is None else query.replace("{key_list}", listed)


MAX_LISTED_KEYS = 10_000


def key_list(con: duckdb.DuckDBPyConnection, keys: str) -> str:
    """The keys of relation `keys` and the empty key (which has no digest), as a list of constants.

    DuckDB applies a constant list to a view's underlying scan; a relation of keys is a semi-join
    after the view is computed whole (the claims view's join: 0.65 s at 100,000 articles, against
    0.13 s for the 29 clusters one new article changed). Beyond MAX_LISTED_KEYS, the relation.
    """
    rows = con.execute(f"SELECT key FROM {keys} LIMIT {MAX_LISTED_KEYS + 1}").fetchall()
    if len(rows) > MAX_LISTED_KEYS:
        return f"(SELECT key FROM {keys} UNION ALL SELECT '')"
    return "(" + ", ".join(_literal(k) for k in ["", *(r[0] for r in rows)]) + ")"


def run_suite(con: duckdb.DuckDBPyConnection, spec: SuiteSpec, keys: str | None = None) -> SuiteOutcome:
    """Check the suite's rows with DuckDB and hand GX the failing rows and the aggregates.

    `keys`: a relation (column `key`) of the keys whose rows changed since the suite last passed
    (newsfacts/warehouse/audit.py): only their rows, plus whole-table duplicates, NULL keys and
    orphans, are checked. None: every row.
    """
    started = time.perf_counter()
    scoped = keys is not None and spec.scope is not None
    try:
        listed = None
        if keys is not None and spec.scope is not None and "{key_list}" in spec.scope.query:
            listed = key_list(con, keys)
        query = scoped_query(spec, keys, listed)
        if scoped:  # few rows: computed once, counted and filtered
            checked_rows = f'"_checked_{spec.name}"'
            con.execute(f"CREATE OR REPLACE TEMP TABLE {checked_rows} AS {query}")
            query = f"SELECT * FROM {checked_rows}"
        rows_sql, agg_sql = failing_rows_sql(spec, query), aggregates_sql(spec)
        checked = con.execute(f"SELECT count(*) FROM ({query}) AS q").fetchone()[0]
        failing = con.execute(rows_sql).df() if rows_sql else None
        aggregates = con.execute(agg_sql).df() if agg_sql else None
    except duckdb.Error as exc:
        return _failed_suite(spec, f"{type(exc).__name__}: {exc}", started)
    by_check: dict[str, ExpectationOutcome] = {}
    try:
        if failing is not None:
            row_spec = replace(spec, expectations=tuple(e for e in spec.expectations if e.aggregate is None))
            by_check |= {o.check: o for o in _gx_validate(row_spec, failing, checked)}
        if aggregates is not None:
            agg_spec = replace(
                spec,
                name=f"{spec.name}__aggregates",
                expectations=tuple(e for e in spec.expectations if e.aggregate is not None),
            )
            by_check |= {o.check: replace(o, suite=spec.name) for o in _gx_validate(agg_spec, aggregates)}
    except Exception as exc:  # a GX failure fails the suite, with the reason, instead of crashing the caller
        return _failed_suite(spec, _gx_failure(exc), started)
    outcomes = [by_check[e.check] for e in spec.expectations]
    return _suite_outcome(spec, outcomes, started, checked)


def run_integrity_suites(con: duckdb.DuckDBPyConnection, *, min_documents: int = 1) -> list[SuiteOutcome]:
    """Run every BLOCKING integrity suite over the contract tables reachable through ``con``.

    ``min_documents``: documents row count required (1: the run landed documents; 0 to allow empty).
    """
    gx_ready()  # GX imported before the clock of the first suite starts
    views = database_views(con)
    return [run_suite(con, bound(spec, views)) for spec in integrity_suites(min_documents=min_documents)]


def database_views(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """Names that are views in the connection's database: a suite reads some through their stored table."""
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database()"
    ).fetchall()
    return frozenset(r[0] for r in rows)


def suite_for_table(table: str, *, min_documents: int = 1, con: duckdb.DuckDBPyConnection | None = None) -> SuiteSpec:
    """The integrity suite of one contract table ("figures" or "figures_integrity").

    `con`: the database it will read, whose views it reads through their stored tables (suites.bound).
    """
    specs = integrity_suites(min_documents=min_documents)
    for spec in specs:
        if table in (spec.table, spec.name):
            return spec if con is None else bound(spec, database_views(con))
    raise KeyError(f"no integrity suite for table {table!r}; known: {[s.table for s in specs]}")


def run_integrity_suite(con: duckdb.DuckDBPyConnection, table: str, *, min_documents: int = 1) -> SuiteOutcome:
    """Run the BLOCKING integrity suite of one table (one Dagster asset check per table)."""
    spec = suite_for_table(table, min_documents=min_documents, con=con)
    gx_ready()
    return run_suite(con, spec)


def _consistency_frame(metric_consistency: pd.DataFrame | pl.DataFrame) -> pl.DataFrame:
    """The frame the consistency suite reads: the contract columns it names, sources as one string."""
    import pandas as pd

    if isinstance(metric_consistency, pl.DataFrame):
        frame = metric_consistency
    else:
        frame = pl.from_pandas(pd.DataFrame(metric_consistency))
    for col, dtype in {
        "fact_key": pl.Utf8,
        "metric": pl.Utf8,
        "unit": pl.Utf8,
        "verdict": pl.Utf8,
        "n_sources": pl.Int64,
    }.items():
        if col not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=dtype).alias(col))
    if "sources" in frame.columns and isinstance(frame.schema["sources"], pl.List):
        frame = frame.with_columns(pl.col("sources").list.join(", "))
    if "conflicts" not in frame.columns:
        # Without the detail column, name the metric, its value span and its sources.
        frame = frame.with_columns(
            pl.format(
                "{} ({}): values from {} to {} in {}",
                pl.col("metric"),
                pl.col("unit"),
                pl.col("value_min") if "value_min" in frame.columns else pl.lit("?"),
                pl.col("value_max") if "value_max" in frame.columns else pl.lit("?"),
                pl.col("sources") if "sources" in frame.columns else pl.lit("?"),
            ).alias("conflicts")
        )
    return frame


_FRAME_ROW = "__newsfacts_frame_row"


def run_consistency_suite(metric_consistency: pd.DataFrame | pl.DataFrame) -> SuiteOutcome:
    """WARN-level suite: sources that disagree on a metric (examples quote the conflicting values).

    As for the integrity suites, GX gets only the facts that fail some expectation, over the number of
    facts in the frame: DuckDB picks them (failing_rows_sql) in the frame's order, so the examples are
    those a validation of the whole frame shows (its first unexpected rows).
    """
    gx_ready()
    started = time.perf_counter()
    spec = consistency_suite()
    frame = _consistency_frame(metric_consistency).with_row_index(_FRAME_ROW)
    # A text GX does not validate only shows in examples, cut as they cut it (_fmt): a conflict's
    # `conflicts` quotes every mention's sentence (51 MB over 402 conflicts at 100,000 articles).
    read = _columns_read(spec)
    columns = [
        f"left({_quoted(c)}, {_MAX_TEXT + 1}) AS {_quoted(c)}"
        if c not in read and frame.schema[c] == pl.Utf8
        else _quoted(c)
        for c in frame.columns
    ]
    query = f"SELECT {', '.join(columns)} FROM consistency_frame"
    rows_sql = failing_rows_sql(spec, query, order=(_FRAME_ROW,))
    assert rows_sql is not None  # the suite's expectations are all row expectations
    con = duckdb.connect()
    try:
        con.register("consistency_frame", frame)
        failing = con.execute(rows_sql).df().drop(columns=_FRAME_ROW)
    except duckdb.Error as exc:
        return _failed_suite(spec, f"{type(exc).__name__}: {exc}", started)
    finally:
        con.close()
    try:
        outcomes = _gx_validate(spec, failing, frame.height)
    except Exception as exc:  # a GX failure fails the suite, with the reason, instead of crashing the caller
        return _failed_suite(spec, _gx_failure(exc), started)
    return _suite_outcome(spec, outcomes, started, frame.height)


def outcomes_to_rows(outcomes: list[SuiteOutcome], run_id: str, validated_at: dt.datetime) -> pl.DataFrame:
    """validation_results rows (contract columns, in contract order), one per expectation."""
    if validated_at.tzinfo is not None:  # the contract column is a naive TIMESTAMP: store UTC
        validated_at = validated_at.astimezone(dt.UTC).replace(tzinfo=None)
    return VALIDATION_RESULTS.frame(
        record_row(o, run_id=run_id, validated_at=validated_at) for s in outcomes for o in s.outcomes
    )
