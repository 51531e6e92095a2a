"""Word's text model, shared by its binary (`.doc`) and RTF readers, laid out canonically.

Both formats store a document as a stream of paragraphs, each ended by a mark: a paragraph's
end, or a table cell's. A paragraph flagged in a table belongs to the open cell; one flagged
as a row's end closes the row and carries its definition (each cell's edges in twips, merge
flags, whether the row repeats as a header). `lay_out` turns that stream into the canonical
text (llmx.readers.canonical): paragraphs as lines, tables as pipe rows on the grid that every
cell edge in the table makes, a one-column table as a box of lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from llmx.locations import Locator
from llmx.readers.canonical import GridCell, TextBuilder, clean_line, implied_header_rows

# Table cell descriptor flags, as Word 97 keeps them (TC80); RTF's merge words map onto them.
MERGED_INTO_PREVIOUS = 0x0002
VERTICAL_MERGE, VERTICAL_RESTART = 0x0020, 0x0040
_EDGE_TOLERANCE = 20  # twips: edges of rows this close are one grid line
_GRID_SPREAD_MAX, _GRID_SLACK = 3, 10  # grid columns allowed per cell of the widest row
_COLUMNS_MAX = 1000

# The marks that end a paragraph: a paragraph's end, or a table cell's (and a row's).
PARAGRAPH_END, CELL_END = "\r", "\x07"


@dataclass(frozen=True)
class Row:
    """A table row's definition: its cells' edges (twips) and flags."""

    edges: tuple[int, ...] = ()
    flags: tuple[int, ...] = ()
    header: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as Word stores it: its text, the mark that ends it, and where it sits."""

    text: str
    mark: str  # the character that ends it: paragraph end or cell end
    in_table: bool = False
    row_end: bool = False
    row: Row = Row()
    heading: bool = False


@dataclass
class _Table:
    cells: list[list[list[str]]] = field(default_factory=list)  # rows of cells of paragraphs
    rows: list[Row] = field(default_factory=list)
    open_cell: list[str] = field(default_factory=list)
    open_row: list[list[str]] = field(default_factory=list)


def text_box_warnings(paragraphs: Sequence[Paragraph]) -> tuple[str, ...]:
    """What a document's text boxes hold, which is not laid out (where each box sits in the
    text is kept in the drawing layer), said in a warning rather than dropped silently."""
    count = sum(len("".join(paragraph.text.split())) for paragraph in paragraphs)
    return (f"its text boxes hold {count} characters that llmx does not read",) if count else ()


def lay_out(paragraphs: Sequence[Paragraph]) -> TextBuilder:
    """The canonical text of a paragraph stream; `p12` locates the 12th paragraph, `t3` the
    third table."""
    builder = TextBuilder()
    table: _Table | None = None
    tables = 0
    for number, paragraph in enumerate(paragraphs, start=1):
        if not paragraph.in_table:
            if table is not None:
                tables += 1
                _write_table(builder, table, f"t{tables}")
                table = None
            for line in paragraph.text.splitlines() or [""]:
                builder.line(line, Locator(element=f"p{number}"))
            continue
        table = table or _Table()
        if paragraph.row_end:
            table.cells.append(table.open_row)
            table.rows.append(paragraph.row)
            table.open_row = []
            continue
        table.open_cell.append(paragraph.text)
        if paragraph.mark == CELL_END:
            table.open_row.append(table.open_cell)
            table.open_cell = []
    if table is not None:
        _write_table(builder, table, f"t{tables + 1}")
    return builder


def _write_table(builder: TextBuilder, table: _Table, element: str) -> None:
    if table.open_cell and any(text.strip() for text in table.open_cell):
        table.open_row.append(table.open_cell)  # a cell the file never closed (cut short)
    if table.open_row:  # a row the file never closed: kept as it stands
        table.cells.append(table.open_row)
        table.rows.append(Row())
    if max(len(row) for row in table.cells) > _COLUMNS_MAX:
        # No report has a thousand columns; laid on a grid, every other row would be
        # padded to them all. Each row is its cells, as written.
        for cells in table.cells:
            line = " | ".join(clean_line(" ".join(p.strip() for p in cell)) for cell in cells)
            builder.line(f"| {line} |", Locator(element=element))
        builder.blank_lines(2)
        return
    if all(len(row) == 1 for row in table.cells):  # one column: a box of text (专栏)
        builder.blank_lines(1)
        for cells in table.cells:
            for paragraph in cells[0]:
                for line in paragraph.splitlines():
                    builder.line(line, Locator(element=element))
        builder.blank_lines(2)
        return
    rows = _grid_rows(table, element)
    if not rows:
        return
    header_rows = 0
    for row in table.rows:
        if not row.header:
            break
        header_rows += 1
    builder.table(
        rows,
        header_rows=min(header_rows, len(rows)) or implied_header_rows(rows),
        locator=Locator(element=element),
    )


@dataclass
class _Span:
    text: str
    columns: int = 1
    rows: int = 1


def _grid_rows(table: _Table, element: str) -> list[list[GridCell]]:
    """Rows of cells with their spans, on the grid of every cell edge in the table."""
    grid = _grid_edges(table.rows)
    widest = max((len(texts) for texts in table.cells), default=0)
    if len(grid) > _GRID_SPREAD_MAX * widest + _GRID_SLACK:
        # Edges that drift a little in every row would make a grid of hundreds of mostly
        # empty columns: each row's cells are then laid out one to a column instead.
        grid = []
    merges: dict[int, _Span] = {}  # grid column → the cell a vertical merge started there
    laid: list[list[_Span]] = []
    for texts, row in zip(table.cells, table.rows, strict=True):
        cells: list[_Span] = []
        edges = row.edges if grid and len(row.edges) == len(texts) + 1 else ()
        column = _column_of(grid, edges[0]) if edges else 0
        if column:
            cells.append(_Span("", columns=column))
        for index, paragraphs in enumerate(texts):
            text = clean_line(" ".join(p.strip() for p in paragraphs if p.strip()))
            flags = row.flags[index] if index < len(row.flags) else 0
            span = 1
            if edges:
                span = max(_column_of(grid, edges[index + 1]) - _column_of(grid, edges[index]), 1)
            continues = flags & VERTICAL_MERGE and not flags & VERTICAL_RESTART
            if flags & MERGED_INTO_PREVIOUS and cells:
                cells[-1].columns += span  # a horizontal merge as Word 97 wrote it
            elif continues and column in merges:
                merges[column].rows += 1
            else:
                cell = _Span(text, columns=span)
                cells.append(cell)
                if flags & VERTICAL_MERGE:
                    merges[column] = cell
                else:
                    merges.pop(column, None)
            column += span
        if cells:
            laid.append(cells)
    return [
        [GridCell(c.text, element=element, colspan=c.columns, rowspan=c.rows) for c in cells]
        for cells in laid
    ]


def _grid_edges(rows: Sequence[Row]) -> list[int]:
    edges = sorted({edge for row in rows for edge in row.edges})
    merged: list[int] = []
    for edge in edges:
        if not merged or edge - merged[-1] > _EDGE_TOLERANCE:
            merged.append(edge)
    return merged


def _column_of(grid: Sequence[int], edge: int) -> int:
    """The grid line an edge falls on (the nearest within the tolerance)."""
    index = bisect.bisect_left(grid, edge - _EDGE_TOLERANCE)
    return min(index, max(len(grid) - 1, 0))


def first_heading(paragraphs: Sequence[Paragraph]) -> str | None:
    for paragraph in paragraphs:
        if paragraph.heading and not paragraph.in_table and clean_line(paragraph.text):
            return clean_line(paragraph.text)
    return None
