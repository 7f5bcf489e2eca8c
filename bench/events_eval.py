"""Cross-source consistency on multi-outlet events: the four numbers of the consistency bar.

    python -m bench.events_eval PATH [--errors]

PATH is a folder of event YAMLs in the format of tests/data/events/*.yaml (real coverage is kept
outside the repository): `documents` (id -> published date and text), `must_not_merge` (pairs of
figure references that are different measures) and `facts` (figure references that report one
fact, with the verdict `consistent` or `conflict`). A figure reference is [document, figure as
written] (its first occurrence) or [document, figure, context] (the figure inside the context).

The library path is the product's: extract_figures with the published date, then
build_metric_consistency over every figure of the event. Scored, over all events of PATH:

- conflict precision: reported conflicting facts (rows with verdict `conflict`) that FIND a gold
  conflict, over all reported conflicts. A row finds a gold conflict fact when it holds that
  fact's figures from two or more documents and those figures alone disagree.
- conflict recall: gold conflict facts found by some reported conflict, over gold conflict facts.
- must-not-compare pairs merged: pairs whose two figures share a fact key, over pairs whose
  two figures were both extracted (checkable).
- consistent facts found: gold consistent facts whose compared figures (those with a fact key)
  cover two or more documents and share one fact key, and whose row (that key, in the unit most
  of them use, as the row reports it) is `consistent`, over gold consistent facts.

A gold figure that was not extracted, or is extracted but not compared (no fact key), does not
block its fact: the code says nothing wrong about it, and the others still decide. A figure under
another fact key splits the fact, which is then not found. Both are listed under --errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from newsfacts.consistency import build_metric_consistency, complete_fact_keys
from newsfacts.figures import Figure, extract_figures

Ref = list[str]
EventFigures = dict[str, tuple[str, list[Figure]]]


def load_event(path: Path) -> dict[str, Any]:
    """One event YAML as a dict."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def event_figures(event: dict[str, Any]) -> EventFigures:
    """Per document: its text and the figures the product extracts from it (with its published date)."""
    out: EventFigures = {}
    for doc, spec in event["documents"].items():
        published = spec.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        out[doc] = (spec["text"], extract_figures(spec["text"], published_date=published))
    return out


def find_figure(figures: EventFigures, ref: Ref) -> Figure | None:
    """The figure a reference names: the one written as `raw` inside the context, else one overlapping it."""
    doc, raw, *rest = ref
    text, found = figures[doc]
    context = rest[0] if rest else raw
    start = text.find(context)
    if start < 0:
        raise ValueError(f"{context!r} is not in {doc}")
    end = start + len(context)
    inside = [f for f in found if start <= f.char_start and f.char_end <= end]
    inside = inside or [f for f in found if f.char_start < end and start < f.char_end]
    exact = [f for f in inside if f.raw_text == raw]
    return (exact or inside or [None])[0]


def figure_id(doc: str, f: Figure) -> str:
    return f"{doc}:{f.char_start}"


def consistency_input(figures: EventFigures) -> pl.DataFrame:
    """The figures of every document as the rows build_metric_consistency reads, their fact keys
    completed across the documents as build_metric_consistency completes them."""
    rows = [
        {
            "figure_id": figure_id(doc, f),
            "document_id": doc,
            "metric": f.metric,
            "unit": f.unit,
            "kind": f.kind,
            "value": f.value,
            "value_low": f.value_low,
            "value_high": f.value_high,
            "qualifier": f.qualifier,
            "raw_text": f.raw_text,
            "fact_key": f.fact_key,
            "sentence": f.sentence,
        }
        for doc, (_, found) in figures.items()
        for f in found
    ]
    return complete_fact_keys(pl.DataFrame(rows, infer_schema_length=None))


def fact_keys(frame: pl.DataFrame) -> dict[str, str | None]:
    """figure_id -> the fact key it is compared on (completed across documents)."""
    return dict(zip(frame["figure_id"], frame["fact_key"], strict=True)) if frame.height else {}


@dataclass
class Tally:
    """Counts behind the four numbers, and what went wrong."""

    reported_conflicts: int = 0
    true_conflicts: int = 0
    gold_conflicts: int = 0
    found_conflicts: int = 0
    pairs: int = 0
    checkable_pairs: int = 0
    merged_pairs: int = 0
    gold_consistent: int = 0
    found_consistent: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "reported_conflicts",
            "true_conflicts",
            "gold_conflicts",
            "found_conflicts",
            "pairs",
            "checkable_pairs",
            "merged_pairs",
            "gold_consistent",
            "found_consistent",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _show(doc: str, f: Figure | None, ref: Ref, key: str | None = None) -> str:
    if f is None:
        return f"{doc}: {ref[1]!r} NOT EXTRACTED"
    return f"{doc}: {f.raw_text!r} key={key}  | {' '.join((f.sentence or '').split())[:160]}"


def _disagree(rows: pl.DataFrame) -> bool:
    """True when these mentions alone (from 2+ documents) give a conflict."""
    if rows["document_id"].n_unique() < 2:
        return False
    return (build_metric_consistency(rows)["verdict"] == "conflict").any()


def score_event(name: str, event: dict[str, Any], figures: EventFigures | None = None) -> Tally:
    """The tally of one event."""
    figures = figures if figures is not None else event_figures(event)
    frame = consistency_input(figures)
    result = build_metric_consistency(frame)
    tally = Tally()
    key_of = fact_keys(frame)

    def key_in(doc: str, f: Figure | None) -> str | None:
        return None if f is None else key_of.get(figure_id(doc, f))

    def located(refs: Iterable[Ref]) -> list[tuple[Ref, Figure | None]]:
        return [(ref, find_figure(figures, ref)) for ref in refs]

    gold = []
    for spec in event.get("facts", []):
        refs = located(spec["figures"])
        missing = [_show(r[0], None, r) for r, f in refs if f is None]
        if missing:
            tally.errors.append(f"[{name}] gold figure missing: " + "; ".join(missing))
        ids = {figure_id(r[0], f) for r, f in refs if f is not None}
        gold.append((spec, refs, ids))

    # Reported conflicts: each row with verdict conflict finds a gold conflict, or is false.
    conflict_rows = result.filter(pl.col("verdict") == "conflict")
    found_gold: set[int] = set()
    for row in conflict_rows.iter_rows(named=True):
        tally.reported_conflicts += 1
        members = frame.filter(pl.col("fact_key") == row["fact_key"])
        member_ids = set(members["figure_id"])
        hit = False
        for i, (spec, _, ids) in enumerate(gold):
            if spec["verdict"] != "conflict":
                continue
            subset = members.filter(pl.col("figure_id").is_in(sorted(ids & member_ids)))
            if subset.height and _disagree(subset):
                found_gold.add(i)
                hit = True
        if hit:
            tally.true_conflicts += 1
        else:
            tally.errors.append(f"[{name}] FALSE CONFLICT {row['conflicts']}")

    for i, (spec, refs, _) in enumerate(gold):
        shown = "; ".join(_show(r[0], f, r, key_in(r[0], f)) for r, f in refs)
        if spec["verdict"] == "conflict":
            tally.gold_conflicts += 1
            if i in found_gold:
                tally.found_conflicts += 1
            else:
                tally.errors.append(f"[{name}] MISSED CONFLICT: {shown}")
            continue
        tally.gold_consistent += 1
        keyed = [(r, f) for r, f in refs if key_in(r[0], f) is not None]
        keys = {key_in(r[0], f) for r, f in keyed}
        docs = {r[0] for r, _ in keyed}
        ok = len(docs) >= 2 and len(keys) == 1
        if ok:
            (key,) = keys
            units = [f.unit for _, f in keyed]
            unit = max(set(units), key=units.count)
            rows = result.filter((pl.col("fact_key") == key) & (pl.col("unit") == unit))
            ok = rows.height == 1 and rows["verdict"][0] == "consistent" and docs <= set(rows["sources"][0])
        if ok:
            tally.found_consistent += 1
        else:
            verdicts = result.filter(pl.col("fact_key").is_in(sorted(k for k in keys if k)))["verdict"].to_list()
            tally.errors.append(f"[{name}] UNFOUND FACT (verdicts {verdicts}): {shown}")

    for pair in event.get("must_not_merge", []):
        tally.pairs += 1
        (ra, a), (rb, b) = located(pair)
        if a is None or b is None or figure_id(ra[0], a) == figure_id(rb[0], b):
            continue
        tally.checkable_pairs += 1
        if key_in(ra[0], a) is not None and key_in(ra[0], a) == key_in(rb[0], b):
            tally.merged_pairs += 1
            shown = f"{_show(ra[0], a, ra, key_in(ra[0], a))} || {_show(rb[0], b, rb, key_in(rb[0], b))}"
            tally.errors.append(f"[{name}] MERGED PAIR: {shown}")
    return tally


def score_folder(folder: Path) -> Tally:
    """The tally over every event YAML of a folder."""
    total = Tally()
    for path in sorted(folder.glob("*.yaml")):
        total.add(score_event(path.stem, load_event(path)))
    return total


def report(t: Tally) -> str:
    """The four numbers, with their counts."""
    return "\n".join(
        [
            f"conflict precision: {_ratio(t.true_conflicts, t.reported_conflicts):.3f}"
            f" ({t.true_conflicts}/{t.reported_conflicts} reported conflicts are real)",
            f"conflict recall:    {_ratio(t.found_conflicts, t.gold_conflicts):.3f}"
            f" ({t.found_conflicts}/{t.gold_conflicts} gold conflicts found)",
            f"pairs merged:       {t.merged_pairs} of {t.checkable_pairs} checkable ({t.pairs} must-not-compare pairs)",
            f"consistent found:   {_ratio(t.found_consistent, t.gold_consistent):.3f}"
            f" ({t.found_consistent}/{t.gold_consistent} gold consistent facts)",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a folder of event YAMLs")
    parser.add_argument("--errors", action="store_true", help="list every false conflict, miss and merge")
    args = parser.parse_args(argv)
    tally = score_folder(args.path)
    print(report(tally))
    if args.errors:
        print("\n".join(tally.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
