"""The one furniture module: what a line of page furniture looks like, for metadata and claims.

Line tests (`is_furniture_line`, `is_leading_furniture`, `is_trailing_furniture`, ...) and the span
functions (`leading_furniture_end`, `trailing_furniture_start`, `furniture_line_spans` for ad slots
and captions inside a story) are plain functions any stage may import; the patterns themselves
live in `furniture_rules`. Every pattern is anchored and applied
to one short line (at most `MAX_FURNITURE_CHARS`), so none can scan or backtrack over a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsfacts.metadata import furniture_rules as rules
from newsfacts.metadata.dates import parse_date_line
from newsfacts.metadata.lines import line_cache, line_start_at_or_after, split_lines

MAX_FURNITURE_CHARS = 300
MAX_LABELLED_WORDS = 60
MAX_CTA_SENTENCE_WORDS = 25

_CTA_LINE = re.compile(r"[\W_]*(?:(?:" + "|".join(rules.CTA_PHRASES) + r")[\W_]*)+", re.I)
_CTA_SENTENCE = re.compile(rules.CTA_SENTENCE, re.I)
_NAV_HEADER = re.compile(rules.NAV_HEADER, re.I)
_ABOUT_AUTHOR = re.compile(rules.ABOUT_AUTHOR, re.I)
_LABELLED = re.compile(rules.LABELLED_LINE, re.I)
_LEGAL = re.compile(rules.LEGAL_LINE, re.I)
_CREDITS = re.compile(rules.CREDITS_LINE, re.I)
RULE = re.compile(r"-{3,}|\*{3,}|_{3,}|(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}")

_SENTIMENT = re.compile(r"(?P<prefix>.*?)(?P<head>" + rules.SENTIMENT_HEAD + r")(?P<value>.*)", re.I)
_SCORE = r"[-+−]?(?:\d+(?:\.\d+)?|\.\d+)"
_SENTIMENT_VALUE = re.compile(
    r"\s*[:=\-–—]?\s*(?P<label>"
    + rules.SENTIMENT_LABEL
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


def _either(patterns: Iterable[str]) -> str:
    """One pattern matching any of `patterns`, each kept whole in its own group."""
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _alternation(patterns: tuple[str, ...], flags: int = re.I) -> re.Pattern[str]:
    return re.compile(_either(patterns), flags)


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (split at each `|` outside groups and classes)."""
    branches, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":  # "[]...]": a leading "]" is a member
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    branches.append(pattern[start:index])
    return branches


def _opens_with_any_run(branch: str) -> bool:
    """True for a branch opening with a greedy `.*` (not `.*?` or `.*+`, which read differently)."""
    return branch.startswith(".*") and branch[2:3] not in ("?", "+")


class _WholeLine:
    """`fullmatch` of an alternation, with the alternatives that open with `.*` tried from the end.

    `.*X` fully matches a line without a newline exactly when `X` matches somewhere and reaches the
    end, which one `search` for `(?:X1|X2|...)\\Z` finds in a single pass; the `.*` form backtracks
    over the whole line once per alternative. Text with a newline keeps the plain `fullmatch`.
    """

    def __init__(self, patterns: tuple[str, ...], flags: int = 0) -> None:
        branches = [branch for pattern in patterns for branch in _branches(pattern)]
        floating = [branch[2:] for branch in branches if _opens_with_any_run(branch)]
        anchored = [branch for branch in branches if not _opens_with_any_run(branch)]
        self.whole = _alternation(patterns, flags)
        self.anchored = _alternation(tuple(anchored), flags) if anchored else None
        self.ending = re.compile(f"(?:{_either(floating)})\\Z", flags) if floating else None

    def fullmatch(self, text: str) -> bool:
        if "\n" in text:
            return self.whole.fullmatch(text) is not None
        return (self.anchored is not None and self.anchored.fullmatch(text) is not None) or (
            self.ending is not None and self.ending.search(text) is not None
        )


_WIDGET = _alternation(rules.WIDGET_LINES)
_PHOTO = _alternation(rules.PHOTO_CREDIT_LINES)
_CAPTION = _WholeLine(rules.CAPTION_END)
_TOC = _alternation(rules.TOC_HEADERS)
_TRAILING = _WholeLine(rules.TRAILING_LINES, re.I)
_TRAILING_HEADER = _alternation(rules.TRAILING_HEADERS)
_CLOSING_BIO = re.compile(rules.CLOSING_BIO)
_LABEL_ONLY = {field: re.compile(rf"(?:{pattern})\s*[:：]?", re.I) for field, pattern in rules.LABEL_ONLY.items()}
_SOURCE = re.compile(rules.SOURCE_LINE, re.I)
_FROM_OUTLET = re.compile(rules.FROM_OUTLET, re.I)
_TICKERS = re.compile(rules.TICKER_LINE)
_LIST_SPLIT = re.compile(r"\s*[·•|,;]\s*|\s+and\s+")
_COPYRIGHT = re.compile(rules.COPYRIGHT_LINE, re.I)
_PROFILE_HEADER = re.compile(rules.PROFILE_HEADER)
_DOMAIN = re.compile(rules.DOMAIN_MASTHEAD, re.I)
_IMAGE = re.compile(r"\[?!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)(?:\]\([^()\s]*\))?")
_NAME_THEN_DATE = re.compile(
    r"(?P<name>[A-Z][\w.&'’ -]{1,50}?)[ ,]+(?:\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
)
_TITLE_SOURCE = re.compile(rules.TITLE_SOURCE)
_OUTLET_BLURB = re.compile(rules.OUTLET_BLURB)
_OUTLETS = {name.casefold(): name for name in rules.OUTLETS}
_CRUMB_SPLIT = re.compile("[" + re.escape(rules.CRUMB_SEPARATORS) + "]")
_SECTION_SPLIT = re.compile("[" + re.escape(rules.CRUMB_SEPARATORS.replace("/", "")) + "]")
_WIRE = re.compile(
    rf"(?:(?P<place>{rules.WIRE_PLACE}|{rules.WIRE_TITLE_PLACE}),?[ ])?(?:(?i:{rules.WIRE_MONTH_DAY})[ ]?)?"
    rf"{rules.WIRE_AGENCY}(?P<dash>{rules.WIRE_DASH})"
)
_WIRE_PLACE_ONLY = re.compile(
    rf"(?:{rules.WIRE_PLACE})(?:,?[ ](?i:{rules.WIRE_MONTH_DAY}))?(?:{rules.WIRE_PLACE_DASH})"
)
_PRESS = (re.compile(rules.PRESS_DATELINE), re.compile(rules.PRESS_DASHED))
# An older wire form with neither agency nor dash: "CHICAGO Aug 31 The department said ...".
_WIRE_PLACE_DATE = re.compile(rf"(?:{rules.WIRE_PLACE}),?[ ](?i:{rules.WIRE_MONTH_DAY})[ ](?=[A-Z])")
_NAV_STRIP = re.compile(rules.NAV_STRIP_SPLIT)
_SYNDICATED = re.compile(rules.SYNDICATED_FROM)
_SITE_FOOTER = re.compile(rules.SITE_FOOTER)
_RELEASE_END = _alternation(rules.RELEASE_END_LINES, 0)
_RELATIVE_TIME = re.compile(rules.RELATIVE_TIME, re.I)
MAX_SOURCE_WORDS = 6
_SIGN_OFF = re.compile(rules.SIGN_OFF)
_BARE_SIGN_OFF = re.compile(rules.BARE_SIGN_OFF)
_BRACKETED_SIGN_OFF = re.compile(rules.BRACKETED_SIGN_OFF)
_BRACKETED_REPORTER = re.compile(rules.BRACKETED_REPORTER)
_TITLE_PLACE_COLON = re.compile(rules.TITLE_PLACE_COLON)
_DATE_COLON = re.compile(rules.DATE_COLON)
_PLACE_DATE_LINE = re.compile(rules.PLACE_DATE_LINE)
_MONTHS = rules.MONTH_WORDS
_COPYRIGHT_DOMAIN = re.compile(rules.COPYRIGHT_DOMAIN, re.I)
MAX_SIGN_OFF_CHARS = 40
MAX_PLACE_DATE_CHARS = 60
_YEAR_AGENCY = re.compile(rules.YEAR_AGENCY_CAPTION)
_VISIT = re.compile(rules.VISIT_FOR_MORE, re.I)
_DATED_CAPTION = re.compile(rules.DATED_CAPTION, re.I)
MIN_STRIP_ITEMS = 3
MAX_STRIP_ITEM_WORDS = 15
MAX_DATELINE_CHARS = 120
MAX_CRUMB_WORDS = 4
MAX_LABEL_CHARS = 40


@dataclass(frozen=True, slots=True)
class WireDateline:
    """A wire dateline opening a paragraph; `end` is the offset (in the line) where the story starts."""

    agency: str | None
    month: str | None
    day: int | None
    year: int | None
    end: int


def wire_dateline(line: str) -> WireDateline | None:
    """ "LONDON (Reuters) - ...", "WASHINGTON, Oct. 29 (UPI) -- ...", "(Xinhua) -- ...", "HARBIN - ..."."""
    head = line[:MAX_DATELINE_CHARS]
    match = _WIRE.match(head) or _PRESS[0].match(head) or _PRESS[1].match(head)
    if match is None:
        match = _WIRE_PLACE_ONLY.match(head) or _WIRE_PLACE_DATE.match(head)
        if match is None or not _place_is_caps(match.group(0)):
            return None
        place = match.group(0).split(",")[0]
        if outlet_name(place) is not None:
            return None  # "AP: Shares slump": an outlet credited before a headline, not a place
        if place.strip(" :-–—|").lower() in rules.KICKER_WORDS:
            return None  # "READ: ...", "WATCH: ...": a kicker or a link label, not a place
    rest = line[match.end() :]
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'$€£(["):
        return None
    groups = match.groupdict()
    agency = groups.get("agency")
    if agency is not None and not _is_agency(agency, _placed_or_dated(groups)):
        return None
    if agency is not None and _is_region(agency, groups):
        agency = None  # "Indore (Madhya Pradesh): ...": the place's state, not an agency
    day = groups.get("day")
    year = groups.get("year")
    return WireDateline(
        agency=agency,
        month=groups.get("month"),
        day=int(day) if day else None,
        year=int(year) if year else None,
        end=match.end(),
    )


def _place_is_caps(text: str) -> bool:
    """A place-only dateline is set in capitals ("HARBIN -"), which no sentence opening is."""
    letters = [char for char in text.split(",")[0].split()[0] if char.isalpha()] if text.split() else []
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _is_agency(name: str, placed: bool = False) -> bool:
    """ "(Reuters)", "(Dow Jones)" name an agency; "(AI)", "(2)" or "(left)" do not.

    A name in capitals is a ticker or an abbreviation ("Apple (AAPL) -"), unless a known agency or
    `placed`: after a date, a place in capitals or a "City, State" place ("McKEE, Ky. (WKYT) -",
    "New Delhi [India], July 20 (ANI):") it can only be the wire or station that filed the story.
    """
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    if name.casefold() in _OUTLETS:
        return True
    if name.isupper():
        return placed and len(name) >= 2 and name.isalpha()
    return len(name) >= 3 and all(word[0].isupper() or word in ("of", "and") for word in words)


def _placed_or_dated(groups: dict[str, str | None]) -> bool:
    """A dateline with a date, or whose place is in capitals or names its state ("McKEE, Ky.")."""
    place = groups.get("place") or ""
    return groups.get("day") is not None or "," in place or (bool(place) and _place_is_caps(place))


def _is_region(agency: str, groups: dict[str, str | None]) -> bool:
    """A title-case name in brackets before a colon, not a known outlet: the place's state or region."""
    dash = (groups.get("dash") or "").strip()
    return dash == ":" and not agency.isupper() and outlet_name(agency) is None


_ROLE_LINE = re.compile(rules.BYLINE_ROLE_LINE, re.I)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def is_byline_role(text: str) -> bool:
    """ "Writer", "Senior Correspondent": a role alone on the line under a writer's name."""
    return len(text) <= MAX_LABEL_CHARS and _ROLE_LINE.fullmatch(text) is not None


def is_toolbar(text: str) -> bool:
    """ "comments Print", "Share | Email | Print": an article's tool buttons, nothing else."""
    words = [word for word in re.split(r"[\s|·•]+", text.lower()) if word]
    return 2 <= len(words) <= rules.MAX_TOOLBAR_WORDS and all(word in rules.TOOLBAR_WORDS for word in words)


def is_contact_line(text: str) -> bool:
    """An address and e-mail strip at the top of a site ("12 High St, Leeds 0113 555 0100 news@x.org"):
    no headline carries an e-mail address."""
    if "@" not in text or len(text) > MAX_FURNITURE_CHARS or text.rstrip().endswith("."):
        return False
    return _CONTACT.search(text) is not None


def domain_masthead(text: str) -> str | None:
    """ "Investing.com" alone on a line: the site's name as it prints it."""
    text = text.strip()
    return text if len(text) <= 60 and _DOMAIN.fullmatch(text) else None


def outlet_name(text: str) -> str | None:
    """The outlet `text` names when it is nothing but an outlet's name ("REUTERS", "(Xinhua)")."""
    if len(text) > 60:
        return None
    key = " ".join(text.strip(" .,:;-–—|•()[]").split()).casefold()
    return _OUTLETS.get(key) or _OUTLETS.get(key.removeprefix("the "))


def organisation_byline(name: str) -> bool:
    """ "Reuters Staff", "MT Newswires", "Xinhua News Agency": a byline that names an organisation."""
    words = name.split()
    if not 1 <= len(words) <= 6 or not all(word[0].isupper() or word[0].isdigit() for word in words):
        return False
    return outlet_name(name) is not None or words[-1].lower() in rules.ORG_BYLINE_WORDS | rules.AGENCY_SUFFIXES


def publisher_of_byline(name: str) -> str | None:
    """The outlet in an organisation byline: "Reuters Staff" -> "Reuters", "MT Newswires" -> itself."""
    if outlet_name(name) is not None:
        return outlet_name(name)
    words = name.split()
    while len(words) > 1 and words[-1].lower() in rules.ORG_BYLINE_WORDS:
        words = words[:-1]
    stem = " ".join(words)
    if outlet_name(stem) is not None:
        return outlet_name(stem)
    return stem if words and words[-1].lower() in rules.AGENCY_SUFFIXES else None


def label_only(text: str) -> str | None:
    """The field a bare label names ("Publisher", "Published", "By"), its value on the next line."""
    if len(text) > 40:
        return None
    for field, pattern in _LABEL_ONLY.items():
        if pattern.fullmatch(text):
            return field
    return None


def source_name(text: str) -> str | None:
    """The outlet credited by "(source: CNBC)" or "Source: Reuters", when it is one name."""
    if len(text) > 80:
        return None
    match = _SOURCE.fullmatch(text)
    if match is None:
        credited = _FROM_OUTLET.fullmatch(text)
        if credited is None:
            return None
        name = credited.group("name").strip()
        words = name.split()
        if outlet_name(name) is None and text[:4].lower() == "via " and 1 <= len(words) <= 3:
            return name if all(word[0].isupper() for word in words) else None  # "Via Example Wire"
        return outlet_name(name)
    name = match.group("name").strip(" .")
    dated = _NAME_THEN_DATE.match(name)
    name = dated.group("name").strip() if dated else name
    words = name.split()
    if not 1 <= len(words) <= 5 or any(char in name for char in ",;/") or not words[0][0].isupper():
        return None
    return outlet_name(name) or name


def is_widget(text: str) -> bool:
    """Ad slots, players and reading aids: "Advertisement", "Listen to this article", "3 min read"."""
    return len(text) <= MAX_FURNITURE_CHARS and _WIDGET.fullmatch(text) is not None


def is_photo_credit(text: str) -> bool:
    """ "Photo: Getty Images", "FILE PHOTO: ...", "Credit: REUTERS/...", a caption ending in a credit."""
    if len(text) > MAX_FURNITURE_CHARS * 2:
        return False
    return _PHOTO.fullmatch(text) is not None or _CAPTION.fullmatch(text) or _year_agency_caption(text)


def _year_agency_caption(text: str) -> bool:
    """ "Traders at the exchange, August 23, 2013 Reuters": tested only when the line ends in an agency."""
    if not text.rstrip(" .").endswith(rules.CAPTION_AGENCIES):
        return False
    return _YEAR_AGENCY.fullmatch(text) is not None


def is_image(text: str) -> bool:
    """A Markdown image on its own line: "![A tanker at anchor](https://...)"."""
    return len(text) <= MAX_FURNITURE_CHARS * 3 and _IMAGE.fullmatch(text) is not None


def is_nav_strip(text: str) -> bool:
    """Menu items or headlines run along one line between bars or bullets ("Help | Sitemap | Archive")."""
    if len(text) > MAX_FURNITURE_CHARS * 4 or ("|" not in text and "•" not in text and "·" not in text):
        return False
    parts = [part for part in _NAV_STRIP.split(text) if part.strip()]
    return len(parts) >= MIN_STRIP_ITEMS and all(len(part.split()) <= MAX_STRIP_ITEM_WORDS for part in parts)


def is_dated_caption(text: str) -> bool:
    """ "Voters queue in Lyon, France, Sunday, April 9, 2017.": an agency-style caption, one sentence."""
    if len(text) > MAX_FURNITURE_CHARS or "day," not in text or ". " in text:
        return False
    return _DATED_CAPTION.fullmatch(text) is not None


def is_toc_header(text: str) -> bool:
    return len(text) <= MAX_FURNITURE_CHARS and _TOC.fullmatch(text) is not None


def is_breadcrumbs(text: str) -> bool:
    """ "Home > News > World", "Home News Markets", "• World • Thursday, 22 May 2025" (sections, maybe a date)."""
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    parts = [part.strip() for part in _CRUMB_SPLIT.split(text) if part.strip()]
    if len(parts) >= 2 and parts[0].lower() in rules.CRUMB_LEAD:
        return all(len(part.split()) <= MAX_CRUMB_WORDS for part in parts)
    if len(parts) >= 2 or (parts and text.lstrip()[:1] in rules.CRUMB_SEPARATORS):
        return all(_is_section(part) or _is_date_part(part) for part in parts) and any(
            _is_section(part) for part in parts
        )
    words = text.lower().split()
    return len(words) >= 2 and words[0] in rules.CRUMB_LEAD and all(word in rules.SECTION_WORDS for word in words)


def strip_breadcrumbs(text: str) -> str:
    """A headline without the navigation glued in front of it: "Home News OPEC and ..." -> "OPEC and ..."."""
    parts = _CRUMB_SPLIT.split(text)
    crumbs = [part for part in parts[:-1] if part.strip()]
    home = bool(crumbs) and crumbs[0].strip().lower() in rules.CRUMB_LEAD
    if len(parts) >= 2 and crumbs and home:
        return parts[-1].strip()
    parts = _SECTION_SPLIT.split(text)  # "U.S./China talks" is a headline, not a crumb trail
    if len(parts) >= 2 and all(_is_section(part) for part in parts[:-1] if part.strip()):
        return parts[-1].strip()
    words = text.split()
    if not words or words[0].lower() not in rules.CRUMB_LEAD:
        return text
    index = 1
    while index < len(words) - 3 and words[index].lower() in rules.SECTION_WORDS:
        index += 1
    return " ".join(words[index:]) if index > 1 else text  # "Home sales fall" is a headline


def is_section_label(text: str) -> bool:
    """A section name on its own line ("World News", "Business")."""
    return _is_section(text)


def _is_section(part: str) -> bool:
    words = part.lower().split()
    return 1 <= len(words) <= 3 and all(word in rules.SECTION_WORDS for word in words)


def _is_date_part(part: str) -> bool:
    return parse_date_line(part) is not None


def _visit_for_more(text: str) -> bool:
    return "isit" in text and _VISIT.fullmatch(text) is not None


@line_cache
def is_trailing_furniture(text: str) -> bool:
    """Lines that only ever close a page: disclaimers, credits, contact lines, "Similar News"."""
    return _is_closing_line(text)


def is_closing_bio(text: str) -> bool:
    """ "Jane Doe is a senior correspondent covering ...": the writer's bio, when it closes the page.

    Only the backwards walk over a page's tail applies it (after its bios under a name line), never
    a whole-line test anywhere in a story: there "Ann Roe is a reporter at the paper" is news.
    """
    return len(text) <= MAX_FURNITURE_CHARS and _CLOSING_BIO.fullmatch(text) is not None


def _is_closing_line(text: str) -> bool:
    """Closing lines that are furniture wherever they stand (disclaimers, credits, "Similar News")."""
    if len(text) > MAX_FURNITURE_CHARS * 3:
        return False
    return (
        _TRAILING.fullmatch(text)
        or _visit_for_more(text)
        or _TRAILING_HEADER.fullmatch(text) is not None
        or source_name(text) is not None
        or is_outlet_blurb(text)
        or outlet_list(text)
    )


def is_ticker_line(text: str) -> bool:
    """ "BLDP APHA OSK AC SU": the symbols a page lists beside a story."""
    return len(text) <= MAX_FURNITURE_CHARS and _TICKERS.fullmatch(text) is not None


def is_outlet_blurb(text: str) -> bool:
    """An outlet describing itself ("Reuters, the news and media division of ...") at the end of a page."""
    match = _OUTLET_BLURB.match(text[:MAX_FURNITURE_CHARS])
    return match is not None and outlet_name(match.group("name")) is not None


def outlet_list(text: str) -> bool:
    """ "Reuters · Bloomberg · CNBC": an aggregator's list of the outlets it draws on."""
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    parts = [part.strip() for part in _LIST_SPLIT.split(text) if part.strip()]
    return len(parts) >= 2 and all(outlet_name(part) is not None for part in parts)


def credited_outlet(text: str) -> str | None:
    """ "(Xinhua News Agency September 29, 2006)": an outlet credited in brackets, maybe with a date."""
    if len(text) > MAX_FURNITURE_CHARS or not (text.startswith("(") and text.rstrip(".").endswith(")")):
        return None
    inner = text.rstrip(".")[1:-1].strip()
    match = _NAME_THEN_DATE.fullmatch(inner)
    name = match.group("name").strip() if match else inner
    if outlet_name(name) is not None:
        return outlet_name(name)
    words = name.split()
    if 2 <= len(words) <= 6 and words[-1].lower() in rules.AGENCY_SUFFIXES and all(w[0].isupper() for w in words):
        return name
    return None


def syndicated_source(text: str) -> str | None:
    """The outlet a feed footer says the story first ran on ("The post ... appeared first on X.")."""
    lowered = text.lower()
    if len(text) > MAX_FURNITURE_CHARS or ("appeared" not in lowered and "published" not in lowered):
        return None
    match = _SYNDICATED.fullmatch(text)
    if match is None or len(match.group("name").split()) > MAX_SOURCE_WORDS:
        return None
    return outlet_name(match.group("name")) or match.group("name").strip()


def site_footer(text: str) -> str | None:
    """The site a footer names beside its address ("Example Daily Online --- http://example.com/")."""
    if len(text) > MAX_FURNITURE_CHARS or ("http" not in text and "www." not in text):
        return None
    match = _SITE_FOOTER.fullmatch(text)
    return (outlet_name(match.group("name")) or match.group("name")) if match else None


def is_relative_time(text: str) -> bool:
    """ "3 hours ago", "just now": when a feed item ran."""
    return len(text) <= MAX_STRIP_ITEM_WORDS * 4 and _RELATIVE_TIME.fullmatch(text) is not None


def is_release_end(text: str) -> bool:
    """Press-release end matter: an address on its own, "SOURCE Example Corp", a download list."""
    if len(text) > MAX_FURNITURE_CHARS or not (
        text.startswith(("SOURCE", "The following", "the following")) or "http" in text or "www." in text
    ):
        return False
    return _RELEASE_END.fullmatch(text) is not None


def copyright_holder(text: str, *, known_only: bool = False) -> str | None:
    """The outlet a copyright line names ("© 2025 Reuters. All rights reserved."), when it is one,
    the site's own domain ("Copyright © 2012 Example.com. All Rights Reserved.") or, unless
    `known_only`, another organisation's name ("© 2024 Valley Public Radio"). Under a headline a
    copyright line is a photo's credit ("© Ann Roe"), so there only known outlets count."""
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    match = _COPYRIGHT.match(text)
    named = outlet_name(match.group("name")) if match else None
    if named is not None or match is None:
        return named
    domain = _COPYRIGHT_DOMAIN.match(text)
    if domain is not None:
        return domain.group("domain")
    return None if known_only else _holder_name(match.group("name"))


def _holder_name(name: str) -> str | None:
    """A copyright holder not in the outlet table, when it reads as an organisation's name:
    "Connecticut Public", "University of Missouri - KBIA"; not a picture library ("Getty Images") nor a
    company by its legal form ("Example Holdings Ltd"), which owns the site rather than names it."""
    words = [word for word in name.split() if word not in ("-", "–")]
    if not 1 <= len(words) <= MAX_SOURCE_WORDS or words[-1].lower() in rules.NOT_OUTLET_HOLDER_WORDS:
        return None
    if not all(word[0].isupper() or word[0].isdigit() or word in ("of", "and", "for", "the") for word in words):
        return None
    return " ".join(name.split())


def title_place_dateline(line: str) -> WireDateline | None:
    """ "New Delhi: India reported ...", "New Delhi, Apr 02, 2020: The ministry ...": a place in title
    case and a colon opening the story (not a kicker such as "Update:")."""
    dated = _DATE_COLON.match(line[:MAX_DATELINE_CHARS])
    if dated is not None and dated.group("month").lower().rstrip(".") in _MONTHS:
        return WireDateline(None, dated.group("month"), int(dated.group("day")), None, dated.end())
    match = _TITLE_PLACE_COLON.match(line[:MAX_DATELINE_CHARS])
    if match is None or any(word.lower() in rules.KICKER_WORDS for word in match.group("place").split()):
        return None
    if outlet_name(match.group("place")) is not None:
        return None
    day, year = match.group("day"), match.group("year")
    return WireDateline(None, match.group("month"), int(day) if day else None, int(year) if year else None, match.end())


def is_place_date_line(text: str) -> bool:
    """ "Kathmandu, December 25": a dateline on its own line, a place in title case and the day."""
    if len(text) > MAX_PLACE_DATE_CHARS or "," not in text or not text[:1].isupper():
        return False
    match = _PLACE_DATE_LINE.fullmatch(text)
    return match is not None and match.group("month").lower() in _MONTHS


def sign_off(line: str) -> tuple[int, str] | None:
    """(offset, outlet) of a wire's sign-off closing a paragraph: "... territory. — AFP", "... IANS"."""
    tail = line[-MAX_SIGN_OFF_CHARS:]
    bracketed = _BRACKETED_SIGN_OFF.search(tail)
    if bracketed is not None and bracketed.group("name").lower() not in rules.WIRE_END_MARKS:
        name = bracketed.group("name")
        return len(line) - len(tail) + bracketed.start(), outlet_name(name) or name
    match = _SIGN_OFF.search(tail) or _BARE_SIGN_OFF.search(tail)
    if match is None or outlet_name(match.group("name")) is None:
        return None
    return len(line) - len(tail) + match.start(), outlet_name(match.group("name")) or ""


def reporter_sign_off(line: str) -> tuple[int, str] | None:
    """(offset, name) of a reporter credited in brackets after the last sentence: "... he added. (Ann Roe)"."""
    tail = line[-MAX_SIGN_OFF_CHARS:]
    match = _BRACKETED_REPORTER.search(tail)
    if match is None:
        return None
    words = {word.lower().rstrip(".") for word in match.group("name").split()}
    if words & (rules.KICKER_WORDS | rules.NOT_REPORTER_WORDS):
        return None  # "(Photo Gallery)", "(Additional Reporting)": a note, not a name
    return len(line) - len(tail) + match.start(), match.group("name")


def headline_source(text: str) -> tuple[str, str] | None:
    """(headline, outlet) of a page title that ends in its outlet: "Fed holds rates | Reuters"."""
    match = _TITLE_SOURCE.fullmatch(text) if len(text) <= MAX_FURNITURE_CHARS else None
    if match is None or outlet_name(match.group("outlet")) is None:
        return None
    return match.group("headline").strip(), outlet_name(match.group("outlet")) or ""


def is_profile_header(text: str) -> bool:
    """ "About Example Corp", "Example Corp Company Profile": a closing profile, not the story."""
    return len(text) <= 80 and _PROFILE_HEADER.fullmatch(text) is not None


def is_trailing_header(text: str) -> bool:
    return len(text) <= MAX_FURNITURE_CHARS and _TRAILING_HEADER.fullmatch(text) is not None


@line_cache
def is_leading_furniture(text: str) -> bool:
    """Lines that sit above a story and are not its metadata: ads, credits, crumbs, a contents header."""
    return is_widget(text) or is_photo_credit(text) or is_breadcrumbs(text) or is_toc_header(text)


@line_cache
def is_furniture_line(line: str) -> bool:
    """True when a whole line is page furniture, wherever it stands; claims and figures skip such lines."""
    if is_rule(line.strip()) or is_image(line.strip()):
        return True
    text = clean(line.strip())
    if not text:
        return False
    return (
        is_leading_furniture(text)
        or is_call_to_action(text)
        or is_navigation_header(text)
        or is_about_author_header(text)
        or is_labelled_furniture(text)
        or _is_closing_line(text)
        or sentiment_line(text) is not None
    )


def furniture_line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every whole line of furniture inside `text[start:end]`, such as an
    "Advertisement" slot or a photo caption in the middle of a story, for extractors to skip."""
    end = len(text) if end is None else end
    return [
        (line.start, line.end)
        for line in split_lines(text, line_start_at_or_after(text, start), end)
        if _is_furniture_text(line.text)
    ]


def on_furniture_lines(text: str, offsets: Iterable[int]) -> list[bool]:
    """For each offset, whether the line of `text` holding it is furniture, as `furniture_line_spans`
    reads lines; each line is tested once. For an extractor that needs to ask only of the lines its
    finds are on (a figure on "ALSO READ: Gold hits $2,400"), not of every line of the story."""
    verdict: dict[int, bool] = {}
    out = []
    for pos in offsets:
        start = text.rfind("\n", 0, pos) + 1
        if start not in verdict:
            end = text.find("\n", pos)
            verdict[start] = _is_furniture_text(text[start : end if end >= 0 else len(text)].strip())
        out.append(verdict[start])
    return out


def _is_furniture_text(line: str) -> bool:
    """A stripped line is furniture: not blank, not longer than furniture runs (a longer one is story)."""
    return bool(line) and len(line) <= MAX_FURNITURE_CHARS * 3 and is_furniture_line(line)


def leading_furniture_end(text: str, start: int = 0, end: int | None = None) -> int:
    """The first offset in `text[start:end]` past leading furniture lines and a wire dateline."""
    end = len(text) if end is None else end
    for line in split_lines(text, line_start_at_or_after(text, start), end):
        if line.blank or is_furniture_line(line.text):
            continue
        offset = line.start + (len(text[line.start : line.end]) - len(text[line.start : line.end].lstrip()))
        dateline = wire_dateline(line.text)
        return offset + dateline.end if dateline is not None else offset
    return end


def trailing_furniture_start(text: str, start: int = 0) -> int:
    """Where the trailing furniture of `text` begins (len(text) when there is none)."""
    # Imported here: the backwards walk in `trailers` is built on the line tests above.
    from newsfacts.metadata.trailers import read_trailer

    return read_trailer(text, start).body_end
