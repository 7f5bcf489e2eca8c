"""Claim types: quote, forecast, statistic, opinion, assertion.

Precedence, first that applies wins: quote > forecast > statistic > opinion > assertion.

- quote: the claim reports someone's own words in quotation marks. The words belong to the
  speaker whatever they say, so this wins over everything.
- forecast: a statement about the future (will, expected to, set to, likely to, could ...). It
  beats statistic because whether a claim carries a figure is already recorded in
  `claim_figures`, while "this is a projection, not an observation" is recorded nowhere else; a
  target ("2% of GDP by 2027") must not read as a measured fact.
- statistic: carries a numeric figure. A bare date or year ("In 2025", "October 2025") is a time
  reference, not a statistic, and does not count.
- opinion: the author's own evaluation: first-person stance ("I would suggest"), normative modals
  ("should", "must", "ought to") or an evaluative predicate ("is a decisive development",
  "is equally compelling").
- assertion: everything else.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from newsfacts.claims.hedging import HEDGE, HEDGE_CUES
from newsfacts.claims.lexicon import Cue, CueScan
from newsfacts.facts.trie import trie_regex

_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
# Cue lists of the lexical claim types, tested in one pass over a claim (`CUES`) together with
# the hedge words: each is a phrase starting a word and the regex that must follow it.
_WILL_WORDS = "will won’t won't shall could"
_CONTRACTED = "I you we they he she it"
_FUTURE_ADJECTIVES = "expected projected forecast predicted likely unlikely poised set slated scheduled bound"
_FUTURE_VERB = r"\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]"
_FORECAST: list[Cue] = [
    *((w, r"\b") for w in _WILL_WORDS.split()),
    ("going to", r"\b"),
    *((f"{p}{apostrophe}ll", r"\b") for p in _CONTRACTED.split() for apostrophe in "’'"),
    *((w, _FUTURE_VERB) for w in [*_FUTURE_ADJECTIVES.split(), "on track"]),
    *((f"{w} the", r" (?:next|coming)\b") for w in ("in", "over", "within")),
    ("next", r" (?:year|quarter|month|week|decade)\b"),
]
_STANCE_VERBS = "suggest think believe argue contend feel reckon doubt suspect propose recommend urge expect"
_STANCE_ADVERBS = r"(?:would\s+|do\s+|strongly\s+|firmly\s+|also\s+)?"
_VIEW_NOUNS = "view opinion judgment judgement assessment experience"
_CONVICTIONS = "convinced confident sure skeptical sceptical worried"
# First-person stance ("I would suggest", "in my view"), normative modals, evaluative predicates.
_NORMATIVE_WORDS = "should shouldn’t shouldn't must mustn’t mustn't"
_EVALUATIVE_VERBS = "is are was were remain remains remained seem seems look looks proved proves"
_DEMONSTRATIVE_IS = [f"{w}{apostrophe}s" for w in ("it", "this", "that") for apostrophe in "’'"]
_INTENSIFIERS = """
    very quite most more less truly clearly equally particularly highly deeply strikingly
    especially genuinely undeniably so too
    """
_EVALUATIONS = """
    decisive pivotal crucial compelling remarkable striking essential vital clear undeniable
    unmistakable impressive disappointing troubling worrying alarming misguided wise unwise
    foolish welcome encouraging promising meaningful important notable noteworthy extraordinary
    historic significant dangerous reckless brilliant masterful excellent terrible outstanding
    shameful regrettable laudable commendable admirable questionable doubtful obvious
    profound overdue premature mistaken right wrong
    """
_EVALUATION = (
    r"\s+(?:not\s+|itself\s+|also\s+|now\s+)*(?:(?:a|an|the)\s+)?"
    rf"(?:(?:{trie_regex(_INTENSIFIERS.split())})\s+)*(?:{trie_regex(_EVALUATIONS.split())})\b"
)
_OPINION: list[Cue] = [
    *((w, rf"\s+{_STANCE_ADVERBS}(?:{trie_regex(_STANCE_VERBS.split())})\b") for w in ("I", "we")),
    *((f"{i}n {p}", rf" (?:{trie_regex(_VIEW_NOUNS.split())})\b") for i in "Ii" for p in ("my", "our")),
    ("I", rf"\s*(?:am|’m|'m)\s+(?:{trie_regex(_CONVICTIONS.split())})\b"),
    *((w, r"\b") for w in [*_NORMATIVE_WORDS.split(), "ought to"]),
    *((w, _EVALUATION) for w in [*_EVALUATIVE_VERBS.split(), *_DEMONSTRATIVE_IS]),
]
FORECAST, OPINION = "forecast", "opinion"
CUES = CueScan({FORECAST: _FORECAST, OPINION: _OPINION, HEDGE: HEDGE_CUES})
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|spring|summer|autumn|fall|winter"
_DATE_ONLY = re.compile(
    rf"(?i:(?:(?:early|mid|late|the)[\s-]*)?(?:(?:{_MONTHS})\s+)?(?:\d{{1,2}},?\s+)?"
    rf"(?:1[5-9]\d\d|20\d\d)s?|(?:q[1-4]|h[12])\s+(?:1[5-9]\d\d|20\d\d))"
)


def quoted_passages(text: str) -> list[str]:
    """The passages inside quotation marks, curly or straight."""
    return [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)]


def is_long_quotation(text: str) -> bool:
    """A quotation that reads as someone's sentence (six words or more, not a title-case name)."""
    for passage in quoted_passages(text):
        words = passage.split()
        if len(words) >= 6 and sum(w[0].isupper() for w in words) / len(words) < 0.5:
            return True
    return False


def carries_statistic(
    text: str, start: int, end: int, figure_starts: Sequence[int], figure_spans: Sequence[tuple[int, int]]
) -> bool:
    """True when a figure other than a bare date lies inside [start, end)."""
    i = bisect_left(figure_starts, start)
    while i < len(figure_spans) and figure_spans[i][0] < end:
        fs, fe = figure_spans[i]
        if fe <= end and not _is_date_only(text[fs:fe].strip()):
            return True
        i += 1
    return False


def _is_date_only(figure: str) -> bool:
    """`_DATE_ONLY.fullmatch(figure)`: a date ends on a year's digit or its "s" ("the 1990s"), so
    most figures ("3.2%", "$4 billion") are ruled out by their last character."""
    last = figure[-1:]
    return (last.isdecimal() or last in _PLURAL_S) and _DATE_ONLY.fullmatch(figure) is not None


# What "s" matches ignoring case (the long s too).
_PLURAL_S = frozenset("sSſ")


def claim_type(text: str, quoted: bool, statistic: bool, cues: AbstractSet[str] | None = None) -> str:
    """The claim type by the precedence in the module docstring.

    `cues` are the names `CUES(text)` gives, when the caller has them already.
    """
    if quoted:
        return "quote"
    cues = CUES(text) if cues is None else cues
    if FORECAST in cues:
        return "forecast"
    if statistic:
        return "statistic"
    if OPINION in cues:
        return "opinion"
    return "assertion"
