"""The metric catalog: which canonical measure a figure reports, from the words of its own phrase.

Rules live in `newsfacts/metrics.yaml` so a data engineer can add or tune a metric without touching
code (see the header of that file for the syntax). A rule applies when the figure's kind and unit
match, every signal group occurs in the window searched (the figure's phrase, then its clause: see
`match_windows`), every context group occurs somewhere in the document body and no exclude term
occurs in that window. Among applicable rules the one with the
most signal groups wins (the most specific), then the one whose signals sit closest to the figure,
then the earlier rule in the file, so the choice is deterministic.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from newsfacts.facts.trie import break_class, tailed_trie_regex
from newsfacts.figures.model import KINDS

PACKAGED_CATALOG = Path(__file__).resolve().parents[1] / "metrics.yaml"
PERIOD_GRAINS = ("day", "month", "quarter", "year", "none")
VARY_AXES = ("tenor", "frequency", "core", "change", "prior", "stance", "session")


@dataclass(frozen=True, slots=True)
class MetricRule:
    name: str
    kind: str
    units: frozenset[str] | None  # None: any unit of the kind
    signals: tuple[re.Pattern[str], ...]
    context: tuple[re.Pattern[str], ...]
    exclude: re.Pattern[str] | None
    subject: str | None
    order: int
    period: str = "none"  # the grain sources are compared at
    vary: frozenset[str] = frozenset()  # qualifiers that split the metric into separate facts
    subject_types: frozenset[str] | None = None  # None: a subject of any kind
    period_default: str = "article"  # without a stated period: the article's main one, or "published"
    compare: bool = True  # False: a metric worth naming but not compared across sources
    concepts: frozenset[str] = frozenset()  # the rule applies to figures whose concept is one of these


def compile_terms(terms: list[str]) -> re.Pattern[str]:
    """One pattern matching any of `terms` (syntax in metrics.yaml's header).

    Word terms share one boundary check and one case-insensitive alternation, which keeps the scan
    of a sentence to a single cheap pass however many terms a group lists.
    """
    folded: list[str] = []
    exact: list[str] = []
    raw: list[str] = []
    leads: list[tuple[str, bool] | None] = []
    for term in terms:
        term = str(term).strip()
        if term.startswith("re:"):
            raw.append(f"(?:{term[3:]})")
            continue
        word = term.rstrip("*")
        leads.append(_lead(word, term.endswith("*")))
        body = re.escape(word).replace(r"\ ", r"\s+") + (r"\w*" if term.endswith("*") else "")
        acronym = any(c.isalpha() for c in word) and word.upper() == word
        (exact if acronym else folded).append(body)
    words = [f"(?i:{'|'.join(folded)})"] if folded else []
    words += exact
    parts = [rf"(?<!\w)(?:{'|'.join(words)})(?!\w)"] if words else []
    pattern = re.compile("|".join(parts + raw))
    if not raw and leads and all(leads):
        whole = frozenset(run for run, prefix in leads if not prefix)  # type: ignore[misc]
        prefixes = tuple(sorted({run for run, prefix in leads if prefix}))  # type: ignore[misc]
        _LEADS[id(pattern)] = (pattern, whole, prefixes)
    return pattern


# A term's match starts a word, so the sentence's word (its run of \w characters, folded as
# `re.IGNORECASE` folds ASCII letters) there is the term's leading run, or starts with it for a
# "tariff*" term. The pattern is tried only at such words: a few dictionary lookups instead of
# a regex scan of the sentence per pattern. Keyed by id (the entry holds the pattern, so the id
# stays its own): hashing a compiled pattern hashes its whole program, microseconds per lookup.
# The per-document caches below key on id too.
_LEADS: dict[int, tuple[re.Pattern[str], frozenset[str], tuple[str, ...]]] = {}
_RUN = re.compile(r"\w+")
# the non-ASCII letters `re.IGNORECASE` takes for ASCII ones (re._casefix), mapped to them
_IGNORECASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_IGNORECASE_ODD = "".join(map(chr, _IGNORECASE_FOLD))  # a sentence without them folds by lower() alone


def ignorecase_fold(text: str) -> str:
    """`text` with each character as `re.IGNORECASE` compares it with an ASCII letter, digit or
    mark: it equals one in the folded text exactly when it matches it case-insensitively (the
    length may change where lower() lengthens a character)."""
    odd = not text.isascii() and any(ch in text for ch in _IGNORECASE_ODD)
    return text.translate(_IGNORECASE_FOLD).lower() if odd else text.lower()


def _lead(word: str, prefix: bool) -> tuple[str, bool] | None:
    """(the leading run of a term's first word, whether a longer word may begin with it); None
    when the term cannot be told by its first word (not ASCII, or opening with punctuation)."""
    parts = word.split()
    if not parts or not parts[0].isascii():
        return None
    m = _RUN.match(parts[0].lower())
    if m is None:
        return None
    run = m.group()
    return run, prefix and len(parts) == 1 and run == parts[0].lower()


MAX_MEMO_WORDS = 100_000  # distinct words memoised per catalog (some 10 MB at most; news vocabularies are smaller)


class _LeadIndex:
    """Which patterns may match at a word, keyed by the word's folded run (see `_LEADS`): one pass
    over a sentence's words gives every indexed pattern's candidate offsets at once, instead of a
    pass over each pattern's terms per sentence."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.whole: dict[str, list[int]] = {}
        self.prefix: dict[str, list[int]] = {}
        self.indexed: set[int] = set()
        for pattern in patterns:
            entry = _LEADS.get(id(pattern))
            if entry is None or entry[0] is not pattern or id(pattern) in self.indexed:
                continue
            self.indexed.add(id(pattern))
            for run in entry[1]:
                self.whole.setdefault(run, []).append(id(pattern))
            for prefix in entry[2]:
                self.prefix.setdefault(prefix, []).append(id(pattern))
        self.lengths = tuple(sorted({len(p) for p in self.prefix}))
        self._by_run: dict[str, tuple[int, ...]] = {}
        # the words that lead some pattern, whole or as a prefix: a sentence is read by one regex
        # pass (over its folded form) that stops only at them, not by a Python step per word. Past
        # the sentence's start a word is read with the character before it (a class the engine
        # skips to; a look behind first would be tried at every position), and only where its
        # first letter may lead one
        # One trie for both, a whole word's tail its end, so each word start costs one trie.
        # A match runs on to the end of its word's run of \w characters (as _RUN reads it), the same
        # run in the sentence: lower() keeps which characters are word characters when it keeps the
        # length. Every word is a run of \w characters, so every match of a word ends there.
        leads = [*((w, r"(?!\w)") for w in self.whole), *((p, "") for p in self.prefix)]
        either = rf"{tailed_trie_regex(leads)}\w*"
        firsts = "".join(sorted({re.escape(w[0]) for w in (*self.whole, *self.prefix)}))
        self._lead_first = re.compile(either) if leads else None
        self._lead_words = re.compile(rf"{break_class()}(?=[{firsts}]){either}") if leads else None

    def starts(self, pattern: re.Pattern[str], sentence: str, cache: dict[Any, Any]) -> list[int] | None:
        """Every offset where `pattern` may match in the sentence, ascending (None: any offset)."""
        if id(pattern) not in self.indexed:
            return None
        found = self.found(sentence, cache)
        return None if found is None else found.get(id(pattern), [])

    def found(self, sentence: str, cache: dict[Any, Any]) -> dict[int, list[int]] | None:
        """Indexed pattern id -> its candidate offsets in the sentence (an id absent: none); None
        when the sentence cannot be indexed (case folding changes its length)."""
        key = ("leads", sentence)
        if key not in cache:
            cache[key] = self._scan(sentence)
        return cache[key]

    def _scan(self, sentence: str) -> dict[int, list[int]] | None:
        folded = ignorecase_fold(sentence)
        if len(folded) != len(sentence):  # offsets carry over only when lower() keeps lengths
            return None
        found: dict[int, list[int]] = {}  # ascending: words are read left to right, once each
        if self._lead_words is None or self._lead_first is None:
            return found
        first = self._lead_first.match(folded)
        words = [(0, first.group())] if first is not None else []
        words += [
            (m.start() + 1, m.group()[1:]) for m in self._lead_words.finditer(folded, first.end() if first else 0)
        ]
        memo = self._by_run
        for start, run in words:
            hit = memo.get(run)
            for pid in hit if hit is not None else self._patterns_at(run):
                found.setdefault(pid, []).append(start)
        return found

    def _patterns_at(self, run: str) -> tuple[int, ...]:
        """The ids of the patterns a word may start, memoised per word: a language's words repeat
        across documents (Zipf), its sentences do not."""
        hit = self._by_run.get(run)
        if hit is None:
            pids = list(self.whole.get(run, ()))
            for n in self.lengths:
                if n > len(run):
                    break
                pids += self.prefix.get(run[:n], ())
            hit = tuple(dict.fromkeys(pids))
            if len(self._by_run) < MAX_MEMO_WORDS:
                self._by_run[run] = hit
        return hit


class _At(NamedTuple):
    """Where a figure stands: its span in its sentence, the document, the document's cache."""

    sentence: str
    start: int
    end: int
    document: str
    cache: dict[Any, Any]


class MetricCatalog:
    """Compiled metric rules; `match_windows` picks the metric of one figure."""

    def __init__(self, rules: list[MetricRule], digest: str) -> None:
        self.rules = tuple(rules)
        self.digest = digest
        self._by_kind: dict[str, tuple[MetricRule, ...]] = {
            kind: tuple(r for r in self.rules if kind in r.kind.split(",")) for kind in KINDS
        }
        # (kind, concept) -> the rules of the kind that list the concept, in order (match_concept)
        self._listing: dict[tuple[str, str], tuple[MetricRule, ...]] = {}
        for kind, rules in self._by_kind.items():
            for rule in rules:
                for concept in rule.concepts:
                    self._listing[(kind, concept)] = (*self._listing.get((kind, concept), ()), rule)
        patterns = [p for r in self.rules for p in (*r.signals, *([r.exclude] if r.exclude else []))]
        self._leads = _LeadIndex(patterns)
        self._indexed_signals = {
            r.order: frozenset(id(p) for p in r.signals if id(p) in self._leads.indexed) for r in self.rules
        }
        # (kind, unit) -> its rules with signals that admit the unit, each with its indexed signals
        self._of_unit: dict[tuple[str, str], tuple[tuple[MetricRule, frozenset[int]], ...]] = {}

    @property
    def metrics(self) -> list[str]:
        return sorted({r.name for r in self.rules})

    def match_concept(
        self,
        kind: str,
        unit: str,
        concept: str | None,
        document: str,
        cache: dict[Any, Any],
        by_signals: bool = False,
    ) -> MetricRule | None:
        """The first rule listing `concept` among its `concepts` (context groups permitting).

        `by_signals`: also a rule of one signal group that the whole concept is a term of (a
        concept the grammar read off another figure: "412 of the 650 seats" counts seats)."""
        if not concept:
            return None
        # without `by_signals` only the rules that list the concept can apply
        rules = self._by_kind.get(kind, ()) if by_signals else self._listing.get((kind, concept), ())
        for rule in rules:
            named = concept in rule.concepts or (
                by_signals
                and len(rule.signals) == 1
                and rule.signals[0].fullmatch(concept) is not None
                and (rule.exclude is None or rule.exclude.search(concept) is None)
            )
            fits = named and (rule.units is None or unit in rule.units)
            if fits and all(_in_document(p, document, cache) for p in rule.context):
                return rule
        return None

    def match_windows(
        self,
        kind: str,
        unit: str,
        sentence: str,
        start: int,
        end: int,
        document: str,
        cache: dict[Any, Any],
        windows: list[tuple[int, int]],
        anchor: tuple[int, int] | None = None,
    ) -> MetricRule | None:
        """The rule found in the first window (sentence offsets) where any applies, or None.

        The fact layer passes the figure's own phrase, then its clause: a signal word elsewhere in
        the sentence ("index" in "the consumer price index rose 0.3%, while the Nasdaq fell 1%")
        never decides another figure's metric. With `anchor` (the figure's phrase), the whole
        sentence is tried last, for rules of two or more signal groups one of which occurs in the
        anchor: "On defence, Japan is building up to 2% of GDP" ("build up", "GDP" are the
        figure's own words; "defence" sets the topic for the sentence).
        """
        rules = self._in_sentence(kind, unit, sentence, cache)
        at = _At(sentence, start, end, document, cache)
        for window in windows:
            rule = self._best(rules, at, window)
            if rule is not None:
                return rule
        if anchor is not None:
            return self._best(rules, at, (0, len(sentence)), anchor)
        return None

    def _in_sentence(self, kind: str, unit: str, sentence: str, cache: dict[Any, Any]) -> tuple[MetricRule, ...]:
        """The rules of this kind and unit whose every signal group occurs somewhere in the sentence:
        only they can apply in a window of it, and a sentence's figures and windows share the list."""
        key = ("rules", kind, unit, sentence)
        rules = cache.get(key)
        if rules is None:
            leads = self._leads.found(sentence, cache)
            rules = cache[key] = tuple(
                rule
                for rule, indexed in self._rules_of_unit(kind, unit)
                # a signal whose words the sentence lacks rules a rule out without a regex match
                if (leads is None or leads.keys() >= indexed)
                and all(self._spans(p, sentence, cache) for p in rule.signals)
            )
        return rules

    def _rules_of_unit(self, kind: str, unit: str) -> tuple[tuple[MetricRule, frozenset[int]], ...]:
        """The rules of a kind with signals that admit `unit`, in order, with their indexed signals'
        ids (memoised: a handful of kinds and units, asked for every sentence)."""
        found = self._of_unit.get((kind, unit))
        if found is None:
            found = self._of_unit[(kind, unit)] = tuple(
                (rule, self._indexed_signals[rule.order])
                for rule in self._by_kind.get(kind, ())
                if (rule.units is None or unit in rule.units) and rule.signals
            )
        return found

    def _best(
        self, rules: tuple[MetricRule, ...], at: _At, window: tuple[int, int], anchor: tuple[int, int] | None = None
    ) -> MetricRule | None:
        """The best of `rules` whose signals lie in `window` (one in `anchor` when given) and whose
        exclude terms are absent from the window."""
        sentence, start, end, document, cache = at
        best: tuple[int, int, int] | None = None
        chosen = None
        for rule in rules:
            if anchor is not None and len(rule.signals) < 2:
                continue
            found = []
            for pattern in rule.signals:
                spans = self._spans_in(pattern, sentence, window, cache)
                if not spans:
                    break
                found.append(spans)
            else:
                if anchor is not None and not any(self._spans_in(p, sentence, anchor, cache) for p in rule.signals):
                    continue
                if rule.exclude is not None and self._spans_in(rule.exclude, sentence, window, cache):
                    continue
                if not all(_in_document(p, document, cache) for p in rule.context):
                    continue
                # the farthest group's nearest match: every group must be close for a rule to win
                distance = max(min(max(0, start - e, s - end) for s, e in spans) for spans in found)
                key = (-len(rule.signals), distance, rule.order)
                if best is None or key < best:
                    best, chosen = key, rule
        return chosen

    def _spans_in(
        self, pattern: re.Pattern[str], sentence: str, window: tuple[int, int], cache: dict[Any, Any]
    ) -> list[tuple[int, int]]:
        """Matches of `pattern` in the sentence that lie inside `window` (the sentence scanned once)."""
        spans = self._spans(pattern, sentence, cache)
        if not spans:
            return spans
        low, high = window
        return [(s, e) for s, e in spans if low <= s and e <= high]

    def _spans(self, pattern: re.Pattern[str], sentence: str, cache: dict[Any, Any]) -> list[tuple[int, int]]:
        """Every match of `pattern` in the sentence, as finditer reads them (cached per sentence)."""
        key = (id(pattern), sentence)
        spans = cache.get(key)
        if spans is None:
            starts = self._leads.starts(pattern, sentence, cache)
            if starts is None:
                spans = [m.span() for m in pattern.finditer(sentence)]
            else:  # as finditer reads: left to right, each match tried only after the one before
                spans, last = [], 0
                for pos in starts:
                    if pos >= last:
                        m = pattern.match(sentence, pos)
                        if m is not None:
                            spans.append(m.span())
                            last = m.end()
            cache[key] = spans
        return spans


def _in_document(pattern: re.Pattern[str], document: str, cache: dict[Any, Any]) -> bool:
    key = ("document", id(pattern))
    if key not in cache:
        cache[key] = pattern.search(document) is not None
    return cache[key]


def _groups(entry: dict[str, Any], key: str, name: str) -> tuple[re.Pattern[str], ...]:
    groups = entry.get(key) or []
    if not isinstance(groups, list) or not all(isinstance(g, list) and g for g in groups):
        raise ValueError(f"metric {name!r}: {key} must be a list of non-empty lists of terms")
    return tuple(compile_terms(g) for g in groups)


def parse_catalog(data: dict[str, Any], digest: str) -> MetricCatalog:
    """Validate and compile a catalog already loaded from YAML."""
    rules = []
    for order, entry in enumerate(data.get("metrics") or []):
        name = entry.get("name")
        kinds = entry.get("kind")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
        if not name or not kinds or any(k not in KINDS for k in kinds):
            raise ValueError(f"metric entry {order}: needs a name and a kind in {KINDS}, got {entry!r}")
        kind = ",".join(kinds)
        period = entry.get("period", "none")
        if period not in PERIOD_GRAINS:
            raise ValueError(f"metric {name!r}: period must be one of {PERIOD_GRAINS}, got {period!r}")
        vary = entry.get("vary", list(VARY_AXES))
        if not isinstance(vary, list) or any(v not in VARY_AXES for v in vary):
            raise ValueError(f"metric {name!r}: vary must be a list of {VARY_AXES}, got {vary!r}")
        types = entry.get("subject_types")
        unit = entry.get("unit", "*")
        units = None if unit == "*" else frozenset([unit] if isinstance(unit, str) else unit)
        signals = _groups(entry, "signals", name)
        concepts = frozenset(str(c).lower() for c in entry.get("concepts") or [])
        if not signals and not concepts:
            raise ValueError(f"metric {name!r}: at least one signal group (or a concepts list) is required")
        exclude = entry.get("exclude") or []
        rules.append(
            MetricRule(
                name=str(name),
                kind=kind,
                units=units,
                signals=signals,
                context=_groups(entry, "context", name),
                exclude=compile_terms(exclude) if exclude else None,
                subject=entry.get("subject"),
                order=order,
                period=period,
                vary=frozenset(vary),
                subject_types=frozenset(types) if types else None,
                period_default=str(entry.get("period_default", "article")),
                compare=bool(entry.get("compare", True)),
                concepts=concepts,
            )
        )
    return MetricCatalog(rules, digest)


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> MetricCatalog:
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    return parse_catalog(yaml.safe_load(data.decode("utf-8")) or {}, digest)


def load_catalog(path: str | Path | None = None) -> MetricCatalog:
    """Load a catalog (None: the packaged newsfacts/metrics.yaml); cached until the file changes."""
    name = os.path.abspath(path or PACKAGED_CATALOG)
    stat = os.stat(name)
    return _load(name, stat.st_mtime_ns, stat.st_size)
