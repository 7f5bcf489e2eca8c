"""Numerals and spelled-out numbers: turning the words of a number into its value.

Only the number itself is handled here; what it measures (units, scale words, qualifiers) is the
grammar's business. Numerals are validated strictly ("1,234.5" yes, "1,23" or "2.1.3" no) because a
malformed digit string is far more often a version, an identifier or a date than a figure.
"""

from __future__ import annotations

import re

UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SMALL_WORDS = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}
FRACTION_WORDS = {"half": 0.5, "quarter": 0.25}
# Denominators of spelled fractions ("two-thirds", "three quarters of"), singular and plural.
FRACTION_NOUNS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip

# Words that multiply what comes before them: "$5 billion", "two dozen", "a hundred".
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7,
    "lakhs": 1e5, "crores": 1e7,  # "Rs 425.96 crores"
}  # fmt: skip
# Letters glued to a numeral ("$5bn", "¥80tn", "£10k"); single letters only count next to a currency.
SCALE_SUFFIXES = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "t": 1e12, "tn": 1e12,
    "trn": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,  # "£5million"
}  # fmt: skip

# Fraction characters glued to a whole number: "6½ years", "3¾ miles".
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
MULTIPLIER_WORDS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
# Multipliers that are also frequencies ("met twice"): a ratio only before a comparison ("twice as many").
COMPARATIVE_MULTIPLIERS = {"twice": 2.0, "thrice": 3.0}
FOLD_WORDS = {
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
    "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100,
}  # fmt: skip

MAX_DIGITS = 15  # longer digit strings are identifiers, and floats lose exactness beyond this
# Thousands grouped in threes, or in the South Asian way (lakh, crore): "63,10,194" is 6,310,194.
_NUMERAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?|\.\d+")
_SPLIT = re.compile(r"[\s-]+")


def parse_numeral(token: str) -> float | None:
    """Value of a numeral such as "1,234.5"; None for malformed or identifier-like strings."""
    if len(token) > MAX_DIGITS + 6 or not _NUMERAL.fullmatch(token):
        return None
    integer = token.split(".", 1)[0].replace(",", "")
    if len(integer) > MAX_DIGITS or (len(integer) > 1 and integer[0] == "0"):
        return None  # "0800" is a code or a clock time, not an amount
    return float(token.replace(",", ""))


def is_year_like(token: str, value: float) -> bool:
    """A bare four-digit integer between 1800 and 2099: read as a year, never as a count."""
    return len(token) == 4 and token.isdigit() and 1800 <= value <= 2099


def parse_spelled(text: str) -> float | None:
    """Value of a spelled-out number: "twenty-five", "one hundred and five", "two and a half"."""
    total = 0.0
    current = 0.0
    fraction = 0.0
    seen = False
    words = _SPLIT.split(text.strip().lower())
    for i, word in enumerate(words):
        if word in SMALL_WORDS:
            current += SMALL_WORDS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word == "thousand":
            total += max(current, 1.0) * 1000
            current = 0.0
        elif word in FRACTION_WORDS and i > 0 and words[i - 1] in ("a", "an"):
            fraction = FRACTION_WORDS[word]
        elif word not in ("and", "a", "an"):
            return None
    return total + current + fraction if seen else None
