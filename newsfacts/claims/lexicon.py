"""Regex alternations built from word lists, shaped so that Python's regex engine scans them fast.

The engine skips quickly through text only when a pattern opens with a literal or a character
set: it then tests one character per position in C and starts a match attempt only at a
candidate. A pattern that opens with `\\b`, a look-behind or a look-ahead gets a full match
attempt at every position, several times slower on prose. `CueScan` therefore opens with the
character before a word (`\\W`, on the text with a space in front), and tests several word lists
in that one pass instead of one scan per list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress

from newsfacts.facts.trie import not_word_class, trie_regex

# A phrase of a cue list and the regex that must follow it ("set", r"\s+to\s+[a-z]").
Cue = tuple[str, str]
_NONE: frozenset[str] = frozenset()


def either_case(words: Iterable[str]) -> str:
    """Words with their first letter in either case, as one prefix tree."""
    return trie_regex({v for w in words for v in (w, w[0].upper() + w[1:])})


class CueScan:
    """Which of several named cue lists occur in a text, found in one regex pass.

    A cue is a phrase that starts a word followed by its tail regex: ("may", r"\\b") means the word
    "may", ("set", r"\\s+to\\s+[a-z]") the word "set" before "to" and a lower-case word. A list
    occurs in a text when `\\b(?:phrase tail|...)` would find a match in it.
    """

    def __init__(self, lists: Mapping[str, Iterable[Cue]]) -> None:
        cues = {name: list(entries) for name, entries in lists.items()}
        for phrase, _ in (cue for entries in cues.values() for cue in entries):
            if not re.match(r"\w", phrase):
                raise ValueError(f"{phrase!r} does not start with a word character")
        phrases = [phrase for entries in cues.values() for phrase, _ in entries]
        any_phrase = trie_regex(phrases)
        # Only where some phrase starts are the lists tested one by one, each in a look-ahead, so
        # that a cue of one list never hides a cue of another starting at the same word.
        each = "".join(rf"(?:(?=(?P<{name}>{_by_tail(entries)}))|)" for name, entries in cues.items())
        # The set of first letters goes first: one test per character rejects most word starts
        # before the engine walks the prefix tree's branches.
        phrase_start = rf"(?={first_letters(phrases)})(?={any_phrase})"
        self.phrase_tree = any_phrase  # for a scan that tests the first letters itself
        self._pattern = re.compile(rf"{not_word_class()}{phrase_start}{each}")
        # The lists tested where a phrase starts (`within`); it always matches, maybe empty.
        self._each = re.compile(each)
        self.firsts = frozenset(phrase[0] for phrase in phrases)
        self._names = tuple(cues)
        if self._pattern.groups != len(self._names):  # `__call__` reads the groups by position
            raise ValueError("a cue tail has a capturing group")

    def __call__(self, text: str) -> frozenset[str]:
        """The names of the lists with a cue in `text`."""
        found: set[str] = set()
        for m in self._pattern.finditer(" " + text):
            found.update(compress(self._names, m.groups()))  # lists whose group took a cue
        return frozenset(found) if found else _NONE

    def within(self, text: str, starts: Sequence[int], start: int, end: int) -> frozenset[str]:
        """`self(text[start:end])`, with no scan of the span: `starts` are the sorted offsets of the
        text, each right after a non-word character, where a listed phrase can start (a pass over a
        longer span found them, the character before it included, so they hold every phrase start
        of this one, `start` too when a non-word character comes before it).

        The lists are tested at those offsets with `end` as the end of the text, and at `start` if
        a word character (or nothing) comes before it, which is what a scan of the slice, a space
        in front, tests.
        """
        found: set[str] = set()
        each, names = self._each, self._names
        i = bisect_left(starts, start)
        n = len(starts)
        before = text[start - 1 : start] if start else "a"
        # A word character (or nothing) before `start`: the pass could not see a phrase there.
        unseen = (i == n or starts[i] != start) and (before.isalnum() or before == "_")
        if unseen and text[start : start + 1] in self.firsts and (m := each.match(text, start, end)) and m.lastindex:
            found.update(compress(names, m.groups()))
        while i < n and starts[i] < end:
            # `lastindex` is None where no list took a cue (a phrase whose tail fails: most of them)
            if (m := each.match(text, starts[i], end)) and m.lastindex:
                found.update(compress(names, m.groups()))
            i += 1
        return frozenset(found) if found else _NONE


def first_letters(words: Iterable[str]) -> str:
    """A character set of the letters `words` start with: a cheap necessary test before a trie."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


def _by_tail(entries: Iterable[Cue]) -> str:
    """One alternation of the cues, the phrases sharing a tail in one prefix tree before it: a
    long tail is written once, which keeps the pattern small and quick to compile."""
    phrases: dict[str, list[str]] = {}
    for phrase, tail in entries:
        phrases.setdefault(tail, []).append(phrase)
    return "|".join(f"(?:{trie_regex(group)}){tail}" for tail, group in phrases.items())
