"""Finding performance self-evaluation forms (项目支出绩效自评表) whose cells ran together,
separated by spaces only: the national form every budget unit fills in for each project.

    项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 40 40 38.5 10
    96.3 9.6 其中:本年财政拨款 40 40 38.5 上年结转资金 其他资金 年度总体目标 … 一级指标 二级指标
    三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标
    培训人次 ≥300人次 320 10 10 质量指标 培训合格率 ≥95% 97 10 10 …

The form's words are fixed, so they lay it out: the funds part is its header (年初预算数 …
得分) then rows of a fund's name and up to six figures, filled from the left; the indicators
part is its header (一级指标 … 得分) then rows of an indicator's name, its target (≥300人次,
or words), what was achieved, the points it is worth and the points it scored, each maybe
after the first- and second-level group it opens (产出指标(50分), 数量指标). A row ends at
its two points: the last two of a run of two or three figures (the achieved value is the
first of three); its achieved value, target and name are the cells before them. Cells are
runs of characters between spaces, so the same form written one cell per line reads alike.
This module finds where the parts are, as spans of the text; `llmx.tables` turns them into
tables. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.folding import fold
from llmx.lines import Span

_FUNDS_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_INDICATORS_HEADER = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
)
_DEVIATION = re.compile(r"偏差原因")
_CELL = re.compile(r"\S+")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")
# A fund's row: the total, the budget's appropriation, carried-over and other funds.
_FUND = re.compile(r"资金|拨款|总额")
_MONEY_UNIT = re.compile(r"[(（]\s*(万元|元|亿元)\s*[)）]")
# A first-level group with its points: 产出指标(50分).
_GROUP_POINTS = re.compile(r"^(?P<name>.+?指标)\s*[(（](?P<points>\d+(?:\.\d+)?分)[)）]$")
_SECOND_LEVEL = re.compile(r"^.{1,8}指标$")
# A target's unit after its figure and comparison: ≥300人次, ≤90万元, 100%.
_TARGET = re.compile(r"^(?:[≥≤><=＞＜]=?)?[-+]?\d[\d,]*(?:\.\d+)?(?P<unit>[^\d\s]+)$")
_FIGURES_MAX = 3  # the achieved value and the two points
_TOTAL = re.compile(r"^(?:总分|合计|总计)$")


@dataclass(frozen=True)
class FundRow:
    label: Span  # the fund's name, without `其中:` or a colon
    figures: tuple[
        Span, ...
    ]  # from the left: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分


@dataclass(frozen=True)
class IndicatorRow:
    name: Span
    target: Span  # its figure (≥300 of ≥300人次), or its words (效果明显)
    achieved: Span
    points: Span  # 分值, what the indicator is worth
    scored: Span  # 得分
    # The unit the target writes after its figure (人次), which the achieved figure takes
    # too; a unit the vocabulary may not know (百分比) is read as written.
    unit: Span | None


@dataclass(frozen=True)
class GroupPoints:
    """A first-level group and the points it is worth: 产出指标(50分)."""

    name: Span
    points: Span


@dataclass(frozen=True)
class Scorecard:
    start: int
    end: int
    title: str  # the form's name and year: 项目支出绩效自评表 (2022年度)
    money: str  # the unit the funds are in: 万元
    funds_header: tuple[Span, ...]  # one per figure column, as written
    funds: tuple[FundRow, ...]
    indicators_start: int
    indicators_header: tuple[Span, ...]  # 年度指标值, 实际完成值, 分值, 得分
    groups: tuple[GroupPoints, ...]
    indicators: tuple[IndicatorRow, ...]


def find_scorecards(text: str) -> list[Scorecard]:
    """Every self-evaluation form in `text` whose indicators' header is written out."""
    cells = [(m.start(), m.end()) for m in _CELL.finditer(text)]
    words = [fold(text[start:end]) for start, end in cells]
    cards: list[Scorecard] = []
    for index in _header_at(words, _INDICATORS_HEADER):
        card = _scorecard(text, cells, words, index)
        if card is not None and (not cards or card.start >= cards[-1].end):
            cards.append(card)
    return cards


def _header_at(words: Sequence[str], header: Sequence[str], start: int = 0) -> list[int]:
    """Where `header`'s words stand one after another in `words`, from `start` on."""
    return [
        index
        for index in range(start, len(words) - len(header) + 1)
        if words[index] == header[0] and tuple(words[index : index + len(header)]) == tuple(header)
    ]


def _scorecard(
    text: str, cells: Sequence[Span], words: Sequence[str], header: int
) -> Scorecard | None:
    first = header + len(_INDICATORS_HEADER)
    if first < len(words) and _DEVIATION.match(words[first]):
        first += 1
    groups, indicators, end = _indicators(text, cells, words, first)
    if not indicators:
        return None
    before = [i for i in _header_at(words, _FUNDS_HEADER) if i < header]
    funds: tuple[FundRow, ...] = ()
    funds_header: tuple[Span, ...] = ()
    money = "万元"
    start = cells[header][0]
    if before:
        at = before[-1]
        funds_header = tuple(cells[at : at + len(_FUNDS_HEADER)])
        funds = _funds(cells, words, at + len(_FUNDS_HEADER), header)
        unit = _MONEY_UNIT.search(" ".join(words[max(0, at - 3) : at]))
        money = unit.group(1) if unit else money
        start = cells[at][0]
    title = _title(text, start)
    return Scorecard(
        start,
        end,
        title,
        money,
        funds_header,
        funds,
        cells[header][0],
        tuple(cells[header + 3 : header + len(_INDICATORS_HEADER)]),
        tuple(groups),
        tuple(indicators),
    )


def _funds(
    cells: Sequence[Span], words: Sequence[str], first: int, last: int
) -> tuple[FundRow, ...]:
    """The funds' rows after their header: a fund's name, then up to six figures."""
    rows: list[FundRow] = []
    index = first
    while index < last and _FUND.search(words[index]) and not _NUMBER.fullmatch(words[index]):
        label = _fund_label(cells[index], words[index])
        index += 1
        figures: list[Span] = []
        while index < last and _NUMBER.fullmatch(words[index]) and len(figures) < 6:
            figures.append(cells[index])
            index += 1
        if figures:
            rows.append(FundRow(label, tuple(figures)))
    return tuple(rows)


def _fund_label(cell: Span, words: str) -> Span:
    """A fund's name less `其中:` before it and a colon after it."""
    lead = re.match(r"^其中[:：]?", words)
    start = cell[0] + (lead.end() if lead else 0)
    end = cell[1] - (1 if words.endswith((":", "：")) else 0)
    return (start, end)


def _indicators(
    text: str, cells: Sequence[Span], words: Sequence[str], first: int
) -> tuple[list[GroupPoints], list[IndicatorRow], int]:
    """The indicators' rows from `first` on, the groups' points, and where the rows end."""
    groups: list[GroupPoints] = []
    rows: list[IndicatorRow] = []
    index, floor, end = first, first, cells[first - 1][1]
    while index < len(words):
        run = 0
        while index + run < len(words) and _NUMBER.fullmatch(words[index + run]):
            run += 1
        if run < 2:
            index += max(run, 1)
            continue
        if run > _FIGURES_MAX:
            break
        achieved = index if run == _FIGURES_MAX else index - 1
        name = achieved - 2
        if name < floor or _TOTAL.match(words[index - 1]):
            break  # the form's total (总分 100 95) ends its indicators
        for between in range(floor, name):
            group = _GROUP_POINTS.match(words[between])
            if group:
                start = cells[between][0]
                groups.append(
                    GroupPoints(
                        (start + group.start("name"), start + group.end("name")),
                        (start + group.start("points"), start + group.end("points")),
                    )
                )
        target = cells[name + 1]
        unit = _TARGET.match(words[name + 1])
        cut = target[0] + unit.start("unit") if unit else target[1]
        rows.append(
            IndicatorRow(
                cells[name],
                (target[0], cut),
                cells[achieved],
                cells[index + run - 2],
                cells[index + run - 1],
                (cut, target[1]) if unit else None,
            )
        )
        index += run
        floor, end = index, cells[index - 1][1]
    return groups, rows, end


def _title(text: str, position: int) -> str:
    """The form's name and year, written before it: 项目支出绩效自评表 (2022年度)."""
    window = text[max(0, position - 400) : position]
    found = list(re.finditer(r"[^\s:：]*绩效自评表\s*[(（][^()（）]{0,12}[)）]", window))
    return found[-1].group(0) if found else ""
