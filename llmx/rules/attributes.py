"""The fields a rule can judge for a fact: indicator, status, kind and period.

Pure functions over the folded text around a mention.
"""

from __future__ import annotations

import re

from llmx.quantities import Quantity
from llmx.rules.filters import clause_before
from llmx.vocabulary import NOUN_FOLLOWS_UNITS, PERCENT_UNITS, Scope, cue_pattern, implied_kind

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
    if re.search(r"(?:比上年|较上年|同比|比去年)(?:增加|减少|增长|下降|多|少)了?$", near):
        return "change"
    return "level"


_COMPLETION_RATIO = re.compile(
    r"(?:(?:完成|实现)[^，。；]{0,8}(?:计划|目标)的?|完成|比(?:达|提高到|为)?|率(?:达|为|达到))$"
)
_AGAINST_PLAN = re.compile(
    r"(?:完成|超过?|占|实现|达到|高于|低于)[^，。；]{0,6}(?:计划|目标)[^，。；]{0,3}$"
)
_INDICATOR_COUNT_AFTER = re.compile(r"^(?:约束性|预期性|主要|创新)?指标")
_LIST_ITEM = re.compile(r"^\s*\d{1,3}[.、．]")
_COMPLETION_NOTE = re.compile(r"[(（][^()（）]*完成[^()（）]*[)）]\s*$")


def status_of(folded: str, quantity: Quantity, default: str) -> str:
    near = folded[max(0, quantity.start - 12) : quantity.start]
    if re.search(r"预计(?:完成|实现|达到|全年)?", near) or _AGAINST_PLAN.search(near):
        return "actual"  # an estimate of the result, or a result measured against the plan
    if quantity.unit == "项" and _INDICATOR_COUNT_AFTER.match(folded[quantity.end :]):
        return "actual"  # counts of indicators are actual (ANNOTATION.md, section 4)
    listed = _planned_list_item(folded, quantity)
    if listed:
        return listed
    if re.search(
        r"(?:计划|目标|预期)(?:投资|任务)?(?:为|是|达到)?$|年计划|目标任务|计划投资|预期目标", near
    ):
        return "target"
    if default == "actual":
        return "actual"
    sentence = _sentence_before(folded, quantity.start)
    years = _YEAR_IN_SENTENCE.findall(sentence)
    if years and _ACTUAL_CUES.search(sentence) and not _TARGET_CUES.search(sentence):
        return "actual"
    return default


def _planned_list_item(folded: str, quantity: Quantity) -> str | None:
    """In a numbered list of planned items with a completion note at the end of the line
    (`3.建成农村联网公路50公里。（全面完成，建成50.6公里）`), the item is the plan and the
    note is the result."""
    line_start = folded.rfind("\n", 0, quantity.start) + 1
    line_end = folded.find("\n", quantity.end)
    line = folded[line_start : line_end if line_end >= 0 else len(folded)]
    if not _LIST_ITEM.match(line):
        return None
    note = _COMPLETION_NOTE.search(line)
    if not note:
        return None
    return "actual" if quantity.start - line_start >= note.start() else "target"


def period_of(
    folded: str,
    quantity: Quantity,
    status: str,
    section_default: str,
    report_year: str | None,
    plan_year: str | None,
) -> str | None:
    """The year a figure is for: its section's year (the report year in the review part, the
    plan year in the plan part), unless its clause dates it or makes it multi-year."""
    clause = clause_before(folded, quantity.start, limit=30)
    if _MULTI_YEAR.search(clause):
        return None
    # A clause that opens with its own year ("2022年完成…") dates the figure.
    stated = re.match(r"\s*((?:19|20)\d{2})年(?![—\-至到])", clause)
    if stated:
        return stated.group(1)
    if section_default == "actual":
        return report_year
    looks_back = status == "actual" and re.search(
        r"今年|预计|上年", _sentence_before(folded, quantity.start)
    )
    return report_year if looks_back else plan_year


def _sentence_before(folded: str, position: int) -> str:
    start = max(folded.rfind(mark, 0, position) for mark in "。；\n")
    return folded[start + 1 : position]


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
