"""RTF files: the same text and tables as Word's binary form, every way RTF writes a character,
and one-line refusals. plan.rtf was written by LibreOffice from plan.doc (tests/fixtures/worddoc/
make.py); the short files here are written as the RTF specification lays them out."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "worddoc"


def _rtf(tmp_path: Path, body: str, header: str = r"{\rtf1\ansi\ansicpg936") -> Path:
    path = tmp_path / "report.rtf"
    path.write_bytes((header + body + "}").encode("ascii"))
    return path


def _bytes(text: str, encoding: str) -> str:
    """`text` as RTF writes bytes of a code page: `\\'hh` each."""
    return "".join(f"\\'{byte:02x}" for byte in text.encode(encoding))


def test_an_rtf_file_reads_as_the_word_file_it_was_saved_from() -> None:
    rtf = read_document(FIXTURES / "plan.rtf")
    assert rtf.format == "rtf"
    assert rtf.text == read_document(FIXTURES / "plan.doc").text


def test_bytes_are_read_in_the_code_page_of_the_document_or_of_their_font(
    tmp_path: Path,
) -> None:
    # Older Word writes Chinese as GBK bytes, with no \u; a Big5 font's bytes are Big5.
    path = _rtf(
        tmp_path,
        r"{\fonttbl{\f0\fnil\fcharset134 SimSun;}{\f1\fnil\fcharset136 MingLiU;}}"
        rf"\f0 {_bytes('全年收入12.5亿元', 'gbk')}\par"
        rf"{{\f1 {_bytes('歲出編列1,301億元', 'big5')}}}\par",
        header=r"{\rtf1\ansi\ansicpg1252",
    )
    assert read_document(path).text == "全年收入12.5亿元\n歲出編列1,301億元\n"


def test_unicode_characters_skip_their_fallback_bytes(tmp_path: Path) -> None:
    # \u is a signed 16-bit number; \uc2 says two fallback bytes follow each.
    path = _rtf(tmp_path, r"\uc2 \u20840\'c8\'ab\u24180\'c4\'ea 5%\uc1 \u-24691?\par")
    assert read_document(path).text == "全年 5%龍\n"


def test_fields_show_their_result_and_pictures_headers_and_notes_are_not_text(
    tmp_path: Path,
) -> None:
    path = _rtf(
        tmp_path,
        rf"{{\header {_u('第1页')}}}{{\footer {_u('共9页')}}}"
        rf"{_u('详见')}{{\field{{\*\fldinst HYPERLINK "
        "http://example.org"
        "}}"
        rf"{{\fldrslt {_u('统计公报')}}}}}{_u('。')}"
        r"{\pict\pngblip 89504e47}{\*\bkmkstart a}"
        rf"{_u('常住人口56.78万人')}{{\footnote {_u('注：12.3')}}}{_u('。')}\par",
    )
    assert read_document(path).text == "详见统计公报。常住人口56.78万人。\n"


def test_binary_data_is_skipped_whatever_bytes_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "report.rtf"
    # Six bytes of a picture that look like RTF: `}` and `{` in them open and close nothing.
    path.write_bytes(rb"{\rtf1\ansi {\pict\bin6 ab}c{d} growth 6.2%\par}")
    assert read_document(path).text == "growth 6.2%\n"


def test_hidden_text_and_a_tracked_deletion_are_left_out(tmp_path: Path) -> None:
    path = _rtf(
        tmp_path,
        r"\u22686?\u38271?\u29575?{\deleted 5.1}6.2%\par"
        r"\u25910?\u20837?{\v 99.9}\u0032?88.6\par",
    )
    assert read_document(path).text == "增长率6.2%\n收入 88.6\n"


def test_a_table_with_merged_cells_and_an_empty_cell_reads_as_pipe_rows(
    tmp_path: Path,
) -> None:
    header = r"\trowd\trhdr\clvmgf\cellx2000\cellx4000\clmrg\cellx6000 "
    second = r"\trowd\trhdr\clvmrg\cellx2000\cellx4000\cellx6000 "
    body = r"\trowd\cellx2000\cellx4000\cellx6000 "
    path = _rtf(
        tmp_path,
        rf"{header}\pard\intbl {_u('指标')}\cell {_u('2023年')}\cell \cell\row "
        rf"{second}\pard\intbl \cell {_u('完成')}\cell {_u('增长%')}\cell\row "
        rf"{body}\pard\intbl {_u('投资(亿元)')}\cell 455\cell \cell\row "
        rf"\pard {_u('完')}\par",
    )
    assert read_document(path).text.splitlines() == [
        "| 指标 | 2023年 | 2023年 |",
        "| 指标 | 完成 | 增长% |",
        "| --- | --- | --- |",
        "| 投资(亿元) | 455 |  |",
        "",
        "",
        "完",
    ]


def _u(text: str) -> str:
    return "".join(rf"\u{ord(char)}?" if ord(char) > 127 else char for char in text)


def test_rtf_saved_as_doc_is_read_as_rtf(tmp_path: Path) -> None:
    path = tmp_path / "download.doc"
    path.write_bytes(rb"{\rtf1\ansi growth 6.2%\par}")
    document = read_document(path)
    assert (document.format, document.text) == ("rtf", "growth 6.2%\n")


def test_deep_nesting_and_unbalanced_braces_read_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "deep.rtf"
    path.write_bytes(rb"{\rtf1\ansi " + b"{" * 200_000 + rb"6.2%\par" + b"}" * 5 + b"\\")
    started = time.perf_counter()
    assert read_document(path).text == "6.2%\n"
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        ("全年增长6.2%".encode(), "not an RTF file"),
        (rb"{\rtf1\ansi {\pict 0000}}", "the RTF file has no text"),
    ],
)
def test_a_file_that_is_not_rtf_or_holds_no_text_is_a_one_line_error(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.rtf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason) as error:
        read_document(path)
    assert "\n" not in str(error.value)


def test_a_character_beyond_u_ffff_is_one_character_not_two_halves(tmp_path: Path) -> None:
    # LibreOffice writes 𠀾 (CJK Extension B) and emoji as surrogate pairs; halves alone
    # could not even be written to the run's files.
    path = _rtf(tmp_path, r"\uc1\u-10176?\u-9154? 12.5\u55357?\u56832?\u-10240?\par")
    assert read_document(path).text == "\U0002003e 12.5\U0001f600\n"


def test_a_double_byte_character_whose_second_byte_is_escaped_stays_whole(
    tmp_path: Path,
) -> None:
    # 功 in Big5 is A5 5C: the 5C is written `\\`, as some writers do.
    path = _rtf(
        tmp_path,
        r"{\fonttbl{\f0\fcharset136 MingLiU;}}\f0\'a5\\\'af\'e0 12.5\par",
        header=r"{\rtf1\ansi\ansicpg1252",
    )
    assert read_document(path).text == "功能 12.5\n"


def test_text_naming_no_font_is_in_the_default_font_s_code_page(tmp_path: Path) -> None:
    gbk = _bytes("收入", "gbk")
    path = _rtf(
        tmp_path,
        rf"\deff0{{\fonttbl{{\f0\fcharset134 SimSun;}}{{\f1\fcharset0 Arial;}}}}{gbk} 12.5\par"
        rf"{{\f1 x}}\plain {_bytes('亿元', 'gbk')}\par",
        header=r"{\rtf1\ansi\ansicpg1252",
    )
    assert read_document(path).text == "收入 12.5\nx亿元\n"


def test_symbol_font_glyphs_are_signs_never_digits_run_together(tmp_path: Path) -> None:
    path = _rtf(
        tmp_path,
        r"{\fonttbl{\f0 Arial;}{\f1\fcharset2 Symbol;}}\f0 rate {\f1\'b3}5%, 2{\f1\'b4}3,"
        r" 4{\f1\'e0}5\par",
        header=r"{\rtf1\ansi\ansicpg1252",
    )
    assert read_document(path).text == "rate ≥5%, 2×3, 4 5\n"


def test_odd_escapes_and_code_pages_do_not_lose_or_garble_the_text_after_them(
    tmp_path: Path,
) -> None:
    path = _rtf(
        tmp_path,
        r"first 1.5\par\'zz second 2.5\par\fs240000000000 third\u7? 3.5\par"
        r"\uc1\u8212\emdash x\par",
        header=r"{\rtf1\ansi\ansicpg500",  # EBCDIC does not write digits as ASCII: ignored
    )
    assert read_document(path).text.splitlines() == [
        "first 1.5",
        "zz second 2.5",
        "third 3.5",
        "\u2014x",
    ]


def test_a_table_of_thousands_of_columns_is_written_row_by_row_not_padded(
    tmp_path: Path,
) -> None:
    wide = r"\trowd" + "".join(rf"\cellx{100 * (i + 1)}" for i in range(2000)) + " "
    path = _rtf(
        tmp_path,
        rf"{wide}\pard\intbl "
        + r"7\cell " * 2000
        + r"\row"
        + r"\trowd\cellx200000 \pard\intbl 8.5\cell\row" * 500
        + r"\pard end\par",
    )
    started = time.perf_counter()
    text = read_document(path).text
    assert time.perf_counter() - started < 10
    assert text.splitlines()[1] == "| 8.5 |" and len(text) < 50_000


def test_rtf_under_other_names_and_in_capitals_is_read(tmp_path: Path) -> None:
    for name in ("download.docx", "download.doc"):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf{\\RTF1\\ansi growth 6.2%\\par}")
        assert read_document(path).text == "growth 6.2%\n"


def test_text_in_a_text_box_is_said_to_be_there_as_in_the_doc_it_was_saved_from() -> None:
    rtf = read_document(FIXTURES / "text_box.rtf")
    doc = read_document(FIXTURES / "text_box.doc")
    assert (rtf.text, rtf.warnings) == (doc.text, doc.warnings)
    assert rtf.warnings == ("its text boxes hold 14 characters that llmx does not read",)
