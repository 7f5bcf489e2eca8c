"""Fast paths of claim extraction decide what the plain tests they replace decide.

One pass over a body for the speech cues and the claim cues' phrase starts: the same speech
matches, and for every span the cue lists a scan of that span alone finds (its first word, its
last word and tails cut by its end included). A sentence alone on its line, told by its
neighbours' lines: the same as testing the text around it on the line.
"""

from __future__ import annotations

import itertools
import re

import pytest

from newsfacts.claims.classify import _DATE_ONLY, CUES, _is_date_only
from newsfacts.claims.detect import _THREE_WORDS, _has_three_words
from newsfacts.claims.extract import _LOWER_WORD, _whole_line
from newsfacts.claims.lexicon import CueScan
from newsfacts.claims.speakers import _COMPLEMENT, _QUOTE_COMPLEMENT, SPEECH, CueStarts, _has_complement
from newsfacts.claims.verbs import _AUXILIARY
from newsfacts.sentences import split_sentences

BODIES = [
    "Rates will rise, the bank said. Prices are expected to climb; they could fall. I think it is wise.",
    "“We may win,” she said.\nMaybe not. Output is set to the tune of 2%, according to the ministry.",
    "Shares are set to\nrise. It’s a very decisive move, perhaps. We believe costs seem high, he added.",
    "willow may-be; resettled, 'will' -could (likely) “probably” and over the next year, apparently.",
    "Adding, “we will not stop,” citing no one, Émile wrote: the plan is expected to fail next week.",
    "Nothing here at all",
    "",
]

_SMALL = CueScan({"future": [("set", r"\s+to\s+[a-z]"), ("will", r"\b")], "soft": [("maybe", r"\b"), ("Émile", r"\b")]})


def _spans(text: str) -> list[tuple[int, int]]:
    """Every span from one word or punctuation boundary to another (the cuts claims can have)."""
    cuts = sorted({0, len(text)} | {i for i in range(1, len(text)) if text[i - 1].isalnum() != text[i].isalnum()})
    return [(s, e) for s in cuts for e in cuts if s < e]


@pytest.mark.parametrize("scan", [CUES, _SMALL], ids=["claim-cues", "small"])
@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("offset", [0, 1, 6])
def test_within_equals_a_scan_of_the_span(scan: CueScan, body: str, offset: int) -> None:
    _, starts = CueStarts(scan)(body, offset, len(body))  # a body that starts `offset` in
    for s, e in _spans(body):
        if s >= offset:
            assert scan.within(body, starts, s, e) == scan(body[s:e]), (s, e, body[s:e])


@pytest.mark.parametrize("body", BODIES)
def test_the_shared_pass_keeps_every_speech_cue(body: str) -> None:
    for start in range(0, len(body), 7):
        speech, _ = CueStarts(CUES)(body, start, len(body))
        alone, none = CueStarts()(body, start, len(body))
        expected = [m.span() for m in SPEECH.finditer(body, start)]
        assert [m.span() for m in speech] == [m.span() for m in alone] == expected
        assert none == []


def test_within_finds_nothing_where_no_phrase_starts() -> None:
    text = "Quarterly revenue rose."
    assert CUES.within(text, [], 0, len(text)) == frozenset()


@pytest.mark.parametrize(
    "body",
    [
        "Title line\nFirst one. Second one.\n  Indented alone.  \n\n\tLast. ",
        "One sentence only",
        "\n\nA. B.\nC?\n",
        "A line that is long enough to be cut " * 80 + "\nshort tail",
    ],
)
def test_whole_line_from_neighbours_equals_the_line_test(body: str) -> None:
    sentences = split_sentences(body)
    lines = [body.rfind("\n", 0, s.start) + 1 for s in sentences]
    for i, s in enumerate(sentences):
        stop = body.find("\n", s.end)
        stop = len(body) if stop < 0 else stop
        alone = not body[lines[i] : s.start].strip() and not body[s.end : stop].strip()
        assert _whole_line(lines, i) == alone, s.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose sharply.",
        "Prices rose",
        "“Prices rose,” he said.",
        "a,b,c",
        "3 new jobs",
        "12 34 56 ab",
        "_a _b _c",
        "x² y² z²",
        "² ½ ³ d",
        "Émile était là",
        "- a - b",
        "   ",
        "",
    ],
)
def test_three_words_shortcut_equals_the_pattern(sentence: str) -> None:
    assert _has_three_words(sentence) == (_THREE_WORDS.match(sentence) is not None)


@pytest.mark.parametrize(
    "sentence",
    [
        "She added that the plan works.",
        "He called the meeting on Monday.",
        "The minister added: the deal is done.",
        "He called it “a disgrace” and left.",
        'They noted, in a long letter to the board, "we will not pay".',
        "Costs, he noted. Then “nothing” more.",
        "It added value; no words followed at all",
    ],
)
@pytest.mark.parametrize("quote_only", [False, True])
def test_complement_shortcut_equals_the_patterns(sentence: str, quote_only: bool) -> None:
    full = _QUOTE_COMPLEMENT if quote_only else _COMPLEMENT
    for verb_end in range(len(sentence)):
        for end in (len(sentence), len(sentence) - 5):
            expected = full.match(sentence, verb_end, end) is not None
            assert _has_complement(sentence, verb_end, end, quote_only) == expected, (verb_end, end)


_PLAIN_AUXILIARY = re.compile(
    r"\W(?i:is|are|was|were|am|be|been|has|have|had|do|does|did|will|would|shall|should|can|could|"
    r"may|might|must|cannot|can[’']t|won[’']t|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|doesn[’']t|"
    r"don[’']t|didn[’']t|hasn[’']t|haven[’']t|(?:it|that|there|he|she|what|who)[’']s|"
    r"(?:i|we|you|they)[’'](?:m|re|ve|ll|d))\b"
)
_AUX_WORDS = [
    "is",
    "Been",
    "can’t",
    "WON'T",
    "It’s",
    "they’re",
    "I'M",
    "ſhould",
    "İs",
    "cans",
    "isle",
    "bee",
    "i'mm",
    "there’s",
    "x",
    ",",
    "’",
    "_",
    "the",
]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_auxiliary_tree_finds_what_the_alternation_finds(size: int) -> None:
    for words in itertools.product(_AUX_WORDS, repeat=size):
        for text in (" ".join(words), "".join(words)):
            assert bool(_AUXILIARY.search(" " + text)) == bool(_PLAIN_AUXILIARY.search(" " + text)), text


@pytest.mark.parametrize("text", ["a", "Ab c", "x-y z’s", "“Up” and down", "É é_e 9e", "", "QUIET now"])
def test_lower_word_opening_with_the_letter_equals_the_look_behind_form(text: str) -> None:
    plain = re.compile(r"(?<![\w’'-])[a-z]")
    for start in range(len(text) + 1):
        found = _LOWER_WORD.search(text, start)
        expected = plain.search(text, start)
        assert (found and found.span()) == (expected and expected.span()), (text, start)


@pytest.mark.parametrize(
    "figure",
    ["2025", "In 2025", "October 2025", "the 1990s", "THE 1990S", "the 1990ſ", "Q3 2024", "mid-2026", "٢٠٢٥"]
    + ["3.2%", "$4 billion", "12", "Oct. 5, 2024", "early 2019S", "2019 x", ""],
)
def test_date_only_shortcut_equals_the_pattern(figure: str) -> None:
    assert _is_date_only(figure) == (_DATE_ONLY.fullmatch(figure) is not None)
