"""Clause breaks are found by a regex whose alternatives each open with a literal character; in
every window it must find what the plain form of the pattern finds."""

from __future__ import annotations

import re

import pytest

import newsfacts.figures  # noqa: F401  (loads the figure layer before the fact layer, as extract does)
from newsfacts.facts import key

# a comma between two digits is a thousands separator, no break: "30,000 jobs to 157,000"
_PLAIN = re.compile(r",(?!\d)|(?<!\d),|[;:()\[\]—–]|\b(?:while|whereas|but|although)\b")

SENTENCES = [
    "Sales rose 5%, while costs fell 2%; margins (at 12%) held — but not for long.",
    "Revenue grew 3% whereas profit fell although demand was firm: a mixed quarter.",
    "Words that hold them stay whole: butter, awhile, rebut, althoughx and abut 4%.",
    "but5 and while7 sit against numbers; [brackets] and –dashes– too.",
    "July was revised down by 30,000 jobs to 157,000, from 187,000,and 1,2 or 3 ,4.",
    "x" * 250 + ", 5% " + "y" * 250 + " but 6%",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_window_has_the_plain_breaks(sentence: str) -> None:
    # windows as _clause reads them: up to a figure's start, and from a figure's end
    for pos in range(len(sentence) + 1):
        for endpos in (pos, pos + 1, pos + 4, pos + 200, len(sentence)):
            spans = [m.span() for m in key._CLAUSE_PUNCT.finditer(sentence, pos, endpos)]
            assert spans == [m.span() for m in _PLAIN.finditer(sentence, pos, endpos)], (pos, endpos)


@pytest.mark.parametrize(
    ("sentence", "figure", "clause"),
    [
        ("Sales rose 5%, while costs fell 2%.", "2%", " costs fell 2%."),
        ("Costs fell 2% but sales rose 5%.", "2%", "Costs fell 2% "),
        ("The butter price rose 4% today.", "4%", "The butter price rose 4% today."),
        ("July fell by 30,000 jobs to 157,000.", "157,000", "July fell by 30,000 jobs to 157,000."),
        ("Jobs rose by 30,000, to 157,000.", "157,000", " to 157,000."),
        # an aside between dashes, or one aside word between commas, does not end the clause
        ("The funds rate — what banks charge — is 4.5%.", "4.5%", "The funds rate — what banks charge — is 4.5%."),
        ("The rate of unemployment, however, was 3.8%.", "3.8%", "The rate of unemployment, however, was 3.8%."),
        ("Sales rose, analysts said, by 5%.", "5%", " by 5%."),
    ],
)
def test_examples(sentence: str, figure: str, clause: str) -> None:
    lo = sentence.index(figure)
    start, end = key._clause(sentence, lo, lo + len(figure))
    assert sentence[start:end] == clause
