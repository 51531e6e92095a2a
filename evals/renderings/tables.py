"""How the rules read the dev half's tables as they are published: web pages, Word files, PDFs.

Every dev-half excerpt of the wide gold set that `evals/relayout.py` lays out again (four or
more whole pipe rows) is published in several ways, its prose a paragraph a line and each run of
lines holding a pipe a real table, cells and their order untouched (a row of one filled cell,
its first, a cell across the table, as a title is published):

- `html`: a web page, the rows as a `<table>`;
- `docx`: a Word file (python-docx), the rows as a table in the `Table Grid` style;
- `doc`, `rtf`: that Word file saved by LibreOffice as Word 97–2003 and as RTF (needs
  `soffice`);
- `xlsx`: a workbook (openpyxl) of one sheet, a paragraph a row of one cell, a blank row
  between blocks, each figure stored as a number under the format that shows it as written
  (`1,234.5` as 1234.5 under `#,##0.0`, `6.2%` as 0.062 under `0.0%`);
- `xls`: the same sheet as an Excel 97–2003 workbook (xlwt);
- `pdf-grid`: the web page printed by headless Chromium, every cell ruled;
- `pdf-three-line`: printed as a 三线表: a rule above the table, one under its first row and
  one below it, nothing between columns, as statistical yearbooks set them;
- `pdf-unruled`: printed with no rule at all, the columns kept apart by space alone;
- `pdf-official`, `pdf-official-repeat`: ruled, printed as an official document (公文: 16 pt
  type in wide margins, tables in 12 pt, a page number at the foot), so long tables run on
  over pages; `-repeat` repeats each table's first row atop every page it runs on;
- `scan-grid`, `scan-unruled`: those printed pages as a scanner gives them, each page an
  image (grey, 150 dots an inch) in a PDF with no text layer, which llmx reads by OCR
  (llmx.readers.ocr; needs `llmx[ocr]`).

Each is read back through llmx's own readers, then the rules, and the facts are scored against
the excerpt's gold by value and unit alone, as multisets (offsets move with the format), as
`evals/relayout.py` scores its layouts. The `txt` line is the excerpt as labelled. Only the dev
half is read: the test half stays held out.

    .venv/bin/python evals/renderings/tables.py [--formats html,pdf-grid] [--worst 10]
        [--keep DIR]

needs Chromium and a Chinese font for the PDFs (`make browser`); `--keep` leaves the files
written in DIR (a temporary folder otherwise) and reads those already there again instead of
writing them anew (printing the PDFs takes about two minutes a style).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "evals"), str(Path(__file__).resolve().parent)]

from relayout import WIDE_GOLD, has_pipe_table, scores  # noqa: E402
from render import scanned, write_doc, write_pdf, write_rtf  # noqa: E402

from llmx.documents import Document  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.gold import load_gold  # noqa: E402
from llmx.readers import read_document  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402

FORMATS = (
    "txt",
    "html",
    "docx",
    "doc",
    "rtf",
    "xlsx",
    "xls",
    "pdf-grid",
    "pdf-three-line",
    "pdf-unruled",
    "pdf-official",
    "pdf-official-repeat",
    "scan-grid",
    "scan-unruled",
)

# How each printed table is ruled: the page's style sheet for `table.data`.
_RULES = {
    "grid": "table.data td { border: 1px solid #333; }",
    "three-line": (
        "table.data { border-top: 1.5px solid #000; border-bottom: 1.5px solid #000; }"
        " table.data tr:first-child td { border-bottom: 0.75px solid #000; }"
    ),
    "unruled": "",
}
_RULES["official"] = _RULES["official-repeat"] = _RULES["grid"]
# How the page is set: most printings on a plain A4 page, narrow margins, small type, so that
# nearly every excerpt fits one page; an official document (公文, GB/T 9704) in 三号 (16 pt)
# body type within its wide margins, tables in 小四 (12 pt), a page number `— 3 —` at the
# foot, so long tables run on over pages as they do in the PDFs offices publish.
_PLAIN_PAGE = "@page {{ size: A4 {orientation}; margin: 18mm 14mm; }}"
_OFFICIAL_PAGE = (
    "body {{ font-size: 16pt; }} table.data {{ font-size: 12pt; }}"
    " @page {{ size: A4 {orientation}; margin: 37mm 26mm 35mm 28mm;"
    ' @bottom-center {{ content: "— " counter(page) " —"; font-size: 14pt; }} }}'
)
_PORTRAIT_COLUMNS_MAX = 8
_FIGURE_CELL = re.compile(r"[-−+]?[\d,.]+%?")
_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 12px; }}
table.data {{ border-collapse: collapse; margin: 8px 0; }}
table.data td {{ padding: 2px 6px; }}
table.data td.figure {{ white-space: nowrap; text-align: right; }}
{rules}
{page}
</style></head><body>
{body}
</body></html>
"""


@dataclass(frozen=True)
class Published:
    """An excerpt as blocks: a paragraph (a line of text) or a table (rows of cells)."""

    paragraphs_and_tables: tuple[str | tuple[tuple[str, ...], ...], ...]


def published(text: str) -> Published:
    """The excerpt's lines, each run of lines holding a pipe a table (its separator rows left
    out, every row as wide as the widest), every other non-empty line a paragraph."""
    blocks: list[str | tuple[tuple[str, ...], ...]] = []
    rows: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if "|" in line:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(set(cell) <= set(":-") for cell in cells):
                rows.append(cells)
            continue
        if rows:
            width = max(len(cells) for cells in rows)
            blocks.append(tuple(tuple(cells + [""] * (width - len(cells))) for cells in rows))
            rows = []
        if line.strip():
            blocks.append(line.strip())
    return Published(tuple(blocks))


def _spans_the_table(cells: Sequence[str]) -> bool:
    """A row of one filled cell, its first, in a table of more columns: a title or a group's
    name across the table (`| 12-1城市建设和公用事业 | ||||`), one merged cell as published."""
    return len(cells) > 1 and bool(cells[0]) and not any(cells[1:])


def page_html(article: Published, title: str, ruling: str) -> str:
    """The excerpt as a web page to print in `ruling`'s style; `official-repeat` marks each
    table's first row a header row, which the printer repeats atop every page the table runs
    on (Word's 重复标题行), where `official` prints it once."""
    parts: list[str] = []
    for block in article.paragraphs_and_tables:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
            continue
        parts.append('<table class="data">')
        for index, cells in enumerate(block):
            repeated = ruling == "official-repeat" and index == 0
            parts.append("<thead>" if repeated else "")
            if _spans_the_table(cells):
                parts.append(f'<tr><td colspan="{len(cells)}">{html.escape(cells[0])}</td></tr>')
            else:
                parts.append("<tr>" + "".join(map(_cell_html, cells)) + "</tr>")
            parts.append("</thead>" if repeated else "")
        parts.append("</table>")
    # A table of many columns is printed across a landscape page, as yearbooks print them.
    widest = max(
        (len(b[0]) for b in article.paragraphs_and_tables if not isinstance(b, str)), default=0
    )
    orientation = "landscape" if widest > _PORTRAIT_COLUMNS_MAX else "portrait"
    setting = _OFFICIAL_PAGE if ruling.startswith("official") else _PLAIN_PAGE
    return _PAGE.format(
        title=html.escape(title),
        rules=_RULES[ruling],
        page=setting.format(orientation=orientation),
        body="\n".join(parts),
    )


def _cell_html(text: str) -> str:
    """A cell; a figure is never broken over lines (a printed table widens its column)."""
    figure = _FIGURE_CELL.fullmatch(text) is not None
    return (
        f'<td class="figure">{html.escape(text)}</td>'
        if figure
        else f"<td>{html.escape(text)}</td>"
    )


def write_docx(article: Published, path: Path) -> Path:
    import docx

    document = docx.Document()
    for block in article.paragraphs_and_tables:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        grid = document.add_table(rows=len(block), cols=len(block[0]))
        grid.style = "Table Grid"
        for row, cells in zip(grid.rows, block, strict=True):
            if _spans_the_table(cells):
                row.cells[0].merge(row.cells[-1]).text = cells[0]
                continue
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    document.save(str(path))
    return path


_STORED_FIGURE = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)")


def stored(text: str) -> tuple[float, str] | None:
    """A figure cell as a workbook stores it: its number and the format that shows it as
    written; None for any other cell (a code with a leading zero stays text)."""
    match = _STORED_FIGURE.fullmatch(text)
    if match is None or re.match(r"-?0\d", text):
        return None
    sign, whole, decimals, percent = match.groups()
    number = float(f"{sign}{whole.replace(',', '')}.{decimals or 0}")
    pattern = ("#,##0" if "," in whole else "0") + (f".{'0' * len(decimals)}" if decimals else "")
    return (number / 100, pattern + "%") if percent else (number, pattern)


@dataclass(frozen=True)
class SheetCell:
    """A cell of the excerpt laid out on one sheet: 1-based row and column, the value stored
    (text, or a figure's number), its number format, and the columns a merged title spans."""

    row: int
    column: int
    value: str | float
    number_format: str = "General"
    across: int = 1


def sheet_cells(article: Published) -> list[SheetCell]:
    """The excerpt on one sheet: a paragraph a row of one cell, a blank row between blocks,
    a row of one filled cell across its table merged, figures stored as numbers."""
    cells: list[SheetCell] = []
    row = 0
    for block in article.paragraphs_and_tables:
        row += 1 if row else 0
        if isinstance(block, str):
            row += 1
            cells.append(SheetCell(row, 1, block))
            continue
        for texts in block:
            row += 1
            if _spans_the_table(texts):
                cells.append(SheetCell(row, 1, texts[0], across=len(texts)))
                continue
            for column, text in enumerate(texts, start=1):
                figure = stored(text)
                if figure is not None:
                    cells.append(SheetCell(row, column, *figure))
                elif text:
                    cells.append(SheetCell(row, column, text))
    return cells


def write_xlsx(article: Published, path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for cell in sheet_cells(article):
        sheet.cell(cell.row, cell.column, cell.value).number_format = cell.number_format
        if cell.across > 1:
            sheet.merge_cells(
                start_row=cell.row,
                start_column=cell.column,
                end_row=cell.row,
                end_column=cell.column + cell.across - 1,
            )
    workbook.save(path)
    return path


def write_xls(article: Published, path: Path) -> Path:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Sheet1")
    styles: dict[str, object] = {}
    for cell in sheet_cells(article):
        style = styles.setdefault(
            cell.number_format, xlwt.easyxf(num_format_str=cell.number_format)
        )
        row, column = cell.row - 1, cell.column - 1
        if cell.across > 1:
            sheet.write_merge(row, row, column, column + cell.across - 1, cell.value, style)
        else:
            sheet.write(row, column, cell.value, style)
    workbook.save(str(path))
    return path


def _ruling(form: str) -> str:
    for prefix in ("pdf-", "scan-"):
        if form.startswith(prefix):
            return form.removeprefix(prefix)
    return "grid"


def path_of(doc: str, form: str, folder: Path) -> Path:
    """Where the excerpt published as `form` is written in `folder`."""
    if form == "html":
        return folder / f"{doc}.{_ruling(form)}.html"
    return folder / f"{doc}.{'pdf' if form.startswith('scan-') else form.split('-')[0]}"


def written(doc: str, article: Published, form: str, folder: Path) -> Path:
    """The excerpt published as `form`, written in `folder` at `path_of` it."""
    path = path_of(doc, form, folder)
    if form == "docx":
        return write_docx(article, path)
    if form in ("doc", "rtf"):
        save = write_doc if form == "doc" else write_rtf
        return save(write_docx(article, path.with_suffix(".docx")), folder)
    if form == "xlsx":
        return write_xlsx(article, path)
    if form == "xls":
        return write_xls(article, path)
    page = folder / f"{doc}.{_ruling(form)}.html"
    page.write_text(page_html(article, doc, _ruling(form)), encoding="utf-8")
    if form == "html":
        return page
    if form.startswith("scan-"):
        return scanned(write_pdf(page, folder), path.with_suffix(".pdf"))
    return write_pdf(page, folder).rename(path)


def doc_text(doc: Document) -> Document:
    return Document(doc.id, doc.text)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated")
    parser.add_argument("--worst", type=int, default=0, help="list the N excerpts losing most")
    parser.add_argument("--keep", type=Path, help="write the files here and leave them")
    options = parser.parse_args(argv)
    forms = options.formats.split(",")
    unknown = [form for form in forms if form not in FORMATS]
    if unknown:
        parser.error(f"unknown format {unknown[0]!r}: one of {', '.join(FORMATS)}")
    if options.keep is not None:
        try:
            options.keep.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            parser.error(f"--keep {options.keep}: cannot make the folder ({error.strerror})")
    gold = load_gold(WIDE_GOLD).half("dev")
    by_doc: dict[str, list[Fact]] = {}
    for fact in gold.facts:
        by_doc.setdefault(fact.doc, []).append(fact)
    tabled = [doc for doc in gold.documents.values() if has_pipe_table(doc.text)]
    extractor = RulesExtractor()
    print(f"{len(tabled)} dev excerpts with a pipe table")
    print(f"{'format':15} {'gold':>5} {'found':>6} {'matched':>8}  precision  recall")
    # What each excerpt's text as labelled reads to (the `txt` line): what a format loses is
    # counted from it.
    as_labelled = {
        doc.id: scores(by_doc.get(doc.id, []), extractor.extract([doc_text(doc)]).facts)
        for doc in tabled
    }
    with tempfile.TemporaryDirectory(prefix="llmx-published-") as scratch:
        for form in forms:
            folder = (options.keep or Path(scratch)) / form
            totals, losses = [0, 0, 0], []
            for doc in tabled:
                if form == "txt":
                    counts = as_labelled[doc.id]
                else:
                    folder.mkdir(parents=True, exist_ok=True)
                    path = path_of(doc.id, form, folder)
                    if not (options.keep and path.exists()):
                        path = written(doc.id, published(doc.text), form, folder)
                    found = extractor.extract([read_document(path)]).facts
                    counts = scores(by_doc.get(doc.id, []), found)
                totals = [total + count for total, count in zip(totals, counts, strict=True)]
                losses.append((as_labelled[doc.id][2] - counts[2], doc.id, counts))
            labelled, predicted, matched = totals
            print(
                f"{form:15} {labelled:5} {predicted:6} {matched:8}"
                f"  {matched / max(predicted, 1):9.3f}  {matched / max(labelled, 1):6.3f}",
                flush=True,
            )
            for lost, doc_id, counts in sorted(losses, reverse=True)[: options.worst]:
                if lost > 0:
                    print(f"    {doc_id} loses {lost} (gold, found, matched {counts})")


if __name__ == "__main__":
    main()
