"""Tables of one row per line, cells cut by pipes (with or without outer pipes and a
Markdown separator row), tabs, or runs of spaces (columns aligned as PDF text gives them):
a header of up to a few rows, maybe broken or stacked, then the rows, maybe in groups under a
row of their label alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations, pairwise

from llmx.folding import fold
from llmx.lines import STUB_HEADING
from llmx.quantities import split_header_unit
from llmx.tables.captions import CAPTION, SENTENCE, lines_above
from llmx.tables.columnroles import columns_of, figures_in_stated_units, fit_to_body
from llmx.tables.headers import (
    BASE_CAPTION,
    BRACKETED,
    HEADER_ROWS_MAX,
    SUB_MARKS,
    TITLE_MAX,
    UNIT_COLUMN,
    caption_counts,
    group_and_sub,
    header_unit,
    header_year,
    heads_every_column,
    listed_for_columns,
    repeats,
    unit_line_unit,
)
from llmx.tables.numericrows import is_unit_word
from llmx.tables.parts import outline_parts, siblings_of_marked
from llmx.tables.rowlines import (
    NUMBER_CELL,
    Line,
    aligned,
    display_span,
    has_data,
    is_column_code_row,
    is_number_cell,
    layout_family,
    merge_spaced_letters,
    opens_with_pipe,
    outer_pipes,
    placements_on,
    row_blocks,
    row_cells,
)
from llmx.tables.serials import is_serial_name
from llmx.tables.streamtables import cells_table
from llmx.tables.table import Cell, Column, Row, Table, column_of, units_rejoined
from llmx.tables.taken import TakenSpans


def _stacked_headers(
    text: str, header_rows: Sequence[tuple[Line, list[Cell]]], grid: Sequence[tuple[int, int]]
) -> list[str]:
    """A header written over several lines of aligned words (`粮食产量   (万吨)` over
    `比上年增长   (%)`): each column's header is the words standing over it, top down, as
    llmx.tables.boxes reads a drawn header. A unit set apart in brackets belongs to the words on
    its left, wherever it stands."""
    texts = [""] * len(grid)
    for line, line_cells in header_rows:
        cells = units_rejoined(line_cells)
        for cell, column in zip(cells, placements_on(text, line.start, cells, grid), strict=True):
            texts[column] += cell.clean
    return texts


def row_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    tables: list[Table] = []
    for block in row_blocks(lines, taken):
        for first, last in _header_restarts(lines, *block):
            rows = _block_rows(lines, first, last)
            table = _block_table(text, lines, first, last, rows)
            table = _read_better_as_cells(text, lines, first, last, rows, table)
            if table is not None:
                tables += [part for panel in _side_by_side(table) for part in _group_parts(panel)]
    return tables


def _read_better_as_cells(
    text: str,
    lines: Sequence[Line],
    first: int,
    last: int,
    block_rows: Sequence[tuple[Line, list[Cell]]],
    table: Table | None,
) -> Table | None:
    """A table of pipe, tab or space rows whose header of several rows the row reading
    could not place over its figures (a quarter of them or more under no measure's column,
    or no table at all) read again a cell at a time, as a web table copied a cell a line,
    where that reads more of its figures in a stated unit, down to the block's last one:
    a page that lost a header's spans, or PDF text that set a year over two columns, still
    lists the header's cells in order."""
    family = layout_family(lines[first].layout)
    if last - first < _ROWS_A_LINE_MIN or family not in ("pipe", "tab", "spaces"):
        return table  # a table run together on one line is the flattened reading's
    rows = [cells for _, cells in block_rows]
    # A header's years (`2022 | 2023` under groups) are no figures to read.
    figures = [
        cell for cells in rows if has_data(cells) for cell in cells[1:] if is_number_cell(cell)
    ]
    read = _figures_read(table) if table is not None else 0
    if not figures or read >= _READ_ENOUGH * len(figures):
        return table
    # Empty cells closing every row of figures pad the block, no column's.
    padding = min(
        (len(cells) - _filled_width(cells) for cells in rows if has_data(cells)), default=0
    )
    rows = [cells[: len(cells) - padding] if has_data(cells) else cells for cells in rows]
    captions = 0
    while captions < len(rows) and _is_caption_row(rows[captions]):
        captions += 1
    body = next((at for at, cells in enumerate(rows) if has_data(cells)), len(rows))
    if body - captions < _HEADER_ROWS_MIN:
        return table  # a header of one row the pipes place as written
    above = [cell for cells in rows[:captions] for cell in cells if cell.clean]
    again = cells_table(text, rows[captions:], above)
    if again is None or again.end < figures[-1].end or _figures_read(again) <= read:
        return table
    return again


_READ_ENOUGH = 0.75  # of a block's figures, read under a measure's column
_ROWS_A_LINE_MIN = 3  # lines of a block read again a cell at a time
_HEADER_ROWS_MIN = 2  # a header over several rows, whose spans the pipes lost


def _figures_read(table: Table) -> int:
    """How many of a table's figures stand under a measure's column in a stated unit: the
    column's, the table's, or each row's in a unit column."""
    units_by_row = any(column.role == "unit" for column in table.columns)
    return sum(
        1
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=False)
        if column.role == "value"
        and (column.unit or table.unit or units_by_row)
        and is_number_cell(cell)
    )


def _side_by_side(table: Table) -> list[Table]:
    """A table printed as panels side by side under one header that repeats (`品种 | 本期价格 |
    上期价格 | 环比%` three times over): a table per panel, each with the first panel's
    columns and its own slice of every row, a row left empty in a panel left out of it."""
    headers = [re.sub(r"\s+", "", column.header) for column in table.columns]
    width = next(
        (
            size
            for size in range(_PANEL_WIDTH_MIN, len(headers) // 2 + 1)
            if len(headers) % size == 0 and repeats(headers, len(headers) // size)
        ),
        None,
    )
    if width is None or table.columns[0].role != "indicator":
        return [table]
    columns = table.columns[:width]
    panels: list[Table] = []
    for at in range(0, len(headers), width):
        rows = tuple(
            Row(row.cells[at : at + width])
            for row in table.rows
            if any(cell.text for cell in row.cells[at : at + width])
        )
        if rows:
            panels.append(replace(table, columns=columns, rows=rows))
    return panels


# A panel is a row label and at least one figure.
_PANEL_WIDTH_MIN = 2


def _group_parts(table: Table) -> list[Table]:
    """A table whose rows fall into groups, each under a row of its label alone (`三、国内生产总值
    中三次产业比重 | ||||||`), cut into parts under those rows (see `outline_parts`): what a
    group names (比重, a share; 人口(万人), a unit) its rows take."""
    rows = [list(row.cells) for row in table.rows]
    groups = [_is_group_row(cells) for cells in rows]
    labels = [cells[0] for cells in rows]
    marked = [label.clean.startswith(SUB_MARKS) for label in labels]
    heads = [_ORDINAL_HEAD.match(label.clean) is not None for label in labels]
    # A row of words alone at the end (`注:…`) heads no rows.
    grouped = any(groups[:-1])
    if not grouped and heads[0] and not all(heads):
        # `一、接待过夜人数合计(万人次)`, then its items (`海外旅游者`, `#外国人`) up to `二、…`:
        # the numbered rows head the rows under them, which are in their unit.
        items = [
            (label, int(mark))
            for label, mark, head in zip(labels, marked, heads, strict=True)
            if not head
        ]
        under = iter(siblings_of_marked([item[0] for item in items], [item[1] for item in items]))
        depths = [0 if head else 1 + next(under) for head in heads]
    elif not grouped and any(marked[1:]):
        # `# 食品制造业` then unmarked rows: sub-items, in the unit of the row they follow.
        units = [column.role == "unit" for column in table.columns]
        unit_cells = [
            any(unit and cell.clean for unit, cell in zip(units, cells, strict=False))
            for cells in rows
        ]
        depths = siblings_of_marked(labels, [int(mark) for mark in marked], unit_cells)
    elif any(groups) and not all(groups):
        depths = [0 if group else 1 for group in groups]
    else:
        return [table]
    periods = [row.periods for row in table.rows]
    return outline_parts(replace(table, rows=()), labels, depths, rows, periods)


# A row numbered as a part of the table (`一、`, `三、`): it heads the rows up to the next.
_ORDINAL_HEAD = re.compile(r"[一二三四五六七八九十]{1,3}、")


def _header_restarts(lines: Sequence[Line], first: int, last: int) -> list[tuple[int, int]]:
    """A block of pipe, tab or space-aligned rows cut where a second table's header follows
    the first's rows with no line between (`… | 12 | 平順縣 | 30.2 | 10.8 |` then `年份 |
    GDP(億元) | 增速(%) |`): a row of two or more word cells, one naming a column's unit or
    the row labels, between rows of figures. The second table may open with its caption
    (`12-11续表1 单位:万元`), and its header may go on over more rows of words (`单 位 数 |
    #亏 损 |`, a group row)."""
    family = layout_family(lines[first].layout)
    if family not in ("pipe", "tab", "spaces"):
        return [(first, last)]
    outer = outer_pipes(lines[first:last]) if family == "pipe" else (False, False)
    cells = [row_cells(line, family, outer) for line in lines[first:last]]
    data = [has_data(row) and not is_column_code_row(row) for row in cells]
    cuts: list[int] = []
    index = 1
    while index < len(cells):
        if data[index] or not data[index - 1]:
            index += 1
            continue
        words_end = index
        while words_end < len(cells) and not data[words_end]:
            words_end += 1
        captioned = _is_caption_row(cells[index]) and words_end - index > 1
        header = index + 1 if captioned else index
        one_header = captioned or words_end - index == 1  # not a run of word rows in a body
        if one_header and words_end < len(cells) and _heads_a_table(cells[header]):
            cuts.append(first + index)
        index = words_end
    bounds = [first, *cuts, last]
    return list(pairwise(bounds))


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _heads_a_table(cells: Sequence[Cell]) -> bool:
    """Whether a row of words heads a table; a numbered row (`37 | 银行不良率(%) | 低于全市平均
    水平`) is a row whose cell says no figure, not a header."""
    words = [cell.clean for cell in cells if cell.clean]
    return (
        len(words) >= 2
        and not _ROW_NUMBER.fullmatch(words[0])
        and not has_data(cells)
        and any(STUB_HEADING.fullmatch(word) or split_header_unit(word) for word in words)
    )


def _is_source_note(cells: Sequence[Cell]) -> bool:
    """A row that is a note on the table's source alone (`來源: 內政部統計月報`, `注:…`)."""
    words = [cell.clean for cell in cells if cell.clean]
    return len(words) == 1 and bool(_SOURCE_NOTE.match(fold(words[0])))


_SOURCE_NOTE = re.compile(r"(?:资料|数据)?来源\s*[:：]|注\s*[:：]|说明\s*[:：]")


def _block_rows(lines: Sequence[Line], first: int, last: int) -> list[tuple[Line, list[Cell]]]:
    """A block's rows and their cells, its separator and rule lines left out."""
    layout = layout_family(lines[first].layout) or "pipe"
    outer = outer_pipes(lines[first:last])
    return [
        (line, row_cells(line, layout, outer))
        for line in lines[first:last]
        if line.layout not in ("separator", "rule")
    ]


def _block_table(
    text: str,
    lines: Sequence[Line],
    first: int,
    last: int,
    block_rows: Sequence[tuple[Line, list[Cell]]],
) -> Table | None:
    """The table a block of rows makes (`block_rows`, as `_block_rows` splits them): title
    rows, header rows, then body rows."""
    layout = layout_family(lines[first].layout) or "pipe"
    markdown = any(line.layout == "separator" for line in lines[first:last])
    rows = list(block_rows)
    if layout == "pipe" and not outer_pipes(lines[first:last])[0]:
        rows = _header_rejoined(_labels_rejoined(_joined_rows(rows)))
    index = 0
    titles: list[str] = []
    start = lines[first].start
    stacked = _header_a_cell_a_line(rows, index) if layout == "pipe" else None
    while stacked is None and index < len(rows) and _is_caption_row(rows[index][1]):
        words = " ".join(cell.text for cell in rows[index][1] if cell.text)
        index += 1
        if SENTENCE.search(words) or len(words) > TITLE_MAX:
            # A paragraph a page put in a row of its own (`| 据…监测:本周…均价为4元/公斤,…。 |`)
            # is prose to read as prose, no title: the table starts under it.
            start = rows[index][0].start if index < len(rows) else start
        else:
            titles.append(words)
        stacked = _header_a_cell_a_line(rows, index) if layout == "pipe" else None
    header_rows: list[tuple[Line, list[Cell]]] = []
    data_below = _data_below(rows)
    if stacked is not None:
        header_rows = list(rows[index : index + stacked[1]])
        index += len(header_rows)
    # A markdown table's header ends at its separator: a group row under it (`| 一、户 数 |
    # ||||`) holds no figure but heads no column.
    above_separator = _rows_above_separator(lines[first:last]) if markdown else len(rows)
    while (
        stacked is None and index < min(len(rows), above_separator) and not has_data(rows[index][1])
    ):
        if header_rows and _is_group_row(rows[index][1]) and _heads_data(rows, index + 1):
            break  # `一、人 口 | ||||||` over the first figures: a group of rows, no header
        if header_rows and _year_row_before_data(rows, index, data_below):
            break  # `| 2024 | |`, `| 2021 | 点击查看 |` over `| 2018 | 7.05 |`: years not out yet
        if len(header_rows) == HEADER_ROWS_MAX:
            return None
        cells = rows[index][1]
        header_rows.append(
            (rows[index][0], merge_spaced_letters(cells, text) if layout == "spaces" else cells)
        )
        index += 1
    if header_rows and index < len(rows) and is_column_code_row(rows[index][1]):
        index += 1  # `甲 | 丙 | 1 | 2 | 3` under a form's header numbers its columns: no row
    body: list[tuple[Line, list[Cell]]] = []
    periods: dict[int, tuple[str, ...]] = {}  # by the body row's line start
    last_periods: tuple[str, ...] = ()
    for offset, (line, cells) in enumerate(rows[index:]):
        if _is_period_row(cells) and not (
            header_rows and _year_row_before_data(rows, index + offset, data_below)
        ):
            last_periods = tuple(cell.clean for cell in cells if cell.clean)
            continue
        body.append((line, cells))
        periods[line.start] = last_periods
    while body and _is_source_note(body[-1][1]):
        body.pop()  # `| 來源: 內政部統計月報… | ||`: a note under the table, no row of it
    if not header_rows and body and layout == "spaces":
        return _table_under_words(text, lines, first, last, body)
    if not header_rows or not body:
        return None
    if layout == "spaces" and len(header_rows) == 1:
        header_rows = [_labels_heading_added(text, header_rows[0], body)]
    elif layout == "spaces" and _names_figures_flush_left(text, header_rows[-1], body):
        # Every line of a header copied flush left heads the figures alone (`机构数(个)
        # 床位数(张)` over `2013年 2012年 2013年 2012年`): each gets an empty heading first.
        header_rows = [
            (line, [Cell(line.start, line.start, ""), *cells]) for line, cells in header_rows
        ]
    if len(header_rows) == 1 and layout in ("pipe", "tab"):
        header_rows = [_corner_joined(header_rows[0], [cells for _, cells in body])]
    width = max(len(cells) for _, cells in header_rows)
    if layout != "spaces":
        width = max(width, *(len(cells) for _, cells in body))
        # Pipes closing empty cells at every row's end (`| ||||||`) make no columns.
        width = min(width, max(_filled_width(cells) for _, cells in (*header_rows, *body)))
    if width < 2:
        return None
    headers = [cells for _, cells in header_rows]
    if layout == "tab":
        # A tab row's empty cells at its end may be written or not: each header row is as
        # wide as the table, so a row that lost a spanning first cell shows it as pipes do.
        headers = [
            _padded(cells, width, line.start + len(line.text))
            for (line, _), cells in zip(header_rows, headers, strict=True)
        ]
    if layout in ("pipe", "tab"):
        headers = _rowspan_restored(headers, width)
    if len(headers) == 1 and layout != "spaces":
        headers = [_header_over_values(headers[0], [cells for _, cells in body], width)]
    grid_line, grid_cells = max(header_rows, key=lambda row: len(row[1]))
    widest_line, widest_cells = max(body, key=lambda row: len(row[1]))
    repeated = (
        _groups_over_repeated_names(headers, len(widest_cells)) if layout == "spaces" else None
    )
    texts_placed = layout == "spaces" and len(header_rows) > 1 and len(widest_cells) > width
    if repeated is not None:
        # Named by the header's words in order, not by where they stand: set as the rows are.
        grid_line, grid_cells, width = widest_line, widest_cells, len(widest_cells)
        grid = [display_span(text, grid_line.start, cell) for cell in grid_cells]
        texts, texts_placed = repeated, True
        body = [(line, _put_back(cells, width, NUMBER_CELL)) for line, cells in body]
    elif texts_placed:
        # A header over several lines narrower than the rows: its words are placed by where
        # they stand over the widest row's cells.
        grid_line, grid_cells, width = widest_line, widest_cells, len(widest_cells)
        grid = [display_span(text, grid_line.start, cell) for cell in grid_cells]
        texts = _stacked_headers(text, header_rows, grid)
    group_of: list[int | None] = []
    if stacked is not None:
        texts = stacked[0]
        grid = [display_span(text, grid_line.start, cell) for cell in grid_cells]
    elif not texts_placed:
        grouped = _grouped_headers(headers, [cells for _, cells in body], width)
        texts = (
            grouped[0]
            if grouped
            else _header_texts(_spans_spread(headers, width, [c for _, c in body]), width)
        )
        group_of = grouped[1] if grouped else []
        grid = [display_span(text, grid_line.start, cell) for cell in grid_cells]
    texts, body = _unit_cells_unheaded(texts, body)
    above = lines_above(lines, first)
    unit_source = " ".join([*(line.text for line in above), *titles])
    table_unit = unit_line_unit(unit_source)
    if layout != "spaces" and texts and is_serial_name(fold(texts[0])):
        # (Rows of space columns are placed by where their cells stand.)
        body = [(line, _put_back(cells, width, _TOTAL_LABEL)) for line, cells in body]
    # Space columns under a header broken over lines join words of several columns into one
    # (`总人口年份城镇人口`): a count's noun there is not enough to call a column measured.
    columns = columns_of(texts, body, counted=layout != "spaces", group_of=group_of)
    columns = _reporting_units_as_labels(columns, body)
    unit_column = any(
        column.role == "unit" and (layout != "spaces" or _units_down(body, index))
        for index, column in enumerate(columns)
    )
    title = " ".join(titles) or (above[-1].text.strip() if above else "")
    # A base of 100 over the table (`以上年同月为100`) says its figures are indices, as a unit
    # line says what they are in.
    based = BASE_CAPTION.search(fold(unit_source)) is not None
    stated = (table_unit is not None or based) and any(column.role == "value" for column in columns)
    if unit_column or stated or (table_unit is None and caption_counts(title) is not None):
        # A title that counts (`交通意外宗數` over `致命 | 嚴重 | 輕微`) says what every figure
        # is, as a unit line does.
        columns = figures_in_stated_units(columns, body)
    if not any(column.role == "value" for column in columns):
        return None
    if layout == "spaces" and _holds_sentences(columns, body):
        return None
    body_rows = tuple(
        Row(
            tuple(_fitted(text, line, cells, width, grid if layout == "spaces" else None)),
            periods[line.start],
        )
        for line, cells in body
    )
    end = lines[last - 1].start + len(lines[last - 1].text)
    return Table(
        start,
        end,
        title,
        columns,
        body_rows,
        layout="markdown" if markdown else layout,
        unit=table_unit,
    )


def _labels_heading_added(
    text: str, header: tuple[Line, list[Cell]], body: Sequence[tuple[Line, list[Cell]]]
) -> tuple[Line, list[Cell]]:
    """An aligned header that heads the value columns alone, its first word standing right of
    every row's label (`本 月  比上年同月±% …` over `香港同胞  1634171  4.19 …`): an empty
    heading over the labels before it, so its first word heads the first figures."""
    line, cells = header
    if not _wider_rows(cells, body):
        return header
    if _names_figures_flush_left(text, header, body):
        return line, [Cell(line.start, line.start, ""), *cells]
    first_left = display_span(text, line.start, cells[0])[0]
    label_right = max(
        display_span(text, row_line.start, row_cells[0])[1]
        for row_line, row_cells in body
        if row_cells
    )
    if first_left < label_right:
        return header
    return line, [Cell(line.start, line.start, ""), *cells]


def _names_figures_flush_left(
    text: str, header: tuple[Line, list[Cell]], body: Sequence[tuple[Line, list[Cell]]]
) -> bool:
    """Whether a header line, set flush left over the labels as a copied table sets it, heads
    the figures alone: most rows are a cell wider (their label), and its first word heads
    figures (本月, 2023年, 比上年增长%), no labels."""
    line, cells = header
    wider = _wider_rows(cells, body)
    if not wider:
        return False
    first = cells[0]
    if column_of(first.text).role != "value" and not _PERIOD_HEADING.fullmatch(first.clean):
        return False
    labels_left = min(
        display_span(text, row_line.start, row_cells[0])[0] for row_line, row_cells in wider
    )
    return display_span(text, line.start, first)[0] <= labels_left + _FLUSH_SLACK


_FLUSH_SLACK = 2  # display columns


def _wider_rows(
    cells: Sequence[Cell], body: Sequence[tuple[Line, list[Cell]]]
) -> list[tuple[Line, list[Cell]]]:
    """The rows a cell wider than a header line (its cells and their label), where they are
    most rows; none where they are not, or the line is empty."""
    wider = [(line, row) for line, row in body if len(row) == len(cells) + 1]
    return wider if cells and len(wider) * 2 > len(body) else []


# A heading that names a period alone, over figures: 本月, 本年, 当期, 上年同期.
_PERIOD_HEADING = re.compile(r"(?:本|当|上年同)[月年期季]|上[月年]")


def _unit_cells_unheaded(
    texts: list[str], body: list[tuple[Line, list[Cell]]]
) -> tuple[list[str], list[tuple[Line, list[Cell]]]]:
    """A unit in brackets after most rows' labels (`全年自来水供水总量 | (万立方米) | 18170 | …`)
    that the header gives no column, its last cell empty instead (`指标 | 金华市 | … | 磐安县 |
    |`): a unit column after the labels' one, the rows without a unit (`#生活用水量 | 7970 |
    …`) an empty cell there."""
    if len(texts) < 3 or texts[-1] or not body:
        return texts, body
    units = [
        len(cells) > 1 and _BRACKETED_UNIT.fullmatch(fold(cells[1].clean)) is not None
        for _, cells in body
    ]
    if sum(units) * 2 <= len(units):
        return texts, body
    shifted = [
        (line, cells if unit else [cells[0], Cell(cells[0].end, cells[0].end, ""), *cells[1:]])
        for (line, cells), unit in zip(body, units, strict=True)
    ]
    return [texts[0], "单位", *texts[1:-1]], shifted


_BRACKETED_UNIT = re.compile(r"[(（]\s*[^()（）\d]{1,8}\s*[)）]")


def _table_under_words(
    text: str, lines: Sequence[Line], first: int, last: int, body: list[tuple[Line, list[Cell]]]
) -> Table | None:
    """Aligned rows under a header whose words a PDF set a single space apart, over one or
    more lines (`机构数 床位数 人员数` over `卫生技术人员 其他技术人员 管理人员 工勤人员`): the
    header's words in order name the value columns, when there are as many as the widest
    row has figures after its label."""
    above = lines_above(lines, first)
    heads: list[str] = []
    for line in reversed(above):
        words = line.text.split()
        if not words or any(re.search(r"\d|[:：]", word) for word in words):
            break
        heads[:0] = words
    widest_line, widest = max(body, key=lambda row: len(row[1]))
    if len(heads) != len(widest) - 1 or len(heads) < 2:
        return None
    captions = [line.text for line in above]
    unit = unit_line_unit(" ".join(captions))
    units = listed_for_columns(unit, heads) if unit else None
    if units is None:
        return None  # figures of a header's words with no unit to read them in
    columns = (
        Column("", "indicator", None, None, None),
        *(Column(head, "value", None, None, each) for head, each in zip(heads, units, strict=True)),
    )
    grid = [display_span(text, widest_line.start, cell) for cell in widest]
    rows = tuple(Row(tuple(_fitted(text, line, cells, len(widest), grid))) for line, cells in body)
    return Table(
        body[0][0].start,
        lines[last - 1].start + len(lines[last - 1].text),
        captions[0].strip() if captions else "",
        columns,
        rows,
        layout="spaces",
        unit=unit,
    )


# Cells of a header written a cell a line: bounded, so a run of thousands of one-cell lines,
# looked at from each of them in turn, costs a bounded look each.
_STACKED_CELLS_MAX = 40


def _header_a_cell_a_line(
    rows: Sequence[tuple[Line, list[Cell]]], index: int
) -> tuple[list[str], int] | None:
    """A header the page wrote a cell a line over rows of figures (`本年实际 |`, `比上年同期
    增减% |`, then `本月 |`, `累计 |` twice): the last cells name the value columns, one each,
    and the cells before them are the groups over those, each over as many; the row labels'
    heading (指标) may open it. Gives each column's header and how many lines the header
    takes; None where the lines above the rows are not of that shape."""
    cells: list[Cell] = []
    first = index
    while index < len(rows) and not has_data(rows[index][1]):
        line_cells = rows[index][1]
        if (
            _filled_width(line_cells) != 1
            or SENTENCE.search(line_cells[0].text)
            or len(cells) == _STACKED_CELLS_MAX
        ):
            return None
        cells.append(line_cells[0])
        index += 1
    if index == len(rows) or len(cells) < 2:
        return None
    width = _filled_width(rows[index][1])
    if any(STUB_HEADING.search(fold(cell.text)) for cell in cells[1:]):
        return None  # the lines above the row labels' heading are the table's title
    if any(cell.clean.startswith(SUB_MARKS) for cell in cells):
        return None  # a part of a measure (`# 医院`): of which one, llmx.tables.numericrows says
    stub = [cells.pop(0).text] if STUB_HEADING.search(fold(cells[0].text)) else [""]
    values = width - 1
    groups, lower = cells[: len(cells) - values], cells[len(cells) - values :]
    if len(lower) != values or (groups and values % len(groups)):
        return None
    if len(groups) == 1 and header_year(groups[0].text) is None:
        return None  # one group over every column is a period (2023年), not a title
    if not groups:
        return [*stub, *(cell.text for cell in lower)], index - first
    span = values // len(groups)
    texts = [group_and_sub(groups[i // span].text, cell.text, "") for i, cell in enumerate(lower)]
    return [*stub, *texts], index - first


def _header_over_values(
    header: list[Cell], body: Sequence[Sequence[Cell]], width: int
) -> list[Cell]:
    """A header one cell short of rows that open on their labels, with no labels' heading
    (`本 月 | 比上年同月 ±% | 本月止累计 | 比上年同期 ±% | |`): its cells head the value
    columns, where the figures under them then fit their headers better."""
    filled = _filled_width(header)
    first = header[0].text
    if (
        filled != width - 1
        or column_of(first).role == "indicator"
        or UNIT_COLUMN.match(fold(first).strip())
    ):
        return header
    if not all(row and row[0].clean and not is_number_cell(row[0]) for row in body):
        return header
    shifted = [Cell(header[0].start, header[0].start, ""), *header[:filled]]
    texts = [cell.text for cell in header[:filled]]
    if fit_to_body(["", *texts], body) > fit_to_body([*texts, ""], body):
        return shifted
    return header


def _corner_joined(
    header: tuple[Line, list[Cell]], body: Sequence[Sequence[Cell]]
) -> tuple[Line, list[Cell]]:
    """A header wider than every row whose second cell heads every column after it
    (`隧道範圍 | 嚴重程度 | 致命 | 嚴重`, `headers.heads_every_column`): the first names the
    labels, the second no column of figures."""
    line, cells = header
    filled = _filled_width(cells)
    if (
        any(_filled_width(row) >= filled for row in body)
        or not heads_every_column([cell.clean for cell in cells[:filled]])
        or not all(row and row[0].clean and not is_number_cell(row[0]) for row in body)
    ):
        return header
    return line, [cells[0], *cells[2:]]


def _filled_width(cells: Sequence[Cell]) -> int:
    """How many of a row's cells reach its last cell with text in it."""
    return max((index + 1 for index, cell in enumerate(cells) if cell.text), default=0)


def _heads_data(rows: Sequence[tuple[Line, list[Cell]]], index: int) -> bool:
    return index < len(rows) and has_data(rows[index][1]) and not _is_period_row(rows[index][1])


def _year_row_before_data(
    rows: Sequence[tuple[Line, list[Cell]]], index: int, data_below: Sequence[int | None]
) -> bool:
    """Whether the row at `index` is a year whose figures are not given (left empty, or a
    page's link in their place), above rows of years with figures: a row, not a header's."""
    cells = rows[index][1]
    below = data_below[index]
    if not cells or header_year(cells[0].clean) is None or below is None:
        return False
    first_data = rows[below][1]
    return bool(first_data) and header_year(first_data[0].clean) is not None


def _data_below(rows: Sequence[tuple[Line, list[Cell]]]) -> list[int | None]:
    """For each row, the first row below it holding a figure (None: none does), found in one
    pass up the block rather than a walk down it from every row."""
    below: list[int | None] = [None] * len(rows)
    following: int | None = None
    for index in range(len(rows) - 1, -1, -1):
        below[index] = following
        if has_data(rows[index][1]):
            following = index
    return below


def _is_group_row(cells: Sequence[Cell]) -> bool:
    """A row of its first cell's words alone, every other cell empty: it heads the rows below."""
    return len(cells) > 2 and bool(cells[0].clean) and not any(cell.clean for cell in cells[1:])


def _reporting_units_as_labels(
    columns: tuple[Column, ...], body: Sequence[tuple[Line, list[Cell]]]
) -> tuple[Column, ...]:
    """A 单位 column of places or bodies (`全国`, `北京`: the reporting units) labels the rows
    where no other column does: its cells are no units of measure."""
    if any(column.role == "indicator" for column in columns):
        return columns
    relabelled = list(columns)
    for index, column in enumerate(columns):
        cells = [
            cells[index].clean for _, cells in body if index < len(cells) and cells[index].clean
        ]
        if column.role == "unit" and cells and not any(is_unit_word(fold(cell)) for cell in cells):
            relabelled[index] = replace(column, role="indicator")
    return tuple(relabelled)


def _rows_above_separator(lines: Sequence[Line]) -> int:
    """How many rows stand above a markdown block's first separator line."""
    for index, line in enumerate(lines):
        if line.layout == "separator":
            return index
    return len(lines)


def _rowspan_restored(headers: Sequence[list[Cell]], width: int) -> list[list[Cell]]:
    """Header rows under a first cell that spanned them all (`年份` over `机构数 | 医院 | … |
    |`, `(个) | (个) | … | |`): a page that lost the span moved their cells left, leaving the
    last empty; each such row is put back right, one column, or as many as its empty cells at
    the end where one would give a column a second unit (`地 区 | 套数 | 播出时间 | 制作时间`
    over `(套) | 节目播出时间 | 节目时间 |` over `(小时) | (小时) | |`: the hours go under the
    last two columns, the first has its unit already)."""
    first = headers[0] if headers else []
    if len(headers) < 2 or len(first) != width:
        return list(headers)
    if not STUB_HEADING.fullmatch(first[0].clean):
        return list(headers)
    restored = [list(first)]
    for cells in headers[1:]:
        moved = len(cells) == width and cells[0].clean and not cells[-1].clean
        if moved and not STUB_HEADING.fullmatch(cells[0].clean):
            cells = _moved_right(restored, cells)
        restored.append(list(cells))
    return restored


def _moved_right(above: Sequence[Sequence[Cell]], cells: Sequence[Cell]) -> list[Cell]:
    """`cells` moved right past the empty cells at their end: by one column, or by the fewest
    that gives no column a unit under the unit it has."""
    trailing = len(cells) - _filled_width(cells)
    has_unit = [
        any(_is_unit_cell(row[i]) for row in above if i < len(row)) for i in range(len(cells))
    ]
    for shift in range(1, trailing + 1):
        moved = [Cell(cells[0].start, cells[0].start, "")] * shift + list(
            cells[: len(cells) - shift]
        )
        if not any(has_unit[i] and _is_unit_cell(cell) for i, cell in enumerate(moved)):
            return moved
    return [Cell(cells[0].start, cells[0].start, ""), *cells[:-1]]


def _is_unit_cell(cell: Cell) -> bool:
    return bool(cell.clean) and _BRACKETED_UNIT.fullmatch(fold(cell.clean)) is not None


def _is_caption_row(cells: Sequence[Cell]) -> bool:
    """A row above the header: one cell (a title), or a table's number and its unit in cells
    of their own (`表一 | 单位:万元 | | |`), maybe with the unit's English in brackets
    (`单位: 亿元 | (100 million yuan) |`) or the period a form is filled for (`编制单位:福建省 |
    2020年度 01月份`)."""
    words = [fold(cell.text).strip() for cell in cells if cell.clean]
    said = [word for word in words if not _ENGLISH_IN_BRACKETS.fullmatch(word)]
    captions = [word for word in said if not _FORM_PERIOD.fullmatch(word)]
    return len(words) <= 1 or (bool(captions) and all(CAPTION.match(word) for word in captions))


_ENGLISH_IN_BRACKETS = re.compile(r"\([A-Za-z0-9 ,.]+\)")
_FORM_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:\d{1,2}\s*月份?)?")


# A cell naming a period only: 2023, 2023年, 2023 Q3, 2024 Feb, 2023年1-6月.
_PERIOD_CELL = re.compile(
    r"(?:19|20)\d{2}\s*年?\s*(?:Q[1-4]|[A-Z][a-z]{2}\.?|\d{1,2}\s*(?:[-—–~至]\s*\d{1,2}\s*)?月"
    r"|[一二三四1-4]\s*季度|[上下]半年)?"
)


def _is_period_row(cells: Sequence[Cell]) -> bool:
    """A row of periods only (`2023 | 2023 Q3 | 2023 Q4`): it heads the rows below it with
    their periods, as web pages of indicators repeat it; it holds no value."""
    words = [fold(cell.clean) for cell in cells if cell.clean]
    return bool(words) and all(_PERIOD_CELL.fullmatch(word) for word in words)


def _fitted(
    text: str,
    line: Line,
    cells: list[Cell],
    width: int,
    grid: Sequence[tuple[int, int]] | None,
) -> list[Cell]:
    """A row with exactly one cell per column: aligned by position, or padded at the end."""
    if grid is not None and len(cells) != width:
        return aligned(text, line.start, cells, grid)
    return _padded(cells, width, line.start + len(line.text))


def _padded(cells: list[Cell], width: int, end: int) -> list[Cell]:
    """`cells` cut or padded with empty cells at `end` (the line's end) to `width`."""
    return (cells + [Cell(end, end, "")] * width)[:width]


def _joined_rows(
    rows: Sequence[tuple[Line, list[Cell]]],
) -> list[tuple[Line, list[Cell]]]:
    """Rows broken over lines put back together: in a table whose rows open with their label,
    a line that opens with a pipe, or holds figures alone, goes on with the row above when
    that row's line ended with one (`甲县 | 12 | 30 |` then `| 4.1 | 56 |`; `屯昌县 | 0.29 |`
    then `1.36 |`, `663.2 | 248.7 |`) and is still short of the width of the rows that open
    with a label; the pipes between them close an empty cell."""
    goes_on = [_goes_on(line, cells) for line, cells in rows]
    width = max(
        (len(cells) for (_, cells), on in zip(rows, goes_on, strict=True) if not on), default=0
    )
    width = max(width, _broken_row_width(rows, goes_on))
    joined: list[tuple[Line, list[Cell]]] = []
    for (line, cells), on in zip(rows, goes_on, strict=True):
        if (
            joined
            and on
            and joined[-1][0].text.rstrip()[-1:] in "|｜"
            and len(joined[-1][1]) + len(cells) <= width
        ):
            previous_line, previous_cells = joined[-1]
            joined[-1] = (replace(previous_line, text=line.text), previous_cells + cells)
        else:
            joined.append((line, cells))
    return joined


def _broken_row_width(rows: Sequence[tuple[Line, list[Cell]]], goes_on: Sequence[bool]) -> int:
    """The width of rows every one of which the page broke the same way (`入境游客 | 1674624 |`,
    `-53.35 |`, `14860410 | 9.71 |`): where at least three rows open with a label, each then
    goes on over lines of figures, and all come to the same number of cells, that number; else
    0. No row is whole there, so the rows that open with a label cannot give the width."""
    totals: list[int] = []  # one per row that opens with a label and holds a figure
    widest = 0  # the widest such row on its own line
    open_row = False
    for (_, cells), on in zip(rows, goes_on, strict=True):
        if not on:
            open_row = has_data(cells)
            if open_row:
                totals.append(len(cells))
                widest = max(widest, len(cells))
        elif open_row:
            totals[-1] += len(cells)
    if len(totals) < _BROKEN_ROWS_MIN or len(set(totals)) != 1 or totals[0] <= widest:
        return 0
    return totals[0]


_BROKEN_ROWS_MIN = 3


def _goes_on(line: Line, cells: Sequence[Cell]) -> bool:
    """A line that goes on with the row above: it opens with a pipe, or holds figures alone,
    the first no year (a row of a table whose rows are years opens with its year; a ranked
    row, `1 | 银川市 | 288.2`, holds its label)."""
    if opens_with_pipe(line):
        return True
    words = [fold(cell.clean) for cell in cells if cell.clean]
    return (
        bool(words)
        and all(NUMBER_CELL.fullmatch(word) for word in words)
        and header_year(words[0]) is None
    )


def _header_rejoined(rows: Sequence[tuple[Line, list[Cell]]]) -> list[tuple[Line, list[Cell]]]:
    """A header row broken over lines, its last cells a line each (`单位 | 快递业务量累计(万件) |
    同比增长 (%) |` then `快递收入累计 (万元) |`, `同比增长 (%) |`): one row again, where the
    pieces make it exactly as wide as the table's rows of figures."""
    widths = Counter(_filled_width(cells) for _, cells in rows if has_data(cells))
    if not widths:
        return list(rows)
    width = widths.most_common(1)[0][0]
    joined: list[tuple[Line, list[Cell]]] = []
    index = 0
    while index < len(rows):
        line, cells = rows[index]
        end, filled = index + 1, _filled_width(cells)
        while (
            end < len(rows)
            and filled < width
            and len(rows[end][1]) == _filled_width(rows[end][1]) == 1
            and not has_data(rows[end][1])
            and rows[end - 1][0].text.rstrip()[-1:] in "|｜"
        ):
            filled += 1
            end += 1
        # The first line a row of two or more cells, no empty cells closing it: a header
        # written a cell a line (`年 份 |`, `卫生机构 (个) |`, …) is another layout's.
        opening = len(cells) == _filled_width(cells) >= 2 and not has_data(cells)
        if end > index + 1 and filled == width and opening:
            pieces = [cell for _, each in rows[index:end] for cell in each[: _filled_width(each)]]
            joined.append((line, pieces))
            index = end
        else:
            joined.append((line, cells))
            index += 1
    return joined


def _labels_rejoined(rows: Sequence[tuple[Line, list[Cell]]]) -> list[tuple[Line, list[Cell]]]:
    """A row's label on a line of its own, the rest of the row on the next opening with its
    unit (`#养老机构 四、社会救助 城市最低生活保障 |` then `个 | 245 | |||`): one row again,
    where that makes it as wide as the rows with a unit after their label."""
    filled = [_filled_width(cells) for _, cells in rows]
    joined: list[tuple[Line, list[Cell]]] = []
    index = 0
    while index < len(rows):
        line, cells = rows[index]
        following = rows[index + 1][1] if index + 1 < len(rows) else []
        lone_label = filled[index] == 1 and bool(cells[0].clean) and not has_data(cells)
        if (
            lone_label
            and following
            and is_unit_word(fold(following[0].clean))
            and filled[index + 1] + 1 in filled
            and has_data(following)
        ):
            joined.append((line, [cells[0], *following]))
            index += 2
            continue
        joined.append((line, cells))
        index += 1
    return joined


_OF_WHICH = re.compile(r"其\s*中\s*[:：]?")


def _grouped_headers(
    header_rows: Sequence[Sequence[Cell]], body: Sequence[Sequence[Cell]], width: int
) -> tuple[list[str], list[int | None]] | None:
    """The headers of a two-row header whose lower row names only the sub-columns of the
    upper row's groups (`指标 | 累计 | 当月 | 完成预算%` over `本期 | 同期 | 本期 | 同期`), the
    cells a group spans left out of the export: each column's header is its group's and its
    own. Which upper cells are groups is told by the lower row repeating its names once per
    group, and by the body: a column headed `%` holds decimals, others whole amounts. None
    where the rows are not of that shape."""
    if len(header_rows) != 2:
        return None
    upper = [cell.text for cell in header_rows[0] if cell.text]
    lower = [cell.text for cell in header_rows[1] if cell.text]
    if (
        upper
        and not STUB_HEADING.search(fold(upper[0]))
        and (len(upper) + len(lower) <= width or _repeated_under(upper, lower, width))
    ):
        # `总收入 | 其中:` over `医疗收入 | 财政补助收入 | …`: the page left out the empty cell
        # over the row labels too; so too `机构数(个) | 床位数(张)` over `2013年 | 2012年` twice.
        upper = ["", *upper]
    values = width - 1  # the first upper cell heads the row labels
    totalled = _groups_with_totals(upper, lower, values)
    if totalled is not None:
        return totalled
    leaves = values - len(lower)
    groups = len(upper) - 1 - leaves
    if groups < 1 or leaves < 0 or len(lower) % groups:
        return None
    span = len(lower) // groups
    if groups > 1 and not repeats(lower, groups):
        if leaves:
            return None
        # Every upper cell a group over as many lower cells, each naming its own (本年 |
        # 上年同期 | 增长(%) over 本月 | 1-本月 | 上年本月 | 上年1-本月 | 本月 | 累计): in order.
        headers = [upper[0]] + [
            group_and_sub(upper[1 + index // span], sub, "") for index, sub in enumerate(lower)
        ]
        return headers, [None, *(1 + index // span for index in range(len(lower)))]
    worded = _worded_columns(body)
    # `其中:` (of which) heads the parts of the column before it: a group, whatever else is.
    parts = {index for index, words in enumerate(upper) if _OF_WHICH.fullmatch(fold(words))}
    best: tuple[int, list[str], list[int | None]] | None = None
    for spanning in combinations(range(1, len(upper)), groups):
        if not parts <= set(spanning):
            continue
        headers = [upper[0]]
        group_of: list[int | None] = [None]  # the upper cell a column's group is under
        for index in range(1, len(upper)):
            if index in spanning:
                # A part is named by itself: 其中 names no measure.
                group = "" if index in parts else upper[index]
                headers += [group_and_sub(group, sub, "") for sub in lower[:span]]
                group_of += [index] * span
            else:
                headers.append(upper[index])
                group_of.append(None)
        if any(group_of[column] is not None for column in worded if column < len(group_of)):
            continue  # sub-columns of figures (绝对值, 增长%) never hold words (责任部门)
        fit = fit_to_body(headers, body)
        if best is None or fit > best[0]:
            best = (fit, headers, group_of)
    return (best[1], best[2]) if best else None


def _groups_over_repeated_names(
    header_rows: Sequence[Sequence[Cell]], width: int
) -> list[str] | None:
    """A space-aligned header of groups over names repeated once a group, set with no
    alignment: `畜禽別 | 106年第1季 | … | 106年第1季與105年第4季增減比較` over `飼養場數 |
    在養數量` repeated once a quarter, then `實數 | % | 實數 | %` under the last group, which
    compares the same measures (a line of them, `飼養場數 | 在養數量`, between). Each column's
    name is its group's and its own, in order; None where the lines are not of that shape."""
    if len(header_rows) not in (2, 3):
        return None
    upper, *middle_rows, lower = [
        [cell.text.strip() for cell in row if cell.text.strip()] for row in header_rows
    ]
    # Notes under the groups' names (`(本季) | (上一季)`) name no column of their own.
    middle = (
        [name for name in middle_rows[0] if not BRACKETED.fullmatch(name)] if middle_rows else []
    )
    values, groups = width - 1, len(upper) - 1
    if groups < _REPEATED_GROUPS_MIN or len(lower) != values:
        return None  # names repeated under two groups or more, or their order says nothing
    for span in range(2, values // (groups - 1) + 1):
        head = (groups - 1) * span  # the columns of every group but the last
        tail, names = values - head, lower[:span]
        if tail < 1 or lower[:head] != names * (groups - 1) or len(set(names)) < span:
            continue
        if middle and (middle != names or tail % len(middle)):
            continue
        per = tail // len(middle) if middle else tail
        tails = [
            f"{middle[index // per]}{lower[head + index]}" if middle else lower[head + index]
            for index in range(tail)
        ]
        texts = [upper[0]]
        for group in upper[1:-1]:
            texts += [group_and_sub(group, name, "") for name in names]
        return texts + [group_and_sub(upper[-1], name, "") for name in tails]
    return None


_REPEATED_GROUPS_MIN = 3  # groups over the repeated names, the last one comparing them


def _put_back(cells: list[Cell], width: int, first: re.Pattern[str]) -> list[Cell]:
    """A row one cell short whose first cell is what `first` matches: the cell before it was
    left out, an empty cell in its place. A row opening on a figure lost its label (a total's,
    left blank: `NUMBER_CELL`); one opening on a total's label under a serial column has no
    serial of its own (`全省 | 851.36 | 7.7 |`: `_TOTAL_LABEL`)."""
    if len(cells) == width - 1 and cells and first.fullmatch(fold(cells[0].clean)):
        return [Cell(cells[0].start, cells[0].start, ""), *cells]
    return cells


# A total's label (合计, 全省, 总 计, 全省合计, 全市总计): the row a serial column leaves
# unnumbered. (A row short for another reason, its last figure blank, opens on its serial,
# however it is written: ⑶, Ⅱ, 1.1.)
_TOTAL_LABEL = re.compile(
    r"(?:(?:全\s*[省市县区国州盟旗镇乡]\s*)?[合总小共]\s*计|全\s*[省市县区国州盟旗镇乡]|总\s*体"
    r"|[Tt]otal)\s*[:：]?"
)


def _groups_with_totals(
    upper: Sequence[str], lower: Sequence[str], values: int
) -> tuple[list[str], list[int | None]] | None:
    """The headers where every upper cell past the row labels' heading is a group whose first
    column is its own, named by nothing below (`全市(人) | 构成(%)` over `城镇 | 农村` twice, three
    figures under each: the whole, then its parts): one more column per group than the lower
    row names. None where the rows are not of that shape."""
    groups = len(upper) - 1
    if groups < 1 or len(lower) % groups or values != len(lower) + groups:
        return None
    span = len(lower) // groups
    if span < 2 or not repeats(lower, groups):
        return None
    headers = [upper[0]]
    group_of: list[int | None] = [None]
    for index in range(1, len(upper)):
        subs = lower[(index - 1) * span : index * span]
        headers += [upper[index], *(group_and_sub(upper[index], sub, "") for sub in subs)]
        group_of += [index] * (span + 1)
    return headers, group_of


def _repeated_under(upper: Sequence[str], lower: Sequence[str], width: int) -> bool:
    """Whether the lower row names every value column, its names repeated once per upper cell:
    each upper cell a group, none over the row labels."""
    return len(lower) == width - 1 and len(upper) > 1 and repeats(lower, len(upper))


def _worded_columns(body: Sequence[Sequence[Cell]]) -> set[int]:
    """The columns where some body cell holds words, not a figure or a dash."""
    return {
        index
        for cells in body
        for index, cell in enumerate(cells)
        if re.search(r"[^\W\d_]", words := fold(cell.clean)) and not NUMBER_CELL.fullmatch(words)
    }


def _spans_spread(
    header_rows: Sequence[Sequence[Cell]], width: int, body: Sequence[Sequence[Cell]] = ()
) -> list[list[Cell]]:
    """Two header rows whose spans were lost, put back under the columns they head.

    A web table's upper header has cells that head one column over both rows (the row
    labels, a `预算%` column) and cells that span a group of columns named in the lower row;
    flattened, both rows are short and left-aligned (`科目 | 预算 | 累计 | 当月 | 预算%` over
    `本期 | 同期 | 本期 | 同期`). With u upper cells, l lower cells and w columns, u + l - w
    upper cells span, each over as many lower cells when the lower row repeats one group.
    The spanning ones are taken to be consecutive, past the row labels, without a unit of
    their own (a unit names one column), the rightmost such run whose columns all hold a
    figure in the body (a plan's `2021年完成 | 2022年计划 | 责任部门` spans the years, not
    the column of department names); otherwise the rows are left as they are.
    """
    rows = [list(row) for row in header_rows]
    for depth in range(len(rows) - 1):
        upper, lower = _filled(rows[depth]), _filled(rows[depth + 1])
        if lower and not lower[0].clean:  # the empty cell under the row labels' heading
            lower = lower[1:]
        spanning = len(upper) + len(lower) - width
        if not (upper and lower) or spanning < 1 or len(lower) % spanning:
            continue
        group = len(lower) // spanning
        names = [cell.clean for cell in lower]
        if group < 2 or not repeats(names, spanning) or len(upper) >= width:
            continue
        open_cells = [i for i in range(1, len(upper)) if header_unit(upper[i].text) is None]
        runs = [i for i in open_cells if all(i + k in open_cells for k in range(spanning))]
        if not runs:
            continue
        first = next(
            (i for i in reversed(runs) if _figures_under(body, i, i + spanning * group)),
            runs[-1],
        )
        blank = Cell(upper[0].start, upper[0].start, "")
        spread_upper: list[Cell] = []
        spread_lower: list[Cell] = []
        below = iter(lower)
        for index, cell in enumerate(upper):
            spans = first <= index < first + spanning
            spread_upper += [cell] * (group if spans else 1)
            spread_lower += [next(below) for _ in range(group)] if spans else [blank]
        rows[depth], rows[depth + 1] = spread_upper, spread_lower
    return rows


def _figures_under(body: Sequence[Sequence[Cell]], start: int, stop: int) -> bool:
    """Whether every column from `start` to `stop` holds a figure in some row of `body`."""
    return all(
        any(index < len(cells) and NUMBER_CELL.fullmatch(cells[index].clean) for cells in body)
        for index in range(start, stop)
    )


def _filled(cells: Sequence[Cell]) -> list[Cell]:
    """A row's cells less the empty ones at its end."""
    cells = list(cells)
    while cells and not cells[-1].text:
        cells.pop()
    return cells


def _header_texts(header_rows: Sequence[Sequence[Cell]], width: int) -> list[str]:
    """One header per column from stacked header rows; an empty cell in an upper row carries
    the text on its left (a spanning `2023年` over `绝对量 | 增长`). A year under a measure
    (`产量(万吨)` over `2022 | 2023`) goes before it, where a header states its year, so the
    measure's unit stays at the end."""
    texts = [""] * width
    for depth, cells in enumerate(header_rows):
        spanning = depth < len(header_rows) - 1
        carried = ""
        for index in range(width):
            cell = cells[index].text if index < len(cells) else ""
            if cell:
                carried = cell
            elif spanning and index > 0:
                cell = carried
            if depth and header_year(cell) and not header_year(texts[index]):
                texts[index] = cell + texts[index]
            else:
                texts[index] += cell
    return texts


def _units_down(body: Sequence[tuple[Line, list[Cell]]], index: int) -> bool:
    """Whether every row has a unit alone in column `index` (元/5升, 公斤): a unit column
    where space columns may have shifted a header's words over another column."""
    cells = [cells[index].clean for _, cells in body if index < len(cells)]
    return len(cells) == len(body) and all(is_unit_word(cell) for cell in cells)


def _holds_sentences(columns: Sequence[Column], body: Sequence[tuple[Line, list[Cell]]]) -> bool:
    """Whether a value column's cells run into sentences: two columns of prose set side by
    side, cut at the gap between them, not a table."""
    return any(
        column.role == "value" and index < len(cells) and SENTENCE.search(fold(cells[index].text))
        for _, cells in body
        for index, column in enumerate(columns)
    )
