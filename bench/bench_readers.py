"""Benchmark: how fast the readers read the seed renderings, and their share of a rules job.

Run:  .venv/bin/python bench/bench_readers.py
Writes bench/results/readers.json. Pinned to one core where the OS allows. For each format
the five renderings in evals/renderings/ (and the .txt seeds for reference) are read
`REPEATS` times and the best time is kept; then the rules extractor runs on what was read
(best of `REPEATS`, caches cleared), so the reader's share of the whole job is
read / (read + extract). Speeds are source-file megabytes (10^6 bytes) per second.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llmx.readers import read_document  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402
from llmx.rules import extractor as rules_module  # noqa: E402

REPEATS = 5
FORMATS = {
    "txt": (ROOT / "seeds", "txt", "llmx.readers.text"),
    "html": (ROOT / "evals" / "renderings" / "html", "html", "llmx.readers.html"),
    "docx": (ROOT / "evals" / "renderings" / "docx", "docx", "llmx.readers.docx"),
    "doc": (ROOT / "evals" / "renderings" / "doc", "doc", "llmx.readers.word97"),
    "rtf": (ROOT / "evals" / "renderings" / "rtf", "rtf", "llmx.readers.rtf"),
}


def best_of(action: object, repeats: int = REPEATS) -> float:
    assert callable(action)
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def measure(folder: Path, suffix: str, module: str) -> dict[str, float | int]:
    paths = sorted(folder.glob(f"*.{suffix}"))
    started = time.perf_counter()
    importlib.import_module(module)
    if suffix == "docx":
        importlib.import_module("docx")
    if suffix == "doc":
        importlib.import_module("olefile")
    import_seconds = time.perf_counter() - started
    size = sum(path.stat().st_size for path in paths)
    documents = [read_document(path) for path in paths]
    read_seconds = best_of(lambda: [read_document(path) for path in paths])

    def extract() -> None:
        rules_module._prepare.cache_clear()
        rules_module._facts_of.cache_clear()
        RulesExtractor().extract(documents)

    extract_seconds = best_of(extract)
    return {
        "files": len(paths),
        "bytes": size,
        "characters": sum(len(document.text) for document in documents),
        "read_seconds": round(read_seconds, 4),
        "mb_per_second": round(size / 1e6 / read_seconds, 2),
        "extract_seconds": round(extract_seconds, 4),
        "read_share_of_job": round(read_seconds / (read_seconds + extract_seconds), 3),
        "first_import_seconds": round(import_seconds, 3),
    }


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    results = {name: measure(*spec) for name, spec in FORMATS.items()}
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "repeats": REPEATS,
        "formats": results,
    }
    out = ROOT / "bench" / "results" / "readers.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print("format  files      bytes   read s    MB/s  extract s  read share  import s")
    for name, row in results.items():
        print(
            f"{name:6} {row['files']:6} {row['bytes']:10,} {row['read_seconds']:8.3f}"
            f" {row['mb_per_second']:7.2f} {row['extract_seconds']:10.3f}"
            f" {row['read_share_of_job']:11.1%} {row['first_import_seconds']:9.3f}"
        )


if __name__ == "__main__":
    main()
