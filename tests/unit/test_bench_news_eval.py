"""The matching protocol of bench/news_figures_eval.py: what counts as a right figure, a miss, a false one.

The sentences are written here for the test; no third-party text.
"""

from __future__ import annotations

import pytest

from bench.news_figures_eval import Pred, UnitComparer, canonical_unit, score_sentences

UNITS = UnitComparer()


def _gold(text: str, surface: str, value=None, unit="count", kind="count", low=None, high=None, per=None, **kw):
    start = text.index(surface)
    return {"text": surface, "start": start, "end": start + len(surface), "value": value, "low": low,
            "high": high, "unit": unit, "per_unit": per, "kind": kind, **kw}  # fmt: skip


def _pred(text: str, surface: str, value=None, unit="count", kind="count", low=None, high=None, per=None) -> Pred:
    start = text.index(surface)
    return Pred(start, start + len(surface), surface, kind, value, low, high, unit, per)


def _score(text: str, golds: list[dict], preds: list[Pred]):
    rows = [{"id": "t", "url": "u", "topic": "t", "text": text, "quantities": golds}]
    return score_sentences(rows, lambda _t: preds, units=UNITS)


# (what, sentence, gold, prediction, right under value+unit, right under value only)
S1 = "The ferry carried 412 passengers and cost $3.5 million to refit."
S2 = "Diesel sold for $1.20 a litre, 8 cents more than in spring."
S3 = "The drive is rated at 2 TB and the cable runs 1.5 km."
S4 = "Rents rose from 3% to 4.5% while the range was 10-12 days."
M, Q, D = "money", "quantity", "duration"
CASES = [
    ("count right", S1, _gold(S1, "412", 412), _pred(S1, "412", 412), True, True),
    ("money right", S1, _gold(S1, "$3.5 million", 3.5e6, "USD", M), _pred(S1, "$3.5", 3.5e6, "USD", M), True, True),
    (
        "wrong currency",
        S1,
        _gold(S1, "$3.5 million", 3.5e6, "USD", M),
        _pred(S1, "$3.5 million", 3.5e6, "CAD", M),
        False,
        True,
    ),
    ("scale lost", S1, _gold(S1, "$3.5 million", 3.5e6, "USD", M), _pred(S1, "$3.5", 3.5, "USD", M), False, False),
    ("no overlap", S1, _gold(S1, "412", 412), _pred(S1, "refit", 412), False, False),
    (
        "rate kept",
        S2,
        _gold(S2, "$1.20", 1.2, "USD", M, per="litre"),
        _pred(S2, "$1.20", 1.2, "USD", M, per="litre"),
        True,
        True,
    ),
    ("rate lost", S2, _gold(S2, "$1.20", 1.2, "USD", M, per="litre"), _pred(S2, "$1.20", 1.2, "USD", M), False, True),
    ("cents in major unit", S2, _gold(S2, "8 cents", 0.08, "USD", M), _pred(S2, "8 cents", 8, "USD", M), False, False),
    ("converted unit", S3, _gold(S3, "2 TB", 2, "TB", Q), _pred(S3, "2 TB", 2000, "GB", Q), True, True),
    ("other dimension", S3, _gold(S3, "1.5 km", 1.5, "km", Q), _pred(S3, "1.5 km", 1.5, "kg", Q), False, True),
    ("metres from km", S3, _gold(S3, "1.5 km", 1500, "metre", Q), _pred(S3, "1.5 km", 1.5, "km", Q), True, True),
    (
        "range right",
        S4,
        _gold(S4, "10-12 days", None, "day", D, 10, 12),
        _pred(S4, "10-12 days", None, "days", D, 10, 12),
        True,
        True,
    ),
    (
        "range split",
        S4,
        _gold(S4, "10-12 days", None, "day", D, 10, 12),
        _pred(S4, "12 days", 12, "day", D),
        False,
        False,
    ),
    (
        "change not a range",
        S4,
        _gold(S4, "3%", 3, "percent", "percent"),
        _pred(S4, "3% to 4.5%", None, "percent", "percent", 3, 4.5),
        False,
        False,
    ),
]


@pytest.mark.parametrize(("what", "text", "gold", "pred", "right", "value_right"), CASES, ids=[c[0] for c in CASES])
def test_one_gold_one_figure(what: str, text: str, gold: dict, pred: Pred, right: bool, value_right: bool) -> None:
    res = _score(text, [gold], [pred])
    assert res.overall.right == int(right)
    assert res.value_only.right == int(value_right)
    assert (res.overall.gold, res.overall.pred) == (1, 1)


def test_date_figures_are_not_scored() -> None:
    text = "In March 2024 the plant hired 30 people."
    res = _score(
        text, [_gold(text, "30", 30)], [_pred(text, "March 2024", 2024, "year", "date"), _pred(text, "30", 30)]
    )
    assert (res.overall.gold, res.overall.pred, res.overall.right) == (1, 1, 1)


def test_optional_gold_is_neither_required_nor_penalised() -> None:
    text = "Sales almost doubled to 40 units."
    golds = [_gold(text, "doubled", 2, "times", "ratio", optional=True), _gold(text, "40", 40)]
    with_it = _score(text, golds, [_pred(text, "doubled", 2, "times", "ratio"), _pred(text, "40", 40)])
    without = _score(text, golds, [_pred(text, "40", 40)])
    assert (with_it.overall.gold, with_it.overall.pred, with_it.overall.right) == (1, 1, 1)
    assert (without.overall.gold, without.overall.pred, without.overall.right) == (1, 1, 1)


def test_a_false_figure_and_a_miss_count_against_their_own_kind() -> None:
    text = "Route 66 reopened after 3 weeks."
    res = _score(text, [_gold(text, "3 weeks", 3, "week", "duration")], [_pred(text, "66", 66)])
    assert (res.overall.gold, res.overall.pred, res.overall.right) == (1, 1, 0)
    kinds = res.kind_scores()
    assert kinds["duration"] == (1, 0.0, 0, 0.0)
    assert kinds["count"] == (0, 0.0, 1, 0.0)


def test_one_figure_answers_one_gold_quantity() -> None:
    text = "Two ships and 2 barges."
    res = _score(text, [_gold(text, "Two", 2), _gold(text, "2", 2)], [_pred(text, "Two ships and 2", 2)])
    assert (res.overall.gold, res.overall.right) == (2, 1)


@pytest.mark.parametrize(
    ("unit", "per_unit", "canonical"),
    [
        ("USD", "shares", "USD/share"),
        ("barrel/day", None, "barrel/day"),
        ("barrel", "day", "barrel/day"),
        ("USD", "b", "USD/barrel"),
        ("percentage_points", None, "percentage_point"),
        ("days", None, "day"),
        ("MB", None, "MB"),
        ("B", None, "B"),
        ("times", None, "times"),
        ("°C", None, "degC"),
        ("fahrenheit", None, "degF"),
        (None, None, "-"),
    ],
)
def test_canonical_unit(unit: str | None, per_unit: str | None, canonical: str) -> None:
    assert canonical_unit(unit, per_unit) == canonical


def test_offset_units_compare_by_name_only() -> None:
    assert UNITS.factor("degC", "degF") is None  # 1 degF is not a factor of a Celsius value
    assert UNITS.factor("degC", "degC") == 1.0


def test_bytes_do_not_convert_to_bare_numbers() -> None:
    assert UNITS.factor("GB", "count") is None
    assert UNITS.factor("TB", "GB") == pytest.approx(0.001)  # a value in GB times this is in TB
