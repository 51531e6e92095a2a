"""Tables copied one cell per line with nothing to mark rows: the header's cells, then rows of
as many cells, each a row label followed by numbers; rows found by their shape, sub-items by
indent or a `#` mark, a month's table dated by its title.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from math import comb

from llmx.folding import fold
from llmx.lines import (
    BARE_YEAR,
    LABELS_HEADER,
    ROW_LABELS_HEADER,
    SPREADSHEET_ERROR,
    STUB_HEADING,
)
from llmx.tables.captions import CAPTION, SENTENCE, TABLE_NUMBER, line_before, with_caption
from llmx.tables.cellruns import STREAM_CELL_MAX, STREAM_ROWS_MIN, stream_kind, stream_runs
from llmx.tables.columnroles import (
    body_of,
    figure_kinds,
    fit_to_body,
    groups_alike,
    stream_columns,
)
from llmx.tables.headers import (
    BRACKETED,
    INDICATOR_HEADER,
    NOTES_HEADER,
    SUB_MARKS,
    UNIT_COLUMN,
    UNIT_LINE,
    Unit,
    caption_counts,
    group_and_sub,
    header_unit,
    header_year,
    heads_every_column,
    outline_level,
    outline_numberless,
    outside_brackets,
    repeats,
    totalled_groups,
    unit_line_unit,
    unit_of_words,
)
from llmx.tables.parts import outline_parts, siblings_of_marked
from llmx.tables.rowlines import Line, column_codes_end
from llmx.tables.serials import is_serial_name, without_serials
from llmx.tables.table import Cell, Column, Row, Table, figure_value, units_rejoined
from llmx.tables.taken import TakenSpans
from llmx.tables.translations import is_english_cell, without_translations
from llmx.vocabulary import is_fact_unit

_STREAM_TITLE_LINES = 2
_CAPTION_LOOKBACK = 200  # characters: a caption sits right above its table
_MONTH_TITLE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:份)?")
_YEAR_TITLE = re.compile(r"(?:19|20)\d{2}年")


def _is_date_title(run: Sequence[Cell], index: int) -> bool:
    """Whether `run[index]` is a month or a year alone under a table's name (`2022年9月`;
    `2020年` or `(2003年)` over `指标名称`): what the table is of, its header starting after
    it. A year over anything else may head a column group (`县别`, `2023年`, `自有`)."""
    words = fold(run[index].clean)
    if BRACKETED.fullmatch(words):
        words = words[1:-1]
    if _MONTH_TITLE.fullmatch(words):
        return True
    after = run[index + 1].clean if index + 1 < len(run) else ""
    return bool(_YEAR_TITLE.fullmatch(words) and INDICATOR_HEADER.match(fold(after)))


def stream_tables(
    text: str,
    lines: Sequence[Line],
    taken: TakenSpans,
    across_blanks: bool = False,
    blank_cells: bool = False,
    closed_cells: bool = False,
) -> list[Table]:
    """Tables in runs of one-cell lines, each starting where its run starts or right after
    a caption (`表2 …`, `单位：万元`), so a header is never guessed from the middle of one."""
    tables: list[Table] = []
    runs = stream_runs(
        lines,
        taken,
        across_blanks,
        english=True,
        blank_cells=blank_cells,
        closed_cells=closed_cells,
    )
    for run in (
        _row_units_rejoined(
            _without_column_codes(without_translations(run, _cell_words, _is_english))
        )
        for run in runs
    ):
        if blank_cells and (
            not any(cell.blank for cell in run)
            or _blanks_part_rows(without_serials(run, _cell_words, _is_label_cell))
        ):
            continue  # the reading without blank cells reads it the same, or better
        starts = sorted(
            {0}
            | {i + 1 for i, cell in enumerate(run) if _is_caption(cell) or _is_date_title(run, i)}
            | {
                # 指标名称 heads the labels; a serial column's header (录入代码) may open the row.
                i - 1 if i and is_serial_name(run[i - 1].clean) else i
                for i, cell in enumerate(run)
                if LABELS_HEADER.fullmatch(fold(cell.clean))
            }
        )
        end = 0
        index = 0
        while index < len(starts):
            start = starts[index]
            index += 1
            if start < end or start >= len(run):
                continue
            # A table runs no further than the next header or caption past its title lines,
            # where the next starts: a run of headers alone (项目, 名称, … a thousand times)
            # reads in linear time.
            later = bisect_right(starts, start + _STREAM_TITLE_LINES)
            cells = run[start : starts[later] if later < len(starts) else len(run)]
            leads = range(min(_STREAM_TITLE_LINES, len(cells) - 1) + 1)
            # The cells above that a caption may be in: the last few, not the run's whole
            # prefix, copied for every start (a run of thousands of headings alone).
            above = run[max(0, start - _STREAM_TITLE_LINES) : start]
            found = _first_reading(text, cells, leads, above)
            if found is not None:
                tables += indented_parts(text, found)
                end = sum(1 for cell in run if cell.start < found.end)
                # The run may go on to a small table of its own under no caption, its title
                # a line of words: it starts at its header.
                header = _header_after(run, end)
                if header is not None and header not in starts:
                    insort(starts, header)
    return tables


def _row_units_rejoined(run: list[Cell]) -> list[Cell]:
    """A row label whose unit wrapped onto a line of its own (`全年自来水供水总量` then
    `(万立方米)`, then the row's figures) joined again, as a header's are: the rows with a
    unit and those without are as wide."""
    joined: list[Cell] = []
    for at, cell in enumerate(run):
        previous = joined[-1] if joined else None
        wrapped = (
            previous is not None
            and at + 1 < len(run)
            and stream_kind(previous) == "label"
            and not BRACKETED.fullmatch(fold(previous.clean))
            and stream_kind(run[at + 1]) == "number"
            and BRACKETED.fullmatch(fold(cell.clean)) is not None
            and _names_a_unit(cell.clean)
        )
        if previous is not None and wrapped:
            joined[-1] = Cell(previous.start, cell.end, previous.text + cell.text)
        else:
            joined.append(cell)
    return joined


def _blanks_part_rows(run: Sequence[Cell]) -> bool:
    """Whether a run's empty lines only part its rows: one after every row's last figure and
    before the next row's (or group's) label or year (a page setting each row as a
    paragraph), none before another figure. There they are no empty cells, and the last row,
    with none after it, is as wide."""
    kinds = [stream_kind(cell) for cell in run]
    for at in range(1, len(run) - 1):
        opens_row = kinds[at + 1] == "label" or BARE_YEAR.fullmatch(run[at + 1].clean)
        if run[at].blank and not opens_row:
            return False
        if kinds[at + 1] == "label" and kinds[at] != "label" and not run[at].blank:
            return False  # a row's last figure, then the next row's label with no line between
    return True


def _first_reading(
    text: str, cells: Sequence[Cell], leads: range, above: Sequence[Cell]
) -> Table | None:
    """The first table the readings of a run make, its header at each lead in turn. Where the
    header names a column of notes (责任部门, 备注), the reading with it and the one without it
    are both made, and the one that places more figures is taken, the one with it on a tie:
    notes of words leave a reading with their column short of rows, notes of dashes or
    figures one without it short of a column."""
    notes_named = any(NOTES_HEADER.fullmatch(fold(cell.clean)) for cell in cells)
    for read in (_stream_table, _grouped_stream_table):
        for lead in leads:
            readings = [
                table
                for notes in ((True, False) if notes_named else (True,))
                if (table := read(text, cells, lead, above, notes)) is not None
            ]
            if readings:
                return max(readings, key=_figures_placed)
    return next(
        (
            table
            for lead in leads
            if (table := _described_stream_table(text, cells, lead, above)) is not None
        ),
        None,
    )


def _figures_placed(table: Table) -> int:
    """How many of a table's value cells hold a figure."""
    return sum(
        1
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=False)
        if column.role == "value" and figure_value(cell.clean) is not None
    )


def cells_table(
    text: str,
    rows: Sequence[Sequence[Cell]],
    above: Sequence[Cell] = (),
    *,
    header_first: bool = False,
    lost_names: bool = False,
) -> Table | None:
    """The table rows of cells make read a cell at a time, as a web table copied a cell a
    line: a header's row up to its last filled cell, a row of figures whole (an empty cell
    a blank one). `above` are the cells of its caption rows (`单位:人`). With `header_first`
    the first row is known to be the header, no title to look past: a group's label under
    it is then never taken for more of it. With `lost_names`, an empty cell among the first
    row's names is a column whose name the page lost, still a name's place."""
    run: list[Cell] = []
    width = max((len(cells) for cells in rows), default=0)
    for number, cells in enumerate(rows):
        if lost_names and number == 0:
            run += list(cells)  # every cell a name, the empty ones too
            continue
        short = len(cells) < width or (cells and not cells[-1].clean)
        if short and any(_is_error(cell) for cell in cells):
            # `100 | #DIV/0! | #DIV/0! | |`: a sheet's row whose sums had nothing to work on,
            # its cells short of the row, as a copy that left out its empty cells writes it:
            # which column its figure is in is unknown, so it is left out, the rows after it
            # kept. (A whole row's error cells are empty cells.)
            continue
        figured = any(stream_kind(cell) == "number" for cell in cells)
        end = len(cells)
        while not figured and end and not cells[end - 1].clean:
            end -= 1
        run += [replace(cell, blank=not cell.clean) for cell in cells[:end]]
    leads = range(1 if header_first else min(_STREAM_TITLE_LINES, len(run) - 1) + 1)
    return _first_reading(text, run, leads, above) if run else None


def _is_error(cell: Cell) -> bool:
    return SPREADSHEET_ERROR.fullmatch(cell.clean) is not None


def _header_after(run: Sequence[Cell], end: int) -> int | None:
    """Where a header naming the row labels (`年份`, `指标名称`) opens within a title's
    reach of `end`, the cell after the last table found: a new table's start."""
    reach = run[end : end + _STREAM_TITLE_LINES + 1]
    named = (i for i, cell in enumerate(reach) if ROW_LABELS_HEADER.fullmatch(fold(cell.clean)))
    at = next(named, None)
    return None if at is None else end + at


def _without_column_codes(run: list[Cell]) -> list[Cell]:
    """A run without a statistical form's column codes (`甲`, `丙`, `1`, `2`, `3` under
    `指标名称`, `单位`, `数量`, `上期`, `环比`), which number its columns and are no row.
    Only codes as many as the header's cells above, from the one naming the row labels:
    under a header with a group over its columns, the codes tell the rows' width."""
    kept: list[Cell] = []
    at = 0
    while at < len(run):
        end = column_codes_end(run, at)
        named = 2 * at - end
        if end > at and named >= 0 and ROW_LABELS_HEADER.fullmatch(fold(run[named].clean)):
            at = end
        else:
            kept.append(run[at])
            at += 1
    return kept


def indented_parts(text: str, table: Table) -> list[Table]:
    """A one-cell-per-line table whose sub-items are marked (`     # 批发零售业` under
    `社会消费品零售总额(亿元)`, `       住宿餐饮业` as deep) cut into parts under their parents
    (see `outline_parts`). Without a `#` mark, an indent may only centre a label in its
    column (`  西  岭`)."""
    labels = [row.cells[0] for row in table.rows]
    depths = [_label_indent(text, label) for label in labels]
    if len(set(depths)) < 2 or not any(label.clean.startswith(SUB_MARKS) for label in labels):
        return [table]
    if all(_marked_only(text, label) for label in labels):
        depths = siblings_of_marked(labels, depths)
    rows = [list(row.cells) for row in table.rows]
    return outline_parts(replace(table, rows=()), labels, depths, rows)


def _marked_only(text: str, label: Cell) -> bool:
    """Whether a label's line starts with its words or a `#` mark, no space before (a page
    that lost its indents)."""
    line_start = text.rfind("\n", 0, label.start) + 1
    return not (text[line_start : label.start] + label.text)[:1].isspace()


def _label_indent(text: str, label: Cell) -> int:
    """The spaces (and `#` marks) before a label's words, from the start of its line."""
    line_start = text.rfind("\n", 0, label.start) + 1
    lead = text[line_start : label.start] + label.text
    return len(lead) - len(lead.lstrip(" \t\u3000#"))


def _grouped_stream_table(
    text: str, run: Sequence[Cell], lead: int, before: Sequence[Cell] = (), notes: bool = True
) -> Table | None:
    """Where no table fits its header, the header's last cell may be a group's label over
    the first rows (`旅游业`, then `一、接待旅游者 | 万人次 | 61.92 …`), or its last two a
    group's and a subgroup's, numbered (`一、综合`, `(一)行政区划`, then `乡镇级合计 | 个 |
    1,107 …`), the first row's figures maybe opening on dashes (`- | - | 10`): the table
    without them."""
    first_figure = _first_figure(run, lead, dashes=True)
    if first_figure is None or first_figure - lead < _GROUPED_HEADER_MIN:
        return None
    label = first_figure - 1  # the first row's label, or its unit after it
    if _with_unit_cells(run, [stream_kind(cell) for cell in run], lead)[label] == "unit":
        label -= 1
    group = label - 1
    level = outline_level(run[group].clean)
    words = outline_numberless(run[group].clean) if level in (0, 1) else run[group].clean
    if not _GROUP_LABEL.fullmatch(words):
        return None  # `(B/A)`: the rest of a header cell that wrapped, no group's label
    if level == 1 and outline_level(run[group - 1].clean) == 0:
        group -= 1
    if group - lead < _GROUPED_HEADER_MIN - 2:
        return None
    return _stream_table(text, [*run[:group], *run[label:]], lead, before, notes)


_GROUPED_HEADER_MIN = 4  # cells: two headers, the group's label, the first row's
_GROUP_LABEL = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]*")  # 旅游业: words alone


def _described_stream_table(
    text: str, run: Sequence[Cell], lead: int, before: Sequence[Cell] = ()
) -> Table | None:
    """Rows whose label is followed by words of their own before the figures, as many each
    (a price sheet's `菜籽油 | 桶装一级压榨 | 元/5升 | 平均价格 | 76.70 | …` under `商品名称 |
    规格 | 计量单位 | 价格类型 | 上旬平均 | …`): the header is as wide as a row, and cut off
    where the first row's words begin. The words' columns hold no figures; a unit column's
    give each row its unit."""
    first_number = _first_figure(run, lead, dashes=False)
    if first_number is None:
        return None
    kinds = [stream_kind(cell) for cell in run]
    for words in range(2, _DESCRIPTIONS_MAX + 1):
        width = first_number - lead - words
        if width <= words:
            return None
        rows = _described_rows(
            run[first_number - words :], kinds[first_number - words :], words, width
        )
        if len(rows) < STREAM_ROWS_MIN:
            continue
        header = run[lead : lead + width]
        texts = [cell.text for cell in header]
        columns = list(stream_columns(texts, body_of(rows)))
        for at in range(1, words):
            role = "unit" if UNIT_COLUMN.match(fold(header[at].clean)) else "other"
            columns[at] = replace(columns[at], role=role)
        if not any(column.role == "value" for column in columns):
            return None
        titles = [cell.text for cell in run[:lead]]
        unit = _caption_unit(before, titles) or _unit_line_above(text, run[0].start)
        return _lines_table(text, run, titles, header, tuple(columns), rows, unit)
    return None


_DESCRIPTIONS_MAX = 4  # cells of words a row opens with, its label among them


def _described_rows(
    run: Sequence[Cell], kinds: Sequence[str], words: int, width: int
) -> list[list[Cell]]:
    """Rows of `width` cells from the run's start, each `words` cells of words then figures
    (or dashes, one figure at least), for as long as that holds."""
    rows: list[list[Cell]] = []
    for start in range(0, len(run) - width + 1, width):
        row_kinds = kinds[start : start + width]
        if any(kind != "label" for kind in row_kinds[:words]) or "label" in row_kinds[words:]:
            break
        if "number" not in row_kinds[words:]:
            break
        rows.append(list(run[start : start + width]))
    return rows


def _first_figure(run: Sequence[Cell], lead: int, *, dashes: bool) -> int | None:
    """Where the run's first figure is, from its header's start on; with `dashes`, its first
    figure or dash for none (`研发经费投入增长 | % | - | - | 10`: a row's first cell of
    figures)."""
    kinds = ("number", "none") if dashes else ("number",)
    return next(
        (at for at in range(lead, len(run)) if not run[at].blank and stream_kind(run[at]) in kinds),
        None,
    )


def _stream_table(
    text: str, run: Sequence[Cell], lead: int, before: Sequence[Cell] = (), notes: bool = True
) -> Table | None:
    """The table a run of one-cell lines makes when its header starts at `run[lead]`.

    The header is the labels before the first number, less the first row's label; rows are
    as many cells each, a label then numbers (or dashes), for as long as that holds. `before`
    are the run's cells above (a `单位：` caption that a table starts after).
    """
    if lead < len(run) and _is_date_title(run, lead):
        return None  # the table's date (`(2003年)` over `指标`): its header starts after it
    run = [*run[:lead], *without_serials(run[lead:], _cell_words, _is_label_cell)]
    kinds = _months_numbered(
        run, _with_unit_cells(run, [stream_kind(cell) for cell in run], lead), lead
    )
    labels = lead
    while labels < len(run) and kinds[labels] == "label":
        labels += 1
    kinds, labels = _bare_years_headed(run, kinds, lead, labels)
    unlabelled = _unlabelled_first_row(run, kinds, labels)
    # The header's words over the labels then name what every row measures (`出院人数`).
    measured = len(unlabelled[0]) > len(run)
    run, kinds, labels = unlabelled
    titles = [cell.text for cell in run[:lead]]
    unit = _caption_unit(before, titles)
    header, unit_row = _unit_row_split(run[lead : labels - 1])
    if not notes:
        # Read without a column of notes (责任部门, 备注): its name heads no column, the notes
        # are skipped between rows as heads are. (None where the header names none: the
        # reading with its notes is the same; `_first_reading` weighs the two.)
        without_notes = [c for c in header if not NOTES_HEADER.fullmatch(fold(c.clean))]
        if len(without_notes) == len(header):
            return None
        header = without_notes
    header = units_rejoined(_bare_units_joined(header, _stream_values(kinds, labels)))
    header, column_years = _years_under_names(header)
    unit = unit or unit_row or _unit_line_above(text, run[0].start)
    if any(CAPTION.match(fold(cell.clean)) for cell in header):
        return None  # a table's header starts after its caption (a chart's above it)
    if header and UNIT_COLUMN.match(fold(header[0].clean)):
        return None  # a unit column heads a row's unit after its label: its header starts above
    # The header names the row labels' column too, or leaves that cell blank (a line of
    # spaces, gone from the run): the rows tell, being one cell wider then.
    # (Read without its notes, a header names the labels' column: a row a cell wider is the
    # notes' cell read as a figure's, no blank heading.)
    extras = (0, 1) if notes else (0,)
    rows, headless = max(
        (_stream_rows(run, kinds, labels - 1, len(header) + extra), extra) for extra in extras
    )
    if headless and all(not row[-1].clean for row in rows):
        # Every row one empty line longer than its header: the page's padding cell after the
        # last figure (`| 6511.34 | 7568.89 | |`), the header naming the labels' column.
        rows, headless = [row[:-1] for row in rows], 0
    to_years = _header_to_its_years(header)
    if len(rows) < STREAM_ROWS_MIN and len(to_years) < len(header):
        # 指 标, 2005年, 2012年, 2013年, 普通高等学校: the words after the last year caption
        # the first group of rows, where the rows do not fit a header that holds them.
        captioned = max(
            (_stream_rows(run, kinds, labels - 1, len(to_years) + extra), extra) for extra in extras
        )
        if len(captioned[0]) >= STREAM_ROWS_MIN:
            (rows, headless), header = captioned, to_years
    columns: tuple[Column, ...] | None = None
    totalled = _totalled_groups([cell.clean for cell in header], _stream_values(kinds, labels))
    if (
        len(header) >= 2
        and totalled is None
        and all(len(outside_brackets(undated(c.clean))) <= STREAM_CELL_MAX // 2 for c in header)
    ):
        texts = _first_column_unnamed([""] * headless + [cell.text for cell in header], rows)
        columns = stream_columns(texts, body_of(rows)) if rows else None
    values = _stream_values(kinds, labels)

    def value_rows() -> list[list[Cell]]:
        # Rows of a label and as many figures as the first row has, whatever the header says.
        return _stream_rows(run, kinds, labels - 1, values + 1)

    if columns is None:
        # Groups over repeated sub-columns: the rows count the columns, as below.
        named = [cell.clean for cell in header if not UNIT_LINE.fullmatch(fold(cell.clean))]
        named, units = _units_under_columns(named, values)
        grouped = _grouped_names(named, values)
        if grouped and units:
            grouped = [*grouped[:-values], *map(str.__add__, grouped[-values:], units)]
        # One group over the lower cells, the rest a column each: a cell more than the columns.
        summed = grouped is None and len(named) == values + 2
        grouped_rows = value_rows() if grouped or summed else []
        grouped = grouped or (_summed_group_names(named, grouped_rows) if summed else None)
        if grouped is None and (wrapped := _wrapped_names(run[lead : labels - 1], values)):
            grouped, grouped_rows = wrapped, grouped_rows or value_rows()
        if grouped is None and (len(named) > values + 2 or (summed and _may_group_once(named))):
            grouped_rows = value_rows()
            grouped = _fitted_group_names(named, values, grouped_rows)
        if (
            grouped is None
            and summed
            and (unit is not None or caption_counts(" ".join(_captions(before, titles))))
            and heads_every_column(named)
        ):
            # 隧道範圍, 嚴重程度, then 致命, 嚴重 (a corner cell naming the rows and the columns,
            # copied as two), or 省市, 固定资产投资额, then 绝对值, 增长(%): the second over
            # every column, no column of its own; where a unit says what the figures are
            # (a header's cells wrapped over lines look the same to a count).
            subs = [group_and_sub(named[1], sub) for sub in named[2:]]
            grouped, grouped_rows = [named[0], *subs], grouped_rows or value_rows()
        if grouped and grouped_rows:
            rows = grouped_rows
            columns = stream_columns(grouped, body_of(rows))
    if columns is None and unit is not None:
        # A header whose cells wrapped over lines no longer counts its columns: the rows do
        # (a label, then as many numbers each), and the caption's unit says what they are.
        rows = value_rows() if values >= 2 else []
        columns = _unnamed_columns(" ".join(cell.text for cell in header), values)
    if columns is None or len(rows) < _rows_min(header) or not header:
        return None
    if not any(column.role == "value" for column in columns):
        return None
    columns = _dated_by(columns, column_years)
    return _lines_table(
        text, run, titles, header, columns, rows, unit, header[0].clean if measured else ""
    )


def _years_under_names(header: Sequence[Cell]) -> tuple[list[Cell], list[str]]:
    """A header whose last cells are one year under each of the columns named before them
    (`全市`, `通川区`, …, then `2016年` as many times): the names, and the years; a header of
    other cells as it is, with no years. Years that differ (`比重` over `2020年`, `2010年`)
    are a group's columns, no row of dates."""
    cells = list(header)
    years: list[str] = []
    while len(years) < len(cells) and (found := BARE_YEAR.fullmatch(cells[-1 - len(years)].clean)):
        years.insert(0, found.group(1))
    names = cells[: len(cells) - len(years)]
    if (
        len(years) < _COLUMN_YEARS_MIN
        or len(set(years)) != 1
        or not len(years) <= len(names) <= len(years) + _STUBS_MAX
    ):
        return cells, []
    return names, years


_COLUMN_YEARS_MIN = 3
_STUBS_MAX = 3  # the cells over the labels, units and codes before the columns a year each


def _dated_by(columns: tuple[Column, ...], years: Sequence[str]) -> tuple[Column, ...]:
    """The value columns, each of its year under it, where there is one a value column."""
    values = [index for index, column in enumerate(columns) if column.role == "value"]
    if not years or len(values) != len(years):
        return columns
    dated = dict(zip(values, years, strict=True))
    return tuple(
        replace(column, period=dated[index]) if index in dated else column
        for index, column in enumerate(columns)
    )


def _is_caption(cell: Cell) -> bool:
    """A table's caption (`表2 …`, `单位：万元`), or a yearbook table's number and title."""
    return bool(CAPTION.match(fold(cell.clean)) or TABLE_NUMBER.match(fold(cell.text.strip())))


def _rows_min(header: Sequence[Cell]) -> int:
    """The rows a run must hold to be a table under `header`: one where the header opens on
    the labels' name and every cell after it names its unit (`年份`, `诊疗总人次 (万人次)`,
    `出院人数 (万人次)`: a year's figures, a small table a page copied a cell a line), else
    two."""
    measured = [cell.clean for cell in header[1:]]
    named = bool(header) and ROW_LABELS_HEADER.fullmatch(fold(header[0].clean)) is not None
    if named and len(measured) >= 2 and all(header_unit(words) for words in measured):
        return 1
    return STREAM_ROWS_MIN


def _caption_unit(before: Sequence[Cell], titles: Sequence[str]) -> Unit | None:
    """The unit of the nearest unit line among a table's captions (the cells just above it
    and its title lines): `表4-1 … 单位:人、%` above `表4-2 …`, `单位:%` titles a table shown
    as a picture. A unit broken over two cells is read joined."""
    captions = _captions(before, titles)
    nearest = (found for caption in reversed(captions) if (found := unit_line_unit(caption)))
    return next(nearest, None) or unit_line_unit(" ".join(captions))


def _captions(before: Sequence[Cell], titles: Sequence[str]) -> list[str]:
    """A table's caption lines: the cells just above it, then its title lines."""
    return [cell.text for cell in before[-_STREAM_TITLE_LINES:]] + list(titles)


def _lines_table(
    text: str,
    run: Sequence[Cell],
    titles: Sequence[str],
    header: Sequence[Cell],
    columns: tuple[Column, ...],
    rows: Sequence[Sequence[Cell]],
    unit: Unit | None,
    parent: str = "",
) -> Table:
    """The table a run's header and rows make, titled by its caption or the line above."""
    return Table(
        header[0].start,
        rows[-1][-1].end,
        with_caption(text, " ".join(titles), run[0].start)
        or _caption_above(text, header[0].start)
        or line_before(text, header[0].start),
        columns,
        tuple(Row(tuple(row)) for row in rows),
        layout="lines",
        unit=unit,
        parent=parent,
    )


_LEADING_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")


def _cell_words(cell: Cell) -> str:
    return cell.clean


def _is_english(cell: Cell) -> bool:
    return is_english_cell(cell.clean)


def _is_label_cell(cell: Cell) -> bool:
    return stream_kind(cell) == "label"


def undated(header: str) -> str:
    """A header's words after the date it opens on (`2018年6月15日平均批发价格`: 平均批发价格):
    what it measures, and as short as a header's words are."""
    return _LEADING_DATE.sub("", header)


def _header_to_its_years(header: Sequence[Cell]) -> list[Cell]:
    """A header of years (指 标, 2005年, 2012年, 2013年) ends at its last year: the words after
    it (普通高等学校) caption the group of rows under it, no column."""
    years = [index for index, cell in enumerate(header) if header_year(fold(cell.clean))]
    if len(years) >= 2 and years[-1] + 1 < len(header):
        return list(header[: years[-1] + 1])
    return list(header)


def _bare_years_headed(
    run: Sequence[Cell], kinds: list[str], lead: int, labels: int
) -> tuple[list[str], int]:
    """A header of the labels' heading then years written bare (`项目` or `地区`, then `2000`,
    …, `2017`, then `合 计`), or of three years or more in order with no heading before them
    (a table a caption opens, `1-2 全国R&D人员指标`, then `1999`, …, `2004`): the years are the
    header's cells, not the first row's figures. The kinds with the years as labels, and where
    the header's labels end; unchanged for any other run."""
    years = labels
    while years < len(run) and _bare_year(run[years].clean):
        years += 1
    found = [_bare_year(cell.clean) or "" for cell in run[labels:years]]
    # Under a heading of the labels (指标, 地区) two years are a header; under any other
    # words (经济活动), three years or more in order.
    ordered = len(found) >= _BARE_YEARS_MIN and found in (sorted(found), sorted(found)[::-1])
    heading = STUB_HEADING.fullmatch(fold(run[lead].clean)) or ordered
    # One heading before the years, or none before years in order (a caption opened the table).
    headed = labels - lead == 1 or (ordered and labels == lead)
    if not headed or not heading or years - labels < 2:
        return kinds, labels
    if years == len(run) or kinds[years] != "label":
        return kinds, labels
    headed_kinds = [*kinds[:labels], *["label"] * (years - labels), *kinds[years:]]
    while years < len(run) and headed_kinds[years] == "label":
        years += 1  # through the first row's label, as the header's labels are counted
    return headed_kinds, years


def _bare_year(words: str) -> str | None:
    """The year a header cell writes bare, maybe marked by a footnote (`1998②`); not a
    figure with decimals."""
    return None if "." in words else header_year(_FOOTNOTE_MARK.sub("", words))


_FOOTNOTE_MARK = re.compile(r"[①-⑳*＊]+$")
_BARE_YEARS_MIN = 3


def _unlabelled_first_row(
    run: Sequence[Cell], kinds: list[str], labels: int
) -> tuple[Sequence[Cell], list[str], int]:
    """A header of words then years (`出院人数`, `2007`, …, `2011`) over figures at once: the
    first row's label was a line of spaces (the total's), gone from the run. It is put back,
    empty, so the years stay the header's and the rows their width; the run, its kinds and
    where the first row's label is, as `_stream_table` counts them (one past it)."""
    years = labels
    while years < len(run) and header_year(run[years].clean):
        years += 1
    if years - labels < 2 or labels == 0 or years == len(run) or kinds[years] != "number":
        return run, kinds, labels
    blank = Cell(run[years].start, run[years].start, "")
    return (
        [*run[:years], blank, *run[years:]],
        [*kinds[:years], "label", *kinds[years:]],
        years + 1,
    )


def _grouped_names(cells: Sequence[str], values: int) -> list[str] | None:
    """The column names of a header flattened a cell per line that names more cells than the
    rows have: panels side by side with the same columns, or groups over repeated
    sub-columns (`行业名称`, `利润总额`, `从业人员平均人数(人)`, then `1-9`, `比去年同期增长(%)`
    once per group), each group's name joined to each sub-column's, a unit the sub-column
    does not write moved to the end from the group's. None where the header is not so made."""
    # 收入 | 年初预算 | 调整预算 | 决算数 | 支出 | 年初预算 | 调整预算 | 决算数: panels side by
    # side, run one under the other as rows: one panel's names name every row's cells.
    size = values + 1
    panels, rest = divmod(len(cells), size)
    chunks = [cells[at : at + size] for at in range(0, len(cells), size)]
    if not rest and 2 <= panels <= _PANELS_MAX and all(c[1:] == chunks[0][1:] for c in chunks):
        return list(chunks[0])
    for groups in range(2, values // 2 + 1):
        width, rest = divmod(values, groups)
        heading = len(cells) - groups - values
        if rest or heading not in (0, 1):
            continue
        names, subs = cells[heading : heading + groups], cells[heading + groups :]
        if not repeats(subs, groups):
            continue
        joined = [group_and_sub(name, sub) for name in names for sub in subs[:width]]
        return [*cells[:heading], *joined] if heading else ["", *joined]
    return _totalled_groups(cells, values)


_PANELS_MAX = 3


def _totalled_groups(cells: Sequence[str], values: int) -> list[str] | None:
    """The column names of a header flattened a cell per line whose groups each open on a
    total column (see `totalled_groups`), after the labels' heading or not: each group's
    name, then it joined to each sub-column's. As many names as the rows have cells, such a
    header would read as flat, its repeated names a column each."""
    for heading in (1, 0):
        names = cells[heading:]
        groups = totalled_groups(names, values)
        if groups is None:
            continue
        subs = names[groups : groups + values // groups - 1]  # one group's sub-columns
        joined = [
            column
            for name in names[:groups]
            for column in (name, *(group_and_sub(name, sub) for sub in subs))
        ]
        return [*cells[:heading], *joined] if heading else ["", *joined]
    return None


def _units_under_columns(cells: Sequence[str], values: int) -> tuple[list[str], list[str]]:
    """A header flattened a cell per line whose last row is a unit in brackets for each value
    column (`(亿元)`, `(%)`, `(亿元)`, `(%)`, which the header's reading has joined to the cell
    above them): the names above it, and those units in order; the cells as they are, and no
    units, where its last row is not so made."""
    found = _UNITS_ROW.search(cells[-1]) if cells and values >= 2 else None
    units = _UNIT_CELL.findall(found.group()) if found else []
    if found is None or len(units) != values or found.start() == 0:
        return list(cells), []
    return [*cells[:-1], cells[-1][: found.start()]], units


_UNIT_CELL = re.compile(r"[(（][^()（）\d]{1,8}[)）]")
_UNITS_ROW = re.compile(rf"(?:{_UNIT_CELL.pattern})+$")


def _wrapped_names(header: Sequence[Cell], values: int) -> list[str] | None:
    """The column names of a header whose cells wrapped over lines, flattened a cell per line
    (`地 区`, `公共广播节目套数`, `全年公共广播`, `全年制作广播`, `(套)`, `节目播出时间`,
    `节目时间`, `(小时)`, `(小时)`): after the labels' heading, its lines a cell per value column, a
    last line short of cells standing under the columns on the right. Taken only where every
    column's name so joined ends on its unit; None otherwise."""
    if not header or not STUB_HEADING.fullmatch(fold(header[0].clean)) or values < 2:
        return None
    pieces = [cell.clean for cell in header[1:]]
    if len(pieces) <= values or any(_PERIOD_PIECE.fullmatch(fold(piece)) for piece in pieces):
        return None  # a period (`1-6`, `2021年`) over the columns is a group's, no name's piece
    full, rest = divmod(len(pieces), values)
    lines = [pieces[at * values : (at + 1) * values] for at in range(full)]
    if rest:
        lines.append([""] * (values - rest) + pieces[full * values :])
    names = ["".join(column) for column in zip(*lines, strict=True)]
    if not all(header_unit(name) for name in names):
        return None
    return [header[0].clean, *names]


_PERIOD_PIECE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年?)?\s*(?:\d{1,2}\s*[-—–~至]\s*)?\d{1,2}\s*月?份?|(?:19|20)\d{2}\s*年?"
)


def _fitted_group_names(
    cells: Sequence[str], values: int, rows: Sequence[Sequence[Cell]]
) -> list[str] | None:
    """The column names of a header of two rows flattened a cell per line: every upper cell a
    group over a run of lower cells of its own (`本 年`, `上年同期`, `增长(%)` over `本月`,
    `1-本月` each), or some upper cells each a group over the same run of lower cells, the
    others over one column each (`预算科目`, `年度预算`, `累计`, `当月`, `本期累计为预算%`,
    then `本期`, `同期`, `增减额`, `增减率%` under each of `累计` and `当月`): which upper cells
    are the groups the body tells, a placing whose rate columns hold rates and whose other
    columns amounts fitting it best, a single group's placings that fit alike told apart by
    where its sub-columns hold figures of one kind (`groups_alike`). Taken only where one
    placing fits best; None otherwise, and where a cell past the first heads the row labels."""
    if len(rows) < STREAM_ROWS_MIN:
        return None
    stub, rest = cells[0], list(cells[1:])
    if any(STUB_HEADING.fullmatch(fold(cell)) for cell in rest):
        return None  # the row labels' heading (项目) further on: the header starts there
    fits: list[tuple[tuple[int, int], list[str]]] = []
    kinds = figure_kinds(rows)
    for groups in range(1, len(rest)):
        for width in range(2, values + 1):
            lowers = groups * width
            uppers = len(rest) - lowers
            if uppers < groups or uppers - groups + lowers != values:
                continue
            subs = rest[uppers:]
            if uppers == groups:
                # Every upper cell a group over its own run of lower cells, in order: under
                # the labels' heading (项目) alone, since any header of more cells than
                # columns would split so; two groups at least, a cell over every column
                # being the table's period or title (`1-6`), no group.
                if groups < 2 or not STUB_HEADING.fullmatch(fold(stub)):
                    continue
                names = [
                    group_and_sub(upper, sub)
                    for at, upper in enumerate(rest[:uppers])
                    for sub in subs[at * width : (at + 1) * width]
                ]
                fits.append(((fit_to_body([stub, *names], rows), 0), [stub, *names]))
                continue
            if not repeats(subs, groups) or comb(uppers, groups) > _PLACINGS_MAX:
                continue
            for placing in combinations(range(uppers), groups):
                if any(_never_a_group(rest[at]) for at in placing):
                    continue
                names = [stub]
                spans: list[range] = []
                for at, upper in enumerate(rest[:uppers]):
                    if at in placing:
                        spans.append(range(len(names), len(names) + width))
                        names += [group_and_sub(upper, sub) for sub in subs[:width]]
                    else:
                        names.append(upper)
                # One group placed where the figures' kinds fit as well: where its
                # sub-columns hold figures alike.
                alike = groups_alike(spans, kinds) if groups == 1 else 0
                fits.append(((fit_to_body(names, rows), alike), names))
    if not fits:
        return None
    best = max(fit for fit, _ in fits)
    winners = [names for fit, names in fits if fit == best]
    return winners[0] if len(winners) == 1 else None


def _never_a_group(name: str) -> bool:
    """Whether a header's name heads a column of its own, never a group over sub-columns: the
    rows' units (计量单位), or notes (责任部门, 备注)."""
    words = fold(name)
    return bool(UNIT_COLUMN.match(words) or NOTES_HEADER.fullmatch(words))


def _may_group_once(named: Sequence[str]) -> bool:
    """Whether a header a cell more than its columns may be one group over the lower cells,
    the rest a column each (`縣(市、區)`, `平均濃度(μg/m3)`, `CO(mg/m3)`, then `SO2`, `NO2`):
    not where a cell heads a unit column (计量单位: one column, the header's cells are
    counted otherwise) or the first names a period (`5月`: the row labels' heading was taken
    for a title)."""
    return not _PERIOD_PIECE.fullmatch(fold(named[0])) and not any(
        UNIT_COLUMN.match(fold(name)) for name in named
    )


_PLACINGS_MAX = 64  # ways to choose the groups among the upper cells, tried at most


def _summed_group_names(cells: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[str] | None:
    """The column names of a header of two rows flattened a cell per line, one upper cell a
    group over the lower ones, the others over one column each (`地区`, `占总人口比重`, `性别比`,
    then `男`, `女`): which upper cell is the group the body tells, the group's parts summing
    in every row to 100 or to another of the row's figures (53.02 + 46.98 = 100). Taken only
    where one placing of the group fits so; None otherwise."""
    if len(rows) < STREAM_ROWS_MIN or any(len(row) != len(cells) - 1 for row in rows):
        return None
    figures = [[figure_value(cell.clean) for cell in row[1:]] for row in rows]
    fits: list[list[str]] = []
    for uppers in range(2, len(cells) - 2):
        lowers = cells[1 + uppers :]
        for group in range(uppers):
            parts = range(group, group + len(lowers))
            if all(_sums(row, parts) for row in figures):
                names = list(cells[1 : 1 + uppers])
                joined = [group_and_sub(names[group], lower) for lower in lowers]
                fits.append([cells[0], *names[:group], *joined, *names[group + 1 :]])
    return fits[0] if len(fits) == 1 else None


def _sums(row: Sequence[float | None], parts: range) -> bool:
    """Whether the row's figures at `parts` sum to 100 or to another of its figures."""
    found = [row[index] for index in parts]
    if any(value is None for value in found):
        return False
    total = sum(value for value in found if value is not None)
    others = [value for index, value in enumerate(row) if index not in parts and value]
    return any(abs(total - whole) <= _SUM_TOLERANCE * max(1.0, whole) for whole in [100.0, *others])


_SUM_TOLERANCE = 0.001  # the rounding of the parts


def _with_unit_cells(run: Sequence[Cell], kinds: list[str], lead: int) -> list[str]:
    """The kinds of a run's cells, a cell of a unit alone between a row's label and its
    figures (`一。财政总收入 | 万元 | 52364 | …`, or a dash for none) a "unit", where the
    header names a unit column (`指标名称 | 单位 | 2008年 | …`); else the kinds as they are."""
    marked = list(kinds)
    for at in range(max(lead, 1), len(run) - 1):
        before, after = marked[at - 1], marked[at + 1]
        label_between = marked[at] == "label" and before == "label"
        if label_between and after in ("number", "none") and _names_a_unit(run[at].clean):
            marked[at] = "unit"
    first = next((at for at in range(lead, len(run)) if marked[at] != "label"), len(run))
    header = run[lead : max(lead, first - 1)]
    named = any(UNIT_COLUMN.match(fold(cell.clean)) for cell in header)
    return marked if first < len(run) and marked[first] == "unit" and named else list(kinds)


def _months_numbered(run: Sequence[Cell], kinds: list[str], lead: int) -> list[str]:
    """The kinds of a run's cells, a header of months numbered without their 月 (`月份 | 3 |
    4 | 5 | 6`, then the rows) read as the header's words, not as a row's figures."""
    if lead >= len(run) or fold(run[lead].clean) not in ("月份", "月"):
        return kinds
    months: list[int] = []
    at = lead + 1
    while at < len(run) and re.fullmatch(r"\d{1,2}", run[at].clean):
        month = int(run[at].clean)
        if not (months[-1] if months else 0) < month <= _MONTHS:
            break
        months.append(month)
        at += 1
    if len(months) < 2 or at >= len(run) or kinds[at] != "label":
        return kinds
    return [*kinds[: lead + 1], *(["label"] * len(months)), *kinds[at:]]


_MONTHS = 12


def _unit_row_split(header: Sequence[Cell]) -> tuple[list[Cell], Unit | None]:
    """A header whose last row is its units (`单位(元/公斤)` over the amounts, `(%)` over
    the rates, empty cells around them) as the column names and the unit line's unit; the
    rates' cells write their own `%`."""
    end = len(header)
    while end and (
        not header[end - 1].clean or _UNIT_ROW_CELL.fullmatch(fold(header[end - 1].clean))
    ):
        end -= 1
    tail = header[end:]
    lines = [fold(cell.clean) for cell in tail if fold(cell.clean).startswith("单位")]
    found = next(
        (unit for line in lines if (unit := unit_line_unit(line) or header_unit(line))), None
    )
    named = list(header[:end])
    return (named, found) if found and len(named) >= 2 else (list(header), None)


def _bare_units_joined(header: Sequence[Cell], values: int) -> list[Cell]:
    """A header whose last row is a bare unit for each value column (`指标`, `2022年`,
    `2023年`, `增长`, then `亿元`, `亿元`, `%`): each name with its unit in brackets, as a
    header that writes `2022年(亿元)` reads. The cells as they are where its last row is not
    so made."""
    names, units = header[: len(header) - values], header[len(header) - values :]
    if values < 2 or len(names) not in (values, values + 1):
        return list(header)
    if not all(_is_bare_unit(cell) for cell in units) or any(map(_is_bare_unit, names)):
        return list(header)
    heading = names[: len(names) - values]
    return [
        *heading,
        *(
            Cell(name.start, name.end, f"{name.text}({unit.clean})")
            for name, unit in zip(names[len(heading) :], units, strict=True)
        ),
    ]


def _is_bare_unit(cell: Cell) -> bool:
    """A cell of a unit alone, unbracketed (`亿元`, `%`, `万人次`)."""
    words = fold(cell.clean)
    return words in ("%", "‰") or (_names_a_unit(words) and words[0] not in "(（")


def _names_a_unit(words: str) -> bool:
    """Whether words name a unit a fact can have, alone (`亿元`, `(万人)`)."""
    unit = unit_of_words(words)
    return bool(unit and unit[0] and is_fact_unit(unit[0]))


# A cell of a header's unit row: a unit line (单位(元/公斤), 单位:万元) or a unit in brackets.
_UNIT_ROW_CELL = re.compile(r"单\s*位\s*[(（:：].*|[(（][^()（）]{1,8}[)）]")


def _caption_above(text: str, position: int) -> str:
    """The caption (`表2 …`) above a table, past blank lines and lines of spaces; a unit line
    (`单位:万元`) with the caption above it."""
    above = _line_above(text, position)
    if not CAPTION.match(fold(above)):
        return ""
    return with_caption(text, above, text.rfind(above, 0, position))


def _line_above(text: str, position: int) -> str:
    """The last line with words before `position`, past blank lines and lines of spaces,
    looked for no further back than a caption sits from its table; "" where none is."""
    window = text[max(0, position - _CAPTION_LOOKBACK) : position]
    lines = [line.strip() for line in window.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _first_column_unnamed(texts: list[str], rows: Sequence[Sequence[Cell]]) -> list[str]:
    """A header that left out its first value column's name (本月, the title's month) and
    names one column more at its end, whose cells the rows leave empty (`同期对比%`,
    `本月止累计`, `同期累计对比%`, `完成年计划程度%` over a label and four figures): its names
    move right a column, the last dropped, when the figures fit them better there."""
    if len(texts) < _SHIFTED_NAMES_MIN or texts[0] or not texts[1]:
        return texts
    shifted = ["", "", *texts[1:-1]]
    return shifted if fit_to_body(shifted, rows) > fit_to_body(texts, rows) else texts


_SHIFTED_NAMES_MIN = 4


def _unit_line_above(text: str, position: int) -> Unit | None:
    """The unit of a `单位：张` line right above a run of cells, past blank lines: a line the
    run's blank line cut off from the header under it, maybe after the table's date
    (`2024年1- 4 月    单位:万元`), never a sentence."""
    above = _line_above(text, position)
    return unit_line_unit(above) if above and not SENTENCE.search(above) else None


def _is_dashed_head(kinds: Sequence[str], position: int, width: int) -> bool:
    """Whether the row at `position` is a label then a dash in every other cell (`分产业`,
    `--`, `--`, `--`): a group's row heading those below it, which a table of more rows
    goes on after."""
    cells = kinds[position : position + width]
    return len(cells) == width and cells[0] == "label" and all(k == "none" for k in cells[1:])


def _stream_rows(
    run: Sequence[Cell], kinds: Sequence[str], position: int, width: int
) -> list[list[Cell]]:
    """Rows of `width` cells from `run[position]` on, a label then numbers each, for as long
    as that holds. Between rows, heads (a group label, `经济作物`; a label and its unit with no
    figures, `#先进制造业 | 亿元`) are skipped, the rows go on after them; after the first row,
    a row may be short of cells (see `_short_row`). A caption or a header naming the row
    labels (`年份`) opens the next table: no rows go on after it."""
    rows: list[list[Cell]] = []
    shorts: list[int] = []  # where the short rows are
    if width < 2:
        return rows
    while position < len(run):
        row = _stream_row(run, kinds, position, width, short=bool(rows))
        if row is None and rows and _is_dashed_head(kinds, position, width):
            position += width  # 分产业 | -- | -- | --: a group's row, its cells dashes
            continue
        if (
            row is None
            and rows
            and run[position].blank
            and _stream_row(run, kinds, position + 1, width, short=True) is not None
        ):
            position += 1  # the empty cell a whole row's copy left after it (`155⏎⏎年末…`)
            continue
        if row is None and rows:
            heads = next(
                (
                    skip
                    for skip in range(1, _HEAD_CELLS_MAX + 1)
                    if all(kind == "label" for kind in kinds[position : position + skip])
                    and not any(
                        CAPTION.match(fold(c.clean)) or ROW_LABELS_HEADER.fullmatch(fold(c.clean))
                        for c in run[position : position + skip]
                    )
                    and _stream_row(run, kinds, position + skip, width, short=True) is not None
                ),
                None,
            )
            if heads is None:
                break
            position += heads
            continue
        if row is None:
            break
        cells, used = row
        if used < width and not run[position + used - 1].blank:
            # A row closed by an empty line says where it ends (its last cells left empty):
            # short by the copy, not by a width read wrong.
            shorts.append(len(rows))
        rows.append(cells)
        position += used
    if 2 * len(shorts) > len(rows):
        return rows[: shorts[0]]  # mostly short: the width is wrong, not the rows
    return rows


_HEAD_CELLS_MAX = 4


def _stream_row(
    run: Sequence[Cell], kinds: Sequence[str], position: int, width: int, *, short: bool
) -> tuple[list[Cell], int] | None:
    """The row of `width` cells at `run[position]` and how many of the run's cells it takes,
    or with `short` one of fewer cells."""
    if position + width <= len(run) and _is_stream_row(kinds[position : position + width]):
        return list(run[position : position + width]), width
    return _short_row(run, kinds, position, width) if short else None


def _short_row(
    run: Sequence[Cell], kinds: Sequence[str], position: int, width: int
) -> tuple[list[Cell], int] | None:
    """A row with fewer figures than columns, up to the next row's label: a release that
    publishes only a growth rate for some rows (`固定资产投资 | 亿元 | -12.2`) or leaves out
    the year before's level (`规模以上工业增加值 | 亿元 | 45.8 | -2.9`). Its last figure is the
    last column's (the rate, printed for every row), the others fill the columns from the
    first; the cells between are empty. The run's last row is a copy cut short: its figures
    fill the columns from the first."""
    end = next((at for at in range(position + 1, len(run)) if kinds[at] == "label"), len(run))
    count = end - position
    if not 2 <= count < width or not _is_stream_row(kinds[position:end]):
        return None
    cells = list(run[position:end])
    last = cells[-1]
    empty = [Cell(last.end, last.end, "")] * (width - count)
    if end == len(run):
        return [*cells, *empty], count
    return [*cells[:-1], *empty, last], count


def _stream_values(kinds: Sequence[str], first: int) -> int:
    """How many numbers (or dashes) follow the first row's label: the row's value cells."""
    count = 0
    while first + count < len(kinds) and kinds[first + count] != "label":
        count += 1
    return count


def _unnamed_columns(header: str, values: int) -> tuple[Column, ...]:
    """A row label column, then value columns whose header could not be told apart."""
    label = Column(header, "indicator", None, None, None)
    return (label, *(Column("", "value", None, None, None) for _ in range(values)))


def _is_stream_row(kinds: Sequence[str]) -> bool:
    """A row label, then numbers or dashes, at least one number."""
    return bool(kinds) and kinds[0] == "label" and "label" not in kinds[1:] and "number" in kinds
