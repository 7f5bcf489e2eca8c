"""Currency lookups for the grammar, read from currencies.json (CLDR via Babel; see tables.py).

Loading is a single JSON read at import (about a millisecond); nothing here touches Babel.
"""

from __future__ import annotations

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "currencies.json").read_text(encoding="utf-8"))

# ISO 4217 codes that are also English words ("ALL 5 solutions", "a CUP of"): never read as a code
# unless glued to the number ("ALL500").
CODES_THAT_ARE_WORDS = frozenset(
    [
        "ALL",
        "CUP",
        "TOP",
        "MOP",
        "BOB",
        "PEN",
        "GEL",
        "MAD",
        "SOS",
        "BAM",
        "AMD",
        "ANG",
        "BIF",
        "CAT",
        "DOP",
        "FIM",
        "GIP",
        "HUF",
        "LAK",
        "MGA",
        "MRO",
        "NIO",
        "PAB",
        "SAR",
        "SEK",
        "STD",
        "TMM",
        "WST",
        "XXX",
        "YER",
        "ZMK",
        "PHP",
        "TRY",
    ]
)
CODES: frozenset[str] = frozenset(_DATA["codes"])
# Codes that may stand apart from the number ("USD 5bn", "5 EUR").
SPACED_CODES: frozenset[str] = CODES - CODES_THAT_ARE_WORDS
# Marks written before (or, when not letters, after) the amount: "HK$", "€", "RM", "₾".
SYMBOLS: dict[str, str] = dict(_DATA["symbols"])
# One-letter marks that name a currency only glued to an amount with a scale word ("R5 billion",
# "N120bn"): alone the letter is a road, a grade or a size ("the R5", "an N1 visa").
SCALED_LETTERS: dict[str, str] = {"R": "ZAR", "N": "NGN"}
# Currency names after the amount, lower case: CLDR's names and plurals, and the generic words.
NAMES: dict[str, str] = {**_DATA["names"], **_DATA["generic"]}
# Minor units stated in the major unit: word -> (code, fraction).
MINOR: dict[str, tuple[str, float]] = {k: (v[0], float(v[1])) for k, v in _DATA["minor"].items()}
# Generic words that are also ordinary English ("5 pounds of rice", "the party won 3", "two marks"):
# a currency only after a scale word ("5 billion pounds") or a currency adjective ("Turkish lira").
AMBIGUOUS_NAMES: frozenset[str] = frozenset(
    [
        "pound",
        "pounds",
        "won",
        "rand",
        "mark",
        "marks",
        "real",
        "reals",
        "crown",
        "crowns",
        "lev",
        "dong",
        "punt",
        "punts",
        "taka",
        "leu",
        "lei",
        "lira",
        "rial",
        "sterling",
    ]
)
