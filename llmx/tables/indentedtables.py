"""Tables flattened one cell per line, each cell a tab-indented line and rows separated by a
blank line (the seeds' layout), a cell that wrapped continuing on the lines after it.
"""

from __future__ import annotations

from llmx.tables.rowlines import is_cell_line
from llmx.tables.table import Cell, Row, Table, column_of

_CONTINUATION_MAX = 24


def _rows_of_region(text: str, start: int, end: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    offset = start
    for line in text[start:end].splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if bare.startswith("\t"):
            current.append(Cell(offset + 1, offset + len(bare), bare[1:]))
        elif bare.strip() and current:
            last = current[-1]
            current[-1] = Cell(
                last.start, offset + len(bare), text[last.start : offset + len(bare)]
            )
        elif current:
            rows.append(current)
            current = []
        offset += len(line)
    if current:
        rows.append(current)
    return rows


def _regions(text: str) -> list[tuple[int, int, str]]:
    """Spans of runs of tab-indented lines (with wrapped continuations), and the title above."""
    regions: list[tuple[int, int, str]] = []
    lines = text.splitlines(keepends=True)
    offset, index = 0, 0
    previous_title = ""
    while index < len(lines):
        bare = lines[index].rstrip("\r\n")
        if is_cell_line(bare):
            start = offset
            while index < len(lines):
                line = lines[index].rstrip("\r\n")
                follows_cell = index > 0 and lines[index - 1].strip() != ""
                continuation = line.strip() and len(line) <= _CONTINUATION_MAX and follows_cell
                if not (is_cell_line(line) or not line.strip() or continuation):
                    break
                offset += len(lines[index])
                index += 1
            regions.append((start, offset, previous_title))
            continue
        if bare.strip():
            previous_title = bare.strip()
        offset += len(lines[index])
        index += 1
    return regions


def cell_tables(text: str) -> list[Table]:
    """Tables flattened one cell per line: regions with a header row of three or more cells."""
    tables: list[Table] = []
    for start, end, title in _regions(text):
        rows = _rows_of_region(text, start, end)
        header_index = next((i for i, row in enumerate(rows) if len(row) >= 3), None)
        if header_index is None:
            continue
        header = rows[header_index]
        columns = tuple(column_of(cell.text) for cell in header)
        if not any(column.role == "value" for column in columns):
            continue
        titles = " ".join(cell.clean for row in rows[:header_index] for cell in row)
        body = tuple(Row(tuple(row)) for row in rows[header_index + 1 :])
        if not body:
            # Paragraphs a tab each (a news page's indent) make a "header" of prose and no rows.
            continue
        tables.append(Table(start, end, titles or title, columns, body))
    return tables
