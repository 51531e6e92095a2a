"""Yearbook sheets of years down the page, figures one space apart, under header words one
space apart (llmx.tables.yearlines). The tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables import find_tables
from llmx.tables.rowlines import row_lines
from llmx.tables.taken import TakenSpans
from llmx.tables.yearlines import year_line_tables

SHEET = (
    "6-8  主要年份能源生产弹性系数\n"
    "Elasticity Ratio of Energy Production in Main Years\n"
    "  能源生产比 新疆生产总值 能源生产\n"
    "上年增长(%) 比上年增长(%) 弹性系数\n"
    "         \n"
    "Growth Rate of Growth Rate of Elasticity Coefficient\n"
    "Year Energy Production Gross Domestic of Energy\n"
    "Over Preceding Product (GDP) Production\n"
    "1980 7.8 7.2 1.08\n"
    "1985 11.6 16.9 0.69\n"
    "1990 5.8 11.7 0.50\n"
)


def test_each_column_is_named_by_its_word_on_each_chinese_header_line() -> None:
    (table,) = find_tables(SHEET)
    assert [column.header for column in table.columns] == [
        "年份", "能源生产比上年增长(%)", "新疆生产总值比上年增长(%)", "能源生产弹性系数",
    ]  # fmt: skip
    assert table.title == "6-8  主要年份能源生产弹性系数"


def test_each_row_gives_its_years_figures_a_coefficient_without_a_unit() -> None:
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts(SHEET)]
    assert facts[:3] == [
        ("7.8", "%", "1980", "change"),
        ("7.2", "%", "1980", "change"),
        ("1.08", "", "1980", "level"),
    ]
    assert len(facts) == 9


def test_a_header_line_of_another_count_or_with_english_words_is_no_such_sheet() -> None:
    english = SHEET.replace("上年增长(%) 比上年增长(%) 弹性系数", "上年增长(%) Growth 弹性系数")
    short = SHEET.replace("上年增长(%) 比上年增长(%) 弹性系数", "上年增长(%) 弹性系数")
    assert year_line_tables(SHEET, row_lines(SHEET), TakenSpans([])) != []
    for text in (english, short):
        assert year_line_tables(text, row_lines(text), TakenSpans([])) == []
