"""Finding tables copied column by column, one cell per line.

    指 标 2019年 2020年 2021年
    粮食产量(万吨)
    畜牧业
    肉类总产量(万吨)

    612.4

    88.1

    630.0

    90.7
    …

The header row is one line (the row labels' header, then a year per column); every row
label follows on a line of its own; then, after a blank line, each year's column: as many
lines as there are row labels, a blank line for an empty cell (a group label's row such as
`畜牧业`, or a missing figure), and a blank line between one column and the next. A web
table copied out column by column comes out this way.

A census bulletin's table of towns comes out tighter: a header of names (`地区 常住人口
比重[4]`, under a `单位:人、%` line), the labels, then every column's figures straight after,
no blank line anywhere. Nothing marks where one column ends, so such a grid is only taken
when the figures, up to the first line that is none, are exactly as many as the labels times
the named columns.

Blank lines are cells here, so a grid is only taken when its lines fit the labels: the
labels and every column run separated by the same number of blank lines, every run as long
as the label list, and nothing after the last column. Leading empty cells (a table opening
with group labels) make the gap before the first figure look longer, so the gap is not
measured but taken to be the separator; a text with one line too many or too few in a
column then fits no reading. This module finds where such a grid is, as spans of the text;
`llmx.tables` turns it into a `Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.lines import Span, grids_in
from llmx.tables.headers import outside_brackets

_COLUMNS_MIN = 2
_COLUMNS_MAX = 8  # named columns of a tight grid
_LABELS_MIN = 3
_LABELS_MAX = 200  # bounds the look-ahead from a header line
_LABEL_MAX = 40  # characters
_STUB_MAX = 6  # characters of the row labels' header (指 标, 项目)
_HEADER_MAX = 200  # characters of a header line
_SEPARATORS = (1, 2)  # blank lines between the labels and a column run, and between runs
_YEAR_HEADER = re.compile(r"(?:19|20)\d{2}\s*年?[^\d\s]{0,4}")
# A header cell naming a measure in Chinese words, maybe with a unit in brackets, maybe
# marked with a footnote (`比重[4]`): the mark is left out of the name.
_NAMED_HEADER = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff()（）%‰]*)(?:\[\d{1,2}\])?")
# A value cell: a number, then maybe a mark outside the value (1.7r revised, 3.2p
# provisional, a footnote mark).
_VALUE = re.compile(r"\s*([-−+]?\d[\d,]*(?:\.\d+)?%?)\s*(?:[rRpPeE*＊]|[①-⑳])?\s*")
_NO_VALUE = re.compile(r"\s*(?:[—\-–/…－.·]+|[xX×])\s*")
_ALIGNED = re.compile(r"\t|\s{2,}")
_PROSE = re.compile(r"[。；;：:，,？?！!]")
_FOOTNOTE = re.compile(r"[\s*＊①-⑳]+$")
# A sub-item's mark: (ⅰ), (ii), 其中, #.
_SUB_ITEM = re.compile(r"^(?:[(（](?:[ⅰ-ⅻ]|[ivx]{1,4})[)）]|其中|[#＃])")
_UNIT_AT_END = re.compile(r"[(（]([^()（）\d]+)[)）]$")  # (万人), not (1996年=100)


@dataclass(frozen=True)
class ColumnwiseGrid:
    start: int
    end: int
    stub: Span | None  # the row labels' header (指 标), if the header row names it
    headers: tuple[Span, ...]  # one per value column, left to right
    years: tuple[str, ...]  # the year each value column stands for
    labels: tuple[Span, ...]  # one per row, top to bottom, without footnote marks
    # Per row, where its unit is written when its label writes none: a sub-item
    # (`(ⅰ)制造业`) is in the unit of the row it is listed under (`就业人口(万人)`).
    units: tuple[Span | None, ...]
    columns: tuple[tuple[Span | None, ...], ...]  # per column, one per row; None if empty


@dataclass(frozen=True)
class _Header:
    stub: Span | None
    headers: tuple[Span, ...]
    years: tuple[str, ...]


def find_columnwise(text: str) -> list[ColumnwiseGrid]:
    """Every column-by-column grid of `text`."""
    return grids_in(text, _grid_at)


def _header(start: int, line: str) -> _Header | None:
    """A header row: words naming the row labels (or none), then two or more years."""
    words = line.rstrip()
    # Most lines end in no year: look at the last word before splitting the line.
    if (
        not words
        or len(words) > _HEADER_MAX
        or not _YEAR_HEADER.fullmatch(words.rsplit(None, 1)[-1])
    ):
        return None
    cells = [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", line)]
    years = 0
    while years < len(cells) and _YEAR_HEADER.fullmatch(cells[-1 - years][2]):
        years += 1
    if years < _COLUMNS_MIN:
        return None
    stub_cells = cells[: len(cells) - years]
    stub_words = "".join(cell[2] for cell in stub_cells)
    if len(stub_words) > _STUB_MAX or re.search(r"\d", stub_words) or _PROSE.search(stub_words):
        return None
    year_cells = cells[len(cells) - years :]
    return _Header(
        (stub_cells[0][0], stub_cells[-1][1]) if stub_cells else None,
        tuple((cell[0], cell[1]) for cell in year_cells),
        tuple(cell[2][:4] for cell in year_cells),
    )


def _named_header(start: int, line: str) -> _Header | None:
    """A header row of names: the row labels' header (`地区`), then a name per column."""
    cells = [(start + m.start(), m.group()) for m in re.finditer(r"\S+", line)]
    if not 2 <= len(cells) <= _COLUMNS_MAX + 1 or len(cells[0][1]) > _STUB_MAX:
        return None
    if len(cells[0][1]) == len(outside_brackets(cells[1][1])) == 1:
        # Letters spaced out (`本 月`, `地 区`, `全 市(人)`): one word, not a label and a name.
        return None
    names = [_NAMED_HEADER.fullmatch(words) for _, words in cells]
    if not all(names):
        return None
    spans = [
        (first + name.start(1), first + name.end(1))
        for (first, _), name in zip(cells, names, strict=True)
        if name
    ]
    return _Header(spans[0], tuple(spans[1:]), ("",) * (len(spans) - 1))


def _three_line_header(lines: Sequence[tuple[int, str]], index: int) -> _Header | None:
    """A census table's header over three lines: the row labels' (`地 区`), the groups
    (`人口数 比重[3]`), then each group's years (`2020 年 2010 年 2020 年 2010 年`): a
    column per group and year, named by its group."""
    if index + 2 >= len(lines):
        return None
    (stub_start, stub_line), (start, names_line), (years_start, years_line) = lines[
        index : index + 3
    ]
    stub = stub_line.strip()
    if not stub or len(stub) > _STUB_MAX or re.search(r"\d", stub):
        return None
    groups = _named_header(start, f"地区 {names_line}")  # a stand-in for the stub it names
    years = [
        (years_start + m.start(), m.group(1))
        for m in re.finditer(r"((?:19|20)\d{2})\s*年?", years_line)
    ]
    if groups is None or not years or re.sub(r"(?:19|20)\d{2}\s*年?|\s", "", years_line):
        return None
    each, rest = divmod(len(years), len(groups.headers))
    if rest or each < 1 or len(years) < _COLUMNS_MIN:
        return None
    first = stub_start + stub_line.index(stub)
    shifted = tuple((begin - 3, end - 3) for begin, end in groups.headers)
    return _Header(
        (first, first + len(stub)),
        tuple(shifted[column // each] for column in range(len(years))),
        tuple(year for _, year in years),
    )


def _label(start: int, line: str) -> Span | None:
    """A row label's span, less the footnote marks after it; None if the line is no label."""
    words = line.strip()
    if (
        not words
        or len(words) > _LABEL_MAX
        or _PROSE.search(words)
        or _ALIGNED.search(words)  # a row of cells set apart, not one label
        or _header(start, line)  # another table's header: these labels end unclosed
        or _VALUE.fullmatch(words)
        or _NO_VALUE.fullmatch(words)
        or not re.search(r"[^\W\d_]", words)
    ):
        return None
    kept = _FOOTNOTE.sub("", words) or words
    first = start + line.index(words)
    return (first, first + len(kept))


def _holds_a_cell(line: str) -> bool:
    """A line of a column run: a value, a dash for none, or blank for an empty cell."""
    return not line.strip() or bool(_NO_VALUE.fullmatch(line) or _VALUE.fullmatch(line))


def _cell(start: int, line: str) -> Span | None:
    """The span of a column line's number; None for an empty cell (blank, or a dash)."""
    match = _VALUE.fullmatch(line)
    return (start + match.start(1), start + match.end(1)) if match else None


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[ColumnwiseGrid, int] | None:
    start, line = lines[index]
    header = _header(start, line)
    named = header is None
    position = index + 1
    if header is None and (header := _three_line_header(lines, index)) is not None:
        position = index + 3
    header = header or _named_header(start, line)
    if header is None:
        return None
    labels: list[Span] = []
    while position < len(lines) and len(labels) <= _LABELS_MAX:
        label = _label(*lines[position])
        if label is None:
            break
        labels.append(label)
        position += 1
    if len(labels) < _LABELS_MIN or len(labels) > _LABELS_MAX:
        return None
    if named:
        return _tight_grid(text, lines, position, header, labels)
    if position >= len(lines) or lines[position][1].strip():
        return None  # the labels must end at a blank line
    width = len(header.headers)
    limit = width * (len(labels) + max(_SEPARATORS))
    cells: list[Span | None] = []
    while position < len(lines) and len(cells) <= limit and _holds_a_cell(lines[position][1]):
        cells.append(_cell(*lines[position]))
        position += 1
    at_end = position >= len(lines)
    columns = _fit(cells, len(labels), width, at_end)
    if columns is None:
        return None
    return _grid(text, header, labels, columns), position


def _tight_grid(
    text: str,
    lines: Sequence[tuple[int, str]],
    position: int,
    header: _Header,
    labels: list[Span],
) -> tuple[ColumnwiseGrid, int] | None:
    """A grid under a header of names whose columns follow the labels with no blank line:
    taken only when its figures are exactly as many as its labels times its columns."""
    width, rows = len(header.headers), len(labels)
    cells: list[Span | None] = []
    while position < len(lines) and len(cells) <= width * rows:
        line = lines[position][1]
        if not line.strip() or not (_VALUE.fullmatch(line) or _NO_VALUE.fullmatch(line)):
            break
        cells.append(_cell(*lines[position]))
        position += 1
    if len(cells) != width * rows:
        return None
    columns = tuple(tuple(cells[column * rows : (column + 1) * rows]) for column in range(width))
    if not all(any(column) for column in columns):
        return None  # a column with no figure at all: not a reading of this grid
    return _grid(text, header, labels, columns), position


def _grid(
    text: str, header: _Header, labels: list[Span], columns: tuple[tuple[Span | None, ...], ...]
) -> ColumnwiseGrid:
    """The grid of `columns` under `header` (as many of its columns as there are runs)."""
    return ColumnwiseGrid(
        header.stub[0] if header.stub else header.headers[0][0],
        max(span[1] for column in columns for span in column if span),
        header.stub,
        header.headers[: len(columns)],
        header.years[: len(columns)],
        tuple(labels),
        _units_of_sub_items(text, labels),
        columns,
    )


def _units_of_sub_items(text: str, labels: list[Span]) -> tuple[Span | None, ...]:
    """For each sub-item without a unit of its own, the unit in brackets at the end of the
    label it is listed under (the nearest label above that is no sub-item)."""
    units: list[Span | None] = []
    above: Span | None = None  # the unit of the last label that was no sub-item
    for start, end in labels:
        label = text[start:end]
        if not _SUB_ITEM.match(label):
            unit = _UNIT_AT_END.search(label)
            above = (start + unit.start(1), start + unit.end(1)) if unit else None
            units.append(None)
        else:
            units.append(None if _UNIT_AT_END.search(label) else above)
    return tuple(units)


def _fit(
    cells: list[Span | None], rows: int, width: int, at_end: bool
) -> tuple[tuple[Span | None, ...], ...] | None:
    """The column runs of `cells` (the lines after the labels, None for a blank one) for
    `width` columns of `rows` rows, or None if no separator fits.

    A text that stops in a column (a copy cut short) keeps the columns it has, the last one
    as far as it goes; anywhere else, every column must be there in full."""
    filled = [i for i, cell in enumerate(cells) if cell is not None]
    if not filled:
        return None
    for separator in _SEPARATORS:
        runs = _runs(cells, rows, width, separator, filled[-1], at_end)
        if runs is not None:
            return runs
    return None


def _runs(
    cells: list[Span | None],
    rows: int,
    width: int,
    separator: int,
    last: int,
    at_end: bool,
) -> tuple[tuple[Span | None, ...], ...] | None:
    """The column runs for one separator, or None if the cells do not fit them."""
    stride = rows + separator
    if any(cell is not None for cell in cells[:separator]):
        return None
    used = (last - separator) // stride + 1  # columns reached by the last filled line
    if used > width or (last - separator) % stride >= rows:
        return None  # past the last column, or on a line between two columns
    if used < 2:
        return None  # no line between two columns to check the runs' length by
    complete = width * stride <= len(cells)
    if not at_end and (used < width or not complete):
        return None
    runs: list[tuple[Span | None, ...]] = []
    for column in range(used):
        begin = separator + column * stride
        between = cells[begin + rows : begin + stride] if column + 1 < used else []
        if any(cell is not None for cell in between):
            return None
        run = tuple(cells[begin : begin + rows])
        if all(cell is None for cell in run):
            return None  # a column with no figure at all: not a reading of this grid
        runs.append(run + (None,) * (rows - len(run)))
    return tuple(runs)
