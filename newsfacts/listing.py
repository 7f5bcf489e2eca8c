"""A cheap fingerprint of a seeds folder, for sensors: stat only, no reading.

`walk` is the one listing of a seeds folder: the sensor's `folder_state` and landing's `discover`
both go through it, so the state landing records is the state the sensor would have computed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = frozenset({".txt", ".md", ".markdown"})


@dataclass(frozen=True)
class FolderState:
    digest: str
    files: int


def walk(root: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(path relative to root with "/", entry) of every document file below root: names starting
    with "." are skipped, symlinked folders are neither descended nor listed, and only the
    SUFFIXES count (any case)."""
    stack = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    stack.append((f"{prefix}{name}/", entry.path))
                continue
            if name[name.rfind(".") :].lower() in SUFFIXES:  # os.path.splitext's suffix: the name has no leading "."
                yield f"{prefix}{name}", entry


def entry_stat(entry: os.DirEntry[str]) -> os.stat_result | None:
    """The file's stat (links followed), None when it cannot be taken."""
    try:
        return entry.stat()
    except OSError:
        return None


def state_of(files: Iterable[tuple[str, os.stat_result | None]]) -> FolderState:
    """Digest over (relative path, size, mtime) of `files`: changes when a file is added, edited or removed."""
    entries = sorted(f"{rel}\x1f{st.st_size if st else -1}\x1f{st.st_mtime_ns if st else -1}" for rel, st in files)
    # one update of every line (each ends with "\n"): the digest of the lines hashed one by one
    h = hashlib.sha256("".join(f"{entry}\n" for entry in entries).encode("utf-8", "surrogateescape"))
    return FolderState(h.hexdigest()[:16], len(entries))


def folder_state(root: Path) -> FolderState:
    """The state of every document file under `root`, without reading any."""
    return state_of((rel, entry_stat(entry)) for rel, entry in walk(str(root)))
