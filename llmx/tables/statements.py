"""Finding accounts set out in columns under a line of units: a government's statement of its
income, spending and reserves, each figure under the unit of its column, rules of dashes
between the parts.

    表一:綜合帳目 (註釋1)
                      截至二零一五年
                      一月三十一日止
            二零一五年一月      十個月
            -------   -------
             港幣百萬元     港幣百萬元

    收入(註釋2)   94,876.9     414,750.7
    開支       (37,832.5)   (322,543.0)
            -------   -------
    財務安排
     本地
      銀行業    (55,808.8)    (81,913.0)

Hong Kong's monthly and yearly accounts are published so, and copied from the page they keep
their spaces. The grid opens at a line of money units alone (港幣百萬元, 亿元), one per column;
the lines above it, up to the table's name, are its columns' headers. Each row below is a
label and its figures: a figure in brackets is an outgoing or a deficit, its span the number
inside; a dash is an empty cell. A lone figure goes to the column it stands under (CJK
characters are two wide on screen). Lines of a label alone, rules and blank lines go on
between rows; any other line ends the grid. A label alone right after a row is that row's
label going on (`未計入債券及` then `票據償還款項的盈餘`); after a rule or a blank line it is a
group the rows below sit in, up to the next rule (財務安排, 本地: 財務安排本地銀行業), and
the total right after that rule is the group's (財務安排總額).

This module finds where a grid is, as spans of the text; `llmx.tables` turns it into `Table`s.
Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from llmx.folding import fold
from llmx.lines import Span, display_width, grids_in

# 港幣百萬元, 百万港元, 亿元, 千元: a money unit alone, as a statement's column gives it.
_MONEY_UNIT = re.compile(
    r"(?:港[币元]|人民币|澳门[币元]|新台币)?(?:百万|千万|亿|万|千)?(?:港|澳门|美)?元"
)
_RULE = re.compile(r"^[\s\-－—─━=＝]*$")
_FIGURE = r"\(?\d[\d,]*(?:\.\d+)?\)?|[-－—–]"
# A row: its label (none on a line of totals), then its figures, each after a space.
_ROW = re.compile(rf"^(?P<label>(?:\s*\S.*?)??)(?P<figures>(?:(?:^|\s+)(?:{_FIGURE}))+)\s*$")
_CELL = re.compile(_FIGURE)
# A line of a label alone: a group (財務安排), a label's second line, a note's mark (註釋3).
_LABEL = re.compile(r"^\s*[^\s。，,;；:：][^。，,;；:：]{0,23}$")
_HEADER_LINES_MAX = 4
_TOTAL = re.compile(r"^\s*(?:总额|总计|合计)\s*$")
_PROSE = re.compile(r"[。，,；;]|[:：]\s*$")
_ROWS_MIN = 2


@dataclass(frozen=True)
class StatementRow:
    label: Span
    cells: tuple[Span | None, ...]  # one per column; None where the row leaves it empty
    # The label as the statement means it: under its groups, with its second line
    # (財務安排本地銀行業, 未計入債券及票據償還款項的盈餘).
    words: str = ""


@dataclass(frozen=True)
class StatementGrid:
    start: int
    end: int
    headers: tuple[str, ...]  # each column's header, from the lines above the units
    units: tuple[str, ...]  # each column's unit as written (港幣百萬元)
    rows: tuple[StatementRow, ...]
    title: Span | None  # the table's name, the first line from the margin above its headers


def find_statements(text: str) -> list[StatementGrid]:
    """Every statement of `text`, in order."""
    return grids_in(text, _grid_at)


@dataclass(frozen=True)
class _Column:
    unit: str
    left: int  # its unit's place on screen
    right: int

    def distance(self, left: int, right: int) -> tuple[float, int]:
        middle = (left + right) / 2
        return abs(middle - (self.left + self.right) / 2), abs(right - self.right)


def _on_screen(line: str, word: re.Match[str]) -> tuple[int, int]:
    """Where a word of `line` stands on screen: its left and right columns."""
    left = display_width(line[: word.start()])
    return left, left + display_width(word.group())


def _nearest(columns: Sequence[_Column], line: str, word: re.Match[str]) -> int:
    """The column a word of `line` stands under."""
    left, right = _on_screen(line, word)
    return min(range(len(columns)), key=lambda c: columns[c].distance(left, right))


def _units_line(line: str) -> list[_Column] | None:
    """The columns a line of units alone gives, or None."""
    words = list(re.finditer(r"\S+", line))
    if not words or not all(_MONEY_UNIT.fullmatch(fold(word.group())) for word in words):
        return None
    return [_Column(word.group(), *_on_screen(line, word)) for word in words]


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[StatementGrid, int] | None:
    """The statement whose line of units is line `index`, and the line after it."""
    columns = _units_line(lines[index][1])
    if columns is None:
        return None
    stacked = _stacked_units(lines, index) if len(columns) == 1 else None
    first = index + 1
    if stacked is not None:
        columns, first = stacked[0], stacked[2]
    rows: list[StatementRow] = []
    last = index
    heads: list[str] = []  # the groups the rows below sit in (財務安排, 本地)
    group = ""  # the last group a rule closed, whose total (總額) comes after the rule
    after_row = False  # a label alone right after a row is that row's label going on
    for position in range(first, len(lines)):
        start, line = lines[position]
        row = _ROW.match(line)
        if row is None:
            if _RULE.match(line):
                if line.strip() and heads:
                    group, heads = heads[0], []
                after_row = False
                continue
            if not _LABEL.match(line):
                break
            words = line.strip()
            if after_row and rows:
                rows[-1] = replace(rows[-1], words=rows[-1].words + words)
            else:
                heads.append(words)
            continue
        placed = _placed(line, start, row, columns)
        if placed is None:
            break
        lead = "".join(heads) or (group if _TOTAL.match(fold(placed.words)) else "")
        rows.append(replace(placed, words=lead + placed.words))
        last, after_row = position, True
    if sum(any(row.cells) for row in rows) < _ROWS_MIN:
        return None  # rows of dashes alone (外來 - -) are no figures
    headers, title, top = _headers(lines, index, columns)
    if stacked is not None:
        headers, title, top = stacked[1], None, index - 1 if stacked[1][0] else index
    end = max(cell[1] for row in rows for cell in row.cells if cell)
    units = tuple(column.unit for column in columns)
    grid = StatementGrid(lines[top][0], end, headers, units, tuple(rows), title)
    return grid, last + 1


def _stacked_units(
    lines: Sequence[tuple[int, str]], index: int
) -> tuple[list[_Column], tuple[str, ...], int] | None:
    """Columns a header wrote a cell a line, each column's name over its unit (`二○二五年三月`,
    `港幣百萬元`, `二○二四至二五年度`, `港幣百萬元`), from the first unit at line `index`: the
    columns, their headers, and the line the rows start at; None for fewer than two. The
    columns stand nowhere on screen, so a row must give each its cell, as such a page does."""
    above = lines[index - 1][1].strip() if index else ""
    headers = [above if _LABEL.match(above) and not _PROSE.search(above) else ""]
    units = [lines[index][1].strip()]
    position = index + 1
    while position + 1 < len(lines):
        name, unit = lines[position][1], lines[position + 1][1]
        if not _LABEL.match(name) or _units_line(name) or _PROSE.search(name):
            break
        found = _units_line(unit)
        if found is None or len(found) != 1:
            break
        headers.append(name.strip())
        units.append(unit.strip())
        position += 2
    if len(units) < _ROWS_MIN:
        return None
    columns = [_Column(unit, at, at) for at, unit in enumerate(units)]
    return columns, tuple(headers), position


def _placed(
    line: str, start: int, row: re.Match[str], columns: Sequence[_Column]
) -> StatementRow | None:
    """A row's figures in their columns: as many as there are columns, in order; fewer, each
    under the column it stands nearest."""
    label_start = row.start("label") + len(row.group("label")) - len(row.group("label").lstrip())
    label = (start + label_start, start + row.end("label"))
    found = list(_CELL.finditer(line, row.start("figures")))
    if len(found) > len(columns) or (label[0] == label[1] and len(found) < 2):
        return None  # a figure alone on its line is a cell of a table of one cell per line
    cells: list[Span | None] = [None] * len(columns)
    used: set[int] = set()
    for order, figure in enumerate(found):
        at = order if len(found) == len(columns) else _nearest(columns, line, figure)
        if at in used:
            return None
        used.add(at)
        number = figure.group().strip("()")
        if re.search(r"\d", number):
            offset = figure.start() + figure.group().index(number)
            cells[at] = (start + offset, start + offset + len(number))
    words = line[label[0] - start : label[1] - start]
    return StatementRow(label, tuple(cells), words)


def _headers(
    lines: Sequence[tuple[int, str]], index: int, columns: Sequence[_Column]
) -> tuple[tuple[str, ...], Span | None, int]:
    """Each column's header, the words of the lines above its unit that stand over it, up to
    a line from the margin: the table's name, whose span comes second; third, the index of
    the grid's first line. A blank line or a sentence (`比较数字如下:`) ends the header with no
    name."""
    words: list[list[str]] = [[] for _ in columns]
    top = index
    title = None
    for position in range(index - 1, max(index - 1 - _HEADER_LINES_MAX, -1), -1):
        start, line = lines[position]
        if not line.strip() or _PROSE.search(line):
            break
        found = list(re.finditer(r"\S+", line))
        if _RULE.match(line):
            pass
        elif len(found) == len(columns) > 1:
            # 二零零八年三月 二零零七至零八年度: a word over each column, whatever the spacing
            for at, word in enumerate(found):
                words[at].insert(0, word.group())
        elif found[0].start() == 0:
            title = (start, start + len(line.rstrip()))
            break
        else:
            for word in found:
                words[_nearest(columns, line, word)].insert(0, word.group())
        top = position
    return tuple(" ".join(each) for each in words), title, top
