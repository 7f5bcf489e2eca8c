"""Scoring figures against the hand-made gold, and a runner that extracts the seeds in-process.

    python -m bench.evaluation.figures [--seeds seeds/] [--gold tests/data/gold_seeds.yaml] [--json]

Matching follows the gold file's header: a gold figure's span is `text` located inside its unique
`ctx`; a prediction matches when its [char_start, char_end) overlaps that span, one to one, greedily
(required gold figures first, largest overlap first). Optional gold figures are neither required
nor penalised. A prediction overlapping a trap is a false positive and is listed as such.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parents[2]
GOLD_CANDIDATES = (PROJECT / "tests" / "data" / "gold_seeds.yaml", Path("/work/shared/gold/seeds.yaml"))
TARGETS = {"f1": 0.95, "value_accuracy": 0.95, "qualifier_accuracy": 0.90}
REL_TOL = 1e-6


def _located(raw: str, items: list[dict] | None, errors: list[str], label: str) -> list[tuple[dict, tuple[int, int]]]:
    """Each gold item (a figure or a trap) with its span in `raw`; one not found there is noted in
    `errors` after `label` instead, so a broken gold entry is reported, never scored."""
    found = []
    for item in items or []:
        span = _span(raw, item["ctx"], item["text"])
        if isinstance(span, str):
            errors.append(label + span)
        else:
            found.append((item, span))
    return found


def _span(raw: str, ctx: str, text: str) -> tuple[int, int] | str:
    """The gold span in the raw text, or why it cannot be located."""
    at = raw.find(ctx)
    if at < 0:
        return f"ctx not found: {ctx!r}"
    if raw.find(ctx, at + 1) >= 0:
        return f"ctx not unique: {ctx!r}"
    inner = ctx.find(text)
    if inner < 0:
        return f"text {text!r} not inside ctx {ctx!r}"
    return at + inner, at + inner + len(text)


def _overlap(pred: dict[str, Any], span: tuple[int, int]) -> int:
    return min(pred["char_end"], span[1]) - max(pred["char_start"], span[0])


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= REL_TOL * max(abs(float(a)), abs(float(b)), 1e-12)


def _value_right(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if "value" in gold:
        return _close(gold["value"], pred.get("value"))
    return _close(gold.get("low"), pred.get("value_low")) and _close(gold.get("high"), pred.get("value_high"))


def _ratio(right: int, total: int) -> float:
    return right / total if total else math.nan


def score_figures(
    gold_path: str | Path, predictions: dict[str, list[dict[str, Any]]], raw_texts: dict[str, str]
) -> dict[str, Any]:
    """Precision/recall/F1 and attribute accuracies of `predictions` (file name -> figure rows)."""
    gold_docs = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))["documents"]
    tp = fp = n_required = optional_matched = 0
    checks = {name: [0, 0] for name in ("value", "qualifier", "unit", "kind", "metric")}
    misses: list[dict] = []
    false_positives: list[dict] = []
    traps_extracted: list[dict] = []
    attribute_errors: list[dict] = []
    gold_errors: list[str] = []
    per_document: dict[str, dict[str, int]] = {}
    for doc, spec in gold_docs.items():
        if doc not in raw_texts:
            gold_errors.append(f"{doc}: no raw text given")
            continue
        raw = raw_texts[doc]
        preds = sorted(predictions.get(doc, []), key=lambda p: (p["char_start"], p["char_end"]))
        golds = _located(raw, spec.get("figures"), gold_errors, f"{doc}: ")
        traps = _located(raw, spec.get("traps"), gold_errors, f"{doc}: trap ")
        used: set[int] = set()
        stats = {"true_positives": 0, "false_positives": 0, "misses": 0}
        for g, span in sorted(golds, key=lambda x: (bool(x[0].get("optional")), x[1])):
            choice = max(
                (i for i, p in enumerate(preds) if i not in used and _overlap(p, span) > 0),
                key=lambda i: (_overlap(preds[i], span), -abs(preds[i]["char_start"] - span[0]), -i),
                default=None,
            )
            optional = bool(g.get("optional"))
            n_required += not optional
            if choice is None:
                if not optional:
                    stats["misses"] += 1
                    misses.append({"document": doc, **g})
                continue
            used.add(choice)
            pred = preds[choice]
            if optional:
                optional_matched += 1
            else:
                tp += 1
                stats["true_positives"] += 1
            _check(doc, g, pred, checks, attribute_errors)
        for i, pred in enumerate(preds):
            if i in used:
                continue
            fp += 1
            stats["false_positives"] += 1
            row = {"document": doc, **{k: pred.get(k) for k in _SHOWN}}
            hit = [t for t, span in traps if _overlap(pred, span) > 0]
            if hit:
                traps_extracted.append({**row, "trap": hit[0]["ctx"]})
            false_positives.append(row)
        per_document[doc] = stats
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / n_required if n_required else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        **{f"{name}_accuracy": _ratio(*checks[name]) for name in checks},
        "counts": {
            "gold_required": n_required,
            "true_positives": tp,
            "false_positives": fp,
            "optional_matched": optional_matched,
            **{f"{name}_checked": checks[name][1] for name in checks},
        },
        "traps_extracted": traps_extracted,
        "misses": misses,
        "false_positives": false_positives,
        "attribute_errors": attribute_errors,
        "gold_errors": gold_errors,
        "per_document": per_document,
    }


_SHOWN = ("char_start", "char_end", "raw_text", "kind", "value", "value_low", "value_high", "unit")
_SHOWN += ("qualifier", "metric")


def _check(doc: str, g: dict, pred: dict, checks: dict[str, list[int]], errors: list[dict]) -> None:
    results = {
        "value": _value_right(g, pred),
        "unit": pred.get("unit") == g.get("unit"),
        "kind": pred.get("kind") == g.get("kind"),
    }
    if g.get("kind") != "date":  # the gold header: qualifiers are not scored for dates
        results["qualifier"] = pred.get("qualifier") == g.get("qualifier")
    if g.get("metric"):
        results["metric"] = pred.get("metric") == g["metric"]
    for name, right in results.items():
        checks[name][0] += right
        checks[name][1] += 1
        if not right:
            errors.append({"document": doc, "attribute": name, "ctx": g["ctx"], "gold": g,
                           "predicted": {k: pred.get(k) for k in _SHOWN}})  # fmt: skip


def _decode(data: bytes) -> str:
    """Decode as landing does (when that module is present), so offsets agree with the warehouse."""
    try:
        decoded = importlib.import_module("newsfacts.landing").decode(data)
        if isinstance(decoded, tuple):
            return decoded[0]
    except (ImportError, AttributeError):
        pass
    return data.decode("utf-8-sig")


def _body(text: str) -> tuple[int, int]:
    """Body bounds from newsfacts.metadata when it exists, else the whole text."""
    try:
        meta = importlib.import_module("newsfacts.metadata").parse_metadata(text)
        return int(meta.body_start), int(meta.body_end)
    except (ImportError, AttributeError):
        return 0, len(text)


def extract_seeds(seeds: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Run the extractor over every seed file in-process: (predictions, raw texts) by file name."""
    from newsfacts.figures import extract_figures

    predictions, raw_texts = {}, {}
    for path in sorted(p for p in seeds.rglob("*") if p.suffix in (".txt", ".md", ".markdown")):
        text = _decode(path.read_bytes())
        start, end = _body(text)
        raw_texts[path.name] = text
        predictions[path.name] = [asdict(f) for f in extract_figures(text, start, end)]
    return predictions, raw_texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=PROJECT / "seeds")
    parser.add_argument("--gold", type=Path, default=next((p for p in GOLD_CANDIDATES if p.exists()), None))
    parser.add_argument("--json", action="store_true", help="print every detail as JSON")
    args = parser.parse_args(argv)
    if args.gold is None:
        parser.error("no gold file found; pass --gold")
    predictions, raw_texts = extract_seeds(args.seeds)
    scores = score_figures(args.gold, predictions, raw_texts)
    if args.json:
        print(json.dumps(scores, indent=2, default=str))
    else:
        print(
            f"figures: precision {scores['precision']:.3f} recall {scores['recall']:.3f} "
            f"F1 {scores['f1']:.3f}\n"
            f"  value acc {scores['value_accuracy']:.3f} qualifier acc {scores['qualifier_accuracy']:.3f} "
            f"unit acc {scores['unit_accuracy']:.3f} kind acc {scores['kind_accuracy']:.3f} "
            f"metric acc {scores['metric_accuracy']:.3f}\n  counts {scores['counts']}\n"
            f"  traps extracted: {len(scores['traps_extracted'])}"
        )
        for name in ("misses", "false_positives", "attribute_errors", "gold_errors", "traps_extracted"):
            for item in scores[name]:
                print(f"  {name[:-1] if name.endswith('s') else name}: {item}")
    met = all(scores[k] >= v for k, v in TARGETS.items()) and not scores["traps_extracted"]
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
