"""Every public extractor finishes on adversarial strings of 0.1 to 1 million characters.

Each input targets a pattern that used to be (or could be) quadratic or worse: runs of terminal
punctuation, asterisks before a bullet test, a megabyte-long "sentence" full of figures or pronouns,
unbalanced brackets and quotes, long digit runs, giant front matter, lines made of one repeated word.
The assertion is "completes", under a generous SIGALRM guard, not a speed: a regression to quadratic
time turns a fraction of a second into hours, far beyond the guard. See docs/robustness.md.
"""

from __future__ import annotations

import random
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from newsfacts.claims import extract_claims
from newsfacts.figures import extract_figures
from newsfacts.figures.extract import MAX_FIGURES
from newsfacts.landing import decode
from newsfacts.metadata import parse_metadata
from newsfacts.sentences import MAX_BODY_CHARS, MAX_SENTENCE_CHARS, split_sentences

GUARD_SECONDS = 30


def _random_text(n: int) -> str:
    rnd = random.Random(7)
    alphabet = "abcAB 12.,;:'\"“”()$%-\n" + "日本経済ыЖλΩالعربيةעבר📈🚀\u0301\u200b"
    return "".join(rnd.choice(alphabet) for _ in range(n))


INPUTS: dict[str, Callable[[], str]] = {
    "full stops": lambda: "." * 1_000_000,
    "bangs and question marks": lambda: "!?" * 500_000,
    "ellipses": lambda: "…" * 1_000_000,
    "full stop space": lambda: ". " * 100_000,
    "asterisks": lambda: "*" * 300_000,
    "underscores": lambda: "_" * 300_000,
    "percent run": lambda: "5% " * 100_000,
    "names and figures": lambda: "Japan 5% " * 40_000,
    "emoji and figures": lambda: "📈5%🚀 " * 60_000,
    "pronoun speakers": lambda: "President Obama spoke, " + "and he said that it works " * 20_000,
    "quoted speakers": lambda: '"x, y z," said Smith Jones and ' * 10_000,
    "open parentheses": lambda: "(" * 300_000 + "1",
    "open curly quotes": lambda: "“" * 300_000 + "x",
    "straight quotes": lambda: '"' * 300_001,
    "digits": lambda: "1" * 1_000_000,
    "digit commas": lambda: "1," * 300_000,
    "digit spaces": lambda: "1 " * 50_000,
    "spaces": lambda: " " * 1_000_000 + "x",
    "newlines": lambda: "\n" * 1_000_000 + "x",
    "link and bangs": lambda: "http://" + "!" * 300_000 + " x",
    "tags": lambda: "<a>" * 100_000 + " x",
    "huge front matter": lambda: "---\ntitle: x\n" + "a: b\n" * 100_000 + "---\nBody.",
    "unclosed front matter": lambda: "---\ntitle: x\n" + "a: b\n" * 100_000,
    "heading hashes": lambda: "# " + "a #" * 100_000,
    "byline": lambda: "By " + "Jane " * 200_000,
    "random mixed scripts": lambda: _random_text(300_000),
}


@contextmanager
def guard(what: str) -> Iterator[None]:
    def expired(signum, frame):
        raise TimeoutError(f"{what} did not finish within {GUARD_SECONDS}s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", list(INPUTS))
def test_extractors_finish(name: str) -> None:
    text = INPUTS[name]()
    with guard(f"split_sentences on {name!r}"):
        sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    with guard(f"parse_metadata on {name!r}"):
        meta = parse_metadata(text)
    assert 0 <= meta.body_start <= meta.body_end <= len(text)
    with guard(f"extract_figures on {name!r}"):
        figures = extract_figures(text)
    assert len(figures) <= MAX_FIGURES
    spans = [(f.char_start, f.char_end) for f in figures]
    with guard(f"extract_claims on {name!r}"):
        claims = extract_claims(text, 0, None, spans)
    assert all(text[c.char_start : c.char_end] == c.text for c in claims)


@pytest.mark.parametrize(
    "data",
    [
        ("Café prices “rose” 5% — analysts said. " * 25_000).encode("cp1252"),  # ~1 MB for charset detection
        random.Random(3).randbytes(1_000_000).translate(bytes(range(0x80, 0x100)) * 2),  # all above 0x7f
        "Café 5%. ".encode() * 100_000 + b"\xff",  # damaged UTF-8
    ],
    ids=["cp1252 megabyte", "random high bytes", "damaged utf-8"],
)
def test_decode_finishes(data: bytes) -> None:
    with guard("decode"):
        out = decode(data)
    assert isinstance(out, str | tuple)


def test_figure_cap_bounds_a_number_dump() -> None:
    """A megabyte of numbers yields at most MAX_FIGURES figures, each with a bounded sentence."""
    with guard("extract_figures on a number dump"):
        figures = extract_figures("5% " * 350_000)
    assert len(figures) == MAX_FIGURES
    assert max(len(f.sentence) for f in figures) <= MAX_SENTENCE_CHARS


def test_figure_across_a_forced_sentence_break() -> None:
    """A figure cut by the MAX_SENTENCE_CHARS break keeps a sentence that contains it."""
    text = "x" * (MAX_SENTENCE_CHARS - 5) + " $5 billion in aid was pledged."
    cut = split_sentences(text)[0].end
    figures = extract_figures(text)
    assert [f.raw_text for f in figures] == ["$5 billion"]
    f = figures[0]
    assert f.char_start < cut < f.char_end  # the break falls inside the figure
    assert f.raw_text in f.sentence


def test_only_the_first_max_body_chars_are_searched() -> None:
    """Past MAX_BODY_CHARS a body is not searched: figures and claims stop there."""
    text = "Japan pledged $5 billion in aid, officials said.\n" + "word " * (MAX_BODY_CHARS // 5)
    text += "\nThe ministry said exports rose 7% in 2026.\n"
    with guard("extractors on a body past the limit"):
        figures = extract_figures(text)
        claims = extract_claims(text, 0, None, [(f.char_start, f.char_end) for f in figures])
    assert [f.raw_text for f in figures] == ["$5 billion"]
    assert max(c.char_end for c in claims) <= MAX_BODY_CHARS
