"""Body bounds and word count.

A word is a run of letters or digits; an apostrophe, hyphen, period, comma or slash *between*
two such runs keeps it one word, so "Japan’s", "dual-use", "U.S", "3.2", "1,000" and "and/or"
count once each. Dashes (– —) and spaces separate words. The pattern has no overlapping
alternatives, so it runs in linear time over any body.

No word spans white space, so the count is taken per white-space token: a token made only of
letters and digits (most of them) is one word without running the pattern, which then reads
only the tokens with punctuation in them.
"""

from __future__ import annotations

import re
from itertools import filterfalse

_WORD = re.compile(r"[^\W_]++(?:['’.,/\-][^\W_]++)*+")
_NON_SPACE = re.compile(r"\S")


def count_words(text: str, start: int, end: int) -> int:
    """Number of words in `text[start:end]`."""
    tokens = text[start:end].split()
    punctuated = list(filterfalse(str.isalnum, tokens))  # str.isalnum is the pattern's [^\W_]
    return len(tokens) - len(punctuated) + len(_WORD.findall(" ".join(punctuated)))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` moved inwards past whitespace; an all-blank span collapses to (start, start)."""
    end = max(start, min(end, len(text)))
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return start, start
    start = first.start()
    return start, start + len(text[start:end].rstrip())
