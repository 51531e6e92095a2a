"""Maximum one-to-one matching in a bipartite graph, deterministic.

Scoring pairs predictions with gold facts. A greedy first-come pairing can strand a gold fact
whose only partner was taken by a prediction that had another choice; a maximum matching
never does. The algorithm is Kuhn's augmenting paths with a breadth-first search, which
keeps the search iterative (no recursion limit on large components) and prefers the
shortest re-routing, so earlier pairs move as little as possible.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence


def maximum_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """A maximum matching of left vertices to right vertices, as {left: right}.

    `candidates[left]` lists the right vertices `left` may pair with, most preferred first.
    Left vertices are served in index order and each takes its most preferred free partner
    reachable by an augmenting path, so the same input always gives the same matching.
    """
    owner: dict[int, int] = {}  # right -> left
    partner: dict[int, int] = {}  # left -> right
    for root, choices in enumerate(candidates):
        if not choices:
            continue
        free_end = _augmenting_path_end(root, candidates, owner)
        if free_end is None:
            continue
        right, reached_by = free_end
        # Walk the path back, flipping each edge: every left on it moves one step along.
        while True:
            left = reached_by[right]
            previous = partner.get(left)
            owner[right], partner[left] = left, right
            if left == root or previous is None:
                break
            right = previous
    return partner


def _augmenting_path_end(
    root: int, candidates: Sequence[Sequence[int]], owner: dict[int, int]
) -> tuple[int, dict[int, int]] | None:
    """The free right vertex an alternating path from `root` reaches, with the path's links."""
    reached_by: dict[int, int] = {}  # right -> the left it was reached from
    queue = deque([root])
    seen_left = {root}
    while queue:
        left = queue.popleft()
        for right in candidates[left]:
            if right in reached_by:
                continue
            reached_by[right] = left
            current = owner.get(right)
            if current is None:
                return right, reached_by
            if current not in seen_left:
                seen_left.add(current)
                queue.append(current)
    return None
