"""Loading the fact layer's YAML tables once per process (they are data, edited without code)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed YAML file `name` beside this module."""
    return yaml.load((HERE / name).read_text(encoding="utf-8"), Loader=_LOADER) or {}


# libyaml's safe loader when PyYAML was built with it (same documents, parsed in C), else PyYAML's own
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def words(key: str) -> frozenset[str]:
    """One word list of words.yaml, lower case."""
    return frozenset(str(w).lower() for w in table("words.yaml")[key])


@cache
def stance_group(key: str) -> frozenset[str]:
    """The words of one stance of words.yaml (prior, target, ...)."""
    return frozenset(str(w).lower() for w in table("words.yaml")["stance"][key])


@cache
def stance_words() -> dict[str, str]:
    """word -> stance (target, guidance, estimate, prior, probability)."""
    out: dict[str, str] = {}
    for stance, ws in table("words.yaml")["stance"].items():
        for w in ws:
            out.setdefault(str(w).lower(), stance)
    return out
