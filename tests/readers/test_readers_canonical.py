"""The canonical layout every structured reader writes: lines, pipe tables, merged cells."""

from llmx.locations import Locator
from llmx.readers.canonical import GridCell, TextBuilder, clean_line


def _table(rows: list[list[GridCell]], header_rows: int = 1) -> tuple[str, TextBuilder]:
    builder = TextBuilder()
    builder.line("表1 主要指标", Locator(element="p1"))
    builder.table(rows, header_rows=header_rows, locator=Locator(element="t1"))
    builder.line("正文继续。", Locator(element="p2"))
    return builder.build()[0], builder


def test_a_table_is_pipe_rows_with_a_header_separator_between_blank_lines() -> None:
    text, _ = _table(
        [
            [GridCell("指标"), GridCell("2023年")],
            [GridCell("地区生产总值增速（%）"), GridCell("6.3")],
        ]
    )
    assert text == (
        "表1 主要指标\n\n"
        "| 指标 | 2023年 |\n| --- | --- |\n| 地区生产总值增速（%） | 6.3 |\n\n\n"
        "正文继续。\n"
    )


def test_header_spans_repeat_and_body_column_spans_stay_empty() -> None:
    text, _ = _table(
        [
            [GridCell("指标", rowspan=2), GridCell("2023年", colspan=2)],
            [GridCell("目标"), GridCell("完成")],
            [GridCell("一、推动高质量发展", colspan=3)],
            [GridCell("农业增加值增速（%）"), GridCell("6.6以上"), GridCell("4.4")],
        ],
        header_rows=2,
    )
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows == [
        "| 指标 | 2023年 | 2023年 |",
        "| 指标 | 目标 | 完成 |",
        "| --- | --- | --- |",
        "| 一、推动高质量发展 |  |  |",
        "| 农业增加值增速（%） | 6.6以上 | 4.4 |",
    ]


def test_a_label_spanning_rows_is_carried_down_but_a_number_is_not() -> None:
    text, _ = _table(
        [
            [GridCell("类别"), GridCell("指标"), GridCell("完成")],
            [
                GridCell("创新发展", rowspan=2),
                GridCell("高新技术企业数"),
                GridCell("53", rowspan=2),
            ],
            [GridCell("科技型企业数")],
        ]
    )
    assert "| 创新发展 | 科技型企业数 |  |" in text.splitlines()


def test_every_cell_is_located_by_table_row_and_column() -> None:
    text, builder = _table(
        [
            [GridCell("指标"), GridCell("完成")],
            [GridCell("规上工业增加值增速（%）", element="td9"), GridCell("8.6")],
        ]
    )
    source_map = builder.build()[1]
    at = text.index("8.6")
    assert source_map.locate(at) == Locator(element="t1", table=1, row=2, column=2)
    assert source_map.locate(text.index("规上")) == Locator(element="td9", table=1, row=2, column=1)
    assert source_map.locate(text.index("正文")) == Locator(element="p2")


def test_a_one_column_table_is_a_box_of_lines() -> None:
    text, builder = _table([[GridCell("专栏1：重点项目")], [GridCell("1.新建学校3所。")]])
    assert "专栏1：重点项目\n1.新建学校3所。\n\n\n正文继续。" in text
    assert builder.tables == 0


def test_a_line_break_inside_a_paragraph_joins_chinese_without_a_space() -> None:
    assert clean_line("　　全年增长\n  6.5%，总量1200亿元") == "全年增长6.5%，总量1200亿元"
    assert clean_line("GDP grew\nby 6.5%") == "GDP grew by 6.5%"
