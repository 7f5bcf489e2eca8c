"""The headline at the top of a document that has no front-matter title.

A leading line is taken as the headline only when it looks like one: a Markdown H1/H2 (ATX or
setext), or a short line (3-15 words, at most 150 characters) with no sentence-ending
punctuation, set off by a blank line, and either mostly title-cased ("Trump Signals Reinforced
U.S.–Japan Alignment") or short and sitting above a real paragraph (sentence-case headlines).
A first line that reads as a sentence is body text, not a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.metadata import furniture
from newsfacts.metadata.byline import is_byline_or_dateline
from newsfacts.metadata.lines import Line, word_set

MAX_TITLE_WORDS = 15
MAX_TITLE_CHARS = 150
MIN_TITLE_WORDS = 3
# A sentence-case headline is accepted when this short and followed by a paragraph.
MAX_SENTENCE_CASE_WORDS = 12
MIN_TITLE_CASE_SHARE = 0.6
MAX_LINES_TO_PARAGRAPH = 8

_ATX = re.compile(r"#{1,2}[ \t]+(?P<title>.+?)(?:[ \t]+#+)?")
_SETEXT_UNDERLINE = re.compile(r"=+|-{2,}")
_EMPHASIS = re.compile(r"(?P<mark>\*\*|__|\*|_)(?P<inner>.+)(?P=mark)")
_WORD = re.compile(r"[^\W_][\w'’.\-–]*")
_NOT_A_HEADLINE_START = re.compile(r"(?:[-*+•>|!<\[(]|\d+[.)]\s|https?://|www\.)", re.I)
_SENTENCE_END = (".", "!", ":", ";", ",", "…")
# Words a title-cased headline keeps in lower case.
_MINOR_WORDS = word_set(
    "a an the and or nor but for of to in on at by with from as via vs over into onto up per off out "
    "is are be than so yet"
)


@dataclass(frozen=True, slots=True)
class Headline:
    """The headline text and the offset just past its line(s) (including a setext underline)."""

    title: str
    end: int


def find_headline(lines: list[Line]) -> Headline | None:
    """The headline opening `lines` (a window at the top of the body), or None."""
    index = next((i for i, line in enumerate(lines) if not line.blank), None)
    if index is None:
        return None
    first = lines[index]
    if len(first.text) > 2 * MAX_TITLE_CHARS:
        return None
    following = lines[index + 1 :]
    atx = _ATX.fullmatch(first.text)
    if atx:
        title = clean_title(atx.group("title"))
        return Headline(title, first.end) if title and len(title) <= MAX_TITLE_CHARS else None
    if following and _SETEXT_UNDERLINE.fullmatch(following[0].text):
        title = clean_title(first.text)
        if title and len(title) <= MAX_TITLE_CHARS and not title.endswith(_SENTENCE_END):
            return Headline(title, following[0].end)
        return None
    if not following or not following[0].blank:
        return None
    title = clean_title(first.text)
    return Headline(title, first.end) if _reads_as_headline(title, following) else None


def clean_title(text: str) -> str:
    """The title without Markdown emphasis around it and with single spaces."""
    text = " ".join(text.split())
    while match := _EMPHASIS.fullmatch(text):
        text = match.group("inner").strip()
    return text


def _reads_as_headline(title: str, following: list[Line]) -> bool:
    words = _WORD.findall(title)
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or len(title) > MAX_TITLE_CHARS:
        return False
    if title.endswith(_SENTENCE_END) or _NOT_A_HEADLINE_START.match(title) or _is_furniture(title):
        return False
    share = _title_case_share(words)
    if title.endswith("?"):
        return share >= 0.8
    if share >= MIN_TITLE_CASE_SHARE:
        return True
    return len(words) <= MAX_SENTENCE_CASE_WORDS and _is_paragraph(following)


def _is_furniture(text: str) -> bool:
    """Bylines, datelines and page furniture ("Photo: Getty Images") are not headlines."""
    return (
        is_byline_or_dateline(text)
        or furniture.is_call_to_action(text)
        or furniture.is_labelled_furniture(text)
        or furniture.is_navigation_header(text)
    )


def _title_case_share(words: list[str]) -> float:
    """Share of the words that matter (not "of", "the", ...) that start with a capital or digit."""
    major = [word for word in words if word.lower() not in _MINOR_WORDS]
    if not major:
        return 0.0
    return sum(1 for word in major if word[0].isupper() or word[0].isdigit()) / len(major)


def _is_paragraph(following: list[Line]) -> bool:
    """True when running prose follows (after any byline or dateline): what a headline sits above."""
    for line in following[:MAX_LINES_TO_PARAGRAPH]:
        if line.blank or (len(line.text) <= MAX_TITLE_CHARS * 2 and is_byline_or_dateline(line.text)):
            continue
        return len(_WORD.findall(line.text)) >= 15 and line.text.endswith((".", "”", '"'))
    return False
