"""Sentence segmentation: exact offsets and the edge cases news text throws at a splitter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.sentences import Sentence, sentence_at, split_sentences


def texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [s.text for s in split_sentences(text, start, end)]


# (case, text, its sentences in order)
SPLITS = [
    (
        "plain_sentences",
        "Prices rose. Wages fell! Why? Nobody knows.",
        ["Prices rose.", "Wages fell!", "Why?", "Nobody knows."],
    ),
    (
        "dotted_acronym_mid_sentence",
        "Japan’s pledge to the U.S. remains intact. Markets rose.",
        ["Japan’s pledge to the U.S. remains intact.", "Markets rose."],
    ),
    (
        "dotted_acronym_before_a_name",
        "She met U.S. President Donald Trump on Saturday.",
        ["She met U.S. President Donald Trump on Saturday."],
    ),
    (
        "dotted_acronym_ends_sentence_before_an_opener",
        "The pledge went to the U.S. The deal was signed.",
        ["The pledge went to the U.S.", "The deal was signed."],
    ),
    (
        "titles_and_numbered_abbreviations",
        "Mr. Smith met Dr. Jones. It was No. 2 on the list.",
        ["Mr. Smith met Dr. Jones.", "It was No. 2 on the list."],
    ),
    (
        "decimals_and_percentages",
        "Yaskawa Electric gained 3.2% and the index rose 0.5 points. Then it fell.",
        ["Yaskawa Electric gained 3.2% and the index rose 0.5 points.", "Then it fell."],
    ),
    (
        "initials",
        "The novel by J. K. Rowling sold well. Critics agreed.",
        ["The novel by J. K. Rowling sold well.", "Critics agreed."],
    ),
    (
        "quotation_spanning_sentences_stays_whole",
        "One expert said: “Rates will rise. Inflation is sticky.” The bank disagreed.",
        ["One expert said: “Rates will rise. Inflation is sticky.”", "The bank disagreed."],
    ),
    (
        "straight_quotation_spanning_sentences_stays_whole",
        'He said "We won. They lost." Then he left.',
        ['He said "We won. They lost."', "Then he left."],
    ),
    (
        "question_inside_quotation_followed_by_lower_case",
        "“Why now?” she asked. Nobody answered.",
        ["“Why now?” she asked.", "Nobody answered."],
    ),
    (
        "single_line_breaks_end_sentences",
        "Key Takeaways\n- Alliance focus is strong\n(1) It gives leverage.\n(2) It constrains China.\nConclusion",
        [
            "Key Takeaways",
            "- Alliance focus is strong",
            "(1) It gives leverage.",
            "(2) It constrains China.",
            "Conclusion",
        ],
    ),
    (
        "headings_and_blank_lines",
        "### Theatre and Substance\n\nTakaichi spoke.   \n\n\nShe left.",
        ["### Theatre and Substance", "Takaichi spoke.", "She left."],
    ),
]


@pytest.mark.parametrize(("text", "sentences"), [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_split_into_sentences(text: str, sentences: list[str]) -> None:
    assert texts(text) == sentences


def test_unbalanced_quote_does_not_swallow_the_text() -> None:
    text = "He said “this is odd. The rest follows.\nNext line here."
    assert texts(text)[-1] == "Next line here."


def test_offsets_respect_bounds() -> None:
    text = "Front matter. Body one. Body two. Trailer."
    start = text.index("Body one")
    end = text.index(" Trailer")
    got = split_sentences(text, start, end)
    assert [s.text for s in got] == ["Body one.", "Body two."]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_empty_and_inverted_ranges() -> None:
    assert split_sentences("") == []
    assert split_sentences("abc", 2, 1) == []
    assert split_sentences("abc", 0, 99) == [Sentence(0, 3, "abc")]


def test_sentence_at() -> None:
    text = "One. Two. Three."
    sentences = split_sentences(text)
    assert sentence_at(sentences, text.index("Two")).text == "Two."
    assert sentence_at(sentences, text.index(" Two")) is None
    assert sentence_at(sentences, len(text)) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”\"'U.S3%-#:")), max_size=200), st.data())
def test_offsets_exact_on_arbitrary_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text) + 3))
    got = split_sentences(text, start, end)
    prev_end = start
    for s in got:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert prev_end <= s.start < s.end <= min(end, len(text))
        prev_end = s.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_unicode(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
