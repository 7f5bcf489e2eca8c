"""Operations (issue 11): refreshes that never collide, heal a damaged staging database, refuse to
overwrite a file that is not theirs, say why they failed, publish nothing when nothing changed, run
in-process, and a sensor that follows SEEDS_DIR and WAREHOUSE_PATH.

Grouped by the issue's numbered problems (2-9). The few cases that run `make run`'s code in
subprocesses (two at once, a bad DAGSTER_HOME) are marked slow; the filesystem cases (full disk,
read-only folder) mount a small tmpfs and need root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from newsfacts.warehouse import lock, publish, refresh_record
from pipelines.automation import seeds_folder_sensor
from pipelines.definitions import build_definitions, defs
from pipelines.run import summarize

PROJECT = Path(__file__).resolve().parents[2]
NEW_ARTICLE = "Energy Desk\n\nThe utility said it would add 300 megawatts of solar capacity by 2027.\n"


def materializations(result: dg.ExecuteInProcessResult) -> dict[str, dict]:
    return {e.asset_key.to_user_string(): e.materialization.metadata for e in result.get_asset_materialization_events()}


def summary(result: dg.ExecuteInProcessResult, project) -> str:
    return summarize(result, project.warehouse, 0.0)[0]


def file_identity(path: Path) -> tuple[int, int, bytes]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns, path.read_bytes()


def make_run_env(tmp_path: Path) -> dict[str, str]:
    """Environment for `python -m pipelines.run` on a fresh DAGSTER_HOME, seeds and warehouse under tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy2(PROJECT / "dagster.yaml", home / "dagster.yaml")
    shutil.copytree(PROJECT / "seeds", tmp_path / "seeds")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "SEEDS_DIR": str(tmp_path / "seeds"),
        "WAREHOUSE_PATH": str(tmp_path / "wh" / "news.duckdb"),
    }
    env.pop("STAGING_PATH", None)
    return env


def start_make_run(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.run"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


# --- 2. two refreshes at once -------------------------------------------------------------------


@pytest.mark.slow
def test_two_make_runs_on_a_fresh_dagster_home_both_succeed_one_after_the_other(tmp_path: Path):
    env = make_run_env(tmp_path)
    procs = [start_make_run(env) for _ in range(2)]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], "\n\n".join(outputs)
    assert not any("secondary_indexes" in o or "Conflicting lock" in o for o in outputs), outputs
    # Whichever came second said whom it waited for: Dagster's storage set-up, or the other refresh.
    assert any("waiting for " in o for o in outputs), outputs
    assert sum("published file rebuilt" in o for o in outputs) == 1, outputs
    assert sum("published file unchanged" in o for o in outputs) == 1, outputs
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        runs = instance.get_runs()
    assert [r.tags.get("newsfacts/trigger") for r in runs] == ["cli", "cli"]


def test_a_refresh_gives_up_with_a_clear_message_while_another_holds_the_lock(project):
    assert project.refresh().success
    before = file_identity(project.warehouse)
    holder = lock.lock_path_for(project.staging)
    with lock.exclusive(holder, "other-run-id", 1.0, trigger="cli"):
        result = project.refresh(refresh_wait_seconds=1.0)
    assert not result.success
    text = summary(result, project)
    assert "FAILED run set-up: RefreshLockTimeout: gave up after 1s waiting for refresh other-run-id (pid" in text
    assert "what to do: another refresh is still running" in text
    assert file_identity(project.warehouse) == before


def test_a_refresh_waits_for_the_lock_and_then_runs(project):
    """A second refresh started while the lock is held runs once it is released."""
    holder = lock.lock_path_for(project.staging)
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with lock.exclusive(holder, "first-run", 5.0):
            taken.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    threading.Timer(2.0, release.set).start()
    started = time.monotonic()
    result = project.refresh(refresh_wait_seconds=60.0)
    thread.join()
    assert result.success
    assert time.monotonic() - started >= 2.0
    assert lock.read_holder(holder).run_id == result.run_id


HOLD_STAGING = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("open", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_publish_waits_for_another_process_holding_the_staging_write_lock(project):
    assert project.refresh().success
    (project.seeds / "new.txt").write_text(NEW_ARTICLE)
    assert project.refresh().success
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_STAGING, str(project.staging), "3"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        other = project.warehouse.with_name("other.duckdb")
        result = publish.publish_warehouse(project.staging, other, lock_timeout=60)
    finally:
        holder.wait(30)
    assert result.counts["documents"] == 6


def test_clean_up_removes_only_temp_files_of_dead_processes(tmp_path: Path):
    published = tmp_path / "news.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    mine = publish.temp_path_for(published)  # this process: alive
    stale = published.with_name(f".{published.name}{publish.TMP_MARK}{dead_pid}-deadbeef")
    stale_spill = Path(f"{stale}.tmp")
    for path in (mine, stale):
        path.write_bytes(b"half written")
    stale_spill.mkdir()
    removed = publish.clean_stale_temp_files(published)
    assert sorted(removed) == sorted([stale, stale_spill])
    assert mine.exists() and not stale.exists() and not stale_spill.exists()


# --- 3. a damaged staging database heals ----------------------------------------------------------


def truncate(path: Path) -> None:
    os.truncate(path, 5000)


def garbage(path: Path) -> None:
    path.write_bytes(b"\x00\x13garbage" * 20_000)


def bad_checksums(path: Path) -> None:
    """Flip the stored checksum of every 256 KiB block (DuckDB: three 4 KiB headers, then blocks)."""
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096, len(data) - 8, 256 * 1024):
        for i in range(8):
            data[offset + i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [truncate, garbage, bad_checksums], ids=lambda f: f.__name__)
def test_damaged_staging_is_moved_aside_rebuilt_and_reported(project, damage):
    first = project.refresh()
    assert first.success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        expected = con.execute("SELECT document_id, content_sha256 FROM documents ORDER BY 1").fetchall()
        history = con.execute("SELECT count(*) FROM validation_results").fetchone()[0]
    damage(project.staging)

    result = project.refresh()

    assert result.success, summary(result, project)
    aside = list(project.staging.parent.glob(f"{project.staging.name}.damaged-*"))
    assert len(aside) == 1 and aside[0].stat().st_size > 0  # kept for inspection
    note = materializations(result)["documents"]["staging_rebuilt"].value
    assert f"moved aside to {aside[0]}" in note and "rebuilt from SEEDS_DIR" in note
    assert f"NOTE staging database was damaged ({note.split('(', 1)[1].split(')')[0]})" in summary(result, project)
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        assert con.execute("SELECT document_id, content_sha256 FROM documents ORDER BY 1").fetchall() == expected
        assert con.execute("SELECT count(*) FROM validation_results").fetchone()[0] > history  # history kept


def test_a_rebuilt_staging_database_is_reported_once(project):
    assert project.refresh().success
    garbage(project.staging)
    assert "staging_rebuilt" in materializations(project.refresh())["documents"]
    assert "staging_rebuilt" not in materializations(project.refresh())["documents"]


# --- 4. a file at WAREHOUSE_PATH that is not ours -------------------------------------------------


def text_file(path: Path) -> None:
    path.write_text("quarterly notes, not a database\n")


def users_duckdb(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE budget AS SELECT 1 AS line, 100.0 AS amount")


@pytest.mark.parametrize("foreign", [text_file, users_duckdb], ids=lambda f: f.__name__)
def test_a_file_without_the_marker_is_never_replaced(project, foreign):
    project.warehouse.parent.mkdir(parents=True)
    foreign(project.warehouse)
    before = file_identity(project.warehouse)
    result = project.refresh()
    assert not result.success
    assert file_identity(project.warehouse) == before
    text = summary(result, project)
    assert f"FAILED published_warehouse: ForeignWarehouseError: refusing to replace {project.warehouse}" in text
    assert "what to do: move that file away (or set WAREHOUSE_PATH to a new file)" in text


def test_published_file_carries_the_marker_and_an_older_unmarked_file_of_ours_is_still_replaced(project):
    assert project.refresh().success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        marker = con.execute(f"SELECT project, contract_version FROM {publish.MARKER_TABLE}").fetchall()
    assert marker == [(publish.PROJECT, publish.CONTRACT_VERSION)]
    with duckdb.connect(str(project.warehouse)) as con:  # as published before the marker existed
        con.execute(f"DROP TABLE {publish.MARKER_TABLE}")
    (project.seeds / "new.txt").write_text(NEW_ARTICLE)
    assert project.refresh().success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        assert con.execute(f"SELECT count(*) FROM {publish.MARKER_TABLE}").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 6


# --- 5. the summary names the root cause ----------------------------------------------------------


def test_a_warehouse_path_below_a_file_fails_with_the_cause_and_what_to_do(project, tmp_path: Path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder should be")
    project.warehouse = blocker / "news.duckdb"
    project.staging = blocker / ".staging" / "news.duckdb"
    result = project.refresh()
    assert not result.success
    text = summary(result, project)
    assert "FAILED run set-up: NotADirectoryError: [Errno 20] Not a directory:" in text
    assert str(blocker) in text
    assert "what to do: a path component is a file where a folder is expected" in text


@pytest.mark.slow
def test_an_unusable_dagster_home_is_one_line_and_advice(tmp_path: Path):
    env = make_run_env(tmp_path)
    blocker = tmp_path / "home_file"
    blocker.write_text("")
    env["DAGSTER_HOME"] = str(blocker / "home")
    done = subprocess.run([sys.executable, "-m", "pipelines.run"], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"cannot use DAGSTER_HOME ({blocker / 'home'})" in done.stdout
    assert "FAILED instance set-up: NotADirectoryError" in done.stdout or "FAILED instance set-up: " in done.stdout
    assert "what to do: " in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@contextmanager
def tmpfs(target: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `target` (root only; skips elsewhere), unmounted afterwards."""
    target.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB disk: too small for the staging database of the seeds, so it fills up."""
    with tmpfs(tmp_path / "mnt", "2m") as target:
        yield target


@pytest.fixture
def roomy_mount(tmp_path: Path) -> Iterator[Path]:
    """A 256 MiB disk that the test remounts read-only."""
    with tmpfs(tmp_path / "mnt", "256m") as target:
        yield target


def test_a_full_disk_names_the_file_and_says_free_space(project, small_mount: Path):
    project.warehouse = small_mount / "news.duckdb"
    project.staging = small_mount / ".staging" / "news.duckdb"
    for i in range(12):  # enough text that the staging database outgrows 2 MiB
        (project.seeds / f"bulk_{i}.txt").write_text(f"Bulk {i}\n\n" + NEW_ARTICLE * 400)
    result = project.refresh()
    assert not result.success
    text = summary(result, project)
    failed = [line for line in text.splitlines() if "FAILED" in line and ":" in line]
    assert failed, text
    assert any(str(small_mount) in line for line in failed), text
    assert "what to do: free disk space on the filesystem holding that path" in text


def test_a_read_only_warehouse_folder_names_the_cause(project, roomy_mount: Path):
    project.warehouse = roomy_mount / "news.duckdb"
    project.staging = roomy_mount / ".staging" / "news.duckdb"
    assert project.refresh().success
    before = file_identity(project.warehouse)
    subprocess.run(["mount", "-o", "remount,ro", str(roomy_mount)], check=True)
    (project.seeds / "new.txt").write_text(NEW_ARTICLE)
    result = project.refresh()
    assert not result.success
    text = summary(result, project)
    assert "Read-only file system" in text, text
    assert "what to do: the filesystem is mounted read-only" in text
    assert file_identity(project.warehouse) == before


# --- 6. a no-op refresh publishes nothing ---------------------------------------------------------


def test_an_unchanged_refresh_leaves_the_published_file_and_validation_results_alone(project):
    first = project.refresh()
    assert first.success
    before = file_identity(project.warehouse)
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        rows = con.execute("SELECT count(*) FROM validation_results").fetchone()[0]
    for _ in range(2):
        again = project.refresh()
        assert again.success
        assert materializations(again)["published_warehouse"]["publish_mode"].value == "unchanged"
        assert file_identity(project.warehouse) == before
    (project.seeds / "new.txt").write_text(NEW_ARTICLE)
    changed = project.refresh()
    assert changed.success
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        validated = dict(con.execute("SELECT run_id, count(*) FROM validation_results GROUP BY 1").fetchall())
    assert set(validated) <= {first.run_id, changed.run_id} and changed.run_id in validated
    assert validated[first.run_id] == rows


# --- 7. every job runs in-process by default ------------------------------------------------------


@pytest.mark.parametrize("job", ["refresh", "__ASSET_JOB"])
def test_every_job_defaults_to_the_in_process_executor_and_multiprocess_stays_opt_in(job: str):
    job_def = defs.resolve_implicit_global_asset_job_def() if job == "__ASSET_JOB" else defs.resolve_job_def(job)
    assert job_def.executor_def.config_schema.default_value == {"in_process": {}}
    opt_in = {"execution": {"config": {"multiprocess": {"max_concurrent": 2}}}}
    (resolved,) = dg.validate_run_config(job_def, opt_in)["execution"].values()
    assert resolved["multiprocess"]["max_concurrent"] == 2


def definitions_from_environment() -> dg.Definitions:
    """The code location as `dagster dev` loads it: resources read from the environment at load time."""
    from pipelines.definitions import build_resources

    return build_definitions(build_resources())


def test_materialize_all_runs_in_process_with_no_run_config(project, monkeypatch: pytest.MonkeyPatch):
    """Launched like the UI's "Materialize all": the job's own executor, no run config."""
    monkeypatch.setenv("SEEDS_DIR", str(project.seeds))
    monkeypatch.setenv("WAREHOUSE_PATH", str(project.warehouse))
    monkeypatch.setenv("STAGING_PATH", str(project.staging))
    from dagster._core.definitions.reconstruct import ReconstructableRepository

    repository = ReconstructableRepository.for_file(__file__, "definitions_from_environment", str(PROJECT))
    job = repository.get_reconstructable_job("__ASSET_JOB")
    with dg.execute_job(job, instance=project.instance) as result:
        assert result.success
        engine = [e.message for e in result.all_events if e.event_type == dg.DagsterEventType.ENGINE_EVENT]
    assert any("Executing steps in process" in (m or "") for m in engine), engine
    assert project.warehouse.exists()


# --- 8. the sensor follows SEEDS_DIR and WAREHOUSE_PATH -------------------------------------------


def evaluate_sensor(project, cursor: str | None, **resources) -> dg.SensorResult:
    with dg.build_sensor_context(
        cursor=cursor, instance=project.instance, resources={**project.resources(), **resources}
    ) as context:
        return seeds_folder_sensor(context)


def test_after_a_refresh_it_did_not_start_the_sensor_does_not_refresh_again(project):
    result = project.refresh()
    assert result.success
    evaluation = evaluate_sensor(project, None)
    assert not evaluation.run_requests
    assert f"already refreshed by run {result.run_id}" in evaluation.skip_reason.skip_message
    assert not evaluate_sensor(project, evaluation.cursor).run_requests


def test_the_sensor_requests_a_run_when_paths_move_or_the_published_file_is_missing(project, tmp_path: Path):
    assert project.refresh().success
    current = evaluate_sensor(project, None).cursor
    from assets.resources import SeedsFolder, Warehouse

    elsewhere = tmp_path / "other_wh" / "news.duckdb"
    moved = evaluate_sensor(project, current, warehouse=Warehouse(warehouse_path=str(elsewhere)))
    assert len(moved.run_requests) == 1
    assert moved.run_requests[0].tags["newsfacts/trigger"] == "seeds_folder_sensor"
    other_seeds = tmp_path / "other_seeds"
    shutil.copytree(project.seeds, other_seeds)
    assert len(evaluate_sensor(project, current, seeds=SeedsFolder(seeds_dir=str(other_seeds))).run_requests) == 1

    project.warehouse.unlink()
    missing = evaluate_sensor(project, current)
    assert len(missing.run_requests) == 1 and missing.run_requests[0].run_key.endswith("-missing")
    # The same state asks with the same run key, which Dagster runs once: a failing first run does not loop.
    assert evaluate_sensor(project, missing.cursor).run_requests[0].run_key == missing.run_requests[0].run_key


def test_landing_records_the_state_it_landed(project):
    result = project.refresh()
    landed = refresh_record.last(project.staging)
    assert landed is not None and landed.run_id == result.run_id
    assert (landed.seeds_dir, landed.warehouse, landed.files) == (str(project.seeds), str(project.warehouse), 5)


# --- 9. smaller UI defects -----------------------------------------------------------------------


@pytest.mark.parametrize("selection", [["documents"], ["rejected_documents"]])
def test_each_landing_table_can_be_materialized_alone(project, selection: list[str]):
    job = build_definitions(project.resources()).resolve_implicit_global_asset_job_def()
    subset = job.get_subset(asset_selection={dg.AssetKey(k) for k in selection})
    result = subset.execute_in_process(instance=project.instance, raise_on_error=False)
    assert result.success
    assert set(materializations(result)) == set(selection)


def test_checks_are_named_after_their_table_and_described_apart():
    checks = list(defs.resolve_asset_graph().asset_check_keys)
    integrity = {k.asset_key.to_user_string(): k.name for k in checks if k.name.endswith("_integrity")}
    assert integrity == {t: f"{t}_integrity" for t in integrity}
    assert len(integrity) == 7
    graph = defs.resolve_asset_graph()
    descriptions = {graph.get_check_spec(k).description for k in checks if k.name.endswith("_integrity")}
    assert len(descriptions) == 7
    documents = graph.get_check_spec(dg.AssetCheckKey(dg.AssetKey("documents"), "documents_integrity"))
    assert "offsets" not in documents.description and "spans" not in documents.description


def test_failed_expectations_are_a_table_and_metadata_holds_no_server_path(project, monkeypatch):
    """Issue 11 asks for failed expectations as a table; issue 17 makes every content table structured
    (`MetadataValue.table`), so the UI draws the cells as text and no example can inject markup."""
    from test_refresh import corrupt_figure_offsets

    assert project.refresh().success
    corrupt_figure_offsets(monkeypatch, project, char_end=3)
    result = project.refresh()
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    figures = evaluations["figures_integrity"]
    assert not figures.passed
    table = figures.metadata["failed_expectations"]
    assert isinstance(table, dg.TableMetadataValue)
    assert [c.name for c in table.schema.columns][:3] == ["expectation", "column", "ok"]
    assert {r.data["column"] for r in table.records} == {"span_matches"}
    assert "stored_text='$550 billion'" in " ".join(r.data["example"] for r in table.records)
    assert all(r.data["ok"] is False for r in table.records)
    passed = evaluations["documents_integrity"].metadata["failed_expectations"]
    assert isinstance(passed, dg.TableMetadataValue) and passed.records == []
    for evaluation in evaluations.values():
        assert not any(isinstance(v, dg.PathMetadataValue) for v in evaluation.metadata.values())


def test_every_run_carries_a_trigger_tag(project):
    result = project.refresh()  # launched with no tag, as the UI's Materialize buttons do
    assert project.instance.get_run_by_id(result.run_id).tags["newsfacts/trigger"] == "ui"
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert schedule.tags["newsfacts/trigger"] == "daily_refresh"


def test_assets_have_owners_tags_and_a_daily_freshness_policy():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        spec = graph.get(key)
        assert spec.owners == ["team:newsfacts"], key
        assert spec.tags.get("project") == "newsfacts" and spec.tags.get("layer"), key
        assert isinstance(spec.freshness_policy, dg.FreshnessPolicy), key
        assert spec.freshness_policy.deadline_cron == "0 4 * * *", key
