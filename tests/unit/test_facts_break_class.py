"""break_class opens a scan with a class of ASCII characters and asks the Unicode tables only about
the rest: it must stop at exactly the characters `[^\\w...]` stops at, for every code point of the
Basic Multilingual Plane and some beyond, and the scans written with it must find what the plain
class finds."""

from __future__ import annotations

import re

import pytest

from newsfacts.facts.trie import break_class, not_word_class

# the Basic Multilingual Plane, a mathematical digit, an emoji, a CJK ideograph and the last code point
EVERY_CHARACTER = "".join(map(chr, range(0x10000))) + "\U0001d7ce\U0001f600\U00020000\U0010ffff"


@pytest.mark.parametrize("extra", ["", "&", "'’"])
def test_stops_where_not_word_class_and_the_plain_class_stop(extra: str) -> None:
    stops = {m.start() for m in re.finditer(break_class(extra), EVERY_CHARACTER)}
    assert stops == {m.start() for m in re.finditer(not_word_class(extra), EVERY_CHARACTER)}
    assert stops == {m.start() for m in re.finditer(rf"[^\w{extra}]", EVERY_CHARACTER)}


@pytest.mark.parametrize(
    ("char", "breaks"),
    [
        (" ", True),
        ("\u00a0", True),
        ("’", True),
        ("—", True),
        ("\n", True),
        ("a", False),
        ("Z", False),
        ("7", False),
        ("_", False),
        ("é", False),
        ("ß", False),
        ("٣", False),  # an Arabic-Indic digit is a word character
    ],
)
def test_examples(char: str, breaks: bool) -> None:
    assert (re.fullmatch(break_class(), char) is not None) is breaks


def test_extra_characters_are_excluded() -> None:
    assert re.fullmatch(break_class("&"), "&") is None
    assert re.fullmatch(break_class("'’"), "’") is None
    assert re.fullmatch(break_class(), "&") is not None


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("rose five points", [4]),
        ("(five) and “six”", [0, 11]),
        ("café five", [4]),  # the break before "five" is a space after a non-ASCII letter
        ("naïvefive", []),  # no break inside a word, whatever its letters
        ("—five", [0]),
    ],
)
def test_a_scan_stops_where_the_plain_class_does(text: str, starts: list[int]) -> None:
    fast = re.compile(rf"{break_class()}(?=five|six)")
    plain = re.compile(r"[^\w](?=five|six)")
    assert [m.start() for m in fast.finditer(text)] == [m.start() for m in plain.finditer(text)] == starts
