"""Word files: body order, heading lines, tables with merged cells, one-line errors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from llmx.errors import InputError
from llmx.readers import read_document


def _report(path: Path) -> Path:
    word = docx.Document()
    word.add_heading("2024年某区统计公报", level=0)
    word.add_paragraph("全年地区生产总值1867.07亿元，比上年增长6.5%。")
    word.add_heading("一、工业", level=1)
    table = word.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "指标"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2024年"
    table.cell(1, 1).text, table.cell(1, 2).text = "绝对量(亿元)", "增长(%)"
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 2).text = "工业", "520.3", "8.6"
    table.cell(3, 0).text, table.cell(3, 1).text, table.cell(3, 2).text = "建筑业", "", "-0.2"
    word.add_paragraph("规上工业企业达到300家。")
    word.save(str(path))
    return path


def test_paragraphs_headings_and_tables_come_in_body_order(tmp_path: Path) -> None:
    document = read_document(_report(tmp_path / "report.docx"))
    assert document.format == "docx" and document.title == "2024年某区统计公报"
    assert document.text == (
        "2024年某区统计公报\n"
        "全年地区生产总值1867.07亿元，比上年增长6.5%。\n"
        "一、工业\n\n"
        "| 指标 | 2024年 | 2024年 |\n"
        "| 指标 | 绝对量(亿元) | 增长(%) |\n"
        "| --- | --- | --- |\n"
        "| 工业 | 520.3 | 8.6 |\n"
        "| 建筑业 |  | -0.2 |\n\n\n"
        "规上工业企业达到300家。\n"
    )


def test_a_table_cell_is_located_by_table_row_and_column(tmp_path: Path) -> None:
    document = read_document(_report(tmp_path / "report.docx"))
    cell = document.source_map.locate(document.text.index("-0.2"))
    assert cell is not None and (cell.element, cell.table, cell.row, cell.column) == ("t1", 1, 4, 3)
    paragraph = document.source_map.locate(document.text.index("规上"))
    assert paragraph is not None and paragraph.element == "p4" and paragraph.table is None


def test_a_docx_that_is_not_a_zip_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("这不是Word文件", encoding="utf-8")
    with pytest.raises(InputError, match="not a Word document"):
        read_document(path)


def test_a_damaged_binary_word_file_named_docx_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(InputError, match="cut-short OLE file"):
        read_document(path)


def test_an_empty_docx_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_document(path)


def test_a_text_box_is_read_once_not_again_from_its_legacy_copy(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    word = docx.Document()
    paragraph = word.add_paragraph("正文增长6.5%。")
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r>'
        "<w:t>新建学校3所</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback>"
        "<w:txbxContent><w:p><w:r><w:t>新建学校3所</w:t></w:r></w:p></w:txbxContent>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(box))
    path = tmp_path / "box.docx"
    word.save(str(path))
    assert read_document(path).text.count("新建学校3所") == 1


def test_a_hidden_run_is_not_read(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("一般公共预算收入")
    paragraph.add_run("99.9亿元（草稿）").font.hidden = True
    paragraph.add_run("88.6亿元。")
    shown = word.add_paragraph("增长")
    shown.add_run("5.2%").font.hidden = False  # <w:vanish w:val="0"/>: shown
    word.save(str(tmp_path / "draft.docx"))
    assert read_document(tmp_path / "draft.docx").text == ("一般公共预算收入88.6亿元。\n增长5.2%\n")


def test_a_row_starting_columns_in_keeps_its_cells_under_their_headers(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.table import _Cell

    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["指标", "2022年", "2023年"], strict=True):
        cell.text = text
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])  # the row starts one grid column in (w:gridBefore)
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    row.get_or_add_trPr().insert(0, before)
    _Cell(row.tc_lst[0], table).text, _Cell(row.tc_lst[1], table).text = "5.1", "6.2"
    word.save(str(tmp_path / "shifted.docx"))
    assert read_document(tmp_path / "shifted.docx").text.splitlines()[1] == "|  | 5.1 | 6.2 |"


@pytest.mark.parametrize("before", ["-5", "100000000"])
def test_a_row_s_stated_offset_is_held_to_what_a_table_can_have(
    tmp_path: Path, before: str
) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "2023年"
    table.cell(1, 0).text, table.cell(1, 1).text = "产值", "5.1"
    offset = OxmlElement("w:gridBefore")
    offset.set(qn("w:val"), before)
    table.rows[1]._tr.get_or_add_trPr().insert(0, offset)
    word.save(str(tmp_path / "offset.docx"))
    rows = read_document(tmp_path / "offset.docx").text.splitlines()
    if before == "-5":  # below zero is none
        assert rows == ["| 指标 | 2023年 |", "| 产值 | 5.1 |"]
    else:  # 10^8 columns would pad every row to them: held to 1,000
        assert len(rows[1]) < 5000 and rows[1].endswith("| 产值 | 5.1 |")


def test_a_web_page_or_archive_named_docx_is_read_as_what_it_is(tmp_path: Path) -> None:
    sentence = "全年地区生产总值983亿元，比上年增长7.2%，一般公共预算收入56.3亿元，增长4.1%。"
    page = f"<html><head><meta charset='utf-8'></head><body><p>{sentence}</p></body></html>"
    (tmp_path / "page.docx").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "page.docx").format == "html"
    archive = (
        "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\n"
        f"Content-Type: text/html; charset=utf-8\n\n{page}\n--b--\n"
    )
    (tmp_path / "archive.docx").write_text(archive, encoding="utf-8")
    assert read_document(tmp_path / "archive.docx").text == sentence + "\n"
