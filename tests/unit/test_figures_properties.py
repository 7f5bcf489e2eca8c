"""Properties that hold for any input: no exceptions, exact spans inside the body, ordered ranges,
values within the warehouse's sane ranges, and linear time on pathological strings."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.figures import extract_figures
from newsfacts.figures.model import KINDS, VALUE_RANGES
from newsfacts.figures.qualifiers import QUALIFIERS

TOKENS = [
    "$", "US$", "¥", "€", "£", "USD", "5", "15", "2025", "1,234.5", "0.05", "1980s", "-", "–", "%",
    " percent", " per cent", " percentage points", " bps", " billion", " million", "bn", "k", "m", "x",
    " to ", " and ", "between ", "from ", "about ", "more than ", "up to ", "capped at ", "within ",
    " years", " months", " days", " minutes", " times its", "three", "twenty-five", "one and a half",
    "a dozen", "half a million", " people", " projects", "July ", "mid-", "(", ")", "1.", "\n", " ",
    ",", ".", ":", "/", "@", "http://", "www.", ".jpg", "Nikkei ", "The ", "the two ", " or more",
    "+", "-fold", "doubled", "’s", "'", "\u00a0",
]  # fmt: skip
figure_like = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
digit_heavy = st.text(alphabet="0123456789,.-–%$€£¥ ()+:/\n'’sxkmbtKMBT", max_size=200)
texts = st.one_of(st.text(max_size=300), figure_like, digit_heavy)


def check(text: str, start: int, end: int | None) -> None:
    figures = extract_figures(text, start, end)
    stop = len(text) if end is None else min(end, len(text))
    previous_end = -1
    for f in figures:
        assert text[f.char_start : f.char_end] == f.raw_text
        assert start <= f.char_start < f.char_end <= stop
        assert f.char_start >= previous_end, "figures overlap or are out of order"
        previous_end = f.char_end
        assert f.kind in KINDS and f.qualifier in QUALIFIERS
        if f.qualifier == "range":
            assert f.value is None and f.value_low is not None and f.value_high is not None
            assert f.value_low <= f.value_high
        else:
            assert f.value is not None
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high
        low, high = VALUE_RANGES[f.kind]
        assert all(v is None or low <= v <= high for v in (f.value, f.value_low, f.value_high))
        assert f.sentence


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_spans_are_exact_and_inside_the_body(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.one_of(st.none(), st.integers(start, len(text) + 5)))
    check(text, start, end)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=20).map("".join))
def test_extraction_does_not_depend_on_surrounding_body_text(fragment: str) -> None:
    """Padding the body with plain prose never changes the figures' spans inside it (shifted)."""
    pad = "Plain words here.\n"
    inner = [(f.char_start, f.char_end) for f in extract_figures(pad + fragment + "\n" + pad)]
    alone = [(f.char_start + len(pad), f.char_end + len(pad)) for f in extract_figures(fragment + "\n")]
    assert inner == alone


# (unit, repeats, tail): the text is unit * repeats + tail
PATHOLOGICAL = [
    ("1", 100_000, ""),
    ("1,", 50_000, ""),
    ("1.", 50_000, ""),
    (".", 100_000, "1"),
    ("-1", 50_000, ""),
    ("1-", 50_000, ""),
    ("$1", 50_000, ""),
    ("a1", 50_000, ""),
    ("1 ", 10_000, ""),
    ("(", 100_000, "1"),
    ("@", 100_000, "1"),
    ("one ", 10_000, ""),
    ("twenty-", 20_000, ""),
    ("1%", 30_000, ""),
    ("between 1 and ", 5_000, ""),
    ("%", 100_000, ""),
    (" ", 100_000, "5%"),
]
# Twice the input may cost at most this many times as much (linear work costs 2x, a quadratic scan
# 4x); the slack absorbs the noise of short runs. Comparing two sizes in one test, instead of
# holding one size to a wall-clock limit, keeps the check independent of the machine's load.
GROWTH_LIMIT = 3.2
SLACK_SECONDS = 0.3


def _seconds(text: str) -> float:
    started = time.perf_counter()
    check(text, 0, None)
    return time.perf_counter() - started


@pytest.mark.parametrize(("unit", "repeats", "tail"), PATHOLOGICAL, ids=[repr(u) for u, _, _ in PATHOLOGICAL])
def test_pathological_strings_run_in_linear_time(unit: str, repeats: int, tail: str) -> None:
    half = _seconds(unit * (repeats // 2) + tail)
    full = _seconds(unit * repeats + tail)
    assert full < GROWTH_LIMIT * half + SLACK_SECONDS, (unit, repeats, half, full)
