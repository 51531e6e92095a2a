"""Numbered target tables whose cells ran together with nothing between them
(llmx.tables.runtogether): a number, an indicator's name, its unit, its target after a comparison,
and the body that reports it, row after row. The tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables import find_tables
from llmx.tables.runtogether import find_target_lists

TABLE = (
    "附件 某市现代化建设指标体系指标名称计量单位2035 年目标值责任单位一、产业发展"
    "1 规上工业增加值占GDP 比重% ≥ 38市统计局2 每万人高价值发明专利拥有量件≥ 12市市场监管局"
    "3 公共服务水平每千人口托位数个≥4.5市卫健委每千人口养老床位数张≥ 45市民政局二、民生保障"
    "4 城镇登记失业率/城镇调查失业率% <3.5/<5 市人社局 /统计局5 人均公共文化设施面积"
    "平方米≥0.385 市文广局6 农业科技进步贡献率% ≥727 居民人均可支配收入元翻一番(全市≥ 9.6万元) "
    "市统计局"
)


def _targets(text: str) -> list[tuple[str, str, str]]:
    (found,) = find_target_lists(text)
    return [
        (text[slice(*row.name)], text[slice(*row.unit)], text[slice(*row.target)])
        for row in found.rows
    ]


def test_rows_are_cut_at_their_numbers_and_each_target_at_its_unit() -> None:
    assert _targets(TABLE) == [
        ("规上工业增加值占GDP 比重", "%", "≥ 38"),
        ("每万人高价值发明专利拥有量", "件", "≥ 12"),
        ("公共服务水平每千人口托位数", "个", "≥4.5"),
        ("每千人口养老床位数", "张", "≥ 45"),  # past the body (市卫健委) of the one before
        ("城镇登记失业率", "%", "<3.5"),
        ("城镇调查失业率", "%", "<5"),
        ("人均公共文化设施面积", "平方米", "≥0.385"),
        # `≥727`: the figure 72, then the next row's number 7
        ("农业科技进步贡献率", "%", "≥72"),
    ]


def test_each_target_is_a_fact_in_its_unit_for_the_headers_year() -> None:
    facts = rules_facts(TABLE)
    assert {table.layout for table in find_tables(TABLE)} == {"runtogether"}
    table_facts = [
        (f.indicator, f.value, f.unit, f.qualifier, f.period, f.status)
        for f in facts
        if f.indicator != "全市"
    ]
    assert table_facts[:3] == [
        ("规上工业增加值占GDP比重", 38, "%", "≥", "2035", "target"),
        ("每万人高价值发明专利拥有量", 12, "件", "≥", "2035", "target"),
        ("公共服务水平每千人口托位数", 4.5, "个", "≥", "2035", "target"),
    ]
    assert ("城镇调查失业率", 5, "%", "<", "2035", "target") in table_facts


def test_a_rows_number_is_no_figure_and_a_target_in_words_is_left_to_the_prose() -> None:
    facts = rules_facts(TABLE)
    (found,) = find_target_lists(TABLE)
    numbers = {row.number[0] for row in found.rows if row.number}
    assert len(numbers) == 6
    assert not [f for f in facts if f.start in numbers]
    assert [(f.value, f.unit) for f in facts if f.text == "9.6万元"] == [(96_000, "元")]


def test_numbered_prose_and_a_header_without_rows_are_no_target_table() -> None:
    prose = "主要目标：1 地区生产总值年均增长6%以上，2 城镇新增就业每年5万人，3 单位GDP能耗下降3%。"
    assert find_target_lists(prose) == []
    header_only = "指标名称计量单位2035 年目标值责任单位（略）"
    assert find_target_lists(header_only) == []
