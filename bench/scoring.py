"""Scoring shared by the bench scripts that hold extract_figures against another project's gold cases.

Each gold answer, in order, takes the first of our figures not yet taken that matches it (greedy:
a figure answers one gold answer at most). Right answers over gold answers is recall, over our
figures precision.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")  # a gold answer
P = TypeVar("P")  # one of our figures


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    right: int = 0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.pred if self.pred else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.gold += other.gold
        self.pred += other.pred
        self.right += other.right
        return self

    def case(self, gold: Sequence[G], ours: Sequence[P], same: Callable[[P, G], bool]) -> tuple[list[G], list[P]]:
        """Count one case; return the gold answers none of ours matched and ours that matched none."""
        free = list(ours)
        missed = []
        for g in gold:
            hit = next((p for p in free if same(p, g)), None)
            if hit is None:
                missed.append(g)
            else:
                free.remove(hit)
                self.right += 1
        self.gold += len(gold)
        self.pred += len(ours)
        return missed, free


@dataclass
class Errors:
    """Prints the first `limit` cases that went wrong, with what was missed and what was extra."""

    limit: int
    shown: int = 0

    def show(self, text: str, missed: list[str], extra: list[str]) -> None:
        if (missed or extra) and self.shown < self.limit:
            self.shown += 1
            print(f"  ! {text!r}\n      missed {missed}  extra {extra}")
