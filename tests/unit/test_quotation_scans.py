"""Quotations and line breaks found by `str.find` (the splitter's, and claim extraction's read off
the quotation marks) equal the regexes they replace."""

from __future__ import annotations

import itertools
import re

import pytest

from newsfacts.claims.extract import _quote_test
from newsfacts.sentences import _quotation_spans, char_offsets

_PLAIN_QUOTATION = re.compile(r"“[^“”\n]{1,600}”|\"[^\"\n]{1,600}\"")


def _short_texts() -> list[tuple[str, int, int]]:
    """Every text of one to six characters over quotation marks, a line break and a letter, as a
    whole and without its first or last character."""
    cases = []
    for size in range(1, 7):
        for chars in itertools.product('“”"\na', repeat=size):
            text = "".join(chars)
            cases += [(text, 0, size), (text, 1, size), (text, 0, size - 1)]
    return cases


SHORT_TEXTS = _short_texts()


def test_quotations_equal_the_pattern_on_every_short_text() -> None:
    for text, start, stop in SHORT_TEXTS:
        spans = [m.span() for m in _PLAIN_QUOTATION.finditer(text, start, stop)]
        assert _quotation_spans(text, start, stop) == ([s for s, _ in spans], [e for _, e in spans]), text


@pytest.mark.parametrize(
    "text",
    [
        "“" + "x" * 600 + "” is the longest, “" + "y" * 601 + "” too long",
        '"' + "z" * 599 + '" fits, "' + "w" * 600 + '" fits, "' + "v" * 601 + '" does not',
        'He said “it “may” work” and "so" did she.\n“Open on one line\nclosed on the next”',
        "",
    ],
)
def test_quotations_equal_the_pattern_at_the_length_cap(text: str) -> None:
    spans = [m.span() for m in _PLAIN_QUOTATION.finditer(text)]
    assert _quotation_spans(text, 0, len(text)) == ([s for s, _ in spans], [e for _, e in spans])


@pytest.mark.parametrize(
    ("text", "chars", "start", "stop"),
    [
        ("a\nb\n\nc", "\n", 0, 6),
        ("a\nb\n\nc", "\n", 2, 4),
        ('“x” "y" ”“', '“”"', 0, 10),
        ("no marks here", '“”"', 0, 13),
        ("", "\n", 0, 0),
    ],
)
def test_char_offsets_equal_a_character_class_scan(text: str, chars: str, start: int, stop: int) -> None:
    expected = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text[:stop])]
    assert char_offsets(text, chars, start, stop) == [i for i in expected if i >= start]


_CLAIM_QUOTATION = re.compile(
    r"“[^“”\"\n]*(?:[”\"]|(?=\n)|$)|\"[^\"“”\n]*[\"”]"
    r"|(?:(?<=[ \t\n])|^)\"(?=[^\W_])[^\"“”\n]*(?=\n[ \t\r\n]*[\"“])"
)


def _quotations_by_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    line_starts = [start] + [i + 1 for i in range(start, end) if text[i] == "\n"]
    marks = [i for i in range(start, end) if text[i] in '“”"']
    quotes = _quote_test(text, end, marks, line_starts)
    return list(zip(quotes.starts, quotes.ends, strict=True))


def test_claim_quotations_from_the_marks_equal_the_pattern() -> None:
    for text, start, end in SHORT_TEXTS:
        expected = [m.span() for m in _CLAIM_QUOTATION.finditer(text, start, end)]
        assert _quotations_by_marks(text, start, end) == expected, (text, start, end)


def test_claim_quotations_in_prose() -> None:
    text = '“We won," she said. He called it "a “win”.\n“Open to the end\nand “closed” here "stray\nSo "on it goes\n"on'
    expected = [m.span() for m in _CLAIM_QUOTATION.finditer(text)]
    assert _quotations_by_marks(text, 0, len(text)) == expected
    assert len(expected) == 5
