"""Physical and technical unit lookups for the grammar, read from units.json (pint; see tables.py).

`NAMES` holds spelled and plural forms, matched case-insensitively ("kilometres", "barrels per day");
`SYMBOLS` holds symbols, matched case-sensitively because case carries meaning ("MW" and "mW", "GB"
and "gb"). Each maps to (canonical symbol that pint parses, dimension name of the contract).
"""

from __future__ import annotations

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "units.json").read_text(encoding="utf-8"))

NAMES: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _DATA["names"].items()}
SYMBOLS: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _DATA["symbols"].items()}
# Single-letter symbols that are a unit only when glued to the number ("25W", "199g", "12V").
GLUED: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _DATA.get("glued", {}).items()}
# Ambiguous symbols read only in a conversion's brackets after a figure of their dimension ("(930,000 mi)").
BRACKETED: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _DATA.get("bracketed", {}).items()}
# canonical symbol -> how many of its dimension's SI base unit it is (pint), for converting one
# source's "310 miles" to another's "500 km"; degrees, decibels and rpm have none.
FACTORS: dict[str, float] = _DATA.get("factors", {})
# Index points ("fell 816.80 points") are a unit of their own: pint's `point` is the printer's point,
# so the dimension, not the symbol, keeps them apart.
INDEX_POINT = ("point", "index_points")
# An earthquake's magnitude ("a magnitude 6.4 quake", "a 7.1-magnitude earthquake") is a logarithmic
# scale value with no physical unit, so no units library lists it: a unit of its own, like index points.
MAGNITUDE = ("magnitude", "magnitude")
# A video frame rate ("60fps", "120 frames per second"): frames counted per second, a frequency; pint
# has no frame, so the symbol is a unit of its own too.
FRAME_RATE = ("frame/second", "frequency")

# canonical symbol -> dimension, for every unit the grammar can emit
DIMENSION_OF: dict[str, str] = {
    **{canon: dim for canon, dim in NAMES.values()},
    **{canon: dim for canon, dim in SYMBOLS.values()},
    **{canon: dim for canon, dim in GLUED.values()},
    INDEX_POINT[0]: INDEX_POINT[1],
    MAGNITUDE[0]: MAGNITUDE[1],
    FRAME_RATE[0]: FRAME_RATE[1],
}
