"""Finding bilingual statistical-yearbook tables: a row per line, the row's Chinese label, its
English and its numbers, all separated by spaces; the columns' years in a header above.

    1998 2003 2008 指  数(2008为以下各年) 平均增长速度
    Index (2008 as percentage of the following years) Average Growth Rate
    1998 2003 1999-2003 2004-2008
    农业 Agriculture
        耕 地(万亩) Cultivated Land (10 000 mu)
    水田面积 Paddy Fields   410.5 398.2 385.0 93.8 96.7 -0.8 -0.6
    #早稻 Early Rice   120.4 118.9   98.8   -0.3

The same family comes with the figures one space apart, a header of years alone after a word
or two of English, numbered labels and the English glued to its unit:

                    item 1952 1978 … 2005
    1.地区生产总值(亿元)     gross domestic product100 million yuan 12.73 66.37 … 6568.93
        第一产业(亿元)       primary industry100 million yuan 8.39 23.93 … 831.08
      总产出(亿元)           total output100 million yuan 18.43 138.83 … 17004.31
    年中人口估计(千人)  Mid-year Estimates Population (1000 persons)   409 434  438p

A header line of years gives the level columns; the headings after them (an index against
base years, an average growth over spans of years) take the years and spans of the next header
line, in order. An empty cell leaves no mark: a row with fewer numbers than columns is a series
that begins late, and its numbers go to the columns it has the figures for (an index needs its
base year's level, a growth over 1999-2003 the level of 1998); where that does not fit, the
wider gaps between its numbers split them into the column groups, and a row that fits neither
way is left out. A short row of figures one space apart whose line runs on in spaces after
them ends early instead: its figures are the first years' (the latest is not out yet). A mark
after a figure (`438p` provisional, `1.7r` revised) is no part of it. A line of words alone is
a caption: a unit line (`人口(万人)`) or a group (`农业 Agriculture`); a row that writes its
own unit (`生产总值(亿元)`) is the caption of the sub-items under it (indented deeper than its
words, a number such as `1.` not counted, or marked `#`), which write no unit or the same one.

Years may each head the same group of cells instead, the cells a line each below them and
each closed by its unit (`地 区 2017 2018` / `总人口` / `(万人)` / `城镇人口` / `比重(%)` …): a
column for each cell in each year. A row whose label the page lost (indented figures alone, one
for every column) stays in the grid under the row above it; an English caption naming a unit
after a row's translation (`Consumption of Chemical Fertilizer(10000 tons)`) is the caption of
the rows below it, its Chinese lost.

A header may name its columns instead of giving years (`Item 绝对数(元) 增长率(%)`), maybe
wrapped a piece a line where the page's columns were narrow (`里名 面积` / `(km²)` / `邻数 户数
男性` / `人数` …, read only where every name says its unit), maybe one name short where its
indented first column lost its name, maybe opening on `单 位` over a column of units that ends
each row's label (`油菜  元/公斤 4.48 3.60 24.44`) and closing on `备 注` over a note's words after
a row's figures; `其中:` marks a sub-item. A header of years may name a column of units before
them too (`项 目 单 位 1990年 …`).

The English is not part of a label. Most rows must have it or write their figures one space
apart (a table without English aligned in columns of spaces is the row reader's), a header line
must hold nothing but years, spans of years and words, and one row must fill every column:
prose, English or Chinese, is not read as such a grid. This module finds where a grid is, as
spans of the text; `llmx.tables` turns each captioned part into a `Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from llmx.folding import fold
from llmx.lines import (
    BARE_YEAR,
    BLANK_CELL_SPACES,
    CJK,
    HAS_CJK,
    SPACED_CELL,
    STUB_HEADING,
    YEAR_SPAN,
    Span,
    breaks_as_spaces,
    cell_span,
    cells_left_out,
    display_width,
    grids_in,
)
from llmx.quantities import split_header_unit
from llmx.tables.headers import (
    NOTES_HEADER,
    UNIT_COLUMN,
    UNIT_LINE,
    counted_unit_in,
    header_unit,
    is_rate_header,
)
from llmx.vocabulary import from_english, is_fact_unit

_TOKEN = re.compile(r"\S+")
# A header token: a bracket stays whole across its spaces (`(2008 as percentage of …)`).
_HEADER_TOKEN = re.compile(r"(?:[^\s(（]|[(（][^()（）]*[)）]?)+")
# A span of years with its unit after the years (`2014-2023(%)`): the change over the span.
_UNIT_AFTER_SPAN = re.compile(rf"({YEAR_SPAN.pattern})\s*([(（][^()（）]{{1,6}}[)）])")
# An item's number in brackets, in digits or Chinese, maybe with a stop: (2), (二), (1).
_ITEM_NUMBER = r"[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）][.、．]?"
# The Chinese label: a `#` for a sub-item, maybe a number (`1.`, `(2)`), a year (`1996年…`) or an
# age band (`0-14岁人口`) before its first Chinese letter, then words that may be spaced out
# (`耕  地`) and end in a bracketed unit; no Latin letter.
_CHINESE_LABEL = re.compile(
    rf"[#＃]?[ \u3000]*(?:(?:\d+[ \u3000]*[-~～][ \u3000]*\d+[ \u3000]*|\d+[.、．]?"
    rf"|\d{{1,3}}[ \u3000]+|{_ITEM_NUMBER}[ \u3000]?)(?=[{CJK}]))?[{CJK}]"
    # Spaces then a bracket go on only into Chinese (`劳动力人口  (万人)`), not into the English
    # (`薪资(新台币元)   (nt/month.person)`).
    r"(?:[^A-Za-z\s]|[ \u3000]+(?=[^A-Za-z\s(（]|[(（][^A-Za-z]))*"
)
# The number a label opens with (`1.地区生产总值`): its words, not the number, are indented.
_ENUMERATION = re.compile(rf"\d{{1,2}}[.、．]|{_ITEM_NUMBER}")
# A rank or serial a space before the label (`1 唐山`).
_RANK_LEAD = re.compile(rf"\d{{1,3}}[ \u3000]+(?=[#＃{CJK}])")
_ENGLISH_LABEL = re.compile(r"\(?[A-Za-z][A-Za-z0-9 ,.'’&()\-/:%+=]*")
# A line of English alone inside a grid: a label's translation, maybe its unit in brackets
# (`(100 million yuan)`).
_ENGLISH_LINE = re.compile(r"(?=.*[A-Za-z])[(（]?[A-Za-z0-9][A-Za-z0-9 ,.'’&()（）\-/:%+=]*")
_SENTENCE = re.compile(r"[。，；：:;！？!?]")
_TRAILING_BRACKET = re.compile(r"[(（]([^()（）]*)[)）]\s*$")  # its words: a unit, maybe
_INDEX_HEADING = re.compile(r"指数")
_GROWTH_HEADING = re.compile(r"增长|增速|速度")

_LABEL_MAX = 30  # characters of a Chinese label
_ENGLISH_MAX = 90
_HEADER_LINES = 8  # lines from the first header line to the first row
_HEADER_LINES_MAX = 16  # where every line below the years is a heading a cell a line
_QUIET_MAX = 4  # lines in a row without figures (captions, blank, English) inside a grid
_ROWS_MIN = 2
_GROUPS_MIN = 2
# `2010 over 2009(%)`: a column comparing two years, in a header of years.
_COMPARED = re.compile(r"((?:19|20)\d{2})\s+over\s+((?:19|20)\d{2})(?:\s*[(（]%[)）])?")
_YEARS_MIN = 2


@dataclass(frozen=True)
class YearbookColumn:
    heading: str  # the heading over it, its spaces taken out; "" for a plain year
    years: str  # its own header: a year (`1998`) or a span of years (`1999-2003`)

    @property
    def is_span(self) -> bool:
        return "-" in self.years

    @property
    def is_index(self) -> bool:
        """A year under an index heading: the base year the index compares with."""
        return not self.is_span and bool(_INDEX_HEADING.search(self.heading))

    def needs(self) -> int:
        """The earliest year whose level a figure of this column is worked out from: an
        average growth over 1999-2003 grows from 1998's level."""
        first = int(self.years[:4])
        return first - 1 if self.is_span and _GROWTH_HEADING.search(self.heading) else first


@dataclass(frozen=True)
class YearbookRow:
    label: Span  # the Chinese label, with its `#` mark
    cells: tuple[Span | None, ...]  # one per column; None where the row has no figure


@dataclass(frozen=True)
class YearbookPart:
    """Rows under one caption, and the span of the grid they take (parts tile the grid)."""

    start: int
    end: int
    caption: Span | None  # the Chinese words of the caption line, or of the row it sits under
    rows: tuple[YearbookRow, ...]


@dataclass(frozen=True)
class YearbookGrid:
    start: int
    end: int
    columns: tuple[YearbookColumn, ...]
    parts: tuple[YearbookPart, ...]
    # `项 目 单 位 1990年 …`: a label ends in its row's unit (`诊疗人次数 万人次`), if it has one.
    unit_column: bool = False


@dataclass(frozen=True)
class _Body:
    """A line of a grid's body: a row of figures, or a caption when it has none."""

    start: int  # of the line
    end: int
    indent: int
    marked: bool  # `#`: a sub-item
    label: Span
    bilingual: bool
    values: tuple[Span, ...]
    gaps: tuple[int, ...]  # the spaces before each value after the first
    trailing: int  # the spaces after the last value, to the line's end
    width: int  # of the whole line as shown, its trailing spaces too (a wide letter is two)

    @property
    def lead(self) -> int:
        """The spaces between the label and the first value."""
        return self.values[0][0] - self.label[1]


def find_yearbooks(text: str) -> list[YearbookGrid]:
    """Every yearbook grid of `text`, in order."""
    return grids_in(text, _grid_at)


# --- The header -------------------------------------------------------------------------------


def _header_tokens(line: str) -> list[tuple[str, str]] | None:
    """A header line's years, spans of years and Chinese headings, as (kind, words); None if
    it holds any other number. English words are left out; a heading spaced out letter by
    letter (`指  数`) is one heading."""
    tokens: list[tuple[str, str]] = []
    for match in _HEADER_TOKEN.finditer(line):
        word = match.group()
        if YEAR_SPAN.fullmatch(word):
            first, last = YEAR_SPAN.fullmatch(word).groups()  # type: ignore[union-attr]
            tokens.append(("span", f"{first}-{last}"))
        elif _UNIT_AFTER_SPAN.fullmatch(word):
            tokens.append(("heading", word))
        elif BARE_YEAR.fullmatch(word):
            tokens.append(("year", word[:4]))
        elif HAS_CJK.search(word):
            if tokens and tokens[-1][0] == "heading" and len(tokens[-1][1]) == 1:
                tokens[-1] = ("heading", tokens[-1][1] + word)
            else:
                tokens.append(("heading", word))
        elif re.search(r"[A-Za-z]", word) or not re.search(r"\d", word):
            continue
        else:
            return None
    return tokens


def _years_of(tokens: Sequence[tuple[str, str]]) -> int:
    return sum(1 for kind, _ in tokens if kind in ("year", "span"))


def _ordered(years: Sequence[str]) -> bool:
    """Years in order, oldest or newest first (`2018 2017`: this year's then last year's)."""
    return list(years) in (sorted(set(years)), sorted(set(years), reverse=True))


def _heading_column(heading: str) -> YearbookColumn:
    """A heading after the years: a column of its own, over the span of years it names."""
    spanned = _UNIT_AFTER_SPAN.fullmatch(heading)
    if spanned is None:
        return YearbookColumn(_spaceless(heading), "")
    first, last, unit = spanned.group(2, 3, 4)
    return YearbookColumn(unit, f"{first}-{last}")


def _columns(
    first: Sequence[tuple[str, str]],
    between: Sequence[tuple[str, str]],
    second: Sequence[tuple[str, str]] | None,
) -> tuple[YearbookColumn, ...] | None:
    """The columns a header gives: the years of its first line (after any words heading the
    labels), then each heading after them over its share of the second line's years and spans
    (runs of years and runs of spans, in order), or alone where there is no second line."""
    kinds = [kind for kind, _ in first]
    if "year" not in kinds:
        return None
    lead = kinds.index("year")
    years = [word for kind, word in first[lead:] if kind == "year"]
    after = first[lead + len(years) :]
    if kinds[lead : lead + len(years)] != ["year"] * len(years) or len(years) < _YEARS_MIN:
        return None
    if any(kind != "heading" for kind, _ in after) or not _ordered(years):
        return None
    headings = [word for _, word in after]
    if not headings and second is not None:  # headings on lines of their own above the second
        headings = [word for kind, word in between if kind == "heading"]
    columns = [YearbookColumn("", year) for year in years]
    if second is None:
        return (*columns, *map(_heading_column, headings))
    if not headings or any(kind == "heading" for kind, _ in second):
        return None
    runs: list[list[str]] = []
    previous = ""
    for kind, word in second:
        if kind != previous:
            runs.append([])
        runs[-1].append(word)
        previous = kind
    if len(headings) == 1:
        runs = [[word for run in runs for word in run]]
    if len(runs) != len(headings):
        return None
    for heading, run in zip(headings, runs, strict=True):
        columns += [YearbookColumn(_spaceless(heading), years) for years in run]
    return tuple(columns)


def _spaceless(words: str) -> str:
    return re.sub(r"\s+", "", words)


# --- The body ---------------------------------------------------------------------------------


def _body_line(start: int, line: str) -> _Body | None:
    """A line that opens with a Chinese label (after its indent), maybe its English, then
    maybe figures to the end of the line."""
    bare = line.rstrip()
    tokens = list(_TOKEN.finditer(bare))
    noted = _noted(tokens)
    if noted:
        # `1、蔬菜(批发) 元/公斤 3.22 2.86 12.59 生活必需品   监测单位`: a notes column's words
        # after the row's figures are no part of them.
        tokens = tokens[: len(tokens) - noted]
        bare = bare[: tokens[-1].end()]
    count = len(tokens)
    while count and SPACED_CELL.fullmatch(tokens[count - 1].group()):
        count -= 1
    if not count:
        return None
    values = tokens[count:]
    words = bare[: tokens[count - 1].end()]
    indent = len(words) - len(words.lstrip())
    of_which = _OF_WHICH.match(words, indent)  # 其中:圆白菜, a sub-item
    chinese = _CHINESE_LABEL.match(words, of_which.end() if of_which else indent)
    if (
        chinese is None
        and indent
        and len(values) >= _YEARS_MIN
        and _ENGLISH_LABEL.fullmatch(words.strip())
    ):
        # A sub-item whose Chinese the page lost (`    Urban 582.24 685.96 …`): its English
        # stands in, as a labeller reads it.
        label, english = words.strip(), ""
    elif chinese is None:
        return None
    else:
        label = chinese.group().rstrip()
        english = words[chinese.end() :].strip()
        indent = chinese.start()
    ranked = _RANK_LEAD.match(label)
    if ranked:
        # `1 唐山 4837.7 …` under `排名 城市 …`: the rank is no part of the label.
        label, indent = label[ranked.end() :], indent + ranked.end()
    numbered = _ENUMERATION.match(label)
    if (
        len(label) > _LABEL_MAX
        or _SENTENCE.search(label)
        or (english and not _ENGLISH_LABEL.fullmatch(english))
        or len(english) > _ENGLISH_MAX
    ):
        return None
    return _Body(
        start,
        start + len(bare),
        indent + (numbered.end() if numbered else 0),
        label[0] in "#＃" or of_which is not None,
        (start + indent, start + indent + len(label)),
        bool(english) or chinese is None,
        *_figures(start, line, values),
        display_width(line),
    )


def _noted(tokens: Sequence[re.Match[str]]) -> int:
    """How many words of Chinese close a row after its figures (a notes column's), at most
    two, where two or more figures stand before them; 0 for a row that closes on figures."""
    for count in (1, 2):
        if len(tokens) <= count + _YEARS_MIN:
            return 0
        if not all(_NOTE_WORD.fullmatch(token.group()) for token in tokens[-count:]):
            return 0
        if all(SPACED_CELL.fullmatch(token.group()) for token in tokens[-count - 2 : -count]):
            return count
    return 0


_NOTE_WORD = re.compile(rf"[{CJK}]{{2,12}}")
_OF_WHICH = re.compile(r"其中[:：]\s*")


def _own_unit(text: str, label: Span) -> bool:
    """A label that writes its unit (`生产总值(亿元)`): the caption of the sub-items below."""
    found = _unit_of(text, label)
    return found is not None and is_fact_unit(found[0])


def _unit_of(text: str, label: Span) -> tuple[str, float] | None:
    """The unit in brackets at the end of a label, with its magnitude (亿元: 元, 1e8)."""
    words = text[label[0] : label[1]]
    return split_header_unit(words) if _TRAILING_BRACKET.search(words) else None


def _placed(
    columns: Sequence[YearbookColumn], body: _Body, padded: bool, spaced_blanks: bool
) -> tuple[Span | None, ...] | None:
    """A row's figures under their columns; None if they cannot be placed. `padded`: every
    line of the grid is padded with spaces to one width; `spaced_blanks`: the grid writes an
    empty cell as a space of its own (see `_writes_blanks`)."""
    values = body.values
    if len(values) == len(columns):
        return tuple(values)
    blanks = _with_blanks(columns, body) if spaced_blanks and not padded else None
    if blanks is not None:
        return blanks
    if not padded and _ends_early(columns, body):
        return (*values, *[None] * (len(columns) - len(values)))
    late = _begun_late(columns, len(values))
    if late is not None:
        placed: list[Span | None] = [None] * len(columns)
        for index, value in zip(late, values, strict=True):
            placed[index] = value
        return tuple(placed)
    return _by_gaps(columns, body)


def _with_blanks(columns: Sequence[YearbookColumn], body: _Body) -> tuple[Span | None, ...] | None:
    """A row's figures placed by the spaces around them, where an empty cell is a space of its
    own and each cell a space apart: three spaces before a figure leave one cell out before it
    (`4.外省(区、市)调入量 10831.6 10831.6       533.3`: the first two columns and the last of
    six), the cells after the last figure empty. None where an even gap says nothing so, or
    where the row's spaces say nothing of its blanks (one space apart, none after)."""
    gaps = (body.lead, *body.gaps)
    left_out = cells_left_out(gaps)
    if left_out is None or (not any(left_out) and body.trailing < BLANK_CELL_SPACES):
        return None
    placed: list[Span | None] = []
    for missing, value in zip(left_out, body.values, strict=True):
        placed += [None] * missing
        placed.append(value)
    if len(placed) > len(columns):
        return None
    return (*placed, *[None] * (len(columns) - len(placed)))


def _writes_blanks(bodies: Sequence[_Body], columns: Sequence[YearbookColumn]) -> bool:
    """Whether a grid writes an empty cell as a space of its own: Chinese rows alone, the full
    rows a space apart from label to last figure with no spaces after it (a page padding
    every line, or ending every line in spaces, says nothing by them), and some short row's
    line running on in the spaces of its empty cells (`2.一次能源生产量 10021.6 10021.6      `)."""
    full = [body for body in bodies if len(body.values) == len(columns)]
    return (
        bool(full)
        and not any(body.bilingual for body in bodies)
        and all(
            body.lead == 1
            and all(gap == 1 for gap in body.gaps)
            and body.trailing < BLANK_CELL_SPACES
            for body in full
        )
        and any(
            body.trailing >= BLANK_CELL_SPACES for body in bodies if len(body.values) < len(columns)
        )
    )


def _ends_early(columns: Sequence[YearbookColumn], body: _Body) -> bool:
    """A short row whose figures stand one space apart and whose line runs on in spaces where
    its last cells would be (`3.3 -2.9   `, under years whose latest figure is not out yet):
    its figures are the first columns' (levels by year only). A page that pads every line to
    one width says nothing so."""
    return (
        body.trailing > 1
        and all(gap == 1 for gap in body.gaps)
        and not any(column.heading for column in columns)
    )


def _begun_late(columns: Sequence[YearbookColumn], count: int) -> list[int] | None:
    """The columns of a series that begins late and has `count` figures: the last levels, and
    the indices and growths worked out from the years it has."""
    levels = [column.years for column in columns if not column.heading]
    for first in levels:
        kept = [
            index
            for index, column in enumerate(columns)
            if column.years and column.needs() >= int(first)
        ]
        kept += [index for index, column in enumerate(columns) if not column.years]
        if len(kept) == count:
            return sorted(kept)
    return None


def _by_gaps(columns: Sequence[YearbookColumn], body: _Body) -> tuple[Span | None, ...] | None:
    """A row's figures split by its widest gaps into the column groups (the levels, then each
    heading's columns), each run to the right of its group."""
    if not body.gaps:
        return None
    narrow = min(body.gaps)
    runs: list[list[Span]] = [[body.values[0]]]
    for gap, value in zip(body.gaps, body.values[1:], strict=True):
        if gap > narrow:
            runs.append([])
        runs[-1].append(value)
    groups: list[list[int]] = []
    for index, column in enumerate(columns):
        if not groups or columns[groups[-1][-1]].heading != column.heading:
            groups.append([])
        groups[-1].append(index)
    if len(runs) != len(groups) or any(len(r) > len(g) for r, g in zip(runs, groups, strict=True)):
        return None
    placed: list[Span | None] = [None] * len(columns)
    for run, group in zip(runs, groups, strict=True):
        for index, value in zip(group[len(group) - len(run) :], run, strict=True):
            placed[index] = value
    return tuple(placed)


# --- A grid -----------------------------------------------------------------------------------


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[YearbookGrid, int] | None:
    """The grid whose header's first line of years is line `index`, and the line after it."""
    if "\t" in lines[index][1]:
        return None  # cells a tab apart are a tab table's (llmx.tables.rowtables), not a sheet's
    grouped = _grouped_header(lines, index)
    if grouped is not None:
        return _body(text, lines, grouped[0], index + 1, grouped[1])
    first = _header_tokens(lines[index][1])
    # A unit line (`单位: 亿元     (100 million yuan)`) names no columns: the header is below.
    unit_line = UNIT_LINE.match(fold(lines[index][1]).strip()) is not None
    named = _named_columns(first) if first and not _years_of(first) and not unit_line else None
    if named is not None and _rows_follow(lines, index, len(named)):
        found = _body(text, lines, index, index + 1, named)
        if found is None or not _units_first(first or [], found[0], text):
            return found
        return replace(found[0], unit_column=True), found[1]
    wrapped = _wrapped_names(lines, index) if first and not _years_of(first) else None
    if wrapped is not None:
        return _body(text, lines, index, wrapped[1], wrapped[0])
    stacked = _stacked_names(lines, index) if first and not _years_of(first) else None
    if stacked is not None:
        return _body(text, lines, index, stacked[1], stacked[0], aligned=True)
    if named is not None and _unnamed_first(lines[index][1], named, lines, index):
        # `          同期对比% 本月止累计 同期累计对比%` over rows of four figures: the
        # header lost the first column's name (本月), indented where it stood.
        return _body(text, lines, index, index + 1, (YearbookColumn("", ""), *named))
    # Only under a labels' heading (地区, 指标): a group's letter-spaced name (`間 接 稅`)
    # reads as headings too.
    headed = bool(first and STUB_HEADING.match(_spaceless(first[0][1])))
    spanned = _spanned_columns(text, lines, index, named) if named is not None and headed else None
    if spanned is not None:
        return _body(text, lines, index, spanned[1], spanned[0])
    if not first or _years_of(first) < _YEARS_MIN:
        return None
    between: list[tuple[str, str]] = []
    second: list[tuple[str, str]] | None = None
    cells: list[str] | None = []  # the header's lines below the years, while all are headings
    body_start = cells_end = index + 1
    for position in range(index + 1, min(len(lines), index + 1 + _HEADER_LINES_MAX)):
        line = lines[position][1]
        body = _body_line(lines[position][0], line)
        if (body is not None and body.values) or _is_figures(line):
            break
        tokens = _header_tokens(line)
        if position - index > _HEADER_LINES and cells is None:
            break
        if tokens is not None and _years_of(tokens) >= _YEARS_MIN:
            second = tokens
            body_start = position + 1
            break
        if cells is not None and tokens and all(kind == "heading" for kind, _ in tokens):
            cells.append(_spaceless(line))
        elif line.strip():
            cells = None
        if position - index <= _HEADER_LINES:
            between += tokens or []
        cells_end = position + 1
    grouped_columns = _year_groups(first, cells) if second is None and cells else None
    if grouped_columns is not None:
        return _body(text, lines, index, cells_end, grouped_columns)
    columns = _columns(first, between, second)
    if columns is None:
        return None
    found = _body(text, lines, index, body_start, columns)
    if found is None or not _unit_headed(first):
        return found
    return replace(found[0], unit_column=True), found[1]


def _wrapped_names(
    lines: Sequence[tuple[int, str]], index: int
) -> tuple[tuple[YearbookColumn, ...], int] | None:
    """A header of names wrapped over lines, each cell broken where the page's column was
    narrow (`里名 面积` / `(km²)` / `邻数 户数 男性` / `人数` / `女性` / `人数` / … / `人口密度` /
    `(人/km²)`), over rows of as many figures as it has columns: the columns, and the line
    their rows begin on. A bracket alone is the unit of the name before it; a word alone on
    its line finishes the name before it while the names outnumber the figures, a name being
    finished once."""
    lines_of: list[list[str]] = []
    position = index
    while position < len(lines) and position - index < _HEADER_LINES_MAX:
        words = lines[position][1].split()
        if not words:
            position += 1
            continue
        if any(_NAME_PIECE.fullmatch(word) is None for word in words):
            break
        lines_of.append(words)
        position += 1
    if len(lines_of) < 2 or len(lines_of[0]) < 2 or position >= len(lines):
        return None  # a header's first line names the labels' column and at least one more
    if lines[index][1][:1].isspace():
        return None  # indented: no heading over the labels, whose column it would name
    if index and _NAME_LINE.fullmatch(lines[index - 1][1].strip()):
        return None  # the middle of a wrapped header, not its top
    row = _body_line(*lines[position])
    if row is None or len(row.values) < _WRAPPED_MIN:
        return None
    # `东宁里 11 1,012 … -43 佳里`: a column of words after the figures (分区) is named too.
    words_after = _noted(list(_TOKEN.finditer(lines[position][1].rstrip())))
    names = _joined_names(lines_of, len(row.values) + words_after)
    if names is None:
        return None
    names = names[: len(names) - words_after]
    if not all(
        header_unit(name) or counted_unit_in(name) or is_rate_header(name) for name in names
    ):
        return None  # a column whose unit no word says: which figure is in what is unsaid
    return tuple(YearbookColumn(name, "") for name in names), position


def _stacked_names(
    lines: Sequence[tuple[int, str]], index: int
) -> tuple[tuple[YearbookColumn, ...], int] | None:
    """A header whose names run down its lines, a piece of each a line (`苗` / `栗` / `縣` over
    a PDF's narrow columns of counties): as many pieces on every line as the rows have
    figures, one line maybe opening on the labels' heading (`項目別`); each name is the
    pieces at its place, top to bottom. The columns, and the line their rows begin on."""
    if index and _NAME_LINE.fullmatch(lines[index - 1][1].strip()):
        return None  # the middle of a header, not its top
    pieces: list[list[str]] = []
    position = index
    while position < len(lines) and position - index < _STACKED_LINES_MAX:
        words = lines[position][1].split()
        if words and any(_NAME_PIECE.fullmatch(word) is None for word in words):
            break
        if words:
            pieces.append(words)
        position += 1
    if len(pieces) < _STACKED_MIN or position >= len(lines):
        return None
    row = _body_line(*lines[position])
    if row is None or len(row.values) < _WRAPPED_MIN:
        return None
    width = len(row.values)
    names: list[list[str]] = []
    for words in pieces:
        if len(words) == width + 1 and STUB_HEADING.match(fold(words[0])):
            words = words[1:]
        if len(words) != width:
            return None
        names.append(words)
    return tuple(
        YearbookColumn("".join(column), "") for column in zip(*names, strict=True)
    ), position


_STACKED_MIN = 2  # lines
_STACKED_LINES_MAX = 6  # a header's lines, blank ones among them


def _joined_names(lines_of: Sequence[Sequence[str]], width: int) -> list[str] | None:
    """The `width` names a wrapped header's lines give, the row labels' heading left out."""
    names: list[str] = []
    finished: list[bool] = []
    pieces = sum(1 for words in lines_of for word in words if not _BRACKET_WORD.fullmatch(word))
    excess = pieces - 1 - width  # less the row labels' heading
    for number, words in enumerate(lines_of):
        for word in words:
            if _BRACKET_WORD.fullmatch(word) and names:
                names[-1] += word  # (km²): the unit of the name before it
                finished[-1] = True
            elif number and len(words) == 1 and excess > 0 and names and not finished[-1]:
                names[-1] += word  # 男性 / 人数: a name broken over two lines
                finished[-1] = True
                excess -= 1
            else:
                names.append(word)
                finished.append(False)
    return names[1:] if excess == 0 and len(names) == width + 1 else None


# A wrapped header's word: Chinese, maybe with its unit in brackets, or a bracket alone.
_NAME_PIECE = re.compile(rf"[{CJK}][{CJK}()（）/%‰²³A-Za-z]{{0,11}}|[(（][^()（）\s]{{1,10}}[)）]")
_BRACKET_WORD = re.compile(r"[(（][^()（）\s]{1,10}[)）]")
_NAME_LINE = re.compile(rf"(?:{_NAME_PIECE.pattern})(?:\s+(?:{_NAME_PIECE.pattern}))*")
_WRAPPED_MIN = 3


def _units_first(tokens: Sequence[tuple[str, str]], grid: YearbookGrid, text: str) -> bool:
    """Whether a header of names opening on `单 位` heads a column of units, its rows' labels
    ending in one (`油菜  元/公斤 4.48 3.60 24.44`), not the rows' own (`1.海口 80.12 …`:
    单位 there names the reporting units)."""
    if not tokens or not UNIT_COLUMN.match(_spaceless(tokens[0][1])):
        return False
    labels = [text[row.label[0] : row.label[1]] for part in grid.parts for row in part.rows]
    return bool(labels) and all(_LAST_UNIT.search(label) for label in labels)


# A label's last word after a space, a unit (元/公斤, 元/500克, 万人次, 个).
_LAST_UNIT = re.compile(r"\S\s+(?:[^\s\d]{1,4}/\d{0,4}[^\s\d]{1,4}|[万亿千百]?[^\s\d(（]{1,3})$")


def _unit_headed(tokens: Sequence[tuple[str, str]]) -> bool:
    """Whether the headings before a header's first year name a column of units (`单 位`)."""
    lead = next((i for i, (kind, _) in enumerate(tokens) if kind != "heading"), len(tokens))
    return any(UNIT_COLUMN.match(word) for _, word in tokens[:lead])


def _named_columns(tokens: Sequence[tuple[str, str]]) -> tuple[YearbookColumn, ...] | None:
    """A header of Chinese headings alone, its English left out (`Item 绝对数(元) 增长率(%)
    构成(%)`): a column per heading, less the row labels' heading (项目, 指标) opening it."""
    headings = [_spaceless(word) for _, word in tokens]
    if headings and (STUB_HEADING.match(headings[0]) or UNIT_COLUMN.match(headings[0])):
        headings = headings[1:]
    if headings and NOTES_HEADER.fullmatch(headings[-1]):
        headings = headings[:-1]  # 备注: a notes column, its words no figures
    if not _NAMED_MIN <= len(headings) <= _NAMED_MAX:
        return None
    if any(not HAS_CJK.search(_TRAILING_BRACKET.sub("", heading)) for heading in headings):
        return None  # a line of units alone (`(亿元) (亿元)`) under the names
    return tuple(YearbookColumn(heading, "") for heading in headings)


_NAMED_MIN = 2
_NAMED_MAX = 12


def _unnamed_first(
    header: str,
    named: Sequence[YearbookColumn],
    lines: Sequence[tuple[int, str]],
    index: int,
) -> bool:
    """Whether an indented header of names (no stub heading) stands over rows of one figure
    more than it names: its first column's name lost."""
    indented = header[: len(header) - len(header.lstrip())]
    return (
        len(indented.expandtabs()) >= _UNNAMED_INDENT
        and not STUB_HEADING.match(header.strip())
        and _rows_follow(lines, index, len(named) + 1, header_words=True)
    )


def _spanned_columns(
    text: str, lines: Sequence[tuple[int, str]], index: int, named: Sequence[YearbookColumn]
) -> tuple[tuple[YearbookColumn, ...], int] | None:
    """A header of names over rows of more figures than it names, where one name spans the
    extra columns (`地 区 人口数 比重` / `2020年 2010年` over `全 市 907354 100.00 100.00`):
    the line below gives the spanned columns' years or names (`男 女`), or the page lost it.
    The name that spans is the one whose columns' figures fit it best (a count's whole
    numbers, a share's decimals), a name with its unit before one without, else the last.
    The columns, and the line their rows begin on."""
    below = index + 1
    while below < len(lines) and not lines[below][1].strip():
        below += 1
    if below >= len(lines):
        return None
    tokens = _header_tokens(lines[below][1]) or []
    subs: list[tuple[str, str]] = []  # (name, year) of each spanned column
    if len(tokens) >= _YEARS_MIN and all(kind == "year" for kind, _ in tokens):
        subs = [("", year) for _, year in tokens]
    elif len(tokens) >= _YEARS_MIN and all(
        kind == "heading" and len(word) <= _SUB_NAME_MAX for kind, word in tokens
    ):
        subs = [(_spaceless(word), "") for _, word in tokens]
    start = below + 1 if subs else below
    rows = _figure_rows(text, lines, start)
    if not rows:
        return None
    width = len(rows[0])
    extra = width - len(named)
    if extra < 1 or (len(subs) != extra + 1 if subs else extra > 1):
        return None  # a lost line names one spanned column more, no guess at several
    subs = subs or [("", "")] * (extra + 1)
    decimals = [sum("." in row[at] for row in rows) * 2 > len(rows) for at in range(width)]

    def fit(spanning: int) -> tuple[int, bool, int]:
        score = 0
        for at, heading in enumerate(named):
            first = at if at <= spanning else at + extra
            for column in range(first, first + (extra + 1 if at == spanning else 1)):
                expected = _expects_decimals(heading.heading)
                score += expected is not None and expected == decimals[column]
        return score, header_unit(named[spanning].heading) is not None, spanning

    spanning = max(range(len(named)), key=fit)
    columns: list[YearbookColumn] = []
    for at, heading in enumerate(named):
        if at != spanning:
            columns.append(heading)
            continue
        columns += [YearbookColumn(heading.heading + name, year) for name, year in subs]
    return tuple(columns), start


_SUB_NAME_MAX = 4  # characters of a spanned column's name (男, 女, 城镇)
_FIGURE_ROWS_MAX = 12


def _figure_rows(text: str, lines: Sequence[tuple[int, str]], start: int) -> list[list[str]]:
    """The figures of the rows from line `start` on that are as many as the first's, up to a
    dozen rows, while they go on."""
    rows: list[list[str]] = []
    for line_start, line in lines[start : start + _FIGURE_ROWS_MAX]:
        body = _body_line(line_start, line)
        if body is None or not body.values or (rows and len(body.values) != len(rows[0])):
            break
        rows.append([text[a:b] for a, b in body.values])
    return rows if len(rows) >= _ROWS_MIN else []


def _expects_decimals(heading: str) -> bool | None:
    """Whether a heading's figures have decimals: a share's or a rate's do, a count's do not;
    None where the heading does not say."""
    if is_rate_header(heading) or "%" in heading:
        return True
    if counted_unit_in(heading):
        return False
    return None


# Spaces before a header whose first column's name was lost: a row label's width, at least.
_UNNAMED_INDENT = 4


def _rows_follow(
    lines: Sequence[tuple[int, str]], index: int, width: int, header_words: bool = False
) -> bool:
    """Whether the line at `index` is no row (`header_words`: no row with figures), and the
    first line below it that is neither blank nor English is a row of `width` figures."""
    header = _body_line(*lines[index])
    if header is not None and (header.values or not header_words):
        return False
    for start, line in lines[index + 1 : index + 1 + _QUIET_MAX + 1]:
        if not line.strip() or _ENGLISH_LINE.fullmatch(line.strip()):
            continue
        body = _body_line(start, line)
        return body is not None and len(body.values) == width
    return False


def _year_groups(
    first: Sequence[tuple[str, str]], cells: Sequence[str]
) -> tuple[YearbookColumn, ...] | None:
    """Columns under years that each head the same group of headings, the headings a cell a
    line below them and a cell's unit closing it (`地 区 2017 2018` / `总人口` / `(万人)` /
    `城镇人口` / `比重(%)` …): a column for each heading in each year."""
    kinds = [kind for kind, _ in first]
    if "year" not in kinds or kinds[kinds.index("year") :] != ["year"] * kinds.count("year"):
        return None
    years = [word for kind, word in first if kind == "year"]
    headings: list[str] = []
    open_cell = ""
    for line in cells:
        open_cell += line
        if _TRAILING_BRACKET.search(open_cell):
            headings.append(open_cell)
            open_cell = ""
    group = len(headings) // len(years)
    if (
        open_cell
        or len(years) < _YEARS_MIN
        or group < _GROUPS_MIN
        or len(headings) != group * len(years)
        or any(headings[i] != headings[i % group] for i in range(len(headings)))
    ):
        return None
    return tuple(YearbookColumn(heading, year) for year in years for heading in headings[:group])


def _grouped_header(
    lines: Sequence[tuple[int, str]], index: int
) -> tuple[int, tuple[YearbookColumn, ...]] | None:
    """A header whose line of years repeats them under groups named on the lines above:

              Sector 增加值(亿元)   成(%) 2010年比
        Value Added Composition 2009年增长%
        2009 2010 2009 2010 2010 over 2009(%)

    Each run of rising years (a comparison `2010 over 2009` is its later year) is a group's,
    or each repeat of one sequence (`2020年 2019年 2020年 2019年`); the groups' headings read in
    order across the lines above (a heading ending in 比 goes on in the next one), the row
    labels' heading (`行业`) before them left out. The first heading line and the columns; None
    for any other header."""
    years = _grouped_years(lines[index][1])
    if years is None:
        return None
    runs = _repeats(years) or _rising_runs(years)
    if len(runs) < _GROUPS_MIN:
        return None
    top = index
    headings: list[str] = []
    while top > 0 and index - top < _HEADER_LINES:
        tokens = _header_tokens(lines[top - 1][1])
        if tokens is None or _years_of(tokens) or not lines[top - 1][1].strip():
            break
        headings = [word for _, word in tokens] + headings
        top -= 1
    merged: list[str] = []
    for heading in headings:
        if merged and merged[-1].endswith(("比", "较")):
            merged[-1] += heading
        else:
            merged.append(heading)
    if len(merged) == len(runs) + 1 and STUB_HEADING.fullmatch(_spaceless(merged[0])):
        merged = merged[1:]
    if len(merged) != len(runs):
        return None
    columns = tuple(
        YearbookColumn(_spaceless(heading), year)
        for heading, run in zip(merged, runs, strict=True)
        for year in run
    )
    return top, columns


def _rising_runs(years: Sequence[str]) -> list[list[str]]:
    runs: list[list[str]] = []
    for year in years:
        if not runs or year <= runs[-1][-1]:
            runs.append([])
        runs[-1].append(year)
    return runs


def _repeats(years: Sequence[str]) -> list[list[str]] | None:
    """The years as repeats of their first few (`2020 2019 2020 2019`), or None."""
    for width in range(2, len(years) // 2 + 1):
        if len(years) % width == 0 and len(set(years[:width])) == width:
            runs = [list(years[at : at + width]) for at in range(0, len(years), width)]
            if all(run == runs[0] for run in runs):
                return runs
    return None


def _grouped_years(line: str) -> list[str] | None:
    """The years of a header line of years alone, some of them repeated, a comparison
    (`2010 over 2009(%)`) as its later year; None for a line of anything else."""
    words = _COMPARED.sub(lambda found: max(found.group(1), found.group(2)), line).split()
    if len(words) < _YEARS_MIN or not all(BARE_YEAR.fullmatch(word) for word in words):
        return None
    years = [word[:4] for word in words]
    return years if len(set(years)) < len(years) else None


def _body(
    text: str,
    lines: Sequence[tuple[int, str]],
    header: int,
    start: int,
    columns: tuple[YearbookColumn, ...],
    aligned: bool = False,
) -> tuple[YearbookGrid, int] | None:
    """The grid's rows from line `start` on. A yearbook's rows are bilingual or their figures
    a single space apart; with `aligned` (a header whose every line counts the columns) rows
    set in aligned columns are read too."""
    rows: list[tuple[_Body, Span | None]] = []  # each with its caption
    caption: Span | None = None
    parent: _Body | None = None  # the row with its own unit the sub-items below sit under
    wrapped: _Body | None = None  # a label alone on its line, whose figures may follow
    quiet = 0
    translates = False  # the next English line is the row above's translation
    position = start
    last = start
    while position < len(lines) and quiet <= _QUIET_MAX:
        line_start, line = lines[position]
        position += 1
        body = _body_line(line_start, line)
        if body is None and wrapped is not None:
            # `一、全社会固定资产投资 (亿元) total investment…` / `(100 million yuan)` /
            # `681.17 1082.47 …`: a label too long for its line, its figures on a line of their own.
            body = _figures_of(wrapped, line_start, line)
            # `6.农业支出 …` / `218719` / `172527 184204 203307`: its figures over two lines,
            # the first column's alone on the first.
            if body is None and position < len(lines) and _is_figures(line):
                below_start, below = lines[position]
                both = breaks_as_spaces(text[line_start : below_start + len(below)])
                body = _figures_of(wrapped, line_start, both)
                position += body is not None
        if body is None:
            body = _unlabelled(line_start, line, len(columns))
        if body is None:
            if line.strip() and not _ENGLISH_LINE.fullmatch(line.strip()):
                break
            if line.strip() and not translates and english_unit(line):
                # `Consumption of Chemical Fertilizer(10000 tons)` after a row's translation:
                # a group whose Chinese the page lost, in its own unit.
                caption, parent = (
                    (line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip())),
                    None,
                )
            translates = translates and not line.strip()
            quiet += 1
            continue
        if not body.values:
            if parent is None or body.indent <= parent.indent:
                caption, parent = body.label, None
            translates = True
            # else a group inside the parent's items (`按构成分` under `全社会固定资产投资(亿元)`):
            # they still measure the parent.
            wrapped = body
            quiet += 1
            continue
        wrapped = None
        if len(body.values) > len(columns):
            break
        quiet, last = 0, position
        own = _own_unit(text, body.label)
        under_parent = (
            parent is not None
            and _is_under(body, parent)
            and (not own or _unit_of(text, body.label) == _unit_of(text, parent.label))
        )
        rows.append((body, parent.label if under_parent and parent else caption))
        translates = True
        if own and not under_parent:
            parent = body
        elif not under_parent:
            parent = None
    bodies = [body for body, _ in rows]
    if (
        len(bodies) < _ROWS_MIN
        or not any(len(body.values) == len(columns) for body in bodies)
        or (
            not aligned
            and 2 * sum(body.bilingual or _one_space_apart(body) for body in bodies) < len(bodies)
        )
    ):
        return None
    grid_start = lines[header][0]
    grid_end = bodies[-1].end
    return YearbookGrid(
        grid_start, grid_end, columns, _parts(rows, columns, grid_start, grid_end)
    ), last


def english_unit(line: str) -> str | None:
    """The unit an English caption names in brackets at its end, in Chinese (`Consumption of
    Chemical Fertilizer(10000 tons)`: 万吨)."""
    found = _TRAILING_BRACKET.search(line)
    return from_english(found.group(1)) if found else None


def _unlabelled(start: int, line: str, columns: int) -> _Body | None:
    """A row whose label the page lost (`    By Male` / `       674.32 712.20 …`): indented
    figures alone, one for every column; its label is empty, where the label would begin."""
    indent = len(line) - len(line.lstrip())
    if not indent:
        return None
    label = (start + indent, start + indent)
    empty = _Body(start, start, indent, False, label, False, (), (), 0, display_width(line))
    body = _figures_of(empty, start, line)
    return body if body is not None and len(body.values) == columns else None


def _figures_of(label: _Body, start: int, line: str) -> _Body | None:
    """The row `label` heads when `line` is its figures alone; None if it holds anything else."""
    bare = line.rstrip()
    values = list(_TOKEN.finditer(bare))
    if len(values) < _YEARS_MIN or not _is_figures(bare):
        return None
    spans, gaps, trailing = _figures(start, line, values)
    return replace(label, end=start + len(bare), values=spans, gaps=gaps, trailing=trailing)


def _is_figures(line: str) -> bool:
    """A line of figures alone, one or more."""
    return all(SPACED_CELL.fullmatch(value) for value in line.split()) and bool(line.strip())


def _figures(
    start: int, line: str, values: Sequence[re.Match[str]]
) -> tuple[tuple[Span, ...], tuple[int, ...], int]:
    """A row's figures as a `_Body` holds them: their spans, the spaces before each after the
    first, and the spaces after the last to the line's end (none where there is no figure)."""
    return (
        tuple(cell_span(start, value) for value in values),
        tuple(values[i].start() - values[i - 1].end() for i in range(1, len(values))),
        len(line) - len(line.rstrip()) if values else 0,
    )


def _one_space_apart(body: _Body) -> bool:
    """A row with figures one space apart, as a yearbook page without English writes them,
    maybe wider apart elsewhere (`80.12  5.16 13541 1.29`): a table aligned in columns of
    spaces, all two or more apart, is the row reader's."""
    return len(body.values) > 1 and any(gap == 1 for gap in body.gaps)


def _is_under(body: _Body, parent: _Body) -> bool:
    """A sub-item of a row: marked `#`, or indented deeper."""
    return body.marked or body.indent > parent.indent


def _parts(
    rows: Sequence[tuple[_Body, Span | None]],
    columns: Sequence[YearbookColumn],
    start: int,
    end: int,
) -> tuple[YearbookPart, ...]:
    """Runs of rows under one caption; each part's span runs to the next part's."""
    runs: list[tuple[Span | None, list[_Body]]] = []
    for body, caption in rows:
        if not runs or runs[-1][0] != caption:
            runs.append((caption, []))
        runs[-1][1].append(body)
    # Padded to one width as shown, or to one number of characters.
    padded = len(rows) > 1 and (
        len({body.width for body, _ in rows}) == 1
        or len({body.end - body.start + body.trailing for body, _ in rows}) == 1
    )
    spaced_blanks = _writes_blanks([body for body, _ in rows], columns)
    parts: list[YearbookPart] = []
    for number, (caption, bodies) in enumerate(runs):
        part_start = start if number == 0 else parts[-1].end
        part_end = end if number == len(runs) - 1 else bodies[-1].end
        placed = [(body.label, _placed(columns, body, padded, spaced_blanks)) for body in bodies]
        parts.append(
            YearbookPart(
                part_start,
                part_end,
                caption,
                tuple(YearbookRow(label, cells) for label, cells in placed if cells is not None),
            )
        )
    return tuple(parts)
