"""Where an article ends: the furniture after the last paragraph, and the sentiment it may carry.

Scrapes end with page furniture: sentiment widgets ("Overall Sentiment / neutral / Sentiment
Score / 0.05"), calls to action, link lists ("Related Articles", "Similar News", or related
headlines with no header), tags, legal lines, credits ("(Reporting by ...; Editing by ...)"),
investment disclaimers, an aggregator's list of outlets, reader comments and signatures, a
closing company profile, a marketing tagline right above a button, and author bios (after a
final rule, under "About the Author", or under the author's name). Cutting walks backwards from
the end, removing one furniture block at a time until a line of prose is reached, and looks only
at the last `TAIL_CHARS`; furniture in the middle of the text stays in the body. On the way it
keeps what the trailer states: the sentiment, an outlet credited ("(source: CNBC)", "© 2025
Reuters") and the author a bio names.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from newsfacts.metadata import furniture
from newsfacts.metadata.byline import credit_date, dateline_date, labelled_publication_date, read_byline
from newsfacts.metadata.lines import Line, line_start_at_or_after, split_lines, word_set

TAIL_CHARS = 4096
# A link list under a navigation header: items are short, and the list is not endless.
MAX_NAV_ITEM_WORDS = 25
MAX_NAV_ITEMS = 40
MAX_BIO_CHARS = 3000
MAX_PROFILE_PARAGRAPHS = 2
MIN_LISTED_HEADLINES = 3
MIN_HEADLINE_WORDS = 3
MAX_FIGURE_SHARE = 0.5
MAX_AFTER_SIGN_OFF = 3
MAX_TAGLINE_WORDS = 20
MAX_TAGLINE_CHARS = 160
# Related stories as headline + teaser pairs: a teaser is one short paragraph under its headline.
MAX_TEASER_WORDS = 70
MIN_TEASER_ITEMS = 3
MAX_MARKER_WORDS = 3
MAX_MARKER_CHARS = 60

# Words that make a line a clause rather than a verbless marketing tagline.
_CLAUSE_WORDS = word_set(
    """
    is are was were be been being am has have had will would can could should shall may might must
    do does did said says say told i we he she they it you this that there
    """
)
_DETERMINERS = word_set("the a an this that these those its their his her our my your some")
_WORD = re.compile(r"[^\W_][\w'’\-]*")
_BIO_VERB = re.compile(r",?\s+(?:is|was|has\s+been|serves\s+as)\s+(?:(?:a|an|the|currently|now|also)\b|[A-Z])")
_BIO_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s")
_LEADING_EMPHASIS = re.compile(r"(?P<mark>\*\*|__|\*|_)(?P<name>[^*_\n]{2,80}?)(?P=mark)")
_TOKEN = re.compile(r"\S+")
_ABOUT_AUTHOR_LINE = re.compile(r"about\s+the\s+(?:author|writer)\s*[:：.\-–—]\s*(?P<bio>\S.*)", re.I)
_LIST_DASH = re.compile(r"[-–•·]\s+")
_FIGURE = re.compile(r"(?<![\w.])[$€£¥]?\d[\d,.]*%?(?![\w])")
_CLOSING_MARKS = ".!?;,…\"”’'"
_TEASER_ENDS = (".", "!", "?", "…", "…]", '"', "”", "’")
_WRAPPED = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?P<inner>[^*_].*?)(?P=mark)\.?")


@dataclass(frozen=True, slots=True)
class Trailer:
    """`body_end` is where the trailing furniture starts (len(text) when there is none).

    `publisher` is an outlet the trailer credits ("(source: CNBC)"); `author` the name an
    "About the Author" bio opens with.
    """

    body_end: int
    sentiment_label: str | None
    sentiment_score: float | None
    publisher: str | None = None
    author: str | None = None
    published_date: datetime.date | None = None


def read_trailer(text: str, body_start: int) -> Trailer:
    """The end of the body and the sentiment stated in the trailing furniture."""
    start = line_start_at_or_after(text, max(body_start, len(text) - TAIL_CHARS))
    return _Walk(split_lines(text, start, len(text)), text).run()


class _Walk:
    """One backwards pass over the tail lines; `cut` is the first line index known to be furniture."""

    def __init__(self, lines: list[Line], text: str) -> None:
        self.lines = lines
        self.cut = len(lines)
        self.text = text
        self.text_end = len(text)
        self.label: str | None = None
        self.score: float | None = None
        self.cta_index: int | None = None
        self.publisher: str | None = None
        self.author: str | None = None
        self.published: datetime.date | None = None

    def run(self) -> Trailer:
        index = len(self.lines) - 1
        while index >= 0:
            line = self.lines[index]
            if line.blank:
                index -= 1
                continue
            start = self._furniture_start(index)
            if start is None:
                break
            self.cut = start
            index = start - 1
        self._cut_after_sign_off()
        body_end = self.lines[self.cut].start if self.cut < len(self.lines) else self.text_end
        last = self._previous_non_blank(self.cut)
        signed = furniture.sign_off(self.lines[last].text) if last is not None else None
        reporter = furniture.reporter_sign_off(self.lines[last].text) if last is not None and not signed else None
        if (signed or reporter) is not None and last is not None:
            # "... territory. — AFP": the outlet signs off the story; "... he added. (Ann Roe)": its reporter
            line = self.lines[last]
            raw = self.text[line.start : line.end]
            body_end = line.start + len(raw) - len(raw.lstrip()) + (signed or reporter)[0]  # type: ignore[index]
            if signed is not None:
                self.publisher = self.publisher or signed[1]
            elif reporter is not None:
                self.author = self.author or reporter[1]
        return Trailer(body_end, self.label, self.score, self.publisher, self.author, self.published)

    def _furniture_start(self, index: int) -> int | None:
        """The first line of the furniture block ending at line `index`, or None for prose."""
        text = furniture.clean(self.lines[index].text)
        sentiment = furniture.sentiment_line(text)
        if sentiment is not None:
            self._record(sentiment.label, sentiment.score)
            self._note_cta(index, sentiment.has_cta)
            return index
        if furniture.is_call_to_action(text):
            self._note_cta(index, True)
            return index
        if furniture.is_image(self.lines[index].text):
            return index
        if not any(char.isalnum() for char in self.lines[index].text):
            return index  # a stray "|" or "•" left by the scraper
        source = (
            furniture.source_name(text)
            or furniture.copyright_holder(text)
            or furniture.credited_outlet(text)
            or (furniture.outlet_name(text.lstrip("-–— ")) if text[:1] in "-–—" else None)
            or furniture.syndicated_source(text)
            or furniture.site_footer(text)
        )
        if source is not None:
            self.publisher = self.publisher or source
            self.published = self.published or credit_date(text)
            return index
        published = labelled_publication_date(text)
        if published is not None:
            self.published = self.published or published
            return index
        about = _ABOUT_AUTHOR_LINE.fullmatch(text)
        if about is not None:
            self.author = self.author or _bio_name(about.group("bio"))
            return index
        if furniture.is_about_author_header(text):
            opener = self._next_non_blank(index)
            if opener is not None:
                self.author = self.author or _bio_name(self.lines[opener].text)
            return index
        if (
            furniture.is_navigation_header(text)
            or furniture.is_labelled_furniture(text)
            or furniture.is_rule(self.lines[index].text)
            or furniture.is_trailing_furniture(text)
            or furniture.is_leading_furniture(text)
            or furniture.outlet_name(text) is not None
            or _is_signature(text)
            or dateline_date(text) is not None
            or furniture.is_ticker_line(text)  # only at the end: on top, "FED CUTS RATES AGAIN" is a headline
            or furniture.is_release_end(text)
            or furniture.is_nav_strip(text)
        ):
            return index
        rules = (
            self._feed_item,
            self._sentiment_value,
            self._tagline,
            self._link_list,
            self._author_bio,
            self._closing_bio,
            self._profile,
            self._headlines,
            self._teasers,
        )
        for rule in rules:
            start = rule(index, text)
            if start is not None:
                return start
        return None

    def _cut_after_sign_off(self) -> None:
        """A wire's sign-off ends the story: the few short lines left after it are furniture (an ad)."""
        index, short = self.cut, 0
        while short < MAX_AFTER_SIGN_OFF:
            index = self._previous_non_blank(index)
            if index is None:
                return
            if furniture.sign_off(self.lines[index].text) is not None:
                if short:
                    self.cut = self._next_non_blank(index) or self.cut
                return
            if len(self.lines[index].text.split()) > MAX_TAGLINE_WORDS:
                return
            short += 1
        return

    def _feed_item(self, index: int, text: str) -> int | None:
        """A sidebar item: a short line whose next line, already cut, says how long ago it ran."""
        if self.cut >= len(self.lines) or not _mentions_time(self.lines[self.cut].text):
            return None
        if not furniture.is_relative_time(furniture.clean(self.lines[self.cut].text)):
            return None
        if self._next_non_blank(index) != self.cut or len(text.split()) > MAX_NAV_ITEM_WORDS:
            return None
        return index

    def _sentiment_value(self, index: int, text: str) -> int | None:
        """A value line ("neutral", "0.05") under a sentiment header that has no value of its own."""
        value = furniture.sentiment_value(text)
        header_index = self._previous_non_blank(index)
        if value is None or header_index is None:
            return None
        header = furniture.sentiment_line(furniture.clean(self.lines[header_index].text))
        if header is None or header.has_value:
            return None
        self._record(*value)
        self._note_cta(header_index, header.has_cta)
        return header_index

    def _tagline(self, index: int, text: str) -> int | None:
        """A short verbless pitch on the line right above a call to action.

        "AI-powered research, real-time alerts, and portfolio analytics for institutional investors."
        is a noun phrase: no auxiliary, pronoun or past tense, and no opening determiner the way a
        closing sentence ("The talks resume next week.") has. Prose must remain above it.
        """
        if self.cta_index != index + 1 or self._previous_non_blank(index) is None:
            return None
        words = _WORD.findall(text)
        if not words or len(words) > MAX_TAGLINE_WORDS or len(text) > MAX_TAGLINE_CHARS or "?" in text:
            return None
        if words[0].lower() in _DETERMINERS:
            return None
        if any(word.lower() in _CLAUSE_WORDS or _is_past_tense(word) for word in words):
            return None
        self.cta_index = None
        return index

    def _link_list(self, index: int, text: str) -> int | None:
        """Short lines under a navigation header ("Related Articles" followed by headlines)."""
        items = 0
        for above in range(index, -1, -1):
            line = self.lines[above]
            if line.blank:
                continue
            cleaned = furniture.clean(line.text)
            if (
                furniture.is_navigation_header(cleaned)
                or furniture.is_trailing_header(cleaned)
                or (above < index and furniture.is_nav_strip(cleaned))  # "Comment | Share | Print" above a form
            ):
                return above
            items += 1
            if items > MAX_NAV_ITEMS or len(line.text.split()) > MAX_NAV_ITEM_WORDS:
                return None
        return None

    def _author_bio(self, index: int, text: str) -> int | None:
        """A bio after a final rule ("---\\n\\n__Jane Doe__ is a ..."), or an emphasised bio line."""
        if _is_emphasised_bio(self.lines[index].text):
            return index
        named = self._named_bio(index)
        if named is not None:
            return named
        end = self.lines[index].end
        for above in range(index - 1, -1, -1):
            line = self.lines[above]
            if end - line.start > MAX_BIO_CHARS:
                return None
            if furniture.is_about_author_header(furniture.clean(line.text)):
                self.author = self.author or _bio_name(self.lines[self._next_non_blank(above) or index].text)
                return above
            if furniture.is_rule(line.text):
                opener = self._next_non_blank(above)
                return above if opener is not None and _opens_bio(self.lines[opener].text) else None
        return None

    def _closing_bio(self, index: int, text: str) -> int | None:
        """ "Jane Doe is a senior correspondent covering ...": the writer's bio as a closing line."""
        return index if furniture.is_closing_bio(text) else None

    def _named_bio(self, index: int) -> int | None:
        """ "Jane Doe" on a line of its own, then "Jane Doe is a ..." as the last paragraph: a bio."""
        above = self._previous_non_blank(index)
        after = self._next_non_blank(index)
        if above is None or (after is not None and after < self.cut):
            return None  # only the last paragraph, with nothing but furniture after it
        name = furniture.clean(self.lines[above].text)
        bio = self.lines[index].text
        words = name.split()
        if not 2 <= len(words) <= 4 or not bio.startswith(name) or not _opens_bio(bio):
            return None
        self.author = self.author or name
        return above

    def _profile(self, index: int, text: str) -> int | None:
        """A company profile closing the page: "About Example Corp" and a paragraph or two under it."""
        seen = 0
        for above in range(index - 1, -1, -1):
            line = self.lines[above]
            if line.blank:
                continue
            if furniture.is_profile_header(furniture.clean(line.text)):
                return above
            seen += 1
            if seen >= MAX_PROFILE_PARAGRAPHS:
                return None
        return None

    def _headlines(self, index: int, text: str) -> int | None:
        """Related headlines listed without a header: three or more unpunctuated title lines in a row."""
        if not _is_listed_headline(text):
            return None
        top, count, figures = index, 1, int(_has_figure(text))
        for above in range(index - 1, -1, -1):
            line = self.lines[above]
            if line.blank:
                continue
            if not _is_listed_headline(furniture.clean(line.text)):
                break
            top, count = above, count + 1
            figures += _has_figure(line.text)
        # Lines that nearly all carry figures are results ("Revenue rose 11% to $177 million"), not links.
        if count < MIN_LISTED_HEADLINES or figures > count * MAX_FIGURE_SHARE:
            return None
        return top

    def _teasers(self, index: int, text: str) -> int | None:
        """Related stories closing the page as headline + teaser pairs, the last one often cut short:

            Port strike ends after two weeks
            Dock workers voted on Sunday to accept the new contract.
            Toolmaker lifts outlook

        A headline is an unpunctuated title line; its teaser one paragraph of at most
        `MAX_TEASER_WORDS` words right under it that ends as a sentence does (only the page's last
        line may stop short). A list needs a finished teaser or a marker above it (a run of
        headlines alone, or of result lines, is `_headlines`' to judge). Three items make a list;
        fewer do when a separator, a list header, a short label in capitals or a button stands
        above them ("Top Stories", "-", "DEVELOPING"), which a story's closing subheads never have.
        """
        items, teasers, top, marked = 0, 0, None, False
        position: int | None = index
        while position is not None:
            line = furniture.clean(self.lines[position].text)
            above = self._previous_non_blank(position)
            if items and furniture.is_labelled_furniture(line):
                marked = True  # a footer ("© 2024 Example News") above a link: the walk reads the footer itself
                break
            if len(line) <= MAX_MARKER_CHARS and _is_list_marker(line):
                top, marked, position = position, True, above
                continue
            finished = line.endswith(_TEASER_ENDS)
            if (
                above is not None
                and (finished or position == index)
                and self._may_be_headline(above)
                and len(line.split()) <= MAX_TEASER_WORDS
                and _is_listed_headline(furniture.clean(self.lines[above].text))
            ):
                items, teasers, top, marked = items + 1, teasers + finished, above, False
                position = self._previous_non_blank(above)
                continue
            if not self._may_be_headline(position) or not _is_listed_headline(line):
                break
            items, top, marked, position = items + 1, position, False, above
        if top is None or (position is None and not marked) or not (teasers or marked):
            return None  # with nothing above, the whole tail would go: not a list of other stories
        return top if items >= MIN_TEASER_ITEMS or marked else None

    def _may_be_headline(self, index: int) -> bool:
        """Cheap pre-test before cleaning a line: a listed headline has no closing punctuation."""
        return self.lines[index].text.rstrip(" *_")[-1:] not in _CLOSING_MARKS

    def _record(self, label: str | None, score: float | None) -> None:
        """Keep the value nearest the end: scanning backwards, the first one seen."""
        self.label = self.label or label
        self.score = self.score if self.score is not None else score

    def _note_cta(self, index: int, has_cta: bool) -> None:
        if has_cta:
            self.cta_index = index

    def _previous_non_blank(self, index: int) -> int | None:
        return next((i for i in range(index - 1, -1, -1) if not self.lines[i].blank), None)

    def _next_non_blank(self, index: int) -> int | None:
        return next((i for i in range(index + 1, len(self.lines)) if not self.lines[i].blank), None)


def _is_listed_headline(text: str) -> bool:
    """A line shaped like a linked headline: capitalised, 3-20 words, no closing punctuation, maybe a
    list dash before it ("- Gold slips on firmer dollar")."""
    text = _LIST_DASH.sub("", text, count=1)
    words = text.split()
    return (
        MIN_HEADLINE_WORDS <= len(words) <= MAX_NAV_ITEM_WORDS
        and text[:1].isupper()
        and text[-1:] not in ".!?:;,…\"”’')"
    )


def _is_list_marker(text: str) -> bool:
    """A line that sets a list apart: a bare separator ("-", "•"), a list header ("Top Stories",
    "Related Posts"), a short label in capitals ("DEVELOPING") or a button ("Read More")."""
    if not any(char.isalnum() for char in text):
        return True
    if furniture.is_navigation_header(text) or furniture.is_trailing_header(text) or furniture.is_call_to_action(text):
        return True
    words = text.split()
    return len(words) <= MAX_MARKER_WORDS and text.isupper() and not text.endswith((".", "!", "?"))


def _mentions_time(text: str) -> bool:
    """Cheap test before the pattern: "ago", "now" or "yesterday" somewhere in the line."""
    lowered = text.lower()
    return "ago" in lowered or "now" in lowered or "yesterday" in lowered


def _has_figure(text: str) -> bool:
    """A number standing as a word ("19.3%", "$187.5", "41,200"), not inside a name ("ABC10")."""
    return _FIGURE.search(text) is not None


def _is_signature(text: str) -> bool:
    """A reader post or letter signed off on its own line: "— Jane Doe", "- Jane Doe, Leeds"."""
    if text[:1] not in "-–—" or len(text) > 80:
        return False
    head = text.split(",", 1)[0]
    return read_byline(head, dash=True) is not None


def _bio_name(text: str) -> str | None:
    """The author a bio opens with ("Jane Doe is a fellow at ..."), or None."""
    text = furniture.clean(text)
    emphasised = _LEADING_EMPHASIS.match(text)
    words = emphasised.group("name").split() if emphasised else _leading_capitalised(text)[0]
    if not _opens_bio(text) or not 2 <= len(words) <= 5:
        return None
    return " ".join(word.strip(",") for word in words)


def _is_past_tense(word: str) -> bool:
    """ "announced" reads as a verb; "AI-powered" is a compound adjective and does not."""
    return word.islower() and word.endswith("ed") and "-" not in word and len(word) > 4


def _opens_bio(text: str) -> bool:
    """True for "__Jane Doe__ is a ...", "Jane Doe is an ...", "Jane Doe, a fellow at ..."."""
    emphasised = _LEADING_EMPHASIS.match(text)
    if emphasised:
        words, rest = emphasised.group("name").split(), text[emphasised.end() :]
    else:
        words, rest = _leading_capitalised(text)
    if not 2 <= len(words) <= 5 or not all(word[0].isupper() for word in words):
        return False
    return bool(_BIO_VERB.match(rest) or _BIO_APPOSITIVE.match(rest))


def _leading_capitalised(text: str) -> tuple[list[str], str]:
    """The capitalised words that open `text` (at most five) and the text after them."""
    words: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text, 0, 200):
        word = match.group()
        if len(words) == 5 or not word[0].isupper():
            break
        words.append(word.rstrip(","))
        pos = match.end() if not word.endswith(",") else match.end() - 1
        if word.endswith(","):
            break
    return words, text[pos:]


def _is_emphasised_bio(text: str) -> bool:
    """A last paragraph set in italics that introduces the author: "_Jane Doe is a fellow at X._"."""
    if len(text) > MAX_BIO_CHARS:
        return False
    wrapped = _WRAPPED.fullmatch(text)
    if wrapped is None or wrapped.group("mark") in wrapped.group("inner"):
        return False
    return _opens_bio(wrapped.group("inner"))
