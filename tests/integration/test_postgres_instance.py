"""Dagster's instance on a real PostgreSQL server, configured by the commented block in dagster.yaml.

The test starts its own server: Debian's `postgresql` (installed with apt-get when missing, because
CI runs only `make test`), `initdb` and `pg_ctl` run as an unprivileged user on a data folder in a
temporary directory, listening on 127.0.0.1 at a free port with password authentication. Its
DAGSTER_HOME holds the project's dagster.yaml with the Postgres block uncommented, nothing else.
Through that instance, `dagster-daemon run` (the deployment's daemon) ticks the seeds sensor, whose
run refreshes the warehouse, and `python -m pipelines.run` (`make run`) refreshes it once more. The
test then reads Postgres's own tables: both runs and their events, and the sensor's cursor.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from processes import stop_group

psycopg2 = pytest.importorskip("psycopg2", reason="the `postgres` extra (dagster-postgres) is not installed")
pytest.importorskip("dagster_postgres", reason="the `postgres` extra (dagster-postgres) is not installed")

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
DAEMON = Path(sys.executable).with_name("dagster-daemon")
BLOCK_START, BLOCK_END = "# >>> postgres instance", "# <<< postgres instance"
SENSOR = "seeds_folder_sensor"
USER, PASSWORD, DATABASE = "newsfacts", "a-test-only-password", "dagster"

INSTALL_TIMEOUT = 900
START_TIMEOUT = 60
RUN_TIMEOUT = 420  # the daemon's start, the sensor's first tick, the queue, and one full refresh
STOP_TIMEOUT = 30


def postgres_bin() -> Path:
    """The folder of `initdb` and `pg_ctl` (Debian keeps them out of PATH); installs `postgresql` when missing."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return Path(shutil.which("initdb")).parent
    apt_get = shutil.which("apt-get")
    if apt_get is None or os.geteuid() != 0:
        pytest.skip("PostgreSQL is missing and installing it needs apt-get as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    apt = [apt_get, "-o", "DPkg::Lock::Timeout=600", "-q"]
    install = [*apt, "install", "-y", "--no-install-recommends", "postgresql"]
    first = subprocess.run(install, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    if first.returncode != 0:
        # Stale or missing package lists on a fresh machine: update them once and retry.
        subprocess.run([*apt, "update"], env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        second = subprocess.run(install, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        assert second.returncode == 0, f"apt-get install postgresql failed:\n{first.stderr[-2000:]}\n{second.stderr}"
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    assert found, "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb"
    return Path(sorted(found)[-1]).parent


def server_account() -> pwd.struct_passwd:
    """Who runs the server: PostgreSQL refuses root, so root hands it to the package's `postgres` user."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    pytest.skip("running as root and neither a `postgres` nor a `nobody` account exists")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    port: int

    def env(self) -> dict[str, str]:
        """The variables dagster.yaml's Postgres block reads."""
        return {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": str(self.port),
            "DAGSTER_PG_USER": USER,
            "DAGSTER_PG_PASSWORD": PASSWORD,
            "DAGSTER_PG_DB": DATABASE,
        }

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with (
            contextlib.closing(
                psycopg2.connect(host="127.0.0.1", port=self.port, user=USER, password=PASSWORD, dbname=DATABASE)
            ) as con,
            con.cursor() as cur,
        ):
            cur.execute(sql, params)
            return cur.fetchall()


@pytest.fixture
def postgres() -> Iterator[Server]:
    """A PostgreSQL server of the test's own in a temporary folder, stopped and removed at the end."""
    bindir, account = postgres_bin(), server_account()
    root = Path(tempfile.mkdtemp(prefix="newsfacts-pg-"))
    os.chown(root, account.pw_uid, account.pw_gid)
    (root / "pwfile").write_text(PASSWORD + "\n")
    os.chown(root / "pwfile", account.pw_uid, account.pw_gid)
    data, port = root / "data", free_port()

    def as_server(*args: str, timeout: float = START_TIMEOUT) -> subprocess.CompletedProcess:
        run_as = {"user": account.pw_uid, "group": account.pw_gid} if os.geteuid() == 0 else {}
        env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "HOME": str(root)}
        result = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, timeout=timeout, **run_as)
        assert result.returncode == 0, f"{args[0]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        return result

    init = [str(bindir / "initdb"), "-D", str(data), "-U", USER, "--pwfile", str(root / "pwfile")]
    as_server(*init, "--auth=scram-sha-256", "-E", "UTF8", timeout=120)
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}"
    pg_ctl = str(bindir / "pg_ctl")
    as_server(pg_ctl, "-D", str(data), "-l", str(root / "server.log"), "-o", options, "-w", "start")
    try:
        server = Server(port)
        with contextlib.closing(
            psycopg2.connect(host="127.0.0.1", port=port, user=USER, password=PASSWORD, dbname="postgres")
        ) as con:
            con.autocommit = True
            con.cursor().execute(f"CREATE DATABASE {DATABASE}")
        yield server
    finally:
        as_server(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def postgres_dagster_yaml() -> str:
    """The project's dagster.yaml with its commented Postgres block switched on (and nothing else changed)."""
    lines = (PROJECT / "dagster.yaml").read_text().splitlines()
    start, end = lines.index(BLOCK_START), lines.index(BLOCK_END)
    block = [line.removeprefix("# ").removeprefix("#") for line in lines[start + 1 : end]]
    return "\n".join([*lines[:start], *block, *lines[end + 1 :]]) + "\n"


def test_block_uncomments_to_postgres_storage_only():
    import yaml

    config = yaml.safe_load(postgres_dagster_yaml())
    shipped = yaml.safe_load((PROJECT / "dagster.yaml").read_text())
    assert set(config["storage"]["postgres"]["postgres_db"]) == {"hostname", "port", "username", "password", "db_name"}
    assert {k: v for k, v in config.items() if k != "storage"} == shipped


def find_cursor(body: object) -> str | None:
    """The sensor cursor inside a serialized InstigatorState (nested JSON objects)."""
    if isinstance(body, dict):
        if isinstance(body.get("cursor"), str):
            return body["cursor"]
        for value in body.values():
            if (found := find_cursor(value)) is not None:
                return found
    if isinstance(body, list):
        for value in body:
            if (found := find_cursor(value)) is not None:
                return found
    return None


def has_instance_tables(server: Server) -> bool:
    """Dagster creates its tables when a process first opens the instance."""
    return server.query("SELECT to_regclass('runs') IS NOT NULL AND to_regclass('instigators') IS NOT NULL")[0][0]


def sensor_cursor(server: Server) -> str | None:
    for (body,) in server.query("SELECT instigator_body FROM instigators"):
        state = json.loads(body)
        if SENSOR in body and (cursor := find_cursor(state)) is not None:
            return cursor
    return None


def successful_runs(server: Server) -> list[str]:
    return [run_id for run_id, status in server.query("SELECT run_id, status FROM runs") if status == "SUCCESS"]


def test_refreshes_keep_runs_and_sensor_cursor_in_postgres(tmp_path: Path, postgres: Server):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(postgres_dagster_yaml())
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", seeds)
    env = {
        **os.environ,
        **postgres.env(),
        "DAGSTER_HOME": str(home),
        "SEEDS_DIR": str(seeds),
        "WAREHOUSE_PATH": str(tmp_path / "wh" / "news.duckdb"),
    }

    # The daemon as deployed: it ticks the sensor, which requests the first refresh, and launches it.
    log = tmp_path / "daemon.log"
    daemon = subprocess.Popen(
        [str(DAEMON), "run"],
        cwd=PROJECT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + RUN_TIMEOUT
        while not (has_instance_tables(postgres) and successful_runs(postgres) and sensor_cursor(postgres)):
            assert daemon.poll() is None, f"dagster-daemon exited:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"no sensor run finished in {RUN_TIMEOUT}s:\n{log.read_text()[-3000:]}"
            time.sleep(2)
    finally:
        stop_group(daemon, STOP_TIMEOUT)

    cursor = json.loads(sensor_cursor(postgres))
    assert cursor["files"] == len(list(seeds.iterdir()))
    sensor_runs = successful_runs(postgres)
    tags = dict(postgres.query("SELECT key, value FROM run_tags WHERE run_id = %s", (sensor_runs[0],)))
    assert tags.get("newsfacts/trigger") == SENSOR

    # `make run` against the same instance adds its run to the same history.
    result = subprocess.run(
        [sys.executable, "-m", "pipelines.run"], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    runs = successful_runs(postgres)
    assert len(runs) == len(sensor_runs) + 1
    (manual,) = set(runs) - set(sensor_runs)
    assert manual in result.stdout
    events = postgres.query("SELECT count(*) FROM event_logs WHERE run_id = %s", (manual,))[0][0]
    assert events > 0

    # Nothing fell back to the SQLite files Dagster writes under DAGSTER_HOME by default.
    assert not list(home.rglob("*.db")), sorted(str(p) for p in home.rglob("*.db"))
