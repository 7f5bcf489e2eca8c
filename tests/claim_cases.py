"""What the claims tests share: the claim that holds a marker, and tables of texts with paragraphs.

Importable from every test module, as `cases` is (this folder is on sys.path).
"""

from __future__ import annotations

import pytest
from cases import cases

from newsfacts.claims import Claim, extract_claims

PARAGRAPH = " ¶ "


def claim_holding(text: str, marker: str) -> Claim:
    """The first claim whose text holds `marker`; failing with every claim's text when none does."""
    hits = [c for c in extract_claims(text) if marker in c.text]
    assert hits, f"no claim holds {marker!r}: {[c.text for c in extract_claims(text)]}"
    return hits[0]


def paragraph_cases(table: str) -> list[object]:
    """`id | ... | text` rows as (text, ...) params: the text first, " ¶ " in it a paragraph break."""
    return [pytest.param(row[-1].replace(PARAGRAPH, "\n"), *row[1:-1], id=row[0]) for row in cases(table)]
