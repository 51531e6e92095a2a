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
(`streamtables.cells_table`), which places a header's names over its figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from llmx.folding import fold
from llmx.lines import BARE_YEAR, ROW_LABELS_HEADER
from llmx.tables.cellruns import STREAM_CELL_MAX, stream_kind
from llmx.tables.headers import UNIT_COLUMN
from llmx.tables.onespace import padded_rows, whole_table
from llmx.tables.rowlines import Line, is_column_code_row
from llmx.tables.streamtables import cells_table, indented_parts
from llmx.tables.table import Cell, Table
from llmx.tables.taken import TakenSpans
from llmx.tables.yearrowtables import year_row_table

_HEADER_CELLS_MIN = 3
_ROWS_MIN = 3  # rows of figures under a header
_CAPTION_PARAGRAPHS = 2  # paragraphs right above a header that may caption it (`单位:元`)


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph's short one-cell lines, as cells. `whole` where it has no other line: a
    row is a whole paragraph, a header may follow a caption's long line in its paragraph."""

    cells: list[Cell]
    whole: bool


def paragraph_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Tables of rows a paragraph each under a header paragraph, in lines no reading before
    took."""
    paragraphs = _paragraphs(lines, taken)
    tables: list[Table] = []
    index = 0
    while index < len(paragraphs):
        end, rows = _rows(paragraphs, index)
        if rows:
            table = _read(text, paragraphs, index, rows)
            if table is not None:
                tables += indented_parts(text, table)
                index = end
                continue
        index += 1
    return tables


def _has_figures(cells: Sequence[Cell]) -> bool:
    """A row of figures: a figure after its label."""
    return any(stream_kind(cell) == "number" for cell in cells[1:])


def _paragraphs(lines: Sequence[Line], taken: TakenSpans) -> list[_Paragraph]:
    """Each paragraph's short one-cell lines after its last other line, in order."""
    paragraphs: list[_Paragraph] = []
    cells: list[Cell] = []
    whole = True
    for line in [*lines, Line(-1, "", None)]:
        words = line.text.strip()
        if not words:
            if cells or not whole:
                paragraphs.append(_Paragraph(cells, whole))
            cells, whole = [], True
        elif line.layout is None and len(words) <= STREAM_CELL_MAX and line.start not in taken:
            start = line.start + len(line.text) - len(line.text.lstrip())
            cells.append(Cell(start, start + len(words), words))
        else:
            cells, whole = [], False
    return paragraphs


def _header_split(cells: Sequence[Cell]) -> tuple[list[Cell], list[Cell]]:
    """A header paragraph's captions and header: the header opens at the cell naming the
    rows' labels (`指标名称`, `年份`), where one does; the whole paragraph otherwise."""
    named = [i for i, cell in enumerate(cells) if ROW_LABELS_HEADER.fullmatch(fold(cell.clean))]
    at = named[-1] if named else 0
    return list(cells[:at]), list(cells[at:])


def _is_header(cells: Sequence[Cell]) -> bool:
    return len(cells) >= _HEADER_CELLS_MIN and all(stream_kind(cell) == "label" for cell in cells)


def _is_label(cell: Cell) -> bool:
    """A row's label: words, or a year (`2019`) in a table of years."""
    return stream_kind(cell) == "label" or BARE_YEAR.fullmatch(cell.clean) is not None


def _rows(paragraphs: Sequence[_Paragraph], header_at: int) -> tuple[int, list[list[Cell]]]:
    """The rows under the header paragraph at `header_at` and the paragraph after them (no
    rows, and `header_at`, where it is no header): rows no wider than it, each a label then
    cells, a label wrapped onto a second line joined again, and groups' labels between. A
    form's column codes right under the header are no row. A row of figures wider than the
    header (a note after its figures) leaves the table to the readings a cell a line."""
    _, header = _header_split(paragraphs[header_at].cells)
    above = paragraphs[header_at - 1] if header_at else None
    if not _is_header(header) or (
        above is not None and _has_figures(above.cells) and len(above.cells) == len(header)
    ):
        # Right after a row of figures as wide, a paragraph of words alone (`待定` for its
        # amount) is a row, no header: tried as one, the rows after it would be read again
        # for each.
        return header_at, []
    end = header_at + 1
    if end < len(paragraphs) and is_column_code_row(paragraphs[end].cells):
        end += 1
    rows: list[list[Cell]] = []
    last_row = end
    figured_rows = unfigured = 0  # rows of figures; paragraphs since the last one
    while end < len(paragraphs) and unfigured <= _HEADS_MAX:
        paragraph = paragraphs[end]
        cells = _label_joined(paragraph.cells, len(header))
        if not paragraph.whole or not _is_label(cells[0]):
            break
        figured = _has_figures(cells)
        if len(cells) > len(header):
            return (header_at, []) if figured else (last_row, rows)
        if len(cells) > 1:
            rows.append(cells)
            last_row = end + 1
        figured_rows += figured
        unfigured = 0 if figured else unfigured + 1
        end += 1
    return (last_row, rows) if figured_rows >= _ROWS_MIN else (header_at, [])


# Paragraphs that are no row of figures (groups' labels, rows left empty) in a row: more end
# the rows, so a text of short paragraphs is not scanned to its end from each of them.
_HEADS_MAX = 3


def _label_joined(cells: list[Cell], width: int) -> list[Cell]:
    """A row one cell wider than the header whose first two cells are words: its label
    wrapped onto a second line (`规模以上工业`, `增加值(亿元)`), as one cell."""
    if len(cells) != width + 1 or not all(stream_kind(cell) == "label" for cell in cells[:2]):
        return cells
    first, second = cells[:2]
    return [Cell(first.start, second.end, first.text + second.text), *cells[2:]]


def _read(
    text: str, paragraphs: Sequence[_Paragraph], header_at: int, rows: list[list[Cell]]
) -> Table | None:
    titles, header = _header_split(paragraphs[header_at].cells)
    if len(header) > max(len(cells) for cells in rows):
        # Every row short: a caption over the header in its paragraph (`按行业分` over `类别 |
        # 企业数(个)`), or a last column left empty throughout; only the cell-at-a-time
        # readings, which try the header from each of its first cells, can tell.
        return None
    above = [
        cell
        for paragraph in paragraphs[max(0, header_at - _CAPTION_PARAGRAPHS) : header_at]
        if len(paragraph.cells) <= _CAPTION_PARAGRAPHS
        for cell in paragraph.cells
    ]
    captions = [*above, *titles]
    padded = padded_rows([_unit_left_empty(cells, header) for cells in rows], len(header))
    if all(BARE_YEAR.fullmatch(cells[0].clean) for cells in rows):
        # A table of years (`年份`, then a row a year): the year-row reading's, which takes
        # the years for the rows' periods.
        run = [*captions, *header, *(replace(c, blank=not c.clean) for r in padded for c in r)]
        if (years := year_row_table(run)) is not None:
            return years
    return whole_table(text, cells_table(text, [header, *padded], captions, header_first=True))


def _unit_left_empty(cells: list[Cell], header: Sequence[Cell]) -> list[Cell]:
    """A row whose cell under a unit column (`单位`) is a figure: its unit cell was left
    empty (`城镇化率`, then `65.2`, `64.1` under `指标 单位 2023年 2022年`), its figures are
    the columns' after it."""
    at = next((i for i, cell in enumerate(header) if UNIT_COLUMN.match(fold(cell.clean))), None)
    if at is None or at >= len(cells) or stream_kind(cells[at]) != "number":
        return cells
    blank = Cell(cells[at].start, cells[at].start, "", blank=True)
    return [*cells[:at], blank, *cells[at:]]
