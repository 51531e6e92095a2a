"""Agreement between two independent readings of the same passages (pure functions).

The sample is a list of character ranges; only facts wholly inside a range count. Matching is
the scoring rule of ANNOTATION.md §3 (`llmx.scoring.match_facts`), with the first reading
(the gold) in the place of gold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from llmx.facts import Fact
from llmx.scoring import f1_score, match_facts, ratio, unmatched


@dataclass(frozen=True)
class Range:
    doc: str
    start: int
    end: int

    def holds(self, fact: Fact) -> bool:
        return fact.doc == self.doc and self.start <= fact.start and fact.end <= self.end


@dataclass(frozen=True)
class Agreement:
    first: tuple[Fact, ...]
    second: tuple[Fact, ...]
    matches: tuple[tuple[int, int], ...]

    @property
    def precision(self) -> float | None:
        return ratio(len(self.matches), len(self.second))

    @property
    def recall(self) -> float | None:
        return ratio(len(self.matches), len(self.first))

    @property
    def f1(self) -> float | None:
        return f1_score(self.precision, self.recall)

    @property
    def only_first(self) -> list[Fact]:
        return unmatched(self.first, {first for first, _ in self.matches})

    @property
    def only_second(self) -> list[Fact]:
        return unmatched(self.second, {second for _, second in self.matches})


def within(facts: Sequence[Fact], ranges: Sequence[Range]) -> tuple[Fact, ...]:
    return tuple(fact for fact in facts if any(r.holds(fact) for r in ranges))


def agreement(first: Sequence[Fact], second: Sequence[Fact], ranges: Sequence[Range]) -> Agreement:
    """How far a second reading of the sample agrees with the first, on numbers and units."""
    first_in, second_in = within(first, ranges), within(second, ranges)
    return Agreement(first_in, second_in, match_facts(first_in, second_in, units_must_agree=True))
