"""The lines of a text, each with the offset it starts at, so that a finder reading line by
line can give spans on the text itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Grid = TypeVar("Grid")
# A finder's look at one line: the grid that starts there and the line after it, or None.
GridAt = Callable[[str, Sequence[tuple[int, str]], int], "tuple[Grid, int] | None"]


def text_lines(text: str) -> Iterator[tuple[int, str]]:
    """(start, line) for every line of `text`, the line without its line end."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def grids_in(text: str, grid_at: GridAt[Grid]) -> list[Grid]:
    """Every grid `grid_at` finds in `text`, in order: tried at each line, and after a grid
    from the line it ends at, so grids never overlap."""
    lines = list(text_lines(text))
    grids: list[Grid] = []
    index = 0
    while index < len(lines):
        found = grid_at(text, lines, index)
        if found is None:
            index += 1
            continue
        grid, index = found
        grids.append(grid)
    return grids
