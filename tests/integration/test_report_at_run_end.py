"""A refresh writes its data quality page once, when the run ends, with every suite that ran on it."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfacts.quality.report as report
from newsfacts.quality.suites import integrity_suites


def test_the_page_is_written_once_per_run_with_every_suite(project, monkeypatch: pytest.MonkeyPatch):
    written: list[str] = []
    write = report.write_report

    def counting(outcomes, consistency, out_dir: Path, run_id: str) -> Path:
        written.append(run_id)
        return write(outcomes, consistency, out_dir, run_id)

    monkeypatch.setattr(report, "write_report", counting)
    result = project.refresh()
    assert result.success
    assert written == [result.run_id]
    index = (project.warehouse.parent / "data_docs" / "index.html").read_text(encoding="utf-8")
    assert result.run_id in index
    for spec in integrity_suites():
        assert f'id="{spec.name}"' in index, spec.name
    assert 'id="metric_consistency"' in index


def test_a_run_that_validates_nothing_writes_no_page(project, monkeypatch: pytest.MonkeyPatch):
    assert project.refresh().success
    written: list[str] = []
    monkeypatch.setattr(report, "write_report", lambda *args: written.append(args[3]))
    assert project.refresh().success  # nothing changed: every outcome reused
    assert written == []
