"""Landing skips reading files whose stat is what it was when their bytes were hashed, and only those."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

import newsfacts.stages.landing as landing_stage
from newsfacts.stages.landing import land_documents
from newsfacts.warehouse import staging

NOW = datetime(2026, 1, 1)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source paths landing reads (the real read, recorded)."""
    seen: list[str] = []
    real = landing_stage.read_bytes

    def recording(candidate, max_bytes):
        seen.append(candidate.source_path)
        return real(candidate, max_bytes)

    monkeypatch.setattr(landing_stage, "read_bytes", recording)
    return seen


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    (seeds / "desk").mkdir(parents=True)
    (seeds / "a.txt").write_text("Inflation eased to 2.4% in March, the statistics office said.")
    (seeds / "desk" / "b.md").write_text("Exports rose 5% as shipping costs fell.")
    (seeds / "bad.txt").write_bytes(b"")
    return seeds


def _same_size_rewrite(path: Path, text: str) -> None:
    """New bytes of the same length, with the old modification time put back (as `cp -p` or rsync do)."""
    before = path.stat()
    assert len(text.encode()) == before.st_size
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.mark.parametrize(
    ("change", "read_again", "changed"),
    [
        pytest.param(lambda s: None, {"bad.txt"}, [], id="nothing: only the rejected file is read"),
        pytest.param(lambda s: (s / "a.txt").touch(), {"a.txt", "bad.txt"}, [], id="touched: read, same hash"),
        pytest.param(
            lambda s: _same_size_rewrite(s / "a.txt", "Inflation eased to 2.1% in March, the statistics office said."),
            {"a.txt", "bad.txt"},
            ["a"],
            id="same size and mtime, new bytes",
        ),
        pytest.param(
            lambda s: (s / "desk" / "b.md").write_text("Exports rose 6% as shipping costs fell sharply."),
            {"desk/b.md", "bad.txt"},
            ["desk/b"],
            id="edited",
        ),
    ],
)
def test_only_files_whose_stat_moved_are_read(tmp_path: Path, reads: list[str], change, read_again, changed):
    seeds = _seeds(tmp_path)
    con = staging.connect(tmp_path / "staging.duckdb")
    first = land_documents(con, seeds, NOW)
    assert sorted(first.new) == ["a", "desk/b"]
    assert set(reads) == {"a.txt", "desk/b.md", "bad.txt"}
    reads.clear()
    change(seeds)
    second = land_documents(con, seeds, NOW)
    assert set(reads) == read_again
    assert second.changed == changed
    assert sorted(second.unchanged + second.changed) == ["a", "desk/b"]


def test_a_file_deleted_and_back_is_read_again(tmp_path: Path, reads: list[str]):
    seeds = _seeds(tmp_path)
    con = staging.connect(tmp_path / "staging.duckdb")
    land_documents(con, seeds, NOW)
    text = (seeds / "a.txt").read_bytes()
    (seeds / "a.txt").unlink()
    assert land_documents(con, seeds, NOW).deleted == ["a"]
    (seeds / "a.txt").write_bytes(text)
    reads.clear()
    assert land_documents(con, seeds, NOW).new == ["a"]
    assert "a.txt" in reads
