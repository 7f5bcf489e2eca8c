"""The fact layer tests a sentence for a words.yaml pattern (frequency, session, core, ...) by a
keyword every match holds before it runs the case-insensitive pattern: the keyword must be read
conservatively from the regex, and the test must never rule out a sentence the pattern matches."""

from __future__ import annotations

import pytest

import newsfacts.figures  # noqa: F401  (the fact layer is imported through the figures package)
from newsfacts.facts import key


@pytest.mark.parametrize(
    ("item", "keyword"),
    [
        ("month[- ](?:on|over)[- ]month", "month"),
        ("a month (?:earlier|ago|before)", "a month "),
        (r"\bm/m\b", "m/m"),
        ("pre-?market", "market"),  # the "-" a quantifier makes optional ends the run
        ("annuali[sz]ed", "annuali"),
        (r"\bannual(?: rate| inflation)?\b(?! ?annualized)", "annual"),
        (r"target\ range", "target"),  # an escape ends a run
        ("Core", "core"),
        ("ab{2}c", None),  # no run of two characters every match holds
        ("on|off", None),  # an alternation at the top: no one run is in every match
        (r"(?:\d+)", None),
        ("[]x]yz", "yz"),  # a "]" first in a class is a literal of the class
    ],
)
def test_keyword_read_from_the_regex(item: str, keyword: str | None) -> None:
    assert key._mandatory_run(item) == keyword


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
