"""Finding tables drawn with box characters: columns between `│` (or `┃`, `║`), rule lines
of `─┼─` or `━`, cells padded to a fixed width.

    ─────────┬──────┬──────
      项  目  │ 本年数 │ 上年数
    ─────────┼──────┼──────
    一、收入  │  1,240 │  1,105
      1.税收  │    830 │      -

A header cell may span several columns and a header may take several lines (`本年度与上年度`
over `比  较`), so cells are placed by where they stand on screen, not by their count. This
module finds where such a grid is, as spans of the text; `llmx.tables` turns it into a
`Table`. Pure functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from llmx.lines import Span, text_lines

_BOX = re.compile(r"[\u2500-\u257f]")
# Characters that cut a line into cells: verticals, the junctions a rule meets them at, and
# the corners a rule ends in.
_CUT = re.compile(r"[│┃║┆┇┊┋|｜├┤┼┬┴┠┨╂┣┫╋╟╢╫╠╣╬┝┥┿┯┷╞╡╪╤╧┌┐└┘┏┓┗┛╔╗╚╝]")
_FILL = "─━═┄┅┈┉╌╍ \u3000\t"  # what a rule line, or the rule part of a cell, is drawn with
_ROWS_MIN = 2
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class BoxGrid:
    start: int
    end: int
    headers: tuple[str, ...]  # one per column: the header lines' words standing over it
    rows: tuple[tuple[Span | None, ...], ...]  # one cell per column; None where a row has none


@dataclass(frozen=True)
class _Segment:
    left: int  # columns on screen
    right: int
    start: int  # offsets in the text, stripped of padding and rule characters
    end: int


def find_boxes(text: str) -> list[BoxGrid]:
    """The box-drawn grids of `text`, in order."""
    grids: list[BoxGrid] = []
    for block in _blocks(text):
        grid = _grid(text, block)
        if grid is not None:
            grids.append(grid)
    return grids


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Runs of consecutive lines that draw with box characters, each line (start, text)."""
    return [
        list(run)
        for drawn, run in groupby(text_lines(text), key=lambda line: bool(_BOX.search(line[1])))
        if drawn
    ]


def _is_rule(line: str) -> bool:
    return not _CUT.sub("", line).strip(_FILL)


def _grid(text: str, block: Sequence[tuple[int, str]]) -> BoxGrid | None:
    width = _width_for(block)
    content = [(index, line) for index, line in enumerate(block) if not _is_rule(line[1])]
    if not content:
        return None
    # The header: the lines above the first rule that follows words; without such a rule,
    # the first line of words.
    first = content[0][0]
    rule_after = next((i for i in range(first + 1, len(block)) if _is_rule(block[i][1])), None)
    if rule_after is None or rule_after == len(block) - 1:
        rule_after = first + 1
    header_lines = [
        _segments(block[i], width) for i in range(first, rule_after) if not _is_rule(block[i][1])
    ]
    body_lines = [_segments(line, width) for i, line in content if i >= rule_after]
    if len(body_lines) < _ROWS_MIN:
        return None
    columns = max(body_lines, key=len)
    if len(columns) < 2:
        return None
    # Figures wider than their column push the verticals of a body row out of line; the
    # header line nearest the body, cut into as many cells, stands where the columns are.
    if header_lines and len(header_lines[-1]) == len(columns):
        columns = header_lines[-1]
    grid = [(segment.left, segment.right) for segment in columns]
    if header_lines and all(len(segments) == len(columns) for segments in header_lines):
        # Every header line cut into as many cells as the columns: a page that dropped the
        # padding (`│ │ 2009年 │ 2010年 │ 预算数为 │`) no longer stands its words over their
        # columns, but each line's cells are still the columns' in order.
        over = [[segments[index] for segments in header_lines] for index in range(len(grid))]
    else:
        over = [
            [
                segment
                for segments in header_lines
                for segment in segments
                if segment.start < segment.end and _stands_over(segment, span)
            ]
            for span in grid
        ]
    headers = tuple(
        _WHITESPACE.sub("", "".join(text[segment.start : segment.end] for segment in segments))
        for segments in over
    )
    rows = tuple(_placed(segments, grid) for segments in body_lines)
    last_start, last_text = block[-1]
    return BoxGrid(block[0][0], last_start + len(last_text), headers, rows)


def _stands_over(segment: _Segment, span: tuple[int, int]) -> bool:
    """Whether a header's words stand over a column: over half of it at least, so words that
    reach a little past their column's vertical (`項  目 ├──`) are not the next one's."""
    overlap = min(segment.right, span[1]) - max(segment.left, span[0])
    return overlap > 0 and 2 * overlap >= min(span[1] - span[0], segment.right - segment.left)


def _placed(
    segments: Sequence[_Segment], grid: Sequence[tuple[int, int]]
) -> tuple[Span | None, ...]:
    """A row's cells put under the columns they overlap most; a row cut into as many cells
    as there are columns, in order (its figures may overflow their columns on screen)."""
    if len(segments) == len(grid):
        return tuple(
            (segment.start, segment.end) if segment.start < segment.end else None
            for segment in segments
        )
    placed: list[Span | None] = [None] * len(grid)
    for segment in segments:
        if segment.start == segment.end:
            continue
        overlaps = [min(segment.right, end) - max(segment.left, start) for start, end in grid]
        best = max(range(len(grid)), key=lambda i: overlaps[i])
        if overlaps[best] > 0 and placed[best] is None:
            placed[best] = (segment.start, segment.end)
    return tuple(placed)


def _segments(line: tuple[int, str], width: Callable[[str], int]) -> list[_Segment]:
    """A line cut at its verticals and junctions; each piece with its place on screen and its
    words (empty for padding or a piece of rule)."""
    start, text = line
    segments: list[_Segment] = []
    position = 0
    left = 0
    for match in [*_CUT.finditer(text), None]:
        cut = match.start() if match else len(text)
        piece = text[position:cut]
        lead = len(piece) - len(piece.lstrip(_FILL))
        words = piece.strip(_FILL)
        right = left + width(piece)
        if cut > position or match is None:
            segments.append(
                _Segment(left, right, start + position + lead, start + position + lead + len(words))
            )
        if match is None:
            break
        left = right + width(match.group())
        position = match.end()
    return [segment for segment in segments if segment.right > segment.left]


def _width_for(block: Sequence[tuple[int, str]]) -> Callable[[str], int]:
    """How wide a character stands on screen. Box characters are 'ambiguous' in width: two
    columns in a CJK font, one elsewhere; take the one under which the block's verticals line
    up best."""

    def measure(box_width: int) -> Callable[[str], int]:
        def width(chunk: str) -> int:
            total = 0
            for char in chunk:
                if _BOX.match(char):
                    total += box_width
                else:
                    total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
            return total

        return width

    def spread(width: Callable[[str], int]) -> int:
        positions = {
            width(text[: match.start()]) for _, text in block for match in _CUT.finditer(text)
        }
        return len(positions)

    return min((measure(2), measure(1)), key=spread)
