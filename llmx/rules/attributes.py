"""The fields a rule can judge for a fact: indicator, status, kind and period.

Pure functions over the folded text around a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice, pairwise

from llmx.folding import fold
from llmx.lines import lines_up
from llmx.quantities import Quantity
from llmx.rules.context import (
    Boundaries,
    DocumentContext,
    follows_a_base_mark,
    section_adjusts_budget,
    section_status,
    section_year,
)
from llmx.rules.filters import (
    INDICATOR_COUNT_AFTER,
    SEX_RATIO_MOVES,
    SEX_RATIO_NAMES,
    clause_before,
)
from llmx.sections import Section
from llmx.vocabulary import (
    CURRENCY_NAME,
    GOAL_QUALIFIERS,
    NOUN_FOLLOWS_UNITS,
    PERCENT_UNITS,
    POPULATION_RATE_UNITS,
    STATUS_CUES,
    SUFFIX_QUALIFIERS,
    Family,
    Scope,
    alternation,
    cue_pattern,
    cue_words,
    family_of,
    implied_kind,
)

_CHANGE_CUES = cue_pattern("change", Scope.CLAUSE)
_SHARE_CUES = cue_pattern("share", Scope.CLAUSE)
_TARGET_CUES = cue_pattern("target", Scope.CLAUSE)
_ACTUAL_CUES = cue_pattern("actual", Scope.CLAUSE)
_MULTI_YEAR = re.compile(
    r"年均|以来|十四五|[较比是][^\S\n]?20\d\d|五年|近(?:\d+|[两三四五六七八九十])年"
    r"|连续(?:\d+|[两三四五六七八九十]+)(?:年|个季度|个月)"
    r"|[两三四五]年平均"
    r"|(?:恢复|相当于|达到)(?:到|至)?(?:19|20)\d\d年(?:同期)?的"
)
# 1949~1985年的36年财政总收入: over a range of years (not a fiscal year, 2023-24年度).
_YEAR_RANGE = re.compile(
    r"(?:19|20)\d\d[^\S\n]?[-~—–～至到][^\S\n]?(?:19|20)?\d\d[^\S\n]?年(?![\d度])"
)
_NAMED_RANGE_AFTER = re.compile(r"[^\S\n]*[)）》]")
_ONE_YEAR_AFTER_RANGE = re.compile(
    r"(?:19|20)\d{2}年|今年|去年|明年|上年|本年|全年|当年|年末|年底|分别"
)
_WORDS = re.compile(r"\w")
_CLAUSE_BREAK = re.compile(r"[,，;；。:：]")
# 比 2020 年: a page set from a PDF may put spaces around the year.
_COMPARED_WITH_YEAR = re.compile(r"[比较][^\S\n]?((?:19|20)\d\d)[^\S\n]?年(?:同期|末|底)?")
# 与2010年第六次全国人口普查相比, 與前次普查(89年底)比較: a base year the sentence sets its
# figures against.
_SET_AGAINST_YEAR = re.compile(
    r"与[^。；;，,\d]{0,8}?[(（]?((?:19|20)\d\d)年(?!度)[^。；;]{0,24}?(?:相[比较]|比较)"
)
_SET_AGAINST_REACH = 120  # characters before a figure
# 与2021年同期相比上升0.8%: the year set against, alone (not 与2020年执行数相比, a figure of it).
_SET_AGAINST_SAME_MONTHS = re.compile(r"与(?:19|20)\d\d年(?:同期|末|底)?(?:相[比较]|比较)")
# Words that say a figure is a change (减少35892人, 增长3.57%).
_CHANGE_VERBS = r"增|减|降|升|涨|跌|提高|扩大|缩小|下滑|回落|翻|多|少"
# The verbs of a move from one level to another (由8.5%提高到…, 由4521人上升为8760人), before
# 到, 至 or 为: one list for where a move starts and where it ends.
_MOVE_VERBS = (
    r"提高|增加|上升|提升|增长|下降|减少|降低|压缩|缩短|缩小|收窄|扩大|调整|优化|转变|发展|演进"
    r"|变|增|降|升"
)
_CHANGED = re.compile(_CHANGE_VERBS)
# What a figure after 比2020年 does to it (增长5%); without one the figure is the base's own.
_MOVED_FROM_BASE = re.compile(_CHANGE_VERBS + r"|高|低|快|慢|持平|相比|相较|为|的")
# A sentence that names a span of years before a number speaks of the span: 五年间, 三年来,
# “十二五”期间.
_SPAN_OF_YEARS = re.compile(
    r"(?:[两三四五六七八九十]+|(?<!\d)\d{1,2})年(?:间|来)|[一二三四五六七八九十]{1,2}五”?(?:期间|时期)"
)
# A day of January to March, before Hong Kong's fiscal year closes: 3月31日, 一月三十一日, 3月底.
_BEFORE_APRIL = re.compile(
    r"(?:0?[123]|[一二三])月(?:[0-3]?\d日|[一二三]?十?[一二三四五六七八九]?日|底|末)"
)
# The years a paragraph's goals are set for: 今后五年, 未来五年.
_COMING_YEARS = re.compile(r"(?:今后|未来)(?:[两三四五六七八九十]|\d{1,2})年")
# Spans that a stated year narrows to that year (2020年1-6月累计完成 is 2020's).
_SPAN_WORDS = re.compile(r"累计|总投资|截至")
# Spans inside one year, which leave a figure the year's: 1-12月份累计, 截至9月底, 上半年.
_WITHIN_A_YEAR = re.compile(
    r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|截至\s*\d{1,2}\s*月|上半年|前三季度|[一二三四1-4]季度"
)
_YEAR_IN_SENTENCE = re.compile(r"((?:19|20)\d{2})年")
# Words around a number that say what happens to the indicator, not what it is.
_VERB_TAIL = re.compile(
    r"(?:分别|同比|环比|按[年季月]|(?:比|较)(?:上年|去年|上月|上期|上一期|上季度?|年初)(?:末|底|同期)?|"
    r"实际|年均|累计|全年|共|新增|"
    r"增长|下降|增加|减少|提高|降低|提升|上涨|增收|减收|增支|减支|调增|调减|"
    r"拟?调整|迈上|跨上|"
    r"达到|达|为|至|到|突破|超过|超|约|近|逾|实现|完成|保持在|控制在|稳定在|以上|增速|下降了|增长了|占|"
    r"[0-9.%、和及与的]|\s)+$"
)
_LEAD_WORDS = re.compile(
    r"^(?:其中|全年|全区|全市|全县|全省|全州|全镇|全旗|今年|明年|去年|上半年|前三季度|预计|该省|该市|"
    r"我县|我市|我省|我镇|我乡|我旗|我州|初步核算|据初步核算|据统计|"
    r"一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|"
    r"(?:19|20)\d{2}年|\d{1,2}[.、．](?!\d)|\(?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|"
    r"[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十]+(?:、|产))|"
    r"我区|共|并|及|和|与|、|“|”)+"
)
_INDICATOR_MAX = 20


def restates(folded: str, before: Quantity, quantity: Quantity) -> bool:
    """Whether `quantity` restates the one `before` it in another unit of its family, in
    brackets right after it: 比上年增加7.19千公顷(10.78万亩), 增产196万吨(39亿斤). It is the
    same measure, so it is of the same kind."""
    # 8.96公斤/公顷(0.60公斤/亩): a rate's family is its numerator's.
    family, family_before = (family_of(q.unit.split("/")[0]) for q in (quantity, before))
    return (
        folded[before.end : quantity.start] in ("(", "（")
        and folded[quantity.end : quantity.end + 1] in (")", "）")
        and quantity.unit != before.unit
        and family is not None
        and family == family_before
    )


_RATE_OF_CHANGE_OPENING = re.compile(r"\s?[(（]\s?[-+−↑↓]?\s?")


def _opens_a_clause(folded: str, start: int, at: int) -> bool:
    """Whether nothing but punctuation stands between the clause break before `at` (or
    `start`) and `at`: `政府估計,2003 - 2007年…`, not `围绕2022至2024年…`."""
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(folded, start, at)]
    return not _WORDS.search(folded, breaks[-1] if breaks else start, at)


def rate_of(folded: str, before: Quantity, quantity: Quantity) -> bool:
    """Whether `quantity` is the rate of change of the figure `before` it, in brackets right
    after it (减少102,495公噸(-8.48%), 3,795 (↑92.3%)): a change over the same years."""
    return quantity.unit in PERCENT_UNITS and bool(
        _RATE_OF_CHANGE_OPENING.fullmatch(folded, before.end, quantity.start)
    )


def kind_of(folded: str, quantity: Quantity) -> str:
    implied = implied_kind(quantity.unit)
    if implied:
        return implied
    # 完成年度目标任务的113%、220%和148%: a list's later items are of its first's kind.
    head = _list_head(folded, quantity) or quantity
    # 比上年增加人民币100亿元: the currency named before an amount stands between it and its verb.
    currency = _CURRENCY_BEFORE.search(folded, max(0, head.start - _CURRENCY_REACH), head.start)
    return _own_kind(folded, replace(head, start=currency.start()) if currency else head)


_CURRENCY_BEFORE = re.compile(r"(?:人民币|港币|港元|新台币|澳门币|澳门元|澳币|葡币)\s*$")
_CURRENCY_REACH = 8  # characters: the word and the spaces after it, not the text before


def _own_kind(folded: str, quantity: Quantity) -> str:
    """The kind the words around a figure give it (its unit implying none)."""
    near = folded[max(0, quantity.start - 8) : quantity.start]
    clause = clause_before(folded, quantity.start)
    moved = _MOVED_TO.search(folded, max(0, quantity.start - _MOVED_REACH), quantity.start)
    index = quantity.unit == "%" and _INDEX_LEVEL.search(near) and not moved
    if quantity.unit in POPULATION_RATE_UNITS or index:
        # Birth and death rates per mille and price indices (105.0%) are levels; a natural
        # growth rate per mille is a change (ANNOTATION.md, section 4).
        return "change" if _GROWTH_RATE.search(near) else "level"
    if quantity.unit in PERCENT_UNITS and (
        _COMPLETION_RATIO.search(near)
        or _COMPLETION_OF_BUDGET.search(clause)
        or _in_percent_ratio(folded, quantity)
    ):
        return "share"
    if (
        quantity.unit in PERCENT_UNITS
        and _COMPARED_WITH_GOAL.search(near)
        and _TASK_AFTER.match(folded, quantity.end)
    ):
        # The clause is only 低于; what the goal is of is named earlier in the sentence.
        before = folded[max(0, quantity.start - _CLAUSE_MAX) : quantity.start]
        return "share" if _SHARE_CUES.search(before) else "level"
    if quantity.unit in PERCENT_UNITS and moved:
        # 比重由上年的8.5%提高到9.1%: both ends are levels of what moved; a list of them
        # (结构由上年的10.40%、53.13%和36.47%调整为2003年的9.47%、…) keeps its cue far back.
        # 贫困发生率下降到15%: the verb that moves it says nothing of what moved.
        subject = _MOVING_VERB.sub("", clause)
        growth = _GROWTH_RATE.search(subject) or _GROWTH_WORDS.search(subject)
        wide = clause_before(folded, quantity.start, limit=_SHARE_LIST_REACH)
        return "change" if growth else "share" if _SHARE_CUES.search(wide) else "level"
    if quantity.unit in PERCENT_UNITS:
        if _SHARE_CUES.search(near) and not _SHARE_MOVED.search(near[-4:]):
            return "share"
        if _CHANGE_CUES.search(near) or _CHANGE_CUES.search(clause[-12:]):
            return "change"
        # A long list of shares (构成由…22.26%、28.63%和49.11%调整为…) keeps its cue far back.
        wide = clause_before(folded, quantity.start, limit=_SHARE_LIST_REACH)
        return "share" if _SHARE_CUES.search(wide) else "change"
    if _CHANGE_AGAINST_LAST_YEAR.search(near) or _NET_CHANGE.search(near):
        return "change"
    if _GAP_BEFORE.search(clause):
        return "change"  # 两地财政收入仅相差0.1亿元: a gap between two measures of one time
    restated = _RESTATED_CHANGE.search(
        folded, max(0, quantity.start - _RESTATED_REACH), quantity.start
    )
    if _BARE_CHANGE.search(near) or restated:
        return "change"
    if _COMPARED_CHANGE.search(clause) or _LISTED_CHANGES.search(clause):
        return "change"
    return "level"


def _list_head(folded: str, quantity: Quantity) -> Quantity | None:
    """The first figure of the list of figures in its unit that `quantity` is a later item of
    (`47.5%和44.8%`), whose words are the whole list's: walked back item by item, at most
    _LIST_ITEMS_MAX, so a page-long list costs no more per figure; None where `quantity`
    is no later item of a list."""
    written = _LEADING_FIGURE.sub("", quantity.text)
    if not written or quantity.unit not in PERCENT_UNITS:
        return None
    item_before = _item_before(written)
    start = end = quantity.start
    for _ in range(_LIST_ITEMS_MAX):
        window_start = max(0, start - _LIST_ITEM_REACH)
        item = item_before.search(folded, window_start, start)
        if item is None:
            break
        start = item.start()
        end = start + len(item.group(1)) + len(written)
    if start == quantity.start:
        return None
    return replace(quantity, start=start, end=end, text=folded[start:end])


@lru_cache(maxsize=64)
def _item_before(written: str) -> re.Pattern[str]:
    """A figure written in `written`'s unit, then the 、, 和 or 及 joining it to the next."""
    return re.compile(rf"(-?\d[\d,.]*){re.escape(written)}\s*[、和及]\s*$")


_LEADING_FIGURE = re.compile(r"^[-−]?\d[\d,.]*")
_LIST_ITEM_REACH = 24
_LIST_ITEMS_MAX = 30


# 占比提升0.58%, CPI年增率平均上涨1.32% (Taiwan's 年增率, a rate of growth): a share word
# followed by a move is a change.
_SHARE_MOVED = re.compile(r"(?:增长|下降|增速|递增|递减|提升|提高|上升|降低|上涨|下跌|增率)(?!面)")
_INDEX_LEVEL = re.compile(r"指数(?:为|是|达到?)?$|(?:19|20)\d\d年(?:同期)?的$")
# 人口增加率为千分之3.92, 年成長率為千分之4.66: Taiwan's words for a rate of growth; not a
# rate that fell to a level (婴儿死亡率下降到4.5‰, 下降为).
_GROWTH_RATE = re.compile(
    r"(?:增长|成长|增加)率(?:为|是|达到?)?-?$|增长(?![到至])|下降(?![到至为])"
)
# 完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的104.3%, 完成预算数107.06%.
_COMPLETION_OF_BUDGET = re.compile(
    r"(?:完成|为|占)[^，。；]{0,30}(?:预算|计划|目标)(?:[^，。；]{0,14}的|数)?\s*$"
)
# 为年度预算411.08亿元的100.58%, 完成年度指标159.2亿元的57.8%: the amount a result is
# measured against is the plan's.
_PLAN_MEASURED_AGAINST = re.compile(r"(?:预算|计划|目标|指标|任务)(?:数|为)?$")
_SHARE_OF_IT_AFTER = re.compile(r"\s*的\s*\d")
_MOVED_TO = re.compile(
    r"(?:提高|降低|下降|上升|提升|增加|减少|增长|扩大|缩小|调整|演进)(?:到|至|为)(?:(?:19|20)\d\d年的)?$"
    r"|由(?:上年)?的?$"
)
_MOVED_REACH = 14
# 相差0.1亿元, 被宜昌反超20.5亿元, 两者差距已被拉大到了478.6亿元 (GUIDELINES, round 13).
_GAP_BEFORE = re.compile(
    r"(?:相差|反超|差距[^，。；\d]{0,8}?(?:为|是|达|有|到|超过|接近))了?(?:约|近|超)?$"
)
# The verb that moved a level (下降到15%), less 增长为 (a growth, 经济增长为3%).
_MOVING_VERB = re.compile(
    r"(?:提高|降低|下降|上升|提升|增加|减少|扩大|缩小|调整|演进)(?:到|至|为)$"
)
_GROWTH_WORDS = re.compile(r"增速|增幅|涨幅|升幅|降幅|跌幅")
# Amounts that are changes by their verb: 增收7260万元, 净增额达3.2亿元, 净增98万户 (a net
# increase is the change of a stock, GUIDELINES "净增 is change"; 新增 counts additions, a level).
_NET_CHANGE = re.compile(
    r"(?:增收|减收|增支|减支|增产|减产|超收|超支|短收|调增|调减|增列|减列|净增额?达?|净减少?"
    r"|删[减除]?|削减|核减|缩减"  # a budget cut by a council: 刪減5萬元, 小刪二十一萬餘元
    r"|偏高|偏低|偏多|偏少"  # weather against its normal: 比历年平均值12.7℃偏高1.3℃
    r"|净迁[出入移](?:人口|人数)?(?:为|达)?"  # net migration, like 净增
    r"|净增[^\d，。；、]{1,8}?(?:为|达)?"  # 净增住宅电话用户1215户
    r"|超(?:年初|调整)?预算)了?$"
    # 自然增长人口1011人: a natural increase is the change of the population (GUIDELINES).
    r"|自然增长(?:人口|人数)?(?:为|达)?$"
)
# 稻谷播种面积减少0.2千公顷: an amount right after the verb of a change is the change, the
# comparison with the year before left implied (增加到/增至 reach a level, 新增 counts one).
_BARE_CHANGE = re.compile(r"(?<!新)(?:增加|减少|增长|下降|上升|降低)了?\s*(?:约|近)?\s*$")
_COMPARED_CHANGE = re.compile(
    r"(?:比|较)[^，。；]{0,10}(?:增加|减少|增长|下降|净增|净减|新增|增产|减产|多投|少投|多|少|增|减)了?\s*$"
)
# 分别比上年增加4辆、12台、8台和10条: every figure of a list after the change it gives.
_LISTED_CHANGES = re.compile(
    r"分别(?:比|较)[^，。；]{0,10}?(?:增加|减少|增长|下降|多|少)了?"
    r"(?:\s*[\d.]+[^\d，。；、和及]{0,5}[、和及])+\s*$"
)
# 按年增加百分之十五点四,即六百六十九亿元: the amount that restates a change is the change.
_RESTATED_REACH = 24
_SHARE_LIST_REACH = 64
_RESTATED_CHANGE = re.compile(
    r"(?:增加|减少|增长|下降|上升|下跌)[^，。；]{1,14}[，,]\s*即\s*$"
    # 人口总增加率为千分之1.41(564人): the count a growth rate stands for, in brackets
    r"|(?:增长|成长|增加)率(?:为|是|达到?)?\s*(?:千分之|百分之)?\d[\d.]*\s*[%‰]?\s*[(（]$"
)
_CHANGE_AGAINST_LAST_YEAR = re.compile(
    r"(?:(?:比|较)(?:上年|去年)(?:末|底|同期)?|同比)(?:增加|减少|增长|下降|多|少)了?$"
)
# 完成收入预期的97.0%, 完成调整预期的96.8%, 预算收入950.23亿元,进度100.02%: a result as a
# share of what was planned (but 超序时进度5.9%, ahead of the pace by so much, is a change).
_COMPLETION_RATIO = re.compile(
    r"(?:(?:为|占|完成)(?:年初|调整)?(?:预算|计划)数?的?|(?:完成|实现)[^，。；]{0,8}(?:计划|目标|任务|指标|预期)的?|完成|比(?:达|提高到|为)?|(?<!增长)(?<!递增)(?<!递减)(?<!年增)率(?:达|为|达到)|(?<!序时)进度(?:为|达到?)?)$"
)
_AGAINST_PLAN = re.compile(
    r"(?:完成|超过?|占|实现|达到|高于|低于)[^，。；]{0,6}(?:计划|目标)[^，。；]{0,3}$"
    # 比预期目标高1.5个百分点: a result against the goal.
    r"|比[^，。；]{0,6}(?:计划|目标)(?:高|低|多|少|快|慢)出?了?$"
    # 开支较修订预算减少了22亿元: a year's outcome against its budget as revised.
    r"|(?:比对?|较)(?:修订|调整)预算[^，。；\d]{0,6}$"
)
# 收入超预算1.66亿元: by how much the result passed the budget.
_OVER_BUDGET = re.compile(r"超(?:年初|调整)?预算$")
_AGAINST_ORIGINAL = re.compile(
    r"(?:较|比)(?:原来|原先|原)(?:的)?预算[^，。；\d]{0,4}$|较预期[^，。；\d]{0,6}$"
)
_LIST_ITEM = re.compile(r"^\s*\d{1,3}[.、．]")
_COMPLETION_NOTE = re.compile(r"[(（][^()（）]*完成[^()（）]*[)）]\s*$")


_FORECAST = re.compile(r"预计(?:完成|实现|达到|全年)?")
_FORECAST_OF_PLAN_YEAR = re.compile(r"预计((?:19|20)\d{2})年")
# 目标是“增长7%”: a goal quoted after its name, opening with its verb.
_CLAUSES_BEFORE = re.compile(r"^.*[，,；;。]")
_PLANNED_NEAR = re.compile(
    r"(?:计划|目标|预期)(?:投资|任务)?(?:为|是|达到)?(?:“(?:保|争|"
    + _CHANGE_CUES.pattern
    + r")?)?$|年计划|目标任务|计划投资|预期目标|预期(?:"
    + _CHANGE_CUES.pattern
    + r")$"  # 预期增长12%; not 比计划降低2.3%, a result against the plan
)
# Budget words, read in a clause and in a column header alike (预算数, 年初预算 / 执行数).
_BUDGET_CUES = [cue for cue in STATUS_CUES if cue.scope == Scope.CLAUSE | Scope.HEADER]
_BUDGETED_NEAR = re.compile(
    # 安排预算稳定调节基金 is money put into the stabilisation fund: spent, not budgeted.
    # 政府收入的修订预算为6827亿港元: a budget as revised (but 较修订预算减少, a result against it)
    rf"(?:{alternation(cue_words(_BUDGET_CUES, 'target', Scope.CLAUSE)).pattern}|预算为"
    r"|(?<![比较对])修订预算"
    r"|安排(?!预算稳定调节基金)|(?:收入|支出)预算数?)"
    r"[^，。；,;\d]{0,10}$"
)
# 人大批准的一般公共预算收入为115.4亿元, 执行中按法定程序调整为114.7亿元: the budget as
# approved and as adjusted, before the result.
_APPROVED_BUDGET = re.compile(
    r"(?:批准|批复)的?[^，。；\d]{0,20}$|(?:执行中|程序)[^，。；\d]{0,8}调整为$"
)
# 一般公共预算收入由83.318亿元调整为143.5576亿元: a budget adjusted is a budget, both ends
# (收入由1070亿元增加到1963.5亿元 is a result's growth).
_BUDGET_ADJUSTED_FROM = re.compile(r"预算[^，。；\d]{0,20}由(?:年初(?:预算)?的?)?\s*$")
# 年初预算为:一般公共预算收入76138万元(…); 经…批准,…调整为89138万元,调增13000万元,其中:税收
# 收入调整为40500万元: a sentence on the budget as passed or as adjusted states budgets.
_BUDGET_AS_PASSED = re.compile(r"年初预算(?:数)?为\s*[:：]")
# “三公经费”财政拨款预算总额为9.21亿元,其中因公出国(境)费0.80亿元: a budget's total and parts.
_BUDGET_TOTAL = re.compile(r"预算总额为")
_ADJUSTED_TO = re.compile(r"(?:调整为|调增|调减)\s*$")
_ADJUSTED_TO_AFTER = re.compile(r"\s*调整为")
_ADJUSTED_AFTER = re.compile(r"\s*[,，]?\s*(?:调增|调减|调整为)")
# 通過…第二補充預算,金額為$8,600,000.00; 本身預算…預計收入及開支之金額均為$…: the sum of a
# budget a gazette publishes.
_BUDGET_SUM = re.compile(rf"预算[^。；;]{{0,40}}金额均?为\s*(?:\$|{CURRENCY_NAME})?\s*$")
_BUDGET_SUM_REACH = 60
# 完成国家下达的110万人年度任务, 低于5%的控制目标: the number named is the goal itself.
_TASK_AFTER = re.compile(
    r"(?:左右)?的?(?:年度|控制|预期)?(?:目标)?任务|(?:左右)?的?((?:年度|控制|预期|增长)目标)"
)
# 低于5%的控制目标 compares a result with the goal; the goal is a level of what is measured.
_COMPARED_WITH_GOAL = re.compile(r"(?:低于|高于|好于|优于)$")
# 代编预算: opens a budget; 一般公共预算: / 政府性基金预算: / 国有资本经营预算: only name a fund.
_BUDGET_SENTENCE = re.compile(r"(?<![共金营])预算[:：]")
_EXECUTED_NEAR = re.compile(
    rf"(?:{alternation(cue_words(_BUDGET_CUES, 'actual', Scope.CLAUSE)).pattern})[^，。；]{{0,6}}$"
)
# Modal words that make a clause a goal even inside a review: 力争全年增长6%. (争取 is not
# one there: 争取上级资金28.6亿元 reports money obtained.)
# 确保完成生产总值5420亿元 is a goal; 确保了 reports one met.
# 人均GDP要达到1.8万元: 要 before the verb of a goal (not 主要, 重要, 需要).
_GOAL_MODALS = re.compile(
    r"力争|确保(?!了)|(?<!模)拟(?!定)|(?<![主重需只])要(?:达到|实现|控制在|提高到|突破|保持)"
)
# How far back in its sentence an announcement still makes a number a goal. A bound, so a
# "sentence" of thousands of clauses (a file with no full stop) costs each number a constant.
_GOAL_REACH = 400
# This year's goals announced: 今年将…, and a work report's promised projects (承诺今年再为百姓
# 办12件实事, 第一件实事是全年实现…): figures for the plan year.
_THIS_YEARS_GOALS = (
    # 今年下半年,贵州将确保…: a clause naming the part of the year may come between.
    r"(?<![比较同与])今年(?:[^。；;]{0,12}(?:将|(?<![主重需只])要|力争)|[^。；;，,]{0,16}目标)"
    r"|(?<!去年)(?<!上年)(?<!年初)承诺[^。；;，,了的]{0,4}(?:今年|明年|再|将|要)"
    r"(?![^。；;]*(?:完成|兑现|落实|办结))"
    r"|第[一二三四五六七八九十\d]{1,3}件(?:民生)?实事是"
    r"|(?<![比较同与])今年[^。；;，,]{0,12}(?:总)?预算(?:草)?案"  # 审议通过台北市今年总预算案
)
# A sentence that announces goals, in a review part or a news story on a plan: this year's,
# 《计划》提出,今年…增长将保持10%, or next year's.
_GOALS_ANNOUNCED = re.compile(
    _THIS_YEARS_GOALS + r"|(?:计划|报告|草案)》?还?提出"
    r"|(?<![比较同与])明年(?!同期)"  # 明年中央政府总预算案,岁出首次突破2兆元
)
_PLAN_YEARS_GOALS = re.compile(_THIS_YEARS_GOALS)


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
    near_clause = folded[bounds.clause_start(quantity.start) : quantity.start]
    sentence = folded[bounds.sentence_start(quantity.start) : quantity.start]
    # A figure for a year after the one reported on is a goal (2024年,全省将…40%以上), but a
    # stock as of a date is counted, whatever year it is (截至2014年底,…保有量为3辆).
    ahead = False
    stated = None
    if context.plan_year:
        stated = _opening_year(
            folded, bounds, quantity.start, across_semicolons=True
        ) or _list_lead_year(folded, quantity.start)
        ahead = bool(stated and stated >= context.plan_year)
        ahead = ahead and not re.search(rf"{_AS_OF}{stated}年", sentence)
    forecast = _FORECAST.search(near)
    if forecast:
        # 预计2024年…60亿元 in a plan is a forecast of the plan year: a target. So is one that
        # names no year in a budget for its year (二零一九/二零年度财政预算: 入息及利得税预计为
        # 二千三百五十九亿元), while 预计政府2015/2016年度盈余 closes the year before it.
        planned = _FORECAST_OF_PLAN_YEAR.search(near)
        ahead = ahead or bool(
            planned and context.plan_year and planned.group(1) >= context.plan_year
        )
        unnamed = context.planned and stated is None and not _YEAR_IN_SENTENCE.search(sentence)
        return "target" if ahead or unnamed else "actual"
    if _PLAN_MEASURED_AGAINST.search(near) and _SHARE_OF_IT_AFTER.match(folded, quantity.end):
        return "target"
    if context.fiscal_year_ends_in_march and _AGAINST_ORIGINAL.search(near):
        # 修订预算是4570亿港元,较原来预算低4.2%: in a budget speech given before its year
        # closes (Hong Kong's ends in March), the year's revised estimate against the
        # original, or against what was expected, is still an estimate.
        return "target"
    if (
        _AGAINST_PLAN.search(near)
        or _OVER_BUDGET.search(near)
        or (quantity.unit in PERCENT_UNITS and _COMPLETION_OF_BUDGET.search(near_clause))
    ):
        return "actual"  # a result measured against the plan
    if quantity.unit == "项" and INDICATOR_COUNT_AFTER.match(folded, quantity.end):
        return "actual"  # counts of indicators are actual (ANNOTATION.md, section 4)
    if _is_establishment(folded, quantity):
        return (
            "actual"  # 下属事业单位4个, 行政编制85人: a department's offices and staff as they are
        )
    listed = _planned_list_item(folded, bounds, quantity)
    if listed:
        return listed
    # Within the clause: 确定的各项目标任务,全面完成了119项 reports a result after a goal.
    if _PLANNED_NEAR.search(_CLAUSES_BEFORE.sub("", near)) or _BUDGETED_NEAR.search(near):
        return "target"
    if _APPROVED_BUDGET.search(near_clause) or _BUDGET_SUM.search(sentence[-_BUDGET_SUM_REACH:]):
        return "target"
    if _BUDGET_ADJUSTED_FROM.search(near_clause) and _ADJUSTED_TO_AFTER.match(folded, quantity.end):
        return "target"
    whole_sentence = folded[bounds.full_sentence_start(quantity.start) : quantity.start]
    # 市本级收入预算601亿,保持不变;转移性收入881亿,调增99亿,调整为980亿: the budget the
    # sentence adjusts, past its semicolons.
    adjusted = _ADJUSTED_TO.search(near_clause) or _ADJUSTED_AFTER.match(folded, quantity.end)
    if (
        _BUDGET_AS_PASSED.search(whole_sentence)
        or _BUDGET_TOTAL.search(whole_sentence)
        or (adjusted and "预算" in whole_sentence)
    ):
        return "target"
    if _TASK_AFTER.match(folded, quantity.end) or _BUDGET_SENTENCE.search(sentence):
        return "target"  # 完成国家下达的110万人年度任务; 代编预算:收入预算58715万元
    if _EXECUTED_NEAR.search(near) and not _GOAL_MODALS.search(near):
        return "actual"
    if default == "actual":
        goal = (
            ahead
            or _GOAL_MODALS.search(near_clause[-_CLAUSE_MAX:])
            or _GOALS_ANNOUNCED.search(sentence[-_GOAL_REACH:])
            or _goal_list_lead(folded, quantity.start) is not None
            or (quantity.qualifier in GOAL_QUALIFIERS and not _ACTUAL_CUES.search(sentence))
        )
        return "target" if goal else "actual"
    years = _YEAR_IN_SENTENCE.findall(sentence)
    if years and _ACTUAL_CUES.search(sentence) and not _TARGET_CUES.search(sentence):
        return "actual"
    return default


# The items of a list each a paragraph of its own, numbered (2021年支出主要用于以下事项:⏎⏎1.一般
# 公共服务支出3771万元;⏎⏎2.国防支出23万元), up to the number being read.
_NUMBERED_ITEMS = re.compile(r"(?:\n[ \t\u3000]*(?:(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])[^\n]*)?)*")


def _list_lead(folded: str, position: int, *, whole_paragraph: bool = False) -> str | None:
    """The words that lead the list `position` is in, up to its colon, when it is in one that
    runs to the paragraph's full stop or blank line: 预期目标是:——生产总值增长13%;——投资增长
    30%, 2020年成就:⏎生产总值2.62万亿元⏎…, whatever marks its items. With `whole_paragraph`,
    a list that goes on past full stops to the end of its paragraph."""
    window = max(0, position - _LIST_REACH)
    lead = max(folded.rfind(colon, window, position) for colon in ":：")
    while lead > window and (_RATIO_COLON.match(folded, lead) or folded.startswith("//", lead + 1)):
        # 由2005年的3.0:85.9:11.1调整为…: a ratio's colon leads no list, nor a web
        # address's (http://www.ris.gov.tw/…).
        lead = max(folded.rfind(colon, window, lead) for colon in ":：")
    if lead < 0:
        return None
    between = folded[lead:position]
    if whole_paragraph:
        broken = "\n" in between
    else:
        paragraphs = "\n\n" in between and not _NUMBERED_ITEMS.fullmatch(between[1:])
        broken = "。" in between or paragraphs
    if broken:
        return None
    lead_start = max(0, lead - _LEAD_MAX)
    line_start = max(folded.rfind(mark, lead_start, lead) for mark in "\n。；;") + 1
    return folded[max(line_start, lead_start) : lead]


def _goal_list_lead(folded: str, position: int) -> str | None:
    """The lead of the list of goals `position` is in (预期目标是:…, 主要目标:…), if it is in
    one. A paragraph that opens a list of goals keeps to goals past its full stops (主要预期
    目标是:生产总值增长7.5%左右。…比重达到66%左右): a report states the next goal, not a
    result, in the same paragraph."""
    for whole_paragraph in (False, True):
        lead = _list_lead(folded, position, whole_paragraph=whole_paragraph)
        if lead is not None and _GOAL_LEAD.search(lead):
            return lead
    # 主要目标⏎生产总值增长11.5%左右,…: a heading line of its own over the paragraph.
    paragraph = folded.rfind("\n", max(0, position - _LIST_REACH), position)
    # 下一阶段,福州将…;…;新改扩建公办幼儿园33所…: a paragraph that opens on the next steps.
    next_steps = _NEXT_STEPS.match(folded, paragraph + 1) if paragraph >= 0 else None
    if next_steps:
        return next_steps.group()
    if paragraph <= 0:
        return None
    # 预期目标⏎⏎生产总值增长10.5%: a blank line may come between the heading and its goals.
    heading = next((line.strip() for _, line in lines_up(folded, paragraph) if line.strip()), "")
    if _GOAL_HEADING.fullmatch(heading):
        return heading
    return _numbered_goals_lead(folded, position) or _announced_items_lead(folded, position)


def _announced_items_lead(folded: str, position: int) -> str | None:
    """The sentence announcing this year's projects that the numbered items `position` is in
    follow (今年将继续…扎实办好“十件民生实事”。⏎(一)⏎促进群众就业增收,开展职业技能培训2.5万人次)."""
    first = _first_item_above(folded, position)
    if first is None:
        return None
    before = folded[max(0, position - _ITEMS_REACH) : first].rstrip()
    if not before.endswith(("。", ":", "：")):
        return None  # a heading's words, no sentence announcing the items
    lead = before[max(before.rfind("。", 0, len(before) - 1), before.rfind("\n")) + 1 :]
    return lead if _GOALS_ANNOUNCED.search(lead) else None


def _first_item_above(folded: str, position: int) -> int | None:
    """Where the list `position` is in opens, at its first item ((一), 一、, 1.), when the lines
    from there to `position` are numbered items only: each a line that opens on its number,
    and at most one line of its own after it. Walked up a line at a time, so a number in no
    list is let go at its second line of prose."""
    unnumbered = 0
    for start, line in lines_up(folded, position, max(0, position - _ITEMS_REACH)):
        if line.strip():
            if _FIRST_ITEM.match(line) and start > 0:
                return start
            unnumbered = 0 if _ITEM_NUMBER.match(line) else unnumbered + 1
            if unnumbered > 1:
                return None
    return None


# The first of a list's numbered items, and any item's number, opening a line: (一), 一、, 1.
_FIRST_ITEM = re.compile(r"[^\S\n]*(?:[(（]一[)）]|一、|1[.、．](?!\d))")
_ITEM_NUMBER = re.compile(
    r"[^\S\n]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))"
)


def _plan_period_goal(folded: str, position: int) -> bool:
    """Whether `position` is in a list of goals its lead sets for a plan's years (“十一五”…的
    主要目标是:, 今后五年的主要目标是:)."""
    lead = _goal_list_lead(folded, position)
    return lead is not None and bool(_PLAN_YEARS_LEAD.search(lead))


_PLAN_YEARS_LEAD = re.compile(r"[一二三四五六七八九十]{1,2}五”?(?!年)|(?:今后|未来)[^,，。]{0,3}年")


def _numbered_goals_lead(folded: str, position: int) -> str | None:
    """The lead of a list of goals whose items are numbered paragraphs of several sentences,
    when `position` is in one of them (主要目标是:⏎⏎1.经济增长。GDP年均增长10%左右,…⏎⏎2.…)."""
    item = _paragraph_start(folded, position)
    if not _ITEM_OPENING.match(folded, item):
        return None
    window = max(0, item - _ITEMS_REACH)
    colon = max(folded.rfind(mark, window, item) for mark in ":：")
    if colon < 0 or not _ITEMS_AFTER_LEAD.fullmatch(folded, colon + 1, item):
        return None
    line_start = folded.rfind("\n", 0, colon) + 1
    lead = folded[max(line_start, colon - _LEAD_MAX) : colon]
    return lead if _GOAL_LEAD.search(lead) else None


def _paragraph_start(folded: str, position: int) -> int:
    """Where the paragraph `position` is in starts: after the blank line before it, a few
    wrapped lines back at most."""
    start = folded.rfind("\n", 0, position) + 1
    for _ in range(_WRAPPED_LINES_MAX):
        if start == 0:
            break
        above = folded.rfind("\n", 0, start - 1) + 1
        if not folded[above : start - 1].strip():
            break
        start = above
    return start


_WRAPPED_LINES_MAX = 8
_ITEMS_REACH = 2400
_ITEM_OPENING = re.compile(r"[^\S\n]*\d{1,2}[.、．](?!\d)")
# After a lead's colon, up to an item: blank lines, then numbered paragraphs, each maybe
# wrapped over lines, blank lines between them.
_ITEMS_AFTER_LEAD = re.compile(
    r"[^\S\n]*\n(?:[^\S\n]*\n)*(?:[^\S\n]*\d{1,2}[.、．][^\n]*\n(?:[^\S\n]*[^\s\d][^\n]*\n)*"
    r"(?:[^\S\n]*\n)+)*[^\S\n]*"
)


_LIST_REACH = 600
_NEXT_STEPS = re.compile(r"\s*(?:下一阶段|下阶段|下一步)[,，]?[^。；;，,]{0,12}(?:将|要|力争)")
_GOAL_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])?\s*"
    r"(?:主要|预期|发展|总体)?(?:预期)?目标(?:任务)?"
)
_LEAD_MAX = 30
# 预期目标是:…, 主要任务:…, 发展指标体系安排,具体为:…
_GOAL_LEAD = re.compile(
    r"(?:目标|预期|计划|任务|要求|指标(?:体系)?安排)(?:[是为]|[,，]?具体(?:为|如下))?$"
    # 这12件实事包括:…: a work report's promised projects (not 年初确定的10件实事包括:, a review's)
    r"|(?:^|[,，])这[\d一二三四五六七八九十]{1,3}件(?:民生)?实事(?:是|包括|有)$"
)


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
# 2022 年: a page set from a PDF may put a space before 年, as it may before a constant-price
# base's 年 (2010 年不变价), which dates nothing.
# A fiscal year over two calendar years (2023/2024年度, 2023-24年度) is the year it begins;
# 2016-2020年度 is a span of years.
_A_YEAR = (
    r"((?:19|20)\d{2})(?:\s*(?:[/／]\s*(?:19|20)?|[\-－]\s*)\d{2}\s*(?:财政)?年度|年|[^\S\n]年(?!不变价|可比价))"
    r"(?!以来|[—\-至到~～]\s*\d)"
)
_STATED_YEAR = re.compile(r"(?<![—\-至到~～\d])" + _A_YEAR)
# 截至2022年底: the year a stock is counted as of.
_AS_OF = "截[至止][到至]?"
_CLAUSE_OPENING_YEAR = re.compile(
    r"\W*(?:\d{1,3}[.．、]\s*)?(?:具体(?:而言|来说)?[,，]?(?:就是)?|也就是|就是)?"
    r"(?:其中|全年|另外|此外|同时|预计|力争|据快报统计|报告指出)?"
    + rf"(?:{_AS_OF}|到|至)?\s*"
    + _A_YEAR
    # 在2023年度,…: a year its own clause is; 在2022年的基础上 is a base.
    + r"|\W*(?:在|于)\s*"
    + _A_YEAR
    + r"(?=\s*[,，])"
)
# 今年, 去年, 明年 as the time of a clause (not 比去年, 较去年, 同比 comparisons).
_RELATIVE_YEAR = re.compile(r"(?<![比较于同与])(今年|去年|明年|上年)(?!同期|以来)")
_BASE_BEFORE = re.compile(r"(?:由|从)(?:上年|去年)?的?[^，。；]{0,16}$")
# 由4521人上升为8760人: the level a move came to, not a change.
_MOVED_TO_LEVEL = re.compile(r"(?:由|从)[^，。；]{0,30}?(?:" + _MOVE_VERBS + r")(?:到|至|为)\s*$")
# 比2010年第六次全国人口普查的3.21人: words naming the base, then 的 and the figure.
_BASE_YEARS_FIGURE = re.compile(r"(?:(?!" + _CHANGE_VERBS + r")[^，,。；;\d]){0,24}的\s*")
# Matched at a position (pattern.match(text, pos)), not on a copy of the rest of the text.
_BASE_AFTER = re.compile(
    r"[^，。；]{0,16}?(?:(?:" + _MOVE_VERBS + r")(?:到|至|为)|调整(?=\d))"
)  # 由上年的16.8∶50.1∶33.1调整15.4∶51.9∶32.7
# 比上年同期2.2亿元: the figure compared with is last year's.
_ENDS_DATED = re.compile(r"(?<![较比是])((?:19|20)\d\d)年(?:底|末)?的$")
# 较上年度法定预算数128.94亿元 too: the figure of a budget compared with.
_LAST_YEAR_BASE = re.compile(
    r"(?:比|较|同)(?:上年|去年)度?(?:同期|末|底)?(?:[^，。；\d增减降升]{0,8}数)?的?[(（]?$"
)
# 比多年平均1463.2毫米, 比常年235毫米, 多年平均人均水资源量(1465立方米): a long-run normal, of
# no one year.
_LONG_RUN_BEFORE = re.compile(
    rf"(?:多年平均|常年|历年(?:同期)?平均)(?:(?!{_CHANGE_VERBS}|偏|相比)[^，。；\d]){{0,10}}[(（]?$"
)
_SAME_YEAR_BUDGET = re.compile(r"(?:由|从)(?:年初|调整前|原)预算(?:数)?$")
_MOVE_FROM_YEAR = re.compile(r"(?:由|从)[^，。；]*?(?:19|20)\d\d年[^，。；]*(?:到|至|为)$")
# 结构由上年的29.6∶39.4∶31.0转变为…: the year before is the start's, not the end's.
_MOVE_FROM_LAST_YEAR = re.compile(r"(?:由|从)(?:上年|去年)[^，。；]*(?:到|至|为)$")
_FUTURE = re.compile(r"将|力争|(?<!模)拟(?!定)")
_CLAUSE_MAX = 30


def _unset(clause: str) -> str:
    """A clause less the base year it sets its figures against (与2021年同期相比上升): that
    year is not the one the figures are for."""
    return _SET_AGAINST_SAME_MONTHS.sub("", clause)


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
    start = _ratio_start(folded, quantity)
    in_ratio = quantity.shape == "ratio_term" or _in_percent_ratio(folded, quantity)
    clause = (
        _clause_through_ratios(folded, start)
        if in_ratio
        else clause_before(folded, start, limit=_CLAUSE_MAX)
    )
    # The sentence before the number, as far back as a goal is looked for.
    recent = max(bounds.sentence_start(quantity.start), start - _GOAL_REACH)
    compared = _COMPARED_WITH_YEAR.search(clause)
    if compared and (
        not _MOVED_FROM_BASE.search(clause, compared.end())
        # 比2010年第六次全国人口普查的3.21人减少0.34人: the census year's own figure
        or _BASE_YEARS_FIGURE.fullmatch(clause, compared.end())
    ):
        return compared.group(1)  # 较2025年法定预算数277.27亿元: the base year's own figure
    moved_to = _MOVED_TO_LEVEL.search(clause)
    census_base = (
        not compared
        and not moved_to
        and _BASE_BEFORE.search(clause)
        and _BASE_AFTER.match(folded, quantity.end)
        and not _SAME_YEAR_BUDGET.search(clause)
    )
    if census_base:
        # 与2010年第六次全国人口普查相比,…由4521人上升为8760人: the start is the census year's
        opened = max(bounds.full_sentence_start(start), start - _SET_AGAINST_REACH)
        if set_against := _SET_AGAINST_YEAR.search(folded, opened, start):
            return set_against.group(1)
    if _LONG_RUN_BEFORE.search(clause):
        return None
    if not compared and not moved_to and _CHANGED.search(clause):
        # 与2010年第六次全国人口普查相比,减少35892人: a change against a base year the
        # sentence set up before its clause, semicolons and all (汉族人口减少10134人;各少数
        # 民族人口增加36041人)
        opened = max(bounds.full_sentence_start(start), start - _SET_AGAINST_REACH)
        stated_here = _STATED_YEAR.findall(_unset(clause))
        if not stated_here:
            compared = _SET_AGAINST_YEAR.search(folded, opened, start)
        elif (
            set_against := _SET_AGAINST_YEAR.search(folded, bounds.sentence_start(start), start)
        ) and int(stated_here[-1]) - int(set_against.group(1)) > 1:
            # 與前次普查(2000年底)比較,2010年底常住人口增加3萬1,313人: over the ten years
            return None
    if compared:
        # 比1956年增长2.7% is the next year's change when that is a year the text is on (the
        # report's, or one its sentence names); 较2015年 in a 2020 report spans five years.
        next_year = str(int(compared.group(1)) + 1)
        named = next_year in (context.report_year, context.plan_year)
        named = named or f"{next_year}年" in folded[recent:start]
        return next_year if named else None
    if _MULTI_YEAR.search(clause):
        return None
    if _SPAN_OF_YEARS.search(folded, recent, start):
        return None  # 至2010年的五年间,…均为“十五”期末的2.48倍: over the five years
    sentence_start = _full_sentence_start(bounds, start)
    ranges = [
        found
        for found in _YEAR_RANGE.finditer(folded, sentence_start, start)
        # opening the sentence, not in it (围绕2022至2024年三年行动, 有2011至2020年出生的儿童),
        # nor the years of a plan it names (《…行动方案（2023—2027年）》)
        if _opens_a_clause(folded, sentence_start, found.start())
        and not _NAMED_RANGE_AFTER.match(folded, found.end())
    ]
    if ranges and not _ONE_YEAR_AFTER_RANGE.search(folded, ranges[-1].end(), start):
        # 1949~1985年的36年财政总收入24424万元,年平均679.28万元: over the years, where no
        # year of its own follows (今年1-2月份) nor a list of the years' figures (分别为).
        return None
    line_start = bounds.line_span(start)[0]
    if (
        (
            _SPAN_OF_YEARS.match(folded, line_start)
            or (
                _SPAN_OF_YEARS.match(folded, _heading_above(folded, line_start))
                # 去年,全市…增长6.5%; 全年…: a year of its own under the heading on five years.
                and not _RELATIVE_YEAR.search(folded, line_start, start)
                and "全年" not in folded[line_start:start]
            )
        )
        and not _YEAR_IN_SENTENCE.search(folded, line_start, start)
    ):
        # 五年来,…建成现代农业示范园区7个: a paragraph on the five years, or under a heading
        # line on them (五年来,产业结构进一步优化⏎工业结构加速调整。…占…10%以上).
        return None
    if (
        status == "target"
        and (coming := _COMING_YEARS.search(folded, line_start, start))
        and not _YEAR_IN_SENTENCE.search(folded, coming.end(), start)
        and not _RELATIVE_YEAR.search(folded, coming.end(), start)
    ):
        return None  # 今后五年…的主要目标是:…总量突破5500亿元: a goal for the five years
    ends_dated = _ENDS_DATED.search(clause)
    if ends_dated:
        return ends_dated.group(1)  # 由2002年的…增加到2007年的31800亿元
    # 由年初预算79552.91万元调整为82513.7万元: a budget adjusted within its year, no base.
    within = _SAME_YEAR_BUDGET.search(clause)
    moved = _BASE_BEFORE.search(clause) and _BASE_AFTER.match(folded, quantity.end)
    base = (moved and not within) or (
        # 比上年同期2.2亿元 is last year's level; 较上年2.1个百分点 is this year's change.
        _LAST_YEAR_BASE.search(clause) and implied_kind(quantity.unit) != "change"
    )
    if base and family_of(quantity.unit) is Family.DURATION:
        return None  # 从5天压缩至2天: a time it took before, not a year's value
    # 由2002年的800亿元增加到1500亿元: the year is the start's, not the end's.
    moved_from = _MOVE_FROM_YEAR.search(clause) or _MOVE_FROM_LAST_YEAR.search(clause)
    in_clause = [] if moved_from else _STATED_YEAR.findall(clause)
    # 上半年,全市公共财政收入累计完成143.7亿元: the months may open the sentence, or the
    # paragraph (上半年,城乡居民累计生活用电量…。其中,城镇居民累计用电量为5.18亿千瓦时).
    if _SPAN_WORDS.search(clause) and not in_clause and not _months_before(folded, bounds, start):
        return None
    dating = "" if moved_from else clause
    stated = _stated_year(folded, bounds, start, dating, in_clause, status, context, bool(base))
    if stated and context.fiscal_year_ends_in_march and _before_april(clause, stated):
        return _year_before(stated)  # 财政储备在2010年三月三十一日为…: fiscal 2009's
    if stated:
        return _year_before(stated) if base and not in_clause else stated
    if status == "target" and _plan_period_goal(folded, start):
        return None  # “十一五”经济社会发展的主要目标是:⏎⏎1.…财政总收入达到1300亿元
    default = section_status(section, context)
    sentence = folded[bounds.sentence_start(quantity.start) : quantity.start]
    establishment = _is_establishment(folded, quantity) and not _YEAR_IN_SENTENCE.search(
        folded, quantity.end, _sentence_end(folded, quantity.end)
    )
    offices = _on_offices(folded, section, quantity.start) or establishment
    if offices and not _YEAR_IN_SENTENCE.search(sentence):
        return None  # 机构设置及人员情况: a department's offices and staff, dated by nothing
    ahead = (
        _FUTURE.search(sentence)
        or _PLAN_YEARS_GOALS.search(sentence[-_GOAL_REACH:])
        or _goal_list_lead(folded, quantity.start)
    )
    # 2015年全省…收入安排5504.25亿元;省级…收入安排194.89亿元: a goal's sentence that opened
    # with the plan year before a semicolon is that year's still, as its status says.
    opening = _opening_year(folded, bounds, start, across_semicolons=True)
    planned = opening if status == "target" and _is_plan_year(opening, context) else None
    if default == "actual" and status == "target" and (ahead or planned):
        # 全省将推动数字经济占比达到40%, 今年主要预期目标是:…: a goal for the year ahead.
        year = planned or context.plan_year
    elif default == "actual":
        year = section_year(section) or context.report_year
    else:
        looks_back = status == "actual" and re.search(r"今年|预计|上年", sentence)
        this_year = looks_back or section_adjusts_budget(section)
        year = context.report_year if this_year else section_year(section) or context.plan_year
    return _year_before(year) if base else year


# The part of a department's budget or final accounts on its offices and staff (GUIDELINES,
# round 20: its counts have no period where no year is stated).
_OFFICES_HEADING = re.compile(r"机构设置|人员情况|人员构成")


def _heading_above(folded: str, line_start: int) -> int:
    """Where the nearest heading line above the paragraph at `line_start` starts (a short
    line that ends in no punctuation, a few paragraphs up at most), or `line_start` where
    there is none. A line of prose wrapped at a fixed width is no heading."""
    for start, line in islice(lines_up(folded, line_start - 1), _PARAGRAPHS_UNDER_HEADING):
        words = line.strip()
        if words and len(words) <= _HEADING_MAX and not words.endswith(_CLAUSE_ENDS):
            return start
    return line_start


_PARAGRAPHS_UNDER_HEADING = 3
_HEADING_MAX = 30
_CLAUSE_ENDS = ("。", "；", ";", ":", "：", ",", "，", "、")


def _before_april(clause: str, year: str) -> bool:
    """Whether the clause dates its figure by a day of January to March of `year`."""
    written = f"{year}年"
    at = clause.rfind(written)
    return at >= 0 and bool(_BEFORE_APRIL.match(clause, at + len(written)))


def _is_establishment(folded: str, quantity: Quantity) -> bool:
    """A count of a department's offices or staff posts (下属事业单位4个, 局机关12个处,
    行政编制85人, 总编制数45人), by the words right before it."""
    return quantity.unit in _ESTABLISHMENT_UNITS and bool(
        _ESTABLISHMENT_BEFORE.search(
            folded, max(0, quantity.start - _ESTABLISHMENT_REACH), quantity.start
        )
    )


def _sentence_end(folded: str, position: int) -> int:
    """Where the sentence going on at `position` ends: its full stop or line end, bounded."""
    limit = min(len(folded), position + _SENTENCE_AHEAD)
    ends = [at for at in (folded.find(mark, position, limit) for mark in "。\n") if at >= 0]
    return min(ends, default=limit)


_SENTENCE_AHEAD = 80
_ESTABLISHMENT_UNITS = frozenset({"个", "家", "人", "名", "处"})
_ESTABLISHMENT_BEFORE = re.compile(
    r"(?:编制(?:数|总数)?|下属(?:事业)?单位|内设(?:机构)?|局机关|实有人数)(?:为|共|是)?$"
)
_ESTABLISHMENT_REACH = 12


def _is_plan_year(year: str | None, context: DocumentContext) -> bool:
    """Whether `year` is the plan's year or after it."""
    return bool(year and context.plan_year and year >= context.plan_year)


def _on_offices(folded: str, section: Section, position: int) -> bool:
    """Whether `position` is in the paragraph right under a heading on a department's
    offices and staff (a part the page's next headings may not close)."""
    if not section.path or not _OFFICES_HEADING.search(fold(section.path[-1])):
        return False
    heading_end = folded.find("\n", section.start, position)
    return heading_end >= 0 and "\n" not in folded[heading_end:position].lstrip("\n")


def _year_before(year: str | None) -> str | None:
    return str(int(year) - 1) if year else None


def _stated_year(
    folded: str,
    bounds: Boundaries,
    position: int,
    clause: str,
    in_clause: list[str],
    status: str,
    context: DocumentContext,
    base: bool,
) -> str | None:
    """The year the clause before the number states (2021年, 今年, 去年), or that opens its
    sentence."""
    if in_clause:
        return str(in_clause[-1])
    relative = _RELATIVE_YEAR.findall(clause)
    if relative and not (base and relative[-1] == "上年"):
        return context.relative(relative[-1], status)
    # The last clause of the sentence so far that opens with a year dates what follows it:
    # 报告指出,2024年,全区…增长14.3%,…增长8.1%.
    opening = _opening_year(folded, bounds, position) or _sole_opening_year(
        folded, bounds, position
    )
    if opening:
        return opening
    return _list_lead_year(folded, position) or _paragraph_year(folded, bounds, position)


def _months_before(folded: str, bounds: Boundaries, position: int) -> bool:
    """Whether the paragraph names months of a year before `position` (上半年, 1-9月)."""
    line_start, line_end = bounds.line_span(position)
    first = _first_months_end(folded, line_start, line_end)
    return first is not None and first <= position


@lru_cache(maxsize=64)
def _first_months_end(folded: str, line_start: int, line_end: int) -> int | None:
    """Where the first months of a year a line names end: found once per line, not once per
    figure (a page on one line holds thousands of figures)."""
    found = _WITHIN_A_YEAR.search(folded, line_start, line_end)
    return found.end() if found else None


def _paragraph_year(folded: str, bounds: Boundaries, position: int) -> str | None:
    """The year the last sentence of the paragraph so far to open on one names (`2012年,全市
    共有各类卫生机构1325个。拥有…床位数6425张`): later sentences that name none are its. In a
    paragraph that opens on no year (a chronicle's `民国初期以田赋为主。1915年,…。1930年,实征…。
    地方财政总收入…`), only the sentence right after the one that names it."""
    line_start, line_end = bounds.line_span(position)
    ends, years = _sentence_years(folded, line_start, line_end)
    found = bisect_right(ends, position) - 1
    if found < 0:
        return None
    if not _PARAGRAPH_YEAR.match(folded, line_start, position):
        stops = [stop.end() for stop in _SENTENCE_STOP.finditer(folded, ends[found], position)]
        opens = not _SENTENCE_STOP.search(folded, line_start, ends[found])
        if _ATTRIBUTIVE_YEAR.match(folded, ends[found]):
            return None  # 2020年获批的产业园区…: when something began, no figure's year
        if stops and (
            len(stops) > 1
            # a year's story in a paragraph on another (…稳中有进。2023年受洪灾影响的农业生产全面
            # 恢复。), not its figures
            or not (opens or _FIGURE.search(folded, ends[found], stops[0]))
            # 全年, 本年, 比上年 are the report's year, not the year the sentence before named
            or _REPORTS_YEAR.search(folded, stops[-1], position)
        ):
            return None
    return years[found]


@lru_cache(maxsize=64)
def _sentence_years(
    folded: str, line_start: int, line_end: int
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The years the sentences of a line open on, with where each year ends: found once per
    line, not once per figure (a page on one line holds thousands of figures)."""
    found = list(_SENTENCE_YEAR.finditer(folded, line_start, line_end))
    return tuple(match.end() for match in found), tuple(match.group(1) for match in found)


_REPORTS_YEAR = re.compile(r"全年|本年|今年|上年|去年|同比")
_FIGURE = re.compile(r"\d")
_SENTENCE_STOP = re.compile(r"[。！？!?]")  # a semicolon goes on with the sentence
_PARAGRAPH_YEAR = re.compile(r"[ \t\u3000]*((?:19|20)\d{2})[ \t]*年[ \t]*[,，]")
# A year opening a sentence of the paragraph, the first or one after a full stop.
_SENTENCE_YEAR = re.compile(
    r"(?:^|(?<=[。；;！？!?]))[ \t\u3000]*((?:19|20)\d{2})[ \t]*年(?!\d)", re.M
)


def _list_lead_year(folded: str, position: int) -> str | None:
    """The year the lead of a list `position` is in names: 2020年成就:⏎生产总值2.62万亿元."""
    lead = _list_lead(folded, position) or _goal_list_lead(folded, position) or ""
    # 比2005年增加了1.8亿元,其中:…: the year compared with dates none of the items
    years = [
        found.group(1)
        for found in _STATED_YEAR.finditer(lead)
        if not follows_a_base_mark(lead, found.start())
    ]
    return str(years[-1]) if len(years) == 1 else None


# How many clauses back a year still dates a number. Real sentences have a few dozen at most;
# the bound keeps a "sentence" of thousands of clauses (a file on one line, no full stops)
# linear instead of quadratic.
_OPENING_YEAR_REACH = 64


def _opening_year(
    folded: str, bounds: Boundaries, position: int, *, across_semicolons: bool = False
) -> str | None:
    """The year a clause of the sentence before `position` opens with, if one does; with
    `across_semicolons`, of the sentence up to its full stop (`2024年,收入安排306.74亿元;
    加…等317.56亿元,总收入624.3亿元。`: the whole sentence is 2024's)."""
    sentence_start = bounds.sentence_start(position)
    if across_semicolons:
        sentence_start = _full_sentence_start(bounds, position)
    index = bisect_right(bounds.clauses, position) - 1
    last = max(index - _OPENING_YEAR_REACH, -1)
    while index > last and bounds.clauses[index] >= sentence_start:
        opening = _CLAUSE_OPENING_YEAR.match(folded, bounds.clauses[index], position)
        if opening:
            return opening.group(1)
        index -= 1
    return None


_FIGURE_BEFORE_STOP = re.compile(r"[^;；。]*?\d")
# 2020年获批的, 2019年建成的: a year naming when what follows began (not 2012年的, its own).
_ATTRIBUTIVE_YEAR = re.compile(r"[^,，。;；\d]{1,6}?的")


def _sole_opening_year(folded: str, bounds: Boundaries, position: int) -> str | None:
    """The year a clause of the sentence up to its full stop opens with, where the sentence
    names no other (`1919年,全县财政总收入8.91万元;田赋附捐5550元,占6.23%;漕折1.8万元`),
    not where it sets two years side by side (`2016年预算8万元,2015年预算12.5万元;对比减少
    4.35万元`)."""
    opening = _opening_year(folded, bounds, position, across_semicolons=True)
    named = list(
        _YEAR_IN_SENTENCE.finditer(folded, _full_sentence_start(bounds, position), position)
    )
    if not opening or {year.group(1) for year in named} != {opening}:
        return None
    # 2020年获批的产业园区建设加快;全县…增长8.2%: a year naming when something began, its part
    # of the sentence holding no figure, dates nothing after it.
    if _ATTRIBUTIVE_YEAR.match(folded, named[0].end()):
        return None
    told = _FIGURE_BEFORE_STOP.match(folded, named[0].end())
    return opening if told and told.end() <= position else None


def _full_sentence_start(bounds: Boundaries, position: int) -> int:
    """Where the sentence before `position` starts, semicolons and all, as far back as a goal
    is looked for."""
    return max(bounds.full_sentence_start(position), position - _GOAL_REACH)


def _ratio_start(folded: str, quantity: Quantity) -> int:
    """Where a term of 18.2:13.9:67.9 (or 23.1%:20.5%:56.4%) reads from: the first term (a
    colon is no clause break)."""
    start = quantity.start
    if quantity.shape == "ratio_term" or _in_percent_ratio(folded, quantity):
        while start > 0 and folded[start - 1] in "0123456789.:%∶ ":
            start -= 1
    return start


def _clause_through_ratios(folded: str, start: int) -> str:
    """The clause before `start`, where the colon of a ratio written before it (由2005年的
    65:35调整为64.6:35.4) is no clause break."""
    window = _RATIO_COLON.sub("∶", folded[max(0, start - _CLAUSE_MAX) : start])
    return clause_before(window, len(window), limit=_CLAUSE_MAX)


_RATIO_COLON = re.compile(r"(?<=\d)[:：](?=\d)")


def _in_percent_ratio(folded: str, quantity: Quantity) -> bool:
    """Whether a percentage is a term of a make-up written as a ratio of percentages
    (三次产业结构由上年的23.1%:20.5%:56.4%调整为…): each term is a share."""
    return quantity.unit == "%" and bool(
        _PERCENT_RATIO_AFTER.match(folded, quantity.end)
        or _PERCENT_RATIO_BEFORE.search(folded, max(0, quantity.start - 2), quantity.start)
    )


_PERCENT_RATIO_AFTER = re.compile(r"[:∶]\s*\d")
_PERCENT_RATIO_BEFORE = re.compile(r"%\s*[:∶]\s*$")


_NOUN_AFTER = re.compile(r"[^，。；：、,;:\n（）()“”\s\d]{2,16}")
_QUALIFIER_AFTER = re.compile(f"(?:{alternation(SUFFIX_QUALIFIERS).pattern})的?")
_NOUN_STOP = re.compile(
    r"(?:认定|获得?|完成|实现|达到|入选|落地|投产|开工|建成|签约|参与|参加|提供|开展|纳入|通过|"
    r"等|的|，|和|及|与|全部|全面|相继|顺利|加快|共|累计"
    r"|减少|增加(?!值)|下降|上升|提高|[降升增减][到至])"  # 312个减少到96个: a move, no noun
)


def _noun_after(source: str, folded: str, quantity: Quantity) -> str:
    """The noun phrase right after a number (130个|技改项目), up to a verb or a break."""
    # 增长8%左右。: a qualifier after the number is no noun (nor is 以上 of 7%以上的项目).
    qualifier = _QUALIFIER_AFTER.match(folded, quantity.end)
    match = _NOUN_AFTER.match(folded, qualifier.end() if qualifier else quantity.end)
    if not match:
        return ""
    stop = _NOUN_STOP.search(match.group())
    end = match.start() + (stop.start() if stop else len(match.group()))
    return source[match.start() : end] if end - match.start() >= 2 else ""


# The verb of a change, as written: the indicator of 比上年增长6% is its subject's 增长.
_CHANGE_VERB = re.compile(
    r"增长|下降|提高|降低|提升|增加|减少|上涨|下滑|回落|增收|减收|增支|减支|净增额|净增|上升|扩大|缩小|收窄"
    r"|调增|调减|下跌|回升"
)
_TRAILING_CHANGE = re.compile(rf"(?:{_CHANGE_VERB.pattern}|增速|降幅|增幅)$")
# 由/从 opens where a value moved from, but not in 从业人员, 从事, 由于.
_MOVE_START = re.compile(r"(?<=.)(?:由(?!于)|从(?!业|事))")


# What lies between where a value moved from and where it came to: 降到, 从2015年的…上升到2020年的.
_MOVED_TO_AFTER = re.compile(
    rf"[^，。；\d]{{0,4}}?(?:{_CHANGE_VERB.pattern}|升|降|增|减)(?:到|至)"
    r"(?:(?:19|20)\d\d年(?:底|末)?的?)?"
)


def indicator_of(
    source: str,
    folded: str,
    quantity: Quantity,
    previous: tuple[int, str] | None,
    sentence_start: int = 0,
    earlier: Sequence[tuple[int, str]] = (),
) -> str:
    """What is measured: the clause before the number, less verbs, cue and lead words.

    `previous` is the end and indicator of the fact before. A clause that goes on from an
    earlier number (`规模达到1234亿元、增长13.5%`) starts after it, and when nothing but verbs
    is left, the number measures the earlier indicator (its growth, where it says 增长).
    Cut in the folded text, returned in the source's own script.

    A name that is only what is said of a subject (`涨幅`, `按年减少`, `或`) names the
    subject of the fact before in its sentence too: 就业人数…增加4千人或0.03%. `earlier` is
    the end and indicator of each fact before in the sentence, in order: a list of such
    figures (`分别上升0.2及0.1个百分点`) names the subjects of as many figures before it.
    """
    listed = _listed_subject(source, folded, quantity, earlier, sentence_start)
    if listed is not None:
        return listed
    named = _indicator_named(source, folded, quantity, previous, sentence_start)
    if previous is None or previous[0] < sentence_start:
        return named
    said = _SAID_OF_SUBJECT.fullmatch(fold(named))
    if said is None:
        return named
    before = _without_base(previous[1])
    subject = _subject(before)
    if not subject or _SAID_OF_SUBJECT.fullmatch(fold(subject)):
        return named
    # 增加4千人或0.4%: a 或 or a dash says nothing of its own; the figure restates the one before.
    return subject + named[said.start(1) : said.end(1)] if said.group(1) else before


# A name with no subject: a comparison, a change or its rate, a list's 分别, or nothing but
# a conjunction (或) or a dash; group 1 is what it says of the subject.
_RATE_OF_CHANGE_WORDS = "增速|增幅|降幅|涨幅|跌幅|升幅|幅度"
_SAID_OF_SUBJECT = re.compile(
    r"(?:分别|或|为|-|—|则|而|虽然|但)*"
    rf"((?:{_RATE_OF_CHANGE_WORDS})?"
    r"(?:同比|环比|按[年季月]|(?:比|较)(?:上年|去年|上月|上期|上一期|年初|(?:19|20)\d\d年)"
    r"(?:同期|末|底)?)?"
    rf"(?:{_CHANGE_VERB.pattern}|比增|比降|增产|减产)*"
    rf"(?:{_RATE_OF_CHANGE_WORDS}|增长率|年增率)?)"
    r"(?:分别|为|了)*"
)


# A figure of a list: not a year (比2010年), nor the 10 of a rate per 100,000 (2.1/10万).
_LISTED_FIGURE = re.compile(r"(?<![\d./])\d+(?:\.\d+)?(?![\d.]|年)")
_LIST_END = re.compile(r"[，。；,;:：]")


def _listed_subject(
    source: str,
    folded: str,
    quantity: Quantity,
    earlier: Sequence[tuple[int, str]],
    sentence_start: int,
) -> str | None:
    """The k-th figure of a list after a clause that names no subject but 分别 and a change,
    where as many figures before it name the subjects: 失业率为3.8%,就业不足率为1.8%,与上一期
    比较,分别上升0.2及0.1个百分点 (失业率上升, 就业不足率上升)."""
    clause_start = quantity.start - len(clause_before(folded, quantity.start))
    at = folded.find("分别", clause_start, quantity.start)
    if at < 0 or not _SAID_OF_SUBJECT.fullmatch(folded, clause_start, at):
        return None
    first = _LISTED_FIGURE.search(folded, at, quantity.start + 1)
    said_from = at + len("分别")
    if first is None or not _SAID_OF_SUBJECT.fullmatch(folded, said_from, first.start()):
        return None  # 分别拉动经济增长1.2、3.4个百分点: a subject of its own
    k = len(_LISTED_FIGURE.findall(folded, at, quantity.start))
    stop = _LIST_END.search(folded, quantity.end)
    list_end = stop.start() if stop else len(folded)
    n = k + 1 + len(_LISTED_FIGURE.findall(folded, quantity.end, list_end))
    if n < 2:
        return None
    # What the list says of each: the rate named before 分别 (增速分别回落), and the change
    # right before this figure (比上年分别下降2%和增长4%).
    verbs = list(_CHANGE_VERB.finditer(folded, at, quantity.start))
    rate = _RATE_NAMED.search(folded, clause_start, at)
    said = (source[rate.start() : rate.end()] if rate else "") + (
        source[verbs[-1].start() : verbs[-1].end()] if verbs else ""
    )
    named = [indicator for end, indicator in earlier if end <= clause_start]
    if len(named) >= n:
        return _subject(_without_base(named[-n:][k])) + said
    items = _items_of_clause_before(source, folded, clause_start, sentence_start)
    if len(items) != n:
        return None
    width = len(items[0])
    tail = items[-1][width:]
    if all(len(item) == width for item in items[:-1]) and _WHOLE_NOUN.search(fold(tail)):
        # 城镇、农村和全体居民人均可支配收入: short items share the last one's measure (not
        # 化工、电力和汽车制造业, whose last item names no measure).
        return (items[k] if k < n - 1 else items[-1][:width]) + tail + said
    return items[k] + said


# Where a clause listing subjects says what they are: 价格上升的大类有租金、衣履和食品.
_LISTED_AFTER = re.compile(r".*(?:有|为|是|包括|[:：])")


def _items_of_clause_before(
    source: str, folded: str, clause_start: int, sentence_start: int
) -> list[str]:
    """The subjects the clause before `clause_start` lists (`有租金及住屋开支类、衣履类和
    粮食及饮品类`), each as written; none where it lists fewer than two."""
    end = clause_start - 1
    if end <= sentence_start:
        return []
    begin = max(sentence_start, *(folded.rfind(mark, 0, end) + 1 for mark in "，,。；;"))
    lead = _LISTED_AFTER.match(folded, begin, end)
    begin = lead.end() if lead else begin
    bounds = [begin, *(m.end() for m in _ITEM_BREAK.finditer(folded, begin, end)), end + 1]
    items = [source[left : right - 1].strip() for left, right in pairwise(bounds)]
    if len(items) < 2 or any(not item or _LISTED_FIGURE.search(item) for item in items):
        return []
    # …和全体居民人均可支配收入稳步提高: what the clause says of them is no part of the last.
    said = _SAID_OF_LIST.search(fold(items[-1]), 1)
    return [*items[:-1], items[-1][: said.start()]] if said else items


_SAID_OF_LIST = re.compile(
    rf"(?:稳步|持续|大幅|快速|明显|继续|进一步|均|都)*(?:{_CHANGE_VERB.pattern})"
)


_ITEM_BREAK = re.compile(r"、|和")


def _indicator_named(
    source: str,
    folded: str,
    quantity: Quantity,
    previous: tuple[int, str] | None,
    sentence_start: int,
) -> str:
    listed = _listed_indicator(source, folded, quantity, sentence_start)
    if listed:
        return listed
    ratio = _sex_ratio_named(source, folded, quantity, sentence_start)
    if ratio:
        return ratio
    reach = max(sentence_start, quantity.start - _SET_AGAINST_FIGURE_REACH)
    base = _SET_AGAINST_FIGURE.search(folded, reach, quantity.start)
    if base and previous is not None and previous[0] >= sentence_start:
        # 税收收入20558万元,比上年18033万元: last year's figure of the subject before.
        return source[base.start(1) : base.end(1)] + _subject(_without_base(previous[1]))
    goal = _TASK_AFTER.match(folded, quantity.end)
    if goal and goal.group(1) and previous is not None and previous[0] >= sentence_start:
        # 失业率为4.6%,低于5%的控制目标: the goal set for the subject before.
        return _subject(previous[1]) + source[goal.start(1) : goal.end(1)]
    clause_start = quantity.start - len(clause_before(folded, quantity.start))
    continues = previous is not None and clause_start <= previous[0] <= quantity.start
    if previous is not None and continues:
        clause_start = previous[0]
    clause = folded[clause_start : quantity.start]
    if previous is not None and continues and _MOVED_TO_AFTER.fullmatch(clause):
        return previous[1]  # 贫困发生率由9.6%降到5.6%: where the same subject came to
    tail = _VERB_TAIL.search(clause)
    end = clause_start + (tail.start() if tail else len(clause))
    lead = _LEAD_WORDS.match(folded[clause_start:end])
    start = clause_start + (lead.end() if lead else 0)
    start = max(start, end - _INDICATOR_MAX)
    moved = _MOVE_START.search(folded, start, end)
    if moved:
        end = moved.start()  # 比重由上年的8.5%提高到…: what moved is before 由
    indicator = _tidy(source[start:end], folded[start:end])
    following = _noun_after(source, folded, quantity)
    if following and (quantity.unit in NOUN_FOLLOWS_UNITS or len(indicator) <= 2):
        return following  # 实施130个技改项目: a count's noun follows it
    in_sentence = previous is not None and previous[0] >= sentence_start
    if not indicator and previous is not None and in_sentence and not continues:
        verbs = _CHANGE_VERB.findall(folded, clause_start, quantity.start)
        if not verbs:
            return previous[1]  # 生产总值突破千亿元,达1050亿元: the same subject
    follows_on = in_sentence and _FOLLOW_ON.match(fold(indicator))
    if indicator and not (follows_on and previous):
        if previous is not None and quantity.start - previous[0] <= _HEAD_NOUN_REACH:
            indicator = _with_head_noun(indicator, previous[1])
        if _RATE_NAMED.search(fold(indicator)):
            return indicator  # 规上工业增加值增速有望…: the change is named already
        return indicator + _change_named(source, folded, end, quantity.start)
    if indicator and previous:
        # 收入150亿元,占生产总值比重9.1%; 收入5.2亿元,完成年初预算的104.3%.
        return _subject(previous[1]) + indicator
    if previous is not None and continues:
        before = _without_base(previous[1])
        grows = re.search(r"增长|增速|下降", clause) and not before.endswith("增速")
        if grows:
            return _subject(before) + "增速"
        moved = _CHANGE_VERB.search(folded, clause_start, quantity.start)
        # 本地產品出口(1.6億元)下跌1.6%: the subject's move, as written.
        return _subject(before) + source[moved.start() : moved.end()] if moved else before
    verb = _CHANGE_VERB.findall(folded, clause_start, quantity.start)
    if previous is not None and in_sentence and verb:
        # 第一产业增加值257118万元,增长4.3%: the growth of the subject before.
        written = folded.rfind(verb[-1], clause_start, quantity.start)
        return _subject(previous[1]) + source[written : written + len(verb[-1])]
    return source[clause_start : quantity.start].strip() or (previous[1] if previous else "")


# The period before, a figure is set against: 上年, 去年同期, 上月, 上一期.
_PERIOD_BEFORE = r"(?:上年|去年)(?:同期|末|底)?|上月|上期|上一期"
# A figure the one before it is set against: 比上年18033万元, 较去年同期的5.2亿元.
_SET_AGAINST_FIGURE = re.compile(rf"(?:比|较|与)({_PERIOD_BEFORE})的?$")
_SET_AGAINST_FIGURE_REACH = 8
_BASE_YEAR_WORD = re.compile(rf"^(?:{_PERIOD_BEFORE})")


def _without_base(indicator: str) -> str:
    """What a base figure's indicator is of, less the base: 上年全口径税收收入 → 全口径税收收入."""
    return _BASE_YEAR_WORD.sub("", indicator) or indicator


_RESPECTIVELY = re.compile(r"分别")
_ORDINAL_LIST = re.compile(
    r"(第)?[一二三](?:产业)?(?:(?:、|和|及|与)(?:第)?[一二三](?:产业)?)+产业"
)
_LIST_CLAUSE_MAX = 60
_LIST_PHRASE_MAX = 8
_LIST_PHRASE_NOISE = re.compile(
    r"^(?:(?:比|较)(?:上年|去年)(?:末|底|同期)?|同比|实际)+|(?:为|达到?|是|了)+$"
)
_SECTORS = re.compile(r"三次产业|产业结构|产业比例|产业比重")
_SECTOR_NAMES = "一二三"
_THREE_SECTORS = re.compile(r"三次产业")
_OF_WHAT = re.compile(r"(?<=.)(?:对|占)")


# 总人口性别比(以女性为100,男性对女性的比例)由…普查的105.69上升为110.32: the ratio's name,
# never the bracket that defines it or the census a figure is from.
_SEX_RATIO_NAME = re.compile(SEX_RATIO_NAMES)
_SEX_RATIO_NAME_REACH = 6  # 总人口性别比, 常住人口性别比: the words before it that name whose
_SEX_RATIO_MOVED = re.compile(rf"(?:{SEX_RATIO_MOVES})了?[^\S\n]?$")


def _sex_ratio_named(source: str, folded: str, quantity: Quantity, sentence_start: int) -> str:
    """The sex ratio a bare figure of its sentence is, or how much it moved (`上升0.28`)."""
    if quantity.unit:
        return ""
    names = list(_SEX_RATIO_NAME.finditer(folded, sentence_start, quantity.start))
    if not names:
        return ""
    name = names[-1]
    if "指数" in folded[name.end() : quantity.start]:
        return ""  # 性别比为105.2,价格指数为102.1: another figure on a base of 100
    start = name.start()
    # Back over the words that say whose ratio it is, to a break or to 中 or 的 (常住人口中城镇
    # 人口性别比: 城镇人口's).
    while (
        start > max(sentence_start, name.start() - _SEX_RATIO_NAME_REACH)
        and folded[start - 1].isalpha()
        and folded[start - 1] not in "中的"
    ):
        start -= 1
    moved = _SEX_RATIO_MOVED.search(folded, name.end(), quantity.start)
    return source[start : name.end()] + (source[moved.start() : moved.start() + 2] if moved else "")


def _listed_indicator(
    source: str, folded: str, quantity: Quantity, sentence_start: int
) -> str | None:
    """The indicator of one number of a list that shares a subject: the k-th term of
    三次产业结构18.2:13.9:67.9 is 三次产业结构(第k产业); the k-th number after 第一、第二和第三
    产业增加值分别… names the k-th sector, after 一般公共预算收入、支出分别… the k-th item."""
    start = _ratio_start(folded, quantity)
    # The clause a list shares, read past the colons of a ratio: 结构由上年的5:67:28调整为…
    window = max(0, start - _LIST_CLAUSE_MAX)
    clause_start = max(max(folded.rfind(mark, window, start) for mark in "，。；,;\n") + 1, window)
    clause = folded[clause_start:start]
    if quantity.shape == "ratio_term":
        k = folded.count(":", start, quantity.start)
    else:
        respectively = [m.end() for m in _RESPECTIVELY.finditer(clause)]
        if not respectively:
            return None
        after = clause_start + respectively[-1]
        k = len(re.findall(r"\d+(?:\.\d+)?", folded[after:start]))
        # 分别增长5.1%、7.3%, 分别拉动经济增长1.4、3.2个百分点: each one's change.
        number = re.search(r"\d", folded[after:start])
        phrase_end = after + number.start() if number else start
        phrase = _LIST_PHRASE_NOISE.sub("", folded[after:phrase_end])
        head = _listed_head(source, folded, clause, clause_start, quantity, k)
        if head is None:
            # …分别为30亿元、45亿元,分别增长5.1%、7.3%: the head of the list before.
            earlier = folded.rfind("分别", sentence_start, clause_start)
            if earlier >= 0:
                start_before = max(folded.rfind(mark, sentence_start, earlier) for mark in "，,")
                begin = max(start_before + 1, sentence_start)
                head = _listed_head(source, folded, folded[begin:earlier], begin, quantity, k)
                # Borrowed, the head names only its subject: 第二产业(对经济的贡献率).
                cut = _OF_WHAT.search(fold(head)) if head else None
                head = head[: cut.start()] if head and cut else head
        # 分别提高到194万元 reaches a level: no verb is part of what it measures.
        reached = re.search(r"[到至]$", folded[after:phrase_end])
        verb = phrase and _CHANGE_VERB.search(phrase) and not reached
        if head and verb and len(phrase) <= _LIST_PHRASE_MAX:
            return head + source[phrase_end - len(phrase) : phrase_end]
        return head
    return _listed_head(source, folded, clause, clause_start, quantity, k)


def _listed_head(
    source: str, folded: str, clause: str, clause_start: int, quantity: Quantity, k: int
) -> str | None:
    """The k-th of the subjects a list's head names (see `_listed_indicator`)."""
    cut = _MOVE_START.search(clause) or _RESPECTIVELY.search(clause)
    head_end = clause_start + (cut.start() if cut else len(clause))
    head_end = clause_start + len(_VERB_TAIL.sub("", folded[clause_start:head_end]))
    lead = _LEAD_WORDS.match(folded[clause_start:head_end])
    head_start = clause_start + (lead.end() if lead else 0)
    if head_end - head_start < 2:
        return None
    head, folded_head = source[head_start:head_end], folded[head_start:head_end]
    ordinals = _ORDINAL_LIST.search(folded_head)
    if ordinals:
        names = re.findall(rf"[{_SECTOR_NAMES}]", ordinals.group())
        if k >= len(names):
            return None
        word = head[ordinals.end() - 2 : ordinals.end()]  # 产业 in the text's own script
        named = (ordinals.group(1) or "") + str(names[k]) + word
        return head[: ordinals.start()] + named + head[ordinals.end() :]
    both = _CITY_AND_COUNTRY.search(folded_head)
    if both and k < 2:
        # 城乡居民人均可支配收入分别增长5.6%和7.4%: urban first, then rural.
        traditional = head[both.start() + 1] == "鄉"
        word = (("城鎮", "農村") if traditional else ("城镇", "农村"))[k]
        return head[: both.start()] + word + head[both.end() :]
    three = _THREE_SECTORS.search(folded_head)
    if three and quantity.shape != "ratio_term" and k < 3:
        # 三次产业对经济的贡献率分别为11.6%、63.2%和25.2%: the k-th sector's.
        word = head[three.end() - 2 : three.end()]
        return head[: three.start()] + f"第{_SECTOR_NAMES[k]}{word}" + head[three.end() :]
    if quantity.shape == "ratio_term" and _SECTORS.search(folded_head) and k < 3:
        word = "產業" if "產" in head else "产业"
        return f"{head}(第{_SECTOR_NAMES[k]}{word})"
    items = re.split(r"、|和|及|与", head)
    if any(re.search(r"\d", item) for item in items):
        return None  # 105及107年度…分别: a list of years, not of subjects
    if len(items) < 2 or k >= len(items):
        return head if quantity.shape == "ratio_term" else None
    if all(len(item) <= 3 for item in items[:-1]):
        # 城镇和农村常住居民人均可支配收入: short heads share the last item's tail.
        width = len(items[0])
        return (items[k] if k < len(items) - 1 else items[-1][:width]) + items[-1][width:]
    return items[k]


# Verbs inside a name (第三产业实现增加值), footnote marks ([2]), numbering (1)), lead verbs.
_INNER_VERB = re.compile(r"(?:实现|完成)(?=增加值|生产总值|地区生产总值|总产值|产值|利润|营业收入)")
_NOISE = re.compile(
    r"\[\d{1,2}\]|^\d{1,2}[)）]|^(?:加上|减去|按常住人口计算|其中[:：]?|只有|相应安排|相应|除)"
    r"|(?<![\d.])\d{2,4}(?:[、和及至\-—]\d{2,4})+年度?|分别"
    # How a figure was reckoned, not what it measures: 按可比价计算, 按年平均汇率折算为, 扣除…后.
    r"|按[^，。；()（）]{0,12}?(?:计算|折算)为?|扣除[^，。；()（）]{1,12}?后"
)
_ABBREVIATION = re.compile(r"[(（][A-Za-z]{2,8}[)）]?$|[(（][A-Za-z]{2,8}[)）]")
_CITY_AND_COUNTRY = re.compile(r"城乡(?=居民)")


def _tidy(indicator: str, folded: str) -> str:
    """An indicator cut from a clause, less what is not part of a name; the source's script."""
    keep = [True] * len(indicator)
    for pattern in (_INNER_VERB, _NOISE):
        for match in pattern.finditer(folded):
            keep[match.start() : match.end()] = [False] * (match.end() - match.start())
    text = "".join(char for char, kept in zip(indicator, keep, strict=True) if kept)
    text = _ABBREVIATION.sub("", text).strip(" 　“”\"'、")  # 地区生产总值(GDP)
    depth, cut = 0, 0
    for index, char in enumerate(text):
        depth += (char in "(（") - (char in ")）")
        if depth < 0:
            depth, cut = 0, index + 1  # 下同)地区生产总值: what follows a note's end
    text = text[cut:]
    unclosed = re.search(r"[(（]([^()（）]*)$", text)
    if unclosed:
        # 占常住人口比重(常住人口城镇化率: the rate named inside, else what comes before.
        inside = unclosed.group(1)
        text = inside if len(inside) >= 4 else text[: unclosed.start()]
    renamed = _RATE_IN_BRACKETS.search(text)
    if renamed:
        text = renamed.group(1)  # 城镇人口占常住人口比重(常住人口城镇化率): the rate's name
    text = _NOTE_MARK.sub("", text)
    text = _LINE_BREAK.sub(lambda m: "" if _joins_words(m) else " ", text)
    return _without_stray_brackets(text.strip(" 　“”\"'、"))


# A share named again in brackets by the rate it is.
_RATE_IN_BRACKETS = re.compile(r"比重[(（]([^()（）]{4,}率)[)）]$")
# A note's mark, a figure's standing or a name's short form, not part of what is measured:
# (注2), (初步核算数), (以下简称“同比”).
_NOTE_MARK = re.compile(r"[(（](?:[注註]\s*\d*|初步核算[数數]?|以下[简簡]称[^()（）]*)[)）]")


def _without_stray_brackets(text: str) -> str:
    """The name less brackets at its ends that pair with nothing in it.

    蔬菜产量(含食用菌) keeps its own closing bracket; 含食用菌) loses it.
    """
    while text:
        if text[-1] in ")）" and _bracket_depth(text) < 0:
            text = text[:-1].rstrip()
        elif text[0] in "(（" and _bracket_depth(text) > 0:
            text = text[1:].lstrip()
        elif text[0] in ")）" or text[-1] in "(（":
            text = text[1:] if text[0] in ")）" else text[:-1]
        else:
            return text
    return text


def _bracket_depth(text: str) -> int:
    return sum(text.count(c) for c in "(（") - sum(text.count(c) for c in ")）")


# A page's hard wrap inside a name (金⏎融系统存款): no break in the name itself.
_LINE_BREAK = re.compile(r"[ \t　]*\n\s*")


def _joins_words(match: re.Match[str]) -> bool:
    """Whether a wrap falls between characters that a space would not separate (Chinese)."""
    before = match.string[match.start() - 1 : match.start()]
    after = match.string[match.end() : match.end() + 1]
    return not (before.isascii() and after.isascii())


# Words that go on from the subject of the fact before: 完成年初预算, 为预算, 占…比重, 同口径.
# What a number is said against: 完成年初预算, 为年预算, 完成调整后预算, 比上年, 同口径.
_AGAINST = (
    r"(?:完成|为)(?:年初|年度|全年|调整后?|年)?(?:预算|计划)|同口径|(?:比|较)(?:上年|去年)|同比"
)
_FOLLOW_ON = re.compile(rf"(?:占|{_AGAINST})")
# Where an indicator's subject ends and what is said of it begins.
_PREDICATE = re.compile(
    rf"(?:{_CHANGE_VERB.pattern.replace('增加', '增加(?!值)')}|增速|降幅|增幅|{_AGAINST})"
)


# What a short item of a list leaves unsaid: 粮食总产量…,其中稻谷39.1万吨 is 稻谷产量.
_HEAD_NOUN = re.compile(r"(?:出厂价格|价格|增加值|产量|人口|面积|产值|收入|支出|利润)$")
_SHORT_ITEM = 3
_NOT_AN_ITEM = re.compile(r"^(?:年末|年底|全年|当年|年内)$|(?:培育|实施|建设|完成|新增|实现|建成)$")
_HEAD_NOUN_REACH = 24  # 林业1.5亿元,增长13.9%;牧业22.9亿元: items of one list, across ;
# Short names that are measures already (出生率, 税收, 户数): no head noun to add.
_WHOLE_NOUN = re.compile(rf"(?:{_HEAD_NOUN.pattern[3:-2]})$|[率数额量值价比重度费金款税收人户]$")


_RATE_NAMED = re.compile(r"增速|增幅|降幅|涨幅|增长率")


def _change_named(source: str, folded: str, start: int, end: int) -> str:
    """The change verb the words cut off before a number say (地区生产总值|增长|7.2%), as
    written, for the indicator to name; none for a level reached (提高到…)."""
    verbs = list(_CHANGE_VERB.finditer(folded, start, end))
    if not verbs or re.match(r"[到至]", folded[verbs[-1].end() : verbs[-1].end() + 1]):
        return ""
    return source[verbs[-1].start() : verbs[-1].end()]


def _with_head_noun(indicator: str, before: str) -> str:
    """A short indicator (牧业, 女性) takes the head noun of the one before (增加值, 人口)."""
    if len(indicator) > _SHORT_ITEM or _WHOLE_NOUN.search(fold(indicator)):
        return indicator
    if _NOT_AN_ITEM.search(fold(indicator)):
        return indicator  # 年末, 培育: a time or a verb, not an item of the list
    subject = _subject(before)
    head = _HEAD_NOUN.search(fold(subject))
    return indicator + subject[head.start() :] if head else indicator


def _subject(indicator: str) -> str:
    """What an indicator is of, less what it says of it: 地区生产总值增长 → 地区生产总值,
    地方级财政收入完成年初预算 → 地方级财政收入."""
    cut = _PREDICATE.search(fold(indicator), 1)
    return indicator[: cut.start()] if cut else indicator
