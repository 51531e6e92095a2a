"""Bootstrap confidence intervals over sections, and the paired bootstrap of two runs.

Facts within a section are not independent (one table, one paragraph of related numbers),
so the resampling unit is the section: each replicate draws as many sections as there are,
with replacement, and recomputes micro precision, recall and F1 from their summed tallies.
A fixed seed makes every interval reproducible, run after run.

The paired bootstrap draws the same sections for both runs in each replicate, so the spread
of the F1 difference reflects only how the runs differ section by section, not how hard the
sections are (the question "is B really better than A, or is it noise?").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from llmx.scoring import SectionKey, Tally

REPLICATES = 2000
SEED = 20240229
CONFIDENCE = 0.95

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Interval:
    """A percentile interval; both ends None when no replicate defines the score."""

    low: float | None
    high: float | None


@dataclass(frozen=True)
class Intervals:
    precision: Interval
    recall: Interval
    f1: Interval


@dataclass(frozen=True)
class Difference:
    """F1 of B minus F1 of A over the sections both runs cover, with its paired interval."""

    f1_a: float | None
    f1_b: float | None
    observed: float | None
    interval: Interval
    # Share of replicates in which B's F1 is higher than A's.
    b_better_share: float | None
    # Two-sided bootstrap p-value for "no difference".
    p_value: float | None
    replicates: int

    @property
    def verdict(self) -> str:
        low, high = self.interval.low, self.interval.high
        if low is not None and low > 0:
            return "B better"
        if high is not None and high < 0:
            return "A better"
        return "no clear difference"


def bootstrap_intervals(
    sections: Sequence[Tally],
    *,
    replicates: int = REPLICATES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> Intervals:
    """Intervals for micro precision, recall and F1, resampling sections."""
    counts = _counts(sections)
    weights = _weights(len(sections), replicates, seed)
    precision, recall, f1 = _scores(weights @ counts)
    return Intervals(
        _percentiles(precision, confidence),
        _percentiles(recall, confidence),
        _percentiles(f1, confidence),
    )


def paired_bootstrap(
    a: Mapping[SectionKey, Tally],
    b: Mapping[SectionKey, Tally],
    *,
    replicates: int = REPLICATES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> Difference:
    """The F1 difference B − A, paired by section.

    Only sections both runs were scored on count (runs over different documents are
    compared where they overlap), so both F1s here are over the same gold.
    """
    keys = [key for key in a if key in b]
    counts_a = _counts([a[key] for key in keys])
    counts_b = _counts([b[key] for key in keys])
    f1_a = _defined(_scores(counts_a.sum(axis=0, keepdims=True))[2][0])
    f1_b = _defined(_scores(counts_b.sum(axis=0, keepdims=True))[2][0])
    weights = _weights(len(keys), replicates, seed)
    delta = _scores(weights @ counts_b)[2] - _scores(weights @ counts_a)[2]
    defined = delta[~np.isnan(delta)]
    if not defined.size or f1_a is None or f1_b is None:
        return Difference(f1_a, f1_b, None, Interval(None, None), None, None, replicates)
    at_or_below = float(np.mean(defined <= 0))
    at_or_above = float(np.mean(defined >= 0))
    return Difference(
        f1_a=f1_a,
        f1_b=f1_b,
        observed=f1_b - f1_a,
        interval=_percentiles(delta, confidence),
        b_better_share=float(np.mean(defined > 0)),
        p_value=min(1.0, 2 * min(at_or_below, at_or_above)),
        replicates=replicates,
    )


def _defined(value: np.float64) -> float | None:
    return None if np.isnan(value) else float(value)


def _counts(sections: Sequence[Tally]) -> FloatArray:
    """Columns: gold, predicted, matched gold, matched predicted."""
    rows = [(t.gold, t.predicted, t.matched_gold, t.matched_predicted) for t in sections]
    return np.array(rows, dtype=np.float64).reshape(len(rows), 4)


def _weights(units: int, replicates: int, seed: int) -> FloatArray:
    """How often each section is drawn in each replicate (rows sum to `units`)."""
    if units == 0:
        return np.zeros((replicates, 0))
    rng = np.random.default_rng(seed)
    drawn = rng.multinomial(units, np.full(units, 1.0 / units), size=replicates)
    return drawn.astype(np.float64)


def _scores(summed: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Precision, recall and F1 per row, with the conventions of llmx.scoring.

    NaN stands for undefined; F1 is 0 where exactly one of precision and recall is defined
    or both are 0, as `f1_score` does.
    """
    gold, predicted, matched_gold, matched_predicted = summed.T
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, matched_predicted / predicted, np.nan)
        recall = np.where(gold > 0, matched_gold / gold, np.nan)
        harmonic = 2 * precision * recall / (precision + recall)
    one_defined = np.isnan(precision) ^ np.isnan(recall)
    both_zero = (precision == 0) & (recall == 0)
    f1 = np.where(one_defined | both_zero, 0.0, harmonic)
    return precision, recall, f1


def _percentiles(values: FloatArray, confidence: float) -> Interval:
    defined = values[~np.isnan(values)]
    if not defined.size:
        return Interval(None, None)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(defined, [tail, 100 - tail])
    return Interval(float(low), float(high))
