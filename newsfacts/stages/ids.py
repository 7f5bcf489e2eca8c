"""Stable row ids: the same document span always gets the same id, across runs and machines."""

from __future__ import annotations

import hashlib


def span_id(prefix: str, document_id: str, start: int, end: int) -> str:
    digest = hashlib.blake2b(f"{document_id}\x1f{start}\x1f{end}".encode(), digest_size=8).hexdigest()
    return f"{prefix}_{digest}"
