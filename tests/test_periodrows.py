"""Tables whose rows are periods (llmx.tables.periodrows): a header of measure names, then a row per
period (`“八五”时期`, `2016年`) with one figure per measure, separated by spaces. The tables
here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables import find_tables
from llmx.tables.periodrows import find_period_rows, period_of

_NAMED = (
    "3-4  各时期地区生产总值指数\n"
    "(上年=100)\n"
    "时  期 地区生产总值 第一产业 第二产业 第三产业\n"
    "“八五”时期 112.4 104.1 118.6 113.0\n"
    "“九五”时期 110.2 103.8 113.1 111.7\n"
    "“十三五”时期\n"
    "2017年 107.1 103.2 106.4 109.0\n"
    "2018年 106.3 98.7 105.2 108.4\n"
)


def test_a_plan_period_has_no_period_and_a_year_row_is_its_year() -> None:
    facts = rules_facts(_NAMED)
    assert {table.layout for table in find_tables(_NAMED)} == {"periods"}
    assert [(f.text, f.period) for f in facts if f.text in ("112.4", "110.2", "107.1", "98.7")] == [
        ("112.4", None), ("110.2", None), ("107.1", "2017"), ("98.7", "2018"),
    ]  # fmt: skip
    # The heading `“十三五”时期` with no figures is no row; the header's and title's numbers
    # (3-4, 上年=100) are no facts.
    assert len(facts) == 4 * 4


def test_under_a_base_note_the_figures_are_indices_named_by_their_column() -> None:
    facts = rules_facts(_NAMED)
    assert {(f.unit, f.kind, f.status) for f in facts} == {("", "level", "actual")}
    assert [f.indicator for f in facts[:4]] == [
        "地区生产总值指数",
        "第一产业增加值指数",
        "第二产业增加值指数",
        "第三产业增加值指数",
    ]


def test_a_header_that_wrapped_over_lines_leaves_the_columns_to_the_title() -> None:
    text = (
        "表5  各时期地区生产总值指数\n"
        "    轻工业      重工\n"
        "全部工业 业\n"
        "1996-2000年 115.2 113.0 117.5\n"
        "2001-2005年 118.9 114.6 121.0\n"
    )
    [grid] = find_period_rows(text)
    assert grid.names == ("", "", "")
    facts = rules_facts(text)
    assert {(f.indicator, f.period) for f in facts} == {("地区生产总值指数", None)}
    assert len(facts) == 6


def test_labels_name_a_year_a_plan_period_or_a_span_of_years() -> None:
    labels = ("2016年", "1998", "“十一五”时期", "六五", "1996-2000年")
    assert [period_of(label) for label in labels] == ["2016", "1998", "", "", ""]
    assert period_of("全市") is None


def test_prose_and_aligned_tables_of_years_are_left_to_their_readers() -> None:
    prose = "全市经济稳步增长\n2017年 全市地区生产总值增长 7.1%\n2018年 全市地区生产总值增长 6.3%\n"
    assert find_period_rows(prose) == []
    aligned = (
        "年份    地区生产总值(亿元)    增长(%)\n2017年    1200.5    7.1\n2018年    1305.2    6.3\n"
    )
    assert {table.layout for table in find_tables(aligned)} == {"spaces"}
    one_row = "主要指标\n地区生产总值 第一产业\n2018年 106.3 98.7\n"
    assert find_period_rows(one_row) == []


def test_a_name_over_its_unit_gives_each_column_both() -> None:
    text = (
        "各年主要指标\n"
        "年份 地区生产总值 财政收入\n"
        "(亿元) (亿元)\n"
        "2019年 1200.5 98.7\n"
        "2020年 1251.0 101.2\n"
    )
    [grid] = find_period_rows(text)
    assert grid.names == ("地区生产总值(亿元)", "财政收入(亿元)")
    assert [(f.text, f.value, f.unit, f.period, f.indicator) for f in rules_facts(text)][:2] == [
        ("1200.5", 120_050_000_000, "元", "2019", "地区生产总值"),
        ("98.7", 9_870_000_000, "元", "2019", "财政收入"),
    ]


def test_an_english_line_under_the_names_is_their_translation() -> None:
    text = (
        "各时期人均收入指数(上年=100)\n"
        "时期 城镇居民 农村居民\n"
        "Period Urban Residents Rural Residents\n"
        "“十二五”时期 109.8 111.2\n"
        "“十三五”时期 106.9 108.0\n"
    )
    [grid] = find_period_rows(text)
    assert grid.names == ("城镇居民", "农村居民")
    english = "Index of Income\nPeriod Urban Rural\n1996-2000 109.8 111.2\n2001-2005 106.9 108.0\n"
    assert find_period_rows(english) == []


def test_a_yearbook_caption_above_its_english_lines_titles_the_table() -> None:
    # Each caption line has its English under it; the numbered caption four lines up still
    # names the table, and its 构成 makes the percents shares.
    text = (
        "2-12  主要年份生产总值构成\n"
        "Composition of Gross Domestic Product in Main Years\n"
        "按当年价格计算\n"
        "Data in this table are calculated at current prices\n"
        "单位:% (%)\n"
        "年份 生产总值 第一产业 第二产业 第三产业\n"
        "Year GDP Primary Secondary Tertiary\n"
        "2011 100.0 9.3 58.4 32.3\n"
        "2012 100.0 9.3 57.7 33.0\n"
        "2013 100.0 9.9 57.0 33.1\n"
    )
    [table] = find_tables(text)
    assert table.title == "2-12  主要年份生产总值构成 按当年价格计算 单位:% (%)"
    assert {(f.unit, f.kind) for f in rules_facts(text)} == {("%", "share")}


_WRAPPED_BILINGUAL = (
    "农林牧渔业总产值\n"
    "Gross Output Value of Agriculture\n"
    "单位:亿元 (100 million yuan)\n"
    "                 人均\n"
    "      农业 林业   牧业 渔业\n"
    "合计 服务业 总产值 (元)\n"
    "Year Total Farming Forestry Animal Fishery Services Per Capita\n"
    "Husbandry   Output Value\n"
    "   Output (yuan)\n"
    "             \n"
    "1995 81.40 52.16 4.28 11.88 9.05 4.03 212\n"
    "1996 95.73 60.92 4.15 13.77 12.41 4.48 248\n"
    "1997 110.06 70.35 5.80 16.55 12.62 4.74 283\n"
)


def test_a_wrapped_bilingual_header_over_a_blank_line_still_heads_the_rows() -> None:
    [grid] = find_period_rows(_WRAPPED_BILINGUAL)
    assert len(grid.rows) == 3
    facts = rules_facts(_WRAPPED_BILINGUAL)
    assert len(facts) == 3 * 7
    assert [(f.text, f.value, f.unit, f.period) for f in facts[:2]] == [
        ("81.40", 8_140_000_000, "元", "1995"),
        ("52.16", 5_216_000_000, "元", "1995"),
    ]
    assert {f.indicator for f in facts} == {"总产值"}


def test_a_unit_closing_a_wrapped_header_is_the_last_columns() -> None:
    # `(元)` ends the last Chinese header line: the last heading wrapped last, so its unit is
    # the per-capita column's, not the title's 亿元.
    [grid] = find_period_rows(_WRAPPED_BILINGUAL)
    assert grid.names == ("",) * 6 + ("(元)",)
    per_capita = [
        (f.text, f.value, f.unit) for f in rules_facts(_WRAPPED_BILINGUAL) if f.text == "248"
    ]
    assert per_capita == [("248", 248, "元")]


def test_words_two_blank_lines_above_the_rows_are_no_header() -> None:
    text = "地区生产总值 第一产业\n\n\n2017年 1200.5 98.7\n2018年 1305.2 101.3\n"
    assert find_period_rows(text) == []
    # Read last, where nothing else took them, the rows are a table all the same: its
    # columns are named by nothing and write no unit.
    [grid] = find_period_rows(text, headless=True)
    assert grid.names == ("", "")
    assert len(grid.rows) == 2


def test_rows_under_a_header_scattered_over_blank_lines_keep_their_figures_and_years() -> None:
    # A yearbook sheet as a page stores it: the header's cells strewn over blank lines, none
    # of them saying which column it heads. The figures and their years are still facts; the
    # unit and the measure are left unsaid rather than guessed.
    text = (
        "主要年份支出法生产总值\n(按当年价计算)\n年 份 生产总值\n\n(支出法)\n         \n\n\n"
        "(%)\n\n\n\n(%)\n \n \n 资本形成\n    \n (总投资) \n 货物和\n  \n 净流出 \n \n \n \n \n"
        "1949年 12188 11709 184 1.5\n1952年 18185 15702 476 2.6\n1957年 32390 24371 4627 14.3\n"
    )
    assert find_period_rows(text) == []
    facts = rules_facts(text)
    assert [(f.text, f.period, f.unit, f.indicator) for f in facts[:2]] == [
        ("12188", "1949", "", ""), ("11709", "1949", "", ""),
    ]  # fmt: skip
    assert len(facts) == 3 * 4


def test_rows_a_blank_line_broke_off_are_not_taken_from_their_header() -> None:
    text = (
        "比上年增长(%)\n"
        "年份 收入 支出\n"
        "2016 29.0 3.6\n2017 18.3 0.3\n"
        "   \n"
        "2018 12.8 9.8\n2019 11.3 9.7\n"
    )
    assert [len(grid.rows) for grid in find_period_rows(text, headless=True)] == [2]


def test_a_unit_closing_a_wrapped_header_line_is_the_last_columns() -> None:
    text = (
        "3-2 人口自然变动情况\n"
        "单位:万人、‰ (10000 persons, ‰)\n"
        "    出 生 死 亡 人口密度\n"
        "年份 常住人口 Birth Death (人/平方公里)\n"
        "  常住人口 出生人数 出生率 死亡人数 死亡率 人口\n"
        "1978 5064.15 111.23 22.14 27.35 5.44 285\n"
        "1980 5230.00 118.31 22.82 28.40 5.48 294\n"
        "1982 5419.35 123.98 23.09 31.79 5.92 304\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["294"].value, by_text["294"].unit) == (294, "人/平方公里")
    assert (by_text["5230.00"].value, by_text["5230.00"].unit) == (52_300_000, "人")


def test_two_panels_of_years_side_by_side_are_read_one_after_the_other() -> None:
    text = (
        "3-1续表 单位: 人\n"
        " 年 份   年末户籍        总人口     年 份   年末户籍           总人口\n"
        "1991        3335232             647909    2008        3535440             957350\n"
        "1992        3354766             672385    2009        3532186            1004843\n"
        "1993        3377262             694509    2010        3533482            1076352\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert "2009" not in by_text  # the second panel's year is no count of people
    assert (by_text["3532186"].period, by_text["3532186"].unit) == ("2009", "人")
    assert by_text["672385"].period == "1992"


_EARLY_YEARS_SHORT = (
    "表7 耕地和造林面积\n"
    "单位:万公顷\n"
    "年份 耕地面积 水田 旱地 造林面积\n"
    "1960 93.2 0.7\n"
    "1970 90.6 0.5\n"
    "1985 79.5 14.1 65.4 4.0\n"
    "1990 79.6 17.5 62.1 0.9\n"
    "1995 80.7 17.1 63.6 2.6\n"
)


def test_early_years_short_of_later_columns_put_each_figure_in_the_column_of_its_size() -> None:
    [grid] = find_period_rows(_EARLY_YEARS_SHORT)
    first = [_EARLY_YEARS_SHORT[start:end] for start, end in grid.rows[0].cells]
    # 水田 and 旱地 were counted from 1985 on: 0.7 is a forest's size, not a paddy field's.
    assert first == ["93.2", "", "", "0.7"]
    facts = rules_facts(_EARLY_YEARS_SHORT)
    assert [(f.text, f.indicator, f.period) for f in facts[:2]] == [
        ("93.2", "耕地面积", "1960"),
        ("0.7", "造林面积", "1960"),
    ]
    assert len(facts) == 2 * 2 + 3 * 4


def test_a_short_row_whose_figures_fit_no_column_leaves_the_grid_to_its_widest_rows() -> None:
    text = _EARLY_YEARS_SHORT.replace("1970 90.6 0.5", "1970 90600 0.5")
    [grid] = find_period_rows(text)
    assert [text[slice(*row.label)] for row in grid.rows] == ["1985", "1990", "1995"]


def test_one_figure_a_year_under_a_header_naming_it_is_a_series() -> None:
    # `年 出國人次` heads one figure a year: a series in 人次, the visits its header counts.
    text = (
        "國人出國人次\n年 出國人次\n2014年 11841175\n2015年 13181504\n2016年 14583277\n"
        "2017年 15648709\n從數據來看,台灣沒有疫後出國潮\n"
    )
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts == [
        ("11841175", "人次", "2014"),
        ("13181504", "人次", "2015"),
        ("14583277", "人次", "2016"),
        ("15648709", "人次", "2017"),
    ]


def test_one_measure_over_every_column_gives_them_its_unit() -> None:
    # `交通量(輛次)` heads the four columns below it: vehicle trips, each.
    text = (
        "交通流量—中環及灣仔繞道隧道\n\n年份 交通量(輛次)\n東行 西行 雙程合計 平均每日\n"
        "2019 8,674,639 7,774,542 16,449,181 47,541\n2020 8,241,232 7,322,260 15,563,492 42,523\n"
    )
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts[:4] == [
        ("8,674,639", "辆次", "2019"),
        ("7,774,542", "辆次", "2019"),
        ("16,449,181", "辆次", "2019"),
        ("47,541", "辆次", "2019"),
    ]
    assert len(facts) == 8


def _wrapped_yearbook(above: list[str]) -> str:
    """Rows of years under a yearbook's header wrapped over lines, its cells no longer over
    their columns, after the lines `above`."""
    lines = [*above, "房屋销售\t", "年 份\t面 积\t住宅\t办公楼\t商业营\t其他"]
    lines += ["地 区\t# 别墅、高\t#经济适用\t业用房\t", "档 公 寓\t房 屋\t"]
    lines += [
        f"{year}\t{year - 1000}.5\t812.3\t25.4\t121.9\t34.1\t63.1\t17.4\t"
        for year in (1997, 1998, 1999)
    ]
    return "\n".join(lines) + "\n"


def test_a_unit_line_over_a_header_of_several_lines_gives_the_rows_of_years_their_unit() -> None:
    facts = rules_facts(_wrapped_yearbook(["6-45 各地区商品房屋销售面积", "单位:万平方米\t"]))
    assert [(f.text, f.unit, f.value, f.period) for f in facts[:2]] == [
        ("997.5", "平方米", 9_975_000.0, "1997"), ("812.3", "平方米", 8_123_000.0, "1997"),
    ]  # fmt: skip


def test_the_unit_line_of_a_table_above_does_not_reach_the_rows_of_years_below_it() -> None:
    # 单位:万元 is the accounts' above, whose row stands between it and the years' header.
    facts = rules_facts(_wrapped_yearbook(["单位:万元", "收入合计 100.5 120.3 98.7"]))
    assert {f.unit for f in facts if f.text == "997.5"} == {""}


def test_a_unit_line_of_another_table_or_listing_several_units_gives_the_years_none() -> None:
    # A blank line and a new table's title part them; a list, or a measure named with its
    # unit, says no one unit of every column; a figure between is another table's row.
    for above in (
        ["表1 企业个数", "单位:个", "内资企业\t8965", "", "表2 商品房销售"],
        ["单位:个", "表2 商品房销售"],
        ["单位:万平方米/亿元"],
        ["单位：面积：万平方米，金额：亿元"],
        ["单位:%", "增长率 5.2"],
        ["注:单位:亿元"],
        ["单位:万元", "(上年=100)"],
    ):
        units = {f.unit for f in rules_facts(_wrapped_yearbook(above)) if f.text == "997.5"}
        assert units == {""}, above
