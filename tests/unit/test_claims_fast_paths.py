"""The fast paths of claim extraction decide exactly what the plain patterns they replace decide.

Each fast path (one cue pass per claim, speech cues tried only after a non-word character, word
counts by anchored patterns, cheap tests before the markup patterns) is checked against the
straightforward form of the same rule, on sentences written for these tests, edge cases included.
"""

from __future__ import annotations

import re

import pytest

from newsfacts.claims.classify import CUES, FORECAST, OPINION, claim_type
from newsfacts.claims.detect import _WORD, LEADING_MARKUP, MAX_LEADING_MARKUP, _at_least, _may_open_markup, core_span
from newsfacts.claims.hedging import HEDGE, is_hedged
from newsfacts.claims.lexicon import CueScan
from newsfacts.claims.speakers import SPEECH, speech_cues
from newsfacts.facts.trie import trie_regex

SENTENCES = [
    "The central bank could raise rates next year, officials said.",
    "Revenue is expected to rise 4% in the coming quarter.",
    "Analysts said the merger would appear to favour the buyer.",
    "I think the plan is misguided, she told reporters.",
    "In my view the ruling was a decisive moment for the court.",
    "Prices fell 2% in March.",
    "The launch is set to the tune of a jingle.",  # "set to the": not a forecast
    "Shares of Mayor Corp. rose.",  # "Mayor" is no hedge, "may" inside a word neither
    "“We will win,” the senator said on Tuesday.",
    "Maybe the deal closes; perhaps it does not.",
    "_could the markup hide a hedge?",
    "Adding, “we are not done,” the minister left.",
    "According to the ministry, output grew.",
    "He said-so and says’ nothing, telling no one.",
]


def _plain_cues(text: str) -> set[str]:
    """The cue lists of `text` by the plain patterns the single pass stands for."""
    forecast = re.compile(r"\b(?:will|could|going to)\b|\b(?:expected|set)\s+to\s+(?!the\b)[a-z]")
    hedge = re.compile(r"\b(?:may|could|perhaps|appear)\b")
    return {name for name, p in (("forecast", forecast), ("hedge", hedge)) if p.search(text)}


_SMALL_SCAN = CueScan(
    {
        "forecast": [
            *((w, r"\b") for w in ("will", "could", "going to")),
            *((w, r"\s+to\s+(?!the\b)[a-z]") for w in ("expected", "set")),
        ],
        "hedge": [(w, r"\b") for w in ("may", "could", "perhaps", "appear")],
    }
)


@pytest.mark.parametrize("text", SENTENCES)
def test_cue_scan_finds_what_the_plain_patterns_find(text: str) -> None:
    assert _SMALL_SCAN(text) == _plain_cues(text)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Officials could act.", {FORECAST, HEDGE}),  # one word, two lists: neither hides the other
        ("Costs will rise.", {FORECAST}),
        ("Costs may rise.", {HEDGE}),
        ("We should act now.", {OPINION}),
        ("Turnout was remarkable.", {OPINION}),
        ("The mayor spoke.", set()),  # "may" inside a word
        ("The willow grew.", set()),
        ("could", {FORECAST, HEDGE}),  # a cue at the very start and end of the text
    ],
)
def test_claim_cues(text: str, cues: set[str]) -> None:
    assert CUES(text) == cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Costs will rise 3% next year.", "forecast"),
        ("Costs rose 3%.", "statistic"),
        ("The decision was misguided.", "opinion"),
        ("The board met on Monday.", "assertion"),
    ],
)
def test_claim_type_with_and_without_precomputed_cues(text: str, expected: str) -> None:
    statistic = "%" in text
    assert claim_type(text, False, statistic) == expected
    assert claim_type(text, False, statistic, CUES(text)) == expected


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Output likely peaked.", True),
        ("Reportedly, talks stalled.", True),
        ("Talks stalled.", False),
        ("Prices were unlikely-looking.", True),  # a hyphen ends the word
        ("The likelihood grew.", False),
    ],
)
def test_hedges(text: str, hedged: bool) -> None:
    assert is_hedged(text) is hedged


@pytest.mark.xfail(strict=True, reason="sentence-initial 'Maybe' and 'Conceivably' are not listed as hedges")
def test_capitalised_maybe_is_a_hedge() -> None:
    assert is_hedged("Maybe the rally lasts.")


def test_trie_prefers_the_longest_word() -> None:
    pattern = re.compile(trie_regex(["say", "says", "said"]))
    assert [m.group() for m in pattern.finditer("says said say")] == ["says", "said", "say"]


def test_cue_scan_rejects_a_phrase_without_a_word_start() -> None:
    with pytest.raises(ValueError):
        CueScan({"bad": [("-dash", r"\b")]})


@pytest.mark.parametrize("text", SENTENCES + ["\n\n".join(SENTENCES)])
def test_speech_cues_equal_the_full_scan(text: str) -> None:
    for start in range(0, len(text), 7):
        full = [(m.span(), m.groupdict()) for m in SPEECH.finditer(text, start, len(text))]
        fast = [(m.span(), m.groupdict()) for m in speech_cues(text, start, len(text))]
        assert fast == full


@pytest.mark.parametrize("text", SENTENCES + ["", "a", "3 7", "_a_ b", "x’y z-w. q", "é à ü"])
def test_word_counts_match_findall(text: str) -> None:
    n = len(_WORD.findall(text))
    for k in (2, 3, 21):
        assert (_at_least(k).match(text) is not None) == (n >= k)


@pytest.mark.parametrize(
    "text",
    [
        "- item one.",
        "* bullet",
        "a) first",
        "12. twelfth",
        "(b) second",
        "**Bold** text",
        "_emph_",
        "The plain one.",
        "“Quoted.”",
        "b.c",
    ],
)
def test_markup_precheck_never_skips_markup(text: str) -> None:
    m = LEADING_MARKUP.match(text, 0, min(len(text), MAX_LEADING_MARKUP))
    opens_with_markup = m is not None and m.end() > 0
    assert not opens_with_markup or _may_open_markup(text, 0)
    assert (core_span(text, 0, len(text))[0] > 0) is (opens_with_markup and m.end() < len(text))
