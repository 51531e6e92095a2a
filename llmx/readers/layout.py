"""From positioned text on pages to one canonical text: paragraphs, tables, boxes, no furniture.

A PDF knows where each character sits, not what a paragraph is. This module rebuilds the
reading text from the geometry, with no PDF library in sight (llmx.readers.pdf feeds it),
and writes it with the TextBuilder every structured reader shares (llmx.readers.canonical):

- lines wrapped inside a paragraph are joined with nothing between them, so a number or unit
  broken by a line end ("增长6.\\n5%", "1867.0\\n7亿元") reads as one token again; a
  paragraph ends where a line stops short of the column's right edge, the next line is
  indented, the gap between lines opens, or the type size changes (a heading, which keeps its
  own line, even wrapped);
- running headers and footers (a line set apart at the top or bottom of a page that repeats,
  numbers aside, at one height on many pages) and bare page numbers ("3", "- 3 -", "第3页",
  "3/26") are dropped;
- tables are rebuilt from their rulings (a grid of rules; or a three-line table's rules with
  columns from the gutters of its text) and written as the other readers write tables;
- a ruled frame that is not a table is a box (专栏): its lines close with a double blank line.

Every span of the text is mapped to its page; each table cell also to its table, row and
column. Coordinates are PDF points with y growing upwards.
"""

from __future__ import annotations

import itertools
import re
import statistics
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from llmx.lines import BARE_YEAR, HAS_CJK, HAS_LATIN
from llmx.locations import Locator, SourceMap
from llmx.readers.canonical import (
    GridCell,
    TextBuilder,
    clean_line,
    is_furniture_line,
)

# A line ending this many type sizes short of the column's right edge ends its paragraph.
_SHORT_LINE = 2.0
# A first line indented by this many type sizes starts a paragraph.
_INDENT = 0.8
# Lines further apart than this many times the usual pitch are in different paragraphs.
_GAP = 1.35
# Type sizes differing by more than this share belong to different paragraphs (headings).
_SIZE_CHANGE = 0.12
# Lines of one heading are set closer than this many type sizes apart.
_HEADING_LEADING = 0.6
# Furniture lives in this share of the page height at the top and at the bottom.
_MARGIN_ZONE = 0.12
# At most this many lines at each end of a page can be furniture.
_MARGIN_LINES = 2
# A running line repeats on two pages of a short document, three of a longer one (a
# chapter's running head repeats only over its chapter).
_FEW_PAGES = 4
# A repeating line is a running header or footer only with this many letters of its own.
_FURNITURE_WORDS = 3
_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–\s]*$"
    r"|^[-—–\s]*[ivxlcIVXLC]{1,6}[-—–\s]*$"
)
# A table's caption (`表3-2 …`, `4-1 户籍人口…`): a yearbook's tables, one a page, have captions
# alike but for their numbers, which are no running header (`续表` goes on, so may be one).
_CAPTION = re.compile(r"^\s*(?:表\s*[\d一二三四五六七八九十]|\d{1,2}\s*[-－—]\s*\d{1,3}\s+\S)")
# Chinese, Japanese and full-width characters: no space is written between them and others.
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_CLOSING = frozenset(",.;:!?)]}%'\"”’")
# A line opening with a list mark starts an item of its own.
_LIST_MARK = re.compile(r"[•·▪■◆●○◇□▶►]")


class Box(NamedTuple):
    """A rectangle in PDF points (a tuple: the reader makes one per character)."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.left + self.right) / 2, (self.bottom + self.top) / 2)

    def contains(self, point: tuple[float, float], slack: float = 0.0) -> bool:
        x, y = point
        return (
            self.left - slack <= x <= self.right + slack
            and self.bottom - slack <= y <= self.top + slack
        )

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.bottom, other.bottom),
            max(self.right, other.right),
            max(self.top, other.top),
        )


@dataclass(frozen=True)
class Line:
    """One printed line of prose: its text and where it sits."""

    text: str
    box: Box
    size: float  # the type size: the median of its characters' font sizes
    boxed: bool = False  # inside a ruled frame: a box (专栏) of text, not a table


@dataclass(frozen=True)
class Table:
    """A ruled table: its rows of cells in source order, each with the grid it spans."""

    rows: tuple[tuple[GridCell, ...], ...]
    box: Box
    columns: tuple[float, ...] = ()  # its column edges, left to right
    row_pages: tuple[int, ...] = ()  # the page of each row, where it runs on over pages
    # A row broken by the page: its sides ruled past the table's last rule (or above its
    # first), and no rule closing them, as a printer draws a row it carries on over a page.
    open_below: bool = False
    open_above: bool = False
    # A ruled row of figures atop its page is the last row of the table the page before
    # carries on, or else a box: its lines as a box's, where it goes on no table.
    as_box: tuple[Line, ...] = ()


Block = Line | Table


@dataclass(frozen=True)
class Page:
    """A page's prose lines and tables, in reading order."""

    number: int  # 1-based
    height: float
    blocks: tuple[Block, ...]


def join_wrapped(left: str, right: str) -> str:
    """Two pieces of one paragraph split by a line end. Nothing goes between Chinese text, a
    number broken anywhere ("6." + "5%"), a word broken at a hyphen, or before closing
    punctuation; a space goes between words otherwise (the line end stood for one)."""
    if not left or not right:
        return left + right
    end, start = left[-1], right[0]
    if _CJK.match(end) or _CJK.match(start):
        return left + right
    if (end.isdigit() or end in ".,") and (start.isdigit() or start in "%.,"):
        return left + right
    if end in "-/" or start in _CLOSING:
        return left + right
    return f"{left} {right}"


def _furniture_key(line: Line) -> tuple[str, int]:
    """What a running line keeps from page to page: its words (numbers aside) and height."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.box.top / _SNAP)


def _set_apart(lines: Sequence[Line]) -> list[Line]:
    """The first lines of `lines` (outermost first) that stand apart from the rest: those
    before the first gap wider than a line (one or two lines: a title, a page number)."""
    for count in range(1, min(_MARGIN_LINES, len(lines)) + 1):
        if count == len(lines):
            return list(lines)
        outer, inner = lines[count - 1], lines[count]
        gap = max(outer.box.bottom - inner.box.top, inner.box.bottom - outer.box.top)
        if gap > max(outer.size, inner.size):
            return list(lines[:count])
    return []


def _margin_lines(page: Page) -> list[Line]:
    """Lines at the top and at the bottom of the page, set apart from the body by a gap and
    within the margin zones: where running headers, footers and page numbers are."""
    lines = sorted(
        (block for block in page.blocks if isinstance(block, Line)),
        key=lambda line: -line.box.top,
    )
    if not lines:
        return []
    zone = page.height * _MARGIN_ZONE
    top, bottom = lines[0].box.top, lines[-1].box.bottom
    found = [line for line in _set_apart(lines) if line.box.top >= top - zone]
    found += [line for line in _set_apart(lines[::-1]) if line.box.bottom <= bottom + zone]
    return list(dict.fromkeys(found))


def _says_something(key: str) -> bool:
    """A running header or footer has words of its own, not only numbers and a unit."""
    return len(re.sub(r"[#\W]", "", key)) >= _FURNITURE_WORDS


def furniture(pages: Sequence[Page]) -> set[tuple[int, Line]]:
    """(page number, line) of running headers, footers and page numbers."""
    candidates = [(page.number, line) for page in pages for line in _margin_lines(page)]
    pages_of: dict[tuple[str, int], set[int]] = {}
    for number, line in candidates:
        pages_of.setdefault(_furniture_key(line), set()).add(number)
    repeats = 2 if len(pages) <= _FEW_PAGES else 3
    return {
        (number, line)
        for number, line in candidates
        if _PAGE_NUMBER.match(line.text)
        or (
            len(pages_of[key := _furniture_key(line)]) >= repeats
            and _says_something(key[0])
            and not _CAPTION.match(line.text)
        )
    }


@dataclass(frozen=True)
class _Column:
    """The body column: where full lines begin and end, the usual line pitch, the body's
    type size."""

    left: float
    right: float
    pitch: float
    size: float = 0.0


def _column_of(pages: Sequence[Sequence[Line]]) -> _Column:
    """The body column over the whole document: a page with one short line says nothing."""
    lines = [line for page in pages for line in page]
    if not lines:
        return _Column(0.0, 0.0, 0.0, 0.0)
    lefts = Counter(round(line.box.left) for line in lines)
    pitches = [
        upper.box.bottom - lower.box.bottom
        for page in pages
        for upper, lower in itertools.pairwise(page)
        if 0 < upper.box.bottom - lower.box.bottom < 3 * upper.size
    ]
    return _Column(
        float(lefts.most_common(1)[0][0]),
        _upper_decile([line.box.right for line in lines]),
        statistics.median(pitches) if pitches else 0.0,
        statistics.median(line.size for line in lines),
    )


def _upper_decile(values: list[float]) -> float:
    """Where full lines end: past nearly all lines, but not past a stray wide one."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * 9 // 10)]


def _wraps_heading(previous: Line, line: Line, column: _Column) -> bool:
    """Two lines of one heading: larger type than the body, the same size, set close (a
    centred title wrapped onto a second line is short and indented, and still one line)."""
    size = max(previous.size, line.size, 1.0)
    return (
        min(previous.size, line.size) > (1 + _SIZE_CHANGE) * column.size
        and abs(previous.size - line.size) <= _SIZE_CHANGE * size
        and 0 <= previous.box.bottom - line.box.top <= _HEADING_LEADING * size
    )


def _starts_paragraph(previous: Line, line: Line, column: _Column, same_page: bool) -> bool:
    size = max(previous.size, line.size, 1.0)
    if same_page and _wraps_heading(previous, line, column):
        return False
    if previous.box.right < column.right - _SHORT_LINE * size:
        return True  # the previous line stopped short: its paragraph ended
    if line.box.left > column.left + _INDENT * size:
        return True  # an indented first line
    if _LIST_MARK.match(line.text):
        return True  # a list item
    if abs(previous.size - line.size) > _SIZE_CHANGE * size:
        return True  # a heading, or body text after one
    gap = previous.box.bottom - line.box.bottom
    return same_page and column.pitch > 0 and gap > _GAP * column.pitch


@dataclass
class _Paragraph:
    """A paragraph being gathered: its text so far and where each page's part begins."""

    text: str = ""
    pages: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, page)

    def add(self, line: Line, page: int) -> None:
        piece = clean_line(line.text)
        joined = join_wrapped(self.text, piece) if self.text else piece
        if not self.pages or self.pages[-1][1] != page:
            self.pages.append((len(joined) - len(piece), page))
        self.text = joined

    def write(self, builder: TextBuilder) -> None:
        """One line of the canonical text; each page's part of it is located on that page.
        A web page's furniture printed into the PDF (发布时间：…, 当前位置…) is left out."""
        if is_furniture_line(self.text):
            self.text, self.pages = "", []
        if not self.text:
            return
        builder.line(self.text, Locator(page=self.pages[0][1]))
        if len(self.pages) > 1 and clean_line(self.text) == self.text:  # offsets hold
            start = builder.length - len(self.text)
            ends = [offset for offset, _ in self.pages[2:]] + [len(self.text)]
            for (offset, page), end in zip(self.pages[1:], ends, strict=True):
                builder.locate(start + offset, start + end, Locator(page=page))
        self.text, self.pages = "", []


def canonical_text(pages: Sequence[Page]) -> tuple[str, SourceMap]:
    """The document's reading text and its source map (page; table, row and column)."""
    dropped = furniture(pages)
    pages = tables_run_on(pages, dropped)
    builder = TextBuilder()
    body = [
        [
            block
            for block in page.blocks
            if isinstance(block, Line) and (page.number, block) not in dropped
        ]
        for page in pages
    ]
    column = _column_of(body)
    paragraph = _Paragraph()
    previous: Line | None = None
    in_box = False
    for page in pages:
        first_on_page = True
        for block in page.blocks:
            boxed = isinstance(block, Line) and block.boxed
            if boxed != in_box and (page.number, block) not in dropped:
                paragraph.write(builder)
                if in_box:  # a box ends at a double blank line, as the other readers write it
                    builder.blank_lines(2)
                in_box, previous = boxed, None
            if isinstance(block, Table):
                paragraph.write(builder)
                builder.table(
                    block.rows,
                    header_rows=0,  # a PDF marks no header row
                    locator=Locator(page=page.number),
                    row_pages=block.row_pages,
                )
                previous = None
                continue
            if (page.number, block) in dropped:
                continue
            if previous is None or _starts_paragraph(previous, block, column, not first_on_page):
                paragraph.write(builder)
            paragraph.add(block, page.number)
            previous, first_on_page = block, False
    paragraph.write(builder)
    return builder.build()


# --- Tables that run on over pages --------------------------------------------------------

# Column edges of a table's part on the next page lie this close (points) to its first part's:
# a printer keeps a table's columns page to page; a three-line or unruled table's edges, taken
# from the gutters, move with what each page's cells hold, by less than a character.
_RUN_ON_SLACK = 12.0


def tables_run_on(pages: Sequence[Page], dropped: set[tuple[int, Line]]) -> list[Page]:
    """The pages with each table that runs on over page breaks one table, on the page it
    starts: a table ending a page's body, and one opening the next page's body with the same
    columns and a row of figures first (after a header row repeated atop the page, dropped;
    under a `续表` line or the unit set again, dropped too), are one table printed in parts.
    Otherwise its part on the next page is a table with no header, whose figures no column
    names."""
    joined = list(pages)
    # The table ending the body so far: its page, itself, and the unit lines over its start.
    carrier: tuple[int, Table, frozenset[str]] | None = None
    for at, page in enumerate(pages):
        body = [b for b in page.blocks if not (isinstance(b, Line) and (page.number, b) in dropped)]
        marks = _continuation_marks(body, carrier[2] if carrier else None)
        part = body[marks] if len(body) > marks else None
        if carrier is not None and isinstance(part, Table):
            start, table, units = carrier
            whole = _run_on(table, pages[start].number, part, page.number)
            if whole is not None:
                joined[start] = replace(
                    joined[start],
                    blocks=tuple(whole if b is table else b for b in joined[start].blocks),
                )
                gone = body[: marks + 1]
                joined[at] = replace(
                    page, blocks=tuple(b for b in page.blocks if all(b is not g for g in gone))
                )
                carrier, body = (start, whole, units), body[marks + 1 :]
        if body:
            last = body[-1]
            carrier = None
            if isinstance(last, Table) and not last.as_box:  # a box's row carries no table on
                carrier = (at, last, _unit_lines_over(body))
    # A row of figures atop a page that went on no table is a box after all.
    return [replace(page, blocks=tuple(_unboxed(page.blocks))) for page in joined]


def _unboxed(blocks: Sequence[Block]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, Table) and block.as_box:
            yield from block.as_box
        else:
            yield block


def _run_on(first: Table, first_page: int, part: Table, page: int) -> Table | None:
    """`first` carried on by `part`, its part on the next page; None where `part` is a table
    of its own."""
    if len(first.columns) != len(part.columns) or any(
        abs(a - b) > _RUN_ON_SLACK for a, b in zip(first.columns, part.columns, strict=True)
    ):
        return None
    repeated = 0  # header rows the printer repeats atop the page
    # (A header alone at a page's foot may be repeated atop the next page too.)
    while repeated < min(max(len(first.rows) - 1, 1), len(part.rows)) and _texts(
        part.rows[repeated]
    ) == _texts(first.rows[repeated]):
        repeated += 1
    rows = part.rows[repeated:]
    if not rows:
        return None
    # A row the page broke goes on right under the repeated header, or atop the page: its
    # cells' halves, of one row's shape, never both hold a figure (a figure is not broken).
    broken = (
        first.open_below
        and (part.open_above or repeated > 0)
        and _spans(rows[0]) == _spans(first.rows[-1])
        and not any(
            _DIGIT.search(top.text) and _DIGIT.search(bottom.text)
            for top, bottom in zip(first.rows[-1], rows[0], strict=True)
        )
    )
    # A part may open on a group's row (`二、农业`, its other cells empty) over rows of figures.
    grouped = len(rows) > 1 and _is_group_row(rows[0]) and _holds_figures(rows[1])
    if not broken and not grouped and not _holds_figures(rows[0]):
        return None  # a new table's title or header (words, or years alone): its own
    pages = first.row_pages or (first_page,) * len(first.rows)
    if broken:
        # Each cell's lines on the two pages are one cell's.
        mended = tuple(
            replace(top, text=join_wrapped(top.text, bottom.text))
            for top, bottom in zip(first.rows[-1], rows[0], strict=True)
        )
        first, rows = replace(first, rows=(*first.rows[:-1], mended)), rows[1:]
    return replace(
        first,
        rows=first.rows + rows,
        row_pages=pages + (page,) * len(rows),
        open_below=part.open_below,
    )


# A line a printer sets atop a table's part on the next page: `续表`, `续表2`, `续上表`,
# `表2 主要指标（续）`; and the table's unit, `单位：万元`, set again.
_CONTINUED = re.compile(r"^\s*(?:续\s*(?:上\s*)?表|.*[(（]\s*续\s*(?:表|上表)?\s*[)）]\s*$)")
_UNIT_LINE = re.compile(r"^\s*[(（]?\s*(?:计量)?单位\s*[:：]")


def _continuation_marks(body: Sequence[Block], units: frozenset[str] | None) -> int:
    """How many lines open `body` to say a table goes on: `续表` (maybe with the table's
    unit line again), or its unit line again alone; `units` are the unit lines set over the
    table's first part, None where there is no table to go on. A unit line the first part
    was not set under opens a table of its own."""
    if units is None:
        return 0
    count = 0
    for block in body:
        if not isinstance(block, Line):
            break
        unit_line = bool(_UNIT_LINE.match(block.text))
        if not _CONTINUED.match(block.text) and not (unit_line and block.text.strip() in units):
            return 0
        count += 1
    return count


def _unit_lines_over(body: Sequence[Block]) -> frozenset[str]:
    """The unit lines (`单位：亿元`) right above the table ending `body`, maybe under or over
    its caption (`表1 …`): the lines of its own heading, up to any other line."""
    units: list[str] = []
    for block in reversed(body[-1 - _CAPTION_LINES : -1]):
        if not isinstance(block, Line):
            break
        if _UNIT_LINE.match(block.text):
            units.append(block.text.strip())
        elif not _CAPTION.match(block.text):
            break
    return frozenset(units)


_CAPTION_LINES = 3  # lines over a table that may be its caption and unit


def _holds_figures(row: Sequence[GridCell]) -> bool:
    """A row of the body: a figure that is no year (a header of years, `2019 | 2020`, is not)."""
    return any(_FIGURE.fullmatch(c.text) and not BARE_YEAR.fullmatch(c.text) for c in row)


def _is_group_row(row: Sequence[GridCell]) -> bool:
    """A row of a group's name alone in its first cell, the rest empty (or merged into it)."""
    return bool(row) and bool(row[0].text.strip()) and not any(c.text.strip() for c in row[1:])


_DIGIT = re.compile(r"\d")


def _texts(row: Sequence[GridCell]) -> tuple[tuple[str, int], ...]:
    return tuple((cell.text, cell.colspan) for cell in row)


def _spans(row: Sequence[GridCell]) -> tuple[int, ...]:
    return tuple(cell.colspan for cell in row)


# --- Tables from ruling lines -------------------------------------------------------------

# A ruling is a filled or stroked shape at most this thick (points) and at least _RULE_MIN long.
_RULE_THICKNESS = 2.5
_RULE_MIN = 4.0
# Rulings this close (points) are the same grid line, or touch.
_SNAP = 2.0
# A lone horizontal rule at least this long (points) may bound a three-line table.
_BAND_MIN = 100.0
# Glyphs closer than this many type sizes are in one column of an unruled table.
_GUTTER = 0.6


class Glyph(NamedTuple):
    """A character, its box and type size; `box` is None for the end of a printed line."""

    text: str
    box: Box | None
    size: float = 0.0


LINE_END = Glyph("\n", None)


@dataclass(frozen=True)
class _Rule:
    horizontal: bool
    at: float  # y of a horizontal rule, x of a vertical one
    low: float  # where it starts along its length
    high: float

    def covers(self, position: float) -> bool:
        return self.low - _SNAP <= position <= self.high + _SNAP


@dataclass
class _Grid:
    """Grid lines of one ruled table and its cells merged where a rule is missing."""

    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom
    owner: dict[tuple[int, int], tuple[int, int]]  # grid cell -> its merged cell's origin
    ruled_rows: bool = True  # False: rows from the text's lines (a three-line or unruled table)
    open_below: bool = False  # its last row broken by the page's end (see Table)
    open_above: bool = False  # its first row carried on from the page before

    @cached_property
    def box(self) -> Box:
        return Box(self.xs[0], self.ys[-1], self.xs[-1], self.ys[0])

    def cell_at(self, point: tuple[float, float]) -> tuple[int, int] | None:
        if not self.box.contains(point):
            return None
        x, y = point
        # The first row whose lower edge is at or below y (asked once a glyph: bisected).
        row = bisect_left(self._depths, -y, 1, len(self.ys) - 1) - 1
        return self.owner[(row, self.column_at(x))]

    def column_at(self, x: float) -> int:
        """The first column whose right edge is at or right of x (the last, right of them all)."""
        return bisect_left(self.xs, x, 1, len(self.xs) - 1) - 1

    @cached_property
    def _depths(self) -> list[float]:
        return [-y for y in self.ys]  # ascending, for bisect


def _rules(shapes: Sequence[Box]) -> list[_Rule]:
    rules = []
    for shape in shapes:
        width, height = shape.right - shape.left, shape.top - shape.bottom
        if height <= _RULE_THICKNESS and width >= _RULE_MIN:
            rules.append(_Rule(True, (shape.top + shape.bottom) / 2, shape.left, shape.right))
        elif width <= _RULE_THICKNESS and height >= _RULE_MIN:
            rules.append(_Rule(False, (shape.left + shape.right) / 2, shape.bottom, shape.top))
    return rules


def _touch(a: _Rule, b: _Rule) -> bool:
    if a.horizontal == b.horizontal:
        return abs(a.at - b.at) <= _SNAP and a.low <= b.high + _SNAP and b.low <= a.high + _SNAP
    across, along = (a, b) if a.horizontal else (b, a)
    return across.covers(along.at) and along.covers(across.at)


def _clusters(rules: list[_Rule]) -> list[list[_Rule]]:
    """Rules that touch one another, transitively: one table each."""
    parent = list(range(len(rules)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            if _touch(a, rules[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[_Rule]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(find(index), []).append(rule)
    return list(groups.values())


def _snapped(values: Sequence[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _SNAP:
            edges.append(value)
    return edges


def _grid(rules: list[_Rule]) -> _Grid | None:
    xs = _snapped([rule.at for rule in rules if not rule.horizontal])
    ys = _snapped([rule.at for rule in rules if rule.horizontal])[::-1]
    if len(xs) < 3 or len(ys) < 2:
        return None  # fewer than two columns, or one rule across: a frame or a chart's axis
    verticals = [rule for rule in rules if not rule.horizontal]
    horizontals = [rule for rule in rules if rule.horizontal]
    # How far both sides reach past the first and last rules across: a row broken by a page.
    sides = [
        [rule for rule in verticals if abs(rule.at - edge) <= _SNAP] for edge in (xs[0], xs[-1])
    ]
    below = max(min(rule.low for rule in side) for side in sides)
    above = min(max(rule.high for rule in side) for side in sides)
    open_below, open_above = below < ys[-1] - _SNAP, above > ys[0] + _SNAP
    ys = [above, *ys] if open_above else ys
    ys = [*ys, below] if open_below else ys

    def ruled(at: float, position: float, candidates: list[_Rule]) -> bool:
        return any(abs(rule.at - at) <= _SNAP and rule.covers(position) for rule in candidates)

    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for row in range(len(ys) - 1):
        middle_y = (ys[row] + ys[row + 1]) / 2
        for column in range(len(xs) - 1):
            middle_x = (xs[column] + xs[column + 1]) / 2
            origin = (row, column)
            if column and not ruled(xs[column], middle_y, verticals):
                origin = owner[(row, column - 1)]  # no rule on the left: spans from there
            elif row and not ruled(ys[row], middle_x, horizontals):
                origin = owner[(row - 1, column)]  # no rule above: spans from there
            owner[(row, column)] = origin
    return _Grid(xs, ys, owner, open_below=open_below, open_above=open_above)


def find_grids(shapes: Sequence[Box]) -> tuple[list[_Grid], list[Box], list[_Rule]]:
    """The ruled tables drawn by these shapes (thin filled rectangles or stroked lines); the
    frames: rulings with two sides but not the grid of a table (a box of text, or the part of
    one on this page); and the lone horizontal rules (a three-line table's, among others)."""
    grids, frames, bands = [], [], []
    for cluster in _clusters(_rules(shapes)):
        grid = _grid(cluster)
        if grid is not None:
            grids.append(grid)
            continue
        sides = [rule for rule in cluster if not rule.horizontal]
        if len(_snapped([rule.at for rule in sides])) >= 2:
            frames.append(
                Box(
                    min(rule.at for rule in sides),
                    min(rule.low for rule in sides),
                    max(rule.at for rule in sides),
                    max(rule.high for rule in sides),
                )
            )
        elif not sides:
            low, high = min(rule.low for rule in cluster), max(rule.high for rule in cluster)
            if high - low >= _BAND_MIN:
                bands.append(_Rule(True, statistics.fmean(r.at for r in cluster), low, high))
    return grids, frames, bands


def _three_line_regions(bands: Sequence[_Rule]) -> list[Box]:
    """Where horizontal rules of one width stand one above another with nothing across: the
    top and bottom rules of a three-line table (三线表), from the top rule to the bottom."""
    regions = []
    remaining = sorted(bands, key=lambda rule: -rule.at)
    while remaining:
        first = remaining.pop(0)
        same = [
            rule
            for rule in remaining
            if abs(rule.low - first.low) <= 2 * _SNAP and abs(rule.high - first.high) <= 2 * _SNAP
        ]
        if same:
            remaining = [rule for rule in remaining if rule not in same]
            regions.append(Box(first.low, same[-1].at, first.high, first.at))
    return regions


def _aligned_grid(region: Box, glyphs: Sequence[Glyph]) -> _Grid | None:
    """The grid of an unruled table from its text: columns where no glyph of any row falls
    (the gutters) in the rows that have the most cells, rows where the lines are. A run of
    words across a gutter (a title or a group's name over several columns) is one cell over
    the columns it reaches."""
    inside = [
        _set_width(glyph, glyph.box)
        for glyph in glyphs
        if glyph.box is not None and glyph.text.strip() and region.contains(glyph.box.centre)
    ]
    if not inside:
        return None
    size = statistics.median(box.height for box in inside)
    bottoms: list[float] = []  # the lowest glyph bottom of each line, top to bottom
    lines: list[list[Box]] = []
    for box in sorted(inside, key=lambda box: -box.centre[1]):
        if bottoms and box.centre[1] >= bottoms[-1]:
            bottoms[-1] = min(bottoms[-1], box.bottom)
            lines[-1].append(box)
        else:
            bottoms.append(box.bottom)
            lines.append([box])
    # Row edges halfway between the centres of the glyphs either side, not their boxes: the
    # figures of a row set in the middle of a label over two lines overlap the label's second
    # line, and an edge between the boxes put their decimal point (a low glyph) below it.
    centres = [sorted(box.centre[1] for box in line) for line in lines]
    runs = [_runs(line, size) for line in lines]
    # The rows with the most runs say where the gutters are; a line of fewer (a title, a
    # group's name, a header cell over several columns) may run across them.
    full = statistics.median_high(len(found) for found in runs)
    columns = _runs(
        [
            box
            for line, found in zip(lines, runs, strict=True)
            if len(found) >= full
            for box in line
        ],
        size,
    )
    if len(columns) < 2 or len(lines) < 2:
        return None
    others = [run for found in runs if len(found) < full for run in found]
    gutters = (_clear_of(a[1], b[0], others) for a, b in itertools.pairwise(columns))
    xs = [region.left, *gutters, region.right]
    ys = [region.top, *((a[0] + b[-1]) / 2 for a, b in itertools.pairwise(centres)), region.bottom]
    owner = {(r, c): (r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1)}
    grid = _Grid(xs, ys, owner, ruled_rows=False)
    for row, found in enumerate(runs):
        for left, right in found if len(found) < full else ():
            first, last = grid.column_at(left), grid.column_at(right)
            if last > first and all(
                grid.owner[(row, c)] == (row, c) for c in range(first, last + 1)
            ):
                for column in range(first, last + 1):
                    grid.owner[(row, column)] = (row, first)
    return grid


# A printed line of prose is one run of glyphs; a table's row printed without rules is a
# label and two figures or more, runs a gutter apart.
_ROW_RUNS_MIN = 3
_UNRULED_ROWS_MIN = 3
# Lines between rows (a group's name, a header's line) that a table printed without rules may
# hold; more end it.
_BETWEEN_ROWS_MAX = 2


class _PrintedLine(NamedTuple):
    boxes: list[Box]
    spans: list[list[float]]  # [left, right] of each run of glyphs a gutter apart
    figured: bool
    size: float

    @property
    def runs(self) -> int:
        return len(self.spans)


def _printed_lines(glyphs: Sequence[Glyph], skip: Sequence[Box]) -> list[_PrintedLine]:
    """The page's printed lines outside the tables found so far, each with its runs of glyphs
    a gutter apart and whether it holds a figure."""
    lines: list[_PrintedLine] = []
    boxes: list[Box] = []
    text: list[str] = []
    for glyph in [*glyphs, LINE_END]:
        if glyph.box is None:
            if boxes:
                size = statistics.median(box.height for box in boxes)
                figured = re.search(r"\d", "".join(text)) is not None
                lines.append(_PrintedLine(boxes, _runs(boxes, size), figured, size))
            boxes, text = [], []
        elif glyph.text.strip() and not any(area.contains(glyph.box.centre) for area in skip):
            boxes.append(_set_width(glyph, glyph.box))
            text.append(glyph.text)
    return lines


def _unruled_regions(
    glyphs: Sequence[Glyph], grids: Sequence[_Grid], frames: Sequence[Box]
) -> list[Box]:
    """Where a table is printed without rules: three rows or more of a label and figures a
    gutter apart, one under another, with the lines of two runs or more right above them (its
    header) and a few lines between them (a group's name); a table is read from its gutters as
    a three-line table is."""
    lines = _printed_lines(glyphs, [grid.box for grid in grids] + list(frames))
    regions: list[Box] = []
    at = 0
    while at < len(lines):
        if not _is_unruled_row(lines[at]):
            at += 1
            continue
        first = _header_start(lines, at)
        end, rows, between, last = at, 0, 0, at
        while end < len(lines) and between <= _BETWEEN_ROWS_MAX:
            if _is_unruled_row(lines[end]):
                rows, between, last = rows + 1, 0, end
            elif _is_prose(lines[end], lines[at:end]):
                break
            else:
                between += 1  # a group's name, a unit line
            end += 1
        if rows >= _UNRULED_ROWS_MIN:
            boxes = [box for line in lines[first : last + 1] for box in line.boxes]
            regions.append(
                Box(
                    min(box.left for box in boxes) - _SIDE_SLACK,
                    min(box.bottom for box in boxes) - _SIDE_SLACK,
                    max(box.right for box in boxes) + _SIDE_SLACK,
                    max(box.top for box in boxes) + _SIDE_SLACK,
                )
            )
        at = last + 1  # lines[at] is a row: `last` is it or a row after it
    return regions


_SIDE_SLACK = 0.5  # points around an unruled table's glyphs, so each lies inside its region


def _header_start(lines: Sequence[_PrintedLine], at: int) -> int:
    """Where the table whose first row is `lines[at]` starts: at its header's lines (two runs
    or more) right above it, two of any kind and a third holding no figure (a header's names
    wrapped, `企 业`, `单 位 数`, `(个)`); or, where none is right above, at a header of lines
    holding no figure over a group's name or two (`一、综合`, `(一)行政区划`: a short line of one
    run), one of them with as many runs as the row (every column named), where such a header
    is there; at the row otherwise."""
    first = _start_above(
        lines,
        at,
        _HEADER_LINES_MAX,
        lambda taken, line: line.runs >= 2 and (taken < _BETWEEN_ROWS_MAX or not line.figured),
    )
    if first < at:
        return first
    groups = _start_above(
        lines,
        at,
        _BETWEEN_ROWS_MAX,
        lambda _, line: line.runs == 1 and not _is_prose(line, [lines[at]]),
    )
    first = _start_above(
        lines, groups, _BETWEEN_ROWS_MAX, lambda _, line: line.runs >= 2 and not line.figured
    )
    header = lines[first:groups]
    return first if any(line.runs >= lines[at].runs for line in header) else at


def _start_above(
    lines: Sequence[_PrintedLine],
    at: int,
    most: int,
    takes: Callable[[int, _PrintedLine], bool],
) -> int:
    """How far up from `lines[at]` the lines right above it run that `takes` takes (given how
    many are taken already), `most` of them at most: the first one's index, `at` where none."""
    first = at
    while first > 0 and at - first < most and takes(at - first, lines[first - 1]):
        first -= 1
    return first


_HEADER_LINES_MAX = 3  # a header's names wrapped over lines (`企 业`, `单 位 数`, `(个)`)


def _is_prose(line: _PrintedLine, above: Sequence[_PrintedLine]) -> bool:
    """Whether a line between rows is a line of prose, one run of words across more than half
    the rows' width: the table ends there (a group's name between rows is short)."""
    rows = [row for row in above if _is_unruled_row(row)]
    if not rows or line.runs != 1:
        return False
    opens = min(row.spans[0][0] for row in rows)
    width = max(row.spans[-1][1] for row in rows) - opens
    return line.spans[0][1] - line.spans[0][0] > width / 2


def _is_unruled_row(line: _PrintedLine) -> bool:
    return line.runs >= _ROW_RUNS_MIN and line.figured


# Full-width punctuation inks a corner of its em: the blank rest is no gutter
# (`油菜(瓢儿白、上海青)` is one cell).
_FULL_WIDTH_MARKS = frozenset("、，。；：！？）」』】》〉”’")


def _set_width(glyph: Glyph, box: Box) -> Box:
    """A glyph's box as wide as the type it is set in where its ink fills only part of it."""
    if glyph.text in _FULL_WIDTH_MARKS:
        return Box(
            box.left, box.bottom, max(box.right, box.left + (glyph.size or box.height)), box.top
        )
    return box


def _clear_of(low: float, high: float, runs: Sequence[list[float]]) -> float:
    """Where between `low` and `high` (a gutter of the fullest rows) a column edge crosses no
    run of the other lines, in the middle of the widest such stretch (a header wider than the
    figures under it, `計量單位` then `2007年`); the gutter's middle where none is clear."""
    edges = sorted(
        (max(run[0], low), min(run[1], high)) for run in runs if run[1] > low and run[0] < high
    )
    free: list[tuple[float, float]] = []
    at = low
    for left, right in edges:
        if left > at:
            free.append((at, left))
        at = max(at, right)
    if high > at:
        free.append((at, high))
    if not free:
        return (low + high) / 2
    left, right = max(free, key=lambda stretch: stretch[1] - stretch[0])
    return (left + right) / 2


def _runs(boxes: Sequence[Box], size: float) -> list[list[float]]:
    """[left, right] of each run of glyphs less than a gutter apart, left to right."""
    runs: list[list[float]] = []
    for box in sorted(boxes, key=lambda box: box.left):
        if runs and box.left - runs[-1][1] < _GUTTER * size:
            runs[-1][1] = max(runs[-1][1], box.right)
        else:
            runs.append([box.left, box.right])
    return runs


def _line_of(glyphs: Sequence[Glyph]) -> Line | None:
    text = "".join(glyph.text for glyph in glyphs).strip()
    inked = [glyph for glyph in glyphs if glyph.box is not None and glyph.text.strip()]
    if not text or not inked:
        return None
    boxes = [glyph.box for glyph in inked if glyph.box is not None]
    box = Box(
        min(b.left for b in boxes),
        min(b.bottom for b in boxes),
        max(b.right for b in boxes),
        max(b.top for b in boxes),
    )
    return Line(text, box, statistics.median(glyph.size or box.height for glyph in inked))


def _table_of(grid: _Grid, cells: dict[tuple[int, int], list[list[str]]]) -> Table:
    extent: dict[tuple[int, int], tuple[int, int]] = {}  # origin -> (last row, last column)
    for (row, column), origin in grid.owner.items():
        last_row, last_column = extent.get(origin, origin)
        extent[origin] = (max(last_row, row), max(last_column, column))
    rows: list[tuple[GridCell, ...]] = []
    for row in range(len(grid.ys) - 1):
        placed = []
        for column in range(len(grid.xs) - 1):
            if grid.owner[(row, column)] != (row, column):
                continue  # covered by a cell spanning from above or from the left
            text = ""
            for line in cells.get((row, column), []):
                text = join_wrapped(text, "".join(line).strip())
            last_row, last_column = extent[(row, column)]
            placed.append(
                GridCell(
                    re.sub(r"\s+", " ", text).strip(),
                    rowspan=last_row - row + 1,
                    colspan=last_column - column + 1,
                )
            )
        rows.append(tuple(placed))
    rows = rows if grid.ruled_rows else _centred_rows_joined(rows)
    return Table(
        tuple(rows),
        grid.box,
        columns=tuple(grid.xs),
        open_below=grid.open_below,
        open_above=grid.open_above,
    )


def _centred_rows_joined(rows: Sequence[tuple[GridCell, ...]]) -> list[tuple[GridCell, ...]]:
    """Rows from lines, with a row of figures and no label between two lines of words alone
    made one row: a label wrapped over two lines, its figures set in the middle of them
    (`期末参加…人数(万` / `54.93 97.24` / `人)`), each cell's words joined top to bottom; and a
    line of words with no label joined to a line of words above it, below the header."""
    joined: list[tuple[GridCell, ...]] = []
    at = 0
    while at < len(rows):
        row = rows[at]
        above = joined[-1] if joined else None
        below = rows[at + 1] if at + 1 < len(rows) else None
        if (
            above is not None
            and below is not None
            and row
            and not row[0].text
            and _has_figure(row)
            and not _has_figure(above)
            and not _has_figure(below)
            and all(len(line) == len(row) for line in (above, below))
            and all(cell.colspan == 1 for line in (above, row, below) for cell in line)
        ):
            joined[-1] = tuple(
                GridCell(join_wrapped(join_wrapped(a.text, b.text), c.text))
                for a, b, c in zip(above, row, below, strict=True)
            )
            at += 2
            continue
        if (
            above is not None
            and any(map(_has_figure, joined))
            and row
            and not row[0].text
            and not _has_figure(row)
            and not _has_figure(above)
            and len(above) == len(row)
            and all(cell.colspan == 1 for line in (above, row) for cell in line)
        ):
            # Below the first row of figures, words alone with no label go on the words of
            # the row above: a cell wrapped onto a line of its own (`Pension Insurance for
            # Staff and Workers of Urban` / `Enterprises`).
            joined[-1] = tuple(
                GridCell(join_wrapped(a.text, b.text)) for a, b in zip(above, row, strict=True)
            )
            at += 1
            continue
        if above is not None and _wraps_onto(above, row):
            # Below a row of figures, English under its English alone, no label and no figure
            # (`persons)` under `Number of Employed Persons (10000`): a bilingual yearbook's
            # translation wrapped onto a line of its own.
            joined[-1] = tuple(
                GridCell(join_wrapped(a.text, b.text)) for a, b in zip(above, row, strict=True)
            )
            at += 1
            continue
        joined.append(row)
        at += 1
    return joined


def _wraps_onto(above: Sequence[GridCell], row: Sequence[GridCell]) -> bool:
    """Whether `row` is the English of `above`'s cells wrapped onto the next line: `above` a
    row of figures, `row` no label, no figure and no Chinese, each of its words under words of
    `above`. Chinese words there are a sub-row of the label above whose figures are blank
    (`|出生人口|人||` under `甲县|常住人口|万人|50.1`), no wrap."""
    filled = [at for at, cell in enumerate(row) if cell.text]
    return (
        _has_figure(above)
        and bool(filled)
        and not row[0].text
        and not _has_figure(row)
        and len(above) == len(row)
        and all(cell.colspan == 1 for line in (above, row) for cell in line)
        and all(above[at].text and not _FIGURE.fullmatch(above[at].text) for at in filled)
        and all(
            HAS_LATIN.search(row[at].text) and not HAS_CJK.search(row[at].text) for at in filled
        )
    )


def _has_figure(row: Sequence[GridCell]) -> bool:
    return any(_FIGURE.fullmatch(cell.text) for cell in row)


_FIGURE = re.compile(r"[-−+]?\d[\d,.]*%?")


def _cell_of(grids: Sequence[_Grid], box: Box) -> tuple[int, tuple[int, int]] | None:
    """(grid index, cell) holding the centre of `box`, or None in prose."""
    centre = box.centre
    for index, grid in enumerate(grids):
        cell = grid.cell_at(centre)
        if cell is not None:
            return index, cell
    return None


def _heads_columns(grid: _Grid, glyphs: Sequence[Glyph]) -> bool:
    """Whether a ruled grid of one row may be a header (a table's, whose rows the next page
    may carry on): no figure in its words but years. Otherwise, unless it opens its page's
    body, it is a box (`专栏1 | …`, `地区生产总值 | 983.5亿元`), read as lines of prose."""
    words = "".join(glyph.text for glyph in glyphs if glyph.box and grid.cell_at(glyph.box.centre))
    return not _DIGIT.search(BARE_YEAR.sub("", words))


def _opens_body(grid: _Grid, glyphs: Sequence[Glyph], height: float) -> bool:
    """Whether a grid stands above every line of the page's body (its running header aside):
    a row of figures there is the last row of a table the page before carries on."""
    below_header = height * (1 - _MARGIN_ZONE)
    return not any(
        glyph.box and grid.box.top < glyph.box.centre[1] < below_header for glyph in glyphs
    )


def build_page(number: int, height: float, glyphs: Sequence[Glyph], shapes: Sequence[Box]) -> Page:
    """A page from its glyphs in content order (LINE_END between printed lines) and the
    shapes drawn on it: prose lines, and ruled tables where the content first reaches them."""
    grids, frames, bands = find_grids(shapes)
    lone_rows = [grid for grid in grids if len(grid.ys) == 2 and not _heads_columns(grid, glyphs)]
    carried = [grid for grid in lone_rows if _opens_body(grid, glyphs, height)]
    grids = [grid for grid in grids if grid not in lone_rows or grid in carried]
    frames += [grid.box for grid in lone_rows if grid not in carried]
    for region in _three_line_regions(bands):
        grid = _aligned_grid(region, glyphs)
        if grid is not None:
            grids.append(grid)
    for region in _unruled_regions(glyphs, grids, frames):
        grid = _aligned_grid(region, glyphs)
        if grid is not None:
            grids.append(grid)
    blocks: list[Block | int] = []  # an int is the index of a grid, placed where first seen
    cells: list[dict[tuple[int, int], list[list[str]]]] = [{} for _ in grids]
    current: list[Glyph] = []
    line_number = 0
    last_line_of: dict[tuple[int, tuple[int, int]], int] = {}

    def flush() -> None:
        line = _line_of(current)
        if line is not None:
            if any(frame.contains(line.box.centre) for frame in frames):
                line = replace(line, boxed=True)
            blocks.append(line)
        current.clear()

    for glyph in glyphs:
        if glyph.box is None:
            flush()
            line_number += 1
            continue
        found = _cell_of(grids, glyph.box) if grids else None
        if found is None:
            current.append(glyph)
            continue
        index, cell = found
        if index not in blocks:
            flush()
            blocks.append(index)
        lines = cells[index].setdefault(cell, [])
        if last_line_of.get((index, cell)) != line_number:
            lines.append([])
            last_line_of[(index, cell)] = line_number
        lines[-1].append(glyph.text)
    flush()

    def placed(index: int) -> Table:
        table = _table_of(grids[index], cells[index])
        carried_row = grids[index] in carried
        return replace(table, as_box=_box_lines(grids[index], glyphs)) if carried_row else table

    return Page(
        number,
        height,
        tuple(placed(block) if isinstance(block, int) else block for block in blocks),
    )


def _box_lines(grid: _Grid, glyphs: Sequence[Glyph]) -> tuple[Line, ...]:
    """The printed lines inside a grid, as lines of a box."""
    lines: list[list[Glyph]] = [[]]
    for glyph in glyphs:
        if glyph.box is None or not grid.box.contains(glyph.box.centre):
            if lines[-1]:
                lines.append([])
            continue
        lines[-1].append(glyph)
    found = (_line_of(line) for line in lines if line)
    return tuple(replace(line, boxed=True) for line in found if line is not None)
