"""Web pages (`.html`, `.htm`): the article only, in the canonical layout (llmx.readers.canonical).

A government report page carries far more than the report: navigation, breadcrumbs, the
"发布时间 / 浏览次数 / 字体 大 中 小" line, share widgets, related links, a footer with ICP and
网站标识码 numbers and phone numbers. None of it may become a fact. The article is found as
readability does it, on the page's own tree (lxml), so every line keeps the XPath of the
element it came from:

1. every paragraph-like block scores its visible text to itself, its parent and (half) its
   grandparent; blocks that are mostly link text (menus) and elements whose class or id names
   page furniture (nav, crumb, share, footer…) score nothing;
2. the highest-scoring element is the article (the deepest one when a child nearly ties);
3. inside it, furniture elements are skipped and short lines that are furniture by their
   words (发布时间, 浏览次数, ICP备, 网站标识码…) are dropped.

We measured trafilatura and readability-lxml on the seed renderings (docs/readers.md): both
find the same article and keep tables and headings, but both rebuild the tree, so neither can
say which source element a line or cell came from; this module keeps the source tree.

Encoding: a BOM, else the page's declared charset (`<meta charset>` or http-equiv; GB2312 and
GBK are read as GB18030, their superset), else UTF-8, else detection (llmx.documents).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import lxml.html
from lxml import etree

from llmx.documents import Document, decode_text, read_file
from llmx.errors import InputError
from llmx.locations import Locator
from llmx.readers.canonical import (
    SPAN_MAX,
    GridCell,
    TextBuilder,
    clean_line,
    implied_header_rows,
    is_furniture_line,
)

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CODEC_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "utf8": "utf-8",
}
_TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]*>", re.S | re.I)


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BLOCK = _words(
    "p div section article main header footer nav aside ul ol li table h1 h2 h3 h4 h5 h6 "
    "blockquote pre dl dt dd figure figcaption form center address hr caption details "
    "summary tr td th tbody thead tfoot"
)
_TEXT_BLOCK = _words("p li h1 h2 h3 h4 h5 h6 pre dd dt blockquote caption figcaption")
_DROPPED = _words(
    "script style noscript template iframe object embed svg canvas button input select "
    "textarea nav head title meta link"
)
_FURNITURE_TAGS = _words("header footer aside")
_BOXES = _words("div section blockquote fieldset")
# Words in a class or id that name page furniture rather than the article.
_FURNITURE_NAMES = _words(
    "nav navbar menu breadcrumb breadcrumbs crumb crumbs position location share bdshare "
    "jiathis social footer foot bottom copyright sidebar related relate xgxx xglj links "
    "print tools toolbar comment comments pager pagination prev next search login banner "
    "qrcode ewm topbar header"
)
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")
_FURNITURE_SHARE_MAX = 0.3  # a "furniture" element holding more of the page is the article
_LINK_SHARE_MAX = 0.5
_DATA_CELL_MAX = 200  # a table whose cells all hold less is data; longer cells mean layout
_FIGURED_ROWS_MIN = 3  # rows with a figure alone in a cell that make a table of long cells data
_FIGURE = re.compile(r"[-+−]?\d[\d,，.]*\s*%?")
_NEAR_TIE = 0.95
_MIN_ARTICLE = 20  # visible characters below which a page has no article
# libxml2 stops reading a page nested deeper than 256 elements and keeps what it has: text
# inside (page builders nest divs that deep) would be lost, and said to be no article.
_PARSER = lxml.html.HTMLParser(huge_tree=True)
# The reading walks the page's elements recursively; a page nested deeper than this (real ones
# stay under a hundred) is refused with its depth, not with Python's recursion limit.
_DEPTH_MAX = 800


def _depth(root: etree._Element) -> int:
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _visible(page: str) -> str:
    return _TAGS.sub(" ", page)


def declares_charset(raw: bytes) -> bool:
    """Whether a page names its charset in a `<meta>` (not a script's `charset=`)."""
    return _DECLARED.search(raw[:4096]) is not None


def decode_page(raw: bytes, name: str) -> tuple[str, str]:
    """The page's text and encoding: BOM, declared charset, UTF-8, then detection."""
    if not raw.strip():
        raise InputError(f"{name}: file is empty")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace").lstrip("\ufeff"), codec
    declared = _DECLARED.search(raw[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = _CODEC_ALIASES.get(label, label)
        try:
            return raw.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: sites mislabel; judge the bytes instead
    return decode_text(raw, name, visible=_visible)


def _names(element: etree._Element) -> set[str]:
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return {word for word in _NAME_SPLIT.split(words) if word}


class _Skipped:
    """Which elements are not the article: scripts, forms and the like always; elements named
    as furniture (by a class or id word, or a header/footer/aside tag) unless they hold a
    large share of the page's text, since a site may wrap its article in `print-area`."""

    def __init__(self, body: etree._Element) -> None:
        self.limit = _FURNITURE_SHARE_MAX * _text_length(body)

    def __call__(self, element: etree._Element) -> bool:
        tag = element.tag
        if not isinstance(tag, str):
            return True  # comments, processing instructions
        tag = tag.lower()
        if tag in _DROPPED:
            return True
        if tag in _FURNITURE_TAGS or _names(element) & _FURNITURE_NAMES:
            return _text_length(element) < self.limit
        return False


def _visible_length(text: str) -> int:
    """Characters that are not whitespace (str.split runs in C, unlike a loop over chars)."""
    return sum(map(len, text.split()))


def _text_length(element: etree._Element) -> int:
    return _visible_length(element.text_content())


def _link_length(element: etree._Element) -> int:
    return sum(_text_length(anchor) for anchor in element.iter("a"))


def _is_data_table(table: etree._Element) -> bool:
    """A table of figures, not one a page is laid out in: no table inside it, and short
    cells, or figures alone in cells of most rows (a wage table whose last column lists
    the places each wage holds in)."""
    if table.xpath(".//table"):
        return False
    cells = table.xpath(".//td | .//th")
    if all(_text_length(cell) <= _DATA_CELL_MAX for cell in cells):
        return True
    if any("。" in _cell_text(cell) for cell in cells if _text_length(cell) > _DATA_CELL_MAX):
        return False  # a long cell of sentences: the page's article, laid out in a table
    rows = table.xpath(".//tr")
    figured = [
        row
        for row in rows
        if any(_FIGURE.fullmatch(_cell_text(cell).strip()) for cell in row.xpath("./td | ./th"))
    ]
    return len(figured) >= _FIGURED_ROWS_MIN and 2 * len(figured) >= len(rows)


def _is_text_block(element: etree._Element) -> bool:
    tag = element.tag.lower()
    if tag in _TEXT_BLOCK or tag in ("td", "th"):
        return True
    # A div or section holding only inline content is a paragraph, as readability reads it.
    return tag in ("div", "section", "span", "font", "center") and not any(
        isinstance(child.tag, str) and child.tag.lower() in _BLOCK for child in element
    )


def _score(root: etree._Element, skipped: _Skipped) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = defaultdict(float)

    def visit(element: etree._Element) -> None:
        for child in element:
            if skipped(child):
                continue
            tag = child.tag.lower()
            data_table = tag == "table" and _is_data_table(child)
            if data_table or _is_text_block(child):
                length = _text_length(child)
                if length and _link_length(child) / length <= _LINK_SHARE_MAX:
                    scores[child] += length
                    parent = child.getparent()
                    if parent is not None:
                        scores[parent] += length
                        grandparent = parent.getparent()
                        if grandparent is not None:
                            scores[grandparent] += length / 2
            if not data_table:
                visit(child)

    visit(root)
    return scores


def _article(root: etree._Element, skipped: _Skipped) -> etree._Element | None:
    scores = _score(root, skipped)
    if not scores:
        return None
    best = max(scores.values())
    if best <= 0:
        return None
    # Among near-ties take the deepest: a div of <br>-separated paragraphs beats its parent.
    near = [element for element, score in scores.items() if score >= best * _NEAR_TIE]
    return max(near, key=lambda element: len(list(element.iterancestors())))


def _cell_text(cell: etree._Element) -> str:
    """A cell's text on one line. Inline pieces join as written (Word's HTML splits `6.3`
    into `<span>6</span><span>.3</span>`); a paragraph or line break inside the cell joins
    as a wrapped line does (no space between Chinese characters)."""
    pieces: list[str] = []

    def visit(element: etree._Element) -> None:
        if not isinstance(element.tag, str) or element.tag.lower() in _DROPPED:
            return
        block = element.tag.lower() in _BLOCK or element.tag.lower() == "br"
        if block:
            pieces.append("\n")
        pieces.append(element.text or "")
        for child in element:
            visit(child)
            pieces.append(child.tail or "")
        if block:
            pieces.append("\n")

    pieces.append(cell.text or "")
    for child in cell:
        visit(child)
        pieces.append(child.tail or "")
    return clean_line("".join(pieces))


def _table_rows(table: etree._Element) -> tuple[list[list[GridCell]], int]:
    """The table's rows of cells (not those of nested tables) and its count of header rows."""
    tree = table.getroottree()
    rows: list[list[GridCell]] = []
    header_rows = 0
    in_head = True
    for row in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
        cells = [child for child in row if isinstance(child.tag, str) and child.tag in ("td", "th")]
        if not cells:
            continue
        heading = row.getparent().tag == "thead" or all(cell.tag == "th" for cell in cells)
        if in_head and heading:
            header_rows += 1
        else:
            in_head = False
        rows.append(
            [
                GridCell(
                    _cell_text(cell),
                    element=tree.getpath(cell),
                    rowspan=_span(cell.get("rowspan")),
                    colspan=_span(cell.get("colspan")),
                )
                for cell in cells
            ]
        )
    return rows, header_rows or implied_header_rows(rows)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), SPAN_MAX))
    except ValueError:
        return 1


class _Walker:
    """Writes an element's content in reading order: blocks as lines, tables as tables."""

    def __init__(self, tree: etree._ElementTree, skipped: _Skipped) -> None:
        self.tree = tree
        self.skipped = skipped
        self.builder = TextBuilder()
        self.pieces: list[str] = []
        self.line_element: etree._Element | None = None
        self.blocks: list[etree._Element] = []

    def flush(self) -> None:
        text = clean_line("".join(self.pieces))
        self.pieces = []
        if not text:
            return
        if is_furniture_line(text):
            return
        element = self.line_element if self.line_element is not None else self.blocks[-1]
        self.builder.line(text, Locator(element=self.tree.getpath(element)))
        self.line_element = None

    def add(self, text: str | None) -> None:
        if text:
            if not self.pieces:
                self.line_element = self.blocks[-1]
            self.pieces.append(text)

    def visit(self, element: etree._Element) -> None:
        tag = element.tag.lower()
        if tag == "br":
            self.flush()
            return
        if tag == "table" and _is_data_table(element):
            self.flush()
            rows, header_rows = _table_rows(element)
            self.builder.table(
                rows,
                header_rows=header_rows,
                locator=Locator(element=self.tree.getpath(element)),
            )
            return
        block = tag in _BLOCK
        if block:
            self.flush()
            self.blocks.append(element)
        lines_before = self.builder.lines
        self.add(element.text)
        for child in element:
            if not self.skipped(child):
                self.visit(child)
            self.add(child.tail)
        if block:
            self.flush()
            self.blocks.pop()
            if tag in _BOXES and self.builder.lines - lines_before >= 2 and len(self.blocks) > 1:
                # A box of several lines inside the article (专栏) ends as a table does.
                self.builder.blank_lines(2)


def _title(root: etree._Element, article: etree._Element) -> str | None:
    for candidates in (
        article.xpath(".//h1"),
        root.xpath("//h1"),
        root.xpath("//meta[@name='ArticleTitle']/@content"),
    ):
        for candidate in candidates:
            text = clean_line(candidate if isinstance(candidate, str) else candidate.text_content())
            if text:
                return text
    title = root.findtext(".//title")
    if title and clean_line(title):
        # "文章标题_网站名称": the site's name follows the last separator.
        return re.split(r"\s*(?:_|\s-\s|\|)\s*(?=[^_|]*$)", clean_line(title))[0]
    return None


def read(path: Path) -> Document:
    return read_page(read_file(path), path)


def read_page(raw: bytes, path: Path, *, format: str = "html") -> Document:
    """A web page's bytes, read as the page at `path` (a web archive's page, say)."""
    page, encoding = decode_page(raw, str(path))
    page = re.sub(r"^\s*<\?xml[^>]*\?>", "", page)  # lxml refuses str with an XML declaration
    try:
        root = lxml.html.document_fromstring(page, parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"{path}: not an HTML page ({error})") from None
    depth = _depth(root)
    if depth > _DEPTH_MAX:
        raise InputError(
            f"{path}: the page nests its elements {depth} deep; llmx reads pages up to "
            f"{_DEPTH_MAX} deep"
        )
    body = root.find("body")
    body = body if body is not None else root
    skipped = _Skipped(body)
    article = _article(body, skipped)
    if article is None:
        raise InputError(f"{path}: no article text found (only navigation and page furniture)")
    walker = _Walker(root.getroottree(), skipped)
    walker.blocks.append(article)
    walker.visit(article)
    walker.flush()
    text, source_map = walker.builder.build()
    if _visible_length(text) < _MIN_ARTICLE:
        raise InputError(f"{path}: no article text found (only navigation and page furniture)")
    return Document(
        id=path.stem,
        text=text,
        path=path,
        encoding=encoding,
        format=format,
        title=_title(root, article),
        source_map=source_map,
    )
