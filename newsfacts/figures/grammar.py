"""The compiled patterns of the figure grammar.

Design for speed and safety: two cheap scans find candidate numbers (digits, and number words via a
prefix trie) on a one-byte class copy of the body (see CLASSES), and every other pattern is applied
anchored at a known position (`match` at the end of a number, or a `$`-anchored search in a short
window before it, after a plain test of the window's last characters where one rules it out). No
pattern repeats a group that can match the same characters in two ways, so there is no catastrophic
backtracking on long digit strings or punctuation runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from newsfacts.facts.trie import break_class, tailed_trie_regex, trie_regex
from newsfacts.figures import currencies, units
from newsfacts.figures.lexicon import (
    CHANGE_NOUNS,
    CURRENCY_NAMES_BEFORE,
    CURRENCY_PREFIXES,
    DOLLAR_LETTERS_AFTER,
    LETTER_DOLLARS,
    MINOR_UNITS,
    MONTHS,
    PER_ABBREVIATIONS,
    PER_ADVERBS,
    PER_WORDS,
    TENOR_NOUNS,
)
from newsfacts.figures.numbers import (
    COMPARATIVE_MULTIPLIERS,
    FOLD_WORDS,
    FRACTION_NOUNS,
    MULTIPLIER_WORDS,
    SMALL_WORDS,
)

INLINE_SPACES = " \u00a0\u202f"  # a figure never runs across a line break
SP = f"[{INLINE_SPACES}]"  # an inline space
SEP = rf"(?:{SP}|[-\u2010\u2011])"  # between a number and its unit: "15 minutes", "15-minute" (any hyphen)


def _both_cases(words: Iterable[str]) -> list[str]:
    return [v for w in words for v in (w, w[0].upper() + w[1:])]


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, with spaces matching any inline space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", f"{SP}+") for p in ordered)


_FRACTION_NUMERATORS = "[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]even|[Nn]ine"
_FRACTION_NOUNS = "|".join(sorted(FRACTION_NOUNS, key=len, reverse=True))
_SCALE_NAMES = ("hundred", "thousand", "million", "billion", "trillion", "dozen")
_BIG_SCALES = f"(?:{'|'.join(_SCALE_NAMES)})"
# The shares an article opens: "a third of", "by a quarter".
_SHARES_AFTER_A = ("third", "quarter", "fifth", "tenth")
_A_SHARES = "|".join(_SHARES_AFTER_A)


def _spaced_trie(words: Iterable[str]) -> str:
    """A trie whose spaces match any inline space and whose hyphens also match a space."""
    return trie_regex(words).replace(r"\ ", SP).replace(r"\-", "[- ]")


# --- candidate scans -------------------------------------------------------------------------
DIGITS = re.compile(r"[0-9][0-9,.]*")
_NUMBER_WORDS = trie_regex(_both_cases([*SMALL_WORDS, *MULTIPLIER_WORDS, *FOLD_WORDS, *COMPARATIVE_MULTIPLIERS]))
# "a quarter point", "half a percentage point", "a full point", "half a percent": a share of a point or a percent.
_FRAC_POINT = (
    rf"(?:(?:(?:{_FRACTION_NUMERATORS}){SP}+|[Aa]{SP}+)?(?:[Qq]uarter|[Hh]alf|[Tt]hree[- ]quarters)"
    rf"(?:{SP}+of)?(?:{SP}+an?)?|[Aa]{SP}+full"
    # "two-tenths of a percentage point", "a tenth of a point", "three-fifths of a percent"
    rf"|(?:{_FRACTION_NUMERATORS}|[Aa])[- ](?:tenths?|fifths?)(?:{SP}+of)?(?:{SP}+an?)?)"
    rf"{SEP}(?:(?:percentage{SEP})?point|per{SP}?cent|percent)\b"
)
_FRACTION = (
    rf"(?:{_FRACTION_NUMERATORS})-(?:{_FRACTION_NOUNS})\b"
    rf"|(?:(?:{_FRACTION_NUMERATORS}){SP}+(?:{_FRACTION_NOUNS})|[Hh]alf|[Aa]{SP}+(?:{_A_SHARES}))(?={SP}+of\b)"
    rf"|(?<=\bby{SP})(?:[Aa]{SP}+(?:{_A_SHARES})|half)\b"
)
_WORD_ALTERNATIVES = (
    rf"(?P<word>{_NUMBER_WORDS})\b"
    rf"|(?=[Aa]n?{SP}|[Hh]alf\b|[Qq]uarter\b)(?:(?P<a>[Aa]n?)(?={SP}+{_BIG_SCALES}\b)"
    rf"|(?P<half>[Hh]alf{SP}+an?)(?={SP}+(?:million|billion|trillion|dozen|hour|day|week|month|year|decade|century|mile)\b)"
    rf"|(?P<quarter>[Aa]{SP}+quarter(?:{SP}+of{SP}+an?)?)(?={SP}+(?:million|billion|trillion)\b)"
    rf"|(?P<frac_point>{_FRAC_POINT})|(?P<fraction>{_FRACTION}))"
)
WORDS = re.compile(rf"\b(?=[A-Za-z])(?:{_WORD_ALTERNATIVES})")
# The same candidates after the non-word character before them, which the match then includes. A
# candidate at the very start of a text has no such character: see `word_candidates`.
_BREAK = break_class()
_WORDS_AFTER_BREAK = re.compile(rf"{_BREAK}(?:{_WORD_ALTERNATIVES})")

# The candidate scans read a one-byte-per-character copy of the body that keeps only what they
# test: every ASCII digit becomes "0", every character of `_BREAK` a space, ASCII letters lower
# case; a character past Latin-1 becomes "?" (then a space), whatever it is. A run of number
# candidates is then a literal "0" that `bytes.find` skips to at memory speed, and every word
# candidate opens with a literal space, where `re` tries the rest only after a byte compare: a
# character-class first test, as `_WORDS_AFTER_BREAK.finditer` makes at every character, costs
# ten times as much. What the copy lets through is a superset (upper case, or a letter past
# Latin-1, reads as a break or a match), so each hit is confirmed on the body itself.
_BREAK_CHAR = re.compile(_BREAK)
CLASSES = bytes(
    ord("0") if "0" <= ch <= "9" else ord(" ") if _BREAK_CHAR.match(ch) else ord(ch.lower()) if ch.isascii() else b
    for b, ch in ((b, chr(b)) for b in range(256))
)
# Where `_WORD_ALTERNATIVES` can match, on the copy: a number word, or an article before the scale
# or share it opens ("a million", "a quarter point", "a third of").
_A_WORDS = sorted({*_SCALE_NAMES, *_SHARES_AFTER_A, "quarter", "half", "three", "full"})
_HIT_WORDS = [*SMALL_WORDS, *MULTIPLIER_WORDS, *FOLD_WORDS, *COMPARATIVE_MULTIPLIERS, "half", "quarter"]
# One trie for both (an article is a word whose tail is the scale or share after it), so each
# space costs one trie
_A_TAIL = rf" +(?:{trie_regex(_A_WORDS)})"
_HIT_TAILS = [*((w, r"\b") for w in _HIT_WORDS), ("a", _A_TAIL), ("an", _A_TAIL)]
_WORD_HITS = re.compile(f" (?={tailed_trie_regex(_HIT_TAILS)})".encode())


def classes_of(body: str) -> bytes:
    """The copy of `body` the candidate scans read (see CLASSES): one byte per character."""
    return body.encode("latin-1", "replace").translate(CLASSES)


def numeral_candidates(body: str, classes: bytes) -> list[tuple[int, int, str]]:
    """(start, end, "") of every DIGITS match in `body`, as DIGITS.finditer reads them."""
    out = []
    find, match = classes.find, DIGITS.match
    i = find(b"0")
    while i >= 0:
        end = match(body, i).end()  # type: ignore[union-attr]  # body[i] is a digit
        out.append((i, end, ""))
        i = find(b"0", end)
    return out


def word_candidates(body: str, classes: bytes) -> list[tuple[int, int, str]]:
    """(start, end, group) of every WORDS match in `body`, in order, as WORDS.finditer reads them
    (every alternative ends on a letter, so no match ends where the next one's break would be):
    `_WORDS_AFTER_BREAK` is tried only where `_WORD_HITS` finds it could match."""
    out = []
    first = WORDS.match(body)
    resume = 0
    if first is not None:
        out.append((first.start(), first.end(), first.lastgroup or ""))
        resume = first.end()
    match = _WORDS_AFTER_BREAK.match
    for hit in _WORD_HITS.finditer(classes, resume):
        at = hit.start()
        if at < resume:
            continue
        m = match(body, at)
        if m is not None:
            out.append((at + 1, m.end(), m.lastgroup or ""))
            resume = m.end()
    return out


# Fractions that open with a number word ("two-thirds of", "three-quarters of a point"), read at it.
FRACTION_AT = re.compile(rf"(?P<frac_point>{_FRAC_POINT})|(?P<fraction>{_FRACTION})")

_SMALL_WORDS_RE = (
    "(?i:"
    + "|".join(sorted((w for w in SMALL_WORDS), key=len, reverse=True))
    + ")(?:[- ](?i:one|two|three|four|five|six|seven|eight|nine))?"
)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:{_UNITS})\b)?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})"
)
_HUNDREDS = rf"{_SMALL}(?:{SP}hundred(?:(?:{SP}and)?{SP}{_SMALL})?)?"
SPELLED = re.compile(
    rf"(?i:{_HUNDREDS}(?:{SP}thousand(?:(?:{SP}and)?{SP}{_HUNDREDS})?)?(?:{SEP}and{SEP}a{SEP}(?:half|quarter))?)\b"
)
NUMERAL = re.compile(r"[0-9][0-9,.]*")

# --- what follows a number -------------------------------------------------------------------
LETTERS = re.compile(r"[A-Za-z]+")
POSSESSIVE_S = re.compile(r"['’]s\b")
# "30.14 M barrels/day": a capital scale letter apart from the number (money, a unit or a counted noun
# must follow; see amounts.read_amount).
SPACED_SCALE_LETTER = re.compile(rf"{SP}(?P<l>[MB])(?={SP}+[a-z])")
SCALE = re.compile(
    rf"{SEP}(?i:(hundred|thousand|million|billion|trillion|dozen|mn|mln|bn|bln|tn|trn|lakhs?|crores?))\b"
)
PERCENT = re.compile(
    rf"(?P<pp>{SEP}(?i:percentage{SEP}points?|per{SP}?cent(?:age)?{SEP}points?|percent{SEP}points?|pp|ppts?)\b"
    rf"|{SP}?%{SEP}?(?i:pts|points?|pp)\b)"  # "2.1 %pts", "3% points": percentage points
    rf"|(?P<pct>{SP}?%|{SEP}(?i:per{SP}?cents?|percents?|pct|percentage(?!{SEP}points?\b))\b)"
    rf"|(?P<bp>{SEP}(?i:basis{SEP}points?|bps|bp)\b)"
)
# Marks that may follow the amount ("1,200 €", "100₾", "100元"): any without Latin letters or "$".
_AFTER_SYMBOLS = [s for s in currencies.SYMBOLS if not any((ch.isascii() and ch.isalpha()) or ch == "$" for ch in s)]
CURRENCY_AFTER = re.compile(
    rf"{SEP}(?P<word>(?i:{_spaced_trie(currencies.NAMES)}))\b"
    rf"|{SP}(?P<code>(?:[kKMB]|mn|bn)?{trie_regex(sorted(currencies.SPACED_CODES))})\b"
    rf"|{SP}?(?P<sym>{trie_regex(_AFTER_SYMBOLS)})(?![0-9A-Za-z])"
)
# A minor unit written after the amount: "34 cents", "470 pence", "99¢", "a 12-cent dividend".
_MINOR_WORDS = [w for w in MINOR_UNITS if w.isalpha() or " " in w]
_MINOR_NAMES = _spaced_trie(w for w in _MINOR_WORDS if len(w) > 1)  # "cents", "Australian cents": any case
_MINOR_LETTERS = trie_regex(w for w in _MINOR_WORDS if len(w) == 1)  # "p": as written
# The letter "p" is no penny where it opens a clock time's "p.m." ("at 8.15 p.m.").
MINOR_AFTER = re.compile(
    rf"{SEP}(?P<word>(?i:{_MINOR_NAMES})|{_MINOR_LETTERS}(?!\.{SP}?m\b))\b"
    rf"(?:{SP}+(?:US|U\.S\.)(?![A-Za-z]))?|{SP}?¢"  # "96 cents US"
)
# "1.7 million pounds of thrust": pounds of force, not sterling.
FORCE_AFTER = re.compile(rf"{SP}+of{SP}+(?:[a-z-]+{SP}+)?(?i:thrust|force)\b")
# "3 dollars 50 cents", "thirteen dollars and forty-five cents": the cents join the dollars.
AND_CENTS = re.compile(rf"(?:,?{SP}+and)?{SP}+(?P<n>[0-9]{{1,2}}|{_SMALL_WORDS_RE}){SEP}(?:cents?|pence)\b")
# A unit after the amount: spelled forms case-insensitively, symbols as written.
UNIT_AFTER = re.compile(
    rf"(?:{SEP}(?P<name>(?i:{_spaced_trie(units.NAMES)}))|(?:{SP}|-(?=[A-Za-z]{{2}}))?(?P<sym>{trie_regex(units.SYMBOLS)}))(?![A-Za-z0-9])"
)
UNIT_GLUED = re.compile(
    # names glued too ("10kilometres", "10km/hr": a slash joins a name's parts, a space never), all in
    # one trie, so the longest form wins ("10km/hr" is not "10km")
    rf"(?P<sym>{trie_regex([*units.SYMBOLS, *units.GLUED, *(n for n in units.NAMES if n.replace('/', '').isalpha())])})"
    r"(?![A-Za-z0-9])"
)
# "4.5per cent", "3percent": a percent sign written as a word glued to the number.
PERCENT_GLUED = re.compile(rf"(?i:per{SP}?cent|percent)\b")
INDEX_POINTS = re.compile(rf"{SP}+(?i:points?|pts)\b(?![- ](?:plan|scale|lead|buck)\b)")
# "a 5-point lead", "a two-point advantage": the size of a gap in points (a poll's are percentage
# points: extract._poll_points).
POINT_GAP = re.compile(
    rf"-(?i:point)(?={SP}+(?i:lead|margin|advantage|edge|gap|deficit|swing|cushion|drop|slide|rise|gain|jump|fall|decline"
    rf"|loss|slump|plunge|rally|surge|advance|climb|tumble|retreat|rebound|selloff|sell-off)\b)"
)
# "a larger 0.5-point cut", "a 1-point rate hike": a rate move in points is in percentage points.
POINT_RATE_MOVE = re.compile(
    rf"-(?i:point)(?={SP}+(?:(?i:interest{SP}+rate|policy{SP}+rate|rate){SP}+)?(?i:cuts?|hikes?)\b)"
)
# A sentence about polls or votes, where points are percentage points.
POLL_CUE = re.compile(
    r"\b(?i:polls?|polling|pollsters?|surveys?|voters|votes?|ballots?|electorate|margin{SP}+of{SP}+error|"
    r"approval|turnout)\b".replace("{SP}", r"[ \t\u00a0]")
)
# "67.3%, up 2.1 points": points that move the percentage right before them are percentage points.
RATE_THEN_MOVE_BEFORE = re.compile(
    rf"(?:%|(?i:per{SP}?cent|percent)){SP}*,?{SP}+(?i:up|down|higher|lower)(?:{SP}+(?i:by|about|nearly|almost|some))?{SP}+$"
)
# A game's words: its points are a score, counted ("scored 31 points and grabbed 12 rebounds").
GAME_CUE = re.compile(
    r"\b(?i:scored|scoring|scorer|rebounds|assists|touchdowns?|goals|innings|quarterback|points{SP}+per{SP}+game"
    r"|halftime|half-time|playoffs?|tournament|league|win{SP}+over|victory{SP}+over)\b".replace("{SP}", r"[ \t\u00a0]")
)
# Percentages beside a gap in points ("51% to 46%, a 5-point lead") make it percentage points too.
PERCENT_CUE = re.compile(r"%|\b(?i:percent|per[ \t\u00a0]cent)\b")
GAP_AFTER = re.compile(rf"{SP}+(?i:lead|margin|advantage|edge|gap|deficit|swing|cushion)\b")
# A quake's magnitude written after the number: "a 7.1-magnitude quake", "9.1 magnitudes", "8.8 on the
# Richter scale", and a one-decimal number right before a quake noun ("a 5.9 temblor").
MAGNITUDE_AFTER = re.compile(
    rf"{SEP}(?i:magnitudes?)\b"
    rf"|{SP}+(?i:on{SP}+the{SP}+(?:(?:moment{SP}+)?magnitude|richter)(?:{SP}+magnitude)?{SP}+scale)\b"
)
QUAKE_AFTER = re.compile(rf"(?={SEP}(?i:earthquakes?|quakes?|temblors?|tremors?|aftershocks?)\b)")
# ... and before it: "a magnitude 6.4 quake", "magnitude-7.0", "a magnitude of 5.8".
MAGNITUDE_BEFORE = re.compile(rf"\b(?i:magnitude)(?:-|{SP}+(?:of{SP}+)?)$")
MAGNITUDE_WINDOW = 14
# Scientific notation glued to a numeral: "1.99×10^-30", "6.02 x 10^23", "3e8".
SCIENTIFIC = re.compile(
    rf"(?:{SP}?[×xX*]{SP}?10(?:\^|\*\*)(?P<exp>[-−+]?[0-9]{{1,3}})|[eE](?P<e>[-+]?[0-9]{{1,3}}))(?![0-9A-Za-z])"
)
# Ages: "29 years old", "a 50-year-old man", "an 87 yo".
AGE = re.compile(
    rf"{SEP}(?P<unit>(?i:years?|yrs?|months?|weeks?|days?))(?:-|{SP}+)old\b|{SP}?(?P<yo>yo|y/o|y\.o\.)(?![A-Za-z])"
)
# After a tenor's noun, a noun of a deal makes the span the deal's length: "a 3-year swap agreement".
DEAL_AFTER = re.compile(
    rf"{SP}+(?i:agreements?|deals?|lines?|arrangements?|pacts?|contracts?|facility|facilities|programmes?|programs?)\b"
)
# A bond or loan tenor used as a name: "the 10-year yield", "a 20-year bond auction", "10yr notes".
TENOR = re.compile(rf"(?:{SP}+[A-Za-z.&-]+){{0,2}}{SP}+(?i:{_alternation(TENOR_NOUNS)})\b")
# Lookbehinds for a denominator that names a span of time ("a year", "a month").
_TIME_NOUN_ENDS = "|".join(
    f"(?<={w})"
    for w in ("year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "hour", "night")
)
# The denominator of a rate: "$58.24 per barrel", "34 cents a share", "$5bn a year", "$3/kg".
PER_UNIT = re.compile(
    rf"(?:(?:{SP}*/{SP}*|{SEP}(?i:per|a|an|each|to{SP}+the){SEP})(?:(?i:diluted|basic|adjusted|ordinary){SP}+)?(?P<noun>(?i:{_spaced_trie(PER_WORDS)}))\b"
    rf"|/(?P<abbr>{trie_regex(PER_ABBREVIATIONS)})(?![A-Za-z0-9/])"
    rf"|{SP}+(?P<adv>(?i:{trie_regex(PER_ADVERBS)}))\b"
    # "$53 per Versum share", "18 dollars per Baxalta ordinary share": a share named by its company
    rf"|{SP}+(?i:per|a|for{SP}+each){SP}+(?:[A-Z][A-Za-z&.’'-]*{SP}+){{1,2}}(?:(?i:ordinary|common){SP}+)?(?P<share>(?i:shares?))\b"
    # "100 miles per full charge": an adjective before the denominator is not it
    rf"|{SP}+(?i:per){SP}+(?:(?i:full|single|average|typical){SP}+)?"
    rf"(?P<any>(?i:u\.?s\.?{SP}+dollars?)|[A-Za-z]+(?:[- ](?:hour|foot|feet|metre|meter))?)\b)"
    # "six cents a year ago", "a year after the vote": a time, not a rate; only a span of time makes
    # one ("93 cents a share before one-time items", "$3.17 per gallon after dipping" are rates)
    rf"(?!(?:{_TIME_NOUN_ENDS}){SP}+(?i:ago|earlier|before|later|after)\b)"
)
# An exchange rate quoted against another currency: "the yen weakened to 151.2 per dollar", "the rupee
# closed at 83.1 to the U.S. dollar" (the quoted currency is named before the number: QUOTED_CURRENCY).
PER_CURRENCY = re.compile(rf"{SEP}(?i:per|to{SP}+the){SP}+(?P<cur>(?i:u\.?s\.?{SP}+)?[A-Za-z]+)\b")
QUOTED_CURRENCY = re.compile(rf"\b(?i:the){SP}+(?P<cur>[a-z]+)\b")
# What a measure or an amount is of, up to a rate's denominator: "barrels of crude a day", "$2bn of debt a year".
OF_PHRASE = re.compile(rf"{SP}+of{SP}+(?:[A-Za-z-]+{SP}+)??[A-Za-z-]+(?={PER_UNIT.pattern})")
# ", or 1 percent": a second statement of the same change.
OR_BEFORE = re.compile(rf"(?:,{SP}*|{SP}+)or{SP}+(?:(?i:about|around|roughly|nearly|almost|some){SP}+)?$")
# A level a stated change ends at ("fell 1.8% to 4,577.11", "lost 193 points to close at 24,706.41").
LEVEL_BEFORE = re.compile(
    rf"\b(?P<word>(?i:to|at|near))(?:{SP}+(?i:a{SP}+(?:record|new|fresh)(?:{SP}+(?:high|low))?|an?{SP}+(?:all-time|intraday)"
    rf"{SP}+(?:high|low)|about|around|roughly|nearly)(?:{SP}+of)?)?{SP}+$"
)
TO_NUMBER_AFTER = re.compile(rf"{SP}+(?i:to){SP}+[-−$€£¥0-9]")
# "rose 0.3 to 61.7%": the level after a bare size of a change is a percent
TO_PERCENT_AFTER = re.compile(rf"{SP}+(?i:to){SP}+[0-9][0-9.,]*{SP}?(?:%|(?i:per{SP}?cent|percent)\b)")
# "up to 4.67% from 4.58%": the level a change reached, with the level it left
FROM_NUMBER_AFTER = re.compile(rf"{SP}+(?i:from){SP}+(?:[A-Z][a-z]+(?:['’]s)?{SP}+)?[-−$€£¥0-9]")
UP_TO_BEFORE = re.compile(rf"\b(?i:up|down){SP}+(?i:to){SP}+$")
# "21.1 points lighter at 5439.8", "2% firmer": market wraps' comparatives say which way too.
DIRECTION_AFTER = re.compile(
    rf"{SP}+(?P<word>(?i:higher|lower|up|down|firmer|stronger|lighter|weaker|softer))\b(?!{SP}+(?:to|from)\b)"
)
# A number after a counting noun: "a majority of 176", "a death toll of 1,200", "a crowd of 40,000".
COUNT_HEAD_BEFORE = re.compile(
    rf"\b(?i:majority|total|tally|toll|crowd|audience|workforce|headcount|population|margin|turnout|count|field|staff|army|force|fleet|roster|class|membership|congregation){SP}+of{SP}+"
    rf"(?:(?i:more{SP}+than|at{SP}+least|about|around|nearly|almost|over|some|roughly|up{SP}+to){SP}+)?$"
)
OVER_BEFORE = re.compile(
    rf"\b(?i:over|across|spanning){SP}+(?:(?i:the|a|its|their){SP}+)?(?:(?i:next|past|last|coming|first){SP}+)?$"
)
# Written fractions: "1/4 mile", "10 1/2 miles", "7 3/4%" (denominators of measures and bond prices;
# "9/11" and "24/7" are names).
_DENOMINATORS = "2|3|4|8|16|32|64"
SLASH_FRACTION = re.compile(rf"/(?P<den>{_DENOMINATORS})(?![/0-9])")
# Between two numbers that one unit after the last measures: "2,500 and 5,000 mAh", "36 and nine
# days", "74 x 150 x 9.0 mm", "10 by 12 feet".
PAIR_CONNECTOR = re.compile(rf"{SP}*[x×]{SP}*(?=[0-9])|{SP}+(?:and|or|by){SP}+")
# Two numbers joined by a dash: "51-47%" (see extract._descending_pair).
DASH_PAIR = re.compile(r"(?P<a>[0-9]+(?:\.[0-9]+)?)[-–](?P<b>[0-9]+(?:\.[0-9]+)?)(?=[ \u00a0]?[%A-Za-z])")
# Two values offered side by side before one unit: "RAM: 2/3 GB", "16/32 GB", "5/10 km".
SLASH_ALTERNATIVES = re.compile(r"(?P<a>[0-9]+(?:\.[0-9]+)?)/(?P<b>[0-9]+(?:\.[0-9]+)?)(?=[ \u00a0]?[A-Za-z])")
MIXED_FRACTION = re.compile(rf"(?:{SP}|-)(?P<num>[0-9]{{1,2}})/(?P<den>{_DENOMINATORS})(?![/0-9])")
YEAR_TO_YEAR = re.compile(
    rf"(?:1[89]|20)[0-9]{{2}}{SP}+(?:to|until|through){SP}+(?:(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})\b"
)
# "14 were killed", "30 have been arrested", "336 have recovered", "260 were fully vaccinated": a number
# of people or things as the subject of what happened to them (a passive or perfect verb after it).
# "Some 3,000 attended", "about 200 marched": a number opening its clause (after a loose qualifier or
# at the clause's start) as the subject of a verb in the past tense.
SUBJECT_OPENER_BEFORE = re.compile(
    rf"(?:^|[.!?;:]{SP}+|\n|\b(?i:some|about|around|nearly|almost|roughly|approximately|an{SP}+estimated|"
    rf"more{SP}+than|at{SP}+least|another|a{SP}+further|over|up{SP}+to){SP}+)$"
)
# "Out of that group, 10,057 tested positive": a short phrase opening the sentence, then the number as
# the subject of a past-tense verb.
INTRO_PHRASE_BEFORE = re.compile(rf"(?:^|[.!?;:]{SP}+|\n)[A-Z][^.!?;:,\n]{{0,40}},{SP}+$")
# "522 of those who tested positive", "three of them were hurt": a count of people named by a pronoun.
OF_THOSE_AFTER = re.compile(rf"{SP}+of{SP}+(?i:those{SP}+(?:who|whom|that|with|in|on|at)|them|whom)\b")
# "Germany (137), Italy (92) and France (58)": counts in brackets after the names of a list; two such
# items side by side make it a list, not enumerators or footnotes.
BRACKETED_LIST_ITEM = re.compile(rf"[A-Z][A-Za-z’'.-]+{SP}\([0-9][0-9,]*\)(?=,|{SP}+(?:and|or)\b|{SP}*[.;]|{SP}+[a-z])")
# "ranged in age from 50 to 95", "aged between 18 and 25": a range of ages.
AGE_RANGE_BEFORE = re.compile(rf"\b(?i:aged|ages?|in{SP}+age){SP}+(?:(?i:from|between){SP}+)?$")
# "314 admissions ... about 70 more than the previous week": a count compared with a count just stated.
MORE_THAN_AFTER = re.compile(rf"{SP}+(?i:more|fewer){SP}+(?i:than)\b")
PAST_VERB_AFTER = re.compile(rf"{SP}+[a-z]{{2,}}[a-df-z]ed\b(?!{SP}+(?:by|to|as|from)\b)")
# "rose by 161,000, compared with the median estimate for 198,000", "against expectations of 185,000":
# a forecast of the count just stated.
ESTIMATE_BEFORE = re.compile(
    rf"\b(?i:estimates?|forecasts?|expectations?|consensus|projections?|predictions?|expected|forecast){SP}+"
    rf"(?:(?i:of|for){SP}+)?(?:(?i:about|around|roughly|some|nearly){SP}+)?$"
)
# "the 40,000 mark", "below the 7,000 level": a round level named as a mark (an index's, where the
# clause names one: extract._index_sentence).
MILESTONE_AFTER = re.compile(rf"{SP}+(?i:mark|level|threshold|barrier|milestone)\b")
# A count stated as an annual rate: "a 662,000 annual rate", "a seasonally adjusted annual rate of 1.42
# million units" (home sales, housing starts, car sales): a count per year.
ANNUAL_RATE_AFTER = re.compile(
    rf"{SP}+(?:(?i:seasonally{SP}+adjusted){SP}+)?(?i:annual|annualized|annualised){SP}+(?i:rate|pace)\b"
)
ANNUAL_RATE_BEFORE = re.compile(
    rf"\b(?i:annual|annualized|annualised){SP}+(?i:rate|pace){SP}+of{SP}+(?:(?i:about|around|some|nearly){SP}+)?$"
)
# "300 workers, compared with 250 a year earlier", "41 wins versus 35": a count compared with a count.
COMPARED_BEFORE = re.compile(
    rf"\b(?i:compared{SP}+(?:with|to)|versus|vs\.?){SP}+(?:(?i:about|around|roughly|some|nearly|just|only){SP}+)?$"
)
# "306 electoral votes to Hillary Clinton's 232", "41 wins against the Hawks' 38": a rival's count
# after a possessive, compared with a count just stated.
RIVAL_POSSESSIVE_BEFORE = re.compile(
    rf"\b(?i:to|versus|vs\.?|against|compared{SP}+(?:with|to)|beside){SP}+(?:(?i:the|her|his|their|its){SP}+)?"
    rf"(?:[A-Za-z][A-Za-z.’'-]*{SP}+){{0,3}}[A-Za-z][A-Za-z.-]*(?:['’]s|s['’]){SP}+$"
)
# "won 50 seats out of 75", "cast their ballots out of a total of 3,465,736": the whole after a count.
OUT_OF_BEFORE = re.compile(rf"\b(?i:out{SP}+of)(?:{SP}+(?i:a{SP}+total{SP}+of|total|the|all))?{SP}+$")
# "the most aces in a season with 530", "the most career aces with 13,582": the clause names what
# "with N" counts (extract._ranked_noun).
RANKED_NOUN = re.compile(
    rf"\b(?i:the{SP}+most|the{SP}+fewest|most|fewest){SP}+(?:[a-z-]+{SP}+)?(?P<noun>[a-z]{{3,}}s)\b"
)
# "the 38,000 hired in 2023", "the 41,000 it recruited": a count named by what was done to it.
THE_BEFORE = re.compile(rf"\b(?i:the){SP}+$")
DONE_TO_AFTER = re.compile(
    rf"(?:{SP}+(?:it|they|we|he|she|the{SP}+\w+))?{SP}+[a-z]{{2,}}[a-df-z]ed\b(?!{SP}+(?:by|to|as|from)\b)"
)
PASSIVE_COUNT_AFTER = re.compile(
    rf"{SP}+(?:died|perished|drowned|survived)\b"  # "at least 40 died": no auxiliary needed
    # "India reported 360 killed and 900 injured", "50 dead": a casualty participle after the number
    rf"|{SP}+(?:killed|injured|wounded|dead|hurt|missing|displaced|evacuated|arrested|rescued)\b(?!{SP}+(?:by|in{SP}+the{SP}+(?:first|last)))"
    rf"|{SP}+(?:were|are|was|have|has|had|remain|remained)(?:{SP}+been)?"
    rf"(?:{SP}+(?:still|later|reportedly|already|since|now|also|so{SP}+far|[a-z]+ly))?{SP}+"
    rf"(?:[a-z]+[a-df-z]ed|(?i:hurt|dead|missing|laid{SP}+off|shot|held|taken|sold|found|born|seen|left))\b"
)
# "a 159,000 gain": a change noun right after a bare number.
CHANGE_NOUN_AFTER = re.compile(
    rf"{SP}+(?:(?i:year-on-year|year-over-year|annual|quarterly|monthly|weekly|sequential|further){SP}+)?"
    rf"(?P<noun>(?i:{_alternation(CHANGE_NOUNS)}))\b"
)
# A gapped clause: "and the Conservatives" right before a number that ends the clause ("121.").
GAPPED_BEFORE = re.compile(
    rf"(?:,?{SP}+(?:and|while|but|whereas)|,){SP}+(?:the{SP}+)?(?:[A-Z][\w&.'’+-]*{SP}+){{1,4}}$"
)
GAPPED_AFTER = re.compile(rf"{SP}*(?:[.,;)]|$|{SP}(?:and|while|respectively)\b)")
# A count's list: what may stand between it and a later item ("151 patients have recovered, 127 from
# home care"), what opens an item, and what may follow one ("from", "in", a name, a closing mark).
LIST_BREAK = re.compile(r"[.!?:][\s\"”’)]|\n")
LIST_ITEM_BEFORE = re.compile(
    rf"(?:[,;(&–—]|\band|\bor|\bof{SP}+(?:whom|which)|\bincluding|\binstead{SP}+of|\bcompared{SP}+(?:with|to)"
    rf"|\bversus|\bvs\.?){SP}*[+\-−]?$"  # "(+15,000)", "(-6,000)": a signed item
)
LIST_ITEM_AFTER = re.compile(
    rf"{SP}+(?:(?i:from|for|in|on|at|of|are|were|is|was|had|have|with|among|to|more)\b|(?P<name>[A-Z][A-Za-z.]*))"
    rf"|{SP}*(?:[,;)]|[.!?](?!\w))"
)
# An age written without a unit: "aged 58", "under the age of 18", "who is now 13", "when he was about 8",
# and the appositive "Charles Turner, 38, was ..." (a name, the age between commas).
_AGE_ADVERBS = rf"(?:{SP}+(?i:about|around|nearly|almost|just|only|over|under))?{SP}+$"
# "aged 58", and the later ages of a list after it: "two men, aged 67 and 48", "aged 19, 20 and 23".
AGE_NOUN_BEFORE = re.compile(
    rf"\b(?i:aged|ages?{SP}+of|ages?)(?:{SP}+[0-9]{{1,3}}(?:,|{SP}+(?i:and|or)))*{_AGE_ADVERBS}"
    # "the median age of patients was 62", "the average age is 41": an age as the subject's measure
    rf"|\b(?i:(?:median|average|mean)){SP}+(?i:age)(?:{SP}+(?i:of){SP}+[a-z][a-z-]*(?:{SP}+[a-z][a-z-]*){{0,2}})?{SP}+(?i:was|is|of){_AGE_ADVERBS}"
)
AGE_PRONOUN_BEFORE = re.compile(
    rf"\b(?i:he|she|who)(?:{SP}+(?i:is|was|turned|turns))(?:{SP}+(?i:now|then|just|only))?{_AGE_ADVERBS}"
)
AGE_AFTER_PRONOUN = re.compile(rf"(?:[,.;:!?)]|{SP}+(?i:when|at|and|in|on|as|after|before|from|with|but)\b|$)")
# "identified as Prakash Pawar (27), on July 3": an age in brackets after a full name (both parts capitalised).
# The clause goes on as after a person's name: "(27), on July 3", "(64) of Leeds", "(31) who".
BRACKETED_AGE_BEFORE = re.compile(rf"\b(?P<first>[A-Z][a-z]+){SP}(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?){SP}\($")
BRACKETED_AGE_AFTER = re.compile(rf"\)(?:[,;]|{SP}+(?:of|from|and|who|was|is|has|had|were)\b)")
APPOSITIVE_AGE_BEFORE = re.compile(rf"\b(?:(?P<first>[A-Z][a-z]+){SP})?(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?), $")
# After the age of a single name a clause goes on in lower case: "Charles, 64, testified", "Boy, 6, dragged".
AGE_CLAUSE_AFTER = re.compile(rf",{SP}+(?:[a-z]|[A-Z][a-z]+,)")
# "a 150-seat parliament", "a 2,000-strong crowd", "a 12-member panel": a count written as an adjective.
ATTRIBUTIVE_COUNT = re.compile(
    r"-(?P<noun>(?i:seat|member|strong|bed|room|storey|story|page|nation|country|state|person|man|woman|player"
    r"|vehicle|car|unit|school|store|branch|team|judge|vote|goal|game|match|race|core|door|bedroom|hole"
    r"|lane|wheel|cylinder|passenger))\b"
)
_RACE_EVENTS = (
    "race|races|sprint|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|dash|steeplechase"
    "|individual{SP}+medley|final"
).replace("{SP}", SP)
# An "m" glued to a number is metres when a dimension adjective follows: "1.8m tall", "a 5m-long boat".
METRES_ADJECTIVE = re.compile(
    rf"(?={SEP}(?:tall|long|high|wide|deep|away|thick|across|in{SP}+diameter|{_RACE_EVENTS})\b)"
)
# "ran the 100m in 9.79 seconds", "a record in the 1500m.": a track or pool distance after "the",
# its race unnamed, in a sentence about a race; read with the distance (see amounts._race_distance).
RACE_DISTANCES = frozenset({50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000})
THE_BEFORE_RACE = re.compile(rf"\b(?i:the){SP}+$")
RACE_NAME_END = re.compile(rf"m(?={SP}*(?:[.,;)]|$|{SP}(?i:in|at|on|and|with|for|title|gold|silver|bronze)\b))")
RACE_SENTENCE = re.compile(
    r"\b(?i:ran|run|runs|raced|race|sprint(?:ed|s)?|swam|swim|clocked|seconds|minutes|medal|gold|silver|bronze"
    r"|record|title|olympics?|championships?|athletics|personal best)\b"
)
# "the 100 m race", "a 400m hurdles final": an "m" (glued or spaced) before the name of a race is metres.
SPACED_RACE_METRES = re.compile(rf"{SP}m(?={SEP}(?:{_RACE_EVENTS})\b)")
# "one in five adults", "1 in 10": a share written as a proportion.
ONE_IN_N = re.compile(
    rf"(?P<n>[0-9]{{1,3}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten)){SP}+in{SP}+(?:(?i:every){SP}+)?"
    rf"(?P<m>[0-9]{{1,3}}(?:,[0-9]{{3}})*|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|a{SP}+hundred"
    rf"|a{SP}+thousand|a{SP}+million))\b(?![.,]?[0-9])"
)
# "1,200 per 100,000 people": a rate whose denominator is itself a number.
PER_NUMBER = re.compile(
    rf"{SP}+(?i:per|for{SP}+every){SP}+(?P<m>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+|(?i:a{SP}+(?:hundred|thousand|million)))"
    rf"(?:{SP}+(?P<noun>[a-z]+))?\b"
)
# "a 2-to-1 margin", "a ratio of 3:1": odds and ratios against one.
TO_ONE = re.compile(rf"(?:-to-|{SP}to{SP}|:)1\b(?![.,:]?[0-9])")
# "a ratio of 4:1", "the ratio of buyers to sellers was 3:1", "the odds are now 5:1"
RATIO_OF_BEFORE = re.compile(
    rf"\b(?i:ratio|odds|margin|majority)(?:{SP}+of(?:{SP}+[a-z]+){{1,4}})?"
    rf"{SP}+(?:(?i:of|was|is|are|were|stood{SP}+at|of{SP}+about|at)(?:{SP}+(?i:now|currently|roughly|about))?{SP}+)$"
)
NEXT_WORD = re.compile(rf"{SP}+([A-Za-z]+)")
# "412 of the 650 seats", "7 out of 10 voters": the part of a counted whole counts what the whole counts.
PART_OF_AFTER = re.compile(
    rf"{SP}+(?:out{SP}+)?of{SP}+(?:(?:the|all|its|their|his|her|our){SP}+)?(?:[A-Za-z]+['’]s{SP}+)?"
    rf"(?:(?i:top|estimated|roughly|about|some|nearly|around|approximately|almost|an{SP}+estimated){SP}+)?"
    rf"(?P<whole>[0-9][0-9,]*(?:\.[0-9]+(?={SP}+(?P<scale>(?i:thousand|million|billion))\b))?(?![0-9.,]*[0-9%])"
    rf"|(?i:{_HUNDREDS})\b)"
)
# "75 of the jets", "five of the company's stores": a part of a group named by its noun alone.
OF_A_GROUP_AFTER = re.compile(rf"{SP}+of{SP}+(?i:the|its|their|his|her|our|these|those)(?={SP})")
# "the five largest farms", "the three most active": a ranked count, not a known group (the word is
# checked against lexicon.is_superlative).
SUPERLATIVE_AFTER = re.compile(rf"{SP}+(?P<word>(?i:most|least|top)\b|[a-z]{{2,}}est\b)")
# "nine of the seventeen seats": the words before a spelled whole of a part ("of the" after a number).
WHOLE_OF_PART_BEFORE = re.compile(rf"(?:[0-9]|\b(?i:{_SMALL})){SP}+of{SP}+the{SP}+$")
# "the 48,300 who lost homes", "the 298,039 that were sold"
WHO_AFTER = re.compile(rf"{SP}+(?:who|whom|of{SP}+whom)\b|{SP}+(?:that|which){SP}+(?:were|are|was|is|have|had|has)\b")
# The subject of a clause that says how many: "the death toll was 117", "the number of deaths to date is
# now 3,766", "Tesla's US sales totaled 114,000", "the number of homes sold, 21,995,".
_COUNT_SUBJECTS = (
    "number|total|toll|tally|count|sales|deliveries|shipments|orders|arrivals|enrolment|enrollment|attendance"
    "|headcount|membership|population|cases|deaths"
)
_HOW_MANY_VERBS = (
    rf"is|was|are|were|stood{SP}+at|stands{SP}+at|totaled|totalled|reached|numbered|came{SP}+to|hit|topped"
    rf"|(?:range[sd]?|ranging|var(?:y|ies|ied|ying)){SP}+(?:from|between)"  # "the death toll ranged from 120 to 150"
    rf"|to"  # "bringing the death toll to 117", "to double the number of stores to 441"
)
COUNT_SUBJECT_BEFORE = re.compile(
    rf"\b(?i:{_COUNT_SUBJECTS})\b(?:[^.;:!?\n,]{{0,60}}?{SP}(?i:{_HOW_MANY_VERBS})"
    rf"(?:{SP}+(?i:now|just|about|around|nearly|almost|roughly|some|only|over|more{SP}+than|at{SP}+least))*{SP}+"
    rf"|{SP}+of{SP}+[^.;:!?\n,]{{1,40}},{SP}*)$"
)
# The count subjects as a plain trie for folded text: a window whose folded text holds none of them
# cannot match COUNT_SUBJECT_BEFORE, which a case-sensitive trie settles far faster
COUNT_SUBJECT_FOLDED = re.compile(trie_regex(_COUNT_SUBJECTS.split("|")))
# "Homes destroyed: at least 1,700", "Injuries: 71 to firefighters": a label of a counted thing, then the count.
LABEL_BEFORE = re.compile(
    rf"(?:^|\n|[.;!?]{SP})[\W_]*(?P<label>[A-Z][A-Za-z’'-]*(?:{SP}[A-Za-z’'-]+){{0,4}}):{SP}+"
    rf"(?:(?i:at{SP}+least|about|around|more{SP}+than|nearly|almost|over|some|up{SP}+to){SP}+)?$"
)
# "45 business days", "10 straight trading days", "30 calendar days": a qualified day is still a span of
# days; the figure's text keeps the qualifier, which consistency reads before converting
# (newsfacts/facts/units.yaml: a business day is not a calendar day).
DURATION = re.compile(
    rf"{SEP}(?:(?i:straight|consecutive|successive){SP}+(?=(?i:business|working|trading|calendar|days?|weeks?|months?|quarters?|years?)\b))?"
    rf"(?:(?i:business|working|trading|calendar){SP}+(?=(?i:days?)\b))?(?P<unit>(?i:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|yrs?|decades?|century|centuries))\b"
    rf"(?P<age>(?:-|{SP}+)old\b)?(?P<of>{SP}+of\b)?"
)
TIMES = re.compile(rf"{SP}+(?i:times)\b(?:(?={SP}+(?P<cue>[A-Za-z]+)))?")
FOLD = re.compile(r"-?(?i:fold)\b")
# After "N times": the clause goes on with when or where the events happened ("raised rates 11
# times since March", "scored eight times in four games", "met 4 times."), not with what is multiplied.
EVENTS_AFTER_TIMES = re.compile(
    rf"{SP}*(?:[.,;:!?)\u2013\u2014]|$|{SP}(?:since|in|this|last|so|already|over|during|before|after|between|"
    rf"per|each|every|through|until|on|at|against|by|now|and|or|while|when|with|out|for|a|an)\b)"
)
# A comparison before "N times" makes it a multiplier even without a cue after ("compared to 16 times").
COMPARISON_BEFORE_TIMES = re.compile(rf"\b(?i:compared{SP}+(?:to|with)|versus|vs\.?|than|against){SP}+$")
# "Rear camera: 13 MP", "a 50 MP sensor": megapixels written apart from the number, where a camera is
# named just before or after (elsewhere "12 MP" may be twelve members of parliament).
SPACED_MEGAPIXELS = re.compile(rf"{SP}(?:MP|Mp)(?![A-Za-z0-9])")
# "a 65 W charger", "240 W of power": a spaced capital W is watts where a lower-case word goes on
# (elsewhere it is a compass point or a letter: "300 W 57th St", "5 W Main").
SPACED_WATTS = re.compile(rf"{SP}W(?={SP}+(?!(?:and|or)\b)[a-z])")
# ... and before a clause's punctuation where the words around speak of power ("bumped up to 65 W, which").
SPACED_WATTS_END = re.compile(rf"{SP}W(?=[,.;:)](?:{SP}|$))")
POWER_CUE = re.compile(
    r"\b(?i:charg\w*|power\w*|watts?|wattage|batter(?:y|ies)|adapters?|motors?|output|solar|speakers?|"
    r"amplifiers?|bulbs?|lasers?)\b"
)
# "a 1,600-nit display", "peaks at 2,000 nits of HDR brightness": nits are brightness where a screen
# is named near them (elsewhere "nits" are lice eggs).
SCREEN_CUE = re.compile(
    r"\b(?i:screens?|displays?|panels?|monitors?|brightness|bright|luminance|HDR|OLED|LCD|AMOLED|TVs?|televisions?)\b"
)
CAMERA_CUE = re.compile(r"\b(?i:cameras?|sensors?|lens(?:es)?|selfie|shooter|snapper|autofocus|photos?)\b")
# An inch mark after a screen size: '13.5" touch display', 'a 65” TV'.
INCH_MARK = re.compile(
    rf"[\"”″](?={SP}+(?:[A-Za-z0-9-]+{SP}+){{0,2}}(?i:display|screen|monitor|tv|television|laptop|tablet|phone|"
    rf"touchscreen|panel|notebook|wheels?|rims?)s?\b)"
)
# "6GB/128GB": a number with a glued unit symbol right before a slash.
GLUED_MEASURE_BEFORE_SLASH = re.compile(r"(?<![A-Za-z0-9.,])[0-9][0-9.,]*(?P<sym>[A-Za-z]{1,4})/$")
# "a 6.3-in. screen": the inch abbreviated with its period after a hyphen ("in" alone is a word).
HYPHENATED_INCH = re.compile(rf"-in\.(?={SP}+[A-Za-z(])")
# An inch mark after an amount of rain or snow: 'expect 1-3" of rain', 'Rain totals of .75-1.00″'. The
# straight and curly marks also close quotations, so a precipitation word must stand in the clause.
PRECIPITATION_CUE = re.compile(
    r"\b(?i:rain|rains|rainfall|raining|snow|snowfall|snowing|precipitation|showers|downpours?|sleet|hail)\b"
)
PRECIPITATION_WINDOW = 80  # characters before the amount, and half as many after its mark, searched for the cue
# A frame rate after the number: "60fps", "30 FPS", "120 frames per second", "24 frames a second".
FRAME_RATE = re.compile(rf"(?:{SP}?(?:fps|FPS)|{SEP}(?i:frames?){SP}+(?i:per|a|each){SP}+(?i:second))(?![A-Za-z0-9])")
# Oil flows with the scale in the symbol: "40.46 mb/d", "1.2 mbpd", "650 kb/d", "32.5 mbl/d" (million
# or thousand barrels a day, as OPEC and the IEA write them).
_BARRELS_A_DAY = "(?i:b/d|bpd|bbl/d|bl/d|bbl/day|b/day)"
SCALED_BARRELS = re.compile(rf"{SP}?(?P<scale>(?i:mm|m|k)){_BARRELS_A_DAY}(?![A-Za-z0-9/])")
# The same glued to the number, the scale optional: "160,000b/d", "33.64mb/d", "450kbpd".
GLUED_BARRELS = re.compile(rf"(?P<scale>(?i:mm|m|k))?{_BARRELS_A_DAY}(?![A-Za-z0-9/])")
# Gas volumes with the scale in the symbol: "42 bcm" (billion cubic metres), "3.2 tcf" (trillion
# cubic feet), "150 mcm" (million); a flow ("8 Bcf/d") takes its denominator after the slash.
SCALED_GAS = re.compile(rf"{SP}?(?P<scale>(?i:b|t|mm|m))(?P<unit>(?i:cm|cf))(?![A-Za-z0-9])")
# An ambiguous symbol that closes a conversion's brackets ("(930,000 mi)"), and the bracket's opening.
BRACKETED_SYMBOL = re.compile(rf"{SP}?(?P<sym>{trie_regex(units.BRACKETED)})(?={SP}*\))")
OPEN_BRACKET_BEFORE = re.compile(rf"\({SP}*(?:(?i:about|around|roughly|nearly|some|approximately|almost){SP}+)?$")
# A conversion in brackets right after a figure: "(76 cm)", "(about C$7.05)"; then its bracket's close.
CONVERSION_BRACKET = re.compile(rf"{SP}*\((?=[^()\n]{{0,30}}[0-9])[^()\n]{{1,40}}\)")
BRACKET_CLOSE = re.compile(rf"{SP}*\)")
# A currency restated after the amount before a rate's denominator: "$80 U.S. a barrel".
CURRENCY_RESTATED = re.compile(rf"{SP}+(?:U\.S\.|US|USD)(?={SP}+(?i:a|an|per)\b)")
# Temperatures written without "°": a bare "degrees" ("hit 96 degrees") and a spaced scale letter
# ("118 F (47.7 C)"); amounts._temperature reads the scale from the words around.
BARE_DEGREES = re.compile(rf"{SP}+(?i:degrees|degree)\b(?!-)")
SCALE_LETTER = re.compile(rf"{SP}(?P<scale>[CF])(?![A-Za-z0-9'’&-]|\.[A-Za-z])")  # "104 F." ends a sentence; "F.C." no
# A conversion right after a temperature names the other scale: "96 degrees (35.6 C)".
CONVERSION_AFTER = re.compile(
    rf"{SP}*\({SP}*(?:about{SP}+|around{SP}+|nearly{SP}+)?[-−]?[0-9][0-9.,]*{SP}*(?:°|º|degrees?{SP}*)?"
    rf"(?:(?P<c>C|Celsius|centigrade)|(?P<f>F|Fahrenheit))\b"
)
SCALE_NAMED = re.compile(
    r"(?P<c>°C|º ?C|℃|\b(?i:celsius|centigrade)\b|[0-9]C\b)|(?P<f>°F|℉|\b(?i:fahrenheit)\b|[0-9]F\b)"
)
# A forecast's shorthand: "High 55", "with a high near 65", "Low around 57" (what follows checks the
# weather is spoken of, and the value).
TEMP_SHORTHAND_BEFORE = re.compile(rf"\b(?:[Hh]igh|[Ll]ow)(?:{SP}+(?i:near|around|of|about))?{SP}+$")
TEMP_SHORTHAND_AFTER = re.compile(rf"(?:$|[\n.,;]|{SP}+[a-z])")
WEATHER_CUE = re.compile(
    r"\b(?i:rain\w*|snow\w*|sun\w*|cloud\w*|wind\w*|showers?|storms?|thunder\w*|forecast\w*|weather|fog\w*|"
    r"breez\w*|drizzle|frost\w*|humid\w*|overcast|precipitation)\b"
)
TEMPERATURE_CUE = re.compile(
    r"°|\b(?i:degrees?|temperatures?|heat|heatwave|highs?|lows?|warm\w*|hot\w*|cold\w*|freez\w*|chill\w*|"
    r"thermometers?|mercury|frost)\b"
)
# Whether any of the unit patterns amounts._read_unit_word tries one after another matches at a
# position, as one match: a bare number ("12 people") fails all nine, and one call costs what one
# of them does. The patterns as written, their groups unnamed; compiled on first use, since it
# repeats the two largest tries (~0.1 s), which a process that reads no figure should not pay.
_UNIT_PATTERNS = (
    PERCENT,
    CURRENCY_AFTER,
    MINOR_AFTER,
    AGE,
    DURATION,
    UNIT_AFTER,
    INDEX_POINTS,
    POINT_GAP,
    POINT_RATE_MOVE,
    TIMES,
    FOLD,
    MAGNITUDE_AFTER,
    QUAKE_AFTER,
    BARE_DEGREES,
    SCALE_LETTER,
    SCALED_BARRELS,
    SCALED_GAS,
    SPACED_MEGAPIXELS,
    FRAME_RATE,
    SPACED_WATTS,
    SPACED_WATTS_END,
)


@cache
def unit_probe() -> re.Pattern[str]:
    unnamed = (re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in _UNIT_PATTERNS)
    return re.compile("|".join(f"(?:{u})" for u in unnamed))


QUALIFIER_AFTER = re.compile(
    rf"{SP}+(?i:or{SP}+(?:(?P<at_least>more|above|higher|greater|over)|(?P<at_most>less|fewer|below|lower|under)"
    rf"|(?P<approx>so)))\b|(?P<plus>\+(?![0-9])|-plus\b)|(?P<odd>-(?:odd|ish)\b)"
)
RANGE_CONNECTOR = re.compile(
    rf"(?P<hto>-(?i:to)-{SP}?)(?=[0-9$€£¥A-Za-z])"  # "three-to-six percent", "3-to- 6%"
    # "an 8- to 10-metre wall", "between 3- and 5-year terms": the first end's hyphen waits for the unit
    rf"|-{SP}+(?P<suspended>(?i:to|and)){SP}+(?=[0-9])"
    rf"|(?P<dash>{SP}?[-–‒]{SP}?)(?=[0-9$€£¥A-Za-z])|{SP}+(?P<word>(?i:to|and|through|until|till)){SP}+"
)
# A race time: "2:02:57" (hours, minutes, seconds), "3:43.13" (minutes, seconds and hundredths); a
# clock time "12:00" or "3:09 pm" is neither.
RACE_TIME = re.compile(
    r"(?:(?P<h>[0-9]):(?P<m>[0-5][0-9]):(?P<s>[0-5][0-9](?:\.[0-9]{1,2})?)"
    r"|(?P<mm>[0-9]{1,2}):(?P<ss>[0-5][0-9]\.[0-9]{1,2}))(?![0-9:])"
    rf"(?!{SP}*(?i:a\.?m|p\.?m|gmt|utc|et|est|edt|bst|cet|local)\b)"
)
STAMP_TAIL = re.compile(r"(?:[-–][0-9]+){2,}|(?:[:/][0-9]+)+")
# Up to four words after a number; a word may hold digits after its first letter ("covid19 cases",
# "COVID-19 patients", "G7 leaders").
_NEXT_WORD = rf"{SP}+((?:[A-Z]\.){{2,}}|[A-Za-z0-9](?:[A-Za-z0-9'’-]*[A-Za-z0-9])?)"  # "250 U.S. stores"
NEXT_WORDS = re.compile(rf"{_NEXT_WORD}(?:{_NEXT_WORD}(?:{_NEXT_WORD}(?:{_NEXT_WORD})?)?)?")
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_THEN_MONTH = re.compile(rf"(?:st|nd|rd|th)?{SP}+(?:{_MONTHS})\b\.?(?:,?{SP}+(?P<year>[0-9]{{4}})\b)?")
DAY_THEN_YEAR = re.compile(rf"(?:st|nd|rd|th)?,?{SP}+(?P<year>[0-9]{{4}})\b")
ORDINAL_TAIL = re.compile(r"(?:st|nd|rd|th)\b")

# --- what precedes a number (searched in a short window ending at the number) --------------------
_MULTI_LETTER_DOLLARS = "|".join(sorted((k for k in LETTER_DOLLARS if len(k) > 1), key=len, reverse=True))
_ONE_LETTER_DOLLARS = sorted(k for k in LETTER_DOLLARS if len(k) == 1)
# "HK$", "hk $", "US$": two or more letters in any case, a space allowed; a single letter ("C$")
# only glued, since "A $5 bill" is the article.
_LETTER_DOLLAR = rf"(?:(?i:{_MULTI_LETTER_DOLLARS}){SP}?|(?i:{'|'.join(_ONE_LETTER_DOLLARS)}))\$"
# The letters after the "$", as Australian and New Zealand papers write other dollars: "$US49,990",
# "$A72,500", "$NZ3 million"; upper case only, so "$a" or "$us" is no dollar.
_DOLLAR_LETTERS = rf"\$(?:{trie_regex(DOLLAR_LETTERS_AFTER)})"
_PREFIXES = (
    rf"(?P<dollar>{_LETTER_DOLLAR})|(?P<dollar_after>{_DOLLAR_LETTERS})"
    rf"|(?P<mark>{trie_regex(CURRENCY_PREFIXES)})"
)
# ISO codes that are also words ("TRY", "SEK", "PHP") only glued to the number: "TRY189 billion".
_GLUED_WORD_CODES = rf"(?P<glued_code>{trie_regex(sorted(currencies.CODES_THAT_ARE_WORDS & currencies.CODES))})"
CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?:(?:{_PREFIXES}){SP}?|{_GLUED_WORD_CODES})$")
# The marks CURRENCY_BEFORE ends on ("$" closes every letter dollar), by their last character.
_MARKS_BY_LAST: dict[str, tuple[str, ...]] = {}
_ALL_MARKS = {
    *CURRENCY_PREFIXES,
    "$",
    *(f"${letters}" for letters in DOLLAR_LETTERS_AFTER),
    *currencies.CODES_THAT_ARE_WORDS,
}
for _mark in sorted(_ALL_MARKS):
    _MARKS_BY_LAST[_mark[-1]] = (*_MARKS_BY_LAST.get(_mark[-1], ()), _mark)
CURRENCY_WINDOW = 9  # characters before a number searched for its currency mark


def currency_before(text: str, start: int) -> re.Match[str] | None:
    """CURRENCY_BEFORE searched in the window before `start`, only when the window ends with a mark
    (one inline space after it allowed; `$` also matches before a final line break): most numbers
    follow a word, which a dictionary lookup and one suffix test (str.endswith of the marks that
    end in that character) rule out, where the search tries its lookbehind and prefix trie at each
    position of the window."""
    lo = max(0, start - CURRENCY_WINDOW)
    end = start - 1 if start > lo and text[start - 1] == "\n" else start
    spaced = end > lo and text[end - 1] in INLINE_SPACES
    if not (_ends_with_mark(text, lo, end) or (spaced and _ends_with_mark(text, lo, end - 1))):
        return None
    return CURRENCY_BEFORE.search(text, lo, start)


def _ends_with_mark(text: str, lo: int, end: int) -> bool:
    """Does text[lo:end] end with a currency mark? One suffix test of the marks ending in its last character."""
    marks = _MARKS_BY_LAST.get(text[end - 1]) if end > lo else None
    return marks is not None and text.endswith(marks, lo, end)


CURRENCY_AT = re.compile(rf"(?:{_LETTER_DOLLAR}|{_DOLLAR_LETTERS}|{trie_regex(CURRENCY_PREFIXES)}){SP}?(?=[0-9])")
# A currency named in words before a scaled amount: "Euro 18.6 million", "euros 2bn" (amounts reads
# it only when a scale word follows the number, so "Euro 2024" stays a name).
CURRENCY_NAME_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<name>(?i:{trie_regex(CURRENCY_NAMES_BEFORE)})){SP}$")
CURRENCY_NAME_WINDOW = max(map(len, CURRENCY_NAMES_BEFORE)) + 2
SIGN_BEFORE_CURRENCY = re.compile(r"(?<![\w.%)])[-−]$")
DOWN_AFTER = re.compile(rf"{SP}+(?i:down)\b")
SIGN_BEFORE = re.compile(rf"(?:(?<![\w.%)])[-−]|\b(?i:minus|negative){SP}+)$")
MONTH_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_MONTHS})\.?,?{SP}+$")
BETWEEN_BEFORE = re.compile(rf"\b(?i:between){SP}+$")
# "between 160 and 300 miles (257 and 482 kilometers)": a range restated in another unit, in brackets
# right after it, keeps "and" as its connector (the text before the bracket must end a "between" range).
RESTATED_RANGE_BEFORE = re.compile(rf"\b(?i:between){SP}+[^()]{{1,40}}{SP}\($")
LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t>*•·-]*$")
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:\n][\"'”’)\]]*)[ \t\"'“‘(\[*_#>•-]*$")

# --- text that is never searched for figures ---------------------------------------------------
MASKED = re.compile(
    r"(?:https?|ftp)://[^\s<>\"'\])]+"
    r"|\bwww\.[^\s<>\"'\])]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.-])[\w.-]+\.(?i:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?|mp[34]|docx?|xlsx?|csv|zip)\b"
)
