"""not_word_class lists the ASCII word characters beside \\w for speed: it must hold exactly the
characters `[^\\w...]` holds, for every code point of the Basic Multilingual Plane and some beyond."""

from __future__ import annotations

import re

import pytest

from newsfacts.facts.trie import not_word_class

CODE_POINTS = [*range(0x10000), 0x1D7CE, 0x1F600, 0x20000, 0x10FFFF]


@pytest.mark.parametrize("extra", ["", "&", "'’"])
def test_same_characters_as_the_plain_class(extra: str) -> None:
    fast = re.compile(not_word_class(extra))
    plain = re.compile(rf"[^\w{extra}]")
    text = "".join(map(chr, CODE_POINTS))
    assert [m.start() for m in fast.finditer(text)] == [m.start() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("char", "breaks"),
    [(" ", True), ("\u00a0", True), ("’", True), ("a", False), ("Z", False), ("7", False), ("_", False), ("é", False)],
)
def test_examples(char: str, breaks: bool) -> None:
    assert (re.fullmatch(not_word_class(), char) is not None) is breaks


def test_extra_characters_are_excluded() -> None:
    assert re.fullmatch(not_word_class("&"), "&") is None
    assert re.fullmatch(not_word_class(), "&") is not None
