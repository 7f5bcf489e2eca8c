"""Cost of `parse_metadata` per document, and of the dateparser fallback it uses on candidate lines.

Builds news-shaped pages from the seed paragraphs (a headline, a byline, a written date, a wire
dateline, the paragraphs, then trailing furniture), deterministic with a fixed random seed, and
reports milliseconds per document. The date forms rotate between ones the patterns read and ones
only dateparser reads, so both paths are timed; the dateparser cache is cleared first.

With `--corpus DIR` (a scale corpus, e.g. bench_out/corpus-10000) it also times every
`--every`-th file there, decoded as landing decodes it, in CPU seconds: the figure issue 16's
metadata stage is judged by.

    .venv/bin/python bench/metadata_throughput.py [--docs 2000] [--corpus DIR [--every 5]]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from newsfacts.landing import decode
from newsfacts.metadata import dates, parse_metadata

ROOT = Path(__file__).resolve().parents[1]
DATE_FORMS = (
    "Published {month} {day}, 2024",
    "Thursday, {day} {month} 2024",
    "{day}-{mon}-2024 10:15 GMT",  # only dateparser reads this one
    "Update: 2024-09-{day:02d} 21:29 GMT",
)
MONTHS = ("January", "March", "June", "September")
TRAILER = "(Reporting by Ann Example; Editing by Ben Sample)\n\nSimilar News\nOne headline\nAnother headline\n"


def build_pages(count: int, seed: int = 11) -> list[str]:
    paragraphs: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) > 12]
    rng = random.Random(seed)
    pages = []
    for index in range(count):
        month = rng.choice(MONTHS)
        date = DATE_FORMS[index % len(DATE_FORMS)].format(month=month, mon=month[:3], day=rng.randint(1, 28))
        body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(4, 12)))
        pages.append(
            f"Trade talks resume as tariffs loom\n\nBy Ann Example\n\n{date}\n\nTOKYO (Reuters) - {body}\n\n{TRAILER}"
        )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, help="a folder of article files to time as well")
    parser.add_argument("--every", type=int, default=1, help="time every n-th file of --corpus")
    args = parser.parse_args()
    pages = build_pages(args.docs)
    started = time.perf_counter()
    dates.parse_date_line("18-Sep-2024")
    print(f"dateparser first use (import + first parse): {time.perf_counter() - started:.3f} s")
    dates._dateparser_date.cache_clear()
    started = time.perf_counter()
    dated = sum(1 for page in pages if parse_metadata(page).published_date is not None)
    elapsed = time.perf_counter() - started
    calls = dates._dateparser_date.cache_info()
    print(f"{len(pages)} pages: {elapsed / len(pages) * 1000:.2f} ms/page, {dated} dated")
    print(f"dateparser: {calls.misses} uncached calls, {calls.hits} cache hits")
    if args.corpus is not None:
        time_corpus(args.corpus, args.every)


def time_corpus(folder: Path, every: int) -> None:
    """CPU time of `parse_metadata` over the files of `folder` that landing would accept."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())[::every]
    texts = [decoded[0] for decoded in (decode(path.read_bytes()) for path in files) if not isinstance(decoded, str)]
    started = time.process_time()
    for text in texts:
        parse_metadata(text)
    elapsed = time.process_time() - started
    megabytes = sum(len(text) for text in texts) / 1e6
    print(f"{folder}: {len(texts)} files, {megabytes:.2f} M characters, {elapsed / len(texts) * 1000:.3f} CPU-ms/file")


if __name__ == "__main__":
    main()
