"""Two-column tables copied one cell per line, a label then its value (llmx.tables.pairs): heads
that give their items a unit and a measure, sub-items by indent. The tables here are
invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.facts import Fact
from llmx.tables import find_tables
from llmx.tables.pairs import find_pairs


def _read(facts: list[Fact]) -> list[tuple[str, float, str, str, str | None]]:
    return [(f.text, f.value, f.unit, f.indicator, f.period) for f in facts]


def _cells(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


SUMMARY = "2021年某市主要统计指标\n\n" + _cells(
    "指   标",
    "总量指标",
    "人口与就业",
    " ",
    "人口(万人)",
    " ",
    " 常住人口",
    "512.3",
    "  城镇人口",
    "330.8",
    "主要农产品产量(万吨)",
    " ",
    " 粮食",
    "88.4",
    "  #稻谷",
    "40.1",
    " 水果(吨)",
    "5230",
    "交通运输",
    " ",
    " 客运量(万人次)",
    "1460",
    "  铁 路",
    "620",
)


def test_a_head_gives_its_items_its_unit_and_an_item_its_own() -> None:
    facts = _read(rules_facts(SUMMARY))
    assert {table.layout for table in find_tables(SUMMARY)} == {"pairs"}
    assert facts[:2] == [
        ("512.3", 5_123_000, "人", "常住人口", "2021"),
        ("330.8", 3_308_000, "人", "城镇人口", "2021"),
    ]
    assert ("5230", 5230, "吨", "水果产量", "2021") in facts


def test_an_item_that_names_no_measure_takes_its_heads() -> None:
    facts = _read(rules_facts(SUMMARY))
    assert ("88.4", 884_000, "吨", "粮食产量", "2021") in facts
    assert ("40.1", 401_000, "吨", "稻谷产量", "2021") in facts  # under 粮食, under the head
    assert ("620", 6_200_000, "人次", "铁路客运量", "2021") in facts  # under the row above


def test_a_grid_ends_where_a_value_follows_a_value() -> None:
    wider = _cells("指标", "2022年", "2023年", "工业", "12.1", "13.4", "农业", "4.2", "4.5")
    assert find_pairs(wider) == []


def test_lines_of_prose_between_numbers_are_no_grid() -> None:
    prose = _cells(
        "项目",
        "全年经济运行平稳,主要指标好于预期。",
        "工业",
        "12.1",
        "农业",
        "4.2",
        "服务业",
        "7.7",
    )
    assert find_pairs(prose) == []


def test_a_grid_with_a_pipe_after_every_cell_is_read_whole_in_its_year_and_unit() -> None:
    text = (
        "8-2 国家财政收支平衡表 |\n|\n|\n单位:亿元 |\n|\n|\n项 目 |\n1996 |\n|\n|\n"
        "经常性收支项目 |\n|\n经常性收入合计 |\n7154.36 |\n|\n各项税收 |\n6571.41 |\n|\n"
        "建设性收支项目 |\n|\n建设性收入合计 |\n182.52 |\n|\n专项收入 |\n96.24 |\n|\n"
    )
    assert {table.layout for table in find_tables(text)} == {"pairs"}
    assert [(f.text, f.value, f.unit, f.period) for f in rules_facts(text)] == [
        ("7154.36", 715_436_000_000, "元", "1996"),
        ("6571.41", 657_141_000_000, "元", "1996"),
        ("182.52", 18_252_000_000, "元", "1996"),
        ("96.24", 9_624_000_000, "元", "1996"),
    ]


FORM = "2030年某省转型升级统计数据\n\n" + _cells(
    "一级指标",
    "二 级 指 标",
    "计量单位",
    "2030",
    "经济稳定",
    "地区生产总值增长率",
    "%",
    "6.4",
    "一般公共预算收入",
    "亿元",
    "318.5",
    "结构优化",
    "城乡居民人均收入比",
    "2.71",
)


def test_a_form_with_a_unit_column_gives_each_row_the_unit_in_its_cell() -> None:
    # Its groups (经济稳定) head no unit and no value; a row without a unit cell has no unit.
    assert _read(rules_facts(FORM)) == [
        ("6.4", 6.4, "%", "地区生产总值增长率", "2030"),
        ("318.5", 3.185e10, "元", "一般公共预算收入", "2030"),
        ("2.71", 2.71, "", "城乡居民人均收入比", "2030"),
    ]
    [grid] = find_pairs(FORM)
    assert [row.unit is not None for row in grid.rows if row.value] == [True, True, False]


def test_a_header_named_by_its_measure_is_no_two_column_grid() -> None:
    # 指标名称 heads a table of more columns, which another layout reads.
    assert (
        find_pairs(_cells("指标名称", "2030年", "比上年增长(%)", "粮食产量", "4.48万吨", "-0.4"))
        == []
    )


def test_an_item_opened_by_qizhong_and_a_colon_is_a_label_not_a_sentence() -> None:
    # `其中:民族乡` lists a part of the row above; its colon is a table's, not prose's.
    cells = (
        "指 标",
        "数量",
        "2.乡小计(个)",
        "540",
        "其中:民族乡(个)",
        "140",
        "3.街道(个)",
        "177",
    )
    text = _cells(*cells)
    [grid] = find_pairs(text)
    assert [text[slice(*row.label)] for row in grid.rows] == list(cells[2::2])


def test_a_second_column_named_by_its_rate_after_the_values_header_is_no_two_column_grid() -> None:
    # 年末数 and 比重% head two value columns: rows of a label and one value are the first
    # rows of that table, whose 比重 cells are empty.
    rows = ("年末户籍人口", "85.80", "年末常住人口", "79.22", "其中:城镇", "48.32")
    assert find_pairs(_cells("指 标", "年末数", "比重%", *rows, "60.99")) == []
    assert find_pairs(_cells("指 标", "年末数", *rows)) != []


def test_lone_pipes_between_cells_are_empty_cells_that_part_no_rows() -> None:
    # A page that closes every cell with a pipe writes a wide row's empty cells as a dozen
    # lines of a pipe alone; two label-value pairs stand side by side in each row.
    empties = "|\n" * 12
    text = (
        "10-3 市区商品零售价格指数 |\n" + empties + "(2021年,以上年为100) |\n" + empties
        + "项 目 |\n指 数 |\n项 目 |\n指数 |\n" + empties
        + "商品零售价格指数 |\n102.0\n|\n1.服装材料 |\n104.1 |\n" + empties
        + "一、食品 |\n101.3 |\n2.床上用品 |\n106.8 |\n" + empties
    )  # fmt: skip
    facts = [(f.text, f.unit, f.period) for f in rules_facts(text)]
    assert facts == [
        ("102.0", "", "2021"),
        ("104.1", "", "2021"),
        ("101.3", "", "2021"),
        ("106.8", "", "2021"),
    ]


def test_a_long_run_of_lone_pipes_or_of_labels_without_values_ends_the_grid() -> None:
    # Past forty empty cells in a row, or a dozen labels with no value between them, the
    # table is over: what follows is read on its own, not as this grid's rows.
    grid = (
        "指 标\n|\n总量指标\n|\n粮食(万吨)\n|\n88.4\n|\n棉花(万吨)\n|\n4.6\n|\n茶叶(万吨)\n|\n1.1\n"
    )
    assert len(find_pairs(grid)) == 1
    far = grid + "|\n" * 41 + "油料(万吨)\n|\n3.2\n"
    assert find_pairs(far)[0].end == find_pairs(grid)[0].end
    heads = grid + "".join(f"分组{i}\n" for i in range(13)) + "油料(万吨)\n3.2\n"
    assert find_pairs(heads)[0].end == find_pairs(grid)[0].end


def test_a_unit_column_form_whose_corner_is_blank_opens_at_its_unit_header() -> None:
    cells = [
        "67 林业生产情况(2019年)", "   ", "计量单位", "2019",
        "一、造林面积", "公顷", "2178", "(一)按造林方式分", " ", " ",
        "1、人工造林", "公顷", "2178", "2、飞播造林", "公顷", " ",
        "1、木材", "立方米", "94708", "2、竹材", "605274",
    ]  # fmt: skip
    text = "".join(f"{cell}\n\n" for cell in cells)
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert (by_text["2178"].unit, by_text["2178"].period) == ("公顷", "2019")
    assert (by_text["94708"].unit, by_text["605274"].unit) == ("立方米", "")
    assert by_text["94708"].indicator.endswith("木材")
