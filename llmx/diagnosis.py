"""Why a gold fact was missed or a prediction was spurious, where the cause is visible.

Pure functions over a scoring `Outcome`. A cause is read off the nearest evidence: a fact
on an overlapping span with the same number but another unit is a unit error, one with
another number a value error, and so on. A report groups errors by these causes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

from llmx.facts import Fact
from llmx.scoring import (
    Outcome,
    SectionKey,
    SpanIndex,
    has_span,
    indicator_similarity,
    values_agree,
)


class Cause(StrEnum):
    UNIT_MISMATCH = "unit mismatch"
    VALUE_MISMATCH = "value mismatch"
    # An overlapping fact would match, but it is already paired with another one.
    ALREADY_MATCHED = "counterpart matched elsewhere"
    NO_OVERLAP = "nothing on an overlapping span"
    NO_SPAN = "prediction has no span"
    OUTSIDE_LABELLED = "span outside labelled sections (not scored)"


Side = Literal["missed", "spurious", "ignored"]


@dataclass(frozen=True)
class Error:
    side: Side
    fact: Fact
    cause: Cause
    # The overlapping fact on the other side that shows the cause, if any.
    counterpart: Fact | None = None
    # The labelled section the fact counts in; None for ignored predictions.
    section: SectionKey | None = None


def diagnose(outcome: Outcome) -> list[Error]:
    """Every missed gold fact, spurious prediction and ignored prediction, with its cause."""
    matched_gold = {g for g, _ in outcome.matches}
    matched_predicted = {p for _, p in outcome.matches}
    predictions = _Side(outcome.predicted, SpanIndex(outcome.predicted), matched_predicted)
    gold = _Side(outcome.gold, SpanIndex(outcome.gold), matched_gold)
    errors = [
        replace(_explain("missed", fact, predictions), section=outcome.gold_sections[index])
        for index, fact in enumerate(outcome.gold)
        if index not in matched_gold
    ]
    errors.extend(
        replace(_explain("spurious", fact, gold), section=outcome.predicted_sections[index])
        for index, fact in enumerate(outcome.predicted)
        if index not in matched_predicted
    )
    errors.extend(Error("ignored", fact, Cause.OUTSIDE_LABELLED) for fact in outcome.ignored)
    return errors


@dataclass(frozen=True)
class _Side:
    """The facts an error is explained against, indexed by span, and which are matched."""

    facts: Sequence[Fact]
    index: SpanIndex
    taken: set[int]


def _explain(side: Side, fact: Fact, others: _Side) -> Error:
    """The cause, from the other side's facts on overlapping spans, most telling first."""
    if not has_span(fact):
        return Error(side, fact, Cause.NO_SPAN)
    overlapping = [(i, others.facts[i]) for i in others.index.overlapping(fact)]
    same_value = [(i, o) for i, o in overlapping if values_agree(fact.value, o.value)]
    for index, other in same_value:
        if other.unit == fact.unit and index in others.taken:
            return Error(side, fact, Cause.ALREADY_MATCHED, other)
    for _, other in same_value:
        if other.unit != fact.unit:
            return Error(side, fact, Cause.UNIT_MISMATCH, other)
    if overlapping:
        return Error(side, fact, Cause.VALUE_MISMATCH, overlapping[0][1])
    return Error(side, fact, Cause.NO_OVERLAP)


def unit_errors(outcome: Outcome) -> list[tuple[Fact, Fact]]:
    """Value-only pairs whose units differ, as (gold, predicted)."""
    return [
        (pair.gold, pair.predicted)
        for pair in outcome.value_pairs
        if pair.gold.unit != pair.predicted.unit
    ]


Attribute = Literal["status", "kind", "period", "indicator"]

# Below this bigram similarity an indicator names another thing, not the same one reworded.
INDICATOR_DISAGREES_BELOW = 0.5


@dataclass(frozen=True)
class Disagreement:
    """A matched pair (right number, right unit) whose attribute differs from the gold's."""

    attribute: Attribute
    gold: Fact
    predicted: Fact

    @property
    def pattern(self) -> str:
        """gold → predicted for the closed attributes; indicators are free text, one group."""
        if self.attribute == "indicator":
            return "another name"
        return f"{_shown(self.gold, self.attribute)} → {_shown(self.predicted, self.attribute)}"


def disagreements(outcome: Outcome) -> list[Disagreement]:
    """Every attribute of every matched pair that differs from the gold, in gold order."""
    found: list[Disagreement] = []
    for pair in sorted(outcome.pairs, key=lambda p: (p.gold.doc, p.gold.start)):
        for attribute in ("status", "kind", "period"):
            if getattr(pair.gold, attribute) != getattr(pair.predicted, attribute):
                found.append(Disagreement(attribute, pair.gold, pair.predicted))
        similarity = indicator_similarity(pair.gold.indicator, pair.predicted.indicator)
        if similarity < INDICATOR_DISAGREES_BELOW:
            found.append(Disagreement("indicator", pair.gold, pair.predicted))
    return found


def _shown(fact: Fact, attribute: Attribute) -> str:
    value = getattr(fact, attribute)
    return "null" if value is None else str(value)
