"""Tables flattened onto one line (llmx.tables.flattened): a web page's table whose rows lost their
line breaks, a title, a header of several rows and the body's rows all between pipes. The
tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.facts import Fact
from llmx.tables import find_tables
from llmx.tables.flattened import find_flattened

# A three-row header: 县别 and the rates through every row, 常住人口 continued by a note and
# its unit, a blank cell (dropped) over the 城区 and 乡镇 groups, each of 人数 and 比重.
_HEADER = (
    "表4-2 各县常住人口和出生率、死亡率(2031年)|县别|常住人口|出生率 (‰)|死亡率 (‰)|(年末)"
    "|城区人口|乡镇人口|(万人)|人数|比重(%)|人数|比重(%)|"
)
_ROWS = (
    "|全市|412.6|250.3|60.66|162.3|39.34|8.15|6.02|||"
    "甲县|88.4|61.2|69.23|27.2|30.77|7.41|5.88|"
    "乙县|120.5|58.1|48.22|62.4|51.78|9.30|6.47|"
    "丙县|64.0|30.9|48.28|33.1|51.72|10.12|7.05|||"
    "丁县|139.7|100.1|71.65|39.6|28.35|7.02|5.61"
)
TABLE = _HEADER + _ROWS


def _row(facts: list[Fact], label: str) -> list[tuple[str, float, str, str, str | None, str]]:
    return [
        (f.indicator, f.value, f.unit, f.kind, f.period, f.text)
        for f in facts
        if f.indicator.startswith(label)
    ]


def test_a_header_of_three_rows_is_laid_out_again_over_the_columns() -> None:
    (grid,) = find_flattened(TABLE)
    assert grid.headers == (
        "县别",
        "常住人口(年末)(万人)",
        "城区人口",
        "城区人口比重(%)",
        "乡镇人口",
        "乡镇人口比重(%)",
        "出生率(‰)",
        "死亡率(‰)",
    )
    assert [TABLE[row[0][0] : row[0][1]] for row in grid.rows] == [
        "全市",
        "甲县",
        "乙县",
        "丙县",
        "丁县",
    ]
    assert grid.title is not None
    assert TABLE[grid.title[0] : grid.title[1]].startswith("表4-2")


def test_each_cell_is_its_row_label_and_its_column_with_the_unit_of_the_counts() -> None:
    facts = rules_facts(TABLE)
    assert {table.layout for table in find_tables(TABLE)} == {"flattened"}
    assert _row(facts, "甲县") == [
        ("甲县常住人口", 884_000, "人", "level", "2031", "88.4"),
        ("甲县城区人口", 612_000, "人", "level", "2031", "61.2"),
        ("甲县城区人口比重", 69.23, "%", "share", "2031", "69.23"),
        ("甲县乡镇人口", 272_000, "人", "level", "2031", "27.2"),
        ("甲县乡镇人口比重", 30.77, "%", "share", "2031", "30.77"),
        ("甲县出生率", 7.41, "‰", "level", "2031", "7.41"),
        ("甲县死亡率", 5.88, "‰", "level", "2031", "5.88"),
    ]


def test_a_row_cut_short_by_the_end_of_the_text_keeps_the_cells_it_has() -> None:
    text = TABLE + "|戊县|51.3|22.0|"
    facts = rules_facts(text)
    assert [(f.indicator, f.value) for f in facts if f.indicator.startswith("戊县")] == [
        ("戊县常住人口", 513_000),
        ("戊县城区人口", 220_000),
    ]


def test_a_header_of_one_row_heads_its_columns_as_written() -> None:
    text = (
        "表1 主要农产品产量|品种|2030年(万吨)|2031年(万吨)|增长(%)|"
        "粮食|61.5|63.0|2.4|油料|4.2|4.0|-4.8|蔬菜|88.1|90.7|3.0|水果|20.6|21.9|6.3"
    )
    (grid,) = find_flattened(text)
    assert grid.headers == ("品种", "2030年(万吨)", "2031年(万吨)", "增长(%)")
    facts = rules_facts(text)
    assert [(f.indicator, f.value, f.unit, f.kind) for f in facts][:3] == [
        ("粮食产量", 615_000, "吨", "level"),  # the title's measure (…产量) names the rows'
        ("粮食产量", 630_000, "吨", "level"),
        ("粮食产量增长", 2.4, "%", "change"),
    ]
    assert [f.period for f in facts][:2] == ["2030", "2031"]


def test_a_table_of_items_and_one_figure_each_is_a_table_too() -> None:
    text = (
        "表1:2031年各类价格指数(以上年为100)\n"
        "类 别 | 2031年 | 居民消费价格 | 102.9 | 一、食品烟酒 | 106.5 | 粮食 | 100.6 | 菜 | 101.0 |"
        " 二、衣着 | 100.2 | 三、居住 | 102.5 | 商品零售价格 | 102.0\n"
    )
    (grid,) = find_flattened(text)
    assert grid.headers == ("类别", "2031年")
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.period) for f in facts][:2] == [
        ("102.9", "", "2031"), ("106.5", "", "2031"),
    ]  # fmt: skip
    assert len(facts) == 7


def test_groups_of_the_same_sub_columns_are_told_apart_by_their_repeats() -> None:
    text = (
        "各区就业人员(万人)|区别|合计|城镇|乡村|男|女|男|女|男|女|"
        "东区|10.1|12.2|8.0|9.1|2.1|3.1|西区|6.3|5.9|4.2|4.0|2.1|1.9|"
        "南区|7.7|7.5|5.0|5.1|2.7|2.4"
    )
    (grid,) = find_flattened(text)
    assert grid.headers == ("区别", "合计男", "合计女", "城镇男", "城镇女", "乡村男", "乡村女")


def test_prose_and_menus_between_pipes_are_no_table() -> None:
    menu = (
        "首页|机构概况|政务公开|政策文件|统计数据|互动交流|办事服务|专题专栏|网站地图|联系我们"
        "|English|无障碍"
    )
    prose = (
        "全年粮食产量61.5万吨|增长2.4%|油料产量4.2万吨|下降4.8%|蔬菜产量88.1万吨|增长3.0%|"
        "水果产量20.6万吨|增长6.3%|肉类产量9.0万吨|增长1.1%|禽蛋产量2.2万吨|增长0.5%"
    )
    assert find_flattened(menu) == []
    assert find_flattened(prose) == []
    assert find_tables(menu) == []


def test_a_table_flattened_with_spaces_opens_on_its_row_labels_header() -> None:
    text = (
        "表1 2031年户籍人口数及其构成\n"
        "指 标 户籍人口数(人) 比重(%) 全县户籍总人口 1494257 100.0 其中:城镇 639996 42.83 "
        "乡村 854261 57.17 其中:0-17岁 469492 31.42 60岁及以上 173829 11.63\n"
    )
    (grid,) = find_flattened(text)
    assert grid.headers == ("指标", "户籍人口数(人)", "比重(%)")
    assert [text[row[0][0] : row[0][1]] for row in grid.rows][-2:] == ["其中:0-17岁", "60岁及以上"]
    facts = {fact.text: fact for fact in rules_facts(text)}
    assert (facts["639996"].unit, facts["42.83"].unit, facts["42.83"].kind) == ("人", "%", "share")


def test_a_table_flattened_with_spaces_after_its_title_reads_each_rows_unit_cell() -> None:
    # A text export that ran the page's title, the table's header and its rows onto the line
    # after a sentence; every row writes its unit in a cell of its own after its label.
    text = (
        "全年接待游客增长较快(见表2)。 表2 旅游情况 2031年5月 指 標 單位 本期 同比增減(%) 累計 "
        "一、接待入境人數 萬人次 4.14 -71.8 31.30 其中: 外國人 萬人次 2.85 -67.5 19.68 "
        "二、接待入境人天數 萬人天 7.09 -67.5 54.27 三、外匯收入 萬美元 1277.30 -67.6 9812.05\n"
    )
    (grid,) = find_flattened(text)
    assert grid.title is not None
    assert text[grid.title[0] : grid.title[1]] == "表2 旅游情况 2031年5月"
    assert grid.headers == ("指標", "單位", "本期", "同比增減(%)", "累計")
    assert [text[row[0][0] : row[0][1]] for row in grid.rows][1] == "其中: 外國人"
    facts = [(fact.text, fact.value, fact.unit) for fact in rules_facts(text)]
    assert facts[:3] == [("4.14", 41400, "人次"), ("71.8", 71.8, "%"), ("31.30", 313000, "人次")]
    assert ("7.09", 70900, "人天") in facts
    assert ("1277.30", 12773000, "美元") in facts


def test_words_a_space_apart_are_no_table_without_the_row_labels_header() -> None:
    line = "全县户籍总人口 1494257 100.0 城镇 639996 42.83 乡村 854261 57.17 男性 769332 51.49"
    assert find_flattened(f"户籍人口 人数 比重 {line}\n") == []


def test_a_table_of_one_row_per_line_is_left_to_the_row_reader() -> None:
    text = (
        "指标 | 2030年 | 2031年 | 增长(%)\n"
        "粮食 | 61.5 | 63.0 | 2.4\n"
        "油料 | 4.2 | 4.0 | -4.8\n"
        "蔬菜 | 88.1 | 90.7 | 3.0\n"
    )
    assert find_flattened(text) == []
    assert {table.layout for table in find_tables(text)} == {"pipe"}


def test_two_rows_of_figures_are_too_few_for_a_table() -> None:
    text = "品种|2030年|2031年|增长(%)|粮食|61.5|63.0|2.4|油料|4.2|4.0|-4.8|注：按可比价格计算"
    assert find_flattened(text) == []


def test_a_header_no_layout_fits_gives_no_table() -> None:
    header = "|".join(["地区", *(f"项目{n}" for n in range(30))])
    rows = "|".join(f"区{n}|" + "|".join(str(10 + k) for k in range(12)) for n in range(4))
    assert find_flattened(f"{header}|{rows}") == []


def test_a_header_whose_row_heading_ran_into_the_title_heads_the_value_columns() -> None:
    # The title's cell ends with the row labels' heading (产品名称), and a sub-row's label
    # opens with 其中: — no sentence for all its colon.
    text = (
        "全年粮食总产量124735吨。 表1 2020年主要农产品产量 产品名称 | 产量(吨) | 比上年增长(%) "
        "| 粮食 | 124735 | 3.2 | 其中:小麦 | 15669 | -3.0 | 玉米 | 82292 | 1.9 |\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind) for f in facts if f.start > 20] == [
        ("124735", "吨", "level"),
        ("3.2", "%", "change"),
        ("15669", "吨", "level"),
        ("3.0", "%", "change"),
        ("82292", "吨", "level"),
        ("1.9", "%", "change"),
    ]


def test_group_rows_inside_a_flattened_table_head_their_rows_under_the_years() -> None:
    text = (
        "9-1 2012-2017年文化事业基本情况 | 指标 | 2012 | 2013 | 2014 | "
        "电影事业 | | | | "
        "电影放映单位(个) | 29 | 29 | 39 | #影剧院 | 10 | 10 | 10 | "
        "电影观众(万人次) | 339 | 513 | 601 | "
        "其他文化事业 | | | | "
        "文化馆(个) | 12 | 12 | 13 | 图书馆藏书(千册) | 7741 | 7035 | 7959 |"
    )
    facts = rules_facts(text)
    by_start = {fact.start: fact for fact in facts}
    first = by_start[text.index("29")]
    assert (first.unit, first.period) == ("个", "2012")
    theatres = by_start[text.index("10 |")]
    assert (theatres.unit, theatres.period) == ("个", "2012")  # a # part in its whole's unit
    books = by_start[text.index("7035")]
    assert (books.value, books.unit, books.period) == (7_035_000, "册", "2013")
    assert not {"2012", "2013", "2014"} & {fact.text for fact in facts}


def test_a_table_of_places_flattened_with_spaces_reads_names_spaced_out_and_long_headers() -> None:
    # A notice ran onto one line with the table it publishes: `地 区` heads the rows, each
    # place's name spaced out to the column's width (`甲 省`), each column's header long but
    # for its unit in brackets, one with a space before its unit (`增速 (%)`).
    text = (
        "统计局 2031年3月2日 现将2030年各省单位产值能耗降低率等指标公布如下: 地 区 "
        "万元地区生产总值能耗上升或下降(±%) 能源消费总量增速 (%) "
        "万元地区生产总值电耗上升或下降(±%) "
        "甲 省 -4.10 -2.3 -1.05 乙 省 2.60 3.1 0.44 丙自治区 -0.85 1.2 -0.37 丁 省 1.30 0.8 2.02\n"
    )
    (grid,) = find_flattened(text)
    assert grid.headers[:3] == ("地区", "万元地区生产总值能耗上升或下降(±%)", "能源消费总量增速(%)")
    assert [text[row[0][0] : row[0][1]] for row in grid.rows] == [
        "甲 省",
        "乙 省",
        "丙自治区",
        "丁 省",
    ]
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind) for f in facts[:3]] == [
        ("4.10", "%", "change"),
        ("2.3", "%", "change"),
        ("1.05", "%", "change"),
    ]
    assert len(facts) == 12
    # A rise written without its sign is a change too, under a header of a rise or fall.
    assert {f.kind for f in facts} == {"change"}
    # The notice's date is the day it was published; the table's figures are 2030's.
    assert {f.period for f in facts} == {"2030"}


def test_single_letter_column_names_after_the_row_labels_header_stay_apart() -> None:
    # `男 女 合计` names three columns; only a name spaced out before its figures is joined.
    text = (
        "2031年末全县户籍人口 指 标 男 女 合计 全县户籍总人口 320510 310220 630730 "
        "城镇人口 150220 148100 298320 乡村人口 170290 162120 332410 外来人口 12000 11000 23000\n"
    )
    (grid,) = find_flattened(text)
    assert grid.headers == ("指标", "男", "女", "合计")
    assert len([f for f in rules_facts(text) if f.unit == "人"]) == 12


def test_a_title_spaced_out_letter_by_letter_does_not_open_the_header() -> None:
    text = (
        "各 地 区 主要指标完成情况如下 地 区 生产总值(亿元) 增速(%) 东 区 320.5 5.1 "
        "西 区 250.1 4.8 南 区 210.2 6.0 北 区 120.3 5.5\n"
    )
    (grid,) = find_flattened(text)
    assert grid.headers == ("地区", "生产总值(亿元)", "增速(%)")
