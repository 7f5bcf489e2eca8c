"""Sentence segmentation with exact character offsets.

A rule set rather than a library: pysbd and NLTK's punkt lose or shift offsets on curly quotes and
are 20-100x slower than a few compiled regex passes, and the warehouse needs offsets that are exact
to the code point. The rules cover what news text throws at a splitter: abbreviations ("U.S.",
"Mr.", "No. 2"), decimals ("3.2%"), initials ("J. K. Smith"), quotations that contain several
sentences, and scraped layout where every line is its own paragraph, heading or list item.

Only candidate boundaries (terminal punctuation followed by white space) are looked at in Python;
everything between them is skipped by the regex engine, so the cost grows with the number of
sentences, not characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS_LIST = """
    mr mrs ms dr prof sr jr st mt no nos vs v etc inc ltd co corp dept gov sen rep gen col lt sgt
    capt cmdr adm est approx fig figs jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k
    u.n e.g i.e a.m p.m ph.d al op cf ca vol pp ed eds rev hon pres messrs mme mlle govt intl
    """
ABBREVIATIONS = frozenset(_ABBREVIATIONS_LIST.split())

# Abbreviations that are always followed by a name or a number, so they never end a sentence.
_TITLES_LIST = (
    "mr mrs ms dr prof st mt gen sen rep gov no nos vs v lt col capt sgt adm cmdr hon rev pres messrs "
    "mme mlle fig figs vol pp"
)
TITLES = frozenset(_TITLES_LIST.split())

# Words that open a new sentence after an abbreviation ("... to the U.S. The deal ...").
_SENTENCE_OPENERS_LIST = (
    "the this that these those it its he she they we i in on at for but and yet so a an as if "
    "when while after before however meanwhile still there here his her their our"
)
SENTENCE_OPENERS = frozenset(_SENTENCE_OPENERS_LIST.split())

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then white space.
# It starts only at the first mark of a run and never gives characters back (possessive), so a run
# of a million full stops is read once, not once per mark (that was quadratic). The first mark is
# matched before the look back, so the engine skips straight to marks (3x faster than looking first).
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…].)[.!?…]*+['"’”)\]]*+(?=\s)""")
# The word a full stop ends ("U.S.", "Mr.", "e.g."): letters and dots, opening with a letter.
_LETTERS_AND_DOTS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_MAX_WORD_BEFORE = 15
_NEXT_WORD = re.compile(r"""[^\S\n]*([‘“"'(\[]*)(\S+)""")  # any space but a line break (incl. no-break)
# A quotation closed on the same line (`“[^“”\n]{1,600}”|"[^"\n]{1,600}"`); a full stop inside it
# does not end the sentence around it. The length cap bounds the damage an unbalanced straight
# quote can do.
_MAX_QUOTATION = 600
# Longest sentence returned. Text with no sentence boundary for longer than this (a flattened table,
# a scraped blob on one line) is cut at the last white space before the limit: everything downstream
# does per-sentence work for each figure and claim, and a one-megabyte "sentence" made that quadratic.
MAX_SENTENCE_CHARS = 2000
_MIN_SOFT_CUT = MAX_SENTENCE_CHARS // 2
# Figures and claims are extracted from at most this many characters of a body (the rest of a larger
# body lands, and counts in word_count, but is not searched). Every extractor is linear, but at tens
# of microseconds per candidate number an 8 MiB file of "1 1 1 ..." would still take minutes.
MAX_BODY_CHARS = 2_000_000


class Sentence(NamedTuple):
    """A sentence and its offsets. A named tuple: immutable like a frozen dataclass, and built in
    half the time, which counts at one per sentence of every body."""

    start: int
    end: int
    text: str


def _is_boundary(text: str, m: re.Match[str], end: int) -> bool:
    """Decide whether the terminal punctuation matched by `m` ends a sentence."""
    at = m.end() + 1
    nxt: re.Match[str] | None = None
    if at < end and text[at - 1] == " " and text[at].isalnum():
        first = text[at]  # one space and a word: what _NEXT_WORD reads first, without it
    else:
        nxt = _NEXT_WORD.match(text, m.end(), end)
        if nxt is None:
            return True
        first = nxt.group(2)[0]
    # A lower-case continuation ("“Why?” she asked", "e.g. the") never starts a new sentence.
    if first.islower():
        return False
    if text[m.start()] != ".":
        return True
    before = _word_before_stop(text, m.start())
    if before is None:
        return True
    word = before.lower().rstrip(".")
    if word in TITLES:
        return False
    dotted = "." in word and all(len(part) <= 2 for part in word.split("."))
    if word in ABBREVIATIONS or len(word) == 1 or dotted:
        # "No. 2", "Jan. 5": a number after an abbreviation continues the sentence. Otherwise an
        # abbreviation, initial or acronym ends the sentence only before a typical opener.
        if first.isdigit():
            return False
        nxt = nxt or _NEXT_WORD.match(text, m.end(), end)
        return nxt is not None and nxt.group(2).strip("‘“\"'(,;:").lower() in SENTENCE_OPENERS
    return True


def _word_before_stop(text: str, stop: int) -> str | None:
    """The run of letters and dots that ends right before the full stop at `stop` (from its first
    letter, at most _MAX_WORD_BEFORE characters back), else None: two C-level strips instead of
    a regex tried at every position of the window."""
    chunk = text[max(0, stop - _MAX_WORD_BEFORE) : stop]
    return chunk[len(chunk.rstrip(_LETTERS_AND_DOTS)) :].lstrip(".") or None


def char_offsets(text: str, chars: str, start: int, stop: int) -> list[int]:
    """The sorted offsets of the characters `chars` in text[start:stop].

    Found by `str.find`, which skips through text at memory speed where a regex character class
    tests one character after another: rare characters (line breaks, quotation marks) cost
    almost nothing to find.
    """
    out: list[int] = []
    for ch in chars:
        i = text.find(ch, start, stop)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1, stop)
    if len(chars) > 1:
        out.sort()
    return out


def _quotation_spans(text: str, start: int, stop: int) -> tuple[list[int], list[int]]:
    """The quotations of text[start:stop] (see `_MAX_QUOTATION`), as a left-to-right regex scan
    finds them: a quotation closes at the first closing mark after its opening one."""
    starts: list[int] = []
    ends: list[int] = []
    resume = start
    for at in char_offsets(text, '“"', start, stop):
        if at < resume:
            continue
        limit = min(stop, at + _MAX_QUOTATION + 2)
        if text[at] == "“":
            close = text.find("”", at + 1, limit)
            inside = close > at + 1 and text.find("“", at + 1, close) < 0
        else:
            close = text.find('"', at + 1, limit)
            inside = close > at + 1
        if inside and text.find("\n", at + 1, close) < 0:
            starts.append(at)
            ends.append(close + 1)
            resume = close + 1
    return starts, ends


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split text[start:end] into sentences; offsets index into `text`, white space trimmed.

    Single line breaks end a sentence too: in scraped articles a line is a paragraph, a heading
    or a list item far more often than a wrapped sentence. Inside a quotation closed on the same
    line, full stops do not end the sentence, so a quoted passage stays with its attribution.
    No sentence is longer than MAX_SENTENCE_CHARS: a longer one is cut at white space.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    return _split(text, start, end, end)


def sentences_at(text: str, start: int, end: int, positions: Iterable[int]) -> list[Sentence]:
    """The sentences of `split_sentences(text, start, end)` on the lines that hold `positions`
    (ascending offsets): only those lines are split. Every rule above reads within one line (a
    line break always cuts, and no quotation, boundary or next word runs across one), so a line
    splits alone exactly as it does inside the whole text."""
    end = min(end, len(text))
    start = max(0, start)
    out: list[Sentence] = []
    done = start
    for pos in positions:
        if pos < done or pos >= end:
            continue
        line = max(start, text.rfind("\n", start, pos) + 1)
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop + 1  # the line break itself, so a look-ahead sees it
        out += _split(text, line, stop, end)
        done = stop
    return out


def _split(text: str, start: int, stop: int, end: int) -> list[Sentence]:
    """The sentences of text[start:stop], `end` being where the whole text to split ends."""
    q_starts, q_ends = _quotation_spans(text, start, stop)
    cuts = char_offsets(text, "\n", start, stop)
    for m in _BOUNDARY.finditer(text, start, stop):
        cut = m.end()
        if text[cut] == "\n":
            continue
        if q_starts:
            i = bisect_right(q_starts, m.start()) - 1
            if i >= 0 and cut < q_ends[i]:
                continue
        if _is_boundary(text, m, end):
            cuts.append(cut)
    cuts.sort()
    cuts.append(stop)
    out: list[Sentence] = []
    pos = start
    for cut in cuts:
        if cut <= pos:
            continue
        stripped = text[pos:cut].strip()
        if stripped:
            s = text.find(stripped[0], pos, cut)  # only white space before the first character kept
            if len(stripped) <= MAX_SENTENCE_CHARS:
                out.append(Sentence(s, s + len(stripped), stripped))
            else:
                out.extend(_pieces(text, s, s + len(stripped)))
        pos = cut
    return out


def _pieces(text: str, start: int, end: int) -> list[Sentence]:
    """text[start:end] (trimmed, longer than the limit) as pieces of at most MAX_SENTENCE_CHARS."""
    out: list[Sentence] = []
    while start < end:
        stop = min(end, start + MAX_SENTENCE_CHARS)
        if stop < end:
            # the last white space before the limit, unless there is none in its second half
            soft = next((i for i in range(stop, start + _MIN_SOFT_CUT, -1) if text[i].isspace()), None)
            stop = soft if soft is not None else stop
        piece = text[start:stop].rstrip()
        if piece:
            out.append(Sentence(start, start + len(piece), piece))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    return out


def sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence containing offset `pos` (binary search over sorted, disjoint sentences)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= pos < sentences[lo].end:
        return sentences[lo]
    return None
