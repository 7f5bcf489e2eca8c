"""The candidate scans read a one-byte class copy of the body (grammar.CLASSES) for speed; they must
find exactly what the plain patterns find on the text itself: DIGITS.finditer for numerals and
WORDS.finditer for number words, whatever the text holds past ASCII."""

from __future__ import annotations

import re

import pytest

from newsfacts.figures import grammar as g

# The reference: every WORDS match after a break, as one finditer over the text reads them.
_REFERENCE_AFTER_BREAK = re.compile(rf"{g._BREAK}(?:{g._WORD_ALTERNATIVES})")


def _reference(body: str) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), "") for m in g.DIGITS.finditer(body)]
    first = g.WORDS.match(body)
    if first is not None:
        out.append((first.start(), first.end(), first.lastgroup or ""))
    for m in _REFERENCE_AFTER_BREAK.finditer(body, first.end() if first is not None else 0):
        out.append((m.start() + 1, m.end(), m.lastgroup or ""))
    return sorted(out)


def _scanned(body: str) -> list[tuple[int, int, str]]:
    classes = g.classes_of(body)
    return sorted(g.numeral_candidates(body, classes) + g.word_candidates(body, classes))


SAME_AS_PATTERNS = [
    ("plain prose", "Sales rose 12% to $4.5 billion, and two units closed."),
    ("text opens with a number word", "Three ministers resigned on 4 May."),
    ("text opens with digits", "2025 was a record year with 1,204.5 tonnes shipped."),
    ("capitals", "ONE man, One woman, oNe child and a Quarter point."),
    ("article before a scale", "a million people, An hundred boats, a\u00a0billion, a\u202fdozen eggs"),
    ("shares", "cut by a third, by half, a quarter of them, half a point, three-quarters of a point"),
    ("no-break and narrow spaces", "five\u00a0people and six\u202fcars, 7\u00a0000 km"),
    ("curly quotes and dashes", "\u201cTwo\u201d said \u2018five\u2019 \u2014 nine\u2013ten"),
    ("letters past Latin-1 before a word", "\u0142one \u00e9two \u0130three x\u00b2four"),
    ("letters past Latin-1 after a word", "one\u0142 two\u00e9 three\u00b2 four\u0301"),
    ("astral characters", "\U0001f600one \U0001f600 two\U0001f600 3\U0001f6004"),
    ("replacement mark is no break", "one?two ?three ?4?5"),
    ("underscores join words", "_one two_ three_3 4_5"),
    ("digit runs with marks", "1,234.56.7 0.5. 12,, 3..4"),
    ("superscripts and fractions are no digits", "\u00b2\u00b3\u00b9 \u00bd one\u00bd"),
    ("lone surrogate", "one \ud800 two"),
    ("empty", ""),
]


@pytest.mark.parametrize(("label", "body"), SAME_AS_PATTERNS, ids=[c[0] for c in SAME_AS_PATTERNS])
def test_candidate_scans_match_the_plain_patterns(label: str, body: str) -> None:
    assert _scanned(body) == _reference(body)


def test_the_reference_sees_candidates_so_the_comparison_can_fail() -> None:
    assert [c[2] for c in _reference("two-thirds of a million, 5 and ONE")] == ["word", "a", ""]


CLASS_OF = [
    ("ascii digit", "7", "0"),
    ("space", " ", " "),
    ("punctuation", ",", " "),
    ("upper-case ascii letter", "Q", "q"),
    ("underscore", "_", "_"),
    ("latin-1 letter", "\u00e9", "\u00e9"),
    ("no-break space", "\u00a0", " "),
    ("beyond latin-1", "\u201c", " "),
]


@pytest.mark.parametrize(("label", "char", "cls"), CLASS_OF, ids=[c[0] for c in CLASS_OF])
def test_class_copy(label: str, char: str, cls: str) -> None:
    assert g.classes_of(char) == cls.encode("latin-1")


# What follows a number: the probe must say "something matches" exactly when one of the unit
# patterns does, or a unit would be lost (or nine patterns tried for nothing).
AFTER_A_NUMBER = [
    " people were hurt",
    "% of voters",
    " per cent",
    " percentage points",
    " basis points",
    " billion yen",
    " pounds of rice",
    " cents a share",
    "¢",
    " years old",
    "-year-old",
    " days",
    " consecutive trading days",
    " km",
    "-metre swim",
    " points to 41,000",
    " times as many",
    " times",
    "-fold",
    " €",
    " USD",
    " or so",
    ", the report said",
    " fold",
    "",
]


LEAD = "It was 12"


def _some_unit_pattern_matches(tail: str) -> bool:
    return any(p.match(LEAD + tail, len(LEAD)) is not None for p in g._UNIT_PATTERNS)


@pytest.mark.parametrize("tail", AFTER_A_NUMBER, ids=repr)
def test_unit_probe_matches_when_a_unit_pattern_does(tail: str) -> None:
    probed = g.unit_probe().match(LEAD + tail, len(LEAD)) is not None
    assert probed == _some_unit_pattern_matches(tail)


def test_the_unit_table_holds_both_outcomes() -> None:
    assert {_some_unit_pattern_matches(t) for t in AFTER_A_NUMBER} == {True, False}
