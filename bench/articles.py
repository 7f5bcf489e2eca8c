"""A folder of real articles as benchmark input: text whose sentences never repeat.

The throughput benches build their default corpus from the seed paragraphs, which repeat; a folder
of real news (kept outside the repository, e.g. a fetched annotated corpus) measures the rate on
text that no per-sentence cache has seen.
"""

from __future__ import annotations

from pathlib import Path


def read_articles(folder: Path, target_bytes: int) -> list[str]:
    """The `*.txt` files under `folder`, in path order, up to about `target_bytes` of UTF-8."""
    docs: list[str] = []
    size = 0
    for path in sorted(folder.rglob("*.txt")):
        if size >= target_bytes:
            break
        doc = path.read_text(encoding="utf-8", errors="replace")
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    if not docs:
        raise SystemExit(f"no *.txt files under {folder}")
    return docs
