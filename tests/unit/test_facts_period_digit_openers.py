"""The one-pass digit scan of the period reader finds what matching _DIGIT_START at the start of
every run of digits finds, in whole texts and in windows that cut a run."""

from __future__ import annotations

import pytest

from newsfacts.facts import period

TEXTS = [
    "Sales in 2024 beat 1999 and 2100; on 12 May and 3 June output fell, 3Q was weak.",
    "Codes x2024, 20245, -2020, $2019, .2018, €2017 and 2016-17 are no plain years.",
    "A 31st March date, 1st of May, 4Q2024, 5Q, 0 a, 44 b and 9\u00a0June.",
    "Other digits: 19\u0663\u0663 and \u06635 May and 2\u0660\u0662\u0664.",
    "12",
    "2024",
    "",
    "no digits in this sentence",
]


def _reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for run in period._DIGIT_RUN.finditer(text, start, end):
        m = period._DIGIT_START.match(text, run.start(), end)
        if m is not None:
            out.append(m.span())
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_one_pass_equals_run_starts(text: str) -> None:
    spans = [m.span() for m in period._DIGIT_START_FAST.finditer(text)]
    assert spans == _reference(text, 0, len(text))


@pytest.mark.parametrize("text", TEXTS[:4])
def test_windows_that_cut_a_run(text: str) -> None:
    for start in range(0, len(text), 3):
        for end in (start + 5, start + 17, len(text)):
            spans = [m.span() for m in period._DIGIT_START_FAST.finditer(text, start, end)]
            assert spans == _reference(text, start, end), (start, end)


def test_years_and_days_found() -> None:
    text = "In 2024 output rose; on 12 May it fell and 3Q was flat."
    found = [text[a:b] for a, b in (m.span() for m in period._DIGIT_START_FAST.finditer(text))]
    assert found == ["2024", "12", "3"]
