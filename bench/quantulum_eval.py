"""Recall and precision of extract_figures on quantulum3's own English test quantities.

    python -m bench.quantulum_eval PATH [--show-errors N]     (from the project root)

PATH is a checkout of github:nielstron/quantulum3 (or the extracted `quantities.json`). A quantity
is right when value and unit both match. Their unit names are read with pint and compared with ours
by conversion (12 inch == 1 ft), so a figure in an equivalent unit still counts; currencies, percent,
counts ("dimensionless") and durations map to the contract's units, "dollar per hour" to money with
its per_unit, and a range counts by the mean of its ends (quantulum3's own convention for a range's
value; before session 16 ranges and rates never matched: 0.451 / 0.634 then). Quantities whose unit neither
pint nor the contract knows (inverse femtobarns, candela seconds) are reported as `unmapped`.
pint is a test dependency: this script is for development, never part of the pipeline.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pint

from bench.scoring import Errors, Score
from newsfacts.figures import extract_figures, load_catalog

REL = "quantulum3/_lang/en_US/tests/quantities.json"
_CURRENCIES = {"dollar": ("USD", 1.0), "euro": ("EUR", 1.0), "pound sterling": ("GBP", 1.0),
               "penny": ("GBP", 0.01), "cent": ("USD", 0.01), "dime": ("USD", 0.1)}  # fmt: skip
_DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year"}


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-12)


class _Value:
    """A figure as quantulum3 states one: a range by the mean of its ends (its own convention)."""

    def __init__(self, fig) -> None:  # noqa: ANN001 - a Figure or the probe
        self.kind, self.unit, self.per_unit = fig.kind, fig.unit, getattr(fig, "per_unit", None)
        low, high = getattr(fig, "value_low", None), getattr(fig, "value_high", None)
        ranged = getattr(fig, "qualifier", None) == "range" and low is not None and high is not None
        self.value = (low + high) / 2 if ranged else fig.value


def matches(ureg: pint.UnitRegistry, fig, value: float, unit: str) -> bool | None:
    """True/False when the gold unit is understood, None when it is not."""
    fig = _Value(fig)
    money, per, denominator = unit.partition(" per ")
    if per and money in _CURRENCIES:  # "dollar per hour": our money with its per_unit
        code, factor = _CURRENCIES[money]
        return (
            fig.kind == "money"
            and fig.unit == code
            and _close(fig.value, value * factor)
            and _same_unit(ureg, fig.per_unit, denominator)
        )
    if unit in _CURRENCIES:
        code, factor = _CURRENCIES[unit]
        return fig.kind == "money" and fig.unit == code and _close(fig.value, value * factor)
    if unit == "percentage":
        return fig.kind == "percent" and _close(fig.value, value)
    if unit in ("dimensionless", "dozen", "gross", "baker's dozen"):
        return fig.kind in ("count", "ratio") and _close(fig.value, value)
    if unit in _DURATIONS:
        return fig.kind == "duration" and fig.unit == unit and _close(fig.value, value)
    gold = _gold_quantity(ureg, value, unit)
    if gold is None:
        return None
    if fig.kind != "quantity" or fig.value is None:
        return False
    try:
        ours = ureg.Quantity(fig.value, fig.unit).to(gold.units).magnitude
    except Exception:  # noqa: BLE001 - different dimensions
        return False
    return _close(ours, gold.magnitude)


def _same_unit(ureg: pint.UnitRegistry, ours: str | None, theirs: str) -> bool:
    """Whether our per_unit ("hour", "kg") is the unit they name ("hour", "kilogram")."""
    if ours is None:
        return False
    try:
        return ureg.parse_units(ours) == ureg.parse_units(theirs.replace(" ", "_"))
    except Exception:  # noqa: BLE001 - a denominator pint does not know: compare the words
        return ours == theirs


def _gold_quantity(ureg: pint.UnitRegistry, value: float, unit: str):
    """Their unit name read by pint, trying the spellings pint uses ("degree_Fahrenheit")."""
    words = unit.split()
    spellings = ("_".join(words), "_".join(words[:1] + [w.title() for w in words[1:]]), unit)
    for spelling in spellings:
        try:
            return ureg.Quantity(value, ureg.parse_units(spelling.replace("-", "_")))
        except Exception:  # noqa: BLE001, S112 - try the next spelling; none means unmapped
            continue
    return None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="quantulum3 checkout, or its quantities.json")
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args(argv)
    path = args.path if args.path.suffix == ".json" else args.path / REL
    cases = json.loads(path.read_text(encoding="utf-8"))
    ureg = pint.UnitRegistry()
    catalog = load_catalog()
    score, errors = Score(), Errors(args.show_errors)
    unmapped = 0
    for case in cases:
        gold = [r for r in case["res"] if understood(ureg, float(r["value"]), r["unit"])]
        unmapped += len(case["res"]) - len(gold)
        missed, extra = score.case(
            gold,
            extract_figures(case["req"], catalog=catalog),
            lambda f, r: bool(matches(ureg, f, float(r["value"]), r["unit"])),
        )
        errors.show(
            case["req"][:100],
            [f"{r['surface']!r} {r['value']} {r['unit']}" for r in missed],
            [f"{f.raw_text!r} {f.value} {f.unit}" for f in extra],
        )
    print(f"quantulum3 quantities: gold {score.gold}  ours {score.pred}  right {score.right}  "
          f"recall {score.recall:.3f}  precision {score.precision:.3f}  (unmapped gold units: {unmapped})")  # fmt: skip


def understood(ureg: pint.UnitRegistry, value: float, unit: str) -> bool:
    """Whether the gold unit is one `matches` can judge (it answers None for the others, whatever the figure)."""
    return matches(ureg, _Probe(), value, unit) is not None


class _Probe:
    """A figure that matches nothing: asks only whether the gold unit is understood."""

    kind = "quantity"
    unit = "m"
    value = None


if __name__ == "__main__":
    main()
