"""Ranges: "64-75%", "1–3 months", "between $5bn and $7bn", "from 2020 to 2025", "2025-26".

The two ends share what only one of them states ("5-7 billion" scales both ends, "1-3 months" gives
both the unit, "$5-7bn" the currency). Ends that state different units or currencies are two
figures, not a range; "and" joins a range only after "between" ("Sakhalin 1 and 2" is a name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfacts.figures import grammar as g
from newsfacts.figures.amounts import Amount, number_at, read_amount
from newsfacts.figures.lexicon import (
    CHANGE_FILLERS,
    CHANGE_NOUNS,
    CHANGE_WORDS,
    DOWN_WORDS,
    ENDPOINT_FILLERS,
    RANGE_WORDS,
    UP_WORDS,
)
from newsfacts.figures.numbers import is_year_like
from newsfacts.figures.units import MAGNITUDE

CHANGE_VERBS = (UP_WORDS | DOWN_WORDS) - {"up", "down"}  # verbs that may stand before a short object
_CHANGES = UP_WORDS | DOWN_WORDS


@dataclass(slots=True)
class Range:
    second: Amount
    low: float
    high: float
    currency: str | None
    unit: str | None
    years: bool  # both ends are bare years: a date range
    start: int  # where the range's text opens: the first end's minus sign when it has one


def read_range(text: str, first: Amount) -> Range | None:
    """The range that `first` opens, or None when no second end follows or the ends disagree."""
    c = g.RANGE_CONNECTOR.match(text, first.end)
    if not c:
        return None
    word = "to" if c.group("hto") else (c.group("word") or c.group("suspended") or "").lower()
    minus_first = _minus_before(text, first)
    lead = first.start - minus_first
    if (
        word == "and"
        and not g.BETWEEN_BEFORE.search(text, max(0, lead - 12), lead)
        and not (
            text[first.start - 1 : first.start] == "("
            and g.RESTATED_RANGE_BEFORE.search(text, max(0, first.start - 60), first.start)
        )
    ):
        return None
    if word == "to" and _change_before(text, first, c.end()):
        return None  # "from 24% to 15%", "rose 0.3% to 3.1%": a change and its end, not a range
    pos = c.end()
    minus_second = text[pos : pos + 1] in _MINUS and text[pos + 1 : pos + 2].isdigit() and not c.group("dash")
    cur = g.CURRENCY_AT.match(text, pos + minus_second)
    found = number_at(text, cur.end() if cur else pos + minus_second)
    if found is None:
        return None
    second, _ = read_amount(text, *found)
    if second is None or g.STAMP_TAIL.match(text, second.num_end):
        return None
    return _merge(first, second, dash=bool(c.group("dash")), signs=(minus_first, minus_second))


_MINUS = ("-", "−")


def _minus_before(text: str, first: Amount) -> bool:
    """A minus sign glued to the first end ("-18C to -34C"), not a hyphen inside a word ("COVID-19")."""
    at = first.start
    return at > 0 and text[at - 1] in _MINUS and not (at > 1 and text[at - 2].isalnum())


def _merge(first: Amount, second: Amount, dash: bool, signs: tuple[bool, bool] = (False, False)) -> Range | None:
    """Combine two ends, sharing currency, unit and scale; None when they measure different things.
    `signs` say which ends carry a minus sign: a range below zero reads only with both."""
    if first.currency and second.currency and first.currency != second.currency:
        return None
    if first.currency and second.currency and first.factor != second.factor:
        return None  # "regained 71 cents to $89.53": a change in cents and a level in dollars
    if first.unit == MAGNITUDE[0] and second.bare and dash:
        second.unit = first.unit  # "a magnitude of 9.1–9.3": the scale is named once, before the range
    if first.unit and first.unit != second.unit:
        return None  # "3.2% to ¥10,000", and "5% to 7" where the second end is something else
    if "decade_date" in (first.unit, second.unit):
        return None
    currency = first.currency or second.currency
    unit = first.unit or second.unit
    if currency and unit:
        return None
    low = first.value
    high = second.value
    if first.scale is None and second.scale is not None and first.number <= second.number:
        low = first.number * second.scale  # "5-7 billion"; not "$800,000 to $1.3 million"
    if first.bare and second.factor != 1.0:
        low *= second.factor  # "28 and 30 cents": the minor unit (or exponent) is shared too
    low = float(f"{low:.12g}")
    years = False
    if currency is None and unit is None and first.scale is None and second.scale is None:
        if _year(first) and dash and len(second.token) == 2 and not second.spelled:
            high = first.number - first.number % 100 + second.number  # "2025-26"
            if high <= low:
                return None  # "2025-11": a year and a month
            years = True
        elif _year(first) != _year(second):
            return None
        else:
            years = _year(first)
    start = first.start
    if signs[1] and not signs[0]:
        return None  # "from 5 to -3": a change across zero, not bounds
    if signs[0]:
        start = first.start - 1
        low, high = (-high, -low) if signs[1] else (-low, high)  # "-5 to 5" spans zero
        if low > high:
            low, high = high, low  # "-34C to -18C" or "-18C to -34C": below zero, either end may come first
    if low > high:
        return None  # "leads 49% to 47%", "51-47%": a contest's two shares; a range is written low to high
    return Range(second, low, high, currency, unit, years, start)


def _change_before(text: str, first: Amount, second_at: int) -> bool:
    """A change verb or "from" right before the first end: the ends are two levels, not bounds.
    `second_at`: where the second end's text opens, after the connector."""
    start = first.start
    words = words_before(text, start)
    if words and not first.bare and (_by_before(words) or last_content_word(words) in UP_WORDS | DOWN_WORDS):
        return True  # "rose 0.3% to 3.1%", "cut output by 900,000 bpd to 22.6m bpd", "by nearly 486 kb/d to"
    if (
        words
        and first.bare
        and (_by_before(words) or last_content_word(words) in UP_WORDS | DOWN_WORDS)
        and _second_far(text, first, second_at)
    ):
        return True  # "the rate rose 0.3 to 61.7%", "rose by 1.4 to 56.5%": a bare size, then the level
    if words and not first.bare and words[-1] == "or" and _CHANGES.intersection(w.rstrip(",") for w in words[-5:-1]):
        return True  # "faded 2% or 1.75p to 104.75p": the change restated, then its end
    i = endpoint_index(words)
    if i is None or words[i] != "from" or _years_only(text, start):
        return False
    if first.bare and not any(w in CHANGE_WORDS or w in CHANGE_NOUNS for w in words[:i]):
        return False  # "provided from 8 to 32 GB": no change is stated, so the ends bound one value
    return not (i > 0 and words[i - 1] in RANGE_WORDS)  # "range from 5 to 7"


def _second_far(text: str, first: Amount, second_at: int) -> bool:
    """The number after "to" is ten times the first or more: a level after the size of a change, never
    the other end of a range ("rose 2 to 3 percent" is a range; "rose 0.3 to 61.7%" is not)."""
    found = number_at(text, second_at)
    if found is None:
        return False
    second, _ = read_amount(text, *found)
    return second is not None and first.number > 0 and second.number >= 10 * first.number


# A hedge between "by" and the size of a change: "limit output by nearly 486 kb/d to 10 mb/d".
_BY_HEDGES = frozenset({"nearly", "about", "around", "roughly", "almost", "some", "just", "only", "an", "estimated"})


def _by_before(words: Sequence[str]) -> bool:
    """ "by" right before the figure, or before a hedge or two ("by nearly", "by an estimated")."""
    for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
        if words[i] == "by":
            return True
        if words[i] not in _BY_HEDGES:
            return False
    return False


def words_before(text: str, start: int) -> tuple[str, ...]:
    """The last few words before `start`, lower case (a slice and a split: no regex per figure).

    The grammar asks this of one number several times in a row (its range, its change, its
    direction): the last answer is kept for the same text object and offset. One tuple in one slot
    (immutable, so no caller changes another's words), so a thread never reads another text's."""
    last = _LAST_WORDS_BEFORE[0]
    if last[0] is text and last[1] == start:
        return last[2]
    words = tuple(text[max(0, start - WORDS_CHARS) : start].lower().translate(_OPENERS).split()[-WORDS_KEPT:])
    _LAST_WORDS_BEFORE[0] = (text, start, words)
    return words


_LAST_WORDS_BEFORE: list[tuple[str, int, tuple[str, ...]]] = [("", -1, ())]
# How far back words_before reads: far enough for a change verb before a spelled size ("raised its key
# rate by a quarter of a percentage point to 4.5%": 13 words between the verb and the level).
WORDS_CHARS, WORDS_KEPT = 100, 14


# An opening bracket or quote glued to a word does not change the word: "(down from 612)".
_OPENERS = str.maketrans({"(": " ", "“": " ", '"': " "})


def endpoint_index(words: Sequence[str]) -> int | None:
    """Index of the "from"/"to" that opens the figure ("from an estimated 5%"), or None."""
    for i in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = words[i]
        if word in ("from", "to"):
            return i
        if word not in ENDPOINT_FILLERS:
            return None
    return None


def last_content_word(words: Sequence[str]) -> str | None:
    """The last word before a figure, skipping the fillers between a change verb and its size
    ("rose by about 2%", "fell a further 3%")."""
    tail = words[-9:]
    by = next((j for j in range(len(tail) - 1, max(-1, len(tail) - 4), -1) if tail[j] == "by"), None)
    if by is not None and not any(c.isdigit() for w in tail[by + 1 :] for c in w):
        # not past another figure: in "fell by 30,000 to 1.2 million" the level follows the size
        # "cut rates by", "raised the rate by a substantial": the verb may stand before a short object
        # ("cut the risk of heart attack by 20%": the object may run to six words)
        verb = next((w for w in reversed(tail[max(0, by - 7) : by]) if w in CHANGE_VERBS), None)
        if verb is not None:
            return verb
    for i in range(len(tail) - 1, -1, -1):
        if tail[i] not in CHANGE_FILLERS:
            return tail[i]
    return None


def _years_only(text: str, start: int) -> bool:
    """ "from 2020 to 2025" stays a date range."""
    return g.YEAR_TO_YEAR.match(text, start) is not None


def _year(amt: Amount) -> bool:
    return not amt.spelled and amt.scale is None and is_year_like(amt.token, amt.number)
