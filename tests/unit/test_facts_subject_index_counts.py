"""The article's entity counts of a long body (counted by findall) equal those of its entity scan."""

from __future__ import annotations

from collections import Counter

import pytest

from newsfacts.facts.subject import MAX_CACHED_TEXT, SubjectIndex, entities_in

# Bodies written for this test; each is repeated past MAX_CACHED_TEXT so the long-body path counts it.
BODIES = [
    "Japan said exports rose. The Fed held rates while the U.S. economy grew.",
    "Labour's lead widened; Labour's's odd spelling stays a mention of Labour.",
    "China's output fell and Chinese demand slowed, Beijing said. Japan's yen weakened.",
    "the Fed met. S&P 500 futures rose as US yields fell and the euro zone stalled.",
    "No entity is named in this sentence about rain.",
    "Labour's's lead opens this text, so the first mention is read at its very start.",
]


@pytest.mark.parametrize("body", BODIES)
def test_long_body_counts_equal_scan(body: str) -> None:
    text = (body + "\n") * (MAX_CACHED_TEXT // len(body) + 2)
    assert len(text) > MAX_CACHED_TEXT
    expected = Counter((e.name, e.type) for e in entities_in(text))
    counts = SubjectIndex(text).counts
    assert list(counts.items()) == list(expected.items())  # first seen first: ties keep their order


def test_main_entity_of_long_body() -> None:
    text = "Mexico's peso fell while Canada held. Canada and Canadian banks gained. " * 80
    assert SubjectIndex(text).main(None) == "Canada"
    assert SubjectIndex(text).main(frozenset({"party"})) is None
