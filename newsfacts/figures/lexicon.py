"""Word lists the grammar consults: currencies, units, and the words that decide whether a bare
number is a figure at all (function words, label nouns, plurals).

Kept apart from the patterns so a reviewer can extend a list without reading any regex.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Currency marks written before the amount ("US$60 billion", "¥80 trillion", "USD 5bn").
CURRENCY_PREFIXES = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "CAN$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL",
    "MX$": "MXN", "$": "USD", "JP¥": "JPY", "CN¥": "CNY", "RMB": "CNY", "¥": "JPY", "￥": "JPY",
    "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "CHF": "CHF", "USD": "USD", "JPY": "JPY", "EUR": "EUR", "GBP": "GBP", "CNY": "CNY", "KRW": "KRW",
    "INR": "INR", "AUD": "AUD", "CAD": "CAD", "HKD": "HKD", "SGD": "SGD", "TWD": "TWD", "BRL": "BRL",
    "MXN": "MXN", "RUB": "RUB", "ZAR": "ZAR", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "NZD": "NZD",
}  # fmt: skip
CURRENCY_CODES = frozenset(code for code in CURRENCY_PREFIXES if code.isalpha() and code.isupper())

# Currency words written after the amount ("80 trillion yen"); keys are lower case.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "new zealand dollars": "NZD",
    "taiwan dollars": "TWD", "yen": "JPY", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "won": "KRW", "rupee": "INR", "rupees": "INR", "swiss francs": "CHF", "francs": "CHF",
    "rubles": "RUB", "roubles": "RUB", "pesos": "MXN", "ringgit": "MYR", "baht": "THB",
    "rupiah": "IDR", "reais": "BRL", "rand": "ZAR",
}  # fmt: skip
# Currency words that are also ordinary words ("5 pounds of rice", "the party won 3"): only a
# currency when a scale word comes first ("5 billion pounds").
AMBIGUOUS_CURRENCY_WORDS = frozenset({"pound", "pounds", "won", "rand"})

DURATION_UNITS = {
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute", "hour": "hour",
    "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
}  # fmt: skip

MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# "mid-2026", "early-2026", "pre-2020": a hyphenated prefix that still leaves a year.
DATE_PREFIXES = _words("mid early late pre post end start")

# Capitalised words that do not name anything: a number after them is not part of a name.
FUNCTION_WORDS = _words(
    """
    a an the this that these those its their our his her my your all both each every another some
    any no only just nearly almost about around roughly approximately over under above below up down
    more less fewer than at least most by in on of for from to with within without since until till
    before after during through between among across against into onto upon per via as like unlike
    and or but yet so nor if while when where whereas because although though despite amid beyond
    except plus minus including excluding exactly precisely circa some estimated an also still now
    then here there even last next first second third early late mid fiscal spring summer autumn
    fall winter total totaling totalling around overall combined throughout following ahead toward
    towards versus past already again ever never perhaps maybe starting beginning entering ending
    heading until circa
    """
)

# Lower-case nouns that label rather than count: "phase 2", "article 9", "No. 3", "level 4".
LABEL_WORDS = _words(
    """
    top bottom no. nos. nr. vol. vol art. sec. fig. ch. p. pp. # page pages chapter section article
    articles clause paragraph rule line route flight room gate platform episode season volume issue grade
    level phase stage tier type class category model version number item step figure table exhibit
    appendix resolution amendment division district ward zone unit block building floor lane exit
    terminal channel track row seat
    """
)

# Words that never head the noun phrase a number counts.
NOT_NOUNS = _words(
    """
    a an the this that these those its their our his her my your of in on at by for from to with
    within without into onto over under about after before since until during per via than as like
    across against among between through toward towards upon and or but nor so yet if while because
    it he she they we you i them us is are was were be been being has have had does do did will
    would can could may might shall should must says said not no more less fewer most least also
    only just each every am pm times percent per cent points point says shows seems remains stands
    makes goes comes takes gets looks rises falls gains jumps drops hits tops sees
    """
)

IRREGULAR_PLURALS = _words(
    """
    people women men children staff personnel police cattle aircraft sheep fish deer feet teeth mice
    geese data media criteria phenomena crew spacecraft troops folk youth livestock
    """
)

# Plural nouns a writer counts to structure prose, not to report a fact: "three reasons",
# "in three directions", "two observations emerge".
DISCOURSE_NOUNS = _words(
    """
    ways reasons things directions observations lessons questions takeaways steps tips points aspects
    factors pillars areas fronts dimensions themes trends scenarios options elements parts sides
    words ideas issues topics facts cases examples categories levels kinds types sorts possibilities
    stages phases tiers layers priorities goals principles conclusions implications messages signals
    """
)

# Words before a spelled number that make it a reference to a known group ("the two leaders").
DEFINITE_WORDS = _words("the these those both all its their his her our my your whose such every each other")

# "N times" is a multiplier only when a comparison follows ("three times its GDP").
TIMES_CUES = _words(
    """
    as more less fewer higher larger bigger greater faster lower smaller slower cheaper longer
    the that its their his her our what than
    """
)


def is_plural_noun(word: str) -> bool:
    """Heuristic plural test for the word a number counts ("projects", "economies", "women")."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s")) and w not in NOT_NOUNS
