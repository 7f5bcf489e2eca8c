"""Subjects: which entity a figure is about, normalised through an alias table (entities.yaml).

"U.S.", "US", "United States" and "Washington" are one subject; so are a company and its ticker, a
party and its short name, a country and its adjective. The figure's own phrase is searched first,
then its clause, then its sentence, then the article (its most mentioned entity of the kind the
metric needs), so a subject is as close to the figure as the text allows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from newsfacts.facts.tables import table
from newsfacts.facts.trie import trie_regex

__all__ = ["Entity", "SubjectIndex", "entities_in", "lookup", "normalize_subject"]


class Entity(NamedTuple):
    """A known entity in a text (a named tuple: immutable, and built fast at one per mention)."""

    start: int
    end: int
    name: str
    type: str


@cache
def _aliases() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for entry in table("entities.yaml")["entities"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            out.setdefault(str(alias), (entry["name"], entry["type"]))
    return out


@cache
def _alias_tables() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The aliases split by their first character: one trie regex for those that open with a
    capital (a word character other than a lower-case letter), and the few others ("the Fed",
    "euro zone", "gold") as plain strings, longest first.

    The regex opens with the class of its first characters and looks behind from there, so the
    engine skips to capitals, which are rare inside words; a lower-case first letter ("e", "t") is
    inside nearly every word and would stop it at every one. The others are found by `str.find`,
    a handful of substring scans."""
    capital = [a for a in _aliases() if _opens_scan(a)]
    others = tuple(sorted((a for a in _aliases() if not _opens_scan(a)), key=len, reverse=True))
    return re.compile(trie_regex(capital, not_after=r"[\w&]") + _ALIAS_END), others


def _opens_scan(alias: str) -> bool:
    """Whether the capitals' regex holds `alias`: its first character is a word character (so it
    never opens where an alias just ended, see `_alias_spans`) and no lower-case ASCII letter."""
    first = alias[0]
    return _WORD.match(first) is not None and not ("a" <= first <= "z")


_ALIAS_END = r"(?![\w&]|\+)(?:['’]s)?"
_POSSESSIVES = ("'s", "’s")
_WORD = re.compile(r"\w")
_WORD_OR_AMPERSAND = re.compile(r"[\w&]")
_END_BLOCKERS = re.compile(r"[\w&+]")


def _alias_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans (alias and its "'s") of the aliases in text[start:end], as one left-to-right scan
    of every alias reads them: the longest alias that opens after a word break (or at the text's
    start) and ends at one; past an alias, the break before the next lies after its end.

    Without any of the other aliases, the capitals' regex alone: each alias it finds ends before a
    character that is not a word character or ends with "'s", and its next alias opens with a word
    character, which such a character before it rules out, as the break rule does."""
    capital, others = _alias_tables()
    found = _other_spans(text, start, end, others)
    if not found:
        return [m.span() for m in capital.finditer(text, start, end)]
    return _merged_spans(text, start, end, found)


def _merged_spans(text: str, start: int, end: int, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`_alias_spans` where some of the other aliases occur (`found`, from `_other_spans`): the
    capitals' regex searched from where the scan stands, the nearer of it and the next of `found`
    taken each time."""
    capital = _alias_tables()[0]
    out: list[tuple[int, int]] = []
    floor, i = start, 0  # the first offset the next alias may open at
    while True:
        m = capital.search(text, floor, end)
        while i < len(found) and found[i][0] < floor:
            i += 1
        if i < len(found) and (m is None or found[i][0] < m.start()):
            span = found[i]
        elif m is not None:
            span = m.span()
        else:
            return out
        out.append(span)
        floor = span[1] + 1


def _other_spans(text: str, start: int, end: int, others: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans where one of `others` (longest first) would match in text[start:end] on its own:
    after a word break, before a character that is no word character, "&" or "+", with its "'s";
    the longest at each position, ascending."""
    best: dict[int, int] = {}
    needles = _needles(others)
    present = {needle for needle in set(needles.values()) if text.find(needle, start, end) >= 0}
    for alias in others:
        if needles[alias] not in present:
            continue  # its needle, a part of it, is absent: so is the alias
        s = text.find(alias, start, end)
        while s >= 0:
            e = s + len(alias)
            if (
                s not in best
                and (s == 0 or _WORD_OR_AMPERSAND.match(text, s - 1) is None)
                and (e == end or _END_BLOCKERS.match(text, e, end) is None)
            ):
                best[s] = e + 2 if e + 2 <= end and text[e : e + 2] in _POSSESSIVES else e
            s = text.find(alias, s + 1, end)
    return sorted(best.items())


_LETTER_RUN = re.compile(r"[A-Za-z]{4,}")


@cache
def _needles(others: tuple[str, ...]) -> dict[str, str]:
    """alias -> a run of letters in it that other aliases share ("OPEC" of "non-OPEC+", "outside
    OPEC", ...), else the alias itself: `_other_spans` looks for each needle once and for an alias
    only where its needle occurs, fewer scans of the text than one per alias. Runs shared by the
    most aliases are taken first."""
    runs = {alias: set(_LETTER_RUN.findall(alias)) for alias in others}
    out: dict[str, str] = {}
    while True:
        counts = Counter(run for alias, rs in runs.items() if alias not in out for run in rs)
        shared = [(n, len(run), run) for run, n in counts.items() if n > 1]
        if not shared:
            break
        run = max(shared)[2]
        out.update({alias: run for alias, rs in runs.items() if alias not in out and run in rs})
    return {alias: out.get(alias, alias) for alias in others}


def lookup(text: str) -> str | None:
    """The canonical name for an alias as written ("U.S." -> "United States"), else None."""
    hit = _aliases().get(text.strip().removesuffix("’s").removesuffix("'s"))
    return hit[0] if hit else None


def normalize_subject(name: str | None) -> str | None:
    """A subject in canonical form: a known alias maps to its entity, anything else is kept."""
    if not name:
        return None
    clean = name.strip().removesuffix("’s").removesuffix("'s").strip()
    known = entities_in(clean)
    return lookup(clean) or (known[-1].name if known else clean) or None


def entities_in(text: str, start: int = 0, end: int | None = None) -> list[Entity]:
    """Known entities in text[start:end], in order (a sentence is scanned once, cached)."""
    end = len(text) if end is None else end
    if len(text) > MAX_CACHED_TEXT:
        return _scan(text, start, end)
    return [e for e in _entities_of(text) if start <= e.start and e.end <= end]


MAX_CACHED_TEXT = 5_000  # sentences; a document body is scanned once, uncached


@lru_cache(maxsize=512)
def _entities_of(text: str) -> tuple[Entity, ...]:
    return tuple(_scan(text, 0, len(text)))


def _scan(text: str, start: int, end: int) -> list[Entity]:
    return [Entity(a, b, name, kind) for a, b, name, kind in _hits(text, start, end)]


def _hits(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, type) of each known entity in text[start:end], in order."""
    aliases = _aliases()
    for a, b in _alias_spans(text, start, end):
        yield (a, b, *aliases[text[a:b].removesuffix("’s").removesuffix("'s")])


def _entity_counts(text: str) -> Counter[tuple[str, str]]:
    """(name, type) -> mentions in `text`, as `_hits` reads them, first seen first: the aliases are
    counted by the regex engine (findall, no match object per mention) when none of the aliases
    `_other_spans` finds occurs, then folded into their entities (an entity is first
    seen where its first-seen alias is)."""
    aliases = _aliases()
    capital, others = _alias_tables()
    spans = _other_spans(text, 0, len(text), others)
    found = [text[a:b] for a, b in _merged_spans(text, 0, len(text), spans)] if spans else capital.findall(text)
    counts: Counter[tuple[str, str]] = Counter()
    for alias, n in Counter(found).items():
        counts[aliases[alias.removesuffix("’s").removesuffix("'s")]] += n
    return counts


class SubjectIndex:
    """The entities of one document, for the article-level fallback."""

    def __init__(self, body: str) -> None:
        # the entities of entities_in(body); a long body is counted without an Entity for each
        if len(body) <= MAX_CACHED_TEXT:
            self.counts: Counter[tuple[str, str]] = Counter((e.name, e.type) for e in _entities_of(body))
        else:
            self.counts = _entity_counts(body)

    def main(self, types: frozenset[str] | None) -> str | None:
        """The most mentioned entity of one of `types` (None: any type); ties go to the first seen."""
        best = [(n, k) for (k, t), n in self.counts.items() if types is None or t in types]
        if not best:
            return None
        top = max(n for n, _ in best)
        return next(k for n, k in best if n == top)
