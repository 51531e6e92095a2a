"""Two panels side by side (a balance table, `收入 | 执行数 | 支出 | 执行数`), in pipe rows or
one cell per line: every row an (item, amount) pair per panel, each panel a table of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from llmx.folding import fold
from llmx.tables.captions import lines_above
from llmx.tables.cellruns import STREAM_ROWS_MIN, stream_kind
from llmx.tables.headers import unit_line_unit
from llmx.tables.rowlines import PIPE, Line, split_cells
from llmx.tables.table import Cell, Row, Table, row_column
from llmx.tables.taken import TakenSpans

_PANELS_MAX = 3


def _panel_runs(lines: Sequence[Line], taken: TakenSpans) -> list[tuple[int, list[Cell]]]:
    """Runs of consecutive pipe lines (rows, or one cell per line with a trailing pipe), as
    one stream of cells each with the index of the run's first line; a lone `|` is an empty
    cell here, as a panel left empty writes it."""
    runs: list[tuple[int, list[Cell]]] = []
    current: list[Cell] = []
    first = 0
    for index, line in enumerate(lines):
        if line.layout in ("pipe", "rule") and line.start not in taken:
            if not current:
                first = index
            words = line.text.strip()
            lead = line.start + len(line.text) - len(line.text.lstrip())
            if words[:1] in "|｜":
                words, lead = words[1:], lead + 1
            if words[-1:] in "|｜":
                words = words[:-1]
            empty = [Cell(lead, lead, "")]
            current.extend(split_cells(words, lead, PIPE) if words.strip() else empty)
            continue
        if current:
            runs.append((first, current))
        current = []
    if current:
        runs.append((first, current))
    return runs


def _panel_kind(cell: Cell) -> str:
    return stream_kind(cell) if cell.clean else "empty"


def _panel_header(cells: Sequence[Cell], panels: int) -> bool:
    """Whether the first cells head `panels` panels: a column of items, then a column of
    amounts with a status (`执行数`, `预算数`), once per panel."""
    header = cells[: 2 * panels]
    if len(header) != 2 * panels:
        return False
    for label, value in zip(header[::2], header[1::2], strict=True):
        if stream_kind(label) != "label" or stream_kind(value) != "label":
            return False
        if row_column(label.text).status or not row_column(value.text).status:
            return False
    return True


def _is_panel_row(kinds: Sequence[str]) -> bool:
    """Each (item, amount) pair filled (a label, then a number or a dash) or left empty;
    at least one amount."""
    pairs = list(zip(kinds[::2], kinds[1::2], strict=True))
    return any(amount == "number" for _, amount in pairs) and all(
        (item, amount) == ("empty", "empty") or (item == "label" and amount in ("number", "none"))
        for item, amount in pairs
    )


def panel_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """The tables of two-panel balance tables, one per panel: each row holds an (item,
    amount) pair per panel, and either may be empty."""
    tables: list[Table] = []
    for first, cells in _panel_runs(lines, taken):
        kinds = [_panel_kind(cell) for cell in cells]
        for panels in range(_PANELS_MAX, 1, -1):
            rows = _panel_rows(cells, kinds, panels) if _panel_header(cells, panels) else []
            if len(rows) >= STREAM_ROWS_MIN:
                above = lines_above(lines, first)
                tables += [_panel_table(cells, rows, panel, above) for panel in range(panels)]
                break
    return tables


def _panel_rows(cells: Sequence[Cell], kinds: Sequence[str], panels: int) -> list[list[Cell]]:
    """The rows under a header of `panels` panels, for as long as they hold pairs."""
    width = 2 * panels
    rows: list[list[Cell]] = []
    position = width
    while position + width <= len(cells) and _is_panel_row(kinds[position : position + width]):
        rows.append(list(cells[position : position + width]))
        position += width
    return rows


_CAPTION_MARKS = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+|单\s*位\s*[:：]\s*\S*")


def _panel_table(
    cells: Sequence[Cell], rows: Sequence[Sequence[Cell]], panel: int, above: Sequence[Line]
) -> Table:
    """One panel's table: its item and amount columns, its rows whose item is filled, and
    the title and `单位：` line above the whole table."""
    label, value = cells[2 * panel : 2 * panel + 2]
    columns = (
        replace(row_column(label.text), role="indicator", status=None),
        row_column(value.text),
    )
    pairs = (row[2 * panel : 2 * panel + 2] for row in rows)
    captions = [line.text.strip() for line in above]
    # A line that is only the table's number or its unit is no title; `表2 …收支平衡表` is.
    titles = [caption for caption in captions if _CAPTION_MARKS.sub("", fold(caption)).strip()]
    return Table(
        cells[0].start,
        rows[-1][-1].end,
        titles[-1] if titles else "",
        columns,
        tuple(Row(tuple(pair)) for pair in pairs if pair[0].clean),
        layout="panels",
        unit=unit_line_unit(" ".join(captions)),
    )
