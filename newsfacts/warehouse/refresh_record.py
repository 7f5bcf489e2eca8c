"""What the last refresh landed: the folder it read, the warehouse it was for and the folder's state.

The seeds sensor compares its cursor with the folder it watches; a refresh it did not request
(`make run`, a run from the UI) would leave that cursor behind, and the sensor would start the same
refresh again at once. Every landing therefore records here, beside the staging database, the
state it landed; the sensor treats a folder already landed for the same warehouse as no change.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Landed:
    seeds_dir: str  # resolved SEEDS_DIR
    warehouse: str  # resolved WAREHOUSE_PATH
    digest: str  # newsfacts.listing.folder_state digest before landing
    files: int
    run_id: str

    def same_state(self, seeds_dir: str, warehouse: str, digest: str) -> bool:
        return (self.seeds_dir, self.warehouse, self.digest) == (seeds_dir, warehouse, digest)


def record_path(staging: Path) -> Path:
    return staging.with_name(f"{staging.name}.landed.json")


def record(staging: Path, landed: Landed) -> None:
    """Write the record atomically (a sensor may read it at any moment)."""
    path = record_path(staging)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        tmp.write_text(json.dumps(asdict(landed)), encoding="utf-8")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.filename is None:  # a failed write (a full disk) does not say which file: name it
            raise OSError(exc.errno, exc.strerror, str(tmp)) from exc
        raise
    os.replace(tmp, path)


def last(staging: Path) -> Landed | None:
    try:
        return Landed(**json.loads(record_path(staging).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
