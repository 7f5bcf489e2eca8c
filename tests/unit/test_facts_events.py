"""The multi-source development set (tests/data/events/*.yaml): several outlets covering one event.

Every pair listed under `must_not_merge` must end up in different facts (or not be compared at
all); every group under `facts` must share one fact key and get the stated verdict, so a real
disagreement that goes unnoticed fails a test just as a false merge does.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import polars as pl
import pytest
import yaml

from newsfacts.consistency import build_metric_consistency
from newsfacts.figures import Figure, extract_figures

EVENTS = Path(__file__).resolve().parents[1] / "data" / "events"


@cache
def event(name: str) -> dict:
    return yaml.safe_load((EVENTS / f"{name}.yaml").read_text(encoding="utf-8"))


@cache
def figures(name: str) -> dict[str, tuple[str, list[Figure]]]:
    out = {}
    for doc, spec in event(name)["documents"].items():
        published = spec.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        out[doc] = (spec["text"], extract_figures(spec["text"], published_date=published))
    return out


def locate(name: str, ref: list[str]) -> tuple[str, Figure]:
    """[doc, figure as written] or [doc, figure, context]: the figure inside the context."""
    doc, raw, *rest = ref
    text, found = figures(name)[doc]
    context = rest[0] if rest else raw
    start = text.index(context)
    inside = [f for f in found if start <= f.char_start and f.char_end <= start + len(context)]
    inside = inside or [f for f in found if f.char_start < start + len(context) and start < f.char_end]
    exact = [f for f in inside if f.raw_text == raw]
    assert exact or inside, f"no figure {raw!r} in {doc}: {[f.raw_text for f in found]}"
    return doc, (exact or inside)[0]


@cache
def consistency(name: str) -> pl.DataFrame:
    rows = [
        {
            "figure_id": f"{doc}:{f.char_start}",
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
        for doc, (_, found) in figures(name).items()
        for f in found
    ]
    return build_metric_consistency(pl.DataFrame(rows, infer_schema_length=None))


NAMES = sorted(p.stem for p in EVENTS.glob("*.yaml"))
PAIRS = [(n, i) for n in NAMES for i in range(len(event(n).get("must_not_merge", [])))]


def _marks(spec: dict) -> list:
    return [pytest.mark.xfail(reason=spec["xfail"], strict=True)] if spec.get("xfail") else []


FACTS = [pytest.param(n, i, marks=_marks(f)) for n in NAMES for i, f in enumerate(event(n).get("facts", []))]


@pytest.mark.parametrize(("name", "index"), PAIRS)
def test_different_measures_are_never_one_fact(name: str, index: int) -> None:
    a, b = (locate(name, ref)[1] for ref in event(name)["must_not_merge"][index])
    assert a is not b
    assert a.fact_key is None or a.fact_key != b.fact_key, f"{a.raw_text!r} and {b.raw_text!r} merged as {a.fact_key}"


@pytest.mark.parametrize(("name", "index"), FACTS)
def test_sources_reporting_one_fact_get_its_verdict(name: str, index: int) -> None:
    spec = event(name)["facts"][index]
    located = [locate(name, ref) for ref in spec["figures"]]
    keys = {f.fact_key for _, f in located}
    assert len(keys) == 1 and None not in keys, {f.raw_text: f.fact_key for _, f in located}
    (key,) = keys
    units = [f.unit for _, f in located]
    unit = max(set(units), key=units.count)
    rows = consistency(name).filter((pl.col("fact_key") == key) & (pl.col("unit") == unit))
    assert rows.height == 1
    row = rows.row(0, named=True)
    assert row["verdict"] == spec["verdict"], row["conflicts"]
    assert {doc for doc, _ in located} <= set(row["sources"])
    if spec["verdict"] == "conflict":
        for doc, f in located:
            assert f"in {doc} ({f.raw_text})" in row["conflicts"]
