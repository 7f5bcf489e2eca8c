"""Recall and precision of extract_figures on Microsoft Recognizers-Text's English spec cases.

    python bench/recognizers_eval.py PATH [--show-errors N]

PATH is a checkout of github:microsoft/Recognizers-Text (or a folder holding its `Specs/` tree).
Cases marked NotSupported for python, or NotSupportedByDesign, are skipped, as are expected results
without a numeric value (a bare "dollar"). A result is right when value and unit both match: the
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

from newsfacts.figures import extract_figures, load_catalog

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


def evaluate(path: Path, read: Callable[[dict], Expected | None], kinds: tuple[str, ...], show: int) -> dict:
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    catalog = load_catalog()
    tp = n_gold = n_pred = skipped = 0
    shown = 0
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
        preds = [f for f in extract_figures(case["Input"], catalog=catalog) if f.kind in kinds]
        free = list(preds)
        missed = []
        for (value, units), text in gold:
            hit = next((f for f in free if f.unit in units and _same(f.value, value)), None)
            if hit is None:
                missed.append(f"{text!r}={value} {sorted(units)}")
            else:
                free.remove(hit)
                tp += 1
        n_gold += len(gold)
        n_pred += len(preds)
        if (missed or free) and shown < show:
            shown += 1
            extra = [f"{f.raw_text!r}={f.value} {f.unit}" for f in free]
            print(f"  ! {case['Input'][:110]!r}\n      missed {missed}  extra {extra}")
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "skipped": skipped}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="Recognizers-Text checkout (the folder holding Specs/)")
    ap.add_argument("--show-errors", type=int, default=0, help="print up to N wrong cases per file")
    args = ap.parse_args(argv)
    totals = {"gold": 0, "pred": 0, "tp": 0}
    for rel, (read, kinds) in FILES.items():
        path = args.path / rel
        if not path.exists():
            print(f"{rel}: missing")
            continue
        s = evaluate(path, read, kinds, args.show_errors)
        rec = s["tp"] / s["gold"] if s["gold"] else 0.0
        prec = s["tp"] / s["pred"] if s["pred"] else 0.0
        print(f"{Path(rel).stem:18s} gold {s['gold']:4d}  ours {s['pred']:4d}  right {s['tp']:4d}  "
              f"recall {rec:.3f}  precision {prec:.3f}  (skipped {s['skipped']} without a value/unit)")  # fmt: skip
        if rel.endswith(("CurrencyModel.json", "PercentModel.json")):
            for key in totals:
                totals[key] += s[key]
    rec = totals["tp"] / totals["gold"] if totals["gold"] else 0.0
    prec = totals["tp"] / totals["pred"] if totals["pred"] else 0.0
    print(f"currency+percent   recall {rec:.3f}  precision {prec:.3f}  (Recognizers' Python port: 0.825 / 0.813)")


if __name__ == "__main__":
    main()
