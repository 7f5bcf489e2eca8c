"""The fact layer tests a sentence for a words.yaml pattern (frequency, session, core, ...) by what
every match holds before it runs the case-insensitive pattern: the conditions must be read
conservatively from the regex, and the test must never rule out a sentence the pattern matches."""

from __future__ import annotations

import pytest

import newsfacts.figures  # noqa: F401  (the fact layer is imported through the figures package)
from newsfacts.facts import key


@pytest.mark.parametrize(
    ("item", "conditions"),
    [
        ("month[- ](?:on|over)[- ]month", (("month",), ("on", "over"), ("month",))),
        ("a month (?:earlier|ago)", (("a month ",), ("earlier", "ago"))),
        (r"\bm/m\b", (("m/m",),)),
        ("pre-?market", (("pre",), ("market",))),  # the "-" a quantifier makes optional ends the run
        ("annuali[sz]ed", (("annuali",), ("ed",))),
        (
            r"\bannual(?: rate| inflation)?\b(?! ?annualized)",
            (("annual",),),
        ),  # optional and look-ahead groups hold nothing
        (r"target\ range", (("target",), ("range",))),  # an escape ends a run
        ("Core", (("core",),)),
        ("x(?:on|over)?y", ()),  # a repeated group holds nothing for sure, nor do one-letter runs
        ("ab{2,3}cd", (("cd",),)),  # nor does a repeat's count
        ("(?:a|the) year", ((" year",),)),  # an alternative of one letter: the group says nothing
        ("(?P<n>ab|cd)ef", (("ef",),)),
        ("[]x]yz", (("yz",),)),  # a "]" first in a class is a literal of the class
        ("on|off", None),  # an alternation at the top: no condition holds for every match
        ("(?x)a b c", None),  # verbose: its spaces are no text
    ],
)
def test_conditions_read_from_the_regex(item: str, conditions: tuple[tuple[str, ...], ...] | None) -> None:
    assert key._conditions(item) == conditions


SENTENCES = [
    "Prices rose 0.4% month-on-month and 2.9% year over year.",
    "PRICES ROSE 0.4% MONTH-ON-MONTH, THE AGENCY SAID.",
    "Output grew at a seasonally adjusted Annualized rate of 3.1%.",
    "The index was up 1.2% Y/Y and 0.1% m/m.",
    "Shares fell 4% in After-Hours trading and 2% before the bell.",
    "Core inflation, which excludes food and energy, slowed.",
    "The bank kept its target range at 4.25%-4.5%.",
    "Unemployment held at 4.1%, the lowest since May.",
    "The ſeasonally adjusted annual rate was 5%.",  # a long s matches "s" case-insensitively
    "Sales were flat from the year-ago quarter and up 2% over the past twelve months.",
    "Stocks rose after hours; in the year to June, premarket volumes doubled.",
    "İn the month to March, sales rose 3%.",  # a dotted capital I lengthens under lower()
    "",
]


def _all_patterns() -> list:
    out = []
    for value in key._patterns().values():
        out.extend(value.values() if isinstance(value, dict) else [value])
    return out


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_keyword_test_agrees_with_the_search(sentence: str) -> None:
    for pattern in _all_patterns():
        searched = pattern.search(sentence) is not None
        assert key._occurs_by_id.__wrapped__(id(pattern), sentence) is searched, pattern.pattern[:60]


def test_a_sentence_without_keywords_is_ruled_out_and_one_with_them_is_not() -> None:
    monthly = key._patterns()["frequency"]["mom"]
    assert key._occurs(monthly, "Revenue rose 12% to $4 billion.") is False
    assert key._occurs(monthly, "Revenue rose 1.2% from the previous Month.") is True
