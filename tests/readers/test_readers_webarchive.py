"""Web archives (.mht): a page saved as one file, by a browser or by Word, and one-line errors.

bulletin.mht was saved by Chromium (tests/fixtures/webarchive/make.py); the Word-style
archive here is built with the standard library's MIME writer, as RFC 2557 lays it out.
"""

from __future__ import annotations

from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "webarchive"
SENTENCE = "全年地区生产总值983亿元，比上年增长7.2%，一般公共预算收入56.3亿元，增长4.1%。"


def _word_archive(path: Path, *, page_charset_declared: bool = False) -> Path:
    """As Word saves "Single File Web Page": multipart/related, the page in GB2312,
    quoted-printable, its charset in the part header only, a picture beside it."""
    archive = MIMEMultipart("related")
    meta = '<meta charset="gb2312">' if page_charset_declared else ""
    page = MIMEText(
        f"<html><head>{meta}</head><body><p>{SENTENCE}</p></body></html>", "html", "gb2312"
    )
    archive.attach(page)
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\0" * 16, "png"))
    path.write_bytes(archive.as_bytes())
    return path


def test_a_page_a_browser_saved_as_one_file_reads_as_the_page() -> None:
    document = read_document(FIXTURES / "bulletin.mht")
    assert document.format == "mht"
    assert document.title == "某区2023年国民经济和社会发展统计公报"
    assert document.text.splitlines() == [
        "某区2023年国民经济和社会发展统计公报",
        "全年地区生产总值1234.5亿元，比上年增长6.2%。",
        "",
        "| 指标 | 绝对数 | 增长(%) |",
        "| 粮食产量(万吨) | 30.2 | 1.5 |",
    ]


def test_the_part_header_names_the_charset_where_the_page_does_not(tmp_path: Path) -> None:
    assert read_document(_word_archive(tmp_path / "report.mht")).text == SENTENCE + "\n"
    declared = _word_archive(tmp_path / "declared.mhtml", page_charset_declared=True)
    assert read_document(declared).text == SENTENCE + "\n"


def test_a_web_archive_saved_as_doc_is_read_as_one(tmp_path: Path) -> None:
    document = read_document(_word_archive(tmp_path / "download.doc"))
    assert (document.format, document.text) == ("mht", SENTENCE + "\n")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        ("全年增长6.2%".encode(), "not a web archive"),
        (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
            "holds no web page",
        ),
    ],
)
def test_a_file_that_is_no_web_archive_is_a_one_line_error(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.mht"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason) as error:
        read_document(path)
    assert "\n" not in str(error.value)


def _archive(path: Path, *parts: MIMEText, start: str | None = None, first: str = "") -> Path:
    archive = MIMEMultipart("related")
    if start is not None:
        archive.set_param("start", start)
    for part in parts:
        archive.attach(part)
    path.write_bytes(first.encode() + archive.as_bytes())
    return path


def _page(body: str, charset: str = "utf-8", head: str = "") -> MIMEText:
    return MIMEText(f"<html><head>{head}</head><body>{body}</body></html>", "html", charset)


def test_a_script_s_charset_does_not_hide_the_part_header_s(tmp_path: Path) -> None:
    page = _page(f"<p>{SENTENCE}</p>", "gb2312", '<script charset="utf-8" src="a.js"></script>')
    assert read_document(_archive(tmp_path / "a.mht", page)).text == SENTENCE + "\n"


def test_the_root_part_is_read_and_a_stub_page_gives_way_to_the_next(tmp_path: Path) -> None:
    advert = _page("<p>热线400-123-4567，优惠5000元，立即拨打电话咨询办理各类业务。</p>")
    advert["Content-ID"] = "<ad>"
    main = _page(f"<p>{SENTENCE}</p>")
    main["Content-ID"] = "<main>"
    rooted = _archive(tmp_path / "rooted.mht", advert, main, start="<main>")
    assert read_document(rooted).text == SENTENCE + "\n"
    stub = _archive(tmp_path / "stub.mht", _page("<p>Loading…</p>"), _page(f"<p>{SENTENCE}</p>"))
    assert read_document(stub).text == SENTENCE + "\n"


def test_an_archive_may_open_on_any_header(tmp_path: Path) -> None:
    path = _archive(
        tmp_path / "a.mht", _page(f"<p>{SENTENCE}</p>"), first="Date: Fri, 1 Mar 2024\n"
    )
    assert read_document(path).text == SENTENCE + "\n"


def test_an_archive_nested_thousands_deep_is_a_one_line_error(tmp_path: Path) -> None:
    inner = f"Content-Type: text/html; charset=utf-8\n\n<p>{SENTENCE}</p>\n"
    for depth in range(3000):
        inner = (
            f'Content-Type: multipart/related; boundary="b{depth}"\n\n--b{depth}\n{inner}'
            f"--b{depth}--\n"
        )
    path = tmp_path / "deep.mht"
    path.write_bytes(("MIME-Version: 1.0\n" + inner).encode())
    with pytest.raises(InputError, match="damaged web archive") as error:
        read_document(path)
    assert "\n" not in str(error.value)
