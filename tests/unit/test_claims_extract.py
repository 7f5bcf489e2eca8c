"""The extract_claims interface: offsets, body bounds, figures, and robustness on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.claims import Claim, extract_claims

ARTICLE = """---
title: Test
---
Markets Today

Japan’s exports rose 5% in March. Analysts said that demand from China recovered.
Key Takeaways
- Exports will keep growing through 2026.
Related Articles
"""


def test_claims_carry_exact_offsets_into_the_full_text() -> None:
    claims = extract_claims(ARTICLE)
    assert [c.text for c in claims] == [
        "Japan’s exports rose 5% in March.",
        "Analysts said that demand from China recovered.",
        "Exports will keep growing through 2026.",
    ]
    for c in claims:
        assert isinstance(c, Claim)
        assert ARTICLE[c.char_start : c.char_end] == c.text


def test_body_bounds_limit_extraction() -> None:
    start = ARTICLE.index("Analysts")
    end = ARTICLE.index("Key Takeaways")
    assert [c.text for c in extract_claims(ARTICLE, start, end)] == ["Analysts said that demand from China recovered."]


def test_figure_spans_make_statistics() -> None:
    at = ARTICLE.index("5%")
    claims = extract_claims(ARTICLE, figure_spans=[(at, at + 2)])
    assert [c.claim_type for c in claims] == ["statistic", "assertion", "forecast"]
    assert claims[1].speaker == "Analysts"


def test_out_of_range_bounds_are_clamped() -> None:
    assert extract_claims(ARTICLE, -5, 10**6) == extract_claims(ARTICLE)
    assert extract_claims(ARTICLE, 50, 10) == []
    assert extract_claims("") == []


def test_clause_split_keeps_figures_inside_their_clause() -> None:
    text = (
        "Ministers met on Friday, with Lee saying that exports rose 12% in May, "
        "while Finance Minister Katayama said that imports fell 3% over the year."
    )
    spans = [(text.index(f), text.index(f) + len(f)) for f in ("12%", "3%")]
    claims = extract_claims(text, figure_spans=spans)
    assert [c.speaker for c in claims] == ["Lee", "Katayama"]
    for (fs, fe), c in zip(spans, claims, strict=True):
        assert c.char_start <= fs and fe <= c.char_end


_ALPHABET = [*"ab Xy.!?\n“”\"':-#()_*12%$,"] + [
    "said",
    " that ",
    "He ",
    "She ",
    "will ",
    "Mr. ",
    "U.S. ",
    "Smith ",
    "Prime Minister Jones ",
    ", while ",
    "quoting one expert: ",
    "according to ",
    "---\n",
    "**Ann Lee** is a professor.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=80).map("".join), st.data())
def test_never_raises_and_offsets_are_exact(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(-2, len(text) + 2))
    end = data.draw(st.one_of(st.none(), st.integers(-2, len(text) + 2)))
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=4))
    for c in extract_claims(text, start, end, spans):
        assert text[c.char_start : c.char_end] == c.text
        assert max(0, start) <= c.char_start < c.char_end <= (n if end is None else min(end, n))
        assert c.claim_type in {"quote", "statistic", "forecast", "opinion", "assertion"}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    for c in extract_claims(text):
        assert text[c.char_start : c.char_end] == c.text
