"""An update patches the file the last publish replaced (the spare) in place, never a file a reader holds."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from test_publish_update import add_documents, contents, paths, rebuilt_contents

from newsfacts.warehouse import publish as publishing
from newsfacts.warehouse import staging
from newsfacts.warehouse.publish import publish_warehouse, spare_path_for

__all__ = ["paths"]  # the fixture, shared with test_publish_update


def add(stage: Path, doc: str, text: str = "Imports rose 5% in 2023.") -> None:
    con = staging.connect(stage)
    add_documents(con, [doc], text)
    con.close()


def test_a_first_publish_leaves_a_copy_of_its_file_as_the_spare(paths):
    """It replaced nothing: without the copy the first update would copy the published file itself."""
    stage, published = paths
    publish_warehouse(stage, published)
    spare = spare_path_for(published)
    assert spare.read_bytes() == published.read_bytes()
    assert spare.stat().st_ino != published.stat().st_ino and spare.stat().st_nlink == 1
    add(stage, "new1")
    result = publish_warehouse(stage, published)
    assert (result.mode, result.base) == ("updated", "spare")
    assert contents(published) == rebuilt_contents(stage, published)
    leftovers = [p.name for p in published.parent.iterdir() if publishing.TMP_MARK in p.name]
    assert leftovers == []


def test_a_failed_first_publish_leaves_neither_file(paths, monkeypatch: pytest.MonkeyPatch):
    stage, published = paths

    def failing(*args, **kwargs):
        raise OSError("disk full while swapping")

    monkeypatch.setattr(publishing, "_swap", failing)
    with pytest.raises(OSError):
        publish_warehouse(stage, published)
    assert list(published.parent.iterdir()) == []  # no published file, no spare, no temp file


def test_the_replaced_file_is_kept_and_patched_by_the_next_update(paths):
    stage, published = paths
    publish_warehouse(stage, published)
    spare_path_for(published).unlink()  # as if the first publish's spare had been used up
    first = published.stat().st_ino
    add(stage, "new1")
    assert publish_warehouse(stage, published).base == "copy"
    assert spare_path_for(published).stat().st_ino == first  # the file it replaced, not a copy
    second = published.stat().st_ino
    add(stage, "new2")
    result = publish_warehouse(stage, published)
    # Two refreshes behind staging, the spare is patched by both and becomes the published file.
    assert (result.mode, result.base) == ("updated", "spare")
    assert published.stat().st_ino == first
    assert spare_path_for(published).stat().st_ino == second
    assert contents(published) == rebuilt_contents(stage, published)
    leftovers = [p.name for p in published.parent.iterdir() if publishing.TMP_MARK in p.name]
    assert leftovers == []


def test_a_no_op_leaves_the_spare_alone(paths):
    stage, published = paths
    publish_warehouse(stage, published)
    add(stage, "new1")
    publish_warehouse(stage, published)
    spare = spare_path_for(published)
    before = (spare.stat().st_ino, spare.stat().st_mtime_ns, published.stat().st_ino)
    assert publish_warehouse(stage, published).mode == "unchanged"
    assert (spare.stat().st_ino, spare.stat().st_mtime_ns, published.stat().st_ino) == before


def test_a_reader_of_the_version_before_keeps_it(paths):
    """This process's own reader: a POSIX lock test would not see it, DuckDB would not refuse the write."""
    stage, published = paths
    publish_warehouse(stage, published)
    reader = duckdb.connect(str(published), read_only=True)
    try:
        held = reader.execute("SELECT document_id FROM documents ORDER BY 1").fetchall()
        add(stage, "new1")
        publish_warehouse(stage, published)  # the reader's file becomes the spare
        add(stage, "new2")
        result = publish_warehouse(stage, published)
        assert (result.mode, result.base) == ("updated", "copy")
        assert reader.execute("SELECT document_id FROM documents ORDER BY 1").fetchall() == held
        add(stage, "new3")
        assert publish_warehouse(stage, published).base == "spare"  # the reader's file is no spare any more
        assert reader.execute("SELECT document_id FROM documents ORDER BY 1").fetchall() == held
    finally:
        reader.close()
    assert contents(published) == rebuilt_contents(stage, published)


def test_a_spare_linked_to_the_published_file_is_not_written(paths):
    """Two names for one file (what a crash inside the swap would leave, were the links made in the other
    order): patching the spare would patch the published file in place."""
    stage, published = paths
    publish_warehouse(stage, published)
    spare_path_for(published).unlink()
    os.link(published, spare_path_for(published))
    before = published.read_bytes()
    add(stage, "new1")
    publish_warehouse(stage, published)
    linked = spare_path_for(published)
    assert linked.read_bytes() == before  # now the spare, a single name, its bytes untouched
    assert linked.stat().st_nlink == 1
    assert contents(published) == rebuilt_contents(stage, published)


def test_a_spare_that_is_not_a_published_file_is_not_used(paths):
    stage, published = paths
    publish_warehouse(stage, published)
    add(stage, "new1")
    publish_warehouse(stage, published)
    spare = spare_path_for(published)
    spare.unlink()
    with duckdb.connect(str(spare)) as con:  # a DuckDB file without the marker
        con.execute("CREATE TABLE documents (document_id VARCHAR)")
    add(stage, "new2")
    result = publish_warehouse(stage, published)
    assert (result.mode, result.base) == ("updated", "copy")
    assert contents(published) == rebuilt_contents(stage, published)


def test_a_failed_update_of_the_spare_leaves_the_published_file_and_no_half_patched_spare(
    paths, monkeypatch: pytest.MonkeyPatch
):
    stage, published = paths
    publish_warehouse(stage, published)
    add(stage, "new1")
    publish_warehouse(stage, published)
    add(stage, "new2")
    state, before = published.stat().st_ino, published.read_bytes()

    def failing(*args, **kwargs):
        raise RuntimeError("killed while finishing")

    monkeypatch.setattr(publishing, "_finish", failing)
    with pytest.raises(RuntimeError):
        publish_warehouse(stage, published)
    assert (published.stat().st_ino, published.read_bytes()) == (state, before)
    assert sorted(p.name for p in published.parent.iterdir()) == [published.name]  # spare and temp file gone
    monkeypatch.undo()
    assert publish_warehouse(stage, published).base == "copy"
    assert contents(published) == rebuilt_contents(stage, published)


def test_an_update_appends_without_rewriting_a_full_row_group(tmp_path: Path):
    """The rows a one-new update adds go into a row group of their own: the checkpoint leaves the blocks
    of the row group that holds every other document as they were."""
    stage, published = tmp_path / "staging.duckdb", tmp_path / "wh" / "news.duckdb"
    con = staging.connect(stage)
    add_documents(con, [f"doc{i:05d}" for i in range(publishing.UPDATE_ROW_GROUP_ROWS + 100)])
    con.close()
    publish_warehouse(stage, published)
    blocks = "SELECT row_group_id, column_name, block_id, block_offset FROM pragma_storage_info('documents')"
    blocks += " ORDER BY ALL"
    with duckdb.connect(str(published), read_only=True) as con:
        before = con.execute(blocks).fetchall()
    add(stage, "new1")
    publish_warehouse(stage, published)
    add(stage, "new2")
    assert publish_warehouse(stage, published).base == "spare"
    with duckdb.connect(str(published), read_only=True) as con:
        after = con.execute(blocks).fetchall()
    groups_before = {r[0] for r in before}
    assert [r for r in after if r[0] in groups_before] == before
    assert len({r[0] for r in after}) == len(groups_before) + 1
    assert contents(published) == rebuilt_contents(stage, published)
