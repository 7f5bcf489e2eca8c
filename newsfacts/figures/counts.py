"""When a bare number counts something: "15 large-scale projects", "four major documents".

A numeral counts when a plural noun follows within four words. A spelled-out number must also be
at least two, must not refer back to a known group ("the two leaders", "both three"), and must not
count units of the prose itself ("three reasons", "two observations emerge"). Small spelled counts
are where a figure extractor most easily floods its output, so these rules favour precision.
"""

from __future__ import annotations

from newsfacts.figures import grammar as g
from newsfacts.figures.context import is_sentence_start, word_before
from newsfacts.figures.lexicon import (
    COUNT_MODIFIERS,
    DEFINITE_WORDS,
    DISCOURSE_NOUNS,
    DURATION_UNITS,
    EXISTENTIAL_BEFORE,
    NOT_NOUNS,
    NOT_SINGULAR_COUNTS,
    is_plural_noun,
    is_superlative,
)
from newsfacts.figures.units import NAMES as UNIT_NAMES


def counted_noun(text: str, end: int) -> str | None:
    """The plural noun the number ending at `end` counts, allowing three modifiers before it."""
    m = g.NEXT_WORDS.match(text, end)
    if not m:
        return None
    before = ""
    for word in m.groups():
        if word is None:
            return None
        if word[0].isdigit() and not before[:1].isupper():
            return None  # a model number only after a maker's name: "11 Boeing 787 Dreamliners"
        before = word
        low = word.lower()
        if low in COUNT_MODIFIERS or is_superlative(low) or (len(word) == 1 and word.isupper() and word != "I"):
            continue  # "eight more picks", "the five largest farms", "forty-three influenza A cases"
        if low in NOT_NOUNS or low in DURATION_UNITS:
            return None
        if is_plural_noun(word):
            return word
    return None


def singular_noun(text: str, start: int, end: int, spelled: bool) -> str | None:
    """The singular noun a number one counts: "1 death", "1 new case", "one additional death".

    A digit 1 counts any common singular noun after it (a participle or count modifier may come
    first: "1 confirmed case"); a spelled "one" only with a count modifier before its noun or after
    "there was", since "one analyst said" or "one of them" reports no figure.
    """
    m = g.NEXT_WORDS.match(text, end)
    if not m:
        return None
    modified = False
    for word in m.groups():
        if word is None or not word.isalpha():
            return None
        low = word.lower()
        if low in COUNT_MODIFIERS or (low.endswith("ed") and len(low) > 4 and low not in NOT_NOUNS):
            modified = True  # "1 new death", "1 confirmed case"
            continue
        if not word.islower() or len(word) < 3 or low in NOT_NOUNS or low in DURATION_UNITS or low in UNIT_NAMES:
            return None
        if low in NOT_SINGULAR_COUNTS or low.endswith(("ly", "ing", "s")) or not is_plural_noun(low + "s"):
            return None
        if spelled and not modified:
            before = text[max(0, start - 20) : start].lower().rstrip(g.INLINE_SPACES)
            if not before.endswith(EXISTENTIAL_BEFORE):
                return None
        if spelled and (word_before(text, start) or "").lower() in DEFINITE_WORDS:
            return None  # "the one new rule": a reference, not a count
        return word
    return None


def numeral_counts(text: str, end: int) -> bool:
    return counted_noun(text, end) is not None


def _ranked(text: str, end: int) -> bool:
    m = g.SUPERLATIVE_AFTER.match(text, end)
    return m is not None and (m.group("word").lower() in COUNT_MODIFIERS or is_superlative(m.group("word")))


def spelled_counts(text: str, start: int, end: int, value: float, part: bool = False) -> bool:
    """Rules for "three women" (a count) versus "the two leaders", "in three directions" (not).
    A `part` of a counted whole ("nine of the 17 seats") counts what the whole counts."""
    if value < 2:
        return False
    if text[start].isupper() and not is_sentence_start(text, start):
        return False  # part of a name: "Group of Seven", "Big Three"
    before = word_before(text, start)
    if (
        before is not None
        and before.lower().strip("“‘\"'(") in DEFINITE_WORDS
        and g.WHOLE_OF_PART_BEFORE.search(text, max(0, start - 30), start) is None
        and not _ranked(text, end)
    ):
        return False  # "the two leaders"; not the whole in "nine of the seventeen seats", not "the five largest"
    if part:
        return True
    noun = counted_noun(text, end)
    return noun is not None and noun.lower() not in DISCOURSE_NOUNS
