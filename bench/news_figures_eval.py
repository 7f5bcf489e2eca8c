"""Value+unit precision and recall of extract_figures on hand-annotated real news sentences.

    python -m bench.news_figures_eval PATH [--errors] [--quantulum] [--by-topic] [--tolerance 1e-3]

PATH is a JSONL file kept outside the repository (third-party text is never committed), one
sentence a line: `{"id", "url", "topic", "text", "quantities": [{"text", "start", "end", "value",
"low", "high", "unit", "per_unit", "kind", "optional"?}]}`. Gold values follow the contract's
`figures` conventions (money in the major unit, basis points as percentage points, signed values).

Matching protocol (one gold quantity takes at most one figure, greedily in text order, as in
bench/scoring.py):
- span: the figure's [char_start, char_end) overlaps the gold [start, end);
- value: a gold range (low/high set) needs the figure's value_low and value_high, anything else
  the figure's value, equal within a relative tolerance (default 1e-3);
- unit: equal after canonical spelling (case, plurals and abbreviations folded, a rate's
  `per_unit` folded into the unit, so `barrel/day` equals unit `barrel` per `day`); two physical
  units that pint reads with one dimensionality also match when the values agree after
  conversion (`1 TB` == `1000 GB`). A rate's denominator is part of the unit: `$58.24 a barrel`
  read as plain USD is wrong in value+unit and right in value-only.
- Figures of kind `date` are not scored: years and calendar dates are not quantities in this
  protocol (quantity benchmarks leave them out), so a date figure is neither right nor wrong;
  a year read as another kind is a false figure. Every other figure that matches no gold quantity is a false figure.
- Gold marked `optional` (a reader could go either way: "a week", "double") is neither required
  nor penalised: a figure overlapping one is dropped from both sides.

Value-only scores drop the unit test (a value right after conversion, 2000 GB for 2 TB, stays
right). Per-kind recall groups gold quantities by their kind, per-kind precision our figures by theirs.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.scoring import Score

# Spellings folded to one canonical unit (plurals are folded separately). Units, not wordings.
_ALIASES: dict[str, str] = {
    "bbl": "barrel", "barrels": "barrel", "yr": "year", "yrs": "year", "hr": "hour",
    "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second",
    "percentage_points": "percentage_point", "pp": "percentage_point", "pct": "percent",
    "metric_ton": "t", "tonne": "t", "tonnes": "t", "inches": "inch", "in": "inch", "feet": "ft",
    "foot": "ft", "miles": "mile", "mi": "mile", "points": "point", "pts": "point", "mp": "megapixel",
    "shares": "share", "ounce": "oz", "times": "times", "celsius": "degC", "°c": "degC", "c": "degC",
    "fahrenheit": "degF", "°f": "degF", "f": "degF", "degree_celsius": "degC", "degree_fahrenheit": "degF",
}  # fmt: skip
# Abbreviations read as a rate's denominator only ("$64/b"; a bare "B" is a byte).
_PER_ALIASES: dict[str, str] = {"b": "barrel", "d": "day", "euro": "EUR", "dollar": "USD"}
# Units that pint knows under another meaning (typographic point) or with an offset (degC): by name only.
_NAME_ONLY = frozenset({"point", "count", "times", "percent", "percentage_point", "megapixel", "degC", "degF", "K"})
_NO_UNIT = "-"


@dataclass(frozen=True)
class Pred:
    """One predicted figure, from extract_figures or from a peer extractor."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    per_unit: str | None = None


def _fold(unit: str | None) -> str:
    """Case is kept (MB is not mb); aliases are looked up lower case; lower-case plurals lose their s."""
    if not unit:
        return _NO_UNIT
    u = unit.strip().replace(" ", "_")
    if u.lower() in _ALIASES:
        return _ALIASES[u.lower()]
    if u.islower() and len(u) > 3 and u.endswith("s") and not u.endswith("ss"):
        return _ALIASES.get(u[:-1], u[:-1])
    return u


def canonical_unit(unit: str | None, per_unit: str | None = None) -> str:
    """One spelling of a unit and its rate denominator: `USD` per `shares` -> `USD/share`."""
    parts = (unit or "").split("/", 1)
    main = _fold(parts[0])
    per = (parts[1] if len(parts) > 1 else None) or per_unit
    if not per:
        return main
    per = _fold(per)
    return f"{main}/{_PER_ALIASES.get(per, per)}"


def _close(a: float | None, b: float | None, tol: float) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=tol, abs_tol=1e-9)


class UnitComparer:
    """Unit equality with conversion between physical units of one dimension (pint, when installed)."""

    def __init__(self) -> None:
        try:
            import pint
        except ImportError:  # pragma: no cover - pint is a test dependency
            self._ureg = None
        else:
            self._ureg = pint.UnitRegistry()
        self._cache: dict[str, Any] = {}

    def _parse(self, unit: str) -> Any:
        if unit not in self._cache:
            self._cache[unit] = None
            if self._ureg is not None and unit not in _NAME_ONLY and not (unit.isupper() and len(unit) == 3):
                try:
                    self._cache[unit] = self._ureg.Quantity(1.0, unit)
                except Exception:  # noqa: BLE001 - not a unit pint reads: compared by name
                    self._cache[unit] = None
        return self._cache[unit]

    def factor(self, gold_unit: str, pred_unit: str) -> float | None:
        """The factor that turns a value in pred_unit into gold_unit; None when they do not compare."""
        if gold_unit == pred_unit:
            return 1.0
        g, p = self._parse(gold_unit), self._parse(pred_unit)
        if g is None or p is None or g.dimensionality != p.dimensionality:
            return None
        if str(g.dimensionality) == "dimensionless" and (gold_unit[-1:] == "B") != (pred_unit[-1:] == "B"):
            return None  # bytes against a bare number
        try:
            return float(p.to(g.units).magnitude)
        except Exception:  # noqa: BLE001 - offset units (degC) and the like: compared by name only
            return None


def values_match(gold: dict, pred: Pred, tol: float, factor: float = 1.0) -> bool:
    """Gold range against the figure's bounds, anything else against its value."""
    if gold.get("low") is not None or gold.get("high") is not None:
        lo = None if pred.low is None else pred.low * factor
        hi = None if pred.high is None else pred.high * factor
        return _close(lo, gold.get("low"), tol) and _close(hi, gold.get("high"), tol)
    return _close(None if pred.value is None else pred.value * factor, gold.get("value"), tol)


def overlaps(gold: dict, pred: Pred) -> bool:
    return pred.start < gold["end"] and gold["start"] < pred.end


def matcher(units: UnitComparer, tol: float, with_unit: bool) -> Callable[[Pred, dict], bool]:
    """The `same(pred, gold)` test for bench.scoring.Score.case."""

    def same(pred: Pred, gold: dict) -> bool:
        if not overlaps(gold, pred):
            return False
        factor = units.factor(
            canonical_unit(gold["unit"], gold.get("per_unit")), canonical_unit(pred.unit, pred.per_unit)
        )
        if factor is not None and values_match(gold, pred, tol, factor):
            return True
        return not with_unit and values_match(gold, pred, tol)

    return same


@dataclass
class Result:
    """Scores overall and per kind, and the misses and false figures kept for --errors."""

    overall: Score = field(default_factory=Score)
    value_only: Score = field(default_factory=Score)
    gold_by_kind: Counter = field(default_factory=Counter)
    missed_by_kind: Counter = field(default_factory=Counter)
    pred_by_kind: Counter = field(default_factory=Counter)
    false_by_kind: Counter = field(default_factory=Counter)
    misses: list[tuple[dict, dict, list[Pred]]] = field(default_factory=list)
    false: list[tuple[dict, Pred]] = field(default_factory=list)

    def kind_scores(self) -> dict[str, tuple[int, float, int, float]]:
        """kind -> (gold, recall, ours, precision)."""
        kinds = sorted(set(self.gold_by_kind) | set(self.pred_by_kind))
        out = {}
        for k in kinds:
            g, p = self.gold_by_kind[k], self.pred_by_kind[k]
            out[k] = (
                g,
                (g - self.missed_by_kind[k]) / g if g else 0.0,
                p,
                (p - self.false_by_kind[k]) / p if p else 0.0,
            )
        return out


def score_sentences(
    rows: Iterable[dict], extract: Callable[[str], list[Pred]], tol: float = 1e-3, units: UnitComparer | None = None
) -> Result:
    """Score one extractor on the annotated sentences under the protocol in the module docstring."""
    units = units or UnitComparer()
    strict, loose = matcher(units, tol, True), matcher(units, tol, False)
    res = Result()
    for row in rows:
        golds = [q for q in row["quantities"] if not q.get("optional")]
        optional = [q for q in row["quantities"] if q.get("optional")]
        preds = [p for p in extract(row["text"]) if p.kind != "date" and not any(overlaps(o, p) for o in optional)]
        missed, extra = res.overall.case(golds, preds, strict)
        res.value_only.case(golds, preds, loose)
        for g in golds:
            res.gold_by_kind[g["kind"]] += 1
        for g in missed:
            res.missed_by_kind[g["kind"]] += 1
            res.misses.append((row, g, [p for p in preds if overlaps(g, p)]))
        for p in preds:
            res.pred_by_kind[p.kind] += 1
        for p in extra:
            res.false_by_kind[p.kind] += 1
            res.false.append((row, p))
    return res


def newsfacts_extractor() -> Callable[[str], list[Pred]]:
    from newsfacts.figures import extract_figures, load_catalog

    catalog = load_catalog()

    def extract(text: str) -> list[Pred]:
        return [
            Pred(f.char_start, f.char_end, f.raw_text, f.kind, f.value, f.value_low, f.value_high, f.unit, f.per_unit)
            for f in extract_figures(text, catalog=catalog)
        ]

    return extract


# quantulum3 unit names -> (kind, contract unit, factor); the rest are read as physical units by name.
_Q_MONEY = {"dollar": ("USD", 1.0), "united states dollar": ("USD", 1.0), "euro": ("EUR", 1.0),
            "pound sterling": ("GBP", 1.0), "penny": ("GBP", 0.01), "cent": ("USD", 0.01),
            "yen": ("JPY", 1.0), "japanese yen": ("JPY", 1.0), "yuan": ("CNY", 1.0),
            "renminbi": ("CNY", 1.0), "indian rupee": ("INR", 1.0), "russian ruble": ("RUB", 1.0)}  # fmt: skip
_Q_NAMED = {"percentage": ("percent", "percent"), "dimensionless": ("count", "count"), "second": ("duration", "second"),
            "minute": ("duration", "minute"), "hour": ("duration", "hour"), "day": ("duration", "day"),
            "week": ("duration", "week"), "month": ("duration", "month"), "year": ("duration", "year"),
            "basis point": ("percent", "percentage_point"), "percentage point": ("percent", "percentage_point"),
            "point": ("quantity", "point")}  # fmt: skip


def quantulum_extractor() -> Callable[[str], list[Pred]]:
    """quantulum3 under the same protocol, with a best-effort mapping of its unit names."""
    from quantulum3 import parser

    def convert(q: Any) -> Pred | None:
        name = q.unit.name.lower()
        main, _, per = name.partition(" per ")
        value = float(q.value)
        kind, unit, factor = "quantity", main.replace(" ", "_"), 1.0
        if main in _Q_MONEY:
            unit, factor = _Q_MONEY[main]
            kind = "money"
        elif main in _Q_NAMED:
            kind, unit = _Q_NAMED[main]
            if main == "basis point":
                factor = 0.01
        elif getattr(q.unit, "entity", None) is not None and q.unit.entity.name == "currency":
            kind = "money"
        start, end = q.span
        return Pred(start, end, q.surface, kind, value * factor, None, None, unit, per or None)

    def extract(text: str) -> list[Pred]:
        try:
            found = parser.parse(text)
        except Exception:  # noqa: BLE001 - a peer's crash on one sentence is a miss, not a stop
            return []
        return [p for p in (convert(q) for q in found) if p is not None]

    return extract


def _fmt(s: Score) -> str:
    f1 = 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0.0
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {f1:.3f}  (gold {s.gold}, ours {s.pred}, right {s.right})"


def report(name: str, res: Result) -> None:
    print(f"{name}: value+unit {_fmt(res.overall)}")
    print(f"{' ' * len(name)}  value-only {_fmt(res.value_only)}")
    for kind, (g, r, p, prec) in res.kind_scores().items():
        print(f"    {kind:<9} gold {g:>4}  recall {r:.3f}   ours {p:>4}  precision {prec:.3f}")


def _why(gold: dict, overlapping: list[Pred], units: UnitComparer, tol: float) -> str:
    if not overlapping:
        return "no figure"
    if any(values_match(gold, p, tol) for p in overlapping):
        return "unit"
    return "value"


def _shown(p: Pred) -> object:
    return p.value if p.value is not None else (p.low, p.high)


def print_errors(res: Result, tol: float) -> None:
    units = UnitComparer()
    by_kind: dict[str, list[str]] = defaultdict(list)
    for row, g, over in res.misses:
        ours = "; ".join(
            f"{p.text!r} {p.kind} {p.value or (p.low, p.high)} {canonical_unit(p.unit, p.per_unit)}" for p in over
        )
        want = g["value"] if g["value"] is not None else (g["low"], g["high"])
        by_kind[g["kind"]].append(
            f"  [{_why(g, over, units, tol)}] {g['text']!r} want {want} {canonical_unit(g['unit'], g.get('per_unit'))}"
            f"{'  got ' + ours if ours else ''}\n      {row['text'][:160]!r}"
        )
    for kind in sorted(by_kind, key=lambda k: -len(by_kind[k])):
        print(f"\nMISSED {kind} ({len(by_kind[kind])})")
        print("\n".join(by_kind[kind]))
    false_kind: dict[str, list[str]] = defaultdict(list)
    for row, p in res.false:
        false_kind[p.kind].append(
            f"  {p.text!r} {_shown(p)} {canonical_unit(p.unit, p.per_unit)}\n      {row['text'][:160]!r}"
        )
    for kind in sorted(false_kind, key=lambda k: -len(false_kind[k])):
        print(f"\nFALSE {kind} ({len(false_kind[kind])})")
        print("\n".join(false_kind[kind]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="annotated sentences, JSONL")
    ap.add_argument("--errors", action="store_true", help="print misses and false figures grouped by kind")
    ap.add_argument("--quantulum", action="store_true", help="also score quantulum3 (bench extra)")
    ap.add_argument("--tolerance", type=float, default=1e-3, help="relative tolerance on values")
    ap.add_argument("--by-topic", action="store_true", help="value+unit F1 per topic of the sentences")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{args.path}: {len(rows)} sentences, {len({r['url'] for r in rows})} pages")
    res = score_sentences(rows, newsfacts_extractor(), args.tolerance)
    report("newsfacts", res)
    if args.by_topic:
        extract = newsfacts_extractor()
        for topic in sorted({r["topic"] for r in rows}):
            part = score_sentences([r for r in rows if r["topic"] == topic], extract, args.tolerance)
            print(f"    topic {topic:<16} {_fmt(part.overall)}")
    if args.quantulum:
        report("quantulum3", score_sentences(rows, quantulum_extractor(), args.tolerance))
    if args.errors:
        print_errors(res, args.tolerance)


if __name__ == "__main__":
    main()
