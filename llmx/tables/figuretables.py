"""The last reading: rows of figures under any header no layout above took, the header's
names above the rows (piped or plain, maybe stacked over their units), units from a unit
line, a unit over each column or a unit column, and parts under their parent rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from math import comb

from llmx.folding import fold
from llmx.lines import (
    CELL_SEPARATOR,
    CJK,
    ENGLISH_AFTER,
    HAS_CJK,
    STUB_HEADING,
    Span,
)
from llmx.quantities import find_quantities
from llmx.tables.captions import unit_line_above, with_caption
from llmx.tables.columnroles import numbers_lines
from llmx.tables.headers import (
    BASE_CAPTION,
    BASE_NOTE,
    SUB_MARKS,
    UNIT_BRACKET,
    UNIT_COLUMN,
    UNIT_LINE,
    Unit,
    counted_unit_in,
    header_unit,
    rates_and_counts,
    repeats,
    unit_of_words,
)
from llmx.tables.numericrows import CONTINUED_LINES, FigureGrid, find_figure_rows, is_unit_word
from llmx.tables.parts import outline_parts
from llmx.tables.periodrows import period_of as period_label
from llmx.tables.rowlines import PIPE, merge_spaced_letters, split_cells
from llmx.tables.table import Cell, Column, Row, Table, figure_value, row_column, span_cell
from llmx.tables.taken import TakenSpans
from llmx.vocabulary import from_english

# A header that names indices, growth or shares beside the rows' own measures.
_RATES_IN_HEADER = re.compile(r"指\s*数|增\s*长|速\s*度|比\s*重|构\s*成|%|％")
_WHITESPACE = re.compile(r"\s+")
_YEAR_LINE = re.compile(r"\s*[(（]?\s*(?:19|20)\d{2}\s*年?\s*[)）]?\s*")
_CAPTION_GAPS = 2  # empty cells beside a caption's one word, at least
_UNIT_ALONE = re.compile(
    r"\s*(?:绝对数|数值|数|金额|总量|总额|比上年增长|增长速度|增速)?\s*[(（]([^()（）]{1,8})[)）]\s*"
)
# A unit's words alone on a header line, unbracketed (`百萬港元`).
_BARE_UNIT = re.compile(r"\s*(\S{2,})\s*")
# A bilingual yearbook's caption in English, its unit in brackets at the end: `Population by
# Residence (10000 persons)`.
_ENGLISH_CAPTION = re.compile(r"\s*[A-Za-z][A-Za-z ,.'&-]*\(([^()]+)\)\s*")


def figure_row_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Grids of figure rows (llmx.tables.numericrows) no layout finder took, as tables, where the
    text says every figure's unit: the header in brackets, one per column, in order; a base
    of 100 (the figures are indices); a `单位:` line for all; or else each row's label, or
    the label of a row or caption it sits under (`本市生产总值(亿元)` over `  第一产业`).
    Rows whose unit nothing says are left out: a figure of unknown unit is no fact to guess.
    (A table read by a layout, whose cells are surely a table's, gives them unit "" where the
    page names no unit anywhere; this last reading, which finds rows of figures in any text,
    does not.)"""
    tables: list[Table] = []
    for grid in find_figure_rows(text):
        # Rows another reading took stay its; the rest of the grid, a table that reading
        # stopped short of (at a caption, a short row), is read under the grid's header.
        rows = tuple(
            row
            for row in grid.rows
            if not any(
                start in taken for start, _ in (*row.cells, *([row.label] if row.label else []))
            )
        )
        if any(row.cells for row in rows):
            tables += _figure_row_parts(text, replace(grid, rows=rows), _names_above(tables, grid))
    return tables


def _names_above(tables: Sequence[Table], grid: FigureGrid) -> list[str]:
    """The value columns' names of the table of unit-celled rows right above `grid` (within
    the lines one header may reach), where it has as many as the grid is wide: a table the
    page broke with lines of other cells (`| 活鸡 | … | 无 | 无 | 半放养鸡 |`) goes on under
    its header."""
    if not tables:
        return []
    above = tables[-1]
    names = [column.header for column in above.columns if column.role == "value"]
    width = max(len(row.cells) for row in grid.rows)
    near = grid.start - above.end <= _NAMES_REACH
    unit_celled = any(column.role == "unit" for column in above.columns)
    return names if near and len(names) == width and unit_celled else []


# How far below a table of unit-celled rows its header may still name a grid's columns.
_NAMES_REACH = 400


def _figure_row_parts(text: str, grid: FigureGrid, names_above: Sequence[str] = ()) -> list[Table]:
    lines = [text[start:end] for start, end in grid.header]
    title = with_caption(text, lines[0].strip() if lines else "", grid.start)
    # A year alone on a line of the header (`(2006)` under a yearbook's title and its English)
    # is the year the table is of.
    title = " ".join([title, *(line.strip() for line in lines[1:] if _YEAR_LINE.fullmatch(line))])
    # Joined by line ends: a letter-spaced unit line (單 位 ﹕ 百 萬 元) stops at its own.
    header = fold("\n".join(lines))
    width = max(len(row.cells) for row in grid.rows)
    names = _named_columns(lines[1:] if len(lines) > 1 else lines, width, grid.years)
    names = names or _stacked_names_over_units(lines[1:], width)
    if names is None:
        values = [[figure_value(text[a:b]) for a, b in row.cells] for row in grid.rows]
        names = _parts_under_parents(lines, width, [row for row in values if row])
    # A table's `单位:` line sits over its first group of rows; a grid further down, under a
    # group caption (`二、按行业分:`), is in it still.
    unit_line = UNIT_LINE.search(header) or unit_line_above(text, grid.start, CONTINUED_LINES)
    # 单位:万吨、千克 lists a unit per measure, which says nothing of which column is which.
    listed = unit_line is not None and re.search(r"[、/]", unit_line.group(1))
    table_unit = unit_of_words(unit_line.group(1)) if unit_line and not listed else None
    if unit_line and listed:
        # 單位:%、人 over rates and counts: a figure with decimals is the rate's, a whole one
        # the count's (`Table.unit_of_figure`); a list of two amounts stays unsaid.
        table_unit = rates_and_counts(unit_of_words(unit_line.group(1)))
    # A header line of a unit alone (`数(亿元)`) says it as a unit line does.
    # Or a caption in English ending in its unit (`Population by Residence (10000 persons)`),
    # maybe the translation of such a line.
    header_lines = [] if grid.one_cell_per_line else lines
    alone = _units_alone(header_lines, _UNIT_ALONE, fold) or _units_alone(
        header_lines, _BARE_UNIT, lambda words: words if is_unit_word(words) else ""
    )
    english = _units_alone(header_lines, _ENGLISH_CAPTION, lambda unit: from_english(unit) or "")
    if table_unit is None and len(alone) == 1 and set(english) <= set(alone):
        table_unit = alone[0]
    elif table_unit is None and not alone and len(english) == 1:
        table_unit = english[0]
    unit_row = _unit_over_each_column(header_lines, width)
    if table_unit is None and not alone and unit_row:
        table_unit = unit_row[1]
    # Under a line of the columns' unit, the columns are named on the line above it.
    named_lines = lines
    if unit_row:
        named_lines = [line for line in lines[: unit_row[0]] if HAS_CJK.search(line)]
    base = BASE_NOTE.search(header) is not None
    if names is None and grid.names:  # a header cell per column: 2017年5月 | 同比增长(%)
        names = [(name, header_unit(name)) for name in grid.names]
        names = names if all(unit for _, unit in names) or table_unit or base else None
    said = names is not None or base or table_unit is not None
    unmeasured: set[int] = set()
    figures = [row for row in grid.rows if row.cells]
    # 社会消费品零售总额 | 万元 | 297859 | …: every row writes its unit, or a header's 单位 heads
    # a column of units some rows leave empty (`茶叶总产量 10797 …` under `单位 吴兴区 …`).
    unit_cells = all(row.unit for row in figures) or (
        any(row.unit for row in figures) and _UNIT_HEAD.search(header) is not None
    )
    if names is None:
        unit = ("", 1.0) if base else None
        stubs = 1 + unit_cells
        plain = (
            grid.names
            or _piped_names(lines, width, stubs)
            or (list(names_above) if unit_cells else [])
            or _plain_names(
                named_lines[-1:] if grid.one_cell_per_line else named_lines, width, stubs
            )
        )
        # 单位 heads the units' column, the first figures' column left unnamed (a total's).
        blank_first = unit_cells and bool(plain) and UNIT_COLUMN.match(fold(plain[0])) is not None
        if blank_first:
            plain = ["", *plain[1:]]
        names = [(name, header_unit(name) or unit) for name in plain]
        # 1994年 | 比上年增長% over 糧食 44450 萬噸 -2.5: a column whose cells write their own
        # unit needs none from its header, nor one under rows that write theirs.
        said = said or all(
            unit is not None
            or (unit_cells and (name or (blank_first and index == 0)))
            or all(_own_unit(text, row.cells[index]) for row in figures)
            for index, (name, unit) in enumerate(names)
        )
        counted = [(name, given or counted_unit_in(name)) for name, given in names]
        nameless = not any(given for _, given in names)  # no header writes a unit
        if (
            not said
            and nameless
            and all(plain)
            and sum(bool(given) for _, given in counted) * 2 >= len(names)
        ):
            # 村名 面積 戶數 男性人數 … 人口密度: the counts' columns name what they count
            # (户, 人); a column naming no unit (面積) is left out, not guessed.
            names, unmeasured = counted, {i for i, (_, given) in enumerate(counted) if not given}
            said = True
    labels = [fold(text[row.label[0] : row.label[1]]) if row.label else "" for row in figures]
    by_period = all(label and period_label(label) is not None for label in labels)
    columns = [Column("", "period" if by_period else "indicator", None, None, None)]
    if unit_cells:
        columns.append(Column("单位", "unit", None, None, None))
    for index, (name, unit) in enumerate(names):
        cells = [
            text[a:b] for a, b in (row.cells[index] for row in figures if index < len(row.cells))
        ]
        # Not a measure: a column naming no unit under counted ones (面積), or a form's line
        # numbers (行次 | 栏次).
        measured = index not in unmeasured and not numbers_lines(cells)
        column = replace(row_column(name), role="value" if measured else "other", unit=unit)
        if grid.years:
            column = replace(column, period=grid.years[index])
        columns.append(column)
    rows = [
        [
            span_cell(text, row.label, row.cells[0][0] if row.cells else 0),
            *(
                [span_cell(text, row.unit, row.cells[0][0] if row.cells else 0)]
                if unit_cells
                else []
            ),
            *(span_cell(text, span, 0) for span in row.cells),
            *(Cell(0, 0, "") for _ in range(width - len(row.cells))),
        ]
        for row in grid.rows
    ]
    table = Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        tuple(Row(tuple(cells)) for cells, row in zip(rows, grid.rows, strict=True) if row.cells),
        layout="periods" if by_period else "lines",
        unit=table_unit,
    )
    if said:
        return [table]
    if _RATES_IN_HEADER.search(header):
        return []  # 总量指标 … 指数 … 平均增长速度: which columns the rows' units fit is unsaid
    depths = [row.depth for row in grid.rows]
    parts = outline_parts(table, [cells[0] for cells in rows], depths, rows)
    kept = [
        part
        if part.unit is not None
        # 三次产业从业者比例 (以第一产业为100) over 第一产业, 第二产业: ratios on a base of 100
        else replace(part, unit=("", 1.0))
        if BASE_CAPTION.search(fold(part.title))
        else replace(part, rows=tuple(row for row in part.rows if header_unit(row.cells[0].text)))
        for part in parts
    ]
    return [part for part in kept if part.rows]


# A header's cell over a column of units (`单位 吴兴区 南浔区`), not a unit line (单位:万元).
_UNIT_HEAD = re.compile(r"(?:^|\s)(?:计量)?单\s*位(?=\s|$)(?!\s*[:：﹕︰])")


def _unit_over_each_column(lines: Sequence[str], width: int) -> tuple[int, Unit] | None:
    """The header line that writes the columns' unit once over each and nothing else (`港币百万元
    港币百万元` under the columns' dates), and that unit: its index among `lines`."""
    for index, line in enumerate(lines):
        words = fold(line).split()
        if len(words) == width and len(set(words)) == 1:
            unit = header_unit(f"({words[0]})")
            if unit:
                return index, unit
    return None


def _units_alone(
    lines: Sequence[str], line_of_a_unit: re.Pattern[str], unit_words: Callable[[str], str]
) -> list[Unit]:
    """The units of header lines that say a unit alone, each line's unit the group the
    pattern catches, as `unit_words` reads it (not 增值税(25%)'s (25%): no unit)."""
    return [
        unit
        for line in lines
        if (found := line_of_a_unit.fullmatch(fold(line)))
        and (unit := header_unit(f"({unit_words(found.group(1))})"))
    ]


def _own_unit(text: str, span: Span) -> bool:
    """Whether a cell writes its figure's unit itself (`44450 萬噸`)."""
    found = find_quantities(text[span[0] : span[1]])
    return len(found) == 1 and bool(found[0].unit)


def _piped_names(lines: Sequence[str], width: int, stubs: int) -> list[str]:
    """The columns' names from a header of cells between pipes over several lines (`项目名称 |
    计算单位 |`, `4月 | 1-4月累计 |`, `增长(%) |`): its cells after the `stubs` heading the
    labels (and units), where it has exactly as many; [] otherwise. A caption row (`商业 |
    |||||`, one word among empty cells) is no part of it."""
    if not any(PIPE.search(line) for line in lines):
        return []
    named: list[str] = []
    for line in lines:
        cells = [re.sub(r"\s+", "", cell) for cell in PIPE.split(line)]
        words = [cell for cell in cells if cell]
        if len(words) == 1 and len(cells) - len(words) > _CAPTION_GAPS:
            continue
        named += words
    if len(named) == width + stubs:
        return named[stubs:]
    # 商品名称 | 规格、等级 | 单位 | 监测点1 | 监测点2 | 指标解释: the figures' columns follow
    # the unit column's header, whatever heads the labels before it or the words after.
    units = [index for index, name in enumerate(named) if UNIT_COLUMN.match(fold(name))]
    if len(units) == 1 and units[0] + 1 + width <= len(named):
        return named[units[0] + 1 : units[0] + 1 + width]
    return []


def _plain_names(lines: Sequence[str], width: int, stubs: int) -> list[str]:
    """The columns' names from the header's last line of a Chinese word per column, maybe
    after the headings of the `stubs` columns before them, the labels' and the units' (`品名
    单位 城镇 盐湖区 农村`), or from its last lines together where the columns' names run on
    to the next line (`项 目 计量单位 2007年 2008年` over `江城区 海陵区 …`); "" each where they
    have not as many words (an English line, `Animal Husbandry and Fishery`, names nothing
    word by word)."""
    worded = [
        [word.clean for word in merge_spaced_letters(split_cells(line, 0, _WHITESPACE), line)]
        for line in lines[-_NAME_LINES_MAX:]
    ]
    for count in range(1, len(worded) + 1):
        if count > 1 and any(len(list(filter(None, words))) < 2 for words in worded[-count:]):
            break  # a lone cell on a line (a header strewn over lines) names no run of columns
        opening = next(filter(None, worded[-count]), "")
        if count > 1 and not STUB_HEADING.match(fold(opening)):
            break  # names run on from a line that opens on the labels' heading, not a title
        names = [word for words in worded[-count:] for word in words if word]
        if width < len(names) <= width + stubs:
            names = names[-width:]
        if len(names) == width and all(HAS_CJK.search(name) for name in names):
            return names
        if len(names) > width or PIPE.search(lines[-count]) or "\n" in lines[-count]:
            break  # a header's cells wrap over lines: no line then names a column each
    return [""] * width


_NAME_LINES_MAX = 2  # a header's names run on to one more line at most


def _parts_under_parents(
    lines: Sequence[str], width: int, rows: Sequence[Sequence[float | None]]
) -> list[tuple[str, Unit | None]] | None:
    """Each column's name and unit from a header of measures with their units, a line each
    (`卫生机构 床位数 (张)`), followed by their parts marked # (`# 医院、卫生院`), a part's column
    right after its measure's in the rows. Which measure each part is of, the header does
    not say; the rows do, a part being no more than its whole in every row. None unless the
    lines name as many columns as the rows have and exactly one placing fits every row.

    Where the measures' lines say no unit, a line of Chinese words alone names a measure whose
    unit is the table's (`年 份  地方一般预算收入` over `# 增值税(25%) # 营业税 # 企业所得税`,
    under `数(亿元)`); several parts may share a line, each opening with its #."""
    return _parts_placed(lines, width, rows, unitless=False) or _parts_placed(
        lines, width, rows, unitless=True
    )


def _parts_placed(
    lines: Sequence[str], width: int, rows: Sequence[Sequence[float | None]], *, unitless: bool
) -> list[tuple[str, Unit | None]] | None:
    wholes: list[tuple[str, Unit | None]] = []
    parts: list[str] = []
    for line in lines:
        words = CELL_SEPARATOR.sub("", ENGLISH_AFTER.sub("", line))
        if words.startswith(SUB_MARKS) and wholes:
            parts += [part for part in re.split(r"[#＃]", words) if part]
            continue
        if parts:
            continue
        bracket = UNIT_BRACKET.search(fold(words))
        unit = header_unit(bracket.group()) if bracket else None
        if unit is not None:
            wholes.append((words[: bracket.start()] if bracket else words, unit))
        elif unitless and CHINESE_WORDS.fullmatch(words):
            wholes.append((_STUB_HEADING_FIRST.sub("", words), None))
    if not parts or len(wholes) + len(parts) != width or not all(name for name, _ in wholes):
        return None
    if comb(len(parts) + len(wholes) - 1, len(wholes) - 1) > _PLACINGS_MAX:
        return None  # a header of dozens of parts: too many placings to try, none guessed
    fitting = [
        counts
        for counts in _compositions(len(parts), len(wholes))
        if all(_parts_fit(row, counts) for row in rows)
    ]
    if len(fitting) != 1:
        return None
    named: list[tuple[str, Unit | None]] = []
    remaining = iter(parts)
    for (whole, unit), count in zip(wholes, fitting[0], strict=True):
        named.append((whole, unit))
        named += [(whole + next(remaining), unit) for _ in range(count)]
    return named


_PLACINGS_MAX = 5000
# A line of a measure's name in Chinese, no figure, unit or English in it.
CHINESE_WORDS = re.compile(rf"[{CJK}、]+")
_STUB_HEADING_FIRST = re.compile(rf"^(?:{STUB_HEADING.pattern})")


def _compositions(total: int, groups: int) -> Iterator[tuple[int, ...]]:
    """Every way to deal `total` parts out to `groups` wholes in order, none or more each."""
    if groups == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, groups - 1):
            yield (first, *rest)


def _parts_fit(row: Sequence[float | None], counts: Sequence[int]) -> bool:
    """Whether a row's figures, read as each whole followed by `counts` of its parts, have
    no part larger than its whole."""
    at = 0
    for count in counts:
        whole = row[at] if at < len(row) else None
        for part in row[at + 1 : at + 1 + count]:
            if whole is not None and part is not None and part > whole:
                return False
        at += 1 + count
    return True


def _stacked_names_over_units(
    lines: Sequence[str], width: int
) -> list[tuple[str, Unit | None]] | None:
    """Each column's name and unit from a header a PDF's text gives word by word: lines of a
    word per column (the labels' heading first), the names wrapped over them, then lines of
    the units after slashes, one per value column in order, as many as there are:

        水资源 地表水 与2020年 与多年
        一级区 资源量 比较 平均值比较
        /亿m3
        /% /%
    """
    worded = [line.split() for line in lines if HAS_CJK.search(line) and "/" not in line]
    stacked = [words for words in worded if len(words) == width + 1]
    slashed = [line.split() for line in lines if line.strip().startswith("/")]
    units = [header_unit(f"({word[1:]})") for words in slashed for word in words]
    if (
        not stacked
        or len(units) != width
        or not all(word[:1] == "/" for words in slashed for word in words)
    ):
        return None
    names = ["".join(words[index] for words in stacked) for index in range(1, width + 1)]
    return list(zip(names, units, strict=True)) if all(units) else None


def _named_columns(
    lines: Sequence[str], width: int, years: Sequence[str] = ()
) -> list[tuple[str, Unit | None]] | None:
    """Each column's name and unit from a header that gives a unit in brackets per column,
    in order (`城市 年末总人口 (万人) 生产总值 (亿元) …`): a name is the words up to its
    unit. Over a line of years that repeats once per name (`总产值(亿元) 施工面积(万平方米)`
    over `2004年 2005年 2004年 2005年`), each name heads as many columns as its years. None
    where the header's units are not one per column or per group of years."""
    words = re.sub(r"\s+", " ", fold("".join(lines))).strip()
    units = [
        (match, unit)
        for match in UNIT_BRACKET.finditer(words)
        if (unit := header_unit(match.group())) is not None
    ]
    span = width // len(units) if units and width % len(units) == 0 else 0
    grouped = span > 1 and len(years) == width and repeats(years, len(units))
    if len(units) != width and not grouped:
        return None
    named: list[tuple[str, Unit | None]] = []
    position = 0
    for match, unit in units:
        name = words[position : match.start()].strip()
        position = match.end()
        if not named:  # 县别 常住人口: the first column's name follows the labels' heading
            name = name.split()[-1] if name else name
        named.append((re.sub(r"\s+", "", name), unit))
    return [each for each in named for _ in range(span)] if grouped else named
