"""What a document says about itself that every fact needs, computed once per document.

Its years: the year its results are for (`report`), the year its targets are for (`plan`)
and the year it was written (`written`, which 今年 and 去年 are relative to), read from its
title, its date line or, failing both, its content. And where its sentences, clauses and
lines start, so that the words before any number are found by bisection, not by scanning
back through the document for every number (linear time in the document's length).
Pure functions.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from llmx.folding import NUMERAL_DIGITS, digit_years, fold
from llmx.glosses import unglossed
from llmx.sections import Section
from llmx.vocabulary import STATUS_CUES, Scope, cue_pattern, cue_words

_YEAR = r"((?:19|20)\d{2})[^\S\n]*年"  # 1962⏎年末总户数: a figure, then a row label
_HEAD_LINES = 8
_HEAD_CHARS = 600
# A line of prose: a sentence's end, or a clause's after more words than a title has.
_SENTENCE = re.compile(r"[。！？]|^.{40,}[，,；;：:]")
# Title words saying the year before them is the year of the results, or of the plan (绘制
# 2014年经济社会发展蓝图: a story on that year's plan; not 绘就新蓝图, a story on results).
_RESULTS_TITLE = re.compile(
    _YEAR + r"(?:度)?[^。；\d]{0,30}?(?:执行情况|统计公报|决算|完成情况|工作总结|统计数据|经济运行"
    r"|工作回顾"  # 2008年工作回顾: a work report's review of the year before
    # 利州区2009年国民经济和社会发展⏎: a bulletin's title its page cut before 统计公报.
    r"|国民经济和社会发展(?=\n|$))"
)
# 二零二六/二七年度财政预算: a budget's title alone names the year it plans for.
# A clause's comma is no title's (2001年是新世纪的第一年,也是“十五”计划的起始之年).
# 财政司司长财政预算案演辞(十六): a budget speech's part, its year not named.
_BUDGET_SPEECH_TITLE = re.compile(r"预算案演[辞词]")
_PLAN_TITLE = re.compile(
    _YEAR
    + r"(?:度)?[^。；，,\d]{0,30}?(?:计划草案|预算草案|草案|计划(?!执行)|(?<!新)蓝图|财政预算$)",
    re.MULTILINE,
)
# 共青团宣城市委2020年“三公”经费预算, 第二部分 2023年部门预算情况说明: a department's budget.
# 2017三公经费预算: a budget's title may drop the 年 after its year.
_DEPARTMENT_BUDGET_TITLE = re.compile(
    r"((?:19|20)\d{2})(?:[^\S\n]*年度?|(?=[\u4e00-\u9fff“\"]))"
    r"[^。；，,\d\n]{0,20}?(?:部门预算|经费(?:支出)?预算|总预算(?:案|(?=审)))(?!执行|调整)"
)
# 2014年,全国社会保险基金预算按险种分别编制: a page that opens on a year's budget being drawn
# up is that budget.
_BUDGET_DRAWN_UP = re.compile(
    r"((?:19|20)\d{2})[^\S\n]*年度?[,，]?[^。；，,\d\n]{0,24}?预算[^。；，,\d\n]{0,12}?编制"
)
# What a year compared with follows (比2021年决算, 较2019年预算): it dates nothing of a title's
# or a heading's own.
_BASE_MARKS = ("比", "较")


def follows_a_base_mark(text: str, at: int) -> bool:
    """Whether the year at `at` follows 比 or 较: a base compared with, no year of its own."""
    return text[max(0, at - 1) : at] in _BASE_MARKS


_ROC_BUDGET_TITLE = re.compile(r"(?<![\d.,])(1[0-4]\d)年度?[^。；，,\d\n]{0,6}?总预算")
# 港元, 港币 (港幣 unfolded): a Hong Kong government's page, whose fiscal year ends in March.
_HONG_KONG_DOLLARS = re.compile(r"港[元币幣]")
# Macau's policy address for a fiscal year (2026年财政年度施政报告) is given in the November
# before it, as a work report is given early in the year it plans for.
_WORK_REPORT = re.compile(r"政府工作报告|财政年度施政报告")
# A news story on a work report says the year it reviews: 报告回顾了2008年的工作.
# 本公报中2023年数据为初步统计数: a bulletin's note naming the year its figures are for.
_BULLETIN_NOTE_YEAR = re.compile(r"本公报(?:中|所列)?((?:19|20)\d{2})年(?:的)?(?:数|各项|统计)")
# 政府工作报告对2012年工作作了回顾, 会议总结我区2011年经济工作, 2012年度总结表彰暨2013年…
# 工作会议: the same, the year first (暨 and 和 join the next year's part, never reviewed).
_REVIEWED_YEAR = re.compile(
    r"回顾了?((?:19|20)\d{2})\s*年"
    r"|(?:对|总结)[^。；，,\d暨和及]{0,6}((?:19|20)\d{2})\s*年[^。；，,\d暨和及]{0,6}工作"
    r"|((?:19|20)\d{2})\s*年度?(?:工作)?总结"
    # 报告指出,2022年是南沙改革发展历程中具有里程碑意义的一年: the year the report looks back on.
    r"|报告(?:指出|显示|说)[,，:：]?\s*((?:19|20)\d{2})\s*年是"
)
# A year the work report says it will do things in: its plan year.
# Not a deadline (到2012年,人均GDP要达到1.8万元): that is a goal's, not the plan's year.
# 2022年,全市将稳增长放在…: 将 after a comma may be 把 ("takes"), no future.
_YEAR_AHEAD = re.compile(r"(?<![到至])((?:19|20)\d{2})\s*年[^。；;，,\d]{0,8}?(?:将|要|力争)")
# The day a report was given, on its title's line: 政府工作报告--1999年2月25日在…会议上.
_DATE_OF_MEETING = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*在")
# 2024年政府工作报告, and a mirror's 合肥市 2006 政府工作报告 (no 年).
_WORK_REPORT_YEAR = re.compile(
    r"((?:19|20)\d{2})[^\S\n]*年?[^。\d]{0,12}(?:政府工作报告|(?<=财政年度)施政报告)"
)
# A date line: "——2024年1月16日在…人民代表大会…上", "（2023年3月）", "2023-02-16"; a line
# that opens with a month as a period (2024年5月份累计完成…, 2020年5月,全区财政总收入完成…) is
# none.
_DATE_LINE = re.compile(
    r"^[\s—\-－─（(【\[•·●]*(?:(?:(?:成文|发布|生成|更新)(?:日期|时间)|日期|[Dd]ate)\W*)?"
    r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月(?!份|\s*[,，])|-(\d{1,2})-\d{1,2})"
)
# 27.07.2015  14:44: a reprint's date line, the day first.
_DAY_FIRST_DATE_LINE = re.compile(r"^\d{1,2}\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")
_DATE_IN_FIELD = re.compile(
    r"(?:(?:成文|发布|生成|更新)(?:日期|时间)|时间)\W{0,6}((?:19|20)\d{2})[-年./](\d{1,2})"
)
# 来源:长城网 作者: 吕晓红 2015-07-14 01:04:43: a byline's posting date and time, which dates
# a news story (长城网7月13日讯(记者 吕晓红)) that names no recent year of its own; a mirror
# posting an old entry dates nothing.
_NEWS_STORY = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)|[(（]记者")
# Years a story's most named year may lie before its byline's and still be what it is on.
_STALE_YEARS = 5
_BYLINE_DATE = re.compile(
    r"(?:来源|作者)[:：][^\n]{0,40}?((?:19|20)\d{2})-(\d{1,2})-\d{1,2}\s+\d{1,2}:\d{2}"
)
# A lead sentence's topic year, its comma after it: `数据表明,2012年,我省…`.
_LEAD_YEAR = re.compile(r"(?<![\d年])((?:19|20)\d{2})\s*年\s*[,，]")
# Years that are not "the year of" anything: ranges, comparisons, spans since.
_RANGE_END_BEFORE = re.compile(r"(?:\d|年)\s*[—\-至到~～]\s*$")
_COMPARED_BEFORE = re.compile(r"[由从较比是与同]$")
_RANGE_START_AFTER = re.compile(r"^\s*[—\-至到~～]|^以来")
_PRICE_BASE_AFTER = re.compile(r"年?(?:不变价|可比价)")
# A Taiwan release's title line on a quarter of a year of the Republic's calendar (109 年第 2
# 季): Taiwan's 季, where the mainland writes 季度 (建党100年第1季度工作总结 is no year 2011).
# The title line only: a story's lead compares with other months (較106年11月預測數).
_ROC_PART_OF_YEAR_TITLE = re.compile(r"(?<![\d.,])(1[0-2]\d)\s*年\s*第\s*[1-4一二三四]\s*季(?!度)")
# A plan's far horizon (…十四五规划和2035年远景目标纲要): the year its vision reaches, no year
# the text is on.
_HORIZON_AFTER = re.compile(r"年?远景")
_LATE_MONTH = 7  # a report dated from July on reports on its own year
# Months of a year so far: 1-3月份, 1—6月, 1月至3月, 一月至三月, 一季度, 上半年, 前三季度; a
# monthly release's issue of the year (统计月报 2022年第2期).
_PART_OF_YEAR = re.compile(
    r"(?<!\d)1\s*月?\s*[-—~～至]\s*\d{1,2}\s*月|(?<![一二三四五六七八九十])一月至[二三四五六七八九十]{1,2}月"
    r"|[一二三]季度|上半年|前三季度|前\d{1,2}个月|月报\s*(?:19|20)\d{2}年第"
)
# 2011年前11个月中国公共财政收入达97309亿元: a title on a year's months so far is on that year,
# whenever a mirror reposted it (时间:2024/04/27).
_YEAR_SO_FAR_TITLE = re.compile(rf"((?:19|20)\d{{2}})\s*年(?:度)?\s*(?:{_PART_OF_YEAR.pattern})")


@dataclass(frozen=True)
class DocumentContext:
    report_year: str | None
    plan_year: str | None
    written_year: str | None = None
    # The title names a budget for its year (2020年“三公”经费预算, 2023年部门预算): a figure is
    # planned unless a heading over it reports its execution.
    planned: bool = False
    # Hong Kong's fiscal year runs April to March: a stock at 31 March closes the year before.
    fiscal_year_ends_in_march: bool = False

    @classmethod
    def of(cls, text: str) -> DocumentContext:
        return _years(text)  # cached: the model path asks once per section

    def relative(self, word: str, status: str) -> str | None:
        """The year a relative word names. 今年 is the report year for a result and the plan
        year for a goal: a report drafted late in the year says 今年预计完成 of the year it
        reports on, one given early in the next says 今年 of the year it plans. 去年 and 上年
        are the year before the one written in, 明年 the year after."""
        if word == "今年":
            return self.report_year if status == "actual" else self.plan_year
        base = self.written_year or self.plan_year
        if base is None:
            return None
        if word in ("去年", "上年"):
            return str(int(base) - 1)
        if word == "明年":
            return str(int(base) + 1)
        return None


def document_year(text: str) -> str | None:
    """The year a document's results are for: from its title (2023年…执行情况, 2022年…统计
    公报, 2024年政府工作报告 → 2023), else its date line (a report dated early in 2024
    reports on 2023), else the year its text names most often."""
    return _years(text).report_year


# A page that gives every word a line of its own writes a date `2010⏎年⏎3⏎月⏎23⏎日`, or
# `2008⏎年⏎6⏎月份`; a year and 年 alone a line apart are a figure and a row label (1962⏎年末).
_SHATTERED_DATE = re.compile(r"((?:19|20)\d{2})\n年\n(\d{1,2})\n(月份?)(?:\n(\d{1,2})\n日)?")


def _date_rejoined(date: re.Match[str]) -> str:
    day = f"{date.group(4)}日" if date.group(4) else ""
    return f"{date.group(1)}年{date.group(2)}{date.group(3)}{day}"


# A release of prices against the week or the issue before: its figures are its date's.
_WEEKS_SO_FAR = re.compile(r"周环比|与上周相比|比上周|与上期相比|比上期")
_MONTH_NAMED = re.compile(r"(?<!\d)(\d{1,2})\s*月")


def _months_so_far(folded: str, year: int, month: int) -> bool:
    """Whether the opening reports months of the year it is dated in (1-3月份, 一季度), not
    months of a year it names (101年1至12月: the Republic's 2012, in a story of 2013)."""
    if _WEEKS_SO_FAR.search(folded) and not any(
        int(named.group(1)) > month for named in _MONTH_NAMED.finditer(folded)
    ):
        # 总第302期…与上期相比,…周环比上涨: a week's or an issue's prices, dated in the week
        # (not 12月下旬…比上期下降 released on 2024-01-05: December's, the year before)
        return True
    for months in _PART_OF_YEAR.finditer(folded):
        named = _YEAR_BEFORE_MONTHS.search(folded, max(0, months.start() - 8), months.start())
        if named is None or named.group(1) == str(year):
            return True
    return False


_YEAR_BEFORE_MONTHS = re.compile(r"(\d{2,4})\s*年\s*(?:度\s*)?$")


def _head(folded: str) -> tuple[str, list[str]]:
    """The head of a document's opening (folded, its years in digits) and its first lines."""
    lines = [line.strip() for line in folded.splitlines() if line.strip()]
    head_lines = lines[:_HEAD_LINES]
    return "".join(head_lines)[:_HEAD_CHARS], head_lines


def _date(lines: list[str], head: str) -> tuple[int, int] | None:
    """The year and month the document is dated, from a date line near its top: above its
    first sentence, since a line under it that opens on a date is a table's header cell
    (`2018年6月15日平均批发价格` under `…监测数据显示,2018年6月15日,…如下:`)."""
    for line in lines:
        match = _DATE_LINE.match(line)
        if match and (match.group(2) or match.group(3)):
            return int(match.group(1)), int(match.group(2) or match.group(3))
        if day_first := _DAY_FIRST_DATE_LINE.match(line):
            return int(day_first.group(2)), int(day_first.group(1))
        if _SENTENCE.search(line):
            break
    field = _DATE_IN_FIELD.search(head) or _DATE_OF_MEETING.search(head)
    return (int(field.group(1)), int(field.group(2))) if field else None


@lru_cache(maxsize=64)
def _years(text: str) -> DocumentContext:
    folded_opening = fold(text[: _HEAD_CHARS * 3])
    opening = _SHATTERED_DATE.sub(_date_rejoined, arabic_years(folded_opening))
    head, lines = _head(opening)
    # The title is the head without its date line and metadata rows.
    title = "\n".join(line for line in lines if not _DATE_LINE.match(line))
    # 比2021年决算(下同)增长1.3%: a base a figure is compared with names no year of the title's.
    report = (
        _census_year(lines)
        or _audited_year(head)
        or next(
            (
                found.group(1)
                for found in _RESULTS_TITLE.finditer(title)
                if not follows_a_base_mark(title, found.start())
            ),
            None,
        )
    )
    plan = next((m.group(1) for m in _PLAN_TITLE.finditer(title) if m.group(1) != report), None)
    budget = (
        None if report else _DEPARTMENT_BUDGET_TITLE.search(title) or _BUDGET_DRAWN_UP.search(title)
    )
    plan = budget.group(1) if budget else plan
    # 台北市政府103年度總預算, 114年總預算案: a Taiwan government's budget for a year of the
    # Republic of China calendar, which a page citing few such years leaves unconverted.
    roc_budget = None if report or budget else _ROC_BUDGET_TITLE.search(title)
    if roc_budget:
        plan = str(common_era_year(int(roc_budget.group(1))))
    dated = _date(lines, head)
    written = str(dated[0]) if dated else None
    if _WORK_REPORT.search(title) and not report:
        # A government work report is given early in the year it plans for and reviews the
        # year before: its title year (2024年政府工作报告) or date is the plan year. A news
        # story about one names the year under review most.
        titled = _WORK_REPORT_YEAR.search(title)
        year = titled.group(1) if titled else written
        if year and not titled and dated and dated[1] >= _LATE_MONTH:
            # Given in December (2017年12月6日在市五届人大一次会议上): it reviews the year it
            # is given in and plans the next.
            report, plan = year, plan or str(int(year) + 1)
        elif year:
            written = written or year
            report, plan = str(int(year) - 1), plan or year
        elif reviewed := _reviewed_year(opening):
            # A news story on one: 报告回顾了2008年的工作,提出了2009年的发展目标.
            report, plan = reviewed, plan or str(int(reviewed) + 1)
        elif ahead := _YEAR_AHEAD.search(opening):
            # 2011年将继续…办好一批实事: the year the report's plans are for.
            report, plan = str(int(ahead.group(1)) - 1), plan or ahead.group(1)
        else:
            report = _most_named_year(arabic_years(fold(text)))
    if report is None and plan is not None:
        # 关于2019年区级预算调整方案(草案)的报告: a budget adjusted in the year it is for
        # reports on that year so far; the year after is the one ahead.
        if _BUDGET_ADJUSTED.search(title):
            report, plan = plan, str(int(plan) + 1)
        else:
            report = str(int(plan) - 1)
    roc_titled = _ROC_PART_OF_YEAR_TITLE.search(lines[0]) if report is None and lines else None
    if roc_titled:
        # 109 年第 2 季住宅建造執照…: Taiwan's release on part of a year of its calendar.
        report = str(common_era_year(int(roc_titled.group(1))))
    so_far_titled = _YEAR_SO_FAR_TITLE.search(title)
    if report is None and so_far_titled:
        report = so_far_titled.group(1)
    if report is None and dated is not None:
        # 沙雅县2004年国民经济和社会发展统计(2) over a mirror's 2010-03-19: the title's one
        # year is the report's, whenever the page was posted.
        report = _title_year(lines)
    if report is None and dated is not None:
        year, month = dated
        # A report dated early in a year is on the year before, unless it reports months of
        # the year it is dated in (1-3月份, 一季度): then it is on that year so far.
        so_far = _months_so_far(folded_opening, year, month)
        report = str(year if month >= _LATE_MONTH or so_far else year - 1)
        # A story dated in August on a year's figures that its lead names (最新统计数据表明,
        # 2012年,我省县域经济…) is on that year.
        lead = _LEAD_YEAR.search(title)
        if lead and not so_far and int(lead.group(1)) in (year - 1, year):
            report = lead.group(1)
    if report is None:
        whole = arabic_years(fold(text))
        # A bulletin's page without its title is dated by its note (本公报中2023年数据为初步
        # 统计数), else by a year its head names, else by the year its text names most.
        # A story on a meeting that reviewed a year's work (总结我区2011年经济工作,安排部署
        # 2012年) is on that year.
        reviewed = _reviewed_year(opening)
        dated_by = _BULLETIN_NOTE_YEAR.search(whole) or next(_own_years(title), None)
        report = reviewed or (dated_by.group(1) if dated_by else _most_named_year(whole))
        byline = _BYLINE_DATE.search(head) if _NEWS_STORY.search(head) else None
        if byline and not reviewed:
            posted, month = int(byline.group(1)), int(byline.group(2))
            if report is None or int(report) < posted - _STALE_YEARS:
                # A news story naming only years long past (为1956年以来同期最少) is on its
                # own time: its byline's date dates it, as a date line would.
                so_far = month >= _LATE_MONTH or _months_so_far(folded_opening, posted, month)
                report = str(posted if so_far else posted - 1)
        if not reviewed and _is_chronicle(years := _years_told(whole)):
            # A county chronicle's chapter, its head on its first year (1887年…): it is
            # written after the last year it tells of.
            report = max(years)
    if plan is None and report is not None:
        plan = str(int(report) + 1)
    # 二零一九/二零年度财政预算: a budget speech's title; its figures are that year's plan,
    # as a department's budget's are, but for those its clauses say were reached.
    speech = any(m.group(0).endswith("财政预算") for m in _PLAN_TITLE.finditer(title))
    speech = speech or bool(_BUDGET_SPEECH_TITLE.search(title))
    hong_kong = bool(_HONG_KONG_DOLLARS.search(text))  # on the text as it is: no second fold
    return DocumentContext(
        report,
        plan,
        written,
        planned=budget is not None or speech or roc_budget is not None,
        fiscal_year_ends_in_march=hong_kong,
    )


# The year each national census counts (its standard time, 2020年11月1日零时, 2023年末),
# which a communiqué published years later (2025年8月14日) reports on, often without saying.
_CENSUS_YEARS = {
    "人口普查": {5: 2000, 6: 2010, 7: 2020},
    "经济普查": {1: 2004, 2: 2008, 3: 2013, 4: 2018, 5: 2023},
    "农业普查": {1: 1996, 2: 2006, 3: 2016},
}
_CENSUS = re.compile(
    rf"第([一二三四五六七])次全国({'|'.join(_CENSUS_YEARS)})[^。，,\n]{{0,12}}(?:公报|主要数据)"
)
_CENSUS_TITLE_REACH = 40  # 北京市第四次全国经济普查主要数据公报: the place's name, then the census
_ORDINALS = {numeral: number for number, numeral in enumerate("一二三四五六七", 1)}


_CENSUS_COMPARED = re.compile(
    rf"[与同较比](?:(?:19|20)\d{{2}}年)?第([一二三四五六])次全国({'|'.join(_CENSUS_YEARS)})"
)


def _census_after(compared: re.Match[str]) -> int | None:
    """The year of the census after the one `compared` names."""
    return _CENSUS_YEARS[compared.group(2)].get(_ORDINALS[compared.group(1)] + 1)


def _census_year(lines: list[str]) -> str | None:
    """The year of the census whose communiqué the title names (第五次全国经济普查公报: 2023):
    near the start of the first line, or of a line above the first sentence; a revision note
    in the text (根据第五次全国经济普查结果,2023年…修订为) names the census of another report."""
    above = itertools.takewhile(lambda line: not _SENTENCE.search(line), lines[1:])
    titles = (line[:_CENSUS_TITLE_REACH] for line in (*lines[:1], *above))
    found = next(filter(None, map(_CENSUS.search, titles)), None)
    year = _CENSUS_YEARS[found.group(2)].get(_ORDINALS[found.group(1)]) if found else None
    return str(year) if year else None


# 报告2019年度省级预算执行和其他财政收支的审计情况: an audit report, given the year after, is on
# the year whose budget it audited (not a report on how its findings were put right, 整改).
_AUDITED_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年度?[^。，；\n]{0,16}预算执行和[^。，；\n]{0,12}财政收支(?:的)?审计"
    r"(?:工作)?(?:情况|报告|结果)"
)


_AHEAD_IN_TITLE = cue_pattern("target", Scope.TITLE)


def _title_year(lines: list[str]) -> str | None:
    """The one year a title line above a date line names, if it is no sentence."""
    if len(lines) < 2 or _DATE_LINE.match(lines[0]) or _SENTENCE.search(lines[0]):
        return None
    if _AHEAD_IN_TITLE.search(lines[0]):
        return None  # 规划纲要 2025年地区生产总值将达到3.5万亿元: a goal's year, not the report's
    if not any(_DATE_LINE.match(line) for line in lines[1:3]):
        return None
    years = {match.group(1) for match in _own_years(lines[0])}
    return years.pop() if len(years) == 1 else None


def _audited_year(head: str) -> str | None:
    """The year an audit report's title or first sentence says it audited; none where the
    phrase comes later (a story on a meeting that heard the report among others)."""
    audited = _AUDITED_YEAR.search(head[:_AUDIT_REACH])
    return audited.group(1) if audited else None


_AUDIT_REACH = 300  # characters of the head


def _reviewed_year(opening: str) -> str | None:
    reviewed = _REVIEWED_YEAR.search(opening)
    return next(year for year in reviewed.groups() if year) if reviewed else None


def _most_named_year(folded: str) -> str | None:
    """The year the text names most often on its own (not in a range or a span since, nor
    as a base figures are compared with). A text that names no common-era year may be dated
    by the Republic of China calendar alone (109年臺北市平均每戶…, 較108年增加): its years
    are 1911 more."""
    counts = _named_years(folded, _YEAR, 0) or _named_years(folded, _ROC_PLAIN_YEAR, _ROC_ERA)
    if not counts:
        # A text that names a year only as the one before (较2009年同期增加8.7%, a stock
        # 较2023年末净增) is the year after it.
        before = [int(found.group(1)) + 1 for found in _SAME_PERIOD_OF.finditer(folded)]
        # 与2010年第六次全国人口普查相比: the communiqué of the census after it.
        before += [
            year for found in _CENSUS_COMPARED.finditer(folded) if (year := _census_after(found))
        ]
        before += [_short_year(found.group(1)) + 1 for found in _SHORT_SAME_PERIOD.finditer(folded)]
        if before:
            return str(max(before))
        # Nor a year of its own but in dates (本周(2022.12.19—2022.12.25)我市…), or an issue's
        # title whose 年 the page lost (20218月报: August 2021's monthly).
        issue = _MONTHLY_ISSUE.match(folded.lstrip())
        if issue:
            return issue.group(1)
        dates = Counter(found.group(1) for found in _DOTTED_DATE.finditer(folded))
        return max(dates, key=lambda year: (dates[year], year)) if dates else None
    # The most named; among as many, the latest (a report looks back from its own year).
    return max(counts, key=lambda year: (counts[year], year))


def _years_told(folded: str) -> Counter[str]:
    """How often `folded` names each year as one it tells of: not a goal's (到2035年)."""
    return Counter(
        found.group(1)
        for found in _own_years(folded)
        if not _AHEAD_BEFORE.search(folded, max(0, found.start() - 4), found.start())
    )


_AHEAD_BEFORE = re.compile(r"(?:到|至|力争|预计|计划|目标)$")


def _is_chronicle(counts: Counter[str]) -> bool:
    """Whether a text's years are a chronicle's (1887年…1915年…1919年…1930年…1950年): many,
    over decades, none named much more than the others. It is written after the last."""
    years = sorted(int(year) for year in counts)
    return (
        len(years) >= _CHRONICLE_YEARS
        and years[-1] - years[0] >= _CHRONICLE_SPAN
        and max(counts.values()) <= _CHRONICLE_REPEATS
    )


_CHRONICLE_YEARS = 8
_CHRONICLE_SPAN = 20
_CHRONICLE_REPEATS = 2


# 较2009年同期, and a stock against last year's end (较2023年末净增11152户).
_SAME_PERIOD_OF = re.compile(r"[较比]((?:19|20)\d{2})年(?:同期|末|底)")
# 与一三年同期比较: a year by its last two digits in numerals, as Hong Kong and Macau news write.
_SHORT_SAME_PERIOD = re.compile(r"[与较比]([〇零一二三四五六七八九]{2})年同期")
_CENTURY_TURN = 50  # '49 and before are this century's, '50 and after the last's


def _short_year(numerals: str) -> int:
    two = int(numerals.translate(NUMERAL_DIGITS))
    return (2000 if two < _CENTURY_TURN else 1900) + two


_DOTTED_DATE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\.(?:1[0-2]|0?[1-9])\.(?:[12]\d|3[01]|0?[1-9])(?![\d.])"
)
_MONTHLY_ISSUE = re.compile(r"((?:19|20)\d{2})年?(?:1[0-2]|[1-9])月报")


def _named_years(folded: str, year: re.Pattern[str] | str, era: int) -> Counter[str]:
    return Counter(str(int(match.group(1)) + era) for match in _own_years(folded, year))


def _own_years(folded: str, year: re.Pattern[str] | str = _YEAR) -> Iterator[re.Match[str]]:
    """The years `folded` names as the year of something (`_years_of`) but for those a
    figure is compared with (由2002年的, 较2015年): a base, not the document's year."""
    for match in _years_of(folded, year):
        if not _COMPARED_BEFORE.search(folded[max(0, match.start() - 3) : match.start()]):
            yield match


def _years_of(folded: str, year: re.Pattern[str] | str = _YEAR) -> Iterator[re.Match[str]]:
    """The years `folded` names that are the year of something: not the ends of a range
    (2016-2020年, 2020年以来) nor the year of constant prices (按2020年不变价格计算)."""
    for match in re.finditer(year, folded):
        before = folded[max(0, match.start() - 3) : match.start()]
        after = folded[match.end() : match.end() + 2]
        if _RANGE_END_BEFORE.search(before) or _RANGE_START_AFTER.search(after):
            continue
        if not _PRICE_BASE_AFTER.match(folded, match.end()) and not _HORIZON_AFTER.match(
            folded, match.end()
        ):
            yield match


_ROC_YEAR = re.compile(r"(?<![\d.,])(1[0-4]\d|[89]\d)(?=年度)")
_ROC_CENTURY_YEAR = re.compile(r"(?<![\d.,])(1[0-4]\d)年度")
_ROC_MARK = re.compile(r"民国|中华民国")
_ROC_PLAIN_YEAR = re.compile(r"(?<![\d.,])(1[0-4]\d)年")
_AD_YEAR = re.compile(r"(?:19|20)\d{2}年")
# 中华民国九十二年度, 八十八年下半年: a Republic of China year in numerals after the era's name (the
# fiscal year 八十八年下半年及八十九年度 begins in 1999, the year it is counted as).
_ROC_NUMERAL_YEAR = re.compile(r"(?<=民国)([一二三四五六七八九])十([一二三四五六七八九])年[度上下]")
_NUMERALS = "一二三四五六七八九"
# 民国95年, 中华民国105年: a Republic of China year in digits after the era's name.
_ROC_NAMED_YEAR = re.compile(r"民国\s*(1[0-4]\d|[1-9]\d)\s*年")
_ROC_MIN = 3  # 年度 years of the Republic of China calendar needed to read a text by it


def arabic_years(folded: str) -> str:
    """The text with its years as common-era digits, one character for one so that offsets
    stay those of the text: years in Chinese numerals (二〇〇七年, 二00七年), and in a text
    dated by the Republic of China calendar, 110年度 as 2021年 (1911 more), and a year the
    era's name introduces (中华民国九十二年度 as 2003年)."""

    dated = digit_years(folded)
    # "九十二年度" (5 characters) becomes "2003年" (5 characters).
    dated = _ROC_NUMERAL_YEAR.sub(_roc_numeral_year, dated)
    # "民国95年" (5 characters) becomes "2006年", "民国105年" " 2016年", in a title's line (民國
    # 95年重要人口指標): the year it reports on. In the body the era may name a base year
    # (民國88年底…僅39.4%, 10年後…), which no year of the text's own should become.
    title, newline, rest = dated.partition("\n")
    dated = _ROC_NAMED_YEAR.sub(_roc_named_year, title) + newline + rest
    roc = len(_ROC_YEAR.findall(dated))
    if roc >= _ROC_MIN and (_ROC_MARK.search(dated) or roc > len(_AD_YEAR.findall(dated))):
        # "110年度" (5 characters) becomes "2021年" (5 characters); a two-digit year stays.
        dated = _ROC_CENTURY_YEAR.sub(lambda m: f"{common_era_year(int(m.group(1)))}年", dated)
    return dated


def _roc_named_year(match: re.Match[str]) -> str:
    return f"{common_era_year(int(match[1]))}年".rjust(len(match[0]))


def _roc_numeral_year(match: re.Match[str]) -> str:
    """A Republic of China year in numerals (中华民国九十二年度) as a common-era year."""
    roc = (_NUMERALS.index(match[1]) + 1) * 10 + _NUMERALS.index(match[2]) + 1
    return f"{common_era_year(roc, fiscal=match[0].endswith('度'))}年"


def common_era_year(roc: int, *, fiscal: bool = False) -> int:
    """A year of the Republic of China calendar as a common-era year (98 is 2009). A fiscal
    year (年度) up to 八十九年度 ran from July to June (the last, to December 2000): it is the
    year it began, one less than the calendar year of its number (八十七年度 is 1997)."""
    return roc + _ROC_ERA - (fiscal and roc <= _LAST_JULY_FISCAL_YEAR)


_ROC_ERA = 1911
_LAST_JULY_FISCAL_YEAR = 89


# A line this long that runs into the next without a stop was wrapped by a page's width.
_WRAP_MIN = 24
_WRAPPED = re.compile(
    rf"(?<=[^\n|\t]{{{_WRAP_MIN}}}[\u4e00-\u9fff\d，,、])\n(?=[\u4e00-\u9fff\d])"
    r"(?![一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十\d]+[章节部条])"
)
# A line of prose has a comma or a stop in it; a line of a table (figures one space apart)
# has none, and is never joined to the next.
_PROSE_MARK = re.compile(r"[，、；。,;]")


def unwrapped(folded: str) -> str:
    """The text with lines that a page width broke mid-sentence joined by a space, one
    character for one: a long line of prose that ends in a word, a number or a comma, not a stop,
    and a next line that goes on with one (PDF text, old reports typed to a width), unless
    the next line opens a numbered item or a heading. A number the break cut in two
    (`粮食总产426⏎9万吨`) stays cut: a space would make its halves two numbers."""

    def join(wrap: re.Match[str]) -> str:
        line_start = folded.rfind("\n", 0, wrap.start()) + 1
        prose = _PROSE_MARK.search(folded, line_start, wrap.start())
        cut_number = folded[wrap.start() - 1].isdigit() and folded[wrap.end()].isdigit()
        return " " if prose and not cut_number else "\n"

    return _WRAPPED.sub(join, folded)


# --- the part of the report a section belongs to ---------------------------------------------

_ACTUAL_HEADINGS = cue_words(STATUS_CUES, "actual", Scope.HEADING)
_TARGET_HEADINGS = cue_words(STATUS_CUES, "target", Scope.HEADING)
_QUOTED = re.compile(r"“[^“”\n]*”|「[^「」\n]*」|\"[^\"\n]*\"")


@lru_cache(maxsize=1024)
def section_status(section: Section, context: DocumentContext | None = None) -> str:
    """The status a section's facts have unless their sentence says otherwise."""
    # The outermost heading that says decides: a part's title, then its subsections'.
    for heading in section.path:
        # A slogan in quotes names no part (坚持党全面领导的“总要求”).
        folded = _QUOTED.sub("", fold(unglossed(heading)))
        if any(word in folded for word in _ACTUAL_HEADINGS):
            return "actual"
        if any(word in folded for word in _TARGET_HEADINGS):
            return "target"
    return "target" if context is not None and context.planned else "actual"


@lru_cache(maxsize=1024)
def section_adjusts_budget(section: Section) -> bool:
    """Whether a heading over the section adjusts this year's budget (预算调整草案, 调整预算):
    its targets are for the year under way, not the next."""
    return any(_BUDGET_ADJUSTED.search(fold(unglossed(heading))) for heading in section.path)


_BUDGET_ADJUSTED = re.compile(r"预算调整|调整预算")


@lru_cache(maxsize=1024)
def section_year(section: Section) -> str | None:
    """The year the innermost heading that names one year gives its part (二、2024年工作安排)."""
    for heading in reversed(section.path):
        folded = fold(unglossed(heading))
        # (二)公务接待费支出2万元,比2019年预算减少: the base, not the part's year.
        years = [
            m.group(1) for m in _years_of(folded) if not follows_a_base_mark(folded, m.start())
        ]
        if len(set(years)) == 1:
            return years[0]
        if years:
            return None  # 2023年执行情况及2024年计划: no one year
    return None


# --- where sentences, clauses and lines start ------------------------------------------------

# A full stop ends a sentence whole; a semicolon ends one of the sentences it is made of.
_FULL_STOPS = "。！？!?\n"
_SENTENCE_ENDS = _FULL_STOPS + "；;"
_CLAUSE_ENDS = _SENTENCE_ENDS + "，,：:"


# How far back a sentence or clause is read from a figure in it: a page-long list of figures in
# one sentence (thousands of percentages joined by 、) would otherwise be read whole before each
# of them, and its far start says nothing of the figure.
SENTENCE_REACH = 2_000  # characters


def _within_reach(start: int, position: int) -> int:
    return max(start, position - SENTENCE_REACH)


@dataclass(frozen=True)
class Boundaries:
    """Where each sentence, clause and line of a folded text starts, computed once."""

    sentences: tuple[int, ...]
    clauses: tuple[int, ...]
    lines: tuple[int, ...]
    length: int
    full_sentences: tuple[int, ...]  # up to a full stop only, past semicolons

    @classmethod
    def of(cls, folded: str) -> Boundaries:
        def starts(marks: str) -> tuple[int, ...]:
            pattern = "[" + re.escape(marks) + "]"
            return (0, *(match.end() for match in re.finditer(pattern, folded)))

        return cls(
            starts(_SENTENCE_ENDS),
            starts(_CLAUSE_ENDS),
            starts("\n"),
            len(folded),
            starts(_FULL_STOPS),
        )

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts (the character after its break), at
        most `SENTENCE_REACH` back."""
        return _within_reach(self.sentences[bisect_right(self.sentences, position) - 1], position)

    def full_sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts when only a full stop ends one
        (`2024年,收入安排306.74亿元;加…317.56亿元。` is one), at most `SENTENCE_REACH` back."""
        start = self.full_sentences[bisect_right(self.full_sentences, position) - 1]
        return _within_reach(start, position)

    def clause_start(self, position: int) -> int:
        return _within_reach(self.clauses[bisect_right(self.clauses, position) - 1], position)

    def line_span(self, position: int) -> tuple[int, int]:
        """The start and end (before its newline) of the line holding `position`."""
        index = bisect_right(self.lines, position) - 1
        end = self.lines[index + 1] - 1 if index + 1 < len(self.lines) else self.length
        return self.lines[index], end
