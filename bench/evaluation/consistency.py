"""Scoring cross-source consistency: the gold facts confirmed, and no false alarms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def _doc_id(file_name: str) -> str:
    return file_name.rsplit(".", 1)[0]


def score_consistency(gold_path: str | Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """rows: metric_consistency rows (metric, unit, n_sources, verdict, sources, value_min, value_max)."""
    gold = yaml.safe_load(Path(gold_path).read_text()).get("consistency", [])
    by_metric = {(r["metric"], r["unit"]): r for r in rows}
    results, right = [], 0
    for fact in gold:
        row = by_metric.get((fact["metric"], fact["unit"]))
        expected_sources = sorted(_doc_id(s) for s in fact["sources"])
        ok = (
            row is not None
            and row["verdict"] == fact["verdict"]
            and sorted(row["sources"]) == expected_sources
            and row["value_min"] <= fact["value"] <= row["value_max"]
        )
        right += ok
        results.append(
            {
                "metric": fact["metric"],
                "ok": ok,
                "expected": fact["verdict"],
                "expected_sources": expected_sources,
                "got": None if row is None else {k: row[k] for k in ("verdict", "sources", "value_min", "value_max")},
            }
        )
    gold_metrics = {f["metric"] for f in gold if f["verdict"] == "conflict"}
    false_conflicts = [r["metric"] for r in rows if r["verdict"] == "conflict" and r["metric"] not in gold_metrics]
    return {"facts": len(gold), "facts_right": right, "false_conflicts": false_conflicts, "results": results}
