"""Claim text normalised for comparison across documents.

Two reports of one statement differ in case, punctuation, function words, plurals and British or
American spelling; none of that changes what is said, so all of it is folded away before wording
is compared. Numbers are kept as tokens: "grew 2%" and "grew 3%" say different things.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:[.'’][a-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")  # tokens hold ASCII digits only (_TOKEN)
_STOP_LIST = """
    a an the of to in on at for by with and or but nor is are was were be been being has have had do
    does did it its this that these those as from into than then so such which who whom whose their
    his her our your my they he she we i you not no also will would can could may might should must
    about over after before while during there here what when where how all any both each more most
    other some very just only even still already yet said says
    """
_STOP = frozenset(_STOP_LIST.split())
_FOLD = {"defence": "defense", "licence": "license", "offence": "offense", "centre": "center", "u.s": "us"}
_BRITISH = re.compile(r"(?<=\w\w\w)is(e|ed|es|ing|ation|ations)$")


@lru_cache(maxsize=500_000)
def _fold(tok: str) -> str:
    """One token folded: possessive dropped, spelling variants and plurals unified; '' for a stop word."""
    tok = tok.replace("’", "'").removesuffix("'s")
    if tok in _STOP:
        return ""
    tok = _BRITISH.sub(r"iz\1", _FOLD.get(tok, tok))
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith("ss"):
        tok = tok[:-1]
    return tok


def normalise(text: str) -> list[str]:
    """Content tokens of a claim, folded so that spelling variants and plurals compare equal."""
    return [f for f in map(_fold, _TOKEN.findall(text.lower())) if f]


def numbers(tokens: list[str]) -> frozenset[str]:
    """The numeric tokens of a normalised claim (one regex test per token: called for every distinct text)."""
    return frozenset(filter(_DIGIT.search, tokens))
