"""The multi-source development set (tests/data/events/*.yaml): several outlets covering one event.

Every pair listed under `must_not_merge` must end up in different facts (or not be compared at
all); every group under `facts` must share one fact key and get the stated verdict, so a real
disagreement that goes unnoticed fails a test just as a false merge does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import polars as pl
import pytest

from bench.events_eval import (
    EventFigures,
    consistency_input,
    event_figures,
    fact_keys,
    figure_id,
    find_figure,
    load_event,
)
from newsfacts.consistency import build_metric_consistency
from newsfacts.figures import Figure

EVENTS = Path(__file__).resolve().parents[1] / "data" / "events"


@cache
def event(name: str) -> dict:
    return load_event(EVENTS / f"{name}.yaml")


@cache
def figures(name: str) -> EventFigures:
    return event_figures(event(name))


def locate(name: str, ref: list[str]) -> tuple[str, Figure]:
    """[doc, figure as written] or [doc, figure, context]: the figure inside the context."""
    found = find_figure(figures(name), ref)
    assert found is not None, f"no figure {ref[1]!r} in {ref[0]}: {[f.raw_text for f in figures(name)[ref[0]][1]]}"
    return ref[0], found


@cache
def consistency(name: str) -> pl.DataFrame:
    return build_metric_consistency(consistency_input(figures(name)))


@cache
def _keys(name: str) -> dict[str, str | None]:
    return fact_keys(consistency_input(figures(name)))


def key(name: str, doc: str, f: Figure) -> str | None:
    """The fact key the figure is compared on (an unnamed subject or period completed across sources)."""
    return _keys(name).get(figure_id(doc, f))


NAMES = sorted(p.stem for p in EVENTS.glob("*.yaml"))
PAIRS = [(n, i) for n in NAMES for i in range(len(event(n).get("must_not_merge", [])))]


def _marks(spec: dict) -> list:
    return [pytest.mark.xfail(reason=spec["xfail"], strict=True)] if spec.get("xfail") else []


FACTS = [pytest.param(n, i, marks=_marks(f)) for n in NAMES for i, f in enumerate(event(n).get("facts", []))]


@pytest.mark.parametrize(("name", "index"), PAIRS)
def test_different_measures_are_never_one_fact(name: str, index: int) -> None:
    (da, a), (db, b) = (locate(name, ref) for ref in event(name)["must_not_merge"][index])
    assert a is not b
    ka, kb = key(name, da, a), key(name, db, b)
    assert ka is None or ka != kb, f"{a.raw_text!r} and {b.raw_text!r} merged as {ka}"


@pytest.mark.parametrize(("name", "index"), FACTS)
def test_sources_reporting_one_fact_get_its_verdict(name: str, index: int) -> None:
    spec = event(name)["facts"][index]
    located = [locate(name, ref) for ref in spec["figures"]]
    keys = {key(name, doc, f) for doc, f in located}
    assert len(keys) == 1 and None not in keys, {f.raw_text: key(name, doc, f) for doc, f in located}
    (fact,) = keys
    units = [f.unit for _, f in located]
    unit = max(set(units), key=units.count)
    rows = consistency(name).filter((pl.col("fact_key") == fact) & (pl.col("unit") == unit))
    assert rows.height == 1
    row = rows.row(0, named=True)
    assert row["verdict"] == spec["verdict"], row["conflicts"]
    assert {doc for doc, _ in located} <= set(row["sources"])
    if spec["verdict"] == "conflict":
        for doc, f in located:
            assert f"in {doc} ({f.raw_text})" in row["conflicts"]
