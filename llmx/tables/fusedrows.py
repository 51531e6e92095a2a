"""Finding rows whose figures ran together with nothing between them, under a line of periods.

     連結歷史資料 112年上半年 112年下半年 113年上半年 113年下半年 114年上半年 114年下半年
    十五歲以上民間人口 1,0841,0811,0781,0731,0681,062
    勞動力 645650642634634617
    勞動力參與率 59.5060.1059.6059.1059.3058.10

A page's table copied without its cell borders runs each row's figures into one word. The
line of periods above says how many figures each row holds; a run splits into that many only
where its figures are written alike: all with thousands commas (`1,084`), all with the same
number of decimals (`59.50`), or all whole numbers of one length (`645`). A run that splits in
none of these ways, or in more than one, is left out: a figure split by guess is no fact.

This module finds where such a grid is, as spans of the text; `llmx.tables` turns it into a
`Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.lines import HAS_CJK, Span, grids_in

# A period heading a column: a year (the Republic of China's too, 112年), maybe its half,
# quarter or month.
_PERIOD = re.compile(
    r"(?P<year>(?:19|20)\d{2}|1\d{2}|[2-9]\d)\s*年(?:度)?"
    r"(?:[上下]半年|第?[一二三四1-4]季度?|\d{1,2}\s*月(?:份)?)?"
)
_RUN = re.compile(r"[\d.,]+")
_COMMA_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+")
_LABEL = re.compile(r"\S(?:.*\S)?")
_PERIODS_MIN = 3
_ROWS_MIN = 3
_LABEL_MAX = 30
_DECIMALS_MAX = 4
# Whole numbers split by length alone must be alike: the largest at most this many times the
# smallest (a row's figures over a few years).
_SPREAD_MAX = 2.0
_CE_OFFSET = 1911  # the Republic of China's years: 112年 is 2023


@dataclass(frozen=True)
class FusedRow:
    label: Span
    cells: tuple[Span, ...]


@dataclass(frozen=True)
class FusedGrid:
    start: int  # of the line of periods
    end: int  # of the last row
    periods: tuple[Span, ...]  # the header's periods, one per column
    years: tuple[str, ...]  # each column's year, in the common era
    rows: tuple[FusedRow, ...]


def find_fused_rows(text: str) -> list[FusedGrid]:
    """The grids of run-together rows in `text`, in order."""
    return grids_in(text, _grid_at)


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[FusedGrid, int] | None:
    start, line = lines[index]
    periods = list(_PERIOD.finditer(line))
    if len(periods) < _PERIODS_MIN or _PERIOD.sub("", line[periods[0].start() :]).strip():
        return None  # a header is its periods to the line's end
    rows: list[FusedRow] = []
    end = index + 1
    while end < len(lines):
        row_start, row_line = lines[end]
        if not row_line.strip():
            end += 1
            continue
        row = _row(row_start, row_line, len(periods))
        if row is None:
            break
        rows.append(row)
        end += 1
    if len(rows) < _ROWS_MIN:
        return None
    last = rows[-1].cells[-1][1]
    grid = FusedGrid(
        start,
        last,
        tuple((start + found.start(), start + found.end()) for found in periods),
        tuple(_common_era(found.group("year")) for found in periods),
        tuple(rows),
    )
    return grid, end


def _common_era(year: str) -> str:
    number = int(year)
    return str(number + _CE_OFFSET if number < _CE_OFFSET - 1000 else number)


def _row(start: int, line: str, width: int) -> FusedRow | None:
    """A row: a label of words, then one run of figures that splits into `width` of them."""
    words = line.rstrip()
    run = _RUN.search(words, len(words) - len(words.split()[-1])) if words.split() else None
    if run is None or run.end() != len(words):
        return None
    label = _LABEL.search(words[: run.start()])
    if label is None or not HAS_CJK.search(label.group()) or len(label.group()) > _LABEL_MAX:
        return None
    if re.search(r"\d", label.group()):
        return None
    spans = split_run(run.group(), width)
    if spans is None:
        return None
    at = start + run.start()
    return FusedRow(
        (start + label.start(), start + label.end()),
        tuple((at + a, at + b) for a, b in spans),
    )


def split_run(run: str, width: int) -> list[Span] | None:
    """`run` split into `width` figures written alike, as spans of it; None where it splits in
    no such way or in more than one."""
    if "," in run:
        return _split_by_commas(run, width)
    if "." in run:
        splits = [
            each for d in range(1, _DECIMALS_MAX + 1) if (each := _split_by_decimals(run, width, d))
        ]
        return splits[0] if len(splits) == 1 else None
    return _split_by_length(run, width)


def _split_by_commas(run: str, width: int) -> list[Span] | None:
    spans: list[Span] = []
    position = 0
    while position < len(run):
        figure = _COMMA_FIGURE.match(run, position)
        if figure is None:
            return None
        spans.append((position, figure.end()))
        position = figure.end()
    return spans if len(spans) == width else None


def _split_by_decimals(run: str, width: int, decimals: int) -> list[Span] | None:
    spans: list[Span] = []
    position = 0
    while position < len(run):
        point = run.find(".", position)
        whole = run[position:point]
        end = point + 1 + decimals
        if point < 0 or not whole.isdigit() or (len(whole) > 1 and whole[0] == "0"):
            return None
        if end > len(run) or not run[point + 1 : end].isdigit():
            return None
        spans.append((position, end))
        position = end
    return spans if len(spans) == width else None


def _split_by_length(run: str, width: int) -> list[Span] | None:
    if not run.isdigit() or len(run) % width:
        return None
    size = len(run) // width
    spans = [(at, at + size) for at in range(0, len(run), size)]
    figures = [run[a:b] for a, b in spans]
    if any(len(figure) > 1 and figure[0] == "0" for figure in figures):
        return None
    values = [int(figure) for figure in figures]
    if min(values) == 0 or max(values) > _SPREAD_MAX * min(values):
        return None
    return spans
