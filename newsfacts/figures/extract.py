"""extract_figures: every numeric figure in a document body, typed, normalised and tied to a metric.

Two linear scans find candidate numbers (digits; number words), then each candidate is read left to
right: the amount glued to it, a range it opens, the qualifier before it, and whether a bare number
is a year, a count or nothing at all. A candidate swallowed by an earlier figure is skipped, so
figures never overlap and each character is examined a bounded number of times.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

from newsfacts.facts.key import NO_FACT, Fact, FactReader
from newsfacts.facts.tables import table
from newsfacts.facts.trie import trie_regex
from newsfacts.figures import grammar as g
from newsfacts.figures.amounts import Amount, number_at, read_amount, scaled_letter_before, unit_in_context
from newsfacts.figures.catalog import MetricCatalog, ignorecase_fold, load_catalog
from newsfacts.figures.context import (
    is_enumerator,
    is_label_or_name,
    is_sentence_start,
    left_attachment,
    masked_end,
    month_before,
    name_chain_end,
    sentence_bounds,
    word_before,
)
from newsfacts.figures.counts import counted_noun, numeral_counts, singular_noun, spelled_counts
from newsfacts.figures.lexicon import (
    CHANGE_FILLERS,
    CHANGE_NOUNS,
    CHANGE_WORDS,
    COUNT_QUALIFIER_WORDS,
    COUNT_VERBS,
    CURRENCY_WORDS,
    DOWN_WORDS,
    DURATION_UNITS,
    FUNCTION_WORDS,
    LABEL_WORDS,
    LEVEL_PREPOSITIONS,
    LEVEL_WORDS,
    MONTHS,
    NOT_NOUNS,
    OFF_MOVE_AFTER,
    OUTPUT_PERIODS,
    OUTPUT_VERBS,
    PEAK_WORDS,
    PER_ABBREVIATIONS,
    PER_ADVERBS,
    PER_SYNONYMS,
    PERIOD_ORDINALS,
    RANGE_WORDS,
    RESULT_NOUNS,
    TIMES_CUES,
    UP_NOUNS,
    UP_WORDS,
    WEEKDAYS,
    is_plural_noun,
)
from newsfacts.figures.model import VALUE_RANGES, Figure
from newsfacts.figures.numbers import (
    COMPARATIVE_MULTIPLIERS,
    FOLD_WORDS,
    FRACTION_NOUNS,
    MULTIPLIER_WORDS,
    SCALE_WORDS,
    SMALL_WORDS,
    is_year_like,
    parse_numeral,
    parse_spelled,
)
from newsfacts.figures.qualifiers import bounds, qualifier_before
from newsfacts.figures.ranges import Range, endpoint_index, last_content_word, read_range, words_before
from newsfacts.figures.units import DIMENSION_OF, GLUED, SYMBOLS
from newsfacts.figures.units import NAMES as UNIT_NAMES
from newsfacts.sentences import MAX_BODY_CHARS, sentence_at, sentences_at

NAMES_OR_SYMBOLS: dict[str, str] = {name: canon for name, (canon, _dim) in UNIT_NAMES.items()}

# At most this many figures are read from one body. A news article has a few hundred at most; past
# this the "article" is a number dump, and since every figure row stores its sentence (up to
# `sentences.MAX_SENTENCE_CHARS`), a megabyte of "5% 5% 5% ..." would otherwise become hundreds of
# megabytes of figures. Stored sentence text per document stays below MAX_FIGURES x 2,000 chars.
MAX_FIGURES = 5000
# A sentence holding more figures than this is a table or a dump: its figures get no fact (reading
# each one's phrase against all its neighbours would be quadratic in the sentence).
MAX_FACT_FIGURES_PER_SENTENCE = 40


@dataclass(slots=True)
class Found:
    """A figure in body coordinates, before sentence, metric and subject are attached."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    per_unit: str | None = None
    direction: str | None = None
    endpoint: str | None = None
    dimension: str | None = None
    noun: str | None = None  # the noun a count counts ("412 seats" -> seats), for the fact layer
    part: bool = False  # a part of a counted whole ("412 of the 650 seats"): its noun is its concept


def extract_figures(
    text: str,
    body_start: int = 0,
    body_end: int | None = None,
    catalog: MetricCatalog | None = None,
    published_date: datetime.date | None = None,
) -> list[Figure]:
    """Figures in text[body_start:body_end], with offsets into the full `text`.

    `published_date` anchors relative periods ("last month", "on Wednesday") of the figures' facts.
    """
    end = len(text) if body_end is None else max(0, min(body_end, len(text)))
    start = max(0, min(body_start, end))
    end = min(end, start + MAX_BODY_CHARS)
    body = text[start:end]
    found = scan(body)
    if not found:
        return []
    catalog = catalog if catalog is not None else load_catalog()
    sentences = sentences_at(text, start, end, (f.start + start for f in found))
    cache: dict = {}
    facts = FactReader(catalog, text, start, end, published_date)
    located = [(f, sentence_at(sentences, f.start + start)) for f in found]
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for f, sent in located:
        by_sentence.setdefault(id(sent), []).append((f.start + start, f.end + start))
    figures = []
    for f, sent in located:
        lo, hi = f.start + start, f.end + start
        # a figure cut by a forced sentence break (see sentences.MAX_SENTENCE_CHARS) stands alone
        s_text, s_start = (sent.text, sent.start) if sent and hi <= sent.end else (text[lo:hi], lo)
        spans = by_sentence[id(sent)]
        fact = NO_FACT  # a table or a number dump: no figure has a phrase of its own
        if len(spans) <= MAX_FACT_FIGURES_PER_SENTENCE:
            others = tuple((a - s_start, b - s_start) for a, b in spans if (a, b) != (lo, hi))
            # "ranged from 2% to 3%": the "from" opens the range itself; "cut the range from
            # 4.25%-4.5% to 4%-4.25%": it marks the range the move starts at
            opens = f.qualifier == "range" and g.TO_NUMBER_AFTER.match(text, hi) is None
            fact = facts.read(f, s_text, lo - s_start, hi - s_start, others, cache, from_opens_range=opens)
        figures.append(_to_figure(text, f, lo, hi, s_text, fact))
    return figures


def _to_figure(text: str, f: Found, lo: int, hi: int, sentence: str, fact: Fact) -> Figure:
    """The figure row: what the grammar read, in text offsets, with its sentence and fact (the
    grammar's readings under their own names, passed one by one: no dict built per figure)."""
    return Figure(
        char_start=lo,
        char_end=hi,
        raw_text=text[lo:hi],
        value_low=f.low,
        value_high=f.high,
        metric=fact.metric,
        subject=fact.subject,
        sentence=sentence,
        concept=fact.concept or (f.noun.lower() if f.noun else None),
        period=fact.period,
        fact_key=fact.fact_key,
        kind=f.kind,
        value=f.value,
        unit=f.unit,
        qualifier=f.qualifier,
        per_unit=f.per_unit,
        direction=f.direction,
        endpoint=f.endpoint,
        dimension=f.dimension,
    )


def scan(body: str) -> list[Found]:
    """All figures in `body`, in order, offsets relative to `body`."""
    # digit and word candidates never start at one offset, so plain tuple order is text order
    classes = g.classes_of(body)
    candidates = g.numeral_candidates(body, classes)
    candidates += g.word_candidates(body, classes)
    candidates.sort()
    out: list[Found] = []
    done = 0
    for s, e, group in candidates:
        if s < done:
            continue
        found, skip = _numeral(body, s, e) if not group else _word(body, s, e, group)
        prev = out[-1] if out else None
        if found is None and not group and prev is not None and prev.direction is not None:
            found = _level_after_change(body, s, e, prev)
        elif found is None and not group and prev is not None and prev.unit == "point" and _index_sentence(body, s):
            found = _level_after_change(body, s, e, prev)  # "the Index's gain of 26.11 points to 3,436.59"
        if found is not None and not group and found.kind == "count" and found.noun is None and _after_points(out):
            level = _level_after_change(body, s, e, out[-1])
            if level is not None and (level.start, level.end) == (found.start, found.end):
                found = level  # "was down 84 points, or 0.15%, to 56,975": the level, not a count
        if found is None and group in ("", "word") and prev is not None and prev.kind == "count":
            found = _count_in_list(body, s, e, group, prev)
        if found is None and not group and prev is not None and prev.kind == "count":
            found = _whole_after_count(body, s, e, prev)
        if found is None and not group and prev is not None and prev.kind == "count" and prev.noun:
            found = _count_after_a_verb_again(body, s, e, out) or _count_more_than(body, s, e, prev)
        if found is None and not group and prev is not None and (prev.kind == "quantity" or prev.noun):
            found = _gapped(body, s, e, prev)
        if found is not None and prev is not None and found.start < prev.end:
            found = None  # a mark both figures claim ("5USD10"): the first keeps it
        if found is not None and prev is not None and found.kind == "count" and prev.kind in ("quantity", "money"):
            _carry_unit(body, found, prev)
        if found is not None and prev is not None and found.noun == "times" and prev.kind == "ratio":
            _carry_ratio(body, found, prev)
        if found is not None and prev is not None and prev.direction is not None and found.unit == "point":
            level = _level_after_change(body, s, e, prev) if found.endpoint is None else None
            if level is not None and level.start == found.start:
                found.endpoint = level.endpoint  # "lost 1.44 points and closed at 12,981.51"
        if found is not None and _sane(found):
            _annotate(body, found)
            if (
                found.direction is None
                and prev is not None
                and prev.direction is not None
                and found.kind != prev.kind
                and g.OR_BEFORE.search(body, max(0, found.start - 16), found.start)
            ):
                found.direction = prev.direction  # "fell 25 points, or 1 percent"
            out.append(found)
            if len(out) >= MAX_FIGURES:
                break
            skip = max(skip, found.end)
        done = max(done, skip, e)
    return out


def _after_points(out: list[Found]) -> bool:
    """Does the last figure state a change in index points ("fell 84 points"), or the percent that
    restates one ("fell 84 points, or 0.15%")?"""
    if not out or out[-1].direction is None:
        return False
    last = out[-1]
    return last.unit == "point" or (last.kind == "percent" and len(out) > 1 and out[-2].unit == "point")


def _level_after_change(body: str, s: int, e: int, prev: Found) -> Found | None:
    """A bare number right after a stated change of an index ("fell 1.8% to 4,577.11", "lost 193
    points to close at 24,706.41") is the level the index reached, in index points."""
    if prev.kind not in ("percent", "quantity") or (prev.kind == "quantity" and prev.unit != "point"):
        return None
    if s - prev.end > 40 or "\n" in body[prev.end : s]:
        return None
    m = g.LEVEL_BEFORE.search(body, max(0, s - 40), s)
    if m is None:
        return None
    amt, _ = read_amount(body, s, e, False)
    if amt is None or not amt.bare or _is_year(amt) or counted_noun(body, amt.end) is not None:
        return None
    if prev.unit == "percentage_point":  # "cut its rate by half a point to 4.75": the rate's level
        return _single(s, amt.end, "percent", "percent", amt.value, "exact")
    found = _single(s, amt.end, "quantity", "point", amt.value, "exact")
    found.dimension = DIMENSION_OF["point"]
    found.endpoint = "to" if m.group("word").lower() == "to" or prev.direction else None
    return found


def _carry_unit(body: str, found: Found, prev: Found) -> None:
    """A scaled number with no noun after an amount in the same clause takes the amount's unit: "4.4
    billion bushels, up 270 million from last year", "raised $5bn, 300 million more than planned"."""
    if found.noun is not None or found.part or found.start - prev.end > 100:
        return
    if (
        g.LIST_BREAK.search(body, prev.end, found.start) is not None
        or g.SCALE.search(body, found.start, found.end) is None
    ):
        return
    found.kind, found.unit, found.dimension = prev.kind, prev.unit, prev.dimension


def _carry_ratio(body: str, found: Found, prev: Found) -> None:
    """ "N times" after a multiplier in the same clause compares like it: "17 to 39 times as much
    as they use, against 16 times for nuclear and 11 times for coal"."""
    if found.start - prev.end > 100 or g.LIST_BREAK.search(body, prev.end, found.start) is not None:
        return
    times = g.TIMES.match(body, found.end)
    if times is None:
        return
    found.end, found.kind, found.unit, found.noun = times.end(), "ratio", "times", None


def _whole_after_count(body: str, s: int, e: int, prev: Found) -> Found | None:
    """The whole a count is part of, after "out of" ("at least 50 seats out of 75 available",
    "1,905,960 voters have cast their ballots out of total 3,465,736"), the forecast of the count
    ("rose by 161,000, compared with the median estimate for 198,000"), or the count it is compared
    with ("300 workers, compared with 250 a year earlier", "306 electoral votes to Clinton's 232"): a
    count of the same noun."""
    if s - prev.end > 90 or g.LIST_BREAK.search(body, prev.end, s) is not None:
        return None
    window = max(0, s - 32)
    other = g.ESTIMATE_BEFORE.search(body, window, s) or g.COMPARED_BEFORE.search(body, window, s)
    if other is None and body[s - 2 : s - 1] in ("s", "'", "’"):
        other = g.RIVAL_POSSESSIVE_BEFORE.search(body, max(0, s - 60), s)
    if g.OUT_OF_BEFORE.search(body, max(0, s - 24), s) is None and other is None:
        return None
    amt, _ = read_amount(body, s, e, False)
    if amt is None or not amt.bare or "." in amt.token or _is_year(amt) or prev.value is None:
        return None
    if amt.value < prev.value and other is None:
        return None  # a whole is no smaller than its part (a forecast or a compared count may be)
    found = _single(s, amt.end, "count", "count", amt.value, "exact")
    found.noun = prev.noun
    return found


def _count_in_list(body: str, s: int, e: int, group: str, prev: Found) -> Found | None:
    """A bare number listed after a count, sharing its noun: "151 patients have recovered, 127 from
    home care & 24 from hospitals", "50 dead (8 U.S., 10 Cuba)", "five injuries (three in Decatur; two
    in Talladega)", "120,359 of whom 87,528 are from home care"."""
    if s - prev.end > 120 or g.LIST_BREAK.search(body, prev.end, s) is not None:
        return None
    if g.LIST_ITEM_BEFORE.search(body, max(prev.end, s - 12), s) is None:
        return None
    if group:
        m = g.SPELLED.match(body, s)
        if m is None:
            return None
        amt, _ = read_amount(body, s, m.end(), True)
    else:
        amt, _ = read_amount(body, s, e, False)
    if amt is None or not amt.bare or amt.scale is not None or "." in amt.token or _is_year(amt):
        return None
    if (amt.spelled and amt.value < 2) or amt.start != s:
        return None
    after = g.LIST_ITEM_AFTER.match(body, amt.end)
    if after is None or (after.group("name") or "") in MONTHS or (after.group("name") or "") in WEEKDAYS:
        return None
    if amt.spelled and not after.group().strip(g.INLINE_SPACES)[:1].isalpha():
        return None  # a spelled item says where or what it is ("three in Decatur"): "& forty," is a numeral's tail
    start, value = _signed(body, s, amt.value)
    found = _single(start, amt.end, "count", "count", value, "exact")
    found.noun = prev.noun
    return found


def _count_after_same_verb(body: str, s: int, e: int, prev: Found) -> Found | None:
    """A bare number after the verb that took a count earlier in the sentence counts the same noun:
    "Macri won 12,988,349 votes, while Scioli won 12,309,575", "it sold 300 cars and its rival sold 250"."""
    if s - prev.end > 120 or g.LIST_BREAK.search(body, prev.end, s) is not None:
        return None
    words, prev_words = words_before(body, s), words_before(body, prev.start)
    if not words or not prev_words or words[-1] != prev_words[-1]:
        return None
    verb = words[-1]
    if len(verb) < 3 or not verb.isalpha() or verb in FUNCTION_WORDS or verb in COUNT_QUALIFIER_WORDS:
        return None
    amt, _ = read_amount(body, s, e, False)
    if amt is None or not amt.bare or "." in amt.token or _is_year(amt) or counted_noun(body, amt.end) is not None:
        return None
    found = _single(s, amt.end, "count", "count", amt.value, "exact")
    found.noun = prev.noun
    return found


def _count_after_a_verb_again(body: str, s: int, e: int, out: list[Found]) -> Found | None:
    """`_count_after_same_verb` of the last count or the one before it, whose verb a gapped count
    left out: "Ford sold 2,000 trucks and Toyota 1,850, while Honda sold 900"."""
    for earlier in out[: -SAME_VERB_LOOKBACK - 1 : -1]:
        found = _count_after_same_verb(body, s, e, earlier) if earlier.kind == "count" and earlier.noun else None
        if found is not None:
            return found
    return None


def _gapped(body: str, s: int, e: int, prev: Found) -> Found | None:
    """A bare number after "and <name>" with its verb and unit left out, at a clause's end, is
    measured as the figure before it: "Labour won 412 seats and the Conservatives 121", "the Dow
    fell 300 points and the Nasdaq 120" (a gapped clause)."""
    if s - prev.end > GAP_REACH:
        return None
    between = body[prev.end : s]
    if g.LIST_BREAK.search(between) or any(c.isdigit() for c in between) or not g.GAPPED_BEFORE.search(between):
        return None
    amt, _ = read_amount(body, s, e, False)
    if amt is None or not amt.bare or amt.start != s or _is_year(amt) or ("." in amt.token and prev.kind == "count"):
        return None
    if not g.GAPPED_AFTER.match(body, amt.end) or not _comparable(amt.value, prev.value):
        return None
    before = word_before(body, s)
    if (before or "").lower() in LABEL_WORDS or _names_an_index(body, s, amt.end):
        return None  # "and the Model 3", "and the Nasdaq 100": a name with a number, no gapped figure
    found = _single(s, amt.end, prev.kind, prev.unit, amt.value, qualifier_before(body, s) or "exact")
    found.noun, found.dimension = prev.noun, prev.dimension
    found.direction = prev.direction if prev.endpoint is None else None
    return found


def _names_an_index(body: str, s: int, e: int) -> bool:
    """Whether the number at body[s:e] ends an index's name ("the Nasdaq 100", "the FTSE 100")."""
    window = body[max(0, s - INDEX_NAME_CHARS) : e]
    names = _index_names()
    return any(names.fullmatch(window, m.start()) for m in _WORD_START.finditer(window))


INDEX_NAME_CHARS = 30  # the longest index name with a number ("S&P/ASX 200", "Euro Stoxx 50") fits
_WORD_START = re.compile(r"\b\w")


def _comparable(value: float, other: float | None) -> bool:
    """Parallel figures of one measure are of a size: "412 seats and the Conservatives 121", not
    "900 cars and the Series 7" (a name's number)."""
    if other is None or value <= 0 or other <= 0:
        return other is not None
    return max(value, other) / min(value, other) <= GAP_MAGNITUDE


GAP_MAGNITUDE = 50  # how many times larger one of two gapped figures may be than the other
SAME_VERB_LOOKBACK = 2  # figures back to the count whose verb a bare number repeats
GAP_REACH = 80  # characters from the figure before to a gapped one: "and the Conservatives" is short


def _count_more_than(body: str, s: int, e: int, prev: Found) -> Found | None:
    """A bare number before "more than" / "fewer than" after a count in the same sentence counts the
    same noun: "314 hospital admissions were reported, about 70 more than the previous week"."""
    if g.MORE_THAN_AFTER.match(body, e) is None:  # first, since most numbers are followed by no comparison
        return None
    if s - prev.end > 120 or g.LIST_BREAK.search(body, prev.end, s) is not None:
        return None
    amt, _ = read_amount(body, s, e, False)
    if amt is None or not amt.bare or "." in amt.token or _is_year(amt) or amt.start != s or amt.end != e:
        return None
    found = _single(s, amt.end, "count", "count", amt.value, qualifier_before(body, s) or "exact")
    found.noun = prev.noun
    return found


def _sane(f: Found) -> bool:
    low, high = VALUE_RANGES[f.kind]
    value, lo, hi = f.value, f.low, f.high  # three tests in line: no generator per figure
    return (
        (value is None or low <= value <= high)
        and (lo is None or low <= lo <= high)
        and (hi is None or low <= hi <= high)
    )


def _numeral(body: str, s: int, e: int) -> tuple[Found | None, int]:
    """A digit candidate: rejected early when it is glued to a name, a stamp or a list marker."""
    masked = masked_end(body, s)
    if masked is not None:
        return None, masked
    attach = left_attachment(body, s)
    if attach == "name" and _glued_currency(body, s, e):
        attach = "free"  # "USD10m", "RM79", "Rp10,000": a currency mark, not a name
    if attach == "name" and body[s - 1] == "." and _leading_decimal(body, s):
        s, attach = s - 1, "free"  # ".001 per cent"
    end = s + len(body[s:e].rstrip(".,"))
    if attach == "name" and body[s - 1] == "/" and _slash_alternatives(body, _digits_start(body, s - 1)):
        attach = "free"  # the second of "16/32 GB"
    if attach == "name" and body[s - 1] == "/" and _unit_before_slash(body, s):
        attach = "free"  # the second of "6GB/128GB": two measures side by side, each with its unit
    if attach == "name" and body[s - 1] in "-–" and _descending_pair(body, _digits_start(body, s - 1)):
        attach = "free"  # the second share of "won 51-47%"
    if attach == "name":
        letters = g.LETTERS.match(body, end)
        return None, name_chain_end(body, letters.end() if letters else end)
    nxt = body[end : end + 1]  # the patterns below open with one of a few marks: skip them otherwise
    to_one = g.TO_ONE.match(body, end) if nxt and nxt in _TO_ONE_OPENERS else None
    if to_one and (body[end] == "-" or g.RATIO_OF_BEFORE.search(body, max(0, s - RATIO_REACH), s)):
        value = parse_numeral(body[s:end])
        if value is not None and value > 1:  # "a 2-to-1 margin", "a ratio of 3:1"
            return _single(s, to_one.end(), "ratio", "times", value, "exact"), to_one.end()
    alt = _slash_alternatives(body, s) if nxt == "/" else None
    if alt is not None:  # "RAM: 2/3 GB": the first value takes the unit written after the second
        measure = _measure(alt.currency, alt.unit)
        value = parse_numeral(body[s:end])
        if measure is not None and value is not None:
            kind, unit, factor = measure
            found = _single(s, end, kind, unit, value * (alt.scale or 1.0) * alt.factor * factor, "exact")
            found.dimension = DIMENSION_OF.get(unit) if kind == "quantity" else None
            return found, end
    frac = g.SLASH_FRACTION.match(body, end) if nxt == "/" else None
    if frac and body[s:end].isdigit() and int(body[s:end]) < int(frac.group("den")):
        share = int(body[s:end]) / int(frac.group("den"))
        amt, skip = read_amount(body, s, frac.end(), False, number=share)
        if amt is not None and amt.bare and body.startswith(" of ", frac.end()):
            # "1/4 of adults": a share, as "a quarter of"
            return _single(s, frac.end(), "ratio", "times", share, qualifier_before(body, s) or "exact"), frac.end()
        if amt is None or amt.bare:
            return None, max(skip, frac.end())
        return _figure(body, amt)
    stamp = g.STAMP_TAIL.match(body, end) if nxt and nxt in _STAMP_OPENERS else None
    race = g.RACE_TIME.match(body, s) if stamp and nxt == ":" and attach == "free" else None
    if race is not None:  # "a 2:02:57 marathon": hours, minutes and seconds, in seconds
        mins, secs = race.group("m") or race.group("mm"), race.group("s") or race.group("ss")
        seconds = int(race.group("h") or 0) * 3600 + int(mins) * 60 + float(secs)
        return _single(s, race.end(), "duration", "second", seconds, qualifier_before(body, s) or "exact"), race.end()
    if stamp:
        return None, stamp.end()  # "2025-11-13", "555-123-4567", "12:00", "11/13/2025"
    if is_enumerator(body, s, end) and not _bracketed_age(body, s, end):
        if _bracketed_list_count(body, s, end):
            return _single(s, end, "count", "count", float(body[s:end]), "exact"), end + 1
        return None, end + 1
    token = body[s:end]
    if attach == "free" and token.isdigit() and len(token) <= 2 and 1 <= int(token) <= 31:
        day = _day_of_month(body, s, end)
        if day is not None:
            return day
    prop = g.ONE_IN_N.match(body, s) if attach == "free" and body[end : end + 4] == " in " else None
    found = _proportion(body, s, prop) if prop is not None else None
    if found is not None:  # "zero to 60 in five seconds" is no proportion: read on
        return found, found.end
    amt, skip = read_amount(body, s, e, False)
    if amt is None:
        return None, skip
    if attach == "date_only" and not (amt.unit == "decade_date" or _is_year(amt)):
        return None, amt.end
    return _figure(body, amt)


# The first characters grammar.TO_ONE and grammar.STAMP_TAIL can match ("-to-1", " to 1", ":1";
# "-11-13", ":00", "/2025").
_TO_ONE_OPENERS = frozenset(" \u00a0\u202f-:")
_STAMP_OPENERS = frozenset("-–:/")


def _slash_alternatives(body: str, s: int) -> Amount | None:
    """The amount after the slash of "2/3 GB" or "16/32 GB" when the pair offers two values of one
    unit, not a fraction of it: a numerator of ten or more, or a unit of data ("1/2 inch", "3/4 mile"
    stay fractions; "24/7" has no unit)."""
    m = g.SLASH_ALTERNATIVES.match(body, s)
    if m is None:
        return None
    second, _ = read_amount(body, m.start("b"), m.end("b"), False)
    if second is None or second.bare or second.start != m.start("b"):
        return None
    a, b = m.group("a"), m.group("b")
    fraction = a.isdigit() and b in _FRACTION_DENOMINATORS and int(a) < min(int(b), 10)
    return None if fraction and DIMENSION_OF.get(second.unit or "") != "data" else second


_FRACTION_DENOMINATORS = frozenset(g._DENOMINATORS.split("|"))


def _descending_pair(body: str, s: int) -> Amount | None:
    """The second of two dash-joined numbers written high to low before one unit ("led 51-47%",
    "a 6-4 percent split"): two values of that unit, not a range and not a score (a score has no unit)."""
    m = g.DASH_PAIR.match(body, s)
    if m is None or (s > 0 and body[s - 1] in "-−"):
        return None  # "-78-0 degrees": a signed low end, written low to high
    second, _ = read_amount(body, m.start("b"), m.end("b"), False)
    if second is None or second.bare or second.start != m.start("b"):
        return None
    first = parse_numeral(m.group("a"))
    return second if first is not None and first > second.number and second.scale is None else None


def _unit_before_slash(body: str, s: int) -> bool:
    """Is the number at `s` the second of two glued measures joined by a slash ("6GB/128GB", "12MP/48MP")?
    The first must be a number with a unit symbol glued to it, and a symbol must be glued to this one too."""
    m = g.GLUED_MEASURE_BEFORE_SLASH.search(body, max(0, s - 16), s)
    if m is None or (m.group("sym") not in SYMBOLS and m.group("sym") not in GLUED):
        return False
    after = g.UNIT_GLUED.match(body, s + len(g.NUMERAL.match(body, s).group().rstrip(".,")))
    return after is not None and after.group("sym") == m.group("sym")


def _digits_start(body: str, end: int) -> int:
    """Start of the number that ends at `end` ("16" in "16/32")."""
    i = end
    while i > 0 and (body[i - 1].isdigit() or body[i - 1] == "."):
        i -= 1
    return i


RATIO_REACH = 60  # characters before "3:1" read for its ratio word ("the ratio of buyers to sellers was")


def _glued_currency(body: str, s: int, e: int) -> bool:
    m = g.currency_before(body, s)
    if m is not None and m.end() == s and any(ch.isalpha() for ch in m.group()):
        return True
    if scaled_letter_before(body, s) is None:
        return False
    amt, _ = read_amount(body, s, e, False)  # "R5 billion" with its scale word; "the R5 road" is a name
    return amt is not None and amt.currency is not None


def _leading_decimal(body: str, s: int) -> bool:
    return s == 1 or body[s - 2] in " \t\n(\u00a0$€£¥-−"


def _word(body: str, s: int, e: int, group: str) -> tuple[Found | None, int]:
    """A word candidate: a multiplier ("doubled"), a spelled number, or "a"/"half a" before a scale."""
    word = body[s:e].lower()
    if word in COMPARATIVE_MULTIPLIERS:
        nxt = g.NEXT_WORD.match(body, e)
        if nxt is None or nxt.group(1).lower() not in TIMES_CUES:
            return None, e  # "met twice": a frequency
        q = qualifier_before(body, s)
        return _single(s, e, "ratio", "times", COMPARATIVE_MULTIPLIERS[word], q or "exact"), e
    if word in MULTIPLIER_WORDS or word in FOLD_WORDS:
        if g.DOWN_AFTER.match(body, e):
            return None, e  # "doubled down"
        value = MULTIPLIER_WORDS.get(word) or float(FOLD_WORDS[word])
        q = qualifier_before(body, s)
        return _single(s, e, "ratio", "times", value, q or "exact"), e
    if group == "word" or not group:
        prop = g.ONE_IN_N.match(body, s)
        if prop is not None and left_attachment(body, s) == "free":
            return _proportion(body, s, prop), prop.end()
    if group == "word":
        frac = g.FRACTION_AT.match(body, s)
        if frac:
            group, e = frac.lastgroup or "word", frac.end()
    if group == "frac_point":
        words = body[s:e].lower()
        value = 0.75 if "three" in words else 0.5 if "half" in words else 1.0 if "full" in words else 0.25
        share = next((w for w in ("tenth", "fifth") if w in words), None)
        if share is not None:  # "two-tenths of a percentage point": numerator over the share's denominator
            first = words.replace("-", " ").split()[0]
            value = round(SMALL_WORDS.get(first, 1) / FRACTION_NOUNS[share], 6)
        unit = "percentage_point" if words.endswith("point") else "percent"
        return _single(s, e, "percent", unit, value, qualifier_before(body, s) or "exact"), e
    if group == "fraction":
        return _fraction(body, s, e), e
    if group == "word":
        m = g.SPELLED.match(body, s)
        if m is None or left_attachment(body, s) != "free":
            return None, m.end() if m else e
        amt, skip = read_amount(body, s, m.end(), True)
    else:
        amt, skip = read_amount(body, s, e, True, number={"a": 1.0, "half": 0.5, "quarter": 0.25}[group])
    if amt is None:
        return None, skip
    return _figure(body, amt, article=group != "word")


def _proportion(body: str, s: int, m) -> Found | None:
    """ "one in five adults" -> ratio 0.2: the share a proportion states."""
    n, d = (_small_number(m.group(k)) for k in ("n", "m"))
    if n is None or not d or n >= d:
        return None
    return _single(s, m.end(), "ratio", "times", round(n / d, 6), qualifier_before(body, s) or "exact")


def _small_number(text: str) -> float | None:
    words = text.lower().split()
    if words[0] == "a":
        return {"hundred": 100.0, "thousand": 1000.0, "million": 1e6}.get(words[-1])
    return (
        parse_numeral(text) if text[0].isdigit() else float(SMALL_WORDS[words[0]]) if words[0] in SMALL_WORDS else None
    )


def _fraction(body: str, s: int, e: int) -> Found | None:
    """ "two-thirds of", "half of": a share of a whole, as the multiplier it applies."""
    words = body[s:e].lower().replace("-", " ").split()
    value = 0.5 if len(words) == 1 else SMALL_WORDS.get(words[0], 1) / FRACTION_NOUNS[words[1]]
    before = word_before(body, s)
    if left_attachment(body, s) != "free" or (before or "").lower() in PERIOD_ORDINALS:
        return None  # "the second half of 2024" is a period, not a share
    return _single(s, e, "ratio", "times", round(value, 6), qualifier_before(body, s) or "exact")


def _day_of_month(body: str, s: int, end: int) -> tuple[Found | None, int] | None:
    """A day of the month: "July 4, 2025" and "4 July 2025" give the year; a bare day is no figure."""
    month = month_before(body, s)
    if month is not None:
        m = g.DAY_THEN_YEAR.match(body, end)
        if m:
            return _single(month, m.end(), "date", "year", float(m.group("year")), "exact"), m.end()
        o = g.ORDINAL_TAIL.match(body, end)
        return None, o.end() if o else end
    m = g.DAY_THEN_MONTH.match(body, end)
    if m is None:
        return None
    if m.group("year"):
        return _single(s, m.end(), "date", "year", float(m.group("year")), "exact"), m.end()
    return None, m.end()


def _figure(body: str, amt: Amount, article: bool = False) -> tuple[Found | None, int]:
    """Type an amount: a range it opens, else money/percent/duration/ratio by its unit, else bare."""
    rng = read_range(body, amt)
    if rng is not None:
        found = _range_figure(body, amt, rng)
        if found is not None:
            return found, found.end
    q = qualifier_before(body, amt.start)
    if (
        q == "more_than"
        and amt.unit in DURATION_UNITS.values()
        and g.OVER_BEFORE.search(body, max(0, amt.start - 16), amt.start)
    ):
        q = "exact"  # "over five years": the span the figure covers, not a lower bound
    if (
        q == "at_most"
        and g.FROM_NUMBER_AFTER.match(body, amt.end)
        and g.UP_TO_BEFORE.search(body, max(0, amt.start - 12), amt.start)
    ):
        q = "exact"  # "climbed, up to 4.67% from 4.58%": the level reached, not a ceiling
    after = g.QUALIFIER_AFTER.match(body, amt.end)
    q = amt.after_qualifier or (after.lastgroup if after and after.lastgroup in _AFTER else None) or q
    if amt.tenor:
        return None, amt.end  # "the 10-year yield": a bond's name
    if amt.letter_unit and is_label_or_name(body, amt.num_start):
        return None, amt.end  # "Route 9C", "Model 3V": a name, not 9 degrees
    if _price_base_year(body, amt):
        return _single(amt.num_start, amt.num_end, "date", "year", amt.number, "exact"), amt.end
    measure = _measure(amt.currency, amt.unit)
    if measure is not None:
        kind, unit, factor = measure
        # "one day", "one year": an idiom far more often than a span; "a one-megawatt plant" is a measure
        idiom = amt.spelled and amt.number == 1 and amt.scale is None and kind == "duration"
        if idiom and not (kind == "duration" and amt.age):
            return None, amt.end
        if unit == "point" and _poll_points(body, amt.start, amt.end):
            kind, unit = "percent", "percentage_point"
        start, value = amt.start, amt.value * factor
        if kind in ("percent", "money", "quantity", "count"):
            start, value = _signed(body, start, value)
        found = _single(start, amt.end, kind, unit, value, q or "exact")
        found.dimension = DIMENSION_OF.get(unit) if kind == "quantity" else None
        return found, amt.end
    if amt.unit == "decade_date":
        return _single(amt.num_start, amt.end, "date", "year", amt.number, "approx"), amt.end
    return _bare(body, amt, q, article)


_AFTER = ("at_least", "at_most", "approx")


def _poll_points(body: str, start: int, end: int) -> bool:
    """Points in a sentence about polls or votes, a lead in points beside percentages, or points that
    move the percentage before them ("67.3%, up 2.1 points") are percentage points when no index is
    named: "a margin of error of 3.5 points", "51% to 46%, a 5-point lead"; "stocks fell 30 points,
    or 1%" keeps its points."""
    lo, hi = sentence_bounds(body, start, end, 160, 120)
    cue = (
        g.POLL_CUE.search(body, lo, hi)
        or (g.GAP_AFTER.match(body, end) and g.PERCENT_CUE.search(body, lo, hi))
        or g.RATE_THEN_MOVE_BEFORE.search(body, max(lo, start - RATE_MOVE_REACH), start)
    )
    return cue is not None and not _index_sentence(body, start)


RATE_MOVE_REACH = 30  # characters back from points to the percentage they move ("67.3%, up nearly")


def _price_base_year(body: str, amt: Amount) -> bool:
    """ "(2015 USD)", "in 2020 dollars": a year naming the prices an amount is stated in, not an amount
    ("paid 2000 euros" stays money)."""
    return (
        amt.currency is not None
        and amt.start == amt.num_start
        and amt.scale is None
        and amt.factor == 1.0
        and not amt.spelled
        and is_year_like(amt.token, amt.number)
        and body.endswith(("(", "in ", "In "), 0, amt.num_start)
    )


def _bare(body: str, amt: Amount, q: str | None, article: bool) -> tuple[Found | None, int]:
    """A number with no unit: a year, a count, or nothing."""
    if not amt.spelled and is_label_or_name(body, amt.num_start) and not _opener_before_measures(body, amt, article):
        return None, name_chain_end(body, amt.end)
    if _is_age(body, amt):
        found = _single(amt.num_start, amt.end, "duration", "year", amt.value, q or "exact")
        if body.startswith("+", amt.end):  # "aged 58+"
            found = _single(amt.num_start, amt.end + 1, "duration", "year", amt.value, "at_least")
        return found, found.end
    if _is_year(amt):
        month = month_before(body, amt.num_start)
        start = amt.num_start if month is None else month
        qualifier = "approx" if q == "approx" else "exact"
        return _single(start, amt.end, "date", "year", amt.number, qualifier), amt.end
    later = _unit_written_later(body, amt) if not (amt.spelled or article) else None
    pair = _descending_pair(body, amt.num_start) if later is None and not (amt.spelled or article) else None
    if pair is not None and pair.value is not None and amt.value > pair.value:
        later = (_measure(pair.currency, pair.unit), 1.0)  # "51-47%": two shares, the unit written once
        later = later if later[0] is not None else None
    if later is not None:  # "2,500 and 5,000 mAh", "74 x 150 x 9.0 mm": the unit after the last number
        kind, unit, factor = later[0]
        scale = later[1] if amt.scale is None else 1.0
        start, value = _signed(body, amt.num_start, amt.value * scale * factor)
        found = _single(start, amt.end, kind, unit, value, q or "exact")
        found.dimension = DIMENSION_OF.get(unit) if kind == "quantity" else None
        return found, amt.end
    per = g.PER_NUMBER.match(body, amt.end) if not amt.spelled and not article else None
    if per is not None:  # "1,200 per 100,000 people": a rate, its denominator kept whole
        found = _single(amt.num_start, per.end(), "count", "count", amt.value, q or "exact")
        denominator = _small_number(per.group("m"))
        noun = (per.group("noun") or "").lower()
        found.per_unit = f"{denominator:g} {noun}".strip() if denominator else None
        return found, per.end()
    if amt.spelled and g.INDEX_POINTS.match(body, amt.end) and _index_sentence(body, amt.num_start):
        points = g.INDEX_POINTS.match(body, amt.end)  # "the FTSE is now nine points down"
        found = _single(amt.num_start, points.end(), "quantity", "point", amt.value, q or "exact")
        found.dimension = DIMENSION_OF["point"]
        return found, points.end()
    if amt.score_end is not None:  # "scored 31 points": a game's score, a count of points
        found = _single(amt.num_start, amt.score_end, "count", "count", amt.value, q or "exact")
        found.noun = "points"
        return found, amt.score_end
    noun = "times" if amt.events and amt.scale is None else counted_noun(body, amt.end)
    if noun is not None and noun.lower() in ("degrees", "degree"):
        return None, amt.end  # a temperature of unknown scale, or an angle: never a count of degrees
    single = noun is None and amt.value == 1 and amt.scale is None and not article and amt.token in ("1", "one", "One")
    if single:
        noun = singular_noun(body, amt.num_start, amt.end, amt.spelled)
        single = noun is not None
    part = False
    if noun is None and not article:
        noun = _part_of(body, amt)
        part = noun is not None
    if noun is None and not (article or amt.spelled or amt.scale) and "." not in amt.token:
        noun = _ranked_noun(body, amt.num_start)
    unit = UNIT_NAMES.get(noun.lower()) if noun is not None and not article else None
    if unit is not None and not unit_in_context(unit[0], body, amt.num_start, amt.end + len(noun or "") + 1):
        unit = None
    label = (
        (_label_unit(body, amt.num_start) or _subject_unit(body, amt.num_start))
        if noun is None and not amt.spelled
        else None
    )
    if label is not None:  # "Acres burned: 132,000"
        found = _single(amt.num_start, amt.end, "quantity", label[0], amt.value, q or "exact")
        found.dimension = label[1]
        return found, amt.end
    if unit is not None and not part:  # "500,000 oil barrels a day", "66.9 rushing yards": the noun is a unit
        noun_end = body.find(noun, amt.end, amt.end + 60) + len(noun)
        start, value = _signed(body, amt.num_start, amt.value)
        found = _single(start, noun_end, "quantity", unit[0], value, q or "exact")
        found.dimension = unit[1]
        return found, noun_end
    plain = noun is None and not (amt.spelled or article or amt.scale)  # a numeral alone, nothing it counts
    changed = _changed_or_level(body, amt) if plain else None
    if not changed and plain and "." not in amt.token:
        changed = "level" if g.MILESTONE_AFTER.match(body, amt.end) else None  # "near the 40,000 mark"
    if not changed and plain and _index_label(body, amt.num_start):
        changed = "level"  # "S&P 500: 4,690.72, up 0.17%": a market table's line, the index named as its label
    if changed and _index_sentence(body, amt.num_start):
        start, value = _signed(body, amt.num_start, amt.value)  # "FTSE 100 increased 17.80", "slipped below 30,000"
        found = _single(start, amt.end, "quantity", "point", value, q or "exact")
        found.dimension = DIMENSION_OF["point"]
        return found, amt.end
    if (
        changed == "change"
        and not amt.spelled
        and amt.scale is None
        and amt.value < 100
        and g.TO_PERCENT_AFTER.match(body, amt.end)
    ):
        # "the participation rate rose 0.3 to 61.7%": the size of a move of a rate, in its points
        start, value = _signed(body, amt.num_start, amt.value)
        return _single(start, amt.end, "percent", "percentage_point", value, q or "exact"), amt.end
    if plain and _forecast_high_or_low(body, amt):
        found = _single(amt.num_start, amt.end, "quantity", "degF", amt.value, q or "exact")
        found.dimension = DIMENSION_OF["degF"]
        return found, amt.end
    quoted = _quoted_currency(body, amt) if plain else None
    if quoted is not None:  # "the yen weakened to 151.2 per dollar": yen, the dollar its denominator
        found = _single(amt.num_start, amt.end, "money", quoted[0], amt.value, q or "exact")
        found.per_unit = quoted[1]
        return found, amt.end
    if article:  # "a million people", "a dozen countries"
        counts = noun is not None
    elif amt.spelled:
        counts = (
            single
            or amt.events
            or amt.scale is not None
            or (spelled_counts(body, amt.num_start, amt.end, amt.value, part) if part or noun else False)
        )
    else:
        counts = amt.scale is not None or noun is not None or (changed == "change" and "." not in amt.token)
    if not counts:
        counts = not amt.spelled and (
            (
                body.find("of ", max(0, amt.num_start - 24), amt.num_start) >= 0  # a cheap test first
                and g.COUNT_HEAD_BEFORE.search(body, max(0, amt.num_start - 45), amt.num_start) is not None
            )
            or g.WHO_AFTER.match(body, amt.end) is not None
            or ("." not in amt.token and _count_subject(body, amt.num_start))
            or ("." not in amt.token and g.PASSIVE_COUNT_AFTER.match(body, amt.end) is not None)
            or (
                "." not in amt.token
                and amt.value >= 2
                and g.PAST_VERB_AFTER.match(body, amt.end) is not None
                and (
                    g.SUBJECT_OPENER_BEFORE.search(body, max(0, amt.num_start - 24), amt.num_start) is not None
                    or g.INTRO_PHRASE_BEFORE.search(body, max(0, amt.num_start - 48), amt.num_start) is not None
                )
            )
            or ("." not in amt.token and amt.value >= 2 and g.OF_THOSE_AFTER.match(body, amt.end) is not None)
            or (
                "." not in amt.token
                and amt.value >= 2
                and g.THE_BEFORE.search(body, max(0, amt.num_start - 6), amt.num_start) is not None
                and g.DONE_TO_AFTER.match(body, amt.end) is not None
            )
            or _count_verb_before(body, amt.num_start)
            or ("." not in amt.token and _output_per_period(body, amt))
        )
    if not counts:
        attributive = g.ATTRIBUTIVE_COUNT.match(body, amt.end)
        if attributive is None or amt.spelled:
            return None, amt.end
        noun = attributive.group("noun").lower()  # "a 150-seat parliament", "a 2,000-strong crowd"
        found = _single(amt.num_start, attributive.end(), "count", "count", amt.value, q or "exact")
        found.noun = noun
        return found, attributive.end()
    start, value = _signed(body, amt.num_start, amt.value)
    found = _single(start, amt.end, "count", "count", value, q or "exact")
    found.noun, found.part = noun, part
    skip = amt.end
    if noun is not None:  # "830 cases per 100,000 people": the rate's denominator is no figure of its own
        noun_end = body.find(noun, amt.end, amt.end + 40) + len(noun)
        per = g.PER_NUMBER.match(body, noun_end)
        denominator = _small_number(per.group("m")) if per else None
        if per is not None and denominator:
            found.per_unit = f"{denominator:g} {(per.group('noun') or '').lower()}".strip()
            skip = per.end()
    return found, skip


def _opener_before_measures(body: str, amt: Amount, article: bool) -> bool:
    """ "Expect 3 or 4 inches of rain", "Then 5 and 10 km runs", "Very windy. High 55": a capitalised
    word that opens the sentence before numbers sharing one unit, or a forecast's high, is no name
    ("Nikkei 225" names no unit after it)."""
    tok = word_before(body, amt.num_start)
    if article or tok is None or not tok.isalpha() or not is_sentence_start(body, amt.num_start - len(tok) - 1):
        return False
    return _unit_written_later(body, amt) is not None or _forecast_high_or_low(body, amt)  # "... High 55"


def _unit_written_later(body: str, amt: Amount) -> tuple[tuple[str, str, float], float] | None:
    """The measure (and the scale to share) of a bare number whose unit is written once, after the
    last of the numbers joined to it: "2,500 and 5,000 mAh", "36 and nine days", "74 x 150 x 9.0 mm".
    Only the dimension mark "x" chains a third number; a scale is shared only upward ("1.5 and 2
    million barrels"), and a count's noun keeps the first a count ("3 rooms and 2 baths")."""
    pos = amt.end
    for _ in range(3):
        c = g.PAIR_CONNECTOR.match(body, pos)
        if c is None:
            return None
        found = number_at(body, c.end())
        if found is None:
            return None
        second, _ = read_amount(body, *found)
        if second is None or second.start != c.end():
            return None
        measure = _measure(second.currency, second.unit)
        if measure is not None:
            if second.tenor or (second.unit in DURATION_UNITS.values() and second.age):
                return None
            if body[c.start() : c.end()].strip(g.INLINE_SPACES) == "or" and amt.value > second.value:
                return None  # "rose 17.80, or 0.2%": a change restated, not two values of one unit
            shared = second.scale if second.scale and amt.number <= second.number else 1.0
            return measure, shared * second.factor
        if not second.bare or body[c.start() : c.end()].strip(g.INLINE_SPACES) not in ("x", "×"):
            return None
        pos = second.end
    return None


def _changed_or_level(body: str, amt: Amount) -> str | None:
    """ "change" for a bare number that states a change or the level it reached: after a change verb
    ("payrolls rose by 130,000"), as a change's endpoint ("raised to 176,000 from 167,000"), before a
    change noun ("a 159,000 gain"); "level" after a level word and a preposition ("closed at 16,154",
    "a reading below 50"), which only an index's sentence makes a figure ("the shop closed at 9")."""
    words = words_before(body, amt.num_start)
    if words and words[-1] in ("+", "-", "−"):
        words = words[:-1]  # "from +212,000": the sign glued to the number
    if g.CHANGE_NOUN_AFTER.match(body, amt.end) is not None:
        return "change"
    if not words:
        return None
    if len(words) > 1 and words[-1] == "of" and words[-2] in CHANGE_NOUNS:
        return "change"  # "a three-month average gain of 170,000", "an increase of 45,000"
    verb = last_content_word(words)
    if verb in UP_WORDS or verb in DOWN_WORDS:
        return "change"
    i = endpoint_index(words)
    if i is not None and any(w in CHANGE_WORDS and w != "from" for w in words[:i]):
        return "change"
    if len(words) > 1 and words[-1] in LEVEL_PREPOSITIONS and (words[-2] in LEVEL_WORDS or words[-2] in CHANGE_WORDS):
        return "level"
    if len(words) > 1 and words[-1] == "of" and (words[-2] in PEAK_WORDS or words[-2] in LEVEL_WORDS):
        return "level"  # "the intraday high of 31,958.41", "a reading of 52.4"
    return None


@cache
def _index_names() -> re.Pattern[str]:
    """Names of stock and survey indexes (the fact layer's entity table), and the word "index"."""
    names = [
        str(alias)
        for entry in table("entities.yaml")["entities"]
        if entry["type"] == "index"
        for alias in [entry["name"], *entry.get("aliases", [])]
    ]
    return re.compile(rf"\b(?:{trie_regex([*names, 'PMI', 'VIX'])}|(?i:index|indices|indexes))\b")


def _quoted_currency(body: str, amt: Amount) -> tuple[str, str] | None:
    """The currency an exchange rate quotes and the one it is quoted in, for a bare number "per" or
    "to the" a currency with "the <currency>" before it in its sentence: "the rupee closed at 83.1
    to the dollar" -> (INR, USD)."""
    per = g.PER_CURRENCY.match(body, amt.end)
    base = CURRENCY_WORDS.get(" ".join(per.group("cur").lower().split())) if per else None
    if base is None:
        return None
    lo, _ = sentence_bounds(body, amt.num_start, amt.end, 100, 0)
    quoted = [CURRENCY_WORDS.get(m.group("cur")) for m in g.QUOTED_CURRENCY.finditer(body, lo, amt.num_start)]
    code = next((code for code in reversed(quoted) if code is not None and code != base), None)
    return (code, base) if code is not None else None


def _index_label(body: str, start: int) -> bool:
    """A label before a colon right before `start` that names an index ("Nasdaq Composite: ")."""
    if not body.endswith(": ", 0, start):
        return False
    lo = max(0, start - 60)
    brk = max(body.rfind("\n", lo, start), body.rfind(". ", lo, start))
    return _index_names().search(body, brk + 1 if brk >= 0 else lo, start - 2) is not None


def _index_sentence(body: str, start: int) -> bool:
    """Does the clause before `start` (back to a sentence break, at most 160 characters) name an index?"""
    lo = max(0, start - 160)
    brk = max(body.rfind(". ", lo, start), body.rfind("\n", lo, start), body.rfind("; ", lo, start))
    return _index_names().search(body, brk + 1 if brk >= 0 else lo, start) is not None


def _is_age(body: str, amt: Amount) -> bool:
    """A bare whole number a person's age: after "aged"/"age of"/"he was", or between commas after a
    name ("Charles Turner, 38, was"), and then at a clause's end."""
    if amt.scale is not None or "." in amt.token or "," in amt.token or not 1 <= amt.value <= 125:
        return False
    lo = max(0, amt.num_start - 40)
    if g.AGE_NOUN_BEFORE.search(body, lo, amt.num_start):
        return True
    if g.AGE_PRONOUN_BEFORE.search(body, lo, amt.num_start):
        return g.AGE_AFTER_PRONOUN.match(body, amt.end) is not None
    if not amt.spelled and _bracketed_age(body, amt.num_start, amt.end):
        return True  # "Prakash Pawar (27), on July 3"
    if amt.spelled or not body.endswith(", ", 0, amt.num_start) or not body.startswith(",", amt.end):
        return False
    m = g.APPOSITIVE_AGE_BEFORE.search(body, lo, amt.num_start)
    if m is None or (m.group("first") is None and g.AGE_CLAUSE_AFTER.match(body, amt.end) is None):
        return False  # a single name needs the clause to go on: not "Madrid, 14, 15 and 16"
    return _plain_names(m)


def _forecast_high_or_low(body: str, amt: Amount) -> bool:
    """ "High 55", "with a high near 65", "Low around 57": a forecast's high or low with no scale
    written. Only a whole number from 45 to 130 is read, as degrees Fahrenheit: no air temperature
    reaches 45 degrees Celsius in a forecast, so a value in that span names the Fahrenheit scale
    (a lower one could be either and is left alone), and only where the weather is spoken of and
    no Celsius is named around it."""
    if "." in amt.token or "," in amt.token or not 45 <= amt.value <= 130:
        return False
    if g.TEMP_SHORTHAND_BEFORE.search(body, max(0, amt.num_start - 16), amt.num_start) is None:
        return False
    if g.TEMP_SHORTHAND_AFTER.match(body, amt.end) is None:
        return False
    lo, hi = max(0, amt.num_start - 200), min(len(body), amt.end + 200)
    named = g.SCALE_NAMED.search(body, lo, hi)
    return g.WEATHER_CUE.search(body, lo, hi) is not None and (named is None or named.group("f") is not None)


def _bracketed_list_count(body: str, start: int, end: int) -> bool:
    """ "Germany (137), Italy (92) and France (58)": a bracketed number after a capitalised name,
    with another such item right before or after it in the list."""
    if not body.endswith(" (", 0, start):
        return False
    here = g.BRACKETED_LIST_ITEM.search(body, max(0, start - 40), end + 8)
    if here is None or here.end() != end + 1:
        return False
    if body[here.start() : start - 2].lower() in LABEL_WORDS:
        return False  # "Section (3), Part (4)": labels and their numbers
    lo, hi = max(0, here.start() - 40), min(len(body), end + 48)
    items = [m for m in g.BRACKETED_LIST_ITEM.finditer(body, lo, hi) if m.start() != here.start()]
    return any(0 <= here.start() - m.end() <= 8 or 0 <= m.start() - here.end() <= 8 for m in items)


def _bracketed_age(body: str, start: int, end: int) -> bool:
    """ "identified as Prakash Pawar (27), on July 3", "Mary Jones (64) of Leeds": an age in brackets
    right after a person's two names, the clause going on as after a name."""
    if not body.endswith(" (", 0, start) or g.BRACKETED_AGE_AFTER.match(body, end) is None:
        return False
    if not 10 <= int(body[start:end]) <= 110:
        return False  # "See Section (3)": a child's age in brackets is rare, a clause's number common
    m = g.BRACKETED_AGE_BEFORE.search(body, max(0, start - 40), start)
    return m is not None and _plain_names(m)


def _plain_names(m: re.Match[str]) -> bool:
    """The capitalised words before an age are a person's names, not a month, a weekday or a function word."""
    return all(
        w not in MONTHS and w not in WEEKDAYS and w.lower() not in FUNCTION_WORDS
        for w in m.group("first", "last")
        if w is not None
    )


def _part_of(body: str, amt: Amount) -> str | None:
    """The noun of the whole a bare number is part of ("412 of the 650 seats" -> seats); not for a
    year ("3 of the 2024 filings") or a whole that is no larger than the part."""
    m = g.PART_OF_AFTER.match(body, amt.end)
    if m is None:
        group = g.OF_A_GROUP_AFTER.match(body, amt.end) if amt.value >= 2 and amt.scale is None else None
        return counted_noun(body, group.end()) if group is not None else None
    text = m.group("whole")
    whole = parse_numeral(text) if text[0].isdigit() else parse_spelled(text)
    if whole is not None and m.group("scale"):
        whole *= SCALE_WORDS[m.group("scale").lower()]  # "187,526 of the estimated 3.4 million vehicles"
    if whole is None or whole < amt.value or is_year_like(text, whole):
        return None
    return counted_noun(body, m.end())


def _ranked_noun(body: str, start: int) -> str | None:
    """The noun a bare "with N" counts when its clause ranks that noun: "has the most aces in a
    single season with 530", "the most career titles with 109"."""
    if not body.endswith(("with ", "With "), 0, start):
        return None
    lo = max(0, start - 90)
    brk = max(body.rfind(". ", lo, start), body.rfind("; ", lo, start), body.rfind("\n", lo, start))
    m = next(reversed(list(g.RANKED_NOUN.finditer(body, brk + 1 if brk >= 0 else lo, start))), None)
    if m is None or m.group("noun").lower() in NOT_NOUNS or m.group("noun").lower() in DURATION_UNITS:
        return None
    return m.group("noun")


def _output_per_period(body: str, amt: Amount) -> bool:
    """ "to build 20,000 a year", "ships 4,000 a month": a bare number after a verb of output, with a
    period after it, counts the units made (the period becomes the rate's denominator)."""
    words = words_before(body, amt.num_start)
    if not words or words[-1] not in OUTPUT_VERBS:
        return False
    m = g.PER_UNIT.match(body, amt.end)
    if m is None:
        return False
    period = m.group("noun") or PER_ADVERBS.get((m.group("adv") or "").lower())
    return period is not None and period.lower() in OUTPUT_PERIODS


def _count_verb_before(body: str, start: int) -> bool:
    """ "killing 14", "employs 3,000", "injured at least 5,700": a verb that takes a number of people
    as its object (a qualifier may stand between)."""
    words = words_before(body, start)
    while words and words[-1] in COUNT_QUALIFIER_WORDS:
        words = words[:-1]
    return bool(words) and words[-1] in COUNT_VERBS


def _label_unit(body: str, start: int) -> tuple[str, str] | None:
    """The unit a label before a colon names ("Acres burned: 132,000", "Rainfall in inches: 14")."""
    m = (
        g.LABEL_BEFORE.search(body, max(0, start - 60), start)
        if body.rfind(":", max(0, start - 12), start) >= 0
        else None
    )
    if m is None:
        return None
    return next((UNIT_NAMES[w.lower()] for w in m.group("label").split() if w.lower() in UNIT_NAMES), None)


def _subject_unit(body: str, start: int) -> tuple[str, str] | None:
    """The unit a clause's subject names when a bare level follows after a comma ("Acres planted
    to corn, at 90.9 million, were unchanged", "Barrels exported last month, at 2.1 million")."""
    if not body.endswith((", at ", ", to ", ", at about ", ", at around ", ", at nearly "), 0, start):
        return None
    lo = max(0, start - 100)
    brk = max(body.rfind(". ", lo, start), body.rfind("\n", lo, start))
    head = body[brk + 1 if brk >= 0 else lo : start].split(None, 1)
    word = head[0].lower() if head else ""
    if not word.endswith("s") or word.startswith("pound") or word not in UNIT_NAMES:
        return None
    return UNIT_NAMES[word]


def _count_subject(body: str, start: int) -> bool:
    """The clause before says how many of a counted thing there are: "the death toll was 117", "Homes
    destroyed: at least 1,700", "Injuries: 71"."""
    lo = max(0, start - 100)
    folded = ignorecase_fold(body[lo:start])
    word = g.COUNT_SUBJECT_FOLDED.search(folded)
    # offsets carry over when folding keeps the length: no match opens before the first subject word
    at = lo + word.start() if word is not None and len(folded) == start - lo else lo
    if word is not None and g.COUNT_SUBJECT_BEFORE.search(body, at, start) is not None:
        return True
    lo = max(0, start - 60)
    if body.find(":", lo, start) < 0:
        return False  # a label ends with its colon: one substring test for the many counts without
    m = g.LABEL_BEFORE.search(body, lo, start)
    return m is not None and any(is_plural_noun(w) for w in m.group("label").split())


def _range_figure(body: str, first: Amount, rng: Range) -> Found | None:
    """A range as a figure; bare ranges count only years, a plural noun ("10-15 companies") or a
    counted subject named before ("the death toll rose to 120-150")."""
    end = rng.second.end
    if rng.years:
        return Found(first.num_start, end, "date", None, rng.low, rng.high, "year", "range")
    measure = _measure(rng.currency, rng.unit)
    if (
        measure is None
        and g.AGE_RANGE_BEFORE.search(body, max(0, first.start - 16), first.start)
        and first.spelled == rng.second.spelled
        and "." not in first.token
        and 1 <= rng.low < rng.high <= 125
    ):
        measure = ("duration", "year", 1.0)  # "ranged in age from 50 to 95", "aged between 18 and 25"
    if measure is None:
        counted = numeral_counts(body, end) or ("." not in first.token and _count_subject(body, first.start))
        if not counted or is_label_or_name(body, first.num_start):
            return None  # "the death toll ranged from 120 to 150": what is counted is named before
        measure = ("count", "count", 1.0)
    kind, unit, factor = measure
    if unit == "point" and _poll_points(body, first.start, end):
        kind, unit = "percent", "percentage_point"  # "a margin of between four and eight points", as for one end
    dimension = DIMENSION_OF.get(unit) if kind == "quantity" else None
    low, high = rng.low * factor, rng.high * factor
    q = qualifier_before(body, first.start)
    if q in ("at_most", "at_least"):
        # "as much as 2 million to 3 million": a ceiling (or floor) stated loosely, bounded on one end;
        # "exceeding 5-10 times" still spans both ends
        value = high if q == "at_most" else low
        found = _single(first.start, end, kind, unit, value, q)
    else:
        found = Found(rng.start, end, kind, None, low, high, unit, "range")
    found.dimension = dimension
    return found


def _measure(currency: str | None, unit: str | None) -> tuple[str, str, float] | None:
    """(kind, unit, factor) for an amount with a currency or unit; None for a bare number."""
    if currency:
        return "money", currency, 1.0
    if unit is None:
        return None
    if unit in ("percent", "percentage_point"):
        return "percent", unit, 1.0
    if unit == "basis_point":
        return "percent", "percentage_point", 0.01
    if unit == "times":
        return "ratio", "times", 1.0
    if unit == "decade":
        return "duration", "year", 10.0
    if unit == "century":
        return "duration", "year", 100.0
    if unit in DURATION_UNITS.values():
        return "duration", unit, 1.0
    if unit in DIMENSION_OF:
        return "quantity", unit, 1.0
    return None


def _signed(body: str, start: int, value: float) -> tuple[int, float]:
    """A minus sign glued to a figure ("-0.5%", "-$50.8bn") joins the span; "minus 0.1%" only flips the sign."""
    lo = max(0, start - 10)
    end = start - 1 if start > lo and body[start - 1] == "\n" else start  # `$` also matches before it
    last = body[end - 1] if end > lo else ""
    if not last or (last not in "-−" and last not in g.INLINE_SPACES):
        return start, value  # neither a sign nor a space: SIGN_BEFORE cannot end here
    if last in g.INLINE_SPACES:
        word = body[lo:end].rstrip(g.INLINE_SPACES)
        if not word or (word[-1].isascii() and word[-1] not in "sSeE"):
            return start, value  # the word before the space is no "minus" or "negative"
    m = g.SIGN_BEFORE.search(body, lo, start)
    if m is None:
        return start, value
    if body[max(0, m.start() - 8) : m.start()].lower().rstrip(g.INLINE_SPACES).endswith(_PLUS_OR):
        return start, value  # "+/-3.1 points", "plus or minus 3": a margin either way, not a negative
    return (m.start() if m.end() - m.start() == 1 else start), -value


_PLUS_OR = ("+/", "+ /", "plus/", "plus or", "plus-or")


def _is_year(amt: Amount) -> bool:
    return not amt.spelled and amt.scale is None and amt.bare and is_year_like(amt.token, amt.number)


def _single(start: int, end: int, kind: str, unit: str, value: float, qualifier: str) -> Found:
    v, low, high = bounds(qualifier, float(f"{value:.12g}"))  # 2.6 bp is 0.026, not 0.026000000000000002
    return Found(start, end, kind, v, low, high, unit, qualifier)


def _annotate(body: str, f: Found) -> None:
    """Fill what the words around a figure say about it: the rate's denominator, the direction of
    a stated change, and whether it is the level a change starts from or ends at."""
    if f.kind in ("money", "quantity", "count", "percent"):
        restated = g.CURRENCY_RESTATED.match(body, f.end) if f.unit == "USD" else None
        m = g.PER_UNIT.match(body, restated.end() if restated else f.end)
        if m is None and f.kind != "percent":
            m = _rate_after_noun(body, f) or _rate_after_conversion(body, f)
        if m and not (f.kind == "percent" and m.group("adv")):  # "grew 3% annually": a growth rate, no denominator
            abbr, adv = m.group("abbr"), m.group("adv")
            noun = (
                "share"
                if m.group("share")
                else " ".join((m.group("noun") or m.group("any") or "").lower().replace("-", " ").split())
            )
            f.per_unit = PER_ABBREVIATIONS[abbr] if abbr else PER_ADVERBS[adv.lower()] if adv else _per_unit_name(noun)
            if f.kind == "percent" and f.per_unit not in ("year", "month", "week", "day", "quarter"):
                f.per_unit = None
            if f.per_unit is not None and f.unit.endswith("/" + f.per_unit):
                f.per_unit = None  # "down from 30.74 M a day" after barrels/day: the unit already says it
            rate = _rate_unit(f.unit, f.per_unit) if f.kind == "quantity" else None
            if rate is not None:  # "250,000 barrels of crude a day" is the flow barrel/day, "30 metres a second" m/s
                f.unit, f.dimension, f.per_unit = rate, DIMENSION_OF[rate], None
        if f.per_unit is None and f.kind == "count" and _annual_rate(body, f):
            f.per_unit = "year"  # "a 662,000 annual rate", "an annual rate of 1.42 million units"
    if f.kind == "date":
        return
    words = words_before(body, f.start)
    verb = last_content_word(words)
    if f.kind == "money" and words and words[-1] in _FUNDRAISING:
        verb = None  # "the start-up raised $150 million": a sum raised, no move of a level
    if verb in UP_WORDS or verb in DOWN_WORDS or (verb == "off" and _off_a_level(words)):
        f.direction = "up" if verb in UP_WORDS else "down"
        return
    a = g.DIRECTION_AFTER.match(body, f.end)
    if a and f.kind in ("percent", "money", "quantity"):
        word = a.group("word").lower()
        f.direction = "up" if word in ("higher", "up", "firmer", "stronger") else "down"
        return
    noun = _change_noun(body, f, words)
    if noun is not None:
        f.direction = "up" if noun in UP_NOUNS else "down"
        return
    if f.kind in ("percent", "money", "quantity", "count") and _plus_sign(body, f) and endpoint_index(words) is None:
        f.direction = "up"  # "(+24,000 jobs)", "returned +6.8%": a signed change
        return
    if f.kind in ("money", "percent", "quantity") and _at_after_a_move(words):
        f.endpoint = "to"  # "up 1.6 percent at $55.75", "down 68p at 1,112p": the level the move reached
        return
    i = endpoint_index(words)
    if i is None or f.qualifier == "range":
        return
    word = words[i]
    before = words[:i]
    if word == "to" and before and before[-1] == "up" and f.qualifier == "at_most":
        return  # "rising up to 5%": a ceiling, not a level reached
    spread = any(a in RANGE_WORDS and b == "from" for a, b in zip(words, words[1:], strict=False))
    if spread:
        return  # "ranged from a low of 8.5% to a high of 10.4%": the ends of a spread, not of a move
    if any(w in CHANGE_WORDS for w in before) or (word == "from" and g.TO_NUMBER_AFTER.match(body, f.end)):
        f.endpoint = word


_FUNDRAISING = frozenset({"raised", "raise", "raises", "raising"})


def _off_a_level(words: tuple[str, ...]) -> bool:
    """ "ended off two cents", "were off 3%": the "off" before a figure (fillers skipped) follows a
    verb of a level or of a session's end."""
    kept = [w for w in words if w not in CHANGE_FILLERS]
    return len(kept) >= 2 and kept[-1] == "off" and kept[-2] in OFF_MOVE_AFTER


def _plus_sign(body: str, f: Found) -> bool:
    """A "+" glued to the figure ("+24,000 jobs", "+1.66%"), not a margin either way ("+/-3")."""
    return f.start > 0 and body[f.start - 1] == "+" and not body.startswith(("+/", "+-"), f.start - 1)


def _at_after_a_move(words: tuple[str, ...]) -> bool:
    """ "<change verb> <size> at": the words before a figure state a move and its size, then "at"."""
    if len(words) < 3 or words[-1] != "at":
        return False
    if len(words) > 4 and words[-3] == "or" and any(c.isdigit() for c in words[-2][:2]):
        words = (*words[:-3], "at")  # "down 94 cents, or 1.1%, at $86.29": the size restated
    for j in range(len(words) - 2, max(0, len(words) - 4), -1):  # the size: "1.6 percent", "$1.20", "68p"
        if any(c.isdigit() for c in words[j][:2]) or words[j] in SMALL_WORDS:
            move = words[j - 1]
            return move in UP_WORDS or move in DOWN_WORDS or (move == "off" and _off_a_level(words[:j]))
    return False


def _change_noun(body: str, f: Found, words: tuple[str, ...]) -> str | None:
    """The change noun a figure is the size of: "a decrease of 2.3%", "a 5% rise", "a 25,000 drop";
    a money gain or loss is a result ("a $3 billion loss"), not a change."""
    if f.kind not in ("percent", "money", "quantity", "count"):
        return None
    after = g.CHANGE_NOUN_AFTER.match(body, f.end)
    noun = after.group("noun").lower() if after else None
    if noun is not None and f.kind == "count" and noun.endswith("s"):
        noun = None  # "12 rebounds", "300 job cuts": a plural after a count is what it counts
    if noun is None:
        n = len(words)
        while n > 2 and words[n - 1] in CHANGE_FILLERS:
            n -= 1  # "a reduction of over 40 percent", "a drop of nearly 3%"
        if n > 1 and words[n - 1] == "of" and words[n - 2] in CHANGE_NOUNS:
            noun = words[n - 2]
    if noun is None or (f.kind == "money" and noun in RESULT_NOUNS):
        return None
    return noun


def _annual_rate(body: str, f: Found) -> bool:
    """A count stated as an annual rate, the phrase right after it or right before it."""
    after, before = body[f.end : f.end + 40], body[max(0, f.start - 48) : f.start]
    return ("nnual" in after and g.ANNUAL_RATE_AFTER.match(body, f.end) is not None) or (
        "nnual" in before and g.ANNUAL_RATE_BEFORE.search(body, max(0, f.start - 48), f.start) is not None
    )


def _rate_after_noun(body: str, f: Found) -> re.Match[str] | None:
    """The denominator of a rate stated after what the figure counts or measures: "500,000 vehicles
    a year" (the count's noun), "250,000 barrels of crude a day" (the measure's "of" phrase)."""
    if f.kind == "count":
        if f.noun is None:
            return None
        at = body.find(f.noun, f.end, f.end + 40)
        m = g.PER_UNIT.match(body, at + len(f.noun)) if at >= 0 else None
        # "power 778 households each year": what happens every year, not a rate of households
        return None if m is None or body[m.start() : m.end()].lstrip(g.INLINE_SPACES)[:4].lower() == "each" else m
    of = g.OF_PHRASE.match(body, f.end)
    return g.PER_UNIT.match(body, of.end()) if of else None


def _rate_unit(unit: str, per_unit: str | None) -> str | None:
    """The rate unit a quantity per a time makes, when the grammar emits it whole ("barrel/day",
    "m/s", "km/h"): one unit for one measure, however the text spells the rate."""
    if per_unit is None:
        return None
    for per in (per_unit, RATE_TIME_SYMBOLS.get(per_unit)):
        if per is not None and f"{unit}/{per}" in DIMENSION_OF:
            return f"{unit}/{per}"
    return None


RATE_TIME_SYMBOLS = {"second": "s", "hour": "h"}  # the time's symbol in the rate units of units.json


def _rate_after_conversion(body: str, f: Found) -> re.Match[str] | None:
    """The denominator after a conversion in brackets, for the figure before it and the one inside:
    "0.4 inches (1 cm) per hour", "$5.18 (C$7.05) a bushel"."""
    after = g.CONVERSION_BRACKET.match(body, f.end)
    if after is None:
        opened = body.rfind("(", max(0, f.start - CONVERSION_OPENER_CHARS), f.start)
        inside = opened >= 0 and ")" not in body[opened : f.start]
        after = g.BRACKET_CLOSE.match(body, f.end) if inside else None
    return g.PER_UNIT.match(body, after.end()) if after else None


CONVERSION_OPENER_CHARS = 12  # "(about 1 cm)": the words a conversion's figure may stand after its bracket


def _per_unit_name(noun: str) -> str:
    """A denominator in canonical form: a unit's symbol, a currency's code ("132 yen per euro" ->
    EUR), a duration unit, else the noun as written."""
    unit = NAMES_OR_SYMBOLS.get(noun) or CURRENCY_WORDS.get(noun)
    if unit is not None:
        return unit
    return DURATION_UNITS.get(noun) or PER_SYNONYMS.get(noun, noun)
