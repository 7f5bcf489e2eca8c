"""Shapes the header reader does not handle yet, kept as strict expected failures."""

from __future__ import annotations

import pytest

from newsfacts.metadata import parse_metadata

STORY = (
    "The agriculture department said all of its offices would reopen by Thursday after threats "
    "forced closures in five states."
)


@pytest.mark.xfail(strict=True, reason="a sentence-case question is read as an opening sentence, not a headline")
def test_sentence_case_question_headline():
    assert parse_metadata(f"Is the central bank done cutting rates?\n\n{STORY}").title == (
        "Is the central bank done cutting rates?"
    )
