"""Hedging: modal verbs and adverbs that soften what a claim asserts.

A hedged claim ("Consensus is likely underpricing ...", "This would appear to be ...") commits its
author less than a plain one, which matters when claims are compared across sources. Modals are
matched in lower case only so that "May 2025" or a person called "Will" is not a hedge.
"""

from __future__ import annotations

import re

# The lookahead on the first letter lets the engine skip most word starts at once.
_HEDGE = re.compile(
    r"\b(?=[mcpPlLuUrRaAsSwW])(?:may|might|could|couldn[’']t|[Pp]otentially|[Ll]ikely|[Uu]nlikely|"
    r"[Rr]eportedly|[Pp]ossibly|[Pp]erhaps|[Mm]aybe|[Pp]robably|[Aa]pparently|[Aa]llegedly|[Aa]rguably|"
    r"[Pp]resumably|[Ss]eemingly|[Pp]urportedly|[Ss]upposedly|[Cc]onceivably|appears?|appeared|"
    r"seems?|seemed|suggests?|suggested|would (?:appear|seem|suggest))\b"
)


def is_hedged(text: str) -> bool:
    """True when a modal or hedge word softens the statement."""
    return _HEDGE.search(text) is not None
