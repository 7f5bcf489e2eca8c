"""The contract's vocabularies, declared once: the extractors emit them and the quality suites check them.

Contract version 2 (shared/CONTRACT.md) adds the kind `quantity`, the duration unit `second`,
`percentage_point` for basis points, and the columns `direction`, `endpoint` and `dimension`.
"""

from __future__ import annotations

FIGURE_KINDS = ("money", "percent", "count", "duration", "date", "ratio", "quantity")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")
CLAIM_TYPES = ("quote", "statistic", "forecast", "opinion", "assertion")
VERDICTS = ("consistent", "conflict", "single_source")
DIRECTIONS = ("up", "down")
ENDPOINTS = ("from", "to")

# Dimensions of kind `quantity` (contract v2 names the common ones and leaves the list open).
DIMENSIONS = (
    "length", "mass", "volume", "area", "speed", "energy", "power", "temperature", "data", "data_rate",
    "frequency", "flow", "torque", "voltage", "current", "charge", "index_points", "resolution", "pressure",
    "force", "magnitude", "luminance", "sound_level", "concentration", "radiation_dose", "absorbed_dose",
)  # fmt: skip
DURATION_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
PERCENT_UNITS = ("percent", "percentage_point")
MONEY_UNIT_REGEX = "[A-Z]{3}"  # ISO 4217 shape; the code list itself changes, the shape does not

# The fixed unit of each kind whose unit is not open-ended (money: a currency code; quantity: a unit symbol).
UNITS_BY_KIND: dict[str, tuple[str, ...]] = {
    "percent": PERCENT_UNITS,
    "count": ("count",),
    "duration": DURATION_UNITS,
    "date": ("year",),
    "ratio": ("times",),
}

# Sane ranges per kind, applied to value, value_low and value_high (whichever are set). Anything
# outside is a parsing accident (a scale applied twice, an identifier read as a count).
# money: signed amounts up to 1e15 in magnitude (world GDP is ~1.1e14 USD, so even yen or won totals of
#   national budgets fit; 1e15+ is a scale bug, e.g. "billion" applied twice). Values keep their sign.
# percent: -1000 .. 100000. Below -100 is impossible for a share or a level but news does print swings
#   such as "profits fell 250%"; 250% debt-to-GDP or 145% tariffs are ordinary; the upper bound admits
#   hyperinflation-style figures while catching a multiplier applied to a percentage (5% -> 5e9).
# date: a year between 1000 and 2200 (history to long-range targets such as "by 2100").
# count / duration / ratio: loose bounds that only catch scale bugs. quantity: any physical magnitude.
VALUE_RANGES: dict[str, tuple[float, float]] = {
    "money": (-1e15, 1e15),
    "percent": (-1000.0, 100000.0),
    "date": (1000.0, 2200.0),
    "count": (-1e13, 1e13),
    "duration": (0.0, 1e6),
    "ratio": (0.0, 1e6),
    "quantity": (-1e18, 1e18),
}
