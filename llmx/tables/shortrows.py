"""Placing the figures of a short row by their sizes: a yearbook's early years lack the
columns it counted only from a later year on, and nothing marks which cells are empty.

    年份 年末耕地面积 水田 旱地 水浇地 当年造林面积 农作物总播种面积 粮食作物播种面积
    1955 83.9  0.1  70.7  59.2
    1985 79.5  14.1  65.4  10.3  4.0  82.8  65.0

Each column's figures in the full rows have a size (the median order of magnitude); a short
row's figures go to the columns, in their order, whose sizes are nearest theirs (1955's 0.1
to 当年造林面积, not to 水田). A column counted from some year on is empty in every year
before it: a row takes only columns the next later year's row filled, where its figures fit
them. A row with a dash, or a figure a hundred times off the size of the column it would
take, is not placed. Pure functions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from llmx.lines import SPACED_CELL, Span

_ORDERS_OFF_MAX = 2  # orders of magnitude between a figure and its column's size


def placed_by_size(
    text: str, rows: Sequence[tuple[int, Sequence[Span]]]
) -> list[tuple[Span, ...] | None]:
    """Each of `rows` (a year, its figures' cells) spread over the columns of the widest
    rows, with empty cells where it has none; None for a row that does not fit (see the
    module's text), or for every row where fewer than two rows are full or a column has no
    figure in them."""
    width = max((len(cells) for _, cells in rows), default=0)
    full = [cells for _, cells in rows if len(cells) == width]
    sizes = _column_sizes(text, full) if len(full) >= 2 else None
    if sizes is None:
        return [None] * len(rows)
    placed: list[tuple[Span, ...] | None] = [None] * len(rows)
    filled = list(range(width))  # the columns the next later year's row filled
    for index in sorted(range(len(rows)), key=lambda at: -rows[at][0]):
        cells = rows[index][1]
        spread = tuple(cells) if len(cells) == width else _short_row(text, cells, sizes, filled)
        if spread is not None:
            placed[index] = spread
            filled = [column for column, cell in enumerate(spread) if cell[0] < cell[1]]
    return placed


def _column_sizes(text: str, full_rows: Sequence[Sequence[Span]]) -> list[float] | None:
    sizes = []
    for column in zip(*full_rows, strict=True):
        found = sorted(size for cell in column if (size := _size(text, cell)) is not None)
        if not found:
            return None
        sizes.append(found[len(found) // 2])
    return sizes


def _short_row(
    text: str, cells: Sequence[Span], sizes: Sequence[float], filled: Sequence[int]
) -> tuple[Span, ...] | None:
    """A short row spread over the columns the next later year filled, else over any; None
    where a cell is no figure or a figure fits no column."""
    known = [size for cell in cells if (size := _size(text, cell)) is not None]
    if not cells or len(known) != len(cells):
        return None
    spread = _spread(cells, known, sizes, filled)
    if spread is None and len(filled) < len(sizes):
        spread = _spread(cells, known, sizes, range(len(sizes)))
    return spread


def _spread(
    cells: Sequence[Span],
    figure_sizes: Sequence[float],
    sizes: Sequence[float],
    columns: Iterable[int],
) -> tuple[Span, ...] | None:
    """`cells` (of `figure_sizes`) spread over `columns` of a row as wide as `sizes`, or None."""
    columns = list(columns)
    if len(cells) > len(columns):
        return None
    chosen = _nearest_columns(figure_sizes, [sizes[column] for column in columns])
    if chosen is None:
        return None
    empty = (cells[0][0], cells[0][0])
    spread = [empty] * len(sizes)
    for at, cell in zip(chosen, cells, strict=True):
        spread[columns[at]] = cell
    return tuple(spread)


def _size(text: str, cell: Span) -> float | None:
    """A figure's order of magnitude (log10 of its absolute value); None for a dash or 0."""
    found = SPACED_CELL.fullmatch(text[cell[0] : cell[1]])
    figure = found and (found.group("figure") or found.group("bracketed"))
    if not figure:
        return None
    digits = figure.replace(",", "").rstrip("%").lstrip("+-−－")
    value = float(digits)
    return math.log10(value) if value else None


def _nearest_columns(sizes: Sequence[float], typical: Sequence[float]) -> list[int] | None:
    """The columns, rising, that `sizes` in order fit with the least summed distance from
    each column's size; None where a figure is too far off its column's."""
    count, width = len(sizes), len(typical)
    # cost[i][j]: the least cost of placing sizes[:i] in the first j columns
    cost = [[0.0] * (width + 1)] + [[math.inf] * (width + 1) for _ in range(count)]
    for i in range(1, count + 1):
        for j in range(i, width + 1):
            cost[i][j] = min(
                cost[i][j - 1], cost[i - 1][j - 1] + abs(sizes[i - 1] - typical[j - 1])
            )
    columns: list[int] = []
    i, j = count, width
    while i:
        if j > i and cost[i][j] == cost[i][j - 1]:
            j -= 1
            continue
        if abs(sizes[i - 1] - typical[j - 1]) >= _ORDERS_OFF_MAX:
            return None
        columns.insert(0, j - 1)
        i, j = i - 1, j - 1
    return columns
