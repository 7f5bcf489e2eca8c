"""Benchmark corpora: thousands of realistic news articles, deterministic for a given seed.

    .venv/bin/python -m bench.corpus --size 10000 [--out bench/out] [--seed 7]

Source text, in order of preference:

1. ``../shared/bench/corpus-<size>/`` (a ready-made corpus beside the project): copied as is;
2. otherwise the articles under ``../shared/bench/`` (if any), else the project's ``seeds/``, cut
   into paragraphs and sentences (their bodies as the metadata parser bounds them) and recombined.

Each recombined article is built from its own seeded RNG (so article ``i`` is the same whatever the
corpus size or the number of worker processes) and varies what the pipeline looks at:

- size 2-12 KB (log-normal around 5 KB), verbatim paragraphs mixed with shuffled sentences,
  markdown headings and bullet lists;
- people, places and organisations swapped per article, and every number in a paragraph scaled by
  one factor (years kept), so figures, claims and clusters differ between articles while ranges
  keep their order;
- YAML front matter (title/author/date, sometimes more keys, a few malformed), or a plain headline
  with or without a byline; sentiment widgets and other page furniture at the end;
- a few ``.md`` files, cp1252-encoded files, byte-identical duplicates and, from 2,000 articles on,
  two files that must be rejected (empty, binary).

Files are written 100 per folder, two levels deep: ``corpus-<size>/p<NN>/s<NN>/a<NNNNNN>.txt``.
A stamp file records the parameters; a corpus whose stamp matches is not rebuilt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import shutil
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SHARED_BENCH = PROJECT.parent / "shared" / "bench"
DEFAULT_OUT = PROJECT / "bench" / "out"
STAMP = ".corpus.json"
FILES_PER_FOLDER = 100
TEXT_SUFFIXES = (".txt", ".md", ".markdown")

MIN_BYTES, MAX_BYTES, MEDIAN_BYTES = 2_000, 12_000, 5_000

# Swapped consistently within an article (word boundaries, longest first), the original kept half the time:
# each name or word with its five stand-ins, one per variant (a data table: bench/corpus_swaps.json).
SWAPS_FILE = Path(__file__).with_name("corpus_swaps.json")
SWAPS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in json.loads(SWAPS_FILE.read_text()).items()}
_SWAP_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(SWAPS, key=len, reverse=True)) + r")\b")
# A number not glued to letters ("F-35", "G7", "1980s" stay), with thousands separators and decimals.
_NUMBER_RE = re.compile(r"(?<![\w.,:])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:]|-[A-Za-z]|[.,]\d)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[“\"A-Z])")

AUTHORS = (
    "Daisuke Kawai", "Maria Lopez", "James O'Neill", "Aiko Tanaka", "Priya Nair", "Tom Becker",
    "Sofia Rossi", "Chen Wei", "Hannah Schmidt", "Kwame Mensah", "Lucas Martin", "Emily Clarke",
)  # fmt: skip
PUBLISHERS = ("Asia Markets Daily", "The Policy Desk", "Capital Brief", "Global Ledger", "Harbor Review")
SENTIMENTS = (("positive", 0.2, 0.9), ("neutral", -0.15, 0.15), ("negative", -0.9, -0.2))
FURNITURE = (
    "Related Articles\n\nLatest Posts",
    "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.\nRequest Demo",
    "Share this article\n\nSubscribe to our newsletter for daily briefings.",
    "Tags: markets, diplomacy, trade",
)


@dataclass(frozen=True)
class Pool:
    """What recombined articles are made of."""

    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    titles: tuple[str, ...]
    digest: str  # of the source texts: part of the corpus stamp


def source_files() -> list[Path]:
    """Articles under ../shared/bench when there are any, else the project's seeds."""
    if SHARED_BENCH.is_dir():
        files = sorted(p for p in SHARED_BENCH.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if files:
            return files
    return sorted(p for p in SEEDS.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


@cache
def load_pool() -> Pool:
    from newsfacts.metadata import parse_metadata

    paragraphs: list[str] = []
    titles: list[str] = []
    digest = hashlib.sha256()
    for path in source_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        digest.update(text.encode())
        meta = parse_metadata(text)
        if meta.title:
            titles.append(meta.title)
        body = text[meta.body_start or 0 : meta.body_end or len(text)]
        for block in re.split(r"\n", body):
            line = block.strip().lstrip("-•*# ").strip()
            if len(line.split()) >= 8 and line[-1:] in '.!?”"’:)':
                paragraphs.append(line)
    sentences = [s.strip() for p in paragraphs for s in _SENTENCE_SPLIT.split(p) if len(s.split()) >= 6]
    titles += [s.rstrip(".") for s in sentences if 6 <= len(s.split()) <= 12]
    return Pool(tuple(paragraphs), tuple(sentences), tuple(titles), digest.hexdigest()[:16])


def relative_path(i: int, suffix: str = ".txt") -> str:
    """Article i's place in the tree: 100 files per folder, 100 folders per parent."""
    folder = i // FILES_PER_FOLDER
    return f"p{folder // 100:02d}/s{folder % 100:02d}/a{i:06d}{suffix}"


def _scale_numbers(text: str, factor: float) -> str:
    """Every number times `factor`, keeping its format; years (1900-2100, no decimals) unchanged."""

    def repl(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2)
        value = float(whole.replace(",", "") + (frac or ""))
        if not frac and "," not in whole and 1900 <= value <= 2100:
            return m.group(0)
        scaled = value * factor
        if frac:
            return f"{scaled:,.{len(frac) - 1}f}" if "," in whole else f"{scaled:.{len(frac) - 1}f}"
        n = max(1, round(scaled))
        return f"{n:,}" if "," in whole else str(n)

    return _NUMBER_RE.sub(repl, text)


class _Article:
    """One article's choices: its swaps and RNG."""

    def __init__(self, seed: int, i: int) -> None:
        self.rng = random.Random(f"newsfacts-bench:{seed}:{i}")
        keep = self.rng.random() < 0.5
        variant = self.rng.randrange(5)
        self.swaps = {k: k if keep else v[variant] for k, v in SWAPS.items()}

    def vary(self, text: str, scale: bool = True) -> str:
        text = _SWAP_RE.sub(lambda m: self.swaps[m.group(1)], text)
        if scale:
            factor = self.rng.choice((1.0, 1.0, self.rng.uniform(0.5, 2.0)))
            text = _scale_numbers(text, factor)
        return text

    def paragraph(self, pool: Pool) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return self.vary(rng.choice(pool.paragraphs))
        if roll < 0.9:
            return self.vary(" ".join(rng.choice(pool.sentences) for _ in range(rng.randint(2, 6))))
        if roll < 0.95:
            return "### " + self.vary(rng.choice(pool.titles), scale=False)
        items = (self.vary(rng.choice(pool.sentences)) for _ in range(rng.randint(2, 4)))
        return "\n".join(("- " if rng.random() < 0.7 else "  • ") + s for s in items)


def _target_bytes(rng: random.Random) -> int:
    return int(min(MAX_BYTES, max(MIN_BYTES, rng.lognormvariate(math.log(MEDIAN_BYTES), 0.45))))


def article_text(i: int, seed: int = 7) -> str:
    """The text of recombined article `i` (deterministic)."""
    pool = load_pool()
    art = _Article(seed, i)
    rng = art.rng
    target = _target_bytes(rng)
    title = art.vary(rng.choice(pool.titles), scale=False)
    author = rng.choice(AUTHORS)
    published = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head_roll = rng.random()
    if head_roll < 0.3:
        fields = [f'title: "{title}"', f"author: {author}", f"date: {published}"]
        if rng.random() < 0.5:
            fields.insert(0, "layout: post")
            fields.append(f'description: "{art.vary(rng.choice(pool.titles), scale=False)}"')
        if rng.random() < 0.03:  # malformed YAML: front_matter_error path
            fields.append('tags: [markets, "diplomacy')
        head = "---\n" + "\n".join(fields) + "\n---\n\n"
    elif head_roll < 0.65:
        head = title + "\n\n" + (f"By {author}\n\n" if rng.random() < 0.5 else "")
    else:
        head = ""
    tail = ""
    if rng.random() < 0.3:
        label, low, high = rng.choice(SENTIMENTS)
        tail += f"\nOverall Sentiment\n{label}\nSentiment Score\n{rng.uniform(low, high):.2f}"
    if rng.random() < 0.25:
        tail = f"\n{rng.choice(FURNITURE)}" + tail
    if rng.random() < 0.1:
        tail = f"\nPublished by {rng.choice(PUBLISHERS)}." + tail
    parts: list[str] = []
    size = len(head.encode()) + len(tail.encode())
    while size < target or len(parts) < 2:
        p = art.paragraph(pool)
        if len(parts) >= 2 and size + len(p.encode()) > MAX_BYTES:
            break
        parts.append(p)
        size += len(p.encode()) + 2
    return head + "\n\n".join(parts) + "\n" + tail


def article_file(i: int, seed: int = 7) -> tuple[str, bytes]:
    """(relative path, bytes) of article i, including the odd files that exercise other code paths."""
    rng = random.Random(f"newsfacts-bench-file:{seed}:{i}")
    roll = rng.random()
    suffix = ".md" if roll < 0.1 else ".txt"
    if i % 1000 == 999:  # same bytes as the previous article: documents.duplicate_of
        return relative_path(i, suffix), article_text(i - 1, seed).encode()
    text = article_text(i, seed)
    if i % 1000 == 500:  # legacy encoding: charset-normalizer path
        return relative_path(i, suffix), text.encode("cp1252", errors="replace")
    return relative_path(i, suffix), text.encode()


def _rejected_files(size: int) -> Iterable[tuple[str, bytes]]:
    if size >= 2000:
        yield "p00/rejected/empty.txt", b"  \n\n"
        yield "p00/rejected/binary.txt", bytes(range(256)) * 8


def _write_range(args: tuple[Path, int, int, int]) -> int:
    root, start, stop, seed = args
    written = 0
    for i in range(start, stop):
        rel, data = article_file(i, seed)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += len(data)
    return written


def _stamp(size: int, seed: int) -> dict[str, object]:
    generator = hashlib.sha256(Path(__file__).read_bytes() + SWAPS_FILE.read_bytes()).hexdigest()[:12]
    return {"size": size, "seed": seed, "generator": generator, "sources": load_pool().digest}


def build_corpus(size: int, out: Path = DEFAULT_OUT, seed: int = 7, workers: int = 2, force: bool = False) -> Path:
    """The corpus folder for `size` articles under `out`, built unless an identical one is there."""
    root = out / f"corpus-{size}"
    ready_made = SHARED_BENCH / f"corpus-{size}"
    stamp = {"size": size, "copied_from": str(ready_made)} if ready_made.is_dir() else _stamp(size, seed)
    stamp_path = root / STAMP
    if not force and stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        return root
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    if ready_made.is_dir():
        shutil.copytree(ready_made, root)
        total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    else:
        root.mkdir(parents=True)
        step = 1000
        ranges = [(root, lo, min(size, lo + step), seed) for lo in range(0, size, step)]
        if workers > 1 and size > step:
            with ProcessPoolExecutor(workers) as pool:
                total = sum(pool.map(_write_range, ranges))
        else:
            total = sum(map(_write_range, ranges))
        for rel, data in _rejected_files(size):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
    stamp_path.write_text(json.dumps(stamp, indent=2) + "\n")
    print(f"built {root}: {size:,} articles, {total / 1e6:.1f} MB in {time.perf_counter() - started:.1f}s")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--force", action="store_true", help="rebuild even if the stamp matches")
    args = parser.parse_args()
    build_corpus(args.size, args.out.resolve(), args.seed, args.workers, args.force)


if __name__ == "__main__":
    main()
