"""tokens_within gives the tokens of a slice of a sentence from the sentence's own tokens: they must
be the slice's tokens (shifted to sentence offsets) whenever no token crosses the slice's edges,
and None when one does."""

from __future__ import annotations

import pytest

from newsfacts.facts import concept
from newsfacts.facts.concept import tokens, tokens_within


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. economy grew 2.5% in the third quarter, while Japan’s output fell 0.3%.",
        "Shares of A&P rose 4% to $12.50 after the company's results — better than expected.",
        "Revenue was $84.5 million (up 12%), and the co-founder said: “we are pleased”.",
        "Café owners in São Paulo paid R$1,200 a month, naïvely.",
    ],
)
def test_every_window_that_cuts_no_token_reads_as_the_slice(sentence: str) -> None:
    read = 0
    for start in range(len(sentence) + 1):
        for end in range(start, len(sentence) + 1):
            inside = tokens_within(sentence, start, end)
            if inside is None:
                continue
            read += 1
            shifted = tuple((s + start, e + start, w) for s, e, w in tokens(sentence[start:end]))
            assert inside == shifted, (start, end)
    assert read > len(sentence)  # the windows between tokens were compared, not skipped


@pytest.mark.parametrize(
    ("sentence", "start", "end", "words"),
    [
        ("rose 2.5% to a record", 0, 9, ("rose", "2.5", "%")),
        ("rose 2.5% to a record", 4, 21, ("2.5", "%", "to", "a", "record")),
        ("rose 2.5% to a record", 5, 5, ()),
    ],
)
def test_windows_on_token_edges(sentence: str, start: int, end: int, words: tuple[str, ...]) -> None:
    inside = tokens_within(sentence, start, end)
    assert inside is not None
    assert tuple(w for _, _, w in inside) == words


@pytest.mark.parametrize(("start", "end"), [(1, 9), (0, 7), (6, 12)])
def test_a_window_that_cuts_a_token_gives_none(start: int, end: int) -> None:
    assert tokens_within("rose 2.5% to a record", start, end) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "   ",
        "5%",
        "U.S. GDP rose 2.5% — its best pace; A&P's co-founder said “fine”.",
        "...and then: (3) items, x-ray, 1,200.50 and e.g. the U.K.",
        "Café owners in São Paulo paid R$1,200 a month, naïvely…",
        "trailing space and marks ?! ",
    ],
)
def test_tokens_are_what_the_token_pattern_finds(sentence: str) -> None:
    expected = tuple((m.start(), m.end(), m.group()) for m in concept._TOKEN.finditer(sentence))
    assert tokens(sentence) == expected
