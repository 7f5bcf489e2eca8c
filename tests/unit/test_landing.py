"""Landing: every good file lands, every bad one is rejected with a readable reason."""

from __future__ import annotations

import os
import posixpath
from datetime import datetime
from pathlib import Path

import pytest

from newsfacts.landing import decode, discover, document_id_for, land
from newsfacts.stages.landing import land_documents
from newsfacts.warehouse import staging

NOW = datetime(2026, 1, 1, 12, 0, 0)


def test_document_id_is_relative_path_without_extension():
    assert document_id_for("a/b/story.md") == "a/b/story"
    assert document_id_for("x.markdown") == "x"


@pytest.mark.parametrize(
    "path",
    ["story.TXT", "a.b/story", "a/.txt", "a/..txt", "a/.b.md", "a/b..md", "a/...txt", "notes.csv", "v1.2/x.txt", "x."],
)
def test_document_id_strips_the_suffix_as_splitext_reads_it(path: str):
    stem, suffix = posixpath.splitext(path)
    assert document_id_for(path) == (stem if suffix.lower() in {".txt", ".md", ".markdown"} else path)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"Plain ASCII text.", "utf-8"),
        ("Café “quotes” — dash".encode(), "utf-8"),
        (b"\xef\xbb\xbfWith BOM", "utf-8-sig"),
        ("UTF-16 text é".encode("utf-16"), "utf-16"),
    ],
)
def test_decodes_utf_variants(data: bytes, encoding: str):
    text, enc = decode(data)
    assert enc == encoding
    assert not text.startswith("\ufeff")


def test_detects_legacy_encoding():
    data = ("Le président a déclaré que l'économie française était « très solide » cette année. " * 5).encode("cp1252")
    text, enc = decode(data)
    assert "président" in text and "économie" in text
    assert enc.replace("_", "-").lower() in {"cp1252", "windows-1252", "latin-1", "iso-8859-1", "iso8859-1"}


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\xff" * 500, "binary"),
    ],
)
def test_rejects_unusable_bytes(data: bytes, fragment: str):
    reason = decode(data)
    assert isinstance(reason, str) and fragment in reason


def _seed(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "a.txt").write_text("First article. It says things.")
    (seeds / "sub" / "b.md").write_text("---\ntitle: B\n---\nBody of b.")
    (seeds / "copy.markdown").write_text("First article. It says things.")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blob.txt").write_bytes(bytes(range(256)) * 10)
    (seeds / "big.txt").write_text("x" * 5000)
    (seeds / "ignored.csv").write_text("a,b")
    outside = tmp_path / "secret.txt"
    outside.write_text("top secret")
    os.symlink(outside, seeds / "link.txt")
    return seeds


def test_discover_rejects_symlink_leaving_the_folder(tmp_path: Path):
    seeds = _seed(tmp_path)
    candidates, rejections, _ = discover(seeds)
    assert {c.source_path for c in candidates} >= {"a.txt", "sub/b.md", "copy.markdown"}
    assert "ignored.csv" not in {c.source_path for c in candidates}
    assert [r.source_path for r in rejections] == ["link.txt"]
    assert "outside the seeds folder" in rejections[0].reason


def test_symlink_inside_the_folder_lands(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "real.txt").write_text("Real text here.")
    os.symlink(seeds / "real.txt", seeds / "alias.txt")
    candidates, rejections, _ = discover(seeds)
    assert not rejections
    assert {c.source_path for c in candidates} == {"real.txt", "alias.txt"}


def test_same_document_id_twice_is_rejected_not_overwritten(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_text("One.")
    (seeds / "story.md").write_text("Two.")
    candidates, rejections, _ = discover(seeds)
    assert [c.source_path for c in candidates] == ["story.md"]
    assert "already taken" in rejections[0].reason


def test_size_limit(tmp_path: Path):
    seeds = _seed(tmp_path)
    cand = next(c for c in discover(seeds)[0] if c.source_path == "big.txt")
    result = land(cand, max_bytes=1000)
    assert "too large" in result.reason


def test_land_documents_syncs_table(tmp_path: Path):
    seeds = _seed(tmp_path)
    con = staging.connect(tmp_path / "staging.duckdb")
    report = land_documents(con, seeds, NOW, max_bytes=4096)
    assert sorted(report.new) == ["a", "copy", "sub/b"]
    reasons = dict(con.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
    assert set(reasons) == {"empty.txt", "blob.txt", "big.txt", "link.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["blob.txt"] and "too large" in reasons["big.txt"]
    # Same bytes under two names: both kept, the later one flagged.
    assert report.duplicates == [("copy", "a")]
    row = con.execute("SELECT raw_text, char_count, file_name FROM documents WHERE document_id = 'sub/b'").fetchone()
    assert row == ("---\ntitle: B\n---\nBody of b.", 27, "b.md")

    # Nothing changed: nothing written, detection times kept.
    before = con.execute("SELECT * FROM rejected_documents ORDER BY 1").fetchall()
    again = land_documents(con, seeds, datetime(2026, 1, 2), max_bytes=4096)
    assert again.new == [] and again.changed == [] and sorted(again.unchanged) == ["a", "copy", "sub/b"]
    assert con.execute("SELECT * FROM rejected_documents ORDER BY 1").fetchall() == before

    # A changed file is replaced, a deleted one disappears.
    (seeds / "a.txt").write_text("Rewritten article.")
    (seeds / "sub" / "b.md").unlink()
    third = land_documents(con, seeds, datetime(2026, 1, 3), max_bytes=4096)
    assert third.changed == ["a"] and third.deleted == ["sub/b"]
    assert con.execute("SELECT raw_text FROM documents WHERE document_id = 'a'").fetchone()[0] == "Rewritten article."
    assert con.execute("SELECT count(*) FROM documents WHERE document_id = 'sub/b'").fetchone()[0] == 0
    assert con.execute("SELECT duplicate_of FROM documents WHERE document_id = 'copy'").fetchone()[0] is None


def test_missing_seeds_folder_is_reported(tmp_path: Path):
    con = staging.connect(tmp_path / "staging.duckdb")
    report = land_documents(con, tmp_path / "nope", NOW)
    assert report.landed == 0
    assert "does not exist" in report.rejected[0].reason
