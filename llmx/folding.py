"""Folding text for matching: traditional to simplified, full-width to half-width.

Folding keeps one character for one character, so an index into the folded text is an
index into the original: matchers work on folded text and report spans of the source.
"""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC

_T2S = OpenCC("t2s")
# Colon-like and comparison marks the reports use interchangeably.
_EXTRA = str.maketrans(
    {"∶": ":", "\u3000": " ", "—": "—", "－": "-", "–": "-", "＜": "<", "＞": ">"}
)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    simplified: str = _T2S.convert(char)
    return simplified if len(simplified) == 1 else char


def fold(text: str) -> str:
    """Same length as `text`, with each character folded on its own."""
    return "".join(_fold_char(char) for char in text.translate(_EXTRA))
