"""Spreadsheets (`.xlsx`, `.xlsm`, `.xls`), as statistics bureaus publish their tables: each
visible sheet in the canonical layout (llmx.readers.canonical), read with openpyxl (Office Open
XML) or xlrd (the binary Excel 97–2003 format).

A published sheet is a table with text around it: a title and a unit line above (`2023年主要
经济指标`, `单位：亿元`), notes below (`注：…`), often a header of merged cells. So the rows
that fill one cell before the first row that fills two, and after the last, are lines; the
rows between are one table (a long one-cell row between them, a paragraph, ends a table and
starts another). Empty rows and columns, hidden rows, columns and sheets are left out: the
sheet as it prints. Merged cells are spans (a header's `2023年` over `绝对值 | 增长%`).

A cell is written as the sheet shows it (llmx.readers.numberformat): `6.2%` for a stored
`0.062` under `0.0%`, `1,234.50` under `#,##0.00`; a formula cell by the value the workbook
saved with it. Every cell's locator names it as Excel does (`'表1'!C5`), with the table's row
and column.

Many sites serve an HTML table named `.xls`; such a file is read as the web page it is. A file
that is none of these is a one-line error.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import patch

from llmx.documents import Document, read_file
from llmx.errors import InputError
from llmx.locations import Locator
from llmx.readers.canonical import GridCell, TextBuilder, implied_header_rows
from llmx.readers.numberformat import (
    CJK_BUILTIN_FORMATS,
    general,
    is_date_format,
    is_elapsed_format,
    shown_date,
    shown_elapsed,
    shown_number,
    shows_time,
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_XML_SPREADSHEET = b"urn:schemas-microsoft-com:office:spreadsheet"
# The stream an encrypted Office file keeps its workbook in (an OLE container, even for .xlsx).
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
# The most XML a workbook may unpack to: a zip of a few megabytes can hold gigabytes.
XML_MAX = 300_000_000
_COLUMNS_MAX = 16_384  # Excel's last column, XFD
_SECONDS_A_DAY = 86_400  # a serial counts days
_FIGURE = re.compile(r"[-+]?[\d,]+(?:\.\d+)?%?")
# A one-cell row this long between table rows is a paragraph, not a group's label.
_PARAGRAPH_MIN = 50
# Names a spreadsheet program gives a sheet nobody named; they say nothing about the table.
_DEFAULT_SHEET_NAMES = ("sheet", "工作表", "页", "頁")
# The largest sheet read, in stored cells (a 50,000-row table of 20 columns; openpyxl holds
# about 2 KB a cell).
CELLS_MAX = 1_000_000


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based and inclusive, its text in its top-left cell."""

    top: int
    left: int
    bottom: int
    right: int

    def covers(self, row: int, column: int) -> bool:
        return self.top <= row <= self.bottom and self.left <= column <= self.right


@dataclass
class Sheet:
    """One visible sheet as the reader sees it: shown texts by 0-based (row, column)."""

    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def read(path: Path) -> Document:
    raw = read_file(path)
    if not raw:
        raise InputError(f"{path}: file is empty")
    if raw.startswith(_OLE_MAGIC) and _ENCRYPTED in raw:
        raise InputError(
            f"{path}: is encrypted (password protected); save an unprotected copy first"
        )
    if raw.startswith(_ZIP_MAGIC):
        kind, load = "xlsx", _xlsx_sheets
    elif raw.startswith(_OLE_MAGIC):
        kind, load = "xls", _xls_sheets
    elif _XML_SPREADSHEET in raw[:4096]:
        raise InputError(f"{path}: an XML Spreadsheet 2003 file; save it as .xlsx and try again")
    elif raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        from llmx.readers import html  # an HTML table saved as .xls, as many sites serve it

        return html.read(path)
    else:
        raise InputError(
            f"{path}: not a spreadsheet (neither an Excel workbook nor a web page's table)"
        )
    builder = TextBuilder()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a workbook's oddities, not the user's concern
            sheets = load(path, raw)
            for sheet in sheets:
                builder.blank_lines(2)
                if len(sheets) > 1 and not _is_default_name(sheet.name):
                    builder.line(sheet.name, Locator(element=_quoted(sheet.name)))
                lay_out(sheet, builder)
    except InputError:
        raise
    except Exception as error:  # a damaged workbook fails inside its parser in ways of its own
        what = "Excel" if kind == "xlsx" else "Excel 97–2003"
        raise InputError(f"{path}: not a readable {what} workbook ({_reason(error)})") from None
    return builder.document(
        path,
        encoding="utf-8",
        format=kind,
        title=None,
        empty="no sheet has any text in its cells",
    )


def _is_default_name(name: str) -> bool:
    return name.strip().lower().rstrip("0123456789 ") in _DEFAULT_SHEET_NAMES


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def cell_reference(sheet: str, row: int, column: int) -> str:
    """A cell as Excel names it: `'表1'!C5` for 0-based row 4, column 2."""
    letters = ""
    number = column + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"{_quoted(sheet)}!{letters}{row + 1}"


def lay_out(sheet: Sheet, builder: TextBuilder) -> None:
    """A sheet's rows as lines and tables (the module's layout rule)."""
    by_row: dict[int, dict[int, str]] = {}
    for (row, column), text in sheet.cells.items():
        if text and row not in sheet.hidden_rows and column not in sheet.hidden_columns:
            by_row.setdefault(row, {})[column] = text
    for merge in sheet.merges:  # a merge whose first cell is hidden shows its text in the rest
        title = sheet.cells.get((merge.top, merge.left))
        shown = _first_shown(merge, sheet)
        if title and shown is not None and shown != (merge.top, merge.left):
            by_row.setdefault(shown[0], {}).setdefault(shown[1], title)
    if not by_row:
        return
    # A merge reaches no further than the filled cells: `A1:XFD1048576` is a title's row.
    last_row = max(by_row)
    last_column = max(max(columns) for columns in by_row.values())
    merges = [
        Merge(m.top, m.left, min(m.bottom, last_row), min(m.right, last_column))
        for m in sheet.merges
        if m.top <= last_row and m.left <= last_column
    ]
    for run in _runs(sorted(by_row), by_row):
        wide = [row for row in run if len(by_row[row]) > 1]
        block: list[int] = []
        for row in run:
            (first, text), *others = sorted(by_row[row].items())
            inside = bool(wide) and wide[0] <= row <= wide[-1]
            if inside and (others or len(text) < _PARAGRAPH_MIN):
                block.append(row)
                continue
            _table(sheet, block, by_row, merges, builder)
            block = []
            _line(sheet, row, first, text, builder)
        _table(sheet, block, by_row, merges, builder)


def _first_shown(merge: Merge, sheet: Sheet) -> tuple[int, int] | None:
    rows = (r for r in range(merge.top, merge.bottom + 1) if r not in sheet.hidden_rows)
    columns = (c for c in range(merge.left, merge.right + 1) if c not in sheet.hidden_columns)
    row, column = next(rows, None), next(columns, None)
    return None if row is None or column is None else (row, column)


def _runs(rows: list[int], by_row: dict[int, dict[int, str]]) -> list[list[int]]:
    """The filled rows in runs that an empty row parts, unless a row of two cells or more
    stands above it and one below, or below a group's label (a short one-cell row) right
    above one: a header spaced from its body, or from its next group, is still one table."""
    runs: list[list[int]] = []

    def wide(index: int) -> bool:
        return 0 <= index < len(rows) and len(by_row[rows[index]]) > 1

    def label_over_row(index: int) -> bool:
        """A group's label (`二、工业`) right above a row of figures, not a new table's
        caption over its header."""
        only = by_row[rows[index]]
        return (
            len(only) == 1
            and len(next(iter(only.values()))) < _PARAGRAPH_MIN
            and wide(index + 1)
            and rows[index + 1] == rows[index] + 1
            and any(_FIGURE.fullmatch(text) for text in list(by_row[rows[index + 1]].values())[1:])
        )

    for index, row in enumerate(rows):
        if runs and (
            row == runs[-1][-1] + 1 or (wide(index - 1) and (wide(index) or label_over_row(index)))
        ):
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _line(sheet: Sheet, row: int, column: int, text: str, builder: TextBuilder) -> None:
    builder.line(text, Locator(element=cell_reference(sheet.name, row, column)))


def _kept(first: int, last: int, kept: list[int]) -> list[int]:
    """The kept (sorted) indices from `first` to `last`."""
    return kept[bisect_left(kept, first) : bisect_right(kept, last)]


def _table(
    sheet: Sheet,
    block: list[int],
    by_row: dict[int, dict[int, str]],
    merges: list[Merge],
    builder: TextBuilder,
) -> None:
    """The rows of `block` as one table: columns that hold nothing in them left out, merged
    ranges spanning the rows and columns of theirs that are kept."""
    if not block:
        return
    in_block = [m for m in merges if _kept(m.top, m.bottom, block)]
    filled = {column for row in block for column in by_row[row]}
    spanned = {c for m in in_block for c in range(m.left, m.right + 1)} - sheet.hidden_columns
    columns = sorted(filled | spanned)
    merge_at: dict[tuple[int, int], Merge] = {}  # each kept cell a merge covers
    for spanning in in_block:
        for row in _kept(spanning.top, spanning.bottom, block):
            for column in _kept(spanning.left, spanning.right, columns):
                merge_at[(row, column)] = spanning
    grid: list[list[GridCell]] = []
    for row in block:
        cells: list[GridCell] = []
        for column in columns:
            merge = merge_at.get((row, column))
            if merge is None:
                text = by_row[row].get(column, "")
                cells.append(GridCell(text, element=cell_reference(sheet.name, row, column)))
                continue
            rows_kept = _kept(merge.top, merge.bottom, block)
            columns_kept = _kept(merge.left, merge.right, columns)
            if (row, column) != (rows_kept[0], columns_kept[0]):
                continue  # covered by the span placed at the merge's first kept cell
            cells.append(
                GridCell(
                    sheet.cells.get((merge.top, merge.left), ""),
                    element=cell_reference(sheet.name, merge.top, merge.left),
                    rowspan=len(rows_kept),
                    colspan=len(columns_kept),
                )
            )
        grid.append(cells)
    builder.table(grid, header_rows=implied_header_rows(grid), locator=Locator())


def _xlsx_sheets(path: Path, raw: bytes) -> list[Sheet]:
    import openpyxl
    from openpyxl.worksheet.worksheet import Worksheet

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        unpacked = sum(item.file_size for item in archive.infolist())
    if unpacked > XML_MAX:
        raise InputError(
            f"{path}: unpacks to {unpacked:,} bytes; llmx reads workbooks of up to {XML_MAX:,}"
        )
    # openpyxl makes an object for every cell a merged range covers (`A1:XFD1048576` is 17
    # billion); the reader needs only the ranges, so the covered cells are left as they are.
    with patch.object(Worksheet, "_clean_merge_range", lambda self, merged: None):
        # data_only: a formula cell's value as the workbook last saved it, not the formula.
        # From the bytes: openpyxl refuses a path whose suffix is not its own (an .xlsx
        # saved as .xls, as sites serve them).
        workbook = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    sheets: list[Sheet] = []
    for worksheet in workbook.worksheets:
        if worksheet.sheet_state != "visible":
            continue
        sheet = Sheet(worksheet.title)
        # The stored cells only (a private table, public in all but name): the public
        # `iter_rows` visits every cell up to the last one styled, however far.
        stored = worksheet._cells
        _check_size(path, sheet.name, len(stored))
        for (row, column), cell in stored.items():
            text = _xlsx_text(cell)
            if text:
                sheet.cells[(row - 1, column - 1)] = text
        sheet.merges = [
            Merge(top - 1, left - 1, bottom - 1, right - 1)
            for left, top, right, bottom in (r.bounds for r in worksheet.merged_cells.ranges)
        ]
        sheet.hidden_rows = {index - 1 for index, d in worksheet.row_dimensions.items() if d.hidden}
        sheet.hidden_columns = {
            column - 1
            for d in worksheet.column_dimensions.values()
            if d.hidden and d.min is not None and d.max is not None
            for column in range(d.min, min(d.max, _COLUMNS_MAX) + 1)
        }
        sheets.append(sheet)
    return sheets


def _xlsx_text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        number_format = _xlsx_format(cell)
        if is_date_format(number_format):  # a Chinese built-in date openpyxl does not know
            return _serial_date_text(float(value), number_format, cell.parent.parent.epoch)
        return shown_number(float(value), number_format)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date_text(value, cell.number_format)
    if isinstance(value, dt.timedelta):  # under an elapsed format, `[h]:mm`
        return shown_elapsed(value.total_seconds(), cell.number_format) or str(value)
    return str(value).strip()


def _xlsx_format(cell: Any) -> str:
    """A cell's number format, a Chinese Excel's built-in ones (named by id alone) included."""
    if cell.number_format != "General":
        return str(cell.number_format)
    # The id as the file gave it (openpyxl numbers a workbook's own formats from 164 up);
    # `style_id` would look the cell's whole style up in the workbook's table, cell by cell.
    style = cell._style
    return CJK_BUILTIN_FORMATS.get(style.numFmtId if style is not None else 0, "General")


def _serial_date_text(serial: float, number_format: str, epoch: dt.datetime) -> str:
    from openpyxl.utils.datetime import from_excel

    try:
        moment = from_excel(serial, epoch)
    except (ValueError, OverflowError):
        return general(serial)
    return _date_text(moment, number_format)


def _date_text(value: dt.datetime | dt.date | dt.time, number_format: str) -> str:
    """A date as its format shows it (`2024年1月`); as ISO writes it (`2023-12-31`, a time of
    day to the second only where it has one and the format shows one) where llmx does not
    render the format."""
    shown = shown_date(value, number_format)
    if shown is not None:
        return shown
    if isinstance(value, dt.datetime):
        if value.time() == dt.time() or not shows_time(number_format):
            return value.date().isoformat()
        return value.isoformat(" ", timespec="seconds")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _xls_sheets(path: Path, raw: bytes) -> list[Sheet]:
    import xlrd

    # ragged rows: each row as long as its last stored cell, not the widest row's
    workbook = xlrd.open_workbook(
        file_contents=raw, formatting_info=True, ragged_rows=True, logfile=_Silent()
    )
    sheets: list[Sheet] = []
    for index in range(workbook.nsheets):
        worksheet = workbook.sheet_by_index(index)
        if worksheet.visibility != 0:
            continue
        sheet = Sheet(worksheet.name)
        _check_size(path, sheet.name, sum(worksheet.row_len(r) for r in range(worksheet.nrows)))
        for row in range(worksheet.nrows):
            for column, cell in enumerate(worksheet.row_slice(row)):
                text = _xls_text(workbook, cell)
                if text:
                    sheet.cells[(row, column)] = text
        sheet.merges = [
            Merge(top, left, bottom - 1, right - 1)
            for top, bottom, left, right in worksheet.merged_cells
        ]
        sheet.hidden_rows = {r for r, info in worksheet.rowinfo_map.items() if info.hidden}
        sheet.hidden_columns = {c for c, info in worksheet.colinfo_map.items() if info.hidden}
        sheets.append(sheet)
    return sheets


def _xls_text(workbook: Any, cell: Any) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value).strip()
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, "#N/A"))
    if cell.ctype not in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
        return ""
    number_format = _xls_format(workbook, cell.xf_index)
    if is_elapsed_format(number_format):
        shown = shown_elapsed(float(cell.value) * _SECONDS_A_DAY, number_format)
        return shown if shown is not None else general(float(cell.value))
    if cell.ctype == xlrd.XL_CELL_DATE or is_date_format(number_format):
        try:
            moment = xlrd.xldate.xldate_as_datetime(cell.value, workbook.datemode)
            return _date_text(moment, number_format)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return general(float(cell.value))
    return shown_number(float(cell.value), number_format)


def _xls_format(workbook: Any, xf_index: int | None) -> str:
    if xf_index is None or xf_index >= len(workbook.xf_list):
        return "General"
    key = workbook.xf_list[xf_index].format_key
    found = workbook.format_map.get(key)
    if found is not None and found.format_str:
        return str(found.format_str)
    # xlrd names a built-in it has no string for (a Chinese date, a Thai number) with None
    return CJK_BUILTIN_FORMATS.get(key, "General")


def _check_size(path: Path, sheet: str, cells: int) -> None:
    if cells > CELLS_MAX:
        raise InputError(
            f"{path}: sheet {sheet!r} stores {cells:,} cells; llmx reads sheets of up to"
            f" {CELLS_MAX:,}"
        )


def _reason(error: BaseException) -> str:
    text = str(error)
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]  # a KeyError's message comes quoted
    return text.splitlines()[0] if text else type(error).__name__


class _Silent:
    """xlrd writes warnings about a workbook's oddities to a log file; llmx says nothing."""

    def write(self, text: str) -> None:
        pass
