"""The one place that turns warehouse content into Dagster UI metadata.

News text is untrusted: a title, a claim or a file name may hold markdown or HTML (an outside image
that tracks every viewer, a live link, a fake row, heading or verdict). Content therefore reaches the
UI only as structured table metadata (`MetadataValue.table`), whose cells the UI draws as plain text:
no markdown is built from it, so no cell can split, add rows or load anything. `escape_markdown` is
for summaries the pipeline writes that must stay markdown: every piece of content put into one goes
through it. Both show line breaks and invisible controls and cut long values, so nothing grows unbounded.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import dagster as dg
import duckdb
import polars as pl

if TYPE_CHECKING:
    from newsfacts.quality.runner import ExpectationOutcome
    from newsfacts.stages.runner import StageReport

PREVIEW_ROWS = 10
CELL_CHARS = 120  # a table cell longer than this is cut (the warehouse keeps the whole value)
EXAMPLE_CHARS = 300  # an unexpected example is cut longer: it names the documents a reader must find
MARKDOWN_CHARS = 200  # default cut of one escaped piece of a markdown summary
ELLIPSIS = "…"
LINE_BREAK_MARK = "↵"
# The columns of a check's expectation list (`expectations_table`).
EXPECTATION_COLUMNS = [
    ("expectation", "string"),
    ("column", "string"),
    ("ok", "bool"),
    ("observed", "string"),
    ("unexpected", "int"),
    ("example", "string"),
]

# Every line break a markdown renderer or a browser may honour: \r\n first, so it counts once.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Other controls, and the bidirectional overrides and isolates that reorder what a reader sees.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# ASCII punctuation: CommonMark lets each be backslash-escaped, which makes it literal text. This
# covers link and image starters ([ ] ( ) !), emphasis (* _ ~), headings (#), HTML (< > &), tables (|),
# code (`), lists and quotes (- + . >) and the backslash itself.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# What GFM turns into links even without markup (it also links text that was escaped): scheme://,
# www. and e-mail addresses. A zero-width space breaks each pattern without changing what one reads.
_BARE_LINK = re.compile(r"(?i)(?<=[a-z0-9+.-]:)(?=//)|(?<=\bwww)(?=\.)|(?=@)")
_ZERO_WIDTH_SPACE = "\u200b"


def display_text(value: object, limit: int = CELL_CHARS) -> str:
    """`value` as one line of plain text: line breaks shown as ↵, controls as <U+XXXX>, cut to `limit`."""
    text = "" if value is None else str(value)
    # Each shown character takes at most two of the text's (\r\n): beyond 2 * limit + 2 nothing can show,
    # so a long value (a conflict listing thousands of mentions) is not scanned whole.
    text = text[: 2 * limit + 2]
    text = _LINE_BREAKS.sub(LINE_BREAK_MARK, text).replace("\t", " ")
    text = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + ELLIPSIS


def escape_markdown(value: object, limit: int = MARKDOWN_CHARS) -> str:
    """`value` as markdown that renders as exactly its (one-line, cut) text: no link, image, HTML, emphasis,
    heading, table cell or line break can come out of it."""
    # Leading blanks would open an indented code block; a browser does not show them anyway.
    text = _BARE_LINK.sub(_ZERO_WIDTH_SPACE, display_text(value, limit).lstrip())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def _cell(value: object, limit: int) -> str | int | float | bool | None:
    """A value a TableRecord accepts: numbers and booleans as they are, everything else as display text
    (the UI draws a table's cells as plain text, never as markdown)."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dt.datetime):
        value = value.isoformat(sep=" ", timespec="seconds")
    elif isinstance(value, list | tuple):
        value = ", ".join("" if v is None else str(v) for v in value)
    return display_text(value, limit)


def _column_type(dtype: pl.DataType) -> str:
    if dtype == pl.Boolean:
        return "bool"
    if dtype.is_integer():
        return "int"
    if dtype.is_float():
        return "float"
    return "string"


def rows_table(
    columns: Sequence[tuple[str, str]], rows: Iterable[Sequence[object]], limit: int = CELL_CHARS
) -> dg.TableMetadataValue:
    """Structured table metadata from (name, type) columns and rows of values in that order."""
    names = [name for name, _ in columns]
    records = [dg.TableRecord(data=dict(zip(names, (_cell(v, limit) for v in row), strict=True))) for row in rows]
    schema = dg.TableSchema(columns=[dg.TableColumn(name=name, type=kind) for name, kind in columns])
    return dg.MetadataValue.table(records=records, schema=schema)


def frame_table(df: pl.DataFrame, limit: int = CELL_CHARS) -> dg.TableMetadataValue:
    """Structured table metadata of a (small) frame: every row, every column."""
    return rows_table([(c, _column_type(t)) for c, t in df.schema.items()], df.iter_rows(), limit)


def query_table(con: duckdb.DuckDBPyConnection, sql: str) -> dg.TableMetadataValue:
    """The result of `sql` (a breakdown: counts by kind, top speakers...) as structured table metadata."""
    return frame_table(con.execute(sql).pl())


def counts_table(counts: Mapping[str, int], key: str = "value", count: str = "rows") -> dg.TableMetadataValue:
    """Structured table metadata of a value -> count mapping."""
    return rows_table([(key, "string"), (count, "int")], counts.items())


def table_metadata(
    con: duckdb.DuckDBPyConnection,
    table: str,
    preview_sql: str | None = None,
    *,
    stored: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Row count, column schema, table name and a structured preview of `table`.

    `stored`: the stored table holding `table`'s rows when `table` is a staging view (claims over
    claim_rows), counted and previewed instead: the view joins every row, at a cost that grows with
    the corpus.
    """
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    relation = stored or table
    rows = con.execute(f'SELECT count(*) FROM "{relation}"').fetchone()[0]
    preview = con.execute(preview_sql or f'SELECT * FROM "{relation}" LIMIT {PREVIEW_ROWS}').pl()
    return {
        "dagster/row_count": rows,
        "dagster/table_name": f"main.{table}",
        "dagster/column_schema": dg.TableSchema(columns=[dg.TableColumn(name=n, type=t) for n, t in columns]),
        "preview": frame_table(preview),
        **extra,
    }


def stage_metadata(
    con: duckdb.DuckDBPyConnection,
    table: str,
    preview_sql: str,
    report: StageReport,
    *,
    processed_key: str = "processed_documents",
    version_key: str = "extractor_version",
    **extra: Any,
) -> dict[str, Any]:
    """`table_metadata` of a per-document stage's table plus what its run did: documents processed and
    skipped as unchanged, seconds, throughput, then `extra`, and the stage's version last."""
    return table_metadata(
        con,
        table,
        preview_sql,
        **{processed_key: report.processed},
        skipped_unchanged=report.skipped,
        seconds=round(report.seconds, 3),
        **report.throughput,
        **extra,
        **{version_key: report.version},
    )


def expectations_table(outcomes: Sequence[ExpectationOutcome], examples_shown: int) -> dg.TableMetadataValue:
    """A suite's expectations, failed first, as structured table metadata: one row per unexpected example
    (up to `examples_shown` of each), so an example is one cell and never markup."""
    rows = (
        (o.expectation, o.column_name, o.success, o.observed_value, o.unexpected_count, example)
        for o in sorted(outcomes, key=lambda o: o.success)
        for example in (o.unexpected_examples[:examples_shown] or [None])
    )
    return rows_table(EXPECTATION_COLUMNS, rows, EXAMPLE_CHARS)
