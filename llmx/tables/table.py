"""The one `Table` every layout is read into: its cells with their offsets in the text, its
columns with their role, unit, period and status, and its rows; with the column a header
gives (`column_of`, `row_column`) and the unit a bare cell takes (`Table.unit_of`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from llmx.folding import digit_years, fold
from llmx.lines import HAS_CJK, Span
from llmx.quantities import split_header_unit
from llmx.tables.headers import (
    BASE_CAPTION,
    BASE_NOTE,
    BRACKETED,
    CHANGE_HEADER,
    INDEX_HEADER,
    INDICATOR_HEADER,
    MEASURE_HEADER,
    MONEY_UNITS,
    MONTHS_HEADER,
    NOTES_HEADER,
    RATE_UNITS,
    ROC_PERIOD,
    SKIP_HEADER,
    SUB_MARKS,
    UNIT_COLUMN,
    WHOLE_COUNTS,
    YEAR,
    YEAR_DIGITS,
    Unit,
    caption_counts,
    change_unit_for,
    counted_unit_in,
    header_status,
    header_unit,
    is_rate_header,
    label_unit,
    listed_for_header,
    listed_for_row,
    listed_units,
    outline_level,
    outside_brackets,
    unit_of_words,
)
from llmx.tables.periodrows import period_of as period_label
from llmx.vocabulary import family_of, is_fact_unit

_DECIMAL = re.compile(r"\d\.\d")
_WHOLE_PERCENT = 100.0
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str
    # A blank line a copied table wrote for an empty cell (see llmx.tables.cellruns): no
    # figure, whichever column it falls in.
    blank: bool = False

    # Read hundreds of times a cell by the readings that try a table: worked out once.
    @cached_property
    def clean(self) -> str:
        return _SPACES.sub("", self.text)


@dataclass(frozen=True)
class Column:
    header: str
    role: str  # "indicator", "value", "unit" (a row's unit), "period" (a row's year) or "other"
    status: str | None  # "actual" / "target" for value columns
    period: str | None
    unit: Unit | None
    # What the column's cells measure where its header says more than its words less their
    # brackets and years (`指数(2007为1995年的%)`); None: read it from the header.
    name: str | None = None
    # Figures over several years or against a base year (an average growth over 1996-2000,
    # an index of 2007 on 1995) have no period of their own.
    periodless: bool = False


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # The periods a row of periods above it gives its value cells, left to right
    # (`2023 | 2023 Q3 | 2023 Q4` over `GDP | 億元 | 3,795 | 980.1 | 1,077.1 | ↑ 9.9%`).
    periods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    start: int
    end: int
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)
    layout: str = "cells"  # "cells", "pipe", "markdown", "tab", "spaces", "lines", "sideways",
    # "panels", "columnwise", "yearbook", "records", "spaced", "piped", "pairs", "flattened",
    # "scorecard", "runtogether", "periods", "comma", "blocks", "statement", "fused"
    unit: Unit | None = None  # from a `单位：万元` line above the table or in its caption
    # The label of the row the rows sit under (劳动参与率 over 男, 女), where the layout
    # shows one by indenting: a sub-item that names no measure of its own measures that.
    parent: str = ""

    def indicator_of(self, row: Row) -> str:
        return self._cell_of(row, "indicator")

    def period_of(self, row: Row) -> str | None:
        """The year a row stands for, where a column of years (`年份`) labels the rows."""
        if self.layout == "periods":
            return period_label(self._cell_of(row, "period")) or None
        return self._cell_of(row, "period")[:4] or None

    def period_above(self, row: Row, column: Column) -> str | None:
        """The year a row of periods above `row` gives the cell under `column`: the value
        columns take its periods in order, any after the last (a change column) the last."""
        if not row.periods:
            return None
        values = [each for each in self.columns if each.role == "value"]
        index = min(values.index(column), len(row.periods) - 1) if column in values else -1
        year = YEAR_DIGITS.match(row.periods[index])
        return year.group() if year else None

    def periodless(self, row: Row) -> bool:
        """Whether a row stands for several years (a plan period `“六五”时期`, a span of years):
        its figures have no period of their own."""
        return self.layout == "periods" and period_label(self._cell_of(row, "period")) == ""

    def gives_unit(self, row: Row, column: Column) -> bool:
        """Whether the table gives the figures of `row` under `column` a unit: the row's, the
        column's, its own, or that of what a header or the title counts."""
        return (self.unit_of(row, column) or self.counted_unit(row, column)) is not None

    def unit_of(self, row: Row, column: Column) -> Unit | None:
        """The unit a bare number in `row` under `column` takes.

        A rate column (`比上年增长(%)`, or a growth or share header without a unit that names
        no amount, unlike `增减额`) gives its own unit, whatever the row measures; otherwise
        the row's own unit (its label's `（亿元）`, or its cell in a unit column) wins over the
        column's, and the table's `单位：` line comes last. An index column (`价格指数`) has
        no unit: its base is 100.
        """
        amount, rate = listed_units(self.unit)
        label = self.indicator_of(row)
        if amount is None and self.unit and "、" in self.unit[0]:
            amount = listed_for_row(self.unit, self._with_parent(row, label), column.header) or (
                listed_for_header(self.unit, column.header)
            )
        row_unit = (
            label_unit(label)
            or unit_of_words(self._cell_of(row, "unit"))
            or (label_unit(self._parent_of(row)) if label.startswith(SUB_MARKS) else None)
            or label_unit(self._outline_parent(row))
        )
        if BASE_CAPTION.search(fold(label)):
            row_unit = ("", 1.0)  # 性别比(女性=100): a ratio on a base of 100 has no unit
        elif BASE_CAPTION.search(fold(self.title)) and not row_unit and not column.unit:
            # 居民消费价格变动情况(上年=100): indices, whatever the prose says; a column that
            # writes its own unit (平均价格(元)) holds no index.
            row_unit = ("", 1.0)
        if column.unit and column.unit[0] in RATE_UNITS:
            return column.unit
        above = self._units_above.get(row)
        if points := change_unit_for(column.header, row_unit or (above[1] if above else None)):
            return points
        if not column.unit and is_rate_header(column.header):
            return row_unit if row_unit and row_unit[0] in RATE_UNITS else (rate or ("%", 1.0))
        if not column.unit and INDEX_HEADER.search(fold(column.header)):
            return row_unit or ("", 1.0)  # an index on a base of 100 has no unit
        if row_unit and column.unit and self._priced(column, row_unit):
            # 本期价格(元) over a row whose unit cell is 千克: a price, 元 per 千克.
            return f"{column.unit[0]}/{row_unit[0]}", column.unit[1]
        cell_unit = unit_of_words(self._cell_of(row, "unit"))
        if cell_unit and row_unit == cell_unit and self._money_beside_quantity(column, cell_unit):
            # 销售额(万元) beside 销售量 in a row whose unit cell is 千克: the row's unit is its
            # quantity's; the column's money is its own.
            return column.unit
        return row_unit or column.unit or amount or (above[1] if above else None)

    def _money_beside_quantity(self, column: Column, cell_unit: Unit) -> bool:
        """Whether a column writes its own money (`销售额(万元)`) where a row's unit cell names
        a measure of a thing (千克) that a column of quantities writing no unit (`销售量`)
        beside it is in: the unit cell is the quantity's, the money the column's own."""
        quantities = any(
            other.role == "value" and other.unit is None and other is not column
            for other in self.columns
        )
        return (
            column.unit is not None
            and column.unit[0] in MONEY_UNITS
            and quantities
            and _measures_a_thing(cell_unit[0])
        )

    def _priced(self, column: Column, row_unit: Unit) -> bool:
        """Whether a column of money holds prices per the measure a row's unit names (千克;
        not 元/50千克, 元, %, nothing, nor a measure in 万): its header names a price
        (`本期价格(元)`); or a price's rise or fall (`比上期涨跌(元)`) beside a column of prices
        or under a title naming them; or only a period (`本期(元)`, `上周(元)`) under such a
        title. An amount (`销售额(万元)`, `比上年增减(万元)`, `产值(万元)` under a title of 现价) is
        none."""
        money, (measure, factor) = column.unit if column.unit else ("", 1.0), row_unit
        header = fold(column.header)
        titled, beside = self._prices_named
        return (
            money[0] in MONEY_UNITS
            and money[1] == 1.0
            and factor == 1.0
            and _measures_a_thing(measure)
            and (
                _PRICE_NAMED.search(header) is not None
                or (_PRICE_MOVED.search(header) is not None and (titled or beside))
                or (_PERIOD_ONLY.fullmatch(outside_brackets(header)) is not None and titled)
            )
        )

    @cached_property
    def _prices_named(self) -> tuple[bool, bool]:
        """Whether the title names prices, and whether a column's header does: asked of every
        cell of a column of money, read once a table."""
        return (
            _PRICE_NAMED.search(fold(self.title)) is not None,
            any(_PRICE_NAMED.search(fold(column.header)) for column in self.columns),
        )

    def unit_of_figure(self, unit: Unit, figure: str, column: Column | None = None) -> Unit:
        """A figure's unit where the table's unit line lists a rate and a count (`單位:%、人`):
        a figure with decimals is the rate's, never a count of whole persons or households;
        so is a whole one up to 100 (`0`, `100`) in a `column` whose figures mostly have
        decimals (a count of 1,200 there is a count: rows of measures under years)."""
        amount, rate = listed_units(self.unit)
        if (
            rate is None
            or amount is None
            or unit != amount
            or amount[1] != 1.0
            or family_of(amount[0]) not in WHOLE_COUNTS
        ):
            return unit
        if _DECIMAL.search(figure):
            return rate
        rated = column is not None and any(each is column for each in self._rate_columns)
        whole = figure_value(figure)
        return rate if rated and whole is not None and whole <= _WHOLE_PERCENT else unit

    @cached_property
    def _rate_columns(self) -> list[Column]:
        """The value columns whose figures mostly have decimals: rates, whole ones too."""
        rated: list[Column] = []
        for index, column in enumerate(self.columns):
            figures = [
                row.cells[index].clean
                for row in self.rows
                if index < len(row.cells) and figure_value(row.cells[index].clean) is not None
            ]
            decimals = sum(1 for figure in figures if _DECIMAL.search(figure))
            if column.role == "value" and figures and decimals * 3 >= len(figures) * 2:
                rated.append(column)
        return rated

    def _with_parent(self, row: Row, label: str) -> str:
        """A sub-item's label (`#高中`) after the label of the row it is part of (招生数)."""
        if not label.startswith(SUB_MARKS):
            return label
        return self._parent_of(row) + label

    def _parent_of(self, row: Row) -> str:
        """The label of the row a sub-item (`#影剧院`) is part of (`电影放映单位(个)`): the nearest
        row above it that is no sub-item, or the row a part was cut under."""
        if self.parent or row not in self.rows:
            return self.parent
        above = self.rows[: self.rows.index(row)]
        parents = (self.indicator_of(each) for each in reversed(above))
        return next((parent for parent in parents if not parent.startswith(SUB_MARKS)), "")

    def _outline_parent(self, row: Row) -> str:
        """The label of the row a numbered row is an item of (`(1)旅游饭店接待过夜游客` under
        `1.国内过夜游客(万人次)`): the nearest row above numbered a level further out; "" for
        a row numbered outermost, or with no number."""
        return self._outline_parents.get(row, "")

    def heading_of(self, row: Row) -> str:
        """The label of the row whose unit `row` takes, being its part (`平均出租率` of
        `平均出租率(%)` over `三星级`), without its unit, where nothing else in the table gives
        its figures one; "" otherwise."""
        above = self._units_above.get(row)
        return _UNIT_AT_END.sub("", above[0]) if above else ""

    @cached_property
    def _units_above(self) -> dict[Row, tuple[str, Unit]]:
        """Each row whose label writes no unit, in a table whose first row's label writes one
        (`平均房价(元/间)`, then `三星级`, `四星级`, then `平均出租率(%)`) and which gives
        none otherwise (no unit line, no unit column, no column's unit but a rate's, no
        index base): the label and unit of the nearest row above that writes one, whose
        parts the rows under it are. `find` already cuts a table whose heading rows write
        amounts into parts, each under its unit line; this reads the tables it leaves whole,
        whose heading rows write rates too. A part of a rate holds no figure over 100."""
        above: dict[Row, tuple[str, Unit]] = {}
        first = self.indicator_of(self.rows[0]) if self.rows else ""
        unit = label_unit(first)
        given = self.unit or any(
            c.role == "unit"
            or (c.unit and c.unit[0] not in RATE_UNITS)
            or BASE_CAPTION.search(fold(c.header))
            for c in self.columns
        )
        if unit is None or given:
            return above
        heading = first
        for row in self.rows[1:]:
            label = self.indicator_of(row)
            own = label_unit(label)
            if own is not None:
                heading, unit = label, own
            elif (
                label
                and not _NAMES_A_MEASURE.search(fold(label))
                and not counted_unit_in(label)
                and not (unit[0] in RATE_UNITS and self._over_a_hundred(row))
            ):
                above[row] = (heading, unit)  # a kind of what the row above measures
        return above

    def _over_a_hundred(self, row: Row) -> bool:
        values = (
            figure_value(cell.clean)
            for column, cell in zip(self.columns, row.cells, strict=False)
            if column.role == "value" and not column.unit
        )
        return any(value is not None and abs(value) > _RATE_MAX for value in values)

    @cached_property
    def _outline_parents(self) -> dict[Row, str]:
        """Every numbered row's outline parent, found in one pass down the table (a cell's
        unit is asked for once per column: no walk back up the rows for each)."""
        parents: dict[Row, str] = {}
        latest: dict[int, tuple[int, str]] = {}  # by level: the last row numbered so
        for position, row in enumerate(self.rows):
            label = self.indicator_of(row)
            level = outline_level(label)
            if level is None:
                continue
            outer = [latest[each] for each in range(level) if each in latest]
            parents.setdefault(row, max(outer)[1] if outer else "")
            latest[level] = (position, label)
        return parents

    @cached_property
    def _caption_counts(self) -> Unit | None:
        """What the caption line right above counts (`各縣市旅遊人次`): the title's last line,
        where it is a caption and not the end of a sentence."""
        return caption_counts(self.title)

    def counted_unit(self, row: Row, column: Column) -> Unit | None:
        """The unit of a count whose headers write none but name what it counts (户数, 男性
        人數, 总人口数): the measure word of the noun counted, the row's before the column's."""
        return (
            counted_unit_in(self.indicator_of(row))
            or counted_unit_in(column.header)
            or (None if is_rate_header(column.header) else self._caption_counts)
        )

    def _cell_of(self, row: Row, role: str) -> str:
        for column, cell in zip(self.columns, row.cells, strict=False):
            if column.role == role:
                return cell.clean
        return ""


def _measures_a_thing(unit_name: str) -> bool:
    """Whether a unit names a measure of a thing (千克, 升, 个): not money, a rate, a price
    already (元/50千克) or nothing."""
    return bool(unit_name) and "/" not in unit_name and unit_name not in (*MONEY_UNITS, *RATE_UNITS)


# A price, by name (价格, 均价, 单价, 批发价, …), not 现价, 评价 or 价值; and a price's change.
_PRICE_NAMED = re.compile(r"价格|[均单售]价|(?:批发|零售|收购|出厂|市场)价")
_PRICE_MOVED = re.compile(r"涨跌")
# A header that names only a period (本期, 上周, 本月): under a title of prices, a price.
_PERIOD_ONLY = re.compile(r"(?:本|上|前|当|今|昨)?\s*[期周月日年旬]\s*(?:价|数)?")

# A row that names a measure of its own, no part of the one above: a rate (死亡率*), a ratio
# (收入比), an index, an amount, a count (户数), a share (比重).
_NAMES_A_MEASURE = re.compile(r"(?:[量率数额值比]|比重|构成|指数)\s*[*＊]?\s*$|价格指数")
_RATE_MAX = 100.0  # a part of a rate (出租率) is a rate, at most a whole


def _common_era(match: re.Match[str]) -> str:
    """A Republic of China quarter or month in the common era's year: 1911 years on."""
    return f"{int(match.group(1)) + 1911}{match.group(2)}"


_UNIT_AT_END = re.compile(rf"\s*{BRACKETED.pattern}\s*$")


@dataclass(frozen=True)
class ProseCell:
    """A sentence in a table's cell, and the label of its row: what the sentence is of."""

    cell: Cell
    label: str


def prose_cells(table: Table) -> list[ProseCell]:
    """The cells of a table's columns of words that are sentences (`建设内容`: `计划修建道路
    332米,原水泥路宽3.5-4米,…`), in order: prose in a cell, read as prose, of its row's item;
    a box-drawn table's wrap over lines, its notes column's are `note_cells`."""
    if table.layout == "box":
        return []
    return [
        ProseCell(cell, table.indicator_of(row))
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=False)
        if column.role == "other" and _is_prose(cell.clean)
    ]


def _is_prose(words: str) -> bool:
    """A sentence with a figure: words and a clause's comma or a full stop, no address
    (`建设路12号,科技大厦3层`: a street number is no figure of a fact)."""
    chinese = len(HAS_CJK.findall(words))
    return (
        chinese >= _PROSE_CHARACTERS_MIN
        and bool(_CLAUSE_MARK.search(words) and _DIGIT.search(words))
        and not _STREET_NUMBER.search(words)
    )


_PROSE_CHARACTERS_MIN = 6
_STREET_NUMBER = re.compile(r"\d+\s*号")
_CLAUSE_MARK = re.compile(r"[，,。；;]")
_DIGIT = re.compile(r"\d")


def note_cells(table: Table) -> list[Cell]:
    """The filled cells of a box-drawn table's notes column (`說明`, `备注`), in order: prose
    that wrapped over the lines of its rows, a line a cell, to be read as prose."""
    if table.layout != "box":
        return []
    notes = [
        index
        for index, column in enumerate(table.columns)
        if column.role == "other" and NOTES_HEADER.fullmatch(fold(column.header).strip())
    ]
    return [
        row.cells[index] for index in notes[-1:] for row in table.rows if row.cells[index].clean
    ]


def column_of(header: str) -> Column:
    # 二零零八年三月, 二零零七至零八年度, 106年第1季: their years
    folded = ROC_PERIOD.sub(_common_era, digit_years(fold(header)))
    if INDICATOR_HEADER.search(folded) and not YEAR.search(folded):
        return Column(header, "indicator", None, None, split_header_unit(header))
    if SKIP_HEADER.search(folded):
        return Column(header, "other", None, None, None)
    status = header_status(header)
    year = YEAR.search(folded)
    changes = CHANGE_HEADER.search(folded)  # 比上年增长%: a column of growth rates
    indices = BASE_NOTE.search(folded)  # 环比(上月=100): indices on a base of 100
    return Column(
        header,
        "value" if status or year or changes or indices else "other",
        status,
        next(found for found in year.groups() if found) if year else None,
        split_header_unit(header),
    )


def row_column(header: str, *, counted: bool = True) -> Column:
    """A column of a one-row-per-line table: the cell layout's roles, plus columns that are
    measured by what their header names (绝对量, 比上年增长, with `counted` a count: 户数) or
    by their unit, and unit columns."""
    clean = re.sub(r"\s+", "", header)
    if UNIT_COLUMN.match(fold(clean)):
        return Column(header, "unit", None, None, None)
    column = column_of(header)
    unit = header_unit(header)
    measured = (
        unit
        or MEASURE_HEADER.search(fold(clean))
        or MONTHS_HEADER.fullmatch(fold(clean))  # 7月, 1-7月: that month's figures
        or (counted and counted_unit_in(header))
    )
    if column.role == "other" and measured and not SKIP_HEADER.search(fold(header)):
        return replace(column, role="value", unit=unit)
    return replace(column, unit=unit)


def cell_at(text: str, span: Span) -> Cell:
    """The cell at `span` of the text."""
    return Cell(span[0], span[1], text[span[0] : span[1]])


def span_cell(text: str, span: Span | None, end: int) -> Cell:
    """The cell at `span` of the text; an empty one at `end` where there is none."""
    return cell_at(text, span) if span else Cell(end, end, "")


def units_rejoined(header: Sequence[Cell]) -> list[Cell]:
    """Header cells with a unit that wrapped onto a line of its own (`绝对数` then `(亿元)`)
    joined again: a cell that is only a unit in brackets ends the cell before it."""
    joined: list[Cell] = []
    for cell in header:
        unit = split_header_unit(cell.clean)
        bare_rate = fold(cell.clean) in ("%", "‰")  # 同比增长 then % on a line of its own
        only_unit = bare_rate or (unit is not None and BRACKETED.fullmatch(fold(cell.clean)))
        if joined and only_unit and (bare_rate or is_fact_unit(unit[0] if unit else "")):
            previous = joined[-1]
            joined[-1] = Cell(previous.start, cell.end, previous.text + cell.text)
        else:
            joined.append(cell)
    return joined


def figure_value(cell: str) -> float | None:
    """A cell's figure as a number (`1,234.5` → 1234.5); None for a dash or a blank."""
    try:
        return float(re.sub(r"[,，\s]", "", cell))
    except ValueError:
        return None
