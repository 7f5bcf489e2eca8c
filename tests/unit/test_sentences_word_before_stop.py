"""The word a full stop ends is read by string strips; it must be what the regex it replaced
found (letters and dots from the first letter, within 15 characters before the stop)."""

from __future__ import annotations

import re

import pytest

from newsfacts.sentences import _word_before_stop, split_sentences

_REFERENCE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")

TEXTS = [
    "He moved to the U.S. The deal closed. Mr. Smith said e.g. this. It was 3.5. Done.",
    "Initials J. K. Rowling and a.b.c.d.e.f.g.h.i.j. end; café. Über. ...Wait. 1.2.",
    "x" * 30 + ". y",
    ".",
]


def _reference(text: str, stop: int) -> str | None:
    m = _REFERENCE.search(text, max(0, stop - 15), stop + 1)
    return m.group(1) if m else None


@pytest.mark.parametrize("text", TEXTS)
def test_every_full_stop_equals_the_regex(text: str) -> None:
    for stop in (i for i, ch in enumerate(text) if ch == "."):
        assert _word_before_stop(text, stop) == _reference(text, stop), stop


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He flew to the U.S. The talks ended.", ["He flew to the U.S.", "The talks ended."]),
        ("Mr. Smith arrived. He spoke.", ["Mr. Smith arrived.", "He spoke."]),
        ("Shares rose 3.5. Bonds fell.", ["Shares rose 3.5.", "Bonds fell."]),
        ("Prices e.g. rents rose.", ["Prices e.g. rents rose."]),
    ],
)
def test_splits_around_abbreviations(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences
