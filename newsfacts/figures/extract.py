"""extract_figures: every numeric figure in a document body, typed, normalised and tied to a metric.

Two linear scans find candidate numbers (digits; number words), then each candidate is read left to
right: the amount glued to it, a range it opens, the qualifier before it, and whether a bare number
is a year, a count or nothing at all. A candidate swallowed by an earlier figure is skipped, so
figures never overlap and each character is examined a bounded number of times.
"""

from __future__ import annotations

import datetime
import heapq
from dataclasses import dataclass

from newsfacts.facts.key import NO_FACT, FactReader
from newsfacts.figures import grammar as g
from newsfacts.figures.amounts import Amount, read_amount
from newsfacts.figures.catalog import MetricCatalog, load_catalog
from newsfacts.figures.context import (
    is_enumerator,
    is_label_or_name,
    left_attachment,
    masked_end,
    month_before,
    name_chain_end,
)
from newsfacts.figures.counts import numeral_counts, spelled_counts
from newsfacts.figures.lexicon import DURATION_UNITS
from newsfacts.figures.model import VALUE_RANGES, Figure
from newsfacts.figures.numbers import FOLD_WORDS, MULTIPLIER_WORDS, is_year_like
from newsfacts.figures.qualifiers import bounds, qualifier_before
from newsfacts.figures.ranges import Range, read_range
from newsfacts.sentences import MAX_BODY_CHARS, sentence_at, split_sentences

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
    sentences = split_sentences(text, start, end)
    cache: dict = {}
    figures = []
    facts = FactReader(catalog, text, start, end, published_date)
    located = [(f, sentence_at(sentences, f.start + start)) for f in found]
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for f, sent in located:
        by_sentence.setdefault(id(sent), []).append((f.start + start, f.end + start))
    for f, sent in located:
        lo, hi = f.start + start, f.end + start
        # a figure cut by a forced sentence break (see sentences.MAX_SENTENCE_CHARS) stands alone
        s_text, s_start = (sent.text, sent.start) if sent and hi <= sent.end else (text[lo:hi], lo)
        spans = by_sentence[id(sent)]
        if len(spans) > MAX_FACT_FIGURES_PER_SENTENCE:
            fact = NO_FACT  # a table or a number dump: no figure has a phrase of its own
        else:
            others = tuple((a - s_start, b - s_start) for a, b in spans if (a, b) != (lo, hi))
            fact = facts.read(
                f.kind,
                f.unit,
                s_text,
                lo - s_start,
                hi - s_start,
                others,
                cache,
                direction=f.direction,
                endpoint=f.endpoint,
                dimension=f.dimension,
            )
        figures.append(
            Figure(
                char_start=lo,
                char_end=hi,
                raw_text=text[lo:hi],
                kind=f.kind,
                value=f.value,
                value_low=f.low,
                value_high=f.high,
                unit=f.unit,
                qualifier=f.qualifier,
                metric=fact.metric,
                subject=fact.subject,
                sentence=s_text,
                concept=fact.concept,
                per_unit=f.per_unit,
                direction=f.direction,
                endpoint=f.endpoint,
                dimension=f.dimension,
                period=fact.period,
                fact_key=fact.fact_key,
            )
        )
    return figures


def _segment(located: list, i: int, shift: int, s_len: int) -> tuple[int, int]:
    """The part of figure i's sentence between its neighbours of the same kind, in sentence offsets
    (`shift` converts body offsets to sentence offsets)."""
    f, sent = located[i]
    low, high = 0, s_len
    for j in range(i - 1, -1, -1):
        other, other_sent = located[j]
        if other_sent is not sent:
            break
        if other.kind == f.kind:
            low = max(0, other.end + shift)
            break
    for j in range(i + 1, len(located)):
        other, other_sent = located[j]
        if other_sent is not sent:
            break
        if other.kind == f.kind:
            high = min(s_len, other.start + shift)
            break
    text = sent.text if sent is not None else ""
    low = max(low, text.rfind(";", low, max(low, f.start + shift)) + 1)
    cut = text.find(";", min(high, f.end + shift), high)
    return low, cut if cut >= 0 else high


def scan(body: str) -> list[Found]:
    """All figures in `body`, in order, offsets relative to `body`."""
    digits = ((m.start(), m.end(), "") for m in g.DIGITS.finditer(body))
    words = ((m.start(), m.end(), m.lastgroup or "") for m in g.WORDS.finditer(body))
    out: list[Found] = []
    done = 0
    for s, e, group in heapq.merge(digits, words, key=lambda c: c[0]):
        if s < done:
            continue
        found, skip = _numeral(body, s, e) if not group else _word(body, s, e, group)
        if found is not None and _sane(found):
            out.append(found)
            if len(out) >= MAX_FIGURES:
                break
            skip = max(skip, found.end)
        done = max(done, skip, e)
    return out


def _sane(f: Found) -> bool:
    low, high = VALUE_RANGES[f.kind]
    return all(v is None or low <= v <= high for v in (f.value, f.low, f.high))


def _numeral(body: str, s: int, e: int) -> tuple[Found | None, int]:
    """A digit candidate: rejected early when it is glued to a name, a stamp or a list marker."""
    masked = masked_end(body, s)
    if masked is not None:
        return None, masked
    attach = left_attachment(body, s)
    end = s + len(body[s:e].rstrip(".,"))
    if attach == "name":
        letters = g.LETTERS.match(body, end)
        return None, name_chain_end(body, letters.end() if letters else end)
    stamp = g.STAMP_TAIL.match(body, end)
    if stamp:
        return None, stamp.end()  # "2025-11-13", "555-123-4567", "12:00", "11/13/2025"
    if is_enumerator(body, s, end):
        return None, end + 1
    token = body[s:end]
    if attach == "free" and token.isdigit() and len(token) <= 2 and 1 <= int(token) <= 31:
        day = _day_of_month(body, s, end)
        if day is not None:
            return day
    amt, skip = read_amount(body, s, e, False)
    if amt is None:
        return None, skip
    if attach == "date_only" and not (amt.unit == "decade_date" or _is_year(amt)):
        return None, amt.end
    return _figure(body, amt)


def _word(body: str, s: int, e: int, group: str) -> tuple[Found | None, int]:
    """A word candidate: a multiplier ("doubled"), a spelled number, or "a"/"half a" before a scale."""
    word = body[s:e].lower()
    if word in MULTIPLIER_WORDS or word in FOLD_WORDS:
        if g.DOWN_AFTER.match(body, e):
            return None, e  # "doubled down"
        value = MULTIPLIER_WORDS.get(word) or float(FOLD_WORDS[word])
        q = qualifier_before(body, s)
        return _single(s, e, "ratio", "times", value, q or "exact"), e
    if group == "word":
        m = g.SPELLED.match(body, s)
        if m is None or left_attachment(body, s) != "free":
            return None, m.end() if m else e
        amt, skip = read_amount(body, s, m.end(), True)
    else:
        amt, skip = read_amount(body, s, e, True, number=1.0 if group == "a" else 0.5)
    if amt is None:
        return None, skip
    return _figure(body, amt, article=group != "word")


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
    after = g.QUALIFIER_AFTER.match(body, amt.end)
    q = amt.after_qualifier or (after.lastgroup if after and after.lastgroup in _AFTER else None) or q
    measure = _measure(amt.currency, amt.unit)
    if measure is not None:
        kind, unit, factor = measure
        if amt.spelled and amt.number == 1 and amt.scale is None and kind not in ("money", "percent"):
            return None, amt.end  # "one day", "one year": idiom far more often than figure
        start, value = amt.start, amt.value * factor
        if kind == "percent":
            start, value = _signed(body, start, value)
        return _single(start, amt.end, kind, unit, value, q or "exact"), amt.end
    if amt.unit == "decade_date":
        return _single(amt.num_start, amt.end, "date", "year", amt.number, "approx"), amt.end
    return _bare(body, amt, q, article)


_AFTER = ("at_least", "at_most", "approx")


def _bare(body: str, amt: Amount, q: str | None, article: bool) -> tuple[Found | None, int]:
    """A number with no unit: a year, a count, or nothing."""
    if not amt.spelled and is_label_or_name(body, amt.num_start):
        return None, name_chain_end(body, amt.end)
    if _is_year(amt):
        month = month_before(body, amt.num_start)
        start = amt.num_start if month is None else month
        qualifier = "approx" if q == "approx" else "exact"
        return _single(start, amt.end, "date", "year", amt.number, qualifier), amt.end
    if article:  # "a million people", "a dozen countries"
        counts = numeral_counts(body, amt.end)
    elif amt.spelled:
        counts = amt.scale is not None or spelled_counts(body, amt.num_start, amt.end, amt.value)
    else:
        counts = amt.scale is not None or numeral_counts(body, amt.end)
    if not counts:
        return None, amt.end
    return _single(amt.num_start, amt.end, "count", "count", amt.value, q or "exact"), amt.end


def _range_figure(body: str, first: Amount, rng: Range) -> Found | None:
    """A range as a figure; bare ranges count only years or a plural noun ("10-15 companies")."""
    end = rng.second.end
    if rng.years:
        return Found(first.num_start, end, "date", None, rng.low, rng.high, "year", "range")
    measure = _measure(rng.currency, rng.unit)
    if measure is None:
        if not numeral_counts(body, end) or is_label_or_name(body, first.num_start):
            return None
        measure = ("count", "count", 1.0)
    kind, unit, factor = measure
    return Found(first.start, end, kind, None, rng.low * factor, rng.high * factor, unit, "range")


def _measure(currency: str | None, unit: str | None) -> tuple[str, str, float] | None:
    """(kind, unit, factor) for an amount with a currency or unit; None for a bare number."""
    if currency:
        return "money", currency, 1.0
    if unit in ("percent", "percentage_point"):
        return "percent", unit, 1.0
    if unit == "basis_point":
        return "percent", "percentage_point", 0.01
    if unit == "times":
        return "ratio", "times", 1.0
    if unit == "decade":
        return "duration", "year", 10.0
    if unit in DURATION_UNITS.values():
        return "duration", unit, 1.0
    return None


def _signed(body: str, start: int, value: float) -> tuple[int, float]:
    """A minus sign glued to a percentage ("-0.5%") joins the span; "minus 0.1%" only flips the sign."""
    m = g.SIGN_BEFORE.search(body, max(0, start - 10), start)
    if m is None:
        return start, value
    return (m.start() if m.end() - m.start() == 1 else start), -value


def _is_year(amt: Amount) -> bool:
    return not amt.spelled and amt.scale is None and amt.bare and is_year_like(amt.token, amt.number)


def _single(start: int, end: int, kind: str, unit: str, value: float, qualifier: str) -> Found:
    v, low, high = bounds(qualifier, value)
    return Found(start, end, kind, v, low, high, unit, qualifier)
