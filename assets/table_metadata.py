"""Materialization metadata that makes each table readable in the Dagster UI."""

from __future__ import annotations

from typing import Any

import dagster as dg
import duckdb
import polars as pl

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 80


def table_metadata(
    con: duckdb.DuckDBPyConnection, table: str, preview_sql: str | None = None, **extra: Any
) -> dict[str, Any]:
    """Row count, column schema, table name and a markdown preview of `table`."""
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    preview = con.execute(preview_sql or f'SELECT * FROM "{table}" LIMIT {PREVIEW_ROWS}').pl()
    return {
        "dagster/row_count": rows,
        "dagster/table_name": f"main.{table}",
        "dagster/column_schema": dg.TableSchema(columns=[dg.TableColumn(name=n, type=t) for n, t in columns]),
        "preview": dg.MetadataValue.md(markdown_table(preview)),
        **extra,
    }


def markdown_table(df: pl.DataFrame) -> str:
    if df.height == 0:
        return "_(no rows)_"

    def cell(v: object) -> str:
        s = "" if v is None else str(v).replace("\n", " ").replace("|", "\\|")
        return s if len(s) <= PREVIEW_CELL_CHARS else s[: PREVIEW_CELL_CHARS - 1] + "…"

    head = "| " + " | ".join(df.columns) + " |\n| " + " | ".join("---" for _ in df.columns) + " |\n"
    return head + "\n".join("| " + " | ".join(cell(v) for v in row) + " |" for row in df.iter_rows())


def counts_markdown(counts: dict[str, int], key: str = "value", count: str = "rows") -> dg.MetadataValue:
    return dg.MetadataValue.md(markdown_table(pl.DataFrame({key: list(counts), count: list(counts.values())})))
