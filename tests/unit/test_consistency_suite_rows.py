"""The WARN consistency suite hands GX only the facts that fail, and reaches the verdicts, counts and
examples a validation of the whole metric_consistency frame reaches; each expectation fails on one row."""

from __future__ import annotations

import polars as pl
import pytest
from cases import cases

import newsfacts.quality.runner as runner
from newsfacts.quality.runner import _consistency_frame, gx_context, run_consistency_suite, validate_frame
from newsfacts.quality.suites import consistency_suite


@pytest.fixture(scope="module")
def gx():
    return gx_context()


def facts(n: int = 12) -> pl.DataFrame:
    """`n` facts as metric_consistency stores them: single sources and agreeing pairs, no conflict."""
    rows = [
        {
            "metric": f"metric_{i}",
            "unit": "USD" if i % 2 else "percent",
            "n_sources": 1 + i % 2,
            "n_mentions": 2 + i % 2,
            "value_min": float(i),
            "value_max": float(i),
            "verdict": "consistent" if i % 2 else "single_source",
            "sources": [f"doc_{i}", f"doc_{i + 1}"][: 1 + i % 2],
            "fact_key": f"metric_{i}|acme|2024",
            "subject": "acme",
            "period": "2024",
            "conflicts": None,
        }
        for i in range(n)
    ]
    return pl.DataFrame(rows, schema_overrides={"conflicts": pl.Utf8})


def _set(frame: pl.DataFrame, row: int, **values) -> pl.DataFrame:
    index = pl.int_range(pl.len())
    return frame.with_columns(
        pl.when(index == row).then(pl.lit(v, dtype=frame.schema[c])).otherwise(pl.col(c)).alias(c)
        for c, v in values.items()
    )


def _conflict(frame: pl.DataFrame, row: int) -> pl.DataFrame:
    return _set(frame, row, verdict="conflict", value_max=99.0, conflicts=f"metric_{row}: 1 in doc_a, 99 in doc_b")


# (check, row, change): one fact broken so that `check` fails.
ONE_CORRUPT_FACT = cases("""
    check                  | row: number | change
    no_conflicting_sources | 5           | conflict
    verdict_in_vocabulary  | 3           | verdict=maybe
    fact_unit_unique       | 4           | fact_key=metric_2|acme|2024
    n_sources_in_range     | 7           | n_sources=0
""")


def _corrupt(frame: pl.DataFrame, row: int, change: str) -> pl.DataFrame:
    if change == "conflict":
        return _conflict(frame, row)
    column, _, value = change.partition("=")
    return _set(frame, row, **{column: int(value) if column == "n_sources" else value})


def _whole_frame(frame: pl.DataFrame):
    """The verdicts of GX over the whole frame, as the suite was validated before it handed GX failing rows."""
    return validate_frame(consistency_suite(), _consistency_frame(frame).to_pandas())


def _verdicts(outcome) -> list[tuple]:
    return [(o.check, o.success, o.observed_value, o.unexpected_count, o.unexpected_examples) for o in outcome.outcomes]


@pytest.mark.parametrize(("check", "row", "change"), ONE_CORRUPT_FACT)
def test_one_corrupt_fact_fails_its_check_as_a_whole_frame_validation_does(gx, check: str, row: int, change: str):
    clean = facts()
    assert run_consistency_suite(clean).success
    frame = _corrupt(clean, row, change)
    outcome = run_consistency_suite(frame)
    failed = {o.check for o in outcome.outcomes if not o.success}
    assert check in failed and not outcome.success
    assert _verdicts(outcome) == _verdicts(_whole_frame(frame))
    assert outcome.row_count == frame.height


def test_examples_are_the_first_conflicts_in_frame_order(gx):
    frame = facts(20)
    for row in (17, 2, 11, 5, 8, 14, 19):
        frame = _conflict(frame, row)
    outcome = run_consistency_suite(frame)
    conflict = next(o for o in outcome.outcomes if o.check == "no_conflicting_sources")
    assert conflict.unexpected_count == 7
    assert conflict.observed_value == "7 of 20 rows unexpected (35.00%)"
    assert [e.split("fact_key=")[1].split("|")[0] for e in conflict.unexpected_examples] == [
        "metric_2",
        "metric_5",
        "metric_8",
        "metric_11",
        "metric_14",
    ]
    assert _verdicts(outcome) == _verdicts(_whole_frame(frame))


def test_gx_is_handed_only_the_failing_facts(gx, monkeypatch):
    handed: list[int] = []
    validate = runner._gx_validate

    def spy(spec, df, element_count=None):
        handed.append(len(df))
        return validate(spec, df, element_count)

    monkeypatch.setattr(runner, "_gx_validate", spy)
    frame = _conflict(facts(200), 120)
    outcome = run_consistency_suite(frame)
    assert handed == [1]
    assert not outcome.success and outcome.row_count == 200


def test_an_empty_frame_passes(gx):
    outcome = run_consistency_suite(facts().head(0))
    assert outcome.success and outcome.row_count == 0
