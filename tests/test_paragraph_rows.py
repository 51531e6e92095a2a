"""Tables a page set a row a paragraph, some rows short of cells: the blank lines part the
rows, and a short row's cells are its first ones. Numbers and labels here are invented."""

from __future__ import annotations

from reading import rules_facts

_HEADER = "指标名称\n单位\n数量\n上期\n环比"
_ROWS = [
    "乡镇级合计\n个\n1,107\n1,107",
    "1.镇\n个\n653\n653",
    "2.乡\n个\n251\n270\n-7.04",
    "3.街道\n个\n184\n184",
]


def _paragraphs(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def test_a_row_short_of_cells_fills_the_first_columns_and_the_rows_after_it_are_read() -> None:
    # The standard's values are unsigned: the change's minus stays outside its span.
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(_paragraphs(_HEADER, *_ROWS))]
    assert facts[4:7] == [("251", "个", "乡数量"), ("270", "个", "乡上期"), ("7.04", "%", "乡环比")]
    assert facts[-2:] == [("184", "个", "街道数量"), ("184", "个", "街道上期")]
    assert len(facts) == 9


def test_a_groups_label_right_under_the_header_is_no_more_of_the_header() -> None:
    text = _paragraphs("民政统计月报表", _HEADER, "一、综合", *_ROWS)
    facts = [(f.text, f.indicator) for f in rules_facts(text)]
    assert facts[:2] == [("1,107", "乡镇级合计数量"), ("1,107", "乡镇级合计上期")]
    assert len(facts) == 9


def test_a_forms_column_codes_under_the_header_are_no_row() -> None:
    text = _paragraphs(_HEADER, "甲\n丙\n1\n2\n3", *_ROWS)
    facts = [f.text for f in rules_facts(text)]
    assert "1" not in facts and "3" not in facts
    assert len(facts) == 9


def test_a_row_of_a_label_and_its_unit_alone_between_rows_keeps_the_table_whole() -> None:
    text = _paragraphs(_HEADER, *_ROWS[:2], "4.苏木\n个", *_ROWS[2:])
    assert len(rules_facts(text)) == 9


def test_a_table_of_years_a_row_a_paragraph_takes_its_captions_unit() -> None:
    rows = ["2019\n1200.5\n100.2\n7.1", "2020\n1250.3\n105.0", "2021\n1300.1\n110.5\n6.5"]
    text = _paragraphs("单位:亿元", "年份\n生产总值\n第一产业\n增长率(%)", *rows)
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts[:3] == [("1200.5", "元", "2019"), ("100.2", "元", "2019"), ("7.1", "%", "2019")]
    assert facts[3:5] == [("1250.3", "元", "2020"), ("105.0", "元", "2020")]
    assert len(facts) == 8
