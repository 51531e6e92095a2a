"""Scanned pages read by OCR: words put on lines and spread into glyphs the PDF layout reads,
so a scan's prose and tables come back as a printed page's do (llmx.readers.ocr)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdf_cases import stamped_copy
from PIL import Image
from test_pdf_reader import bulletin  # noqa: F401  (the printed fixture, scanned below)

from llmx.errors import InputError
from llmx.readers import ocr, read_document
from llmx.readers.ocr import (
    Word,
    glyphs_of,
    lines_of,
    parted_figures,
    rulings,
    sideways,
    split_at_rules,
)
from llmx.rules import RulesExtractor

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="llmx[ocr] is not installed")
STAMP = "Downloaded from stats.example.gov.cn on 2024-05-01"


def test_words_go_on_lines_by_their_overlap_top_to_bottom_and_left_to_right() -> None:
    words = [
        Word("8.6", 300, 102, 340, 128),
        Word("工业产值", 10, 100, 120, 130),
        Word("全年产值达1867.07亿元。", 10, 40, 400, 70),
        Word("412.3", 180, 101, 240, 129),
    ]
    assert [[word.text for word in line] for line in lines_of(words)] == [
        ["全年产值达1867.07亿元。"],
        ["工业产值", "412.3", "8.6"],
    ]


def test_glyphs_are_in_pdf_points_with_a_space_spanning_the_gap_between_words() -> None:
    height = 842.0
    scale = ocr.RENDER_DPI / 72
    words = [Word("产值", 0, 100, 100, 150), Word("41", 300, 100, 350, 150)]
    glyphs = glyphs_of(words, height, scale)
    assert "".join(glyph.text for glyph in glyphs) == "产值 41\n"
    first, space, digit = glyphs[0], glyphs[2], glyphs[3]
    assert first.box is not None and space.box is not None and digit.box is not None
    points = 1 / scale
    assert first.box.left == 0 and digit.box.left == pytest.approx(300 * points)
    assert (space.box.left, space.box.right) == pytest.approx((100 * points, 300 * points))
    # A glyph's box is its ink, centred on the word's box: OCR's box has a margin round it.
    middle = height - 125 * points
    assert (first.box.bottom + first.box.top) / 2 == pytest.approx(middle)
    assert first.box.top - first.box.bottom < 50 * points


def test_two_cells_ocr_read_as_one_word_keep_their_figures_at_its_edges() -> None:
    # `106.4 105.4` found as one word a column wide: each figure at its own width, the
    # rest of the word the gap between them, so the layout sees the gutter.
    [*glyphs, _end] = glyphs_of([Word("106.4 105.4", 0, 0, 400, 36)], 842.0, 200 / 72)
    boxes = [glyph.box for glyph in glyphs if glyph.box is not None]
    first_figure_right, second_figure_left = boxes[4].right, boxes[6].left
    assert second_figure_left - first_figure_right > 0.5 * (boxes[-1].right - boxes[0].left)


def test_each_character_is_placed_where_ocr_read_it_so_columns_read_as_one_word_part() -> None:
    # A header read as one word, `单位1990年`: the recogniser read 位 and 1 two cells apart,
    # and the glyphs show that gutter where an even spread over the box would hide it.
    scale = ocr.RENDER_DPI / 72
    centres = (20, 60, 150, 170, 190, 210, 240)
    [*glyphs, _end] = glyphs_of([Word("单位1990年", 0, 0, 260, 40, centres)], 842.0, scale)
    boxes = [glyph.box for glyph in glyphs if glyph.box is not None]
    size = glyphs[0].size
    assert [(box.left + box.right) / 2 * scale for box in boxes] == pytest.approx(centres)
    assert boxes[2].left - boxes[1].right > size  # the gutter
    assert boxes[3].left - boxes[2].right < 0.1 * size  # digits of one figure side by side


def test_two_figures_ocr_ran_together_are_parted_where_their_digits_lie_a_space_apart() -> None:
    # `2788715 103.40`, two cells read as `2788715103.40`: the recogniser's middles for each
    # character (type 20 px) put 5 and 1 almost two sizes apart, digits of one figure about
    # half a size, never more than one.
    centres = (100, 115, 126, 140, 155, 166, 181, 220, 231, 245, 256, 267, 281)
    fused = Word("2788715103.40", 92, 10, 290, 34, centres)
    assert [(piece.text, piece.centres) for piece in parted_figures(fused, 20)] == [
        ("2788715", centres[:7]),
        ("103.40", centres[7:]),
    ]
    left, right = parted_figures(fused, 20)
    assert (left.left, left.right, right.left, right.right) == (92, 200.5, 200.5, 290)


def test_digits_of_one_figure_and_a_figure_beside_its_label_are_not_parted() -> None:
    # The recogniser can place two digits of one figure a whole size apart (3 and 4 here).
    centres = (35, 69, 103, 137, 171, 205, 232, 249, 266, 300, 312, 324, 351, 385)
    one = Word("地区生产总值1234.5亿元", 18, 0, 402, 36, centres)
    assert parted_figures(one, 34) == [one]
    # Without the recogniser's places a word is left as found.
    assert parted_figures(Word("56.758.9", 0, 0, 100, 30), 34) == [Word("56.758.9", 0, 0, 100, 30)]


def test_a_header_ocr_read_across_column_rules_is_cut_at_them() -> None:
    header = Word("指标 单位 1990年", 100, 200, 700, 240)
    rules = [Word("", 300, 150, 302, 600), Word("", 500, 150, 502, 600)]
    assert split_at_rules([header], rules) == [
        Word("指标", 100, 200, 301, 240),
        Word("单位", 301, 200, 501, 240),
        Word("1990年", 501, 200, 700, 240),
    ]
    # Pieces that do not fit the cells the rules make are left as OCR found them.
    assert split_at_rules([header], rules[:1]) == [header]


def test_rules_are_long_dark_runs_and_a_character_s_stroke_is_not_one() -> None:
    numpy = pytest.importorskip("numpy")
    page = numpy.full((800, 600), 255, dtype=numpy.uint8)
    page[100, 20:580] = 0  # a table's rule across
    page[100:160, 300] = 0  # a column's rule one short row high (60 px, 21.6 points)
    page[300:330, 100] = 0  # a character's stroke (30 px, about 11 points)
    found = rulings(page, 200 / 72)
    assert sorted((rule.left, rule.top, rule.right, rule.bottom) for rule in found) == [
        (20, 100, 580, 101),
        (300, 100, 301, 160),
    ]


def _scanned(
    printed: Path, scan: Path, dpi: int = 150, turn: int = 0, pages: int | None = None
) -> Path:
    """`printed` as a scanner gives it: each page a grey picture, turned `turn` degrees
    anticlockwise (a page fed in on its side or upside down)."""
    document = pdfium.PdfDocument(printed)
    pictures = [
        document[i].render(scale=dpi / 72).to_pil().convert("L").rotate(turn, expand=True)
        for i in range(pages or len(document))
    ]
    document.close()
    pictures[0].save(scan, save_all=True, append_images=pictures[1:], resolution=dpi)
    return scan


@needs_ocr
def test_a_scanned_bulletin_is_read_by_ocr_into_its_prose_and_table(
    bulletin: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    document = read_document(_scanned(bulletin, tmp_path / "scanned.pdf"))
    assert document.format == "pdf+ocr"
    # The table's rules are found on the image, so its rows come back as rows of cells.
    assert "| 412.3 | 8.6 |" in document.text and "| 20.1 | -0.2 |" in document.text
    assert "全年完成投资1.5亿元，带动就业100人。" in document.text  # wrapped lines joined
    facts = RulesExtractor().extract([document]).facts
    assert {(fact.text, fact.value) for fact in facts} >= {
        ("6.5%", 6.5),
        ("1867.07亿元", 186_707_000_000),
        ("412.3", 41_230_000_000),
    }
    [total] = [fact for fact in facts if fact.text == "1867.07亿元"]
    located = document.source_map.locate(total.start)
    assert located is not None and located.page == 1


@needs_ocr
def test_a_scan_a_site_stamped_a_line_of_text_on_is_still_read_by_ocr(
    bulletin: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    stamped = tmp_path / "stamped.pdf"
    stamped_copy(_scanned(bulletin, tmp_path / "scan.pdf", pages=1), stamped, STAMP)
    document = read_document(stamped)
    # The stamp's line is all the text layer holds: the page under it is read by OCR.
    assert document.format == "pdf+ocr"
    assert "全年产值达1867.07亿元。\n" in document.text
    assert "Downloaded from stats.example.gov.cn" in document.text  # OCR reads the stamp too


def _stamped_scan_without_ocr(printed: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-page scan under a site's stamp, on a machine without llmx's OCR."""
    monkeypatch.setattr(ocr, "available", lambda: False)
    stamped = folder / "stamped.pdf"
    stamped_copy(_scanned(printed, folder / "scan.pdf", pages=1), stamped, STAMP)
    return stamped


def test_without_ocr_a_page_with_a_text_layer_is_read_from_it_whatever_lies_under_it(
    bulletin: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without the engine a stamped scan cannot be told from a cover or a photo's caption,
    # whose text layer is their text: the layer is read (only a page with none is refused).
    document = read_document(_stamped_scan_without_ocr(bulletin, tmp_path, monkeypatch))
    assert document.text.strip() == STAMP
    assert document.warnings == (
        "page 1 is a picture with little or no text layer (a scan?), and llmx's OCR is not"
        " installed to read it (pip install 'llmx[ocr]')",
    )


def test_without_ocr_the_scanned_pages_of_a_mixed_pdf_are_named_not_dropped_silently(
    bulletin: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pypdf

    monkeypatch.setattr(ocr, "available", lambda: False)
    printed_pages = len(pypdf.PdfReader(bulletin).pages)
    writer = pypdf.PdfWriter()
    for source in (bulletin, _scanned(bulletin, tmp_path / "scan.pdf")):
        writer.append(str(source))
    writer.write(tmp_path / "mixed.pdf")
    document = read_document(tmp_path / "mixed.pdf")
    assert "1867.07亿元" in document.text  # the printed pages are read
    scans = ", ".join(str(printed_pages + n) for n in range(1, printed_pages + 1))
    [warning] = document.warnings
    assert warning.startswith(f"page{'s' if printed_pages > 1 else ''} {scans} ")


def test_a_pdf_of_printed_pages_carries_no_warning(bulletin: Path) -> None:  # noqa: F811
    assert read_document(bulletin).warnings == ()


def test_a_page_of_printed_text_is_read_from_its_text_layer_without_asking_ocr(
    bulletin: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr, "read_page", _never_called)
    document = read_document(bulletin)
    assert document.format == "pdf" and "全年产值达1867.07亿元。\n" in document.text


@needs_ocr
def test_a_photo_s_caption_keeps_its_text_layer_where_ocr_finds_no_more_text(
    tmp_path: Path,
) -> None:
    # A picture over most of the page and a line of text: OCR is asked, reads the caption
    # again and nothing more, so the page's own text layer is kept.
    photo = Image.new("L", (600, 800), 235)
    photo.save(tmp_path / "photo.pdf", resolution=72)
    caption = "Figure 1: the new plant, 1,234.56 million yuan, 8.7 hectares"
    stamped_copy(tmp_path / "photo.pdf", tmp_path / "captioned.pdf", caption)
    document = read_document(tmp_path / "captioned.pdf")
    assert document.format == "pdf" and document.text.strip() == caption


def _never_called(*_: object) -> None:
    raise AssertionError("OCR was asked to read a page with a text layer")


@needs_ocr
@pytest.mark.parametrize("turn", [180, 90], ids=["upside-down", "on-its-side"])
def test_a_page_scanned_upside_down_or_on_its_side_is_read_the_right_way_up(
    bulletin: Path,  # noqa: F811
    tmp_path: Path,
    turn: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = _scanned(bulletin, tmp_path / "turned.pdf", turn=turn, pages=1)
    readings = []
    recognise = ocr.recognise
    monkeypatch.setattr(ocr, "recognise", lambda image: readings.append(1) or recognise(image))
    lines = read_document(scan).text.splitlines()
    # Each line read left to right, and the lines in the order printed.
    assert lines.index("区生产总值增长6.5%。") < lines.index("全年产值达1867.07亿元。")
    assert len(readings) == 2  # as found, then turned the right way at once


def test_a_large_heading_s_year_is_not_parted_as_figures_run_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A 24-point `2023年` over 10.5-point body text: its digits lie over 1.2 body sizes apart,
    # but not 1.2 of its own size.
    numpy = pytest.importorskip("numpy")
    pytest.importorskip("cv2")
    heading = Word("2023年统计公报", 100, 40, 700, 130, (130, 190, 250, 310, 395, 485, 575, 665))
    body = [Word("全年产值达1867.07亿元，增长6.5%。", 100, 200, 700, 230)] * 5
    monkeypatch.setattr(ocr, "recognise", lambda image: ([heading, *body], 0.0))
    page = numpy.full((1100, 850, 3), 255, dtype=numpy.uint8)
    page[40:130, 100:700] = 0  # ink, so the page is not blank
    glyphs, _rules, _height = ocr.read_page(page, 100 / 72)
    assert "".join(glyph.text for glyph in glyphs).startswith("2023年统计公报\n")


def test_a_faded_scan_is_read_not_taken_for_a_blank_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    numpy = pytest.importorskip("numpy")
    pytest.importorskip("cv2")
    readings = []
    monkeypatch.setattr(ocr, "recognise", lambda image: (readings.append(1), ([], 0.0))[1])
    page = numpy.full((1100, 850, 3), 250, dtype=numpy.uint8)
    page[300:320, 100:600] = 175  # a line of grey ink on off-white paper
    ocr.read_page(page, 100 / 72)
    assert readings == [1]


def test_a_page_whose_lines_run_down_it_lies_on_its_side() -> None:
    across = [Word("全年产值达1867.07亿元。", 10, 40, 400, 70), Word("工业产值", 10, 100, 120, 130)]
    down = [Word("全年产值达1867.07亿元。", 40, 10, 70, 400), Word("工业产值", 100, 10, 130, 120)]
    assert not sideways(across) and sideways(down)
    assert not sideways([Word("1", 0, 0, 10, 30)])  # one character says nothing


def test_a_blank_page_is_not_given_to_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    numpy = pytest.importorskip("numpy")
    pytest.importorskip("cv2")
    monkeypatch.setattr(ocr, "recognise", _never_called)
    page = numpy.full((1100, 850, 3), 255, dtype=numpy.uint8)
    page[500:505, 400:405] = 0  # a speck of dust
    glyphs, rules, height = ocr.read_page(page, 100 / 72)
    assert glyphs == [] and rules == [] and height == pytest.approx(792)


def test_a_poster_sized_page_is_rendered_coarser_not_at_gigabytes() -> None:
    assert ocr.render_scale(595, 842) == ocr.RENDER_DPI / 72  # A4 at full resolution
    scale = ocr.render_scale(14_400, 14_400)  # the largest page a PDF allows
    assert (14_400 * scale) ** 2 == pytest.approx(ocr.MAX_PIXELS)


@needs_ocr
def test_a_scan_ocr_finds_no_text_on_is_refused_in_one_line(tmp_path: Path) -> None:
    scan = tmp_path / "blank.pdf"
    Image.new("L", (600, 800), 255).save(scan, resolution=150)
    with pytest.raises(InputError, match=r"blank\.pdf: has no text layer, and OCR found no text"):
        read_document(scan)


@needs_ocr
def test_a_page_the_ocr_engine_refuses_is_a_one_line_error(tmp_path: Path) -> None:
    thin = pdfium.PdfDocument.new()
    page = thin.new_page(1, 3000)  # one point wide: the engine cannot scale it
    ink = pdfium_c.FPDFPageObj_CreateNewRect(0, 0, 1, 1000)  # inked, so it is not blank
    pdfium_c.FPDFPageObj_SetFillColor(ink, 0, 0, 0, 255)
    pdfium_c.FPDFPath_SetDrawMode(ink, pdfium_c.FPDF_FILLMODE_ALTERNATE, False)
    pdfium_c.FPDFPage_InsertObject(page.raw, ink)
    page.gen_content()
    thin.save(tmp_path / "thin.pdf")
    with pytest.raises(InputError, match=r"thin\.pdf: OCR cannot read page 1 \(ResizeImgError"):
        read_document(tmp_path / "thin.pdf")


def test_extract_says_which_file_it_read_in_part_and_the_run_keeps_it(
    bulletin: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from llmx.cli import app
    from llmx.runs import load_run

    stamped = _stamped_scan_without_ocr(bulletin, tmp_path, monkeypatch)
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(stamped), "--runs-dir", str(runs)])
    assert result.exit_code == 0, result.output
    assert f"llmx: read in part {stamped}: page 1 is a picture" in result.output
    [run] = runs.iterdir()
    [part] = load_run(run).record.partly_read
    assert part.path == str(stamped) and "OCR is not installed" in part.warning
