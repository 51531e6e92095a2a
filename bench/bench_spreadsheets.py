"""Benchmark: reading spreadsheets (`.xlsx` with openpyxl, `.xls` with xlrd) as they grow.

Run:  .venv/bin/python bench/bench_spreadsheets.py [--rows 1000,10000,50000] [--repeats 3]
Writes bench/results/spreadsheets.json. A yearbook-shaped sheet (a title, a unit line, a
header of nine years, then N rows of a label and nine figures under `#,##0.0`) is written at
each size in both formats; each file is read by `read_document` in a fresh process pinned to
one core, `--repeats` times, keeping the best wall time and that process's peak memory
(ru_maxrss, which includes the interpreter and the libraries: about 60 MB before any file),
then the rules extractor runs on the document once, timed alone.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEARS = [f"{year}年" for year in range(2014, 2023)]
FIGURE_FORMAT = "#,##0.0"

# Reads one file in this process and prints seconds to read, characters, seconds to extract
# and peak memory in KiB, as JSON.
_CHILD = """
import json, os, resource, sys, time
from pathlib import Path
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from llmx.readers import read_document
from llmx.rules import RulesExtractor
started = time.perf_counter()
document = read_document(Path(sys.argv[1]))
read = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
facts = RulesExtractor().extract([document]).facts
extract = time.perf_counter() - started
print(json.dumps({"read": read, "characters": len(document.text), "facts": len(facts),
                  "extract": extract, "peak_kib": peak}))
"""


def _rows(count: int, seed: int = 1) -> list[list[str | float]]:
    chance = random.Random(seed)
    return [
        [f"指标{index}(万元)", *(round(chance.uniform(0, 1e6), 1) for _ in YEARS)]
        for index in range(count)
    ]


def write_xlsx(path: Path, rows: list[list[str | float]]) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["表1 历年主要指标"])
    sheet.append(["单位：万元"])
    sheet.append(["指标", *YEARS])
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=4, min_col=2):
        for cell in cells:
            cell.number_format = FIGURE_FORMAT
    workbook.save(path)


def write_xls(path: Path, rows: list[list[str | float]]) -> None:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("表1")
    figure = xlwt.easyxf(num_format_str=FIGURE_FORMAT)
    for index, row in enumerate([["表1 历年主要指标"], ["单位：万元"], ["指标", *YEARS], *rows]):
        for column, value in enumerate(row):
            if isinstance(value, float):
                sheet.write(index, column, value, figure)
            else:
                sheet.write(index, column, value)
    workbook.save(str(path))


def measure(path: Path, repeats: int) -> dict[str, float | int]:
    runs = []
    for _ in range(repeats):
        completed = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        runs.append(json.loads(completed.stdout))
    best = min(runs, key=lambda run: run["read"])
    return {
        "bytes": path.stat().st_size,
        "characters": best["characters"],
        "facts": best["facts"],
        "read_seconds": round(best["read"], 3),
        "extract_seconds": round(best["extract"], 3),
        "peak_mib": round(best["peak_kib"] / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000,50000", help="comma-separated sizes")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    sizes = [int(size) for size in options.rows.split(",")]
    results: dict[str, dict[str, float | int]] = {}
    with tempfile.TemporaryDirectory(prefix="llmx-sheets-") as scratch:
        for size in sizes:
            rows = _rows(size)
            for suffix, write in (("xlsx", write_xlsx), ("xls", write_xls)):
                path = Path(scratch) / f"rows{size}.{suffix}"
                write(path, rows)
                results[f"{size} rows .{suffix}"] = measure(path, options.repeats)
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "columns": 1 + len(YEARS),
        "repeats": options.repeats,
        "files": results,
    }
    out = ROOT / "bench" / "results" / "spreadsheets.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{'file':18} {'bytes':>10} {'cells':>8} {'read s':>7} {'k cells/s':>9} {'peak MiB':>8}")
    for name, row in results.items():
        cells = int(name.split()[0]) * (1 + len(YEARS))
        print(
            f"{name:18} {row['bytes']:10,} {cells:8,} {row['read_seconds']:7.2f}"
            f" {cells / 1000 / float(row['read_seconds']):9.0f} {row['peak_mib']:8.1f}"
            f"   extract {row['extract_seconds']:.2f} s, {row['facts']:,} facts"
        )


if __name__ == "__main__":
    main()
