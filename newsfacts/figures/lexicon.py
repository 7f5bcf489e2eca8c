"""Word lists the grammar consults: currencies, units, and the words that decide whether a bare
number is a figure at all (function words, label nouns, plurals).

Kept apart from the patterns so a reviewer can extend a list without reading any regex.
"""

from __future__ import annotations

from newsfacts.figures import currencies


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Currency marks written before the amount ("US$60 billion", "¥80 trillion", "USD 5bn", "RM79"):
# CLDR's symbols with news conventions on top (see tables.PREFIX_OVERRIDES), and the ISO codes
# that are not also English words.
CURRENCY_PREFIXES: dict[str, str] = {
    **{code: code for code in currencies.SPACED_CODES},
    **{sym: code for sym, code in currencies.SYMBOLS.items() if "$" not in sym or sym == "$"},
}
# Dollars named by the letters before "$", matched in any case and with an optional space
# ("C$", "HK $", "us$"): every dollar is its own currency (contract v2).
LETTER_DOLLARS: dict[str, str] = {
    sym[:-1].replace(".", "").replace(" ", "").upper(): code
    for sym, code in currencies.SYMBOLS.items()
    if sym.endswith("$") and len(sym) > 1 and sym[:-1].replace(".", "").replace(" ", "").isalpha()
}
# The same dollars with the letters after the "$" ("$US49,990", "$A72,500"), read only glued, upper case.
_LETTERS_AFTER_DOLLAR = {"US", "A", "AU", "AUS", "NZ", "C", "CAN", "HK", "S", "SG", "NT"}
DOLLAR_LETTERS_AFTER: dict[str, str] = {k: v for k, v in LETTER_DOLLARS.items() if k in _LETTERS_AFTER_DOLLAR}
# Currency names written before a scaled amount ("Euro 18.6 million", "Rupees 500 crore"), any case.
CURRENCY_NAMES_BEFORE: dict[str, str] = {"euro": "EUR", "euros": "EUR", "rupees": "INR"}
CURRENCY_CODES = currencies.CODES

# Currency words written after the amount ("80 trillion yen", "420 million Finnish markka"); lower case.
CURRENCY_WORDS: dict[str, str] = currencies.NAMES
# Currency words that are also ordinary words ("5 pounds of rice", "the party won 3"): only a
# currency when a scale word comes first ("5 billion pounds").
AMBIGUOUS_CURRENCY_WORDS = currencies.AMBIGUOUS_NAMES
MINOR_UNITS = currencies.MINOR
# Resolutions written like pence: "1080p" is a video format, not GBP 10.80.
VIDEO_LINES = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})

DURATION_UNITS = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "minute": "minute",
    "minutes": "minute", "min": "minute", "mins": "minute", "hour": "hour",
    "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
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
    heading until circa remaining additional extra further
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
    it he she they we you i them us who whom whose which is are was were be been being has have had does do did will
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
# Compounds keep the irregular plural of their last part: "12 grandchildren", "40 gunmen",
# "two spokeswomen", "300 townspeople". Words ending in "men" that are singular are listed apart.
IRREGULAR_PLURAL_ENDINGS = ("children", "men", "people")
SINGULARS_ENDING_IN_MEN = _words(
    "specimen abdomen omen amen regimen acumen stamen hymen albumen bitumen cognomen dolmen lumen rumen semen germen"
)

# Plural nouns a writer counts to structure prose, not to report a fact: "three reasons",
# "in three directions", "two observations emerge" (not "goals" or "cases": "scored two goals",
# "two new cases" are the commonest small counts of sport and health news).
DISCOURSE_NOUNS = _words(
    """
    ways reasons things directions observations lessons questions takeaways steps tips points aspects
    factors pillars areas fronts dimensions themes trends scenarios options elements parts sides
    words ideas issues topics facts examples categories levels kinds types sorts possibilities
    stages phases tiers layers priorities principles conclusions implications messages signals
    """
)

# Words before a spelled number that make it a reference to a known group ("the two leaders"). A
# possessive does not ("their eight seats", "his three sons"), nor "all" ("all four regions"), nor
# "the" before a superlative ("the five largest farms"): they count what they hold or rank.
DEFINITE_WORDS = _words("the these those both such every each other")

# "N times" is a multiplier only when a comparison follows ("three times its GDP").
TIMES_CUES = _words(
    """
    as more less fewer higher larger bigger greater faster lower smaller slower cheaper longer
    the that its their his her our what than
    """
)


def is_plural_noun(word: str) -> bool:
    """Heuristic plural test for the word a number counts ("projects", "economies", "women"); an
    upper-case initialism with a plural "s" counts too ("412 MPs", "3 TDs", "50 EVs")."""
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper() and word[:-1].isalpha():
        return True
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if w.endswith(IRREGULAR_PLURAL_ENDINGS) and w not in SINGULARS_ENDING_IN_MEN:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s")) and w not in NOT_NOUNS


# Verbs and adverbs that state the size of a change right before a figure ("rose 0.3%", "down 68p").
UP_WORDS = _words(
    """
    rose rise rises rising risen up increased increase increases increasing gained gain gains gaining
    jumped jump jumps jumping climbed climb climbs climbing surged surge surges surging soared soar soars
    soaring advanced advance advances advancing added adding grew grow grows growing grown rallied rally
    rallies rallying spiked spike spikes leapt leaped leap leaps widened widen widens raised raise raises
    raising lifted lift lifts boosted boost boosts hiked hike hikes hiking expanded expand expands
    accelerated improved improve improves firmed edged ticked higher rebounded rebound rebounds rebounding
    strengthened strengthen strengthens strengthening regained regain regains regaining recovered recover
    recovers recovering double doubled doubles doubling triple tripled triples tripling quadrupled
    """
)
DOWN_WORDS = _words(
    """
    fell fall falls falling fallen down dropped drop drops dropping declined decline declines declining
    slid slide slides sliding slipped slip slips slipping lost lose loses losing shed sheds shedding
    plunged plunge plunges plunging tumbled tumble tumbles tumbling sank sink sinks sinking sunk dipped dip
    dips dipping cut cuts cutting lowered lower lowers lowering reduced reduce reduces reducing slashed
    slash slashes slashing shrank shrink shrinks shrinking shrunk decreased decrease decreases decreasing
    eased ease eases easing retreated retreat retreats contracted contract contracts trimmed trim trims
    plummeted plummet plummets slumped slump slumps crashed sagged narrowed narrow narrows shaved
    skidded skid skids skidding tanked tanking dived dove dive dives diving weakened weaken weakens
    weakening faded fade fades fading softened soften softens softening descended descend descends
    descending stumbled stumble stumbles halve halved halves halving slowed slowing slows cooled cooling cools
    """
)
# What a move of a glued "4.2m" may be a count of without its noun ("viewers rose to 4.2m"): the
# subject before the verb is a plural of things counted or one of these; water, snow and heights
# rise in metres ("the river rose to 4.2m").
COUNT_SUBJECTS = _words("population audience membership workforce headcount turnout attendance ridership")
MEASURED_SUBJECTS = _words(
    "levels waters rivers tides waves seas heights depths floodwaters surges snowfalls drifts rains"
)
# "off" states a fall only after a verb of a level or of a session's end: "ended off two cents",
# "shares were off 3%"; elsewhere it is a particle ("laid off 500", "paid off $5 million").
OFF_MOVE_AFTER = _words("is are was were been be being ended closed finished settled traded stood opened")
# Nouns that may follow "a"/"an" as a rate's denominator ("34 cents a share", "$5bn a year"); after
# "per" or "/" any noun is read.
PER_WORDS = _words(
    """
    share year month week day night hour minute second quarter barrel gallon litre liter tonne ton ounce
    gram kilogram kg lb pound kilo head person piece unit seat ticket bushel dozen kilowatt-hour
    megawatt-hour mile kilometre kilometer km user subscriber vote visit bottle pack box bag cup
    square-foot troy-ounce
    """
)
# Denominators written with a word of their own for a unit or a thing: "8% per annum", "$12,000 per capita".
PER_SYNONYMS = {"annum": "year", "capita": "person"}
# Adverbs that state a rate's period after a count or an amount: "250,000 jobs monthly", "$5bn annually".
PER_ADVERBS = {"hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week", "monthly": "month",
               "quarterly": "quarter", "yearly": "year", "annually": "year"}  # fmt: skip
# Abbreviated denominators, read only after a slash: "$64/b", "$2,000/t", "$25/hr", "20,000 b/d" (markets shorthand).
PER_ABBREVIATIONS = {"b": "barrel", "bbl": "barrel", "d": "day", "t": "t", "oz": "oz", "hr": "hour", "h": "hour",
                     "yr": "year", "mo": "month", "wk": "week", "MWh": "MWh", "kWh": "kWh", "m2": "m**2",
                     "m²": "m**2", "m3": "m**3", "m³": "m**3", "sq ft": "ft**2"}  # fmt: skip
# Nouns that turn "the 10-year" into a bond or loan tenor, a name rather than a duration.
TENOR_NOUNS = _words(
    """
    yield yields bond bonds note notes treasury treasuries Treasury Treasuries gilt gilts bund bunds
    JGB JGBs paper auction auctions swap swaps spread spreads breakeven breakevens maturity maturities
    tenor benchmark futures T-note T-notes T-bond T-bonds T-bill T-bills bill bills rate rates mortgage
    mortgages loan loans
    """
)

# Nouns after a bare number that make it the size of a change ("a downwardly revised 159,000 gain").
# Nouns of a change and its direction: "a decrease of 2.3%", "a 5% rise", "an increase of 45,000".
UP_NOUNS = _words(
    "gain gains increase increases rise rises jump jumps surge surges hike hikes rebound rebounds expansion"
)
DOWN_NOUNS = _words(
    "drop drops decline declines loss losses fall falls decrease decreases reduction reductions slump slumps "
    "plunge plunges dip dips cut cuts contraction"
)
CHANGE_NOUNS = UP_NOUNS | DOWN_NOUNS
# A gain or a loss of money is more often a result than a change ("a $3 billion loss", "a loss of $2m").
LOSS_NOUNS = _words("loss losses")
RESULT_NOUNS = _words("gain gains") | LOSS_NOUNS
# Words before "at"/"below"/"above" that make the number after them a level ("closed at 16,154", "a reading
# below 50", "slipped below 30,000").
LEVEL_WORDS = _words(
    "closed close closes closing ended end ends ending finished finish finishes stood stands standing settled "
    "opened traded trading hovered hovering reading level mark"
)
# Nouns of an extreme level, before "of": "an intraday high of 31,958.41", "a record low of 1,020".
PEAK_WORDS = _words("high highs low lows peak trough")
# Prepositions that introduce a level after a change or level word.
LEVEL_PREPOSITIONS = _words("at below above past beyond near under over through")
# Words between a number and the noun it counts that do not end the noun phrase ("eight more picks",
# "the three most active stocks").
COUNT_MODIFIERS = _words("more fewer additional extra further other new most least top")
# Nouns that a count of one never names as a fact: "1 thing", "one more time", "1 way to go".
NOT_SINGULAR_COUNTS = _words("thing time way reason point question idea issue example step out off")
# Words before a spelled "one" that make it a count of what follows: "there was one case".
EXISTENTIAL_BEFORE = ("there is", "there was", "there has been", "there had been")
# Words ending in "est" that are no superlative ("the three interest rates", "two forest fires").
NOT_SUPERLATIVES = _words(
    "interest forest test guest request contest protest chest west nest rest quest harvest digest arrest "
    "invest honest modest manifest crest pest vest zest unrest conquest behest bequest"
)


def is_superlative(word: str) -> bool:
    """ "largest", "biggest", "best": a ranking adjective between a number and its noun."""
    w = word.lower()
    return len(w) > 3 and w.endswith("est") and w not in NOT_SUPERLATIVES


# Words before "half of" / "quarter of" that make it a period ("the first half of 2025").
PERIOD_ORDINALS = _words("first second third fourth final last latter former back front other next previous")
# Words between a change verb and the size of the change ("rose by about 2%", "fell a further 3%").
CHANGE_FILLERS = _words(
    "by a an further another some about around roughly nearly almost approximately estimated more than over "
    "just only as much many little"
)
# Words that make a following "to N" the level a change ends at ("rose 2% to $3bn", "was revised to 3%").
CHANGE_WORDS = (
    UP_WORDS
    | DOWN_WORDS
    | _words(
        "from changed moved went revised raised lowered set brought bringing taking took pushing pushed lifting "
        "lifted returned back widened narrowed"
    )
)
# Words before "from" that open a range rather than a change ("prices range from $5 to $7").
RANGE_WORDS = _words("range ranges ranged ranging vary varies varied varying span spans spanning")
# Words between "from"/"to" and the level ("to a record 5%", "from an estimated $3bn").
ENDPOINT_FILLERS = _words(
    "a an record estimated all-time revised about around nearly roughly just some high low of new + - −"
)  # a sign apart from the number ("from + 1,763,000") is read like a filler
# Qualifier words between such a verb and its number ("injured at least 5,700", "killing more than 40").
COUNT_QUALIFIER_WORDS = _words(
    "at least more than about around nearly almost some another over up to roughly an additional"
)
# Verbs of making or moving goods whose bare object, with a period after it, counts units:
# "to build 20,000 a year", "it ships 4,000 a month".
OUTPUT_VERBS = _words(
    "build builds building built produce produces producing produced make makes making manufacture "
    "manufactures manufacturing manufactured assemble assembles assembling assembled sell sells selling sold "
    "deliver delivers delivering delivered ship ships shipping shipped export exports exporting exported"
)
# Periods after such a count: "a year", "per month", "annually" (PER_UNIT's denominators of time).
OUTPUT_PERIODS = frozenset({"year", "month", "week", "day", "quarter"})
# Verbs whose object is a number of people or things ("killing 14", "the firm employs 3,000").
COUNT_VERBS = _words(
    "killing killed injuring injured wounding wounded employs employing employed hires hiring hired "
    "evacuating evacuated arresting arrested rescuing rescued infecting infected sickening sickened "
    "displacing displaced hire employ kill injure evacuate arrest rescue totaling totalling numbering"
)
