"""Print each seed as a PDF, the way a report is published: a narrow column, running furniture.

Run:  .venv/bin/python bench/print_seeds.py [OUT_DIR]      (default /tmp/pdfseeds)

The fixtures of the PDF library comparison (bench/bench_pdf_libraries.py): only the seed's
own text is printed, so what a library reads back can be compared character by character
(evals/renderings/pdf/ holds the seeds as published, site furniture and all). Each seed's
text becomes a minimal HTML page: one paragraph per line, the seeds' tables (one tab-indented
cell per line, rows between blank lines) as `<table>`, a column narrow enough and
`word-break: break-all` so that lines wrap inside numbers ("增长6.\\n5%"), a running header
and a page-number footer (CSS `@page` margin boxes) on every page. Headless
Chromium prints it.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "readers"))

from pdf_cases import print_pdf  # noqa: E402  (the tests print their fixtures the same way)

STYLE = """
@page { size: A4; margin: 25mm 22mm;
  @top-center { content: "%(header)s"; font-size: 9pt; }
  @bottom-center { content: counter(page); font-size: 9pt; } }
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 11pt; width: 110mm;
  word-break: break-all; line-height: 1.5; }
p { margin: 0 0 0.5em 0; text-indent: 2em; }
h2 { font-size: 12pt; margin: 0.8em 0 0.4em 0; }
table { border-collapse: collapse; font-size: 9pt; margin: 0.5em 0; }
td { border: 1px solid #333; padding: 2px 4px; }
"""


def _table_html(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    lines = ["<table>"]
    for row in rows:
        cells = [f"<td>{html.escape(cell)}</td>" for cell in row]
        if len(row) < width:  # a title row or a short row spans the rest
            cells[-1] = f'<td colspan="{width - len(row) + 1}">{html.escape(row[-1])}</td>'
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def seed_html(text: str, header: str) -> str:
    """The seed as one HTML page; tab-indented runs are tables, other lines paragraphs."""
    body: list[str] = []
    rows: list[list[str]] = []
    row: list[str] = []
    in_table = False

    def close_table() -> None:
        nonlocal rows, row, in_table
        if row:
            rows.append(row)
        if rows:
            body.append(_table_html(rows))
        rows, row, in_table = [], [], False

    for line in text.splitlines():
        if line.startswith("\t"):
            in_table = True
            row.append(line.strip())
        elif in_table and not line.strip():
            if row:
                rows.append(row)
            row = []
        elif in_table and row and len(line) <= 24:
            row[-1] += line.strip()  # a wrapped cell's continuation
        else:
            if in_table:
                close_table()
            if line.strip():
                body.append(f"<p>{html.escape(line.strip())}</p>")
    close_table()
    style = STYLE % {"header": header.replace('"', "")}
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><style>{style}</style></head>'
        f"<body>{''.join(body)}</body></html>"
    )


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/pdfseeds")
    out.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        title = next(line.strip() for line in text.splitlines() if line.strip())
        page = out / f"{seed.stem}.html"
        page.write_text(seed_html(text, title[:40]), encoding="utf-8")
        print_pdf(page, out / f"{seed.stem}.pdf")
        page.unlink()
        print(out / f"{seed.stem}.pdf")


if __name__ == "__main__":
    main()
