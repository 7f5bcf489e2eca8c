"""The noun phrase a figure quantifies, read from the figure's own phrase, never the whole sentence.

    "Labour won 412 seats"                      -> seats        (the noun right after the figure)
    "a tariff of 15% on Japanese cars"          -> tariff       (the noun phrase before "of")
    "the yield on the 10-year note rose to 4.6%" -> yield, tenor 10-year (head of "X on the Y")
    "a 0.3% rise in consumer prices"            -> consumer prices (the change noun's complement)

Reading stops at a clause boundary (punctuation, "while", "but", ...) and at another figure, so a
word elsewhere in the sentence never decides what a figure is. Cost: a bounded number of tokens on
each side of the figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from newsfacts.facts.subject import lookup
from newsfacts.facts.tables import words

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9][\w&'’.\-]*[\w&]|[A-Za-z0-9]|[^\s\w]")
_STOP_PUNCT = frozenset(',;:()[]"“”—–!?')
_PREPS = frozenset({"of", "on", "in", "for"})
_TIME_PREPS = frozenset({"during", "in", "for", "over", "through", "of", "since"})
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"])
MAX_LEFT_TOKENS = 14
MAX_NP_WORDS = 5
MAX_RIGHT_WORDS = 3
MAX_PAREN = 40  # characters of a parenthesis the leftward reading crosses ("(NVDA -1.15%)")


class Phrase(NamedTuple):
    """What the words around one figure say about it (offsets are sentence offsets). A named tuple:
    immutable like a frozen dataclass and built in a quarter of the time (one or two per figure)."""

    concept: str | None  # lower case head phrase: "seats", "vote share", "10-year yield"
    complement: str | None  # "consumer prices" in "a rise in consumer prices", "vote" in "of the vote"
    governor: str | None  # the verb or noun that governs the figure: "won", "rose", "cut"
    change: bool  # a change word governs the figure ("rose 5%", "a 5% rise")
    direction: str | None  # "up" / "down" for a change
    endpoint: str | None  # "from" / "to": the level a change starts or ends at
    start: int  # the phrase's window in the sentence, for catalog signals
    end: int
    names: tuple[str, ...]  # capitalised names inside the phrase ("Nvidia" in "Nvidia shares")
    skipped: tuple[int, int] | None = None  # an appositive the phrase reads across (", a rival,")


# The same tokens by re.split, the pattern captured: the pieces alternate between the text between
# tokens and a token, so running sums of their lengths are the tokens' edges, all in C loops (no
# match object or tuple built in Python per token, as finditer would need).
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


@lru_cache(maxsize=256)  # every figure of a sentence asks
def tokens(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of each token of the sentence, as _TOKEN.finditer reads them."""
    pieces = _TOKEN_SPLIT.split(sentence)
    edges = list(accumulate(map(len, pieces)))
    return tuple(zip(edges[0:-1:2], edges[1::2], pieces[1::2], strict=True))


@lru_cache(maxsize=256)
def _edges(sentence: str) -> tuple[list[int], list[int]]:
    """The tokens' starts and ends (both ascending: tokens do not overlap), for bisection."""
    toks = tokens(sentence)
    return [t[0] for t in toks], [t[1] for t in toks]


def tokens_before(sentence: str, start: int) -> tuple[tuple[int, int, str], ...]:
    """The tokens that end at or before `start`."""
    return tokens(sentence)[: bisect_right(_edges(sentence)[1], start)]


def tokens_after(sentence: str, end: int) -> tuple[tuple[int, int, str], ...]:
    """The tokens that start at or after `end`."""
    return tokens(sentence)[bisect_left(_edges(sentence)[0], end) :]


def tokens_within(sentence: str, start: int, end: int) -> tuple[tuple[int, int, str], ...] | None:
    """The tokens inside sentence[start:end], or None when a token crosses either edge. The token
    pattern looks neither behind nor ahead of what it matches, so these are the tokens of the
    slice itself (in sentence offsets), without reading it again."""
    starts, ends = _edges(sentence)
    i = bisect_left(starts, start)
    j = bisect_right(ends, end)
    if (i > 0 and ends[i - 1] > start) or (j < len(starts) and starts[j] < end):
        return None
    return tokens(sentence)[i:j]


def _is_verb(w: str) -> bool:
    """A verb, by the list or by its -ed ending; a capitalised word is a name ("United")."""
    if not w[:1].islower():
        return False
    return w in words("verbs") or (len(w) > 4 and w.endswith("ed") and w not in words("link"))


def _is_time(w: str) -> bool:
    """ "second-quarter", "fiscal", "year-ago": words of a time adjunct."""
    return all(p in words("time") or p in words("link") for p in w.lower().split("-") if p)


def _is_name(w: str, s: int, first: int) -> bool:
    """A capitalised word (a sentence's first word only when it is a known entity), not an
    abbreviation of a measure ("CPI")."""
    if w.lower() in words("acronyms"):
        return False
    if s == first and not any(c.isupper() for c in w[1:]):
        return lookup(w) is not None
    return w[:1].isupper() or "&" in w


_APPOSITIVE_OPENERS = frozenset(["which", "who", "a", "an", "the", "its", "their", "whose", "one", "now"])


def _appositive_start(sentence: str, comma: int) -> int | None:
    """Start of ", which strips out food," / ", a rival," when `comma` closes one, else None."""
    opened = sentence.rfind(",", max(0, comma - 120), comma)
    if opened < 0:
        return None
    inner = sentence[opened + 1 : comma].split()
    if not inner or inner[0].lower() not in _APPOSITIVE_OPENERS or len(inner) > 12:
        return None
    return opened


def _name_flags(np: list[tuple[int, int, str]], first: int) -> list[bool]:
    """Which words of a noun phrase are names; a number right after a name is part of it
    ("S&P 500", "Nikkei 225")."""
    flags: list[bool] = []
    for s, _, w in np:
        flags.append(_is_name(w, s, first) or (w[0].isdigit() and bool(flags) and flags[-1]))
    return flags


def _overlaps(s: int, e: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s < b and a < e for a, b in spans)


def read_phrase(
    sentence: str, start: int, end: int, others: tuple[tuple[int, int], ...] = (), relative: bool = False
) -> Phrase:
    """The phrase of the figure at sentence[start:end]; `others` are the other figures' spans.
    `relative`: the figure is a share or index points ("added 4 bps", "added 3%"), the size of a
    move of what stands before the verb, not an object the verb's agent made."""
    toks = tokens(sentence)
    link, change_words, clause = words("link"), words("change"), words("clause")
    time_words, comparative, verbs = words("time"), words("comparative"), words("verbs")
    left = tokens_before(sentence, start)
    right = tokens_after(sentence, end)
    # -- leftwards: link words ("rose to about"), then the noun phrase ("the 10-year yield")
    governor = None
    change_word = None
    change = False
    endpoint = None
    np: list[tuple[int, int, str]] = []
    head_np: list[tuple[int, int, str]] = []  # the X of "X on the Y" once a preposition is crossed
    win_start = start
    phase = "link"
    last_link = None
    skipped: tuple[int, int] | None = None
    stopped_at_figure = False
    scan = list(reversed(left[-MAX_LEFT_TOKENS - 12 :]))
    k = -1
    while k + 1 < len(scan) and k < MAX_LEFT_TOKENS + 12:
        k += 1
        s, e, w = scan[k]
        lw = w.lower()
        # _is_verb(w), read inline: it is asked of every word to the left
        verb = w[:1].islower() and (w in verbs or (len(w) > 4 and w.endswith("ed") and w not in link))
        if w == ")" and skipped is None:
            # "Shares of Nvidia (NVDA -1.15%) are up 8.1%": a parenthesis is read across, figure and all
            opened = sentence.rfind("(", max(0, s - MAX_PAREN), s)
            if opened >= 0 and ")" not in sentence[opened:s]:
                skipped = (opened, e)
                while k + 1 < len(scan) and scan[k + 1][0] >= opened:
                    k += 1
                continue
        if w == "," and phase == "link" and skipped is None:
            opened = _appositive_start(sentence, s)
            if opened is not None:
                skipped = (opened, e)
                while k + 1 < len(scan) and scan[k + 1][0] >= opened:
                    k += 1
                continue
        if others and _overlaps(s, e, others):
            stopped_at_figure = True
            break
        if w in _STOP_PUNCT:
            break
        if phase == "link":
            if lw in change_words:
                change, governor = True, governor or lw
                change_word = change_word or lw
                win_start = s
                if lw in words("transitive") and last_link not in ("by", "to", "from") and not relative:
                    break  # "the company raised $5 billion": what is left of the verb is its agent
                continue
            if lw in link:
                if endpoint is None and change_word is None and lw in ("to", "from"):
                    endpoint = lw
                last_link = last_link or lw
                win_start = s
                continue
            if w in ".'’":
                break
            if verb or lw in clause:
                if verb:
                    governor = governor or lw
                    win_start = s
                break
            phase = "np"
        target = head_np if head_np or (np and np[-1][2].lower() in _PREPS) else np
        if lw in _DETERMINERS:
            idx = len(left) - 1 - k  # scan[k] is left[idx]
            before = left[idx - 1][2].lower() if idx >= 1 else ""
            if np and not head_np and before in _TIME_PREPS and all(_is_time(t[2]) for t in np):
                # "revenue during the second quarter was": a time adjunct, not the noun phrase
                np = []
                k += 1
                continue
            if idx >= 2 and before in _PREPS and not head_np:
                # "the yield on the 10-year note": cross "on the" into the head noun "yield"
                np.append((s, e, w))
                continue
            break
        if lw in _PREPS and np and not head_np:
            idx = len(left) - 1 - k
            if idx >= 2 and left[idx - 2][2].lower() in ("a", "an", "per", "each"):
                break  # "82 cents a share on revenue of $84 million": "a share" is the last figure's
            np.append((s, e, w))
            continue
        if lw in _PREPS or lw in _TIME_PREPS:
            break
        if lw in clause or lw in change_words or verb or w in ".'’":
            if lw in change_words or verb:
                governor = governor or lw
            if lw in change_words and last_link in (None, "by"):
                change, change_word = True, change_word or lw
            break
        if len(target) >= MAX_NP_WORDS:
            break
        if target is np and np and np[-1][2].lower() in _PREPS:
            head_np.append((s, e, w))
        else:
            target.append((s, e, w))
        win_start = s
    if np and stopped_at_figure and np[-1][2].lower() in _PREPS and not head_np:
        # "the prior tariff of 25% [on Japanese cars] was cut to 15%": a complement of the figure
        # before, not this figure's noun phrase
        complement_only = " ".join(w.lower() for _, _, w in reversed(np[:-1]))
        np = []
    else:
        complement_only = None
    if np or head_np:
        first_np = min(t[0] for t in np + head_np)
        # the tokens that end by the noun phrase's start are the first n of `left` (tokens ascend)
        n = bisect_right(_edges(sentence)[1], first_np, 0, len(left))
        while n and left[n - 1][2].lower() in _DETERMINERS:
            n -= 1
        if n:
            lw = left[n - 1][2].lower()
            if lw in change_words or _is_verb(left[n - 1][2]):
                governor = governor or lw
            if lw in change_words and last_link in (None, "by"):
                change, change_word = True, change_word or lw
    left_np = [t for t in np if t[2].lower() not in _PREPS and t[2].lower() not in _DETERMINERS]
    head = list(reversed(head_np))
    inner = list(reversed(left_np))
    # -- rightwards: an adjacent noun ("412 seats", "15% tariff"), a change noun and its complement
    # ("a 3% rise in consumer prices"), or an "of" complement ("33.8% of the vote")
    win_end = end
    right_np: list[str] = []
    complement: list[str] = []
    i = 0
    if right and right[0][2] == "-":
        i = 1
    while i < len(right) and len(right_np) < MAX_RIGHT_WORDS:
        s, e, w = right[i]
        lw = w.lower()
        if w in _STOP_PUNCT or (others and _overlaps(s, e, others)) or not w[0].isalnum():
            break
        if lw in change_words and not right_np:
            change, governor = True, governor or lw
            change_word = change_word or lw
            win_end = e
            i += 1
            break
        if lw in link or lw in clause or _is_verb(w) or lw in _PREPS or lw in time_words:
            break
        right_np.append(lw)
        win_end = e
        i += 1
    if i == 0 and right and right[0][2].lower() in comparative:
        # "50% above analysts' estimates": the comparison belongs to the figure's phrase
        for s, e, w in right[: MAX_RIGHT_WORDS + 2]:
            if w in _STOP_PUNCT or _overlaps(s, e, others):
                break
            win_end = e
    if i < len(right) and (right[i][2].lower() in _PREPS or right[i][2].lower() in ("its", "their")):
        j = i + 1 if right[i][2].lower() in _PREPS else i
        while j < len(right) and right[j][2].lower() in _DETERMINERS:
            j += 1
        while j < len(right) and len(complement) < MAX_RIGHT_WORDS:
            s, e, w = right[j]
            lw = w.lower()
            if w in _STOP_PUNCT or not w[0].isalnum() or _overlaps(s, e, others):
                break
            if lw in link or lw in clause or _is_verb(w) or lw in _PREPS or lw in change_words:
                break
            if lw in time_words or w[0].isdigit():
                break
            complement.append(lw)
            win_end = e
            j += 1
    first = toks[0][0] if toks else -1
    inner_names, head_names = _name_flags(inner, first), _name_flags(head, first)
    names = tuple(w for (_, _, w), n in zip(inner + head, inner_names + head_names, strict=True) if n)
    concept_words: list[str]
    if right_np:
        concept_words = right_np
    elif head:
        common = [w.lower() for (_, _, w), n in zip(head, head_names, strict=True) if not n]
        concept_words = common or [w.lower() for _, _, w in head]
    elif inner:
        common = [w.lower() for (_, _, w), n in zip(inner, inner_names, strict=True) if not n]
        concept_words = common or [w.lower() for _, _, w in inner]
    else:
        concept_words = []
    if not concept_words and complement:
        concept_words, complement = complement, []
    inner_text = " ".join(w.lower() for _, _, w in inner)
    comp_text = " ".join(complement) or (inner_text if head else None) or complement_only
    if last_link == "by" and governor in change_words:
        change, change_word = True, change_word or governor
    direction = None
    if change and change_word is not None and endpoint is None:
        direction = "up" if change_word in words("up") else "down"
    concept_words = [w for w in concept_words if w not in link and w not in comparative]
    return Phrase(
        concept=" ".join(concept_words).strip(".'’") or None,
        complement=comp_text or None,
        governor=governor,
        change=change and endpoint is None,
        direction=direction,
        # "rose by $0.08 to $33.82": a "to" right after another figure marks this one as the level
        endpoint=endpoint if change or endpoint == "from" or (stopped_at_figure and endpoint == "to") else None,
        start=win_start,
        end=win_end,
        names=names,
        skipped=skipped,
    )
