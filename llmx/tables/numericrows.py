"""Finding rows of figures under any header: the last reading of a table no layout finder
knows.

Every layout finder reads one way of writing a table. A report of a kind nobody has read
yet writes its tables some other way, and most such ways still come down to this:

    2-8   各时期地区生产总值指数情况
    ( 上年=100)
       地区生产     第一产业 第二产业 ...
    “六五”时期 109.6 105.4 109.0 108.4
    “七五”时期 109.3 110.7 104.2 104.9

a row per line, a label (words, a year, a period, or nothing) then two or more figures
separated by spaces, tabs or pipes; at least three such rows (two of five or more figures
each), blank lines or short lines of words (group captions) between them allowed; the lines
of words above the first row, back to a sentence or a blank line after words, its header. A
line of years alone (`1999   2003 @ 2004 @`) is a header too, giving each column its year.

Rows with fewer or more figures than most rows have are left out: a cell left blank cannot
be placed without knowing the layout. Two layouts tell: under a line of years a short row is a
series that begins late; in rows of years, a yearbook's early years lack columns it counted
only later, and their figures' sizes place them (`llmx.tables.shortrows`).

What the columns measure and in what unit is for `llmx.tables` to read from the header;
this module finds where the grid is, as spans of the text. Pure functions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from llmx.lines import (
    BARE_YEAR,
    CELL_SEPARATOR,
    ENGLISH_AFTER,
    HAS_CJK,
    LABELS_HEADER,
    SPACED_CELL,
    Span,
    Token,
    cell_span,
    grids_in,
    text_lines,
)
from llmx.quantities import find_quantities
from llmx.tables.shortrows import placed_by_size

_CELL = re.compile(r"[^\s|｜]+")
_PIPE = re.compile(r"[|｜]")
_NOTE_MARK = re.compile(r"[#＃*＊※]")
_SENTENCE = re.compile(r"[。；;！？!?]|[，,：:](?=\D)")
# 其中:谷物, 减调整项:间接计算的金融中介服务 — a sub-item's or an adjustment's mark, a
# short word before a colon at the label's start, no sentence's colon.
_SUB_ITEM = re.compile(r"^[^\d\s:：，,]{1,4}[:：]")
# A line of prose ends the header above a grid.
_PROSE = re.compile(r"[。；;！？!?]")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_SUB_LABELS_MIN = 2
# A line of English words alone, a translation of the row above it.
_ENGLISH_LINE = re.compile(r"\s*[A-Za-z][A-Za-z ,.'&()/-]*[A-Za-z.)]\s*")
# A year cell, maybe marked: 2008p (provisional), 1998② (a footnote).
# The mark between a band's ends in a row's label (`15 ~ 24 歲`): its upper end, and the unit
# after it, are the label's, no figure.
_RANGE_MARK = re.compile(r"[~～〜至\-－—–]")
_YEAR_CELL = re.compile(r"((?:19|20)\d{2})\s*年?[pr@*\u2460-\u2469]?")

# The heading of a grid's labels, before a line of years (item, 指标, 县别): a short word.
_HEADING = re.compile(r"[^\d\s]{1,8}")
_ROWS_MIN = 3
# Two rows of as many figures, five or more each, are a table already: prose never lines up so.
_WIDE = 5
_WIDE_ROWS_MIN = 2
_FIGURES_MIN = 2
_LABEL_MAX = 40  # characters of a row label
_HEADER_LINES = 40  # a header of one cell per line (w215) runs long
# Lines of rows above a grid that may still be under one header (its years, its unit line).
CONTINUED_LINES = 60
_BETWEEN_ROWS_MAX = 2  # lines of words or blank lines between two rows of one grid
_CAPTION_MAX = 24  # characters of a group caption between rows
_UNIT_MAX = 6  # characters of a unit standing alone in a row (万千瓦时)
# A unit per some measure, maybe counted (元/500克, 元/5升, 元/kg, 公斤/亩).
_PER_MEASURE = re.compile(r"(?P<unit>[^/\d\s]{1,4})/\d{0,4}(?:[\u4e00-\u9fff]{1,3}|[A-Za-z]{1,3})")


@dataclass(frozen=True)
class FigureRow:
    label: Span | None  # the row's label; None where the row has none
    cells: tuple[Span, ...]  # its figures (or dashes for none), one per column; none for a
    # caption between rows (`人口与就业`, `“十三五”时期`), which heads the rows under it
    depth: int = 0  # how far the row's line is indented
    unit: Span | None = None  # a cell of the row's own unit before its figures (万元 | 297859)


@dataclass(frozen=True)
class FigureGrid:
    start: int  # of the header's first line, or the first row's where it has none
    end: int  # of the last row
    header: tuple[Span, ...]  # the header's lines, top down
    years: tuple[str, ...]  # a year per column, from a line of years above the rows; or ()
    rows: tuple[FigureRow, ...]
    # Each column's name where the header gives a cell per column (one cell per line); or ()
    names: tuple[str, ...] = ()
    one_cell_per_line: bool = False  # the header's spans are cells, not lines


def find_figure_rows(text: str, taken: Sequence[Span] = ()) -> list[FigureGrid]:
    """The grids of figure rows in `text` outside the `taken` spans, in order."""

    def outside(grid: FigureGrid) -> bool:
        return not any(start < grid.end and grid.start < end for start, end in taken)

    grids = grids_in(text, _grid_at) + _streams(text) + _run_together(text)
    return sorted((grid for grid in grids if outside(grid)), key=lambda grid: grid.start)


def _figure_cells(start: int, line: str) -> FigureRow | None:
    """A row's label and figures, or None where the line is no row: the line's last cells
    are figures or dashes, at least two of them figures, and what stands before them is a
    short label that is no sentence."""
    cells = _cells_of(line)
    # The figures from the line's end, each maybe with its unit after it (糧食 44450 萬噸 -2.5)
    # or written on (粮食 308.12万吨 8.3).
    groups: list[tuple[Token, Token]] = []
    first_figure = len(cells)
    while first_figure > 0:
        last = cells[first_figure - 1]
        if not last.group() or SPACED_CELL.fullmatch(last.group()):
            groups.insert(0, (last, last))
            first_figure -= 1
        elif (
            first_figure >= 2
            and _is_figure(cells[first_figure - 2].group())
            and is_unit_word(last.group())
            and not _closes_band(cells[:first_figure])
        ):
            groups.insert(0, (cells[first_figure - 2], last))
            first_figure -= 2
        elif _is_amount(last.group()):  # 粮食 308.12万吨 8.3: the unit written on
            groups.insert(0, (last, last))
            first_figure -= 1
        else:
            break
    label_cells = cells[:first_figure]
    if not label_cells and groups and _YEAR_CELL.fullmatch(groups[0][0].group()):
        # A row of years leads with its year: 1978 183.06 183.06 52.20
        label_cells, groups = [groups[0][0]], groups[1:]
    figured = (figure.group() for figure, _ in groups)
    if sum(1 for cell in figured if _is_figure(cell) or _is_amount(cell)) < _FIGURES_MIN:
        return None
    figures = [
        cell_span(start, first) if first is last else (start + first.start(), start + last.end())
        for first, last in groups
    ]
    unit = None
    if label_cells and is_unit_word(label_cells[-1].group()) and not _closes_band(label_cells):
        # 社会消费品零售总额 | 万元 | 297859: a unit column between the label and the figures
        unit = (start + label_cells[-1].start(), start + label_cells[-1].end())
        label_cells = label_cells[:-1]
    if label_cells:
        words = line[label_cells[0].start() : label_cells[-1].end()]
        # 本市生产总值(亿元) Gross Domestic Product (100 million yuan): the English after the
        # Chinese translates it and is no part of the label.
        english = ENGLISH_AFTER.search(words)
        words = words[: english.start()] if english else words
        # A yearbook pads a label to its column (出生率      (‰)): a gap counts as one.
        if len(re.sub(r"\s+", " ", words)) > _LABEL_MAX or _SENTENCE.search(
            _SUB_ITEM.sub("", words)
        ):
            return None
        label = (start + label_cells[0].start(), start + label_cells[0].start() + len(words))
        return FigureRow(label, tuple(figures), _depth(line), unit)
    return FigureRow(None, tuple(figures), _depth(line), unit)


def _closes_band(cells: Sequence[Token]) -> bool:
    """Whether the cells end on a band of a row's label (`15 ~ 24 歲`): a figure, a range mark,
    a figure and its unit. The band's upper end is no figure and its unit no unit column's;
    a dash alone before a figure (`谷物 — 3939 万吨`: no figure that year) is no band."""
    if len(cells) < _BAND_CELLS:
        return False
    low, mark, high, unit = (cell.group() for cell in cells[-_BAND_CELLS:])
    return (
        _is_figure(low)
        and _RANGE_MARK.fullmatch(mark) is not None
        and _is_figure(high)
        and is_unit_word(unit)
    )


_BAND_CELLS = 4


@dataclass(frozen=True)
class _Token:
    """A cell between two pipes, as `lines.Token` (a match's words and place) has it: an
    empty cell has no match to stand for it."""

    text: str
    at: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.text)


def _cells_of(line: str) -> list[Token]:
    """A line's cells: between pipes where it has them (an empty cell kept, `7.7 | |`, the
    borders' empty ends dropped), else words between spaces."""
    if not _PIPE.search(line):
        spaced: list[Token] = list(_CELL.finditer(line))
        # A note's mark set apart after a figure (`6,006 #   10,080 #`) is no cell of its own.
        return [
            cell
            for index, cell in enumerate(spaced)
            if not (
                index
                and _NOTE_MARK.fullmatch(cell.group())
                and _is_figure(spaced[index - 1].group())
            )
        ]
    cells = _pipe_cells(line, 0, len(line), closed=False)
    tokens: list[Token] = [_Token(line[a:b], a) for a, b in cells]
    if tokens and not tokens[0].group():
        tokens = tokens[1:]
    if tokens and not tokens[-1].group():
        tokens = tokens[:-1]
    return tokens


def is_unit_word(words: str) -> bool:
    """Whether a cell's words are a unit alone (萬噸, 亿元, 公顷, %) that a figure is in."""
    if words in ("%", "‰"):
        return True
    per = _PER_MEASURE.fullmatch(words)
    if per:  # 元/500克, 元/5升, 吨/亩: a unit per a measure
        return is_unit_word(per.group("unit"))
    if HAS_CJK.search(words) is None or len(words) > _UNIT_MAX or words[:1].isdigit():
        return False  # 1月, 3季度: a period, no unit
    found = find_quantities(f"1{words}")
    return len(found) == 1 and found[0].text == f"1{words}" and bool(found[0].unit)


def _is_figure(cell: str) -> bool:
    found = SPACED_CELL.fullmatch(cell)
    return found is not None and (found.group("figure") or found.group("bracketed")) is not None


_AMOUNT = re.compile(r"(?P<figure>[-−+]?\d[\d,]*(?:\.\d+)?)(?P<unit>[^\d\s|｜]+)")


def _is_amount(cell: str) -> bool:
    """A figure with its unit written on (308.12万吨)."""
    found = _AMOUNT.fullmatch(cell)
    return found is not None and is_unit_word(found.group("unit"))


def _line_years(line: str) -> tuple[str, ...]:
    """The years a line of years gives, in order; a run of fiscal years written together
    (`2017-182018-192019-20`) gives each the year it begins in."""
    if _FISCAL_RUN.fullmatch(line):
        return tuple(found.group(1) for found in _FISCAL.finditer(line))
    return tuple(_YEAR.findall(line))


# Fiscal years run together without a gap: 2017-182018-192019-20.
_FISCAL = re.compile(r"((?:19|20)\d{2})-\d{2}")
_FISCAL_RUN = re.compile(r"\s*(?:(?:19|20)\d{2}-\d{2}){2,}\s*")


def _is_year_line(line: str) -> bool:
    """A line of years alone, at least two, rising (or falling a year at a time, the latest
    first), or the same rising years once under each of several groups (`2008 | 2009 | 2008 |
    2009 …` under 增加值, 劳动者报酬, …): a header giving each column its year."""
    if _FISCAL_RUN.fullmatch(line):
        fiscal = [int(year) for year in _line_years(line)]
        return all(b == a + 1 for a, b in pairwise(fiscal))
    cells = _CELL.findall(line)
    years = [_YEAR_CELL.fullmatch(cell) for cell in cells]
    lead = next((i for i, year in enumerate(years) if year), len(years))
    if 0 < lead < len(years) and _HEADING.fullmatch("".join(cells[:lead])):
        years = years[lead:]  # item 1952 1978 …, 指 标 1990年 1995年 …: the labels' heading first
    if len(years) < _FIGURES_MIN or not all(years):
        return False
    numbers = [int(year.group(1)) for year in years if year]
    if all(b == a - 1 for a, b in pairwise(numbers)):
        return True  # 2008 2007: this year's column, then the year before's
    rising = next((i + 1 for i, (a, b) in enumerate(pairwise(numbers)) if a >= b), len(numbers))
    repeated = all(numbers[i] == numbers[i % rising] for i in range(len(numbers)))
    return rising >= _FIGURES_MIN and len(numbers) % rising == 0 and repeated


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[FigureGrid, int] | None:
    start, line = lines[index]
    opening = None if _is_year_line(line) else _figure_cells(start, line)
    if opening is None:
        return None
    rows: list[FigureRow] = []
    first_label = _label_line(lines, index - 1) if opening.label is None else None
    if first_label is not None:  # 杭州市⏎723.55  10050.21 …: a row's label on the line above
        rows.append(FigureRow(first_label, (), _depth(lines[index - 1][1])))
    end = index
    gap = int(first_label is not None)  # lines of words since the last row
    while end < len(lines):
        row_start, row_line = lines[end]
        found = None if _is_year_line(row_line) else _figure_cells(row_start, row_line)
        if found is not None and found.label is None and rows and not rows[-1].cells and gap == 1:
            rows[-1] = replace(found, label=rows[-1].label, depth=rows[-1].depth)
            gap = 0
        elif found is not None:
            rows.append(found)
            gap = 0
        elif _ENGLISH_LINE.fullmatch(row_line):
            pass  # a row's English under it (Stated-owned units): no caption, no gap
        elif not row_line.strip() and end > index and not lines[end - 1][1].strip():
            pass  # a run of blank lines parts two rows as one blank line does
        elif gap < _BETWEEN_ROWS_MAX and _between_rows(row_line):
            gap += 1
            if row_line.strip():
                words = row_line.strip()
                at = row_start + row_line.index(words[0])
                rows.append(FigureRow((at, at + len(words)), (), _depth(row_line)))
        else:
            break
        end += 1
    while end > index and _figure_cells(*lines[end - 1]) is None:
        end -= 1  # the lines of words after the last row are no part of the grid
    while rows and not rows[-1].cells:
        rows.pop()
    widths = Counter(len(row.cells) for row in rows if row.cells)
    width = widths.most_common(1)[0][0]
    widest = max(len(row.cells) for row in rows)
    if widths[widest] >= _ROWS_MIN and widths[widest] * widest > widths[width] * width:
        # An energy balance's many short rows (10021.6 10021.6 under six columns) cannot be
        # placed; its full rows hold more of the table than they do.
        width = widest
    placed = _short_rows_by_size(text, rows, widest)
    if len(placed) == sum(1 for row in rows if 0 < len(row.cells) < widest):
        width = widest  # a yearbook's early years, short of the columns counted later
    elif width != widest:
        placed = _short_rows_by_size(text, rows, width)
    header, years, names = _header_above(lines, index - (first_label is not None), width)
    last_start, last_line = lines[end - 1]
    # A text that stops inside its last row (a page stored up to a length) cut its last cells.
    cut_short = last_start + len(last_line) == len(text)
    placed = {} if years else placed
    kept = [
        row
        if len(row.cells) in (0, width)
        else placed.get(row) or _padded(row, width, at_end=cut_short and row is rows[-1])
        for row in rows
        if len(row.cells) in (0, width)
        or row in placed
        or (years and _FIGURES_MIN <= len(row.cells) < width)
    ]
    if sum(1 for row in kept if row.cells) < (_WIDE_ROWS_MIN if width >= _WIDE else _ROWS_MIN):
        return None
    first = header[0][0] if header else (first_label or (start, 0))[0]
    grid = FigureGrid(first, last_start + len(last_line), tuple(header), years, tuple(kept), names)
    return grid, end


def _padded(row: FigureRow, width: int, *, at_end: bool) -> FigureRow:
    """A short row under a line of years, filled to `width` with empty cells: before its
    figures, since a short row begins late (城镇人口, counted from 1964 on) and its figures
    are the last years'; after them where the text stops inside the row."""
    empty = [(row.cells[-1][1] if at_end else row.cells[0][0],) * 2] * (width - len(row.cells))
    return replace(row, cells=(*row.cells, *empty) if at_end else (*empty, *row.cells))


def _short_rows_by_size(
    text: str, rows: Sequence[FigureRow], width: int
) -> dict[FigureRow, FigureRow]:
    """The short rows of a grid whose rows are years, each with its figures placed by their
    sizes among the columns of the rows `width` wide (`llmx.tables.shortrows`)."""
    dated = [
        (row, int(year.group(1)))
        for row in rows
        if row.label
        and 0 < len(row.cells) <= width
        and (year := _YEAR_CELL.fullmatch(text[row.label[0] : row.label[1]]))
    ]
    if sum(1 for row, _ in dated if len(row.cells) == width) < _ROWS_MIN:
        return {}
    spread = placed_by_size(text, [(year, row.cells) for row, year in dated])
    return {
        row: replace(row, cells=cells)
        for (row, _), cells in zip(dated, spread, strict=True)
        if cells is not None and len(row.cells) < width
    }


# A year, or a fiscal year written by its two calendar years (1997-98, 1999-2000, 2026/27).
_YEAR_ALONE = re.compile(r"((?:19|20)\d{2})(?:\s*[-/—–]\s*(?:\d{2}|\d{4}))?\s*年?(?:度)?")


def _years_a_line_each(lines: Sequence[str], width: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A header of a cell per line whose columns each end in their year (`實 收`, `1997-98`,
    `實 收`, `1998-99`, `修 訂 預 算`, `1999-2000`): each column's year (a fiscal year's the
    one it begins in) and the words on the line above it; ((), ()) where the header has not
    one year alone per column, rising."""
    found = [
        (i, year) for i, line in enumerate(lines) if (year := _YEAR_ALONE.fullmatch(line.strip()))
    ]
    at = [i for i, _ in found]
    years = [int(year.group(1)) for _, year in found]
    if len(at) != width or width < _FIGURES_MIN or not all(a < b for a, b in pairwise(years)):
        return (), ()
    above = [
        re.sub(r"\s+", "", lines[i - 1])  # 修 訂 預 算: letters spaced out are one word
        if i and not _YEAR_ALONE.fullmatch(lines[i - 1].strip())
        else ""
        for i in at
    ]
    return tuple(map(str, years)), tuple(above) if all(above) else ()


def _label_line(lines: Sequence[tuple[int, str]], index: int) -> Span | None:
    """The span of the line at `index` where it is a row's label standing alone (short words,
    no figures, no sentence), else None."""
    if index < 0:
        return None
    start, line = lines[index]
    words = line.strip()
    if not words or not HAS_CJK.search(words) or not _between_rows(line):
        return None
    if _figure_cells(start, line) is not None or _is_year_line(line):
        return None
    at = start + line.index(words[0])
    return (at, at + len(words))


def _depth(line: str) -> int:
    """How far a line is indented, an ideographic space two."""
    lead = line[: len(line) - len(line.lstrip())]
    return len(lead) + lead.count("\u3000")


def _between_rows(line: str) -> bool:
    """A blank line, or a short line of words (a group caption, `“十三五”时期`, `在总额中: |
    |||||` among empty cells), which may end in a colon."""
    words = CELL_SEPARATOR.sub("", line)  # 按 人 口 平 均: letters spaced out count once
    words = words.removesuffix(":").removesuffix("：")
    return len(words) <= _CAPTION_MAX and not _SENTENCE.search(words)


def _header_above(
    lines: Sequence[tuple[int, str]], index: int, width: int
) -> tuple[list[Span], tuple[str, ...], tuple[str, ...]]:
    """The header's lines above the row at `index`, top down; the years a line of years
    among them gives the columns (where it gives one per column), or its years a line each
    (`實 收`, `1997-98`, …) with the words over each; else those of a header further up."""
    header: list[Span] = []
    years: tuple[str, ...] = ()
    above = index - 1
    while above >= 0 and len(header) < _HEADER_LINES:
        start, line = lines[above]
        words = line.strip()
        year_line = _is_year_line(line)
        if (not year_line and _figure_cells(start, line) is not None) or _PROSE.search(words):
            break
        if words:
            header.insert(0, (start + line.index(words[0]), start + len(line.rstrip())))
            if not years and year_line:
                found = _line_years(line)
                years = found if len(found) == width else ()
        above -= 1
    if years:
        return header, years, ()
    own = _years_a_line_each([lines[at][1] for at in range(above + 1, index)], width)
    return header, *(own if own[0] else _years_further_up(lines, above, width))


def _years_further_up(
    lines: Sequence[tuple[int, str]], above: int, width: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The years of a header over rows of figures above `above`, as many as `width`, and
    the words over each where it writes its years a line each: rows that go on under a
    table another reading took the top of (a wrapped English label between), or under group
    captions and rows of other widths, are under its header still; rows shorter than a line
    of years its last years' (counted from a later year on, as a short row under a line of
    years is). Prose between ends the search."""
    passed: list[str] = []
    for _, line in reversed(lines[max(0, above - CONTINUED_LINES) : above + 1]):
        if _PROSE.search(line):
            break
        if _is_year_line(line):
            found = _line_years(line)
            return (found[-width:] if len(found) >= width else ()), ()
        passed.insert(0, line)
    return _years_a_line_each(passed, width)


# --- One cell per line, each closed by a pipe -------------------------------------------------
#
#     项 目 |            A web table copied as text gives each cell a line that ends in a pipe
#     2017年5月 |        (a lone `|` an empty cell; a cell that wrapped goes on over lines up
#     同比增长(%) |      to its pipe). Nothing marks where a row ends: a row is a label (maybe
#     全 市 |            followed by its English) then a run of figures; words followed by no
#     13604203 |         figures are a caption heading the rows under it; a run of rising
#     -1.5 |             years is the header's. The header is the cells above the first row.

_STREAM_LINES_MIN = 10
_ASCII_ONLY = re.compile(r"[\x00-\x7f]+")


def _streams(text: str) -> list[FigureGrid]:
    grids: list[FigureGrid] = []
    for start, end in _piped_regions(text):
        for cells in _tables_of(text, _pipe_cells(text, start, end)):
            grid = _stream_grid(text, cells)
            if grid is not None:
                grids.append(grid)
    for start, end in _one_line_tables(text):
        grid = _stream_grid(text, _pipe_cells(text, start, end, closed=False))
        if grid is not None:
            grids.append(grid)
    return grids


def _one_line_tables(text: str) -> list[Span]:
    """Lines that hold a whole table's cells between pipes, its rows run on (`项目 | 2013 |
    2014 | 总指数 | 97.6 | 99.0 | 燃料动力类 | 96.3 | …`): a page's table copied onto one
    line. Many cells, a good part of them figures."""
    regions: list[Span] = []
    for start, line in text_lines(text):
        cells = [cell.strip() for cell in _PIPE.split(line)]
        figures = sum(1 for cell in cells if _is_figure(cell))
        if len(cells) >= _ONE_LINE_CELLS_MIN and figures * 2 >= len(cells):
            regions.append((start, start + len(line)))
    return regions


_ONE_LINE_CELLS_MIN = 20


def _tables_of(text: str, cells: Sequence[Span]) -> list[Sequence[Span]]:
    """A region's cells cut where a header starts again (`指 标 名 称`): two tables one
    under the other, each with its own columns. The cut is right after the last figure
    above that header, so the second table keeps its caption and `单位:` line; a part too
    short to be a table alone (a page cut off after two rows) stays with the one above."""
    cuts: list[int] = []
    last_figure = None
    for at, (start, end) in enumerate(cells):
        words = text[start:end].strip()
        if _is_figure(words):
            last_figure = at
        elif LABELS_HEADER.fullmatch(words) and last_figure is not None:
            cuts.append(last_figure + 1)
            last_figure = None
    parts: list[Sequence[Span]] = []
    for begin, stop in pairwise([0, *cuts, len(cells)]):
        if parts and _stream_grid(text, cells[begin:stop]) is None:
            parts[-1] = [*parts[-1], *cells[begin:stop]]
        else:
            parts.append(cells[begin:stop])
    return parts


def _piped_regions(text: str) -> list[Span]:
    """Runs of lines that are one cell closed by a pipe (or pipes alone), maybe with wrapped
    or blank lines between them; a line of several cells between pipes (`a | b | c |`) is a
    row of its own and ends a run."""
    regions: list[Span] = []
    first: int | None = None
    last_end = 0
    count = 0
    for start, line in text_lines(text):
        body = line.strip().strip("|｜")
        if line.rstrip().endswith(("|", "｜")) and not _PIPE.search(body):
            first = start if first is None else first
            last_end, count = start + len(line), count + 1
        elif first is not None and start - last_end > _WRAP_MAX:
            if count >= _STREAM_LINES_MIN:
                regions.append((first, last_end))
            first, count = None, 0
    if first is not None and count >= _STREAM_LINES_MIN:
        regions.append((first, last_end))
    return regions


_WRAP_MAX = 80  # characters of wrapped lines between two lines that end in a pipe


def _pipe_cells(text: str, start: int, end: int, *, closed: bool = True) -> list[Span]:
    """The cells between the pipes of a region, each stripped; (at, at) for an empty one.
    Where the region need not close with a pipe (`closed=False`, a row `a | b | 3.5`), what
    follows the last pipe is its last cell."""
    cells: list[Span] = []
    position = start
    for pipe in [*_PIPE.finditer(text, start, end), None]:
        if pipe is None and closed:
            break
        cut = pipe.start() if pipe else end
        raw = text[position:cut]
        words = raw.strip()
        at = position + raw.index(words) if words else cut
        cells.append((at, at + len(words)))
        position = pipe.end() if pipe else end
    return cells


def _stream_grid(text: str, cells: Sequence[Span]) -> FigureGrid | None:
    rows: list[FigureRow] = []
    headed, looked = False, 0  # whether a row of no figures is among rows[:looked]
    header: list[Span] = []
    years: tuple[str, ...] = ()
    labels: list[Span] = []
    index = 0
    while index < len(cells):
        words = text[cells[index][0] : cells[index][1]]
        if not words or SPACED_CELL.fullmatch(words):
            run_end = index
            while run_end < len(cells):
                if SPACED_CELL.fullmatch(text[cells[run_end][0] : cells[run_end][1]]):
                    run_end += 1
                    continue
                # Blank cells after figures (6.34 | | 92.48, or a row's last cells, or the
                # lines that part it from the next row) stay in the run for now: the grid's
                # width cuts them off below.
                blanks = run_end
                while blanks < len(cells) and cells[blanks][0] == cells[blanks][1]:
                    blanks += 1
                if run_end > index and blanks > run_end:
                    run_end = blanks
                    continue
                break
            run = list(cells[index:run_end])
            figures = [text[a:b] for a, b in run]
            by_year = _rows_led_by_years(figures)
            if (labels or header) and not rows and _is_year_line(" ".join(figures)):
                header += [*labels, *run]
                years, labels = tuple(_YEAR.findall(" ".join(figures))), []
            elif by_year:  # 1978 | 100.0 | … | 1979 | 108.6 | …: rows whose labels are years
                if labels:
                    _caption_or_header(text, labels, rows, header, years)
                    labels = []
                rows += [FigureRow(run[a], tuple(run[a + 1 : b]), 0) for a, b in by_year]
            elif labels and sum(map(_is_figure, figures)) >= _FIGURES_MIN:
                unit = None
                if len(labels) >= 2 and is_unit_word(text[labels[-1][0] : labels[-1][1]]):
                    unit, labels = labels[-1], labels[:-1]  # 地区生产总值 | 亿元 | 91.3 | 7.5
                own = _own_labels(text, labels)
                if len(own) < len(labels):
                    _caption_or_header(text, labels[: -len(own)], rows, header, years)
                # Rows only grow: a head (a row of no figures) once met stays met, so only the
                # rows since the last look are looked at.
                headed = headed or any(not row.cells for row in rows[looked:])
                looked = len(rows)
                depth = 1 if headed else 0
                rows.append(FigureRow(_label_of(text, own), tuple(run), depth, unit))
                labels = []
            elif labels:
                _caption_or_header(text, labels, rows, header, years)
                labels = []
            index = max(run_end, index + 1)
            continue
        labels.append(cells[index])
        index += 1
    figure_rows = [row for row in rows if row.cells]
    if not figure_rows:
        return None
    width = Counter(_filled_width(row.cells) for row in figure_rows).most_common(1)[0][0]
    kept = [
        replace(row, cells=row.cells[:width])
        for row in rows
        if not row.cells or _filled_width(row.cells) <= width <= len(row.cells)
    ]
    if sum(1 for row in kept if row.cells) < _ROWS_MIN:
        return None
    if len(years) != width:
        years = ()
    named = _with_sub_labels([text[a:b] for a, b in header if not _ASCII_ONLY.fullmatch(text[a:b])])
    names = tuple(named[-width:]) if len(named) > width and not years else ()
    # 指标名称 | 环比 | 同期比 | 累计比 | 增幅% | 去年同月 | 去年同期, rows of three figures and
    # two blank cells: the columns are the names after the labels' own, from the left.
    full = Counter(len(row.cells) for row in rows if row.cells).most_common(1)[0][0]
    after = _names_after_labels(named)
    if not years and len(after) >= full > width:
        names = tuple(after[:width])
    while not kept[-1].cells:
        kept.pop()
    first = min(a for a, _ in [*header, *(row.label or row.cells[0] for row in kept)])
    last = kept[-1].cells[-1][1]
    return FigureGrid(first, last, tuple(header), years, tuple(kept), names, one_cell_per_line=True)


def _names_after_labels(named: Sequence[str]) -> list[str]:
    """The header's names after the labels' column's (`指标名称`), a unit column's left out;
    [] where no such name heads the labels."""
    heads = [at for at, name in enumerate(named) if LABELS_HEADER.fullmatch(name.strip())]
    if not heads:
        return []
    return [name for name in named[heads[-1] + 1 :] if not _UNIT_HEADER.fullmatch(name.strip())]


_UNIT_HEADER = re.compile(r"(?:计量)?单\s*位")


def _filled_width(cells: Sequence[Span]) -> int:
    """How many cells a row has up to its last that is not blank."""
    return max((at + 1 for at, (start, end) in enumerate(cells) if end > start), default=0)


def _rows_led_by_years(figures: Sequence[str]) -> list[tuple[int, int]]:
    """Where a run of figures is rows each led by its year (`1978`, then as many figures,
    `1979`, …), the (start, end) of each row in the run; [] where it is not: at least three
    rows, years rising, every row as long, the run opening with a year."""

    def is_year(cell: str) -> bool:
        return _YEAR_CELL.fullmatch(cell) is not None

    starts = [
        i for i, cell in enumerate(figures[:-1]) if is_year(cell) and not is_year(figures[i + 1])
    ]
    if len(starts) < _ROWS_MIN or starts[0] != 0:
        return []
    bounds = list(pairwise([*starts, len(figures)]))
    years = [int(figures[a][:4]) for a, _ in bounds]
    lengths = {b - a for a, b in bounds[:-1]}
    rising = all(x < y for x, y in pairwise(years))
    even = len(lengths) == 1 and bounds[-1][1] - bounds[-1][0] <= min(lengths)
    return bounds if rising and even and min(lengths) > _FIGURES_MIN else []


def _label_of(text: str, labels: Sequence[Span]) -> Span:
    """A row's label among the cells before its figures: the first with Chinese in it (the
    others its English), else the first."""
    return next((span for span in labels if HAS_CJK.search(text[span[0] : span[1]])), labels[0])


def _own_labels(text: str, labels: Sequence[Span]) -> Sequence[Span]:
    """The cells that label the figures after them: the last with Chinese in it and its
    English after it; the cells before those are the header's or a caption's."""
    chinese = [i for i, span in enumerate(labels) if HAS_CJK.search(text[span[0] : span[1]])]
    return labels[chinese[-1] :] if chinese else labels[-1:]


def _caption_or_header(
    text: str,
    labels: Sequence[Span],
    rows: list[FigureRow],
    header: list[Span],
    years: tuple[str, ...],
) -> None:
    """Cells of words followed by no figures: the header's before the first row (until a
    run of years ends the header), else a caption heading the rows under it (its English
    left out)."""
    if not rows and not years:
        header.extend(labels)
        return
    label = _label_of(text, labels)
    words = text[label[0] : label[1]]
    if HAS_CJK.search(words) and _between_rows(words):
        rows.append(FigureRow(label, (), 0))


# --- Rows run together on one line ----------------------------------------------------------
#
#     表一 单位:万元 2020年 2021年 2021年 完成数 预算数 完成数 49,171 51,385 51,385 100.00% 4.50%
#     税收收入小计 27,631 33,385 33,385 100.00% 20.82% 增值税 13,950 18,835 17,585 93.36% …
#
# A page's table copied as one line, every cell a word between spaces: the header's words,
# then rows of a label and as many figures each. The first row may have lost its label to
# the header (its words end in the header's: 完成数); a row is a label word and at least two
# figures, at least three rows as wide, one after another.

_RUN_LINE_MIN = 60  # characters of a line that may hold a table run together
_RUN_HEADER_WORDS = 12  # words of the header kept before the first row
_RUN_LABEL_MAX = 20  # characters of a row's label word
# The header's own last words (a year, a status, a rate) rather than a first row's label.
_HEADER_WORD = re.compile(r"(?:19|20)\d{2}年?|.*(?:数|%\)?|增长|累计|月|年)$")


def _run_together(text: str) -> list[FigureGrid]:
    grids: list[FigureGrid] = []
    for start, line in text_lines(text):
        if len(line) >= _RUN_LINE_MIN and not _PIPE.search(line):
            grid = _run_grid(start, list(_CELL.finditer(line)))
            if grid is not None:
                grids.append(grid)
    return grids


def _run_grid(start: int, tokens: Sequence[re.Match[str]]) -> FigureGrid | None:
    """The rows run together in one line's words, or None: the longest run of consecutive
    rows of one width (at least two figures, at least three rows)."""
    segments: list[tuple[list[re.Match[str]], list[re.Match[str]]]] = []  # (words, figures)
    for token in tokens:
        figure = SPACED_CELL.fullmatch(token.group()) is not None
        if not segments or (not figure and segments[-1][1]):
            segments.append(([], []))
        segments[-1][1 if figure else 0].append(token)
    runs: list[list[int]] = []
    for index, (words, figures) in enumerate(segments):
        width = len(figures)
        if width < _FIGURES_MIN:
            continue
        one_label = len(words) == 1 and len(words[0].group()) <= _RUN_LABEL_MAX
        follows = bool(runs) and runs[-1][-1] == index - 1
        if follows and one_label and len(segments[index - 1][1]) == width:
            runs[-1].append(index)
        else:
            runs.append([index])
    best = max(runs, key=len, default=[])
    rows = [segments[index] for index in best]
    if len(rows) < _ROWS_MIN:  # rows after the first are one label word each, by the runs
        return None
    if any(_SENTENCE.search(words[0].group()) for words, _ in rows[1:]):
        return None
    head_words, _ = rows[0]
    label: re.Match[str] | None = None
    if head_words and not _HEADER_WORD.fullmatch(head_words[-1].group()):
        label, head_words = head_words[-1], head_words[:-1]
    head_words = head_words[-_RUN_HEADER_WORDS:]

    labels = [label, *(words[-1] for words, _ in rows[1:])]
    figure_rows = [
        FigureRow(
            cell_span(start, word) if word is not None else None,
            tuple(cell_span(start, figure) for figure in figures),
        )
        for word, (_, figures) in zip(labels, rows, strict=True)
    ]
    header = (start + head_words[0].start(), start + head_words[-1].end()) if head_words else None
    first = header[0] if header else start + rows[0][1][0].start()
    last = cell_span(start, rows[-1][1][-1])[1]
    return FigureGrid(first, last, (header,) if header else (), (), tuple(figure_rows))


def _with_sub_labels(named: list[str]) -> list[str]:
    """A header a cell per line whose second line puts one sub-label under each year's
    column (`2010年 | 2009年 | 增长率(%)`, then `1-11月 | 1-11月`): each year's name with it
    (`2010年 1-11月`), the repeats gone; else the names as they are."""
    sub = named[-1] if named else ""
    repeats = 0
    while repeats < len(named) and named[-1 - repeats] == sub:
        repeats += 1
    above = named[: len(named) - repeats]
    years = [at for at, name in enumerate(above) if BARE_YEAR.fullmatch(name.strip())]
    if repeats < _SUB_LABELS_MIN or len(years) != repeats:
        return named
    return [f"{name} {sub}" if at in years else name for at, name in enumerate(above)]
