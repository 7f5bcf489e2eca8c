"""The people of a body are built per surname on first look-up: what a look-up answers does not
depend on which surnames were looked up before it, nor on whether the roles were asked first."""

from __future__ import annotations

import itertools

import pytest

from newsfacts.claims.people import People, QuoteTest

BODY = (
    "Sen. Ada Quist of Ohio met Governor Ben Ortiz on Monday. Mr. Abe waited outside. "
    "Later Quist said the talks went well, and Ortiz agreed. Carla Mendes, a trader, watched; "
    "Mendes called it a start. Ohio Sen. Ruth Amos and Prof. Lena Vik spoke last. Vik smiled. "
    "New York stayed quiet."
)
NAMES = ["Quist", "Ada Quist", "Ortiz", "Abe", "Mendes", "Amos", "Vik", "York", "Nobody"]


def _people(text: str) -> People:
    return People(text, 0, len(text), QuoteTest([], []))


def _answer(people: People, name: str) -> tuple[str, str | None, int, list[int]] | None:
    p = people.person(name, len(BODY))
    return None if p is None else (p.full, p.gender, p.count, list(p.last_seen))


@pytest.mark.parametrize("order", list(itertools.permutations(NAMES[:5]))[::17])
def test_look_ups_do_not_depend_on_their_order(order: tuple[str, ...]) -> None:
    fresh = {name: _answer(_people(BODY), name) for name in NAMES}
    people = _people(BODY)
    assert {name: _answer(people, name) for name in [*order, *NAMES]} == fresh


@pytest.mark.parametrize("role", ["senator", "governor", "professor", "mayor"])
def test_roles_answer_the_same_before_and_after_look_ups(role: str) -> None:
    first = _people(BODY).by_role(role, len(BODY))
    people = _people(BODY)
    for name in NAMES:
        people.person(name, 0)
    later = people.by_role(role, len(BODY))
    assert (first.full if first else None) == (later.full if later else None)


def test_known_people_and_negatives() -> None:
    people = _people(BODY)
    assert _answer(people, "Quist") is not None and people.person("Quist", len(BODY)).full == "Ada Quist"
    assert people.person("Abe", len(BODY)).gender == "m"  # a titled lone surname
    assert people.person("York", len(BODY)) is None  # a place, never standing alone
    assert people.by_role("senator", len(BODY)).full == "Ruth Amos"  # the last senator named
    assert people.by_role("mayor", len(BODY)) is None


def test_only_the_first_surnames_without_a_mark_are_checked_for_standing_alone() -> None:
    # 320 unmarked two-word names, each surname also standing alone: the check is bounded
    pairs = [f"Zq{i:03d}a Yv{i:03d}b came" for i in range(320)]
    text = ". ".join(pairs) + ". " + ". ".join(f"and Yv{i:03d}b left" for i in range(320)) + "."
    people = _people(text)
    assert people.person("Yv299b", len(text)) is not None
    assert people.person("Yv300b", len(text)) is None
    assert _people(text).person("Yv300b", len(text)) is None  # asked first, the same answer
