"""Scoring claim extraction (and clustering) against the hand-made gold of the seeds.

Matching rules, chosen to mirror how the gold was written:

- A gold claim is found when its `ctx` (a substring occurring once in the raw document) lies
  entirely inside one predicted claim span. Partial overlaps do not count, because a claim that
  cuts a statement in two is a wrong claim; the best partial overlap is reported in `misses`.
- Speaker accuracy is over gold claims with a non-null speaker. The predicted speaker of the
  containing claim is right when it equals the gold one ignoring case, or contains it
  ("Treasury Secretary Bessent" for "Bessent"). A missed claim counts as a wrong speaker.
- A `not_claims` line is returned when a predicted claim overlaps a line of the document that
  is exactly that text (or, if there is no such line, any occurrence of it), or when a predicted
  claim's text equals it or lies within it after stripping white space.

`python -m bench.evaluation.claims [seeds_dir] [gold.yaml]` runs extraction in-process over
the seeds (body bounds and figures from the other modules when they are importable) and exits
non-zero when a target is missed: recall >= 0.9, every gold speaker right, no furniture returned.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from newsfacts.claims import ClusterInput, extract_claims
from newsfacts.claims.clustering import cluster_claims

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = ROOT / "seeds"
GOLD_CANDIDATES = (ROOT / "tests" / "data" / "gold_seeds.yaml", Path("/work/shared/gold/seeds.yaml"))
TARGET_RECALL = 0.9


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _line_occurrences(raw: str, line: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"^[ \t]*({re.escape(line)})[ \t]*$", re.MULTILINE)
    spans = [m.span(1) for m in pattern.finditer(raw)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(line), raw)]
    return spans


def _containing(preds: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    return next((p for p in preds if p["char_start"] <= start and end <= p["char_end"]), None)


def _furniture_returned(raw: str, preds: list[dict[str, Any]], line: str) -> dict[str, Any] | None:
    target = line.strip()
    occurrences = _line_occurrences(raw, target)
    for p in preds:
        text = p["text"].strip()
        span = (p["char_start"], p["char_end"])
        if (text and text in target) or any(_overlap(span, o) for o in occurrences):
            return {"not_claim": target, "claim": p["text"]}
    return None


def score_claims(
    gold_path: str | Path, predictions: dict[str, list[dict[str, Any]]], raw_texts: dict[str, str]
) -> dict[str, Any]:
    """Recall, speaker accuracy and furniture returned; `predictions`: file_name -> claim dicts."""
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))["documents"]
    n_gold = n_found = n_speakers = n_speakers_right = 0
    misses: list[dict[str, Any]] = []
    speaker_errors: list[dict[str, Any]] = []
    furniture: list[dict[str, Any]] = []
    for file_name, doc in gold.items():
        raw = raw_texts.get(file_name, "")
        preds = predictions.get(file_name, [])
        for item in doc.get("claims") or []:
            ctx, expected = item["ctx"], item.get("speaker")
            n_gold += 1
            n_speakers += expected is not None
            at = raw.find(ctx)
            hit = _containing(preds, at, at + len(ctx)) if at >= 0 else None
            if hit is None:
                closest = max(
                    preds,
                    key=lambda p: _overlap((at, at + len(ctx)), (p["char_start"], p["char_end"])),
                    default=None,
                )
                reason = "not inside one claim" if at >= 0 else "ctx not in document"
                misses.append(
                    {
                        "document": file_name,
                        "ctx": ctx,
                        "reason": reason,
                        "closest": closest["text"] if closest and at >= 0 else None,
                    }
                )
            else:
                n_found += 1
            if expected is None:
                continue
            got = hit.get("speaker") if hit else None
            if got is not None and expected.lower() in got.lower():
                n_speakers_right += 1
            else:
                speaker_errors.append({"document": file_name, "ctx": ctx, "expected": expected, "got": got})
        for line in doc.get("not_claims") or []:
            if found := _furniture_returned(raw, preds, line):
                furniture.append({"document": file_name, **found})
    return {
        "n_gold": n_gold,
        "n_found": n_found,
        "recall": n_found / n_gold if n_gold else 1.0,
        "n_speakers": n_speakers,
        "n_speakers_right": n_speakers_right,
        "speaker_accuracy": n_speakers_right / n_speakers if n_speakers else 1.0,
        "not_claims_returned": furniture,
        "misses": misses,
        "speaker_errors": speaker_errors,
        "n_predicted": sum(len(v) for v in predictions.values()),
    }


def _body_bounds(text: str) -> tuple[int, int]:
    """Body bounds from the metadata parser when it is available, else the whole text."""
    try:
        from newsfacts.metadata import parse_metadata
    except ImportError:
        return 0, len(text)
    meta = parse_metadata(text)
    return meta.body_start, meta.body_end


def _figures(text: str, start: int, end: int) -> list[Any]:
    """Figures from the figure extractor (its packaged catalogue) when available, else none."""
    try:
        from newsfacts.figures import extract_figures
    except ImportError:
        return []
    return list(extract_figures(text, start, end))


def run_seeds(
    seeds_dir: Path,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str], list[dict[str, Any]]]:
    """Extract the claims of every seed in-process; also cluster them across seeds."""
    predictions: dict[str, list[dict[str, Any]]] = {}
    raw_texts: dict[str, str] = {}
    inputs: list[ClusterInput] = []
    for path in sorted(p for p in seeds_dir.rglob("*") if p.suffix in {".txt", ".md", ".markdown"}):
        raw = path.read_text(encoding="utf-8")
        raw_texts[path.name] = raw
        start, end = _body_bounds(raw)
        figures = _figures(raw, start, end)
        spans = [(f.char_start, f.char_end) for f in figures]
        rows = []
        for c in extract_claims(raw, start, end, spans):
            keys = frozenset(
                (f.metric, float(f.value))
                for f in figures
                if getattr(f, "metric", None)
                and f.value is not None
                and c.char_start <= f.char_start
                and f.char_end <= c.char_end
            )
            rows.append(
                {
                    "char_start": c.char_start,
                    "char_end": c.char_end,
                    "text": c.text,
                    "speaker": c.speaker,
                    "claim_type": c.claim_type,
                    "hedged": c.hedged,
                }
            )
            inputs.append(ClusterInput(path.stem, c.text, keys))
        predictions[path.name] = rows
    ids = cluster_claims(inputs)
    groups: dict[str, list[ClusterInput]] = defaultdict(list)
    for cid, item in zip(ids, inputs, strict=True):
        groups[cid].append(item)
    clusters = [
        {
            "cluster_id": cid,
            "n_sources": len({m.document_id for m in members}),
            "n_claims": len(members),
            "claims": [f"{m.document_id}: {m.text[:100]}" for m in members],
        }
        for cid, members in groups.items()
        if len({m.document_id for m in members}) > 1
    ]
    return predictions, raw_texts, clusters


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seeds_dir = Path(args[0]) if args else DEFAULT_SEEDS
    gold_path = Path(args[1]) if len(args) > 1 else next((p for p in GOLD_CANDIDATES if p.exists()), None)
    if gold_path is None:
        print("no gold file found; pass it as the second argument", file=sys.stderr)
        return 2
    predictions, raw_texts, clusters = run_seeds(seeds_dir)
    report = score_claims(gold_path, predictions, raw_texts)
    report["cross_source_clusters"] = clusters
    print(json.dumps(report, indent=2, ensure_ascii=False))
    ok = (
        report["recall"] >= TARGET_RECALL
        and report["n_speakers_right"] == report["n_speakers"]
        and not report["not_claims_returned"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
