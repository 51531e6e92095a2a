"""Bilingual yearbook tables (llmx.tables.yearbook): a Chinese label, its English and the row's
figures separated by spaces, under a header of years, base years and spans of years. The
tables here are invented."""

from __future__ import annotations

import unicodedata

from reading import rules_facts

from llmx.facts import Fact
from llmx.tables import find_tables
from llmx.tables.yearbook import find_yearbooks

_HEADER = (
    "表2-1 主要指标 Main Indicators\n"
    "        Item 总量 Aggregate 速度(%) Growth\n"
    "2003 2008 2012 2013 指  数(2013为以下各年) 平均增长速度\n"
    "Index (2013 as percentage of the following years) Average Growth Rate\n"
    "2003 2008 2012 2004-2008 2009-2013\n"
)
_ROWS = (
    "农业 Agriculture\n"
    "    地(万亩) Cultivated Land (10 000 mu)\n"
    "耕地面积 Cultivated Land   512.4 498.0 487.6 480.2 93.7 96.4 98.5 -0.6 -0.7\n"
    "#水田 Paddy Fields   130.5 128.2 127.9   98.0 99.8   -0.5\n"
    "  旱地 Dry Land      201.3 205.7   102.2   0.4\n"
    "  园地 Orchards 15.2 16.0 16.4 17.1 18.0\n"
    "工业 Industry\n"
    "工业总产值(万元) Gross Industrial Output (10 000 yuan) 8200 12600 18450 19020 231.9 151.0"
    " 103.1 9.0 8.6\n"
    "  轻工业     Light Industry 3100 4800 6020 6310 203.5 131.5 104.8 9.1 5.6\n"
)
TABLE = _HEADER + _ROWS + "注：按可比价格计算。\n"


def _shown(line: str) -> int:
    """A line's width as shown, a wide letter two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def _row(facts: list[Fact], indicator: str) -> list[tuple[str, float, str, str | None, str]]:
    return [
        (f.text, f.value, f.unit, f.period, f.kind)
        for f in facts
        if f.indicator.startswith(indicator)
    ]


def test_a_full_row_gives_levels_by_year_indices_on_base_years_and_growth_over_spans() -> None:
    facts = rules_facts(TABLE)
    assert {table.layout for table in find_tables(TABLE)} == {"yearbook"}
    assert _row(facts, "耕地面积") == [
        ("512.4", 5_124_000, "亩", "2003", "level"),
        ("498.0", 4_980_000, "亩", "2008", "level"),
        ("487.6", 4_876_000, "亩", "2012", "level"),
        ("480.2", 4_802_000, "亩", "2013", "level"),
        ("93.7", 93.7, "%", None, "level"),
        ("96.4", 96.4, "%", None, "level"),
        ("98.5", 98.5, "%", None, "level"),
        ("0.6", 0.6, "%", None, "change"),
        ("0.7", 0.7, "%", None, "change"),
    ]
    names = [f.indicator for f in facts if f.indicator.startswith("耕地面积")]
    # The English label is not part of the indicator; each index and growth names its base.
    assert names[0] == "耕地面积"
    assert names[4] == "耕地面积指数(2013为2003年的%)"
    assert names[8] == "耕地面积平均增长速度(2009-2013)"


def test_a_series_that_begins_late_fills_the_columns_it_has_the_years_for() -> None:
    # 水田 has no 2003 level: no index on 2003 and no growth over 2004-2008 (from 2003).
    assert _row(rules_facts(TABLE), "水田") == [
        ("130.5", 1_305_000, "亩", "2008", "level"),
        ("128.2", 1_282_000, "亩", "2012", "level"),
        ("127.9", 1_279_000, "亩", "2013", "level"),
        ("98.0", 98.0, "%", None, "level"),
        ("99.8", 99.8, "%", None, "level"),
        ("0.5", 0.5, "%", None, "change"),
    ]
    indices = [f.indicator for f in rules_facts(TABLE) if f.indicator.startswith("水田指数")]
    assert indices == ["水田指数(2013为2008年的%)", "水田指数(2013为2012年的%)"]


def test_a_short_row_the_years_do_not_explain_is_split_by_its_wider_gaps() -> None:
    # 旱地: two levels, one index, one growth, each group set apart by wider gaps, each run to
    # the right of its group.
    facts = rules_facts(TABLE)
    assert _row(facts, "旱地") == [
        ("201.3", 2_013_000, "亩", "2012", "level"),
        ("205.7", 2_057_000, "亩", "2013", "level"),
        ("102.2", 102.2, "%", None, "level"),
        ("0.4", 0.4, "%", None, "change"),
    ]
    assert [f.indicator for f in facts if f.indicator.startswith("旱地")][2:] == [
        "旱地指数(2013为2012年的%)",
        "旱地平均增长速度(2009-2013)",
    ]
    # 园地's five figures fit no placement: left out, and not read as prose either.
    assert not [f for f in facts if f.text in ("15.2", "16.0", "16.4", "17.1", "18.0")]


def test_a_row_with_its_own_unit_heads_the_sub_items_under_it() -> None:
    facts = rules_facts(TABLE)
    light = [(f.text, f.value, f.unit, f.indicator) for f in facts if f.text in ("3100", "9.1")]
    assert light == [
        ("3100", 31_000_000, "元", "轻工业总产值"),
        ("9.1", 9.1, "%", "轻工业总产值平均增长速度(2004-2008)"),
    ]
    # The English unit `(10 000 yuan)`, the header's years and the table number are no facts.
    english_unit = TABLE.index("(10 000 yuan)")
    assert not [f for f in facts if f.start < TABLE.index("耕地面积")]
    assert not [f for f in facts if english_unit <= f.start < english_unit + 13]


def test_the_grid_is_cut_into_parts_by_its_captions() -> None:
    [grid] = find_yearbooks(TABLE)
    captions = [TABLE[p.caption[0] : p.caption[1]] if p.caption else "" for p in grid.parts]
    assert captions == ["地(万亩)", "工业", "工业总产值(万元)"]
    assert [p.start for p in grid.parts[1:]] == [p.end for p in grid.parts[:-1]]
    assert grid.parts[-1].end == TABLE.index("\n注")


def test_a_header_of_years_alone_reads_each_figure_in_its_year() -> None:
    text = (
        "指标 Item 2016 2018 2020\n"
        "常住人口(万人) Resident Population 88.1 90.4 93.0\n"
        "户籍人口(万人) Registered Population 101.2 100.7\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.period) for f in facts] == [
        ("88.1", "2016"), ("90.4", "2018"), ("93.0", "2020"), ("101.2", "2018"), ("100.7", "2020"),
    ]  # fmt: skip
    assert {f.indicator for f in facts} == {"常住人口", "户籍人口"}


def test_prose_and_aligned_tables_without_english_are_not_yearbook_grids() -> None:
    english = (
        "Between 2010 2015 and 2020 the city grew.\n"
        "Output rose 12.5 13.1 and 13.8 percent.\n"
        "Exports Export Value 4.2 5.6 7.7\n"
    )
    chinese = (
        "2019 2020 2021 三年情况如下\n"
        "全市粮食产量，比上年增长 12.5 13.1 13.8\n"
        "全市油料产量持续增长 Oil 3.1 3.4 3.9\n"
    )
    # Without English, figures aligned in columns of spaces are the row reader's.
    aligned = "耕地面积   512.4  498.0  487.6  480.2  93.7  96.4  98.5  -0.6  -0.7\n"
    monolingual = _HEADER + aligned * 3
    assert find_yearbooks(english) == []
    assert find_yearbooks(chinese) == []  # one row only: a sentence's comma ends a label
    assert find_yearbooks(monolingual) == []


def test_rows_without_a_caption_take_the_unit_line_and_the_measure_of_the_title() -> None:
    text = (
        "2015年主要农产品产量 Output of Major Farm Products\n"
        "单位：万吨 Unit: 10 000 tons\n"
        "品种 Item 2011 2013 2015\n"
        "稻谷 Rice 61.2 63.0 64.8\n"
        "小麦 Wheat — 12.4 13.1\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit, f.period, f.indicator) for f in facts] == [
        ("61.2", 612_000, "吨", "2011", "稻谷产量"),
        ("63.0", 630_000, "吨", "2013", "稻谷产量"),
        ("64.8", 648_000, "吨", "2015", "稻谷产量"),
        ("12.4", 124_000, "吨", "2013", "小麦产量"),
        ("13.1", 131_000, "吨", "2015", "小麦产量"),
    ]


# A yearbook page whose figures stand one space apart: numbered labels, the English glued to its
# unit, sub-items indented under the numbered row's words, a row that begins late.
_NUMBERED = (
    "3-1  农业主要指标\n"
    "main indicators of agriculture\n"
    "                     item 1985 1995 2010 2015 2020\n"
    "1.农业总产值(亿元)        gross output of agriculture100 million yuan"
    " 3.51 20.64 118.20 160.75 201.33\n"
    "    种植业(亿元)          farming100 million yuan 2.10 12.05 60.31 80.12 96.40\n"
    "    牧业(亿元)            animal husbandry100 million yuan 0.81 5.52 38.77 51.09 70.02\n"
    "  农村用电量(万千瓦时)      rural electricity10 000 kWh 3100 9800 21450 26010 30044\n"
    "  农业贷款余额(亿元)       agricultural loans100 million yuan 10.62 40.18 77.90\n"
)


def test_a_numbered_row_heads_the_rows_indented_past_its_words_in_its_unit() -> None:
    facts = rules_facts(_NUMBERED)
    assert {table.layout for table in find_tables(_NUMBERED)} == {"yearbook"}
    assert _row(facts, "农业总产值")[0] == ("3.51", 351_000_000, "元", "1985", "level")
    # 种植业 is a part of 农业总产值 (indented past `1.`'s words, in the same unit): it takes
    # the measure of the row it sits under.
    assert _row(facts, "种植业")[-1] == ("96.40", 9_640_000_000, "元", "2020", "level")
    assert {f.indicator for f in facts if f.text in ("2.10", "0.81")} == {
        "种植业总产值",
        "牧业总产值",
    }
    # A row as deep as the numbered row's words is a row of its own, as its unit says.
    assert {f.indicator for f in facts if f.text == "3100"} == {"农村用电量"}
    # The table number, the years and the English `100 million yuan` are no facts.
    assert len(facts) == 5 * 4 + 3


def test_a_short_row_without_trailing_spaces_is_a_series_that_begins_late() -> None:
    assert _row(rules_facts(_NUMBERED), "农业贷款余额") == [
        ("10.62", 1_062_000_000, "元", "2010", "level"),
        ("40.18", 4_018_000_000, "元", "2015", "level"),
        ("77.90", 7_790_000_000, "元", "2020", "level"),
    ]


# Figures of the latest year marked provisional, rows of the latest year not out yet.
_PROVISIONAL = (
    "附表 主要社会经济指标\n"
    "Items 2006 2011 2012\n"
    "人口 Population\n"
    "年末人口(千人)      Year-end Population (1000 persons)   512 538  547p \n"
    "  出生率(‰)      Birth Rate () 11.2 10.4  9.9p \n"
    "地区生产总值(百万元)     GDP (Million Yuan) 81250 96043   \n"
    "  实质增长率(%)     Real Growth Rate (%) 4.1 -1.7   \n"
)


def test_a_provisional_mark_stays_outside_the_span_and_the_figure_is_the_years() -> None:
    facts = rules_facts(_PROVISIONAL)
    assert _row(facts, "年末人口") == [
        ("512", 512, "千人", "2006", "level"),
        ("538", 538, "千人", "2011", "level"),
        ("547", 547, "千人", "2012", "level"),
    ]
    assert [f.status for f in facts if f.text == "9.9"] == ["actual"]


def test_a_short_row_that_runs_on_in_spaces_fills_the_first_years() -> None:
    facts = rules_facts(_PROVISIONAL)
    assert _row(facts, "地区生产总值") == [
        ("81250", 81_250_000_000, "元", "2006", "level"),
        ("96043", 96_043_000_000, "元", "2011", "level"),
    ]
    # A signed growth: the minus stays outside the span, the fact is a change.
    assert _row(facts, "实质增长率") == [
        ("4.1", 4.1, "%", "2006", "change"),
        ("1.7", 1.7, "%", "2011", "change"),
    ]


def test_a_numbered_list_in_prose_under_a_line_of_years_is_no_grid() -> None:
    text = (
        "1990 2000 2010\n"
        "1.全市粮食产量，连续三年增长 Grain 12.5 13.1 13.8\n"
        "2.工业增加值增长较快，达到 Industry 3.1 3.4 3.9\n"
    )
    assert find_yearbooks(text) == []


def test_rows_without_english_are_read_when_their_figures_stand_one_space_apart() -> None:
    text = (
        "指标 2012 2016 2020\n"
        "常住人口(万人) 75.2 78.9 80.4\n"
        "  城镇人口(万人) 30.1 36.6 41.0\n"
        "人均生产总值(元) 21050 30122 41873\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.period, f.indicator) for f in facts][3:6] == [
        ("30.1", "人", "2012", "城镇人口"),
        ("36.6", "人", "2016", "城镇人口"),
        ("41.0", "人", "2020", "城镇人口"),
    ]
    assert len(facts) == 9


def test_sub_items_numbered_in_brackets_sit_under_the_numbered_row() -> None:
    text = (
        "Items 2010 2015 2020\n"
        "1.工业增加值(亿元)   Industrial Value Added 88.2 120.4 151.9\n"
        "    (1)轻工业(亿元)   Light Industry 30.5 41.1 50.2\n"
        "    (2)重工业(亿元)   Heavy Industry 57.7 79.3 101.7\n"
        "2.建筑业增加值(亿元)   Construction 12.1 18.6 25.0\n"
    )
    facts = rules_facts(text)
    assert [f.indicator for f in facts if f.text in ("30.5", "57.7", "12.1")] == [
        "轻工业增加值",
        "重工业增加值",
        "建筑业增加值",
    ]
    assert len(facts) == 12


def test_where_every_line_is_padded_a_short_row_begins_late_as_without_padding() -> None:
    rows = [
        "Items 2006 2011 2012",
        "年末人口(千人)   Year-end Population 512 538 547",
        "户籍人口(千人)   Registered Population 498 503",
    ]
    text = "".join(row + " " * (70 - _shown(row)) + "\n" for row in rows)
    assert [(f.text, f.period) for f in rules_facts(text) if f.indicator == "户籍人口"] == [
        ("498", "2011"),
        ("503", "2012"),
    ]


def test_a_sub_item_whose_chinese_was_lost_is_read_by_its_english() -> None:
    text = (
        "1985 1990 1995 指数(1995年比以下各年) 平均增长速度\n"
        "Index (1995 as percentage of the following years) Average Annual Growth Rate\n"
        "1985 1990 1986-1990 1991-1995\n"
        "人口(万人) Population (10 000 persons)\n"
        "年底总人口 Population at the Year-end 1361.14 1529.16 1661.35 122.1 108.6 2.4 1.7\n"
        "    Urban 582.24 685.96 822.53 141.3 119.9 3.3 3.7\n"
        "    Rural 778.9 843.2 838.82 107.7 99.5 1.6 -0.1\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["685.96"].value, by_text["685.96"].unit) == (6_859_600, "人")
    assert by_text["685.96"].period == "1990"
    assert "Urban" in by_text["685.96"].indicator


def test_a_label_too_long_for_its_line_takes_the_figures_on_a_line_of_their_own() -> None:
    text = (
        "4-4  分类固定资产投资额\n"
        "     item 1995 2000 2001 2002\n"
        "一、全社会固定资产投资  (亿元) total investment in fixed assets \n"
        " (100 million yuan)\n"
        "681.17 1082.47 1134.48 1230.76\n"
        "  按构成分             by use of funds                \n"
        "    建筑安装工程         construction and installation   487.45 668.74 668.24 743.85\n"
        "    设备工具器具购置     purchase of equipment 119.14 288.75 322.80 313.08\n"
        "二、房屋建筑面积  (万平方米) floor space of buildings\n"
        " (10000 sq.meter)\n"
        "    施工面积        floor space under construction 7589.31 10118.93 8612.41 9765.07\n"
    )
    facts = rules_facts(text)
    assert len(facts) == 4 * 4
    by_text = {fact.text: fact for fact in facts}
    assert (by_text["681.17"].value, by_text["681.17"].unit, by_text["681.17"].period) == (
        68_117_000_000,
        "元",
        "1995",
    )
    assert "全社会固定资产投资" in by_text["681.17"].indicator
    # A group inside the row's items (`按构成分`) leaves them in the row's unit.
    assert (by_text["668.74"].value, by_text["668.74"].unit) == (66_874_000_000, "元")
    assert (by_text["7589.31"].value, by_text["7589.31"].unit) == (75_893_100, "平方米")


def test_years_repeated_under_groups_named_above_give_each_group_its_columns() -> None:
    text = (
        "3-10  分行业增加值\n"
        "Value-added by Sector\n"
        "      Sector 增加值(亿元)   成(%) 2010年比\n"
        "Value Added Composition 2009年增长%\n"
        "(100 million yuan) (%) Growth Rate in\n"
        "2009 2010 2009 2010 2010 over 2009(%)\n"
        "        Total 8169.80 10123.48 100.0 100.0 14.6\n"
        "第一产业 Primary Industry 789.64 988.45 9.7 9.8 5.8\n"
        "第二产业 Secondary Industry 4236.42 5446.10 51.8 53.8 18.0\n"
    )
    facts = {(fact.text, fact.period): fact for fact in rules_facts(text)}
    assert len(facts) == 3 * 5
    level, share, growth = facts["988.45", "2010"], facts["9.8", "2010"], facts["5.8", "2010"]
    assert (level.value, level.unit, level.kind) == (98_845_000_000, "元", "level")
    # The make-up's total reads 100: its column is shares, though `成(%)` lost its 构.
    assert (share.unit, share.kind) == ("%", "share")
    # `2010 over 2009`: a growth, dated by its later year.
    assert (growth.unit, growth.kind) == ("%", "change")
    assert "增加值" in level.indicator and "第一产业" in level.indicator


def test_years_falling_and_repeated_under_groups_leave_the_row_labels_heading_out() -> None:
    text = (
        "钦北区2020年GDP构成表\n\n"
        "行业 增速% 结构\n"
        "  2020年 2019年 2020年 2019年\n"
        "地区生产总值 0.5 8.1 100 100\n"
        "农林牧渔业 4.6 5.5 19.3 19.4\n"
        "建筑业 -14.4 10.7 14.1 16.5\n"
    )
    facts = {(fact.text, fact.period): fact for fact in rules_facts(text)}
    growth, earlier, share = facts["4.6", "2020"], facts["5.5", "2019"], facts["19.4", "2019"]
    assert (growth.unit, growth.kind) == ("%", "change")
    assert (earlier.unit, earlier.kind) == ("%", "change")
    assert (share.unit, share.kind) == ("%", "share")
    assert "农林牧渔业" in share.indicator


def test_repeated_years_with_no_group_headings_above_are_no_grid() -> None:
    text = (
        "2009 2010 2009 2010\n"
        "第一产业 Primary Industry 789.64 988.45 9.7 9.8\n"
        "第二产业 Secondary Industry 4236.42 5446.10 51.8 53.8\n"
    )
    assert find_yearbooks(text) == []


def test_english_with_signs_or_brackets_keeps_the_grid_and_parts_name_their_parent() -> None:
    text = (
        "附录1-3  主要统计指标概况\n"
        "      item 1999 2000 2001 2002\n"
        "人口 population  \n"
        "  户籍登记人口数(万人)   registered population(10 000 persons) 2209 2228 2241 2252\n"
        "  性别比 (女性为100)   sexual rate(female=100) 105 105 104 104\n"
        "人力资源 labor force  \n"
        "  劳动参与率(%)   labor force participation(%) 58 58 57 57\n"
        "        male 70 69 68 68\n"
        "  薪资(新台币元)   (nt/month.person)\n"
        "    工业   industry 38409 39447 38940 38709\n"
    )
    facts = rules_facts(text)
    assert len(facts) == 5 * 4
    by_text = {fact.text: fact for fact in facts}
    assert (by_text["105"].unit, by_text["105"].kind) == ("", "level")
    # `male` under 劳动参与率(%) is its part: a share of it.
    assert (by_text["70"].unit, by_text["70"].kind) == ("%", "share")
    assert "劳动参与率" in by_text["70"].indicator
    # A currency's name before 元 stays out of the unit.
    assert (by_text["38409"].value, by_text["38409"].unit) == (38409, "元")


def test_a_wrapped_row_whose_figures_run_over_two_lines_keeps_its_columns() -> None:
    text = (
        "单位:万元\n"
        "    item 2000 2003 2004 2005\n"
        "支出合计 total expenditure 324183 452301 516678 593066\n"
        "1.农业支出 expenditure for agriculture \n"
        "21871\n"
        "17252 18420 20330\n"
        "2.林业支出 expenditure for forestry 3875 4373 4788 5012\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert [
        (by_text[figure].period, by_text[figure].indicator) for figure in ("21871", "20330")
    ] == [
        ("2000", "农业支出"),
        ("2005", "农业支出"),
    ]
    assert by_text["5012"].period == "2005"  # the rows after it are read still
    assert len(by_text) == 12


def test_rows_whose_labels_were_lost_keep_the_grid_going_under_their_parent() -> None:
    text = (
        "项目  Item 2000 2010 2020\n"
        "  乡村从业人员(万人) 820.50 860.25 840.10\n"
        "    Rural Employment(10000 persons)\n"
        "        By Male\n"
        "       431.20 452.80 441.00\n"
        "       389.30 407.45 399.10\n"
        "  机耕面积(千公顷) 300.15 410.40 520.35\n"
        "    Cultivated Areas by Tractors(1000 hectare)\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert len(by_text) == 4 * 3
    # A row with no label still measures the row it sits under, in its unit and its years.
    assert (by_text["431.20"].value, by_text["431.20"].unit) == (4312000, "人")
    assert by_text["399.10"].period == "2020"
    assert (by_text["520.35"].unit, by_text["520.35"].period) == ("千公顷", "2020")


def test_an_english_caption_naming_a_unit_gives_the_rows_under_it_that_unit() -> None:
    text = (
        "项目  Item 2000 2010 2020\n"
        "  机耕面积(千公顷) 300.15 410.40 520.35\n"
        "    Cultivated Areas by Tractors(1000 hectare)\n"
        "Consumption of Chemical Fertilizer(10000 tons)\n"
        "  按折纯量计算 120.33 118.02 98.81\n"
        "    By Pure\n"
        "    氮肥 55.66 51.29 36.80\n"
        "        Nitrogenous Fertilizer\n"
        "Population by Age Group(person/household)\n"
        "      性别比(女性=100) 106.4 107.8 105.9\n"
        "              Sex Ratio (female=100)\n"
        "      0-14岁人口(万人) 460 709 945\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert len(by_text) == 5 * 3
    # Not the hectares of the row above: the caption's ten thousand tons.
    assert (by_text["120.33"].value, by_text["120.33"].unit) == (1203300, "吨")
    assert (by_text["36.80"].value, by_text["36.80"].unit) == (368000, "吨")
    # An English line with `=` is a translation still; an age band opens a label.
    assert by_text["106.4"].unit == ""
    assert (by_text["945"].value, by_text["945"].unit, by_text["945"].period) == (
        9450000,
        "人",
        "2020",
    )


def test_years_heading_groups_of_cells_written_a_line_each_give_a_column_per_cell_and_year() -> (
    None
):
    text = (
        "3-6 按地区分常住人口\n"
        "地 区 2017 2018\n"
        "总人口\n(万人)\n城镇人口\n(万人)\n城镇人口\n比重(%)\n"
        "总人口\n(万人)\n城镇人口\n(万人)\n城镇人口\n比重(%)\n"
        "  8029.30 5520.95 68.8 8050.70 5604.09 69.6\n"
        "南 京 市 833.50 685.89 82.3 843.62 695.99 82.5\n"
        "无 锡 市 655.30 498.03 76.0 657.45 501.50 76.3\n"
    )
    facts = rules_facts(text)
    assert len(facts) == 3 * 6
    by_text = {fact.text: fact for fact in facts}
    assert (by_text["685.89"].value, by_text["685.89"].unit, by_text["685.89"].period) == (
        6858900,
        "人",
        "2017",
    )
    assert (by_text["82.5"].unit, by_text["82.5"].period) == ("%", "2018")
    assert "城镇人口比重" in by_text["82.5"].indicator


def test_cells_a_line_each_that_do_not_repeat_under_every_year_are_no_grid() -> None:
    text = (
        "地 区 2017 2018\n"
        "总人口\n(万人)\n城镇人口\n(万人)\n城镇人口\n比重(%)\n"
        "总人口\n(万人)\n乡村人口\n(万人)\n城镇人口\n比重(%)\n"
        "南 京 市 833.50 685.89 82.3 843.62 695.99 82.5\n"
        "无 锡 市 655.30 498.03 76.0 657.45 501.50 76.3\n"
    )
    assert find_yearbooks(text) == []


def test_a_header_of_chinese_headings_alone_names_a_column_each() -> None:
    # No years over the columns: their headings (after the English `Item`) are their names,
    # each with its unit, and the rows' English is left out of their labels.
    text = (
        "7-13  2019年农村常住居民人均收支情况\n"
        "    Item 绝对数(元) 增长率(%) 构成(%)\n"
        "Level(yuan) Growth Rate(%) Composition(%)\n"
        "可支配收入 Disposable Income 11499 10.6 100.0\n"
        "  工资性收入  Income of Wages and Salaries 3617 18.7 31.5\n"
        "  经营净收入  Net Business Income 4297 10.0 37.4\n"
    )
    facts = [(f.text, f.unit, f.period, f.indicator) for f in rules_facts(text)]
    assert facts[:3] == [
        ("11499", "元", "2019", "可支配收入"),  # 绝对数: the level itself
        ("10.6", "%", "2019", "可支配收入增长率"),
        ("100.0", "%", "2019", "可支配收入构成"),
    ]
    assert len(facts) == 9


def test_headings_over_more_header_lines_than_one_are_not_read_as_named_columns() -> None:
    # 以上年同期为100的指数 heads two columns (3月, 1-3月) on the line below: the headings
    # alone do not count the columns.
    text = (
        "指  标  名  称 以上年同期为100的指数 以上月价格为100的指数\n"
        "3月 1-3月\n"
        "居民消费价格总指数 102.2 101.6 99.5\n"
        "     # 服务价格指数 102.0 102.0 98.7\n"
        "   生活用品及服务 101.1 101.8 98.4\n"
    )
    assert not any(table.layout == "yearbook" for table in find_tables(text))


def test_a_sheet_of_places_under_named_columns_is_read_whatever_its_gaps() -> None:
    # 单位 heads the rows here (the reporting units, cities), not a column of units; the
    # figures stand one space apart in places and two in others, so no column of spaces
    # lines them up for the row reader.
    text = (
        "全省分市县旅游饭店接待情况\n"
        "填报单位:省旅游委         2016年11月            单位:万人次\n"
        "单  位 本  月 与去年同期对比% 本月止累计 与去年同期对比%\n"
        "1.甲市 80.12  5.16 681.40  8.42\n"
        "2.乙市 143.23  10.47 1180.38  9.90\n"
        "3.丙县 18.00  2.66 183.52  14.53\n"
    )
    facts = [(f.text, f.unit, f.indicator, f.period) for f in rules_facts(text)]
    assert facts[:4] == [
        ("80.12", "人次", "甲市本月", "2016"),
        ("5.16", "%", "甲市与同期对比", "2016"),
        ("681.40", "人次", "甲市本月止累计", "2016"),
        ("8.42", "%", "甲市与同期对比", "2016"),
    ]
    assert len(facts) == 12


def test_an_indented_header_one_name_short_leaves_the_first_column_unnamed() -> None:
    # The page lost the first column's name (本月): its figures are the rows' own, and a
    # comparison with the same period (同期对比%) is this year's change, not last year's.
    text = (
        "全省旅游接待和收入情况 2016年11月\n"
        "          同期对比% 本月止累计 同期累计对比%\n"
        "一、接待旅游者总计 611.09 10.24 5364.35 13.48\n"
        "(一)过夜旅游者(万人次) 521.38 9.59 4403.93 11.07\n"
        "(二) 接待一日游游客(万人次) 89.71 14.19 960.42 25.99\n"
    )
    facts = [(f.text, f.unit, f.indicator, f.period) for f in rules_facts(text)]
    assert ("521.38", "人次", "过夜旅游者", "2016") in facts
    assert ("9.59", "%", "过夜旅游者同期对比", "2016") in facts
    assert ("25.99", "%", "接待一日游游客同期累计对比", "2016") in facts
    assert len(facts) == 12


def test_a_column_of_units_headed_before_the_years_gives_each_row_its_unit() -> None:
    # 单 位 between the labels' heading and the years: a row's last word before its figures
    # is its unit (万人次), and a row whose unit cell is empty keeps the figure bare.
    text = (
        "18-2 县及县以上医院工作状况\n"
        "项    目 单 位 1990年 1995年 2000年\n"
        "机构数 751 810 859\n"
        "诊疗人次数 万人次 8158.6 7765.5 9537\n"
        "健康检查人数 万人 219.3 164.3 245\n"
    )
    facts = [(f.text, f.value, f.unit, f.indicator, f.period) for f in rules_facts(text)]
    assert facts[0] == ("751", 751, "", "机构数", "1990")
    assert ("8158.6", 81586000, "人次", "诊疗人次数", "1990") in facts
    assert ("245", 2450000, "人", "健康检查人数", "2000") in facts
    assert len(facts) == 9


def test_a_price_sheet_under_a_unit_column_and_a_notes_column_reads_each_row_in_its_unit() -> None:
    # 单 位 heads a column of units here (元/公斤), 备 注 a column of notes the first row fills;
    # 其中: marks a sub-item; 与上周比 compares with last week's price, a change.
    text = (
        "武汉市生活必需品价格监测情况(周报) 2018年7月\n"
        "     单 位  本周均价           上周均价        与上周比(%) 备 注\n"
        "1、蔬菜(批发) 元/公斤 3.22 2.86 12.59 生活必需品   监测单位\n"
        "其中:圆白菜  元/公斤 1.57 1.32 18.94\n"
        "油菜  元/公斤 4.48 3.60 24.44\n"
        "猪肉  元/500克 13.67 13.33 2.55\n"
    )
    facts = [(f.text, f.unit, f.indicator, f.kind) for f in rules_facts(text)]
    assert facts[:3] == [
        ("3.22", "元/公斤", "蔬菜(批发)本周均价", "level"),
        ("2.86", "元/公斤", "蔬菜(批发)上周均价", "level"),
        ("12.59", "%", "蔬菜(批发)与上周比", "change"),
    ]
    assert ("1.57", "元/公斤", "圆白菜本周均价", "level") in facts
    assert ("13.67", "元/500克", "猪肉本周均价", "level") in facts
    assert len(facts) == 12


def test_a_header_of_names_wrapped_a_piece_a_line_is_joined_to_as_many_columns_as_figures() -> None:
    # The page's narrow columns broke 男性人数 into 男性 / 人数, 总人口数 into 总人 / 口数; a
    # bracket alone is the unit of the name above it; 分区 names the words after the figures.
    text = (
        "左镇区各里人口(2020年12月)\n"
        "里名 面积\n(km²)\n邻数 户数 男性\n人数\n女性\n人数\n总人\n口数\n人口密度\n(人/km²)\n分区\n"
        "光和里 7.1 5 178 225 173 398 56 左镇\n"
        "荣和里 4.6 8 266 363 312 675 147 左镇\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit) for f in facts[:8]] == [
        ("7.1", "km²"),
        ("5", "邻"),
        ("178", "户"),
        ("225", "人"),
        ("173", "人"),
        ("398", "人"),
        ("56", "人/km²"),
        ("4.6", "km²"),
    ]
    assert facts[3].indicator.endswith("男性人数") and facts[3].indicator.startswith("光和里")
    assert len(facts) == 14


def test_a_caption_naming_a_count_gives_the_unit_and_a_span_of_years_heads_its_change() -> None:
    # The caption line above names the count (旅遊人次) the year columns hold; the last column,
    # headed by a span of years and its unit alone, is the change over the span, of no one year.
    text = (
        "疫情對國旅人次影響有限,反而2023年解封後國旅人次飆新高\n"
        "各縣市旅遊人次\n"
        "縣市 2014年 2022年 2023年 2014-2023(%)\n"
        "新竹縣 12,067,372 6,094,706 6,532,811 -49.49\n"
        "臺東縣 4,521,639 5,476,030 6,239,585 21.11\n"
    )
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts(text)]
    assert facts[:4] == [
        ("12,067,372", "人次", "2014", "level"),
        ("6,094,706", "人次", "2022", "level"),
        ("6,532,811", "人次", "2023", "level"),
        ("49.49", "%", None, "change"),
    ]
    assert facts[-1] == ("21.11", "%", None, "change")
    assert rules_facts(text)[3].indicator == "新竹縣2014-2023(%)"
    assert len(facts) == 8


def test_a_header_whose_names_run_down_its_lines_names_each_column_top_to_bottom() -> None:
    # A PDF's narrow columns of counties: each name a character a line, the labels' heading
    # on the middle line; the rows' figures set in wide aligned columns, the age bands'
    # labels spaced out around their 〜.
    text = (
        "表C15 原住民族就業者工作地區(續)\n"
        " 單位:%、人\n"
        "                      苗         彰        南\n"
        "          項目別      栗         化        投\n"
        "                      縣         縣        縣\n"
        "     總        計          1.91             1.13             4.30\n"
        "           男              1.73             1.08             4.35\n"
        "      15   ~   24   歲     1.95             1.20             3.53\n"
    )
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    assert facts[:3] == [
        ("1.91", "%", "總計苗栗縣"),
        ("1.13", "%", "總計彰化縣"),
        ("4.30", "%", "總計南投縣"),
    ]
    assert ("1.95", "%", "15~24歲苗栗縣") in facts
    assert len(facts) == 9


def test_under_a_unit_line_of_a_rate_and_a_count_a_figure_with_decimals_is_the_rate() -> None:
    # 單位:人、% over 人口數 and two shares whose heading the page lost: 313305 counts
    # persons, 6.94 cannot.
    cells = ["單位:人、%", "地區", "人口數", "2020年", "2010年"]
    cells += ["全縣", "313305", "100.00", "100.00", "錦和鎮", "21740", "6.94", "4.97"]
    text = "\n".join(cells) + "\n"
    units = [(f.text, f.unit) for f in rules_facts(text)]
    assert ("313305", "人") in units
    assert ("6.94", "%") in units and ("4.97", "%") in units


def test_rows_numbered_by_rank_under_years_newest_first_take_the_unit_the_prose_quotes() -> None:
    # 排名 heads the ranks before each city; the years run newest first; the prose quotes
    # one figure of the 2017 column in 億元, so both years' columns and the increment
    # between them are in 億元.
    text = (
        "排名第一的唐山,在2017年前三季度中,以5108.2億元成為榜首。\n\n"
        "2018年河北各城市GDP排名\n"
        "排名 城市 2018 2017 增量 名義增速\n"
        "1 唐山 4837.7 5108.2 -270.5 -5.30%\n"
        "2 石家莊 4820.5 4710 110.5 2.35%\n"
    )
    facts = [(f.text, f.value, f.unit, f.period, f.kind, f.indicator) for f in rules_facts(text)]
    assert facts[1:5] == [
        ("4837.7", 483_770_000_000, "元", "2018", "level", "唐山"),
        ("5108.2", 510_820_000_000, "元", "2017", "level", "唐山"),
        ("270.5", 27_050_000_000, "元", "2018", "change", "唐山增量"),
        ("5.30%", 5.3, "%", "2018", "change", "唐山名義增速"),
    ]
    assert len(facts) == 9


def test_a_name_spanning_a_line_of_years_heads_as_many_columns_as_the_rows_have_more() -> None:
    # 比重 spans 2020年 and 2010年; 人口数 heads one column: the rows' whole numbers are the
    # count's, their decimals the shares'.
    text = (
        "表2-1 各镇(街道)人口\n"
        "单位:人、%\n"
        "地 区 人口数 比重\n"
        "2020年 2010年\n"
        "全 市 907354 100.00 100.00\n"
        "梅菉街道 145498 16.04 15.26\n"
        "塘尾街道 28254 3.11 3.32\n"
    )
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts(text)]
    assert facts[:3] == [
        ("907354", "人", "2020", "level"),
        ("100.00", "%", "2020", "share"),
        ("100.00", "%", "2010", "share"),
    ]
    assert len(facts) == 9


def test_a_share_with_its_unit_spans_the_column_whose_name_the_page_lost() -> None:
    # 男 and 女 under 占常住人口总量比重(%) were lost; 性别比 heads the last figure alone.
    text = (
        "表3-1 各镇街人口性别构成\n"
        "地 区 占常住人口总量比重(%) 性别比\n"
        "大安街道 48.29 51.71 93.38\n"
        "龙井街道 48.18 51.82 92.99\n"
    )
    facts = [(f.text, f.unit, f.kind) for f in rules_facts(text)]
    assert facts[:3] == [("48.29", "%", "share"), ("51.71", "%", "share"), ("93.38", "", "level")]
    assert len(facts) == 6


def test_a_letter_spaced_group_name_over_rows_heads_no_columns() -> None:
    text = (
        "   間 接 稅\n"
        "      應 課 稅 品 稅 項 8,465 7,698 7,413\n"
        "      一 般 差 餉 6,258 3,614 6,855\n"
    )
    assert find_yearbooks(text) == []


def test_rows_after_a_sub_item_keep_the_unit_of_the_row_above_it_until_one_writes_its_own() -> None:
    # 从业人员人数 writes 万人; its #sub-item heads 国有单位 and 集体单位, which write none and are
    # in 万人 still; 工资总额 writes 亿元 for itself and the row under it.
    text = (
        "指 标         Item                           2011     2012\n"
        "从业人员人数 (万人)  Employed Persons      5960.74  5965.95\n"
        "#城镇单位从业人员    Urban Employed        1238.22  1303.98\n"
        "国有单位             State-owned Units     423.88   430.33\n"
        "城镇集体单位         Collective Units      62.83    55.28\n"
        "工资总额 (亿元)      Total Wages           5574.90  6561.14\n"
        "国有单位             State-owned Units     2272.45  2545.59\n"
    )
    units = [(f.text, f.unit, f.value) for f in rules_facts(text)]
    assert units[4:8] == [
        ("423.88", "人", 4238800.0),
        ("430.33", "人", 4303300.0),
        ("62.83", "人", 628300.0),
        ("55.28", "人", 552800.0),
    ]
    assert units[-2:] == [("2272.45", "元", 227245000000.0), ("2545.59", "元", 254559000000.0)]


def test_an_empty_cell_written_as_a_space_of_its_own_places_the_figures_after_it() -> None:
    # An energy balance as PDF text: each empty cell a space, each cell a space apart, so
    # seven spaces leave three cells out and a short row's last cells run on in spaces.
    lines = ["能源平衡表(标准量)", "(2019年)   单位:万吨标准煤"]
    lines += ["类    别 合计 原 煤 洗精煤  其它洗煤 煤制品 焦 炭"]
    lines += ["1.年初库存量 512.4 480.1 20.3 2.1 0.4 12.0", "2.生产量 6200.5 6200.5        "]
    lines += ["3.回收能            ", "4.调入量 3100.2 2980.0       120.2"]
    lines += ["5.调出量(-) -840.6   -840.6      ", "6.年末库存量 498.0 470.2 15.8 3.0 0.2 12.0"]
    text = "\n".join(lines) + "\n"
    assert find_yearbooks(text)
    facts = [(f.text, f.indicator) for f in rules_facts(text)]
    assert ("120.2", "调入量焦炭") in facts  # not 调入量洗精煤, the column after 原煤
    assert [fact for fact in facts if fact[0] == "840.6"] == [
        ("840.6", "调出量"),
        ("840.6", "调出量洗精煤"),
    ]
    assert len(facts) == 6 + 2 + 3 + 2 + 6


def test_a_page_ending_every_line_in_spaces_says_nothing_of_its_blank_cells() -> None:
    # Every line runs on in three spaces: a short row is a series begun late, its figures the
    # last years' and the growth column's, not the first years'.
    lines = ["主要经济指标", "指标 2026 2027 2028 2029 2030 年均增长(%)"]
    lines += ["地区生产总值(亿元) 100.1 110.2 120.3 130.4 140.5 8.8"]
    lines += [
        "工业增加值(亿元) 40.1 42.2 44.3 46.4 48.5 4.9",
        "新兴产业增加值(亿元) 20.1 22.3 10.2",
    ]
    lines += ["进出口总额(亿元) 10.1 11.2 12.3 13.4 14.5 9.5"]
    text = "".join(f"{line}   \n" for line in lines)
    facts = {f.text: (f.unit, f.period, f.kind) for f in rules_facts(text)}
    assert facts["20.1"] == ("元", "2029", "level")
    assert facts["10.2"] == ("%", "2030", "change")
