"""Tables whose cells are one space apart: PDF text that lost its column alignment.

    分类 合计 国有 城镇集体 其他
    一、按隶属关系分组
            1.中央 49549 53487
            2.省、自治区、直辖市 42164 46342

A block of such rows (a label, then figures one space apart, fewer where the row's last cells
are empty) under a header line of words one space apart reads as the header's cells in order
over the rows' cells: a name spaced out letter by letter (`原 煤`, `类    别`) is one cell, a
row's label all the words before its first figure. The cells go to the cell-at-a-time reading
(`streamtables.cells_table`), which places a header's names over its figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from llmx.folding import fold
from llmx.lines import (
    BLANK_CELL_SPACES,
    ENGLISH_AFTER,
    HAS_CJK,
    LABELS_HEADER,
    SPREADSHEET_ERROR,
    cells_left_out,
)
from llmx.tables.captions import CAPTION, TABLE_NUMBER
from llmx.tables.headers import (
    BRACKETED,
    NOTES_HEADER,
    OUTLINE_BRACKETED,
    PARTS_LEAD,
    SUB_MARKS,
    UNIT_COLUMN,
    header_unit,
    names_percent_or_points,
    outline_level,
    unit_of_words,
)
from llmx.tables.rowlines import Line, is_column_code_row, is_number_cell
from llmx.tables.streamtables import cells_table
from llmx.tables.table import Cell, Column, Table
from llmx.tables.taken import TakenSpans
from llmx.vocabulary import is_fact_unit

_ROWS_MIN = 3
_ROW_CHARS_MAX = 300
_WORD = re.compile(r"\S+")
# A row: words (its label), then one figure or more, each one space or more apart.
FIGURE = re.compile(r"[-−+]?\d[\d,.]*%?")  # a cell's figure
EMPTY_MARK = re.compile(r"[-—–－/…]{1,2}")  # an empty cell's mark (`-`, `/`, `—`)
_FIGURES_AT_END = re.compile(
    rf"(?:\s+(?:{FIGURE.pattern}|{EMPTY_MARK.pattern}|{SPREADSHEET_ERROR.pattern}))+\s*$"
)
_FIGURE_OR_ERROR = re.compile(rf"\d|{SPREADSHEET_ERROR.pattern}")
_SENTENCE = re.compile(r"[。，；,;：:]")
_LABEL_FIGURE = re.compile(r"[-−+]?\d[\d,.]*")
_NOTE_WORDS_MAX = 3
_NOTE_WORD = re.compile(r"[^\s\d%]*[\u4e00-\u9fff][^\s\d%]*")
_CAPTION_LINES = 2  # lines above a header that may caption the table (`单位:元`)
_CAPTION_REACH = 200  # characters: a caption sits right above its header
_PERIOD_LABEL = re.compile(r"(?:(?:19|20)\d{2}年?)?(?:\d{1,2}(?:[-—–~至]\d{1,2})?月份?)?")
_DATE_LINE = re.compile(r"(?:19|20)\d{2}\s*年度?(?:\s*\d{1,2}\s*月份?)?(?:\s*\d{1,2}\s*日)?")
_GROUPS_ABOVE = 2  # group labels between a header and its first row (`一、综合`, `(一)行政区划`)


def one_space_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Tables of rows whose cells are one space apart, each under the header line above its
    first row, in lines no reading before took."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        plain = end = _rows_end(lines, index, taken)
        notes = False
        # Rows may end in a note after their figures only under a header whose last column
        # is for notes (`责任(牵头)部门`): elsewhere a word after the figures ends the block.
        # (Looked for further only where the rows stop at a line that ends in a note.)
        stopped = lines[end] if end < len(lines) else None
        if stopped is not None and _is_row(stopped, True):
            end = _rows_end(lines, index, taken, notes=True)
        if end - index < _ROWS_MIN:  # a block opens on a row: `_rows_end` counts from it
            index = max(end, index + 1)
            continue
        header_lines = _header_above(lines, index, taken)
        if header_lines is not None and _ends_in_notes(
            lines[header_lines[0] if header_lines[0] is not None else header_lines[1]]
        ):
            notes = True
        elif end != plain:
            end = plain  # no notes column: a note ends the rows
            if end - index < _ROWS_MIN:
                index = max(end, index + 1)
                continue
        if header_lines is not None:
            table = _read(text, lines, header_lines, index, end, notes)
            if table is not None:
                tables.append(table)
        index = end
    return tables


def _rows_end(lines: Sequence[Line], first: int, taken: TakenSpans, notes: bool = False) -> int:
    """Where the block of rows (and group labels between them) from `lines[first]` ends."""
    end = first
    rows = 0
    while end < len(lines) and lines[end].start not in taken:
        line = lines[end]
        if _is_row(line, notes):
            rows += 1
        elif not (rows and (_is_group_label(line) or _is_empty_item(line))):
            break
        end += 1
    while end > first and not _is_row(lines[end - 1], notes):
        end -= 1  # a group label after the last row heads nothing here
    return end if rows >= _ROWS_MIN else first


def _ends_in_notes(header: Line) -> bool:
    cells = header_cells(header)
    return bool(cells) and NOTES_HEADER.fullmatch(fold(cells[-1].clean)) is not None


def _without_note(line: Line, notes: bool) -> str:
    """A row's words less the note after its figures (`… 10 示范区科技创新局`), where notes are
    read; a unit after a figure (`44450 万吨`) is no note."""
    words = line.text.rstrip()
    note = note_at_end(words) if notes else None
    if note is None or _FIGURES_AT_END.search(words[: note[0]]) is None:
        return words
    unit = unit_of_words(note[1])
    if unit is not None and unit[0] and is_fact_unit(unit[0]):
        return words
    return words[: note[0]]


def note_at_end(words: str) -> tuple[int, str] | None:
    """Where a note after a line's figures starts (the spaces before it) and its last word:
    the line's last words, up to three, each after a space, with Chinese in it and no figure.
    Walked back a word at a time from the end: a pattern anchored at the end and searched for
    would try every place in the line, and a line of 100,000 characters of prose would take a
    minute."""
    start: int | None = None
    last = ""
    word_end = _spaces_start(words, len(words))
    for _ in range(_NOTE_WORDS_MAX):
        word_start = word_end
        while word_start and not words[word_start - 1].isspace():
            word_start -= 1
        if word_start == 0:
            break  # no space before it: the line's first word is no note
        if not _NOTE_WORD.fullmatch(words, word_start, word_end):
            break
        last = last or words[word_start:word_end]
        start = word_end = _spaces_start(words, word_start)
    return None if start is None else (start, last)


def _spaces_start(words: str, end: int) -> int:
    """Where the run of spaces that ends at `end` starts (`end` itself after no space)."""
    while end and words[end - 1].isspace():
        end -= 1
    return end


def _is_empty_mark(cell: Cell) -> bool:
    return EMPTY_MARK.fullmatch(cell.clean) is not None


def _is_label_figure(word: str) -> bool:
    """A word of a label that is a figure alone or a figure with a fact's unit (`308.12万吨`)."""
    figure = _LABEL_FIGURE.match(word)
    if figure is None:
        return False
    rest = word[figure.end() :]
    unit = unit_of_words(rest) if rest else None
    return not rest or bool(unit and unit[0] and is_fact_unit(unit[0]))


def _is_row(line: Line, notes: bool = False) -> bool:
    words = _without_note(line, notes).strip()
    if len(words) > _ROW_CHARS_MAX:
        return False  # a paragraph, or a table run together on one line
    figures = _FIGURES_AT_END.search(words)
    if figures is None or figures.start() == 0 or "|" in words or "\t" in words:
        return False
    if not _FIGURE_OR_ERROR.search(figures.group()):
        return False  # marks of empty cells alone; a spreadsheet's error keeps its row a row
    label = PARTS_LEAD.sub("", words[: figures.start()], count=1)
    # 粮食 44450 万吨 -2.5, 粮食 308.12万吨 8.3: a figure, alone or with a fact's unit, after
    # the label's first word (`1.镇` numbers it) makes a row of another kind; a grade (`92号`)
    # does not.
    figured = any(_is_label_figure(word) for word in label.split()[1:])
    return bool(HAS_CJK.search(label)) and not _SENTENCE.search(label) and not figured


# A group's number in brackets (`(一)行政区划`, `(1)城市低保`).
_GROUP_NUMBER = re.compile(rf"{OUTLINE_BRACKETED.pattern}|[(（]\d{{1,2}}[)）]")


def _is_group_label(line: Line) -> bool:
    """A line of a few words over a group of rows (`一、按隶属关系分组`, `(一)行政区划`), not a
    header's piece that wrapped (`(吨标准煤)`, `比上年增长(%)`)."""
    words = line.text.strip()
    numbered = _GROUP_NUMBER.match(words)
    words = words[numbered.end() :] if numbered else words
    return 0 < len(words) <= 30 and not re.search(r"\d{2}|[。，；(（%]", words)


def _is_empty_item(line: Line) -> bool:
    """A row whose cells are all empty, one word of label alone then their spaces
    (`9.外轮、机在我国加油量(-)          `): a row between rows, not the block's end."""
    label = line.text.strip()
    return (
        _spaces_after(line) >= _EMPTY_ITEM_SPACES
        and bool(label)
        and len(label) <= _ITEM_CHARS_MAX
        and not re.search(r"\s|[。，；：:]", label)
    )


_EMPTY_ITEM_SPACES = 3  # a label alone, then the spaces of one empty cell or more
_ITEM_CHARS_MAX = 30


def _spaces_after(line: Line) -> int:
    """The spaces a line runs on in after its last word."""
    return len(line.text) - len(line.text.rstrip())


def _is_unlabelled_row(line: Line) -> bool:
    """An indented line of figures alone under a header (`           26647 38867 18642 17014`):
    the table's total, its label left to the caption."""
    words = line.text.split()
    return (
        line.text[:1].isspace()
        and len(words) >= 2
        and all(_LABEL_FIGURE.fullmatch(word) for word in words)
    )


def _header_above(
    lines: Sequence[Line], first: int, taken: TakenSpans
) -> tuple[int | None, int] | None:
    """The line right above the rows (blank lines between skipped) whose words, two or more,
    hold no figure but years: the header; and the header line above it, if any."""
    at = first - 1
    skipped = 0
    while at >= 0 and (
        not lines[at].text.strip()
        or (
            (
                (_is_group_label(lines[at]) and len(header_cells(lines[at])) == 1)
                or _is_unlabelled_row(lines[at])
            )
            and skipped < _GROUPS_ABOVE
        )
    ):
        skipped += bool(lines[at].text.strip())
        at -= 1
    if at < 0 or lines[at].start in taken:
        return None
    if not _is_header_row(lines[at]):
        return None
    if _header_row_above(lines, at):
        return _line_above(lines, at), at  # a header of two rows: groups over the columns below
    return None, at


# A name in Latin capitals and figures: a pollutant (`SO2`, `PM2.5`), a quarter (`Q1`).
_CAPITALS_NAME = re.compile(r"(?:[A-Z][a-z]?\d*)+(?:\.\d+)?")


def _formulas(cells: Sequence[Cell]) -> bool:
    """Whether every cell is a name in Latin capitals and figures (`SO2 NO2 PM10 PM2.5`), two
    or more holding a figure: a header's names, not an English gloss's words."""
    return all(_CAPITALS_NAME.fullmatch(cell.clean) for cell in cells) and (
        sum(any(letter.isdigit() for letter in cell.clean) for cell in cells) >= 2
    )


def _line_above(lines: Sequence[Line], at: int) -> int:
    """The index of the line above `lines[at]`, blank lines between skipped; -1 at the top."""
    above = at - 1
    while above >= 0 and not lines[above].text.strip():
        above -= 1
    return above


def _header_row_above(lines: Sequence[Line], at: int) -> bool:
    """Whether the line above `lines[at]`, blank lines between skipped, is a header's row."""
    above = _line_above(lines, at)
    return above >= 0 and _is_header_row(lines[above])


def _is_header_row(line: Line) -> bool:
    """A line of two words or more and no figure but years: a header's row, not a caption."""
    cells = header_cells(line)
    return (
        len(cells) >= 2
        and not _DATE_LINE.fullmatch(line.text.strip())  # 2020年度 1月: the table's month
        # not a bilingual header's English line; names of pollutants may be (`SO2 NO2 PM10`)
        and (HAS_CJK.search(line.text) is not None or _formulas(cells))
        and not any(is_number_cell(cell) for cell in cells[1:])
        and not _SENTENCE.search(line.text)
        and not CAPTION.match(fold(line.text.strip()))
        and not TABLE_NUMBER.match(fold(line.text.strip()))  # `3-18 分县区茶叶和水果生产`
    )


def _read(
    text: str,
    lines: Sequence[Line],
    header_lines: tuple[int | None, int],
    first: int,
    end: int,
    notes: bool = False,
) -> Table | None:
    groups_at, header_at = header_lines
    words = header_cells(lines[header_at])
    groups = header_cells(lines[groups_at]) if groups_at is not None else []
    if notes:  # the notes column is left out of the rows, and so of the header
        groups, words = (groups[:-1], words) if groups else ([], words[:-1])
    unit_column = any(UNIT_COLUMN.match(fold(cell.clean)) for cell in [*groups, *words])
    row_lines = [line for line in lines[first:end] if _is_row(line, notes)]
    rows = [_row_cells(line, unit_column, notes) for line in row_lines]
    if sum(bool(_PERIOD_LABEL.fullmatch(fold(cells[0].clean))) for cells in rows) * 2 > len(rows):
        return None  # rows of months or years: the period readings' (`01月 50.5`)
    # A row holding a spreadsheet's error stays in its block (its line is a row), but where
    # it is short of cells it no longer says which it lacks: it is left out.
    row_lines, rows = _rows_kept(
        row_lines,
        rows,
        [not any(SPREADSHEET_ERROR.fullmatch(cell.clean) for cell in cells[1:]) for cells in rows],
    )
    if len(rows) < _ROWS_MIN:
        return None
    if is_column_code_row(_label_words(rows[0])):
        # `甲 1 2 3 4 5 6` under a form's header numbers its columns: no row
        row_lines, rows = row_lines[1:], rows[1:]
    # A `-` is an empty cell, or a sign a space split from its figure (`456.7 - 3.1`): a row
    # its marks make wider than every row without any is no row of this table.
    plain = [len(cells) for cells in rows if not any(map(_is_empty_mark, cells[1:]))]
    if plain:
        widest = max(plain)
        row_lines, rows = _rows_kept(row_lines, rows, [len(cells) <= widest for cells in rows])
    width = max(len(cells) for cells in rows)
    captions = _captions_above(lines, header_at)
    lost = 0  # names the header lost, their gaps wider
    if groups_at is None:
        header = words if notes else header_cells(lines[header_at], (width, width - 1))
        header, lost = _lost_names_kept(header, width)
    else:
        grouped = _grouped_header(groups, words, width)
        if grouped is None:
            if len(groups) + len(words) <= width or _header_row_above(lines, groups_at):
                return None  # names run on to a second line, or a header wrapped over more
            return _placed_by_rows(text, [*groups, *words], padded_rows(rows, width), captions)
        header = grouped
    if len(header) > width:
        header = _rates_rejoined(header)  # 比上年同月 ±%: the sign of a change in percent
    stubs = len(header) - (width - 1)
    split = [_label_split(cells, stubs) for cells in rows] if stubs > 1 else []
    if split and all(len(cells) == width for cells in rows) and all(split):
        # 商品名称 规格 计量单位 价格类型 over 菜籽油 桶装一级压榨 元/5升 平均价格: as many words
        # before the figures as the header names columns before them, a cell each, in every
        # row (a name broken by a space, `比上年 增长`, splits no label).
        rows = [cells for cells in split if cells]
        width = max(len(cells) for cells in rows)
    if len(header) not in (width, width - 1):
        return None  # a header that wrapped over lines, or names groups: not placed here
    if len(header) == width - 1 and UNIT_COLUMN.match(fold(header[0].clean)):
        return None  # `  单位  甲区 乙区`, the labels' heading left blank: the aligned readings
    # Where a short row's line runs on in the spaces of its empty cells, the page writes an
    # empty cell as a space: the gaps between cells say where the empty ones are.
    spaced_blanks = any(
        _spaces_after(line) >= BLANK_CELL_SPACES and len(cells) < width
        for line, cells in zip(row_lines, rows, strict=True)
    )
    rows = _blanks_between(rows, width) if spaced_blanks and not unit_column else rows
    rows = padded_rows(rows, width)
    return whole_table(text, cells_table(text, [header, *rows], captions, lost_names=lost > 0))


_LOST_NAME_AMONG = 5  # names a header holds for a wider gap among them to mark a lost one


def _lost_names_kept(header: list[Cell], width: int) -> tuple[list[Cell], int]:
    """A header short of names for the rows' cells, whose names a space apart leave a wider
    gap where a name is lost (`金华市   兰溪市 义乌市`, over a column of 市区's figures): an
    empty cell in each such gap, where that makes the header fit the rows; and how many."""
    if len(header) >= width - 1 or len(header) < _LOST_NAME_AMONG:
        return header, 0  # few names: a wide gap there may be a page's alignment
    left_out = cells_left_out([b.start - a.end for a, b in pairwise(header)])
    if left_out is None or len(header) + sum(left_out) not in (width, width - 1):
        return header, 0
    kept = header[:1]
    for cell, blanks in zip(header[1:], left_out, strict=True):
        kept += [Cell(cell.start, cell.start, "")] * blanks + [cell]
    return kept, sum(left_out)


def _rows_kept(
    row_lines: Sequence[Line], rows: Sequence[list[Cell]], keep: Sequence[bool]
) -> tuple[list[Line], list[list[Cell]]]:
    """The rows (and their lines) that `keep` marks."""
    kept = [
        (line, cells) for line, cells, wanted in zip(row_lines, rows, keep, strict=True) if wanted
    ]
    return [line for line, _ in kept], [cells for _, cells in kept]


def whole_table(text: str, table: Table | None) -> Table | None:
    """A table the cell-at-a-time reading made, kept where it has rows enough and places every
    figure's unit."""
    if table is None or len(table.rows) < _ROWS_MIN or not _units_placed(text, table):
        return None
    return table


def padded_rows(rows: Sequence[list[Cell]], width: int) -> list[list[Cell]]:
    """Rows short of figures with their last cells empty (PDF text writes nothing for them)."""
    return [
        [*cells, *(Cell(cells[-1].end, cells[-1].end, "", blank=True),) * (width - len(cells))]
        for cells in rows
    ]


def _placed_by_rows(
    text: str, names: Sequence[Cell], rows: Sequence[list[Cell]], captions: Sequence[Cell]
) -> Table | None:
    """A header of two rows whose groups do not share the names below evenly (`平均浓度(μg/m3)`
    over `SO2 NO2 PM10 PM2.5`, the other names a column each): its names in order, for the
    cell-at-a-time reading to place the groups by what the rows hold. Kept only where that
    names every value column and places every figure's unit; None otherwise."""
    table = whole_table(text, cells_table(text, [list(names), *rows], captions))
    if table is None:
        return None
    if any(column.role == "value" and not column.header.strip() for column in table.columns):
        return None
    return table


def _blanks_between(rows: Sequence[list[Cell]], width: int) -> list[list[Cell]]:
    """Rows with the empty cells before and between their figures put back where the full
    rows' cells are one space apart: such text writes an empty cell as a space of its own, so
    three spaces between two cells leave one cell out between them (`10831.6 10831.6       533.3`:
    the first two columns and the last of six). Rows as they are where a full row spaces its
    cells otherwise (columns aligned), or where the blanks would make a row too wide."""
    full = [cells for cells in rows if len(cells) == width]
    if not full or any(b.start - a.end != 1 for cells in full for a, b in pairwise(cells)):
        return list(rows)
    gapped: list[list[Cell]] = []
    for cells in rows:
        left_out = cells_left_out([b.start - a.end for a, b in pairwise(cells)])
        if left_out is None:
            gapped.append(cells)
            continue
        with_blanks = cells[:1]
        for missing, (before, after) in zip(left_out, pairwise(cells), strict=True):
            with_blanks += [Cell(before.end + 1, before.end + 1, "", blank=True)] * missing
            with_blanks.append(after)
        gapped.append(with_blanks if len(with_blanks) <= width else cells)
    return gapped


def _grouped_header(upper: Sequence[Cell], lower: Sequence[Cell], width: int) -> list[Cell] | None:
    """A header of two rows, the labels' heading and groups above (`分行业 增长% 结构%`), as
    many names under each group below (`2024年 2023年 2024年 2023年`; `本年`, `上年同期` over
    `本月 1-本月 上年本月 上年1-本月`): the labels' heading, then each column named by its group
    and its own name (`2024年增长%`). A group may head a column of its own first, its total
    (`全市(人) 构成(%)` over `城镇 农村` twice, six columns). None where the rows are not so:
    the names below must share the groups out evenly, two or more each, the rows' figures
    being as many."""
    # A unit column before the groups stands alone: no name under it.
    alone = int(len(upper) > 1 and UNIT_COLUMN.match(fold(upper[1].clean)) is not None)
    values = width - 1 - alone
    groups = upper[1 + alone :]
    totals = len(lower) + len(groups) == values
    parts = values - len(groups) if totals else values
    if len(groups) < 2 or len(lower) != parts or parts % len(groups):
        return None  # one name over every column captions them: the other readings place it
    span = parts // len(groups)
    if span < 2:
        return None
    # A group that names its unit (`增长%`) ends the column's name, where a unit is read.
    named = [
        column
        for index, group in enumerate(groups)
        for column in [
            *([group] if totals else []),
            *(
                Cell(
                    group.start,
                    below.end,
                    below.text + group.text if header_unit(group.text) else group.text + below.text,
                )
                for below in lower[index * span : (index + 1) * span]
            ),
        ]
    ]
    return [*upper[: 1 + alone], *named]


def _rates_rejoined(header: Sequence[Cell]) -> list[Cell]:
    """A header with each `±%` (or `%`), or unit in brackets (`同比增长 (%、百分点)`, `产量
    (万吨)`), standing alone joined to the name before it."""
    joined: list[Cell] = []
    for cell in header:
        unit_alone = BRACKETED.fullmatch(fold(cell.clean)) and (
            header_unit(cell.clean) or names_percent_or_points(cell.clean)
        )
        if joined and (fold(cell.clean) in ("±%", "%") or unit_alone):
            joined[-1] = Cell(joined[-1].start, cell.end, joined[-1].text + cell.text)
        else:
            joined.append(cell)
    return joined


def _label_split(cells: list[Cell], stubs: int) -> list[Cell] | None:
    """A row whose label is `stubs` words, a cell each, then its figures; None where the
    label has not as many words."""
    words = _label_words(cells[:1])
    return [*words, *cells[1:]] if len(words) == stubs else None


def _label_words(cells: list[Cell]) -> list[Cell]:
    """A row with each word of its label a cell of its own, then its figures."""
    label, *figures = cells
    words = [
        Cell(label.start + word.start(), label.start + word.end(), word.group())
        for word in _WORD.finditer(label.text)
    ]
    return [*words, *figures]


def _captions_above(lines: Sequence[Line], header_at: int) -> list[Cell]:
    """The lines right above a header that may caption its table (`单位:元`), a cell each."""
    header_start = lines[header_at].start
    return [
        Cell(
            line.start + len(line.text) - len(line.text.lstrip()),
            line.start + len(line.text.rstrip()),
            line.text.strip(),
        )
        for line in lines[max(0, header_at - _CAPTION_LINES) : header_at]
        if line.text.strip() and header_start - line.start < _CAPTION_REACH
    ]


def _units_placed(text: str, table: Table) -> bool:
    """Whether the table says every figure's unit: its own (a caption's `单位:元`), a unit
    column's, each value column's, or each row's label or a label above it that heads it
    (`一、接待过夜游客(人次)` over `1.入境游客` and `台湾同胞`). Rows that only some labels give
    a unit are the rows of figures reading's, which leaves out a figure of unknown unit."""
    values = [column for column in table.columns if column.role == "value"]
    return (
        table.unit is not None
        or any(column.role == "unit" for column in table.columns)
        or all(column.unit is not None for column in values)
        or _units_headed(text, [row.cells[0] for row in table.rows])
        or _kinds_under_units(text, table, values)
    )


# A row of the table whose cells are all empty (`按住宿单位等级分 - - - -`): a breakdown of
# the row above, no caption.
_EMPTY_ROW = re.compile(rf"\S.*?(?:\s+{EMPTY_MARK.pattern})+")


def _kinds_under_units(text: str, table: Table, values: Sequence[Column]) -> bool:
    """Whether every figure takes a unit the table writes (a count named, 户数, is not enough),
    the rows under a row writing its unit being kinds of what it measures (`平均房价(元/间)`
    over `三星级`, `四星级`), as between pipes; only in one run of rows, no line of words between
    two (a group's caption, `主要产品产量`; a row of empty cells, `按等级分 - - -`, is a
    breakdown of the row above) and no row numbered as a section of its own (`二、
    从业人员`), which may measure anything else."""
    rows = table.rows
    sections = any(outline_level(row.cells[0].text) is not None for row in rows[1:])
    captions = any(
        not _EMPTY_ROW.fullmatch(line.strip())
        for above, below in pairwise(rows)
        for line in text[above.cells[-1].end : below.cells[0].start].split("\n")[1:-1]
    )
    return (
        not sections
        and not captions
        and all(table.unit_of(row, column) is not None for row in rows for column in values)
    )


def _units_headed(text: str, labels: Sequence[Cell]) -> bool:
    """Whether every label writes a unit in brackets or sits under one that does, deeper in
    the outline (`1.`, then words alone, then an indent: deeper each). Parts marked `#` on
    their first only (`# 吃的商品`, then `穿的商品`, `用的商品` at its indent) are all as deep."""
    heads: list[int] = []  # the depths of the labels above that write a unit
    part_depth: int | None = None  # the depth of the run of parts the last label is in
    for label in labels:
        depth = _depth(text, label)
        marked = label.text.lstrip().startswith(SUB_MARKS)
        if marked:
            part_depth = depth
        elif part_depth is not None and depth == part_depth - _INDENT_MAX:
            depth = part_depth  # a part after the first, as deep as the first
        else:
            part_depth = None
        if header_unit(label.text) is not None:
            heads = [*(at for at in heads if at < depth), depth]
        elif not any(at < depth for at in heads):
            return False
    return True


def _depth(text: str, label: Cell) -> int:
    """How deep a row's label sits in the table's outline: its number's level (`一、` 0, `(一)`
    1, `1.` 2, `(1)` 3), else below every number (a part marked `#` or `其中:` one below
    that), and deeper by its indent."""
    indent = min(label.start - (text.rfind("\n", 0, label.start) + 1), _INDENT_MAX - 1)
    level = outline_level(label.text)
    if level is None:
        words = label.text.lstrip()
        level = _UNNUMBERED + (words.startswith(SUB_MARKS) or bool(PARTS_LEAD.match(words)))
    return level * _INDENT_MAX + indent


_UNNUMBERED = 4
_INDENT_MAX = 100


def header_cells(line: Line, wanted: Sequence[int] = ()) -> list[Cell]:
    """A header line's cells: its words, a name spaced out a letter at a time one cell
    (`入 境 游 客`; two letters a few spaces apart, `类    别`). Where that makes the first
    of the `wanted` counts only with a run of letters read two to a name (`原 煤 焦 炭`:
    原煤, 焦炭), so read."""
    words = [
        Cell(line.start + word.start(), line.start + word.end(), word.group())
        for word in _WORD.finditer(line.text)
    ]
    runs: list[list[Cell]] = []  # the words, letters spaced out one run each
    for word in words:
        last = runs[-1] if runs else None
        if last is not None and _is_letter(word) and all(map(_is_letter, last)):
            gap = word.start - last[-1].end
            if gap == 1 or (len(last) == 1 and gap <= _LETTER_GAP_MAX):
                last.append(word)
                continue
        runs.append([word])
    runs = _units_on_last_letters(runs)
    whole = [joined_cell(line, run) for run in runs]
    paired = [
        joined_cell(line, run[at : at + 2]) if len(run) % 2 == 0 else joined_cell(line, run)
        for run in runs
        for at in (range(0, len(run), 2) if len(run) % 2 == 0 else (0,))
    ]
    # The first count wanted that a reading makes (a header naming the labels' column too
    # before one that leaves it unnamed), whole names before paired letters.
    return next(
        (cells for count in wanted for cells in (whole, paired) if len(cells) == count), whole
    )


def joined_cell(line: Line, run: Sequence[Cell]) -> Cell:
    """The words of `run` on `line`, and the spaces between them, as one cell."""
    return Cell(
        run[0].start, run[-1].end, line.text[run[0].start - line.start : run[-1].end - line.start]
    )


_LETTER_GAP_MAX = 4  # spaces between the two letters of a name spaced out to a column's width


# A letter and the unit in brackets after it: the last of a name spaced out (`全 市(人)`).
_LETTER_WITH_UNIT = re.compile(r"[\u4e00-\u9fff][(（][^()（）]{1,8}[)）]")


def _units_on_last_letters(runs: list[list[Cell]]) -> list[list[Cell]]:
    """Runs of a header's words with a name spaced out whose last letter carries its unit
    made one (`全 市(人)`, `构 成(%)`): a lone letter right before a letter and its unit, or
    the letter after the labels' heading spaced out (`指 标 全`, then `市(人)`)."""
    joined: list[list[Cell]] = []
    for run in runs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and len(run) == 1
            and _LETTER_WITH_UNIT.fullmatch(run[0].clean)
            and run[0].start - last[-1].end == 1
            and all(map(_is_letter, last))
        ):
            heading = len(last) - 1
            if heading == 0:
                last.append(run[0])
                continue
            if LABELS_HEADER.fullmatch("".join(cell.clean for cell in last[:heading])):
                joined[-1:] = [last[:heading], [last[heading], run[0]]]
                continue
        joined.append(run)
    return joined


def _is_letter(cell: Cell) -> bool:
    return len(cell.clean) == 1 and HAS_CJK.match(cell.clean) is not None


def _row_cells(line: Line, unit_column: bool, notes: bool = False) -> list[Cell]:
    """A row's cells: its label (the words before its first figure), its unit where the
    header names a unit column (the label's last word, `乡镇级合计 个`), then each figure; a
    note after them, where notes are read, left out (no figure is in a notes column)."""
    words = _without_note(line, notes)
    figures = _FIGURES_AT_END.search(words)
    assert figures is not None
    label_text = words[: figures.start()].rstrip()
    english = ENGLISH_AFTER.search(label_text)  # `一、总收入 Total Income`: its gloss
    label_text = label_text[: english.start()] if english else label_text
    lead = len(label_text) - len(label_text.lstrip())
    label = Cell(line.start + lead, line.start + len(label_text), label_text.strip())
    last = label_text.rsplit(maxsplit=1)
    if unit_column and len(last) == 2 and (unit := unit_of_words(last[1])) and unit[0]:
        unit_start = line.start + len(label_text) - len(last[1])
        label = Cell(label.start, line.start + len(last[0].rstrip()), last[0].strip())
        unit_cell = Cell(unit_start, unit_start + len(last[1]), last[1])
        return [label, unit_cell, *_figure_cells(line, figures)]
    return [label, *_figure_cells(line, figures)]


def _figure_cells(line: Line, figures: re.Match[str]) -> list[Cell]:
    at = line.start + figures.start()
    return [
        Cell(at + found.start(), at + found.end(), found.group())
        for found in _WORD.finditer(figures.group())
    ]
