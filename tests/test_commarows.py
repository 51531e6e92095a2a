"""Comma-separated tables in text (llmx.tables.commarows): an open-data table a page shows as its
CSV, records on lines of their own or run together after a space. The figures are invented
in the shape of Taoyuan's monthly tax tables."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables.commarows import find_comma_tables

_HEADER = (
    "稅目別,全年預算數,累計實徵淨額,實徵淨額與全年預算數比較/百分比,與上年同期比較/增減百分比,_id"
)
_RECORDS = [
    '總 計,"38,500,000,000","1,250,000,000",3,-37.19,1',
    ' 1. 地 價 稅,"8,200,000,000","54,100,000",1,33.91,2',
    " 2. 田 賦,-,-,-,-,3",
    ' 3. 房 屋 稅,"9,100,000,000","27,100,000",0.3,-2.52,4',
]


def test_records_run_together_are_cut_at_the_header_s_width() -> None:
    text = _HEADER + " " + " ".join(_RECORDS) + "\n"
    (grid,) = find_comma_tables(text)
    assert len(grid.names) == 6
    assert [[text[a:b] for a, b in row] for row in grid.rows][1] == [
        "1. 地 價 稅",
        "8,200,000,000",
        "54,100,000",
        "1",
        "33.91",
        "2",
    ]
    assert grid.end == len(text) - 1


def test_a_table_that_names_no_unit_gives_its_amounts_as_written_and_percents_by_header() -> None:
    text = "\n".join([_HEADER, *_RECORDS]) + "\n"
    facts = rules_facts(text)
    by_text = {fact.text: fact for fact in facts}
    budget, share, change = by_text["38,500,000,000"], by_text["0.3"], by_text["33.91"]
    assert (budget.value, budget.unit, budget.status) == (38_500_000_000, "", "target")
    assert (share.unit, share.kind, share.status) == ("%", "share", "actual")
    assert (change.unit, change.kind) == ("%", "change")
    assert "4" not in by_text  # the _id column is no measure
    assert len(facts) == 12  # four figures a row, none for the row of dashes


def test_prose_and_figures_with_thousands_commas_are_no_table() -> None:
    text = (
        "全年收入1,250,000,000元,支出1,100,000,000元,结余150,000,000元。\n"
        "甲,乙,丙\n1,2,3\n"  # one record is too few
    )
    assert find_comma_tables(text) == []


def test_a_unit_line_above_the_header_gives_the_amounts_its_unit() -> None:
    text = "單位:千元\n" + "\n".join([_HEADER, *_RECORDS]) + "\n"
    budget = next(fact for fact in rules_facts(text) if fact.text == "38,500,000,000")
    assert (budget.value, budget.unit) == (38_500_000_000_000, "元")
