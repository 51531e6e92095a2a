"""Finding the tables of a text, whatever layout the text gives them: `find_tables` runs
every layout's reading in order, each on the text the ones before it left.

Layouts, each with its own finder, all giving the same `Table`:

- one cell per line (the seeds): a row is a run of tab-indented lines, one cell each, rows
  are separated by a blank line, and a cell that wrapped continues on following unindented
  lines;
- one row per line, cells separated by pipes (`指 标 | 绝对量(亿元) | 比上年增长(%) |`, with
  or without outer pipes, with or without a Markdown separator row), by tabs, or by runs of
  two or more spaces (columns aligned as PDF text gives them). Readers write the tables they
  know this way, ` | ` between cells;
- one cell per line with nothing to mark rows (text copied from a web page's table, maybe
  with a lone `|` line between cells): the header's cells, then rows of as many cells, each
  a row label followed by numbers;
- two panels side by side (a balance table, `收入 | 执行数 | 支出 | 执行数`), in pipe rows or
  one cell per line with a trailing pipe: every row an (item, amount) pair per panel, either
  left empty; each panel is a table of its own;
- one cell per line, each row a year and its figures (a yearbook's series over selected
  years): a header of `年份` and the column names (maybe wrapped a letter per line, under a
  group heading spread the same way, `粮`, `食`), units on lines of their own, maybe an
  English header; printed as panels side by side, the header repeats once per panel and the
  rows alternate between panels, read as one table of years (`llmx.tables.yearrowtables`);
- column by column, one cell per line (`llmx.tables.columnwise`): a header row of years, the row
  labels one per line, then each year's values, a blank line for an empty cell;
- records, one `key:value` line per cell, each record opening with the same key (`年份:2007`,
  `预算(元):3,509亿`, …, then `年份:2006`, …): each record is a one-row table whose keys
  are its header (llmx.tables.records);
- letters spaced out (`llmx.tables.spaced`): labels a space between every letter (`以 当 时 市 价
  计 算 1,246.1   1,220.0`), a header line of years (maybe marked, `2003 @`), group headings
  with their unit, and under a row maybe a line of its change rates in brackets (`(-2.6)
  (+5.1)`): a table per group, a value column per year, then a change column per year;
- one cell per line, each closed by a pipe (`农业 |`, a lone `|` for an empty cell;
  llmx.tables.piped): rows found by their shape (a label or a year, then numbers, units or empty
  cells), or opened by a pipe (`  | 人口 | `); an English header row left out, a flattened
  header of two rows put back; rows that are years are read as the transpose; rows of
  months (`2012年9月份`, `10月份`) take the year the last label that writes one gives;
- two columns, a label then its value, one cell per line (llmx.tables.pairs): `指标`, `总量指标`,
  then `粮食产量(万吨)`, ` 稻谷`, `1020.5`, …; a row without a value heads the rows under it;
- flattened onto one line, every cell cut off by a pipe (`表5 …|地区|人口|(万人)|全市|96.4|
  …|甲县|30.5|…`), or by a space on a line that opens on the row labels' header (`指 标 …`):
  a title, a header of several rows whose breaks and spans were lost, then the rows, a label
  and as many values each (llmx.tables.flattened);
- a yearbook table run onto one line with spaces (PDF text copied without its line breaks):
  a header of rising years or fiscal years (`2016/17`), then rows of a label, maybe its
  English, and one figure per year (llmx.tables.yearruns);
- a performance self-evaluation form (项目支出绩效自评表) whose cells ran together with
  spaces between them: its funds, and its indicators' targets, achieved values and points
  (llmx.tables.scorecards);
- a numbered target table whose cells ran together with nothing between them (`指标名称计量
  单位2035 年目标值…1 规上工业增加值占GDP 比重% ≥ 38市统计局2 …`): an indicator, its unit
  and its target per row (llmx.tables.runtogether);
- statistics-yearbook rows (`llmx.tables.yearbook`): a header line of years (`item 1952 1978 …
  2005`, maybe over base years and spans of years), then a row per line, a Chinese label
  (maybe numbered, `1.地区生产总值(亿元)`, or indented as a part of the row above), maybe its
  English, then its figures separated by spaces, fewer where cells are blank, maybe marked
  provisional (`438p`); lines of words alone are group and unit captions; or a header of names
  (maybe wrapped a piece a line, maybe over a column of units and one of notes: a price sheet);
- rows of periods (`llmx.tables.periodrows`): a header of measure names, then a row per period, its
  label (`“六五”时期`, `2016年`) and one figure per measure, separated by spaces; the
  header maybe wrapped over Chinese then English lines (a yearbook's), its last line's unit
  `(元)` the last column's;
- rows of two lines (`llmx.tables.labelrows`): the label on its own line, then its figures two or
  more spaces apart (a double gap an empty cell), under a header of one cell per line, each
  cell wrapped until its unit in brackets, and a line of parts (`第一产业 第二产业`) that
  follow the column they break down;
- accounts under a line of money units (`llmx.tables.statements`): `港幣百萬元` over each
  column, then a row per line, its label and its figures (`(37,832.5)` an outgoing, `-` an
  empty cell), a lone figure in the column it stands under;
- a place's population history as an encyclopedia prints it, its cells run together
  (`llmx.tables.history`): `年份人口±%`, then `1986 52,560+5.2%`;
- ranking tables (`llmx.tables.ranked`): a row per region, its label in Chinese, English or both,
  then figures one space apart, columns of whole numbers no higher than the rows being their
  ranks (left out), under a header of measure names that names the ranks (`位次`, `Rank`),
  a `单位:万吨、千克` line giving each measure its unit in order.

A box-drawn table's notes column (`說明`, `备注`) holds prose wrapped a line a cell:
`note_cells` gives its cells, which the rules read as one paragraph, not as figures of rows.

Where each reading lives: the layout finder modules (`piped`, `yearbook`, …) say where a grid
is; `gridtables`, `pipedtables`, `figuretables` read their grids into tables; `rowtables`,
`streamtables`, `yearrowtables`, `paneltables` and `indentedtables` read the layouts that need
no finder of their own. Below them all: `table` (the types), `headers` (what header words
say), `columnroles`, `rowlines`, `captions`, `cellruns`, `parts` and `taken`.

Rows indented under others (the piped and the pair layouts) are cut into parts under their
parents: a part takes its parents' unit (`人口(万人)`) and measure (稻谷 → 稻谷产量).

A header names each column's role (row label, value, unit, other), and the unit its cells
take: from the column header (`比上年增长(%)`), the row label (`税收总量（亿元）`), a unit
column, or a `单位：万元` line above the table. Pure functions: text in, tables with source
offsets out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from llmx.glosses import Unglossed
from llmx.lines import HAS_CJK
from llmx.tables.figuretables import CHINESE_WORDS, figure_row_tables
from llmx.tables.gridtables import (
    box_tables,
    column_block_tables,
    columnwise_tables,
    comma_tables,
    flattened_tables,
    fused_tables,
    label_row_tables,
    ledger_tables,
    period_tables,
    ranked_tables,
    record_tables,
    scorecard_tables,
    sideways_tables,
    spaced_tables,
    statement_tables,
    target_list_tables,
    yearbook_tables,
)
from llmx.tables.headers import RATE_UNITS, UNIT_BRACKET, label_unit
from llmx.tables.history import history_tables
from llmx.tables.indentedtables import cell_tables
from llmx.tables.onespace import one_space_tables
from llmx.tables.paneltables import panel_tables
from llmx.tables.paragraphs import paragraph_tables
from llmx.tables.pipedtables import pair_tables, piped_tables, units_given
from llmx.tables.rowlines import Line, row_lines
from llmx.tables.rowtables import row_tables
from llmx.tables.sidepanels import side_panel_tables
from llmx.tables.streamtables import stream_tables
from llmx.tables.table import Cell, Table, row_column
from llmx.tables.taken import TakenSpans
from llmx.tables.yearlines import year_line_tables
from llmx.tables.yearrowtables import year_row_tables
from llmx.tables.yearruns import year_run_tables


def find_tables(text: str) -> list[Table]:
    """The tables of `text` in every layout, in order of their start.

    A reprint that glosses characters with their pinyin (`項(xiàng) 目`, `合計(jì)`) breaks
    every header word and row label, so the tables are found on the text without the
    glosses, then placed back on the text: each cell spans its words and their glosses, and
    its text is the text's own there, so a number found in it keeps its offsets."""
    clean = Unglossed.of(text)
    if clean.text == text:
        return _tables_in(text)
    return [_placed(table, clean, text) for table in _tables_in(clean.text)]


def _placed(table: Table, clean: Unglossed, text: str) -> Table:
    """A table found on the text without its glosses, with the text's offsets."""

    def placed(cell: Cell) -> Cell:
        start, end = clean.span_of(cell.start, cell.end)
        return Cell(start, end, text[start:end])

    rows = tuple(replace(row, cells=tuple(map(placed, row.cells))) for row in table.rows)
    start, end = clean.span_of(table.start, table.end)
    return replace(table, start=start, end=end, rows=rows)


# A layout's reading: the text, its lines as rows, and the spans the readings before it took.
Reading = Callable[[str, Sequence[Line], TakenSpans], list[Table]]


def _on_text(find: Callable[[str, TakenSpans], list[Table]]) -> Reading:
    """A reading that needs the text alone, not its lines."""
    return lambda text, _lines, taken: find(text, taken)


def _placed_whole(read: Reading) -> Reading:
    """A reading that keeps only the tables naming every value column and giving every
    figure a unit: one that read rows under a header it could not lay over them (a header
    wrapped over more cells than a row has, read as one caption) places nothing for sure."""
    return lambda text, lines, taken: [
        table for table in read(text, lines, taken) if _placed_whole_table(table)
    ]


def _placed_whole_table(table: Table) -> bool:
    values = [column for column in table.columns if column.role == "value"]
    return all(column.header.strip() for column in values) and all(units_given(table))


# Every layout's reading, in the order they take the text: each reads what those before it left.
_READINGS: tuple[Reading, ...] = (
    # First, a population history whose cells ran together (`1986 52,560+5.2%` under
    # `年份人口±%`): its header says what it is, and a run of cells would take its lines.
    history_tables,
    *map(
        _on_text,
        (
            box_tables,
            sideways_tables,
            columnwise_tables,
            column_block_tables,
            yearbook_tables,
            spaced_tables,
            record_tables,
            statement_tables,
            ledger_tables,
            comma_tables,
            flattened_tables,
            year_run_tables,
            scorecard_tables,
            target_list_tables,
        ),
    ),
    panel_tables,
    # Before the piped rows: a label-then-value grid a page wrote a pipe after every cell of
    # (`经常性收入合计 |⏎7154.36 |⏎|`) would read to them as piped rows from halfway.
    _on_text(pair_tables),
    _on_text(piped_tables),
    year_row_tables,
    row_tables,
    *map(_on_text, (period_tables, label_row_tables, ranked_tables, fused_tables)),
    # Rows a paragraph each, some short of cells: the blank lines part rows, so read before
    # the readings that would take one for an empty cell.
    paragraph_tables,
    # A table copied a cell a line may write an empty cell as an empty line: read first with
    # one blank line an empty cell, so its rows after one are not cut off.
    partial(stream_tables, blank_cells=True),
    stream_tables,
    # Then runs that go on across blank lines (a web table copied with a blank line after
    # every cell), in what the tighter runs left: a blank line ends a run of those, so
    # looking there first could only join a table to the short lines around it.
    partial(stream_tables, across_blanks=True),
    # Rows one space apart under a header line (PDF text that lost its alignment): after every
    # reading of aligned rows and of cells a line, which know their columns better; panels
    # side by side first, whose rows hold figures between their labels.
    side_panel_tables,
    one_space_tables,
    _on_text(figure_row_tables),
    # Then cells a line each closed by a pipe on their line (`678.9 |`) that the figure rows
    # left: read as cells a line, each pipe a rule, where the table names every column and
    # gives every figure a unit.
    _placed_whole(partial(stream_tables, closed_cells=True)),
    # Rows of a year and figures one space apart under header words a space apart: late, so
    # a bilingual yearbook sheet the readings above read whole stays theirs.
    year_line_tables,
    # Last, rows of periods under no header that no reading above took (a yearbook's header
    # the page scattered over blank lines): their figures, named by nothing.
    _on_text(partial(period_tables, headless=True)),
)


def _tables_in(text: str) -> list[Table]:
    tables = cell_tables(text)
    lines = row_lines(text)
    for reading in _READINGS:
        tables += reading(text, lines, TakenSpans(tables))
    tables.sort(key=lambda table: table.start)
    tables = _named_as_the_table_before(text, tables)
    return [part for table in tables for part in _heading_row_units(table)]


# How far below a table a second block of its columns may begin, in characters.
_NEXT_BLOCK_REACH = 200


def _named_as_the_table_before(text: str, tables: list[Table]) -> list[Table]:
    """A yearbook table's second block of years under a caption of its own and no header
    (`比上年增长(%)`, then `1996 29.0 3.6 …`) measures the columns the block above named, as
    its caption says: `地方一般预算收入` becomes `地方一般预算收入比上年增长`."""
    named = list(tables)
    for index in range(1, len(named)):
        above, table = named[index - 1], named[index]
        values = [column for column in table.columns if column.role == "value"]
        names = [column.header for column in above.columns if column.role == "value"]
        if (
            table.layout != "periods"
            or above.layout not in ("periods", "lines")
            or not values
            or any(column.header for column in values)
            or len(names) != len(values)
            or not all(names)
            or not 0 <= table.start - above.end <= _NEXT_BLOCK_REACH
        ):
            continue
        # The lines between the two blocks, the second's caption among them.
        between = text[above.end : table.rows[0].cells[0].start] if table.rows else ""
        captions = [UNIT_BRACKET.sub("", line).strip() for line in between.splitlines()]
        caption = next((words for words in reversed(captions) if HAS_CJK.search(words)), "")
        if not CHINESE_WORDS.fullmatch(caption):
            continue
        headers = iter(f"{name}{caption}" for name in names)
        columns = tuple(
            replace(row_column(next(headers)), role="value", unit=column.unit)
            if column.role == "value"
            else column
            for column in table.columns
        )
        named[index] = replace(table, columns=columns)
    return named


def _heading_row_units(table: Table) -> list[Table]:
    """A table with no unit line whose first row writes a unit (`社会消费品零售总额(亿元)` over
    `# 批发零售业`, `住宿餐饮业`, …): the rows under a row that writes one are its parts, in
    its unit, down to the next such row (`二、常住居民年平均人口 (万人)`)."""
    if table.unit is not None or table.parent or len(table.rows) < _PARTS_MIN:
        return [table]  # a part under a parent row takes the parent's unit, or none
    labels = [table.indicator_of(row) for row in table.rows]
    units = [
        unit if (unit := label_unit(label)) and unit[0] not in RATE_UNITS else None
        for label in labels
    ]
    if units[0] is None or all(units):
        return [table]
    if any(
        unit is None and _OWN_BRACKET.search(label)
        for unit, label in zip(units, labels, strict=True)
    ):
        return [table]  # 病床使用率(%), 平均住院日(日): rows that write their own, no parts
    heads = [index for index, unit in enumerate(units) if unit]
    return [
        replace(table, rows=table.rows[head:end], unit=units[head])
        for head, end in zip(heads, [*heads[1:], len(table.rows)], strict=True)
    ]


_PARTS_MIN = 3
# A label's own bracket at its end, short words (a unit, or what stands for one).
_OWN_BRACKET = re.compile(r"[(（][^()（）\d]{1,4}[)）]\s*$")
