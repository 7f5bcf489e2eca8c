"""Fuzzing the text library with hostile input: no exception, and every offset points at its text.

The per-module property tests (test_*_properties.py, test_sentences.py) fuzz each module with
inputs shaped like its own grammar. These are cross-cutting: arbitrary Unicode, very long digit
strings, deeply nested brackets and quotes, mixed scripts and directions, invisible and control
characters, whole documents assembled from such parts, and raw bytes for `decode`.

Profiles (environment variable HYPOTHESIS_PROFILE): `ci` (the default: 200 examples per target,
derandomized so CI is deterministic) and `long` (20,000 examples, random). `bench/fuzz.py` runs the
same targets at length and prints statistics.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.claims import CLAIM_TYPES, extract_claims
from newsfacts.figures import extract_figures
from newsfacts.landing import decode
from newsfacts.metadata import parse_metadata
from newsfacts.sentences import MAX_SENTENCE_CHARS, split_sentences

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("ci", max_examples=200, derandomize=True, database=None, **_COMMON)
settings.register_profile("long", max_examples=20_000, **_COMMON)
FUZZ = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# -- hostile text ----------------------------------------------------------------------------------

SCRIPTS = [
    "Japan pledged $550 billion", "экономика выросла на 5%", "η οικονομία 3,5%", "日本の経済は2025年に5%成長",
    "الاقتصاد نما ٥٪ في ٢٠٢٥", "הכלכלה צמחה ב-5%", "अर्थव्यवस्था 5% बढ़ी", "경제 5% 성장", "ꯃꯤꯇꯩ",
    "👩‍👩‍👧‍👦📈🇯🇵", "e\u0301\u0301\u0301", "\u202eevil\u202c", "\u200b\u200c\u200d\ufeff", "\u00a0\u202f\u2009",
    "\u2028\u2029\x85", "\x0b\x0c\r\n\r", "\x1c\x1d\x1e\x1f", "ﬁnance ﬀ", "Ⅻ ½ ¾ ① ⁵", "٣٫٥", "１２３％",
    "𝟓𝟎 billion", "\U0010ffff\U000e0001", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "\"", "'", "`",
]  # fmt: skip
NEWS = [
    "$", "US$", "¥", "€", "£", "5", "1,234.5", "0.05", "2025", "%", " percent", " billion", " million",
    " to ", "between ", "about ", "more than ", "up to ", "-", "–", "—", "(", ")", "[", "]", "{", "}",
    ". ", "! ", "? ", "… ", "U.S. ", "Mr. ", "\n", "\n\n", " ", ",", ";", ":", "said", " said ", "he said",
    "according to ", "“We will”, she said.", "**", "__", "# ", "---\n", "...\n", "* ", "> ", "http://x.y/", "@",
    "three", "twenty-five", "doubled", "times", " years", "July 4, 2025", "Q3 2025", "I think ", "should ",
]  # fmt: skip
OPENERS = ["(", "[", "{", "“", "‘", '"', "'", "«", "„", "<", "**", "_", "`"]
CLOSERS = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", '"': '"', "'": "'", "«": "»", "„": "“", "<": ">"}

long_digits = st.builds(
    lambda digits, sep, tail: sep.join(digits) + tail,
    st.lists(st.text("0123456789", min_size=1, max_size=400), min_size=1, max_size=5),
    st.sampled_from(["", ",", ".", " ", "-", "–", ",000", "."]),
    st.sampled_from(["", "%", " billion", " dollars", " people", "."]),
)


def _wrap(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda o, s, balanced: o + s + (CLOSERS.get(o, o) if balanced else ""), st.sampled_from(OPENERS), inner,
        st.booleans(),
    )  # fmt: skip


fragments = st.one_of(st.sampled_from(SCRIPTS), st.sampled_from(NEWS), st.text(max_size=12), long_digits)
nested = st.recursive(fragments, lambda inner: st.one_of(_wrap(inner), st.lists(inner, max_size=4).map("".join)),
                      max_leaves=40)  # fmt: skip


def _nest(opens: list[str], core: str, close: bool) -> str:
    return "".join(opens) + core + ("".join(CLOSERS.get(o, o) for o in reversed(opens)) if close else "")


deep = st.builds(
    _nest, st.lists(st.sampled_from(OPENERS), min_size=20, max_size=300), st.sampled_from(NEWS), st.booleans()
)
mixed = st.lists(st.one_of(fragments, nested), max_size=60).map("".join)
documents = st.builds(
    lambda fm, head, body, tail: fm + head + body + tail,
    st.sampled_from(["", "---\ntitle: T\n---\n", "---\ntitle: [x\n---\n", "---\n: :\n", "\ufeff---\nauthor: A\n...\n"]),
    st.sampled_from(["", "# Headline\n\n", "By Jane Doe | July 4, 2025\n", "Title\n=====\n"]),
    mixed,
    st.sampled_from(["", "\nOverall Sentiment\nneutral\nSentiment Score\n0.05\n", "\nRelated Articles\n- x\n"]),
)  # fmt: skip
texts = st.one_of(st.text(), mixed, nested, deep, long_digits, documents)


@st.composite
def text_and_bounds(draw: st.DrawFn) -> tuple[str, int, int | None]:
    text = draw(texts)
    start = draw(st.integers(-3, len(text) + 3))
    end = draw(st.one_of(st.none(), st.integers(-3, len(text) + 3)))
    return text, start, end


# -- properties --------------------------------------------------------------------------------------


def _window(text: str, start: int, end: int | None) -> tuple[int, int]:
    stop = len(text) if end is None else max(0, min(end, len(text)))
    return max(0, min(start, stop)), stop


def check_sentences(case: tuple[str, int, int | None]) -> None:
    text, start, end = case
    lo, hi = _window(text, start, end)
    previous = lo
    for s in split_sentences(text, start, end if end is not None else None):
        assert previous <= s.start < s.end <= hi
        assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        assert len(s.text) <= MAX_SENTENCE_CHARS
        previous = s.end


def check_metadata(text: str) -> None:
    m = parse_metadata(text)
    assert 0 <= m.body_start <= m.body_end <= len(text)
    assert m.word_count >= 0
    assert m.front_matter is None or m.front_matter_error is None
    for value in (m.title, m.author, m.publisher, m.description, m.sentiment_label, m.front_matter_error):
        assert value is None or isinstance(value, str)


def check_figures(case: tuple[str, int, int | None]) -> None:
    text, start, end = case
    lo, hi = _window(text, start, end)
    previous = lo
    for f in extract_figures(text, start, end):
        assert previous <= f.char_start < f.char_end <= hi
        assert text[f.char_start : f.char_end] == f.raw_text
        assert isinstance(f.sentence, str) and f.sentence
        previous = f.char_end


def check_claims(case: tuple[str, int, int | None]) -> None:
    text, start, end = case
    lo, hi = _window(text, start, end)
    spans = [(f.char_start, f.char_end) for f in extract_figures(text, start, end)]
    previous = lo
    for c in extract_claims(text, start, end, spans):
        assert previous <= c.char_start < c.char_end <= hi
        assert text[c.char_start : c.char_end] == c.text
        assert c.claim_type in CLAIM_TYPES
        assert c.speaker is None or (isinstance(c.speaker, str) and c.speaker)
        previous = c.char_end


def check_document(text: str) -> None:
    """The chain the pipeline runs: metadata bounds the body, figures and claims stay inside it."""
    m = parse_metadata(text)
    figures = extract_figures(text, m.body_start, m.body_end)
    for f in figures:
        assert m.body_start <= f.char_start < f.char_end <= m.body_end
        assert text[f.char_start : f.char_end] == f.raw_text
    for c in extract_claims(text, m.body_start, m.body_end, [(f.char_start, f.char_end) for f in figures]):
        assert m.body_start <= c.char_start < c.char_end <= m.body_end
        assert text[c.char_start : c.char_end] == c.text


CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis",
          "cp1251", "gb18030", "koi8-r"]  # fmt: skip


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """Raw bytes, or text in some encoding, then maybe damaged: cut, spliced, prefixed with a BOM."""
    if draw(st.booleans()):
        data = draw(st.binary(max_size=2000))
    else:
        data = draw(texts).encode(draw(st.sampled_from(CODECS)), "replace")
    if data and draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut + draw(st.integers(0, 4)) :]
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]))
    return prefix + data


def check_decode(data: bytes) -> None:
    out = decode(data)
    if isinstance(out, str):
        assert out.strip(), "a rejection always says why"
        return
    text, encoding = out
    assert isinstance(text, str) and isinstance(encoding, str) and encoding
    assert text.replace("\ufeff", "").replace("\u200b", "").strip(), "blank text is rejected as empty"
    assert "\x00" not in text
    text.encode("utf-8")  # storable: no lone surrogates


# Target name -> (strategy, property). bench/fuzz.py runs the same table at length.
TARGETS: dict[str, tuple[st.SearchStrategy, Callable]] = {
    "split_sentences": (text_and_bounds(), check_sentences),
    "parse_metadata": (texts, check_metadata),
    "extract_figures": (text_and_bounds(), check_figures),
    "extract_claims": (text_and_bounds(), check_claims),
    "document_chain": (documents, check_document),
    "decode": (hostile_bytes(), check_decode),
}


def _test(name: str):
    strategy, check = TARGETS[name]

    @FUZZ
    @given(strategy)
    def test(value) -> None:
        check(value)

    test.__name__ = f"test_fuzz_{name}"
    return test


test_fuzz_split_sentences = _test("split_sentences")
test_fuzz_parse_metadata = _test("parse_metadata")
test_fuzz_extract_figures = _test("extract_figures")
test_fuzz_extract_claims = _test("extract_claims")
test_fuzz_document_chain = _test("document_chain")
test_fuzz_decode = _test("decode")
