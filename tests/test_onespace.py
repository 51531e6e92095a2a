"""Tables whose cells are one space apart (llmx.tables.onespace), read through the rules."""

from __future__ import annotations

import random
import re

from reading import rules_facts

from llmx.tables import find_tables
from llmx.tables.onespace import note_at_end


def test_rows_one_space_apart_under_a_header_with_a_unit_column_read_each_figure() -> None:
    # A monthly form as PDF text gives it: a group label under the header, each row's unit
    # the word before its figures.
    lines = ["指标名称 单位 数量 上期", "一、综合", "乡镇级合计 个 1,400 1,399", "1.镇 个 683 680"]
    lines += ["2.乡小计 个 540 541", "街道 个 177 178"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert facts[:2] == [("1,400", "个", "乡镇级合计数量"), ("1,399", "个", "乡镇级合计上期")]
    assert [text for text, _, _ in facts[2:]] == ["683", "680", "540", "541", "177", "178"]


def test_a_header_name_the_page_lost_leaves_a_wider_gap_and_a_column_still() -> None:
    # The page left the second column's name (市区) blank: three spaces where one parts names.
    lines = ["金华市   兰溪市 义乌市 东阳市 永康市"]
    lines += ["参保人数 (人) 1991043 517335 163873 508184 306820 208321"]
    lines += ["失业人数 (人) 23639 5957 2653 4089 3701 3456"]
    lines += ["  #城镇 (人) 216471 6334 4488 13716 3346 2251"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert len(facts) == 18
    assert [text for text, _, _ in facts[:3]] == ["1991043", "517335", "163873"]
    # The column whose name is lost is named by its row alone.
    assert facts[1:3] == [("517335", "人", "参保人数"), ("163873", "人", "参保人数兰溪市")]
    # Among three names a wider gap may be the page's alignment: no column is made up.
    few = ["地区生产总值   第一产业 第二产业", "甲县 100.5 10.2 40.1 50.2"]
    few += ["乙县 90.5 9.2 30.1 51.2", "丙县 80.5 8.2 20.1 52.2"]
    named = [(f.text, f.indicator) for f in rules_facts("\n".join(few) + "\n")]
    assert ("40.1", "甲县第一产业") not in named


def test_a_header_name_spaced_out_letter_by_letter_is_one_column() -> None:
    # `原 煤` and `焦 炭` are names of one column each; `类    别` heads the labels.
    lines = ["单位:万吨标准煤", "类    别 煤合计 原 煤 焦 炭", "1.年初库存量 874.2 768.7 30.1"]
    lines += ["2.一次能源生产量 10021.6 10021.6 0", "3.外省调入量 10831.6 10298.3 533.3"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert facts[:3] == [
        ("874.2", "吨标准煤", "年初库存量"),  # the 合计 column is the row's total
        ("768.7", "吨标准煤", "年初库存量原煤"),
        ("30.1", "吨标准煤", "年初库存量焦炭"),
    ]
    assert len(facts) == 9


def test_rows_of_months_one_space_apart_are_left_to_the_period_readings() -> None:
    # `月份` is no unit column: the months are the rows' periods, not their units.
    lines = ["月份 数值", "01月 50.5", "02月 50.2", "03月 50.3", "04月 50.4"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert all(not fact.unit.endswith("月") for fact in facts)


def test_column_names_that_run_on_to_a_second_header_line_name_the_columns_in_order() -> None:
    # Two years, then the places of the second: the names run on over two lines, after the
    # headings of the labels' and the units' columns.
    lines = ["表3 户籍人口", "项 目 计量单位 2022年 2023年", "甲区 乙县 丙县"]
    lines += ["年末总户数 户 52100 53020 20110 18900 14010"]
    lines += ["年末总人口 人 160230 161050 60020 56010 45020"]
    lines += ["男性 人 81200 81650 30410 28400 22840"]
    (table,) = find_tables("\n".join(lines) + "\n")
    assert [column.header for column in table.columns if column.role == "value"] == [
        "2022年",
        "2023年",
        "甲区",
        "乙县",
        "丙县",
    ]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.period) for f in facts[:2]] == [
        ("52100", "户", "2022"),
        ("53020", "户", "2023"),
    ]
    assert len(facts) == 15 and {f.unit for f in facts} == {"户", "人"}


def test_outline_groups_and_parts_marked_qizhong_stay_inside_the_table() -> None:
    # `(一)行政区划` heads a group as `一、综合` does; `其中:民族乡` is a part of the row above,
    # its colon no sentence's.
    lines = ["指标名称 单位 数量", "一、综合", "(一)行政区划", "乡镇级合计 个 1,212", "1.镇 个 610"]
    lines += ["2.乡小计 个 470", "其中:民族乡 个 95", "3.街道 个 132"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts] == [
        ("1,212", "个"),
        ("610", "个"),
        ("470", "个"),
        ("95", "个"),
        ("132", "个"),
    ]


def test_a_change_in_percent_written_apart_from_its_name_is_one_column() -> None:
    # `比上年同月 ±%` names one column; the first row's label writes the unit its parts share.
    lines = ["本 月 比上年同月 ±% 本月止累计 比上年同期 ±%"]
    lines += [
        "一、接待过夜游客(人次) 3120450 10.2 14100230 12.5",
        "1.入境游客 254010 2.1 1201300 5.3",
    ]
    lines += ["香港同胞 160220 4.0 801100 8.1", "外国人 62030 0.8 300210 3.2"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:4]] == [
        ("3120450", "人次"),
        ("10.2", "%"),
        ("14100230", "人次"),
        ("12.5", "%"),
    ]
    assert len(facts) == 16


def test_as_many_words_before_the_figures_as_the_header_names_are_a_cell_each() -> None:
    # A price sheet: the goods, their grade, their unit and the price's kind, then the figures.
    lines = ["商品名称 规格 计量单位 价格类型 本月平均 上月平均 比上月%"]
    lines += ["菜籽油 桶装一级 元/5升 平均价格 76.7 76.9 -0.3"]
    lines += ["大豆油 桶装一级 元/5升 平均价格 57.7 57.8 -0.2"]
    lines += ["鲜猪肉 精瘦肉 元/500克 平均价格 17.1 18.1 -5.5"]
    (table,) = find_tables("\n".join(lines) + "\n")
    assert [cell.text for cell in table.rows[0].cells[:4]] == [
        "菜籽油",
        "桶装一级",
        "元/5升",
        "平均价格",
    ]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:3]] == [
        ("76.7", "元/5升"),
        ("76.9", "元/5升"),
        ("0.3", "%"),  # a fall's sign goes to its kind, the span to the figure
    ]


def test_rows_whose_label_holds_a_figure_with_its_unit_are_not_one_space_rows() -> None:
    # 粮食 308.12万吨 8.3 under `1998年 比上年增长%`: the amount keeps its own unit.
    lines = ["农产品 1998年 比上年增长%", "粮食 308.12万吨 8.3", "其中:小麦 32.45万吨 3.4"]
    lines += ["玉米 78.29万吨 15.5", "油菜籽 18.54万吨 7.0"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:2]] == [("308.12万吨", "吨"), ("8.3", "%")]


def test_the_tables_month_on_the_line_above_its_header_is_no_header_row() -> None:
    lines = ["民政事业统计月报表", "2021年度 3月", "指标名称 单位 数量", "一、综合", "(一)行政区划"]
    lines += ["乡镇级合计 个 1,212", "1.镇 个 610", "2.乡 个 470", "3.街道 个 132"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts] == [
        ("1,212", "个"),
        ("610", "个"),
        ("470", "个"),
        ("132", "个"),
    ]


def test_groups_over_the_same_years_a_space_apart_name_each_column_by_both() -> None:
    lines = ["表1 某县2024年GDP构成", "分行业 增长% 结构%", "2024年 2023年 2024年 2023年"]
    lines += ["地区生产总值 5.1 4.6 100 100", "第一产业 4.2 3.9 21.5 22.0"]
    lines += ["第二产业 6.0 5.2 35.1 34.2", "第三产业 4.9 4.5 43.4 43.8"]
    (table,) = find_tables("\n".join(lines) + "\n")
    assert [column.header for column in table.columns[1:]] == [
        "2024年增长%",
        "2023年增长%",
        "2024年结构%",
        "2023年结构%",
    ]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.period) for f in facts[:2]] == [
        ("5.1", "%", "2024"),
        ("4.6", "%", "2023"),
    ]
    assert len(facts) == 16


def test_a_grade_in_a_price_sheets_label_is_no_figure_and_a_broken_name_splits_no_label() -> None:
    lines = ["商品名称 规格 计量单位 价格类型 本月平均 上月平均"]
    lines += ["汽油 92号 元/升 平均价格 7.89 7.95", "汽油 95号 元/升 平均价格 8.40 8.46"]
    lines += ["柴油 0号 元/升 平均价格 7.55 7.61"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:2]] == [("7.89", "元/升"), ("7.95", "元/升")]
    assert len(facts) == 6
    # `比上年 增长` is one column's name broken by a space: the labels stay whole.
    lines = ["单位:亿元", "指标 2023年 比上年 增长", "地区生产总值 1234 5.6"]
    lines += ["规模以上 工业增加值 567 6.1", "财政 总收入 89 3.2"]
    labels = {f.indicator for f in rules_facts("\n".join(lines) + "\n")}
    assert not labels & {"工业增加值", "总收入"}


def test_an_empty_cell_written_as_a_space_of_its_own_keeps_the_figures_after_it_in_place() -> None:
    # PDF text of an energy balance: each empty cell a space, each cell a space apart, so
    # three spaces leave one cell out; a row with no figures at all is a row, not a caption.
    lines = [
        "单位:万吨标准煤",
        "项    目 合计 原 煤 洗精煤 焦 炭",
        "1.年初库存量 512.4 480.1 20.3 12.0",
    ]
    lines += ["2.生产量 6200.5 6200.5    ", "3.外轮加油量(-)        "]
    lines += ["4.调入量 3100.2 2980.0   120.2"]
    lines += ["5.调出量(-) -840.6   -840.6  ", "6.年末库存量 498.0 470.2 15.8 12.0"]
    facts = [(f.text, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert ("120.2", "调入量焦炭") in facts  # not 调入量洗精煤, the next column along
    assert facts[9:11] == [("840.6", "调出量"), ("840.6", "调出量洗精煤")]
    assert len(facts) == 15


def test_a_total_row_of_figures_alone_under_the_header_leaves_the_rows_below_it_their_columns() -> (
    None
):
    # The table's total, its label left to the title, stands between the header and the first
    # group; the rows under the groups still read under the header's names.
    lines = ["职工平均工资", "(2020年) 单位:元", "分类 合计 国有 集体 其他"]
    lines += ["           31250 40210 21870 20030", "一、按隶属关系分组"]
    lines += ["        1.中央 52310 55040    ", "        2.省 45120 47030    "]
    lines += ["        3.地区 28040 35100    ", "二、按行业分组", "    1.农业 15120 14980   15300"]
    lines += ["    2.采矿业        ", "    3.制造业 19020 20130 14200 18910"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert facts[:2] == [("52310", "元", "中央合计"), ("55040", "元", "中央国有")]
    assert ("15300", "元", "农业其他") in facts
    assert len(facts) == 13


def test_parts_marked_on_their_first_only_sit_under_the_row_that_writes_the_unit() -> None:
    # `# 吃的商品` marks the first of its parts; `穿的商品` and `用的商品` after it, at its
    # indent, are parts too, under the total's `(億元)`.
    lines = ["指標 本月 比去年同月增長(%) 1-本月 比去年同期增長(%)"]
    lines += [
        "社會消費品零售總額(億元) 512.40 -3.1 2088.15 -2.6",
        "# 批發零售業 470.12 -3.3 1915.30 -2.8",
    ]
    lines += ["住宿餐飲業 42.28 -1.2 172.85 0.9", "# 吃的商品 110.06 4.0 451.27 3.5"]
    lines += ["穿的商品 96.31 -1.2 380.44 0.2", "用的商品 306.03 -3.9 1256.44 -3.0"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(lines) + "\n")]
    assert ("96.31", "元") in facts and ("42.28", "元") in facts
    assert len(facts) == 24


def test_short_rows_with_no_spaces_after_them_keep_their_figures_first() -> None:
    # No short row runs on in spaces: the page does not write an empty cell as a space, and
    # the gaps between a short row's figures say nothing of where its empty cells are.
    lines = ["单位:亿元", "地区 一般预算收入 税收收入 非税收入 政府性基金收入"]
    lines += ["全市 1234.5 2345.6 3456.7 4567.8", "东区 1100.2 1200.3 1300.4 1400.5"]
    lines += ["西区   12.5   23.4", "南区   10.1   11.2"]
    facts = {f.text: f.indicator for f in rules_facts("\n".join(lines) + "\n")}
    assert (facts["12.5"], facts["23.4"]) == ("西区一般预算收入", "西区税收收入")


def test_a_plans_table_with_a_unit_column_dashes_and_a_notes_column_reads_every_figure() -> None:
    # A county's plan as PDF text that lost its alignment: a unit column before groups of
    # years, `-` for an empty cell, and who answers for a target after some rows' figures.
    lines = ["指 标 名 称 单位 2023年完成 2024年计划 责任(牵头)部门", "绝对值 增长% 绝对值 增长%"]
    lines += ["一、产业发展", "地区生产总值 亿元 312.5 6.1 331 6 县发改局"]
    lines += ["规上工业增加值增长 % - - - 8 县工信局", "新增市场主体 户 4200 - 4500 -"]
    lines += ["二、民生保障", "城镇新增就业 人 5100 - 5000 - 县人社局 县总工会"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.period, f.status) for f in facts] == [
        ("312.5", "元", "2023", "actual"),  # 亿元: the unit 元, its magnitude in the value
        ("6.1", "%", "2023", "actual"),
        ("331", "元", "2024", "target"),
        ("6", "%", "2024", "target"),
        ("8", "%", "2024", "target"),
        ("4200", "户", "2023", "actual"),
        ("4500", "户", "2024", "target"),
        ("5100", "人", "2023", "actual"),
        ("5000", "人", "2024", "target"),
    ]


def test_a_group_over_its_parts_heads_its_own_total_column_first() -> None:
    lines = ["表3 从业人员", "指标 全市(人) 构成(%)", "城镇 农村 城镇 农村"]
    lines += ["从业人员 1348029 570376 777653 100 42.3 57.7"]
    lines += ["私营业主 22137 14710 7427 100 66.4 33.6"]
    lines += ["个体户主 132737 60112 72624 100 45.3 54.7"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:6]] == [
        ("1348029", "人"),
        ("570376", "人"),
        ("777653", "人"),
        ("100", "%"),
        ("42.3", "%"),
        ("57.7", "%"),
    ]
    assert len(facts) == 18


def test_a_sign_split_from_its_figure_makes_no_row_wider_than_the_table() -> None:
    # `648.0 - 4.3`: a `-` between two figures may be a sign PDF text set apart; the row it
    # would make a cell too wide is left out, and the other rows keep their columns.
    lines = ["项目 单位 绝对值 增长%", "粮食产量 万吨 648.0 - 4.3", "固定资产投资 亿元 1752.08 4.5"]
    lines += ["金融机构存款余额 亿元 / 4227.6", "(二)工业", "税收收入 亿元 1730.87 2.0"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert ("1752.08", "元", "固定资产投资") in facts
    assert ("2.0", "%", "税收收入增长") in facts
    assert all(any(char.isdigit() for char in text) for text, _, _ in facts)


def test_a_notes_column_no_row_fills_is_still_left_out_of_the_header() -> None:
    lines = ["指标 单位 2023年 2024年 备注", "粮食产量 万吨 52 54", "油料产量 万吨 3 4"]
    lines += ["生猪出栏 万头 12 13"]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n".join(lines) + "\n")]
    assert ("13", "头", "2024") in facts and len(facts) == 6


def test_groups_over_different_names_a_space_apart_name_each_column_by_both() -> None:
    # A monthly sales form as PDF text gives it: three groups, two columns each, the names
    # under them not repeated; the column codes under the header number its columns.
    lines = ["金额单位:万元", "项目 本 年 上年同期 增长(%)"]
    lines += ["本月 1-本月 上年本月 上年1-本月 本月 累计", "甲 1 2 3 4 5 6"]
    lines += ["零售额 2062.6 14179.9 1826.6 12684.2 12.9 11.8"]
    lines += ["城镇 1821.6 12430.6 1609.0 11090.8 13.2 12.1"]
    lines += ["乡村 240.9 1749.1 217.5 1593.4 10.8 9.8"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert facts[1].indicator == "零售额本年1-本月金额"
    assert [f.text for f in facts[:6]] == ["2062.6", "14179.9", "1826.6", "12684.2", "12.9", "11.8"]
    assert [f.unit for f in facts[4:6]] == ["%", "%"]
    assert len(facts) == 18


def test_a_group_label_numbered_in_arabic_brackets_keeps_the_rows_below_in_the_table() -> None:
    lines = ["指标名称 单位 数量 上期 环比", "(一)儿童福利", "1.孤儿数 人 3,280 3,359 -2.35"]
    lines += ["2.事实无人抚养的儿童 人 877", "(二)社会救助", "(1)城市低保"]
    lines += ["城市低保人数 人 62,162 60,682 2.44", "城市低保户数 户 40,437 39,532 2.29"]
    lines += ["(2)农村低保", "农村低保人数 人 412,768 406,503 1.54"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[-3:]] == [
        ("412,768", "人"),
        ("406,503", "人"),
        ("1.54", "%"),
    ]
    assert len(facts) == 13


def test_names_spaced_out_with_their_unit_on_the_last_letter_head_their_groups() -> None:
    # 指 标 全 市(人) 构 成(%): the labels' heading, then two groups over 城镇 and 农村, each
    # with a total column first; a spreadsheet's error (`#DIV/0!`) leaves its row out, not
    # the rows after it, and `总计中:` marks a part as `其中:` does.
    lines = ["3-15 城乡劳动力资源配置情况", "指 标 全 市(人) 构 成(%)", "城镇 农村 城镇 农村"]
    lines += ["一、年末劳动力资源总计 1698588 821250 877338 100 48.3 51.7"]
    lines += ["总计中:当年新增加的劳动力资源 29088 40454 -11366 100 139.1 -39.1"]
    lines += ["#不计入劳动力资源的人数 100 #DIV/0! #DIV/0!"]
    lines += ["二、经济活动人口 1368568 590915 777653 100 43.2 56.8"]
    lines += ["从业人员 1348029 570376 777653 100 42.3 57.7"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:2]] == [("1698588", "人"), ("821250", "人")]
    assert [(f.text, f.unit) for f in facts[4:6]] == [("48.3", "%"), ("51.7", "%")]
    assert [f.text for f in facts[6:8]] == ["29088", "40454"]
    assert [f.text for f in facts[12:14]] == ["1368568", "590915"]
    assert len(facts) == 24


def test_one_group_over_names_below_the_others_a_column_each_is_placed_by_the_rows() -> None:
    # 平均浓度(μg/m3) over SO2 NO2 PM10 PM2.5, the other names over a column each: the rows'
    # figures tell which name the group is.
    lines = ["表1 2019年8月各县(市、区)环境空气质量状况"]
    lines += ["县(市、区) 平均浓度(μg/m3) CO第95百分位数(mg/m3) 达标天数比例(%)"]
    lines += ["SO2 NO2 PM10 PM2.5"]
    lines += ["甲县 8 10 23 18 1.0 100.0", "乙县 5 10 29 18 1.0 100.0"]
    lines += ["丙县 7 12 35 22 1.0 96.8", "丁县 15 16 26 18 0.7 93.5"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:6]] == [
        ("8", "μg/m3"),
        ("10", "μg/m3"),
        ("23", "μg/m3"),
        ("18", "μg/m3"),
        ("1.0", "mg/m3"),
        ("100.0", "%"),
    ]


def test_a_numbered_tables_title_over_its_header_is_no_row_of_groups() -> None:
    lines = ["3-18  分县区茶叶和水果生产", " ", "  单位   甲区 乙区 丙县"]
    lines += ["茶园总面积 公顷 2453 154 18", "果园面积 公顷 1026 778 653"]
    lines += ["柑桔园 公顷 55 7 6", "梨园 公顷 782 153 40"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.indicator) for f in facts[:2]] == [
        ("2453", "公顷", "茶园总面积甲区"),
        ("154", "公顷", "茶园总面积乙区"),
    ]
    assert len(facts) == 12


def test_a_reading_by_the_rows_that_leaves_columns_unnamed_is_left_to_the_others() -> None:
    # A title over the header (`全市 主要经济指标`) looks like a row of groups, but the names
    # do not fit the rows as groups: the figure rows read the table with its names.
    lines = ["单位:亿元", "全市 主要经济指标", "指标 本月 累计 累计增长(%)"]
    lines += ["地区生产总值 512.4 2432.1 5.6", "工业增加值 234.5 1240.1 6.1"]
    lines += ["固定资产投资 210.3 1200.4 3.3", "社会消费品零售总额 150.2 800.3 4.4"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.kind, f.indicator) for f in facts[1:3]] == [
        ("2432.1", "元", "level", "地区生产总值累计"),
        ("5.6", "%", "change", "地区生产总值累计增长"),
    ]


def test_a_spaced_out_heading_before_names_with_their_units_stays_apart() -> None:
    lines = ["地 区 男(人) 女(人) 合计(人)", "全市 5120 4980 10100"]
    lines += ["甲区 2110 2050 4160", "乙区 3010 2930 5940"]
    (table,) = find_tables("\n".join(lines) + "\n")
    assert [column.header for column in table.columns] == ["地 区", "男(人)", "女(人)", "合计(人)"]


def test_a_row_of_spreadsheet_errors_alone_stays_in_its_block_and_out_of_the_table() -> None:
    lines = ["指标名称 单位 数量 上期", "乡镇级合计 个 1,400 1,399", "比上年增长 % #DIV/0!"]
    lines += ["1.镇 个 683 680", "2.乡 个 540 541"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [f.text for f in facts] == ["1,400", "1,399", "683", "680", "540", "541"]


def test_a_rows_note_is_its_last_words_of_chinese_after_a_space_up_to_three() -> None:
    row = "乡镇级合计 1,400 1,399 示范区科技创新局"
    assert note_at_end(row) == (row.index(" 示范区"), "示范区科技创新局")
    row = "农业 12 3.5 区 发改 局"
    assert note_at_end(row) == (row.index(" 区"), "局")
    assert note_at_end("农业 12 3.5") is None  # figures last: no note
    assert note_at_end("示范区科技创新局") is None  # no space before it


# The pattern the walk back replaces, searched for: it tried every place in a line, and a line
# of 100,000 characters of prose took a minute. The two agree on every line.
_NOTE_PATTERN = re.compile(r"(?:\s+([^\s\d%]*[\u4e00-\u9fff][^\s\d%]*)){1,3}\s*$")


def test_the_note_found_walking_back_is_the_one_the_anchored_pattern_finds() -> None:
    pieces = ["农业", " ", "  ", "12", "3.5", "%", "科技创新局", "万吨", "\t", "a", "(注)", "－"]
    chooser = random.Random(9)
    for _ in range(20_000):
        count = chooser.randint(0, 9)
        line = "".join(chooser.choice(pieces) for _ in range(count)).rstrip()
        found = _NOTE_PATTERN.search(line)
        assert note_at_end(line) == (None if found is None else (found.start(), found.group(1)))


def test_rows_under_a_row_that_writes_its_unit_take_it_as_the_pipe_rows_do() -> None:
    # `五星级` and `四星级` are kinds of the guests counted in 人次 above them, not deeper in an
    # outline: the table gives every figure a unit, as it does with its cells between pipes.
    lines = ["指标名称 7月 同比增长(%) 1-7月 同比增长(%)"]
    lines += ["接待住宿者人数(人次) 2033440 -43.5 9748891 -40.9"]
    lines += ["五星级 243413 -46.5 950806 -52.7", "四星级 164636 -61.2 741550 -58.8"]
    lines += ["平均房价(元/间) 553.7 5.6 562.4 6.4", "五星级 905.5 3.9 916 2.7"]
    text = "\n".join(lines) + "\n"
    piped = "\n".join(" | ".join(line.split(" ")) + " |" for line in lines) + "\n"
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert facts == [(f.text, f.unit) for f in rules_facts(piped)]
    assert facts[4:8] == [("243413", "人次"), ("46.5", "%"), ("950806", "人次"), ("52.7", "%")]
    assert facts[-4:] == [("905.5", "元/间"), ("3.9", "%"), ("916", "元/间"), ("2.7", "%")]


def test_a_unit_in_brackets_a_space_after_its_name_is_in_the_same_column() -> None:
    # `同比增长 (%、百分点)`: one column, its unit the rows' percent's points.
    change = "同比增长 (%、百分点)"
    lines = [f"项 目 2019年5月 上年同期 {change} 2019年1-5月 上年同期 {change}"]
    lines += ["平均房价(元/间) 553.7 524.2 5.6 562.4 528.6 6.4"]
    lines += ["三星级 419.9 426.3 -1.5 444 435.8 1.9"]
    lines += ["平均出租率(%) 72.6 71.9 0.7 66.3 66.9 -0.6"]
    lines += ["三星级 65.3 64.2 1.1 57.9 57.6 0.3"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(lines) + "\n")]
    assert len(facts) == 24
    assert facts[2] == ("5.6", "%") and facts[14:18] == [
        ("0.7", "百分点"), ("66.3", "%"), ("66.9", "%"), ("0.6", "百分点"),
    ]  # fmt: skip


def test_a_section_of_its_own_or_a_caption_between_rows_inherits_no_unit_from_above() -> None:
    # `二、从业人员` is a section, no kind of revenue; `钢材` sits under a caption of products.
    sections = ["指标 本月 累计 同比增长(%)", "一、营业收入(万元) 5234 48765 7.3"]
    sections += ["二、从业人员 1234 1200 2.8", "三、企业单位 56 52 7.7"]
    captioned = ["指标 本月 累计 增长(%)", "工业总产值(亿元) 123.4 567.8 6.5"]
    captioned += [
        "轻工业 45.6 200.1 5.2",
        "主要产品产量",
        "钢材 12.3 45.6 3.3",
        "水泥 56.7 234.5 8.1",
    ]
    for lines in (sections, captioned):
        units = {(f.text, f.unit) for f in rules_facts("\n".join(lines) + "\n")}
        assert not {("1234", "元"), ("56", "元"), ("12.3", "元"), ("56.7", "元")} & units
