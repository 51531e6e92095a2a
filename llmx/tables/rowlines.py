"""A text's lines as rows of a table: which row layout each line has (pipes, a Markdown
separator, tabs, runs of spaces), its cells with their offsets, runs of lines of one layout,
and an aligned row's cells put under the header columns they stand under on screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from llmx.folding import fold
from llmx.lines import (
    breaks_as_spaces,
    display_width,
    text_lines,
)
from llmx.tables.headers import GROUP_LABEL_MAX, NOT_DATA, header_year
from llmx.tables.table import Cell
from llmx.tables.taken import TakenSpans


def is_cell_line(line: str) -> bool:
    """A line of the one-cell-per-line layout: one leading tab and no other."""
    return line.startswith("\t") and "\t" not in line[1:]


PIPE = re.compile(r"\s*[|｜]\s*")
_TAB = re.compile(r"[ \u3000]*\t[ \u3000\t]*")
_GAP = re.compile(r"[ \u3000\u2002\u2003\u00a0]{2,}|[\u3000\u2003](?=[\d\-－−.])")
_SEPARATOR_ROW = re.compile(r"^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$")
NUMBER_CELL = re.compile(r"[-−+]?\d[\d,.]*%?\*?")


def is_number_cell(cell: Cell) -> bool:
    """Whether a cell holds one number (`1,107`, `-7.04`, `12%`), whatever its spaces."""
    return NUMBER_CELL.fullmatch(fold(cell.clean)) is not None


def is_column_code_row(cells: Sequence[Cell]) -> bool:
    """A statistical form's row numbering its columns under the header: the label columns
    by 甲, 乙, 丙 (or A, B), the figure columns 1, 2, 3 in order."""
    words = [cell.clean for cell in cells if cell.clean]
    codes = [word for word in words if not _COLUMN_NUMBER.fullmatch(word)]
    numbers = [int(word) for word in words if _COLUMN_NUMBER.fullmatch(word)]
    return (
        bool(codes)
        and all(_COLUMN_CODE.fullmatch(code) for code in codes)
        and len(numbers) >= 2
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        and numbers[0] in (0, 1)
    )


def column_codes_end(cells: Sequence[Cell], at: int) -> int:
    """Where a form's column codes copied a cell a line (`甲`, `丙`, `1`, `2`, `3`) that open
    at `cells[at]` end; `at` where none do."""
    end = at
    while end < len(cells) and _COLUMN_CODE.fullmatch(cells[end].clean):
        end += 1
    if end == at:
        return at
    numbers = end
    first = 0 if end < len(cells) and cells[end].clean == "0" else 1
    while end < len(cells) and cells[end].clean == str(first + end - numbers):
        end += 1
    return end if is_column_code_row(cells[at:end]) else at


_COLUMN_CODE = re.compile(r"[甲乙丙丁戊己]|[A-D]")
_COLUMN_NUMBER = re.compile(r"[0-9]{1,2}")


NO_SPLIT = re.compile(r"(?!)")  # a line that is one cell
_RULE_LINE = re.compile(r"^\s*[|｜]+\s*$")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the line in the text
    text: str  # without its line end
    layout: str | None  # the row layout the line has, or None


def row_lines(text: str) -> list[Line]:
    lines = [Line(start, line, _line_layout(line)) for start, line in text_lines(text)]
    return _headers_rejoined(text, _cells_before_tabs(lines))


def _cells_before_tabs(lines: list[Line]) -> list[Line]:
    """Lines of a cell each, a tab after it (`指标⏎`, a web table copied a cell a line), as
    one-cell lines where no line beside them is a row of tabs: within tab rows, `一、蔬菜⏎`
    is a group's row, its empty cells after the tab."""
    filled = [line for line in lines if line.text.strip()]
    beside: list[Line | None] = [None, *filled, None]  # each filled line's neighbours
    cells = {
        line.start
        for at, line in enumerate(filled)
        if line.layout == "tab"
        and _CELL_THEN_TAB.fullmatch(line.text)
        and not (_is_tab_row(beside[at]) or _is_tab_row(beside[at + 2]))
    }
    return [replace(line, layout=None) if line.start in cells else line for line in lines]


def _is_tab_row(line: Line | None) -> bool:
    return line is not None and line.layout == "tab" and not _CELL_THEN_TAB.fullmatch(line.text)


_CELL_THEN_TAB = re.compile(r"[ \u3000]*[^\t]*[^\t\s][ \u3000]*\t+[ \u3000]*")


def _headers_rejoined(text: str, lines: list[Line]) -> list[Line]:
    """A markdown table's header row that a page broke after every cell (`|  项 目  |`,
    `    单位  |`, `   1980年 |`, a blank line, then `|---|---|---|`) made one line again:
    the lines from the one opening with a pipe down to the separator, when together they
    have as many cells as the separator has columns. Line ends become spaces, so every
    offset stays the text's."""
    rejoined: list[Line] = []
    index = 0
    while index < len(lines):
        end = _broken_header_end(lines, index)
        if end is None:
            rejoined.append(lines[index])
            index += 1
            continue
        start = lines[index].start
        stop = lines[end - 1].start + len(lines[end - 1].text)
        rejoined.append(Line(start, breaks_as_spaces(text[start:stop]), "pipe"))
        index = end
    return rejoined


def _broken_header_end(lines: Sequence[Line], first: int) -> int | None:
    """Where a header row broken over lines from `first` ends (the separator's index), or
    None where the lines there are no such row."""
    if not opens_with_pipe(lines[first]) or lines[first].layout != "pipe":
        return None
    index = first + 1
    while index < len(lines) and index - first <= _BROKEN_HEADER_LINES:
        line = lines[index]
        if line.layout == "separator":
            break
        if line.text.strip() and (line.layout != "pipe" or opens_with_pipe(line)):
            return None
        index += 1
    else:
        return None
    if index == first + 1:
        return None
    joined = " ".join(line.text for line in lines[first:index])
    cells = PIPE.split(joined.strip().strip("|｜"))
    columns = len(PIPE.split(lines[index].text.strip().strip("|｜")))
    return index if len(cells) == columns else None


# How many lines a broken header row may take: a cell a line, and blank lines between.
_BROKEN_HEADER_LINES = 40


def _line_layout(line: str) -> str | None:
    if not line.strip() or is_cell_line(line):
        return None
    if _RULE_LINE.match(line):
        return "rule"
    if _SEPARATOR_ROW.match(line):
        return "separator"
    if PIPE.search(line):
        return "pipe"
    if "\t" in line.strip(" \u3000"):
        return "tab"
    if _GAP.search(line.strip()):
        return "spaces"
    return None


def split_cells(line: str, offset: int, separator: re.Pattern[str]) -> list[Cell]:
    """The cells of a line cut at `separator`, each stripped, offsets in the text."""
    body_start = len(line) - len(line.lstrip())
    body = line.strip()
    cells: list[Cell] = []
    position = 0
    for match in separator.finditer(body):
        if match.start() == match.end():
            continue
        cells.append(_cell(body, offset + body_start, position, match.start()))
        position = match.end()
    cells.append(_cell(body, offset + body_start, position, len(body)))
    return cells


def _cell(line: str, offset: int, start: int, end: int) -> Cell:
    raw = line[start:end]
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    return Cell(offset + start + lead, offset + start + lead + len(stripped), stripped)


def row_cells(line: Line, layout: str, outer: tuple[bool, bool]) -> list[Cell]:
    """A row's cells; `outer` says whether the block's rows open and close with a pipe."""
    if line.layout is None:  # a group label: one cell
        return split_cells(line.text, line.start, NO_SPLIT)
    if layout == "pipe":
        cells = split_cells(line.text, line.start, PIPE)
        if outer[0] and cells and not cells[0].text:
            cells = cells[1:]
        if outer[1] and cells and not cells[-1].text:
            cells = cells[:-1]
        return cells
    if layout == "tab":
        return split_cells(line.text, line.start, _TAB)
    return [
        part for cell in split_cells(line.text, line.start, _GAP) for part in _figures_apart(cell)
    ]


def _figures_apart(cell: Cell) -> list[Cell]:
    """A cell of figures one space apart, maybe after a unit (`元/公斤 1.57 1.32 18.94` where
    the label alone stood two spaces off): a cell each; any other cell as it is."""
    if not _FIGURES_ONE_SPACE_APART.fullmatch(cell.text):
        return [cell]
    return [
        Cell(cell.start + found.start(), cell.start + found.end(), found.group())
        for found in re.finditer(r"\S+", cell.text)
    ]


# A unit with a slash (元/公斤, 元/500克), then two or more figures, one space apart each.
_FIGURES_ONE_SPACE_APART = re.compile(
    r"(?:[^\s\d/]{1,3}/[^\s]{1,6} )?[-−]?\d[\d,]*(?:\.\d+)?(?: [-−]?\d[\d,]*(?:\.\d+)?)+"
)


def outer_pipes(lines: Sequence[Line]) -> tuple[bool, bool]:
    """Whether every row of a pipe block opens, and closes, with a pipe (`| a | b |`): those
    pipes are borders, while a lone leading pipe is an empty first cell (` | 绝对量 | 增长`)."""
    rows = [line.text.strip() for line in lines if line.layout == "pipe"]
    return (
        bool(rows) and all(row[:1] in "|｜" for row in rows),
        bool(rows) and all(row[-1:] in "|｜" for row in rows),
    )


def row_blocks(lines: Sequence[Line], taken: TakenSpans) -> list[tuple[int, int]]:
    """Runs of consecutive lines (index ranges) of one row layout, outside `taken` spans.

    A short line of words between two rows (`一、推动高质量发展`, a row whose one cell spans
    the table) stays in the run, and so does a line of pipes alone under a pipe row of one
    cell (`农村最低生活保障 |` then `|||||`: the rest of a group's row).
    """
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        family = layout_family(lines[index].layout)
        if family is None or lines[index].start in taken:
            index += 1
            continue
        end = index + 1
        while end < len(lines):
            if lines[end].start in taken:
                break  # a table an earlier layout read starts here: its rows are its own
            if layout_family(lines[end].layout) == family:
                end += 1
            elif (family == "spaces" and _blank_between_rows(lines, end)) or (
                end + 1 < len(lines)
                and (_is_group_label(lines[end]) or _rest_of_group_row(lines, end, family))
                and layout_family(lines[end + 1].layout) == family
            ):
                end += 2
            elif labels := _group_labels_then_row(lines, end, family):
                end += labels + 1  # 一、综合 then (一)行政区划 over the rows of the second
            else:
                break
        blocks.append((index, end))
        index = end
    return blocks


def _group_labels_then_row(lines: Sequence[Line], index: int, family: str | None) -> int:
    """How many group labels in a row (a group and its subgroup, `一、综合`, `(一)行政区划`)
    open at line `index` right before a row of `family`; 0 where they do not."""
    count = 0
    while index + count < len(lines) and count < _GROUP_LABELS_MAX:
        line = lines[index + count]
        if not _is_group_label(line) or sum(len(word) > 1 for word in line.text.split()) > 1:
            # Words a space apart (机构数 床位数 人员数) are a header's, no group's; a group's
            # name may be spaced out letter by letter (六、农 业).
            break
        count += 1
    following = index + count
    in_family = following < len(lines) and layout_family(lines[following].layout) == family
    return count if count > 1 and in_family else 0


_GROUP_LABELS_MAX = 3


def _rest_of_group_row(lines: Sequence[Line], index: int, family: str | None) -> bool:
    above = lines[index - 1]
    return (
        family == "pipe"
        and lines[index].layout == "rule"
        and above.layout == "pipe"
        and len([cell for cell in PIPE.split(above.text) if cell.strip()]) == 1
    )


def _blank_between_rows(lines: Sequence[Line], index: int) -> bool:
    """Whether the blank line at `index` falls between two rows of one aligned table: rows
    of numbers, as many cells each, on either side (a yearbook page spaces its rows out)."""
    if lines[index].text.strip() or index + 1 >= len(lines) or index == 0:
        return False
    above, below = lines[index - 1], lines[index + 1]
    if below.layout != "spaces" or above.layout != "spaces":
        return False
    cells_above = split_cells(above.text, above.start, _GAP)
    cells_below = split_cells(below.text, below.start, _GAP)
    return len(cells_above) == len(cells_below) and has_data(cells_above) and has_data(cells_below)


def _is_group_label(line: Line) -> bool:
    words = line.text.strip()
    return (
        line.layout is None
        and 0 < len(words) <= GROUP_LABEL_MAX
        and not words.endswith(("。", "；", "，"))
        and not is_cell_line(line.text)
    )


def layout_family(layout: str | None) -> str | None:
    if layout == "rule":
        return None
    return "pipe" if layout == "separator" else layout


def has_data(cells: Sequence[Cell]) -> bool:
    """A body row: a cell after the first holds a number that is not a date. A row whose
    figures are all years, in order (`| 地 区 | 2008 | 2009 | |`) or in the same order under
    each group (`| 品种 | 2022 | 2023 | 2022 | 2023 |`), is a header's."""
    figures = [words for cell in cells[1:] if re.search(r"\d", words := fold(cell.clean))]
    years = [year for words in figures if (year := header_year(words))]
    if years and len(years) == len(figures) and _years_in_order(years):
        return False
    return any(re.search(r"\d", NOT_DATA.sub("", words)) for words in figures)


def _years_in_order(years: Sequence[str]) -> bool:
    """Years rising (`2008 2009`), or one run of years repeated under each group of columns
    (`2022 2023 2022 2023`, `2013年 2012年 2013年 2012年`)."""
    cycle = len(set(years))
    repeated = cycle < len(years) and len(years) % cycle == 0
    return list(years) == sorted(years) or (
        repeated and list(years) == list(years[:cycle]) * (len(years) // cycle)
    )


def merge_spaced_letters(cells: list[Cell], text: str) -> list[Cell]:
    """`指    标` cut at its spaces is one header cell, not two."""
    merged: list[Cell] = []
    for cell in cells:
        single = len(cell.text) == 1 and unicodedata.east_asian_width(cell.text) == "W"
        # Onto letters spaced out (`指    标`), not onto a word (`項目別 … 有`, a column's own).
        if (
            merged
            and single
            and len(merged[-1].clean) <= 3
            and _all_wide(merged[-1].clean)
            and _SPACED_LETTERS.fullmatch(merged[-1].text)
        ):
            previous = merged[-1]
            merged[-1] = Cell(previous.start, cell.end, text[previous.start : cell.end])
        else:
            merged.append(cell)
    return merged


_SPACED_LETTERS = re.compile(r"\S(?:\s+\S)*")


def _all_wide(word: str) -> bool:
    return bool(word) and all(unicodedata.east_asian_width(char) == "W" for char in word)


def display_span(text: str, line_start: int, cell: Cell) -> tuple[int, int]:
    """A cell's columns on screen (CJK characters are two wide), for aligned layouts."""
    left = display_width(text[line_start : cell.start])
    return left, left + max(display_width(cell.text), 1)


def placements_on(
    text: str, line_start: int, cells: Sequence[Cell], grid: Sequence[tuple[int, int]]
) -> list[int]:
    """For each cell of an aligned line, the column of `grid` it overlaps most on screen, or
    the nearest one where it overlaps none."""
    placements: list[int] = []
    for cell in cells:
        left, right = display_span(text, line_start, cell)
        overlaps = [min(right, end) - max(left, start) for start, end in grid]
        best = max(range(len(grid)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0:
            centre = (left + right) / 2
            best = min(range(len(grid)), key=lambda i: abs((grid[i][0] + grid[i][1]) / 2 - centre))
        placements.append(best)
    return placements


def aligned(
    text: str, line_start: int, cells: list[Cell], grid: Sequence[tuple[int, int]]
) -> list[Cell]:
    """Cells of an aligned row put under the header columns they overlap most; the columns
    a row leaves blank get empty cells."""
    placed: list[Cell | None] = [None] * len(grid)
    for cell, best in zip(cells, placements_on(text, line_start, cells, grid), strict=True):
        if placed[best] is None:
            placed[best] = cell
    return [cell or Cell(cells[0].start, cells[0].start, "") for cell in placed]


def opens_with_pipe(line: Line) -> bool:
    return line.text.strip()[:1] in ("|", "｜")
