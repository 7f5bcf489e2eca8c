"""The entity scan (capital aliases by one regex, the others by substring search) finds what one
left-to-right regex over every alias finds: the same aliases at the same spans, in order."""

from __future__ import annotations

import re
from functools import cache

import pytest

from newsfacts.facts import subject
from newsfacts.facts.trie import break_class, trie_regex


@cache
def _one_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The single-regex scan: an alias at the text's start, then each after a word break."""
    aliases = subject._aliases()
    end = subject._ALIAS_END
    first = re.compile(trie_regex(aliases) + end)  # matched at the text's start: nothing before it
    firsts = "".join(sorted({re.escape(a[0]) for a in aliases}))
    after = re.compile(rf"{break_class('&')}(?=[{firsts}])((?:{trie_regex(aliases)}){end})")
    return first, after


def _reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    first_pattern, after = _one_regex()
    first = first_pattern.match(text, 0, end) if start == 0 else None
    out = [first.span()] if first is not None else []
    resume = first.end() if first is not None else start - 1 if start > 0 else 0
    return out + [m.span(1) for m in after.finditer(text, resume, end)]


# Texts written for this test, each with what it exercises: aliases that open with a lower-case
# letter beside capital ones, inside each other ("the Fed" holds "Fed"), at the text's edges,
# glued to words and marks.
CASES = {
    "the Fed held rates; the Fed's chair spoke as the U.S. economy grew.": "a lower-case alias holding a capital one",
    "Investors bought gold and bitcoin while the euro zone and the euro area stalled.": "several lower-case aliases",
    "Stocks on the blue-chip Dow rose, the Dow's best day, and Fed officials spoke.": "a hyphen inside an alias",
    "eurozone data: the eurozone's output fell, goldsmiths and bullion dealers said.": "the text's first word",
    "Beijing's tariffs on the U.S. rose; China and the EU's leaders met in Brussels.": "capital aliases only",
    "The Fed, the Federal Reserve, and thegold xgold gold& gold+ gold's gold’s golden.": "no word break around",
    "(the Fed) [gold] 'bitcoin' “euro zone” the Fed.": "marks around, the text's last word",
    "No entity here at all, only words and numbers like 42 and 7%.": "no alias",
    "Japan, the Fed and gold; Labour's lead, S&P 500 futures and the Nasdaq.": "both kinds in turn",
    "U.S.-China talks; the Fed-led rally; gold-backed notes; Fed’s view.": "an alias ending in a mark",
    "non-OPEC+ supply, non-OPEC Plus output and outside the OPEC+ group; OPEC's cut.": "aliases of one needle",
    "the Left Party and the Left; the euro area, euro zone and eurozone.": "needles shared by two aliases",
    "OPEC alone, euro alone, Left alone: needles without their aliases.": "a needle without its alias",
}
TEXTS = list(CASES)


@pytest.mark.parametrize("text", TEXTS)
def test_whole_text_spans_equal_one_regex(text: str) -> None:
    assert subject._alias_spans(text, 0, len(text)) == _reference(text, 0, len(text))


@pytest.mark.parametrize("text", TEXTS)
def test_window_spans_equal_one_regex(text: str) -> None:
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 7):
            assert subject._alias_spans(text, start, end) == _reference(text, start, end), (start, end)


def test_lower_case_aliases_are_searched_not_in_the_regex() -> None:
    capital, others = subject._alias_tables()
    assert "the Fed" in others and "gold" in others
    assert all(not ("a" <= a[0] <= "z") for a in subject._aliases() if a not in others)
    assert capital.match("Japan") is not None and capital.match("gold") is None


def test_counts_of_a_long_body_with_lower_case_aliases() -> None:
    text = "the Fed met. Gold rose and gold fell; the Fed's view held. Japan said. " * 90
    counts = subject.SubjectIndex(text).counts
    assert len(text) > subject.MAX_CACHED_TEXT
    spans = _reference(text, 0, len(text))
    assert sum(counts.values()) == len(spans)
    assert next(iter(counts))[0] == subject.lookup("the Fed")


@pytest.mark.parametrize("fold_case", [False, True])
def test_not_after_equals_a_lookbehind_before_the_word(fold_case: bool) -> None:
    words = ["Fed", "Federal Reserve", "euro", "eurozone", "U.S.", "S&P 500", "e", "EU"]
    fast = re.compile(trie_regex(words, fold_case=fold_case, not_after=r"[\w&]"))
    plain = re.compile(r"(?<![\w&])(?:" + trie_regex(words, fold_case=fold_case) + ")")
    for text in [*TEXTS, "the eurozone, Eurozone and EUROZONE; xFed &Fed e e.U.S. S&P 500s"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_each_alias_holds_its_needle() -> None:
    others = subject._alias_tables()[1]
    needles = subject._needles(others)
    assert set(needles) == set(others)
    assert all(needle in alias for alias, needle in needles.items())
    assert len(set(needles.values())) < len(others)  # some aliases share one: fewer scans
