"""What each column of a table is, from its header and the cells under it: the row labels, a
value column (in the unit a header, a unit column or a `单位` line gives), a unit column, a
column of years, serial or line numbers, or other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from llmx.folding import fold
from llmx.tables.headers import (
    CHANGE_HEADER,
    MONTHS_HEADER,
    SERIAL_HEADER,
    SKIP_HEADER,
    names_a_measure,
)
from llmx.tables.numericrows import is_unit_word
from llmx.tables.rowlines import NUMBER_CELL, Line, is_number_cell
from llmx.tables.table import Cell, Column, figure_value, row_column


def figures_in_stated_units(
    columns: Sequence[Column], body: Sequence[tuple[Line, list[Cell]]]
) -> tuple[Column, ...]:
    """Under a `单位:万元` line, or beside a unit column (计量单位: 元/5升), a named column
    whose cells are all figures holds values in that unit (`工业总产值`, `上旬平均`), though
    its header names no measure, year or status; a column of years, of ranks or codes, or
    numbered 1, 2, 3… down the rows holds none."""
    promoted = list(columns)
    for index, column in enumerate(columns):
        cells = [cells[index].clean for _, cells in body if index < len(cells)]
        figures = [fold(cell) for cell in cells if cell]
        if (
            column.role == "other"
            and column.header.strip()
            and not SKIP_HEADER.search(fold(column.header))
            and not _NOT_MEASURED_HEADER.search(fold(column.header))
            and len(figures) >= 2
            and _mostly_figures(figures)
            and not all(
                YEAR_CELL.fullmatch(cell) or _MONTH_CELL.fullmatch(cell) for cell in figures
            )
            and not _counts_up(figures)
        ):
            promoted[index] = replace(column, role="value")
    return tuple(promoted)


def _mostly_figures(cells: Sequence[str]) -> bool:
    """Figures in every cell, or in all but one of five or more: a row that lost a cell
    shifts the next cell's words (an arrow, ↓) into the column."""
    odd = sum(not NUMBER_CELL.fullmatch(cell) for cell in cells)
    return odd == 0 or (len(cells) >= 5 and odd == 1)


def numbers_lines(cells: Sequence[str]) -> bool:
    """Whole numbers going up by one down three or more rows, no years (35, 36, 37): a form's
    line numbers (行次), whatever its header says."""
    numbers = [int(cell) for cell in cells if _LINE_NUMBER.fullmatch(cell.strip())]
    return len(numbers) == len(cells) >= _LINE_NUMBERS_MIN and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


_LINE_NUMBER = re.compile(r"[1-9]\d{0,2}")
_LINE_NUMBERS_MIN = 3


def _counts_up(figures: Sequence[str]) -> bool:
    """Figures 1, 2, 3… down a column: row numbers or ranks."""
    return all(each.isdecimal() for each in figures) and [int(each) for each in figures] == list(
        range(1, len(figures) + 1)
    )


# Columns of figures that are no facts: ranks, codes, line numbers.
_NOT_MEASURED_HEADER = re.compile(
    r"位\s*次|排\s*名|名\s*次|代\s*码|编\s*码|行\s*次|栏\s*次|rank|code", re.IGNORECASE
)


def _statuses_shared(columns: Sequence[Column], group_of: Sequence[int | None]) -> list[Column]:
    """Sub-columns of one group (2016年 over 计划目标值 | 比上年增长(%)) share its status: a
    column naming none takes the one its siblings name, where they name one alone."""
    shared = list(columns)
    for group in {each for each in group_of if each is not None}:
        members = [i for i, each in enumerate(group_of) if each == group and i < len(columns)]
        named = {columns[i].status for i in members} - {None}
        if len(named) == 1:
            status = named.pop()
            for i in members:
                if columns[i].role == "value" and columns[i].status is None:
                    shared[i] = replace(columns[i], status=status)
    return shared


def columns_of(
    headers: Sequence[str],
    body: Sequence[tuple[Line, list[Cell]]],
    *,
    counted: bool = True,
    group_of: Sequence[int | None] = (),
) -> tuple[Column, ...]:
    columns = [row_column(header, counted=counted) for header in headers]
    for index, column in enumerate(columns):
        if _is_serial(column.header, [cells[index] for _, cells in body if index < len(cells)]):
            columns[index] = Column(column.header, "other", None, None, None)
    columns = _changes_with_status(_statuses_shared(columns, group_of))
    for index, column in enumerate(columns):
        cells = [cells[index] for _, cells in body if index < len(cells)]
        if column.role == "other" and _is_year_column(column.header, cells):
            columns[index] = Column(column.header, "period", None, None, None)
        elif column.role == "other" and _holds_units(cells):
            # 鲜猪肉 | 五花肉 | 元/斤 | 15.39 under a header wrapped past telling (计量⏎单位)
            columns[index] = Column(column.header, "unit", None, None, None)
    if not any(column.role == "indicator" for column in columns):
        # No 指标 header: the first column of words labels the rows.
        for index, column in enumerate(columns):
            labels = [cells[index] for _, cells in body if index < len(cells)]
            if column.role in ("other", "value") and _are_labels(labels):
                columns[index] = Column(column.header, "indicator", None, None, column.unit)
                break
    return tuple(columns)


def _changes_with_status(columns: list[Column]) -> list[Column]:
    """A column of changes that names no status (比较, 增减额), in a table whose other value
    columns all name theirs, compares the first of them with another: a budget's change is
    budgeted, a result's achieved."""
    changes = [CHANGE_HEADER.search(fold(c.header)) is not None for c in columns]
    named = [
        c.status
        for c, change in zip(columns, changes, strict=True)
        if c.role == "value" and not change
    ]
    if not named or None in named:
        return columns
    status = named[0]
    return [
        replace(column, status=status)
        if column.role == "value"
        and column.status is None
        and CHANGE_HEADER.search(fold(column.header))
        else column
        for column in columns
    ]


_YEAR_COLUMN_HEADER = re.compile(
    r"^(?:年\s*份|年\s*度|年\s*别|时\s*间|年\s*月|月\s*份|日\s*期|时\s*期|年)?$"
)
YEAR_CELL = re.compile(r"(?:19|20)\d{2}\s*年?")
# A month of a year down the rows (2013.01, 2013-01, 2013年1月): the row is of that year.
_MONTH_CELL = re.compile(
    r"(?:19|20)\d{2}\s*(?:[.\-/]\s*(?:0?[1-9]|1[0-2])|年\s*(?:0?[1-9]|1[0-2])\s*月份?)"
)


def _holds_units(cells: Sequence[Cell]) -> bool:
    """A column whose every filled cell is a unit alone (元/斤, 万元, %): the rows' units."""
    units = [cell.clean for cell in cells if cell.clean]
    return len(units) >= 2 and all(is_unit_word(unit) for unit in units)


def _is_year_column(header: str, cells: Sequence[Cell]) -> bool:
    """A column of years down the rows (`年份`, then 2019, 2020…, or a year alone in a table
    of one row), or of months (`年月`, then 2013.01, 2013.02…): each row is that year's."""
    years = [cell.clean for cell in cells if cell.clean]
    return (
        _YEAR_COLUMN_HEADER.match(re.sub(r"\s+", "", fold(header))) is not None
        and len(years) >= 1
        and all(YEAR_CELL.fullmatch(year) or _MONTH_CELL.fullmatch(year) for year in years)
    )


def _is_serial(header: str, cells: Sequence[Cell]) -> bool:
    """A 序号 column, named or not: numbered 1, 2, 3… down the rows that number anything."""
    if re.search(r"序\s*号", fold(header)):
        return True
    numbers = [cell.clean.rstrip(".、．") for cell in cells if cell.clean]
    return (
        SERIAL_HEADER.match(re.sub(r"\s+", "", header)) is not None
        and len(numbers) >= 2
        and _counts_up(numbers)
    )


def _are_labels(cells: Sequence[Cell]) -> bool:
    """A column of row labels: words, not numbers."""
    return any(cell.text for cell in cells) and not any(is_number_cell(cell) for cell in cells)


def body_of(rows: Sequence[list[Cell]]) -> list[tuple[Line, list[Cell]]]:
    """Rows of cells a grid reading built, as `columns_of` reads a body: each with the line it
    starts, named by its first cell."""
    return [(Line(row[0].start, row[0].text, None), row) for row in rows]


def stream_columns(
    headers: Sequence[str], body: Sequence[tuple[Line, list[Cell]]]
) -> tuple[Column, ...]:
    """The columns of a one-cell-per-line table. Past the row labels every column holds
    numbers, so each is a value column; one whose header names neither a unit nor a measure
    (`城市`, `农村` under a spanning `全省(%)` flattened before them) takes the unit of the
    column on its left."""
    columns = list(columns_of(headers, body))
    for index, column in enumerate(columns):
        if column.role != "other" or SKIP_HEADER.search(fold(column.header)):
            continue
        # A column of a month or months (5月, 1-5月) is the period of what the row measures.
        named = names_a_measure(column.header) or MONTHS_HEADER.fullmatch(
            re.sub(r"\s+", "", fold(column.header))
        )
        left = columns[index - 1].unit if index > 0 and not named else None
        columns[index] = replace(column, role="value", unit=column.unit or left)
    return tuple(columns)


def fit_to_body(headers: Sequence[str], body: Sequence[Sequence[Cell]]) -> int:
    """How many body cells agree with their header: decimals under a `%`, whole numbers
    elsewhere, and no amount over a few hundred under a rate."""
    folded = [fold(header) for header in headers]
    percent = [header.rstrip().endswith("%") for header in folded]
    rate = ["%" in header for header in folded]
    fit = 0
    for cells in body:
        for index, cell in enumerate(cells[: len(headers)]):
            words = fold(cell.clean)
            if NUMBER_CELL.fullmatch(words):
                fit += ("." in words) == percent[index]
                # A rate column (增速(±%)) does not hold 1663: an amount stands under it.
                value = figure_value(words.rstrip("%*").replace("−", "-"))
                over = value is not None and abs(value) > _RATE_MAX
                fit -= 2 * (rate[index] and over)
    return fit


def figure_kinds(body: Sequence[Sequence[Cell]]) -> list[list[bool | None]]:
    """Each body cell's kind of figure: True with decimals, False whole, None no figure."""
    return [
        [("." in fold(cell.clean)) if is_number_cell(cell) else None for cell in cells]
        for cells in body
    ]


def groups_alike(groups: Sequence[range], kinds: Sequence[Sequence[bool | None]]) -> int:
    """How many figures stand in a row's group of columns whose figures are of one kind, all
    whole or all with decimals (`kinds`, as `figure_kinds` reads a body): sub-columns of one
    group measure alike (`SO2 | NO2 | PM10 | PM2.5` under `平均濃度(μg/m3)`), where a group
    placed over the wrong run of columns, or over too few of them, mixes a measure's whole
    numbers with the next one's decimals (`18 | 1.0`) or leaves alike figures out. Nothing
    where every figure of the body is of one kind: then it tells no placing from another."""
    if len({kind for row in kinds for kind in row if kind is not None}) < 2:
        return 0
    alike = 0
    for row in kinds:
        for group in groups:
            figures = [row[at] for at in group if at < len(row) and row[at] is not None]
            if len(figures) > 1 and len(set(figures)) == 1:
                alike += len(figures)
    return alike


# The largest figure a column of rates plausibly holds (a plan fulfilled at 180%).
_RATE_MAX = 200
