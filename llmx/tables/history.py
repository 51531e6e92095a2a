"""A place's population history as an encyclopedia's template prints it, copied as text with its
cells run together: a header `年份人口±%`, then a row per census year, the count and its change
since the row above glued to it (`—` on the first row).

    歷史人口
    年份人口±%
    1981 49,982—
    1986 52,560+5.2%

The rows are read as a table of years: the population in persons, and its change in percent
over the years since the row above (the change has no year of its own where the rows are years
apart, as a ±% column of rows of years never has). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.folding import fold
from llmx.tables.rowlines import Line
from llmx.tables.table import Cell, Column, Row, Table
from llmx.tables.taken import TakenSpans

_HEADER = re.compile(r"\s*年份\s*人口\s*±\s*%\s*")
_ROW = re.compile(
    r"\s*(?P<year>(?:19|20)\d{2})\s+(?P<count>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\s*(?P<change>[+−\-]\d+(?:\.\d+)?%)|\s*—)?\s*"
)
_ROWS_MIN = 3
_COLUMNS = (
    Column("年份", "period", None, None, None),
    Column("人口", "value", None, None, ("人", 1.0)),
    Column("±%", "value", None, None, ("%", 1.0)),
)


def history_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Every population history of `text` under its run-together header, not yet taken."""
    tables: list[Table] = []
    for index, line in enumerate(lines):
        if line.start in taken or not _HEADER.fullmatch(fold(line.text)):
            continue
        rows = _rows(lines, index + 1, taken)
        if len(rows) >= _ROWS_MIN:
            title = lines[index - 1].text.strip() if index else ""
            tables.append(
                Table(
                    rows[0][0].start,
                    rows[-1][-1].end,
                    title,
                    _COLUMNS,
                    tuple(Row(tuple(row)) for row in rows),
                    layout="lines",
                )
            )
    return tables


def _rows(lines: Sequence[Line], first: int, taken: TakenSpans) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for line in lines[first:]:
        found = _ROW.fullmatch(line.text) if line.start not in taken else None
        if found is None:
            break
        cells = [_cell(line, found, "year"), _cell(line, found, "count")]
        end = line.start + found.end("count")
        change = _cell(line, found, "change") if found["change"] else Cell(end, end, "")
        rows.append([*cells, change])
    return rows


def _cell(line: Line, found: re.Match[str], group: str) -> Cell:
    return Cell(line.start + found.start(group), line.start + found.end(group), found[group])
