"""Folding text for matching: traditional to simplified, full-width to half-width.

Folding keeps one character for one character, so an index into the folded text is an
index into the original: matchers work on folded text and report spans of the source.
"""

from __future__ import annotations

import re

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
    "﹪": "%",  # and with the small percent sign (單位:戶、頭(隻)、﹪)
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


_CHINESE_YEAR = re.compile(r"[〇零○一二三四五六七八九0-9]{4}(?=年)")
# 二零二六/二七年度, 2015/2016年度, and Hong Kong's older 二零零九至一零年度 (2017至2020年 is a
# span of years, not one fiscal year).
_FISCAL_YEAR = re.compile(
    r"([〇零○一二三四五六七八九0-9]{4})"
    r"(?:[/／](?:[〇零○一二三四五六七八九0-9]{2})?|至)[〇零○一二三四五六七八九0-9]{2}年"
)
# Each digit a year may be written with in numerals, as its Arabic digit (二〇〇七 → 2007).
NUMERAL_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def digit_years(folded: str) -> str:
    """Folded text with its years in Chinese numerals as digits (二〇〇七年 as 2007年), one
    character for one. A fiscal year over two calendar years (2026/27年度, 二零零九至一零年度)
    is its first: "2026/27年" (8 characters) becomes "2026年" and three spaces."""

    def digits(match: re.Match[str]) -> str:
        written = match.group().translate(NUMERAL_DIGITS)
        return written if written[:2] in ("19", "20") else match.group()

    dated = _FISCAL_YEAR.sub(lambda m: f"{m[1]}年".ljust(len(m[0])), folded)
    return _CHINESE_YEAR.sub(digits, dated)
