"""Landing raw files: find them, read them safely, decode them, or say why not.

Every file under the seeds folder ends up either as a `LandedFile` (decoded text, unchanged) or as a
`Rejection` with a reason a person can act on. Nothing here raises for a bad file: one broken file
must never stop the others from landing.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from newsfacts.listing import SUFFIXES, FolderState, entry_stat, state_of, walk

DEFAULT_MAX_BYTES = 8 * 1024 * 1024

# Share of control characters (other than tab/newline/CR/FF) above which decoded text is binary junk.
_MAX_CONTROL_SHARE = 0.01
# charset-normalizer's "chaos" score above which a guessed decoding is not trusted.
_MAX_CHAOS = 0.2
# How much more "chaos" than charset-normalizer's favourite a Windows-1252 reading may show and still win.
_CP1252_TOLERANCE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Characters a valid multi-byte UTF-8 sequence decodes to (anything beyond ASCII but the replacement mark).
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
# Invisible characters that are not white space to str.strip(): a file of only these is empty too.
_INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060]+")


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

    file: str  # its path as found (under the resolved seeds folder); a Path per file costs more than the walk
    source_path: str
    document_id: str
    stat: str = ""  # `stat_key` of the file when it was found; "" when unknown

    @property
    def file_name(self) -> str:
        return os.path.basename(self.file)


class Discovery(NamedTuple):
    candidates: list[Candidate]
    rejections: list[Rejection]
    folder: FolderState  # what the sensor's `listing.folder_state` would say of the folder at the walk


def document_id_for(source_path: str) -> str:
    """Stable id of a file: its path relative to the seeds folder (with "/"), without the extension."""
    # posixpath.splitext's rule, spelled out (it is called once per file of the folder at every refresh):
    # the suffix starts at the last dot of the last part, when a character other than a dot precedes it.
    start = source_path.rfind("/") + 1
    dot = source_path.rfind(".")
    if dot > start and source_path[start:dot].lstrip(".") and source_path[dot:].lower() in SUFFIXES:
        return source_path[:dot]
    return source_path


def discover(seeds_dir: Path) -> Discovery:
    """Every .txt/.md/.markdown file under `seeds_dir`, sorted; rejections found while walking; and
    the folder's state from the same walk.

    Links are followed only while they stay inside the folder, so a symlink can never make the
    pipeline read, say, /etc/passwd into a warehouse that BI users see. Each candidate carries the
    `os.stat` of its file (taken while walking), so landing can skip unchanged files without reading them.
    """
    root = seeds_dir.resolve()
    candidates: list[Candidate] = []
    rejections: list[Rejection] = []
    seen_ids: dict[str, str] = {}
    found = [(rel, entry, entry_stat(entry)) for rel, entry in walk(str(root))]
    # the order of the paths' parts, as Path sorts: "/" read as the lowest character ("\0" is never in a name)
    found.sort(key=lambda item: item[0].replace("/", "\0"))
    for source_path, entry, st in found:
        if not source_path.isascii() and not _utf8(source_path):
            # Bytes that are not UTF-8 in a name cannot be stored (nor shown) as text: say which file.
            shown = source_path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            rejections.append(Rejection(shown, "file name is not valid UTF-8; rename the file"))
            continue
        if entry.is_symlink():
            try:
                target = Path(entry.path).resolve(strict=True)
            except (OSError, RuntimeError) as exc:  # a loop raises RuntimeError before Python 3.13
                broken = isinstance(exc, FileNotFoundError)
                rejections.append(
                    Rejection(
                        source_path,
                        "broken symbolic link (its target does not exist)"
                        if broken
                        else "symbolic link that cannot be resolved (a loop of links)",
                    )
                )
                continue
            if not target.is_relative_to(root):
                rejections.append(Rejection(source_path, f"symbolic link pointing outside the seeds folder ({target})"))
                continue
        if st is None or not stat.S_ISREG(st.st_mode):
            rejections.append(Rejection(source_path, "not a regular file (a folder, pipe, socket or device)"))
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
        candidates.append(Candidate(entry.path, source_path, doc_id, stat_key(st)))
    return Discovery(candidates, rejections, state_of((rel, st) for rel, _, st in found))


def stat_key(st: os.stat_result) -> str:
    """What changes whenever a file's bytes may have: inode, size, and modification and change times.

    The change time (ctime) cannot be set back by tools that preserve mtime, so a rewrite of the same
    size within the same mtime still moves it.
    """
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_bytes(candidate: Candidate, max_bytes: int) -> bytes | Rejection:
    """The file's bytes, or a rejection when it is too large or cannot be read."""
    try:
        size = os.stat(candidate.file).st_size
        if size > max_bytes:
            return Rejection(
                candidate.source_path, f"file too large: {size:,} bytes exceeds the limit of {max_bytes:,}"
            )
        with open(candidate.file, "rb") as fh:
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
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8(data, exc)
        if damaged is not None:
            return damaged
    return _guess(data)


def _damaged_utf8(data: bytes, exc: UnicodeDecodeError) -> str | None:
    """The reason to refuse UTF-8 text with a few broken bytes (a truncated or corrupted file).

    When valid multi-byte characters outnumber the broken places, the file is UTF-8: guessing a
    legacy code page for it would land mojibake ("â€”" for "—") that reads as text and looks fine.
    """
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    if len(_NON_ASCII.findall(text)) <= broken:
        return None
    return (
        f"invalid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start:,} is not part of a valid character "
        f"({broken:,} such place{'s' if broken != 1 else ''}); the rest is UTF-8, "
        "so the file looks damaged or cut short"
    )


def _guess(data: bytes) -> tuple[str, str] | str:
    """A legacy encoding that reads as coherent text. Windows-1252 wins whenever it reads as well as
    charset-normalizer's favourite: for short or mostly-English text that favourite is often an exotic
    code page (cp775 for "“€5”", UTF-16-BE for "café") while cp1252 is what Western text really is."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CP1252_TOLERANCE):
        best = western
    if best is None or best.chaos > _MAX_CHAOS:
        return "not valid UTF-8 and no other text encoding fits (undecodable bytes)"
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str] | str:
    if not _INVISIBLE.sub("", text).strip():
        return "empty file (no text, or only whitespace)"
    if "\x00" in text:  # as for NUL bytes in a UTF-8 file; a UTF-16/32 file decodes them to characters
        return "binary content (NUL characters) in a text file"
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
        file_name=candidate.file_name,
        source_path=candidate.source_path,
        content_sha256=sha256_hex(data),
        raw_text=text,
        encoding=encoding,
        size_bytes=len(data),
    )
