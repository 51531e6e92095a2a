"""Benchmark: reading old Word files (`.doc`, `.rtf`) as they grow, beside the same `.docx`.

Run:  .venv/bin/python bench/bench_word97.py [--blocks 20,200] [--repeats 3]
Needs LibreOffice (`soffice`), which saves each `.docx` as Word 97–2003 and as RTF. Writes
bench/results/word97.json. A report of N blocks, each 100 paragraphs of prose with figures and
a table of 21 rows by 6 columns, is written with python-docx, then saved as `.doc` and `.rtf`;
each file is read by `read_document` in a fresh process pinned to one core, `--repeats` times,
keeping the best wall time and that process's peak memory (as bench_spreadsheets.py measures
them), then the rules extractor runs on the document once.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "evals" / "renderings")]

from bench_spreadsheets import measure  # noqa: E402
from render import write_doc, write_rtf  # noqa: E402

PARAGRAPHS_PER_BLOCK = 100


def write_docx(path: Path, blocks: int) -> Path:
    import docx

    word = docx.Document()
    for block in range(blocks):
        for line in range(PARAGRAPHS_PER_BLOCK):
            word.add_paragraph(
                f"第{block}部分第{line}段：全年实现地区生产总值{1000 + line}.{block % 10}亿元，"
                f"比上年增长{line % 9}.{block % 7}%，常住人口{50 + line}.{block}万人。"
            )
        table = word.add_table(rows=21, cols=6)
        for row in range(21):
            for column in range(6):
                table.cell(row, column).text = (
                    f"指标{row}(亿元)"
                    if column == 0
                    else f"{2018 + column}年"
                    if row == 0
                    else f"{row * column}.{block % 10}"
                )
    word.save(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", default="20,200", help="comma-separated sizes")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    results: dict[str, dict[str, float | int]] = {}
    with tempfile.TemporaryDirectory(prefix="llmx-word97-") as scratch:
        for blocks in (int(size) for size in options.blocks.split(",")):
            docx_path = write_docx(Path(scratch) / f"blocks{blocks}.docx", blocks)
            doc_path = write_doc(docx_path, Path(scratch))
            rtf_path = write_rtf(docx_path, Path(scratch))
            for path in (docx_path, doc_path, rtf_path):
                results[f"{blocks} blocks {path.suffix}"] = measure(path, options.repeats)
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "paragraphs_per_block": PARAGRAPHS_PER_BLOCK,
        "repeats": options.repeats,
        "files": results,
    }
    out = ROOT / "bench" / "results" / "word97.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{'file':18} {'bytes':>10} {'characters':>10} {'read s':>7} {'peak MiB':>8}")
    for name, row in results.items():
        print(
            f"{name:18} {row['bytes']:10,} {row['characters']:10,} {row['read_seconds']:7.2f}"
            f" {row['peak_mib']:8.1f}   extract {row['extract_seconds']:.2f} s,"
            f" {row['facts']:,} facts"
        )


if __name__ == "__main__":
    main()
