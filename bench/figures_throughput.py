"""Throughput of the figure extractor against quantulum3, on the same recombined news text.

    python bench/figures_throughput.py [--mb 5] [--quantulum-kb 100] [--seed 13] [--corpus DIR]

Builds a ~5 MB corpus of article-sized documents by shuffling the seed articles' paragraphs with a
fixed seed, runs `extract_figures` over all of it, and quantulum3's `parser.parse` over a slice of
the same documents (it is far slower; the slice keeps the run short), then reports MB/s and
figures/s for both and the speed ratio.

The shuffled seeds hold a few hundred distinct sentences, so the fact layer's per-sentence caches
(meant for the several figures of one sentence) also hit across documents, which real news does
not do, so this corpus flatters the rate. `--corpus DIR` measures instead on the `*.txt` files
under DIR (a folder of real articles kept outside the repository), where every sentence is new;
quote that figure beside the default one.

Single process, single core. Rates are CPU seconds of this process (`time.process_time`);
wall-clock seconds are printed beside them. CPU seconds still grow when other processes share
the cores (caches, hyper-threads), so the load average is printed before and after, with a
warning when the machine was not idle: compare versions back to back in one such run, never
across runs.

Both extractors are warmed on a few documents first, so one-time loading of their tables (YAML,
unit registries) is not counted as throughput.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import warnings
from pathlib import Path

from newsfacts.figures import extract_figures, load_catalog

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: bench/ is not on the path
from bench.articles import leading, read_articles  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DOC_CHARS = 6_000  # about one news article
WARM_DOCS = 5


def build_corpus(target_bytes: int, seed: int) -> list[str]:
    """Article-sized documents made of seed paragraphs in a deterministic random order."""
    paragraphs = [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 40
    ]
    rng = random.Random(seed)
    docs, size = [], 0
    while size < target_bytes:
        parts, chars = [], 0
        while chars < DOC_CHARS:
            p = rng.choice(paragraphs)
            parts.append(p)
            chars += len(p) + 2
        doc = "\n\n".join(parts)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def _mb(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def run_ours(docs: list[str]) -> tuple[float, float, int]:
    catalog = load_catalog()
    for doc in docs[:WARM_DOCS]:  # load the fact layer's tables, compile lazy patterns
        extract_figures(doc, catalog=catalog)
    wall, cpu = time.perf_counter(), time.process_time()
    n = sum(len(extract_figures(d, catalog=catalog)) for d in docs)
    return time.process_time() - cpu, time.perf_counter() - wall, n


def run_quantulum(docs: list[str]) -> tuple[float, float, int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse(docs[0][:2000])  # loads its unit tables
        wall, cpu = time.perf_counter(), time.process_time()
        n = sum(len(parser.parse(d)) for d in docs)
    return time.process_time() - cpu, time.perf_counter() - wall, n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB for extract_figures")
    ap.add_argument("--quantulum-kb", type=float, default=100.0, help="slice size in KB for quantulum3")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--corpus", type=Path, help="a folder of real articles (*.txt) instead of shuffled seeds")
    args = ap.parse_args(argv)

    if args.corpus:
        docs = read_articles(args.corpus, int(args.mb * 1e6))
    else:
        docs = build_corpus(int(args.mb * 1e6), args.seed)
    load_before = os.getloadavg()[0]
    ours_s, ours_wall, ours_n = run_ours(docs)
    ours_mb = _mb(docs)
    q_docs = leading(docs, args.quantulum_kb * 1e3)
    q_s, q_wall, q_n = run_quantulum(q_docs)
    q_mb = _mb(q_docs)
    ours_rate, q_rate = ours_mb / ours_s, q_mb / q_s
    source = f"the *.txt under {args.corpus}" if args.corpus else f"shuffled seed paragraphs, seed {args.seed}"
    print(f"corpus: {len(docs)} documents, {ours_mb:.2f} MB ({source})")
    print(f"extract_figures: {ours_mb:.2f} MB in {ours_s:.2f} CPU s ({ours_wall:.2f} wall) = {ours_rate:.2f} MB/s, "
          f"{ours_n} figures = {ours_n / ours_s:,.0f} figures/s, "
          f"{len(docs) / ours_s:,.0f} documents/s")  # fmt: skip
    print(f"quantulum3:      {q_mb:.2f} MB in {q_s:.2f} CPU s ({q_wall:.2f} wall) = {q_rate:.3f} MB/s, "
          f"{q_n} quantities = {q_n / q_s:,.0f} quantities/s")  # fmt: skip
    print(f"speed ratio (MB/s): {ours_rate / q_rate:,.0f}x")
    load_after, cores = os.getloadavg()[0], os.cpu_count() or 1
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after, on {cores} cores")
    if max(load_before, load_after) > cores / 2:
        print("warning: the machine was busy; CPU seconds are inflated, compare only within one run")


if __name__ == "__main__":
    main()
