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

_OPEN = "‘"
_CLOSE = "’"
# What may stand before an opening mark: the start of the text, a space, a bracket or a dash.
_BEFORE_OPEN = frozenset(" \t\n([—–-")
# Punctuation a closing mark follows inside a quotation ("‘... out,’ he said").
_PUNCTUATION = frozenset(",.!?…;:")
_DOUBLE_OPEN = frozenset("“")
_DOUBLE_CLOSE = frozenset("”")


def double_single_quotes(text: str, start: int, end: int) -> str | None:
    """A copy of `text` with the single-mark quotations of text[start:end] in double marks, or
    None when there is none (the common case: one search of the body)."""
    at = text.find(_OPEN, start, end)
    if at < 0:
        return None
    chars: list[str] | None = None
    while at >= 0:
        close = _closing(text, at, end) if _opens(text, at, start) else -1
        if close > 0:
            chars = chars if chars is not None else list(text)
            chars[at], chars[close] = "“", "”"
            at = text.find(_OPEN, close + 1, end)
        else:
            at = text.find(_OPEN, at + 1, end)
    return "".join(chars) if chars is not None else None


def _opens(text: str, at: int, start: int) -> bool:
    """Does the mark at `at` open a quotation: at a word's start, outside double marks?"""
    if at > 0 and text[at - 1] not in _BEFORE_OPEN:
        return False
    if at + 1 >= len(text) or not (text[at + 1].isalnum() or text[at + 1] in "…["):
        return False
    line = max(start, text.rfind("\n", start, at) + 1)
    depth = 0
    for ch in text[line:at]:  # inside a double-mark quotation, a single mark is a nested one
        if ch in _DOUBLE_OPEN:
            depth += 1
        elif ch in _DOUBLE_CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
    return depth == 0


def _closing(text: str, at: int, end: int) -> int:
    """The closing mark of the quotation opened at `at` in its paragraph, or -1."""
    stop = text.find("\n", at, end)
    stop = end if stop < 0 else stop
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
