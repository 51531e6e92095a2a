"""A yearbook's series over selected years, one cell per line: a header of `年份` and the
column names (maybe wrapped a letter a line, under a group heading), units on lines of their
own, then a row per year; printed as panels side by side, read as one table of years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from llmx.folding import fold
from llmx.lines import HAS_LATIN
from llmx.tables.captions import CAPTION
from llmx.tables.cellruns import STREAM_ROWS_MIN, stream_kind, stream_runs
from llmx.tables.headers import (
    BRACKETED,
    Unit,
    counted_unit_in,
    header_unit,
    is_rate_header,
    outside_brackets,
    repeats,
    unbracketed,
    unit_line_unit,
    unit_of_words,
)
from llmx.tables.rowlines import Line
from llmx.tables.table import Cell, Column, Row, Table
from llmx.tables.taken import TakenSpans

_YEAR_HEADER = re.compile(r"年\s*份|年\s*度")
_ROW_YEAR = re.compile(r"(?:19|20)\d{2}")
_SUB_ITEM = re.compile(r"^(?:[#＃]|其中[:：]?)")


def year_row_tables(text: str, lines: Sequence[Line], taken: TakenSpans) -> list[Table]:
    """Tables of one cell per line whose rows each open with a year (a yearbook's series
    over selected years): a header of `年份` and the column names (a name maybe wrapped one
    letter per line, `单`, `产`), their units on lines of their own (`(万吨)`), maybe an
    English header under it, then a year and as many figures per row. Printed as panels
    side by side the header repeats per panel and the rows alternate between the panels;
    read as one table of years, the order does not matter."""
    tables: list[Table] = []
    for run in stream_runs(lines, taken, english=True):
        kinds = [stream_kind(cell) for cell in run]
        heads = _heads(run)
        begin = 0
        for at, head in enumerate(heads):
            if head < begin:
                continue
            if found := _year_row_table(run, kinds, heads[at:], begin):
                table, begin = found
                tables.append(table)
            else:
                # A header whose rows do not follow at once (a form's `年份` over one year)
                # leaves a header after what stands between its table; panels side by side
                # that repeat no one header are no table.
                body = _body(run, kinds, head) or len(run)
                between = [i for i in range(head, body) if kinds[i] != "label"]
                begin = between[-1] + 1 if between else body
    return tables


def year_row_table(run: Sequence[Cell]) -> Table | None:
    """The year-row table a run of cells opens with, if it is one (an empty cell a blank
    one): its caption cells, then its header, then its rows."""
    found = _year_row_table(run, [stream_kind(cell) for cell in run], _heads(run), 0)
    return None if found is None else found[0]


def _body(run: Sequence[Cell], kinds: Sequence[str], head: int) -> int | None:
    """Where the first row of a year and figures after the header at `head` opens."""
    return next(
        (
            at
            for at in range(head + 1, len(run) - 1)
            if _ROW_YEAR.fullmatch(run[at].clean) and kinds[at + 1] == "number"
        ),
        None,
    )


def _heads(run: Sequence[Cell]) -> list[int]:
    """Where the run's cells naming a column of years (`年份`) are."""
    return [at for at, cell in enumerate(run) if _YEAR_HEADER.fullmatch(fold(cell.clean))]


def _year_row_table(
    run: Sequence[Cell], kinds: Sequence[str], heads: Sequence[int], begin: int
) -> tuple[Table, int] | None:
    """The year-row table under the header at `heads[0]` (the run's titles from
    `run[begin]`), and where it ends; None where it is none."""
    if not heads:
        return None
    first = heads[0]
    body = _body(run, kinds, first)
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
    if len(rows) < STREAM_ROWS_MIN * len(panels):
        return None
    units = [
        cell
        for cell in run[first:body]
        if BRACKETED.fullmatch(fold(cell.clean)) and not HAS_LATIN.search(cell.clean)
    ]
    columns = _year_row_columns(names[0], units, len(panels), _group_above(run, begin, first))
    captioned = _caption_unit(run[begin:first])
    columns = [_with_caption_unit(column, captioned) for column in columns]
    table = Table(
        run[first].start,
        rows[-1][-1].end,
        _group_title(run, begin, first),
        (Column(run[first].text.strip(), "period", None, None, None), *columns),
        tuple(Row(tuple(row)) for row in rows),
        layout="lines",
    )
    return table, position


def _with_caption_unit(column: Column, unit: Unit | None) -> Column:
    """A column that names no unit of its own under the caption's one unit (`单位:亿元`):
    amounts in it, unless it counts something (`企业个数`: 个), is a rate or names a ratio
    (`城乡收入比`, `外贸依存度`, `价格指数`). A line of several units (`单位:万人、亿元`) says
    which column is in which by no more than order: none of them."""
    if (
        unit is None
        or column.unit is not None
        or "、" in unit[0]
        or counted_unit_in(column.header)
        or is_rate_header(column.header)
        or _RATIO_NAME.search(outside_brackets(column.header))
    ):
        return column
    return replace(column, unit=unit)


_RATIO_NAME = re.compile(r"(?:比|度|指数|系数|率)$")


def _caption_unit(above: Sequence[Cell]) -> Unit | None:
    """The unit of a `单位:亿元` line among the table's captions right above its header, none
    past a figure or a caption (`表2 …`) above it, which end another table: every figure's
    unit that no column's unit line or name gives."""
    for cell in reversed(above):
        if unit := unit_line_unit(cell.text):
            return unit
        if stream_kind(cell) != "label" or CAPTION.match(fold(cell.clean)):
            return None
    return None


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
        if HAS_LATIN.search(words):
            break
        if BRACKETED.fullmatch(fold(words)):
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
        if len(letters) % size == 0 and repeats(letters, len(letters) // size):
            return letters[:size] if size > 1 else ""
    return ""


def _group_title(run: Sequence[Cell], begin: int, first: int) -> str:
    """The title above the header: the last Chinese line of more than one letter."""
    return next(
        (
            cell.text.strip()
            for cell in reversed(run[begin:first])
            if len(cell.clean) > 1 and not HAS_LATIN.search(cell.clean)
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
    given = [unit_of_words(fold(cell.clean)[1:-1]) for cell in units[:each]]
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
            unit = left_unit if sub else header_unit(name)
        bare = unbracketed(name)
        named = bare + left_name if sub else (bare if group in bare else group + bare)
        if not sub:
            left_name, left_unit = bare, unit
        columns.append(Column(name, "value", None, None, unit, name=named))
    return columns
