"""A refresh that changed nothing reuses the suites' outcomes and records nothing new: validation_results
holds the runs that validated changed data (so a no-op refresh leaves the published file alone)."""

from __future__ import annotations

import dagster as dg
import duckdb

NEW = "Markets Note\n\nJapan's pension funds now manage more than $6 trillion, officials said on Monday.\n"


def how_validated(result: dg.ExecuteInProcessResult) -> dict[str, str]:
    return {
        f"{e.asset_key.to_user_string()}:{e.check_name}": e.metadata["validation"].value
        for e in result.get_asset_check_evaluations()
    }


def validation_rows(project, run_id: str) -> list[tuple]:
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        return con.execute(
            "SELECT suite, expectation, column_name, success, observed_value, unexpected_count "
            "FROM validation_results WHERE run_id = ? ORDER BY ALL",
            [run_id],
        ).fetchall()


def test_unchanged_inputs_reuse_outcomes_and_changes_validate_again(project):
    first = project.refresh()
    assert first.success
    assert all(v == "run with Great Expectations" for v in how_validated(first).values())

    second = project.refresh()
    assert second.success
    reused = how_validated(second)
    assert len(reused) == len(how_validated(first)) == 9  # 7 integrity checks, sources_agree, document_issues
    assert all(v.startswith(f"reused: inputs unchanged since run {first.run_id}") for v in reused.values())
    # The reused outcomes stay recorded under the run that computed them; the no-op run adds nothing.
    assert validation_rows(project, second.run_id) == []
    assert validation_rows(project, first.run_id) != []

    (project.seeds / "late.txt").write_text(NEW)
    third = project.refresh()
    assert third.success
    assert how_validated(third)["documents:documents_integrity"] == "run with Great Expectations"
    assert len(validation_rows(project, third.run_id)) == len(validation_rows(project, first.run_id))
