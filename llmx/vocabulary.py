"""The words llmx knows: units, magnitudes, numerals, qualifiers, and status and kind cues.

Every unit is declared once, in `UNITS`, with its family; the family says what a number in
that unit implies (the kind it gives a fact, or that it is never a fact). Every other set
the code uses — the alternation `llmx.quantities` matches, the units the filters drop, the
measure words whose counted noun follows, the units that fix a fact's kind — is derived
from that table, so adding a family is one row per unit and a test (see `Family.ENERGY`).
Cue words are declared once too, each with the status or kind it signals and where in a
report it is read (a clause, a heading, a table header). Pure data and lookups, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, Flag, auto
from functools import cache


class Family(Enum):
    """What kind of thing a unit measures; `kind` is the kind it fixes, None where context
    decides (a percent is a growth rate or a share), and `fact` False for units that mark a
    date, a name or a class."""

    MONEY = ("money", "level", True)
    PERCENT = ("percent", None, True)  # 增长7.2% is a change, 占比75.5% a share
    POINTS = ("points", "change", True)  # percentage points only ever measure a change
    MULTIPLE = ("multiple", "change", True)  # 是上年的2.4倍
    RATIO = ("ratio", "share", True)  # 1.91:1, terms of 3.1:42.6:54.3, 三分之一
    # A measure word: the counted thing is named after the number (130个技改项目).
    COUNT = ("count", "level", True)
    # People, visits and other counts whose unit itself names what is counted.
    TALLY = ("tally", "level", True)
    PHYSICAL = ("physical", "level", True)  # length, area, volume, mass
    ENERGY = ("energy", "level", True)  # energy, power and emissions
    DURATION = ("duration", "level", True)  # 317天, 3个工作日
    CALENDAR = ("calendar", None, False)  # 2023年, 5月, 75周年, 第七届: dates and ordinals
    CLASS = ("class", None, False)  # 4A级, 五星, 100强, 110千伏: grades and classes

    @property
    def kind(self) -> str | None:
        kind: str | None = self.value[1]
        return kind

    @property
    def fact(self) -> bool:
        fact: bool = self.value[2]
        return fact


@dataclass(frozen=True)
class Unit:
    """One unit as written after folding (simplified, half-width)."""

    name: str
    family: Family
    per: bool = False  # may follow "/" in a compound unit (元/人, 吨/年)
    written: bool = True  # found after a number; False for a per-unit only (梯) or "ratio"
    # With a Chinese numeral it names a thing rather than counting (二期, 两轮, 三类).
    names_in_chinese: bool = False
    # Words it starts that are no unit after a figure (减少约60亿所致: 所致, "caused by").
    not_in: tuple[str, ...] = ()
    # A rate per thousand or per 100,000 of a population (出生率12‰, 孕产妇死亡率15.1/10万):
    # a level, but for a natural growth rate.
    of_population: bool = False


_ = Unit  # short rows below
# Places a figure may stand before (破百億 台中市舉債): 台 opens their names, counting nothing.
# 3台中型拖拉机 counts machines: the city's name is taken with its 市 or 縣.
_PLACES_OF_台 = (
    *(f"台{place}{level}" for place in "中北南东東" for level in "市县縣"),
    *("台湾", "台灣", "台州市", "台山市", "台儿庄"),
)
# 3方面, 8方阵, 5方主体: what follows counts aspects, blocks or parties, no cubic metres.
_NOT_CUBIC_METRES = ("方面", "方式", "方向", "方法", "方案", "方针", "方阵", "方主体")
M, PC, PT, X, R = Family.MONEY, Family.PERCENT, Family.POINTS, Family.MULTIPLE, Family.RATIO
C, T, P, E = Family.COUNT, Family.TALLY, Family.PHYSICAL, Family.ENERGY
D, CAL, CLS = Family.DURATION, Family.CALENDAR, Family.CLASS

UNITS: tuple[Unit, ...] = (
    # money
    _("元", M), _("美元", M), _("港元", M), _("澳门元", M), _("欧元", M),
    # rates, points, multiples, ratios
    _("%", PC), _("‰", PC, of_population=True), _("个百分点", PT), _("百分点", PT), _("倍", X),
    # a rate per 100,000: 孕产妇死亡率下降到15.1/10万; not a map's scale (1/10万地形图)
    _("/10万", PC, of_population=True,
      not_in=("/10万地形", "/10万数字", "/10万土地", "/10万比例", "/10万地图")),
    _("个千分点", PT), _("千分点", PT),  # 自然增长率…比上年下降3.18个千分点
    _("个基点", PT), _("基点", PT),  # basis points: 贷款利率下降43个基点
    _("个点", PT, not_in=("个点位",)),  # an index's points: 指数比上周下降1.63个点
    _("ratio", R, written=False),
    _("成", R),  # tenths: 超过八成, 逾7成, 1.5成
    # length, area, volume, mass
    _("平方公里", P, per=True), _("平方千米", P), _("平方米", P, per=True), _("平米", P),
    _("立方米", P, per=True), _("立方", P), _("公里", P, per=True), _("千米", P), _("延米", P),
    _("米", P),
    _("亩", P, per=True), _("公顷", P, per=True),
    # 千公顷 is a statistical unit of its own (GUIDELINES: 千 before a unit stays in it)
    _("千公顷", P), _("千升", P), _("m2", P),
    # cubic metres (土石方120万方)
    _("方", P, names_in_chinese=True, not_in=_NOT_CUBIC_METRES),
    _("坪", P, names_in_chinese=True),  # Taiwan's floor area: 平均每戶住宅建坪50.95坪
    _("公升", P, per=True),  # litres as Macau, Hong Kong and Taiwan write them (1,698万公升)
    _("m²", P), _("m³", P), _("m3", P, per=True), _("㎡", P, per=True), _("毫米", P), _("mm", P),
    _("km", P), _("km²", P, per=True), _("吨", P, per=True), _("公斤", P, per=True),
    _("千克", P, per=True),
    _("斤", P, per=True),
    _("度", P, per=True),  # a price a kilowatt-hour: 电价0.24元/度
    _("标箱", P), _("TEU", P), _("标台", P),
    _("℃", P), _("摄氏度", P),  # weather reports: 平均气温14.0℃
    _("吨公里", P), _("人公里", T),  # freight and passenger turnover: 577.16亿吨公里
    _("公吨", P), _("标立方米", P), _("分贝", P),  # Taiwan's 公噸; 噪声66.0分贝
    _("微克", P), _("毫克", P), _("μg", P), _("mg", P),  # concentrations: 37微克/立方米, 58μg/m3
    # water use a head a day (城镇生活人均用水量306升/日, 179 L/d): 升 alone is no unit after a
    # figure (排名由3升至2), so these are declared whole
    _("升/日", P), _("L/d", P),
    # Per litre (毫克/升), or in a header: after a number, 排名由3升至2 is a rise.
    _("升", P, per=True, written=False),
    # Per gram or per 500 grams (元/克, 元/500克), a price's measure; after a number, 克 is
    # mostly 攻克, 克服.
    _("克", P, per=True, written=False),
    # energy, power and emissions
    _("千瓦时", E), _("kWh", E), _("MWh", E), _("GWh", E), _("千瓦", E), _("兆瓦", E), _("瓦", E),
    _("kW", E), _("MW", E), _("GW", E), _("千伏安", E), _("吨标准煤", E), _("吨标煤", E),
    _("吨二氧化碳当量", E), _("吨二氧化碳", E), _("千克标准煤", E), _("千瓦小时", E),
    # measure words: 130个|技改项目, 5家|企业
    _("个", C, per=True), _("家", C), _("项", C), _("名", C), _("户", C, per=True), _("场", C),
    _("所", C, not_in=("所致", "所以", "所示", "所述")),  # 如表1所示: "as table 1 shows"
    _("座", C), _("条", C), _("套", C), _("台", C, per=True, not_in=_PLACES_OF_台),
    _("辆", C), _("件", C), _("册", C),
    _("批", C), _("支", C), _("只", C), _("头", C), _("处", C), _("间", C),
    _("张", C, names_in_chinese=True), _("部", C), _("栋", C), _("宗", C),
    _("类", C, names_in_chinese=True), _("列", C), _("盏", C), _("笔", C), _("颗", C), _("种", C),
    _("起", C), _("幢", C), _("宅", C, not_in=("宅基地",)),  # 住宅數增加9萬15宅: dwellings
    # counts whose unit names what is counted, and other measure words; 千人 is a unit of its
    # own in a table header, as 千公顷 (`年中人口估计(千人)`), while prose writes 3千人 for 3000人
    _("千人", T, written=False),
    _("人", T, per=True), _("人口", T), _("人次", T), _("条次", T), _("场次", T), _("件次", T),
    _("辆次", T),  # vehicle trips through a tunnel: 交通量(輛次)
    _("列辆架次", T),  # a port's trains, vehicles and flights: 出入境交通工具28.8万列辆架次
    _("人天", T),  # person-days: 接待入境人天數 7.09萬人天
    _("批次", T), _("列次", T), _("例", T), _("剂次", T), _("台件", T), _("台套", T), _("次", T),
    _("家次", T), _("户次", T),  # inspections of firms and households: 检查用工单位2290家次
    _("位", T, not_in=("位列", "位居", "位于")),  # 以50.93亿位列全省第一: a rank, no unit
    _("头只", T), _("头只匹", T),  # 牲畜存栏1.08亿头只: large and small livestock (and horses)
    _("百羽", T),  # poultry counted in hundreds, as some counties' bulletins do: 出栏161058百羽
    _("羽", T), _("株", T), _("棵", T), _("篇", T), _("枚", T), _("匹", T), _("份", T),
    _("盆", T, not_in=("盆地",)),  # potted plants: 盆栽观赏植物31.96万盆; not 四川盆地
    _("期", T, names_in_chinese=True), _("轮", T, names_in_chinese=True),
    _("班", T), _("趟", T), _("艘", T), _("架", T), _("块", T), _("片", T),
    _("门", T, names_in_chinese=True, not_in=("门槛",)),
    _("层", T, names_in_chinese=True), _("床", T),
    _("眼", T, not_in=("眼镜", "眼睛", "眼光")),  # wells: 新打机井921眼
    _("口", T), _("箱", T), _("单", T, names_in_chinese=True), _("群", T), _("岁", T),
    _("桶", T, per=True),  # barrels, and per barrel: 5升桶装花生油均价为134.07元/桶
    _("梯", T, per=True, written=False),
    _("对", T),  # pairs: 结婚142,669对, 离婚率(对/千人)
    # Taiwan's neighbourhoods (鄰數 29), counted in a table's column only: 邻 after a figure
    # in prose is a neighbour (与3邻国)
    _("邻", T, written=False),
    # person-years, read in a table's unit column only: after a figure in prose, 110万人年度
    # is 110万人 and 年度
    _("人年", T, written=False),
    # durations
    _("个工作日", D), _("工作日", D), _("个月", D), _("分钟", D), _("小时", D, per=True),
    _("天", D, per=True), _("周", D),
    # a stay's nights (住客平均留宿时间减少0.7晚至1.6晚); 二晚 is a rice crop
    _("晚", D, names_in_chinese=True, not_in=("晚稻", "晚造", "晚秋")),
    # never a fact
    _("年", CAL, per=True), _("月", CAL, per=True), _("日", CAL, per=True), _("周年", CAL),
    _("届", CAL), _("号", CAL), _("级", CLS), _("星", CLS), _("强", CLS), _("千伏", CLS),
    _("kV", CLS),
)  # fmt: skip
del _, M, PC, PT, X, R, C, T, P, E, D, CAL, CLS

_BY_NAME: dict[str, Unit] = {}
for _unit in UNITS:
    _BY_NAME.setdefault(_unit.name, _unit)


def unit(name: str) -> Unit | None:
    """The declared unit of that name (as written after folding), if it is one; a unit with
    a bracketed alternative (头(只)) is its first measure word."""
    return _BY_NAME.get(name) or _BY_NAME.get(name.split("(")[0])


def is_fact_unit(name: str) -> bool:
    """Whether `name`, or the first part of a compound (件/万人), is a declared unit facts are
    counted in; 月 and 季度 name periods."""
    declared = unit(name.split("/")[0])
    return declared is not None and declared.family.fact


def family_of(name: str) -> Family | None:
    declared = unit(name)
    return declared.family if declared else None


def units_where(*families: Family) -> frozenset[str]:
    """The names of the units of these families."""
    return frozenset(u.name for u in UNITS if u.family in families)


WRITTEN_UNITS: tuple[str, ...] = tuple(dict.fromkeys(u.name for u in UNITS if u.written))
PER_UNITS: tuple[str, ...] = tuple(dict.fromkeys(u.name for u in UNITS if u.per))
NON_FACT_UNITS: frozenset[str] = frozenset(u.name for u in UNITS if not u.family.fact)
# Counts whose counted noun is written after the number (实施130个技改项目).
NOUN_FOLLOWS_UNITS: frozenset[str] = units_where(Family.COUNT)
PERCENT_UNITS: frozenset[str] = units_where(Family.PERCENT)
POPULATION_RATE_UNITS: frozenset[str] = frozenset(u.name for u in UNITS if u.of_population)
NAMES_IN_CHINESE_UNITS: frozenset[str] = frozenset(u.name for u in UNITS if u.names_in_chinese)
# Measure words that may follow another in brackets as an alternative (万头(只), 万台(套)):
# the unit as written is both, 头(只).
ALTERNATIVE_UNITS: frozenset[str] = units_where(Family.COUNT, Family.TALLY) - frozenset(
    u.name for u in UNITS if not u.written
)


def implied_kind(unit_name: str) -> str | None:
    """The kind a unit fixes whatever the words around it (个百分点 → change, ratio →
    share), or None where the words decide (a percent, or a level unit that 比上年增加
    makes a change)."""
    family = family_of(unit_name)
    if family in (Family.POINTS, Family.MULTIPLE, Family.RATIO):
        return family.kind
    return None


# --- magnitudes and numerals ----------------------------------------------------------------

MAGNITUDES: dict[str, int] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "兆": 10**12,
}
# The magnitude words written after a number (983亿元, 1.5万亿); 千亿 and 百亿 are written
# as numerals of their own (突破千亿), and after Arabic digits only (唐山以4千億元, 2百亿元):
# after a Chinese numeral they are part of it (四千亿 is 四千 and 亿).
WRITTEN_MAGNITUDES: tuple[str, ...] = ("万亿", "千万", "百万", "万", "亿")
DIGIT_MAGNITUDES: tuple[str, ...] = ("千亿", "百亿")
MAGNITUDE_FACTORS: tuple[float, ...] = tuple(float(f) for f in sorted(set(MAGNITUDES.values())))
# Before a currency in a table header, 千 and 十亿 are magnitudes too: (千元) is thousands of
# yuan, (十亿港元) billions of Hong Kong dollars. Before a unit 千 makes one with they are not
# (千瓦, 千克 and 千公顷 are units of their own); before one it makes none with, 千 is a
# thousand (千吨, 千册); in prose 千 is a numeral (四千美元).
CURRENCY_MAGNITUDES: dict[str, int] = {"十亿": 10**9, "千": 10**3}

# A bilingual yearbook's English headers (`Total Population (10000 persons)`) say the unit
# in English: each magnitude and unit word with the Chinese it translates, so a header read
# in English gives the unit the Chinese would (万人).
ENGLISH_MAGNITUDES: dict[str, str] = {"100 million": "亿", "10000": "万", "10 000": "万"}
ENGLISH_UNITS: dict[str, str] = {
    "yuan": "元", "persons": "人", "person": "人", "people": "人", "households": "户",
    "household": "户", "tons": "吨", "ton": "吨", "hectares": "公顷", "kwh": "千瓦时",
    "us dollars": "美元", "usd": "美元",
}  # fmt: skip
_ENGLISH_UNIT = re.compile(
    rf"\s*(?:({'|'.join(map(re.escape, ENGLISH_MAGNITUDES))})\s*)?"
    rf"({'|'.join(map(re.escape, sorted(ENGLISH_UNITS, key=len, reverse=True)))})\s*",
    re.IGNORECASE,
)


def from_english(words: str) -> str | None:
    """The Chinese unit an English one translates (`10000 persons` → `万人`), or None."""
    found = _ENGLISH_UNIT.fullmatch(words)
    if found is None:
        return None
    magnitude = ENGLISH_MAGNITUDES[found.group(1).lower()] if found.group(1) else ""
    return magnitude + ENGLISH_UNITS[found.group(2).lower()]


# The names of currencies a report writes before its amounts or its units (港币百万元,
# 人民币2,000元), folded to simplified characters.
CURRENCY_NAMES = ("人民币", "新台币", "港币", "港元", "澳门币", "澳门元", "美元")
# Taiwan's 兆 is a trillion (歲出首破2兆元, 約1.4兆元); before an SI unit it is mega (兆瓦), a
# unit of its own.
TRILLION_MAGNITUDE = r"兆(?![瓦焦帕赫伏欧安]|字节|比特)"
# 廿 and 卅 (twenty, thirty) in Hong Kong and Macau's newspaper figures: 二百廿二億元. cn2an
# reads 廿 itself; 卅 it does not know, and is written out for it.
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千廿卅"
TENS_CHARACTERS = {"卅": "三十"}
CHINESE_NUMERALS = CHINESE_DIGITS + "万亿"
# Any character that writes a number, in any script or width, for "does this quote a number?"
NUMERAL_CHARACTERS = "0-9０-９" + CHINESE_NUMERALS + "兩億萬半"


def magnitude_prefix(unit_name: str) -> tuple[str, float]:
    """ "亿元" → ("元", 1e8): a unit with a magnitude word left on it, split."""
    for word in sorted(WRITTEN_MAGNITUDES, key=len, reverse=True):
        if unit_name.startswith(word) and unit_name != word + "分点":
            return unit_name[len(word) :], float(MAGNITUDES[word])
    return unit_name, 1.0


# --- qualifiers ------------------------------------------------------------------------------

PREFIX_QUALIFIERS: tuple[str, ...] = (
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "超过",
    "突破",
    "达到",
    "约",
    "近",
    "超",
    "逾",
    "过",
    "≥",
    "≤",
    "<",
    ">",
)
SUFFIX_QUALIFIERS: tuple[str, ...] = ("以上", "左右", "以内", "以下", "之内")
# 达到 is a verb before a number, not a bound on it: recognised, never recorded.
UNRECORDED_QUALIFIERS = frozenset({"达到"})
# A result is reported as the figure it came to; a goal is set with room around it (增长7%左右).
# In a review this marks a goal unless its sentence says what was reached. (Not 以内: a review
# says 失业率控制在5.5%以内 of the year it held.)
GOAL_QUALIFIERS = frozenset({"左右"})


# --- status and kind cues --------------------------------------------------------------------


class Scope(Flag):
    """Where in a report a cue word is read."""

    CLAUSE = auto()  # the words before a number in its sentence
    HEADING = auto()  # a section heading (执行情况 vs 计划草案)
    HEADER = auto()  # a table column header (完成 vs 目标)
    ANSWER = auto()  # a model's answer naming a status in Chinese (完成 → actual)
    # A table column header as the rules read it, on top of HEADER: words a column group
    # is named by (累计 | 当月 over 本期 | 同期). Not in the prompts' lists of header words.
    COLUMN = auto()
    # A table's title, with the group rows its part sits under: what the figures of columns
    # that name no measure (1982, 1990) are (各年龄组人口占总人口的比重).
    TITLE = auto()


@dataclass(frozen=True)
class Cue:
    word: str
    means: str  # "actual" / "target", or "change" / "share"
    scope: Scope


_CL, _HD, _HR, _AN, _CO = Scope.CLAUSE, Scope.HEADING, Scope.HEADER, Scope.ANSWER, Scope.COLUMN
_TI = Scope.TITLE

STATUS_CUES: tuple[Cue, ...] = (
    # results
    Cue("完成", "actual", _CL | _HR | _AN),
    Cue("实现", "actual", _CL),
    Cue("达到", "actual", _CL),
    Cue("建成", "actual", _CL),
    Cue("累计", "actual", _CL | _CO),
    Cue("当月", "actual", _CO),
    Cue("年末数", "actual", _CO),  # 指标 | 单位 | 年末数 | 比重(%): the year-end count
    Cue("期末数", "actual", _CO),
    Cue("已", "actual", _CL),
    Cue("录得", "actual", _CL),  # Hong Kong's and Macau's word for a result: 錄得百分之三的增長
    Cue("预计", "actual", _CL),
    Cue("实际", "actual", _HR | _AN),
    Cue("实绩", "actual", _HR),
    Cue("执行", "actual", _HR),
    Cue("预计完成", "actual", _HR),
    Cue("执行数", "actual", _CL | _HR),
    Cue("决算数", "actual", _CL | _HR),
    Cue("完成数", "actual", _CL | _HR),
    Cue("实收", "actual", _HR),  # 實收 1997-98: revenue as collected
    Cue("执行情况", "actual", _HD),
    Cue("完成情况", "actual", _HD),
    # 重点工作开展情况, 工作进展情况: what was done, though 重点工作 alone heads plans.
    Cue("开展情况", "actual", _HD),
    Cue("进展情况", "actual", _HD),
    Cue("回顾", "actual", _HD),
    Cue("过去一年", "actual", _HD),
    Cue("决算", "actual", _HD),
    # plans and goals
    Cue("目标", "target", _CL | _HD | _HR | _AN | _TI),
    Cue("计划", "target", _CL | _HR | _AN | _TI),
    Cue("预期", "target", _CL | _HR | _AN),
    Cue("力争", "target", _CL),
    Cue("争取", "target", _CL),
    Cue("确保", "target", _CL),
    Cue("拟", "target", _CL),
    Cue("规划", "target", _CL | _TI),
    Cue("将", "target", _CL | _TI),
    Cue("建议", "target", _CL),
    Cue("控制在", "target", _CL),
    Cue("左右为", "target", _CL),
    Cue("要求", "target", _CL | _HD),
    Cue("任务", "target", _HR),
    Cue("预计目标", "target", _HR),
    Cue("预算数", "target", _CL | _HR),
    Cue("年初预算", "target", _CL | _HR),
    Cue("年度预算", "target", _HR),
    Cue("全年预算", "target", _HR),
    Cue("调整预算", "target", _CL | _HR),
    Cue("修订预算", "target", _HR),  # 修訂預算 1999-2000: the year's budget as revised
    Cue("追加", "target", _CL | _HR),  # 追加歲入預算3億元: a supplementary budget
    Cue("预算安排", "target", _CL | _HR),
    Cue("编列", "target", _CL | _HR),  # 总预算编列…经费 (a budget appropriation)
    # A council's review of a budget bill: 岁入原列2098.01亿元,审议结果计列2098亿元,减列0.01亿元.
    # (not 共计列支, 累计列入, 原列入: spent, listed)
    Cue("岁入原列", "target", _CL | _HR),
    Cue("岁出原列", "target", _CL | _HR),
    Cue("结果计列", "target", _CL | _HR),
    Cue("减列", "target", _CL | _HR),
    # A title naming a goal's year (规划纲要 2025年…将达到), not the year a page reports on.
    Cue("预算", "target", _TI),
    Cue("展望", "target", _TI),
    Cue("计划草案", "target", _HD),
    Cue("草案", "target", _HD | _TI),
    Cue("重点工作", "target", _HD),
    Cue("主要任务", "target", _HD),
    Cue("重点措施", "target", _HD),
    Cue("总体考虑", "target", _HD),
    Cue("安排", "target", _HD),
    # A department's budget for its year (2023年部门预算情况说明, 2020年“三公”经费预算,
    # 收支预算总表说明): every figure planned, unless the heading reports its execution.
    Cue("部门预算", "target", _HD),
    Cue("经费预算", "target", _HD),
    Cue("收支预算", "target", _HD),
    Cue("支出预算", "target", _HD),
)


def _cues(words: str, means: str, scope: Scope) -> tuple[Cue, ...]:
    return tuple(Cue(word, means, scope) for word in words.split())


KIND_CUES: tuple[Cue, ...] = (
    *_cues(
        "增长 下降 增速 提高 降低 提升 增加 减少 回落 上涨 下滑 拉动 高于 低于 "
        "增幅 降幅 同比 负增长 递增 递减 减 增",
        "change",
        _CL,
    ),
    # 为上年: a figure as a percent of last year's (预算数为上年执行数的%), a change.
    *_cues(
        "增速 增长 增幅 增减 增加率 按年变动 比上年 同比 比较 相比 对比 ± 为上年", "change", _HR
    ),
    # A column of a rise or fall (能耗上升或下降(±%)): a change, whichever its sign. Not 升降
    # alone: a price sheet's 升降趋势 column holds arrows, and a header joined to it heads prices.
    *_cues("上升 下降", "change", _HR),
    # Net migration, like 净增 and natural increase: a population's change (GUIDELINES).
    *_cues("净迁移 净迁出 净迁入", "change", _HR),
    # An increment between two years' columns (2018 | 2017 | 增量): a change.
    *_cues("增量", "change", _HR),
    # A price compared with last week's or month's (与上周比(%)): a change. Not 环比 alone:
    # 以环比物量计算 names how a volume is measured.
    *_cues("上周比 比上周 上月比 比上月", "change", _HR),
    # A price's rise or fall on the period before (比上期涨跌(元)): a change, as the rules read
    # a column's kind; no rate's column for its unit (比上期涨跌(元) is in money).
    *_cues("涨跌 比上期", "change", _CO),
    *_cues("占 比重 比例 覆盖 率 达标 满意 贡献 构成 产业结构 实现程度 系数", "share", _CL),
    # The share of units an outcome reaches (行业增长面78%, 企业亏损面12.5%, 受益面): a share,
    # though 增长 alone is a change.
    *_cues("增长面 亏损面 盈利面 受益面 就业面 改制面 上涨面 下降面", "share", _CL),
    *_cues("比重 率 占 比例 构成 结构 百分比", "share", _HR),
    # Not 比例 alone in a title: 主要比例与效益指标 lists ratios of every kind.
    *_cues("比重 构成 占比 比率", "share", _TI),
)
del _CL, _HD, _HR, _AN, _CO, _TI


def cue_words(cues: Iterable[Cue], means: str, scope: Scope) -> tuple[str, ...]:
    """The words of `cues` that mean `means` where `scope` is read, in declared order."""
    return tuple(cue.word for cue in cues if cue.means == means and scope & cue.scope)


@cache
def cue_pattern(means: str, scope: Scope) -> re.Pattern[str]:
    """A pattern finding any status or kind cue meaning `means` in `scope`, longest first."""
    words = cue_words((*STATUS_CUES, *KIND_CUES), means, scope)
    return alternation(words)


def alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of `words`, longest first so 个百分点 wins over 百分点."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in ordered))


def _written_unit(name: str) -> str:
    unit = _BY_NAME[name]
    return re.escape(name) + "".join(f"(?!{re.escape(word[len(name) :])})" for word in unit.not_in)


# Any unit found after a figure, longest first, each but where it starts a word it is no
# part of (减少约60亿所致: 所致 is "caused by", no count of schools).
WRITTEN_UNIT = "|".join(
    _written_unit(name) for name in sorted(WRITTEN_UNITS, key=len, reverse=True)
)
CURRENCY_NAME = alternation(CURRENCY_NAMES).pattern  # 港币|人民币|…, for other patterns

# Right after Arabic digits, 千 is a thousand before any unit it does not make a unit of its
# own with: 75,824,724千元 (a budget in thousands of NT dollars writes its sums so in prose),
# 4千美元, 3千多人; 3千瓦, 12.5千公顷 and 2千米 are in kilowatts, thousands of hectares, km.
DIGITS_THOUSAND = (
    "千(?=(?:余|多)?(?:"
    + alternation(u.name for u in UNITS if u.written and f"千{u.name}" not in WRITTEN_UNITS).pattern
    + "))"
)


# --- what prompts say of the vocabulary --------------------------------------------------------


@dataclass(frozen=True)
class PromptTerms:
    """The vocabulary as a prompt spells it out, so that prompts never list words of their own."""

    magnitudes: str  # 万 10^4, 亿 10^8, …
    change_units: str  # 个百分点, 百分点, 倍
    prefix_qualifiers: str
    suffix_qualifiers: str
    actual_cues: str
    target_cues: str
    actual_headers: str
    target_headers: str
    actual_headings: str
    target_headings: str


def prompt_terms() -> PromptTerms:
    def listed(words: Iterable[str]) -> str:
        return ", ".join(dict.fromkeys(words))

    def status(means: str, scope: Scope) -> str:
        return listed(cue_words(STATUS_CUES, means, scope))

    exponents = {10**k: f"10^{k}" for k in range(4, 13)}
    return PromptTerms(
        magnitudes=listed(f"{w} {exponents[MAGNITUDES[w]]}" for w in WRITTEN_MAGNITUDES),
        change_units=listed(u.name for u in UNITS if u.family in (Family.POINTS, Family.MULTIPLE)),
        prefix_qualifiers=listed(q for q in PREFIX_QUALIFIERS if q not in UNRECORDED_QUALIFIERS),
        suffix_qualifiers=listed(SUFFIX_QUALIFIERS),
        actual_cues=status("actual", Scope.CLAUSE),
        target_cues=status("target", Scope.CLAUSE),
        actual_headers=status("actual", Scope.HEADER),
        target_headers=status("target", Scope.HEADER),
        actual_headings=status("actual", Scope.HEADING),
        target_headings=status("target", Scope.HEADING),
    )
