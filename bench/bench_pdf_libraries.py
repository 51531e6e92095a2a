"""Which PDF library reads Chinese reports best: characters, reading order, speed.

Run:  .venv/bin/pip install pdfplumber pymupdf reportlab     (candidates, not llmx deps)
      .venv/bin/python bench/print_seeds.py /tmp/pdfseeds
      .venv/bin/python bench/bench_pdf_libraries.py /tmp/pdfseeds
Writes bench/results/pdf-libraries.json and prints a table.

Each seed printed to PDF (bench/print_seeds.py) is read back by each library, and its
text is compared with the seed it was printed from, ignoring whitespace and the running
furniture the printer added (a header line and the page number, subtracted from `extra`):
  missing  characters of the seed not in the extraction (lost glyphs),
  extra    characters of the extraction not in the seed (doubled or invented glyphs),
  runs     stretches in the seed's order (the header and page number break it once a page,
           so one run a page is perfect order; more is reordered text).
A second producer's PDF (ReportLab, a non-embedded Adobe CID font with a predefined CMap,
as older office software writes them) checks decoding where no font is embedded.
Speed is pages per second on one core, best of three, for the plain text and for the
positioned lines a reader needs to rebuild paragraphs and tables.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 3
SAMPLE = "全区地区生产总值增长6.5%，达到1867.07亿元。長壽區發展改革委；GDP 1,234.5万吨（-0.2%）"


def _pypdfium2_text(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    pages = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return pages


def _pypdfium2_lines(path: Path) -> int:
    """Every character with its box: what the llmx reader builds its lines from."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    count = 0
    for page in document:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        count += sum(1 for index in range(len(text)) if textpage.get_charbox(index))
    document.close()
    return count


def _pymupdf_text(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as document:
        return [page.get_text() for page in document]


def _pymupdf_lines(path: Path) -> int:
    import pymupdf

    count = 0
    with pymupdf.open(path) as document:
        for page in document:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    count += sum(len(span["text"]) for span in line["spans"])
    return count


def _pdfplumber_text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as document:
        return [page.extract_text() for page in document.pages]


def _pdfplumber_lines(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as document:
        return sum(len(page.extract_text_lines()) for page in document.pages)


LIBRARIES: dict[str, tuple[Callable[[Path], list[str]], Callable[[Path], int]]] = {
    "pypdfium2": (_pypdfium2_text, _pypdfium2_lines),
    "pymupdf": (_pymupdf_text, _pymupdf_lines),
    "pdfplumber": (_pdfplumber_text, _pdfplumber_lines),
}


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


def correctness(pages: list[str], seed_text: str, header: str) -> dict[str, int]:
    extracted = _visible("".join(pages))
    expected = _visible(seed_text)
    # The printer's furniture is expected extra text: the header and the number, every page.
    furniture = sum(len(_visible(header)) + len(str(number)) for number in range(1, len(pages) + 1))
    matcher = difflib.SequenceMatcher(None, expected, extracted, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    matched = sum(block.size for block in blocks)
    return {
        "seed_chars": len(expected),
        "missing": len(expected) - matched,
        "extra": len(extracted) - matched - furniture,
        "runs": len(blocks),
    }


def best_time(function: Callable[[Path], Any], path: Path) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        function(path)
        best = min(best, time.perf_counter() - started)
    return best


def cid_font_sample(out: Path) -> Path:
    """One line in a non-embedded Adobe CID font (UniGB-UCS2-H), as ReportLab writes it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = out / "cid-font-sample.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 12)
    page.drawString(50, 800, SAMPLE)
    page.save()
    return path


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/pdfseeds")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pdfs = sorted(folder.glob("[0-9]*.pdf"))
    if not pdfs:
        sys.exit(f"{folder}: no printed seeds; run bench/print_seeds.py {folder} first")
    for text_of, lines_of in LIBRARIES.values():  # warm up: imports, first open
        text_of(pdfs[0])
        lines_of(pdfs[0])
    sample = cid_font_sample(folder)
    results: dict[str, Any] = {"libraries": {}}
    for name, (text_of, lines_of) in LIBRARIES.items():
        totals = {"pages": 0, "seed_chars": 0, "missing": 0, "extra": 0, "runs": 0}
        text_seconds = lines_seconds = 0.0
        for pdf in pdfs:
            seed_text = (ROOT / "seeds" / f"{pdf.stem}.txt").read_text(encoding="utf-8")
            header = next(line.strip() for line in seed_text.splitlines() if line.strip())[:40]
            pages = text_of(pdf)
            totals["pages"] += len(pages)
            for key, value in correctness(pages, seed_text, header).items():
                totals[key] += value
            text_seconds += best_time(text_of, pdf)
            lines_seconds += best_time(lines_of, pdf)
        sample_text = _visible("".join(text_of(sample)))
        results["libraries"][name] = {
            **totals,
            "cid_font_sample_exact": sample_text == _visible(SAMPLE),
            "text_pages_per_s": round(totals["pages"] / text_seconds, 1),
            "lines_pages_per_s": round(totals["pages"] / lines_seconds, 1),
        }
    out = ROOT / "bench" / "results" / "pdf-libraries.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        "| library | pages | seed chars | missing | extra | runs | CID sample"
        " | text p/s | lines p/s |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for name, row in results["libraries"].items():
        print(
            f"| {name} | {row['pages']} | {row['seed_chars']} | {row['missing']} | {row['extra']}"
            f" | {row['runs']} | {'exact' if row['cid_font_sample_exact'] else 'WRONG'}"
            f" | {row['text_pages_per_s']} | {row['lines_pages_per_s']} |"
        )


if __name__ == "__main__":
    main()
