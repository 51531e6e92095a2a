"""Benchmark: reading scanned PDFs by OCR (llmx.readers.ocr), seconds a page and memory.

Run:  .venv/bin/python bench/bench_ocr.py [--repeats 2]
Writes bench/results/ocr.json. The five seeds' printed PDFs (evals/renderings/pdf) are
scanned as evals/renderings/score.py scans them (each page a grey picture at 150 dpi, no text
layer); each scan is read by `read_document` in a fresh process, `--repeats` times, best wall
time kept with that process's peak memory (ru_maxrss). The engine loads its models once a
process (included). ONNX Runtime uses every core it is given: the machine's, here.

With `--allocator PAIRS` it instead reads scan 004 PAIRS times with llmx's allocator setting
(ocr._keep_freed_memory) and without it, in turn, and writes the medians to
bench/results/ocr_allocator.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "evals" / "renderings")]

from render import scanned  # noqa: E402

_CHILD = """
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from llmx.readers import ocr, read_document
if sys.argv[2:] == ["plain"]:  # the C allocator as glibc sets it
    ocr._keep_freed_memory = lambda: None
document = read_document(Path(sys.argv[1]))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "characters": len(document.text),
                  "format": document.format,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _read(scan: Path, *how: str) -> dict[str, Any]:
    """One reading of `scan` in a fresh process: its seconds, characters, format, peak."""
    found: dict[str, Any] = json.loads(
        subprocess.run(
            [sys.executable, "-c", _CHILD, str(scan), *how],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    )
    return found


def _allocator(scan: Path, pairs: int) -> None:
    """Read `scan` `pairs` times with the allocator keeping freed memory and as glibc sets it,
    in turn, and report the medians."""
    kept, plain = [], []
    for _ in range(pairs):
        kept.append(_read(scan))
        plain.append(_read(scan, "plain"))
    report = {
        how: {
            "seconds": round(statistics.median(run["seconds"] for run in runs), 2),
            "peak_mib": round(statistics.median(run["peak_kib"] for run in runs) / 1024, 1),
        }
        for how, runs in (("kept", kept), ("plain", plain))
    }
    report["ratio"] = {
        "seconds": round(
            statistics.median(
                a["seconds"] / b["seconds"] for a, b in zip(kept, plain, strict=True)
            ),
            3,
        )
    }
    out = ROOT / "bench" / "results" / "ocr_allocator.json"
    out.write_text(json.dumps({"scan": scan.name, "pairs": pairs, **report}, indent=2) + "\n")
    print(json.dumps(report))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument(
        "--allocator",
        type=int,
        default=0,
        metavar="PAIRS",
        help="instead: read scan 004 PAIRS times with and without freed memory kept, in turn",
    )
    options = parser.parse_args()
    import pypdfium2 as pdfium

    results: dict[str, dict[str, float | int | str]] = {}
    with tempfile.TemporaryDirectory(prefix="llmx-scans-") as scratch:
        printed_pdfs = sorted((ROOT / "evals" / "renderings" / "pdf").glob("*.pdf"))
        if options.allocator:
            [seed] = [printed for printed in printed_pdfs if printed.name.startswith("004")]
            _allocator(scanned(seed, Path(scratch) / seed.name), options.allocator)
            return
        for printed in printed_pdfs:
            scan = scanned(printed, Path(scratch) / printed.name)
            pages = len(pdfium.PdfDocument(scan))
            runs = [_read(scan) for _ in range(options.repeats)]
            best = min(runs, key=lambda run: run["seconds"])
            results[printed.stem] = {
                "pages": pages,
                "bytes": scan.stat().st_size,
                "seconds": round(best["seconds"], 2),
                "seconds_per_page": round(best["seconds"] / pages, 2),
                "characters": best["characters"],
                "format": best["format"],
                "peak_mib": round(best["peak_kib"] / 1024, 1),
            }
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "repeats": options.repeats,
        "scans": results,
    }
    out = ROOT / "bench" / "results" / "ocr.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{'scan':24} {'pages':>5} {'read s':>7} {'s/page':>7} {'chars':>7} {'peak MiB':>8}")
    for name, row in results.items():
        print(
            f"{name:24} {row['pages']:5} {row['seconds']:7.2f} {row['seconds_per_page']:7.2f}"
            f" {row['characters']:7} {row['peak_mib']:8.1f}"
        )


if __name__ == "__main__":
    main()
