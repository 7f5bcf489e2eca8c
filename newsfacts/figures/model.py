"""The Figure record: one numeric figure found in a document, with offsets into the full text."""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.vocabulary import FIGURE_KINDS as KINDS
from newsfacts.vocabulary import VALUE_RANGES

__all__ = ["KINDS", "VALUE_RANGES", "Figure"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure. Offsets are 0-based code points into the full document text, end exclusive.

    `value` is set unless the figure is a range; `value_low`/`value_high` hold what the qualifier
    bounds ("more than 250%" -> low 250) and both ends of a range. Exact and approximate figures
    leave both bounds None.
    """

    char_start: int
    char_end: int
    raw_text: str
    kind: str
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str
    qualifier: str
    metric: str | None
    subject: str | None
    sentence: str
    # Contract version 2. The grammar fills per_unit, direction, endpoint and dimension; the fact
    # layer (metric, subject, concept, period, fact_key) says what the figure reports and when.
    concept: str | None = None
    per_unit: str | None = None
    direction: str | None = None
    endpoint: str | None = None
    dimension: str | None = None
    period: str | None = None
    fact_key: str | None = None
