"""Word files (`.docx`), read with python-docx in body order, in the canonical layout.

Paragraphs are lines, headings (Title, Heading 1–9, or any paragraph with an outline level)
are lines of their own, tables are pipe rows (llmx.readers.canonical) with merged cells laid
out on the grid: `gridSpan` spans columns, `vMerge` continues a cell down. Header rows are
those Word marks to repeat (`tblHeader`); without marks, the first row.

Locators: `p12` is the body's 12th paragraph; a table cell is `t3` with table, row and column.
An old binary `.doc` is refused before it gets here (llmx.readers.REFUSED); a file that is not
a zip, or a zip that is not a Word document, is a one-line error.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from llmx.documents import Document
from llmx.errors import InputError
from llmx.locations import Locator
from llmx.readers.canonical import GridCell, TextBuilder, clean_line, implied_header_rows

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old binary .doc renamed .docx


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    if not head:
        raise InputError(f"{path}: file is empty")
    if head == _OLE_MAGIC:
        raise InputError(
            f"{path}: an old binary Word file named .docx; save it as .docx (or PDF) and try again"
        )
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not a Word document (a .docx is a zip file; this is not one)")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise InputError(f"{path}: not a Word document ({error})") from None


def _is_heading(paragraph: Any) -> bool:
    from docx.oxml.ns import qn

    name = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if name == "title" or name.startswith("heading") or name.startswith("标题"):
        return True
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:outlineLvl")) is not None


def _cell_text(cell_element: Any, parent: Any) -> str:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    texts = [Paragraph(p, parent).text for p in cell_element.iter(qn("w:p"))]
    return clean_line(" ".join(text.strip() for text in texts if text.strip()))


def _table_rows(table: Any, element: str) -> tuple[list[list[GridCell]], int]:
    """Rows of cells with their spans: a `vMerge` continuation extends the cell above."""
    from docx.oxml.ns import qn

    origins: dict[int, list[Any]] = {}  # grid column → [cell, rowspan] of the open merge
    rows: list[list[list[Any]]] = []
    header_rows, in_head = 0, True
    for tr in table._tbl.tr_lst:
        row: list[list[Any]] = []
        properties = tr.trPr
        marked = properties is not None and properties.find(qn("w:tblHeader")) is not None
        if in_head and marked:
            header_rows += 1
        else:
            in_head = False
        column = tr.grid_before
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue" and column in origins:
                origins[column][1] += 1
            else:
                entry = [GridCell(_cell_text(tc, table), element=element, colspan=span), 1]
                row.append(entry)
                origins[column] = entry
            column += span
        rows.append(row)
    built = [
        [
            GridCell(cell.text, element=cell.element, rowspan=rowspan, colspan=cell.colspan)
            for cell, rowspan in row
        ]
        for row in rows
    ]
    return built, header_rows or implied_header_rows(built)


def _is_box(table: Any) -> bool:
    """A table of one column is a bordered box of text (专栏), not data."""
    return all(len(tr.tc_lst) == 1 and tr.tc_lst[0].grid_span == 1 for tr in table._tbl.tr_lst)


def _write_box(builder: TextBuilder, table: Any, element: str) -> None:
    """A box's paragraphs as lines, closed by two blank lines as a table is."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    builder.blank_lines(1)
    for tr in table._tbl.tr_lst:
        for paragraph in tr.tc_lst[0].iter(qn("w:p")):
            builder.line(Paragraph(paragraph, table).text, Locator(element=element))
    builder.blank_lines(2)


def read(path: Path) -> Document:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    word = _open(path)
    builder = TextBuilder()
    paragraphs = tables = 0
    title: str | None = None
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            text = block.text
            if _is_heading(block) and title is None and clean_line(text):
                title = clean_line(text)
            for line in text.splitlines() or [""]:  # a manual line break starts a new line
                builder.line(line, Locator(element=f"p{paragraphs}"))
        elif isinstance(block, Table):
            tables += 1
            element = f"t{tables}"
            if _is_box(block):
                _write_box(builder, block, element)
                continue
            rows, header_rows = _table_rows(block, element)
            builder.table(rows, header_rows=header_rows, locator=Locator(element=element))
    text, source_map = builder.build()
    if not text.strip():
        raise InputError(f"{path}: the Word document has no text")
    declared = clean_line(word.core_properties.title or "")
    return Document(
        id=path.stem,
        text=text,
        path=path,
        encoding="utf-8",
        format="docx",
        title=declared or title,
        source_map=source_map,
    )
