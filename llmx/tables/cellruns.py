"""Runs of short lines, one cell each (a web table copied a cell a line, maybe a lone `|`
line between cells), and what kind each cell is: a number, a dash for none, or a label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.folding import fold
from llmx.lines import ENGLISH_AFTER, SPREADSHEET_ERROR
from llmx.tables.captions import CAPTION
from llmx.tables.rowlines import NO_SPLIT, Line, split_cells
from llmx.tables.table import Cell
from llmx.tables.taken import TakenSpans

STREAM_CELL_MAX = 30
STREAM_ROWS_MIN = 2
_QUALIFIED_NUMBER = re.compile(
    r"(?:约|近|超|≥|≤|＜|＞|<|>)?[-−+]?\d[\d,]*(?:\.\d+)?\s*%?(?:以上|以下|左右)?[*＊①-⑳]?"
)
NO_VALUE = re.compile(r"[—\-–/…－―]+")  # ― (U+2015) too


def stream_kind(cell: Cell) -> str:
    """ "number", "none" (a dash for no value, a spreadsheet's error such as `#DIV/0!`, or a
    blank line for an empty cell) or "label"."""
    if cell.blank:
        return "none"
    words = fold(cell.clean)
    if _QUALIFIED_NUMBER.fullmatch(words):
        return "number"
    empty = NO_VALUE.fullmatch(words) or SPREADSHEET_ERROR.fullmatch(words)
    return "none" if empty else "label"


def stream_runs(
    lines: Sequence[Line],
    taken: TakenSpans,
    across_blanks: bool = False,
    english: bool = False,
    blank_cells: bool = False,
    closed_cells: bool = False,
) -> list[list[Cell]]:
    """Runs of consecutive short lines, each line one cell; lone `|` lines between them are
    rules, not cells, and with `across_blanks` blank lines (or lines of spaces) are no cells
    either. A short line of letters spaced out (`市    县`, `  甲  镇`) is one cell. With
    `english`, a line of English of any length (a bilingual header's) is one cell too. With
    `blank_cells`, one blank line between two cells is an empty cell (a table copied a cell a
    line, an empty cell an empty line); two end the run.

    A page that closes every cell with a rule of its own (`指 标⏎|⏎2014年⏎|`) writes an empty
    cell as a rule right after a rule (`2013年⏎|⏎|⏎1470`: a row whose label is empty), so
    there a rule after a rule is an empty cell, which keeps the rows the width they are, and
    a cell of words that wrapped (`2007年为⏎上年 %⏎|`) is the lines between two rules, and
    so is a cell broken a piece a line (`2017⏎年⏎12⏎月⏎|`, `项⏎目⏎|`). With
    `closed_cells`, a line of one cell closed by a pipe (`678.9 |`) is that cell then a rule,
    a label's English translation after it left out."""
    runs: list[list[Cell]] = []
    current: list[Cell] = []
    after_rule = False
    wrapping: Cell | None = None  # a cell of words opened right after a rule, not yet closed
    spaced: set[int] = set()  # with `across_blanks`, the cells of `current` a blank line opens
    blank_above = False
    pieces_left = 0  # lines of a cell broken a piece a line, still to join
    for at, line in enumerate(lines):
        if pieces_left:
            pieces_left -= 1
            continue
        if after_rule and (pieces := _pieces_of_one_cell(lines, at)):
            last = lines[at + pieces - 1]
            end = last.start + len(last.text.rstrip())
            words = "\n".join(piece.text.strip() for piece in lines[at : at + pieces])
            current.append(Cell(line.start + _lead(line.text), end, words))
            after_rule, wrapping, pieces_left = False, None, pieces - 1
            continue
        closed = (
            _CLOSED_CELL.fullmatch(line.text) if closed_cells and line.layout == "pipe" else None
        )
        if closed is not None:
            # `678.9 |`: a cell closed by a rule of its own on its line, read as the cell
            # then the rule.
            line = Line(line.start, line.text[: closed.end(1)], None)
        gloss = ENGLISH_AFTER.search(line.text) if closed is not None else None
        if gloss is not None and _TRANSLATION.match(gloss.group()):
            # `R&D 经费支出(亿元) GERD (100 million yuan )`: a label and its translation,
            # the label alone the cell.
            line = Line(line.start, line.text[: gloss.start()], None)
        words = _MANGLED_SPACES.sub("", line.text.strip())
        if across_blanks:
            if not words and line.layout != "rule":
                blank_above = True
            elif line.layout != "rule":
                if blank_above:
                    spaced.add(len(current))
                blank_above = False
        if line.layout == "rule":
            if after_rule and current and line.start not in taken:
                current.append(Cell(line.start, line.start, ""))
            after_rule, wrapping = True, None
            continue
        if wrapping is not None and line.layout is None and _continues(wrapping, words):
            end = line.start + len(line.text.rstrip())
            current[-1] = Cell(wrapping.start, end, f"{wrapping.text}\n{words}")
            wrapping = None
            continue
        opened_after_rule, after_rule, wrapping = after_rule, False, None
        if across_blanks and not words:
            continue
        if blank_cells and not words and current and not current[-1].blank:
            current.append(Cell(line.start, line.start, "", blank=True))
            continue
        longest = len(words) if english and words.isascii() else STREAM_CELL_MAX
        short = (
            (line.layout is None or _is_spaced_label(line))
            and 0 < len(words) <= longest
            and not words.endswith(("。", "；", "，", "："))
            and line.start not in taken
        )
        if short:
            current.extend(split_cells(line.text, line.start, NO_SPLIT))
            if closed is not None:
                after_rule = True
            elif opened_after_rule and stream_kind(current[-1]) == "label":
                wrapping = current[-1]
            continue
        if len(current) > 1:
            runs.append(_wrapped_joined(current, spaced) if across_blanks else current)
        current, spaced = [], set()
    if len(current) > 1:
        runs.append(_wrapped_joined(current, spaced) if across_blanks else current)
    # A blank cell closing a run is the blank line after the table.
    return [run[:-1] if run[-1].blank else run for run in runs]


def _wrapped_joined(run: list[Cell], spaced: set[int]) -> list[Cell]:
    """A run whose cells a blank line parts (a web table copied with a blank line after every
    cell), with a cell of words that wrapped over lines (`12月⏎(亿元)`, `比去年同月⏎增长(%)`)
    one cell again: there, lines of words with no blank line between are one cell's."""
    if len(spaced) < _SPACED_SHARE * (len(run) - 1):
        return run
    joined: list[Cell] = []
    for at, cell in enumerate(run):
        last = joined[-1] if joined else None
        if (
            at not in spaced
            and last is not None
            and stream_kind(last) == "label"
            and _continues(last, cell.clean)
            and _WRAPPED_TAIL.match(fold(cell.clean))
        ):
            joined[-1] = Cell(last.start, cell.end, f"{last.text}\n{cell.text}")
        else:
            joined.append(cell)
    return joined


# The end of a header cell that wrapped: its unit in brackets, or the rate a change is in.
_WRAPPED_TAIL = re.compile(r"[(（]|增[长速幅减]")
_SPACED_SHARE = 0.8  # of a run's cells a blank line opens, for its lines to be cells'


# A translation after a label: a space, then English words (`GERD (100 million yuan )`), not
# a name's letters run on (`细颗粒物PM2.5`).
_TRANSLATION = re.compile(r"\s+[A-Za-z][^\s]*\s|\s+[A-Za-z]{3,}")
# A line of one cell and the pipe closing it (`R&D 经费支出(亿元) |`, `8020655  |`).
_CLOSED_CELL = re.compile(r"\s*([^|｜]*[^|｜\s])\s*[|｜]\s*")
# A line of question marks alone is a page's spaces its encoding lost (`??`): an empty line.
_MANGLED_SPACES = re.compile(r"^[?？]+$")


# A piece of a cell broken at every change between figures and words (`2017`, `年`, `1-12`,
# `月`): a page that sets a date's figures apart, copied a piece a line. A figure among the
# pieces is a date's, so the piece after it names its part (年, 月, 日, 季度).
_PIECE_MAX = 5  # characters of a piece (`同比增长(`)
_PIECES_MAX = 6
_DATE_PART = re.compile(r"[年月日季号]")


def _pieces_of_one_cell(lines: Sequence[Line], at: int) -> int:
    """How many lines from `at` are one cell broken a piece a line between two rules
    (`2017⏎年⏎1-12⏎月⏎|`, `同比增长(⏎%⏎)⏎|`, `项⏎目⏎|`); 0 where they are not."""
    pieces: list[str] = []
    for line in lines[at : at + _PIECES_MAX + 1]:
        if line.layout == "rule":
            break
        words = line.text.strip()
        if line.layout is not None or not words:
            return 0
        pieces.append(words)
    else:
        return 0  # no rule closes them
    if len(pieces) < 3 and not (len(pieces) == 2 and len(pieces[1]) == 1):
        return 0  # a cell wrapped onto one more line is joined as a wrapped label is
    if any(len(piece) > _PIECE_MAX for piece in pieces) or all(len(p) > 1 for p in pieces):
        return 0  # cells of their own (项目⏎本月⏎累计, a row the rules part), not pieces
    kinds = [stream_kind(Cell(0, len(piece), piece)) for piece in pieces]
    for kind, after in zip(kinds, [*pieces[1:], ""], strict=True):
        if kind != "label" and not _DATE_PART.match(after):
            return 0  # a figure of its own: rules part rows, not cells, here
    joined = "".join(pieces)
    if len(joined) > STREAM_CELL_MAX or stream_kind(Cell(0, len(joined), joined)) != "label":
        return 0
    return len(pieces)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _continues(cell: Cell, words: str) -> bool:
    """Whether a short line of words goes on with `cell` rather than being a cell of its own."""
    return (
        bool(words)
        and len(cell.clean) + len(words) <= STREAM_CELL_MAX
        and not CAPTION.match(fold(cell.clean))
        and stream_kind(Cell(0, len(words), words)) == "label"
    )


def _is_spaced_label(line: Line) -> bool:
    """A line of words spaced out to a column's width, with no number: one label."""
    return line.layout == "spaces" and not re.search(r"\d", line.text)
