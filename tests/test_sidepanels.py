"""Panels side by side one space apart (llmx.tables.sidepanels), read through the rules."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables import find_tables

_SHEET = [
    "一、蔬菜 单位:元/公斤",
    "品种 本期价格 上期价格 环比% 品种 本期价格 上期价格 环比%",
    "菠菜 4 / / 花椰菜(花菜) 2.6 5.6 -53.57",
    "芹菜 5 5 0.00 西兰花 7 8 -12.50",
    "油菜(瓢儿白、上海青) 2.8 2 40.00 莲花白 0.8 0.6 33.33",
    "莴笋 1.4 2 -30.00",
]


def test_each_panel_of_a_price_sheet_one_space_apart_is_read_under_the_panels_header() -> None:
    (table,) = find_tables("\n".join(_SHEET) + "\n")
    assert [row.cells[0].clean for row in table.rows] == [
        "菠菜",
        "芹菜",
        "油菜(瓢儿白、上海青)",
        "莴笋",
        "花椰菜(花菜)",
        "西兰花",
        "莲花白",
    ]
    facts = {(f.indicator, f.text, f.unit) for f in rules_facts("\n".join(_SHEET) + "\n")}
    assert ("西兰花价格", "7", "元/公斤") in facts  # the caption's unit; 本期 is the sheet's week
    assert ("花椰菜(花菜)上期价格", "5.6", "元/公斤") in facts
    assert len(facts) == 19  # 菠菜's empty cells (`/`) are no facts


def test_a_line_with_more_panels_than_the_header_names_ends_the_block() -> None:
    lines = [*_SHEET[:4], "莴笋 1.4 2 -30.00 胡萝卜 5 5 0.00 茄子 2.4 4 -40.00"]
    (table,) = find_tables("\n".join(lines) + "\n")
    assert [row.cells[0].clean for row in table.rows] == ["菠菜", "芹菜", "花椰菜(花菜)", "西兰花"]
