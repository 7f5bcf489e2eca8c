"""EXTRACTOR_VERSION: changes whenever the extraction code or the packaged metric catalog changes.

The semantic part is bumped by hand for changes users should notice; the digest part follows every
edit of this package's source, its unit and currency tables (*.json) and metrics.yaml, so stored
figures can never silently come from code, tables or a catalog other than the one their version names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsfacts.figures.catalog import PACKAGED_CATALOG

RELEASE = (
    "2.6.0"  # fractions of a cent, "off" as a fall, rates after a bracketed conversion, quantity-per-time rate units
)


def _digest() -> str:
    h = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *here.glob("*.json")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(b"metrics.yaml")
    h.update(PACKAGED_CATALOG.read_bytes())
    return h.hexdigest()[:10]


EXTRACTOR_VERSION = f"figures-{RELEASE}+{_digest()}"
