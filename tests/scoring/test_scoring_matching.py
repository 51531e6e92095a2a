"""The one-to-one matching: maximum, not greedy, and the same on every run."""

from __future__ import annotations

from llmx.matching import maximum_matching


def test_a_greedy_first_choice_is_rerouted_to_free_a_second_partner() -> None:
    # Left 0 prefers right 0, but left 1 can only take right 0: a greedy pairing gets 1.
    assert maximum_matching([[0, 1], [0]]) == {0: 1, 1: 0}


def test_a_long_chain_of_reroutes_still_finds_the_maximum() -> None:
    size = 3000  # deep enough that a recursive search would hit Python's recursion limit
    candidates = [[i, i + 1] for i in range(size)] + [[0]]
    matching = maximum_matching(candidates)
    assert len(matching) == size + 1
    assert len(set(matching.values())) == size + 1


def test_preference_order_decides_between_equally_large_matchings() -> None:
    assert maximum_matching([[1, 0]]) == {0: 1}
    assert maximum_matching([[0, 1]]) == {0: 0}


def test_vertices_with_no_candidates_stay_unmatched() -> None:
    assert maximum_matching([[], [0], []]) == {1: 0}
    assert maximum_matching([]) == {}


def test_the_same_input_gives_the_same_matching() -> None:
    candidates = [[2, 0, 1], [0, 2], [1, 0], [2]]
    first = maximum_matching(candidates)
    assert all(maximum_matching(candidates) == first for _ in range(5))
    assert len(first) == 3
