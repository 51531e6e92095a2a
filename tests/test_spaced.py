"""Letter-spaced tables (llmx.tables.spaced): labels written a space between every letter, figures
after them under a header of years, group headings with their unit, and the change rates of a
row in brackets on the line under it. The tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.facts import Fact
from llmx.tables import find_tables
from llmx.tables.spaced import find_spaced

TABLE = (
    "表 3\n"
    "( 丙 ) 对 外 商 品 贸 易\n"
    " \n"
    "  2010   2014 #   2015 #\n"
    "出 口 总 值 ( 十 亿 港 元 )            \n"
    "  以 当 年 价 格 计 算 310.4   355.2   362.9  \n"
    "          (+1.2)   (-3.6)   (+2.2)  \n"
    "  以 固 定 (2012 年 ) 价 格 计 算 298.7   341.0   344.3  \n"
    "          (-0.4)   (+2.9)   (+1.0)  \n"
    "贸 易 组 成            \n"
    "  ( 以 当 年 价 格 计 算 ) ( 亿 港 元 )            \n"
    "  转 口 货 值 (2) 121.0   133.4   140.8  \n"
    "          (+4.5)   (+0.3)   (+5.5)  \n"
    "  存 货 增 减 -6.2   3.1   —  \n"
    "  减 : 货 物 进 口 ( 到 岸 价 ) 118.6   129.9   137.2  \n"
    " \n"
    "( 丁 ) 人 口\n"
)


def _row(facts: list[Fact], indicator: str) -> list[tuple[str, float, str, str | None, str]]:
    return [(f.text, f.value, f.unit, f.period, f.kind) for f in facts if f.indicator == indicator]


def test_a_row_gives_a_figure_a_year_in_its_group_heading_s_unit() -> None:
    assert {table.layout for table in find_tables(TABLE)} == {"spaced"}
    assert _row(rules_facts(TABLE), "出口总值(以当年价格计算)") == [
        ("310.4", 310_400_000_000, "港元", "2010", "level"),
        ("355.2", 355_200_000_000, "港元", "2014", "level"),
        ("362.9", 362_900_000_000, "港元", "2015", "level"),
    ]


def test_a_line_of_bracketed_rates_under_a_row_gives_its_change_each_year() -> None:
    # The sign stays outside the span; the rate is in percent whatever the row's unit.
    assert _row(rules_facts(TABLE), "出口总值(以当年价格计算)按年变动") == [
        ("1.2", 1.2, "%", "2010", "change"),
        ("3.6", 3.6, "%", "2014", "change"),
        ("2.2", 2.2, "%", "2015", "change"),
    ]
    # A row whose name ends in its measure (货值) keeps the name of its change whole.
    assert [f.text for f in rules_facts(TABLE) if f.indicator == "转口货值按年变动"] == [
        "4.5",
        "0.3",
        "5.5",
    ]


def test_a_sub_item_that_says_how_its_group_is_reckoned_is_named_under_the_group() -> None:
    names = [f.indicator for f in rules_facts(TABLE) if f.text in ("298.7", "0.4")]
    assert names == ["出口总值(以固定(2012年)价格计算)", "出口总值(以固定(2012年)价格计算)按年变动"]


def test_a_heading_goes_on_over_a_line_of_brackets_that_gives_its_unit() -> None:
    facts = rules_facts(TABLE)
    assert _row(facts, "转口货值") == [
        ("121.0", 12_100_000_000, "港元", "2010", "level"),
        ("133.4", 13_340_000_000, "港元", "2014", "level"),
        ("140.8", 14_080_000_000, "港元", "2015", "level"),
    ]
    # Other rows of the group are named by their own words, less the footnote mark (2) and
    # the sign word 减; a bracket of words that is no unit (到岸价) stays part of the name.
    assert _row(facts, "货物进口(到岸价)")[0] == ("118.6", 11_860_000_000, "港元", "2010", "level")


def test_a_signed_figure_is_a_change_and_a_dash_is_no_figure() -> None:
    assert _row(rules_facts(TABLE), "存货增减") == [
        ("6.2", 620_000_000, "港元", "2010", "change"),
        ("3.1", 310_000_000, "港元", "2014", "change"),
    ]


def test_the_grid_is_cut_into_parts_by_its_headings_and_ends_at_a_blank_line() -> None:
    [grid] = find_spaced(TABLE)
    assert grid.years == ("2010", "2014", "2015")
    assert [part.heading for part in grid.parts] == [
        "出口总值(十亿港元)",
        "贸易组成(以当年价格计算)(亿港元)",
    ]
    assert grid.start == TABLE.index("  2010")
    assert [p.start for p in grid.parts[1:]] == [p.end for p in grid.parts[:-1]]
    assert grid.parts[-1].end == TABLE.index("137.2") + len("137.2")
    # The header's years, its marks and the captions around the grid are no facts.
    facts = rules_facts(TABLE)
    assert not [f for f in facts if f.start < TABLE.index("310.4")]
    assert len(facts) == 2 * 6 + 6 + 2 + 3  # rates for three rows, a dash for none


def test_a_change_line_that_does_not_give_each_year_a_rate_gives_none() -> None:
    # One rate under two years: which year it is for cannot be told; the rows go on.
    text = (
        "  2019   2020\n"
        "旅 客 人 次 ( 万 )\n"
        "  入 境 人 次 512.0   87.3\n"
        "  出 境 人 次 498.1   80.6\n"
        "          (-83.8)\n"
        "  过 境 人 次 12.4   2.0\n"
        "          (--)   (-83.9)\n"
    )
    [grid] = find_spaced(text)
    rows = [row for part in grid.parts for row in part.rows]
    assert [row.name for row in rows] == ["入境人次", "出境人次", "过境人次"]
    assert [len(row.changes) for row in rows] == [0, 0, 2]
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit, f.period) for f in facts if f.kind == "change"] == [
        ("83.9", 83.9, "%", "2020")
    ]
    assert not [f for f in facts if f.text == "83.8"]


def test_a_row_with_its_own_unit_heads_the_rows_indented_under_it() -> None:
    text = (
        "項 目   2021 年   2022 年   2023 年\n"
        "人 口 ( 万 人 ) 741.3   734.6   749.8*\n"
        "  男 341.2   337.0   343.2\n"
        "  女 400.1   397.6   406.6\n"
        "本 地 生 產 總 值 ( 十 億 港 元 ) 2,867.7   2,817.7   3,003.0\n"
        "  以 環 比 物 量 計 算 2,858.9   2,749.7   2,841.0\n"
    )
    facts = rules_facts(text)
    # A sub-item that names no measure takes its heading's (男 under 人口: 男人口).
    assert _row(facts, "男人口")[0] == ("341.2", 3_412_000, "人", "2021", "level")
    assert _row(facts, "人口")[2] == ("749.8", 7_498_000, "人", "2023", "level")
    assert _row(facts, "本地生產總值(以環比物量計算)")[0] == (
        "2,858.9",
        2_858_900_000_000,
        "港元",
        "2021",
        "level",
    )


def test_one_row_with_its_rates_is_a_grid_in_any_script() -> None:
    text = (
        "表 2\n"
        "  2016#   2017#   2018#\n"
        "本 地 生 產 總 值 （ 十 億 港 元 ）\n"
        "  以 當 時 市 價 計 算 2,490.7   2,659.4   2,835.2\n"
        "          （+4.0%）   （+6.8%）   （+6.6%）\n"
        "註 ： 數 字 為 初 步 數 字 。\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit, f.period, f.kind) for f in facts] == [
        ("2,490.7", 2_490_700_000_000, "港元", "2016", "level"),
        ("2,659.4", 2_659_400_000_000, "港元", "2017", "level"),
        ("2,835.2", 2_835_200_000_000, "港元", "2018", "level"),
        ("4.0", 4.0, "%", "2016", "change"),
        ("6.8", 6.8, "%", "2017", "change"),
        ("6.6", 6.6, "%", "2018", "change"),
    ]
    assert facts[0].indicator == "本地生產總值(以當時市價計算)"


def test_prose_and_tables_with_labels_written_whole_are_left_alone() -> None:
    prose = (
        "  2018   2019   2020\n"
        "全 年 经 济 运 行 平 稳 , 增 长 5.2 6.1 4.8\n"
        "Exports grew 3.1   2.4   1.9\n"
    )
    whole = (
        "  2018   2019   2020\n"
        "地区生产总值(亿元)   812.5   866.0   901.3\n"
        "  第一产业   60.2   61.8   63.0\n"
        "  第二产业   310.4   322.1   330.9\n"
    )
    one_row = "  2018   2019   2020\n出 口 总 值 ( 亿 元 ) 310.4   355.2   362.9\n"
    assert find_spaced(prose) == []
    assert find_spaced(whole) == []
    assert find_spaced(one_row) == []  # one row alone, without its rates, is too little
    assert {table.layout for table in find_tables(whole)} != {"spaced"}


def test_a_header_naming_a_column_of_units_is_no_letter_spaced_grid() -> None:
    # `出 生 率` is spaced out, but `单 位` heads a column of units: each row's unit is in it,
    # as a yearbook aligned in columns writes it.
    text = (
        "指 标                  单 位  1999年  2000年  2002年\n"
        "一、人 口\n"
        "出 生 率               ‰      14.55   12.11   10.35\n"
        "死 亡 率               ‰      4.34    4.59    4.44\n"
        "二、就 业\n"
        "就业者负担人口         人     1.6     1.6     1.5\n"
    )
    assert find_spaced(text) == []
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.period) for f in facts][6:] == [
        ("1.6", "人", "1999"),
        ("1.6", "人", "2000"),
        ("1.5", "人", "2002"),
    ]


def test_a_grid_whose_labels_are_only_half_spaced_out_is_an_aligned_table_not_a_spaced_one() -> (
    None
):
    # `合 计` is spaced out, `#医院` is not: half the labels is not most, so the rows are the
    # aligned reading's, under the unit line above.
    text = (
        "17-3 主要年份各类卫生机构床位数\n单位:张\n"
        "项目                  2010   2015   2016   2017\n"
        "合 计                 1120   1731   1789   1834\n"
        "#医院                 809    1296   1347   1402\n"
        "疗养院                24     26     17\n"
        "卫生院                229    304    303    302\n"
    )
    facts = rules_facts(text)
    assert {fact.unit for fact in facts} == {"张"}
    assert len(facts) == 15
