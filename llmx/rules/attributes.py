"""The fields a rule can judge for a fact: indicator, status, kind and period.

Pure functions over the folded text around a mention.
"""

from __future__ import annotations

import re

from llmx.quantities import Quantity
from llmx.rules.context import Boundaries, DocumentContext, section_status, section_year
from llmx.rules.filters import clause_before
from llmx.sections import Section
from llmx.vocabulary import (
    NOUN_FOLLOWS_UNITS,
    PERCENT_UNITS,
    Family,
    Scope,
    cue_pattern,
    family_of,
    implied_kind,
)

_CHANGE_CUES = cue_pattern("change", Scope.CLAUSE)
_SHARE_CUES = cue_pattern("share", Scope.CLAUSE)
_TARGET_CUES = cue_pattern("target", Scope.CLAUSE)
_ACTUAL_CUES = cue_pattern("actual", Scope.CLAUSE)
_MULTI_YEAR = re.compile(
    r"年均|累计|以来|十四五|较20\d\d|比20\d\d|是20\d\d|五年|近\d+年|总投资|连续\d+年|截至"
)
_YEAR_IN_SENTENCE = re.compile(r"((?:19|20)\d{2})年")
# Words around a number that say what happens to the indicator, not what it is.
_VERB_TAIL = re.compile(
    r"(?:分别|同比|比上年|较上年|比去年|较去年|年均|累计|全年|共|总计|合计|新增|增长|下降|增加|减少|提高|降低|提升|"
    r"达到|达|为|至|到|突破|超过|超|约|近|逾|实现|完成|保持在|控制在|稳定在|以上|增速|下降了|增长了|占|"
    r"[0-9.%、和及与]|\s)+$"
)
_LEAD_WORDS = re.compile(
    r"^(?:其中|全年|全区|全市|今年|明年|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|"
    r"(?:19|20)\d{2}年|我区|共|新|并|及|和|与|、|“|”)+"
)
_INDICATOR_MAX = 20


def kind_of(folded: str, quantity: Quantity) -> str:
    implied = implied_kind(quantity.unit)
    if implied:
        return implied
    near = folded[max(0, quantity.start - 8) : quantity.start]
    clause = clause_before(folded, quantity.start)
    if quantity.unit in PERCENT_UNITS and _COMPLETION_RATIO.search(near):
        return "share"
    if quantity.unit in PERCENT_UNITS:
        if _SHARE_CUES.search(near) and not re.search(r"增长|下降|增速", near[-4:]):
            return "share"
        if _CHANGE_CUES.search(near) or _CHANGE_CUES.search(clause[-12:]):
            return "change"
        return "share" if _SHARE_CUES.search(clause) else "change"
    if _CHANGE_AGAINST_LAST_YEAR.search(near):
        return "change"
    return "level"


_CHANGE_AGAINST_LAST_YEAR = re.compile(
    r"(?:(?:比|较)(?:上年|去年)(?:末|底|同期)?|同比)(?:增加|减少|增长|下降|多|少)了?$"
)
_COMPLETION_RATIO = re.compile(
    r"(?:(?:为|占|完成)(?:年初|调整)?(?:预算|计划)的?|(?:完成|实现)[^，。；]{0,8}(?:计划|目标)的?|完成|比(?:达|提高到|为)?|率(?:达|为|达到))$"
)
_AGAINST_PLAN = re.compile(
    r"(?:完成|超过?|占|实现|达到|高于|低于)[^，。；]{0,6}(?:计划|目标)[^，。；]{0,3}$"
)
# Matched at a position (pattern.match(text, pos)), never on a slice to the end of the text,
# whose copy would cost the length of the document for every number.
_INDICATOR_COUNT_AFTER = re.compile(r"(?:约束性|预期性|主要|创新)?指标")
_LIST_ITEM = re.compile(r"^\s*\d{1,3}[.、．]")
_COMPLETION_NOTE = re.compile(r"[(（][^()（）]*完成[^()（）]*[)）]\s*$")


_FORECAST = re.compile(r"预计(?:完成|实现|达到|全年)?")
_FORECAST_OF_PLAN_YEAR = re.compile(r"预计((?:19|20)\d{2})年")
_PLANNED_NEAR = re.compile(
    r"(?:计划|目标|预期)(?:投资|任务)?(?:为|是|达到)?$|年计划|目标任务|计划投资|预期目标"
)
_BUDGETED_NEAR = re.compile(r"(?:年初预算|调整预算|预算数|预算安排|预算为|安排)[^，。；]{0,6}$")
_EXECUTED_NEAR = re.compile(r"(?:执行数|决算数|完成数)[^，。；]{0,6}$")
# Modal words that make a clause a goal even inside a review: 力争全年增长6%. (争取 is not
# one there: 争取上级资金28.6亿元 reports money obtained.)
_GOAL_MODALS = re.compile(r"力争|(?<!模)拟(?!定)")


def status_of(
    folded: str,
    bounds: Boundaries,
    quantity: Quantity,
    default: str,
    context: DocumentContext,
) -> str:
    """A result (actual) or a goal (target): cue words right before the number first, then
    the clause's modal verbs, then the part of the report, unless the sentence reports a
    dated result inside a plan part."""
    near = folded[max(0, quantity.start - 12) : quantity.start]
    forecast = _FORECAST.search(near)
    if forecast:
        # 预计2024年…60亿元 in a plan is a forecast of the plan year: a target.
        planned = _FORECAST_OF_PLAN_YEAR.search(near)
        ahead = planned and context.plan_year and planned.group(1) >= context.plan_year
        return "target" if ahead else "actual"
    if _AGAINST_PLAN.search(near):
        return "actual"  # a result measured against the plan
    if quantity.unit == "项" and _INDICATOR_COUNT_AFTER.match(folded, quantity.end):
        return "actual"  # counts of indicators are actual (ANNOTATION.md, section 4)
    listed = _planned_list_item(folded, bounds, quantity)
    if listed:
        return listed
    if _PLANNED_NEAR.search(near) or _BUDGETED_NEAR.search(near):
        return "target"
    if _EXECUTED_NEAR.search(near):
        return "actual"
    clause = folded[bounds.clause_start(quantity.start) : quantity.start]
    if default == "actual":
        return "target" if _GOAL_MODALS.search(clause[-_CLAUSE_MAX:]) else "actual"
    sentence = folded[bounds.sentence_start(quantity.start) : quantity.start]
    years = _YEAR_IN_SENTENCE.findall(sentence)
    if years and _ACTUAL_CUES.search(sentence) and not _TARGET_CUES.search(sentence):
        return "actual"
    return default


def _planned_list_item(folded: str, bounds: Boundaries, quantity: Quantity) -> str | None:
    """In a numbered list of planned items with a completion note at the end of the line
    (`3.建成农村联网公路50公里。（全面完成，建成50.6公里）`), the item is the plan and the
    note is the result."""
    line_start, line_end = bounds.line_span(quantity.start)
    line = folded[line_start:line_end]
    if not _LIST_ITEM.match(line):
        return None
    note = _COMPLETION_NOTE.search(line)
    if not note:
        return None
    return "actual" if quantity.start - line_start >= note.start() else "target"


# A year stated before a number: 2023年, 2023年末, 2023年1—6月, 到2025年; not a range's end.
_STATED_YEAR = re.compile(r"(?<![—\-至到~～\d])((?:19|20)\d{2})年(?!以来|[—\-至到~～]\s*\d)")
_SENTENCE_OPENING_YEAR = re.compile(
    r"\W*(?:其中|全年|另外|此外|同时|预计|力争)?(?:到|至)?\s*((?:19|20)\d{2})年(?!以来|[—\-至到~～]\s*\d)"
)
# 今年, 去年, 明年 as the time of a clause (not 比去年, 较去年, 同比 comparisons).
_RELATIVE_YEAR = re.compile(r"(?<![比较于同与])(今年|去年|明年|上年)(?!同期|以来)")
_BASE_BEFORE = re.compile(r"(?:由|从)(?:上年|去年)?的?[^，。；]{0,16}$")
_BASE_AFTER = re.compile(  # matched at a position, like _INDICATOR_COUNT_AFTER
    r"[^，。；]{0,16}?(?:提高|增加|上升|提升|增长|下降|减少|降低|压缩|缩短|缩小|收窄|扩大|增|降|升)(?:到|至)"
)
_CLAUSE_MAX = 30


def period_of(
    folded: str,
    bounds: Boundaries,
    quantity: Quantity,
    status: str,
    section: Section,
    context: DocumentContext,
) -> str | None:
    """The year a figure is for: a year its clause or sentence states, a relative year
    resolved against the document's, else its part's year (the report year in a review,
    the plan year in a plan); none for multi-year figures."""
    clause = clause_before(folded, quantity.start, limit=_CLAUSE_MAX)
    if _MULTI_YEAR.search(clause):
        return None
    base = _BASE_BEFORE.search(clause) and _BASE_AFTER.match(folded, quantity.end)
    if base and family_of(quantity.unit) is Family.DURATION:
        return None  # 从5天压缩至2天: a time it took before, not a year's value
    stated = _stated_year(folded, bounds, quantity, clause, status, context, bool(base))
    if stated:
        return _year_before(stated) if base else stated
    default = section_status(section)
    if default == "actual":
        year = section_year(section) or context.report_year
    else:
        looks_back = status == "actual" and re.search(
            r"今年|预计|上年", folded[bounds.sentence_start(quantity.start) : quantity.start]
        )
        year = context.report_year if looks_back else section_year(section) or context.plan_year
    return _year_before(year) if base else year


def _year_before(year: str | None) -> str | None:
    return str(int(year) - 1) if year else None


def _stated_year(
    folded: str,
    bounds: Boundaries,
    quantity: Quantity,
    clause: str,
    status: str,
    context: DocumentContext,
    base: bool,
) -> str | None:
    """The year the clause before the number states (2021年, 今年, 去年), or that opens its
    sentence."""
    in_clause = _STATED_YEAR.findall(clause)
    if in_clause:
        return str(in_clause[-1])
    relative = _RELATIVE_YEAR.findall(clause)
    if relative and not (base and relative[-1] == "上年"):
        return context.relative(relative[-1], status)
    sentence_start = bounds.sentence_start(quantity.start)
    opening = _SENTENCE_OPENING_YEAR.match(folded, sentence_start, quantity.start)
    return opening.group(1) if opening else None


_NOUN_AFTER = re.compile(r"[^，。；：、,;:\n（）()“”\s\d]{2,16}")
_NOUN_STOP = re.compile(
    r"(?:认定|获得?|完成|实现|达到|入选|落地|投产|开工|建成|签约|参与|参加|提供|开展|纳入|通过|"
    r"等|的|，|和|及|与|全部|全面|相继|顺利|加快|共|累计)"
)


def _noun_after(source: str, folded: str, quantity: Quantity) -> str:
    """The noun phrase right after a number (130个|技改项目), up to a verb or a break."""
    match = _NOUN_AFTER.match(folded, quantity.end)
    if not match:
        return ""
    stop = _NOUN_STOP.search(match.group())
    end = match.start() + (stop.start() if stop else len(match.group()))
    return source[match.start() : end] if end - match.start() >= 2 else ""


def indicator_of(
    source: str, folded: str, quantity: Quantity, previous: tuple[int, str] | None
) -> str:
    """What is measured: the clause before the number, less verbs, cue and lead words.

    `previous` is the end and indicator of the fact before. A clause that goes on from an
    earlier number (`规模达到1234亿元、增长13.5%`) starts after it, and when nothing but verbs
    is left, the number measures the earlier indicator (its growth, where it says 增长).
    Cut in the folded text, returned in the source's own script.
    """
    clause_start = quantity.start - len(clause_before(folded, quantity.start))
    continues = previous is not None and clause_start <= previous[0] <= quantity.start
    if previous is not None and continues:
        clause_start = previous[0]
    clause = folded[clause_start : quantity.start]
    tail = _VERB_TAIL.search(clause)
    end = clause_start + (tail.start() if tail else len(clause))
    lead = _LEAD_WORDS.match(folded[clause_start:end])
    start = clause_start + (lead.end() if lead else 0)
    start = max(start, end - _INDICATOR_MAX)
    indicator = source[start:end].strip(" 　“”\"'（）()、")
    following = _noun_after(source, folded, quantity)
    if following and (quantity.unit in NOUN_FOLLOWS_UNITS or len(indicator) <= 2):
        return following  # 实施130个技改项目: a count's noun follows it
    if indicator:
        return indicator
    if previous is not None and continues:
        grows = re.search(r"增长|增速|下降", clause) and not previous[1].endswith("增速")
        return previous[1] + ("增速" if grows else "")
    return source[clause_start : quantity.start].strip() or (previous[1] if previous else "")
