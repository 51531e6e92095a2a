"""Tables whose rows come as a label line, then a line of figures two or more spaces apart,
under a header of one cell per line, each cell closed by its unit (llmx.tables.labelrows). The
tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables import find_tables
from llmx.tables.labelrows import find_label_rows

_COUNTIES = (
    "表3 各县主要经济指标(2019年)\n"
    "\n"
    "县别 常住人口\n"
    "(万人)\n"
    "地区生产\n"
    "总值(亿元)\n"
    "  人均生产\n"
    "总值(元)\n"
    "一般公共预\n"
    "算收入\n"
    "(亿元)\n"
    "第一产业 第二产业 第三产业\n"
    "全市合计\n"
    "152.40  980.35  101.22  402.61  476.52    61.70\n"
    "东山县\n"
    "48.12  301.44  40.05  120.31  141.08  62642  18.25\n"
    "西河县\n"
    "36.90  215.80  35.61  88.47  91.72  58482  12.04\n"
)


def test_each_header_cell_runs_until_its_unit_and_parts_follow_their_whole() -> None:
    [grid] = find_label_rows(_COUNTIES)
    assert grid.label_head == "县别"
    assert grid.names == (
        "常住人口(万人)",
        "地区生产总值(亿元)",
        "第一产业(亿元)",
        "第二产业(亿元)",
        "第三产业(亿元)",
        "人均生产总值(元)",
        "一般公共预算收入(亿元)",
    )
    assert len(grid.rows) == 3


def test_a_double_gap_is_an_empty_cell_and_a_short_row_ends_early() -> None:
    [grid] = find_label_rows(_COUNTIES)
    total = grid.rows[0]
    texts = [_COUNTIES[s[0] : s[1]] if s else None for s in total.cells]
    assert texts == ["152.40", "980.35", "101.22", "402.61", "476.52", None, "61.70"]


def test_figures_take_their_columns_units_and_the_row_label() -> None:
    facts = rules_facts(_COUNTIES)
    assert len(facts) == 6 + 7 + 7
    by_text = {f.text: f for f in facts}
    assert (by_text["48.12"].value, by_text["48.12"].unit) == (481_200, "人")
    assert (by_text["40.05"].value, by_text["40.05"].unit) == (4_005_000_000, "元")
    assert (by_text["62642"].value, by_text["62642"].unit) == (62642, "元")
    assert by_text["61.70"].value == 6_170_000_000  # the total's revenue, past its empty cell
    assert by_text["301.44"].indicator.startswith("东山县")
    assert {f.period for f in facts} == {"2019"}


def test_prose_and_other_layouts_are_left_alone() -> None:
    prose = "全年经济运行平稳\n东山县\n全县实现地区生产总值 301.44 亿元，增长 6.1%。\n"
    assert find_label_rows(prose) == []
    one_space = "指标\n(亿元)\n东山县\n301.44 40.05 120.31\n西河县\n215.80 35.61 88.47\n"
    assert find_label_rows(one_space) == []
    # A header that does not count the rows' columns gives no grid.
    miscounted = (
        "县别 常住人口\n(万人)\n东山县\n48.12  301.44  40.05\n西河县\n36.90  215.80  35.61\n"
    )
    assert find_label_rows(miscounted) == []
    assert all(table.layout != "lines" for table in find_tables(miscounted))
