"""Finding tables set a column to a cell: each column one cell whose rows are its lines, the
cells parted by a line of a pipe alone.

    產品名稱
    |
    單位
    |
    產 量
    |
    比上年增長%
    |
    紗
    布
    |
    萬 噸
    億 米
    |
    126.11
    36.37
    |
    6.6
    18.2
    |

A page whose table put each column in one cell, its rows parted by line breaks, comes out
so when copied: the header's cells first, one a line, then as many blocks of as many lines
each, one per column. The header's cells are short words; the blocks hold a line per row, at
least three rows, and the same number in every block, which is what ties a row's label to
its figures. This module finds where such a table's header cells and blocks are, as spans of
the text; `llmx.tables` turns it into a table. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.lines import FIGURE_CELL, Span, grids_among, stripped_span, text_lines

_COLUMNS_MIN = 2
_COLUMNS_MAX = 40  # header cells: bounds the look-ahead from each start
_ROWS_MIN = 3
_HEADER_CELL_MAX = 16  # characters
_PIPE_LINE = re.compile(r"\s*[|｜]\s*")


@dataclass(frozen=True)
class ColumnBlocks:
    start: int  # of the first header cell
    end: int  # of the last block's last line
    headers: tuple[Span, ...]  # one per column
    columns: tuple[tuple[Span, ...], ...]  # per column, one line per row


def find_column_blocks(text: str) -> list[ColumnBlocks]:
    """The tables of `text` set a column to a cell, in order."""
    segments = _segments(text)
    return grids_among(len(segments), lambda index: _grid_at(text, segments, index))


def _segments(text: str) -> list[tuple[Span, ...]]:
    """The text's runs of lines between lone-pipe lines, each as its non-blank lines' spans
    (stripped of spaces at the ends)."""
    segments: list[tuple[Span, ...]] = []
    current: list[Span] = []
    for start, line in text_lines(text):
        if _PIPE_LINE.fullmatch(line):
            segments.append(tuple(current))
            current = []
        elif line.strip():
            current.append(stripped_span(text, start, start + len(line)))
    return [*segments, tuple(current)]


def _grid_at(
    text: str, segments: list[tuple[Span, ...]], index: int
) -> tuple[ColumnBlocks, int] | None:
    """The table whose first header cell is the last line of segment `index` (the lines
    above it are the title and the prose before), its other cells the one-line segments
    after it, then a block per header cell; and the segment after its last block."""
    if not segments[index] or not _is_header_cell(text, segments[index][-1]):
        return None
    if index and len(segments[index]) == 1:
        return None  # a pipe line above: a cell after others, not the header's first
    headers = [segments[index][-1]]
    position = index + 1
    while position < len(segments) and len(segments[position]) == 1 and len(headers) < _COLUMNS_MAX:
        if not _is_header_cell(text, segments[position][0]):
            return None
        headers.append(segments[position][0])
        position += 1
        blocks = segments[position : position + len(headers)]
        rows = len(blocks[0]) if blocks else 0
        if (
            len(headers) >= _COLUMNS_MIN
            and len(blocks) == len(headers)
            and rows >= _ROWS_MIN
            and all(len(block) == rows for block in blocks)
            and any(all(FIGURE_CELL.fullmatch(text[a:b]) for a, b in block) for block in blocks)
        ):
            grid = ColumnBlocks(headers[0][0], blocks[-1][-1][1], tuple(headers), tuple(blocks))
            return grid, position + len(blocks)
    return None


def _is_header_cell(text: str, span: Span) -> bool:
    """A header cell: a few words (`產 量`, `比上年增長%`), no figure."""
    words = text[span[0] : span[1]]
    return (
        len(words) <= _HEADER_CELL_MAX
        and not FIGURE_CELL.fullmatch(words)
        and any(character.isalpha() for character in words)
    )
