"""The grids the layout finders find (boxes, sideways, columnwise, flattened, scorecards,
target lists, yearbooks, spaced letters, statements, ledgers, column blocks, comma rows,
period rows, label rows, ranked rows, fused rows, records), each read into a `Table`: its
columns' roles and units from the grid's header, its rows from the grid's cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Protocol

from llmx.folding import fold
from llmx.lines import CJK, HAS_CJK, Span
from llmx.quantities import find_quantities
from llmx.tables.boxes import BoxGrid, find_boxes
from llmx.tables.captions import (
    CAPTION,
    PROSE_LINE,
    TABLE_NUMBER,
    line_before,
    lines_before,
)
from llmx.tables.cellruns import NO_VALUE
from llmx.tables.columnblocks import ColumnBlocks, find_column_blocks
from llmx.tables.columnroles import (
    YEAR_CELL,
    body_of,
    columns_of,
    figures_in_stated_units,
    stream_columns,
)
from llmx.tables.columnwise import ColumnwiseGrid, find_columnwise
from llmx.tables.commarows import CommaGrid, find_comma_tables
from llmx.tables.flattened import FlatGrid, find_flattened
from llmx.tables.fusedrows import FusedGrid, find_fused_rows
from llmx.tables.headers import (
    BASE_CAPTION,
    BASE_NOTE,
    BRACKETED,
    CHANGE_HEADER,
    MONEY_UNITS,
    NOT_DATA,
    RATE_UNITS,
    UNIT_LINE,
    UNIT_LOOKBACK,
    Unit,
    header_unit,
    label_unit,
    names_a_unit,
    parent_name,
    unbracketed,
    unit_line_unit,
    unit_of_words,
)
from llmx.tables.labelrows import LabelRowsGrid, find_label_rows
from llmx.tables.ledger import LedgerGrid, find_ledgers
from llmx.tables.parts import labelled_parts
from llmx.tables.periodrows import PeriodGrid, find_period_rows
from llmx.tables.ranked import RankedGrid, find_ranked
from llmx.tables.records import Field, find_records
from llmx.tables.runtogether import TargetList, find_target_lists
from llmx.tables.scorecards import Scorecard, find_scorecards
from llmx.tables.sideways import SidewaysGrid, find_sideways
from llmx.tables.spaced import SpacedGrid, find_spaced
from llmx.tables.statements import StatementGrid, find_statements
from llmx.tables.table import (
    Cell,
    Column,
    Row,
    Table,
    cell_at,
    column_of,
    figure_value,
    row_column,
    span_cell,
)
from llmx.tables.taken import TakenSpans, unclaimed
from llmx.tables.yearbook import YearbookColumn, YearbookGrid, english_unit, find_yearbooks
from llmx.vocabulary import is_fact_unit, magnitude_prefix


def box_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Box-drawn grids (llmx.tables.boxes) as tables, their unit from a `單位:` line above."""
    return [_box_table(text, grid) for grid in unclaimed(find_boxes(text), taken)]


def _box_table(text: str, grid: BoxGrid) -> Table:
    rows = [
        [
            Cell(span[0], span[1], text[span[0] : span[1]])
            if span
            else Cell(grid.end, grid.end, "")
            for span in row
        ]
        for row in grid.rows
    ]
    body = body_of(rows)
    above = _captions_above(text, grid.start)
    unit = unit_line_unit(" ".join(above))
    columns = columns_of(grid.headers, body)
    if unit is not None:
        # 国有单位 | 集体单位 under 单位:万人: columns of whose figures they are, in its unit.
        columns = figures_in_stated_units(columns, body)
    return Table(
        grid.start,
        grid.end,
        above[-1] if above else "",
        columns,
        tuple(Row(tuple(row)) for row in rows),
        layout="box",
        unit=unit,
    )


_ENGLISH_ONLY = re.compile(f"[^{CJK}]*[A-Za-z]{{3}}[^{CJK}]*")


def _captions_above(text: str, position: int) -> list[str]:
    """The words of the lines right above `position` (a title, a `单位：` line), nearest last;
    a blank line after the first ends them. A yearbook's English line under each Chinese one
    (`Composition of Gross Domestic Product`) translates it and is passed over."""
    found: list[str] = []
    for line in reversed(lines_before(text, position, UNIT_LOOKBACK * 4)):
        if _ENGLISH_ONLY.fullmatch(line.strip()):
            continue
        if line.strip():
            found.append(line.strip())
        elif found:
            break
        if len(found) == UNIT_LOOKBACK:
            break
    return found[::-1]


def sideways_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Sideways grids (llmx.tables.sideways) as tables: one row per label, one value column per
    measure line, each headed by the measure's name above the grid."""
    return [_sideways_table(text, grid) for grid in unclaimed(find_sideways(text), taken)]


def _sideways_table(text: str, grid: SidewaysGrid) -> Table:
    rows = [
        [cell_at(text, label), *(cell_at(text, line[index]) for line in grid.values)]
        for index, label in enumerate(grid.labels)
    ]
    headers = ["", *(cell_at(text, span).text if span else "" for span in grid.measures)]
    body = body_of(rows)
    title = line_before(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        title,
        stream_columns(headers, body),
        tuple(Row(tuple(row)) for row in rows),
        layout="sideways",
        unit=unit_line_unit(title),
    )


def columnwise_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Column-by-column grids (llmx.tables.columnwise) as tables: one row per label, one value
    column per year, an empty cell where the column's line was blank."""
    return [_columnwise_table(text, grid) for grid in unclaimed(find_columnwise(text), taken)]


def _columnwise_table(text: str, grid: ColumnwiseGrid) -> Table:
    rows = [
        [
            span_cell(text, label, 0),
            *(span_cell(text, column[index], 0) for column in grid.columns),
        ]
        for index, label in enumerate(grid.labels)
    ]
    stub = span_cell(text, grid.stub, 0).text if grid.stub else ""
    headers = [stub, *(span_cell(text, span, 0).text for span in grid.headers)]
    body = body_of(rows)
    columns = [
        replace(column, role="indicator")
        if index == 0
        else replace(column, role="value", period=column.period or grid.years[index - 1] or None)
        for index, column in enumerate(columns_of(headers, body))
    ]
    if any(grid.units):  # sub-items in the unit of the row above them: a unit column
        columns.insert(1, Column("", "unit", None, None, None))
        rows = [
            [row[0], span_cell(text, unit, 0), *row[1:]]
            for row, unit in zip(rows, grid.units, strict=True)
        ]
    above = _captions_above(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        above[-1] if above else "",
        tuple(columns),
        tuple(Row(tuple(row)) for row in rows),
        layout="columnwise",
        unit=unit_line_unit(" ".join(above)),
    )


def flattened_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Flattened tables (llmx.tables.flattened) as tables: the row labels, then a value column per
    header; a row the text cuts short keeps the cells it has."""
    return [_flattened_table(text, grid) for grid in unclaimed(find_flattened(text), taken)]


def _flattened_table(text: str, grid: FlatGrid) -> Table:
    width = len(grid.headers)
    rows = [
        [Cell(start, end, text[start:end]) for start, end in row]
        + [Cell(grid.end, grid.end, "")] * (width - len(row))
        for row in grid.rows
    ]
    body = body_of(rows)
    title = text[grid.title[0] : grid.title[1]] if grid.title else line_before(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        title,
        _counted_on(stream_columns(grid.headers, body)),
        tuple(Row(tuple(row)) for row in rows),
        layout="flattened",
        unit=unit_line_unit(title),
    )


def _counted_on(columns: Sequence[Column]) -> tuple[Column, ...]:
    """Value columns that write no unit of their own in the unit of the nearest count on
    their left: a count's unit is written once, under the first count (总人口 over (万人),
    then 城镇人口, 乡村人口), while a rate names its one column (比重(%)) only."""
    fitted: list[Column] = []
    count: Unit | None = None
    for column in columns:
        own = header_unit(column.header)
        if column.role == "value" and own is None:
            column = replace(column, unit=count)
        elif own is not None and own[0] not in RATE_UNITS:
            count = own
        fitted.append(column)
    return tuple(fitted)


_POINTS: Unit = ("分", 1.0)


def scorecard_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Each self-evaluation form (llmx.tables.scorecards) as three tables: its funds, in the form's
    money unit, budgeted and spent; its indicators' targets and achieved values, an achieved
    figure in the unit its target writes (≥50个, then 50); and the points each indicator and
    each first-level group is worth (分值) and scored (得分)."""
    return [
        table
        for card in unclaimed(find_scorecards(text), taken)
        for table in _scorecard_parts(text, card)
    ]


def _scorecard_parts(text: str, card: Scorecard) -> list[Table]:
    tables: list[Table] = []
    money = unit_of_words(card.money)
    if card.funds:
        headers = [text[start:end] for start, end in card.funds_header]
        columns = (
            Column("", "indicator", None, None, None),
            *(_scorecard_column(header, money) for header in headers),
        )
        end = card.funds[-1].figures[-1][1]
        rows = tuple(
            Row(
                (
                    span_cell(text, row.label, end),
                    *(span_cell(text, span, end) for span in row.figures),
                    *(span_cell(text, None, end) for _ in range(len(headers) - len(row.figures))),
                )
            )
            for row in card.funds
        )
        tables.append(
            Table(card.start, end, card.title, columns, rows, layout="scorecard", unit=money)
        )
    start, end = card.indicators_start, card.end
    target, achieved, points, scored = (text[a:b] for a, b in card.indicators_header)
    values = (
        Column("", "indicator", None, None, None),
        Column(target, "value", "target", None, None, name=""),
        Column(achieved, "value", "actual", None, None, name=""),
        Column("", "unit", None, None, None),
    )
    rows = tuple(
        Row(
            (
                span_cell(text, row.name, end),
                span_cell(text, row.target, end),
                span_cell(text, row.achieved, end),
                span_cell(text, row.unit, end),
            )
        )
        for row in card.indicators
    )
    tables.append(Table(start, end, card.title, values, rows, layout="scorecard"))
    marks = (
        Column("", "indicator", None, None, None),
        Column(points, "value", "target", None, _POINTS, name=points),
        Column(scored, "value", "actual", None, _POINTS, name=scored),
    )
    rows = tuple(
        Row(
            (
                span_cell(text, row.name, end),
                span_cell(text, row.points, end),
                span_cell(text, row.scored, end),
            )
        )
        for row in card.indicators
    ) + tuple(
        Row(
            (
                span_cell(text, group.name, end),
                span_cell(text, group.points, end),
                span_cell(text, None, end),
            )
        )
        for group in card.groups
    )
    tables.append(Table(start, end, card.title, marks, rows, layout="scorecard"))
    return tables


def _scorecard_column(header: str, money: Unit | None) -> Column:
    """A funds column: an amount in the form's money unit, budgeted (预算数) or spent
    (执行数); the points it is worth (分值) or scored (得分); or the share spent (执行率)."""
    folded = fold(header)
    if "分" in folded:
        status = "actual" if folded.startswith("得") else "target"
        return Column(header, "value", status, None, _POINTS, name=header)
    if folded.endswith("率"):
        return Column(header, "value", "actual", None, ("%", 1.0), name=header)
    status = "actual" if "执行" in folded else "target"
    return Column(header, "value", status, None, money, name=header)


def target_list_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Each indicator of a run-together target table (llmx.tables.runtogether) as a one-row table
    of its own (name, unit, target), so that the words between them (a target in words, 翻一番
    (全省人均GDP ≥ 10万元)) are still read as prose."""
    return [
        table
        for found in unclaimed(find_target_lists(text), taken)
        for table in _target_list_rows(text, found)
    ]


def _target_list_rows(text: str, found: TargetList) -> list[Table]:
    header = text[found.header[0] : found.header[1]]
    columns = (
        Column("", "indicator", None, None, None),
        Column("", "unit", None, None, None),
        Column(header, "value", "target", found.year, None, name=""),
    )
    return [
        Table(
            row.number[0] if row.number else row.name[0],  # its number is no figure
            row.target[1],
            header,
            columns,
            (Row(tuple(Cell(a, b, text[a:b]) for a, b in (row.name, row.unit, row.target))),),
            layout="runtogether",
        )
        for row in found.rows
    ]


def yearbook_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Yearbook grids (llmx.tables.yearbook) as tables, one per captioned part: titled by its
    caption (a group, a unit line, the row its sub-items sit under) and in the caption's unit."""
    return [
        table
        for grid in unclaimed(find_yearbooks(text), taken)
        for table in _yearbook_parts(text, grid)
    ]


def _yearbook_parts(text: str, grid: YearbookGrid) -> list[Table]:
    units = (Column("单位", "unit", None, None, None),) if grid.unit_column else ()
    columns = (
        Column("", "indicator", None, None, None),
        *units,
        *(_yearbook_column(column) for column in grid.columns),
    )
    above = " ".join(_captions_above(text, grid.start))
    line_unit = unit_line_unit(above)
    tables: list[Table] = []
    carried: Unit | None = None  # the unit the last row writing one gives the rows below it
    for part in grid.parts:
        caption = text[part.caption[0] : part.caption[1]] if part.caption else ""
        rows = tuple(
            Row(
                (
                    *(_label_and_unit(text, row.label) if units else [cell_at(text, row.label)]),
                    *(span_cell(text, span, part.end) for span in row.cells),
                )
            )
            for row in part.rows
        )
        own = header_unit(caption)
        chinese = None if own or HAS_CJK.search(caption) else english_unit(caption)
        english = magnitude_prefix(chinese) if chinese else None  # 万吨: 吨, 1e4
        unit = own or english or line_unit
        written = [label_unit(text[row.label[0] : row.label[1]]) for row in part.rows]
        # Rows after the items of a row that wrote its unit (`从业人员人数 (万人)`, its
        # `#城镇单位从业人员`, then `国有单位`…) are in that unit, down to a row writing its own,
        # from which the rows' own headings give it.
        heads = [at for at, found in enumerate(written) if found]
        head = heads[0] if heads else len(rows)
        inherited = carried if unit is None and part.caption is None and head > 0 else None
        carried = written[heads[-1]] if heads else (own or carried)
        # the caption's measure, else the title's; a caption in English alone says its unit
        title = above if english else f"{above} {caption}".strip()
        parent = ""
        if own:
            # `一、全社会固定资产投资(亿元)` over its items, under a title `…投资额及房屋建筑面积`:
            # they measure the caption, not the title's last measure; `male` under
            # `劳动参与率(%)` is a part of it.
            title = caption
            parent = parent_name(caption)
        table = Table(
            part.start, part.end, title, columns, rows, layout="yearbook", unit=unit, parent=parent
        )
        if inherited is None:
            tables.append(table)
            continue
        for first, end in pairwise([0, *heads, len(rows)]):
            if first < end:
                unit_here = written[first] if first in heads else inherited
                tables.append(replace(table, rows=rows[first:end], unit=unit_here))
    return tables


def _label_and_unit(text: str, label: Span) -> list[Cell]:
    """A label's cell and its unit's, under a header naming a column of units: the unit the
    label's last word is (`诊疗人次数 万人次`), or an empty cell after a label that has none
    (`机构数`)."""
    words = _LAST_WORD.search(text, label[0], label[1])
    unit = unit_of_words(words.group(2)) if words else None
    if words is None or unit is None or not is_fact_unit(unit[0]):
        return [cell_at(text, label), Cell(label[1], label[1], "")]
    return [cell_at(text, (label[0], words.end(1))), cell_at(text, words.span(2))]


# A label's words, then its last word after a space: maybe the row's unit.
_LAST_WORD = re.compile(r"(\S.*?)[ \u3000]+(\S{1,6})$")


def _yearbook_column(column: YearbookColumn) -> Column:
    """A level in its year; an index on a base year, in % of that year's level (the heading's
    `2007为以下各年` names each base); an average growth over a span of years."""
    heading = column.heading
    if column.is_index:
        base = f"{column.years}年"
        name = (
            heading.replace("以下各年", base if "以下各年为" in heading else f"{base}的%")
            if "以下各年" in heading
            else f"{unbracketed(heading)}({base}为100)"
        )
        return Column(name, "value", None, None, ("%", 1.0), name=name, periodless=True)
    if column.is_span:
        # Under `2014-2023(%)` the span is the name, its unit after it as written.
        name = (
            f"{column.years}{heading}"
            if BRACKETED.fullmatch(heading)
            else f"{unbracketed(heading)}({column.years})"
        )
        return Column(name, "value", None, None, header_unit(heading), name, periodless=True)
    if not column.years:
        return replace(row_column(heading), role="value")
    return Column(f"{heading}{column.years}年", "value", None, column.years, header_unit(heading))


# What a line of bracketed rates under a row gives: each year's change on the year before.
_SPACED_CHANGE = "按年变动(%)"


def spaced_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Letter-spaced grids (llmx.tables.spaced) as tables, one per group heading: titled by the
    heading and in its unit, a value column per year, then a column of change rates per year
    for the rows that give them."""
    return [
        table for grid in unclaimed(find_spaced(text), taken) for table in _spaced_parts(text, grid)
    ]


def _spaced_parts(text: str, grid: SpacedGrid) -> list[Table]:
    columns = (
        Column("", "indicator", None, None, None),
        *(Column(f"{year}年", "value", None, year, None) for year in grid.years),
        *(
            Column(f"{year}年{_SPACED_CHANGE}", "value", None, year, ("%", 1.0))
            for year in grid.years
        ),
    )
    blank = (None,) * len(grid.years)
    tables: list[Table] = []
    for part in grid.parts:
        rows = tuple(
            Row(
                (
                    Cell(row.label[0], row.label[1], row.name),
                    *(
                        span_cell(text, span, part.end)
                        for span in (*row.cells, *(row.changes or blank))
                    ),
                )
            )
            for row in part.rows
        )
        title = part.heading or line_before(text, grid.start)
        unit = header_unit(part.heading) if part.heading else None
        tables.append(Table(part.start, part.end, title, columns, rows, "spaced", unit))
    return tables


def statement_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Statements (llmx.tables.statements) as tables: the row's label, then a figure per
    column in its column's unit (港幣百萬元 is 元 × 1e6), under the table's name above."""
    return [_statement_table(text, grid) for grid in unclaimed(find_statements(text), taken)]


def _statement_table(text: str, grid: StatementGrid) -> Table:
    columns = [Column("", "indicator", None, None, None)]
    for header, unit in zip(grid.headers, grid.units, strict=True):
        column = column_of(header)  # 二零零七至零八年度: a fiscal year's first
        columns.append(replace(column, role="value", unit=unit_of_words(unit)))
    rows = tuple(
        Row(
            (
                Cell(*row.label, row.words),  # under its groups, its lines joined
                *(span_cell(text, c, grid.end) for c in row.cells),
            )
        )
        for row in grid.rows
    )
    title = text[grid.title[0] : grid.title[1]] if grid.title else ""
    return Table(grid.start, grid.end, title, tuple(columns), rows, layout="statement")


def ledger_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Budget ledgers (llmx.tables.ledger) as tables of items and their amounts, cut into parts
    under their parents (see `outline_parts`)."""
    grids = list(unclaimed(find_ledgers(text), taken))
    folded = fold(text) if grids else ""  # what comes before each, once for them all
    return [table for grid in grids for table in _ledger_table(text, folded, grid)]


def _ledger_table(text: str, folded: str, grid: LedgerGrid) -> list[Table]:
    """A ledger's amounts are money: in the unit a `单位:` line or the header's brackets give
    (`金額(千元)`), else 元, since a currency's name stays out of the unit (`金額 (澳門幣)`,
    `$ 3,082,614.90`). The amounts of a budget (`預算`, not `決算`) are planned."""
    header = span_cell(text, grid.header, grid.start).text
    title = " ".join(_captions_above(text, grid.start)[-1:])
    said = unit_line_unit(title) or header_unit(header) or unit_of_words(header)
    unit = said if said and said[0] in MONEY_UNITS else ("元", said[1] if said else 1.0)
    before = folded[: grid.start]
    planned = "预算" in before and not _SETTLED_BUDGET.search(before)
    columns = (
        Column("", "indicator", None, None, None),
        # `金額` names no measure: each amount is its item's.
        Column(header, "value", "target" if planned else None, None, unit, name=""),
    )
    table = Table(grid.start, grid.end, title, columns, (), layout="ledger", unit=unit)
    return labelled_parts(text, table, grid)


_SETTLED_BUDGET = re.compile(r"决算|执行情况")


def column_block_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Tables set a column to a cell (llmx.tables.columnblocks): the first column of words labels
    the rows, one headed 单位 gives each row its unit, and a column of figures measures what
    its header names, in its unit (`比上年增長%`)."""
    return [_column_block_table(text, grid) for grid in unclaimed(find_column_blocks(text), taken)]


def _column_block_table(text: str, grid: ColumnBlocks) -> Table:
    headers = [text[a:b] for a, b in grid.headers]
    figures = [
        all(
            figure_value(text[a:b]) is not None or NO_VALUE.fullmatch(text[a:b].strip())
            for a, b in block
        )
        for block in grid.columns
    ]
    label = figures.index(False) if False in figures else None
    columns = tuple(
        _block_column(header, figured, labels=index == label)
        for index, (header, figured) in enumerate(zip(headers, figures, strict=True))
    )
    rows = tuple(
        Row(tuple(Cell(a, b, text[a:b]) for a, b in cells))
        for cells in zip(*grid.columns, strict=True)
    )
    # `2008年主要工業產品產量` over `表2`: the title and the table's number, no prose.
    captions = [line for line in _captions_above(text, grid.start) if not PROSE_LINE.search(line)]
    title = " ".join(captions[-2:])
    return Table(grid.start, grid.end, title, columns, rows, layout="blocks")


def _block_column(header: str, figured: bool, *, labels: bool) -> Column:
    """A block's column: figures measure what the header names; of the word blocks, one
    headed 单位 gives the rows' units and the first labels the rows."""
    column = row_column(header)
    if figured:
        return replace(column, role="value", unit=header_unit(header))
    if column.role == "unit":
        return column
    return Column(header, "indicator" if labels else "other", None, None, None)


def comma_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Comma-separated tables (llmx.tables.commarows): the column whose fields are words labels
    the rows, an identifier column (`_id`, `序号`) is no measure, and every other column
    measures what its name says, in the unit it or a `单位:` line above names (`…/增減百分比`);
    a table that names no unit anywhere gives its amounts as written."""
    return [_comma_table(text, grid) for grid in unclaimed(find_comma_tables(text), taken)]


def _comma_table(text: str, grid: CommaGrid) -> Table:
    names = [text[a:b] for a, b in grid.names]

    def worded(index: int) -> bool:
        fields = [text[a:b] for a, b in (row[index] for row in grid.rows)]
        return sum(bool(HAS_CJK.search(field)) for field in fields) * 2 > len(fields)

    labels = [index for index in range(len(names)) if worded(index)][:1]
    columns = tuple(
        Column(name, "indicator", None, None, None)
        if index in labels
        else Column(name, "other", None, None, None)
        if _IDENTIFIER_HEADER.fullmatch(fold(name).strip())
        else replace(row_column(name), role="value", unit=header_unit(name))
        for index, name in enumerate(names)
    )
    rows = tuple(Row(tuple(Cell(a, b, text[a:b]) for a, b in row)) for row in grid.rows)
    title = " ".join(_captions_above(text, grid.start)[-1:])
    unnamed = not names_a_unit("\n".join([title, *names]))
    unit = unit_line_unit(title) or (("", 1.0) if unnamed else None)  # 单位:千元 above it
    return Table(grid.start, grid.end, title, columns, rows, layout="comma", unit=unit)


_IDENTIFIER_HEADER = re.compile(r"_?id|序号|编号|项次", re.IGNORECASE)


def period_tables(text: str, taken: TakenSpans, *, headless: bool = False) -> list[Table]:
    """Grids of period rows (llmx.tables.periodrows) as tables: the period column, then a value
    column per measure, named by the header or else by the title. Under a base note
    (`(上年=100)`, `1978年=100`) the figures are indices, with no unit."""
    grids = find_period_rows(text, headless=headless)
    return [_period_table(text, grid) for grid in unclaimed(grids, taken)]


def _period_table(text: str, grid: PeriodGrid) -> Table:
    # A paragraph right above is no caption: its words (以女性为100, a ratio's base) are not
    # the table's.
    captions = [line for line in _captions_above(text, grid.start) if not PROSE_LINE.search(line)]
    title = " ".join(captions)
    indices = BASE_NOTE.search(fold(title)) is not None
    columns = [Column("", "period", None, None, None)]
    for name in grid.names:
        column = replace(row_column(name), role="value")
        if indices and column.unit is None:
            column = replace(column, unit=("", 1.0))
        columns.append(column)
    return Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        _label_then_cells(text, grid.rows),
        layout="periods",
        unit=unit_line_unit(title) or _unit_over_header(text, grid),
    )


def _unit_over_header(text: str, grid: PeriodGrid) -> Unit | None:
    """The unit of a `单位:` line over a header whose names wrapped over several lines, which
    therefore names no column (a yearbook's: `单位:万平方米`, then `房屋销售`, `年 份`, `面 积`,
    …): one unit alone, within the header's lines; a blank line, a sentence, a new table's
    title or a row of another table's figures ends them."""
    if any(grid.names):
        return None  # a header that names its columns: its own lines say their units
    for line in reversed(lines_before(text, grid.start, _HEADER_LINES_MAX)):
        words = fold(line).strip()
        if not words or PROSE_LINE.search(line) or _FIGURE_ALONE.search(words):
            return None  # a figure (增长率 5.2, 收入合计 1005 1203): another table's row
        if BASE_CAPTION.search(words):
            return None  # (上年=100): indices, no unit
        found = UNIT_LINE.search(words) if _UNIT_LINE_START.match(words) else None
        if found is not None:
            unit = unit_of_words(found.group(1).strip())
            alone = len(UNIT_LINE.findall(words)) == 1 and not _LISTED.search(found.group(1))
            return unit if alone and unit is not None and is_fact_unit(unit[0]) else None
        if CAPTION.match(words) or TABLE_NUMBER.match(words):
            return None  # a new table's title: the unit line above it is another table's
    return None


# A cell of a figure alone: not a year, nor a span (`2-3层`).
_FIGURE_ALONE = re.compile(r"(?:^|\s)[-−+]?(?!(?:19|20)\d{2}(?:\s|$))\d[\d,]*(?:\.\d+)?%?(?=\s|$)")
_UNIT_LINE_START = re.compile(r"单\s*位")  # not a note's (注:单位:亿元)
_LISTED = re.compile(r"[、/，,;；:：]|\S\s+\S")  # 万平方米/亿元, 面积:万平方米, 面积 万平方米
_HEADER_LINES_MAX = 8  # a header's lines, and a caption's, between a unit line and the rows


def label_row_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Grids of label-then-figures rows (llmx.tables.labelrows) as tables: the label column, then a
    value column per header cell, in the unit its brackets give."""
    return [_label_row_table(text, grid) for grid in unclaimed(find_label_rows(text), taken)]


def _label_row_table(text: str, grid: LabelRowsGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    columns = [Column(grid.label_head, "indicator", None, None, None)]
    columns += [replace(row_column(name), role="value") for name in grid.names]
    return Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        tuple(
            Row(
                (
                    span_cell(text, row.label, 0),
                    *(span_cell(text, span, row.label[1]) for span in row.cells),
                )
            )
            for row in grid.rows
        ),
        layout="lines",
        unit=unit_line_unit(title),
    )


def ranked_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Ranking grids (llmx.tables.ranked) as tables: the label column, then a value column per
    measure, its ranks left out. A `单位:` line listing a unit per measure (`万吨、千克`)
    gives each measure its own, in order; else its one unit is the table's."""
    return [_ranked_table(text, grid) for grid in unclaimed(find_ranked(text), taken)]


def _ranked_table(text: str, grid: RankedGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    unit_line = UNIT_LINE.search(fold(title))
    words = re.split(r"[、/]", unit_line.group(1)) if unit_line else []
    measures = list(dict.fromkeys(grid.measures))
    units: dict[str, Unit | None] = {}
    if len(words) > 1 and len(words) == len(measures) and all(measures):
        units = dict(zip(measures, (unit_of_words(word) for word in words), strict=True))
    columns = [Column("", "indicator", None, None, None)]
    for name, measure in zip(grid.names, grid.measures, strict=True):
        column = replace(row_column(name), role="value")
        columns.append(replace(column, unit=column.unit or units.get(measure)))
    return Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        _label_then_cells(text, grid.rows),
        layout="lines",
        unit=unit_of_words(unit_line.group(1)) if unit_line and not units else None,
    )


def fused_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Grids of rows whose figures ran together (llmx.tables.fusedrows) as tables: a column per
    period of the header, in its year; the unit a `单位:` line above gives, or none where the
    page names none."""
    return [_fused_table(text, grid) for grid in unclaimed(find_fused_rows(text), taken)]


def _fused_table(text: str, grid: FusedGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    columns = [Column("", "indicator", None, None, None)]
    for (start, end), year in zip(grid.periods, grid.years, strict=True):
        columns.append(Column(text[start:end], "value", None, year, None))
    rows = _label_then_cells(text, grid.rows)
    unit = unit_line_unit(title) or ("", 1.0)
    return Table(grid.start, grid.end, title, tuple(columns), rows, layout="fused", unit=unit)


class _LabelledCells(Protocol):
    """A row a finder gives as its label's span and its cells' spans."""

    @property
    def label(self) -> Span: ...

    @property
    def cells(self) -> Sequence[Span]: ...


def _label_then_cells(text: str, rows: Iterable[_LabelledCells]) -> tuple[Row, ...]:
    return tuple(
        Row((cell_at(text, row.label), *(cell_at(text, span) for span in row.cells)))
        for row in rows
    )


def record_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Record runs (llmx.tables.records) as tables, one per record: a record is a row that gives
    its header again. Its columns are the run's, worked out once; a field the record leaves
    blank (`─`) is no column of its row, so a change in it (增幅) is the change of its nearest
    filled amount to the left and takes that one's status (a budget's growth where the
    outcome is still `─`)."""
    tables: list[Table] = []
    for run in unclaimed(find_records(text), taken):
        title = line_before(text, run.start)
        columns = [
            _record_column(text[key[0] : key[1]], values, index)
            for index, (key, values) in enumerate(_record_columns(text, run.records))
        ]
        for record in run.records:
            cells = [Cell(*field.value, text[field.value[0] : field.value[1]]) for field in record]
            row_columns = list(columns)
            status: str | None = None
            for index, (column, cell) in enumerate(zip(columns, cells, strict=True)):
                if column.role != "value":
                    continue
                if not re.search(r"\d", cell.text):  # not out yet (─): no amount to change
                    row_columns[index] = replace(column, role="other")
                elif column.status is None and status and CHANGE_HEADER.search(fold(column.header)):
                    row_columns[index] = replace(column, status=status)
                elif column.status:
                    status = column.status
            tables.append(
                Table(
                    record[0].key[0],
                    record[-1].value[1],
                    title,
                    tuple(row_columns),
                    (Row(tuple(cells)),),
                    layout="records",
                )
            )
    return tables


def _record_columns(
    text: str, records: Sequence[Sequence[Field]]
) -> list[tuple[tuple[int, int], list[str]]]:
    """For each key, its span in the first record and the values every record gives it."""
    return [
        (field.key, [fold(text[r[index].value[0] : r[index].value[1]]).strip() for r in records])
        for index, field in enumerate(records[0])
    ]


def _record_column(header: str, values: Sequence[str], index: int) -> Column:
    """A record key's column: the first key labels the record (its year, or its name); a
    key whose values hold numbers is measured where the key names a measure, a status or a
    unit (`预算(元)`, `增幅`) or the values write their own (`35万人`): a bare number under
    any other key (`电话`, `编号`) is no quantity. Any other key is left aside."""
    filled = [value for value in values if value]
    if index == 0 and filled and all(YEAR_CELL.fullmatch(value) for value in filled):
        return Column(header, "period", None, None, None)
    column = row_column(header)
    numbers = [value for value in filled if re.search(r"\d", NOT_DATA.sub("", value))]
    if not numbers:
        return Column(header, "indicator" if index == 0 else "other", None, None, None)
    if column.role == "value" or all(_has_unit(value) for value in numbers):
        return replace(column, role="value")
    return Column(header, "other", None, None, None)


def _has_unit(value: str) -> bool:
    return any(quantity.has_unit for quantity in find_quantities(value))
