"""Finding tables flattened onto one line: a web page's table whose rows lost their line
breaks, every cell cut off from the next by a pipe.

    表5 各县人口(2031年)|县别|人口|出生率(‰)|(年末)|城镇|乡村|(万人)|人数|比重(%)|人数|比重(%)|
    |全市|96.4|51.2|53.1|45.2|46.9|9.8|||甲县|30.5|…

(one line, broken here to fit). A text export may put a space between cells instead of a
pipe; such a line is read only where it opens on the row labels' header (`指 标 户籍人口数(人)
比重(%) 全县户籍总人口 1494257 100.0 …`).

A title, the header's cells row after row, then the body's rows one after another, each a
row label and as many values; a row left blank in the page is an empty cell (`||` between
groups of rows), and a group's row is its label and empty cells (`电影事业 | | | |`), above its
first row or between rows. A row of years after the row labels' header (`指标 | 2012 | 2013`)
is the header's, no row of the body. A page's table written out cell by cell, with `|` for
every break, comes out this way, often cut short mid-row at the end of the text.

The body tells the table's width: a label, then N values, again and again. The header lost
both its row breaks and its cells' spans; they are put back by laying its cells out as a web
page lays out a table's cells (row after row, each in the first free slot, spanning columns
and rows), with the spans that make the tidiest grid. A cell that only goes on with the one over it
(`(年末)`, `(万人)`) is as wide as that one; a cell with a unit of its own, or one that
reaches the last row, is one column wide. Then the cheapest layout wins: as few slots as
possible left empty (a blank cell over a group of columns, dropped by the export), the row
labels' header through every row, words under one-column words or under a unit only where
they go on with them, no group over the same words twice (`人数 | 比重 | 人数 | 比重` is two
groups), and one unit per column, a rate (%, ‰) over rates, not counts. Each column's header
is then the cells over it, top down. This module finds where such a table is and what heads
its columns; `llmx.tables` turns it into a `Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from llmx.folding import fold
from llmx.lines import CJK, Span, grids_in
from llmx.quantities import split_header_unit
from llmx.tables.headers import BRACKETED, PARTS_LEAD
from llmx.tables.numericrows import is_unit_word
from llmx.vocabulary import unit as declared_unit

_ROWS_MIN = 3
_VALUES_MIN = 1  # values a row holds past its label (类别 | 2019年: an item and its figure)
_CELLS_MIN = 12  # cells a line holds before it is looked at
_HEADER_CELL_MAX = 16  # characters of a header cell; a longer one is the title
_LABEL_MAX = 20  # characters of a row label
_HEADER_ROWS_MAX = 4
_HEADER_SCAN = 200  # cells before a body looked at for its header and title, at most
_SEARCH_MAX = 20000  # partial layouts tried for one reading of a header, at most
_BUDGETS = (0.0, 4.0, 8.0, 12.0, 16.0)
_PIPE = re.compile(r"[|｜]")
_NUMBER = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?")
_NO_VALUE = re.compile(r"[—\-–/…－]+")
_PROSE = re.compile(r"[。；;，,：:]")
# A table's number opening its title: 表3, 附表1, 2-8 (a yearbook's chapter and table).
_CAPTION = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十]|\d{1,2}\s*[-－—]\s*\d{1,3}(?!\d))")
_RATES = ("%", "‰")
# A rate column over a count: a rate, even a growth in percent, stays under this.
_RATE_MAX = 1000.0
# Sub-columns of one name under sibling groups count alike: their middle figures within
# this factor of each other.
_ALIKE = 4.0
_TINY = 0.01
_TITLE_CELLS_MAX = 2  # short cells before the header that may be its title
# Words that only count what the words over them name.
_COUNT_WORDS = re.compile(r"人口?数|户数|个数|数量|总数|绝对[数量值额]|数")

# What an untidy layout costs, against the others of the same header.
_EMPTY_COST = 3  # a slot no cell fills (a blank over a group of columns)
_LEAF_COST = 4  # a cell under a cell that ends its column (a unit, a note)
_STACK_COST = 2  # words over one column only, with more words under them
_STUB_COST = 4  # the row labels' header not through every row
_REPEAT_COST = 4  # a cell over the same words twice (人数 | 比重 | 人数 | 比重): two groups
_RATE_COST = 2  # a column under two units, or a rate column whose cells hold counts


@dataclass(frozen=True)
class FlatGrid:
    start: int
    end: int
    title: Span | None
    headers: tuple[str, ...]  # one per column, the row labels' first
    # One per row: its label, then its values; a row cut short by the end of the text has
    # fewer.
    rows: tuple[tuple[Span, ...], ...]


def find_flattened(text: str) -> list[FlatGrid]:
    """Every table flattened onto a line of `text`, in order."""
    return [grid for grids in grids_in(text, _grids_at) for grid in grids]


def _grids_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[tuple[FlatGrid, ...], int] | None:
    start, line = lines[index]
    spaced = _PIPE.search(line) is None and _STUB_LEAD.search(line) is not None
    if spaced and (stub := _SPACED_STUB.search(fold(line))):
        cells = _spaced_cells(start, line, stub)
    elif len(_PIPE.findall(line)) + 1 >= _CELLS_MIN:
        cells = _cells(start, line)
    else:
        return None
    grids = _grids_in_line(text, cells) if len(cells) >= _CELLS_MIN else []
    return (tuple(grids), index + 1) if grids else None


# A table flattened with a space between its cells, as a page's text export writes one
# (`指 标 户籍人口数(人) 比重(%) 全县户籍总人口 1494257 100.0 其中:城镇 639996 42.83 …`): only a
# line with the row labels' header, alone or after the words of a title, which says the words
# after it are cells. A sub-row's mark and its label are one cell (`其中: 外國人`).
# Not the end of a title spaced out letter by letter (`各 地 区 主要指标`).
_SPACED_STUB = re.compile(
    rf"(?:^|(?<=\s))(?<!\s[{CJK}] )(?<!^[{CJK}] )(指\s?标(?:名\s?称)?|项\s?目|地\s?区)(?=\s)"
)
# The characters the stub opens with, as written (項 folds to 项): only a line holding one is
# folded and searched, as this looks at every line of every text.
_STUB_LEAD = re.compile(r"[指项項地]")
_SENTENCE_ENDS = ("。", "；", ";", "！", "？")
_WORD = re.compile(r"其中\s*[:：]\s*\S+|\S+")


def _spaced_cells(start: int, line: str, stub: re.Match[str]) -> list[Span]:
    """A line's cells a space apart from its row labels' header on; the words before the
    header, after the last sentence there, are the title's one cell."""
    before = line[: stub.start(1)]
    at = max(before.rfind(end) + 1 for end in _SENTENCE_ENDS)
    title = before[at:].strip()
    at = before.find(title, at)
    found = list(_WORD.finditer(line, stub.end()))
    words: list[Span] = []
    for at_word, word in enumerate(found):
        after = found[at_word + 1].group() if at_word + 1 < len(found) else ""
        joins = (
            words
            and (
                _BRACKETED_WORD.fullmatch(word.group())  # 增速 (%): a header cell and its unit
                or (
                    # 北 京 -9.18: a row's name spaced out to its column's width, its figures
                    # after it (not `男 女 合计`, two columns' names)
                    _LETTER.fullmatch(word.group())
                    and _LETTER.fullmatch(line[words[-1][0] - start : words[-1][1] - start])
                    and word.start() - (words[-1][1] - start) == 1
                    and _NUMBER.fullmatch(after)
                )
            )
        )
        if joins:
            words[-1] = (words[-1][0], start + word.end())
        else:
            words.append((start + word.start(), start + word.end()))
    return [
        *([(start + at, start + at + len(title))] if title else []),
        (start + stub.start(1), start + stub.end(1)),
        *words,
    ]


_BRACKETED_WORD = re.compile(r"[(（][^()（）\d]*[)）]")
_LETTER = re.compile(f"[{CJK}]")


def _cells(start: int, line: str) -> list[Span]:
    """A line's cells between pipes, each stripped; an empty cell is an empty span."""
    cells: list[Span] = []
    position = 0
    for piece in [*_PIPE.split(line)]:
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        at = start + position + lead
        cells.append((at, at + len(body)))
        position += len(piece) + 1
    return cells


def _kind(text: str, cell: Span) -> str:
    """ "empty", "number", "none" (a dash for no value) or "label"."""
    words = fold(text[cell[0] : cell[1]]).strip()
    if not words:
        return "empty"
    if _NUMBER.fullmatch(words):
        return "number"
    if _NO_VALUE.fullmatch(words):
        return "none"
    # A unit alone (`万人次`, `亿元`) is a unit column's cell, after a row's label.
    return "unit" if is_unit_word(words) else "label"


def _grids_in_line(text: str, cells: Sequence[Span]) -> list[FlatGrid]:
    kinds = [_kind(text, cell) for cell in cells]
    grids: list[FlatGrid] = []
    floor, index = 0, 0
    while index < len(cells):
        body = _body_at(text, cells, kinds, index)
        if body is None:
            index += 1
            continue
        rows, after = body
        head = _group_row_before(kinds, index, len(rows[0]) - 1)
        grid = _grid(text, cells[max(floor, index - _HEADER_SCAN) : head], rows)
        if grid is None:
            # A body no header fits: a body starting inside it would have rows for a header.
            index = after
            continue
        grids.append(grid)
        floor = index = after
    return grids


def _body_at(
    text: str, cells: Sequence[Span], kinds: Sequence[str], first: int
) -> tuple[list[tuple[Span, ...]], int] | None:
    """The rows from `cells[first]` on, a label then as many values each, and the index
    after them; None where fewer than three rows follow. Empty cells between rows are blank
    rows; a row cut short by the end of the line is kept as far as it goes."""
    if kinds[first] != "label" or _too_long(text, cells[first], _LABEL_MAX):
        return None
    width = _values_after(kinds, first)
    if width < _VALUES_MIN:
        return None
    figures = [text[start:end] for start, end in cells[first + 1 : first + 1 + width]]
    if all(_YEAR_CELL.fullmatch(words) for words in figures) and figures == sorted(figures):
        return None  # `指标 | 2012 | 2013 | …`: the header's years, no row
    rows: list[tuple[Span, ...]] = []
    position = first
    while position < len(cells):
        if kinds[position] == "empty":
            position += 1
            continue
        if kinds[position] != "label" or _too_long(text, cells[position], _LABEL_MAX):
            break
        values = _values_after(kinds, position)
        if values == 0 and _empties_after(kinds, position) >= width - 1 and rows:
            position += 1  # a group's row (`艺术事业 | | | | | |`) heads the rows under it
            continue
        row = tuple(cells[position : position + 1 + min(values, width)])
        if values == width:
            rows.append(row)
            position += 1 + width
        elif 0 < values < width and position + 1 + values == len(cells) - _trailing(kinds):
            rows.append(row)  # the text ends mid-row
            position += 1 + values
            break
        else:
            break
    if len([row for row in rows if len(row) == width + 1]) < _ROWS_MIN:
        return None
    return rows, position


def _empties_after(kinds: Sequence[str], position: int) -> int:
    count = 0
    while position + 1 + count < len(kinds) and kinds[position + 1 + count] == "empty":
        count += 1
    return count


def _group_row_before(kinds: Sequence[str], first: int, width: int) -> int:
    """Where the cells before a body at `first` end that are no header: before a group's row
    right above its first row (`电影事业 | | | | | |`), a label and empty cells in a row's
    width, else at the body."""
    label = first - 1
    while label >= 0 and kinds[label] == "empty":
        label -= 1
    if label >= 0 and kinds[label] == "label" and first - label - 1 >= width - 1 >= 1:
        return label
    return first


_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")


def _trailing(kinds: Sequence[str]) -> int:
    """How many empty cells end the line (a closing pipe)."""
    count = 0
    while count < len(kinds) and kinds[-1 - count] == "empty":
        count += 1
    return count


def _values_after(kinds: Sequence[str], label: int) -> int:
    """How many values (numbers or dashes, at least one number) follow a label, its unit
    cell first if it has one."""
    count = 1 if label + 1 < len(kinds) and kinds[label + 1] == "unit" else 0
    while label + 1 + count < len(kinds) and kinds[label + 1 + count] in ("number", "none"):
        count += 1
    numbers = kinds[label + 1 : label + 1 + count]
    return count if "number" in numbers else 0


def _too_long(text: str, cell: Span, limit: int) -> bool:
    return _words_too_long(text[cell[0] : cell[1]], limit)


def _words_too_long(words: str, limit: int) -> bool:
    # 其中:小麦, a sub-row's mark, is no sentence's colon.
    words = PARTS_LEAD.sub("", words)
    return len(words) > limit or bool(_PROSE.search(words))


def _too_long_for_header(words: str) -> bool:
    """A cell too long for a header's: a title. Its unit in brackets at the end
    (`万元地区生产总值能耗上升或下降(±%)`) does not count."""
    return _words_too_long(_UNIT_AT_END.sub("", words), _HEADER_CELL_MAX)


_UNIT_AT_END = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")


def _grid(text: str, before: Sequence[Span], rows: Sequence[tuple[Span, ...]]) -> FlatGrid | None:
    """The table whose body is `rows`, its header and title the cells `before` it. A short
    title (`各区就业人员`) looks like a header cell: the header is read with and without
    the first cell, and the cheaper layout tells which, or the one of fewer rows."""
    width = max(len(row) for row in rows)
    header: list[Span] = []
    title: Span | None = None
    for cell in reversed(before):
        words = text[cell[0] : cell[1]]
        if not words:
            continue
        if _too_long_for_header(words) or _CAPTION.match(fold(words)):
            title = cell
            break
        if _kind(text, cell) == "number" and not re.fullmatch(r"(?:19|20)\d{2}", words):
            break
        header.insert(0, cell)
    sizes = _sizes(text, rows, width)
    # The row labels' heading ran into the title's cell (`表2 林业生产情况 产品名称 | 产量 |
    # 比上年增长(%)`): the header is the value columns' alone, under an empty heading.
    stub = [""] if len(header) == width - 1 and title is not None else []
    best: tuple[tuple[float, int], int, tuple[str, ...]] | None = None
    for lead in range(min(_TITLE_CELLS_MAX, len(header) - width + len(stub)) + 1):
        ceiling = best[0][0] if best else _BUDGETS[-1]
        cells = [*stub, *(text[c[0] : c[1]] for c in header[lead:])]
        found = _headers(cells, width, sizes, ceiling)
        if found is not None and (best is None or found[0] < best[0]):
            best = (found[0], lead, found[1])
    if best is None:
        return None
    _, lead, headers = best
    title = header[lead - 1] if lead else title
    start = header[lead][0] if header else rows[0][0][0]
    return FlatGrid(start, rows[-1][-1][1], title, headers, tuple(rows))


@dataclass(frozen=True)
class _Size:
    """How large a column's numbers are: the largest and the middle one, in absolute value."""

    largest: float
    middle: float


def _sizes(text: str, rows: Sequence[tuple[Span, ...]], width: int) -> tuple[_Size, ...]:
    """Each value column's size, past the row labels."""
    sizes: list[_Size] = []
    for column in range(1, width):
        numbers = sorted(
            abs(number)
            for row in rows
            if column < len(row)
            and (number := _number(text[row[column][0] : row[column][1]])) is not None
        )
        middle = numbers[len(numbers) // 2] if numbers else 0.0
        sizes.append(_Size(numbers[-1] if numbers else 0.0, middle))
    return tuple(sizes)


def _number(words: str) -> float | None:
    folded = fold(words).strip().rstrip("%").replace(",", "").replace("−", "-")
    try:
        return float(folded)
    except ValueError:
        return None


# --- The header laid out again ---------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    cell: int  # index of the header cell, or -1 for a slot run left empty
    row: int
    column: int
    rows: int
    columns: int


@dataclass
class _Search:
    """The best layout found so far, and how many were tried."""

    cost: float = float("inf")
    placed: tuple[_Placed, ...] = ()
    height: int = 0
    tried: int = 0
    budget: float = 0.0  # the dearest layout looked for
    sizes: tuple[_Size, ...] = ()  # per value column


def _headers(
    cells: Sequence[str], width: int, sizes: tuple[_Size, ...], ceiling: float
) -> tuple[tuple[float, int], tuple[str, ...]] | None:
    """One header per column for a header's cells in page order over `width` columns: the
    cells over each column, top down, in the cheapest layout of one to four rows; and what
    that layout costs and how many rows it takes; None where none costs `ceiling` or less."""
    search = _Search(sizes=sizes)
    for budget in (budget for budget in _BUDGETS if budget <= ceiling):
        # the cheapest layouts first: a tidy header is found fast
        search.budget = budget
        for height in range(1, _HEADER_ROWS_MAX + 1):
            if height * width < len(cells):
                continue
            grid = [[-2] * width for _ in range(height)]  # -2: free, -1: empty, else a cell
            _lay(cells, search, grid, [], 0, 0.0)
        if search.placed:
            break
    if not search.placed:
        return None
    return (search.cost, search.height), _column_headers(cells, search.placed, search.height, width)


def _lay(
    cells: Sequence[str],
    search: _Search,
    grid: list[list[int]],
    placed: list[_Placed],
    next_cell: int,
    cost: float,
) -> None:
    """Lay the cells from `next_cell` on into the grid's free slots, depth first."""
    search.tried += 1
    if cost >= search.cost or cost > search.budget or search.tried > _SEARCH_MAX:
        return
    if grid[-1].count(-2) > len(cells) - next_cell:
        return  # every column's last slot is a cell of its own
    slot = _first_free(grid)
    if slot is None:
        if next_cell == len(cells):
            total = (
                cost
                + _RATE_COST * _misfits(cells, placed, len(grid[0]), search.sizes)
                + _REPEAT_COST * _repeated_children(cells, placed)
            )
            if total < search.cost and total <= search.budget:
                search.cost, search.placed, search.height = total, tuple(placed), len(grid)
        return
    for piece, penalty in _shapes(cells, grid, placed, next_cell, slot):
        _mark(grid, piece, piece.cell)
        placed.append(piece)
        _lay(cells, search, grid, placed, next_cell + (piece.cell >= 0), cost + penalty)
        placed.pop()
        _mark(grid, piece, -2)


def _shapes(
    cells: Sequence[str],
    grid: Sequence[Sequence[int]],
    placed: Sequence[_Placed],
    next_cell: int,
    slot: tuple[int, int],
) -> list[tuple[_Placed, float]]:
    """The pieces that may fill a free slot, with what each costs: the next cell (one column
    wide where it reaches the last row or writes a unit, as wide as the cell over it where
    it only goes on with that one), or a blank over a group of columns."""
    row, column = slot
    height, width = len(grid), len(grid[0])
    run = 0
    while column + run < width and grid[row][column + run] == -2:
        run += 1
    above = _above(grid, placed, row, column) if row > 0 else None
    shapes: list[tuple[_Placed, float]] = []
    if next_cell < len(cells):
        words = cells[next_cell]
        if _is_continuation(words):
            if above is None or above.cell < 0 or above.columns > run:
                return []  # a note goes on with the cell over it, nowhere else
            widths: Sequence[int] = (above.columns,)
        elif _unit_of(words):
            widths = (1,)
        else:
            widths = range(1, run + 1)
        for columns in widths:
            for rows in sorted({height - row, 1}, reverse=True):  # to the bottom, or one
                reaches_bottom = row + rows == height
                if reaches_bottom and columns > 1:
                    continue
                piece = _Placed(next_cell, row, column, rows, columns)
                if _nests(grid, above, piece):
                    shapes.append((piece, _cost(cells, above, piece, height)))
    if row < height - 1:
        for columns in range(1, run + 1):
            piece = _Placed(-1, row, column, 1, columns)
            if _nests(grid, above, piece):
                shapes.append((piece, _EMPTY_COST))
    return shapes


def _first_free(grid: Sequence[Sequence[int]]) -> tuple[int, int] | None:
    for row, slots in enumerate(grid):
        for column, slot in enumerate(slots):
            if slot == -2:
                return row, column
    return None


def _mark(grid: list[list[int]], piece: _Placed, value: int) -> None:
    for row in range(piece.row, piece.row + piece.rows):
        for column in range(piece.column, piece.column + piece.columns):
            grid[row][column] = value


def _above(
    grid: Sequence[Sequence[int]], placed: Sequence[_Placed], row: int, column: int
) -> _Placed:
    """The piece right over a slot."""
    owner = grid[row - 1][column]
    return next(
        p
        for p in reversed(placed)
        if p.cell == owner
        and p.row <= row - 1 < p.row + p.rows
        and p.column <= column < p.column + p.columns
    )


def _nests(grid: Sequence[Sequence[int]], above: _Placed | None, piece: _Placed) -> bool:
    """Whether `piece` fits in its free slots and under one piece: a header is a tree, a
    cell below never straddles two cells above."""
    right = piece.column + piece.columns
    for row in range(piece.row, piece.row + piece.rows):
        if any(grid[row][column] != -2 for column in range(piece.column, right)):
            return False
    return above is None or right <= above.column + above.columns


def _cost(cells: Sequence[str], above: _Placed | None, piece: _Placed, height: int) -> float:
    """What laying a cell this way costs: the row labels' header short of the last row, a
    cell under the words that end a column (its unit, a note), or under another one-column
    cell (a group heads several columns)."""
    if piece.cell == 0:  # the row labels' header stands over them through every row,
        # and they are labels, in no unit
        return _STUB_COST * ((piece.rows != height) + bool(_unit_of(cells[0])))
    over = cells[above.cell] if above is not None and above.cell >= 0 else None
    if over is None or above is None or _is_continuation(cells[piece.cell]):
        return 0.0
    if _is_continuation(over) or _unit_of(over):
        return _LEAF_COST
    return _STACK_COST if above.columns == 1 else 0.0


@cache
def _is_continuation(words: str) -> bool:
    """A cell that is only a note or a unit in brackets (`(年末)`, `(万人)`): it goes on
    with the cell over it."""
    return bool(BRACKETED.fullmatch(fold(words).strip()))


@cache
def _unit_of(words: str) -> str | None:
    """The unit a header cell writes in brackets at its end, or a trailing %."""
    found = split_header_unit(words)
    if found and declared_unit(found[0].split("/")[0]) is not None:
        return found[0]
    folded = fold(words).strip()
    return folded[-1] if folded[-1:] in _RATES else None


def _misfits(
    cells: Sequence[str], placed: Sequence[_Placed], width: int, sizes: Sequence[_Size]
) -> int:
    """How many columns of a layout the body does not fit: two units over one column, a
    rate (%, ‰) over counts, or a sub-column unlike its namesakes under the other groups
    (人数 under 城镇 and under 乡村 count alike)."""
    units: list[set[str]] = [set() for _ in range(width)]
    leaves: dict[str, list[int]] = {}
    for piece in placed:
        if piece.cell < 0:
            continue
        unit = _unit_of(cells[piece.cell])
        for column in range(piece.column, piece.column + piece.columns):
            units[column].update([unit] if unit else [])
        if piece.row + piece.rows == len(_heights(placed)) and piece.column > 0:
            leaves.setdefault(fold(cells[piece.cell]).strip(), []).append(piece.column)
    misfits = 0
    for column, written in enumerate(units[1:]):
        counts = sizes[column].largest > _RATE_MAX if column < len(sizes) else False
        misfits += len(written) > 1 or (counts and bool(written & set(_RATES)))
    for columns in leaves.values():
        middles = [sizes[c - 1].middle for c in columns if c - 1 < len(sizes)]
        if len(middles) > 1 and max(middles) > _ALIKE * max(min(middles), _TINY):
            misfits += 1
    return misfits


def _heights(placed: Sequence[_Placed]) -> range:
    """The rows a layout takes."""
    return range(max(piece.row + piece.rows for piece in placed))


def _repeated_children(cells: Sequence[str], placed: Sequence[_Placed]) -> int:
    """How many cells head the same words twice in the row below them, or the words they
    say themselves (男 over 男 | 女): each is two groups laid out as one; and how many words
    stand at two depths (男 under one group, 男 a row lower under another)."""
    repeated = 0
    for parent in placed:
        below = parent.row + parent.rows
        names = [
            fold(cells[p.cell]).strip()
            for p in placed
            if p.cell >= 0
            and p.row >= below
            and parent.column <= p.column < parent.column + parent.columns
            and not _is_continuation(cells[p.cell])
        ]
        children = [
            fold(cells[p.cell]).strip()
            for p in placed
            if p.cell >= 0
            and p.row == below
            and parent.column <= p.column < parent.column + parent.columns
            and not _is_continuation(cells[p.cell])
        ]
        own = fold(cells[parent.cell]).strip() if parent.cell >= 0 else None
        repeated += len(children) != len(set(children)) or own in names
    depths: dict[str, set[int]] = {}
    for piece in placed:
        if piece.cell >= 0 and not _is_continuation(cells[piece.cell]):
            depths.setdefault(fold(cells[piece.cell]).strip(), set()).add(piece.row)
    return repeated + sum(len(rows) > 1 for rows in depths.values())


def _column_headers(
    cells: Sequence[str], placed: Sequence[_Placed], height: int, width: int
) -> tuple[str, ...]:
    """Each column's header: the cells over it, top down; a cell that only repeats what the
    one over it says, with 数 at its end (人口数 under 城镇人口), adds nothing."""
    headers: list[str] = []
    for column in range(width):
        words = ""
        for row in range(height):
            piece = next(
                p
                for p in placed
                if p.row <= row < p.row + p.rows and p.column <= column < p.column + p.columns
            )
            if piece.cell < 0 or piece.row != row:
                continue
            cell = re.sub(r"\s+", "", cells[piece.cell])
            if words and _repeats(words, cell):
                continue
            words += cell
        headers.append(words)
    return tuple(headers)


def _repeats(above: str, cell: str) -> bool:
    """Whether a sub-column's words only count what the words over it name (人口数 under
    城镇人口, 人数 under 城区)."""
    words = BRACKETED.sub("", fold(cell))
    stem = re.sub(r"[数量]$", "", words)
    count = _COUNT_WORDS.fullmatch(words)
    return bool(count) or (len(stem) >= 2 and BRACKETED.sub("", fold(above)).endswith(stem))
