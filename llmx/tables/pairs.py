"""Finding two-column tables copied one cell per line: a label, then its value.

    指   标

    总量指标

    农业



    粮食产量(万吨)



     稻谷

    1020.5

      #早稻

    310.2

     棉花(万吨)

    4.6

A summary table of items and their figures (指标 | 总量指标) copied from a web page gives each
cell a line of its own, with blank lines between them: the header's two cells, then every
row's label and, on the next line, its value. A row with no value (its cell a line of spaces,
or nothing) heads the rows below it: a group (`农业`), or a head that writes the unit of its
items (`粮食产量(万吨)`). The spaces before a label are its depth: an item sits under the
nearest row above it that is indented less (`#早稻` under `稻谷`).

The grid opens at a header whose first cell heads the row labels (指标, 项目, 名称), or at
its unit column's header (计量单位) where the cell over the labels is blank, and goes
on for as long as every value follows a label: two values in a row (a table of more columns)
or a line of prose ends it.

A form of indicators (一级指标 | 二级指标 | 计量单位 | 2018) writes each indicator's unit in a
cell of its own between the label and the value, and its groups (经济稳定) on lines of their
own without one:

    一级指标
    二 级 指 标
    计量单位
    2018
    经济稳定
    地区生产总值(GDP)增长率(按可比价格计算)
    %
    7.2

The header's levels of labels come first, then its unit column's header (计量单位, 单位);
under it a row's unit is the cell after its label that the vocabulary knows as a unit.

This module finds where a grid is, as spans of the text; `llmx.tables` turns it into `Table`s.
Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from llmx.folding import fold
from llmx.lines import BARE_YEAR, Span, grids_in
from llmx.vocabulary import magnitude_prefix, unit

_STUB = re.compile(r"^(?:[一二三四]\s*级\s*)?指\s*标$|^项\s*目$|^名\s*称$")
_UNIT_HEADER = re.compile(r"^(?:计\s*量\s*)?单\s*位$")
_VALUE = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?|[—\-–/…－]+")
_PROSE = re.compile(r"[。；;：:，,！？!?]")
_LABEL_MAX = 30  # characters
_BLANKS_MAX = 4  # blank lines (or lines of spaces) between two cells
_EMPTY_CELLS_MAX = 40  # lines of a pipe alone between two cells: a wide row's empty cells
# Labels in a row with no value between them (groups over groups) before the grid is given up:
# a page of labels alone is no grid, and looking for its values past this would make every
# line that could head one read on to the end of the text.
_HEADS_MAX = 12
_LEVELS_MAX = 4  # levels of labels a header heads (一级指标, 二级指标, …)
_ITEMS_MIN = 3


@dataclass(frozen=True)
class PairRow:
    label: Span
    value: Span | None  # None for a row that heads others
    depth: int  # the spaces before its label
    unit: Span | None = None  # its cell in a unit column


@dataclass(frozen=True)
class PairGrid:
    start: int
    end: int
    stub: Span  # the row labels' header (指标)
    header: Span  # the values' header (总量指标, 2023年)
    rows: tuple[PairRow, ...]
    unit_header: Span | None = None  # a unit column's header (计量单位)


def find_pairs(text: str) -> list[PairGrid]:
    """Every label-then-value grid of `text`, in order."""
    return grids_in(text, _grid_at)


def _words(line: str) -> tuple[int, str]:
    """The offset of a line's words in the line, and the words: a cell's closing pipe
    (`7154.36 |`, a page that keeps the table's rules) is no part of them, and a line of a
    pipe alone is blank."""
    words = _RULES.sub("", line.strip())
    return (line.index(words), words) if words else (0, "")


_RULES = re.compile(r"^[|｜]\s*|\s*[|｜]$")
# A column's name that ends on a rate's unit (`比重%`, `增长(%)`): no row's label.
_RATE_NAME = re.compile(r"(?:%|[(（]\s*%\s*[)）])\s*$")
# `其中:`, `其中：` before a sub-item's label: a table's words, no sentence's colon.
_SUB_ITEM_LEAD = re.compile(r"^\s*其\s*中\s*[:：]")


def _is_label(words: str) -> bool:
    return (
        0 < len(words) <= _LABEL_MAX
        and not _PROSE.search(_SUB_ITEM_LEAD.sub("", words))
        and not _VALUE.fullmatch(fold(words))
        and re.search(r"[^\W\d_]", words) is not None
    )


def _is_unit(words: str) -> bool:
    """Whether a cell writes a unit the vocabulary knows (%, 万元, 元/人)."""
    name, _ = magnitude_prefix(re.sub(r"\s+", "", fold(words)))
    return unit(name.split("/")[0]) is not None


@dataclass(frozen=True)
class _Cell:
    line: int  # the index of its line
    start: int
    words: str
    depth: int

    @property
    def span(self) -> Span:
        return (self.start, self.start + len(self.words))


def _cells(lines: Sequence[tuple[int, str]], index: int) -> Iterator[_Cell]:
    """The cells from line `index` on, one per line of words, for as long as no more than
    a few blank lines part them; lines of a pipe alone, or of spaces alone, are empty cells
    and part nothing, up to forty in a row."""
    blanks = empties = 0
    for position in range(index, len(lines)):
        start, line = lines[position]
        offset, words = _words(line)
        if not words:
            # A lone pipe, or a line of spaces, is an empty cell (a row's blank value), not a
            # gap in the table.
            empty_cell = _RULES.search(line.strip()) is not None or line.strip("\r\n") != ""
            blanks += not empty_cell
            empties += empty_cell
            if blanks > _BLANKS_MAX or empties > _EMPTY_CELLS_MAX:
                return
            continue
        blanks = empties = 0
        yield _Cell(position, start + offset, words, offset)


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[PairGrid, int] | None:
    """The grid whose header's first cell (指标) is line `index`, and the line after it. Where
    the cell over the row labels is blank, the header opens at the unit column's (计量单位)."""
    _, words = _words(lines[index][1])
    stubless = _UNIT_HEADER.match(fold(words)) is not None
    if not (_STUB.match(fold(words)) or stubless):
        return None
    cells = _cells(lines, index)
    first = next(cells)
    stub = _Cell(first.line, first.start, "", first.depth) if stubless else first
    header = first if stubless else next(cells, None)
    levels = 1
    while header is not None and _STUB.match(fold(header.words)) and levels < _LEVELS_MAX:
        header, levels = next(cells, None), levels + 1  # a further level of labels (二级指标)
    unit_header = None
    if header is not None and _UNIT_HEADER.match(fold(header.words)):
        unit_header, header = header, next(cells, None)
    # The values' header names them (总量指标) or gives their year (1996).
    if header is None or not (_is_label(header.words) or BARE_YEAR.fullmatch(header.words)):
        return None
    after = next(cells, None)
    if after is not None and _RATE_NAME.search(fold(after.words)):
        return None  # a second value column's name (`比重%`): a table of more columns
    cells = chain([after] if after else [], cells)
    rows: list[PairRow] = []
    heads = 0  # labels in a row with no value
    pending: _Cell | None = None  # a label waiting for its value
    pending_unit: _Cell | None = None  # and its unit, under a unit column
    last_line = header.line
    for cell in cells:
        if _VALUE.fullmatch(fold(cell.words)):
            if pending is None:
                break  # two values in a row: a table of more columns
            unit_span = pending_unit.span if pending_unit else None
            rows.append(PairRow(pending.span, cell.span, pending.depth, unit_span))
            pending, pending_unit, last_line, heads = None, None, cell.line, 0
            continue
        if unit_header and pending and not pending_unit and _is_unit(cell.words):
            pending_unit = cell
            continue
        if not _is_label(cell.words):
            break
        pending_unit = None  # a row's unit with its value cell blank (2、飞播造林 | 公顷 | )
        if pending is not None:
            rows.append(PairRow(pending.span, None, pending.depth))
            heads += 1
            if heads > _HEADS_MAX:
                break
        pending = cell
    if sum(row.value is not None for row in rows) < _ITEMS_MIN:
        return None
    while rows[-1].value is None:
        rows.pop()
    end = rows[-1].value[1] if rows[-1].value else rows[-1].label[1]
    grid = PairGrid(
        stub.start,
        end,
        stub.span,
        header.span,
        tuple(rows),
        unit_header.span if unit_header else None,
    )
    return grid, last_line + 1
