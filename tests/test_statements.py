"""Accounts set out in columns under a line of units (llmx.tables.statements), as Hong Kong
publishes its monthly and yearly accounts. The tables here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables import find_tables
from llmx.tables.statements import find_statements

TWO_COLUMNS = (
    "政府今日公布本財政年度首十個月的財務狀況。\n"
    "表一:綜合帳目\n"
    "                  截至二零三一年\n"
    "                  一月三十一日止\n"
    "        二零三一年一月      十個月\n"
    "        -------   -------\n"
    "         港幣百萬元     港幣百萬元\n"
    "\n"
    "收入(註釋2)   94,876.9     414,750.7\n"
    "開支       (37,832.5)   (322,543.0)\n"
    "        -------   -------\n"
    "財務安排\n"
    " 本地\n"
    "  銀行業    (55,808.8)    (81,913.0)\n"
    "(註釋3)\n"
    "  非銀行業   (1,235.6)      (606.9)\n"
    " 外來        -          -\n"
)


def test_each_figure_is_in_its_columns_unit_and_a_bracketed_one_is_the_number_inside() -> None:
    facts = [(f.text, f.value, f.unit) for f in rules_facts(TWO_COLUMNS)]
    assert facts[:4] == [
        ("94,876.9", 94_876_900_000, "元"),
        ("414,750.7", 414_750_700_000, "元"),
        ("37,832.5", 37_832_500_000, "元"),
        ("322,543.0", 322_543_000_000, "元"),
    ]
    assert ("606.9", 606_900_000, "元") in facts
    assert len(facts) == 8  # the dashes of 外來 are empty cells
    assert {table.layout for table in find_tables(TWO_COLUMNS)} == {"statement"}


def test_a_lone_figure_goes_to_the_column_it_stands_under() -> None:
    text = (
        "应计制帐目与现金制帐目的一些重要比较数字如下:\n"
        "\n"
        "                   2030-31\n"
        "                现金制    应计制\n"
        "                亿元     亿元\n"
        "                ───    ───\n"
        "* 财政盈余           140\n"
        "* 净盈余                   476\n"
        "                3,107     9,107\n"
    )
    [grid] = find_statements(text)
    placed = [[text[c[0] : c[1]] if c else None for c in row.cells] for row in grid.rows]
    assert placed == [["140", None], [None, "476"], ["3,107", "9,107"]]  # totals: no label
    assert grid.headers == ("现金制", "2030-31 应计制")
    assert grid.title is None  # the sentence above leads to the table; it names no column


def test_a_line_of_units_with_too_few_rows_under_it_is_no_statement() -> None:
    assert find_statements("港幣百萬元\n收入 33,023.1\n政府今日公布財務狀況。\n") == []


def test_a_unit_cell_of_a_table_of_one_cell_per_line_is_no_line_of_units() -> None:
    # 万元 is the unit column's cell; the figures under it stand alone on their lines.
    text = (
        "指标名称\n\n单位\n\n2030年\n\n财政总收入\n\n万元\n\n52364\n\n税收收入\n\n万元\n\n26310\n"
    )
    assert find_statements(text) == []


def test_a_row_sits_under_its_groups_and_its_label_goes_on_to_the_next_line() -> None:
    text = (
        "表一:綜合帳目\n"
        "二零三一年四月\n"
        "-------\n"
        "港幣百萬元\n"
        "收入 33,023.1\n"
        "未計入債券及 57,044.4\n"
        "票據償還款項的盈餘\n"
        "-------\n"
        "財務安排\n"
        "本地\n"
        "銀行業 1,033.5\n"
        "非銀行業 674.2\n"
        "-------\n"
        "總額 1,707.7\n"
    )
    [grid] = find_statements(text)
    assert [row.words for row in grid.rows] == [
        "收入",
        "未計入債券及票據償還款項的盈餘",
        "財務安排本地銀行業",
        "財務安排本地非銀行業",
        "財務安排總額",  # the total after the rule is its group's
    ]
    assert [f.indicator for f in rules_facts(text)][2] == "財務安排本地銀行業"


def test_rows_of_dashes_alone_are_no_statement() -> None:
    assert find_statements("港幣百萬元\n外來 - -\n本地 - -\n") == []


def test_columns_whose_names_and_units_the_page_wrote_a_cell_a_line_are_read_in_order() -> None:
    text = (
        "表一:綜合帳目(臨時數字)\n"
        " \n"
        "  二○三一年三月\n"
        "港幣百萬元\n"
        "二○三○至三一年度\n"
        "港幣百萬元\n"
        "收入 89,180.8 564,911.8\n"
        "開支 (82,894.9) (753,223.5)\n"
        "     \n"
        "發行政府債券的\n"
        "收入\n"
        "5,766.6 130,036.1\n"
    )
    [grid] = find_statements(text)
    assert grid.headers == ("二○三一年三月", "二○三○至三一年度")
    facts = [(f.text, f.value, f.unit) for f in rules_facts(text)]
    assert facts[:2] == [("89,180.8", 89_180_800_000, "元"), ("564,911.8", 564_911_800_000, "元")]
    assert len(facts) == 6
