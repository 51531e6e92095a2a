"""Finding tables laid out sideways: the row labels across one line, a line of values per
measure under it, and the measures' names on lines of their own above.

    绝对数(万吨) |
    比上年增长(%) |
    |
    粮食 稻谷 油料 蔬菜 |
    28.6 17.4 1.9 46.1 |
    2.1 -0.8 5.5 持平 |

A PDF or web table whose labels ran across the page comes out this way, cells separated by
single spaces. This module finds where such a grid is, as spans of the text; `llmx.tables`
turns it into a `Table` (one row per label, one value column per measure). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.folding import fold
from llmx.lines import Span, grids_in

# A line of the text: where it starts, and its words without the line end.
Line = tuple[int, str]

_LABELS_MIN = 3
_LABEL_MAX = 8
_MEASURE_MAX = 20
_NUMBER = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?")
_NO_VALUE = re.compile(r"[—\-–/…－]+")
# A word standing for a value in a line of numbers (持平, 无): short, not a label.
_VALUE_WORD_MAX = 2
_CELL = re.compile(r"[^\s|｜]+")
_PROSE = re.compile(r"[。，；：:,;]")
_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class SidewaysGrid:
    start: int
    end: int
    measures: tuple[Span | None, ...]  # one per value line, top to bottom; None if unnamed
    labels: tuple[Span, ...]
    values: tuple[tuple[Span, ...], ...]  # one line per measure, one cell per label


def _cells(line: Line) -> list[Span]:
    """The line's cells: runs of characters between spaces and pipes."""
    start, words = line
    return [(start + m.start(), start + m.end()) for m in _CELL.finditer(words)]


def _is_rule(line: Line) -> bool:
    return bool(re.fullmatch(r"\s*[|｜]*\s*", line[1]))


def find_sideways(text: str) -> list[SidewaysGrid]:
    """Every sideways grid of `text`: a line of three or more short labels, then one or more
    lines with as many cells, each starting with a number and mostly numbers."""
    return grids_in(text, _grid_at)


def _words(text: str, cells: list[Span]) -> list[str]:
    return [fold(text[start:end]) for start, end in cells]


def _is_label_line(text: str, line: Line) -> bool:
    if _PROSE.search(line[1]) or re.search(r"[|｜].*\S.*[|｜]", line[1].strip(" |｜")):
        return False
    words = _words(text, _cells(line))
    # A line opening on a block of names repeated (`飼養場數 在養數量` once a quarter, then
    # the change's `實數 %`) names the sub-columns of a header, no row labels (`城镇 男 女
    # 乡村 男 女` are labels still).
    return (
        len(words) >= _LABELS_MIN
        and all(len(word) <= _LABEL_MAX and not re.search(r"\d", word) for word in words)
        and not _block_repeated(words)
    )


def _block_repeated(words: Sequence[str]) -> bool:
    """Whether the words open on a block of two or more repeated at once: the words from
    some place on agree with the words from the start for as long as the block is."""
    agreeing = _agreeing_prefixes(words)
    return any(agreeing[size] >= size for size in range(_BLOCK_MIN, len(words) // 2 + 1))


def _agreeing_prefixes(words: Sequence[str]) -> list[int]:
    """For each place, how many words from there agree with the words from the start (the
    Z-array), in one pass: a line of thousands of words is no pass for each block size."""
    agreeing = [0] * len(words)
    left = right = 0  # the furthest-reaching agreement found so far: words[left:right]
    for at in range(1, len(words)):
        length = min(right - at, agreeing[at - left]) if at < right else 0
        while at + length < len(words) and words[length] == words[at + length]:
            length += 1
        agreeing[at] = length
        if at + length > right:
            left, right = at, at + length
    return agreeing


_BLOCK_MIN = 2  # names in a block a header repeats


def _is_value_line(text: str, line: Line, width: int) -> bool:
    words = _words(text, _cells(line))
    if len(words) != width or not _NUMBER.fullmatch(words[0]):
        return False
    numbers = sum(1 for word in words if _NUMBER.fullmatch(word))
    others_are_values = all(
        _NUMBER.fullmatch(word) or _NO_VALUE.fullmatch(word) or len(word) <= _VALUE_WORD_MAX
        for word in words
    )
    return others_are_values and 2 * numbers >= width


def _grid_at(text: str, lines: Sequence[Line], index: int) -> tuple[SidewaysGrid, int] | None:
    if not _is_label_line(text, lines[index]):
        return None
    labels = _cells(lines[index])
    values: list[Line] = []
    for line in lines[index + 1 :]:
        if not _is_value_line(text, line, len(labels)):
            break
        values.append(line)
    if not values or all(_YEAR.fullmatch(text[slice(*_cells(line)[0])]) for line in values):
        return None  # `年份  人口  ±%` over `1981  41,973  —`: rows of years under a header
    measures = _measures_above(text, lines, index, len(values))
    first = next((span for span in measures if span is not None), labels[0])
    last = _cells(values[-1])[-1]
    grid = SidewaysGrid(
        first[0], last[1], measures, tuple(labels), tuple(tuple(_cells(line)) for line in values)
    )
    return grid, index + 1 + len(values)


def _measures_above(
    text: str, lines: Sequence[Line], index: int, count: int
) -> tuple[Span | None, ...]:
    """The names of the `count` value lines: the one-cell lines right above the labels
    (past rules and blank lines), in order; None for those the text does not name."""
    found: list[Span] = []
    position = index - 1
    while position >= 0 and len(found) < count:
        line = lines[position]
        position -= 1
        if _is_rule(line) or not line[1].strip():
            continue
        words = line[1].strip(" \u3000|｜")
        if len(words) > _MEASURE_MAX or _PROSE.search(words) or re.search(r"[\s|｜]", words):
            break
        start = line[0] + line[1].index(words)
        found.append((start, start + len(words)))
    unnamed: tuple[Span | None, ...] = (None,) * (count - len(found))
    return unnamed + tuple(found[::-1])
