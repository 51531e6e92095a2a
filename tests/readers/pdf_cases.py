"""PDF fixtures the reader tests build themselves: printed HTML, a scan, a stamp, a locked
file.

Printing needs Chromium (`make browser` installs it; CI's .ci/run does); tests that print
skip without it. The other fixtures need only pypdfium2 and pypdf.
"""

from __future__ import annotations

import ctypes
import io
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print an HTML page to PDF with headless Chromium, as a browser's "Save as PDF" does."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf_path}",
                html_path.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def image_only_pdf(path: Path) -> None:
    """A one-page PDF holding only a picture of text, as a scanner makes it."""
    picture = Image.new("RGB", (400, 200), "white")
    for x in range(40, 360):  # a few dark strokes, so the page is not blank
        for y in (60, 61, 100, 101, 140, 141):
            picture.putpixel((x, y), (0, 0, 0))
    document = pdfium.PdfDocument.new()
    page = document.new_page(400, 200)
    image = pdfium.PdfImage.new(document)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG")
    buffer.seek(0)
    image.load_jpeg(buffer, inline=True)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200))
    page.insert_obj(image)
    page.gen_content()
    document.save(path)


def stamped_copy(source: Path, path: Path, stamp: str) -> None:
    """`source` with a line of text laid over the foot of each page, as a site stamps the
    scans it serves (`Downloaded from … on …`)."""
    document = pdfium.PdfDocument(source)
    for page in document:
        line = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(9))
        wide = ctypes.create_string_buffer((stamp + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(line, ctypes.cast(wide, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FPDFPageObj_Transform(line, 1, 0, 0, 1, 36, 12)
        pdfium_c.FPDFPage_InsertObject(page.raw, line)
        page.gen_content()
    document.save(path)
    document.close()


def encrypted_copy(source: Path, path: Path) -> None:
    """`source` locked with a password to open it."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as file:
        writer.write(file)


def truncated_copy(source: Path, path: Path) -> None:
    """The first half of `source`, as an interrupted download leaves it."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def without_unicode_maps(source: Path, path: Path) -> None:
    """`source` with every font's /ToUnicode map removed, as some producers write PDFs:
    the glyphs still print, but the text layer no longer says which characters they are."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=source)
    for page in writer.pages:
        fonts = page["/Resources"].get("/Font", {})
        for name in fonts:
            font = fonts[name].get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    with path.open("wb") as file:
        writer.write(file)
