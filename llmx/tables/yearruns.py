"""A yearbook table whose rows ran onto one line: PDF text copied without its line breaks,
a header of periods, then each row's label (in Chinese, maybe with its English) and one
figure per period, `-` for none.

    11-01 市区公共交通情况 指 标 Item 2015 2016 2017 一、公共汽车 Bus 年末运营线路条数 (条)
    NumberofOperatingRoutes (unit) 756 758 937 年末运营线路总长度 (千米) Length (km) 12791 …

(one line, broken here to fit). The periods are years or fiscal years (`2016/17`, the year it
begins), rising. A row's label is its last run of Chinese words with the unit in brackets
after them (`年末运营线路总长度 (千米)`): the English after it, and a group's name before it
(`一、公共汽车 Bus`), are left out. A run of figures of another length is no row's (the
`10 000` of an English unit, `(10 000 persons)`): it goes on with the label. The table's unit
is the last Chinese unit in brackets before its header (`開支(百萬元) Expenditures
($million) 財政年度 Financial Year 2016/17 …`). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.lines import CJK
from llmx.tables.headers import label_unit
from llmx.tables.table import Cell, Column, Row, Table
from llmx.tables.taken import TakenSpans

_LINE_MIN = 200  # characters of a line before it is looked at
_PERIODS_MIN = 3
_ROWS_MIN = 3
_FOOTER_TOKENS_MAX = 3  # a page number's pieces after the last row, at the line's end
_SHORT_MIN = 2  # figures of a row whose first cells are empty
_LABEL_MAX = 120  # characters between two rows' figures; longer is prose, the table's end
_TITLE_REACH = 80  # characters before the header its title and unit are read from
_TOKEN = re.compile(r"\S+")
_PERIOD = re.compile(r"((?:19|20)\d{2})(?:年|\s*[/／]\s*(?:(?:19|20)?\d{2}))?")
_FIGURE = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–－…]+")
# Prose, no row's label: a sentence's end, or a clause's comma (分别为 3000 3200 3400 亿元,…).
_SENTENCE_END = re.compile(r"[。；;，]")
_LABEL_END = re.compile(rf"[{CJK}](?:\s*[(（][^()（）]*[)）])?")
_CHINESE_UNIT = re.compile(rf"[(（][^()（）]*[{CJK}][^()（）]*[)）]")
_LABEL_OPENING = re.compile(rf"[#＃]?[{CJK}]")
_LABEL_LETTER = re.compile(rf"[{CJK}\s(（)）、#＃·]")


def year_run_tables(text: str, taken: TakenSpans) -> list[Table]:
    """Every yearbook table of `text` run onto one line, where no reading before took it."""
    tables: list[Table] = []
    start = 0
    for line in text.split("\n"):
        if len(line) >= _LINE_MIN:
            tables += [
                table
                for table in _tables_in_line(text, start, line)
                if table.start not in taken and not taken.any_in(table)
            ]
        start += len(line) + 1
    return tables


def _tables_in_line(text: str, start: int, line: str) -> list[Table]:
    tokens = [(start + found.start(), start + found.end()) for found in _TOKEN.finditer(line)]
    tables: list[Table] = []
    index = 0
    while index < len(tokens):
        periods = _periods_at(text, tokens, index)
        if len(periods) < _PERIODS_MIN:
            index += 1
            continue
        body = index + len(periods)
        rows, index = _rows_after(text, tokens, body, len(periods))
        if len(rows) >= _ROWS_MIN:
            tables.append(_table(text, tokens[body - len(periods)][0], periods, rows))
        else:
            index = body
    return tables


def _periods_at(text: str, tokens: Sequence[tuple[int, int]], index: int) -> list[str]:
    """The years of the rising run of periods opening at token `index`."""
    years: list[str] = []
    for at in range(index, len(tokens)):
        found = _PERIOD.fullmatch(text, *tokens[at])
        if found is None or (years and found.group(1) <= years[-1]):
            break
        years.append(found.group(1))
    return years


def _rows_after(
    text: str, tokens: Sequence[tuple[int, int]], index: int, width: int
) -> tuple[list[tuple[Cell, list[Cell]]], int]:
    """The rows from token `index` on, each a label and `width` figures, and the token the
    last one ends before."""
    rows: list[tuple[Cell, list[Cell]]] = []
    label_from = index
    while index < len(tokens):
        run = index
        while run < len(tokens) and _FIGURE.fullmatch(text, *tokens[run]):
            run += 1
        figures = run - index
        # The line's end may carry a page number after the last row (`… 13233 — 351—`).
        last = figures > width and len(tokens) - (index + width) <= _FOOTER_TOKENS_MAX
        # A row whose first cells are empty (`122 113 128` under the last three years)
        # before the next row's label.
        short = (
            _SHORT_MIN <= figures < width and run < len(tokens) and _opens_label(text, tokens[run])
        )
        if (figures == width or last or short) and index > label_from:
            label = _label(text, tokens[label_from][0], tokens[index - 1][1])
            if label is None:
                break
            run = index + width if last else run
            cells = [Cell(start, end, text[start:end]) for start, end in tokens[index:run]]
            padding = [Cell(cells[0].start, cells[0].start, "")] * (width - len(cells))
            rows.append((label, padding + cells))
            label_from = index = run
            if last:
                break
            continue
        words = text[tokens[label_from][0] : tokens[max(run, index + 1) - 1][1]]
        if len(words) > _LABEL_MAX or _SENTENCE_END.search(words) or run - index > width:
            break
        index = max(run, index + 1)
    return rows, label_from


def _opens_label(text: str, token: tuple[int, int]) -> bool:
    return _LABEL_OPENING.match(text, *token) is not None


def _label(text: str, start: int, end: int) -> Cell | None:
    """A row's label among the words between its figures and the row before: the last run of
    Chinese words, with the unit in brackets after it."""
    words = text[start:end]
    ends = list(_LABEL_END.finditer(words))
    if not ends:
        return None
    label_end = start + ends[-1].end()
    if text[label_end : label_end + 1] in (")", "）"):
        label_end += 1  # the unit's bracket closing after its last Chinese letter: (千米)
    label_start = label_end
    while label_start > start and _LABEL_LETTER.match(text, label_start - 1):
        label_start -= 1
    label_start += len(text[label_start:label_end]) - len(text[label_start:label_end].lstrip())
    return Cell(label_start, label_end, text[label_start:label_end])


def _table(
    text: str, header_start: int, periods: Sequence[str], rows: Sequence[tuple[Cell, list[Cell]]]
) -> Table:
    before = text[max(0, header_start - _TITLE_REACH) : header_start]
    units = [label_unit(found.group()) for found in _CHINESE_UNIT.finditer(before)]
    unit = next((each for each in reversed(units) if each), None)
    columns = (
        Column("指标", "indicator", None, None, None),
        *(Column(f"{year}年", "value", None, year, None) for year in periods),
    )
    return Table(
        rows[0][0].start,
        rows[-1][1][-1].end,
        before.strip(),
        columns,
        tuple(Row((label, *figures)) for label, figures in rows),
        layout="yearbook",
        unit=unit,
    )
