"""word_before reads the token before a number by string strips; it must give what the regex it
replaced gives (a run of non-space characters, one to three inline spaces before the position)."""

from __future__ import annotations

import re

import pytest

from newsfacts.figures.context import word_before

# the reference: the token regex searched in the window before the position
_REFERENCE = re.compile(r"(?P<tok>\S{1,40})[ \u00a0\u202f]{1,3}$")

TEXTS = [
    "Revenue rose to $5 billion in the quarter.",
    "Phase 2 trials, Model 3 sales and No. 5 seed.",
    "Two\u00a0spaces:  7, three:   8, four:    9, tab:\t10, line:\n11.",
    "A thin\u202fspace 12 and (“quoted” 13) and x" + "y" * 50 + " 14.",
    "    5",
    "5",
    "",
]


def _reference(text: str, start: int) -> str | None:
    m = _REFERENCE.search(text, max(0, start - 45), start)
    return m.group("tok") if m else None


@pytest.mark.parametrize("text", TEXTS)
def test_every_position_equals_the_regex(text: str) -> None:
    for start in range(len(text) + 2):
        assert word_before(text, start) == _reference(text, start), start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phase 2", "Phase"),
        ("up  3", "up"),
        ("up    3", None),  # four spaces: too far
        ("up\n3", None),  # a line break is no inline space
        ("up\t 3", None),
        ("x" * 44 + " 3", "x" * 40),  # the token's last 40 characters
        ("3", None),
    ],
)
def test_examples(text: str, expected: str | None) -> None:
    assert word_before(text, len(text) - 1) == expected
