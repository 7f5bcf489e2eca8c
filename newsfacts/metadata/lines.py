"""Lines of a text window with their offsets, so every rule can report exact positions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

# Header and tail lines are tested several times each by pure line tests, which remember them;
# only short lines are remembered, so the memory the caches hold stays small.
LINE_CACHE_SIZE = 8192
MAX_CACHED_LINE_CHARS = 1000

T = TypeVar("T")


class Line(NamedTuple):
    """One line: `start`/`end` bound it in the full text (without its newline), `text` is stripped.

    A named tuple rather than a frozen dataclass: every document makes a hundred of them, and a
    tuple is built several times faster.
    """

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str, start: int, stop: int) -> list[Line]:
    """Split `text[start:stop]` into lines; `\\r\\n` and `\\r` endings keep their `\\r` out of `text`."""
    lines: list[Line] = []
    pos = start
    while pos < stop:
        newline = text.find("\n", pos, stop)
        end = stop if newline < 0 else newline
        lines.append(Line(pos, end, text[pos:end].strip()))
        if newline < 0:
            break
        pos = newline + 1
    return lines


def line_start_at_or_after(text: str, pos: int) -> int:
    """The first line start at or after `pos`, so a window never begins in the middle of a line."""
    if pos <= 0:
        return 0
    if text[pos - 1] == "\n":
        return pos
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline + 1


def word_set(words: str) -> frozenset[str]:
    """A set from whitespace-separated words: long vocabularies stay readable as plain text."""
    return frozenset(words.split())


def line_cache(function: Callable[..., T]) -> Callable[..., T]:
    """Remember a pure test of one line (first argument) for lines up to `MAX_CACHED_LINE_CHARS`."""
    cached = functools.lru_cache(maxsize=LINE_CACHE_SIZE)(function)

    @functools.wraps(function)
    def remembered(text: str, *args: Any, **kwargs: Any) -> T:
        if len(text) > MAX_CACHED_LINE_CHARS:
            return function(text, *args, **kwargs)
        return cached(text, *args, **kwargs)

    remembered.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return remembered
