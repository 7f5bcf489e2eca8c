"""The UI listens on localhost only, and no credentials are checked in."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def make_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile target (tab-indented lines after `target:`), continuations joined."""
    lines = (PROJECT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"{re.escape(target)}\s*:(?!=)", line))
    recipe: list[str] = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        if recipe and recipe[-1].endswith("\\"):
            recipe[-1] = recipe[-1][:-1] + " " + line.strip()
        else:
            recipe.append(line.strip())
    return recipe


def test_ui_binds_localhost_only():
    commands = [shlex.split(line) for line in make_recipe("ui")]
    dev = [cmd for cmd in commands if any(arg.endswith("dagster") for arg in cmd) and "dev" in cmd]
    assert dev, f"`make ui` runs no `dagster dev`: {commands}"
    for cmd in dev:
        host = next((cmd[i + 1] for i, arg in enumerate(cmd[:-1]) if arg in ("-h", "--host")), None)
        assert host == "127.0.0.1", f"`make ui` must pass -h 127.0.0.1 (the UI has no login): {cmd}"
    assert not any("0.0.0.0" in line for line in make_recipe("ui"))


# Shapes of credentials, assembled so that this file does not match them itself.
_BEGIN, _KEY = "-----BEGIN", "PRIVATE KEY-----"
SECRET_PATTERNS = {
    "private key": re.compile(rf"{_BEGIN} (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?{_KEY[:-5]}(?: BLOCK)?-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "OpenAI/Anthropic-style key": re.compile(r"\bsk-(?:ant-|proj-)?[A-Za-z0-9_\-]{32,}"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}"),
    "JSON web token": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
    "password literal": re.compile(
        r"""(?i)\b(?:password|passwd|secret|api[_-]?key|access[_-]?token)\b["']?\s*[:=]\s*["'][^"'\s{}$<>]{8,}["']"""
    ),
    "credentials in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s:@'\"{}$]{3,}@[^\s/]+"),
}
SECRET_FILE_NAMES = re.compile(
    r"(?:^|/)(?:\.env(?:\.[\w-]+)?|id_(?:rsa|dsa|ecdsa|ed25519)|[^/]+\.(?:pem|key|p12|pfx))$"
)


def repo_files() -> list[str]:
    """Files git tracks, plus untracked files that are not ignored (what the next commit may add)."""
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT,
        capture_output=True,
        check=True,
    ).stdout
    return sorted({name.decode("utf-8", "surrogateescape") for name in out.split(b"\0") if name})


def test_no_secrets_in_the_repository():
    found = []
    for name in repo_files():
        if SECRET_FILE_NAMES.search(name) and not name.endswith(".env.example"):
            found.append(f"{name}: a file that holds credentials")
        path = PROJECT / name
        if not path.is_file() or path.is_symlink() or path.stat().st_size > 2_000_000:
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary
        text = data.decode("utf-8", "replace")
        for kind, pattern in SECRET_PATTERNS.items():
            for m in pattern.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{name}:{line}: {kind}: {m.group()[:12]}…")
    assert found == []


def test_secret_patterns_catch_what_they_should():
    """The scanner itself works (the samples are built at run time, never stored)."""
    samples = {
        "private key": f"{_BEGIN} RSA {_KEY}\nMIIE...",
        "AWS access key id": "key = AKIA" + "ABCDEFGHIJKLMNOP",
        "GitHub token": "ghp_" + "a" * 36,
        "password literal": 'password: "' + "hunter2hunter2" + '"',
        "credentials in a URL": "postgres://admin:" + "s3cretpw@db.example.com/x",
    }
    for kind, sample in samples.items():
        assert SECRET_PATTERNS[kind].search(sample), kind
    assert not SECRET_PATTERNS["password literal"].search("password: {env: DAGSTER_PG_PASSWORD}")
