"""Code versions derived from source, so stored rows know which code made them.

A stage's version is a digest of the source files of the modules it runs (and of data files such as
the metric catalog). Editing any of them changes the version, and the next run reprocesses the
documents that older code produced: no one has to remember to bump a number.
"""

from __future__ import annotations

import hashlib
import importlib
from functools import cache
from pathlib import Path

DIGEST_SUFFIXES = (".py", ".yaml", ".json")


@cache
def source_digest(*modules: str, extra_files: tuple[str, ...] = ()) -> str:
    """12 hex chars over the .py files and data tables of the given modules/packages and any extra files.

    A package's data tables (YAML, JSON: lexicons, aliases, unit tables) are code too: editing one changes
    what the stage produces, so it changes the digest."""
    h = hashlib.sha256()
    for name in modules:
        mod = importlib.import_module(name)
        origin = Path(mod.__file__ or "")
        files = (
            sorted(f for ext in DIGEST_SUFFIXES for f in origin.parent.rglob(f"*{ext}"))
            if origin.name == "__init__.py"
            else [origin]
        )
        for f in files:
            h.update(f.relative_to(origin.parent).as_posix().encode())
            h.update(f.read_bytes())
    for f in extra_files:
        h.update(Path(f).read_bytes())
    return h.hexdigest()[:12]
