"""The header of a news page as scrapers and feeds deliver it, and where its story starts.

Above the story there may be, in almost any order: navigation and ad slots, a masthead, a
section line, the headline, a standfirst, a byline, a dateline, photo credits and captions,
and a table of contents. The walk reads the first lines one by one, takes what each states
(title, author, date, publisher) and stops at the first line of prose. When that line opens with
a wire dateline ("LONDON (Reuters) -") the dateline is header too: it names the publisher and
the story starts after it. Nothing is inferred: a value not written in the header stays None.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from newsfacts.metadata import furniture
from newsfacts.metadata.byline import (
    Byline,
    byline_names,
    dateline_date,
    is_by_credit,
    is_date_label_line,
    outlet_dateline,
    read_bare_byline,
    read_byline,
    unwrap,
    updated_date,
)
from newsfacts.metadata.dates import month_day, stated_year
from newsfacts.metadata.lines import Line
from newsfacts.metadata.title import (
    has_headline_shape,
    headline_text,
    is_prose,
    is_setext_underline,
    setext_title,
)

MAX_HEAD_LINES = 40
# A standfirst is a paragraph between the headline and a byline or dateline.
MAX_STANDFIRST_WORDS = 80
STANDFIRST_LOOKAHEAD = 2
# Key points or a summary may stand between the headline and the wire dateline.
DATELINE_LOOKAHEAD = 6
# A byline may still follow the first paragraph ("... \n\nBy Jane Doe").
BYLINE_LOOKAHEAD = 3
MAX_TOC_ITEMS = 20
MAX_TOC_ITEM_WORDS = 10
MAX_SHORT_LINE_WORDS = 2
MAX_PUBLISHER_WORDS = 5
# A short title-cased line above the real headline is a kicker or column name ("Markets Live").
MAX_KICKER_WORDS = 3

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_NO_DECK_END = (".", "!", "?", "…", ",", ";", ":")
_PROSE_END = (".", "!", "?", "”", '"', "’", ")")
# "date 2021-04-26 ..." opening a line: a labelled ISO date, possibly followed by the story itself.
_DATE_PREFIX = re.compile(r"date:?\s+(?P<date>\d{4}-\d{2}-\d{2})\b[\s\-–—]*", re.I)
_STAFF_WORDS = frozenset({"staff", "newsroom", "desk", "bureau", "newswires", "network"})
_SECTION_TAILS = frozenset({"News", "Stories", "Updates", "Headlines"})
_AGENCY_WORDS = frozenset({"press", "news", "newswire", "newswires", "wire", "agency"})
_DANGLING_VALUES = frozenset({"on", "at", "by", "in", ":"})
# "Jul 24, 2023 | Spain's ...": a date, then a bar or dash, then the story on the same line.
_DATE_THEN_STORY = re.compile(r"(?P<date>[^|–—]{6,40}?)\s+(?:\||–|—|-{1,2})\s+(?=\S)")
_BULLET = re.compile(r"[•*·–-]\s+\S")
_BULLET_MARKS = "•*·–-"
# A menu: this many short lines in a row, no blank line between them.
MIN_MENU_ITEMS = 3
MAX_MENU_ITEM_WORDS = 6
# A deck under the headline: one unpunctuated line of at most this many words, then the story.
MAX_DECK_WORDS = 30
MIN_REPRINT_SHARE = 0.6
MIN_REPEATED_HEADLINE_CHARS = 15
MAX_LABEL_CHARS = 40
_PAGE_TITLE_JOINERS = (" - ", " – ", " — ", " | ", " :: ")
_PARENTHETICAL = re.compile(r"\([^()]{1,80}\)")
MAX_LONE_DATELINE_TAIL_WORDS = 3
MAX_LONE_DATELINE_CHARS = 80
# A caption printed twice: at least this long, the copy within this many lines.
MIN_CAPTION_WORDS = 6
CAPTION_REPEAT_LOOKAHEAD = 6
# A picture credit as "photographer/agency": names joined by a slash, nothing else on the line.
_SLASH_CREDIT = re.compile(r"[\w.'’-]+(?:[ ][A-Z][\w.'’-]*){0,2}[ ]?/[ ]?[A-Z\w][\w.'’-]*(?:[ ][\w.'’-]+){0,2}")
MAX_CREDIT_NAME_WORDS = 4
_LEADING_TAGS = re.compile(r"(?:<[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>\s*)+")
# "By Ann Roe THE EXAMPLE PRESS OTTAWA — The ...": a byline, the outlet and place in capitals, a dash,
# and the story on the same line.
_INLINE_BYLINE = re.compile(
    r"By[ ](?P<name>[A-Z][\w.'’-]*[a-z](?:[ ][A-Z]\.)?(?:[ ][A-Z][\w.'’-]*[a-z]){1,2})[ ]"
    r"(?P<caps>[A-Z][A-Z'’.&]+(?:[ ][A-Z][A-Z'’.&]+){0,6})[ ]?(?:--|-|–|—)[ ]?(?=[A-Z“\"‘'])"
)


@dataclass(frozen=True, slots=True)
class Header:
    """What the header states; `body_start` is where the story's first paragraph begins."""

    title: str | None
    author: str | None
    published_date: datetime.date | None
    published_text: str | None
    publisher: str | None
    body_start: int


@dataclass(slots=True)
class _State:
    title: str | None = None
    author: str | None = None
    date: datetime.date | None = None
    date_text: str | None = None
    updated: datetime.date | None = None
    updated_text: str | None = None
    publisher: str | None = None
    years: set[int] = field(default_factory=set)
    seen_meta: bool = False
    skip: int = 0
    captions: set[str] = field(default_factory=set)


def read_header(text: str, lines: list[Line], start: int, *, known_title: str | None = None) -> Header:
    """The header in `lines` (the top of `text` from `start`), with `body_start`.

    With `known_title` (front matter has one) no other line is taken as the headline; a heading
    that repeats it is header all the same.
    """
    items = [line for line in lines if not line.blank][:MAX_HEAD_LINES]
    state = _State()
    body_start = start
    index = 0
    prose_index: int | None = None
    while index < len(items):
        line = items[index]
        consumed = _header_line(items, index, state, known_title)
        if consumed:
            body_start = items[index + consumed - 1].end
            index += consumed
            continue
        prose_index = index
        body_start = _story_start(text, line, state)
        break
    if prose_index is not None:
        _byline_after_first_paragraph(items[prose_index + 1 : prose_index + 1 + BYLINE_LOOKAHEAD], state)
    date, date_text = (state.date, state.date_text) if state.date else (state.updated, state.updated_text)
    if date is None and state.years and prose_index is not None:
        date, date_text = _wire_date(items[prose_index].text, state.years)
    return Header(state.title, state.author, date, date_text, state.publisher, body_start)


def _header_line(items: list[Line], index: int, state: _State, known_title: str | None) -> int:
    """How many lines from `index` are header (0 when `items[index]` is the story's first line)."""
    raw = items[index].text
    if furniture.is_image(raw):
        return 1
    text = furniture.clean(unwrap(raw))
    if not text or not any(char.isalnum() for char in text):  # only marks ("|", "/", "***"): header once begun
        return 1 if state.title is not None or state.seen_meta else 0
    prefix = _DATE_PREFIX.match(raw) or _DATE_THEN_STORY.match(raw)
    if prefix is not None and _date(prefix.group("date"), state):
        rest = raw[prefix.end() :]
        if rest and (furniture.is_photo_credit(rest) or _is_lone_dateline(rest, True, state)):
            return 1  # "date 2021-07-20 The minister at a rally. (Photo/Agency)": a caption, no headline
        title = headline_text(rest, _following(items, index)) if rest and state.title is None else None
        if title is not None and known_title is None:
            state.title = title  # "date 2017-06-05 Toll in outbreak hits 700: WHO"
            return 1
        if not rest or _PARENTHETICAL.fullmatch(rest) or not is_prose(rest):
            return 1  # "date 2021-04-26 US Markets": the rest of the line is navigation
        state.skip = prefix.end()
        return 0
    following = _following(items, index)
    if following and text[:1] in _BULLET_MARKS and _folded(text[1:]) == _folded(furniture.clean(unwrap(following[0]))):
        return 1  # "• Calls to act" above "Calls to act": the last crumb of a trail, the headline under it
    label = furniture.label_only(text)
    if label is not None and following:
        return 1 + _labelled_value(label, following[0], state)
    if furniture.is_toc_header(text):
        return 1 + _toc_items(items[index:])
    if furniture.is_breadcrumbs(text):
        _section_dates(text, state)
        return 1
    if furniture.is_widget(text) or furniture.is_photo_credit(text) or furniture.is_contact_line(text):
        return 1
    if text.startswith("By ") and _INLINE_BYLINE.match(text) is not None:
        return 0  # "By Ann Roe THE EXAMPLE PRESS OTTAWA — The ...": the story, which `_story_start` opens
    if state.title is not None and furniture.is_byline_role(text):
        return 1  # "Staff Writer" under the writer's name
    if _byline(text, state) or _date(text, state):
        return 1
    if is_date_label_line(text):
        state.seen_meta = True
        return 1
    if _outlet_and_date(text, state):
        return 1
    if furniture.is_place_date_line(text):
        state.seen_meta = True
        _date(text.split(",", 1)[1].strip(), state)  # a date only when it has its year
        return 1
    if _is_lone_dateline(text, bool(following), state):
        return 1
    if _credit_strip(text, state):
        return 1
    if furniture.is_nav_strip(text):
        if state.title is not None and not state.seen_meta and known_title is None:
            state.title = None  # the line above labelled the strip ("Off the wire"): no headline
        return 1
    if state.title is None and known_title is None:
        menu = _menu_run(items, index)
        if menu:
            return menu
        if _is_menu_label(raw, following):
            return 1
    if state.title is not None and furniture.is_dated_caption(text):
        return 1
    if state.title is not None and _is_repeated_caption(items, index, state):
        return 1  # a picture's caption, printed again a few lines on: a story never repeats its sentence
    if state.title is not None and (
        ("/" in text and _SLASH_CREDIT.fullmatch(text))
        or (following and following[0] == "/" and len(text.split()) <= MAX_CREDIT_NAME_WORDS)
    ):
        return 1  # "scantaur/iStock", "Ann Roe / KCUR" (maybe across lines): a picture's credit
    if state.title is not None and known_title is None and _is_bulleted_standfirst(items, index):
        return 1  # "- Police seized 19 cars ...": a summary under the headline, above the story
    outlet = furniture.outlet_name(text) or furniture.source_name(text)
    if outlet is None and state.title is None:
        outlet = furniture.domain_masthead(text)
    if outlet is not None:
        state.publisher = state.publisher or outlet
        return 1
    if furniture.is_labelled_furniture(text) or furniture.is_call_to_action(text):
        _note_years(text, state)
        state.publisher = state.publisher or furniture.copyright_holder(text, known_only=state.title is not None)
        return 1
    if is_by_credit(text) and (state.title is not None or known_title is not None):
        state.seen_meta = True
        return 1
    if state.author is None and (state.title is not None or known_title is not None) and _staff_byline(text):
        state.author = text
        state.publisher = state.publisher or furniture.publisher_of_byline(text)
        state.seen_meta = True
        return 1
    if state.author is None and (state.title is not None or known_title is not None):
        bare = read_bare_byline(text, following[0] if following else None)
        if bare is not None:
            _take_byline(bare, state)
            return 1
    if (state.title is not None or known_title is not None) and _is_label_line(text):
        return 1
    if (state.seen_meta or state.title is not None) and _is_category_label(text, following):
        return 1
    if state.title is not None and " ".join(text.split()).casefold() == state.title.casefold():
        return 1  # the headline printed twice (page title, then the story's own heading)
    if known_title is None and state.title is not None and len(state.title.split()) <= MAX_KICKER_WORDS:
        later = headline_text(raw, following)
        if later is not None and len(later.split()) > len(state.title.split()):
            state.title = later  # the earlier, shorter line was a kicker or a column name
            return 1
    if _continues(items, index):
        return 0  # a hard-wrapped line of prose: the next line carries on its sentence
    if state.title is None and known_title is None and _masthead_page_title(text, following, state):
        return 1
    if state.title is None:
        underlined = bool(following) and is_setext_underline(following[0])
        title = _without_source(setext_title(raw) if underlined else headline_text(raw, following), state)
        if title is not None and known_title is not None:
            if title.casefold() != " ".join(known_title.split()).casefold():
                return 0
            state.title = known_title
            return 2 if underlined else 1
        if title is not None:
            state.title = title
            return 2 if underlined else 1
        if known_title is None and _is_nav_word(text):
            return 1
        if known_title is None and _is_neighbour_headline(raw, following):
            return 1
    if _is_standfirst(text, following, state, known_title is not None) or _is_deck(items, index, state):
        return 1
    if (state.title is not None or known_title is not None) and _dateline_ahead(items, index):
        return 1  # a summary or key points above the wire dateline, where the story starts
    return 0


def _is_bulleted_standfirst(items: list[Line], index: int) -> bool:
    """One bulleted paragraph of whole sentences under the headline, prose after it and no second
    bullet: a summary set as a bullet ("- Police seized 19 cars. An inquiry is open."). A list of two
    or more items there is the story's own list."""
    if index == 0 or index + 1 >= len(items) or not _BULLET.match(items[index].text):
        return False
    text, nxt = items[index].text, items[index + 1].text
    if _BULLET.match(nxt) or (index > 1 and _BULLET.match(items[index - 1].text)):
        return False
    return bool(_SENTENCE_END.search(text)) and len(text.split()) <= MAX_STANDFIRST_WORDS and is_prose(nxt)


def _credit_strip(text: str, state: _State) -> bool:
    """ "PTI | Jaipur | Updated: 30-10-2021 23:52 IST": the outlet, a place and the date between bars.

    The first part must be an outlet's name and another part a date, so a menu ("News | Sport |
    Weather") is no credit strip."""
    if "|" not in text:
        return False
    parts = [part.strip() for part in text.split("|") if part.strip()]
    outlet = furniture.outlet_name(parts[0]) if len(parts) >= 2 else None
    if outlet is None:
        return False
    dated = next((part for part in parts[1:] if updated_date(part) or dateline_date(part)), None)
    if dated is None:
        return False
    state.publisher = state.publisher or outlet
    _date(dated, state)
    return True


def _is_menu_label(text: str, following: list[str]) -> bool:
    """ "Public Files:" above "WEDH · WEDN · WNPR": a short label with a colon that heads a strip or
    menu above the headline (a line of the story opening a list runs longer)."""
    words = text.split()
    if not text.endswith(":") or not 1 <= len(words) <= MAX_KICKER_WORDS + 1 or not following:
        return False
    return furniture.is_nav_strip(following[0])


def _is_repeated_caption(items: list[Line], index: int, state: _State) -> bool:
    """A line under the headline that recurs within the next few lines, or repeats one taken so: the
    caption of a picture that the page prints with each copy of it (the story's own text never does)."""
    text = items[index].text
    if text.count(" ") < MIN_CAPTION_WORDS - 1:
        return False
    if text in state.captions or any(
        line.text == text for line in items[index + 1 : index + 1 + CAPTION_REPEAT_LOOKAHEAD]
    ):
        state.captions.add(text)
        return True
    return False


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_lone_dateline(text: str, more: bool, state: _State) -> bool:
    """ "NORTH CAROLINA, March 4 - Raleigh": a dateline on its own line, with at most a place after it
    and the story still to come. It is header (a headline never opens with a dateline)."""
    if not more or len(text) > MAX_LONE_DATELINE_CHARS or ("," not in text and "(" not in text):
        return False
    dateline = furniture.wire_dateline(text)
    if dateline is None:
        return False
    rest = text[dateline.end :].split()
    if len(rest) > MAX_LONE_DATELINE_TAIL_WORDS or (rest and _SENTENCE_END.search(rest[-1])):
        return False
    if dateline.agency is not None:
        state.publisher = state.publisher or furniture.outlet_name(dateline.agency) or dateline.agency
    if dateline.year is not None:
        state.years.add(dateline.year)
    state.seen_meta = True
    return True


def _outlet_and_date(text: str, state: _State) -> bool:
    """A header line naming the outlet with its date ("Xinhua, December 11, 2015")."""
    found = outlet_dateline(text)
    if found is None:
        return False
    state.publisher = state.publisher or found[0]
    return _date(found[1], state)


def _menu_run(items: list[Line], index: int) -> int:
    """How many lines from `index` form a menu: short unpunctuated lines with no blank line between.

    A headline closing the run (a blank line, then the story under it) is left out of it."""
    if index + MIN_MENU_ITEMS > len(items) or any(
        items[i].start != items[i - 1].end + 1 for i in range(index + 1, index + MIN_MENU_ITEMS)
    ):
        return 0  # fewer lines in a row than a menu has: the common case, settled cheaply
    run = 0
    for position in range(index, len(items)):
        if position > index and items[position].start != items[position - 1].end + 1:
            break
        if not _is_menu_item(furniture.clean(unwrap(items[position].text))):
            break
        run += 1
    if run < MIN_MENU_ITEMS:
        return 0
    last = index + run - 1
    after = _following(items, last)
    if headline_text(items[last].text, after) is not None and not (after and headline_text(after[0], after[1:])):
        run -= 1  # the headline closing the run; when another headline follows it, it was a menu item
    return run


def _is_menu_item(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_MENU_ITEM_WORDS or _SENTENCE_END.search(text) or text.endswith((",", ":")):
        return False
    return not (
        read_byline(text, dash=True) is not None
        or dateline_date(text) is not None
        or updated_date(text) is not None
        or furniture.outlet_name(text) is not None
        or furniture.wire_dateline(text) is not None
    )


def _is_neighbour_headline(raw: str, following: list[str]) -> bool:
    """A headline-shaped line right above the page's real headline, which a byline or date follows:
    a neighbouring story's link ("Port strike ends" / "Toolmaker lifts outlook" / "By Ann Roe")."""
    if len(following) < 2 or not has_headline_shape(raw) or headline_text(following[0], following[1:]) is None:
        return False
    after = furniture.clean(unwrap(following[1]))
    return read_byline(after) is not None or dateline_date(after) is not None or updated_date(after) is not None


def _is_deck(items: list[Line], index: int, state: _State) -> bool:
    """One unpunctuated line between the headline and the story's first paragraph: a deck or a
    second printing of the headline ("Firm's second launch with 50 more to go")."""
    if state.title is None or index == 0 or index + 1 >= len(items):
        return False
    text = items[index].text
    words = text.split()
    if not words or len(words) > MAX_DECK_WORDS or text.endswith(_NO_DECK_END):
        return False
    if " ".join(furniture.clean(unwrap(items[index - 1].text)).split()).casefold() != state.title.casefold():
        return False  # a deck stands right under the headline
    if not has_headline_shape(text):
        return False
    nxt = items[index + 1].text
    if not (is_prose(nxt) and nxt.rstrip("*_").endswith(_PROSE_END) and not nxt[:1].islower()):
        return False
    if items[index + 1].start == items[index].end + 1:  # no blank line: one paragraph, unless a reprint
        return _shared_words(text, state.title) >= MIN_REPRINT_SHARE
    return True


def _shared_words(text: str, title: str) -> float:
    """Share of `text`'s words that the headline has too (case folded)."""
    words = [word.casefold() for word in re.findall(r"\w+", text)]
    title_words = {word.casefold() for word in re.findall(r"\w+", title)}
    return sum(1 for word in words if word in title_words) / len(words) if words else 0.0


def _without_source(title: str | None, state: _State) -> str | None:
    """The headline without the outlet a page title appends ("... | Reuters"), which names the publisher."""
    if title is None:
        return None
    split = furniture.headline_source(title)
    if split is None:
        return title
    state.publisher = state.publisher or split[1]
    return split[0]


def _following(items: list[Line], index: int) -> list[str]:
    """The texts of the lines after `items[index]`."""
    return [line.text for line in items[index + 1 :]]


def _continues(items: list[Line], index: int) -> bool:
    """True when the very next line (no blank between) starts in lower case, mid-sentence."""
    if index + 1 >= len(items):
        return False
    line, nxt = items[index], items[index + 1]
    return nxt.start == line.end + 1 and nxt.text[:1].islower() and read_byline(nxt.text) is None


def _is_nav_word(text: str) -> bool:
    """A menu word, ticker or section name above the headline ("Menu", "BLDP", "US Markets").

    A sentence-case phrase ("What happened") is a heading of the story itself and stays in it; a
    phrase in lower case ("brand logo") is an image's alt text, and "<Name> News" a section.
    """
    words = text.split()
    if not words or len(words) > MAX_SHORT_LINE_WORDS or _SENTENCE_END.search(text):
        return False
    if text.islower() or (words[-1] in _SECTION_TAILS and all(word[:1].isupper() for word in words)):
        return True
    return len(words) == 1 or text.isupper() or furniture.is_section_label(text)


def _is_label_line(text: str) -> bool:
    """A section name or a capitalised kicker near the headline ("World News", "PAIN AT THE PUMP")."""
    if furniture.is_section_label(text):
        return True
    words = text.split()
    return len(words) <= MAX_KICKER_WORDS + 2 and text.isupper() and not _SENTENCE_END.search(text)


def _masthead_page_title(text: str, following: list[str], state: _State) -> bool:
    """ "The Weekend Leader - COVID-19: Ministry releases data" above "COVID-19: Ministry releases data":
    a page title joining the site's name to the headline printed under it. The name is the publisher."""
    if not following or not any(joiner in text for joiner in _PAGE_TITLE_JOINERS):
        return False
    headline = " ".join(furniture.clean(unwrap(following[0])).split())
    if len(headline) < MIN_REPEATED_HEADLINE_CHARS or headline == text:
        return False
    for joiner in _PAGE_TITLE_JOINERS:
        if text.endswith(joiner + headline):
            site = text[: -len(joiner + headline)].strip()
        elif text.startswith(headline + joiner):
            site = text[len(headline + joiner) :].strip()
        else:
            continue
        words = site.split()
        if 1 <= len(words) <= MAX_PUBLISHER_WORDS and all(word[0].isupper() or word[0].isdigit() for word in words):
            state.publisher = state.publisher or furniture.outlet_name(site) or site
            return True
    return False


def _is_category_label(text: str, following: list[str]) -> bool:
    """A category under the byline or date, just above the story ("IT Leadership"): a few words
    with no closing punctuation, then prose."""
    if len(text) > MAX_LABEL_CHARS:
        return False
    words = text.split()
    if not words or len(words) > MAX_KICKER_WORDS or _SENTENCE_END.search(text) or text.endswith((",", ":")):
        return False
    if not following or _BULLET.match(following[0]):
        return False
    return is_prose(following[0]) and following[0].rstrip("*_").endswith(_PROSE_END)


def _staff_byline(text: str) -> bool:
    """ "Reuters Staff" alone under the headline: an organisation's byline without "By"."""
    words = text.split()
    return (
        2 <= len(words) <= MAX_PUBLISHER_WORDS
        and words[-1].lower() in _STAFF_WORDS
        and (furniture.organisation_byline(text))
    )


def _labelled_value(label: str, value: str, state: _State) -> int:
    """Read the value under a bare label ("Publisher" / "Reuters"); 1 when it was taken."""
    text = furniture.clean(unwrap(value))
    if text.lower() in _DANGLING_VALUES:  # "Published" / "on": the value itself was not scraped
        return 1
    if label == "author":
        byline = byline_names(text)
        if byline is None:
            return 0
        _take_byline(byline, state)
        return 1
    if label == "publisher":
        words = text.split()
        if not 1 <= len(words) <= MAX_PUBLISHER_WORDS or not words[0][0].isupper() or _SENTENCE_END.search(text):
            return 0
        state.publisher = state.publisher or furniture.outlet_name(text) or text
        return 1
    date = dateline_date(text)
    if date is None:
        return 0
    if label == "published":
        state.date, state.date_text = state.date or date, state.date_text or text
    else:
        state.updated, state.updated_text = state.updated or date, state.updated_text or text
    _note_years(text, state)
    state.seen_meta = True
    return 1


def _toc_items(items: list[Line]) -> int:
    """The items under a contents or key-points header (`items[0]`).

    Contents entries are short and run to the first blank line; key points are bulleted
    sentences ("• Bookings rose 8% in May."), taken while the bullets last.
    """
    count = 0
    for previous, line in zip(items, items[1 : MAX_TOC_ITEMS + 1], strict=False):
        if _BULLET.match(line.text) and len(line.text.split()) <= MAX_STANDFIRST_WORDS:
            count += 1
            continue
        if line.start > previous.end + 2 or len(line.text.split()) > MAX_TOC_ITEM_WORDS:
            break
        if _SENTENCE_END.search(line.text):
            break
        count += 1
    return count


def _section_dates(text: str, state: _State) -> None:
    """ "• World • Thursday, 22 May 2025": the date a section line carries."""
    for part in re.split(r"[•·|›»>/]", text):
        date = dateline_date(part.strip())
        if date is not None and state.date is None:
            state.date, state.date_text = date, part.strip()
            _note_years(part, state)


def _byline(text: str, state: _State) -> bool:
    dash = state.title is not None and state.author is None
    byline = read_byline(text, dash=dash)
    if byline is None:
        return False
    _take_byline(byline, state)
    return True


def _take_byline(byline: Byline, state: _State) -> None:
    state.author = state.author or byline.author
    state.publisher = state.publisher or byline.publisher
    if byline.published_date is not None and state.date is None:
        state.date, state.date_text = byline.published_date, byline.published_date.isoformat()
        state.years.add(byline.published_date.year)
    state.seen_meta = True


def _date(text: str, state: _State) -> bool:
    """A dateline ("Published Sept. 18, 2024") or an update line ("Update: 2017-09-12 21:29 GMT")."""
    updated = updated_date(text)
    if updated is not None:
        state.updated, state.updated_text = state.updated or updated, state.updated_text or text
        state.years.add(updated.year)
        state.seen_meta = True
        return True
    date = dateline_date(text)
    if date is None:
        return False
    state.date, state.date_text = state.date or date, state.date_text or text
    state.years.add(date.year)
    state.seen_meta = True
    return True


def _note_years(text: str, state: _State) -> None:
    year = stated_year(text) if "©" in text or "copyright" in text.lower() else None
    if year is not None:
        state.years.add(year)


def _is_standfirst(text: str, following: list[str], state: _State, title_known: bool) -> bool:
    """A summary paragraph under the headline that a byline or dateline still follows."""
    if (state.title is None and not title_known) or state.seen_meta:
        return False
    if len(text.split()) > MAX_STANDFIRST_WORDS:
        return False
    for offset, later in enumerate(following[:STANDFIRST_LOOKAHEAD]):
        later = furniture.clean(unwrap(later))
        if read_byline(later, dash=True) is not None or dateline_date(later) or updated_date(later):
            return len(following) > offset + 1  # the story still follows the byline or date
        if furniture.is_toolbar(later):
            return len(following) > offset + 1  # "comments Print": the article's tools, where the story starts
    return False


def _dateline_ahead(items: list[Line], index: int) -> bool:
    """True when a paragraph opening with a wire dateline follows within a few short lines."""
    for line in items[index + 1 : index + 1 + DATELINE_LOOKAHEAD]:
        if furniture.wire_dateline(line.text) is not None and is_prose(line.text):
            return furniture.wire_dateline(items[index].text) is None
        if len(line.text.split()) > MAX_STANDFIRST_WORDS:
            return False
    return False


def _story_start(text: str, line: Line, state: _State) -> int:
    """The offset of the story's first character: past a wire dateline that opens the paragraph."""
    raw = text[line.start : line.end]
    first = line.start + len(raw) - len(raw.lstrip()) + state.skip
    opening = line.text[state.skip :]
    tags = _LEADING_TAGS.match(opening)
    if tags is not None:  # '<span style="...">The minister ...': markup the scraper left in
        first, opening = first + tags.end(), opening[tags.end() :]
    inline = _INLINE_BYLINE.match(opening) if opening.startswith("By ") else None
    if inline is not None:
        _inline_byline(inline, state)
        return first + inline.end()
    dateline = furniture.wire_dateline(opening) or furniture.title_place_dateline(opening)
    if dateline is None:
        dated = _DATE_THEN_STORY.match(opening)
        if dated is not None and is_prose(opening[dated.end() :]) and _date(dated.group("date"), state):
            return first + dated.end()  # "Thursday November 9, 2017 - The governor ...": a date dateline
        return first
    if dateline.agency is not None:
        state.publisher = state.publisher or furniture.outlet_name(dateline.agency) or dateline.agency
    if dateline.year is not None:
        state.years.add(dateline.year)
    return first + dateline.end


def _inline_byline(match: re.Match[str], state: _State) -> None:
    """The writer, and the outlet when the capitals open with one ("THE EXAMPLE PRESS OTTAWA"): its
    name ends in an agency word (PRESS, NEWS, WIRE) or is a known outlet; what follows is the place."""
    state.author = state.author or match.group("name")
    words = match.group("caps").split()
    for end in range(len(words), 0, -1):
        name = " ".join(words[:end])
        known = furniture.outlet_name(name)
        if known is not None or (end > 1 and words[end - 1].lower() in _AGENCY_WORDS):
            state.publisher = state.publisher or known or name.title()
            break
    state.seen_meta = True


def _wire_date(text: str, years: set[int]) -> tuple[datetime.date | None, str | None]:
    """ "Sep 18 (Reuters)": a date only when the header states the year (and only one year)."""
    dateline = furniture.wire_dateline(text) or furniture.title_place_dateline(text)
    if dateline is None or dateline.month is None or dateline.day is None or len(years) != 1:
        return None, None
    year = dateline.year or next(iter(years))
    return month_day(dateline.month, dateline.day, year), text[: dateline.end].strip()


def _byline_after_first_paragraph(items: list[Line], state: _State) -> None:
    """A "By Jane Doe" line right under the first paragraph still names the author."""
    if state.author is not None:
        return
    for line in items:
        byline = read_byline(furniture.clean(unwrap(line.text)))
        if byline is not None:
            state.author = byline.author
            state.publisher = state.publisher or byline.publisher
            return
