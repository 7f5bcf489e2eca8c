"""Clusters of claims that state the same thing across documents.

Two kinds of evidence join claims:

- the same figure: equal (metric, value) pairs. Metrics come from the catalogue of canonical
  measures, the same one `metric_consistency` groups by, so two claims reporting
  `defense_spending_gdp_share = 2` state the same fact however differently they are worded. A claim
  carrying several figures joins through one of them only (the one most claims carry, ties by
  key), so it cannot bridge two unrelated facts into one cluster.
- the same wording: rapidfuzz `token_set_ratio` on normalised text (`newsfacts.claims.normalise`)
  of at least `WORDING_THRESHOLD`, with the shorter claim at least `MIN_LENGTH_RATIO` of the
  longer so a short sentence is not "contained" in every long one, and the very same numbers
  ("grew 2%" is not "grew 3%", however alike the rest reads).
  Claims that both carry figures but share none are never joined by wording: "$550 billion
  pledged" and "US$60 billion invested" are different statements however alike they read.

All-pairs matching is out of the question at 4 million claims. Claims are first collapsed into
units of equal normalised text and equal figure keys (syndicated copy repeats sentences verbatim),
then only distinct texts are compared, within blocks: by figure key, and by pairs of each text's
rarest shared tokens (a cheap stand-in for MinHash: near-duplicates share their rare words).
Blocks larger than `MAX_BLOCK` are compared in overlapping windows of their sorted texts. Block
keys are a stable digest of the token pair (not Python's per-process `hash()`), so blocks are met in
the same order in every process. The scores of a large block (or window) are a function of its texts
alone; a `PairCache` of an earlier run hands them back for a block whose texts are unchanged, so a
refresh that adds a few claims scores only the blocks those claims enter. Cluster ids are a hash of
the cluster's smallest (document_id, text) member, so they are stable across runs and input order.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

from newsfacts.claims.model import ClusterInput
from newsfacts.claims.normalise import normalise, numbers

WORDING_THRESHOLD = 90
MIN_LENGTH_RATIO = 0.6
MIN_TOKENS = 4
RARE_TOKENS = 4
MAX_BLOCK = 2000
_SMALL_BLOCK = 12


class _Units:
    """Union-find over units (distinct normalised text with distinct figure keys).

    Each root remembers the figure keys of its whole component, and a merge by wording is refused
    when both components carry figures and share none: compatibility is checked for the clusters
    being joined, not only for the two claims that matched, so chains cannot creep across facts.
    """

    def __init__(self, keys: list[frozenset[tuple[str, float]]]) -> None:
        self.parent = list(range(len(keys)))
        self.keys = list(keys)

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int, *, force: bool = False) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        ki, kj = self.keys[ri], self.keys[rj]
        if not force and ki and kj and ki.isdisjoint(kj):
            return False
        lo, hi = min(ri, rj), max(ri, rj)
        self.parent[hi] = lo
        self.keys[lo] = ki | kj
        return True


def _groups(keys: list[int], members: list[int]) -> Iterable[list[int]]:
    """Members grouped by key, groups of two or more only (sort-based: no dict of lists)."""
    if not keys:
        return
    k = np.asarray(keys, dtype=np.int64)
    m = np.asarray(members, dtype=np.int64)
    order = np.argsort(k, kind="stable")
    k, m = k[order], m[order]
    bounds = np.flatnonzero(np.diff(k)) + 1
    for chunk in np.split(m, bounds):
        if len(chunk) > 1:
            yield chunk.tolist()


def _figure_links(unit_keys: list[frozenset[tuple[str, float]]], units: _Units) -> None:
    """Join units through one shared figure key each (the best supported, ties by key)."""
    support = Counter(k for keys in unit_keys for k in keys)
    anchor: dict[tuple[str, float], int] = {}
    for u, keys in enumerate(unit_keys):
        if not keys:
            continue
        key = min(keys, key=lambda k: (-support[k], k))
        if key in anchor:
            units.union(anchor[key], u, force=True)
        else:
            anchor[key] = u


@dataclass
class _Texts:
    """The distinct normalised texts, with what the wording test needs of each."""

    texts: list[str]
    sizes: list[int]
    numbers: list[frozenset[str]]
    units_of: list[list[int]]

    def __post_init__(self) -> None:
        # The same test on arrays, for the many pairs of a large block at once.
        ids: dict[frozenset[str], int] = {}
        self.size_array = np.asarray(self.sizes, dtype=np.int64)
        self.number_ids = np.asarray([ids.setdefault(n, len(ids)) for n in self.numbers], dtype=np.int64)

    def comparable(self, i: int, j: int) -> bool:
        """Worth a wording score: similar length, long enough, and the very same numbers."""
        lo, hi = sorted((self.sizes[i], self.sizes[j]))
        return lo >= MIN_TOKENS and lo >= MIN_LENGTH_RATIO * hi and self.numbers[i] == self.numbers[j]

    def link(self, i: int, j: int, units: _Units) -> None:
        for u in self.units_of[i]:
            for v in self.units_of[j]:
                units.union(u, v)


class PairCache:
    """The matching pairs of large blocks from an earlier run, by a digest of each block's texts.

    `stored` maps digests to encoded pairs (as `used` holds them after a run); `used` keeps the
    entries this run needed, found or computed, which is what a caller stores for the next run.
    """

    def __init__(self, stored: Mapping[str, str] | None = None) -> None:
        self.stored = dict(stored or {})
        self.used: dict[str, str] = {}
        self.hits = 0
        self.misses = 0

    def pairs(
        self, strings: list[str], compute: Callable[[], tuple[np.ndarray, np.ndarray]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(rows, cols) of the matching pairs among `strings`: stored, or computed and kept."""
        key = hashlib.blake2b("\x1e".join(strings).encode(), digest_size=16).hexdigest()
        blob = self.stored.get(key)
        if blob is None:
            self.misses += 1
            rows, cols = compute()
            blob = base64.b64encode(np.stack([rows, cols]).astype(np.int16).tobytes()).decode()
        else:
            self.hits += 1
            rows, cols = np.frombuffer(base64.b64decode(blob), dtype=np.int16).reshape(2, -1).astype(np.int64)
        self.used[key] = blob
        return rows, cols


def _window_pairs(
    strings: list[str], numbers: np.ndarray, sizes: np.ndarray, workers: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of `strings` whose wording matches and that are `comparable`, in row-major order."""
    scores = process.cdist(
        strings, strings, scorer=fuzz.token_set_ratio, score_cutoff=WORDING_THRESHOLD, dtype=np.uint8, workers=workers
    )
    rows, cols = np.nonzero(np.triu(scores, 1))
    lo, hi = np.minimum(sizes[rows], sizes[cols]), np.maximum(sizes[rows], sizes[cols])
    keep = (lo >= MIN_TOKENS) & (lo >= MIN_LENGTH_RATIO * hi) & (numbers[rows] == numbers[cols])
    return rows[keep], cols[keep]


def _wording_links(block: list[int], corpus: _Texts, units: _Units, workers: int, cache: PairCache) -> None:
    """Join the units of the distinct texts in one block whose wording matches.

    Pairs already in one cluster are skipped before scoring where possible: a pair of texts
    usually shares several blocking keys, and only the first block needs to score it.
    """
    roots = [units.find(corpus.units_of[t][0]) for t in block]
    single = [len(corpus.units_of[t]) == 1 for t in block]
    if len(set(roots)) == 1 and all(single):
        return
    texts = corpus.texts
    if len(block) <= _SMALL_BLOCK:
        for a, b in combinations(range(len(block)), 2):
            i, j = block[a], block[b]
            if (roots[a] == roots[b] and single[a] and single[b]) or not corpus.comparable(i, j):
                continue
            if fuzz.token_set_ratio(texts[i], texts[j], score_cutoff=WORDING_THRESHOLD):
                corpus.link(i, j, units)
        return
    order = sorted(range(len(block)), key=lambda k: texts[block[k]])
    block = [block[k] for k in order]
    block_arr = np.asarray(block, dtype=np.int64)
    root_arr = np.asarray([roots[k] for k in order])
    single_arr = np.asarray([single[k] for k in order])
    step = MAX_BLOCK // 2
    for lo in range(0, max(1, len(block) - step), step):
        window = block_arr[lo : lo + MAX_BLOCK]
        strings = [texts[t] for t in window.tolist()]
        score = partial(_window_pairs, strings, corpus.number_ids[window], corpus.size_array[window], workers)
        rows, cols = cache.pairs(strings, score)
        rows, cols = rows + lo, cols + lo
        keep = (root_arr[rows] != root_arr[cols]) | ~(single_arr[rows] & single_arr[cols])
        for a, b in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True):
            corpus.link(block[a], block[b], units)


def _blocking_keys(tokens: list[list[str]]) -> tuple[list[int], list[int]]:
    """(key, text) pairs: pairs of each distinct text's rarest shared tokens."""
    df: Counter[str] = Counter()
    for toks in tokens:
        df.update(set(toks))
    keys: list[int] = []
    members: list[int] = []
    for i, toks in enumerate(tokens):
        rare = sorted({t for t in toks if df[t] > 1}, key=lambda t: (df[t], t))[:RARE_TOKENS]
        for a, b in combinations(rare, 2):
            keys.append(_stable_key(a, b))
            members.append(i)
    return keys, members


def _stable_key(a: str, b: str) -> int:
    """A 64-bit key of a token pair, the same in every process."""
    return int.from_bytes(hashlib.blake2b(f"{a}\x1f{b}".encode(), digest_size=8).digest(), "little", signed=True)


def cluster_id(document_id: str, text: str) -> str:
    """The stable id of a cluster, from its smallest member."""
    return "clu_" + hashlib.sha1(f"{document_id}\x1f{text}".encode()).hexdigest()[:16]


def cluster_claims(
    claims: Sequence[ClusterInput],
    *,
    normalised: Sequence[str] | None = None,
    workers: int = -1,
    cache: PairCache | None = None,
) -> list[str]:
    """One cluster id per input claim, in input order; claims stating the same thing share it.

    `workers` is passed to rapidfuzz's cdist for large blocks (-1: all cores); clustering runs once
    over the whole corpus rather than per document batch, so it may use every core. `cache` holds the
    large blocks' scores of an earlier run (see PairCache); the result is the same with or without it.
    `normalised`: each claim's `" ".join(normalise(text))`, when the caller keeps them (the clusters
    stage does, so a refresh does not tokenise every claim again); the result is the same.
    """
    if normalised is not None and len(normalised) != len(claims):
        raise ValueError(f"{len(normalised)} normalised texts for {len(claims)} claims")
    cache = cache if cache is not None else PairCache()
    if not claims:
        return []
    text_index: dict[str, int] = {}
    texts: list[str] = []
    tokens: list[list[str]] = []
    unit_index: dict[tuple[int, frozenset[tuple[str, float]]], int] = {}
    unit_keys: list[frozenset[tuple[str, float]]] = []
    text_units: list[list[int]] = []
    claim_unit: list[int] = []
    known: dict[str, tuple[str, list[str] | None]] = {}  # syndicated copy repeats sentences verbatim
    for i, c in enumerate(claims):
        if normalised is not None:
            text, toks = normalised[i], None
        else:
            seen = known.get(c.text)
            if seen is None:
                words = normalise(c.text)
                seen = known[c.text] = (" ".join(words), words)
            text, toks = seen
        t = text_index.setdefault(text, len(texts))
        if t == len(texts):
            texts.append(text)
            tokens.append(text.split() if toks is None else toks)
            text_units.append([])
        u = unit_index.setdefault((t, c.figure_keys), len(unit_keys))
        if u == len(unit_keys):
            unit_keys.append(c.figure_keys)
            text_units[t].append(u)
        claim_unit.append(u)
    units = _Units(unit_keys)
    _figure_links(unit_keys, units)
    corpus = _Texts(texts, [len(t) for t in tokens], [numbers(t) for t in tokens], text_units)
    for t, same_text in enumerate(text_units):
        if len(same_text) > 1:
            corpus.link(t, t, units)
    for block in _groups(*_blocking_keys(tokens)):
        _wording_links(block, corpus, units, workers, cache)
    smallest: dict[int, tuple[str, str]] = {}
    roots = [units.find(u) for u in claim_unit]
    for root, c in zip(roots, claims, strict=True):
        key = (c.document_id, c.text.strip())
        if root not in smallest or key < smallest[root]:
            smallest[root] = key
    ids = {root: cluster_id(*key) for root, key in smallest.items()}
    return [ids[root] for root in roots]


def cluster_members(ids: Sequence[str]) -> dict[str, list[int]]:
    """Input positions per cluster id, handy for building `claim_clusters`."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, cid in enumerate(ids):
        out[cid].append(i)
    return dict(out)
