"""The splitter's quotations and line breaks found by `str.find` equal the regexes they replace."""

from __future__ import annotations

import itertools
import re

import pytest

from newsfacts.sentences import _quotation_spans, char_offsets

_PLAIN_QUOTATION = re.compile(r"“[^“”\n]{1,600}”|\"[^\"\n]{1,600}\"")


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 6])
def test_quotations_equal_the_pattern_on_every_short_text(size: int) -> None:
    for chars in itertools.product('“”"\na', repeat=size):
        text = "".join(chars)
        for start, stop in ((0, size), (1, size), (0, size - 1)):
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
