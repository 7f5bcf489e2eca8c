"""The segments a sentence names are read only where a segment's first word opens (and exclusions
only where one may): the hits must be what the case-insensitive alternation finds over the whole
sentence, whatever its case, separators or odd letters."""

from __future__ import annotations

import random

import pytest

import newsfacts.figures  # noqa: F401  (the fact layer is imported through the figures package)
from newsfacts.facts import key
from newsfacts.figures.catalog import ignorecase_fold


def _reference(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Every segment phrase of the sentence by one finditer of the full pattern, exclusions blanked."""
    pattern, canonical, excluded = key._segment_tables()
    if key._segment_words().search(sentence.lower().replace("-", " ")) is None:
        return ()
    text = excluded.sub(lambda m: " " * len(m.group()), sentence)
    return tuple(
        (m.start(), m.end(), canonical[key._SEGMENT_SPACE.sub(" ", ignorecase_fold(m.group()))])
        for m in pattern.finditer(text)
    )


def _name(phrase: str) -> str:
    return key._segment_tables()[1][phrase]


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        ("Shelter costs rose 0.4% and energy prices fell.", ["shelter", "energy"]),
        ("SHELTER rose while Health-Care spending grew.", ["shelter", "health care"]),
        ("Prices excluding food and energy rose 0.3%.", []),  # the excluded segments are left out
        ("Prices except shelter rose, and food prices fell.", ["food"]),
        ("The sheltered bay and energetic traders named no segment.", []),
        ("Nothing here names a segment.", []),
    ],
)
def test_segment_hits_name_the_phrases(sentence: str, phrases: list[str]) -> None:
    hits = key._segment_hits.__wrapped__(sentence)
    assert [name for _, _, name in hits] == [_name(p) for p in phrases]
    assert hits == _reference(sentence)


def test_a_long_s_reads_as_s() -> None:
    # bug fix: a hit was looked up by lower(), which keeps "ſ", so "ſhelter" raised KeyError once
    # another segment of the sentence let it past the lower-case trie
    hits = key._segment_hits.__wrapped__("Food prices and \u017fhelter costs rose 0.4%.")
    assert [name for _, _, name in hits] == [_name("food"), _name("shelter")]


def test_segment_hits_match_the_full_scan_on_random_texts() -> None:
    """Texts drawn from segment words, exclusions, separators and odd letters (seeded)."""
    rng = random.Random(7)
    pieces = ["food", "Food", "energy", "ENERGY", "excluding", "except", "less", "ex", " ", "  ", "-", ",", "and",
              "health care", "non", "farm", "shelter", "\u017f", "\u212a", "\u0130", "\u00e9", "volatile", "the",
              "manufacturing", "men", "women", "x", "\n"]  # fmt: skip
    for _ in range(3000):
        sentence = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert key._segment_hits.__wrapped__(sentence) == _reference(sentence), sentence
