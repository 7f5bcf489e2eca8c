"""The headline at the top of a document that has no front-matter title.

A leading line is taken as the headline only when it looks like one: a Markdown H1/H2 (ATX or
setext), or a short line (3-20 words, at most 200 characters) with no sentence-ending
punctuation, either mostly title-cased ("Trump Signals Reinforced U.S.–Japan Alignment") or
sitting above a real paragraph, with only bylines, dates and furniture between (sentence-case
and wire headlines: "Fed slashes rates 50 bp in first easing since 2020", "Toll rises to 1,500:
WHO"). A first line that reads as a sentence is body text, not a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from newsfacts.metadata import furniture
from newsfacts.metadata.byline import (
    is_by_credit,
    is_byline_or_dateline,
    is_date_label_line,
    outlet_dateline,
    read_bare_byline,
    read_byline,
)
from newsfacts.metadata.lines import line_cache, word_set

MAX_TITLE_WORDS = 26
MAX_TITLE_CHARS = 200
MIN_TITLE_WORDS = 3
# A sentence-case headline is accepted when this short and followed by a paragraph.
MAX_SENTENCE_CASE_WORDS = 20
# A longer sentence-case headline is long because it names people and places ("... says FC Goa boss
# Carlos Pena as Iker Guarrotxena scores ..."): up to this many words when this share are capitalised.
MAX_LONG_SENTENCE_CASE_WORDS = 26
MIN_LONG_NAME_SHARE = 0.25
MIN_PARAGRAPH_WORDS = 8
MAX_LABEL_VALUE_WORDS = 8
# A line in capitals this short under a headline is a kicker ("PAIN AT THE PUMP").
MAX_KICKER_WORDS = 5
MIN_WRAPPED_LOWER_SHARE = 0.5
_PARAGRAPH_END = (".", "”", '"', ")", "’", "'", "!", "?", ":")
MIN_TITLE_CASE_SHARE = 0.6
MAX_LINES_TO_PARAGRAPH = 8

_ATX = re.compile(r"#{1,2}[ \t]+(?P<title>.+?)(?:[ \t]+#+)?")
_SETEXT_UNDERLINE = re.compile(r"=+|-{2,}")
_EMPHASIS = re.compile(r"(?P<mark>\*\*|__|\*|_)(?P<inner>.+)(?P=mark)")
_WORD = re.compile(r"[^\W_][\w'’.\-–]*(?:,(?=\d{3})[\w'’.\-–]*)*")  # "3,374" is one word
_NOT_A_HEADLINE_START = re.compile(r"(?:[-*+•>|!<\[(]|\d+[.)]\s|https?://|www\.)", re.I)
# A line ending in one of these breaks off mid-phrase: a wrapped line of prose, not a headline.
_DANGLING_WORDS = word_set("a an the and or nor but of to for with from by as at than that which whose its their")
# Headlines say "says"; a sentence-case line with "said" or "according to" is running text.
_REPORTED_SPEECH = word_set("said told added noted")
_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.I)
# A lower-case letter then a capital deep inside a word: menu labels scraped without spaces.
_GLUED = re.compile(r"[A-Za-z][a-z]{2,}[A-Z]")
MIN_GLUED_WORDS = 3
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# "title: ...", "layout: post": a lower-case key and its value, not a headline.
_KEY_VALUE = re.compile(r"[a-z_][a-z_ -]{0,30}\s*:\s")
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


def setext_title(text: str) -> str | None:
    """The title of a line underlined with `===` or `---`."""
    title = clean_title(text)
    if title and len(title) <= MAX_TITLE_CHARS and not title.endswith(_SENTENCE_END):
        return title
    return None


def is_setext_underline(text: str) -> bool:
    return _SETEXT_UNDERLINE.fullmatch(text) is not None


def headline_text(text: str, following: list[str]) -> str | None:
    """The headline `text` is, given the non-blank lines after it, or None when it reads otherwise.

    Navigation glued in front ("Home News OPEC and ...") is cut off first.
    """
    if len(text) > 2 * MAX_TITLE_CHARS:
        return None
    atx = _ATX.fullmatch(text)
    if atx:
        title = clean_title(atx.group("title"))
        return title if title and len(title) <= MAX_TITLE_CHARS else None
    title = clean_title(furniture.strip_breadcrumbs(clean_title(text)))
    folded = title.casefold()
    # Only the first `MAX_LINES_TO_PARAGRAPH` lines after the headline are ever read.
    rest = islice((line for line in following if " ".join(line.split()).casefold() != folded), MAX_LINES_TO_PARAGRAPH)
    return title if _reads_as_headline(title, list(rest)) else None


def clean_title(text: str) -> str:
    """The title without Markdown emphasis around it and with single spaces."""
    text = " ".join(text.split())
    while match := _EMPHASIS.fullmatch(text):
        text = match.group("inner").strip()
    return text


def has_headline_shape(text: str) -> bool:
    """True when `text` would read as a headline above a paragraph (whatever actually follows it)."""
    return len(text) <= 2 * MAX_TITLE_CHARS and _reads_as_headline(clean_title(text), None)


def _reads_as_headline(title: str, following: list[str] | None) -> bool:
    """Headline shape; `following` None assumes a paragraph follows."""
    words = _WORD.findall(title)
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or len(title) > MAX_TITLE_CHARS:
        return False
    if title.rstrip("\"”’')]").endswith(_SENTENCE_END) or _NOT_A_HEADLINE_START.match(title) or _KEY_VALUE.match(title):
        return False  # a full stop inside closing quotes ends a sentence too ('... as “provocation.”')
    if title[0].islower() and not title[1:2].isupper():  # "date 2021 ...", not "eBay" or "iPhone"
        return False
    if _ISO_DATE.search(title) or words[-1].lower() in _DANGLING_WORDS:
        return False
    if sum(1 for word in words if _GLUED.search(word)) >= MIN_GLUED_WORDS:
        return False  # "SolutionsLegalReuters News AgencyRisk": menu items run together
    if _is_furniture(title):
        return False
    share = _title_case_share(words)
    if title.endswith("?"):  # a question opens prose too, unless a byline or date vouches for it
        if following is None:
            return share >= 0.8
        return share >= 0.8 or (bool(following) and _is_header_line(following[0], None) and _is_paragraph(following))
    if share >= MIN_TITLE_CASE_SHARE:
        return True
    if any(word.lower() in _REPORTED_SPEECH for word in words) or _ACCORDING_TO.search(title):
        return False  # "..., the company said ...": a sentence whose full stop was lost
    if len(words) > MAX_LONG_SENTENCE_CASE_WORDS or (
        len(words) > MAX_SENTENCE_CASE_WORDS
        and sum(1 for word in words[1:] if word[0].isupper()) < MIN_LONG_NAME_SHARE * len(words)
    ):
        return False
    return following is None or _is_paragraph(following)


def _is_furniture(text: str) -> bool:
    """Bylines, datelines and page furniture ("Photo: Getty Images") are not headlines."""
    return (
        is_byline_or_dateline(text)
        or furniture.is_call_to_action(text)
        or furniture.is_labelled_furniture(text)
        or furniture.is_navigation_header(text)
        or furniture.is_leading_furniture(text)
        or furniture.is_trailing_furniture(text)
    )


def _title_case_share(words: list[str]) -> float:
    """Share of the words that matter (not "of", "the", ...) that start with a capital or digit."""
    major = [word for word in words if word.lower() not in _MINOR_WORDS]
    if not major:
        return 0.0
    return sum(1 for word in major if word[0].isupper() or word[0].isdigit()) / len(major)


def _is_paragraph(following: list[str]) -> bool:
    """True when running prose follows (after any header line or furniture): what a headline sits above."""
    after_label = False
    window = following[:MAX_LINES_TO_PARAGRAPH]
    for position, text in enumerate(window):
        value = after_label and len(text.split()) <= MAX_LABEL_VALUE_WORDS
        beside = window[position + 1] if position + 1 < len(window) else None
        if value or (len(text) <= MAX_TITLE_CHARS * 2 and _is_header_line(text, beside)):
            after_label = furniture.label_only(furniture.clean(text)) is not None
            continue
        return is_prose(text)
    return False


def is_prose(text: str) -> bool:
    """A line of running text: long enough, and either finished with punctuation or mostly lower case
    (a hard-wrapped paragraph line such as "The central bank cut a key rate by")."""
    words = _WORD.findall(text)
    if len(words) < MIN_PARAGRAPH_WORDS:
        return False
    if text.rstrip("*_").endswith(_PARAGRAPH_END):
        return True
    return sum(1 for word in words if word[0].islower()) / len(words) >= MIN_WRAPPED_LOWER_SHARE


@line_cache
def _is_header_line(text: str, beside: str | None = None) -> bool:
    """What may stand between a headline and its story: bylines, dates, credits, mastheads, labels."""
    return (
        is_byline_or_dateline(text)
        or is_date_label_line(text)
        or read_bare_byline(text, beside) is not None
        or read_byline(text, dash=True) is not None
        or furniture.is_leading_furniture(text)
        or furniture.is_labelled_furniture(text)
        or furniture.is_call_to_action(text)  # "Download the release here.", "Share this story"
        or furniture.label_only(text) is not None
        or furniture.outlet_name(text) is not None
        or len(text.split()) <= 2
        or (text.isupper() and len(text.split()) <= MAX_KICKER_WORDS)
        or is_by_credit(text)
        or outlet_dateline(text) is not None
        or furniture.is_place_date_line(text)
    )
