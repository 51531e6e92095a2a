"""Serial-number columns (`序号`, then 1, 2, 3, … before each row's label): no figures and no
row labels, so the table readers, which read a row as a label then its figures, read the
cells without them. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

_SERIAL_NAME = re.compile(r"序\s*号|编\s*号|序\s*號|編\s*號|(?:录入|指标)?代\s*码")
# A rank heading the first column (`GDP排行`, `排名`): ranks are no facts, and counted 1, 2, …
# before each label they are read as a serial column is.
_RANK_NAME = re.compile(r"(?:排\s*[名行]|名\s*次|位\s*次)$")
_SERIALS_MIN = 2  # a count that ran at least this far is a column of serials, not a figure

_Cell = TypeVar("_Cell")


def is_serial_name(words: str) -> bool:
    """Whether a header cell heads a serial column (`序号`, `录入代码`)."""
    return _SERIAL_NAME.fullmatch(words.strip()) is not None


def without_serials(
    cells: Sequence[_Cell], words: Callable[[_Cell], str], is_label: Callable[[_Cell], bool]
) -> list[_Cell]:
    """`cells` (one a line, in reading order) less every serial column's header and numbers:
    after a header cell `序号` (or a rank's, `GDP排行`, as the first cell), each cell that is
    the next number of the count (1, 2, …) and comes right before a label. A header seen
    again (a second table) starts a new count. Cells where no count runs past `_SERIALS_MIN`
    come back as they were."""
    kept: list[_Cell] = []
    serial, dropped = 0, 0
    for index, cell in enumerate(cells):
        text = words(cell).strip()
        if _SERIAL_NAME.fullmatch(text) or (index == 0 and _RANK_NAME.search(text)):
            serial = 1
            continue
        following = cells[index + 1] if index + 1 < len(cells) else None
        if serial and text == str(serial) and following is not None and is_label(following):
            serial += 1
            dropped = max(dropped, serial - 1)
            continue
        kept.append(cell)
    return kept if dropped >= _SERIALS_MIN else list(cells)
