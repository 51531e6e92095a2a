"""Finding the tables of a text, whatever layout the text gives them.

Layouts, each with its own finder, all giving the same `Table`:

- one cell per line (the seeds): a row is a run of tab-indented lines, one cell each, rows
  are separated by a blank line, and a cell that wrapped continues on following unindented
  lines;
- one row per line, cells separated by pipes (`指 标 | 绝对量(亿元) | 比上年增长(%) |`, with
  or without outer pipes, with or without a Markdown separator row), by tabs, or by runs of
  two or more spaces (columns aligned as PDF text gives them). Readers write the tables they
  know this way, ` | ` between cells;
- one cell per line with nothing to mark rows (text copied from a web page's table, maybe
  with a lone `|` line between cells): the header's cells, then rows of as many cells, each
  a row label followed by numbers;
- two panels side by side (a balance table, `收入 | 执行数 | 支出 | 执行数`), in pipe rows or
  one cell per line with a trailing pipe: every row an (item, amount) pair per panel, either
  left empty; each panel is a table of its own;
- one cell per line, each row a year and its figures (a yearbook's series over selected
  years): a header of `年份` and the column names (maybe wrapped a letter per line, under a
  group heading spread the same way, `粮`, `食`), units on lines of their own, maybe an
  English header; printed as panels side by side, the header repeats once per panel and the
  rows alternate between panels, read as one table of years (`_year_row_tables`);
- column by column, one cell per line (`llmx.tables.columnwise`): a header row of years, the row
  labels one per line, then each year's values, a blank line for an empty cell;
- records, one `key:value` line per cell, each record opening with the same key (`年份:2007`,
  `预算(元):3,509亿`, …, then `年份:2006`, …): each record is a one-row table whose keys
  are its header (llmx.tables.records);
- letters spaced out (`llmx.tables.spaced`): labels a space between every letter (`以 当 时 市 价
  计 算 1,246.1   1,220.0`), a header line of years (maybe marked, `2003 @`), group headings
  with their unit, and under a row maybe a line of its change rates in brackets (`(-2.6)
  (+5.1)`): a table per group, a value column per year, then a change column per year;
- one cell per line, each closed by a pipe (`农业 |`, a lone `|` for an empty cell;
  llmx.tables.piped): rows found by their shape (a label or a year, then numbers, units or empty
  cells), or opened by a pipe (`  | 人口 | `); an English header row left out, a flattened
  header of two rows put back; rows that are years are read as the transpose; rows of
  months (`2012年9月份`, `10月份`) take the year the last label that writes one gives;
- two columns, a label then its value, one cell per line (llmx.tables.pairs): `指标`, `总量指标`,
  then `粮食产量(万吨)`, ` 稻谷`, `1020.5`, …; a row without a value heads the rows under it;
- flattened onto one line, every cell cut off by a pipe (`表5 …|地区|人口|(万人)|全市|96.4|
  …|甲县|30.5|…`), or by a space on a line that opens on the row labels' header (`指 标 …`):
  a title, a header of several rows whose breaks and spans were lost, then the rows, a label
  and as many values each (llmx.tables.flattened);
- a performance self-evaluation form (项目支出绩效自评表) whose cells ran together with
  spaces between them: its funds, and its indicators' targets, achieved values and points
  (llmx.tables.scorecards);
- a numbered target table whose cells ran together with nothing between them (`指标名称计量
  单位2035 年目标值…1 规上工业增加值占GDP 比重% ≥ 38市统计局2 …`): an indicator, its unit
  and its target per row (llmx.tables.runtogether);
- statistics-yearbook rows (`llmx.tables.yearbook`): a header line of years (`item 1952 1978 …
  2005`, maybe over base years and spans of years), then a row per line, a Chinese label
  (maybe numbered, `1.地区生产总值(亿元)`, or indented as a part of the row above), maybe its
  English, then its figures separated by spaces, fewer where cells are blank, maybe marked
  provisional (`438p`); lines of words alone are group and unit captions;
- rows of periods (`llmx.tables.periodrows`): a header of measure names, then a row per period, its
  label (`“六五”时期`, `2016年`) and one figure per measure, separated by spaces; the
  header maybe wrapped over Chinese then English lines (a yearbook's), its last line's unit
  `(元)` the last column's;
- rows of two lines (`llmx.tables.labelrows`): the label on its own line, then its figures two or
  more spaces apart (a double gap an empty cell), under a header of one cell per line, each
  cell wrapped until its unit in brackets, and a line of parts (`第一产业 第二产业`) that
  follow the column they break down;
- accounts under a line of money units (`llmx.tables.statements`): `港幣百萬元` over each
  column, then a row per line, its label and its figures (`(37,832.5)` an outgoing, `-` an
  empty cell), a lone figure in the column it stands under;
- ranking tables (`llmx.tables.ranked`): a row per region, its label in Chinese, English or both,
  then figures one space apart, columns of whole numbers no higher than the rows being their
  ranks (left out), under a header of measure names that names the ranks (`位次`, `Rank`),
  a `单位:万吨、千克` line giving each measure its unit in order.

A box-drawn table's notes column (`說明`, `备注`) holds prose wrapped a line a cell:
`note_cells` gives its cells, which the rules read as one paragraph, not as figures of rows.

Rows indented under others (the piped and the pair layouts) are cut into parts under their
parents: a part takes its parents' unit (`人口(万人)`) and measure (稻谷 → 稻谷产量).

A header names each column's role (row label, value, unit, other), and the unit its cells
take: from the column header (`比上年增长(%)`), the row label (`税收总量（亿元）`), a unit
column, or a `单位：万元` line above the table. Pure functions: text in, tables with source
offsets out.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations, pairwise
from math import comb
from typing import Protocol, TypeVar

from llmx.folding import digit_years, fold
from llmx.glosses import Unglossed
from llmx.lines import (
    BARE_YEAR,
    CJK,
    ENGLISH_AFTER,
    HAS_CJK,
    LABELS_HEADER,
    LETTER_GAPS,
    STUB_HEADING,
    Span,
    breaks_as_spaces,
    display_width,
    text_lines,
)
from llmx.quantities import find_quantities, split_header_unit
from llmx.tables.boxes import BoxGrid, find_boxes
from llmx.tables.columnblocks import ColumnBlocks, find_column_blocks
from llmx.tables.columnwise import ColumnwiseGrid, find_columnwise
from llmx.tables.commarows import CommaGrid, find_comma_tables
from llmx.tables.flattened import FlatGrid, find_flattened
from llmx.tables.fusedrows import FusedGrid, find_fused_rows
from llmx.tables.labelrows import LabelRowsGrid, find_label_rows
from llmx.tables.ledger import LedgerGrid, find_ledgers
from llmx.tables.numericrows import CONTINUED_LINES, FigureGrid, find_figure_rows, is_unit_word
from llmx.tables.outline import lineages
from llmx.tables.pairs import PairGrid, find_pairs
from llmx.tables.periodrows import PeriodGrid, find_period_rows
from llmx.tables.periodrows import period_of as period_label
from llmx.tables.piped import PipedGrid, find_piped
from llmx.tables.ranked import RankedGrid, find_ranked
from llmx.tables.records import Field, find_records
from llmx.tables.runtogether import TargetList, find_target_lists
from llmx.tables.scorecards import Scorecard, find_scorecards
from llmx.tables.serials import without_serials
from llmx.tables.sideways import SidewaysGrid, find_sideways
from llmx.tables.spaced import SpacedGrid, find_spaced
from llmx.tables.statements import StatementGrid, find_statements
from llmx.tables.yearbook import YearbookColumn, YearbookGrid, english_unit, find_yearbooks
from llmx.vocabulary import (
    CURRENCY_MAGNITUDES,
    CURRENCY_NAME,
    WRITTEN_MAGNITUDES,
    Family,
    Scope,
    alternation,
    cue_pattern,
    from_english,
    is_fact_unit,
    magnitude_prefix,
    units_where,
)
from llmx.vocabulary import unit as declared_unit

# A unit and the magnitude factor it carries: ("元", 1e8) for 亿元.
Unit = tuple[str, float]

_CONTINUATION_MAX = 24
_INDICATOR_HEADER = re.compile(r"指\s*标|名\s*称|项\s*目")
_SKIP_HEADER = re.compile(r"序\s*号|类\s*别|备\s*注|属\s*性|单\s*位|行\s*次|栏\s*次")
_TARGET_HEADER = cue_pattern("target", Scope.HEADER | Scope.COLUMN)
_ACTUAL_HEADER = cue_pattern("actual", Scope.HEADER | Scope.COLUMN)
_CHANGE_HEADER = cue_pattern("change", Scope.HEADER)
# A header's year; not one it compares with (与2020年比较 heads the table year's changes).
# GDP (1978): a measure's year in brackets at the header's end.
_YEAR = re.compile(
    r"(?<![与比较])((?:19|20)\d{2})\s*年|^((?:19|20)\d{2})(?![\d=.,%])"
    r"|[(（]\s*((?:19|20)\d{2})\s*[)）]\s*$"
)


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str

    @property
    def clean(self) -> str:
        return re.sub(r"\s+", "", self.text)


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
        year = _YEAR_DIGITS.match(row.periods[index])
        return year.group() if year else None

    def periodless(self, row: Row) -> bool:
        """Whether a row stands for several years (a plan period `“六五”时期`, a span of years):
        its figures have no period of their own."""
        return self.layout == "periods" and period_label(self._cell_of(row, "period")) == ""

    def unit_of(self, row: Row, column: Column) -> Unit | None:
        """The unit a bare number in `row` under `column` takes.

        A rate column (`比上年增长(%)`, or a growth or share header without a unit that names
        no amount, unlike `增减额`) gives its own unit, whatever the row measures; otherwise
        the row's own unit (its label's `（亿元）`, or its cell in a unit column) wins over the
        column's, and the table's `单位：` line comes last. An index column (`价格指数`) has
        no unit: its base is 100.
        """
        amount, rate = _listed_units(self.unit)
        label = self.indicator_of(row)
        if amount is None and self.unit and "、" in self.unit[0]:
            amount = _listed_for_row(self.unit, self._with_parent(row, label))
        row_unit = _label_unit(label) or _unit_words(self._cell_of(row, "unit"))
        if _BASE_CAPTION.search(fold(label)):
            row_unit = ("", 1.0)  # 性别比(女性=100): a ratio on a base of 100 has no unit
        elif _BASE_CAPTION.search(fold(self.title)) and not row_unit:
            row_unit = ("", 1.0)  # 居民消费价格变动情况(上年=100): indices, whatever the prose says
        if column.unit and column.unit[0] in RATE_UNITS:
            return column.unit
        if not column.unit and _is_rate_header(column.header):
            return row_unit if row_unit and row_unit[0] in RATE_UNITS else (rate or ("%", 1.0))
        if not column.unit and _INDEX_HEADER.search(fold(column.header)):
            return row_unit or ("", 1.0)  # an index on a base of 100 has no unit
        return row_unit or column.unit or amount

    def _with_parent(self, row: Row, label: str) -> str:
        """A sub-item's label (`#高中`) after the label of the row it is part of (招生数)."""
        if not label.startswith(_SUB_MARKS):
            return label
        if self.parent or row not in self.rows:
            return self.parent + label  # a part cut under its parent row
        above = self.rows[: self.rows.index(row)]
        parents = (self.indicator_of(each) for each in reversed(above))
        return next((parent for parent in parents if not parent.startswith(_SUB_MARKS)), "") + label

    def counted_unit(self, row: Row, column: Column) -> Unit | None:
        """The unit of a count whose headers write none but name what it counts (户数, 男性
        人數, 总人口数): the measure word of the noun counted, the row's before the column's."""
        return _counted_unit(self.indicator_of(row)) or _counted_unit(column.header)

    def _cell_of(self, row: Row, role: str) -> str:
        for column, cell in zip(self.columns, row.cells, strict=False):
            if column.role == role:
                return cell.clean
        return ""


# A header naming what its figures count: 户数, 人数, a population (人口, 总人口数).
_COUNTED_HEADER = re.compile(r"(?P<people>人口|[男女]性)数?$|(?P<noun>[\u4e00-\u9fff])数$")


def _counted_unit(header: str) -> Unit | None:
    counted = _COUNTED_HEADER.search(re.sub(r"\s+", "", outside_brackets(header)))
    if counted is None:
        return None
    noun = "人" if counted.group("people") else counted.group("noun")
    return (noun, 1.0) if is_fact_unit(noun) else None


def _listed_units(unit: Unit | None) -> tuple[Unit | None, Unit | None]:
    """A table's unit as its amounts' and its rates': a `单位:万人、‰` line lists one of
    each (the magnitude before the first); a list of two amounts (万吨、千克) says nothing of
    which column is in which."""
    if unit is None or "、" not in unit[0]:
        return unit, None
    parsed = _listed(unit)
    rates = [each for each in parsed if each[0] in RATE_UNITS]
    amounts = [each for each in parsed if each[0] not in RATE_UNITS]
    return (amounts[0] if len(amounts) == 1 else None), (rates[0] if len(rates) == 1 else None)


def _listed(unit: Unit) -> list[Unit]:
    """The units a `单位:所、万人` line lists, the magnitude before the first its own."""
    first, *others = unit[0].split("、")
    return [(first, unit[1]), *(u for other in others if (u := split_header_unit(f"({other})")))]


def _listed_for_row(unit: Unit, label: str) -> Unit | None:
    """Of a unit line listing one unit of persons and one of something else (`单位:所、万人`
    over 学校数, 招生数, 教职工数), the one a row's label counts: persons where it names them."""
    amounts = [each for each in _listed(unit) if each[0] not in RATE_UNITS]
    persons = [each for each in amounts if each[0] in _PERSON_UNITS]
    others = [each for each in amounts if each[0] not in _PERSON_UNITS]
    if len(persons) != 1 or len(others) != 1:
        return None
    return persons[0] if _NAMES_PERSONS.search(fold(label)) else others[0]


_PERSON_UNITS = ("人", "人次")
# A label naming people: students, staff, workers, teachers, patients, residents.
_NAMES_PERSONS = re.compile(r"(?<!卫)生|人|员|职工|者|师|户籍")


_NOTES_HEADER = re.compile(r"说明|备注")


def note_cells(table: Table) -> list[Cell]:
    """The filled cells of a box-drawn table's notes column (`說明`, `备注`), in order: prose
    that wrapped over the lines of its rows, a line a cell, to be read as prose."""
    if table.layout != "box":
        return []
    notes = [
        index
        for index, column in enumerate(table.columns)
        if column.role == "other" and _NOTES_HEADER.fullmatch(fold(column.header).strip())
    ]
    return [
        row.cells[index] for index in notes[-1:] for row in table.rows if row.cells[index].clean
    ]


# A rate that is part of a row's name (增值税50%: the share of a tax kept), not its unit.
_ENDS_IN_RATE = re.compile(r"\d\s*%$")


def _label_unit(label: str) -> Unit | None:
    """The unit a row's label writes (`税收总量（亿元）`); none for a gloss or a note in
    brackets (城镇(zhèn), 工业(含电力)), nor for a rate that is part of its name."""
    if _PERCENT_NAMED.search(fold(label)):
        return ("%", 1.0)  # 相當於本地生產總值的百份比*: a percentage, whatever the table's unit
    found = split_header_unit(label)
    if found == ("日", 1.0):
        return found  # 平均住院日(日): days, where a 日 in prose is a date's
    return found if found and is_fact_unit(found[0]) and not _ENDS_IN_RATE.search(label) else None


# A row that names itself a percentage (百分比, and the variant 百份比), a footnote mark after.
_PERCENT_NAMED = re.compile(r"百[分份]比\s*[*＊]?\s*$")


def _is_rate_header(header: str) -> bool:
    """A header of growth or shares, which are in percent unless it says otherwise; a
    difference in amount (增减额, 比较) is in the table's unit."""
    outside = outside_brackets(header)
    if _BASE_NOTE.search(fold(header)):
        return False  # 环比(上月=100): an index on the month before, no rate
    return bool(_RATE_HEADER.search(outside)) and not _AMOUNT_HEADER.search(outside)


def outside_brackets(header: str) -> str:
    """A header less its bracketed words: in `最新年度数据 (同比变动)` the bracket names what a
    cell gives in brackets (`3,795 (↑92.3%)`), not the cell's own number."""
    folded = fold(header)
    outside = re.sub(r"[(（][^()（）]*[)）]", "", folded).strip()
    return outside or folded


def _header_status(header: str) -> str | None:
    folded = fold(header)
    compared = _COMPARED.search(folded)
    if compared:  # 实征净额与全年预算数比较: the collections' status, not the budget's
        return _header_status(folded[: compared.start()])
    # A header's own word wins: "预计目标" is a target, "预计完成" an actual, and so is a
    # plan's fulfilment (完成年度计划(%), 完成预算%).
    alone = outside_brackets(header)
    if (
        "预计完成" in folded
        or _FULFILMENT.search(folded)
        or (_ACTUAL_HEADER.search(folded) and not _TARGET_HEADER.search(folded))
    ):
        return "actual"
    if _TARGET_HEADER.search(folded) or _BUDGET_ONLY.fullmatch(alone):
        return "target"
    return "actual" if _OUTCOME_ONLY.fullmatch(alone) else None


_FULFILMENT = re.compile(r"完\s*成.{0,4}(?:计\s*划|目\s*标|预\s*算)")
# A measure compared with another (`…与全年预算数比较/百分比`, `…占本月分配预算数/百分比`).
_COMPARED = re.compile(r"(?<=.)(?:与|占)(?=.+?(?:比较|百分比|比重))")
# A header that is the word 预算 (or 决算) alone, `预算(元)`, heads budgeted (or final)
# amounts; inside a longer name (一般公共预算收入) the word names a kind of revenue.
_BUDGET_ONLY = re.compile(r"预\s*算")
_OUTCOME_ONLY = re.compile(r"决\s*算")


def _column(header: str) -> Column:
    folded = digit_years(fold(header))  # 二零零八年三月, 二零零七至零八年度: their years
    if _INDICATOR_HEADER.search(folded) and not _YEAR.search(folded):
        return Column(header, "indicator", None, None, split_header_unit(header))
    if _SKIP_HEADER.search(folded):
        return Column(header, "other", None, None, None)
    status = _header_status(header)
    year = _YEAR.search(folded)
    changes = _CHANGE_HEADER.search(folded)  # 比上年增长%: a column of growth rates
    indices = _BASE_NOTE.search(folded)  # 环比(上月=100): indices on a base of 100
    return Column(
        header,
        "value" if status or year or changes or indices else "other",
        status,
        (year.group(1) or year.group(2) or year.group(3)) if year else None,
        split_header_unit(header),
    )


def _rows_of_region(text: str, start: int, end: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    offset = start
    for line in text[start:end].splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if bare.startswith("\t"):
            current.append(Cell(offset + 1, offset + len(bare), bare[1:]))
        elif bare.strip() and current:
            last = current[-1]
            current[-1] = Cell(
                last.start, offset + len(bare), text[last.start : offset + len(bare)]
            )
        elif current:
            rows.append(current)
            current = []
        offset += len(line)
    if current:
        rows.append(current)
    return rows


def _regions(text: str) -> list[tuple[int, int, str]]:
    """Spans of runs of tab-indented lines (with wrapped continuations), and the title above."""
    regions: list[tuple[int, int, str]] = []
    lines = text.splitlines(keepends=True)
    offset, index = 0, 0
    previous_title = ""
    while index < len(lines):
        bare = lines[index].rstrip("\r\n")
        if _is_cell_line(bare):
            start = offset
            while index < len(lines):
                line = lines[index].rstrip("\r\n")
                follows_cell = index > 0 and lines[index - 1].strip() != ""
                continuation = line.strip() and len(line) <= _CONTINUATION_MAX and follows_cell
                if not (_is_cell_line(line) or not line.strip() or continuation):
                    break
                offset += len(lines[index])
                index += 1
            regions.append((start, offset, previous_title))
            continue
        if bare.strip():
            previous_title = bare.strip()
        offset += len(lines[index])
        index += 1
    return regions


def find_tables(text: str) -> list[Table]:
    """The tables of `text` in every layout, in order of their start.

    A reprint that glosses characters with their pinyin (`項(xiàng) 目`, `合計(jì)`) breaks
    every header word and row label, so the tables are found on the text without the
    glosses, then placed back on the text: each cell spans its words and their glosses, and
    its text is the text's own there, so a number found in it keeps its offsets."""
    clean = Unglossed.of(text)
    if clean.text == text:
        return _tables_in(text)
    return [_placed(table, clean, text) for table in _tables_in(clean.text)]


def _placed(table: Table, clean: Unglossed, text: str) -> Table:
    """A table found on the text without its glosses, with the text's offsets."""

    def placed(cell: Cell) -> Cell:
        start, end = clean.span_of(cell.start, cell.end)
        return Cell(start, end, text[start:end])

    rows = tuple(replace(row, cells=tuple(map(placed, row.cells))) for row in table.rows)
    start, end = clean.span_of(table.start, table.end)
    return replace(table, start=start, end=end, rows=rows)


def _tables_in(text: str) -> list[Table]:
    tables = _cell_tables(text)
    tables += _box_tables(text, _Spans(tables))
    tables += _sideways_tables(text, _Spans(tables))
    tables += _columnwise_tables(text, _Spans(tables))
    tables += _column_block_tables(text, _Spans(tables))
    tables += _yearbook_tables(text, _Spans(tables))
    tables += _spaced_tables(text, _Spans(tables))
    tables += _record_tables(text, _Spans(tables))
    tables += _statement_tables(text, _Spans(tables))
    tables += _ledger_tables(text, _Spans(tables))
    tables += _comma_tables(text, _Spans(tables))
    tables += _flattened_tables(text, _Spans(tables))
    tables += _scorecard_tables(text, _Spans(tables))
    tables += _target_list_tables(text, _Spans(tables))
    lines = _lines(text)
    tables += _panel_tables(text, lines, _Spans(tables))
    # Before the piped rows: a label-then-value grid a page wrote a pipe after every cell of
    # (`经常性收入合计 |⏎7154.36 |⏎|`) would read to them as piped rows from halfway.
    tables += _pair_tables(text, _Spans(tables))
    tables += _piped_tables(text, _Spans(tables))
    tables += _year_row_tables(text, lines, _Spans(tables))
    tables += _row_tables(text, lines, _Spans(tables))
    tables += _period_tables(text, _Spans(tables))
    tables += _label_row_tables(text, _Spans(tables))
    tables += _ranked_tables(text, _Spans(tables))
    tables += _fused_tables(text, _Spans(tables))
    tables += _stream_tables(text, lines, _Spans(tables))
    # Then runs that go on across blank lines (a web table copied with a blank line after
    # every cell), in what the tighter runs left: a blank line ends a run of those, so
    # looking there first could only join a table to the short lines around it.
    tables += _stream_tables(text, lines, _Spans(tables), across_blanks=True)
    tables += _figure_row_tables(text, _Spans(tables))
    # Last, rows of periods under no header that no reading above took (a yearbook's header
    # the page scattered over blank lines): their figures, named by nothing.
    tables += _period_tables(text, _Spans(tables), headless=True)
    tables.sort(key=lambda table: table.start)
    tables = _named_as_the_table_before(text, tables)
    return [part for table in tables for part in _heading_row_units(table)]


# How far below a table a second block of its columns may begin, in characters.
_NEXT_BLOCK_REACH = 200


def _named_as_the_table_before(text: str, tables: list[Table]) -> list[Table]:
    """A yearbook table's second block of years under a caption of its own and no header
    (`比上年增长(%)`, then `1996 29.0 3.6 …`) measures the columns the block above named, as
    its caption says: `地方一般预算收入` becomes `地方一般预算收入比上年增长`."""
    named = list(tables)
    for index in range(1, len(named)):
        above, table = named[index - 1], named[index]
        values = [column for column in table.columns if column.role == "value"]
        names = [column.header for column in above.columns if column.role == "value"]
        if (
            table.layout != "periods"
            or above.layout not in ("periods", "lines")
            or not values
            or any(column.header for column in values)
            or len(names) != len(values)
            or not all(names)
            or not 0 <= table.start - above.end <= _NEXT_BLOCK_REACH
        ):
            continue
        # The lines between the two blocks, the second's caption among them.
        between = text[above.end : table.rows[0].cells[0].start] if table.rows else ""
        captions = [_UNIT_BRACKET.sub("", line).strip() for line in between.splitlines()]
        caption = next((words for words in reversed(captions) if HAS_CJK.search(words)), "")
        if not _CHINESE_WORDS.fullmatch(caption):
            continue
        headers = iter(f"{name}{caption}" for name in names)
        columns = tuple(
            replace(_row_column(next(headers)), role="value", unit=column.unit)
            if column.role == "value"
            else column
            for column in table.columns
        )
        named[index] = replace(table, columns=columns)
    return named


def _heading_row_units(table: Table) -> list[Table]:
    """A table with no unit line whose first row writes a unit (`社会消费品零售总额(亿元)` over
    `# 批发零售业`, `住宿餐饮业`, …): the rows under a row that writes one are its parts, in
    its unit, down to the next such row (`二、常住居民年平均人口 (万人)`)."""
    if table.unit is not None or table.parent or len(table.rows) < _PARTS_MIN:
        return [table]  # a part under a parent row takes the parent's unit, or none
    labels = [table.indicator_of(row) for row in table.rows]
    units = [
        unit if (unit := _label_unit(label)) and unit[0] not in RATE_UNITS else None
        for label in labels
    ]
    if units[0] is None or all(units):
        return [table]
    if any(
        unit is None and _OWN_BRACKET.search(label)
        for unit, label in zip(units, labels, strict=True)
    ):
        return [table]  # 病床使用率(%), 平均住院日(日): rows that write their own, no parts
    heads = [index for index, unit in enumerate(units) if unit]
    return [
        replace(table, rows=table.rows[head:end], unit=units[head])
        for head, end in zip(heads, [*heads[1:], len(table.rows)], strict=True)
    ]


_PARTS_MIN = 3
# A label's own bracket at its end, short words (a unit, or what stands for one).
_OWN_BRACKET = re.compile(r"[(（][^()（）\d]{1,4}[)）]\s*$")


def _cell_tables(text: str) -> list[Table]:
    """Tables flattened one cell per line: regions with a header row of three or more cells."""
    tables: list[Table] = []
    for start, end, title in _regions(text):
        rows = _rows_of_region(text, start, end)
        header_index = next((i for i, row in enumerate(rows) if len(row) >= 3), None)
        if header_index is None:
            continue
        header = rows[header_index]
        columns = tuple(_column(cell.text) for cell in header)
        if not any(column.role == "value" for column in columns):
            continue
        titles = " ".join(cell.clean for row in rows[:header_index] for cell in row)
        body = tuple(Row(tuple(row)) for row in rows[header_index + 1 :])
        if not body:
            # Paragraphs a tab each (a news page's indent) make a "header" of prose and no rows.
            continue
        tables.append(Table(start, end, titles or title, columns, body))
    return tables


def _is_cell_line(line: str) -> bool:
    """A line of the one-cell-per-line layout: one leading tab and no other."""
    return line.startswith("\t") and "\t" not in line[1:]


# --- One row per line: pipes, Markdown, tabs, aligned columns --------------------------------

RATE_UNITS = units_where(Family.PERCENT, Family.POINTS)
MONEY_UNITS = units_where(Family.MONEY)
# A column of growth or shares whose header gives no unit is in percent.
# 环比 heads a change on the period before; 以环比物量计算 (chained volume measures) levels.
_RATE_HEADER = re.compile(
    f"{cue_pattern('change', Scope.HEADER).pattern}|{cue_pattern('share', Scope.HEADER).pattern}"
    "|环比(?!物量)"
)
# Headers of columns that hold measured values even without a status or a year.
_MEASURE_HEADER = re.compile(
    r"绝对|总量|总额|总值|数量|金额|数值|产量|增长|增速|增幅|增减|比上年|同比|比重|占比|比例|构成|"
    r"合计|预算|决算|执行|本年|本期|本月|同期|上年|累计|当月|全年|收入|支出|增加值|数据|变动|指数"
)
# A change or share header that names an amount (增减额, 增加量) counts in the table's unit.
_AMOUNT_HEADER = re.compile(r"[额量]\s*$|(?<!指)数\s*$|比\s*较$")  # 自然增长人数; not 比较增加率
# An index, or a sex ratio (男性对女性, 女性=100): a figure on a base of 100, whatever the table's
# `单位:%` line says of its shares.
_INDEX_HEADER = re.compile(r"指\s*数|性\s*别\s*比|性\s*比\s*例")
_UNIT_COLUMN = re.compile(r"^(?:计量)?单\s*位$")
_SERIAL_HEADER = re.compile(r"^(?:序\s*号|编\s*号|No\.?)?$", re.IGNORECASE)
_PIPE = re.compile(r"\s*[|｜]\s*")
_TAB = re.compile(r"[ \u3000]*\t[ \u3000\t]*")
_GAP = re.compile(r"[ \u3000\u2002\u2003\u00a0]{2,}|[\u3000\u2003](?=[\d\-－−.])")
_SEPARATOR_ROW = re.compile(r"^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$")
# 单位:万元, and a letter-spaced page's 單 位 ﹕ 百 萬 元 (a small colon, a letter a cell).
# 编制单位:福建省, 填报单位:… name who filled in a form, no unit.
_UNIT_LINE = re.compile(
    r"(?<!编制)(?<!填报)(?<!制表)(?<!报送)单\s*位\s*[:：﹕︰]\s*"
    r"((?:[\u4e00-\u9fff] ){1,4}[\u4e00-\u9fff](?![^\s|｜])|[^\s|｜，,；;）)]+)"
)
_NOT_DATA = re.compile(
    r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*(?:[-—–~至]\s*\d{1,2}\s*)?月)?|\d{1,2}\s*(?:[-—–~至]\s*\d{1,2}\s*)?月|[(（][^()（）]*[)）]"
    r"|注\s*\d{1,2}$"  # a footnote mark on a header (按月变动注1)
    r"|[\[［]\d{1,2}[\]］]"  # and a numbered note's (比重[4])
    r"|\d{1,2}\s*[-—–~至]\s*本月"  # 1-本月: the months of the year so far
    r"|(?:[1-4]\s*[-—–~至]\s*)?[1-4]\s*季度"  # 1季度累计, 1-3季度: quarters
    r"|\d{1,3}\s*(?:[-—–~至]\s*\d{1,3}\s*岁|岁\s*(?:及\s*)?以\s*[上下])"  # 0-14岁, 65岁及以上: ages
)
_NUMBER_CELL = re.compile(r"[-−+]?\d[\d,.]*%?\*?")
_NO_SPLIT = re.compile(r"(?!)")  # a line that is one cell
_RULE_LINE = re.compile(r"^\s*[|｜]+\s*$")
_TITLE_MAX = 60
_GROUP_LABEL_MAX = 30
_UNIT_LOOKBACK = 3
_HEADER_ROWS_MAX = 3


def names_a_measure(header: str) -> bool:
    """Whether a column header names what its cells measure (绝对数, 增长, 比重, 指数), not
    only whose they are (城市, 农村) or in what unit."""
    words = outside_brackets(header)
    return bool(_MEASURE_HEADER.search(words) or _RATE_HEADER.search(words))


def _unit_line_unit(source: str) -> Unit | None:
    """The unit a `单位：万元` line in `source` (a table's title or the lines above it) gives."""
    found = _UNIT_LINE.search(fold(source))
    return _unit_words(found.group(1)) if found else None


def _unit_words(words: str) -> Unit | None:
    """The unit a unit cell or a `单位：` line writes (万元 → 元 × 1e4)."""
    bare = _one_language(LETTER_GAPS.sub("", fold(words).strip()))
    return split_header_unit(f"({bare})") if bare else None


# `亿澳门元/ 108 MOP`, `百分比 / %`: a unit in Chinese, then its English or symbol after a slash.
_GLOSSED_UNIT = re.compile(r"^(?P<chinese>.*[^\x00-\x7f].*?)\s*/\s*(?P<latin>[\x00-\x7f]+)$")


# 新台币亿元, 港币百万元, 新台币千元: a currency's name, then a magnitude and 元 (GUIDELINES:
# the unit is what follows the magnitude word).
_CURRENCY_MAGNITUDE = alternation((*WRITTEN_MAGNITUDES, *CURRENCY_MAGNITUDES)).pattern
# The name never opens with a magnitude: 十亿港元 and 百万澳门元 are a magnitude and a currency.
# A currency named before a bare 元 (`新台币元`, `澳门币元`) stays out of it too.
_NAMED_CURRENCY = re.compile(
    rf"^(?!{_CURRENCY_MAGNITUDE})(?:[^\d/]+?(?P<rest>(?:{_CURRENCY_MAGNITUDE})[^/]*元)"
    rf"|(?:{CURRENCY_NAME})(?P<bare>元))$"
)


_CURRENCY_AFTER = re.compile(rf"元\s*(?:{CURRENCY_NAME})$")


def _one_language(unit: str) -> str:
    """A bilingual unit cell's unit: its symbol where the vocabulary knows it (`百分比 / %` →
    %), else its Chinese (`亿澳门元/ 108 MOP` → 亿澳门元, whose 108 is 10^8 with the superscript
    lost); a compound unit (元/人) is one unit and stays whole."""
    named = _NAMED_CURRENCY.match(unit)
    if named:
        return named.group("rest") or named.group("bare")
    if _CURRENCY_AFTER.search(unit):
        return _CURRENCY_AFTER.sub("元", unit)  # 亿元人民币: the currency named after its 元
    found = _GLOSSED_UNIT.match(unit)
    if not found:
        return unit
    latin = found.group("latin").strip()
    return latin if declared_unit(latin) else found.group("chinese").strip()


def _header_unit(header: str) -> Unit | None:
    """A column header's unit: in brackets at its end, after 单位：, or a trailing %."""
    found = split_header_unit(header)
    if found and not is_fact_unit(found[0]):
        # 薪资(新台币元): a currency's name stays out of the unit; (C/A) names a formula.
        named = _unit_words(found[0]) if _NAMED_CURRENCY.match(found[0]) else None
        return (named[0], found[1] * named[1]) if named and is_fact_unit(named[0]) else None
    if found:
        return found
    folded = fold(header).rstrip(" *")
    return ("%", 1.0) if folded.endswith(("%", "百分比")) else None


def _row_column(header: str, *, counted: bool = True) -> Column:
    """A column of a one-row-per-line table: the cell layout's roles, plus columns that are
    measured by what their header names (绝对量, 比上年增长, with `counted` a count: 户数) or
    by their unit, and unit columns."""
    clean = re.sub(r"\s+", "", header)
    if _UNIT_COLUMN.match(fold(clean)):
        return Column(header, "unit", None, None, None)
    column = _column(header)
    unit = _header_unit(header)
    measured = unit or _MEASURE_HEADER.search(fold(clean)) or (counted and _counted_unit(header))
    if column.role == "other" and measured and not _SKIP_HEADER.search(fold(header)):
        return replace(column, role="value", unit=unit)
    return replace(column, unit=unit)


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line in the text
    text: str  # without its line end
    layout: str | None  # the row layout the line has, or None


def _lines(text: str) -> list[_Line]:
    return _headers_rejoined(
        text, [_Line(start, line, _line_layout(line)) for start, line in text_lines(text)]
    )


def _headers_rejoined(text: str, lines: list[_Line]) -> list[_Line]:
    """A markdown table's header row that a page broke after every cell (`|  项 目  |`,
    `    单位  |`, `   1980年 |`, a blank line, then `|---|---|---|`) made one line again:
    the lines from the one opening with a pipe down to the separator, when together they
    have as many cells as the separator has columns. Line ends become spaces, so every
    offset stays the text's."""
    rejoined: list[_Line] = []
    index = 0
    while index < len(lines):
        end = _broken_header_end(lines, index)
        if end is None:
            rejoined.append(lines[index])
            index += 1
            continue
        start = lines[index].start
        stop = lines[end - 1].start + len(lines[end - 1].text)
        rejoined.append(_Line(start, breaks_as_spaces(text[start:stop]), "pipe"))
        index = end
    return rejoined


def _broken_header_end(lines: Sequence[_Line], first: int) -> int | None:
    """Where a header row broken over lines from `first` ends (the separator's index), or
    None where the lines there are no such row."""
    if not _opens_with_pipe(lines[first]) or lines[first].layout != "pipe":
        return None
    index = first + 1
    while index < len(lines) and index - first <= _BROKEN_HEADER_LINES:
        line = lines[index]
        if line.layout == "separator":
            break
        if line.text.strip() and (line.layout != "pipe" or _opens_with_pipe(line)):
            return None
        index += 1
    else:
        return None
    if index == first + 1:
        return None
    joined = " ".join(line.text for line in lines[first:index])
    cells = _PIPE.split(joined.strip().strip("|｜"))
    columns = len(_PIPE.split(lines[index].text.strip().strip("|｜")))
    return index if len(cells) == columns else None


# How many lines a broken header row may take: a cell a line, and blank lines between.
_BROKEN_HEADER_LINES = 40


def _line_layout(line: str) -> str | None:
    if not line.strip() or _is_cell_line(line):
        return None
    if _RULE_LINE.match(line):
        return "rule"
    if _SEPARATOR_ROW.match(line):
        return "separator"
    if _PIPE.search(line):
        return "pipe"
    if "\t" in line.strip(" \u3000"):
        return "tab"
    if _GAP.search(line.strip()):
        return "spaces"
    return None


def _split(line: str, offset: int, separator: re.Pattern[str]) -> list[Cell]:
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


def _row_cells(line: _Line, layout: str, outer: tuple[bool, bool]) -> list[Cell]:
    """A row's cells; `outer` says whether the block's rows open and close with a pipe."""
    if line.layout is None:  # a group label: one cell
        return _split(line.text, line.start, _NO_SPLIT)
    if layout == "pipe":
        cells = _split(line.text, line.start, _PIPE)
        if outer[0] and cells and not cells[0].text:
            cells = cells[1:]
        if outer[1] and cells and not cells[-1].text:
            cells = cells[:-1]
        return cells
    if layout == "tab":
        return _split(line.text, line.start, _TAB)
    return _split(line.text, line.start, _GAP)


def _outer_pipes(lines: Sequence[_Line]) -> tuple[bool, bool]:
    """Whether every row of a pipe block opens, and closes, with a pipe (`| a | b |`): those
    pipes are borders, while a lone leading pipe is an empty first cell (` | 绝对量 | 增长`)."""
    rows = [line.text.strip() for line in lines if line.layout == "pipe"]
    return (
        bool(rows) and all(row[:1] in "|｜" for row in rows),
        bool(rows) and all(row[-1:] in "|｜" for row in rows),
    )


def _blocks(lines: Sequence[_Line], taken: _Spans) -> list[tuple[int, int]]:
    """Runs of consecutive lines (index ranges) of one row layout, outside `taken` spans.

    A short line of words between two rows (`一、推动高质量发展`, a row whose one cell spans
    the table) stays in the run, and so does a line of pipes alone under a pipe row of one
    cell (`农村最低生活保障 |` then `|||||`: the rest of a group's row).
    """
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        family = _family(lines[index].layout)
        if family is None or lines[index].start in taken:
            index += 1
            continue
        end = index + 1
        while end < len(lines):
            if _family(lines[end].layout) == family:
                end += 1
            elif (family == "spaces" and _blank_between_rows(lines, end)) or (
                end + 1 < len(lines)
                and (_is_group_label(lines[end]) or _rest_of_group_row(lines, end, family))
                and _family(lines[end + 1].layout) == family
            ):
                end += 2
            else:
                break
        blocks.append((index, end))
        index = end
    return blocks


def _rest_of_group_row(lines: Sequence[_Line], index: int, family: str | None) -> bool:
    above = lines[index - 1]
    return (
        family == "pipe"
        and lines[index].layout == "rule"
        and above.layout == "pipe"
        and len([cell for cell in _PIPE.split(above.text) if cell.strip()]) == 1
    )


def _blank_between_rows(lines: Sequence[_Line], index: int) -> bool:
    """Whether the blank line at `index` falls between two rows of one aligned table: rows
    of numbers, as many cells each, on either side (a yearbook page spaces its rows out)."""
    if lines[index].text.strip() or index + 1 >= len(lines) or index == 0:
        return False
    above, below = lines[index - 1], lines[index + 1]
    if below.layout != "spaces" or above.layout != "spaces":
        return False
    cells_above = _split(above.text, above.start, _GAP)
    cells_below = _split(below.text, below.start, _GAP)
    return (
        len(cells_above) == len(cells_below) and _has_data(cells_above) and _has_data(cells_below)
    )


def _is_group_label(line: _Line) -> bool:
    words = line.text.strip()
    return (
        line.layout is None
        and 0 < len(words) <= _GROUP_LABEL_MAX
        and not words.endswith(("。", "；", "，"))
        and not _is_cell_line(line.text)
    )


def _family(layout: str | None) -> str | None:
    if layout == "rule":
        return None
    return "pipe" if layout == "separator" else layout


class _Found(Protocol):
    """What a layout finder finds: a grid, a form, a run of records, and its span."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_Grid = TypeVar("_Grid", bound=_Found)


def _unclaimed(found: Iterable[_Grid], taken: _Spans) -> Iterator[_Grid]:
    """What a finder found, less what starts inside a table an earlier reading made: each
    layout reads only the text the layouts before it left."""
    return (grid for grid in found if grid.start not in taken and not taken.any_in(grid))


class _Spans:
    """The spans of the tables found so far, to tell whether a line is already in one."""

    def __init__(self, tables: Sequence[Table]) -> None:
        ordered = sorted((table.start, table.end) for table in tables)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def any_in(self, grid: _Found) -> bool:
        """Whether a table found so far starts inside `grid` (a grid that opens above a table
        an earlier layout read would read its rows twice)."""
        index = bisect_right(self._starts, grid.start)
        return index < len(self._starts) and self._starts[index] < grid.end

    def __contains__(self, position: object) -> bool:
        if not isinstance(position, int):
            return False
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


def _has_data(cells: Sequence[Cell]) -> bool:
    """A body row: a cell after the first holds a number that is not a date. A row whose
    figures are all years, in order (`| 地 区 | 2008 | 2009 | |`), is a header's."""
    figures = [words for cell in cells[1:] if re.search(r"\d", words := fold(cell.clean))]
    years = [year for words in figures if (year := _header_year(words))]
    if years and len(years) == len(figures) and years == sorted(years):
        return False
    return any(re.search(r"\d", _NOT_DATA.sub("", words)) for words in figures)


def _merge_spaced_letters(cells: list[Cell], text: str) -> list[Cell]:
    """`指    标` cut at its spaces is one header cell, not two."""
    merged: list[Cell] = []
    for cell in cells:
        single = len(cell.text) == 1 and unicodedata.east_asian_width(cell.text) == "W"
        if merged and single and len(merged[-1].clean) <= 3 and _all_wide(merged[-1].clean):
            previous = merged[-1]
            merged[-1] = Cell(previous.start, cell.end, text[previous.start : cell.end])
        else:
            merged.append(cell)
    return merged


def _all_wide(word: str) -> bool:
    return bool(word) and all(unicodedata.east_asian_width(char) == "W" for char in word)


def _display_span(text: str, line_start: int, cell: Cell) -> tuple[int, int]:
    """A cell's columns on screen (CJK characters are two wide), for aligned layouts."""
    left = display_width(text[line_start : cell.start])
    return left, left + max(display_width(cell.text), 1)


def _placements(
    text: str, line_start: int, cells: Sequence[Cell], grid: Sequence[tuple[int, int]]
) -> list[int]:
    """For each cell of an aligned line, the column of `grid` it overlaps most on screen, or
    the nearest one where it overlaps none."""
    placements: list[int] = []
    for cell in cells:
        left, right = _display_span(text, line_start, cell)
        overlaps = [min(right, end) - max(left, start) for start, end in grid]
        best = max(range(len(grid)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0:
            centre = (left + right) / 2
            best = min(range(len(grid)), key=lambda i: abs((grid[i][0] + grid[i][1]) / 2 - centre))
        placements.append(best)
    return placements


def _aligned(
    text: str, line_start: int, cells: list[Cell], grid: Sequence[tuple[int, int]]
) -> list[Cell]:
    """Cells of an aligned row put under the header columns they overlap most; the columns
    a row leaves blank get empty cells."""
    placed: list[Cell | None] = [None] * len(grid)
    for cell, best in zip(cells, _placements(text, line_start, cells, grid), strict=True):
        if placed[best] is None:
            placed[best] = cell
    return [cell or Cell(cells[0].start, cells[0].start, "") for cell in placed]


def _stacked_headers(
    text: str, header_rows: Sequence[tuple[_Line, list[Cell]]], grid: Sequence[tuple[int, int]]
) -> list[str]:
    """A header written over several lines of aligned words (`粮食产量   (万吨)` over
    `比上年增长   (%)`): each column's header is the words standing over it, top down, as
    llmx.tables.boxes reads a drawn header. A unit set apart in brackets belongs to the words on
    its left, wherever it stands."""
    texts = [""] * len(grid)
    for line, line_cells in header_rows:
        cells = _units_rejoined(line_cells)
        for cell, column in zip(cells, _placements(text, line.start, cells, grid), strict=True):
            texts[column] += cell.clean
    return texts


def _row_tables(text: str, lines: Sequence[_Line], taken: _Spans) -> list[Table]:
    tables: list[Table] = []
    for block in _blocks(lines, taken):
        for first, last in _header_restarts(lines, *block):
            table = _block_table(text, lines, first, last)
            if table is not None:
                tables += _group_parts(table)
    return tables


def _group_parts(table: Table) -> list[Table]:
    """A table whose rows fall into groups, each under a row of its label alone (`三、国内生产总值
    中三次产业比重 | ||||||`), cut into parts under those rows (see `_outline_parts`): what a
    group names (比重, a share; 人口(万人), a unit) its rows take."""
    rows = [list(row.cells) for row in table.rows]
    groups = [_is_group_row(cells) for cells in rows]
    labels = [cells[0] for cells in rows]
    marked = [label.clean.startswith(_SUB_MARKS) for label in labels]
    if not any(groups) and any(marked[1:]):
        # `# 食品制造业` then unmarked rows: sub-items, in the unit of the row they follow.
        depths = _siblings_of_marked(labels, [int(mark) for mark in marked])
    elif any(groups) and not all(groups):
        depths = [0 if group else 1 for group in groups]
    else:
        return [table]
    periods = [row.periods for row in table.rows]
    return _outline_parts(replace(table, rows=()), labels, depths, rows, periods)


# The mark a statistics table puts before a sub-item (`#轻工业`: of which).
_SUB_MARKS = ("#", "＃")


def _header_restarts(lines: Sequence[_Line], first: int, last: int) -> list[tuple[int, int]]:
    """A block of pipe rows cut where a second table's header follows the first's rows with
    no line between (`… | 12 | 平順縣 | 30.2 | 10.8 |` then `年份 | GDP(億元) | 增速(%) |`):
    a row of two or more word cells, one naming a column's unit or the row labels, between
    rows of figures. The second table may open with its caption (`12-11续表1 单位:万元`),
    and its header may go on over more rows of words (`单 位 数 | #亏 损 |`, a group row)."""
    if _family(lines[first].layout) != "pipe":
        return [(first, last)]
    outer = _outer_pipes(lines[first:last])
    cells = [_row_cells(line, "pipe", outer) for line in lines[first:last]]
    data = [_has_data(row) and not _is_column_code_row(row) for row in cells]
    cuts: list[int] = []
    index = 1
    while index < len(cells):
        if data[index] or not data[index - 1]:
            index += 1
            continue
        words_end = index
        while words_end < len(cells) and not data[words_end]:
            words_end += 1
        captioned = _is_caption_row(cells[index]) and words_end - index > 1
        header = index + 1 if captioned else index
        one_header = captioned or words_end - index == 1  # not a run of word rows in a body
        if one_header and words_end < len(cells) and _heads_a_table(cells[header]):
            cuts.append(first + index)
        index = words_end
    bounds = [first, *cuts, last]
    return list(pairwise(bounds))


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _heads_a_table(cells: Sequence[Cell]) -> bool:
    """Whether a row of words heads a table; a numbered row (`37 | 银行不良率(%) | 低于全市平均
    水平`) is a row whose cell says no figure, not a header."""
    words = [cell.clean for cell in cells if cell.clean]
    return (
        len(words) >= 2
        and not _ROW_NUMBER.fullmatch(words[0])
        and not _has_data(cells)
        and any(STUB_HEADING.fullmatch(word) or split_header_unit(word) for word in words)
    )


def _block_table(text: str, lines: Sequence[_Line], first: int, last: int) -> Table | None:
    """The table a block of rows makes: title rows, header rows, then body rows."""
    layout = _family(lines[first].layout) or "pipe"
    markdown = any(line.layout == "separator" for line in lines[first:last])
    outer = _outer_pipes(lines[first:last])
    rows = [
        (line, _row_cells(line, layout, outer))
        for line in lines[first:last]
        if line.layout not in ("separator", "rule")
    ]
    if layout == "pipe" and not outer[0]:
        rows = _header_rejoined(_labels_rejoined(_joined_rows(rows)))
    index = 0
    titles: list[str] = []
    while index < len(rows) and _is_caption_row(rows[index][1]):
        titles.extend(cell.text for cell in rows[index][1] if cell.text)
        index += 1
    header_rows: list[tuple[_Line, list[Cell]]] = []
    # A markdown table's header ends at its separator: a group row under it (`| 一、户 数 |
    # ||||`) holds no figure but heads no column.
    above_separator = _rows_above_separator(lines[first:last]) if markdown else len(rows)
    while index < min(len(rows), above_separator) and not _has_data(rows[index][1]):
        if header_rows and _is_group_row(rows[index][1]) and _heads_data(rows, index + 1):
            break  # `一、人 口 | ||||||` over the first figures: a group of rows, no header
        if len(header_rows) == _HEADER_ROWS_MAX:
            return None
        cells = rows[index][1]
        header_rows.append(
            (rows[index][0], _merge_spaced_letters(cells, text) if layout == "spaces" else cells)
        )
        index += 1
    if header_rows and index < len(rows) and _is_column_code_row(rows[index][1]):
        index += 1  # `甲 | 丙 | 1 | 2 | 3` under a form's header numbers its columns: no row
    body: list[tuple[_Line, list[Cell]]] = []
    periods: dict[int, tuple[str, ...]] = {}  # by the body row's line start
    last_periods: tuple[str, ...] = ()
    for line, cells in rows[index:]:
        if _is_period_row(cells):
            last_periods = tuple(cell.clean for cell in cells if cell.clean)
            continue
        body.append((line, cells))
        periods[line.start] = last_periods
    if not header_rows or not body:
        return None
    width = max(len(cells) for _, cells in header_rows)
    if layout != "spaces":
        width = max(width, *(len(cells) for _, cells in body))
        # Pipes closing empty cells at every row's end (`| ||||||`) make no columns.
        width = min(width, max(_filled_width(cells) for _, cells in (*header_rows, *body)))
    if width < 2:
        return None
    headers = [cells for _, cells in header_rows]
    if layout == "pipe":
        headers = _rowspan_restored(headers, width)
    if len(headers) == 1 and layout != "spaces":
        headers = [_header_over_values(headers[0], [cells for _, cells in body], width)]
    grid_line, grid_cells = max(header_rows, key=lambda row: len(row[1]))
    widest_line, widest_cells = max(body, key=lambda row: len(row[1]))
    texts_placed = layout == "spaces" and len(header_rows) > 1 and len(widest_cells) > width
    if texts_placed:
        # A header over several lines narrower than the rows: its words are placed by where
        # they stand over the widest row's cells.
        grid_line, grid_cells, width = widest_line, widest_cells, len(widest_cells)
        grid = [_display_span(text, grid_line.start, cell) for cell in grid_cells]
        texts = _stacked_headers(text, header_rows, grid)
    group_of: list[int | None] = []
    if not texts_placed:
        grouped = _grouped_headers(headers, [cells for _, cells in body], width)
        texts = grouped[0] if grouped else _header_texts(_spans_spread(headers, width), width)
        group_of = grouped[1] if grouped else []
        grid = [_display_span(text, grid_line.start, cell) for cell in grid_cells]
    above = _lines_above(lines, first)
    unit_source = " ".join([*(line.text for line in above), *titles])
    table_unit = _unit_line_unit(unit_source)
    # Space columns under a header broken over lines join words of several columns into one
    # (`总人口年份城镇人口`): a count's noun there is not enough to call a column measured.
    columns = _columns(texts, body, counted=layout != "spaces", group_of=group_of)
    columns = _reporting_units_as_labels(columns, body)
    unit_column = layout != "spaces" and any(column.role == "unit" for column in columns)
    if unit_column or (table_unit is not None and any(c.role == "value" for c in columns)):
        columns = _figures_in_stated_units(columns, body)
    if not any(column.role == "value" for column in columns):
        return None
    if layout == "spaces" and _holds_sentences(columns, body):
        return None
    body_rows = tuple(
        Row(
            tuple(_fitted(text, line, cells, width, grid if layout == "spaces" else None)),
            periods[line.start],
        )
        for line, cells in body
    )
    title = " ".join(titles) or (above[-1].text.strip() if above else "")
    start = lines[first].start
    end = lines[last - 1].start + len(lines[last - 1].text)
    return Table(
        start,
        end,
        title,
        columns,
        body_rows,
        layout="markdown" if markdown else layout,
        unit=table_unit,
    )


def _header_over_values(
    header: list[Cell], body: Sequence[Sequence[Cell]], width: int
) -> list[Cell]:
    """A header one cell short of rows that open on their labels, with no labels' heading
    (`本 月 | 比上年同月 ±% | 本月止累计 | 比上年同期 ±% | |`): its cells head the value
    columns, where the figures under them then fit their headers better."""
    filled = _filled_width(header)
    first = header[0].text
    if (
        filled != width - 1
        or _column(first).role == "indicator"
        or _UNIT_COLUMN.match(fold(first).strip())
    ):
        return header
    if not all(
        row and row[0].clean and not _NUMBER_CELL.fullmatch(fold(row[0].clean)) for row in body
    ):
        return header
    shifted = [Cell(header[0].start, header[0].start, ""), *header[:filled]]
    texts = [cell.text for cell in header[:filled]]
    if _fit_to_body(["", *texts], body) > _fit_to_body([*texts, ""], body):
        return shifted
    return header


def _filled_width(cells: Sequence[Cell]) -> int:
    """How many of a row's cells reach its last cell with text in it."""
    return max((index + 1 for index, cell in enumerate(cells) if cell.text), default=0)


def _heads_data(rows: Sequence[tuple[_Line, list[Cell]]], index: int) -> bool:
    return index < len(rows) and _has_data(rows[index][1]) and not _is_period_row(rows[index][1])


def _is_group_row(cells: Sequence[Cell]) -> bool:
    """A row of its first cell's words alone, every other cell empty: it heads the rows below."""
    return len(cells) > 2 and bool(cells[0].clean) and not any(cell.clean for cell in cells[1:])


def _figures_in_stated_units(
    columns: Sequence[Column], body: Sequence[tuple[_Line, list[Cell]]]
) -> tuple[Column, ...]:
    """Under a `单位:万元` line, or beside a unit column (计量单位: 元/5升), a named column
    whose cells are all figures holds values in that unit (`工业总产值`, `上旬平均`), though
    its header names no measure, year or status; a column of years, of ranks or codes, or
    numbered 1, 2, 3… down the rows holds none."""
    promoted = list(columns)
    for index, column in enumerate(columns):
        cells = [cells[index].clean for _, cells in body if index < len(cells)]
        figures = [fold(cell) for cell in cells if cell]
        if (
            column.role == "other"
            and column.header.strip()
            and not _SKIP_HEADER.search(fold(column.header))
            and not _NOT_MEASURED_HEADER.search(fold(column.header))
            and len(figures) >= 2
            and _mostly_figures(figures)
            and not all(_YEAR_CELL.fullmatch(cell) for cell in figures)
            and not _counts_up(figures)
        ):
            promoted[index] = replace(column, role="value")
    return tuple(promoted)


def _reporting_units_as_labels(
    columns: tuple[Column, ...], body: Sequence[tuple[_Line, list[Cell]]]
) -> tuple[Column, ...]:
    """A 单位 column of places or bodies (`全国`, `北京`: the reporting units) labels the rows
    where no other column does: its cells are no units of measure."""
    if any(column.role == "indicator" for column in columns):
        return columns
    relabelled = list(columns)
    for index, column in enumerate(columns):
        cells = [
            cells[index].clean for _, cells in body if index < len(cells) and cells[index].clean
        ]
        if column.role == "unit" and cells and not any(is_unit_word(fold(cell)) for cell in cells):
            relabelled[index] = replace(column, role="indicator")
    return tuple(relabelled)


def _mostly_figures(cells: Sequence[str]) -> bool:
    """Figures in every cell, or in all but one of five or more: a row that lost a cell
    shifts the next cell's words (an arrow, ↓) into the column."""
    odd = sum(not _NUMBER_CELL.fullmatch(cell) for cell in cells)
    return odd == 0 or (len(cells) >= 5 and odd == 1)


def _numbers_lines(cells: Sequence[str]) -> bool:
    """Whole numbers going up by one down three or more rows, no years (35, 36, 37): a form's
    line numbers (行次), whatever its header says."""
    numbers = [int(cell) for cell in cells if _LINE_NUMBER.fullmatch(cell.strip())]
    return len(numbers) == len(cells) >= _LINE_NUMBERS_MIN and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


_LINE_NUMBER = re.compile(r"[1-9]\d{0,2}")
_LINE_NUMBERS_MIN = 3


def _counts_up(figures: Sequence[str]) -> bool:
    """Figures 1, 2, 3… down a column: row numbers or ranks."""
    return all(each.isdecimal() for each in figures) and [int(each) for each in figures] == list(
        range(1, len(figures) + 1)
    )


# Columns of figures that are no facts: ranks, codes, line numbers.
_NOT_MEASURED_HEADER = re.compile(
    r"位\s*次|排\s*名|名\s*次|代\s*码|编\s*码|行\s*次|栏\s*次|rank|code", re.IGNORECASE
)


def _rows_above_separator(lines: Sequence[_Line]) -> int:
    """How many rows stand above a markdown block's first separator line."""
    for index, line in enumerate(lines):
        if line.layout == "separator":
            return index
    return len(lines)


def _rowspan_restored(headers: Sequence[list[Cell]], width: int) -> list[list[Cell]]:
    """Header rows under a first cell that spanned them all (`年份` over `机构数 | 医院 | … |
    |`, `(个) | (个) | … | |`): a page that lost the span moved their cells one column left,
    leaving the last empty; each such row is put back one column right."""
    first = headers[0] if headers else []
    if len(headers) < 2 or len(first) != width:
        return list(headers)
    if not STUB_HEADING.fullmatch(first[0].clean):
        return list(headers)
    restored = [list(first)]
    for cells in headers[1:]:
        moved = len(cells) == width and cells[0].clean and not cells[-1].clean
        if moved and not STUB_HEADING.fullmatch(cells[0].clean):
            cells = [Cell(cells[0].start, cells[0].start, ""), *cells[:-1]]
        restored.append(list(cells))
    return restored


def _is_caption_row(cells: Sequence[Cell]) -> bool:
    """A row above the header: one cell (a title), or a table's number and its unit in cells
    of their own (`表一 | 单位:万元 | | |`), maybe with the unit's English in brackets
    (`单位: 亿元 | (100 million yuan) |`) or the period a form is filled for (`编制单位:福建省 |
    2020年度 01月份`)."""
    words = [fold(cell.text).strip() for cell in cells if cell.clean]
    said = [word for word in words if not _ENGLISH_IN_BRACKETS.fullmatch(word)]
    captions = [word for word in said if not _FORM_PERIOD.fullmatch(word)]
    return len(words) <= 1 or (bool(captions) and all(_CAPTION.match(word) for word in captions))


_ENGLISH_IN_BRACKETS = re.compile(r"\([A-Za-z0-9 ,.]+\)")
_FORM_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:\d{1,2}\s*月份?)?")


def _is_column_code_row(cells: Sequence[Cell]) -> bool:
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


_COLUMN_CODE = re.compile(r"[甲乙丙丁戊己]|[A-D]")
_COLUMN_NUMBER = re.compile(r"[0-9]{1,2}")


_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
# A cell naming a period only: 2023, 2023年, 2023 Q3, 2024 Feb, 2023年1-6月.
_PERIOD_CELL = re.compile(
    r"(?:19|20)\d{2}\s*年?\s*(?:Q[1-4]|[A-Z][a-z]{2}\.?|\d{1,2}\s*(?:[-—–~至]\s*\d{1,2}\s*)?月"
    r"|[一二三四1-4]\s*季度|[上下]半年)?"
)


def _is_period_row(cells: Sequence[Cell]) -> bool:
    """A row of periods only (`2023 | 2023 Q3 | 2023 Q4`): it heads the rows below it with
    their periods, as web pages of indicators repeat it; it holds no value."""
    words = [fold(cell.clean) for cell in cells if cell.clean]
    return bool(words) and all(_PERIOD_CELL.fullmatch(word) for word in words)


def _fitted(
    text: str,
    line: _Line,
    cells: list[Cell],
    width: int,
    grid: Sequence[tuple[int, int]] | None,
) -> list[Cell]:
    """A row with exactly one cell per column: aligned by position, or padded at the end."""
    if grid is not None and len(cells) != width:
        return _aligned(text, line.start, cells, grid)
    end = line.start + len(line.text)
    return (cells + [Cell(end, end, "")] * width)[:width]


def _joined_rows(
    rows: Sequence[tuple[_Line, list[Cell]]],
) -> list[tuple[_Line, list[Cell]]]:
    """Rows broken over lines put back together: in a table whose rows open with their label,
    a line that opens with a pipe goes on with the row above when that row's line ended with
    one (`甲县 | 12 | 30 |` then `| 4.1 | 56 |`) and is still short of the width of the rows
    that open with a label; the pipes between them close an empty cell."""
    width = max((len(cells) for line, cells in rows if not _opens_with_pipe(line)), default=0)
    joined: list[tuple[_Line, list[Cell]]] = []
    for line, cells in rows:
        if (
            joined
            and _opens_with_pipe(line)
            and joined[-1][0].text.rstrip()[-1:] in "|｜"
            and len(joined[-1][1]) + len(cells) <= width
        ):
            previous_line, previous_cells = joined[-1]
            joined[-1] = (replace(previous_line, text=line.text), previous_cells + cells)
        else:
            joined.append((line, cells))
    return joined


def _header_rejoined(rows: Sequence[tuple[_Line, list[Cell]]]) -> list[tuple[_Line, list[Cell]]]:
    """A header row broken over lines, its last cells a line each (`单位 | 快递业务量累计(万件) |
    同比增长 (%) |` then `快递收入累计 (万元) |`, `同比增长 (%) |`): one row again, where the
    pieces make it exactly as wide as the table's rows of figures."""
    widths = Counter(_filled_width(cells) for _, cells in rows if _has_data(cells))
    if not widths:
        return list(rows)
    width = widths.most_common(1)[0][0]
    joined: list[tuple[_Line, list[Cell]]] = []
    index = 0
    while index < len(rows):
        line, cells = rows[index]
        end, filled = index + 1, _filled_width(cells)
        while (
            end < len(rows)
            and filled < width
            and len(rows[end][1]) == _filled_width(rows[end][1]) == 1
            and not _has_data(rows[end][1])
            and rows[end - 1][0].text.rstrip()[-1:] in "|｜"
        ):
            filled += 1
            end += 1
        # The first line a row of two or more cells, no empty cells closing it: a header
        # written a cell a line (`年 份 |`, `卫生机构 (个) |`, …) is another layout's.
        opening = len(cells) == _filled_width(cells) >= 2 and not _has_data(cells)
        if end > index + 1 and filled == width and opening:
            pieces = [cell for _, each in rows[index:end] for cell in each[: _filled_width(each)]]
            joined.append((line, pieces))
            index = end
        else:
            joined.append((line, cells))
            index += 1
    return joined


def _labels_rejoined(rows: Sequence[tuple[_Line, list[Cell]]]) -> list[tuple[_Line, list[Cell]]]:
    """A row's label on a line of its own, the rest of the row on the next opening with its
    unit (`#养老机构 四、社会救助 城市最低生活保障 |` then `个 | 245 | |||`): one row again,
    where that makes it as wide as the rows with a unit after their label."""
    filled = [_filled_width(cells) for _, cells in rows]
    joined: list[tuple[_Line, list[Cell]]] = []
    index = 0
    while index < len(rows):
        line, cells = rows[index]
        following = rows[index + 1][1] if index + 1 < len(rows) else []
        lone_label = filled[index] == 1 and bool(cells[0].clean) and not _has_data(cells)
        if (
            lone_label
            and following
            and is_unit_word(fold(following[0].clean))
            and filled[index + 1] + 1 in filled
            and _has_data(following)
        ):
            joined.append((line, [cells[0], *following]))
            index += 2
            continue
        joined.append((line, cells))
        index += 1
    return joined


def _opens_with_pipe(line: _Line) -> bool:
    return line.text.strip()[:1] in ("|", "｜")


def _grouped_headers(
    header_rows: Sequence[Sequence[Cell]], body: Sequence[Sequence[Cell]], width: int
) -> tuple[list[str], list[int | None]] | None:
    """The headers of a two-row header whose lower row names only the sub-columns of the
    upper row's groups (`指标 | 累计 | 当月 | 完成预算%` over `本期 | 同期 | 本期 | 同期`), the
    cells a group spans left out of the export: each column's header is its group's and its
    own. Which upper cells are groups is told by the lower row repeating its names once per
    group, and by the body: a column headed `%` holds decimals, others whole amounts. None
    where the rows are not of that shape."""
    if len(header_rows) != 2:
        return None
    upper = [cell.text for cell in header_rows[0] if cell.text]
    lower = [cell.text for cell in header_rows[1] if cell.text]
    values = width - 1  # the first upper cell heads the row labels
    leaves = values - len(lower)
    groups = len(upper) - 1 - leaves
    if groups < 1 or leaves < 0 or len(lower) % groups:
        return None
    span = len(lower) // groups
    if groups > 1 and lower[:span] * groups != lower:
        if leaves:
            return None
        # Every upper cell a group over as many lower cells, each naming its own (本年 |
        # 上年同期 | 增长(%) over 本月 | 1-本月 | 上年本月 | 上年1-本月 | 本月 | 累计): in order.
        headers = [upper[0]] + [upper[1 + index // span] + sub for index, sub in enumerate(lower)]
        return headers, [None, *(1 + index // span for index in range(len(lower)))]
    worded = _worded_columns(body)
    best: tuple[int, list[str], list[int | None]] | None = None
    for spanning in combinations(range(1, len(upper)), groups):
        headers = [upper[0]]
        group_of: list[int | None] = [None]  # the upper cell a column's group is under
        for index in range(1, len(upper)):
            if index in spanning:
                headers += [upper[index] + sub for sub in lower[:span]]
                group_of += [index] * span
            else:
                headers.append(upper[index])
                group_of.append(None)
        if any(group_of[column] is not None for column in worded if column < len(group_of)):
            continue  # sub-columns of figures (绝对值, 增长%) never hold words (责任部门)
        fit = _fit_to_body(headers, body)
        if best is None or fit > best[0]:
            best = (fit, headers, group_of)
    return (best[1], best[2]) if best else None


def _statuses_shared(columns: Sequence[Column], group_of: Sequence[int | None]) -> list[Column]:
    """Sub-columns of one group (2016年 over 计划目标值 | 比上年增长(%)) share its status: a
    column naming none takes the one its siblings name, where they name one alone."""
    shared = list(columns)
    for group in {each for each in group_of if each is not None}:
        members = [i for i, each in enumerate(group_of) if each == group and i < len(columns)]
        named = {columns[i].status for i in members} - {None}
        if len(named) == 1:
            status = named.pop()
            for i in members:
                if columns[i].role == "value" and columns[i].status is None:
                    shared[i] = replace(columns[i], status=status)
    return shared


def _worded_columns(body: Sequence[Sequence[Cell]]) -> set[int]:
    """The columns where some body cell holds words, not a figure or a dash."""
    return {
        index
        for cells in body
        for index, cell in enumerate(cells)
        if re.search(r"[^\W\d_]", words := fold(cell.clean)) and not _NUMBER_CELL.fullmatch(words)
    }


def _fit_to_body(headers: Sequence[str], body: Sequence[Sequence[Cell]]) -> int:
    """How many body cells agree with their header: decimals under a `%`, whole numbers
    elsewhere, and no amount over a few hundred under a rate."""
    folded = [fold(header) for header in headers]
    percent = [header.rstrip().endswith("%") for header in folded]
    rate = ["%" in header for header in folded]
    fit = 0
    for cells in body:
        for index, cell in enumerate(cells[: len(headers)]):
            words = fold(cell.clean)
            if _NUMBER_CELL.fullmatch(words):
                fit += ("." in words) == percent[index]
                # A rate column (增速(±%)) does not hold 1663: an amount stands under it.
                value = _figure_value(words.rstrip("%*").replace("−", "-"))
                over = value is not None and abs(value) > _RATE_MAX
                fit -= 2 * (rate[index] and over)
    return fit


# The largest figure a column of rates plausibly holds (a plan fulfilled at 180%).
_RATE_MAX = 200


def _spans_spread(header_rows: Sequence[Sequence[Cell]], width: int) -> list[list[Cell]]:
    """Two header rows whose spans were lost, put back under the columns they head.

    A web table's upper header has cells that head one column over both rows (the row
    labels, a `预算%` column) and cells that span a group of columns named in the lower row;
    flattened, both rows are short and left-aligned (`科目 | 预算 | 累计 | 当月 | 预算%` over
    `本期 | 同期 | 本期 | 同期`). With u upper cells, l lower cells and w columns, u + l - w
    upper cells span, each over as many lower cells when the lower row repeats one group.
    The spanning ones are taken to be consecutive, past the row labels, without a unit of
    their own (a unit names one column), the rightmost such run; otherwise the rows are
    left as they are.
    """
    rows = [list(row) for row in header_rows]
    for depth in range(len(rows) - 1):
        upper, lower = _filled(rows[depth]), _filled(rows[depth + 1])
        if lower and not lower[0].clean:  # the empty cell under the row labels' heading
            lower = lower[1:]
        spanning = len(upper) + len(lower) - width
        if not (upper and lower) or spanning < 1 or len(lower) % spanning:
            continue
        group = len(lower) // spanning
        names = [cell.clean for cell in lower]
        if group < 2 or names != names[:group] * spanning or len(upper) >= width:
            continue
        open_cells = [i for i in range(1, len(upper)) if _header_unit(upper[i].text) is None]
        runs = [i for i in open_cells if all(i + k in open_cells for k in range(spanning))]
        if not runs:
            continue
        first = runs[-1]
        blank = Cell(upper[0].start, upper[0].start, "")
        spread_upper: list[Cell] = []
        spread_lower: list[Cell] = []
        below = iter(lower)
        for index, cell in enumerate(upper):
            spans = first <= index < first + spanning
            spread_upper += [cell] * (group if spans else 1)
            spread_lower += [next(below) for _ in range(group)] if spans else [blank]
        rows[depth], rows[depth + 1] = spread_upper, spread_lower
    return rows


def _filled(cells: Sequence[Cell]) -> list[Cell]:
    """A row's cells less the empty ones at its end."""
    cells = list(cells)
    while cells and not cells[-1].text:
        cells.pop()
    return cells


def _header_texts(header_rows: Sequence[Sequence[Cell]], width: int) -> list[str]:
    """One header per column from stacked header rows; an empty cell in an upper row carries
    the text on its left (a spanning `2023年` over `绝对量 | 增长`)."""
    texts = [""] * width
    for depth, cells in enumerate(header_rows):
        spanning = depth < len(header_rows) - 1
        carried = ""
        for index in range(width):
            cell = cells[index].text if index < len(cells) else ""
            if cell:
                carried = cell
            elif spanning and index > 0:
                cell = carried
            texts[index] += cell
    return texts


def _columns(
    headers: Sequence[str],
    body: Sequence[tuple[_Line, list[Cell]]],
    *,
    counted: bool = True,
    group_of: Sequence[int | None] = (),
) -> tuple[Column, ...]:
    columns = [_row_column(header, counted=counted) for header in headers]
    for index, column in enumerate(columns):
        if _is_serial(column.header, [cells[index] for _, cells in body if index < len(cells)]):
            columns[index] = Column(column.header, "other", None, None, None)
    columns = _changes_with_status(_statuses_shared(columns, group_of))
    for index, column in enumerate(columns):
        cells = [cells[index] for _, cells in body if index < len(cells)]
        if column.role == "other" and _is_year_column(column.header, cells):
            columns[index] = Column(column.header, "period", None, None, None)
        elif column.role == "other" and _holds_units(cells):
            # 鲜猪肉 | 五花肉 | 元/斤 | 15.39 under a header wrapped past telling (计量⏎单位)
            columns[index] = Column(column.header, "unit", None, None, None)
    if not any(column.role == "indicator" for column in columns):
        # No 指标 header: the first column of words labels the rows.
        for index, column in enumerate(columns):
            labels = [cells[index] for _, cells in body if index < len(cells)]
            if column.role in ("other", "value") and _are_labels(labels):
                columns[index] = Column(column.header, "indicator", None, None, column.unit)
                break
    return tuple(columns)


def _changes_with_status(columns: list[Column]) -> list[Column]:
    """A column of changes that names no status (比较, 增减额), in a table whose other value
    columns all name theirs, compares the first of them with another: a budget's change is
    budgeted, a result's achieved."""
    changes = [_CHANGE_HEADER.search(fold(c.header)) is not None for c in columns]
    named = [
        c.status
        for c, change in zip(columns, changes, strict=True)
        if c.role == "value" and not change
    ]
    if not named or None in named:
        return columns
    status = named[0]
    return [
        replace(column, status=status)
        if column.role == "value"
        and column.status is None
        and _CHANGE_HEADER.search(fold(column.header))
        else column
        for column in columns
    ]


_YEAR_COLUMN_HEADER = re.compile(r"^(?:年\s*份|年\s*度|年)?$")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}\s*年?")
# A full stop, or a comma between words, in a cell that should hold a number: prose.
_SENTENCE = re.compile(r"[。；]|[，,]\s*\D")


def _holds_units(cells: Sequence[Cell]) -> bool:
    """A column whose every filled cell is a unit alone (元/斤, 万元, %): the rows' units."""
    units = [cell.clean for cell in cells if cell.clean]
    return len(units) >= 2 and all(is_unit_word(unit) for unit in units)


def _is_year_column(header: str, cells: Sequence[Cell]) -> bool:
    """A column of years down the rows (`年份`, then 2019, 2020…): each row is that year's."""
    years = [cell.clean for cell in cells if cell.clean]
    return (
        _YEAR_COLUMN_HEADER.match(re.sub(r"\s+", "", fold(header))) is not None
        and len(years) >= 2
        and all(_YEAR_CELL.fullmatch(year) for year in years)
    )


def _holds_sentences(columns: Sequence[Column], body: Sequence[tuple[_Line, list[Cell]]]) -> bool:
    """Whether a value column's cells run into sentences: two columns of prose set side by
    side, cut at the gap between them, not a table."""
    return any(
        column.role == "value" and index < len(cells) and _SENTENCE.search(fold(cells[index].text))
        for _, cells in body
        for index, column in enumerate(columns)
    )


def _is_serial(header: str, cells: Sequence[Cell]) -> bool:
    """A 序号 column, named or not: numbered 1, 2, 3… down the rows that number anything."""
    if re.search(r"序\s*号", fold(header)):
        return True
    numbers = [cell.clean.rstrip(".、．") for cell in cells if cell.clean]
    return (
        _SERIAL_HEADER.match(re.sub(r"\s+", "", header)) is not None
        and len(numbers) >= 2
        and _counts_up(numbers)
    )


def _are_labels(cells: Sequence[Cell]) -> bool:
    """A column of row labels: words, not numbers."""
    return any(cell.text for cell in cells) and not any(
        _NUMBER_CELL.fullmatch(fold(cell.clean)) for cell in cells
    )


def _lines_above(lines: Sequence[_Line], first: int) -> list[_Line]:
    """The caption lines right above a table (a title, a `单位：` line), nearest last."""
    found: list[_Line] = []
    index = first - 1
    while index >= 0 and len(found) < _UNIT_LOOKBACK:
        line = lines[index]
        if line.text.strip():
            if len(line.text.strip()) > _TITLE_MAX:
                break
            found.append(line)
        elif found:
            break
        index -= 1
    return found[::-1]


# --- Drawn with box characters ---------------------------------------------------------------


def _body_of(rows: Sequence[list[Cell]]) -> list[tuple[_Line, list[Cell]]]:
    """Rows of cells a grid reading built, as `_columns` reads a body: each with the line it
    starts, named by its first cell."""
    return [(_Line(row[0].start, row[0].text, None), row) for row in rows]


def _box_tables(text: str, taken: _Spans) -> list[Table]:
    """Box-drawn grids (llmx.tables.boxes) as tables, their unit from a `單位:` line above."""
    return [_box_table(text, grid) for grid in _unclaimed(find_boxes(text), taken)]


def _box_table(text: str, grid: BoxGrid) -> Table:
    rows = [
        [
            Cell(span[0], span[1], text[span[0] : span[1]])
            if span
            else Cell(grid.end, grid.end, "")
            for span in row
        ]
        for row in grid.rows
    ]
    body = _body_of(rows)
    above = _captions_above(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        above[-1] if above else "",
        _columns(grid.headers, body),
        tuple(Row(tuple(row)) for row in rows),
        layout="box",
        unit=_unit_line_unit(" ".join(above)),
    )


def _lines_before(text: str, position: int, count: int) -> list[str]:
    """The last `count` lines of the text before `position`, found backwards so that the cost
    is theirs, not the whole text's."""
    start = position
    for _ in range(count):
        start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        if start == 0:
            break
    return text[start:position].splitlines()[-count:]


_ENGLISH_ONLY = re.compile(f"[^{CJK}]*[A-Za-z]{{3}}[^{CJK}]*")


def _captions_above(text: str, position: int) -> list[str]:
    """The words of the lines right above `position` (a title, a `单位：` line), nearest last;
    a blank line after the first ends them. A yearbook's English line under each Chinese one
    (`Composition of Gross Domestic Product`) translates it and is passed over."""
    found: list[str] = []
    for line in reversed(_lines_before(text, position, _UNIT_LOOKBACK * 4)):
        if _ENGLISH_ONLY.fullmatch(line.strip()):
            continue
        if line.strip():
            found.append(line.strip())
        elif found:
            break
        if len(found) == _UNIT_LOOKBACK:
            break
    return found[::-1]


# --- Sideways: labels across a line, a line of values per measure ---------------------------


def _sideways_tables(text: str, taken: _Spans) -> list[Table]:
    """Sideways grids (llmx.tables.sideways) as tables: one row per label, one value column per
    measure line, each headed by the measure's name above the grid."""
    return [_sideways_table(text, grid) for grid in _unclaimed(find_sideways(text), taken)]


def _sideways_table(text: str, grid: SidewaysGrid) -> Table:
    rows = [
        [_cell_at(text, label), *(_cell_at(text, line[index]) for line in grid.values)]
        for index, label in enumerate(grid.labels)
    ]
    headers = ["", *(_cell_at(text, span).text if span else "" for span in grid.measures)]
    body = _body_of(rows)
    title = _line_before(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        title,
        _stream_columns(headers, body),
        tuple(Row(tuple(row)) for row in rows),
        layout="sideways",
        unit=_unit_line_unit(title),
    )


# --- Column by column: the row labels, then each column's values, one cell per line ---------


def _columnwise_tables(text: str, taken: _Spans) -> list[Table]:
    """Column-by-column grids (llmx.tables.columnwise) as tables: one row per label, one value
    column per year, an empty cell where the column's line was blank."""
    return [_columnwise_table(text, grid) for grid in _unclaimed(find_columnwise(text), taken)]


def _columnwise_table(text: str, grid: ColumnwiseGrid) -> Table:
    rows = [
        [
            _span_cell(text, label, 0),
            *(_span_cell(text, column[index], 0) for column in grid.columns),
        ]
        for index, label in enumerate(grid.labels)
    ]
    stub = _span_cell(text, grid.stub, 0).text if grid.stub else ""
    headers = [stub, *(_span_cell(text, span, 0).text for span in grid.headers)]
    body = _body_of(rows)
    columns = [
        replace(column, role="indicator")
        if index == 0
        else replace(column, role="value", period=column.period or grid.years[index - 1] or None)
        for index, column in enumerate(_columns(headers, body))
    ]
    if any(grid.units):  # sub-items in the unit of the row above them: a unit column
        columns.insert(1, Column("", "unit", None, None, None))
        rows = [
            [row[0], _span_cell(text, unit, 0), *row[1:]]
            for row, unit in zip(rows, grid.units, strict=True)
        ]
    above = _captions_above(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        above[-1] if above else "",
        tuple(columns),
        tuple(Row(tuple(row)) for row in rows),
        layout="columnwise",
        unit=_unit_line_unit(" ".join(above)),
    )


# --- Flattened onto one line: a title, the header's cells, then the rows, all between pipes ----


def _flattened_tables(text: str, taken: _Spans) -> list[Table]:
    """Flattened tables (llmx.tables.flattened) as tables: the row labels, then a value column per
    header; a row the text cuts short keeps the cells it has."""
    return [_flattened_table(text, grid) for grid in _unclaimed(find_flattened(text), taken)]


def _flattened_table(text: str, grid: FlatGrid) -> Table:
    width = len(grid.headers)
    rows = [
        [Cell(start, end, text[start:end]) for start, end in row]
        + [Cell(grid.end, grid.end, "")] * (width - len(row))
        for row in grid.rows
    ]
    body = _body_of(rows)
    title = text[grid.title[0] : grid.title[1]] if grid.title else _line_before(text, grid.start)
    return Table(
        grid.start,
        grid.end,
        title,
        _counted_on(_stream_columns(grid.headers, body)),
        tuple(Row(tuple(row)) for row in rows),
        layout="flattened",
        unit=_unit_line_unit(title),
    )


def _counted_on(columns: Sequence[Column]) -> tuple[Column, ...]:
    """Value columns that write no unit of their own in the unit of the nearest count on
    their left: a count's unit is written once, under the first count (总人口 over (万人),
    then 城镇人口, 乡村人口), while a rate names its one column (比重(%)) only."""
    fitted: list[Column] = []
    count: Unit | None = None
    for column in columns:
        own = _header_unit(column.header)
        if column.role == "value" and own is None:
            column = replace(column, unit=count)
        elif own is not None and own[0] not in RATE_UNITS:
            count = own
        fitted.append(column)
    return tuple(fitted)


# --- Performance self-evaluation forms: funds, then indicators with targets and points -----

_POINTS: Unit = ("分", 1.0)


def _scorecard_tables(text: str, taken: _Spans) -> list[Table]:
    """Each self-evaluation form (llmx.tables.scorecards) as three tables: its funds, in the form's
    money unit, budgeted and spent; its indicators' targets and achieved values, an achieved
    figure in the unit its target writes (≥50个, then 50); and the points each indicator and
    each first-level group is worth (分值) and scored (得分)."""
    return [
        table
        for card in _unclaimed(find_scorecards(text), taken)
        for table in _scorecard_parts(text, card)
    ]


def _scorecard_parts(text: str, card: Scorecard) -> list[Table]:
    tables: list[Table] = []
    money = _unit_words(card.money)
    if card.funds:
        headers = [text[start:end] for start, end in card.funds_header]
        columns = (
            Column("", "indicator", None, None, None),
            *(_scorecard_column(header, money) for header in headers),
        )
        end = card.funds[-1].figures[-1][1]
        rows = tuple(
            Row(
                (
                    _span_cell(text, row.label, end),
                    *(_span_cell(text, span, end) for span in row.figures),
                    *(_span_cell(text, None, end) for _ in range(len(headers) - len(row.figures))),
                )
            )
            for row in card.funds
        )
        tables.append(
            Table(card.start, end, card.title, columns, rows, layout="scorecard", unit=money)
        )
    start, end = card.indicators_start, card.end
    target, achieved, points, scored = (text[a:b] for a, b in card.indicators_header)
    values = (
        Column("", "indicator", None, None, None),
        Column(target, "value", "target", None, None, name=""),
        Column(achieved, "value", "actual", None, None, name=""),
        Column("", "unit", None, None, None),
    )
    rows = tuple(
        Row(
            (
                _span_cell(text, row.name, end),
                _span_cell(text, row.target, end),
                _span_cell(text, row.achieved, end),
                _span_cell(text, row.unit, end),
            )
        )
        for row in card.indicators
    )
    tables.append(Table(start, end, card.title, values, rows, layout="scorecard"))
    marks = (
        Column("", "indicator", None, None, None),
        Column(points, "value", "target", None, _POINTS, name=points),
        Column(scored, "value", "actual", None, _POINTS, name=scored),
    )
    rows = tuple(
        Row(
            (
                _span_cell(text, row.name, end),
                _span_cell(text, row.points, end),
                _span_cell(text, row.scored, end),
            )
        )
        for row in card.indicators
    ) + tuple(
        Row(
            (
                _span_cell(text, group.name, end),
                _span_cell(text, group.points, end),
                _span_cell(text, None, end),
            )
        )
        for group in card.groups
    )
    tables.append(Table(start, end, card.title, marks, rows, layout="scorecard"))
    return tables


def _scorecard_column(header: str, money: Unit | None) -> Column:
    """A funds column: an amount in the form's money unit, budgeted (预算数) or spent
    (执行数); the points it is worth (分值) or scored (得分); or the share spent (执行率)."""
    folded = fold(header)
    if "分" in folded:
        status = "actual" if folded.startswith("得") else "target"
        return Column(header, "value", status, None, _POINTS, name=header)
    if folded.endswith("率"):
        return Column(header, "value", "actual", None, ("%", 1.0), name=header)
    status = "actual" if "执行" in folded else "target"
    return Column(header, "value", status, None, money, name=header)


# --- Numbered target tables run together: name, unit, target, reporting body --------------


def _target_list_tables(text: str, taken: _Spans) -> list[Table]:
    """Each indicator of a run-together target table (llmx.tables.runtogether) as a one-row table
    of its own (name, unit, target), so that the words between them (a target in words, 翻一番
    (全省人均GDP ≥ 10万元)) are still read as prose."""
    return [
        table
        for found in _unclaimed(find_target_lists(text), taken)
        for table in _target_list_rows(text, found)
    ]


def _target_list_rows(text: str, found: TargetList) -> list[Table]:
    header = text[found.header[0] : found.header[1]]
    columns = (
        Column("", "indicator", None, None, None),
        Column("", "unit", None, None, None),
        Column(header, "value", "target", found.year, None, name=""),
    )
    return [
        Table(
            row.number[0] if row.number else row.name[0],  # its number is no figure
            row.target[1],
            header,
            columns,
            (Row(tuple(Cell(a, b, text[a:b]) for a, b in (row.name, row.unit, row.target))),),
            layout="runtogether",
        )
        for row in found.rows
    ]


# --- Bilingual yearbook tables: label, English, figures in columns of spaces ----------------


def _yearbook_tables(text: str, taken: _Spans) -> list[Table]:
    """Yearbook grids (llmx.tables.yearbook) as tables, one per captioned part: titled by its
    caption (a group, a unit line, the row its sub-items sit under) and in the caption's unit."""
    return [
        table
        for grid in _unclaimed(find_yearbooks(text), taken)
        for table in _yearbook_parts(text, grid)
    ]


def _yearbook_parts(text: str, grid: YearbookGrid) -> list[Table]:
    columns = (
        Column("", "indicator", None, None, None),
        *(_yearbook_column(column) for column in grid.columns),
    )
    above = " ".join(_captions_above(text, grid.start))
    line_unit = _unit_line_unit(above)
    tables: list[Table] = []
    for part in grid.parts:
        caption = text[part.caption[0] : part.caption[1]] if part.caption else ""
        rows = tuple(
            Row(
                (
                    _span_cell(text, row.label, part.end),
                    *(_span_cell(text, span, part.end) for span in row.cells),
                )
            )
            for row in part.rows
        )
        own = _header_unit(caption)
        chinese = None if own or HAS_CJK.search(caption) else english_unit(caption)
        english = magnitude_prefix(chinese) if chinese else None  # 万吨: 吨, 1e4
        unit = own or english or line_unit
        # the caption's measure, else the title's; a caption in English alone says its unit
        title = above if english else f"{above} {caption}".strip()
        parent = ""
        if own:
            # `一、全社会固定资产投资(亿元)` over its items, under a title `…投资额及房屋建筑面积`:
            # they measure the caption, not the title's last measure; `male` under
            # `劳动参与率(%)` is a part of it.
            title = caption
            parent = _parent_name(caption)
        tables.append(
            Table(
                part.start,
                part.end,
                title,
                columns,
                rows,
                layout="yearbook",
                unit=unit,
                parent=parent,
            )
        )
    return tables


def _yearbook_column(column: YearbookColumn) -> Column:
    """A level in its year; an index on a base year, in % of that year's level (the heading's
    `2007为以下各年` names each base); an average growth over a span of years."""
    heading = column.heading
    if column.is_index:
        base = f"{column.years}年"
        name = (
            heading.replace("以下各年", base if "以下各年为" in heading else f"{base}的%")
            if "以下各年" in heading
            else f"{_unbracketed(heading)}({base}为100)"
        )
        return Column(name, "value", None, None, ("%", 1.0), name=name, periodless=True)
    if column.is_span:
        name = f"{_unbracketed(heading)}({column.years})"
        return Column(name, "value", None, None, _header_unit(heading), name, periodless=True)
    if not column.years:
        return replace(_row_column(heading), role="value")
    return Column(f"{heading}{column.years}年", "value", None, column.years, _header_unit(heading))


def _unbracketed(heading: str) -> str:
    """A heading as written, less its brackets (a unit, a note): 平均增长速度(%) → 平均增长速度."""
    return re.sub(r"[(（][^()（）]*[)）]?", "", heading).strip() or heading


# --- Letters spaced out: labels one space a letter, years across, change rates in brackets ---

# What a line of bracketed rates under a row gives: each year's change on the year before.
_SPACED_CHANGE = "按年变动(%)"


def _spaced_tables(text: str, taken: _Spans) -> list[Table]:
    """Letter-spaced grids (llmx.tables.spaced) as tables, one per group heading: titled by the
    heading and in its unit, a value column per year, then a column of change rates per year
    for the rows that give them."""
    return [
        table
        for grid in _unclaimed(find_spaced(text), taken)
        for table in _spaced_parts(text, grid)
    ]


def _spaced_parts(text: str, grid: SpacedGrid) -> list[Table]:
    columns = (
        Column("", "indicator", None, None, None),
        *(Column(f"{year}年", "value", None, year, None) for year in grid.years),
        *(
            Column(f"{year}年{_SPACED_CHANGE}", "value", None, year, ("%", 1.0))
            for year in grid.years
        ),
    )
    blank = (None,) * len(grid.years)
    tables: list[Table] = []
    for part in grid.parts:
        rows = tuple(
            Row(
                (
                    Cell(row.label[0], row.label[1], row.name),
                    *(
                        _span_cell(text, span, part.end)
                        for span in (*row.cells, *(row.changes or blank))
                    ),
                )
            )
            for row in part.rows
        )
        title = part.heading or _line_before(text, grid.start)
        unit = _header_unit(part.heading) if part.heading else None
        tables.append(Table(part.start, part.end, title, columns, rows, "spaced", unit))
    return tables


# --- One cell per line, each closed by a pipe ------------------------------------------------


def _piped_tables(text: str, taken: _Spans) -> list[Table]:
    """Piped grids (llmx.tables.piped) as tables: a grid whose rows are years is read as its
    transpose, a row per measure and a column per year; a grid whose rows are indented is
    cut into parts under their parents (see `_outline_parts`)."""
    tables: list[Table] = []
    for grid in _unclaimed(find_piped(text), taken):
        cells = [text[start:end] for start, end in grid.titles]
        above = _short_lines_above(text, grid.opening)[-2:] or _unit_closing_line_above(
            text, grid.opening
        )
        title = " ".join([*above, *cells])
        if grid.years_down:
            tables.append(_years_down_table(text, grid, title))
        else:
            tables += _piped_row_tables(text, grid, title)
    return tables


def _short_lines_above(text: str, position: int) -> list[str]:
    """The short lines right above `position` (a title, a `单位：` line), nearest last; a
    blank line after the first, a long line or a sentence ends them."""
    found: list[str] = []
    for line in reversed(_lines_before(text, position, _UNIT_LOOKBACK * 2)):
        words = line.strip()
        if len(words) > _TITLE_MAX or _SENTENCE.search(words) or (not words and found):
            break
        if words:
            found.append(words)
        if len(found) == _UNIT_LOOKBACK:
            break
    return found[::-1]


def _unit_closing_line_above(text: str, position: int) -> list[str]:
    """The unit a sentence right above a table closes on (`…如下表所示:(单位:元/公斤)`), as
    a unit line, where no short line above names the table."""
    lines = [line for line in _lines_before(text, position, 2) if line.strip()]
    closing = _CLOSING_UNIT.search(lines[-1]) if lines else None
    return [closing.group(1)] if closing else []


_CLOSING_UNIT = re.compile(r"[(（]\s*(单\s*位\s*[:：][^()（）]{1,12})[)）]\s*$")


def _with_caption(text: str, title: str, position: int) -> str:
    """A table's title where the line over its rows is only a unit line: the caption a
    blank line parts from it (`表1 2011年居民消费价格比上年涨跌幅度` ⏎⏎ `单位:%`) is the
    title still."""
    if not _UNIT_LINE.fullmatch(fold(title)):
        return title
    above = _short_lines_above(text, position)
    return f"{above[-1]} {title}" if above else title


def _cell_at(text: str, span: Span) -> Cell:
    """The cell at `span` of the text."""
    return Cell(span[0], span[1], text[span[0] : span[1]])


def _span_cell(text: str, span: Span | None, end: int) -> Cell:
    """The cell at `span` of the text; an empty one at `end` where there is none."""
    return _cell_at(text, span) if span else Cell(end, end, "")


def _piped_row_tables(text: str, grid: PipedGrid, title: str) -> list[Table]:
    rows = [[_span_cell(text, span, grid.end) for span in row.cells] for row in grid.rows]
    headers = [_span_cell(text, span, grid.end).text for span in grid.header]
    body = _body_of(rows)
    columns = list(_columns(headers, body))
    for index, header in enumerate(headers):
        year = _header_year(header)
        if year:  # 2003: a column of that year's values
            columns[index] = Column(header, "value", None, year, None)
        elif index and re.search(r"[A-Za-z]", header) and not HAS_CJK.search(header):
            columns[index] = Column(header, "other", None, None, None)  # the labels' English
    if not any(column.role == "indicator" for column in columns):
        columns[0] = Column(headers[0], "indicator", None, None, None)
    unit = _unit_line_unit(title)
    if unit is not None and "、" not in unit[0]:  # 上周 | 上上周 under 单位:元/公斤: prices
        columns = list(_figures_in_stated_units(columns, body))
    table = Table(grid.start, grid.end, title, tuple(columns), (), layout="piped", unit=unit)
    labels = [row[0] for row in rows]
    return _months_dated(_outline_parts(table, labels, [row.depth for row in grid.rows], rows))


_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
_MONTH = re.compile(r"\d{1,2}\s*月")


def _months_dated(tables: Sequence[Table]) -> list[Table]:
    """Rows of months (`2012年9月份`, `10月份`, …, `2013年1月份`, `2月份`): each is of the
    year the last label that writes one gives, as a row of periods above would date it."""
    dated: list[Table] = []
    year = ""
    for table in tables:
        rows: list[Row] = []
        for row in table.rows:
            label = fold(table.indicator_of(row))
            found = _YEAR_MONTH.match(label)
            year = found.group(1) if found else year if _MONTH.match(label) else ""
            rows.append(replace(row, periods=(year,)) if year and not row.periods else row)
        dated.append(replace(table, rows=tuple(rows)))
    return dated


def _header_year(header: str) -> str | None:
    """The year a header cell that is a year alone gives its column (`2003`, `1996年`)."""
    year = BARE_YEAR.fullmatch(fold(header).strip())
    return year.group(1) if year else None


# A title that says its figures are index numbers on a base (1978=100, 上年=100).
_INDEX_BASE = re.compile(r"指\s*数.*[=＝为]\s*100")


def _years_down_table(text: str, grid: PipedGrid, title: str) -> Table:
    """A grid of years down its rows, read as its transpose: a row per measure (its header
    cell), a column per year. In a table of index numbers (`指数(1978=100)`) every cell is
    the index of its measure, with no unit."""
    years = [_span_cell(text, row.cells[0], grid.end).clean[:4] for row in grid.rows]
    index = bool(_INDEX_BASE.search(fold(title)))
    columns = (
        Column("", "indicator", None, None, None),
        *(
            Column(f"{year}年", "value", None, year, None, name="指数" if index else None)
            for year in years
        ),
    )
    rows = tuple(
        Row(
            (
                _span_cell(text, grid.header[column], grid.end),
                *(_span_cell(text, row.cells[column], grid.end) for row in grid.rows),
            )
        )
        for column in range(1, len(grid.header))
        if grid.header[column] is not None
    )
    line_unit = _unit_line_unit(title)
    unit = ("", 1.0) if index else line_unit
    return Table(grid.start, grid.end, title, columns, rows, layout="piped", unit=unit)


def _pair_tables(text: str, taken: _Spans) -> list[Table]:
    """Label-then-value grids (llmx.tables.pairs) as tables of two columns, cut into parts under
    their parents (see `_outline_parts`)."""
    return [
        table for grid in _unclaimed(find_pairs(text), taken) for table in _pair_table(text, grid)
    ]


_PAIR_CAPTION_LINES = 10


def _pair_table(text: str, grid: PairGrid) -> list[Table]:
    stub, header = (_span_cell(text, span, grid.end).text for span in (grid.stub, grid.header))
    columns = (
        Column(stub, "indicator", None, None, None),
        *(
            [Column(_span_cell(text, grid.unit_header, grid.end).text, "unit", None, None, None)]
            if grid.unit_header
            else []
        ),
        replace(_row_column(header), role="value", period=_header_year(header)),
    )
    # The title and unit line over it, across the blank lines of a page that gives every
    # line its own paragraph, and the lines of a pipe alone of one that keeps the rules.
    above = [
        bare
        for line in _lines_before(text, grid.start, _PAIR_CAPTION_LINES)
        if (bare := line.strip("|｜ \t\u3000"))
    ][-_UNIT_LOOKBACK + 1 :]
    title = " ".join(above)
    unit = next(filter(None, map(_unit_line_unit, reversed(above))), None)
    table = Table(grid.start, grid.end, title, columns, (), layout="pairs", unit=unit)
    units = [row.unit for row in grid.rows] if grid.unit_header else None
    return _labelled_parts(text, table, grid, units)


class _LabelledRow(Protocol):
    """A row of a two-column grid: a label, its value (None for a row that heads others),
    and how deep it sits."""

    @property
    def label(self) -> Span: ...
    @property
    def value(self) -> Span | None: ...
    @property
    def depth(self) -> int: ...


def _labelled_parts(
    text: str,
    table: Table,
    grid: PairGrid | LedgerGrid,
    units: Sequence[Span | None] | None = None,
) -> list[Table]:
    """A two-column grid's rows as `table`'s parts under their parents (`_outline_parts`);
    with `units`, each row's unit cell between its label and its value."""
    labelled: Sequence[_LabelledRow] = grid.rows
    rows = [
        [
            _span_cell(text, row.label, grid.end),
            *([_span_cell(text, units[index], grid.end)] if units is not None else []),
            _span_cell(text, row.value, grid.end),
        ]
        for index, row in enumerate(labelled)
    ]
    return _outline_parts(table, [row[0] for row in rows], [row.depth for row in labelled], rows)


def _outline_parts(
    table: Table,
    labels: Sequence[Cell],
    depths: Sequence[int],
    rows: Sequence[Sequence[Cell]],
    periods: Sequence[tuple[str, ...]] = (),
) -> list[Table]:
    """A table whose rows are indented, cut into parts under their parents: the rows under
    one chain of parents (a group, a head that writes the unit, the row its sub-items sit
    under) are titled by the table's title and those parents' labels, whose measure a label
    that names none takes (粮食 under 主要农产品产量 → 粮食产量), and are in the unit of the
    nearest parent that writes one (`人口(万人)`). Rows without a figure only head others; a
    row keeps the periods a row of periods above it gave (`periods`, one per row, if any)."""
    chains = lineages(depths)
    parts: list[tuple[tuple[int, ...], list[int]]] = []
    for index, row in enumerate(rows):
        values = (
            cell for cell, column in zip(row, table.columns, strict=False) if column.role == "value"
        )
        if not any(re.search(r"\d", cell.text) for cell in values):
            continue
        if not parts or parts[-1][0] != chains[index]:
            parts.append((chains[index], []))
        parts[-1][1].append(index)
    tables: list[Table] = []
    for number, (chain, members) in enumerate(parts):
        start = table.start if number == 0 else tables[-1].end
        end = table.end if number == len(parts) - 1 else rows[parts[number + 1][1][0]][0].start
        heads = [labels[index].text for index in chain]
        units = [unit for head in heads if (unit := _header_unit(head))]
        nearest = labels[chain[-1]].clean if chain else ""
        tables.append(
            replace(
                table,
                parent=_parent_name(nearest),
                start=start,
                end=max(end, start),
                title=" ".join([table.title, *heads]).strip(),
                rows=tuple(
                    Row(tuple(rows[index]), periods[index] if periods else ()) for index in members
                ),
                unit=units[-1] if units else table.unit,
            )
        )
    return tables


# --- Accounts in columns under a line of units: `收入   94,876.9   414,750.7` -----------------


def _statement_tables(text: str, taken: _Spans) -> list[Table]:
    """Statements (llmx.tables.statements) as tables: the row's label, then a figure per
    column in its column's unit (港幣百萬元 is 元 × 1e6), under the table's name above."""
    return [_statement_table(text, grid) for grid in _unclaimed(find_statements(text), taken)]


def _statement_table(text: str, grid: StatementGrid) -> Table:
    columns = [Column("", "indicator", None, None, None)]
    for header, unit in zip(grid.headers, grid.units, strict=True):
        column = _column(header)  # 二零零七至零八年度: a fiscal year's first
        columns.append(replace(column, role="value", unit=_unit_words(unit)))
    rows = tuple(
        Row(
            (
                Cell(*row.label, row.words),  # under its groups, its lines joined
                *(_span_cell(text, c, grid.end) for c in row.cells),
            )
        )
        for row in grid.rows
    )
    title = text[grid.title[0] : grid.title[1]] if grid.title else ""
    return Table(grid.start, grid.end, title, tuple(columns), rows, layout="statement")


# --- Budget ledgers: `05 | 01 | 03 | 01 | 特區預算轉移 | 8,600,000.00 |` -----------------------


def _ledger_tables(text: str, taken: _Spans) -> list[Table]:
    """Budget ledgers (llmx.tables.ledger) as tables of items and their amounts, cut into parts
    under their parents (see `_outline_parts`)."""
    grids = list(_unclaimed(find_ledgers(text), taken))
    folded = fold(text) if grids else ""  # what comes before each, once for them all
    return [table for grid in grids for table in _ledger_table(text, folded, grid)]


def _ledger_table(text: str, folded: str, grid: LedgerGrid) -> list[Table]:
    """A ledger's amounts are money: in the unit a `单位:` line or the header's brackets give
    (`金額(千元)`), else 元, since a currency's name stays out of the unit (`金額 (澳門幣)`,
    `$ 3,082,614.90`). The amounts of a budget (`預算`, not `決算`) are planned."""
    header = _span_cell(text, grid.header, grid.start).text
    title = " ".join(_captions_above(text, grid.start)[-1:])
    said = _unit_line_unit(title) or _header_unit(header) or _unit_words(header)
    unit = said if said and said[0] in MONEY_UNITS else ("元", said[1] if said else 1.0)
    before = folded[: grid.start]
    planned = "预算" in before and not _SETTLED_BUDGET.search(before)
    columns = (
        Column("", "indicator", None, None, None),
        # `金額` names no measure: each amount is its item's.
        Column(header, "value", "target" if planned else None, None, unit, name=""),
    )
    table = Table(grid.start, grid.end, title, columns, (), layout="ledger", unit=unit)
    return _labelled_parts(text, table, grid)


_SETTLED_BUDGET = re.compile(r"决算|执行情况")


# --- A column to a cell: `產品名稱 | 單位 | 產 量` over a block of lines per column --------------


def _column_block_tables(text: str, taken: _Spans) -> list[Table]:
    """Tables set a column to a cell (llmx.tables.columnblocks): the first column of words labels
    the rows, one headed 单位 gives each row its unit, and a column of figures measures what
    its header names, in its unit (`比上年增長%`)."""
    return [_column_block_table(text, grid) for grid in _unclaimed(find_column_blocks(text), taken)]


def _column_block_table(text: str, grid: ColumnBlocks) -> Table:
    headers = [text[a:b] for a, b in grid.headers]
    figures = [
        all(
            _figure_value(text[a:b]) is not None or _NO_VALUE.fullmatch(text[a:b].strip())
            for a, b in block
        )
        for block in grid.columns
    ]
    label = figures.index(False) if False in figures else None
    columns = tuple(
        _block_column(header, figured, labels=index == label)
        for index, (header, figured) in enumerate(zip(headers, figures, strict=True))
    )
    rows = tuple(
        Row(tuple(Cell(a, b, text[a:b]) for a, b in cells))
        for cells in zip(*grid.columns, strict=True)
    )
    # `2008年主要工業產品產量` over `表2`: the title and the table's number, no prose.
    captions = [line for line in _captions_above(text, grid.start) if not _PROSE_LINE.search(line)]
    title = " ".join(captions[-2:])
    return Table(grid.start, grid.end, title, columns, rows, layout="blocks")


def _block_column(header: str, figured: bool, *, labels: bool) -> Column:
    """A block's column: figures measure what the header names; of the word blocks, one
    headed 单位 gives the rows' units and the first labels the rows."""
    column = _row_column(header)
    if figured:
        return replace(column, role="value", unit=_header_unit(header))
    if column.role == "unit":
        return column
    return Column(header, "indicator" if labels else "other", None, None, None)


# --- Comma-separated tables: `稅目別,全年預算數,…,_id` over `總 計,"38,589,196,000",…` ----------


def _comma_tables(text: str, taken: _Spans) -> list[Table]:
    """Comma-separated tables (llmx.tables.commarows): the column whose fields are words labels
    the rows, an identifier column (`_id`, `序号`) is no measure, and every other column
    measures what its name says, in the unit it or a `单位:` line above names (`…/增減百分比`);
    a table that names no unit anywhere gives its amounts as written."""
    return [_comma_table(text, grid) for grid in _unclaimed(find_comma_tables(text), taken)]


def _comma_table(text: str, grid: CommaGrid) -> Table:
    names = [text[a:b] for a, b in grid.names]

    def worded(index: int) -> bool:
        fields = [text[a:b] for a, b in (row[index] for row in grid.rows)]
        return sum(bool(HAS_CJK.search(field)) for field in fields) * 2 > len(fields)

    labels = [index for index in range(len(names)) if worded(index)][:1]
    columns = tuple(
        Column(name, "indicator", None, None, None)
        if index in labels
        else Column(name, "other", None, None, None)
        if _IDENTIFIER_HEADER.fullmatch(fold(name).strip())
        else replace(_row_column(name), role="value", unit=_header_unit(name))
        for index, name in enumerate(names)
    )
    rows = tuple(Row(tuple(Cell(a, b, text[a:b]) for a, b in row)) for row in grid.rows)
    title = " ".join(_captions_above(text, grid.start)[-1:])
    unnamed = not _names_a_unit("\n".join([title, *names]))
    unit = _unit_line_unit(title) or (("", 1.0) if unnamed else None)  # 单位:千元 above it
    return Table(grid.start, grid.end, title, columns, rows, layout="comma", unit=unit)


_IDENTIFIER_HEADER = re.compile(r"_?id|序号|编号|项次", re.IGNORECASE)


def _parent_name(label: str) -> str:
    """What a row that heads others names its items' measure by: its label less the unit or
    note in brackets at its end (`劳动参与率(%)` → 劳动参与率)."""
    return re.sub(r"[(（][^()（）]*[)）]\s*$", "", label.strip())


# --- Rows of periods: `“六五”时期 109.6 105.4 …` under a header of measures ---------------------


def _period_tables(text: str, taken: _Spans, *, headless: bool = False) -> list[Table]:
    """Grids of period rows (llmx.tables.periodrows) as tables: the period column, then a value
    column per measure, named by the header or else by the title. Under a base note
    (`(上年=100)`, `1978年=100`) the figures are indices, with no unit."""
    grids = find_period_rows(text, headless=headless)
    return [_period_table(text, grid) for grid in _unclaimed(grids, taken)]


def _period_table(text: str, grid: PeriodGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    indices = _BASE_NOTE.search(fold(title)) is not None
    columns = [Column("", "period", None, None, None)]
    for name in grid.names:
        column = replace(_row_column(name), role="value")
        if indices and column.unit is None:
            column = replace(column, unit=("", 1.0))
        columns.append(column)
    return Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        tuple(
            Row((_cell_at(text, row.label), *(_cell_at(text, span) for span in row.cells)))
            for row in grid.rows
        ),
        layout="periods",
        unit=_unit_line_unit(title),
    )


# --- Rows of a label line, then a line of figures: `杭州市` / `723.55  10050.21  …` -----------


def _label_row_tables(text: str, taken: _Spans) -> list[Table]:
    """Grids of label-then-figures rows (llmx.tables.labelrows) as tables: the label column, then a
    value column per header cell, in the unit its brackets give."""
    return [_label_row_table(text, grid) for grid in _unclaimed(find_label_rows(text), taken)]


def _label_row_table(text: str, grid: LabelRowsGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    columns = [Column(grid.label_head, "indicator", None, None, None)]
    columns += [replace(_row_column(name), role="value") for name in grid.names]
    return Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        tuple(
            Row(
                (
                    _span_cell(text, row.label, 0),
                    *(_span_cell(text, span, row.label[1]) for span in row.cells),
                )
            )
            for row in grid.rows
        ),
        layout="lines",
        unit=_unit_line_unit(title),
    )


# --- Ranking tables: `  Beijing 113.8 55.66 30 1.3 0.66 30`, the ranks no figures ---------


def _ranked_tables(text: str, taken: _Spans) -> list[Table]:
    """Ranking grids (llmx.tables.ranked) as tables: the label column, then a value column per
    measure, its ranks left out. A `单位:` line listing a unit per measure (`万吨、千克`)
    gives each measure its own, in order; else its one unit is the table's."""
    return [_ranked_table(text, grid) for grid in _unclaimed(find_ranked(text), taken)]


def _ranked_table(text: str, grid: RankedGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    unit_line = _UNIT_LINE.search(fold(title))
    words = re.split(r"[、/]", unit_line.group(1)) if unit_line else []
    measures = list(dict.fromkeys(grid.measures))
    units: dict[str, Unit | None] = {}
    if len(words) > 1 and len(words) == len(measures) and all(measures):
        units = dict(zip(measures, (_unit_words(word) for word in words), strict=True))
    columns = [Column("", "indicator", None, None, None)]
    for name, measure in zip(grid.names, grid.measures, strict=True):
        column = replace(_row_column(name), role="value")
        columns.append(replace(column, unit=column.unit or units.get(measure)))
    return Table(
        grid.start,
        grid.end,
        title,
        tuple(columns),
        tuple(
            Row((_cell_at(text, row.label), *(_cell_at(text, span) for span in row.cells)))
            for row in grid.rows
        ),
        layout="lines",
        unit=_unit_words(unit_line.group(1)) if unit_line and not units else None,
    )


def _fused_tables(text: str, taken: _Spans) -> list[Table]:
    """Grids of rows whose figures ran together (llmx.tables.fusedrows) as tables: a column per
    period of the header, in its year; the unit a `单位:` line above gives, or none where the
    page names none."""
    return [_fused_table(text, grid) for grid in _unclaimed(find_fused_rows(text), taken)]


def _fused_table(text: str, grid: FusedGrid) -> Table:
    title = " ".join(_captions_above(text, grid.start))
    columns = [Column("", "indicator", None, None, None)]
    for (start, end), year in zip(grid.periods, grid.years, strict=True):
        columns.append(Column(text[start:end], "value", None, year, None))
    rows = tuple(
        Row((_cell_at(text, row.label), *(_cell_at(text, span) for span in row.cells)))
        for row in grid.rows
    )
    unit = _unit_line_unit(title) or ("", 1.0)
    return Table(grid.start, grid.end, title, tuple(columns), rows, layout="fused", unit=unit)


# A base of 100 (`上年=100`, `1978年=100`): the figures are indices.
# 上年=100, 1978年=100, and in words: 以上年同期为100的指数, 以上月价格为100.
_BASE_NOTE = re.compile(
    r"(?:上年|去年|上月|(?:19|20)\d{2}\s*年?)(?:同期|同月)?\s*[=＝]\s*100(?!\d)"
    r"|以[^，。；\d]{1,8}为\s*100(?![\d.])"
)


# --- One cell per line, rows unmarked ---------------------------------------------------------

_STREAM_CELL_MAX = 30
_STREAM_TITLE_LINES = 2
_STREAM_ROWS_MIN = 2
_CAPTION_LOOKBACK = 200  # characters: a caption sits right above its table
_QUALIFIED_NUMBER = re.compile(
    r"(?:约|近|超|≥|≤|＜|＞|<|>)?[-−+]?\d[\d,]*(?:\.\d+)?\s*%?(?:以上|以下|左右)?[*＊①-⑳]?"
)
# A caption, or a heading that ends in the unit of the table under it (`二、学校数 计量单位:所`).
_CAPTION = re.compile(
    r"^(?:附?表\s*[\d一二三四五六七八九十]|单\s*位\s*[:：]|.*单\s*位\s*[:：]\s*[^\s()（）]{1,8}$)"
)
_NO_VALUE = re.compile(r"[—\-–/…－―]+")  # ― (U+2015) too
_MONTH_TITLE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:份)?")
_YEAR_TITLE = re.compile(r"(?:19|20)\d{2}年")


def _is_date_title(run: Sequence[Cell], index: int) -> bool:
    """Whether `run[index]` is a month or a year alone under a table's name (`2022年9月`;
    `2020年` over `指标名称`): what the table is of, its header starting after it. A year
    over anything else may head a column group (`县别`, `2023年`, `自有`)."""
    words = run[index].clean
    if _MONTH_TITLE.fullmatch(words):
        return True
    after = run[index + 1].clean if index + 1 < len(run) else ""
    return bool(_YEAR_TITLE.fullmatch(words) and _INDICATOR_HEADER.match(fold(after)))


def _stream_kind(cell: Cell) -> str:
    """ "number", "none" (a dash for no value) or "label"."""
    words = fold(cell.clean)
    if _QUALIFIED_NUMBER.fullmatch(words):
        return "number"
    return "none" if _NO_VALUE.fullmatch(words) else "label"


def _stream_runs(
    lines: Sequence[_Line], taken: _Spans, across_blanks: bool = False, english: bool = False
) -> list[list[Cell]]:
    """Runs of consecutive short lines, each line one cell; lone `|` lines between them are
    rules, not cells, and with `across_blanks` blank lines (or lines of spaces) are no cells
    either. A short line of letters spaced out (`市    县`, `  甲  镇`) is one cell. With
    `english`, a line of English of any length (a bilingual header's) is one cell too.

    A page that closes every cell with a rule of its own (`指 标⏎|⏎2014年⏎|`) writes an empty
    cell as a rule right after a rule (`2013年⏎|⏎|⏎1470`: a row whose label is empty), so
    there a rule after a rule is an empty cell, which keeps the rows the width they are, and
    a cell of words that wrapped (`2007年为⏎上年 %⏎|`) is the lines between two rules."""
    runs: list[list[Cell]] = []
    current: list[Cell] = []
    after_rule = False
    wrapping: Cell | None = None  # a cell of words opened right after a rule, not yet closed
    for line in lines:
        words = line.text.strip()
        if line.layout == "rule":
            if after_rule and current and line.start not in taken:
                current.append(Cell(line.start, line.start, ""))
            after_rule, wrapping = True, None
            continue
        if wrapping is not None and line.layout is None and _continues(wrapping, words):
            end = line.start + len(line.text.rstrip())
            current[-1] = Cell(wrapping.start, end, f"{wrapping.text}\n{words}")
            wrapping = None
            continue
        opened_after_rule, after_rule, wrapping = after_rule, False, None
        if across_blanks and not words:
            continue
        longest = len(words) if english and words.isascii() else _STREAM_CELL_MAX
        short = (
            (line.layout is None or _is_spaced_label(line))
            and 0 < len(words) <= longest
            and not words.endswith(("。", "；", "，", "："))
            and line.start not in taken
        )
        if short:
            current.extend(_split(line.text, line.start, _NO_SPLIT))
            if opened_after_rule and _stream_kind(current[-1]) == "label":
                wrapping = current[-1]
            continue
        if len(current) > 1:
            runs.append(current)
        current = []
    if len(current) > 1:
        runs.append(current)
    return runs


def _continues(cell: Cell, words: str) -> bool:
    """Whether a short line of words goes on with `cell` rather than being a cell of its own."""
    return (
        bool(words)
        and len(cell.clean) + len(words) <= _STREAM_CELL_MAX
        and not _CAPTION.match(fold(cell.clean))
        and _stream_kind(Cell(0, len(words), words)) == "label"
    )


def _is_spaced_label(line: _Line) -> bool:
    """A line of words spaced out to a column's width, with no number: one label."""
    return line.layout == "spaces" and not re.search(r"\d", line.text)


def _stream_tables(
    text: str, lines: Sequence[_Line], taken: _Spans, across_blanks: bool = False
) -> list[Table]:
    """Tables in runs of one-cell lines, each starting where its run starts or right after
    a caption (`表2 …`, `单位：万元`), so a header is never guessed from the middle of one."""
    tables: list[Table] = []
    for run in _stream_runs(lines, taken, across_blanks):
        starts = sorted(
            {0}
            | {
                i + 1
                for i, cell in enumerate(run)
                if _CAPTION.match(fold(cell.clean)) or _is_date_title(run, i)
            }
            | {i for i, cell in enumerate(run) if LABELS_HEADER.fullmatch(fold(cell.clean))}
        )
        end = 0
        for start in starts:
            if start < end or start >= len(run):
                continue
            # A table runs no further than the next header or caption past its title lines,
            # where the next starts: a run of headers alone (项目, 名称, … a thousand times)
            # reads in linear time.
            later = bisect_right(starts, start + _STREAM_TITLE_LINES)
            cells = run[start : starts[later] if later < len(starts) else len(run)]
            found = next(
                (
                    table
                    for lead in range(min(_STREAM_TITLE_LINES, len(cells) - 1) + 1)
                    if (table := _stream_table(text, cells, lead, run[:start])) is not None
                ),
                None,
            )
            if found is not None:
                tables += _indented_parts(text, found)
                end = sum(1 for cell in run if cell.start < found.end)
    return tables


def _indented_parts(text: str, table: Table) -> list[Table]:
    """A one-cell-per-line table whose sub-items are marked (`     # 批发零售业` under
    `社会消费品零售总额(亿元)`, `       住宿餐饮业` as deep) cut into parts under their parents
    (see `_outline_parts`). Without a `#` mark, an indent may only centre a label in its
    column (`  西  岭`)."""
    labels = [row.cells[0] for row in table.rows]
    depths = [_label_indent(text, label) for label in labels]
    if len(set(depths)) < 2 or not any(label.clean.startswith(_SUB_MARKS) for label in labels):
        return [table]
    if all(_marked_only(text, label) for label in labels):
        depths = _siblings_of_marked(labels, depths)
    rows = [list(row.cells) for row in table.rows]
    return _outline_parts(replace(table, rows=()), labels, depths, rows)


def _marked_only(text: str, label: Cell) -> bool:
    """Whether a label's line starts with its words or a `#` mark, no space before (a page
    that lost its indents)."""
    line_start = text.rfind("\n", 0, label.start) + 1
    return not (text[line_start : label.start] + label.text)[:1].isspace()


def _siblings_of_marked(labels: Sequence[Cell], depths: Sequence[int]) -> list[int]:
    """On a page that lost its indents, `#` marks only the first sub-item (`卫生机构数(个)`,
    `# 医院`, `社区卫生服务中心`, …): the unmarked rows after it are its siblings, until a
    row that writes its own unit heads the next group."""
    found: list[int] = []
    for label, depth in zip(labels, depths, strict=True):
        inherits = found and found[-1] > depth and _header_unit(label.text) is None
        found.append(found[-1] if inherits else depth)
    return found


def _label_indent(text: str, label: Cell) -> int:
    """The spaces (and `#` marks) before a label's words, from the start of its line."""
    line_start = text.rfind("\n", 0, label.start) + 1
    lead = text[line_start : label.start] + label.text
    return len(lead) - len(lead.lstrip(" \t\u3000#"))


def _stream_table(
    text: str, run: Sequence[Cell], lead: int, before: Sequence[Cell] = ()
) -> Table | None:
    """The table a run of one-cell lines makes when its header starts at `run[lead]`.

    The header is the labels before the first number, less the first row's label; rows are
    as many cells each, a label then numbers (or dashes), for as long as that holds. `before`
    are the run's cells above (a `单位：` caption that a table starts after).
    """
    run = [*run[:lead], *without_serials(run[lead:], _cell_words, _is_label_cell)]
    kinds = _months_numbered(
        run, _with_unit_cells(run, [_stream_kind(cell) for cell in run], lead), lead
    )
    labels = lead
    while labels < len(run) and kinds[labels] == "label":
        labels += 1
    titles = [cell.text for cell in run[:lead]]
    captions = [cell.text for cell in before[-_STREAM_TITLE_LINES:]] + titles
    unit = _unit_line_unit(" ".join(captions))
    header, unit_row = _unit_row_split(run[lead : labels - 1])
    header = _units_rejoined(header)
    unit = unit or unit_row
    if any(_CAPTION.match(fold(cell.clean)) for cell in header):
        return None  # a table's header starts after its caption (a chart's above it)
    # The header names the row labels' column too, or leaves that cell blank (a line of
    # spaces, gone from the run): the rows tell, being one cell wider then.
    rows, headless = max(
        (_stream_rows(run, kinds, labels - 1, len(header) + extra), extra) for extra in (0, 1)
    )
    to_years = _header_to_its_years(header)
    if len(rows) < _STREAM_ROWS_MIN and len(to_years) < len(header):
        # 指 标, 2005年, 2012年, 2013年, 普通高等学校: the words after the last year caption
        # the first group of rows, where the rows do not fit a header that holds them.
        rows, headless = max(
            (_stream_rows(run, kinds, labels - 1, len(to_years) + extra), extra) for extra in (0, 1)
        )
        header = to_years
    columns: tuple[Column, ...] | None = None
    if len(header) >= 2 and all(len(undated(c.clean)) <= _STREAM_CELL_MAX // 2 for c in header):
        texts = [""] * headless + [cell.text for cell in header]
        columns = _stream_columns(texts, _body_of(rows)) if rows else None
    if columns is None:
        # Groups over repeated sub-columns: the rows count the columns, as below.
        values = _stream_values(kinds, labels)
        named = [cell.clean for cell in header if not _UNIT_LINE.fullmatch(fold(cell.clean))]
        grouped = _grouped_names(named, values)
        grouped_rows = _stream_rows(run, kinds, labels - 1, values + 1) if grouped else []
        if grouped and grouped_rows:
            rows = grouped_rows
            columns = _stream_columns(grouped, _body_of(rows))
    if columns is None and unit is not None:
        # A header whose cells wrapped over lines no longer counts its columns: the rows do
        # (a label, then as many numbers each), and the caption's unit says what they are.
        values = _stream_values(kinds, labels)
        rows = _stream_rows(run, kinds, labels - 1, values + 1) if values >= 2 else []
        columns = _unnamed_columns(" ".join(cell.text for cell in header), values)
    if columns is None or len(rows) < _STREAM_ROWS_MIN or not header:
        return None
    if not any(column.role == "value" for column in columns):
        return None
    return Table(
        header[0].start,
        rows[-1][-1].end,
        _with_caption(text, " ".join(titles), run[0].start)
        or _caption_above(text, header[0].start)
        or _line_before(text, header[0].start),
        columns,
        tuple(Row(tuple(row)) for row in rows),
        layout="lines",
        unit=unit,
    )


_LEADING_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")


def _cell_words(cell: Cell) -> str:
    return cell.clean


def _is_label_cell(cell: Cell) -> bool:
    return _stream_kind(cell) == "label"


def undated(header: str) -> str:
    """A header's words after the date it opens on (`2018年6月15日平均批发价格`: 平均批发价格):
    what it measures, and as short as a header's words are."""
    return _LEADING_DATE.sub("", header)


def _header_to_its_years(header: Sequence[Cell]) -> list[Cell]:
    """A header of years (指 标, 2005年, 2012年, 2013年) ends at its last year: the words after
    it (普通高等学校) caption the group of rows under it, no column."""
    years = [index for index, cell in enumerate(header) if _header_year(fold(cell.clean))]
    if len(years) >= 2 and years[-1] + 1 < len(header):
        return list(header[: years[-1] + 1])
    return list(header)


def _grouped_names(cells: Sequence[str], values: int) -> list[str] | None:
    """The column names of a header flattened a cell per line that names more cells than the
    rows have: panels side by side with the same columns, or groups over repeated
    sub-columns (`行业名称`, `利润总额`, `从业人员平均人数(人)`, then `1-9`, `比去年同期增长(%)`
    once per group), each group's name joined to each sub-column's, a unit the sub-column
    does not write moved to the end from the group's. None where the header is not so made."""
    # 收入 | 年初预算 | 调整预算 | 决算数 | 支出 | 年初预算 | 调整预算 | 决算数: panels side by
    # side, run one under the other as rows: one panel's names name every row's cells.
    size = values + 1
    panels, rest = divmod(len(cells), size)
    chunks = [cells[at : at + size] for at in range(0, len(cells), size)]
    if not rest and 2 <= panels <= _PANELS_MAX and all(c[1:] == chunks[0][1:] for c in chunks):
        return list(chunks[0])
    for groups in range(2, values // 2 + 1):
        width, rest = divmod(values, groups)
        heading = len(cells) - groups - values
        if rest or heading not in (0, 1):
            continue
        names, subs = cells[heading : heading + groups], cells[heading + groups :]
        if any(subs[i] != subs[i % width] for i in range(values)):
            continue
        joined = [_group_and_sub(name, sub) for name in names for sub in subs[:width]]
        return [*cells[:heading], *joined] if heading else ["", *joined]
    return None


_PANELS_MAX = 3


def _group_and_sub(group: str, sub: str) -> str:
    bracket = _TRAILING_UNIT.search(group)
    if bracket is None or _TRAILING_UNIT.search(sub):
        return f"{group} {sub}"
    return f"{group[: bracket.start()]} {sub}{bracket.group()}"


_TRAILING_UNIT = re.compile(r"[(（][^()（）]{1,12}[)）]\s*$")


def _with_unit_cells(run: Sequence[Cell], kinds: list[str], lead: int) -> list[str]:
    """The kinds of a run's cells, a cell of a unit alone between a row's label and its
    figures (`一。财政总收入 | 万元 | 52364 | …`, or a dash for none) a "unit", where the
    header names a unit column (`指标名称 | 单位 | 2008年 | …`); else the kinds as they are."""
    marked = list(kinds)
    for at in range(max(lead, 1), len(run) - 1):
        before, after = marked[at - 1], marked[at + 1]
        if marked[at] == "label" and before == "label" and after in ("number", "none"):
            unit = _unit_words(run[at].clean)
            if unit and unit[0] and is_fact_unit(unit[0]):
                marked[at] = "unit"
    first = next((at for at in range(lead, len(run)) if marked[at] != "label"), len(run))
    header = run[lead : max(lead, first - 1)]
    named = any(_UNIT_COLUMN.match(fold(cell.clean)) for cell in header)
    return marked if first < len(run) and marked[first] == "unit" and named else list(kinds)


def _months_numbered(run: Sequence[Cell], kinds: list[str], lead: int) -> list[str]:
    """The kinds of a run's cells, a header of months numbered without their 月 (`月份 | 3 |
    4 | 5 | 6`, then the rows) read as the header's words, not as a row's figures."""
    if lead >= len(run) or fold(run[lead].clean) not in ("月份", "月"):
        return kinds
    months: list[int] = []
    at = lead + 1
    while at < len(run) and re.fullmatch(r"\d{1,2}", run[at].clean):
        month = int(run[at].clean)
        if not (months[-1] if months else 0) < month <= _MONTHS:
            break
        months.append(month)
        at += 1
    if len(months) < 2 or at >= len(run) or kinds[at] != "label":
        return kinds
    return [*kinds[: lead + 1], *(["label"] * len(months)), *kinds[at:]]


_MONTHS = 12


def _unit_row_split(header: Sequence[Cell]) -> tuple[list[Cell], Unit | None]:
    """A header whose last row is its units (`单位(元/公斤)` over the amounts, `(%)` over
    the rates, empty cells around them) as the column names and the unit line's unit; the
    rates' cells write their own `%`."""
    end = len(header)
    while end and (
        not header[end - 1].clean or _UNIT_ROW_CELL.fullmatch(fold(header[end - 1].clean))
    ):
        end -= 1
    tail = header[end:]
    lines = [fold(cell.clean) for cell in tail if fold(cell.clean).startswith("单位")]
    found = next(
        (unit for line in lines if (unit := _unit_line_unit(line) or _header_unit(line))), None
    )
    named = list(header[:end])
    return (named, found) if found and len(named) >= 2 else (list(header), None)


# A cell of a header's unit row: a unit line (单位(元/公斤), 单位:万元) or a unit in brackets.
_UNIT_ROW_CELL = re.compile(r"单\s*位\s*[(（:：].*|[(（][^()（）]{1,8}[)）]")


def _units_rejoined(header: Sequence[Cell]) -> list[Cell]:
    """Header cells with a unit that wrapped onto a line of its own (`绝对数` then `(亿元)`)
    joined again: a cell that is only a unit in brackets ends the cell before it."""
    joined: list[Cell] = []
    for cell in header:
        unit = split_header_unit(cell.clean)
        only_unit = unit is not None and re.fullmatch(r"[(（][^()（）]*[)）]", fold(cell.clean))
        if joined and only_unit and is_fact_unit(unit[0] if unit else ""):
            previous = joined[-1]
            joined[-1] = Cell(previous.start, cell.end, previous.text + cell.text)
        else:
            joined.append(cell)
    return joined


def _stream_columns(
    headers: Sequence[str], body: Sequence[tuple[_Line, list[Cell]]]
) -> tuple[Column, ...]:
    """The columns of a one-cell-per-line table. Past the row labels every column holds
    numbers, so each is a value column; one whose header names neither a unit nor a measure
    (`城市`, `农村` under a spanning `全省(%)` flattened before them) takes the unit of the
    column on its left."""
    columns = list(_columns(headers, body))
    for index, column in enumerate(columns):
        if column.role != "other" or _SKIP_HEADER.search(fold(column.header)):
            continue
        # A column of a month or months (5月, 1-5月) is the period of what the row measures.
        named = names_a_measure(column.header) or _MONTHS_HEADER.fullmatch(
            re.sub(r"\s+", "", fold(column.header))
        )
        left = columns[index - 1].unit if index > 0 and not named else None
        columns[index] = replace(column, role="value", unit=column.unit or left)
    return tuple(columns)


_MONTHS_HEADER = re.compile(r"(?:\d{1,2}\s*[-—–~至]\s*)?(?:\d{1,2}|本)\s*月份?")


def _caption_above(text: str, position: int) -> str:
    """The caption (`表2 …`) above a table, past blank lines and lines of spaces."""
    window = text[max(0, position - _CAPTION_LOOKBACK) : position]
    above = [line.strip() for line in window.splitlines() if line.strip()]
    return above[-1] if above and _CAPTION.match(fold(above[-1])) else ""


def _stream_rows(
    run: Sequence[Cell], kinds: Sequence[str], position: int, width: int
) -> list[list[Cell]]:
    """Rows of `width` cells from `run[position]` on, a label then numbers each, for as long
    as that holds. Between rows, heads (a group label, `经济作物`; a label and its unit with no
    figures, `#先进制造业 | 亿元`) are skipped, the rows go on after them; after the first row,
    a row may be short of cells (see `_short_row`)."""
    rows: list[list[Cell]] = []
    shorts: list[int] = []  # where the short rows are
    if width < 2:
        return rows
    while position < len(run):
        row = _stream_row(run, kinds, position, width, short=bool(rows))
        if row is None and rows:
            heads = next(
                (
                    skip
                    for skip in range(1, _HEAD_CELLS_MAX + 1)
                    if all(kind == "label" for kind in kinds[position : position + skip])
                    and not any(
                        _CAPTION.match(fold(c.clean)) for c in run[position : position + skip]
                    )
                    and _stream_row(run, kinds, position + skip, width, short=True) is not None
                ),
                None,
            )
            if heads is None:
                break
            position += heads
            continue
        if row is None:
            break
        cells, used = row
        if used < width:
            shorts.append(len(rows))
        rows.append(cells)
        position += used
    if 2 * len(shorts) > len(rows):
        return rows[: shorts[0]]  # mostly short: the width is wrong, not the rows
    return rows


_HEAD_CELLS_MAX = 4


def _stream_row(
    run: Sequence[Cell], kinds: Sequence[str], position: int, width: int, *, short: bool
) -> tuple[list[Cell], int] | None:
    """The row of `width` cells at `run[position]` and how many of the run's cells it takes,
    or with `short` one of fewer cells."""
    if position + width <= len(run) and _is_stream_row(kinds[position : position + width]):
        return list(run[position : position + width]), width
    return _short_row(run, kinds, position, width) if short else None


def _short_row(
    run: Sequence[Cell], kinds: Sequence[str], position: int, width: int
) -> tuple[list[Cell], int] | None:
    """A row with fewer figures than columns, up to the next row's label: a release that
    publishes only a growth rate for some rows (`固定资产投资 | 亿元 | -12.2`) or leaves out
    the year before's level (`规模以上工业增加值 | 亿元 | 45.8 | -2.9`). Its last figure is the
    last column's (the rate, printed for every row), the others fill the columns from the
    first; the cells between are empty. The run's last row is a copy cut short: its figures
    fill the columns from the first."""
    end = next((at for at in range(position + 1, len(run)) if kinds[at] == "label"), len(run))
    count = end - position
    if not 2 <= count < width or not _is_stream_row(kinds[position:end]):
        return None
    cells = list(run[position:end])
    last = cells[-1]
    empty = [Cell(last.end, last.end, "")] * (width - count)
    if end == len(run):
        return [*cells, *empty], count
    return [*cells[:-1], *empty, last], count


def _stream_values(kinds: Sequence[str], first: int) -> int:
    """How many numbers (or dashes) follow the first row's label: the row's value cells."""
    count = 0
    while first + count < len(kinds) and kinds[first + count] != "label":
        count += 1
    return count


def _unnamed_columns(header: str, values: int) -> tuple[Column, ...]:
    """A row label column, then value columns whose header could not be told apart."""
    label = Column(header, "indicator", None, None, None)
    return (label, *(Column("", "value", None, None, None) for _ in range(values)))


def _is_stream_row(kinds: Sequence[str]) -> bool:
    """A row label, then numbers or dashes, at least one number."""
    return bool(kinds) and kinds[0] == "label" and "label" not in kinds[1:] and "number" in kinds


def _line_before(text: str, position: int) -> str:
    line_start = text.rfind("\n", 0, position)
    if line_start < 0:
        return ""
    previous_start = text.rfind("\n", 0, line_start) + 1
    return text[previous_start:line_start].strip()


# --- One cell per line, rows led by a year, maybe two panels side by side ------------------

_YEAR_HEADER = re.compile(r"年\s*份|年\s*度")
_ROW_YEAR = re.compile(r"(?:19|20)\d{2}")
_SUB_ITEM = re.compile(r"^(?:[#＃]|其中[:：]?)")
_ONLY_UNIT = re.compile(r"[(（][^()（）]*[)）]")
_LATIN = re.compile(r"[A-Za-z]")


def _year_row_tables(text: str, lines: Sequence[_Line], taken: _Spans) -> list[Table]:
    """Tables of one cell per line whose rows each open with a year (a yearbook's series
    over selected years): a header of `年份` and the column names (a name maybe wrapped one
    letter per line, `单`, `产`), their units on lines of their own (`(万吨)`), maybe an
    English header under it, then a year and as many figures per row. Printed as panels
    side by side the header repeats per panel and the rows alternate between the panels;
    read as one table of years, the order does not matter."""
    tables: list[Table] = []
    for run in _stream_runs(lines, taken, english=True):
        begin = 0
        while (found := _year_row_table(run, begin)) is not None:
            table, begin = found
            tables.append(table)
    return tables


def _year_row_table(run: Sequence[Cell], begin: int) -> tuple[Table, int] | None:
    """The first year-row table in `run` from `run[begin]` on, and where it ends."""
    kinds = [_stream_kind(cell) for cell in run]
    heads = [i for i in range(begin, len(run)) if _YEAR_HEADER.fullmatch(fold(run[i].clean))]
    if not heads:
        return None
    first = heads[0]
    body = next(
        (
            i
            for i in range(first + 1, len(run) - 1)
            if _ROW_YEAR.fullmatch(run[i].clean) and kinds[i + 1] == "number"
        ),
        None,
    )
    if body is None or any(kinds[i] != "label" for i in range(first, body)):
        return None
    panels = [i for i in heads if i < body]
    segments = [run[a + 1 : b] for a, b in zip(panels, [*panels[1:], body], strict=True)]
    names = [_year_row_names(segment) for segment in segments]
    if not names[0] or any(each != names[0] for each in names):
        return None  # panels side by side repeat one header
    width = len(names[0]) + 1
    rows: list[list[Cell]] = []
    position = body
    while position + width <= len(run) and _is_year_row(run, kinds, position, width):
        rows.append(list(run[position : position + width]))
        position += width
    if len(rows) < _STREAM_ROWS_MIN * len(panels):
        return None
    units = [
        cell
        for cell in run[first:body]
        if _ONLY_UNIT.fullmatch(fold(cell.clean)) and not _LATIN.search(cell.clean)
    ]
    columns = _year_row_columns(names[0], units, len(panels), _group_above(run, begin, first))
    table = Table(
        run[first].start,
        rows[-1][-1].end,
        _group_title(run, begin, first),
        (Column(run[first].text.strip(), "period", None, None, None), *columns),
        tuple(Row(tuple(row)) for row in rows),
        layout="lines",
    )
    return table, position


def _is_year_row(run: Sequence[Cell], kinds: Sequence[str], position: int, width: int) -> bool:
    """A year, then numbers or dashes, at least one number."""
    values = kinds[position + 1 : position + width]
    return (
        bool(_ROW_YEAR.fullmatch(run[position].clean))
        and "number" in values
        and all(kind in ("number", "none") for kind in values)
    )


def _year_row_names(segment: Sequence[Cell]) -> list[str]:
    """A panel's column names: its Chinese header cells up to its English, less the units
    on lines of their own, a name wrapped one letter per line joined again."""
    names: list[str] = []
    letters = ""
    for cell in segment:
        words = cell.clean
        if _LATIN.search(words):
            break
        if _ONLY_UNIT.fullmatch(fold(words)):
            continue
        if len(words) == 1:
            letters += words
            continue
        names += [letters] if letters else []
        letters = ""
        names.append(words)
    return names + ([letters] if letters else [])


def _group_above(run: Sequence[Cell], begin: int, first: int) -> str:
    """The heading over the columns, one letter per line above the header (`粮`, `食`, once
    per column it spans): its words once."""
    letters = ""
    for cell in reversed(run[begin:first]):
        if len(cell.clean) != 1:
            break
        letters = cell.clean + letters
    for size in range(1, len(letters) + 1):
        if len(letters) % size == 0 and letters == letters[:size] * (len(letters) // size):
            return letters[:size] if size > 1 else ""
    return ""


def _group_title(run: Sequence[Cell], begin: int, first: int) -> str:
    """The title above the header: the last Chinese line of more than one letter."""
    return next(
        (
            cell.text.strip()
            for cell in reversed(run[begin:first])
            if len(cell.clean) > 1 and not _LATIN.search(cell.clean)
        ),
        "",
    )


def _year_row_columns(
    names: Sequence[str], units: Sequence[Cell], panels: int, group: str
) -> list[Column]:
    """Value columns named by the group heading over them and their own name (粮食 + 单产);
    a sub-item (`#稻谷`) measures what the column on its left does (#稻谷总产量) in its unit.
    The unit lines give one unit per column, or one per measure that the sub-items share."""
    each = len(units) // panels if panels and len(units) % panels == 0 else 0
    given = [_unit_words(fold(cell.clean)[1:-1]) for cell in units[:each]]
    mains = [name for name in names if not _SUB_ITEM.match(name)]
    columns: list[Column] = []
    left_name, left_unit = "", None
    for index, name in enumerate(names):
        sub = bool(_SUB_ITEM.match(name)) and bool(left_name)
        if each == len(names):
            unit = given[index]
        elif each == len(mains) and not sub:
            unit = given[mains.index(name)]
        else:
            unit = left_unit if sub else _header_unit(name)
        bare = _unbracketed(name)
        named = bare + left_name if sub else (bare if group in bare else group + bare)
        if not sub:
            left_name, left_unit = bare, unit
        columns.append(Column(name, "value", None, None, unit, name=named))
    return columns


# --- Two panels side by side: `收入 | 执行数 | 支出 | 执行数` --------------------------------

_PANELS_MAX = 3


def _panel_runs(lines: Sequence[_Line], taken: _Spans) -> list[tuple[int, list[Cell]]]:
    """Runs of consecutive pipe lines (rows, or one cell per line with a trailing pipe), as
    one stream of cells each with the index of the run's first line; a lone `|` is an empty
    cell here, as a panel left empty writes it."""
    runs: list[tuple[int, list[Cell]]] = []
    current: list[Cell] = []
    first = 0
    for index, line in enumerate(lines):
        if line.layout in ("pipe", "rule") and line.start not in taken:
            if not current:
                first = index
            words = line.text.strip()
            lead = line.start + len(line.text) - len(line.text.lstrip())
            if words[:1] in "|｜":
                words, lead = words[1:], lead + 1
            if words[-1:] in "|｜":
                words = words[:-1]
            empty = [Cell(lead, lead, "")]
            current.extend(_split(words, lead, _PIPE) if words.strip() else empty)
            continue
        if current:
            runs.append((first, current))
        current = []
    if current:
        runs.append((first, current))
    return runs


def _panel_kind(cell: Cell) -> str:
    return _stream_kind(cell) if cell.clean else "empty"


def _panel_header(cells: Sequence[Cell], panels: int) -> bool:
    """Whether the first cells head `panels` panels: a column of items, then a column of
    amounts with a status (`执行数`, `预算数`), once per panel."""
    header = cells[: 2 * panels]
    if len(header) != 2 * panels:
        return False
    for label, value in zip(header[::2], header[1::2], strict=True):
        if _stream_kind(label) != "label" or _stream_kind(value) != "label":
            return False
        if _row_column(label.text).status or not _row_column(value.text).status:
            return False
    return True


def _is_panel_row(kinds: Sequence[str]) -> bool:
    """Each (item, amount) pair filled (a label, then a number or a dash) or left empty;
    at least one amount."""
    pairs = list(zip(kinds[::2], kinds[1::2], strict=True))
    return any(amount == "number" for _, amount in pairs) and all(
        (item, amount) == ("empty", "empty") or (item == "label" and amount in ("number", "none"))
        for item, amount in pairs
    )


def _panel_tables(text: str, lines: Sequence[_Line], taken: _Spans) -> list[Table]:
    """The tables of two-panel balance tables, one per panel: each row holds an (item,
    amount) pair per panel, and either may be empty."""
    tables: list[Table] = []
    for first, cells in _panel_runs(lines, taken):
        kinds = [_panel_kind(cell) for cell in cells]
        for panels in range(_PANELS_MAX, 1, -1):
            rows = _panel_rows(cells, kinds, panels) if _panel_header(cells, panels) else []
            if len(rows) >= _STREAM_ROWS_MIN:
                above = _lines_above(lines, first)
                tables += [_panel_table(cells, rows, panel, above) for panel in range(panels)]
                break
    return tables


def _panel_rows(cells: Sequence[Cell], kinds: Sequence[str], panels: int) -> list[list[Cell]]:
    """The rows under a header of `panels` panels, for as long as they hold pairs."""
    width = 2 * panels
    rows: list[list[Cell]] = []
    position = width
    while position + width <= len(cells) and _is_panel_row(kinds[position : position + width]):
        rows.append(list(cells[position : position + width]))
        position += width
    return rows


_CAPTION_MARKS = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+|单\s*位\s*[:：]\s*\S*")


def _panel_table(
    cells: Sequence[Cell], rows: Sequence[Sequence[Cell]], panel: int, above: Sequence[_Line]
) -> Table:
    """One panel's table: its item and amount columns, its rows whose item is filled, and
    the title and `单位：` line above the whole table."""
    label, value = cells[2 * panel : 2 * panel + 2]
    columns = (
        replace(_row_column(label.text), role="indicator", status=None),
        _row_column(value.text),
    )
    pairs = (row[2 * panel : 2 * panel + 2] for row in rows)
    captions = [line.text.strip() for line in above]
    # A line that is only the table's number or its unit is no title; `表2 …收支平衡表` is.
    titles = [caption for caption in captions if _CAPTION_MARKS.sub("", fold(caption)).strip()]
    return Table(
        cells[0].start,
        rows[-1][-1].end,
        titles[-1] if titles else "",
        columns,
        tuple(Row(tuple(pair)) for pair in pairs if pair[0].clean),
        layout="panels",
        unit=_unit_line_unit(" ".join(captions)),
    )


# --- Records: one `key:value` line per cell, each record opening with the same key --------


def _record_tables(text: str, taken: _Spans) -> list[Table]:
    """Record runs (llmx.tables.records) as tables, one per record: a record is a row that gives
    its header again. Its columns are the run's, worked out once; a field the record leaves
    blank (`─`) is no column of its row, so a change in it (增幅) is the change of its nearest
    filled amount to the left and takes that one's status (a budget's growth where the
    outcome is still `─`)."""
    tables: list[Table] = []
    for run in _unclaimed(find_records(text), taken):
        title = _line_before(text, run.start)
        columns = [
            _record_column(text[key[0] : key[1]], values, index)
            for index, (key, values) in enumerate(_record_columns(text, run.records))
        ]
        for record in run.records:
            cells = [Cell(*field.value, text[field.value[0] : field.value[1]]) for field in record]
            row_columns = list(columns)
            status: str | None = None
            for index, (column, cell) in enumerate(zip(columns, cells, strict=True)):
                if column.role != "value":
                    continue
                if not re.search(r"\d", cell.text):  # not out yet (─): no amount to change
                    row_columns[index] = replace(column, role="other")
                elif (
                    column.status is None and status and _CHANGE_HEADER.search(fold(column.header))
                ):
                    row_columns[index] = replace(column, status=status)
                elif column.status:
                    status = column.status
            tables.append(
                Table(
                    record[0].key[0],
                    record[-1].value[1],
                    title,
                    tuple(row_columns),
                    (Row(tuple(cells)),),
                    layout="records",
                )
            )
    return tables


def _record_columns(
    text: str, records: Sequence[Sequence[Field]]
) -> list[tuple[tuple[int, int], list[str]]]:
    """For each key, its span in the first record and the values every record gives it."""
    return [
        (field.key, [fold(text[r[index].value[0] : r[index].value[1]]).strip() for r in records])
        for index, field in enumerate(records[0])
    ]


def _record_column(header: str, values: Sequence[str], index: int) -> Column:
    """A record key's column: the first key labels the record (its year, or its name); a
    key whose values hold numbers is measured where the key names a measure, a status or a
    unit (`预算(元)`, `增幅`) or the values write their own (`35万人`): a bare number under
    any other key (`电话`, `编号`) is no quantity. Any other key is left aside."""
    filled = [value for value in values if value]
    if index == 0 and filled and all(_YEAR_CELL.fullmatch(value) for value in filled):
        return Column(header, "period", None, None, None)
    column = _row_column(header)
    numbers = [value for value in filled if re.search(r"\d", _NOT_DATA.sub("", value))]
    if not numbers:
        return Column(header, "indicator" if index == 0 else "other", None, None, None)
    if column.role == "value" or all(_has_unit(value) for value in numbers):
        return replace(column, role="value")
    return Column(header, "other", None, None, None)


def _has_unit(value: str) -> bool:
    return any(quantity.has_unit for quantity in find_quantities(value))


# --- Rows of figures under any header: the last reading -------------------------------------

# A header that names indices, growth or shares beside the rows' own measures.
_RATES_IN_HEADER = re.compile(r"指\s*数|增\s*长|速\s*度|比\s*重|构\s*成|%|％")
_WHITESPACE = re.compile(r"\s+")
_CAPTION_GAPS = 2  # empty cells beside a caption's one word, at least
_UNIT_ALONE = re.compile(
    r"\s*(?:绝对数|数值|数|金额|总量|总额|比上年增长|增长速度|增速)?\s*[(（]([^()（）]{1,8})[)）]\s*"
)
# A unit's words alone on a header line, unbracketed (`百萬港元`).
_BARE_UNIT = re.compile(r"\s*(\S{2,})\s*")
_BASE_CAPTION = re.compile(r"[=＝为]\s*100(?![\d.])")
# A bilingual yearbook's caption in English, its unit in brackets at the end: `Population by
# Residence (10000 persons)`.
_ENGLISH_CAPTION = re.compile(r"\s*[A-Za-z][A-Za-z ,.'&-]*\(([^()]+)\)\s*")
_UNIT_BRACKET = re.compile(r"[(（]\s*([^()（）]{1,12}?)\s*[)）]")


def _figure_row_tables(text: str, taken: _Spans) -> list[Table]:
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
    title = _with_caption(text, lines[0].strip() if lines else "", grid.start)
    # Joined by line ends: a letter-spaced unit line (單 位 ﹕ 百 萬 元) stops at its own.
    header = fold("\n".join(lines))
    width = max(len(row.cells) for row in grid.rows)
    names = _named_columns(lines[1:] if len(lines) > 1 else lines, width)
    names = names or _stacked_names_over_units(lines[1:], width)
    if names is None:
        values = [[_figure_value(text[a:b]) for a, b in row.cells] for row in grid.rows]
        names = _parts_under_parents(lines, width, [row for row in values if row])
    # A table's `单位:` line sits over its first group of rows; a grid further down, under a
    # group caption (`二、按行业分:`), is in it still.
    unit_line = _UNIT_LINE.search(header) or _unit_line_further_up(text, grid.start)
    # 单位:万吨、千克 lists a unit per measure, which says nothing of which column is which.
    listed = unit_line is not None and re.search(r"[、/]", unit_line.group(1))
    table_unit = _unit_words(unit_line.group(1)) if unit_line and not listed else None
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
    base = _BASE_NOTE.search(header) is not None
    if names is None and grid.names:  # a header cell per column: 2017年5月 | 同比增长(%)
        names = [(name, _header_unit(name)) for name in grid.names]
        names = names if all(unit for _, unit in names) or table_unit or base else None
    said = names is not None or base or table_unit is not None
    unmeasured: set[int] = set()
    figures = [row for row in grid.rows if row.cells]
    unit_cells = all(row.unit for row in figures)  # 社会消费品零售总额 | 万元 | 297859 | …
    if names is None:
        unit = ("", 1.0) if base else None
        stubs = 1 + unit_cells
        plain = (
            grid.names
            or _piped_names(lines, width, stubs)
            or (list(names_above) if unit_cells else [])
            or _plain_names(named_lines[-1:], width, stubs)
        )
        names = [(name, _header_unit(name) or unit) for name in plain]
        # 1994年 | 比上年增長% over 糧食 44450 萬噸 -2.5: a column whose cells write their own
        # unit needs none from its header, nor one under rows that write theirs.
        said = said or all(
            unit is not None
            or (unit_cells and name)
            or all(_own_unit(text, row.cells[index]) for row in figures)
            for index, (name, unit) in enumerate(names)
        )
        counted = [(name, given or _counted_unit(name)) for name, given in names]
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
        measured = index not in unmeasured and not _numbers_lines(cells)
        column = replace(_row_column(name), role="value" if measured else "other", unit=unit)
        if grid.years:
            column = replace(column, period=grid.years[index])
        columns.append(column)
    rows = [
        [
            _span_cell(text, row.label, row.cells[0][0] if row.cells else 0),
            *(
                [_span_cell(text, row.unit, row.cells[0][0] if row.cells else 0)]
                if unit_cells
                else []
            ),
            *(_span_cell(text, span, 0) for span in row.cells),
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
    parts = _outline_parts(table, [cells[0] for cells in rows], depths, rows)
    kept = [
        part
        if part.unit is not None
        # 三次产业从业者比例 (以第一产业为100) over 第一产业, 第二产业: ratios on a base of 100
        else replace(part, unit=("", 1.0))
        if _BASE_CAPTION.search(fold(part.title))
        else replace(part, rows=tuple(row for row in part.rows if _header_unit(row.cells[0].text)))
        for part in parts
    ]
    return [part for part in kept if part.rows]


_HEADER_WORD = re.compile(r"[\s()（）|｜]+")


def _names_a_unit(header: str) -> bool:
    """Whether a table's title or header names a unit anywhere: a unit alone or in brackets
    (`港幣百萬元`, `(万张)`, `(10 000 persons)`), a `单位` line, a percent sign."""
    folded = fold(header)
    return (
        "单位" in folded
        or "%" in folded
        or any(from_english(found.group(1)) for found in _UNIT_BRACKET.finditer(folded))
        or any(_header_unit(f"({word})") for word in _HEADER_WORD.split(folded) if word)
    )


def _unit_line_further_up(text: str, position: int) -> re.Match[str] | None:
    """The nearest `单位:` line above `position` with no sentence between: the unit line of
    the table whose rows run on down to a grid no other reading took."""
    for line in reversed(_lines_before(text, position, CONTINUED_LINES)):
        if _PROSE_LINE.search(line):
            return None
        found = _UNIT_LINE.search(fold(line))
        if found:
            return found
    return None


# A line of prose, which no table's lines are: a full stop, or a sentence's semicolon, in
# Chinese (`? | 单位:万元 | |`, a glyph the page lost, is a table's line still).
_PROSE_LINE = re.compile(r"[。；！？]")


def _unit_over_each_column(lines: Sequence[str], width: int) -> tuple[int, Unit] | None:
    """The header line that writes the columns' unit once over each and nothing else (`港币百万元
    港币百万元` under the columns' dates), and that unit: its index among `lines`."""
    for index, line in enumerate(lines):
        words = fold(line).split()
        if len(words) == width and len(set(words)) == 1:
            unit = _header_unit(f"({words[0]})")
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
        and (unit := _header_unit(f"({unit_words(found.group(1))})"))
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
    if not any(_PIPE.search(line) for line in lines):
        return []
    named: list[str] = []
    for line in lines:
        cells = [re.sub(r"\s+", "", cell) for cell in _PIPE.split(line)]
        words = [cell for cell in cells if cell]
        if len(words) == 1 and len(cells) - len(words) > _CAPTION_GAPS:
            continue
        named += words
    if len(named) == width + stubs:
        return named[stubs:]
    # 商品名称 | 规格、等级 | 单位 | 监测点1 | 监测点2 | 指标解释: the figures' columns follow
    # the unit column's header, whatever heads the labels before it or the words after.
    units = [index for index, name in enumerate(named) if _UNIT_COLUMN.match(fold(name))]
    if len(units) == 1 and units[0] + 1 + width <= len(named):
        return named[units[0] + 1 : units[0] + 1 + width]
    return []


def _plain_names(lines: Sequence[str], width: int, stubs: int) -> list[str]:
    """The columns' names from a header line of a Chinese word per column, maybe after the
    headings of the `stubs` columns before them, the labels' and the units' (`品名 单位 城镇
    盐湖区 农村`); "" each where the line has not as many words (an English line, `Animal
    Husbandry and Fishery`, names nothing word by word)."""
    if not lines:
        return [""] * width
    words = _merge_spaced_letters(_split(lines[0], 0, _WHITESPACE), lines[0])
    names = [word.clean for word in words if word.clean]
    if width < len(names) <= width + stubs:
        names = names[-width:]
    named = len(names) == width and all(HAS_CJK.search(name) for name in names)
    return names if named else [""] * width


def _figure_value(cell: str) -> float | None:
    """A cell's figure as a number (`1,234.5` → 1234.5); None for a dash or a blank."""
    try:
        return float(re.sub(r"[,，\s]", "", cell))
    except ValueError:
        return None


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
        words = re.sub(r"[\s|｜]+", "", ENGLISH_AFTER.sub("", line))
        if words.startswith(_SUB_MARKS) and wholes:
            parts += [part for part in re.split(r"[#＃]", words) if part]
            continue
        if parts:
            continue
        bracket = _UNIT_BRACKET.search(fold(words))
        unit = _header_unit(bracket.group()) if bracket else None
        if unit is not None:
            wholes.append((words[: bracket.start()] if bracket else words, unit))
        elif unitless and _CHINESE_WORDS.fullmatch(words):
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
_CHINESE_WORDS = re.compile(rf"[{CJK}、]+")
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
    units = [_header_unit(f"({word[1:]})") for words in slashed for word in words]
    if (
        not stacked
        or len(units) != width
        or not all(word[:1] == "/" for words in slashed for word in words)
    ):
        return None
    names = ["".join(words[index] for words in stacked) for index in range(1, width + 1)]
    return list(zip(names, units, strict=True)) if all(units) else None


def _named_columns(lines: Sequence[str], width: int) -> list[tuple[str, Unit | None]] | None:
    """Each column's name and unit from a header that gives a unit in brackets per column,
    in order (`城市 年末总人口 (万人) 生产总值 (亿元) …`): a name is the words up to its
    unit. None where the header's units are not one per column."""
    words = re.sub(r"\s+", " ", fold("".join(lines))).strip()
    units = [
        (match, unit)
        for match in _UNIT_BRACKET.finditer(words)
        if (unit := _header_unit(match.group())) is not None
    ]
    if len(units) != width:
        return None
    named: list[tuple[str, Unit | None]] = []
    position = 0
    for match, unit in units:
        name = words[position : match.start()].strip()
        position = match.end()
        if not named:  # 县别 常住人口: the first column's name follows the labels' heading
            name = name.split()[-1] if name else name
        named.append((re.sub(r"\s+", "", name), unit))
    return named
