"""Finding web tables copied one cell per line, each cell closed by a pipe.

    表1 2023年各产业增加值                     指 标 |        4-2 工业产品产量指数(1990=100) |
    |                                          单位 |         年 份 |
    行业 |                                     2023年 |       原煤 |
    增加值(亿元) |                             增长(%) |      |
    增速(%) |                                  粮食产量 |      发电量 |
    |                                          万吨 |         Year |
    农业 |                                     81.6 |        Coal |
    36.2 |                                     2.4 |         Electricity |
    4.1 |                                      …             1990 |
    …                                                        100.0 |
                                                             100.0 |

A page's table copied out as text gives each cell a line of its own that ends in ` |`; a lone
`|` is an empty cell. Nothing marks where a row ends, so the rows are found by their shape:
rows are as many cells each, a row label (words, or a year in a table whose rows are years)
then numbers, dashes (`一` too), empty cells, a unit (`万吨`, `%`), a figure with its unit
(`4.48万吨`) or a change with its verb (`上升0.13个百分点`), and the header is the cells
above the first row. Some copies open every row with a pipe
(`  | 人口 | `, then `  population | `, `  2228  | `, …, a blank line between rows): the
marks give the rows, the row whose cells hold two or more years is the header, and the
spaces after a row's opening pipe are its indent (a sub-item sits deeper than the row it
belongs to).

The header's cells may be followed by their English, one cell each (`Year`, `Coal`): that
row is left out. A header of two rows whose upper cells span the lower ones comes out
flattened, the upper row first with an empty cell where a lower cell goes (`年份 | 地区生产
总值 | | | 人均`, then `第一产业 | 第二产业`): each lower cell takes the next empty place, in
order, and an empty lower cell leaves its place to the row below it. Groups over sub-columns
that repeat once per group, flattened with no place left for the cells a group spans
(`签订合同额 | 建筑业总产值`, then `2015年 | 同比增长(%)` twice), or a period over its
sub-columns beside a unit column (`指标名称 | 计算单位 | 2018年1-6月 | 实绩 | 比上年同期增长`),
name each column by its group and its sub-column. A cell that wrapped goes on from the
lines above its pipe; a copy cut short may end in a cell without its pipe.
A line of pipes alone (`|||`, the rest of a row spanning the table) is no cell, so labels may
stand alone one after another (rows with no figures) before the next row; and the empty
cell over the row labels may come after the column heads instead of before them.

This module finds where such a grid is, as spans of the text; `llmx.tables` turns it into
a `Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise, product

from llmx.folding import fold
from llmx.lines import HAS_CJK, HAS_LATIN, Span, text_lines
from llmx.quantities import split_header_unit
from llmx.tables.captions import CAPTION
from llmx.tables.headers import repeats, totalled_groups
from llmx.tables.serials import without_serials
from llmx.tables.translations import without_translations
from llmx.vocabulary import is_fact_unit

_PIPES = "|｜"
_NUMBER = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?[*＊①-⑳]?|[—\-–/…－]+|\d+\.\.\d+")
_AMOUNT = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?(?P<unit>\D+)")
# A change written with its verb (`上升0.13个百分点`, `下降2%`): a figure too.
_CHANGED = re.compile(
    r"(?:上升|下降|增加|减少|提高|降低|回落|增长)[-−+]?\d[\d,]*(?:\.\d+)?(?P<unit>\D*)"
)
# A dash for no figure that a page set as the numeral 一.
_ONE_AS_DASH = "一"
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_HEADER = re.compile(r"((?:19|20)\d{2})\s*年?")
# The header of the row labels' column: 指标, 项目, 名称 (行业名称), 年份; 地区 or 区县 alone
# (地区生产总值 is a measure).
_STUB = re.compile(r"指\s*标|项\s*目|名\s*称|年\s*份|年\s*度|^\s*(?:[地县]\s*区|区\s*县)\s*$")
_SENTENCE = re.compile(r"[。；;！？]")
# A sentence that opens a table, ending on a colon and maybe its unit: 如下表所示:(单位:元/公斤).
_INTRODUCES = re.compile(r"[，,].*[:：]\s*(?:[(（][^()（）]*[)）])?\s*$")
_RULE = re.compile(r"[|｜]{2,}")
# A table's title (其他指标环比数据表): it may hold a stub's words, but heads no column.
_TITLE = re.compile(r"表$")
_CELL_MAX = 60  # characters of a cell's words
_WRAP_LINES = 2  # lines a wrapped cell may take above its piped line
_BLANKS_MAX = 3  # blank lines between two cells of one grid
_CELLS_MIN = 8
_ROWS_MIN = 2
_MARKS_MIN = 3


@dataclass(frozen=True)
class PipedCell:
    start: int
    end: int
    words: str  # without the pipes, stripped
    opens_row: bool  # written `| words |`: the first cell of a row
    indent: int  # spaces before the words
    rest_empty: bool = False  # a line of pipes alone follows: the rest of its row is empty

    @cached_property
    def kind(self) -> str:
        """ "empty", "number" (or a dash for none), "amount" (a number and its unit, `4.48万吨`),
        "unit" (`万吨`), "english" or "label"."""
        words = fold(self.words).replace(" ", "")
        if not words:
            return "empty"
        if _NUMBER.fullmatch(words) or words == _ONE_AS_DASH:
            return "number"
        if not HAS_CJK.search(words):
            if _is_unit(words):
                return "unit"  # %, ‰
            return "english" if HAS_LATIN.search(words) else "label"
        amount = _AMOUNT.fullmatch(words)
        if amount and _is_unit(amount.group("unit")):
            return "amount"
        changed = _CHANGED.fullmatch(words)
        if changed and (not changed.group("unit") or _is_unit(changed.group("unit"))):
            return "amount"
        return "unit" if _is_unit(words) else "label"

    @property
    def figured(self) -> bool:
        """A figure: a number (or a dash for none), or an amount with its unit."""
        return self.kind in ("number", "amount")

    @property
    def year(self) -> str | None:
        return self.words if _YEAR.fullmatch(self.words) else None


def _is_english(cell: PipedCell) -> bool:
    return cell.kind == "english"


def _is_unit(words: str) -> bool:
    found = split_header_unit(f"({words})")  # 亿元: 元 in a magnitude
    return found is not None and is_fact_unit(found[0])


@dataclass(frozen=True)
class PipedRow:
    cells: tuple[Span | None, ...]  # one per column; None where the cell is empty
    depth: int  # the indent of its label: a sub-item sits deeper than its parent


@dataclass(frozen=True)
class PipedGrid:
    start: int
    end: int
    opening: int  # where the run of cells the grid is in opens: captions are above it
    titles: tuple[Span, ...]  # the cells of words above the header (a title, a note)
    header: tuple[Span | None, ...]  # one per column
    rows: tuple[PipedRow, ...]
    years_down: bool  # the rows are years, the columns what is measured
    # The group cell over each column, where the header is groups over repeated sub-columns
    # (`签订合同额 | 建筑业总产值` over `2015年 | 同比增长(%)` twice); empty where it is not.
    groups: tuple[Span | None, ...] = ()


def find_piped(text: str) -> list[PipedGrid]:
    """Every piped grid of `text`, in order."""
    return [grid for _, grid in piped_runs(text) if grid is not None]


def piped_runs(text: str) -> list[tuple[list[PipedCell], PipedGrid | None]]:
    """Every run of piped cells of `text`, in order, with the grid found in it: None where
    its rows or its header do not place (a header of two rows whose upper cells span the
    lower ones, flattened with no place left for them)."""
    found: list[tuple[list[PipedCell], PipedGrid | None]] = []
    for run in _runs(text):
        run = without_serials(run, lambda cell: cell.words, lambda cell: cell.kind == "label")
        if _marks(run) >= _MARKS_MIN:
            found.append((run, _marked_grid(run)))  # its marks place an English cell too
            continue
        run = without_translations(run, lambda cell: cell.words, _is_english)
        found.append((run, _unmarked_grid(run)))
    return found


# --- Cells ------------------------------------------------------------------------------------


def _piped(line: str) -> bool:
    """A line closed by a pipe, with no other pipe than one opening it: one cell (a line
    of cells between pipes is a row, `llmx.tables` reads those)."""
    words = line.strip()
    if not words or words[-1] not in _PIPES:
        return False
    inner = words[1:-1] if words[0] in _PIPES else words[:-1]
    return not any(pipe in inner for pipe in _PIPES)


def _cell(text: str, first: tuple[int, str], last: tuple[int, str]) -> PipedCell:
    """The cell whose words open on line `first` and close on line `last` (the same line,
    or the piped line a wrapped cell ends on), each a (start, line) pair."""
    first_start, first_line = first
    last_start, last_line = last
    lead = len(first_line) - len(first_line.lstrip())
    opens = first_line.lstrip()[:1] in _PIPES and (first != last or len(first_line.strip()) > 1)
    indent = lead
    if opens:
        after = first_line[lead + 1 :]
        indent = len(after) - len(after.lstrip())
        lead += 1 + indent
    body = last_line.rstrip()
    if _piped(last_line):
        body = body[:-1].rstrip()
    begin = first_start + lead
    end = max(last_start + len(body), begin)
    return PipedCell(begin, end, text[begin:end].strip() if end > begin else "", opens, indent)


def _runs(text: str) -> list[list[PipedCell]]:
    """Runs of piped cells: lines closed by a pipe, blank lines between them allowed. Inside
    a run, a cell that wrapped takes the short unpiped lines right above its pipe, and the
    text's last line may be a cell cut short before its pipe."""
    lines = list(text_lines(text))
    last_words = max((i for i, (_, line) in enumerate(lines) if line.strip()), default=-1)
    runs: list[list[PipedCell]] = []
    current: list[PipedCell] = []
    blanks = 0
    index = 0
    while index < len(lines):
        if not lines[index][1].strip():
            blanks += 1
            index += 1
            continue
        if _RULE.fullmatch(lines[index][1].strip()):
            index += 1  # a line of pipes alone (`|||`): the rest of a spanning row, no cell
            if current:
                current[-1] = replace(current[-1], rest_empty=True)
            continue
        if blanks > _BLANKS_MAX:
            runs.append(current)
            current = []
        blanks = 0
        last = _closing_line(lines, index) if current else index
        words = lines[index][1].strip()
        if last is None and index == last_words and current and _is_cell_words(words):
            last = index  # the copy stops inside this cell
        if last is None or (not _piped(lines[last][1]) and last != last_words):
            runs.append(current)
            current = []
            index += 1
            continue
        current.append(_cell(text, lines[index], lines[last]))
        index = last + 1
    runs.append(current)
    return [run for run in runs if len(run) >= _CELLS_MIN and _is_table_run(run)]


def _closing_line(lines: Sequence[tuple[int, str]], index: int) -> int | None:
    """The line whose pipe closes a cell opening on line `index`: itself, or within a few
    short lines below it with no blank line between; None if no pipe closes it."""
    for last in range(index, min(len(lines), index + _WRAP_LINES + 1)):
        line = lines[last][1]
        if not line.strip() or not _is_cell_words(line.strip()) or _INTRODUCES.search(line):
            return None  # a sentence above a table is no wrapped cell
        if _piped(line):
            return last if last == index or line.strip() not in _PIPES else None
    return None


def _is_cell_words(words: str) -> bool:
    return len(words) <= _CELL_MAX and not _SENTENCE.search(words)


def _is_table_run(run: Sequence[PipedCell]) -> bool:
    """Short cells, no sentences, and numbers among them."""
    return any(cell.kind == "number" for cell in run) and all(
        _is_cell_words(cell.words) for cell in run
    )


def _marks(run: Sequence[PipedCell]) -> int:
    return sum(cell.opens_row for cell in run)


def _span(cell: PipedCell) -> Span | None:
    return (cell.start, cell.end) if cell.words.strip() else None


# --- Rows opened by a pipe ---------------------------------------------------------------------


def _marked_grid(run: Sequence[PipedCell]) -> PipedGrid | None:
    """Rows as their marks give them, under the header: the last row above the first row of
    figures that heads two or more columns (years, or words: 绝对数, 增长(%))."""
    rows: list[list[PipedCell]] = []
    before: list[PipedCell] = []
    for cell in run:
        if cell.opens_row:
            rows.append([cell])
        elif rows:
            rows[-1].append(cell)
        else:
            before.append(cell)
    first = next((i for i, row in enumerate(rows) if _has_figures(row)), None)
    header_at = next((i for i in range(first or 0, -1, -1) if _heads_columns(rows[i])), None)
    if header_at is None or first is None:
        return None
    header = rows[header_at]
    width = len(header)
    labelled = [row for row in rows[header_at + 1 :] if row[0].kind in ("label", "unit")]
    if sum(_has_figures(row[:width]) for row in labelled) < _ROWS_MIN:
        return None
    # A row without a number (人口, 就业的部门构成) heads the rows under it.
    body = [PipedRow(_padded(row[:width], width), row[0].indent) for row in labelled]
    above = [*before, *(cell for row in rows[:header_at] for cell in row)]
    return PipedGrid(
        header[0].start,
        max(cell.end for cell in run),
        run[0].start,
        _titles(above),
        tuple(_span(cell) for cell in header),
        tuple(body),
        years_down=False,
    )


def _has_figures(row: Sequence[PipedCell]) -> bool:
    """A row of a label and figures (a year alone is a header's)."""
    return row[0].kind in ("label", "unit") and any(
        cell.figured and not _is_year_header(cell) for cell in row[1:]
    )


def _heads_columns(row: Sequence[PipedCell]) -> bool:
    """A header row: two or more cells after the first, each a year or words."""
    named = [cell for cell in row[1:] if cell.kind != "empty"]
    return len(named) >= 2 and all(
        _is_year_header(cell) or cell.kind in ("label", "english") for cell in named
    )


def _is_year_header(cell: PipedCell) -> bool:
    return _YEAR_HEADER.fullmatch(cell.words.strip()) is not None


def _titles(cells: Sequence[PipedCell]) -> tuple[Span, ...]:
    """The cells above a header that are words in Chinese: the table's title, its notes."""
    return tuple((cell.start, cell.end) for cell in cells if cell.kind == "label")


# --- Rows found by their shape ------------------------------------------------------------------


def _unmarked_grid(run: Sequence[PipedCell]) -> PipedGrid | None:
    """Rows of as many cells each, each opening with a label (or a year), the header above."""
    readings = [
        (found, years_down)
        for years_down in (False, True)
        if (found := _body(run, years_down)) is not None
    ]
    if not readings:
        return None
    (first, width, body), years_down = max(readings, key=lambda reading: _filled(reading[0][2]))
    header, groups = (
        (None, []) if years_down else _totalled_header(run[:first], width) or (None, [])
    )
    header = header or _header(run[:first], width, years_down)
    if header is None and not years_down:
        header, groups = _grouped_header(run[:first], width) or (None, [])
    if header is None:
        return None
    opening = min((cell.start for cell in [*header, *groups] if cell), default=run[first].start)
    return PipedGrid(
        opening,
        body[-1][-1].end,
        run[0].start,
        _titles([cell for cell in run[:first] if cell.end <= opening]),
        tuple(_span(cell) if cell else None for cell in header),
        tuple(PipedRow(_padded(row, width), row[0].indent) for row in body),
        years_down,
        tuple(_span(cell) if cell else None for cell in groups),
    )


def _padded(row: Sequence[PipedCell], width: int) -> tuple[Span | None, ...]:
    """A row's cells, with empty ones for those a copy cut short (or a head) left out."""
    return tuple(_span(cell) for cell in row) + (None,) * (width - len(row))


def _filled(rows: Sequence[Sequence[PipedCell]]) -> int:
    """How many rows hold a number: the rows that are not heads."""
    return sum(any(cell.figured for cell in row[1:]) for row in rows)


def _size(rows: Rows, width: int) -> tuple[int, int, int]:
    """How long a run of rows of `width` cells is: its rows that hold a figure and fill every
    column, then its rows that hold a figure, then its figures. Rows short of cells count
    last: read at too wide a width, whole rows would pass for short ones."""
    whole = _filled([row for row in rows if len(row) == width])
    return whole, _filled(rows), sum(cell.figured for row in rows for cell in row[1:])


def _anchors(run: Sequence[PipedCell], years_down: bool) -> list[int]:
    """Where rows may open: at a label, or at a year for a table whose rows are years."""
    if years_down:
        return [i for i, cell in enumerate(run) if cell.year]
    return [i for i, cell in enumerate(run) if cell.kind == "label"]


Rows = list[Sequence[PipedCell]]


def _body(run: Sequence[PipedCell], years_down: bool) -> tuple[int, int, Rows] | None:
    """(first cell, width, rows) of the longest run of rows: anchors the same distance apart,
    the cells between them numbers, dashes, units or empty, and numbers in every row but
    the heads between them. Of two runs as long, the one holding more figures: a header's
    `增长速度(%) | 2006 | 2007` read as rows holds fewer than the table's rows."""
    anchors = _anchors(run, years_down)
    best: tuple[int, int, Rows] | None = None
    best_size = (0, 0, 0)
    index = 0
    while index + 1 < len(anchors):
        width = anchors[index + 1] - anchors[index]
        rows = _rows_from(run, anchors[index], width, years_down)
        size = _size(rows, width)
        if size[0] >= _ROWS_MIN and (best is None or size > best_size):
            best, best_size = (anchors[index], width, rows), size
        # On from the last row's anchor, not past it: a row too short at this width (`增长速度(%)
        # | 2006 | 2007`, then `全 市` read as a head) may open the rows at the right one.
        index += max(len(rows) - 1, 1)
    if best is None or years_down:
        return best
    first, width, rows = best
    # Heads right under the header (`合计 | | | |` over `因公出国(境)费 | | | |`, no figures yet):
    # rows of the body too, not cells of the header.
    while first >= width and _is_head(run[first - width : first]):
        first -= width
        rows.insert(0, run[first : first + width])
    return first, width, rows


def _is_head(cells: Sequence[PipedCell]) -> bool:
    """A row label alone, its other cells empty."""
    return cells[0].kind == "label" and all(cell.kind == "empty" for cell in cells[1:])


def _rows_from(run: Sequence[PipedCell], position: int, width: int, years_down: bool) -> Rows:
    """The rows of `width` cells from `position` on, for as long as they hold. Between two
    rows, a label alone or with only empty cells after it heads the rows below it."""
    rows: Rows = []
    while position < len(run):
        if _is_row(run, position, width, years_down):
            rows.append(run[position : position + width])
            position += width
            continue
        short = _short_row_end(run, position, width, years_down)
        if rows and short is not None:
            rows.append(run[position:short])
            position = short
            continue
        heads = _lone_labels(run, position, width) if rows and not years_down else []
        if not heads or not _is_row(run, heads[-1], width, years_down=False):
            break
        rows += [run[start:end] for start, end in pairwise([position, *heads])]
        position = heads[-1]
    return rows


def _lone_labels(run: Sequence[PipedCell], position: int, width: int) -> list[int]:
    """Where the row after each of the labels alone from `position` on opens: labels with no
    cell after them, or only empty ones, one after another (a province that grows no early
    rice, its `|||` no cell: `北 京 |`, `天 津 |`, then `浙 江 | 98.8 | …`). A header of the
    rows' labels (指标) ends them, and so does a name with its unit (`单产(公斤/亩)`) after
    the first, unless its row's empty cells are written out: a second table's title and
    header under the first are labels alone one after another too."""
    ends: list[int] = []
    while (
        position < len(run)
        and run[position].kind == "label"
        and not _is_row(run, position, width, years_down=False)
        and not _STUB.search(fold(run[position].words))  # 指标名称: a second table's header
    ):
        empty = 0
        while position + 1 + empty < len(run) and run[position + 1 + empty].kind == "empty":
            empty += 1
        if empty not in (0, width - 1):
            break
        written_empty = run[position].rest_empty or empty == width - 1
        if ends and not written_empty and split_header_unit(run[position].words) is not None:
            break  # 单产(公斤/亩) alone after labels alone: a second table's header, no row
        position += 1 + empty
        ends.append(position)
    return ends


def _short_row_end(
    run: Sequence[PipedCell], position: int, width: int, years_down: bool
) -> int | None:
    """Where a row short of cells ends: a label, then fewer figures (or empty cells) than the
    rows have columns, up to the next row's label (`一人户 | 146836 | 146836 |`, a page writing
    no cell for a row's last empty ones). Its figures are the first columns'; None where the
    cells from `position` make no such row."""
    if not (run[position].year if years_down else run[position].kind == "label"):
        return None
    end = position + 1
    while end < len(run) and end < position + width and _fills_row(run[end]):
        end += 1
    if (
        end == position + 1
        or end == position + width
        or not any(cell.figured for cell in run[position + 1 : end])
    ):
        return None
    opens_next = end < len(run) and (run[end].year if years_down else run[end].kind == "label")
    return end if opens_next else None


def _fills_row(cell: PipedCell) -> bool:
    return cell.figured or cell.kind in ("unit", "empty")


def _is_row(run: Sequence[PipedCell], position: int, width: int, years_down: bool) -> bool:
    """Whether `width` cells from `position` make a row; the run's last row may be cut short
    of its empty cells."""
    if width < 2 or position + 1 >= len(run):
        return False
    opening = run[position]
    if not (opening.year if years_down else opening.kind == "label"):
        return False
    values = run[position + 1 : position + width]
    if years_down and any(cell.year for cell in values):
        return False  # a year among the values: the rows are shorter than this
    return any(cell.figured for cell in values) and all(
        cell.figured or cell.kind in ("unit", "empty") for cell in values
    )


def _header(
    above: Sequence[PipedCell], width: int, years_down: bool
) -> list[PipedCell | None] | None:
    """The header over rows of `width` cells, from the cells above them: a row of English
    cells at the end is left out; the header opens at the row labels' header (指标, 年份)
    where it names one, else it is the `width` cells right above the rows. A header of more
    cells is a flattened header of several rows (see the module's docstring)."""
    cells = list(above)
    english = 0
    while english < len(cells) and cells[-1 - english].kind == "english":
        english += 1
    if english >= width - 1:
        cells = cells[: len(cells) - english]
    stub = _stub_at(cells)
    if stub is None:
        header = cells[-width:]
        if len(header) < width or (not years_down and header[0].kind == "empty"):
            return None
        if not years_down and _names_left_over(cells[: len(cells) - width]):
            return None
        if header[-1].kind == "empty" and not years_down:
            # The empty corner over the row labels, copied after the column heads.
            return [None, *header[:-1]]
        return list(header)
    return _unflattened(cells[stub:], width)


def _names_left_over(above: Sequence[PipedCell]) -> bool:
    """Whether the cells above a header of as many cells as the rows hold end on a name of
    columns, not a title: more names than columns, a header of several rows flattened
    (`分行业 | 增长% | 结构%` over `2024年 | 2023年` twice), which the grid cannot place."""
    if not above or above[-1].kind != "label":
        return False
    words = fold(above[-1].words)
    return not CAPTION.match(words) and not _TITLE.search(words)


def _stub_at(cells: Sequence[PipedCell]) -> int | None:
    """Where the header of the row labels' column (指标, 年份) is, the last one above the rows."""
    return next(
        (
            i
            for i in range(len(cells) - 1, -1, -1)
            if _STUB.search(fold(cells[i].words)) and not _TITLE.search(fold(cells[i].words))
        ),
        None,
    )


# A header row as the grid places it: a cell per column, None for a column it leaves unnamed.
Header = list[PipedCell | None]


def _grouped_header(above: Sequence[PipedCell], width: int) -> tuple[Header, Header] | None:
    """A header of groups over sub-columns, flattened with nothing left for the cells a group
    spans: the row labels' header, maybe columns of their own (计算单位), then the groups, then
    their sub-columns (`项 目 | 签订合同额 | … | 竣工产值`, then `2015年 | 同比增长(%)` once per
    group; `指标名称 | 计算单位 | 2018年1-6月 | 实绩 | 比上年同期增长`). Several groups repeat
    their sub-columns' names; one group alone must be a period, or be over years. Gives the
    header's cells and the group over each column. Rows may end in an empty cell (a lone `|`
    after each), which no header names."""
    stub = _stub_at(above)
    if stub is None:
        return None
    cells = [cell for cell in above[stub:] if cell.words.strip()]
    for leaves, trailing in product(range(width - 1), (0, 1)):
        grouped = _groups_after(cells, leaves, width - trailing)
        if grouped is not None:
            header, over = grouped
            return header + [None] * trailing, over + [None] * trailing
    return None


def _totalled_header(above: Sequence[PipedCell], width: int) -> tuple[Header, Header] | None:
    """A header flattened over groups that each open on a total column the group's name
    alone heads (`指 标 | 全 市(人) | 构 成(%) | 城镇 | 农村 | 城镇 | 农村` over six figures a
    row, see `totalled_groups`): each group's name over its total, then its sub-columns, the
    group over each. As many cells as the rows, the header would otherwise read flat."""
    stub = _stub_at(above)
    if stub is None:
        return None
    cells = [cell for cell in above[stub:] if cell.words.strip()]
    names = [cell.words.strip() for cell in cells[1:]]
    groups = totalled_groups(names, width - 1)
    if groups is None:
        return None
    subs = cells[1 + groups : groups + (width - 1) // groups]  # one group's sub-columns
    header: Header = [cells[0]]
    over: Header = [None]
    for name in cells[1 : 1 + groups]:
        header += [name, *subs]
        over += [None, *[name] * len(subs)]
    return header, over


def _groups_after(
    cells: Sequence[PipedCell], leaves: int, named: int
) -> tuple[Header, Header] | None:
    """The header of `named` columns that `cells` make with `leaves` columns of their own
    between the row labels' header and the groups, and the group over each column; None where
    they do not make one so."""
    groups = len(cells) - named
    if groups < 1 or leaves >= named - 1:
        return None
    width, rest = divmod(named - 1 - leaves, groups)  # the sub-columns of each group
    if rest or width < (1 if groups > 1 else 2):
        return None
    names, subs = cells[1 + leaves : 1 + leaves + groups], cells[1 + leaves + groups :]
    if groups > 1:
        fits = repeats([sub.words for sub in subs], groups)
    else:
        # One group alone is a period over its measures (2018年1-6月 over 实绩 | 增长), or a
        # measure over its years, each once (比重 over 2020年 | 2010年; years that repeat
        # are under several groups).
        years = [sub.words.strip() for sub in subs]
        fits = _YEAR.search(names[0].words) is not None or (
            all(_is_year_header(sub) for sub in subs) and len(set(years)) == len(years)
        )
    if not fits or {name.words for name in names} & {sub.words for sub in subs}:
        return None
    header: Header = [cells[0], *cells[1 : 1 + leaves], *subs]
    over: Header = [None] * (1 + leaves) + [names[i // width] for i in range(len(subs))]
    return header, over


def _unflattened(cells: Sequence[PipedCell], width: int) -> list[PipedCell | None] | None:
    """A header of several rows flattened into one list of cells, put back into `width`
    columns: each cell after the upper row fills the next empty place; an empty one leaves
    its place to a later cell."""
    if len(cells) < width:
        return None
    header: list[PipedCell | None] = [cell if cell.words else None for cell in cells[:width]]
    places = deque(i for i, cell in enumerate(header) if cell is None)
    for cell in cells[width:]:
        if not places:
            return None
        place = places.popleft()
        if cell.words.strip():
            header[place] = cell
        else:
            places.append(place)
    return header
