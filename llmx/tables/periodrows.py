"""Finding tables whose rows are periods: a header of measure names over the columns, then a
row per period, its label and one figure per measure, all separated by spaces.

    2-5  各时期主要指标指数
    (上年=100)
    时  期 地区生产总值 第一产业 第二产业 第三产业
    “八五”时期 112.1 104.3 118.0 113.2
    “十三五”时期
    2016年 108.0 103.5 107.9 110.1
    2017年 107.2 102.9 106.6 109.3

A row's label is a year (`2016年`, `2016`), a plan period (`“八五”时期`, `十一五`) or a span of
years (`1996-2000年`); a label alone on its line heads the rows after it (`“十三五”时期` over
its years) and is no row. The header is the lines of words right above the first row, with no
figure and no sentence in them, one of them at least in Chinese (a line of English is the
names' translation and names nothing). Where one header line has a word per column (maybe after a
word heading the labels, `时 期`; a word spaced out letter by letter is one word), or several
lines do (a name over its unit), each column takes its words; a header whose words wrapped
over lines in another way gives no names (the columns then measure what the title names),
save the unit that closes its last Chinese line (`… 建筑业 (元)`): the last heading wrapped
last, so that unit is the last column's. A statistics yearbook's header comes that way, its
Chinese lines then its English ones (which count for nothing), maybe a blank line before
the rows:

                        人均地区
            第一产业 第二产业     第三产业 生产总值
    收入总值 生产总值   建筑业 (元)
    Year Gross Gross Primary Secondary     Tertiary Per Capita
      Income Product Industry Industry     Industry (yuan)

    1978 183.06 183.06 52.20 92.38 83.19 9.19 38.48 364

A page may scatter a yearbook's header over blank lines, none of its cells over the column it
heads. Asked for `headless` grids, the finder also takes rows of periods after blank lines
under no header, so long as the lines above are no rows of the same table broken by a blank
line; their columns are named by nothing and write no unit (`llmx.tables` reads these last,
where no other reading took the rows).

The rows' figures count the columns: most rows must have as many, at least two; a row with
another count is left out, but where the widest rows are full and every shorter row's figures
fit the columns their sizes point to (a yearbook's early years, `llmx.tables.shortrows`).
A base note above the header (`(上年=100)`) is the title's.

This module finds where a grid is, as spans of the text; `llmx.tables` turns it into a
`Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from llmx.lines import CLAUSE_MARK, HAS_CJK, SPACED_CELL, Span, cell_span, grids_in
from llmx.tables.shortrows import placed_by_size

_QUOTE = "“”\"'「」『』‘’"
# A five-year plan's period: “六五”时期, 十一五, “十三五”期间.
_PLAN = re.compile(
    rf"[{_QUOTE}]?(?:十[一二三四五]?|[一二三四五六七八九])五[{_QUOTE}]?(?:时期|期间)?"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_YEAR_SPAN = re.compile(r"(?:19|20)\d{2}\s*[-—–~至]\s*(?:(?:19|20)?\d{2})\s*年?")
_TOKEN = re.compile(r"\S+")
_UNIT_BRACKET = re.compile(r"[(（][^()（）\d]{1,6}[)）]")
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z ,.'’&()\-/]*")

_HEADER_LINES = 4  # lines of the header at most
_HEADER_MAX = 80  # characters of a header line
_COLUMNS_MIN = 2
_ROWS_MIN = 2
_SERIES_ROWS_MIN = 4  # rows of one figure a year, under a header, to be a series


def period_of(label: str) -> str | None:
    """The period a row label names: its year (`2016年` → "2016"), "" for a period of several
    years (a plan period `“六五”时期`, a span `1996-2000年`), None where it names no period."""
    words = re.sub(r"\s+", "", label)
    if _PLAN.fullmatch(words) or _YEAR_SPAN.fullmatch(words):
        return ""
    year = _YEAR.fullmatch(words)
    return year.group(1) if year else None


@dataclass(frozen=True)
class PeriodRow:
    label: Span  # the period's label
    cells: tuple[Span, ...]  # one per column


@dataclass(frozen=True)
class PeriodGrid:
    start: int  # of the header's first line
    end: int  # of the last row
    names: tuple[str, ...]  # each column's name from the header, "" where it gives none
    rows: tuple[PeriodRow, ...]


@dataclass(frozen=True)
class _Line:
    label: Span
    values: tuple[Span, ...]
    end: int


def find_period_rows(text: str, *, headless: bool = False) -> list[PeriodGrid]:
    """Every grid of period rows in `text`, in order; with `headless`, also rows with no
    header, after blank lines (their columns are named by nothing)."""
    return grids_in(text, partial(_grid_at, headless=headless))


def _period_line(start: int, line: str) -> _Line | None:
    """A line that opens with a period's label, then figures (or none) to its end."""
    tokens = list(_TOKEN.finditer(line.rstrip()))
    if not tokens or period_of(tokens[0].group()) is None:
        return None
    if not all(SPACED_CELL.fullmatch(token.group()) for token in tokens[1:]):
        return None
    label = (start + tokens[0].start(), start + tokens[0].end())
    values = tuple(cell_span(start, token) for token in tokens[1:])
    return _Line(label, values, start + tokens[-1].end())


def _header_words(line: str) -> list[str] | None:
    """A header line's words, a word spaced out letter by letter (`建 筑 业`) as one; none for
    a line of English (the names' translation); None for a line that is no header (blank,
    with a figure or a sentence)."""
    words = line.strip()
    if (
        not words
        or len(words) > _HEADER_MAX
        or re.search(r"\d", words)
        or CLAUSE_MARK.search(words)
    ):
        return None
    if not HAS_CJK.search(words):
        return [] if _ENGLISH.fullmatch(words) else None
    joined: list[str] = []
    letters = False  # the last word is letters spaced out
    for token in words.split():
        if len(token) == 1 and joined and (letters or len(joined[-1]) == 1):
            joined[-1] += token
            letters = True
        else:
            joined.append(token)
            letters = False
    return joined


def _names(header: Sequence[list[str]], width: int) -> tuple[str, ...]:
    """Each column's name: the words of every header line with a word per column (after one
    heading the labels), top to bottom; "" each where no line has."""
    lines = [words[len(words) - width :] for words in header if len(words) in (width, width + 1)]
    if not lines:
        chinese = [words for words in header if words]
        unit = _UNIT_BRACKET.fullmatch(chinese[-1][-1]) if chinese else None
        return ("",) * (width - 1) + (unit.group() if unit else "",)
    names = ["".join(words[column] for words in lines) for column in range(width)]
    # A line that wrapped the last heading closes on its unit (`自然增长 人口密度`, then
    # `年份 常住人口 … (人/平方公里)`): the last column's, where its name writes none.
    closing = [
        found.group()
        for words in header
        if words
        and len(words) not in (width, width + 1)
        and (found := _UNIT_BRACKET.fullmatch(words[-1]))
    ]
    if len(closing) == 1 and not _UNIT_BRACKET.search(names[-1]):
        names[-1] += closing[0]
    # `年份 交通量(輛次)` over `東行 西行 雙程合計 平均每日`: one measure heads every column,
    # and its unit is theirs where they write none.
    spanning = [
        found.group()
        for words in header
        if len(words) == 2 and width > 2 and (found := _UNIT_BRACKET.search(words[-1]))
    ]
    if len(spanning) == 1:
        names = [name if _UNIT_BRACKET.search(name) else name + spanning[0] for name in names]
    return tuple(names)


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int, *, headless: bool
) -> tuple[PeriodGrid, int] | None:
    """The grid whose header's first line is line `index`, and the line after it."""
    if headless and _period_line(*lines[index]) is not None and _after_a_gap(lines, index):
        return _rows_from(text, lines, index, index, [])
    header: list[list[str]] = []
    position = index
    while position < len(lines) and sum(1 for words in header if words) < _HEADER_LINES:
        words = _header_words(lines[position][1])
        if words is None:
            break
        header.append(words)
        position += 1
    if not any(header):  # a header of English alone is no header here
        return None
    if position < len(lines) and not lines[position][1].strip():
        position += 1  # a blank line between the header and the rows
    return _rows_from(text, lines, index, position, header)


def _after_a_gap(lines: Sequence[tuple[int, str]], index: int) -> bool:
    """Whether blank lines part line `index` from the words above it, and those are no row of
    periods (a table's rows that a blank line broke go on under their header)."""
    above = index - 1
    while above >= 0 and not lines[above][1].strip():
        above -= 1
    return above < index - 1 and (above < 0 or _period_line(*lines[above]) is None)


def _rows_from(
    text: str,
    lines: Sequence[tuple[int, str]],
    index: int,
    position: int,
    header: Sequence[list[str]],
) -> tuple[PeriodGrid, int] | None:
    """The grid of the period rows from line `position` on, under `header` from line `index`
    (none: rows after a blank line, whose columns the title names)."""
    body: list[_Line] = []
    while position < len(lines):
        found = _period_line(*lines[position])
        if found is None:
            break
        body.append(found)
        position += 1
    counts = Counter(len(line.values) for line in body if line.values)
    if not counts:
        return None
    width, rows = counts.most_common(1)[0]
    kept = _with_short_rows(text, body)
    if kept:
        width = len(kept[0].cells)
    elif (
        (width < _COLUMNS_MIN and not (header and rows >= _SERIES_ROWS_MIN))
        or rows < _ROWS_MIN
        or 2 * rows < sum(counts.values())
    ):
        # One figure a year under a header naming it (`年 出國人次` over `2014年 11841175`): a
        # series, where a header says what it is and its rows run on.
        return None
    else:
        kept = tuple(
            PeriodRow(line.label, line.values) for line in body if len(line.values) == width
        )
    grid_end = max(line.end for line in body if line.values)
    names = _names(header, width)
    panel = _second_panel(text, kept)
    # 1991 … 2008 …: two panels of years side by side, read one after the other.
    if panel is not None:
        kept = (
            *(PeriodRow(row.label, row.cells[:panel]) for row in kept),
            *(PeriodRow(row.cells[panel], row.cells[panel + 1 :]) for row in kept),
        )
        names = names[:panel]
    return PeriodGrid(lines[index][0], grid_end, names, kept), position


def _with_short_rows(text: str, body: Sequence[_Line]) -> tuple[PeriodRow, ...]:
    """The rows of `body` where the widest of them are a yearbook's later years, full, and
    every shorter row is a year whose figures their sizes place in those columns
    (`llmx.tables.shortrows`); () where they are not."""
    lines = [line for line in body if line.values]
    years = [period_of(text[slice(*line.label)]) for line in lines]
    width = max(len(line.values) for line in lines)
    full = sum(1 for line in lines if len(line.values) == width)
    if width < _COLUMNS_MIN or full < _ROWS_MIN or full == len(lines) or not all(years):
        return ()
    spread = placed_by_size(
        text, [(int(year or 0), line.values) for line, year in zip(lines, years, strict=True)]
    )
    if not all(spread):
        return ()
    return tuple(
        PeriodRow(line.label, cells) for line, cells in zip(lines, spread, strict=True) if cells
    )


def _second_panel(text: str, rows: Sequence[PeriodRow]) -> int | None:
    """The column where a second panel of the same columns begins (`1991 3335232 647909 2687323
    2008 3535440 957350 2578090`): a column of years, one a row, rising as the labels do, with
    as many columns after it as before it; None where there is none."""
    if len(rows) < _ROWS_MIN:
        return None
    width = len(rows[0].cells)
    if width % 2 == 0:
        return None
    panel = width // 2
    years = [_YEAR.fullmatch(text[slice(*row.cells[panel])]) for row in rows]
    last_label = period_of(text[slice(*rows[-1].label)])
    if not all(years) or not all(period_of(text[slice(*row.label)]) for row in rows):
        return None
    numbers = [int(year.group(1)) for year in years if year]
    rising = all(a < b for a, b in pairwise(numbers))
    return panel if rising and last_label and numbers[0] > int(last_label) else None
