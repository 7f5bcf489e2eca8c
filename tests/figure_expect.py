"""One way for the figure tests to find a figure and check what the extractor made of it.

Shared so each test states only its text and its expectations (as metadata_expect.py does for the
metadata tests); importable from every test module because pytest puts this folder on sys.path.
"""

from __future__ import annotations

from typing import Any

from newsfacts.figures import Figure, extract_figures


def _checked(figure: Figure, expected: dict[str, Any]) -> Figure:
    """`figure`, after checking that each field named in `expected` has its value (all at once).

    Give `pytest.approx(v)` for a value that may differ in its last digits."""
    assert {name: getattr(figure, name) for name in expected} == expected, figure
    return figure


def only_figure(text: str, of_kind: str | None = None, **expected: Any) -> Figure:
    """The one figure found in `text`, checked against `expected`.

    With `of_kind`, the one figure of that kind: the text may hold figures of other kinds too."""
    figures = extract_figures(text)
    found = [f for f in figures if of_kind is None or f.kind == of_kind]
    assert len(found) == 1, figures
    return _checked(found[0], expected)


def figure_written(text: str, raw: str, **expected: Any) -> Figure:
    """The first figure found in `text` whose span is `raw`, checked against `expected`."""
    figures = extract_figures(text)
    found = [f for f in figures if f.raw_text == raw]
    assert found, [f.raw_text for f in figures]
    return _checked(found[0], expected)
