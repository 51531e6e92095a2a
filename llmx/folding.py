"""Folding text for matching: traditional to simplified, full-width to half-width.

Folding keeps one character for one character, so an index into the folded text is an
index into the original: matchers work on folded text and report spans of the source.
"""

from __future__ import annotations

from opencc import OpenCC

_T2S = OpenCC("t2s")
# Colon-like and comparison marks the reports use interchangeably.
_EXTRA = {
    "∶": ":",
    "︰": ":",
    "\u3000": " ",
    "－": "-",
    "–": "-",
    "＜": "<",
    "＞": ">",
    "℅": "%",  # a percent some pages write with the care-of sign (增长15℅)
}


class _FoldTable(dict[int, str]):
    """A `str.translate` table that works out each character's folding once, on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _EXTRA:
            folded = _EXTRA[char]
        elif 0xFF01 <= code <= 0xFF5E:
            folded = chr(code - 0xFEE0)
        else:
            simplified: str = _T2S.convert(char)
            folded = simplified if len(simplified) == 1 else char
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Same length as `text`, with each character folded on its own."""
    return text.translate(_TABLE)
