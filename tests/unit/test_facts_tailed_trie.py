"""tailed_trie_regex: one trie for words with different tails matches where the alternation of one
pattern per (word, tail) matches, and its three scans (period triggers, number words, catalog
leads) stop at the same places as the two-trie forms they replace."""

from __future__ import annotations

import random
import re

import pytest

from newsfacts.facts import period
from newsfacts.facts.trie import tailed_trie_regex, trie_regex
from newsfacts.figures import catalog as catalog_module
from newsfacts.figures import grammar as g
from newsfacts.figures.catalog import load_catalog

PAIRS = [
    ("this", " month"),
    ("this", " year"),
    ("the", r"(?!\w)"),
    ("then", ""),
    ("th", r"\d"),
    ("a", " +(?:million|dozen)"),
    ("an", " +(?:million|dozen)"),
    ("one", r"\b"),
    ("once", r"\b"),
    ("o.k", ""),
]


def _texts() -> list[str]:
    rng = random.Random(11)
    pieces = ["this", "the", "then", "th", "a", "an", "one", "once", "o.k", " ", "month", "year", "million",
              "dozen", "7", "x", "-", "  "]  # fmt: skip
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(400)]


def test_matches_where_one_of_the_pairs_matches() -> None:
    tailed = re.compile(tailed_trie_regex(PAIRS))
    plain = [re.compile(re.escape(w) + t) for w, t in PAIRS]
    for text in _texts():
        for i in range(len(text) + 1):
            assert (tailed.match(text, i) is not None) == any(p.match(text, i) for p in plain), (text, i)


def test_no_tail_but_the_empty_one_is_a_plain_trie() -> None:
    words = ["rate", "rates", "rat", "ratio"]
    assert tailed_trie_regex((w, "") for w in words) == trie_regex(words)


def _copies() -> list[bytes]:
    texts = [
        "Last month, this year and next quarter; the first fiscal quarter of fiscal 2024, on Monday.",
        "In this, the first of many, last-minute talks; today and yesterday; Q3 and q4 results; fy24.",
        "The second-quarter figures and the fourth quarter came this fiscal year, in March and Sept.",
        *_texts(),
    ]
    return [t.lower().encode("latin-1", "replace").translate(period._BREAK_BYTES) for t in texts]


def test_period_triggers_hit_where_the_two_tries_hit() -> None:
    whole = trie_regex(w for w in period._TRIGGER_LIST if w not in period._FOLLOWS)
    followed = trie_regex(w for w in period._TRIGGER_LIST if w in period._FOLLOWS)
    two = re.compile(f" (?=(?:{whole})(?![a-z0-9])|(?:{followed}) )".encode())
    hits = 0
    for copy in _copies():
        found = [m.start() for m in period._TRIGGER_HITS.finditer(copy)]
        assert found == [m.start() for m in two.finditer(copy)]
        hits += len(found)
    assert hits > 10


def test_number_words_hit_where_the_two_tries_hit() -> None:
    two = re.compile(rf" (?=(?:{trie_regex(g._HIT_WORDS)})\b|an? +(?:{trie_regex(g._A_WORDS)}))".encode())
    texts = ["It rose twofold, a million and an eighth; half a point, a quarter of a dozen, one or twice.",
             " a  million  an hour a third, three-quarters, ten, tenfold, aforementioned anew"]  # fmt: skip
    hits = 0
    for text in texts + [t.decode("latin-1") for t in _copies()]:
        classes = g.classes_of(" " + text)
        found = [m.start() for m in g._WORD_HITS.finditer(classes)]
        assert found == [m.start() for m in two.finditer(classes)]
        hits += len(found)
    assert hits > 10


@pytest.fixture(scope="module")
def leads() -> catalog_module._LeadIndex:
    return load_catalog()._leads


def test_catalog_leads_read_the_words_the_two_tries_read(leads: catalog_module._LeadIndex) -> None:
    either = rf"(?:{trie_regex(leads.whole)}(?!\w)|{trie_regex(leads.prefix)})\w*"
    firsts = "".join(sorted({re.escape(w[0]) for w in (*leads.whole, *leads.prefix)}))
    two = re.compile(rf"{catalog_module.break_class()}(?=[{firsts}]){either}")
    texts = [
        "Consumer prices rose 0.3% as the jobless rate held; GDP grew, tariffs on imports of cars fell.",
        "The unemployment rate, payrolls and core inflation: revenue, net income and earnings per share.",
        "Oil output, exports and OPEC+ production cuts; the 10-year yield and the policy rate ratio.",
    ]
    words = 0
    for text in texts:
        folded = text.lower()
        fast = [m.span() for m in leads._lead_words.finditer(folded)]
        assert fast == [m.span() for m in two.finditer(folded)]
        words += len(fast)
    assert words > 10
