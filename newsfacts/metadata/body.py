"""Body bounds and word count.

A word is a run of letters or digits; an apostrophe, hyphen, period, comma or slash *between*
two such runs keeps it one word, so "Japan’s", "dual-use", "U.S", "3.2", "1,000" and "and/or"
count once each. Dashes (– —) and spaces separate words. The pattern has no overlapping
alternatives, so it runs in linear time over any body.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’.,/\-][^\W_]+)*")
_NON_SPACE = re.compile(r"\S")


def count_words(text: str, start: int, end: int) -> int:
    """Number of words in `text[start:end]`."""
    return len(_WORD.findall(text, start, end))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` moved inwards past whitespace; an all-blank span collapses to (start, start)."""
    end = max(start, min(end, len(text)))
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return start, start
    start = first.start()
    return start, start + len(text[start:end].rstrip())
