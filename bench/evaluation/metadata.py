"""Scoring metadata against the gold: every field right, and NULL where the gold says null."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

FIELDS = {  # gold key -> warehouse column
    "title": "title",
    "author": "author",
    "published": "published_date",
    "sentiment_label": "sentiment_label",
    "sentiment_score": "sentiment_score",
}


def _same(gold: Any, got: Any) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    if isinstance(got, date):
        got = got.isoformat()
    if isinstance(gold, date):
        gold = gold.isoformat()
    if isinstance(gold, float) or isinstance(got, float):
        return abs(float(gold) - float(got)) < 1e-9
    return str(gold).strip() == str(got).strip()


def score_metadata(gold_path: str | Path, predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """predictions: file_name -> warehouse row of document_metadata (column -> value)."""
    gold = yaml.safe_load(Path(gold_path).read_text())["documents"]
    checked, wrong = 0, []
    for file_name, doc in gold.items():
        row = predictions.get(file_name, {})
        for key, expected in doc.get("metadata", {}).items():
            got = row.get(FIELDS.get(key, key))
            checked += 1
            if not _same(expected, got):
                wrong.append({"document": file_name, "field": key, "expected": expected, "got": got})
    return {
        "fields_checked": checked,
        "fields_right": checked - len(wrong),
        "accuracy": (checked - len(wrong)) / max(checked, 1),
        "wrong": wrong,
    }
