"""The first-letter pre-test of the cue scans: a necessary condition only, it never drops a cue."""

from __future__ import annotations

import re

import pytest

from newsfacts.claims.lexicon import CueScan, first_letters
from newsfacts.claims.speakers import SPEECH, speech_cues
from newsfacts.facts.trie import WORD_CHARS, not_word_class

_SCAN = CueScan({"soft": [("maybe", r"\b"), ("Émile", r"\b")], "future": [("set", r"\s+to\s+[a-z]"), ("will", r"\b")]})


@pytest.mark.parametrize(
    ("words", "charset"),
    [
        (["will", "won't", "Maybe"], "[Mw]"),
        (["É", "émile"], "[Éé]"),
        (["a-b", "-x"], r"[\-a]"),
    ],
)
def test_first_letters(words: list[str], charset: str) -> None:
    assert first_letters(words) == charset
    assert all(re.match(charset, w) for w in words)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It will rain and maybe snow.", {"soft", "future"}),
        ("Émile wrote it.", {"soft"}),  # a non-ASCII first letter passes the pre-test
        ("Prices are set to rise.", {"future"}),
        ("The set, left unused.", set()),  # the tail still decides
        ("willow, maybelline, resettled", set()),  # a cue word inside a longer word is no cue
        ("", set()),
    ],
)
def test_cue_scan_with_the_pre_test(text: str, found: set[str]) -> None:
    assert _SCAN(text) == found


def test_a_tail_with_a_capturing_group_is_refused() -> None:
    with pytest.raises(ValueError, match="capturing group"):
        CueScan({"x": [("may", r"(\b)")]})


@pytest.mark.parametrize(
    "text",
    [
        "According to the filing, costs rose. “We won,” Ada Roe said.",
        "QUOTING the minister, the paper wrote that talks stalled; citing sources, it added more.",
        "Nobody here speaks at all.",
    ],
)
def test_speech_cues_still_equal_the_full_scan(text: str) -> None:
    assert [m.span() for m in speech_cues(text, 0, len(text))] == [m.span() for m in SPEECH.finditer(text)]


# Every ASCII character, Latin-1 and general punctuation (dashes, curly quotes), and a few others.
_CHARS = [chr(c) for c in [*range(0x2100), 0x3000, 0x4E00, 0xFF0C, 0x1F600]]


@pytest.mark.parametrize(
    ("listed", "plain"),
    [(not_word_class(), r"\W"), (f"[{WORD_CHARS}]", r"\w"), (f"[^{WORD_CHARS}’'\\-]", r"[^\w’'-]")],
)
def test_the_bitmap_first_classes_hold_the_same_characters(listed: str, plain: str) -> None:
    fast, slow = re.compile(listed), re.compile(plain)
    assert [ch for ch in _CHARS if fast.fullmatch(ch)] == [ch for ch in _CHARS if slow.fullmatch(ch)]
