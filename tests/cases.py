"""Test cases written as text tables: one case a line, its cells separated by ` | `.

A table reads as the cases it holds, without the quotes and brackets of a list of tuples, so that a
test module is mostly its tables and each shape of check is written once, in the test that reads
them. Importable from every test module because pytest puts this folder (the one holding the root
conftest.py) on sys.path.

- the first line names the columns, as the test's arguments do; `name: type` converts the column's
  cells with one of `TYPES` (a number, a yes/no flag), a bare name keeps them as text;
- a line starting with `#` is a comment, a blank line is skipped;
- a cell `-` is None;
- a line starting with `...` continues the last cell of the line above (after one space), so that a
  long text can be wrapped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

SEPARATOR = " | "
NONE = "-"
CONTINUATION = "..."


def number(cell: str) -> int | float:
    """An int when the cell is written as one (so test ids keep reading `15`), else a float (`550e9`)."""
    return int(cell) if re.fullmatch(r"-?\d+", cell) else float(cell)


def flag(cell: str) -> bool:
    """`yes` or `no`."""
    assert cell in ("yes", "no"), cell
    return cell == "yes"


TYPES: dict[str, Callable[[str], Any]] = {"str": str, "number": number, "flag": flag}


def _parse(table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names of `table` and its rows of converted cells."""
    names: list[str] = []
    types: list[Callable[[str], Any]] = []
    rows: list[list[str]] = []
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not names:
            for column in line.split(SEPARATOR):
                name, _, type_name = column.partition(":")
                names.append(name.strip())
                types.append(TYPES[type_name.strip() or "str"])
        elif line.startswith(CONTINUATION + " "):
            assert rows, f"a continuation before any row: {line!r}"
            rows[-1][-1] += " " + line.removeprefix(CONTINUATION + " ")
        else:
            cells = [c.strip() for c in line.split(SEPARATOR)]
            assert len(cells) == len(names), f"{len(names)} cells expected: {line!r}"
            rows.append(cells)
    return names, [tuple(None if c == NONE else read(c) for read, c in zip(types, row, strict=True)) for row in rows]


def cases(table: str) -> list[Any]:
    """The rows of `table`, each a tuple of its converted cells (the cell itself when there is one column)."""
    names, rows = _parse(table)
    return [row[0] for row in rows] if len(names) == 1 else rows


def records(table: str) -> list[dict[str, Any]]:
    """The rows of `table` as dicts by column name, for keyword arguments."""
    names, rows = _parse(table)
    return [dict(zip(names, row, strict=True)) for row in rows]
