"""One cell per line, each row a year and its figures, maybe two panels side by side.

A yearbook prints a long series over selected years as two panels side by side: the header
(`年份`, the column names, a group heading one letter per line over them, units on lines
of their own, an English header under it) once per panel, then rows that alternate between
the panels. Copied as text, every cell is a line. Numbers and labels here are invented.
"""

from __future__ import annotations

from llmx.documents import Document
from llmx.rules import RulesExtractor
from llmx.tables import find_tables


def _lines(*cells: str) -> str:
    return "\n".join(cells) + "\n"


TWO_PANELS = _lines(
    "9-4",
    "主要年份棉花产量及单产",
    "output of cotton in selected years",
    *("棉", "花") * 4,
    *("年份", "总产量", "#长绒棉", "单", "产", "#长绒棉") * 2,
    *("(万吨)", "(公斤/亩)") * 2,
    *("year", "total output", "(10000 ton)", "long staple", "yield per mu (kg/mu)", "long staple")
    * 2,
    *("1960", "12.50", "3.10", "41", "44"),
    *("1990", "30.05", "9.75", "77", "80"),
    *("1970", "18.00", "5.25", "52", "58"),
    *("1995", "33.40", "10.20", "81", "85"),
    *("1980", "24.75", "7.70", "63", "—"),
    "注:1985年起为抽样调查数据。",
)


def test_rows_of_two_panels_are_one_table_of_years() -> None:
    [table] = find_tables(TWO_PANELS)
    assert [row.cells[0].text for row in table.rows] == ["1960", "1990", "1970", "1995", "1980"]
    assert [column.role for column in table.columns] == ["period"] + ["value"] * 4


def test_a_sub_item_column_measures_what_the_column_on_its_left_does_in_its_unit() -> None:
    facts = RulesExtractor().extract([Document("d", TWO_PANELS)]).facts
    assert [(f.text, f.value, f.unit, f.indicator, f.period) for f in facts[:4]] == [
        ("12.50", 125000, "吨", "棉花总产量", "1960"),
        ("3.10", 31000, "吨", "#长绒棉总产量", "1960"),
        ("41", 41, "公斤/亩", "棉花单产", "1960"),
        ("44", 44, "公斤/亩", "#长绒棉单产", "1960"),
    ]
    assert len(facts) == 19  # the dash in 1980 is no figure


def test_one_panel_with_units_in_its_column_names() -> None:
    text = _lines(
        "年份",
        "发电量(亿千瓦时)",
        "用电量(亿千瓦时)",
        *("2001", "150.2", "148.9"),
        *("2005", "210.7", "205.3"),
        *("2010", "330.0", "321.4"),
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.indicator, f.period) for f in facts][:2] == [
        ("150.2", "发电量", "2001"),
        ("148.9", "用电量", "2001"),
    ]
    assert len(facts) == 6


def test_panels_whose_headers_differ_are_left_alone() -> None:
    text = _lines(
        *("年份", "人口", "户数"),
        *("年份", "出生率", "死亡率"),
        *("2001", "52.1", "17.3"),
        *("2011", "10.2", "6.1"),
        *("2002", "53.0", "17.6"),
        *("2012", "9.8", "6.3"),
    )
    assert not [table for table in find_tables(text) if table.columns[0].role == "period"]


def test_years_in_prose_lines_are_no_rows() -> None:
    text = _lines(
        "年份",
        "全县粮食生产情况如下。",
        "2001",
        "年粮食总产量",
        "2005",
        "年又有增长。",
    )
    assert find_tables(text) == []


def test_a_unit_line_above_the_header_gives_the_figures_with_no_unit_their_unit() -> None:
    text = _lines(
        "单位:亿元",
        *("年份", "生产总值", "第一产业", "增长率(%)"),
        *("2019", "1200.5", "100.2", "7.1"),
        *("2020", "1250.3", "105.0", "6.8"),
        *("2021", "1300.1", "110.5", "6.5"),
    )
    facts = [
        (f.text, f.unit, f.period) for f in RulesExtractor().extract([Document("d", text)]).facts
    ]
    assert facts[:3] == [("1200.5", "元", "2019"), ("100.2", "元", "2019"), ("7.1", "%", "2019")]
    assert len(facts) == 9


def test_a_unit_line_of_the_table_before_gives_a_table_of_years_no_unit() -> None:
    # 表2's figures are people, which its column names say; 单位:亿元 is 表1's.
    text = _lines(
        *("表1 财政收支", "单位:亿元", "项目", "2023年", "2022年", "收入", "120.5", "110.2"),
        *("支出", "200.1", "190.3", "表2 历年人口", "年份", "出生人口", "死亡人口"),
        *("2019", "6000", "3000", "2020", "5800", "3100", "2021", "5600", "3200"),
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit) for f in facts if f.period == "2019"] == [
        ("6000", "人"),
        ("3000", "人"),
    ]


def test_a_year_header_with_no_rows_under_it_leaves_the_next_header_its_table() -> None:
    # A query form's `年份 2023` over the table: its header reads no table, the next one does.
    text = _lines(
        *("查询条件", "年份", "2023", "年份", "地区生产总值(亿元)", "增长(%)"),
        *("2019", "1000.5", "6.5", "2020", "1100.5", "3.2", "2021", "1200.5", "8.1"),
    )
    facts = [(f.text, f.period) for f in RulesExtractor().extract([Document("d", text)]).facts]
    assert facts[:2] == [("1000.5", "2019"), ("6.5", "2019")]
    assert len(facts) == 6


def test_a_unit_line_gives_no_unit_to_a_count_a_ratio_or_one_of_several_units() -> None:
    def units(caption: str, names: tuple[str, str]) -> list[str]:
        rows = [("2019", "12", "5000"), ("2020", "15", "6000"), ("2021", "18", "7000")]
        text = _lines(caption, "年份", *names, *(cell for row in rows for cell in row))
        return [f.unit for f in RulesExtractor().extract([Document("d", text)]).facts][:2]

    assert units("金额单位:万元", ("项目个数", "投资额")) == ["个", "元"]
    assert units("单位:亿元", ("外贸依存度", "地区生产总值")) == ["", "元"]
    assert units("单位:万人、亿元", ("年末户籍人口", "地区生产总值")) == ["人", ""]
