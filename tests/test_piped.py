"""Web tables copied one cell per line, each cell closed by a pipe (llmx.tables.piped): rows found
by their shape, rows opened by a pipe, and rows that are years. The tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.facts import Fact
from llmx.tables import find_tables
from llmx.tables.piped import find_piped


def _read(facts: list[Fact]) -> list[tuple[str, float, str, str, str | None, str]]:
    return [(f.text, f.value, f.unit, f.indicator, f.period, f.kind) for f in facts]


UNIT_COLUMN = (
    "表三: 主要农产品产量\n"
    "指 标 |\n单位 |\n2022年 |\n比上年增长(%) |\n"
    "粮食产量 |\n万吨 |\n48.6 |\n2.1 |\n"
    "油料产量 |\n万吨 |\n3.9 |\n-0.4 |\n"
    "肉类总产量 |\n吨 |\n8120 |\n5.5 |\n"
    "全年农民人均可支配收入继续增长。\n"
)


def test_rows_are_found_by_their_shape_and_a_unit_column_gives_each_rows_unit() -> None:
    facts = rules_facts(UNIT_COLUMN)
    assert {table.layout for table in find_tables(UNIT_COLUMN)} == {"piped"}
    assert _read(facts)[:4] == [
        ("48.6", 486_000, "吨", "粮食产量", "2022", "level"),
        ("2.1", 2.1, "%", "粮食产量增长", "2022", "change"),
        ("3.9", 39_000, "吨", "油料产量", "2022", "level"),
        ("0.4", 0.4, "%", "油料产量增长", "2022", "change"),  # a fall: the digits, a change
    ]
    assert ("8120", 8120, "吨", "肉类总产量", "2022", "level") in _read(facts)


LONE_PIPES = (
    "表2 某县2019年工业主要指标\n"
    "|\n项目 |\n产值(万元) |\n增速(%) |\n"
    "|\n规上工业 |\n52310 |\n7.4 |\n"
    "|\n轻工业 |\n20115 |\n6.2 |\n"
    "|\n重工业 |\n32195 |\n8.0 |\n"
)


def test_a_lone_pipe_is_an_empty_cell_and_the_title_above_gives_the_year() -> None:
    facts = rules_facts(LONE_PIPES)
    assert _read(facts)[:2] == [
        ("52310", 523_100_000, "元", "规上工业产值", "2019", "level"),
        ("7.4", 7.4, "%", "规上工业产值增速", "2019", "change"),
    ]
    assert len(facts) == 6


MARKED = (
    "表5 | \n"
    "  | 表5  某市社会指标 | \n   | \n\n\n"
    "  | 项   目 | \n  item | \n  2019 | \n  2020 | \n  2021 | \n   | \n\n\n"
    "  | 就业 | \n  employment | \n   | \n   | \n\n\n"
    "  |   从业人员(万人) | \n    employed persons(10 000 persons) | \n"
    "  412  | \n  418  | \n  425  | \n   | \n\n\n"
    "  |   城镇化率(%) | \n    urbanization rate(%) | \n"
    "  61.2  | \n  62.0  | \n  63.1  | \n   | \n\n\n"
    "  |     城区 | \n      urban area | \n  80.5  | \n  81.0  | \n  81.9  | \n   | \n\n\n"
    "  |   货运量(万吨) | \n  freight(10 000 t) | \n  930  | \n  955 "
)


def test_rows_opened_by_a_pipe_are_rows_under_a_header_of_years() -> None:
    (grid,) = find_piped(MARKED)
    assert [MARKED[s[0] : s[1]] if s else None for s in grid.header] == [
        "项   目",
        "item",
        "2019",
        "2020",
        "2021",
        None,
    ]
    facts = _read(rules_facts(MARKED))
    assert facts[:3] == [
        ("412", 4_120_000, "人", "从业人员", "2019", "level"),
        ("418", 4_180_000, "人", "从业人员", "2020", "level"),
        ("425", 4_250_000, "人", "从业人员", "2021", "level"),
    ]


def test_a_sub_item_measures_its_parents_measure_and_a_row_cut_short_keeps_its_cells() -> None:
    facts = _read(rules_facts(MARKED))
    assert ("80.5", 80.5, "%", "城区城镇化率", "2019", "share") in facts
    assert facts[-2:] == [
        ("930", 9_300_000, "吨", "货运量", "2019", "level"),
        ("955", 9_550_000, "吨", "货运量", "2020", "level"),
    ]
    assert not any("10 000" in text or text == "100" for text, *_ in facts)


INDEX_BY_YEAR = (
    "6- 2 农业总产值指数(2000-2005年,2000=100) |\n"
    "GROSS OUTPUT VALUE OF AGRICULTURE INDEX |\n|\n|\n"
    "年 份 |\n农业总产值 |\n|\n|\n林业 |\n种植业 |\n牧业 |\n"
    "Year |\nGross Output |\nFarming |\nAnimal Husbandry |\nForestry |\n"
    "2000 |\n100.0 |\n100.0 |\n100.0 |\n100.0 |\n"
    "2001 |\n104.2 |\n103.1 |\n107.5 |\n99.0 |\n"
    "2002 |\n109.9 |\n106.4 |\n115.8 |\n101.3 |\n"
)


def test_a_two_row_header_flattened_is_put_back_in_the_columns_of_its_english() -> None:
    (grid,) = find_piped(INDEX_BY_YEAR)
    assert grid.years_down
    names = [INDEX_BY_YEAR[s[0] : s[1]] if s else None for s in grid.header]
    assert names == ["年 份", "农业总产值", "种植业", "牧业", "林业"]


def test_years_down_the_rows_give_each_measures_index_in_each_year() -> None:
    facts = _read(rules_facts(INDEX_BY_YEAR))
    assert ("107.5", 107.5, "", "牧业总产值指数", "2001", "level") in facts
    assert ("109.9", 109.9, "", "农业总产值指数", "2002", "level") in facts
    assert len(facts) == 12  # the years and the base 2000=100 are no facts


def test_years_down_the_rows_under_a_time_heading_date_each_row() -> None:
    table = (
        "| 时间 | 常住人口 (万人) | 出生率 (‰) |\n|---|---|---|\n"
        "| 2017 | 39.14 | 7.79 |\n| 2016 | 37.41 | 8.17 |\n| 2015 | 35.77 | 7.21 |\n"
    )
    facts = _read(rules_facts(table))
    assert ("39.14", 391400.0, "人", "常住人口", "2017", "level") in facts
    assert ("7.21", 7.21, "‰", "出生率", "2015", "level") in facts


def test_a_row_labelled_by_a_bare_year_is_that_years_over_rows_of_places() -> None:
    # 年 份 over 地 区: a yearbook's first rows are the nation's years, then its provinces
    table = (
        "| 6-45 各地区商品房屋实际销售面积 | ||||\n| 单位:万平方米 | ||||\n"
        "| 年 份 | 面 积 | 住宅 | 办公楼 | ||\n| 地 区 | ||||\n"
        "| 1997 | 9010.2 | 7864.3 | 254.2 | ||\n| 1998 | 12185.3 | 10827.1 | 345.3 | ||\n"
        "| 北 京 | 544.4 | 484.7 | 55.1 | ||\n| 天 津 | 258.3 | 247.8 | 7.8 | ||\n"
    )
    periods = {fact.text: fact.period for fact in rules_facts(table)}
    assert (periods["9010.2"], periods["12185.3"]) == ("1997", "1998")


def test_pipes_that_close_lines_of_prose_or_of_a_row_of_cells_make_no_grid() -> None:
    prose = (
        "全年完成投资120亿元,增长8%。 |\n其中工业投资45亿元。 |\n民间投资占比提高到56%。 |\n" * 3
    )
    rows = "| 指标 | 2022年 | 2023年 |\n| 工业 | 12 | 13 |\n| 农业 | 4 | 5 |\n" * 3
    assert find_piped(prose) == []
    assert find_piped(rows) == []
    assert {table.layout for table in find_tables(rows)} != {"piped"}


SHARES = (
    "  | 项目 | \n  2020 | \n  2021 | \n\n"
    "  |   人口自然增加率(‰) | \n  3.12  | \n  2.75  | \n\n"
    "  |   产业构成 | \n   | \n   | \n\n"
    "  |    农业(%) | \n  8.1  | \n  7.6  | \n\n"
    "  |    工业(%) | \n  40.2  | \n  39.8  | \n"
)


def test_a_natural_increase_rate_is_a_change_and_a_composition_gives_shares() -> None:
    facts = _read(rules_facts(SHARES))
    assert facts[0] == ("3.12", 3.12, "‰", "人口自然增加率", "2020", "change")
    assert ("7.6", 7.6, "%", "农业产业构成", "2021", "share") in facts


WITH_HEADS = (
    "表4 2023年工业生产\n"
    "指标 |\n2023年 |\n增长(%) |\n"
    "规上工业增加值(亿元) |\n120.5 |\n6.1 |\n"
    "主要产品产量(万吨) |\n|\n|\n"
    "  钢材 |\n12.5 |\n3.1 |\n"
    "  水泥 |\n40.2 |\n2.0 |\n"
)


def test_a_head_between_rows_gives_the_rows_under_it_its_unit_and_measure() -> None:
    facts = _read(rules_facts(WITH_HEADS))
    assert facts[0] == ("120.5", 12_050_000_000, "元", "规上工业增加值", "2023", "level")
    assert ("12.5", 125_000, "吨", "钢材产量", "2023", "level") in facts
    assert ("2.0", 2.0, "%", "水泥产量增长", "2023", "change") in facts
    assert len(facts) == 6


LEVELS_BY_YEAR = (
    "表1 全县生产总值\n单位:亿元\n"
    "年份 |\n生产总值 |\n第一产业 |\n第二产业 |\n"
    "2021 |\n88.2 |\n15.1 |\n30.6 |\n"
    "2022 |\n93.0 |\n15.8 |\n32.9 |\n"
)


def test_years_down_the_rows_take_the_captions_unit_and_sectors_their_value_added() -> None:
    facts = _read(rules_facts(LEVELS_BY_YEAR))
    assert facts[:2] == [
        ("88.2", 8_820_000_000, "元", "生产总值", "2021", "level"),
        ("15.1", 1_510_000_000, "元", "第一产业增加值", "2021", "level"),
    ]
    assert len(facts) == 6
    assert ("32.9", 3_290_000_000, "元", "第二产业增加值", "2022", "level") in facts


WORDS_HEADER = (
    "表1 2022年全县经济指标\n"
    "  | 指标 | \n  绝对数 | \n  比上年增长(%) | \n\n"
    "  | 地区生产总值(亿元) | \n  512.6 | \n  6.2 | \n\n"
    "  |   第一产业 | \n  40.1 | \n  3.5 | \n\n"
    "  |   第二产业 | \n  201.7 | \n  7.9 | \n"
)


def test_a_header_of_words_heads_marked_rows_and_sub_items_take_their_parents_unit() -> None:
    facts = _read(rules_facts(WORDS_HEADER))
    assert facts[:2] == [
        ("512.6", 51_260_000_000, "元", "地区生产总值", "2022", "level"),
        ("6.2", 6.2, "%", "地区生产总值增长", "2022", "change"),
    ]
    assert ("40.1", 4_010_000_000, "元", "第一产业增加值", "2022", "level") in facts
    assert len(facts) == 6


BALANCE = (
    "2023年某县政府性基金收支平衡表\n单位:万元\n"
    "收入 |\n执行数 |\n支出 |\n执行数 |\n"
    "总计 |\n5210 |\n总计 |\n5210 |\n"
    "本级收入 |\n3100 |\n本级支出 |\n4020 |\n"
    "上级补助 |\n2110 |\n调出资金 |\n1190 |\n"
)


def test_a_balance_of_two_panels_is_left_to_the_panels_reader() -> None:
    assert {table.layout for table in find_tables(BALANCE)} == {"panels"}


MONTHS = (
    "主要指标月度环比数据表 |\n"
    "|||\n"
    "工业用电量 环比增速(%) |\n货运量 环比增速 (%) |\n"
    "|\n"
    "2031年11月份 |\n0.51 |\n1.20 |\n"
    "12月份 |\n0.47 |\n0.98 |\n"
    "2032年1月份 |\n0.33 |\n1.05 |\n"
    "2月份 |\n0.60 |\n-0.12 |\n"
)


def test_an_empty_corner_copied_after_the_heads_and_a_title_with_indicator_words() -> None:
    # The title's 指标 is no header of the row labels, a line of pipes alone is no cell, and
    # the empty cell over the row labels comes after the column heads.
    [table] = find_tables(MONTHS)
    assert [column.role for column in table.columns] == ["indicator", "value", "value"]
    assert _read(rules_facts(MONTHS))[:2] == [
        ("0.51", 0.51, "%", "2031年11月份工业用电量环比增速", "2031", "change"),
        ("1.20", 1.2, "%", "2031年11月份货运量环比增速", "2031", "change"),
    ]


def test_rows_of_months_take_the_year_the_last_label_that_writes_one_gives() -> None:
    periods = [(f.text, f.period) for f in rules_facts(MONTHS)]
    assert periods == [
        ("0.51", "2031"), ("1.20", "2031"), ("0.47", "2031"), ("0.98", "2031"),
        ("0.33", "2032"), ("1.05", "2032"), ("0.60", "2032"), ("0.12", "2032"),
    ]  # fmt: skip


AMOUNTS_WITH_UNITS = (
    "2019年,全县粮食生产保持稳定,园林水果产量继续增长,畜牧业生产平稳发展。\n"
    "指标名称 |\n2019年 |\n比上年增长(±%) |\n"
    "粮食产量 |\n4.48万吨 |\n-0.4 |\n"
    "油料产量 |\n78吨 |\n6.8 |\n"
    "园林水果 |\n24399吨 |\n1.57 |\n"
)


def test_a_cell_that_writes_its_unit_is_a_figure_and_the_sentence_above_no_cell() -> None:
    facts = rules_facts(AMOUNTS_WITH_UNITS)
    assert {table.layout for table in find_tables(AMOUNTS_WITH_UNITS)} == {"piped"}
    assert _read(facts) == [
        ("4.48万吨", 44_800, "吨", "粮食产量", "2019", "level"),
        ("0.4", 0.4, "%", "粮食产量增长", "2019", "change"),
        ("78吨", 78, "吨", "油料产量", "2019", "level"),
        ("6.8", 6.8, "%", "油料产量增长", "2019", "change"),
        ("24399吨", 24_399, "吨", "园林水果", "2019", "level"),
        ("1.57", 1.57, "%", "园林水果增长", "2019", "change"),
    ]


def test_heads_without_figures_right_under_the_header_are_rows_not_header_cells() -> None:
    # `合计 |` and `因公出国(境)费 |`, each with its empty cells, come before any figure.
    text = (
        "某乡2020年“三公”经费预算安排\n一、“三公”经费预算财政拨款情况表\n|\n单位:万元 |\n"
        "项目 |\n2020年预算数 |\n上年预算数 |\n增幅(%) |\n"
        "合计 |\n|\n|\n|\n因公出国(境)费 |\n|\n|\n|\n"
        "公务接待费 |\n11.52 |\n11.52 |\n0 |\n"
        "公务用车购置 |\n25 |\n0 |\n|\n"
    )
    assert [(f.text, f.value, f.unit, f.period) for f in rules_facts(text)] == [
        ("11.52", 115_200, "元", "2020"),
        ("11.52", 115_200, "元", "2019"),
        ("0", 0, "%", "2020"),
        ("25", 250_000, "元", "2020"),
        ("0", 0, "元", "2019"),
    ]


def test_a_serial_column_is_neither_a_figure_nor_a_rows_label() -> None:
    cells = (
        "序号", "产品名称", "本周均价 (元/公斤)", "环比 (%)",
        "1", "大米", "5.74", "-1.03%",
        "2", "面粉", "4.44", "0.00%",
        "3", "菜籽油", "14.57", "0.48%",
    )  # fmt: skip
    text = "2024年第31周粮油类产品批发市场价格表\n" + "".join(f"{cell} |\n" for cell in cells)
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.indicator) for f in facts][:2] == [
        ("5.74", "元/公斤", "大米本周均价"),
        ("1.03%", "%", "大米环比"),
    ]
    assert len(facts) == 6


_PRICES_UNDER_A_SENTENCE = (
    "上周蔬菜均价为3.07元/公斤,环比上涨7.34%。\n"
    "上周共有11种蔬菜价格上涨,其中涨幅较大的有3个品种,如下表所示:(单位:元/公斤)\n"
    "品种 |\n上周 |\n上上周 |\n环比(%) |\n"
    "圆白菜 |\n1.69 |\n1.29 |\n+31.01% |\n"
    "辣 椒 |\n3.49 |\n2..09 |\n+12.94% |\n"
    "土 豆 |\n1.24 |\n1.11 |\n+11.71% |\n"
)


def test_prices_under_a_sentence_that_closes_on_their_unit_take_it() -> None:
    facts = {(fact.text, fact.indicator): fact for fact in rules_facts(_PRICES_UNDER_A_SENTENCE)}
    assert (facts["1.29", "圆白菜上上周"].value, facts["1.29", "圆白菜上上周"].unit) == (
        1.29,
        "元/公斤",
    )
    assert facts["1.24", "土豆上周"].unit == "元/公斤"  # the rows go on past the misprint
    texts = {text for text, _ in facts}
    assert "2" not in texts and "09" not in texts  # 2..09: no reading can tell the price
    assert "3个" not in texts  # the tally of the items that moved most


def test_groups_over_repeated_sub_columns_a_piped_cell_per_line_name_every_column() -> None:
    cells = [
        "2015年1-2季度", "单位:千元", "项 目", "签订合同额", "建筑业总产值",
        "2015年", "同比增长(%)", "2015年", "同比增长(%)",
        "合 计", "1625216778", "10.3", "360440511", "4.2", "",
        "国有企业", "86532362", "34.1", "9824794", "-22.2", "",
        "集体企业", "11058654", "-0.1", "4227347", "-7.3", "",
    ]  # fmt: skip
    text = "".join(f"{cell} |\n" if cell else "|\n" for cell in cells)
    (table,) = find_tables(text)
    assert [column.header for column in table.columns][1:5] == [
        "签订合同额2015年",
        "签订合同额同比增长(%)",
        "建筑业总产值2015年",
        "建筑业总产值同比增长(%)",
    ]
    facts = {fact.text: fact for fact in rules_facts(text)}
    assert (facts["9824794"].value, facts["9824794"].unit, facts["9824794"].period) == (
        9_824_794_000, "元", "2015",
    )  # fmt: skip
    assert (facts["22.2"].unit, facts["22.2"].kind) == ("%", "change")


def test_a_period_over_its_sub_columns_beside_a_unit_column_names_both() -> None:
    cells = [
        "厦门市人力资源和社会保障统计资料", "指 标 名 称", "计算 单位", "2018年1-6月", "实绩",
        "比上年同期增长",
        "1、期末城镇登记失业率", "%", "3.39", "上升0.13个百分点",
        "2、期末城镇登记失业人员数", "万人", "2.98", "7.58%",
        "3、新办理外国人来华工作许可证件", "份", "733", "一",
        "4、检查用工单位数", "家次", "2290", "2.50%",
    ]  # fmt: skip
    text = "".join(f"{cell} |\n" for cell in cells)
    (table,) = find_tables(text)
    assert [column.header for column in table.columns][2:] == [
        "2018年1-6月实绩",
        "2018年1-6月比上年同期增长",
    ]
    facts = {fact.text: fact for fact in rules_facts(text)}
    assert (facts["3.39"].unit, facts["3.39"].period) == ("%", "2018")
    assert (facts["0.13个百分点"].unit, facts["0.13个百分点"].kind) == ("个百分点", "change")
    assert (facts["2.98"].value, facts["2290"].unit) == (29_800, "家次")
    assert "一" not in facts  # a dash set as the numeral


def test_groups_of_two_years_and_a_growth_under_districts_give_each_its_year() -> None:
    # The row labels' heading is 区 县; each group's growth compares its second year with
    # its first, so it is the second year's.
    cells = [
        "2-40 卫生机构人员", "", "", "", "区 县", "卫生技术人员(人)", "#执业医师(人)",
        "2006", "2007", "增长速度(%)", "2006", "2007", "增长速度(%)",
        "全 市", "126903", "139275", "9.7", "52795", "54989", "4.2",
        "东 城 区", "16255", "16639", "2.4", "6323", "6329", "0.1",
        "宣 武 区", "7750", "8261", "6.6", "3122", "3121", "…",
    ]  # fmt: skip
    text = "".join(f"{cell} |\n" if cell else "|\n" for cell in cells)
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts(text)]
    assert facts[:6] == [
        ("126903", "人", "2006", "level"),
        ("139275", "人", "2007", "level"),
        ("9.7", "%", "2007", "change"),
        ("52795", "人", "2006", "level"),
        ("54989", "人", "2007", "level"),
        ("4.2", "%", "2007", "change"),
    ]
    assert len(facts) == 17  # the dash (…) is no figure


def test_a_growth_after_years_far_apart_is_over_all_of_them_and_has_no_year() -> None:
    text = "地区 | GDP (1978) | GDP (2008) | 年均增幅(%)\n全国 | 3645.22 | 314045.43 | 9.92\n"
    facts = {fact.text: fact.period for fact in rules_facts(text)}
    assert facts == {"3645.22": "1978", "314045.43": "2008", "9.92": None}


def test_a_measure_over_its_years_heads_two_columns_of_shares_in_cells_closed_by_pipes() -> None:
    # 比 重 spans 2020年 and 2010年 in a header flattened a cell a line; the caption names
    # the population, but a share column counts no persons.
    cells = ["表2-1 各市州常住人口", "|", "地区  |", "人口数  |", "比 重  |", "|", "|"]
    cells += ["2020年  |", "2010年  |", "||", "|", "全 省  |", "66444864  |", "100.00  |"]
    cells += ["100.00  |", "|", "长沙市  |", "10047914  |", "15.12  |", "10.72  |", "|"]
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts == [
        ("66444864", "人", "2020", "level"),
        ("100.00", "%", "2020", "share"),
        ("100.00", "%", "2010", "share"),
        ("10047914", "人", "2020", "level"),
        ("15.12", "%", "2020", "share"),
        ("10.72", "%", "2010", "share"),
    ]


def _piped_lines(*cells: str) -> str:
    return "\n".join(cells) + "\n"


# A header of two rows, each row opened and closed by a lone pipe: `占总人口比重` spans `男`
# and `女`, `性别比` spans both rows; the copy leaves no place for the lower cells.
GROUP_OVER_TWO = _piped_lines(
    "表3 各镇人口性别构成",
    "单位:%",
    "|",
    "地区 |",
    "占总人口比重 |",
    "性别比 |",
    "|",
    "|",
    "男 |",
    "女 |",
    "||",
    *("|", "全 县 |", "51.20 |", "48.80 |", "104.92 |"),
    *("|", "城关镇 |", "50.60 |", "49.40 |", "102.43 |"),
    *("|", "河口镇 |", "51.90 |", "48.10 |", "107.90 |"),
)


def test_a_group_over_two_lower_cells_is_placed_where_the_parts_sum_to_the_whole() -> None:
    # The piped grid cannot place the lower cells; read a cell at a time, the body tells
    # which upper cell is their group (51.20 + 48.80 = 100), and 性别比 keeps its own column.
    facts = [(f.text, f.unit, f.indicator, f.kind) for f in rules_facts(GROUP_OVER_TWO)]
    assert facts[:3] == [
        ("51.20", "%", "全县占总人口比重男", "share"),
        ("48.80", "%", "全县占总人口比重女", "share"),
        ("104.92", "", "全县性别比", "level"),
    ]
    assert len(facts) == 9


# A header of years under `指 标` that the piped grid reads as a row of figures, and a part
# of the row above marked `#`.
YEARS_AS_A_ROW = _piped_lines(
    "表5 建筑业主要指标 |",
    "指 标 |",
    "2021 |",
    "2022 |",
    "2023 |",
    *("企业个数(个) |", "812 |", "845 |", "903 |"),
    *("总产值(亿元) |", "2795.6 |", "3095.4 |", "3309.9 |"),
    *("#房屋建筑 |", "2541.2 |", "2809.7 |", "3011.5 |"),
)


def test_a_header_of_years_the_grid_takes_for_a_row_is_read_a_cell_at_a_time() -> None:
    facts = [(f.text, f.unit, f.indicator, f.period) for f in rules_facts(YEARS_AS_A_ROW)]
    assert facts[:3] == [
        ("812", "个", "企业个数", "2021"),
        ("845", "个", "企业个数", "2022"),
        ("903", "个", "企业个数", "2023"),
    ]
    assert ("2795.6", "元", "总产值", "2021") in facts  # 亿元: the value carries the magnitude
    assert [(text, unit, period) for text, unit, _, period in facts[-3:]] == [
        ("2541.2", "元", "2021"),
        ("2809.7", "元", "2022"),
        ("3011.5", "元", "2023"),
    ]
    assert len(facts) == 9


# Groups over years repeated once per group, under a row labels' heading no stub word names
# (`分行业`): more names than the rows have columns.
GROUPS_OVER_YEARS = _piped_lines(
    "表1 全县2024年生产总值构成",
    *("分行业 |", "增长% |", "结构% |", "2024年 |", "2023年 |", "2024年 |", "2023年 |"),
    *("地区生产总值 |", "4.0 |", "3.8 |", "100 |", "100 |"),
    *("第一产业 |", "5.5 |", "4.8 |", "34.9 |", "30.5 |"),
    *("第二产业 |", "1.5 |", "2.9 |", "22.3 |", "24.1 |"),
)


def test_names_left_over_above_a_header_are_groups_over_its_columns_not_a_title() -> None:
    # The grid would take the last names as the header (`结构%` over the labels) and drop
    # `增长%`; read a cell at a time, each year is under its group and takes its unit.
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts(GROUPS_OVER_YEARS)]
    assert facts[:4] == [
        ("4.0", "%", "2024", "change"),
        ("3.8", "%", "2023", "change"),
        ("100", "%", "2024", "share"),
        ("100", "%", "2023", "share"),
    ]
    assert len(facts) == 12


def test_a_table_under_a_unit_line_is_titled_by_the_caption_above_that_line() -> None:
    # Two panels side by side (收入, 支出), read a cell at a time: the title that dates them is
    # the caption over the unit line, not the unit line alone.
    text = _piped_lines(
        "表1:2020年度全区一般公共预算收支决算平衡表",
        "单位:万元",
        *("收入 |", "执行数 |", "决算数 |", "支出 |", "执行数 |", "决算数 |"),
        *("总计 |", "1,196,625 |", "1,196,625 |", "总计 |", "1,196,625 |", "1,196,625 |"),
    )
    (table,) = find_tables(text)
    assert table.title == "表1:2020年度全区一般公共预算收支决算平衡表 单位:万元"


# A bilingual yearbook's table: each Chinese cell followed by its English.
BILINGUAL = _piped_lines(
    "5-1 从业人员主要指标 |",
    "Main Indicators of Employed Persons |",
    *("指 标 |", "Item |", "2010 |", "2011 |", "2012 |"),
    *("从业人员人数 (万人) |", "Number of Employed Persons (10000 persons) |"),
    *("5870.48 |", "5960.74 |", "5965.95 |"),
    *("工资总额 (亿元) |", "Total Wages (100 million yuan) |"),
    *("4484.29 |", "5574.90 |", "6561.14 |"),
)


def test_english_right_after_each_chinese_cell_is_its_translation_not_a_cell() -> None:
    facts = [(f.text, f.unit, f.indicator, f.period) for f in rules_facts(BILINGUAL)]
    assert facts[:3] == [
        ("5870.48", "人", "从业人员人数", "2010"),
        ("5960.74", "人", "从业人员人数", "2011"),
        ("5965.95", "人", "从业人员人数", "2012"),
    ]
    assert len(facts) == 6


# Rows that end early: the page writes no cell for a row's last empty ones.
SHORT_ROWS = _piped_lines(
    "表5-03 不同规模的家庭户类别 |",
    *("指标 |", "合计(户) |", "一代户(户) |", "二代户(户) |", "三代户(户) |", "四代户(户) |"),
    *("合计 |", "1125 |", "318 |", "623 |", "177 |", "7 |"),
    *("一人户 |", "146 |", "146 |", "|"),
    *("二人户 |", "240 |", "161 |", "79 |", "|"),
    *("三人户 |", "260 |", "6 |", "210 |", "44 |", "|"),
    *("四人户 |", "180 |", "3 |", "90 |", "80 |", "7 |"),
)


def test_a_row_short_of_cells_gives_its_figures_to_the_first_columns() -> None:
    facts = [(f.text, f.indicator) for f in rules_facts(SHORT_ROWS)]
    assert ("146", "一人户合计") in facts
    assert [text for text, indicator in facts if indicator.startswith("二人户")] == [
        "240",
        "161",
        "79",
    ]
    assert len(facts) == 19


def test_a_web_table_a_cell_a_paragraph_keeps_a_header_cell_wrapped_over_two_lines_whole() -> None:
    # Every cell a blank line apart; a header cell's two lines (12月, (亿元)) with none between.
    cells = ["指标", "12月\n(亿元)", "比去年同月\n增长(%)", "1-12月\n(亿元)", "比去年同期\n增长(%)"]
    cells += ["零售总额", "387.99", "0.4", "4600.93", "4.6"]
    cells += ["商品零售额", "228.25", "0.5", "3670.46", "5.5"]
    cells += ["餐费收入", "59.75", "-0.3", "930.46", "-1.9"]
    facts = [(f.text, f.value, f.unit) for f in rules_facts("\n\n".join(cells) + "\n")]
    assert ("387.99", 38799000000.0, "元") in facts and ("0.4", 0.4, "%") in facts
    assert ("930.46", 93046000000.0, "元") in facts


def test_header_cells_a_line_each_with_no_blank_between_are_not_one_cell() -> None:
    # 12月 and 1-12月 are two columns' names, though no blank line parts them.
    cells = ["零售总额(亿元)", "387.99", "4600.93", "商品零售额(亿元)", "228.25", "3670.46"]
    cells += ["餐费收入(亿元)", "59.75", "930.46", "其他(亿元)", "1.5", "2.5"]
    text = "指标\n12月\n1-12月\n\n" + "".join(f"{cell}\n\n" for cell in cells)
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert ("387.99", "元") in facts and ("930.46", "元") in facts


def test_groups_each_opening_on_a_total_column_head_their_piped_columns() -> None:
    # 全 市(人) and 构 成(%), then 城镇 and 农村 once per group: each group's first column is
    # its total, headed by the group's name alone, not a flat header of seven names.
    header = ["指 标", "全 市(人)", "构 成(%)", "城镇", "农村", "城镇", "农村"]
    rows = ["年末劳动力资源总计", "1698588", "821250", "877338", "100", "48.3", "51.7"]
    rows += ["经济活动人口", "1368568", "590915", "777653", "100", "43.2", "56.8"]
    rows += ["从业人员", "1348029", "570376", "777653", "100", "42.3", "57.7"]
    text = _piped_lines(*(f"{cell} |" for cell in [*header, *rows]))
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    assert facts[1:4] == [
        ("821250", "人", "年末劳动力资源总计全市城镇"),
        ("877338", "人", "年末劳动力资源总计全市农村"),
        ("100", "%", "年末劳动力资源总计构成"),
    ]
    assert len(facts) == 18


EARLY_RICE = (
    "2031年各地区早稻产量\n"
    "播种面积(千公顷) |\n总产量(万吨) |\n|\n"
    "全国总计 |\n4450.0 |\n2626.5 |\n"
    "北 京 |\n|||\n天 津 |\n|||\n河 北 |\n|||\n"
    "浙 江 |\n98.8 |\n60.3 |\n"
    "上 海 |\n|||\n"
    "安 徽 |\n164.6 |\n101.0 |\n"
)


def test_labels_alone_one_after_another_are_rows_with_no_figures_not_the_tables_end() -> None:
    # Provinces that grow no early rice: each label's empty cells copied as one `|||` line.
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(EARLY_RICE)]
    assert ("98.8", "千公顷", "浙江播种面积") in facts
    assert ("101.0", "吨", "安徽总产量") in facts
    assert len(facts) == 6


STEEL = (
    "2031年粗钢分地区累计产量及同比增长情况 单位:万吨,%\n"
    "地区名称 |\n2030 年累计产量 |\n2031 年累计产量 |\n同比增长 |\n"
    "全国 |\n49489.89 |\n50048.80 |\n1.1 |\n"
    "天津 |\n1612.08 |\n1654.04 |\n2.6 |\n"
    "河北 |\n11047.60 |\n11589.42 |\n4.9 |\n"
)


def test_a_unit_line_listing_units_apart_by_a_comma_is_the_tables_not_a_sentence() -> None:
    facts = {f.text: (f.value, f.unit, f.period) for f in rules_facts(STEEL)}
    assert facts["1654.04"] == (16_540_400, "吨", "2031")
    assert facts["1612.08"] == (16_120_800, "吨", "2030")
    assert facts["2.6"] == (2.6, "%", "2031")


def test_a_second_tables_title_and_header_under_the_first_are_no_rows_of_it() -> None:
    second = (
        "各地区早稻单产 |\n单产(公斤/亩) |\n增长(%) |\n"
        "全国总计 |\n393.5 |\n1.2 |\n浙 江 |\n407.0 |\n2.1 |\n安 徽 |\n380.0 |\n-0.5 |\n"
    )
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(EARLY_RICE + second)]
    assert ("98.8", "千公顷", "浙江播种面积") in facts
    assert ("393.5", "公斤/亩", "全国总计单产") in facts and ("2.1", "%", "浙江单产增长") in facts
    assert len(facts) == 12


def test_labels_alone_whose_empty_cells_are_written_a_pipe_each_or_not_at_all_are_rows() -> None:
    for written in ("|\n|\n", ""):
        facts = [f.text for f in rules_facts(EARLY_RICE.replace("|||\n", written))]
        assert facts == ["4450.0", "2626.5", "98.8", "60.3", "164.6", "101.0"]
