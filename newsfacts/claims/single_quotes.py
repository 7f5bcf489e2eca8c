"""Quotations in single marks (‘...’), as British and many wire outlets write them.

Attribution reads quotations by their double marks. A body that quotes in single marks is read
through a copy where each single-mark quotation has double marks instead: the copy has the same
length, so every offset (and every claim's span of the original text) stays the same.

The closing single mark is also the apostrophe ("don’t", "the players’ union"), so a quotation
is only taken where its shape is unambiguous: an opening mark at the start of a word, outside any
double-mark quotation, closed in the same paragraph by a mark that no letter follows and that
stands after punctuation ("‘...,’ he said") or after a word not ending in -s (a plural
possessive is no close), with at least two words between.
"""

from __future__ import annotations

import re

_OPEN = "‘"
_CLOSE = "’"
# What may stand before an opening mark: the start of the text, a space, a bracket or a dash.
_BEFORE_OPEN = frozenset(" \t\n([—–-")
# Punctuation a closing mark follows inside a quotation ("‘... out,’ he said").
_PUNCTUATION = frozenset(",.!?…;:")
# The marks that decide whether an opening single mark stands inside a double-mark quotation.
_MARKS = re.compile('[“”"‘\n]')
# How far a quotation in single marks may run: a bound, so that a body of unclosed marks stays linear.
_MAX_QUOTATION = 2000


def double_single_quotes(text: str, start: int, end: int) -> str | None:
    """A copy of `text` with the single-mark quotations of text[start:end] in double marks, or
    None when there is none (the common case: one search of the body)."""
    if text.find(_OPEN, start, end) < 0:
        return None
    chars: list[str] | None = None
    depth = 0  # open double-mark quotations on the current line
    resume = start
    for m in _MARKS.finditer(text, start, end):
        at, ch = m.start(), m.group()
        if ch == "\n":
            depth = 0
        elif ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        elif at >= resume and depth == 0 and _opens(text, at) and (close := _closing(text, at, end)) > 0:
            chars = chars if chars is not None else list(text)
            chars[at], chars[close] = "“", "”"
            resume = close + 1
    return "".join(chars) if chars is not None else None


def _opens(text: str, at: int) -> bool:
    """Does the single mark at `at` open a quotation: at a word's start, before a word?"""
    if at > 0 and text[at - 1] not in _BEFORE_OPEN:
        return False
    return at + 1 < len(text) and (text[at + 1].isalnum() or text[at + 1] in "…[")


def _closing(text: str, at: int, end: int) -> int:
    """The closing mark of the quotation opened at `at` in its paragraph, or -1."""
    stop = min(end, at + _MAX_QUOTATION)
    line_end = text.find("\n", at, stop)
    stop = stop if line_end < 0 else line_end
    i = text.find(_CLOSE, at + 1, stop)
    while i >= 0:
        after = text[i + 1 : i + 2]
        before = text[i - 1]
        if not after.isalnum() and (before in _PUNCTUATION or (before.isalnum() and before not in "sS")):
            return i if " " in text[at:i].strip() else -1
        if text.find(_OPEN, at + 1, i) >= 0:
            return -1  # another quotation opens first: this one never closed
        i = text.find(_CLOSE, i + 1, stop)
    return -1
