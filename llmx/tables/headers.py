"""What a table's header and label words say: the unit a header writes (`比上年增长(%)`, `(万元)`,
a `单位：万元` line), what a count's header counts (户数 → 户), whether a column holds rates,
budgeted or final amounts, and which year it stands for. Strings in, units and cues out;
the `Unit` pair every table module shares is declared here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from llmx.folding import fold
from llmx.lines import (
    BARE_YEAR,
    LETTER_GAPS,
)
from llmx.quantities import split_header_unit
from llmx.vocabulary import (
    CURRENCY_MAGNITUDES,
    CURRENCY_NAME,
    WRITTEN_MAGNITUDES,
    Family,
    Scope,
    alternation,
    cue_pattern,
    family_of,
    from_english,
    is_fact_unit,
    units_where,
)
from llmx.vocabulary import unit as declared_unit

# A unit and the magnitude factor it carries: ("元", 1e8) for 亿元.
Unit = tuple[str, float]
# The header of the row labels' column (指标, 项目名称, 收入项目); not a measure whose name holds
# one of its words (科教项目收入: the income from research projects; 指标值: an indicator's value).
INDICATOR_HEADER = re.compile(
    r"指\s*标(?!\s*值)|名\s*称|项\s*目(?!\s*(?:收\s*入|支\s*出|经\s*费|资\s*金))"
)
# Columns of no figures: serials, classes, notes, units (单位, 计量单位; not 国有单位, units by
# ownership), line numbers, ranks.
SKIP_HEADER = re.compile(
    r"序\s*号|类\s*别|备\s*注|属\s*性|^\s*(?:计\s*[量算]\s*)?单\s*位|行\s*次|栏\s*次"
    r"|排\s*名|位\s*次|名\s*次"
)
_TARGET_HEADER = cue_pattern("target", Scope.HEADER | Scope.COLUMN)
_ACTUAL_HEADER = cue_pattern("actual", Scope.HEADER | Scope.COLUMN)
CHANGE_HEADER = cue_pattern("change", Scope.HEADER)
# A header's year; not one it compares with (与2020年比较 heads the table year's changes).
# GDP (1978): a measure's year in brackets at the header's end.
YEAR = re.compile(
    r"(?<![与比较])((?:19|20)\d{2})\s*年|^((?:19|20)\d{2})(?![\d=.,%])"
    r"|[(（]\s*((?:19|20)\d{2})\s*[)）]\s*$"
    r"|(?<=[\u4e00-\u9fff])(?<![与比较])((?:19|20)\d{2})(?=\s*(?:[(（][^()（）]*[)）])?\s*$)"
)


# A header naming what its figures count: 户数, 人数, a population (人口, 总人口数).
# 户数, 男性人数, 总人口数: what is counted; 出国人次, 接待人次: visits counted in 人次.
_COUNTED_HEADER = re.compile(
    r"(?P<people>人口|[男女]性)数?$|(?P<noun>[\u4e00-\u9fff])数$|(?P<visits>人次)$"
)


# A median (收入中位数) counts no 位.
_MEDIAN_NAMED = re.compile(r"中位数$")
# Beds as places (床位数, 實際開放床位數) are counted in 张, not in the 位 their name ends
# on; 病床數 keeps the 床 it counts, as Taiwan's tables write it.
BED_UNIT = "张"
_BEDS_COUNTED = re.compile(r"床位数$")


def counted_unit_in(header: str) -> Unit | None:
    words = re.sub(r"\s+", "", outside_brackets(header))
    if _BEDS_COUNTED.search(words):
        return (BED_UNIT, 1.0)
    counted = None if _MEDIAN_NAMED.search(words) else _COUNTED_HEADER.search(words)
    if counted is None:
        return None
    noun = "人" if counted.group("people") else counted.group("noun") or counted.group("visits")
    return (noun, 1.0) if is_fact_unit(noun) else None


# A title's words after the count it names: a table of it (`统计表`, `一览表`, `表`).
_TITLE_TAIL = re.compile(r"(?:统计|一览)?表$")
_CAPTION_WORDS = re.compile(r"[^\s。，；,;：:]{2,24}")


def caption_counts(title: str) -> Unit | None:
    """What a table's title counts, at its end (`各縣市旅遊人次`, `原住民戶數統計表`, and past
    the last 的 of a long one, `按隧道範圍及嚴重程度劃分的交通意外宗數`): the measure word of
    the noun counted; None where the title's last line is a sentence's end or counts nothing."""
    last = title.split()[-1] if title.strip() else ""
    words = _TITLE_TAIL.sub("", fold(last)).rsplit("的", 1)[-1]
    if not _CAPTION_WORDS.fullmatch(words) or _NO_COUNT.search(words):
        return None
    return counted_unit_in(words)


# 中位数, 床位数, 倍数: a median, beds, a multiple, no count of what 位 or 倍 names.
_NO_COUNT = re.compile(r"[位倍]数$")


def heads_every_column(names: Sequence[str]) -> bool:
    """Whether a header's second name stands over every column after it, no column of its own:
    a corner cell naming the rows and the columns, copied as two (`隧道範圍`, `嚴重程度`, then
    `致命`, `嚴重`), or a group whose columns name only what of it each holds (`省市`,
    `固定资产投资额`, then `绝对值`, `增长(%)`). Words both, no figure or year, neither a
    column's own without figures (计算单位, 序号), the second no row labels' heading (`工业(一)`
    over `行业名称` is a title); a group over some columns only (`占总人口比重` over `男`,
    `女`, beside `性别比`) reads the same, so the second must name a dimension or the columns
    a measure of it."""
    if len(names) < _CORNER_NAMES_MIN:
        return False
    stub, over, *columns = names
    words = all(
        name.strip()
        and not re.search(r"\d", name)
        and not UNIT_COLUMN.match(fold(name).strip())
        and not SKIP_HEADER.search(fold(name))
        for name in (stub, over)
    )
    return (
        words
        and not INDICATOR_HEADER.search(fold(over))
        and (
            _DIMENSION_NAME.search(fold(over).strip()) is not None
            or all(_MEASURE_OF_GROUP.match(outside_brackets(fold(c)).strip()) for c in columns)
        )
    )


_CORNER_NAMES_MIN = 4  # the rows' name, the columns', then two columns or more
# 嚴重程度, 登记注册类型: what the columns are, not a measure (类别 heads a column of its own).
_DIMENSION_NAME = re.compile(r"(?:程度|类型|级别|分类|性质|方式)$")
# 绝对值, 增长(%), 比重: what of a group's measure a column holds, nothing alone.
_MEASURE_OF_GROUP = re.compile(
    r"(?:绝对[值数额量]|总[量额数]|数[量额]|金额|增[长速幅减]|比重|占比|构成)"
)


def listed_units(unit: Unit | None) -> tuple[Unit | None, Unit | None]:
    """A table's unit as its amounts' and its rates': a `单位:万人、‰` line lists one of
    each (the magnitude before the first); a list of two amounts (万吨、千克) says nothing of
    which column is in which."""
    if unit is None or "、" not in unit[0]:
        return unit, None
    parsed = _listed(unit)
    rates = [each for each in parsed if each[0] in RATE_UNITS]
    amounts = [each for each in parsed if each[0] not in RATE_UNITS]
    return (amounts[0] if len(amounts) == 1 else None), (rates[0] if len(rates) == 1 else None)


def rates_and_counts(unit: Unit | None) -> Unit | None:
    """A listed unit (`单位:%、人`) that names one rate and one count of whole things, which a
    figure's decimals tell apart; None for any other list."""
    amount, rate = listed_units(unit)
    if amount is None or rate is None or amount[1] != 1.0:
        return None
    return unit if family_of(amount[0]) in WHOLE_COUNTS else None


def _listed(unit: Unit) -> list[Unit]:
    """The units a `单位:所、万人` line lists, the magnitude before the first its own; a unit
    with a bracket of its own (`头(只)`) whole."""
    first, *others = unit[0].split("、")
    listed = [(first, unit[1])]
    for other in others:
        found = (other, 1.0) if is_fact_unit(other) else split_header_unit(f"({other})")
        if found is not None:
            listed.append(found)
    return listed


def listed_for_header(unit: Unit, header: str) -> Unit | None:
    """Of a unit line listing two amounts, one of them a count of places (`单位:场、头(只)、%`
    over 饲养场数 and 在养数量), a column's: the one its header counts (场数), else the other."""
    amounts = [each for each in _listed(unit) if each[0] not in RATE_UNITS]
    if len(amounts) != 2:
        return None
    words = fold(header)
    counted = [each for each in amounts if f"{each[0]}数" in words]
    if len(counted) == 1:
        return counted[0]
    places = [each for each in amounts if each[0] in _PLACE_COUNTERS]
    if counted or len(places) != 1 or "数量" not in words:
        return None  # only a column naming a quantity (在养数量) takes the other amount
    return next(each for each in amounts if each is not places[0])


_PLACE_COUNTERS = ("场", "户", "家", "个", "所", "处")


def listed_for_row(unit: Unit, label: str, header: str = "") -> Unit | None:
    """Of a unit line listing units of different kinds (`单位:所、万人`, `单位:个、人、万元`),
    the one the figure under a column's `header` in a row named `label` is in.

    What the row's label, or else the column's header, ends on decides where the list holds
    such a unit (see `_measured_by`): a count of persons the persons, a count of anything
    else the one unit of things, an amount of money the money, a rate the listed rate, an
    index none. A column's count of things decides nothing (`上年同期数`, `实际完成数` say of
    when and how, not what). Where nothing decides: of one unit of persons and one of other
    things (所、万人), persons where the label names them; of counts and one unit of money
    (个、人、万元), the money: what such a table does not count it states in 万元."""
    listed = _listed(unit)
    for words, of_column in ((_ending(label), False), (_ending(header), True)):
        measured = _measured_by(words)
        if measured in ("rate", "index"):
            return _listed_for("rate", listed) if measured == "rate" else None
        if measured is None or (of_column and measured == "things"):
            continue
        own = counted_unit_in(words) if measured == "things" else None
        if own is not None and own[0] not in _NO_MEASURE_WORD and own not in listed:
            return None  # 住院手术例数, 病床周转次数: counted in a word of their own, not listed
        found = _listed_for(measured, listed)
        if found is not None or measured == "beds":
            return found
    # 倍数, 中位数: a figure summing others up counts none of the things listed (an average
    # headcount, 从业人员平均数, counts persons still).
    statistic = _NO_COUNT_OF_LISTED.search(_ending(label)) is not None
    money = [each for each in listed if _kind_of_listed(each) == "money"]
    persons = [each for each in listed if _kind_of_listed(each) == "persons"]
    things = [each for each in listed if _kind_of_listed(each) in ("things", "beds")]
    if not money and len(persons) == 1 and len(things) == 1 and not statistic:
        return persons[0] if _PERSONS_NAMED.search(fold(label)) else things[0]
    if len(money) == 1 and all(family_of(each[0]) in WHOLE_COUNTS for each in persons + things):
        return money[0]
    return None


def _ending(words: str) -> str:
    """Words as their ending is read, a bracket closing them left out: `从业人员数(年末)` ends
    on 数 as `从业人员数` does."""
    return re.sub(r"(?:\s*[(（][^()（）]*[)）])+$", "", fold(words).strip()) or fold(words)


def _measured_by(words: str) -> str | None:
    """What words measure, by what they end on: "index" (指数, 系数), "rate" (率, 比重),
    "persons" or "things" for a count (`在校学生数`, `企业单位数`; not `本年数`, a period's
    figure, nor `中位数`), "persons" for persons named last (`年末常住人口`, `专任教师`),
    "money" (`工业总产值`, `存款余额`, `人员经费`); None for others."""
    if _INDEX_NAMED.search(words):
        return "index"
    if _RATE_NAMED.search(words):
        return "rate"
    if words.endswith("数") and not (
        _PERIOD_FIGURE.fullmatch(words) or _STATISTIC_NAMED.search(words)
    ):
        if _PERSONS_COUNTED.search(words) or _PERSONS_NAMED_LAST.search(words[:-1]):
            return "persons"  # 从业人员数, 注册护士数
        return "beds" if _BEDS_COUNTED.search(words) else "things"
    if _PERSONS_NAMED_LAST.search(words):
        return "persons"
    return "money" if _MONEY_NAMED.search(words) else None


def _listed_for(measured: str, listed: Sequence[Unit]) -> Unit | None:
    """The one listed unit of what is `measured`; None where the list holds none or several."""
    found = [each for each in listed if _kind_of_listed(each) == measured]
    if measured == "things" and not found:
        # 医院数 under 张、万元: beds are the list's one unit of things.
        found = [each for each in listed if _kind_of_listed(each) == "beds"]
    return found[0] if len(found) == 1 else None


def _kind_of_listed(unit: Unit) -> str:
    if unit[0] in RATE_UNITS:
        return "rate"
    if unit[0] in _PERSON_UNITS:
        return "persons"
    if unit[0] == BED_UNIT:
        return "beds"  # 个、张、人 over a health system's institutions, beds and staff
    return "money" if unit[0] in MONEY_UNITS else "things"


_INDEX_NAMED = re.compile(r"(?:指数|系数|比价)$")
# A figure that sums up others, no count (人均可支配收入中位数, 倍数).
_STATISTIC_NAMED = re.compile(r"(?:中位|平均|倍|分)数$")
_NO_COUNT_OF_LISTED = re.compile(r"(?:中位|倍)数$")
# 单位数 counts units (企业, 法人), not 位: no measure word of the label's own.
_NO_MEASURE_WORD = ("位",)
_RATE_NAMED = re.compile(r"(?:率|比重|比例|占比)$")
# A column's figure of a period or a stage (本年数, 年末数, 1-12月累计数, 预算数): no count.
_PERIOD_FIGURE = re.compile(
    r"[\d\-—~至]*[本上去今明当前]?[年月期季度]*[末初底]?"
    r"(?:累计|预算|决算|执行|实际|完成|调整|计划)?数"
)
# A word naming persons: people, staff, workers, students (not 卫生, 生产), teachers; not legal
# persons (法人单位).
_PERSON_WORD = r"(?<!法)人|员|职工|(?<!卫)生(?!产)|师|者"
# A count of persons, the persons named up to ten characters before its 数.
_PERSONS_COUNTED = re.compile(rf"(?:{_PERSON_WORD})\S{{0,10}}数$")
# Words that end on the persons they measure (年末常住人口, 从业人员, 在校生, 专任教师).
_PERSONS_NAMED_LAST = re.compile(r"(?:人口|人次|人员|职工|学生|(?<![卫发产])生|教师|医师|护士)$")
_PERSONS_NAMED = re.compile(rf"{_PERSON_WORD}|户籍")
# What words measuring money end on: a value, a sum or balance, income and spending, assets
# and debts, wages, profits and taxes, costs, deposits and loans.
_MONEY_NAMED = re.compile(
    r"(?:产值|增加值|总值|[金总余]额|收入|支出|资产(?:总计|合计|总额)?|负债(?:总计|合计)?"
    r"|工资(?:总额|及福利)?|利润(?:总额)?|利税|税金|税收|结余|成本|费用|[帐账]款|原价|净值"
    r"|折旧|投资|存款|贷款|经费|资金|基金|养老金|结存|补助|补贴)$"
)


def listed_for_columns(unit: Unit, headers: Sequence[str]) -> list[Unit] | None:
    """Of a unit line listing units of persons and of other things (`单位:个、张、人` over
    机构数, 床位数, 人员数, 卫生技术人员, …), each column's: persons where its header names
    them, the others in the order listed to the other columns, one each; None where the
    list and the columns do not pair so."""
    amounts = [each for each in _listed(unit) if each[0] not in RATE_UNITS]
    persons = [each for each in amounts if each[0] in _PERSON_UNITS]
    others = iter([each for each in amounts if each[0] not in _PERSON_UNITS])
    named = [_NAMES_PERSONS.search(fold(header)) is not None for header in headers]
    if len(persons) != (1 if any(named) else 0) or len(amounts) - len(persons) != named.count(
        False
    ):
        return None
    return [persons[0] if person else next(others) for person in named]


_PERSON_UNITS = ("人", "人次")
# A label naming people: students, staff, workers, teachers, patients, residents.
_NAMES_PERSONS = re.compile(r"(?<!卫)生|人|员|职工|者|师|户籍")


# A column of words beside the figures: notes, or who answers for a plan's target.
NOTES_HEADER = re.compile(r"说明|备注|(?:责任|牵头|主管|承办)\S{0,4}(?:单位|部门)")


# A rate that is part of a row's name (增值税50%: the share of a tax kept), not its unit.
_ENDS_IN_RATE = re.compile(r"\d\s*%$")


def label_unit(label: str) -> Unit | None:
    """The unit a row's label writes (`税收总量（亿元）`); none for a gloss or a note in
    brackets (城镇(zhèn), 工业(含电力)), nor for a rate that is part of its name."""
    if _PERCENT_NAMED.search(fold(label)):
        return ("%", 1.0)  # 相當於本地生產總值的百份比*: a percentage, whatever the table's unit
    found = split_header_unit(label)
    if found == ("日", 1.0):
        return found  # 平均住院日(日): days, where a 日 in prose is a date's
    return found if found and is_fact_unit(found[0]) and not _ENDS_IN_RATE.search(label) else None


# A row that names itself a percentage (百分比, and the variant 百份比), a footnote mark after.
_PERCENT_NAMED = re.compile(r"百[分份]比\s*[*＊]?\s*$")


def is_rate_header(header: str) -> bool:
    """A header of growth or shares, which are in percent unless it says otherwise; a
    difference in amount (增减额, 比较) is in the table's unit."""
    outside = re.sub(r"\s+", "", outside_brackets(header))  # a yearbook's 比 重: 比重
    if BASE_NOTE.search(fold(header)):
        return False  # 环比(上月=100): an index on the month before, no rate
    return bool(_RATE_HEADER.search(outside)) and not _AMOUNT_HEADER.search(outside)


def outside_brackets(header: str) -> str:
    """A header less its bracketed words: in `最新年度数据 (同比变动)` the bracket names what a
    cell gives in brackets (`3,795 (↑92.3%)`), not the cell's own number."""
    folded = fold(header)
    outside = re.sub(r"[(（][^()（）]*[)）]", "", folded).strip()
    return outside or folded


def header_status(header: str) -> str | None:
    folded = fold(header)
    compared = _COMPARED.search(folded)
    if compared:  # 实征净额与全年预算数比较: the collections' status, not the budget's
        return header_status(folded[: compared.start()])
    # A header's own word wins: "预计目标" is a target, "预计完成" an actual, and so is a
    # plan's fulfilment (完成年度计划(%), 完成预算%).
    alone = outside_brackets(header)
    if (
        "预计完成" in folded
        or _FULFILMENT.search(folded)
        or (_ACTUAL_HEADER.search(folded) and not _TARGET_HEADER.search(folded))
    ):
        return "actual"
    if _TARGET_HEADER.search(folded) or _BUDGET_ONLY.fullmatch(alone):
        return "target"
    return "actual" if _OUTCOME_ONLY.fullmatch(alone) else None


_FULFILMENT = re.compile(r"完\s*成.{0,4}(?:计\s*划|目\s*标|预\s*算)")
# A measure compared with another (`…与全年预算数比较/百分比`, `…占本月分配预算数/百分比`).
_COMPARED = re.compile(r"(?<=.)(?:与|占)(?=.+?(?:比较|百分比|比重))")
# A header that is the word 预算 (or 决算) alone, `预算(元)`, heads budgeted (or final)
# amounts; inside a longer name (一般公共预算收入) the word names a kind of revenue.
_BUDGET_ONLY = re.compile(r"预\s*算")
_OUTCOME_ONLY = re.compile(r"决\s*算")


RATE_UNITS = units_where(Family.PERCENT, Family.POINTS)
# Counts of whole things (人, 户, 件): a figure with decimals is never one.
WHOLE_COUNTS = (Family.COUNT, Family.TALLY)
MONEY_UNITS = units_where(Family.MONEY)
# A column of growth or shares whose header gives no unit is in percent.
# 环比 heads a change on the period before; 以环比物量计算 (chained volume measures) levels.
_RATE_HEADER = re.compile(
    f"{cue_pattern('change', Scope.HEADER).pattern}|{cue_pattern('share', Scope.HEADER).pattern}"
    "|环比(?!物量)"
)
# Headers of columns that hold measured values even without a status or a year.
MEASURE_HEADER = re.compile(
    r"绝对|总量|总额|总值|数量|金额|数值|产量|增长|增速|增幅|增减|比上年|同比|环比(?!物量)|比重|占比|比例|构成|"
    r"合计|预算|决算|执行|本年|本期|上期|本月|同期|上年|累计|当月|全年|收入|支出|增加值|数据|变动|指数"
    r"|价格|均价|单价"
)
# A month or months (5月, 1-5月, 本月份): the part of the year a column's figures are of.
MONTHS_HEADER = re.compile(r"(?:\d{1,2}\s*[-—–~至]\s*)?(?:\d{1,2}|本)\s*月份?")
# A change or share header that names an amount (增减额, 增加量) counts in the table's unit.
_AMOUNT_HEADER = re.compile(r"[额量]\s*$|(?<!指)数\s*$|比\s*较$")  # 自然增长人数; not 比较增加率
# An index, or a sex ratio (男性对女性, 女性=100): a figure on a base of 100, whatever the table's
# `单位:%` line says of its shares.
INDEX_HEADER = re.compile(r"指\s*数|性\s*别\s*比|性\s*比\s*例")
UNIT_COLUMN = re.compile(r"^(?:计\s*[量算]\s*)?单\s*位$")
SERIAL_HEADER = re.compile(r"^(?:序\s*号|编\s*号|No\.?)?$", re.IGNORECASE)
# 单位:万元, and a letter-spaced page's 單 位 ﹕ 百 萬 元 (a small colon, a letter a cell).
# 编制单位:福建省, 填报单位:… name who filled in a form, no unit.
UNIT_LINE = re.compile(
    r"(?<!编制)(?<!填报)(?<!制表)(?<!报送)单\s*位\s*[:：﹕︰]\s*"
    # (a unit with a bracket of its own whole: 单位:场、头(只)、%)
    r"((?:[\u4e00-\u9fff] ){1,4}[\u4e00-\u9fff](?![^\s|｜])"
    r"|(?:[^\s|｜，,；;（(）)]|[（(][^\s（()）]{1,3}[)）])+)"
)
# A quarter or a month of a Republic of China year (106年第1季, 105年12月): its year (80-99,
# 100-149: 1991-2060; 23年12月 is no year of that calendar) and the part of it.
ROC_PERIOD = re.compile(
    r"(?<!\d)(1[0-4]\d|[89]\d)(\s*年\s*(?:第\s*[1-4一二三四]\s*季|\d{1,2}\s*月))"
)
NOT_DATA = re.compile(
    r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*(?:[-—–~至]\s*\d{1,2}\s*)?月)?|\d{1,2}\s*(?:[-—–~至]\s*\d{1,2}\s*)?月|[(（][^()（）]*[)）]"
    r"|注\s*\d{1,2}$"  # a footnote mark on a header (按月变动注1)
    r"|[\[［]\d{1,2}[\]］]"  # and a numbered note's (比重[4])
    r"|\d{1,2}\s*[-—–~至]\s*本月"  # 1-本月: the months of the year so far
    r"|(?:[1-4]\s*[-—–~至]\s*)?[1-4]\s*季度"  # 1季度累计, 1-3季度: quarters
    rf"|{ROC_PERIOD.pattern}"  # 106年第1季: a Republic of China quarter
    r"|\d{1,3}\s*(?:[-—–~至]\s*\d{1,3}\s*岁|岁\s*(?:及\s*)?以\s*[上下])"  # 0-14岁, 65岁及以上: ages
    # A pollutant's or a compound's name (SO2, PM2.5, O3_8H): its digits are no figure.
    r"|(?<![A-Za-z\d])[A-Z][A-Za-z]?\d+(?:\.\d+)?(?:_\w+)?(?![\d.,%])"
    r"|第\s*\d+"  # an ordinal (第95百分位数)
)
TITLE_MAX = 60
GROUP_LABEL_MAX = 30
UNIT_LOOKBACK = 3
HEADER_ROWS_MAX = 3


def names_a_measure(header: str) -> bool:
    """Whether a column header names what its cells measure (绝对数, 增长, 比重, 指数), not
    only whose they are (城市, 农村) or in what unit."""
    words = outside_brackets(header)
    return bool(MEASURE_HEADER.search(words) or _RATE_HEADER.search(words))


def unit_line_unit(source: str) -> Unit | None:
    """The unit a `单位：万元` line in `source` (a table's title or the lines above it) gives."""
    folded = fold(source)
    found = UNIT_LINE.search(folded)
    if found is None:
        return None
    first = unit_of_words(found.group(1)) or unit_of_words(
        BRACKETED.sub(_unit_or_nothing, found.group(1))
    )
    # 單位:家;%, 單位:新臺幣億元;%: units listed apart by semicolons or commas, as by 、.
    listed, _ = _listed_apart(folded, found.end(1))
    if first is None or not listed:
        return first
    return "、".join((first[0], *listed)), first[1]


def _unit_or_nothing(bracket: re.Match[str]) -> str:
    """A bracket in a unit line: a unit of its own (头(只)) kept, a note (亿元(现价), 吨(实物
    量)) dropped."""
    return bracket.group() if is_fact_unit(bracket.group()[1:-1]) else ""


_LISTED_APART = re.compile(r"\s*[;,]\s*([^\s|｜，,；;）)]+)")


def _listed_apart(folded: str, at: int) -> tuple[list[str], int]:
    """The units a unit line lists apart by semicolons or commas from `at` on (`;%`, `,%`),
    and where the list ends."""
    listed: list[str] = []
    while (more := _LISTED_APART.match(folded, at)) and (unit := _bare_unit(more.group(1))):
        listed.append(unit[0])
        at = more.end()
    return listed, at


def without_unit_line(words: str) -> str:
    """`words` less the `单位:` line in them with every unit it lists: 单位:万吨,% lists two
    units apart by a comma, no clause."""
    folded = fold(words)
    found = UNIT_LINE.search(folded)
    if found is None:
        return words
    _, end = _listed_apart(folded, found.end())
    return words[: found.start()] + words[end:]


_BARE_UNIT_CHARS = 3  # 家, 万人, %: a unit alone, not a measure's name (同比增长%)


def _bare_unit(words: str) -> Unit | None:
    """A unit alone (`%`, `家`, `万元`), not a note (`下同`) or a measure's name (`同比%`)."""
    unit = unit_of_words(words) if len(words) <= _BARE_UNIT_CHARS else None
    return unit if unit is not None and (unit[0] in RATE_UNITS or is_fact_unit(unit[0])) else None


def unit_of_words(words: str) -> Unit | None:
    """The unit a unit cell or a `单位：` line writes (万元 → 元 × 1e4; `(万人)` in brackets)."""
    bare = _one_language(LETTER_GAPS.sub("", _IN_BRACKETS.sub(r"\1", fold(words).strip())))
    if bare and "、" in bare and "(" in bare:
        # A list whose units bracket their own words (场、头(只)、%): each a unit whole.
        parts = bare.split("、")
        if all(is_fact_unit(part) or part in RATE_UNITS for part in parts):
            return bare, 1.0
    return split_header_unit(f"({bare})") if bare else None


_IN_BRACKETS = re.compile(r"^[(（]\s*([^()（）]*?)\s*[)）]$")


# `亿澳门元/ 108 MOP`, `百分比 / %`: a unit in Chinese, then its English or symbol after a slash.
_GLOSSED_UNIT = re.compile(r"^(?P<chinese>.*[^\x00-\x7f].*?)\s*/\s*(?P<latin>[\x00-\x7f]+)$")


# 新台币亿元, 港币百万元, 新台币千元: a currency's name, then a magnitude and 元 (GUIDELINES:
# the unit is what follows the magnitude word).
_CURRENCY_MAGNITUDE = alternation((*WRITTEN_MAGNITUDES, *CURRENCY_MAGNITUDES)).pattern
# The name never opens with a magnitude: 十亿港元 and 百万澳门元 are a magnitude and a currency.
# A currency named before a bare 元 (`新台币元`, `澳门币元`) stays out of it too.
_NAMED_CURRENCY = re.compile(
    rf"^(?!{_CURRENCY_MAGNITUDE})(?:[^\d/、]+?(?P<rest>(?:{_CURRENCY_MAGNITUDE})[^/]*元)"
    rf"|(?:{CURRENCY_NAME})(?P<bare>元))$"
)


_CURRENCY_AFTER = re.compile(rf"元\s*(?:{CURRENCY_NAME})$")


def _one_language(unit: str) -> str:
    """A bilingual unit cell's unit: its symbol where the vocabulary knows it (`百分比 / %` →
    %), else its Chinese (`亿澳门元/ 108 MOP` → 亿澳门元, whose 108 is 10^8 with the superscript
    lost); a compound unit (元/人) is one unit and stays whole."""
    named = _NAMED_CURRENCY.match(unit)
    if named:
        return named.group("rest") or named.group("bare")
    if _CURRENCY_AFTER.search(unit):
        return _CURRENCY_AFTER.sub("元", unit)  # 亿元人民币: the currency named after its 元
    found = _GLOSSED_UNIT.match(unit)
    if not found:
        return unit
    latin = found.group("latin").strip()
    return latin if declared_unit(latin) else found.group("chinese").strip()


# A change column in percent or in points (`同比增长 (%、百分点)`, `增减(%/个百分点)`): the
# points where the row is itself a percent (出租率), the percent elsewhere.
_PERCENT_OR_POINTS = re.compile(r"[(（]\s*%\s*[、/,，]\s*(个?百分点)\s*[)）]\s*$")


def names_percent_or_points(header: str) -> bool:
    """Whether a header names both percent and points (`同比增长 (%、百分点)`), which the
    row decides between (`change_unit_for`)."""
    return _PERCENT_OR_POINTS.search(fold(header)) is not None


def change_unit_for(header: str, row_unit: Unit | None) -> Unit | None:
    """The unit of a figure under a change column whose header names both percent and points
    (`同比增长 (%、百分点)`): the points for a row of percents, the row's own rate for a row of
    other rates (‰), the percent for any other row; None where the header names not both."""
    both = _PERCENT_OR_POINTS.search(fold(header))
    if both is None:
        return None
    if row_unit is not None and row_unit[0] == "%":
        return (both.group(1), 1.0)
    return row_unit if row_unit is not None and row_unit[0] in RATE_UNITS else ("%", 1.0)


def header_unit(header: str) -> Unit | None:
    """A column header's unit: in brackets at its end, after 单位：, or a trailing %; none for
    a header of percent or points, which the row decides (`change_unit_for`)."""
    if names_percent_or_points(header):
        return None
    found = split_header_unit(header)
    if found and not is_fact_unit(found[0]):
        # 薪资(新台币元): a currency's name stays out of the unit; (C/A) names a formula.
        named = unit_of_words(found[0]) if _NAMED_CURRENCY.match(found[0]) else None
        return (named[0], found[1] * named[1]) if named and is_fact_unit(named[0]) else None
    if found:
        return found
    folded = fold(header).rstrip(" *")
    if _CLASS_OF_PERCENT.search(folded):
        return None  # 最低20%, 前10%: a class of households, the figures under it of any unit
    return ("%", 1.0) if folded.endswith(("%", "百分比")) else None


_CLASS_OF_PERCENT = re.compile(r"\d\s*%$")


# The mark a statistics table puts before a sub-item (`#轻工业`: of which).
SUB_MARKS = ("#", "＃")
# 其中:民族乡, 总计中:当年新增: a row that is a part of the row above, marked in words.
PARTS_LEAD = re.compile(r"^\s*(?:其中|[总合]计中)\s*[:：]")
# A cell wholly in brackets: a unit on a line of its own (`(万立方米)`), a note, a date.
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")

# How an official table numbers its rows, outermost first: 一、 then (一) then 1. then (1).
# The second level of that outline, a number in brackets: (一)行政区划.
OUTLINE_BRACKETED = re.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]")
_OUTLINE_NUMBERS = (
    re.compile(r"[一二三四五六七八九十]{1,3}[、.．]"),
    OUTLINE_BRACKETED,
    re.compile(r"\d{1,2}[、.．](?!\d)"),
    re.compile(r"[(（]\d{1,2}[)）]"),
)


def outline_level(label: str) -> int | None:
    """How deep a row's number puts it in the table's outline (`一、` 0, `(一)` 1, `1.` 2,
    `(1)` 3); None for a row that opens with no such number."""
    words = fold(label).lstrip()
    return next(
        (level for level, number in enumerate(_OUTLINE_NUMBERS) if number.match(words)), None
    )


def outline_numberless(label: str) -> str:
    """A row's label less the number that places it in the outline (`(一)行政区划` →
    `行政区划`), folded."""
    words = fold(label).lstrip()
    found = next((match for number in _OUTLINE_NUMBERS if (match := number.match(words))), None)
    return words[found.end() :] if found else words


YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")


def unbracketed(heading: str) -> str:
    """A heading as written, less its brackets (a unit, a note): 平均增长速度(%) → 平均增长速度."""
    return re.sub(r"[(（][^()（）]*[)）]?", "", heading).strip() or heading


def header_year(header: str) -> str | None:
    """The year a header cell that is a year alone gives its column (`2003`, `1996年`)."""
    year = BARE_YEAR.fullmatch(fold(header).strip())
    return year.group(1) if year else None


def parent_name(label: str) -> str:
    """What a row that heads others names its items' measure by: its label less the unit or
    note in brackets at its end and the number opening it (`一、劳动参与率(%)` → 劳动参与率)."""
    return re.sub(r"[(（][^()（）]*[)）]\s*$|^[一二三四五六七八九十]{1,3}、", "", label.strip())


# A base of 100 (`上年=100`, `1978年=100`): the figures are indices.
# 上年=100, 1978年=100, and in words: 以上年同期为100的指数, 以上月价格为100.
BASE_NOTE = re.compile(
    r"(?:上年|去年|上月|(?:19|20)\d{2}\s*年?)(?:同期|同月)?\s*[=＝]\s*100(?!\d)"
    r"|以[^，。；\d]{1,8}为\s*100(?![\d.])"
)
BASE_CAPTION = re.compile(r"[=＝为]\s*100(?![\d.])")
UNIT_BRACKET = re.compile(r"[(（]\s*([^()（）]{1,12}?)\s*[)）]")


_HEADER_WORD = re.compile(r"[\s()（）|｜]+")


def names_a_unit(header: str) -> bool:
    """Whether a table's title or header names a unit anywhere: a unit alone or in brackets
    (`港幣百萬元`, `(万张)`, `(10 000 persons)`), a `单位` line, a percent sign."""
    folded = fold(header)
    return (
        "单位" in folded
        or "%" in folded
        or any(from_english(found.group(1)) for found in UNIT_BRACKET.finditer(folded))
        or any(header_unit(f"({word})") for word in _HEADER_WORD.split(folded) if word)
    )


def group_and_sub(group: str, sub: str, between: str = " ") -> str:
    """A sub-column's header under its group's (`平均濃度(μg/m3)` over `SO2`): the group's words,
    then the sub-column's, the group's unit at the end where the sub-column writes none of its
    own (`平均濃度 SO2(μg/m3)`), so that the unit reads as the column's."""
    bracket = _TRAILING_UNIT.search(group)
    if bracket is None or _TRAILING_UNIT.search(sub):
        return f"{group}{between}{sub}"
    return f"{group[: bracket.start()]}{between}{sub}{bracket.group()}"


_TRAILING_UNIT = re.compile(r"[(（][^()（）]{1,12}[)）]\s*$")


def totalled_groups(names: Sequence[str], values: int) -> int | None:
    """How many groups a header's names make, flattened a cell each, where each group opens on
    a total column that the group's name alone heads: the groups' names, then their
    sub-columns once per group (`全 市(人) | 构 成(%) | 城镇 | 农村 | 城镇 | 农村` over six
    figures a row: two groups, each a total, 城镇 and 农村). None where they make none so."""
    for groups in range(2, values // 3 + 1):
        # Two sub-columns a group at least: one (`本月 | 1-本月`, then `同比(%)` twice) is as
        # well a flat header whose last names repeat, a rate after each amount.
        each, rest = divmod(values, groups)
        if rest or len(names) != groups * each:
            continue
        heads, subs = names[:groups], names[groups:]
        if repeats(subs, groups) and not set(heads) & set(subs):
            return groups
    return None


def repeats(names: Sequence[_Name], times: int) -> bool:
    """Whether `names` are one run of names said `times` times over: sub-columns repeated once
    per group (`本期 | 同期` under each of `累计 | 当月`), panels side by side."""
    if times < 1:
        return False
    size, rest = divmod(len(names), times)
    return not rest and list(names) == list(names[:size]) * times


_Name = TypeVar("_Name")
