"""Tables in every text layout: each cell found with its header's unit, and nothing else.

The fixtures in tests/fixtures/tables/ are small tables modelled on statistical bulletins
(numbers invented), one per layout; next to each, `<name>.expected` lists by hand the facts
ANNOTATION.md asks for, in reading order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reading import rules_facts

from llmx.documents import Document
from llmx.facts import Fact
from llmx.rules import RulesExtractor
from llmx.rules.extractor import in_word
from llmx.tables import Table, find_tables
from llmx.tables.captions import TABLE_NUMBER
from llmx.tables.headers import listed_for_columns, listed_for_header, unit_line_unit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tables"
LAYOUTS = {
    "pipe_trailing": "pipe",
    "pipe_two_headers": "pipe",
    "pipe_caption_unit": "pipe",
    "markdown": "markdown",
    "tab": "tab",
    "spaces": "spaces",
    "cells": "cells",
    "lines": "lines",
    "lines_with_rules": "lines",
}


def _document(name: str) -> Document:
    return Document(id=name, text=(FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))


def _expected(name: str) -> list[tuple[str, float, str, str, str]]:
    rows = []
    for line in (FIXTURES / f"{name}.expected").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, value, unit, kind, indicator = line.split("\t")
            rows.append((text, float(value), unit, kind, indicator))
    return rows


def _table_facts(document: Document) -> tuple[list[Table], list[Fact]]:
    tables = find_tables(document.text)
    facts = RulesExtractor().extract([document]).facts
    inside = [f for f in facts if any(t.start <= f.start < t.end for t in tables)]
    return tables, inside


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_cell_is_found_with_its_headers_unit(name: str) -> None:
    document = _document(name)
    tables, facts = _table_facts(document)
    assert [table.layout for table in tables] == [LAYOUTS[name]]
    assert [(f.text, f.value, f.unit) for f in facts] == [
        (text, value, unit) for text, value, unit, _, _ in _expected(name)
    ]
    assert all(document.text[f.start : f.end] == f.text for f in facts)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_row_labels_name_the_indicator_and_headers_the_kind(name: str) -> None:
    _, facts = _table_facts(_document(name))
    assert [(f.kind, f.indicator) for f in facts] == [
        (kind, indicator) for _, _, _, kind, indicator in _expected(name)
    ]


def test_a_signed_cell_is_a_decline_with_the_minus_outside_its_span() -> None:
    document = _document("pipe_trailing")
    [fact] = [f for f in _table_facts(document)[1] if f.indicator == "固定资产投资增长"]
    assert (fact.text, fact.value, fact.kind) == ("0.2", 0.2, "change")
    assert document.text[fact.start - 1] == "-"


def test_header_years_and_serial_numbers_give_no_facts() -> None:
    document = _document("markdown")
    [table] = find_tables(document.text)
    assert [column.role for column in table.columns] == [
        "other",
        "indicator",
        "value",
        "value",
        "value",
    ]
    two_headers = find_tables(_document("pipe_two_headers").text)[0]
    assert [column.period for column in two_headers.columns] == [None, "2023", "2023", "2022"]


def test_a_serial_column_without_a_header_is_recognised_by_its_numbering() -> None:
    text = "表 主要指标\n | 指标 | 绝对量(亿元)\n1 | 地区生产总值 | 812.5\n2 | 财政收入 | 61.2\n"
    [table] = find_tables(text)
    assert [column.role for column in table.columns] == ["other", "indicator", "value"]


def test_prose_around_a_table_is_still_read() -> None:
    facts = RulesExtractor().extract([_document("pipe_trailing")]).facts
    assert facts[-1].text == "68.4%"


def test_aligned_columns_put_a_row_with_a_blank_cell_under_the_right_header() -> None:
    [table] = find_tables(_document("spaces").text)
    last = table.rows[-1]
    assert [cell.text for cell in last.cells] == ["其他制造业", "", "3.1"]


def test_an_aligned_header_standing_right_of_the_labels_heads_the_first_figures() -> None:
    # The header names the four value columns alone; its first word stands over the first
    # figures, not over the labels, so those figures are 本月's, not lost to the labels.
    text = (
        "                         本 月      比上年同月±%  本月止累计   比上年同期±%\n"
        "接待过夜游客(人次)       32275456   12.27         144004010    14.36\n"
        "台湾同胞                 205147     -7.82         908939       -0.35\n"
    )
    [table] = find_tables(text)
    assert [column.header for column in table.columns][:2] == ["", "本 月"]
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind) for f in facts[:2]] == [
        ("32275456", "人次", "level"),
        ("12.27", "%", "change"),
    ]
    assert len(facts) == 8


def test_a_header_set_flush_left_whose_first_word_names_a_period_heads_the_first_figures() -> None:
    # Copied as text, the header starts at the line's start though it names the value columns
    # alone: 本 月 names a period, no labels, so the rows' first figures are 本月's.
    text = (
        "本 月  比上年同月 ±%  本月止累计  比上年同期 ±%\n"
        "一、接待过夜游客(人次)  32275456  12.27  144004010  14.36\n"
        "台湾同胞  205147  -7.82  908939  -0.35\n"
        "香港同胞  1634171  4.19  8066893  8.35\n"
    )
    facts = [(f.text, f.unit, f.kind) for f in rules_facts(text)]
    assert facts[:4] == [
        ("32275456", "人次", "level"),
        ("12.27", "%", "change"),
        ("144004010", "人次", "level"),
        ("14.36", "%", "change"),
    ]
    assert len(facts) == 12


def test_a_header_of_two_lines_copied_flush_left_heads_the_figures_alone() -> None:
    # Two groups over two years each, both lines set from the line's start: the years head
    # the figures, so each line gets an empty heading over the labels.
    text = (
        "机构数(个)          床位数(张)\n"
        "2013年              2012年      2013年  2012年\n"
        "医院                1490        1426    286183  255888\n"
        "#综合医院           991         964     189971  171030\n"
        "中医医院            97          89      36410   31864\n"
    )
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts[:4] == [
        ("1490", "个", "2013"),
        ("1426", "个", "2012"),
        ("286183", "张", "2013"),
        ("255888", "张", "2012"),
    ]
    assert len(facts) == 12


def test_prose_with_double_spaces_is_not_a_table() -> None:
    text = "全年完成投资120亿元，  增长5%。\n同比提高  2个百分点，  全年目标完成。\n"
    assert find_tables(text) == []


def test_a_group_label_row_without_pipes_does_not_end_the_table() -> None:
    text = (
        "序号 | 指标名称 | 2024年目标\n"
        "1 | 地区生产总值增速（%） | 6.5\n"
        "一、推动高质量发展\n"
        "2 | 农业增加值增速（%） | 5\n"
    )
    # The group's row heads the rows under it: they are a part of the table under that parent,
    # named by its words without its number.
    tables = find_tables(text)
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(table.parent, len(table.rows)) for table in tables] == [
        ("", 1),
        ("推动高质量发展", 1),
    ]
    assert tables[0].columns == tables[1].columns
    assert [(f.text, f.unit, f.indicator) for f in facts] == [
        ("6.5", "%", "地区生产总值增速"),
        ("5", "%", "农业增加值增速"),
    ]


def test_a_stacked_header_flattened_out_of_order_names_no_column_wrongly() -> None:
    # Header cells wrapped over lines: their count no longer matches the rows' cells. The
    # rows still count the columns, and the caption's unit says what their numbers are; no
    # column is named from the scrambled header, and without a unit line there is no table.
    header = "县别\n2023年\n自有\n财源(B)\n收入(A)\n占比\n(B/A)\n"
    rows = "甲县\n12.5\n20.1\n62.19%\n乙县\n8.4\n15.0\n56.00%\n"
    text = "表3 各县自有财源占比\n单位:港币亿元;%\n" + header + rows
    [table] = find_tables(text)
    assert [(column.role, column.header) for column in table.columns[1:]] == [("value", "")] * 3
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.value, f.unit, f.indicator) for f in facts] == [
        ("12.5", 1.25e9, "元", "甲县"),
        ("20.1", 2.01e9, "元", "甲县"),
        ("62.19%", 62.19, "%", "甲县"),
        ("8.4", 8.4e8, "元", "乙县"),
        ("15.0", 1.5e9, "元", "乙县"),
        ("56.00%", 56.0, "%", "乙县"),
    ]
    assert find_tables("表3 各县自有财源占比\n" + header + rows) == []


def test_a_formula_in_brackets_is_not_a_unit() -> None:
    text = "地区 | 自有财源(B) | 占比(B/A)\n甲县 | 12.5 | 62.19\n乙县 | 8.4 | 56.00\n"
    [table] = find_tables(text)
    assert [column.unit for column in table.columns] == [None, None, None]


def test_an_indicator_page_with_a_bilingual_unit_column_and_period_rows() -> None:
    # A web page of indicators: a unit column in two languages (亿元/ 108 CNY lost its
    # superscript), a row of periods above each indicator, a footnote mark on a header, and
    # the year's level with its growth in brackets under a header naming both.
    text = (
        "主要经济指标\n"
        "指标 | 单位 | 最新年度数据 (同比变动) | 最新数据 (Q3) | 最新数据 (Q4) | 按季变动注1 |\n"
        "2024 | 2024 Q3 | 2024 Q4 | | | |\n"
        "地区生产总值 (GDP)1 | 亿元/ 108 CNY | 1,250 (↑4.1%) | 310.2 | 335.6 | ↑ 8.2% |\n"
        "2024 | 2024 Q3 | 2024 Q4 | | | |\n"
        "城镇登记失业率 | 百分比 / % | 3.2% (-0.3%) | 3.3% | 3.1% | -0.2% |\n"
        "人均可支配收入 | 元 / CNY | 45,210 (↑ 5.0%) | – | – | – |\n"
    )
    [table] = find_tables(text)
    assert [column.role for column in table.columns] == [
        "indicator", "unit", "value", "value", "value", "value",
    ]  # fmt: skip
    assert len(table.rows) == 3  # the period rows hold no values
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("1,250", 125_000_000_000, "元"),
        ("4.1%", 4.1, "%"),
        ("310.2", 31_020_000_000, "元"),
        ("335.6", 33_560_000_000, "元"),
        ("8.2%", 8.2, "%"),
        ("3.2%", 3.2, "%"),
        ("0.3%", 0.3, "%"),
        ("3.3%", 3.3, "%"),
        ("3.1%", 3.1, "%"),
        ("0.2%", 0.2, "%"),
        ("45,210", 45_210, "元"),
        ("5.0%", 5.0, "%"),
    ]


BOX_TABLE = (
    "                 某鄉公所歲入預算表\n"
    "                                       單位:新台幣千元\n"
    "────────────┬──────┬──────┬──────\n"
    "   科     目   │            │            │本年度與上年\n"
    "               │本年度預算數│上年度預算數│\n"
    "               │            │            │  比    較\n"
    "────────────┼──────┼──────┼──────\n"
    "一、稅 課 收 入│     42,150 │     40,300 │      1,850\n"
    "  1.房屋稅     │          - │      1,200 │     -1,200\n"
    "               │            │            │\n"
    "二、規費收入   │      3,875 │      3,920 │        -45\n"
)


def test_a_box_drawn_table_reads_its_columns_by_where_they_stand() -> None:
    # Box characters cut the cells; a header cell over two lines is one header, a `-` cell
    # holds no value, and the comparison column is an amount in the table's unit.
    [table] = find_tables(BOX_TABLE)
    assert table.layout == "box"
    assert [(c.header, c.role, c.status) for c in table.columns] == [
        ("科目", "indicator", None),
        ("本年度預算數", "value", "target"),
        ("上年度預算數", "value", "target"),
        ("本年度與上年比較", "value", "target"),
    ]
    facts = RulesExtractor().extract([Document("d", BOX_TABLE)]).facts
    cells = [(f.text, f.value, f.unit, f.kind) for f in facts if f.start > BOX_TABLE.index("一、")]
    assert cells == [
        ("42,150", 42_150_000, "元", "level"),
        ("40,300", 40_300_000, "元", "level"),
        ("1,850", 1_850_000, "元", "change"),
        ("1,200", 1_200_000, "元", "level"),
        ("1,200", 1_200_000, "元", "change"),
        ("3,875", 3_875_000, "元", "level"),
        ("3,920", 3_920_000, "元", "level"),
        ("45", 45_000, "元", "change"),
    ]
    assert facts[0].indicator == "稅課收入"  # less its numbering and padding


OVERFLOWING_BOX_TABLE = (
    "                 某縣歲入比較分析表          單位:新台幣千元;%\n"
    "────────────┬───────────┬───────────┬───────────\n"
    "            │  本 年 度 預 算 數 │  上 年 度 預 算 數 │ 本年度與上年度比較\n"
    " 項        目 ├───────┬───┼───────┬───┼───────┬───\n"
    "            │ 金   額 │百分比│ 金   額 │百分比│ 金   額 │增加率\n"
    "────────────┼───────┼───┼───────┼───┼───────┼───\n"
    " (一)歲入       │ 1,295,182,922│ 100.0│ 1,269,158,575│ 100.0│  26,024,347│  2.1\n"
    "  1.直接稅收入    │  532,989,000│ 41.2│  560,878,000│ 44.2│  -27,889,000│ -5.0\n"
)


def test_a_box_table_whose_figures_overflow_their_columns_reads_its_cells_in_order() -> None:
    # The figures push each row's verticals out of line with the header's: a row cut into
    # as many cells as there are columns is read in order; 百分比 is a share in percent and
    # 增加率 a rate, though its group says 比較.
    facts = RulesExtractor().extract([Document("d", OVERFLOWING_BOX_TABLE)]).facts
    body = OVERFLOWING_BOX_TABLE.index("(一)")
    cells = [(f.text, f.value, f.unit, f.kind) for f in facts if f.start > body][:6]
    assert [cell[:3] for cell in cells] == [
        ("1,295,182,922", 1_295_182_922_000, "元"),
        ("100.0", 100.0, "%"),
        ("1,269,158,575", 1_269_158_575_000, "元"),
        ("100.0", 100.0, "%"),
        ("26,024,347", 26_024_347_000, "元"),
        ("2.1", 2.1, "%"),
    ]
    assert (cells[1][3], cells[5][3]) == ("share", "change")


NOTES_TABLE = (
    "                 某鄉公所歲出預算表\n"
    "                                       單位:新台幣千元\n"
    "────────────┬──────┬──────┬──────────────\n"
    "   科     目   │本年度預算數│上年度預算數│      說          明\n"
    "────────────┼──────┼──────┼──────────────\n"
    "  道路養護     │     18,240 │     17,905 │1.道路養護本年度預算數18,24\n"
    "               │            │            │  0千元,較上年度增加 335千\n"
    "               │            │            │  元。\n"
    "  公園管理     │      6,020 │      6,110 │2.減少90千元。\n"
)


def test_a_note_that_wrapped_in_a_notes_column_reads_as_one_paragraph() -> None:
    # A sum cut by the wrap (18,24 | 0千元, 335千 | 元) is one quantity, spanning only the
    # words on its first line where it runs over the cut; the row's cells stay table cells.
    [table] = find_tables(NOTES_TABLE)
    assert table.columns[-1].header == "說明" and table.columns[-1].role == "other"
    facts = RulesExtractor().extract([Document("d", NOTES_TABLE)]).facts
    notes = [f for f in facts if f.start > NOTES_TABLE.index("1.道路")]
    assert [(f.text, f.value, f.unit) for f in notes] == [
        ("18,24", 18_240_000, "元"),
        ("335千", 335_000, "元"),
        ("6,020", 6_020_000, "元"),
        ("6,110", 6_110_000, "元"),
        ("90千元", 90_000, "元"),
    ]
    assert notes[0].indicator == "道路養護本年度預算數"


def test_prose_between_two_tables_with_notes_stays_prose() -> None:
    text = NOTES_TABLE + "全年新增道路里程12公里。\n" + NOTES_TABLE
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [f.text for f in facts if f.unit == "公里"] == ["12公里"]
    assert len(facts) == 2 * 7 + 1


def test_a_box_table_without_a_notes_column_leaves_its_text_to_its_cells() -> None:
    facts = RulesExtractor().extract([Document("d", BOX_TABLE)]).facts
    assert all(f.unit == "元" for f in facts) and len(facts) == 8


def test_a_two_row_header_names_each_column_by_its_group_and_its_own_name() -> None:
    # The lower header row names the sub-columns of the upper row's groups only; the body
    # tells which upper cells are groups (decimals stand under the `%` headers).
    text = (
        "某县2022年1-6月税收完成情况\n"
        "表二 | 单位:万元 | ||||||\n"
        "科 目 | 年初预算 | 累计 | 当月 | 累计为预算% | |||\n"
        "本期 | 同期 | 增减率% | 本期 | 同期 | 增减率% | ||\n"
        "房产税 | 5,200 | 2,610 | 2,480 | 5.2 | 430 | 455 | -5.5 | 50.2 |\n"
        "契税 | 8,100 | 3,902 | 4,120 | -5.3 | 611 | 598 | 2.2 | 48.2 |\n"
    )
    [table] = find_tables(text)
    assert [column.header for column in table.columns[1:]] == [
        "年初预算",
        "累计本期",
        "累计同期",
        "累计增减率%",
        "当月本期",
        "当月同期",
        "当月增减率%",
        "累计为预算%",
    ]
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit, f.status, f.kind, f.period) for f in facts][:8] == [
        ("5,200", "元", "target", "level", "2022"),
        ("2,610", "元", "actual", "level", "2022"),
        ("2,480", "元", "actual", "level", "2021"),  # 同期: the same months a year before
        ("5.2", "%", "actual", "change", "2022"),
        ("430", "元", "actual", "level", "2022"),
        ("455", "元", "actual", "level", "2021"),
        ("5.5", "%", "actual", "change", "2022"),
        ("50.2", "%", "actual", "share", "2022"),
    ]


def test_years_over_two_sub_columns_are_the_groups_not_a_column_of_departments() -> None:
    # Tab rows lose the header's spans as pipes do; the groups are the years, whose columns
    # hold figures, not the departments' column, whose cells are names.
    text = (
        "某市2024年发展计划主要指标\n"
        "指标\t单位\t2023年完成\t2024年计划\t牵头部门\t\n"
        "总量\t增长%\t总量\t增长%\t\n"
        "一、经济发展\t\n"
        "地区生产总值\t亿元\t520\t6.1\t550\t6.5\t市发展改革委\t\n"
        "社会消费品零售总额\t亿元\t210\t5.2\t222\t6\t\n"
        "实际使用外资\t亿美元\t3.1\t-4\t3.3\t6\t市商务局\t\n"
    )
    [table] = find_tables(text)
    assert [column.header for column in table.columns[2:6]] == [
        "2023年完成总量",
        "2023年完成增长%",
        "2024年计划总量",
        "2024年计划增长%",
    ]
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit, f.status, f.kind, f.period) for f in facts][:4] == [
        ("520", "元", "actual", "level", "2023"),
        ("6.1", "%", "actual", "change", "2023"),
        ("550", "元", "target", "level", "2024"),
        ("6.5", "%", "target", "change", "2024"),
    ]


def test_a_row_broken_over_lines_that_open_with_a_pipe_is_one_row() -> None:
    # `|` closing one line and `|` opening the next close an empty cell between them.
    text = (
        "单位:万元\n"
        "地区 | 收入 | 比重% | 支出 | ||||\n"
        "当月 | 完成预算% | 增幅% | 当月 | 完成预算% | 增幅% |\n"
        "甲区 | 410 |\n"
        "| 6.1 | 62.5 | 880 |\n"
        "| -3.2 |\n"
        "乙区 | 220 |\n"
        "| 4.4 | 58.0 | 530 |\n"
        "| 1.9 |\n"
    )
    [table] = find_tables(text)
    assert [cell.text for cell in table.rows[0].cells] == [
        "甲区", "410", "", "6.1", "62.5", "880", "", "-3.2",
    ]  # fmt: skip
    assert [column.header for column in table.columns] == [
        "地区", "收入当月", "收入完成预算%", "收入增幅%", "比重%",
        "支出当月", "支出完成预算%", "支出增幅%",
    ]  # fmt: skip


def test_a_row_whose_cells_go_on_a_line_each_under_a_header_written_a_cell_a_line() -> None:
    # A web table as the page store gives it: each cell closed by a pipe, most rows on a line,
    # some cells a line each; the header a cell a line, two groups over 本月 | 累计.
    text = (
        "旅游基本情况 2005.8 | ||||\n"
        "|\n"
        "本年实际 |\n"
        "比上年同期增减% | ||\n"
        "本月 |\n"
        "累计 |\n"
        "本月 |\n"
        "累计 | |\n"
        "一、接待过夜人数(万人次) | 121.56 |\n"
        "989.88 |\n"
        "10.1 |\n"
        "6.2 |\n"
        "海外旅游者 | 3.87 | 27.82 | 78.3 | 40.2 |\n"
        "#外国人 | 1.79 | 16.52 | 79.0 | 48.4 |\n"
        "二、旅游收入(亿元) | 9.71 | 81.25 | 11.2 | 9.7 |\n"
        "境外旅游收入 | 1.03 | 6.56 | 117.0 | 55.9 |\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind, f.period) for f in facts[:4]] == [
        ("121.56", "人次", "level", "2005"),
        ("989.88", "人次", "level", "2005"),
        ("10.1", "%", "change", "2005"),
        ("6.2", "%", "change", "2005"),
    ]
    assert [fact.text for fact in facts] == [
        "121.56", "989.88", "10.1", "6.2", "3.87", "27.82", "78.3", "40.2",
        "1.79", "16.52", "79.0", "48.4", "9.71", "81.25", "11.2", "9.7",
        "1.03", "6.56", "117.0", "55.9",
    ]  # fmt: skip
    # The rows under a numbered row are in its unit, `#外国人` too, and named under it.
    by_text = {fact.text: fact for fact in facts}
    assert [by_text[v].unit for v in ("3.87", "27.82", "78.3", "1.79", "1.03", "117.0")] == [
        "人次", "人次", "%", "人次", "元", "%",
    ]  # fmt: skip
    assert by_text["3.87"].indicator == "海外旅游者接待过夜人数"


def test_rows_every_one_of_which_the_page_broke_the_same_way_are_joined_whole() -> None:
    # No row is whole on its line: each label row holds one figure and goes on over two lines
    # of figures, so the rows that open with a label cannot give the table's width.
    text = (
        "本 月 |\n比上年同月 |\n本月止累计 |\n比上年同期 | |\n"
        "一、接待过夜游客(人次) | 11178898 |\n-14.85 |\n93378082 | 9.02 |\n"
        "1、入境游客 | 1674624 |\n-53.35 |\n14860410 | 9.71 |\n"
        "其中:台湾同胞 | 151442 |\n-63.89 |\n1607296 | -1.88 |\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind) for f in facts[:4]] == [
        ("11178898", "人次", "level"),
        ("14.85", "%", "change"),
        ("93378082", "人次", "level"),
        ("9.02", "%", "change"),
    ]
    assert len(facts) == 12


def test_ranked_rows_that_open_with_their_rank_are_not_joined_to_the_row_above() -> None:
    # `1 | 银川市 | 288.2 |` opens with a figure but holds its label: a row of its own, though
    # the wider table right under the ranking leaves room to join it to the row above.
    text = (
        "排行 | 地区 | 年末常住人口(万人) |\n"
        "1 | 银川市 | 288.2 |\n2 | 吴忠市 | 139.2 |\n3 | 固原市 | 114.8 |\n"
        "城市 | 2015年 | 2016年 | 2017年 | 2018年 | 2019年 |\n"
        "银川市 | 2164119 | 2191098 | 2225391 | 2250560 | 2293085 |\n"
    )
    facts = [(f.text, f.value, f.unit) for f in rules_facts(text)]
    assert facts[:3] == [
        ("288.2", 2_882_000, "人"),
        ("139.2", 1_392_000, "人"),
        ("114.8", 1_148_000, "人"),
    ]


def test_a_title_above_a_header_written_a_cell_a_line_is_no_group_of_its_columns() -> None:
    text = (
        "收养类单位基本情况(2003年) |\n"
        "指 标 |\n"
        "床位(张) |\n"
        "年末人数(人) |\n"
        "总 计 |\n"
        "95451 | 80114 |\n"
        "社会福利院 | 7946 | 6144 |\n"
    )
    [table] = find_tables(text)
    assert [column.header for column in table.columns] == ["指 标", "床位(张)", "年末人数(人)"]
    assert [cell.text for cell in table.rows[0].cells] == ["总 计", "95451", "80114"]


def test_a_unit_cell_the_header_leaves_unnamed_gives_its_row_and_sub_items_their_unit() -> None:
    # The header names the places alone and ends in an empty cell; most rows write their
    # unit in brackets after the label, a `#` sub-item none (its parent's), and the next row
    # that writes one heads a group of its own.
    text = (
        "| 指标 | 甲市 | 乙县 | |\n"
        "| 全年供水总量 | (万立方米) | 18170 | 6311 |\n"
        "| #生活用水量 | 7970 | 2047 | |\n"
        "| 年末生活用水人口 | (万人) | 169.95 | 43.77 |\n"
        "| 全年液化气供气总量 | (吨) | 60632 | 12899 |\n"
        "| #家庭用量 | 55579 | 12512 | |\n"
    )
    facts = [(f.text, f.value, f.unit) for f in rules_facts(text)]
    assert facts == [
        ("18170", 181_700_000, "立方米"),
        ("6311", 63_110_000, "立方米"),
        ("7970", 79_700_000, "立方米"),
        ("2047", 20_470_000, "立方米"),
        ("169.95", 1_699_500, "人"),
        ("43.77", 437_700, "人"),
        ("60632", 60632, "吨"),
        ("12899", 12899, "吨"),
        ("55579", 55579, "吨"),
        ("12512", 12512, "吨"),
    ]


def test_aligned_rows_under_header_words_a_space_apart_take_the_listed_units_by_column() -> None:
    # A yearbook sheet from a PDF: its header words one space apart over two lines, the
    # total's row unlabelled; 个 and 张 go to the columns that count no persons, in order.
    text = (
        "17-6  卫生机构、床位和人员情况\n"
        "         (2023) 单位:个、张、人\n"
        "  机构数 床位数 人员数\n"
        "卫生技术人员 管理人员\n"
        "           3186        27840        31832        25381        1770\n"
        "一、医院          92        19833        17965        15127        1210\n"
        "    综合医院          53         9955        10765         9106         667\n"
    )
    facts = [(f.text, f.unit, f.period, f.indicator) for f in rules_facts(text)]
    assert facts[:5] == [
        ("3186", "个", "2023", "机构数"),
        ("27840", "张", "2023", "床位数"),
        ("31832", "人", "2023", "人员数"),
        ("25381", "人", "2023", "卫生技术人员"),
        ("1770", "人", "2023", "管理人员"),
    ]
    assert len(facts) == 15


def test_listed_units_pair_with_columns_only_one_to_one_besides_persons() -> None:
    listed = ("个、张、人", 1.0)
    assert listed_for_columns(listed, ["机构数", "床位数", "人员数", "管理人员"]) == [
        ("个", 1.0), ("张", 1.0), ("人", 1.0), ("人", 1.0),
    ]  # fmt: skip
    assert listed_for_columns(listed, ["机构数", "人员数"]) is None  # 张 for no column
    assert listed_for_columns(("个、张", 1.0), ["机构数", "床位数", "人员数"]) is None


def test_header_rows_wrapped_under_a_spanning_stub_go_right_as_far_as_their_units_say() -> None:
    # 地 区 spans the three header rows; the wrapped words and units of the others come packed
    # to the left. The hours belong to the last two columns: the first has its unit (套) already.
    text = (
        "| 地 区 | 公共广播节目套数 | 全年公共广播 | 全年制作广播 |\n"
        "| (套) | 节目播出时间 | 节目时间 | |\n"
        "| (小时) | (小时) | ||\n"
        "| 总 计 | 2587 | 13057496 | 6936960 |\n"
        "| 北 京 | 18 | 120292 | 118222 |\n"
    )
    [table] = find_tables(text)
    assert [column.header for column in table.columns] == [
        "地 区",
        "公共广播节目套数(套)",
        "全年公共广播节目播出时间(小时)",
        "全年制作广播节目时间(小时)",
    ]
    assert [(f.text, f.unit) for f in rules_facts(text)][:3] == [
        ("2587", "套"), ("13057496", "小时"), ("6936960", "小时"),
    ]  # fmt: skip


def test_groups_over_years_repeated_with_no_corner_cell_in_either_header_row() -> None:
    # Neither header row keeps the cell over the row labels: each upper cell is a group over
    # the two years the lower row repeats.
    text = (
        "机构数(个) | 床位数(张) | |||\n"
        "2013年 | 2012年 | 2013年 | 2012年 | |\n"
        "总计 | 31001 | 31054 | 368287 | 333135 |\n"
        "医院 | 1490 | 1426 | 286183 | 255888 |\n"
    )
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)][:4]
    assert facts == [
        ("31001", "个", "2013"),
        ("31054", "个", "2012"),
        ("368287", "张", "2013"),
        ("333135", "张", "2012"),
    ]


def test_a_full_row_that_opens_with_a_pipe_is_not_joined_to_the_row_above() -> None:
    text = "指标 | 本年 | 上年 |\n粮食产量(万吨) | 52.1 | 50.3 |\n| 3.6 | 3.1 |\n"
    [table] = find_tables(text)
    assert len(table.rows) == 2


def test_a_second_header_right_under_a_tables_rows_starts_a_second_table() -> None:
    # A ranking by county, then the city's series by year, with no line between them.
    text = (
        "排行 | 区域 | 2021年GDP(亿元) | 增速(%) |\n"
        "1 | 甲区 | 565.7 | 8 |\n"
        "2 | 乙县 | 320.7 | 9.9 |\n"
        "年份 | GDP(亿元) | 增速(%) |\n"
        "2021年 | 2311.1 | 11 |\n"
        "2020年 | 1711.6 | 5.1 |\n"
    )
    ranking, series = find_tables(text)
    assert [column.header for column in ranking.columns][1:] == [
        "区域",
        "2021年GDP(亿元)",
        "增速(%)",
    ]
    assert [column.header for column in series.columns] == ["年份", "GDP(亿元)", "增速(%)"]
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.value, f.unit, f.period) for f in facts if f.start > series.start] == [
        ("2311.1", 2311.1e8, "元", "2021"),
        ("11", 11, "%", "2021"),
        ("1711.6", 1711.6e8, "元", "2020"),
        ("5.1", 5.1, "%", "2020"),
    ]


def test_a_numbered_row_whose_cell_says_no_figure_heads_no_second_table() -> None:
    # A plan's target table: row 37's goal is words, row 38's a figure.
    text = (
        "| 序号 | 指标 | 2024年目标 |\n"
        "| 36 | 粮食产量（万吨） | ≥35 |\n"
        "| 37 | 银行不良率（%） | 低于全市平均水平 |\n"
        "| 38 | 亿元地区生产总值安全事故死亡率* | ＜0.025 |\n"
    )
    (table,) = find_tables(text)
    assert len(table.rows) == 3
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [f.text for f in facts] == ["35", "0.025"]


def test_rows_with_a_unit_cell_under_a_header_that_heads_the_labels_and_units_too() -> None:
    text = (
        "表15    2010年城乡居民每百户主要消费品拥有量\n\n"
        "品名 单位 全市城镇居民 盐湖区 全市农村居民\n\n"
        "洗 衣 机 台 99 96 86\n\n"
        "摩 托 车 辆 61 38 87\n\n"
        "摄 像 机 架 4 1 0.4\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit) for f in facts][:4] == [
        ("99", "台"), ("96", "台"), ("86", "台"), ("61", "辆"),
    ]  # fmt: skip
    assert len(facts) == 9
    assert facts[1].indicator.endswith("盐湖区")


def test_an_index_column_gives_levels_without_a_unit_and_its_change_column_percent() -> None:
    # A price-index table (previous year = 100): the index is a level with no unit, the
    # `±%` column its change in percent; a `#` marks a sub-row.
    text = (
        "表3 商品零售价格指数(上年=100)\n指标\n零售价格指数\n比上年±%\n"
        "商品零售价格总指数\n101.8\n1.8\n#粮食\n104.2\n4.2\n燃料\n97.5\n-2.5\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit, f.kind) for f in facts] == [
        ("101.8", "", "level"),
        ("1.8", "%", "change"),
        ("104.2", "", "level"),
        ("4.2", "%", "change"),
        ("97.5", "", "level"),
        ("2.5", "%", "change"),
    ]
    assert [f.indicator[:2] for f in facts[2:]] == ["粮食", "粮食", "燃料", "燃料"]


def test_an_index_columns_base_year_is_not_the_year_of_its_figures() -> None:
    body = (
        "表1 2031年居民消費價格比上年漲跌幅度\n指 標 |\n價格指數(上年=100) |\n比上年漲跌幅度(%) |\n"
        "市區居民消費價格 |\n102.3 |\n2.3 |\n食品煙酒 |\n105.8 |\n5.8 |\n衣 著 |\n99.5 |\n-0.5 |\n"
    )
    facts = {fact.text: fact for fact in rules_facts(body)}
    assert (facts["102.3"].period, facts["2.3"].period) == ("2031", "2031")


def test_an_index_column_takes_no_unit_from_the_prose() -> None:
    text = "燃料价格下降2.5%。\n指标\n价格指数\n比上年±%\n燃料\n97.5\n-2.5\n电力\n100.4\n0.4\n"
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit) for f in facts] == [
        ("2.5%", "%"), ("97.5", ""), ("2.5", "%"), ("100.4", ""), ("0.4", "%"),
    ]  # fmt: skip


def _facts_of(text: str) -> list[tuple[str, float, str, str]]:
    facts = RulesExtractor().extract([Document("d", text)]).facts
    return [(f.text, f.value, f.unit, f.kind) for f in facts]


def test_cells_copied_from_a_web_page_with_a_blank_line_after_each_are_one_table() -> None:
    # A blank line after every cell, header cells whose unit wrapped onto a line of its own,
    # and row labels spaced out to the column's width (`镇    名`, `  西  岭`).
    cells = [
        "附表：2022年各镇粮食产量", "镇    名", "产量", "(万吨)", "比上年增长", "(%)",
        "东 山 镇", "12.45", "3.2", "  西  岭", "8.06", "-1.5", "南湖镇", "6.70", "0.8",
    ]  # fmt: skip
    text = "全年粮食生产稳定，各镇情况见附表。\n\n" + "\n\n".join(cells) + "\n\n注：初步统计。\n"
    [table] = find_tables(text)
    headers = [column.header for column in table.columns]
    assert headers == ["镇    名", "产量(万吨)", "比上年增长(%)"]
    assert _facts_of(text) == [
        ("12.45", 124_500, "吨", "level"), ("3.2", 3.2, "%", "change"),
        ("8.06", 80_600, "吨", "level"), ("1.5", 1.5, "%", "change"),
        ("6.70", 67_000, "吨", "level"), ("0.8", 0.8, "%", "change"),
    ]  # fmt: skip
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [facts[i].indicator[:2] for i in (0, 2)] == ["东山", "西岭"]


@pytest.mark.parametrize(
    ("stacked", "first", "second"),
    [("本月\n累计", "本月", "累计"), ("男\n女", "男", "女")],
)
def test_two_cells_a_line_each_with_no_blank_between_stay_two_in_a_blank_parted_table(
    stacked: str, first: str, second: str
) -> None:
    # A web table copied a blank line after every cell may still set two header cells on
    # two lines with no blank between (`本月⏎累计`): the rows, a label and two figures each,
    # say they are two columns, so the lines are no cell wrapped.
    cells = ["表1 2023年工业生产情况", "指标", stacked, "工业增加值(亿元)", "120", "1350"]
    cells += ["出口交货值(亿元)", "30", "320", "利润总额(亿元)", "15", "160"]
    text = "\n\n".join(cells) + "\n"
    [table] = find_tables(text)
    assert [column.header for column in table.columns] == ["指标", first, second]
    assert ("1350", 135_000_000_000, "元", "level") in _facts_of(text)


def test_a_header_without_a_cell_for_the_row_labels_still_heads_the_value_columns() -> None:
    # The header's first cell is blank (a line of spaces): the rows are one cell wider than
    # the header, and sub-row labels (其中：, an indented one, an age band) are labels.
    cells = [
        "表4 2021年末就业人员及其构成", "    ", "人数(万人)", "比重(%)",
        "就业人员", "512", "100.0", "其中：第一产业", "96", "18.8", "    第二产业", "170", "33.2",
        "16-59岁", "401", "78.3",
    ]  # fmt: skip
    text = "\n\n".join(cells) + "\n\n全年新增就业5.1万人。\n"
    [table] = find_tables(text)
    assert [column.role for column in table.columns] == ["indicator", "value", "value"]
    assert [row.cells[0].clean for row in table.rows] == [
        "就业人员", "其中：第一产业", "第二产业", "16-59岁",
    ]  # fmt: skip
    facts = _facts_of(text)
    assert ("512", 5_120_000, "人", "level") in facts
    assert ("33.2", 33.2, "%", "share") in facts
    assert ("401", 4_010_000, "人", "level") in facts
    assert not any(fact[0] in ("16", "59") for fact in facts)  # an age band is a label


def test_columns_under_a_flattened_spanning_header_take_its_unit() -> None:
    # `全区(%)` spanned `城镇` and `乡村` in the page; one cell per line they follow it.
    cells = [
        "表5 2020年商品零售价格比上年涨跌幅度", "  ", "全 区(%)", " ", "城 镇", "乡 村",
        "商品零售价格总水平", "1.6", "1.7", "1.4", "燃 料", "-3.1", "-2.9", "-3.5",
    ]  # fmt: skip
    text = "\n\n".join(cells) + "\n"
    [table] = find_tables(text)
    assert [column.unit for column in table.columns[1:]] == [("%", 1.0)] * 3
    assert [(fact[0], fact[2]) for fact in _facts_of(text)] == [
        ("1.6", "%"), ("1.7", "%"), ("1.4", "%"), ("3.1", "%"), ("2.9", "%"), ("3.5", "%"),
    ]  # fmt: skip


def test_percent_columns_that_name_no_measure_take_their_kind_from_the_title() -> None:
    rows = "\n  \n全 区(%)\n城 镇\n乡 村\n总水平\n1.6\n1.7\n1.4\n燃料\n2.1\n2.0\n2.3\n"
    changes = _facts_of("表5 2020年商品零售价格比上年涨跌幅度" + rows)
    levels = _facts_of("表5 2020年城乡商品零售价格结构" + rows)
    assert {fact[3] for fact in changes} == {"change"}
    assert {fact[3] for fact in levels} == {"level"}


def test_a_sideways_table_reads_one_row_per_label_and_one_column_per_measure() -> None:
    # Labels across one line, a line of values per measure, the measures named above.
    text = (
        "全年水果生产平稳(见表3)。\n"
        "产量(万吨) |\n"
        "比上年增长(%) |\n"
        "|\n"
        "柑橘 梨 桃 葡萄 |\n"
        "42.6 8.1 5.35 12.0 |\n"
        "2.4 -1.2 持平 0.6 |\n"
        "全年肉类产量下降。\n"
    )
    [table] = find_tables(text)
    assert table.layout == "sideways"
    assert [row.cells[0].text for row in table.rows] == ["柑橘", "梨", "桃", "葡萄"]
    assert _facts_of(text) == [
        ("42.6", 426_000, "吨", "level"), ("8.1", 81_000, "吨", "level"),
        ("5.35", 53_500, "吨", "level"), ("12.0", 120_000, "吨", "level"),
        ("2.4", 2.4, "%", "change"), ("1.2", 1.2, "%", "change"), ("0.6", 0.6, "%", "change"),
    ]  # fmt: skip
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [f.indicator for f in facts[:2]] == ["柑橘产量", "梨产量"]


def test_a_line_of_words_over_a_line_of_numbers_in_prose_needs_matching_counts() -> None:
    text = "主要产品 产量 增长\n全年粮食产量 12.3万吨 增长4%\n"
    assert [table.layout for table in find_tables(text)] == []


def test_a_row_of_table_number_and_unit_cells_is_a_caption_not_a_header() -> None:
    text = (
        "表二 | 单位:万元 | | |\n"
        "科目 | 年度预算 | 累计完成 | 增长% |\n"
        "税收收入 | 5,200 | 3,910 | 4.5 |\n"
        "非税收入 | 1,100 | 870 | -2.0 |\n"
    )
    [table] = find_tables(text)
    assert table.unit == ("元", 10_000.0)
    assert [column.role for column in table.columns] == ["indicator", "value", "value", "value"]
    assert [(fact[0], fact[1], fact[2]) for fact in _facts_of(text)][:3] == [
        ("5,200", 52_000_000, "元"), ("3,910", 39_100_000, "元"), ("4.5", 4.5, "%"),
    ]  # fmt: skip


def test_a_flattened_two_row_header_puts_each_group_under_its_spanning_cell() -> None:
    # `收入项目`, `全年计划` and `完成计划%` head one column over both header rows; `本年`
    # and `上月` each span a group (`实绩 | 上年同期 | 增减额 | 增减%`) named in the lower row.
    # An amount of change (增减额) counts in the table's unit, not in percent, and a row
    # label's own percent (契税30%) is no unit.
    text = (
        "表三 | 单位:万元 | | | | |\n"
        "收入项目 | 全年计划 | 本年 | 上月 | 完成计划% | | | | | |\n"
        "实绩 | 上年同期 | 增减额 | 增减% | 实绩 | 上年同期 | 增减额 | 增减% | | |\n"
        "契税30% | 900 | 610 | 580 | 30 | 5.2 | 75 | 60 | 15 | 25.0 | 67.8 |\n"
        "房产税 | 420 | 300 | 330 | -30 | -9.1 | 33 | 41 | -8 | -19.5 | 71.4 |\n"
    )
    [table] = find_tables(text)
    assert [column.header for column in table.columns] == [
        "收入项目", "全年计划",
        "本年实绩", "本年上年同期", "本年增减额", "本年增减%",
        "上月实绩", "上月上年同期", "上月增减额", "上月增减%", "完成计划%",
    ]  # fmt: skip
    units = [fact[2] for fact in _facts_of(text)]
    assert units[:10] == ["元", "元", "元", "元", "%", "元", "元", "元", "%", "%"]


def test_budget_columns_give_their_status_period_and_kind() -> None:
    # A year's budget is a target; 同期 is last year's same months; 为预算% is a share of it.
    text = (
        "某县2021年1-6月财政收入完成情况\n"
        "项目 | 年度预算 | 本期 | 同期 | 增减率% | 本期为预算% |\n"
        "税收收入 | 8,000 | 4,300 | 4,100 | 4.9 | 53.8 |\n"
        "非税收入 | 2,000 | 900 | 950 | -5.3 | 45.0 |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.status, f.period, f.kind) for f in facts[:5]] == [
        ("8,000", "target", "2021", "level"),
        ("4,300", "actual", "2021", "level"),
        ("4,100", "actual", "2020", "level"),
        ("4.9", "actual", "2021", "change"),
        ("53.8", "actual", "2021", "share"),
    ]


def test_relative_column_years_count_from_the_republic_of_china_year_of_the_title() -> None:
    text = (
        "某縣總預算 中華民國九十五年度 單位:新台幣千元\n"
        "科目 | 本年度預算數 | 上年度預算數 | 前年度決算數 |\n"
        "教育支出 | 5,120 | 4,980 | 4,700 |\n"
        "交通支出 | 2,210 | 2,300 | 1,960 |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.period, f.status) for f in facts][:3] == [
        ("5,120", "2006", "target"),
        ("4,980", "2005", "target"),
        ("4,700", "2004", "actual"),
    ]


def test_a_fiscal_year_from_the_second_half_of_one_roc_year_counts_as_the_year_it_begins() -> None:
    text = (
        "某縣總預算 中華民國八十八年下半年及八十九年度 單位:新台幣千元\n"
        "科目 | 本次預算數 | 上年度預算數 |\n"
        "教育支出 | 5,120 | 4,980 |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.period) for f in facts][-2:] == [("5,120", "1999"), ("4,980", "1998")]


YEARBOOK_TABLE = (
    "表 7:            2019—2021 年度某县粮食生产情况\n"
    "\n"
    "      年度        粮食产量   (万吨)                 播种面积(万亩)\n"
    "                          比上年增长    (%)                    比上年增长   (%)\n"
    "      2019          31.25           2.4            40.60           -1.2\n"
    "\n"
    "      2020          32.04           2.5            41.10            1.2\n"
    "      2021          30.88          -3.6            41.35            0.6\n"
)


def test_a_yearbook_table_reads_its_header_by_position_and_each_row_in_its_year() -> None:
    [table] = find_tables(YEARBOOK_TABLE)
    facts = RulesExtractor().extract([Document("d", YEARBOOK_TABLE)]).facts
    inside = [f for f in facts if table.start <= f.start < table.end]
    assert [column.role for column in table.columns] == [
        "period",
        "value",
        "value",
        "value",
        "value",
    ]
    assert [(f.text, f.unit, f.period, f.kind) for f in inside[:4]] == [
        ("31.25", "吨", "2019", "level"),
        ("2.4", "%", "2019", "change"),
        ("40.60", "亩", "2019", "level"),
        ("1.2", "%", "2019", "change"),
    ]
    # The blank line after the first row does not end the table.
    assert [f.period for f in inside[4:]] == ["2020"] * 4 + ["2021"] * 4


def test_two_columns_of_prose_side_by_side_are_not_a_table() -> None:
    text = (
        "收入执行情况   全年一般公共预算收入完成          支出执行情况   全年一般公共预算\n"
        "12.5 亿元,为预算的 101.2%,增长 3.4%。          支出完成 20.3 亿元,增长 5.6%。\n"
        "其中税收收入 9.8 亿元,增长 2.1%。                民生支出占比 78.0%。\n"
    )
    assert find_tables(text) == []


_PANELS_IN_ROWS = """2030年某镇财政收支平衡表
单位:万元
来源 | 决算数 | 用途 | 决算数 |
合计 | 8800 | 合计 | 8800 |
地方收入 | 5100 | 本级开支 | 7300 |
补助收入 | 3700 | | |
"""

_PANELS_ONE_CELL_PER_LINE = "".join(
    f"{line} |\n" if line else "|\n"
    for line in [
        "来源",
        "决算数",
        "用途",
        "决算数",
        "合计",
        "8800",
        "合计",
        "8800",
        "地方收入",
        "5100",
        "本级开支",
        "7300",
        "补助收入",
        "3700",
        "",
        "",
    ]
)


def _panel_pairs(text: str) -> list[list[tuple[str, str]]]:
    return [
        [(table.indicator_of(row), row.cells[1].clean) for row in table.rows]
        for table in find_tables(text)
    ]


def test_a_two_panel_table_in_pipe_rows_reads_as_one_table_per_panel() -> None:
    tables = find_tables(_PANELS_IN_ROWS)
    assert [table.columns[1].status for table in tables] == ["actual", "actual"]
    assert tables[0].unit == ("元", 10000.0)
    assert _panel_pairs(_PANELS_IN_ROWS) == [
        [("合计", "8800"), ("地方收入", "5100"), ("补助收入", "3700")],
        [("合计", "8800"), ("本级开支", "7300")],
    ]


def test_a_two_panel_table_one_cell_per_line_keeps_its_pairs_past_an_empty_half() -> None:
    text = "2030年某镇财政收支平衡表\n单位:万元\n" + _PANELS_ONE_CELL_PER_LINE
    assert _panel_pairs(text) == _panel_pairs(_PANELS_IN_ROWS)
    for table in find_tables(text):
        cells = [cell for row in table.rows for cell in row.cells]
        assert all(text[cell.start : cell.end] == cell.text for cell in cells)


_RECORDS = """某市历年教育经费一览
年度:2032
预算(万元):4,860
决算(万元):—
增长:6.2%

年度:2031
预算(万元):4,575
决算(万元):4,611
增长:5.0%
年度:2030
预算(万元):4,390
决算(万元):4,402
增长:3.1%
说明:数据四舍五入
"""


def test_records_of_key_value_lines_read_as_one_row_each_in_their_year() -> None:
    tables = find_tables(_RECORDS)
    assert [table.layout for table in tables] == ["records"] * 3
    facts = RulesExtractor().extract([Document("d", _RECORDS)]).facts
    assert [(f.text, f.value, f.unit, f.period, f.status, f.kind) for f in facts] == [
        ("4,860", 48_600_000.0, "元", "2032", "target", "level"),
        # The outcome is not out yet (—): the growth is the budget's.
        ("6.2%", 6.2, "%", "2032", "target", "change"),
        ("4,575", 45_750_000.0, "元", "2031", "target", "level"),
        ("4,611", 46_110_000.0, "元", "2031", "actual", "level"),
        ("5.0%", 5.0, "%", "2031", "actual", "change"),
        ("4,390", 43_900_000.0, "元", "2030", "target", "level"),
        ("4,402", 44_020_000.0, "元", "2030", "actual", "level"),
        ("3.1%", 3.1, "%", "2030", "actual", "change"),
    ]
    assert facts[3].indicator == "决算"
    # A change names the amount it changes: the budget's while the outcome is blank.
    assert [facts[1].indicator, facts[4].indicator] == ["预算增长", "决算增长"]


def test_records_whose_first_key_names_them_label_their_rows_and_keep_a_written_magnitude() -> None:
    text = (
        "地区:东坪乡\n粮食产量(吨):1.2万\n比上年增长:2.5%\n"
        "地区:西岭镇\n粮食产量(吨):8600\n比上年增长:-1.4%\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.value, f.unit, f.kind) for f in facts] == [
        ("1.2万", 12_000.0, "吨", "level"),
        ("2.5%", 2.5, "%", "change"),
        ("8600", 8600.0, "吨", "level"),
        ("1.4%", 1.4, "%", "change"),  # a fall: its sign makes it a change
    ]
    assert facts[0].indicator.startswith("东坪乡粮食产量")


def test_key_value_lines_that_do_not_repeat_are_no_table_and_keep_their_facts() -> None:
    text = "项目名称:某河道整治工程\n建设地点:城南街道\n总投资:3.6亿元\n建设工期:24个月\n"
    assert find_tables(text) == []
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert ("3.6亿元", 360_000_000.0) in [(f.text, f.value) for f in facts]


def test_one_key_repeating_is_a_list_not_records() -> None:
    text = "备注:甲\n备注:乙\n备注:丙\n"
    assert find_tables(text) == []


def test_a_balance_panels_items_are_named_with_its_account_and_a_total_with_its_side() -> None:
    text = (
        "表2 2031年全市政府性基金预算收支决算表\n"
        "单位:亿元\n"
        "收 入 | 决算数 | 支 出 | 决算数 |\n"
        "合计 | 42.7 | 合计 | 42.7 |\n"
        "非税 | 30.1 | 城乡社区支出 | 25.0 |\n"
        "一、土地出让收入 | 12.6 | 其他支出 | 17.7 |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.indicator, f.status) for f in facts] == [
        ("42.7", "政府性基金预算收入合计", "actual"),
        ("42.7", "政府性基金预算支出合计", "actual"),
        ("30.1", "政府性基金预算非税收入", "actual"),
        ("25.0", "政府性基金预算城乡社区支出", "actual"),
        ("12.6", "政府性基金预算土地出让收入", "actual"),
        ("17.7", "政府性基金预算其他支出", "actual"),
    ]


def test_a_balance_panel_under_a_title_of_no_account_keeps_its_items_bare() -> None:
    text = (
        "收支情况\n项目 | 执行数 | 项目 | 执行数 |\n合计 | 9 | 合计 | 9 |\n利息 | 9 | 工资 | 9 |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [f.indicator for f in facts] == ["合计", "合计", "利息", "工资"]


def test_records_of_contacts_give_no_quantity_for_their_phone_numbers() -> None:
    text = "联系人:王某\n电话:87650123\n人数:12人\n联系人:赵某\n电话:87650456\n人数:9人\n"
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.unit) for f in facts] == [("12人", "人"), ("9人", "人")]


def test_a_change_column_names_the_change_of_the_measure_on_its_left() -> None:
    text = (
        "年度 | 货运量(万吨) | 增长(%) | 客运量(万人) | 增长(%) |\n"
        "2041 | 512 | 3.3 | 86 | -2.0 |\n"
        "2042 | 530 | 3.5 | 90 | 4.7 |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [f.indicator for f in facts][:4] == ["货运量", "货运量增长", "客运量", "客运量增长"]


def test_a_chart_caption_and_its_unit_line_above_a_table_are_not_its_header() -> None:
    # A bulletin puts a chart's title and `单位:` line right above the next table's caption;
    # the table's header starts after its own caption, one cell per line with lone pipes.
    text = (
        "图2 历年农业增加值及其增长速度\n单位:亿元、%\n表5 2019年农业总产值\n"
        "指 标\n|\n绝对额(亿元)\n|\n比上年±%\n|\n"
        "农业总产值\n|\n812.40\n|\n4.1\n|\n#种植业\n|\n503.72\n|\n3.6\n|\n"
        "林业\n|\n41.05\n|\n7.9\n|\n"
    )
    tables = find_tables(text)  # #种植业 and 林业 after it are parts of 农业总产值
    assert [table.parent for table in tables] == ["", "农业总产值"]
    assert all(table.title.startswith("表5") for table in tables)
    headers = {tuple(column.header for column in table.columns) for table in tables}
    assert headers == {("指 标", "绝对额(亿元)", "比上年±%")}
    assert [(fact[0], fact[2]) for fact in _facts_of(text)][:2] == [("812.40", "元"), ("4.1", "%")]


def test_a_bracketed_or_arrowed_number_is_a_change_and_the_level_beside_it_a_level() -> None:
    text = (
        "統計指標 | 單位 | 最新年度數據 (同比變動) | 最新數據 (季度) | 按季變動 | ||\n"
        "宏觀經濟 | ||||||\n"
        "2024 | 2024 Q1 | 2024 Q2 | ||||\n"
        "本地生產總值 | 億元 | 2,104 (↑12.5%) | 510.2 | 533.0 | ↑ 4.5% | |\n"
        "貨物出口 | 億元 | 88.4 (↓ 3.1%) | 20.7 | 19.9 | ↓ 3.9% | |\n"
    )
    kinds = {fact[0]: fact[3] for fact in _facts_of(text)}
    assert kinds == {
        "2,104": "level", "12.5%": "change", "510.2": "level", "533.0": "level", "4.5%": "change",
        "88.4": "level", "3.1%": "change", "20.7": "level", "19.9": "level", "3.9%": "change",
    }  # fmt: skip


def test_a_unit_line_that_opens_with_a_magnitude_before_a_currency_keeps_the_magnitude() -> None:
    # 十亿港元 is billions of Hong Kong dollars and 百万澳门元 millions of patacas, not a
    # currency named 十 or 百 counted in 亿 or 万.
    for unit_line, factor, currency in (("十亿港元", 1e9, "港元"), ("百万澳门元", 1e6, "澳门元")):
        text = f"单位：{unit_line}\n项目 | 2022年 | 2023年\n货物出口 | 12.5 | 13.0\n"
        assert _facts_of(text) == [
            ("12.5", 12.5 * factor, currency, "level"),
            ("13.0", 13.0 * factor, currency, "level"),
        ]


def test_a_row_of_periods_between_rows_dates_the_cells_below_it() -> None:
    text = (
        "統計指標 | 單位 | 最新年度數據 | 最新數據 (季度) | 按季變動 | |\n"
        "宏觀經濟 | |||||\n"
        "2024 | 2024 Q3 | 2024 Q4 | |||\n"
        "本地生產總值 | 億元 | 4,120 | 1,010.2 | 1,044.0 | 3.3% |\n"
        "2023 | |||||\n"
        "本地居民總收入 | 億元 | 2,410.5 | – | – | – |\n"
        "2024 | 2025 Jan | 2025 Feb | |||\n"
        "通脹率 | % | 0.74% | 0.81% | 0.92% | 0.11% |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.period) for f in facts] == [
        ("4,120", "2024"), ("1,010.2", "2024"), ("1,044.0", "2024"), ("3.3%", "2024"),
        ("2,410.5", "2023"),
        ("0.74%", "2024"), ("0.81%", "2025"), ("0.92%", "2025"), ("0.11%", "2025"),
    ]  # fmt: skip


def test_an_english_name_and_a_footnote_number_are_not_part_of_a_row_name() -> None:
    text = (
        "統計指標 | 單位 | 最新年度數據 (同比變動) |\n"
        "本地生產總值 (Nominal GDP)1 | 億元 | 4,120 (↑8.8%) |\n"
        "通脹率 (Inflation rate)2 | % | 0.74% (-0.2%) |\n"
        "財政儲備 (Fiscal Reserves) | 億元 | 6,012.5 (↑ 2%) |\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.indicator) for f in facts] == [
        ("4,120", "本地生產總值"), ("8.8%", "本地生產總值同比變動"),
        ("0.74%", "通脹率"), ("0.2%", "通脹率同比變動"),
        ("6,012.5", "財政儲備"), ("2%", "財政儲備同比變動"),
    ]  # fmt: skip


def test_a_unit_line_listing_an_amount_and_a_rate_gives_each_its_columns() -> None:
    text = (
        "人口自然变动情况\n"
        "单位:万人、‰\n"
        "年份 常住人口 出生人数 出生率\n"
        "“十五”时期 5064.15 111.23 22.14\n"
        "“十一五”时期 5230.00 118.31 22.82\n"
        "“十二五”时期 5419.35 123.98 23.09\n"
    )
    by_text = {f.text: f for f in RulesExtractor().extract([Document("d", text)]).facts}
    assert (by_text["111.23"].value, by_text["111.23"].unit) == (1_112_300, "人")
    assert (by_text["22.14"].value, by_text["22.14"].unit) == (22.14, "‰")


def test_a_count_of_a_change_is_an_amount_not_a_rate() -> None:
    text = (
        "人口自然变动情况\n"
        "单位:万人、‰\n"
        "年份 自然增长人数 自然增长率\n"
        "“十五”时期 83.88 16.70\n"
        "“十一五”时期 89.91 17.34\n"
        "“十二五”时期 92.19 17.17\n"
    )
    by_text = {f.text: f for f in RulesExtractor().extract([Document("d", text)]).facts}
    assert (by_text["83.88"].value, by_text["83.88"].unit) == (838_800, "人")
    assert by_text["16.70"].unit == "‰"


def test_one_cell_per_line_under_a_month_title_with_sub_items_marked_by_indent_and_hash() -> None:
    cells = [
        "社會消費品零售總額", "2022年9月", "指標", "本月", "比去年同月增長(%)", "1-本月",
        "社會消費品零售總額(億元)", "1478.53", "0.3", "11864.63",
        "     # 批發零售業", "1363.93", "0.6", "11055.38",
        "       住宿餐飲業", "114.60", "-2.8", "809.25",
    ]  # fmt: skip
    text = "".join(f"{cell}\n\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["11055.38"].value, by_text["11055.38"].unit) == (1_105_538_000_000, "元")
    assert (by_text["114.60"].unit, by_text["2.8"].unit) == ("元", "%")
    assert by_text["1478.53"].period == "2022"


def test_a_measure_over_years_a_cell_per_line_names_every_row_and_the_unlabelled_total() -> None:
    # The total's label was a line of spaces; the header's first cell is what every row counts.
    text = (
        "单位:万人次\n\n出院人数\n\n2010\n\n2011\n\n    \n\n182.8\n\n201.2\n\n"
        "其中:医院\n\n170.9\n\n187.9\n\n      综合医院\n\n122.9\n\n134.1\n"
    )
    facts = [(f.text, f.value, f.unit, f.period, f.indicator) for f in rules_facts(text)]
    assert facts == [
        ("182.8", 1_828_000, "人次", "2010", "出院人数"),
        ("201.2", 2_012_000, "人次", "2011", "出院人数"),
        ("170.9", 1_709_000, "人次", "2010", "医院出院人数"),
        ("187.9", 1_879_000, "人次", "2011", "医院出院人数"),
        ("122.9", 1_229_000, "人次", "2010", "综合医院出院人数"),
        ("134.1", 1_341_000, "人次", "2011", "综合医院出院人数"),
    ]


def test_a_group_over_two_cells_a_cell_per_line_is_placed_where_its_parts_sum() -> None:
    # 占总人口比重 spans 男 and 女, 性别比 its own column: only that placing makes the parts of
    # the group sum to 100 in every row, so the columns are named so.
    text = (
        "表3-1 各地区人口性别构成\n单位:%\n地区\n占总人口比重\n性别比\n男\n女\n"
        "全 省\n53.02\n46.98\n112.86\n海口市\n52.52\n47.48\n110.60\n"
        "三亚市\n53.85\n46.15\n116.70\n"
    )
    (table,) = find_tables(text)
    assert [column.header for column in table.columns] == [
        "地区", "占总人口比重 男", "占总人口比重 女", "性别比",
    ]  # fmt: skip
    facts = {f.text: (f.unit, f.kind) for f in rules_facts(text)}
    assert facts["53.02"] == ("%", "share")
    assert facts["112.86"] == ("", "level")  # a ratio on a base of 100


def test_a_flattened_group_no_placing_of_which_sums_is_left_unnamed() -> None:
    text = (
        "单位:%\n地区\n占总人口比重\n性别比\n男\n女\n"
        "甲\n50.0\n40.0\n112.86\n乙\n52.52\n37.48\n110.60\n丙\n53.85\n36.15\n116.70\n"
    )
    headers = [column.header for table in find_tables(text) for column in table.columns]
    assert "占总人口比重 男" not in headers


def test_one_cell_per_line_under_a_year_title_with_units_on_lines_of_their_own() -> None:
    cells = [
        "字号:", "上海市生产总值", "2020年", "指标名称", "总量", "(亿元)", "比上年同期增长",
        "(%)", "地区生产总值", "38700.58", "1.7", "  按产业分",
        "    第一产业", "103.57", "-8.2", "    第二产业", "10289.47", "1.3",
    ]  # fmt: skip
    text = "".join(f"{cell}\n\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["38700.58"].value, by_text["38700.58"].unit) == (3_870_058_000_000, "元")
    assert (by_text["8.2"].unit, by_text["8.2"].kind, by_text["8.2"].period) == (
        "%",
        "change",
        "2020",
    )
    assert len(by_text) == 6


def test_a_box_table_that_lost_its_padding_reads_its_header_cells_in_order() -> None:
    text = (
        "单位:亿元\n"
        "┌──────────────────┬───────────────┬────────────┬────────┐\n"
        "│ │ 2009年 │ 2010年 │ 预算数为 │\n"
        "│ 项 目 │ │ │ 上年执行 │\n"
        "│ │ 执行数 │ 预算数 │ 数的% │\n"
        "├──────────────────┼───────────────┼────────────┼────────┤\n"
        "│ 医疗卫生 │ 1205.64 │ 1313.87 │ 109.0 │\n"
        "│ 环境保护 │ 1113.90 │ 1357.62 │ 121.9 │\n"
        "└──────────────────┴───────────────┴────────────┴────────┘\n"
    )
    [table] = find_tables(text)
    headers = [column.header for column in table.columns]
    assert headers == ["项目", "2009年执行数", "2010年预算数", "预算数为上年执行数的%"]
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["1357.62"].status, by_text["1357.62"].period) == ("target", "2010")
    assert (by_text["121.9"].unit, by_text["121.9"].period) == ("%", "2010")


def test_header_rows_under_a_first_cell_spanning_them_are_put_back_under_their_columns() -> None:
    text = (
        "历年全市卫生基本情况 | ||||||\n"
        "年份 | 卫 生 | 其中: | 卫生机构 | 其中: | 卫生技术 | 其中: |\n"
        "机构数 | 医院 | 床位数 | 医院 | 人员数 | 医生 | |\n"
        "(个) | (个) | (张) | (张) | (人) | (人) | |\n"
        "1949 | 12 | 5 | 84 | 81 | 572 | 448 |\n"
        "1950 | 16 | 5 | 140 | 132 | 649 | 497 |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert "1950" not in by_text  # the year column is the rows' period, no count
    assert (by_text["497"].unit, by_text["497"].period) == ("人", "1950")
    assert (by_text["140"].unit, by_text["140"].period) == ("张", "1950")


def test_rows_under_a_first_row_that_alone_writes_a_unit_are_in_that_unit() -> None:
    text = (
        "| 社會消費品零售總額 | ||||\n"
        "| 指標 | 本月 | 比去年同月增長(%) | 1-本月 | 比去年同期增長(%) |\n"
        "| 社會消費品零售總額(億元) | 1446.98 | -5.5 | 6061.33 | -1.3 |\n"
        "| # 批發零售業 | 1319.62 | -5.1 | 5571.06 | -1.2 |\n"
        "| 住宿餐飲業 | 127.35 | -9.1 | 490.26 | -2.5 |\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["490.26"].value, by_text["490.26"].unit) == (49_026_000_000, "元")
    assert by_text["9.1"].unit == "%"


def test_a_column_of_months_after_a_rate_column_keeps_the_rows_unit() -> None:
    cells = [
        "社会消费品零售总额", "2018年5月", "指标", "5月", "比去年同月增长(%)", "1-5月",
        "比去年同期增长(%)", "社会消费品零售总额(亿元)", "988.70", "5.3", "5076.01", "7.3",
        "   # 批发零售业", "898.93", "5.8", "4626.61", "7.6",
        "     住宿餐饮业", "89.77", "0.1", "449.40", "4.1",
    ]  # fmt: skip
    text = "".join(f"{cell}\n\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["4626.61"].value, by_text["4626.61"].unit) == (462_661_000_000, "元")


def test_groups_over_repeated_sub_columns_a_cell_per_line_give_each_its_unit() -> None:
    body = (
        "2012年9月规模以上工业主要经济效益指标\n\n单位:亿元\n行业名称\n主营业务收入\n利润总额\n"
        "从业人员平均人数(人)\n1-9\n比去年同期增长(%)\n1-9\n比去年同期增长(%)\n1-9\n"
        "比去年同期增长(%)\n"
        "橡胶和塑料制品业\n660.75\n-5.3\n36.78\n-0.6\n146590\n-5.5\n"
        "非金属矿物制品业\n383.52\n-10.3\n16.72\n-40.0\n67469\n-2.3\n"
        "金属制品业\n646.41\n-7.7\n37.39\n-16.6\n138524\n-0.4\n"
    )
    facts = {fact.text: fact for fact in rules_facts(body)}
    assert (facts["660.75"].value, facts["660.75"].unit) == (66_075_000_000, "元")
    assert (facts["10.3"].unit, facts["10.3"].kind) == ("%", "change")
    assert (facts["67469"].value, facts["67469"].unit) == (67469, "人")


def test_a_title_over_a_unit_line_and_a_base_of_100_in_it_read_the_table() -> None:
    changes = (
        "全年居民消费价格上涨4.9%。\n\n表1    2011年居民消费价格比上年涨跌幅度\n\n单位:%\n\n"
        "指     标\n\n全  市\n\n居民消费价格\n\n4.9\n\n食品\n\n12.4\n\n"
        "衣着\n\n-4.3\n\n居住\n\n4.3\n"
    )
    assert {fact.kind for fact in rules_facts(changes)} == {"change"}
    indices = (
        "食品类上涨11.0%。\n表1 2007年居民消费价格变动情况(上年=100)\n|\n全 省\n|\n城 市\n|\n"
        "居民消费价格总指数\n|\n104.2\n|\n103.9\n|\n食品\n|\n111.0\n|\n110.1\n|\n"
        "衣着\n|\n99.8\n|\n100.8\n|\n"
    )
    in_table = [fact for fact in rules_facts(indices) if fact.text != "11.0%"]
    # The prose's 食品类上涨11.0% names no unit for the table's 食品: its base of 100 does.
    assert {fact.unit for fact in in_table} == {""}
    assert len(in_table) == 6


def test_two_panels_side_by_side_a_cell_per_line_share_their_column_names() -> None:
    body = (
        "区本级一般公共预算收支完成情况表\n\n单位:亿元\n\n收入\n\n年初预算\n\n调整预算\n\n决算数\n\n"
        "支出\n\n年初预算\n\n调整预算\n\n决算数\n\n总计\n\n81.75\n\n79.62\n\n87.43\n\n"
        "总计\n\n81.75\n\n79.62\n\n87.43\n\n一、本级收入\n\n44.86\n\n43.63\n\n43.83\n\n"
        "一、本级支出\n\n73.84\n\n70.13\n\n68.68\n"
    )
    facts = {fact.text: fact for fact in rules_facts(body)}
    assert [facts[cell].status for cell in ("44.86", "43.63", "43.83")] == [
        "target",
        "target",
        "actual",
    ]
    assert facts["68.68"].value == 6_868_000_000


def test_a_unit_column_a_cell_per_line_gives_each_row_its_own_unit() -> None:
    body = (
        "表5:财政收支情况\n\n指    标    名    称\n\n单位\n\n2008年\n\n2007年\n\n增长%\n\n"
        "一。财政总收入\n\n万元\n\n52364\n\n42022\n\n24.6\n\n"
        "#县级一般预算收入\n\n万元\n\n26310\n\n22026\n\n19.5\n\n"
        "国内增值税\n\n万元\n\n6440\n\n4920\n\n30.9\n\n"
        "从业人员\n\n人\n\n3821\n\n3650\n\n4.7\n"
    )
    facts = {fact.text: fact for fact in rules_facts(body)}
    assert (facts["52364"].value, facts["52364"].unit, facts["52364"].period) == (
        523_640_000,
        "元",
        "2008",
    )
    assert (facts["3650"].unit, facts["3650"].period) == ("人", "2007")
    assert (facts["19.5"].unit, facts["19.5"].kind) == ("%", "change")


def test_a_unit_column_a_cell_per_line_holds_its_unit_before_a_dash_for_no_figure() -> None:
    cells = [
        "2020年1-6月綿陽主要經濟指標", "指標", "單位", "累計", "±%",
        "規模以上工業增加值", "億元", "―", "3.0",
        "社會消費品零售總額", "億元", "631.38", "-7.8",
        "居民消費價格總指數(CPI)", "%", "104.80", "4.8",
    ]  # fmt: skip
    facts = {fact.text: fact for fact in rules_facts("".join(f"{c}\n|\n" for c in cells))}
    assert (facts["3.0"].unit, facts["3.0"].kind) == ("%", "change")
    assert (facts["631.38"].value, facts["631.38"].unit) == (63_138_000_000, "元")
    assert (facts["104.80"].unit, facts["104.80"].kind) == ("%", "level")


def test_a_header_a_cell_per_line_starts_at_the_labels_column_under_a_page_s_own_lines() -> None:
    cells = [
        "地区生产总值(2021年1-2季度)", "  • 2021年07月29日 15时51分", "  • 来源: 四川省统计局网站",
        "  • 【字体:", "  • 地区生产总值(20211-2季度)", "指标名称", "上半年", "增长±%",
        "地区生产总值(亿元)", "25232.39", "12.1",
        "    第二产业增加值", "9272.77", "10.2",
        "    第三产业增加值", "13896.92", "14.1",
    ]  # fmt: skip
    facts = {fact.text: fact for fact in rules_facts("".join(f"    {c}\n\n" for c in cells))}
    assert (facts["25232.39"].value, facts["25232.39"].unit) == (2_523_239_000_000, "元")
    assert (facts["10.2"].unit, facts["10.2"].kind) == ("%", "change")
    assert len(facts) == 6


def _closed_cells(*cells: str) -> str:
    """Cells as a web table copied to text writes them: each on a line with its pipe."""
    return "".join(f"{cell} |\n" if cell else "|\n" for cell in cells)


def test_years_over_a_repeated_sub_label_a_cell_per_line_name_their_columns() -> None:
    text = _closed_cells(
        "指标名称", "单位", "2010年", "2009年", "增长率(%)", "1-11月", "1-11月", "",
        "固定本地电话通话量", "亿次", "4024.5", "4976.6", "-19.1",
        "其中:传统固定电话", "亿次", "3463.1", "3877.8", "-10.7",
        "无线市话", "亿次", "561.4", "1098.8", "-48.9",
    )  # fmt: skip
    facts = {fact.text: fact for fact in rules_facts(text)}
    assert (facts["4024.5"].value, facts["4024.5"].unit, facts["4024.5"].period) == (
        402_450_000_000, "次", "2010",
    )  # fmt: skip
    assert (facts["3877.8"].period, facts["10.7"].unit, facts["10.7"].kind) == (
        "2009", "%", "change",
    )  # fmt: skip


def test_a_second_header_a_cell_per_line_starts_a_table_with_its_own_columns() -> None:
    first = ("指标名称", "单位", "本月", "增长(%)", "电话用户", "万户", "120.5", "3.1",
             "宽带用户", "万户", "80.2", "5.4", "短信", "亿条", "12.7", "-2.2")  # fmt: skip
    second = ("![]()", "指 标 名 称", "单位", "本年累计", "本月", "电信业务收入", "亿元", "8713.7",
              "801.2", "主营业务收入", "亿元", "8190.3", "742.3", "投资完成额", "亿元",
              "2484.0", "416.5")  # fmt: skip
    facts = {fact.text: fact for fact in rules_facts(_closed_cells(*first, *second))}
    assert (facts["3.1"].unit, facts["3.1"].kind) == ("%", "change")
    assert (facts["801.2"].value, facts["801.2"].unit) == (80_120_000_000, "元")
    assert (facts["8713.7"].value, facts["8713.7"].unit) == (871_370_000_000, "元")


def test_rows_after_a_marked_sub_item_on_a_page_without_indents_take_the_group_s_unit() -> None:
    cells = [
        "表14—16 医疗卫生事业基本情况", "指 标", "2008年", "2007年",
        "卫生机构数(个)", "1770", "2241", "# 医院", "165", "163",
        "社区卫生服务中心", "413", "134", "妇幼保健院(所、站)", "14", "14",
        "实有床位数(张)", "27768", "26157", "# 医院", "22865", "21031",
        "社区卫生服务中心", "2974", "4362",
    ]  # fmt: skip
    facts = rules_facts("".join(f"{cell}\n|\n" for cell in cells))
    units = {(fact.text, fact.period): fact.unit for fact in facts}
    assert units[("413", "2008")] == units[("14", "2007")] == "个"
    assert units[("2974", "2008")] == units[("4362", "2007")] == "张"


def test_pipe_rows_after_a_marked_sub_item_take_the_unit_of_the_row_they_follow() -> None:
    text = (
        "2025年1- 9 月 单位:万元\n"
        "项 目 | 2025年1- 9 月 | 上年同期 | 同比增长(%) |\n"
        "工业总产值(现价) | 4131926 | 3738113 | 10.5 |\n"
        "#食品制造业 | 270636 | 263267 | 2.8 |\n"
        "金属制品业 | 205542 | 190723 | 7.8 |\n"
        "工业产销率(%) | 103.2 | 97.1 | — |\n"
        "#食品制造业 | 94.0 | 100.0 | — |\n"
        "金属制品业 | 99.8 | 99.1 | — |\n"
    )
    units = {fact.text: (fact.value, fact.unit) for fact in rules_facts(text)}
    assert units["205542"] == (2_055_420_000, "元")
    assert (units["94.0"], units["100.0"]) == ((94.0, "%"), (100.0, "%"))
    assert units["99.1"] == (99.1, "%")


def test_unmarked_rows_under_a_row_writing_its_unit_take_it_where_nothing_else_gives_one() -> None:
    # The star classes are parts of the row above them, in its unit, until a row writes
    # another; a count (户数) or an index names its own. The change column's % is no unit
    # the table gives the rows.
    text = (
        "项 目 | 2019年5月 | 上年同期 | 同比增长 (%) |\n"
        "平均房价(元/间) | 553.7 | 524.2 | 5.6 |\n"
        "三星级 | 419.9 | 426.3 | -1.5 |\n"
        "五星级 | 905.5 | 871.3 | 3.9 |\n"
        "平均出租率(%) | 72.6 | 71.9 | 0.7 |\n"
        "三星级 | 65.3 | 64.2 | 1.1 |\n"
        "接待户数 | 120 | 118 | 1.7 |\n"
    )
    facts = [fact for fact in rules_facts(text) if fact.kind != "change"]
    assert [(fact.text, fact.unit) for fact in facts] == [
        ("553.7", "元/间"),
        ("524.2", "元/间"),
        ("419.9", "元/间"),
        ("426.3", "元/间"),
        ("905.5", "元/间"),
        ("871.3", "元/间"),
        ("72.6", "%"),
        ("71.9", "%"),
        ("65.3", "%"),
        ("64.2", "%"),
        ("120", "户"),
        ("118", "户"),
    ]
    # A part of a rate is a share, and names what it is a part of.
    assert (facts[8].kind, facts[8].indicator) == ("share", "三星级平均出租率")


def test_rows_numbered_a_level_deeper_take_the_unit_of_the_row_they_are_items_of() -> None:
    # 一、 over (一) over 1. over (1): a row numbered (1) with no unit is an item of the 1.
    # row above it, in that row's unit; the 2. row after them writes its own. The first row
    # writes none, so the rows are not parts under the rows that write one.
    text = (
        "全省旅游接待和收入情况表 2019年7月\n"
        "项 目 | 本月 | 同比增长(%) |\n"
        "一、接待游客总人数 | 559.71 | 9.6 |\n"
        "1.国内过夜游客(万人次) | 480.35 | 9.0 |\n"
        "(1)旅游饭店接待过夜游客 | 292.25 | 0.4 |\n"
        "(2)社会旅馆接待过夜游客 | 181.13 | 26.9 |\n"
        "2.旅游总收入(亿元) | 95.12 | 12.0 |\n"
        "(1)国内旅游收入 | 90.01 | 11.5 |\n"
    )
    units = {fact.text: (fact.value, fact.unit) for fact in rules_facts(text)}
    assert units["292.25"] == (2_922_500, "人次")
    assert units["181.13"] == (1_811_300, "人次")
    assert units["90.01"] == (9_001_000_000, "元")
    assert units["26.9"] == (26.9, "%")


def test_percents_under_year_columns_are_shares_where_the_title_says_so() -> None:
    text = (
        "3-3 各年龄组人口占总人口的比重\n单位:%\n年龄组 1982 1990 1995 2000 2010\n"
        "   学龄前儿童(1-6岁) 13.3 13.3 11.2 6.4 6.8\n"
        "   小学学龄组(7-12岁) 15.6 11.6 13.4 11.6 5.6\n"
        "1-4 国民经济主要比例与效益指标\n单位:%\n指标 1990 1995 1999\n"
        "  人口性别比 97.10 100.40 102.07\n  城镇化水平 41.2 44.0 46.5\n"
    )
    kinds = {(fact.text, fact.period): fact.kind for fact in rules_facts(text)}
    assert kinds[("13.3", "1982")] == kinds[("5.6", "2010")] == "share"
    assert kinds[("97.10", "1990")] == "level"  # 主要比例 lists ratios of every kind


def test_a_column_without_a_unit_takes_the_unit_the_prose_quotes_one_of_its_figures_in() -> None:
    text = (
        "今年前11个月全市五大产业累计完成产值4251.2亿元,同比增长27.1%,"
        "其中11月份当月完成产值444.8亿元,同比增长19.3%。\n"
        "|\n现 价 工 业 产 值 |\n本月 |\n增长% |\n累计 |\n累计增长 |\n"
        "五大产业合计 |\n4448189 |\n19.31 |\n42512215 |\n27.11 |\n"
        "装备制造业 |\n2340183 |\n16.50 |\n21242484 |\n24.84 |\n"
        "电子信息业 |\n397416 |\n18.05 |\n4086546 |\n22.97 |\n"
    )
    facts = {fact.text: (fact.value, fact.unit) for fact in rules_facts(text)}
    assert facts["2340183"] == (23_401_830_000, "元")  # 444.8亿元 is 4448189 in 万元, rounded
    assert facts["4086546"] == (40_865_460_000, "元")
    assert facts["16.50"] == (16.5, "%")


def test_price_indices_on_last_years_month_fill_the_columns_named_first_after_the_labels() -> None:
    text = _closed_cells(
        "工业品、原材料价格指数", "2031年10月", "指标名称", "环比(上月=100)",
        "同期比(上年同月=100)", "累计比(上年同期=100)", "增幅%", "去年同月", "去年同期",
        "甲", "1", "2", "3", "4", "5",
        "工业生产者出厂价格指数", "99.6", "94.7", "95.5", "", "",
        "#轻工业", "99.7", "98.1", "98.0", "", "",
        "重工业", "99.6", "93.5", "94.6", "", "",
    )  # fmt: skip
    facts = {fact.text: fact for fact in rules_facts(text)}
    assert (facts["94.7"].value, facts["94.7"].unit, facts["94.7"].kind) == (94.7, "", "level")
    assert facts["94.7"].period == facts["95.5"].period == "2031"  # the base is last year's
    assert "同期比" in facts["93.5"].indicator


def test_a_table_copied_onto_one_line_between_pipes_is_read_row_by_row() -> None:
    text = (
        "10-9 2013-2018年工业生产者购进价格分类指数 | | | | 以上年价格为100 | 项目 | 2013 | 2014 "
        "| 2015 | 总指数 | 97.6 | 99.0 | 96.3 | 燃料动力类 | 96.3 | 98.6 | 93.1 | 黑色金属材料类 "
        "| 96.4 | 97.7 | 92.9 | 化工原料类 | 98.3 | 98.6 | 95.6 |\n|\n"
    )
    read = rules_facts(text)
    facts = {(fact.indicator, fact.period): fact for fact in read}
    assert len(read) == len(facts) == 12
    assert (facts[("燃料动力类", "2014")].text, facts[("燃料动力类", "2014")].unit) == ("98.6", "")
    assert facts[("黑色金属材料类", "2015")].value == 92.9


def test_a_row_short_of_figures_a_cell_per_line_puts_its_last_in_the_last_column() -> None:
    # A monthly release prints only the growth rate of some rows, or leaves out the year
    # before's level; a head with its unit and no figures sits between rows.
    body = (
        "全市主要经济指标\n\n指标名称\n\n单位\n\n1-2\n\n去年同期\n\n增长%\n\n"
        "地区生产总值\n\n亿元\n\n1308.01\n\n1227.27\n\n5.5\n\n"
        "规模以上工业增加值\n\n亿元\n\n45.8\n\n-2.9\n\n"
        "#先进制造业\n\n亿元\n\n"
        "固定资产投资\n\n亿元\n\n-12.2\n\n"
        "社会消费品零售总额\n\n亿元\n\n108.9\n\n105.16\n\n3.6\n\n"
        "税收总收入\n\n亿元\n\n50.59\n\n52.35\n\n-3.4\n"
    )
    (table,) = find_tables(body)
    assert [[cell.text for cell in row.cells[2:]] for row in table.rows] == [
        ["1308.01", "1227.27", "5.5"],
        ["45.8", "", "-2.9"],
        ["", "", "-12.2"],
        ["108.9", "105.16", "3.6"],
        ["50.59", "52.35", "-3.4"],
    ]
    facts = {fact.text: fact for fact in rules_facts(body)}
    assert (facts["12.2"].unit, facts["12.2"].kind) == ("%", "change")
    assert (facts["45.8"].value, facts["45.8"].unit) == (4_580_000_000, "元")


def test_a_one_cell_per_line_table_cut_short_fills_its_last_row_from_the_first_column() -> None:
    body = (
        "指标\n\n总量\n\n增长%\n\n"
        "房地产业\n\n388.6\n\n22.4\n\n住宿和餐饮业\n\n5.3\n\n13.9\n\n教育\n\n28.0"
    )
    (table,) = find_tables(body)
    assert [cell.text for cell in table.rows[-1].cells] == ["教育", "28.0", ""]


def test_rows_closed_by_an_empty_line_may_all_end_early_a_cell_per_line() -> None:
    # Households by size and by generations: a household of one person is of one generation,
    # so most rows end early, each closed by the empty line its empty cells left.
    body = (
        "表5 家庭户类别\n指标\n合计(户)\n一代户(户)\n二代户(户)\n三代户(户)\n四代户(户)\n"
        "合计\n52010\n20115\n24960\n6935\n10\n"
        "一人户\n9870\n9870\n\n"
        "二人户\n15230\n9620\n5610\n\n"
        "三人户\n16020\n625\n13650\n1745\n\n"
    )
    (table,) = find_tables(body)
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["合计", "52010", "20115", "24960", "6935", "10"],
        ["一人户", "9870", "9870", "", "", ""],
        ["二人户", "15230", "9620", "5610", "", ""],
        ["三人户", "16020", "625", "13650", "1745", ""],
    ]


def test_a_row_labels_unit_on_a_line_of_its_own_joins_the_label_a_cell_per_line() -> None:
    # A label cell that wrapped before its unit (`供水总量<br>(万立方米)`), copied a cell a
    # line: the unit is the label's, so rows with a unit and rows without are as wide; the
    # year in brackets under the title dates the table and heads no column.
    body = (
        "8-2 城市公用事业\n(2019年)\n指标\n全市\n甲县\n乙县\n"
        "供水总量\n(万立方米)\n5120\n2210\n2910\n"
        "#生活用水\n2010\n905\n1105\n"
        "用水人口\n(万人)\n61.2\n25.3\n35.9\n"
    )
    tables = find_tables(body)
    assert [column.header for column in tables[0].columns] == ["指标", "全市", "甲县", "乙县"]
    facts = {(f.text, f.unit) for f in rules_facts(body)}
    assert {("5120", "立方米"), ("2210", "立方米"), ("61.2", "人"), ("35.9", "人")} <= facts


def test_an_empty_line_after_a_whole_row_a_cell_per_line_does_not_end_the_table() -> None:
    # A page that pads a row with an empty cell leaves an empty line after it; the rows go on,
    # an empty line inside a row still an empty cell.
    body = (
        "指标\n2022年\n2023年\n"
        "粮食产量(万吨)\n45.2\n46.8\n"
        "#稻谷(万吨)\n30.1\n31.0\n\n"
        "油料产量(万吨)\n3.1\n3.3\n"
        "棉花产量(万吨)\n\n0.8\n"
        "蔬菜产量(万吨)\n80.4\n82.9\n"
    )
    rows = [[cell.text for cell in row.cells] for table in find_tables(body) for row in table.rows]
    assert sorted(rows) == sorted(
        [
            ["粮食产量(万吨)", "45.2", "46.8"],
            ["#稻谷(万吨)", "30.1", "31.0"],
            ["油料产量(万吨)", "3.1", "3.3"],
            ["棉花产量(万吨)", "", "0.8"],
            ["蔬菜产量(万吨)", "80.4", "82.9"],
        ]
    )


def test_ranked_rows_set_apart_by_empty_lines_are_rows_not_empty_cells() -> None:
    # Each row a paragraph opening on its rank: the empty lines part the rows, the ranks are
    # no figures, so no empty cell is read before them.
    body = (
        "排名\n县区\n2023年GDP(亿元)\n增速(%)\n\n"
        "1\n甲区\n412.5\n6.1\n\n2\n乙县\n301.2\n5.4\n\n3\n丙县\n188.0\n7.2\n"
    )
    (table,) = find_tables(body)
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["甲区", "412.5", "6.1"],
        ["乙县", "301.2", "5.4"],
        ["丙县", "188.0", "7.2"],
    ]


def test_a_column_of_circled_footnote_marks_is_no_column_of_serial_numbers() -> None:
    # `②`.isdigit() is true but int('②') fails: a column of marks is not numbered 1, 2, 3.
    assert rules_facts("9|的\n||||8\n||||②") == []


def test_a_row_labelled_by_its_year_takes_no_unit_from_what_the_prose_says_after_that_year() -> (
    None
):
    header = ["年度", "合计", "因公出国(境)经费", "公务接待费", "公车购置及运行维护费"]
    header += ["合计", "车辆购置", "车辆运行"]
    rows = ["2015年", "2840", "90", "1400", "1350", "73", "1277"]
    rows += ["2016年", "2364", "12", "1356", "996", "37", "959"]
    text = (
        "2016年比2015年下降16.77%。\n2016年决算数与2015年决算数对比情况\n"
        + "\n|\n".join(header + rows)
        + "\n|\n"
    )
    facts = rules_facts(text)
    assert [f.text for f in facts][:3] == ["16.77%", "2840", "90"]
    assert {f.unit for f in facts[1:]} == {""}


def test_a_markdown_header_broken_after_every_cell_heads_its_columns() -> None:
    # A yearbook page exported with a line end inside every header cell, a blank line
    # before the separator, and a group row under it that heads no column.
    text = (
        "1--2 户数与人口\n"
        "|  项 目  |  \n"
        "    单位  |  \n"
        "   1990年 |  \n"
        "   1995年 |  \n"
        "  \n"
        "|---|---|---|---|\n"
        "| 一、户 数 | |||\n"
        "| 年末总户数 | 万户 | 32.73 | 36.43 | \n"
        "| 人口密度 | 人/平方公里 | 535 | 583 | \n"
    )
    [table] = find_tables(text)
    assert [(column.header, column.role, column.period) for column in table.columns] == [
        ("项 目", "indicator", None),
        ("单位", "unit", None),
        ("1990年", "value", "1990"),
        ("1995年", "value", "1995"),
    ]
    facts = RulesExtractor().extract([Document(id="yearbook", text=text)]).facts
    assert [(fact.text, fact.value, fact.unit, fact.period) for fact in facts] == [
        ("32.73", 327300, "户", "1990"),
        ("36.43", 364300, "户", "1995"),
        ("535", 535, "人/平方公里", "1990"),
        ("583", 583, "人/平方公里", "1995"),
    ]


def test_a_header_line_broken_without_a_separator_below_stays_as_it_was() -> None:
    text = "|  甲  |\n  乙  |\n正文一段，没有分隔线。\n"
    assert find_tables(text) == []


def test_a_row_of_bare_years_over_grouped_columns_dates_each_group() -> None:
    # The years span two columns each; the rows under them lost the cell the region
    # heading spanned, so they start one column left.
    text = (
        "| 17-22 社会消费品零售总额 | ||||\n"
        "| 地 区 | 2008 | 2009 | ||\n"
        "| 社会消费品零售总额 | 增 长 | 社会消费品零售总额 | 增 长 | |\n"
        "| (亿元) | (%) | (亿元) | (%) | |\n"
        "| 全 国 | 114830.1 | 22.7 | 132678.4 | 15.5 |\n"
        "| 北 京 | 4645.5 | 21.1 | 5309.9 | 14.3 |\n"
    )
    facts = RulesExtractor().extract([Document(id="regions", text=text)]).facts
    assert [(f.text, f.unit, f.period, f.kind, f.indicator) for f in facts[:4]] == [
        ("114830.1", "元", "2008", "level", "全国社会消费品零售总额"),
        ("22.7", "%", "2008", "change", "全国社会消费品零售总额增长"),
        ("132678.4", "元", "2009", "level", "全国社会消费品零售总额"),
        ("15.5", "%", "2009", "change", "全国社会消费品零售总额增长"),
    ]


def test_a_cell_whose_row_and_column_name_no_measure_measures_what_the_title_names() -> None:
    text = (
        "单位:元\n"
        "附录 1-13  城镇居民人均可支配收入\n"
        "地区 | 2011 | 2012\n"
        "辽宁 | 20467 | 23223\n"
        "吉林 | 17797 | 20208\n"
    )
    facts = RulesExtractor().extract([Document(id="incomes", text=text)]).facts
    assert [(f.text, f.period, f.indicator) for f in facts] == [
        ("20467", "2011", "辽宁城镇居民人均可支配收入"),
        ("23223", "2012", "辽宁城镇居民人均可支配收入"),
        ("17797", "2011", "吉林城镇居民人均可支配收入"),
        ("20208", "2012", "吉林城镇居民人均可支配收入"),
    ]


def test_a_continued_table_under_its_own_caption_and_header_is_a_table_of_its_own() -> None:
    # The continuation's caption, header rows and group row stand between two runs of
    # figures; its rows are read under its own header, not as rows of the first table.
    text = (
        "| 表1 规模以上工业主要指标 (2002年) 单位:万元 | ||||\n"
        "| 类 别 | 企业数(个) | 工业总产值 | 资产合计 |\n"
        "| 轻工业 | 4821 | 24290034 | 18697035 |\n"
        "| 重工业 | 3556 | 21171684 | 17252567 |\n"
        "| 表1续表 (2002年) 单位:万元 | ||||\n"
        "| 类 别 | 企业数(个) | 工业总产值 | 资产合计 |\n"
        "| 一、按行业分 | ||||\n"
        "| 采掘业 | 106 | 513331 | 541254 |\n"
        "| 煤炭采选业 | 34 | 140921 | 91414 |\n"
    )
    first, second = find_tables(text)
    assert [row.cells[0].clean for row in first.rows] == ["轻工业", "重工业"]
    assert second.title.startswith("表1续表")
    assert [row.cells[0].clean for row in second.rows][-2:] == ["采掘业", "煤炭采选业"]
    facts = {(f.text, f.indicator): (f.value, f.unit) for f in rules_facts(text)}
    assert facts[("140921", "煤炭采选业工业总产值")] == (1409210000, "元")


def test_a_column_of_figures_under_a_unit_line_holds_values_in_that_unit() -> None:
    # 工业总产值 names no year, status or measure word; under `单位:万元` its figures are
    # amounts in ten thousand yuan.
    text = (
        "单位:万元\n"
        "| 类 别 | 企业数(个) | 工业总产值 | 销售产值 |\n"
        "| 轻工业 | 4821 | 24290034 | 23632101 |\n"
        "| 重工业 | 3556 | 21171684 | 20523550 |\n"
    )
    facts = {(f.text, f.indicator): (f.value, f.unit) for f in rules_facts(text)}
    assert facts[("4821", "轻工业企业数")] == (4821, "个")
    assert facts[("24290034", "轻工业工业总产值")] == (242900340000, "元")
    assert facts[("20523550", "重工业销售产值")] == (205235500000, "元")


def test_a_yearbook_measure_and_its_parts_on_one_line_name_the_columns_in_the_tables_unit() -> None:
    # The measure's line writes no unit (the table's `数(亿元)` line does); its parts share a
    # line, each after its #. The block of growth rates below takes the same names.
    text = (
        "8-1 地方财政一般预算收入(1996—2011年)\n"
        "Local General Budgetary Government Revenue, 1996-2011\n"
        "年 份  地方一般预算收入\n"
        "# 增值税 # 营业税 # 企业所得税\n"
        "Year Local General\n"
        "Budgetary Revenue\n"
        "    数(亿元)\n"
        "Value (100 million yuan)\n"
        "1996 76.02 17.25 24.67 19.06\n"
        "1997 89.91 17.30 27.60 21.48\n"
        "1998 101.40 18.99 30.71 20.34\n"
        "比上年增长(%)\n"
        "Increase Rate over Preceding Year (%)\n"
        " \n"
        "1997 18.3 0.3 11.9 12.7\n"
        "1998 12.8 9.8 11.3 -5.3\n"
    )
    facts = {f.text: f for f in rules_facts(text)}
    assert (facts["76.02"].indicator, facts["76.02"].value, facts["76.02"].unit) == (
        "地方一般预算收入",
        7602000000,
        "元",
    )
    assert facts["24.67"].indicator == "地方一般预算收入营业税"
    assert (facts["18.3"].indicator, facts["18.3"].unit, facts["18.3"].kind) == (
        "地方一般预算收入增长",
        "%",
        "change",
    )
    assert facts["12.7"].indicator == "地方一般预算收入企业所得税增长"


def test_a_unit_row_with_its_english_in_brackets_is_a_caption_not_a_header() -> None:
    # Read as a header row, `(100 million yuan)` ran on over every column and hid the years.
    text = (
        "| 2-9 地区生产总值构成项目表 | |||||\n"
        "| Structure of Gross Regional Product | |||||\n"
        "| 单位: 亿元 | (100 million yuan) | ||||\n"
        "| 指 标 | Item | 2005 | 2006 | ||\n"
        "| 地区生产总值 | Gross Domestic Product | 6511.34 | 7568.89 | ||\n"
        "| 劳动者报酬 | Compensation of Laborers | 2939.66 | 3533.65 | ||\n"
    )
    facts = {f.text: (f.value, f.unit, f.period) for f in rules_facts(text)}
    assert facts["6511.34"] == (651134000000, "元", "2005")
    assert facts["3533.65"] == (353365000000, "元", "2006")


def test_a_column_of_current_price_totals_beside_a_unit_column_holds_values() -> None:
    text = (
        "2018年某县地区生产总值计算表\n"
        "| 项目 | 单位 | 现价总值 | 增长率(%) |\n"
        "| 生产总值 | 万元 | 35163 | 5.7 % |\n"
        "| 第一产业 | 万元 | 10433 | 2.8 % |\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("35163", 351_630_000, "元"),
        ("5.7 %", 5.7, "%"),
        ("10433", 104_330_000, "元"),
        ("2.8 %", 2.8, "%"),
    ]


def test_a_rule_after_a_rule_is_an_empty_cell_so_rows_without_labels_keep_their_columns() -> None:
    # A bulletin's tables copied a cell per line, each cell closed by a lone pipe; a row whose
    # label cell is empty shows as two pipes in a row, and each table's heading ends in its unit.
    text = (
        "一、学校数 计量单位:所\n指 标\n|\n2014年\n|\n2013年\n|\n"
        "|\n1470\n|\n1253\n|\n|\n59\n|\n61\n|\n中等职业学校\n|\n57\n|\n58\n|\n"
        "二、在校学生数 计量单位:人\n指 标\n|\n2014年\n|\n2013年\n|\n"
        "|\n1858239\n|\n1831825\n|\n幼儿园\n|\n187404\n|\n175511\n|\n"
    )
    facts = [(fact[0], fact[2]) for fact in _facts_of(text)]
    assert facts == [
        ("1470", "所"),
        ("1253", "所"),
        ("59", "所"),
        ("61", "所"),
        ("57", "所"),
        ("58", "所"),
        ("1858239", "人"),
        ("1831825", "人"),
        ("187404", "人"),
        ("175511", "人"),
    ]
    periods = [fact.period for fact in rules_facts(text)]
    assert periods == ["2014", "2013"] * 5


def test_a_header_cell_that_wrapped_between_two_pipes_is_one_cell() -> None:
    # `2007年为` and `上年 %` are one header cell: no pipe closes the first line.
    text = (
        "农民人均纯收入构成\n计量单位:元\n指 标\n|\n2007年\n|\n2006年\n|\n2007年为\n上年 %\n|\n"
        "全年纯收入\n|\n8020.27\n|\n7045.00\n|\n113.8\n|\n"
        "一、工资性收入\n|\n4905.88\n|\n4151.60\n|\n118.2\n|\n"
    )
    (table,) = find_tables(text)
    assert [column.header for column in table.columns][-1] == "2007年为\n上年 %"
    units = [(fact[0], fact[2]) for fact in _facts_of(text)]
    assert units == [
        ("8020.27", "元"),
        ("7045.00", "元"),
        ("113.8", "%"),
        ("4905.88", "元"),
        ("4151.60", "元"),
        ("118.2", "%"),
    ]


def test_a_header_cell_broken_a_piece_a_line_between_two_pipes_is_one_cell() -> None:
    # The page set a date's figures apart from its words, and the copy put each piece on a
    # line of its own: `2017⏎年⏎12⏎月⏎|` is the header `2017年12月`.
    text = (
        "2017年1-12月\n|\n项\n目\n|\n2017\n年\n12\n月\n|\n同比增长(\n%\n)\n|\n2017\n年\n1-12\n月\n|\n"
        "收入合计(万元)\n|\n50004.6\n|\n9.7\n|\n827228.5\n|\n"
        "门票收入\n|\n19805.0\n|\n17.1\n|\n495242.2\n|\n"
    )
    (table,) = find_tables(text)
    assert [column.header for column in table.columns] == [
        "项\n目",
        "2017\n年\n12\n月",
        "同比增长(\n%\n)",
        "2017\n年\n1-12\n月",
    ]
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.period, f.kind) for f in facts][:3] == [
        ("50004.6", "元", "2017", "level"),
        ("9.7", "%", "2017", "change"),
        ("827228.5", "元", "2017", "level"),
    ]


def test_cells_of_a_row_between_two_pipes_stay_cells_of_their_own() -> None:
    # Rules parting rows, not cells: a row's label and figure are no cell broken in pieces,
    # nor are a header's names.
    text = "项目\n本月\n累计\n|\n工业产值\n12.5\n30.1\n|\n农业\n8\n2\n|\n东区\n1\n|\n西区\n2\n|\n"
    cells = [cell.text for table in find_tables(text) for row in table.rows for cell in row.cells]
    assert not any("\n" in cell for cell in cells)


def test_a_survey_sheet_of_quarters_over_repeated_names_reads_each_figure_in_its_unit() -> None:
    # A Taiwan livestock survey sheet as the page gives it: quarters of the Republic of China
    # calendar over `飼養場數 在養數量` once a quarter, the change group's measures on a line of
    # their own, units listed `場、頭(隻)、%`, the total's label left blank.
    text = (
        "1 花蓮縣畜禽統計調查結果比較(18/24)\n"
        " 單位:場、頭(隻)、% \n"
        " 畜禽別   106年第1季   105年第4季   106年第1季與105年第4季增減比較 \n"
        " 飼養場數   在養數量 \n"
        " 飼養場數   在養數量   飼養場數   在養數量   實數   %   實數   % \n"
        "    94  3,798  95  3,816 -1 -1.1 -18 -0.5\n"
        " 肉牛   83  2,055  85  2,076 -2 -2.4 -21 -1.0\n"
        " 水牛   45  966  45  917 0 0.0 49 5.3\n"
    )
    facts = [f for f in rules_facts(text) if f.text != "18/24"]
    assert [(f.text, f.unit, f.period) for f in facts[:4]] == [
        ("94", "场", "2017"),
        ("3,798", "头(只)", "2017"),
        ("95", "场", "2016"),
        ("3,816", "头(只)", "2016"),
    ]
    assert [(f.unit, f.kind) for f in facts[4:8]] == [
        ("场", "change"),
        ("%", "change"),
        ("头(只)", "change"),
        ("%", "change"),
    ]
    assert facts[8].indicator == "肉牛106年第1季飼養場數" and len(facts) == 24


def test_a_survey_sheets_notes_under_its_quarters_and_a_small_percent_sign_change_nothing() -> None:
    # The 2012 sheets: `(本季) (上一季)` under the quarters, on the change group's line, and
    # the unit line's percent the small sign `﹪`; households (戶數) counted in 戶.
    text = (
        " 單位:戶、頭(隻)、﹪ \n"
        " 畜禽別   101年第1季   100年第4季   本季與上一季增減比較 \n"
        " (本季)   (上一季)         飼養戶數   在養數量 \n"
        " 飼養戶數   在養數量   飼養戶數   在養數量   實數   %   實數   % \n"
        "    67  7,713  67  7,428 0 0.00 285 3.84\n"
        " 肉牛   15  1,542  12  1,253 3 25.00 289 23.06\n"
        " 水牛   1  10  1  8 0 0.00 2 25.00\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.period) for f in facts[:3]] == [
        ("67", "户", "2012"),
        ("7,713", "头(只)", "2012"),
        ("67", "户", "2011"),
    ]
    assert len(facts) == 24


def test_a_years_down_piped_tables_title_closing_on_a_bracketed_unit_gives_every_figure() -> None:
    # Hong Kong's Transport Department: passengers in thousands, a cell a line closed by pipes.
    cells = ["年 / 月", "九巴", "城巴", "小計", "2001", "1,111,171", "201,725", "1,312,896"]
    cells += ["2002", "1,134,354", "204,445", "1,338,799"]
    text = "2001年至2010年按營辦商劃分的公共交通乘客人次(千次)\n" + "".join(
        f"{cell} |\n" for cell in cells
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit, f.period) for f in facts[:2]] == [
        ("1,111,171", 1_111_171_000, "次", "2001"),
        ("201,725", 201_725_000, "次", "2001"),
    ]


def test_a_unit_line_listing_a_unit_with_a_bracket_of_its_own_lists_it_whole() -> None:
    unit = unit_line_unit("單位:場、頭(隻)、%")
    assert unit == ("场、头(只)、%", 1.0)
    assert listed_for_header(unit, "飼養場數") == ("场", 1.0)
    assert listed_for_header(unit, "在養數量") == ("头(只)", 1.0)
    assert unit_line_unit("(单位:万元)") == ("元", 10_000.0)
    # A column naming no quantity takes neither amount; a note in brackets is no unit.
    assert listed_for_header(("家、亿元、%", 1.0), "2023年") is None
    assert unit_line_unit("单位:亿元(现价)") == ("元", 100_000_000.0)


def test_a_unit_line_listing_money_after_counts_keeps_every_unit_it_lists() -> None:
    # 万元 last in the list is no currency named 个、人 (as 新台币 names one in 新台币亿元).
    assert unit_line_unit("单位:个、人、万元") == ("个、人、万元", 1.0)
    assert unit_line_unit("單位:人、萬元") == ("人、万元", 1.0)
    assert unit_line_unit("单位:新台币亿元") == ("元", 100_000_000.0)


def test_rows_under_a_listed_unit_line_take_the_unit_their_label_measures_in() -> None:
    text = (
        "表5 2022-2023年规模以下工业主要指标\n"
        "单位:家、人、万元\n"
        "  指标 2022 2023\n"
        "  企业单位数 1520 1604\n"
        "  从业人员年末数 23150 24020\n"
        "  工业总产值 483049 546776\n"
        "  资产总计 594191 620115\n"
        "  本年折旧 23935 24464\n"
    )
    units = {(text, unit) for text, _, unit, _ in _facts_of(text)}
    assert units == {
        ("1520", "家"), ("1604", "家"),
        ("23150", "人"), ("24020", "人"),
        ("483049", "元"), ("546776", "元"),
        ("594191", "元"), ("620115", "元"),
        ("23935", "元"), ("24464", "元"),
    }  # fmt: skip
    values = {text: value for text, value, _, _ in _facts_of(text)}
    assert values["483049"] == 4_830_490_000 and values["1520"] == 1520


@pytest.mark.parametrize(
    ("unit_line", "header", "rows"),
    [
        # A column's 本年数 says of when, not of what: the rows' counts decide.
        ("单位:所、万人", "本年数 上年数",
         {"学校数 120 118": "所", "在校学生数 35.6 34.2": "人", "教职工数 3.1 3.0": "人"}),
        # A count of the persons owed wages is persons; a sum of wages is money.
        ("单位:万元、人", "2022 2023",
         {"被拖欠工资人数 1520 1604": "人", "工资总额 3400 3500": "元", "职工人数 800 820": "人"}),
        # A rate takes the listed rate, never the money that ends 工资 or 负债 in its name.
        ("单位:个、人、万元、%", "2022 2023",
         {"企业数 1520 1604": "个", "资产负债率 56.3 55.1": "%", "平均工资增长率 5.2 4.8": "%"}),
        # An index has no unit; an income is money.
        ("单位:户、人、元", "2022 2023",
         {"调查户数 1520 1604": "户", "恩格尔系数 30.5 29.8": "",
          "人均可支配收入 45000 47000": "元"}),
        # What a table in 人、万元 does not count is money (生 in 生产 names no persons).
        ("单位:人、万元", "2022 2023",
         {"地区生产总值 4251200 4400000": "元", "年末常住人口 1520 1604": "人",
          "一般公共预算收入 310000 320000": "元"}),
        # 法人单位 are no persons; a balance is money.
        ("单位:个、人、万元", "2022 2023",
         {"法人单位数 1520 1604": "个", "从业人员数 23150 24020": "人",
          "金融机构存款余额 5000000 5100000": "元"}),
        # A column's 上年同期数 counts nothing: rows naming no count keep their own reading.
        ("单位:所、人", "本年数 上年同期数",
         {"学校 120 118": "所", "招生 2315 2402": "人", "在校生 35600 34200": "人"}),
        # Funds for persons are money; a count of what is spent is money too, where the list
        # counts no things.
        ("单位:人、万元", "2022 2023",
         {"人员经费 500 520": "元", "参保人数 1520 1604": "人", "基金支出数 500 510": "元"}),
        # A count of persons named far from its 数.
        ("单位:个、人", "2022 2023",
         {"残疾人职业技能培训数 500 520": "人", "企业数 150 160": "个",
          "外来务工人员随迁子女入学数 2315 2400": "人"}),
        # Tonnes are no count: what is not money there has no listed unit to fall back on.
        ("单位:万吨、万元", "2022 2023",
         {"粮食产量 152 160": "", "农业总产值 3000 3100": "元", "蔬菜产量 50 52": ""}),
        # A median is no count of households.
        ("单位:户、元", "2022 2023",
         {"调查户数 1520 1604": "户", "人均可支配收入中位数 30500 31800": "元",
          "人均可支配收入 45000 47000": "元"}),
        # A bracket closing a label hides no count; nurses are persons.
        ("单位:个、人、万元", "2022 2023",
         {"从业人员数(年末) 23150 24020": "人", "注册护士数 150 160": "人",
          "工业总产值(当年价) 483049 546776": "元"}),
        # Beds are counted in 张, where the list names it or not: no 家, no persons, no 位.
        ("单位:家、人", "2022 2023",
         {"医疗机构数 150 160": "家", "床位数 2315 2400": "张", "卫生技术人员 5000 5200": "人"}),
        ("单位:家、张、人", "2022 2023",
         {"医疗机构数 150 160": "家", "实有床位数 2315 2400": "张", "执业医师 1500 1600": "人"}),
        # Beside beds, a count in a word of its own keeps it: cases, times.
        ("单位:家、张、人", "2022 2023",
         {"住院手术例数 3000 3100": "例", "病床周转次数 30 31": "次",
          "实有床位数 2315 2400": "张"}),
        # An average headcount is persons; a nurses' school is a school.
        ("单位:所、人", "2022 2023",
         {"护士学校数 5 6": "所", "教职工平均数 5000 5200": "人", "注册护士数 150 160": "人"}),
        # A multiple is in 倍, none of the listed counts.
        ("单位:个、人", "2022 2023",
         {"企业数 150 160": "个", "城乡收入倍数 2.5 2.4": "倍", "从业人员 5000 5200": "人"}),
    ],
)  # fmt: skip
def test_a_row_takes_the_listed_unit_of_what_its_label_measures(
    unit_line: str, header: str, rows: dict[str, str]
) -> None:
    text = f"{unit_line}\n  指标 {header}\n" + "".join(f"  {row}\n" for row in rows)
    expected = [unit for unit in rows.values() for _ in range(2)]
    assert [unit for _, _, unit, _ in _facts_of(text)] == expected


@pytest.mark.parametrize("serials", [("一", "二", "三"), ("⑴", "⑵", "⑶"), ("1.1", "1.2", "1.3")])
def test_a_row_short_of_its_last_figure_keeps_its_serial_however_written(
    serials: tuple[str, str, str],
) -> None:
    # The last row's serial, not a total's label, opens it: its last figure is blank.
    first, second, third = serials
    text = (
        "序号 | 各市 | 研发费用 (亿元) | 增速 (%) | 占营业收入比重 (%) |\n"
        f"{first} | 东城 | 206.94 | 6.4 | 4.09 |\n"
        f"{second} | 西城 | 157.63 | 9.6 | 2.57 |\n"
        f"{third} | 南城 | 98.12 | 5.1 |\n"
    )
    assert [(text, unit) for text, _, unit, _ in _facts_of(text)][-2:] == [
        ("98.12", "元"), ("5.1", "%"),
    ]  # fmt: skip


def test_columns_under_a_listed_unit_line_take_the_unit_their_header_measures_in() -> None:
    # The rows name persons (职工) but measure nothing; each column says what it measures.
    text = (
        "單位:人、萬元 |\n|\n險種 |\n參保人數 |\n上年結余 |\n當年基金收入 |\n"
        "城鎮職工醫保 |\n31455 |\n1997.10 |\n7463.88 |\n"
        "城鄉居民醫保 |\n281352 |\n13999.86 |\n20397.53 |\n"
    )
    assert {(text, unit) for text, _, unit, _ in _facts_of(text)} == {
        ("31455", "人"), ("1997.10", "元"), ("7463.88", "元"),
        ("281352", "人"), ("13999.86", "元"), ("20397.53", "元"),
    }  # fmt: skip


@pytest.mark.parametrize("total", ["全省", "合 计", "全省合计", "全市总计"])
def test_a_total_row_with_no_serial_number_keeps_its_figures_under_their_columns(
    total: str,
) -> None:
    text = (
        "表1 各市规上工业研发费用情况\n"
        "序号 | 各市 | 研发费用 (亿元) | 增速 (%) | 占营业收入比重 (%) |\n"
        "1 | 东城 | 206.94 | 6.4 | 4.09 |\n"
        "2 | 西城 | 157.63 | 9.6 | 2.57 |\n"
        f"{total} | 364.57 | 7.7 | 3.17 |\n"
    )
    [table] = find_tables(text)
    assert [cell.text for cell in table.rows[-1].cells] == ["", total, "364.57", "7.7", "3.17"]
    assert [(text, unit) for text, _, unit, _ in _facts_of(text)][-3:] == [
        ("364.57", "元"), ("7.7", "%"), ("3.17", "%"),
    ]  # fmt: skip


def test_names_repeated_under_two_groups_or_a_two_digit_year_make_no_survey_sheet() -> None:
    # Under two groups the repeat proves nothing; `23年12月` is no Republic of China month.
    text = "| 指标 | 23年12月 | 22年12月 |\n| 出口 | 12.5 | 11.2 |\n| 进口 | 10.1 | 9.8 |\n"
    assert all(fact.period not in ("1934", "1933") for fact in rules_facts(text))
    # A sideways table whose labels repeat a word, not a block, is a sideways table still.
    sideways = "城镇 男 女 乡村 男 女\n52.1 25.3 26.8 47.9 24.1 23.8\n1.2 0.5 0.7 -1.1 -0.6 -0.5\n"
    assert len(rules_facts(sideways)) == 12


def test_a_group_row_under_the_header_heads_its_rows_and_its_share_word_makes_shares() -> None:
    # A yearbook's pipe table: a unit column, then groups of rows each under a row of its
    # label alone; the first group sits right under the header and is no part of it.
    text = (
        "1-4 国民经济和社会发展主要比例与效益指标 | ||||||\n"
        "指 标 | 单 位 | 1990年 | 1995年 |\n"
        "一、人 口 | |||\n"
        "出 生 率 | ‰ | 17.07 | 17.59 |\n"
        "三、国内生产总值中三次产业比重 | |||\n"
        "第 一 产 业 | % | 22.7 | 12.0 |\n"
    )
    facts = {fact.text: fact for fact in rules_facts(text)}
    assert [(text, fact.unit, fact.period) for text, fact in facts.items()] == [
        ("17.07", "‰", "1990"),
        ("17.59", "‰", "1995"),
        ("22.7", "%", "1990"),
        ("12.0", "%", "1995"),
    ]
    assert [fact.kind for fact in facts.values()] == ["level", "level", "share", "share"]


def test_a_column_that_counts_households_or_people_takes_that_noun_as_its_unit() -> None:
    # A page's table whose headers name what they count (鄰數, 戶數, 男性 人數, 人口) and
    # write no unit: the measure word of the noun counted is the unit, as a labeller reads it.
    text = (
        "| 里名 | 鄰數 | 戶數 | 男性 人數 | 總人口數 |\n|---|---|---|---|---|\n"
        "| 南保里 | 29 | 2,329 | 3,444 | 6,908 |\n| 六甲里 | 24 | 1,616 | 2,264 | 4,390 |\n"
    )
    units = [(fact[0], fact[2]) for fact in _facts_of(text)]
    assert units == [
        ("29", "邻"),
        ("2,329", "户"),
        ("3,444", "人"),
        ("6,908", "人"),
        ("24", "邻"),
        ("1,616", "户"),
        ("2,264", "人"),
        ("4,390", "人"),
    ]


def test_a_unit_line_that_names_the_currency_after_its_yuan_is_in_yuan() -> None:
    text = (
        "2017年地方政府专项债务余额情况表\n单位:亿元人民币\n"
        "| 项目 | 执行数 |\n|---|---|\n"
        "| 一、2016年末地方政府专项债务余额实际数 | 55244.71 |\n"
        "| 二、2017年末地方政府专项债务余额限额 | 72685.08 |\n"
    )
    assert [(fact[1], fact[2]) for fact in _facts_of(text)] == [
        (5524471000000.0, "元"),
        (7268508000000.0, "元"),
    ]


def test_months_numbered_without_their_month_word_head_a_table_a_cell_per_line() -> None:
    # `月份` over bare month numbers, then the rows, a blank line after every cell.
    cells = [
        "单位:%",
        "月份",
        "3",
        "4",
        "5",
        "全区累计",
        "51.2",
        "28.5",
        "20.4",
        "区内当月",
        "-12.7",
        "9.1",
        "14.9",
    ]
    text = "上半年工业产值增速\n\n" + "\n\n".join(cells) + "\n"
    (table,) = find_tables(text)
    assert [column.header for column in table.columns] == ["月份", "3", "4", "5"]
    assert [(fact[0], fact[2]) for fact in _facts_of(text)] == [
        ("51.2", "%"),
        ("28.5", "%"),
        ("20.4", "%"),
        ("12.7", "%"),
        ("9.1", "%"),
        ("14.9", "%"),
    ]


def test_a_column_of_figures_under_a_unit_column_is_measured_whatever_its_header_says() -> None:
    # A price monitor's table: its headers name ten-day averages the vocabulary does not know,
    # but the unit column says what every figure in the row is in.
    text = (
        "商品名称 | 规格 | 计量单位 | 上旬平均 | 中旬平均 | 本月平均 | 比上月% |\n"
        "菜籽油 | 桶装一级压榨 | 元/5升 | 76.70 | 76.60 | 76.65 | -0.2 |\n"
        "鲜猪肉 | 精瘦肉 | 元/500克 | 18.45 | 16.81 | 17.09 | -5.7 |\n"
    )
    facts = [(fact[0], fact[2]) for fact in _facts_of(text)]
    assert facts == [
        ("76.70", "元/5升"),
        ("76.60", "元/5升"),
        ("76.65", "元/5升"),
        ("0.2", "%"),
        ("18.45", "元/500克"),
        ("16.81", "元/500克"),
        ("17.09", "元/500克"),
        ("5.7", "%"),
    ]


def test_a_unit_column_in_space_aligned_columns_measures_the_figures_beside_it() -> None:
    # The same price sheet as PDF text: every row's unit stands alone in its column.
    text = (
        "商品名称  规格          计量单位  上旬平均  中旬平均  比上月%\n"
        "菜籽油    桶装一级压榨  元/5升    76.70     76.60     -0.2\n"
        "鲜猪肉    精瘦肉        元/500克  18.45     16.81     -5.7\n"
    )
    assert [(fact[0], fact[2]) for fact in _facts_of(text)] == [
        ("76.70", "元/5升"),
        ("76.60", "元/5升"),
        ("0.2", "%"),
        ("18.45", "元/500克"),
        ("16.81", "元/500克"),
        ("5.7", "%"),
    ]


def test_a_column_of_figures_without_any_stated_unit_stays_unread() -> None:
    # No unit line, no unit column, headers that name no measure: nothing says what the
    # figures are, so none is a fact (a rank or a code would look the same).
    text = "地区 | 甲 | 乙 |\n东城 | 12 | 30 |\n西城 | 15 | 41 |\n"
    assert _facts_of(text) == []


def test_a_column_of_row_numbers_under_a_unit_line_is_no_fact() -> None:
    text = "单位：万元\n项目 | 号 | 金额 |\n税收收入 | 1 | 530 |\n非税收入 | 2 | 120 |\n"
    assert [(fact[0], fact[2]) for fact in _facts_of(text)] == [("530", "元"), ("120", "元")]


def test_a_census_pyramid_counts_people_under_its_male_and_female_headers() -> None:
    text = (
        "人口金字塔 (1980年普查)男性 | 年齡 | 女性 |\n---|\n"
        "6,954 | 85+ | 14,316 |\n---|\n18,722 | 80-84 | 28,892 |\n"
    )
    assert [(fact[0], fact[2]) for fact in _facts_of(text)] == [
        ("6,954", "人"),
        ("14,316", "人"),
        ("18,722", "人"),
        ("28,892", "人"),
    ]


def test_pipes_closing_empty_cells_add_no_columns_to_a_header_of_groups() -> None:
    # A plan's indicator table: every row closed by a run of empty cells, the lower header
    # row naming the two sub-columns of each year's group, words (the department) after them.
    text = (
        "指 标 名 称 | 单位 | 2021年完成 | 2022年计划 | 责任(牵头)部门 | ||||||\n"
        "绝对值 | 增长% | 绝对值 | 增长% | |||||||\n"
        "研发经费投入增长 | % | - | - | - | 10 | 示范区科技创新局 | ||||\n"
        "孵化载体总数 | 个 | 16 | - | 17 | - | |||||\n"
        "进出口贸易总额 | 亿元 | 8.71 | -2 | 10.2 | 15 | 示范区自贸办 | ||||\n"
    )
    facts = [(f.text, f.unit, f.period, f.status) for f in rules_facts(text)]
    assert facts == [
        ("10", "%", "2022", "target"),
        ("16", "个", "2021", "actual"),
        ("17", "个", "2022", "target"),
        ("8.71", "元", "2021", "actual"),
        ("2", "%", "2021", "actual"),
        ("10.2", "元", "2022", "target"),
        ("15", "%", "2022", "target"),
    ]


def test_rows_with_a_unit_cell_are_read_under_the_columns_after_the_unit_header() -> None:
    # A price monitor's report: the header names more columns than the rows fill (an
    # explanation, a caption), rows of other cells break the table, and a row whose label
    # the page lost keeps its unit cell.
    text = (
        "商品名称 | 规格、等级 | 单位 | 监测点1 零售价格 | 监测点2 零售价格 | 指标解释 |"
        " 1、肉禽蛋 |\n"
        "|\n"
        "| 鲜猪肉 | 精瘦肉 | 元/500克 | 20.00 | 20.00 |\n"
        "| 鲜猪肉 | 肋条肉 | 元/500克 | 18.00 | 16.00 |\n"
        "| 鲜牛肉 | 后腿肉 | 元/500克 | 46.00 | 40.00 |\n"
        "| 活鸡 | 活肉鸡 | 元/500克 | 无 | 无 | 半放养鸡 | 2、水产品 |\n"
        "|\n"
        "| 草鱼 | 活1000克以上一条 | 元/500克 | 12.00 | 11.00 |\n"
        "| 带鱼 | 冻250克左右一条 | 元/500克 | 25.00 | 25.00 |\n"
        "| 蒜头 |\n"
        "元/500克 | 10.00 | 13.00 |\n"
    )
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    prices = ["20.00", "20.00", "18.00", "16.00", "46.00", "40.00"]
    prices += ["12.00", "11.00", "25.00", "25.00", "10.00", "13.00"]
    assert [(figure, unit) for figure, unit, _ in facts] == [(p, "元/500克") for p in prices]
    assert facts[9][2].endswith("监测点2零售价格")


def test_a_column_of_units_is_told_by_its_cells_where_the_header_wrapped_past_telling() -> None:
    # The header's words wrapped onto a second line (计量⏎单位, 变化⏎较上一监测日), so no
    # header cell reads 单位; the cells do. The first row lost its price, so its change and
    # arrow sit one column left.
    text = (
        "项目 | 标准等级 | 计量 | 价格 | 变化 | 升降趋势 | ||||\n"
        "名称 | 单位 | 较上一监测日 | 升 | 降 | |||||\n"
        "鲜猪肉 | 精瘦肉 | 元/斤 | -0.76% | ↓ | |||||\n"
        "鲜猪肉 | 五花肉 | 元/斤 | 15.39 | -0.84% | ↓ | ||||\n"
        "排骨 | 主销 | 元/斤 | 24.88 | 0.00% | |||||\n"
        "鲜牛肉 | 主销 | 元/斤 | 37.90 | 0.26% | ↑ | ||||\n"
        "鲜羊肉 | 主销 | 元/斤 | 44.06 | -0.23% | ↓ | ||||\n"
        "白条鸡 | 主销 | 元/斤 | 11.65 | 0.00% | |||||\n"
    )
    facts = [(fact[0], fact[2]) for fact in _facts_of(text)]
    assert facts[1:] == [
        ("15.39", "元/斤"),
        ("0.84%", "%"),
        ("24.88", "元/斤"),
        ("0.00%", "%"),
        ("37.90", "元/斤"),
        ("0.26%", "%"),
        ("44.06", "元/斤"),
        ("0.23%", "%"),
        ("11.65", "元/斤"),
        ("0.00%", "%"),
    ]


def test_a_unit_alone_on_a_line_and_fiscal_years_run_together_head_rows_of_figures() -> None:
    # A finance summary: `百萬港元` alone over the rows, its three fiscal years written without
    # a gap, a row naming itself a percentage of GDP.
    text = (
        "香港特別行政區政府的財務狀況\n\n百萬港元\n\n  2017-182018-192019-20\n"
        "政府收入 619,837 599,774 590,926\n"
        "政府開支 470,863 531,825 607,830\n"
        "相當於本地生產總值的百份比* 5.6 2.4 -0.4\n"
    )
    facts = [(f.text, f.value, f.unit, f.period) for f in rules_facts(text)]
    assert facts == [
        ("619,837", 619_837e6, "港元", "2017"),
        ("599,774", 599_774e6, "港元", "2018"),
        ("590,926", 590_926e6, "港元", "2019"),
        ("470,863", 470_863e6, "港元", "2017"),
        ("531,825", 531_825e6, "港元", "2018"),
        ("607,830", 607_830e6, "港元", "2019"),
        ("5.6", 5.6, "%", "2017"),
        ("2.4", 2.4, "%", "2018"),
        ("0.4", 0.4, "%", "2019"),
    ]


def test_a_plan_group_over_target_and_growth_lines_up_by_what_a_rate_column_can_hold() -> None:
    # `2016年` spans `计划 目标值 | 比上年增长(%)`; which upper cell is the group is told by the
    # figures: a rate column does not hold 1663. The group's growth is the plan's, a target,
    # and the plan's fulfilment (完成年度计划) is a result.
    text = (
        "指标名称 | 单位 | 1季度累计 | 同比增速(±%) | 2016年 | 完成年度计划(%) | |\n"
        "计划 目标值 | 比上年增长(%) | |||||\n"
        "固定资产投资额 | 亿元 | 69.88 | 9.1 | 270.7 | 15.0 | 25.8 |\n"
        "社会消费品零售总额 | 亿元 | 345.86 | 8.5 | 1663 | 8.5 | 20.8 |\n"
    )
    facts = [(f.text, f.unit, f.status) for f in rules_facts(text)]
    assert facts[:5] == [
        ("69.88", "元", "actual"),
        ("9.1", "%", "actual"),
        ("270.7", "元", "target"),
        ("15.0", "%", "target"),
        ("25.8", "%", "actual"),
    ]
    assert [f.period for f in rules_facts(text)][2:4] == ["2016", "2016"]


def test_rows_that_write_their_own_bracket_are_no_parts_of_the_row_above() -> None:
    # Each row names its unit; a rate's (%) and the days of a stay (日) are no parts of the
    # admissions above them, and take none of its 萬人.
    text = (
        "指標 | 2022年 | 2021年 |\n---|---|---|\n"
        "衛生院診療人次(億次) | 0.24 | 0.22 |\n"
        "衛生院入院人數(萬人) | 166.4 | 168.77 |\n"
        "衛生院病床使用率(%) | 69.5 | 73.8 |\n"
        "衛生院出院者平均住院日(日) | 6.7 | 6.8 |\n"
    )
    facts = [(f.text, f.value, f.unit) for f in rules_facts(text)]
    assert facts[4:] == [
        ("69.5", 69.5, "%"),
        ("73.8", 73.8, "%"),
        ("6.7", 6.7, "日"),
        ("6.8", 6.8, "日"),
    ]


def test_a_numbered_note_in_a_header_is_no_figure() -> None:
    text = (
        "表1-1 各镇常住人口数\n单位:人、%\n地区 | 常住人口 | 比重[4] |\n"
        "鼎屏镇 | 239523 | 33.85 |\n城北镇 | 18495 | 2.61 |\n"
    )
    assert [(f.text, f.unit) for f in rules_facts(text)] == [
        ("239523", "人"),
        ("33.85", "%"),
        ("18495", "人"),
        ("2.61", "%"),
    ]


def test_a_unit_line_listing_a_unit_of_persons_gives_it_to_the_rows_that_count_people() -> None:
    # Cells a line each: the header's years, then a group caption before the first row; the
    # unit line lists the schools' unit and the students' (in ten thousands).
    cells = [
        "单位:所、万人", "指 标", "2012年", "2013年", "  普通高等学校",
        "  学校数", "122", "123", "  招生数", "44.51", "44.29",
        "  #高职", "20.12", "19.87", "  教职工数", "12.79", "12.82",
    ]  # fmt: skip
    text = "\n\n".join(cells) + "\n"
    facts = [(f.text, f.value, f.unit, f.period) for f in rules_facts(text)]
    assert facts == [
        ("122", 122, "所", "2012"),
        ("123", 123, "所", "2013"),
        ("44.51", 445_100, "人", "2012"),
        ("44.29", 442_900, "人", "2013"),
        ("20.12", 201_200, "人", "2012"),
        ("19.87", 198_700, "人", "2013"),
        ("12.79", 127_900, "人", "2012"),
        ("12.82", 128_200, "人", "2013"),
    ]


def test_cells_that_only_look_like_figures_do_not_break_the_reading_of_a_grouped_header() -> None:
    # A Unicode minus, a date with two points, commas in a row: under a rate column each is
    # weighed as what it is, or not at all, and the table is still read.
    text = (
        "指标 | 2022年 | 2021年 |\n计划 | 增速(%) |\n"
        "甲 | 1.2.3 | −5 | 7 |\n乙 | 2020.01.05 | 1,2,3 | 8 |\n丙 | 12 | 3.5 | 9 |\n"
    )
    assert len(find_tables(text)) == 1


def test_a_header_that_leaves_out_the_row_labels_heading_heads_the_value_columns() -> None:
    # The header's cells start over the labels, one short of the rows, its last cell empty:
    # the figures fit it only shifted one column right (counts under 本月, rates under ±%).
    text = (
        "本 月 | 比上年同月 ±% | 本月止累计 | 比上年同期 ±% | |\n"
        "一、接待过夜游客(人次) | 32275456 | 12.27 | 144004010 | 14.36 |\n"
        "1.入 境 游 客 | 2646490 | 2.13 | 12876521 | 6.39 |\n"
        "2.国 内 游 客 | 29628966 | 13.27 | 131127489 | 15.21 |\n"
    )
    # The numbered row heads the rows under it: a part of the table of its own.
    table, items = find_tables(text)
    assert items.parent == "接待过夜游客"
    assert [column.header for column in table.columns][:3] == ["", "本 月", "比上年同月 ±%"]
    assert _facts_of(text)[:2] == [
        ("32275456", 32275456, "人次", "level"),
        ("12.27", 12.27, "%", "change"),
    ]


def test_a_pdf_header_a_word_per_column_over_slashed_units_names_and_measures_the_columns() -> None:
    # A PDF's table as text: the names wrapped over two lines of a word per column, their units
    # after slashes on lines of their own, one per value column in order; a change against
    # 2020 is the table's year's, not 2020's.
    text = (
        "表 3 2021 年水资源一级区地表水资源量\n"
        "水资源 地表水 与2020年 与多年\n"
        "一级区 资源量 比较 平均值比较\n"
        "/亿m3\n"
        "/% /%\n"
        "全国 28310.5 -6.8 6.6\n"
        "北方 6 区 6273.1 12.3 46.1\n"
        "松花江区 2043.3 6.1 63.6\n"
        "辽河区 584.8 24.4 48.7\n"
    )
    [table] = find_tables(text)
    assert [(column.header, column.unit) for column in table.columns[1:]] == [
        ("地表水资源量", ("m3", 1e8)),
        ("与2020年比较", ("%", 1.0)),
        ("与多年平均值比较", ("%", 1.0)),
    ]
    facts = RulesExtractor().extract([Document(id="water", text=text)]).facts
    assert [(f.text, f.value, f.unit, f.period) for f in facts][:3] == [
        ("28310.5", 2_831_050_000_000, "m3", "2021"),
        ("6.8", 6.8, "%", "2021"),
        ("6.6", 6.6, "%", "2021"),
    ]


def test_a_row_of_units_under_the_header_gives_the_amounts_unit_and_rates_write_theirs() -> None:
    # A cell per line, each closed by a lone pipe; under the column names a row of units, one
    # per group of columns (`单位(元/公斤)` over the prices, `(%)` over the changes).
    cells = ["产品种类", "上周", "本周", "去年同期", "环比", "同比", "", "单位(元/公斤)", "(%)", ""]
    cells += ["猪肉", "17.36", "16.85", "20.79", "-2.9%", "-19.0%", ""]
    cells += ["羊肉", "65.52", "65.09", "58.92", "-0.7%", "10.5%", ""]
    cells += ["牛肉", "66.14", "66.28", "57.27", "0.2%", "15.7%"]
    text = "表1 重点监测的畜禽产品价格\n|\n" + "".join(
        f"{cell}\n|\n" if cell else "|\n" for cell in cells
    )
    [table] = find_tables(text)
    assert table.unit == ("元/公斤", 1.0)
    assert [column.header for column in table.columns] == [
        "产品种类", "上周", "本周", "去年同期", "环比", "同比",
    ]  # fmt: skip
    assert _facts_of(text)[-5:] == [
        ("66.14", 66.14, "元/公斤", "level"),
        ("66.28", 66.28, "元/公斤", "level"),
        ("57.27", 57.27, "元/公斤", "level"),
        ("0.2%", 0.2, "%", "change"),  # 环比, on the week before
        ("15.7%", 15.7, "%", "change"),
    ]


def test_an_index_on_the_month_before_is_a_level_without_a_unit() -> None:
    text = (
        "| 指标名称 | 环比(上月=100) | 同比(上年同月=100) |\n|---|---|---|\n"
        "| 工业生产者出厂价格指数 | 99.6 | 94.7 |\n| #轻工业 | 99.7 | 98.1 |\n"
    )
    assert _facts_of(text) == [
        ("99.6", 99.6, "", "level"),
        ("94.7", 94.7, "", "level"),
        ("99.7", 99.7, "", "level"),
        ("98.1", 98.1, "", "level"),
    ]


def test_under_a_base_of_100_columns_naming_goods_are_indices_of_the_months_down_the_rows() -> None:
    # 农产品, 矿产品 name no measure, unit or year; the base over the table says every figure
    # is an index, and 年月 dates each row by its month's year.
    text = (
        "企业商品价格指数\n以上年同月为100\n"
        "年月 | 总指数 | 农产品 | 矿产品 |\n"
        "2031.01 | 98.9 | 103.0 | 97.8 |\n"
        "2031.02 | 98.9 | 105.1 | 98.1 |\n"
        "2031.03 | 98.3 | 101.6 | 98.0 |\n"
    )
    facts = [(f.text, f.unit, f.kind, f.period) for f in rules_facts(text)]
    assert ("105.1", "", "level", "2031") in facts and ("98.0", "", "level", "2031") in facts
    assert not any(text.startswith("2031") for text, *_ in facts)
    assert len(facts) == 9


def test_a_cell_a_line_under_a_code_column_and_a_year_under_each_place_dates_every_column() -> None:
    # 录入代码 numbers the rows 1, 2, 3 before 指标名称; under the places' names, a row of
    # years, one a column. A title and a date line above, two lines before the header.
    cells = ["全市文化场所情况表", "发布日期: 2031-02-28 00:33:24", "录入代码", "指标名称"]
    cells += ["计量单位", "全市", "甲区", "乙县", "2030年", "2030年", "2030年"]
    cells += ["1", "广播覆盖率", "%", "96.59", "98.63", "96.37"]
    cells += ["2", "公共图书馆", "个", "8", "1", "1"]
    cells += ["3", "文化站", "个", "317", "20", "55"]
    facts = [(f.text, f.unit, f.period, f.indicator) for f in rules_facts("\n".join(cells) + "\n")]
    assert ("98.63", "%", "2030", "广播覆盖率甲区") in facts
    assert ("317", "个", "2030", "文化站全市") in facts
    assert len(facts) == 9


def test_a_sentence_in_a_tab_table_names_only_its_rows_item_and_its_own_words() -> None:
    text = (
        "序号\t项目名称\t建设内容\t分配金额(万元)\n"
        "1\t董村道路\t董村道路计划修建道路332米,路面宽5米,两侧安装平石。\t20\n"
        "2\t周寨村道路\t计划修建道路全长1010米,对原道路破损路面拆除。\t75\n"
    )
    named = {f.text: f.indicator for f in rules_facts(text)}
    assert named["332米"] == "董村道路计划修建道路"
    assert named["1010米"] == "周寨村道路计划修建道路全长"


def test_an_address_in_a_cell_is_no_sentence_to_read_figures_from() -> None:
    # A street number marks an address, long or short; a short sentence is read still.
    text = (
        "序号 | 企业名称 | 地址 | 投资额(万元) |\n"
        "1 | 甲公司 | 江苏省南京市建邺区江东中路12号,金融城大厦3层 | 20 |\n"
        "2 | 乙公司 | 修建道路332米,宽5米 | 30 |\n"
    )
    assert [f.text for f in rules_facts(text)] == ["20", "332米", "5米", "30"]


def test_a_price_in_money_over_a_rows_measure_is_money_per_that_measure() -> None:
    # 本期价格(元) and 比上期涨跌(元) over rows whose unit cell is 千克 or 升: prices per kilo
    # and per litre; a row whose unit is a price already (元/50千克) keeps it whole.
    text = (
        "50个城市主要食品平均价格变动情况\n"
        "商品名称 | 单位 | 本期价格(元) | 比上期涨跌(元) | 涨跌幅(%) |\n"
        "粳米 | 千克 | 6.40 | 0.02 | 0.3 |\n"
        "花生油 | 升 | 29.37 | -0.05 | -0.2 |\n"
        "生猪 | 元/50千克 | 766 | -5 | -0.65 |\n"
    )
    units = {f.text: f.unit for f in rules_facts(text)}
    assert units["6.40"] == units["0.02"] == "元/千克"
    assert units["29.37"] == "元/升"
    assert units["766"] == "元/50千克"
    assert units["0.3"] == "%"


def test_money_that_is_no_price_keeps_its_unit_beside_a_rows_measure() -> None:
    # 产值 under a title of 现价, a price index's base, a measure in 万: no price composed.
    valued = (
        "主要产品产量及产值(现价)\n品名 | 单位 | 产值(万元) |\n"
        "粳米 | 吨 | 768 |\n籼米 | 吨 | 512 |\n"
    )
    indexed = (
        "居民消费价格指数(上年=100)及平均价格\n项目 | 指数 | 平均价格(元) |\n"
        "粮食 | 102.1 | 6.40 |\n油料 | 101.3 | 9.80 |\n"
    )
    per_10k = "主要商品价格\n品名 | 单位 | 价格(元) |\n钢材 | 万吨 | 3900 |\n水泥 | 万吨 | 420 |\n"
    units = {f.text: f.unit for text in (valued, indexed, per_10k) for f in rules_facts(text)}
    assert len(units) == 8 and not any(unit.startswith("元/") for unit in units.values())
    # The index's base makes its column unitless; the average price writes its own 元.
    assert (units["102.1"], units["6.40"]) == ("", "元")


def test_an_amount_in_money_beside_a_rows_measure_keeps_its_money() -> None:
    # 单位 gives 销售量's unit; 销售额(万元) is money whatever the row counts.
    text = (
        "主要农产品销售情况\n品名 | 单位 | 销售量 | 销售额(万元) |\n"
        "粳米 | 千克 | 1200 | 768 |\n籼米 | 千克 | 900 | 512 |\n"
    )
    facts = {f.text: (f.value, f.unit) for f in rules_facts(text)}
    assert facts["1200"] == (1200, "千克") and facts["768"] == (7_680_000, "元")


def test_a_prices_change_beside_its_price_column_is_money_per_measure_and_a_change() -> None:
    # The title is lost (the header's first cell stands for it); 本期价格 beside says the
    # 涨跌 in 元 is a price's.
    text = (
        "商品名称 | 单位 | 本期价格(元) | 比上期涨跌(元) |\n"
        "粳米 | 千克 | 6.40 | 0.02 |\n花生油 | 升 | 29.37 | -0.05 |\n"
    )
    facts = {f.text: (f.unit, f.kind) for f in rules_facts(text)}
    assert facts["0.02"] == ("元/千克", "change") and facts["0.05"] == ("元/升", "change")


def test_a_rows_own_unit_wins_over_a_money_column_with_no_quantity_beside_it() -> None:
    # No column of quantities: the row's unit (its label's, or its unit cell's) is its own.
    labelled = "指标 | 2023年(亿元) |\n粮食产量(万吨) | 50 |\n地区生产总值 | 1200 |\n"
    celled = "指标 | 单位 | 本年(万元) |\n粮食产量 | 吨 | 50 |\n产值 | 万元 | 120 |\n"
    assert [(f.value, f.unit) for f in rules_facts(labelled)] == [(500_000, "吨"), (1.2e11, "元")]
    assert [(f.value, f.unit) for f in rules_facts(celled)] == [(50, "吨"), (1_200_000, "元")]


def test_a_change_in_money_composes_no_price_and_a_rise_or_fall_keeps_the_tables_unit() -> None:
    amounts = (
        "品名 | 单位 | 销售量 | 平均价格(元) | 销售额(万元) | 比上年增减(万元) |\n"
        "粳米 | 千克 | 1200 | 6.4 | 768 | 12 |\n籼米 | 千克 | 900 | 5.4 | 512 | 10 |\n"
    )
    assert {f.text: f.unit for f in rules_facts(amounts)}["12"] == "元"
    # 涨跌 names a change, not a rate: its unit is the table's (元/公斤), not %.
    moved = (
        "单位:元/公斤\n品名 | 本期 | 上期 | 涨跌 |\n"
        "粳米 | 6.40 | 6.38 | 0.02 |\n籼米 | 5.40 | 5.38 | 0.02 |\n"
    )
    facts = {f.text: (f.unit, f.kind) for f in rules_facts(moved)}
    assert facts["0.02"] == ("元/公斤", "change") and facts["6.40"] == ("元/公斤", "level")


def test_a_period_column_under_a_title_of_prices_holds_prices_per_the_rows_measure() -> None:
    text = (
        "主要商品零售价格\n品名 | 单位 | 本期(元) | 比上期涨跌(元) |\n"
        "粳米 | 千克 | 6.4 | 0.1 |\n籼米 | 千克 | 5.4 | 0.2 |\n"
    )
    units = {f.text: f.unit for f in rules_facts(text)}
    assert units["6.4"] == units["0.1"] == "元/千克"


def test_a_column_of_months_under_a_base_of_100_dates_its_rows_and_holds_no_figures() -> None:
    text = (
        "以上年同月为100\n月份 | 总指数 | 农产品 |\n"
        "2031.01 | 98.9 | 103.0 |\n2031.02 | 98.9 | 105.1 |\n2031.03 | 98.3 | 101.6 |\n"
    )
    facts = [(f.text, f.period) for f in rules_facts(text)]
    assert ("105.1", "2031") in facts and len(facts) == 6


def test_a_column_of_100s_beside_percents_over_100_makes_no_shares_of_them() -> None:
    # Development on a base year's 100, not parts of a whole: 152.3 is no share.
    text = (
        "单位:%\n地区 | 2010年 | 2015年 | 2020年 |\n"
        "甲市 | 100 | 152.3 | 201.4 |\n乙市 | 100 | 140.1 | 180.2 |\n丙市 | 100 | 120.5 | 150.0 |\n"
    )
    kinds = {f.text: f.kind for f in rules_facts(text)}
    assert kinds["152.3"] == kinds["150.0"] == "level"


def test_a_sentence_in_a_cell_is_read_as_prose_of_its_rows_item() -> None:
    # 建设内容 is a column of words, no figures' column; its cells are sentences whose lengths
    # are facts of the project the row names.
    text = (
        "序号 | 项目名称 | 建设内容 | 分配金额(万元) |\n"
        "1 | 董村道路提升项目 | 计划修建道路332米,路面宽5米,两侧安装平石。 | 20 |\n"
        "2 | 周寨村道路提升项目 | 计划修建道路全长1010米,对原道路破损路面拆除。 | 75 |\n"
    )
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    assert ("332米", "米", "董村道路提升项目计划修建道路") in facts
    assert ("5米", "米", "董村道路提升项目路面宽") in facts
    assert ("1010米", "米", "周寨村道路提升项目计划修建道路全长") in facts
    assert ("75", "元", "周寨村道路提升项目分配金额") in facts
    assert len(facts) == 5


def test_a_label_the_page_put_on_a_line_of_its_own_goes_with_the_unit_and_figure_below() -> None:
    # The label wrapped onto its own line, run into the next group's heading; the row's unit
    # and figure on the next line. A group's row, then a line of pipes alone: the table goes on.
    text = (
        "指标 | 单位 | 数量 | |||\n"
        "一、民政事业费累计支出 二、乡级行政区划单位 |\n"
        "万元 | 57324.8 | |||\n"
        "#镇 | 个 | 179 | |||\n"
        "乡 | 个 | 21 | |||\n"
        "农村最低生活保障 |\n"
        "|||||\n"
        "最低生活保障人数 | 人 | 240,887 | |||\n"
    )
    assert _facts_of(text) == [
        ("57324.8", 573_248_000, "元", "level"),
        ("179", 179, "个", "level"),
        ("21", 21, "个", "level"),
        ("240,887", 240_887, "人", "level"),
    ]


def test_a_table_is_read_through_pinyin_glosses_and_its_cells_keep_them() -> None:
    text = (
        "單位:萬(wàn)元\n"
        "項(xiàng) 目 | 合計(jì) | 一般公共預(yù)算\n"
        "行政經(jīng)費(fèi) | 312.23 | 312.23\n"
        "公務(wù)接待費(fèi) | 1.00 | 1\n"
    )
    facts = rules_facts(text)
    assert [(text[f.start : f.end], f.value, f.unit, f.indicator) for f in facts] == [
        ("312.23", 3122300, "元", "行政經費合計"),
        ("312.23", 3122300, "元", "行政經費一般公共預算"),
        ("1.00", 10000, "元", "公務接待費合計"),
        ("1", 10000, "元", "公務接待費一般公共預算"),
    ]


def test_a_header_row_of_age_bands_heads_the_columns_under_its_group() -> None:
    text = (
        "表4-2 各乡镇(街道)常住人口年龄构成\n单位:%\n"
        "地区 | 占总人口比重 | |||\n"
        "0-14岁 | 15-59岁 | 60岁及以上 | 其中:65岁及以上 | |\n"
        "全 县 | 18.50 | 57.12 | 24.38 | 17.01 |\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind, f.indicator) for f in facts] == [
        ("18.50", "%", "share", "全县占总人口比重0-14岁"),
        ("57.12", "%", "share", "全县占总人口比重15-59岁"),
        ("24.38", "%", "share", "全县占总人口比重60岁及以上"),
        ("17.01", "%", "share", "全县占总人口比重其中:65岁及以上"),
    ]


def test_a_sex_ratio_column_has_no_unit_under_a_percent_unit_line() -> None:
    text = (
        "表3-1 各乡镇(街道)常住人口性别构成\n单位:%\n"
        "地区 | 占总人口比重 | 性别比 | |\n男 | 女 | ||\n"
        "全 县 | 51.31 | 48.69 | 105.37 |\n银州街道 | 50.52 | 49.48 | 102.10 |\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.kind) for f in facts if "性别比" in f.indicator] == [
        ("105.37", "", "level"),
        ("102.10", "", "level"),
    ]


_PRICE_CELLS = (
    "序号", "品种", "2018年6月15日平均批发价格", "2017年6月15日平均批发价格", "与去年同期相比(%)",
    "1", "油菜", "1.85", "1.9", "-2.63%",
    "2", "芹菜", "2.43", "2.8", "13.21%",
    "3", "生菜", "2.35", "3.5", "-32.86%",
)  # fmt: skip
# A price table copied from a web page: one cell per line, a lone pipe between cells, a serial
# column, headers opening on dates, no unit line; the prose above quotes the average price.
_PRICE_TABLE = (
    "2018年6月15日,我省蔬菜平均批发价格为2.83元/千克,具体情况如下:\n"
    + "\n|\n".join(_PRICE_CELLS)
    + "\n"
)


def test_a_cell_per_line_table_with_a_serial_column_and_dated_headers_is_read() -> None:
    facts = rules_facts(_PRICE_TABLE)[1:]  # after the prose's average
    assert [(f.text, f.period) for f in facts][:3] == [
        ("1.85", "2018"),
        ("1.9", "2017"),
        ("2.63%", "2018"),
    ]
    assert [f.text for f in facts if f.text in ("1", "2", "3")] == []  # no serial is a figure
    assert len(facts) == 9


def test_a_column_the_prose_quotes_with_a_unit_takes_that_unit() -> None:
    prices = [f for f in rules_facts(_PRICE_TABLE)[1:] if "平均批发价格" in f.indicator]
    assert {f.unit for f in prices} == {"元/千克"}
    assert len(prices) == 6


def test_a_column_compared_with_last_year_is_a_change_in_the_latest_year() -> None:
    changes = [f for f in rules_facts(_PRICE_TABLE) if "相比" in f.indicator]
    assert [(f.text, f.kind, f.period) for f in changes] == [
        ("2.63%", "change", "2018"),
        ("13.21%", "change", "2018"),
        ("32.86%", "change", "2018"),
    ]


def test_a_column_named_by_a_status_takes_no_unit_from_the_prose() -> None:
    text = (
        "2023年完成情况良好,2024年共10项指标。\n"
        "指标\n|\n2023年完成情况\n|\n2024年目标任务\n|\n"
        "亿元生产总值安全事故死亡率\n|\n0.025\n|\n0.025\n|\n万人发明专利拥有量\n|\n8.97\n|\n9\n"
    )
    table_facts = [f for f in rules_facts(text) if f.start > text.index("指标")]
    assert {f.unit for f in table_facts} == {""}


_MONTHLY_FORM = (
    "| 民政统计月报表 | ||||\n"
    "| 编制单位:某省 | 2020年度 01月份 | |||\n"
    "| 指标名称 | 单位 | 数量 | 上期 | 环比 |\n"
    "| 甲 | 丙 | 1 | 2 | 3 |\n"
    "| 一、综合 | ||||\n"
    "| 乡镇级合计 | 个 | 1,107 | 1,107 | |\n"
    "| 2.乡 | 个 | 251 | 270 | -7.04 |\n"
    "| 民政事业费累计支出 | 万元 | 76,164.3 | 714,496.8 | -89.34 |\n"
)


def test_a_statistical_forms_filler_period_and_column_numbers_are_no_header_or_facts() -> None:
    (table,) = find_tables(_MONTHLY_FORM)
    headers = [column.header for column in table.columns]
    assert headers == ["指标名称", "单位", "数量", "上期", "环比"]
    assert table.unit is None  # 编制单位:某省 names who filled the form in, not a unit
    facts = rules_facts(_MONTHLY_FORM)
    assert "3" not in {fact.text for fact in facts}  # the 甲 丙 1 2 3 row numbers columns
    units = {fact.text: fact.unit for fact in facts}
    assert units["76,164.3"] == "元"
    assert (units["7.04"], units["89.34"]) == ("%", "%")  # 环比 is a change, in percent


_REGIONS_BY_REPORTING_UNIT = (
    "分省快递业务量和业务收入情况表\n"
    "单位 | 快递业务量累计(万件) | 同比增长 (%) |\n"
    "快递收入累计 (万元) |\n"
    "同比增长 (%) |\n"
    "全国 | 1325090.4 | 56.7 | 17146323.4 | 43.4 |\n"
    "甲省 | 87438.7 | 42.3 | 1190429.7 | 44.4 |\n"
    "乙省 | 17255.6 | 73.0 | 279170.8 | 53.9 |\n"
)


def test_a_header_whose_last_cells_wrapped_a_line_each_is_one_row_again() -> None:
    (table,) = find_tables(_REGIONS_BY_REPORTING_UNIT)
    assert [column.header for column in table.columns][1:] == [
        "快递业务量累计(万件)",
        "同比增长 (%)",
        "快递收入累计 (万元)",
        "同比增长 (%)",
    ]


def test_a_unit_column_of_places_labels_the_rows() -> None:
    facts = {fact.text: fact for fact in rules_facts(_REGIONS_BY_REPORTING_UNIT)}
    assert (facts["87438.7"].value, facts["87438.7"].unit) == (874_387_000, "件")
    assert (facts["1190429.7"].unit, facts["44.4"].unit) == ("元", "%")
    assert facts["87438.7"].indicator.startswith("甲省")


def test_a_final_accounts_forms_line_numbers_are_no_facts() -> None:
    piped = (
        "金额单位:元\n"
        "收入 | | | 支出 | | |\n"
        "项目 | 行次 | 金额 | 项目 | 行次 | 金额 |\n"
        "一、财政拨款收入 | 1 | 30,345.82 | 一、一般公共服务支出 | 35 | 129.89 |\n"
        "二、事业收入 | 2 | 11,473.75 | 二、教育支出 | 36 | 36,928.13 |\n"
        "三、其他收入 | 3 | 74.18 | 三、科学技术支出 | 37 | 476.00 |\n"
    )
    assert {fact.text for fact in rules_facts(piped)} == {
        "30,345.82", "129.89", "11,473.75", "36,928.13", "74.18", "476.00",
    }  # fmt: skip
    rows = "单位:元\n五、教育支出 39 36,928.13\n六、科学技术支出 40 476.00\n七、文化支出 41 4.00\n"
    assert {fact.text for fact in rules_facts(rows)} == {"36,928.13", "476.00", "4.00"}


def test_a_measures_year_in_brackets_at_a_headers_end_dates_its_column() -> None:
    text = (
        "地区 | GDP (1978) | GDP (2008) |\n"
        "全国 | 3,645.22 | 314,045.43 |\n"
        "甲省 | 1,514.39 | 180,416.57 |\n"
    )
    assert [column.period for column in find_tables(text)[0].columns] == [None, "1978", "2008"]


def test_groups_over_sub_columns_that_each_name_their_own_take_them_in_order() -> None:
    text = (
        "金额单位:万元 | ||||||\n"
        "项目 | 本 年 | 上年同期 | 增长(%) | |||\n"
        "本月 | 1-本月 | 上年本月 | 上年1-本月 | 本月 | 累计 | |\n"
        "社会消费品零售额 | 2062.6 | 14179.9 | 1826.6 | 12684.2 | 12.9 | 11.8 |\n"
        "城镇 | 1821.6 | 12430.6 | 1609.0 | 11090.8 | 13.2 | 12.1 |\n"
    )
    (table,) = find_tables(text)
    assert [column.header for column in table.columns][1:] == [
        "本 年本月",
        "本 年1-本月",
        "上年同期上年本月",
        "上年同期上年1-本月",
        "增长本月(%)",
        "增长累计(%)",
    ]
    units = {fact.text: fact.unit for fact in rules_facts(text)}
    assert (units["1826.6"], units["12.9"]) == ("元", "%")


def test_a_cell_per_line_header_long_only_by_its_units_in_brackets_heads_its_columns() -> None:
    cells = [
        "表1  2017年8月全省城市環境空氣質量狀況", "城市",
        "可吸入顆粒物(PM10)月平均濃度(微克/立方米)", "細顆粒物(PM2.5)月平均濃度(微克/立方米)",
        "空氣質量達標天數比例(%)",
        "廣州", "39", "23", "87.1%", "深圳", "30", "18", "90.3%", "珠海", "24", "16", "92.9%",
    ]  # fmt: skip
    text = "".join(f"{cell}\n\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["39"].unit, by_text["16"].unit, by_text["16"].period) == (
        "微克/立方米", "微克/立方米", "2017",
    )  # fmt: skip
    assert (by_text["90.3%"].unit, by_text["90.3%"].kind) == ("%", "share")


def test_a_rank_column_gives_no_facts() -> None:
    text = (
        "城市 | PM2.5濃度(微克/立方米) | 排名 | 達標天數比例(%)\n"
        "廣州 | 23 | 20 | 87.1\n"
        "深圳 | 18 | 12 | 90.3\n"
        "珠海 | 16 | 5 | 92.9\n"
    )
    texts = {fact.text for fact in rules_facts(text)}
    assert {"23", "18", "16", "87.1"} <= texts
    assert not {"20", "12", "5"} & texts


def test_pollutant_names_and_percentiles_in_a_header_are_no_figures() -> None:
    text = (
        "表1 2019年8月各縣(市、區)環境空氣質量狀況\n"
        "縣(市、區) | 平均濃度(μg/m3) | CO第95百分位數(mg/m3) | 綜合質量指數 | 綜指排名 | |\n"
        "SO2 | NO2 | PM2.5 | |||\n"
        "連山縣 | 8 | 10 | 18 | 1.0 | 2.12 | 1 |\n"
        "連南縣 | 5 | 10 | 18 | 1.0 | 2.15 | 2 |\n"
        "陽山縣 | 7 | 12 | 22 | 1.0 | 2.51 | 3 |\n"
        "二級標準 | 60 | 40 | 35 | 4.0 | — | — |\n"
    )
    facts = rules_facts(text)
    by_start = {fact.start: fact for fact in facts}
    first = by_start[text.index("8 |")]
    assert (first.unit, first.period, first.kind) == ("μg/m3", "2019", "level")
    assert by_start[text.index("1.0")].unit == "mg/m3"
    assert by_start[text.index("2.12")].unit == ""
    # The ranks and the standard's limits are no measurements.
    assert not {"60", "40", "35", "4.0", "3"} & {fact.text for fact in facts}


_PRICE_REPORT = (
    "| 主要农产品批发价格监测周报 | |||||||\n"
    "| 本周蔬菜(鲜品)均价为4元/公斤,环比下降1.72%;水果均价为7.2元/公斤,环比上涨3.15%。 | |||||||\n"
    "| 品种 | 本期价格 | 上期价格 | 环比% | 品种 | 本期价格 | 上期价格 | 环比% |\n"
    "| 菠菜 | 4.2 | / | / | 花椰菜 | 2.6 | 5.6 | -53.57 |\n"
    "| 芹菜 | 5.1 | 5 | 2.00 | 西兰花 | 7 | 8 | -12.50 |\n"
    "| 油菜 | 2.8 | 2 | 40.00 | | | | |\n"
)


def test_panels_side_by_side_under_a_repeated_header_are_read_a_panel_at_a_time() -> None:
    facts = {fact.text: fact for fact in rules_facts(_PRICE_REPORT)}
    assert (facts["5.6"].indicator, facts["53.57"].kind) == ("花椰菜上期价格", "change")
    assert facts["8"].indicator == "西兰花上期价格"


def test_a_paragraph_in_a_pipe_row_above_a_table_is_read_as_prose() -> None:
    facts = {fact.text: fact for fact in rules_facts(_PRICE_REPORT)}
    assert (facts["4元/公斤"].unit, facts["7.2元/公斤"].value) == ("元/公斤", 7.2)
    assert facts["1.72%"].kind == "change"


def test_a_price_column_without_a_unit_takes_the_unit_the_prose_writes_prices_in() -> None:
    facts = {fact.text: fact for fact in rules_facts(_PRICE_REPORT)}
    assert (facts["4.2"].unit, facts["2.6"].unit, facts["5.6"].unit) == ("元/公斤",) * 3
    assert facts["40.00"].unit == "%"


def test_a_header_that_lost_its_corner_cell_puts_of_which_over_its_parts() -> None:
    text = (
        "2018年综合医院院均总收入情况 | |||||\n"
        "单位:千元 | |||||\n"
        "总收入 | 其中: | ||||\n"
        "医疗收入 | 财政补助收入 | 科教项目收入 | 其他收入 | ||\n"
        "综合医院合计 | 425,072.64 | 377,648.80 | 36,172.97 | 2,080.19 | 9,170.67 |\n"
        "部属 | 5,211,940.08 | 4,653,828.96 | 228,202.60 | 131,268.56 | 198,639.96 |\n"
        "省属 | 1,938,859.31 | 1,746,381.65 | 131,436.62 | 14,964.03 | 46,077.02 |\n"
    )
    (table,) = find_tables(text)
    assert [column.header for column in table.columns] == [
        "", "总收入", "医疗收入", "财政补助收入", "科教项目收入", "其他收入",
    ]  # fmt: skip
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["2,080.19"].value, by_text["2,080.19"].unit) == (2_080_190, "元")
    assert by_text["2,080.19"].indicator == "综合医院合计科教项目收入"


def test_an_indicators_value_column_and_a_rise_or_fall_in_percent_are_values() -> None:
    cells = [
        "单位GDP能耗", "单位GDP电耗", "指标值\n(吨标准煤/万元)", "上升或下降(±%)",
        "指标值\n(千瓦时/万元)", "上升或下降(±%)",
        "全 国", "1.102", "-4.59", "1375.29", "-3.30",
        "北 京", "0.662", "-7.36", "719.61", "-5.10",
        "天 津", "0.947", "-6.85", "910.42", "-10.49",
    ]  # fmt: skip
    text = "现将2008年各省单位GDP能耗公布如下:\n|\n" + "".join(f"{cell}\n|\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["0.662"].unit, by_text["719.61"].unit) == ("吨标准煤/万元", "千瓦时/万元")
    assert (by_text["7.36"].unit, by_text["7.36"].kind) == ("%", "change")


def test_columns_of_whose_figures_they_are_under_a_unit_line_are_values_in_its_unit() -> None:
    text = (
        "3-13  单位从业人员数\n"
        "                              (1998年底)                    单位:万人\n"
        "───────────────┬───────────────────\n"
        "       行         业          │ 合  计 │ 国有单位 │ 集体单位 │ 其他单位\n"
        "───────────────┼────┼────┼────┼────\n"
        "合    计                      │  342.98│  192.88│   43.03│  107.07\n"
        "农、林、牧、渔业              │   10.07│    9.63│    0.11│    0.33\n"
        "采掘业                        │    6.68│    5.90│    0.19│    0.59\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["192.88"].value, by_text["192.88"].unit) == (1_928_800, "人")
    assert (by_text["0.59"].unit, by_text["0.59"].period) == ("人", "1998")


# Guiren's population every five years: each count the year's, each change the five years'.
POPULATION_BY_YEAR = [
    ("41,973", "1981"),
    ("53,846", "1986"),
    ("28.3%", None),
    ("57,872", "1991"),
    ("7.5%", None),
]


def test_a_source_note_under_a_table_of_years_leaves_its_rows_their_years() -> None:
    # A change over the five years since the row above has no year of its own.
    text = (
        "人口統計\n"
        "| 年份 | 人口 | ±% |\n|---|---|---|\n"
        "| 1981 | 41,973 | — |\n| 1986 | 53,846 | +28.3% |\n| 1991 | 57,872 | +7.5% |\n"
        "| 來源: 內政部統計月報-各鄉鎮市區人口數. (原始内容存档于2014-10-26). | ||\n"
    )
    assert [(f.text, f.period) for f in rules_facts(text)] == POPULATION_BY_YEAR


def test_a_change_over_the_year_before_in_rows_of_selected_years_keeps_its_year() -> None:
    text = (
        "年份 | 地区生产总值(亿元) | 比上年增长(%)\n"
        "2000 | 100.5 | 8.1\n2005 | 180.2 | 9.3\n2010 | 320.4 | 10.2\n"
    )
    periods = {f.text: f.period for f in rules_facts(text)}
    assert (periods["9.3"], periods["10.2"]) == ("2005", "2010")


def test_a_tab_separated_sheet_of_years_is_read_once() -> None:
    # Cells a tab apart are the tab reading's: the yearbook reading (cells a space apart)
    # took the rows under the header of years too, and every figure came out twice.
    text = (
        "6-3 主要年份全市居民消费价格分类指数\t\n"
        "(以上年价格为100)\t\n"
        "项目\t1995年\t2000年\t2001年\n"
        "居民消费价格总指数\t115.7\t101.3\t99.5\n"
        "一、食品\t119.5\t99.0\t98.6\n"
        "1.粮食\t131.8\t93.2\t94.9\n"
    )
    facts = rules_facts(text)
    assert len(facts) == 9
    assert len({(f.start, f.end) for f in facts}) == 9


def test_labels_spaced_out_in_a_tab_separated_table_keep_their_figures_apart() -> None:
    # `全 国\t114830.1\t22.7`: the spaced-letters reading took the label and its figures for
    # one spaced label; cells a tab apart are the tab reading's.
    text = (
        "地 区\t2008\t2009\t\n"
        "社会消费品零售总额\t增 长\t社会消费品零售总额\t增 长\t\n"
        "(亿元)\t(%)\t(亿元)\t(%)\t\n"
        "全 国\t114830.1\t22.7\t132678.4\t15.5\n"
        "北 京\t4645.5\t21.1\t5309.9\t14.3\n"
        "天 津\t2078.7\t25.9\t2430.8\t16.9\n"
    )
    assert [f.text for f in rules_facts(text)][:4] == ["114830.1", "22.7", "132678.4", "15.5"]


def test_a_group_and_its_subgroup_on_lines_of_their_own_stay_inside_a_space_table() -> None:
    text = (
        "指标名称  单位  数量\n"
        "一、综合\n"
        "(一)行政区划\n"
        "乡镇级合计  个  1,405\n"
        "1.镇  个  679\n"
        "(二)民政事业费累计支出\n"
        "1.社会福利  万元  11,571.7\n"
    )
    assert [(f.text, f.unit) for f in rules_facts(text)] == [
        ("1,405", "个"),
        ("679", "个"),
        ("11,571.7", "元"),
    ]


def test_a_row_with_more_figures_than_the_header_has_years_keeps_them_out_of_its_label() -> None:
    text = (
        "地 区  2008  2009\n"
        "全 国  114830.1  22.7  132678.4  15.5\n"
        "北 京  4645.5  21.1  5309.9  14.3\n"
        "天 津  2078.7  25.9  2430.8  16.9\n"
    )
    assert not any(re.search(r"\d", f.indicator) for f in rules_facts(text))


def test_a_header_of_bare_years_a_cell_a_line_heads_the_rows_under_a_unit_line_above() -> None:
    # A web table copied a cell a line: the labels' heading, the years written bare, then each
    # row's label and figures; the unit on a line of its own, a blank line above the table.
    text = (
        "17-3 主要年份各类卫生机构床位数\n\n单位:张\n\n"
        "项目\n2000\n2005\n2010\n"
        "合 计\n90091\n88239\n112334\n"
        "#医院\n58505\n58694\n80938\n"
        "卫生院\n23884\n22574\n22995\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.unit, f.period) for f in facts[:3]] == [
        ("90091", "张", "2000"),
        ("88239", "张", "2005"),
        ("112334", "张", "2010"),
    ]
    assert len(facts) == 9


def test_a_tab_table_whose_header_lost_its_spanning_first_cell_puts_the_units_back() -> None:
    # `地 区` spanned three header rows; the rows under it moved left, as in a pipe table, and
    # a tab row may leave its empty cells at the end unwritten.
    text = (
        "地 区\t公共广播节目套数\t全年公共广播\t全年制作广播\n"
        "(套)\t节目播出时间\t节目时间\t\n"
        "(小时)\t(小时)\t\n"
        "总 计\t2587\t13057496\t6936960\n"
        "北 京\t18\t120292\t118222\n"
        "天 津\t22\t138051\t75573\n"
    )
    assert [(f.text, f.unit) for f in rules_facts(text)][:3] == [
        ("2587", "套"),
        ("13057496", "小时"),
        ("6936960", "小时"),
    ]


def test_rows_of_years_under_a_header_line_are_no_table_laid_out_sideways() -> None:
    text = "年份\t人口\t±%\n1981\t41,973\t—\n1986\t53,846\t+28.3%\n1991\t57,872\t+7.5%\n"
    assert [(f.text, f.period) for f in rules_facts(text)] == POPULATION_BY_YEAR


def test_a_unit_after_the_tables_date_a_blank_line_above_its_cells_gives_their_unit() -> None:
    text = (
        "  2024年1- 4 月                              单位:万元\n\n"
        "项    目\n\n 2024年1- 4\n\n上年同期\n\n同比增长(%)\n\n"
        "工业总产值(现价)\n\n1918615\n\n1791823\n\n7.1\n\n"
        "  #食品制造业\n\n109881\n\n115574\n\n-4.9\n\n"
        "   金属制品业\n\n79467\n\n72392\n\n9.8\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit) for f in facts[:3]] == [
        ("1918615", 19_186_150_000, "元"),
        ("1791823", 17_918_230_000, "元"),
        ("7.1", 7.1, "%"),
    ]


def test_a_cell_a_line_header_that_left_out_its_first_columns_name_moves_right() -> None:
    # The title gives the month; the header names 同期对比% first, and its last name
    # (完成年计划程度%) heads cells every row leaves empty.
    text = (
        "全省旅游接待和收入情况\n\n填报单位:海南省旅游发展委员会       2013年7月\n\n     \n\n"
        "同期对比%\n\n本月止累计\n\n同期累计对比%\n\n完成年计划程度%\n\n"
        "一、接待过夜旅游者总计(万人次)\n\n273.4\n\n11.3\n\n1973.26\n\n9.5\n\n \n\n"
        "(一)过夜国内旅游者(万人次)\n\n269.19\n\n12.6\n\n1928.42\n\n9.8\n\n \n\n"
        "1.旅游饭店接待过夜人数\n\n186.36\n\n9.83\n\n1366.64\n\n6.3\n\n \n\n"
        "2.社会旅馆接待过夜人数\n\n82.93\n\n19.56\n\n562.01\n\n19.46\n\n \n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit, f.kind) for f in facts[:4]] == [
        ("273.4", 2_734_000, "人次", "level"),
        ("11.3", 11.3, "%", "change"),
        ("1973.26", 19_732_600, "人次", "level"),
        ("9.5", 9.5, "%", "change"),
    ]


def test_a_population_history_whose_cells_ran_together_is_read_by_year() -> None:
    text = (
        "歷史人口\n年份人口±%\n"
        "1981 49,982—    \n1986 52,560+5.2%\n1991 54,764+4.2%\n2011 59,155−0.1%\n"
        "來源: 內政部統計月報-各鄉鎮市區人口數.\n"
    )
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts(text)]
    assert facts[:3] == [
        ("49,982", "人", "1981", "level"),
        ("52,560", "人", "1986", "level"),
        ("5.2%", "%", None, "change"),
    ]
    assert len(facts) == 7


def test_figures_one_space_apart_in_a_space_table_are_a_cell_each() -> None:
    # The label stands two spaces off, the figures (and an English label) one space apart.
    text = (
        "6-15  农民家庭收支情况 (2005年)\n单位:元     (yuan)\n Per Person\n"
        "一、总收入 Total Income  31040055 3628.29\n"
        "        (一)工资性收入      Laborers ' Remuneration 10077288 1177.94\n"
        "        (二)家庭经营收入      Income from Household Business 19408401 2268.66\n"
    )
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert facts[:2] == [("31040055", "元"), ("3628.29", "元")]
    assert len(facts) == 6


def test_a_bare_percent_on_a_line_of_its_own_is_the_unit_of_the_header_above_it() -> None:
    # A web table copied a cell a line: `同比增长` then `%` below it, as `绝对量` then `(万元)`.
    text = (
        "2021年1-6月份社会消费品零售总额主要数据\n\n指 标\n\n1-6\n\n绝对量\n\n(万元)\n\n"
        "同比增长\n\n%\n\n社会消费品零售总额\n\n889804.2\n\n19.6\n\n"
        " 其中:限额以上单位消费品零售额\n\n142029.0\n\n30.4\n\n"
        "  其中:限额以上单位餐费收入\n\n2647.0\n\n54.8\n"
    )
    units = {fact.text: (fact.value, fact.unit) for fact in rules_facts(text)}
    assert units["889804.2"] == (8_898_042_000, "元")
    assert units["19.6"] == (19.6, "%")
    assert units["2647.0"] == (26_470_000, "元")


def test_years_whose_figures_are_not_out_yet_are_rows_not_a_header_over_years() -> None:
    # A data site's series: the latest years' cells empty or a link in their place. They are
    # rows without figures, not a header, nor a row of periods over the rows below.
    text = (
        "| 年份 | 户籍人口(万人) |\n| 2024 | |\n| 2021 | 点击查看 |\n"
        "| 2018 | 7.05 |\n| 2017 | 7.21 |\n| 2016 | 7.41 |\n"
    )
    facts = [(f.text, f.value, f.unit, f.period) for f in rules_facts(text)]
    assert facts == [
        ("7.05", 70_500, "人", "2018"),
        ("7.21", 72_100, "人", "2017"),
        ("7.41", 74_100, "人", "2016"),
    ]


def test_a_column_headed_calculating_unit_gives_each_row_its_unit_a_cell_a_line() -> None:
    # 计算单位 (the unit a row is reckoned in) is a unit column as 计量单位 is; the page
    # copied its table a cell a line, an empty line between cells.
    cells = [
        "工  业",
        "行业名称",
        "计算单位",
        "1-8月累计",
        "累计同比±%",
        "一、规模以上工业增加值",
        "万元",
        "1871539",
        "16.9",
        "总计中:轻工业",
        "万元",
        "764939",
        "10.7",
    ]
    facts = [(f.text, f.value, f.unit) for f in rules_facts("\n\n".join(cells) + "\n")]
    assert facts == [
        ("1871539", 18715390000.0, "元"),
        ("16.9", 16.9, "%"),
        ("764939", 7649390000.0, "元"),
        ("10.7", 10.7, "%"),
    ]


def test_a_group_label_under_a_header_a_cell_a_line_heads_no_column() -> None:
    # 旅游业 under the header, an empty cell after it, heads the rows below: no column of its
    # own, and no header starts at 计算 单位 (a row's unit comes after its label).
    cells = [
        "2008年5月份旅游业",
        "项 目 名 称",
        "计算 单位",
        "5月",
        "1-5月 累计",
        "累计比上年同期 增长(%)",
        "旅游业",
        "       ",
        "一、接待旅游者",
        "万人次",
        "61.92",
        "286.86",
        "4.2",
        "二、旅游业总收入",
        "亿元",
        "3.64",
        "15.95",
        "4.8",
    ]
    facts = [(f.text, f.unit, f.kind) for f in rules_facts("\n\n".join(cells) + "\n")]
    assert facts == [
        ("61.92", "人次", "level"),
        ("286.86", "人次", "level"),
        ("4.2", "%", "change"),
        ("3.64", "元", "level"),
        ("15.95", "元", "level"),
        ("4.8", "%", "change"),
    ]


def test_a_rank_column_before_the_labels_a_cell_a_line_gives_no_figures() -> None:
    cells = ["GDP排行", "區域", "2021年GDP(億元)", "增速(%)"]
    cells += [
        "1",
        "潞州區",
        "565.7",
        "8",
        "2",
        "襄垣縣",
        "320.7",
        "9.9",
        "3",
        "上黨區",
        "305.2",
        "9.8",
    ]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:2] == [("565.7", "元", "潞州區GDP"), ("8", "%", "潞州區GDP增速")]
    assert len(facts) == 6


def test_a_table_a_cell_a_line_takes_the_nearest_unit_line_above_it() -> None:
    # 表4-1 is shown as a picture: its caption's 单位:人、% is not the next table's unit.
    cells = ["表4-1 全县常住人口年龄构成 单位:人、%", "表4-2 各乡镇常住人口年龄构成", "单位:%"]
    cells += ["地区", "0-14岁", "15-59岁", "全 县", "18.50", "57.12", "银州街道", "23.86", "62.96"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts == [("18.50", "%"), ("57.12", "%"), ("23.86", "%"), ("62.96", "%")]


def test_rows_a_cell_a_line_whose_label_is_followed_by_words_are_cut_by_the_header() -> None:
    # A price sheet: each row's name, its spec, its unit and its price type before the
    # figures; the header is a row wide, the words' columns hold no figure (元/5升's 5 is the
    # unit's).
    cells = ["商品名称", "规格", "计量单位", "价格类型", "本月平均", "上月平均", "比上月%"]
    cells += ["菜籽油", "桶装一级压榨", "元/5升", "平均价格", "76.70", "76.70", "0"]
    cells += ["大豆油", "桶装一级浸出", "元/5升", "平均价格", "57.68", "57.79", "-0.2"]
    cells += ["鲜猪肉", "精瘦肉", "元/500克", "平均价格", "17.09", "18.13", "-5.7"]
    facts = [(f.text, f.unit, f.kind) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:3] == [
        ("76.70", "元/5升", "level"),
        ("76.70", "元/5升", "level"),
        ("0", "%", "change"),
    ]
    assert ("17.09", "元/500克", "level") in facts
    assert len(facts) == 9


def test_a_second_tab_tables_header_right_under_the_first_tables_rows_starts_a_new_table() -> None:
    text = (
        "區域\t2021年GDP(億元)\t增速(%)\n潞州區\t565.7\t8\n襄垣縣\t320.7\t9.9\n"
        "年份\tGDP(億元)\t增速(%)\n2021年\t2311.1\t11\n2020年\t1711.6\t5.1\n"
    )
    facts = [(f.text, f.period) for f in rules_facts(text)]
    assert facts[-4:] == [("2311.1", "2021"), ("11", "2021"), ("1711.6", "2020"), ("5.1", "2020")]
    assert len(find_tables(text)) == 2


def test_a_second_header_aligned_under_the_first_tables_space_columns_starts_a_new_table() -> None:
    # PDF text: the second table's header sits in the first's columns, a cell short.
    text = (
        "區域      2021年GDP(億元)  增速(%)\n"
        "潞州區    565.7            8\n"
        "襄垣縣    320.7            9.9\n"
        "年份      GDP(億元)        增速(%)\n"
        "2021年    2311.1           11\n"
        "2020年    1711.6           5.1\n"
    )
    facts = [(f.text, f.period) for f in rules_facts(text)]
    assert facts[-4:] == [("2311.1", "2021"), ("11", "2021"), ("1711.6", "2020"), ("5.1", "2020")]
    assert len(find_tables(text)) == 2


def test_a_paragraph_above_a_table_of_years_that_defines_a_ratio_sets_no_base_for_it() -> None:
    # The census paragraph gives the sex ratio's base (以女性为100); the table's figures are
    # the population the next paragraph quotes in 万人, not indices.
    text = (
        "总人口性别比(以女性为100,男性对女性的比例)为110.32。\n"
        "全区人口由2010年的300.22万人增长至2021年的366万人。\n"
        "年份    常住人口\n"
        "2021年  366\n"
        "2020年  364.81\n"
        "2019年  361\n"
        "2018年  354\n"
        "2017年  349\n"
    )
    facts = [(f.text, f.unit, f.value, f.period) for f in rules_facts(text)]
    assert facts[-5:-2] == [
        ("366", "人", 3660000.0, "2021"),
        ("364.81", "人", 3648100.0, "2020"),
        ("361", "人", 3610000.0, "2019"),
    ]


def test_small_tables_of_one_year_each_copied_a_cell_a_line_are_each_read() -> None:
    # Three tables of one row each, one after another: a title, 年份 and measures that each
    # name their unit, then the year and its figures.
    cells = ["医疗机构业务量(2025年)", "年份", "诊疗总人次 (万人次)", "出院人数 (万人次)"]
    cells += ["2025年", "645.63", "8.42"]
    cells += ["医疗机构病床使用情况(2025年)", "年份", "实际床位数 (张)", "病床使用率 (%)"]
    cells += ["2025年", "4274", "69.76"]
    cells += [
        "家庭病床开展情况(2025年)",
        "年份",
        "家庭卫生服务人次数 (次)",
        "新建家庭病床人数(人次)",
    ]
    cells += ["2025年", "22595", "1692"]
    facts = [(f.text, f.unit, f.indicator, f.period) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[1:] == [
        ("8.42", "人次", "出院人数", "2025"),
        ("4274", "张", "实际床位数", "2025"),
        ("69.76", "%", "病床使用率", "2025"),
        ("22595", "次", "家庭卫生服务人次数", "2025"),
        ("1692", "人次", "新建家庭病床人数", "2025"),
    ]
    assert facts[0][:2] == ("645.63", "人次")


def test_a_one_row_table_a_cell_a_line_needs_a_header_naming_its_labels_and_units() -> None:
    # A grouped header (法人单位 over 数量(个) and 比重(%)) heads no one-row table.
    cells = ["法人单位", "数量(个)", "比重(%)", "合 计", "48395", "100"]
    assert rules_facts("\n".join(cells) + "\n") == []


def test_years_over_repeated_measures_and_a_row_of_units_a_cell_a_line_name_each_column() -> None:
    # A yearbook's two-row header and its units row, copied a cell a line: each year spans
    # the two measures under it, each measure its unit.
    cells = ["地 区", "2008", "2009", "社会消费品零售总额", "增 长", "社会消费品零售总额", "增 长"]
    cells += ["(亿元)", "(%)", "(亿元)", "(%)"]
    cells += ["全 国", "114830.1", "22.7", "132678.4", "15.5"]
    cells += ["北 京", "4645.5", "21.1", "5309.9", "14.3"]
    facts = [(f.text, f.unit, f.period, f.kind) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:4] == [
        ("114830.1", "元", "2008", "level"),
        ("22.7", "%", "2008", "change"),
        ("132678.4", "元", "2009", "level"),
        ("15.5", "%", "2009", "change"),
    ]
    assert len(facts) == 8


def test_lines_of_question_marks_a_page_left_for_its_spaces_do_not_hide_the_header() -> None:
    # `?` lines where the page's encoding lost its spaces, then a caption and a header whose
    # first cell names no row labels the vocabulary knows (`行  业`).
    cells = ["?", "?", "2022年全县生产总值及增长速度", "行  业", "绝对数(亿元)", "比上年增长%"]
    cells += ["生产总值", "1068.36", "4.1", "工业", "325.68", "-1.6", "建筑业", "124.24", "31.2"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:2] == [("1068.36", "元", "生产总值"), ("4.1", "%", "生产总值增长")]
    assert len(facts) == 6


_GROWTH_TABLE = [
    ["指标", "单位", "2022年", "2023年", "增长(%)"],
    ["地区生产总值", "亿元", "1234.5", "1300.2", "5.3"],
    ["工业增加值", "亿元", "456.7", "480.1", "5.1"],
    ["社会消费品零售总额", "亿元", "321.0", "345.6", "7.7"],
]


def test_a_table_a_cell_a_line_with_an_empty_line_after_each_row_reads_every_row() -> None:
    # Each row a paragraph: the empty lines part the rows, they are no empty cells, and the
    # last row (none after it) is read as wide as the others.
    text = "\n\n".join("\n".join(row) for row in _GROWTH_TABLE) + "\n"
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts[-3:] == [("321.0", "元", "2022"), ("345.6", "元", "2023"), ("7.7", "%", "2023")]
    assert len(facts) == 9


def test_a_table_a_cell_a_line_set_as_paragraphs_reads_past_its_group_rows() -> None:
    # A caption, the header, group labels as paragraphs of their own, then a row a paragraph.
    paragraphs = ["1-4 国民经济主要比例指标", "指 标\n单 位\n1995年\n2000年", "一、人 口"]
    paragraphs += ["出 生 率\n‰\n17.59\n12.11", "死 亡 率\n‰\n4.84\n4.59", "二、就 业"]
    paragraphs += ["各产业劳动力比例", "第 一 产 业\n%\n23.3\n19.4", "第 二 产 业\n%\n46.9\n48.2"]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n\n".join(paragraphs) + "\n")]
    assert facts[:2] == [("17.59", "‰", "1995"), ("12.11", "‰", "2000")]
    assert [text for text, _, _ in facts[2:]] == ["4.84", "4.59", "23.3", "19.4", "46.9", "48.2"]


def test_a_table_a_cell_a_line_each_cell_followed_by_a_tab_reads_as_cells() -> None:
    text = "".join(f"{cell}\t\n" for row in _GROWTH_TABLE for cell in row)
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    assert facts[:2] == [("1234.5", "元", "地区生产总值"), ("1300.2", "元", "地区生产总值")]
    assert len(facts) == 9


def test_a_group_label_with_one_tab_after_it_between_tab_tables_stays_in_their_rows() -> None:
    # `二、菌类⏎` between tab rows is a group's row over the next table, its empty cell after
    # the tab, not a cell of a table copied a cell a line.
    rows = ["一、蔬菜\t", "品种\t本期价格\t上期价格\t环比%", "菠菜\t4\t5\t-20.00"]
    rows += ["白菜\t2.4\t2.6\t-7.69", "二、菌类\t", "品种\t本期价格\t上期价格\t环比%"]
    rows += ["金针菇\t16\t9\t77.78", "香菇\t16\t14\t14.29"]
    facts = [(f.text, f.indicator) for f in rules_facts("单位:元/公斤\n" + "\n".join(rows) + "\n")]
    assert facts[6:9] == [("16", "金针菇价格"), ("9", "金针菇上期价格"), ("77.78", "金针菇环比")]
    assert len(facts) == 12


def test_a_headers_row_of_bare_units_a_cell_a_line_gives_each_column_its_unit() -> None:
    # The header's names, then a row of units without brackets, one for each value column.
    cells = ["指标", "2022年", "2023年", "增长", "亿元", "亿元", "%"]
    cells += [cell for row in _GROWTH_TABLE[1:] for cell in row[:1] + row[2:]]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:3] == [("1234.5", "元", "2022"), ("1300.2", "元", "2023"), ("5.3", "%", "2023")]
    assert len(facts) == 9


def test_a_bilingual_yearbook_table_a_cell_a_line_reads_past_its_english() -> None:
    # Every Chinese cell is followed by its translation, however long; the unit stays.
    cells = ["5-1 从业人员主要指标", "Main Indicators of Employed Persons", "指 标", "Item"]
    cells += ["2011", "2012", "从业人员人数 (万人)", "Number of Employed Persons (10000 persons)"]
    cells += ["5960.74", "5965.95", "#城镇单位从业人员 (万人)", "Urban Employed Persons"]
    cells += ["1238.22", "1303.98"]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts == [
        ("5960.74", "人", "2011"),
        ("5965.95", "人", "2012"),
        ("1238.22", "人", "2011"),
        ("1303.98", "人", "2012"),
    ]


def test_a_bracketed_unit_translation_and_a_padding_cell_after_each_row_are_not_columns() -> None:
    # A yearbook table copied a cell a line: its unit line's translation in brackets, each
    # row's English label, and the page's empty cell after each row's last figure.
    cells = ["单位: 亿元", "(100 million yuan)", "指 标", "Item", "2005", "2006"]
    cells += ["地区生产总值", "Gross Domestic Product", "6511.34", "7568.89", ""]
    cells += ["劳动者报酬", "Compensation of Laborers", "2939.66", "3533.65", ""]
    cells += ["固定资产折旧", "Depreciation of Fixed Assets", "847.17", "990.76", ""]
    facts = [(f.text, f.unit, f.indicator, f.period) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:2] == [
        ("6511.34", "元", "地区生产总值", "2005"),
        ("7568.89", "元", "地区生产总值", "2006"),
    ]
    assert [fact[0] for fact in facts[2:]] == ["2939.66", "3533.65", "847.17", "990.76"]


def test_a_forms_column_codes_and_numbered_groups_a_cell_a_line_are_no_rows() -> None:
    # A monthly form copied a cell a line: codes numbering its five columns, a group and a
    # subgroup over the first rows, then each row's label, unit and figures.
    cells = ["指标名称", "单位", "数量", "上期", "环比", "甲", "丙", "1", "2", "3"]
    cells += ["一、综合", "(一)行政区划", "乡镇级合计", "个", "1,107", "1,107", "0.00"]
    cells += ["乡", "个", "251", "270", "-7.04", "街道", "个", "184", "184", "0.00"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:3] == [
        ("1,107", "个", "乡镇级合计数量"),
        ("1,107", "个", "乡镇级合计上期"),
        ("0.00", "%", "乡镇级合计环比"),
    ]
    assert [fact[0] for fact in facts[3:]] == ["251", "270", "7.04", "184", "184", "0.00"]


def test_column_codes_under_a_header_with_a_group_are_kept_as_the_rows_width() -> None:
    # A page closing every cell with a rule of its own: six codes under seven header cells
    # (增幅% spans two), so not the header's one for one; rows of three figures and two
    # empty cells read under the first three measures.
    cells = ["2015年10月", "指标名称", "环比(上月=100)", "同期比(上年同月=100)"]
    cells += ["累计比(上年同期=100)", "增幅%", "去年同月", "去年同期"]
    cells += ["甲", "1", "2", "3", "4", "5"]
    cells += ["工业生产者出厂价格指数", "99.6", "94.7", "95.5", "", "", "#轻工业", "99.7", "98.1"]
    cells += ["98.0", "", "", "以农产品为原料", "99.5", "98.2", "99.6", "", ""]
    lines = [line for cell in cells for line in ([cell] if cell else []) + [" |"]]
    facts = [(f.text, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    light = [("99.7", "轻工业环比"), ("98.1", "轻工业同期比"), ("98.0", "轻工业累计比")]
    assert facts[3:6] == light
    figures = ["99.6", "94.7", "95.5", "99.7", "98.1", "98.0", "99.5", "98.2", "99.6"]
    assert [text for text, _ in facts] == figures


def test_a_header_wrapped_over_lines_a_cell_a_line_joins_each_columns_pieces_to_its_unit() -> None:
    # Three columns whose names wrapped over three lines, the last short on the left.
    cells = ["地 区", "公共广播节目套数", "全年公共广播", "全年制作广播", "(套)", "节目播出时间"]
    cells += ["节目时间", "(小时)", "(小时)"]
    cells += ["总 计", "2587", "13057496", "6936960", "北 京", "18", "120292", "118222"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:3] == [
        ("2587", "套", "总计公共广播节目套数"),
        ("13057496", "小时", "总计全年公共广播节目播出时间"),
        ("6936960", "小时", "总计全年制作广播节目时间"),
    ]
    assert len(facts) == 6


def test_bare_years_in_order_under_any_heading_a_cell_a_line_head_the_columns() -> None:
    # `经济活动` names no row labels the vocabulary knows; three years in order after it are
    # the header all the same, the last one marked provisional by a footnote.
    cells = ["单位: 百万澳门元", "经济活动", "1996", "1997", "1998②"]
    cells += ["第二产业", "7073", "7248", "6999", "采矿业", "10", "12", "12"]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:3] == [
        ("7073", "澳门元", "1996"),
        ("7248", "澳门元", "1997"),
        ("6999", "澳门元", "1998"),
    ]
    assert len(facts) == 6


def test_two_groups_among_single_columns_a_cell_a_line_are_placed_by_what_their_cells_hold() -> (
    None
):
    # 累计 and 当月 each span 本期, 同期 and 增减率%; 年度预算 and 完成预算% stand over one
    # column each. Only one placing puts rates under the % headers and amounts elsewhere.
    cells = ["单位:万元", "预 算 科 目", "年度预算", "累计", "当月", "完成预算%"]
    cells += ["本期", "同期", "增减率%", "本期", "同期", "增减率%"]
    cells += [
        "一般公共预算收入",
        "139,615",
        "105,222",
        "109,149",
        "-3.6",
        "14,255",
        "8,573",
        "66.3",
        "75.4",
    ]
    cells += ["税收收入", "106,337", "73,514", "89,279", "-17.7", "7,879", "6,959", "13.2", "69.1"]
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:8] == [
        ("139,615", "元", "一般公共预算收入"),
        ("105,222", "元", "一般公共预算收入累计"),
        ("109,149", "元", "一般公共预算收入累计同期"),
        ("3.6", "%", "一般公共预算收入累计增减率"),
        ("14,255", "元", "一般公共预算收入当月"),
        ("8,573", "元", "一般公共预算收入当月同期"),
        ("66.3", "%", "一般公共预算收入当月增减率"),
        ("75.4", "%", "一般公共预算收入完成预算"),
    ]
    assert len(facts) == 16


def test_every_upper_header_cell_over_its_own_pair_a_cell_a_line_names_two_columns() -> None:
    # 本年 over 本月 and 1-本月, 上年同期 over its two, 增长(%) over 本月 and 累计.
    cells = ["金额单位:万元", "项目", "本 年", "上年同期", "增长(%)", "本月", "1-本月"]
    cells += ["上年本月", "上年1-本月", "本月", "累计"]
    cells += ["社会消费品零售额", "20626052.6", "141797902.3", "18266051.9", "126842604.4"]
    cells += ["12.9", "11.8", "1、城镇", "18216063.5", "124306890.6", "16090282.4"]
    cells += ["110908049.8", "13.2", "12.1"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:6] == [
        ("20626052.6", "元"),
        ("141797902.3", "元"),
        ("18266051.9", "元"),
        ("126842604.4", "元"),
        ("12.9", "%"),
        ("11.8", "%"),
    ]
    assert len(facts) == 12


def test_a_group_row_of_dashes_a_cell_a_line_does_not_end_the_table() -> None:
    cells = ["指标", "绝对数(万元)", "增长(%)", "地区生产总值", "341881", "7.23"]
    cells += ["分产业", "--", "--", "第一产业", "56789", "5.25", "第二产业", "80349", "19.44"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts == [
        ("341881", "元"),
        ("7.23", "%"),
        ("56789", "元"),
        ("5.25", "%"),
        ("80349", "元"),
        ("19.44", "%"),
    ]


def test_a_blank_line_for_an_empty_cell_a_cell_a_line_does_not_cut_the_table() -> None:
    # 水上運輸業 has no figure for 2014: the page wrote an empty line there, and the rows
    # after it are the same table's.
    cells = ["指標", "2016年", "2015年", "2014年"]
    cells += ["鐵路運輸業就業人員數(人)", "103082", "105059", "115063"]
    cells += ["水上運輸業就業人員數(人)", "79", "121", ""]
    cells += ["航空運輸業就業人員數(人)", "10763", "12082", "9004"]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n".join(cells) + "\n")]
    assert ("121", "人", "2015") in facts
    assert facts[-3:] == [("10763", "人", "2016"), ("12082", "人", "2015"), ("9004", "人", "2014")]
    assert len(facts) == 8


def test_one_group_over_the_last_header_cells_a_cell_a_line_is_placed_where_its_figures_agree() -> (
    None
):
    # 平均浓度(μg/m3) spans PM10, PM2.5 and NO2; the other upper cells head one column each.
    # Every placing puts whole numbers and decimals alike under headers without a %; the one
    # whose group holds figures of one kind is taken.
    cells = ["表3 各区空气质量", "区 别", "平均浓度(μg/m3)", "CO浓度(mg/m3)", "达标天数(天)"]
    cells += ["综合指数", "PM10", "PM2.5", "NO2"]
    cells += ["东区", "41", "22", "17", "0.8", "29", "3.05"]
    cells += ["西区", "38", "19", "15", "0.9", "30", "2.87"]
    cells += ["南区", "45", "25", "21", "1.1", "27", "3.36"]
    facts = rules_facts("\n".join(cells) + "\n")
    assert [(f.text, f.unit) for f in facts[:6]] == [
        ("41", "μg/m3"),
        ("22", "μg/m3"),
        ("17", "μg/m3"),
        ("0.8", "mg/m3"),
        ("29", "天"),
        ("3.05", ""),
    ]
    assert [f.indicator.startswith("东区平均浓度") for f in facts[:4]] == [True] * 3 + [False]
    assert len(facts) == 18


def test_a_period_over_every_column_a_cell_a_line_is_no_group_naming_each_measure() -> None:
    # `1-9` spans both columns: the months the table covers, not a measure's name.
    cells = ["指 标", "1-9", "绝对量", "(万元)", "同比增长", "%"]
    cells += ["零售总额", "58484.8", "8.6", "其中:商品零售额", "52364.5", "8.2"]
    cells += ["  餐饮收入", "6120.3", "11.5"]
    facts = rules_facts("\n".join(cells) + "\n")
    assert [(f.text, f.unit) for f in facts[2:4]] == [("52364.5", "元"), ("8.2", "%")]
    assert not any("1-9" in f.indicator for f in facts)
    assert len(facts) == 6


def test_a_pipe_table_whose_header_row_the_page_broke_over_lines_is_read_a_cell_at_a_time() -> None:
    # The header row `地区 | 本科 | 专科 | 高中 | 初中` was broken after its second and third
    # cells; the rows of pipes cannot place it, its cells read in order can.
    lines = ["单位:人/10万人 | |||||", "地区 | 本科 (含以上) |", "专科 |", "高中 | 初中 | |"]
    lines += ["甲镇 | 1200 | 2300 | 4100 | 5200 | |", "乙镇 | 1100 | 2100 | 4300 | 5100 | |"]
    lines += ["丙镇 | 900 | 2000 | 3900 | 4800 | |"]
    facts = [f for f in rules_facts("\n".join(lines) + "\n") if f.unit == "人/10万人"]
    assert [(f.text, f.unit, f.indicator) for f in facts[:4]] == [
        ("1200", "人/10万人", "甲镇本科"),
        ("2300", "人/10万人", "甲镇专科"),
        ("4100", "人/10万人", "甲镇高中"),
        ("5200", "人/10万人", "甲镇初中"),
    ]
    assert len(facts) == 12


def test_a_pdf_text_table_whose_years_span_two_columns_each_is_read_a_cell_at_a_time() -> None:
    # Each year spans an amount and its growth; the rows of spaces cannot place the years
    # over the figures, the header's cells read in order can.
    lines = ["表5 各地区社会消费品零售总额"]
    lines += ["地 区               2029                          2030"]
    lines += ["          零售总额  增 长     零售总额  增 长"]
    lines += ["          (亿元)    (%)       (亿元)    (%)"]
    lines += ["甲 市    4645.5    21.1      5309.9    14.3"]
    lines += ["乙 市    2078.7    25.9      2430.8    16.9"]
    lines += ["丙 市    4991.1    23.1      5764.9    15.5"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.period) for f in facts[:4]] == [
        ("4645.5", "元", "2029"),
        ("21.1", "%", "2029"),
        ("5309.9", "元", "2030"),
        ("14.3", "%", "2030"),
    ]
    assert len(facts) == 12


def test_a_pdf_text_header_wrapped_over_a_unit_column_table_is_read_a_cell_at_a_time() -> None:
    # The header's one row (项目, 计量单位, two years, three districts) wrapped after its
    # fourth cell; each row's unit column gives its figures their unit.
    lines = ["项 目          计量单位  2029年   2030年", "甲区           乙区      丙区"]
    lines += ["一、年末总户数  户        745917   769266   172010  26760   138427"]
    lines += ["二、年末总人数  人        2710268  2732898  567604  94486   470698"]
    lines += ["男性            人        1440845  1453262  293109  49736   254935"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts[:5]] == [
        ("745917", "户"),
        ("769266", "户"),
        ("172010", "户"),
        ("26760", "户"),
        ("138427", "户"),
    ]
    assert len(facts) == 15


def test_a_unit_line_with_its_english_over_a_bilingual_yearbook_table_names_no_columns() -> None:
    lines = ["表3 地区生产总值构成", "单位: 亿元     (100 million yuan)"]
    lines += ["指 标          Item                           2029     2030"]
    lines += ["地区生产总值   Gross Domestic Product         6511.34  7568.89"]
    lines += ["劳动者报酬     Compensation of Laborers       2939.66  3533.65"]
    lines += ["固定资产折旧   Depreciation of Fixed Assets   847.17   990.76"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit, f.indicator, f.period) for f in facts[:2]] == [
        ("6511.34", "元", "地区生产总值", "2029"),
        ("7568.89", "元", "地区生产总值", "2030"),
    ]
    assert len(facts) == 6


def test_a_group_spaced_out_letter_by_letter_and_its_subgroup_stay_inside_a_space_table() -> None:
    lines = ["指 标          单 位  2028年  2029年", "五、工 业"]
    lines += [
        "工业增加值     亿元   12.5    13.1",
        "六、农 业",
        "农业总产值中各业比例",
        "种 植 业       %      54.9    45.7",
    ]
    lines += ["林 业          %      1.8     2.1"]
    facts = rules_facts("\n".join(lines) + "\n")
    assert [(f.text, f.unit) for f in facts] == [
        ("12.5", "元"),
        ("13.1", "元"),
        ("54.9", "%"),
        ("45.7", "%"),
        ("1.8", "%"),
        ("2.1", "%"),
    ]


def test_a_month_on_month_column_of_a_space_table_holds_rates() -> None:
    # 环比 (on the month before) is a change in percent, as 同比 is, in any layout.
    lines = ["指标名称        单位    数量      上期       环比", "甲  丙  1  2  3", "一、综合"]
    lines += ["(一)行政区划", "乡镇级合计      个      1,107     1,107"]
    lines += [
        "1.镇            个      653       653",
        "2.乡            个      251       270        -7.04",
    ]
    facts = rules_facts("\n".join(lines) + "\n")
    assert ("7.04", "%", "change") in [(f.text, f.unit, f.kind) for f in facts]


def test_a_title_that_counts_gives_its_unit_to_a_table_with_no_unit_line() -> None:
    # The title names what every figure counts (宗數, past the last 的 of a long title).
    text = (
        "2023年按路段及嚴重程度劃分的交通事故宗數\n"
        "| 路段 | 致命 | 嚴重 | 輕微 |\n"
        "| 東線 | 1 | 12 | 40 |\n"
        "| 西線 | 0 | 7 | 33 |\n"
        "| 南線 | 2 | 9 | 51 |\n"
    )
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    assert ("12", "宗", "東線嚴重") in facts
    assert len(facts) == 9


def test_a_corner_cell_copied_as_two_names_no_column_of_figures() -> None:
    # 路段 names the rows, 嚴重程度 the columns: one corner, the figures under 致命 onwards.
    header = "| 路段 | 嚴重程度 | 致命 | 嚴重 | 輕微 |\n"
    rows = "| 東線 | 1 | 12 | 40 |\n| 西線 | 0 | 7 | 33 |\n| 南線 | 2 | 9 | 51 |\n"
    facts = [(f.text, f.indicator) for f in rules_facts("交通事故宗數\n" + header + rows)]
    assert ("1", "東線致命交通事故宗数") in facts and ("40", "東線輕微交通事故宗数") in facts
    cells = "\n".join(
        cell for line in (header + rows).splitlines() for cell in line.strip("| ").split(" | ")
    )
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("交通事故宗數\n" + cells + "\n")]
    assert ("12", "宗", "東線嚴重程度嚴重交通事故宗数") in facts


def test_a_header_of_words_before_a_unit_column_is_no_corner() -> None:
    # 项目名称 then 计算单位: a unit column of its own, each row's unit in it.
    text = (
        "项目名称\n计算单位\n本月\n累计\n"
        "社会消费品零售总额\n万元\n2978\n12780\n"
        "旅游收入\n亿元\n4.51\n16.74\n"
    )
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert ("16.74", "元") in facts and ("2978", "元") in facts


def test_a_unit_line_may_list_its_units_apart_by_semicolons() -> None:
    # 家 for the counts, % for the shares with decimals, as `單位:家、%` would say.
    text = (
        "單位:家;%\n"
        "項目別      家數     有      沒有\n"
        "總計        9,011    8.38    91.62\n"
        "製造業        679    9.57    90.43\n"
        "營建工程業  1,550   18.71    81.29\n"
    )
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert ("9,011", "家") in facts and ("18.71", "%") in facts


def test_a_word_before_a_lone_letter_far_off_in_a_pdf_header_is_a_column_of_its_own() -> None:
    # 項目別 ... 有 ... 沒有: the lone 有 heads a column, not the end of a name spaced out.
    text = (
        "單位:家;%\n"
        "                    總計\n"
        "項目別                             有       沒有\n"
        "              家數     百分比\n"
        "總計          9,011    100.00      8.38    91.62\n"
        "製造業          679    100.00      9.57    90.43\n"
        "營建工程業    1,550    100.00     18.71    81.29\n"
    )
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert ("9,011", "家") in facts and ("8.38", "%") in facts and ("90.43", "%") in facts


def test_a_note_after_a_unit_line_lists_no_unit() -> None:
    # 下同 (the same below) and 增长% name no unit of their own: the amounts stay in 万元.
    text = "单位：万元，下同\n| 指标 | 2022年 | 2023年 |\n| 地区生产总值 | 12345.6 | 13456.7 |\n"
    text += "| 财政收入 | 2345.6 | 2456.7 |\n| 税收收入 | 1345.6 | 1456.7 |\n"
    assert ("12345.6", 123456000.0, "元") in [(f.text, f.value, f.unit) for f in rules_facts(text)]


def test_a_change_header_wrapped_in_two_is_no_group_over_every_column() -> None:
    # 比上年 then 增长(%): one column's name wrapped, not a group over 总额 and 增长.
    text = "单位：亿元\n| 地区 | 总额 | 比上年 | 增长(%) |\n| 东区 | 1234.5 | 5.6 |\n"
    text += "| 西区 | 987.6 | 4.2 |\n| 南区 | 765.4 | -1.3 |\n"
    facts = [(f.text, f.unit, f.kind) for f in rules_facts(text)]
    assert ("1234.5", "元", "level") in facts and ("5.6", "%", "change") in facts


def test_a_median_in_a_title_counts_nothing() -> None:
    text = "2023年各区居民人均可支配收入中位数\n| 地区 | 城镇 | 农村 |\n| 东区 | 52100 | 30100 |\n"
    text += "| 西区 | 50100 | 29100 |\n| 南区 | 48100 | 28100 |\n"
    assert [f.unit for f in rules_facts(text) if f.unit == "位"] == []


def test_cells_each_closed_by_a_pipe_on_their_line_read_as_cells_a_line() -> None:
    # A yearbook sheet: years over the rows, each label with its English after it.
    text = "2-1 全市科技经费指标(2026~2029)\n" + _closed_cells(
        *("2026", "2027", "2028", "2029"),
        *("研发经费支出(亿元) R&D Expenditure (100 million yuan)", "12.4", "13.9", "15.2", "16.8"),
        *("占地区生产总值的比重(%) As percentage of GDP", "1.82", "1.90", "1.97", "2.05"),
    )
    facts = [(f.text, f.value, f.unit, f.period, f.indicator) for f in rules_facts(text)]
    assert facts[0] == ("12.4", 1_240_000_000, "元", "2026", "研发经费支出")
    assert facts[4] == ("1.82", 1.82, "%", "2026", "占地区生产总值的比重")
    assert len(facts) == 8


def test_a_lone_pipe_among_cells_closed_by_pipes_is_an_empty_cell() -> None:
    # Every row's label lost: a pipe alone where it stood keeps the rows their width.
    text = "各片区人口\n" + _closed_cells(
        *("片区", "人数", "占总人口%"),
        *("", "52310", "40.2", "", "41020", "31.5", "", "36830", "28.3"),
    )
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert facts == [
        ("52310", "人"),
        ("40.2", "%"),
        ("41020", "人"),
        ("31.5", "%"),
        ("36830", "人"),
        ("28.3", "%"),
    ]


def test_cells_closed_by_pipes_whose_units_the_table_cannot_place_give_no_facts() -> None:
    # Two amounts listed and no column naming either: which is whose is not said, and a
    # month is no unit.
    text = "表1 主要农产品月均价 单位:元/公斤、元/头\n" + _closed_cells(
        *("月份", "生猪", "仔猪", "母猪"),
        *("1月", "15.2", "21.0", "1290", "2月", "15.8", "20.4", "1305"),
        *("3月", "16.1", "19.9", "1311"),
    )
    assert rules_facts(text) == []


def test_a_yearbook_sheets_second_table_opens_on_its_number_and_its_years_alone() -> None:
    # Two tables of a bilingual sheet a cell a line: the second's number and title (`2-2 …`)
    # end the first's rows, and its header is its years alone, the labels' column unnamed.
    text = "2-1 全市科技经费指标(2026~2029)\n" + _closed_cells(
        *("2026", "2027", "2028", "2029"),
        *("研发经费支出(亿元) R&D Expenditure", "12.4", "13.9", "15.2", "16.8"),
        *("占地区生产总值的比重(%) As percentage of GDP", "1.82", "1.90", "1.97", "2.05"),
        *("2-2 全市研发人员指标(2026~2029)", "2026", "2027", "2028", "2029"),
        *("研发人员(万人) R&D Personnel", "3.1", "3.3", "3.6", "3.9"),
        *("科学家与工程师(万人) Scientists and Engineers", "2.2", "2.4", "2.5", "2.8"),
    )
    facts = [(f.text, f.value, f.unit, f.period) for f in rules_facts(text)]
    assert facts[8] == ("3.1", 31_000, "人", "2026")
    assert len(facts) == 16 and "2027" not in [fact[0] for fact in facts]


def test_a_span_of_months_ages_or_sizes_opening_a_label_is_no_yearbook_table_number() -> None:
    # `15-59岁`, `1-2月` and `90-144 平方米` open rows and headers, not a new table.
    for words in ("15-59 岁人口", "1-2 月累计", "90-144 平方米", "5-10 万元", "20-49 人企业"):
        assert not TABLE_NUMBER.match(words), words
    assert TABLE_NUMBER.match("1-2 全国研发人员指标")


def test_a_row_of_a_size_band_a_cell_a_line_stays_a_row() -> None:
    cells = ["面积段", "销售面积(万平方米)", "比上年增长(%)", "90平方米以下", "120.5", "-5.2"]
    cells += ["90-144平方米", "340.8", "3.1", "144平方米以上", "88.2", "12.4"]
    text = "表3 2031年商品住宅销售面积分面积段情况\n" + "\n".join(cells) + "\n"
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(text)]
    assert ("340.8", "平方米", "90-144平方米销售面积") in facts
    assert len(facts) == 6


def test_a_title_dated_to_the_day_gives_the_table_that_year() -> None:
    # A stock counted at the year's end: the date is the table's, no other year named.
    text = "表1 截至2031年12月31日各区户籍人口\n| 地区 | 户籍人口(万人) | 比上年增长(%) |\n"
    text += "| --- | --- | --- |\n| 东区 | 52.1 | 1.2 |\n| 西区 | 41.2 | 0.8 |\n"
    assert {f.period for f in rules_facts(text)} == {"2031"}


def test_each_group_over_its_parts_heads_a_first_column_of_its_own() -> None:
    # `全县(人) | 构成(%)` over `城镇 | 乡村` twice, three figures under each: the whole, then
    # its parts; a spreadsheet's `#DIV/0!` is no figure.
    lines = [
        "表3 城乡劳动力资源 |",
        "指 标 | 全 县(人) | 构 成(%) |",
        "城镇 | 乡村 | 城镇 | 乡村 |",
    ]
    lines += ["劳动力资源 | 412600 | 180500 | 232100 | 100 | 43.7 | 56.3 |"]
    lines += ["从业人员 | 398200 | 171300 | 226900 | 100 | 43.0 | 57.0 |"]
    lines += ["私营业主 | 5120 | 3410 | 1710 | 100 | 66.6 | 33.4 |"]
    lines += ["再就业人员 | 0 | #DIV/0! | #DIV/0! | |||"]
    facts = [(f.text, f.unit, f.kind, f.indicator) for f in rules_facts("\n".join(lines) + "\n")]
    assert facts[:3] == [
        ("412600", "人", "level", "劳动力资源全县"),
        ("180500", "人", "level", "劳动力资源全县城镇"),
        ("232100", "人", "level", "劳动力资源全县乡村"),
    ]
    assert facts[3][:2] == ("100", "%") and facts[5][:2] == ("56.3", "%")
    assert len(facts) == 18 + 1


def test_prices_beside_a_column_of_rising_and_falling_arrows_stay_prices() -> None:
    # 升降趋势 heads arrows; the price column's header, laid out beside it, runs into its
    # `升 降`: no rise or fall is measured there, and the prices keep their unit.
    lines = ["《重要民生商品价格监测表》"]
    lines += ["项目    标准等级    计量          价格    变化    升降趋势"]
    lines += ["名称    单位        较上一监测日  升      降", "肉禽蛋"]
    lines += ["鲜猪肉  精瘦肉      元/斤         16.20   -0.61%  ↓"]
    lines += ["鲜猪肉  五花肉      元/斤         15.80   -0.44%  ↓"]
    lines += [
        "排骨    主销        元/斤         25.10   0.00%",
        "白条鸡  主销        元/斤         11.90   0.00%",
    ]
    facts = {f.text: (f.unit, f.kind) for f in rules_facts("\n".join(lines) + "\n")}
    assert facts["16.20"] == ("元/斤", "level") and facts["25.10"] == ("元/斤", "level")
    assert facts["0.61%"] == ("%", "change")


def test_a_group_spanning_empty_cells_over_its_years_gives_each_column_its_year() -> None:
    # A web table copied with its spans left as empty cells: `产量(万吨)` heads the empty
    # cell after it too, and the years under the groups run 2022, 2023 once per group.
    lines = ["| 品种 | 产量(万吨) | | 增长(%) | |", "| | 2022 | 2023 | 2022 | 2023 |"]
    lines += ["| 粮食 | 120.5 | 130.2 | 3.1 | 8.0 |", "| 油料 | 10.2 | 11.4 | 1.5 | 11.8 |"]
    facts = [(f.text, f.unit, f.period) for f in rules_facts("\n".join(lines) + "\n")]
    assert facts[:4] == [
        ("120.5", "吨", "2022"),
        ("130.2", "吨", "2023"),
        ("3.1", "%", "2022"),
        ("8.0", "%", "2023"),
    ]
    assert len(facts) == 8


def test_a_numeral_inside_a_place_name_of_a_words_column_is_no_figure() -> None:
    # 执行地区 reads like a column of results (执行), but its cells list places: 六 of 六安,
    # 五 of 五河县 are names.
    lines = ["档次 | 月最低工资标准(元/月) | 执行地区 |"]
    lines += ["一 | 1550 | 合肥市区,铜陵市区 |", "二 | 1380 | 淮北市区,六安市区,五河县 |"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(lines) + "\n")]
    assert facts == [("1550", "元/月"), ("1380", "元/月")]


def test_a_numeral_running_into_a_word_is_a_name_but_one_with_a_qualifier_is_a_figure() -> None:
    assert in_word("淮北市区,六安市区", 5, 6)  # 六安
    assert not in_word("约五", 1, 2)
    assert not in_word("两*", 0, 1)
    assert not in_word("三", 0, 1)


# A plan table's header a cell a line: 2021年完成 and 2022年计划 each over 绝对值 and 增长%, a
# unit column and a column of the departments answering for each row.
_PLAN_HEADER = ["指标名称", "单位", "2021年完成", "2022年计划", "责任部门", "绝对值", "增长%"]
_PLAN_HEADER += ["绝对值", "增长%"]


def _plan_table_facts(cells: list[str]) -> list[Fact]:
    """The facts of a plan table a cell a line under `_PLAN_HEADER`, its rows' `cells`."""
    return rules_facts("2022年计划指标\n" + "\n".join([*_PLAN_HEADER, *cells]) + "\n")


def test_a_plan_table_a_cell_a_line_with_groups_and_a_notes_column_reads_each_target() -> None:
    # Some rows' departments are empty: an empty line.
    cells = ["一、创新驱动", "研发经费投入", "亿元", "12.5", "8", "13.8", "10"]
    cells += ["科技局", "高新技术企业数量", "个", "82", "5", "90", "9.8", "科技局"]
    cells += ["年技术合同交易额", "亿元", "2.35", "12", "2.76", "17", ""]
    cells += ["农业科技示范推广面积", "万亩", "10400", "3", "10800", "4", "农业局"]
    facts = _plan_table_facts(cells)
    assert [(f.text, f.unit, f.period, f.status) for f in facts[:4]] == [
        ("12.5", "元", "2021", "actual"),
        ("8", "%", "2021", "actual"),
        ("13.8", "元", "2022", "target"),
        ("10", "%", "2022", "target"),
    ]
    assert [f.indicator for f in facts[4:6]] == ["高新技术企业数量", "高新技术企业数量"]
    assert len(facts) == 16


def test_a_group_label_over_a_first_row_that_opens_on_dashes_is_no_header_cell() -> None:
    # The first row's figures open on dashes (`-` for none): the group's label (`一、创新驱动`)
    # above it is still told from the header.
    cells = ["一、创新驱动", "研发经费投入增长", "%", "-", "-", "-", "10"]
    cells += ["科技局", "平台总数", "项", "95", "-", "100", "-", ""]
    cells += ["科技成果奖励总数", "个", "13", "-", "17", "-", ""]
    cells += ["孵化载体总数", "个", "16", "-", "17", "-", "科技局"]
    facts = _plan_table_facts(cells)
    assert [(f.text, f.unit, f.period, f.status) for f in facts[:3]] == [
        ("10", "%", "2022", "target"),
        ("95", "项", "2021", "actual"),
        ("100", "项", "2022", "target"),
    ]
    assert len(facts) == 7


def test_a_notes_column_of_dashes_a_cell_a_line_stays_a_column_of_the_table() -> None:
    cells = ["表1 主要指标", "指标", "单位", "2023年", "2024年", "备注"]
    cells += [
        "地区生产总值",
        "亿元",
        "1234.5",
        "1300",
        "-",
        "财政收入",
        "亿元",
        "100.2",
        "110",
        "-",
    ]
    cells += [
        "固定资产投资增长",
        "%",
        "5.1",
        "6",
        "-",
        "社会消费品零售总额",
        "亿元",
        "456.7",
        "490",
        "-",
    ]
    facts = rules_facts("\n".join(cells) + "\n")
    assert [(f.text, f.unit, f.period, f.indicator) for f in facts[:2]] == [
        ("1234.5", "元", "2023", "地区生产总值"),
        ("1300", "元", "2024", "地区生产总值"),
    ]
    assert len(facts) == 8


def test_a_plan_tables_notes_of_dashes_head_no_group_over_the_sub_columns() -> None:
    cells = ["2022年计划指标", "指标名称", "单位", "2021年完成", "2022年计划", "责任部门"]
    cells += ["绝对值", "增长%", "绝对值", "增长%", "一、创新驱动", "研发经费投入", "亿元"]
    cells += ["12.5", "8", "13.8", "10", "—", "高新技术企业数量", "个", "82", "5", "90", "9.8", "—"]
    cells += ["年技术合同交易额", "亿元", "2.35", "12", "2.76", "17", "—"]
    facts = rules_facts("\n".join(cells) + "\n")
    assert [(f.text, f.unit, f.period, f.status) for f in facts[:4]] == [
        ("12.5", "元", "2021", "actual"),
        ("8", "%", "2021", "actual"),
        ("13.8", "元", "2022", "target"),
        ("10", "%", "2022", "target"),
    ]


def test_a_plan_tables_notes_of_words_are_read_past_where_a_reading_with_them_falls_short() -> None:
    cells = ["某市2024年国民经济和社会发展计划报告", "", "表1 2024年国民经济和社会发展主要指标"]
    cells += ["指标名称", "单位", "2023年完成", "2024年计划", "责任单位"]
    cells += ["绝对值", "增长%", "绝对值", "增长%", "地区生产总值", "亿元", "3200", "6.2", "3400"]
    cells += ["6", "市发改委", "一般公共预算收入", "亿元", "250", "5.1", "265", "6", "市财政局"]
    cells += ["社会消费品零售总额", "亿元", "1500", "7.2", "1600", "7", "市商务局"]
    facts = rules_facts("\n".join(cells) + "\n")
    assert [(f.text, f.unit, f.period, f.status, f.indicator) for f in facts[:3]] == [
        ("3200", "元", "2023", "actual", "地区生产总值"),
        ("6.2", "%", "2023", "actual", "地区生产总值"),
        ("3400", "元", "2024", "target", "地区生产总值"),
    ]
    assert len(facts) == 12


def test_a_budget_tables_notes_of_plain_figures_stay_notes_not_a_column_of_amounts() -> None:
    cells = ["某市2024年国民经济和社会发展计划报告", "", "表2 一般公共预算收支决算表"]
    cells += ["单位：万元", "科目", "预算数", "决算数", "备注", "税收收入", "52000", "53100"]
    cells += ["2.1", "非税收入", "12000", "11800", "1.7", "转移性收入", "30000", "31500", "5.0"]
    facts = rules_facts("\n".join(cells) + "\n")
    assert [(f.text, f.status, f.indicator) for f in facts[:2]] == [
        ("52000", "target", "税收收入"),
        ("53100", "actual", "税收收入"),
    ]
    assert len(facts) == 6


_LABOUR = ["3-15 城乡劳动力资源配置情况", "指 标", "全 市(人)", "构 成(%)", "城镇", "农村"]
_LABOUR += ["城镇", "农村", "一、年末劳动力资源总计", "1698588", "821250", "877338", "100"]
_LABOUR += ["48.3", "51.7", "二、经济活动人口", "1368568", "590915", "777653", "100", "43.2"]
_LABOUR += ["56.8", "从业人员", "1348029", "570376", "777653", "100", "42.3", "57.7"]


def test_groups_each_opening_on_a_total_column_a_cell_a_line_head_their_columns() -> None:
    # 全 市(人) and 构 成(%), then 城镇 and 农村 once per group, over six figures a row: each
    # group's first column is its total, headed by the group's name alone.
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts("\n".join(_LABOUR) + "\n")]
    assert facts[:2] == [
        ("1698588", "人", "年末劳动力资源总计全市"),
        ("821250", "人", "年末劳动力资源总计全市城镇"),
    ]
    assert facts[3:5] == [
        ("100", "%", "年末劳动力资源总计构成"),
        ("48.3", "%", "年末劳动力资源总计构成城镇"),
    ]
    assert len(facts) == 18


def test_a_spreadsheets_error_cell_a_line_is_an_empty_cell_not_the_end_of_the_rows() -> None:
    # A sheet's shares of a row whose total is nought: its sums had nothing to work on.
    cells = [
        *_LABOUR[:15],
        "#不计入劳动力资源的人数",
        "0",
        "0",
        "0",
        "#DIV/0!",
        "#DIV/0!",
        "#DIV/0!",
    ]
    facts = [f.text for f in rules_facts("\n".join([*cells, *_LABOUR[15:]]) + "\n")]
    assert facts[-6:] == ["1348029", "570376", "777653", "100", "42.3", "57.7"]


def test_names_repeated_once_after_the_amounts_are_a_flat_header_not_groups() -> None:
    # 本月 | 1-本月, then 同比(%) twice: a rate after each amount, no group over one sub-column.
    cells = ["指标", "本月", "1-本月", "同比(%)", "同比(%)"]
    cells += ["发电量(亿千瓦时)", "12.3", "140.5", "5.6", "4.2", "原煤(万吨)", "45", "520"]
    cells += ["3.1", "2.0", "水泥(万吨)", "80", "900", "-2.1", "-1.5"]
    facts = [(f.text, f.unit) for f in rules_facts("\n".join(cells) + "\n")]
    assert facts[:4] == [("12.3", "千瓦时"), ("140.5", "千瓦时"), ("5.6", "%"), ("4.2", "%")]


def test_columns_headed_by_a_month_or_months_hold_that_periods_figures() -> None:
    # 7月 and 1-7月 name the part of the year each column is of; the unit is the row's own.
    text = (
        "2022年重点住宿业接待情况 | ||||\n"
        "指标名称 | 7月 | 同比增长(%) | 1-7月 | 同比增长(%) |\n"
        "接待住宿者人数(人次) | 2033440 | -43.5 | 9748891 | -40.9 |\n"
    )
    assert _facts_of(text) == [
        ("2033440", 2_033_440, "人次", "level"), ("43.5", 43.5, "%", "change"),
        ("9748891", 9_748_891, "人次", "level"), ("40.9", 40.9, "%", "change"),
    ]  # fmt: skip


@pytest.mark.parametrize("points", ["%、百分点", "%/个百分点"])
def test_a_change_column_in_percent_or_points_gives_a_rate_row_points(points: str) -> None:
    # 同比增长 (%、百分点): a price's change is in percent, an occupancy rate's in points, and
    # so are the rates of the groups under it.
    unit = points.split("/")[-1].split("、")[-1]
    text = (
        f"项 目 | 2019年5月 | 上年同期 | 同比增长 ({points}) |\n"
        "平均房价(元/间) | 553.7 | 524.2 | 5.6 |\n"
        "平均出租率(%) | 72.6 | 71.9 | 0.7 |\n"
        "五星级 | 74.5 | 72.0 | 2.5 |\n"
    )
    assert [(text, unit) for text, _, unit, _ in _facts_of(text)] == [
        ("553.7", "元/间"), ("524.2", "元/间"), ("5.6", "%"),
        ("72.6", "%"), ("71.9", "%"), ("0.7", unit),
        ("74.5", "%"), ("72.0", "%"), ("2.5", unit),
    ]  # fmt: skip


def test_the_unit_line_over_a_row_of_another_tables_figures_is_that_tables_not_the_next() -> None:
    # 单位:万元 heads the accounts' row; the tab table below names no unit of its own.
    lines = ["单位:万元", "收入合计 100.5 120.3 98.7"]
    lines += ["年 份\t常住人口\t户数\t出生\t死亡", "地 区\t# 城镇\t乡村\t", "合 计\t"]
    lines += [f"{year}\t123.4\t45.6\t7.8\t6.5\t1.2\t" for year in (2020, 2021, 2022)]
    assert [table.unit for table in find_tables("\n".join(lines) + "\n")][-1] is None
    # A title numbering its table (`表4 2019年1-3月…`) is a caption still.
    titled = "表4 2019年1-3月各县煤炭产量\n单位:千吨\n县 区\t本月数\t累计\n"
    titled += "甲\t12.5\t40.1\n乙\t8.2\t30.3\n"
    assert [table.unit for table in find_tables(titled)] == [("吨", 1000.0)]


def test_a_title_spacing_out_its_dates_keeps_its_unit_line() -> None:
    # `表 3  截至 2022 年 12 月 31 日…` spaces numbers out as PDF text does: no row of figures.
    text = "表 3  截至 2022 年 12 月 31 日主要指标  单位:万元\n指标\t本月\t累计\n"
    text += "工业增加值\t123\t456\n营业收入\t789\t1011\n利润总额\t12\t34\n"
    assert [(f.text, f.unit, f.value) for f in rules_facts(text)][:1] == [
        ("123", "元", 1_230_000.0)
    ]
