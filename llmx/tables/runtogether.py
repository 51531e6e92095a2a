"""Finding numbered target tables whose cells ran together with nothing between them: a PDF
page's table of indicators, each row a number, the indicator's name, its unit, its target
after a comparison, and the body that reports it.

    指标名称计量单位2035 年目标值责任单位一、产业发展1 规上工业增加值占GDP 比重% ≥ 38市统计局
    2 每万人高价值发明专利拥有量件≥ 12市市场监管局3 公共服务水平每千人口托位数个≥4.5市卫健委
    每千人口养老床位数张≥ 45市民政局4 城镇登记失业率/城镇调查失业率% <3.5/<5 市人社局 …

The header's words (指标名称, 计量单位, the target's year, 目标值) open the table; rows are
cut at their numbers, 1, 2, 3… in turn, and a row may hold several indicators (a group's
items, the second after the first's body), each ending at a target: a unit the vocabulary
knows, then a comparison and a figure (`件≥ 12`, `% <3.5/<5` for two names joined by a
slash). An indicator's name is the words from its row's start, or from the end of the
indicator before it less the body that reports that one (市民政局), up to its unit. A row
whose target is words (翻一番) gives none. This module finds where the rows are, as spans
of the text; `llmx.tables` turns them into a table. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.lines import Span
from llmx.vocabulary import UNITS, alternation

_HEADER = re.compile(
    r"指\s*标\s*名\s*称\s*(?:计\s*量\s*)?单\s*位\s*(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?"
    r"目\s*标\s*值?"
)
_ROWS_MIN = 3
_ROW_MAX = 400  # characters from one row's number to the next one's
# Any unit the vocabulary knows, those only a unit column writes (人年) too.
_UNIT = alternation(unit.name for unit in UNITS)
# A target: a unit, then one comparison and figure or several joined by slashes.
_TARGET = re.compile(
    rf"(?P<unit>{_UNIT.pattern})\s*"
    r"(?P<figures>[≥≤<>=＞＜＝]\s*\d+(?:\.\d+)?(?:\s*/\s*[≥≤<>=＞＜＝]?\s*\d+(?:\.\d+)?)*)"
)
_FIGURE = re.compile(r"[≥≤<>=＞＜＝]?\s*\d+(?:\.\d+)?")
# The body that reports an indicator, written after its target: 省统计局, 市人社局 /统计局.
_BODY = re.compile(
    r"\s*[\u4e00-\u9fff]{1,8}?(?:局|厅|委|办|总队|中心)(?:\s*/\s*[\u4e00-\u9fff]{1,8}?(?:局|厅|委|办))?"
)
# A group heading between rows: 二、创新驱动.
_HEADING = re.compile(r"[一二三四五六七八九十]+、[\u4e00-\u9fff]{1,10}$")
_NAME_MAX = 40


@dataclass(frozen=True)
class TargetRow:
    number: Span | None  # the row's number, before its first indicator only
    name: Span
    unit: Span
    target: Span  # a comparison and a figure: ≥ 38


@dataclass(frozen=True)
class TargetList:
    start: int
    end: int
    header: Span
    year: str | None  # the year the targets are for
    rows: tuple[TargetRow, ...]


def find_target_lists(text: str) -> list[TargetList]:
    """Every run-together target table of `text`: a header, then three or more numbered rows."""
    lists: list[TargetList] = []
    for header in _HEADER.finditer(text):
        if lists and header.start() < lists[-1].end:
            continue
        found = _target_list(text, header)
        if found is not None:
            lists.append(found)
    return lists


def _target_list(text: str, header: re.Match[str]) -> TargetList | None:
    numbers = _row_numbers(text, header.end())
    if len(numbers) < _ROWS_MIN:
        return None
    rows: list[TargetRow] = []
    for index, (number, body_start) in enumerate(numbers):
        end = numbers[index + 1][0] if index + 1 < len(numbers) else _last_row_end(text, body_start)
        rows += _row_targets(text, (number, body_start), end)
    if not rows:
        return None
    return TargetList(
        header.start(), rows[-1].target[1], header.span(), header.group("year"), tuple(rows)
    )


def _row_numbers(text: str, position: int) -> list[tuple[int, int]]:
    """Where each row's number stands and where its words start: 1, 2, 3… in turn, each a
    number of its own (not part of 2010), or the end of a run of digits after a comparison
    that wrote the figure and the next row's number together (`≥9818 城镇…`: 98, then 18)."""
    numbers: list[tuple[int, int]] = []
    expected = 1
    while True:
        window = text[position : position + _ROW_MAX]
        candidates = [
            (start, match.end(), split)
            for match in re.finditer(r"(?<![\d.])\d+(?![\d.])\s*", window)
            if (serial := _serial_start(window, match, expected)) is not None
            and re.match(r"[\u4e00-\u9fffA-Za-z]", window[match.end() : match.end() + 1])
            for start, split in [serial]
        ]
        # A number of its own before one cut from a figure's end (≥ 55省农委5: the 5 after
        # 省农委, not the one ending 55).
        found = min(candidates, key=lambda c: (c[2], c[0]), default=None)
        if found is None or "\n" in window[: found[0]]:
            return numbers
        numbers.append((position + found[0], position + found[1]))
        position += found[1]
        expected += 1


def _serial_start(window: str, match: re.Match[str], expected: int) -> tuple[int, bool] | None:
    """Where `expected` starts in a run of digits, and whether it was cut from a figure: the
    whole run, or after a comparison the run's end, the figure before it."""
    digits = match.group(0).strip()
    serial = str(expected)
    after_comparison = re.search(r"[≥≤<>=＞＜＝/]\s*$", window[: match.start()])
    if not after_comparison and digits == serial:
        return match.start(), False
    if after_comparison and len(digits) > len(serial) and digits.endswith(serial):
        return match.start() + len(digits) - len(serial), True
    return None


def _last_row_end(text: str, start: int) -> int:
    line_end = text.find("\n", start)
    return min(line_end if line_end >= 0 else len(text), start + _ROW_MAX)


def _row_targets(text: str, number: Span, end: int) -> list[TargetRow]:
    """The indicators of one row (its number's span, then its words up to `end`): each a
    name, a unit and a target."""
    rows: list[TargetRow] = []
    start = floor = number[1]
    for target in _TARGET.finditer(text, start, end):
        name_start = floor
        if rows:  # past the body that reports the indicator before
            body = _BODY.match(text, floor, target.start("unit"))
            name_start = body.end() if body else floor
        words = text[name_start : target.start("unit")]
        name_start += len(words) - len(words.lstrip())
        name_end = name_start + len(words.strip())
        if not 0 < name_end - name_start <= _NAME_MAX or _HEADING.search(words.strip()):
            floor = target.end()
            continue
        unit = target.span("unit")
        figures = list(_FIGURE.finditer(text, target.start("figures"), target.end("figures")))
        names = _slashed(text, name_start, name_end, len(figures))
        for (first, last), figure in zip(names, figures, strict=True):
            numbered = (
                (number[0], number[0] + len(text[slice(*number)].rstrip())) if not rows else None
            )
            rows.append(TargetRow(numbered, (first, last), unit, figure.span()))
        floor = target.end()
    return rows


def _slashed(text: str, start: int, end: int, count: int) -> list[Span]:
    """A name per figure: `城镇登记失业率/城镇调查失业率` with two figures is two names; one
    name with several figures stays one name each time."""
    if count == 1:
        return [(start, end)]
    parts = text[start:end].split("/")
    if len(parts) != count:
        return [(start, end)] * count
    spans: list[Span] = []
    position = start
    for part in parts:
        spans.append((position, position + len(part)))
        position += len(part) + 1
    return spans
