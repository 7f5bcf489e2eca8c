"""The Dagster UI's "Materialize all" in a real browser: it runs in-process, tagged as a UI run, and every
check shows its own name (issue 11, items 7 and 9). Reuses the `dagster dev` fixture of test_ui_browser.py.
"""

from __future__ import annotations

import time
from pathlib import Path

from test_ui_browser import (  # noqa: F401 - chromium and dagster_ui are fixtures
    ASSETS,
    FINISHED,
    RUN_TIMEOUT,
    DagsterUI,
    browser_page,
    chromium,
    dagster_ui,
    graphql,
    settle,
)

RUNS = "{ runsOrError { ... on Runs { results { runId jobName status tags { key value } } } } }"
LOGS = """{{ logsForRun(runId: "{run_id}") {{ __typename ... on EventConnection {{
    events {{ __typename ... on MessageEvent {{ message }} }} }} }} }}"""
CHECKS = (
    """{ assetNodes { assetKey { path } assetChecksOrError { ... on AssetChecks { checks { name description } } } } }"""
)
# Every asset of the graph has a blocking integrity check but the rejected files and the published file.
INTEGRITY_TABLES = [a for a in ASSETS if a not in ("rejected_documents", "published_warehouse")]


def runs(url: str) -> list[dict]:
    return graphql(url, RUNS)["runsOrError"]["results"]


def wait_for_new_run(ui: DagsterUI, known: set[str]) -> dict:
    """The first run not in `known`, once it has finished."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while True:
        new = [r for r in runs(ui.url) if r["runId"] not in known]
        if new and new[0]["status"] in FINISHED:
            return new[0]
        assert time.monotonic() < deadline, f"no finished run after {RUN_TIMEOUT}s: {new}\n{ui.log_tail()}"
        time.sleep(1)


def test_materialize_all_runs_in_process_and_checks_show_their_names(
    chromium: Path,  # noqa: F811
    dagster_ui: DagsterUI,  # noqa: F811
    tmp_path: Path,
):
    from playwright.sync_api import expect

    known = {r["runId"] for r in runs(dagster_ui.url)}
    shots = tmp_path / "screenshots"
    with browser_page(chromium, shots) as page:
        page.goto(f"{dagster_ui.url}/asset-groups")
        expect(page.get_by_text("Global asset lineage")).to_be_visible()
        settle(page)
        page.get_by_role("button", name="Materialize all").click()
        run = wait_for_new_run(dagster_ui, known)
        page.screenshot(path=str(shots / "materialize_all.png"))

        page.goto(f"{dagster_ui.url}/assets/figures?view=checks")
        expect(page.get_by_text("figures_integrity").first).to_be_visible()
        page.screenshot(path=str(shots / "figures_checks.png"))

    assert run["jobName"] == "__ASSET_JOB", run
    assert run["status"] == "SUCCESS", f"{run}\n{dagster_ui.log_tail()}"
    assert {t["key"]: t["value"] for t in run["tags"]}.get("newsfacts/trigger") == "ui", run
    events = graphql(dagster_ui.url, LOGS.format(run_id=run["runId"]))["logsForRun"]["events"]
    messages = [e.get("message") or "" for e in events]
    assert any("Executing steps in process" in m for m in messages), messages[:20]
    assert not any("multiprocess" in m.lower() for m in messages), [m for m in messages if "multiprocess" in m.lower()]

    nodes = graphql(dagster_ui.url, CHECKS)["assetNodes"]
    checks = {
        "/".join(n["assetKey"]["path"]): {c["name"]: c["description"] for c in n["assetChecksOrError"]["checks"]}
        for n in nodes
        if n.get("assetChecksOrError", {}).get("checks")
    }
    for table in INTEGRITY_TABLES:
        assert f"{table}_integrity" in checks[table], checks.get(table)
    descriptions = [checks[t][f"{t}_integrity"] for t in INTEGRITY_TABLES]
    assert len(set(descriptions)) == len(INTEGRITY_TABLES)
