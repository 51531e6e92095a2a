"""The rules extractor: document → sections → candidate quantities → facts, offline."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from llmx.documents import Document
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import Fact
from llmx.folding import fold
from llmx.glosses import Unglossed, unglossed
from llmx.lines import BARE_YEAR, HAS_CJK, LETTER_GAPS, SPREADSHEET_ERROR, YEAR_SPAN
from llmx.quantities import Quantity, find_quantities, split_header_unit
from llmx.record import RunSpec, RunStats
from llmx.rules import attributes, filters
from llmx.rules.amounts import NO_AMOUNTS, ProseAmounts, prose_amounts
from llmx.rules.context import (
    Boundaries,
    DocumentContext,
    arabic_years,
    section_status,
    unwrapped,
)
from llmx.rules.eras import Widened, widened
from llmx.sections import Section, section_at, split_sections
from llmx.tables import (
    Cell,
    Column,
    ProseCell,
    Row,
    Table,
    figure_value,
    find_tables,
    names_a_measure,
    note_cells,
    outside_brackets,
    prose_cells,
    undated,
)
from llmx.vocabulary import (
    KIND_CUES,
    PERCENT_UNITS,
    Scope,
    alternation,
    cue_pattern,
    cue_words,
    implied_kind,
    is_fact_unit,
)

NAME = "rules"
# A row of the limits a standard sets (二级标准 under cities' PM2.5 and SO2): what a figure is
# measured against, no measurement.
_LIMITS_ROW = re.compile(
    r"(?:国家)?[一二三四五ⅠⅡⅢⅣⅤ]\s*级\s*标\s*准(?:值|限值)?$|(?:标\s*准)?限\s*值$"
)
# A dash for no figure; a page may set it as the numeral 一, alone in a cell of figures; a
# spreadsheet's error where a formula had nothing to divide by (`#DIV/0!`, `#N/A`).
_EMPTY_CELL = re.compile(rf"^[\s—\-–/、]*$|^\s*一\s*$|^\s*(?:{SPREADSHEET_ERROR.pattern})\s*$")


@dataclass(frozen=True)
class _Document:
    """A document with everything the rules need, computed once."""

    document: Document
    folded: str
    # What attributes are read from: the text without pinyin glosses, folded, and with
    # years in Chinese numerals in digits (same length as `clean`).
    unglossed: Unglossed
    clean_folded: str
    dated: str
    context: DocumentContext
    bounds: Boundaries
    sections: list[Section]
    tables: list[Table]
    notes: tuple[tuple[int, int], ...] = ()  # the cells of tables' notes columns: prose
    # `dated` with Taiwan's two-digit years written whole (98年 as 2009年) and five-year plans'
    # ends as their years (“十一五”末 as 2010年末), where it has any: what a figure's status
    # and year are read from.
    widened: Widened | None = None
    prose_cells: tuple[ProseCell, ...] = ()  # sentences in tables' cells, with their rows' labels

    def row_label_of(self, position: int) -> str | None:
        """The label of the row whose sentence in a cell holds `position`, if one does."""
        return next(
            (
                found.label
                for found in self.prose_cells
                if found.cell.start <= position < found.cell.end
            ),
            None,
        )

    def attributes_text(
        self, read: Quantity, section: Section
    ) -> tuple[str, Boundaries, Quantity, Section]:
        """The text, its bounds, the quantity (read on `dated`) and its section to read a
        figure's status and year from."""
        wide = self.widened
        if wide is None:
            return self.dated, self.bounds, read, section
        return (
            wide.text,
            wide.bounds,
            replace(read, start=wide.position(read.start), end=wide.position(read.end)),
            replace(section, start=wide.position(section.start), end=wide.position(section.end)),
        )


class RulesExtractor:
    """Finds every quantity with `llmx.quantities` and judges it with the standard's rules."""

    name = NAME
    # Pure and cheap to copy: a job may run it in worker processes (llmx.pipeline).
    runs_in_worker_processes = True

    def describe(self) -> RunSpec:
        return RunSpec(extractor=NAME, mode="rules")

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        stats = RunStats()
        facts: list[Fact] = []
        for document in documents:
            stats.sections += len(_prepare(document).sections)
            facts.extend(_facts_of(document))
            if progress:
                progress(document.id)
        return Extraction(facts, stats)

    def extract_section(self, document: Document, section: Section) -> list[Fact]:
        """The facts of one section: the candidates the hybrid mode shows a model."""
        return [fact for fact in _facts_of(document) if fact.section == section.id]


@lru_cache(maxsize=4)
def _prepare(document: Document) -> _Document:
    text = document.text
    tables = find_tables(text)
    notes_of_tables = [note_cells(table) for table in tables]
    notes = [cell for cells in notes_of_tables for cell in cells]
    in_cells = [found for table in tables for found in prose_cells(table)]
    notes += [found.cell for found in in_cells]
    cuts = [cut for cells in notes_of_tables for cut in _note_cuts(text, cells)]
    clean = Unglossed.of(text, cuts)
    clean_folded = unwrapped(fold(clean.text))
    dated = arabic_years(clean_folded)
    return _Document(
        document,
        fold(text),
        clean,
        clean_folded,
        dated,
        DocumentContext.of(clean.text),
        Boundaries.of(dated),
        split_sections(document.id, text),
        tables,
        tuple((cell.start, cell.end) for cell in notes),
        widened(dated),
        tuple(in_cells),
    )


def _note_cuts(text: str, notes: Sequence[Cell]) -> list[tuple[int, int]]:
    """What to cut out of the prose text so that a note that wrapped inside a table's notes
    column reads as one paragraph: the row's other cells before its first line, and the
    rules and empty cells between its lines."""
    if not notes:
        return []
    cuts = [(text.rfind("\n", 0, notes[0].start) + 1, notes[0].start)]
    return cuts + [
        (before.end, after.start)
        for before, after in pairwise(notes)
        if "\n" in text[before.end : after.start]
    ]


@lru_cache(maxsize=16)
def _facts_of(document: Document) -> tuple[Fact, ...]:
    """All facts of a document, in order; cached because hybrid mode asks once per section."""
    prepared = _prepare(document)
    prose = _prose_quantities(prepared)
    facts = list(_table_facts(prepared, prose)) + list(_prose_facts(prepared, prose))
    facts.sort(key=lambda fact: fact.start)
    return tuple(facts)


def _inside(tables: Sequence[Table], position: int) -> bool:
    index = bisect_right(tables, position, key=lambda table: table.start) - 1
    return index >= 0 and position < tables[index].end


@dataclass(frozen=True)
class _Read:
    """The last quantity of the prose read, as the next one reads on from it: a clause that
    goes on from it shares its subject, a figure restating it in brackets its kind, its rate
    of change in brackets its year."""

    quantity: Quantity  # on the text without glosses
    indicator: str
    kind: str
    period: str | None


def _prose_quantities(prepared: _Document) -> list[Quantity]:
    """The quantities of the prose (and of tables' notes columns), read on the text without
    pinyin glosses (个(gè)百分点(diǎn) is 个百分点): offsets into that text."""
    return [
        q
        for q in find_quantities(prepared.unglossed.text)
        if not _inside(prepared.tables, where := prepared.unglossed.original(q.start))
        or any(start <= where < end for start, end in prepared.notes)
    ]


def _prose_facts(prepared: _Document, quantities: Sequence[Quantity]) -> Iterator[Fact]:
    # Numbers are read on the text without glosses, then placed back on the document's text.
    text, clean, folded = prepared.document.text, prepared.unglossed, prepared.clean_folded
    last: _Read | None = None
    sentence: list[_Read] = []  # the facts read so far in the sentence of the last one
    for quantity in filters.share_units(folded, quantities):
        if filters.exclusion_reason(folded, quantity):
            continue
        if filters.is_zero_outcome(folded, quantity) or filters.is_index_level(folded, quantity):
            quantity = replace(quantity, has_unit=True)
        elif filters.percent_sign_dropped(folded, quantity):
            quantity = replace(quantity.with_unit("%"), has_unit=True)
        quantity = filters.unit_from_context(folded, quantity)
        if not quantity.has_unit or (quantity.magnitude and not quantity.unit):
            continue  # a bare number, or a magnitude with no unit anywhere (50亿企业)
        read = quantity
        start, end = prepared.unglossed.span_of(read.start, read.end)
        quantity = replace(read, start=start, end=end, text=text[start:end])
        section = section_at(prepared.sections, quantity.start)
        default = section_status(section, prepared.context)
        dated, bounds, dated_read, dated_section = prepared.attributes_text(read, section)
        status = attributes.status_of(dated, bounds, dated_read, default, prepared.context)
        sentence_start = prepared.bounds.sentence_start(read.start)
        sentence = [each for each in sentence if each.quantity.end >= sentence_start]
        indicator = attributes.indicator_of(
            clean.text,
            prepared.clean_folded,
            read,
            (last.quantity.end, last.indicator) if last else None,
            sentence_start,
            [(each.quantity.end, each.indicator) for each in sentence],
        )
        label = prepared.row_label_of(quantity.start)
        if label is not None:
            # A sentence in a table's cell (`| 计划修建道路332米 |`): of its row's item, and no
            # words of the cells before it.
            own = _CELL_BORDER.split(indicator)[-1].strip()
            indicator = own if own.startswith(label) else label + own
        restated = last is not None and attributes.restates(folded, last.quantity, read)
        kind = last.kind if last and restated else attributes.kind_of(folded, read)
        period = (
            last.period
            if last and attributes.rate_of(folded, last.quantity, read)
            else attributes.period_of(
                dated, bounds, dated_read, status, dated_section, prepared.context
            )
        )
        last = _Read(read, indicator, kind, period)
        sentence.append(last)
        yield _fact(prepared, section, quantity, indicator, status, kind, period)


@dataclass(frozen=True)
class _TableReading:
    """What every row of a table is read with, worked out once for the table."""

    year: str | None  # the year its title names
    names: dict[int, str]  # what each value column names, by position
    measures: dict[int, str]  # the measure each value column's name opens with
    measure: str  # the measure its title names
    title: str  # folded
    # A title that is one measure's name whole (城镇居民人均可支配收入), where no measure word
    # of the vocabulary heads it: what a row naming no measure (辽宁) is a figure of.
    subject: str = ""
    account: str = ""  # a balance panel's account, from its title (一般公共预算)
    # Percent columns where a row reads 100 (the total's): a make-up, its cells shares
    # whatever the header says (`成(%)`, its 构 lost).
    composed: frozenset[int] = frozenset()
    # Columns that name no unit, in the unit of the prose that quotes one of their figures.
    quoted: dict[int, tuple[str, float]] = field(default_factory=dict)
    # Rows of years more than one year after the row above (1981, 1986, …): a change there
    # spans the years between, so it has no year of its own. By the row's first cell's start.
    spanning: frozenset[int] = frozenset()


# Magnitudes a table's bare figures may be written in, against the prose's amounts.
_CELL_MAGNITUDES = (1.0, 1e3, 1e4, 1e8)
_QUOTED_FIGURE_MIN = 100  # a figure of fewer digits matches some amount by chance


def _quoted_units(table: Table, amounts: ProseAmounts) -> dict[int, tuple[str, float]]:
    """The unit of each value column that names none, where the prose quotes one of its
    figures with a unit, maybe rounded (4448189 under 本月 against 当月完成产值444.8亿元: in
    万元). A column two quotes put in different units takes neither."""
    found: dict[int, set[tuple[str, float]]] = {}
    for row in table.rows:
        if len(row.cells) != len(table.columns):
            continue
        for index, (column, cell) in enumerate(zip(table.columns, row.cells, strict=True)):
            if column.role != "value" or column.unit or table.unit_of(row, column):
                continue
            figures = find_quantities(cell.text)
            if len(figures) != 1 or figures[0].unit or figures[0].value < _QUOTED_FIGURE_MIN:
                continue
            found.setdefault(index, set()).update(
                (amount.unit, magnitude)
                for magnitude in _CELL_MAGNITUDES
                for amount in amounts.near(figures[0].value * magnitude)
            )
    quoted = {index: next(iter(units)) for index, units in found.items() if len(units) == 1}
    return _quoted_across_years(table, quoted)


def _quoted_across_years(
    table: Table, quoted: dict[int, tuple[str, float]]
) -> dict[int, tuple[str, float]]:
    """Columns headed by a year alone (`2018 2017`) measure one thing in one unit: where the
    prose quotes figures of some of them in one unit, the others and an increment between
    them (`增量`) are in it too."""
    years = [
        index
        for index, column in enumerate(table.columns)
        if column.role == "value" and not column.unit and BARE_YEAR.fullmatch(column.header.strip())
    ]
    units = {quoted[index] for index in years if index in quoted}
    if len(years) < 2 or len(units) != 1:
        return quoted
    (unit,) = units
    increments = [
        index
        for index, column in enumerate(table.columns)
        if column.role == "value" and not column.unit and _INCREMENT.fullmatch(column.header)
    ]
    return {**{index: unit for index in (*years, *increments)}, **quoted}


_INCREMENT = re.compile(r"\s*(?:增\s*量|增\s*[加减]\s*额)\s*")


# The year a table's title names: `2023年`, a year and its month (`旅游基本情况 2005.8`), or a
# year alone in brackets (a yearbook sheet's `(2023)`).
_TITLE_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?P<date>\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?"
    r"|((?:19|20)\d{2})[.．/-](?:1[0-2]|0?[1-9])(?=\s|$)"
    r"|[(（]((?:19|20)\d{2})[)）]"
)


def _title_year(title: str) -> str | None:
    """The year a table's title names; a date's (`截至2023年12月31日`, a stock at the year's
    end) only where the title names no other year (`2021年8月23日 现将2020年各省…公布如下`:
    the day a notice was published, its table of 2020)."""
    found = list(_TITLE_YEAR.finditer(arabic_years(title)))
    year = next((each for each in found if not each.group("date")), found[0] if found else None)
    # The year is the first, third or fourth group, whichever alternative matched.
    return (year.group(1) or year.group(3) or year.group(4)) if year else None


def _reading(table: Table, amounts: ProseAmounts = NO_AMOUNTS) -> _TableReading:
    title = fold(table.title)
    names, measures = _column_names(table)
    return _TableReading(
        _title_year(title),
        names,
        measures,
        _title_measure(table.title),
        title,
        subject=_title_subject(table.title),
        account=_balance_account(table.title) if table.layout == "panels" else "",
        composed=_composed_columns(table),
        quoted=_quoted_units(table, amounts) if amounts else {},
        spanning=_rows_spanning_years(table),
    )


# A column that changes from the row above and names no year it compares with (±%, 增减),
# unlike 比上年增长 or 自然增长率, a year's own.
_SINCE_THE_ROW_ABOVE = re.compile(r"(?:[±+\-]\s*|增减)[(（]?%?[)）]?")


def _rows_spanning_years(table: Table) -> frozenset[int]:
    """The rows of a column of years that come more than a year after the row above."""
    spanning: set[int] = set()
    previous: int | None = None
    for row in table.rows:
        year = table.period_of(row)
        current = int(year) if year and year.isdigit() else None
        if current is not None and previous is not None and current - previous > 1:
            spanning.add(row.cells[0].start)
        previous = current
    return frozenset(spanning)


def _composed_columns(table: Table) -> frozenset[int]:
    """The columns of percents that are shares of a whole: a column whose total row is 100, or
    every column of a table whose rows each total 100 in a column of their own (`總計 100.00
    48.74 51.26`)."""
    whole = [row for row in table.rows if len(row.cells) == len(table.columns)]
    values = [i for i, column in enumerate(table.columns) if column.role == "value"]

    def in_percent(index: int, row: Row) -> bool:
        unit = table.unit_of(row, table.columns[index]) or ("", 1.0)
        return table.unit_of_figure(unit, row.cells[index].clean, table.columns[index])[0] == "%"

    # Each cell's unit read once: the percents of every whole row, by column.
    percents = [{index for index in values if in_percent(index, row)} for row in whole]

    def hundred(index: int, at: int) -> bool:
        return (
            index in percents[at] and _HUNDRED.fullmatch(whole[at].cells[index].clean) is not None
        )

    def parts(at: int) -> bool:  # 48.74 and 51.26 beside 100.00: no percent over the whole
        return all(
            (figure := figure_value(whole[at].cells[index].clean)) is None or figure <= _WHOLE
            for index in percents[at]
        )

    rows = range(len(whole))
    rows_total = (
        len(whole) >= _ROWS_TOTALLED_MIN
        and any(all(hundred(index, at) for at in rows) for index in values)
        and all(parts(at) for at in rows)
    )
    return frozenset(
        index
        for index in values
        if any(hundred(index, at) or (rows_total and index in percents[at]) for at in rows)
    )


_ROWS_TOTALLED_MIN = 3
# Where one cell of a row ends and the next starts: a pipe, a tab, a gap of spaces.
_CELL_BORDER = re.compile(r"[|｜\t]|\s{2,}")
_WHOLE = 100.0


_HUNDRED = re.compile(r"100(?:\.0+)?%?")


# A balance table's title: its number, year and place, the account, then the table's form
# (2024年全县一般公共预算收支平衡表 → 一般公共预算).
_BALANCE_TITLE = re.compile(
    r"^(?:附?表\s*[\d一二三四五六七八九十]+[.、:：\s]*)?(?:(?:19|20)\d{2}\s*年度?)?\s*"
    r"(?:全[省市县区州盟旗镇乡]|[省市县区乡镇]级|本级)?"
    r"(?P<account>[^\d\s,，。；;:：()（）]{2,12}?)(?:收支)?(?:平衡|决算|执行|情况|总)*表$"
)
# A panel's total row (总计, 合计) names no side: the panel's head (收入, 支出) gives it.
_TOTAL_ROW = re.compile(r"^(?:总\s*计|合\s*计|小\s*计)$")
_SHORT_REVENUE = re.compile(r"^(?:税\s*收|非\s*税)$")
_GENERIC_HEAD = re.compile(r"项\s*目|科\s*目|名\s*称|指\s*标")


def _balance_account(title: str) -> str:
    """The account a balance table's panels are of, in the title's script; "" where the
    title is not a balance table's."""
    found = _BALANCE_TITLE.match(fold(title).strip())
    if not found:
        return ""
    offset = len(title) - len(title.lstrip())
    return title[offset + found.start("account") : offset + found.end("account")]


def _panel_item(account: str, head: str, item: str) -> str:
    """A balance panel's item as the report means it: the account it is of, and for a
    total the panel's side (总计 under 收入 → 一般公共预算收入总计)."""
    head = re.sub(r"\s+", "", head)
    if _TOTAL_ROW.match(fold(item)) and head and not _GENERIC_HEAD.search(fold(head)):
        item = head + item
    elif _SHORT_REVENUE.match(fold(item)) and fold(head).endswith("收入"):
        item += head[-2:]  # 税收, 非税 under 收入: the revenue items written short
    if account and not fold(item).startswith(fold(account)):
        item = account + item
    return item


def _table_facts(prepared: _Document, prose: Sequence[Quantity]) -> Iterator[Fact]:
    prose_units = _units_in_prose(prepared)
    amounts = prose_amounts(prose) if prepared.tables else NO_AMOUNTS
    for table in prepared.tables:
        reading = _reading(table, amounts)
        for row in table.rows:
            if len(row.cells) != len(table.columns):
                continue
            yield from _row_facts(prepared, table, row, reading, prose_units)


def _row_facts(
    prepared: _Document,
    table: Table,
    row: Row,
    reading: _TableReading,
    prose_units: dict[str, str],
) -> Iterator[Fact]:
    text = prepared.document.text
    header = table.indicator_of(row)
    if _LIMITS_ROW.match(fold(header)):
        return
    indicator = _without_note(header)
    indicator = (_ROW_LEAD.sub("", indicator) or indicator).rstrip(_FOOTNOTE_MARKS)
    indicator = unglossed(indicator)  # 鄉(xiāng)村 is 鄉村
    parent = table.parent or table.heading_of(row)
    measured = (
        _ledger_item(indicator, parent)
        if table.layout == "ledger"
        else _under_parent(indicator, parent, reading.measure)
    )
    # The row's words a kind is read from: a sub-item's take its parent's (男劳动参与率: a share).
    # A group's share word (三次产业比重 over 第一产业) makes its rows' percents shares.
    shared = bool(_SHARE_HEADER.search(fold(parent)))
    row_words = fold(header) if measured == indicator and not shared else fold(header + parent)
    indicator = measured
    if table.layout == "panels":
        indicator = _panel_item(reading.account, table.columns[0].header, indicator)
    for index, (column, cell) in enumerate(zip(table.columns, row.cells, strict=True)):
        if column.role != "value" or _EMPTY_CELL.match(cell.text):
            continue
        section = section_at(prepared.sections, cell.start)
        for found in find_quantities(cell.text):
            if _WORD_NUMERAL.fullmatch(found.text) and in_word(cell.text, found.start, found.end):
                continue  # 六 of 六安市区 in a cell listing places: a name, no figure
            quantity = _shift(found, cell.start, text)
            if quantity.shape == "number" and not quantity.unit:
                in_prose = (
                    prose_units.get(_stem(header), "")
                    or prose_units.get(_column_stem(column), "")
                    or _price_unit(column, prose_units)
                )
                unit, factor = (
                    table.unit_of(row, column)
                    or reading.quoted.get(index)
                    or (in_prose and (in_prose, 1.0))
                    or table.counted_unit(row, column)
                    or ("", 1.0)
                )
                unit, factor = table.unit_of_figure((unit, factor), quantity.text, column)
                # A cell that writes its own magnitude (3.5万) takes only the unit.
                quantity = quantity.with_unit(unit, 1.0 if quantity.magnitude else factor)
            negative = text[quantity.start - 1 : quantity.start] in _MINUS_SIGNS
            status = column.status or section_status(section, prepared.context)
            # `3,795 (↑92.3%)` under `最新年度數據 (同比變動)`: the bracket's words are the
            # bracketed number's, an arrow makes its number a change.
            before = text[cell.start : quantity.start]
            bracketed = sum(map(before.count, "(（")) > sum(map(before.count, ")）"))
            column_words = fold(column.header) if bracketed else outside_brackets(column.header)
            # A yearbook spaces a header's letters out (增 长, 比 重).
            column_words = LETTER_GAPS.sub("", column_words)
            headers = _KindHeaders(
                LETTER_GAPS.sub("", row_words),
                column_words,
                reading.title,
                indexed=_INDEX_BASE.search(fold(column.header)) is not None,
            )
            arrow = _ARROW_BEFORE.search(before)
            kind = "change" if arrow else _table_kind(headers, quantity, negative)
            if kind == "level" and quantity.unit == "%" and index in reading.composed:
                kind = "share"
            period = (
                column.period
                or table.period_above(row, column)
                or table.period_of(row)
                or _label_year(header)
                or _compared_column_year(table, index)
                or _relative_header_year(prepared.context, column.header, status, reading.year)
                or reading.year
                or (
                    prepared.context.report_year
                    if status == "actual" or section_status(section, prepared.context) == "actual"
                    else prepared.context.plan_year
                )
            )
            # A growth over 1996-2000, an index on a base year, a plan period's average.
            if column.periodless or table.periodless(row):
                period = None
            if (
                kind == "change"
                and row.cells[0].start in reading.spanning
                and _SINCE_THE_ROW_ABOVE.fullmatch(fold(column.header).strip())
            ):
                period = None  # `| 1986 | 53,846 | +28.3% |` under 1981: five years' growth
            column_name = reading.names.get(index, "")
            # Where the rows are periods, a column's name is what its cells measure.
            label, column_name = (
                (column_name, "") if table.layout == "periods" else (indicator, column_name)
            )
            if bracketed:
                # 3,795 (↑92.3%) under 最新年度數據 (同比變動): the bracket names this number.
                column_name = _bracket_words(column.header) or column_name
            # A column that names its measure whole over rows of years alone (粮食单产 by
            # 年份) takes nothing from the title.
            measure = "" if not label and column.name is not None else reading.measure
            named = _cell_indicator(label, column_name, reading.measures.get(index, ""), measure)
            if (
                not measure
                and table.layout in _BY_PLACE
                and _names_no_measure(named, reading.subject)
            ):
                named += reading.subject
            yield _fact(prepared, section, quantity, named, status, kind, period)


_MINUS_SIGNS = ("-", "－", "—", "−")


def in_word(cell: str, start: int, end: int) -> bool:
    """Whether a numeral at `start:end` of a cell runs into letters of a word (六安, 五河县) or
    numbers an item (二、外交支出), not a qualifier (约五) or a mark (两*)."""
    around = cell[max(0, start - 1) : start] + cell[end : end + 1]
    numbering = cell[end : end + 1] in ("、", ".", "．")
    return numbering or any(
        HAS_CJK.match(letter) and letter not in _NUMERAL_QUALIFIERS for letter in around
    )


_NUMERAL_QUALIFIERS = "约近余多共计逾超达"
_WORD_NUMERAL = re.compile(r"[零〇一二两兩三四五六七八九十百千万萬亿億]+")
_ARROW_BEFORE = re.compile(r"[↑↓▲▼]\s*$")
_FOOTNOTE_MARKS = "*＊①②③④⑤⑥⑦⑧⑨⑩ "
_CHANGE_HEADER = cue_pattern("change", Scope.HEADER | Scope.COLUMN)
_SHARE_HEADER = cue_pattern("share", Scope.HEADER)
_SHARE_TITLE = cue_pattern("share", Scope.TITLE)
_PER_BASE = re.compile(r"每|[十百千万亿]\s*(?:元|人|户|吨)")
_INDEX_BASE = re.compile(r"[=＝]\s*100(?![\d.])")
# A column headed 环比 (on the period before) alone; in a row's name, 以环比物量计算 (chained
# volume measures) is how a level is measured.
_ON_PERIOD_BEFORE = re.compile(r"\s*环\s*比\s*%?\s*$")
# 完成预算%, 为预算%, 占年度计划%: a ratio to the plan.
_COMPLETION_HEADER = re.compile(
    r"(?:完成|为|占|与)\s*(?:年度|全年|同期|本月)?\s*(?:分配)?\s*(?:预算|计划|目标)"
)
# 与上年同期比较/增减百分比: a change on the year, where 与全年预算数比较/百分比 is a completion:
# any header word of a change but 比较 and 相比, which a completion says too.
_INCREASE_HEADER = alternation(
    word for word in cue_words(KIND_CUES, "change", Scope.HEADER) if word not in ("比较", "相比")
)
# Numbering and sub-row marks before a row's label: 1., （一）, 一、, 其中：, #.
_ROW_LEAD = re.compile(
    r"^(?:[#＃*]|[减加][:：]|\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|其中[:：]?)+\s*"
)
# A bracket at the end of a row's label.
_TRAILING_BRACKET = re.compile(r"[(（]([^()（）]*)[)）]\s*\*?$")
_CHINESE_WORDS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff、，,]+")
_ENGLISH_NAME = re.compile(r"\s*[(（][A-Za-z][A-Za-z0-9 ,.&'/-]*[)）]")
_FOOTNOTE_NUMBER = re.compile(r"(?<=[)）\u3400-\u4dbf\u4e00-\u9fff])\s*[1-9]$")


def _bracket_words(header: str) -> str:
    """The words a header gives in brackets when they name a change (同比變動), not a unit."""
    inside = re.findall(r"[(（]([^()（）]+)[)）]", header)
    words = inside[-1].strip() if inside else ""
    return words if _CHANGE_HEADER.search(fold(words)) else ""


def _without_note(label: str) -> str:
    """A row's label less the bracket at its end that is no part of its name: a unit
    (税收总量（亿元）, 啤酒(万千升)), a footnote ((1)), a gloss or an English name. A
    bracket of Chinese words that is no unit says which of its kind the row is (货品出口
    (离岸价), 地区生产总值(现价), 本地生产总值(以当时市价计算)) and stays."""
    # 本地名義生產總值 (Nominal GDP)1: an English name in brackets, then a footnote's number.
    label = _FOOTNOTE_NUMBER.sub("", _ENGLISH_NAME.sub("", label))
    found = _TRAILING_BRACKET.search(label)
    if found is None:
        return label
    inside = found.group(1).strip()
    unit = split_header_unit(f"({inside})")
    magnitude = unit is not None and unit[1] != 1.0  # (万千升): a unit, known or not
    known = unit is not None and is_fact_unit(unit[0])
    if _CHINESE_WORDS.fullmatch(inside) and not (magnitude or known):
        return label
    return label[: found.start()]


_COUNT_SUFFIX = re.compile(r"(?:数量|个数|数)$")
_PROSE_WINDOW = 12


def _stem(header: str) -> str:
    """The words a table header's indicator goes by in prose (科技型企业数 → 科技型企业)."""
    return _COUNT_SUFFIX.sub("", fold(header).strip())


# A column's name the prose may give its unit after (平均批发价格 under 2018年6月15日平均批发
# 价格, as 蔬菜平均批发价格为2.83元/千克): long enough to name a measure, not a period (本月),
# and no status (完成情况, 目标任务), which the prose says of figures of every unit.
_COLUMN_STEM_MIN = 4


def _column_stem(column: Column) -> str:
    stem = _stem(undated(outside_brackets(column.header)))
    if len(stem) < _COLUMN_STEM_MIN or re.search(f"{_ACTUAL_WORDS}|{_TARGET_WORDS}", stem):
        return ""
    return stem


def _unitless_values(prepared: _Document) -> Iterator[Column]:
    return (
        column
        for table in prepared.tables
        for column in table.columns
        if column.role == "value" and not column.unit
    )


# A price column that writes no unit (`本期价格` in a weekly price report) is in the unit the
# report's prose writes its prices in (`蔬菜(鲜品)均价为4元/公斤`): a price per a measure.
_PRICE_HEADER = re.compile(r"价格|均价|单价|批发价|零售价")
_PRICE_WORDS = ("均价", "价格")


def _price_unit(column: Column, prose_units: dict[str, str]) -> str:
    if not _PRICE_HEADER.search(fold(column.header)):
        return ""
    unit = next((found for word in _PRICE_WORDS if (found := prose_units.get(word, ""))), "")
    return unit if "/" in unit else ""


# A row labelled by its year (2016年) names no indicator the prose could give a unit to.
_YEAR_LABEL = re.compile(r"(?:19|20)\d{2}年?(?:度|末|底)?$")


def _units_in_prose(prepared: _Document) -> dict[str, str]:
    """For every table indicator, the unit the report writes after it in its prose
    (科技型企业数 → 家); an indicator the prose never counts maps to "" (a bare count).

    Every indicator is looked for in one pass over the document, not one pass each, so the
    cost grows with the document, not with the document times its tables. Each indicator's
    mentions are the ones `re.finditer` would give it alone (leftmost, not overlapping).
    """
    unitless = list(_unitless_values(prepared))
    stems = {
        stem
        for table in prepared.tables
        for row in table.rows
        if len(stem := _stem(table.indicator_of(row))) >= 2 and not _YEAR_LABEL.match(stem)
    } | {stem for column in unitless if (stem := _column_stem(column))}
    if any(_PRICE_HEADER.search(fold(column.header)) for column in unitless):
        stems |= set(_PRICE_WORDS)
    if not stems:
        return {}
    # The stems by their first two characters, then by their length: at a position, one set
    # lookup per length, however many stems share a prefix (4,000 rows `#项1`, `#项2`, …).
    by_prefix: dict[str, dict[int, set[str]]] = {}
    for stem in stems:
        by_prefix.setdefault(stem[:2], {}).setdefault(len(stem), set()).add(stem)
    prefixes = "|".join(re.escape(prefix) for prefix in sorted(by_prefix))
    folded, text = prepared.folded, prepared.document.text
    units: dict[str, Counter[str]] = {stem: Counter() for stem in stems}
    free_from: dict[str, int] = dict.fromkeys(stems, 0)  # where each stem's next mention may start
    for match in re.finditer(f"(?=(?:{prefixes}))", folded):
        start = match.start()
        for length, of_length in by_prefix[folded[start : start + 2]].items():
            stem = folded[start : start + length]
            if stem not in of_length or start < free_from[stem]:
                continue
            end = start + len(stem)
            free_from[stem] = end
            if _inside(prepared.tables, start):
                continue
            window = text[end : end + _PROSE_WINDOW]
            units[stem].update(q.unit for q in find_quantities(window)[:1] if q.unit)
    return {stem: counts.most_common(1)[0][0] if counts else "" for stem, counts in units.items()}


@dataclass(frozen=True)
class _KindHeaders:
    """What a cell's kind is read from, folded: its row's label, its column's header, and
    the table's title."""

    row: str
    column: str
    title: str
    indexed: bool = False  # the column's header sets a base of 100 (环比(上月=100))


def _label_year(label: str) -> str | None:
    """The year a row's label dates its figures by (`一、2019年末地方政府一般债务余额`): one
    year, not a base compared with (比2015年), not an end of a span (2016-2020年), in a label
    that sums no span (累计, 以来)."""
    folded = arabic_years(fold(label))
    if bare := BARE_YEAR.fullmatch(folded.strip()):
        return bare.group(1)  # `| 1990 | 2827 |` under `年份 市名`: the row's year
    years = _LABEL_YEAR.findall(folded)
    if len(years) != 1 or _SPAN_LABEL.search(folded):
        return None
    return str(years[0])


_LABEL_YEAR = re.compile(r"(?<![比较由从至到\-—~～\d])((?:19|20)\d{2})\s*年(?!\s*[-—~～至到])")
_SPAN_LABEL = re.compile(r"累计|以来|期间|(?:19|20)\d{2}\s*[-—~～至到]")


def _table_kind(headers: _KindHeaders, quantity: Quantity, negative: bool) -> str:
    """The row's indicator decides (…增速, …比重); a column headed 比上年增长% makes its
    cells changes whatever the row; a percent under a column that names no measure (全省(%),
    城市, 1990) takes the table's title (居民消费价格比上年涨跌幅度, 各年龄组人口占总人口的比重)."""
    implied = implied_kind(quantity.unit)
    completion = _COMPLETION_HEADER.search(headers.column)
    if quantity.unit == "%" and completion and not _INCREASE_HEADER.search(headers.column):
        return "share"  # 实征净额与全年预算数比较/百分比, a share its 比较 does not change
    # 环比(上月=100): an index on a base of 100 is a level, whatever its column's name.
    # A percent under a span of years alone (`2014-2023(%)`) is the change over the span.
    column_changes = bool(
        _CHANGE_HEADER.search(headers.column)
        or _ON_PERIOD_BEFORE.match(headers.column)
        or (quantity.unit == "%" and YEAR_SPAN.fullmatch(headers.column.strip()))
    )
    changes = _CHANGE_HEADER.search(headers.row) or (column_changes and not headers.indexed)
    if implied == "change" or changes:
        return "change"
    if negative:
        # A signed rate or increment is a change; a negative amount in a list of items (an
        # energy balance's 调出量(-) -2084.0 万吨标准煤, 减调整项 -1910) a level.
        return "change" if quantity.unit in PERCENT_UNITS or not quantity.unit else "level"
    if implied == "share":
        return "share"
    # A share column (占规上工业比重) or a completion ratio (完成预算%) is a share too.
    shares = _SHARE_HEADER.search(headers.row) or _SHARE_HEADER.search(headers.column) or completion
    if quantity.unit == "%" and shares:
        return "share"
    # 勞動力參與率 59.50 in a table that writes no unit: a proportion still; not a rate on a
    # base (亿元地区生产总值安全事故死亡率 0.025, deaths per 亿元), which is a level.
    if (
        quantity.unit == ""
        and _SHARE_HEADER.search(headers.row)
        and not _PER_BASE.search(headers.row)
    ):
        return "share"
    if quantity.unit == "%" and not names_a_measure(headers.column):
        if _CHANGE_HEADER.search(headers.title):
            return "change"
        # 各年龄组人口占总人口的比重 over columns of years: its percents are shares.
        return "share" if _SHARE_TITLE.search(headers.title) else "level"
    return "level"


# A value column's header less its unit, year and comparison: 比上年增长(%) → 增长.
_COLUMN_NOISE = re.compile(
    r"[(（][^()（）]*[)）]|(?:19|20)\d\d\s*年?|[%‰]|单位[:：]?\S*|\s|绝对[量值数额]|总量"
    r"|(?:比|较)(?:上年|去年)(?:同期)?|同比|(?<!比)(?:上年|去年|今年|本年|明年)|本期|指标"
)
# A header that is only a status or a period names no measure (2023年完成, 预算数, 执行数).
_ACTUAL_WORDS = cue_pattern("actual", Scope.HEADER).pattern
_TARGET_WORDS = cue_pattern("target", Scope.HEADER).pattern
_STATUS_ONLY = re.compile(
    rf"(?:{_ACTUAL_WORDS}|{_TARGET_WORDS}|情况|数|值|全年|上半年|前三季度|年|度|最新|数据)*"
)
# A column of changes, maybe on the year or month before (按年变动, 按月增长).
_CHANGE_ONLY = re.compile(r"(?:按[年月])?(?:增长|增速|增幅|下降|降幅|增减|变动)")
_MEASURED_ALREADY = re.compile(r"[量率数额值]$|比重$|构成$")
_COLUMN_NAME_MIN = 2


def _column_names(table: Table) -> tuple[dict[int, str], dict[int, str]]:
    """What each value column names (产量, 比重, 增长…), by position, and the measure each
    one's name opens with; a column of changes names the change of the nearest measure on
    its left (财政总收入 | 增长 | 一般公共预算支出 | 增长: 一般公共预算支出增长), or of the
    table's first measure where none is on its left (产量增长), as the wide gold labels it."""
    names = {
        index: _column_name(column.header)
        for index, column in enumerate(table.columns)
        if column.role == "value" and column.name is None
    }
    primary = next(
        (name for name in names.values() if name and not _CHANGE_ONLY.fullmatch(fold(name))), ""
    )
    named: dict[int, str] = {}
    measures: dict[int, str] = {}
    left = ""
    for index, name in names.items():
        if _CHANGE_ONLY.fullmatch(fold(name)):
            measures[index] = left or primary
            named[index] = measures[index] + name
        else:
            left = name or left
            measures[index], named[index] = primary, name
    # A column that names its own measure (`平均增长速度(1996-2000)`) keeps it whole.
    named |= {
        index: column.name
        for index, column in enumerate(table.columns)
        if column.role == "value" and column.name is not None
    }
    return named, measures


def _column_name(header: str) -> str:
    folded = fold(header)
    mask = [False] * len(folded)
    for match in _COLUMN_NOISE.finditer(folded):
        mask[match.start() : match.end()] = [True] * (match.end() - match.start())
    kept = "".join(char for char, noise in zip(header, mask, strict=True) if not noise)
    if len(kept) < _COLUMN_NAME_MIN or _STATUS_ONLY.fullmatch(fold(kept)):
        return ""
    return kept


def _cell_indicator(row_label: str, column_name: str, primary: str, measure: str = "") -> str:
    """A cell measures its row's label and its column's measure (粮食 + 产量 → 粮食产量); a
    label that is a measure already (发电量, 城镇化率) takes only the change (发电量增长). A
    label that names no measure (海口市, 女性, 工业) takes the one the table's title names
    (…各市县地区生产总值及增速 → 海口市地区生产总值), unless its column is a rate that names
    its own (…人口的…出生率 → 海口市出生率); the sectors of a table of output take their
    value added (工业增加值)."""
    folded = fold(row_label)
    if primary and column_name.startswith(primary) and _MEASURED_ALREADY.search(folded):
        column_name = column_name[len(primary) :]
    named = _MEASURED_ALREADY.search(folded) or _MEASURE_HEAD.search(folded)
    column = fold(column_name)
    if column.endswith("指数") and fold(measure).endswith("指数"):
        measure = measure[:-2]  # the column names the index already (a table of indices)
    if measure and not (named or _MEASURE_HEAD.search(column) or _RATE_NAME.search(column)):
        total = fold(measure).removesuffix("指数")  # 地区生产总值指数: an index of the total
        output = total.endswith("生产总值") and _SECTOR.search(folded)
        row_label += "增加值" + measure[len(total) :] if output else measure
    elif named and fold(measure).endswith("指数") and not folded.endswith("指数"):
        row_label += measure[-2:]  # a table of indices: each an index of what its row names
    return row_label + column_name


def _under_parent(label: str, parent: str, measure: str) -> str:
    """A sub-item that names no measure (男, 铁路) under a row that does by its last word
    (劳动参与率, 货运量) measures that: 男劳动参与率, 铁路货运量; unless the title already
    names the measure, or the label repeats its parent's words (城镇就业人员 under 就业人员数)."""
    folded, head = fold(label), fold(parent)
    if (
        not head
        or measure
        or not _MEASURED_ALREADY.search(head)
        or _MEASURED_ALREADY.search(folded)
        or _MEASURE_HEAD.search(folded)
        or head[:-1] in folded
    ):
        return label
    return label + parent


def _ledger_item(label: str, parent: str) -> str:
    """A budget ledger's item named by one generic word (報酬, 工資, 其他) is its parent's:
    臨時人員工資 over 工資 is that, 編制以外人員 over 報酬 is 編制以外人員報酬."""
    if len(label) > _GENERIC_ITEM_MAX or not parent:
        return label
    return parent if parent.endswith(label) else parent + label


_GENERIC_ITEM_MAX = 2


# The measure a table's title names, as the head of its last phrase: 2018年上半年各市县地区生产
# 总值及增速 → 地区生产总值, 2014年年末人口数及其构成 → 人口, 主要农产品产量 → 产量.
_MEASURE_HEAD = re.compile(r"地区生产总值|生产总值|增加值|总产值|产值|产量|人口|面积|价格指数")
_SECTOR = re.compile(r"业$|产业")
# A column of rates names its own measure (出生率, 死亡率): 海口市出生率, not 海口市人口出生率.
_RATE_NAME = re.compile(r"率$")


def _title_measure(title: str) -> str:
    """The measure named in the last sentence of a table's title, in the title's script; an
    index of it where the title says so (各时期地区生产总值指数情况 → 地区生产总值指数)."""
    last = _last_sentence_start(title)
    heads = list(_MEASURE_HEAD.finditer(fold(title), last))
    if not heads:
        return ""
    end = heads[-1].end()
    end += 2 if fold(title).startswith("指数", end) else 0
    return title[heads[-1].start() : end]


def _last_sentence_start(title: str) -> int:
    """Where a title's last sentence starts (a caption may carry a note before it)."""
    return max(title.rfind(mark) for mark in "。；;") + 1


def _names_no_measure(indicator: str, subject: str) -> bool:
    """Whether a cell's indicator (辽宁, "") names no measure of its own, nor the subject."""
    folded = fold(indicator)
    measured = _MEASURE_END.search(folded) or _CHANGE_END.search(folded)
    return bool(subject) and subject not in folded and not measured


def _title_subject(title: str) -> str:
    """A title that is one measure's name, less its table number, years, brackets and
    English (`附录 1-13  城镇居民人均可支配收入`, `17-22 社会消费品零售总额`), or ""."""
    words = _TITLE_NOISE.sub("", fold(title[_last_sentence_start(title) :])).strip()
    one = _ONE_MEASURE.fullmatch(words) and _MEASURE_END.search(words)
    return words if one else ""


# A table's number (附录 1-13, 表3, 8-1), a year, a bracket, a unit line, English words, and
# the 各县 of a table by place.
_TITLE_NOISE = re.compile(
    r"^\s*(?:附录|附表|续表|表)?\s*[\d一二三四五六七八九十]+(?:\s*[-—–.]+\s*\d+)*\s*"
    r"|(?:19|20)\d{2}\s*年?(?:\s*[-—–至]\s*(?:19|20)\d{2}\s*年?)?"
    r"|[(（][^()（）]*[)）]|单\s*位\s*[:：].*|[A-Za-z][A-Za-z ,.&'-]*"
    r"|^各(?:省|市|县|区|地区|乡镇|镇)*"
)
# The layouts whose rows may be places or classes (辽宁, 小学) rather than measures: not a
# ledger's or an account's items, nor the periods of a table of periods.
_BY_PLACE = frozenset(
    {"pipe", "markdown", "tab", "spaces", "cells", "lines", "yearbook", "piped", "box"}
)
_CHANGE_END = re.compile(f"{_CHANGE_ONLY.pattern}$")
# How the name of a measure ends: as a label that is a measure already does, or in the
# words of money and prices a title names its one measure by.
_MEASURE_END = re.compile(f"{_MEASURED_ALREADY.pattern}|(?:收入|支出|指数|价格)$")
# A name of one measure: Chinese words only, no list of several (_MEASURE_END tells its end).
_ONE_MEASURE = re.compile(
    r"(?!.*(?:[及和与、]|主要|情况|指标|基本|统计|分类))[\u4e00-\u9fff]{2,16}"
)


# 同期 alone heads last year's figure for the same months (本期 | 同期); 比上年同期 compares.
# 前年 (the year before last) is read only against a table's own year.
# 价格指数(上年=100), 以上年为100: the base of an index is no year its figures are for.
# Not a base of 100 (上年同月=100), nor a ratio to the same period (同期比, 同期累计对比%): those
# name no year.
_RELATIVE_HEADER = re.compile(
    r"(?<![比较同为以与])(上年|去年|前年|今年|本年|明年)(?!\s*(?:同期|同月)?\s*[=＝]\s*100)"
    r"|(?<![比较年])同期(?!(?:累计)?(?:对?比|增|\s*[=＝]\s*100))"
)
_YEARS_FROM = {"前年": -2, "上年": -1, "去年": -1, "今年": 0, "本年": 0, "明年": 1}


# A column of a figure against last year's (比上年增长%, 预算数为上年执行数的%).
_AGAINST_LAST_YEAR = re.compile(r"[比较为同占与](?:上年|去年)|同比")


def _compared_column_year(table: Table, index: int) -> str | None:
    """The year of the column at `index` where it compares with last year and names no year
    of its own: the latest a column on its left names (2010年预算数 | 为上年执行数的%), not
    the year compared with (2018年6月15日价格 | … | 2017年6月15日价格 | 与去年同期相比). A
    growth right after a year's column (`2006 | 2007 | 增长速度(%)`) compares that year with
    the one before: it is the latest's too, where no column just before names another year
    (`GDP (1978) | GDP (2008) | 年均增幅` is over thirty years)."""
    header = fold(table.columns[index].header)
    if not (_AGAINST_LAST_YEAR.search(header) or _growth_on_year_before(table, index)):
        return None
    return max((each.period for each in table.columns[:index] if each.period), default=None)


def _growth_on_year_before(table: Table, index: int) -> bool:
    """Whether the column at `index` is a growth right after a year's column, and the column
    before that, if it names a year, names the year before."""
    if index == 0 or not _CHANGE_HEADER.search(fold(table.columns[index].header)):
        return False
    years = [column.period for column in table.columns[max(index - 2, 0) : index]]
    if years[-1] is None:
        return False
    return len(years) == 1 or years[0] is None or int(years[0]) == int(years[-1]) - 1


def _relative_header_year(
    context: DocumentContext, header: str, status: str, table_year: str | None = None
) -> str | None:
    """The year a column headed 上年执行数, 本年预算 or 同期 is for: counted from the year
    the table's title names, else from the document's."""
    found = _RELATIVE_HEADER.search(fold(header))
    if not found:
        return None
    written = found.group(1) or "上年"  # 同期
    if table_year:
        return str(int(table_year) + _YEARS_FROM[written])
    word = {"本年": "今年"}.get(written, written)
    if word in ("上年", "去年"):
        return str(int(context.report_year) - 1) if context.report_year else None
    return context.relative(word, status)


def _shift(quantity: Quantity, offset: int, text: str) -> Quantity:
    """A mention found in a cell's text, moved to document offsets."""
    start, end = quantity.start + offset, quantity.end + offset
    return replace(quantity, start=start, end=end, text=text[start:end])


def _fact(
    prepared: _Document,
    section: Section,
    quantity: Quantity,
    indicator: str,
    status: str,
    kind: str,
    period: str | None,
) -> Fact:
    return Fact.model_validate(
        {
            "doc": prepared.document.id,
            "start": quantity.start,
            "end": quantity.end,
            "text": quantity.text,
            "value": quantity.value,
            "unit": quantity.unit,
            "qualifier": quantity.qualifier,
            "indicator": indicator,
            "period": period,
            "status": status,
            "kind": kind,
            "section": section.id,
            "extractor": NAME,
        }
    )
