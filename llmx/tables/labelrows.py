"""Finding tables whose rows come as two lines each: the row's label on a line of its own,
then its figures on the next, separated by two or more spaces; the header above one cell per
line, each cell wrapped over lines until its unit in brackets closes it.

    城市 年末总人口
    (万人)
    生产总值
    (亿元)
      人均生产
    总值(元)
    第一产业 第二产业
    甲市
    310.25  2750.40  120.31  1300.52  1329.57  88620
    乙区
    95.10  801.66    601.20  200.46

The header's first line may open with the head of the labels (`城市`). A line of words
without a unit after the last cell (`第一产业 第二产业`) names the parts a column breaks down
into (the parts of 生产总值): their columns follow that column's and take its unit. A gap
twice as wide as the others is an empty cell, and a row that stops early leaves its last
cells empty. The header's cells must count the columns the rows fill, and two rows at
least make a grid: prose, or figures one space apart, are no such grid.

This module finds where a grid is, as spans of the text; `llmx.tables` turns it into a
`Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from llmx.lines import CLAUSE_MARK, HAS_CJK, SPACED_CELL, Span, cell_span, grids_in

_TOKEN = re.compile(r"\S+")
_CLOSING_UNIT = re.compile(r"[(（][^()（）]{1,8}[)）]$")
# A column that parts break down into: a total of output (生产总值, 增加值, 总产值).
_WHOLE = re.compile(r"生产总值|增加值|总产值")

_LABEL_MAX = 12  # characters of a row label
_HEADER_LINE_MAX = 24
_HEADER_LINES = 48
_COLUMNS_MIN = 3
_ROWS_MIN = 2


@dataclass(frozen=True)
class LabelRow:
    label: Span
    cells: tuple[Span | None, ...]  # one per column; None where the row leaves it empty


@dataclass(frozen=True)
class LabelRowsGrid:
    start: int  # of the header's first line
    end: int  # of the last figure
    label_head: str  # the header's word over the labels, "" where it has none
    names: tuple[str, ...]  # each value column's header, its unit in brackets
    rows: tuple[LabelRow, ...]


def find_label_rows(text: str) -> list[LabelRowsGrid]:
    """Every grid of label-then-figures rows in `text`, in order."""
    return grids_in(text, _grid_at)


def _is_label(line: str) -> bool:
    words = line.strip()
    return (
        0 < len(words) <= _LABEL_MAX
        and bool(HAS_CJK.search(words))
        and not re.search(r"\d|\s", words)
        and not CLAUSE_MARK.search(words)
    )


def _figures(start: int, line: str) -> tuple[Span | None, ...] | None:
    """The cells of a line of figures two or more spaces apart, None for each empty cell a
    double gap leaves; None for a line that is no such line."""
    tokens = list(_TOKEN.finditer(line))
    if len(tokens) < _COLUMNS_MIN or not all(SPACED_CELL.fullmatch(t.group()) for t in tokens):
        return None
    cells: list[Span | None] = [cell_span(start, tokens[0])]
    for before, token in pairwise(tokens):
        gap = token.start() - before.end()
        if gap < 2:
            return None
        cells.extend([None] * ((gap - 2) // 2))
        cells.append(cell_span(start, token))
    return tuple(cells)


def _is_header_line(line: str) -> bool:
    words = line.strip()
    return (
        0 < len(words) <= _HEADER_LINE_MAX
        and not re.search(r"\d", words)
        and not CLAUSE_MARK.search(words)
    )


def _names(header: Sequence[str], width: int) -> tuple[str, tuple[str, ...]] | None:
    """The labels' head and each column's header, or None where the header's cells do not
    count `width` columns."""
    head = ""
    lines = [line.strip() for line in header]
    first = lines[0].split()
    if len(first) >= 2 and not _CLOSING_UNIT.search(first[0]):
        head, lines[0] = first[0], " ".join(first[1:])
    cells: list[str] = []
    current = ""
    for line in lines:
        current += re.sub(r"\s+", "", line)
        if _CLOSING_UNIT.search(current):
            cells.append(current)
            current = ""
    parts = lines[-1].split() if current and current == re.sub(r"\s+", "", lines[-1]) else []
    if current and not parts:
        return None
    if len(cells) == width and not parts:
        return head, tuple(cells)
    whole = next((i for i, cell in enumerate(cells) if _WHOLE.search(cell)), None)
    if whole is None or len(cells) + len(parts) != width:
        return None
    unit = _CLOSING_UNIT.search(cells[whole])
    own = tuple(part + (unit.group() if unit else "") for part in parts)
    return head, (*cells[: whole + 1], *own, *cells[whole + 1 :])


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[LabelRowsGrid, int] | None:
    """The grid whose header's first line is line `index`, and the line after it."""
    header: list[str] = []
    position = index
    while position + 1 < len(lines) and len(header) <= _HEADER_LINES:
        line = lines[position][1]
        if _is_label(line) and _figures(*lines[position + 1]) is not None:
            break
        if not _is_header_line(line):
            return None
        header.append(line)
        position += 1
    if not header:
        return None
    rows: list[LabelRow] = []
    while position + 1 < len(lines) and _is_label(lines[position][1]):
        cells = _figures(*lines[position + 1])
        if cells is None:
            break
        start, line = lines[position]
        lead = len(line) - len(line.lstrip())
        rows.append(LabelRow((start + lead, start + len(line.rstrip())), cells))
        position += 2
    if len(rows) < _ROWS_MIN:
        return None
    width = max(len(row.cells) for row in rows)
    named = _names(header, width)
    if named is None:
        return None
    padded = tuple(
        LabelRow(row.label, row.cells + (None,) * (width - len(row.cells))) for row in rows
    )
    end = max(span[1] for row in rows for span in row.cells if span is not None)
    return LabelRowsGrid(lines[index][0], end, named[0], named[1], padded), position
