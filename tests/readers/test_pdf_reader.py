"""Reading PDFs: a printed report comes back as its text, and a PDF that has none is refused.

The printed fixture is a small bulletin in a column ten characters wide (so lines end inside
numbers), with a running header and page numbers on each of its pages and a ruled table.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdf_cases import (
    CHROMIUM,
    encrypted_copy,
    image_only_pdf,
    print_pdf,
    truncated_copy,
    without_unicode_maps,
)

from llmx.errors import InputError
from llmx.locations import Locator
from llmx.readers import ocr, read_document
from llmx.readers.pdf import unreadable_share
from llmx.rules import RulesExtractor
from llmx.sections import split_sections

ROOT = Path(__file__).resolve().parents[2]
FILLER = [
    f"第{n}项重点工作推进顺利，全年完成投资{n}.5亿元，带动就业{n}00人。" for n in range(1, 16)
]
BULLETIN = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A5; margin: 20mm 15mm;
  @top-center {{ content: "某区2023年统计公报"; font-size: 9pt; }}
  @bottom-center {{ content: "- " counter(page) " -"; font-size: 9pt; }} }}
body {{ font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 12pt; width: 10em;
  word-break: break-all; line-height: 1.5; margin: 0; }}
p {{ margin: 0 0 0.5em 0; text-indent: 2em; }}
h2 {{ font-size: 15pt; margin: 0.5em 0; }}
table {{ border-collapse: collapse; font-size: 9pt; }}
td {{ border: 1px solid #000; padding: 2px; }}
.three-line {{ width: max-content; border-top: 1.5px solid #000; border-bottom: 1.5px solid #000; }}
.three-line td {{ border: none; padding: 1px 0.8em; }}
.three-line .head td {{ border-bottom: 1px solid #000; }}
</style></head><body>
<p>发布时间：2024-03-26 09:01 浏览次数：2752</p>
<h2>一、总体情况</h2>
<p>区生产总值增长6.5%。</p>
<p>全年产值达1867.07亿元。</p>
<div style="border:1px solid #999;padding:8px"><p>专栏1：重点项目</p>
<p>1.东区项目完成投资3亿元。</p><p>2.西区项目完成投资2亿元。</p></div>
<h2>二、重点工作</h2>
{"".join(f"<p>{line}</p>" for line in FILLER)}
<h2>三、主要指标</h2>
<table>
<tr><td colspan="3">表1 主要指标</td></tr>
<tr><td>指标</td><td>2023年完成</td><td>增长(%)</td></tr>
<tr><td>工业产值(亿元)</td><td>412.3</td><td>8.6</td></tr>
<tr><td>税收(亿元)</td><td>20.1</td><td>-0.2</td></tr>
</table>
<p>表2 农业（三线表）</p>
<table class="three-line">
<tr class="head"><td>指标</td><td>2023年</td><td>增长(%)</td></tr>
<tr><td>粮食(万吨)</td><td>35.7</td><td>1.2</td></tr>
<tr><td>生猪(万头)</td><td>55</td><td>-3.1</td></tr>
</table>
<p>以上为全年情况。</p>
</body></html>
"""


def printed(tmp_path_factory: pytest.TempPathFactory, name: str, html: str) -> Path:
    """`html` printed to `name`.pdf by Chromium; the test skipped where there is none."""
    if not CHROMIUM.exists():
        pytest.skip(f"no browser to print with: {CHROMIUM} is missing (`make browser`)")
    folder = tmp_path_factory.mktemp(name)
    page = folder / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    print_pdf(page, folder / f"{name}.pdf")
    return folder / f"{name}.pdf"


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return printed(tmp_path_factory, "bulletin", BULLETIN)


def test_the_printed_fixture_breaks_numbers_and_repeats_furniture(bulletin: Path) -> None:
    """The fixture is as hard as intended: without this the tests below prove little."""
    document = pdfium.PdfDocument(bulletin)
    raw = [page.get_textpage().get_text_range() for page in document]
    assert len(raw) >= 3
    assert "增长6.\r\n5%" in raw[0]
    assert "1867.\r\n07亿元" in raw[0]
    assert all("某区2023年统计公报" in page for page in raw)


def test_numbers_broken_by_a_line_end_are_read_whole(bulletin: Path) -> None:
    text = read_document(bulletin).text
    assert "区生产总值增长6.5%。\n" in text
    assert "全年产值达1867.07亿元。\n" in text
    assert all(f"{line}\n" in text for line in FILLER)


def test_headings_stand_on_their_own_lines(bulletin: Path) -> None:
    lines = read_document(bulletin).text.splitlines()
    assert "一、总体情况" in lines
    assert "三、主要指标" in lines


def test_a_framed_box_is_closed_so_the_next_heading_is_a_section(bulletin: Path) -> None:
    document = read_document(bulletin)
    box = "专栏1：重点项目\n1.东区项目完成投资3亿元。\n2.西区项目完成投资2亿元。\n\n\n二、重点工作"
    assert box in document.text
    headings = [section.heading for section in split_sections("b", document.text)]
    assert headings[-3:] == ["一、总体情况", "二、重点工作", "三、主要指标"]


def test_running_header_page_numbers_and_site_meta_lines_are_gone(bulletin: Path) -> None:
    text = read_document(bulletin).text
    assert "发布时间" not in text and "浏览次数" not in text
    assert "统计公报" not in text
    assert "- 1 -" not in text and "- 2 -" not in text


def test_the_table_is_rows_of_cells_located_by_page_table_row_and_column(
    bulletin: Path,
) -> None:
    document = read_document(bulletin)
    text = document.text
    assert "| 指标 | 2023年完成 | 增长(%) |\n| 工业产值(亿元) | 412.3 | 8.6 |\n" in text
    assert "| 税收(亿元) | 20.1 | -0.2 |\n" in text
    located = document.source_map.locate(text.index("-0.2"))
    assert located is not None and located.page is not None
    assert located == Locator(page=located.page, table=1, row=4, column=3)


def test_a_three_line_table_is_rebuilt_from_its_columns(bulletin: Path) -> None:
    document = read_document(bulletin)
    rows = "| 指标 | 2023年 | 增长(%) |\n| 粮食(万吨) | 35.7 | 1.2 |\n"
    assert rows + "| 生猪(万头) | 55 | -3.1 |\n" in document.text
    located = document.source_map.locate(document.text.index("-3.1"))
    assert located is not None
    assert (located.table, located.row, located.column) == (2, 3, 3)


def test_every_prose_span_knows_its_page_and_the_document_its_format(bulletin: Path) -> None:
    document = read_document(bulletin)
    assert document.format == "pdf"
    first = document.source_map.locate(document.text.index("6.5%"))
    last = document.source_map.locate(document.text.index("以上为全年情况"))
    assert first == Locator(page=1)
    assert last is not None and last.page is not None and last.page >= 2


def test_rules_facts_from_a_pdf_are_grounded_in_its_text(bulletin: Path) -> None:
    document = read_document(bulletin)
    facts = RulesExtractor().extract([document]).facts
    assert all(fact.text == document.text[fact.start : fact.end] for fact in facts)
    assert any(fact.value == 6.5 and fact.unit == "%" for fact in facts)
    assert any(fact.text == "1867.07亿元" for fact in facts)


# A table set in two parts, as a clerk does in Word: its part on the next page under a line
# saying it goes on (`续表1`) and its unit again.
CONTINUED = """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A5; margin: 20mm 15mm; @bottom-center { content: "— " counter(page) " —"; } }
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 11pt; margin: 0; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 9pt; }
td { border: 1px solid #000; padding: 2px; }
.next { break-before: page; margin: 0; }
</style></head><body>
<p>表1 2023年主要经济指标</p><p>单位：亿元</p>
<table><colgroup><col style="width:50%"><col><col></colgroup>
<tr><td>指标</td><td>2023年</td><td>增长(%)</td></tr>
<tr><td>地区生产总值</td><td>983.5</td><td>6.1</td></tr>
<tr><td>工业增加值</td><td>412.3</td><td>8.6</td></tr>
</table>
<p class="next">续表1</p><p>单位：亿元</p>
<table><colgroup><col style="width:50%"><col><col></colgroup>
<tr><td>一般公共预算收入</td><td>61.2</td><td>3.4</td></tr>
<tr><td>社会消费品零售总额</td><td>402.7</td><td>7.9</td></tr>
</table>
<p>以上数据为初步统计。</p>
</body></html>
"""


@pytest.fixture(scope="module")
def continued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return printed(tmp_path_factory, "continued", CONTINUED)


def test_a_table_set_again_under_its_continuation_line_is_one_table_under_its_header(
    continued: Path,
) -> None:
    document = read_document(continued)
    rows = "| 工业增加值 | 412.3 | 8.6 |\n| 一般公共预算收入 | 61.2 | 3.4 |\n"
    assert rows in document.text
    assert "续表" not in document.text and document.text.count("单位：亿元") == 1
    assert document.source_map.locate(document.text.index("61.2")) == Locator(
        page=2, table=1, row=4, column=2
    )
    facts = RulesExtractor().extract([document]).facts
    revenue = next(fact for fact in facts if fact.text == "61.2")
    assert (revenue.value, revenue.unit, revenue.period) == (61.2e8, "元", "2023")


def test_a_scan_without_a_text_layer_is_refused_in_one_line_where_ocr_is_not_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    scan = tmp_path / "scan.pdf"
    image_only_pdf(scan)
    with pytest.raises(
        InputError,
        match=r"scan\.pdf: has no text layer .*pip install 'llmx\[ocr\]'.*run OCR first$",
    ):
        read_document(scan)


def test_an_encrypted_pdf_is_refused_in_one_line(bulletin: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    encrypted_copy(bulletin, locked)
    with pytest.raises(InputError, match=r"locked\.pdf: is encrypted \(password protected\)"):
        read_document(locked)


def test_a_truncated_pdf_is_refused_in_one_line(bulletin: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    truncated_copy(bulletin, cut)
    with pytest.raises(InputError, match=r"cut\.pdf: is truncated"):
        read_document(cut)


def test_a_file_that_is_not_a_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("<html>not a pdf</html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"fake\.pdf: is not a PDF"):
        read_document(fake)


def test_a_pdf_whose_fonts_have_no_unicode_map_is_refused_in_one_line(
    bulletin: Path, tmp_path: Path
) -> None:
    unmapped = tmp_path / "unmapped.pdf"
    without_unicode_maps(bulletin, unmapped)
    with pytest.raises(InputError, match=r"unmapped\.pdf: its text layer does not say"):
        read_document(unmapped)


def test_glyphs_without_a_unicode_map_count_as_unreadable() -> None:
    assert unreadable_share("全区增长6.5%") == 0.0
    assert unreadable_share("\ue01a\ue0f3\ue2c1增长\ufffd") == 4 / 6


RENDERED = sorted((ROOT / "evals" / "renderings" / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("rendering", RENDERED, ids=lambda path: path.name)
def test_a_printed_seed_reads_back_with_its_sections_and_grounded_facts(rendering: Path) -> None:
    seed = read_document(ROOT / "seeds" / f"{rendering.stem}.txt")
    document = read_document(rendering)
    sections = [section.heading for section in split_sections("s", seed.text)]
    assert [section.heading for section in split_sections("p", document.text)] == sections
    facts = RulesExtractor().extract([document]).facts
    assert all(document.text[fact.start : fact.end] == fact.text for fact in facts)


@pytest.mark.parametrize(
    "rendering",
    [path for path in RENDERED if "\t" not in (ROOT / "seeds" / f"{path.stem}.txt").read_text()],
    ids=lambda path: path.name,
)
def test_a_printed_seed_without_tables_loses_none_of_its_facts(rendering: Path) -> None:
    """Numbers broken across lines and pages are all found again; the page's own furniture
    (the site's meta lines printed above the article) may add a fact, never remove one."""

    def kinds(path: Path) -> Counter[tuple[object, ...]]:
        facts = RulesExtractor().extract([read_document(path)]).facts
        return Counter((f.value, f.unit, f.status, f.kind, f.period, f.indicator) for f in facts)

    assert kinds(ROOT / "seeds" / f"{rendering.stem}.txt") - kinds(rendering) == Counter()
