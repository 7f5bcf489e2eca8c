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

_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
# Each pattern opens with a lookahead on the first letter: Python's regex engine does not index an
# alternation, and the cheap test halves the time of a scan.
_FORECAST = re.compile(
    r"\b(?=[wscgIiythepflubno])(?:will|won[’']t|shall|could|going to|(?:I|you|we|they|he|she|it)[’']ll)\b"
    r"|\b(?=[wscgIiythepflubno])(?:expected|projected|forecast|predicted|likely|unlikely|poised|set|slated|scheduled|"
    r"on track|bound)\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]"
    r"|\b(?=[iown])(?:in|over|within) the (?:next|coming)\b|\bnext (?:year|quarter|month|week|decade)\b"
)
_FIRST_PERSON = re.compile(
    r"\b(?=[IwiI])(?:I|we)\s+(?:would\s+|do\s+|strongly\s+|firmly\s+|also\s+)?(?:suggest|think|believe|argue|"
    r"contend|feel|reckon|doubt|suspect|propose|recommend|urge|expect)\b"
    r"|\b(?=[Ii])[Ii]n (?:my|our) (?:view|opinion|judgment|judgement|assessment|experience)\b"
    r"|\bI\s*(?:am|’m|'m)\s+(?:convinced|confident|sure|skeptical|sceptical|worried)\b"
)
_NORMATIVE = re.compile(r"\b(?=[smo])(?:should|shouldn[’']t|must|mustn[’']t|ought to)\b")
_EVALUATIVE = re.compile(
    r"\b(?=[iawrslpt])(?:is|are|was|were|remains?|remained|seems?|looks?|proved|proves|(?:it|this|that)[’']s)\s+"
    r"(?:not\s+|itself\s+|also\s+|now\s+)*(?:(?:a|an|the)\s+)?"
    r"(?:(?:very|quite|most|more|less|truly|clearly|equally|particularly|highly|deeply|strikingly|"
    r"especially|genuinely|undeniably|so|too)\s+)*"
    r"(?:decisive|pivotal|crucial|compelling|remarkable|striking|essential|vital|clear|undeniable|"
    r"unmistakable|impressive|disappointing|troubling|worrying|alarming|misguided|wise|unwise|"
    r"foolish|welcome|encouraging|promising|meaningful|important|notable|noteworthy|extraordinary|"
    r"historic|significant|dangerous|reckless|brilliant|masterful|excellent|terrible|outstanding|"
    r"shameful|regrettable|laudable|commendable|admirable|questionable|doubtful|obvious|"
    r"profound|overdue|premature|mistaken|right|wrong)\b"
)
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
        if fe <= end and not _DATE_ONLY.fullmatch(text[fs:fe].strip()):
            return True
        i += 1
    return False


def claim_type(text: str, quoted: bool, statistic: bool) -> str:
    """The claim type by the precedence in the module docstring."""
    if quoted:
        return "quote"
    if _FORECAST.search(text):
        return "forecast"
    if statistic:
        return "statistic"
    if _FIRST_PERSON.search(text) or _NORMATIVE.search(text) or _EVALUATIVE.search(text):
        return "opinion"
    return "assertion"
