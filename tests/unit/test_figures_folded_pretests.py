"""The folded-trie pre-tests before case-insensitive scans (a count's subject before it, the
election words of a body) give what the scans alone give, on texts with the characters that fold
unlike lower() (the long s, the dotted capital I) and words that only hold a stem."""

from __future__ import annotations

import random

import pytest

from newsfacts.facts import key
from newsfacts.figures import extract
from newsfacts.figures import grammar as g
from newsfacts.figures.ranges import _OPENERS, WORDS_CHARS, WORDS_KEPT, words_before

TEXTS = [
    "The death toll was 117 on Sunday.",
    "The number of people who were hurt stood at 45.",
    "Deliveries in the quarter totaled 15,985.",
    "Homes destroyed: at least 1,700",
    "The ſales of the firm reached 300 units.",  # the long s folds to "s" under re.IGNORECASE
    "ATTENDANCE WAS 40,000 at the final.",
    "İnjuries: 71 to firefighters, the toll was 12.",  # lower() lengthens "İ"
    "He counted 12 sheep; the headcount hit 230.",
    "Prices rose 3% in May.",
    "A vote of 52 to 48 in the electoral college; ballots cast: 1,905,960.",
    "The voters’ turnout was 61%; the ELECTIONS board said 3 were void.",
    "Devoted fans elected nobody: 5 stayed.",
    "İstanbul voted; the vote count was 1,200 after the ballot.",  # lengthened, and a word after a stem
    "They voted twice and elected 3, then the voteS were cast.",
]


def _count_subject_reference(body: str, start: int) -> bool:
    if g.COUNT_SUBJECT_BEFORE.search(body, max(0, start - 100), start) is not None:
        return True
    m = g.LABEL_BEFORE.search(body, max(0, start - 60), start)
    return m is not None and any(extract.is_plural_noun(w) for w in m.group("label").split())


def _texts() -> list[str]:
    rng = random.Random(7)
    words = " ".join(TEXTS).split()
    return TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(5, 60))) for _ in range(200)]


def test_count_subject_equals_the_scan_alone() -> None:
    hits = 0
    for text in _texts():
        for start in range(len(text) + 1):
            fast = extract._count_subject(text, start)
            assert fast == _count_subject_reference(text, start), (text, start)
            hits += fast
    assert hits > 100  # the texts do hold count subjects


@pytest.mark.parametrize("text", _texts())
def test_election_body_equals_the_scan_alone(text: str) -> None:
    assert key._election_body(text) == (key._ELECTION_WORDS.search(text) is not None)


def test_election_body_on_texts_of_both_answers() -> None:
    answers = {key._election_body(t) for t in TEXTS}
    assert answers == {True, False}


def test_words_before_equals_a_fresh_reading_when_asked_again() -> None:
    texts = _texts()[:40]
    rng = random.Random(3)
    for _ in range(2000):
        text = rng.choice(texts)
        start = rng.randint(0, len(text))
        fresh = tuple(text[max(0, start - WORDS_CHARS) : start].lower().translate(_OPENERS).split()[-WORDS_KEPT:])
        assert words_before(text, start) == fresh
        assert words_before(text, start) == fresh  # the kept answer
