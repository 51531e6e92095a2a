"""Rows of figures under any header (llmx.tables.numericrows): the last reading of a table no layout
finder knows, kept only where the text says each figure's unit. The tables are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables.numericrows import find_figure_rows

_UNITS_PER_COLUMN = (
    "表3 各县主要指标(2019年)\n"
    "县别 常住人口\n(万人)\n地区生产总值\n(亿元)\n人均可支配收入\n(元)\n"
    "甲县 45.2 210.37 31450\n"
    "乙县 38.9 187.02 29871\n"
    "丙县 52.6 265.11 33902\n"
)


def test_a_header_with_a_unit_per_column_gives_each_column_its_unit_and_name() -> None:
    by_text = {fact.text: fact for fact in rules_facts(_UNITS_PER_COLUMN)}
    assert len(by_text) == 9
    assert (by_text["45.2"].value, by_text["45.2"].unit) == (452_000, "人")
    assert (by_text["210.37"].value, by_text["210.37"].unit) == (21_037_000_000, "元")
    assert (by_text["31450"].value, by_text["31450"].unit) == (31450, "元")
    assert by_text["187.02"].indicator == "乙县地区生产总值"
    assert {fact.period for fact in by_text.values()} == {"2019"}


def test_a_header_that_gives_no_unit_gives_no_facts() -> None:
    unsaid = _UNITS_PER_COLUMN.replace("\n(万人)", "").replace("\n(亿元)", "")
    unsaid = unsaid.replace("\n(元)", "")
    assert find_figure_rows(unsaid)  # the rows are there ...
    assert rules_facts(unsaid) == []  # ... but a figure of unknown unit is no fact


def test_a_table_that_names_units_it_does_not_place_gives_no_facts() -> None:
    # Two units for three columns: which column is in which is unsaid.
    unplaced = _UNITS_PER_COLUMN.replace("\n(元)", "")
    assert find_figure_rows(unplaced)  # the rows are there ...
    assert rules_facts(unplaced) == []  # ... but a figure given no unit the page names is wrong


def test_rows_no_reading_parts_under_a_rate_and_a_count_are_read_by_their_decimals() -> None:
    # The header's names wrapped over three lines no reading can part into seven columns;
    # 單位:%、人 still says each figure's unit: 8.36 is a share, 49,705 counts persons.
    text = (
        "表A2-1 原住民年齡-按地區別分\n"
        "單位:%、人 108年\n"
        "65歲及 樣本數 母體數\n"
        "項目別 45~49歲 50~54歲 55~59歲 60~64歲\n"
        "以上 (人) (人)\n"
        "總 計 8.36 8.26 7.81 6.34 9.94 49,705 456,563\n"
        "山地原住民族地區 8.51 9.04 8.77 7.25 11.32 15,316 140,681\n"
        "平地原住民族地區 8.34 8.81 8.75 7.62 16.31 12,338 113,330\n"
    )
    units = {fact.text: fact.unit for fact in rules_facts(text)}
    assert len(units) == 21
    assert units["8.36"] == units["16.31"] == "%"
    assert units["49,705"] == units["113,330"] == "人"


_UNITS_IN_LABELS = (
    "各县主要指标(2020年)\n"
    "指标 甲县 乙县 丙县\n"
    "地区生产总值(亿元) 120.5 480.2 1302.7\n"
    "    第一产业 30.1 61.4 98.3\n"
    "年末总人口(万人) 80.3 82.5 85.1\n"
    "出生率 12.1 10.4 8.2\n"
)


def test_rows_take_the_unit_their_own_label_or_the_row_they_sit_under_gives() -> None:
    by_text = {fact.text: fact for fact in rules_facts(_UNITS_IN_LABELS)}
    assert (by_text["1302.7"].value, by_text["1302.7"].unit) == (130_270_000_000, "元")
    assert (by_text["61.4"].value, by_text["61.4"].unit) == (6_140_000_000, "元")
    assert (by_text["82.5"].value, by_text["82.5"].unit) == (825_000, "人")
    # 出生率 writes no unit and sits under no row that does: left out, not guessed.
    assert not {"12.1", "10.4", "8.2"} & set(by_text)


def test_rows_of_periods_under_a_base_of_100_are_indices_of_no_period() -> None:
    text = (
        "各时期工业生产指数\n"
        "(上年=100)\n"
        "        工业   轻工业   重工业\n"
        "“九五”时期 | 108.2 | 106.1 | 109.3\n"
        "“十五”时期 | 107.5 | 105.8 | 108.4\n"
        "“十一五”时期 | 106.9 | 104.2 | 108.0\n"
    )
    facts = rules_facts(text)
    assert len(facts) == 9
    assert {(fact.unit, fact.period) for fact in facts} == {("", None)}
    assert [fact.indicator for fact in facts[:3]] == ["工业", "轻工业", "重工业"]


def test_a_line_of_years_heads_the_columns_and_english_after_a_label_is_dropped() -> None:
    text = (
        "主要指标\n"
        "item 1990 2000 2010\n"
        "地区生产总值(亿元) gross domestic product 12.7 66.4 522.3\n"
        "财政收入(亿元) fiscal revenue 2.2 15.1 57.1\n"
        "年末人口(万人) population 80.1 85.3 90.2\n"
    )
    [grid] = find_figure_rows(text)
    assert grid.years == ("1990", "2000", "2010")
    labels = [text[row.label[0] : row.label[1]] for row in grid.rows if row.label]
    assert labels == ["地区生产总值(亿元)", "财政收入(亿元)", "年末人口(万人)"]


def test_rows_with_another_count_of_figures_and_prose_are_left_out() -> None:
    text = (
        "全年完成投资120.5亿元，增长8.1%，其中工业投资60.2亿元。\n"
        "单位:亿元\n"
        "县别 一季度 二季度 三季度\n"
        "甲县 10.5 11.2 12.3\n"
        "乙县 8.1 9.4\n"
        "丙县 7.7 8.0 8.8\n"
        "丁县 6.1 6.6 7.2\n"
    )
    [grid] = find_figure_rows(text)
    cells = [[text[start:end] for start, end in row.cells] for row in grid.rows]
    # No line of years says where a short row's figures go: it is left out.
    assert cells == [["10.5", "11.2", "12.3"], ["7.7", "8.0", "8.8"], ["6.1", "6.6", "7.2"]]


_CELLS_CLOSED_BY_PIPES = (
    "2019年1-6月 |\n单位:万元 |\n|||\n|\n项 目 |\n2019年6月 |\n同比增长(%) |\n"
    "2019年1-6月 |\n同比增长(%) |\n|\n"
    "全 市 |\n5120 |\n-1.5 |\n30210 |\n4.4 |\n|\n"
    "按区划分 |\n|\n|\n|\n|\n|\n"
    "甲区 |\n1200 |\n8.0 |\n7050 |\n1.9 |\n|\n"
    "乙区 |\n900 |\n-10.2 |\n5100 |\n-4.3 |\n|\n"
    "丙区 |\n3020 |\n2.2 |\n18060 |\n6.6 |\n"
)


def test_cells_closed_by_pipes_are_read_as_rows_under_a_header_cell_per_column() -> None:
    by_text = {fact.text: fact for fact in rules_facts(_CELLS_CLOSED_BY_PIPES)}
    assert (by_text["5120"].value, by_text["5120"].unit, by_text["5120"].period) == (
        51_200_000,
        "元",
        "2019",
    )
    assert (by_text["10.2"].unit, by_text["10.2"].kind) == ("%", "change")
    assert by_text["7050"].indicator.startswith("甲区")
    assert len(by_text) == 16  # 按区划分 heads rows and holds no figure


def test_a_caption_over_rows_in_cells_closed_by_pipes_gives_them_its_unit_or_base() -> None:
    text = (
        "主要年份比例指标 |\n指 标 |\nItem |\n2000 |\n2010 |\n2020 |\n|\n|\n|\n"
        "人口\n(‰) |\nPopulation(‰) |\n|\n|\n|\n"
        "出生率 |\nBirth Rate |\n19.25 |\n14.94 |\n14.30 |\n"
        "死亡率 |\nDeath Rate |\n6.15 |\n6.31 |\n6.06 |\n"
        "三次产业增加值比例 |\n|\n|\n|\n(以第一产业为100) |\n|\n|\n|\n"
        "第一产业 |\nPrimary Industry |\n100.00 |\n100.00 |\n100.00 |\n"
        "第二产业 |\nSecondary Industry |\n271.26 |\n551.90 |\n617.46 |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["14.94"].unit, by_text["14.94"].period) == ("‰", "2010")
    assert (by_text["551.90"].unit, by_text["551.90"].value) == ("", 551.9)
    assert (by_text["100.00"].unit, by_text["100.00"].kind) == ("", "level")


def test_rows_that_go_on_under_a_table_read_above_keep_its_line_of_years() -> None:
    text = (
        "平均每天主要经济活动\n"
        "              Item 1990 2000 2010\n"
        "  国内生产总值(万元) Gross Domestic Product 2980 6000 11761\n"
        "  农业总产值(万元) Gross Output Value of Farming,      2175 3025 3589\n"
        "            Animal Husbandry and Fishery (10 000 yuan)\n"
        "  发电量(万千瓦小时) Electricity 3294 5057 8607\n"
        "  钢材(吨) Steel 4093 5034 6536\n"
        "  水泥(吨) Cement 7887 12567 16780\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["5034"].period, by_text["5034"].unit) == ("2000", "吨")
    assert (by_text["16780"].period, by_text["16780"].value) == ("2010", 16780)


def test_an_english_header_line_names_no_column_word_by_word() -> None:
    text = (
        "主要产品产量\n"
        "单位:万吨\n"
        "  Output of Grain Cotton Oil\n"
        "  甲县 120.5 3.1 8.8\n"
        "  乙县 98.0 2.2 6.1\n"
        "  丙县 77.3 1.9 5.0\n"
    )
    facts = rules_facts(text)
    assert len(facts) == 9
    # The rows' labels and the title's measure, none of the English words.
    assert {fact.indicator for fact in facts} == {"甲县产量", "乙县产量", "丙县产量"}


def test_cells_closed_by_pipes_in_rows_led_by_their_year_are_read_by_year() -> None:
    text = (
        "地区生产总值指数(1978=100) |\n|\n|\n年 份 |\n地区生产总值 |\n第一产业 |\n第二产业 |\n"
        "Year |\nGDP |\nPrimary |\nSecondary |\n"
        "1978 |\n100.0 |\n100.0 |\n100.0 |\n"
        "1979 |\n108.6 |\n104.4 |\n108.0 |\n"
        "1980 |\n121.8 |\n101.7 |\n125.7 |\n"
        "1981 |\n132.1 |\n"  # the copy is cut short here
    )
    [grid] = find_figure_rows(text)
    rows = [
        (text[row.label[0] : row.label[1]], [text[a:b] for a, b in row.cells])
        for row in grid.rows
        if row.label
    ]
    assert rows[:2] == [("1978", ["100.0"] * 3), ("1979", ["108.6", "104.4", "108.0"])]
    assert len(rows) == 3  # the row cut short is left out


def test_a_label_on_the_line_above_its_figures_labels_them() -> None:
    text = (
        "各市主要指标\n"
        "城市 常住人口(万人) 生产总值(亿元)\n"
        "甲市\n45.2 210.37\n"
        "乙市\n38.9 187.02\n"
        "丙市\n52.6 265.11\n"
    )
    [grid] = find_figure_rows(text)
    rows = [(text[row.label[0] : row.label[1]], len(row.cells)) for row in grid.rows if row.label]
    assert rows == [("甲市", 2), ("乙市", 2), ("丙市", 2)]
    assert text[grid.header[0][0] : grid.header[-1][1]].startswith("各市主要指标")


def test_a_figure_may_write_its_unit_beside_it_in_a_row() -> None:
    text = (
        "主要农产品产量如下:\n"
        "2024年 比上年增长%\n"
        "粮食 4445 万吨 -2.5\n"
        "其中:谷物 3939 万吨 -2.8\n"
        "油料 198 万吨 10.0\n"
        "棉花 42 万吨 13.6\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["4445 万吨"].value, by_text["4445 万吨"].unit) == (44_450_000, "吨")
    assert (by_text["2.8"].unit, by_text["2.8"].kind, by_text["2.8"].period) == (
        "%",
        "change",
        "2024",
    )
    assert "谷物" in by_text["2.8"].indicator


def test_pipe_rows_with_a_unit_column_under_a_header_of_cells_over_several_lines() -> None:
    text = (
        "项 目 名 称 | 计算 单位 |\n"
        "4月 | 1-4月 累计 |\n"
        "累计比上年同期 增长(%) |\n"
        "结构(%) |\n"
        "商业 | |||||\n"
        "一、社会消费品零售总额 | 万元 | 297859 | 1278093 | 16.5 | 100 |\n"
        "1、批发零售贸易业 | 万元 | 269547 | 1147139 | 16.0 | 89.75 |\n"
        "二、商品购进总额 | 万元 | 276045 | 861563 | 7.7 | |\n"
        "三、商品销售总额 | 万元 | 275241 | 1117693 | 13.5 | |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["861563"].value, by_text["861563"].unit) == (8_615_630_000, "元")
    assert (by_text["7.7"].unit, by_text["7.7"].kind) == ("%", "change")
    assert (by_text["89.75"].unit, by_text["89.75"].kind) == ("%", "share")  # 结构: a make-up
    assert len(by_text) == 14  # two rows leave their 结构 cell empty


def test_a_caption_ending_in_a_colon_between_pipe_rows_does_not_end_the_table() -> None:
    text = (
        "项 目 名 称 | 计算 单位 |\n"
        "4月 | 1-4月 累计 |\n"
        "累计比上年同期 增长(%) |\n"
        "三、商品销售总额 | 万元 | 275241 | 1117693 | 13.5 |\n"
        "1、批发 | 万元 | 148881 | 576166 | 0.3 |\n"
        "在总额中: | ||||\n"
        "食品饮料烟酒类 | 万元 | 39523 | 170913 | 15.2 |\n"
        "日用品类 | 万元 | 3609 | 15483 | 17.2 |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["15483"].value, by_text["15483"].unit) == (154_830_000, "元")
    assert (by_text["17.2"].unit, by_text["17.2"].kind) == ("%", "change")


def test_an_english_caption_over_rows_gives_them_the_unit_it_names() -> None:
    text = (
        "项目  Item 1953 1964 1982 1990\n"
        "     总人口(万人) 1285 1676 2587 3005\n"
        "          Total Population (10000 persons)\n"
        "       性别比(女性=100) 106.4 107.8 105.9 105.6\n"
        "              Sex Ratio (female=100)\n"
        "     平均每户人数(人/户) 4.0 4.7 4.9 4.4\n"
        "          Population by Age Group(person/household)\n"
        "       Population by Residence (10000 persons)\n"
        "     城镇人口 223 548 642\n"
        "          Urban Population\n"
        "     乡村人口 1453 2039 2363\n"
        "     城镇化率(%) 13.3 21.2 21.4\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["2039"].value, by_text["2039"].unit) == (20_390_000, "人")
    assert by_text["2039"].period == "1982"  # rows shorter than the years: the last years'
    assert (by_text["21.2"].unit, by_text["21.2"].period) == ("%", "1982")
    assert by_text["107.8"].unit == ""  # 性别比(女性=100) under 总人口(万人): a ratio


def test_status_words_over_fiscal_years_a_line_each_date_and_tell_each_column() -> None:
    text = (
        "政 府 總 收 支 與 財 政 狀 況 概 要\n\n"
        "單 位 ﹕ 百 萬 元\n\n"
        "  收 入\n\n"
        "  實 收\n1997-98\n\n實 收\n1998-99\n\n修 訂 預 算\n1999-2000\n\n"
        "經 營 收 入\n"
        "      入 息 稅 及 利 得 稅 (1) 91,524 75,746 65,350\n"
        "      應 課 稅 品 稅 項 8,465 7,698 7,413\n"
        "      一 般 差 餉 6,258 3,614 6,855\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["75,746"].value, by_text["75,746"].unit) == (75_746_000_000, "元")
    assert (by_text["75,746"].period, by_text["75,746"].status) == ("1998", "actual")
    assert (by_text["7,413"].period, by_text["7,413"].status) == ("1999", "target")


def test_rows_a_layout_reader_stopped_short_of_are_read_under_the_same_header() -> None:
    text = (
        "主要年份社会消费品零售总额分类情况\n"
        "单位:万元\n"
        "  1995年 2000年 2005年\n"
        "社会消费品零售总额 860135 1491751 2377547\n"
        "    比上年增长(%) 34.6 10.3 14.3\n"
        "一、按销售地区分:\n"
        "    市的零售额 458283 761705 1216232\n"
        "    县的零售额 176371 305616 517951\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["305616"].value, by_text["305616"].unit) == (3_056_160_000, "元")
    assert by_text["305616"].period == "2000"
    assert (by_text["10.3"].unit, by_text["10.3"].period) == ("%", "2000")


def test_a_rows_english_on_the_line_under_it_does_not_end_the_grid() -> None:
    text = (
        "城镇单位在岗职工平均工资\n"
        "单位:元 (yuan)\n"
        "  2010 2015 2020\n"
        "    国有单位 41689 73714 118298\n"
        "        State-owned Units\n"
        "    农、林、牧、渔业 22923 45764 65693\n"
        "        Farming, Forestry, Animal Husbandry and Fishery\n"
        "    采矿业 29399 44558 57610\n"
        "        Mining and Quarrying\n"
    )
    [grid] = find_figure_rows(text)
    assert [text[r.label[0] : r.label[1]] for r in grid.rows if r.label] == [
        "国有单位",
        "农、林、牧、渔业",
        "采矿业",
    ]


def test_under_a_line_of_years_a_short_row_is_the_last_years() -> None:
    text = (
        "人口普查基本情况\n"
        "项目 1982 1990 2000 2010\n"
        "     总人口(万人) 2587 3005 3410 3689\n"
        "     城镇人口(万人) 642 1432 2106\n"
        "     家庭户(万户) 514 658 874 1121\n"
        "     乡村人口(万人) 2363 1978 1583\n"
    )
    [grid] = find_figure_rows(text)
    short = grid.rows[1]
    assert [text[a:b] for a, b in short.cells] == ["", "642", "1432", "2106"]
    assert grid.years == ("1982", "1990", "2000", "2010")


def test_a_header_line_of_a_unit_alone_gives_the_table_its_unit() -> None:
    text = (
        "各县地方财政一般预算收入(2011年)\n"
        "县 别  地方一般预算收入  增值税(25%) 营业税\n"
        "County Local Budgetary Revenue\n"
        "    数(亿元)\n"
        "甲县 76.02 17.25 24.67\n"
        "乙县 89.91 17.30 27.60\n"
        "丙县 101.40 18.99 30.71\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["17.30"].value, by_text["17.30"].unit) == (1_730_000_000, "元")
    assert by_text["17.30"].period == "2011"


def test_cells_closed_by_pipes_with_a_unit_cell_take_it_as_the_rows_unit() -> None:
    cells = [
        "指 标", "单位", "2021年", "比上年增长(%)", "",
        "地区生产总值", "亿元", "91.3", "7.5",
        "第一产业", "亿元", "6.2", "6.9",
        "第二产业", "亿元", "22.7", "6.2",
        "第三产业", "亿元", "62.4", "8.0",
    ]  # fmt: skip
    text = "".join(f"{cell} |\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["22.7"].value, by_text["22.7"].unit) == (2_270_000_000, "元")
    assert (by_text["6.9"].unit, by_text["6.9"].kind) == ("%", "change")


def test_rows_run_together_on_one_line_are_read_under_their_unit_line() -> None:
    text = (
        "2021年西夏区一般公共预算收入执行情况表 (财政预计数) 表一 单位:万元 2020年 2021年 2021年 "
        "完成数 预算数 完成数 49,171 51,385 51,385 100.00% 4.50% 税收收入小计 27,631 33,385 33,385 "
        "100.00% 20.82% 增值税 13,950 18,835 17,585 93.36% 26.06% 企业所得税 564 600 850 141.67% "
        "50.71%\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["18,835"].value, by_text["18,835"].unit) == (188_350_000, "元")
    assert (by_text["49,171"].value, by_text["141.67%"].unit) == (491_710_000, "%")
    assert "增值税" in by_text["17,585"].indicator


def test_a_header_naming_its_base_of_100_in_words_makes_the_rows_indices() -> None:
    text = (
        "居民消费价格指数\n2019年3月\n"
        "指  标  名  称 以上年同期为100的指数 以上月价格为100的指数\n"
        "3月 1-3月\n"
        "居民消费价格总指数 102.2 101.6 99.5\n"
        "     # 服务价格指数 102.0 102.0 98.7\n"
        "       消费品价格指数 102.3 101.3 100.0\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["101.6"].unit, by_text["101.6"].kind) == ("", "level")
    assert len(by_text) == 8  # 102.0 twice, one fact each


def test_rows_under_a_short_row_keep_the_unit_line_and_fiscal_years_further_up() -> None:
    text = (
        "政 府 總 收 支\n\n"
        "單 位 ﹕ 百 萬 元\n\n"
        "  實 收\n1997-98\n\n實 收\n1998-99\n\n修 訂 預 算\n1999-2000\n\n"
        "      應 課 稅 品 稅 項 8,465 7,698 7,413\n"
        "      一 般 差 餉 6,258 3,614 6,855\n"
        "      車 輛 稅 4,246 2,237 2,554\n"
        "   間 接 稅\n"
        "         郵 務 53\n"
        "   其 他 收 入\n"
        "         水 費 2,450 2,415 2,385\n"
        "         電 費 1,566 1,333 1,084\n"
        "         煤 氣 費 7,159 8,335 6,817\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    # The rows after three lines of words (a caption, a row of one figure, a caption) are a
    # grid of their own, headed by those lines: the table's unit line and its years a line
    # each are further up, over the rows above.
    assert (by_text["2,415"].value, by_text["2,415"].unit) == (2_415_000_000, "元")
    assert (by_text["2,415"].period, by_text["2,415"].status) == ("1998", "actual")
    assert (by_text["6,817"].period, by_text["6,817"].status) == ("1999", "target")


def test_a_label_opening_with_a_short_word_and_a_colon_is_a_row_not_a_sentence() -> None:
    text = (
        "| 单位: 百万澳门元 | ||||\n"
        "| 经济活动 | 1995 | 1996 | 1997 | 1998② |\n"
        "| 公共行政、社会服务及个人服务 | 22152 | 22096 | 22135 | 20346 |\n"
        "| (包括博彩业) | ||||\n"
        "| 减调整项:间接计算的金融中介服务 | -1910 | -2211 | -2563 | -2788 |\n"
        "| 加产品税 | 6287 | 6310 | 6743 | 6603 |\n"
        "| 以现行价格按生产法估算的国内生产总值 | 53687 | 53025 | 53742 | 50103 |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    # The adjustment's row is no header: the columns keep their years (1998② marked by a
    # footnote) and the rows under it are facts in the table's unit.
    assert by_text["6310"].value == 6_310_000_000 and by_text["6310"].unit == "澳门元"
    assert by_text["6310"].period == "1996"
    assert by_text["50103"].period == "1998"
    assert by_text["2211"].indicator.startswith("减调整项")


def test_a_yearbook_label_padded_to_its_column_and_a_row_the_text_cut_short() -> None:
    text = (
        "1-4  主要年份主要比例指标\n"
        "               Item 1990 1995 2000 2005\n"
        "出生率                       (‰)     Birth Rate              (‰) 11.48 9.98 9.40 6.38\n"
        "死亡率                       (‰)     Death Rate              (‰) 4.35 4.45 5.30 4.65\n"
        "三次产业增加值比例(以第一产业为100)\n"
        "  第二产业         Secondary Industry 70.2 56.9 67.7 63.8\n"
        "  第三产业         Tertiary Industry 48.3 60.2"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    # A padded label is no long one: its unit (‰) and years hold.
    assert (by_text["9.98"].unit, by_text["9.98"].period) == ("‰", "1995")
    # The text stops inside the last row: its figures are the first years', not the last.
    assert (by_text["48.3"].period, by_text["60.2"].period) == ("1990", "1995")


def test_parts_marked_hash_under_measures_a_line_each_take_their_measures_units() -> None:
    text = (
        "19-21 卫生事业基本情况 | |||||\n"
        "年 份 Year |\n"
        "卫生机构 (个) Institutions (unit) |\n"
        "床位数 (张) Beds (unit) |\n"
        "卫生技术人员 (人) Personnel (person) |\n"
        "||||\n"
        "# 医院 Hospitals |\n"
        "# 医院 Hospitals |\n"
        "# 执业医师 Doctors |\n"
        "# 注册护士 Nurses |\n"
        "||||\n"
        "1995 | 3182 | 416 | 39092 | 37280 | 71806 | 33693 | 23177 |\n"
        "1996 | 4171 | 476 | 39612 | 38284 | 71014 | 32975 | 23156 |\n"
        "1997 | 3571 | 483 | 40758 | 39467 | 70431 | 32475 | 23045 |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    # Only one placing of the four parts keeps every part under its whole in every row:
    # one under the institutions, one under the beds, two under the personnel.
    assert [by_text[cell].unit for cell in ("3182", "416", "39092", "37280")] == [
        "个",
        "个",
        "张",
        "张",
    ]
    assert [by_text[cell].unit for cell in ("71806", "33693", "23177")] == ["人", "人", "人"]
    assert by_text["33693"].period == "1995"


def test_parts_that_fit_under_their_measures_in_more_than_one_way_give_no_facts() -> None:
    text = (
        "年 份 |\n卫生机构 (个) |\n床位数 (张) |\n# 医院 |\n||||\n"
        "1995 | 3182 | 3000 | 416 |\n1996 | 4171 | 4000 | 476 |\n1997 | 3571 | 3500 | 483 |\n"
    )
    # 416 fits under 3182 and under 3000 alike: which measure it is of is not said.
    assert rules_facts(text) == []


def test_years_repeated_under_groups_and_a_blank_cell_in_a_row_of_cells_closed_by_pipes() -> None:
    text = (
        "2-10 分行业按收入法计算的地区生产总值 |\n|\n本表按当年价格计算,单位:亿元 |\n|\n"
        "项 目 |\n增加值 |\n|\n劳动者报酬 |\n生产税净额 |\n|\n"
        "2008 |\n2009 |\n2008 |\n2009 |\n2008 |\n2009 |\n|\n|\n"
        "地区生产总值 |\n30981.98 |\n34457.30 |\n12520.61 |\n15019.10 |\n"
        "4912.90 |\n5420.70 |\n|\n|\n"
        "第一产业 |\n2100.11 |\n2261.86 |\n1849.02 |\n2218.66 |\n6.34 |\n|\n|\n|\n"
        "第二产业 |\n16993.34 |\n18566.37 |\n5984.90 |\n7252.12 |\n3041.32 |\n3197.44 |\n|\n|\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert [by_text[cell].period for cell in ("30981.98", "34457.30", "4912.90")] == [
        "2008",
        "2009",
        "2008",
    ]
    # 第一产业 leaves its last cell blank: its five figures are still the first five columns'.
    assert (by_text["6.34"].value, by_text["6.34"].period) == (634_000_000, "2008")


def test_a_header_of_dozens_of_parts_is_not_placed_by_trying_every_placing() -> None:
    header = "年 份 |\n" + "".join(f"指标{i} (个) |\n" for i in range(20))
    header += "".join(f"# 子项{i} |\n" for i in range(40))
    rows = "".join(
        f"{1990 + year} | " + " | ".join(str(1000 - i) for i in range(60)) + " |\n"
        for year in range(5)
    )
    # Billions of placings (C(59, 19)): none is tried, and no part is given a unit.
    assert rules_facts(header + rows) == []


def test_an_accounts_table_under_a_line_of_its_unit_reads_bracketed_figures_by_column() -> None:
    # A Hong Kong treasury release: the columns' dates, a rule, their unit once over each,
    # outflows in brackets, and a label's note mark that is no figure.
    accounts = (
        "表一:综合帐目(临时数字)\n\n"
        "        二零一零年三月  二零零九至一零年度\n"
        "        ───────  ─────────\n"
        "         港币百万元     港币百万元\n\n"
        "收入        21,473.1      318,421.7\n"
        "开支(注释2)  (42,573.7)     (292,513.3)\n"
        "        ───────  ─────────\n"
        "(赤字)/盈余  (21,100.6)      25,908.4\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(accounts)}
    assert set(by_text) == {
        "21,473.1", "318,421.7", "42,573.7", "292,513.3", "21,100.6", "25,908.4"
    }  # fmt: skip
    spending = by_text["292,513.3"]
    assert (spending.value, spending.unit, spending.period) == (292_513_300_000, "元", "2009")
    assert by_text["42,573.7"].period == "2010"
    assert accounts[spending.start - 1 : spending.end + 1] == "(292,513.3)"


def test_a_labels_note_mark_in_brackets_is_no_figure() -> None:
    revenue = (
        "單位:百萬元\n"
        "  1997-98 1998-99 1999-2000\n"
        "入息稅及利得稅 (1) 91,524 75,746 65,350\n"
        "應課稅品稅項 8,465 7,698 7,413\n"
        "一般差餉 6,258 3,614 6,855\n"
    )
    texts = [fact.text for fact in rules_facts(revenue)]
    assert "1" not in texts
    assert texts[:3] == ["91,524", "75,746", "65,350"]


def test_a_yearbooks_early_years_short_of_later_columns_are_placed_by_their_figures_sizes() -> None:
    text = (
        "11-7 耕地面积、造林面积和播种面积\n"
        "单位:万公顷\n"
        "年份 年末耕地面积 当年造林面积 农作物总播种面积\n"
        " 水田 旱地 粮食作物播种面积\n"
        "1950 71.7  50.4  43.9 \n"
        "1955 83.9  0.1  70.7  59.2 \n"
        "1960 93.2  0.7  94.3  77.1 \n"
        "1985 79.5  14.1  65.4  4.0  82.8  65.0 \n"
        "1990 79.6  17.5  62.1  0.9  88.9  72.4 \n"
        "1995 80.7  17.1  63.6  2.6  95.6  76.2 \n"
    )
    [grid] = find_figure_rows(text)
    cells = [[text[start:end] for start, end in row.cells] for row in grid.rows[:2]]
    # The early years have no 水田 and 旱地; nothing marks the empty cells but the sizes.
    assert cells == [["71.7", "", "", "", "50.4", "43.9"], ["83.9", "", "", "0.1", "70.7", "59.2"]]
    assert len(rules_facts(text)) == 3 + 4 + 4 + 3 * 6


_UNITS_WRITTEN_ON = (
    "主要农产品产量如下:\n\n"
    "农产品 2021年 比上年增长%\n"
    "    粮食 308.12万吨 8.3\n"
    "    其中:小麦 32.45万吨 3.4\n"
    "    油菜籽 18.54万吨 -7.0\n"
)


def test_a_figure_that_writes_its_unit_on_is_a_cell_of_its_row() -> None:
    read = [(f.text, f.value, f.unit, f.period, f.kind) for f in rules_facts(_UNITS_WRITTEN_ON)]
    assert read == [
        ("308.12万吨", 3_081_200, "吨", "2021", "level"),
        ("8.3", 8.3, "%", "2021", "change"),
        ("32.45万吨", 324_500, "吨", "2021", "level"),
        ("3.4", 3.4, "%", "2021", "change"),
        ("18.54万吨", 185_400, "吨", "2021", "level"),
        ("7.0", 7.0, "%", "2021", "change"),
    ]


_MARKED_AND_SPACED_OUT = (
    "附表 政府收入\n"
    "單位:百萬元\n"
    "項目\n2021-22\n2022-23\n2023-24\n"
    "  薪俸稅 91,524 75,746 65,350\n"
    "  利得稅 8,465 7,698 7,413\n"
    "  投資收入 6,006 #   10,080 #   22,750\n"
    "\n\n\n"
    "  收入總額 204,408 176,783 171,986\n"
)


def test_a_note_mark_after_a_figure_and_a_run_of_blank_lines_do_not_end_the_rows() -> None:
    grids = find_figure_rows(_MARKED_AND_SPACED_OUT)
    assert len(grids) == 1
    assert [len(row.cells) for row in grids[0].rows] == [3, 3, 3, 3]
    by_text = {fact.text: fact for fact in rules_facts(_MARKED_AND_SPACED_OUT)}
    assert (by_text["10,080"].value, by_text["10,080"].unit) == (10_080_000_000, "元")
    assert by_text["204,408"].indicator == "收入總額"
    assert "#" not in by_text


def test_columns_that_count_take_what_they_count_and_a_column_of_no_unit_is_left_out() -> None:
    text = (
        "村名 面積 戶數 男性人數 女性人數 人口\n"
        "甲村 2.71 914 1,094 997 2,091\n"
        "乙村 2.6 876 1,088 1,014 2,102\n"
        "丙村 3.42 257 314 275 589\n"
    )
    units = {fact.text: fact.unit for fact in rules_facts(text)}
    assert (units["914"], units["1,094"], units["2,091"]) == ("户", "人", "人")
    assert "2.71" not in units  # 面積 names no unit: not guessed
    assert len(units) == 12


def test_a_line_of_years_falling_a_year_at_a_time_dates_its_columns() -> None:
    text = (
        "2-3 人口变动\n项目 全市\n2008 2007\n"
        "出生人口(人) 68088 63404\n死亡人口(人) 47703 33175\n出生率(‰) 8.20 7.70\n"
    )
    periods = {fact.text: fact.period for fact in rules_facts(text)}
    assert (periods["68088"], periods["63404"], periods["7.70"]) == ("2008", "2007", "2007")


def test_two_rows_of_five_or_more_figures_are_a_table_and_three_of_two_are_needed() -> None:
    wide = (
        "表6-7 各区林业生产情况(2022年)\n"
        "指标 全市 甲区 乙区 丙县 丁县\n"
        "林业用地面积(亩) Area of Forestry Land (mu) 6174142 2639003 411861 66330 70586\n"
        "森林面积(公顷) Area of Forest (hectare) 437954 180101 28839 5187 5310\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(wide)}
    assert (by_text["411861"].unit, by_text["5310"].unit, by_text["5310"].period) == (
        "亩", "公顷", "2022",
    )  # fmt: skip
    narrow = "表1 两县面积(2022年)\n指标 甲县 乙县\n林地(亩) 6174 2639\n森林(公顷) 4379 1801\n"
    assert find_figure_rows(narrow) == []


def test_columns_of_income_fifths_are_classes_of_households_not_percents() -> None:
    text = (
        "9-30  全市农村住户按收入等级分组的人均收支情况\n"
        "单位:元\n"
        "指     标 最低20% 次低20% 中等20% 次高20% 最高20%\n"
        "    调查户均人口(人) 4.36 4.40 3.96 3.84 3.12\n"
        "  一、全年家庭纯收入 5136 10982 15923 21523 36125\n"
        "    (一)工资性收入 4192 9072 9915 12011 16035\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["4.40"].unit, by_text["10982"].unit, by_text["16035"].unit) == (
        "人",
        "元",
        "元",
    )


def test_a_unit_column_some_rows_leave_empty_gives_them_no_unit_and_the_rest_theirs() -> None:
    text = (
        "3-18  分县区茶叶和水果生产\n"
        "  单位   吴兴区 南浔区 德清县\n"
        "茶园总面积 公顷 24539 1541 8 1825\n"
        "茶叶总产量 10797 432 5 1365\n"
        "    1.春茶 6700 281 3 1185\n"
        "果园面积 公顷 10266 778 653 1118\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["24539"].unit, by_text["1541"].unit, by_text["778"].unit) == ("公顷",) * 3
    assert (by_text["10797"].unit, by_text["281"].unit) == ("", "")
    assert by_text["1541"].indicator.endswith("吴兴区")


def test_a_letter_spaced_unit_line_is_no_column_of_units() -> None:
    text = (
        "附 錄 13\n"
        "單 位 ﹕ 百 萬 元\n"
        "                     實收 實收 修訂預算\n"
        "入 息 稅 及 利 得 稅 91,524 75,746 65,350\n"
        "應 課 稅 品 稅 項 8,465 7,698 7,413\n"
        "一 般 差 餉 6,042 6,517 5,454\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["8,465"].value, by_text["8,465"].unit) == (8_465_000_000, "元")


_ENERGY_BALANCE = (
    "6-9 能源平衡表(标准量)\n"
    "(2005年)   单位:万吨标准煤\n"
    "类    别 煤合计 原 煤 洗精煤  其它洗煤 煤制品 焦 炭\n"
    "一、可供本地区消费的能源量 17799.0 20092.2 -1897.2 -395.9 -0.1 494.7\n"
    "1.年初库存量 874.2 768.7 103.0 2.2 0.3 30.1\n"
    "2.一次能源生产量 10021.6 10021.6      \n"
    "10.年末库存量(-) -1123.6 -1009.1 -110.6 -3.4 -0.4 -68.7\n"
    "二、加工转换投入(-)产出(+)量 -11138.1 -13728.2 2170.6 415.3 4.2 1439.2\n"
    "(一)第一产业 184.3 184.3      \n"
    "(三)第三产业 199.9 199.9      \n"
    "  1.农、林、牧、渔业 184.3 184.3      \n"
    "  2.建筑业 44.6 44.6      \n"
)


def test_full_rows_of_a_table_of_many_short_rows_are_read_under_all_its_columns() -> None:
    by_text = {fact.text: fact for fact in rules_facts(_ENERGY_BALANCE)}
    assert (by_text["494.7"].value, by_text["494.7"].unit) == (4_947_000, "吨标准煤")
    assert {"874.2", "768.7", "103.0", "2.2", "0.3", "30.1", "1439.2"} <= set(by_text)


def test_a_negative_amount_in_a_list_of_items_is_a_level_and_a_negative_rate_a_change() -> None:
    by_text = {fact.text: fact for fact in rules_facts(_ENERGY_BALANCE)}
    assert (by_text["1009.1"].kind, by_text["13728.2"].kind) == ("level", "level")
    rates = rules_facts(
        "| 项目 | 2020年 | 2019年 |\n| 甲产品(%) | -2.5 | 3.0 |\n| 乙产品(%) | -1.0 | 2.0 |\n"
    )
    assert {fact.kind for fact in rates if fact.text in ("2.5", "1.0")} == {"change"}


def test_measures_each_over_the_same_years_name_every_column_with_its_year() -> None:
    text = (
        "附录1-24 建筑业总产值和房屋建筑面积\n"
        "地区 总产值(亿元) 施工面积(万平方米) 竣工面积(万平方米)\n"
        "2004年 2005年 2004年 2005年 2004年 2005年\n"
        "全国总计 29021.5 34745.8 310985.7 348969.1 147364.0 150166.5\n"
        "北京 1657.0 1894.3 14424.4 15452.7 5257.7 4906.5\n"
        "天津 653.7 725.3 3506.4 3770.3 1618.7 1318.0\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["1894.3"].value, by_text["1894.3"].unit) == (189_430_000_000, "元")
    assert (by_text["15452.7"].unit, by_text["15452.7"].period) == ("平方米", "2005")
    assert (by_text["1618.7"].indicator, by_text["1618.7"].period) == ("天津竣工面积", "2004")


# A survey's table of shares of each group, and each group's count: rows that each total 100.
_SHARES_BY_GROUP = (
    "表E8 收過宣導資料情形-按人口特性分\n"
    "單位:%、人\n"
    "項目別 總計 有 沒有 總人數\n"
    "男 100.00 55.05 44.95 204,009\n"
    "女 100.00 42.83 57.17 217,698\n"
    "15 ~ 24 歲 100.00 45.90 54.10 51,532\n"
    "25 ~ 34 歲 100.00 55.88 44.12 93,689\n"
)


def test_an_age_band_opening_a_row_is_its_label_not_a_figure_with_a_unit() -> None:
    # `15 ~ 24 歲`: 24 歲 reads as a figure and its unit, which would give this row one
    # figure more than the rows labelled 男 or 女 and leave it out.
    facts = [(f.text, f.unit) for f in rules_facts(_SHARES_BY_GROUP)]
    assert ("45.90", "%") in facts and ("51,532", "人") in facts
    assert not any(text in ("24", "34") for text, _ in facts)
    assert len(facts) == 16


def test_percents_in_rows_that_each_total_100_are_shares_under_a_rate_and_a_count() -> None:
    # 總計 is 100.00 in every row: each row parts a whole, so its percents are shares; the
    # unit line lists % and 人, and a figure's decimals say which it is in.
    kinds = {f.text: (f.unit, f.kind) for f in rules_facts(_SHARES_BY_GROUP)}
    assert kinds["55.05"] == ("%", "share") and kinds["100.00"] == ("%", "share")
    assert kinds["204,009"] == ("人", "level")


def test_rows_opening_on_a_band_take_the_tables_unit_not_the_bands() -> None:
    # 歲 closes the band in the label: it is no unit column's cell, so 253 is in 千人.
    text = (
        "單位:千人\n年齡 男 女 合計\n"
        "15 ~ 24 歲 253 231 484\n25 ~ 34 歲 301 290 591\n35 ~ 44 歲 280 275 555\n"
    )
    facts = [(f.text, f.value, f.unit) for f in rules_facts(text)]
    assert ("253", 253, "千人") in facts and ("555", 555, "千人") in facts
    assert len(facts) == 9


def test_a_dash_for_no_figure_before_a_figure_with_its_unit_opens_no_band() -> None:
    text = (
        "2023年 2024年 比上年增长%\n粮食 4300 万吨 4445 万吨 -2.5\n谷物 — 3939 万吨 -2.8\n"
        "稻谷 2100 万吨 2090 万吨 -0.5\n小麦 1300 万吨 1310 万吨 0.8\n"
    )
    assert ("3939 万吨", "吨") in [(f.text, f.unit) for f in rules_facts(text)]


def test_a_whole_percent_in_a_column_of_decimals_is_a_rate_not_a_count() -> None:
    # 0 and 100 among 9.04, 8.77, …: the column's figures are percents, whole ones too.
    text = (
        "單位:%、人\n項目別 45~49歲 60~64歲 樣本數\n"
        "總 計 8.36 6.34 49,705\n山地原住民族地區 0 100 15,316\n平地原住民族地區 8.34 7.62 12,338\n"
        "非原住民族地區 8.27 4.99 22,050\n"
    )
    units = [(f.text, f.unit) for f in rules_facts(text)]
    assert ("0", "%") in units and ("100", "%") in units and ("15,316", "人") in units


def test_a_year_alone_on_a_line_of_the_header_dates_the_table() -> None:
    # A yearbook's title, its English, then `(2031)`, then header words scattered over lines
    # no reading parts: the year every figure is of.
    text = (
        "12-8  各地规模以上工业企业主要经济效益指标\n"
        "Main Indicators on Economic Benefit by Prefecture\n"
        "(2031)\n"
        "单位: % (%)\n"
        "      Sector 工业增加值率 资金利税率 产值利税率\n"
        "贡献率 增 值 率\n"
        "Ratio of Value-Added\n"
        "  Total 37.4 30.6 30.1\n"
        "甲市 Jia City 22.8 16.7 16.4\n乙市 Yi City 49.2 2.8 25.4\n丙市 Bing City 42.1 45.3 37.2\n"
    )
    facts = rules_facts(text)
    assert facts and {f.period for f in facts} == {"2031"}


def test_a_count_among_rates_in_a_column_of_years_stays_a_count() -> None:
    # Rows of measures under years: 1200 counts persons though its column's figures are rates.
    text = (
        "單位:%、人\n項目別 2022年 2023年\n就業人數 1200 1300\n"
        "勞動參與率 58.5 59.1\n失業率 3.5 3.6\n就業率 96.5 96.4\n"
    )
    units = {f.text: f.unit for f in rules_facts(text)}
    assert units["1200"] == units["1300"] == "人" and units["58.5"] == "%"
