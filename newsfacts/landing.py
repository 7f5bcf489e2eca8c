"""Landing raw files: find them, read them safely, decode them, or say why not.

Every file under the seeds folder ends up either as a `LandedFile` (decoded text, unchanged) or as a
`Rejection` with a reason a person can act on. Nothing here raises for a bad file: one broken file
must never stop the others from landing.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = frozenset({".txt", ".md", ".markdown"})
DEFAULT_MAX_BYTES = 8 * 1024 * 1024

# Share of control characters (other than tab/newline/CR/FF) above which decoded text is binary junk.
_MAX_CONTROL_SHARE = 0.01
# charset-normalizer's "chaos" score above which a guessed decoding is not trusted.
_MAX_CHAOS = 0.2
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class LandedFile:
    document_id: str
    file_name: str
    source_path: str
    content_sha256: str
    raw_text: str
    encoding: str
    size_bytes: int


@dataclass(frozen=True, slots=True)
class Rejection:
    source_path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file found under the seeds folder, before it is read."""

    path: Path
    source_path: str
    document_id: str


def document_id_for(source_path: str) -> str:
    """Stable id of a file: its path relative to the seeds folder, without the extension."""
    p = Path(source_path)
    return p.with_suffix("").as_posix() if p.suffix.lower() in SUFFIXES else p.as_posix()


def discover(seeds_dir: Path) -> tuple[list[Candidate], list[Rejection]]:
    """Every .txt/.md/.markdown file under `seeds_dir`, sorted; plus rejections found while walking.

    Links are followed only while they stay inside the folder, so a symlink can never make the
    pipeline read, say, /etc/passwd into a warehouse that BI users see.
    """
    root = seeds_dir.resolve()
    candidates: list[Candidate] = []
    rejections: list[Rejection] = []
    seen_ids: dict[str, str] = {}
    for path in sorted(_walk(root)):
        source_path = path.relative_to(root).as_posix()
        if path.suffix.lower() not in SUFFIXES:
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                rejections.append(Rejection(source_path, f"symbolic link pointing outside the seeds folder ({target})"))
                continue
        if not path.is_file():
            rejections.append(Rejection(source_path, "not a regular file"))
            continue
        doc_id = document_id_for(source_path)
        if doc_id in seen_ids:
            rejections.append(
                Rejection(
                    source_path,
                    f"document id '{doc_id}' already taken by {seen_ids[doc_id]}; rename one of them",
                )
            )
            continue
        seen_ids[doc_id] = source_path
        candidates.append(Candidate(path, source_path, doc_id))
    return candidates, rejections


def _walk(root: Path) -> Iterator[Path]:
    """Files below root; symlinked folders are not descended (they could loop or leave the folder)."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_bytes(candidate: Candidate, max_bytes: int) -> bytes | Rejection:
    """The file's bytes, or a rejection when it is too large or cannot be read."""
    try:
        size = candidate.path.stat().st_size
        if size > max_bytes:
            return Rejection(
                candidate.source_path, f"file too large: {size:,} bytes exceeds the limit of {max_bytes:,}"
            )
        with candidate.path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return Rejection(candidate.source_path, f"file could not be read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Rejection(candidate.source_path, f"file too large: more than {max_bytes:,} bytes")
    return data


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, str] | str:
    """(text, encoding) for text files, or the reason the bytes are not usable text.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are decoded directly; anything else is
    handed to charset-normalizer, whose guess is accepted only when it reads as coherent text.
    """
    if not data.strip():
        return "empty file (no text, or only whitespace)"
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                return f"invalid {codec} text: {exc.reason} at byte {exc.start}"
    if b"\x00" in data:
        return "binary content (NUL bytes) in a text file"
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str] | str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return "not valid UTF-8 and no other text encoding fits (undecodable bytes)"
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str] | str:
    if not text.strip():
        return "empty file (no text, or only whitespace)"
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        return f"binary content: {controls:,} control characters in {len(text):,} decoded characters"
    return text, encoding


def land(candidate: Candidate, max_bytes: int = DEFAULT_MAX_BYTES) -> LandedFile | Rejection:
    """Read, hash and decode one file."""
    data = read_bytes(candidate, max_bytes)
    if isinstance(data, Rejection):
        return data
    decoded = decode(data)
    if isinstance(decoded, str):
        return Rejection(candidate.source_path, decoded)
    text, encoding = decoded
    return LandedFile(
        document_id=candidate.document_id,
        file_name=candidate.path.name,
        source_path=candidate.source_path,
        content_sha256=sha256_hex(data),
        raw_text=text,
        encoding=encoding,
        size_bytes=len(data),
    )
