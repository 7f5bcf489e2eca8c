"""Throughput of claim extraction and clustering.

Builds a ~5 MB corpus by recombining the seed paragraphs (deterministic: fixed random seed),
then reports MB/s and claims/s of `extract_claims` on one core, and the time `cluster_claims` takes
on 50,000 claim inputs drawn from that corpus, mostly reworded, with synthetic figure keys.

Extraction prints wall and CPU seconds and the load average before and after: on a shared machine
compare CPU seconds, against a baseline run in the same minute. `--cluster 0` skips clustering.
`--corpus DIR` extracts from the `*.txt` files under DIR instead (real articles kept outside the
repository, whose sentences never repeat as the recombined seed paragraphs do).

    .venv/bin/python bench/claims_throughput.py [--mb 5] [--cluster 50000] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import string
import sys
import time
import zlib
from pathlib import Path

from newsfacts.claims import ClusterInput, cluster_claims, extract_claims

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: bench/ is not on the path
from bench.articles import read_articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
_FIGURE = re.compile(r"\$?\d[\d.,]*(?:%| billion| trillion| days| months| years)?")
_METRICS = [f"metric_{i}" for i in range(200)]


def build_corpus(target_bytes: int, seed: int = 7) -> list[str]:
    """Synthetic articles of 6-20 seed paragraphs each, about `target_bytes` of UTF-8 in total."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0
    while size < target_bytes:
        doc = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(6, 20)))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def bench_extract(docs: list[str]) -> tuple[list[tuple[int, str]], float, float]:
    """The claims of `docs` with the wall and CPU seconds extraction took (CPU time is what a shared
    machine cannot inflate by much, so it is the figure to compare)."""
    spans = [[m.span() for m in _FIGURE.finditer(d)] for d in docs]
    start, cpu = time.perf_counter(), time.process_time()
    claims = []
    for i, (doc, figs) in enumerate(zip(docs, spans, strict=True)):
        claims += [(i, c.text) for c in extract_claims(doc, 0, len(doc), figs)]
    return claims, time.perf_counter() - start, time.process_time() - cpu


def cluster_inputs(claims: list[tuple[int, str]], n: int, seed: int = 11) -> list[ClusterInput]:
    """`n` inputs drawn from the extracted claims, most of them reworded so that texts are distinct.

    Two in five are verbatim copies (syndication), the rest have one to three words replaced by
    random vocabulary. Claims with a digit carry a figure key derived from their original text,
    one in ten of those with a different value (a conflicting report).
    """
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        doc, text = claims[rng.randrange(len(claims))]
        keys: frozenset[tuple[str, float]] = frozenset()
        if any(ch.isdigit() for ch in text):
            h = zlib.crc32(text.encode())
            value = float(h % 50 + (rng.randint(1, 5) if rng.random() < 0.1 else 0))
            keys = frozenset({(_METRICS[h % len(_METRICS)], value)})
        if rng.random() < 0.6:
            words = text.split()
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = "".join(rng.choices(string.ascii_lowercase, k=6))
            text = " ".join(words)
        out.append(ClusterInput(f"doc{rng.randrange(n // 20)}", text, keys))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--cluster", type=int, default=50_000)
    parser.add_argument("--corpus", type=Path, help="a folder of real articles (*.txt) instead of seed paragraphs")
    args = parser.parse_args()

    target = int(args.mb * 1_000_000)
    docs = read_articles(args.corpus, target) if args.corpus else build_corpus(target)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    load = os.getloadavg()[0]
    claims, seconds, cpu = bench_extract(docs)
    print(f"extract_claims: {len(docs)} docs, {mb:.2f} MB, {len(claims)} claims in {seconds:.2f} s ({cpu:.2f} s CPU)")
    print(f"  {mb / seconds:.2f} MB/s, {len(claims) / seconds:,.0f} claims/s, {len(docs) / seconds:,.0f} docs/s")
    print(f"  {mb / cpu:.2f} MB/s of CPU time; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after")
    if args.cluster <= 0:
        return

    inputs = cluster_inputs(claims, args.cluster)
    start = time.perf_counter()
    ids = cluster_claims(inputs)
    seconds = time.perf_counter() - start
    print(f"cluster_claims: {len(inputs)} claims -> {len(set(ids))} clusters in {seconds:.2f} s")


if __name__ == "__main__":
    main()
