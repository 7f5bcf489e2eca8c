"""Period trigger words are read on the lower-cased text when that keeps every offset; the result
must be what the case-folding scan of the original text finds, whatever the text holds."""

from __future__ import annotations

import random
import re

import pytest

from newsfacts.facts import period
from newsfacts.facts.trie import trie_regex

TEXTS = [
    "Sales rose 3% in MARCH and fell in April; Q3 FY25 guidance held.",
    "The fiscal third quarter of fiscal 2026 beat the first quarter.",
    "İstanbul traders said on Monday that last month was weak.",  # lower() lengthens "İ"
    "A 5 \u212a drop this year; Kelvin sign before May\u212a and after\u212aJune.",  # lower() turns it ASCII
    "Ünïcode: Ärger über März, but “September’s” data and ‘this quarter’ came.",
    "no triggers here at all",
    "",
    # the byte copy the trigger scan reads: breaks past Latin-1, word characters past it, marks kept
    "—March rose; “April” fell; (May) held; «June» too; ‘July’ and August’s data.",
    "αMarch and ΣMonday open nothing; éMay and _June neither; 'July and ’August neither.",
    "Q3\u00a0FY25 and\u2009last\u2003month; this\u2028year; the first-quarter, fiscal\u00a02026.",
    "marketing, decline, nova, mayor, thistle, lastly, nextdoor, firstly and fyi hold no trigger",
]


def _reference(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """The case-folding scan over the original text, as _candidates read it before."""
    return [(m.start(1), period._KINDS_OF_WORD[m.group(1).lower()]) for m in period._TRIGGER_AFTER_BREAK.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_trigger_candidates_match_the_case_folding_scan(text: str) -> None:
    candidates = period._candidates(text, 0, len(text))
    expected: dict[str, list[int]] = {kind: [] for kind, _ in period._PATTERNS}
    hits = _reference(text)
    first = period._TRIGGER_WORD.match(text, 0, len(text))
    if first is not None:
        hits.append((0, period._KINDS_OF_WORD[first.group().lower()]))
    for run in period._DIGIT_RUN.finditer(text):
        m = period._DIGIT_START.match(text, run.start())
        if m is not None:
            n = m.end() - m.start()
            hits.append((m.start(), ("year",) if n == 4 else ("date", "q") if n == 1 else ("date",)))
    for pos, kinds in sorted(hits):
        for kind in kinds:
            expected[kind].append(pos)
    assert candidates == expected


def test_trigger_candidates_match_on_random_texts() -> None:
    """Texts drawn from the characters the byte copy treats apart (a seeded draw, the same each run)."""
    rng = random.Random(12)
    pieces = ["march", "March", "may", "this", "This", "first", "q3", "Q3", "fiscal", " ", "  ", "-", "\u00a0",
              "\u2014", "\u201c", "\u2019", "'", "_", "\u00e9", "\u03b1", "\n", ",", "5", " year", " quarter",
              " month", "mar", "ket", "\u0130", "\u212a"]  # fmt: skip
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        test_trigger_candidates_match_the_case_folding_scan(text)
        for start in range(len(text) + 1):
            low = period._candidates(text, start, len(text))
            hits = [(m.start(1), period._KINDS_OF_WORD[m.group(1).lower()])
                    for m in period._TRIGGER_AFTER_BREAK.finditer(text, start - 1 if start > 0 else 0)]  # fmt: skip
            words = {p for ps in low.values() for p in ps}
            assert {pos for pos, _ in hits} <= words | {0}, (text, start)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("Prices rose in MARCH 2025.", ["2025-03"]),
        ("İzmir exports rose in March 2025.", ["2025-03"]),
        ("Output fell 5\u212a in March 2025.", ["2025-03"]),
        ("Nothing dated here.", []),
    ],
)
def test_stated_periods_survive_case_and_odd_letters(text: str, periods: list[str]) -> None:
    assert [f.period for f in period.find_periods(text, None)] == periods


def _every_trigger() -> re.Pattern[str]:
    """Each trigger word whole, whatever follows it: the candidates before `_FOLLOWS` cut them."""
    words = trie_regex(period._TRIGGER_LIST, fold_case=True)
    return re.compile(rf"{period._BEFORE_TRIGGER}({words})(?![A-Za-z0-9])")


# Texts built for this test: each word that needs a follow-up, in either case, before what may or
# may not complete a period.
FOLLOW_TEXTS = [
    f"Sales {word} {sep}{after} rose."
    for word in [*period._FOLLOWS, *(w.upper() for w in period._FOLLOWS), "This", "First"]
    for sep in ["", " ", "-", "\n", "  "]
    for after in ["fiscal year", "Fiscal Year 2025", "month", "MONTH", "year", "quarter", "quarters", "fiscal quarter",
                  "fiscal 2025", "week", "time", "yearly", "half", "quarter of fiscal 2026", "of them"]
]  # fmt: skip


def test_words_without_their_follow_up_open_no_period() -> None:
    patterns = dict(period._PATTERNS)
    for text in [*TEXTS, *FOLLOW_TEXTS]:
        kept = {m.start(1) for m in period._TRIGGER_AFTER_BREAK.finditer(text)}
        for m in _every_trigger().finditer(text):
            if m.start(1) not in kept:
                for kind in period._KINDS_OF_WORD[m.group(1).lower()]:
                    assert patterns[kind].match(text, m.start(1)) is None, (text, m.group(1), kind)


def test_follow_up_cuts_the_common_words() -> None:
    text = "This is the first time this week; next, the first quarter and this year."
    words = [
        text[pos : pos + 5] for pos in sorted({p for ps in period._candidates(text, 0, len(text)).values() for p in ps})
    ]
    assert words == ["first", "this "]
