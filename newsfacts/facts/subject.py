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
from dataclasses import dataclass
from functools import cache, lru_cache

from newsfacts.facts.tables import table
from newsfacts.facts.trie import break_class, trie_regex

__all__ = ["Entity", "SubjectIndex", "entities_in", "lookup", "normalize_subject"]


@dataclass(frozen=True, slots=True)
class Entity:
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
def _pattern() -> re.Pattern[str]:
    """Every alias in one trie regex (a flat alternation of 500 names is tried name by name at
    every position of a document); the longest alias that ends at a word edge wins."""
    return re.compile(trie_regex(_aliases(), not_after=r"[\w&]") + _ALIAS_END)


@cache
def _after_break() -> re.Pattern[str]:
    """The same aliases read with the character before them (group 1 is the alias and its "'s"):
    a class the engine skips to, where the lookbehind of `_pattern` is tried at every letter. The
    look-ahead names the characters an alias opens with: most words fail it after one class test."""
    firsts = "".join(sorted({re.escape(alias[0]) for alias in _aliases()}))
    return re.compile(rf"{break_class('&')}(?=[{firsts}])((?:{trie_regex(_aliases())}){_ALIAS_END})")


_ALIAS_END = r"(?![\w&]|\+)(?:['’]s)?"


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
    first = _pattern().match(text, 0, end) if start == 0 else None
    if first is not None:
        yield (*first.span(), *aliases[text[first.start() : first.end()].removesuffix("’s").removesuffix("'s")])
    resume = first.end() if first is not None else start - 1 if start > 0 else 0
    for m in _after_break().finditer(text, resume, end):
        a, b = m.start(1), m.end()
        yield (a, b, *aliases[text[a:b].removesuffix("’s").removesuffix("'s")])


def _entity_counts(text: str) -> Counter[tuple[str, str]]:
    """(name, type) -> mentions in `text`, as `_hits` reads them, first seen first: the aliases are
    counted by the regex engine (findall, no match object per mention), then folded into their
    entities (an entity is first seen where its first-seen alias is)."""
    aliases = _aliases()
    first = _pattern().match(text)
    found = [text[first.start() : first.end()]] if first is not None else []
    found += _after_break().findall(text, first.end() if first is not None else 0)
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
