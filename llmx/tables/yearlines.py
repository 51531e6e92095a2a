"""A yearbook sheet of years down the page, a row per line with its figures one space apart,
under a header whose words a PDF set one space apart, a word per column on each line:

    6-8  主要年份能源生产弹性系数
      能源生产比 电力生产比 新疆生产总值 能源生产 电力生产
    上年增长(%) 上年增长(%) 比上年增长(%) 弹性系数 弹性系数
    Growth Rate of Growth Rate of …                 (English lines: left out)
    1980 7.8 3.6 7.2 1.08 0.50
    1985 11.6 11.5 16.9 0.69 0.68

Each column is named by its word on each Chinese header line, top down (能源生产比上年增长(%)).
Only lines that split into as many words as the rows have figures are the header's; the rows
must all hold that many figures, one year each. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.lines import HAS_CJK
from llmx.tables.headers import unit_line_unit
from llmx.tables.rowlines import Line
from llmx.tables.table import Cell, Column, Row, Table, row_column
from llmx.tables.taken import TakenSpans

# A row: a year, then figures one space apart (a mark after one, `438p`, is no part of it).
_YEAR_ROW = re.compile(
    r"\s*(?P<year>(?:19|20)\d{2})年?(?P<figures>(?:[ \t]+[-−]?\d[\d,]*(?:\.\d+)?)+)\s*"
)
_FIGURE = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")
_ROWS_MIN = 3
_HEADER_LINES_MAX = 3
_LOOKBACK = 8  # lines above the rows where the header may be, English lines among them


def year_line_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Every such sheet of `text` that no reading before took."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        run = _row_run(lines, index, taken)
        if len(run) >= _ROWS_MIN:
            table = _sheet(text, lines, index, run)
            if table is not None:
                tables.append(table)
        index += max(len(run), 1)
    return tables


def _row_run(lines: Sequence[Line], index: int, taken: TakenSpans) -> list[list[Cell]]:
    """The rows from `index` on, each a year and as many figures as the first."""
    rows: list[list[Cell]] = []
    for position in range(index, len(lines)):
        line = lines[position]
        found = _YEAR_ROW.fullmatch(line.text) if line.start not in taken else None
        if found is None:
            break
        year = Cell(line.start + found.start("year"), line.start + found.end("year"), found["year"])
        offset = line.start + found.start("figures")
        figures = [
            Cell(offset + each.start(), offset + each.end(), each.group())
            for each in _FIGURE.finditer(found["figures"])
        ]
        if rows and len(figures) != len(rows[0]) - 1:
            break
        rows.append([year, *figures])
    return rows


def _sheet(text: str, lines: Sequence[Line], first: int, rows: list[list[Cell]]) -> Table | None:
    """The sheet whose rows start at line `first`: None where no header of as many words per
    line stands above them."""
    width = len(rows[0]) - 1
    header: list[list[str]] = []
    index = first - 1
    while index >= max(first - _LOOKBACK, 0) and len(header) < _HEADER_LINES_MAX:
        words = lines[index].text.split()
        if not words or not HAS_CJK.search(lines[index].text):
            if header:
                break
            index -= 1  # a blank or English line between the header and the rows
            continue
        if len(words) != width or not all(HAS_CJK.search(word) for word in words):
            break  # a line of another count, or with English among its words
        header.insert(0, words)
        index -= 1
    if not header:
        return None
    names = ["".join(line[column] for line in header) for column in range(width)]
    columns = (Column("年份", "period", None, None, None), *map(_value_column, names))
    above = [line.text.strip() for line in lines[max(index - 1, 0) : index + 1] if index >= 0]
    title = next((words for words in reversed(above) if HAS_CJK.search(words)), "")
    last = rows[-1][-1]
    return Table(
        rows[0][0].start,
        last.end,
        title,
        columns,
        tuple(Row(tuple(row)) for row in rows),
        layout="lines",
        unit=unit_line_unit(
            " ".join(line.text for line in lines[max(first - _LOOKBACK, 0) : first])
        ),
    )


def _value_column(name: str) -> Column:
    """A column of figures whatever its header says: a unit in brackets, or none (an
    elasticity, an index)."""
    column = row_column(name)
    return column if column.role == "value" else Column(name, "value", None, None, column.unit)
