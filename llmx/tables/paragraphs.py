"""Tables a page set a row a paragraph: each row's filled cells a line each, a blank line
after the row.

    指标名称⏎单位⏎数量⏎上期⏎环比
    ⏎
    一、综合
    ⏎
    乡镇级合计⏎个⏎1,107⏎1,107
    ⏎
    2.乡⏎个⏎251⏎270⏎-7.04

The blank lines say where each row ends, but a row short of cells no longer says which it
lacks: its cells are taken as the first ones and its last ones as empty, as a page leaves a
column of changes empty where there was no change to work out. A paragraph of one cell is a
group's label. The header and the rows go to the cell-at-a-time reading
(`streamtables.cells_table`), which places a header's names over its figures. Read only where
a row is short: rows all as wide as the header are the cell-at-a-time reading's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from llmx.lines import BARE_YEAR
from llmx.tables.cellruns import STREAM_CELL_MAX, stream_kind
from llmx.tables.onespace import padded_rows, whole_table
from llmx.tables.rowlines import Line, is_column_code_row
from llmx.tables.streamtables import cells_table
from llmx.tables.table import Cell, Table
from llmx.tables.taken import TakenSpans
from llmx.tables.yearrowtables import year_row_table

_HEADER_CELLS_MIN = 3
_ROWS_MIN = 3  # rows of figures under a header
_CAPTION_PARAGRAPHS = 2  # paragraphs right above a header that may caption it (`单位:元`)


def paragraph_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Tables of rows a paragraph each under a header paragraph, in lines no reading before
    took."""
    paragraphs = _paragraphs(lines, taken)
    tables: list[Table] = []
    index = 0
    while index < len(paragraphs):
        end = _rows_end(paragraphs, index)
        if end > index + 1:
            table = _read(text, paragraphs, index, end)
            if table is not None:
                tables.append(table)
                index = end
                continue
        index += 1
    return tables


def _paragraphs(lines: Sequence[Line], taken: TakenSpans) -> list[list[Cell] | None]:
    """Each paragraph of short one-cell lines as its cells, in order; None for a paragraph
    with any other line, which no table here crosses."""
    paragraphs: list[list[Cell] | None] = []
    current: list[Cell] | None = []
    for line in [*lines, Line(-1, "", None)]:
        words = line.text.strip()
        if not words:
            if current != []:
                paragraphs.append(current)
            current = []
            continue
        cell_line = (
            line.layout is None and len(words) <= STREAM_CELL_MAX and line.start not in taken
        )
        if current is not None and cell_line:
            start = line.start + len(line.text) - len(line.text.lstrip())
            current.append(Cell(start, start + len(words), words))
        else:
            current = None
    return paragraphs


def _is_header(cells: Sequence[Cell]) -> bool:
    return len(cells) >= _HEADER_CELLS_MIN and all(stream_kind(cell) == "label" for cell in cells)


def _is_label(cell: Cell) -> bool:
    """A row's label: words, or a year (`2019`) in a table of years."""
    return stream_kind(cell) == "label" or BARE_YEAR.fullmatch(cell.clean) is not None


def _rows_end(paragraphs: Sequence[list[Cell] | None], header_at: int) -> int:
    """Where the rows under the header paragraph at `header_at` end (`header_at` where it is
    no header): rows no wider than it, each a label then cells, and groups' labels between;
    a form's column codes right under the header are no row."""
    header = paragraphs[header_at]
    if header is None or not _is_header(header):
        return header_at
    end = header_at + 1
    if end < len(paragraphs) and (codes := paragraphs[end]) and is_column_code_row(codes):
        end += 1
    rows = short = 0
    last_row = end
    while end < len(paragraphs):
        cells = paragraphs[end]
        if cells is None or len(cells) > len(header) or not _is_label(cells[0]):
            break
        if len(cells) > 1:
            if any(stream_kind(cell) == "number" for cell in cells[1:]):
                rows += 1
                short += len(cells) < len(header)
            last_row = end + 1
        end += 1
    return last_row if rows >= _ROWS_MIN and short else header_at


def _read(
    text: str, paragraphs: Sequence[list[Cell] | None], header_at: int, end: int
) -> Table | None:
    header = paragraphs[header_at]
    assert header is not None  # `_rows_end` found rows under it
    rows = [
        cells
        for cells in paragraphs[header_at + 1 : end]
        if cells is not None and not is_column_code_row(cells)
    ]
    captions = [
        cell
        for cells in paragraphs[max(0, header_at - _CAPTION_PARAGRAPHS) : header_at]
        if cells is not None and len(cells) <= _CAPTION_PARAGRAPHS
        for cell in cells
    ]
    padded = padded_rows(rows, len(header))
    if all(BARE_YEAR.fullmatch(cells[0].clean) for cells in rows if len(cells) > 1):
        # A table of years (`年份`, then a row a year): the year-row reading's, which takes
        # the years for the rows' periods.
        run = [*captions, *header, *(replace(c, blank=not c.clean) for r in padded for c in r)]
        if (years := year_row_table(run)) is not None:
            return years
    return whole_table(text, cells_table(text, [header, *padded], captions, header_first=True))
