"""Word files (`.docx`), read with python-docx in body order, in the canonical layout.

Paragraphs are lines, headings (Title, Heading 1–9, or any paragraph with an outline level)
are lines of their own, tables are pipe rows (llmx.readers.canonical) with merged cells laid
out on the grid: `gridSpan` spans columns, `vMerge` continues a cell down. Header rows are
those Word marks to repeat (`tblHeader`); without marks, the first row.

Locators: `p12` is the body's 12th paragraph; a table cell is `t3` with table, row and column.
An old binary Word file named `.docx` goes to its own reader (llmx.readers.word97); a file
that is not a zip, or a zip that is not a Word document, is a one-line error.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from llmx.documents import Document
from llmx.errors import InputError
from llmx.locations import Locator
from llmx.readers.canonical import (
    SPAN_MAX,
    GridCell,
    TextBuilder,
    clean_line,
    implied_header_rows,
)
from llmx.readers.content import HEAD, read_as_what_it_is

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR = (f"{_W}{name}" for name in ("p", "t", "tab", "br", "cr"))
_R, _RPR, _VANISH, _VAL = (f"{_W}{name}" for name in ("r", "rPr", "vanish", "val"))
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not _head(path):
        raise InputError(f"{path}: file is empty")
    if not zipfile.is_zipfile(path):
        raise InputError(
            f"{path}: not a Word document (a .docx is a zip file; this one is not, or is cut short)"
        )
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise InputError(f"{path}: not a Word document ({error})") from None


def _heading_styles(word: Any) -> frozenset[str]:
    """Ids of the paragraph styles in use that are headings: Title, Heading n (标题 n), a
    style with an outline level, or one based on any of these. Looked up once: python-docx's
    own `paragraph.style` searches every style on each call."""
    from docx.oxml.ns import qn

    styles = {
        element.get(qn("w:styleId")): element
        for element in word.styles.element.iterchildren(qn("w:style"))
    }

    def is_heading(style_id: str | None, depth: int = 0) -> bool:
        element = styles.get(style_id)
        if element is None or depth > 10:
            return False
        name_element = element.find(qn("w:name"))
        name = (name_element.get(qn("w:val")) if name_element is not None else "") or ""
        name = name.lower()
        if name == "title" or name.startswith(("heading", "标题")):
            return True
        if element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None:
            return True
        based_on = element.find(qn("w:basedOn"))
        return based_on is not None and is_heading(based_on.get(qn("w:val")), depth + 1)

    used = {
        style.get(qn("w:val")) for style in word.element.body.iter(qn("w:pStyle"))
    }  # only the styles the body uses: a template defines a hundred or more
    return frozenset(style_id for style_id in used if style_id and is_heading(style_id))


def _is_heading(paragraph: Any, headings: frozenset[str]) -> bool:
    from docx.oxml.ns import qn

    properties = paragraph._p.pPr
    if properties is None:
        return False
    if properties.find(qn("w:outlineLvl")) is not None:
        return True
    style = properties.find(qn("w:pStyle"))
    return style is not None and style.get(qn("w:val")) in headings


def _paragraph_text(paragraph: Any) -> str:
    """A `w:p` element's text, read straight from its runs (python-docx's `Paragraph.text`
    runs an XPath per paragraph and per run): text, tabs, and line breaks as newlines. A run
    formatted hidden is not shown by Word, so it is not read (a deletion's text is `w:delText`,
    never read)."""
    pieces: list[str] = []

    def visit(element: Any) -> None:
        for node in element:
            tag = node.tag
            if tag == _T:
                pieces.append(node.text or "")
            elif tag == _TAB:
                pieces.append("\t")
            elif tag in (_BR, _CR):
                pieces.append("\n")
            elif tag == _R and _is_hidden(node):
                continue
            elif tag != _FALLBACK:  # a text box's legacy copy: its text is read once, above
                visit(node)

    visit(paragraph)
    return "".join(pieces)


def _is_hidden(run: Any) -> bool:
    properties = run.find(_RPR)
    vanish = properties.find(_VANISH) if properties is not None else None
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _cell_text(cell_element: Any) -> str:
    texts = [_paragraph_text(p) for p in cell_element.iter(_P)]
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
        column = _held(tr.grid_before)
        if column:  # grid columns the row leaves empty before its first cell
            row.append([GridCell("", element=element, colspan=column), 1])
        for tc in tr.tc_lst:
            span = max(_held(tc.grid_span), 1)
            if tc.vMerge == "continue" and column in origins:
                origins[column][1] += 1
            else:
                entry = [GridCell(_cell_text(tc), element=element, colspan=span), 1]
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


def _held(span: int) -> int:
    """A span a file states, held to what a table can have: none below zero, no more columns
    than browsers allow (a crafted `gridBefore` of 10^8 would pad every row to it)."""
    return max(0, min(span, SPAN_MAX))


def _is_box(table: Any) -> bool:
    """A table of one column is a bordered box of text (专栏), not data."""
    return all(len(tr.tc_lst) == 1 and tr.tc_lst[0].grid_span == 1 for tr in table._tbl.tr_lst)


def _write_box(builder: TextBuilder, table: Any, element: str) -> None:
    """A box's paragraphs as lines, closed by two blank lines as a table is."""
    builder.blank_lines(1)
    for tr in table._tbl.tr_lst:
        for paragraph in tr.tc_lst[0].iter(_P):
            for line in _paragraph_text(paragraph).splitlines():
                builder.line(line, Locator(element=element))
    builder.blank_lines(2)


def read(path: Path) -> Document:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    # An old binary Word file, RTF, a web page or a web archive under the new name.
    other = read_as_what_it_is(path, _head(path), reader=__name__)
    if other is not None:
        return other
    word = _open(path)
    headings = _heading_styles(word)
    builder = TextBuilder()
    paragraphs = tables = 0
    title: str | None = None
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            text = _paragraph_text(block._p)
            if title is None and clean_line(text) and _is_heading(block, headings):
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
    declared = clean_line(word.core_properties.title or "")
    return builder.document(
        path,
        encoding="utf-8",
        format="docx",
        title=declared or title,
        empty="the Word document has no text",
    )
