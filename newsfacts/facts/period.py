"""Periods: the time a figure is about, stated or relative to the document's published date.

Formats follow the contract: '2024', '2024-Q3', 'FY2024-Q1', '2024-09', '2024-09-18'. A stated
period wins ("in September", "third-quarter", "on Sept. 17", "in 2024"); a relative one ("last
month", "on Wednesday", "yesterday") needs the published date and is resolved to the most recent
such time not after it; without either the period is unknown (None).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from newsfacts.facts.trie import break_class, tailed_trie_regex, trie_regex

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
    "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "fiscal third quarter", "third quarter of fiscal 2026", "fiscal 2026 third quarter", "Q3 FY26"
    (
        "fq",
        re.compile(
            rf"\b(?:fiscal(?:\s+(?:year\s+)?(?P<fy1>{_YEAR}))?[\s-]+(?P<o1>first|second|third|fourth|[1-4](?:st|nd|rd|th))[\s-]+quarter"
            rf"|(?P<o2>first|second|third|fourth|[1-4](?:st|nd|rd|th))[\s-]+"
            rf"(?:fiscal[\s-]+quarter\s+of\s+(?:fiscal\s+(?:year\s+)?)?|quarter\s+of\s+fiscal\s+(?:year\s+)?)(?P<fy2>{_YEAR})"
            rf"|Q(?P<q3>[1-4])\s*(?:of\s+)?FY\s*'?(?P<fy3>\d{{2}}|{_YEAR}))\b",
            re.IGNORECASE,
        ),
    ),
    # "fiscal 2026", "fiscal year 2026", "this fiscal year", "FY2026"
    (
        "fy",
        re.compile(
            rf"\b(?:fiscal\s+(?:year\s+)?(?P<y>{_YEAR})|FY\s*'?(?P<y2>{_YEAR}|\d{{2}})(?![\w-])|(?P<rel>this|current|next|last)\s+fiscal\s+year)",
            re.IGNORECASE,
        ),
    ),
    # "third quarter", "third-quarter", "Q3", "3Q", "Q3 2025", "third quarter of 2025"
    (
        "q",
        re.compile(
            rf"\b(?:(?P<o>first|second|third|fourth|[1-4](?:st|nd|rd|th))[\s-]+quarter(?:\s+of\s+(?P<y1>{_YEAR}))?"
            rf"|Q(?P<q>[1-4])(?:\s+(?P<y2>{_YEAR}))?|(?P<q2>[1-4])Q(?:\s*(?P<y3>{_YEAR}))?)\b",
            re.IGNORECASE,
        ),
    ),
    # "September 17, 2025", "Sept. 17", "17 September 2025"
    (
        "date",
        re.compile(
            rf"\b(?:(?P<m>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>{_YEAR}))?"
            rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?(?:,?\s+(?P<y2>{_YEAR}))?)\b(?!\s*(?:%|percent))",
            re.IGNORECASE,
        ),
    ),
    # "in September", "September's", "September 2025", "for the month of August"
    ("month", re.compile(rf"\b(?P<m>{_MONTH_RE})\b\.?(?:['’]s)?(?:\s+(?P<y>{_YEAR}))?", re.IGNORECASE)),
    (
        "weekday",
        re.compile(r"\b(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<r>today|yesterday|last\s+month|this\s+month|previous\s+month|last\s+year|this\s+year"
            r"|next\s+year|last\s+quarter|this\s+quarter)\b",
            re.IGNORECASE,
        ),
    ),
    ("year", re.compile(rf"(?<![\w$€£¥.-])(?P<y>{_YEAR})(?![\w%-]|\.\d|\s*(?:%|percent))")),
]
# A period right after these words is what a figure is compared with, not the figure's own period.
_BASE_BEFORE = re.compile(
    r"(?:\b(?:from|since|than|versus|vs\.?|against|after(?!-)|following|compared\s+(?:with|to))"
    r"(?:\s+(?:the|a|an|\d[\d.,]*\s*(?:%|percent|per\s+cent)?))*\s+(?:(?:in|of)\s+)?)$",
    re.IGNORECASE,
)
# "May" is also a verb: only a month when a day, year or "in/for/of/since/last" frames it.
_MAY_FRAME_WORDS = ("in", "for", "of", "since", "until", "last", "early", "late", "mid", "through")
_MAY_FRAME = re.compile(rf"(?:\b(?:{'|'.join(_MAY_FRAME_WORDS)})\s+|^)$", re.IGNORECASE)
_MAY_FRAME_REACH = max(map(len, _MAY_FRAME_WORDS)) + 1  # a frame word and the character before it


class Found(NamedTuple):
    """A stated period (a named tuple: immutable, and built fast at one per period of each sentence)."""

    start: int
    end: int
    grain: str  # day | month | quarter | fiscal_quarter | year
    period: str
    base: bool = False  # a comparison base ("up from 3.2% in August", "0.4% from August")


def _year_for_month(month: int, published: dt.date | None) -> int | None:
    """The year of the nearest such month; a month ahead counts double (news looks back more)."""
    if published is None:
        return None
    here = published.year * 12 + published.month - 1

    def cost(year: int) -> int:
        gap = year * 12 + month - 1 - here
        return gap * 3 if gap > 0 else -gap

    return min((published.year - 1, published.year, published.year + 1), key=cost)


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _year_for_quarter(q: int, published: dt.date | None) -> int | None:
    """The year of the nearest such quarter (one ahead counts double)."""
    if published is None:
        return None
    here = published.year * 4 + _quarter_of(published) - 1

    def cost(year: int) -> int:
        gap = year * 4 + q - 1 - here
        return gap * 2 if gap > 0 else -gap

    return min((published.year - 1, published.year, published.year + 1), key=cost)


def _fy(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lstrip("'")
    return int(text) + 2000 if len(text) == 2 else int(text)


def _ordinal(text: str | None) -> int | None:
    return _ORDINALS.get(text.lower()) if text else None


def _may_framed(text: str, start: int) -> bool:
    """Whether _MAY_FRAME matches text[:start]. A match ends with the spaces that end there, after
    a frame word, so the search starts just before that word instead of at the text's start (which
    read the whole text again for every "May")."""
    spaces = start
    while spaces > 0 and text[spaces - 1].isspace():
        spaces -= 1
    return _MAY_FRAME.search(text, max(0, spaces - _MAY_FRAME_REACH), start) is not None


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> Found | None:
    year: int | None
    g = m.groupdict()
    if kind == "fq":
        q = _ordinal(g.get("o1")) or _ordinal(g.get("o2")) or int(g.get("q3") or 0)
        fy = _fy(g.get("fy1") or g.get("fy2") or g.get("fy3")) or (published.year if published else None)
        return Found(m.start(), m.end(), "quarter", f"FY{fy}-Q{q}") if fy and q else None
    if kind == "fy":
        if g.get("rel"):
            if published is None:
                return None
            year = published.year + {"this": 0, "current": 0, "next": 1, "last": -1}[g["rel"].lower()]
        else:
            year = _fy(g.get("y") or g.get("y2")) or 0
        return Found(m.start(), m.end(), "year", f"FY{year}") if year else None
    if kind == "q":
        q = _ordinal(g.get("o")) or int(g.get("q") or g.get("q2") or 0)
        y = g.get("y1") or g.get("y2") or g.get("y3")
        year = int(y) if y else _year_for_quarter(q, published)
        return Found(m.start(), m.end(), "quarter", f"{year}-Q{q}") if year and q else None
    if kind == "date":
        month = _MONTHS[(g.get("m") or g.get("m2") or "").lower()]
        day = int(g.get("d") or g.get("d2") or 0)
        y = g.get("y") or g.get("y2")
        year = int(y) if y else _year_for_month(month, published)
        try:
            date = dt.date(year, month, day) if year else None
        except ValueError:
            return None
        return Found(m.start(), m.end(), "day", date.isoformat()) if date else None
    if kind == "month":
        word = g["m"]
        if word.lower() == "may" and not g.get("y") and not _may_framed(m.string, m.start()):
            return None
        if word.lower() == "may" and word[0] == "m":
            return None
        month = _MONTHS[word.lower()]
        year = int(g["y"]) if g.get("y") else _year_for_month(month, published)
        return Found(m.start(), m.end(), "month", f"{year}-{month:02d}") if year else None
    if kind == "weekday":
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS[g["w"].lower()]) % 7
        return Found(m.start(), m.end(), "day", (published - dt.timedelta(days=back)).isoformat())
    if kind == "relative":
        if published is None:
            return None
        r = " ".join(g["r"].lower().split())
        if r == "today":
            return Found(m.start(), m.end(), "day", published.isoformat())
        if r == "yesterday":
            return Found(m.start(), m.end(), "day", (published - dt.timedelta(days=1)).isoformat())
        this_month = f"{published.year}-{published.month:02d}"
        if r in ("last month", "previous month"):
            return Found(m.start(), m.end(), "month", month_before(this_month))
        if r == "this month":
            return Found(m.start(), m.end(), "month", this_month)
        if r in ("last quarter", "this quarter"):
            this_quarter = f"{published.year}-Q{_quarter_of(published)}"
            return Found(
                m.start(), m.end(), "quarter", quarter_before(this_quarter) if r == "last quarter" else this_quarter
            )
        offset = {"last year": -1, "this year": 0, "next year": 1}[r]
        return Found(m.start(), m.end(), "year", str(published.year + offset))
    if kind == "year":
        return Found(m.start(), m.end(), "year", g["y"])
    return None


def find_periods(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[Found]:
    """Every period stated in text[start:end], most precise first where two overlap.

    A sentence is scanned once (cached) however many of its figures and windows ask."""
    end = len(text) if end is None else end
    if len(text) <= MAX_CACHED_TEXT:
        return [f for f in _periods_of(text, published) if start <= f.start and f.end <= end]
    return _scan(text, published, start, end)


MAX_CACHED_TEXT = 5_000  # sentences; a document body is scanned once, uncached


@lru_cache(maxsize=512)
def _periods_of(text: str, published: dt.date | None) -> tuple[Found, ...]:
    return tuple(_scan(text, published, 0, len(text)))


# Words a period can start with, per pattern: the full patterns are tried only where one occurs,
# so a body is read by one cheap word scan instead of eight alternations at every position.
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"}
_TRIGGERS: dict[str, frozenset[str]] = {
    "fq": frozenset({"fiscal", "q1", "q2", "q3", "q4"} | _ORDINAL_WORDS),
    "fy": frozenset({"fiscal", "fy", "this", "current", "next", "last"}),
    "q": frozenset({"q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"} | _ORDINAL_WORDS),
    "date": frozenset(_MONTHS),
    "month": frozenset(_MONTHS),
    "weekday": frozenset(_WEEKDAYS),
    "relative": frozenset({"today", "yesterday", "last", "this", "previous", "next"}),
}
_KINDS_OF_WORD: dict[str, tuple[str, ...]] = {
    w: tuple(kind for kind, trigger in _TRIGGERS.items() if w in trigger) for w in set().union(*_TRIGGERS.values())
}
# What must follow a trigger word for any pattern it opens to match ("this" opens "this fiscal
# year", "this month", "this year", "this quarter"; "first" opens "first quarter", "first fiscal
# quarter"), as the patterns read it (case-insensitive): a word without it is no candidate, so the
# patterns are not tried at the many "this", "next" and "first" of a text that open no period.
_FOLLOWS: dict[str, str] = {
    **dict.fromkeys(("this", "current", "next", "last", "previous"), r"\s+(?:fiscal|month|year|quarter)"),
    **dict.fromkeys(("first", "second", "third", "fourth"), r"[\s-]+(?:fiscal|quarter)"),
}


def _trigger_words(fold_case: bool) -> str:
    """The trigger words as one regex (no groups): each word whole, one of `_FOLLOWS` only before
    what must follow it; `fold_case`: ASCII letters in either case, else lower case only."""
    by_follow: dict[str | None, list[str]] = {}
    for word in _TRIGGER_LIST:
        by_follow.setdefault(_FOLLOWS.get(word), []).append(word)
    whole = "(?![A-Za-z0-9])" if fold_case else "(?![a-z0-9])"
    return "|".join(
        f"(?:{trie_regex(words, fold_case=fold_case)})" + (f"(?=(?i:{follow}))" if follow else whole)
        for follow, words in by_follow.items()
    )


# A word is a trigger only whole: the trie stops where the word's letters and digits do. Past the
# start of a text it is read with the character before it, a class the engine skips to.
_TRIGGER_LIST = sorted(w for w in _KINDS_OF_WORD if w[0].isalpha())
_TRIGGER_WORD = re.compile(_trigger_words(fold_case=True))
_BEFORE_TRIGGER = break_class("'’")
_TRIGGER_AFTER_BREAK = re.compile(rf"{_BEFORE_TRIGGER}({_trigger_words(fold_case=True)})")
# The same on the lower-cased text, literal letters instead of a class per letter (a third faster).
# lower() keeps offsets, word characters and ASCII letters apart for every code point but two:
# "İ" (it lengthens the text, which is checked) and the Kelvin sign (it turns into "k"); what
# follows a word is read case-insensitively, as the patterns read it, on either text.
# The look-ahead names the letters a trigger opens with: most words fail it after one class test.
_TRIGGER_FIRSTS = "".join(sorted({w[0] for w in _TRIGGER_LIST}))
_TRIGGER_AFTER_BREAK_LOWER = re.compile(rf"{_BEFORE_TRIGGER}(?=[{_TRIGGER_FIRSTS}])({_trigger_words(fold_case=False)})")
_LOWER_TURNS_ASCII = "\u212a"
# Where a trigger may open, found on a byte copy of the lower-cased text: every character that may
# be a break (ASCII but a word character, or past ASCII and no word character; anything past
# Latin-1 reads as "?") becomes a space, so the scan is a literal space the engine skips to at
# memory speed and a byte trie after it, where a class test at every character and a trie at every
# break of the text cost several times as much. The copy lets through a superset (a word that only
# starts with a trigger, "’" or a letter past Latin-1 as a break), so each hit is confirmed by
# `_TRIGGER_AFTER_BREAK_LOWER` on the text itself.
_BREAK_BYTES = bytes(b if chr(b).isalnum() or chr(b) in "_'" else ord(" ") for b in range(256))
# A word that needs a follow-up (see `_FOLLOWS`) is followed by white space or a hyphen, which the
# copy holds as a space; any other trigger ends where its letters and digits do.
# One trie for both, each word with what must follow it, so each space costs one trie.
_TRIGGER_TAILS = tailed_trie_regex((w, " " if w in _FOLLOWS else "(?![a-z0-9])") for w in _TRIGGER_LIST)
_TRIGGER_HITS = re.compile(f" (?={_TRIGGER_TAILS})".encode())
# Numbers that may open a period, each at the start of a run of digits (every alternative needs a
# non-word character before its first digit), in their plain form:
_DIGIT_RUN = re.compile(r"[0-9]+")
_DIGIT_START = re.compile(
    r"(?<![\w.$€£¥-])(?:19|20)\d\d"  # a year
    r"|(?<!\w)[0-3]?\d(?=(?:st|nd|rd|th)?\s+[A-Za-z])"  # a day before a month
    r"|(?<!\w)[1-4](?=Q)"  # "3Q"
)
# The same matches in one regex pass: it opens with the digit and looks behind from the next
# position, so the engine skips to digits (a look behind first would be tried at every position,
# and a Python step per run of digits, matching _DIGIT_START at its start, costs more).
_DIGIT_START_FAST = re.compile(
    r"[0-9](?:(?<=[12])(?<![\w.$€£¥-].)(?:(?<=1)9|(?<=2)0)\d\d"  # a year
    r"|(?<=[0-3])(?<!\w.)\d(?=(?:st|nd|rd|th)?\s+[A-Za-z])"  # a day before a month, two digits
    r"|(?<!\w.)(?=(?:st|nd|rd|th)?\s+[A-Za-z])"  # one digit
    r"|(?<=[1-4])(?<!\w.)(?=Q))"  # "3Q"
)


def _candidates(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Start positions worth trying, per pattern kind, in text order."""
    low = text.lower()
    exact = len(low) == len(text) and _LOWER_TURNS_ASCII not in text
    if exact:
        # a trigger's match opens at its break and ends with its word, so matches never overlap and
        # the match at each hit of the copy is the one finditer reads there
        match = _TRIGGER_AFTER_BREAK_LOWER.match
        copy = low.encode("latin-1", "replace").translate(_BREAK_BYTES)
        words = (match(low, h.start(), end) for h in _TRIGGER_HITS.finditer(copy, start - 1 if start > 0 else 0, end))
        hits = [(m.start(1), _KINDS_OF_WORD[m.group(1)]) for m in words if m is not None]
    else:
        words = _TRIGGER_AFTER_BREAK.finditer(text, start - 1 if start > 0 else 0, end)
        hits = [(m.start(1), _KINDS_OF_WORD[m.group(1).lower()]) for m in words]
    first = _TRIGGER_WORD.match(text, 0, end) if start == 0 else None
    if first is not None:
        hits.append((0, _KINDS_OF_WORD[first.group().lower()]))
    for m in _DIGIT_START_FAST.finditer(text, start, end):
        n = m.end() - m.start()
        hits.append((m.start(), ("year",) if n == 4 else ("date", "q") if n == 1 else ("date",)))
    hits.sort()
    out: dict[str, list[int]] = {kind: [] for kind, _ in _PATTERNS}
    for pos, kinds in hits:
        for kind in kinds:
            out[kind].append(pos)
    return out


def _scan(text: str, published: dt.date | None, start: int, end: int) -> list[Found]:
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    candidates = _candidates(text, start, end)
    for kind, pattern in _PATTERNS:
        for pos in candidates[kind]:
            m = pattern.match(text, pos, end)
            if m is None or any(m.start() < b and a < m.end() for a, b in taken):
                continue
            found = _resolve(kind, m, published)
            if found is not None:
                if _BASE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                    found = Found(found.start, found.end, found.grain, found.period, base=True)
                out.append(found)
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def find_period(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> Found | None:
    """The period of a window (the figure's clause): the one closest to its middle."""
    found = find_periods(text, published, start, end)
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    middle = (start + (len(text) if end is None else end)) / 2
    return min(found, key=lambda f: abs((f.start + f.end) / 2 - middle))


class DocumentPeriods:
    """The article's main period per grain (its most stated month, quarter, ...): a figure that
    states none is about the article's main event."""

    def __init__(self, body: str, published: dt.date | None) -> None:
        self.published = published
        counts: dict[str, Counter[str]] = {}
        found = find_periods(body, published)
        for f in found:
            if not f.base:
                counts.setdefault(f.grain, Counter())[f.period] += 1
        self.main = {grain: c.most_common(1)[0][0] for grain, c in counts.items()}
        # fiscal years written out ("fiscal 2024", "Q2 FY24"), not guessed from the published date
        written = [f.period for f in found if f.period.startswith("FY") and _WRITTEN_YEAR.search(body, f.start, f.end)]
        self._fiscal_years = {p[2:6] for p in written}
        self._fiscal_quarters: dict[str, set[str]] = {}
        for p in written:
            if "-Q" in p:
                self._fiscal_quarters.setdefault(p[-1], set()).add(p)

    def fiscal_quarter(self, period: str) -> str | None:
        """A calendar-looking quarter ('2022-Q4') in an article that names that fiscal quarter ("the
        fourth quarter of fiscal 2022") or one fiscal year ("fiscal 2022") is the fiscal one:
        'FY2022-Q4'. None when the article names no fiscal year or several (a fiscal year need not
        be the calendar one: Nvidia's fiscal 2024 is mostly 2023)."""
        m = QUARTER_SHAPE.fullmatch(period)
        if m is None or m.group(1):
            return None
        same = self._fiscal_quarters.get(m.group(3), set())
        if len(same) == 1:
            return next(iter(same))  # the article's own "third quarter of fiscal 2027"
        if len(self._fiscal_years) != 1:
            return None
        return f"FY{next(iter(self._fiscal_years))}-Q{m.group(3)}"

    def unended_quarter(self, period: str, said: str) -> bool:
        """Whether `period`, as `said` in the text with no year written ("fourth-quarter", "Q4"), is
        a calendar quarter not over by the published date. Results come out after their quarter
        ends, so an article reporting one ("fourth-quarter revenue was $90.1 billion", published in
        October) means a fiscal quarter of a fiscal year it does not name."""
        m = QUARTER_SHAPE.fullmatch(period)
        return (
            m is not None
            and not m.group(1)
            and self.published is not None
            and _WRITTEN_YEAR.search(said) is None
            and (int(m.group(2)), int(m.group(3))) >= (self.published.year, _quarter_of(self.published))
        )

    def default(self, grain: str) -> str | None:
        """The period a figure of this grain gets when its clause states none."""
        if grain in self.main:
            return self.main[grain]
        if grain == "day" and self.published is not None:
            return self.published.isoformat()
        return None


QUARTER_SHAPE = re.compile(r"(FY)?(\d{4})-Q([1-4])")
# A fiscal quarter whose fiscal year the article does not name ("FY?-Q4"); fact keys complete it
# from the sources that name it (newsfacts/consistency.py).
UNNAMED_FISCAL_YEAR = "FY?"
_WRITTEN_YEAR = re.compile(r"\d\d")


def month_before(period: str) -> str | None:
    """'2024-12' -> '2024-11', '2024-01' -> '2023-12'; None for anything but a month."""
    if len(period) != 7 or period[4] != "-" or not period[5:].isdigit():
        return None
    year, month = int(period[:4]), int(period[5:])
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def quarter_before(period: str) -> str | None:
    """'2023-Q3' -> '2023-Q2', 'FY2024-Q1' -> 'FY2023-Q4'; None for anything but a quarter."""
    m = QUARTER_SHAPE.fullmatch(period)
    if m is None:
        return None
    fy, year, q = m.group(1) or "", int(m.group(2)), int(m.group(3))
    return f"{fy}{year - 1}-Q4" if q == 1 else f"{fy}{year}-Q{q - 1}"


_YEAR_LEAD = re.compile(r"(FY)?((?:19|20)\d\d)(.*)")


def year_before(period: str) -> str | None:
    """The same period a year earlier: '2022-Q4' -> '2021-Q4', 'FY2022-Q4' -> 'FY2021-Q4',
    '2024-09' -> '2023-09', '2024' -> '2023'; None for a day or anything else."""
    m = _YEAR_LEAD.fullmatch(period)
    if m is None or len(m.group(3)) > 3:
        return None
    return f"{m.group(1) or ''}{int(m.group(2)) - 1}{m.group(3)}"


def comparable_start(period: str) -> str:
    """A period's start as an ISO prefix, so it orders against a date: '2023-Q2' -> '2023-04'."""
    m = QUARTER_SHAPE.fullmatch(period)
    return f"{m.group(2)}-{(int(m.group(3)) - 1) * 3 + 1:02d}" if m else period


def at_grain(period: str | None, grain: str) -> str | None:
    """A period cut to the grain a metric is compared at ('2025-09-17' at month -> '2025-09');
    None when the period is coarser than the grain."""
    if period is None or grain == "none":
        return None
    if grain == "day":
        return period if len(period) == 10 else None
    if grain == "month":
        return period[:7] if len(period) >= 7 and period[4] == "-" and period[5] != "Q" else None
    if grain == "quarter":
        if "Q" in period:
            return period
        if len(period) >= 7 and period[4] == "-":
            month = int(period[5:7])
            return f"{period[:4]}-Q{(month - 1) // 3 + 1}"
        return None
    if grain == "year":
        return period[2:6] if period.startswith("FY") else period[:4]
    return None
