"""A bilingual yearbook's English: a cell of English right after a cell of Chinese
(`从业人员人数 (万人)`, then `Number of Employed Persons (10000 persons)`) translates it, and is
no cell of the table's rows or header. The readings of cells one a line read their runs
without such cells. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from llmx.lines import HAS_CJK

# English words, maybe with figures in brackets (`Item`, `Urban Employed Persons`), or all
# in brackets as a unit line's (`(100 million yuan)` under `单位: 亿元`); a word of four
# letters or more, so no unit (`mm`, `kWh`) is taken for one.
_ENGLISH_CELL = re.compile(
    r"(?=.*[A-Za-z]{4})(?:[A-Za-z][A-Za-z0-9 ,.'&/()\-]*|\([A-Za-z0-9 ,.'&/\-]*\))"
)

_Cell = TypeVar("_Cell")


def is_english_cell(words: str) -> bool:
    return _ENGLISH_CELL.fullmatch(words) is not None


def without_translations(
    cells: Sequence[_Cell], words: Callable[[_Cell], str], is_english: Callable[[_Cell], bool]
) -> list[_Cell]:
    """`cells` (one a line, in reading order) less each cell of English that comes right
    after a cell with Chinese in it. Each reading says which of its cells are English: the
    piped reading by its own kinds of cell, the others by `is_english_cell`."""
    return [
        cell
        for at, cell in enumerate(cells)
        if not (at and is_english(cell) and HAS_CJK.search(words(cells[at - 1])) is not None)
    ]
