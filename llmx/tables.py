"""Rebuilding indicator tables that were flattened to one cell per line.

In the seed reports a table row is a run of tab-indented lines, one cell each, rows are
separated by a blank line, and a cell that wrapped continues on following unindented lines.
Pure functions: text in, tables with source offsets out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from llmx.folding import fold
from llmx.quantities import split_header_unit
from llmx.vocabulary import Scope, cue_pattern

_CONTINUATION_MAX = 24
_INDICATOR_HEADER = re.compile(r"指\s*标|名\s*称|项\s*目")
_SKIP_HEADER = re.compile(r"序\s*号|类\s*别|备\s*注|属\s*性|单\s*位")
_TARGET_HEADER = cue_pattern("target", Scope.HEADER)
_ACTUAL_HEADER = cue_pattern("actual", Scope.HEADER)
_CHANGE_HEADER = cue_pattern("change", Scope.HEADER)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


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
    role: str  # "indicator", "value" or "other"
    status: str | None  # "actual" / "target" for value columns
    period: str | None
    unit: tuple[str, float] | None


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    start: int
    end: int
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)

    def indicator_of(self, row: Row) -> str:
        for column, cell in zip(self.columns, row.cells, strict=False):
            if column.role == "indicator":
                return cell.clean
        return ""


def _header_status(header: str) -> str | None:
    folded = fold(header)
    # A header's own word wins: "预计目标" is a target, "预计完成" an actual.
    if "预计完成" in folded or (
        _ACTUAL_HEADER.search(folded) and not _TARGET_HEADER.search(folded)
    ):
        return "actual"
    if _TARGET_HEADER.search(folded):
        return "target"
    return None


def _column(header: str) -> Column:
    folded = fold(header)
    if _INDICATOR_HEADER.search(folded) and not _YEAR.search(folded):
        return Column(header, "indicator", None, None, split_header_unit(header))
    if _SKIP_HEADER.search(folded):
        return Column(header, "other", None, None, None)
    status = _header_status(header)
    year = _YEAR.search(folded)
    changes = _CHANGE_HEADER.search(folded)  # 比上年增长%: a column of growth rates
    return Column(
        header,
        "value" if status or year or changes else "other",
        status,
        year.group(1) if year else None,
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
        if bare.startswith("\t"):
            start = offset
            while index < len(lines):
                line = lines[index].rstrip("\r\n")
                follows_cell = index > 0 and lines[index - 1].strip() != ""
                continuation = line.strip() and len(line) <= _CONTINUATION_MAX and follows_cell
                if not (line.startswith("\t") or not line.strip() or continuation):
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
    """The tables in `text`: regions with a header row of three or more cells."""
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
        tables.append(Table(start, end, titles or title, columns, body))
    return tables
