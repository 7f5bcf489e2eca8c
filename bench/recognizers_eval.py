"""Recall and precision of extract_figures on Microsoft Recognizers-Text's English spec cases.

    python -m bench.recognizers_eval PATH [--show-errors N]   (from the project root)

PATH is a checkout of github:microsoft/Recognizers-Text (or a folder holding its `Specs/` tree).
Cases marked NotSupported for python, or NotSupportedByDesign, are skipped, as are expected results
without a numeric value (a bare "dollar"). NumberRangeModel is the exception: Recognizers' Python
port supports none of its cases, so all are scored (an interval such as "(20,35]" is right when one
of our figures has those bounds, by its range, its qualifier's bound, or an exact value), and there
is no port score beside it. A result is right when value and unit both match: the
spec's unit names are mapped to the contract's units (Cent -> 0.01 USD, Pence -> 0.01 GBP, a
generic "Dollar" -> USD, "Franc" -> any franc). Precision counts only our figures of the kind the
file tests (money for the currency file, percent for the percent file, ...).
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from pathlib import Path

from bench.scoring import Errors, Score
from newsfacts.figures import Figure, extract_figures, load_catalog

# spec unit name -> (accepted contract units, factor applied to the spec value)
_CURRENCY_UNITS: dict[str, tuple[frozenset[str], float]] = {
    "Dollar": (frozenset({"USD"}), 1.0),
    "Pound": (frozenset({"GBP"}), 1.0),
    "Cent": (frozenset({"USD"}), 0.01),
    "Pence": (frozenset({"GBP"}), 0.01),
    "Penny": (frozenset({"GBP"}), 0.01),
    "Sen": (frozenset({"MYR"}), 0.01),
    "Franc": (frozenset({"CHF", "FRF", "BEF", "LUF", "XOF", "XAF", "XPF"}), 1.0),
    "Rupee": (frozenset({"INR", "PKR", "LKR", "NPR"}), 1.0),
    "Finnish markka": (frozenset({"FIM"}), 1.0),
    "Peseta": (frozenset({"ESP"}), 1.0),
    "Netherlands guilder": (frozenset({"NLG"}), 1.0),
    "Bitcoin": (frozenset({"XBT", "BTC"}), 1.0),
}
_AGE_UNITS = {"Year": "year", "Month": "month", "Week": "week", "Day": "day"}
_DIMENSION_UNITS = {
    "Foot": "ft", "Meter": "m", "Mile": "mile", "Pound": "lb", "Gallon": "gallon", "Ton": "ton",
    "Metric ton": "t", "Kilometer per hour": "km/h", "Kilogram": "kg", "Microgram": "ug", "Inch": "inch",
    "Square meter": "m**2", "Kilometer": "km", "Millimeter": "mm", "Decimeter": "dm", "Picometer": "pm",
    "Milliliter": "ml", "Barrel": "barrel", "Ounce": "oz", "Acre": "acre", "Cubic foot": "ft**3", "Bit": "bit",
    "Mile per hour": "mph", "Square kilometer": "km**2", "Megabit": "Mbit", "Megabyte": "MB",
    "Tablespoon": "tbsp", "Cup": "cup", "Teaspoon": "tsp", "Gram": "g", "Degree": "deg",
}  # fmt: skip
_TEMPERATURE_UNITS = {"C": "degC", "F": "degF"}

Expected = tuple[float, frozenset[str]]


def _currency(res: dict) -> Expected | None:
    unit = res.get("unit")
    iso = res.get("isoCurrency")
    if iso:
        return float(res["value"]), frozenset({iso})
    if unit in _CURRENCY_UNITS:
        units, factor = _CURRENCY_UNITS[unit]
        return float(res["value"]) * factor, units
    return None


def _percent(res: dict) -> Expected | None:
    return float(str(res["value"]).rstrip("%")), frozenset({"percent"})


def _mapped(table: dict[str, str]) -> Callable[[dict], Expected | None]:
    def expected(res: dict) -> Expected | None:
        unit = table.get(res.get("unit", ""))
        return None if unit is None else (float(res["value"]), frozenset({unit}))

    return expected


# spec file -> (how to read an expected result, the kinds of ours that answer it)
FILES: dict[str, tuple[Callable[[dict], Expected | None], tuple[str, ...]]] = {
    "Specs/NumberWithUnit/English/CurrencyModel.json": (_currency, ("money",)),
    "Specs/Number/English/PercentModel.json": (_percent, ("percent",)),
    "Specs/NumberWithUnit/English/AgeModel.json": (_mapped(_AGE_UNITS), ("duration",)),
    "Specs/NumberWithUnit/English/DimensionModel.json": (_mapped(_DIMENSION_UNITS), ("quantity",)),
    "Specs/NumberWithUnit/English/TemperatureModel.json": (_mapped(_TEMPERATURE_UNITS), ("quantity",)),
}


def _supported(case: dict) -> bool:
    marks = f"{case.get('NotSupported', '')} {case.get('NotSupportedByDesign', '')}".lower()
    return "python" not in marks and not case.get("NotSupportedByDesign")


def _same(value: float | None, expected: float) -> bool:
    return value is not None and math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-9)


def _answers(figure: Figure, gold: tuple[Expected, str]) -> bool:
    (value, units), _ = gold
    return figure.unit in units and _same(figure.value, value)


def evaluate(
    path: Path, read: Callable[[dict], Expected | None], kinds: tuple[str, ...], errors: Errors
) -> tuple[Score, int]:
    """The score of one spec file, and how many expected results were skipped (no value or unit we read)."""
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    catalog = load_catalog()
    score = Score()
    skipped = 0
    for case in cases:
        if not _supported(case):
            continue
        gold = []
        for r in case.get("Results", []):
            res = r.get("Resolution") or {}
            try:
                exp = read(res) if res.get("value") not in (None, "") else None
            except ValueError:
                exp = None
            if exp is None:
                skipped += 1
            else:
                gold.append((exp, r.get("Text", "")))
        missed, extra = score.case(
            gold,
            [f for f in extract_figures(case["Input"], catalog=catalog) if f.kind in kinds],
            _answers,
        )
        errors.show(
            case["Input"][:110],
            [f"{text!r}={value} {sorted(units)}" for (value, units), text in missed],
            [f"{f.raw_text!r}={f.value} {f.unit}" for f in extra],
        )
    return score, skipped


RANGES = "Specs/Number/English/NumberRangeModel.json"
Bounds = tuple[float | None, float | None]


def _interval(text: str) -> Bounds:
    """ "(20,35]" -> (20, 35); "(30,)" -> (30, None); whether an end is open is not compared."""
    low, high = (part.strip() for part in text.strip()[1:-1].split(","))
    return (float(low) if low else None, float(high) if high else None)


def _bounds(f: Figure) -> Bounds:
    if f.qualifier == "range" or f.value is None:
        return f.value_low, f.value_high
    if f.qualifier in ("more_than", "at_least"):
        return f.value, None
    if f.qualifier in ("less_than", "at_most"):
        return None, f.value
    return f.value, f.value


def _same_bounds(f: Figure, gold: tuple[Bounds, str]) -> bool:
    (low, high), _ = gold
    ours = _bounds(f)
    return all(
        (a is None and b is None) or (a is not None and b is not None and _same(a, b))
        for a, b in zip(ours, (low, high), strict=True)
    )


def evaluate_ranges(path: Path, errors: Errors) -> Score:
    """The score of NumberRangeModel over every case (see the module docstring)."""
    catalog = load_catalog()
    score = Score()
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        gold = [(_interval(r["Resolution"]["value"]), r.get("Text", "")) for r in case.get("Results", [])]
        missed, extra = score.case(gold, extract_figures(case["Input"], catalog=catalog), _same_bounds)
        errors.show(
            case["Input"][:110],
            [f"{text!r}={bounds}" for bounds, text in missed],
            [f"{f.raw_text!r}={_bounds(f)}" for f in extra],
        )
    return score


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="Recognizers-Text checkout (the folder holding Specs/)")
    ap.add_argument("--show-errors", type=int, default=0, help="print up to N wrong cases per file")
    args = ap.parse_args(argv)
    totals = Score()
    for rel, (read, kinds) in FILES.items():
        path = args.path / rel
        if not path.exists():
            print(f"{rel}: missing")
            continue
        s, skipped = evaluate(path, read, kinds, Errors(args.show_errors))
        print(
            f"{Path(rel).stem:18s} gold {s.gold:4d}  ours {s.pred:4d}  right {s.right:4d}  "
            f"recall {s.recall:.3f}  precision {s.precision:.3f}  (skipped {skipped} without a value/unit)"
        )
        if rel.endswith(("CurrencyModel.json", "PercentModel.json")):
            totals += s
    ranges = args.path / RANGES
    if ranges.exists():
        r = evaluate_ranges(ranges, Errors(args.show_errors))
        print(
            f"{'NumberRangeModel':18s} gold {r.gold:4d}  ours {r.pred:4d}  right {r.right:4d}  "
            f"recall {r.recall:.3f}  precision {r.precision:.3f}  (all cases: the Python port supports none)"
        )
    print(
        f"currency+percent   recall {totals.recall:.3f}  precision {totals.precision:.3f}  "
        "(Recognizers' Python port: 0.825 / 0.813)"
    )


if __name__ == "__main__":
    main()
