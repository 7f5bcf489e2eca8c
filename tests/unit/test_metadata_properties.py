"""Properties on arbitrary input: parsing never raises, bounds stay ordered, and it stays fast."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.metadata import DocumentMetadata, parse_metadata
from newsfacts.metadata.body import count_words

FRAGMENTS = [
    "---\n",
    "...\n",
    "title: X\n",
    "date: 2025-11-13 12:00:00 +0800\n",
    "a: &x [1]\nb: *x\n",
    "[unclosed\n",
    "\n",
    "\r\n",
    "# Heading\n",
    "By Jane Doe | November 13, 2025\n",
    "Overall Sentiment\n",
    "neutral\n",
    "Sentiment Score: 0.5\n",
    "Request Demo",
    "Related Articles\n",
    "__Jane Doe__ is a fellow.\n",
    "***\n",
    "Plain sentence of prose.\n",
    "\ufeff",
    "*_*_",
]

documents = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=30).map("".join),
)


def _check(text: str, metadata: DocumentMetadata) -> None:
    assert 0 <= metadata.body_start <= metadata.body_end <= len(text)
    assert metadata.word_count == count_words(text, metadata.body_start, metadata.body_end)
    body = text[metadata.body_start : metadata.body_end]
    assert body == body.strip()
    assert (metadata.front_matter is None) or (metadata.front_matter_error is None)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_never_raises_and_bounds_are_ordered(text: str):
    _check(text, parse_metadata(text))


def test_pathological_inputs_are_fast():
    inputs = [
        "-" * 2_000_000,
        " " * 2_000_000 + "x",
        "\n" * 2_000_000,
        "---\ntitle: x\n" + "y" * 2_000_000,
        ("Subscribe " * 30 + "x\n") * 6_000,
        ("* " * 150 + "\n") * 6_000,
        "# " + "a #" * 100_000,
        "By " + "Jane " * 400_000,
        ("_" * 150 + "a" + "*" * 140 + "\n") * 6_000,
    ]
    for text in inputs:
        started = time.perf_counter()
        _check(text, parse_metadata(text))
        assert time.perf_counter() - started < 2.0, text[:40]
