"""Page furniture versus claims.

A claim is a declarative statement about the world. Scraped articles wrap it in furniture that a
sentence splitter happily returns as "sentences": headings, navigation, calls to action, FAQ
questions, taglines, bylines and author bios, front matter. Every rule here is about the shape of
the line (length, punctuation, case, a verb, an imperative opening), never about a topic, so it
carries over to articles it has not seen.
"""

from __future__ import annotations

import re

from newsfacts.claims.verbs import has_finite_verb

# List bullets, enumerators and markdown emphasis around a line: not part of the statement.
LEADING_MARKUP = re.compile(r"(?:[-*•‣◦▪–—>]+[ \t]+|\(?(?:\d{1,2}|[a-zA-Z])\)[ \t]+|\d{1,2}\.[ \t]+|[_*]{1,3}(?=\S))*")
# LEADING_MARKUP only looks this far into a sentence: on a long run of "*" each repetition rescans
# the run for a bullet, which made a line of a million asterisks quadratic. Real markup is short.
MAX_LEADING_MARKUP = 100
TRAILING_MARKUP = re.compile(r"(?<=\S)[_*]{1,3}$")

_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_CLOSERS = "'\"’”)]"
_HEADING = re.compile(r"#{1,6}\s")
_LINK_ONLY = re.compile(r"""\W*(?:https?://\S+|www\.\S+|!?\[[^\]]*\]\([^)]*\))\W*$""")
_TAG_ONLY = re.compile(r"(?:<[^>]*>\s*)+$")
_RULE_LINE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
_FRONT_MATTER = re.compile(r"\ufeff?[ \t]*---[ \t]*\r?\n(?:.*\r?\n){0,80}?[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")

# Calls to action: an imperative opening aimed at the reader, or a stock phrase anywhere (calls
# to action and publishing boilerplate: credits, syndication notes, disclaimers).
_CTA_OPENING = re.compile(
    r"(?:Explore|Discover|Subscribe|Sign (?:up|in)|Log in|Click|Tap|Download|Register|Request|"
    r"Book (?:a|your)|Join (?:us|our|the|now)|Follow (?:us|our)|Read (?:more|now|the|our|on|this|full)|"
    r"Get (?:the|our|your|started|access|a free)|Try (?:it|our|for)|Check out|Visit (?:our|us)|"
    r"Contact (?:us|our)|Stay (?:informed|updated|tuned|ahead)|Learn (?:more|how)|Watch (?:now|the video)|"
    r"Listen (?:now|to the)|Share (?:this|on)|Don[’']t miss|Start (?:your|a free))\b"
)
_CTA_PHRASE = re.compile(  # matched against the lower-cased sentence
    r"\b(?=[rclsbfgaptnoe])(?:read now|read more|click here|learn more|subscribe (?:now|today|to our)|"
    r"sign up (?:now|today|for)|"
    r"request (?:a )?demo|book a demo|free trial|get started|continue reading|all rights reserved|"
    r"privacy policy|terms of (?:use|service)|cookie (?:policy|settings)|share this article|"
    r"follow us on|newsletter sign|advertisement|originally (?:published|appeared)|"
    r"contributed to this report|(?:reporting|editing|additional reporting) by|the views expressed)\b"
)
# A bio paragraph: a (bolded) name, then "is a/an/the ... <role>".
_BIO = re.compile(
    r"(?:[_*]{1,2})?(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})(?:[_*]{1,2})?,?\s+"
    r"(?:is|was|serves as|has been|currently serves as)\s+(?:a|an|the)\b[^.]{0,160}?\b(?:professor|"
    r"director|fellow|journalist|reporter|correspondent|editor|writer|author|analyst|researcher|"
    r"economist|columnist|contributor|founder|lecturer|scholar|adviser|advisor|consultant|"
    r"strategist|student|candidate|chair|head|partner|manager|officer|executive|ceo|associate)",
    re.IGNORECASE,
)
_BOLD_START = re.compile(r"(?:__|\*\*)[A-Z]")
_ABOUT_AUTHOR = re.compile(r"[#\s_*]*about the authors?\b", re.IGNORECASE)
_SMALL_WORDS_TEXT = "of the and a an in on for to as at by with vs from or nor but"
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())


def front_matter_end(text: str, start: int = 0) -> int:
    """Offset just after a YAML front matter block opening the text at `start`, else `start`."""
    m = _FRONT_MATTER.match(text, start)
    return m.end() if m else start


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without list markers and emphasis markup around it."""
    m = LEADING_MARKUP.match(text, start, min(end, start + MAX_LEADING_MARKUP))
    s = m.end() if m else start
    t = TRAILING_MARKUP.search(text, s, end)
    e = t.start() if t else end
    return (s, e) if s < e else (start, end)


def is_title_case(words: list[str]) -> bool:
    """Most content words capitalised: a heading or a product name, not a sentence."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return bool(content) and content[0][0].isupper()
    upper = sum(1 for w in content if w[0].isupper())
    return upper / len(content) >= 0.6


def furniture_reason(sentence: str, line: str, whole_line: bool = True) -> str | None:
    """Why `sentence` (markup already trimmed) is not a claim, or None when it is one.

    `line` is the start of the line the sentence sits on (for markdown headings); `whole_line`
    says whether the sentence is that entire line. Taglines and labels stand on their own line,
    so the no-verb test applies there only: inside a paragraph a sentence whose verb the lexical
    test misses is still a statement.
    """
    words = _WORD.findall(sentence)
    n = len(words)
    last = sentence.rstrip(_CLOSERS)[-1:]
    if n < 3 and not (n == 2 and last in (".", "!") and has_finite_verb(sentence)):
        return "too short"
    if _HEADING.match(line.lstrip()):
        return "markdown heading"
    if last == "?":
        return "question"
    if _CTA_OPENING.match(sentence) or _CTA_PHRASE.search(sentence.lower()):
        return "call to action or boilerplate"
    if _LINK_ONLY.match(sentence) or _TAG_ONLY.match(sentence):
        return "link or markup"
    if last not in (".", "!", "…"):
        if n < 6:
            return "heading"
        if is_title_case(words):
            return "title-case heading"
        if not has_finite_verb(sentence):
            return "label without a verb"
        return None
    if whole_line and n <= 20 and not has_finite_verb(sentence):
        return "verbless tagline"
    return None


def bio_lines(text: str, line_starts: list[int], start: int, end: int) -> set[int]:
    """Starts of lines that are author bios: "Name is a <role> ..." after a rule line or an "About
    the author" heading, with the name in bold, or among the last three lines of the body, where
    bios are put. Bios describe the writer, not the story."""
    found: set[int] = set()
    lines = []
    for i, ls in enumerate(line_starts):
        le = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else end
        line = text[ls:le].strip()
        if line:
            lines.append((ls, line))
    tail = {ls for ls, _ in lines[-3:]}
    prev_line = ""
    for ls, line in lines:
        after_rule = bool(_RULE_LINE.match(prev_line)) or bool(_ABOUT_AUTHOR.match(prev_line))
        if (after_rule or ls in tail or _BOLD_START.match(line)) and _BIO.match(line):
            found.add(ls)
        prev_line = line
    return found
