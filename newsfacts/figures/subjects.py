"""Who or what a figure is about, when the sentence makes it plain.

Deliberately conservative: only a proper name in the same clause, right before the figure, either
as a possessive ("Japan’s debt-to-GDP ratio exceeding 250%") or as the clause's subject a few words
ahead ("Yaskawa Electric gaining 3.2%"). Anything less clear gives None; a wrong subject would be
worse than none for users filtering on it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.figures.lexicon import FUNCTION_WORDS, MONTHS, WEEKDAYS

_NAME_TAIL = r"[A-Za-z.&]*(?:-[A-Z][A-Za-z.&]*)*"  # after the capital
_NAME_WORD = rf"[A-Z]{_NAME_TAIL}"  # "Indo-Pacific", not "China-sensitive"
# Opening with the capital (the look behind after it) lets the engine skip to capitals, where a
# look behind first would be tried at every position.
_PROPER = re.compile(rf"[A-Z](?<![\w-].){_NAME_TAIL}(?: {_NAME_WORD})*(?![\w-])(?P<poss>['’]s\b)?")
_CLAUSE_BREAK = re.compile(r"[,;:–—(\"“”]")
_WORD = re.compile(r"\S+")
MAX_WORDS_BETWEEN = 4
MAX_POSSESSIVE_GAP = 50
# Only this many characters before a figure are searched for its subject (a name at most four words
# or a possessive's 50 characters away): scanning from the sentence start for every figure made a
# long sentence full of figures quadratic.
SUBJECT_WINDOW = 300


def subject_before(sentence: str, start: int) -> str | None:
    """The proper name the figure at sentence[start:] is about, or None."""
    if _title_case(sentence):
        return None  # in a headline every word is capitalised: no way to tell names apart
    clause_start = max(0, start - SUBJECT_WINDOW)
    for m in _CLAUSE_BREAK.finditer(sentence, clause_start, start):
        clause_start = m.end()
    best = None
    for m in _PROPER.finditer(sentence, clause_start, start):
        name = _clean(m.group().removesuffix("’s").removesuffix("'s"))
        if not name:
            continue
        if m.start() == 0 and " " not in name and not m.group("poss"):
            continue  # a capital that only opens the sentence ("Early polls ...")
        gap = sentence[m.end() : start]
        close_possessive = m.group("poss") and len(gap) <= MAX_POSSESSIVE_GAP
        if close_possessive or len(_WORD.findall(gap)) <= MAX_WORDS_BETWEEN:
            best = name
    return best


def _clean(name: str) -> str | None:
    """The name proper: what follows the last function word, month or weekday ("On Monday Toyota")."""
    words = name.split(" ")
    cut = max((i + 1 for i, w in enumerate(words) if _not_a_name(w)), default=0)
    return " ".join(words[cut:]) or None


def _not_a_name(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS or word in MONTHS or word in WEEKDAYS


@lru_cache(maxsize=64)  # every figure of a sentence asks
def _title_case(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    if len(words) < 5:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.6 * len(words)
