r"""Benchmark: reading scanned PDFs by OCR (llmx.readers.ocr), seconds a page and memory.

Run:  .venv/bin/python bench/bench_ocr.py [--repeats 2]
Writes bench/results/ocr.json. The five seeds' printed PDFs (evals/renderings/pdf) are
scanned as evals/renderings/score.py scans them (each page a grey picture at 150 dpi, no text
layer); each scan is read by `read_document` in a fresh process, `--repeats` times, best wall
time kept with that process's peak memory (ru_maxrss). The engine loads its models once a
process (included). ONNX Runtime uses every core it is given: the machine's, here.

Two modes serve `bench/paired.py`, to time llmx's allocator setting (ocr._keep_freed_memory)
against glibc's own, one fresh process a reading, in turn:

    .venv/bin/python bench/bench_ocr.py --scan 004 /tmp/scan004.pdf
    .venv/bin/python bench/paired.py -n 5 \
        --vs '.venv/bin/python bench/bench_ocr.py --read /tmp/scan004.pdf --plain' \
        -- '.venv/bin/python bench/bench_ocr.py --read /tmp/scan004.pdf'
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PRINTED = ROOT / "evals" / "renderings" / "pdf"


def _scanned(printed: Path, path: Path) -> Path:
    sys.path[:0] = [str(ROOT / "evals" / "renderings")]
    from render import scanned

    scan: Path = scanned(printed, path)
    return scan


def _read_here(scan: Path, plain: bool) -> dict[str, Any]:
    """One reading of `scan` in this process: its seconds (the imports of llmx and the OCR's
    models included), characters, format and peak memory."""
    started = time.perf_counter()
    from llmx.readers import ocr, read_document

    if plain:  # the C allocator as glibc sets it
        ocr._keep_freed_memory = lambda: None
    document = read_document(scan)
    return {
        "seconds": time.perf_counter() - started,
        "characters": len(document.text),
        "format": document.format,
        "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def _read(scan: Path) -> dict[str, Any]:
    """One reading of `scan` in a fresh process."""
    found: dict[str, Any] = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--read", str(scan)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--scan", nargs=2, metavar=("SEED", "OUT"), help="only write a scan")
    parser.add_argument("--read", type=Path, metavar="SCAN", help="only read SCAN, here")
    parser.add_argument("--plain", action="store_true", help="with --read: glibc's allocator")
    options = parser.parse_args()
    printed_pdfs = sorted(PRINTED.glob("*.pdf"))
    if options.read is not None:
        from llmx.errors import InputError

        try:
            print(json.dumps(_read_here(options.read, options.plain)))
        except InputError as error:
            parser.error(f"--read: {error}")
        return
    if options.scan is not None:
        seed, out = options.scan
        found = [printed for printed in printed_pdfs if printed.name.startswith(seed)]
        if len(found) != 1:
            parser.error(f"--scan {seed}: not one of the seeds' printed PDFs in {PRINTED}")
        try:
            _scanned(found[0], Path(out))
        except OSError as error:
            parser.error(f"--scan {seed} {out}: cannot write it ({error.strerror})")
        return
    import pypdfium2 as pdfium

    results: dict[str, dict[str, float | int | str]] = {}
    with tempfile.TemporaryDirectory(prefix="llmx-scans-") as scratch:
        for printed in printed_pdfs:
            scan = _scanned(printed, Path(scratch) / printed.name)
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
