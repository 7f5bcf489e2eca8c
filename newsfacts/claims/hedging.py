"""Hedging: modal verbs and adverbs that soften what a claim asserts.

A hedged claim ("Consensus is likely underpricing ...", "This would appear to be ...") commits its
author less than a plain one, which matters when claims are compared across sources. Modals are
matched in lower case only so that "May 2025" or a person called "Will" is not a hedge.
"""

from __future__ import annotations

from newsfacts.claims.lexicon import Cue, CueScan

# Hedge words, each a whole word. Capitalised forms count only where listed: sentence-initial
# "Maybe" and "Conceivably" do not (a known gap, kept so that the output stays the same).
_HEDGE_WORDS = """
    may might could couldn’t couldn't potentially likely unlikely reportedly possibly perhaps maybe
    probably apparently allegedly arguably presumably seemingly purportedly supposedly conceivably
    appear appears appeared seem seems seemed suggest suggests suggested
    Potentially Likely Unlikely Reportedly Possibly Perhaps Probably Apparently Allegedly Arguably
    Presumably Seemingly Purportedly Supposedly
    """
HEDGE = "hedge"
HEDGE_CUES: list[Cue] = [(w, r"\b") for w in _HEDGE_WORDS.split()]
_HEDGES = CueScan({HEDGE: HEDGE_CUES})


def is_hedged(text: str) -> bool:
    """True when a modal or hedge word softens the statement."""
    return bool(_HEDGES(text))
