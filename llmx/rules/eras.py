"""Years a text names other than as common-era years: those of the Republic of China calendar
in a Taiwan text's body (`98年底`, `108年`), and the end of a five-year plan (`“十一五”末`, 2010).

Taiwan's reports write their years by that calendar (`99年底臺北市常住人口…`, `較98年底…增加`).
`arabic_years` rewrites years in place, one character for one, which `98年` (three characters)
cannot take as `2009年` (five). A plan's figures for its last year are dated by the plan's name
(`十二五末`, `到“十三五”期末`), which says 2015 and 2020 in four to seven characters. Here such
a text is widened: each such year is written whole, and `Widened` says where every position of
the narrow text went, so that a figure found in the narrow text is read for its year and
status in the wide one. Pure functions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from llmx.rules.context import Boundaries, common_era_year

# 98年, 88年底, 108年: a year of the calendar (1991–2060), not a decade (80年代), a grade
# (9年級), a span or an age (80年来, 99年間, 90年历史, 100年以上); a figure's digits before it
# (10.98年, 1,98年) are no year.
_ROC_YEAR = re.compile(r"(?<![\d.])(?<!\d,)(1[0-4]\d|[89]\d)(?=年(?![代级来间前后内历以]))")

# What says a text is Taiwan's: the era's name, the island's, a three-digit year's end or
# months (108年底; not 建党100年), its central offices, or a county or city of its own by its
# full name (新北区 is Changzhou's, 连江县 and 金门 are Fujian's names too, and 平台中 holds
# no 台中).
_TAIWAN_MARKS = re.compile(
    r"民国|行政院|立法院|主计处|主计总处|内政部|台湾|"
    r"(?<![\d.])1[0-4]\d年(?:底|末|度|[上下]半年|1?\d月)|"
    r"(?:台北|新北|桃园|台中|台南|高雄|新竹|嘉义)[市县]|"
    r"(?:苗栗|彰化|南投|云林|屏东|宜兰|花莲|台东|澎湖)县"
)
# Marks needed, each of its own: a mainland report may name Taiwan's places, and write 98年
# for 1998.
_MARKS_MIN = 2
_COMMON_ERA_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}年")


@dataclass(frozen=True)
class Widened:
    """A text with its years written as common-era ones, and where the narrow text's
    positions went: each rewrite moves every position after it by the difference in length
    (98年 as 2009年 adds two; “九五”计划末期 as 2000年末 takes two away)."""

    text: str
    bounds: Boundaries
    ends: tuple[int, ...]  # where each rewritten span ended in the narrow text, in order
    shifts: tuple[int, ...]  # how far positions from each of those ends on have moved

    def position(self, narrow: int) -> int:
        rewritten = bisect_right(self.ends, narrow)
        return narrow + (self.shifts[rewritten - 1] if rewritten else 0)


def widened(dated: str) -> Widened | None:
    """`dated` (folded, with its years in digits) with its years of the Republic of China
    calendar written as common-era years where the text is Taiwan's, and the ends of five-year
    plans as the years they end (`“十一五”末` as `2010年末`); None where it names no such
    year."""
    rewrites = sorted([*_taiwan_years(dated), *_plan_ends(dated)])
    if not rewrites:
        return None
    pieces: list[str] = []
    shifts: list[int] = []
    at = shift = 0
    for start, end, written in rewrites:
        pieces += [dated[at:start], written]
        shift += len(written) - (end - start)
        shifts.append(shift)
        at = end
    pieces.append(dated[at:])
    text = "".join(pieces)
    ends = tuple(end for _, end, _ in rewrites)
    return Widened(text, Boundaries.of(text), ends, tuple(shifts))


# A span of `dated` and the common-era words to write there.
_Rewrite = tuple[int, int, str]


def _taiwan_years(dated: str) -> list[_Rewrite]:
    """The Republic of China calendar's years, where the text is Taiwan's."""
    if len(set(_TAIWAN_MARKS.findall(dated))) < _MARKS_MIN:
        return []
    years = list(_ROC_YEAR.finditer(dated))
    if len(years) < len(_COMMON_ERA_YEAR.findall(dated)):
        return []  # a text by the common era, quoting a year in two digits (98年抗洪)
    # a fiscal year to 89年度 is the year it began (87年度 is 1997)
    return [
        (
            year.start(1),
            year.end(1),
            str(common_era_year(int(year.group(1)), fiscal=dated.startswith("年度", year.end()))),
        )
        for year in years
    ]


# The end of a five-year plan: “十一五”末, 十二五期末, “九五”计划末期, 「十一五」末; not 二十五 (a
# number) nor 十五末位 (the last places of fifteen).
_PLAN_END = re.compile(
    r"(?<![一二三四五六七八九十\d])[“\"「]?(十[一二三四五]|[六七八九十])五[”\"」]?(?:规划|计划)?"
    r"(?:期末|末期|末)(?!位)"
)
# The plans' numbers and the years they end: the sixth (六五) ended in 1985, one every five.
_PLAN_NUMBERS = ("六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五")
_SIXTH_PLAN_ENDS = 1985


def _plan_ends(dated: str) -> list[_Rewrite]:
    """The ends of five-year plans, each as the year-end it is."""
    return [
        (end.start(), end.end(), f"{_SIXTH_PLAN_ENDS + 5 * _PLAN_NUMBERS.index(end.group(1))}年末")
        for end in _PLAN_END.finditer(dated)
    ]
