"""sentences_at: splitting only the lines that hold figures gives exactly the sentences that
split_sentences gives for those lines (the figure extractor relies on it for speed)."""

from __future__ import annotations

import pytest

from newsfacts.sentences import MAX_SENTENCE_CHARS, sentences_at, split_sentences

TEXTS = {
    "plain paragraphs": "Sales rose 4% in May. Costs fell.\n\nThe firm hired 200 staff. It said so.",
    "abbreviation at a line end": "Talks were held in the U.S.\nThe deal closed on Jan. 5 at $3 a share.",
    "quotation on one line": '"Prices rose. They will rise again," she said. Rates held at 4%.\nNext line.',
    "unbalanced quote then a new line": '"Open quote with 5% inside. Still open\nA new line. Another 7% here.',
    "curly quotes": "“We sold 3 million units. It was a record,” he said.\n“Next year.” Done.",
    "ellipsis and marks": "Wait… really?! Yes. 12 people came!!\n(Later.) 30% left.",
    "no break at all": "one two three. " * 40,
    "windows line ends": "First 5% line.\r\nSecond line with 6 items.\r\n\r\nThird.",
    "initials and titles": "Mr. J. K. Smith paid $5. Dr. No said 2.\nSt. Louis grew 3%.",
    "spaces around breaks": "  Lead with spaces 1.  \n\n   \n  Trailing 2 .  \n",
    "a line longer than the limit": ("word " * (MAX_SENTENCE_CHARS // 2)) + "end 9.\nShort 1.",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_line_split_alone_matches_the_whole_split(name: str) -> None:
    text = TEXTS[name]
    assert sentences_at(text, 0, len(text), range(len(text))) == split_sentences(text)


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("bounds", [(3, -3), (10, -1), (0, -7)])
def test_body_bounds_mid_line_match_the_whole_split(name: str, bounds: tuple[int, int]) -> None:
    text = TEXTS[name]
    start, end = bounds[0], len(text) + bounds[1]
    assert sentences_at(text, start, end, range(start, end)) == split_sentences(text, start, end)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_one_position_gives_only_its_own_line(name: str) -> None:
    text = TEXTS[name]
    pos = len(text) // 2
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    expected = [s for s in split_sentences(text) if line_start <= s.start and s.end <= line_end]
    assert sentences_at(text, 0, len(text), [pos]) == expected


def test_positions_outside_the_body_give_nothing() -> None:
    text = "Before 1.\nInside 2.\nAfter 3."
    start, end = text.index("Inside"), text.index("\nAfter")
    assert sentences_at(text, start, end, [0, len(text) - 2]) == []
