"""The Dagster UI in a real browser: `dagster dev` (what `make ui` runs) with the project's definitions.

Everything it reads and writes (instance, seeds, warehouse) lives under the test's tmp_path. Its daemon
runs the seeds sensor, which requests the first refresh; once that run has finished, Playwright drives
Debian's chromium (`/usr/bin/chromium`, installed with apt-get when missing, because CI runs only
`make test`) through the lineage, an asset, its check and the published warehouse. `dagster dev` runs in
a session of its own and its whole process group is stopped at the end.

A second instance lands hostile documents beside the seeds (issue 17) and walks every page that shows
content, and the offline report: news text must stay inert text there (no outside request, no link off
127.0.0.1, no injected heading, emphasis or row, no table wider than the window).
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from processes import stop_group

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
    run_id: str = ""

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


@contextlib.contextmanager
def dagster_dev(tmp_path: Path, seeds: Path) -> Iterator[DagsterUI]:
    """`dagster dev` over `seeds`, once the sensor's first refresh has succeeded; stopped on exit."""
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
        ui.run_id = runs[0]["runId"]
        yield ui
    finally:
        stop_group(proc, STOP_TIMEOUT)


@pytest.fixture
def dagster_ui(tmp_path: Path) -> Iterator[DagsterUI]:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", seeds)
    with dagster_dev(tmp_path, seeds) as ui:
        yield ui


@contextlib.contextmanager
def browser_page(chromium: Path, shots: Path, on_request: Callable[[Any], None] | None = None) -> Iterator[Any]:
    """A page of headless chromium with the suite's timeouts (and `on_request` told of every request).

    On a failure the page is saved as `failure.png` in `shots` (created here) before the error goes on;
    the browser is always closed.
    """
    from playwright.sync_api import expect, sync_playwright

    shots.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        if on_request is not None:
            context.on("request", on_request)
        page = context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        expect.set_options(timeout=PAGE_TIMEOUT_MS)
        try:
            yield page
        except Exception:
            page.screenshot(path=str(shots / "failure.png"))
            raise
        finally:
            browser.close()


def graph_label(asset: str) -> re.Pattern:
    """An asset's name as the zoomed-out graph draws it: whole, or shortened with an ellipsis in the middle."""
    return re.compile(rf"^(?:{re.escape(asset)}|{re.escape(asset[:4])}\S*…\S*{re.escape(asset[-4:])})$")


def settle(page, timeout_ms: int = 10_000) -> None:
    """Wait (bounded) for a pause in the page's requests; the UI polls, so this is a best effort."""
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=timeout_ms)


def test_ui_shows_assets_checks_and_last_materialization(chromium: Path, dagster_ui: DagsterUI, tmp_path: Path):
    from playwright.sync_api import expect

    shots = tmp_path / "screenshots"
    with browser_page(chromium, shots) as page:
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
    for shot in shots.iterdir():
        assert shot.stat().st_size > 20_000, f"{shot} looks blank"


# --- Untrusted news text (issue 17) ----------------------------------------------------------------
# Hostile titles, authors, claims and file names (tests/data/hostile_ui/documents.json) are landed
# beside the seeds; every page that shows content must show them as inert text.

HOSTILE = PROJECT / "tests" / "data" / "hostile_ui" / "documents.json"
HOSTILE_FOLDER = "0-hostile"  # sorts before the seeds: the previews' first rows are hostile
# The assets whose metadata quotes content, and the checks whose results do.
CONTENT_ASSETS = [
    "documents",
    "rejected_documents",
    "document_metadata",
    "claims",
    "claim_clusters",
    "figures",
    "metric_consistency",
]
CHECK_PAGES = [("metric_consistency", "sources_agree"), ("documents", "integrity")]
SHOW_BUTTON = re.compile(r"^\[Show (Markdown|Table)\]$")
# What the hostile documents would draw if their markup were interpreted.
FAKE_HEADING = "FAKE HEADING"
FAKE_EMPHASIS = ("ALL CHECKS PASSED", "verified", "nobody", "bold", "Officials")
FAKE_CELLS = ("INJECTED-ROW", "forged", "SHIFTED-CELL")
INJECTED_HOSTS = ("beacon.invalid", "phish.invalid")

# Everything the page draws that could load, link or pretend: one DOM walk per page or dialog.
DOM_PROBE = """root => ({
    links: [...root.querySelectorAll('a[href]')].map(a => a.href),
    images: [...root.querySelectorAll('img, image, source')].map(e => e.src || e.getAttribute('href') || e.srcset),
    headings: [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.textContent),
    emphasis: [...root.querySelectorAll('strong, b, em, i, del, s')].map(e => e.textContent),
    cells: [...root.querySelectorAll('td, th')].map(c => c.textContent.trim()),
    text: root.textContent,
})"""


def land_hostile_documents(seeds: Path) -> list[str]:
    """Write every hostile document under `seeds`; the vectors they carry, for messages."""
    corpus = json.loads(HOSTILE.read_text(encoding="utf-8"))
    for doc in corpus["documents"]:
        path = seeds / HOSTILE_FOLDER / doc["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc["text"], encoding="utf-8", newline="")
    return [d["vector"] for d in corpus["documents"]]


@pytest.fixture
def hostile_ui(tmp_path: Path) -> Iterator[DagsterUI]:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", seeds)
    land_hostile_documents(seeds)
    with dagster_dev(tmp_path, seeds) as ui:
        yield ui


def local_url(url: str, base: str) -> bool:
    """A URL that stays on the Dagster server (or in the page itself, or in the offline report's folder)."""
    return url.startswith((base + "/", "data:", "blob:", "about:", "file://")) or url == base


def probe_problems(where: str, found: dict, base: str) -> list[str]:
    """Why what `found` (DOM_PROBE's answer) shows is not inert text."""
    problems = []
    for href in found["links"]:
        if not local_url(href, base) or any(h in href for h in INJECTED_HOSTS) or href.startswith("javascript:"):
            problems.append(f"{where}: link to {href}")
    for src in found["images"]:
        if not local_url(src, base) or any(h in src for h in INJECTED_HOSTS):
            problems.append(f"{where}: image from {src}")
    problems += [f"{where}: heading {h[:60]!r}" for h in found["headings"] if FAKE_HEADING in h.upper()]
    problems += [f"{where}: emphasis {e[:60]!r}" for e in found["emphasis"] if e.strip() in FAKE_EMPHASIS]
    # A row or cell of its own: the cell starts with what the hostile text put after its line break or pipe.
    problems += [f"{where}: injected cell {c[:60]!r}" for c in found["cells"] if c.lstrip("| ").startswith(FAKE_CELLS)]
    return problems


# The run log draws only the events in view: walk its scroll container from top to bottom.
SCROLL_LOG = """step => {
    const boxes = [...document.querySelectorAll('*')].filter(e => e.scrollHeight > e.clientHeight + 50
        && getComputedStyle(e).overflowY.match(/auto|scroll/));
    const log = boxes.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
    if (!log) return true;
    if (step === 0) { log.scrollTop = 0; return false; }
    const before = log.scrollTop;
    log.scrollTop = before + log.clientHeight * 0.8;
    return log.scrollTop === before;
}"""
MAX_SCROLLS = 60


def inspect_page(page, where: str, base: str, scroll: bool = False) -> tuple[list[str], str]:
    """The page's problems, then each metadata dialog's ("[Show Markdown]", "[Show Table]"); and all their text.

    With `scroll`, the page's largest scroll container is walked and each view probed."""
    settle(page)
    found = page.locator("body").evaluate(DOM_PROBE)
    problems, text = probe_problems(where, found, base), found["text"]
    for step in range(MAX_SCROLLS if scroll else 0):
        done = page.evaluate(SCROLL_LOG, step)
        page.wait_for_timeout(300)
        found = page.locator("body").evaluate(DOM_PROBE)
        problems += probe_problems(f"{where} (scrolled {step})", found, base)
        text += found["text"]
        if done:
            break
    buttons = page.get_by_text(SHOW_BUTTON)
    for i in range(buttons.count()):
        buttons.nth(i).click()
        dialog = page.get_by_role("dialog").last
        dialog.wait_for()
        page.wait_for_timeout(500)  # images and links in the dialog render on the next frames
        found = dialog.evaluate(DOM_PROBE)
        problems += probe_problems(f"{where} dialog {i}", found, base)
        text += found["text"]
        page.keyboard.press("Escape")
        dialog.wait_for(state="detached")
    return problems, text


def test_hostile_news_text_stays_inert_in_the_ui(chromium: Path, hostile_ui: DagsterUI, tmp_path: Path):
    base = hostile_ui.url
    # (page, text it shows once its metadata has arrived)
    pages = [(f"/assets/{a}", "preview") for a in CONTENT_ASSETS]
    pages += [(f"/assets/{a}?view=events", "preview") for a in CONTENT_ASSETS]
    pages += [(f"/assets/{a}?view=checks&checkDetail={c}", "results") for a, c in CHECK_PAGES]
    pages += [(f"/runs/{hostile_ui.run_id}", "RUN_SUCCESS")]
    report = hostile_ui.warehouse.parent / "data_docs" / "index.html"
    assert report.exists()

    shots = tmp_path / "screenshots"
    problems: list[str] = []
    shown = ""
    requested: list[str] = []
    with browser_page(chromium, shots, on_request=lambda r: requested.append(r.url)) as page:
        for i, (path, ready) in enumerate(pages):
            page.goto(base + path)
            page.get_by_text(ready, exact=True).first.wait_for()
            found, text = inspect_page(page, path, base, scroll=path.startswith("/runs/"))
            problems += found
            shown += text
            page.screenshot(path=str(shots / f"page{i:02}.png"))

        # The offline report: inert too, and no table grows past the page.
        page.goto(report.as_uri())
        found, text = inspect_page(page, "report", base)
        problems += found
        shown += text
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            problems.append(f"report: {width[0]} px wide in a {width[1]} px window")
        page.screenshot(path=str(shots / "report.png"), full_page=True)

    outside = sorted({u for u in requested if not local_url(u, base)})
    problems += [f"request to {u}" for u in outside]
    problems += [f"request to injected {u}" for u in sorted(set(requested)) if any(h in u for h in INJECTED_HOSTS)]
    # The hostile text is on the pages (as text), so the checks above did look at it.
    for marker in ("beacon.invalid", "INJECTED-ROW", FAKE_HEADING, "ALL CHECKS PASSED", "SHIFTED-CELL"):
        assert marker in shown, f"{marker!r} is shown nowhere: the pages did not show the hostile documents"
    assert not problems, f"{len(problems)} ways hostile text rendered as markup:\n" + "\n".join(problems)
