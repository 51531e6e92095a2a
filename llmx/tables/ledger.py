"""Finding budget ledgers: the lines of a budget's classification, each a code, an item's
name and maybe its amount, with pipes between the cells.

    章 | 節 | 條 | 款 | 項 | 名稱 | 金額 (澳門幣) |
    經常收入 |
    05 | 01 | 03 | 01 | 特區預算轉移 | 8,600,000.00 | |
    01 | 01 | 02 | 00 | 00 | 編制以外人員 | |
    01 | 01 | 02 | 01 | 00 | 報酬 | 1,860,000.00 |
    3,770,200.00 | ||||||
    總收入 |
    420,500,000 |

A gazette publishing a budget (Macau's 本身預算 and 補充預算, a county's 功能分类 accounts) lists
it item by item under its classification codes, written as one code (`03-02-99-00`) or a
cell per level (`05 | 01 | 03 | 01`), a functional code (`3-02-2`) sometimes before it. An
item's depth is the number of levels its code fills: `05-01-03-01` sits under `05-01-03-00`.
A line of words alone heads the items below it (`經常收入`, `開支`), and a line of an amount
alone is the amount of the heading just above it, or else closes the top group above it
(a subtotal). This module finds where a ledger is, as spans of the text; `llmx.tables`
turns it into tables. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.lines import HAS_CJK, Span, text_lines

_CODE = re.compile(r"\d{1,3}(?:-\d{1,3}){1,5}")
_LEVEL = re.compile(r"\d{2}")  # one level of a code written a cell per level
_LEVELS_MIN = 3
_AMOUNT = re.compile(r"(?:\$\s*)?(?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_AMOUNT_HEADER = re.compile(r"金\s*[額额]")
_NAME_MAX = 30
_CODED_MIN = 3  # coded lines a ledger has at least


@dataclass(frozen=True)
class LedgerRow:
    label: Span
    value: Span | None  # None for a row that only heads others
    depth: int  # 0 for a heading; else the levels its code fills
    subtotal: bool = False  # an amount alone, closing the group `label` names


@dataclass(frozen=True)
class LedgerGrid:
    start: int
    end: int
    header: Span | None  # the amounts' header cell (`金額 (澳門幣)`), where one is written
    rows: tuple[LedgerRow, ...]


def find_ledgers(text: str) -> list[LedgerGrid]:
    """Every budget ledger of `text`, in order: each run of lines a ledger may hold, read
    once (a run with too few coded items is no ledger, nor is any part of it)."""
    lines = list(text_lines(text))
    grids: list[LedgerGrid] = []
    run: list[tuple[int, _Line]] = []
    for index, (start, line) in enumerate([*lines, (len(text), "")]):
        found = _read_line(start, line) if index < len(lines) else None
        if found is not None:
            run.append((index, found))
            continue
        if run:
            grid = _ledger_of(lines, run)
            if grid is not None:
                grids.append(grid)
            run = []
    return grids


@dataclass(frozen=True)
class _Line:
    """What one line of a ledger is: a coded item, a heading, an amount alone, a header
    or a line of empty cells."""

    kind: str  # "item", "heading", "amount", "header", "empty"
    label: Span | None = None
    value: Span | None = None
    depth: int = 0


def _cells(start: int, line: str) -> list[tuple[Span, str]]:
    cells: list[tuple[Span, str]] = []
    offset = 0
    for piece in line.split("|"):
        words = piece.strip()
        if words:
            at = start + offset + piece.index(words)
            cells.append(((at, at + len(words)), words))
        offset += len(piece) + 1
    return cells


def _amount(cell: tuple[Span, str]) -> Span | None:
    (start, _), words = cell
    found = _AMOUNT.fullmatch(words)
    return (start + found.start("figure"), start + found.end("figure")) if found else None


def _depth(code: str) -> int:
    levels = re.split(r"[-\s]+", code)
    filled = [index for index, level in enumerate(levels) if int(level)]
    return filled[-1] + 1 if filled else 0


def _read_line(start: int, line: str) -> _Line | None:
    if "|" not in line:
        return None
    cells = _cells(start, line)
    if not cells:
        return _Line("empty")
    words = [each for _, each in cells]
    codes = 0
    while codes < len(words) and (_CODE.fullmatch(words[codes]) or _LEVEL.fullmatch(words[codes])):
        codes += 1
    read = [(cell, _amount(cell)) for cell in cells[codes:]]
    names = [cell for cell, amount in read if amount is None]
    amounts = [amount for _, amount in read if amount is not None]
    if len(names) > 1 or len(amounts) > 1:
        return _Line("header") if not amounts and not codes else None
    name = names[0] if names else None
    if name and (len(name[1]) > _NAME_MAX or not HAS_CJK.search(name[1])):
        return None
    value = amounts[0] if amounts else None
    levels = words[:codes]
    if levels:
        whole = _CODE.fullmatch(levels[-1]) is not None  # 03-02-99-00, not 05 | 01 | 03 | 01
        if name is None or (not whole and len(levels) < _LEVELS_MIN):
            return None
        code = levels[-1] if whole else "-".join(levels)
        return _Line("item", name[0], value, max(_depth(code), 1))
    if name and _AMOUNT_HEADER.match(name[1]) and value is None:
        return _Line("header")
    if name:
        return _Line("heading", name[0], value)
    return _Line("amount", value=value) if value else None


def _ledger_of(
    lines: Sequence[tuple[int, str]], run: Sequence[tuple[int, _Line]]
) -> LedgerGrid | None:
    if sum(found.kind == "item" for _, found in run) < _CODED_MIN:
        return None
    first = lines[run[0][0]][0]
    last_start, last_line = lines[run[-1][0]]
    return LedgerGrid(
        first, last_start + len(last_line), _amount_header(lines, run), tuple(_rows(run))
    )


def _amount_header(
    lines: Sequence[tuple[int, str]], read: Sequence[tuple[int, _Line]]
) -> Span | None:
    """The header cell over the amounts: the last cell of the last header line above the
    first item (`經濟分類 | 收入項目 |` over `金額 |` gives `金額`)."""
    header: Span | None = None
    for index, found in read:
        if found.kind == "item":
            break
        if found.kind == "header":
            header = _cells(*lines[index])[-1][0]
    return header


def _rows(read: Sequence[tuple[int, _Line]]) -> list[LedgerRow]:
    rows: list[LedgerRow] = []
    group: Span | None = None  # the top item the items since were under
    for _, found in read:
        if found.kind == "item" and found.label:
            if found.depth == 1:
                group = found.label
            rows.append(LedgerRow(found.label, found.value, found.depth))
        elif found.kind == "heading" and found.label:
            rows.append(LedgerRow(found.label, found.value, 0))
        elif found.kind == "amount" and found.value and rows:
            last = rows[-1]
            if last.depth == 0 and last.value is None:
                rows[-1] = LedgerRow(last.label, found.value, 0)
            elif group is not None:
                rows.append(LedgerRow(group, found.value, 1, subtotal=True))
                group = None
    return rows
