"""Word lists as character-trie regexes.

Python's `re` tries a flat alternation of N words one word after another at every position of
the text; a trie shares prefixes, so each position costs one character test per level. Longer
words are tried before shorter ones at every branch, and the engine backtracks into shorter ones
when what follows fails, so the match is the one a longest-first alternation would give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["WORD_CHARS", "break_class", "not_word_class", "tailed_trie_regex", "trie_regex"]

# The inside of a character class for `\w`, its ASCII characters also listed: `re` settles a listed
# character by its 256-bit map and asks the Unicode tables only for the rest, where `\w` alone looks
# every letter up. The same set of characters as `\w`.
WORD_CHARS = r"a-zA-Z0-9_\w"


def trie_regex(words: Iterable[str], fold_case: bool = False, not_after: str | None = None) -> str:
    r"""A regex (no groups) matching exactly the given (non-empty) words; `fold_case`: ASCII letters
    in either case, without the Unicode case folding of re.IGNORECASE.

    `not_after` (a one-character class, e.g. r"[\w&]"): a match may not follow such a character.
    Written as a lookbehind after each first character, inside the branch that character opens, so
    the regex is an alternation of literal first characters: the engine skips to the characters a
    word opens with and settles which branch to try by one comparison each (a lookbehind before
    the word would be tried at every position; one after a shared first-character class, then a
    branch per first character that looks behind to tell which, tries each branch in turn)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word.lower() if fold_case else word:
            node = node.setdefault(ch, {})
        node[""] = {}
    trie.pop("", None)
    if not_after is None:
        return _node(trie, fold_case)
    return (
        "(?:"
        + "|".join(f"{_char(ch, fold_case)}(?<!{not_after}.){_node(child, fold_case)}" for ch, child in trie.items())
        + ")"
    )


def tailed_trie_regex(words: Iterable[tuple[str, str]]) -> str:
    r"""A regex (no groups) matching each (word, tail) pair's word followed by what its tail (a
    regex, "" for nothing) matches: one trie for words whose tails differ ("this" needs " month"
    after it, "today" a word's end). An alternation of one trie per tail tries each trie in turn
    at every position, each trie's first characters one by one; this tries them once. Where several
    pairs match at a position, which one does is not said: for look-aheads and for words whose
    tails all end at one place (a word's end)."""
    trie: dict[Any, Any] = {}
    for word, tail in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault(None, []).append(tail)
    return _tailed_node(trie)


def _tailed_node(node: dict[Any, Any]) -> str:
    tails = list(dict.fromkeys(node.get(None, [])))
    branches = [re.escape(ch) + _tailed_node(child) for ch, child in node.items() if ch is not None]
    branches += [t for t in tails if t]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in tails else body


def _char(ch: str, fold_case: bool) -> str:
    if fold_case and ch.isascii() and ch.isalpha():
        return f"[{ch}{ch.upper()}]"
    return re.escape(ch)


def _node(node: dict[str, dict], fold_case: bool) -> str:
    branches = [_char(ch, fold_case) + _node(child, fold_case) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def not_word_class(extra: str = "") -> str:
    r"""The class `[^\w{extra}]` (a character before a word: no word character, none of `extra`),
    written with `WORD_CHARS`, which a scan for word starts tests at every character of the text."""
    return rf"[^{WORD_CHARS}{extra}]"


def break_class(extra: str = "") -> str:
    r"""The characters of `not_word_class(extra)`, written for the first character of a scan: a class
    of everything but the ASCII word characters (its 256-bit map settles every ASCII character),
    then a look behind that asks the Unicode tables about a non-ASCII one only. `not_word_class`
    asks them about every space and punctuation mark of the text, where the scan stops most."""
    return rf"[^a-zA-Z0-9_{extra}](?<=[\x00-\x7f\W])"
