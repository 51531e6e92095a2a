"""Spreadsheets (`.xlsx`, `.xls`) as statistics bureaus publish them: the title and unit lines
above a table, its notes below, merged header cells, numbers as the sheet shows them, each
cell located as Excel names it. Workbooks are written here with openpyxl and xlwt."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwt

from llmx.errors import InputError
from llmx.readers import expand_paths, read_document
from llmx.rules import RulesExtractor


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    """A workbook of one sheet holding `rows` (an empty list is an empty row)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _budget_workbook(path: Path) -> Path:
    """A county's revenue table as a finance bureau posts it: a merged title, the unit in
    the last column, figures stored as numbers under formats, a note under the table."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "表2"
    sheet["A1"] = "2023年一般公共预算收入完成情况"
    sheet.merge_cells("A1:D1")
    sheet["D2"] = "单位：万元"
    for column, name in enumerate(["项目", "预算数", "完成数", "完成预算%"], start=1):
        sheet.cell(3, column, name)
    rows = [
        ("一般公共预算收入", 1_200_000, 1_234_567.8, 1.0288),
        ("税收收入", 900_000, 912_345.6, 1.0137),
    ]
    for row, (name, budget, actual, share) in enumerate(rows, start=4):
        sheet.cell(row, 1, name)
        sheet.cell(row, 2, budget).number_format = "#,##0"
        sheet.cell(row, 3, actual).number_format = "#,##0.0"
        sheet.cell(row, 4, share).number_format = "0.0%"
    sheet["A7"] = "注：本表数据为快报数。"
    workbook.save(path)
    return path


def test_a_sheet_is_its_title_and_unit_lines_then_its_table_then_its_notes(tmp_path: Path) -> None:
    document = read_document(_budget_workbook(tmp_path / "budget.xlsx"))
    assert document.format == "xlsx"
    assert document.text.splitlines() == [
        "2023年一般公共预算收入完成情况",
        "单位：万元",
        "",
        "| 项目 | 预算数 | 完成数 | 完成预算% |",
        "| 一般公共预算收入 | 1,200,000 | 1,234,567.8 | 102.9% |",
        "| 税收收入 | 900,000 | 912,345.6 | 101.4% |",
        "",
        "",
        "注：本表数据为快报数。",
    ]


def test_each_cell_is_located_as_excel_names_it(tmp_path: Path) -> None:
    document = read_document(_budget_workbook(tmp_path / "budget.xlsx"))
    cell = document.source_map.locate(document.text.index("912,345.6"))
    assert cell is not None
    assert (cell.element, cell.table, cell.row, cell.column) == ("'表2'!C5", 1, 3, 3)
    title = document.source_map.locate(0)
    assert title is not None and title.element == "'表2'!A1"


def test_a_sheet_s_figures_are_read_as_a_table_s_with_the_unit_line_above(
    tmp_path: Path,
) -> None:
    document = read_document(_budget_workbook(tmp_path / "budget.xlsx"))
    facts = RulesExtractor().extract([document]).facts
    assert [(f.indicator, f.value, f.unit, f.status) for f in facts[:3]] == [
        ("一般公共预算收入", 12_000_000_000, "元", "target"),
        ("一般公共预算收入", 12_345_678_000, "元", "actual"),
        ("一般公共预算收入完成预算", 102.9, "%", "actual"),
    ]


def test_an_old_workbook_s_merged_header_heads_every_column_it_spans(tmp_path: Path) -> None:
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("主要指标")
    sheet.write(0, 0, "单位：亿元")
    sheet.write_merge(1, 2, 0, 0, "指标")
    sheet.write_merge(1, 1, 1, 2, "2023年")
    sheet.write(2, 1, "绝对值")
    sheet.write(2, 2, "增长%")
    sheet.write(3, 0, "地区生产总值")
    sheet.write(3, 1, 1234.56, xlwt.easyxf(num_format_str="#,##0.00"))
    sheet.write(3, 2, 0.062, xlwt.easyxf(num_format_str="0.0%"))
    workbook.save(str(tmp_path / "gdp.xls"))
    document = read_document(tmp_path / "gdp.xls")
    assert document.format == "xls"
    assert document.text.splitlines()[2:] == [
        "| 指标 | 2023年 | 2023年 |",
        "| 指标 | 绝对值 | 增长% |",
        "| --- | --- | --- |",
        "| 地区生产总值 | 1,234.56 | 6.2% |",
    ]
    facts = RulesExtractor().extract([document]).facts
    assert [(f.value, f.unit, f.period) for f in facts] == [
        (123_456_000_000, "元", "2023"),
        (6.2, "%", "2023"),
    ]


def test_an_empty_row_parts_tables_from_text_but_not_a_header_from_its_body(
    tmp_path: Path,
) -> None:
    _sheet(
        tmp_path / "census.xlsx",
        [
            ["地区", "人口(万人)"],
            [],  # a spacing row between the header and the body
            ["北京市", 1382],
            [],
            ["表6 分区人口"],
            ["地区", "户数(万户)"],
            ["天津市", 100],
            ["河北省", 200],
        ],
    )
    assert read_document(tmp_path / "census.xlsx").text.splitlines() == [
        "| 地区 | 人口(万人) |",
        "| 北京市 | 1382 |",
        "",
        "",
        "表6 分区人口",
        "",
        "| 地区 | 户数(万户) |",
        "| 天津市 | 100 |",
        "| 河北省 | 200 |",
    ]


def test_a_long_one_cell_row_between_table_rows_is_a_paragraph(tmp_path: Path) -> None:
    paragraph = (
        "全年粮食总产量创历史新高，夏粮、秋粮均实现增产，粮食播种面积保持稳定，单产水平"
        "比上年提高，农业生产形势总体良好。"
    )
    _sheet(
        tmp_path / "farm.xlsx",
        [
            ["指标", "2023年"],
            ["一、农业"],  # a group's label stays in the table
            ["粮食产量(万吨)", 30.2],
            [paragraph],
            ["指标", "2022年"],
            ["油料产量(万吨)", 3.5],
        ],
    )
    lines = read_document(tmp_path / "farm.xlsx").text.splitlines()
    assert lines[:3] == ["| 指标 | 2023年 |", "| 一、农业 |  |", "| 粮食产量(万吨) | 30.2 |"]
    assert lines[5].startswith("全年粮食总产量创历史新高")
    assert lines[7:] == ["| 指标 | 2022年 |", "| 油料产量(万吨) | 3.5 |"]


def test_hidden_sheets_rows_and_columns_are_left_out_and_formulas_read_as_saved(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "数据"
    sheet.append(["项目", "截至", "收入", "备查", "两倍"])
    sheet.append(["财政收入", dt.datetime(2023, 12, 31), 5, 7, "=C2*2"])
    sheet.append(["内部核对", None, 9, 9, None])
    sheet["B2"].number_format = "yyyy-mm-dd"
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["D"].hidden = True
    secret = workbook.create_sheet("底稿")
    secret.append(["草稿", 1])
    secret.sheet_state = "hidden"
    workbook.save(tmp_path / "mixed.xlsx")
    # openpyxl saves no computed value for a formula, so the cell is empty, as it would be
    # in any reader of the file as saved.
    assert read_document(tmp_path / "mixed.xlsx").text.splitlines() == [
        "| 项目 | 截至 | 收入 | 两倍 |",
        "| 财政收入 | 2023-12-31 | 5 |  |",
    ]


def test_named_sheets_of_a_workbook_are_told_apart_by_their_names(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "收入"
    first.append(["税收收入", 12])
    workbook.create_sheet("Sheet2").append(["非税收入", 3])
    workbook.create_sheet("支出").append(["教育支出", 5])
    workbook.save(tmp_path / "book.xlsx")
    assert read_document(tmp_path / "book.xlsx").text.splitlines() == [
        "收入",
        "",
        "| 税收收入 | 12 |",
        "",
        "",
        "| 非税收入 | 3 |",
        "",
        "",
        "支出",
        "",
        "| 教育支出 | 5 |",
    ]


def test_a_web_page_s_table_saved_as_xls_is_read_as_the_page(tmp_path: Path) -> None:
    path = tmp_path / "table.xls"
    path.write_text(
        "<html><body><table><tr><td>指标</td><td>2023年</td></tr>"
        "<tr><td>地区生产总值(亿元)</td><td>1234.5</td></tr></table>"
        "<p>全年地区生产总值1234.5亿元，比上年增长5.2%，经济运行总体平稳。</p></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.format == "html"
    assert "| 地区生产总值(亿元) | 1234.5 |" in document.text


def test_a_folder_s_workbooks_are_read_and_opendocument_sheets_named(tmp_path: Path) -> None:
    _budget_workbook(tmp_path / "a.xlsx")
    (tmp_path / "b.ods").write_bytes(b"PK")
    assert [path.name for path in expand_paths([tmp_path])] == ["a.xlsx", "b.ods"]
    with pytest.raises(InputError, match=r"b\.ods: an OpenDocument spreadsheet; save it as"):
        read_document(tmp_path / "b.ods")


def _with_merge(path: Path, reference: str) -> Path:
    """A small workbook whose one merged range is rewritten to `reference` in its XML."""
    small = path.with_suffix(".small.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "标题"
    sheet["B2"] = 1
    sheet.merge_cells("A1:B1")
    workbook.save(small)
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'"A1:B1"', f'"{reference}"'.encode())
            target.writestr(item, data)
    return path


def test_a_merged_range_over_the_whole_sheet_is_read_as_its_title_not_expanded(
    tmp_path: Path,
) -> None:
    # openpyxl would make 17 billion cells of it; the reader keeps the range alone.
    path = _with_merge(tmp_path / "bomb.xlsx", "A1:XFD1048576")
    assert read_document(path).text.splitlines()[0] == "标题"


def test_a_stray_cell_far_out_is_read_without_visiting_the_cells_between(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "指标"
    sheet["XFD1048576"] = "远"
    workbook.save(tmp_path / "far.xlsx")
    assert read_document(tmp_path / "far.xlsx").text.splitlines() == ["指标", "远"]


def test_a_group_s_label_after_an_empty_row_stays_in_its_table(tmp_path: Path) -> None:
    _sheet(
        tmp_path / "groups.xlsx",
        [
            ["指标", "2023年", "增长(%)"],
            ["农业增加值(亿元)", 12.3, 3.1],
            [],
            ["二、工业"],
            ["高技术制造业(亿元)", 456.7, 8.1],
        ],
    )
    assert read_document(tmp_path / "groups.xlsx").text.splitlines() == [
        "| 指标 | 2023年 | 增长(%) |",
        "| 农业增加值(亿元) | 12.3 | 3.1 |",
        "| 二、工业 |  |  |",
        "| 高技术制造业(亿元) | 456.7 | 8.1 |",
    ]


def test_a_merged_title_whose_first_column_is_hidden_shows_in_the_rest(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "2023年财政收入"
    sheet.merge_cells("A1:C1")
    sheet.append(["01", "税收收入", 12])
    sheet.column_dimensions["A"].hidden = True  # a column of codes
    workbook.save(tmp_path / "codes.xlsx")
    assert read_document(tmp_path / "codes.xlsx").text.splitlines() == [
        "2023年财政收入",
        "",
        "| 税收收入 | 12 |",
    ]


def test_an_xlsx_saved_as_xls_is_read_by_what_it_is(tmp_path: Path) -> None:
    renamed = tmp_path / "budget.xls"
    renamed.write_bytes(_budget_workbook(tmp_path / "budget.xlsx").read_bytes())
    assert "| 税收收入 | 900,000 | 912,345.6 | 101.4% |" in read_document(renamed).text


def test_a_damaged_sheet_is_a_one_line_error_not_a_traceback(tmp_path: Path) -> None:
    path = _with_merge(tmp_path / "damaged.xlsx", "A1:B1")
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item.filename) for item in source.infolist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b"</sheetDat>"
    )
    damaged = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(damaged, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(InputError, match=r"cut\.xlsx: not a readable Excel workbook \("):
        read_document(damaged)


def test_an_encrypted_workbook_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(InputError, match=r"locked\.xlsx: is encrypted \(password protected\)"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.xlsx", b"", "file is empty"),
        ("words.xlsx", b"GDP grew 5%", "not a spreadsheet"),
        ("plain.zip.xlsx", None, "not a readable Excel workbook"),
        (
            "cut.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "not a readable Excel 97–2003",
        ),
    ],
)
def test_a_file_that_is_no_workbook_is_a_one_line_error(
    tmp_path: Path, name: str, content: bytes | None, says: str
) -> None:
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "12%")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_document(path)
    assert str(raised.value).startswith(f"{path}: {says}")
    assert "\n" not in str(raised.value)


def test_a_date_is_written_as_the_sheet_shows_it(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["月份", dt.datetime(2024, 1, 31), dt.datetime(2024, 2, 29)])
    sheet.append(["工业增加值增速(%)", 6.2, 7.0])
    for cell in ("B1", "C1"):
        sheet[cell].number_format = 'yyyy"年"m"月"'
    workbook.save(tmp_path / "monthly.xlsx")
    assert read_document(tmp_path / "monthly.xlsx").text.splitlines()[0] == (
        "| 月份 | 2024年1月 | 2024年2月 |"
    )


def test_a_chinese_built_in_date_format_shows_a_date_not_its_serial_number(
    tmp_path: Path,
) -> None:
    # Built-in 31, `yyyy"年"m"月"d"日"` in a Chinese Excel, is named by its id alone: openpyxl
    # does not know it and would give the stored serial, 45322, a figure the sheet never shows.
    small = _sheet(tmp_path / "small.xlsx", [["截至", 45322]])
    workbook = openpyxl.load_workbook(small)
    sheet = workbook.active
    assert sheet is not None
    sheet["B1"].number_format = "yyyy-mm-dd"
    workbook.save(small)
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(tmp_path / "cn.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                custom = (
                    b'<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
                )
                data = data.replace(custom, b"").replace(b'numFmtId="164"', b'numFmtId="31"')
            target.writestr(item, data)
    assert read_document(tmp_path / "cn.xlsx").text.splitlines() == ["| 截至 | 2024年1月31日 |"]


def test_an_xls_date_is_written_as_its_format_shows_it(tmp_path: Path) -> None:
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("月度")
    sheet.write(0, 0, "月份")
    sheet.write(0, 1, dt.datetime(2024, 1, 31), xlwt.easyxf(num_format_str='yyyy"年"m"月"'))
    sheet.write(1, 0, "发布时间")
    sheet.write(1, 1, dt.datetime(2024, 2, 15, 9, 30), xlwt.easyxf(num_format_str="h:mm"))
    workbook.save(str(tmp_path / "monthly.xls"))
    assert read_document(tmp_path / "monthly.xls").text.splitlines() == [
        "| 月份 | 2024年1月 |",
        "| 发布时间 | 9:30 |",
    ]


def test_a_wps_spreadsheet_is_read_by_what_its_bytes_are(tmp_path: Path) -> None:
    # WPS saves .et as an Excel 97–2003 workbook (or an .xlsx inside): read as either.
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("财政")
    sheet.write(0, 0, "一般公共预算收入(亿元)")
    sheet.write(0, 1, 12.3)
    workbook.save(str(tmp_path / "old.et"))
    _sheet(tmp_path / "new.et", [["一般公共预算支出(亿元)", 45.6]])
    assert read_document(tmp_path / "old.et").text.splitlines() == [
        "| 一般公共预算收入(亿元) | 12.3 |"
    ]
    assert read_document(tmp_path / "new.et").text.splitlines() == [
        "| 一般公共预算支出(亿元) | 45.6 |"
    ]


def test_an_xls_chinese_built_in_date_format_shows_a_date(tmp_path: Path) -> None:
    # xlwt writes a format it knows by number with no string, as Excel does for built-ins;
    # its table of those is private, so 31 is put there under a name of our own.
    workbook = xlwt.Workbook(encoding="utf-8")
    workbook._Workbook__styles._num_formats["中文日期"] = 31  # type: ignore[attr-defined]
    sheet = workbook.add_sheet("月度")
    sheet.write(0, 0, "截至")
    sheet.write(0, 1, 45306.5459, xlwt.easyxf(num_format_str="中文日期"))
    sheet.write(1, 0, "发布")
    sheet.write(1, 1, 45306.5459, xlwt.easyxf(num_format_str="M/D/YY"))  # the short date
    workbook.save(str(tmp_path / "cn.xls"))
    assert read_document(tmp_path / "cn.xls").text.splitlines() == [
        "| 截至 | 2024年1月15日 |",
        "| 发布 | 2024-01-15 |",  # ISO, its date only: the format shows no time
    ]


def test_a_length_of_time_is_written_as_its_elapsed_format_shows_it(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["累计停电时长", dt.timedelta(hours=26)])
    sheet["B1"].number_format = "[h]:mm"
    workbook.save(tmp_path / "hours.xlsx")
    old = xlwt.Workbook(encoding="utf-8")
    old_sheet = old.add_sheet("时长")
    old_sheet.write(0, 0, "累计停电时长")
    old_sheet.write(0, 1, 26 / 24, xlwt.easyxf(num_format_str="[h]:mm"))
    old.save(str(tmp_path / "hours.xls"))
    for name in ("hours.xlsx", "hours.xls"):
        assert read_document(tmp_path / name).text.splitlines() == ["| 累计停电时长 | 26:00 |"]
