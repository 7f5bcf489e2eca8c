"""The seeds folder's state: the sensor's `folder_state` and the state landing records from its own walk agree."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfacts.landing import discover
from newsfacts.listing import folder_state


def _tree(root: Path) -> Path:
    (root / "wires" / "monday").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "wires" / "monday" / "rates.txt").write_text("The bank held its rate at 4%.", encoding="utf-8")
    (root / "launch.MD").write_text("# A phone\n\nIt costs $799.", encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (root / ".draft.txt").write_text("hidden", encoding="utf-8")
    (root / ".cache" / "old.txt").write_text("hidden too", encoding="utf-8")
    os.symlink(root / "launch.MD", root / "alias.txt")
    os.symlink(root / "wires", root / "linked_folder")
    os.symlink(root / "missing.txt", root / "broken.txt")
    return root


def test_landing_records_the_state_the_sensor_computes(tmp_path: Path):
    root = _tree(tmp_path / "seeds")
    state = folder_state(root)
    assert discover(root).folder == state
    # rates.txt, launch.MD, alias.txt and broken.txt; not the hidden, linked-folder or .csv entries
    assert state.files == 4


CHANGES = {
    "a file edited": (lambda root: (root / "launch.MD").write_text("# A phone\n\nIt costs $899 now.", "utf-8"), True),
    "a file added": (lambda root: (root / "wires" / "tuesday.txt").write_text("Oil rose 2%.", "utf-8"), True),
    "a file removed": (lambda root: (root / "wires" / "monday" / "rates.txt").unlink(), True),
    "a hidden file added": (lambda root: (root / ".notes.txt").write_text("x", "utf-8"), False),
    "a file of another kind added": (lambda root: (root / "table.json").write_text("{}", "utf-8"), False),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_state_moves_only_when_a_document_file_does(tmp_path: Path, change: str):
    root = _tree(tmp_path / "seeds")
    before = folder_state(root)
    edit, moves = CHANGES[change]
    edit(root)
    after = folder_state(root)
    assert (after != before) is moves
    assert discover(root).folder == after
