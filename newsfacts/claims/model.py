"""The records claim extraction produces and clustering consumes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from newsfacts.vocabulary import CLAIM_TYPES

__all__ = ["CLAIM_TYPES", "Claim", "ClusterInput"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim sentence (or clause) of a body.

    Offsets are 0-based code-point offsets into the full text, end exclusive, so that
    `text[char_start:char_end] == claim.text` and the warehouse can point back at the raw span.
    """

    char_start: int
    char_end: int
    text: str
    speaker: str | None
    claim_type: str
    hedged: bool


class ClusterInput(NamedTuple):
    """What clustering needs of a claim: where it comes from, its words and its figures.

    `figure_keys` holds the (metric, value) pairs of the catalogued figures the claim carries.
    """

    document_id: str
    text: str
    figure_keys: frozenset[tuple[str, float]] = frozenset()
