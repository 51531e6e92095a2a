"""The spans of the tables found so far: each layout reads only the text the layouts before it
left (`TakenSpans`, `unclaimed`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from llmx.tables.table import Table


class _Found(Protocol):
    """What a layout finder finds: a grid, a form, a run of records, and its span."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_Grid = TypeVar("_Grid", bound=_Found)


def unclaimed(found: Iterable[_Grid], taken: TakenSpans) -> Iterator[_Grid]:
    """What a finder found, less what starts inside a table an earlier reading made: each
    layout reads only the text the layouts before it left."""
    return (grid for grid in found if grid.start not in taken and not taken.any_in(grid))


class TakenSpans:
    """The spans of the tables found so far, to tell whether a line is already in one."""

    def __init__(self, tables: Sequence[Table]) -> None:
        ordered = sorted((table.start, table.end) for table in tables)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def any_in(self, grid: _Found) -> bool:
        """Whether a table found so far starts inside `grid` (a grid that opens above a table
        an earlier layout read would read its rows twice)."""
        index = bisect_right(self._starts, grid.start)
        return index < len(self._starts) and self._starts[index] < grid.end

    def __contains__(self, position: object) -> bool:
        if not isinstance(position, int):
            return False
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]
