"""The lines above a table: its title and `单位：` line, found backwards from where its rows
begin, and a caption a blank line parts from the unit line under it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.folding import fold
from llmx.lines import CELL_SEPARATOR
from llmx.tables.headers import (
    TITLE_MAX,
    UNIT_LINE,
    UNIT_LOOKBACK,
    YEAR_DIGITS,
    without_unit_line,
)
from llmx.tables.rowlines import Line
from llmx.vocabulary import UNITS, alternation

# A full stop, or a comma between words, in a cell that should hold a number: prose.
SENTENCE = re.compile(r"[。；]|[，,]\s*\D")


def lines_above(lines: Sequence[Line], first: int) -> list[Line]:
    """The caption lines right above a table (a title, a `单位：` line), nearest last; a row
    of another table's figures ends them (its unit line is that table's)."""
    found: list[Line] = []
    index = first - 1
    while index >= 0 and len(found) < UNIT_LOOKBACK:
        line = lines[index]
        if line.text.strip():
            if len(line.text.strip()) > TITLE_MAX or is_figure_row(line.text):
                break
            found.append(line)
        elif found:
            break
        index -= 1
    return found[::-1]


_FIGURE_CELL = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?")


def is_figure_row(line: str) -> bool:
    """Whether a line is a row of a table's figures: a label, then two figure cells or more to
    its end, not years (`收入合计 1005 1203`); not a title or a unit line however many numbers
    it spaces out (`表 3  截至 2022 年 12 月 31 日  单位:万元`), nor column codes (`1 2 3`)."""
    if UNIT_LINE.search(fold(line)):
        return False
    cells = [cell for cell in CELL_SEPARATOR.split(line) if cell]
    figures = 0
    while figures < len(cells) and _FIGURE_CELL.fullmatch(cells[-1 - figures]):
        if YEAR_DIGITS.fullmatch(cells[-1 - figures]):
            break
        figures += 1
    labelled = figures < len(cells) and not _FIGURE_CELL.fullmatch(cells[-1 - figures])
    return figures >= 2 and labelled


def lines_before(text: str, position: int, count: int) -> list[str]:
    """The last `count` lines of the text before `position`, found backwards so that the cost
    is theirs, not the whole text's."""
    start = position
    for _ in range(count):
        start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        if start == 0:
            break
    return text[start:position].splitlines()[-count:]


def short_lines_above(text: str, position: int) -> list[str]:
    """The short lines right above `position` (a title, a `单位：` line), nearest last; a
    blank line after the first, a long line or a sentence ends them."""
    found: list[str] = []
    for line in reversed(lines_before(text, position, UNIT_LOOKBACK * 2)):
        words = line.strip()
        if (
            len(words) > TITLE_MAX
            or SENTENCE.search(without_unit_line(words))
            or (not words and found)
        ):
            break
        if words:
            found.append(words)
        if len(found) == UNIT_LOOKBACK:
            break
    return found[::-1]


def with_caption(text: str, title: str, position: int) -> str:
    """A table's title where the line over its rows is only a unit line: the caption a
    blank line parts from it (`表1 2011年居民消费价格比上年涨跌幅度` ⏎⏎ `单位:%`) is the
    title still."""
    if not UNIT_LINE.fullmatch(fold(title)):
        return title
    above = short_lines_above(text, position)
    return f"{above[-1]} {title}" if above else title


# A caption, or a heading that ends in the unit of the table under it (`二、学校数 计量单位:所`).
CAPTION = re.compile(
    r"^(?:附?表\s*[\d一二三四五六七八九十]|单\s*位\s*[:：]|.*单\s*位\s*[:：]\s*[^\s()（）]{1,8}$)"
)
# A yearbook's chapter and table number, a space, then its title (`1-2 全国R&D人员指标`); not a
# span of months, ages or sizes opening a label (`1-2月`, `15-59岁`, `90-144 平方米`).
TABLE_NUMBER = re.compile(
    r"^\d{1,2}\s*[-－—]\s*\d{1,3}\s+(?![月日季年旬周号期岁歲])"
    rf"(?![十百千万亿]*(?:{alternation(unit.name for unit in UNITS).pattern}))"
    r"[\u4e00-\u9fff]{2}"
)


def line_before(text: str, position: int) -> str:
    line_start = text.rfind("\n", 0, position)
    if line_start < 0:
        return ""
    previous_start = text.rfind("\n", 0, line_start) + 1
    return text[previous_start:line_start].strip()


# A line of prose, which no table's lines are: a full stop, or a sentence's semicolon, in
# Chinese (`? | 单位:万元 | |`, a glyph the page lost, is a table's line still).
PROSE_LINE = re.compile(r"[。；！？]")


def unit_line_above(text: str, position: int, reach: int) -> re.Match[str] | None:
    """The nearest `单位:` line of the `reach` lines above `position` with no sentence between:
    the unit line of a table whose header, or whose rows, run on down to `position`."""
    for line in reversed(lines_before(text, position, reach)):
        if PROSE_LINE.search(line):
            return None
        found = UNIT_LINE.search(fold(line))
        if found:
            return found
    return None
