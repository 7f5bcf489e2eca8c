"""A cheap fingerprint of a seeds folder, for sensors: stat only, no reading."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from newsfacts.landing import SUFFIXES


@dataclass(frozen=True)
class FolderState:
    digest: str
    files: int


def folder_state(root: Path) -> FolderState:
    """Digest over (path, size, mtime) of every document file: changes when a file is added, edited or removed."""
    h = hashlib.sha256()
    n = 0
    entries = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                st = None
            entries.append(
                f"{os.path.relpath(path, root)}\x1f{st.st_size if st else -1}\x1f{st.st_mtime_ns if st else -1}"
            )
    for entry in sorted(entries):
        h.update(entry.encode("utf-8", "surrogateescape"))
        h.update(b"\n")
        n += 1
    return FolderState(h.hexdigest()[:16], n)
