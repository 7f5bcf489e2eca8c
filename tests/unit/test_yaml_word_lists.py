"""The project's YAML tables hold words, not YAML 1.1 booleans: an unquoted `on`, `off`, `yes` or
`no` in a list loads as True or False, and the word silently drops out of its list (`on` was
missing from the fact layer's link words this way)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import newsfacts
from newsfacts.facts.tables import words

TABLES = sorted(Path(newsfacts.__file__).parent.rglob("*.yaml"))


def _booleans_in_lists(node: Any, path: str) -> list[str]:
    """The paths of list items that loaded as booleans (a boolean as a mapping's value is a setting)."""
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _booleans_in_lists(value, f"{path}/{key}")]
    if isinstance(node, list):
        found = []
        for i, item in enumerate(node):
            found += [f"{path}[{i}]"] if isinstance(item, bool) else _booleans_in_lists(item, f"{path}[{i}]")
        return found
    return []


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.name)
def test_no_list_item_loads_as_a_boolean(table: Path) -> None:
    assert _booleans_in_lists(yaml.safe_load(table.read_text(encoding="utf-8")), table.name) == []


def test_the_particles_that_yaml_would_turn_into_booleans_are_words() -> None:
    assert {"on", "off"} <= words("link")
    assert not {"true", "false"} & words("link")


def test_the_check_finds_an_unquoted_particle() -> None:
    assert _booleans_in_lists(yaml.safe_load("link: [in, on, for]"), "t") == ["t/link[1]"]
