"""Untrusted news text in Dagster metadata (issue 17): `assets.table_metadata` keeps it inert.

Two guarantees, tested against a hostile corpus (the issue's vectors, the browser test's documents
and more): `escape_markdown` output renders, through a real CommonMark + GFM-tables renderer, as
exactly its one-line text and nothing else; the table builders give one record per row whatever a
value holds, with every text cell one cut line. The asset modules build no markdown from content.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest
from markdown_it import MarkdownIt

from assets.table_metadata import (
    CELL_CHARS,
    ELLIPSIS,
    EXAMPLE_CHARS,
    LINE_BREAK_MARK,
    MARKDOWN_CHARS,
    counts_table,
    display_text,
    escape_markdown,
    expectations_table,
    frame_table,
    rows_table,
    table_metadata,
)
from newsfacts.quality.runner import ExpectationOutcome

PROJECT = Path(__file__).resolve().parents[2]
HOSTILE = json.loads((PROJECT / "tests" / "data" / "hostile_ui" / "documents.json").read_text(encoding="utf-8"))

# name -> hostile text. Each would draw something (an image, a link, a heading, a row, emphasis,
# HTML, a line break) if rendered as markdown.
VECTORS: dict[str, str] = {
    "image beacon": "![b](http://beacon.invalid/pixel.png)",
    "image, protocol-relative": "![b](//beacon.invalid/p.png)",
    "image, reference style": "![b][img]\n\n[img]: http://beacon.invalid/ref.png",
    "inline link": "[Official](http://phish.invalid/x)",
    "autolink": "<http://phish.invalid/x>",
    "e-mail autolink": "<user@phish.invalid>",
    "javascript link": "[click](javascript:alert(1))",
    "reference link": "[Official][1]\n\n[1]: http://phish.invalid/ref",
    "backslashes turn into a host": "![b](http:\\\\beacon.invalid\\x.png)",
    "CR adds a row": "name\r| INJECTED-ROW | forged |",
    "CR CR heading": "a\r\r# FAKE HEADING all checks passed",
    "LF LF heading": "a\n\n# FAKE HEADING",
    "setext heading": "FAKE HEADING\n===",
    "U+2028 heading": "a\u2028# FAKE HEADING",
    "U+2029 heading": "a\u2029# FAKE HEADING",
    "NEL, VT and FF": "a\x85# one\x0b# two\x0c# three",
    "heading at the start": "# FAKE HEADING",
    "bold verdict": "**ALL CHECKS PASSED**",
    "underscore emphasis": "__verified__ and _maybe_",
    "strikethrough": "~~nobody~~",
    "escaped pipe": "Energy \\| SHIFTED-CELL \\| positive",
    "pipe": "a | b | c",
    "raw HTML image": '<img src="http://beacon.invalid/html.png">',
    "raw HTML link": '<a href="http://phish.invalid/html">click</a>',
    "script": "<script>alert(1)</script>",
    "HTML comment": "<!-- hidden --> shown",
    "entity": "&lt;img src=x&gt; &#60;b&#62;",
    "code span": "`code` and ```fence```",
    "list and quote starters": "- item\n+ item\n1. item\n> quote",
    "thematic break": "***",
    "trailing backslash": "ends with \\",
    "indented code": "    indented code block",
    "tab-indented code": "\tindented",
    "double backslash": "\\\\# not a heading",
    "bidi override": "invoice\u202etxt.exe\u202c",
    "NUL and escape": "a\x00b\x1b[31mred",
    "table row": "| x | y |\n|---|---|\n| INJECTED-ROW | z |",
}
# The browser test's documents: every path and text, as one more vector each.
for _doc in HOSTILE["documents"]:
    VECTORS[f"document path: {_doc['vector']}"] = _doc["path"]
    VECTORS[f"document text: {_doc['vector']}"] = _doc["text"]

# Text GFM links even without markup (its autolink-literal extension also reads escaped text).
BARE_LINKS = [
    re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://"),
    re.compile(r"(?i)\bwww\."),
    re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+"),
]
RENDERER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
INERT_TAGS = {"p"}


class Tags(HTMLParser):
    """Element names and text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def render(markdown: str) -> Tags:
    tags = Tags()
    tags.feed(RENDERER.render(markdown))
    return tags


# --- escape_markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", VECTORS.values(), ids=VECTORS.keys())
def test_escaped_text_renders_as_its_own_text(text: str):
    rendered = render(escape_markdown(text, limit=10_000))
    assert set(rendered.tags) <= INERT_TAGS, rendered.tags
    assert rendered.text.strip().replace("\u200b", "") == display_text(text, 10_000).strip()


@pytest.mark.parametrize("text", VECTORS.values(), ids=VECTORS.keys())
def test_escaped_text_keeps_no_bare_link(text: str):
    shown = render(escape_markdown(text, limit=10_000)).text
    assert [p.pattern for p in BARE_LINKS if p.search(shown)] == []


@pytest.mark.parametrize("text", VECTORS.values(), ids=VECTORS.keys())
def test_escaped_text_is_one_line(text: str):
    escaped = escape_markdown(text, limit=10_000)
    assert escaped.splitlines() == [escaped] or escaped == ""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words stay", "plain words stay"),
        ("a\r\nb", f"a{LINE_BREAK_MARK}b"),  # CR LF is one break
        ("a\r\rb", f"a{LINE_BREAK_MARK}{LINE_BREAK_MARK}b"),
        ("a\u2028b\u2029c", f"a{LINE_BREAK_MARK}b{LINE_BREAK_MARK}c"),
        ("tab\there", "tab here"),
        ("bidi \u202eevil", "bidi <U+202E>evil"),
        ("nul\x00", "nul<U+0000>"),
        ("café 日本 📈", "café 日本 📈"),  # letters and emoji are not controls
        ("family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"),  # zero-width joiners join emoji
    ],
)
def test_display_text_shows_breaks_and_controls(text: str, shown: str):
    assert display_text(text) == shown


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("abcdef", 6, "abcdef"),
        ("abcdefg", 6, "abcde" + ELLIPSIS),
        ("x" * 240, CELL_CHARS, "x" * (CELL_CHARS - 1) + ELLIPSIS),
        ("", 5, ""),
        (None, 5, ""),
        (12.5, 5, "12.5"),
    ],
)
def test_display_text_cuts_to_the_limit(text: object, limit: int, shown: str):
    assert display_text(text, limit) == shown


@pytest.mark.parametrize(
    "text",
    [
        "\r\n" * 40,  # every shown character takes two of the text's
        "\r\n" * 5 + "x" * 3,  # exactly at the limit after the breaks fold
        "a" + "\r\n" * 11,  # one more: cut
        "\x00" * 30,  # a control shows as eight characters
        "\r\n" * 11 + "\r",
    ],
)
def test_a_long_value_is_cut_as_if_shown_whole(text: str):
    """Only the first 2 * limit + 2 characters are scanned; what shows is as if all were."""
    limit = 10
    whole = re.sub(r"\r\n|[\n\r]", LINE_BREAK_MARK, text).replace("\x00", "<U+0000>")
    expected = whole if len(whole) <= limit else whole[: limit - 1] + ELLIPSIS
    assert display_text(text, limit) == expected


def test_escape_cuts_before_escaping():
    """The cut counts what a reader sees, and never splits an escape in two."""
    escaped = escape_markdown("*" * 500)
    assert render(escaped).text.strip() == "*" * (MARKDOWN_CHARS - 1) + ELLIPSIS
    assert escape_markdown("a" * 20, limit=5) == "aaaa" + ELLIPSIS


@pytest.mark.parametrize(
    "text",
    ["revenue rose 5% to $3.2 billion", "Q3 2025: 1,234 jobs (up 2.1%)", "Bank of Japan's 0.5% rate"],
)
def test_ordinary_news_text_is_unchanged_when_rendered(text: str):
    assert render(escape_markdown(text)).text.strip() == text


# --- structured tables -------------------------------------------------------------------------


def records(value: dg.TableMetadataValue) -> list[dict]:
    return [r.data for r in value.records]


@pytest.mark.parametrize("text", VECTORS.values(), ids=VECTORS.keys())
def test_a_hostile_value_stays_in_its_row_and_column(text: str):
    df = pl.DataFrame({"document_id": ["a", text, "c"], "title": [text, "ordinary", "2026-01-01"], "n": [1, 2, 3]})
    value = frame_table(df)
    assert isinstance(value, dg.TableMetadataValue)
    rows = records(value)
    assert [r["n"] for r in rows] == [1, 2, 3]
    assert rows[1]["document_id"] == display_text(text) == rows[0]["title"]
    assert [set(r) for r in rows] == [{"document_id", "title", "n"}] * 3
    for row in rows:
        assert all("\n" not in v and "\r" not in v for v in row.values() if isinstance(v, str))


@pytest.mark.parametrize(
    ("column", "dtype", "kind"),
    [
        ([1, None], pl.Int32, "int"),
        ([1.5, None], pl.Float64, "float"),
        ([True, None], pl.Boolean, "bool"),
        (["a", None], pl.Utf8, "string"),
        ([dt.date(2026, 1, 2), None], pl.Date, "string"),
    ],
)
def test_column_types_follow_the_frame(column: list, dtype: pl.DataType, kind: str):
    value = frame_table(pl.DataFrame({"c": column}, schema={"c": dtype}))
    assert [(c.name, c.type) for c in value.schema.columns] == [("c", kind)]
    assert records(value)[1]["c"] is None


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        (dt.datetime(2026, 12, 1, 8, 0, 5, 123), "2026-12-01 08:00:05"),
        (["doc_a", None, "doc\nb"], f"doc_a, , doc{LINE_BREAK_MARK}b"),
        ("x" * 500, "x" * (CELL_CHARS - 1) + ELLIPSIS),
    ],
)
def test_cells_are_values_a_record_accepts(value: object, cell: object):
    (row,) = records(rows_table([("v", "string")], [[value]]))
    assert row["v"] == cell


def test_an_empty_frame_is_an_empty_table():
    value = frame_table(pl.DataFrame(schema={"a": pl.Utf8}))
    assert records(value) == [] and [c.name for c in value.schema.columns] == ["a"]


def test_counts_table_keeps_each_count_with_its_value():
    value = counts_table({"a\r| INJECTED-ROW |": 3, "documents": 5}, "table")
    assert records(value) == [
        {"table": f"a{LINE_BREAK_MARK}| INJECTED-ROW |", "rows": 3},
        {"table": "documents", "rows": 5},
    ]


def outcome(success: bool, examples: list[str], expectation: str = "expect_x") -> ExpectationOutcome:
    return ExpectationOutcome(
        "suite", expectation, "verdict", success, "observed", 0 if success else len(examples), examples, "", ""
    )


def test_expectations_table_has_one_row_per_example_failed_first():
    hostile = [d["path"] for d in HOSTILE["documents"]]
    value = expectations_table([outcome(True, []), outcome(False, hostile, "expect_y")], examples_shown=5)
    rows = records(value)
    assert [(r["expectation"], r["ok"]) for r in rows] == [("expect_y", False)] * 5 + [("expect_x", True)]
    assert [r["example"] for r in rows[:5]] == [display_text(p, EXAMPLE_CHARS) for p in hostile[:5]]
    assert rows[5]["example"] is None


def test_a_long_example_is_cut():
    (row,) = records(expectations_table([outcome(False, ["y" * 1000])], examples_shown=5))
    assert len(row["example"]) == EXAMPLE_CHARS and row["example"].endswith(ELLIPSIS)


def test_table_metadata_previews_hostile_rows_as_a_table():
    con = duckdb.connect()
    paths = [d["path"] for d in HOSTILE["documents"]]
    con.execute("CREATE TABLE documents (document_id VARCHAR, char_count INTEGER)")
    con.executemany("INSERT INTO documents VALUES (?, ?)", [[p, i] for i, p in enumerate(paths)])
    meta = table_metadata(con, "documents", "SELECT * FROM documents ORDER BY char_count LIMIT 100")
    assert meta["dagster/row_count"] == len(paths)
    rows = records(meta["preview"])
    assert [r["char_count"] for r in rows] == list(range(len(paths)))
    assert [r["document_id"] for r in rows] == [display_text(p) for p in paths]
    assert not any(isinstance(v, dg.MarkdownMetadataValue) for v in meta.values())


# --- no markdown from content ------------------------------------------------------------------

MARKDOWN_BUILDERS = re.compile(r"MetadataValue\.md\(|MarkdownMetadataValue|markdown_table|counts_markdown")


@pytest.mark.parametrize("path", sorted((PROJECT / "assets").glob("*.py")), ids=lambda p: p.name)
def test_assets_build_no_markdown(path: Path):
    """Every asset and check shows content through `assets.table_metadata`'s tables, never markdown."""
    assert MARKDOWN_BUILDERS.findall(path.read_text(encoding="utf-8")) == []


def test_escaping_escaped_text_shows_the_escapes():
    """Text that was escaped once (say, stored by other code) shows its backslashes, never markup."""
    for text in VECTORS.values():
        once = escape_markdown(text, limit=10_000)
        twice = render(escape_markdown(once, limit=100_000))
        assert set(twice.tags) <= INERT_TAGS
        assert twice.text.strip().replace("\u200b", "") == once.strip().replace("\u200b", "")
