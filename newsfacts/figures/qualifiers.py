"""Qualifiers: how exactly the text states a figure ("about", "more than", "up to", ranges).

Phrases are matched immediately before the figure, longest first. A phrasal verb whose particle is
"up" ("build up to 2%", "ramp up to") states a target, not a ceiling, so it reads as exact, while
"rising up to 5%" keeps the ceiling reading.
"""

from __future__ import annotations

import re

from newsfacts.vocabulary import QUALIFIERS

__all__ = ["BEFORE", "QUALIFIERS", "bounds", "qualifier_before"]

BEFORE: dict[str, tuple[str, ...]] = {
    "approx": (
        "about", "around", "nearly", "roughly", "approximately", "approx.", "approx", "some", "almost",
        "close to", "circa", "ca.", "c.", "an estimated", "estimated", "more or less", "just about",
        "in the region of", "on the order of", "~", "nearing", "near", "approaching", "almost reaching",
    ),
    "more_than": (
        "over", "more than", "exceeding", "exceeded", "exceeds", "exceed", "surpassed", "surpassing",
        "surpasses", "surpass", "above", "in excess of", "upwards of", "upward of", "greater than",
        "higher than", "north of", "topped", "topping", "just over", "well over", "well above",
        "far more than", "much more than", "beyond",
    ),
    "at_least": (
        "at least", "no less than", "not less than", "a minimum of", "minimum of", "no fewer than",
        "not fewer than", "as little as",
    ),
    "less_than": (
        "less than", "fewer than", "under", "below", "lower than", "just under", "just below",
        "short of", "shy of", "south of", "well below", "well under",
    ),
    "at_most": (
        "up to", "upto", "capped at", "a cap of", "within", "no more than", "not more than",
        "at most", "a maximum of", "maximum of", "as much as", "as many as", "as high as",
        "not exceeding", "limited to", "a ceiling of", "no higher than",
    ),
    "exact": ("exactly", "precisely", "a flat", "just", "only"),
}  # fmt: skip

# Verbs whose particle "up" makes "up to" a target: "build up to 2% of GDP".
_PHRASAL_UP = (
    r"(?:build(?:s|ing)?|built|ramp(?:s|ed|ing)?|step(?:s|ped|ping)?|scal(?:e|es|ed|ing)"
    r"|gear(?:s|ed|ing)?|bump(?:s|ed|ing)?|push(?:es|ed|ing)?|driv(?:e|es|ing|en)|drove|jack(?:s|ed|ing)?"
    r"|beef(?:s|ed|ing)?|round(?:s|ed|ing)?|go(?:es|ing)?|went|gone|back|come|came|comes|coming|mov(?:e|es|ed|ing)"
    r"|climb(?:s|ed|ing)?|creep(?:s|ing)?|crept|shot|shoot(?:s|ing)?|tick(?:s|ed|ing)?|edg(?:e|es|ed|ing)"
    r"|inch(?:es|ed|ing)?|head(?:s|ed|ing)?|bounc(?:e|es|ed|ing)|jump(?:s|ed|ing)?|revis(?:e|es|ed|ing)"
    r"|end(?:s|ed|ing)?|finish(?:es|ed|ing)?|close[sd]?|closing|open(?:s|ed|ing)?)"
)


_PHRASES = {phrase: name for name, phrases in BEFORE.items() for phrase in phrases}
_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in _PHRASES)
_PHRASAL_VERB = re.compile(_PHRASAL_UP, re.IGNORECASE)
_OPENERS = "([{“‘\"'*_"
_INLINE_SPACE = " \u00a0\u202f"
_WORDS = re.compile(r"[^\s—–]+")  # "debt—nearly three times": a dash separates words too
WINDOW = 40  # characters searched before a figure for its qualifier


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier stated right before `start` ("about", "more than", ...), or None.

    Looks up the last one to four words before the figure, longest phrase first, so "no more than"
    wins over "more than"; a dictionary lookup costs the same however many phrases there are.
    """
    lo = max(0, start - WINDOW)
    window = text[lo:start]
    if window.endswith("~"):
        return "approx"
    if not window or window[-1] not in _INLINE_SPACE:
        return None
    dashed = "—" in window or "–" in window
    if not dashed:
        # the last word alone first: most numbers follow a word that ends no qualifier phrase
        last = window.rsplit(None, 1)
        whole = len(last) == 2 or lo == 0 or window[0].isspace()  # else cut by the window
        if not last or not whole or last[-1].lower().lstrip(_OPENERS) not in _LAST_WORDS:
            return None
    # str.split() splits at the same spaces as _WORDS (both ask str.isspace), without a regex call,
    # when no dash separates words too
    words = _WORDS.findall(window) if dashed else window.split()
    if lo > 0 and words and not window[0].isspace():
        words = words[1:]  # cut by the window: not a whole word
    if not words or words[-1].lower().lstrip(_OPENERS) not in _LAST_WORDS:
        return None
    words = [w.lower() for w in words[-4:]]
    for k in range(min(4, len(words)), 0, -1):
        tail = words[-k:]
        tail[0] = tail[0].lstrip(_OPENERS)
        phrase = " ".join(tail)
        if k == 3 and phrase.endswith(" up to") and _PHRASAL_VERB.fullmatch(tail[0]):
            return "exact"
        if phrase in _PHRASES:
            return _PHRASES[phrase]
    return None


def bounds(qualifier: str, value: float) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) for a single figure: the bound a qualifier states, None when unstated.

    Exact and approximate figures carry only `value`; "more than 250%" is low 250, high None.
    """
    if qualifier in ("more_than", "at_least"):
        return value, value, None
    if qualifier in ("less_than", "at_most"):
        return value, None, value
    return value, None, None
