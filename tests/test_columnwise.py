"""Tables copied column by column, one cell per line (llmx.tables.columnwise), on invented texts."""

from __future__ import annotations

import time

from llmx.documents import Document
from llmx.rules import RulesExtractor
from llmx.tables import find_tables
from llmx.tables.columnwise import find_columnwise


def _columnwise(header: str, labels: list[str], columns: list[list[str]], gap: int = 1) -> str:
    """A grid written column by column: a blank line for an empty cell, one between columns."""
    runs = "\n\n".join("\n".join(column) for column in columns)
    return header + "\n" + "\n".join(labels) + "\n" * (gap + 1) + runs + "\n"


def _facts(text: str) -> list[tuple[str, float, str, str | None, str]]:
    facts = RulesExtractor().extract([Document("d", text)]).facts
    return [(f.text, f.value, f.unit, f.period, f.indicator) for f in facts]


_LABELS = [
    "农业生产",
    "粮食产量(万吨)",
    "油料产量(万吨)",
    "畜牧业",
    "生猪出栏(万头)",
    "禽蛋产量(吨)",
]
_COLUMNS = [
    ["", "612.4", "38.5", "", "", "9150"],
    ["", "630.0", "", "", "210.6", "9322"],
    ["", "641.7", "40.2", "", "225.3", "9080"],
]


def test_each_column_run_gives_its_years_facts_in_the_row_labels_units() -> None:
    text = "附表 农牧业主要产品\n" + _columnwise("项 目 2019年 2020年 2021年", _LABELS, _COLUMNS)
    [table] = find_tables(text)
    assert table.layout == "columnwise"
    assert [row.cells[0].text for row in table.rows] == _LABELS
    assert _facts(text) == [
        ("612.4", 6_124_000, "吨", "2019", "粮食产量"),
        ("38.5", 385_000, "吨", "2019", "油料产量"),
        ("9150", 9150, "吨", "2019", "禽蛋产量"),
        ("630.0", 6_300_000, "吨", "2020", "粮食产量"),
        ("210.6", 2_106_000, "头", "2020", "生猪出栏"),
        ("9322", 9322, "吨", "2020", "禽蛋产量"),
        ("641.7", 6_417_000, "吨", "2021", "粮食产量"),
        ("40.2", 402_000, "吨", "2021", "油料产量"),
        ("225.3", 2_253_000, "头", "2021", "生猪出栏"),
        ("9080", 9080, "吨", "2021", "禽蛋产量"),
    ]
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert {f.status for f in facts} == {"actual"}


def test_leading_empty_cells_are_read_as_cells_not_as_more_gap() -> None:
    # Two group labels open the table, so the first figure stands three lines after the
    # labels whatever the gap: the rows with a unit must not come out empty.
    labels = [
        "一、财政",
        "收入合计",
        "税收收入(亿元)",
        "非税收入(亿元)",
        "二、金融",
        "存款余额(亿元)",
    ]
    columns = [
        ["", "", "15.2", "3.1", "", "402"],
        ["", "", "16.8", "2.9", "", "431"],
        ["", "", "17.5", "3.4", "", "466"],
        ["", "", "18.1", "3.3", "", "490"],
        ["", "", "19.9", "2.7", "", "523"],
        ["", "", "21.0", "3.8", "", "551"],
    ]
    header = "指标 2016年 2017年 2018年 2019年 2020年 2021年"
    [grid] = find_columnwise(_columnwise(header, labels, columns))
    assert grid.years == ("2016", "2017", "2018", "2019", "2020", "2021")
    text = _columnwise(header, labels, columns)
    read = [[text[s[0] : s[1]] if s else "" for s in column] for column in grid.columns]
    assert read == columns


def test_a_separator_of_two_blank_lines_is_read_as_well() -> None:
    runs = "\n\n\n".join("\n".join(column) for column in _COLUMNS)
    text = "项目 2020年 2021年 2022年\n" + "\n".join(_LABELS) + "\n\n\n" + runs + "\n附注\n"
    [grid] = find_columnwise(text)
    assert [text[s[0] : s[1]] for s in grid.columns[1] if s] == ["630.0", "210.6", "9322"]


def test_extra_blank_lines_before_the_first_column_fit_no_reading() -> None:
    for tail in ("", "注：资料来源于统计局。\n"):
        text = _columnwise("项目 2020年 2021年 2022年", _LABELS, _COLUMNS, gap=3) + tail
        assert find_columnwise(text) == []


def test_a_column_run_one_line_short_or_long_is_no_grid() -> None:
    short = [_COLUMNS[0], _COLUMNS[1][:-1], _COLUMNS[2]]
    long = [_COLUMNS[0], [*_COLUMNS[1], "17"], _COLUMNS[2]]
    for columns in (short, long):
        text = (
            _columnwise("项 目 2019年 2020年 2021年", _LABELS, columns) + "注：资料来源于统计局。\n"
        )
        assert find_columnwise(text) == []
        assert [table.layout for table in find_tables(text)] == []


def test_more_columns_of_values_than_the_header_names_is_no_grid() -> None:
    text = _columnwise("项目 2020年 2021年", _LABELS, _COLUMNS) + "以上为初步统计数。\n"
    assert find_columnwise(text) == []


def test_a_text_cut_off_in_a_column_keeps_what_it_has() -> None:
    cut = [_COLUMNS[0], _COLUMNS[1][:3]]
    text = _columnwise("项目 2019年 2020年 2021年", _LABELS, cut).rstrip("\n")
    [grid] = find_columnwise(text)
    assert grid.years == ("2019", "2020")
    assert [text[s[0] : s[1]] for s in grid.columns[1] if s] == ["630.0"]


def test_a_revision_mark_and_a_footnote_mark_stay_outside_the_spans() -> None:
    labels = ["客运量(万人次)③", "货运量(万吨)", "港口吞吐量(万吨)"]
    columns = [["128.0r", "56.4", "—"], ["131.5", "60.2p", "77.1"], ["140.9", "63.0", "80.6"]]
    text = _columnwise("指标 2018年 2019年 2020年", labels, columns)
    [table] = find_tables(text)
    assert table.rows[0].cells[0].text == "客运量(万人次)"
    facts = _facts(text)
    assert [(text, value, unit) for text, value, unit, _, _ in facts[:3]] == [
        ("128.0", 1_280_000, "人次"), ("56.4", 564_000, "吨"), ("131.5", 1_315_000, "人次"),
    ]  # fmt: skip
    assert len(facts) == 8  # the dash is an empty cell


def test_years_over_a_list_of_words_and_prose_are_no_grid() -> None:
    text = (
        "全市人口 2020年 2021年\n"
        "城镇人口继续增加\n"
        "乡村人口减少\n"
        "户籍人口基本持平\n"
        "\n"
        "12.5\n"
        "全年新增就业人员3.2万人，比上年增长4.1%。\n"
    )
    assert find_columnwise(text) == []


def test_many_header_like_lines_stay_linear() -> None:
    block = "指标 2020年 2021年\n" + "产量(吨)\n" * 50 + "\n" + "1.5\n" * 120 + "附注\n"
    text = block * 400
    began = time.perf_counter()
    find_columnwise(text)
    assert time.perf_counter() - began < 5


def test_sub_items_take_the_unit_of_the_row_they_are_listed_under() -> None:
    labels = ["从业人员(万人)", "(ⅰ)农业", "(ⅱ)工业", "旅游收入(亿澳门元)", "用电量(亿千瓦小时)"]
    columns = [["52.0", "11.4", "20.3", "88.5", "3.4"], ["54.1", "10.9", "21.7", "97.2", "3.6"]]
    text = _columnwise("指 标 2015年 2016年", labels, columns) + "资料来源：统计暨普查局\n"
    assert [(t, v, u) for t, v, u, _, _ in _facts(text)[:5]] == [
        ("52.0", 520_000, "人"), ("11.4", 114_000, "人"), ("20.3", 203_000, "人"),
        ("88.5", 8_850_000_000, "澳门元"), ("3.4", 340_000_000, "千瓦小时"),
    ]  # fmt: skip


def test_a_text_cut_off_in_its_first_column_is_no_grid() -> None:
    # Without a line between two columns nothing checks the run's length.
    text = _columnwise("项目 2019年 2020年 2021年", _LABELS, [_COLUMNS[0][:4]]).rstrip("\n")
    assert find_columnwise(text) == []


def test_rows_of_aligned_cells_under_a_year_header_are_not_labels() -> None:
    text = (
        "指标    2020年    2021年\n"
        "客运量(万人次)    310.2    335.7\n"
        "货运量(万吨)    82.4    90.1\n"
        "邮电业务量(亿元)    4.6    5.2\n"
        "\n"
        "1.2\n"
        "\n"
    )
    assert find_columnwise(text) == []
    assert [table.layout for table in find_tables(text)] == ["spaces"]


def test_a_sub_item_under_an_index_row_takes_no_unit_from_its_base() -> None:
    labels = ["价格指数(2010年=100)", "(ⅰ)食品", "(ⅱ)衣着"]
    columns = [["104.2", "106.1", "99.3"], ["105.0", "108.4", "98.7"]]
    [grid] = find_columnwise(_columnwise("指标 2012年 2013年", labels, columns) + "附注\n")
    assert grid.units == (None, None, None)


# A census bulletin's table of towns: a header of names under a `单位:` line listing each
# column's unit, the labels, then every column's figures with no blank line between.
_TOWNS = ["九龙街道", "朝阳街道", "花园镇"]
_TIGHT = (
    "  表1-1 各乡镇(街道)常住人口数\n\n  单位:人、%\n\n地区 常住人口 比重[4]\n"
    + "\n".join(_TOWNS)
    + "\n173807\n78890\n21640\n23.40\n10.62\n2.91\n\n  注释:\n"
)


def test_columns_run_on_under_a_header_of_names_are_read_when_the_count_fits() -> None:
    [table] = find_tables(_TIGHT)
    assert table.layout == "columnwise"
    assert [column.header for column in table.columns] == ["地区", "常住人口", "比重"]
    assert [
        (text, value, unit, indicator) for text, value, unit, _, indicator in _facts(_TIGHT)
    ] == [
        ("173807", 173807, "人", "九龙街道常住人口"),
        ("78890", 78890, "人", "朝阳街道常住人口"),
        ("21640", 21640, "人", "花园镇常住人口"),
        ("23.40", 23.4, "%", "九龙街道比重"),
        ("10.62", 10.62, "%", "朝阳街道比重"),
        ("2.91", 2.91, "%", "花园镇比重"),
    ]


def test_a_header_of_names_is_no_grid_when_the_figures_do_not_fill_its_columns() -> None:
    short = _TIGHT.replace("2.91\n", "")  # one figure missing: which column lost it is unsaid
    assert find_columnwise(short) == []
    dashes = _TIGHT.replace("23.40\n10.62\n2.91", "—\n—\n—")  # a column of no figures
    assert find_columnwise(dashes) == []


def test_a_word_spaced_out_heading_a_table_a_cell_a_line_is_no_header_of_names() -> None:
    # `本 月` is one word, the first column's name, over rows a label then four figures each,
    # whose count happens to fit a grid of one column under `月`.
    text = (
        "本 月\n比上年同月 ±%\n本月止累计\n比上年同期 ±%\n"
        "一、接待过夜游客(人次)\n32275456\n12.27\n144004010\n14.36\n"
        "台湾同胞\n205147\n-7.82\n908939\n-0.35\n"
    )
    assert find_columnwise(text) == []
    assert [(text, unit) for text, _, unit, _, _ in _facts(text)][:2] == [
        ("32275456", "人次"),
        ("12.27", "%"),
    ]


def test_a_census_header_over_three_lines_names_each_column_by_its_group_and_year() -> None:
    # The row labels' header, the groups, then each group's years, the figures straight after
    # the labels, column after column.
    text = (
        "单位:人、%\n地 区\n人口数 比重[3]\n2020 年 2010 年 2020 年 2010 年\n"
        "全 市\n沙坪街道\n龙口镇\n"
        "530684\n240614\n32680\n494938\n197155\n36625\n"
        "100.00\n45.34\n6.16\n100.00\n39.83\n7.40\n"
    )
    facts = RulesExtractor().extract([Document("d", text)]).facts
    read = {f.text: (f.unit, f.period, f.indicator) for f in facts}
    assert read["530684"] == ("人", "2020", "全市人口数")
    assert read["494938"] == ("人", "2010", "全市人口数")
    assert read["45.34"] == ("%", "2020", "沙坪街道比重")
    assert read["7.40"] == ("%", "2010", "龙口镇比重")
    assert len(facts) == 12


def test_a_name_spaced_out_with_its_unit_is_no_header_of_a_label_and_a_column() -> None:
    # `全 市(人)` is one word, 全市 with its unit: no tight grid heads its columns with 市(人).
    # Read as one, five labels and the first row's five figures would fit a grid exactly.
    lines = ["全 市(人)", "构 成(%)", "城镇", "农村", "城镇", "农村"]
    lines += ["1698588", "821250", "877338", "48.3", "51.7", "二、经济活动人口"]
    assert find_columnwise("\n".join(lines) + "\n") == []


def test_a_census_header_over_three_lines_whose_groups_write_their_units_is_read() -> None:
    # `男(人)` is a group's name with its unit, not a letter of a name spaced out.
    lines = ["单位:人", "地 区", "男(人) 女(人)", "2020 年 2010 年 2020 年 2010 年"]
    lines += ["全 市", "沙坪街道", "龙口镇", "530684", "240614", "32680", "494938", "197155"]
    lines += ["36625", "520684", "230614", "31680", "484938", "187155", "35625"]
    assert len(find_columnwise("\n".join(lines) + "\n")) == 1
