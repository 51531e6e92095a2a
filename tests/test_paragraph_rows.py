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


def test_a_header_after_a_long_caption_line_in_its_paragraph_opens_at_its_years_name() -> None:
    # Every row as wide as the header; the header's paragraph opens on the page's note.
    note = "依2022年6月社群共識,將過度統計清單移至討論頁,人口以年底戶籍登記為準。"
    rows = ["1946\n19,256\n—", "1951\n21,904\n+13.8%", "1956\n23,966\n+9.4%"]
    text = _paragraphs(f"{note}\n人口統計\n年份\n人口\n±%", *rows)
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts[:2] == [("19,256", "人", "1946"), ("21,904", "人", "1951")]
    assert len(facts) == 5


def test_marked_sub_items_measure_what_the_row_above_them_does() -> None:
    rows = ["工业总产值\n4131926\n3738113\n10.5", "#食品制造业\n270636\n263267\n2.8"]
    rows += ["金属制品业\n205542\n190723\n7.8", "工业销售产值\n4262720\n3629052\n17.5"]
    text = _paragraphs("单位:万元", "项 目\n1-9月\n上年同期\n同比增长(%)", *rows)
    indicators = [f.indicator for f in rules_facts(text)]
    assert indicators[3] == "食品制造业总产值1-9月"
    assert indicators[6] == "金属制品业总产值1-9月"
    assert indicators[9] == "工业销售产值"  # no part: a row of its own again


def test_a_label_wrapped_onto_a_second_line_of_its_paragraph_is_one_label() -> None:
    rows = ["发电量(亿千瓦时)\n12.3\n140.5\n5.6", "原煤(万吨)\n45\n520\n3.1"]
    rows += ["规模以上工业\n增加值(亿元)\n30\n350\n3.3", "钢材(万吨)\n30\n350\n3.3"]
    facts = [
        (f.text, f.indicator) for f in rules_facts(_paragraphs("指标\n本月\n累计\n增长(%)", *rows))
    ]
    assert facts[6] == ("30", "规模以上工业增加值")
    assert len(facts) == 12


def test_a_caption_over_the_header_in_its_paragraph_is_no_column() -> None:
    # 类别 names the rows, but is no name the header's split knows: the rows' width tells.
    rows = ["制造业\n120\n4500", "建筑业\n98\n3300", "批发业\n75\n2080"]
    text = _paragraphs("按行业分\n类别\n企业数(个)\n从业人员(人)", *rows)
    facts = [(f.text, f.unit) for f in rules_facts(text)]
    assert facts[:2] == [("120", "个"), ("4500", "人")]
    assert len(facts) == 6


def test_a_spreadsheets_error_in_a_whole_row_leaves_the_rows_other_figures() -> None:
    rows = ["销售额(万元)\n100\n80\n25.0", "新产品产值(万元)\n50\n0\n#DIV/0!"]
    rows += ["利润(万元)\n20\n10\n100.0", "税金(万元)\n5\n4\n25.0"]
    facts = [(f.text, f.unit) for f in rules_facts(_paragraphs("指标\n本期\n上期\n增长(%)", *rows))]
    assert facts[3:5] == [("50", "元"), ("0", "元")]
    assert len(facts) == 11


def test_a_last_column_empty_in_every_row_shifts_no_figure_left() -> None:
    rows = ["甲镇\n1200\n4500", "乙镇\n1300\n4800", "丙镇\n900\n3300"]
    text = _paragraphs("指标\n户数(户)\n人口(人)\n增长(%)", *rows)
    # Left to the cell-at-a-time readings, as before this reading (which read 4500 as a rate
    # there too): the header is not cut to fit the rows.
    assert next((f.text, f.unit) for f in rules_facts(text)) == ("1200", "户")


def test_a_rows_figure_under_a_unit_column_means_its_unit_cell_was_left_empty() -> None:
    rows = [
        "地区生产总值\n亿元\n1200\n1100",
        "城镇化率\n65.2\n64.1",
        "户籍人口\n万人\n120.5\n118.2",
    ]
    text = _paragraphs("指标\n单位\n2023年\n2022年", *rows)
    facts = [(f.text, f.period) for f in rules_facts(text) if f.indicator.startswith("城镇化率")]
    assert facts == [("65.2", "2023"), ("64.1", "2022")]
