"""What a single line of page furniture looks like: calls to action, navigation, sentiment widgets.

These are line-level tests only; `trailers` decides which of them end an article. Every pattern
is anchored and applied to one short line (at most `MAX_FURNITURE_CHARS`), so none can scan or
backtrack over a whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_FURNITURE_CHARS = 300
MAX_LABELLED_WORDS = 60
MAX_CTA_SENTENCE_WORDS = 25

# Buttons and links that can sit alone on a line, or glued together ("Request DemoOverall Sentiment").
_CTA_PHRASES = (
    r"(?:request|book|schedule|get|watch)\s+(?:a\s+)?demo",
    r"try\s+(?:it\s+)?(?:for\s+)?free",
    r"(?:start\s+(?:your\s+)?)?free\s+trial",
    r"subscribe(?:\s+(?:now|today|for\s+free|here))?",
    r"sign\s*up(?:\s+(?:now|today|for\s+free|here))?",
    r"sign\s*in",
    r"log\s*in",
    r"register(?:\s+now)?",
    r"read\s+more",
    r"learn\s+more",
    r"continue\s+reading",
    r"read\s+the\s+full\s+(?:story|article|report)",
    r"click\s+here",
    r"download(?:\s+(?:the\s+app|now|(?:the\s+)?report))?",
    r"get\s+started",
    r"contact\s+us",
    r"advertisement",
    r"sponsored",
    r"back\s+to\s+top",
    r"share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+on)?",
    r"print(?:\s+this)?(?:\s+(?:article|page))?",
    r"e-?mail",
    r"facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest|bluesky|x\.com",
    r"copy\s+link",
    r"follow\s+us(?:\s+on)?",
    r"join\s+(?:now|us|our\s+newsletter)",
    r"newsletter",
    r"(?:view\s+|show\s+)?comments?",
    r"leave\s+a\s+(?:comment|reply)",
)
_CTA_LINE = re.compile(r"[\W_]*(?:(?:" + "|".join(_CTA_PHRASES) + r")[\W_]*)+", re.I)
_CTA_SENTENCE = re.compile(
    r"(?:subscribe|sign\s*up|click\s+here|follow\s+us|join\s+our|download\s+(?:our|the)|get\s+our"
    r"|thanks?\s+(?:you\s+)?for\s+reading|don['’]t\s+miss|never\s+miss|want\s+more"
    r"|stay\s+(?:informed|updated|ahead|in\s+the\s+loop|tuned)"
    r"|read\s+(?:the\s+)?full|continue\s+reading|(?:request|book|schedule)\s+(?:a\s+)?demo)\b",
    re.I,
)

_NAV_HEADER = re.compile(
    r"related(?:\s+(?:articles?|posts?|stories|news|content|coverage|reading|links|topics|videos))?"
    r"|latest(?:\s+(?:posts?|news|articles?|stories|headlines|updates))?"
    r"|(?:read|up)\s+next|read\s+also|also\s+read|see\s+also|further\s+reading|more\s+reading"
    r"|more\s+(?:stories|news|articles|headlines|to\s+read)|more\s+(?:from|on|in|about)\s+.{1,60}"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|reading|articles|stories))?"
    r"|(?:most\s+)?(?:popular|trending|most\s+read|most\s+viewed)(?:\s+(?:now|posts|stories|articles|today))?"
    r"|sources?|references?|citations?|tags?|topics?|categories|filed\s+under|keywords",
    re.I,
)
_ABOUT_AUTHOR = re.compile(r"about\s+the\s+(?:authors?|writers?|contributors?)", re.I)
_LABELLED = re.compile(
    r"(?:tags?|topics?|categories|category|filed\s+under|keywords|sources?|via|photo(?:\s+credit)?"
    r"|image(?:\s+(?:credit|source))?|credits?|disclaimer|see\s+also|related|read\s+more)\s*:\s*\S.*",
    re.I,
)
_LEGAL = re.compile(r"(?:©|\(c\)\s*\d{4}|copyright\b).*|.*\ball rights reserved\b.*", re.I)
_CREDITS = re.compile(r"\(?(?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\b.*", re.I)
RULE = re.compile(r"-{3,}|\*{3,}|_{3,}|(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}")

_SENTIMENT = re.compile(
    r"(?P<prefix>.*?)(?P<head>overall\s+sentiment|sentiment\s+(?:score|label|rating)|sentiment)"
    r"(?P<value>.*)",
    re.I,
)
_LABEL = (
    r"(?:(?:very|slightly|strongly|mildly|moderately|somewhat|mostly)\s+)?"
    r"(?:positive|negative|neutral|mixed|bullish|bearish)"
)
_SCORE = r"[-+−]?(?:\d+(?:\.\d+)?|\.\d+)"
_SENTIMENT_VALUE = re.compile(
    r"\s*[:=\-–—]?\s*(?P<label>"
    + _LABEL
    + r")?\s*[(\[]?\s*(?:score\s*[:=]?\s*)?(?P<score>"
    + _SCORE
    + r")?\s*%?\s*[)\]]?\s*",
    re.I,
)

_HEADING_MARKS = re.compile(r"#{1,6}\s*")
_LINK = re.compile(r"!?\[(?P<label>[^\[\]\n]*)\]\([^()\s]*\)")
_EMPHASIS = re.compile(r"(?P<mark>\*\*|__|\*|_)(?P<inner>.+)(?P=mark)")
_TRAILING_MARKS = " \t:：»›→>|•·-–—"


@dataclass(frozen=True, slots=True)
class SentimentLine:
    """A sentiment widget line; `label`/`score` hold the value written on the same line, if any."""

    label: str | None
    score: float | None
    has_cta: bool

    @property
    def has_value(self) -> bool:
        return self.label is not None or self.score is not None


def clean(text: str) -> str:
    """The line without Markdown heading marks, link targets, emphasis, trailing arrows and colons."""
    if len(text) > MAX_FURNITURE_CHARS:
        return text
    text = _HEADING_MARKS.sub("", text, count=1) if text.startswith("#") else text
    text = _LINK.sub(r"\g<label>", text) if "](" in text else text
    while match := _EMPHASIS.fullmatch(text):
        text = match.group("inner").strip()
    return text.rstrip(_TRAILING_MARKS)


def is_call_to_action(text: str) -> bool:
    """Buttons ("Request Demo", "Subscribe", "Share this") or a short imperative pitch."""
    if len(text) > MAX_FURNITURE_CHARS or not text:
        return False
    if _CTA_LINE.fullmatch(text):
        return True
    return bool(_CTA_SENTENCE.match(text)) and len(text.split()) <= MAX_CTA_SENTENCE_WORDS


def is_navigation_header(text: str) -> bool:
    """Headers of end-of-page link lists: "Related Articles", "Latest Posts", "Source", "Read next"."""
    return len(text) <= MAX_FURNITURE_CHARS and _NAV_HEADER.fullmatch(text) is not None


def is_about_author_header(text: str) -> bool:
    return len(text) <= MAX_FURNITURE_CHARS and _ABOUT_AUTHOR.fullmatch(text) is not None


def is_labelled_furniture(text: str) -> bool:
    """One-line furniture with content: "Tags: Japan, trade", "Source: Reuters", "© 2025 ...", credits."""
    if len(text) > MAX_FURNITURE_CHARS * 2 or len(text.split()) > MAX_LABELLED_WORDS:
        return False
    return any(pattern.fullmatch(text) for pattern in (_LABELLED, _LEGAL, _CREDITS))


def is_rule(text: str) -> bool:
    """A Markdown horizontal rule (`---`, `***`, `___`, `* * *`)."""
    return len(text) <= MAX_FURNITURE_CHARS and RULE.fullmatch(text) is not None


def sentiment_line(text: str) -> SentimentLine | None:
    """A sentiment header, with or without its value, optionally glued to a button before it."""
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    match = _SENTIMENT.fullmatch(text)
    if match is None:
        return None
    prefix = match.group("prefix").strip()
    if prefix and not _CTA_LINE.fullmatch(prefix):
        return None
    value = _SENTIMENT_VALUE.fullmatch(match.group("value"))
    if value is None:
        return None
    return SentimentLine(_label(value.group("label")), _score(value.group("score")), bool(prefix))


def sentiment_value(text: str) -> tuple[str | None, float | None] | None:
    """(label, score) of a line holding only a sentiment value ("neutral", "0.05"), else None."""
    if len(text) > 60:
        return None
    value = _SENTIMENT_VALUE.fullmatch(text)
    if value is None or not (value.group("label") or value.group("score")):
        return None
    if text.lstrip()[:1] in ":=–—":
        return None
    return _label(value.group("label")), _score(value.group("score"))


def _label(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def _score(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace("−", "-"))
    except ValueError:
        return None
