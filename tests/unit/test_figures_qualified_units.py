"""Units with a qualifier or a compact form: qualified days ("45 business days") and oil flows in
barrels per day ("bpd", "b/d"). Sentences written for these tests."""

from __future__ import annotations

import polars as pl
import pytest
from cases import cases

from newsfacts.consistency import build_metric_consistency
from newsfacts.figures import extract_figures

QUALIFIED_DAYS = cases("""
    text                                                    | raw                      | value: number | unit
    Regulators have 45 business days to rule on the merger. | 45 business days         | 45.0          | day
    The index fell for 10 straight trading days.            | 10 straight trading days | 10.0          | day
    Staff must give notice 20 working days ahead.           | 20 working days          | 20.0          | day
    Buyers may cancel within 30 calendar days.              | 30 calendar days         | 30.0          | day
    The strike lasted five consecutive weeks.               | five consecutive weeks   | 5.0           | week
    Settlement of the trade takes two business days.        | two business days        | 2.0           | day
""")


@pytest.mark.parametrize(("text", "raw", "value", "unit"), QUALIFIED_DAYS)
def test_a_qualified_day_is_a_duration_that_keeps_its_qualifier(text: str, raw: str, value: float, unit: str) -> None:
    found = [f for f in extract_figures(text) if f.raw_text == raw]
    assert len(found) == 1, [f.raw_text for f in extract_figures(text)]
    assert (found[0].kind, found[0].unit) == ("duration", unit)
    assert value in (found[0].value, found[0].value_high)


NOT_QUALIFIED = [
    # a qualifier word without a number, or before a unit that is no day
    "The business day ended early because of the holiday.",
    "Trading days are shorter on the eve of the holiday.",
    "Working weeks have grown shorter in the region.",
]


@pytest.mark.parametrize("text", NOT_QUALIFIED)
def test_qualifier_words_alone_are_no_figure(text: str) -> None:
    assert extract_figures(text) == []


def test_business_days_and_days_are_one_fact_in_disagreement() -> None:
    """One deadline as 45 days in two sources and 45 business days in a third: compared as one
    fact, and the business days (about nine calendar weeks) disagree with the days."""
    texts = {
        "a": "The agency will decide within a window of 45 days.",
        "b": "The agency will decide within a window of 45 days.",
        "c": "The agency will decide within a window of 45 business days.",
    }
    rows = []
    for doc, text in texts.items():
        (f,) = extract_figures(text)
        rows.append({"figure_id": doc, "document_id": doc, "metric": f.metric, "unit": f.unit, "kind": f.kind,
                     "value": f.value, "value_low": f.value_low, "value_high": f.value_high,
                     "qualifier": f.qualifier, "raw_text": f.raw_text, "fact_key": "window|agency|",
                     "sentence": f.sentence})  # fmt: skip
    same_days = build_metric_consistency(pl.DataFrame(rows[:2]))
    assert same_days["verdict"].to_list() == ["consistent"]
    with_business = build_metric_consistency(pl.DataFrame(rows))
    assert with_business["verdict"].to_list() == ["conflict"]


OIL_FLOWS = cases("""
    text                                                   | raw                     | value: number
    OPEC+ agreed to lift output by 137,000 bpd in October. | 137,000 bpd             | 137_000.0
    Exports reached 1.2 million b/d last month.            | 1.2 million b/d         | 1_200_000.0
    The field pumps 648,000 barrels per day.               | 648,000 barrels per day | 648_000.0
    The cartel will cut 2 million barrels a day.           | 2 million barrels a day | 2_000_000.0
""")


@pytest.mark.parametrize(("text", "raw", "value"), OIL_FLOWS)
def test_barrels_per_day_in_every_spelling(text: str, raw: str, value: float) -> None:
    found = [f for f in extract_figures(text) if f.raw_text == raw]
    assert len(found) == 1, [f.raw_text for f in extract_figures(text)]
    assert (found[0].kind, found[0].unit, found[0].value) == ("quantity", "barrel/day", value)
    assert found[0].metric is not None and found[0].metric.startswith("oil_output")


def test_a_bare_barrel_count_is_no_flow() -> None:
    found = extract_figures("The tanker carried 2 million barrels to the port.")
    assert all(f.unit != "barrel/day" for f in found)
