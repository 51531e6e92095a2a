"""Two-digit years of the Republic of China calendar (`98年底`, `民國88年`) as common-era years.

Taiwan's reports before 2011 write their years in two digits (`99年底臺北市常住人口…`, `較98年底
…增加`). `arabic_years` rewrites years in place, one character for one, which `98年` (three
characters) cannot take as `2009年` (five). Here a text read by that calendar is widened: each
such year is written whole, and `Widened` says where every position of the narrow text went,
so that a figure found in the narrow text is read for its year and status in the wide one.
Pure functions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from llmx.rules.context import Boundaries

_ERA = 1911

# 98年, 88年底: a two-digit year of the calendar (1991–2010), not a decade (80年代), a grade
# (9年級) or a span (80年来, 99年間); a figure's digits before it (10.98年, 1,98年) are no year.
_SHORT_YEAR = re.compile(r"(?<![\d.])(?<!\d,)([89]\d)(?=年(?![代级来间前后内]))")

# What says a text is Taiwan's, dated by its calendar: the era's name, a three-digit year of
# it (108年), its central offices, or a county or city of its own.
_TAIWAN_MARKS = re.compile(
    r"民国|(?<![\d.,])1[0-4]\d年(?!代)|行政院|立法院|主计处|主计总处|内政部|"
    r"(?:台|臺)(?:湾|灣)|(?:台|臺)北|新北|桃园|(?:台|臺)中|(?:台|臺)南|高雄|新竹|苗栗|彰化|"
    r"南投|云林|嘉义|屏东|宜兰|花莲|(?:台|臺)东|澎湖|金门|连江"
)
# Marks needed, each of its own: a mainland report may name Taiwan, and write 98年 for 1998.
_MARKS_MIN = 2
_COMMON_ERA_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}年")


@dataclass(frozen=True)
class Widened:
    """A text with its two-digit calendar years written as common-era ones, and where the
    narrow text's positions went: every year rewritten adds two characters after it."""

    text: str
    bounds: Boundaries
    ends: tuple[int, ...]  # where each rewritten year ended in the narrow text, in order

    def position(self, narrow: int) -> int:
        return narrow + 2 * bisect_right(self.ends, narrow)


def widened(dated: str) -> Widened | None:
    """`dated` (folded, with its years in digits) with its two-digit years of the Republic of
    China calendar written as common-era years, where the text is Taiwan's; None where it is
    not, or names no such year."""
    if len(set(_TAIWAN_MARKS.findall(dated))) < _MARKS_MIN:
        return None
    years = list(_SHORT_YEAR.finditer(dated))
    if not years or len(years) < len(_COMMON_ERA_YEAR.findall(dated)):
        return None  # a text by the common era, quoting a year in two digits (98年抗洪)
    pieces: list[str] = []
    at = 0
    for year in years:
        pieces += [dated[at : year.start()], str(int(year.group(1)) + _ERA)]
        at = year.end()
    pieces.append(dated[at:])
    text = "".join(pieces)
    return Widened(text, Boundaries.of(text), tuple(year.end() for year in years))
