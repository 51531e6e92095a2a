"""How much of the rules' reading of a table depends on the layout the page happened to use.

Every dev-half excerpt of the wide gold set with four or more whole rows of cells between pipes
has those tables laid out again seven ways, the cells and their order untouched: a tab between
cells; in columns aligned two spaces apart, a `-` for an empty cell inside a row and nothing
after its last, as PDF text sets them; the same a single space apart, as PDF text that lost its
alignment (or a page's cells copied with a space between them) gives them; a cell a line, an
empty cell of a row of figures an empty line, a header's row ending at its last filled cell, as
a web page's table copied as text gives them; the same with each cell closed by a pipe (` |`, an
empty cell a lone `|`), or with a lone pipe on the line between every two cells, as other pages'
copies give them; and each row a paragraph, its filled cells a line each and an empty line after
it, as a page that sets its rows apart gives them (an empty cell leaves no line there, so a row
short of cells no longer says which it lacks). A block of pipe lines is laid out again only
where every line of it is a whole row (a row a page broke over lines, a figure alone between
pipes, no other layout keeps), and half its lines or more are rows of two cells or more (not a
table a cell a line). The rules read each version, and their facts are scored against the
excerpt's gold by value and unit alone (offsets move when the layout does), as multisets. Only
the dev half is read: the test half stays held out.

    python evals/relayout.py

prints, per layout, the excerpts, gold facts, facts found, and precision and recall.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from llmx.documents import Document
from llmx.facts import Fact
from llmx.gold import load_gold
from llmx.lines import BARE_YEAR, FIGURE_CELL, HAS_CJK, display_width
from llmx.rules import RulesExtractor

WIDE_GOLD = Path(__file__).resolve().parent / "wide" / "gold"
LAYOUTS = ("pipe", "tab", "spaces", "one_space", "cells", "piped", "between", "paragraphs")
_PIPE_ROWS_MIN = 4
_SEPARATOR_CELL = re.compile(r":?-{2,}:?")


def _is_pipe_row(line: str) -> bool:
    """A row of cells between pipes, the outer ones maybe left out (`甲 | 1 | 2 |`)."""
    stripped = line.strip()
    return stripped.count("|") >= 2 and (stripped.startswith("|") or stripped.endswith("|"))


def has_pipe_table(text: str) -> bool:
    """Whether `text` holds tables of whole pipe rows to lay out again, four rows or more."""
    lines = text.split("\n")
    blocks = _whole_blocks(lines)
    rows = [line for start, end in blocks for line in lines[start:end] if len(_filled(line)) >= 2]
    return len(rows) >= _PIPE_ROWS_MIN


def _whole_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The runs of lines holding a pipe (index ranges) whose every line is a whole row."""
    blocks: list[tuple[int, int]] = []
    start = 0
    while start < len(lines):
        if "|" not in lines[start]:
            start += 1
            continue
        end = start
        while end < len(lines) and "|" in lines[end]:
            end += 1
        block = lines[start:end]
        # Most rows of one filled cell are a table copied a cell a line with a pipe after
        # each (`|  项 目  |`), no rows of cells to lay out again.
        rows = sum(len(_filled(line)) >= 2 for line in block)
        if all(_is_whole_row(line) for line in block) and 2 * rows >= len(block):
            blocks.append((start, end))
        start = end
    return blocks


def _is_whole_row(line: str) -> bool:
    """A pipe row of two or more filled cells, or of one that is words (a caption's or a
    group's row, `| 单位: 百万澳门元 | ||||`); a figure alone between pipes (`| -4.1 |`) is
    the rest of a row a page broke over lines."""
    filled = _filled(line)
    if not _is_pipe_row(line) or not filled:
        return False
    return (
        len(filled) >= 2
        or re.search(r"\d", filled[0]) is None
        or HAS_CJK.search(filled[0]) is not None
    )


def _filled(line: str) -> list[str]:
    return [cell for cell in line.strip().strip("|").split("|") if cell.strip()]


def relayout(text: str, layout: str) -> str:
    """`text` with each block of whole pipe rows written in `layout` (one of `LAYOUTS`); a
    Markdown separator row is dropped, every other line kept as it is."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}: one of {', '.join(LAYOUTS)}")
    lines = text.split("\n")
    if layout == "pipe":
        return text
    out: list[str] = []
    done = 0
    for start, end in _whole_blocks(lines):
        out += lines[done:start]
        rows = [
            [cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in lines[start:end]
        ]
        table = [
            cells
            for cells in rows
            if not all(_SEPARATOR_CELL.fullmatch(cell) for cell in cells if cell)
        ]
        out += _laid_out(table, layout)
        done = end
    out += lines[done:]
    return "\n".join(out)


def _laid_out(rows: Sequence[list[str]], layout: str) -> list[str]:
    """A table's rows in `layout`: cells a tab apart; aligned in columns two spaces apart, as
    PDF text sets them (a `-` for an empty cell inside a row, nothing after its last), or a
    single space apart; or a cell a line, an empty one an empty line."""
    if layout == "tab":
        return ["\t".join(cells) for cells in rows]
    if layout == "cells":
        # A header's or a caption's row (no figure in it) ends at its last filled cell: the
        # pipes after it pad cells a span took, which a web page's table copied as text does
        # not give. A row of figures keeps its empty cells, an empty line each.
        return [cell for cells in rows for cell in _copied_cells(cells)]
    if layout == "piped":
        # As `cells`, each cell closed by a pipe, an empty one a lone pipe.
        return [f"{cell} |" if cell else "|" for cells in rows for cell in _copied_cells(cells)]
    if layout == "between":
        # As `cells`, a lone pipe on the line between every two cells and before the first.
        return [
            "|",
            *(
                line
                for cells in rows
                for cell in _copied_cells(cells)
                for line in (cell, "|")
                if line
            ),
        ]
    if layout == "paragraphs":
        # Each row a paragraph of its filled cells, a cell a line, an empty line after it.
        return [line for cells in rows for line in [*filter(None, cells), ""]]
    filled = [[cell or "-" for cell in _without_trailing_blanks(cells)] for cells in rows]
    if layout == "one_space":
        return [" ".join(cells) for cells in filled]
    widths: dict[int, int] = {}
    for cells in filled:
        if len(cells) > 1:  # a caption or a note in a row of its own sets no column's width
            for at, cell in enumerate(cells):
                widths[at] = max(widths.get(at, 0), display_width(cell))
    return [
        "  ".join(
            cell + " " * (widths.get(at, 0) - display_width(cell)) for at, cell in enumerate(cells)
        ).rstrip()
        for cells in filled
    ]


def _copied_cells(cells: list[str]) -> list[str]:
    """A row's cells as copied a cell a line: a row without figures (years alone are a
    header's) up to its last filled cell, a row of figures whole."""
    if any(FIGURE_CELL.fullmatch(cell) and not BARE_YEAR.fullmatch(cell) for cell in cells):
        return cells
    return _without_trailing_blanks(cells)


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _values(facts: Iterable[Fact]) -> Counter[tuple[float, str]]:
    # Nine significant digits: 565.7 亿 is 56570000000.00001 one way and 56570000000.0 the
    # other, one value as the scorer's relative tolerance sees it.
    return Counter((float(f"{fact.value:.9g}"), fact.unit) for fact in facts)


def scores(gold: Sequence[Fact], found: Sequence[Fact]) -> tuple[int, int, int]:
    """Gold facts, facts found, and how many agree on value and unit, as multisets."""
    matched = sum((_values(gold) & _values(found)).values())
    return len(gold), len(found), matched


def main() -> None:
    gold = load_gold(WIDE_GOLD).half("dev")
    by_doc: dict[str, list[Fact]] = {}
    for fact in gold.facts:
        by_doc.setdefault(fact.doc, []).append(fact)
    tabled = [doc for doc in gold.documents.values() if has_pipe_table(doc.text)]
    print(f"{len(tabled)} dev excerpts with a pipe table")
    print("layout      gold  found  matched  precision  recall")
    for layout in LAYOUTS:
        documents = [Document(doc.id, relayout(doc.text, layout)) for doc in tabled]
        found: dict[str, list[Fact]] = {}
        for fact in RulesExtractor().extract(documents).facts:
            found.setdefault(fact.doc, []).append(fact)
        totals = [0, 0, 0]
        for doc in tabled:
            counts = scores(by_doc.get(doc.id, []), found.get(doc.id, []))
            totals = [total + count for total, count in zip(totals, counts, strict=True)]
        labelled, predicted, matched = totals
        print(
            f"{layout:10} {labelled:5} {predicted:6} {matched:8}"
            f"  {matched / max(predicted, 1):9.3f}  {matched / max(labelled, 1):6.3f}"
        )


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # `python evals/relayout.py | head` closed the pipe: stop quietly, as a filter does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
