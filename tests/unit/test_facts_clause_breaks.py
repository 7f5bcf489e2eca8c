"""Clause breaks are found by a regex whose alternatives each open with a literal character; the
clause of every span must be what the plain form of the pattern gives."""

from __future__ import annotations

import re

import pytest

import newsfacts.figures  # noqa: F401  (loads the figure layer before the fact layer, as extract does)
from newsfacts.facts import key

_PLAIN = re.compile(r"[,;:()\[\]—–]|\b(?:while|whereas|but|although)\b")

SENTENCES = [
    "Sales rose 5%, while costs fell 2%; margins (at 12%) held — but not for long.",
    "Revenue grew 3% whereas profit fell although demand was firm: a mixed quarter.",
    "Words that hold them stay whole: butter, awhile, rebut, althoughx and abut 4%.",
    "but5 and while7 sit against numbers; [brackets] and –dashes– too.",
    "x" * 250 + ", 5% " + "y" * 250 + " but 6%",
    "",
]


def _plain_clause(sentence: str, lo: int, hi: int) -> tuple[int, int]:
    start = 0
    for m in _PLAIN.finditer(sentence, max(0, lo - 200), lo):
        start = m.end()
    m = _PLAIN.search(sentence, hi, min(len(sentence), hi + 200))
    return start, (m.start() if m else min(len(sentence), hi + 200))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_span_has_the_plain_clause(sentence: str) -> None:
    for lo in range(len(sentence) + 1):
        for hi in (lo, min(len(sentence), lo + 3)):
            assert key._clause(sentence, lo, hi) == _plain_clause(sentence, lo, hi), (lo, hi)


@pytest.mark.parametrize(
    ("sentence", "figure", "clause"),
    [
        ("Sales rose 5%, while costs fell 2%.", "2%", " costs fell 2%."),
        ("Costs fell 2% but sales rose 5%.", "2%", "Costs fell 2% "),
        ("The butter price rose 4% today.", "4%", "The butter price rose 4% today."),
    ],
)
def test_examples(sentence: str, figure: str, clause: str) -> None:
    lo = sentence.index(figure)
    start, end = key._clause(sentence, lo, lo + len(figure))
    assert sentence[start:end] == clause
