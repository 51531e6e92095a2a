"""PDF (`.pdf`): the text layer, read with pypdfium2 (PDFium), laid out by llmx.readers.layout.

Why pypdfium2 and not PyMuPDF or pdfplumber: docs/readers.md ("PDF"), with the measurements.
A page with no text layer (a scan) is read by OCR where llmx's OCR is installed
(llmx.readers.ocr; the document's format is then `pdf+ocr`). A file that cannot be read as text
(encrypted, damaged or truncated, a scan without the OCR) is refused with one line saying so,
never a traceback.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from llmx.documents import Document
from llmx.errors import InputError
from llmx.readers import ocr
from llmx.readers.layout import LINE_END, Box, Glyph, Page, build_page, canonical_text

FORMAT = "pdf"
# No character; PDFium's line end (CR LF); the hyphen PDFium marks as a word broken at a
# line end (U+FFFE), dropped so the word is whole again.
_SKIPPED = frozenset("\x00\r\n\ufffe")
_RECTANGLE_SEGMENTS = 5  # move, three lines and a close (or a `re` operator)
_SIDE = 0.5  # points: the thickness given to each side of a stroked rectangle
_UNREADABLE_MAX = 0.2  # more than this share of unmapped glyphs and the text is not the text
_SIZE_EVERY = 8  # characters between asking the type size (a line's median is what counts)
_STAMP_CHARS_MAX = 200  # visible characters: a stamp's lines, not a page of text
_SCAN_PICTURED_MIN = 0.5  # of the page, one picture
# OCR's reading replaces a text layer where it finds more than twice the layer's characters
# and a line more: the page holds text the layer does not.
_OCR_FINDS_MORE = 2
_OCR_SLACK = 20
_FORM_DEPTH = 4  # forms inside forms looked into for a picture


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise InputError(
                f"{path}: is encrypted (password protected); save an unprotected copy first"
            ) from None
        raise InputError(f"{path}: {_why_unreadable(path)}") from None


def _why_unreadable(path: Path) -> str:
    """What is wrong with a file PDFium refused: not a PDF, cut short, or damaged inside."""
    try:
        with path.open("rb") as file:
            head = file.read(1024)
            file.seek(max(0, path.stat().st_size - 2048))
            tail = file.read()
    except OSError as error:
        return f"cannot read ({error.strerror})"
    if b"%PDF-" not in head:
        return "is not a PDF (no %PDF- header)"
    if b"%%EOF" not in tail:
        return "is truncated (it stops before the end of the PDF); download it again"
    return "is damaged and cannot be read as a PDF"


def _glyphs(textpage: pdfium.PdfTextPage) -> list[Glyph]:
    """The page's characters in content order, LINE_END where PDFium ends a printed line.

    Straight through PDFium's C API with reused out-parameters: this loop runs once per
    character and is most of the reader's time. The code points come in one call where the
    text has no character outside the BMP (then one UTF-16 unit is one character); the type
    size is asked once a run of characters in one size, at each line's start and every few
    characters after.
    """
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    text = textpage.get_text_range()
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i) or 0) for i in range(count))
    box_of, size_of = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetFontSize
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    out = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    glyphs: list[Glyph] = []
    previous: Box | None = None
    size, since_size = 0.0, _SIZE_EVERY
    for index, char in enumerate(text):
        if char in _SKIPPED:
            if char == "\n":
                glyphs.append(LINE_END)
                since_size = _SIZE_EVERY
            continue
        box_of(handle, index, *out)
        box = Box(left.value, bottom.value, right.value, top.value)
        if box.right <= box.left and box.top <= box.bottom:
            if previous is None:
                continue
            box = previous  # a space PDFium made up between words has no box of its own
        if since_size >= _SIZE_EVERY:
            size, since_size = size_of(handle, index), 0
        since_size += 1
        glyphs.append(Glyph(char, box, size))
        previous = box
    glyphs.append(LINE_END)
    return glyphs


def _shapes(page: pdfium.PdfPage) -> list[Box]:
    """The paths drawn on the page as boxes, the rulings of its tables and boxes among them.

    A filled path is its bounds (a thin one is a rule). A stroked rectangle (a box's border,
    a cell drawn as a rectangle) is its four sides, each a thin box: that is how it rules.
    """
    shapes = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for shape in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = shape.get_bounds()
        pdfium_c.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke))
        rectangle = pdfium_c.FPDFPath_CountSegments(shape.raw) <= _RECTANGLE_SEGMENTS
        if stroke.value and rectangle:
            shapes += [
                Box(left, bottom, left + _SIDE, top),
                Box(right - _SIDE, bottom, right, top),
                Box(left, bottom, right, bottom + _SIDE),
                Box(left, top - _SIDE, right, top),
            ]
        else:
            shapes.append(Box(left, bottom, right, top))
    return shapes


@dataclass(frozen=True)
class ReadPages:
    pages: list[Page]
    scans: int  # pages OCR read (where the OCR engine is installed: llmx.readers.ocr)
    # Pages that look scanned (a picture over half the page, little or no text layer) but
    # that no OCR read, so their text is not in the document: numbered from 1.
    unread_scans: tuple[int, ...] = ()


def read_pages(path: Path) -> ReadPages:
    """The file's pages laid out, with which were scans and which of those were read."""
    document = _open(path)
    scans = unread = 0
    unread_scans: list[int] = []
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            glyphs, shapes = _glyphs(textpage), _shapes(page)
            height = page.get_height()
            layer = _visible(glyphs)
            if ocr.available() and (layer == 0 or _may_be_stamped(page, layer)):
                read = _scanned(path, page, index + 1)
                found = _visible(read[0])
                if layer == 0 or found > _OCR_FINDS_MORE * layer + _OCR_SLACK:
                    glyphs, shapes, height = read
                    scans += found > 0
            else:
                unread += layer == 0
                if _may_be_stamped(page, layer):
                    unread_scans.append(index + 1)
            pages.append(build_page(index + 1, height, glyphs, shapes))
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        raise InputError(f"{path}: {_why_unreadable(path)}") from None
    finally:
        document.close()
    if not pages:
        raise InputError(f"{path}: has no pages")
    if unread == len(pages):
        raise InputError(
            f"{path}: has no text layer (a scanned image?); install llmx's OCR"
            " (pip install 'llmx[ocr]') or run OCR first"
        )
    return ReadPages(pages, scans, tuple(unread_scans))


def _visible(glyphs: Sequence[Glyph]) -> int:
    return sum(1 for glyph in glyphs if glyph.text.strip())


def _may_be_stamped(page: pdfium.PdfPage, layer: int) -> bool:
    """Whether a page with `layer` visible characters in its text layer may be a scan a site
    laid a stamp over (`Downloaded from … on …`): a few lines of text (`_STAMP_CHARS_MAX`)
    on one picture covering half the page or more. OCR then reads it, and its reading is
    kept where it finds far more text than the layer holds (`_OCR_FINDS_MORE`): a photo's
    caption or a cover's title, which OCR reads again, keeps its text layer."""
    return layer < _STAMP_CHARS_MAX and _largest_picture(page) >= _SCAN_PICTURED_MIN


def _largest_picture(page: pdfium.PdfPage) -> float:
    """The share of the page (as shown: its crop box) the largest picture drawn on it covers:
    an image, or a form holding one, placed on the page."""
    left, bottom, right, top = page.get_cropbox()
    area = (right - left) * (top - bottom)
    if area <= 0:
        return 0.0
    largest = 0.0
    edges = [ctypes.c_float() for _ in range(4)]
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        shape = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if not _holds_picture(shape, _FORM_DEPTH):
            continue
        pdfium_c.FPDFPageObj_GetBounds(shape, *(ctypes.byref(edge) for edge in edges))
        x0, y0, x1, y1 = (edge.value for edge in edges)
        across = min(x1, right) - max(x0, left)
        down = min(y1, top) - max(y0, bottom)
        largest = max(largest, max(across, 0.0) * max(down, 0.0) / area)
    return min(largest, 1.0)


def _holds_picture(shape: object, depth: int) -> bool:
    kind = pdfium_c.FPDFPageObj_GetType(shape)
    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return True
    if kind != pdfium_c.FPDF_PAGEOBJ_FORM or depth <= 0:
        return False
    return any(
        _holds_picture(pdfium_c.FPDFFormObj_GetObject(shape, index), depth - 1)
        for index in range(pdfium_c.FPDFFormObj_CountObjects(shape))
    )


def _scanned(path: Path, page: pdfium.PdfPage, number: int) -> tuple[list[Glyph], list[Box], float]:
    """A scanned page's glyphs by OCR, the rules drawn on its image, and the page's height as
    read (its width where the scan lies on its side)."""
    width, height = page.get_width(), page.get_height()
    scale = ocr.render_scale(width, height)
    bitmap = page.render(scale=scale)
    try:
        image = bitmap.to_numpy()
        if image.ndim == 3 and image.shape[2] == 4:
            image = image[:, :, :3]  # BGRA: the engine reads BGR
        return ocr.read_page(image, scale)
    except (ImportError, OSError) as error:  # the engine's libraries would not load
        raise InputError(
            f"{path}: a scanned page, and llmx's OCR could not start ({error})"
        ) from None
    except Exception as error:  # the engine refuses a page in ways of its own (1 pt wide)
        raise InputError(
            f"{path}: OCR cannot read page {number} ({type(error).__name__}: {error})"
        ) from None
    finally:
        bitmap.close()


def unreadable_share(text: str) -> float:
    """The share of visible characters that are no character at all: private-use code points
    and replacement marks, what PDFium gives for glyphs of a font with no Unicode map."""
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return 0.0
    unreadable = sum(
        1 for char in visible if char == "\ufffd" or "\ue000" <= char <= "\uf8ff" or char < " "
    )
    return unreadable / len(visible)


def read(path: Path) -> Document:
    read = read_pages(path)
    scans = read.scans
    text, source_map = canonical_text(read.pages)
    if not text.strip():  # every page was a scan, and OCR read it
        raise InputError(f"{path}: has no text layer, and OCR found no text on its pages")
    if unreadable_share(text) > _UNREADABLE_MAX:
        raise InputError(
            f"{path}: its text layer does not say which characters it shows (fonts without "
            "a Unicode map); run OCR first"
        )
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Document(
        id=path.stem,
        text=text,
        path=path,
        format=f"{FORMAT}+ocr" if scans else FORMAT,
        title=title,
        source_map=source_map,
        warnings=_unread_warning(read.unread_scans),
    )


def _unread_warning(pages: Sequence[int]) -> tuple[str, ...]:
    if not pages:
        return ()
    shown = ", ".join(str(page) for page in pages[:10]) + (", …" if len(pages) > 10 else "")
    one = len(pages) == 1
    what = f"page {shown} is a picture" if one else f"pages {shown} are pictures"
    return (
        f"{what} with little or no text layer (a scan?), and llmx's OCR is not installed to"
        f" read {'it' if one else 'them'} (pip install 'llmx[ocr]')",
    )
