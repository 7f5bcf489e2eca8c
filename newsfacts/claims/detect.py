"""Lines of a body that are not claims.

Where the body starts and ends (front matter, bylines, bios, trailers, navigation) is decided once,
by `newsfacts.metadata` (document_metadata.body_start/body_end); claims trust those bounds. Inside
the body a sentence splitter still returns lines that state nothing: headings, labels, taglines,
reader questions, and the odd button or credit line, which is tested with the metadata's own
line-furniture rules (`newsfacts.metadata.furniture`) so one set of rules decides what furniture
is. Every rule here is about the shape of the line (length, punctuation, case, a verb), never a
topic. A question inside quotation marks is someone's words and stays a claim.
"""

from __future__ import annotations

import re

from newsfacts.claims.verbs import has_finite_verb
from newsfacts.facts.trie import WORD_CHARS
from newsfacts.metadata.furniture import clean, is_call_to_action, is_labelled_furniture, is_navigation_header

# List bullets, enumerators and markdown emphasis around a line: not part of the statement.
LEADING_MARKUP = re.compile(r"(?:[-*•‣◦▪–—>]+[ \t]+|\(?(?:\d{1,2}|[a-zA-Z])\)[ \t]+|\d{1,2}\.[ \t]+|[_*]{1,3}(?=\S))*")
# LEADING_MARKUP only looks this far into a sentence: on a long run of "*" each repetition rescans
# the run for a bullet, which made a line of a million asterisks quadratic. Real markup is short.
MAX_LEADING_MARKUP = 100
TRAILING_MARKUP = re.compile(r"(?<=\S)[_*]{1,3}$")
# The characters LEADING_MARKUP can open with, besides a digit and a letter before ")".
_MARKUP_OPENERS = frozenset("-*•‣◦▪–—>(_")


def _may_open_markup(text: str, start: int) -> bool:
    """Can LEADING_MARKUP match something at `start`? Most sentences open with a word, and a test
    of their first characters spares the pattern."""
    first = text[start : start + 1]
    if first in _MARKUP_OPENERS or first.isdecimal():
        return True
    return text[start + 1 : start + 2] == ")" and first.isascii() and first.isalpha()


# The last characters TRAILING_MARKUP can end on ("$" also matches before a final newline): a span
# ending in anything else is not searched, which spares a scan of every sentence.
_MARKUP_ENDS = frozenset("_*\n")

_WORD = re.compile(rf"[^\W\d_][{WORD_CHARS}’'.-]*")
_CLOSERS = "'\"’”)]"
_HEADING = re.compile(r"#{1,6}\s")
_QUOTE_MARK = re.compile(r"[“”\"]")
_LINK_ONLY = re.compile(r"""\W*(?:https?://\S+|www\.\S+|!?\[[^\]]*\]\([^)]*\))\W*$""")
_TAG_ONLY = re.compile(r"(?:<[^>]*>\s*)+$")
_SMALL_WORDS_TEXT = "of the and a an in on for to as at by with vs from or nor but"
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without list markers and emphasis markup around it."""
    s = start
    if _may_open_markup(text, start):
        m = LEADING_MARKUP.match(text, start, min(end, start + MAX_LEADING_MARKUP))
        s = m.end() if m else start
    t = TRAILING_MARKUP.search(text, s, end) if text[end - 1 : end] in _MARKUP_ENDS else None
    e = t.start() if t else end
    return (s, e) if s < e else (start, end)


def is_title_case(words: list[str]) -> bool:
    """Most content words capitalised: a heading or a product name, not a sentence."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return bool(content) and content[0][0].isupper()
    upper = sum(1 for w in content if w[0].isupper())
    return upper / len(content) >= 0.6


def _at_least(n: int) -> re.Pattern[str]:
    """Matches a text that has `n` or more words, as `_WORD.findall` counts them: between words
    it skips what cannot start one, and each word takes all it can (possessive, no backtracking)."""
    return re.compile(rf"(?:[\W\d_]*+[^\W\d_][{WORD_CHARS}’'.-]*+){{{n}}}")


_TWO_WORDS, _THREE_WORDS, _TWENTY_ONE_WORDS = _at_least(2), _at_least(3), _at_least(21)


def _has_three_words(sentence: str) -> bool:
    """`_THREE_WORDS.match(sentence)`, settled for most sentences by their first three tokens: a
    token between white space that opens with a letter holds a word of its own, since no word
    runs across white space."""
    tokens = sentence.split(None, 2)  # the third holds the rest, from the third token on
    if len(tokens) == 3 and tokens[0][0].isalpha() and tokens[1][0].isalpha() and tokens[2][0].isalpha():
        return True
    return _THREE_WORDS.match(sentence) is not None


def furniture_reason(sentence: str, line: str, whole_line: bool = True) -> str | None:
    """Why `sentence` (markup already trimmed) is not a claim, or None when it is one.

    `line` is the start of the line the sentence sits on (for markdown headings); `whole_line`
    says whether the sentence is that entire line. Taglines and labels stand on their own line,
    so the no-verb test applies there only: inside a paragraph a sentence whose verb the lexical
    test misses is still a statement.
    """
    last = sentence.rstrip(_CLOSERS)[-1:]
    if not _has_three_words(sentence) and not (
        last in (".", "!") and _TWO_WORDS.match(sentence) and has_finite_verb(sentence)
    ):
        return "too short"
    if "#" in line and _HEADING.match(line.lstrip()):
        return "markdown heading"
    if last == "?" and not _QUOTE_MARK.search(sentence):
        return "question"
    # Buttons, labels and credits stand on a line of their own (the metadata's line rules).
    if whole_line and (
        is_call_to_action(sentence) or is_labelled_furniture(sentence) or is_navigation_header(clean(sentence))
    ):
        return "call to action or boilerplate"
    # The cheap tests first: a link has "://", "www." or "](", markup opens with "<".
    link = "://" in sentence or "www." in sentence or "](" in sentence
    if (link and _LINK_ONLY.match(sentence)) or (sentence[:1] == "<" and _TAG_ONLY.match(sentence)):
        return "link or markup"
    if last not in (".", "!", "…", "?"):
        words = _WORD.findall(sentence)
        n = len(words)
        if n < 6:
            return "heading"
        if is_title_case(words):
            return "title-case heading"
        if not has_finite_verb(sentence):
            return "label without a verb"
        return None
    if whole_line and not _TWENTY_ONE_WORDS.match(sentence) and not has_finite_verb(sentence):
        return "verbless tagline"
    return None
