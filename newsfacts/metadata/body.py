"""Body bounds and word count.

A word is a run of letters or digits; an apostrophe, hyphen, period, comma or slash *between*
two such runs keeps it one word, so "Japan’s", "dual-use", "U.S", "3.2", "1,000" and "and/or"
count once each. Dashes (– —) and spaces separate words.

The count runs over the code points as one array (numpy): a character is a letter or digit
exactly when `str.isalnum` says so (the `[^\\W_]` of a regular expression), looked up in a table
built once for the Basic Multilingual Plane; a joiner between two such characters makes it part
of the word; the words are the runs of word characters. That is linear in the body and far
cheaper than matching a pattern word by word.
"""

from __future__ import annotations

import re

import numpy as np

JOINERS = "'’.,/-"
_BMP = 0x10000  # code points at or beyond this index are looked up one by one (they are rare)
_ALNUM = np.array([chr(code).isalnum() for code in range(_BMP)] + [False])
_JOINER = np.zeros(_BMP + 1, dtype=bool)
_JOINER[[ord(char) for char in JOINERS]] = True
_NON_SPACE = re.compile(r"\S")


def count_words(text: str, start: int, end: int) -> int:
    """Number of words in `text[start:end]` (a negative bound counts as 0, as for `re` positions)."""
    codes = np.frombuffer(text[max(start, 0) : max(end, 0)].encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if codes.size == 0:
        return 0
    index = np.minimum(codes, _BMP).astype(np.intp)  # take() with native indices copies nothing more
    alnum = _ALNUM.take(index)
    beyond = index == _BMP
    if beyond.any():
        alnum[beyond] = [chr(code).isalnum() for code in codes[beyond].tolist()]
    word = alnum.copy()
    word[1:-1] |= _JOINER.take(index[1:-1]) & alnum[:-2] & alnum[2:]
    return int(word[0]) + int(np.count_nonzero(word[1:] & ~word[:-1]))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` moved inwards past whitespace; an all-blank span collapses to (start, start)."""
    end = max(start, min(end, len(text)))
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return start, start
    start = first.start()
    return start, start + len(text[start:end].rstrip())
