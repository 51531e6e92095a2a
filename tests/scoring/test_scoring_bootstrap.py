"""Bootstrap intervals over sections and the paired bootstrap of two runs."""

from __future__ import annotations

import pytest

from llmx.bootstrap import bootstrap_intervals, paired_bootstrap
from llmx.scoring import Tally


def section(gold: int, predicted: int, matched: int) -> Tally:
    return Tally(gold=gold, predicted=predicted, matched_gold=matched, matched_predicted=matched)


# Forty sections of varying difficulty: run A finds most facts, run B finds every one.
A = {("d", str(i)): section(5, 5, 3 + i % 3) for i in range(40)}
B = {("d", str(i)): section(5, 5, 5) for i in range(40)}


def test_intervals_are_reproducible_with_the_fixed_seed() -> None:
    first = bootstrap_intervals(list(A.values()))
    assert bootstrap_intervals(list(A.values())) == first
    assert bootstrap_intervals(list(A.values()), seed=7) != first


def test_interval_brackets_the_observed_score_and_stays_in_range() -> None:
    observed = sum(t.matched_gold for t in A.values()) / sum(t.gold for t in A.values())
    interval = bootstrap_intervals(list(A.values())).recall
    assert interval.low is not None and interval.high is not None
    assert 0.0 <= interval.low < observed < interval.high <= 1.0


def test_a_perfect_run_has_a_degenerate_interval() -> None:
    interval = bootstrap_intervals(list(B.values())).f1
    assert interval.low == interval.high == 1.0


def test_no_sections_give_undefined_intervals() -> None:
    intervals = bootstrap_intervals([])
    assert intervals.f1.low is None and intervals.f1.high is None


def test_an_undefined_score_gives_an_undefined_interval() -> None:
    # No predictions anywhere: precision is undefined in every replicate.
    intervals = bootstrap_intervals([section(3, 0, 0), section(2, 0, 0)])
    assert intervals.precision.low is None
    assert intervals.recall.low == intervals.recall.high == 0.0


def test_paired_bootstrap_sign_follows_which_run_is_better() -> None:
    better = paired_bootstrap(A, B)
    assert better.observed is not None and better.observed > 0
    assert better.interval.low is not None and better.interval.low > 0
    assert better.verdict == "B better"
    assert better.b_better_share == 1.0
    worse = paired_bootstrap(B, A)
    assert worse.observed == pytest.approx(-better.observed)
    assert worse.verdict == "A better"
    assert worse.b_better_share == 0.0


def test_paired_bootstrap_of_a_run_with_itself_shows_no_difference() -> None:
    same = paired_bootstrap(A, A)
    assert same.observed == 0.0
    assert same.interval.low == same.interval.high == 0.0
    assert same.verdict == "no clear difference"
    assert same.p_value == 1.0


def test_a_difference_in_one_section_out_of_many_is_noise() -> None:
    one_better = dict(A)
    one_better[("d", "0")] = section(5, 5, 4)  # A had 3 there
    difference = paired_bootstrap(A, one_better)
    assert difference.verdict in {"no clear difference", "B better"}
    assert difference.interval.low is not None and difference.interval.low >= 0.0


def test_paired_bootstrap_is_reproducible() -> None:
    assert paired_bootstrap(A, B) == paired_bootstrap(A, B)


def test_only_sections_both_runs_cover_are_compared() -> None:
    # B covers fewer sections; where it has none, A's misses must not count against A.
    partial = {key: tally for key, tally in B.items() if key[1] != "0"}
    worse_where_b_is_absent = dict(B)
    worse_where_b_is_absent[("d", "0")] = section(5, 5, 0)
    difference = paired_bootstrap(worse_where_b_is_absent, partial)
    assert difference.f1_a == difference.f1_b == 1.0
    assert difference.observed == 0.0
