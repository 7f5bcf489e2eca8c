"""A figure's fact: metric (with its qualifiers), subject and period, joined into the fact key.

    metric   the catalog rule found in the figure's own phrase (then its clause), split by what
             `vary` allows: tenor ("bond_yield.10y"), frequency ("cpi.core.mom"), a change
             ("policy_rate.change"), the level before a change ("tariff_rate.prior"), a plan or
             estimate ("revenue.guidance"), the trading session ("share_price_change.after_hours");
             and, for every metric, a segment of the whole ("payrolls.health_care", "cpi.energy",
             "revenue.cloud"), another accounting basis ("net_income.adjusted"), a revision
             ("payrolls.revision", "payrolls.revised") and a cumulative span ("policy_rate.change.since").
             No rule: an open-domain metric from the concept and the unit's dimension
             ("tariff.percent.prior"), so two sources writing "the prior tariff" still meet.
    subject  from the phrase, the clause, the sentence, then the article (subject.py).
    period   at the rule's grain: stated in the clause or the clauses before it (a period right after
             another figure is that figure's; a ranking's frame, "the biggest since 1997", is none),
             else the article's main period.

fact_key = metric|subject|period; None when the figure has no metric (it is not compared).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from newsfacts.facts.concept import Phrase, read_phrase, tokens, tokens_after, tokens_before, tokens_within
from newsfacts.facts.period import (
    QUARTER_SHAPE,
    UNNAMED_FISCAL_YEAR,
    DocumentPeriods,
    Found,
    at_grain,
    comparable_start,
    find_periods,
    month_before,
    quarter_before,
    year_before,
)
from newsfacts.facts.subject import SubjectIndex, entities_in, lookup, normalize_subject
from newsfacts.facts.tables import stance_group, stance_words, table, words
from newsfacts.facts.trie import trie_regex
from newsfacts.figures.catalog import VARY_AXES, MetricCatalog, MetricRule, ignorecase_fold
from newsfacts.figures.counts import counted_noun
from newsfacts.figures.lexicon import LOSS_NOUNS, RESULT_NOUNS
from newsfacts.figures.subjects import subject_before

if TYPE_CHECKING:  # the grammar's reading of a figure (extract imports this module)
    from newsfacts.figures.extract import Found as Reading

_CLAUSE_MARKS = ",;:()[]—–"
# a comma that is no thousands separator: "30,000 jobs to 157,000" is one clause
_THOUSANDS_COMMA = r",(?!(?<=\d,)\d)"
_CLAUSE_WORDS = ("while", "whereas", "but", "although")
# A clause break: a mark, or a clause word standing alone. Every alternative opens with one literal
# character (the look behind after a word's first letter is the word break before it), so re skips
# straight to the characters a break can open with instead of trying each position.
_CLAUSE_PUNCT = re.compile(
    "|".join(
        [
            *(_THOUSANDS_COMMA if m == "," else re.escape(m) for m in _CLAUSE_MARKS),
            *(rf"{w[0]}(?<!\w.){w[1:]}\b" for w in _CLAUSE_WORDS),
        ]
    )
)
_CONVERSION = re.compile(
    r"\s*(?:\(|,|—|–)\s*(?:(?:or|about|around|roughly|some|nearly|approximately|almost|equivalent to|worth)\s+)*"
)
_TENOR_SHAPE = re.compile(r"\w+[- ](?:year|yr|month|week)s?", re.IGNORECASE)
_OUT_OF = re.compile(r"\d[\d,.]*\s*%?\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
OUT_OF_WINDOW = 40  # characters before a figure searched for "412 of the"
_OUT_OF_LAST = frozenset(["of", "the", "all"])  # the words _OUT_OF can end with
_BASE_WORDS = re.compile(r"\b(?:from|since|than|versus|vs|against|after(?!-)|following|compared)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(\w+)\s+(?:the\s+)?$")
_DEMOTING_PREPOSITIONS = frozenset(
    ["with", "to", "from", "for", "against", "by", "versus", "than", "in", "into", "at", "of"]
)
_GRAIN_ORDER = {"day": 0, "month": 1, "quarter": 2, "year": 3}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "five": 5, "seven": 7, "ten": 10, "twenty": 20, "thirty": 30}
_UNIT_ABBR = {"year": "y", "yr": "y", "month": "m", "week": "w"}
_PERCENT_DIMENSION = {"percent": "percent", "percentage_point": "pp"}
_EVERY_AXIS = frozenset(VARY_AXES)  # an open-domain metric varies by every qualifier
MAX_SLUG_WORDS = 3
_SEGMENT_SPACE = re.compile(r"[\s-]+")
_SECTOR_WORD = re.compile(r"\s+(?:sector|sectors|industry|industries|segment|business|division)$")
_SEGMENT_AT_END = re.compile(
    r"\bin\s+(?:the\s+)?(?P<segment>[\w\s-]{3,40}?)(?:\s+(?:sector|sectors|industry|industries))?\s*[.,;]?\s*$",
    re.IGNORECASE,
)
_ADJUSTED_TERMS = [str(w) for w in table("words.yaml")["adjusted_basis"]]
_ADJUSTED = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _ADJUSTED_TERMS) + r")\b", re.IGNORECASE)
# the terms as a plain trie for folded text: a window whose folded text holds none of them cannot
# match, which a case-sensitive trie settles far faster than the case-insensitive alternation
_ADJUSTED_FOLDED = re.compile(trie_regex({w.lower() for w in _ADJUSTED_TERMS}))
# "In manufacturing, ...": a sentence's opening prepositional phrase names the segment of its figures
_INTRO = re.compile(r"\s*(?:In|Among|For|Within)\s+(?:the\s+)?(?P<segment>[^,;:]{2,40}?)\s*,")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:the|early|late|mid|end\s+of|start\s+of)\s+)?$", re.IGNORECASE)
_RANKED_BEFORE = re.compile(r"\b(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)
SINCE_REACH = 24
# a level "from" a year before is no last month's level: "up from 2.9% a year earlier"
_YEAR_AGO = re.compile(
    r"\b(?:a|one|the)\s+year\s+(?:earlier|ago|before)|\byear[- ]ago\b|\blast\s+year\b", re.IGNORECASE
)
# after the figure, the span is the figure's only when "since" follows it at once ("cut by 1 point
# since September"), not another predicate's ("rose to 62.8% after being flat since March")
_SINCE_RIGHT_AFTER = re.compile(
    r"\s*(?:\w+\s+)?since\s+(?:(?:the|early|late|mid|end\s+of|start\s+of)\s+)?$", re.IGNORECASE
)
# what may stand between a figure and the period it is of: "648,000 bpd in August", "3.5% for July"
_ATTACHED = re.compile(
    r"\s*(?:(?:in|for|during|on|as\s+of|at\s+the\s+end\s+of|through)\s+)?(?:the\s+)?", re.IGNORECASE
)  # characters before a period searched for "since the end of"
SUPERLATIVE_REACH = 4  # words before "since" searched for the superlative a record is framed by
# A whole-company amount that, written per share, is another metric: profit per share is EPS.
_PER_SHARE = {"net_income": "eps"}
# What an amount per share takes from the amount it stands beside: its level and stance, not its metric.
_APPOSED_MODS = frozenset(["prior", "target", "estimate", "guidance", "proposal", "adjusted", "managed"])
# the period a statement is set in, one quarter before the article's ("In the previous quarter, ...");
# a change "from the previous quarter" is a base, not this
_IN_QUARTER_BEFORE = re.compile(r"\b(?:in|during|for)\s+the\s+(?:previous|prior|preceding)\s+quarter\b", re.IGNORECASE)
# "On a core basis, prices rose 4%": a sentence's opening frame makes every figure in it core
_CORE_INTRO = re.compile(r"\s*(?:On|In)\s+an?\s+[“\"']?core[”\"']?\s+basis\b", re.IGNORECASE)
# a model or tier of one product ("the base model", "the Plus", "the Pro Max"): prices of two are two facts
_TIERED_METRICS = frozenset(["product_price"])
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# between a figure and the level it moved from: "4% from 3.75%", "... from growth of 2.03 million bpd"
_FROM_FIGURE = re.compile(r"\bfrom\s+(?:(?!(?:and|or|but|to|in|for|while|then)\b)[A-Za-z][\w'’-]*\s+){0,4}$")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")  # a year is a period, not a figure the phrase stops at
_PRONOUN_OPENING = re.compile(r"\s*(?:It|Its|They|Their)\b")
ANTECEDENT_REACH = 400  # characters before a sentence searched for the one it continues
_ANNUAL = re.compile(
    r"\b(?:annual|full[- ]year|full\s+fiscal\s+year|fiscal[- ]year|yearly|for\s+the\s+(?:full\s+)?year)\b",
    re.IGNORECASE,
)
_FOR_THE_YEAR = re.compile(r"\s*For\s+(?:the|its|\w+['’]s)\s+(?:full\s+)?(?:fiscal\s+)?year\b[^,]{0,30},")
# "this sector's revenue grew 141%", "this segment soared 22%": one of the parts, never the whole
_DEMONSTRATIVE_SEGMENT = re.compile(
    r"\b(?:this|that|these|the\s+same)\s+(?:segment|sector|division|unit|business|category)(?:['’]s)?\b",
    re.IGNORECASE,
)
_PAREN_AFTER_FIGURE = re.compile(
    r"\s*(?:[A-Za-z][\w-]*\s+){0,3}\(\s*(?:(?:up|down|rising|falling|higher|lower)\s+)?(?:by\s+)?", re.IGNORECASE
)
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|Its|Their)\s+")
# "the earthquake that struck Morocco on Friday rose to 2,681": a period inside a relative clause
# before the figure dates that clause's event, not the figure
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:[a-z]+\s+){1,3}(?:[A-Z][\w-]*\s+){0,2}(?:on\s+|in\s+)?$")
_HEAD_AFTER = re.compile(r"\s+(?:(?:people|others?|persons)\s+)?(?:(?:were|are|was|had\s+been)\s+)?([A-Za-z]+)")
_RATHER_THAN = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.IGNORECASE)
_MINORITY_VOTE = re.compile(
    r"\b(?:one|two|three|four|five|six|[1-9])\s+(?:of\s+the\s+\w+\s+)?(?:members|policymakers|officials|"
    r"dissenters|rate-?setters|governors)\b[^.;]*?\bvot(?:ed|ing)\b",
    re.IGNORECASE,
)
_HEAD_RULES: dict[tuple[int, str, str | None, str], MetricRule | None] = {}  # (catalog, kind, unit, word)
_MANAGED = re.compile(
    r"\b(?:" + "|".join(re.escape(str(w)) for w in table("words.yaml")["managed_basis"]) + r")\b", re.IGNORECASE
)
_REPORTED = re.compile(r"\b(?:reported|GAAP|unadjusted|including)\b", re.IGNORECASE)
_FROM_AFTER = re.compile(r"\s+(?:[a-z/]+\s+){0,3}from\b")
_UNTIL_OPENING = re.compile(r"\s*Until\s+(?:[\w-]+\s+){0,3}?[\w-]+,")
_RESULTS_FOR = re.compile(
    r"\b(?:results?|counting|votes\s+were\s+counted|counted)\s+(?:(?:has|have|had|was|were|been|held|occurred|"
    r"announced|declared|released)\s+)*for\s+(?:all\s+)?$",
    re.IGNORECASE,
)
_APPOSITIVE_BEFORE = re.compile(
    r",\s*(?:which\s+is\s+|who\s+(?:is|are)\s+)?(?:(?:a|an|the)\s+)?(?:part|member|members|ally|allies)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_COMPOSED_OF = re.compile(
    r"\b(?:mak(?:e|es|ing)|made)\s+up\s+(?:(?:about|around|roughly|some|nearly|almost)\s+)?$", re.IGNORECASE
)
_FORECAST_STANCES = frozenset(["guidance", "estimate", "target"])
_NAMED_SEGMENT_METRICS = frozenset(["revenue", "revenue_growth", "operating_income"])
_NAMED_BEFORE_REVENUE = re.compile(
    r"\b(?P<name>[a-z]?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)\s+(?:net\s+)?(?:revenue|revenues|sales|segment)\b"
)
_NOT_SEGMENT_NAMES = frozenset(["total", "net", "gross", "gaap", "quarterly", "annual", "record", "group", "company"])
_GAP_AFTER = re.compile(
    r"\s+(?:above|below|ahead\s+of|short\s+of|shy\s+of|better\s+than|worse\s+than)\s+(?:the\s+)?"
    r"(?:(?:analysts?['’]?|Wall\s+Street['’]?s?|consensus|average|mean)\s+)*"
    r"(?:estimates?|expectations|forecasts?|consensus|projections)\b",
    re.IGNORECASE,
)
EXISTENTIAL_REACH = 40  # characters before a count searched for "there are (a total of)"
COMPARED_REACH = 300  # characters before a figure searched for "compared to" ... "a year ago"
VOTE_REACH = 160  # characters before a figure searched for a minority's vote or "rather than"
_EXISTENTIAL = re.compile(
    r"\b[Tt]here\s+(?:are|were|is|was|will\s+be)\s+(?:(?:a\s+total\s+of|some|about|around|nearly)\s+)?$"
)
_OPENING_WORD = re.compile(r"[\s\-–—•*]*[A-Z][a-z]+")
_OF_AFTER = re.compile(r"\s+of\s+\w")
_VERB_ONLY = re.compile(r"[a-z]+ing")  # "securing 16.4%", "garnering 4.97%": a verb, no measure
_ELECTION_WORDS = re.compile(r"\b(?:elections?|vote|votes|voters|ballots?|electoral)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:compared\s+(?:to|with)|versus|vs\.?)(?=\s)", re.IGNORECASE)
_POSSESSIVE_TO_FIGURE = re.compile(r"['’]s\s+(?:[A-Za-z][\w-]*\s+){0,3}")
_DAY_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LIST_CLOSERS = frozenset(["respectively"])  # "4.50%, 4.75% and 4.00% respectively": no concept of its own
_TIER = re.compile(
    r"\b(?i:the|its|a)\s+(?:(?i:base|standard|entry-level|basic|cheapest)\s+(?i:model|version|variant|tier|trim)\b"
    r"|(?P<name>[A-Z][\w+]*(?:\s+[A-Z0-9][\w+]*)?)(?=\s+(?:model\s+|version\s+)?(?:is|was|will|at|costs?|starts?|"
    r"sells?|retails?|goes|priced)\b))"
)
MAX_INHERIT_GAP = 100  # characters between a figure and the one whose concept it shares


class Fact(NamedTuple):
    """What one figure states, keyed for comparison across sources (a named tuple: immutable like a
    frozen dataclass and built in a quarter of the time, which counts at one per figure)."""

    metric: str | None
    subject: str | None
    concept: str | None
    period: str | None
    fact_key: str | None


NO_FACT = Fact(None, None, None, None, None)


_PATTERN_OF_ID: dict[int, re.Pattern[str]] = {}
# Per pattern of _patterns() (by id), what every match of each of its alternatives holds (see
# _conditions), and a regex of one word of each; None when some alternative holds no such word. A
# sentence whose folded text meets no alternative's conditions cannot match, which one
# case-sensitive scan and a few substring tests tell where a case-insensitive alternation is
# tried at every position.
_KEYWORDS_OF_ID: dict[int, tuple[re.Pattern[str], tuple[tuple[tuple[str, ...], ...], ...]] | None] = {}
_REGEX_META = frozenset("\\[]()|?*+{}.^$")
_QUANTIFIERS = frozenset("?*+{")
_VERBOSE_FLAG = re.compile(r"\(\?[a-zA-Z-]*x")
MIN_KEYWORD = 2  # characters


def _compile_all(items: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for the regex items of a words.yaml list, with its keywords."""
    pattern = re.compile("|".join(f"(?:{i})" for i in items), re.IGNORECASE)
    conditions = [_conditions(i) for i in items]
    words = [max((c[0] for c in conds if len(c) == 1), key=len, default="") for conds in conditions if conds]
    if len(words) == len(items) and all(words):
        known = tuple(c for c in conditions if c is not None)
        _KEYWORDS_OF_ID[id(pattern)] = (re.compile(trie_regex(words)), known)
    else:
        _KEYWORDS_OF_ID[id(pattern)] = None
    return pattern


def _conditions(item: str) -> tuple[tuple[str, ...], ...] | None:
    """What every match of the regex `item` holds, in lower case: each condition a tuple of
    strings one of which the match holds (a run of plain ASCII characters alone; the literals of a
    group that only alternates them, "(?:on|over)"). A conservative reading: escapes, classes,
    other groups and repeats end a run (a quantifier also takes the character it repeats), and
    only strings of MIN_KEYWORD or more characters count. None when the item alternates at its top
    level or is verbose (its spaces are no text)."""
    if _VERBOSE_FLAG.search(item):
        return None
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    i = 0
    while i < len(item):
        ch = item[i]
        if ch == "|":
            return None
        plain = ch not in _REGEX_META and ch.isascii() and item[i + 1 : i + 2] not in _QUANTIFIERS
        if plain:
            run.append(ch.lower())
            i += 1
            continue
        if len(run) >= MIN_KEYWORD:
            out.append(("".join(run),))
        run = []
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _class_end(item, i)
        elif ch == "{":
            i = item.find("}", i) + 1 or len(item)
        elif ch == "(":
            end = _group_end(item, i)
            alternatives = _literal_alternatives(item[i + 1 : end - 1])
            if alternatives is not None and item[end : end + 1] not in _QUANTIFIERS:
                out.append(alternatives)
            i = end
        else:
            i += 1
    if len(run) >= MIN_KEYWORD:
        out.append(("".join(run),))
    return tuple(out)


def _class_end(item: str, i: int) -> int:
    """The index after the character class that opens at item[i]."""
    i += 2 if item[i + 1 : i + 2] == "^" else 1
    i += 1 if item[i : i + 1] == "]" else 0  # a "]" first in a class is a literal
    while i < len(item) and item[i] != "]":
        i += 2 if item[i] == "\\" else 1
    return i + 1


def _group_end(item: str, i: int) -> int:
    """The index after the group that opens at item[i] (escapes and classes skipped)."""
    depth = 0
    while i < len(item):
        ch = item[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(item, i)
            continue
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        i += 1
        if depth == 0:
            return i
    return len(item)


def _literal_alternatives(body: str) -> tuple[str, ...] | None:
    """ "?:on|over" or "on|over" (a group's inside) -> ("on", "over"): the group holds one of its
    plain literals; None for any other group or an alternative shorter than MIN_KEYWORD."""
    body = body.removeprefix("?:")
    alternatives = body.split("|")
    if any(len(a) < MIN_KEYWORD or not a.isascii() or any(c in _REGEX_META for c in a) for a in alternatives):
        return None
    return tuple(a.lower() for a in alternatives)


@cache
def _patterns() -> dict[str, Any]:
    w = table("words.yaml")
    out: dict[str, Any] = {
        "frequency": {k: _compile_all(v) for k, v in w["frequency"].items()},
        "session": {k: _compile_all(v) for k, v in w["session"].items()},
        "core": _compile_all(w["core"]),
        "frequency_any": _compile_all([i for v in w["frequency"].values() for i in v]),
        "exempt": _compile_all([re.escape(x) for x in w["stance_exempt"]]),
        "tenor": re.compile(w["tenor"], re.IGNORECASE),
    }
    for value in out.values():
        for pattern in value.values() if isinstance(value, dict) else [value]:
            _PATTERN_OF_ID[id(pattern)] = pattern
    return out


class FactReader:
    """Reads the facts of one document's figures, in order (a figure may lean on the one before)."""

    def __init__(
        self,
        catalog: MetricCatalog,
        text: str,
        body_start: int,
        body_end: int,
        published: dt.date | None,
    ) -> None:
        self.catalog = catalog
        self.body = text[body_start:body_end]
        self.published = published
        self._subjects: SubjectIndex | None = None
        self._periods: DocumentPeriods | None = None
        self._last: tuple[str, int, Phrase] | None = None
        self._prev: tuple[str, int, str, Fact, str | None] | None = None
        self._prev_rule: MetricRule | None = None
        self._prev_unit: str | None = None

    def read(
        self,
        found: Reading,
        sentence: str,
        lo: int,
        hi: int,
        others: tuple[tuple[int, int], ...],
        cache: dict[Any, Any],
        from_opens_range: bool = False,
    ) -> Fact:
        """The fact of the figure `found` (the grammar's reading) at sentence[lo:hi]; `others` are
        the other figures' spans.

        A part of a counted whole ("412 of the 650 seats") takes the noun the grammar read as its
        concept, which its own phrase cannot say (the whole is another figure).
        `from_opens_range`: the figure is a range that a "from" opens ("ranged from 2% to 3%"), so
        the "from" marks no prior level."""
        kind, unit, direction, endpoint = found.kind, found.unit, found.direction, found.endpoint
        dimension = found.dimension
        concept = found.noun.lower() if found.part and found.noun else None
        if kind == "date" or _is_tenor(sentence, hi, kind):
            return NO_FACT
        if kind == "duration" and _in_frequency(sentence, lo, hi):
            return NO_FACT  # "over the past 12 months" says how a figure is measured, not a figure
        others = tuple(
            (a, b)
            for a, b in others
            if not _is_tenor(sentence, b, "duration", sentence[a:b])
            and not _in_frequency(sentence, a, b)
            and not _YEAR_ONLY.fullmatch(sentence, a, b)  # "for the second quarter of fiscal 2026 was"
        )
        apposed = self._apposed(kind, sentence, lo, unit)
        if apposed is not None and apposed[1] == found.per_unit:
            return apposed[0]
        # "from $22 billion, or $2.95 a share, a year earlier": the amount per share is another
        # metric, but of the level, stance and period of the amount it stands beside
        beside = apposed[0] if apposed is not None else None
        # "the yield added 4 bps": a share or points moved what stands before the verb; "cut 5% of
        # its workforce" is a share of what follows
        relative = (kind == "percent" or unit == "point") and _OF_AFTER.match(sentence, hi) is None
        phrase, own = self._phrase(sentence, lo, hi, others, relative)
        if concept is not None:
            phrase = own = phrase._replace(concept=concept)
        clause = _clause(sentence, lo, hi)
        near = _between_neighbours(clause, lo, hi, others)
        windows = [(phrase.start, phrase.end), (min(near[0], phrase.start), max(near[1], phrase.end))]
        # an appositive the phrase reads across is not the figure's words: "Shelter costs, a part
        # of the consumer price index, rose 0.4%" is no CPI figure
        plain = sentence
        for skip in {s for s in (phrase.skipped, own.skipped) if s is not None}:
            plain = plain[: skip[0]] + " " * (skip[1] - skip[0]) + plain[skip[1] :]
        rule = self.catalog.match_windows(
            kind, unit, plain, lo, hi, self.body, cache, windows, anchor=(phrase.start, phrase.end)
        )
        if rule is not None and _vetoed(rule.name, plain, clause):
            rule = None  # "Pollsters had put the AfD at 21% before the vote": a poll is not the result
        bare = (phrase.concept or "").removeprefix("the ")
        rule = rule or self.catalog.match_concept(kind, unit, bare, self.body, cache, by_signals=concept is not None)
        if kind == "money" and found.per_unit == "share" and rule is not None and rule.name in _PER_SHARE:
            rule = self._rule(_PER_SHARE[rule.name]) or rule  # "earnings of $2.70 per share" is EPS
        if kind == "count":
            rule = self._head_after(kind, unit, sentence, hi, rule)
        if _is_probability(phrase):
            rule = self._rule("probability") or rule
        elif rule is None and kind == "percent" and phrase.change:
            rule = self._entity_move(sentence, phrase)
        if rule is None and kind == "percent" and unit == "percent":
            rule = self._party_result(sentence, phrase, clause_of=(lo, hi))
        # "A surging 4% and B gaining 3.2%": B's move is of the same kind; "revised down by 30,000
        # to 157,000": a bare level right after a move is the level of what moved
        # "the warehousing and transportation sectors lost 34,000" after a sentence on jobs: a
        # segment alone measures what the figure before measured, in this sentence or the last
        bare_level = phrase.concept is None and phrase.endpoint == "to"
        year_ago_base = _year_ago_base(sentence, lo, others)
        bare_level = bare_level or (phrase.concept is None and year_ago_base)
        segment_only = _segment_only(phrase.concept)
        if (
            rule is None
            and (phrase is not own or bare_level or segment_only)
            and self._prev_rule is not None
            and self._prev is not None
            and (self._prev[0] == sentence or segment_only)
            and self._prev[2] == kind
        ):
            rule = self._prev_rule
        change = (
            (phrase.change or direction is not None)
            # "a loss of $300 million": a money gain or loss is a result (the grammar gave it no direction)
            and not (kind == "money" and direction is None and phrase.governor in RESULT_NOUNS)
            and endpoint is None
            and phrase.endpoint is None
            and not _COMPOSED_OF.search(sentence, max(0, lo - 24), lo)  # "making up 15,985 units": a part, no move
        )
        prior = (
            endpoint == "from"
            or (phrase.endpoint == "from" and not from_opens_range)
            or self._from_figure(kind, sentence, lo)
        )
        mods = self._modifiers(rule, plain, phrase, own, near, clause, change, prior)
        segment = (
            None
            if rule is not None and rule.name in words("unsegmented_metrics")
            else _respective_segment(sentence, (lo, hi), others)
            or _segment(plain, phrase, own, near)
            or (
                _named_segment(plain, clause[0], lo)
                if rule is not None and rule.name in _NAMED_SEGMENT_METRICS
                else None
            )
            or ("segment" if rule is not None and _DEMONSTRATIVE_SEGMENT.search(plain, clause[0], lo) else None)
        )
        words_at = (min(phrase.start, own.start), max(phrase.end, own.end))
        if (
            _ADJUSTED_FOLDED.search(ignorecase_fold(plain[slice(*words_at)])) and _ADJUSTED.search(plain, *words_at)
        ) or _adjusted_before(plain, lo, others):
            mods.insert(0, "adjusted")  # "adjusted net income" is never the reported (GAAP) figure
        elif _MANAGED.search(plain, min(clause[0], phrase.start, own.start), max(phrase.end, own.end)):
            mods.insert(0, "managed")  # "managed revenue is $51.0 billion": another basis than reported
        if kind == "count" and _RESULTS_FOR.search(sentence, max(0, lo - 60), lo):
            mods.append("counted")  # "results for 542 of the 543 seats": seats counted, nobody's won
        if kind == "money" and direction is None and phrase.governor in LOSS_NOUNS:
            mods.append("loss")  # "a net loss of $1.2 billion": the size of a loss, never a profit's level
        if kind != "percent" and _GAP_AFTER.match(sentence, hi):
            mods.append("gap")  # "$1.29, two cents above analyst estimates": the beat, not the estimate
        if _out_of_before(sentence, lo) or (
            kind == "count" and _EXISTENTIAL.search(sentence, max(0, lo - EXISTENTIAL_REACH), lo)
        ):
            mods.append("total")  # "412 of the 650 seats", "there are 630 seats": the whole, not a part
        since = self._since_start(sentence, clause, lo, hi, others)
        if since is not None:
            mods.append("since")  # "cut by 1 point since September": a cumulative move, not one step
        revision = _revision(plain, clause, lo) or _forecast_move(plain, clause, lo)
        if (
            revision is None
            and change
            and rule is not None
            and rule.name in words("forecast_metrics")
            and _FROM_AFTER.match(sentence, hi)
        ):
            revision = "revision"  # "1.93 million bpd, down 106,000 bpd from ... last month": a forecast's move
        if revision == "revised" and (
            any(m in _FORECAST_STANCES for m in mods) or (rule is not None and rule.name in words("forecast_metrics"))
        ):
            revision = None  # "revised its inflation forecast to 5.6%": the revised forecast is the forecast
        if revision is not None:
            mods.append(revision)
        if beside is not None and beside.metric is not None:
            mods += [m for m in beside.metric.split(".")[1:] if m in _APPOSED_MODS and m not in mods]
        elif phrase is not own and rule is not None and "stance" in rule.vary:
            mods += self._conjunct_stance(sentence, mods)
        metric: str | None
        if rule is not None:
            metric = ".".join([rule.name, *([segment] if segment else []), *mods])
        else:
            base = _open_metric(phrase, kind, unit, dimension)
            named = base is not None and segment is not None and set(segment.split("_")) <= set(base.split("_"))
            own_segment = [segment] if segment and not named else []  # "shelter_costs" names it already
            metric = ".".join([base, *own_segment, *mods]) if base else None
        if metric is None or (rule is not None and not rule.compare):
            fact = Fact(metric, None, phrase.concept, self._period(sentence, clause, "none")[0], None)
        else:
            subject = self._subject(rule, sentence, lo, hi, phrase, clause, others)
            subject = self._parenthetical_subject(sentence, lo) or subject
            if rule is not None and rule.name in _TIERED_METRICS:
                subject = _tier(sentence, _between_neighbours(clause, lo, hi, others)[0], lo, subject)
            recent = rule is not None and rule.period_default == "published"
            grain = rule.period if rule else "none"
            period, key_period = self._period(sentence, clause, grain, recent, hi, (lo, others))
            if rule is None and key_period is None:
                # "53.07 mln bpd this year and 54.17 mln bpd next year": an open-domain figure has
                # no grain, but a period right after it is its own and tells its facts apart
                key_period = self._attached_period(sentence, hi)
            if since is not None:
                period, key_period = since.period, at_grain(since.period, grain) or since.period
            elif beside is not None and beside.fact_key is not None:
                period, key_period = beside.period, beside.fact_key.rsplit("|", 1)[1] or None
            elif grain == "quarter" and key_period and _annual_cue(sentence, clause, lo):
                # "Annual revenue was $394.3 billion", "For its fiscal year, it reported ...": the year's
                period = key_period = QUARTER_SHAPE.sub(r"\1\2", key_period)
            elif year_ago_base and key_period and year_before(key_period):
                # "revenue of $90.1 billion, compared to $83.4 billion in the year-ago quarter"
                period = key_period = year_before(key_period)
            elif (
                prior
                and grain == "month"
                and "prior" in mods
                and key_period
                and month_before(key_period) is not None  # a yearly key ("2025") keeps its prior
                and not _YEAR_AGO.search(sentence, *clause)
            ):
                # "the jobless rate rose to 3.8% from 3.5%" in a monthly release: the level it
                # rose from is last month's, the fact other sources report for that month; dated
                # ("down from 3.2% in October"), it is that month's
                metric = ".".join(p for p in metric.split(".") if p != "prior")
                if not self._dated_at(sentence, hi):
                    period = key_period = month_before(key_period) or key_period
            key: str | None = f"{metric}|{subject or ''}|{key_period or ''}"
            if rule is None and subject is None and metric.split(".")[0].count("_") < 1:
                # an open-domain concept of nobody in particular ("200 people", "the deadline") is
                # too loose to hold two sources to: named, but not compared. A concept of two words
                # or more ("average workweek", "labor force participation") is specific enough to
                # wait for the subject the other sources give it (consistency completes it).
                key = None
            fact = Fact(metric, subject, phrase.concept, period, key)
        self._prev = (sentence, hi, kind, fact, found.per_unit)
        self._prev_unit = unit
        self._prev_rule = rule
        return fact

    @property
    def subjects(self) -> SubjectIndex:
        """The article's entities, read once and only when a figure needs the article fallback."""
        if self._subjects is None:
            self._subjects = SubjectIndex(self.body)
        return self._subjects

    @property
    def periods(self) -> DocumentPeriods:
        """The article's main periods, read once and only when a figure states none."""
        if self._periods is None:
            self._periods = DocumentPeriods(self.body, self.published)
        return self._periods

    def _rule(self, name: str) -> MetricRule | None:
        return next((r for r in self.catalog.rules if r.name == name), None)

    def _apposed(self, kind: str, sentence: str, lo: int, unit: str | None) -> tuple[Fact, str | None] | None:
        """The fact (and per-unit) of the figure this one stands in apposition to: "$550 billion
        (about 80 trillion yen)", "€5bn, or $5.4bn" convert it, so they take its fact; "$6.19
        billion, or $2.48 a share" is an amount per something else. A bare comma between two
        figures of one unit is a list ("4.50%, 4.75% and 4.00%"), not a conversion."""
        prev = self._prev
        if prev is None or prev[0] != sentence or prev[2] != kind or prev[3].fact_key is None:
            return None
        between = sentence[prev[1] : lo]
        if not _CONVERSION.fullmatch(between):
            return None
        if unit is not None and unit == self._prev_unit and between.strip() == ",":
            return None
        return prev[3], prev[4]

    def _head_after(
        self, kind: str, unit: str | None, sentence: str, hi: int, rule: MetricRule | None
    ) -> MetricRule | None:
        """ "2,681 dead and 2,501 injured", "2,476 others were injured": a count's own word right
        after it names its measure, over the measure of the count before it."""
        m = _HEAD_AFTER.match(sentence, hi)
        if m is None or (rule is not None and any(p.fullmatch(m.group(1)) for p in rule.signals)):
            return rule
        key = (id(self.catalog), kind, unit, m.group(1))
        if key not in _HEAD_RULES:
            _HEAD_RULES[key] = next(
                (
                    r
                    for r in self.catalog.rules
                    if r.kind == kind
                    and len(r.signals) == 1
                    and (r.units is None or unit in r.units)
                    and r.signals[0].fullmatch(m.group(1))
                ),
                None,
            )
        return _HEAD_RULES[key] or rule

    def _parenthetical_subject(self, sentence: str, lo: int) -> str | None:
        """ "the Model S/Model X duo noted 15,985 deliveries (down 14 percent)": a move in a
        parenthesis right after a figure is about that figure's subject."""
        prev = self._prev
        if prev is None or prev[0] != sentence or not prev[3].subject or "(" not in sentence[prev[1] : lo]:
            return None
        return prev[3].subject if _PAREN_AFTER_FIGURE.fullmatch(sentence, prev[1], lo) else None

    def _conjunct_stance(self, sentence: str, mods: list[str]) -> list[str]:
        """ "expects inflation to decline to 2.9% next year and 2.2% by 2025": a figure that shares
        the concept of the figure before it in its sentence shares its stance too."""
        prev = self._prev
        if prev is None or prev[0] != sentence or prev[3].metric is None or any(m in _FORECAST_STANCES for m in mods):
            return []
        return [m for m in prev[3].metric.split(".")[1:] if m in _FORECAST_STANCES][:1]

    def _from_figure(self, kind: str, sentence: str, lo: int) -> bool:
        """ "to 4% from 3.75%", "to 1.64 million bpd from last month's assessment of 1.74 million
        bpd": a figure right after "from" and a few words behind a figure of its kind is the level
        that one moved from, whatever the grammar saw of the move."""
        prev = self._prev
        if prev is None or prev[0] != sentence or prev[2] != kind or "from" not in sentence[prev[1] : lo]:
            return False
        return _FROM_FIGURE.search(sentence, prev[1], lo) is not None

    def _party_result(self, sentence: str, phrase: Phrase, clause_of: tuple[int, int]) -> MetricRule | None:
        """ "The AfD reaches 20.8 percent, the SPD 16.4 percent": in a write-up of a vote, a percent
        of a party that names no measure of its own is the party's share of the vote (a poll or
        survey is not the result)."""
        if not _election_body(self.body):
            return None  # most documents are no write-up of a vote: one cached test
        if phrase.concept is not None and not _names_alone(phrase) and not _VERB_ONLY.fullmatch(phrase.concept):
            return None
        if _OF_AFTER.match(sentence, clause_of[1]):
            return None  # "18.6 percent of seats": the figure's measure follows it
        clause = _clause(sentence, *clause_of)
        in_sentence = {e.name for e in entities_in(sentence) if e.type == "party"}
        if not any(e.type == "party" for e in entities_in(sentence, *clause)) and not (
            len(in_sentence) == 1 or (in_sentence and "respectively" in sentence)
        ):
            return None  # "Scholz's SPD ended third, securing 16.4%": the sentence's one party
        if _vetoed("vote_share", sentence, (0, len(sentence))):
            return None
        return self._rule("vote_share")

    def _entity_move(self, sentence: str, phrase: Phrase) -> MetricRule | None:
        """ "AMD fell 2%": a percent move of a bare name is its share price's (an index's) move."""
        named = entities_in(sentence, phrase.start, phrase.end)
        if not phrase.names or not named:
            return None
        return self._rule({"company": "share_price_change", "index": "stock_index_change"}.get(named[-1].type, ""))

    # -- parts ---------------------------------------------------------------------------------
    def _phrase(
        self, sentence: str, lo: int, hi: int, others: tuple[tuple[int, int], ...], relative: bool = False
    ) -> tuple[Phrase, Phrase]:
        """The figure's phrase; a figure with no noun of its own ("rose 0.3% and 2.9% from a year
        earlier", "to a range of 4%-4.25%") shares the concept of the figure just before it."""
        phrase = read_phrase(sentence, lo, hi, others, relative)
        last = self._last
        self._last = (sentence, hi, phrase)
        names_only = phrase.concept is not None and _only_names(phrase)
        if names_only and entities_in(sentence, phrase.start, phrase.end):
            return phrase, phrase  # "the Dow gained 1.1%": a known index or company moves on its own
        if (
            phrase.concept is not None
            and not names_only
            and not _stance_only(phrase.concept)
            and phrase.concept not in _LIST_CLOSERS
            and not _YEAR_ONLY.fullmatch(phrase.concept)  # "and in 2024 to 3.2%": a year is no concept
        ):
            return phrase, phrase
        if last is None or last[0] != sentence or last[1] > lo or lo - last[1] > MAX_INHERIT_GAP:
            return phrase, phrase
        between = [w.lower() for s, e, w in tokens(sentence) if last[1] <= s and e <= lo]
        # a concept that only points at another figure ("its earlier forecast of 3.4%", "estimates of
        # $2.08") points across a clause word at the figure before it
        pointer = phrase.concept is not None and _stance_only(phrase.concept)
        # "down 10 percent from Q2 but up 25 percent from a year earlier": a bare move after "but"
        # is a move of the same measure
        joins = ("and", "but") if phrase.concept is None and phrase.change else ("and",)
        if (not pointer and any(w in words("clause") and w not in joins for w in between)) or not last[2].concept:
            return phrase, phrase
        prev = last[2]
        # "raise output by A in July and B in August": B, governed by nothing of its own, is a move too
        parallel = phrase.governor is None and "to" not in between and any(w in ("and", "or") for w in between)
        inherited = Phrase(
            concept=prev.concept,
            complement=prev.complement,
            governor=phrase.governor or prev.governor,
            change=phrase.change or (parallel and prev.change),
            direction=phrase.direction or (prev.direction if parallel else None),
            endpoint=phrase.endpoint,
            start=min(prev.start, phrase.start),
            end=max(phrase.end, hi),
            names=prev.names + phrase.names,
        )
        self._last = (sentence, hi, inherited)
        return inherited, phrase

    def _modifiers(
        self,
        rule: MetricRule | None,
        sentence: str,
        phrase: Phrase,
        own: Phrase,
        near: tuple[int, int],
        clause: tuple[int, int],
        change: bool,
        prior: bool,
    ) -> list[str]:
        """The qualifiers that make this figure a fact of its own. Tenor and core come from the
        figure's phrase; frequency, session and stance from its clause, up to the neighbouring
        figures; "prior" only from the figure's own words ("the prior tariff of 24%")."""
        vary = rule.vary if rule is not None else _EVERY_AXIS
        p = _patterns()
        text = sentence[phrase.start : phrase.end]
        mods: list[str] = []
        if "tenor" in vary:
            m = p["tenor"].search(text)
            if m:
                n = m.group("n").lower()
                mods.append(f"{_NUMBER_WORDS.get(n, n)}{_UNIT_ABBR[m.group('u').lower()]}")
        # core from the phrase or the words before it in its clause: "prices excluding food and energy rose"
        core = p["core"]
        if "core" in vary and (
            (_may_occur(core, sentence) and core.search(sentence, min(near[0], phrase.start), phrase.end))
            or _CORE_INTRO.match(sentence)
        ):
            mods.append("core")
        if "frequency" in vary:
            offset = min(near[0], own.start)
            around = sentence[offset : max(near[1], own.end)]
            labels = _sentence_frequencies(sentence)  # none: no label can match in the window
            freq = (
                _nearest_label(p["frequency"], around, own.start - offset, own.end - offset, sentence)
                if labels
                else None
            )
            if freq is None:
                # "On a monthly basis, the index rose 0.3%": a sentence's only frequency is its figures'
                freq = next(iter(labels)) if len(labels) == 1 else None
            if freq is None and rule is not None and rule.name == "cpi" and "inflation" in text.lower():
                freq = "yoy"  # "inflation of 2.9%" is an annual rate unless said otherwise
            if freq:
                mods.append(freq)
        if "session" in vary:
            whole = sentence[min(clause[0], own.start) : max(clause[1], own.end)]
            session = _nearest_label(p["session"], whole, 0, len(whole), sentence)
            if session:
                mods.append(session)
        if "change" in vary and change:
            mods.append("change")
        if "prior" in vary and (
            prior
            or _says_prior(sentence, own)
            or _earlier_count(rule, sentence, clause, own)
            or _UNTIL_OPENING.match(sentence) is not None  # "Until August, OPEC had kept its forecast at 2.25"
        ):
            mods.append("prior")
        if "stance" in vary:
            stance = _stance(rule, sentence, own, near, clause) or _option_not_taken(sentence, clause, own.start)
            if stance is not None:
                mods.append(stance)
        return mods

    def _subject(
        self,
        rule: MetricRule | None,
        sentence: str,
        lo: int,
        hi: int,
        phrase: Phrase,
        clause: tuple[int, int],
        others: tuple[tuple[int, int], ...] = (),
    ) -> str | None:
        if rule is not None and rule.subject:
            return rule.subject
        types = rule.subject_types if rule is not None else None
        respective = _respective_entity(sentence, (lo, hi), others, types)
        if respective is not None:
            return respective
        line = _product_line(sentence, clause[0], lo)
        if line is not None and (types is None or "company" in types):
            return line
        near = _nearest(sentence, entities_in(sentence, phrase.start, phrase.end), lo, hi, types)
        if near:
            return near
        name = subject_before(sentence, lo)
        if name and rule is not None and _names_measure(rule, name):
            name = None  # "The Consumer Price Index rose 0.1%": the measure, not who it is about
        if name and types is not None and lookup(name) is None and not entities_in(name):
            # "Friedrich Merz's CDU/CSU alliance won 28.5%": a name no entity of the rule's types is
            # gives way to one that is, in the clause
            typed = [e for e in entities_in(sentence, *clause) or entities_in(sentence) if e.type in types]
            if typed or _OPENING_WORD.fullmatch(sentence, 0, sentence.find(name) + len(name)):
                name = None  # "High voter turnout of 82.5%": a capitalised opening word is no name
        if name and _type_ok(name, types) and not _segment_only(name.lower()):  # "Transportation ... lost"
            return normalize_subject(name)
        for window in (clause, (0, len(sentence))):
            named = entities_in(sentence, *window)
            if types is not None and "party" in types and window[0] == 0:
                # a party's count: the sentence's subject before the figure, not a party named after
                # it in another clause, nor the bloc an appositive places it in ("The Congress, part
                # of the opposition INDIA bloc, won 99 seats")
                named = [
                    e
                    for e in named
                    if e.end <= lo and not _APPOSITIVE_BEFORE.search(sentence, max(0, e.start - VOTE_REACH), e.start)
                ]
            near = _nearest(sentence, named, lo, hi, types)
            if near:
                return near
        return self._antecedent(sentence, types) or self.subjects.main(types)

    def _antecedent(self, sentence: str, types: frozenset[str] | None) -> str | None:
        """ "The SPD came in third. It received 16.4% of the vote": a sentence opening with a
        pronoun is about the last entity (of the rule's types) named in the sentence before it."""
        if _PRONOUN_OPENING.match(sentence) is None:
            return None
        at = self.body.find(sentence)
        if at <= 0:
            return None
        before = self.body[max(0, at - ANTECEDENT_REACH) : at].rstrip()
        previous = before[before.rfind(". ", 0, len(before) - 1) + 1 :]
        named = [e for e in entities_in(previous) if _type_ok(e.name, types) and (types is None or e.type in types)]
        return named[-1].name if named else None

    def _attached_period(self, sentence: str, hi: int) -> str | None:
        """The period that follows the figure at once ("54.17 mln bpd in the next year"), if any."""
        return next(
            (
                f.period
                for f in find_periods(sentence, self.published, hi)
                if _ATTACHED.fullmatch(sentence, hi, f.start)
            ),
            None,
        )

    def _dated_at(self, sentence: str, hi: int) -> bool:
        """Whether a month or longer follows the figure at once ("down from 3.2% in October"): the
        figure's own period. A day ("to 2.90% from 2.65% on Thursday") dates the move, not the level."""
        return any(
            _ATTACHED.fullmatch(sentence, hi, f.start) and not _DAY_SHAPE.fullmatch(f.period)
            for f in find_periods(sentence, self.published, hi)
        )

    def _since_start(
        self, sentence: str, clause: tuple[int, int], lo: int, hi: int, others: tuple[tuple[int, int], ...]
    ) -> Found | None:
        """The start of the span a cumulative figure covers: "since September" in its clause, up to
        the figures on either side (not a superlative's frame, "the biggest since 1997")."""
        if "since" not in sentence and "Since" not in sentence:
            return None  # one substring test for the many sentences without the word
        start, end = _between_neighbours(clause, lo, hi, others)
        spans = [
            f
            for f in find_periods(sentence, self.published, start, end)
            if _since(sentence, f) == "span" and (f.end <= lo or _SINCE_RIGHT_AFTER.match(sentence, hi, f.start))
        ]
        return min(spans, key=lambda f: abs(f.start - hi)) if spans else None

    def _period(
        self,
        sentence: str,
        clause: tuple[int, int],
        grain: str,
        recent: bool = False,
        hi: int = 0,
        spans: tuple[int, tuple[tuple[int, int], ...]] | None = None,
    ) -> tuple[str | None, str | None]:
        """(the figure's period, the period its fact is keyed on at the metric's grain).

        Stated in the clause, else in the sentence; else the article's main period of the grain,
        or (`recent`: news of a decision) the published date's. `spans`: the figure's start and the
        other figures' spans; a period right after a figure ("648,000 bpd in August", "40 percent
        in 2019") is that figure's: its own wins, another figure's is not this one's."""
        stated = None
        # then the clauses before the figure's ("In September, prices rose 0.4%"); a period in a later
        # clause is another statement's ("..., back to the level it was in December 2022")
        for window in (clause, (0, clause[1])):
            found = [
                f
                for f in find_periods(sentence, self.published, *window)
                if not _is_base(sentence, hi, f, self.published)
                and not (f.base and f.end <= hi)  # "rose 0.4% from March and 2.8% ...": another's base
                and _since(sentence, f) is None
                and not (
                    spans is not None
                    and f.end <= spans[0]
                    and _RELATIVE_BEFORE.search(sentence, max(0, f.start - 40), f.start)
                )
            ]
            if spans is not None:
                owner = {
                    id(f): "own"
                    if _possessive_of(sentence, f, spans[0])
                    else _owner(sentence, f, (spans[0], hi), spans[1])
                    for f in found
                }
                own = [f for f in found if owner[id(f)] == "own"]
                found = own or [f for f in found if owner[id(f)] != "other"]
            stated = _pick(found, grain, (clause[0] + clause[1]) / 2, finer=recent)
            if stated is not None:
                break
        if grain == "none":
            return (stated.period if stated else None), None
        if stated is not None:
            keyed = at_grain(stated.period, grain) or stated.period
            if grain == "quarter":
                fiscal = self.periods.fiscal_quarter(keyed)  # "fourth-quarter revenue" of fiscal 2022
                if fiscal is None and self.periods.unended_quarter(keyed, sentence[stated.start : stated.end]):
                    return stated.period, f"{UNNAMED_FISCAL_YEAR}-Q{keyed[-1]}"  # another source names the year
                keyed = fiscal or keyed
            return stated.period, keyed
        default = None
        if recent and self.published is not None:
            default = at_grain(self.published.isoformat(), grain)
        default = default or self.periods.default(grain)
        if grain == "quarter" and default is not None and _IN_QUARTER_BEFORE.search(sentence, 0, clause[1]):
            default = quarter_before(default) or default  # "In the previous quarter, it built 479,700"
        if grain == "quarter" and default is not None:
            default = self.periods.fiscal_quarter(default) or default
        if default is None and grain == "month" and self.published is not None:
            default = self.published.strftime("%Y-%m")
        return default, default


_STANCE_ORDER = ("proposal", "target", "estimate", "guidance")  # the first of them a clause says wins


def _stance(
    rule: MetricRule | None, sentence: str, own: Phrase, near: tuple[int, int], clause: tuple[int, int]
) -> str | None:
    """The plan, target or estimate a figure's words make it (read only for metrics that `vary`
    by stance): stance words leftwards through the clause ("expects ... earnings of 77 to 82 cents
    a share on revenue of $84.5 million"), rightwards only up to the next figure."""
    p = _patterns()
    left_edge = min(clause[0], own.start)
    stance_text = sentence[left_edge : max(near[1], own.end)]
    plain = _blank(p["exempt"], _blank(p["frequency_any"], stance_text, sentence), sentence)
    said = _clause_words(_tokens_of(plain, stance_text, sentence, left_edge), own.start, own.end)
    # a stance word the rule itself is named by ("estimates" for a beat of estimates) is no stance
    own_terms = rule.signals if rule is not None else ()
    stance_of = stance_words()
    named = [w for w in said if w in stance_of and not any(t.fullmatch(w) for t in own_terms)]
    if named:  # a noun a number counts ("scored 41 goals") is what a figure counts, no stance of the clause
        counted = {noun.lower() for m in _NUMBER.finditer(stance_text) if (noun := counted_noun(stance_text, m.end()))}
        named = [w for w in named if w not in counted]
    stances = {stance_of[w] for w in named}
    if own.governor in stance_of:
        stances.add(stance_of[own.governor])
    return next((stance for stance in _STANCE_ORDER if stance in stances), None)


# a number that may count a noun after it; a year before a noun ("its 2023 forecast") counts nothing
_NUMBER = re.compile(r"(?<![\w.,])(?!(?:19|20)[0-9]{2}\b)[0-9][0-9,]*")


def _says_prior(sentence: str, own: Phrase) -> bool:
    """ "the prior tariff of 24%": a word of the prior stance among the figure's own words (read
    only when the grammar's reading does not already say the level is a prior one)."""
    own_text = sentence[own.start : own.end]
    own_words = _tokens_of(_blank(_patterns()["frequency_any"], own_text, sentence), own_text, sentence, own.start)
    stance_of = stance_words()
    return any(stance_of.get(w.lower()) == "prior" for _, _, w in own_words)


def _adjusted_before(sentence: str, lo: int, others: tuple[tuple[int, int], ...]) -> bool:
    """ "When excluding significant items, the net income stands at $13.1 billion", "underlying
    performance, when adjusted for these anomalies, reflected net income of $13.1 billion": a basis
    word before the figure, with no other figure and no reported/GAAP word between, sets its basis."""
    start = max([b for _, b in others if b <= lo], default=0)
    if not _ADJUSTED_FOLDED.search(ignorecase_fold(sentence[start:lo])):
        return False  # no basis word at all: the plain trie settles most figures (see _ADJUSTED_FOLDED)
    cue = None
    for m in _ADJUSTED.finditer(sentence, start, lo):
        cue = m
    return cue is not None and not _REPORTED.search(sentence, cue.end(), lo)


def _option_not_taken(sentence: str, clause: tuple[int, int], start: int) -> str | None:
    """ "Four members voted to raise rates to 5.5%", "kept it at 5.25%, rather than raise it to
    5.5%": what a minority voted for, or the option set aside, is a proposal, not the decision."""
    lo = min(clause[0], start)
    if _RATHER_THAN.search(sentence, max(lo, start - VOTE_REACH), start) or _MINORITY_VOTE.search(
        sentence, max(0, start - VOTE_REACH), start
    ):
        return "proposal"
    return None


def _earlier_count(rule: MetricRule | None, sentence: str, clause: tuple[int, int], own: Phrase) -> bool:
    """ "The previous toll announced on Saturday night indicated 2,012 dead", "The toll reported
    earlier today stated that 2,497 people were killed": a running count (a toll) that the sentence
    calls an earlier one, anywhere before the figure in its clause, is a prior count."""
    if rule is None or rule.name not in words("running_counts"):
        return False
    before = tokens_within(sentence, min(clause[0], own.start), own.start) or tokens(sentence[: own.start])
    stance_of = stance_words()
    return any(stance_of.get(w.lower()) == "prior" for _, _, w in before)


def _is_base(sentence: str, hi: int, found: Found, published: dt.date | None) -> bool:
    """A period after the figure and after "from"/"than"/...: what the figure is compared with
    ("rose 0.4% from August", "3.3% in September, up from 3.2% in August" for the 3.3%). "From"
    a time still ahead starts the figure's period instead ("137,000 barrels a day from October")."""
    if found.start < hi:
        return False
    words_between = {m.group().lower() for m in _BASE_WORDS.finditer(sentence, hi, found.start)}
    if words_between == {"from"} and published is not None:
        start = comparable_start(found.period.removeprefix("FY"))
        return start[:10] <= published.isoformat()[: len(start)]
    return bool(words_between)


def _segment(sentence: str, phrase: Phrase, own: Phrase, near: tuple[int, int]) -> str | None:
    """The segment of a whole the figure is about (words.yaml `segments`): named in its phrase or
    before it in its clause, up to the figure before; an introductory "In manufacturing," counts.
    A segment after an exclusion word ("excluding food and energy") is the part left out. The
    segment nearest the figure wins."""
    hits = _segment_hits(sentence)
    if not hits:
        return None
    pattern, canonical, _ = _segment_tables()
    start = min(near[0], own.start, phrase.start)
    windows = [(start, max(own.start, phrase.end, own.end))]
    intro = _INTRO.match(sentence)
    if intro is not None and intro.end() <= start:
        windows.append(intro.span("segment"))
    best: tuple[int, str] | None = None
    for lo, hi in windows:
        for a, b, name in hits:
            if lo <= a and b <= hi and (best is None or abs(own.start - b) < best[0]):
                best = (abs(own.start - b), name)
    if best is None:
        # "40,000 jobs were added in leisure and hospitality": "in" a segment that ends the clause
        after = max(own.end, phrase.end)
        tail = _SEGMENT_AT_END.search(sentence, after, max(after, near[1]))
        if tail is not None and tail.end() >= near[1] - 1:
            m = pattern.search(tail.group("segment"))
            best = (0, canonical[_SEGMENT_SPACE.sub(" ", m.group().lower())]) if m is not None else None
    return best[1] if best else None


def _annual_cue(sentence: str, clause: tuple[int, int], lo: int) -> bool:
    """Whether the figure's clause (or an opening "For its fiscal year,") says it is a whole year's."""
    if _ANNUAL.search(sentence, clause[0], lo) is not None:
        return True
    opening = _FOR_THE_YEAR.match(sentence)
    return opening is not None and opening.end() <= lo


def _named_segment(sentence: str, start: int, lo: int) -> str | None:
    """ "Apple's Services revenue was up 4.98%", "fourth-quarter iPhone net sales of $42.63
    billion": a name written before the revenue noun, in the figure's clause, that is no known
    entity, time word or acronym is a product line or segment of the company, never its total."""
    found = None
    for m in _NAMED_BEFORE_REVENUE.finditer(sentence, start, lo):
        name = m.group("name")
        opening = not sentence[: m.start()].strip(' -–—•*"“')
        if opening and not any(c.isupper() for c in name[1:]):
            continue  # "Services revenue rose" opening a sentence may be the headline's capital
        if entities_in(name) or name.lower() in words("time") or name.lower() in words("acronyms"):
            continue
        if name.lower() in _NOT_SEGMENT_NAMES:
            continue
        found = _SEGMENT_SPACE.sub("_", name.lower())
    return found


def _respective_entity(
    sentence: str, own: tuple[int, int], others: tuple[tuple[int, int], ...], types: frozenset[str] | None
) -> str | None:
    """ "The Greens and the Left Party were voted for by 11.6% and 8.8% of voters, respectively":
    the figures of a list closed by "respectively" pair, in order, with the entities named before it."""
    if "respectively" not in sentence:
        return None
    closing = _RESPECTIVELY.search(sentence, own[1])
    named = [e for e in entities_in(sentence, 0, own[0]) if types is None or e.type in types]
    if closing is None or not named:
        return None
    listed = sorted(s for s in {own, *others} if named[-1].end <= s[0] and s[1] <= closing.start())
    if len(listed) < 2 or len(listed) > len(named):
        return None
    return named[-len(listed) :][listed.index(own)].name


def _respective_segment(sentence: str, own: tuple[int, int], others: tuple[tuple[int, int], ...]) -> str | None:
    """ "the rates on A, B and C rise to 4.50%, 4.75% and 4.00% respectively": the figures of a list
    closed by "respectively" pair, in order, with the segments named before the list."""
    if "respectively" not in sentence:
        return None  # one substring test for the many sentences without the word
    closing = _RESPECTIVELY.search(sentence, own[1])
    hits = _segment_hits(sentence)
    before = [h for h in hits if h[1] <= own[0]]
    if closing is None or not before:
        return None
    listed = sorted(s for s in {own, *others} if before[-1][1] <= s[0] and s[1] <= closing.start())
    if len(listed) < 2 or len(listed) > len(before) or any(before[-1][1] <= h[0] < closing.start() for h in hits):
        return None
    return before[-len(listed) :][listed.index(own)][2]


def _segment_only(concept: str | None) -> bool:
    """ "social assistance" in "social assistance increased by 26,000": a concept that names a
    segment and nothing else, so the figure measures what its neighbour measures."""
    if not concept or not ignorecase_fold(concept).startswith(_segment_firsts()):
        return False  # a prefix test rules out most concepts before the case-insensitive alternation
    pattern, _, _ = _segment_tables()
    return pattern.fullmatch(_SECTOR_WORD.sub("", concept)) is not None


@cache
def _segment_firsts() -> tuple[str, ...]:
    """The first words of the segment phrases, in lower case: a segment opens with one of them."""
    _, canonical, _ = _segment_tables()
    return tuple(sorted({phrase.split()[0] for phrase in canonical}))


@lru_cache(maxsize=256)  # every figure of a sentence asks
def _segment_hits(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, segment name) of each segment the sentence names, excluded ones left out."""
    pattern, canonical, excluded = _segment_tables()
    if _segment_words().search(sentence.lower().replace("-", " ")) is None:
        return ()  # a trie over the lower-case text rules most sentences out (a superset of matches)
    segment_at, exclusion_at = _segment_starts()
    folded = ignorecase_fold(sentence)
    text = sentence
    if exclusion_at.search(folded) is not None:
        text = excluded.sub(lambda m: " " * len(m.group()), sentence)
        folded = ignorecase_fold(text)
    # the case-insensitive alternation is tried only where a phrase's first word opens, in order and
    # past the last match, as finditer tries it (it matches nowhere else)
    hits: list[tuple[int, int, str]] = []
    resume = 0
    for at in segment_at.finditer(folded):
        m = pattern.match(text, at.start()) if at.start() >= resume else None
        if m is not None:
            # folded as the match was made: "ſhelter" (long s) is shelter, where lower() kept no key
            hits.append((m.start(), m.end(), canonical[_SEGMENT_SPACE.sub(" ", ignorecase_fold(m.group()))]))
            resume = m.end()
    return tuple(hits)


@cache
def _segment_starts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a segment phrase and an excluded one may open, on folded text (ignorecase_fold): their
    first words in lower case after a word break, plain literals the engine skips to."""
    _, canonical, _ = _segment_tables()
    exclusions = {str(x).lower().split()[0] for x in table("words.yaml")["segment_exclusions"]}
    firsts = {phrase.split()[0] for phrase in canonical}
    return re.compile(trie_regex(firsts, not_after=r"\w")), re.compile(trie_regex(exclusions, not_after=r"\w"))


@cache
def _segment_words() -> re.Pattern[str]:
    """The segment phrases as one character trie, for lower-case text with hyphens as spaces."""
    _, canonical, _ = _segment_tables()
    return re.compile(trie_regex(canonical))


@cache
def _segment_tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """(a regex of every segment phrase, phrase -> segment name, a regex of excluded segments)."""
    w = table("words.yaml")
    canonical = {_SEGMENT_SPACE.sub(" ", str(p).lower()): name for name, ps in w["segments"].items() for p in ps}

    def spelled(p: str) -> str:
        return r"[\s-]+".join(map(re.escape, p.split()))

    phrases = sorted(canonical, key=len, reverse=True)
    any_segment = "|".join(spelled(p) for p in phrases)
    pattern = re.compile(rf"\b(?:{any_segment})\b", re.IGNORECASE)
    exclusions = "|".join(spelled(str(x)) for x in sorted(w["segment_exclusions"], key=len, reverse=True))
    one = rf"(?:(?:the|volatile|often-volatile|costs\s+of)\s+)*(?:{any_segment})"
    excluded = re.compile(rf"\b(?:{exclusions})\s+{one}(?:\s*(?:,|and|or)\s*{one})*\b", re.IGNORECASE)
    return pattern, canonical, excluded


def _revision(sentence: str, clause: tuple[int, int], lo: int) -> str | None:
    """ "revision" for the size of a revision ("July was revised down by 30,000"), "revised" for a
    revised level ("revised down by 30,000 to 157,000", "revised to 2.9%"): a revision word before
    the figure in its clause; None without one."""
    if "evis" not in sentence[clause[0] : lo]:
        return None  # every revision word holds "evis" ("Revised", "revision"): one substring test
    before = tokens_within(sentence, clause[0], lo) or tokens(sentence[clause[0] : lo])
    said = [w.lower() for _, _, w in before]
    if not any(w in words("revision") for w in said):
        return None
    return "revision" if said and said[-1] == "by" else "revised"


def _forecast_move(sentence: str, clause: tuple[int, int], lo: int) -> str | None:
    """ "cut its demand growth forecast by 70,000 bpd": a forecast moved by a figure is revised by
    that much ("revision"), whatever the measure; the figure is not a move of the measure itself."""
    before = tokens_within(sentence, clause[0], lo) or tokens(sentence[clause[0] : lo])
    said = [w.lower() for _, _, w in before]
    if len(said) < 3 or said[-1] != "by":
        return None
    if not any(w in words("forecast_nouns") for w in said) or not any(w in words("change") for w in said):
        return None
    return "revision"


def _names_measure(rule: MetricRule, name: str) -> bool:
    """Whether `name` is wholly one of the rule's own signal terms ("Consumer Price Index" for cpi)."""
    for pattern in rule.signals:
        m = pattern.search(name)
        if m is not None and m.start() == 0 and m.end() == len(name):
            return True
    return False


def _tier(sentence: str, start: int, lo: int, subject: str | None) -> str | None:
    """The model or tier a price is of, named between the figure before it and this one ("the base
    model at $799 and the Plus at $899"): a named tier ("Plus", "Pro Max") is the subject; a generic
    one ("the standard model") is the company's base model. Else `subject`."""
    found = None
    for m in _TIER.finditer(sentence, start, lo):
        found = m
    if found is None:
        return subject
    if found.group("name"):
        return found.group("name")
    return f"{subject} base" if subject else "base"


def _product_line(sentence: str, start: int, lo: int) -> str | None:
    """The product line named before the figure in its clause ("Its Camry sedan accounted for
    150,300 deliveries"): the last capitalised name right before a product class noun."""
    found = None
    for m in _product_line_pattern().finditer(sentence, start, lo):
        found = _LEADING_ARTICLE.sub("", m.group("name"))  # "The Cybertruck pickup": the line is "Cybertruck"
    return found or None


@cache
def _product_line_pattern() -> re.Pattern[str]:
    classes = "|".join(re.escape(str(w)) for w in words("product_classes"))
    return re.compile(rf"\b(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?)\s+(?:{classes})\b")


@cache
def _vetoes() -> dict[str, re.Pattern[str]]:
    """Per metric, the words that rule it out anywhere in a figure's clause (words.yaml `clause_vetoes`)."""
    return {
        name: re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b", re.IGNORECASE)
        for name, terms in table("words.yaml")["clause_vetoes"].items()
    }


def _vetoed(metric: str, sentence: str, clause: tuple[int, int]) -> bool:
    veto = _vetoes().get(metric)
    return veto is not None and veto.search(sentence, *clause) is not None


# The election words' stems as a plain trie for the folded body: every election word holds one, so
# a body whose folded text holds none is no write-up of a vote, settled by one case-sensitive scan
# instead of a case-insensitive alternation at every position of the body
_ELECTION_STEMS = re.compile(trie_regex(["elect", "vote", "ballot"]))


@lru_cache(maxsize=64)
def _election_body(body: str) -> bool:
    """Whether the document body holds an election word (asked by many figures of one document)."""
    folded = ignorecase_fold(body)
    if len(folded) != len(body):
        return _ELECTION_STEMS.search(folded) is not None and _ELECTION_WORDS.search(body) is not None
    # offsets carry over when folding keeps the length: an election word opens where a stem does
    # (the stems never overlap, so finditer meets each), and most stems open one ("vote" in "voted"
    # is no word: the body after it is not searched at every position again)
    return any(_ELECTION_WORDS.match(body, stem.start()) for stem in _ELECTION_STEMS.finditer(folded))


def _year_ago_base(sentence: str, lo: int, others: tuple[tuple[int, int], ...]) -> bool:
    """ "$20.72 billion, compared to $20.55 billion a year ago", "revenue of $90.1 billion ...
    compared to revenue of $83.4 billion ... in the year-ago quarter": a figure after a comparison
    marker that follows another figure, with a year-ago phrase after the marker, is the figure of
    the same period a year earlier."""
    if "ompared" not in sentence and "versus" not in sentence and "vs" not in sentence:
        return False  # one substring test for the many sentences without a marker
    marker = None
    for m in _COMPARED.finditer(sentence, max(0, lo - COMPARED_REACH), lo):
        marker = m
    if marker is None or not any(b <= marker.start() for _, b in others):
        return False
    return _YEAR_AGO.search(sentence, marker.end()) is not None


def _possessive_of(sentence: str, found: Found, lo: int) -> bool:
    """ "and next year's at 1.28 million bpd", "this year's forecast of 2%": a period in the
    possessive a few words before the figure is the figure's own."""
    return found.end <= lo and _POSSESSIVE_TO_FIGURE.fullmatch(sentence, found.end, lo) is not None


def _owner(sentence: str, found: Found, own: tuple[int, int], others: tuple[tuple[int, int], ...]) -> str | None:
    """ "own" / "other" when the period directly follows this figure / another one ("in August"
    after it, nothing but a preposition between); None when it follows no figure."""
    before = [span for span in (own, *others) if span[1] <= found.start]
    if not before:
        return None
    last = max(before, key=lambda span: span[1])
    if not _ATTACHED.fullmatch(sentence, last[1], found.start):
        return None
    return "own" if last == own else "other"


def _since(sentence: str, found: Found) -> str | None:
    """What a period framing a record or a count makes it: "frame" after a superlative or ordinal
    ("the biggest majority since 1997", "the first cut since December", "its third cut of 2024",
    "the second increase this year": the frame of a ranking, not the figure's period); "span" for
    "since" otherwise (the start of a cumulative figure's span, "has risen 20% since January");
    None for any other period. Neither a frame nor a span is the figure's own period."""
    m = _SINCE_BEFORE.search(sentence, max(0, found.start - SINCE_REACH), found.start)
    if m is not None:
        before = tokens_before(sentence, m.start())[-SUPERLATIVE_REACH:]
        return "frame" if any(w.lower() in words("superlative") for _, _, w in before) else "span"
    m = _RANKED_BEFORE.search(sentence, max(0, found.start - SINCE_REACH), found.start)
    relative = sentence[found.start : found.end].lower().startswith("this ")  # "this year"
    if m is None and not relative:
        return None
    before = tokens_before(sentence, m.start() if m is not None else found.start)[-SUPERLATIVE_REACH:]
    if not before or before[-1][2].lower() in words("time"):
        return None  # "the first half of 2024", "the second week of May": a period of its own
    return "frame" if any(w.lower() in words("superlative") for _, _, w in before) else None


def _pick(found: list[Found], grain: str, middle: float, finer: bool = False) -> Found | None:
    """The stated period for a metric of `grain`: its own grain first, then coarser ones (an
    annual figure beside monthly ones is another fact); finer ones (a release date for a monthly
    figure) are not its period. Nearest to the clause's middle wins."""
    if not found:
        return None
    if grain == "none":
        return min(found, key=lambda f: abs((f.start + f.end) / 2 - middle))
    order = _GRAIN_ORDER[grain]
    usable = [f for f in found if _GRAIN_ORDER[f.grain] >= order]
    if usable:
        return min(usable, key=lambda f: (_GRAIN_ORDER[f.grain] - order, abs((f.start + f.end) / 2 - middle)))
    if not finer:
        return None  # "said on Wednesday" dates a monthly figure's release, not the figure
    # only finer periods ("on Wednesday" for a monthly decision): the nearest, cut to the grain
    return min(found, key=lambda f: abs((f.start + f.end) / 2 - middle))


def _out_of_before(sentence: str, lo: int) -> bool:
    """Whether _OUT_OF ends at `lo`; searched only when the word before the figure is one the
    pattern ends with (most figures follow another word, which a split and a lookup rule out)."""
    window = sentence[max(0, lo - OUT_OF_WINDOW) : lo]
    last = window.split()[-1:] if window[-1:].isspace() else []
    if not last or last[0].lower() not in _OUT_OF_LAST:
        return False
    return _OUT_OF.search(sentence, max(0, lo - OUT_OF_WINDOW), lo) is not None


def _aside(sentence: str, opening: re.Match[str], closing: re.Match[str]) -> bool:
    """Two marks enclosing an aside: a pair of dashes, or commas around one aside word ("however")."""
    pair = opening.group() + closing.group()
    if pair in ("——", "––", "—–", "–—", "()"):
        return True
    inside = sentence[opening.end() : closing.start()].strip().lower()
    return pair == ",," and inside in words("asides")


def _clause(sentence: str, lo: int, hi: int) -> tuple[int, int]:
    """The clause holding sentence[lo:hi]: between the nearest clause breaks on either side."""
    marks = list(_CLAUSE_PUNCT.finditer(sentence, max(0, lo - 200), lo))
    while len(marks) >= 2 and _aside(sentence, marks[-2], marks[-1]):
        # "the federal funds rate — the rate banks charge each other — to a range of 4.25% to 4.5%",
        # "The rate of unemployment, however, was 3.8%": an aside does not end the clause
        marks = marks[:-2]
    start = marks[-1].end() if marks else 0
    stop = _CLAUSE_PUNCT.search(sentence, hi, min(len(sentence), hi + 200))
    return start, (stop.start() if stop else min(len(sentence), hi + 200))


def _stance_only(concept: str) -> bool:
    """ "average estimate", "consensus", "it": a concept that only points at another figure's."""
    vague = _vague_words()
    return all(w in vague for w in concept.split())


@cache
def _vague_words() -> frozenset[str]:
    return words("generic") | set(stance_words()) | {"average", "median", "consensus", "mean"}


@cache
def _clause_stops() -> frozenset[str]:
    return words("clause") | words("comparative") | {"ahead", "exceeding", "topping", "beating", "missing"}


@cache
def _not_content() -> frozenset[str]:
    """Words that never name an open-domain concept: links, change words, clause words, verbs."""
    return words("link") | words("change") | words("clause") | words("verbs") | stance_group("prior")


def _only_names(phrase: Phrase) -> bool:
    """ "Yaskawa Electric gaining 3.2%": the phrase names who, not what."""
    named = {w.lower() for w in phrase.names}
    return bool(named) and all(w in named for w in (phrase.concept or "").split())


def _names_alone(phrase: Phrase) -> bool:
    """ "the CDU/CSU comes to 31.2 percent": the phrase's words are names, its marks left aside."""
    named = {w.lower() for w in phrase.names}
    content = [w for w in (phrase.concept or "").split() if any(c.isalnum() for c in w)]
    return bool(named) and all(w in named for w in content)


def _tokens_of(window: str, text: str, sentence: str, start: int) -> tuple[tuple[int, int, str], ...]:
    """The tokens of `window`, the sentence's `text` at `start` or a copy of it with some words
    blanked, in sentence offsets: the sentence's own tokens (read once for all its figures) when
    the window is the text itself and no token crosses its edges, as then they are the same."""
    if window is text:
        inside = tokens_within(sentence, start, start + len(text))
        if inside is not None:
            return inside
    return tuple((s + start, e + start, w) for s, e, w in tokens(window))


def _clause_words(toks: tuple[tuple[int, int, str], ...], lo: int, hi: int) -> list[str]:
    """Lower-case words of the tokens in [lo, hi) and around them up to the nearest clause word on
    each side: "jumped 25% after the company gave an upbeat outlook" keeps the outlook out of the move."""
    out: list[str] = [w.lower() for s, e, w in toks if lo <= s and e <= hi]
    stop = _clause_stops()
    for _, _, w in reversed([t for t in toks if t[1] <= lo]):
        if w.lower() in stop:
            break
        out.append(w.lower())
    for _, _, w in (t for t in toks if t[0] >= hi):
        if w.lower() in stop:
            break
        out.append(w.lower())
    return out


def _in_frequency(sentence: str, lo: int, hi: int) -> bool:
    """True when sentence[lo:hi] lies inside a frequency phrase ("over the past 12 months")."""
    return any(a <= lo and hi <= b for a, b in _frequency_spans(sentence))


@lru_cache(maxsize=256)
def _frequency_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    pattern = _patterns()["frequency_any"]
    if not _occurs(pattern, sentence):
        return ()
    return tuple(m.span() for m in pattern.finditer(sentence))


@lru_cache(maxsize=256)
def _sentence_frequencies(sentence: str) -> frozenset[str]:
    """The frequency labels whose patterns occur in the sentence. Their alternatives together are
    `frequency_any`'s, so a sentence that holds none of its keywords holds no label's (one keyword
    scan instead of one per label)."""
    p = _patterns()
    if not _may_occur(p["frequency_any"], sentence):
        return frozenset()
    return frozenset(k for k, pat in p["frequency"].items() if _occurs(pat, sentence))


def _may_occur(pattern: re.Pattern[str], sentence: str) -> bool:
    """False when the keywords of `pattern` (see _compile_all) alone rule it out of the sentence."""
    keywords = _KEYWORDS_OF_ID.get(id(pattern))
    return keywords is None or keywords[0].search(_folded(sentence)) is not None


def _occurs(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether `pattern` occurs in the sentence at all: every window of it is a substring, so a
    pattern absent from the sentence need not be searched in each figure's window again."""
    if pattern is _patterns()["frequency_any"]:
        return bool(_sentence_frequencies(sentence))  # its alternatives are the labels' together
    return _occurs_by_id(id(pattern), sentence)


@lru_cache(maxsize=1024)
def _occurs_by_id(pattern_id: int, sentence: str) -> bool:
    # by id: hashing a compiled pattern hashes its whole program; the patterns are _patterns()',
    # alive for the process, so an id is never another pattern's
    keywords = _KEYWORDS_OF_ID.get(pattern_id)
    if keywords is not None:
        folded = _folded(sentence)
        if keywords[0].search(folded) is None:
            return False
        if not any(all(any(s in folded for s in c) for c in conds) for conds in keywords[1]):
            return False
    return _PATTERN_OF_ID[pattern_id].search(sentence) is not None


_LAST_FOLDED: list[tuple[str, str]] = [("", "")]  # (the sentence folded last, its folded text)


def _folded(sentence: str) -> str:
    """The sentence as re.IGNORECASE compares its characters (ignorecase_fold), kept for the same
    string object only: the patterns of one figure ask in turn, and another document's equal
    sentence is another object, so no text is remembered across documents. One tuple in one slot,
    so a thread never reads one sentence's text for another's."""
    last = _LAST_FOLDED[0]
    if last[0] is not sentence:
        last = _LAST_FOLDED[0] = (sentence, ignorecase_fold(sentence))
    return last[1]


def _blank(pattern: re.Pattern[str], text: str, sentence: str) -> str:
    """`text` (a window of `sentence`) with each match of `pattern` replaced by one space."""
    return pattern.sub(" ", text) if _occurs(pattern, sentence) else text


def _nearest_label(patterns: dict[str, re.Pattern[str]], text: str, lo: int, hi: int, sentence: str) -> str | None:
    """The label whose pattern matches `text` (a window of `sentence`) closest to text[lo:hi]."""
    best: tuple[int, str] | None = None
    for label, pattern in patterns.items():
        if not _occurs(pattern, sentence):
            continue
        for m in pattern.finditer(text):
            gap = max(0, lo - m.end(), m.start() - hi)
            if best is None or gap < best[0]:
                best = (gap, label)
    return best[1] if best else None


def _between_neighbours(
    clause: tuple[int, int], lo: int, hi: int, others: tuple[tuple[int, int], ...]
) -> tuple[int, int]:
    """The figure's clause, cut at the figures on either side: their words are theirs."""
    start, end = clause
    for a, b in others:
        if b <= lo:
            start = max(start, b)
        elif a >= hi:
            end = min(end, a)
    return start, end


def _is_tenor(sentence: str, hi: int, kind: str, raw: str | None = None) -> bool:
    """ "10-year" in "the 10-year note": a tenor qualifying the next noun, not a figure's fact."""
    if kind != "duration" or (raw is not None and not _TENOR_SHAPE.fullmatch(raw)):
        return False
    after = [w.lower() for _, _, w in tokens_after(sentence, hi)[:2]]
    return bool(after) and any(w in words("tenor_nouns") for w in after)


def _is_probability(phrase: Phrase) -> bool:
    concept = (phrase.concept or "").split()
    return bool(concept) and stance_words().get(concept[-1]) == "probability"


def _type_ok(name: str, types: frozenset[str] | None) -> bool:
    if any(w.lower() in words("acronyms") for w in name.split()):
        return False  # "the core CPI climbed": a measure, not who it is about
    if types is None:
        return True
    hits = entities_in(name)
    if hits:
        return hits[-1].type in types
    # a name the alias table does not know may be any entity ("Vietnam’s 20% tariff"): better it
    # than the article's main entity, which would merge two countries' figures
    return lookup(name) is None


def _nearest(sentence: str, found: list, lo: int, hi: int, types: frozenset[str] | None) -> str | None:
    """The entity closest to the figure, an entity governed by a preposition ("with U.S. forces",
    "invest in the US") only when no other is there; "on" is kept ("a tariff on Japanese cars")."""
    fit = [e for e in found if types is None or e.type in types]
    if not fit:
        return None

    def rank(e: Any) -> tuple[bool, int]:
        before = _WORD_BEFORE.search(sentence, max(0, e.start - 12), e.start)
        governed = before is not None and before.group(1).lower() in _DEMOTING_PREPOSITIONS
        return governed, min(abs(lo - e.end), abs(e.start - hi))

    return min(fit, key=rank).name


def _noun_like(w: str) -> bool:
    """Adverbs ("gracefully"), gerunds ("accelerating") and possessives are no concept's head."""
    if w.endswith(("’s", "'s", "ly")) or w in ("not", "no", "never"):
        return False
    return not w.endswith("ing") or w in words("ing_nouns")


def _only_frequency(text: str) -> bool:
    """Whether `text` is nothing but a frequency phrase ("year over year", "month-over-month")."""
    pattern = _patterns()["frequency_any"]
    keywords = _KEYWORDS_OF_ID.get(id(pattern))
    if keywords is not None and keywords[0].search(ignorecase_fold(text)) is None:
        return False  # no keyword of any alternative: one scan instead of the alternation at every position
    m = pattern.search(text)
    return m is not None and not text[: m.start()].strip() and not text[m.end() :].strip()


def _open_metric(phrase: Phrase, kind: str, unit: str, dimension: str | None) -> str | None:
    """An open-domain metric: the concept's content words and the unit's dimension."""
    if _only_names(phrase):
        return None
    skip = _not_content()
    for candidate in (phrase.concept, phrase.complement):
        if not candidate or _only_frequency(candidate):
            continue  # "(up 20 percent year-over-year)": how often, not what
        content = [w for w in candidate.split() if w not in skip and not w[0].isdigit() and _noun_like(w)]
        if content and content[-1] not in words("generic"):
            dim = {"money": "money", "count": "count", "duration": "duration", "ratio": "ratio"}.get(kind)
            if kind == "percent":
                dim = _PERCENT_DIMENSION.get(unit, unit)
            if kind == "quantity":
                dim = dimension or unit
            if dim is None:
                return None
            slug = "_".join(re.sub(r"[^\w&]+", "_", w).strip("_") for w in content[-MAX_SLUG_WORDS:])
            return f"{slug}.{dim}" if slug else None
    return None
