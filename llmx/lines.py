"""The lines of a text, each with the offset it starts at, so that a finder reading line by
line can give spans on the text itself; and the cells of a line whose figures are separated
by spaces."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

Grid = TypeVar("Grid")
# (start, end) of a cell, or of any words, in the text.
Span = tuple[int, int]
# The Chinese characters (CJK unified ideographs, extension A, compatibility), for a class.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAS_CJK = re.compile(f"[{CJK}]")
# A letter of the Latin alphabet: English in a cell (a bilingual yearbook's translation).
HAS_LATIN = re.compile(r"[A-Za-z]")
# The English after a label's or a heading's Chinese (`本市生产总值(亿元) Gross Domestic Product`,
# `卫生机构 床位数 (张) Beds (unit)`): a translation, no part of the words.
ENGLISH_AFTER = re.compile(rf"(?<=[{CJK})）])\s*[A-Za-z][^{CJK}]*$")
# A header cell that is a year alone (`2003`, `1996年`): a column, or the values, of that year.
BARE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
# A span of years (`1999-2003`, `2014—2023年`): its first and last year.
YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-—–~至]\s*((?:19|20)\d{2})\s*年?")
# The characters `str.splitlines` ends a line at: a span read on one line stops before them.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_BREAKS_AS_SPACES = str.maketrans(dict.fromkeys(LINE_BREAKS, " "))


def display_width(chunk: str) -> int:
    """How many columns `chunk` takes on screen: CJK characters (wide or full-width) two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in chunk)


def breaks_as_spaces(text: str) -> str:
    """`text` read as one line: each line break a space, one character for one, so that
    offsets into it are the text's."""
    return text.translate(_BREAKS_AS_SPACES)


# The gaps of a letter-spaced heading (增 长, 單 位), between two Chinese characters.
LETTER_GAPS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# A finder's look at one line: the grid that starts there and the line after it, or None.
GridAt = Callable[[str, Sequence[tuple[int, str]], int], "tuple[Grid, int] | None"]


def text_lines(text: str) -> Iterator[tuple[int, str]]:
    """(start, line) for every line of `text`, the line without its line end."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def lines_up(text: str, end: int, floor: int = 0) -> Iterator[tuple[int, str]]:
    """The lines from the one ending at `end` upwards, each with where it starts, while they
    end past `floor`: the line a number is on, then those above it. A line that starts
    before `floor` is whole too, found in the text's newlines (a search from `floor` would
    miss its start, and a search from the text's start would make every call on a long
    report cost the report's length)."""
    newlines = _newlines(text)
    while end > floor:
        before = bisect_left(newlines, end)  # the newlines before `end`
        start = newlines[before - 1] + 1 if before else 0
        yield start, text[start:end]
        end = start - 1


@lru_cache(maxsize=4)
def _newlines(text: str) -> tuple[int, ...]:
    """Where every newline of a text is, read once a text."""
    return tuple(found.start() for found in re.finditer("\n", text))


def grids_in(text: str, grid_at: GridAt[Grid]) -> list[Grid]:
    """Every grid `grid_at` finds in `text`, in order: tried at each line, and after a grid
    from the line it ends at, so grids never overlap."""
    lines = list(text_lines(text))
    return grids_among(len(lines), lambda index: grid_at(text, lines, index))


def grids_among(count: int, grid_at: Callable[[int], tuple[Grid, int] | None]) -> list[Grid]:
    """Every grid `grid_at` finds among `count` items (a text's lines, its runs of lines
    between pipe lines), in order: tried at each item, and after a grid from the item it
    ends at."""
    grids: list[Grid] = []
    index = 0
    while index < count:
        found = grid_at(index)
        if found is None:
            index += 1
            continue
        grid, index = found
        grids.append(grid)
    return grids


def stripped_span(text: str, start: int, end: int) -> Span:
    """The span `start`-`end` of `text` less the spaces at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Punctuation of a sentence or a list: a cell that holds any is prose, not a row's label.
CLAUSE_MARK = re.compile(r"[。，,；;：:！？!?、]")
# The heading of a table's first column, the row labels' (年份, 指标, 项目, 地区, 行业).
STUB_HEADING = re.compile(r"年\s*份|指\s*标|项\s*目|类\s*别|地\s*区|时\s*间|行\s*业")
# That heading as a cell of its own (`指标名称`, `指 标 名 称`, `项目`): a header starts at it,
# whatever lines (a page's date and source, images) come before.
LABELS_HEADER = re.compile(r"(?:指\s*标|项\s*目)(?:\s*名\s*称)?")
# The header cell over a table's row labels, a table of years' (`年份`) too.
ROW_LABELS_HEADER = re.compile(rf"年\s*[份度]|{LABELS_HEADER.pattern}")


# What parts a line's cells: spaces, tabs, ideographic spaces or pipes.
CELL_SEPARATOR = re.compile(r"[\s|｜]+")
# A cell that is one figure alone (`1,250,179,188`, `-37.89`, `12%`), as a CSV field or a line of
# a column's block writes it.
FIGURE_CELL = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?%?")
# A spreadsheet's error where a formula had nothing to work on (`#DIV/0!`, `#N/A`): a cell
# that holds no figure, copied from the sheet.
SPREADSHEET_ERROR = re.compile(r"#(?:DIV/0|N/A|VALUE|REF|NUM)!?")
# A cell of a row whose figures are separated by spaces: a figure, maybe with a provisional or
# revision mark after it (`438p`, `1.7r`), or a dash for none. An account's negative is a
# figure in brackets (开支 (42,573.7)), with a comma or a decimal point where a label's note
# mark (入息税 (1)) has neither; the brackets, like the mark, are no part of the figure.
SPACED_CELL = re.compile(
    r"(?P<figure>[-−－+]?\d[\d,]*(?:\.\d+)?%?)(?P<mark>[pr@*]?)"
    r"|[(（](?P<bracketed>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)[)）]"
    r"|[—–―…\-－/]+"
)


class Token(Protocol):
    """A cell of a line as a finder cut it: its words and where they stand in the line (a
    regular expression's match is one)."""

    def group(self) -> str: ...
    def start(self) -> int: ...
    def end(self) -> int: ...


# After a row's last figure, the spaces that say a cell or more is left empty where text
# writes an empty cell as a space of its own (one apart, one for the cell).
BLANK_CELL_SPACES = 2


def cells_left_out(gaps: Sequence[int]) -> list[int] | None:
    """How many empty cells each gap before a cell leaves out, in text that writes an empty
    cell as a space of its own and its cells a space apart (PDF text that lost its columns,
    `10831.6 10831.6       533.3`): one space none, three one, five two. None where a gap is
    even, which says nothing so."""
    if any(gap % 2 == 0 for gap in gaps):
        return None
    return [(gap - 1) // 2 for gap in gaps]


def cell_span(start: int, token: Token) -> tuple[int, int]:
    """The span in the text of a cell found in a line starting at `start`, less the mark
    after its figure: a provisional mark is no part of the number."""
    cell = SPACED_CELL.fullmatch(token.group())
    figure = cell and next((name for name in ("figure", "bracketed") if cell.group(name)), None)
    if cell is None or figure is None:
        return (start + token.start(), start + token.end())
    return (start + token.start() + cell.start(figure), start + token.start() + cell.end(figure))
