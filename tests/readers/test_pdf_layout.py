"""Rebuilding reading text from positioned lines: llmx.readers.layout, no PDF needed.

Pages here are drawn by hand in PDF points (y grows upwards): a body column from x=70 to
x=370 with 10-point type on a 16.5-point pitch, as the printed seeds have it.
"""

from __future__ import annotations

from dataclasses import replace

from llmx.locations import Locator
from llmx.readers.canonical import GridCell
from llmx.readers.layout import (
    LINE_END,
    Box,
    Glyph,
    Line,
    Page,
    Table,
    build_page,
    canonical_text,
    join_wrapped,
)

LEFT, RIGHT, SIZE, PITCH, HEIGHT = 70.0, 370.0, 10.0, 16.5, 842.0


def line(text: str, row: int, *, indent: float = 0.0, right: float = RIGHT) -> Line:
    """A printed line on the `row`-th baseline from the top of the body."""
    bottom = 750.0 - row * PITCH
    return Line(text, Box(LEFT + indent, bottom, right, bottom + SIZE), SIZE)


def furniture(number: int) -> list[Line]:
    header = Line("某区2023年统计公报", Box(150, 800, 290, 809), 9.0)
    footer = Line(f"- {number} -", Box(210, 40, 230, 49), 9.0)
    return [header, footer]


def test_a_line_end_joins_numbers_and_chinese_whole_and_words_with_a_space() -> None:
    assert join_wrapped("增长6.", "5%") == "增长6.5%"
    assert join_wrapped("1867.0", "7亿元") == "1867.07亿元"
    assert join_wrapped("PM2.", "5年均浓度") == "PM2.5年均浓度"
    assert join_wrapped("GDP", "增长") == "GDP增长"
    assert join_wrapped("the annual", "report") == "the annual report"
    assert join_wrapped("on Windows.", "The library") == "on Windows. The library"
    assert join_wrapped("well-", "known") == "well-known"
    assert join_wrapped("grew by", "5%, a record") == "grew by 5%, a record"


def test_a_number_broken_by_a_line_end_is_one_token_again() -> None:
    page = Page(
        1,
        HEIGHT,
        (
            line("全年地区生产总值增长6.", 0, indent=20),
            line("5%，总量达到1867.0", 1),
            line("7亿元。", 2, right=110),
        ),
    )
    text, _ = canonical_text([page])
    assert text == "全年地区生产总值增长6.5%，总量达到1867.07亿元。\n"


def test_paragraphs_end_at_a_short_line_an_indent_or_a_heading() -> None:
    page = Page(
        1,
        HEIGHT,
        (
            line("一、主要指标", 0, right=140),  # short: ends here
            line("全区经济运行稳中有进，地区生产总", 1, indent=20),
            line("值增长7.2%。", 2, right=160),
            line("规上工业增加值增长8.6%，这一段从", 3, indent=20),  # indented: a new one
            line("新的一行开始。", 4, right=200),
        ),
    )
    text, _ = canonical_text([page])
    assert text.splitlines() == [
        "一、主要指标",
        "全区经济运行稳中有进，地区生产总值增长7.2%。",
        "规上工业增加值增长8.6%，这一段从新的一行开始。",
    ]


def test_a_paragraph_running_onto_the_next_page_is_joined_across_the_break() -> None:
    first = Page(1, HEIGHT, (*furniture(1), line("固定资产投资增长1", 0, indent=20)))
    second = Page(2, HEIGHT, (*furniture(2), line("4.7%。", 0, right=120)))
    text, located = canonical_text([first, second])
    assert text == "固定资产投资增长14.7%。\n"
    assert located.locate(text.index("1")) == Locator(page=1)
    assert located.locate(text.index("4.7")) == Locator(page=2)


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    body = {
        1: ("全区经济运行稳中有进，主要指标好于预期，", "工业增长8.6%。"),
        2: ("项目建设提速，重大项目完成年度计划，", "投资增长14.7%。"),
        3: ("市场活力增强，消费需求稳步复苏，", "消费增长8.8%。"),
    }
    pages = [
        Page(n, HEIGHT, (*furniture(n), line(full, 0, indent=20), line(end, 1, right=200)))
        for n, (full, end) in body.items()
    ]
    text, _ = canonical_text(pages)
    assert text.splitlines() == [full + end for full, end in body.values()]


def test_a_line_that_repeats_in_the_body_is_not_furniture() -> None:
    body = [line(f"第{row}行正文。", row, right=200) for row in range(30)]
    body[15] = line("（一）工业", 15, right=140)
    pages = [Page(n, HEIGHT, (*furniture(n), *body)) for n in (1, 2, 3)]
    text, _ = canonical_text(pages)
    assert text.count("（一）工业") == 3


def cells(*texts: str) -> tuple[GridCell, ...]:
    return tuple(GridCell(text) for text in texts)


def test_a_table_is_written_one_row_per_line_and_its_cells_are_located() -> None:
    # A PDF marks no header row: no separator, the table readers find the header as in text.
    table = Table(
        (
            cells("指标", "单位", "2023年完成"),
            cells("地区生产总值", "亿元", "983"),
            cells("", "增速%", "7.2"),
        ),
        Box(70, 600, 370, 700),
    )
    page = Page(3, HEIGHT, (line("专栏1：主要指标", 0, right=200), table))
    text, located = canonical_text([page])
    assert text == (
        "专栏1：主要指标\n\n"
        "| 指标 | 单位 | 2023年完成 |\n"
        "| 地区生产总值 | 亿元 | 983 |\n|  | 增速% | 7.2 |\n"
    )
    assert located.locate(text.index("983")) == Locator(page=3, table=1, row=2, column=3)


def glyphs_of(text: str, left: float, bottom: float) -> list[Glyph]:
    return [
        Glyph(char, Box(left + i * SIZE, bottom, left + (i + 1) * SIZE, bottom + SIZE), SIZE)
        for i, char in enumerate(text)
    ]


def ruled_grid(
    xs: list[float], ys: list[float], *, skip_vertical: set[tuple[int, int]]
) -> list[Box]:
    """Thin rectangles ruling a grid, as Chromium draws table borders; (row, column edge)
    pairs in `skip_vertical` leave a vertical rule out (a merged cell)."""
    shapes = [Box(xs[0], y - 0.4, xs[-1], y + 0.4) for y in ys]
    for row in range(len(ys) - 1):
        for edge, x in enumerate(xs):
            if (row, edge) not in skip_vertical:
                shapes.append(Box(x - 0.4, ys[row + 1], x + 0.4, ys[row]))
    return shapes


def test_a_ruled_table_is_rebuilt_with_a_merged_title_row() -> None:
    xs, ys = [70.0, 170.0, 230.0, 330.0], [700.0, 680.0, 660.0, 640.0]
    shapes = ruled_grid(xs, ys, skip_vertical={(0, 1), (0, 2)})  # row 0 spans all columns
    glyphs = [
        *glyphs_of("正文在表前。", LEFT, 720),
        LINE_END,
        *glyphs_of("表1主要指标", 75, 685),
        LINE_END,
        *glyphs_of("指标", 75, 665),
        *glyphs_of("单位", 175, 665),
        *glyphs_of("数值", 235, 665),
        LINE_END,
        *glyphs_of("总产值", 75, 645),
        *glyphs_of("亿元", 175, 645),
        *glyphs_of("1867.0", 235, 645),
        LINE_END,
        *glyphs_of("7", 235, 641),  # the number wrapped inside its cell
        LINE_END,
    ]
    page = build_page(1, HEIGHT, glyphs, shapes)
    assert isinstance(page.blocks[0], Line)
    assert page.blocks[1] == Table(
        (
            (GridCell("表1主要指标", colspan=3),),
            cells("指标", "单位", "数值"),
            cells("总产值", "亿元", "1867.07"),
        ),
        Box(70.0, 640.0, 330.0, 700.0),
        columns=(70.0, 170.0, 230.0, 330.0),
    )
    text, _ = canonical_text([page])
    assert "| 指标 | 单位 | 数值 |\n| 总产值 | 亿元 | 1867.07 |\n" in text


XS = [70.0, 170.0, 230.0, 330.0]


def printed_rows(rows: list[tuple[str, str, str]], top: float) -> list[Glyph]:
    """A row of three cells every 20 points down from `top`, each cell's words at its left."""
    glyphs: list[Glyph] = []
    for index, row in enumerate(rows):
        for x, words in zip(XS, row, strict=False):
            glyphs += glyphs_of(words, x + 5, top - 15 - 20 * index)
        glyphs.append(LINE_END)
    return glyphs


def table_page(
    number: int,
    rows: list[tuple[str, str, str]],
    *,
    top: float = 700.0,
    caption: str = "",
    open_ends: bool = False,
) -> Page:
    """A page holding one ruled table of `rows` from `top` down under its `caption`, and its
    page number; `open_ends` leaves out its first and last rules across (too thick to count
    as rules), so its sides run past the rules there."""
    ys = [top - 20 * index for index in range(len(rows) + 1)]
    left_out = {ys[0], ys[-1]} if open_ends else set()
    shapes = [
        box
        for box in ruled_grid(XS, ys, skip_vertical=set())
        if box.right - box.left < 1 or (box.top + box.bottom) / 2 not in left_out
    ]
    heading = [*glyphs_of(caption, LEFT, top + 60), LINE_END] if caption else []
    glyphs = [*heading, *printed_rows(rows, top), *glyphs_of(f"- {number} -", 200, 40), LINE_END]
    return build_page(number, HEIGHT, glyphs, shapes)


HEADER = ("指标", "单位", "2023年")


def test_a_table_running_on_to_the_next_page_is_one_table_with_each_rows_page() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    rest = table_page(
        2, [("一般公共预算收入", "亿元", "61.2"), ("社会消费品零售总额", "亿元", "402")]
    )
    text, located = canonical_text([first, rest])
    assert text.count("| 指标 | 单位 | 2023年 |") == 1
    assert "| 地区生产总值 | 亿元 | 983 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text
    assert located.locate(text.index("61.2")) == Locator(page=2, table=1, row=3, column=3)
    assert located.locate(text.index("983")) == Locator(page=1, table=1, row=2, column=3)


def test_a_header_row_repeated_atop_the_next_page_is_read_once() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    rest = table_page(2, [HEADER, ("一般公共预算收入", "亿元", "61.2")])
    text, _ = canonical_text([first, rest])
    assert text.count("| 指标 | 单位 | 2023年 |") == 1
    assert "| 地区生产总值 | 亿元 | 983 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text


REST = [("一般公共预算收入", "亿元", "61.2"), ("社会消费品零售总额", "亿元", "402")]


def test_a_table_going_on_under_a_line_saying_so_is_one_table_without_that_line() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    for says in ("续表", "续表1", "续上表", "表1 主要指标（续）"):
        rest = table_page(2, REST, caption=says)
        text, _ = canonical_text([first, rest])
        assert "| 地区生产总值 | 亿元 | 983 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text
        assert says not in text


def test_a_tables_unit_set_again_over_its_part_on_the_next_page_goes_with_the_table() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")], caption="单位：亿元", top=500)
    rest = table_page(2, REST, caption="单位：亿元")
    text, _ = canonical_text([first, rest])
    assert text.count("单位：亿元") == 1
    assert "| 地区生产总值 | 亿元 | 983 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text


def test_a_line_of_words_atop_the_next_page_keeps_the_tables_apart() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")], caption="单位：亿元")
    for says in ("单位：万元", "二、农业"):
        rest = table_page(2, REST, caption=says)
        text, _ = canonical_text([first, rest])
        assert says in text and "| 983 |\n| 一般公共预算收入 |" not in text


def test_a_part_opening_on_a_groups_row_over_figures_goes_on_with_the_table() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    rest = table_page(2, [("二、农业", "", ""), ("粮食产量", "万吨", "61.2")])
    text, _ = canonical_text([first, rest])
    assert text.count("| 指标 | 单位 | 2023年 |") == 1
    assert "| 983 |\n| 二、农业 |  |  |\n| 粮食产量 | 万吨 | 61.2 |\n" in text
    # A title row over a header is a new table's, though it too holds one cell of words.
    other = table_page(2, [("表2 人口", "", ""), ("指标", "单位", "2022年"), ("人口", "万人", "5")])
    text, _ = canonical_text([first, other])
    assert text.count("| 指标 | 单位 |") == 2


def test_a_header_row_left_alone_at_a_pages_foot_heads_the_rows_on_the_next() -> None:
    first = table_page(1, [HEADER], top=120)
    rest = table_page(2, REST)
    text, located = canonical_text([first, rest])
    assert "| 指标 | 单位 | 2023年 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text
    assert located.locate(text.index("61.2")) == Locator(page=2, table=1, row=2, column=3)


def test_a_continued_part_under_another_unit_or_a_unit_over_another_table_stays_apart() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")], caption="单位：亿元", top=500)
    for says in ("续表1", "单位：万元"):
        rest = table_page(2, REST, caption=says)
        rest = replace(
            rest, blocks=(Line("单位：万元", Box(70, 780, 170, 790), SIZE), *rest.blocks)
        )
        text, _ = canonical_text([first, rest])
        assert "单位：万元" in text and "| 983 |\n| 一般公共预算收入 |" not in text
    # `单位：亿元` atop the next page is the unit of a table above, not of the one ending page 1.
    ending = table_page(1, [HEADER, ("财政收入", "万元", "983")], caption="单位：万元", top=300)
    heading = [line("单位：亿元", 0), line("二、财政收支", 1)]  # over a table above, then words
    ending = replace(ending, blocks=(*heading, *ending.blocks))
    rest = table_page(2, REST, caption="单位：亿元")
    text, _ = canonical_text([ending, rest])
    assert "| 983 |\n| 一般公共预算收入 |" not in text


def test_a_header_alone_at_a_pages_foot_and_repeated_atop_the_next_is_read_once() -> None:
    text, _ = canonical_text([table_page(1, [HEADER], top=120), table_page(2, [HEADER, *REST])])
    assert text.count("| 指标 | 单位 | 2023年 |") == 1
    assert "| 2023年 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text


def test_a_ruled_box_of_one_row_with_figures_is_read_as_lines() -> None:
    boxes = {
        "983.5亿元": ("地区生产总值", "983.5亿元", "增长6.1%"),
        "全年投资": ("专栏1", "全年投资", ""),
    }
    prose = build_page(1, HEIGHT, [*glyphs_of("全年经济运行稳中有进。", LEFT, 700), LINE_END], [])
    after_a_table = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    for words, row in boxes.items():
        under_words = table_page(1, [row], caption="全年经济运行稳中有进。", top=600)
        # Atop a page, alone, or after prose or a table it does not go on.
        atop = table_page(2, [row])
        for pages in ([under_words], [atop], [prose, atop]):
            text, _ = canonical_text(pages)
            assert words in text and "|" not in text
        text, _ = canonical_text([after_a_table, atop])
        assert words in text and "| 983 |\n| 地区生产总值 | 983.5亿元" not in text


def test_a_tables_last_row_alone_atop_the_next_page_goes_on_with_it() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    rest = table_page(2, [("一般公共预算收入", "亿元", "61.2")])
    text, _ = canonical_text([first, rest])
    assert "| 983 |\n| 一般公共预算收入 | 亿元 | 61.2 |\n" in text


def test_a_table_on_the_next_page_with_a_header_of_its_own_stays_a_table_of_its_own() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    other = table_page(2, [("指标", "单位", "2022年"), ("常住人口", "万人", "52.1")])
    text, _ = canonical_text([first, other])
    assert text.count("| 指标 | 单位 |") == 2


def test_a_table_with_other_columns_on_the_next_page_is_a_table_of_its_own() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    shapes = ruled_grid([70.0, 250.0, 330.0], [700.0, 680.0, 660.0], skip_vertical=set())
    glyphs = [
        *[*glyphs_of("常住人口", 75, 685), *glyphs_of("52.1", 255, 685), LINE_END],
        *[*glyphs_of("户籍人口", 75, 665), *glyphs_of("48.9", 255, 665), LINE_END],
    ]
    other = build_page(2, HEIGHT, glyphs, shapes)
    text, _ = canonical_text([first, other])
    assert "| 地区生产总值 | 亿元 | 983 |\n\n" in text
    assert "\n| 常住人口 | 52.1 |\n| 户籍人口 | 48.9 |\n" in text


def test_a_yearbooks_tables_one_a_page_under_captions_alike_but_for_numbers_stay_apart() -> None:
    # The captions repeat at one height, numbers aside, as a running header does; they are
    # captions all the same, and each opens a table of its own.
    pages = [
        table_page(
            n, [HEADER, ("地区生产总值", "亿元", f"98{n}")], caption=f"表3-{n} 各县区主要指标"
        )
        for n in (1, 2, 3)
    ]
    text, _ = canonical_text(pages)
    assert text.count("| 指标 | 单位 | 2023年 |") == 3
    assert all(f"表3-{n} 各县区主要指标" in text for n in (1, 2, 3))


def test_a_header_of_years_opening_the_next_page_opens_a_table_of_its_own() -> None:
    first = table_page(1, [HEADER, ("地区生产总值", "亿元", "983")])
    other = table_page(2, [("地区", "2019", "2020"), ("东区", "1.2", "3.4")])
    text, _ = canonical_text([first, other])
    assert "| 地区生产总值 | 亿元 | 983 |\n\n" in text
    assert "\n| 地区 | 2019 | 2020 |\n| 东区 | 1.2 | 3.4 |\n" in text


def test_rows_open_at_a_page_break_whose_halves_both_hold_figures_are_not_one_row() -> None:
    # Sides past the rules on both pages (thick outer rules that count as no rule look so),
    # but a figure is never broken over a page: two tables, no figure made of two.
    first = table_page(
        1, [HEADER, ("总产值", "亿元", "983"), ("项目", "30", "130.5")], open_ends=True
    )
    rows = [("地区", "2019", "2020"), ("东区", "1.2", "3.4"), ("西区", "5.6", "7.8")]
    other = table_page(2, rows, open_ends=True)
    text, _ = canonical_text([first, other])
    assert "302019" not in text and "130.52020" not in text
    assert "| 地区 | 2019 | 2020 |" in text


def test_a_row_the_page_broke_is_one_row_again() -> None:
    # The row's sides are ruled past the last rule at the page's foot and before the first
    # at the next page's head; its label's lines are on both pages, its figures on the first.
    first_rows = printed_rows([("平均工", "元", "101234")], 660.0)
    first = build_page(
        1,
        HEIGHT,
        [*printed_rows([HEADER, ("城镇单位从业人员", "元", "98765")], 700.0), *first_rows],
        [
            *ruled_grid(XS, [700.0, 680.0, 660.0], skip_vertical=set()),
            *[Box(x - 0.4, 640.0, x + 0.4, 660.0) for x in XS],
        ],
    )
    shapes = [
        *[Box(x - 0.4, 780.0, x + 0.4, 800.0) for x in XS],
        *ruled_grid(XS, [780.0, 760.0], skip_vertical=set()),
    ]
    glyphs = [*printed_rows([("资", "", ""), ("农村居民收入", "元", "30500")], 800.0)]
    rest = build_page(2, HEIGHT, glyphs, shapes)
    text, _ = canonical_text([first, rest])
    assert "| 平均工资 | 元 | 101234 |\n| 农村居民收入 | 元 | 30500 |\n" in text
    assert text.count("| 指标 |") == 1


def test_a_lone_rule_or_frame_is_not_a_table() -> None:
    frame = ruled_grid([70.0, 370.0], [700.0, 600.0], skip_vertical=set())
    glyphs = [*glyphs_of("专栏里的正文。", 80, 650), LINE_END]
    page = build_page(1, HEIGHT, glyphs, frame)
    assert [type(block) for block in page.blocks] == [Line]


def test_a_list_item_opening_every_page_is_kept_though_it_repeats_numbers_aside() -> None:
    pages = [
        Page(
            n,
            HEIGHT,
            (
                *furniture(n),
                line(f"第{n}项重点工作推进顺利，全年完", 0, indent=20),
                line(f"成投资{n}亿元。", 1, right=160),
            ),
        )
        for n in (1, 2, 3)
    ]
    text, _ = canonical_text(pages)
    assert text.splitlines() == [
        f"第{n}项重点工作推进顺利，全年完成投资{n}亿元。" for n in (1, 2, 3)
    ]


def test_a_ruled_frame_makes_a_box_closed_by_a_double_blank_line() -> None:
    # The top and the sides of a frame that a page break cuts: no bottom rule on this page.
    frame = [Box(70, 699.5, 370, 700), Box(70, 600, 70.5, 700), Box(369.5, 600, 370, 700)]
    glyphs = [
        *glyphs_of("专栏1：重点项目", 80, 680),
        LINE_END,
        *glyphs_of("1.东区项目投资3亿元。", 80, 660),
        LINE_END,
        *glyphs_of("二、下一步工作", LEFT, 560),
        LINE_END,
    ]
    page = build_page(1, HEIGHT, glyphs, frame)
    assert [block.boxed for block in page.blocks if isinstance(block, Line)] == [
        True,
        True,
        False,
    ]
    text, _ = canonical_text([page])
    assert text == "专栏1：重点项目\n1.东区项目投资3亿元。\n\n\n二、下一步工作\n"


def test_prose_between_two_horizontal_rules_stays_prose() -> None:
    rules = [Box(LEFT, 699.6, RIGHT, 700), Box(LEFT, 619.6, RIGHT, 620)]
    glyphs = [
        *glyphs_of("全区经济运行稳中有进，主要指标好于预期，", LEFT, 680),
        LINE_END,
        *glyphs_of("工业增长8.6%。", LEFT, 660),
        LINE_END,
        *glyphs_of("投资增长14.7%。", LEFT, 640),
        LINE_END,
    ]
    page = build_page(1, HEIGHT, glyphs, rules)
    assert [type(block) for block in page.blocks] == [Line, Line, Line]


def test_a_centred_heading_wrapped_onto_two_lines_is_one_line() -> None:
    title = 16.0
    page = Page(
        1,
        HEIGHT,
        (
            Line("关于某区2023年国民经济和社会发展计", Box(80, 780, 360, 796), title),
            Line("划草案的报告", Box(170, 760, 270, 776), title),
            line("各位代表：", 0, right=120),
            line("受区人民政府委托，现将计划执行情况", 1, indent=20),
            line("报告如下。", 2, right=150),
        ),
    )
    text, _ = canonical_text([page])
    assert text.splitlines() == [
        "关于某区2023年国民经济和社会发展计划草案的报告",
        "各位代表：",
        "受区人民政府委托，现将计划执行情况报告如下。",
    ]


def test_a_line_opening_with_a_bullet_starts_an_item_of_its_own() -> None:
    page = Page(
        1,
        HEIGHT,
        (
            line("• 工业增加值增长8.6%，制造业投资增长", 0),
            line("• 社会消费品零售总额增长8.8%。", 1, right=250),
        ),
    )
    text, _ = canonical_text([page])
    assert text.splitlines() == [
        "• 工业增加值增长8.6%，制造业投资增长",
        "• 社会消费品零售总额增长8.8%。",
    ]


def unruled_rows(rows: list[list[tuple[str, float]]], top: float) -> list[Glyph]:
    """Printed lines of cells placed at x, one line a row from `top` down, no rules."""
    glyphs: list[Glyph] = []
    for index, row in enumerate(rows):
        for text, x in row:
            glyphs += glyphs_of(text, x, top - index * PITCH)
        glyphs.append(LINE_END)
    return glyphs


def test_a_table_printed_without_rules_is_rebuilt_from_its_gutters() -> None:
    rows = [
        [("指标", 70), ("2023年", 190), ("2024年", 270)],
        [("粮食产量", 70), ("35.7", 200), ("36.1", 280)],
        [("生猪出栏", 70), ("55", 220), ("58", 300)],
        [("禽蛋产量", 70), ("4.2", 210), ("4.4", 290)],
    ]
    glyphs = [*glyphs_of("全年农业生产稳定。", LEFT, 720), LINE_END, *unruled_rows(rows, 690)]
    text, _ = canonical_text([build_page(1, HEIGHT, glyphs, [])])
    assert text.splitlines()[0] == "全年农业生产稳定。"
    assert "| 粮食产量 | 35.7 | 36.1 |\n| 生猪出栏 | 55 | 58 |\n| 禽蛋产量 | 4.2 | 4.4 |" in text


def test_an_unruled_tables_header_over_a_groups_name_stays_in_the_table() -> None:
    rows = [
        [("指标名称", 70), ("单位", 190), ("数量", 270)],
        [("一、综合", 70)],
        [("乡镇级合计", 70), ("个", 190), ("1,400", 270)],
        [("1.镇", 70), ("个", 190), ("683", 270)],
        [("2.乡", 70), ("个", 190), ("540", 270)],
    ]
    glyphs = [*glyphs_of("社会服务统计月报表", LEFT, 720), LINE_END, *unruled_rows(rows, 690)]
    text, _ = canonical_text([build_page(1, HEIGHT, glyphs, [])])
    assert "| 指标名称 | 单位 | 数量 |\n| 一、综合 |  |  |\n| 乡镇级合计 | 个 | 1,400 |" in text


def test_an_unruled_tables_header_wrapped_over_three_lines_stays_in_the_table() -> None:
    rows = [
        [("类别", 70), ("企业", 190), ("工业", 270)],
        [("单位数", 190), ("总产值", 270)],
        [("(个)", 190), ("(万元)", 270)],
        [("采掘业", 70), ("106", 190), ("513331", 270)],
        [("煤炭采选业", 70), ("34", 190), ("140921", 270)],
        [("建材业", 70), ("56", 190), ("232651", 270)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 690), [])])
    assert text.startswith("| 类别 | 企业 | 工业 |\n|  | 单位数 | 总产值 |\n|  | (个) | (万元) |")


def test_lines_with_figures_above_a_groups_name_are_no_header_of_the_table_below() -> None:
    rows = [
        [("全年地区生产总值", 70), ("12345亿元", 280)],
        [("人均地区生产总值", 70), ("98765元", 280)],
        [("分区情况", 70)],
        [("地区", 70), ("2023年", 190), ("2024年", 280)],
        [("甲区", 70), ("123.4", 190), ("134.5", 280)],
        [("乙区", 70), ("223.4", 190), ("234.5", 280)],
        [("丙区", 70), ("323.4", 190), ("334.5", 280)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 690), [])])
    assert "| 地区 | 2023年 | 2024年 |\n| 甲区 | 123.4 | 134.5 |" in text
    assert "| 人均地区生产总值" not in text


def test_a_line_naming_fewer_columns_than_the_rows_is_no_header_over_a_groups_name() -> None:
    # `1.最低生活保障 人`: a row of the form above with no figure, not the header of the rows
    # under `(1)城市低保`.
    rows = [
        [("1.最低生活保障", 70), ("人", 190)],
        [("(1)城市低保", 70)],
        [("A、城市低保人数", 70), ("人", 190), ("431,509", 270)],
        [("B、城市低保户数", 70), ("户", 190), ("286,523", 270)],
        [("C、农村低保人数", 70), ("人", 190), ("2,495,857", 270)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 690), [])])
    assert "| 1.最低生活保障 |" not in text
    assert "| A、城市低保人数 | 人 | 431,509 |" in text


def test_a_line_with_figures_three_lines_above_the_rows_is_no_header_line() -> None:
    rows = [
        [("单位：亿元", 70), ("2024年7月15日", 270)],
        [("指标", 70), ("本月", 190), ("累计", 270)],
        [("绝对数", 190), ("绝对数", 270)],
        [("地区生产总值", 70), ("512.4", 190), ("2432.1", 270)],
        [("工业增加值", 70), ("234.5", 190), ("1240.1", 270)],
        [("固定资产投资", 70), ("210.3", 190), ("1200.4", 270)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 690), [])])
    assert text.startswith("单位：亿元")
    assert "| 指标 | 本月 | 累计 |" in text


def test_lines_of_prose_and_a_list_of_two_figures_stay_prose() -> None:
    rows = [[("东区项目", 70), ("3亿元", 200)], [("西区项目", 70), ("2亿元", 200)]]
    rows.append([("南区项目", 70), ("1亿元", 200)])
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 690), [])])
    assert "|" not in text


def test_a_three_line_tables_title_across_it_and_a_wide_header_keep_the_columns_apart() -> None:
    # A title in the table's first row runs over the label and unit columns; the header
    # `計量單位` is wider than the units under it and nearly meets `2007年`.
    rules = [Box(70, 719.6, 350, 720.4), Box(70, 619.6, 350, 620.4)]
    rows = [
        [("4-1戶籍人口及其變動情況", 72)],
        [("項目", 72), ("計量單位", 140), ("2007年", 190), ("2008年", 272)],
        [("年末總戶數", 72), ("戶", 140), ("745917", 198), ("769266", 280)],
        [("年末總人數", 72), ("人", 140), ("2710268", 188), ("2732898", 270)],
        [("男性", 72), ("人", 140), ("1440845", 188), ("1453262", 270)],
    ]
    page = build_page(1, HEIGHT, unruled_rows(rows, 705), rules)
    text, _ = canonical_text([page])
    assert "| 項目 | 計量單位 | 2007年 | 2008年 |" in text
    assert "| 年末總戶數 | 戶 | 745917 | 769266 |" in text
    assert "| 4-1戶籍人口及其變動情況 |  |  |  |" in text


def test_figures_set_in_the_middle_of_a_label_wrapped_over_two_lines_are_one_row() -> None:
    # A yearbook's label over two lines, its figures centred between them; the decimal point
    # is a low glyph, lower than the top of the label's second line.
    rules = [Box(70, 719.6, 300, 720.4), Box(70, 629.6, 300, 630.4)]
    glyphs = [
        *glyphs_of("项目", 72, 705),
        *glyphs_of("2020", 200, 705),
        LINE_END,
        *glyphs_of("参保人数(万", 72, 690),
        LINE_END,
        *glyphs_of("54", 200, 683),
        Glyph(".", Box(220, 683, 222, 685), SIZE),
        *glyphs_of("93", 222, 683),
        LINE_END,
        *glyphs_of("人)", 72, 676),
        LINE_END,
        *glyphs_of("基金收入(亿元)", 72, 660),
        *glyphs_of("55.32", 200, 660),
        LINE_END,
        *glyphs_of("基金支出(亿元)", 72, 645),
        *glyphs_of("52.65", 200, 645),
        LINE_END,
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, glyphs, rules)])
    assert "| 参保人数(万人) | 54.93 |\n| 基金收入(亿元) | 55.32 |" in text


def test_a_cells_words_wrapped_onto_a_line_of_their_own_go_on_the_cell_above() -> None:
    rules = [Box(70, 719.6, 350, 720.4), Box(70, 629.6, 350, 630.4)]
    rows = [
        [("项目", 72), ("说明", 150), ("2021", 300)],
        [("收入(亿元)", 72), ("全年收入", 150), ("729.17", 280)],
        [("企业职工", 72), ("养老保险参保", 150)],
        [("人数合计", 150)],
        [("支出(亿元)", 72), ("全年支出", 150), ("594.91", 280)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 705), rules)])
    assert "| 企业职工 | 养老保险参保人数合计 |  |\n| 支出(亿元) | 全年支出 | 594.91 |" in text


def test_the_blank_of_a_full_width_comma_is_no_gutter_between_columns() -> None:
    # `、` inks only the left of its em; the blank after it is as wide as a gutter.
    def label(before: str, after: str, bottom: float) -> list[Glyph]:
        comma = Glyph(
            "、", Box(72 + len(before) * SIZE, bottom, 75 + len(before) * SIZE, bottom + 3), SIZE
        )
        return [
            *glyphs_of(before, 72, bottom),
            comma,
            *glyphs_of(after, 82 + len(before) * SIZE, bottom),
        ]

    rows = [
        [*glyphs_of("品种", 72, 705), *glyphs_of("本期", 230, 705), *glyphs_of("上期", 290, 705)],
        [
            *label("油菜(瓢儿白", "上海青)", 690),
            *glyphs_of("2.8", 240, 690),
            *glyphs_of("2", 300, 690),
        ],
        [
            *label("莲花白(甘蓝", "卷心菜)", 675),
            *glyphs_of("0.8", 240, 675),
            *glyphs_of("0.6", 290, 675),
        ],
        [*glyphs_of("菠菜", 72, 660), *glyphs_of("4", 260, 660), *glyphs_of("5", 310, 660)],
    ]
    glyphs = [glyph for row in rows for glyph in [*row, LINE_END]]
    rules = [Box(70, 719.6, 340, 720.4), Box(70, 649.6, 340, 650.4)]
    text, _ = canonical_text([build_page(1, HEIGHT, glyphs, rules)])
    assert "| 油菜(瓢儿白、上海青) | 2.8 | 2 |" in text


def test_a_line_of_prose_between_two_unruled_tables_ends_the_first() -> None:
    first = [
        [("粮食产量", 70), ("35.7", 200), ("36.1", 280)],
        [("生猪出栏", 70), ("55", 220), ("58", 300)],
    ]
    first.append([("禽蛋产量", 70), ("4.2", 210), ("4.4", 290)])
    second = [
        [("工业增加值", 70), ("120.5", 190), ("6.1", 290)],
        [("建筑业", 70), ("33.2", 200), ("2.3", 290)],
    ]
    second.append([("批发零售业", 70), ("48.9", 200), ("5.5", 290)])
    glyphs = [
        *unruled_rows(first, 700),
        *glyphs_of("工业生产平稳增长，全年规上工业企业达到三百家。", LEFT, 650),
        LINE_END,
        *unruled_rows(second, 630),
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, glyphs, [])])
    assert "\n工业生产平稳增长，全年规上工业企业达到三百家。\n" in text
    assert "| 建筑业 | 33.2 | 2.3 |" in text


def test_a_rows_translation_wrapped_below_its_figures_goes_on_its_cell() -> None:
    # A bilingual yearbook's row whose English wraps onto a line of its own under the row's
    # figures; a row of a label and words with no figure is a row of its own.
    rules = [Box(70, 719.6, 520, 720.4), Box(70, 614.6, 520, 615.4)]
    rows = [
        [("指标", 72), ("Item", 170), ("2011", 320), ("2012", 430)],
        [("私营从业人员", 72), ("Private", 170), ("899.46", 320), ("907.42", 430)],
        [("Firms", 170)],
        [("个体从业人员", 72), ("Individuals", 170), ("433.18", 320), ("441.15", 430)],
        [("其中城镇", 72), ("Urban", 170)],
        [("国有单位", 72), ("State-owned", 170), ("2272.45", 320), ("2545.59", 430)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 705), rules)])
    assert "| 私营从业人员 | Private Firms | 899.46 | 907.42 |\n| 个体从业人员 |" in text
    assert "| 其中城镇 | Urban |  |  |\n| 国有单位 |" in text


def test_a_sub_row_of_chinese_words_with_blank_figures_is_a_row_of_its_own() -> None:
    rules = [Box(70, 719.6, 520, 720.4), Box(70, 629.6, 520, 630.4)]
    rows = [
        [("地区", 72), ("指标", 130), ("单位", 230), ("2023年", 320), ("2022年", 430)],
        [("甲县", 72), ("常住人口", 130), ("万人", 230), ("50.1", 320), ("49.8", 430)],
        [("出生人口", 130), ("人", 230)],
        [("死亡人口", 130), ("人", 230), ("3100", 320), ("3000", 430)],
    ]
    text, _ = canonical_text([build_page(1, HEIGHT, unruled_rows(rows, 705), rules)])
    assert "| 甲县 | 常住人口 | 万人 | 50.1 | 49.8 |" in text
