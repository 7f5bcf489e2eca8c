"""Scoring against gold: matching by overlap, optional figures, traps, attribute accuracies; and the
seeds meeting the acceptance targets."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bench.evaluation.figures import TARGETS, extract_seeds, score_figures

PROJECT = Path(__file__).resolve().parents[2]
GOLD = PROJECT / "tests" / "data" / "gold_seeds.yaml"

RAW = "Intro. Shares rose up to 5% in the Nikkei 225 session; about three women left in 2025 (1) ok."
GOLD_YAML = """
documents:
  doc.txt:
    figures:
      - {ctx: "up to 5%", text: "5%", kind: percent, value: 5, unit: percent, qualifier: at_most, metric: m1}
      - {ctx: "three women", text: "three", kind: count, value: 3, unit: count, qualifier: approx,
         optional: true}
      - {ctx: "in 2025", text: "2025", kind: date, value: 2025, unit: year, qualifier: exact}
    traps:
      - {ctx: "Nikkei 225", text: "225"}
      - {ctx: "(1) ok", text: "1"}
"""


def pred(text: str, sub: str, **fields) -> dict:
    start = text.index(sub)
    row = {"char_start": start, "char_end": start + len(sub), "raw_text": sub, "metric": None}
    return {**row, **fields}


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    return path


def test_perfect_predictions(gold: Path) -> None:
    preds = [
        pred(RAW, "5%", kind="percent", value=5.0, unit="percent", qualifier="at_most", metric="m1"),
        pred(RAW, "2025", kind="date", value=2025.0, unit="year", qualifier="approx"),  # date qualifier unscored
    ]
    scores = score_figures(gold, {"doc.txt": preds}, {"doc.txt": RAW})
    assert (scores["precision"], scores["recall"], scores["f1"]) == (1.0, 1.0, 1.0)
    assert scores["qualifier_accuracy"] == 1.0 and scores["metric_accuracy"] == 1.0
    assert scores["traps_extracted"] == [] and scores["misses"] == []


def test_traps_misses_optional_and_attribute_errors(gold: Path) -> None:
    preds = [
        pred(RAW, "up to 5%", kind="percent", value=5.0000000001, unit="percent", qualifier="exact"),
        pred(RAW, "three", kind="count", value=3.0, unit="count", qualifier="approx"),  # optional: not counted
        pred(RAW, "225", kind="count", value=225.0, unit="count", qualifier="exact"),  # trap
    ]
    scores = score_figures(gold, {"doc.txt": preds}, {"doc.txt": RAW})
    assert scores["precision"] == 0.5  # 1 true positive, 1 false positive (the trap)
    assert scores["recall"] == 0.5  # "2025" missed
    assert [t["raw_text"] for t in scores["traps_extracted"]] == ["225"]
    assert [m["text"] for m in scores["misses"]] == ["2025"]
    assert scores["value_accuracy"] == 1.0  # within 1e-6 relative
    assert scores["qualifier_accuracy"] == 0.5  # the optional figure's qualifier is still checked
    assert scores["metric_accuracy"] == 0.0
    assert scores["counts"]["optional_matched"] == 1


def test_matching_is_one_to_one(gold: Path) -> None:
    preds = [pred(RAW, "5%", kind="percent", value=5.0, unit="percent", qualifier="at_most")] * 2
    scores = score_figures(gold, {"doc.txt": preds}, {"doc.txt": RAW})
    assert scores["counts"]["true_positives"] == 1 and scores["counts"]["false_positives"] == 1


def test_unlocatable_gold_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("documents:\n  d.txt:\n    figures:\n      - {ctx: nowhere, text: x, kind: count, value: 1}\n")
    scores = score_figures(path, {}, {"d.txt": "text"})
    assert scores["gold_errors"] and math.isnan(scores["value_accuracy"])


@pytest.mark.skipif(not GOLD.exists(), reason="gold file not present")
def test_seeds_meet_the_targets() -> None:
    predictions, raw = extract_seeds(PROJECT / "seeds")
    scores = score_figures(GOLD, predictions, raw)
    for name, target in TARGETS.items():
        assert scores[name] >= target, (name, scores["misses"], scores["false_positives"])
    assert scores["traps_extracted"] == []
