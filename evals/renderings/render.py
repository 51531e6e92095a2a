"""Render each seed report as it would be published: an HTML page, a DOCX and a PDF.

The seeds are plain text copied from government pages; people who use llmx have the pages
themselves. This script rebuilds them so every reader can be tested on the same reports the
gold labels:

- HTML: a district government site's page, with its navigation, breadcrumbs, the
  "发布时间 / 浏览次数 / 字体 大 中 小" line, a share widget and a footer (ICP number, 网站标识码,
  phone) around the article. Headings are h1–h4, the seeds' one-cell-per-line tables are real
  <table>s (a category cell spanning rows becomes a rowspan, a group row a colspan). Two of the
  pages are GB2312-labelled, as many such sites still are.
- DOCX: python-docx, heading styles for the title and section headings, real tables with
  merged cells and a repeated header row.
- DOC and RTF: that DOCX saved by LibreOffice as a Word 97–2003 file and as RTF, as many
  offices and sites' "download as Word" still give them.
- PDF: the HTML page printed by headless Chromium, so lines wrap where the layout puts them,
  with a running header and page numbers.

Run from the repository root: `python evals/renderings/render.py` (see README.md beside it).
Output is deterministic apart from the PDF's embedded creation date.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from llmx.sections import split_sections

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
OUT = Path(__file__).resolve().parent

# Pages served as GB2312-labelled bytes (GBK in practice), as many district sites still are.
GBK_PAGES = {"000_1157aa73679e19d8", "002_b58f78ac1f665e0d"}

_HEADING_MAX = 40
_CONTINUATION_MAX = 24
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_DISTRICT = re.compile(r"重[庆慶]市(\w{1,4}?[区區县縣])")
_PLAN_YEAR = re.compile(r"及(20\d{2})年")


# ---------------------------------------------------------------- the seed's structure


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    caption: list[str]
    header: list[Cell]
    body: list[list[Cell]]


@dataclass
class Block:
    """A line of the article: a heading (level 1–4), a paragraph (0), a box line, a table."""

    kind: str  # "heading", "paragraph", "box", "table", "meta"
    text: str = ""
    level: int = 0
    table: Table | None = None
    meta: list[list[str]] = field(default_factory=list)


@dataclass
class Article:
    seed: str
    title: str
    byline: list[str]
    blocks: list[Block]
    meta: list[list[str]]

    @property
    def district(self) -> str:
        found = _DISTRICT.search(self.title) or _DISTRICT.search(
            " ".join(b.text for b in self.blocks[:20])
        )
        return found.group(1) if found else "某区"

    @property
    def plan_year(self) -> int:
        found = _PLAN_YEAR.search(self.title)
        return int(found.group(1)) if found else 2024

    def number(self, salt: str, modulus: int) -> int:
        """A stable pseudo-random number for the page furniture (views, ids)."""
        return int(hashlib.sha256(f"{self.seed}{salt}".encode()).hexdigest()[:8], 16) % modulus


def _is_tab_region_line(lines: list[str], index: int) -> bool:
    line = lines[index]
    if line.startswith("\t") or not line.strip():
        return True
    follows_cell = index > 0 and lines[index - 1].strip() != ""
    return bool(follows_cell and len(line) <= _CONTINUATION_MAX)


def _region_rows(lines: list[str]) -> list[list[str]]:
    """Rows (separated by blank lines) of cells (tab lines, wrapped lines joined)."""
    rows: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.startswith("\t"):
            current.append(line[1:].strip())
        elif line.strip() and current:
            current[-1] += line.strip()
        elif current:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    return rows


def _table(rows: list[list[str]], header_index: int) -> Table:
    header = [Cell(text) for text in rows[header_index]]
    width = max(len(row) for row in rows[header_index:])
    header += [Cell("") for _ in range(width - len(header))]
    body: list[list[Cell]] = []
    spanning: Cell | None = None  # the first-column cell that spans the rows below it
    for texts in rows[header_index + 1 :]:
        if len(texts) < width and sum(1 for t in texts if t) == 1 and texts[0]:
            body.append([Cell(texts[0], colspan=width)])  # a group row: 一、推动高质量发展
            spanning = None
            continue
        cells = [Cell(text) for text in texts] + [Cell("") for _ in range(width - len(texts))]
        if not cells[0].text and spanning is not None:
            spanning.rowspan += 1
            cells = cells[1:]
        else:
            spanning = cells[0]
        body.append(cells)
    return Table(
        caption=[t for row in rows[:header_index] for t in row if t], header=header, body=body
    )


def _tab_region(lines: list[str]) -> list[Block]:
    rows = _region_rows(lines)
    header_index = next((i for i, row in enumerate(rows) if len(row) >= 3), None)
    if header_index is None:  # a box (专栏) of text: its lines stay lines
        return [Block("box", line.strip()) for line in lines if line.strip()]
    return [Block("table", table=_table(rows, header_index))]


def _heading_levels(text: str) -> dict[int, int]:
    """Line start offset → heading level, for the short heading lines the sections know."""
    levels: dict[int, int] = {}
    for section in split_sections("seed", text)[1:]:
        line = text[section.start :].split("\n", 1)[0]
        if len(line.strip()) <= _HEADING_MAX and not line.rstrip().endswith("。"):
            levels[section.start] = max(section.level, 1)
    return levels


def parse_seed(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    levels = _heading_levels(text)
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    meta = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in lines[:6]
        if " | " in line
    ]
    index = len([line for line in lines[:6] if " | " in line])
    groups: list[list[str]] = []  # the groups of lines before the salutation
    while index < len(lines) and not lines[index].startswith("各位代表"):
        if lines[index].strip():
            if index == 0 or not lines[index - 1].strip() or not groups:
                groups.append([])
            groups[-1].append(_BOOKMARK.sub("", lines[index]).strip())
        index += 1
    if index == len(lines):
        raise SystemExit(f"{path}: no salutation (各位代表) found; not a seed report")
    lines_before = [line for group in groups for line in group]
    if lines_before:
        # The title runs to the line that names the report; the rest is the byline.
        ends = [i for i, line in enumerate(lines_before) if re.search("报告|報告", line)]
        cut = ends[0] + 1 if ends else len(groups[0])
        title, byline = "".join(lines_before[:cut]), lines_before[cut:]
    else:
        names = [row[1] for row in meta if row and row[0].startswith("名称") and len(row) > 1]
        title, byline = (names[0] if names else path.stem), []
    blocks: list[Block] = []
    while index < len(lines):
        line = lines[index]
        if line.startswith("\t"):
            end = index
            while end < len(lines) and _is_tab_region_line(lines, end):
                end += 1
            region = _tab_region(lines[index:end])
            if region and region[0].kind == "box":
                # A box (专栏) runs on to the next double blank line, as llmx.sections reads it.
                while end + 1 < len(lines) and (lines[end].strip() or lines[end + 1].strip()):
                    if lines[end].strip():
                        region.append(Block("box", _BOOKMARK.sub("", lines[end]).strip()))
                    end += 1
            blocks.extend(region)
            index = end
            continue
        clean = _BOOKMARK.sub("", line).strip()
        if clean:
            level = levels.get(offsets[index], 0)
            blocks.append(Block("heading" if level else "paragraph", clean, level=level))
        index += 1
    return Article(path.stem, title, byline, blocks, meta)


# ---------------------------------------------------------------- HTML


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_table(table: Table, number: int) -> str:
    parts = []
    for line in table.caption:
        parts.append(f'<p class="table-title" style="text-align:center"><b>{_e(line)}</b></p>')
    parts.append(f'<table class="data" id="table{number}" border="1" cellspacing="0">')
    parts.append("<thead><tr>" + "".join(f"<th>{_e(c.text)}</th>" for c in table.header))
    parts.append("</tr></thead><tbody>")
    for row in table.body:
        cells = []
        for cell in row:
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
            )
            cells.append(f"<td{spans}>{_e(cell.text)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


def _article_html(article: Article) -> str:
    parts = [f'<h1 class="article-title">{_e(article.title)}</h1>']
    parts += [f'<p class="byline" style="text-align:center">{_e(b)}</p>' for b in article.byline]
    tables = 0
    box: list[str] = []

    def flush_box() -> None:
        if box:
            parts.append('<div class="box" style="border:1px solid #999;padding:8px">')
            parts.extend(f"<p>{_e(line)}</p>" for line in box)
            parts.append("</div>")
            box.clear()

    for block in article.blocks:
        if block.kind != "box":
            flush_box()
        if block.kind == "heading":
            tag = f"h{min(block.level + 1, 4)}"
            parts.append(f"<{tag}>{_e(block.text)}</{tag}>")
        elif block.kind == "paragraph":
            parts.append(f'<p style="text-indent:2em">{_e(block.text)}</p>')
        elif block.kind == "box":
            box.append(block.text)
        elif block.table is not None:
            tables += 1
            parts.append(_html_table(block.table, tables))
    flush_box()
    return "\n".join(parts)


_CSS = """
body { font-family: "WenQuanYi Micro Hei", sans-serif; margin: 0; }
.top, .nav, .crumbs, .main, .footer { width: 1000px; margin: 0 auto; }
.nav ul { list-style: none; display: flex; gap: 24px; padding: 0; }
.article-title { text-align: center; font-size: 22px; }
.info { text-align: center; color: #666; font-size: 13px; }
table.data { border-collapse: collapse; margin: 8px auto; }
table.data td, table.data th { border: 1px solid #333; padding: 2px 6px; }
.footer { border-top: 2px solid #b00; color: #555; font-size: 12px; text-align: center; }
@page { size: A4; margin: 22mm 16mm;
  @top-center { content: "%(site)s"; font: 9pt "WenQuanYi Micro Hei"; color: #666; }
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font: 9pt "WenQuanYi Micro Hei"; }
}
@media print { .top, .nav, .share, .tools { display: none; } .main, .footer { width: auto; } }
"""


def render_html(article: Article, charset: str) -> str:
    district = article.district
    site = f"重庆市{district}人民政府"
    views = 500 + article.number("views", 9000)
    published = f"{article.plan_year}-{2 + article.number('month', 2):02d}-" + (
        f"{10 + article.number('day', 18):02d} 09:{article.number('min', 60):02d}"
    )
    for row in article.meta:
        for index, cell in enumerate(row[:-1]):
            if "发布日期" in cell or "發布日期" in cell:
                published = row[index + 1] or published
    code = f"5002{article.number('code', 100):02d}0001"
    meta_rows = "".join(
        "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in article.meta
    )
    head_meta = (
        f'<meta charset="{charset}">'
        if charset == "utf-8"
        else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{head_meta}
<meta name="SiteName" content="{_e(site)}">
<meta name="ArticleTitle" content="{_e(article.title)}">
<meta name="PubDate" content="{_e(published)}">
<title>{_e(article.title)}_{_e(site)}</title>
<style>{_CSS % {"site": site}}</style>
</head>
<body>
<div class="top">
  <div class="top-links"><a href="/">{_e(site)}</a> | <a href="#">无障碍浏览</a> |
    <a href="#">长者模式</a> | <a href="#">English</a> | 2024年12月12日 星期四</div>
  <div class="logo"><img src="logo.png" alt="{_e(site)}"> 重庆市{_e(district)}人民政府 网站</div>
  <form class="search"><input name="q" placeholder="请输入关键词"> <button>搜索</button></form>
</div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
  <li><a href="/zjbs/">走进{_e(district)}</a></li><li><a href="/ztzl/">专题专栏</a></li>
</ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
  <a href="/zwgk/fdzdgknr/">法定主动公开内容</a> &gt; <a href="/zwgk/ghjh/">规划计划</a></div>
<div class="main">
{f'<table class="xxgk-info">{meta_rows}</table>' if meta_rows else ""}
<div class="article">
<div class="info">发布时间：{_e(published)} 来源：{_e(district)}发展改革委
  浏览次数：{views} <span class="tools">字体：[ <a href="#">大</a> <a href="#">中</a>
  <a href="#">小</a> ] <a href="javascript:window.print()">打印本页</a></span></div>
<div class="content TRS_Editor" id="zoom">
{_article_html(article)}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a>
  <a href="#">复制链接</a></div>
<div class="tools"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></div>
<div class="related"><h3>相关链接</h3><ul>
  <li><a href="#">{_e(district)}2023年1—11月经济运行情况</a> 2023-12-20</li>
  <li><a href="#">关于公布2024年第3批行政规范性文件目录的通知</a> 2024-03-08</li>
</ul></div>
</div>
</div>
<div class="footer">
  <p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">隐私声明</a></p>
  <p>主办单位：重庆市{_e(district)}人民政府办公室
     承办单位：重庆市{_e(district)}大数据应用发展管理局</p>
  <p>地址：重庆市{_e(district)}政府路8号 邮编：40{article.number("zip", 9000):04d}
     联系电话：023-{40000000 + article.number("tel", 9000000)}</p>
  <p>网站标识码：{code} <a href="#">渝ICP备{10000000 + article.number("icp", 9000000)}号-1</a>
     <a href="#">渝公网安备 50{article.number("ga", 10**12):012d}号</a></p>
  <p>建议使用1920×1080分辨率 IE10以上版本浏览器</p>
</div>
</body>
</html>
"""


def write_html(article: Article, folder: Path) -> Path:
    charset = "gb2312" if article.seed in GBK_PAGES else "utf-8"
    page = render_html(article, charset)
    path = folder / f"{article.seed}.html"
    # GB2312-labelled sites serve GBK in practice; characters outside it become references.
    codec = "gbk" if charset == "gb2312" else "utf-8"
    path.write_bytes(page.encode(codec, errors="xmlcharrefreplace"))
    return path


# ---------------------------------------------------------------- DOCX


def write_docx(article: Article, folder: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = article.title
    document.core_properties.author = f"{article.district}发展改革委"
    document.add_heading(article.title, level=0)
    for line in article.byline:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    box: list[str] = []

    def flush_box() -> None:
        # A box (专栏) is a one-cell bordered table holding its paragraphs, as Word users make it.
        if box:
            cell = document.add_table(rows=1, cols=1, style="Table Grid").cell(0, 0)
            cell.text = box[0]
            for line in box[1:]:
                cell.add_paragraph(line)
            box.clear()

    for block in article.blocks:
        if block.kind == "box":
            box.append(block.text)
            continue
        flush_box()
        if block.kind == "heading":
            document.add_heading(block.text, level=min(block.level, 3))
        elif block.kind == "paragraph":
            document.add_paragraph(block.text)
        elif block.table is not None:
            table = block.table
            for line in table.caption:
                caption = document.add_paragraph(line)
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            width = len(table.header)
            grid = document.add_table(rows=1 + len(table.body), cols=width)
            grid.style = "Table Grid"
            header_row = grid.rows[0]
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            header_row._tr.get_or_add_trPr().append(flag)
            for column, cell in enumerate(table.header):
                header_row.cells[column].text = cell.text
            occupied: set[tuple[int, int]] = set()
            for row_index, row in enumerate(table.body, start=1):
                column = 0
                for cell in row:
                    while (row_index, column) in occupied:
                        column += 1
                    target = grid.cell(row_index, column)
                    last_row = row_index + cell.rowspan - 1
                    last_column = column + cell.colspan - 1
                    if (last_row, last_column) != (row_index, column):
                        target = target.merge(grid.cell(last_row, last_column))
                    target.text = cell.text
                    for r in range(row_index, last_row + 1):
                        for c in range(column, last_column + 1):
                            occupied.add((r, c))
                    column = last_column + 1
    flush_box()
    stamp = datetime(article.plan_year, 2, 1, tzinfo=UTC)
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = stamp
    path = folder / f"{article.seed}.docx"
    document.save(str(path))
    _fix_zip_times(path)
    return path


def _fix_zip_times(path: Path) -> None:
    """Rewrite the zip with fixed entry times, so rendering twice gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)


# ---------------------------------------------------------------- PDF


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


SCAN_DPI = 150


def scanned(printed: Path, path: Path, dpi: int = SCAN_DPI) -> Path:
    """An image-only copy of a printed PDF, each page a grey picture, as a scanner makes."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(printed)
    try:
        pages = [
            document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))
        ]
    finally:
        document.close()
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=dpi)
    return path


def write_doc(source: Path, folder: Path) -> Path:
    """A document saved as Word 97–2003 (`.doc`) by LibreOffice, a writer llmx shares no code
    with."""
    return saved_by_libreoffice(source, folder, "doc:MS Word 97")


def write_rtf(source: Path, folder: Path) -> Path:
    """A document saved as RTF by LibreOffice."""
    return saved_by_libreoffice(source, folder, "rtf")


def saved_by_libreoffice(source: Path, folder: Path, convert_to: str) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui)"
            " for .doc and .rtf files"
        )
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                convert_to,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return folder / f"{source.stem}.{convert_to.split(':')[0]}"


def write_pdf(html_path: Path, folder: Path) -> Path:
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium not found: install it (apt-get install chromium) for PDFs")
    path = folder / f"{html_path.stem}.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={path}",
                html_path.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="html,docx,doc,rtf,pdf", help="comma-separated")
    parser.add_argument("seeds", nargs="*", type=Path, help="seed files (default: all)")
    options = parser.parse_args(argv)
    formats = set(options.formats.split(","))
    for seed in options.seeds or sorted(SEEDS.glob("*.txt")):
        article = parse_seed(seed)
        for kind in ("html", "docx", "doc", "rtf", "pdf"):
            (OUT / kind).mkdir(exist_ok=True)
        html_path = write_html(article, OUT / "html")
        written = [html_path] if "html" in formats else []
        if formats & {"docx", "doc", "rtf"}:
            docx_path = write_docx(article, OUT / "docx")
            written.extend([docx_path] if "docx" in formats else [])
        if "doc" in formats:
            written.append(write_doc(docx_path, OUT / "doc"))
        if "rtf" in formats:
            written.append(write_rtf(docx_path, OUT / "rtf"))
        if "pdf" in formats:
            written.append(write_pdf(html_path, OUT / "pdf"))
        print(" ".join(str(p.relative_to(ROOT)) for p in written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
