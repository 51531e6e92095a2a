"""Panels side by side, cells one space apart: a price sheet as PDF text that lost its columns.

    品种 本期价格 上期价格 环比% 品种 本期价格 上期价格 环比%
    菠菜 4 / / 花椰菜(花菜) 2.6 5.6 -53.57
    芹菜 5 5 0.00 西兰花 7 8 -12.50

A header line whose cells say one panel's header again and again, and under it lines that
read as that many panels of (a label, then as many figures as the panel names; `/` or `-` for
an empty one), the last line maybe short of panels: each panel's rows are read in turn under
the first panel's header, as one table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.lines import HAS_CJK
from llmx.tables.headers import repeats
from llmx.tables.onespace import EMPTY_MARK, FIGURE, header_cells, joined_cell
from llmx.tables.rowlines import Line
from llmx.tables.streamtables import cells_table
from llmx.tables.table import Cell, Table
from llmx.tables.taken import TakenSpans

_PANELS_MAX = 4
_ROWS_MIN = 2
_WORD = re.compile(r"\S+")


def side_panel_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Side-by-side panels one space apart, each block under the header line above it."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        panel = _panel_header(lines[index], taken)
        if panel is None:
            index += 1
            continue
        header, panels = panel
        rows: list[list[list[Cell]]] = []  # a line's panels, each a row of cells
        end = index + 1
        while end < len(lines) and lines[end].start not in taken:
            row = _panels_of(lines[end], len(header) - 1, panels)
            if row is None:
                break
            rows.append(row)
            end += 1
        full = sum(len(row) == panels for row in rows)
        if full >= _ROWS_MIN and all(len(row) == panels for row in rows[:-1]):
            by_panel = [row[at] for at in range(panels) for row in rows if at < len(row)]
            table = cells_table(text, [header, *by_panel])
            if table is not None:
                tables.append(table)
                index = end
                continue
        index += 1
    return tables


def _panel_header(line: Line, taken: TakenSpans) -> tuple[list[Cell], int] | None:
    """The first panel's header and how many panels, where a line's cells say one header of
    two cells or more twice or more (`品种 本期价格 环比% 品种 本期价格 环比%`)."""
    words = line.text.split()
    if (
        line.start in taken
        or "|" in line.text
        or "\t" in line.text
        or not words
        or words.count(words[0]) < 2
    ):
        return None  # (a panel's header says its first name again: asked first, it is cheap)
    cells = header_cells(line)
    names = [cell.clean for cell in cells]
    for panels in range(_PANELS_MAX, 1, -1):
        size = len(cells) // panels
        if size >= 2 and repeats(names, panels) and HAS_CJK.search(names[0]):
            if any(FIGURE.fullmatch(name) for name in names):
                return None
            return cells[:size], panels
    return None


def _panels_of(line: Line, figures: int, panels: int) -> list[list[Cell]] | None:
    """A line's panels, each a label (its words before its figures) and `figures` cells of
    figures or empty marks; None where the line does not read so, or holds more panels."""
    words = [
        Cell(line.start + word.start(), line.start + word.end(), word.group())
        for word in _WORD.finditer(line.text)
    ]
    read: list[list[Cell]] = []
    at = 0
    while at < len(words):
        label_end = at
        while label_end < len(words) and not _is_cell(words[label_end]):
            label_end += 1
        label = words[at:label_end]
        cells = words[label_end : label_end + figures]
        if not label or len(cells) < figures or not all(map(_is_cell, cells)):
            return None
        if not HAS_CJK.search("".join(word.clean for word in label)):
            return None
        read.append([joined_cell(line, label), *cells])
        at = label_end + figures
    if (
        not read
        or len(read) > panels
        or not any(FIGURE.fullmatch(c.clean) for p in read for c in p)
    ):
        return None
    return read


def _is_cell(word: Cell) -> bool:
    return bool(FIGURE.fullmatch(word.clean) or EMPTY_MARK.fullmatch(word.clean))
