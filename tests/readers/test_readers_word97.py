"""Old binary Word files (.doc): text, fields, tables with merged cells, and one-line refusals.

The files under tests/fixtures/worddoc/ were written by LibreOffice, not by llmx (make.py there
says how); the damaged ones are those files with one field of their Word structures changed.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import docx
import olefile
import pytest

from llmx.documents import title_of
from llmx.errors import InputError
from llmx.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "worddoc"
PLAN = FIXTURES / "plan.doc"


def _word_stream(path: Path) -> bytes:
    with olefile.OleFileIO(str(path)) as ole:
        stream: bytes = ole.openstream("WordDocument").read()
    return stream


def _patched(
    tmp_path: Path, name: str, at: int, value: bytes, stream_name: str = "WordDocument"
) -> Path:
    """plan.doc with `value` written over one of its streams at byte `at`."""
    path = tmp_path / name
    shutil.copyfile(PLAN, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream(stream_name).read())
        stream[at : at + len(value)] = value
        ole.write_stream(stream_name, bytes(stream))
    return path


def test_a_word97_file_reads_as_lines_and_pipe_rows() -> None:
    document = read_document(PLAN)
    assert document.format == "doc" and document.id == "plan"
    assert document.text == (
        "关于某区2023年国民经济和社会发展计划执行情况的报告\n"
        "一、2023年计划执行情况\n"
        "全年实现地区生产总值1234.5亿元，比上年增长6.2%。\n"
        "一般公共预算收入88.6亿元。\n"
        "详见统计公报，常住人口56.78万人。\n\n"
        "| 指标 | 2022年 | 2022年 | 2023年 | 2023年 |\n"
        "| 指标 | 完成 | 增长% | 目标 | 增长% |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 地区生产总值(亿元) | 1162.3 | 5.1 | 1234.5 | 6.0 |\n"
        "| 固定资产投资(亿元) | 410.2 |  | 455 | 8.0 |\n"
        "| 社会消费品零售总额(亿元) | 502.7 | 4.3 | 540 | 7.0 |\n\n\n"
        "二、2024年主要目标\n\n"
        "专栏1 2024年主要预期目标\n"
        "地区生产总值增长6%左右。\n\n\n"
        "城镇调查失业率控制在5.5%以内。\n"
    )


def test_a_field_shows_its_result_and_never_its_code() -> None:
    text = read_document(PLAN).text
    assert "详见统计公报" in text
    assert "HYPERLINK" not in text and "example.org" not in text


def test_an_empty_cell_keeps_its_column_rather_than_ending_the_row() -> None:
    # In the text stream an empty cell and a row's end are the same character; only the
    # paragraph properties tell them apart.
    rows = [line for line in read_document(PLAN).text.splitlines() if "固定资产" in line]
    assert rows == ["| 固定资产投资(亿元) | 410.2 |  | 455 | 8.0 |"]


def test_the_title_is_the_documents_own_heading_not_its_declared_one() -> None:
    # The summary properties say 某区2023年计划执行情况的报告; a person sees the heading.
    assert title_of(read_document(PLAN)) == "某区2023年国民经济和社会发展计划执行情况的报告"


def test_a_table_cell_is_located_by_table_row_and_column() -> None:
    document = read_document(PLAN)
    cell = document.source_map.locate(document.text.index("455"))
    assert cell is not None and (cell.table, cell.row, cell.column) == (1, 4, 4)
    assert cell.element is not None and cell.element.startswith("t")
    line = document.source_map.locate(document.text.index("城镇调查"))
    assert line is not None and line.table is None and line.element is not None


def test_traditional_characters_read_as_written() -> None:
    assert read_document(FIXTURES / "traditional.doc").text.splitlines() == [
        "臺中市112年度總預算案",
        "歲入編列1,234億元，較上年度增加5.6%。",
        "歲出編列1,301億元。",
    ]


def test_a_wps_writer_file_in_word97_form_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.wps"
    shutil.copyfile(FIXTURES / "traditional.doc", path)
    assert read_document(path).text.startswith("臺中市112年度總預算案")


def test_a_doc_that_is_really_a_docx_or_a_web_page_is_read_as_what_it_is(
    tmp_path: Path,
) -> None:
    word = docx.Document()
    word.add_paragraph("全年粮食产量30.2万吨。")
    word.save(str(tmp_path / "new.doc"))
    assert read_document(tmp_path / "new.doc").text == "全年粮食产量30.2万吨。\n"
    page = tmp_path / "page.doc"
    sentence = "全年地区生产总值983亿元，比上年增长7.2%，一般公共预算收入56.3亿元，增长4.1%。"
    page.write_text(
        f"<html><head><meta charset='utf-8'></head><body><p>{sentence}</p></body></html>",
        encoding="utf-8",
    )
    assert read_document(page).text == sentence + "\n"


def test_a_binary_word_file_named_docx_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    shutil.copyfile(FIXTURES / "traditional.doc", path)
    assert read_document(path).format == "doc"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.doc", b"", "file is empty"),
        ("notes.doc", "这不是Word文件".encode(), "not a Word document"),
        ("letter.doc", b"{\\rtf1\\ansi {\\pict 0000}}", "the RTF file has no text"),
        ("archive.doc", b"MIME-Version: 1.0\r\n", "not a Word document"),
        ("cut.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "cut-short OLE file"),
        ("zeros.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096, "damaged OLE file"),
    ],
)
def test_a_file_that_is_no_word_document_is_a_one_line_error(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason) as error:
        read_document(path)
    assert "\n" not in str(error.value) and str(error.value).startswith(str(path))


def test_a_file_cut_short_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.doc"
    path.write_bytes(PLAN.read_bytes()[:6000])
    with pytest.raises(InputError, match="damaged") as error:
        read_document(path)
    assert "\n" not in str(error.value)


def test_an_excel_workbook_named_doc_says_what_it_is(tmp_path: Path) -> None:
    import xlwt

    workbook = xlwt.Workbook()
    workbook.add_sheet("表1").write(0, 0, 12.3)
    workbook.save(str(tmp_path / "table.doc"))
    with pytest.raises(InputError, match="an Excel workbook, not a Word document"):
        read_document(tmp_path / "table.doc")


def test_an_encrypted_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    flags = struct.unpack_from("<H", _word_stream(PLAN), 0x0A)[0]
    path = _patched(tmp_path, "secret.doc", 0x0A, struct.pack("<H", flags | 0x0100))
    with pytest.raises(InputError, match="encrypted"):
        read_document(path)


def test_a_word95_file_is_refused_as_older_than_llmx_reads(tmp_path: Path) -> None:
    path = _patched(tmp_path, "old.doc", 2, struct.pack("<H", 0x0065))
    with pytest.raises(InputError, match="Word 6 or Word 95"):
        read_document(path)


def test_a_piece_table_pointing_past_its_stream_is_a_damaged_file(tmp_path: Path) -> None:
    path = _patched(tmp_path, "broken.doc", 0x01A2, struct.pack("<I", 10**8))
    with pytest.raises(InputError, match="damaged Word file") as error:
        read_document(path)
    assert "\n" not in str(error.value)


def test_text_in_a_text_box_is_not_laid_out_but_said_to_be_there() -> None:
    document = read_document(FIXTURES / "text_box.doc")
    assert document.text == "全年地区生产总值1234.5亿元。\n常住人口56.78万人。\n"
    assert document.warnings == ("its text boxes hold 14 characters that llmx does not read",)
    assert read_document(PLAN).warnings == ()


def test_a_tracked_deletion_and_hidden_text_are_not_read_as_figures() -> None:
    # Word shows 6.2, not 5.16.2, and never the hidden draft figure.
    assert read_document(FIXTURES / "revised.doc").text == (
        "全年增长率为6.2%。\n一般公共预算收入88.6亿元。\n"
    )


def test_cell_edges_drifting_in_every_row_do_not_spread_a_table_over_a_wide_grid() -> None:
    rows = [
        line for line in read_document(FIXTURES / "drifting.doc").text.splitlines() if "|" in line
    ]
    assert len(rows) == 40
    assert rows[0] == "| r0 | 0.5 |" and rows[-1] == "| r39 | 39.5 |"


def test_a_property_list_of_negative_length_is_a_damaged_file_not_a_hang(tmp_path: Path) -> None:
    word = _word_stream(PLAN)
    table = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
    clx_at = struct.unpack_from("<I", word, 0x01A2)[0]
    # A Prc (1) of length 0xFFFD: read signed, -3, it would never move on.
    path = _patched(tmp_path, "looping.doc", clx_at, b"\x01\xfd\xff", stream_name=table)
    with pytest.raises(InputError, match="damaged Word file"):
        read_document(path)


def test_a_text_longer_than_its_stream_is_a_damaged_file(tmp_path: Path) -> None:
    # Pieces laid over the same bytes again and again would read the text many times over.
    path = _patched(tmp_path, "long.doc", 0x4C, struct.pack("<I", 10**7))
    with pytest.raises(InputError, match="damaged Word file"):
        read_document(path)
