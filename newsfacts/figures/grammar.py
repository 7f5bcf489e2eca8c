"""The compiled patterns of the figure grammar.

Design for speed and safety: two cheap scans find candidate numbers (digits, and number words via a
prefix trie), and every other pattern is applied anchored at a known position (`match` at the end of
a number, or a `$`-anchored search in a short window before it). No pattern repeats a group that
can match the same characters in two ways, so there is no catastrophic backtracking on long digit
strings or punctuation runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfacts.figures.lexicon import CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_WORDS, MONTHS
from newsfacts.figures.numbers import FOLD_WORDS, MULTIPLIER_WORDS, SMALL_WORDS

SP = r"[ \u00a0\u202f]"  # an inline space: a figure never runs across a line break
SEP = rf"(?:{SP}|-)"  # between a number and its unit: "15 minutes", "15-minute"


def trie(words: Iterable[str]) -> str:
    """A regex alternation with shared prefixes factored out, so the scanner tries each letter once."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{group})?" if len(alts) == 1 else group + "?"
        return group

    return emit(tree)


def _both_cases(words: Iterable[str]) -> list[str]:
    return [v for w in words for v in (w, w[0].upper() + w[1:])]


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, with spaces matching any inline space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", f"{SP}+") for p in ordered)


_BIG_SCALES = "(?:hundred|thousand|million|billion|trillion|dozen)"

# --- candidate scans -------------------------------------------------------------------------
DIGITS = re.compile(r"[0-9][0-9,.]*")
_NUMBER_WORDS = trie(_both_cases([*SMALL_WORDS, *MULTIPLIER_WORDS, *FOLD_WORDS]))
WORDS = re.compile(
    rf"\b(?=[A-Za-z])(?:(?P<word>{_NUMBER_WORDS})\b"
    rf"|(?P<a>[Aa]n?)(?={SP}+{_BIG_SCALES}\b)"
    rf"|(?P<half>[Hh]alf{SP}+an?)(?={SP}+(?:million|billion|trillion|dozen)\b))"
)

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:{_UNITS})\b)?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})"
)
_HUNDREDS = rf"{_SMALL}(?:{SP}hundred(?:(?:{SP}and)?{SP}{_SMALL})?)?"
SPELLED = re.compile(
    rf"(?i:{_HUNDREDS}(?:{SP}thousand(?:(?:{SP}and)?{SP}{_HUNDREDS})?)?(?:{SP}and{SP}a{SP}(?:half|quarter))?)\b"
)
NUMERAL = re.compile(r"[0-9][0-9,.]*")

# --- what follows a number -------------------------------------------------------------------
LETTERS = re.compile(r"[A-Za-z]+")
POSSESSIVE_S = re.compile(r"['’]s\b")
SCALE = re.compile(rf"{SEP}(?i:(hundred|thousand|million|billion|trillion|dozen|mn|mln|bn|bln|tn|trn|lakh|crore))\b")
PERCENT = re.compile(
    rf"(?P<pct>{SP}?%|{SEP}(?i:per{SP}?cent|percent|pct)\b)"
    rf"|(?P<pp>{SEP}(?i:percentage{SEP}points?|pp|ppts?)\b)"
    rf"|(?P<bp>{SEP}(?i:basis{SEP}points?|bps|bp)\b)"
)
CURRENCY_AFTER = re.compile(
    rf"{SEP}(?P<word>(?i:{_alternation(CURRENCY_WORDS)}))\b"
    rf"|{SP}(?P<code>{'|'.join(sorted(CURRENCY_CODES))})\b"
)
DURATION = re.compile(
    rf"{SEP}(?P<unit>(?i:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|yrs?|decades?))\b"
    rf"(?P<age>(?:-|{SP}+)old\b)?(?P<of>{SP}+of\b)?"
)
TIMES = re.compile(rf"{SP}+(?i:times)\b(?:(?={SP}+(?P<cue>[A-Za-z]+)))?")
FOLD = re.compile(r"-?(?i:fold)\b")
QUALIFIER_AFTER = re.compile(
    rf"{SP}+(?i:or{SP}+(?:(?P<at_least>more|above|higher|greater|over)|(?P<at_most>less|fewer|below|lower|under)"
    rf"|(?P<approx>so)))\b|(?P<plus>\+|-plus\b)|(?P<odd>-(?:odd|ish)\b)"
)
RANGE_CONNECTOR = re.compile(
    rf"(?P<dash>{SP}?[-–‒]{SP}?)(?=[0-9$€£¥A-Za-z])|{SP}+(?P<word>(?i:to|and|through|until|till)){SP}+"
)
STAMP_TAIL = re.compile(r"(?:[-–][0-9]+){2,}|(?:[:/][0-9]+)+")
NEXT_WORDS = re.compile(
    rf"{SP}+([A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)(?:{SP}+([A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?))?"
    rf"(?:{SP}+([A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?))?"
)
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_THEN_MONTH = re.compile(rf"(?:st|nd|rd|th)?{SP}+(?:{_MONTHS})\b\.?(?:,?{SP}+(?P<year>[0-9]{{4}})\b)?")
DAY_THEN_YEAR = re.compile(rf"(?:st|nd|rd|th)?,?{SP}+(?P<year>[0-9]{{4}})\b")
ORDINAL_TAIL = re.compile(r"(?:st|nd|rd|th)\b")

# --- what precedes a number (searched in a short window ending at the number) --------------------
CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<cur>{_alternation(CURRENCY_PREFIXES)}){SP}?$")
CURRENCY_AT = re.compile(rf"(?:{_alternation(CURRENCY_PREFIXES)}){SP}?(?=[0-9])")
DOWN_AFTER = re.compile(rf"{SP}+(?i:down)\b")
SIGN_BEFORE = re.compile(rf"(?:(?<![\w.%)])[-−]|\b(?i:minus|negative){SP}+)$")
MONTH_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_MONTHS})\.?,?{SP}+$")
BETWEEN_BEFORE = re.compile(rf"\b(?i:between){SP}+$")
TOKEN_BEFORE = re.compile(rf"(?P<tok>\S{{1,40}}){SP}{{1,3}}$")
LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t>*•·-]*$")
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:\n][\"'”’)\]]*)[ \t\"'“‘(\[*_#>•-]*$")

# --- text that is never searched for figures ---------------------------------------------------
MASKED = re.compile(
    r"(?:https?|ftp)://[^\s<>\"'\])]+"
    r"|\bwww\.[^\s<>\"'\])]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.-])[\w.-]+\.(?i:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?|mp[34]|docx?|xlsx?|csv|zip)\b"
)
