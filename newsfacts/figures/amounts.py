"""One amount: a number with what is glued to it (currency mark, scale, unit).

`read_amount` looks only at the characters touching a number: "US$60 billion", "64-75%" (the
"75%" half), "15 minutes", "2x", "1980s". Whether the amount is a figure at all, and which qualifier
or range it belongs to, is decided by the caller, which sees more context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.figures import grammar as g
from newsfacts.figures.context import sentence_bounds
from newsfacts.figures.counts import counted_noun
from newsfacts.figures.currencies import CODES, SCALED_LETTERS
from newsfacts.figures.lexicon import (
    AMBIGUOUS_CURRENCY_WORDS,
    COUNT_SUBJECTS,
    CURRENCY_NAMES_BEFORE,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DOLLAR_LETTERS_AFTER,
    DOWN_WORDS,
    DURATION_UNITS,
    LETTER_DOLLARS,
    MEASURED_SUBJECTS,
    MINOR_UNITS,
    TIMES_CUES,
    UP_WORDS,
    VIDEO_LINES,
    is_plural_noun,
)
from newsfacts.figures.numbers import SCALE_SUFFIXES, SCALE_WORDS, VULGAR_FRACTIONS, parse_numeral, parse_spelled
from newsfacts.figures.units import BRACKETED, DIMENSION_OF, FRAME_RATE, GLUED, INDEX_POINT, MAGNITUDE, NAMES, SYMBOLS

# Suffixes glued to a numeral that name a unit: "5pc", "25bps", "2x", "10yrs".
_UNIT_SUFFIXES = {
    "pc": "percent", "pct": "percent", "bp": "basis_point", "bps": "basis_point", "pp": "percentage_point",
    "ppt": "percentage_point", "ppts": "percentage_point", "x": "times", "yr": "year", "yrs": "year",
}  # fmt: skip
_SCIENTIFIC_STARTS = frozenset("×xX*eE")  # what may follow a numeral in "1.99×10^-30", "3e8"
# Single-letter scale suffixes are ambiguous ("5m" is also five metres): money only.
_MONEY_ONLY_SUFFIXES = frozenset({"k", "m", "b", "t"})
_BARREL_STARTS = frozenset("bBkKmM")  # what a glued oil flow opens with ("160,000b/d", "33.64mb/d")


@dataclass(slots=True)
class Amount:
    start: int  # first character of the amount: currency mark, else the number
    num_start: int
    num_end: int
    end: int  # after scale and unit
    token: str  # the number as written
    number: float  # its value before any scale
    spelled: bool
    scale: float | None = None
    currency: str | None = None
    # percent | percentage_point | basis_point | times | decade_date ("1980s") | a duration unit
    unit: str | None = None
    needs_currency: bool = False  # "5m": a scale suffix that only a currency makes unambiguous
    after_qualifier: str | None = None  # "50+", "50-odd"
    factor: float = 1.0  # minor currency units ("34 cents" -> 0.01) and scientific exponents
    age: bool = False  # "29 years old", "a 50-year-old": the duration is an age
    tenor: bool = False  # "the 10-year yield": a bond's name, not a duration
    letter_unit: bool = False  # a one-letter unit glued to the number ("30C"): a name after a label
    events: bool = False  # "11 times since March": how often something happened, counted
    score_end: int | None = None  # "scored 31 points": where a game's points end, counted as points

    @property
    def value(self) -> float:
        value = self.number * (self.scale or 1.0) * self.factor
        return float(f"{value:.12g}")  # 16.4 x 1e6 is 16400000, not 16399999.999999998

    @property
    def bare(self) -> bool:
        return self.currency is None and self.unit is None


def number_at(text: str, pos: int) -> tuple[int, int, bool] | None:
    """(start, end, spelled) of a numeral or spelled number starting exactly at `pos`."""
    m = g.NUMERAL.match(text, pos)
    if m:
        return pos, pos + len(m.group().rstrip(".,")), False
    m = g.SPELLED.match(text, pos)
    if m:
        return pos, m.end(), True
    return None


def read_amount(
    text: str, start: int, end: int, spelled: bool, number: float | None = None
) -> tuple[Amount | None, int]:
    """Read the amount whose number is text[start:end]; returns (amount or None, position to skip to).

    `number` overrides the parsed value for words that are numbers only before a scale ("a million").
    None means the number is not an amount at all (a version string, "6G", "21st"); the skip position
    then covers the whole token so its pieces are not read again.
    """
    raw_end = end
    token = text[start:end] if spelled else text[start:end].rstrip(".,")
    end = start + len(token)
    if number is None:
        number = parse_spelled(token) if spelled else parse_numeral(token)
    if number is None:
        return None, _token_end(text, raw_end)
    amt = Amount(start, start, end, end, token, number, spelled)
    m = g.currency_before(text, start)
    named = None if m else _currency_name_before(text, start, spelled)
    letter = None if m or named or spelled else scaled_letter_before(text, start)
    if m:
        amt.currency = currency_of(m)
        amt.start = m.start()
    elif named is not None:  # "Euro 18.6 million": kept only if a scale word follows (below)
        amt.currency = CURRENCY_NAMES_BEFORE[named.group("name").lower()]
        amt.start = named.start()
    elif letter is not None:  # "R5 billion": likewise kept only with its scale word
        amt.currency, amt.start = letter, start - 1
    elif not spelled and number <= 10 and _magnitude_before(text, start, token):
        amt.unit = MAGNITUDE[0]  # "a magnitude 6.4 quake"
        amt.end = end
        return amt, end
    pos = end
    if not spelled:
        mixed = g.MIXED_FRACTION.match(text, pos) if token.isdigit() and text[pos : pos + 1] in " -" else None
        if mixed and int(mixed.group("num")) < int(mixed.group("den")):
            amt.number += int(mixed.group("num")) / int(mixed.group("den"))
            pos = mixed.end()
        elif amt.currency is not None and text[pos : pos + 1] == "-" and _in_cents(token):
            cents = g.MIXED_FRACTION.match(text, pos)  # "$11.42-3/4 a bushel": futures quote eighths of a cent
            if cents and cents.group("den") in _CENT_FRACTIONS and int(cents.group("num")) < int(cents.group("den")):
                amt.number += int(cents.group("num")) / int(cents.group("den")) / 100
                pos = cents.end()
        vulgar = VULGAR_FRACTIONS.get(text[pos : pos + 1]) if token.isdigit() else None
        if vulgar is not None:  # "6½ years"
            amt.number += vulgar
            pos += 1
        sci = g.SCIENTIFIC.match(text, pos) if text[pos : pos + 2].strip()[:1] in _SCIENTIFIC_STARTS else None
        if sci:
            exp = (sci.group("exp") or sci.group("e")).replace("−", "-")
            amt.factor = 10.0 ** int(exp)
            pos = sci.end()
        pos = _read_suffix(text, amt, pos)
        if pos < 0:
            return None, _token_end(text, end)
    pos = _read_scale(text, amt, pos)
    if (named is not None or letter is not None) and amt.scale is None:  # "Euro 2024", "the R5": no amount
        amt.currency, amt.start = None, start
    pos = _read_unit(text, amt, pos)
    if amt.needs_currency and amt.currency is None:
        glued_m = text[amt.num_end : amt.num_end + 1] == "m"
        metres = g.METRES_ADJECTIVE.match(text, pos) if glued_m else None
        if glued_m and metres is None and _race_distance(text, amt):
            metres = g.RACE_NAME_END.match(text, amt.num_end)
        if metres is not None and amt.unit is None:  # "1.8m tall", "a 5m-long boat": metres, not millions
            amt.scale, amt.unit, amt.needs_currency = None, "m", False
            amt.end = pos
            return amt, pos
        # "5m" alone may be five metres; "1.2m people" and "2.5m barrels" state their own measure,
        # and "viewers rose to 4.2m" a count its subject names
        if amt.unit is None and counted_noun(text, pos) is None and not _counted_subject_moved(text, amt):
            return None, pos
        if amt.unit is not None and amt.unit not in DIMENSION_OF:
            return None, pos
    amt.end = pos
    return amt, pos


def _magnitude_before(text: str, start: int, token: str) -> bool:
    """Does "magnitude" end right before `start` ("a magnitude 6.4", "magnitude-7")? After "magnitude
    of" only a quake's shape ("a magnitude of 5.8"; not "the magnitude of 5 errors"). A suffix test first."""
    lo = max(0, start - g.MAGNITUDE_WINDOW)
    if not text.endswith(_MAGNITUDE_ENDS, lo, start) or g.MAGNITUDE_BEFORE.search(text, lo, start) is None:
        return False
    return not text.endswith("of ", lo, start) or _one_decimal(token)


_MAGNITUDE_ENDS = ("e ", "e-", "E ", "E-", "of ", "e\u00a0")


def _precipitation_near(text: str, start: int, mark: int) -> bool:
    """Does a word for rain or snow stand in the clause around an inch mark at `mark`, a mark that
    closes no quotation opened before it ('he said "I got 5" of...' is a quote)?"""
    lo, hi = max(0, start - g.PRECIPITATION_WINDOW), min(len(text), mark + g.PRECIPITATION_WINDOW // 2)
    brk = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    lo = brk + 1 if brk >= 0 else lo
    ch = text[mark]
    if (ch == '"' and text.count('"', lo, mark) % 2) or (
        ch == "”" and text.count("“", lo, mark) > text.count("”", lo, mark)
    ):
        return False
    return g.PRECIPITATION_CUE.search(text, lo, hi) is not None


def _currency_name_before(text: str, start: int, spelled: bool) -> re.Match[str] | None:
    """A currency named in words right before a numeral ("Euro 18.6 million"): a one-character test
    (a space after a name's last letter) before the anchored search."""
    if spelled or start < 3 or text[start - 1] not in g.INLINE_SPACES or text[start - 2] not in "oOsS":
        return None
    return g.CURRENCY_NAME_BEFORE.search(text, max(0, start - g.CURRENCY_NAME_WINDOW), start)


def _counted_subject_moved(text: str, amt: Amount) -> bool:
    """ "Viewers rose to 4.2m from 3.9m", "unit sales slipped 3% to 1.8m": a glued scale after the
    move of a subject that is counted (a plural, "population", ...), not measured ("levels")."""
    if amt.scale is None or text[amt.num_end : amt.num_end + 1] not in ("m", "k"):
        return False
    before = text[max(0, amt.start - MOVE_WORDS_CHARS) : amt.start]
    words = before[before.rfind("\n") + 1 :].lower().replace(",", " ").split()
    if not words or words[-1] not in ("to", "from", "by"):
        return False
    for i in range(len(words) - 2, max(0, len(words) - MOVE_WORDS_KEPT) - 1, -1):
        if words[i] in UP_WORDS or words[i] in DOWN_WORDS:
            subject = words[i - 1] if i else ""
            return subject not in MEASURED_SUBJECTS and (subject in COUNT_SUBJECTS or is_plural_noun(subject))
    return False


MOVE_WORDS_CHARS, MOVE_WORDS_KEPT = 60, 7  # "sales slipped 3% to", "rose to 4.2m from": a verb a few words back


def _race_distance(text: str, amt: Amount) -> bool:
    """ "ran the 100m in 9.79 seconds": a standard track or pool distance after "the", glued "m"
    ending its name, in a sentence about a race (a bare "the 100m" elsewhere may be millions)."""
    if amt.number not in g.RACE_DISTANCES or "." in amt.token or amt.currency is not None:
        return False
    if not g.THE_BEFORE_RACE.search(text, max(0, amt.num_start - 5), amt.num_start):
        return False
    if g.RACE_NAME_END.match(text, amt.num_end) is None:
        return False
    return g.RACE_SENTENCE.search(text, *sentence_bounds(text, amt.num_start, amt.num_end, 160, 120)) is not None


def scaled_letter_before(text: str, start: int) -> str | None:
    """The currency of a one-letter mark glued before the number ("R5 billion"), at a word's start."""
    code = SCALED_LETTERS.get(text[start - 1 : start]) if start >= 1 else None
    if code is None or (start >= 2 and (text[start - 2].isalnum() or text[start - 2] in "-/")):
        return None
    return code


def currency_of(m) -> str:
    """The currency code a CURRENCY_BEFORE/CURRENCY_AT match names."""
    dollar = m.group("dollar")
    if dollar:
        letters = dollar[:-1].replace(".", "").replace(" ", "").replace("\u00a0", "").upper()
        return LETTER_DOLLARS.get(letters, "USD")
    groups = m.groupdict()
    if groups.get("dollar_after"):  # "$US49,990", "$A72,500"
        return DOLLAR_LETTERS_AFTER.get(groups["dollar_after"][1:], "USD")
    if groups.get("glued_code"):  # "TRY189 billion"
        return groups["glued_code"]
    return CURRENCY_PREFIXES.get(m.group("mark").replace("\u00a0", " "), "USD")


def _token_end(text: str, pos: int) -> int:
    m = g.LETTERS.match(text, pos)
    return m.end() if m else pos


def _read_suffix(text: str, amt: Amount, pos: int) -> int:
    """Letters glued to a numeral: scale, unit, decade; -1 when they make it a name ("6G", "21st")."""
    if amt.currency is None and amt.scale is None and text[pos : pos + 1] in _BARREL_STARTS:
        m = g.GLUED_BARRELS.match(text, pos)
        if m:  # "160,000b/d", "33.64mb/d"
            scale = (m.group("scale") or "").lower()
            amt.unit, amt.scale = "barrel/day", {"k": 1e3, "m": 1e6, "mm": 1e6}.get(scale)
            return m.end()
    if amt.currency is None and text[pos : pos + 3] in ("fps", "FPS"):
        m = g.FRAME_RATE.match(text, pos)
        if m:  # "60fps"
            amt.unit = FRAME_RATE[0]
            return m.end()
    u = g.UNIT_GLUED.match(text, pos) if amt.currency is None and text[pos : pos + 1].strip() else None
    if u and u.group("sym") in GLUED and text[u.end() : u.end() + 1] == "/":
        u = None  # "14.7C/ per unit": a price mark, not degrees
    if u and u.group("sym") == "F" and not g.TEMPERATURE_CUE.search(text, max(0, amt.start - 160), u.end() + 80):
        u = None  # "the 2F lounge", "a 747F freighter": a floor or a model, with no temperature in sight
    if u:
        sym = u.group("sym")
        amt.unit = (SYMBOLS.get(sym) or GLUED.get(sym) or NAMES[sym.lower()])[0]
        amt.letter_unit = sym in GLUED
        return u.end()
    m = g.PERCENT_GLUED.match(text, pos) if text[pos : pos + 1] in "pP" else None
    if m:
        amt.unit = "percent"
        return m.end()
    m = g.LETTERS.match(text, pos)
    if m:
        suffix = m.group()
        low = suffix.lower()
        code = _glued_code(suffix)
        if code is not None and amt.currency is None:
            amt.currency, scale = code
            amt.scale = scale
        elif suffix == "p" and amt.currency is None and amt.token not in VIDEO_LINES:
            amt.currency, amt.factor = MINOR_UNITS["p"]
        elif suffix == "c" and amt.currency is None and g.PER_UNIT.match(text, m.end()) is not None:
            amt.currency, amt.factor = MINOR_UNITS["cents"]  # "6c/kWh", "40c a litre": cents, only in a rate
        elif low in SCALE_SUFFIXES:
            amt.scale = SCALE_SUFFIXES[low]
            amt.needs_currency = low in _MONEY_ONLY_SUFFIXES
        elif low in _UNIT_SUFFIXES:
            amt.unit = _UNIT_SUFFIXES[low]
            amt.tenor = low == "yr" and g.TENOR.match(text, m.end()) is not None  # "10yr yields"
        elif suffix == "s" and _decade_like(amt):
            amt.unit = "decade_date"
        else:
            return -1
        return m.end()
    m = g.POSSESSIVE_S.match(text, pos)
    if m and _decade_like(amt):
        amt.unit = "decade_date"
        return m.end()
    return pos


def _glued_code(suffix: str) -> tuple[str, float | None] | None:
    """An ISO code glued after a numeral, with an optional scale letter: "115USD", "30MUSD", "5bnEUR"."""
    if suffix in CODES:
        return suffix, None
    for scale in ("bn", "mn", "M", "m", "k", "K", "B"):
        if suffix.startswith(scale) and suffix[len(scale) :] in CODES:
            return suffix[len(scale) :], SCALE_SUFFIXES[scale.lower()]
    return None


def _decade_like(amt: Amount) -> bool:
    return len(amt.token) == 4 and amt.token.isdigit() and 1800 <= amt.number <= 2090 and amt.number % 10 == 0


def _read_scale(text: str, amt: Amount, pos: int) -> int:
    if amt.scale is not None or amt.unit is not None:
        return pos
    m = g.SCALE.match(text, pos)
    if not m:
        letter = g.SPACED_SCALE_LETTER.match(text, pos) if text[pos : pos + 2] in (" M", " B") else None
        if letter is not None:
            amt.scale, amt.needs_currency = SCALE_SUFFIXES[letter.group("l").lower()], True
            return letter.end()
        return pos
    amt.scale = SCALE_WORDS[m.group(1).lower()]
    pos = m.end()
    if amt.scale in (100, 1e5):  # "two hundred million", "1.5 lakh crore"
        m = g.SCALE.match(text, pos)
        if m and SCALE_WORDS[m.group(1).lower()] >= 1e3:
            amt.scale *= SCALE_WORDS[m.group(1).lower()]
            pos = m.end()
    return pos


GAS_SCALES = {"b": 1e9, "t": 1e12, "m": 1e6, "mm": 1e6}  # "bcm", "tcf", "mcm", "MMcf"
_CENT_FRACTIONS = frozenset({"2", "4", "8"})


def _in_cents(token: str) -> bool:
    """A price to the cent ("11.42"), which a futures quote may carry on in fractions of a cent."""
    whole, dot, cents = token.partition(".")
    return bool(dot) and len(cents) == 2 and cents.isdigit()


def _read_unit(text: str, amt: Amount, pos: int) -> int:
    m = g.QUALIFIER_AFTER.match(text, pos)
    if m and (m.group("plus") or m.group("odd")):
        amt.after_qualifier = "at_least" if m.group("plus") else "approx"
        pos = m.end()
    elif m and amt.unit is None:  # "100 or more people", "10 or so days": the unit follows the phrase
        after = _read_unit_word(text, amt, m.end())
        if after != m.end() or (amt.currency is None and counted_noun(text, m.end())):
            amt.after_qualifier = m.lastgroup
            return after
    if amt.unit is not None:
        return pos
    end = _read_unit_word(text, amt, pos)
    if amt.unit is None and amt.currency is None and not amt.spelled and text[amt.start - 1 : amt.start] in "( ":
        end = _read_bracketed_symbol(text, amt, pos)
    return end


def _read_bracketed_symbol(text: str, amt: Amount, pos: int) -> int:
    """ "1.5 million kilometres (930,000 mi)": an ambiguous symbol closing a conversion's brackets,
    read as a unit when the figure before the brackets measures its dimension."""
    m = g.BRACKETED_SYMBOL.match(text, pos)
    opened = g.OPEN_BRACKET_BEFORE.search(text, max(0, amt.start - 20), amt.start) if m else None
    if m is None or opened is None:
        return pos
    before = text[max(0, opened.start() - 40) : opened.start()].split()
    word = before[-1].lstrip("0123456789.,").rstrip(".,") if before else ""
    unit, dimension = BRACKETED[m.group("sym")]
    known = NAMES.get(word.lower()) or SYMBOLS.get(word) or GLUED.get(word)
    if known is None or known[1] != dimension:
        return pos
    amt.unit = unit
    return m.end()


_NO_UNIT_AFTER = frozenset(',.;:)]}!?\n\t"”’')  # a unit never starts with these: skip every pattern


def unit_in_context(unit: str, text: str, start: int, end: int) -> bool:
    """Whether a unit named at text[start:end] is that unit here: nits are brightness only where a
    screen is named near them ("30 nits in her hair" are lice eggs)."""
    if unit != "nit":
        return True
    return g.SCREEN_CUE.search(text, max(0, start - 60), min(len(text), end + 40)) is not None


def _read_unit_word(text: str, amt: Amount, pos: int) -> int:
    if pos < len(text) and text[pos] in '"”″' and not amt.spelled and amt.currency is None:
        m = g.INCH_MARK.match(text, pos)
        if m:
            amt.unit = "inch"
            return m.end()
        if _precipitation_near(text, amt.start, pos):  # '1-3" of rain'
            amt.unit = "inch"
            return pos + 1
    if (
        text.startswith(" m", pos)
        and not amt.spelled
        and amt.currency is None
        and g.SPACED_RACE_METRES.match(text, pos)
    ):
        amt.unit = "m"  # "a 100 m race"
        return pos + 2
    if text.startswith("-in.", pos) and not amt.spelled and g.HYPHENATED_INCH.match(text, pos):
        amt.unit = "inch"  # "the 6.3-in. Galaxy", "a 13-in. laptop": the abbreviation with its period
        return pos + 3
    if pos >= len(text) or text[pos] in _NO_UNIT_AFTER:
        return pos
    if amt.currency is None and g.unit_probe().match(text, pos) is None:
        return pos  # none of the patterns below matches here
    m = g.PERCENT.match(text, pos)
    if m:
        amt.unit = {"pct": "percent", "pp": "percentage_point", "bp": "basis_point"}[m.lastgroup or "pct"]
        return m.end()
    if amt.currency is None:
        m = g.CURRENCY_AFTER.match(text, pos)
        minor = g.MINOR_AFTER.match(text, pos)
        if m and minor is not None and minor.end() > m.end():
            m = None  # "50 euro cents": the currency's name opens the name of its minor unit
        if m:
            word = m.group("word")
            if word is None:
                code = m.group("code")
                if code:
                    amt.currency, scale = _glued_code(code) or (code, None)
                    amt.scale = scale or amt.scale
                else:
                    amt.currency = CURRENCY_PREFIXES.get(m.group("sym"), "USD")
                return m.end()
            key = " ".join(word.lower().replace("-", " ").split())
            milestone = key == "mark" and text.endswith(("the ", "The "), 0, amt.start)  # "pass the 6 billion mark"
            force = key.startswith("pound") and g.FORCE_AFTER.match(text, m.end()) is not None  # "pounds of thrust"
            if not (milestone or force) and (key not in AMBIGUOUS_CURRENCY_WORDS or amt.scale is not None):
                amt.currency = CURRENCY_WORDS.get(key) or CURRENCY_WORDS.get(key.replace(" ", "-"), "USD")
                return _and_cents(text, amt, m.end())
        m = minor
        if m:
            word = " ".join((m.group("word") or "¢").lower().split())
            amt.currency, amt.factor = MINOR_UNITS[word]
            return m.end()
    if amt.currency is not None:
        return _and_cents(text, amt, pos) if amt.start < amt.num_start and amt.currency == "USD" else pos
    m = g.AGE.match(text, pos)
    if m:
        amt.unit = DURATION_UNITS.get((m.group("unit") or "year").lower(), "year")
        amt.age = True
        return m.end()
    m = g.DURATION.match(text, pos)
    if m:
        if m.group("of") and m.group("unit").lower().startswith("quarter"):
            return pos  # "three quarters of": not a duration
        amt.unit = DURATION_UNITS[m.group("unit").lower()]
        if _tenor(text, amt, m):
            amt.tenor = True
        return m.start("of") if m.group("of") else m.end()  # "3.5 months of supply": the span ends at the unit
    m = g.SPACED_MEGAPIXELS.match(text, pos) if not amt.spelled else None
    if m and g.CAMERA_CUE.search(text, max(0, amt.start - 40), min(len(text), m.end() + 30)):
        amt.unit = "megapixel"
        return m.end()
    if not amt.spelled and text.startswith(" W", pos):  # a plain test before either pattern
        m = g.SPACED_WATTS.match(text, pos) or g.SPACED_WATTS_END.match(text, pos)
        if m and (m.re is g.SPACED_WATTS or _power_in_sentence(text, amt.start, m.end())):
            amt.unit = "W"
            return m.end()
    if not amt.spelled and text[pos : pos + 8].lower().lstrip(" -\u00a0\u202f\u2010\u2011")[:3] in ("fps", "fra"):
        m = g.FRAME_RATE.match(text, pos)
        if m:
            amt.unit = FRAME_RATE[0]
            return m.end()
    m = g.SCALED_BARRELS.match(text, pos) if amt.scale is None else None
    if m:
        amt.unit, amt.scale = "barrel/day", 1e3 if m.group("scale").lower() == "k" else 1e6
        return m.end()
    m = g.SCALED_GAS.match(text, pos) if amt.scale is None else None
    if m:
        amt.unit = "m**3" if m.group("unit").lower() == "cm" else "ft**3"
        amt.scale = GAS_SCALES[m.group("scale").lower()]
        return m.end()
    m = g.UNIT_AFTER.match(text, pos)
    if m:
        name = m.group("name")
        unit = (NAMES[" ".join(name.lower().split())] if name else SYMBOLS[m.group("sym")])[0]
        if not unit_in_context(unit, text, amt.start, m.end()):
            return pos
        amt.unit = unit
        return m.end()
    m = g.BARE_DEGREES.match(text, pos) or g.SCALE_LETTER.match(text, pos)
    if m:
        scale = _temperature(text, amt, m)
        if scale is not None:
            amt.unit = scale
            return m.end()
    if not amt.spelled or text.startswith(" points", pos):
        m = g.INDEX_POINTS.match(text, pos)
        # spelled, only about polls or votes ("a margin of between four and eight points"): a team's
        # "five points" are a count
        if m and _game_sentence(text, amt.start, m.end()):
            amt.score_end = m.end()
            return pos
        if m and (not amt.spelled or _poll_sentence(text, amt.start, m.end())):
            amt.unit = INDEX_POINT[0]
            return m.end()
    m = g.POINT_RATE_MOVE.match(text, pos) if text.startswith(("-point", "-Point"), pos) else None
    if m:
        amt.unit = "percentage_point"
        return m.end()
    m = g.POINT_GAP.match(text, pos)
    if m:
        amt.unit = INDEX_POINT[0]
        return m.end()
    m = g.MAGNITUDE_AFTER.match(text, pos)
    if m or (not amt.spelled and _one_decimal(amt.token) and g.QUAKE_AFTER.match(text, pos)):
        amt.unit = MAGNITUDE[0]
        return m.end() if m else pos
    m = g.TIMES.match(text, pos)
    # "three times as many" (a cue), "covered 5.2 times" (a decimal is never a number of events)
    if m and (
        (m.group("cue") or "").lower() in TIMES_CUES
        or (m.group("cue") or "a")[0].isupper()  # "5 times WHO limits": what is multiplied, by name
        or "." in amt.token
        or g.COMPARISON_BEFORE_TIMES.search(text, max(0, amt.start - 20), amt.start)
    ):
        amt.unit = "times"
        return m.end()
    if m and (not amt.spelled or amt.number >= 2) and g.EVENTS_AFTER_TIMES.match(text, m.end()):
        amt.events = True  # "raised rates 11 times since March": a count of events
        return pos
    m = g.FOLD.match(text, pos)
    if m:
        amt.unit = "times"
        return m.end()
    return pos


def _power_in_sentence(text: str, start: int, end: int) -> bool:
    """A word of electric power ("charging", "battery", "output") in the sentence of text[start:end]."""
    return g.POWER_CUE.search(text, *sentence_bounds(text, start, end, 100, 60)) is not None


def _game_sentence(text: str, start: int, end: int) -> bool:
    """Points scored in a game, by the sentence's words: a count of points, not an index's or a
    poll's ("He scored 31 points", "a 24-point win over Leeds" are scores)."""
    return g.GAME_CUE.search(text, *sentence_bounds(text, start, end, 160, 120)) is not None


def _poll_sentence(text: str, start: int, end: int) -> bool:
    """A poll or vote cue in the sentence around text[start:end], where points are percentage points."""
    return g.POLL_CUE.search(text, *sentence_bounds(text, start, end, 160, 120)) is not None


def _temperature(text: str, amt: Amount, m: re.Match[str]) -> str | None:
    """The scale of a temperature written without "°" ("hit 96 degrees", "118 F (47.7 C)"), or None.

    A spaced letter is a scale only where the words around speak of temperatures. A bare "degrees"
    takes the scale its conversion does not name ("124 degrees (51.1 C)") or the one scale named
    nearby; with none named (or both, and no conversion) the scale is unknown: no figure is better
    than a count of degrees.
    """
    lo, hi = max(0, amt.start - 160), min(len(text), m.end() + 80)
    letter = m.groupdict().get("scale")
    if letter is not None:
        if g.TEMPERATURE_CUE.search(text, lo, hi) is None:
            return None  # "Class 5 C", "grade 3 F"
        return "degC" if letter == "C" else "degF"
    conv = g.CONVERSION_AFTER.match(text, m.end())
    if conv is not None:
        return "degF" if conv.group("c") else "degC"
    named = {"degC" if x.group("c") else "degF" for x in g.SCALE_NAMED.finditer(text, lo, hi)}
    return named.pop() if len(named) == 1 and g.TEMPERATURE_CUE.search(text, lo, hi) else None


def _one_decimal(token: str) -> bool:
    """ "5.9", "7.0": the shape of a quake's magnitude (one decimal, below ten)."""
    return len(token) == 3 and token[1] == "." and token[0].isdigit()


def _tenor(text: str, amt: Amount, m) -> bool:
    """ "the 10-year yield", "a 20-year bond auction", "the 10 yr", "a 52-week high": a singular,
    attributive span before a bond or benchmark noun names a security or a mark, not a span of time."""
    unit = m.group("unit").lower()
    if unit.endswith("s") and unit != "yrs":
        return False
    if text[m.start()] == "-" or unit.startswith("yr"):
        tenor = g.TENOR.match(text, m.end())
        if tenor is not None and g.DEAL_AFTER.match(text, tenor.end()):
            return False  # "a three-year currency swap agreement": the length of a deal, a span of time
        return tenor is not None or (unit == "yr" and text[m.start()] != "-")
    return False


def _and_cents(text: str, amt: Amount, pos: int) -> int:
    """ "3 dollars 50 cents": the cents join the dollar amount."""
    m = g.AND_CENTS.match(text, pos)
    if m is None or amt.scale is not None:
        return pos
    n = m.group("n")
    cents = parse_numeral(n) if n[0].isdigit() else parse_spelled(n)
    if cents is None or cents >= 100:
        return pos
    amt.number += cents / 100
    return m.end()
