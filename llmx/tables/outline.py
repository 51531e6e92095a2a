"""The outline an indented list of rows makes: each row sits under the nearest row above it
that is indented less (`人口(万人)`, then ` 总人口`, then `  男性人口`). Pure functions."""

from __future__ import annotations

from collections.abc import Sequence


def parents(depths: Sequence[int]) -> tuple[int | None, ...]:
    """For each row, by its indent, the index of the row it sits under, or None at the top."""
    found: list[int | None] = []
    stack: list[int] = []  # rows that may still have rows under them, shallowest first
    for index, depth in enumerate(depths):
        while stack and depths[stack[-1]] >= depth:
            stack.pop()
        found.append(stack[-1] if stack else None)
        stack.append(index)
    return tuple(found)


def lineages(depths: Sequence[int]) -> tuple[tuple[int, ...], ...]:
    """For each row, by its indent, the rows it sits under, outermost first."""
    above = parents(depths)
    found: list[tuple[int, ...]] = []
    for index in range(len(depths)):
        parent = above[index]
        found.append(() if parent is None else (*found[parent], parent))
    return tuple(found)
