"""The Dagster UI in a real browser: `dagster dev` (what `make ui` runs) with the project's definitions.

Everything it reads and writes (instance, seeds, warehouse) lives under the test's tmp_path. Its daemon
runs the seeds sensor, which requests the first refresh; once that run has finished, Playwright drives
Debian's chromium (`/usr/bin/chromium`, installed with apt-get when missing, because CI runs only
`make test`) through the lineage, an asset, its check and the published warehouse. `dagster dev` runs in
a session of its own and its whole process group is stopped at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# The network is closed: without these flags chromium keeps trying to reach Google services.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DAGSTER = Path(sys.executable).with_name("dagster")
GROUPS = ["landing", "extraction", "consistency", "serving"]
ASSETS = [
    "documents",
    "rejected_documents",
    "document_metadata",
    "figures",
    "claims",
    "claim_figures",
    "claim_clusters",
    "metric_consistency",
    "published_warehouse",
]

INSTALL_TIMEOUT = 900  # a fresh machine downloads ~100 MB of packages
RUN_TIMEOUT = 300  # the sensor's first tick, the queue, and one full refresh
SERVER_TIMEOUT = 180
PAGE_TIMEOUT_MS = 60_000
STOP_TIMEOUT = 30


def ensure_chromium() -> Path:
    """Debian's chromium, installed with apt-get when missing; skips only when it cannot be installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    apt_get = shutil.which("apt-get")
    if apt_get is None:
        pytest.skip(f"{CHROMIUM} is missing and apt-get is unavailable to install it (not a Debian-like system)")
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        prefix = ["sudo", "-n"]
    else:
        pytest.skip(f"{CHROMIUM} is missing and installing it with apt-get needs root (no passwordless sudo)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # Other processes may hold the dpkg lock (another test run, unattended upgrades): wait for it.
    apt = [*prefix, apt_get, "-o", "DPkg::Lock::Timeout=600", "-q"]
    install = [*apt, "install", "-y", "--no-install-recommends", "chromium"]
    first = subprocess.run(install, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    if first.returncode != 0:
        # Stale or missing package lists on a fresh machine: update them once and retry.
        update = subprocess.run([*apt, "update"], env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        second = subprocess.run(install, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        output = "\n".join(r.stderr[-2000:] for r in (first, update, second))
        assert second.returncode == 0, f"apt-get install chromium failed:\n{output}"
    assert CHROMIUM.exists(), f"apt-get installed chromium but {CHROMIUM} is missing"
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium() -> Path:
    return ensure_chromium()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def temp_dagster_home(home: Path) -> Path:
    """The project's dagster.yaml in `home`: an instance of its own (its storage lives under DAGSTER_HOME)."""
    home.mkdir(parents=True)
    shutil.copy2(PROJECT / "dagster.yaml", home / "dagster.yaml")
    return home


def reset_signals() -> None:
    # A process started from a background shell job inherits SIGINT ignored; dagster dev would then
    # ignore the signals we stop it with.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def http(url: str, body: dict | None = None, timeout: float = 10) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if body is not None else {}
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read()


@dataclass
class DagsterUI:
    url: str
    log: Path
    warehouse: Path

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


def graphql(url: str, query: str) -> dict:
    status, body = http(f"{url}/graphql", {"query": query})
    answer = json.loads(body)
    assert status == 200 and not answer.get("errors"), body
    return answer["data"]


RUNS_QUERY = "{ runsOrError { __typename ... on Runs { results { runId status tags { key value } } } } }"
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def wait_for_runs(url: str, ui: DagsterUI) -> list[dict]:
    """The instance's runs once there is at least one and none is queued or in progress."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while True:
        runs = graphql(url, RUNS_QUERY)["runsOrError"]["results"]
        if runs and all(r["status"] in FINISHED for r in runs):
            return runs
        assert time.monotonic() < deadline, f"no finished refresh after {RUN_TIMEOUT}s: {runs}\n{ui.log_tail()}"
        time.sleep(1)


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM the whole process group, SIGKILL whatever is left after STOP_TIMEOUT."""
    pgid = proc.pid  # start_new_session: the leader's pid is the group id
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=STOP_TIMEOUT)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)  # any member left (daemon, code server, run worker)?
        except ProcessLookupError:
            break
        time.sleep(0.5)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
    if proc.poll() is None:
        proc.wait(timeout=STOP_TIMEOUT)


@pytest.fixture
def dagster_ui(tmp_path: Path) -> Iterator[DagsterUI]:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", seeds)
    warehouse = tmp_path / "wh" / "news.duckdb"
    home = temp_dagster_home(tmp_path / "dagster_home")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "SEEDS_DIR": str(seeds),
        "WAREHOUSE_PATH": str(warehouse),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("STAGING_PATH", None)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "dagster_dev.log"
    with log.open("wb") as out:
        # cwd is the project root, like `make ui`: dagster dev finds the code location in pyproject.toml.
        proc = subprocess.Popen(
            [str(DAGSTER), "dev", "-h", "127.0.0.1", "-p", str(port)],
            cwd=PROJECT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=reset_signals,
        )
    ui = DagsterUI(url, log, warehouse)
    try:
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            assert proc.poll() is None, f"dagster dev exited with {proc.returncode}:\n{ui.log_tail()}"
            try:
                if http(f"{url}/server_info", timeout=2)[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            assert time.monotonic() < deadline, f"dagster dev not up after {SERVER_TIMEOUT}s:\n{ui.log_tail()}"
            time.sleep(0.5)
        # The first-visit ("NUX") modal would cover the page.
        assert graphql(url, "mutation { setNuxSeen }")["setNuxSeen"] is True
        # The materialization the UI shows: seeds_folder_sensor (running by default) requests the first
        # refresh as soon as the daemon evaluates it over a folder it has not seen. Browsing only once it
        # has finished keeps the pages still (no run in flight).
        runs = wait_for_runs(url, ui)
        assert [r["status"] for r in runs] == ["SUCCESS"], f"{runs}\n{ui.log_tail()}"
        tags = {t["key"]: t["value"] for t in runs[0]["tags"]}
        assert tags.get("newsfacts/trigger") == "seeds_folder_sensor", tags
        assert warehouse.exists()
        yield ui
    finally:
        stop_group(proc)


def graph_label(asset: str) -> re.Pattern:
    """An asset's name as the zoomed-out graph draws it: whole, or shortened with an ellipsis in the middle."""
    return re.compile(rf"^(?:{re.escape(asset)}|{re.escape(asset[:4])}\S*…\S*{re.escape(asset[-4:])})$")


def settle(page, timeout_ms: int = 10_000) -> None:
    """Wait (bounded) for a pause in the page's requests; the UI polls, so this is a best effort."""
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=timeout_ms)


def test_ui_shows_assets_checks_and_last_materialization(chromium: Path, dagster_ui: DagsterUI, tmp_path: Path):
    from playwright.sync_api import expect, sync_playwright

    shots = tmp_path / "screenshots"
    shots.mkdir()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        expect.set_options(timeout=PAGE_TIMEOUT_MS)
        try:
            # The global asset lineage: four groups, collapsed; expanded, every asset of the graph is drawn.
            page.goto(f"{dagster_ui.url}/asset-groups")
            expect(page.get_by_text("Global asset lineage")).to_be_visible()
            for group in GROUPS:
                expect(page.get_by_text(group, exact=True).first).to_be_visible()
            page.mouse.click(1500, 160, button="right")  # empty background, top right: the graph's menu
            page.get_by_role("menuitem", name="Expand all groups").click()
            for asset in ASSETS:
                expect(page.get_by_text(graph_label(asset)).first).to_be_visible()
            settle(page)  # the nodes' status colours arrive after their names
            page.screenshot(path=str(shots / "lineage.png"))

            # An asset's page: its last materialization, and its blocking integrity check passed.
            page.goto(f"{dagster_ui.url}/assets/figures")
            expect(page.get_by_text("Latest materialization")).to_be_visible()
            expect(page.get_by_text(re.compile(r"^[\w ]+ ago$")).first).to_be_visible()
            expect(page.get_by_text("Latest check results")).to_be_visible()
            page.screenshot(path=str(shots / "figures.png"))

            page.goto(f"{dagster_ui.url}/assets/figures?view=checks")
            expect(page.get_by_text("This is a blocking asset check")).to_be_visible()
            expect(page.get_by_text("figures_integrity").first).to_be_visible()
            expect(page.get_by_text("Passed", exact=True).first).to_be_visible()
            page.screenshot(path=str(shots / "figures_checks.png"))

            # The published warehouse, materialized, with the path it was published to.
            page.goto(f"{dagster_ui.url}/assets/published_warehouse")
            expect(page.get_by_text("Latest materialization")).to_be_visible()
            expect(page.get_by_text(str(dagster_ui.warehouse)).first).to_be_visible()
            page.screenshot(path=str(shots / "published_warehouse.png"))
        except Exception:
            page.screenshot(path=str(shots / "failure.png"))
            raise
        finally:
            browser.close()
    for shot in shots.iterdir():
        assert shot.stat().st_size > 20_000, f"{shot} looks blank"
