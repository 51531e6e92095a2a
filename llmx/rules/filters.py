"""Which numeric mentions in prose are facts (ANNOTATION.md, section 1 and 4).

Each rule names the kind of non-fact it removes. Pure functions over the folded document
text and the mentions found in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from llmx.quantities import Quantity
from llmx.vocabulary import (
    CURRENCY_NAME,
    MAGNITUDES,
    NAMES_IN_CHINESE_UNITS,
    NON_FACT_UNITS,
    PERCENT_UNITS,
    Family,
    Scope,
    cue_pattern,
    family_of,
)

_MILESTONE_BEFORE = re.compile(r"(?:突破|迈上|跨越|超过|超|达到|达|逾|破)$")
# 人均GDP29934元, 实现GDP4408.1亿元: letters that name a measure, not a code (G318, PM2.5).
_MEASURE_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z])(?:GDP|GNP|GRP)[^\S\n]?$")
_ACRONYM_REACH = 5  # the acronym, a space, and the letter before it that would make it a code
# 期望寿命85.33岁,其中:男性82.77岁,女性87.89岁: a life expectancy by sex.
_LIFE_BY_SEX_BEFORE = re.compile(r"寿命[^。；;\n]{0,30}(?:男性|女性)(?:为|是)?$")
_LIFE_REACH = 40
# Words after a count that make it a programme name or an enumeration announcement; 41个大类
# 行业中有26个 counts the groups a share is of (GUIDELINES), 三大任务 names a set.
_NAME_AFTER = re.compile(
    r"^(?:措施|政策|举措|意见|硬措施|方面|大(?!关|幅|中?型|中小|类)|张报表|重压力|个维护|个确立|个轮子"
    r"|次产业|产业(?!链)|全会|会议|届|位数|位一体|个结合|个一批|化|区两县|线|路|级|圈|配套政策"
    r"|关键|基本面)"
)
# After a count in Chinese numerals, these make it a slogan or the text's own outline (十项行动,
# 三项重点任务, 报告分四个部分).
_SLOGAN_AFTER = re.compile(
    r"^(?:行动|工程|重点任务|任务|制度|机制|原则|要求|清单|中心|目标|部分|底线|文章)"
)
# After a count in Chinese numerals (三个, 四套), abstract things (三个重点领域, 两个闸门, 乡村五个
# 振兴, 四套班子), a set named in quotes (三个“一号工程”) or ranks (三个全市第一): furniture.
_ABSTRACT_COUNTED_AFTER = re.compile(
    r"^(?:(?:重点)?领域|范畴|闸门|台阶|步骤|坚持|亮点|变化|振兴|振興|能力|之路|翻番|全覆盖|班子"
    r"|[“\"「]|(?:全[国省市区县])?第[一二三四五六七八九十])"
)
# 香洲、金湾和斗门三个行政区分别实现…, A和B两个部门的所有收入: a count in words after the names
# it counts, picking them out again (GUIDELINES, a definite reference), not a count reported.
_NAMES_BEFORE = re.compile(r"[和与及][^，。；、\d\s]{1,10}$")
_PICKED_OUT_AFTER = re.compile(r"[^，。；\d]{1,6}?(?:分别|各自|的所有)")
# 12项主要指标: counts of indicators are facts (ANNOTATION.md, section 4), even in words.
INDICATOR_COUNT_AFTER = re.compile(r"(?:约束性|预期性|主要|创新)?指标")
_SESSION_AFTER = re.compile(r"^(?:[、和及][一二三四五六七八九十]+次)*(?:全会|会议|党代会)")
# 20亿至50亿元项目, 10亿元以上的项目: bounds of a size class, not amounts.
_MONEY_CLASS_AFTER = re.compile(
    r"^(?:[至到—\-~]\d+(?:\.\d+)?(?:万|亿)?元?)?(?:及?以上|及?以下)?(?:的)?(?:法人|重点|重大)?"
    r"(?:项目|企业|工业企业|工业法人企业|固定资产(?:累计)?投资|投资项目|工业项目)"
    # 规模以上企业4家,5千万元以上1家: a class, then how many are in it
    r"|^及?以[上下]\d+\s?(?:个(?!月|季度|百分点|年)|[家户所座项])"
)
# 常住人口超过50万人的旗区有1个, 在30万人至50万人之间的有4个: the bounds of a class whose
# members a count follows.
_CLASS_COUNTED_AFTER = re.compile(
    r"^(?:[至到~—\-]\d+(?:\.\d+)?[万亿千百]?[^\d，。；;,]{0,3})?(?:之间|以上|以下)?的"
    r"[^，。；;,\d]{0,8}(?:有|达|共)"
)
# 收入过30亿元的52个: a bound passed (过, 超过), then how many passed it.
_BOUND_PASSED_BEFORE = re.compile(r"(?:过|超过|超|逾)$")
_PASSED_COUNTED_AFTER = re.compile(r"^(?:以上)?的\d+\s?[个家户所座项]")
# 据2022年全省5‰人口变动抽样调查: the sampling rate of a survey, not a measure.
_SURVEY_AFTER = re.compile(r"^[^，。；\d]{0,8}抽样调查")
_ZERO_OUTCOME_AFTER = re.compile(r"^(?:伤亡|死亡|发生|事故|感染)")
# 二十条优化措施: a package named by its count of articles.
_PACKAGE_AFTER = re.compile(r"^(?:[^，。；、\d]{0,4}措施|标准|红线|举措|意见|政策|配套政策)")
_MONEY_AFTER = re.compile(r"^(?:国债|资金|投资|债券|贷款|财政|支出|收入|经费)")
_UNIT_LINE_BEFORE = re.compile(r"单\s*位\s*[:：]\s*[^\d\s]{0,4}$")
# 港币百万元 over a column of figures: the column's unit, a currency's name before it.
_CURRENCY_BEFORE = re.compile(f"(?:{CURRENCY_NAME})$")
_RANK_MOVE_AFTER = re.compile(r"个?位次")
# A figure restated in words in brackets after it, as legal texts write sums.
_WORDS_AFTER_FIGURE = re.compile(rf"\d\s*[(（](?:{CURRENCY_NAME})?$")
# A web page's counters around its text: 点击:558次, 阅读量:1200, 阅读需要26分钟.
_COUNTER_BEFORE = re.compile(
    r"(?:点击|浏览|阅读)(?:量|数|次数)?\s*[:：]\s*$|阅读(?:需要|需|时间|时长)约?\s*[:：]?\s*$"
)
# 今年首8个月, 前三个月, 与先前3个月比较: the span of months a figure is for, not a measure.
_MONTHS_WINDOW_BEFORE = re.compile(r"(?:首|头|先前|最近|过去|(?<!提)前)$")
# 在2017年11月至2018年1月的3個月期間, 二零一七年五至七月的三個月: the months just named, counted.
_MONTHS_NAMED_BEFORE = re.compile(
    r"[\d一二三四五六七八九十]{1,2}\s*月?\s*至\s*(?:[\d零〇一二三四五六七八九]{4}\s*年\s*)?"
    r"[\d一二三四五六七八九十]{1,3}\s*月份?\s*的$"
)
# A limit of ages, in tenths too: 不满1.5岁, 18.5岁以下, 3.5岁至6岁.
_AGE_LIMIT = re.compile(r"满$")
_AGE_LIMIT_AFTER = re.compile(r"\s*(?:及?以[上下]|至|到|[-~～—])")
# 18/24 in brackets at a line's end: the sheet's page of pages, no ratio.
_PAGE_OF_PAGES = re.compile(r"\d{1,3}\s*/\s*\d{1,3}")
_PAGE_MARK_AROUND = re.compile(r"[(（][)）]\s*(?:\n|$)")
# The tax before a kept share: 增值税25%部分, 增值税收入(50%部分).
_TAX_SHARE_BEFORE = re.compile(r"税(?:收入)?(?:地方)?(?:分享)?\s*[(（]?\s*$")
# 二元杂交母猪, 三元复合肥: crosses of two or three breeds, fertilizers of three nutrients.
_NAMED_BY_ITS_PARTS = re.compile(r"\s*(?:杂交|复合|复混)")
_DAYS = ("天", "日", "周")
_PACK_UNITS = ("公斤", "千克", "克", "斤", "升", "公升", "毫升", "kg", "g", "L", "ml")
# 装机容量, 5000千克装车运走: loading, not a pack.
_LOADING = re.compile(r"装(?:机|车|船|入|载|药|卸|运|箱)")
# 之前7天, 提前5天, 此前3天: before a time, or ahead of it, not a window's first days.
_BEFORE_NOT_FIRST = ("之前", "以前", "提前", "此前", "目前", "当前", "事前", "年前", "月前")
# 连续19个季度保持13%以上: how long a run lasted, which dates no figure.
_RUN_OF_PERIODS = re.compile(r"^\s*(?:季度|月|年)")
# 前四位, 最末5名, 倒数3名, 居第2位: places in a ranking, from either end.
_RANK_BEFORE = re.compile(
    r"(?:前|最末|最后|倒数|居|第|排名|列|上升|下降|提升|前移|后移|前进|后退)了?$"
)
# Words of a ranking in the clause before a number of 位 (places in it).
_RANKING_WORDS = re.compile(r"位次|排名|名次|百强|前移|后移")
# 全市20个区县排名第4, 168个重点城市中排名: the regions a ranking is among, then the ranking.
_RANKED_POOL_AFTER = re.compile(r"\s*[^\d,.;:，。；：、]{1,8}?中?\s*(?:排名|排位)\s*第")
# A long line that ends in a digit right before the number: the number was cut at the line's
# end (a page hard-wrapped to a width).
_WRAPPED_LINE_MIN = 20
_BROKEN_BEFORE = re.compile(rf"[^\n]{{{_WRAPPED_LINE_MIN}}}\d\n$")
# 09:15:31, a clock time with its seconds, after a space or on a line of its own (a ratio of
# three terms is written after its words: 三次产业比例由10∶44∶46).
# 商业………………11: a table of contents' page number after its leader dots.
_LEADER_BEFORE = re.compile(r"(?:[…⋯]{2}|\.{3}|·{3})\s?$")
_TIME_OF_DAY = re.compile(r"(?:(?<=\s)|^)\d{1,2}[:：]\d{2}[:：]\d{2}(?!\d)", re.MULTILINE)
_TIME_WIDTH = 8
# A unit with a magnitude and no count (百万元, 万人), not a count in words (五所, 两位).
_MAGNITUDE_ONLY = re.compile(r"[十百千万亿萬億]+\D*$")
# A page's time stamp without seconds, 公开日期: 2022-05-08 10:48: the minutes after a date.
_MINUTES_BEFORE = re.compile(r"(?:\d{4}-\d{1,2}-\d{1,2}|日)\s*\d{1,2}[:：]$")
# 第一、二、: the terms of a list of ordinals after the first, which alone writes 第.
_ORDINAL_LIST_BEFORE = re.compile(r"第[一二三四五六七八九十]+(?:、[一二三四五六七八九十]+)*、$")
# 平均逗留0.9日: a length of stay in days, which no date writes with a decimal.
_DAYS_DECIMAL = re.compile(r"\d+\.\d+\s?日")
_SPAN_OF_TIME_AFTER = re.compile(r"(?:多)?(?:的)?时间")
# 9.58年 is a span; 1.2016年 an item's number before a year, PM2.5⏎年均 a name before 年均,
# 3.10年来 an item's number before 十年来.
_YEARS_DECIMAL = re.compile(r"\d{1,2}\.\d{1,2}")
_YEAR_WORD_AFTER = re.compile(r"[终末底初中度内代龄级均来间前后里]")
_CALENDAR_YEAR = re.compile(r"(?:19|20)\d\d")  # 到2025年时间过半: a date, not a span
_PAID_BEFORE = re.compile(r"(?:发放|额外|多发)$")
# 2023-11, 1/3, and a yearbook's table number 1--2: the second part of a code or a date.
_CODE_BEFORE = re.compile(r"\d[-－]?[+/\-－]$")
# 第4, 排第4, and a page's 第 2 家: an ordinal, spaced out or not.
_ORDINAL_BEFORE = re.compile(r"第\s*$")
# A list's separator, maybe before the next term's minus sign (0.9、-0.6和1.4个百分点).
# A dash after a space and touching the number after it (`5108.2 -270.5`) is that number's
# minus sign, in a row of figures, not a range.
_LIST_SEPARATOR = re.compile(
    r"^(?!\s+[-－−]$)\s*(?:(?:、|,|，|和|及|与|以及|或)\s*[-－−]?|—|－|-|~|～|至|到)\s*$"
)
_CLASS_AFTER = re.compile(
    r"^(?:以上|以下|及以上)(?:的)?(?:项目|企业|工业企业|规模|重大项目|产业|老人|人口|村|户)"
)
_MONEY_CONTEXT = re.compile(
    # 销售额, 销货额 (Hong Kong's retail sales), 营业额, 成交额: an amount of money; 份额 a share.
    r"产值|总值|收入|支出|投资|GDP|生产总值|规模|营收|资金|(?<!份)额|经济|产业|税款|经费|款项"
    # 總預算歲出編列1712億, 財政短絀13億, 統籌分配稅196.47億, 財政進賬263.7億: budget news.
    r"|预算|财政|税|岁出|岁入|补助|进账|短绌"
)
_SENTENCE_MAX = 200
# 贫困人口减少25万, 有12.8万下岗人员, 100万贫困人口: people counted in 万 with no 人 after it;
# 总诊疗人次95.5亿, 入院人次30187.3万: visits counted, the unit the subject names.
_COUNTED_RIGHT_BEFORE = re.compile(r"(人口|人数|人员|人次)(?:减少|增加|超过|逾|达到?|为)?$")
# Where a phrase naming what was counted ends: 服务50万老人和儿童, 支持了700多万贫困户。
_PHRASE_ENDS = r"(?=[和及与、，。；,;]|$)"
# 4.85万低收入高龄老人: people named after the figure, the phrase ending there (not 3000万
# 老人活动中心建设, money for a centre).
_PEOPLE_RIGHT_AFTER = re.compile(rf"[^\W\d]{{0,6}}?(?:人员|人口|老人{_PHRASE_ENDS})")
# 支持了700多万贫困户: households counted, named after the figure, the phrase ending there (not
# 200万农户补贴, money; not 用户 or 客户, their own units, nor 落户, a verb).
_HOUSEHOLDS_RIGHT_AFTER = re.compile(rf"[^\W\d]{{0,6}}?(?<![客用账门商落])户{_PHRASE_ENDS}")
# 增长10.3。 or the second of 增长9.7和13.4。: the verb, then at most one bare figure and 和 or 、.
_GROWTH_RIGHT_BEFORE = re.compile(r"(?:增长|下降)(?:-?\d+(?:\.\d+)?[和、])?$")
_GROWTH_REACH = 12
_CLAUSE_ENDS_AFTER = re.compile(r"[。；;，,]|[和、]-?\d+(?:\.\d+)?[。；;，,]")
_MORE_DIGITS_AFTER = re.compile(r"[^\S\n]?\d")
_CLAUSE_BREAK = "，。；：,;:\n"
_QUOTE_MAX = 16
# A sex ratio's names, and the verbs its census figures move by (上升为110.32, 上升0.28): the
# filter that keeps its bare figures and the indicator that names them read the same words.
SEX_RATIO_NAMES = r"性别比|性比例"
SEX_RATIO_MOVES = r"上升|下降|增加|减少|提高|降低"
# 价格指数为102.1, 总人口性别比(以女性为100,男性对女性的比例)为106.9: levels on a base of 100.
# 綜合消費物價指數(113.40), 甲類及乙類消費物價指數分別為107.69及106.52: bracketed or listed.
_INDEX_BEFORE = re.compile(
    rf"(?:指数|{SEX_RATIO_NAMES})(?:[(（][^()（）]{{0,30}}[)）])?"
    r"(?:年末|全年|年均)?(?:分别)?(?:为|是|达到?|在)?[^\S\n]?$"
    r"|指数[(（]$|指数分别为\d+(?:\.\d+)?(?:及|和|、)$"
)
_INDEX_REACH = 40
# 性别比由2010年第六次全国人口普查的105.69上升为110.32, 为112.86,与…普查的112.58相比,上升0.28:
# a census's sex ratio set against the last census's, each figure and the move between them
# bare, in the sentence that names the ratio.
_SEX_RATIO_COMPARED_BEFORE = re.compile(
    rf"(?:{SEX_RATIO_NAMES})[^。；;\n]{{0,80}}?(?:普查|\d{{4}}年)[^。；;\n]{{0,20}}?"
    rf"(?:的|(?:{SEX_RATIO_MOVES})(?:为|到|至|了)?)[^\S\n]?$"
)
_SEX_RATIO_REACH = 110
# 其中:食品价格99.6,居住价格100.6: a price with a bare decimal is its index (a price in money
# writes its unit, 价格2.50元).
_PRICE_INDEX_BEFORE = re.compile(r"价格(?:为|是)?$")
# 雜項商品及服務(+9.06%): a signed change in brackets after what changed, not a name like 5G+.
_SIGNED_IN_BRACKETS = re.compile(r"[(（]\+$")
# A quotation that opens with a change or a bid (“增长7.5%以上”, “保8%、争9%”) quotes a figure.
_QUOTED_FIGURE = re.compile("(?:保|争|" + cue_pattern("change", Scope.CLAUSE).pattern + ")")


# A price report's tallies of the items that rose, fell or held (16种蔬菜价格上涨, 6个品种价格
# 环比持平) and the bound they passed (7个品种涨幅超过10%) are no facts (GUIDELINES rounds 20
# and 27); the items it watches (监测的30种零售蔬菜) are.
_TALLY_UNITS = ("种", "个", "类")
_TALLY_ITEMS = r"\s*(?:品种|种类)?[^，,。；;：:\d%()（）]{0,6}?(?:价格)?(?:环比|同比)?"
_PASSED = r"(?:均)?(?:超过|超|高于|大于)"
# The tally's own verb ends its clause (价格上涨,); one followed by a figure (8种水果整体均价环比
# 下跌0.5%) moves something else, the items' average.
_MOVED_TALLY_AFTER = re.compile(
    rf"{_TALLY_ITEMS}(?:(?:上涨|下降|下跌|上升|持平|回落)(?![\d.]|\s\d)|(?:涨幅|跌幅|降幅){_PASSED})"
)
# 其中涨幅较大的有7个品种: a tally of the items that moved most, counted after the move.
_MOVED_TALLY_BEFORE = re.compile(r"(?:涨幅|跌幅|降幅)(?:较大|最大|居前|靠前)的(?:有)?\s*$")
_TALLY_BOUND_BEFORE = re.compile(rf"\d\s*[个种类]{_TALLY_ITEMS}(?:涨幅|跌幅|降幅){_PASSED}$")


def _before(folded: str, quantity: Quantity, width: int) -> str:
    return folded[max(0, quantity.start - width) : quantity.start]


def _after(folded: str, quantity: Quantity, width: int) -> str:
    return folded[quantity.end : quantity.end + width]


def _inside_book_title(folded: str, quantity: Quantity) -> bool:
    opening = folded.rfind("《", max(0, quantity.start - 40), quantity.start)
    return (
        opening >= 0
        and "》" not in folded[opening : quantity.start]
        and "》" in _after(folded, quantity, 20)
    )


def _inside_short_quote(folded: str, quantity: Quantity) -> bool:
    """A number inside a short quotation (“十项行动”, “1+2+6+N”, and with the straight quotes
    of pages typed in ASCII, "三個代表") is part of a name."""
    window = max(0, quantity.start - _QUOTE_MAX)
    opening = max(folded.rfind(mark, window, quantity.start) for mark in '“"')
    if opening < 0:
        return False
    closings = [folded.find(mark, quantity.end, quantity.end + _QUOTE_MAX) for mark in '”"']
    closing = min((at for at in closings if at >= 0), default=-1)
    if closing < 0:
        return False
    between = folded[opening + 1 : closing]
    if quantity.has_unit and _QUOTED_FIGURE.match(between):
        return False
    return "”" not in folded[opening + 1 : quantity.start] and len(between) <= _QUOTE_MAX


def _in_time_of_day(folded: str, quantity: Quantity) -> bool:
    """Whether the number is a part of a clock time (`2021-01-12 09:15:31`)."""
    window = max(0, quantity.start - _TIME_WIDTH)
    return any(
        time.start() <= quantity.start and quantity.end <= time.end()
        for time in _TIME_OF_DAY.finditer(folded, window, quantity.end + _TIME_WIDTH)
    )


def exclusion_reason(folded: str, quantity: Quantity) -> str | None:
    """Why a mention is not a fact, or None when it may be one."""
    if is_zero_outcome(folded, quantity):
        return None
    # A line end stands for the text's ends: `"" in "+"` is true, so an empty neighbour
    # would read as every mark (10亿元 closing a page was a "name with plus").
    before1 = _before(folded, quantity, 1) or "\n"
    after1 = _after(folded, quantity, 1) or "\n"
    after8 = _after(folded, quantity, 8)
    if (
        quantity.unit in NON_FACT_UNITS
        and not _DAYS_DECIMAL.fullmatch(quantity.text)
        and not _is_years_duration(folded, quantity)
    ):
        return "date, name or class unit"
    unit_line = _UNIT_LINE_BEFORE.search(_before(folded, quantity, 8))
    # 单位:人/10万人: the base a unit is per is no figure either.
    if unit_line and (not re.search(r"\d", quantity.text) or unit_line.group().endswith("/")):
        return "the unit a table is counted in (单位:新台币百万元)"
    if (
        _CURRENCY_BEFORE.search(_before(folded, quantity, 3))
        and after1.isspace()
        and not re.search(r"\d", quantity.text)
    ):
        return "the unit a column is counted in (港币百万元)"
    if before1 in "(（" and after1 in ")）" and _MAGNITUDE_ONLY.match(quantity.text):
        return "the unit a caption counts in, bracketed (开支(百万元))"
    # 60岁以上: an age threshold; 人均期望寿命从78.3岁提高到80.3岁: the clause measures a life,
    # as does 其中:男性82.77岁 after it; an age in tenths (女性从82.8岁增加到83.3岁, 平均年龄
    # 38.5岁) is measured, a threshold being a whole age.
    if (
        quantity.unit == "岁"
        and (
            "." not in quantity.number
            or _AGE_LIMIT.search(_before(folded, quantity, 2))
            or _AGE_LIMIT_AFTER.match(after8)
        )
        and "寿命" not in clause_before(folded, quantity.start)
        and not _LIFE_BY_SEX_BEFORE.search(_before(folded, quantity, _LIFE_REACH))
    ):
        return "age threshold"
    if (re.match(r"[A-Za-z]", after1) and not quantity.unit) or (
        re.match(r"[A-Za-z.]", before1)
        and quantity.shape == "number"
        and not _MEASURE_ACRONYM_BEFORE.search(_before(folded, quantity, _ACRONYM_REACH))
    ):
        return "name with letters"
    if _inside_book_title(folded, quantity):
        return "inside a title in 《》"
    if quantity.shape == "ratio" and quantity.value == 1:
        return "a 1:1 scale is a name, not a measured ratio"
    if quantity.chinese and quantity.unit == "条次":
        return "条 of a road class (两条次干道)"
    if before1 in "+/-－" and _CODE_BEFORE.search(_before(folded, quantity, 3)):
        return "code or date"
    if after1 == "+" or (
        before1 == "+" and not _SIGNED_IN_BRACKETS.search(_before(folded, quantity, 2))
    ):
        return "name with plus"
    # 930套/76458.66㎡ and 4.65元-4.80元 are figures with their units; 2023-11 and 1/3 are not.
    written_alone = quantity.text == quantity.number
    if after1 in "-/" and written_alone and re.match(r"[-/]\d", _after(folded, quantity, 2)):
        return "code or date"
    if quantity.unit in _TALLY_UNITS and _MOVED_TALLY_AFTER.match(_after(folded, quantity, 12)):
        return "a tally of the items that moved (16种蔬菜价格上涨)"
    if quantity.unit in _TALLY_UNITS and _MOVED_TALLY_BEFORE.search(_before(folded, quantity, 10)):
        return "a tally of the items that moved most (涨幅较大的有7个品种)"
    if _TALLY_BOUND_BEFORE.search(_before(folded, quantity, 16)):
        return "the bound a tally of items passed (7个品种涨幅超过10%)"
    if _ORDINAL_BEFORE.search(_before(folded, quantity, 3)):
        return "ordinal"
    if quantity.chinese and _ORDINAL_LIST_BEFORE.search(_before(folded, quantity, 12)):
        return "ordinal"  # 第一、二、三次产业
    if quantity.chinese and quantity.unit == "人" and _after(folded, quantity, 1) == "普":
        return "ordinal"  # 2020七人普: the seventh population census
    if quantity.unit in ("位", "名") and _RANK_BEFORE.search(_before(folded, quantity, 3)):
        return "rank"
    if quantity.unit == "位" and _RANKING_WORDS.search(clause_before(folded, quantity.start)):
        return "rank"  # 在全国百强城市中由39位提升到31位, 位次分别前移14位、3位和8位
    if (
        _LEADER_BEFORE.search(_before(folded, quantity, 4))
        and quantity.number.isdigit()
        and (not quantity.unit or "\n" in quantity.text)  # `11⏎对外经济`: the next entry
    ):
        return "a page number in a table of contents (商业……11)"
    if _BROKEN_BEFORE.search(_before(folded, quantity, _WRAPPED_LINE_MIN + 2)):
        return "the end of a number a line break cut (粮食总产426⏎9万吨)"
    if before1 in "亿万" and re.match(r"\d", _before(folded, quantity, 2)):
        return "the rest of an amount in two parts read apart (12亿3456, no unit after)"
    if _in_time_of_day(folded, quantity):
        return "a time of day (09:15:31)"
    if _MINUTES_BEFORE.search(_before(folded, quantity, 16)):
        return "the minutes of a time stamp (2022-05-08 10:48)"
    if quantity.unit == "台" and after1 in "湾灣":
        return "a year before a place name (2027台湾灯会)"
    if quantity.value == 1 and family_of(quantity.unit) is Family.MONEY and after1 == "兑":
        return "the base of an exchange rate (1美元兑8.2789元人民币)"
    if quantity.chinese and _WORDS_AFTER_FIGURE.search(_before(folded, quantity, 12)):
        return "an amount restated in words ($8,600,000.00(澳門幣八百六十萬元))"
    if _COUNTER_BEFORE.search(_before(folded, quantity, 6)):
        return "a page's counter (点击:558次)"
    if _PAGE_OF_PAGES.fullmatch(quantity.text) and _PAGE_MARK_AROUND.match(
        _before(folded, quantity, 1) + _after(folded, quantity, 2)
    ):
        return "a sheet's page of pages closing its title line (畜禽統計調查結果比較(18/24))"
    if quantity.unit == "个月" and (
        _MONTHS_WINDOW_BEFORE.search(_before(folded, quantity, 2))
        or (before1 == "的" and "截至" in clause_before(folded, quantity.start))
        or (
            "." not in quantity.number  # a window counts whole months
            and _MONTHS_NAMED_BEFORE.search(_before(folded, quantity, 24)) is not None
        )
    ):
        return "the months a figure is for (今年首8个月, 截至8月底的3个月)"
    if quantity.chinese and quantity.unit == "元" and _NAMED_BY_ITS_PARTS.match(after8):
        return "a name counting parts (二元杂交母猪, 三元复合肥), not money"
    if (
        quantity.unit == "%"
        and _TAX_SHARE_BEFORE.search(_before(folded, quantity, 8))
        and after8.lstrip().startswith("部分")
    ):
        return "the part of a tax a government keeps (增值税25%部分, 增值税收入(50%部分)), its name"
    if quantity.unit == "个月" and (
        _before(folded, quantity, 2) == "连续" or after8.startswith("以来")
    ):
        return "the length of a run, which dates the statement (连续2个月, 67个月以来)"
    if quantity.unit in _PACK_UNITS and after1 == "装" and not _LOADING.match(after8):
        return "a pack's size naming the goods priced (5公斤装面粉, 1.8升装食用油)"
    if (
        quantity.unit in _DAYS
        and before1 == "前"
        and _before(folded, quantity, 2) not in _BEFORE_NOT_FIRST
    ):
        return "the first days of a window (假期前4天, 与前四周比)"
    if quantity.unit == "个" and before1 == "续" and _RUN_OF_PERIODS.match(after8):
        return "the length of a run (连续19个季度)"
    if quantity.chinese and quantity.unit in ("台", "个") and after1 in "河山湖江":
        return "part of a place name (七台河)"
    if quantity.unit == "‰" and _SURVEY_AFTER.match(after8):
        return "the sampling rate of a survey (5‰人口变动抽样调查)"
    if quantity.unit == "部" and after1 == "分":
        return "part of 部分 (报告分为三部分)"
    if quantity.unit == "位" and after1 == "数":
        return "a number of digits (保持两位数增长)"
    if quantity.unit in ("家", "名", "位") and before1 == "前":
        return "the size of a top group (纳税企业前100家)"
    if _RANK_MOVE_AFTER.match(folded, quantity.end):
        return "rank"  # 同比提升1个位次: a move in a ranking
    if quantity.unit == "个" and _RANKED_POOL_AFTER.match(folded, quantity.end):
        return "the size of a ranking's pool (全市20个区县排名第4)"
    if _NAME_AFTER.match(after8):
        return "name or enumeration"
    names = _SLOGAN_AFTER.match(after8) or quantity.unit in NAMES_IN_CHINESE_UNITS
    if quantity.chinese and names:
        return "slogan or name in Chinese numerals"
    if (
        quantity.chinese
        and family_of(quantity.unit) is Family.COUNT
        and _ABSTRACT_COUNTED_AFTER.match(after8)
    ):
        return "a count in words of abstract things, a named set or ranks"
    if (
        quantity.chinese
        and _NAMES_BEFORE.search(_before(folded, quantity, 12))
        and _PICKED_OUT_AFTER.match(folded, quantity.end)
    ):
        return "a count in words of the names just before it (A和B两个部门的)"
    if (
        quantity.chinese
        and quantity.unit == "项"
        and not INDICATOR_COUNT_AFTER.match(folded, quantity.end)
    ):
        return "items a list or a name counts in words (三项细分指数, 八项规定)"
    if quantity.chinese and quantity.unit == "次" and _SESSION_AFTER.match(after8):
        return "session of a meeting"
    if (
        quantity.unit in ("分钟", "小时")
        and before1 != "每"  # 平均每2.1分钟出生一个婴儿: a rate, not a service
        and re.match(r"^(?:[^，。；]{0,6}圈|[^\W\d以内])", after8)
    ):
        return "name of a service (15分钟生活圈, 24小时书房)"
    if quantity.unit == "条" and (
        _before(folded, quantity, 2) == "政策" or _PACKAGE_AFTER.match(after8)
    ):
        return "named package of policies or rules"
    if quantity.unit == "元" and _MONEY_CLASS_AFTER.match(_after(folded, quantity, 16)):
        return "amount defining a class of projects"
    if _CLASS_COUNTED_AFTER.match(_after(folded, quantity, 24)) or (
        _BOUND_PASSED_BEFORE.search(_before(folded, quantity, 2))
        and _PASSED_COUNTED_AFTER.match(_after(folded, quantity, 8))
    ):
        return "bound of a class whose members are counted"
    if _inside_short_quote(folded, quantity):
        return "inside a name in quotes"
    if _CLASS_AFTER.match(after8):
        return "threshold defining a class"
    milestone = quantity.magnitude and (
        quantity.unit
        or _MILESTONE_BEFORE.search(_before(folded, quantity, 2))
        or _MONEY_AFTER.match(after8)
    )
    word_part = quantity.chinese and quantity.number in ("零", "〇", "千", "百", "万")
    if word_part and not milestone and quantity.unit not in PERCENT_UNITS:  # 百分之百 is 100%
        return "part of a word"
    # 每万人, 每100元: the base of a rate; 平均每2.1分钟出生一个婴儿 is a measure (no base has
    # decimals).
    if _before(folded, quantity, 1) == "每" and "." not in quantity.text:
        return "magnitude defining a rate"
    indefinite = (
        quantity.chinese
        and quantity.value == 1
        and quantity.shape == "number"
        and not _is_one_months_span(folded, quantity)
    )
    if indefinite and quantity.unit not in PERCENT_UNITS:  # 百分之一 is a rate
        return "indefinite 一"
    if quantity.chinese and re.search(r"届$", _before(folded, quantity, 1)):
        return "session number"
    if quantity.shape == "number" and not quantity.has_unit and _is_year(quantity):
        return "year"
    return None


def is_index_level(folded: str, quantity: Quantity) -> bool:
    """价格总指数为102.1: an index on a base of 100, a level with no unit (GUIDELINES)."""
    return _is_bare_figure(quantity) and (
        bool(_INDEX_BEFORE.search(_before(folded, quantity, _INDEX_REACH)))
        or bool(_SEX_RATIO_COMPARED_BEFORE.search(_before(folded, quantity, _SEX_RATIO_REACH)))
        or (
            "." in quantity.number
            and bool(_PRICE_INDEX_BEFORE.search(_before(folded, quantity, 3)))
        )
    )


def percent_sign_dropped(folded: str, quantity: Quantity) -> bool:
    """增长10.3。, 实际增长9.7和13.4。: a growth rate whose writer dropped the % sign, read as a
    percent (GUIDELINES, round 38). Only right after 增长 or 下降 and before the clause ends:
    增加17273 is a count, 提高1.1 may be points, 拉动增长2.4、…4.8个百分点 names its unit later."""
    return (
        _is_bare_figure(quantity)
        and bool(_GROWTH_RIGHT_BEFORE.search(_before(folded, quantity, _GROWTH_REACH)))
        and bool(_CLAUSE_ENDS_AFTER.match(folded, quantity.end))
    )


def _is_years_duration(folded: str, quantity: Quantity) -> bool:
    """用了十六年时间, 平均受教育年限由9.58年上升至10.31年: years as a span of time, not a
    date (GUIDELINES: durations are facts); no calendar year has decimals."""
    if (
        quantity.unit != "年"
        or quantity.magnitude
        or "\n" in quantity.text
        or _YEAR_WORD_AFTER.match(folded, quantity.end)
    ):
        return False
    return bool(
        _YEARS_DECIMAL.fullmatch(quantity.number)
        or (
            _SPAN_OF_TIME_AFTER.match(folded, quantity.end)
            and not _CALENDAR_YEAR.fullmatch(quantity.number)
        )
    )


def _is_one_months_span(folded: str, quantity: Quantity) -> bool:
    """不到一个月时间, 额外发放一个月综援: one month as a span or an amount paid, not 一 of
    "a month"."""
    return quantity.unit == "个月" and bool(
        _SPAN_OF_TIME_AFTER.match(folded, quantity.end)
        or _PAID_BEFORE.search(_before(folded, quantity, 3))
    )


def _is_bare_figure(quantity: Quantity) -> bool:
    """A figure in digits with nothing after it: no unit, no magnitude."""
    return (
        quantity.shape == "number"
        and not quantity.has_unit
        and not quantity.magnitude
        and not quantity.chinese
    )


def is_zero_outcome(folded: str, quantity: Quantity) -> bool:
    """零伤亡, “零发生”: a measured level of zero (not 零的突破, 清零, 零部件)."""
    return quantity.number == "零" and bool(_ZERO_OUTCOME_AFTER.match(_after(folded, quantity, 4)))


def _is_year(quantity: Quantity) -> bool:
    return (
        quantity.value.is_integer()
        and 1900 <= quantity.value <= 2100
        and "." not in quantity.number
    )


def share_units(folded: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """Bare numbers in a list or range take the unit (and magnitude) written after the last one.

    `分别增长5.1、4.3和6.2%` gives 5.1 % and 4.3 %; `2—3个` gives 2 个.
    """
    shared = list(quantities)
    # The magnitude each number stands under: its own, or the one it shares.
    factors = [MAGNITUDES.get(quantity.magnitude or "", 1) for quantity in shared]
    for index in range(len(shared) - 2, -1, -1):
        current, following = shared[index], shared[index + 1]
        if _unit_written_in_part(current, following) and _LIST_SEPARATOR.match(
            folded[current.end : following.start]
        ):
            shared[index] = replace(current, unit=following.unit)
            continue
        if current.unit or current.shape != "number" or not following.unit:
            continue
        if following.shape != "number" or current.chinese != following.chinese:
            continue
        if not _LIST_SEPARATOR.match(folded[current.end : following.start]):
            continue
        if not current.magnitude:
            factors[index] = factors[index + 1]
        factor = 1 if current.magnitude else factors[index]
        shared[index] = replace(current.with_unit(following.unit, factor), has_unit=True)
    return _range_ends_in_words(folded, _last_term_takes_the_lists_rate(folded, shared))


def _range_ends_in_words(folded: str, shared: list[Quantity]) -> list[Quantity]:
    """`百分之一至二`, `百分之三点五至四点五`: the upper end of a range whose lower end is a rate
    in words is that rate too, written without its `百分之` (the percentage's words say the
    unit once, before the first number)."""
    for index in range(1, len(shared)):
        current, before = shared[index], shared[index - 1]
        lone_magnitude = current.number in ("百", "千", "万", "亿")  # 至百分之…: a word's 百
        if current.unit or current.magnitude or not current.chinese or lone_magnitude:
            continue
        in_words = before.chinese and before.unit in PERCENT_UNITS
        if in_words and _RANGE_TO.fullmatch(folded[before.end : current.start]):
            shared[index] = replace(current.with_unit(before.unit), has_unit=True)
    return shared


_RANGE_TO = re.compile(r"[ \t]*(?:至|到|—|－|-|~|～)[ \t]*")  # within a line


def _last_term_takes_the_lists_rate(folded: str, shared: list[Quantity]) -> list[Quantity]:
    """`分别为67.92%、66.29%及65.36`: a bare last term of a list whose terms before it all
    write the same rate unit takes it (at least two of them, so a lone % is no list, unless
    the clause says 分别 before it: `分别增长13.5%和11.1`)."""
    for index in range(1, len(shared)):
        current = shared[index]
        if current.unit or current.magnitude or current.shape != "number" or current.chinese:
            continue
        terms = shared[max(0, index - 2) : index]
        if len(terms) < 2 or not _LIST_SEPARATOR.match(folded[terms[0].end : terms[1].start]):
            terms = terms[-1:]
            if not _RESPECTIVELY.search(clause_before(folded, terms[0].start, 12)):
                continue
        units = {term.unit for term in terms}
        if len(units) != 1 or not units <= PERCENT_UNITS:
            continue
        if _LIST_SEPARATOR.match(folded[terms[-1].end : current.start]):
            shared[index] = replace(current.with_unit(terms[0].unit), has_unit=True)
    return shared


_RESPECTIVELY = re.compile(r"分别(?:增长|下降|为|是|达到?|占)?$")


def _unit_written_in_part(current: Quantity, following: Quantity) -> bool:
    """`1.74个、3.22个、4.0个百分点`: the 个 of each term is the start of the unit written in
    full on the last, whose rest is a unit of its own (百分点)."""
    rest = following.unit[len(current.unit) :]
    return (
        bool(current.unit and rest)
        and following.unit.startswith(current.unit)
        and not current.magnitude
        and following.shape == current.shape == "number"
        and family_of(rest) is not None
        and rest not in NON_FACT_UNITS
    )


_SCORE_BEFORE = re.compile(r"得分|评分|分值|满分|总分|平均分|积分|考核|测评|成绩")
_POINTS_AFTER = re.compile(r"分(?![之钟别为类配布析期批项钱秒米\d])")
_SCORE_AFTER = re.compile(r"分(?:的)?成绩")
# 2小时10分, 116度20分, 5角3分, 3亩2分: the smaller part of a time, an angle, money or land.
_MINUTES_OR_PARTS_BEFORE = re.compile(r"[时度角亩元]\s*$")


def unit_from_context(folded: str, quantity: Quantity) -> Quantity:
    """A magnitude with no unit word (`突破1.5万亿`, `突破千亿`) takes 元 in a money sentence."""
    if not quantity.unit and folded[max(0, quantity.start - 1) : quantity.start] in ("$", "＄"):
        # 金額為$8,600,000.00(澳門幣八百六十萬元), $420.5億: Hong Kong's and Macau's dollars
        # are 元 (GUIDELINES: a currency's name stays out of the unit); US$ is 美元.
        us = folded[max(0, quantity.start - 3) : quantity.start - 1].upper() == "US"
        return replace(quantity.with_unit("美元" if us else "元"), has_unit=True)
    if (
        not quantity.unit
        and not quantity.magnitude
        and _POINTS_AFTER.match(folded, quantity.end)
        and not _MINUTES_OR_PARTS_BEFORE.search(folded, max(0, quantity.start - 2), quantity.start)
        and (
            _SCORE_BEFORE.search(clause_before(folded, quantity.start, 20))
            or _SCORE_AFTER.match(folded, quantity.end)
        )
    ):
        # 考核得分达493.36分, 以96.54分成绩位居: a score in points, where the clause scores;
        # 分 alone is too many other things (分钱, 11分30秒, 116度20分, 5角3分) to be a unit.
        end = quantity.end + 1
        return replace(
            quantity, end=end, text=folded[quantity.start : end], unit="分", has_unit=True
        )
    if quantity.unit or not quantity.magnitude:
        return quantity
    if _MORE_DIGITS_AFTER.match(folded, quantity.end):
        return quantity  # 歲出編列302億1,292萬9,000元: the first part of one sum, no sum itself
    counted = _COUNTED_RIGHT_BEFORE.search(clause_before(folded, quantity.start, 20))
    if counted and counted.group(1) == "人次":
        return replace(quantity.with_unit("人次"), has_unit=True)
    if _HOUSEHOLDS_RIGHT_AFTER.match(folded, quantity.end):
        return replace(quantity.with_unit("户"), has_unit=True)
    if counted or _PEOPLE_RIGHT_AFTER.match(folded, quantity.end):
        return replace(quantity.with_unit("人"), has_unit=True)
    # Bounded: a sentence is read back at most _SENTENCE_MAX characters, never to the start.
    window = max(0, quantity.start - _SENTENCE_MAX)
    sentence_start = max(folded.rfind(mark, window, quantity.start) for mark in "。；\n")
    sentence_start = max(sentence_start, window - 1)
    if _MONEY_CONTEXT.search(folded[sentence_start + 1 : quantity.start]) or _MONEY_AFTER.match(
        _after(folded, quantity, 4)
    ):
        return quantity.with_unit("元")
    return quantity


def clause_before(folded: str, position: int, limit: int = 40) -> str:
    """The text from the last clause break before `position` up to it. A break inside a note in
    brackets the clause closed before the figure (`比2013年末(2013年是…普查年份,下同)增加18022个`)
    ends no clause: the clause is the words before the note and after it."""
    start = _last_break(folded, position, limit)
    # With no break within `limit`, no note is looked for: a search back from `position` to
    # the text's start would cost a long report its length at every figure.
    close = max(folded.rfind(mark, start + 1, position) for mark in _CLOSING) if start >= 0 else -1
    if start >= 0 and close > start and not any(m in folded[start:close] for m in _OPENING):
        opening = max(folded.rfind(mark, max(0, start - limit), start) for mark in _OPENING)
        if opening >= 0:  # one note back only: a run of notes is no clause to follow further
            before = _last_break(folded, opening, limit)
            return folded[max(before + 1, opening - limit) : opening] + folded[close + 1 : position]
    return folded[max(start + 1, position - limit) : position]


def _last_break(folded: str, position: int, limit: int) -> int:
    return max(folded.rfind(mark, max(0, position - limit), position) for mark in _CLAUSE_BREAK)


_OPENING = ("(", "（")
_CLOSING = (")", "）")
