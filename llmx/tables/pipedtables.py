"""Tables of one cell per line, each cell closed by a pipe (`农业 |`, a lone `|` for an empty
cell; the grids of `llmx.tables.piped`), and label-then-value pairs a line each (the grids of
`llmx.tables.pairs`), read into `Table`s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from llmx.folding import fold
from llmx.lines import HAS_CJK
from llmx.tables.captions import lines_before, short_lines_above
from llmx.tables.columnroles import body_of, columns_of, figures_in_stated_units
from llmx.tables.headers import (
    UNIT_LOOKBACK,
    Unit,
    group_and_sub,
    header_year,
    unit_line_unit,
    unit_of_words,
)
from llmx.tables.pairs import PairGrid, find_pairs
from llmx.tables.parts import labelled_parts, outline_parts
from llmx.tables.piped import PipedCell, PipedGrid, piped_runs
from llmx.tables.rowlines import is_number_cell
from llmx.tables.streamtables import cells_table
from llmx.tables.table import Cell, Column, Row, Table, row_column, span_cell
from llmx.tables.taken import TakenSpans, unclaimed
from llmx.vocabulary import is_fact_unit


def piped_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Piped grids (llmx.tables.piped) as tables: a grid whose rows are years is read as its
    transpose, a row per measure and a column per year; a grid whose rows are indented is
    cut into parts under their parents (see `outline_parts`)."""
    tables: list[Table] = []
    runs = piped_runs(text)
    for grid in unclaimed((grid for _, grid in runs if grid is not None), taken):
        cells = [text[start:end] for start, end in grid.titles]
        above = short_lines_above(text, grid.opening)[-2:] or _unit_closing_line_above(
            text, grid.opening
        )
        title = " ".join([*above, *cells])
        if grid.years_down:
            tables.append(_years_down_table(text, grid, title))
        else:
            tables += _piped_row_tables(text, grid, title)
    unplaced = (_Unplaced(text, run) for run, grid in runs if grid is None)
    for found in unclaimed((found for found in unplaced if found.cells), taken):
        table = cells_table(text, [found.cells], _caption_cells(text, found.start))
        if table is not None and _gives_a_unit(table):
            tables.append(table)
    return tables


class _Unplaced:
    """A run of piped cells whose grid does not place (a header of two rows flattened with no
    place left for its lower cells: `地區 | 占總人口比重 | 性別比`, then `男 | 女`): its cells
    of words, to be read a cell at a time as a web table copied a cell a line, whose readings
    know more such headers (`streamtables.cells_table`). Its lone pipes are left out: a copy
    opens and closes its rows with them as often as it marks an empty cell."""

    def __init__(self, text: str, run: Sequence[PipedCell]) -> None:
        self.cells = [
            Cell(cell.start, cell.end, text[cell.start : cell.end]) for cell in run if cell.words
        ]

    @property
    def start(self) -> int:
        return self.cells[0].start

    @property
    def end(self) -> int:
        return self.cells[-1].end


def _gives_a_unit(table: Table) -> bool:
    """Whether a table read a cell at a time gives any of its figures a unit. Its lone pipes
    left out, a head over rows that names their unit (`人口(‰)` over `出生率`) is lost; a
    table with no unit placed is left to the readings after this one, which read such rows
    with their heads. A count the title names (`交通意外宗數`) is a unit given."""
    return any(units_given(table))


def units_given(table: Table) -> Iterator[bool]:
    """For each figure under a value column, whether the table gives it a unit."""
    return (
        table.gives_unit(row, column)
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=False)
        if column.role == "value" and is_number_cell(cell)
    )


def _caption_cells(text: str, position: int) -> list[Cell]:
    """The short lines right above `position` (a title, a `单位：` line), a cell each."""
    cells: list[Cell] = []
    for words in reversed(short_lines_above(text, position)):
        position = text.rfind(words, 0, position)
        if position < 0:
            break
        cells.insert(0, Cell(position, position + len(words), words))
    return cells


def _unit_closing_line_above(text: str, position: int) -> list[str]:
    """The unit a sentence right above a table closes on (`…如下表所示:(单位:元/公斤)`), as
    a unit line, where no short line above names the table."""
    lines = [line for line in lines_before(text, position, 2) if line.strip()]
    closing = _CLOSING_UNIT.search(lines[-1]) if lines else None
    return [closing.group(1)] if closing else []


_CLOSING_UNIT = re.compile(r"[(（]\s*(单\s*位\s*[:：][^()（）]{1,12})[)）]\s*$")


def _piped_row_tables(text: str, grid: PipedGrid, title: str) -> list[Table]:
    rows = [[span_cell(text, span, grid.end) for span in row.cells] for row in grid.rows]
    headers = [span_cell(text, span, grid.end).text for span in grid.header]
    if grid.groups:
        headers = [
            group_and_sub(text[group[0] : group[1]], header, "") if group else header
            for group, header in zip(grid.groups, headers, strict=True)
        ]
    body = body_of(rows)
    columns = list(columns_of(headers, body))
    for index, header in enumerate(headers):
        year = header_year(header)
        if year:  # 2003: a column of that year's values
            columns[index] = Column(header, "value", None, year, None)
        elif index and re.search(r"[A-Za-z]", header) and not HAS_CJK.search(header):
            columns[index] = Column(header, "other", None, None, None)  # the labels' English
    if not any(column.role == "indicator" for column in columns):
        columns[0] = Column(headers[0], "indicator", None, None, None)
    unit = unit_line_unit(title)
    if unit is not None and "、" not in unit[0]:  # 上周 | 上上周 under 单位:元/公斤: prices
        columns = list(figures_in_stated_units(columns, body))
    table = Table(grid.start, grid.end, title, tuple(columns), (), layout="piped", unit=unit)
    labels = [row[0] for row in rows]
    return _months_dated(outline_parts(table, labels, [row.depth for row in grid.rows], rows))


_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
_MONTH = re.compile(r"\d{1,2}\s*月")


def _months_dated(tables: Sequence[Table]) -> list[Table]:
    """Rows of months (`2012年9月份`, `10月份`, …, `2013年1月份`, `2月份`): each is of the
    year the last label that writes one gives, as a row of periods above would date it."""
    dated: list[Table] = []
    year = ""
    for table in tables:
        rows: list[Row] = []
        for row in table.rows:
            label = fold(table.indicator_of(row))
            found = _YEAR_MONTH.match(label)
            year = found.group(1) if found else year if _MONTH.match(label) else ""
            rows.append(replace(row, periods=(year,)) if year and not row.periods else row)
        dated.append(replace(table, rows=tuple(rows)))
    return dated


# A title that says its figures are index numbers on a base (1978=100, 上年=100).
_INDEX_BASE = re.compile(r"指\s*数.*[=＝为]\s*100")


def _years_down_table(text: str, grid: PipedGrid, title: str) -> Table:
    """A grid of years down its rows, read as its transpose: a row per measure (its header
    cell), a column per year. In a table of index numbers (`指数(1978=100)`) every cell is
    the index of its measure, with no unit."""
    years = [span_cell(text, row.cells[0], grid.end).clean[:4] for row in grid.rows]
    index = bool(_INDEX_BASE.search(fold(title)))
    columns = (
        Column("", "indicator", None, None, None),
        *(
            Column(f"{year}年", "value", None, year, None, name="指数" if index else None)
            for year in years
        ),
    )
    rows = tuple(
        Row(
            (
                span_cell(text, grid.header[column], grid.end),
                *(span_cell(text, row.cells[column], grid.end) for row in grid.rows),
            )
        )
        for column in range(1, len(grid.header))
        if grid.header[column] is not None
    )
    line_unit = unit_line_unit(title) or _title_unit(title)
    unit = ("", 1.0) if index else line_unit
    return Table(grid.start, grid.end, title, columns, rows, layout="piped", unit=unit)


def _title_unit(title: str) -> Unit | None:
    """The unit a title's first line closes on, bracketed (`…乘客人次(千次)`): every figure's,
    where the table has no unit line."""
    bracket = _TITLE_UNIT.search(title.split("\n")[0])
    unit = unit_of_words(bracket.group()) if bracket else None
    return unit if unit is not None and is_fact_unit(unit[0]) else None


_TITLE_UNIT = re.compile(r"[(（][^()（）]{1,6}[)）](?=\s|$)")


def pair_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Label-then-value grids (llmx.tables.pairs) as tables of two columns, cut into parts under
    their parents (see `outline_parts`)."""
    return [
        table for grid in unclaimed(find_pairs(text), taken) for table in _pair_table(text, grid)
    ]


_PAIR_CAPTION_LINES = 10


def _pair_table(text: str, grid: PairGrid) -> list[Table]:
    stub, header = (span_cell(text, span, grid.end).text for span in (grid.stub, grid.header))
    columns = (
        Column(stub, "indicator", None, None, None),
        *(
            [Column(span_cell(text, grid.unit_header, grid.end).text, "unit", None, None, None)]
            if grid.unit_header
            else []
        ),
        replace(row_column(header), role="value", period=header_year(header)),
    )
    # The title and unit line over it, across the blank lines of a page that gives every
    # line its own paragraph, and the lines of a pipe alone of one that keeps the rules.
    above = [
        bare
        for line in lines_before(text, grid.start, _PAIR_CAPTION_LINES)
        if (bare := line.strip("|｜ \t\u3000"))
    ][-UNIT_LOOKBACK + 1 :]
    title = " ".join(above)
    unit = next(filter(None, map(unit_line_unit, reversed(above))), None)
    table = Table(grid.start, grid.end, title, columns, (), layout="pairs", unit=unit)
    units = [row.unit for row in grid.rows] if grid.unit_header else None
    return labelled_parts(text, table, grid, units)
