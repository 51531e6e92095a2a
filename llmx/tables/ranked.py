"""Finding ranking tables: a row per region (or other item), its label in Chinese, English
or both, then its figures one space apart, some columns of them the rows' ranks; a header
of measure names above, which names the ranks too (`位次`, `排序`, `Rank`).

    单位:万吨、千克
    地区 Region 小麦产量 玉米产量
    总产量 人均产量 总产量 人均产量
    Amount Per Capita Rank Amount Per Capita Rank

      Total 1520.4 210.35 880.2 121.77
    甲省 Province A 310.6 402.11 2 95.0 123.00 3
      Province B 88.1 95.40 3 140.7 152.36 1

A column of whole numbers none above the count of rows is a column of ranks, no figures of
the measures: a row has either a figure for every column or none for the ranks (a total
is not ranked). The header's Chinese words give the names: a line with a word per value
column, under a line of groups each over as many of them (after the word heading the labels,
`地区`); a `单位:` line listing a unit per name (`万吨、千克`) gives each name its unit, in
order. English lines are the names' translation. Most lines must be such rows, at least three.

This module finds where a grid is, as spans of the text; `llmx.tables` turns it into a
`Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from llmx.lines import CJK, HAS_CJK, SPACED_CELL, Span, cell_span, grids_in

_CJK_WORD = re.compile(rf"[^\sA-Za-z]*[{CJK}][^\sA-Za-z]*")
_RANK = re.compile(r"位次|排序|排名|名次|\bRank\b|\bOrder\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[。，,；;：:！？!?]")
_TOKEN = re.compile(r"\S+")
_WHOLE = re.compile(r"\d{1,3}")

_HEADER_LINES = 8
_LABEL_MAX = 40  # characters of a row label
_ROWS_MIN = 3
_VALUES_MIN = 2


@dataclass(frozen=True)
class RankedRow:
    label: Span
    cells: tuple[Span, ...]  # one per value column; ranks left out


@dataclass(frozen=True)
class RankedGrid:
    start: int  # of the header's first line
    end: int  # of the last row
    names: tuple[str, ...]  # each value column's name, "" where the header gives none
    measures: tuple[str, ...]  # each value column's own word, without its group
    rows: tuple[RankedRow, ...]


@dataclass(frozen=True)
class _Line:
    label: Span
    values: tuple[Span, ...]
    end: int


def find_ranked(text: str) -> list[RankedGrid]:
    """Every ranking grid in `text`, in order."""
    return grids_in(text, _grid_at)


def _row_line(start: int, line: str) -> _Line | None:
    """A line of a label (words, no figure) then two or more figures one space apart."""
    tokens = list(_TOKEN.finditer(line.rstrip()))
    count = len(tokens)
    while count and SPACED_CELL.fullmatch(tokens[count - 1].group()):
        count -= 1
    figures = tokens[count:]
    if not count or len(figures) < _VALUES_MIN:
        return None
    if any(after.start() - before.end() != 1 for before, after in pairwise(figures)):
        return None
    label = line[tokens[0].start() : tokens[count - 1].end()]
    if len(label) > _LABEL_MAX or re.search(r"\d", label) or _SENTENCE.search(label):
        return None
    if not re.search(r"[A-Za-z]", label) and not HAS_CJK.search(label):
        return None
    values = tuple(cell_span(start, token) for token in figures)
    return _Line(
        (start + tokens[0].start(), start + tokens[count - 1].end()),
        values,
        start + len(line.rstrip()),
    )


def _is_header_line(line: str) -> bool:
    words = line.strip()
    return not words or (not re.search(r"\d", words) and not _SENTENCE.search(words))


def _ranks(text: str, rows: Sequence[_Line]) -> list[int]:
    """The columns of whole numbers none above the count of rows: the rows' ranks."""
    width = len(rows[0].values)
    return [
        column
        for column in range(width)
        if all(
            _WHOLE.fullmatch(text[row.values[column][0] : row.values[column][1]])
            and 0 < int(text[row.values[column][0] : row.values[column][1]]) <= len(rows)
            for row in rows
        )
    ]


def _names(header: Sequence[str], width: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each value column's name and its own word: the words of the line with a word per
    column, each under its group where a line holds groups over as many columns each."""
    lines = [_CJK_WORD.findall(line) for line in header]
    lines = [words for words in lines if words]
    found = next((words for words in lines if len(words) == width), None)
    if found is None:
        return ("",) * width, ("",) * width
    names = tuple(found)
    for words in lines:
        for groups in (words, words[1:]):
            if 1 < len(groups) < width and width % len(groups) == 0:
                span = width // len(groups)
                return tuple(groups[i // span] + names[i] for i in range(width)), names
    return names, names


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[RankedGrid, int] | None:
    """The grid whose header's first line is line `index`, and the line after it."""
    if not lines[index][1].strip():
        return None
    position = index
    while position < len(lines) and position - index < _HEADER_LINES:
        if _row_line(*lines[position]) is not None or not _is_header_line(lines[position][1]):
            break
        position += 1
    header = [line for _, line in lines[index:position]]
    if not header or not _RANK.search(" ".join(header)):
        return None
    body: list[_Line] = []
    while position < len(lines):
        found = _row_line(*lines[position])
        if found is None and lines[position][1].strip():
            break
        if found is not None:
            body.append(found)
        position += 1
    counts = Counter(len(line.values) for line in body)
    if not counts:
        return None
    width, _ = counts.most_common(1)[0]
    full = [line for line in body if len(line.values) == width]
    if len(full) < _ROWS_MIN or 2 * len(full) < len(body):
        return None
    ranks = _ranks(text, full)
    kept = [column for column in range(width) if column not in ranks]
    if not ranks or len(kept) < _VALUES_MIN:
        return None
    rows = tuple(
        RankedRow(line.label, tuple(line.values[c] for c in kept))
        if len(line.values) == width
        else RankedRow(line.label, line.values)
        for line in body
        if len(line.values) in (width, len(kept))
    )
    grid_end = max(line.end for line in body)
    names, measures = _names(header, len(kept))
    return RankedGrid(lines[index][0], grid_end, names, measures, rows), position
