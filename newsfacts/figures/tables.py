"""Build the unit and currency tables the grammar reads, from CLDR (Babel) and pint's unit registry.

    python -m newsfacts.figures.tables          # rewrite units.json and currencies.json
    python -m newsfacts.figures.tables --check  # exit 1 when the committed tables are stale

Why generated files: building the tables costs ~1.5 s of Babel locale loading and ~3 s of pint
registry setup, which would be paid by every process that imports the extractor. The committed
JSON loads in milliseconds, the extractor has no run-time dependency on either library, and
tests/unit/test_figures_tables.py checks that the files still equal what the libraries give.

What is chosen here (and not taken from the data): which units news uses (UNITS), the dimension
names of the contract, and the news conventions CLDR does not hold (C$ is CAD in news, a bare
"dollar" is USD, minor units such as cents and pence).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
UNITS_FILE = HERE / "units.json"
CURRENCIES_FILE = HERE / "currencies.json"

# canonical symbol (a pint expression) -> dimension name of the contract
UNITS: dict[str, str] = {
    "mm": "length", "cm": "length", "m": "length", "km": "length", "inch": "length", "ft": "length",
    "yard": "length", "mile": "length", "nmi": "length", "um": "length", "nm": "length", "pm": "length",
    "dm": "length", "light_year": "length",
    "ug": "mass", "mg": "mass", "g": "mass", "kg": "mass", "t": "mass", "lb": "mass", "oz": "mass",
    "ton": "mass", "carat": "mass", "troy_ounce": "mass", "stone": "mass",
    "ml": "volume", "l": "volume", "gallon": "volume", "barrel": "volume", "bushel": "volume",
    "cup": "volume", "tbsp": "volume", "tsp": "volume", "dram": "mass", "cc": "volume",
    "hectare": "area", "acre": "area",
    "km/h": "speed", "mph": "speed", "knot": "speed", "m/s": "speed",
    "J": "energy", "kJ": "energy", "MJ": "energy", "GJ": "energy", "Wh": "energy", "kWh": "energy",
    "MWh": "energy", "GWh": "energy", "TWh": "energy", "kcal": "energy", "Btu": "energy",
    "W": "power", "kW": "power", "MW": "power", "GW": "power", "TW": "power", "hp": "power",
    "degC": "temperature", "degF": "temperature",
    "byte": "data", "kB": "data", "MB": "data", "GB": "data", "TB": "data", "PB": "data", "EB": "data", "ZB": "data",
    "bit": "data", "kbit": "data",
    "Mbit": "data", "Gbit": "data", "Tbit": "data", "Mbit/s": "data_rate", "Gbit/s": "data_rate",
    "Hz": "frequency", "kHz": "frequency", "MHz": "frequency", "GHz": "frequency", "rpm": "frequency",
    "barrel/day": "flow", "m**3/s": "flow", "l/s": "flow",
    "lbf*ft": "torque", "N*m": "torque", "lbf": "force",
    "V": "voltage", "kV": "voltage", "A": "current", "mAh": "charge", "Ah": "charge",
    "megapixel": "resolution", "nit": "luminance",
    "mbar": "pressure", "hPa": "pressure", "psi": "pressure", "mmHg": "pressure",
    "eV": "energy", "keV": "energy", "MeV": "energy", "GeV": "energy", "TeV": "energy",
    "dB": "sound_level", "ppm": "concentration",
    "Sv": "radiation_dose", "mSv": "radiation_dose", "uSv": "radiation_dose",
    "Gy": "absorbed_dose", "mGy": "absorbed_dose",
}  # fmt: skip
# Every length above also measures an area and a volume: "square"/"cubic" and the exponent forms
# ("1,200 square miles", "4 cubic kilometres", "12 km3", "50 cm²") are built from its own names.
POWERS = ((2, "area", ("square", "sq", "sq."), "²"), (3, "volume", ("cubic", "cu"), "³"))
# No conversion factor: an offset scale (degrees), a logarithmic one (decibels), and pint's
# revolution, which is an angle (1 rpm is not 0.105 Hz): such a unit is compared only with itself.
FACTORLESS = frozenset({"degC", "degF", "dB", "rpm"})

# Surface forms pint does not list but news writes; each is checked against pint when built.
EXTRA_FORMS: dict[str, tuple[str, ...]] = {
    "barrel/day": ("bpd", "b/d", "barrels per day", "barrels a day", "barrel per day", "barrels of oil per day",
                   "barrels of oil a day", "barrels daily", "barrels of oil daily"),
    "km/h": ("kph", "kmh", "kmph", "km/hr", "kilometres per hour", "kilometers per hour", "kilometres an hour",
             "kilometers an hour"),
    "mph": ("miles per hour", "miles an hour", "mile per hour"),
    "m/s": ("metres per second", "meters per second"),
    "lbf*ft": ("pound-feet", "pound-foot", "lb-ft", "lb ft", "foot-pounds", "ft-lb", "lb.-ft.", "lb.-ft", "lb-ft."),
    "N*m": ("newton-metres", "newton-meters", "Nm", "newton metres", "newton meters"),
    "degC": ("°C", "º C", "°c", "degrees Celsius", "degree Celsius", "degrees centigrade", "C°", "℃", "degrees C",
             "deg C", "deg celsius", "degrees c",
             "degrees celcius", "degree celcius", "celcius"),  # a common misspelling
    "degF": ("°F", "°f", "degrees Fahrenheit", "degree Fahrenheit", "F°", "℉", "degrees F", "deg F", "deg fahrenheit",
             "degrees farenheit", "farenheit"),
    "m**2": ("sqm",),
    "ft**2": ("sq. ft.", "sqft"),
    "mile**2": ("sq mi",),
    "m**3/s": ("cubic metres per second", "cubic meters per second"),
    "l/s": ("litres per second", "liters per second"),
    "Mbit/s": ("Mbps", "Mb/s", "megabits per second"),
    "Gbit/s": ("Gbps", "Gb/s", "gigabits per second"),
    "t": ("tonnes", "tonne", "metric tons", "metric ton", "metric tonnes"),
    "ton": ("tons", "ton", "short tons"),
    "l": ("litres", "litre", "liters", "liter"),
    "ml": ("millilitres", "millilitre", "milliliters", "milliliter"),
    "inch": ("inches",),
    "ft": ("feet", "foot"),
    "lb": ("lbs", "pounds", "pound"),
    "oz": ("ounces", "ounce"),
    "troy_ounce": ("troy ounces", "troy ounce", "ozt"),
    "gallon": ("gallons", "gal"),
    "barrel": ("barrels", "bbl", "bbls"),
    "bushel": ("bushels",),
    "mile": ("miles", "mi"),
    "yard": ("yards", "yds", "yd"),
    "hectare": ("hectares", "ha"),
    "acre": ("acres",),
    "nmi": ("nautical miles", "nautical mile"),
    "knot": ("knots", "kn", "kt"),
    "hp": ("horsepower", "bhp", "hp"),
    "kcal": ("kilocalories", "kilocalorie", "calories", "calorie", "Cal"),
    "Btu": ("BTU", "BTUs", "btu"),
    "rpm": ("RPM", "revolutions per minute"),
    "mAh": ("milliamp-hours", "milliamp hours", "mAH", "MAh"),
    "GHz": ("Ghz", "ghz", "GHZ"),  # news spells the hertz symbol loosely: "a 1.3 Ghz processor"
    "MHz": ("Mhz", "mhz", "MHZ"),
    "light_year": ("light-years", "light-year", "light years", "light year"),
    "um": ("µm", "μm", "microns", "micron"),
    "ug": ("µg", "μg", "mcg", "microgrammes", "microgramme"),
    "g": ("grammes", "gramme"),
    "carat": ("carats", "ct"),
    "kg": ("Kg", "KG", "kgs", "kilos", "kilo", "kilogrammes", "kilogramme"),  # "722 kilos of cocaine"
    "lbf": ("pounds of thrust", "pound of thrust", "pounds of force", "pound-force", "pounds-force"),
    "stone": ("stones", "st"),
    "cc": ("cc",),
    "megapixel": ("megapixels", "mega-pixel", "mega-pixels"),
    "mbar": ("millibars", "millibar"),
    "hPa": ("hectopascals", "hectopascal"),
    "psi": ("pounds per square inch", "pound per square inch"),
    "mmHg": ("mm Hg", "millimetres of mercury", "millimeters of mercury"),
    "dB": ("decibels", "decibel", "dBA", "dB(A)"),
    "ppm": ("parts per million", "part per million"),
    "uSv": ("µSv", "μSv", "microsieverts", "microsievert"),
    "eV": ("electronvolts", "electron volts", "electronvolt", "electron volt"),
}  # fmt: skip

# Names pint gives that news uses for something else ("30 gray wolves") or that are no English word.
DROPPED_NAMES = frozenset({"gray", "grays", "octet", "ppms", "millimeter hgs", "square foots", "cubic foots"})

# Square and cubic metres written with a digit or a superscript: read as symbols (case as written),
# since spelled forms of two characters are dropped as too ambiguous.
SHORT_SYMBOLS: dict[str, str] = {
    "m2": "m**2", "m²": "m**2", "m^2": "m**2", "m3": "m**3", "m³": "m**3", "m^3": "m**3",
}  # fmt: skip

# Ambiguous symbols (below) read inside a conversion's brackets after a figure of their dimension:
# "1.5 million kilometres (930,000 mi)", "6 feet (1.8 m)", "40 acres (16 ha)".
BRACKETED_ONLY = {
    "mi": "mile", "yd": "yard", "in": "inch", "gal": "gallon", "ha": "hectare", "m": "m", "g": "g", "t": "t",
    "l": "l", "kn": "knot", "kt": "knot", "st": "stone",
}  # fmt: skip

# Unit symbols that are also common words, letters or scale marks ("in", "m" for million, "t",
# "A"): read only when spelled out, never as a bare symbol.
AMBIGUOUS_SYMBOLS = frozenset({
    "m", "g", "t", "l", "A", "V", "W", "J", "in", "pt", "st", "ct", "kn", "kt", "ha", "mi", "yd", "gal",
    "Cal", "cup", "tsp", "tbsp", "dram", "pm", "dm", "bit", "ton", "stone", "carat", "Ah", "cp", "dr", "B",
    "ly", '"', "in.",
})  # fmt: skip

# CLDR spells "dollar" for ~25 currencies; a news writer who names none means these.
GENERIC_DEFAULTS = {
    "dollar": "USD", "u.s. dollar": "USD", "pound": "GBP", "franc": "CHF", "peso": "MXN", "rupee": "INR",
    "riyal": "SAR",
    "dirham": "AED", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "lira": "TRY",
    "dinar": "KWD", "real": "BRL", "reais": "BRL", "yuan": "CNY", "guilder": "NLG", "mark": "DEM",
    "shilling": "KES", "rial": "IRR", "rand": "ZAR", "won": "KRW", "sterling": "GBP", "renminbi": "CNY",
    "rmb": "CNY", "kuai": "CNY", "rouble": "RUB", "ruble": "RUB", "euro": "EUR", "yen": "JPY",
    "crown": "CZK", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "naira": "NGN", "shekel": "ILS",
    "zloty": "PLN", "forint": "HUF", "lev": "BGN", "leu": "RON", "hryvnia": "UAH", "cedi": "GHS",
    "kwacha": "ZMW", "taka": "BDT", "dong": "VND", "peseta": "ESP", "escudo": "PTE", "drachma": "GRD",
    "lire": "ITL", "markka": "FIM", "schilling": "ATS", "punt": "IEP", "tenge": "KZT",
}  # fmt: skip
# Currency words whose plural is the word itself ("ten yen", "five rand").
UNCOUNTED = frozenset(
    [
        "yen",
        "yuan",
        "won",
        "rand",
        "ringgit",
        "baht",
        "rupiah",
        "sterling",
        "rmb",
        "kuai",
        "renminbi",
        "naira",
        "taka",
        "tenge",
        "dong",
        "reais",
        "kronor",
        "kroner",
        "leva",
        "lire",
        "markka",
    ]
)
# Plurals CLDR does not give for the generic word ("kronor" is itself a plural above).
GENERIC_PLURALS = {"lira": ("lire",), "real": ("reais",), "peso": ("pesos",), "shekel": ("shekels", "shekalim")}

# Prefix marks news writes that CLDR's English data lacks or assigns elsewhere (C$ is NIO in CLDR).
PREFIX_OVERRIDES = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "US $": "USD", "U.S. $": "USD", "U.S $": "USD", "C$": "CAD",
    "CAN$": "CAD", "Can$": "CAD", "AU$": "AUD", "Aus$": "AUD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "Mex$": "MXN", "MX$": "MXN", "R$": "BRL", "HK$": "HKD", "NT$": "TWD", "RMB": "CNY", "¥": "JPY",
    "￥": "JPY", "JP¥": "JPY", "CN¥": "CNY", "Rs.": "INR", "Rs": "INR", "£": "GBP", "€": "EUR",
    "元": "CNY", "RM": "MYR", "Rp": "IDR", "kr": "SEK", "Sfr": "CHF", "SFr": "CHF", "Fr.": "CHF",
    "₱": "PHP", "J$": "JMD", "TT$": "TTD", "EC$": "XCD",  # Caribbean papers' dollars: "J$60 million"
    "KSh": "KES",  # Kenyan papers: "KSh 2 billion" (CLDR gives "Ksh")
}  # fmt: skip
# Minor units, stated in the major unit (contract v2): word -> (currency, fraction of the major unit).
MINOR_UNITS = {
    "cent": ("USD", 0.01), "cents": ("USD", 0.01), "¢": ("USD", 0.01), "penny": ("GBP", 0.01),
    "pennies": ("GBP", 0.01), "pence": ("GBP", 0.01), "p": ("GBP", 0.01), "sen": ("MYR", 0.01),
    "paise": ("INR", 0.01), "kopecks": ("RUB", 0.01), "kopeks": ("RUB", 0.01), "centimes": ("CHF", 0.01),
    "euro cents": ("EUR", 0.01), "euro cent": ("EUR", 0.01), "eurocents": ("EUR", 0.01), "eurocent": ("EUR", 0.01),
    "satoshi": ("XBT", 1e-8), "satoshis": ("XBT", 1e-8),
}  # fmt: skip


# Symbols read only when glued to the number ("25W charger", "199g", "12V", the British "temperatures
# of 30C", "highs of 95F", "a 12MP camera": "12 MP" may be twelve members of parliament; "an 11.6in screen").
GLUED_ONLY = {
    "W": "W", "V": "V", "g": "g", "C": "degC", "F": "degF", "MP": "megapixel", "in": "inch",
    "L": "l",  # "a 3.5L V6", "a 1.5L bottle": a capital L glued to the number is litres
    "Gb": "GB",  # "a 32Gb tablet", "100Gb of storage": consumer news writes gigabytes so (gigabit rates are Gbps)
}  # fmt: skip


def _powered(units: dict[str, str]) -> dict[str, str]:
    """The area and volume of every length: "km" -> "km**2" (area), "km**3" (volume)."""
    return {f"{c}**{exp}": dim for c, d in units.items() if d == "length" for exp, dim, _, _ in POWERS}


POWERED: dict[str, str] = _powered(UNITS)
MEASURES: dict[str, str] = {**UNITS, **POWERED}


def _unit_forms(ureg, canon: str) -> tuple[set[str], set[str]]:  # noqa: ANN001 - pint's registry
    """Spelled names and symbols pint and EXTRA_FORMS give for one canonical unit."""
    unit = ureg.parse_units(canon)
    names: set[str] = set()
    syms: set[str] = set()
    if len(unit._units) == 1 and next(iter(unit._units.values())) == 1:
        name = next(iter(unit._units))
        names.add(name.replace("_", " "))
        if not name.endswith(("s", "z", "ch", "hour", "horsepower")) and "_per_" not in name:
            names.add(name.replace("_", " ") + "s")
        syms.add(ureg.get_symbol(name))
        definition = ureg._units.get(name)
        for alias in getattr(definition, "aliases", ()) or ():
            names.add(alias.replace("_", " "))
        if name.endswith("meter"):
            names.update({name[:-5] + "metre", name[:-5] + "metres"})
        if name.endswith("liter"):
            names.update({name[:-5] + "litre", name[:-5] + "litres"})
        if name.endswith("watt_hour"):
            stem = name[: -len("watt_hour")]
            names.update({f"{stem}watt-hour", f"{stem}watt-hours", f"{stem}watt hours"})
    if "*" not in canon:
        syms.add(canon)
    for form in EXTRA_FORMS.get(canon, ()):
        # "μg" (a Greek mu, where "µg" has the micro sign) is lower case but a symbol all the same
        symbol = not form.islower() or form.startswith(("µ", "μ"))
        (syms if form == form.strip() and " " not in form and symbol else names).add(form)
        if form.islower():
            names.add(form)
    return names, syms


def _power_forms(base: tuple[set[str], set[str]], exp: int) -> tuple[set[str], set[str]]:
    """ "square kilometres", "sq km", "km2", "km²" from the names and symbols of "km"."""
    names, syms = base
    _, _, words, superscript = next(p for p in POWERS if p[0] == exp)
    short = {s for s in syms if len(s) <= 3}  # "km", "ft", "µm": not the spelled canonical "mile"
    spelled = {f"{w} {n}" for w in words[:1] for n in names if len(n) > 2 and "_" not in n}
    spelled |= {f"{w} {s}" for w in words[1:] for s in short}
    # a one-letter or word-like symbol ("m", "in", "yd") takes no exponent mark: "m2" is SHORT_SYMBOLS'
    marks = {f"{s}{mark}" for s in short if s not in AMBIGUOUS_SYMBOLS for mark in (str(exp), f"^{exp}", superscript)}
    return spelled, marks


def _factor(ureg, canon: str) -> float | None:  # noqa: ANN001 - pint's registry
    """How many of its dimension's SI base unit one `canon` is, for comparing sources."""
    if canon in FACTORLESS:
        return None
    return float((1 * ureg.parse_units(canon)).to_base_units().magnitude)


def build_units() -> dict:
    import pint

    ureg = pint.UnitRegistry()
    forms: dict[str, list[str]] = {}
    symbols: dict[str, list[str]] = {}
    found = {canon: _unit_forms(ureg, canon) for canon in UNITS}
    for canon in POWERED:
        base, exp = canon.rsplit("**", 1)
        spelled, marks = _power_forms(found[base], int(exp))
        names, syms = _unit_forms(ureg, canon)
        found[canon] = (names | spelled, syms | marks)
    for canon, (names, syms) in found.items():
        entry = [canon, MEASURES[canon]]
        for form in names:
            if " " in form or "-" in form or len(form) > 3 or form.islower():
                forms.setdefault(form.lower(), entry)
        for sym in syms:
            if sym and sym not in AMBIGUOUS_SYMBOLS and not sym.isdigit():
                symbols.setdefault(sym, entry)
    for form in list(forms):
        if len(form) <= 2 or form in {"point", "points"} or form in DROPPED_NAMES:
            forms.pop(form)
    for sym, canon in SHORT_SYMBOLS.items():  # "13.9bn m3", "a 50 m² flat": symbols too short for names
        symbols.setdefault(sym, [canon, MEASURES[canon]])
    forms.update({"pounds": ["lb", "mass"], "pound": ["lb", "mass"]})
    glued = {sym: [canon, UNITS[canon]] for sym, canon in GLUED_ONLY.items()}
    bracketed = {sym: [canon, UNITS[canon]] for sym, canon in BRACKETED_ONLY.items()}
    factors = {canon: f for canon in MEASURES if (f := _factor(ureg, canon)) is not None}
    return {
        "names": dict(sorted(forms.items())),
        "symbols": dict(sorted(symbols.items())),
        "glued": glued,
        "bracketed": bracketed,
        "factors": dict(sorted(factors.items())),
    }


def build_currencies() -> dict:
    from babel import Locale, localedata
    from babel.numbers import get_territory_currencies

    en = Locale("en")
    names: dict[str, str] = {}
    for code, name in en.currencies.items():
        if len(code) != 3 or code.startswith("X") and code not in ("XOF", "XAF", "XPF", "XCD"):
            continue
        plural = en._data["currency_names_plural"].get(code, {})
        for form in (name, plural.get("one"), plural.get("other")):
            if form and "(" not in form:
                names.setdefault(form.lower(), code)
    generic: dict[str, str] = {}
    for word, code in GENERIC_DEFAULTS.items():
        generic[word] = code
        plural = en._data["currency_names_plural"].get(code, {}).get("other", "")
        last = plural.lower().split()[-1] if plural else ""
        if last and last.rstrip("s") == word.rstrip("s") or last.startswith(word[:4]):
            generic.setdefault(last, code)
        if word not in UNCOUNTED and not word.endswith("s"):
            generic.setdefault(word + "s", code)
        for p in GENERIC_PLURALS.get(word, ()):
            generic[p] = code
    claims: dict[str, set[str]] = {}
    for ident in localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
            currencies = get_territory_currencies(loc.territory) if loc.territory else []
        except Exception:  # noqa: BLE001 - a locale CLDR cannot resolve contributes nothing
            continue
        for code in currencies[:1]:
            sym = loc._data["currency_symbols"].get(code)
            if sym and sym != code and sym.strip() and sym.isprintable() and "\u200b" not in sym:
                claims.setdefault(sym, set()).add(code)
    prefixes = {
        sym: next(iter(codes))
        for sym, codes in claims.items()
        if len(codes) == 1 and (not sym.isalpha() or (len(sym) > 1 and not sym.isupper() and not sym.islower()))
    }
    prefixes.update(PREFIX_OVERRIDES)
    codes = sorted(c for c in en.currencies if len(c) == 3 and c.isupper())
    return {
        "codes": codes,
        "names": dict(sorted(names.items())),
        "generic": dict(sorted(generic.items())),
        "symbols": dict(sorted(prefixes.items())),
        "minor": {k: list(v) for k, v in sorted({**_dollar_cents(names), **MINOR_UNITS}.items())},
    }


def _dollar_cents(names: dict[str, str]) -> dict[str, tuple[str, float]]:
    """ "37 Australian cents", "40 Hong Kong cents": the cent of every dollar CLDR names."""
    out: dict[str, tuple[str, float]] = {}
    for name, code in names.items():
        if name.endswith(" dollar") and " " in name:
            adjective = name[: -len(" dollar")]
            out[f"{adjective} cent"] = out[f"{adjective} cents"] = (code, 0.01)
    return out


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only compare, exit 1 when a table is stale")
    args = ap.parse_args(argv)
    stale = 0
    for path, build in ((UNITS_FILE, build_units), (CURRENCIES_FILE, build_currencies)):
        text = _dump(build())
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"stale: {path.name}")
                stale += 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.name}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
