"""People named in a body, to resolve "he"/"she" as a speaker.

Without a named-entity model a capitalised word may be a person, a place or a company. Two signals
are reliable in news prose and cheap: a personal title in front of a name ("Prime Minister Sanae
Takaichi", "Treasury Secretary Bessent") and a first-and-last-name speaker of a speech verb. A
pronoun resolves to the person mentioned in the last two sentences when there is only one; with
several, to the most recent one standing as a sentence subject; otherwise it stays unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_TITLED = re.compile(
    r"\b(?:President|Prime Minister|Secretary|Minister|Chancellor|Governor|Senator|Sen\.|Rep\.|Mr\.|"
    r"Mrs\.|Ms\.|Dr\.|Prof\.|Professor|Ambassador|General|Gen\.|Chairman|Chairwoman|Chair|CEO|"
    r"Director|Spokesperson|Spokesman|Spokeswoman|Mayor|Judge|Justice|Commissioner|Premier|King|"
    r"Queen|Prince|Pope|Speaker)\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
)
_PERSON_NAME = re.compile(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){1,2}")
_ORG_WORDS_TEXT = """
    Institute University Ministry Bank Group Inc Corp Exchange Council Party Agency Association Center
    Centre Foundation Fund Office Department Committee Commission Organization Organisation Company
    Times News Post Journal Press Government Administration Industries Electric Holdings Network
    Forces Force House Senate Congress Parliament Court Board Reserve Treasury Union States Kingdom
    """
_ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
_SUBJECT_PREFIX = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,4}$")


class PersonIndex:
    """Person names of one body and where they are mentioned."""

    def __init__(self, text: str, start: int, end: int, sentence_starts: list[int]) -> None:
        self.text = text
        self.start = start
        self.sentence_starts = sentence_starts
        self.surnames: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._scanned = False
        self._end = end

    def _scan(self) -> None:
        self._scanned = True
        for m in _TITLED.finditer(self.text, self.start, self._end):
            self.surnames.add(m.group("name").split()[-1])

    def add_speaker(self, speaker: str) -> None:
        """Register a speaker that looks like a person's full name."""
        if _PERSON_NAME.fullmatch(speaker) and not _ORG_WORDS.intersection(speaker.split()):
            surname = speaker.split()[-1]
            if surname not in self.surnames:
                self.surnames.add(surname)
                self._pattern = None

    def _mentions(self, lo: int, hi: int) -> list[tuple[int, str]]:
        if not self._scanned:
            self._scan()
        if not self.surnames:
            return []
        if self._pattern is None:
            names = "|".join(re.escape(s) for s in sorted(self.surnames, key=len, reverse=True))
            self._pattern = re.compile(rf"\b(?:{names})\b")
        return [(m.start(), m.group()) for m in self._pattern.finditer(self.text, lo, hi)]

    def _sentence_start(self, pos: int) -> int:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[i] if i >= 0 else self.start

    def resolve(self, pos: int) -> str | None:
        """The person a pronoun at `pos` most likely refers to, or None when unclear."""
        i = bisect_right(self.sentence_starts, pos) - 1
        lo = self.sentence_starts[max(0, i - 2)] if i >= 0 else self.start
        mentions = self._mentions(max(lo, self.start), pos)
        if not mentions:
            mentions = self._mentions(max(self.start, pos - 1500), pos)[-1:]
        distinct = {name for _, name in mentions}
        if len(distinct) == 1:
            return distinct.pop()
        for at, name in reversed(mentions):
            if _SUBJECT_PREFIX.fullmatch(self.text, self._sentence_start(at), at):
                return name
        return None
