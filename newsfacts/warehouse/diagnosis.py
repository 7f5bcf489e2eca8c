"""What to do about a failed refresh: one line of advice for the root cause's exception.

The summary of `make run` shows the deepest cause of a failure (the exception type and message,
which name the file involved) and then this advice, so nobody has to read a traceback to know
whether to free disk space, fix a permission or move a file away. Rules are matched in order on
the exception's type name and message, lower case.
"""

from __future__ import annotations

# (words in the type name or message, any of which matches) -> advice. Most specific first.
ADVICE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("foreignwarehouse",),
        "move that file away (or set WAREHOUSE_PATH to a new file); newsfacts only replaces files it published.",
    ),
    (
        ("refreshlocktimeout",),
        "another refresh is still running: let it finish or stop it, then run again.",
    ),
    (
        ("no space left", "errno 28", "file too large", "errno 27", "disk is full", "out of disk"),
        "free disk space on the filesystem holding that path (or point WAREHOUSE_PATH / DAGSTER_HOME elsewhere), "
        "then run again; the published file was not changed.",
    ),
    (
        ("read-only file system", "errno 30"),
        "the filesystem is mounted read-only: remount it read-write or point WAREHOUSE_PATH / DAGSTER_HOME at "
        "a writable folder.",
    ),
    (
        ("permission denied", "errno 13", "permissionerror", "operation not permitted", "errno 1]"),
        "make that folder writable for this user (owner and mode), or point WAREHOUSE_PATH / DAGSTER_HOME at a "
        "folder you can write.",
    ),
    (
        ("not a directory", "errno 20", "file exists", "errno 17", "notadirectory"),
        "a path component is a file where a folder is expected: fix the path (WAREHOUSE_PATH, STAGING_PATH or "
        "DAGSTER_HOME) or move that file.",
    ),
    (
        ("not a valid duckdb", "corrupt database", "checksum", "could not read enough bytes"),
        "that DuckDB file is damaged: a damaged staging database is set aside and rebuilt on the next run; "
        "any other file, restore it or move it away.",
    ),
    (
        ("conflicting lock",),
        "another program has that DuckDB file open for writing: close it (BI tools must open read-only).",
    ),
    (
        ("operationalerror", "sqlite", "database is locked"),
        "Dagster's storage under DAGSTER_HOME could not be used: check that folder is writable, and that no other "
        "Dagster process is starting on it for the first time.",
    ),
    (
        ("out of memory", "outofmemory", "memoryerror"),
        "not enough memory: lower the Warehouse resource's workers, or give the machine more memory.",
    ),
)
DEFAULT_ADVICE = "see the step's log in the Dagster UI (`make ui`) for the full traceback."


def advice(type_name: str, message: str) -> str:
    """The advice for an exception of `type_name` with `message`."""
    text = f"{type_name} {message}".lower()
    for words, what in ADVICE:
        if any(w in text for w in words):
            return what
    return DEFAULT_ADVICE
