"""A folder of real articles as benchmark input: text whose sentences never repeat.

The throughput benches build their default corpus from the seed paragraphs, which repeat; a folder
of real news (kept outside the repository, e.g. a fetched annotated corpus) measures the rate on
text that no per-sentence cache has seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def leading(texts: Iterable[str], target_bytes: float) -> list[str]:
    """The first of `texts` up to about `target_bytes` of UTF-8: at least one, stopping once reached.

    Lazy on purpose: a folder's files are read only until the target is met.
    """
    docs: list[str] = []
    size = 0
    for doc in texts:
        if docs and size >= target_bytes:
            break
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def read_articles(folder: Path, target_bytes: int) -> list[str]:
    """The `*.txt` files under `folder`, in path order, up to about `target_bytes` of UTF-8."""
    texts = (path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.rglob("*.txt")))
    docs = leading(texts, target_bytes)
    if not docs:
        raise SystemExit(f"no *.txt files under {folder}")
    return docs
